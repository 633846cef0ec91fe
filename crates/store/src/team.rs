//! The team calendar as stored: each agent's market, languages with proficiency, weekly
//! shifts and days off; public holidays per country; business hours per store or market.
//! Stores and returns records; what they mean (time zones, shifts across midnight, slots)
//! is `meridian-schedule`'s business, converted by the CLI and the app.

use crate::error::Doing;
use crate::{Result, Store, StoreError};
use serde::{Deserialize, Serialize};
use sqlx::{Any, Row, Transaction};

/// One agent's calendar. The agent itself (name, zone) is an `Agent` in `agents`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AgentCalendar {
    pub agent_id: String,
    /// ISO 3166-1 alpha-2 market whose holidays the agent keeps; `None`: their zone's country.
    pub country: Option<String>,
    /// Most fluent first.
    pub languages: Vec<AgentLanguage>,
    pub shifts: Vec<WeeklyWindow>,
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub days_off: Vec<jiff::civil::Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AgentLanguage {
    /// ISO 639-1.
    pub language: String,
    /// "basic", "conversational", "fluent" or "native".
    pub proficiency: String,
}

/// A window on a local clock, every week: "mon" 09:00–17:00. An end not after the start
/// runs past midnight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WeeklyWindow {
    /// "mon" … "sun".
    pub weekday: String,
    /// "HH:MM".
    pub start: String,
    /// "HH:MM", up to "24:00".
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Holiday {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: jiff::civil::Date,
    pub name: String,
}

/// When a store or market is open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BusinessCalendarRecord {
    /// A market ("ES") or a store key.
    pub market: String,
    pub time_zone: String,
    /// Whose public holidays close it; the market itself when `None`.
    pub holidays_country: Option<String>,
    pub hours: Vec<WeeklyWindow>,
}

/// The whole calendar: what `save_team_calendar` writes and `team_calendar` reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamCalendar {
    /// One per agent in the store when read (agents without a calendar have empty lists).
    pub agents: Vec<AgentCalendar>,
    pub holidays: Vec<Holiday>,
    pub business: Vec<BusinessCalendarRecord>,
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const PROFICIENCIES: [&str; 4] = ["basic", "conversational", "fluent", "native"];

/// "HH:MM" from 00:00 to 24:00.
fn is_clock_time(s: &str) -> bool {
    let Some((h, m)) = s.split_once(':') else { return false };
    if h.len() != 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return false;
    }
    let (h, m): (u32, u32) = (h.parse().unwrap_or(99), m.parse().unwrap_or(99));
    m < 60 && (h < 24 || (h == 24 && m == 0))
}

fn check_window(w: &WeeklyWindow) -> Result<()> {
    if !WEEKDAYS.contains(&w.weekday.as_str()) {
        return Err(StoreError::Invalid { what: "weekday", detail: w.weekday.clone() });
    }
    for t in [&w.start, &w.end] {
        if !is_clock_time(t) {
            return Err(StoreError::Invalid { what: "time of day", detail: t.clone() });
        }
    }
    if w.start == "24:00" {
        return Err(StoreError::Invalid { what: "time of day", detail: "a window cannot start at 24:00".into() });
    }
    Ok(())
}

fn index_of(agents: &[AgentCalendar], id: &str) -> Option<usize> {
    agents.iter().position(|a| a.agent_id == id)
}

fn date(s: &str) -> Result<jiff::civil::Date> {
    s.parse().map_err(|_| StoreError::Invalid { what: "date", detail: s.to_owned() })
}

impl Store {
    /// Writes a team calendar in one transaction (see `Writer::save_team_calendar`).
    pub async fn save_team_calendar(&self, cal: &TeamCalendar) -> Result<()> {
        let mut w = self.writer().await?;
        w.save_team_calendar(cal).await?;
        w.commit().await
    }

