//! The invitation for a booked callback: an RFC 5545 calendar (VCALENDAR with one VEVENT)
//! whose start is written on the agent's clock (DTSTART;TZID=…) and whose VTIMEZONE is built
//! from the zone's real transitions around the event, so any calendar shows the right time.
//! Owns the text format: escaping, CRLF line ends, folding at 75 octets. Writes no file.

use crate::{time_zone, Result};
use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Timestamp};

/// A booked callback, as the invitation describes it.
#[derive(Debug, Clone)]
pub struct Invitation<'a> {
    /// Globally unique and stable across updates ("callback-7@northwind.example").
    pub uid: &'a str,
    pub start: Timestamp,
    pub duration: SignedDuration,
    /// DTSTART and DTEND are written on this clock.
    pub agent_time_zone: &'a str,
    /// The description gives the time on this clock too.
    pub customer_time_zone: &'a str,
    pub summary: &'a str,
    /// More text for the description (the case, a phone number…).
    pub notes: Option<&'a str>,
    /// When the invitation was made (DTSTAMP).
    pub stamp: Timestamp,
    /// Incremented when the callback is moved, so calendars update the event.
    pub sequence: u32,
}

const MAX_OCTETS: usize = 75;

/// The invitation as an .ics document (CRLF line ends, folded lines).
pub fn render(inv: &Invitation) -> Result<String> {
    let agent = time_zone(inv.agent_time_zone)?;
    let customer = time_zone(inv.customer_time_zone)?;
    let end = inv.start.checked_add(inv.duration)?;
    let agent_start = agent.to_datetime(inv.start);
    let agent_end = agent.to_datetime(end);
    let tzid = inv.agent_time_zone.trim();

    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Meridian//Callbacks//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    lines.extend(vtimezone(tzid, &agent, agent_start.date().year(), agent_end.date().year())?);
    let description = format!(
        "Customer's local time: {}\nAgent's local time: {}{}",
        describe(inv.start, &customer, inv.customer_time_zone.trim()),
        describe(inv.start, &agent, tzid),
        inv.notes.map(|n| format!("\n\n{n}")).unwrap_or_default()
    );
    lines.extend([
        "BEGIN:VEVENT".into(),
        format!("UID:{}", escape(inv.uid)),
        format!("DTSTAMP:{}", utc(inv.stamp)),
        format!("DTSTART;TZID={tzid}:{}", local(agent_start)),
        format!("DTEND;TZID={tzid}:{}", local(agent_end)),
        format!("SEQUENCE:{}", inv.sequence),
        format!("SUMMARY:{}", escape(inv.summary)),
        format!("DESCRIPTION:{}", escape(&description)),
        "STATUS:CONFIRMED".into(),
        "TRANSP:OPAQUE".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ]);
    let mut out = String::new();
    for line in &lines {
        fold_into(&mut out, line);
    }
    Ok(out)
}

/// "Tue 2026-03-10 10:00 (UTC-04:00, America/New_York)".
fn describe(t: Timestamp, tz: &TimeZone, name: &str) -> String {
    let dt = tz.to_datetime(t);
    format!("{} ({}, {name})", dt.strftime("%a %Y-%m-%d %H:%M"), utc_offset(tz.to_offset(t)))
}

fn utc_offset(o: Offset) -> String {
    let s = o.seconds();
    let sign = if s < 0 { '-' } else { '+' };
    let s = s.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", s / 3600, s / 60 % 60)
}

