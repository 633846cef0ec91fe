//! Fault injection for the platform routes: at the configured rate a request is throttled,
//! fails with a 5xx, hangs past the client's timeout, answers slowly, or gets a truncated
//! body — each in the shape the real API uses for it.
//!
//! A hang or a truncated body happens *after* the request was handled, as on the real
//! services: a write may have landed although the client saw a failure, which is what
//! idempotent writes must survive.

use crate::state::Shared;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Throttle,
    ServerError,
    Timeout,
    Slow,
    Malformed,
}

#[derive(Debug, Clone)]
pub struct Faults {
    pub rate: f64,
    rng: u64,
    /// How long a "timeout" hangs; longer than any client timeout the tests use.
    pub hang: Duration,
    /// Faults injected so far, by kind.
    pub injected: Vec<Fault>,
}

impl Faults {
    pub fn new(rate: f64, seed: u64) -> Faults {
        Faults { rate: rate.clamp(0.0, 1.0), rng: seed ^ 0x9E37_79B9_7F4A_7C15 | 1, hang: Duration::from_secs(40), injected: Vec::new() }
    }

    fn next(&mut self) -> f64 {
        // xorshift64*: deterministic per seed and request order.
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Whether this request gets a fault, and which.
    pub fn draw(&mut self) -> Option<Fault> {
        if self.rate <= 0.0 || self.next() >= self.rate {
            return None;
        }
        let kinds = [Fault::Throttle, Fault::ServerError, Fault::Timeout, Fault::Slow, Fault::Malformed];
        let k = kinds[(self.next() * kinds.len() as f64) as usize % kinds.len()];
        self.injected.push(k);
        Some(k)
    }
}

/// Which API a path belongs to, by its prefix.
fn api_of(path: &str) -> &str {
    path.trim_start_matches('/').split('/').next().unwrap_or("")
}

pub async fn inject(State(state): State<Shared>, req: Request, next: Next) -> Response {
    let api = api_of(req.uri().path()).to_owned();
    let (fault, hang) = {
        let mut s = state.lock();
        (s.faults.draw(), s.faults.hang)
    };
    match fault {
        None => next.run(req).await,
        Some(Fault::Throttle) => throttled(&api),
        Some(Fault::ServerError) => server_error(&api),
        Some(Fault::Slow) => {
            tokio::time::sleep(Duration::from_millis(150)).await;
            next.run(req).await
        }
        Some(Fault::Timeout) => {
            let _handled = next.run(req).await;
            tokio::time::sleep(hang).await;
            StatusCode::GATEWAY_TIMEOUT.into_response()
        }
        Some(Fault::Malformed) => {
            let resp = next.run(req).await;
            let (mut parts, body) = resp.into_parts();
            let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
            let cut = bytes.slice(..bytes.len() / 2);
            parts.headers.remove(axum::http::header::CONTENT_LENGTH);
            parts.status = StatusCode::OK;
            Response::from_parts(parts, Body::from(cut))
        }
    }
}

fn json(status: StatusCode, body: &str) -> Response {
    let mut r = (status, body.to_owned()).into_response();
    r.headers_mut().insert(axum::http::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r
}

/// A throttled answer in each API's own shape.
fn throttled(api: &str) -> Response {
    let mut r = match api {
        // Shopify answers most throttling with 200 + THROTTLED (the simulator's cost bucket
        // does that); an edge proxy 429 with Retry-After is the other form clients meet.
        "shopify" => json(StatusCode::TOO_MANY_REQUESTS, r#"{"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}"#),
        "amazon" | "lwa" => json(StatusCode::TOO_MANY_REQUESTS, r#"{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource.","details":""}]}"#),
        "17track" => json(StatusCode::TOO_MANY_REQUESTS, r#"{"code":429,"data":{"errors":[{"code":429,"message":"Too many requests."}]}}"#),
        "aftership" => json(StatusCode::TOO_MANY_REQUESTS, r#"{"meta":{"code":429,"message":"You have exceeded the API call rate limit. The default limit is 10 requests per second.","type":"TooManyRequests"},"data":{}}"#),
        // WooCommerce core has no limiter; hosts and WAFs answer 429 with an HTML page.
        _ => {
            let mut r = (StatusCode::TOO_MANY_REQUESTS, "<html><body><h1>429 Too Many Requests</h1></body></html>").into_response();
            r.headers_mut().insert(axum::http::header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
            r
        }
    };
    if matches!(api, "shopify" | "woocommerce") {
        r.headers_mut().insert("retry-after", HeaderValue::from_static("1"));
    }
    r
}

fn server_error(api: &str) -> Response {
    match api {
        "shopify" => json(StatusCode::SERVICE_UNAVAILABLE, r#"{"errors":[{"message":"Internal error. Looks like something went wrong on our end.","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}"#),
        "amazon" | "lwa" => json(StatusCode::SERVICE_UNAVAILABLE, r#"{"errors":[{"code":"ServiceUnavailable","message":"Service temporarily unavailable. Please try again later."}]}"#),
        "17track" => json(StatusCode::INTERNAL_SERVER_ERROR, r#"{"code":-18010000,"data":{"errors":[{"code":-18010000,"message":"System error."}]}}"#),
        "aftership" => json(StatusCode::INTERNAL_SERVER_ERROR, r#"{"meta":{"code":500,"message":"Something went wrong on AfterShip's end.","type":"InternalError"},"data":{}}"#),
        _ => {
            let mut r = (StatusCode::BAD_GATEWAY, "<html><body><h1>502 Bad Gateway</h1></body></html>").into_response();
            r.headers_mut().insert(axum::http::header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
            r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_is_respected_and_the_draw_is_deterministic() {
        let mut a = Faults::new(0.3, 42);
        let mut b = Faults::new(0.3, 42);
        let draws: Vec<_> = (0..10_000).map(|_| a.draw()).collect();
        assert_eq!(draws, (0..10_000).map(|_| b.draw()).collect::<Vec<_>>());
        let hit = draws.iter().filter(|d| d.is_some()).count();
        assert!((2_700..3_300).contains(&hit), "{hit}");
        for k in [Fault::Throttle, Fault::ServerError, Fault::Timeout, Fault::Slow, Fault::Malformed] {
            assert!(draws.iter().filter(|d| **d == Some(k)).count() > 400, "{k:?}");
        }
        assert!(Faults::new(0.0, 1).draw().is_none());
    }
}
