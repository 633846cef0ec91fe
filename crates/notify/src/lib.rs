//! Desktop notifications for an agent: a hand-off assigned to them, an SLA about to be
//! missed. Deciding who is told what (`due`) is pure and tested here; `show` hands the
//! notice to the desktop's notification server (D-Bus on Linux) through notify-rust.
//! Outside the agent's shift nothing is shown: a team in several time zones must not wake
//! anyone up.

use meridian_store::{InboxItem, WeeklyWindow};
use std::collections::HashSet;

/// How long before an SLA is due the agent is warned.
pub const SLA_WARNING: jiff::SignedDuration = jiff::SignedDuration::from_mins(15);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoticeKind {
    /// A conversation escalated to a person and assigned to this agent.
    HandOff,
    /// An open conversation of this agent (or nobody's) about to miss its SLA.
    SlaSoon,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub conversation_id: i64,
    /// Customer name and subject, as the inbox shows them.
    pub customer: String,
    pub subject: String,
}

/// The notices `agent` should get now for these conversations, skipping those already shown.
pub fn due(items: &[InboxItem], agent: &str, now: jiff::Timestamp, shown: &HashSet<(NoticeKind, i64)>) -> Vec<Notice> {
    let mut out = Vec::new();
    for i in items {
        let mine = i.assignee.as_deref() == Some(agent);
        let status = i.status.as_str();
        let kind = if mine && status == "escalated" {
            Some(NoticeKind::HandOff)
        } else if (mine || i.assignee.is_none())
            && matches!(status, "open" | "escalated")
            && i.sla_due_at.is_some_and(|due| due > now && due <= now + SLA_WARNING)
        {
            Some(NoticeKind::SlaSoon)
        } else {
            None
        };
        if let Some(kind) = kind.filter(|k| !shown.contains(&(*k, i.id))) {
            out.push(Notice { kind, conversation_id: i.id, customer: i.customer_name.clone(), subject: i.subject.clone() });
        }
    }
    out
}

/// Whether `now` falls in one of the agent's weekly shifts on their own clock (a shift whose
/// end is not after its start runs past midnight), and not on a day off.
pub fn on_shift(shifts: &[WeeklyWindow], days_off: &[jiff::civil::Date], zone: &str, now: jiff::Timestamp) -> bool {
    let Ok(tz) = jiff::tz::TimeZone::get(zone) else { return true };
    let local = now.to_zoned_datetime(tz).datetime();
    let minutes = |hhmm: &str| -> Option<i32> {
        let (h, m) = hhmm.split_once(':')?;
        Some(h.parse::<i32>().ok()? * 60 + m.parse::<i32>().ok()?)
    };
    let code = |d: jiff::civil::Weekday| ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][d.to_monday_zero_offset() as usize];
    let today = code(local.weekday());
    let yesterday = code(local.date().yesterday().map(|d| d.weekday()).unwrap_or(local.weekday()));
    let t = i32::from(local.hour()) * 60 + i32::from(local.minute());
    let in_shift = shifts.iter().any(|w| {
        let (Some(start), Some(end)) = (minutes(&w.start), minutes(&w.end)) else { return false };
        let crosses = end <= start;
        (w.weekday == today && t >= start && (crosses || t < end)) || (crosses && w.weekday == yesterday && t < end)
    });
    in_shift && !days_off.contains(&local.date())
}

/// Shows a notice on the desktop; returns the handle to wait for a click on.
pub fn show(title: &str, body: &str) -> Result<notify_rust::NotificationHandle, notify_rust::error::Error> {
    notify_rust::Notification::new()
        .appname("Meridian")
        .summary(title)
        .body(body)
        .action("default", "Open")
        .timeout(notify_rust::Timeout::Milliseconds(15_000))
        .show()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> jiff::Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn shifts_on_the_agents_clock_including_past_midnight() {
        let w = |d: &str, s: &str, e: &str| WeeklyWindow { weekday: d.into(), start: s.into(), end: e.into() };
        let day = [w("mon", "09:00", "17:00")];
        // Monday 2026-12-07 10:00 in Madrid = 09:00 UTC.
        assert!(on_shift(&day, &[], "Europe/Madrid", ts("2026-12-07T09:00:00Z")));
        assert!(!on_shift(&day, &[], "Europe/Madrid", ts("2026-12-07T16:30:00Z")), "17:30 Madrid");
        assert!(!on_shift(&day, &[], "Europe/Madrid", ts("2026-12-08T09:00:00Z")), "Tuesday");
        let night = [w("mon", "22:00", "06:00")];
        assert!(on_shift(&night, &[], "Asia/Tokyo", ts("2026-12-07T14:00:00Z")), "Mon 23:00 Tokyo");
        assert!(on_shift(&night, &[], "Asia/Tokyo", ts("2026-12-07T19:00:00Z")), "Tue 04:00 Tokyo, the Monday shift");
        assert!(!on_shift(&night, &[], "Asia/Tokyo", ts("2026-12-07T22:00:00Z")), "Tue 07:00 Tokyo");
        let off = ["2026-12-07".parse().unwrap()];
        assert!(!on_shift(&day, &off, "Europe/Madrid", ts("2026-12-07T09:00:00Z")), "a day off");
    }
}

#[cfg(test)]
mod due_tests {
    use super::*;
    use meridian_core::{Channel, ConversationStatus, Priority};

    fn item(id: i64, status: ConversationStatus, assignee: Option<&str>, due_in_min: Option<i64>, now: jiff::Timestamp) -> InboxItem {
        InboxItem {
            id,
            subject: format!("s{id}"),
            preview: String::new(),
            customer_name: "Julia".into(),
            customer_country: "ES".into(),
            language: "es".into(),
            channel: Channel::Email,
            status,
            intent: None,
            priority: Priority::Normal,
            assignee: assignee.map(str::to_owned),
            last_message_at: now,
            sla_due_at: due_in_min.map(|m| now + jiff::SignedDuration::from_mins(m)),
        }
    }

    #[test]
    fn hand_offs_to_me_and_slas_about_to_be_missed_once() {
        use ConversationStatus::*;
        let now: jiff::Timestamp = "2026-12-07T09:00:00Z".parse().unwrap();
        let items = [
            item(1, Escalated, Some("lucia"), None, now),
            item(2, Escalated, Some("jonas"), Some(5), now),
            item(3, Open, None, Some(10), now),
            item(4, Open, Some("lucia"), Some(40), now),
            item(5, Open, Some("lucia"), Some(-5), now),
            item(6, Closed, Some("lucia"), Some(5), now),
        ];
        let got: Vec<(NoticeKind, i64)> = due(&items, "lucia", now, &HashSet::new()).iter().map(|n| (n.kind, n.conversation_id)).collect();
        assert_eq!(got, vec![(NoticeKind::HandOff, 1), (NoticeKind::SlaSoon, 3)]);
        let shown: HashSet<_> = got.into_iter().collect();
        assert!(due(&items, "lucia", now, &shown).is_empty(), "each is told once");
    }
}
