//! `meridian triage` and `meridian eval`: the assist engine on JSON Lines, as TRIAGE.md says.

use anyhow::{Context, Result};
use meridian_assist::draft::{Grounding, StoreRules};
use meridian_assist::{eval, Engine, Input, Policy};
use std::io::{BufRead, Write};

pub fn load_policy(path: Option<&str>) -> Result<Policy> {
    match path {
        None => Ok(Policy::default()),
        Some(p) => {
            let text = std::fs::read_to_string(p).with_context(|| format!("reading policy {p}"))?;
            Ok(Policy::from_toml(p, &text)?)
        }
    }
}

/// Reads JSON Lines, writes one result line per input line, in order. A bad line yields
/// an error line and a note on stderr; only an unreadable input fails the command.
pub fn triage(input: Option<&str>, policy: Option<&str>, no_draft: bool) -> Result<()> {
    let policy = load_policy(policy)?;
    let engine = Engine::new()?;
    let reader: Box<dyn BufRead> = match input {
        Some(path) => Box::new(std::io::BufReader::new(std::fs::File::open(path).with_context(|| format!("reading {path}"))?)),
        None => Box::new(std::io::BufReader::new(std::io::stdin())),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("reading line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let value = match serde_json::from_str::<Input>(&line) {
            Ok(input) if no_draft => serde_json::to_value(engine.triage(&input, &policy))?,
            Ok(input) => {
                // Offline there is no order or parcel to ground on: the draft asks for what
                // it needs, and such drafts wait for a person.
                let country = input.customer.as_ref().and_then(|c| c.country.clone()).unwrap_or_default();
                let grounding = Grounding {
                    customer_name: "",
                    customer_country: &country,
                    customer_time_zone: None,
                    agent: "",
                    store: "",
                    order: None,
                    shipment: None,
                    rules: StoreRules::default(),
                    now: jiff::Timestamp::now(),
                };
                let a = engine.assist(&input, &policy, &grounding, "en");
                let mut v = serde_json::to_value(&a.triage)?;
                v["draft"] = serde_json::Value::String(a.draft);
                v
            }
            Err(e) => {
                let id = serde_json::from_str::<serde_json::Value>(&line).ok().and_then(|v| v.get("id").cloned()).unwrap_or(serde_json::Value::Null);
                eprintln!("meridian triage: line {}: {e}", n + 1);
                serde_json::json!({ "id": id, "error": e.to_string() })
            }
        };
        serde_json::to_writer(&mut out, &value)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

pub fn evaluate(labels: &str, policy: Option<&str>, json: bool) -> Result<()> {
    let policy = load_policy(policy)?;
    let content = std::fs::read_to_string(labels).with_context(|| format!("reading {labels}"))?;
    let data = eval::read_labels(labels, &content).map_err(anyhow::Error::msg)?;
    anyhow::ensure!(!data.is_empty(), "{labels} holds no labelled messages");
    let engine = Engine::new()?;
    let report = eval::evaluate(&engine, &policy, &data);
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    let pct = |x: Option<f64>| x.map(|v| format!("{:.1}%", v * 100.0)).unwrap_or_else(|| "–".into());
    println!("{:<8} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}", "language", "msgs", "lang", "intent", "macroF1", "ent P", "ent R", "action", "unsafe");
    let mut rows: Vec<(String, &eval::Measures)> = report.per_language.iter().map(|(k, v)| (k.clone(), v)).collect();
    rows.push(("ALL".into(), &report.overall));
    for (lang, m) in rows {
        println!(
            "{:<8} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}",
            lang,
            m.messages,
            pct(m.language_accuracy),
            pct(Some(m.intent_accuracy)),
            format!("{:.3}", m.intent_macro_f1),
            pct(m.entity_precision),
            pct(m.entity_recall),
            pct(Some(m.action_agreement)),
            pct(Some(m.unsafe_autopilot_rate)),
        );
    }
    if !report.top_confusions.is_empty() {
        println!("\nmost frequent confusions (expected → predicted):");
        for (a, b, n) in &report.top_confusions {
            println!("  {n:>4}  {a} → {b}");
        }
    }
    Ok(())
}
