//! Settings → Connections: which stores and tracking services the app talks to, and their
//! credentials. Credentials are tested against the platform before they are kept, and are
//! kept only in the OS keyring; the UI never gets a stored secret back.

use crate::error::AppError;
use crate::state::AppState;
use meridian_connectors::config::*;
use meridian_connectors::Config;
use meridian_sync::secrets::CredentialSource;
use meridian_sync::{Connections, Keyring, MemorySecrets};
use serde::Serialize;
use std::collections::BTreeMap;
use tauri::State;

/// One configured connection as the settings list shows it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ConnectionView {
    /// The keyring account, also the connection's id ("shopify/<shop>").
    pub account: String,
    /// "shopify", "amazon", "woocommerce", "17track" or "aftership".
    pub kind: String,
    /// Shop domain, Amazon region, site URL, or the service's name.
    pub address: String,
    /// The credential fields this kind needs, in order.
    pub fields: Vec<String>,
    pub has_credentials: bool,
}

fn fields(kind: &str) -> &'static [&'static str] {
    match kind {
        "shopify" => &["access_token", "webhook_secret"],
        "amazon" => &["client_id", "client_secret", "refresh_token"],
        "woocommerce" => &["consumer_key", "consumer_secret", "webhook_secret"],
        "17track" => &["key"],
        "aftership" => &["api_key", "webhook_secret"],
        _ => &[],
    }
}

/// Every connection of a config: (account, kind, address).
fn entries(cfg: &Config) -> Vec<(String, &'static str, String)> {
    let mut out = Vec::new();
    out.extend(cfg.shopify.iter().map(|c| (c.account(), "shopify", c.shop.clone())));
    out.extend(cfg.amazon.iter().map(|c| (c.account(), "amazon", c.region.clone())));
    out.extend(cfg.woocommerce.iter().map(|c| (c.account(), "woocommerce", c.site.clone())));
    out.extend(cfg.track17.iter().map(|c| (c.account(), "17track", "17TRACK".to_owned())));
    out.extend(cfg.aftership.iter().map(|c| (c.account(), "aftership", "AfterShip".to_owned())));
    out
}

/// The config with only the connection `account` in it (to test that one alone).
fn only(cfg: &Config, account: &str) -> Config {
    Config {
        http: cfg.http.clone(),
        shopify: cfg.shopify.iter().filter(|c| c.account() == account).cloned().collect(),
        amazon: cfg.amazon.iter().filter(|c| c.account() == account).cloned().collect(),
        woocommerce: cfg.woocommerce.iter().filter(|c| c.account() == account).cloned().collect(),
        track17: cfg.track17.clone().filter(|c| c.account() == account),
        aftership: cfg.aftership.clone().filter(|c| c.account() == account),
        smtp: cfg.smtp.clone().filter(|c| c.account() == account),
        sandbox_admin: cfg.sandbox_admin.clone(),
    }
}

fn read_config(state: &AppState) -> Result<Config, AppError> {
    let path = state.connectors_path();
    if !path.exists() {
        return Ok(Config::default());
    }
    let text = std::fs::read_to_string(&path).map_err(|e| AppError::new("db-io", &[("path", format!("{}: {e}", path.display()))], &state.locale()))?;
    Config::from_toml(&text).map_err(|e| AppError::new("connection-config", &[("path", path.display().to_string()), ("message", e)], &state.locale()))
}

#[tauri::command]
#[specta::specta]
pub async fn list_connections(state: State<'_, AppState>) -> Result<Vec<ConnectionView>, AppError> {
    let cfg = read_config(&state)?;
    let list = entries(&cfg);
    let views = tauri::async_runtime::spawn_blocking(move || {
        list.into_iter()
            .map(|(account, kind, address)| ConnectionView {
                has_credentials: Keyring::default().get(&account).is_ok(),
                fields: fields(kind).iter().map(|f| f.to_string()).collect(),
                account,
                kind: kind.into(),
                address,
            })
            .collect::<Vec<_>>()
    })
    .await
    .map_err(|e| AppError::new("unexpected", &[("message", e.to_string())], &state.locale()))?;
    Ok(views)
}

