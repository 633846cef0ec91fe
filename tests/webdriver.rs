//! A small W3C WebDriver client over plain HTTP, enough to drive the app through
//! tauri-driver: find elements, type, click, read text and attributes, take screenshots.

use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub type Result<T> = std::result::Result<T, String>;

/// tauri-driver, started on free ports and killed when dropped.
pub struct Driver {
    child: Child,
    pub port: u16,
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

impl Driver {
    /// Starts tauri-driver with `env` added to the environment the app inherits.
    pub fn start(env: &[(&str, &str)]) -> Result<Driver> {
        let port = free_port();
        let native = free_port();
        let mut cmd = Command::new("tauri-driver");
        cmd.args(["--port", &port.to_string(), "--native-port", &native.to_string()]).stdout(Stdio::null()).stderr(Stdio::inherit());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd.spawn().map_err(|e| format!("cannot start tauri-driver ({e}); `make test` installs it"))?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("tauri-driver did not listen within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(Driver { child, port })
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Session {
    base: String,
}

#[derive(Clone, Debug)]
pub struct Element(pub String);

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

fn call(method: &str, url: &str, body: Option<Value>) -> Result<Value> {
    let req = ureq::request(method, url).timeout(Duration::from_secs(60));
    let resp = match body {
        Some(b) => req.send_json(b),
        None => req.call(),
    };
    let value: Value = match resp {
        Ok(r) => r.into_json().map_err(|e| format!("{method} {url}: {e}"))?,
        Err(ureq::Error::Status(code, r)) => {
            let text = r.into_string().unwrap_or_default();
            return Err(format!("{method} {url}: HTTP {code}: {text}"));
        }
        Err(e) => return Err(format!("{method} {url}: {e}")),
    };
    Ok(value.get("value").cloned().unwrap_or(Value::Null))
}

impl Session {
    pub fn new(driver: &Driver, application: &Path) -> Result<Session> {
        let caps = json!({ "capabilities": { "alwaysMatch": { "tauri:options": { "application": application } } } });
        let v = call("POST", &format!("http://127.0.0.1:{}/session", driver.port), Some(caps))?;
        let id = v["sessionId"].as_str().ok_or_else(|| format!("no session id in {v}"))?;
        Ok(Session { base: format!("http://127.0.0.1:{}/session/{id}", driver.port) })
    }

    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let v = call("POST", &format!("{}/elements", self.base), Some(json!({ "using": "css selector", "value": css })))?;
        Ok(v.as_array().into_iter().flatten().filter_map(|e| e[ELEMENT_KEY].as_str().map(|s| Element(s.to_owned()))).collect())
    }

    /// Waits up to `secs` for at least one element matching `css`.
    pub fn wait_for(&self, css: &str, secs: u64) -> Result<Element> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(e) = self.find_all(css)?.into_iter().next() {
                return Ok(e);
            }
            if Instant::now() > deadline {
                let body = self.find_all("body").ok().and_then(|b| b.first().and_then(|b| self.text(b).ok())).unwrap_or_default();
                return Err(format!("no element {css} after {secs} s; the page shows: {}", body.chars().take(600).collect::<String>()));
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Waits until `check` passes on the text of the first element matching `css`.
    pub fn wait_text(&self, css: &str, secs: u64, check: impl Fn(&str) -> bool) -> Result<String> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        let mut last = String::new();
        loop {
            if let Some(e) = self.find_all(css)?.into_iter().next() {
                last = self.text(&e).unwrap_or_default();
                if last.is_empty() {
                    // WebKit's driver sometimes reports no rendered text for an element it has
                    // just re-created; the DOM's text is what the agent sees then.
                    let script = format!("const e = document.querySelector({}); return e ? e.textContent.trim() : ''", serde_json::to_string(css).unwrap_or_default());
                    last = self.execute(&script).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
                }
                if check(&last) {
                    return Ok(last);
                }
            }
            if Instant::now() > deadline {
                return Err(format!("{css} never showed the expected text; last: {last:?}"));
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    pub fn text(&self, e: &Element) -> Result<String> {
        Ok(call("GET", &format!("{}/element/{}/text", self.base, e.0), None)?.as_str().unwrap_or("").to_owned())
    }

    pub fn attribute(&self, e: &Element, name: &str) -> Result<Option<String>> {
        Ok(call("GET", &format!("{}/element/{}/attribute/{name}", self.base, e.0), None)?.as_str().map(str::to_owned))
    }

    pub fn click(&self, e: &Element) -> Result<()> {
        call("POST", &format!("{}/element/{}/click", self.base, e.0), Some(json!({}))).map(|_| ())
    }

    /// Types into an element; WebDriver key codes (e.g. "\u{E007}" for Enter) are allowed.
    pub fn send_keys(&self, e: &Element, keys: &str) -> Result<()> {
        call("POST", &format!("{}/element/{}/value", self.base, e.0), Some(json!({ "text": keys }))).map(|_| ())
    }

    /// Presses keys wherever the focus is, as a person at the keyboard would.
    pub fn press(&self, keys: &str) -> Result<()> {
        let mut actions = vec![];
        for c in keys.chars() {
            actions.push(json!({ "type": "keyDown", "value": c.to_string() }));
            actions.push(json!({ "type": "keyUp", "value": c.to_string() }));
        }
        call("POST", &format!("{}/actions", self.base), Some(json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] })))?;
        Ok(())
    }

    /// Presses `key` while holding `modifier` (e.g. Control "\u{E009}" + Enter "\u{E007}").
    pub fn chord(&self, modifier: &str, key: &str) -> Result<()> {
        let actions = json!([
            { "type": "keyDown", "value": modifier },
            { "type": "keyDown", "value": key },
            { "type": "keyUp", "value": key },
            { "type": "keyUp", "value": modifier },
        ]);
        call("POST", &format!("{}/actions", self.base), Some(json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] })))?;
        Ok(())
    }

    pub fn execute(&self, script: &str) -> Result<Value> {
        call("POST", &format!("{}/execute/sync", self.base), Some(json!({ "script": script, "args": [] })))
    }

    pub fn screenshot(&self, path: &Path) -> Result<()> {
        use base64::Engine;
        let v = call("GET", &format!("{}/screenshot", self.base), None)?;
        let png = base64::engine::general_purpose::STANDARD.decode(v.as_str().unwrap_or("")).map_err(|e| e.to_string())?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        std::fs::write(path, png).map_err(|e| e.to_string())
    }

    pub fn close(self) {
        let _ = call("DELETE", &self.base, None);
    }
}
