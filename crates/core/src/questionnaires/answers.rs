//! Answers: what a respondent's form becomes (rows of `(question, part, value)`), the checks
//! each question type makes, and which questions and sections the conditions show.
//!
//! Form fields are named after the question: `q-<name>` (repeated for multiple choice),
//! `q-<name>-other` for "other, please specify", `q-<name>-r-<row>` for a matrix row,
//! `q-<name>-k-<option>` for the rank given to a ranking option.

use std::collections::{BTreeMap, BTreeSet};

use super::expr;
use super::model::{Definition, Kind, OTHER, Question, Section};
use super::store::AnswerRow;

/// The values given so far, by question: `part` → values (parts as in the `answers` table).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Given(pub BTreeMap<String, Vec<(String, String)>>);

impl Given {
    pub fn from_rows(rows: Vec<AnswerRow>) -> Given {
        let mut g = Given::default();
        for (q, part, value) in rows {
            g.0.entry(q).or_default().push((part, value));
        }
        g
    }

    pub fn rows(&self) -> Vec<AnswerRow> {
        self.0
            .iter()
            .flat_map(|(q, vals)| {
                vals.iter()
                    .map(move |(p, v)| (q.clone(), p.clone(), v.clone()))
            })
            .collect()
    }

    /// The main values of `question` (the text, the choice, every option chosen).
    pub fn values(&self, question: &str) -> Vec<&str> {
        self.0
            .get(question)
            .into_iter()
            .flatten()
            .filter(|(p, _)| p.is_empty())
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The value of one part (`other`, a matrix row, a ranking option).
    pub fn part(&self, question: &str, part: &str) -> &str {
        self.0
            .get(question)
            .into_iter()
            .flatten()
            .find(|(p, _)| p == part)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub fn has(&self, question: &str) -> bool {
        self.0.get(question).is_some_and(|v| !v.is_empty())
    }

    /// What conditions read: question → main values; for matrices and rankings, the parts
    /// answered.
    fn for_conditions(&self) -> BTreeMap<String, Vec<String>> {
        self.0
            .iter()
            .map(|(q, vals)| {
                let main: Vec<String> = vals
                    .iter()
                    .filter(|(p, _)| p.is_empty())
                    .map(|(_, v)| v.clone())
                    .collect();
                let vals = if main.is_empty() {
                    vals.iter().map(|(p, _)| p.clone()).collect()
                } else {
                    main
                };
                (q.clone(), vals)
            })
            .collect()
    }
}

fn condition_holds(src: &str, given: &BTreeMap<String, Vec<String>>) -> bool {
    match expr::parse(src) {
        Ok(Some(e)) => e.eval(given),
        // A definition is checked when saved; an unreadable condition shows the question.
        _ => true,
    }
}

/// Which sections and questions the conditions show, given the answers: walks the
/// questionnaire in order, so that a hidden question counts as unanswered for those after it.
pub fn visibility(def: &Definition, given: &Given) -> Visibility {
    let mut values = given.for_conditions();
    let mut sections = Vec::with_capacity(def.sections.len());
    let mut hidden = BTreeSet::new();
    for s in &def.sections {
        let shown = condition_holds(&s.condition, &values);
        sections.push(shown);
        for q in &s.questions {
            if !shown || !condition_holds(&q.condition, &values) {
                hidden.insert(q.name.clone());
                values.remove(&q.name);
            }
        }
    }
    Visibility { sections, hidden }
}

#[derive(Debug, Clone, Default)]
pub struct Visibility {
    pub sections: Vec<bool>,
    pub hidden: BTreeSet<String>,
}

impl Visibility {
    pub fn shows(&self, question: &str) -> bool {
        !self.hidden.contains(question)
    }

    /// Indexes of the sections shown.
    pub fn pages(&self) -> Vec<usize> {
        (0..self.sections.len())
            .filter(|i| self.sections[*i])
            .collect()
    }
}

/// An answer refused: the question and a Fluent code (`answer-…`). Pages show the
/// questionnaire's own message instead for broken bounds, when it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerError {
    pub question: String,
    pub code: &'static str,
}

/// What a section's form says, as rows, with the errors found and the raw values typed (to show
/// them again).
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub given: Given,
    pub errors: Vec<AnswerError>,
    /// A field that names no question of this section, or a value no choice has: the form was
    /// tampered with, and nothing of it is saved.
    pub tampered: bool,
}

