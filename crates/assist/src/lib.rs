//! The assist engine, offline: what language a message is in, what the customer wants,
//! which identifiers it names, whether it threatens, and what the policy allows next.
//! The contract (fields, taxonomy, default policy) is TRIAGE.md.
//!
//! Invariants: no network; deterministic (the same examples train the same model, the
//! same message gets the same answer); the policy never reads the customer's text.

pub mod clean;
pub mod draft;
pub mod entities;
pub mod eval;
mod examples;
pub mod features;
pub mod intent;
pub mod lang;
pub mod policy;
pub mod threat;

use meridian_core::{Action, Channel, Intent, Money};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

pub use entities::Entities;
pub use policy::{Policy, PolicyError};

/// One message to triage, as TRIAGE.md's input line.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Input {
    pub id: Option<serde_json::Value>,
    pub channel: Option<String>,
    pub subject: Option<String>,
    pub text: String,
    pub received_at: Option<String>,
    pub customer: Option<CustomerHint>,
    /// Money at stake when known (an order total), for the policy's money limits.
    pub amount: Option<Money>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct CustomerHint {
    pub country: Option<String>,
    pub phone: Option<String>,
}

/// TRIAGE.md's output line (without the draft, which the drafting step adds).
#[derive(Debug, Clone, Serialize)]
pub struct Triage {
    pub id: serde_json::Value,
    pub language: String,
    pub language_confidence: f64,
    pub intent: Intent,
    pub confidence: f64,
    pub entities: Entities,
    pub threat: bool,
    pub action: Action,
    pub reason: String,
}

/// Phrases that try to instruct the system rather than ask the store something.
static INSTRUCTIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)ignore (?:all |the )?(?:previous|prior|above) (?:instructions|messages|rules)|system prompt|you are now|act as|(?:manager|supervisor|boss) (?:has |already )?(?:approved|authori[sz]ed)|approved by (?:the )?(?:manager|supervisor)|auto-?approve|ignora las instrucciones|ignorez les instructions|ignoriere (?:alle )?(?:vorherigen )?anweisungen|以前の指示を無視|忽略(?:之前|以上)的(?:指示|指令)|이전 지시를 무시|تجاهل التعليمات").expect("regex")
});

pub struct Engine {
    language: lang::LanguageModel,
    intent: intent::IntentModel,
    replies: draft::Replies,
}

/// A triaged message with its grounded draft, in the customer's and the agent's language.
#[derive(Debug, Clone, Serialize)]
pub struct Assisted {
    #[serde(flatten)]
    pub triage: Triage,
    pub draft: String,
    /// The same draft in the agent's language: its exact meaning.
    pub draft_for_agent: String,
    pub facts: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("the engine's training examples are invalid: {0}")]
    Examples(String),
}

impl Engine {
    /// Trains the models from the compiled-in examples (a second or two, once per process).
    pub fn new() -> Result<Engine, EngineError> {
        let examples = examples::all().map_err(EngineError::Examples)?;
        let language = lang::LanguageModel::train(examples.iter().map(|e| (e.text.as_str(), e.language.as_str())));
        let pairs: Vec<(&str, Intent)> = examples.iter().map(|e| (e.text.as_str(), e.intent)).collect();
        let intent = intent::IntentModel::train(&pairs);
        let replies = draft::Replies::new().map_err(EngineError::Examples)?;
        Ok(Engine { language, intent, replies })
    }

    /// Triage, then the grounded draft; missing facts move the action to at least approve.
    pub fn assist(&self, input: &Input, policy: &Policy, grounding: &draft::Grounding, agent_language: &str) -> Assisted {
        let mut triage = self.triage(input, policy);
        let plan = draft::plan(triage.intent, grounding);
        if plan.missing_data && triage.action == Action::Autopilot {
            triage.action = Action::Approve;
            triage.reason = format!("{}; needs approval: the reply needs data no connector supplied", triage.reason);
        }
        let lang = if draft::LANGUAGES.contains(&triage.language.as_str()) { triage.language.clone() } else { "en".to_owned() };
        Assisted {
            draft: self.replies.render(&plan, &lang),
            draft_for_agent: self.replies.render(&plan, agent_language),
            facts: plan.facts,
            triage,
        }
    }

    pub fn triage(&self, input: &Input, policy: &Policy) -> Triage {
        let words = clean::new_words(&input.text);
        let subject = input.subject.as_deref().unwrap_or("");
        let understood = if subject.is_empty() { words.clone() } else { format!("{subject}\n{words}") };
        let guess = self.language.identify(&words);
        let (language, language_confidence) = if guess.language == "und" && !subject.is_empty() {
            let g = self.language.identify(&understood);
            (g.language, g.confidence)
        } else {
            (guess.language, guess.confidence)
        };
        let ranked = self.intent.predict(&understood);
        let (intent, confidence) = ranked[0];
        let unsafe_mass: f32 = ranked.iter().filter(|(i, _)| i.default_action() != Action::Autopilot).map(|(_, p)| p).sum();
        let country = input.customer.as_ref().and_then(|c| c.country.as_deref());
        // Identifiers anywhere in the message count, quoted ones included (an order number
        // in the quoted confirmation is still the order the customer writes about).
        let entities = entities::extract(&format!("{subject}\n{}", input.text), country);
        let threat = threat::is_threat(&words) || threat::is_threat(subject) || (intent == Intent::Dispute && confidence >= 0.6);
        let channel = input.channel.as_deref().and_then(|c| c.parse::<Channel>().ok());
        let facts = policy::Facts {
            intent,
            confidence,
            unsafe_mass,
            threat,
            language: &language,
            channel,
            amount: input.amount.as_ref(),
            missing_data: false,
            instructions_in_text: INSTRUCTIONS.is_match(&words),
        };
        let (action, reason) = policy.decide(&facts);
        Triage {
            id: input.id.clone().unwrap_or(serde_json::Value::Null),
            language,
            language_confidence: round2(language_confidence),
            intent,
            confidence: round2(confidence),
            entities,
            threat,
            action,
            reason,
        }
    }
}

fn round2(x: f32) -> f64 {
    (x as f64 * 100.0).round() / 100.0
}
