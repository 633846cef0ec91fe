//! Shopify's search syntax (the subset the orders connection needs) and opaque cursors.
//!
//! Terms are `field:value` joined by whitespace or `AND` (implicit AND), `-field:value`
//! negates, comparators `:<`, `:>`, `:<=`, `:>=`, values may be quoted. An unknown field
//! matches nothing and is reported under `extensions.search[].warnings` (Shopify's answer to
//! an invalid filter). `OR` is not supported by the simulator (treated as AND).
//! Cursors are base64 of `{"last_id":…,"last_value":…}` like Shopify's; anything else is
//! refused.

use base64::Engine;
use meridian_core::Order;

#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub negate: bool,
    pub field: String,
    pub op: Op,
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    Eq,
    Lt,
    Gt,
    Le,
    Ge,
}

const FIELDS: &[&str] = &["name", "email", "updated_at", "created_at", "processed_at", "status", "financial_status", "fulfillment_status", "id", "tag", "customer_id"];

/// The terms of a query, and a warning per term the orders connection cannot filter on.
pub fn parse(query: &str) -> (Vec<Term>, Vec<serde_json::Value>) {
    let mut terms = Vec::new();
    let mut warnings = Vec::new();
    for token in tokens(query) {
        if token == "AND" || token == "OR" {
            continue;
        }
        let (negate, body) = match token.strip_prefix('-') {
            Some(rest) => (true, rest.to_owned()),
            None => (false, token.clone()),
        };
        let Some((field, rest)) = body.split_once(':') else {
            // Free text: Shopify matches it against default fields; the simulator ignores it.
            continue;
        };
        let (op, value) = [("<=", Op::Le), (">=", Op::Ge), ("<", Op::Lt), (">", Op::Gt)]
            .iter()
            .find_map(|(p, op)| rest.strip_prefix(p).map(|v| (*op, v)))
            .unwrap_or((Op::Eq, rest));
        let field = field.to_ascii_lowercase();
        if !FIELDS.contains(&field.as_str()) {
            warnings.push(serde_json::json!({"field": field, "message": "Invalid search field for this query."}));
        }
        terms.push(Term { negate, field, op, value: unquote(value) });
    }
    (terms, warnings)
}

fn tokens(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in query.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                cur.push(c);
            }
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                cur.push(c);
            }
            (None, c) if c.is_whitespace() => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            (None, c) => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    for q in ['\'', '"'] {
        if let Some(inner) = v.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner.to_owned();
        }
    }
    v.to_owned()
}

/// Whether an order passes every term; `customer_gid` is the order's customer's numeric id.
pub fn matches(terms: &[Term], order: &Order, numeric_id: u64, customer_id: Option<u64>, tags: &[String]) -> bool {
    terms.iter().all(|t| term_matches(t, order, numeric_id, customer_id, tags) != t.negate)
}

fn term_matches(t: &Term, o: &Order, numeric_id: u64, customer_id: Option<u64>, tags: &[String]) -> bool {
    let v = t.value.as_str();
    match t.field.as_str() {
        "name" => o.number == v.trim_start_matches('#'),
        "email" => o.email.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(v)),
        "updated_at" => compare_time(o.updated_at, t.op, v),
        "created_at" | "processed_at" => compare_time(o.created_at, t.op, v),
        "status" => match v {
            "any" => true,
            "cancelled" => o.cancelled_at.is_some(),
            "open" => o.cancelled_at.is_none() && o.fulfillment_status != meridian_core::FulfillmentStatus::Fulfilled,
            "closed" => o.fulfillment_status == meridian_core::FulfillmentStatus::Fulfilled,
            _ => false,
        },
        "financial_status" => o.financial_status.as_str() == v.to_ascii_lowercase(),
        "fulfillment_status" => match v {
            "shipped" | "fulfilled" => o.fulfillment_status == meridian_core::FulfillmentStatus::Fulfilled,
            "unshipped" | "unfulfilled" => o.fulfillment_status == meridian_core::FulfillmentStatus::Unfulfilled,
            other => o.fulfillment_status.as_str() == other,
        },
        "id" => compare_num(numeric_id, t.op, v),
        "customer_id" => customer_id.is_some_and(|c| compare_num(c, t.op, v)),
        "tag" => tags.iter().any(|x| x.eq_ignore_ascii_case(v)),
        _ => false,
    }
}

/// A timestamp or a date (midnight UTC), as the search syntax accepts them.
pub fn parse_time(v: &str) -> Option<jiff::Timestamp> {
    v.parse::<jiff::Timestamp>().ok().or_else(|| v.parse::<jiff::civil::Date>().ok().and_then(|d| d.in_tz("UTC").ok()).map(|z| z.timestamp()))
}

fn compare_time(at: jiff::Timestamp, op: Op, v: &str) -> bool {
    parse_time(v).is_some_and(|x| compare(at.cmp(&x), op))
}

fn compare_num(n: u64, op: Op, v: &str) -> bool {
    v.parse::<u64>().is_ok_and(|x| compare(n.cmp(&x), op))
}

fn compare(ord: std::cmp::Ordering, op: Op) -> bool {
    use std::cmp::Ordering::*;
    match op {
        Op::Eq => ord == Equal,
        Op::Lt => ord == Less,
        Op::Gt => ord == Greater,
        Op::Le => ord != Greater,
        Op::Ge => ord != Less,
    }
}

/// Terms whose value cannot be read (a date that is not one): warnings like Shopify's.
pub fn value_warnings(terms: &[Term]) -> Vec<serde_json::Value> {
    terms
        .iter()
        .filter(|t| matches!(t.field.as_str(), "updated_at" | "created_at" | "processed_at") && parse_time(&t.value).is_none())
        .map(|t| serde_json::json!({"field": t.field, "message": format!("Invalid value '{}' for this field.", t.value)}))
        .collect()
}

pub fn encode_cursor(last_id: u64, last_value: i64) -> String {
    base64::engine::general_purpose::STANDARD.encode(serde_json::json!({"last_id": last_id, "last_value": last_value}).to_string())
}

pub fn decode_cursor(cursor: &str) -> Option<(u64, i64)> {
    let bytes = base64::engine::general_purpose::STANDARD.decode(cursor.trim()).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    Some((v.get("last_id")?.as_u64()?, v.get("last_value")?.as_i64()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_terms_comparators_and_quotes() {
        let (terms, warnings) = parse("name:#1047 AND updated_at:>='2026-01-01T00:00:00Z' -status:cancelled");
        assert!(warnings.is_empty());
        assert_eq!(terms.len(), 3);
        assert_eq!(terms[1], Term { negate: false, field: "updated_at".into(), op: Op::Ge, value: "2026-01-01T00:00:00Z".into() });
        assert!(terms[2].negate);
        let (_, warnings) = parse("colour:red");
        assert_eq!(warnings[0]["field"], "colour");
    }

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        assert_eq!(decode_cursor(&encode_cursor(42, -7)), Some((42, -7)));
        assert_eq!(decode_cursor("not base64!"), None);
        assert_eq!(decode_cursor(&base64::engine::general_purpose::STANDARD.encode("{}")), None);
    }
}
