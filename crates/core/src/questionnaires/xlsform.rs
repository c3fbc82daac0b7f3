//! XLSForm: reading a questionnaire from the `survey`, `choices` and `settings` sheets of an
//! `.xlsx` workbook, and writing one back. What the import cannot represent is listed row by
//! row (sheet, row, column, reason) in an [`ImportReport`]; a workbook with errors (not a
//! workbook, no `survey` sheet, an unknown choice list, duplicate names) creates nothing.
//!
//! Sheet and column names are matched without regard to case, as pyxform does; translated
//! columns are `label::Language (code)`, `label::code` or `label:Language`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use serde::Serialize;

use super::expr::{self, Expr, Op};
use super::model::*;
use crate::accounts::{Actor, SPOKEN_LANGUAGES, User};
use crate::{Core, Error, Result};

/// One row of a sheet that could not be imported, or an error in the workbook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub sheet: String,
    /// 1-based, as spreadsheets number rows; 0 when the item is about the whole sheet.
    pub row: usize,
    pub column: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportChoice {
    pub name: String,
    pub labels: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportQuestion {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub labels: BTreeMap<String, String>,
    pub choices: Vec<ReportChoice>,
    pub other: bool,
    pub required: bool,
    /// In Passerelle's expression language; empty when always shown.
    pub condition: String,
    pub group: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportGroup {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub condition: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub title: String,
    pub languages: Vec<String>,
    pub questions: Vec<ReportQuestion>,
    pub groups: Vec<ReportGroup>,
    pub not_imported: Vec<Item>,
    pub errors: Vec<Item>,
}

/// A sheet as rows of trimmed strings, with its header row lower-cased.
struct Sheet {
    headers: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Sheet {
    fn col(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        self.col(name)
            .and_then(|i| row.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// `(language column suffix, column index)` of a translatable column (`label`, `hint`…).
    fn translations(&self, base: &str) -> Vec<(String, usize)> {
        self.headers
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                if h == base {
                    Some((String::new(), i))
                } else {
                    h.strip_prefix(base)
                        .and_then(|rest| rest.strip_prefix("::").or_else(|| rest.strip_prefix(':')))
                        .map(|lang| (lang.trim().to_owned(), i))
                }
            })
            .collect()
    }
}

fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        other => other.to_string().trim().to_owned(),
    }
}

fn read_sheet(book: &mut Xlsx<Cursor<&[u8]>>, raw_name: &str) -> Option<Sheet> {
    let range = book.worksheet_range(raw_name).ok()?;
    let mut rows = range.rows().enumerate();
    let (_, header) = rows.next()?;
    let headers: Vec<String> = header.iter().map(|c| cell_text(c).to_lowercase()).collect();
    let rows = rows
        .map(|(i, r)| {
            (
                i + 1 + range.start().map(|s| s.0 as usize).unwrap_or(0),
                r.iter().map(cell_text).collect::<Vec<_>>(),
            )
        })
        .filter(|(_, r)| r.iter().any(|c| !c.is_empty()))
        .collect();
    Some(Sheet { headers, rows })
}

/// A language column suffix as a language code: `English (en)` → `en`, `fr` → `fr`,
/// `Français` → `fr`; `None` when not one Passerelle knows.
fn language_code(suffix: &str) -> Option<String> {
    let s = suffix.trim();
    if let (Some(open), Some(close)) = (s.rfind('('), s.rfind(')'))
        && open < close
    {
        let code = s[open + 1..close].trim().to_lowercase();
        if SPOKEN_LANGUAGES.contains(&code.as_str()) {
            return Some(code);
        }
    }
    let lower = crate::text::fold(s);
    if SPOKEN_LANGUAGES.contains(&lower.as_str()) {
        return Some(lower);
    }
    let by_name = [
        ("english", "en"),
        ("anglais", "en"),
        ("french", "fr"),
        ("francais", "fr"),
        ("german", "de"),
        ("deutsch", "de"),
        ("italian", "it"),
        ("italiano", "it"),
        ("spanish", "es"),
        ("espanol", "es"),
        ("portuguese", "pt"),
        ("portugues", "pt"),
        ("arabic", "ar"),
        ("dutch", "nl"),
        ("khmer", "km"),
        ("tagalog", "tl"),
        ("lingala", "ln"),
        ("swahili", "sw"),
        ("moore", "mos"),
        ("wolof", "wo"),
    ];
    by_name
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|(_, c)| (*c).to_owned())
}

