//! Questions in the builder: the question form, its choice lines, and saving a question
//! (a renamed question is renamed in the conditions that read it).

use super::builder::{CHANGED, PerLang, condition_errors, edit, set_texts};
use super::expr::{self, ConditionError};
use super::model::*;
use crate::accounts::{Actor, User};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

/// A question form, as typed.
#[derive(Debug, Clone, Default)]
pub struct QuestionInput {
    pub name: String,
    pub kind: String,
    pub label: PerLang,
    pub hint: PerLang,
    pub required: bool,
    /// One option per line: `code = label | label in the second language | …`.
    pub choices: String,
    /// Matrix rows, same format.
    pub rows: String,
    pub other: bool,
    pub dropdown: bool,
    pub min: String,
    pub max: String,
    pub low_label: PerLang,
    pub high_label: PerLang,
    pub message: PerLang,
    pub scope: String,
    pub condition: String,
    /// Short texts: a regular expression the answer must match.
    pub pattern: String,
    /// Languages whose texts came from a machine and await review.
    pub machine: Vec<String>,
}

impl QuestionInput {
    pub fn from(q: &Question, langs: &[String]) -> QuestionInput {
        let num = |v: Option<f64>| v.map(|n| n.to_string()).unwrap_or_default();
        QuestionInput {
            name: q.name.clone(),
            kind: q.kind.clone(),
            label: q.label.t.clone(),
            hint: q.hint.t.clone(),
            required: q.required,
            choices: choice_lines(&q.choices, langs),
            rows: choice_lines(&q.rows, langs),
            other: q.other,
            dropdown: q.dropdown,
            min: num(q.min),
            max: num(q.max),
            low_label: q.low_label.t.clone(),
            high_label: q.high_label.t.clone(),
            message: q.message.t.clone(),
            scope: q.scope.clone().unwrap_or_default(),
            condition: q.condition.clone(),
            pattern: q.pattern.clone(),
            machine: q.label.machine.iter().cloned().collect(),
        }
    }
}

