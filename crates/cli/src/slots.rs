//! `meridian slots`: proposes callback times for a customer, from the team in the store or
//! in a JSON file, as JSON lines. Parses, converts store records into the planner's team,
//! prints; the planning itself is `meridian_schedule::plan`.

use anyhow::{bail, Context, Result};
use jiff::Timestamp;
use meridian_schedule::team::{parse_weekday, Agent, BusinessHours, LanguageSkill, Proficiency, Shift, Team};
use meridian_schedule::{plan, ClockTime, SlotOptions, SlotRequest};
use meridian_store::{Store, TeamCalendar, WeeklyWindow};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const TEAM_FILE_HELP: &str = r#"Team file (--team), JSON:
  {
    "agents": [
      { "id": "lucia", "name": "Lucía Ortega", "time_zone": "Europe/Madrid",
        "country": "ES",                                  (optional: whose holidays apply;
                                                           default: the zone's country)
        "languages": [ { "language": "es", "proficiency": "native" },
                       { "language": "en", "proficiency": "fluent" } ],
                                                          (basic | conversational | fluent | native;
                                                           calls need conversational or better)
        "shifts": [ { "day": "mon", "start": "08:00", "end": "16:00" },
                    { "day": "fri", "start": "22:00", "end": "02:00" } ],
                                                          (the agent's own clock; an end before
                                                           the start runs past midnight)
        "days_off": [ "2026-12-24" ] }                    (optional, local dates)
    ],
    "holidays": { "ES": [ "2026-12-25" ] }                (optional, by country)
  }

Output: one JSON object per line, earliest first:
  {"start_utc":"2026-03-10T14:00:00Z","customer_local":"2026-03-10T10:00:00-04:00",
   "customer_time_zone":"America/New_York","agent_id":"jonas",
   "agent_time_zone":"Europe/Berlin","agent_local":"2026-03-10T15:00:00+01:00"}
"#;

#[derive(clap::Args)]
#[command(after_help = TEAM_FILE_HELP)]
pub struct SlotsArgs {
    /// The customer's IANA time zone, such as America/New_York.
    #[arg(long = "customer-tz", value_name = "ZONE")]
    customer_tz: String,
    /// The conversation's language (ISO 639-1 such as es; es-MX counts as es).
    #[arg(long, value_name = "LANG")]
    language: String,
    /// The earliest start, RFC 3339 with an offset (2026-03-10T09:00:00+01:00). Defaults to now.
    #[arg(long, value_name = "RFC3339")]
    from: Option<String>,
    /// How many days ahead to look.
    #[arg(long, default_value_t = 7)]
    days: u32,
    /// Read the team from this JSON file (shape below) instead of the database.
    #[arg(long, value_name = "FILE", conflicts_with = "db")]
    team: Option<PathBuf>,
    /// Database with the team: a SQLite file path or a postgres:// URL. Defaults to the user's data directory.
    #[arg(long, value_name = "URL")]
    db: Option<String>,
    /// Print at most this many slots (0: all).
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// The customer's reasonable hours on their own clock.
    #[arg(long, value_name = "HH:MM-HH:MM", default_value = "09:00-20:00")]
    hours: String,
    /// Propose times on the customer's weekend too (they asked for it).
    #[arg(long)]
    weekend: bool,
    /// Length of a callback in minutes.
    #[arg(long, value_name = "MINUTES", default_value_t = 30)]
    slot_minutes: u16,
}

pub async fn run(args: SlotsArgs) -> Result<()> {
    let from = match &args.from {
        Some(text) => parse_from(text)?,
        None => Timestamp::now(),
    };
    let customer_hours = parse_hours(&args.hours)?;
    let team = match &args.team {
        Some(path) => read_team_file(path)?,
        None => read_team_db(args.db.as_deref()).await?,
    };
    let options = SlotOptions {
        customer_hours,
        slot_minutes: args.slot_minutes,
        include_weekend: args.weekend,
        limit: (args.limit > 0).then_some(args.limit),
        ..Default::default()
    };
    let request = SlotRequest { customer_time_zone: &args.customer_tz, language: &args.language, from, days: args.days };
    let slots = plan(&team, &request, &options)?;
    if slots.is_empty() {
        eprintln!("no slot in the next {} days: nobody who speaks {:?} is on shift during the customer's hours", args.days, args.language);
    }
    let mut out = std::io::stdout().lock();
    for s in &slots {
        let line = SlotLine {
            start_utc: s.start_utc.to_string(),
            customer_local: s.customer_local_rfc3339(),
            customer_time_zone: s.customer_time_zone(),
            agent_id: &s.agent_id,
            agent_time_zone: s.agent_time_zone(),
            agent_local: s.agent_local_rfc3339(),
        };
        use std::io::Write;
        writeln!(out, "{}", serde_json::to_string(&line)?)?;
    }
    Ok(())
}

/// One printed slot, fields in this order.
#[derive(serde::Serialize)]
struct SlotLine<'a> {
    start_utc: String,
    customer_local: String,
    customer_time_zone: &'a str,
    agent_id: &'a str,
    agent_time_zone: &'a str,
    agent_local: String,
}

