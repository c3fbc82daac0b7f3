//! What exports contain, page by page so that no export holds every response in memory: one
//! row per response (complete ones, and partial ones when asked, each with its status), one column per question — per option for multiple choice and
//! rankings, per row for matrices —, "other" texts in their own column, and the codes applied.
//! The file formats are written by the `export` crate.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::answers::Given;
use super::managing::{self, Include};
use super::model::*;
use super::results::{Columns, code_label, columns};
use super::store;
use super::{Loaded, load_managed};
use crate::accounts::{Actor, User};
use crate::audit::{self, Entry, action};
use crate::{Core, Result};

/// Responses read per page.
pub const PAGE: i64 = 1000;

/// One column of the answers sheet.
#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    pub question: String,
    /// What the column holds.
    pub part: Part,
    /// Index of the question in `Plan::columns.questions`, and whether its values are codes:
    /// worked out once, not for each of 100,000 rows.
    q: usize,
    closed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// The value (a text, a number, the code chosen).
    Value,
    /// 1 when this option is chosen, else 0 (multiple choice).
    Option(String),
    /// The "other" text.
    Other,
    /// A matrix row's column code.
    Row(String),
    /// The rank given to an option.
    Rank(String),
    /// Codes applied to the answer, `; `-separated.
    Codes,
}

/// The plan of an export: columns and labels, fixed before reading responses.
#[derive(Debug, Clone)]
pub struct Plan {
    pub loaded: Loaded,
    pub columns: Columns,
    pub lang: String,
    pub fixed: Vec<String>,
    pub answer_columns: Vec<Column>,
    pub labels: bool,
    /// Complete responses, partial ones, or both.
    pub include: Include,
}

impl Plan {
    pub fn headers(&self) -> Vec<String> {
        self.fixed
            .iter()
            .cloned()
            .chain(self.answer_columns.iter().map(|c| c.header.clone()))
            .collect()
    }

    /// Which columns hold numbers (for spreadsheets), in header order.
    pub fn numeric(&self) -> Vec<bool> {
        let mut out: Vec<bool> = self.fixed.iter().map(|h| h == "version").collect();
        for c in &self.answer_columns {
            out.push(match &c.part {
                Part::Option(_) | Part::Rank(_) => true,
                Part::Value => self.columns.question(&c.question).is_some_and(|q| {
                    matches!(q.kind(), Kind::Integer | Kind::Decimal | Kind::Scale)
                }),
                _ => false,
            });
        }
        out
    }

