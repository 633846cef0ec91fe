//! The slice of the Admin GraphQL schema the simulator serves: field names and return types,
//! static validation (`undefinedField`, selections on leaves) and the requested query cost.
//!
//! Cost (Shopify's calculated query cost): scalars and enums 0, objects 1, connections
//! `2 + first × (1 + cost of a node)`, lists sized by `first` likewise without the 2,
//! mutations 10. Edges and pageInfo are free.

use async_graphql::parser::types::{ExecutableDocument, Field, Selection, SelectionSet};
use async_graphql::parser::Positioned;
use serde_json::{json, Value};

/// Return types: "" is a scalar or enum, "[T]" a list, "…Connection" a connection.
const SCHEMA: &[(&str, &[(&str, &str)])] = &[
    ("QueryRoot", &[("shop", "Shop"), ("orders", "OrderConnection"), ("order", "Order"), ("customer", "Customer"), ("returnableFulfillments", "ReturnableFulfillmentConnection")]),
    ("Mutation", &[("orderUpdate", "OrderUpdatePayload"), ("tagsAdd", "TagsAddPayload"), ("returnCreate", "ReturnCreatePayload"), ("metafieldsSet", "MetafieldsSetPayload")]),
    ("Shop", &[("id", ""), ("name", ""), ("myshopifyDomain", ""), ("currencyCode", ""), ("email", "")]),
    ("PageInfo", &[("hasNextPage", ""), ("hasPreviousPage", ""), ("startCursor", ""), ("endCursor", "")]),
    ("OrderConnection", &[("edges", "[OrderEdge]"), ("nodes", "[Order]"), ("pageInfo", "PageInfo")]),
    ("OrderEdge", &[("cursor", ""), ("node", "Order")]),
    (
        "Order",
        &[
            ("id", ""), ("name", ""), ("createdAt", ""), ("updatedAt", ""), ("processedAt", ""), ("cancelledAt", ""), ("cancelReason", ""),
            ("closedAt", ""), ("closed", ""), ("email", ""), ("phone", ""), ("note", ""), ("tags", ""), ("currencyCode", ""),
            ("displayFinancialStatus", ""), ("displayFulfillmentStatus", ""), ("totalPriceSet", "MoneyBag"), ("subtotalPriceSet", "MoneyBag"),
            ("totalShippingPriceSet", "MoneyBag"), ("totalTaxSet", "MoneyBag"), ("currentTotalPriceSet", "MoneyBag"), ("customer", "Customer"),
            ("shippingAddress", "MailingAddress"), ("lineItems", "LineItemConnection"), ("fulfillments", "[Fulfillment]"), ("refunds", "[Refund]"),
            ("returns", "ReturnConnection"),
        ],
    ),
    ("MoneyBag", &[("shopMoney", "MoneyV2"), ("presentmentMoney", "MoneyV2")]),
    ("MoneyV2", &[("amount", ""), ("currencyCode", "")]),
    (
        "MailingAddress",
        &[("name", ""), ("firstName", ""), ("lastName", ""), ("address1", ""), ("address2", ""), ("city", ""), ("province", ""), ("provinceCode", ""), ("zip", ""), ("country", ""), ("countryCodeV2", ""), ("phone", "")],
    ),
    (
        "Customer",
        &[("id", ""), ("firstName", ""), ("lastName", ""), ("displayName", ""), ("email", ""), ("phone", ""), ("defaultEmailAddress", "CustomerEmailAddress"), ("defaultPhoneNumber", "CustomerPhoneNumber"), ("metafield", "Metafield"), ("metafields", "MetafieldConnection")],
    ),
    ("CustomerEmailAddress", &[("emailAddress", "")]),
    ("CustomerPhoneNumber", &[("phoneNumber", "")]),
    ("LineItemConnection", &[("edges", "[LineItemEdge]"), ("nodes", "[LineItem]"), ("pageInfo", "PageInfo")]),
    ("LineItemEdge", &[("cursor", ""), ("node", "LineItem")]),
    ("LineItem", &[("id", ""), ("name", ""), ("title", ""), ("sku", ""), ("quantity", ""), ("originalUnitPriceSet", "MoneyBag")]),
    ("Fulfillment", &[("id", ""), ("status", ""), ("displayStatus", ""), ("createdAt", ""), ("updatedAt", ""), ("trackingInfo", "[FulfillmentTrackingInfo]"), ("fulfillmentLineItems", "FulfillmentLineItemConnection")]),
    ("FulfillmentTrackingInfo", &[("company", ""), ("number", ""), ("url", "")]),
    ("FulfillmentLineItemConnection", &[("edges", "[FulfillmentLineItemEdge]"), ("nodes", "[FulfillmentLineItem]"), ("pageInfo", "PageInfo")]),
    ("FulfillmentLineItemEdge", &[("cursor", ""), ("node", "FulfillmentLineItem")]),
    ("FulfillmentLineItem", &[("id", ""), ("quantity", ""), ("lineItem", "LineItem")]),
    ("Refund", &[("id", ""), ("createdAt", ""), ("note", ""), ("totalRefundedSet", "MoneyBag")]),
    ("ReturnConnection", &[("edges", "[ReturnEdge]"), ("nodes", "[Return]"), ("pageInfo", "PageInfo")]),
    ("ReturnEdge", &[("cursor", ""), ("node", "Return")]),
    ("Return", &[("id", ""), ("name", ""), ("status", ""), ("createdAt", ""), ("order", "Order"), ("returnLineItems", "ReturnLineItemConnection")]),
    ("ReturnLineItemConnection", &[("edges", "[ReturnLineItemEdge]"), ("nodes", "[ReturnLineItem]"), ("pageInfo", "PageInfo")]),
    ("ReturnLineItemEdge", &[("cursor", ""), ("node", "ReturnLineItem")]),
    ("ReturnLineItem", &[("id", ""), ("quantity", ""), ("returnReason", ""), ("returnReasonNote", ""), ("customerNote", ""), ("fulfillmentLineItem", "FulfillmentLineItem")]),
    ("ReturnableFulfillmentConnection", &[("edges", "[ReturnableFulfillmentEdge]"), ("nodes", "[ReturnableFulfillment]"), ("pageInfo", "PageInfo")]),
    ("ReturnableFulfillmentEdge", &[("cursor", ""), ("node", "ReturnableFulfillment")]),
    ("ReturnableFulfillment", &[("id", ""), ("fulfillment", "Fulfillment"), ("returnableFulfillmentLineItems", "ReturnableFulfillmentLineItemConnection")]),
    ("ReturnableFulfillmentLineItemConnection", &[("edges", "[ReturnableFulfillmentLineItemEdge]"), ("nodes", "[ReturnableFulfillmentLineItem]"), ("pageInfo", "PageInfo")]),
    ("ReturnableFulfillmentLineItemEdge", &[("cursor", ""), ("node", "ReturnableFulfillmentLineItem")]),
    ("ReturnableFulfillmentLineItem", &[("quantity", ""), ("fulfillmentLineItem", "FulfillmentLineItem")]),
    ("MetafieldConnection", &[("edges", "[MetafieldEdge]"), ("nodes", "[Metafield]"), ("pageInfo", "PageInfo")]),
    ("MetafieldEdge", &[("cursor", ""), ("node", "Metafield")]),
    ("Metafield", &[("id", ""), ("namespace", ""), ("key", ""), ("value", ""), ("type", ""), ("createdAt", ""), ("updatedAt", "")]),
    ("UserError", &[("field", ""), ("message", "")]),
    ("OrderUpdatePayload", &[("order", "Order"), ("userErrors", "[UserError]")]),
    ("TagsAddPayload", &[("node", "Order"), ("userErrors", "[UserError]")]),
    ("ReturnCreatePayload", &[("return", "Return"), ("userErrors", "[ReturnUserError]")]),
    ("ReturnUserError", &[("field", ""), ("message", ""), ("code", "")]),
    ("MetafieldsSetPayload", &[("metafields", "[Metafield]"), ("userErrors", "[MetafieldsSetUserError]")]),
    ("MetafieldsSetUserError", &[("field", ""), ("message", ""), ("code", ""), ("elementIndex", "")]),
];

