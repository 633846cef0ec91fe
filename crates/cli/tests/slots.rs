//! `meridian slots` end to end: on the demo store's team and on a team file, the JSON lines
//! it prints, and the errors a user sees.

use jiff::Timestamp;
use std::process::{Command, Output};

fn meridian(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meridian")).args(args).env_remove("MERIDIAN_DB").output().expect("run meridian")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const NOW: &str = "2026-11-20T10:00:00Z";
const FIELDS: [&str; 6] = ["start_utc", "customer_local", "customer_time_zone", "agent_id", "agent_time_zone", "agent_local"];

/// The printed slots, each checked: the six fields in order, and both local times the same
/// instant as the UTC start.
fn slots(out: &Output) -> Vec<serde_json::Map<String, serde_json::Value>> {
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{line:?} is not JSON: {e}"));
            let obj = v.as_object().expect("an object per line").clone();
            let keys: Vec<&str> = FIELDS.iter().copied().filter(|k| line.contains(&format!("\"{k}\""))).collect();
            assert_eq!(keys, FIELDS, "{line}");
            let order: Vec<usize> = FIELDS.iter().map(|k| line.find(&format!("\"{k}\"")).unwrap()).collect();
            assert!(order.windows(2).all(|w| w[0] < w[1]), "fields in order: {line}");
            let at = |k: &str| obj[k].as_str().unwrap().parse::<Timestamp>().unwrap_or_else(|e| panic!("{k} in {line}: {e}"));
            assert_eq!(at("customer_local"), at("start_utc"), "{line}");
            assert_eq!(at("agent_local"), at("start_utc"), "{line}");
            obj
        })
        .collect()
}

fn s<'a>(o: &'a serde_json::Map<String, serde_json::Value>, k: &str) -> &'a str {
    o[k].as_str().unwrap()
}

#[test]
fn the_demo_team_proposes_slots_from_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let seeded = meridian(&["seed", "--demo", "--db", db, "--now", NOW]);
    assert!(seeded.status.success(), "{}", text(&seeded.stderr));

    let out = meridian(&["slots", "--customer-tz", "America/New_York", "--language", "es", "--from", NOW, "--days", "14", "--db", db, "--limit", "0"]);
    let found = slots(&out);
    // Lucía's last hour in Madrid and Diego's first in Mexico City, on ten weekdays.
    assert!(found.len() >= 20, "{}", found.len());
    let limited = slots(&meridian(&["slots", "--customer-tz", "America/New_York", "--language", "es", "--from", NOW, "--days", "14", "--db", db, "--limit", "5"]));
    assert_eq!(limited, found[..5].to_vec());
    let mut last = None;
    for o in &found {
        let start: Timestamp = s(o, "start_utc").parse().unwrap();
        assert!(start >= NOW.parse().unwrap());
        assert!(last.is_none_or(|l| l < start), "earliest first");
        last = Some(start);
        assert_eq!(s(o, "customer_time_zone"), "America/New_York");
        let local = &s(o, "customer_local")[11..16];
        assert!(("09:00"..="19:30").contains(&local), "{local} is outside 09:00–20:00");
        let day = start.to_zoned_datetime(jiff::tz::TimeZone::get("America/New_York").unwrap()).weekday();
        assert!(!matches!(day, jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday), "no weekend: {o:?}");
        assert!(["lucia", "diego"].contains(&s(o, "agent_id")), "only Spanish speakers: {o:?}");
    }
    let zones: std::collections::BTreeSet<&str> = found.iter().map(|o| s(o, "agent_time_zone")).collect();
    assert_eq!(zones, ["America/Mexico_City", "Europe/Madrid"].into_iter().collect(), "agents in two zones serve New York");

    // Japanese: Sato Yuki in Tokyo, never on the Labour Thanksgiving holiday (23 November).
    let ja = slots(&meridian(&["slots", "--customer-tz", "Asia/Tokyo", "--language", "ja", "--from", NOW, "--db", db, "--limit", "0"]));
    assert!(!ja.is_empty());
    assert!(ja.iter().all(|o| s(o, "agent_id") == "yuki"));
    assert!(ja.iter().all(|o| !s(o, "agent_local").starts_with("2026-11-23")), "a public holiday in Japan");
}

const TEAM: &str = r#"{
  "agents": [
    { "id": "jonas", "name": "Jonas Becker", "time_zone": "Europe/Berlin",
      "languages": [ { "language": "en", "proficiency": "fluent" }, { "language": "de", "proficiency": "native" } ],
      "shifts": [ { "day": "mon", "start": "15:00", "end": "23:00" }, { "day": "tue", "start": "15:00", "end": "23:00" } ] },
    { "id": "night", "name": "Night Desk", "time_zone": "UTC",
      "languages": [ { "language": "en", "proficiency": "native" } ],
      "shifts": [ { "day": "sun", "start": "00:00", "end": "00:00" } ] }
  ],
  "holidays": { "DE": [ "2026-03-10" ] }
}"#;

