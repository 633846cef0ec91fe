//! The engine's own training examples, written by the project in every language it serves
//! (assets/assist/train), compiled into the binary.

use meridian_core::Intent;

pub struct Example {
    pub text: String,
    pub intent: Intent,
    pub language: String,
}

const FILES: &[(&str, &str)] = &[
    ("en-a", include_str!("../../../assets/assist/train/en-a.jsonl")),
    ("en-b", include_str!("../../../assets/assist/train/en-b.jsonl")),
    ("en-c", include_str!("../../../assets/assist/train/en-c.jsonl")),
    ("es", include_str!("../../../assets/assist/train/es.jsonl")),
    ("fr", include_str!("../../../assets/assist/train/fr.jsonl")),
    ("de", include_str!("../../../assets/assist/train/de.jsonl")),
    ("it", include_str!("../../../assets/assist/train/it.jsonl")),
    ("pt", include_str!("../../../assets/assist/train/pt.jsonl")),
    ("nl", include_str!("../../../assets/assist/train/nl.jsonl")),
    ("pl", include_str!("../../../assets/assist/train/pl.jsonl")),
    ("ja", include_str!("../../../assets/assist/train/ja.jsonl")),
    ("zh", include_str!("../../../assets/assist/train/zh.jsonl")),
    ("ko", include_str!("../../../assets/assist/train/ko.jsonl")),
    ("ar", include_str!("../../../assets/assist/train/ar.jsonl")),
];

#[derive(serde::Deserialize)]
struct Line {
    text: String,
    intent: String,
    language: String,
}

/// All examples, in file order. A malformed line is an error naming the file and line:
/// the examples ship with the app and must be right.
pub fn all() -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    for (name, content) in FILES {
        for (i, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let l: Line = serde_json::from_str(line).map_err(|e| format!("assets/assist/train/{name}.jsonl line {}: {e}", i + 1))?;
            let intent = l.intent.parse().map_err(|e| format!("assets/assist/train/{name}.jsonl line {}: {e}", i + 1))?;
            out.push(Example { text: l.text, intent, language: l.language });
        }
    }
    Ok(out)
}