    /// The questions sheet: headers (`name`, `type`, then `label`, `choices` and `rows` in
    /// each language, XLSForm-style `label::fr`), and one row per question.
    pub fn question_sheet(&self) -> (Vec<String>, Vec<Vec<String>>) {
        let langs = &self.columns.languages;
        let mut headers = vec!["name".to_owned(), "type".to_owned()];
        for what in ["label", "choices", "rows"] {
            headers.extend(langs.iter().map(|l| format!("{what}::{l}")));
        }
        let list = |items: &[Choice], lang: &str| {
            items
                .iter()
                .map(|c| format!("{} = {}", c.code, c.label.get(lang, "")))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let rows = self
            .columns
            .questions
            .iter()
            .filter(|q| q.kind() != Kind::Info)
            .map(|q| {
                let mut row = vec![q.name.clone(), q.kind.clone()];
                row.extend(langs.iter().map(|l| q.label.get(l, "").to_owned()));
                row.extend(langs.iter().map(|l| list(&q.choices, l)));
                row.extend(langs.iter().map(|l| list(&q.rows, l)));
                row
            })
            .collect();
        (headers, rows)
    }

    /// What the JSON export says of the questionnaire before its responses: id, title,
    /// version, languages, mode, and every question with its type, labels and choices in
    /// every language.
    pub fn json_head(&self) -> Value {
        let texts = |t: &Text| json!(t.t);
        let items = |items: &[Choice]| {
            items
                .iter()
                .map(|c| json!({ "code": c.code, "label": texts(&c.label) }))
                .collect::<Vec<_>>()
        };
        let questions: Vec<Value> = self
            .columns
            .questions
            .iter()
            .filter(|q| q.kind() != Kind::Info)
            .map(|q| {
                let mut v = json!({
                    "name": q.name,
                    "type": q.kind,
                    "label": texts(&q.label),
                    "required": q.required,
                });
                if !q.choices.is_empty() {
                    v["choices"] = json!(items(&q.choices));
                }
                if !q.rows.is_empty() {
                    v["rows"] = json!(items(&q.rows));
                }
                if q.other {
                    v["other"] = json!(true);
                }
                v
            })
            .collect();
        let row = &self.loaded.row;
        json!({
            "id": row.id,
            "title": row.title,
            "version": row.version,
            "languages": self.columns.languages,
            "mode": row.mode,
            "responses_included": self.include.code(),
            "questions": questions,
        })
    }

    /// `(question, code, label)` of every closed value, for the codebook sheet.
    pub fn codebook_rows(&self) -> Vec<[String; 3]> {
        let mut out = Vec::new();
        for q in self.columns.questions.iter() {
            let codes = match q.kind() {
                Kind::Territory | Kind::Scale => continue,
                Kind::Matrix => {
                    for r in &q.rows {
                        for c in &q.choices {
                            out.push([
                                format!("{}/{}", q.name, r.code),
                                c.code.clone(),
                                c.label.get(&self.lang, &self.lang).to_owned(),
                            ]);
                        }
                    }
                    continue;
                }
                _ => q.codes(),
            };
            for c in codes {
                out.push([q.name.clone(), c.clone(), code_label(q, &c, &self.lang)]);
            }
        }
        out
    }

    fn value(&self, q: &Question, code: &str) -> String {
        if self.labels {
            code_label(q, code, &self.lang)
        } else {
            code.to_owned()
        }
    }

    /// The cells of one response, in header order.
    pub fn cells(&self, r: &Record) -> Vec<String> {
        let mut out = Vec::with_capacity(self.fixed.len() + self.answer_columns.len());
        out.extend([
            r.id.clone(),
            r.version.to_string(),
            r.submitted_at.clone(),
            managing::status_label(&r.status).to_owned(),
        ]);
        if self.fixed.len() > 4 {
            out.push(r.respondent.clone());
        }
        let sorted = r.sorted();
        for c in &self.answer_columns {
            let q = &self.columns.questions[c.q];
            let name = c.question.as_str();
            let lo = sorted.partition_point(|x| x.0 < name);
            let hi = lo + sorted[lo..].partition_point(|x| x.0 == name);
            let vals = &sorted[lo..hi];
            let part = |p: &str| {
                vals.iter()
                    .find(|(_, x, _)| *x == p)
                    .map(|(_, _, v)| *v)
                    .unwrap_or("")
            };
            let cell = match &c.part {
                Part::Value => {
                    let mut cell = String::new();
                    for (_, _, v) in vals.iter().filter(|(_, p, _)| p.is_empty()) {
                        if !cell.is_empty() {
                            cell.push(' ');
                        }
                        if c.closed {
                            cell.push_str(&self.value(q, v));
                        } else {
                            cell.push_str(v);
                        }
                    }
                    cell
                }
                Part::Option(code) => {
                    if vals.is_empty() {
                        String::new()
                    } else if vals.iter().any(|(_, p, v)| p.is_empty() && v == code) {
                        "1".into()
                    } else {
                        "0".into()
                    }
                }
                Part::Other => part("other").to_owned(),
                Part::Row(row) => {
                    let v = part(row);
                    if v.is_empty() {
                        String::new()
                    } else {
                        self.value(q, v)
                    }
                }
                Part::Rank(code) => part(code).to_owned(),
                Part::Codes => r
                    .codes
                    .get(&c.question)
                    .map(|v| v.join("; "))
                    .unwrap_or_default(),
            };
            out.push(cell);
        }
        out
    }

    /// One response as a JSON object: every answer under its question's name.
    pub fn json(&self, r: &Record) -> Value {
        let mut answers = Map::new();
        let given = r.given();
        for q in &self.columns.questions {
            if !given.has(&q.name) {
                continue;
            }
            let vals = given.values(&q.name);
            let v = match q.kind() {
                Kind::Multiple => json!(vals),
                Kind::Matrix | Kind::Ranking => {
                    let ranks = q.kind() == Kind::Ranking;
                    let parts: Map<String, Value> = given.0[&q.name]
                        .iter()
                        .filter(|(p, _)| !p.is_empty() && p != "other")
                        .map(|(p, v)| {
                            let n = v.parse::<i64>().ok().filter(|_| ranks);
                            (p.clone(), n.map(|n| json!(n)).unwrap_or_else(|| json!(v)))
                        })
                        .collect();
                    Value::Object(parts)
                }
                Kind::Integer | Kind::Scale => vals
                    .first()
                    .and_then(|v| v.parse::<i64>().ok())
                    .map(|n| json!(n))
                    .unwrap_or_else(|| json!(vals.first())),
                Kind::Decimal => vals
                    .first()
                    .and_then(|v| v.parse::<f64>().ok())
                    .map(|n| json!(n))
                    .unwrap_or_else(|| json!(vals.first())),
                _ => json!(vals.first()),
            };
            answers.insert(q.name.clone(), v);
            let other = given.part(&q.name, "other");
            if !other.is_empty() {
                answers.insert(format!("{}_other", q.name), json!(other));
            }
        }
        let mut obj = json!({
            "id": r.id,
            "version": r.version,
            "status": managing::status_label(&r.status),
            "submitted_at": if r.submitted_at.is_empty() { Value::Null } else { json!(r.submitted_at) },
            "last_saved": r.last_saved,
            "answers": answers,
        });
        if !r.respondent.is_empty() {
            obj["respondent"] = json!(r.respondent);
        }
        if !r.codes.is_empty() {
            obj["codes"] = json!(r.codes);
        }
        obj
    }
}

/// One response.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    pub version: i64,
    /// `submitted` or `draft` (a partial response).
    pub status: String,
    /// RFC 3339 (a day only in anonymous mode); empty for a partial response.
    pub submitted_at: String,
    /// When it was last saved, RFC 3339 (a day only in anonymous mode).
    pub last_saved: String,
    /// Pseudonym or e-mail address, by mode.
    pub respondent: String,
    /// The response's values as the database packed them (see `store::answers_packed`):
    /// read in place, without a string allocated per value.
    packed: String,
    /// Question → code labels.
    pub codes: BTreeMap<String, Vec<String>>,
}

