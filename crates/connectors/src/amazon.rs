//! Amazon Selling Partner API client: Login with Amazon tokens, Orders API v0 (getOrders,
//! getOrder, getOrderItems) and the Tokens API for buyer PII (CONNECTORS.md §2).
//!
//! Assumptions where the contract is silent:
//! - One Restricted Data Token covers both the bulk path `/orders/v0/orders` and the generic
//!   `/orders/v0/orders/{orderId}` (dataElements buyerInfo, shippingAddress); it is cached
//!   like the LWA token (until expiry minus 60 s).
//! - Later pages of getOrders send only `MarketplaceIds` and `NextToken` (the token stands
//!   for the listing's filters), as the official SDK examples do.
//! - A 403 on a cached token (revoked or expired early) drops the cached tokens and retries
//!   once with fresh ones; a second 403 is an `Auth` error.
//! - A 200 whose body does not parse (a truncated response) is fetched again, up to
//!   `max_retries` times: every call here is a read.
//! - Amazon gives no payment state: Pending → financial Pending, Canceled → Voided, anything
//!   else Paid. A cancelled order's `cancelled_at` is its `LastUpdateDate`.
//! - getOrders alone gives no item breakdown: `lines` is empty and subtotal, shipping and tax
//!   are zero until the items are fetched (`order`); `ItemPrice` is the line total, so the
//!   unit price is `ItemPrice / QuantityOrdered` (rounded down in minor units).

use crate::config::{AmazonConfig, AmazonCredentials, Secret};
use crate::error::{ErrorKind, Result};
use crate::http::{Http, HttpOptions, Pacer, Response};
use crate::model::{Page, RemoteCustomer, RemoteOrder, WriteAction, WriteOutcome};
use meridian_core::{Address, FinancialStatus, FulfillmentStatus, Identity, IdentityKind, LineItem, Money, Order, Platform};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Default usage plans (rate per second, burst) of the operations this client calls.
const PLANS: [(&str, f64, f64); 4] =
    [("getOrders", 0.0167, 20.0), ("getOrder", 0.5, 30.0), ("getOrderItems", 0.5, 30.0), ("createRestrictedDataToken", 1.0, 10.0)];
const SAFETY: Duration = Duration::from_secs(60);

#[derive(Clone)]
pub struct AmazonClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: Http,
    opts: HttpOptions,
    region: String,
    marketplaces: Vec<String>,
    endpoint: String,
    lwa: String,
    creds: AmazonCredentials,
    access: tokio::sync::Mutex<Option<Cached>>,
    rdt: tokio::sync::Mutex<Option<Cached>>,
    pacers: HashMap<&'static str, Pacer>,
}

struct Cached {
    token: Secret,
    until: Instant,
}

impl std::fmt::Debug for AmazonClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AmazonClient").field("region", &self.inner.region).field("endpoint", &self.inner.endpoint).finish_non_exhaustive()
    }
}

#[derive(Clone, Copy, PartialEq)]
enum TokenKind {
    Access,
    Restricted,
}

impl AmazonClient {
    pub fn new(cfg: &AmazonConfig, creds: AmazonCredentials, opts: HttpOptions) -> AmazonClient {
        let name = format!("Amazon {}", cfg.region);
        let endpoint = cfg.endpoint.clone().unwrap_or_else(|| format!("https://sellingpartnerapi-{}.amazon.com", cfg.region));
        let inner = Inner {
            http: Http::new(name, opts.clone()),
            opts,
            region: cfg.region.clone(),
            marketplaces: cfg.marketplace_ids.clone(),
            endpoint: endpoint.trim_end_matches('/').to_owned(),
            lwa: cfg.lwa_endpoint.clone().unwrap_or_else(|| "https://api.amazon.com/auth/o2/token".into()),
            creds,
            access: tokio::sync::Mutex::new(None),
            rdt: tokio::sync::Mutex::new(None),
            pacers: PLANS.iter().map(|&(op, rate, burst)| (op, Pacer::new(rate, burst))).collect(),
        };
        AmazonClient { inner: Arc::new(inner) }
    }

    pub fn http(&self) -> &Http {
        &self.inner.http
    }

    pub fn name(&self) -> String {
        format!("Amazon {}", self.inner.region)
    }

