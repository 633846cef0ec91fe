//! Turning text into the features the language and intent models read: words, word pairs,
//! letter n-grams inside words (robust to typos), and character n-grams of Chinese and
//! Japanese runs (no spaces between words). Identifiers become placeholder words so that
//! "order #1047" and "order {{Order Number}}" look alike.

use regex::Regex;
use std::sync::LazyLock;

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\{\{\s*([^{}]{1,40}?)\s*\}\}").expect("regex"));
static EMAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S+@\S+\.\w+").expect("regex"));
static ORDERISH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d{3}-\d{7}-\d{7}|[#＃]\s?\d{3,10}").expect("regex"));
static MONEY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[$€£¥₩]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|eur|usd|gbp|jpy|cny|krw|sar|aed|zł|pln|元|円|원)").expect("regex"));
static LONG_CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[a-z]{0,2}\d[\da-z]{8,}\b").expect("regex"));
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+").expect("regex"));

/// Lower case with identifiers replaced by placeholder words.
pub fn normalize(text: &str) -> String {
    let lower = text.to_lowercase();
    let s = PLACEHOLDER.replace_all(&lower, " $1 ");
    let s = EMAIL.replace_all(&s, " xemail ");
    let s = MONEY.replace_all(&s, " xmoney ");
    let s = ORDERISH.replace_all(&s, " xorder ");
    let s = LONG_CODE.replace_all(&s, " xcode ");
    NUMBER.replace_all(&s, " xnum ").into_owned()
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F)
}

/// FNV-1a, stable across runs and platforms (std's hasher is randomised).
pub fn hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

/// The words of a normalised text (letters and digits; CJK runs are kept as one word).
pub fn words(normalized: &str) -> Vec<&str> {
    normalized.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).filter(|w| !w.is_empty()).collect()
}

/// Hashed features of a text for the intent model.
pub fn intent_features(text: &str) -> Vec<u64> {
    let norm = normalize(text);
    let ws = words(&norm);
    let mut out = Vec::with_capacity(ws.len() * 6);
    let mut prev = "^";
    for w in &ws {
        let chars: Vec<char> = w.chars().collect();
        if chars.iter().any(|c| is_cjk(*c)) {
            // Character uni-, bi- and trigrams of the run.
            for n in 1..=3 {
                for win in chars.windows(n) {
                    let s: String = win.iter().collect();
                    out.push(hash(&["c", &s]));
                }
            }
        } else {
            out.push(hash(&["w", w]));
            out.push(hash(&["b", prev, w]));
            if chars.len() >= 5 {
                let padded: Vec<char> = std::iter::once('<').chain(chars.iter().copied()).chain(std::iter::once('>')).collect();
                for n in [4usize, 5] {
                    for win in padded.windows(n) {
                        let s: String = win.iter().collect();
                        out.push(hash(&["g", &s]));
                    }
                }
            }
        }
        prev = w;
    }
    out.push(hash(&["b", prev, "$"]));
    out
}

/// Hashed character n-grams (1–3, with word boundaries) for language identification.
pub fn language_features(text: &str) -> Vec<u64> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    for w in lower.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        let padded: Vec<char> = std::iter::once(' ').chain(w.chars()).chain(std::iter::once(' ')).collect();
        for n in 1..=3 {
            for win in padded.windows(n) {
                if n == 1 && win[0] == ' ' {
                    continue;
                }
                let s: String = win.iter().collect();
                out.push(hash(&["l", &s]));
            }
        }
        if w.chars().count() <= 6 {
            out.push(hash(&["lw", w]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_become_placeholders() {
        assert_eq!(words(&normalize("Order #1047 costs $49.99")), ["order", "xorder", "costs", "xmoney"]);
        assert_eq!(words(&normalize("cancel {{Order Number}} now")), ["cancel", "order", "number", "now"]);
        assert_eq!(words(&normalize("mail me at a.b@c.com")), ["mail", "me", "at", "xemail"]);
    }

    #[test]
    fn cjk_runs_give_character_ngrams() {
        let f = intent_features("包裹");
        assert!(f.contains(&hash(&["c", "包裹"])));
        assert!(f.contains(&hash(&["c", "包"])));
    }
}
