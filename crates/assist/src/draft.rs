//! Grounded drafts: the reply to a message, built from the store's facts (the order, the
//! parcel's last scan, the promise date) with the Fluent templates in locales/replies, in
//! the customer's language. A draft is a plan of (message, arguments); rendering the same
//! plan in the agent's language gives its exact meaning.
//!
//! Invariant: no fact enters a draft except through `Grounding`; when a fact is missing the
//! draft asks for it or says so, and `missing_data` makes the policy require approval.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use jiff::Timestamp;
use meridian_core::{FinancialStatus, FulfillmentStatus, Intent, Money, Order, Shipment, ShipmentStatus};
use std::collections::BTreeMap;

pub const LANGUAGES: &[&str] = &["en", "es", "fr", "de", "it", "pt", "nl", "pl", "ja", "zh", "ko", "ar"];

const SOURCES: &[(&str, &str)] = &[
    ("en", include_str!("../../../locales/replies/en.ftl")),
    ("es", include_str!("../../../locales/replies/es.ftl")),
    ("fr", include_str!("../../../locales/replies/fr.ftl")),
    ("de", include_str!("../../../locales/replies/de.ftl")),
    ("it", include_str!("../../../locales/replies/it.ftl")),
    ("pt", include_str!("../../../locales/replies/pt.ftl")),
    ("nl", include_str!("../../../locales/replies/nl.ftl")),
    ("pl", include_str!("../../../locales/replies/pl.ftl")),
    ("ja", include_str!("../../../locales/replies/ja.ftl")),
    ("zh", include_str!("../../../locales/replies/zh.ftl")),
    ("ko", include_str!("../../../locales/replies/ko.ftl")),
    ("ar", include_str!("../../../locales/replies/ar.ftl")),
];

/// The store's own rules that drafts may state (configuration, not guesses).
#[derive(Debug, Clone)]
pub struct StoreRules {
    pub return_days: i64,
    pub refund_business_days: i64,
    pub delivery_days: (i64, i64),
    /// A parcel not updated for this long is stale: the draft says so and needs approval.
    pub stale_after_hours: i64,
}

impl Default for StoreRules {
    fn default() -> Self {
        StoreRules { return_days: 30, refund_business_days: 5, delivery_days: (3, 7), stale_after_hours: 24 }
    }
}

/// The facts a draft may use.
#[derive(Debug, Clone)]
pub struct Grounding<'a> {
    pub customer_name: &'a str,
    pub customer_country: &'a str,
    pub customer_time_zone: Option<&'a str>,
    pub agent: &'a str,
    pub store: &'a str,
    pub order: Option<&'a Order>,
    pub shipment: Option<&'a Shipment>,
    pub rules: StoreRules,
    pub now: Timestamp,
}

