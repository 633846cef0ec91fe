//! One error type for every client, naming the store and the operation that failed.

use std::time::Duration;

pub type Result<T, E = ConnectorError> = std::result::Result<T, E>;

/// What went wrong, in terms the sync and the app can act on.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// Credentials refused (HTTP 401/403, OAuth `invalid_grant`, a bad API key).
    Auth(String),
    /// Still throttled after the retries the policy allows.
    Throttled { retry_after: Option<Duration> },
    /// Timed out, connection refused or reset.
    Transport(String),
    /// The service answered with a server error after the retries the policy allows.
    Server { status: u16, message: String },
    /// The request was refused as invalid (HTTP 400/404/422, GraphQL errors, user errors).
    Rejected { status: u16, message: String },
    /// The body did not have the shape the contract promises.
    Malformed(String),
    /// The platform cannot do this at all (Amazon has no order notes).
    Unsupported(String),
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{connector}: {operation}: {}", describe(.kind))]
pub struct ConnectorError {
    /// The store or service, as the user named it ("Shopify meridian-demo.myshopify.com").
    pub connector: String,
    /// The operation, as the API names it ("orders", "getOrders", "register").
    pub operation: String,
    pub kind: ErrorKind,
}

impl ConnectorError {
    pub fn new(connector: impl Into<String>, operation: impl Into<String>, kind: ErrorKind) -> ConnectorError {
        ConnectorError { connector: connector.into(), operation: operation.into(), kind }
    }

    /// Worth trying again later (throttling, timeouts, 5xx); not for auth or invalid requests.
    pub fn is_transient(&self) -> bool {
        matches!(self.kind, ErrorKind::Throttled { .. } | ErrorKind::Transport(_) | ErrorKind::Server { .. } | ErrorKind::Malformed(_))
    }
}

fn describe(kind: &ErrorKind) -> String {
    match kind {
        ErrorKind::Auth(m) => format!("authentication failed: {m}"),
        ErrorKind::Throttled { retry_after: Some(d) } => format!("throttled (retry after {:.1} s)", d.as_secs_f64()),
        ErrorKind::Throttled { retry_after: None } => "throttled".into(),
        ErrorKind::Transport(m) => format!("unreachable: {m}"),
        ErrorKind::Server { status, message } => format!("server error {status}: {message}"),
        ErrorKind::Rejected { status, message } => format!("refused ({status}): {message}"),
        ErrorKind::Malformed(m) => format!("malformed response: {m}"),
        ErrorKind::Unsupported(m) => format!("not supported: {m}"),
    }
}
