//! The sandbox's own control routes (`/_sandbox`): subscribe a webhook receiver, change an
//! order or advance a parcel (which emits the webhooks the platform would), set the fault
//! rate, read totals. Nothing here exists on the real services.

use crate::state::{Shared, Subscription};
use crate::webhooks;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use meridian_core::{FulfillmentStatus, Platform};
use serde_json::{json, Value};

pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/webhooks", post(subscribe))
        .route("/faults", post(set_faults))
        .route("/totals", get(totals))
        .route("/mail", get(mail))
        .route("/orders/{number}/fulfil", post(fulfil))
        .route("/parcels/{tracking}/advance", post(advance))
        .with_state(state)
}

async fn subscribe(State(state): State<Shared>, Json(sub): Json<Subscription>) -> StatusCode {
    let mut s = state.lock();
    s.subscriptions.retain(|x| !(x.api == sub.api && x.url == sub.url));
    s.subscriptions.push(sub);
    StatusCode::NO_CONTENT
}

#[derive(serde::Deserialize)]
struct FaultRate {
    rate: f64,
}

async fn set_faults(State(state): State<Shared>, Json(r): Json<FaultRate>) -> StatusCode {
    state.lock().faults.rate = r.rate.clamp(0.0, 1.0);
    StatusCode::NO_CONTENT
}

/// Every message the sandbox's SMTP server accepted, in order.
async fn mail(State(state): State<Shared>) -> Json<Value> {
    Json(json!(state.lock().mail))
}

async fn totals(State(state): State<Shared>) -> Json<Value> {
    Json(state.lock().totals())
}

/// Fulfils an unfulfilled order (a new parcel with its first scan) and emits the platform's
/// order webhook and, for the parcel, the tracking services' webhooks.
async fn fulfil(State(state): State<Shared>, Path(number): Path<String>) -> Result<Json<Value>, (StatusCode, String)> {
    let hooks = {
        let mut s = state.lock();
        let i = s.order_position(&number).ok_or((StatusCode::NOT_FOUND, format!("no order {number}")))?;
        let status = s.world.orders[i].fulfillment_status;
        if matches!(status, FulfillmentStatus::Fulfilled | FulfillmentStatus::Cancelled) || s.world.orders[i].cancelled_at.is_some() {
            return Err((StatusCode::CONFLICT, format!("order {number} is {} and cannot be fulfilled", status.as_str())));
        }
        let ship = s.fulfil(i);
        let mut hooks = order_hooks(&mut s, i);
        hooks.extend(parcel_hooks(&mut s, ship));
        hooks
    };
    let sent = hooks.len();
    webhooks::send(&state, hooks);
    let s = state.lock();
    let o = &s.world.orders[s.order_position(&number).expect("just found")];
    Ok(Json(json!({ "order": o.number, "fulfillment_status": o.fulfillment_status.as_str(), "webhooks": sent })))
}

/// Moves a parcel one step towards delivery and emits the webhooks that change causes.
async fn advance(State(state): State<Shared>, Path(tracking): Path<String>) -> Result<Json<Value>, (StatusCode, String)> {
    let (hooks, status) = {
        let mut s = state.lock();
        let k = s.shipment_position(&tracking).ok_or((StatusCode::NOT_FOUND, format!("no parcel {tracking}")))?;
        s.advance(k).map_err(|m| (StatusCode::CONFLICT, m))?;
        let mut hooks = parcel_hooks(&mut s, k);
        let order = s.world.shipments[k].order_id as usize;
        hooks.extend(order_hooks(&mut s, order));
        (hooks, s.world.shipments[k].status.as_str())
    };
    let sent = hooks.len();
    webhooks::send(&state, hooks);
    Ok(Json(json!({ "tracking_number": tracking, "status": status, "webhooks": sent })))
}

fn order_hooks(s: &mut crate::SimState, order: usize) -> Vec<webhooks::Outgoing> {
    match s.world.orders[order].platform {
        Platform::Shopify => crate::shopify::order_changed(s, order),
        Platform::WooCommerce => crate::woocommerce::order_changed(s, order),
        // Amazon has no signed HTTP webhooks (notifications go to SQS): clients poll.
        Platform::Amazon => Vec::new(),
    }
}

fn parcel_hooks(s: &mut crate::SimState, shipment: usize) -> Vec<webhooks::Outgoing> {
    let mut hooks = crate::track17::parcel_changed(s, shipment);
    hooks.extend(crate::aftership::parcel_changed(s, shipment));
    hooks
}
