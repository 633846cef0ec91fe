//! Credentials in the OS keyring (Secret Service on Linux, Keychain, Credential Manager),
//! one entry per connection under the service "meridian", holding the credentials as JSON.
//! Nothing else in Meridian stores a secret: not the database, not the config, not logs.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Mutex;

pub const SERVICE: &str = "meridian";

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SecretError {
    #[error("no credentials for {account} in the keyring: add them in Settings → Connections")]
    Missing { account: String },
    #[error("the keyring refused access to {account}: {message}")]
    Keyring { account: String, message: String },
    #[error("the keyring entry for {account} is not valid credentials")]
    Corrupt { account: String },
}

/// Where credentials come from: the OS keyring in the app and CLI, memory in tests.
pub trait CredentialSource: Send + Sync {
    fn get(&self, account: &str) -> Result<String, SecretError>;
    fn set(&self, account: &str, value: &str) -> Result<(), SecretError>;
    fn delete(&self, account: &str) -> Result<(), SecretError>;
}

/// Typed read of one connection's credentials.
pub fn load<T: DeserializeOwned>(src: &dyn CredentialSource, account: &str) -> Result<T, SecretError> {
    let text = src.get(account)?;
    serde_json::from_str(&text).map_err(|_| SecretError::Corrupt { account: account.into() })
}

pub fn save<T: Serialize>(src: &dyn CredentialSource, account: &str, value: &T) -> Result<(), SecretError> {
    src.set(account, &serde_json::to_string(value).expect("credentials are plain data"))
}

/// The OS keyring. Calls block on D-Bus: call from a blocking context or at start-up.
#[derive(Debug, Clone)]
pub struct Keyring {
    service: String,
}

impl Default for Keyring {
    /// The service "meridian", or `MERIDIAN_KEYRING_SERVICE` (tests and parallel sandboxes
    /// keep their credentials apart with it).
    fn default() -> Keyring {
        Keyring::with_service(&std::env::var("MERIDIAN_KEYRING_SERVICE").unwrap_or_else(|_| SERVICE.to_owned()))
    }
}

impl Keyring {
    pub fn with_service(service: &str) -> Keyring {
        Keyring { service: service.to_owned() }
    }
}

fn keyring_error(account: &str, e: keyring::Error) -> SecretError {
    match e {
        keyring::Error::NoEntry => SecretError::Missing { account: account.into() },
        other => SecretError::Keyring { account: account.into(), message: other.to_string() },
    }
}

impl CredentialSource for Keyring {
    fn get(&self, account: &str) -> Result<String, SecretError> {
        let entry = keyring::Entry::new(&self.service, account).map_err(|e| keyring_error(account, e))?;
        entry.get_password().map_err(|e| keyring_error(account, e))
    }

    fn set(&self, account: &str, value: &str) -> Result<(), SecretError> {
        let entry = keyring::Entry::new(&self.service, account).map_err(|e| keyring_error(account, e))?;
        entry.set_password(value).map_err(|e| keyring_error(account, e))
    }

    fn delete(&self, account: &str) -> Result<(), SecretError> {
        let entry = keyring::Entry::new(&self.service, account).map_err(|e| keyring_error(account, e))?;
        match entry.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keyring_error(account, e)),
        }
    }
}

/// Credentials held in memory: tests, and a sandbox started in-process.
#[derive(Debug, Default)]
pub struct MemorySecrets(Mutex<HashMap<String, String>>);

impl MemorySecrets {
    pub fn from_entries(entries: impl IntoIterator<Item = (String, String)>) -> MemorySecrets {
        MemorySecrets(Mutex::new(entries.into_iter().collect()))
    }
}

impl CredentialSource for MemorySecrets {
    fn get(&self, account: &str) -> Result<String, SecretError> {
        self.0.lock().expect("secrets lock").get(account).cloned().ok_or(SecretError::Missing { account: account.into() })
    }
    fn set(&self, account: &str, value: &str) -> Result<(), SecretError> {
        self.0.lock().expect("secrets lock").insert(account.into(), value.into());
        Ok(())
    }
    fn delete(&self, account: &str) -> Result<(), SecretError> {
        self.0.lock().expect("secrets lock").remove(account);
        Ok(())
    }
}
