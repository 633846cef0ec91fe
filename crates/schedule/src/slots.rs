//! Callback slots: times within the customer's reasonable local hours, not on their weekend
//! (unless they ask), when an agent who speaks their language is on shift. Earliest first,
//! one agent per slot (the best speaker on shift, then the agent id). Owns the rule that no
//! slot starts or ends on a local time that does not exist or exists twice, on either side:
//! such instants are skipped, never shifted.

use crate::team::{primary_language, Agent, ClockTime, Proficiency, Team};
use crate::{time_zone, Result, ScheduleError};
use jiff::civil::{Date, Weekday};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{SignedDuration, Timestamp, ZonedDateTime};
use serde::Serialize;

/// What the customer asked for.
#[derive(Debug, Clone)]
pub struct SlotRequest<'a> {
    /// The customer's IANA zone.
    pub customer_time_zone: &'a str,
    /// The conversation's language (any tag; "pt-BR" counts as "pt").
    pub language: &'a str,
    /// No slot starts before this instant.
    pub from: Timestamp,
    /// How many days (of 24 hours) after `from` to look.
    pub days: u32,
}

/// How to plan. `Default` is what the product uses.
#[derive(Debug, Clone)]
pub struct SlotOptions {
    /// The customer's reasonable hours on their own clock; 09:00–20:00 unless configured.
    pub customer_hours: (ClockTime, ClockTime),
    pub slot_minutes: u16,
    /// Offer slots on the customer's weekend too (they asked for it).
    pub include_weekend: bool,
    /// The customer's country, for their weekend; the zone's country when absent.
    pub customer_country: Option<String>,
    /// The weakest proficiency allowed on a call.
    pub min_proficiency: Proficiency,
    /// Stop after this many slots.
    pub limit: Option<usize>,
}

impl Default for SlotOptions {
    fn default() -> Self {
        SlotOptions {
            customer_hours: (ClockTime::hm(9, 0), ClockTime::hm(20, 0)),
            slot_minutes: 30,
            include_weekend: false,
            customer_country: None,
            min_proficiency: Proficiency::Conversational,
            limit: None,
        }
    }
}

/// One proposed callback.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slot {
    pub start_utc: Timestamp,
    pub end_utc: Timestamp,
    /// The start on the customer's clock, in their zone.
    pub customer_local: ZonedDateTime,
    pub agent_id: String,
    /// The start on the agent's clock, in their zone.
    pub agent_local: ZonedDateTime,
    pub proficiency: Proficiency,
}

impl Slot {
    /// RFC 3339 with the customer's offset: "2026-03-10T10:00:00-04:00".
    pub fn customer_local_rfc3339(&self) -> String {
        self.start_utc.display_with_offset(self.customer_local.offset()).to_string()
    }

    pub fn agent_local_rfc3339(&self) -> String {
        self.start_utc.display_with_offset(self.agent_local.offset()).to_string()
    }

    pub fn customer_time_zone(&self) -> &str {
        self.customer_local.time_zone().iana_name().unwrap_or("")
    }

    pub fn agent_time_zone(&self) -> &str {
        self.agent_local.time_zone().iana_name().unwrap_or("")
    }
}

/// The longest window a plan may cover.
pub const MAX_DAYS: u32 = 92;

/// The customer's weekend by country. Most of the world rests Saturday and Sunday; most of
/// the Arab world and Israel Friday and Saturday (the UAE moved to Saturday–Sunday in 2022);
/// Iran Friday; Nepal Saturday.
pub fn weekend(country: Option<&str>) -> &'static [Weekday] {
    use Weekday::*;
    match country.map(|c| c.to_ascii_uppercase()).as_deref() {
        Some("SA" | "BH" | "KW" | "OM" | "QA" | "EG" | "JO" | "IQ" | "YE" | "DZ" | "LY" | "SD" | "SY" | "IL" | "BD" | "MV") => &[Friday, Saturday],
        Some("IR") => &[Friday],
        Some("AF") => &[Thursday, Friday],
        Some("NP") => &[Saturday],
        _ => &[Saturday, Sunday],
    }
}

