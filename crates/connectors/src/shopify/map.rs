//! Shopify's GraphQL order shape → Meridian's records, tolerant of missing optional fields
//! and unknown enum values; and the webhook payloads → what changed.

use crate::model::{RemoteCustomer, RemoteOrder, RemoteParcel};
use meridian_core::tracking;
use meridian_core::{Address, Carrier, FinancialStatus, FulfillmentStatus, Identity, IdentityKind, LineItem, Money, Order, Platform, Timestamp};
use serde_json::Value;

/// The fields the sync needs; sized so a page of 12 orders costs 2 + 12 × 54 = 650 points.
pub const ORDER_FIELDS: &str = "fragment OrderFields on Order {
  id name createdAt updatedAt cancelledAt email displayFinancialStatus displayFulfillmentStatus
  totalPriceSet { shopMoney { amount currencyCode } }
  subtotalPriceSet { shopMoney { amount currencyCode } }
  totalShippingPriceSet { shopMoney { amount currencyCode } }
  totalTaxSet { shopMoney { amount currencyCode } }
  customer { id firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }
  shippingAddress { name address1 address2 city province provinceCode zip countryCodeV2 phone }
  lineItems(first: 10) { nodes { name sku quantity originalUnitPriceSet { shopMoney { amount currencyCode } } } }
  fulfillments(first: 3) { createdAt trackingInfo(first: 2) { company number } }
}";

/// Requested cost of one order with `ORDER_FIELDS` (object 1, four money bags 2 each,
/// customer 3, address 1, line items 2 + 10 × 3, fulfilments 3 × (1 + 2)).
pub const ORDER_COST: f64 = 54.0;

fn s<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).map(str::trim).filter(|x| !x.is_empty())
}

fn time(v: &Value, key: &str) -> Result<Option<Timestamp>, String> {
    match s(v, key) {
        None => Ok(None),
        Some(t) => t.parse().map(Some).map_err(|e| format!("{key} {t:?} is not a timestamp: {e}")),
    }
}

fn money(set: &Value) -> Result<Option<Money>, String> {
    let m = &set["shopMoney"];
    match (s(m, "amount"), s(m, "currencyCode")) {
        (Some(a), Some(c)) => Money::parse(a, c).map(Some).map_err(|e| e.to_string()),
        _ => Ok(None),
    }
}

/// One order node; an error names what broke the contract (the caller makes it Malformed).
pub fn order(node: &Value, shop: &str, now: Timestamp) -> Result<RemoteOrder, String> {
    let id = s(node, "id").ok_or("order without id")?.to_owned();
    let name = s(node, "name").ok_or_else(|| format!("order {id} without name"))?;
    let created_at = time(node, "createdAt")?.ok_or_else(|| format!("order {id} without createdAt"))?;
    let updated_at = time(node, "updatedAt")?.unwrap_or(created_at);
    let cancelled_at = time(node, "cancelledAt")?;
    let total = money(&node["totalPriceSet"])?.ok_or_else(|| format!("order {id} without totalPriceSet"))?;
    let zero = Money { minor: 0, currency: total.currency.clone() };
    let address = node.get("shippingAddress").filter(|a| a.is_object()).map(address);
    let mut fulfillment = fulfillment_status(s(node, "displayFulfillmentStatus"));
    if cancelled_at.is_some() {
        fulfillment = FulfillmentStatus::Cancelled;
    }
    let order = Order {
        id: 0,
        store_id: 0,
        customer_id: None,
        platform: Platform::Shopify,
        external_id: id.clone(),
        number: name.trim_start_matches('#').to_owned(),
        email: s(node, "email").map(str::to_owned),
        created_at,
        updated_at,
        cancelled_at,
        financial_status: financial_status(s(node, "displayFinancialStatus")),
        fulfillment_status: fulfillment,
        subtotal: money(&node["subtotalPriceSet"])?.unwrap_or_else(|| zero.clone()),
        shipping: money(&node["totalShippingPriceSet"])?.unwrap_or_else(|| zero.clone()),
        tax: money(&node["totalTaxSet"])?.unwrap_or(zero),
        total,
        lines: lines(&node["lineItems"])?,
        shipping_address: address.clone(),
        source: "shopify".into(),
        fresh_at: now,
    };
    let customer = customer(node, address.as_ref());
    let parcels = parcels(&node["fulfillments"])?;
    Ok(RemoteOrder { store_domain: shop.to_owned(), order, customer, parcels })
}

fn financial_status(v: Option<&str>) -> FinancialStatus {
    match v.unwrap_or("") {
        "AUTHORIZED" => FinancialStatus::Authorized,
        "PAID" => FinancialStatus::Paid,
        "PARTIALLY_PAID" => FinancialStatus::PartiallyPaid,
        "PARTIALLY_REFUNDED" => FinancialStatus::PartiallyRefunded,
        "REFUNDED" => FinancialStatus::Refunded,
        "VOIDED" => FinancialStatus::Voided,
        "EXPIRED" => FinancialStatus::Expired,
        // PENDING and anything newer: nothing is known to be paid.
        _ => FinancialStatus::Pending,
    }
}