    /// Checks that the LWA refresh works (and caches the access token it gives).
    pub async fn check(&self) -> Result<()> {
        self.token(TokenKind::Access).await.map(|_| ())
    }

    /// getOrders with `LastUpdatedAfter` (None = two years back) over all configured
    /// marketplaces, one page; buyer PII through the bulk Restricted Data Token.
    pub async fn orders_updated_since(&self, since: Option<jiff::Timestamp>, next_token: Option<&str>) -> Result<Page<RemoteOrder>> {
        let mut query = vec![("MarketplaceIds", self.inner.marketplaces.join(","))];
        match next_token {
            // The token carries the listing's filters; a recomputed default date must not
            // contradict it.
            Some(t) => query.push(("NextToken", t.to_owned())),
            None => {
                let since = since.unwrap_or_else(|| jiff::Timestamp::now() - jiff::SignedDuration::from_hours(2 * 365 * 24));
                query.push(("LastUpdatedAfter", iso(since)));
                query.push(("MaxResultsPerPage", "100".to_owned()));
            }
        }
        let payload = self.get("getOrders", "/orders/v0/orders", &query, TokenKind::Restricted).await?;
        let page: OrdersPayload = self.decode("getOrders", payload)?;
        let items = page.orders.into_iter().map(|o| self.normalise("getOrders", o, None)).collect::<Result<Vec<_>>>()?;
        Ok(Page { items, next: page.next_token.filter(|t| !t.is_empty()) })
    }