/// An agent who speaks the language, with the UTC intervals they are on shift.
struct OnShift<'t> {
    agent: &'t Agent,
    proficiency: Proficiency,
    tz: TimeZone,
    /// Sorted, merged, half-open.
    intervals: Vec<(Timestamp, Timestamp)>,
    cursor: usize,
}

/// Plans callback slots, earliest first.
pub fn plan(team: &Team, req: &SlotRequest, opts: &SlotOptions) -> Result<Vec<Slot>> {
    let customer_tz = time_zone(req.customer_time_zone)?;
    if team.agents.is_empty() {
        return Err(ScheduleError::EmptyTeam);
    }
    if req.days == 0 || req.days > MAX_DAYS {
        return Err(ScheduleError::BadRequest(format!("days must be between 1 and {MAX_DAYS}, not {}", req.days)));
    }
    let (day_start, day_end) = opts.customer_hours;
    let slot = SignedDuration::from_mins(opts.slot_minutes as i64);
    if opts.slot_minutes == 0 || day_start.minutes() + opts.slot_minutes > day_end.minutes() {
        return Err(ScheduleError::BadRequest(format!(
            "a {}-minute slot does not fit in the customer's hours {day_start}–{day_end}",
            opts.slot_minutes
        )));
    }
    let language = primary_language(req.language);
    let window_end = req.from.checked_add(SignedDuration::from_hours(24 * req.days as i64))?;

    let mut speakers: Vec<OnShift> = Vec::new();
    for agent in &team.agents {
        let Some(proficiency) = agent.proficiency(&language).filter(|p| *p >= opts.min_proficiency) else { continue };
        let tz = time_zone(&agent.time_zone).map_err(|_| ScheduleError::AgentZone { agent: agent.id.clone(), zone: agent.time_zone.clone() })?;
        let intervals = shift_intervals(team, agent, &tz, req.from, window_end)?;
        speakers.push(OnShift { agent, proficiency, tz, intervals, cursor: 0 });
    }
    if speakers.is_empty() {
        let known: Vec<String> = team.languages(opts.min_proficiency).into_iter().collect();
        return Err(ScheduleError::UnknownLanguage { language: req.language.to_owned(), known: known.join(", ") });
    }
    speakers.sort_by(|a, b| b.proficiency.cmp(&a.proficiency).then_with(|| a.agent.id.cmp(&b.agent.id)));

    let country = opts.customer_country.clone().or_else(|| customer_tz.location().map(|l| l.country().to_owned()));
    let rest_days = weekend(country.as_deref());
    let first = customer_tz.to_datetime(req.from).date();
    let last = customer_tz.to_datetime(window_end).date();
    let mut out = Vec::new();
    let mut date = first;
    while date <= last {
        if opts.include_weekend || !rest_days.contains(&date.weekday()) {
            let mut minute = day_start.minutes();
            while minute + opts.slot_minutes <= day_end.minutes() {
                if let Some(start) = unambiguous_start(&customer_tz, date, minute)? {
                    let end = start.checked_add(slot)?;
                    let fits = start >= req.from && start < window_end && clean(&customer_tz, start, end);
                    if let Some(found) = fits.then(|| pick_agent(&mut speakers, start, end, &customer_tz)).flatten() {
                        out.push(found);
                        if opts.limit.is_some_and(|l| out.len() >= l) {
                            return Ok(out);
                        }
                    }
                }
                minute += opts.slot_minutes;
            }
        }
        date = date.tomorrow()?;
    }
    Ok(out)
}

/// The instant of `minute` on the customer's `date`, when that local time exists exactly once.
fn unambiguous_start(tz: &TimeZone, date: Date, minute: u16) -> Result<Option<Timestamp>> {
    let local = ClockTime::from_minutes(minute)?.on(date)?;
    match tz.to_ambiguous_timestamp(local).offset() {
        AmbiguousOffset::Unambiguous { offset } => Ok(Some(offset.to_timestamp(local)?)),
        AmbiguousOffset::Gap { .. } | AmbiguousOffset::Fold { .. } => Ok(None),
    }
}