/// Options as the builder's text area shows them.
pub fn choice_lines(choices: &[Choice], langs: &[String]) -> String {
    choices
        .iter()
        .map(|c| {
            let labels: Vec<&str> = langs.iter().map(|l| c.label.exact(l)).collect();
            format!(
                "{} = {}",
                c.code,
                labels.join(" | ").trim_end_matches(" | ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads option lines; a line without `code =` gets a code made from its first label.
fn parse_choices(
    e: &mut FieldErrors,
    field: &'static str,
    text: &str,
    langs: &[String],
) -> Vec<Choice> {
    let mut out: Vec<Choice> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (code, labels) = match line.split_once('=') {
            Some((c, rest)) if valid_name(c.trim()) => (c.trim().to_owned(), rest),
            _ => (
                crate::ids::slugify(line.split('|').next().unwrap_or("")).replace('-', "_"),
                line,
            ),
        };
        let code = if code.is_empty() || !code.starts_with(|c: char| c.is_ascii_alphabetic()) {
            format!("c{}", out.len() + 1)
        } else {
            code.chars().take(64).collect()
        };
        if out.iter().any(|c| c.code == code) {
            e.add(field, "questionnaire-choice-duplicate");
        }
        let mut label = Text::default();
        for (lang, text) in langs.iter().zip(labels.split('|')) {
            if text.trim().chars().count() > 500 {
                e.add(field, "field-too-long");
            }
            label.set(lang, text);
        }
        if label.exact(&langs[0]).is_empty() {
            e.add(field, "questionnaire-choice-label-missing");
        }
        out.push(Choice { code, label });
    }
    if out.len() > 200 {
        e.add(field, "questionnaire-too-many-choices");
    }
    out
}

fn number(e: &mut FieldErrors, field: &'static str, value: &str) -> Option<f64> {
    let v = value.trim().replace(',', ".");
    if v.is_empty() {
        return None;
    }
    match v.parse::<f64>() {
        Ok(n) if n.is_finite() => Some(n),
        _ => {
            e.add(field, "field-number-invalid");
            None
        }
    }
}

/// Adds a question at the end of `section` (`existing` `None`) or edits one; returns its name.
pub async fn save_question(
    core: &Core,
    user: &User,
    id: &str,
    section: &str,
    existing: Option<&str>,
    input: &QuestionInput,
    actor: &Actor,
) -> Result<String> {
    edit(core, user, id, actor, CHANGED, |def, _| {
        let mut e = FieldErrors::default();
        let s = def.section_index(section).ok_or(Error::NotFound)?;
        let langs = def.languages.clone();
        let kind = validate::choice(&mut e, "kind", &input.kind, Kind::parse, Kind::ShortText);
        let name = input.name.trim().to_owned();
        let old = existing.and_then(|n| def.position(n));
        if existing.is_some() && old.is_none() {
            return Err(Error::NotFound);
        }
        let name = if name.is_empty() {
            existing
                .map(str::to_owned)
                .unwrap_or_else(|| def.free_name(""))
        } else {
            name
        };
        if !valid_name(&name) {
            e.add("name", "questionnaire-name-invalid");
        } else if Some(name.as_str()) != existing && def.name_taken(&name) {
            e.add("name", "questionnaire-name-taken");
        }
        let mut q = Question::new(&name, kind, Text::default());
        set_texts(&mut e, "label", &mut q.label, &input.label, &langs, 2000);
        if q.label.exact(&langs[0]).is_empty() {
            e.add("label", "field-required");
        }
        set_texts(&mut e, "hint", &mut q.hint, &input.hint, &langs, 2000);
        set_texts(
            &mut e,
            "message",
            &mut q.message,
            &input.message,
            &langs,
            500,
        );
        q.required = input.required && kind != Kind::Info;
        if kind.has_choices() {
            q.choices = parse_choices(&mut e, "choices", &input.choices, &langs);
            if q.choices.len() < if kind == Kind::Ranking { 2 } else { 1 } {
                e.add("choices", "questionnaire-choices-needed");
            }
            if input.other && kind.may_have_other() {
                if q.choices.iter().any(|c| c.code == OTHER) {
                    e.add("choices", "questionnaire-choice-other-reserved");
                }
                q.other = true;
            }
        }
        if kind == Kind::Matrix {
            q.rows = parse_choices(&mut e, "rows", &input.rows, &langs);
            if q.rows.is_empty() {
                e.add("rows", "questionnaire-rows-needed");
            }
        }
        q.dropdown = input.dropdown && kind == Kind::Single;
        if matches!(
            kind,
            Kind::ShortText
                | Kind::LongText
                | Kind::Multiple
                | Kind::Integer
                | Kind::Decimal
                | Kind::Scale
        ) {
            q.min = number(&mut e, "min", &input.min);
            q.max = number(&mut e, "max", &input.max);
            if let (Some(a), Some(b)) = (q.min, q.max)
                && a > b
            {
                e.add("max", "field-range-inverted");
            }
        }
        if kind == Kind::Scale {
            let (lo, hi) = q.scale_bounds();
            q.min = Some(lo as f64);
            q.max = Some(hi as f64);
            set_texts(
                &mut e,
                "low_label",
                &mut q.low_label,
                &input.low_label,
                &langs,
                200,
            );
            set_texts(
                &mut e,
                "high_label",
                &mut q.high_label,
                &input.high_label,
                &langs,
                200,
            );
        }
        if kind == Kind::Territory {
            let scope = validate::choice(
                &mut e,
                "scope",
                &input.scope,
                TerritoryScope::parse,
                TerritoryScope::Departments,
            );
            q.scope = Some(scope.code().into());
        }
        q.condition = input.condition.trim().to_owned();
        q.pattern = String::new();
        let pattern = input.pattern.trim();
        if kind == Kind::ShortText && !pattern.is_empty() {
            if pattern.chars().count() > 500 {
                e.add("pattern", "field-too-long");
            } else if compile_pattern(pattern).is_none() {
                e.add("pattern", "questionnaire-pattern-invalid");
            }
            q.pattern = pattern.to_owned();
        }
        // Languages marked as machine translations, to be reviewed.
        let machine: Vec<String> = input
            .machine
            .iter()
            .filter(|l| langs.contains(l) && langs.first() != Some(*l))
            .cloned()
            .collect();
        for t in [
            &mut q.label,
            &mut q.hint,
            &mut q.low_label,
            &mut q.high_label,
            &mut q.message,
        ]
        .into_iter()
        .chain(q.choices.iter_mut().map(|c| &mut c.label))
        .chain(q.rows.iter_mut().map(|c| &mut c.label))
        {
            t.mark_machine(&machine);
        }
        match old {
            Some((os, oi)) => {
                let previous = def.sections[os].questions[oi].name.clone();
                def.sections[os].questions[oi] = q;
                if previous != name {
                    rename_references(def, &previous, &name);
                }
            }
            None => def.sections[s].questions.push(q),
        }
        condition_errors(def, &name, &mut e);
        if !quotes_earlier_only(def, &name) {
            e.add("label", "question-label-unknown-reference");
        }
        // Another question's condition cites a choice this change removes.
        if expr::check(def).iter().any(|p| {
            p.owner != name && matches!(&p.error, ConditionError::UnknownChoice(q, _) if *q == name)
        }) {
            e.add("choices", "questionnaire-choice-still-cited");
        }
        e.into_result()?;
        Ok(name)
    })
    .await
}

/// Renaming a question renames it in the conditions that read it.
fn rename_references(def: &mut Definition, from: &str, to: &str) {
    let fix = |src: &mut String| {
        if let Ok(Some(e)) = expr::parse(src)
            && e.names().contains(from)
        {
            *src = rename_in(&e, from, to).to_string();
        }
    };
    let (old, new) = (format!("${{{from}}}"), format!("${{{to}}}"));
    for s in &mut def.sections {
        fix(&mut s.condition);
        for q in &mut s.questions {
            fix(&mut q.condition);
            // Labels and hints quoting it (`${name}`) follow too.
            for t in [&mut q.label, &mut q.hint] {
                for v in t.t.values_mut() {
                    if v.contains(&old) {
                        *v = v.replace(&old, &new);
                    }
                }
            }
        }
    }
}

/// Whether the label and hint of `name` quote (`${x}`) only questions placed before it.
fn quotes_earlier_only(def: &Definition, name: &str) -> bool {
    let Some(q) = def.question(name) else {
        return true;
    };
    let at = def.position(name);
    q.label
        .t
        .values()
        .chain(q.hint.t.values())
        .flat_map(|v| super::piping::quoted(v))
        .all(|n| def.position(n).is_some_and(|p| Some(p) < at))
}

fn rename_in(e: &expr::Expr, from: &str, to: &str) -> expr::Expr {
    use expr::Expr::*;
    let n = |q: &String| if q == from { to.to_owned() } else { q.clone() };
    match e {
        Compare(q, op, v) => Compare(n(q), *op, v.clone()),
        Answered(q) => Answered(n(q)),
        NotAnswered(q) => NotAnswered(n(q)),
        Not(a) => Not(Box::new(rename_in(a, from, to))),
        And(a, b) => And(
            Box::new(rename_in(a, from, to)),
            Box::new(rename_in(b, from, to)),
        ),
        Or(a, b) => Or(
            Box::new(rename_in(a, from, to)),
            Box::new(rename_in(b, from, to)),
        ),
    }
}
