//! A small executor over a parsed operation: resolves the schema's fields against the demo
//! world and `ShopifyState`, counting the actual query cost as objects are produced.

use super::schema::applies;
use super::search;
use super::{ids, numeric_of_gid};
use crate::state::SimState;
use async_graphql::parser::types::{ExecutableDocument, Field, Selection, SelectionSet};
use async_graphql::parser::Pos;
use async_graphql::Value as ConstValue;
use meridian_core::{FinancialStatus, FulfillmentStatus, Money, Platform, ShipmentStatus};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// A resolved field: a leaf value, an object to select from, or a list of them.
#[derive(Clone)]
pub enum R {
    Json(Value),
    Obj(Node),
    List(Vec<R>),
}

pub const NULL: R = R::Json(Value::Null);

#[derive(Clone)]
pub enum Node {
    Query,
    Mutation,
    Shop(usize),
    Order(usize),
    Customer(usize),
    MoneyBag(Money),
    MoneyV2(Money),
    Address(usize),
    EmailAddress(String),
    PhoneNumber(String),
    LineItem(usize, usize),
    Fulfillment(usize),
    Tracking(usize),
    FulfillmentLineItem(usize, usize),
    Refund(usize),
    Return(usize),
    ReturnLineItem(usize, usize),
    Returnable(usize),
    ReturnableLine(usize, usize, i64),
    Metafield(usize),
    UserError(&'static str, Value),
    Payload(&'static str, Vec<(&'static str, R)>),
    Connection(&'static str, Vec<(Node, String)>, bool, bool),
    Edge(&'static str, Box<Node>, String),
    PageInfo(bool, bool, Option<String>, Option<String>),
}

pub fn type_name(n: &Node) -> &'static str {
    match n {
        Node::Query => "QueryRoot",
        Node::Mutation => "Mutation",
        Node::Shop(_) => "Shop",
        Node::Order(_) => "Order",
        Node::Customer(_) => "Customer",
        Node::MoneyBag(_) => "MoneyBag",
        Node::MoneyV2(_) => "MoneyV2",
        Node::Address(_) => "MailingAddress",
        Node::EmailAddress(_) => "CustomerEmailAddress",
        Node::PhoneNumber(_) => "CustomerPhoneNumber",
        Node::LineItem(..) => "LineItem",
        Node::Fulfillment(_) => "Fulfillment",
        Node::Tracking(_) => "FulfillmentTrackingInfo",
        Node::FulfillmentLineItem(..) => "FulfillmentLineItem",
        Node::Refund(_) => "Refund",
        Node::Return(_) => "Return",
        Node::ReturnLineItem(..) => "ReturnLineItem",
        Node::Returnable(_) => "ReturnableFulfillment",
        Node::ReturnableLine(..) => "ReturnableFulfillmentLineItem",
        Node::Metafield(_) => "Metafield",
        Node::UserError(t, _) | Node::Payload(t, _) | Node::Connection(t, ..) | Node::Edge(t, ..) => t,
        Node::PageInfo(..) => "PageInfo",
    }
}

pub struct Exec<'a> {
    pub s: &'a mut SimState,
    pub doc: &'a ExecutableDocument,
    pub vars: &'a Map<String, Value>,
    /// Shipment positions per order position, built once per request.
    pub ships: HashMap<usize, Vec<usize>>,
    pub errors: Vec<Value>,
    pub actual: u64,
    pub search: Vec<Value>,
    path: Vec<String>,
}

