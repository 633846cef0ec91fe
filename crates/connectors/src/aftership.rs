//! Placeholder with the client's interface; the tracking branch replaces it.
use crate::config::{AfterShipConfig, AfterShipCredentials};
use crate::webhook::{WebhookError, WebhookEvent};
use crate::*;
#[derive(Clone)]
pub struct AfterShipClient { http: Http }
impl AfterShipClient {
    pub fn new(_cfg: &AfterShipConfig, _c: AfterShipCredentials, opts: HttpOptions) -> AfterShipClient { AfterShipClient { http: Http::new("AfterShip", opts) } }
    pub fn http(&self) -> &Http { &self.http }
    pub fn name(&self) -> String { self.http.connector().to_owned() }
    pub async fn check(&self) -> Result<()> { Ok(()) }
    pub async fn register(&self, _p: &[(meridian_core::Carrier, String, String)]) -> Result<Vec<(String, String)>> { Ok(vec![]) }
    pub async fn list(&self, _cursor: Option<&str>) -> Result<Page<TrackingUpdate>> { Ok(Page { items: vec![], next: None }) }
    pub async fn track(&self, _n: &[(meridian_core::Carrier, String)]) -> Result<Vec<TrackingUpdate>> { Ok(vec![]) }
    pub fn parse_webhook(&self, _h: &reqwest::header::HeaderMap, _b: &[u8]) -> Result<WebhookEvent, WebhookError> { Err(WebhookError::BadSignature) }
}