fn field(q: &Question) -> String {
    format!("q-{}", q.name)
}

/// Reads the answers to `section` out of the form pairs. Does not check conditions or
/// required questions (see [`check_required`]), only the values given.
pub fn parse_section(section: &Section, pairs: &[(String, String)]) -> Parsed {
    let mut out = Parsed::default();
    let mut known: BTreeSet<String> = BTreeSet::new();
    for q in &section.questions {
        let f = field(q);
        known.insert(f.clone());
        known.insert(format!("{f}-other"));
        for r in &q.rows {
            known.insert(format!("{f}-r-{}", r.code));
        }
        for c in &q.choices {
            known.insert(format!("{f}-k-{}", c.code));
        }
    }
    if pairs
        .iter()
        .any(|(k, _)| k.starts_with("q-") && !known.contains(k))
    {
        out.tampered = true;
        return out;
    }
    // Control characters other than line breaks and tabs never belong in an answer (and the
    // export packs values with two of them).
    let clean = |v: &str| -> String {
        v.trim()
            .chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .collect()
    };
    let all = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| clean(v))
            .filter(|v| !v.is_empty())
            .collect()
    };
    let one = |name: &str| all(name).into_iter().next().unwrap_or_default();
    for q in &section.questions {
        let f = field(q);
        let mut rows: Vec<(String, String)> = Vec::new();
        let mut err = |code: &'static str| {
            out.errors.push(AnswerError {
                question: q.name.clone(),
                code,
            })
        };
        let kind = q.kind();
        match kind {
            Kind::Info => continue,
            Kind::ShortText | Kind::LongText => {
                let v = one(&f);
                let n = v.chars().count() as f64;
                let cap = if kind == Kind::ShortText {
                    500.0
                } else {
                    10_000.0
                };
                if !v.is_empty() {
                    if n > q.max.unwrap_or(cap).min(cap) {
                        err("answer-too-long");
                    } else if q.min.is_some_and(|m| n < m) {
                        err("answer-too-short");
                    } else if !q.pattern.is_empty()
                        && !super::model::compile_pattern(&q.pattern)
                            .is_some_and(|r| r.is_match(&v))
                    {
                        err("answer-pattern");
                    }
                    rows.push((String::new(), v));
                }
            }
            Kind::Single | Kind::YesNo | Kind::Scale | Kind::Territory => {
                let vals = all(&f);
                let codes = q.codes();
                if vals.len() > 1 || vals.iter().any(|v| !codes.contains(v)) {
                    out.tampered = true;
                    return out;
                }
                if let Some(v) = vals.into_iter().next() {
                    rows.push((String::new(), v));
                }
            }
            Kind::Multiple => {
                let mut vals = all(&f);
                let codes = q.codes();
                if vals.iter().any(|v| !codes.contains(v)) {
                    out.tampered = true;
                    return out;
                }
                vals.dedup();
                let n = vals.len() as f64;
                if n > 0.0 && (q.min.is_some_and(|m| n < m) || q.max.is_some_and(|m| n > m)) {
                    err("answer-choice-count");
                }
                rows.extend(vals.into_iter().map(|v| (String::new(), v)));
            }
            Kind::Integer | Kind::Decimal => {
                let v = one(&f);
                if !v.is_empty() {
                    let normal = v.replace(',', ".").replace([' ', '\u{a0}', '\u{202f}'], "");
                    let parsed = if kind == Kind::Integer {
                        normal.parse::<i64>().ok().map(|n| n as f64)
                    } else {
                        normal.parse::<f64>().ok().filter(|n| n.is_finite())
                    };
                    match parsed {
                        None => err(if kind == Kind::Integer {
                            "answer-integer"
                        } else {
                            "answer-number"
                        }),
                        Some(n) => {
                            if q.min.is_some_and(|m| n < m) || q.max.is_some_and(|m| n > m) {
                                err("answer-out-of-range");
                            }
                        }
                    }
                    rows.push((String::new(), if parsed.is_some() { normal } else { v }));
                }
            }
            Kind::Date => {
                let v = one(&f);
                if !v.is_empty() {
                    let fmt = time::macros::format_description!("[year]-[month]-[day]");
                    if time::Date::parse(&v, fmt).is_err() {
                        err("answer-date");
                    }
                    rows.push((String::new(), v));
                }
            }
            Kind::Matrix => {
                let cols: Vec<&str> = q.choices.iter().map(|c| c.code.as_str()).collect();
                for r in &q.rows {
                    let v = one(&format!("{f}-r-{}", r.code));
                    if v.is_empty() {
                        continue;
                    }
                    if !cols.contains(&v.as_str()) {
                        out.tampered = true;
                        return out;
                    }
                    rows.push((r.code.clone(), v));
                }
            }
            Kind::Ranking => {
                let n = q.choices.len();
                let mut seen = BTreeSet::new();
                for c in &q.choices {
                    let v = one(&format!("{f}-k-{}", c.code));
                    if v.is_empty() {
                        continue;
                    }
                    match v.parse::<usize>() {
                        Ok(k) if (1..=n).contains(&k) && seen.insert(k) => {
                            rows.push((c.code.clone(), k.to_string()))
                        }
                        _ => {
                            err("answer-ranking");
                            rows.push((c.code.clone(), v));
                        }
                    }
                }
            }
        }
        if q.other && kind.may_have_other() {
            let text = one(&format!("{f}-other"));
            let chose_other = rows.iter().any(|(p, v)| p.is_empty() && v == OTHER);
            if chose_other && text.is_empty() {
                err("answer-other-missing");
            }
            if !text.is_empty() {
                if text.chars().count() > 500 {
                    err("answer-too-long");
                }
                let chose_option = rows.iter().any(|(p, v)| p.is_empty() && v != OTHER);
                if kind == Kind::Single && chose_option {
                    // One answer only: which one to keep is the respondent's call, not ours.
                    err("answer-other-conflict");
                } else if !chose_other {
                    // Typing a text is choosing "other" (beside the options ticked, for a
                    // multiple choice).
                    rows.push((String::new(), OTHER.to_owned()));
                }
                rows.push(("other".to_owned(), text));
            }
        }
        if !rows.is_empty() {
            out.given.0.insert(q.name.clone(), rows);
        }
    }
    out
}

