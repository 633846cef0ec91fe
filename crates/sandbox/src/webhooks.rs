//! Sending webhooks the way the platforms do: a signed POST of the raw JSON body to every
//! subscriber of that API, retried a few times on failure, each delivery recorded.

use crate::state::Shared;
use std::time::Duration;

/// A webhook ready to send: the simulator of each platform builds and signs it.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// "shopify", "woocommerce", "17track", "aftership".
    pub api: &'static str,
    pub topic: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// Sends each webhook to the subscribers of its API, in the background.
pub fn send(state: &Shared, hooks: Vec<Outgoing>) {
    for hook in hooks {
        let urls: Vec<String> = state.lock().subscriptions.iter().filter(|s| s.api == hook.api).map(|s| s.url.clone()).collect();
        for url in urls {
            let state = state.clone();
            let hook = hook.clone();
            tokio::spawn(async move {
                let ok = deliver(&url, &hook).await;
                state.lock().deliveries.push((hook.api.to_owned(), hook.topic.clone(), ok));
            });
        }
    }
}

/// Delivers one webhook now, retrying non-2xx answers three times (the platforms retry over
/// hours; the sandbox compresses that to seconds). Returns whether it was accepted.
pub async fn deliver(url: &str, hook: &Outgoing) -> bool {
    let client = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().expect("TLS backend");
    for attempt in 0..4u32 {
        if attempt > 0 {
            tokio::time::sleep(Duration::from_millis(200 * 2u64.pow(attempt))).await;
        }
        let mut req = client.post(url).header("content-type", "application/json").body(hook.body.clone());
        for (k, v) in &hook.headers {
            req = req.header(k, v);
        }
        if let Ok(resp) = req.send().await {
            if resp.status().is_success() {
                return true;
            }
        }
    }
    false
}