/// An argument, formatted only when rendered, in the language rendered to.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub enum Arg {
    Text(String),
    Number(i64),
    Money(Money),
    /// A calendar day seen in a time zone.
    Date(Timestamp, String),
    /// A moment seen in a time zone.
    DateTime(Timestamp, String),
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Part {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Plan {
    pub parts: Vec<Part>,
    /// The facts used, for the agent ("order 1047, parcel updated 12 min ago").
    pub facts: Vec<String>,
    pub missing_data: bool,
}

pub struct Replies {
    bundles: BTreeMap<&'static str, FluentBundle<FluentResource>>,
}

impl Replies {
    pub fn new() -> Result<Replies, String> {
        let mut bundles = BTreeMap::new();
        for (lang, src) in SOURCES {
            let res = FluentResource::try_new(src.to_string()).map_err(|(_, e)| format!("locales/replies/{lang}.ftl: {e:?}"))?;
            let id: unic_langid::LanguageIdentifier = lang.parse().map_err(|e| format!("{lang}: {e}"))?;
            let mut b = FluentBundle::new_concurrent(vec![id]);
            // Isolation marks keep Arabic text in order around Latin numbers; other scripts
            // do not need them and they would break copy-paste of order numbers.
            b.set_use_isolating(*lang == "ar");
            b.add_resource(res).map_err(|e| format!("locales/replies/{lang}.ftl: {e:?}"))?;
            bundles.insert(*lang, b);
        }
        Ok(Replies { bundles })
    }

    fn bundle(&self, lang: &str) -> &FluentBundle<FluentResource> {
        self.bundles.get(lang).or_else(|| self.bundles.get("en")).expect("English replies are compiled in")
    }

    fn message(&self, lang: &str, id: &str, args: &FluentArgs) -> String {
        let b = self.bundle(lang);
        match b.get_message(id).and_then(|m| m.value()) {
            Some(p) => b.format_pattern(p, Some(args), &mut vec![]).into_owned(),
            None => String::new(),
        }
    }

    fn plain(&self, lang: &str, id: &str) -> String {
        self.message(lang, id, &FluentArgs::new())
    }

    fn format_arg(&self, lang: &str, arg: &Arg) -> FluentValue<'static> {
        match arg {
            Arg::Text(s) => FluentValue::from(s.clone()),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Money(m) => FluentValue::from(self.money(lang, m)),
            Arg::Date(t, zone) => FluentValue::from(self.date(lang, *t, zone)),
            Arg::DateTime(t, zone) => {
                let z = t.in_tz(zone).unwrap_or_else(|_| t.to_zoned_datetime(jiff::tz::TimeZone::UTC));
                let mut a = FluentArgs::new();
                a.set("hour", format!("{:02}", z.hour()));
                a.set("minute", format!("{:02}", z.minute()));
                let time = self.message(lang, "time-format", &a);
                let mut a = FluentArgs::new();
                a.set("date", self.date(lang, *t, zone));
                a.set("time", time);
                FluentValue::from(self.message(lang, "datetime-format", &a))
            }
        }
    }

    fn date(&self, lang: &str, t: Timestamp, zone: &str) -> String {
        let z = t.in_tz(zone).unwrap_or_else(|_| t.to_zoned_datetime(jiff::tz::TimeZone::UTC));
        let mut a = FluentArgs::new();
        a.set("weekday", self.plain(lang, &format!("weekday-{}", z.weekday().to_monday_one_offset())));
        a.set("month", self.plain(lang, &format!("month-{}", z.month())));
        a.set("day", z.day() as i64);
        a.set("year", z.year() as i64);
        self.message(lang, "date-format", &a)
    }

    fn money(&self, lang: &str, m: &Money) -> String {
        let digits = m.decimal_string();
        let (int, frac) = digits.trim_start_matches('-').split_once('.').map(|(a, b)| (a.to_owned(), Some(b.to_owned()))).unwrap_or((digits.trim_start_matches('-').to_owned(), None));
        let group = self.plain(lang, "group-separator");
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push_str(&group);
            }
            grouped.push(c);
        }
        let amount = match frac {
            Some(f) => format!("{}{grouped}{}{f}", if m.minor < 0 { "-" } else { "" }, self.plain(lang, "decimal-separator")),
            None => format!("{}{grouped}", if m.minor < 0 { "-" } else { "" }),
        };
        let mut a = FluentArgs::new();
        a.set("amount", amount);
        a.set("symbol", symbol(&m.currency));
        self.message(lang, "money-format", &a)
    }

    /// Renders a plan as a letter in `lang`: greeting, the parts, closing.
    pub fn render(&self, plan: &Plan, lang: &str) -> String {
        plan.parts
            .iter()
            .map(|p| {
                let mut a = FluentArgs::new();
                for (k, v) in &p.args {
                    a.set(*k, self.format_arg(lang, v));
                }
                self.message(lang, p.id, &a)
            })
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// Whether every language defines `id`.
    pub fn has_everywhere(&self, id: &str) -> bool {
        self.bundles.values().all(|b| b.has_message(id))
    }
}