/// The VTIMEZONE of `tz` for the years `first..=last`: one STANDARD or DAYLIGHT component
/// per transition in those years, plus the last transition before them, which sets the
/// offset in force on 1 January. A zone without transitions gets one fixed observance.
fn vtimezone(tzid: &str, tz: &TimeZone, first: i16, last: i16) -> Result<Vec<String>> {
    let year_start = |y: i16| -> Result<Timestamp> { Ok(tz.to_ambiguous_timestamp(Date::new(y, 1, 1)?.at(0, 0, 0, 0)).compatible()?) };
    let from = year_start(first)?;
    let until = year_start(last.saturating_add(1))?;
    let mut transitions = Vec::new();
    // `preceding` is strictly before its argument: a transition exactly at `from` counts.
    if let Some(t) = tz.preceding(from.checked_add(SignedDuration::from_nanos(1))?).next() {
        transitions.push((t.timestamp(), t.offset(), t.dst().is_dst(), t.abbreviation().to_owned()));
    }
    for t in tz.following(from) {
        if t.timestamp() >= until {
            break;
        }
        transitions.push((t.timestamp(), t.offset(), t.dst().is_dst(), t.abbreviation().to_owned()));
    }
    let mut lines = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{tzid}")];
    if transitions.is_empty() {
        let offset = tz.to_offset(from);
        lines.extend([
            "BEGIN:STANDARD".into(),
            "DTSTART:19700101T000000".into(),
            format!("TZOFFSETFROM:{}", ics_offset(offset)),
            format!("TZOFFSETTO:{}", ics_offset(offset)),
            "END:STANDARD".into(),
        ]);
    }
    for (at, to, dst, abbreviation) in transitions {
        let before = tz.to_offset(at.checked_sub(SignedDuration::from_nanos(1))?);
        let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
        lines.push(format!("BEGIN:{kind}"));
        // The onset is written on the clock in force before it (RFC 5545, 3.6.5).
        lines.push(format!("DTSTART:{}", local(before.to_datetime(at))));
        lines.push(format!("TZOFFSETFROM:{}", ics_offset(before)));
        lines.push(format!("TZOFFSETTO:{}", ics_offset(to)));
        if !abbreviation.is_empty() {
            lines.push(format!("TZNAME:{}", escape(&abbreviation)));
        }
        lines.push(format!("END:{kind}"));
    }
    lines.push("END:VTIMEZONE".into());
    Ok(lines)
}

/// "+0545", "-0300", "+003000" when seconds are needed (local mean times).
fn ics_offset(o: Offset) -> String {
    let s = o.seconds();
    let sign = if s < 0 { '-' } else { '+' };
    let s = s.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 { format!("{sign}{h:02}{m:02}") } else { format!("{sign}{h:02}{m:02}{sec:02}") }
}

fn local(dt: DateTime) -> String {
    dt.strftime("%Y%m%dT%H%M%S").to_string()
}