/// Required questions of `section` that are shown and unanswered (a matrix needs every row).
pub fn check_required(
    section: &Section,
    given: &Given,
    visible: &Visibility,
    errors: &mut Vec<AnswerError>,
) {
    for q in &section.questions {
        if !q.required || !visible.shows(&q.name) || q.kind() == Kind::Info {
            continue;
        }
        if errors.iter().any(|e| e.question == q.name) {
            continue;
        }
        let missing = match q.kind() {
            Kind::Matrix => q
                .rows
                .iter()
                .any(|r| given.part(&q.name, &r.code).is_empty()),
            _ => !given.has(&q.name),
        };
        if missing {
            errors.push(AnswerError {
                question: q.name.clone(),
                code: "answer-required",
            });
        }
    }
}

/// What the tallies count of `given` (see `store::tally`), restricted to `only` when given:
/// every value of closed, numeric, date, matrix and ranking questions, the number of "other"
/// texts (as the empty value of part `other`), and every question answered.
pub fn tallied(
    def: &Definition,
    given: &Given,
    only: Option<&[String]>,
) -> (Vec<AnswerRow>, Vec<String>) {
    let mut values = Vec::new();
    let mut answered = Vec::new();
    for (q, vals) in &given.0 {
        if only.is_some_and(|o| !o.contains(q)) || vals.is_empty() {
            continue;
        }
        answered.push(q.clone());
        let text = def.question(q).is_none_or(|x| x.kind().is_text());
        if text {
            continue;
        }
        for (part, value) in vals {
            if part == "other" {
                // Counted, not kept: how many "other" texts there are.
                values.push((q.clone(), part.clone(), String::new()));
            } else {
                values.push((q.clone(), part.clone(), value.clone()));
            }
        }
    }
    (values, answered)
}

