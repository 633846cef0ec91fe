//! Placeholder with the client's interface; the tracking branch replaces it.
use crate::config::{Track17Config, Track17Credentials};
use crate::webhook::{WebhookError, WebhookEvent};
use crate::*;
#[derive(Clone)]
pub struct Track17Client { http: Http }
impl Track17Client {
    pub fn new(_cfg: &Track17Config, _c: Track17Credentials, opts: HttpOptions) -> Track17Client { Track17Client { http: Http::new("17TRACK", opts) } }
    pub fn http(&self) -> &Http { &self.http }
    pub fn name(&self) -> String { self.http.connector().to_owned() }
    pub async fn check(&self) -> Result<()> { Ok(()) }
    pub async fn register(&self, _p: &[(meridian_core::Carrier, String, String)]) -> Result<Vec<(String, String)>> { Ok(vec![]) }
    pub async fn track(&self, _n: &[(meridian_core::Carrier, String)]) -> Result<Vec<TrackingUpdate>> { Ok(vec![]) }
    pub async fn list(&self, _page: Option<&str>) -> Result<Page<(String, Option<String>)>> { Ok(Page { items: vec![], next: None }) }
    pub fn parse_webhook(&self, _h: &reqwest::header::HeaderMap, _b: &[u8]) -> Result<WebhookEvent, WebhookError> { Err(WebhookError::BadSignature) }
}
