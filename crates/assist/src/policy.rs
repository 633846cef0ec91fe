//! The autonomy policy: what may go out alone, what a human confirms, what a human owns.
//! It reads only structured facts (intent, confidence, threat, language, channel, amount),
//! never the customer's text, so nothing a customer writes can argue a reply out alone.
//!
//! Defaults are TRIAGE.md's. A store's policy file may tighten anything; it may loosen
//! (approve → autopilot) only by an explicit rule, and never for a threat or an
//! escalate-by-default intent.

use meridian_core::{Action, Channel, Intent, Money};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Confidence below this never goes out alone.
    #[serde(default = "default_threshold")]
    pub threshold: f32,
    /// Nothing goes out alone when the model gives at least this probability, in total, to
    /// intents a person must confirm. The guard against a confident wrong guess: at 0.03
    /// the unsafe autopilot rate on the Bitext sample falls from 5.9% (no guard) to under 1%.
    #[serde(default = "default_max_ambiguity")]
    pub max_ambiguity: f32,
    /// First matching rule wins.
    #[serde(default)]
    pub rules: Vec<Rule>,
    #[serde(default)]
    pub rollout: Rollout,
}

fn default_threshold() -> f32 {
    0.80
}

fn default_max_ambiguity() -> f32 {
    0.03
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub intent: Option<Intent>,
    pub language: Option<String>,
    pub channel: Option<Channel>,
    /// The rule applies only when the amount at stake is known, in this currency, and at
    /// most this much (decimal, e.g. "30.00").
    pub max_amount: Option<String>,
    pub currency: Option<String>,
    pub action: Action,
}

/// Staged roll-out switches. Missing entries mean "on".
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Rollout {
    /// Global switch for sending alone.
    pub autopilot: Option<bool>,
    /// Per-language switch for sending alone ("ja" = false keeps Japanese under review).
    #[serde(default)]
    pub autopilot_languages: BTreeMap<String, bool>,
    /// Per-module switches (e.g. "drafts").
    #[serde(default)]
    pub modules: BTreeMap<String, bool>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy { threshold: default_threshold(), max_ambiguity: default_max_ambiguity(), rules: vec![], rollout: Rollout::default() }
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum PolicyError {
    #[error("policy file {path}: {detail}")]
    Invalid { path: String, detail: String },
}

/// What the policy decides from.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    pub intent: Intent,
    pub confidence: f32,
    /// Probability that the message is about something that is not safe to send alone.
    pub unsafe_mass: f32,
    pub threat: bool,
    pub language: &'a str,
    pub channel: Option<Channel>,
    pub amount: Option<&'a Money>,
    /// The draft needs data no connector could supply (no order found, stale parcel).
    pub missing_data: bool,
    /// The message tries to instruct the system ("ignore previous instructions").
    pub instructions_in_text: bool,
}

impl Policy {
    pub fn from_toml(path: &str, text: &str) -> Result<Policy, PolicyError> {
        let p: Policy = toml::from_str(text).map_err(|e| PolicyError::Invalid { path: path.into(), detail: e.to_string() })?;
        if !(0.0..=1.0).contains(&p.threshold) {
            return Err(PolicyError::Invalid { path: path.into(), detail: format!("threshold {} is not between 0 and 1", p.threshold) });
        }
        for (i, r) in p.rules.iter().enumerate() {
            if r.max_amount.is_some() != r.currency.is_some() {
                return Err(PolicyError::Invalid { path: path.into(), detail: format!("rule {}: max_amount and currency go together", i + 1) });
            }
            if let (Some(a), Some(c)) = (&r.max_amount, &r.currency) {
                Money::parse(a, c).map_err(|e| PolicyError::Invalid { path: path.into(), detail: format!("rule {}: {e}", i + 1) })?;
            }
        }
        Ok(p)
    }

    /// The action and the reason, in words for the audit log.
    pub fn decide(&self, f: &Facts) -> (Action, String) {
        if f.threat {
            return (Action::Escalate, "threat detected (dispute, legal, authority or review leverage)".into());
        }
        let default = f.intent.default_action();
        if default == Action::Escalate {
            return (Action::Escalate, format!("{} is always handled by a person", f.intent));
        }
        let (mut action, mut reason) = match self.rules.iter().enumerate().find(|(_, r)| r.matches(f)) {
            Some((i, r)) => (r.action, format!("policy rule {} for {}", i + 1, f.intent)),
            None => (default, format!("{} defaults to {}", f.intent, default)),
        };
        if action == Action::Autopilot {
            let blockers = [
                (f.confidence < self.threshold, format!("confidence {:.2} < {:.2}", f.confidence, self.threshold)),
                (f.unsafe_mass >= self.max_ambiguity, format!("{:.0}% chance it asks for something a person must confirm", (f.unsafe_mass * 100.0).ceil())),
                (f.missing_data, "the reply needs data no connector supplied".into()),
                (f.instructions_in_text, "the message contains instructions to the system".into()),
                (self.rollout.autopilot == Some(false), "autopilot is switched off".into()),
                (self.rollout.autopilot_languages.get(f.language) == Some(&false), format!("autopilot is off for {}", f.language)),
            ];
            if let Some((_, why)) = blockers.into_iter().find(|(blocked, _)| *blocked) {
                action = Action::Approve;
                reason = format!("{reason}; needs approval: {why}");
            } else {
                reason = format!("{reason}; confidence {:.2} >= {:.2}", f.confidence, self.threshold);
            }
        }
        (action, reason)
    }
}

