//! The team calendar: agents (zone, languages and how well they speak them), their weekly
//! shifts in their own local time, their days off, public holidays per market, and business
//! hours per store or market. Data and validation only: planning is in `slots.rs`, deadlines
//! in `sla.rs`. Never converts to UTC itself; it only says what the local rules are.

use crate::{time_zone, Result, ScheduleError};
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A time of day on a local clock, to the minute, from 00:00 to 24:00 inclusive (24:00 is
/// the end of the day, so a shift can end at midnight). Written "HH:MM".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

impl ClockTime {
    pub const MIDNIGHT: ClockTime = ClockTime(0);
    pub const END_OF_DAY: ClockTime = ClockTime(24 * 60);

    pub fn new(hour: u16, minute: u16) -> Result<ClockTime> {
        let minutes = hour * 60 + minute;
        if minute >= 60 || minutes > 24 * 60 {
            return Err(ScheduleError::BadClockTime { value: format!("{hour:02}:{minute:02}") });
        }
        Ok(ClockTime(minutes))
    }

    /// For constants in code: panics on an impossible time.
    pub const fn hm(hour: u16, minute: u16) -> ClockTime {
        assert!(minute < 60 && hour * 60 + minute <= 24 * 60, "not a time of day");
        ClockTime(hour * 60 + minute)
    }

    pub fn from_minutes(minutes: u16) -> Result<ClockTime> {
        if minutes > 24 * 60 {
            return Err(ScheduleError::BadClockTime { value: format!("{minutes} minutes") });
        }
        Ok(ClockTime(minutes))
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }

    /// This time on `date`; 24:00 is the next day's midnight.
    pub fn on(self, date: Date) -> Result<jiff::civil::DateTime> {
        if self.0 == 24 * 60 {
            return Ok(date.tomorrow()?.at(0, 0, 0, 0));
        }
        Ok(date.at((self.0 / 60) as i8, (self.0 % 60) as i8, 0, 0))
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl std::str::FromStr for ClockTime {
    type Err = ScheduleError;
    fn from_str(s: &str) -> Result<ClockTime> {
        let bad = || ScheduleError::BadClockTime { value: s.to_owned() };
        let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(bad());
        }
        let h: u16 = h.parse().map_err(|_| bad())?;
        let m: u16 = m.parse().map_err(|_| bad())?;
        ClockTime::new(h, m).map_err(|_| bad())
    }
}

impl Serialize for ClockTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// "mon" … "sun", the weekday codes used in team files and the database.
pub fn weekday_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "mon",
        Weekday::Tuesday => "tue",
        Weekday::Wednesday => "wed",
        Weekday::Thursday => "thu",
        Weekday::Friday => "fri",
        Weekday::Saturday => "sat",
        Weekday::Sunday => "sun",
    }
}

/// Reads "mon", "Monday", "MON"…
pub fn parse_weekday(s: &str) -> Result<Weekday> {
    let lower = s.trim().to_ascii_lowercase();
    let day = match lower.get(..3).unwrap_or("") {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return Err(ScheduleError::BadWeekday { value: s.to_owned() }),
    };
    let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    if lower.len() == 3 || full.contains(&lower.as_str()) {
        Ok(day)
    } else {
        Err(ScheduleError::BadWeekday { value: s.to_owned() })
    }
}

mod weekday_text {
    use jiff::civil::Weekday;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(day: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(super::weekday_code(*day))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_weekday(&s).map_err(serde::de::Error::custom)
    }
}

/// How well an agent speaks a language; ordered from weakest to strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Proficiency {
    /// Reads and writes simple messages; not for calls.
    Basic,
    /// Can hold a call on ordinary matters.
    Conversational,
    Fluent,
    Native,
}

impl Proficiency {
    pub const ALL: [Proficiency; 4] = [Proficiency::Basic, Proficiency::Conversational, Proficiency::Fluent, Proficiency::Native];

    pub fn as_str(self) -> &'static str {
        match self {
            Proficiency::Basic => "basic",
            Proficiency::Conversational => "conversational",
            Proficiency::Fluent => "fluent",
            Proficiency::Native => "native",
        }
    }
}

impl fmt::Display for Proficiency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Proficiency {
    type Err = ScheduleError;
    fn from_str(s: &str) -> Result<Proficiency> {
        Proficiency::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ScheduleError::BadProficiency { value: s.to_owned() })
    }
}

