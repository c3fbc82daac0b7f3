//! Writing a definition as XLSForm sheets.

use std::collections::BTreeSet;

use super::expressions::condition_to_xpath;
use crate::questionnaires::expr;
use crate::questionnaires::model::*;

/// The XLSForm sheets of a definition: `(sheet name, rows)`, header row first. Matrices become a
/// group of one single choice per row (`<name>_<row>`); territories a choice list of codes.
pub fn sheets(def: &Definition) -> Vec<(String, Vec<Vec<String>>)> {
    let langs = &def.languages;
    let lang_cols = |base: &str| -> Vec<String> {
        langs
            .iter()
            .map(|l| {
                let name = crate::Locale::parse(l)
                    .map(|loc| loc.t(&format!("language-{l}")))
                    .unwrap_or_else(|| l.clone());
                format!("{base}::{name} ({l})")
            })
            .collect()
    };
    let texts = |t: &Text| -> Vec<String> { langs.iter().map(|l| t.exact(l).to_owned()).collect() };
    let mut header = vec!["type".to_owned(), "name".to_owned()];
    header.extend(lang_cols("label"));
    header.extend(lang_cols("hint"));
    header.extend(["required", "relevant", "constraint"].map(String::from));
    header.extend(lang_cols("constraint_message"));
    header.extend(["appearance", "parameters"].map(String::from));
    let mut survey = vec![header];
    let mut choices_header = vec!["list_name".to_owned(), "name".to_owned()];
    choices_header.extend(lang_cols("label"));
    let mut choices = vec![choices_header];
    let choice_qs: BTreeSet<String> = def
        .questions()
        .filter(|q| q.kind() == Kind::Multiple)
        .map(|q| q.name.clone())
        .collect();
    let xpath = |src: &str| match expr::parse(src) {
        Ok(Some(e)) => condition_to_xpath(&e, &choice_qs),
        _ => String::new(),
    };
    let mut lists_written: BTreeSet<String> = BTreeSet::new();
    let mut push_list = |name: &str, items: Vec<(String, Text)>, choices: &mut Vec<Vec<String>>| {
        if lists_written.insert(name.to_owned()) {
            for (code, label) in items {
                let mut row = vec![name.to_owned(), code];
                row.extend(langs.iter().map(|l| label.exact(l).to_owned()));
                choices.push(row);
            }
        }
    };
    let row = |ty: String,
               name: &str,
               label: &Text,
               hint: &Text,
               required: bool,
               relevant: String,
               constraint: String,
               message: &Text,
               appearance: &str,
               params: String| {
        let mut r = vec![ty, name.to_owned()];
        r.extend(texts(label));
        r.extend(texts(hint));
        r.push(if required {
            "yes".into()
        } else {
            String::new()
        });
        r.push(relevant);
        r.push(constraint);
        r.extend(texts(message));
        r.push(appearance.to_owned());
        r.push(params);
        r
    };
    let empty = Text::default();
    for s in &def.sections {
        survey.push(row(
            "begin_group".into(),
            &s.name,
            &s.title,
            &empty,
            false,
            xpath(&s.condition),
            String::new(),
            &empty,
            "field-list",
            String::new(),
        ));
        for q in &s.questions {
            let bound = |var: &str| {
                let mut parts = vec![];
                if let Some(m) = q.min {
                    parts.push(format!("{var} >= {m}"));
                }
                if let Some(m) = q.max {
                    parts.push(format!("{var} <= {m}"));
                }
                parts.join(" and ")
            };
            let relevant = xpath(&q.condition);
            let list = format!("{}_choices", q.name);
            let (ty, constraint, appearance, params) = match q.kind() {
                Kind::ShortText => (
                    "text".to_owned(),
                    match (q.pattern.as_str(), bound("string-length(.)")) {
                        ("", lengths) => lengths,
                        // XPath has no escape inside a literal: the other quote, then.
                        (p, lengths) => {
                            let quote = if p.contains('\'') { '"' } else { '\'' };
                            let re = format!("regex(., {quote}{p}{quote})");
                            if lengths.is_empty() {
                                re
                            } else {
                                format!("{re} and {lengths}")
                            }
                        }
                    },
                    "",
                    String::new(),
                ),
                Kind::LongText => (
                    "text".to_owned(),
                    bound("string-length(.)"),
                    "multiline",
                    String::new(),
                ),
                Kind::Integer => ("integer".to_owned(), bound("."), "", String::new()),
                Kind::Decimal => ("decimal".to_owned(), bound("."), "", String::new()),
                Kind::Date => ("date".to_owned(), String::new(), "", String::new()),
                Kind::Info => ("note".to_owned(), String::new(), "", String::new()),
                Kind::Scale => {
                    let (lo, hi) = q.scale_bounds();
                    (
                        "range".to_owned(),
                        String::new(),
                        "",
                        format!("start={lo} end={hi} step=1"),
                    )
                }
                Kind::YesNo => {
                    let yes = Text::fr_en("Oui", "Yes");
                    let no = Text::fr_en("Non", "No");
                    push_list(
                        "yes_no",
                        vec![("yes".into(), yes), ("no".into(), no)],
                        &mut choices,
                    );
                    (
                        "select_one yes_no".to_owned(),
                        String::new(),
                        "",
                        String::new(),
                    )
                }
                Kind::Territory => {
                    let scope = q.territory_scope();
                    let prefix = crate::questionnaires::territory::label_prefix(scope);
                    let items = crate::questionnaires::territory::codes(scope)
                        .iter()
                        .map(|c| {
                            let mut t = Text::default();
                            for l in langs {
                                let loc = crate::Locale::parse(l).unwrap_or_default();
                                t.set(l, &loc.t(&format!("{prefix}{c}")));
                            }
                            ((*c).to_owned(), t)
                        })
                        .collect();
                    let name = format!("territory_{}", scope.code());
                    push_list(&name, items, &mut choices);
                    (
                        format!("select_one {name}"),
                        String::new(),
                        "minimal",
                        String::new(),
                    )
                }
                Kind::Single | Kind::Multiple | Kind::Ranking => {
                    push_list(
                        &list,
                        q.choices
                            .iter()
                            .map(|c| (c.code.clone(), c.label.clone()))
                            .collect(),
                        &mut choices,
                    );
                    let base = match q.kind() {
                        Kind::Single => "select_one",
                        Kind::Multiple => "select_multiple",
                        _ => "rank",
                    };
                    let other = if q.other { " or_other" } else { "" };
                    let constraint = if q.kind() == Kind::Multiple {
                        bound("count-selected(.)")
                    } else {
                        String::new()
                    };
                    (
                        format!("{base} {list}{other}"),
                        constraint,
                        if q.dropdown { "minimal" } else { "" },
                        String::new(),
                    )
                }
                Kind::Matrix => {
                    push_list(
                        &list,
                        q.choices
                            .iter()
                            .map(|c| (c.code.clone(), c.label.clone()))
                            .collect(),
                        &mut choices,
                    );
                    survey.push(row(
                        "begin_group".into(),
                        &q.name,
                        &q.label,
                        &q.hint,
                        false,
                        relevant.clone(),
                        String::new(),
                        &empty,
                        "table-list",
                        String::new(),
                    ));
                    for r in &q.rows {
                        survey.push(row(
                            format!("select_one {list}"),
                            &format!("{}_{}", q.name, r.code),
                            &r.label,
                            &empty,
                            q.required,
                            String::new(),
                            String::new(),
                            &empty,
                            "",
                            String::new(),
                        ));
                    }
                    survey.push(row(
                        "end_group".into(),
                        "",
                        &empty,
                        &empty,
                        false,
                        String::new(),
                        String::new(),
                        &empty,
                        "",
                        String::new(),
                    ));
                    continue;
                }
            };
            survey.push(row(
                ty, &q.name, &q.label, &q.hint, q.required, relevant, constraint, &q.message,
                appearance, params,
            ));
        }
        survey.push(row(
            "end_group".into(),
            "",
            &empty,
            &empty,
            false,
            String::new(),
            String::new(),
            &empty,
            "",
            String::new(),
        ));
    }
    let default_name = crate::Locale::parse(def.default_language())
        .map(|loc| loc.t(&format!("language-{}", def.default_language())))
        .unwrap_or_else(|| def.default_language().to_owned());
    let settings = vec![
        vec![
            "form_title".to_owned(),
            "default_language".to_owned(),
            "version".to_owned(),
        ],
        vec![
            def.title.get(def.default_language(), "fr").to_owned(),
            format!("{default_name} ({})", def.default_language()),
            String::new(),
        ],
    ];
    vec![
        ("survey".to_owned(), survey),
        ("choices".to_owned(), choices),
        ("settings".to_owned(), settings),
    ]
}
