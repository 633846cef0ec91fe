//! Meridian's translations for the Rust side. The Fluent files under `locales/` are the one
//! source for every UI string; the web UI loads the same files. This crate compiles them in,
//! picks a locale for a requested one, and formats messages with their arguments.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::BTreeMap;
use unic_langid::LanguageIdentifier;

/// The UI languages, the first being the fallback and the complete reference.
pub const LOCALES: &[&str] = &["en-US", "zh-CN", "es-ES", "ja-JP"];

const SOURCES: &[(&str, &str)] = &[
    ("en-US", include_str!("../../../locales/en-US/ui.ftl")),
    ("zh-CN", include_str!("../../../locales/zh-CN/ui.ftl")),
    ("es-ES", include_str!("../../../locales/es-ES/ui.ftl")),
    ("ja-JP", include_str!("../../../locales/ja-JP/ui.ftl")),
];

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("locales/{locale}/ui.ftl does not parse: {detail}")]
    Parse { locale: &'static str, detail: String },
    #[error("locales/{locale}/ui.ftl defines {id} twice")]
    Duplicate { locale: &'static str, id: String },
}

pub struct Translator {
    bundles: BTreeMap<&'static str, FluentBundle<FluentResource>>,
}

impl Translator {
    pub fn new() -> Result<Translator, I18nError> {
        let mut bundles = BTreeMap::new();
        for (locale, source) in SOURCES {
            let resource = FluentResource::try_new(source.to_string())
                .map_err(|(_, errors)| I18nError::Parse { locale, detail: format!("{errors:?}") })?;
            let lang: LanguageIdentifier = locale.parse().map_err(|e| I18nError::Parse { locale, detail: format!("{e}") })?;
            let mut bundle = FluentBundle::new_concurrent(vec![lang]);
            // No Unicode isolation marks around arguments: paths and numbers must stay copyable.
            bundle.set_use_isolating(false);
            bundle.add_resource(resource).map_err(|errors| I18nError::Duplicate { locale, id: format!("{errors:?}") })?;
            bundles.insert(*locale, bundle);
        }
        Ok(Translator { bundles })
    }

    /// The message `id` in `locale` (negotiated), falling back to English, then to the id.
    pub fn tr(&self, locale: &str, id: &str, args: &[(&str, String)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (k, v) in args {
            fluent_args.set(*k, FluentValue::from(v.clone()));
        }
        for candidate in [negotiate(locale), LOCALES[0]] {
            let bundle = &self.bundles[candidate];
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = vec![];
                return bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
            }
        }
        id.to_owned()
    }

    /// The message ids defined for a locale.
    pub fn ids(&self, locale: &str) -> Vec<String> {
        let source = SOURCES.iter().find(|(l, _)| *l == locale).map(|(_, s)| *s).unwrap_or("");
        let resource = fluent_syntax::parser::parse_runtime(source).unwrap_or_else(|(r, _)| r);
        resource
            .body
            .iter()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect()
    }
}

/// Picks the supported UI locale for a requested one: "zh", "zh-Hans-CN" → "zh-CN";
/// "es-MX" → "es-ES"; anything unknown → "en-US".
pub fn negotiate(requested: &str) -> &'static str {
    let lang = requested.split(['-', '_', '.']).next().unwrap_or("").to_ascii_lowercase();
    LOCALES.iter().copied().find(|l| l.split('-').next() == Some(lang.as_str())).unwrap_or(LOCALES[0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_locale_parses_and_has_exactly_the_english_messages() {
        let t = Translator::new().unwrap();
        let english: BTreeSet<String> = t.ids("en-US").into_iter().collect();
        assert!(english.len() > 50);
        for locale in &LOCALES[1..] {
            let ids: BTreeSet<String> = t.ids(locale).into_iter().collect();
            let missing: Vec<_> = english.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&english).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{locale}: missing {missing:?}, extra {extra:?}");
        }
    }

    #[test]
    fn formats_arguments_in_each_language() {
        let t = Translator::new().unwrap();
        let args = [("path", "/data/m.db".to_string())];
        for locale in LOCALES {
            let text = t.tr(locale, "error-db-corrupt", &args);
            assert!(text.contains("/data/m.db"), "{locale}: {text}");
            assert_ne!(text, "error-db-corrupt");
        }
        assert_ne!(t.tr("ja-JP", "error-db-corrupt", &args), t.tr("en-US", "error-db-corrupt", &args));
        assert_eq!(t.tr("en-US", "no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn negotiation() {
        assert_eq!(negotiate("zh"), "zh-CN");
        assert_eq!(negotiate("zh_CN.UTF-8"), "zh-CN");
        assert_eq!(negotiate("es-MX"), "es-ES");
        assert_eq!(negotiate("ja-JP"), "ja-JP");
        assert_eq!(negotiate("fr-FR"), "en-US");
        assert_eq!(negotiate(""), "en-US");
    }
}
