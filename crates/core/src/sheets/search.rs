//! French full-text analysis, done in Rust so that both databases index the very same terms:
//! words are cut at anything that is not a letter or a digit ("pair-aidance" → "pair",
//! "aidance"), lower-cased, stemmed with the Snowball French stemmer ("familles" → "famill"),
//! then stripped of accents ("réseau" and "reseau" → "reseau"). SQLite's FTS5 and PostgreSQL's
//! `simple` configuration then only match these terms. Snippets are cut here too, from the
//! original text, so they read the same whatever the database.

use std::sync::OnceLock;

use frostem::{Algorithm, Stemmer};

use crate::text::fold;

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::new(Algorithm::French))
}

/// The search term of one word, or `None` for a one-character word ("l'", "d'", "à").
///
/// A stem of three letters or fewer joins words that have little in common ("répit" and
/// "repas" both stem to "rep", "mère" and "mer" to "mer", "âgées" and "âge" to "age"): when the
/// word, without a plural `s` or `x`, is longer than such a stem, it is its own term ("repit",
/// "repa", "mere", "agee").
pub fn term(word: &str) -> Option<String> {
    if word.chars().count() < 2 {
        return None;
    }
    let lower = word.to_lowercase();
    let stem = stemmer().stem(&lower);
    let folded = fold(&stem);
    if folded.is_empty() {
        return None;
    }
    let whole = fold(&lower);
    let singular = whole
        .strip_suffix(['s', 'x'])
        .filter(|w| w.chars().count() >= 2)
        .unwrap_or(&whole);
    if folded.chars().count() <= 3 && singular.chars().count() > folded.chars().count() {
        return Some(singular.to_owned());
    }
    Some(folded)
}

/// The words of `text` written with hyphens ("pluri-disciplinaire", "pair-aidance"), each
/// joined into one ("pluridisciplinaire"), so that either spelling finds the other.
fn hyphenated(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| w.contains('-'))
        .map(|w| w.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>())
        .filter(|parts| parts.len() > 1)
        .map(|parts| parts.concat())
}

fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// The terms of `text`, space-separated: what the index stores (the parts of a hyphenated word
/// and, after all of them, each hyphenated word joined).
pub fn index_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let joined: Vec<String> = hyphenated(text).collect();
    for t in words(text)
        .filter_map(|(_, w)| term(w))
        .chain(joined.iter().filter_map(|w| term(w)))
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t);
    }
    out
}

/// French function words, as terms: they say little about what a text is about.
const FUNCTION_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "ce", "ces", "dan", "de", "des", "du", "en", "et", "l", "la", "le",
    "les", "leur", "ou", "par", "pour", "sa", "se", "ses", "son", "sur", "un", "une",
];

/// Whether a term is a French function word ("de", "la", "pour"…).
pub fn is_function_word(term: &str) -> bool {
    FUNCTION_WORDS.contains(&term)
}

