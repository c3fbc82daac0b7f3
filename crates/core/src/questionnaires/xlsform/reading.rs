//! Reading a workbook into a definition and its report.

use std::collections::BTreeSet;
use std::panic::AssertUnwindSafe;

use super::expressions::{bounds, condition_from_xpath};
use super::opening::Opened;
use super::sheet::{read_choices, read_settings, text_of};
use super::{ImportReport, ReportChoice, ReportGroup, ReportQuestion, err};
use crate::questionnaires::expr;
use crate::questionnaires::model::*;

/// A list named `yes_no` holding exactly `yes` and `no`: a yes/no question (as exported).
fn is_yes_no(list: &str, choices: &[Choice]) -> bool {
    list == "yes_no" && choices.iter().map(|c| c.code.as_str()).eq(["yes", "no"])
}

/// A list named `territory_<scope>` holding exactly that scope's codes (as exported).
fn territory_scope(list: &str, choices: &[Choice]) -> Option<TerritoryScope> {
    let scope = TerritoryScope::parse(list.strip_prefix("territory_")?)?;
    let codes = crate::questionnaires::territory::codes(scope);
    (choices.len() == codes.len() && choices.iter().zip(codes).all(|(c, k)| c.code == *k))
        .then_some(scope)
}

/// Survey columns Passerelle reads; any other non-empty cell is listed as not imported.
const READ_COLUMNS: &[&str] = &[
    "type",
    "name",
    "label",
    "hint",
    "required",
    "constraint",
    "constraint_message",
    "relevant",
    "appearance",
    "parameters",
];

/// Reads a workbook. The definition is `None` when the report has errors.
///
/// The workbook is checked against the [`super::limits`] before it is parsed; one over a limit is
/// refused with an error naming it. Parsing cannot take the process down: a panic in it (a bug,
/// ours or the spreadsheet reader's) is caught and reported as an error of the workbook.
pub fn read(bytes: &[u8], default_lang: &str) -> (Option<Definition>, ImportReport) {
    match std::panic::catch_unwind(AssertUnwindSafe(|| read_unguarded(bytes, default_lang))) {
        Ok(read) => read,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            tracing::error!(panic = %what, bytes = bytes.len(), "reading a workbook failed");
            let mut report = ImportReport::default();
            report.errors.push(err(
                "",
                0,
                "",
                "the workbook could not be read (the spreadsheet reader failed)",
            ));
            (None, report)
        }
    }
}

