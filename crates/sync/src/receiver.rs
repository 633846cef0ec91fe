//! The webhook endpoint. Each delivery is verified by its platform's client on the raw body
//! (bad or missing signature → 401, as the platforms expect), replays are acknowledged and
//! ignored, and what changed is fetched or applied in the background so the platform gets
//! its 2xx within its timeout.

use crate::engine::Syncer;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use meridian_connectors::webhook::{WebhookError, WebhookEvent};
use meridian_core::Platform;
use std::net::SocketAddr;
use std::sync::Arc;

pub fn router(syncer: Arc<Syncer>) -> Router {
    Router::new().route("/webhooks/{api}", post(receive)).with_state(syncer)
}

/// Serves the receiver on `addr` (port 0 picks one); returns the bound address.
pub async fn serve(syncer: Arc<Syncer>, addr: SocketAddr) -> std::io::Result<SocketAddr> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    tokio::spawn(async move {
        let _ = axum::serve(listener, router(syncer)).await;
    });
    Ok(bound)
}

/// Subscribes the receiver with a sandbox (`/_sandbox/webhooks`). Real platforms take the
/// subscription through their own APIs or consoles; that is configured once per store.
pub async fn subscribe_sandbox(admin: &str, receiver: SocketAddr) -> Result<(), String> {
    let client = reqwest::Client::new();
    for api in ["shopify", "woocommerce", "17track", "aftership"] {
        let body = serde_json::json!({ "api": api, "url": format!("http://{receiver}/webhooks/{api}") });
        let resp = client.post(format!("{admin}/webhooks")).json(&body).send().await.map_err(|e| format!("subscribing {api}: {e}"))?;
        if !resp.status().is_success() {
            return Err(format!("subscribing {api}: HTTP {}", resp.status()));
        }
    }
    Ok(())
}

async fn receive(State(syncer): State<Arc<Syncer>>, Path(api): Path<String>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let verdict = verify(&syncer, &api, &headers, &body);
    match verdict {
        Err(WebhookError::Replayed(_)) => StatusCode::OK,
        Err(WebhookError::Stale(_)) => StatusCode::OK,
        Err(e) => {
            tracing::warn!(api, "webhook refused: {e}");
            StatusCode::UNAUTHORIZED
        }
        Ok(None) => StatusCode::NOT_FOUND,
        Ok(Some((platform, event))) => {
            tokio::spawn(async move { apply(&syncer, platform, event).await });
            StatusCode::OK
        }
    }
}

/// The first configured client of `api` whose secret verifies the delivery.
fn verify(syncer: &Syncer, api: &str, headers: &HeaderMap, body: &[u8]) -> Result<Option<(Option<Platform>, WebhookEvent)>, WebhookError> {
    use crate::connections::OrderClient;
    let mut last = None;
    let stores = syncer.conns.stores.iter();
    match api {
        "shopify" | "woocommerce" => {
            for conn in stores {
                let r = match (&conn.client, api) {
                    (OrderClient::Shopify(c), "shopify") => c.parse_webhook(headers, body),
                    (OrderClient::WooCommerce(c), "woocommerce") => c.parse_webhook(headers, body),
                    _ => continue,
                };
                match r {
                    Ok(event) => return Ok(Some((Some(conn.platform), event))),
                    Err(e) => last = Some(e),
                }
            }
        }
        "17track" => {
            if let Some(c) = &syncer.conns.track17 {
                return c.parse_webhook(headers, body).map(|e| Some((None, e)));
            }
        }
        "aftership" => {
            if let Some(c) = &syncer.conns.aftership {
                return c.parse_webhook(headers, body).map(|e| Some((None, e)));
            }
        }
        _ => return Ok(None),
    }
    match last {
        Some(e) => Err(e),
        None => Ok(None),
    }
}

async fn apply(syncer: &Syncer, platform: Option<Platform>, event: WebhookEvent) {
    let result = match event {
        WebhookEvent::OrderChanged { external_id } => {
            let conns: Vec<_> = platform.map(|p| syncer.conns.of_platform(p).cloned().collect()).unwrap_or_default();
            let mut outcome = Ok(false);
            for conn in &conns {
                outcome = syncer.fetch_and_store(conn, &external_id).await;
                if matches!(outcome, Ok(true)) {
                    break;
                }
            }
            outcome.map(|_| ())
        }
        WebhookEvent::Tracking(update) => syncer.store_update(update).await,
        WebhookEvent::Ignored(_) => Ok(()),
    };
    if let Err(e) = result {
        tracing::warn!("applying a webhook: {e}");
    }
}
