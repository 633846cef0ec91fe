//! The demo store's phrase books and country data, compiled in from assets/demo.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
pub struct Country {
    pub code: String,
    pub languages: Vec<String>,
    pub currency: String,
    pub phone_prefix: String,
    pub phone_national_digits: usize,
    pub mobile_starts: Vec<String>,
    pub first_names: Vec<String>,
    pub first_names_latin: Vec<String>,
    pub last_names: Vec<String>,
    pub last_names_latin: Vec<String>,
    pub streets: Vec<String>,
    pub cities: Vec<City>,
}

#[derive(Debug, Deserialize)]
pub struct City {
    pub city: String,
    pub region: String,
    pub region_code: String,
    pub postcode: String,
    pub tz: String,
}

#[derive(Debug, Deserialize)]
pub struct PhraseBook {
    pub language: String,
    pub intents: BTreeMap<String, IntentPhrases>,
    pub signatures: Vec<String>,
    pub products: Vec<Product>,
}

#[derive(Debug, Deserialize)]
pub struct IntentPhrases {
    pub subjects: Vec<String>,
    pub openings: Vec<String>,
    pub followups: Vec<String>,
    pub agent_replies: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Product {
    pub name: String,
    pub sku_stem: String,
}

const COUNTRIES: &str = include_str!("../../../assets/demo/countries.json");

/// Phrase books by language, in a fixed order.
const PHRASES: &[(&str, &str)] = &[
    ("en", include_str!("../../../assets/demo/lang/en.json")),
    ("es", include_str!("../../../assets/demo/lang/es.json")),
    ("fr", include_str!("../../../assets/demo/lang/fr.json")),
    ("de", include_str!("../../../assets/demo/lang/de.json")),
    ("it", include_str!("../../../assets/demo/lang/it.json")),
    ("pt", include_str!("../../../assets/demo/lang/pt.json")),
    ("nl", include_str!("../../../assets/demo/lang/nl.json")),
    ("pl", include_str!("../../../assets/demo/lang/pl.json")),
    ("ja", include_str!("../../../assets/demo/lang/ja.json")),
    ("zh", include_str!("../../../assets/demo/lang/zh.json")),
    ("ko", include_str!("../../../assets/demo/lang/ko.json")),
    ("ar", include_str!("../../../assets/demo/lang/ar.json")),
];

#[derive(Debug, thiserror::Error)]
#[error("demo asset {name} is invalid: {source}")]
pub struct AssetError {
    pub name: String,
    pub source: serde_json::Error,
}

pub struct Assets {
    pub countries: Vec<Country>,
    pub phrases: BTreeMap<String, PhraseBook>,
}

impl Assets {
    pub fn load() -> Result<Assets, AssetError> {
        let countries = serde_json::from_str(COUNTRIES).map_err(|source| AssetError { name: "countries.json".into(), source })?;
        let mut phrases = BTreeMap::new();
        for (lang, text) in PHRASES {
            let book: PhraseBook = serde_json::from_str(text).map_err(|source| AssetError { name: format!("lang/{lang}.json"), source })?;
            phrases.insert(lang.to_string(), book);
        }
        Ok(Assets { countries, phrases })
    }

    /// The phrase book for a language, English when the demo has none for it.
    pub fn book(&self, language: &str) -> &PhraseBook {
        self.phrases.get(language).or_else(|| self.phrases.get("en")).expect("the English phrase book is compiled in")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use meridian_core::Intent;

    #[test]
    fn every_book_covers_every_intent_with_known_placeholders() {
        let assets = Assets::load().unwrap();
        assert_eq!(assets.phrases.len(), 12);
        let allowed = ["{order}", "{tracking}", "{first_name}", "{product}", "{city}", "{amount}"];
        for (lang, book) in &assets.phrases {
            assert_eq!(&book.language, lang);
            for intent in Intent::ALL {
                let p = book.intents.get(intent.as_str()).unwrap_or_else(|| panic!("{lang} lacks {intent}"));
                assert!(!p.openings.is_empty() && !p.subjects.is_empty() && !p.followups.is_empty() && !p.agent_replies.is_empty(), "{lang} {intent}");
                for text in p.openings.iter().chain(&p.subjects).chain(&p.followups).chain(&p.agent_replies) {
                    let mut rest = text.as_str();
                    while let Some(start) = rest.find('{') {
                        let end = rest[start..].find('}').map(|e| start + e + 1).unwrap_or(rest.len());
                        assert!(allowed.contains(&&rest[start..end]), "{lang} {intent}: {text}");
                        rest = &rest[end..];
                    }
                }
            }
            assert!(book.products.len() >= 6, "{lang} products");
        }
    }

    #[test]
    fn countries_are_consistent() {
        let assets = Assets::load().unwrap();
        assert!(assets.countries.len() >= 12);
        for c in &assets.countries {
            assert_eq!(c.first_names.len(), c.first_names_latin.len(), "{}", c.code);
            assert_eq!(c.last_names.len(), c.last_names_latin.len(), "{}", c.code);
            assert!(!c.cities.is_empty() && !c.streets.is_empty(), "{}", c.code);
            assert!(meridian_core::phone::calling_code(&c.code).is_some(), "{}", c.code);
        }
    }
}
