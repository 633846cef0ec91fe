//! Placeholder with the client's interface; the Shopify branch replaces it.
use crate::config::{ShopifyConfig, ShopifyCredentials};
use crate::webhook::{WebhookError, WebhookEvent};
use crate::*;
#[derive(Clone)]
pub struct ShopifyClient { http: Http }
impl ShopifyClient {
    pub fn new(cfg: &ShopifyConfig, _c: ShopifyCredentials, opts: HttpOptions) -> ShopifyClient { ShopifyClient { http: Http::new(format!("Shopify {}", cfg.shop), opts) } }
    pub fn http(&self) -> &Http { &self.http }
    pub fn name(&self) -> String { self.http.connector().to_owned() }
    pub async fn check(&self) -> Result<()> { Err(self.http.error("check", ErrorKind::Unsupported("not built".into()))) }
    pub async fn orders_updated_since(&self, _since: Option<jiff::Timestamp>, _after: Option<&str>, _page_size: u32) -> Result<Page<RemoteOrder>> { Err(self.http.error("orders", ErrorKind::Unsupported("not built".into()))) }
    pub async fn order(&self, _gid: &str) -> Result<Option<RemoteOrder>> { Ok(None) }
    pub async fn write(&self, _a: &WriteAction, _key: &str) -> Result<WriteOutcome> { Err(self.http.error("write", ErrorKind::Unsupported("not built".into()))) }
    pub fn parse_webhook(&self, _h: &reqwest::header::HeaderMap, _b: &[u8]) -> Result<WebhookEvent, WebhookError> { Err(WebhookError::BadSignature) }
}
