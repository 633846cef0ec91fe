//! The one HTTP stack: reqwest with rustls, timeouts on every request, retries with jittered
//! exponential backoff that honour `Retry-After`, a pacer for rate budgets, and counters the
//! sync reports (requests, throttled responses, retries).

use crate::error::{ConnectorError, ErrorKind, Result};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Largest body a client accepts; a bigger one is a malformed response, not an OOM.
const MAX_BODY: usize = 32 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// Whole-request timeout (connect, send, read the body).
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// Attempts after the first for transient failures.
    pub max_retries: u32,
    /// First backoff; doubles per attempt, with ±50% jitter, capped at `max_backoff`.
    pub base_backoff: Duration,
    pub max_backoff: Duration,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_retries: 5,
            base_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(60),
        }
    }
}

/// What a client has done so far; shared by the clones of one `Http`.
#[derive(Debug, Default)]
pub struct Stats {
    pub requests: AtomicU64,
    /// Responses that said "slow down" (HTTP 429, Shopify THROTTLED, 17TRACK 429).
    pub throttled: AtomicU64,
    pub retries: AtomicU64,
}

impl Stats {
    pub fn snapshot(&self) -> (u64, u64, u64) {
        (self.requests.load(Ordering::Relaxed), self.throttled.load(Ordering::Relaxed), self.retries.load(Ordering::Relaxed))
    }
}

/// A response read whole, so it can be inspected, retried on, and parsed with context.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as `T`, or a `Malformed` error quoting the start of the body.
    pub fn json<T: serde::de::DeserializeOwned>(&self, http: &Http, operation: &str) -> Result<T> {
        serde_json::from_slice(&self.body).map_err(|e| http.error(operation, ErrorKind::Malformed(format!("{e}; body starts {:?}", self.snippet()))))
    }

    /// The first 200 characters of the body, for error messages.
    pub fn snippet(&self) -> String {
        String::from_utf8_lossy(&self.body[..self.body.len().min(200)]).into_owned()
    }

    /// `Retry-After` as seconds (the HTTP-date form counts from now).
    pub fn retry_after(&self) -> Option<Duration> {
        let v = self.header("retry-after")?.trim();
        if let Ok(secs) = v.parse::<f64>() {
            return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(3600.0)));
        }
        let when = jiff::fmt::rfc2822::parse(v).ok()?.timestamp();
        let wait = when.duration_since(jiff::Timestamp::now());
        Some(Duration::try_from(wait).unwrap_or_default())
    }
}

impl Response {
    /// `X-RateLimit-Reset` (a unix time, AfterShip) as the wait until then, for a 429
    /// that names no `Retry-After`.
    pub fn rate_limit_reset(&self) -> Option<Duration> {
        let at = self.header("x-ratelimit-reset")?.trim().parse::<i64>().ok()?;
        let wait = at.saturating_sub(jiff::Timestamp::now().as_second());
        Some(Duration::from_secs(wait.clamp(0, 3600) as u64))
    }
}

/// What a client makes of a response the transport layer did not already retry.
pub enum Verdict {
    Done,
    /// Throttled although the status looks fine (Shopify answers THROTTLED with HTTP 200).
    Throttled(Option<Duration>),
}

#[derive(Clone)]
pub struct Http {
    client: reqwest::Client,
    opts: HttpOptions,
    connector: String,
    stats: Arc<Stats>,
}

impl Http {
    /// A client for one connector; `connector` names it in every error ("Shopify demo.myshopify.com").
    pub fn new(connector: impl Into<String>, opts: HttpOptions) -> Http {
        let client = reqwest::Client::builder()
            .timeout(opts.timeout)
            .connect_timeout(opts.connect_timeout)
            .user_agent(concat!("Meridian/", env!("CARGO_PKG_VERSION"), " (Language=Rust)"))
            .build()
            .expect("a TLS backend is compiled in");
        Http { client, opts, connector: connector.into(), stats: Arc::default() }
    }

    pub fn connector(&self) -> &str {
        &self.connector
    }

    pub fn stats(&self) -> &Arc<Stats> {
        &self.stats
    }

    pub fn error(&self, operation: &str, kind: ErrorKind) -> ConnectorError {
        ConnectorError::new(&self.connector, operation, kind)
    }

    /// Sends with the default verdict (only status codes decide).
    pub async fn send(&self, operation: &str, build: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder) -> Result<Response> {
        self.send_with(operation, build, |_| Verdict::Done).await
    }