fn symbol(currency: &str) -> &str {
    match currency {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "JPY" | "CNY" => "¥",
        "KRW" => "₩",
        "PLN" => "zł",
        "CAD" => "CA$",
        "AUD" => "A$",
        "MXN" => "MX$",
        "BRL" => "R$",
        other => other,
    }
}

const EU: &[&str] = &["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"];
/// The EU's statutory right of withdrawal for distance sales (Directive 2011/83/EU).
const EU_WITHDRAWAL_DAYS: i64 = 14;

/// Plans the reply to a message about `intent` from the facts in `g`.
pub fn plan(intent: Intent, g: &Grounding) -> Plan {
    let zone = g.customer_time_zone.unwrap_or("UTC").to_owned();
    // Offline (no store) there is no name to greet or signature to sign with: leave them out.
    let mut parts = Vec::new();
    if !g.customer_name.trim().is_empty() {
        parts.push(Part { id: "greeting", args: vec![("name", Arg::Text(g.customer_name.to_owned()))] });
    }
    let mut facts = Vec::new();
    let mut missing = false;
    let order_no = |o: &Order| match o.platform {
        meridian_core::Platform::Amazon => o.number.clone(),
        _ => format!("#{}", o.number),
    };
    let last = g.shipment.and_then(|s| s.events.first());
    let mut body: Vec<Part> = Vec::new();
    let p = |id: &'static str, args: Vec<(&'static str, Arg)>| Part { id, args };
    match (intent, g.order) {
        (Intent::TrackOrder | Intent::DeliveryPeriod | Intent::MissingPackage | Intent::CancelOrder | Intent::ChangeShippingAddress | Intent::ReturnItem | Intent::GetRefund | Intent::TrackRefund | Intent::DamagedOrWrongItem | Intent::CustomsDuties, None) => {
            body.push(p("ask-order-number", vec![]));
            missing = true;
        }
        (Intent::TrackOrder | Intent::DeliveryPeriod | Intent::MissingPackage, Some(o)) => {
            let n = Arg::Text(order_no(o));
            facts.push(format!("order {} ({}, {})", order_no(o), o.financial_status, o.fulfillment_status));
            match (g.shipment, last) {
                (Some(s), Some(e)) => {
                    facts.push(format!("{} {} {}: {} at {}", s.carrier.display_name(), s.tracking_number, s.status, e.place, e.at));
                    let when = Arg::DateTime(e.at, e.time_zone.clone().unwrap_or(zone.clone()));
                    let place = Arg::Text(e.place.clone());
                    match s.status {
                        ShipmentStatus::Delivered if intent == Intent::MissingPackage => body.push(p("missing-delivered", vec![("order", n), ("carrier", Arg::Text(s.carrier.display_name().into())), ("tracking", Arg::Text(s.tracking_number.clone())), ("place", place), ("when", when)])),
                        ShipmentStatus::Delivered => body.push(p("track-delivered", vec![("order", n), ("place", place), ("when", when)])),
                        ShipmentStatus::Customs => body.push(p("track-customs", vec![("order", n), ("place", place), ("when", when)])),
                        ShipmentStatus::FailedAttempt => body.push(p("track-failed-attempt", vec![("order", n), ("place", place), ("when", when)])),
                        _ => match s.expected_at {
                            Some(eta) if intent == Intent::DeliveryPeriod => body.push(p("delivery-period-order", vec![("order", n), ("eta", Arg::Date(eta, zone.clone()))])),
                            Some(eta) => body.push(p("track-in-transit", vec![("order", n), ("carrier", Arg::Text(s.carrier.display_name().into())), ("tracking", Arg::Text(s.tracking_number.clone())), ("place", place), ("when", when), ("eta", Arg::Date(eta, zone.clone()))])),
                            None => {
                                body.push(p("track-no-eta", vec![]));
                                missing = true;
                            }
                        },
                    }
                    if let (Some(promised), Some(eta)) = (s.promised_by.as_deref().and_then(|d| d.parse::<jiff::civil::Date>().ok()), s.expected_at) {
                        let eta_day = eta.in_tz(&zone).map(|z| z.date()).unwrap_or(promised);
                        if eta_day > promised && !s.status.is_final() {
                            let promised_ts = promised.in_tz(&zone).map(|z| z.timestamp()).unwrap_or(eta);
                            body.push(p("track-late", vec![("promised", Arg::Date(promised_ts, zone.clone())), ("eta", Arg::Date(eta, zone.clone()))]));
                        }
                    }
                    let age = g.now.duration_since(s.fresh_at).as_secs() / 3600;
                    if !s.status.is_final() && age >= g.rules.stale_after_hours {
                        body.push(p("data-stale", vec![("updated", Arg::DateTime(s.fresh_at, zone.clone()))]));
                        missing = true;
                    }
                }
                _ if matches!(o.fulfillment_status, FulfillmentStatus::Unfulfilled | FulfillmentStatus::InProgress | FulfillmentStatus::OnHold | FulfillmentStatus::Scheduled) => {
                    if intent == Intent::DeliveryPeriod {
                        body.push(p("delivery-period-general", vec![("min", Arg::Number(g.rules.delivery_days.0)), ("max", Arg::Number(g.rules.delivery_days.1))]));
                    }
                    body.push(p("track-not-shipped", vec![("order", n), ("placed", Arg::Date(o.created_at, zone.clone()))]));
                }
                _ => {
                    // Shipped, but the parcel is unknown to us: say nothing we cannot back.
                    body.push(p("track-no-eta", vec![]));
                    missing = true;
                }
            }
        }
        (Intent::CancelOrder | Intent::ChangeShippingAddress, Some(o)) => {
            facts.push(format!("order {} ({})", order_no(o), o.fulfillment_status));
            let n = Arg::Text(order_no(o));
            let shipped = matches!(o.fulfillment_status, FulfillmentStatus::Fulfilled | FulfillmentStatus::PartiallyFulfilled);
            match (intent, shipped, g.shipment) {
                (Intent::CancelOrder, false, _) => body.push(p("cancel-possible", vec![("order", n)])),
                (Intent::CancelOrder, true, Some(s)) => body.push(p("cancel-shipped", vec![("order", n), ("carrier", Arg::Text(s.carrier.display_name().into()))])),
                (_, false, _) => body.push(p("address-possible", vec![("order", n)])),
                (_, true, Some(s)) => body.push(p("address-shipped", vec![("order", n), ("carrier", Arg::Text(s.carrier.display_name().into())), ("tracking", Arg::Text(s.tracking_number.clone()))])),
                (_, true, None) => {
                    body.push(p("generic-ack", vec![]));
                    missing = true;
                }
            }
        }
        (Intent::ReturnItem, Some(o)) => {
            facts.push(format!("order {}", order_no(o)));
            if let Some(delivered) = g.shipment.and_then(|s| s.delivered_at) {
                let deadline = delivered + jiff::SignedDuration::from_hours(24 * g.rules.return_days);
                facts.push(format!("delivered {delivered}; store window {} days", g.rules.return_days));
                body.push(p("return-window", vec![("order", Arg::Text(order_no(o))), ("days", Arg::Number(g.rules.return_days)), ("deadline", Arg::Date(deadline, zone.clone()))]));
            }
            if EU.contains(&g.customer_country) {
                body.push(p("return-eu-right", vec![("days", Arg::Number(EU_WITHDRAWAL_DAYS))]));
            }
            body.push(p("return-steps", vec![]));
        }
        (Intent::GetRefund | Intent::TrackRefund, Some(o)) => {
            facts.push(format!("order {} {} ({})", order_no(o), o.total, o.financial_status));
            if matches!(o.financial_status, FinancialStatus::Refunded | FinancialStatus::PartiallyRefunded) {
                body.push(p("refund-status", vec![("order", Arg::Text(order_no(o))), ("amount", Arg::Money(o.total.clone())), ("when", Arg::Date(o.updated_at, zone.clone()))]));
            } else {
                body.push(p("refund-how", vec![("order", Arg::Text(order_no(o))), ("amount", Arg::Money(o.total.clone())), ("days", Arg::Number(g.rules.refund_business_days))]));
            }
        }
        (Intent::DamagedOrWrongItem, Some(o)) => {
            let product = o.lines.first().map(|l| l.name.clone()).unwrap_or_default();
            facts.push(format!("order {} ({product})", order_no(o)));
            body.push(p("damaged", vec![("order", Arg::Text(order_no(o))), ("product", Arg::Text(product))]));
        }
        (Intent::CustomsDuties, Some(o)) => {
            let country = o.shipping_address.as_ref().map(|a| a.country.clone()).unwrap_or_else(|| g.customer_country.to_owned());
            facts.push(format!("order {} to {country}", order_no(o)));
            body.push(p("customs", vec![("order", Arg::Text(order_no(o))), ("country", Arg::Text(country))]));
        }
        (Intent::CheckRefundPolicy, _) => {
            body.push(p("refund-policy", vec![("days", Arg::Number(g.rules.return_days))]));
            if EU.contains(&g.customer_country) {
                body.push(p("return-eu-right", vec![("days", Arg::Number(EU_WITHDRAWAL_DAYS))]));
            }
        }
        (Intent::DeliveryOptions, _) => body.push(p("delivery-period-general", vec![("min", Arg::Number(g.rules.delivery_days.0)), ("max", Arg::Number(g.rules.delivery_days.1))])),
        _ => body.push(p("generic-ack", vec![])),
    }
    parts.extend(body);
    if !g.agent.trim().is_empty() && !g.store.trim().is_empty() {
        parts.push(Part { id: "closing", args: vec![("agent", Arg::Text(g.agent.to_owned())), ("store", Arg::Text(g.store.to_owned()))] });
    }
    Plan { parts, facts, missing_data: missing }
}