impl Record {
    /// The values, sorted by question (stable: each question's values keep their order):
    /// `(question, part, value)`.
    fn sorted(&self) -> Vec<(&str, &str, &str)> {
        let mut v: Vec<(&str, &str, &str)> = self
            .packed
            .split(store::VALUE_SEP)
            .filter_map(|x| {
                let mut f = x.splitn(3, store::FIELD_SEP);
                Some((f.next()?, f.next()?, f.next()?))
            })
            .collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v
    }

    /// The values as answers.
    pub fn given(&self) -> Given {
        Given::from_rows(
            self.sorted()
                .into_iter()
                .map(|(q, p, v)| (q.to_owned(), p.to_owned(), v.to_owned()))
                .collect(),
        )
    }
}

/// Prepares an export (audited: exports carry every response).
pub async fn plan(
    core: &Core,
    user: &User,
    id: &str,
    lang: &str,
    labels: bool,
    include: Include,
    actor: &Actor,
) -> Result<Plan> {
    let loaded = load_managed(core, user, id).await?;
    let mut tx = core.db.begin().await?;
    let columns = columns(&mut tx, id).await?;
    let coded: std::collections::BTreeSet<String> = store::all_applied_codes(&mut tx, id)
        .await?
        .into_iter()
        .map(|(_, q, _)| q)
        .collect();
    audit::record(
        &mut tx,
        core.clock.unix(),
        actor,
        Entry::new(action::RESPONSES_READ)
            .target("questionnaire", id)
            .subject(&loaded.row.title)
            .details("export"),
    )
    .await?;
    tx.commit().await?;
    let mut fixed = vec![
        "response_id".into(),
        "version".into(),
        "submitted_at".into(),
        "status".into(),
    ];
    match loaded.mode() {
        Mode::Pseudonymous => fixed.push("pseudonym".into()),
        Mode::Identified => fixed.push("respondent".into()),
        Mode::Anonymous => {}
    }
    let mut cols = Vec::new();
    for (qi, q) in columns.questions.iter().enumerate() {
        let closed = q.kind().is_closed();
        let col = |question: &str, header: String, part: Part| Column {
            header,
            question: question.to_owned(),
            part,
            q: qi,
            closed,
        };
        let n = &q.name;
        match q.kind() {
            Kind::Info => continue,
            Kind::Multiple => {
                for c in &q.choices {
                    cols.push(col(
                        n,
                        format!("{n}/{}", c.code),
                        Part::Option(c.code.clone()),
                    ));
                }
                if q.other {
                    cols.push(col(n, format!("{n}/{OTHER}"), Part::Option(OTHER.into())));
                }
            }
            Kind::Matrix => {
                for r in &q.rows {
                    cols.push(col(n, format!("{n}/{}", r.code), Part::Row(r.code.clone())));
                }
            }
            Kind::Ranking => {
                for c in &q.choices {
                    cols.push(col(
                        n,
                        format!("{n}/{}", c.code),
                        Part::Rank(c.code.clone()),
                    ));
                }
            }
            _ => cols.push(col(n, n.clone(), Part::Value)),
        }
        if q.other {
            cols.push(col(n, format!("{n}_other"), Part::Other));
        }
        if coded.contains(n) {
            cols.push(col(n, format!("{n}_codes"), Part::Codes));
        }
    }
    let lang = loaded.def.language_for(lang).to_owned();
    Ok(Plan {
        loaded,
        columns,
        lang,
        fixed,
        answer_columns: cols,
        labels,
        include,
    })
}