/// Whether [start, end) reads plainly on the clock of `tz`: its start and end local times
/// each exist once, and no transition falls inside (or the local end would lie).
fn clean(tz: &TimeZone, start: Timestamp, end: Timestamp) -> bool {
    let unambiguous = |t: Timestamp| !tz.to_ambiguous_timestamp(tz.to_datetime(t)).is_ambiguous();
    tz.to_offset(start) == tz.to_offset(end) && unambiguous(start) && unambiguous(end)
}

/// The best-ranked speaker on shift for all of [start, end) whose own clock reads it plainly.
fn pick_agent(speakers: &mut [OnShift], start: Timestamp, end: Timestamp, customer_tz: &TimeZone) -> Option<Slot> {
    for s in speakers.iter_mut() {
        // Candidates come in increasing order, so intervals that end before this one never
        // serve again.
        while s.cursor < s.intervals.len() && s.intervals[s.cursor].1 < end {
            s.cursor += 1;
        }
        let Some(&(from, _)) = s.intervals.get(s.cursor) else { continue };
        if from > start {
            continue;
        }
        if !clean(&s.tz, start, end) {
            continue;
        }
        return Some(Slot {
            start_utc: start,
            end_utc: end,
            customer_local: start.to_zoned_datetime(customer_tz.clone()),
            agent_id: s.agent.id.clone(),
            agent_local: start.to_zoned_datetime(s.tz.clone()),
            proficiency: s.proficiency,
        });
    }
    None
}