#[cfg(test)]
mod tests {
    use super::*;
    use meridian_core::{CarrierEvent, Platform, Shipment};

    fn order() -> Order {
        let t: Timestamp = "2026-11-10T09:00:00Z".parse().unwrap();
        let eur = |m| Money::new(m, "EUR").unwrap();
        Order {
            id: 1, store_id: 1, customer_id: Some(1), platform: Platform::Shopify, external_id: "x".into(), number: "1047".into(), email: None,
            created_at: t, updated_at: t, cancelled_at: None, financial_status: FinancialStatus::Paid, fulfillment_status: FulfillmentStatus::Fulfilled,
            subtotal: eur(4990), shipping: eur(0), tax: eur(0), total: eur(4990), lines: vec![], shipping_address: None, source: "t".into(), fresh_at: t,
        }
    }

    fn parcel(now: Timestamp) -> Shipment {
        Shipment {
            id: 1, order_id: 1, carrier: meridian_core::Carrier::Dhl, tracking_number: "1234567891".into(), status: ShipmentStatus::InTransit,
            shipped_at: None, promised_by: Some("2026-11-19".into()), expected_at: Some("2026-11-26T12:00:00Z".parse().unwrap()), delivered_at: None,
            events: vec![CarrierEvent { at: "2026-11-24T16:30:00Z".parse().unwrap(), time_zone: Some("Europe/Madrid".into()), place: "Madrid, ES".into(), country: Some("ES".into()), status: ShipmentStatus::InTransit, description: "Departed".into() }],
            source: "t".into(), fresh_at: now,
        }
    }