impl<'a> Exec<'a> {
    pub fn new(s: &'a mut SimState, doc: &'a ExecutableDocument, vars: &'a Map<String, Value>) -> Exec<'a> {
        let mut ships: HashMap<usize, Vec<usize>> = HashMap::new();
        for (k, sh) in s.world.shipments.iter().enumerate() {
            ships.entry(sh.order_id as usize).or_default().push(k);
        }
        Exec { s, doc, vars, ships, errors: Vec::new(), actual: 0, search: Vec::new(), path: Vec::new() }
    }

    pub fn exec_set(&mut self, set: &SelectionSet, node: &Node) -> Map<String, Value> {
        let doc = self.doc;
        let ty = type_name(node);
        let mut out = Map::new();
        for item in &set.items {
            match &item.node {
                Selection::Field(f) => {
                    let key = f.node.response_key().node.to_string();
                    let v = if f.node.name.node == "__typename" {
                        json!(ty)
                    } else {
                        self.path.push(key.clone());
                        let r = self.resolve(node, &f.node, f.pos);
                        let v = self.complete(r, &f.node.selection_set.node);
                        self.path.pop();
                        v
                    };
                    merge(&mut out, key, v);
                }
                Selection::InlineFragment(fr) => {
                    let on = fr.node.type_condition.as_ref().map(|c| c.node.on.node.to_string());
                    if on.as_deref().is_none_or(|on| applies(on, ty)) {
                        for (k, v) in self.exec_set(&fr.node.selection_set.node, node) {
                            merge(&mut out, k, v);
                        }
                    }
                }
                Selection::FragmentSpread(sp) => {
                    if let Some(fr) = doc.fragments.get(&sp.node.fragment_name.node) {
                        if applies(fr.node.type_condition.node.on.node.as_str(), ty) {
                            for (k, v) in self.exec_set(&fr.node.selection_set.node, node) {
                                merge(&mut out, k, v);
                            }
                        }
                    }
                }
            }
        }
        out
    }

    fn complete(&mut self, r: R, set: &SelectionSet) -> Value {
        match r {
            R::Json(v) => v,
            R::List(items) => Value::Array(items.into_iter().map(|r| self.complete(r, set)).collect()),
            R::Obj(node) => {
                self.actual += match node {
                    Node::Connection(..) => 2,
                    Node::Edge(..) | Node::PageInfo(..) | Node::Payload(..) | Node::Query | Node::Mutation => 0,
                    _ => 1,
                };
                Value::Object(self.exec_set(set, &node))
            }
        }
    }

    /// An argument with variables substituted, as JSON (enums become strings).
    pub fn arg(&self, f: &Field, name: &str) -> Option<Value> {
        let v = f.get_argument(name)?.node.clone();
        let c = v.into_const_with(|n| Ok::<_, ()>(self.vars.get(n.as_str()).cloned().map(ConstValue::from_json).and_then(Result::ok).unwrap_or(ConstValue::Null))).ok()?;
        let j = c.into_json().ok()?;
        (!j.is_null()).then_some(j)
    }

    pub fn arg_str(&self, f: &Field, name: &str) -> Option<String> {
        self.arg(f, name).and_then(|v| v.as_str().map(str::to_owned))
    }

    pub fn error(&mut self, message: &str, pos: Pos, extensions: Value) {
        let mut e = super::schema::error_at(message, pos, &self.path, extensions);
        if e["extensions"].as_object().is_some_and(|m| m.is_empty()) {
            e.as_object_mut().expect("an object").remove("extensions");
        }
        self.errors.push(e);
    }

    fn resolve(&mut self, node: &Node, f: &Field, pos: Pos) -> R {
        let name = f.name.node.as_str();
        match node {
            Node::Query => self.query_field(name, f, pos),
            Node::Mutation => {
                // A mutation costs 10 whatever it returns.
                self.actual += 10;
                self.mutation_field(name, f, pos)
            }
            Node::Shop(i) => self.shop_field(*i, name),
            Node::Order(i) => self.order_field(*i, name, f, pos),
            Node::Customer(c) => self.customer_field(*c, name, f, pos),
            Node::MoneyBag(m) => R::Obj(Node::MoneyV2(m.clone())),
            Node::MoneyV2(m) => match name {
                "amount" => R::Json(json!(m.decimal_string())),
                _ => R::Json(json!(m.currency)),
            },
            Node::Address(i) => self.address_field(*i, name),
            Node::EmailAddress(e) => R::Json(json!(e)),
            Node::PhoneNumber(p) => R::Json(json!(p)),
            Node::LineItem(i, l) => self.line_field(*i, *l, name),
            Node::Fulfillment(k) => self.fulfillment_field(*k, name, f, pos),
            Node::Tracking(k) => self.tracking_field(*k, name),
            Node::FulfillmentLineItem(k, l) => {
                let order = self.s.world.shipments[*k].order_id as usize;
                match name {
                    "id" => R::Json(json!(format!("gid://shopify/FulfillmentLineItem/{}", ids::fulfillment_line(*k, *l)))),
                    "quantity" => R::Json(json!(self.s.world.orders[order].lines[*l].quantity)),
                    _ => R::Obj(Node::LineItem(order, *l)),
                }
            }
            Node::Refund(i) => self.refund_field(*i, name),
            Node::Return(r) => self.return_field(*r, name, f, pos),
            Node::ReturnLineItem(r, j) => self.return_line_field(*r, *j, name),
            Node::Returnable(k) => self.returnable_field(*k, name, f, pos),
            Node::ReturnableLine(k, l, q) => match name {
                "quantity" => R::Json(json!(q)),
                _ => R::Obj(Node::FulfillmentLineItem(*k, *l)),
            },
            Node::Metafield(m) => self.metafield_field(*m, name),
            Node::UserError(_, v) => R::Json(v.get(name).cloned().unwrap_or(Value::Null)),
            Node::Payload(_, fields) => fields.iter().find(|(k, _)| *k == name).map(|(_, r)| r.clone()).unwrap_or(NULL),
            Node::Connection(ty, items, next, prev) => match name {
                "edges" => {
                    let edge_ty = edge_type(ty);
                    R::List(items.iter().map(|(n, c)| R::Obj(Node::Edge(edge_ty, Box::new(n.clone()), c.clone()))).collect())
                }
                "nodes" => R::List(items.iter().map(|(n, _)| R::Obj(n.clone())).collect()),
                _ => R::Obj(Node::PageInfo(*next, *prev, items.first().map(|x| x.1.clone()), items.last().map(|x| x.1.clone()))),
            },
            Node::Edge(_, n, c) => match name {
                "cursor" => R::Json(json!(c)),
                _ => R::Obj((**n).clone()),
            },
            Node::PageInfo(next, prev, start, end) => R::Json(match name {
                "hasNextPage" => json!(next),
                "hasPreviousPage" => json!(prev),
                "startCursor" => json!(start),
                _ => json!(end),
            }),
        }
    }

    fn query_field(&mut self, name: &str, f: &Field, pos: Pos) -> R {
        match name {
            "shop" => self.s.stores_of(Platform::Shopify).next().map_or(NULL, |i| R::Obj(Node::Shop(i))),
            "orders" => self.orders(f, pos),
            "order" => match self.gid_arg(f, "id", "Order", pos) {
                Some(n) => self.order_by_numeric(n).map_or(NULL, |i| R::Obj(Node::Order(i))),
                None => NULL,
            },
            "customer" => match self.gid_arg(f, "id", "Customer", pos) {
                Some(n) => ids::customer_pos(n).filter(|c| *c < self.s.world.customers.len()).map_or(NULL, |c| R::Obj(Node::Customer(c))),
                None => NULL,
            },
            _ => match self.gid_arg(f, "orderId", "Order", pos) {
                Some(n) => match self.order_by_numeric(n) {
                    Some(i) => {
                        let items = self.returnables(i).into_iter().map(Node::Returnable).collect();
                        self.connection("ReturnableFulfillmentConnection", items, f, pos)
                    }
                    None => {
                        self.error("Order does not exist.", pos, json!({"code": "NOT_FOUND"}));
                        NULL
                    }
                },
                None => NULL,
            },
        }
    }

    /// A GID argument of the given type; a malformed one is Shopify's coercion error.
    pub fn gid_arg(&mut self, f: &Field, arg: &str, ty: &str, pos: Pos) -> Option<u64> {
        let raw = self.arg_str(f, arg).unwrap_or_default();
        match numeric_of_gid(&raw, ty) {
            Some(n) => Some(n),
            None => {
                self.error(&format!("Invalid global id '{raw}'"), pos, json!({"code": "argumentLiteralsIncompatible", "typeName": "CoercionError"}));
                None
            }
        }
    }

    pub fn order_by_numeric(&self, n: u64) -> Option<usize> {
        let gid = format!("gid://shopify/Order/{n}");
        self.s.orders_of(Platform::Shopify).find(|&i| self.s.world.orders[i].external_id == gid)
    }

    /// A page of a small nested list (line items, returns…), cursors by position.
    pub fn connection(&mut self, ty: &'static str, items: Vec<Node>, f: &Field, pos: Pos) -> R {
        let Some(first) = self.page_size(f, pos) else { return NULL };
        let start = match self.arg_str(f, "after") {
            None => 0,
            Some(c) => match search::decode_cursor(&c) {
                Some((id, _)) => id as usize + 1,
                None => return self.bad_cursor(&c, pos),
            },
        };
        let total = items.len();
        let page: Vec<(Node, String)> = items.into_iter().enumerate().skip(start).take(first).map(|(k, n)| (n, search::encode_cursor(k as u64, k as i64))).collect();
        let next = start + page.len() < total;
        R::Obj(Node::Connection(ty, page, next, start > 0))
    }

    /// `first` (or `last`), required and at most 250, as Shopify insists.
    pub fn page_size(&mut self, f: &Field, pos: Pos) -> Option<usize> {
        let n = self.arg(f, "first").or_else(|| self.arg(f, "last")).and_then(|v| v.as_i64());
        match n {
            None => {
                self.error("you must provide one of first or last", pos, json!({}));
                None
            }
            Some(n) if !(0..=250).contains(&n) => {
                self.error(&format!("The value of first must be between 0 and 250, got {n}"), pos, json!({"code": "BAD_REQUEST"}));
                None
            }
            Some(n) => Some(n as usize),
        }
    }

    pub fn bad_cursor(&mut self, cursor: &str, pos: Pos) -> R {
        self.error(&format!("Invalid cursor for current pagination: {cursor}"), pos, json!({"code": "BAD_REQUEST"}));
        NULL
    }

    fn orders(&mut self, f: &Field, pos: Pos) -> R {
        let Some(first) = self.page_size(f, pos) else { return NULL };
        let query = self.arg_str(f, "query").unwrap_or_default();
        let sort = self.arg_str(f, "sortKey").unwrap_or_else(|| "ID".into());
        if !["ID", "CREATED_AT", "UPDATED_AT", "PROCESSED_AT", "ORDER_NUMBER", "TOTAL_PRICE", "RELEVANCE"].contains(&sort.as_str()) {
            self.error(&format!("Argument 'sortKey' on Field 'orders' has an invalid value ({sort}). Expected type 'OrderSortKeys'."), pos, json!({"code": "argumentLiteralsIncompatible", "typeName": "Field", "argumentName": "sortKey"}));
            return NULL;
        }
        let reverse = self.arg(f, "reverse").and_then(|v| v.as_bool()).unwrap_or(false);
        let (terms, mut warnings) = search::parse(&query);
        warnings.extend(search::value_warnings(&terms));
        if !warnings.is_empty() {
            self.search.push(json!({"path": ["orders"], "query": query, "warnings": warnings}));
            return R::Obj(Node::Connection("OrderConnection", Vec::new(), false, false));
        }
        let mut keyed: Vec<(i64, u64, usize)> = self
            .s
            .orders_of(Platform::Shopify)
            .filter_map(|i| {
                let o = &self.s.world.orders[i];
                let id = numeric_of_gid(&o.external_id, "Order")?;
                let tags = self.s.shopify.tags.get(&i).map(Vec::as_slice).unwrap_or(&[]);
                search::matches(&terms, o, id, o.customer_id.map(|c| ids::customer(c as usize)), tags).then(|| (sort_value(o, &sort), id, i))
            })
            .collect();
        keyed.sort_unstable();
        if reverse {
            keyed.reverse();
        }
        let after = self.arg_str(f, "after");
        let start = match after.as_deref() {
            None => 0,
            Some(c) => match search::decode_cursor(c) {
                Some((id, value)) => keyed.iter().position(|(v, i, _)| if reverse { (*v, *i) < (value, id) } else { (*v, *i) > (value, id) }).unwrap_or(keyed.len()),
                None => return self.bad_cursor(c, pos),
            },
        };
        let page: Vec<(Node, String)> = keyed[start..].iter().take(first).map(|(v, id, i)| (Node::Order(*i), search::encode_cursor(*id, *v))).collect();
        let next = start + page.len() < keyed.len();
        R::Obj(Node::Connection("OrderConnection", page, next, after.is_some()))
    }

    fn shop_field(&self, i: usize, name: &str) -> R {
        let st = &self.s.world.stores[i];
        R::Json(match name {
            "id" => json!(format!("gid://shopify/Shop/{}", 60_000_000 + i)),
            "name" => json!(st.name),
            "myshopifyDomain" => json!(st.domain),
            "currencyCode" => json!(st.currency),
            _ => json!(format!("support@{}", st.domain)),
        })
    }

    fn order_field(&mut self, i: usize, name: &str, f: &Field, pos: Pos) -> R {
        let o = &self.s.world.orders[i];
        let ts = |t: jiff::Timestamp| json!(t.to_string());
        let fulfilled = o.fulfillment_status == FulfillmentStatus::Fulfilled;
        R::Json(match name {
            "id" => json!(o.external_id),
            "name" => json!(format!("#{}", o.number)),
            "createdAt" | "processedAt" => ts(o.created_at),
            "updatedAt" => ts(o.updated_at),
            "cancelledAt" => o.cancelled_at.map_or(Value::Null, ts),
            "cancelReason" => if o.cancelled_at.is_some() { json!("CUSTOMER") } else { Value::Null },
            "closedAt" => if fulfilled { ts(o.updated_at) } else { Value::Null },
            "closed" => json!(fulfilled),
            "email" => json!(o.email),
            "phone" => json!(o.shipping_address.as_ref().and_then(|a| a.phone.clone())),
            "note" => json!(self.s.shopify.notes.get(&i)),
            "tags" => json!(self.s.shopify.tags.get(&i).cloned().unwrap_or_default()),
            "currencyCode" => json!(o.total.currency),
            "displayFinancialStatus" => json!(financial(o.financial_status)),
            "displayFulfillmentStatus" => json!(fulfillment(o.fulfillment_status)),
            "totalPriceSet" | "currentTotalPriceSet" => return R::Obj(Node::MoneyBag(o.total.clone())),
            "subtotalPriceSet" => return R::Obj(Node::MoneyBag(o.subtotal.clone())),
            "totalShippingPriceSet" => return R::Obj(Node::MoneyBag(o.shipping.clone())),
            "totalTaxSet" => return R::Obj(Node::MoneyBag(o.tax.clone())),
            "customer" => return o.customer_id.map_or(NULL, |c| R::Obj(Node::Customer(c as usize))),
            "shippingAddress" => return if o.shipping_address.is_some() { R::Obj(Node::Address(i)) } else { NULL },
            "lineItems" => {
                let items = (0..o.lines.len()).map(|l| Node::LineItem(i, l)).collect();
                return self.connection("LineItemConnection", items, f, pos);
            }
            "fulfillments" => {
                let n = self.arg(f, "first").and_then(|v| v.as_u64()).unwrap_or(u64::MAX) as usize;
                let ships = self.ships.get(&i).cloned().unwrap_or_default();
                return R::List(ships.into_iter().take(n).map(|k| R::Obj(Node::Fulfillment(k))).collect());
            }
            "refunds" => return if matches!(o.financial_status, FinancialStatus::Refunded | FinancialStatus::PartiallyRefunded) { R::List(vec![R::Obj(Node::Refund(i))]) } else { R::List(vec![]) },
            _ => {
                let items = self.s.shopify.returns.iter().enumerate().filter(|(_, r)| r.order == i).map(|(r, _)| Node::Return(r)).collect();
                return self.connection("ReturnConnection", items, f, pos);
            }
        })
    }

    fn customer_field(&mut self, c: usize, name: &str, f: &Field, pos: Pos) -> R {
        use meridian_core::IdentityKind;
        let cu = &self.s.world.customers[c];
        let (first, last) = split_name(&cu.name);
        let email = cu.identity(IdentityKind::Email).map(str::to_owned);
        let phone = cu.identity(IdentityKind::Phone).map(str::to_owned);
        let gid = format!("gid://shopify/Customer/{}", ids::customer(c));
        R::Json(match name {
            "id" => json!(gid),
            "firstName" => json!(first),
            "lastName" => json!(last),
            "displayName" => json!(cu.name),
            "email" => json!(email),
            "phone" => json!(phone),
            "defaultEmailAddress" => return email.map_or(NULL, |e| R::Obj(Node::EmailAddress(e))),
            "defaultPhoneNumber" => return phone.map_or(NULL, |p| R::Obj(Node::PhoneNumber(p))),
            "metafield" => {
                let (ns, key) = (self.arg_str(f, "namespace").unwrap_or_default(), self.arg_str(f, "key").unwrap_or_default());
                return self.s.shopify.metafields.iter().position(|m| m.owner == gid && m.namespace == ns && m.key == key).map_or(NULL, |m| R::Obj(Node::Metafield(m)));
            }
            _ => {
                let ns = self.arg_str(f, "namespace");
                let items = self.s.shopify.metafields.iter().enumerate().filter(|(_, m)| m.owner == gid && ns.as_ref().is_none_or(|n| *n == m.namespace)).map(|(k, _)| Node::Metafield(k)).collect();
                return self.connection("MetafieldConnection", items, f, pos);
            }
        })
    }

    fn address_field(&self, i: usize, name: &str) -> R {
        let Some(a) = self.s.world.orders[i].shipping_address.as_ref() else { return NULL };
        let (first, last) = split_name(&a.name);
        R::Json(match name {
            "name" => json!(a.name),
            "firstName" => json!(first),
            "lastName" => json!(last),
            "address1" => json!(a.line1),
            "address2" => json!(a.line2),
            "city" => json!(a.city),
            "province" => json!(a.region),
            "provinceCode" => json!(a.region_code),
            "zip" => json!(a.postcode),
            "country" | "countryCodeV2" => json!(a.country),
            _ => json!(a.phone),
        })
    }

    fn line_field(&self, i: usize, l: usize, name: &str) -> R {
        let o = &self.s.world.orders[i];
        let line = &o.lines[l];
        R::Json(match name {
            "id" => json!(format!("gid://shopify/LineItem/{}", ids::line(numeric_of_gid(&o.external_id, "Order").unwrap_or(0), l))),
            "name" | "title" => json!(line.name),
            "sku" => json!(line.sku),
            "quantity" => json!(line.quantity),
            _ => return R::Obj(Node::MoneyBag(line.unit_price.clone())),
        })
    }

    fn fulfillment_field(&mut self, k: usize, name: &str, f: &Field, pos: Pos) -> R {
        let sh = &self.s.world.shipments[k];
        R::Json(match name {
            "id" => json!(format!("gid://shopify/Fulfillment/{}", ids::fulfillment(k))),
            "status" => json!("SUCCESS"),
            "displayStatus" => json!(display_status(sh.status)),
            "createdAt" => json!(sh.shipped_at.unwrap_or(sh.fresh_at).to_string()),
            "updatedAt" => json!(sh.fresh_at.to_string()),
            "trackingInfo" => {
                let n = self.arg(f, "first").and_then(|v| v.as_u64()).unwrap_or(1);
                return R::List(if n > 0 { vec![R::Obj(Node::Tracking(k))] } else { vec![] });
            }
            _ => {
                let order = sh.order_id as usize;
                let items = (0..self.s.world.orders[order].lines.len()).map(|l| Node::FulfillmentLineItem(k, l)).collect();
                return self.connection("FulfillmentLineItemConnection", items, f, pos);
            }
        })
    }

    fn tracking_field(&self, k: usize, name: &str) -> R {
        let sh = &self.s.world.shipments[k];
        R::Json(match name {
            "company" => json!(sh.carrier.display_name()),
            "number" => json!(sh.tracking_number),
            _ => json!(format!("https://t.17track.net/en#nums={}", sh.tracking_number)),
        })
    }

    fn refund_field(&self, i: usize, name: &str) -> R {
        let o = &self.s.world.orders[i];
        let amount = if o.financial_status == FinancialStatus::Refunded { o.total.clone() } else { o.lines.first().map_or(o.total.clone(), |l| l.unit_price.clone()) };
        R::Json(match name {
            "id" => json!(format!("gid://shopify/Refund/{}", numeric_of_gid(&o.external_id, "Order").unwrap_or(0) + 17)),
            "createdAt" => json!(o.updated_at.to_string()),
            "note" => Value::Null,
            _ => return R::Obj(Node::MoneyBag(amount)),
        })
    }

    fn return_field(&mut self, r: usize, name: &str, f: &Field, pos: Pos) -> R {
        let ret = &self.s.shopify.returns[r];
        R::Json(match name {
            "id" => json!(format!("gid://shopify/Return/{}", ret.id)),
            "name" => json!(ret.name),
            "status" => json!(ret.status),
            "createdAt" => json!(ret.created_at.to_string()),
            "order" => return R::Obj(Node::Order(ret.order)),
            _ => {
                let items = (0..ret.lines.len()).map(|j| Node::ReturnLineItem(r, j)).collect();
                return self.connection("ReturnLineItemConnection", items, f, pos);
            }
        })
    }

    fn return_line_field(&self, r: usize, j: usize, name: &str) -> R {
        let line = &self.s.shopify.returns[r].lines[j];
        R::Json(match name {
            "id" => json!(format!("gid://shopify/ReturnLineItem/{}", line.id)),
            "quantity" => json!(line.quantity),
            "returnReason" => json!(line.reason),
            "returnReasonNote" => json!(line.note),
            "customerNote" => Value::Null,
            _ => return R::Obj(Node::FulfillmentLineItem(line.shipment, line.line)),
        })
    }

    fn returnable_field(&mut self, k: usize, name: &str, f: &Field, pos: Pos) -> R {
        match name {
            "id" => R::Json(json!(format!("gid://shopify/ReturnableFulfillment/{}", ids::fulfillment(k)))),
            "fulfillment" => R::Obj(Node::Fulfillment(k)),
            _ => {
                let order = self.s.world.shipments[k].order_id as usize;
                let items = (0..self.s.world.orders[order].lines.len())
                    .filter_map(|l| Some(self.returnable_quantity(k, l)).filter(|q| *q > 0).map(|q| Node::ReturnableLine(k, l, q)))
                    .collect();
                self.connection("ReturnableFulfillmentLineItemConnection", items, f, pos)
            }
        }
    }

    fn metafield_field(&self, m: usize, name: &str) -> R {
        let mf = &self.s.shopify.metafields[m];
        R::Json(match name {
            "id" => json!(format!("gid://shopify/Metafield/{}", mf.id)),
            "namespace" => json!(mf.namespace),
            "key" => json!(mf.key),
            "value" => json!(mf.value),
            "type" => json!(mf.kind),
            "createdAt" => json!(mf.created_at.to_string()),
            _ => json!(mf.updated_at.to_string()),
        })
    }

    /// Fulfilments of an order that still have something to return (none once refunded).
    pub fn returnables(&self, order: usize) -> Vec<usize> {
        if self.s.world.orders[order].financial_status == FinancialStatus::Refunded {
            return Vec::new();
        }
        let ships = self.ships.get(&order).cloned().unwrap_or_default();
        ships.into_iter().filter(|&k| (0..self.s.world.orders[order].lines.len()).any(|l| self.returnable_quantity(k, l) > 0)).collect()
    }

    pub fn returnable_quantity(&self, k: usize, l: usize) -> i64 {
        let order = self.s.world.shipments[k].order_id as usize;
        if self.s.world.orders[order].financial_status == FinancialStatus::Refunded {
            return 0;
        }
        let returned: i64 = self.s.shopify.returns.iter().flat_map(|r| &r.lines).filter(|x| x.shipment == k && x.line == l).map(|x| x.quantity).sum();
        self.s.world.orders[order].lines[l].quantity - returned
    }
}

fn edge_type(conn: &str) -> &'static str {
    match conn {
        "OrderConnection" => "OrderEdge",
        "LineItemConnection" => "LineItemEdge",
        "FulfillmentLineItemConnection" => "FulfillmentLineItemEdge",
        "ReturnConnection" => "ReturnEdge",
        "ReturnLineItemConnection" => "ReturnLineItemEdge",
        "ReturnableFulfillmentConnection" => "ReturnableFulfillmentEdge",
        "ReturnableFulfillmentLineItemConnection" => "ReturnableFulfillmentLineItemEdge",
        _ => "MetafieldEdge",
    }
}

