//! Evaluation over labelled messages: the measures of TRIAGE.md, overall and per language.

use crate::{Engine, Input, Policy};
use meridian_core::{Action, Intent};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One labelled message. JSONL lines use these names; Bitext CSV rows are mapped onto them.
#[derive(Debug, Clone, Deserialize)]
pub struct Labelled {
    pub id: Option<serde_json::Value>,
    pub text: String,
    pub subject: Option<String>,
    pub channel: Option<String>,
    pub language: Option<String>,
    pub intent: Intent,
    #[serde(default)]
    pub threat: Option<bool>,
    pub entities: Option<crate::Entities>,
    /// Expected action; derived from the intent and threat when absent.
    pub action: Option<Action>,
}

impl Labelled {
    pub fn expected_action(&self) -> Action {
        self.action.unwrap_or(if self.threat == Some(true) { Action::Escalate } else { self.intent.default_action() })
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Measures {
    pub messages: usize,
    pub language_accuracy: Option<f64>,
    pub intent_accuracy: f64,
    pub intent_macro_f1: f64,
    pub entity_precision: Option<f64>,
    pub entity_recall: Option<f64>,
    pub threat_accuracy: Option<f64>,
    pub action_agreement: f64,
    /// Share of messages that should have had a human but were put on autopilot.
    pub unsafe_autopilot_rate: f64,
    pub autopilot_rate: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub overall: Measures,
    pub per_language: BTreeMap<String, Measures>,
    /// Most frequent (expected, predicted) intent confusions.
    pub top_confusions: Vec<(String, String, usize)>,
}

struct Outcome {
    language: Option<(String, String)>,
    intent: (Intent, Intent),
    entities: Option<(usize, usize, usize)>,
    threat: Option<bool>,
    action: (Action, Action),
}

/// Reads labelled data: JSON Lines, or the Bitext CSV (id, flags, instruction, category, intent).
pub fn read_labels(path: &str, content: &str) -> Result<Vec<Labelled>, String> {
    if path.ends_with(".csv") {
        let mut rdr = csv::ReaderBuilder::new().has_headers(true).from_reader(content.as_bytes());
        let headers = rdr.headers().map_err(|e| format!("{path}: {e}"))?.clone();
        let col = |name: &str| headers.iter().position(|h| h == name).ok_or_else(|| format!("{path}: no column {name:?}"));
        let (text_col, intent_col) = (col("instruction")?, col("intent")?);
        let id_col = headers.iter().position(|h| h == "id");
        let mut out = Vec::new();
        for (n, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| format!("{path} row {}: {e}", n + 2))?;
            let intent: Intent = rec.get(intent_col).unwrap_or("").parse().map_err(|e| format!("{path} row {}: {e}", n + 2))?;
            out.push(Labelled {
                id: id_col.and_then(|c| rec.get(c)).map(|s| serde_json::Value::String(s.into())),
                text: rec.get(text_col).unwrap_or("").into(),
                subject: None,
                channel: None,
                language: Some("en".into()),
                intent,
                threat: None,
                entities: None,
                action: None,
            });
        }
        Ok(out)
    } else {
        content
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("{path} line {}: {e}", n + 1)))
            .collect()
    }
}

