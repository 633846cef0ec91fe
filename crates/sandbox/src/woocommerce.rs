//! WooCommerce REST v3 simulator (to be written).
use crate::state::{Shared, SimState};
use crate::webhooks::Outgoing;

#[derive(Debug, Default)]
pub struct WooState {}

pub fn router(state: Shared) -> axum::Router {
    axum::Router::new().with_state(state)
}

/// The webhook WooCommerce sends when an order changed (order.updated).
pub fn order_changed(_s: &mut SimState, _order: usize) -> Vec<Outgoing> {
    Vec::new()
}
