//! The sync: keeps the store fresh from the platforms and gives them back what happened.
//!
//! - `secrets`: credentials live only in the OS keyring (one JSON entry per connection).
//! - `connections`: the configured clients, one per store connection and tracking service.
//! - `engine`: backfill then follow, by updated-since passes with checkpoints saved in the
//!   same transaction as each page, so a killed sync resumes with nothing lost or doubled;
//!   identity linking; connector health.
//! - `receiver`: the webhook endpoint (signatures checked by the clients), which refetches
//!   or applies what changed and announces it to the app.
//! - `writeback`: notes, tags, return requests and CSAT through the durable outbox.

pub mod connections;
pub mod engine;
pub mod receiver;
pub mod replies;
pub mod secrets;
pub mod writeback;

pub use connections::{Connection, Connections, OrderClient};
pub use engine::{Change, Summary, Syncer};
pub use secrets::{CredentialSource, Keyring, MemorySecrets, SecretError};