    /// getOrder (with the RDT) and its items; `None` when Amazon does not know the id.
    pub async fn order(&self, amazon_order_id: &str) -> Result<Option<RemoteOrder>> {
        if !is_order_id(amazon_order_id) {
            return Ok(None);
        }
        let path = format!("/orders/v0/orders/{amazon_order_id}");
        let payload = match self.get("getOrder", &path, &[], TokenKind::Restricted).await {
            Ok(p) => p,
            Err(e) if matches!(e.kind, ErrorKind::Rejected { status: 404, .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        let order: ApiOrder = self.decode("getOrder", payload)?;
        let items = self.items(amazon_order_id).await?;
        self.normalise("getOrder", order, Some(items)).map(Some)
    }

    /// getOrderItems, all pages, as Meridian line items.
    pub async fn order_items(&self, amazon_order_id: &str) -> Result<Vec<LineItem>> {
        let items = self.items(amazon_order_id).await?;
        let currency = items.iter().find_map(|i| i.item_price.as_ref().and_then(|m| m.currency_code.clone())).unwrap_or_else(|| "USD".into());
        items.iter().map(|i| self.line("getOrderItems", i, &currency)).collect()
    }

    /// Amazon takes none of Meridian's write-backs.
    pub async fn write(&self, action: &WriteAction, _key: &str) -> Result<WriteOutcome> {
        let what = match action {
            WriteAction::OrderNote { .. } => "order notes",
            WriteAction::OrderTags { .. } => "order tags",
            WriteAction::ReturnRequest { .. } => "return requests (buyers open returns in their Amazon account)",
            WriteAction::Satisfaction { .. } => "satisfaction scores",
        };
        Err(self.inner.http.error("write", ErrorKind::Unsupported(format!("Amazon's Selling Partner API has no write for {what}"))))
    }

    // ---------- requests ----------

    async fn items(&self, id: &str) -> Result<Vec<ApiItem>> {
        let path = format!("/orders/v0/orders/{id}/orderItems");
        let mut all = Vec::new();
        let mut next: Option<String> = None;
        loop {
            let query: Vec<(&str, String)> = next.iter().map(|t| ("NextToken", t.clone())).collect();
            let payload = self.get("getOrderItems", &path, &query, TokenKind::Access).await?;
            let page: ItemsPayload = self.decode("getOrderItems", payload)?;
            all.extend(page.order_items);
            match page.next_token.filter(|t| !t.is_empty()) {
                Some(t) if Some(&t) != next.as_ref() => next = Some(t),
                Some(_) => return Err(self.inner.http.error("getOrderItems", ErrorKind::Malformed("NextToken did not advance".into()))),
                None => return Ok(all),
            }
        }
    }

    /// One SP-API GET, paced per operation; the `payload` of the envelope.
    async fn get(&self, op: &'static str, path: &str, query: &[(&str, String)], kind: TokenKind) -> Result<Value> {
        let url = format!("{}{path}", self.inner.endpoint);
        let mut retried_auth = false;
        let mut malformed_left = self.inner.opts.max_retries;
        loop {
            let token = match self.token(kind).await {
                // An access token refused when minting the RDT: refresh it once.
                Err(e) if !retried_auth && e.operation == "createRestrictedDataToken" && matches!(e.kind, ErrorKind::Auth(_)) => {
                    retried_auth = true;
                    self.forget_tokens().await;
                    continue;
                }
                other => other?,
            };
            if let Some(p) = self.inner.pacers.get(op) {
                p.acquire(1.0).await;
            }
            let resp = self
                .inner
                .http
                .send(op, |c| c.get(&url).query(query).header("x-amz-access-token", token.expose()).header("x-amz-date", amz_date()))
                .await?;
            self.observe_rate(op, &resp);
            if resp.status == 403 && !retried_auth {
                retried_auth = true;
                self.forget_tokens().await;
                continue;
            }
            if !resp.is_success() {
                return Err(self.api_error(op, &resp));
            }
            match payload(&self.inner.http, op, &resp) {
                Err(e) if malformed_left > 0 && matches!(e.kind, ErrorKind::Malformed(_)) => {
                    malformed_left -= 1;
                    tokio::time::sleep(self.inner.opts.base_backoff).await;
                }
                other => return other,
            }
        }
    }

    fn observe_rate(&self, op: &str, resp: &Response) {
        let rate = resp.header("x-amzn-ratelimit-limit").and_then(|v| v.trim().parse::<f64>().ok());
        if let (Some(rate), Some(p)) = (rate, self.inner.pacers.get(op)) {
            p.set_rate(rate);
        }
    }

    fn api_error(&self, op: &str, resp: &Response) -> crate::ConnectorError {
        let message = serde_json::from_slice::<ErrorList>(&resp.body)
            .ok()
            .and_then(|l| l.errors.into_iter().next())
            .map(|e| match e.details.filter(|d| !d.is_empty()) {
                Some(d) => format!("{}: {} ({d})", e.code, e.message),
                None => format!("{}: {}", e.code, e.message),
            })
            .unwrap_or_else(|| resp.snippet());
        let kind = match resp.status {
            401 | 403 => ErrorKind::Auth(format!("authentication failed for {}: {message}", self.name())),
            status => ErrorKind::Rejected { status, message },
        };
        self.inner.http.error(op, kind)
    }

    // ---------- tokens ----------

    /// A valid LWA access token or RDT; concurrent callers wait for one shared refresh.
    async fn token(&self, kind: TokenKind) -> Result<Secret> {
        match kind {
            TokenKind::Access => self.access_token().await,
            TokenKind::Restricted => self.rdt_token().await,
        }
    }

    async fn access_token(&self) -> Result<Secret> {
        let mut cached = self.inner.access.lock().await;
        if let Some(c) = cached.as_ref().filter(|c| c.until > Instant::now()) {
            return Ok(c.token.clone());
        }
        let (token, expires_in) = self.refresh().await?;
        *cached = Some(Cached { token: token.clone(), until: until(expires_in) });
        Ok(token)
    }

    async fn rdt_token(&self) -> Result<Secret> {
        let mut cached = self.inner.rdt.lock().await;
        if let Some(c) = cached.as_ref().filter(|c| c.until > Instant::now()) {
            return Ok(c.token.clone());
        }
        let access = self.access_token().await?;
        let (token, expires_in) = self.mint_rdt(&access).await?;
        *cached = Some(Cached { token: token.clone(), until: until(expires_in) });
        Ok(token)
    }

    async fn forget_tokens(&self) {
        *self.inner.access.lock().await = None;
        *self.inner.rdt.lock().await = None;
    }

    async fn refresh(&self) -> Result<(Secret, u64)> {
        let op = "lwaToken";
        let c = &self.inner.creds;
        let form = [
            ("grant_type", "refresh_token"),
            ("refresh_token", c.refresh_token.expose()),
            ("client_id", c.client_id.as_str()),
            ("client_secret", c.client_secret.expose()),
        ];
        let resp = self.inner.http.send(op, |cl| cl.post(&self.inner.lwa).form(&form).header("content-type", "application/x-www-form-urlencoded;charset=UTF-8")).await?;
        if !resp.is_success() {
            let e: OAuthError = resp.json(&self.inner.http, op)?;
            let message = format!("{}: {}", e.error, e.error_description.unwrap_or_default());
            let kind = match e.error.as_str() {
                "invalid_grant" | "invalid_client" | "unauthorized_client" | "invalid_token" => ErrorKind::Auth(format!("authentication failed for {}: {message}", self.name())),
                _ => ErrorKind::Rejected { status: resp.status, message },
            };
            return Err(self.inner.http.error(op, kind));
        }
        let t: LwaToken = resp.json(&self.inner.http, op)?;
        Ok((Secret::new(t.access_token), t.expires_in.unwrap_or(3600)))
    }

    async fn mint_rdt(&self, access: &Secret) -> Result<(Secret, u64)> {
        let op = "createRestrictedDataToken";
        let elements = ["buyerInfo", "shippingAddress"];
        let body = json!({ "restrictedResources": [
            { "method": "GET", "path": "/orders/v0/orders", "dataElements": elements },
            { "method": "GET", "path": "/orders/v0/orders/{orderId}", "dataElements": elements },
        ] });
        let url = format!("{}/tokens/2021-03-01/restrictedDataToken", self.inner.endpoint);
        if let Some(p) = self.inner.pacers.get(op) {
            p.acquire(1.0).await;
        }
        let resp = self
            .inner
            .http
            .send(op, |c| c.post(&url).json(&body).header("x-amz-access-token", access.expose()).header("x-amz-date", amz_date()))
            .await?;
        self.observe_rate(op, &resp);
        if !resp.is_success() {
            return Err(self.api_error(op, &resp));
        }
        let t: RdtResponse = resp.json(&self.inner.http, op)?;
        Ok((Secret::new(t.restricted_data_token), t.expires_in.unwrap_or(3600)))
    }

    // ---------- normalising ----------

    fn decode<T: serde::de::DeserializeOwned>(&self, op: &str, v: Value) -> Result<T> {
        serde_json::from_value(v).map_err(|e| self.inner.http.error(op, ErrorKind::Malformed(e.to_string())))
    }

    fn malformed(&self, op: &str, what: String) -> crate::ConnectorError {
        self.inner.http.error(op, ErrorKind::Malformed(what))
    }

    fn money(&self, op: &str, m: &ApiMoney, currency: &str) -> Result<Money> {
        let cur = m.currency_code.as_deref().unwrap_or(currency);
        let amount = m.amount.as_deref().unwrap_or("0");
        Money::parse(amount, cur).map_err(|e| self.malformed(op, e.to_string()))
    }

    fn line(&self, op: &str, i: &ApiItem, currency: &str) -> Result<LineItem> {
        let zero = Money { minor: 0, currency: currency.to_owned() };
        let total = i.item_price.as_ref().map(|m| self.money(op, m, currency)).transpose()?.unwrap_or(zero);
        let qty = i.quantity_ordered.max(0);
        let unit = Money { minor: if qty > 0 { total.minor / qty } else { total.minor }, currency: total.currency };
        let sku = i.seller_sku.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| i.asin.clone());
        Ok(LineItem { sku, name: i.title.clone().unwrap_or_default(), quantity: qty, unit_price: unit })
    }

    fn normalise(&self, op: &str, o: ApiOrder, items: Option<Vec<ApiItem>>) -> Result<RemoteOrder> {
        let marketplace = o.marketplace_id.clone().or_else(|| self.inner.marketplaces.first().cloned()).unwrap_or_default();
        let currency = o.order_total.as_ref().and_then(|m| m.currency_code.clone()).unwrap_or_else(|| currency_of(&marketplace).into());
        let zero = Money { minor: 0, currency: currency.clone() };
        let total = o.order_total.as_ref().map(|m| self.money(op, m, &currency)).transpose()?.unwrap_or(zero.clone());
        let created = parse_time(&o.purchase_date).ok_or_else(|| self.malformed(op, format!("PurchaseDate {:?} of {}", o.purchase_date, o.amazon_order_id)))?;
        let updated = parse_time(&o.last_update_date).unwrap_or(created);
        let (financial, fulfilment) = statuses(&o.order_status);
        let (mut subtotal, mut shipping, mut tax, mut lines) = (zero.clone(), zero.clone(), zero.clone(), Vec::new());
        for i in items.iter().flatten() {
            let add = |acc: &Money, m: &Option<ApiMoney>| -> Result<Money> {
                let v = m.as_ref().map(|m| self.money(op, m, &currency)).transpose()?.unwrap_or(zero.clone());
                acc.checked_add(&v).map_err(|e| self.malformed(op, e.to_string()))
            };
            subtotal = add(&subtotal, &i.item_price)?;
            shipping = add(&shipping, &i.shipping_price)?;
            tax = add(&add(&tax, &i.item_tax)?, &i.shipping_tax)?;
            lines.push(self.line(op, i, &currency)?);
        }
        let address = o.shipping_address.as_ref().map(address);
        let email = o.buyer_info.as_ref().and_then(|b| b.buyer_email.clone()).filter(|e| e.contains('@'));
        let order = Order {
            id: 0,
            store_id: 0,
            customer_id: None,
            platform: Platform::Amazon,
            external_id: o.amazon_order_id.clone(),
            number: o.amazon_order_id.clone(),
            email: email.as_ref().map(|e| e.trim().to_lowercase()),
            created_at: created,
            updated_at: updated,
            cancelled_at: (fulfilment == FulfillmentStatus::Cancelled).then_some(updated),
            financial_status: financial,
            fulfillment_status: fulfilment,
            subtotal,
            shipping,
            tax,
            total,
            lines,
            shipping_address: address.clone(),
            source: "amazon".into(),
            fresh_at: jiff::Timestamp::now(),
        };
        let customer = customer(&o, email, address.as_ref());
        Ok(RemoteOrder { store_domain: marketplace, order, customer, parcels: Vec::new() })
    }
}

fn customer(o: &ApiOrder, email: Option<String>, address: Option<&Address>) -> Option<RemoteCustomer> {
    let name = o.buyer_info.as_ref().and_then(|b| b.buyer_name.clone()).filter(|n| !n.trim().is_empty()).or_else(|| address.map(|a| a.name.clone()).filter(|n| !n.is_empty()));
    if email.is_none() && name.is_none() {
        return None;
    }
    let mut identities: Vec<Identity> = email.iter().map(|e| Identity::new(IdentityKind::AmazonAlias, e)).collect();
    if let Some(phone) = address.and_then(|a| a.phone.clone()) {
        identities.push(Identity::new(IdentityKind::Phone, &phone));
    }
    Some(RemoteCustomer { external_id: None, name: name.unwrap_or_default(), country: address.map(|a| a.country.clone()).unwrap_or_default(), identities })
}

fn address(a: &ApiAddress) -> Address {
    let country = a.country_code.clone().unwrap_or_default().to_uppercase();
    let extra: Vec<String> = [&a.address_line2, &a.address_line3].into_iter().flatten().filter(|l| !l.trim().is_empty()).cloned().collect();
    Address {
        name: a.name.clone().unwrap_or_default(),
        line1: a.address_line1.clone().unwrap_or_default(),
        line2: (!extra.is_empty()).then(|| extra.join(", ")),
        city: a.city.clone().unwrap_or_default(),
        region: a.state_or_region.clone().filter(|r| !r.is_empty()),
        region_code: None,
        postcode: a.postal_code.clone().filter(|p| !p.is_empty()),
        phone: a.phone.as_deref().and_then(|p| meridian_core::phone::to_e164(p, Some(&country)).ok()),
        country,
    }
}

/// Amazon's OrderStatus in Meridian's terms; unknown values count as not yet shipped.
fn statuses(status: &str) -> (FinancialStatus, FulfillmentStatus) {
    match status {
        "Pending" | "PendingAvailability" => (FinancialStatus::Pending, FulfillmentStatus::Unfulfilled),
        "PartiallyShipped" => (FinancialStatus::Paid, FulfillmentStatus::PartiallyFulfilled),
        "Shipped" | "InvoiceUnconfirmed" => (FinancialStatus::Paid, FulfillmentStatus::Fulfilled),
        "Canceled" => (FinancialStatus::Voided, FulfillmentStatus::Cancelled),
        _ => (FinancialStatus::Paid, FulfillmentStatus::Unfulfilled),
    }
}

fn currency_of(marketplace: &str) -> &'static str {
    match marketplace {
        "ATVPDKIKX0DER" => "USD",
        "A2EUQ1WTGCTBG2" => "CAD",
        "A1AM78C64UM0Y8" => "MXN",
        "A1F83G8C2ARO7P" => "GBP",
        "A1VC38T7YXB528" => "JPY",
        "A39IBJ37TRP1C6" => "AUD",
        _ => "EUR",
    }
}

/// When a token that lives `expires_in` seconds should be replaced.
fn until(expires_in: u64) -> Instant {
    Instant::now() + Duration::from_secs(expires_in).saturating_sub(SAFETY)
}

fn is_order_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    parts.len() == 3 && [3, 7, 7].iter().zip(&parts).all(|(n, p)| p.len() == *n && p.bytes().all(|b| b.is_ascii_digit()))
}

