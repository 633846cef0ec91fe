//! Placeholder with the client's interface; the Amazon branch replaces it.
use crate::config::{AmazonConfig, AmazonCredentials};
use crate::*;
#[derive(Clone)]
pub struct AmazonClient { http: Http }
impl AmazonClient {
    pub fn new(cfg: &AmazonConfig, _c: AmazonCredentials, opts: HttpOptions) -> AmazonClient { AmazonClient { http: Http::new(format!("Amazon {}", cfg.region), opts) } }
    pub fn http(&self) -> &Http { &self.http }
    pub fn name(&self) -> String { self.http.connector().to_owned() }
    pub async fn check(&self) -> Result<()> { Err(self.http.error("check", ErrorKind::Unsupported("not built".into()))) }
    pub async fn orders_updated_since(&self, _since: Option<jiff::Timestamp>, _next: Option<&str>) -> Result<Page<RemoteOrder>> { Err(self.http.error("getOrders", ErrorKind::Unsupported("not built".into()))) }
    pub async fn order(&self, _id: &str) -> Result<Option<RemoteOrder>> { Ok(None) }
    pub async fn order_items(&self, _id: &str) -> Result<Vec<meridian_core::LineItem>> { Ok(vec![]) }
    pub async fn write(&self, _a: &WriteAction, _key: &str) -> Result<WriteOutcome> { Err(self.http.error("write", ErrorKind::Unsupported("Amazon".into()))) }
}
