//! Shopify Admin GraphQL simulator (to be written).
use crate::state::{Shared, SimState};
use crate::webhooks::Outgoing;

#[derive(Debug, Default)]
pub struct ShopifyState {}

pub fn router(state: Shared) -> axum::Router {
    axum::Router::new().with_state(state)
}

/// The webhooks Shopify sends when an order changed (orders/updated, fulfillments/*).
pub fn order_changed(_s: &mut SimState, _order: usize) -> Vec<Outgoing> {
    Vec::new()
}