    #[test]
    fn every_language_has_every_template() {
        let r = Replies::new().unwrap();
        for id in ["greeting", "closing", "track-in-transit", "track-delivered", "track-late", "ask-order-number", "return-window", "return-eu-right", "return-steps", "refund-how", "cancel-possible", "address-shipped", "damaged", "customs", "generic-ack", "date-format", "money-format"] {
            assert!(r.has_everywhere(id), "{id}");
        }
    }

    #[test]
    fn track_order_draft_is_grounded_in_every_language() {
        let r = Replies::new().unwrap();
        let now: Timestamp = "2026-11-25T10:00:00Z".parse().unwrap();
        let (o, s) = (order(), parcel(now));
        let g = Grounding { customer_name: "Ana", customer_country: "ES", customer_time_zone: Some("Europe/Madrid"), agent: "Lucía", store: "Northwind", order: Some(&o), shipment: Some(&s), rules: StoreRules::default(), now };
        let plan = plan(Intent::TrackOrder, &g);
        assert!(!plan.missing_data);
        assert_eq!(plan.parts.iter().map(|p| p.id).collect::<Vec<_>>(), ["greeting", "track-in-transit", "track-late", "closing"]);
        for lang in LANGUAGES {
            let text = r.render(&plan, lang);
            assert!(text.contains("#1047") && text.contains("1234567891") && text.contains("Madrid"), "{lang}: {text}");
            assert!(!text.contains("{") && !text.contains("$"), "{lang}: unfilled: {text}");
        }
        let es = r.render(&plan, "es");
        assert!(es.contains("17:30"), "scan time in the scan's zone: {es}");
        assert!(es.contains("jueves, 26 de noviembre") || es.contains("26 de noviembre"), "{es}");
    }

