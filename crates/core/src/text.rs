//! Text helpers shared by features: the accent-folded form used for searching, and code enums.

use unicode_normalization::UnicodeNormalization;

/// Lower-cases `text` and removes diacritics ("Éducation" → "education"), so that a search for
/// "reseau" finds "réseau" on both databases without relying on their collations.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of a search query, folded, without one-letter noise; at most `max` of them.
pub fn query_words(query: &str, max: usize) -> Vec<String> {
    fold(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .take(max)
        .map(str::to_owned)
        .collect()
}

/// Whether `c` is removed from every text a person sends, on both databases alike: C0
/// control characters but tab, line feed and carriage return (NUL above all, which PostgreSQL
/// refuses in text), DEL, C1 controls, and the bidirectional embedding, override and isolate
/// controls (U+202A–U+202E, U+2066–U+2069), which can make text read differently from what it
/// holds ("Trojan Source") and have no use in what people type into a form. Marks that scripts
/// need (LRM, RLM, ALM, zero-width joiners) are kept; pages isolate user text instead.
pub fn is_stripped(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` without the characters of [`is_stripped`]; borrowed when there are none.
pub fn clean_input(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(is_stripped) {
        std::borrow::Cow::Owned(text.chars().filter(|c| !is_stripped(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Whether `c` is invisible formatting: bidirectional marks and controls, zero-width spaces and
/// joiners, the word joiner and the byte-order mark. Never part of a path or an identifier.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{61c}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// Splits a comma-separated list, trimming and dropping empties.
pub fn split_list(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Declares an enumeration stored and shown by its stable code (`code()`, `parse()`, `ALL`).
/// Codes double as the suffix of their Fluent keys.
#[macro_export]
macro_rules! code_enum {
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vm])* $variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn code(self) -> &'static str { match self { $($name::$variant => $code),+ } }
            pub fn parse(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_loses_controls_and_bidi_overrides_only() {
        assert_eq!(clean_input("Ana\u{0}ïs\u{7}"), "Anaïs");
        assert_eq!(clean_input("a\u{7f}b\u{85}c"), "abc");
        assert_eq!(clean_input("\u{202e}evil\u{2066}x\u{2069}"), "evilx");
        let kept = "ligne 1\r\nligne 2\tfin \u{200f}\u{200d}عربى";
        assert!(matches!(clean_input(kept), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn folding_removes_case_and_accents() {
        assert_eq!(
            fold("Réseau ÉDUCATIF à Ouagadougou"),
            "reseau educatif a ouagadougou"
        );
        assert_eq!(fold("pair-aidance"), "pair-aidance");
    }

    #[test]
    fn query_words_are_folded_and_capped() {
        assert_eq!(
            query_words("  Protection de l'Enfance!", 5),
            ["protection", "de", "enfance"]
        );
        assert_eq!(query_words("a b c", 5), Vec::<String>::new());
        assert_eq!(query_words("un deux trois quatre", 2), ["un", "deux"]);
    }

    #[test]
    fn lists_split_on_commas() {
        assert_eq!(split_list(" fr, en ,,de "), ["fr", "en", "de"]);
    }
}