/// The primary language subtag, lower case: "es-MX" → "es", "zh_Hant" → "zh".
pub fn primary_language(tag: &str) -> String {
    tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageSkill {
    /// ISO 639-1 ("es"); a longer tag ("es-MX") counts as its primary language.
    pub language: String,
    pub proficiency: Proficiency,
}

/// A weekly window on a local clock: an agent's shift, or a store's opening hours. It
/// belongs to the day it starts on; when `end` is not after `start` it ends the next day
/// (22:00–06:00), and 00:00–00:00 is the whole day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shift {
    #[serde(with = "weekday_text")]
    pub day: Weekday,
    pub start: ClockTime,
    pub end: ClockTime,
}

impl Shift {
    pub fn new(day: Weekday, start: ClockTime, end: ClockTime) -> Shift {
        Shift { day, start, end }
    }

    pub fn crosses_midnight(&self) -> bool {
        self.end <= self.start
    }

    /// The local start and end of this shift when it starts on `date` (whose weekday the
    /// caller has checked).
    pub fn local_bounds(&self, date: Date) -> Result<(jiff::civil::DateTime, jiff::civil::DateTime)> {
        let start = self.start.on(date)?;
        let end = if self.crosses_midnight() { self.end.on(date.tomorrow()?)? } else { self.end.on(date)? };
        Ok((start, end))
    }

    fn validate(&self) -> Result<()> {
        if self.start == ClockTime::END_OF_DAY {
            return Err(ScheduleError::BadClockTime { value: "24:00 as a start".into() });
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agent {
    pub id: String,
    pub name: String,
    /// IANA zone the agent's shifts are written in.
    pub time_zone: String,
    /// ISO 3166-1 alpha-2 market whose public holidays the agent keeps; when absent, the
    /// country of `time_zone`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub languages: Vec<LanguageSkill>,
    #[serde(default)]
    pub shifts: Vec<Shift>,
    /// Local dates the agent does not work (a shift starting that day is off).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub days_off: BTreeSet<Date>,
}

impl Agent {
    /// How well the agent speaks `language` (any tag; compared by primary subtag).
    pub fn proficiency(&self, language: &str) -> Option<Proficiency> {
        let wanted = primary_language(language);
        self.languages.iter().filter(|l| primary_language(&l.language) == wanted).map(|l| l.proficiency).max()
    }

    /// The market whose holidays apply: the explicit country, else the zone's country.
    pub fn market(&self) -> Option<String> {
        if let Some(c) = self.country.as_deref().filter(|c| !c.trim().is_empty()) {
            return Some(c.trim().to_ascii_uppercase());
        }
        let tz = jiff::tz::TimeZone::get(&self.time_zone).ok()?;
        tz.location().map(|l| l.country().to_owned())
    }
}

/// When a store or market answers: weekly windows in its zone, minus its public holidays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessHours {
    /// A market ("ES") or a store key; what conversations refer to.
    pub market: String,
    pub time_zone: String,
    /// Whose public holidays close the business; `market` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holidays: Option<String>,
    pub hours: Vec<Shift>,
}

impl BusinessHours {
    pub fn holiday_country(&self) -> String {
        self.holidays.clone().unwrap_or_else(|| self.market.clone()).to_ascii_uppercase()
    }
}

/// Everything the planner needs to know about the people and the calendar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub agents: Vec<Agent>,
    /// Public holidays by ISO 3166-1 alpha-2 country, as local dates.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub holidays: BTreeMap<String, BTreeSet<Date>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub business_hours: Vec<BusinessHours>,
}

impl Team {
    /// Checks what a planner relies on: agents exist and are unique, every zone is known,
    /// every shift is a real window.
    pub fn validate(&self) -> Result<()> {
        if self.agents.is_empty() {
            return Err(ScheduleError::EmptyTeam);
        }
        let mut seen = BTreeSet::new();
        for a in &self.agents {
            if !seen.insert(a.id.as_str()) {
                return Err(ScheduleError::DuplicateAgent(a.id.clone()));
            }
            time_zone(&a.time_zone).map_err(|_| ScheduleError::AgentZone { agent: a.id.clone(), zone: a.time_zone.clone() })?;
            for s in &a.shifts {
                s.validate()?;
            }
        }
        for b in &self.business_hours {
            time_zone(&b.time_zone)?;
            for s in &b.hours {
                s.validate()?;
            }
        }
        Ok(())
    }

    /// Every language someone in the team speaks at `at_least`, sorted.
    pub fn languages(&self, at_least: Proficiency) -> BTreeSet<String> {
        self.agents
            .iter()
            .flat_map(|a| a.languages.iter())
            .filter(|l| l.proficiency >= at_least)
            .map(|l| primary_language(&l.language))
            .collect()
    }

