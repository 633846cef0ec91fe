//! Planning callback slots for a synthetic team of 200 agents over 14 days: the time of one
//! plan (median, p95, max over many plans with different customers). Run with
//! `cargo bench -p meridian-schedule`; `--plans N` changes how many plans are timed.

use jiff::civil::{Date, Weekday};
use jiff::Timestamp;
use meridian_schedule::team::{Agent, ClockTime, LanguageSkill, Proficiency, Shift, Team};
use meridian_schedule::{plan, SlotOptions, SlotRequest};
use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::Instant;

const ZONES: &[&str] = &[
    "Europe/Madrid", "Europe/Berlin", "Europe/Warsaw", "Europe/London", "America/New_York", "America/Chicago",
    "America/Los_Angeles", "America/Mexico_City", "America/Sao_Paulo", "Asia/Shanghai", "Asia/Tokyo",
    "Asia/Kolkata", "Asia/Dubai", "Australia/Sydney", "Pacific/Auckland",
];
const LANGUAGES: &[&str] = &["en", "es", "de", "fr", "it", "pt", "pl", "nl", "zh", "ja", "ko", "ar"];
const CUSTOMER_ZONES: &[&str] = &[
    "America/New_York", "America/Los_Angeles", "Europe/Madrid", "Europe/Berlin", "Asia/Tokyo", "Asia/Riyadh",
    "Australia/Sydney", "America/Santiago", "Asia/Kathmandu", "Pacific/Chatham", "America/Sao_Paulo", "Asia/Kolkata",
];

/// A small deterministic generator, so every run measures the same team.
struct Mix(u64);
impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn synthetic_team(agents: usize) -> Team {
    let mut rng = Mix(200);
    let week = [Weekday::Monday, Weekday::Tuesday, Weekday::Wednesday, Weekday::Thursday, Weekday::Friday, Weekday::Saturday, Weekday::Sunday];
    let team_agents = (0..agents)
        .map(|i| {
            let zone = ZONES[rng.below(ZONES.len())];
            let mut languages = vec![LanguageSkill { language: "en".into(), proficiency: Proficiency::Fluent }];
            for p in [Proficiency::Native, Proficiency::Conversational] {
                let l = LANGUAGES[rng.below(LANGUAGES.len())];
                if !languages.iter().any(|s| s.language == l) {
                    languages.push(LanguageSkill { language: l.into(), proficiency: p });
                }
            }
            // Five days on, a start between 06:00 and 22:00; one agent in four works nights
            // across midnight.
            let first = rng.below(7);
            let start = ClockTime::hm(6 + rng.below(17) as u16, if rng.below(2) == 0 { 0 } else { 30 });
            let end = ClockTime::from_minutes((start.minutes() + 8 * 60) % (24 * 60)).unwrap();
            let shifts = (0..5).map(|d| Shift::new(week[(first + d) % 7], start, end)).collect();
            let days_off: BTreeSet<Date> = (0..2).map(|_| Date::constant(2026, 3, 1 + rng.below(28) as i8)).collect();
            Agent { id: format!("agent-{i:03}"), name: format!("Agent {i}"), time_zone: zone.into(), country: None, languages, shifts, days_off }
        })
        .collect();
    let mut team = Team { agents: team_agents, ..Default::default() };
    for (country, days) in [("ES", [6, 19]), ("US", [2, 16]), ("DE", [8, 20]), ("JP", [20, 21])] {
        team.holidays.insert(country.into(), days.iter().map(|d| Date::constant(2026, 3, *d)).collect());
    }
    team
}

fn main() {
    let plans: usize = std::env::args().skip_while(|a| a != "--plans").nth(1).and_then(|n| n.parse().ok()).unwrap_or(200);
    let team = synthetic_team(200);
    team.validate().expect("valid synthetic team");
    let opts = SlotOptions::default();
    let from: Timestamp = "2026-03-02T06:00:00Z".parse().unwrap();
    let mut rng = Mix(7);
    let requests: Vec<(&str, &str, Timestamp)> = (0..plans)
        .map(|_| {
            let start = from.checked_add(jiff::SignedDuration::from_mins(30 * rng.below(48 * 7) as i64)).unwrap();
            (CUSTOMER_ZONES[rng.below(CUSTOMER_ZONES.len())], LANGUAGES[rng.below(LANGUAGES.len())], start)
        })
        .collect();
    // Warm the zone cache and the allocator.
    for (zone, language, start) in requests.iter().take(10) {
        let _ = plan(&team, &SlotRequest { customer_time_zone: zone, language, from: *start, days: 14 }, &opts);
    }
    println!("plan: 200 agents, 14 days, {plans} plans per line, all slots (no limit)");
    measure("mixed (12 customer zones, 12 languages)", &team, &opts, &requests);
    // The worst case: everyone speaks English, so all 200 calendars are built.
    let english: Vec<_> = requests.iter().map(|(zone, _, start)| (*zone, "en", *start)).collect();
    measure("English (all 200 agents speak it)", &team, &opts, &english);
}

fn measure(label: &str, team: &Team, opts: &SlotOptions, requests: &[(&str, &str, Timestamp)]) {
    let mut times = Vec::with_capacity(requests.len());
    let mut slots = 0usize;
    for (zone, language, start) in requests {
        let t = Instant::now();
        let out = plan(black_box(team), &SlotRequest { customer_time_zone: zone, language, from: *start, days: 14 }, opts);
        times.push(t.elapsed());
        slots += out.map(|s| s.len()).unwrap_or(0);
    }
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  {label:<42} median {:.3} ms   p95 {:.3} ms   max {:.3} ms   slots per plan {:.0}",
        ms(pct(0.5)),
        ms(pct(0.95)),
        ms(pct(1.0)),
        slots as f64 / requests.len() as f64
    );
}
