//! Fluent bundles (French first, English complete) and locale negotiation.
//!
//! Every user-facing string lives in `locales/{fr,en}/*.ftl`; code refers to messages by key.
//! A test (below) fails when a key exists in one language and not the other.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::{Loader, static_loader};
use unic_langid::{LanguageIdentifier, langid};

pub use fluent_templates::fluent_bundle::FluentValue;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "fr",
        // Isolation marks (U+2068/U+2069) would leak into HTML attributes and e-mail subjects.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static FR: LanguageIdentifier = langid!("fr");
static EN: LanguageIdentifier = langid!("en");

/// A UI language Passerelle is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    Fr,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Fr, Locale::En];

    /// The BCP 47 code, as stored in the database and used in `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }

    /// Parses a code such as `fr`, `en`, `en-GB`; anything else is `None`.
    pub fn parse(code: &str) -> Option<Locale> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Locale::Fr),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// Picks the best supported locale from an `Accept-Language` header value.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        // By quality, each tag by its language (`en-GB` is English): browsers often send only
        // a regional tag.
        accept_language::parse(header)
            .iter()
            .find_map(|tag| Locale::parse(tag))
    }

    fn langid(self) -> &'static LanguageIdentifier {
        match self {
            Locale::Fr => &FR,
            Locale::En => &EN,
        }
    }

    /// The message for `key`; the key itself when missing (which the parity test prevents).
    pub fn t(self, key: &str) -> String {
        LOCALES
            .try_lookup(self.langid(), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message for `key` with named arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
            .collect();
        // fluent-templates wants 'static values; we own every argument for the lookup only.
        let owned: HashMap<Cow<'static, str>, FluentValue<'static>> =
            map.into_iter().map(|(k, v)| (k, v.into_owned())).collect();
        LOCALES
            .try_lookup_with_args(self.langid(), key, &owned)
            .unwrap_or_else(|| key.to_owned())
    }

    /// Whether a message exists for `key` (used to map error codes to messages).
    pub fn has(self, key: &str) -> bool {
        LOCALES.try_lookup(self.langid(), key).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    #[test]
    fn a_sheet_category_never_reads_like_the_sheet_type() {
        for locale in [Locale::Fr, Locale::En] {
            assert_ne!(
                locale.t("sheet-opt-category-emerging"),
                locale.t("sheet-type-emerging_practice"),
                "{locale:?}"
            );
        }
    }

    #[test]
    fn a_regional_tag_names_its_language() {
        assert_eq!(Locale::from_accept_language("en-GB"), Some(Locale::En));
        assert_eq!(
            Locale::from_accept_language("de-CH, en-US;q=0.8, fr;q=0.5"),
            Some(Locale::En)
        );
        assert_eq!(
            Locale::from_accept_language("fr-CA,en;q=0.9"),
            Some(Locale::Fr)
        );
        assert_eq!(Locale::from_accept_language("de, es"), None);
    }

    fn keys(lang: &str) -> BTreeSet<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        let mut keys = BTreeSet::new();
        for entry in std::fs::read_dir(&dir).expect("locale folder") {
            let path = entry.expect("entry").path();
            let source = std::fs::read_to_string(&path).expect("ftl file");
            let resource = fluent_syntax::parser::parse(source.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
            for entry in resource.body {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    let file = path.file_name().and_then(|f| f.to_str()).unwrap_or("");
                    assert!(
                        keys.insert(m.id.name.to_owned()),
                        "{file}: duplicate key {}",
                        m.id.name
                    );
                }
            }
        }
        keys
    }

    #[test]
    fn french_and_english_have_the_same_keys() {
        let fr = keys("fr");
        let en = keys("en");
        let only_fr: Vec<_> = fr.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&fr).collect();
        assert!(only_fr.is_empty(), "keys missing in English: {only_fr:?}");
        assert!(only_en.is_empty(), "keys missing in French: {only_en:?}");
        assert!(fr.len() > 50, "the bundles look empty");
    }

    #[test]
    fn accept_language_prefers_the_first_supported_language() {
        assert_eq!(
            Locale::from_accept_language("de-CH, en;q=0.8, fr;q=0.5"),
            Some(Locale::En)
        );
        assert_eq!(
            Locale::from_accept_language("fr-CH, fr;q=0.9"),
            Some(Locale::Fr)
        );
        assert_eq!(Locale::from_accept_language("de, it"), None);
    }

    #[test]
    fn arguments_are_interpolated_without_isolation_marks() {
        let s = Locale::En.t_args("org-members-count", &[("count", FluentValue::from(3))]);
        assert_eq!(s, "3 members");
        let s = Locale::Fr.t_args("org-members-count", &[("count", FluentValue::from(0))]);
        assert_eq!(s, "0 membre");
    }
}