/// Same key twice (fragments): objects merge field by field.
fn merge(out: &mut Map<String, Value>, key: String, v: Value) {
    match (out.get_mut(&key), v) {
        (Some(Value::Object(a)), Value::Object(b)) => {
            for (k, v) in b {
                merge(a, k, v);
            }
        }
        (_, v) => {
            out.insert(key, v);
        }
    }
}

/// "Ana García" → ("Ana", "García"); names without a space are all last name.
pub fn split_name(name: &str) -> (Option<&str>, &str) {
    match name.split_once(' ') {
        Some((a, b)) => (Some(a), b),
        None => (None, name),
    }
}

fn sort_value(o: &meridian_core::Order, key: &str) -> i64 {
    match key {
        "CREATED_AT" | "PROCESSED_AT" => o.created_at.as_millisecond(),
        "UPDATED_AT" => o.updated_at.as_millisecond(),
        "ORDER_NUMBER" => o.number.parse().unwrap_or(0),
        "TOTAL_PRICE" => o.total.minor,
        _ => 0,
    }
}

pub fn financial(s: FinancialStatus) -> &'static str {
    match s {
        FinancialStatus::Pending => "PENDING",
        FinancialStatus::Authorized => "AUTHORIZED",
        FinancialStatus::Paid => "PAID",
        FinancialStatus::PartiallyPaid => "PARTIALLY_PAID",
        FinancialStatus::PartiallyRefunded => "PARTIALLY_REFUNDED",
        FinancialStatus::Refunded => "REFUNDED",
        FinancialStatus::Voided => "VOIDED",
        FinancialStatus::Expired => "EXPIRED",
    }
}

