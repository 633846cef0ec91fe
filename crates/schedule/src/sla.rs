//! When a reply is due, per channel. Amazon buyer messages: 24 hours of real time from the
//! message, weekends and nights included (Amazon's rule). Email and chat: a number of
//! business hours on the store's calendar (its zone, weekly opening hours, public holidays),
//! so a Friday-evening email is due on Monday. Owns that arithmetic; the calendar data is
//! `team::BusinessHours`.

use crate::team::{BusinessHours, Shift, Team};
use crate::{time_zone, Result, ScheduleError};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use meridian_core::Channel;
use std::collections::BTreeSet;

/// How a deadline is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlaRule {
    /// Real elapsed time, day and night.
    Elapsed(SignedDuration),
    /// Time while the business is open.
    Business(SignedDuration),
}

/// The targets per channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlaPolicy {
    pub amazon_messaging: SignedDuration,
    pub email_business: SignedDuration,
    pub chat_business: SignedDuration,
}

impl Default for SlaPolicy {
    /// Amazon's 24 hours; one business day (8 hours) for email; one business hour for chat.
    fn default() -> Self {
        SlaPolicy {
            amazon_messaging: SignedDuration::from_hours(24),
            email_business: SignedDuration::from_hours(8),
            chat_business: SignedDuration::from_hours(1),
        }
    }
}

impl SlaPolicy {
    pub fn rule(&self, channel: Channel) -> SlaRule {
        match channel {
            Channel::AmazonMessaging => SlaRule::Elapsed(self.amazon_messaging),
            Channel::Email => SlaRule::Business(self.email_business),
            Channel::Chat => SlaRule::Business(self.chat_business),
        }
    }

    /// When a reply to a message received at `received` on `channel` is due.
    pub fn due(&self, channel: Channel, received: Timestamp, calendar: &BusinessCalendar) -> Result<Timestamp> {
        match self.rule(channel) {
            SlaRule::Elapsed(d) => Ok(received.checked_add(d)?),
            SlaRule::Business(d) => calendar.add(received, d),
        }
    }
}

/// A store's or market's opening hours, resolved for arithmetic.
#[derive(Debug, Clone)]
pub struct BusinessCalendar {
    market: String,
    tz: TimeZone,
    hours: Vec<Shift>,
    holidays: BTreeSet<Date>,
}

/// How far ahead a deadline may be looked for before the calendar counts as closed.
const MAX_DAYS: usize = 740;

impl BusinessCalendar {
    /// The calendar of `hours`, closed on the public holidays the team lists for it.
    pub fn new(hours: &BusinessHours, team: &Team) -> Result<BusinessCalendar> {
        let holidays = team.holidays.get(&hours.holiday_country()).cloned().unwrap_or_default();
        Ok(BusinessCalendar { market: hours.market.clone(), tz: time_zone(&hours.time_zone)?, hours: hours.hours.clone(), holidays })
    }

    pub fn time_zone(&self) -> &TimeZone {
        &self.tz
    }

