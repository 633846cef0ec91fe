//! Which language a message is in. The script decides for Korean, Japanese, Chinese and
//! Arabic; a naive Bayes model over letter n-grams, trained on the project's examples,
//! tells the Latin-script languages apart. "und" when there is too little to tell.

use crate::features::{is_cjk, language_features};
use std::collections::HashMap;

pub const LATIN: &[&str] = &["en", "es", "fr", "de", "it", "pt", "nl", "pl"];

pub struct LanguageModel {
    /// Per language: n-gram counts and their total.
    counts: Vec<(String, HashMap<u64, u32>, u64)>,
    vocabulary: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Guess {
    pub language: String,
    pub confidence: f32,
}

impl LanguageModel {
    pub fn train<'a>(texts: impl Iterator<Item = (&'a str, &'a str)>) -> LanguageModel {
        let mut by_lang: HashMap<String, (HashMap<u64, u32>, u64)> = HashMap::new();
        let mut vocab = std::collections::HashSet::new();
        for (text, lang) in texts {
            if !LATIN.contains(&lang) {
                continue;
            }
            let entry = by_lang.entry(lang.to_owned()).or_default();
            for f in language_features(text) {
                *entry.0.entry(f).or_insert(0) += 1;
                entry.1 += 1;
                vocab.insert(f);
            }
        }
        let mut counts: Vec<(String, HashMap<u64, u32>, u64)> = by_lang.into_iter().map(|(l, (c, n))| (l, c, n)).collect();
        counts.sort_by(|a, b| a.0.cmp(&b.0));
        LanguageModel { counts, vocabulary: vocab.len().max(1) }
    }

    pub fn identify(&self, text: &str) -> Guess {
        let (mut hangul, mut kana, mut han, mut arabic, mut latin) = (0usize, 0usize, 0usize, 0usize, 0usize);
        for c in text.chars() {
            match c as u32 {
                0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => hangul += 1,
                0x3040..=0x30FF | 0xFF66..=0xFF9F => kana += 1,
                _ if is_cjk(c) => han += 1,
                0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => arabic += 1,
                _ if c.is_alphabetic() => latin += 1,
                _ => {}
            }
        }
        let total = hangul + kana + han + arabic + latin;
        if total < 2 {
            return Guess { language: "und".into(), confidence: 0.0 };
        }
        let share = |n: usize| n as f32 / total as f32;
        // Japanese mixes kana and kanji; a few kana among many kanji is still Japanese.
        if kana > 0 && (kana + han) * 2 >= total {
            return Guess { language: "ja".into(), confidence: (0.9 + 0.1 * share(kana + han)).min(0.99) };
        }
        if hangul * 2 >= total {
            return Guess { language: "ko".into(), confidence: (0.85 + 0.15 * share(hangul)).min(0.99) };
        }
        if han * 2 >= total {
            return Guess { language: "zh".into(), confidence: (0.85 + 0.15 * share(han)).min(0.99) };
        }
        if arabic * 2 >= total {
            return Guess { language: "ar".into(), confidence: (0.85 + 0.15 * share(arabic)).min(0.99) };
        }
        self.latin(text)
    }

    fn latin(&self, text: &str) -> Guess {
        let feats = language_features(text);
        if feats.len() < 3 || self.counts.is_empty() {
            return Guess { language: "und".into(), confidence: 0.0 };
        }
        let v = self.vocabulary as f64;
        let scores: Vec<f64> = self
            .counts
            .iter()
            .map(|(_, c, n)| {
                let denom = (*n as f64 + 0.5 * v).ln();
                feats.iter().map(|f| (c.get(f).copied().unwrap_or(0) as f64 + 0.5).ln() - denom).sum()
            })
            .collect();
        // Naive Bayes is overconfident on long texts; scale by length before the softmax.
        let scale = 1.0 / (feats.len() as f64).sqrt();
        let max = scores.iter().cloned().fold(f64::MIN, f64::max);
        let exps: Vec<f64> = scores.iter().map(|s| ((s - max) * scale * 2.0).exp()).collect();
        let sum: f64 = exps.iter().sum();
        let (best, p) = exps.iter().enumerate().map(|(i, e)| (i, e / sum)).max_by(|a, b| a.1.total_cmp(&b.1)).unwrap_or((0, 0.0));
        if p < 0.35 {
            return Guess { language: "und".into(), confidence: p as f32 };
        }
        Guess { language: self.counts[best].0.clone(), confidence: p as f32 }
    }
}
