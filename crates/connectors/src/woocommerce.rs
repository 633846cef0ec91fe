//! Placeholder with the client's interface; the WooCommerce branch replaces it.
use crate::config::{WooConfig, WooCredentials};
use crate::webhook::{WebhookError, WebhookEvent};
use crate::*;
#[derive(Clone)]
pub struct WooClient { http: Http }
impl WooClient {
    pub fn new(cfg: &WooConfig, _c: WooCredentials, opts: HttpOptions) -> WooClient { WooClient { http: Http::new(format!("WooCommerce {}", cfg.site), opts) } }
    pub fn http(&self) -> &Http { &self.http }
    pub fn name(&self) -> String { self.http.connector().to_owned() }
    pub async fn check(&self) -> Result<()> { Err(self.http.error("check", ErrorKind::Unsupported("not built".into()))) }
    pub async fn orders_modified_since(&self, _since: Option<jiff::Timestamp>, _page: Option<&str>, _per_page: u32) -> Result<Page<RemoteOrder>> { Err(self.http.error("orders", ErrorKind::Unsupported("not built".into()))) }
    pub async fn order(&self, _id: &str) -> Result<Option<RemoteOrder>> { Ok(None) }
    pub async fn write(&self, _a: &WriteAction, _key: &str) -> Result<WriteOutcome> { Err(self.http.error("write", ErrorKind::Unsupported("not built".into()))) }
    pub fn parse_webhook(&self, _h: &reqwest::header::HeaderMap, _b: &[u8]) -> Result<WebhookEvent, WebhookError> { Err(WebhookError::BadSignature) }
}