/// The next page of responses after `after` (a response id; empty for the first page).
pub async fn page(core: &Core, plan: &Plan, after: &str) -> Result<Vec<Record>> {
    let mut conn = core.db.pool.acquire().await?;
    let id = &plan.loaded.row.id;
    let status = plan.include.status();
    let heads = store::export_responses(&mut conn, id, status, after, PAGE).await?;
    if heads.is_empty() {
        return Ok(vec![]);
    }
    let ids: Vec<String> = heads.iter().map(|h| h.id.clone()).collect();
    let packed = store::answers_packed(&mut conn, core.db.backend, id, status, after, PAGE).await?;
    let mut codes: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for (r, q, label) in store::codes_of(&mut conn, &ids).await? {
        codes
            .entry(r)
            .or_default()
            .entry(q)
            .or_default()
            .push(label);
    }
    let anonymous = plan.loaded.mode() == Mode::Anonymous;
    let mut out = Vec::with_capacity(heads.len());
    let mut by_response: BTreeMap<String, String> = packed.into_iter().collect();
    // Anonymous responses keep only the day, so that a time cannot be matched with a log.
    let stamp = |at: i64| {
        let s = crate::clock::format_rfc3339(at);
        if anonymous { s[..10].to_owned() } else { s }
    };
    for h in heads {
        let packed = by_response.remove(&h.id).unwrap_or_default();
        out.push(Record {
            submitted_at: if h.status == "submitted" {
                stamp(h.submitted_at)
            } else {
                String::new()
            },
            last_saved: stamp(h.updated_at),
            respondent: match plan.loaded.mode() {
                Mode::Pseudonymous => h.pseudonym,
                Mode::Identified => h.email,
                Mode::Anonymous => String::new(),
            },
            codes: codes.remove(&h.id).unwrap_or_default(),
            packed,
            status: h.status,
            id: h.id,
            version: h.version,
        });
    }
    Ok(out)
}