/// The distinct terms of a query, at most eight; all must match. Function words are left out
/// ("accueil de jour" looks for "accueil" and "jour"), unless the query has nothing else.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = vec![];
    // A hyphenated word is looked for joined ("pluri-disciplinaire" as "pluridisciplinaire"),
    // which the index holds for either spelling.
    let spaced: String = query
        .split(char::is_whitespace)
        .map(|w| {
            if w.split('-').filter(|p| !p.is_empty()).count() > 1 {
                w.replace('-', "")
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    for (_, w) in words(&spaced) {
        if let Some(t) = term(w)
            && !terms.contains(&t)
        {
            terms.push(t);
        }
    }
    // A facet value's token (see `index::facet_token`) is not a word: typed as one, it would
    // match facets on PostgreSQL (whose index has no columns) and not on SQLite.
    terms.retain(|t| !looks_like_facet_token(t));
    if terms.iter().any(|t| !is_function_word(t)) {
        terms.retain(|t| !is_function_word(t));
    }
    terms.truncate(8);
    terms
}

fn looks_like_facet_token(term: &str) -> bool {
    term.strip_prefix("zf")
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Text of several lines (paragraphs, list items) on one line, the lines kept apart by " · ".
fn lines_apart(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        let line = if i == 0 { line.trim_end() } else { line.trim() };
        if i > 0 && !line.is_empty() && !out.trim_end().is_empty() {
            out.push_str(" · ");
        }
        out.push_str(line);
    }
    if text.ends_with(' ') && !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// A piece of a snippet: text, and whether it is a match to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub hit: bool,
}

/// About `width` words of `text` around the first match of `terms`, matches marked; the start
/// of the text when nothing matches.
pub fn snippet(text: &str, terms: &[String], width: usize) -> Vec<Piece> {
    let all: Vec<(usize, &str)> = words(text).collect();
    if all.is_empty() {
        return vec![];
    }
    // Stemming every word of a long text is the costly part: a word can only match a term when
    // its folded form starts like it (stems are prefixes, up to accents), so most words are
    // ruled out before the stemmer runs.
    let heads: Vec<String> = terms.iter().map(|t| t.chars().take(3).collect()).collect();
    let is_hit = |w: &str| {
        let folded = fold(w);
        heads.iter().any(|h| folded.starts_with(h.as_str()))
            && term(w).is_some_and(|t| terms.contains(&t))
    };
    let first = all.iter().position(|(_, w)| is_hit(w)).unwrap_or(0);
    let start_word = first.saturating_sub(width / 3);
    let end_word = (start_word + width).min(all.len());
    let from = all[start_word].0;
    let last = all[end_word - 1];
    let to = last.0 + last.1.len();
    let mut pieces = vec![];
    let mut at = from;
    if start_word > 0 {
        pieces.push(Piece {
            text: "… ".into(),
            hit: false,
        });
    }
    for (pos, w) in &all[start_word..end_word] {
        if is_hit(w) {
            if *pos > at {
                pieces.push(Piece {
                    text: lines_apart(&text[at..*pos]),
                    hit: false,
                });
            }
            pieces.push(Piece {
                text: (*w).to_owned(),
                hit: true,
            });
            at = pos + w.len();
        }
    }
    if to > at {
        pieces.push(Piece {
            text: lines_apart(&text[at..to]),
            hit: false,
        });
    }
    if end_word < all.len() {
        pieces.push(Piece {
            text: " …".into(),
            hit: false,
        });
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stemming_and_folding_join_the_forms_people_type() {
        assert_eq!(index_text("pair-aidance"), "pair aidanc pairaid");
        assert_eq!(query_terms("pair aidance"), ["pair", "aidanc"]);
        // Either spelling of a compound finds the other.
        assert_eq!(query_terms("pairaidance"), ["pairaid"]);
        assert_eq!(query_terms("pair-aidance"), ["pairaid"]);
        assert_eq!(
            query_terms("pluri-disciplinaire"),
            index_text("pluridisciplinaire")
                .split(' ')
                .collect::<Vec<_>>()
        );
        // Short stems do not join words that share only them.
        assert_ne!(query_terms("répit"), query_terms("repas"));
        assert_ne!(query_terms("mère"), query_terms("mer"));
        assert_ne!(query_terms("personnes âgées"), query_terms("personnes âge"));
        assert_eq!(query_terms("âgées"), query_terms("âgée"));
        assert_eq!(query_terms("repit"), query_terms("répit"));
        assert_eq!(query_terms("famille"), query_terms("familles"));
        assert_eq!(query_terms("reseau"), query_terms("réseau"));
        assert_eq!(query_terms("Réseaux"), query_terms("réseau"));
        assert_eq!(
            query_terms("conférences familiales"),
            query_terms("conference familiale")
        );
        assert_eq!(
            index_text("l'aller-vers d'abord"),
            "aller ver abord allerver"
        );
    }

    #[test]
    fn function_words_are_left_out_of_a_query_unless_it_has_nothing_else() {
        assert_eq!(query_terms("accueil de jour"), ["accueil", "jour"]);
        assert_eq!(
            query_terms("Protection de l'enfance"),
            query_terms("protection enfance")
        );
        assert_eq!(query_terms("de la"), ["de", "la"]);
    }

    #[test]
    fn a_facet_token_typed_as_a_word_is_not_searched() {
        let token = super::super::index::facet_token("themes", "pair_aidance");
        assert_eq!(
            query_terms(&format!("{token} famille")),
            query_terms("famille")
        );
        assert!(query_terms(&token).is_empty());
        assert_eq!(query_terms("zfz"), ["zfz"]);
    }

    #[test]
    fn a_snippet_marks_the_matching_words_around_the_first_match() {
        let text = "Un texte qui commence loin. Les conférences familiales réunissent la famille \
                    élargie autour de l'enfant.";
        let pieces = snippet(text, &query_terms("famille"), 6);
        let hits: Vec<_> = pieces
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hits, ["famille"]);
        let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert!(joined.starts_with("… "), "{joined}");
        assert!(joined.contains("réunissent la famille élargie"), "{joined}");
        assert!(joined.ends_with(" …"), "{joined}");
    }

    #[test]
    fn a_snippet_keeps_list_items_apart() {
        let pieces = snippet(
            "Leviers :\nFormation commune\nAppui des élus\n",
            &query_terms("élus"),
            20,
        );
        let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, "Leviers : · Formation commune · Appui des élus");
    }
}