/// The return type of `ty.field`, None when the field does not exist.
pub fn field_type(ty: &str, field: &str) -> Option<&'static str> {
    SCHEMA.iter().find(|(t, _)| *t == ty)?.1.iter().find(|(f, _)| *f == field).map(|(_, r)| *r)
}

/// The element type of a list or the type itself.
pub fn element(ty: &str) -> &str {
    ty.trim_start_matches('[').trim_end_matches(']')
}

/// Whether a fragment on `cond` applies to objects of type `ty` (Order is also a Node).
pub fn applies(cond: &str, ty: &str) -> bool {
    cond == ty || (cond == "Node" && matches!(ty, "Order" | "Customer" | "Return" | "Fulfillment" | "LineItem" | "Metafield"))
}

/// Checks field names and leaf/object selections; Shopify's validation error objects.
pub fn validate(doc: &ExecutableDocument, set: &SelectionSet, ty: &str, path: &mut Vec<String>, errors: &mut Vec<Value>) {
    for item in &set.items {
        match &item.node {
            Selection::Field(f) => validate_field(doc, f, ty, path, errors),
            Selection::InlineFragment(fr) => {
                let on = fr.node.type_condition.as_ref().map(|c| c.node.on.node.to_string()).unwrap_or_else(|| ty.to_owned());
                validate(doc, &fr.node.selection_set.node, if applies(&on, ty) { ty } else { &on }, path, errors);
            }
            Selection::FragmentSpread(sp) => match doc.fragments.get(&sp.node.fragment_name.node) {
                Some(frag) => {
                    let on = frag.node.type_condition.node.on.node.to_string();
                    validate(doc, &frag.node.selection_set.node, if applies(&on, ty) { ty } else { &on }, path, errors);
                }
                None => errors.push(error_at(&format!("Fragment {} was used, but not defined", sp.node.fragment_name.node), item.pos, path, json!({"code": "useAndDefineFragment", "fragmentName": sp.node.fragment_name.node.as_str()}))),
            },
        }
    }
}