    /// The whole team calendar: every agent (in id order), all holidays, all markets.
    pub async fn team_calendar(&self) -> Result<TeamCalendar> {
        let pool = self.pool();
        let mut agents: Vec<AgentCalendar> = Vec::new();
        for r in sqlx::query("SELECT id, country FROM agents ORDER BY id").fetch_all(pool).await.doing("reading agents")? {
            agents.push(AgentCalendar {
                agent_id: r.try_get("id").doing("reading agents")?,
                country: r.try_get("country").doing("reading agents")?,
                languages: vec![],
                shifts: vec![],
                days_off: vec![],
            });
        }
        let rows = sqlx::query("SELECT agent_id, language, proficiency FROM agent_languages ORDER BY agent_id, position")
            .fetch_all(pool)
            .await
            .doing("reading agent languages")?;
        for r in rows {
            let id: String = r.try_get("agent_id").doing("reading agent languages")?;
            if let Some(i) = index_of(&agents, &id) {
                agents[i].languages.push(AgentLanguage {
                    language: r.try_get("language").doing("reading agent languages")?,
                    proficiency: r.try_get("proficiency").doing("reading agent languages")?,
                });
            }
        }
        let rows = sqlx::query("SELECT agent_id, weekday, starts, ends FROM agent_shifts ORDER BY agent_id, id").fetch_all(pool).await.doing("reading shifts")?;
        for r in rows {
            let id: String = r.try_get("agent_id").doing("reading shifts")?;
            if let Some(i) = index_of(&agents, &id) {
                agents[i].shifts.push(WeeklyWindow {
                    weekday: r.try_get("weekday").doing("reading shifts")?,
                    start: r.try_get("starts").doing("reading shifts")?,
                    end: r.try_get("ends").doing("reading shifts")?,
                });
            }
        }
        let rows = sqlx::query("SELECT agent_id, on_date FROM agent_days_off ORDER BY agent_id, on_date").fetch_all(pool).await.doing("reading days off")?;
        for r in rows {
            let id: String = r.try_get("agent_id").doing("reading days off")?;
            let day: String = r.try_get("on_date").doing("reading days off")?;
            if let Some(i) = index_of(&agents, &id) {
                agents[i].days_off.push(date(&day)?);
            }
        }
        let mut holidays = Vec::new();
        for r in sqlx::query("SELECT country, on_date, name FROM public_holidays ORDER BY country, on_date").fetch_all(pool).await.doing("reading holidays")? {
            let day: String = r.try_get("on_date").doing("reading holidays")?;
            holidays.push(Holiday { country: r.try_get("country").doing("reading holidays")?, date: date(&day)?, name: r.try_get("name").doing("reading holidays")? });
        }
        let mut business: Vec<BusinessCalendarRecord> = Vec::new();
        for r in sqlx::query("SELECT market, time_zone, holidays_country FROM business_calendars ORDER BY market").fetch_all(pool).await.doing("reading business calendars")? {
            business.push(BusinessCalendarRecord {
                market: r.try_get("market").doing("reading business calendars")?,
                time_zone: r.try_get("time_zone").doing("reading business calendars")?,
                holidays_country: r.try_get("holidays_country").doing("reading business calendars")?,
                hours: vec![],
            });
        }
        for r in sqlx::query("SELECT market, weekday, opens, closes FROM business_hours ORDER BY market, id").fetch_all(pool).await.doing("reading business hours")? {
            let market: String = r.try_get("market").doing("reading business hours")?;
            if let Some(b) = business.iter_mut().find(|b| b.market == market) {
                b.hours.push(WeeklyWindow {
                    weekday: r.try_get("weekday").doing("reading business hours")?,
                    start: r.try_get("opens").doing("reading business hours")?,
                    end: r.try_get("closes").doing("reading business hours")?,
                });
            }
        }
        Ok(TeamCalendar { agents, holidays, business })
    }
}

