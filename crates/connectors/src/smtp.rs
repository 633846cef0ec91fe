//! Outgoing mail: replies leave through the store's SMTP server (lettre, rustls). Customers'
//! own addresses and Amazon's anonymised relay addresses are both plain e-mail recipients.
//! Each reply carries a Message-ID made from its outbox idempotency key, so a copy is
//! recognisable as the same reply wherever it lands.

use crate::config::{SmtpConfig, SmtpCredentials};
use crate::error::{ConnectorError, ErrorKind, Result};
use lettre::message::{header::ContentType, Mailbox};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// One reply, ready to leave.
#[derive(Debug, Clone, PartialEq)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// Without angle brackets: "reply.12.345@meridian".
    pub message_id: String,
}

#[derive(Clone)]
pub struct SmtpClient {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    name: String,
}

impl std::fmt::Debug for SmtpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpClient").field("name", &self.name).finish()
    }
}

fn is_loopback(host: &str) -> bool {
    host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

impl SmtpClient {
    pub fn new(cfg: &SmtpConfig, creds: Option<SmtpCredentials>, timeout: Duration) -> Result<SmtpClient> {
        let name = format!("Mail {}", cfg.host);
        let err = |m: String| ConnectorError::new(&name, "smtp", ErrorKind::Rejected { status: 0, message: m });
        let builder = match cfg.security.as_str() {
            "starttls" => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&cfg.host).map_err(|e| err(e.to_string()))?,
            "tls" => AsyncSmtpTransport::<Tokio1Executor>::relay(&cfg.host).map_err(|e| err(e.to_string()))?,
            // Plain text only to this machine (a local relay or the sandbox).
            "none" if is_loopback(&cfg.host) => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&cfg.host),
            "none" => return Err(err(format!("mail to {} must use starttls or tls", cfg.host))),
            other => return Err(err(format!("unknown mail security {other:?} (starttls, tls or none)"))),
        };
        let mut builder = builder.port(cfg.port).timeout(Some(timeout));
        if let Some(c) = creds {
            builder = builder.credentials(Credentials::new(c.username, c.password.expose().to_owned()));
        }
        let from: Mailbox = cfg.from.parse().map_err(|_| err(format!("the sender address {:?} is not valid", cfg.from)))?;
        Ok(SmtpClient { transport: builder.build(), from, name })
    }

    pub fn name(&self) -> String {
        self.name.clone()
    }

    /// Connects and logs in without sending (credentials tested on save).
    pub async fn check(&self) -> Result<()> {
        match self.transport.test_connection().await {
            Ok(true) => Ok(()),
            Ok(false) => Err(self.error("connect", ErrorKind::Transport("the server did not answer".into()))),
            Err(e) => Err(self.classify("connect", &e)),
        }
    }

    pub async fn send(&self, mail: &OutgoingMail) -> Result<()> {
        let to: Mailbox = mail.to.parse().map_err(|_| self.error("send", ErrorKind::Rejected { status: 0, message: format!("the recipient {:?} is not an e-mail address", mail.to) }))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .message_id(Some(format!("<{}>", mail.message_id)))
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| self.error("send", ErrorKind::Rejected { status: 0, message: e.to_string() }))?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| self.classify("send", &e))
    }

    fn error(&self, op: &str, kind: ErrorKind) -> ConnectorError {
        ConnectorError::new(&self.name, op, kind)
    }

    /// 535 and friends are bad credentials; other 5xx are refusals; 4xx and I/O are transient.
    fn classify(&self, op: &str, e: &lettre::transport::smtp::Error) -> ConnectorError {
        let code = e.status().map(|c| c.to_string()).unwrap_or_default();
        let kind = if code.starts_with("535") || code.starts_with("534") || code.starts_with("530") {
            ErrorKind::Auth(format!("the mail server refused the login ({code})"))
        } else if e.is_permanent() {
            ErrorKind::Rejected { status: code.parse().unwrap_or(550), message: e.to_string() }
        } else if e.is_transient() {
            ErrorKind::Server { status: code.parse().unwrap_or(451), message: e.to_string() }
        } else {
            ErrorKind::Transport(e.to_string())
        };
        self.error(op, kind)
    }
}