fn validate_field(doc: &ExecutableDocument, f: &Positioned<Field>, ty: &str, path: &mut Vec<String>, errors: &mut Vec<Value>) {
    let name = f.node.name.node.as_str();
    if name == "__typename" {
        return;
    }
    path.push(f.node.response_key().node.to_string());
    match field_type(ty, name) {
        None => errors.push(error_at(
            &format!("Field '{name}' doesn't exist on type '{ty}'"),
            f.pos,
            path,
            json!({"code": "undefinedField", "typeName": ty, "fieldName": name}),
        )),
        Some("") if !f.node.selection_set.node.items.is_empty() => errors.push(error_at(
            &format!("Selections can't be made on scalars (field '{name}' returns a scalar but has selections)"),
            f.pos,
            path,
            json!({"code": "selectionMismatch", "nodeName": format!("field '{name}'"), "typeName": "scalar"}),
        )),
        Some("") => {}
        Some(rt) if f.node.selection_set.node.items.is_empty() => errors.push(error_at(
            &format!("Field must have selections (field '{name}' returns {} but has no selections. Did you mean '{name} {{ ... }}'?)", element(rt)),
            f.pos,
            path,
            json!({"code": "selectionMismatch", "nodeName": format!("field '{name}'"), "typeName": element(rt)}),
        )),
        Some(rt) => validate(doc, &f.node.selection_set.node, element(rt), path, errors),
    }
    path.pop();
}

pub fn error_at(message: &str, pos: async_graphql::parser::Pos, path: &[String], extensions: Value) -> Value {
    let mut path: Vec<Value> = path.iter().map(|p| json!(p)).collect();
    path.insert(0, json!("query"));
    json!({"message": message, "locations": [{"line": pos.line, "column": pos.column}], "path": path, "extensions": extensions})
}

/// The requested cost of a selection on `ty`; `size` reads a field's `first`/`last`.
pub fn cost(doc: &ExecutableDocument, set: &SelectionSet, ty: &str, size: &dyn Fn(&Field) -> Option<u64>) -> u64 {
    let mut total = 0u64;
    for item in &set.items {
        total = total.saturating_add(match &item.node {
            Selection::Field(f) => field_cost(doc, &f.node, ty, size),
            Selection::InlineFragment(fr) => cost(doc, &fr.node.selection_set.node, ty, size),
            Selection::FragmentSpread(sp) => doc.fragments.get(&sp.node.fragment_name.node).map_or(0, |fr| cost(doc, &fr.node.selection_set.node, ty, size)),
        });
    }
    total
}

fn field_cost(doc: &ExecutableDocument, f: &Field, ty: &str, size: &dyn Fn(&Field) -> Option<u64>) -> u64 {
    let Some(rt) = field_type(ty, f.name.node.as_str()) else { return 0 };
    let inner = element(rt);
    let children = cost(doc, &f.selection_set.node, inner, size);
    if rt.is_empty() {
        0
    } else if ty == "Mutation" {
        10 + children
    } else if ty.ends_with("Connection") && rt.starts_with('[') {
        // Per node of the page: `edges` are free, each `node`/`nodes` element is an object.
        if inner.ends_with("Edge") { children } else { 1 + children }
    } else if inner.ends_with("Connection") {
        2 + size(f).unwrap_or(0).saturating_mul(per_node(doc, &f.selection_set.node, inner, size))
    } else if inner == "PageInfo" {
        0
    } else if rt.starts_with('[') {
        size(f).unwrap_or(1).saturating_mul(1 + children)
    } else {
        1 + children
    }
}

/// What one node of a connection costs: its edges' node and its nodes, 1 + their fields.
fn per_node(doc: &ExecutableDocument, set: &SelectionSet, conn: &str, size: &dyn Fn(&Field) -> Option<u64>) -> u64 {
    let own = cost(doc, set, conn, size);
    own.max(1)
}