/// Adds a connection to the config (`address`: shop domain, Amazon region "na|eu|fe" with
/// marketplace ids after a colon, WooCommerce site URL; ignored for tracking services).
#[tauri::command]
#[specta::specta]
pub async fn add_connection(state: State<'_, AppState>, kind: String, address: String) -> Result<(), AppError> {
    let locale = state.locale();
    let invalid = |what: &str| AppError::new("connection-invalid", &[("what", what.to_owned())], &locale);
    let mut cfg = read_config(&state)?;
    let address = address.trim();
    match kind.as_str() {
        "shopify" => {
            let shop = address.trim_start_matches("https://").trim_end_matches('/').to_lowercase();
            if !shop.ends_with(".myshopify.com") || shop.contains('/') {
                return Err(invalid("shop domain (name.myshopify.com)"));
            }
            cfg.shopify.push(ShopifyConfig { shop, endpoint: None, api_version: "2025-10".into() });
        }
        "amazon" => {
            let (region, markets) = address.split_once(':').unwrap_or((address, ""));
            if !matches!(region, "na" | "eu" | "fe") {
                return Err(invalid("region (na, eu or fe)"));
            }
            let marketplace_ids: Vec<String> = markets.split(',').map(str::trim).filter(|m| !m.is_empty()).map(str::to_owned).collect();
            if marketplace_ids.is_empty() {
                return Err(invalid("marketplace ids (region:ID,ID)"));
            }
            cfg.amazon.push(AmazonConfig { region: region.into(), marketplace_ids, endpoint: None, lwa_endpoint: None });
        }
        "woocommerce" => {
            if !address.starts_with("https://") {
                return Err(invalid("site URL (https://…)"));
            }
            cfg.woocommerce.push(WooConfig { site: address.trim_end_matches('/').into(), domain: None });
        }
        "17track" => cfg.track17 = Some(Track17Config { endpoint: None }),
        "aftership" => cfg.aftership = Some(AfterShipConfig { endpoint: None, api_version: "2025-07".into() }),
        _ => return Err(invalid("kind")),
    }
    let path = state.connectors_path();
    std::fs::write(&path, cfg.to_toml()).map_err(|e| AppError::new("db-io", &[("path", format!("{}: {e}", path.display()))], &locale))?;
    Ok(())
}

/// Tests the credentials against the platform; only when they work are they stored in the
/// keyring, and the sync restarts with them.
#[tauri::command]
#[specta::specta]
pub async fn save_credentials(app: tauri::AppHandle, state: State<'_, AppState>, account: String, values: BTreeMap<String, String>) -> Result<(), AppError> {
    let locale = state.locale();
    let cfg = read_config(&state)?;
    let Some((_, kind, _)) = entries(&cfg).into_iter().find(|(a, _, _)| *a == account) else {
        return Err(AppError::new("connection-invalid", &[("what", account.clone())], &locale));
    };
    for f in fields(kind) {
        if values.get(*f).is_none_or(|v| v.trim().is_empty()) {
            return Err(AppError::new("connection-invalid", &[("what", f.to_string())], &locale));
        }
    }
    let json = serde_json::to_string(&values).expect("strings serialise");
    let single = only(&cfg, &account);
    let conns = Connections::new(&single, &MemorySecrets::from_entries([(account.clone(), json.clone())]))
        .map_err(|e| AppError::new("connection-invalid", &[("what", e.to_string())], &locale))?;
    let checked = match (conns.stores.first(), &conns.track17, &conns.aftership) {
        (Some(c), _, _) => c.check().await,
        (None, Some(t), _) => t.check().await,
        (None, None, Some(a)) => a.check().await,
        _ => Ok(()),
    };
    checked.map_err(|e| AppError::new("connection-check", &[("message", e.to_string())], &locale))?;
    let acct = account.clone();
    tauri::async_runtime::spawn_blocking(move || Keyring::default().set(&acct, &json))
        .await
        .map_err(|e| AppError::new("unexpected", &[("message", e.to_string())], &locale))?
        .map_err(|e| AppError::new("connection-keyring", &[("message", e.to_string())], &locale))?;
    if let Some(store) = state.store.clone() {
        crate::sync::restart(app, store, state.sync.clone(), state.location.clone());
    }
    Ok(())
}