fn fulfillment_status(v: Option<&str>) -> FulfillmentStatus {
    match v.unwrap_or("") {
        "FULFILLED" | "FULFILLMENT_NOT_REQUIRED" => FulfillmentStatus::Fulfilled,
        "IN_PROGRESS" => FulfillmentStatus::InProgress,
        "ON_HOLD" => FulfillmentStatus::OnHold,
        "SCHEDULED" => FulfillmentStatus::Scheduled,
        "PARTIALLY_FULFILLED" => FulfillmentStatus::PartiallyFulfilled,
        // UNFULFILLED, the legacy OPEN/PENDING_FULFILLMENT/RESTOCKED, REQUEST_DECLINED, unknown.
        _ => FulfillmentStatus::Unfulfilled,
    }
}

fn phone(raw: Option<&str>, country: Option<&str>) -> Option<String> {
    meridian_core::phone::to_e164(raw?, country).ok()
}

fn address(a: &Value) -> Address {
    let country = s(a, "countryCodeV2").unwrap_or("").to_owned();
    Address {
        name: s(a, "name").unwrap_or("").to_owned(),
        line1: s(a, "address1").unwrap_or("").to_owned(),
        line2: s(a, "address2").map(str::to_owned),
        city: s(a, "city").unwrap_or("").to_owned(),
        region: s(a, "province").map(str::to_owned),
        region_code: s(a, "provinceCode").map(str::to_owned),
        postcode: s(a, "zip").map(str::to_owned),
        phone: phone(s(a, "phone"), Some(&country).filter(|c| !c.is_empty()).map(String::as_str)),
        country,
    }
}

fn lines(conn: &Value) -> Result<Vec<LineItem>, String> {
    let nodes = conn.get("nodes").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    nodes
        .iter()
        .filter_map(|l| {
            let price = money(&l["originalUnitPriceSet"]).transpose()?;
            Some(price.map(|unit_price| LineItem {
                sku: s(l, "sku").unwrap_or("").to_owned(),
                name: s(l, "name").unwrap_or("").to_owned(),
                quantity: l.get("quantity").and_then(Value::as_i64).unwrap_or(0),
                unit_price,
            }))
        })
        .collect()
}

fn customer(node: &Value, address: Option<&Address>) -> Option<RemoteCustomer> {
    let c = node.get("customer").filter(|c| c.is_object());
    let email = c.and_then(|c| s(&c["defaultEmailAddress"], "emailAddress")).or_else(|| s(node, "email"));
    if c.is_none() && email.is_none() {
        return None;
    }
    let country = address.map(|a| a.country.clone()).unwrap_or_default();
    let mut identities = Vec::new();
    if let Some(e) = email {
        identities.push(Identity::new(IdentityKind::Email, e));
    }
    let country_opt = Some(country.as_str()).filter(|c| !c.is_empty());
    if let Some(p) = phone(c.and_then(|c| s(&c["defaultPhoneNumber"], "phoneNumber")), country_opt) {
        identities.push(Identity::new(IdentityKind::Phone, &p));
    }
    let external_id = c.and_then(|c| s(c, "id")).map(str::to_owned);
    if let Some(gid) = &external_id {
        identities.push(Identity::new(IdentityKind::PlatformId, &format!("shopify:{gid}")));
    }
    let parts: Vec<&str> = c.map(|c| [s(c, "firstName"), s(c, "lastName")].into_iter().flatten().collect()).unwrap_or_default();
    let name = if parts.is_empty() { address.map(|a| a.name.clone()).unwrap_or_default() } else { parts.join(" ") };
    Some(RemoteCustomer { external_id, name, country, identities })
}

fn parcels(fulfillments: &Value) -> Result<Vec<RemoteParcel>, String> {
    let mut out = Vec::new();
    for f in fulfillments.as_array().map(Vec::as_slice).unwrap_or(&[]) {
        let shipped_at = time(f, "createdAt")?;
        for t in f.get("trackingInfo").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]) {
            let Some(raw) = s(t, "number") else { continue };
            let number = tracking::normalize(raw);
            let carrier = tracking::identify(&number).map(|n| n.carrier).unwrap_or_else(|| carrier_by_name(s(t, "company")));
            out.push(RemoteParcel { carrier, tracking_number: number, shipped_at });
        }
    }
    Ok(out)
}

/// The carrier a fulfilment names when the number's format did not tell.
fn carrier_by_name(company: Option<&str>) -> Carrier {
    let c = company.unwrap_or("").to_ascii_lowercase();
    match () {
        _ if c.contains("ups") && !c.contains("usps") => Carrier::Ups,
        _ if c.contains("usps") => Carrier::Usps,
        _ if c.contains("fedex") => Carrier::Fedex,
        _ if c.contains("dhl") => Carrier::Dhl,
        _ if c.contains("china post") || c.contains("china ems") => Carrier::ChinaPost,
        _ if c.contains("yun") => Carrier::YunExpress,
        _ if c.contains("post") => Carrier::Post,
        _ => Carrier::Other,
    }
}

/// The order a webhook payload is about, as a GID.
pub fn webhook_order(topic: &str, body: &Value) -> Option<String> {
    let gid = |id: &Value| id.as_u64().map(|n| format!("gid://shopify/Order/{n}")).or_else(|| id.as_str().filter(|s| s.starts_with("gid://shopify/Order/")).map(str::to_owned));
    match topic.split('/').next().unwrap_or("") {
        "orders" => s(body, "admin_graphql_api_id").map(str::to_owned).or_else(|| gid(&body["id"])),
        "fulfillments" | "refunds" => gid(&body["order_id"]),
        "returns" => s(&body["order"], "admin_graphql_api_id").map(str::to_owned).or_else(|| gid(&body["order_id"])).or_else(|| gid(&body["order"]["id"])),
        _ => None,
    }
}