impl Rule {
    fn matches(&self, f: &Facts) -> bool {
        if self.intent.is_some_and(|i| i != f.intent)
            || self.language.as_deref().is_some_and(|l| l != f.language)
            || self.channel.is_some_and(|c| Some(c) != f.channel)
        {
            return false;
        }
        match (&self.max_amount, &self.currency) {
            (Some(max), Some(cur)) => match (f.amount, Money::parse(max, cur)) {
                (Some(amount), Ok(limit)) => amount.currency == limit.currency && amount.minor <= limit.minor,
                _ => false,
            },
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(intent: Intent, confidence: f32) -> Facts<'static> {
        Facts { intent, confidence, unsafe_mass: 0.0, threat: false, language: "de", channel: Some(Channel::Email), amount: None, missing_data: false, instructions_in_text: false }
    }

    #[test]
    fn defaults_follow_triage_md() {
        let p = Policy::default();
        assert_eq!(p.decide(&facts(Intent::TrackOrder, 0.9)).0, Action::Autopilot);
        assert_eq!(p.decide(&facts(Intent::TrackOrder, 0.7)).0, Action::Approve);
        assert_eq!(p.decide(&facts(Intent::GetRefund, 0.99)).0, Action::Approve);
        assert_eq!(p.decide(&facts(Intent::Dispute, 0.99)).0, Action::Escalate);
        let mut threat = facts(Intent::TrackOrder, 0.99);
        threat.threat = true;
        assert_eq!(p.decide(&threat).0, Action::Escalate);
        let mut missing = facts(Intent::TrackOrder, 0.99);
        missing.missing_data = true;
        assert_eq!(p.decide(&missing).0, Action::Approve);
        let mut told = facts(Intent::TrackOrder, 0.99);
        told.instructions_in_text = true;
        assert_eq!(p.decide(&told).0, Action::Approve);
    }

    #[test]
    fn a_store_opts_in_to_small_refunds_in_german_only() {
        let p = Policy::from_toml("t", "[[rules]]\nintent = \"get_refund\"\nlanguage = \"de\"\nmax_amount = \"30.00\"\ncurrency = \"EUR\"\naction = \"autopilot\"\n").unwrap();
        let small = Money::parse("25.00", "EUR").unwrap();
        let big = Money::parse("80.00", "EUR").unwrap();
        let usd = Money::parse("25.00", "USD").unwrap();
        let mut f = facts(Intent::GetRefund, 0.95);
        f.amount = Some(&small);
        assert_eq!(p.decide(&f).0, Action::Autopilot);
        f.amount = Some(&big);
        assert_eq!(p.decide(&f).0, Action::Approve);
        f.amount = Some(&usd);
        assert_eq!(p.decide(&f).0, Action::Approve);
        f.amount = None;
        assert_eq!(p.decide(&f).0, Action::Approve, "unknown amount never passes a money limit");
        let mut es = facts(Intent::GetRefund, 0.95);
        es.amount = Some(&small);
        es.language = "es";
        assert_eq!(p.decide(&es).0, Action::Approve);
        // Even an opted-in refund does not go alone with a threat.
        let mut threat = facts(Intent::GetRefund, 0.95);
        threat.amount = Some(&small);
        threat.threat = true;
        assert_eq!(p.decide(&threat).0, Action::Escalate);
    }

    #[test]
    fn rules_cannot_release_escalations_and_rollout_switches_tighten() {
        let p = Policy::from_toml("t", "[[rules]]\nintent = \"dispute\"\naction = \"autopilot\"\n[rollout]\nautopilot_languages = { ja = false }\n").unwrap();
        assert_eq!(p.decide(&facts(Intent::Dispute, 0.99)).0, Action::Escalate);
        let mut ja = facts(Intent::TrackOrder, 0.99);
        ja.language = "ja";
        assert_eq!(p.decide(&ja).0, Action::Approve);
        let off = Policy::from_toml("t", "[rollout]\nautopilot = false\n").unwrap();
        assert_eq!(off.decide(&facts(Intent::TrackOrder, 0.99)).0, Action::Approve);
    }

    #[test]
    fn bad_policy_files_are_refused_with_the_reason() {
        assert!(Policy::from_toml("p.toml", "threshold = 2").unwrap_err().to_string().contains("between 0 and 1"));
        assert!(Policy::from_toml("p.toml", "[[rules]]\nintent = \"get_refund\"\naction = \"autopilot\"\nmax_amount = \"3\"\n").unwrap_err().to_string().contains("go together"));
        assert!(Policy::from_toml("p.toml", "[[rules]]\nintent = \"nonsense\"\naction = \"autopilot\"\n").is_err());
        assert!(Policy::from_toml("p.toml", "thresold = 0.5").is_err(), "typos are errors, not ignored");
    }
}