/// Reads the texts of a translatable column of one row into a [`Text`].
fn text_of(
    sheet: &Sheet,
    row: &[String],
    base: &str,
    default_lang: &str,
    langs: &mut Vec<String>,
    skipped: &mut BTreeSet<String>,
) -> Text {
    let mut t = Text::default();
    for (suffix, i) in sheet.translations(base) {
        let v = row.get(i).map(String::as_str).unwrap_or("");
        if v.is_empty() {
            continue;
        }
        let lang = if suffix.is_empty() || crate::text::fold(&suffix) == "default" {
            Some(default_lang.to_owned())
        } else {
            language_code(&suffix)
        };
        match lang {
            Some(l) => {
                if !langs.contains(&l) {
                    langs.push(l.clone());
                }
                t.set(&l, v);
            }
            None => {
                skipped.insert(format!("{base}::{suffix}"));
            }
        }
    }
    t
}

/// Turns an XLSForm expression (`relevant`) into Passerelle's, when it can be said in it.
pub fn condition_from_xpath(src: &str) -> Option<String> {
    let src = src.trim();
    if src.is_empty() {
        return Some(String::new());
    }
    let mut out = String::new();
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    let rest = |i: usize| chars[i..].iter().collect::<String>();
    while i < chars.len() {
        let r = rest(i);
        if let Some(after) = r.strip_prefix("selected(") {
            // selected(${q}, 'v') → q contains 'v'
            let end = after.find(')')?;
            let inner = &after[..end];
            let (q, v) = inner.split_once(',')?;
            let q = q
                .trim()
                .trim_start_matches("${")
                .trim_end_matches('}')
                .trim_start_matches("../");
            out.push_str(&format!("{q} contains {}", v.trim()));
            i += "selected(".len() + end + 1;
        } else if r.starts_with("${") {
            let end = r.find('}')?;
            let name = &r[2..end];
            i += end + 1;
            // ${q} = '' and ${q} != '' are presence tests.
            let tail: String = rest(i);
            let t = tail.trim_start();
            let skip = tail.len() - t.len();
            if let Some(x) = t.strip_prefix("!=").map(str::trim_start)
                && (x.starts_with("''") || x.starts_with("\"\""))
            {
                out.push_str(&format!("answered({name})"));
                i += skip + (t.len() - x.len()) + 2;
            } else if let Some(x) = t.strip_prefix('=').map(str::trim_start)
                && (x.starts_with("''") || x.starts_with("\"\""))
            {
                out.push_str(&format!("not_answered({name})"));
                i += skip + (t.len() - x.len()) + 2;
            } else {
                out.push_str(name);
            }
        } else if let Some(after) = r.strip_prefix("not(") {
            out.push_str("not (");
            i += r.len() - after.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    match expr::parse(&out) {
        Ok(Some(e)) => Some(e.to_string()),
        _ => None,
    }
}

/// Passerelle's expression as XLSForm writes it (`relevant`); `choice_questions` names the
/// multiple-choice questions, whose equality and `contains` mean "selected".
pub fn condition_to_xpath(e: &Expr, choice_questions: &BTreeSet<String>) -> String {
    let quote = |v: &str| {
        if v.parse::<f64>().is_ok() {
            v.to_owned()
        } else {
            format!("'{}'", v.replace('\'', "’"))
        }
    };
    match e {
        Expr::Compare(q, op, v) => match op {
            Op::Contains if choice_questions.contains(q) => {
                format!("selected(${{{q}}}, {})", quote(v))
            }
            Op::Contains => format!("contains(${{{q}}}, {})", quote(v)),
            Op::Eq if choice_questions.contains(q) => format!("selected(${{{q}}}, {})", quote(v)),
            Op::Ne if choice_questions.contains(q) => {
                format!("not(selected(${{{q}}}, {}))", quote(v))
            }
            Op::Eq => format!("${{{q}}} = {}", quote(v)),
            Op::Ne => format!("${{{q}}} != {}", quote(v)),
            Op::Lt => format!("${{{q}}} < {v}"),
            Op::Le => format!("${{{q}}} <= {v}"),
            Op::Gt => format!("${{{q}}} > {v}"),
            Op::Ge => format!("${{{q}}} >= {v}"),
        },
        Expr::Answered(q) => format!("${{{q}}} != ''"),
        Expr::NotAnswered(q) => format!("${{{q}}} = ''"),
        Expr::Not(a) => format!("not({})", condition_to_xpath(a, choice_questions)),
        Expr::And(a, b) => format!(
            "{} and {}",
            paren(a, choice_questions),
            paren(b, choice_questions)
        ),
        Expr::Or(a, b) => format!(
            "{} or {}",
            condition_to_xpath(a, choice_questions),
            condition_to_xpath(b, choice_questions)
        ),
    }
}

fn paren(e: &Expr, c: &BTreeSet<String>) -> String {
    match e {
        Expr::Or(..) => format!("({})", condition_to_xpath(e, c)),
        _ => condition_to_xpath(e, c),
    }
}

/// Bounds a `constraint` expresses: `. >= 1 and . <= 10`, `string-length(.) <= 200`,
/// `count-selected(.) <= 3`; `None` for anything else.
fn bounds(constraint: &str) -> Option<(Option<f64>, Option<f64>)> {
    let mut min = None;
    let mut max = None;
    for part in constraint.split(" and ") {
        let p = part.trim().trim_start_matches('(').trim_end_matches(')');
        let p = p
            .replace("string-length(.)", ".")
            .replace("count-selected(.)", ".");
        let (op, value) = ["<=", ">=", "<", ">"].iter().find_map(|op| {
            p.strip_prefix('.')
                .map(str::trim)
                .and_then(|r| r.strip_prefix(op))
                .map(|v| (*op, v.trim()))
        })?;
        let n: f64 = value.parse().ok()?;
        match op {
            ">=" => min = Some(n),
            ">" => min = Some(n + 1.0),
            "<=" => max = Some(n),
            _ => max = Some(n - 1.0),
        }
    }
    Some((min, max))
}

/// A list named `yes_no` holding exactly `yes` and `no`: a yes/no question (as exported).
fn is_yes_no(list: &str, choices: &[Choice]) -> bool {
    list == "yes_no" && choices.iter().map(|c| c.code.as_str()).eq(["yes", "no"])
}

/// A list named `territory_<scope>` holding exactly that scope's codes (as exported).
fn territory_scope(list: &str, choices: &[Choice]) -> Option<TerritoryScope> {
    let scope = TerritoryScope::parse(list.strip_prefix("territory_")?)?;
    let codes = super::territory::codes(scope);
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
pub fn read(bytes: &[u8], default_lang: &str) -> (Option<Definition>, ImportReport) {
    let mut report = ImportReport::default();
    let err = |sheet: &str, row: usize, column: &str, reason: &str| Item {
        sheet: sheet.to_owned(),
        row,
        column: column.to_owned(),
        reason: reason.to_owned(),
    };
    let Ok(mut book) = Xlsx::new(Cursor::new(bytes)) else {
        report.errors.push(err("", 0, "", "not an .xlsx workbook"));
        return (None, report);
    };
    let names: Vec<String> = book.sheet_names().to_vec();
    let find = |want: &str| {
        names
            .iter()
            .find(|n| n.trim().to_lowercase() == want)
            .cloned()
    };
    let Some(survey) = find("survey").and_then(|n| read_sheet(&mut book, &n)) else {
        report
            .errors
            .push(err("survey", 0, "", "the workbook has no survey sheet"));
        return (None, report);
    };
    let choices = find("choices").and_then(|n| read_sheet(&mut book, &n));
    let settings = find("settings").and_then(|n| read_sheet(&mut book, &n));
    for other in &names {
        let l = other.trim().to_lowercase();
        if !["survey", "choices", "settings"].contains(&l.as_str()) {
            report
                .not_imported
                .push(err(other, 0, "", "sheet not supported"));
        }
    }
    for col in ["type", "name"] {
        if survey.col(col).is_none() {
            report
                .errors
                .push(err("survey", 1, col, "required column missing"));
        }
    }
    if !report.errors.is_empty() {
        return (None, report);
    }

    // Settings.
    let mut title = String::new();
    let mut default = default_lang.to_owned();
    let mut allow_duplicates = false;
    if let Some(s) = &settings
        && let Some((_, row)) = s.rows.first()
    {
        title = s.get(row, "form_title").to_owned();
        if let Some(code) = language_code(s.get(row, "default_language")) {
            default = code;
        }
        allow_duplicates = matches!(
            s.get(row, "allow_choice_duplicates"),
            "yes" | "true" | "TRUE"
        );
        for (i, h) in s.headers.iter().enumerate() {
            if !h.is_empty()
                && ![
                    "form_title",
                    "form_id",
                    "default_language",
                    "version",
                    "allow_choice_duplicates",
                ]
                .contains(&h.as_str())
                && row.get(i).is_some_and(|v| !v.is_empty())
            {
                report
                    .not_imported
                    .push(err("settings", 2, h, "setting not supported"));
            }
        }
    }
    let mut langs: Vec<String> = vec![default.clone()];
    let mut skipped_langs = BTreeSet::new();

    // Choice lists.
    let mut lists: BTreeMap<String, Vec<Choice>> = BTreeMap::new();
    if let Some(c) = &choices {
        let list_col = if c.col("list_name").is_some() {
            "list_name"
        } else {
            "list name"
        };
        for (row_no, row) in &c.rows {
            let list = c.get(row, list_col);
            let name = c.get(row, "name");
            if list.is_empty() || name.is_empty() {
                report.not_imported.push(err(
                    "choices",
                    *row_no,
                    if list.is_empty() { list_col } else { "name" },
                    "row without list name or name",
                ));
                continue;
            }
            let label = text_of(c, row, "label", &default, &mut langs, &mut skipped_langs);
            let entry = lists.entry(list.to_owned()).or_default();
            if entry.iter().any(|x| x.code == name) {
                if allow_duplicates {
                    report.not_imported.push(err(
                        "choices",
                        *row_no,
                        "name",
                        "duplicate choice (kept once; choice filters are not supported)",
                    ));
                } else {
                    report.errors.push(err(
                        "choices",
                        *row_no,
                        "name",
                        "duplicate choice name in its list",
                    ));
                }
                continue;
            }
            if name.chars().count() > 64 {
                report
                    .errors
                    .push(err("choices", *row_no, "name", "choice name too long"));
                continue;
            }
            entry.push(Choice {
                code: name.to_owned(),
                label,
            });
            for (i, h) in c.headers.iter().enumerate() {
                let known = h == list_col || h == "name" || h == "label" || h.starts_with("label:");
                if !known && !h.is_empty() && row.get(i).is_some_and(|v| !v.is_empty()) {
                    report.not_imported.push(err(
                        "choices",
                        *row_no,
                        h,
                        "choice column not supported",
                    ));
                }
            }
        }
    }

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
                let gname = if name.is_empty() {
                    format!("group_{row_no}")
                } else {
                    name.clone()
                };
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
                            "expression not expressible as a Passerelle condition",
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
        let Some(mut kind) = kind else {
            report.not_imported.push(err(
                "survey",
                row_no,
                "type",
                &format!("question type not supported: {ty_raw}"),
            ));
            continue;
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
            match bounds(constraint) {
                Some((min, max)) if kind != Kind::Scale => {
                    q.min = min;
                    q.max = max;
                }
                _ => report.not_imported.push(err(
                    "survey",
                    row_no,
                    "constraint",
                    "constraint not expressible as bounds",
                )),
            }
        }
        match condition_from_xpath(survey.get(row, "relevant")) {
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
                "expression not expressible as a Passerelle condition",
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
    // Conditions naming questions that come later (or are missing) cannot be kept.
    for p in expr::check(&def) {
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
    if title.is_empty() {
        def.title = Text::one(&default, "XLSForm");
    } else {
        def.title = Text::one(&default, &title);
    }
    def.languages = langs.clone();
    report.title = def.title.get(&default, &default).to_owned();
    report.languages = langs;
    if !report.errors.is_empty() {
        return (None, report);
    }
    (Some(def), report)
}

/// Imports a workbook as a new draft questionnaire owned by `user`; nothing is created when the
/// report has errors (`Ok((None, report))`).
pub async fn import(
    core: &Core,
    user: &User,
    bytes: &[u8],
    default_lang: &str,
    actor: &Actor,
) -> Result<(Option<String>, ImportReport)> {
    if !super::policy::may_create(Some(user)) {
        return Err(Error::Forbidden);
    }
    let (def, report) = read(bytes, default_lang);
    match def {
        Some(def) => {
            let id = super::builder::insert_new(core, user, &def, actor, false).await?;
            Ok((Some(id), report))
        }
        None => Ok((None, report)),
    }
}

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
                    bound("string-length(.)"),
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
                    let prefix = super::territory::label_prefix(scope);
                    let items = super::territory::codes(scope)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relevant_expressions_become_conditions() {
        let c = |s: &str| condition_from_xpath(s);
        assert_eq!(c("${a} = 'yes'").as_deref(), Some("a = 'yes'"));
        assert_eq!(
            c("selected(${b}, 'x') and ${c} != ''").as_deref(),
            Some("b contains 'x' and answered(c)")
        );
        assert_eq!(
            c("not(${d} > 3) or ${e} = ''").as_deref(),
            Some("not (d > 3) or not_answered(e)")
        );
        assert_eq!(
            c("selected(../sex, 'other')").as_deref(),
            Some("sex contains 'other'")
        );
        assert_eq!(c("count-selected(${f}) > 2"), None);
        assert_eq!(c("").as_deref(), Some(""));
    }

    #[test]
    fn conditions_become_relevant_expressions() {
        let choice: BTreeSet<String> = ["cat".to_owned()].into_iter().collect();
        let e = expr::parse("cat = 'a' and (n >= 2 or not_answered(t))")
            .expect("ok")
            .expect("some");
        let x = condition_to_xpath(&e, &choice);
        assert_eq!(x, "selected(${cat}, 'a') and (${n} >= 2 or ${t} = '')");
        assert_eq!(
            condition_from_xpath(&x).as_deref(),
            Some("cat contains 'a' and (n >= 2 or not_answered(t))")
        );
    }

    #[test]
    fn bounds_read_simple_constraints() {
        assert_eq!(bounds(". >= 1 and . <= 10"), Some((Some(1.0), Some(10.0))));
        assert_eq!(bounds("string-length(.) <= 200"), Some((None, Some(200.0))));
        assert_eq!(bounds("regex(., '^[0-9]+$')"), None);
    }

    #[test]
    fn language_columns_map_to_codes() {
        assert_eq!(language_code("English (en)").as_deref(), Some("en"));
        assert_eq!(language_code("Français").as_deref(), Some("fr"));
        assert_eq!(language_code("EN").as_deref(), Some("en"));
        assert_eq!(language_code("chinese"), None);
    }

    #[test]
    fn not_a_workbook_is_an_error() {
        let (def, report) = read(b"not a zip", "fr");
        assert!(def.is_none());
        assert_eq!(report.errors[0].reason, "not an .xlsx workbook");
    }
}