    #[test]
    fn missing_order_asks_and_needs_approval() {
        let now: Timestamp = "2026-11-25T10:00:00Z".parse().unwrap();
        let g = Grounding { customer_name: "Ana", customer_country: "ES", customer_time_zone: None, agent: "A", store: "S", order: None, shipment: None, rules: StoreRules::default(), now };
        let plan = plan(Intent::TrackOrder, &g);
        assert!(plan.missing_data);
        assert!(plan.parts.iter().any(|p| p.id == "ask-order-number"));
    }

    #[test]
    fn stale_parcel_data_is_said_and_needs_approval() {
        let now: Timestamp = "2026-11-25T10:00:00Z".parse().unwrap();
        let (o, mut s) = (order(), parcel(now));
        s.fresh_at = "2026-11-22T10:00:00Z".parse().unwrap();
        let g = Grounding { customer_name: "Ana", customer_country: "ES", customer_time_zone: Some("Europe/Madrid"), agent: "A", store: "S", order: Some(&o), shipment: Some(&s), rules: StoreRules::default(), now };
        let plan = plan(Intent::TrackOrder, &g);
        assert!(plan.missing_data);
        assert!(plan.parts.iter().any(|p| p.id == "data-stale"));
    }

    #[test]
    fn money_and_eu_rules_per_market() {
        let r = Replies::new().unwrap();
        let now: Timestamp = "2026-11-25T10:00:00Z".parse().unwrap();
        let mut o = order();
        o.total = Money::new(124_990, "EUR").unwrap();
        let g = Grounding { customer_name: "Hans", customer_country: "DE", customer_time_zone: Some("Europe/Berlin"), agent: "A", store: "S", order: Some(&o), shipment: None, rules: StoreRules::default(), now };
        let de = r.render(&plan(Intent::GetRefund, &g), "de");
        assert!(de.contains("1.249,90 €"), "{de}");
        let en = r.render(&plan(Intent::GetRefund, &g), "en");
        assert!(en.contains("€1,249.90"), "{en}");
        let ret = plan(Intent::CheckRefundPolicy, &g);
        assert!(ret.parts.iter().any(|p| p.id == "return-eu-right"));
        let us = Grounding { customer_country: "US", ..g.clone() };
        assert!(!plan(Intent::CheckRefundPolicy, &us).parts.iter().any(|p| p.id == "return-eu-right"));
    }
}
