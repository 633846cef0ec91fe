//! An SMTP server that receives replies instead of delivering them: it speaks enough of
//! RFC 5321 (EHLO, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for a real client,
//! checks the login, and records every message it accepts — a second copy of a reply is
//! recorded too, so tests can tell that nothing left twice.

use crate::state::Shared;
use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A message the server accepted.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ReceivedMail {
    pub message_id: String,
    pub from: String,
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
}

/// Serves SMTP on `listener` until the process ends.
pub fn serve(state: Shared, listener: TcpListener) {
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let state = state.clone();
            tokio::spawn(async move {
                let _ = session(state, socket).await;
            });
        }
    });
}

const MAX_MESSAGE: usize = 10 * 1024 * 1024;

async fn session(state: Shared, socket: tokio::net::TcpStream) -> std::io::Result<()> {
    // Small command/reply exchanges: without this, Nagle and delayed ACKs cost 40 ms each.
    socket.set_nodelay(true)?;
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    let (user, password) = {
        let s = state.lock();
        (s.credentials.smtp.username.clone(), s.credentials.smtp.password.expose().to_owned())
    };
    write.write_all(b"220 sandbox.meridian ESMTP ready\r\n").await?;
    let mut authed = false;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end();
        let upper = cmd.to_ascii_uppercase();
        let reply: String = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            "250-sandbox.meridian\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SIZE 10485760".into()
        } else if upper.starts_with("AUTH PLAIN") {
            let given = cmd.split_whitespace().nth(2).map(str::to_owned);
            let given = match given {
                Some(g) => g,
                None => {
                    write.write_all(b"334 \r\n").await?;
                    line.clear();
                    lines.read_line(&mut line).await?;
                    line.trim().to_owned()
                }
            };
            let decoded = base64::engine::general_purpose::STANDARD.decode(given).unwrap_or_default();
            let parts: Vec<&[u8]> = decoded.split(|b| *b == 0).collect();
            authed = parts.len() == 3 && parts[1] == user.as_bytes() && parts[2] == password.as_bytes();
            if authed { "235 2.7.0 Authentication successful".into() } else { "535 5.7.8 Authentication credentials invalid".into() }
        } else if upper.starts_with("AUTH LOGIN") {
            let mut answers = Vec::new();
            for prompt in ["334 VXNlcm5hbWU6\r\n", "334 UGFzc3dvcmQ6\r\n"] {
                write.write_all(prompt.as_bytes()).await?;
                line.clear();
                lines.read_line(&mut line).await?;
                answers.push(base64::engine::general_purpose::STANDARD.decode(line.trim()).unwrap_or_default());
            }
            authed = answers[0] == user.as_bytes() && answers[1] == password.as_bytes();
            if authed { "235 2.7.0 Authentication successful".into() } else { "535 5.7.8 Authentication credentials invalid".into() }
        } else if upper.starts_with("MAIL FROM:") {
            if !authed {
                "530 5.7.0 Authentication required".into()
            } else {
                from = address(&cmd[10..]);
                to.clear();
                "250 2.1.0 OK".into()
            }
        } else if upper.starts_with("RCPT TO:") {
            to.push(address(&cmd[8..]));
            "250 2.1.5 OK".into()
        } else if upper == "DATA" {
            if from.is_empty() || to.is_empty() {
                "503 5.5.1 MAIL and RCPT first".into()
            } else {
                write.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    data.push_str(line.strip_prefix('.').filter(|_| line.starts_with("..")).unwrap_or(&line));
                    if data.len() > MAX_MESSAGE {
                        write.write_all(b"552 5.3.4 Message too big\r\n").await?;
                        return Ok(());
                    }
                }
                let mail = parse(&from, &to, &data);
                state.lock().mail.push(mail);
                "250 2.0.0 OK queued".into()
            }
        } else if upper == "RSET" {
            from.clear();
            to.clear();
            "250 2.0.0 OK".into()
        } else if upper == "NOOP" {
            "250 2.0.0 OK".into()
        } else if upper == "QUIT" {
            write.write_all(b"221 2.0.0 Bye\r\n").await?;
            return Ok(());
        } else {
            "502 5.5.2 Command not recognised".into()
        };
        write.write_all(format!("{reply}\r\n").as_bytes()).await?;
    }
}

fn address(arg: &str) -> String {
    let a = arg.trim();
    let a = a.split_whitespace().next().unwrap_or(a);
    a.trim_start_matches('<').trim_end_matches('>').to_owned()
}

/// The headers the tests read, and the body (transfer encodings are left as they came).
fn parse(from: &str, to: &[String], data: &str) -> ReceivedMail {
    let (head, body) = data.split_once("\r\n\r\n").or_else(|| data.split_once("\n\n")).unwrap_or((data, ""));
    let header = |name: &str| {
        head.lines()
            .find(|l| l.len() > name.len() && l[..name.len()].eq_ignore_ascii_case(name) && l[name.len()..].starts_with(':'))
            .map(|l| l[name.len() + 1..].trim().to_owned())
            .unwrap_or_default()
    };
    ReceivedMail {
        message_id: header("Message-ID").trim_start_matches('<').trim_end_matches('>').to_owned(),
        from: from.to_owned(),
        to: to.to_vec(),
        subject: header("Subject"),
        body: body.to_owned(),
    }
}