    /// The opening windows that start on the local `date`, as sorted UTC intervals.
    fn windows_on(&self, date: Date) -> Result<Vec<(Timestamp, Timestamp)>> {
        if self.holidays.contains(&date) {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for shift in self.hours.iter().filter(|s| s.day == date.weekday()) {
            let (a, b) = shift.local_bounds(date)?;
            let a = self.tz.to_ambiguous_timestamp(a).compatible()?;
            let b = self.tz.to_ambiguous_timestamp(b).compatible()?;
            if a < b {
                out.push((a, b));
            }
        }
        out.sort();
        Ok(out)
    }

    /// Whether the business is open at `t`.
    pub fn is_open(&self, t: Timestamp) -> Result<bool> {
        let today = self.tz.to_datetime(t).date();
        for date in [today.yesterday()?, today] {
            if self.windows_on(date)?.iter().any(|(a, b)| *a <= t && t < *b) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The instant when `work` of open time has passed since `start`.
    pub fn add(&self, start: Timestamp, work: SignedDuration) -> Result<Timestamp> {
        if work <= SignedDuration::ZERO {
            return Ok(start);
        }
        if self.hours.is_empty() {
            return Err(ScheduleError::NoBusinessHours { market: self.market.clone() });
        }
        let mut left = work;
        let mut cursor = start;
        // From the day before: a window that opened yesterday may still be open.
        let mut date = self.tz.to_datetime(start).date().yesterday()?;
        for _ in 0..MAX_DAYS {
            for (open, close) in self.windows_on(date)? {
                let from = open.max(cursor);
                if close <= from {
                    continue;
                }
                let available = close.duration_since(from);
                if available >= left {
                    return Ok(from.checked_add(left)?);
                }
                left -= available;
                cursor = close;
            }
            date = date.tomorrow()?;
        }
        Err(ScheduleError::NoBusinessHours { market: self.market.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::team::ClockTime;
    use jiff::civil::Weekday::*;

    fn madrid_team() -> (Team, BusinessHours) {
        let hours = BusinessHours {
            market: "ES".into(),
            time_zone: "Europe/Madrid".into(),
            holidays: None,
            hours: [Monday, Tuesday, Wednesday, Thursday, Friday].iter().map(|d| Shift::new(*d, ClockTime::hm(9, 0), ClockTime::hm(18, 0))).collect(),
        };
        let mut team = Team::default();
        team.holidays.insert("ES".into(), [Date::constant(2026, 12, 25), Date::constant(2027, 1, 1), Date::constant(2027, 1, 6)].into_iter().collect());
        (team, hours)
    }

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn deadlines_per_channel_and_calendar() {
        let (team, hours) = madrid_team();
        let cal = BusinessCalendar::new(&hours, &team).unwrap();
        let policy = SlaPolicy::default();
        // channel, received (UTC), due (UTC); Madrid is UTC+1 in winter, +2 in summer.
        let cases = [
            // Friday 16:00: two hours on Friday, six on Monday → Monday 15:00.
            (Channel::Email, "2026-02-06T15:00:00Z", "2026-02-09T14:00:00Z"),
            // Saturday: the whole day counts from Monday 09:00.
            (Channel::Email, "2026-02-07T09:00:00Z", "2026-02-09T16:00:00Z"),
            // Tuesday 23:00: the night does not count.
            (Channel::Email, "2026-02-10T22:00:00Z", "2026-02-11T16:00:00Z"),
            // Monday 09:00 sharp: the same day at 17:00.
            (Channel::Email, "2026-02-09T08:00:00Z", "2026-02-09T16:00:00Z"),
            // Christmas Eve (Thursday) 16:00: Friday 25 is a holiday → Monday 28 15:00.
            (Channel::Email, "2026-12-24T15:00:00Z", "2026-12-28T14:00:00Z"),
            // Thursday 31 December 17:00: New Year's Day (Friday) off → Monday 4 January 16:00.
            (Channel::Email, "2026-12-31T16:00:00Z", "2027-01-04T15:00:00Z"),
            // Across the spring change: Friday 27 March 15:00 CET, three hours that day, five on
            // Monday from 09:00 CEST → 14:00 CEST.
            (Channel::Email, "2026-03-27T14:00:00Z", "2026-03-30T12:00:00Z"),
            // Chat: one business hour; Friday 17:30 → Monday 09:30.
            (Channel::Chat, "2026-02-06T16:30:00Z", "2026-02-09T08:30:00Z"),
            // Amazon: 24 real hours, weekend included.
            (Channel::AmazonMessaging, "2026-02-07T09:00:00Z", "2026-02-08T09:00:00Z"),
            (Channel::AmazonMessaging, "2026-12-24T15:00:00Z", "2026-12-25T15:00:00Z"),
            // …and across the DST change: 12:00 CET Saturday → 13:00 CEST Sunday.
            (Channel::AmazonMessaging, "2026-03-28T11:00:00Z", "2026-03-29T11:00:00Z"),
        ];
        for (channel, received, due) in cases {
            assert_eq!(policy.due(channel, ts(received), &cal).unwrap(), ts(due), "{channel} received {received}");
        }
        assert!(cal.is_open(ts("2026-02-06T15:00:00Z")).unwrap());
        assert!(!cal.is_open(ts("2026-02-07T11:00:00Z")).unwrap(), "Saturday");
        assert!(!cal.is_open(ts("2026-12-25T11:00:00Z")).unwrap(), "Christmas");
    }

    #[test]
    fn night_windows_cross_midnight() {
        // A night desk in Tokyo, Monday to Friday 20:00–04:00.
        let hours = BusinessHours {
            market: "JP".into(),
            time_zone: "Asia/Tokyo".into(),
            holidays: None,
            hours: [Monday, Tuesday, Wednesday, Thursday, Friday].iter().map(|d| Shift::new(*d, ClockTime::hm(20, 0), ClockTime::hm(4, 0))).collect(),
        };
        let cal = BusinessCalendar::new(&hours, &Team::default()).unwrap();
        // Tuesday 03:00 JST (Monday's window): one hour then, three from Tuesday 20:00 → 23:00.
        let due = cal.add(ts("2026-02-09T18:00:00Z"), SignedDuration::from_hours(4)).unwrap();
        assert_eq!(due, ts("2026-02-10T14:00:00Z"));
        // Saturday 02:00 JST is still Friday's window.
        assert!(cal.is_open(ts("2026-02-13T17:00:00Z")).unwrap());
    }

    #[test]
    fn a_calendar_without_hours_is_an_error() {
        let hours = BusinessHours { market: "XX".into(), time_zone: "UTC".into(), holidays: None, hours: vec![] };
        let cal = BusinessCalendar::new(&hours, &Team::default()).unwrap();
        assert_eq!(cal.add(ts("2026-02-09T18:00:00Z"), SignedDuration::from_hours(1)), Err(ScheduleError::NoBusinessHours { market: "XX".into() }));
        let bad = BusinessHours { time_zone: "Nowhere/City".into(), ..hours };
        assert!(BusinessCalendar::new(&bad, &Team::default()).is_err());
    }
}