fn parse_from(text: &str) -> Result<Timestamp> {
    text.trim().parse().map_err(|_| anyhow::anyhow!("--from {text:?} is not an RFC 3339 time with an offset, such as 2026-03-10T09:00:00+01:00 or 2026-03-10T08:00:00Z"))
}

fn parse_hours(text: &str) -> Result<(ClockTime, ClockTime)> {
    let bad = || anyhow::anyhow!("--hours {text:?} is not a range of times such as 09:00-20:00");
    let (a, b) = text.split_once('-').ok_or_else(bad)?;
    let (a, b): (ClockTime, ClockTime) = (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
    if a >= b {
        return Err(bad());
    }
    Ok((a, b))
}

fn read_team_file(path: &Path) -> Result<Team> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading the team file {}", path.display()))?;
    let team: Team = serde_json::from_str(&text).with_context(|| format!("{} is not a team file (see `meridian slots --help`)", path.display()))?;
    check(&team).with_context(|| format!("in the team file {}", path.display()))?;
    Ok(team)
}

async fn read_team_db(db: Option<&str>) -> Result<Team> {
    let location = db.map(str::to_owned).unwrap_or_else(|| meridian_store::default_location().display().to_string());
    if !location.contains("://") && !PathBuf::from(&location).exists() {
        bail!("no store at {location}; create one with `meridian seed --demo --db {location}`, or pass --team FILE");
    }
    let store = Store::open(&location).await.with_context(|| format!("opening {location}"))?;
    let agents = store.agents().await.with_context(|| format!("reading the team from {location}"))?;
    let calendar = store.team_calendar().await.with_context(|| format!("reading the team calendar from {location}"))?;
    store.close().await;
    let team = team_from_store(agents, calendar).with_context(|| format!("reading the team calendar from {location}"))?;
    check(&team).with_context(|| format!("in the store at {location} (seed one with `meridian seed --demo`, or pass --team FILE)"))?;
    Ok(team)
}

/// What the planner needs from any team: people, valid zones, and shifts.
fn check(team: &Team) -> Result<()> {
    team.validate()?;
    if team.agents.iter().all(|a| a.shifts.is_empty()) {
        bail!("no agent in the team has shifts");
    }
    Ok(())
}

/// Turns the store's records into the planner's team. Agents without stored proficiencies
/// (a store from before the team calendar) count as fluent in the languages they list.
fn team_from_store(agents: Vec<meridian_store::Agent>, calendar: TeamCalendar) -> Result<Team> {
    let mut by_id: BTreeMap<String, meridian_store::AgentCalendar> = calendar.agents.into_iter().map(|a| (a.agent_id.clone(), a)).collect();
    let mut team = Team::default();
    for a in agents {
        let cal = by_id.remove(&a.id);
        let languages = match &cal {
            Some(c) if !c.languages.is_empty() => c
                .languages
                .iter()
                .map(|l| Ok(LanguageSkill { language: l.language.clone(), proficiency: l.proficiency.parse::<Proficiency>()? }))
                .collect::<Result<Vec<_>>>()?,
            _ => a.languages.iter().map(|l| LanguageSkill { language: l.clone(), proficiency: Proficiency::Fluent }).collect(),
        };
        let shifts = cal.as_ref().map(|c| c.shifts.iter().map(shift).collect::<Result<Vec<_>>>()).transpose()?.unwrap_or_default();
        team.agents.push(Agent {
            id: a.id,
            name: a.name,
            time_zone: a.time_zone,
            country: cal.as_ref().and_then(|c| c.country.clone()),
            languages,
            shifts,
            days_off: cal.map(|c| c.days_off.into_iter().collect()).unwrap_or_default(),
        });
    }
    for h in calendar.holidays {
        team.holidays.entry(h.country).or_insert_with(BTreeSet::new).insert(h.date);
    }
    for b in calendar.business {
        team.business_hours.push(BusinessHours {
            market: b.market,
            time_zone: b.time_zone,
            holidays: b.holidays_country,
            hours: b.hours.iter().map(shift).collect::<Result<_>>()?,
        });
    }
    Ok(team)
}

fn shift(w: &WeeklyWindow) -> Result<Shift> {
    Ok(Shift::new(parse_weekday(&w.weekday)?, w.start.parse()?, w.end.parse()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_checked() {
        assert!(parse_from("2026-03-10T09:00:00+01:00").is_ok());
        assert!(parse_from("2026-03-10T08:00:00Z").is_ok());
        for bad in ["2026-03-10T09:00:00", "tomorrow", "2026-13-10T09:00:00Z", ""] {
            assert!(parse_from(bad).unwrap_err().to_string().contains("RFC 3339"), "{bad}");
        }
        assert_eq!(parse_hours("08:30-21:00").unwrap(), (ClockTime::hm(8, 30), ClockTime::hm(21, 0)));
        for bad in ["20:00-09:00", "9-17", "09:00", "09:00-25:00"] {
            assert!(parse_hours(bad).is_err(), "{bad}");
        }
    }
}
