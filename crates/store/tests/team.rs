//! The team calendar's contract, on both backends: what is saved is read back the same,
//! saving replaces only what it names, and a bad calendar changes nothing.

use jiff::civil::Date;
use meridian_store::{Agent, AgentCalendar, AgentLanguage, BusinessCalendarRecord, Holiday, StoreError, TeamCalendar, WeeklyWindow};
use meridian_testkit::{Backend, TestStore};

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite { $( #[tokio::test] async fn $name() { super::$name(meridian_testkit::Backend::Sqlite).await } )* }
        mod postgres { $( #[tokio::test] async fn $name() { if meridian_testkit::skip_pg() { return; } super::$name(meridian_testkit::Backend::Postgres).await } )* }
    };
}

on_both_backends!(
    calendar_round_trips,
    saving_replaces_only_what_it_names,
    a_bad_calendar_changes_nothing,
    the_demo_import_writes_the_team,
);

fn window(day: &str, start: &str, end: &str) -> WeeklyWindow {
    WeeklyWindow { weekday: day.into(), start: start.into(), end: end.into() }
}

fn lang(code: &str, level: &str) -> AgentLanguage {
    AgentLanguage { language: code.into(), proficiency: level.into() }
}

async fn with_agents(b: Backend) -> TestStore {
    let t = TestStore::new(b).await;
    let mut w = t.store.writer().await.unwrap();
    for (id, tz) in [("ana", "Europe/Madrid"), ("ben", "America/New_York"), ("kai", "Asia/Tokyo")] {
        w.insert_agent(&Agent { id: id.into(), name: id.to_uppercase(), time_zone: tz.into(), languages: vec!["en".into()] }).await.unwrap();
    }
    w.commit().await.unwrap();
    t
}

fn calendar() -> TeamCalendar {
    TeamCalendar {
        agents: vec![
            AgentCalendar {
                agent_id: "ana".into(),
                country: Some("ES".into()),
                languages: vec![lang("es", "native"), lang("en", "fluent"), lang("fr", "conversational")],
                shifts: vec![window("mon", "09:00", "17:00"), window("fri", "22:00", "02:00"), window("sat", "16:00", "24:00")],
                days_off: vec![Date::constant(2026, 12, 24), Date::constant(2026, 12, 31)],
            },
            AgentCalendar {
                agent_id: "ben".into(),
                country: None,
                languages: vec![lang("en", "native")],
                shifts: vec![window("tue", "08:30", "16:30")],
                days_off: vec![],
            },
        ],
        holidays: vec![
            Holiday { country: "DE".into(), date: Date::constant(2026, 10, 3), name: "Tag der Deutschen Einheit".into() },
            Holiday { country: "ES".into(), date: Date::constant(2026, 12, 25), name: "Navidad".into() },
        ],
        business: vec![BusinessCalendarRecord {
            market: "ES".into(),
            time_zone: "Europe/Madrid".into(),
            holidays_country: None,
            hours: vec![window("mon", "09:00", "18:00"), window("tue", "09:00", "18:00")],
        }],
    }
}

async fn calendar_round_trips(b: Backend) {
    let t = with_agents(b).await;
    let cal = calendar();
    t.store.save_team_calendar(&cal).await.unwrap();
    let back = t.store.team_calendar().await.unwrap();
    // Every agent is listed, in id order; kai has no calendar yet.
    let ids: Vec<&str> = back.agents.iter().map(|a| a.agent_id.as_str()).collect();
    assert_eq!(ids, ["ana", "ben", "kai"]);
    assert_eq!(back.agents[0], cal.agents[0]);
    assert_eq!(back.agents[1], cal.agents[1]);
    assert_eq!(back.agents[2], AgentCalendar { agent_id: "kai".into(), country: None, languages: vec![], shifts: vec![], days_off: vec![] });
    assert_eq!(back.holidays, cal.holidays);
    assert_eq!(back.business, cal.business);
    // The agent list keeps the language codes in step, most fluent first.
    let agents = t.store.agents().await.unwrap();
    assert_eq!(agents[0].languages, ["es", "en", "fr"]);
    assert_eq!(agents[2].languages, ["en"], "an agent without a calendar keeps its languages");
}

async fn saving_replaces_only_what_it_names(b: Backend) {
    let t = with_agents(b).await;
    t.store.save_team_calendar(&calendar()).await.unwrap();
    let update = TeamCalendar {
        agents: vec![AgentCalendar {
            agent_id: "ana".into(),
            country: Some("PT".into()),
            languages: vec![lang("pt", "fluent")],
            shifts: vec![window("sun", "10:00", "14:00")],
            days_off: vec![Date::constant(2027, 1, 1), Date::constant(2027, 1, 1)],
        }],
        holidays: vec![Holiday { country: "ES".into(), date: Date::constant(2027, 1, 6), name: "Reyes".into() }],
        business: vec![BusinessCalendarRecord { market: "ES".into(), time_zone: "Atlantic/Canary".into(), holidays_country: Some("ES".into()), hours: vec![window("wed", "10:00", "14:00")] }],
    };
    t.store.save_team_calendar(&update).await.unwrap();
    let back = t.store.team_calendar().await.unwrap();
    let ana = &back.agents[0];
    assert_eq!(ana.country.as_deref(), Some("PT"));
    assert_eq!(ana.languages, update.agents[0].languages);
    assert_eq!(ana.shifts, update.agents[0].shifts);
    assert_eq!(ana.days_off, [Date::constant(2027, 1, 1)], "a repeated day is stored once");
    assert_eq!(back.agents[1], calendar().agents[1], "ben was not named: unchanged");
    let holidays: Vec<(&str, String)> = back.holidays.iter().map(|h| (h.country.as_str(), h.date.to_string())).collect();
    assert_eq!(holidays, [("DE", "2026-10-03".to_string()), ("ES", "2027-01-06".to_string())], "Spain's list replaced, Germany's kept");
    assert_eq!(back.business, update.business);
}

async fn a_bad_calendar_changes_nothing(b: Backend) {
    let t = with_agents(b).await;
    t.store.save_team_calendar(&calendar()).await.unwrap();
    let before = t.store.team_calendar().await.unwrap();

    let mut ghost = calendar();
    ghost.agents[0].shifts.clear();
    ghost.agents.push(AgentCalendar { agent_id: "nobody".into(), country: None, languages: vec![], shifts: vec![], days_off: vec![] });
    match t.store.save_team_calendar(&ghost).await {
        Err(StoreError::NotFound { what: "agent", id }) => assert_eq!(id, "nobody"),
        other => panic!("{other:?}"),
    }
    let bad_inputs = [
        ("weekday", window("someday", "09:00", "10:00"), "native"),
        ("time of day", window("mon", "25:00", "10:00"), "native"),
        ("time of day", window("mon", "9:00", "10:00"), "native"),
        ("time of day", window("mon", "24:00", "10:00"), "native"),
        ("proficiency", window("mon", "09:00", "10:00"), "great"),
    ];
    for (what, w, level) in bad_inputs {
        let mut bad = calendar();
        bad.agents[0].shifts = vec![w.clone()];
        bad.agents[0].languages = vec![lang("es", level)];
        match t.store.save_team_calendar(&bad).await {
            Err(StoreError::Invalid { what: got, .. }) => assert_eq!(got, what, "{w:?} {level}"),
            other => panic!("{w:?} {level}: {other:?}"),
        }
    }
    assert_eq!(t.store.team_calendar().await.unwrap(), before, "nothing was written");
}

async fn the_demo_import_writes_the_team(b: Backend) {
    let (t, world) = TestStore::seeded(b).await;
    let cal = t.store.team_calendar().await.unwrap();
    assert_eq!(cal.agents.len(), world.agents.len());
    for a in &cal.agents {
        assert!(!a.shifts.is_empty(), "{} has shifts", a.agent_id);
        assert!(!a.languages.is_empty(), "{} has languages with proficiency", a.agent_id);
    }
    assert!(cal.agents.iter().any(|a| a.shifts.iter().any(|s| s.end <= s.start)), "some shift crosses midnight");
    assert!(cal.agents.iter().any(|a| !a.days_off.is_empty()), "someone has a day off");
    for country in ["ES", "DE", "US", "JP", "CN"] {
        assert!(cal.holidays.iter().any(|h| h.country == country), "holidays for {country}");
    }
    assert!(!cal.business.is_empty());
}