/// [`read`] without its guard: the fuzz target calls this, so that a panic fails it.
pub(super) fn read_unguarded(
    bytes: &[u8],
    default_lang: &str,
) -> (Option<Definition>, ImportReport) {
    let mut report = ImportReport::default();
    let Some(Opened {
        survey,
        choices,
        settings,
    }) = super::opening::open(bytes, &mut report)
    else {
        return (None, report);
    };

    let (title, default, allow_duplicates) =
        read_settings(settings.as_ref(), default_lang, &mut report);
    let mut langs: Vec<String> = vec![default.clone()];
    let mut skipped_langs = BTreeSet::new();

    let lists = read_choices(
        choices.as_ref(),
        &default,
        allow_duplicates,
        &mut langs,
        &mut skipped_langs,
        &mut report,
    );

    // Survey rows.
    let mut def = Definition::new(&default, &title);
    let mut section: Option<Section> = None;
    let mut depth = 0usize;
    let mut seen_names: BTreeSet<String> = BTreeSet::new();
    let mut conditions: Vec<(String, usize, String)> = Vec::new();
    let new_section = |name: String, title: Text, condition: String| Section {
        name,
        title,
        description: Text::default(),
        condition,
        questions: vec![],
    };
    for (row_no, row) in &survey.rows {
        let row_no = *row_no;
        let ty_raw = survey.get(row, "type");
        let ty = ty_raw
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let name = survey.get(row, "name").to_owned();
        if ty.is_empty() {
            if !name.is_empty() {
                report
                    .not_imported
                    .push(err("survey", row_no, "type", "row without a type"));
            }
            continue;
        }
        let words: Vec<&str> = ty.split(' ').collect();
        // Structure.
        match ty.as_str() {
            "begin group" | "begin_group" | "begin repeat" | "begin_repeat" => {
                if ty.contains("repeat") {
                    report.not_imported.push(err(
                        "survey",
                        row_no,
                        "type",
                        "repeats are not supported: the questions inside are imported once",
                    ));
                }
                depth += 1;
                if depth > 1 {
                    report.not_imported.push(err(
                        "survey",
                        row_no,
                        "type",
                        "nested group flattened into its parent section",
                    ));
                    continue;
                }
                if let Some(s) = section.take()
                    && !s.questions.is_empty()
                {
                    def.sections.push(s);
                }
                if name.is_empty() {
                    // pyxform: "Question or group with no name."
                    report
                        .errors
                        .push(err("survey", row_no, "name", "group without a name"));
                    continue;
                }
                let gname = name.clone();
                if !seen_names.insert(gname.clone()) {
                    report
                        .errors
                        .push(err("survey", row_no, "name", "duplicate name"));
                }
                let title = text_of(
                    &survey,
                    row,
                    "label",
                    &default,
                    &mut langs,
                    &mut skipped_langs,
                );
                let relevant = survey.get(row, "relevant");
                let condition = match condition_from_xpath(relevant) {
                    Some(c) => c,
                    None => {
                        report.not_imported.push(err(
                            "survey",
                            row_no,
                            "relevant",
                            &format!(
                                "expression not expressible as a Passerelle condition: {relevant}"
                            ),
                        ));
                        String::new()
                    }
                };
                if !condition.is_empty() {
                    conditions.push((gname.clone(), row_no, condition.clone()));
                }
                report.groups.push(ReportGroup {
                    name: gname.clone(),
                    labels: title.t.clone(),
                    condition: condition.clone(),
                });
                section = Some(new_section(gname, title, condition));
                continue;
            }
            "end group" | "end_group" | "end repeat" | "end_repeat" => {
                depth = depth.saturating_sub(1);
                if depth == 0
                    && let Some(s) = section.take()
                {
                    def.sections.push(s);
                }
                continue;
            }
            _ => {}
        }
        // Questions.
        let (kind, list, other) = match words.as_slice() {
            ["text"] => (Some(Kind::ShortText), None, false),
            ["integer"] | ["int"] => (Some(Kind::Integer), None, false),
            ["decimal"] => (Some(Kind::Decimal), None, false),
            ["date"] => (Some(Kind::Date), None, false),
            ["note"] => (Some(Kind::Info), None, false),
            ["range"] => (Some(Kind::Scale), None, false),
            ["select_one", l] | ["select1", l] | ["select", "one", "from", l] => {
                (Some(Kind::Single), Some(*l), false)
            }
            ["select_one", l, "or_other"]
            | ["select", "one", "from", l, "or", "specify", "other"] => {
                (Some(Kind::Single), Some(*l), true)
            }
            ["select_multiple", l]
            | ["select", "all", "that", "apply", "from", l]
            | ["select", "multiple", "from", l] => (Some(Kind::Multiple), Some(*l), false),
            ["select_multiple", l, "or_other"]
            | [
                "select",
                "all",
                "that",
                "apply",
                "from",
                l,
                "or",
                "specify",
                "other",
            ] => (Some(Kind::Multiple), Some(*l), true),
            ["rank", l] => (Some(Kind::Ranking), Some(*l), false),
            _ => (None, None, false),
        };
        if ty == "calculate" && survey.get(row, "calculation").is_empty() {
            // pyxform: "Missing calculation."
            report
                .errors
                .push(err("survey", row_no, "calculation", "missing calculation"));
            continue;
        }
        if words.first() == Some(&"include") {
            // pyxform: "This section has not been included."
            report.errors.push(err(
                "survey",
                row_no,
                "type",
                "this section has not been included (include is not supported)",
            ));
            continue;
        }
        let Some(mut kind) = kind else {
            report.not_imported.push(err(
                "survey",
                row_no,
                "type",
                &match survey.get(row, "calculation") {
                    "" => format!("question type not supported: {ty_raw}"),
                    // The dropped expression is quoted, as every dropped expression is.
                    calc => format!("question type not supported: {ty_raw} ({calc})"),
                },
            ));
            continue;
        };
        // pyxform names a note that has none after its row.
        let name = if name.is_empty() && kind == Kind::Info {
            format!("generated_note_name_{row_no}")
        } else {
            name
        };
        if name.is_empty() {
            report
                .errors
                .push(err("survey", row_no, "name", "question without a name"));
            continue;
        }
        if !seen_names.insert(name.clone()) {
            report
                .errors
                .push(err("survey", row_no, "name", "duplicate name"));
            continue;
        }
        if !valid_name(&name) {
            report
                .errors
                .push(err("survey", row_no, "name", "invalid name"));
            continue;
        }
        let appearance = survey.get(row, "appearance");
        if kind == Kind::ShortText && appearance.split_whitespace().any(|a| a == "multiline") {
            kind = Kind::LongText;
        }
        let mut q = Question::new(
            &name,
            kind,
            text_of(
                &survey,
                row,
                "label",
                &default,
                &mut langs,
                &mut skipped_langs,
            ),
        );
        q.hint = text_of(
            &survey,
            row,
            "hint",
            &default,
            &mut langs,
            &mut skipped_langs,
        );
        q.message = text_of(
            &survey,
            row,
            "constraint_message",
            &default,
            &mut langs,
            &mut skipped_langs,
        );
        q.other = other;
        q.dropdown = kind == Kind::Single && appearance.split_whitespace().any(|a| a == "minimal");
        if let Some(l) = list {
            match lists.get(l) {
                Some(c) if kind == Kind::Single && !other && is_yes_no(l, c) => {
                    q.kind = Kind::YesNo.code().into();
                }
                Some(c) if kind == Kind::Single && !other && territory_scope(l, c).is_some() => {
                    q.kind = Kind::Territory.code().into();
                    q.scope = territory_scope(l, c).map(|s| s.code().to_owned());
                    q.dropdown = false;
                }
                Some(c) => q.choices = c.clone(),
                None => {
                    report.errors.push(err(
                        "survey",
                        row_no,
                        "type",
                        &format!("unknown choice list: {l}"),
                    ));
                    continue;
                }
            }
            if other && q.choices.iter().any(|c| c.code == OTHER) {
                q.choices.retain(|c| c.code != OTHER);
            }
        }
        if kind == Kind::Scale {
            let params = survey.get(row, "parameters");
            let get = |k: &str| {
                params
                    .split_whitespace()
                    .find_map(|p| p.strip_prefix(&format!("{k}=")))
                    .and_then(|v| v.parse::<f64>().ok())
            };
            q.min = Some(get("start").unwrap_or(1.0));
            q.max = Some(get("end").unwrap_or(10.0));
            if get("step").is_some_and(|s| s != 1.0) {
                report.not_imported.push(err(
                    "survey",
                    row_no,
                    "parameters",
                    "range steps other than 1 are not supported",
                ));
            }
        }
        match survey.get(row, "required").to_lowercase().as_str() {
            "" | "no" | "false" | "false()" => {}
            "yes" | "true" | "true()" | "1" => q.required = true,
            _ => report.not_imported.push(err(
                "survey",
                row_no,
                "required",
                "required expressions are not supported",
            )),
        }
        let constraint = survey.get(row, "constraint");
        if !constraint.is_empty() {
            let pattern = super::expressions::pattern_with_bounds(constraint)
                .filter(|(p, _)| kind == Kind::ShortText && compile_pattern(p).is_some());
            match bounds(constraint) {
                _ if pattern.is_some() => {
                    let (p, b) = pattern.unwrap_or_default();
                    q.pattern = p;
                    (q.min, q.max) = b.unwrap_or_default();
                }
                Some((min, max)) if kind != Kind::Scale => {
                    q.min = min;
                    q.max = max;
                }
                _ => report.not_imported.push(err(
                    "survey",
                    row_no,
                    "constraint",
                    &format!(
                        "constraint dropped (not expressible as bounds or a pattern): {constraint}"
                    ),
                )),
            }
        }
        let relevant = survey.get(row, "relevant");
        match condition_from_xpath(relevant) {
            Some(c) => {
                if !c.is_empty() {
                    conditions.push((name.clone(), row_no, c.clone()));
                }
                q.condition = c;
            }
            None => report.not_imported.push(err(
                "survey",
                row_no,
                "relevant",
                &format!("expression not expressible as a Passerelle condition: {relevant}"),
            )),
        }
        for (i, h) in survey.headers.iter().enumerate() {
            let base = h.split(':').next().unwrap_or("");
            let read = READ_COLUMNS.contains(&base) || base == "constraint_message";
            let used_appearance = base == "appearance"
                && (appearance.is_empty()
                    || (appearance == "multiline" && kind == Kind::LongText)
                    || (appearance == "minimal" && q.dropdown));
            let used_params = base == "parameters" && kind == Kind::Scale;
            if !h.is_empty()
                && row.get(i).is_some_and(|v| !v.is_empty())
                && (!read
                    || (base == "appearance" && !used_appearance)
                    || (base == "parameters" && !used_params))
            {
                report
                    .not_imported
                    .push(err("survey", row_no, h, "column not supported"));
            }
        }
        let group = if depth > 0 {
            section.as_ref().map(|s| s.name.clone()).unwrap_or_default()
        } else {
            String::new()
        };
        report.questions.push(ReportQuestion {
            name: name.clone(),
            kind: q.kind.clone(),
            labels: q.label.t.clone(),
            choices: list
                .and_then(|l| lists.get(l))
                .into_iter()
                .flatten()
                .filter(|c| !(other && c.code == OTHER))
                .map(|c| ReportChoice {
                    name: c.code.clone(),
                    labels: c.label.t.clone(),
                })
                .collect(),
            other,
            required: q.required,
            condition: q.condition.clone(),
            group,
        });
        section
            .get_or_insert_with(|| {
                new_section(
                    format!("s{}", def.sections.len() + 1),
                    Text::default(),
                    String::new(),
                )
            })
            .questions
            .push(q);
    }
    if let Some(s) = section.take()
        && !s.questions.is_empty()
    {
        def.sections.push(s);
    }
    if def.sections.is_empty() {
        def.sections
            .push(new_section("s1".into(), Text::default(), String::new()));
    }
    for col in skipped_langs {
        report
            .not_imported
            .push(err("survey", 1, &col, "language not supported"));
    }
    drop_broken_conditions(&mut def, &conditions, &mut report);
    for (q, name) in super::expressions::drop_dangling_references(&mut def) {
        let reason =
            format!("reference to a question not imported, removed: label of {q}, ${{{name}}}");
        report.not_imported.push(err("survey", 0, "label", &reason));
    }
    // A form written only in other languages (`label::English (en)` and no plain `label`) is
    // a questionnaire in those languages, not one in the importer's language with every text
    // missing.
    let mut default = default;
    if langs.len() > 1 && !def.questions().any(|q| q.label.t.contains_key(&default)) {
        langs.retain(|l| *l != default);
        default = langs[0].clone();
    }
    if title.is_empty() {
        def.title = Text::one(&default, "XLSForm");
    } else {
        def.title = Text::one(&default, &title);
    }
    def.languages = langs.clone();
    report.title = def.title.get(&default, &default).to_owned();
    report.languages = langs;
    survey.describe(&mut report.not_imported, "survey");
    survey.describe(&mut report.errors, "survey");
    if !report.errors.is_empty() {
        return (None, report);
    }
    (Some(def), report)
}

/// Conditions naming questions that come later (or are missing) cannot be kept: they are
/// dropped and listed.
fn drop_broken_conditions(
    def: &mut Definition,
    conditions: &[(String, usize, String)],
    report: &mut ImportReport,
) {
    for p in expr::check(def) {
        let row = conditions
            .iter()
            .find(|(n, _, _)| *n == p.owner)
            .map(|(_, r, _)| *r)
            .unwrap_or(0);
        report.not_imported.push(err(
            "survey",
            row,
            "relevant",
            &format!(
                "condition dropped: {} ({})",
                p.error.code(),
                p.error.detail()
            ),
        ));
        for s in &mut def.sections {
            if s.name == p.owner {
                s.condition.clear();
            }
            for q in &mut s.questions {
                if q.name == p.owner {
                    q.condition.clear();
                }
            }
        }
        for q in &mut report.questions {
            if q.name == p.owner {
                q.condition.clear();
            }
        }
    }
}