/// Drops the answers to questions the conditions now hide.
pub fn drop_hidden(given: &mut Given, visible: &Visibility) {
    given.0.retain(|q, _| visible.shows(q));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaires::model::{Choice, Text};

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn choice(code: &str) -> Choice {
        Choice {
            code: code.into(),
            label: Text::one("fr", code),
        }
    }

    fn section() -> Section {
        let mut single = Question::new("cat", Kind::Single, Text::one("fr", "Catégorie"));
        single.choices = vec![choice("naissante"), choice("renaissante")];
        single.other = true;
        let mut multi = Question::new("themes", Kind::Multiple, Text::default());
        multi.choices = vec![choice("a"), choice("b"), choice("c")];
        multi.max = Some(2.0);
        let mut n = Question::new("n", Kind::Integer, Text::default());
        n.min = Some(0.0);
        n.max = Some(100.0);
        let mut m = Question::new("m", Kind::Matrix, Text::default());
        m.rows = vec![choice("r1"), choice("r2")];
        m.choices = vec![choice("x"), choice("y")];
        m.required = true;
        let mut d = Question::new("why", Kind::LongText, Text::default());
        d.condition = "cat = 'naissante'".into();
        Section {
            name: "s".into(),
            title: Text::default(),
            description: Text::default(),
            condition: String::new(),
            questions: vec![single, multi, n, m, d],
        }
    }

    #[test]
    fn values_become_rows() {
        let p = parse_section(
            &section(),
            &pairs(&[
                ("q-cat", "other"),
                ("q-cat-other", "Une autre"),
                ("q-themes", "a"),
                ("q-themes", "c"),
                ("q-n", "1 234"),
                ("q-m-r-r1", "y"),
            ]),
        );
        assert!(!p.tampered);
        assert_eq!(
            p.errors,
            vec![AnswerError {
                question: "n".into(),
                code: "answer-out-of-range"
            }]
        );
        assert_eq!(p.given.values("cat"), ["other"]);
        assert_eq!(p.given.part("cat", "other"), "Une autre");
        assert_eq!(p.given.values("themes"), ["a", "c"]);
        assert_eq!(p.given.values("n"), ["1234"]);
        assert_eq!(p.given.part("m", "r1"), "y");
    }

    #[test]
    fn tampered_values_and_fields_are_refused() {
        assert!(parse_section(&section(), &pairs(&[("q-cat", "inventée")])).tampered);
        assert!(parse_section(&section(), &pairs(&[("q-autre", "x")])).tampered);
        assert!(parse_section(&section(), &pairs(&[("q-m-r-r1", "z")])).tampered);
    }

    #[test]
    fn bounds_and_required_rows() {
        let s = section();
        let p = parse_section(
            &s,
            &pairs(&[
                ("q-themes", "a"),
                ("q-themes", "b"),
                ("q-themes", "c"),
                ("q-m-r-r1", "x"),
            ]),
        );
        let mut errors = p.errors.clone();
        let v = visibility(&Definition::new("fr", "t"), &p.given);
        check_required(&s, &p.given, &v, &mut errors);
        let codes: Vec<_> = errors
            .iter()
            .map(|e| (e.question.as_str(), e.code))
            .collect();
        assert_eq!(
            codes,
            [("themes", "answer-choice-count"), ("m", "answer-required")]
        );
    }

    #[test]
    fn hidden_questions_lose_their_answers() {
        let mut def = Definition::new("fr", "t");
        def.sections.push(section());
        let p = parse_section(
            &def.sections[0],
            &pairs(&[("q-cat", "renaissante"), ("q-why", "Parce que")]),
        );
        let mut given = p.given;
        let v = visibility(&def, &given);
        assert!(!v.shows("why"));
        drop_hidden(&mut given, &v);
        assert!(!given.has("why"));
        assert!(given.has("cat"));
    }
}
