//! Clients for the platforms Meridian reads from and writes back to.
//!
//! Every client speaks to the real service's contract (see ../shared/CONNECTORS.md) through
//! one HTTP stack (`http`), and hands the sync normalised records (`model`): a
//! [`RemoteOrder`] whatever the platform, a [`TrackingUpdate`] whatever the tracking service.
//! The same code talks to the sandbox in tests and to the real services in production; only
//! the base URLs in the [`config`] differ.
//!
//! Architecture invariant: no client logs a secret or puts one in an error; secrets come in
//! as [`Secret`] values, whose `Debug` prints nothing.

pub mod config;
pub mod error;
pub mod http;
pub mod model;
pub mod webhook;

pub mod aftership;
pub mod amazon;
pub mod shopify;
pub mod smtp;
pub mod track17;
pub mod tracking_status;
pub mod woocommerce;

pub use config::{Config, Secret};
pub use error::{ConnectorError, ErrorKind, Result};
pub use http::{Http, HttpOptions, Stats};
pub use model::{Page, RemoteCustomer, RemoteOrder, RemoteParcel, TrackingUpdate, WriteAction, WriteOutcome};