#[test]
fn a_team_file_gives_exact_slots() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team.json");
    std::fs::write(&team, TEAM).unwrap();
    let team = team.to_str().unwrap();

    // Monday 9 March 2026: New York is on EDT, Berlin still on CET, 5 hours apart; Tuesday is
    // a holiday in Germany.
    let out = meridian(&["slots", "--customer-tz", "America/New_York", "--language", "en-US", "--from", "2026-03-09T00:00:00Z", "--days", "2", "--team", team, "--limit", "2"]);
    let lines = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        lines,
        concat!(
            r#"{"start_utc":"2026-03-09T14:00:00Z","customer_local":"2026-03-09T10:00:00-04:00","customer_time_zone":"America/New_York","agent_id":"jonas","agent_time_zone":"Europe/Berlin","agent_local":"2026-03-09T15:00:00+01:00"}"#,
            "\n",
            r#"{"start_utc":"2026-03-09T14:30:00Z","customer_local":"2026-03-09T10:30:00-04:00","customer_time_zone":"America/New_York","agent_id":"jonas","agent_time_zone":"Europe/Berlin","agent_local":"2026-03-09T15:30:00+01:00"}"#,
            "\n"
        )
    );
    let all = slots(&meridian(&["slots", "--customer-tz", "America/New_York", "--language", "en", "--from", "2026-03-09T00:00:00Z", "--days", "2", "--team", team, "--limit", "0"]));
    assert_eq!(all.len(), 16, "10:00–17:30 on Monday only");
    assert!(all.iter().all(|o| s(o, "customer_local").starts_with("2026-03-09")));

    // Sunday 8 March, asked for at any hour: the night desk is on all day, but 02:00–03:00
    // does not exist in New York and 01:30 would end across the jump.
    let night = slots(&meridian(&[
        "slots", "--customer-tz", "America/New_York", "--language", "en", "--from", "2026-03-08T05:00:00Z", "--days", "1", "--team", team,
        "--hours", "00:00-24:00", "--weekend", "--limit", "0",
    ]));
    let times: Vec<&str> = night.iter().map(|o| &s(o, "customer_local")[11..16]).collect();
    assert!(times.contains(&"01:00") && times.contains(&"03:00"), "{times:?}");
    for missing in ["01:30", "02:00", "02:30"] {
        assert!(!night.iter().any(|o| s(o, "customer_local").starts_with(&format!("2026-03-08T{missing}"))), "{missing} proposed");
    }
}

#[test]
fn bad_input_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        p.to_str().unwrap().to_owned()
    };
    let team = write("team.json", TEAM);
    let empty = write("empty.json", r#"{"agents": []}"#);
    let no_shifts = write("idle.json", r#"{"agents": [{"id": "a", "name": "A", "time_zone": "UTC", "languages": [{"language": "en", "proficiency": "native"}]}]}"#);
    let bad_zone = write("zone.json", &TEAM.replace("Europe/Berlin", "Europe/Atlantis"));
    let junk = write("junk.json", "this is not JSON");
    let missing_db = dir.path().join("none.db");
    let missing_db = missing_db.to_str().unwrap();
    // arguments → words the error must contain
    let cases: &[(&[&str], &str)] = &[
        (&["--customer-tz", "Mars/Olympus_Mons", "--language", "en", "--team", &team], "unknown time zone \"Mars/Olympus_Mons\""),
        (&["--customer-tz", "Europe/Madrid", "--language", "sw", "--team", &team], "nobody in the team speaks \"sw\""),
        (&["--customer-tz", "Europe/Madrid", "--language", "en", "--team", &empty], "the team has no agents"),
        (&["--customer-tz", "Europe/Madrid", "--language", "en", "--team", &no_shifts], "no agent in the team has shifts"),
        (&["--customer-tz", "Europe/Madrid", "--language", "en", "--team", &bad_zone], "agent \"jonas\" has an unknown time zone \"Europe/Atlantis\""),
        (&["--customer-tz", "Europe/Madrid", "--language", "en", "--team", &junk], "is not a team file"),
        (&["--customer-tz", "Europe/Madrid", "--language", "en", "--team", &team, "--from", "next tuesday"], "--from \"next tuesday\" is not an RFC 3339 time"),
        (&["--customer-tz", "Europe/Madrid", "--language", "en", "--team", &team, "--from", "2026-03-10T09:00:00"], "is not an RFC 3339 time"),
        (&["--customer-tz", "Europe/Madrid", "--language", "en", "--team", &team, "--hours", "20:00-09:00"], "--hours"),
        (&["--customer-tz", "Europe/Madrid", "--language", "en", "--db", missing_db], "no store at"),
    ];
    for (args, expected) in cases {
        let mut all = vec!["slots"];
        all.extend_from_slice(args);
        let out = meridian(&all);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(text(&out.stderr).contains(expected), "{args:?}: {}", text(&out.stderr));
        assert!(out.stdout.is_empty());
    }
    assert!(!std::path::Path::new(missing_db).exists(), "slots must not create a database");

    // A store without a team (an empty file becomes an empty store).
    let db = write("empty.db", "");
    let out = meridian(&["slots", "--customer-tz", "Europe/Madrid", "--language", "en", "--db", &db]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("the team has no agents") && err.contains("meridian seed --demo"), "{err}");
}
