//! Time-zone-aware routing and callbacks: which zone a customer lives in (`zone`), who works
//! when (`team`), when a callback can happen (`slots`), what a callback may become
//! (`callback`), the invitation for it (`ics`) and when a reply is due (`sla`).
//!
//! Invariants: pure logic. No clock (callers pass "now" and "from"), no files or network of
//! its own, no database (the store keeps the team; the CLI and the app convert). Instants are
//! `jiff::Timestamp` (UTC); local times exist only at the edges, always computed from a real
//! IANA zone, and no proposed slot starts at a local time that does not exist or exists twice
//! on either side.

mod error;

pub mod callback;
pub mod ics;
pub mod sla;
pub mod slots;
pub mod team;
pub mod zone;

pub use callback::{CallbackEvent, Reminder, Transition};
pub use error::{Result, ScheduleError};
pub use ics::Invitation;
pub use sla::{BusinessCalendar, SlaPolicy};
pub use slots::{plan, Slot, SlotOptions, SlotRequest};
pub use team::{Agent, BusinessHours, ClockTime, LanguageSkill, Proficiency, Shift, Team};
pub use zone::{Confidence, ZoneGuess, ZoneHints, ZoneSource};

/// Looks up an IANA zone, turning jiff's error into one that names the zone.
pub fn time_zone(name: &str) -> Result<jiff::tz::TimeZone> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(ScheduleError::UnknownZone { zone: name.to_owned() });
    }
    jiff::tz::TimeZone::get(trimmed).map_err(|_| ScheduleError::UnknownZone { zone: name.to_owned() })
}
