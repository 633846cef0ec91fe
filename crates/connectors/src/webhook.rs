//! Webhook signatures and replay protection, checked on the raw body before any parsing.

use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    #[error("the {0} signature header is missing")]
    MissingSignature(&'static str),
    #[error("the signature does not match the body")]
    BadSignature,
    #[error("delivery {0} was already received (replay)")]
    Replayed(String),
    #[error("delivery is too old ({0} s) to be accepted")]
    Stale(i64),
}

/// `base64(HMAC-SHA256(secret, body))`: Shopify (`X-Shopify-Hmac-Sha256`), WooCommerce
/// (`X-WC-Webhook-Signature`), AfterShip (`aftership-hmac-sha256`).
pub fn hmac_sha256_base64(secret: &[u8], body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(body);
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Checks a base64 HMAC-SHA256 signature in constant time.
pub fn verify_hmac_base64(secret: &[u8], body: &[u8], header: Option<&str>, header_name: &'static str) -> Result<(), WebhookError> {
    let given = header.ok_or(WebhookError::MissingSignature(header_name))?;
    let given = base64::engine::general_purpose::STANDARD.decode(given.trim()).map_err(|_| WebhookError::BadSignature)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(body);
    mac.verify_slice(&given).map_err(|_| WebhookError::BadSignature)
}

/// 17TRACK's `sign`: lowercase hex SHA-256 of `body + "/" + key` (a plain hash, not HMAC).
pub fn track17_sign(key: &str, body: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(body);
    h.update(b"/");
    h.update(key.as_bytes());
    hex::encode(h.finalize())
}

pub fn verify_track17(key: &str, body: &[u8], header: Option<&str>) -> Result<(), WebhookError> {
    let given = header.ok_or(WebhookError::MissingSignature("sign"))?;
    let expected = track17_sign(key, body);
    if constant_time_eq(given.trim().to_ascii_lowercase().as_bytes(), expected.as_bytes()) { Ok(()) } else { Err(WebhookError::BadSignature) }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Remembers recent delivery ids (Shopify `X-Shopify-Webhook-Id`, WooCommerce
/// `X-WC-Webhook-Delivery-ID`, AfterShip `event_id`, 17TRACK body hash) and refuses a second
/// delivery of the same one, and deliveries older than the window when they carry a time.
#[derive(Debug)]
pub struct ReplayGuard {
    window_secs: i64,
    capacity: usize,
    seen: Mutex<(HashMap<String, i64>, VecDeque<String>)>,
}

impl ReplayGuard {
    pub fn new(window_secs: i64, capacity: usize) -> ReplayGuard {
        ReplayGuard { window_secs, capacity, seen: Mutex::default() }
    }

    /// Accepts `id` once; `sent_at` (unix seconds) is checked against the window when known.
    pub fn accept(&self, id: &str, sent_at: Option<i64>, now: i64) -> Result<(), WebhookError> {
        if let Some(at) = sent_at {
            if now - at > self.window_secs {
                return Err(WebhookError::Stale(now - at));
            }
        }
        let mut guard = self.seen.lock().expect("replay guard lock");
        let (map, order) = &mut *guard;
        if map.contains_key(id) {
            return Err(WebhookError::Replayed(id.to_owned()));
        }
        map.insert(id.to_owned(), now);
        order.push_back(id.to_owned());
        while order.len() > self.capacity {
            if let Some(old) = order.pop_front() {
                map.remove(&old);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_round_trip_and_tamper() {
        let sig = hmac_sha256_base64(b"secret", b"{\"id\":1}");
        assert!(verify_hmac_base64(b"secret", b"{\"id\":1}", Some(&sig), "x").is_ok());
        assert_eq!(verify_hmac_base64(b"secret", b"{\"id\":2}", Some(&sig), "x"), Err(WebhookError::BadSignature));
        assert_eq!(verify_hmac_base64(b"other", b"{\"id\":1}", Some(&sig), "x"), Err(WebhookError::BadSignature));
        assert_eq!(verify_hmac_base64(b"secret", b"{}", None, "x"), Err(WebhookError::MissingSignature("x")));
        assert_eq!(verify_hmac_base64(b"secret", b"{}", Some("%%%"), "x"), Err(WebhookError::BadSignature));
    }

    #[test]
    fn track17_sign_is_sha256_of_body_slash_key() {
        // sha256("{}/k") computed independently.
        let expected = hex::encode(Sha256::digest(b"{}/k"));
        assert_eq!(track17_sign("k", b"{}"), expected);
        assert!(verify_track17("k", b"{}", Some(&expected.to_uppercase())).is_ok());
        assert!(verify_track17("k", b"{ }", Some(&expected)).is_err());
    }

    #[test]
    fn replays_and_stale_deliveries_are_refused() {
        let g = ReplayGuard::new(300, 2);
        assert!(g.accept("a", Some(1000), 1000).is_ok());
        assert_eq!(g.accept("a", Some(1000), 1001), Err(WebhookError::Replayed("a".into())));
        assert_eq!(g.accept("b", Some(100), 1000), Err(WebhookError::Stale(900)));
        assert!(g.accept("c", None, 1000).is_ok());
        assert!(g.accept("d", None, 1000).is_ok());
        // "a" fell out of the bounded memory; the time window still protects old ones.
        assert!(g.accept("a", Some(990), 1000).is_ok());
    }
}

/// What a verified webhook tells the sync.
#[derive(Debug, Clone, PartialEq)]
pub enum WebhookEvent {
    /// An order changed on the platform: refetch it by this external id (Shopify GID,
    /// WooCommerce id) within the rate budget.
    OrderChanged { external_id: String },
    /// A tracking service pushed a parcel's new state.
    Tracking(crate::TrackingUpdate),
    /// A delivery that needs only a 200 (WooCommerce's ping, topics Meridian ignores).
    Ignored(String),
}
