//! A callback's life: proposed → booked → done, or missed (which goes back to a new
//! proposal, the reschedule flow) or cancelled; which moves are allowed, the audit record of
//! each move, when reminders are due and when a booked callback counts as missed. The
//! states themselves are `meridian_core::CallbackState`; this module owns the rules.

use crate::{Result, ScheduleError};
use jiff::{SignedDuration, Timestamp};
use meridian_core::{Callback, CallbackState};
use serde::{Deserialize, Serialize};

/// What can happen to a callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallbackEvent {
    /// The customer picked the slot, or an agent booked it.
    Book,
    /// The call took place.
    Complete,
    /// Nobody answered, or the agent could not call.
    Miss,
    /// A new time is needed: a booked or missed callback goes back to proposed.
    Reschedule,
    Cancel,
}

impl CallbackEvent {
    pub fn as_str(self) -> &'static str {
        match self {
            CallbackEvent::Book => "booked",
            CallbackEvent::Complete => "completed",
            CallbackEvent::Miss => "marked missed",
            CallbackEvent::Reschedule => "rescheduled",
            CallbackEvent::Cancel => "cancelled",
        }
    }
}

/// The state `event` leads to from `from`, or an error naming the refused move.
pub fn next_state(from: CallbackState, event: CallbackEvent) -> Result<CallbackState> {
    use CallbackEvent as E;
    use CallbackState as S;
    let to = match (from, event) {
        (S::Proposed, E::Book) => S::Booked,
        (S::Booked, E::Complete) => S::Done,
        (S::Booked, E::Miss) => S::Missed,
        (S::Booked | S::Missed, E::Reschedule) => S::Proposed,
        (S::Proposed | S::Booked | S::Missed, E::Cancel) => S::Cancelled,
        _ => return Err(ScheduleError::Transition { from, event: event.as_str() }),
    };
    Ok(to)
}

/// Whether no event leads anywhere from `state`.
pub fn is_final(state: CallbackState) -> bool {
    matches!(state, CallbackState::Done | CallbackState::Cancelled)
}

/// One move, as it goes to the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transition {
    pub callback_id: i64,
    pub from: CallbackState,
    pub to: CallbackState,
    pub event: CallbackEvent,
    pub at: Timestamp,
}

impl Transition {
    /// The audit event kind: "callback.booked", "callback.missed", …
    pub fn audit_kind(&self) -> String {
        format!("callback.{}", self.to.as_str())
    }
}

/// Applies `event` to `callback`, returning the audit record; the callback is unchanged
/// when the move is refused.
pub fn apply(callback: &mut Callback, event: CallbackEvent, at: Timestamp) -> Result<Transition> {
    let to = next_state(callback.state, event)?;
    let t = Transition { callback_id: callback.id, from: callback.state, to, event, at };
    callback.state = to;
    Ok(t)
}

/// Minutes before the call at which the agent is reminded, by default.
pub const DEFAULT_REMINDERS: [i64; 2] = [15, 5];

/// How long after its start a booked callback counts as missed unless marked done.
pub const MISSED_AFTER: SignedDuration = SignedDuration::from_mins(15);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reminder {
    pub at: Timestamp,
    pub minutes_before: i64,
}

/// The reminders of a callback starting at `start`, earliest first.
pub fn reminders(start: Timestamp, minutes_before: &[i64]) -> Vec<Reminder> {
    let mut out: Vec<Reminder> = minutes_before
        .iter()
        .filter(|m| **m >= 0)
        .filter_map(|m| start.checked_sub(SignedDuration::from_mins(*m)).ok().map(|at| Reminder { at, minutes_before: *m }))
        .collect();
    out.sort_by_key(|r| r.at);
    out.dedup();
    out
}

/// The reminders to show now: due after the last check and no later than `now`, for a
/// booked callback only. A callback booked after its reminder times gets none of those.
pub fn due_reminders(callback: &Callback, minutes_before: &[i64], last_checked: Timestamp, now: Timestamp) -> Vec<Reminder> {
    if callback.state != CallbackState::Booked || now >= callback.starts_at {
        return Vec::new();
    }
    reminders(callback.starts_at, minutes_before).into_iter().filter(|r| r.at > last_checked && r.at <= now).collect()
}