/// Shopify has no "cancelled" fulfilment status: a cancelled order shows UNFULFILLED.
pub fn fulfillment(s: FulfillmentStatus) -> &'static str {
    match s {
        FulfillmentStatus::Unfulfilled | FulfillmentStatus::Cancelled => "UNFULFILLED",
        FulfillmentStatus::InProgress => "IN_PROGRESS",
        FulfillmentStatus::OnHold => "ON_HOLD",
        FulfillmentStatus::Scheduled => "SCHEDULED",
        FulfillmentStatus::PartiallyFulfilled => "PARTIALLY_FULFILLED",
        FulfillmentStatus::Fulfilled => "FULFILLED",
    }
}

fn display_status(s: ShipmentStatus) -> &'static str {
    match s {
        ShipmentStatus::Delivered => "DELIVERED",
        ShipmentStatus::InTransit | ShipmentStatus::Customs => "IN_TRANSIT",
        ShipmentStatus::OutForDelivery => "OUT_FOR_DELIVERY",
        ShipmentStatus::FailedAttempt => "ATTEMPTED_DELIVERY",
        ShipmentStatus::AvailableForPickup => "READY_FOR_PICKUP",
        ShipmentStatus::Exception | ShipmentStatus::Returned | ShipmentStatus::Expired => "FAILURE",
        ShipmentStatus::Pending | ShipmentStatus::InfoReceived => "CONFIRMED",
    }
}
