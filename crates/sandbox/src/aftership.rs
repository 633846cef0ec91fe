//! aftership simulator (to be written).
use crate::state::{Shared, SimState};
use crate::webhooks::Outgoing;

#[derive(Debug, Default)]
pub struct AfterShipState {}

pub fn router(state: Shared) -> axum::Router {
    axum::Router::new().with_state(state)
}

/// The webhook sent when a parcel changed.
pub fn parcel_changed(_s: &mut SimState, _shipment: usize) -> Vec<Outgoing> {
    Vec::new()
}