/// Whether a booked callback should now be marked missed.
pub fn is_overdue(callback: &Callback, now: Timestamp) -> bool {
    callback.state == CallbackState::Booked && callback.starts_at.checked_add(MISSED_AFTER).is_ok_and(|t| now >= t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use CallbackEvent as E;
    use CallbackState as S;

    #[test]
    fn every_state_and_event_has_a_defined_outcome() {
        // from, event → to (None: refused)
        let cases = [
            (S::Proposed, E::Book, Some(S::Booked)),
            (S::Proposed, E::Complete, None),
            (S::Proposed, E::Miss, None),
            (S::Proposed, E::Reschedule, None),
            (S::Proposed, E::Cancel, Some(S::Cancelled)),
            (S::Booked, E::Book, None),
            (S::Booked, E::Complete, Some(S::Done)),
            (S::Booked, E::Miss, Some(S::Missed)),
            (S::Booked, E::Reschedule, Some(S::Proposed)),
            (S::Booked, E::Cancel, Some(S::Cancelled)),
            (S::Missed, E::Book, None),
            (S::Missed, E::Complete, None),
            (S::Missed, E::Miss, None),
            (S::Missed, E::Reschedule, Some(S::Proposed)),
            (S::Missed, E::Cancel, Some(S::Cancelled)),
            (S::Done, E::Book, None),
            (S::Done, E::Complete, None),
            (S::Done, E::Miss, None),
            (S::Done, E::Reschedule, None),
            (S::Done, E::Cancel, None),
            (S::Cancelled, E::Book, None),
            (S::Cancelled, E::Complete, None),
            (S::Cancelled, E::Miss, None),
            (S::Cancelled, E::Reschedule, None),
            (S::Cancelled, E::Cancel, None),
        ];
        assert_eq!(cases.len(), S::ALL.len() * 5, "every pair listed");
        for (from, event, want) in cases {
            assert_eq!(next_state(from, event).ok(), want, "{from} + {event:?}");
            if want.is_none() {
                assert!(next_state(from, event).unwrap_err().to_string().contains(from.as_str()));
            }
        }
        for s in S::ALL {
            let moves = [E::Book, E::Complete, E::Miss, E::Reschedule, E::Cancel].iter().filter(|e| next_state(*s, **e).is_ok()).count();
            assert_eq!(is_final(*s), moves == 0, "{s}");
        }
    }

    fn callback(state: CallbackState, start: &str) -> Callback {
        Callback { id: 7, conversation_id: 3, agent_id: "lucia".into(), starts_at: start.parse().unwrap(), customer_time_zone: "America/New_York".into(), state }
    }

    #[test]
    fn a_missed_callback_goes_to_reschedule_with_an_audit_trail() {
        let at: Timestamp = "2026-03-10T15:20:00Z".parse().unwrap();
        let mut cb = callback(S::Proposed, "2026-03-10T15:00:00Z");
        let kinds: Vec<String> = [E::Book, E::Miss, E::Reschedule, E::Book, E::Complete].iter().map(|e| apply(&mut cb, *e, at).unwrap().audit_kind()).collect();
        assert_eq!(kinds, ["callback.booked", "callback.missed", "callback.proposed", "callback.booked", "callback.done"]);
        assert!(apply(&mut cb, E::Cancel, at).is_err());
        assert_eq!(cb.state, S::Done, "a refused move changes nothing");
    }

    #[test]
    fn reminders_fall_before_the_call() {
        let start: Timestamp = "2026-03-10T15:00:00Z".parse().unwrap();
        let r = reminders(start, &DEFAULT_REMINDERS);
        assert_eq!(r.iter().map(|r| (r.at.to_string(), r.minutes_before)).collect::<Vec<_>>(), [("2026-03-10T14:45:00Z".to_string(), 15), ("2026-03-10T14:55:00Z".to_string(), 5)]);
        let t = |s: &str| s.parse::<Timestamp>().unwrap();
        let booked = callback(S::Booked, "2026-03-10T15:00:00Z");
        // last checked, now → minutes before of the reminders due
        let cases: &[(&str, &str, &[i64])] = &[
            ("2026-03-10T14:00:00Z", "2026-03-10T14:44:59Z", &[]),
            ("2026-03-10T14:00:00Z", "2026-03-10T14:45:00Z", &[15]),
            ("2026-03-10T14:45:00Z", "2026-03-10T14:50:00Z", &[]),
            ("2026-03-10T14:45:00Z", "2026-03-10T14:56:00Z", &[5]),
            ("2026-03-10T14:00:00Z", "2026-03-10T14:58:00Z", &[15, 5]),
            ("2026-03-10T14:00:00Z", "2026-03-10T15:01:00Z", &[]),
        ];
        for (last, now, want) in cases {
            let got: Vec<i64> = due_reminders(&booked, &DEFAULT_REMINDERS, t(last), t(now)).iter().map(|r| r.minutes_before).collect();
            assert_eq!(got, *want, "{last} → {now}");
        }
        let proposed = callback(S::Proposed, "2026-03-10T15:00:00Z");
        assert!(due_reminders(&proposed, &DEFAULT_REMINDERS, t("2026-03-10T14:00:00Z"), t("2026-03-10T14:58:00Z")).is_empty());
        assert!(!is_overdue(&booked, t("2026-03-10T15:14:59Z")));
        assert!(is_overdue(&booked, t("2026-03-10T15:15:00Z")));
        assert!(!is_overdue(&callback(S::Done, "2026-03-10T15:00:00Z"), t("2026-03-11T00:00:00Z")));
    }
}