pub fn evaluate(engine: &Engine, policy: &Policy, data: &[Labelled]) -> Report {
    let outcomes: Vec<(String, Outcome)> = data
        .iter()
        .map(|l| {
            let input = Input { id: l.id.clone(), channel: l.channel.clone(), subject: l.subject.clone(), text: l.text.clone(), ..Default::default() };
            let t = engine.triage(&input, policy);
            let entities = l.entities.as_ref().map(|want| {
                let pairs = [
                    (&want.order_numbers, &t.entities.order_numbers),
                    (&want.tracking_numbers, &t.entities.tracking_numbers),
                    (&want.emails, &t.entities.emails),
                    (&want.phones, &t.entities.phones),
                ];
                let (mut tp, mut fp, mut fn_) = (0, 0, 0);
                for (w, g) in pairs {
                    tp += g.iter().filter(|x| w.contains(x)).count();
                    fp += g.iter().filter(|x| !w.contains(x)).count();
                    fn_ += w.iter().filter(|x| !g.contains(x)).count();
                }
                (tp, fp, fn_)
            });
            let lang_key = l.language.clone().unwrap_or_else(|| "und".into());
            (
                lang_key,
                Outcome {
                    language: l.language.clone().map(|w| (w, t.language.clone())),
                    intent: (l.intent, t.intent),
                    entities,
                    threat: l.threat.map(|w| w == t.threat),
                    action: (l.expected_action(), t.action),
                },
            )
        })
        .collect();
    let overall = measures(outcomes.iter().map(|(_, o)| o));
    let mut per_language = BTreeMap::new();
    let langs: std::collections::BTreeSet<&String> = outcomes.iter().map(|(l, _)| l).collect();
    for lang in langs {
        per_language.insert(lang.clone(), measures(outcomes.iter().filter(|(l, _)| l == lang).map(|(_, o)| o)));
    }
    let mut confusions: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (_, o) in &outcomes {
        if o.intent.0 != o.intent.1 {
            *confusions.entry((o.intent.0.to_string(), o.intent.1.to_string())).or_default() += 1;
        }
    }
    let mut top_confusions: Vec<(String, String, usize)> = confusions.into_iter().map(|((a, b), n)| (a, b, n)).collect();
    top_confusions.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    top_confusions.truncate(12);
    Report { overall, per_language, top_confusions }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { ((a as f64 / b as f64) * 10_000.0).round() / 10_000.0 }
}

fn measures<'a>(outcomes: impl Iterator<Item = &'a Outcome>) -> Measures {
    let outcomes: Vec<&Outcome> = outcomes.collect();
    let n = outcomes.len();
    let langs: Vec<&(String, String)> = outcomes.iter().filter_map(|o| o.language.as_ref()).collect();
    let intent_ok = outcomes.iter().filter(|o| o.intent.0 == o.intent.1).count();
    let mut f1s = Vec::new();
    for intent in Intent::ALL {
        let tp = outcomes.iter().filter(|o| o.intent.0 == *intent && o.intent.1 == *intent).count();
        let fp = outcomes.iter().filter(|o| o.intent.0 != *intent && o.intent.1 == *intent).count();
        let fn_ = outcomes.iter().filter(|o| o.intent.0 == *intent && o.intent.1 != *intent).count();
        if tp + fn_ == 0 {
            continue; // Not in the data: macro-F1 averages over labels present.
        }
        let p = if tp + fp == 0 { 0.0 } else { tp as f64 / (tp + fp) as f64 };
        let r = tp as f64 / (tp + fn_) as f64;
        f1s.push(if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) });
    }
    let ents: Vec<(usize, usize, usize)> = outcomes.iter().filter_map(|o| o.entities).collect();
    let (tp, fp, fn_) = ents.iter().fold((0, 0, 0), |a, e| (a.0 + e.0, a.1 + e.1, a.2 + e.2));
    let threats: Vec<bool> = outcomes.iter().filter_map(|o| o.threat).collect();
    let needs_human = outcomes.iter().filter(|o| o.action.0 != Action::Autopilot).count();
    let unsafe_auto = outcomes.iter().filter(|o| o.action.0 != Action::Autopilot && o.action.1 == Action::Autopilot).count();
    Measures {
        messages: n,
        language_accuracy: (!langs.is_empty()).then(|| ratio(langs.iter().filter(|(w, g)| w == g).count(), langs.len())),
        intent_accuracy: ratio(intent_ok, n),
        intent_macro_f1: if f1s.is_empty() { 0.0 } else { (f1s.iter().sum::<f64>() / f1s.len() as f64 * 10_000.0).round() / 10_000.0 },
        entity_precision: (!ents.is_empty()).then(|| ratio(tp, tp + fp)),
        entity_recall: (!ents.is_empty()).then(|| ratio(tp, tp + fn_)),
        threat_accuracy: (!threats.is_empty()).then(|| ratio(threats.iter().filter(|x| **x).count(), threats.len())),
        action_agreement: ratio(outcomes.iter().filter(|o| o.action.0 == o.action.1).count(), n),
        unsafe_autopilot_rate: ratio(unsafe_auto, needs_human),
        autopilot_rate: ratio(outcomes.iter().filter(|o| o.action.1 == Action::Autopilot).count(), n),
    }
}
