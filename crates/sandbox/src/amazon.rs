//! Amazon SP-API and Login with Amazon simulators (to be written).
use crate::state::Shared;

#[derive(Debug, Default)]
pub struct AmazonState {}

pub fn router(state: Shared) -> axum::Router {
    axum::Router::new().with_state(state)
}

pub fn lwa_router(state: Shared) -> axum::Router {
    axum::Router::new().with_state(state)
}