fn utc(t: Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT escaping (RFC 5545, 3.3.11).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded: at most 75 octets per physical line, continuation lines begin with
/// a space, never splitting a UTF-8 character; each line ends with CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut budget = MAX_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > budget {
            out.push_str("\r\n ");
            budget = MAX_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A content line, unfolded: name, parameters, value.
    #[derive(Debug)]
    struct Prop {
        name: String,
        params: Vec<(String, String)>,
        value: String,
    }

    #[derive(Debug, Default)]
    struct Component {
        name: String,
        props: Vec<Prop>,
        children: Vec<Component>,
    }

    impl Component {
        fn get(&self, name: &str) -> Option<&Prop> {
            self.props.iter().find(|p| p.name == name)
        }
        fn child(&self, name: &str) -> Vec<&Component> {
            self.children.iter().filter(|c| c.name == name).collect()
        }
    }

    /// Parses our own output strictly: CRLF everywhere, no line over 75 octets, folded
    /// lines start with a space, components nest and close.
    fn parse(ics: &str) -> Component {
        assert!(ics.ends_with("\r\n"), "ends with CRLF");
        let physical: Vec<&str> = ics[..ics.len() - 2].split("\r\n").collect();
        let mut logical: Vec<String> = Vec::new();
        for l in physical {
            assert!(!l.contains('\r') && !l.contains('\n'), "bare CR or LF in {l:?}");
            assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
            assert!(!l.is_empty(), "empty line");
            match l.strip_prefix(' ') {
                Some(rest) => logical.last_mut().expect("continuation after a line").push_str(rest),
                None => logical.push(l.to_owned()),
            }
        }
        let mut stack = vec![Component::default()];
        for l in logical {
            let (head, value) = l.split_once(':').unwrap_or_else(|| panic!("no colon in {l:?}"));
            let mut parts = head.split(';');
            let name = parts.next().unwrap().to_owned();
            let params = parts.map(|p| p.split_once('=').map(|(a, b)| (a.to_owned(), b.to_owned())).expect("param=value")).collect();
            assert!(name.chars().all(|c| c.is_ascii_uppercase() || c == '-'), "{name}");
            match name.as_str() {
                "BEGIN" => stack.push(Component { name: value.to_owned(), ..Default::default() }),
                "END" => {
                    let done = stack.pop().unwrap();
                    assert_eq!(done.name, value, "END matches BEGIN");
                    stack.last_mut().expect("END without BEGIN").children.push(done);
                }
                _ => stack.last_mut().unwrap().props.push(Prop { name, params, value: value.to_owned() }),
            }
        }
        assert_eq!(stack.len(), 1, "every component closed");
        let mut root = stack.pop().unwrap();
        assert_eq!(root.children.len(), 1);
        let cal = root.children.pop().unwrap();
        assert_eq!(cal.name, "VCALENDAR");
        cal
    }

    /// TEXT unescaping (RFC 5545, 3.3.11).
    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(e @ ('\\' | ';' | ',')) => out.push(e),
                    other => panic!("bad escape \\{other:?} in {s:?}"),
                },
                ',' | ';' => panic!("unescaped {c} in {s:?}"),
                _ => out.push(c),
            }
        }
        out
    }

    fn parse_offset(s: &str) -> i32 {
        let sign = if s.starts_with('-') { -1 } else { 1 };
        let d = &s[1..];
        let h: i32 = d[0..2].parse().unwrap();
        let m: i32 = d[2..4].parse().unwrap();
        let sec: i32 = if d.len() == 6 { d[4..6].parse().unwrap() } else { 0 };
        sign * (h * 3600 + m * 60 + sec)
    }

    fn parse_local(s: &str) -> DateTime {
        DateTime::strptime("%Y%m%dT%H%M%S", s).unwrap()
    }

    /// Resolves a local time against the VTIMEZONE as a calendar would: the observance with
    /// the latest onset at or before the instant gives the offset.
    fn resolve(vtz: &Component, local_time: DateTime) -> Timestamp {
        let mut onsets: Vec<(Timestamp, i32)> = vtz
            .children
            .iter()
            .map(|o| {
                let from = parse_offset(&o.get("TZOFFSETFROM").expect("TZOFFSETFROM").value);
                let to = parse_offset(&o.get("TZOFFSETTO").expect("TZOFFSETTO").value);
                let start = parse_local(&o.get("DTSTART").expect("DTSTART").value);
                (Offset::from_seconds(from).unwrap().to_timestamp(start).unwrap(), to)
            })
            .collect();
        onsets.sort();
        let offset_at = |t: Timestamp| onsets.iter().rev().find(|(on, _)| *on <= t).map(|(_, o)| *o).expect("an observance covers the event");
        let fits: Vec<Timestamp> = onsets
            .iter()
            .map(|(_, o)| Offset::from_seconds(*o).unwrap().to_timestamp(local_time).unwrap())
            .filter(|t| Offset::from_seconds(offset_at(*t)).unwrap().to_timestamp(local_time).unwrap() == *t)
            .collect();
        assert!(!fits.is_empty(), "{local_time} resolves");
        assert!(fits.iter().all(|t| *t == fits[0]), "{local_time} is ambiguous: {fits:?}");
        fits[0]
    }

    fn invite<'a>(agent: &'a str, customer: &'a str, start: &str) -> Invitation<'a> {
        Invitation {
            uid: "callback-7@northwind.example",
            start: start.parse().unwrap(),
            duration: SignedDuration::from_mins(30),
            agent_time_zone: agent,
            customer_time_zone: customer,
            summary: "Callback: parcel lost, order #1042",
            notes: None,
            stamp: "2026-03-01T08:00:00Z".parse().unwrap(),
            sequence: 0,
        }
    }

    #[test]
    fn invitations_parse_back_to_the_same_instant() {
        // agent zone, customer zone, start (UTC), DTSTART on the agent's clock, customer text
        let cases = [
            ("Europe/Berlin", "America/New_York", "2026-03-10T14:00:00Z", "20260310T150000", "Tue 2026-03-10 10:00 (UTC-04:00, America/New_York)"),
            ("Europe/Berlin", "America/New_York", "2026-03-30T13:00:00Z", "20260330T150000", "Mon 2026-03-30 09:00 (UTC-04:00, America/New_York)"),
            ("America/New_York", "Europe/Madrid", "2026-01-15T15:00:00Z", "20260115T100000", "Thu 2026-01-15 16:00 (UTC+01:00, Europe/Madrid)"),
            ("Australia/Sydney", "Asia/Tokyo", "2026-04-06T00:00:00Z", "20260406T100000", "Mon 2026-04-06 09:00 (UTC+09:00, Asia/Tokyo)"),
            ("America/Santiago", "America/Sao_Paulo", "2026-09-08T13:00:00Z", "20260908T100000", "Tue 2026-09-08 10:00 (UTC-03:00, America/Sao_Paulo)"),
            ("Asia/Kolkata", "Asia/Kathmandu", "2026-02-02T06:30:00Z", "20260202T120000", "Mon 2026-02-02 12:15 (UTC+05:45, Asia/Kathmandu)"),
            ("Pacific/Chatham", "America/Los_Angeles", "2026-02-03T20:00:00Z", "20260204T094500", "Tue 2026-02-03 12:00 (UTC-08:00, America/Los_Angeles)"),
            ("Pacific/Auckland", "America/Los_Angeles", "2026-12-31T21:00:00Z", "20270101T100000", "Thu 2026-12-31 13:00 (UTC-08:00, America/Los_Angeles)"),
            ("UTC", "Europe/London", "2026-07-01T09:00:00Z", "20260701T090000", "Wed 2026-07-01 10:00 (UTC+01:00, Europe/London)"),
        ];
        for (agent, customer, start, dtstart, customer_text) in cases {
            let inv = invite(agent, customer, start);
            let ics = render(&inv).unwrap();
            let cal = parse(&ics);
            assert_eq!(cal.get("VERSION").unwrap().value, "2.0");
            assert!(cal.get("PRODID").is_some());
            let events = cal.child("VEVENT");
            assert_eq!(events.len(), 1);
            let ev = events[0];
            for required in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"] {
                assert!(ev.get(required).is_some(), "{agent}: no {required}");
            }
            assert_eq!(ev.get("DTSTAMP").unwrap().value, "20260301T080000Z");
            let ds = ev.get("DTSTART").unwrap();
            assert_eq!(ds.params, vec![("TZID".to_string(), agent.to_string())]);
            assert_eq!(ds.value, dtstart, "{agent}");
            let description = unescape(&ev.get("DESCRIPTION").unwrap().value);
            assert!(description.starts_with(&format!("Customer's local time: {customer_text}\n")), "{agent}: {description}");
            let zones = cal.child("VTIMEZONE");
            assert_eq!(zones.len(), 1);
            let vtz = zones[0];
            assert_eq!(vtz.get("TZID").unwrap().value, agent);
            assert!(!vtz.children.is_empty());
            for o in &vtz.children {
                assert!(o.name == "STANDARD" || o.name == "DAYLIGHT", "{}", o.name);
            }
            assert_eq!(resolve(vtz, parse_local(dtstart)), inv.start, "{agent} start");
            let dtend = &ev.get("DTEND").unwrap().value;
            assert_eq!(resolve(vtz, parse_local(dtend)), inv.start + inv.duration, "{agent} end");
        }
    }

    #[test]
    fn vtimezone_has_the_real_transitions_of_the_year() {
        // zone, year, observances as (kind, DTSTART, from, to)
        type Observance<'a> = (&'a str, &'a str, &'a str, &'a str);
        let cases: &[(&str, i16, &[Observance])] = &[
            ("Europe/Berlin", 2026, &[("STANDARD", "20251026T030000", "+0200", "+0100"), ("DAYLIGHT", "20260329T020000", "+0100", "+0200"), ("STANDARD", "20261025T030000", "+0200", "+0100")]),
            ("America/New_York", 2026, &[("STANDARD", "20251102T020000", "-0400", "-0500"), ("DAYLIGHT", "20260308T020000", "-0500", "-0400"), ("STANDARD", "20261101T020000", "-0400", "-0500")]),
            ("Australia/Sydney", 2026, &[("DAYLIGHT", "20251005T020000", "+1000", "+1100"), ("STANDARD", "20260405T030000", "+1100", "+1000"), ("DAYLIGHT", "20261004T020000", "+1000", "+1100")]),
            ("Pacific/Chatham", 2026, &[("DAYLIGHT", "20250928T024500", "+1245", "+1345"), ("STANDARD", "20260405T034500", "+1345", "+1245"), ("DAYLIGHT", "20260927T024500", "+1245", "+1345")]),
        ];
        for (zone, year, want) in cases {
            let tz = TimeZone::get(zone).unwrap();
            let lines = vtimezone(zone, &tz, *year, *year).unwrap();
            let mut got = Vec::new();
            let mut i = 0;
            while i < lines.len() {
                if let Some(kind) = lines[i].strip_prefix("BEGIN:").filter(|k| *k == "STANDARD" || *k == "DAYLIGHT") {
                    let field = |p: &str| lines[i..].iter().find_map(|l| l.strip_prefix(p)).unwrap().to_owned();
                    got.push((kind.to_owned(), field("DTSTART:"), field("TZOFFSETFROM:"), field("TZOFFSETTO:")));
                }
                i += 1;
            }
            let want: Vec<(String, String, String, String)> = want.iter().map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string())).collect();
            assert_eq!(got, want, "{zone}");
        }
        // No transitions for decades: the last one still says which offset holds.
        let kolkata = vtimezone("Asia/Kolkata", &TimeZone::get("Asia/Kolkata").unwrap(), 2026, 2026).unwrap();
        assert!(kolkata.iter().any(|l| l == "TZOFFSETTO:+0530"), "{kolkata:?}");
        let utc = vtimezone("UTC", &TimeZone::UTC, 2026, 2026).unwrap();
        assert!(utc.contains(&"TZOFFSETTO:+0000".to_string()), "{utc:?}");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let notes = "お客様は荷物が届かないと言っています。追跡番号 1Z999AA10123456784、注文 #1042; 返金または再送を希望。".repeat(4);
        let inv = Invitation { notes: Some(&notes), summary: "Rückruf: Paket verloren, Bestellung #1042 — bitte pünktlich anrufen, danke!", ..invite("Asia/Tokyo", "Asia/Tokyo", "2026-03-10T01:00:00Z") };
        let ics = render(&inv).unwrap();
        let cal = parse(&ics);
        let ev = cal.child("VEVENT")[0];
        assert!(unescape(&ev.get("DESCRIPTION").unwrap().value).ends_with(&format!("\n\n{notes}")), "unfolds to the same text");
        assert_eq!(unescape(&ev.get("SUMMARY").unwrap().value), inv.summary);
        assert!(ics.split("\r\n").any(|l| l.len() > 70), "some lines were long enough to fold");
        assert!(ics.split("\r\n").filter(|l| l.starts_with(' ')).count() >= 4);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne\r\n"), "a\\,b\\;c\\\\d\\ne\\n");
        let mut out = String::new();
        fold_into(&mut out, &"x".repeat(150));
        assert_eq!(out.split("\r\n").map(str::len).collect::<Vec<_>>(), [75, 75, 2, 0]);
    }

    #[test]
    fn unknown_zones_are_refused() {
        assert!(render(&invite("Europe/Atlantis", "UTC", "2026-03-10T01:00:00Z")).is_err());
        assert!(render(&invite("UTC", "", "2026-03-10T01:00:00Z")).is_err());
    }
}