    pub fn is_holiday(&self, country: &str, date: Date) -> bool {
        self.holidays.get(&country.to_ascii_uppercase()).is_some_and(|d| d.contains(&date))
    }

    pub fn business_hours(&self, market: &str) -> Option<&BusinessHours> {
        self.business_hours.iter().find(|b| b.market.eq_ignore_ascii_case(market))
    }

    /// Whether `agent` works a shift starting on the local `date`: not a day off, not a
    /// public holiday of their market.
    pub fn works_on(&self, agent: &Agent, market: Option<&str>, date: Date) -> bool {
        !agent.days_off.contains(&date) && !market.is_some_and(|m| self.is_holiday(m, date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_parse_and_print() {
        let cases = [("09:00", Some(540)), ("9:30", Some(570)), ("24:00", Some(1440)), ("00:00", Some(0)), ("24:01", None), ("12:60", None), ("1200", None), ("", None), ("ab:cd", None), ("12:5", None)];
        for (text, want) in cases {
            let got = text.parse::<ClockTime>().ok().map(ClockTime::minutes);
            assert_eq!(got, want, "{text:?}");
        }
        assert_eq!(ClockTime::hm(7, 5).to_string(), "07:05");
    }

    #[test]
    fn weekdays_read_short_and_long_names() {
        let cases = [("mon", Some(Weekday::Monday)), ("Sunday", Some(Weekday::Sunday)), ("FRI", Some(Weekday::Friday)), ("fr", None), ("monkey", None), ("", None)];
        for (text, want) in cases {
            assert_eq!(parse_weekday(text).ok(), want, "{text:?}");
        }
    }

    #[test]
    fn shifts_crossing_midnight_end_the_next_day() {
        let d = Date::constant(2026, 3, 6);
        let cases = [
            (ClockTime::hm(22, 0), ClockTime::hm(6, 0), "2026-03-06T22:00:00", "2026-03-07T06:00:00"),
            (ClockTime::hm(9, 0), ClockTime::hm(17, 0), "2026-03-06T09:00:00", "2026-03-06T17:00:00"),
            (ClockTime::hm(16, 0), ClockTime::END_OF_DAY, "2026-03-06T16:00:00", "2026-03-07T00:00:00"),
            (ClockTime::MIDNIGHT, ClockTime::MIDNIGHT, "2026-03-06T00:00:00", "2026-03-07T00:00:00"),
        ];
        for (start, end, s, e) in cases {
            let (a, b) = Shift::new(Weekday::Friday, start, end).local_bounds(d).unwrap();
            assert_eq!((a.to_string(), b.to_string()), (s.to_string(), e.to_string()), "{start}–{end}");
        }
    }

    #[test]
    fn team_files_round_trip_and_validate() {
        let json = r#"{
            "agents": [{"id": "ana", "name": "Ana", "time_zone": "Europe/Madrid",
                        "languages": [{"language": "es", "proficiency": "native"}, {"language": "en-GB", "proficiency": "fluent"}],
                        "shifts": [{"day": "mon", "start": "09:00", "end": "17:00"}, {"day": "fri", "start": "22:00", "end": "02:00"}],
                        "days_off": ["2026-12-24"]}],
            "holidays": {"ES": ["2026-12-25"]}
        }"#;
        let team: Team = serde_json::from_str(json).unwrap();
        team.validate().unwrap();
        assert_eq!(team.agents[0].proficiency("en-US"), Some(Proficiency::Fluent));
        assert_eq!(team.agents[0].proficiency("fr"), None);
        assert_eq!(team.agents[0].market().as_deref(), Some("ES"));
        assert!(team.is_holiday("es", Date::constant(2026, 12, 25)));
        let again: Team = serde_json::from_str(&serde_json::to_string(&team).unwrap()).unwrap();
        assert_eq!(again, team);

        let mut bad = team.clone();
        bad.agents[0].time_zone = "Europe/Atlantis".into();
        assert!(matches!(bad.validate(), Err(ScheduleError::AgentZone { .. })));
        let mut twice = team.clone();
        twice.agents.push(team.agents[0].clone());
        assert_eq!(twice.validate(), Err(ScheduleError::DuplicateAgent("ana".into())));
        assert_eq!(Team::default().validate(), Err(ScheduleError::EmptyTeam));
        assert!(serde_json::from_str::<Shift>(r#"{"day": "someday", "start": "09:00", "end": "10:00"}"#).is_err());
    }
}