    /// Sends the request `build` makes (once per attempt), retrying timeouts, connection
    /// errors, 429 and 5xx, and whatever `inspect` calls throttled. Other statuses come back
    /// as they are, for the client to read the platform's error body.
    pub async fn send_with(
        &self,
        operation: &str,
        build: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
        inspect: impl Fn(&Response) -> Verdict,
    ) -> Result<Response> {
        let mut attempt = 0u32;
        loop {
            self.stats.requests.fetch_add(1, Ordering::Relaxed);
            let outcome = match build(&self.client).send().await {
                Ok(resp) => read(resp).await,
                Err(e) => Err(transport_message(&e)),
            };
            let (kind, wait) = match outcome {
                Err(message) => (ErrorKind::Transport(message), None),
                Ok(resp) if resp.status == 429 => {
                    self.stats.throttled.fetch_add(1, Ordering::Relaxed);
                    let after = resp.retry_after().or_else(|| resp.rate_limit_reset());
                    (ErrorKind::Throttled { retry_after: after }, after)
                }
                Ok(resp) if resp.status >= 500 => {
                    let after = resp.retry_after();
                    (ErrorKind::Server { status: resp.status, message: resp.snippet() }, after)
                }
                Ok(resp) => match inspect(&resp) {
                    Verdict::Done => return Ok(resp),
                    Verdict::Throttled(after) => {
                        self.stats.throttled.fetch_add(1, Ordering::Relaxed);
                        (ErrorKind::Throttled { retry_after: after }, after)
                    }
                },
            };
            if attempt >= self.opts.max_retries {
                return Err(self.error(operation, kind));
            }
            attempt += 1;
            self.stats.retries.fetch_add(1, Ordering::Relaxed);
            let backoff = wait.unwrap_or_else(|| self.backoff(attempt));
            tracing::debug!(connector = %self.connector, operation, attempt, wait_ms = backoff.as_millis() as u64, "retrying");
            tokio::time::sleep(backoff).await;
        }
    }

    /// Exponential backoff with ±50% jitter so that many clients do not retry in step.
    fn backoff(&self, attempt: u32) -> Duration {
        let exp = self.opts.base_backoff.saturating_mul(1u32 << attempt.min(16).saturating_sub(1));
        let capped = exp.min(self.opts.max_backoff);
        capped.mul_f64(0.5 + jitter())
    }
}

async fn read(resp: reqwest::Response) -> std::result::Result<Response, String> {
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    if resp.content_length().is_some_and(|n| n as usize > MAX_BODY) {
        return Err(format!("response body larger than {} MB", MAX_BODY / (1024 * 1024)));
    }
    let mut body = Vec::new();
    let mut resp = resp;
    while let Some(chunk) = resp.chunk().await.map_err(|e| transport_message(&e))? {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(format!("response body larger than {} MB", MAX_BODY / (1024 * 1024)));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Response { status, headers, body })
}

fn transport_message(e: &reqwest::Error) -> String {
    // reqwest's Display includes the URL, which may carry a query-string key (WooCommerce's
    // fallback auth); name the failure without it.
    if e.is_timeout() {
        "timed out".into()
    } else if e.is_connect() {
        "could not connect".into()
    } else if e.is_body() || e.is_decode() {
        "connection broke while reading the response".into()
    } else {
        "request failed".into()
    }
}

/// A number in [0, 1) that differs call to call (no RNG crate needed for jitter).
fn jitter() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// A token bucket that paces requests to a rate budget: `rate` units per second refill up to
/// `burst`. Amazon's usage plans, 17TRACK's 3 req/s and AfterShip's per-endpoint limits are
/// request buckets (cost 1); Shopify's is a cost bucket that the client re-syncs from every
/// response's `throttleStatus` with [`Pacer::observe`].
#[derive(Debug)]
pub struct Pacer {
    state: Mutex<Bucket>,
}

#[derive(Debug)]
struct Bucket {
    rate: f64,
    burst: f64,
    available: f64,
    at: Instant,
}

impl Pacer {
    pub fn new(rate: f64, burst: f64) -> Pacer {
        Pacer { state: Mutex::new(Bucket { rate, burst, available: burst, at: Instant::now() }) }
    }

    /// Waits until `cost` units are available, then takes them.
    pub async fn acquire(&self, cost: f64) {
        loop {
            let wait = {
                let mut b = self.state.lock().expect("pacer lock");
                b.refill();
                let cost = cost.min(b.burst);
                if b.available >= cost {
                    b.available -= cost;
                    return;
                }
                Duration::from_secs_f64((cost - b.available) / b.rate.max(1e-9))
            };
            tokio::time::sleep(wait).await;
        }
    }

    /// Gives back units taken but not spent (Shopify refunds requested minus actual cost).
    pub fn refund(&self, units: f64) {
        let mut b = self.state.lock().expect("pacer lock");
        b.refill();
        b.available = (b.available + units).min(b.burst);
    }

    /// Re-syncs with the server's view of the bucket.
    pub fn observe(&self, available: f64, maximum: f64, restore_rate: f64) {
        let mut b = self.state.lock().expect("pacer lock");
        b.burst = maximum.max(1.0);
        b.rate = restore_rate.max(1e-9);
        b.available = available.clamp(0.0, b.burst);
        b.at = Instant::now();
    }

    /// Updates the refill rate (Amazon's `x-amzn-RateLimit-Limit`).
    pub fn set_rate(&self, rate: f64) {
        let mut b = self.state.lock().expect("pacer lock");
        b.refill();
        if rate.is_finite() && rate > 0.0 {
            b.rate = rate;
        }
    }

    pub fn rate(&self) -> f64 {
        self.state.lock().expect("pacer lock").rate
    }
}

impl Bucket {
    fn refill(&mut self) {
        let now = Instant::now();
        self.available = (self.available + now.duration_since(self.at).as_secs_f64() * self.rate).min(self.burst);
        self.at = now;
    }
}