fn parse_time(s: &str) -> Option<jiff::Timestamp> {
    s.trim().parse().ok()
}

fn iso(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn amz_date() -> String {
    jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// The `payload` of an SP-API envelope.
fn payload(http: &Http, op: &str, resp: &Response) -> Result<Value> {
    let v: Value = resp.json(http, op)?;
    match v {
        Value::Object(mut m) => m.remove("payload").ok_or_else(|| http.error(op, ErrorKind::Malformed(format!("no payload; body starts {:?}", resp.snippet())))),
        _ => Err(http.error(op, ErrorKind::Malformed(format!("not an object; body starts {:?}", resp.snippet())))),
    }
}

// ---------- wire types ----------

#[derive(Deserialize)]
struct LwaToken {
    access_token: String,
    expires_in: Option<u64>,
}

#[derive(Deserialize)]
struct OAuthError {
    error: String,
    error_description: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RdtResponse {
    restricted_data_token: String,
    expires_in: Option<u64>,
}

#[derive(Deserialize)]
struct ErrorList {
    errors: Vec<ApiError>,
}

#[derive(Deserialize)]
struct ApiError {
    #[serde(default)]
    code: String,
    #[serde(default)]
    message: String,
    details: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct OrdersPayload {
    #[serde(default)]
    orders: Vec<ApiOrder>,
    next_token: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ItemsPayload {
    #[serde(default)]
    order_items: Vec<ApiItem>,
    next_token: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ApiOrder {
    amazon_order_id: String,
    #[serde(default)]
    purchase_date: String,
    #[serde(default)]
    last_update_date: String,
    #[serde(default)]
    order_status: String,
    order_total: Option<ApiMoney>,
    marketplace_id: Option<String>,
    shipping_address: Option<ApiAddress>,
    buyer_info: Option<ApiBuyer>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ApiMoney {
    currency_code: Option<String>,
    amount: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ApiAddress {
    name: Option<String>,
    address_line1: Option<String>,
    address_line2: Option<String>,
    address_line3: Option<String>,
    city: Option<String>,
    state_or_region: Option<String>,
    postal_code: Option<String>,
    country_code: Option<String>,
    phone: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ApiBuyer {
    buyer_email: Option<String>,
    buyer_name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ApiItem {
    #[serde(rename = "ASIN")]
    asin: String,
    #[serde(rename = "SellerSKU")]
    seller_sku: Option<String>,
    title: Option<String>,
    #[serde(default)]
    quantity_ordered: i64,
    item_price: Option<ApiMoney>,
    item_tax: Option<ApiMoney>,
    shipping_price: Option<ApiMoney>,
    shipping_tax: Option<ApiMoney>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_statuses_fall_back_to_unshipped() {
        assert_eq!(statuses("Shipped").1, FulfillmentStatus::Fulfilled);
        assert_eq!(statuses("Canceled").1, FulfillmentStatus::Cancelled);
        assert_eq!(statuses("SomethingNew"), (FinancialStatus::Paid, FulfillmentStatus::Unfulfilled));
    }

    #[test]
    fn the_client_debug_shows_no_secret() {
        let cfg = AmazonConfig { region: "na".into(), marketplace_ids: vec!["ATVPDKIKX0DER".into()], endpoint: None, lwa_endpoint: None };
        let creds = AmazonCredentials { client_id: "id".into(), client_secret: Secret::new("topsecret"), refresh_token: Secret::new("Atzr|refresh") };
        let c = AmazonClient::new(&cfg, creds, HttpOptions::default());
        let shown = format!("{c:?}");
        assert!(!shown.contains("topsecret") && !shown.contains("Atzr|refresh"), "{shown}");
        assert_eq!(c.name(), "Amazon na");
    }
}
