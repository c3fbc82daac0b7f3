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