async fn save_agent(tx: &mut Transaction<'static, Any>, a: &AgentCalendar) -> Result<()> {
    let found = sqlx::query("SELECT languages FROM agents WHERE id = $1").bind(&a.agent_id).fetch_optional(&mut **tx).await.doing("finding an agent")?;
    let Some(row) = found else {
        return Err(StoreError::NotFound { what: "agent", id: a.agent_id.clone() });
    };
    // `agents.languages` keeps the codes, most fluent first, in step with the proficiencies.
    let codes = if a.languages.is_empty() {
        row.try_get::<String, _>("languages").doing("finding an agent")?
    } else {
        a.languages.iter().map(|l| l.language.as_str()).collect::<Vec<_>>().join(",")
    };
    sqlx::query("UPDATE agents SET country = $1, languages = $2 WHERE id = $3")
        .bind(&a.country)
        .bind(codes)
        .bind(&a.agent_id)
        .execute(&mut **tx)
        .await
        .doing("updating an agent")?;
    sqlx::query("DELETE FROM agent_languages WHERE agent_id = $1").bind(&a.agent_id).execute(&mut **tx).await.doing("replacing agent languages")?;
    sqlx::query("DELETE FROM agent_shifts WHERE agent_id = $1").bind(&a.agent_id).execute(&mut **tx).await.doing("replacing shifts")?;
    sqlx::query("DELETE FROM agent_days_off WHERE agent_id = $1").bind(&a.agent_id).execute(&mut **tx).await.doing("replacing days off")?;
    for (position, l) in a.languages.iter().enumerate() {
        sqlx::query("INSERT INTO agent_languages (agent_id, language, proficiency, position) VALUES ($1, $2, $3, $4)")
            .bind(&a.agent_id)
            .bind(&l.language)
            .bind(&l.proficiency)
            .bind(position as i64)
            .execute(&mut **tx)
            .await
            .doing("adding an agent language")?;
    }
    for w in &a.shifts {
        sqlx::query("INSERT INTO agent_shifts (agent_id, weekday, starts, ends) VALUES ($1, $2, $3, $4)")
            .bind(&a.agent_id)
            .bind(&w.weekday)
            .bind(&w.start)
            .bind(&w.end)
            .execute(&mut **tx)
            .await
            .doing("adding a shift")?;
    }
    let mut days = a.days_off.clone();
    days.sort();
    days.dedup();
    for d in days {
        sqlx::query("INSERT INTO agent_days_off (agent_id, on_date) VALUES ($1, $2)")
            .bind(&a.agent_id)
            .bind(d.to_string())
            .execute(&mut **tx)
            .await
            .doing("adding a day off")?;
    }
    Ok(())
}

impl crate::Writer {
    /// Writes a team calendar as part of this write. It replaces, for each agent it lists, that
    /// agent's market, languages, shifts and days off; for each country it lists holidays of,
    /// that country's holidays; for each market it lists, that market's hours. Anything it
    /// does not name stays as it was. Every agent must already exist.
    pub async fn save_team_calendar(&mut self, cal: &TeamCalendar) -> Result<()> {
        for a in &cal.agents {
            a.shifts.iter().try_for_each(check_window)?;
            if let Some(l) = a.languages.iter().find(|l| !PROFICIENCIES.contains(&l.proficiency.as_str())) {
                return Err(StoreError::Invalid { what: "proficiency", detail: l.proficiency.clone() });
            }
        }
        for b in &cal.business {
            b.hours.iter().try_for_each(check_window)?;
        }
        let tx = &mut self.tx;
        for a in &cal.agents {
            save_agent(tx, a).await?;
        }
        let mut countries: Vec<&str> = cal.holidays.iter().map(|h| h.country.as_str()).collect();
        countries.sort_unstable();
        countries.dedup();
        for country in countries {
            sqlx::query("DELETE FROM public_holidays WHERE country = $1").bind(country).execute(&mut **tx).await.doing("replacing holidays")?;
        }
        for h in &cal.holidays {
            sqlx::query(
                "INSERT INTO public_holidays (country, on_date, name) VALUES ($1, $2, $3)
                 ON CONFLICT (country, on_date) DO UPDATE SET name = excluded.name",
            )
            .bind(&h.country)
            .bind(h.date.to_string())
            .bind(&h.name)
            .execute(&mut **tx)
            .await
            .doing("adding a holiday")?;
        }
        for b in &cal.business {
            sqlx::query("DELETE FROM business_hours WHERE market = $1").bind(&b.market).execute(&mut **tx).await.doing("replacing business hours")?;
            sqlx::query(
                "INSERT INTO business_calendars (market, time_zone, holidays_country) VALUES ($1, $2, $3)
                 ON CONFLICT (market) DO UPDATE SET time_zone = excluded.time_zone, holidays_country = excluded.holidays_country",
            )
            .bind(&b.market)
            .bind(&b.time_zone)
            .bind(&b.holidays_country)
            .execute(&mut **tx)
            .await
            .doing("saving a business calendar")?;
            for w in &b.hours {
                sqlx::query("INSERT INTO business_hours (market, weekday, opens, closes) VALUES ($1, $2, $3, $4)")
                    .bind(&b.market)
                    .bind(&w.weekday)
                    .bind(&w.start)
                    .bind(&w.end)
                    .execute(&mut **tx)
                    .await
                    .doing("adding business hours")?;
            }
        }
        Ok(())
    }

}

