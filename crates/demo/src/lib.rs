//! The demo store: a deterministic, realistic world of a cross-border store selling on
//! Shopify, Amazon and WooCommerce, with customers in many countries writing in many
//! languages. Used by `meridian seed --demo`, the benchmarks and the tests.
//!
//! Invariant: the same `DemoSpec` (seed, sizes, anchor time) gives the same world, byte for
//! byte; no clock or system randomness is read here.

mod assets;
mod generate;
mod import;
mod rng;
mod world;

pub use assets::{AssetError, Assets};
pub use generate::{generate, DemoSpec};
pub use import::{import, ImportSummary};
pub use world::{DemoConversation, DemoMessage, World};
