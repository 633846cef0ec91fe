//! The sandbox: local simulators of the five APIs Meridian talks to, on one loopback port,
//! serving the same deterministic world as the demo store (`meridian_demo`).
//!
//! Paths (prefix = what a client's base URL points at):
//! - `/shopify`   — Shopify Admin GraphQL: `POST /shopify/admin/api/{version}/graphql.json`
//! - `/amazon`    — SP-API: `/amazon/orders/v0/...`, `/amazon/tokens/2021-03-01/...`
//! - `/lwa`       — Login with Amazon: `POST /lwa/auth/o2/token`
//! - `/woocommerce` — WooCommerce: `/woocommerce/wp-json/wc/v3/...`
//! - `/17track`   — 17TRACK: `POST /17track/track/v2.2/{register,gettrackinfo,...}`
//! - `/aftership` — AfterShip: `/aftership/tracking/{version}/trackings...`
//! - `/_sandbox`  — control: webhook subscriptions, change an order, advance a parcel, stats.
//!
//! Invariant: the platform routes answer only what the real contract allows (shapes, status
//! codes, pagination, throttling); anything sandbox-specific lives under `/_sandbox`.

pub mod admin;
pub mod faults;
pub mod mail;
pub mod state;
pub mod webhooks;

pub mod aftership;
pub mod amazon;
pub mod shopify;
pub mod track17;
pub mod woocommerce;

pub use faults::Faults;
pub use state::{Credentials, Shared, SimState};

use std::net::SocketAddr;

/// How to start a sandbox.
#[derive(Debug, Clone)]
pub struct Options {
    pub orders: usize,
    pub seed: u64,
    /// Share of platform requests that fail on purpose (0.0–1.0).
    pub faults: f64,
    pub addr: SocketAddr,
    /// The world's "now"; fixed so the same seed gives the same data.
    pub now: jiff::Timestamp,
    /// Shopify plan whose cost bucket to simulate: "standard" (default), "advanced", "plus".
    pub shopify_plan: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            orders: 800,
            seed: 7,
            faults: 0.0,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            now: "2026-11-20T12:00:00Z".parse().expect("a valid instant"),
            shopify_plan: "standard".into(),
        }
    }
}

/// A running sandbox; dropping it stops the server.
pub struct Sandbox {
    pub addr: SocketAddr,
    pub state: Shared,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Sandbox {
    /// Builds the world and serves it on `opts.addr` (port 0 picks a free port).
    pub async fn start(opts: Options) -> std::io::Result<Sandbox> {
        let state = state::SimState::build(&opts);
        let listener = tokio::net::TcpListener::bind(opts.addr).await?;
        let addr = listener.local_addr()?;
        let smtp = tokio::net::TcpListener::bind((addr.ip(), 0)).await?;
        {
            let mut s = state.lock();
            s.base_url = format!("http://{addr}");
            s.smtp_port = smtp.local_addr()?.port();
        }
        mail::serve(state.clone(), smtp);
        let app = router(state.clone());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).with_graceful_shutdown(async { let _ = rx.await; }).await;
        });
        Ok(Sandbox { addr, state, shutdown: Some(tx) })
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A connector config pointing every client at this sandbox (no secrets in it).
    pub fn config(&self) -> meridian_connectors::Config {
        self.state.lock().config()
    }

    /// The credentials the sandbox accepts, to be put in the keyring by whoever starts it.
    pub fn credentials(&self) -> Credentials {
        self.state.lock().credentials.clone()
    }

    /// The credentials as keyring entries: (account of the config's connection, JSON).
    pub fn credential_entries(&self) -> Vec<(String, String)> {
        let cfg = self.config();
        let c = self.credentials();
        let json = |v: &dyn erased::Json| v.json();
        let mut out = Vec::new();
        out.extend(cfg.shopify.iter().map(|s| (s.account(), json(&c.shopify))));
        out.extend(cfg.amazon.iter().map(|a| (a.account(), json(&c.amazon))));
        out.extend(cfg.woocommerce.iter().map(|w| (w.account(), json(&c.woocommerce))));
        out.extend(cfg.track17.iter().map(|t| (t.account(), json(&c.track17))));
        out.extend(cfg.aftership.iter().map(|a| (a.account(), json(&c.aftership))));
        out.extend(cfg.smtp.iter().map(|m| (m.account(), json(&c.smtp))));
        out
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

mod erased {
    /// Serialises any credentials type behind one signature.
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).expect("credentials are plain data")
        }
    }
}

/// Every simulator under its prefix; faults apply to the platform routes, not the control.
pub fn router(state: Shared) -> axum::Router {
    let platforms = axum::Router::new()
        .nest("/shopify", shopify::router(state.clone()))
        .nest("/amazon", amazon::router(state.clone()))
        .nest("/lwa", amazon::lwa_router(state.clone()))
        .nest("/woocommerce", woocommerce::router(state.clone()))
        .nest("/17track", track17::router(state.clone()))
        .nest("/aftership", aftership::router(state.clone()))
        .layer(axum::middleware::from_fn_with_state(state.clone(), faults::inject));
    platforms.nest("/_sandbox", admin::router(state))
}
