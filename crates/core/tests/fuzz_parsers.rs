//! Fuzz targets for the parsers that read what a client sends (issue 18): the questionnaire
//! answer parser, the condition language, the catalogue query strings and the input cleaning.
//! Property-based (proptest), so they run in CI within a bounded number of cases; each case is
//! generated from hostile material (control characters, bidirectional overrides, NUL, very long
//! values, unknown and repeated fields, numbers at their limits). The XLSForm reader has its own
//! target beside its crafted workbooks (`xlsform_reader_survives_mutated_workbooks`).

use passerelle_core::immersions::CatalogueQuery;
use passerelle_core::questionnaires::answers::parse_section;
use passerelle_core::questionnaires::{expr, template};
use passerelle_core::sheets::catalogue::Selection;
use passerelle_core::text::{clean_input, is_stripped};
use proptest::prelude::*;

/// Text a hostile client could type: printable words, controls, NUL, bidi overrides, RTL
/// letters, quotes and operators of the condition language, numbers at their limits.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z_]{0,12}",
        "[0-9]{0,25}",
        Just("\u{0}".to_owned()),
        Just("\u{202e}".to_owned()),
        Just("\u{2066}".to_owned()),
        Just("\r\n".to_owned()),
        Just("\t".to_owned()),
        Just("\u{85}".to_owned()),
        Just("محمد".to_owned()),
        Just("'".to_owned()),
        Just("\"".to_owned()),
        Just(" and ".to_owned()),
        Just(" or ".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just(" = ".to_owned()),
        Just("selected(".to_owned()),
        Just("-9223372036854775808".to_owned()),
        Just("1e308".to_owned()),
        Just("NaN".to_owned()),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// Field names of the HCTS census's questions, and names that are not.
fn field_name(names: Vec<String>) -> impl Strategy<Value = String> {
    let known = prop::sample::select(names);
    prop_oneof![
        known.clone().prop_map(|n| format!("q-{n}")),
        known.clone().prop_map(|n| format!("q-{n}-other")),
        (known.clone(), "[a-z0-9_]{0,8}").prop_map(|(n, c)| format!("q-{n}-k-{c}")),
        (known, "[a-z0-9_]{0,8}").prop_map(|(n, c)| format!("q-{n}-r-{c}")),
        hostile_text(),
    ]
}

/// A section of the HCTS census and form pairs aimed at it.
fn section_and_pairs() -> impl Strategy<Value = (usize, Vec<(String, String)>)> {
    let def = template::hcts_emerging_practices();
    let names: Vec<Vec<String>> = def
        .sections
        .iter()
        .map(|s| s.questions.iter().map(|q| q.name.clone()).collect())
        .filter(|n: &Vec<String>| !n.is_empty())
        .collect();
    let count = names.len();
    (0..count).prop_flat_map(move |i| {
        let pairs = prop::collection::vec((field_name(names[i].clone()), hostile_text()), 0..24);
        (Just(i), pairs)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn the_answer_parser_keeps_only_known_questions_and_clean_values(
        (index, pairs) in section_and_pairs(),
    ) {
        let def = template::hcts_emerging_practices();
        let sections: Vec<_> = def.sections.iter().filter(|s| !s.questions.is_empty()).collect();
        let section = sections[index];
        let names: Vec<String> = section.questions.iter().map(|q| q.name.clone()).collect();
        let parsed = parse_section(section, &pairs);
        // A tampered form is refused whole by its caller (`save_page`); only the flag counts.
        if !parsed.tampered {
            for (question, _part, value) in parsed.given.rows() {
                prop_assert!(names.contains(&question), "{question} is not in the section");
                prop_assert!(
                    !value.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
                    "{value:?} keeps a control character"
                );
            }
        }
    }

    #[test]
    fn the_condition_parser_never_panics(src in hostile_text()) {
        let _ = expr::parse(&src);
    }

    #[test]
    fn catalogue_query_strings_never_panic_and_stay_bounded(
        qs in hostile_text(),
        pairs in prop::collection::vec((hostile_text(), hostile_text()), 0..16),
    ) {
        let _ = CatalogueQuery::from_query_string(&qs);
        let mut with_page = pairs.clone();
        with_page.push(("page".into(), "99999999999999999999".into()));
        let selection = Selection::from_pairs(&with_page);
        prop_assert!((1..=10_000).contains(&selection.page));
        prop_assert!(selection.q.chars().count() <= 200);
        // A selection survives its own query string.
        let again: Vec<(String, String)> = form_urlencoded::parse(selection.to_query().as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        prop_assert_eq!(Selection::from_pairs(&again).facets, selection.facets);
    }

    #[test]
    fn cleaned_input_holds_no_stripped_character_and_cleaning_twice_changes_nothing(
        text in hostile_text(),
    ) {
        let once = clean_input(&text).into_owned();
        prop_assert!(!once.chars().any(is_stripped));
        prop_assert_eq!(clean_input(&once).into_owned(), once);
    }
}
