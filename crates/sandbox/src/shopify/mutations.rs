//! The mutations Meridian writes back with: orderUpdate (note), tagsAdd, returnCreate,
//! metafieldsSet. Business errors are `userErrors` in the payload, never top-level errors.

use super::exec::{Exec, Node, NULL, R};
use super::{ids, numeric_of_gid, MetafieldRecord, ReturnLine, ReturnRecord};
use async_graphql::parser::types::Field;
use async_graphql::parser::Pos;
use serde_json::{json, Value};

const RETURN_REASONS: &[&str] = &["COLOR", "DEFECTIVE", "NOT_AS_DESCRIBED", "OTHER", "SIZE_TOO_LARGE", "SIZE_TOO_SMALL", "STYLE", "UNKNOWN", "UNWANTED", "WRONG_ITEM"];
const METAFIELD_TYPES: &[&str] = &["json", "single_line_text_field", "multi_line_text_field", "number_integer", "boolean"];

fn user_errors(ty: &'static str, errors: Vec<Value>) -> R {
    R::List(errors.into_iter().map(|e| R::Obj(Node::UserError(ty, e))).collect())
}

impl Exec<'_> {
    pub fn mutation_field(&mut self, name: &str, f: &Field, _pos: Pos) -> R {
        match name {
            "orderUpdate" => self.order_update(f),
            "tagsAdd" => self.tags_add(f),
            "returnCreate" => self.return_create(f),
            _ => self.metafields_set(f),
        }
    }

    fn order_of(&self, gid: Option<&str>) -> Option<usize> {
        numeric_of_gid(gid?, "Order").and_then(|n| self.order_by_numeric(n))
    }

    fn touch(&mut self, order: usize) {
        let at = self.s.change_time();
        self.s.world.orders[order].updated_at = at;
    }

    fn order_update(&mut self, f: &Field) -> R {
        let input = self.arg(f, "input").unwrap_or_default();
        let Some(i) = self.order_of(input["id"].as_str()) else {
            let errs = vec![json!({"field": ["id"], "message": "Order does not exist"})];
            return R::Obj(Node::Payload("OrderUpdatePayload", vec![("order", NULL), ("userErrors", user_errors("UserError", errs))]));
        };
        if let Some(note) = input.get("note") {
            match note.as_str() {
                Some(n) => self.s.shopify.notes.insert(i, n.to_owned()),
                None => self.s.shopify.notes.remove(&i),
            };
        }
        if let Some(tags) = input.get("tags") {
            self.s.shopify.tags.insert(i, tag_list(tags));
        }
        self.touch(i);
        R::Obj(Node::Payload("OrderUpdatePayload", vec![("order", R::Obj(Node::Order(i))), ("userErrors", R::List(vec![]))]))
    }

    fn tags_add(&mut self, f: &Field) -> R {
        let id = self.arg_str(f, "id");
        let tags = tag_list(&self.arg(f, "tags").unwrap_or_default());
        let Some(i) = self.order_of(id.as_deref()) else {
            let errs = vec![json!({"field": ["id"], "message": "Resource not found"})];
            return R::Obj(Node::Payload("TagsAddPayload", vec![("node", NULL), ("userErrors", user_errors("UserError", errs))]));
        };
        if tags.is_empty() || tags.iter().any(|t| t.chars().count() > 255) {
            let errs = vec![json!({"field": ["tags"], "message": "Tags are invalid"})];
            return R::Obj(Node::Payload("TagsAddPayload", vec![("node", NULL), ("userErrors", user_errors("UserError", errs))]));
        }
        let have = self.s.shopify.tags.entry(i).or_default();
        for t in tags {
            if !have.iter().any(|h| h.eq_ignore_ascii_case(&t)) {
                have.push(t);
            }
        }
        self.touch(i);
        R::Obj(Node::Payload("TagsAddPayload", vec![("node", R::Obj(Node::Order(i))), ("userErrors", R::List(vec![]))]))
    }

    fn return_create(&mut self, f: &Field) -> R {
        let input = self.arg(f, "returnInput").unwrap_or_default();
        let fail = |errs: Vec<Value>| R::Obj(Node::Payload("ReturnCreatePayload", vec![("return", NULL), ("userErrors", user_errors("ReturnUserError", errs))]));
        let Some(i) = self.order_of(input["orderId"].as_str()) else {
            return fail(vec![json!({"field": ["returnInput", "orderId"], "message": "Order does not exist.", "code": "NOT_FOUND"})]);
        };
        let items = input["returnLineItems"].as_array().cloned().unwrap_or_default();
        if items.is_empty() {
            return fail(vec![json!({"field": ["returnInput", "returnLineItems"], "message": "Return must have at least one line item.", "code": "INVALID"})]);
        }
        let mut lines = Vec::new();
        let mut errs = Vec::new();
        for (n, item) in items.iter().enumerate() {
            match self.return_line(i, n, item) {
                Ok(line) => lines.push(line),
                Err(e) => errs.push(e),
            }
        }
        if !errs.is_empty() {
            return fail(errs);
        }
        let number = self.s.world.orders[i].number.clone();
        let count = self.s.shopify.returns.iter().filter(|r| r.order == i).count();
        let id = 9_100_000_000 + self.s.shopify.returns.len() as u64;
        let created_at = self.s.change_time();
        self.s.shopify.returns.push(ReturnRecord { id, order: i, name: format!("#{number}-R{}", count + 1), status: "OPEN".into(), lines, created_at });
        self.touch(i);
        let r = self.s.shopify.returns.len() - 1;
        R::Obj(Node::Payload("ReturnCreatePayload", vec![("return", R::Obj(Node::Return(r))), ("userErrors", R::List(vec![]))]))
    }

    fn return_line(&self, order: usize, n: usize, item: &Value) -> Result<ReturnLine, Value> {
        let field = |f: &str| json!(["returnInput", "returnLineItems", n.to_string(), f]);
        let located = item["fulfillmentLineItemId"].as_str().and_then(|g| numeric_of_gid(g, "FulfillmentLineItem")).and_then(ids::fulfillment_line_decode);
        let Some((k, l)) = located.filter(|(k, l)| self.s.world.shipments.get(*k).is_some_and(|s| s.order_id as usize == order) && *l < self.s.world.orders[order].lines.len()) else {
            return Err(json!({"field": field("fulfillmentLineItemId"), "message": "Fulfillment line item does not exist.", "code": "NOT_FOUND"}));
        };
        let quantity = item["quantity"].as_i64().unwrap_or(0);
        if quantity < 1 || quantity > self.returnable_quantity(k, l) {
            return Err(json!({"field": field("quantity"), "message": "Quantity is not returnable.", "code": "INVALID"}));
        }
        let reason = item["returnReason"].as_str().unwrap_or("UNKNOWN");
        if !RETURN_REASONS.contains(&reason) {
            return Err(json!({"field": field("returnReason"), "message": "Return reason is invalid.", "code": "INVALID"}));
        }
        let id = 9_200_000_000 + self.s.shopify.returns.iter().map(|r| r.lines.len() as u64).sum::<u64>() + n as u64;
        Ok(ReturnLine { id, shipment: k, line: l, quantity, reason: reason.into(), note: item["returnReasonNote"].as_str().unwrap_or("").into() })
    }

    fn metafields_set(&mut self, f: &Field) -> R {
        let inputs = self.arg(f, "metafields").and_then(|v| v.as_array().cloned()).unwrap_or_default();
        let fail = |errs: Vec<Value>| R::Obj(Node::Payload("MetafieldsSetPayload", vec![("metafields", NULL), ("userErrors", user_errors("MetafieldsSetUserError", errs))]));
        if inputs.len() > 25 {
            return fail(vec![json!({"field": ["metafields"], "message": "Exceeded the maximum metafields input limit of 25.", "code": "LESS_THAN_OR_EQUAL_TO", "elementIndex": null})]);
        }
        let errs: Vec<Value> = inputs.iter().enumerate().filter_map(|(n, m)| self.metafield_error(n, m)).collect();
        if !errs.is_empty() {
            return fail(errs);
        }
        let at = self.s.change_time();
        let mut out = Vec::new();
        for m in &inputs {
            let (owner, ns, key) = (m["ownerId"].as_str().unwrap_or(""), m["namespace"].as_str().unwrap_or(""), m["key"].as_str().unwrap_or(""));
            let all = &mut self.s.shopify.metafields;
            let k = match all.iter().position(|x| x.owner == owner && x.namespace == ns && x.key == key) {
                Some(k) => k,
                None => {
                    let id = 9_300_000_000 + all.len() as u64;
                    all.push(MetafieldRecord { id, owner: owner.into(), namespace: ns.into(), key: key.into(), kind: String::new(), value: String::new(), created_at: at, updated_at: at });
                    all.len() - 1
                }
            };
            all[k].kind = m["type"].as_str().unwrap_or("").into();
            all[k].value = m["value"].as_str().unwrap_or("").into();
            all[k].updated_at = at;
            out.push(R::Obj(Node::Metafield(k)));
        }
        R::Obj(Node::Payload("MetafieldsSetPayload", vec![("metafields", R::List(out)), ("userErrors", R::List(vec![]))]))
    }

    fn metafield_error(&self, n: usize, m: &Value) -> Option<Value> {
        let err = |f: &str, message: &str, code: &str| Some(json!({"field": ["metafields", n.to_string(), f], "message": message, "code": code, "elementIndex": n}));
        let owner = m["ownerId"].as_str().unwrap_or("");
        let owner_ok = numeric_of_gid(owner, "Customer").and_then(ids::customer_pos).is_some_and(|c| c < self.s.world.customers.len()) || self.order_of(Some(owner)).is_some();
        if !owner_ok {
            return err("ownerId", "Owner does not exist.", "INVALID");
        }
        let (ns, key) = (m["namespace"].as_str().unwrap_or(""), m["key"].as_str().unwrap_or(""));
        if !(3..=255).contains(&ns.len()) {
            return err("namespace", "Namespace is too short (minimum is 3 characters)", "TOO_SHORT");
        }
        if !(2..=64).contains(&key.len()) {
            return err("key", "Key must be between 2 and 64 characters", "INVALID");
        }
        let kind = m["type"].as_str().unwrap_or("");
        let value = m["value"].as_str();
        if !METAFIELD_TYPES.contains(&kind) {
            return err("type", "Type is invalid.", "INVALID_TYPE");
        }
        let valid = match (kind, value) {
            (_, None) => false,
            ("json", Some(v)) => serde_json::from_str::<Value>(v).is_ok(),
            ("number_integer", Some(v)) => v.parse::<i64>().is_ok(),
            ("boolean", Some(v)) => v == "true" || v == "false",
            _ => true,
        };
        if !valid {
            return err("value", "Value is invalid for the type.", "INVALID_VALUE");
        }
        None
    }
}

/// Tags as a list or one comma-separated string, trimmed.
fn tag_list(v: &Value) -> Vec<String> {
    let raw: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(|t| t.as_str().map(str::to_owned)).collect(),
        Value::String(s) => s.split(',').map(str::to_owned).collect(),
        _ => Vec::new(),
    };
    raw.into_iter().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect()
}