/// The agent's shifts that overlap [from, until), as merged UTC intervals. A shift belongs
/// to the local day it starts on; that day must not be a day off or a holiday of the
/// agent's market. Shift edges in a gap move forward, as the clock does.
fn shift_intervals(team: &Team, agent: &Agent, tz: &TimeZone, from: Timestamp, until: Timestamp) -> Result<Vec<(Timestamp, Timestamp)>> {
    let market = agent.market();
    let mut out: Vec<(Timestamp, Timestamp)> = Vec::new();
    // The day before, for a shift that started yesterday and runs past midnight.
    let mut date = tz.to_datetime(from).date().yesterday()?;
    let last = tz.to_datetime(until).date();
    while date <= last {
        if team.works_on(agent, market.as_deref(), date) {
            for shift in agent.shifts.iter().filter(|s| s.day == date.weekday()) {
                let (a, b) = shift.local_bounds(date)?;
                let start = tz.to_ambiguous_timestamp(a).compatible()?;
                let end = tz.to_ambiguous_timestamp(b).compatible()?;
                if end > from && start < until && start < end {
                    out.push((start, end));
                }
            }
        }
        date = date.tomorrow()?;
    }
    out.sort();
    let mut merged: Vec<(Timestamp, Timestamp)> = Vec::with_capacity(out.len());
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::team::{LanguageSkill, Shift};
    use std::collections::BTreeSet;
    use Weekday::*;

    const WEEK: [Weekday; 7] = [Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday];

    fn agent(id: &str, tz: &str, langs: &[(&str, Proficiency)], shifts: &[(Weekday, &str, &str)]) -> Agent {
        Agent {
            id: id.into(),
            name: id.into(),
            time_zone: tz.into(),
            country: None,
            languages: langs.iter().map(|(l, p)| LanguageSkill { language: l.to_string(), proficiency: *p }).collect(),
            shifts: shifts.iter().map(|(d, s, e)| Shift::new(*d, s.parse().unwrap(), e.parse().unwrap())).collect(),
            days_off: BTreeSet::new(),
        }
    }

    fn every_day<'a>(start: &'a str, end: &'a str) -> Vec<(Weekday, &'a str, &'a str)> {
        WEEK.iter().map(|d| (*d, start, end)).collect()
    }

    fn team(agents: Vec<Agent>) -> Team {
        Team { agents, ..Default::default() }
    }

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn run(team: &Team, zone: &str, lang: &str, from: &str, days: u32, opts: &SlotOptions) -> Vec<Slot> {
        plan(team, &SlotRequest { customer_time_zone: zone, language: lang, from: ts(from), days }, opts).unwrap()
    }

    /// Local "HH:MM" of every slot's start for the customer, grouped by the customer's date.
    fn customer_days(slots: &[Slot]) -> Vec<(String, String, String)> {
        let mut days: Vec<(String, String, String)> = Vec::new();
        for s in slots {
            let d = s.customer_local.date().to_string();
            let t = s.customer_local.strftime("%H:%M").to_string();
            match days.last_mut() {
                Some(last) if last.0 == d => last.2 = t,
                _ => days.push((d, t.clone(), t)),
            }
        }
        days
    }

    /// Every slot is sane: ordered, inside the customer's hours, on shift, and unambiguous
    /// on both clocks at start and end.
    fn assert_invariants(team: &Team, slots: &[Slot], opts: &SlotOptions) {
        for w in slots.windows(2) {
            assert!(w[0].start_utc < w[1].start_utc, "earliest first, one per start");
        }
        for s in slots {
            let (lo, hi) = opts.customer_hours;
            let m = s.customer_local.hour() as u16 * 60 + s.customer_local.minute() as u16;
            assert!(m >= lo.minutes() && m + opts.slot_minutes <= hi.minutes(), "{} outside the customer's hours", s.customer_local);
            for z in [&s.customer_local, &s.agent_local] {
                let tz = z.time_zone();
                assert!(!tz.to_ambiguous_timestamp(z.datetime()).is_ambiguous(), "ambiguous start {z}");
                let end = s.end_utc.to_zoned_datetime(tz.clone());
                assert!(!tz.to_ambiguous_timestamp(end.datetime()).is_ambiguous(), "ambiguous end {end}");
                assert_eq!(end.offset(), z.offset(), "transition inside the slot at {z}");
            }
            let a = team.agents.iter().find(|a| a.id == s.agent_id).unwrap();
            let tz = TimeZone::get(&a.time_zone).unwrap();
            let on = shift_intervals(team, a, &tz, s.start_utc - SignedDuration::from_hours(48), s.end_utc + SignedDuration::from_hours(48)).unwrap();
            assert!(on.iter().any(|(f, u)| *f <= s.start_utc && s.end_utc <= *u), "{} not on shift at {}", a.id, s.agent_local);
        }
    }

    #[test]
    fn us_and_eu_change_clocks_on_different_dates() {
        // A Berlin agent 15:00–23:00 serving a New York customer: the overlap moves by an hour
        // between the US change (8 March 2026) and the EU change (29 March 2026).
        let t = team(vec![agent("jonas", "Europe/Berlin", &[("en", Proficiency::Fluent)], &every_day("15:00", "23:00"))]);
        let opts = SlotOptions::default();
        let cases = [
            ("2026-03-05T00:00:00Z", "2026-03-05", "09:00", "16:30"), // EST, CET: 6 hours apart
            ("2026-03-10T00:00:00Z", "2026-03-10", "10:00", "17:30"), // EDT, CET: 5 hours apart
            ("2026-03-31T00:00:00Z", "2026-03-31", "09:00", "16:30"), // EDT, CEST: 6 hours again
        ];
        for (from, date, first, last) in cases {
            let slots = run(&t, "America/New_York", "en", from, 1, &opts);
            assert_invariants(&t, &slots, &opts);
            let days = customer_days(&slots);
            assert_eq!(days.first().map(|d| (d.0.as_str(), d.1.as_str(), d.2.as_str())), Some((date, first, last)), "{from}");
        }
    }

    #[test]
    fn southern_hemisphere_and_fractional_offsets() {
        // (customer zone, agent zone, agent shift, from, customer's first and last slot that day)
        let cases = [
            // Sydney leaves DST on 5 April 2026 (UTC+11 → +10) while Madrid keeps CEST: a Madrid
            // agent at 07:00 is 16:00 in Sydney before, 15:00 after.
            ("Australia/Sydney", "Europe/Madrid", "07:00", "10:00", "2026-04-02T00:00:00Z", "2026-04-02", "16:00", "18:30"),
            ("Australia/Sydney", "Europe/Madrid", "07:00", "10:00", "2026-04-06T00:00:00Z", "2026-04-06", "15:00", "17:30"),
            // Santiago enters DST on 6 September 2026 (UTC−4 → −3); New York keeps EDT.
            ("America/Santiago", "America/New_York", "09:00", "12:00", "2026-09-03T00:00:00Z", "2026-09-03", "09:00", "11:30"),
            ("America/Santiago", "America/New_York", "09:00", "12:00", "2026-09-08T00:00:00Z", "2026-09-08", "10:00", "12:30"),
            // Kolkata (+05:30) customer, Berlin agent 08:00–12:00 CET = 12:30–16:30 IST.
            ("Asia/Kolkata", "Europe/Berlin", "08:00", "12:00", "2026-02-02T00:00:00Z", "2026-02-02", "12:30", "16:00"),
            // Kathmandu (+05:45): the customer's half hours are the agent's quarter hours.
            ("Asia/Kathmandu", "Europe/Berlin", "08:00", "12:00", "2026-02-02T00:00:00Z", "2026-02-02", "13:00", "16:00"),
            // Chatham (+13:45 in DST) customer, Los Angeles agent 12:00–16:00 PST = 09:45–13:45.
            ("Pacific/Chatham", "America/Los_Angeles", "12:00", "16:00", "2026-02-03T00:00:00Z", "2026-02-04", "10:00", "13:00"),
        ];
        let opts = SlotOptions::default();
        for (cz, az, start, end, from, date, first, last) in cases {
            let t = team(vec![agent("a", az, &[("en", Proficiency::Native)], &every_day(start, end))]);
            let slots = run(&t, cz, "en", from, 2, &opts);
            assert_invariants(&t, &slots, &opts);
            let day = customer_days(&slots).into_iter().find(|d| d.0 == date);
            assert_eq!(day.map(|d| (d.1, d.2)), Some((first.to_string(), last.to_string())), "{cz} with {az} from {from}");
        }
    }

    #[test]
    fn the_date_line_between_auckland_and_los_angeles() {
        // A Los Angeles agent working Monday 13:00–17:00 PST is on Tuesday morning in Auckland
        // (NZDT, UTC+13: 21 hours ahead of PST on 2026-03-02).
        let t = team(vec![agent("grace", "America/Los_Angeles", &[("en", Proficiency::Native)], &[(Monday, "13:00", "17:00")])]);
        let opts = SlotOptions::default();
        let slots = run(&t, "Pacific/Auckland", "en", "2026-03-01T00:00:00Z", 7, &opts);
        assert_invariants(&t, &slots, &opts);
        assert!(!slots.is_empty());
        for s in &slots {
            assert_eq!(s.agent_local.weekday(), Monday, "{}", s.agent_local);
            assert_eq!(s.customer_local.weekday(), Tuesday, "{}", s.customer_local);
        }
        assert_eq!(customer_days(&slots), vec![("2026-03-03".to_string(), "10:00".to_string(), "13:30".to_string())]);
    }

    #[test]
    fn shifts_crossing_midnight_serve_both_days() {
        // A Tokyo agent 22:00–02:00 on Friday serves a Madrid customer 14:00–18:00 (CET,
        // 8 hours behind); the part after midnight is Saturday in Tokyo but still Friday in
        // Madrid, and Saturday's missing shift leaves Saturday empty.
        let t = team(vec![agent("yuki", "Asia/Tokyo", &[("es", Proficiency::Fluent)], &[(Friday, "22:00", "02:00")])]);
        let opts = SlotOptions { include_weekend: true, ..Default::default() };
        let slots = run(&t, "Europe/Madrid", "es", "2026-02-02T00:00:00Z", 7, &opts);
        assert_invariants(&t, &slots, &opts);
        assert_eq!(customer_days(&slots), vec![("2026-02-06".to_string(), "14:00".to_string(), "17:30".to_string())]);
        assert!(slots.iter().any(|s| s.agent_local.weekday() == Saturday), "the part after midnight is used");
        // Asked at 01:00 on Saturday in Tokyo: Friday's shift is still on.
        let late = run(&t, "Europe/Madrid", "es", "2026-02-06T16:00:00Z", 1, &opts);
        assert_eq!(customer_days(&late), vec![("2026-02-06".to_string(), "17:00".to_string(), "17:30".to_string())]);
    }

    #[test]
    fn gap_and_fold_instants_are_never_proposed() {
        // Customer open all day on both DST days of New York; agents always on.
        let all_day = SlotOptions { customer_hours: (ClockTime::MIDNIGHT, ClockTime::END_OF_DAY), include_weekend: true, ..Default::default() };
        let t = team(vec![agent("utc", "UTC", &[("en", Proficiency::Native)], &every_day("00:00", "00:00"))]);
        let cases = [
            // 8 March 2026: 02:00–03:00 does not exist, and 01:30 would end across the jump:
            // 48 half hours of a real day, less 01:30.
            ("2026-03-08T05:00:00Z", 47usize, ["01:30", "02:00", "02:30"]),
            // 1 November 2026: 01:00–02:00 happens twice, and 00:30 would end at 01:00: 46
            // local half hours before 23:00 EST (24 real hours), less three.
            ("2026-11-01T04:00:00Z", 43, ["00:30", "01:00", "01:30"]),
        ];
        for (from, count, missing) in cases {
            let slots = run(&t, "America/New_York", "en", from, 1, &all_day);
            assert_invariants(&t, &slots, &all_day);
            let times: Vec<String> = slots.iter().map(|s| s.customer_local.strftime("%H:%M").to_string()).collect();
            assert_eq!(slots.len(), count, "{from}: {times:?}");
            for m in missing {
                assert!(!times.contains(&m.to_string()), "{from}: {m} proposed");
            }
        }
        // The agent's side too: a UTC customer open all day, a New York agent always on.
        let ny = team(vec![agent("ny", "America/New_York", &[("en", Proficiency::Native)], &every_day("00:00", "00:00"))]);
        let slots = run(&ny, "UTC", "en", "2026-11-01T00:00:00Z", 1, &all_day);
        assert_invariants(&ny, &slots, &all_day);
        let utc: Vec<String> = slots.iter().map(|s| s.start_utc.strftime("%H:%M").to_string()).collect();
        // 05:00–07:00 UTC is 01:00–02:00 twice in New York; 04:30 would end in the fold.
        for m in ["04:30", "05:00", "05:30", "06:00", "06:30"] {
            assert!(!utc.contains(&m.to_string()), "{m} UTC proposed: {utc:?}");
        }
        assert!(utc.contains(&"07:00".to_string()) && utc.contains(&"04:00".to_string()));
    }

    #[test]
    fn weekends_are_the_customers_own() {
        // An agent on every day; Riyadh rests Friday and Saturday, Madrid Saturday and Sunday.
        let t = team(vec![agent("amira", "Asia/Dubai", &[("ar", Proficiency::Native), ("es", Proficiency::Fluent)], &every_day("00:00", "00:00"))]);
        let cases = [("Asia/Riyadh", "ar", [Friday, Saturday]), ("Europe/Madrid", "es", [Saturday, Sunday])];
        for (zone, lang, rest) in cases {
            let slots = run(&t, zone, lang, "2026-02-02T00:00:00Z", 7, &SlotOptions::default());
            let days: BTreeSet<_> = slots.iter().map(|s| crate::team::weekday_code(s.customer_local.weekday())).collect();
            assert_eq!(days.len(), 5, "{zone}: {days:?}");
            for d in rest {
                assert!(!days.contains(crate::team::weekday_code(d)), "{zone} on {d:?}");
            }
            let asked = run(&t, zone, lang, "2026-02-02T00:00:00Z", 7, &SlotOptions { include_weekend: true, ..Default::default() });
            assert!(asked.iter().any(|s| s.customer_local.weekday() == rest[0]), "{zone} weekend when asked");
        }
    }

    #[test]
    fn best_speaker_first_and_days_off_and_holidays_respected() {
        let mut native = agent("b-native", "Europe/Madrid", &[("es", Proficiency::Native)], &every_day("09:00", "12:00"));
        let fluent = agent("a-fluent", "Europe/Madrid", &[("es-ES", Proficiency::Fluent)], &every_day("09:00", "18:00"));
        let basic = agent("c-basic", "Europe/Madrid", &[("es", Proficiency::Basic)], &every_day("07:00", "09:00"));
        native.days_off.insert(Date::constant(2026, 2, 3));
        let mut t = team(vec![fluent, native, basic]);
        t.holidays.insert("ES".into(), [Date::constant(2026, 2, 4)].into_iter().collect());
        let slots = run(&t, "Europe/Madrid", "es", "2026-02-02T00:00:00Z", 4, &SlotOptions::default());
        let who = |date: &str, time: &str| {
            slots.iter().find(|s| s.customer_local.date().to_string() == date && s.customer_local.strftime("%H:%M").to_string() == time).map(|s| s.agent_id.as_str())
        };
        assert_eq!(who("2026-02-02", "09:00"), Some("b-native"), "the native speaker first");
        assert_eq!(who("2026-02-02", "13:00"), Some("a-fluent"), "then whoever speaks it on shift");
        assert_eq!(who("2026-02-03", "09:00"), Some("a-fluent"), "the native speaker's day off");
        assert_eq!(who("2026-02-04", "10:00"), None, "a public holiday in Spain");
        assert_eq!(who("2026-02-05", "09:00"), Some("b-native"));
        assert!(slots.iter().all(|s| s.agent_id != "c-basic"), "basic speakers do not take calls");
    }

    #[test]
    fn limits_and_from_are_honoured() {
        let t = team(vec![agent("a", "Europe/Berlin", &[("de", Proficiency::Native)], &every_day("08:00", "20:00"))]);
        let opts = SlotOptions { limit: Some(3), ..Default::default() };
        let slots = run(&t, "Europe/Berlin", "de", "2026-02-02T10:10:00Z", 3, &opts);
        let times: Vec<String> = slots.iter().map(|s| s.customer_local_rfc3339()).collect();
        assert_eq!(times, ["2026-02-02T11:30:00+01:00", "2026-02-02T12:00:00+01:00", "2026-02-02T12:30:00+01:00"]);
        assert_eq!(slots[0].customer_time_zone(), "Europe/Berlin");
    }

    #[test]
    fn clear_errors() {
        let t = team(vec![agent("a", "Europe/Berlin", &[("de", Proficiency::Native), ("en", Proficiency::Basic)], &every_day("08:00", "20:00"))]);
        let req = |zone, lang| SlotRequest { customer_time_zone: zone, language: lang, from: ts("2026-02-02T00:00:00Z"), days: 3 };
        let o = SlotOptions::default();
        assert!(matches!(plan(&t, &req("Mars/Olympus", "de"), &o), Err(ScheduleError::UnknownZone { .. })));
        match plan(&t, &req("Europe/Paris", "en"), &o) {
            Err(ScheduleError::UnknownLanguage { known, .. }) => assert_eq!(known, "de"),
            other => panic!("{other:?}"),
        }
        assert_eq!(plan(&team(vec![]), &req("Europe/Paris", "de"), &o), Err(ScheduleError::EmptyTeam));
        assert!(matches!(plan(&t, &SlotRequest { days: 0, ..req("Europe/Paris", "de") }, &o), Err(ScheduleError::BadRequest(_))));
        let tiny = SlotOptions { customer_hours: (ClockTime::hm(9, 0), ClockTime::hm(9, 20)), ..Default::default() };
        assert!(matches!(plan(&t, &req("Europe/Paris", "de"), &tiny), Err(ScheduleError::BadRequest(_))));
    }
}
