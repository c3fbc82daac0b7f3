//! Results: counts and percentages per question, numeric summaries, text answers with search,
//! filters and cross-tabulation, individual responses, and the coding of free text.
//!
//! Questions of every version count: a question dropped in a later version keeps its results,
//! labelled as its last version wrote it (see [`Columns`]).

use std::collections::BTreeMap;

use super::answers::Given;
use super::managing::Include;
use super::model::*;
use super::store::{self, CodeRow};
use super::{Loaded, load_managed};
use crate::accounts::{Actor, User};
use crate::audit::{self, Entry, action};
use crate::{Core, Error, Result};

/// The questions of all versions, in the order of the newest, then those only older versions
/// had; each as its newest version defines it.
#[derive(Debug, Clone)]
pub struct Columns {
    pub questions: Vec<Question>,
    pub languages: Vec<String>,
}

impl Columns {
    pub fn of(defs: &[Definition]) -> Columns {
        let mut questions: Vec<Question> = Vec::new();
        for def in defs.iter().rev() {
            for q in def.questions() {
                match questions.iter_mut().find(|x| x.name == q.name) {
                    Some(existing) => {
                        // Keep options an older version offered and the newer one dropped.
                        for c in &q.choices {
                            if !existing.choices.iter().any(|x| x.code == c.code) {
                                existing.choices.push(c.clone());
                            }
                        }
                        for r in &q.rows {
                            if !existing.rows.iter().any(|x| x.code == r.code) {
                                existing.rows.push(r.clone());
                            }
                        }
                        existing.other |= q.other;
                    }
                    None => questions.push(q.clone()),
                }
            }
        }
        let languages = defs.last().map(|d| d.languages.clone()).unwrap_or_default();
        Columns {
            questions,
            languages,
        }
    }

    pub fn question(&self, name: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.name == name)
    }

    /// Closed questions, which filter and cross.
    pub fn closed(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(|q| q.kind().is_closed())
    }
}

pub(super) async fn columns(conn: &mut sqlx::AnyConnection, id: &str) -> Result<Columns> {
    let defs = store::all_definitions(conn, id)
        .await?
        .into_iter()
        .map(|(_, d)| serde_json::from_str(&d).map_err(|e| Error::Internal(e.to_string())))
        .collect::<Result<Vec<Definition>>>()?;
    Ok(Columns::of(&defs))
}

/// One bar of a chart.
#[derive(Debug, Clone)]
pub struct Bar {
    pub code: String,
    pub label: String,
    pub count: i64,
    /// Of the responses that answered the question, in tenths of a percent.
    pub permille: i64,
}

impl Bar {
    pub fn percent(&self) -> String {
        percent(self.permille)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Numeric {
    pub count: usize,
    pub min: f64,
    pub max: f64,
    pub mean: f64,
    pub median: f64,
}

#[derive(Debug, Clone)]
pub struct QuestionResult {
    pub question: Question,
    pub label: String,
    /// Responses that answered it.
    pub answered: i64,
    pub bars: Vec<Bar>,
    /// Matrix: one set of bars per row, `(row label, bars)`.
    pub matrix: Vec<(String, Vec<Bar>)>,
    /// Ranking: `(option label, mean rank)`, best first.
    pub ranks: Vec<(String, f64)>,
    pub numeric: Option<Numeric>,
    /// "Other" texts given.
    pub others: i64,
}

#[derive(Debug, Clone)]
pub struct Results {
    pub loaded: Loaded,
    pub columns: Columns,
    pub lang: String,
    /// Responses counted (matching the filter when there is one).
    pub submitted: i64,
    /// Whether partial responses count, beside the complete ones.
    pub include: Include,
    pub questions: Vec<QuestionResult>,
    /// `(question, value, label of the value)`.
    pub filter: Option<(String, String, String)>,
}

/// `part` of `whole` in tenths of a percent, rounded half up (2 of 3 is 66.7 %, not 66.6 %).
pub fn permille(part: i64, whole: i64) -> i64 {
    if whole > 0 {
        (part * 2000 + whole) / (2 * whole)
    } else {
        0
    }
}

/// A permille as a percentage with one decimal.
pub fn percent(permille: i64) -> String {
    format!("{}.{}", permille / 10, permille % 10)
}

fn bars(q: &Question, counts: &BTreeMap<String, i64>, answered: i64, lang: &str) -> Vec<Bar> {
    q.codes()
        .into_iter()
        .chain(
            counts
                .keys()
                .filter(|k| !q.codes().contains(k))
                .cloned()
                .collect::<Vec<_>>(),
        )
        .map(|code| {
            let count = counts.get(&code).copied().unwrap_or(0);
            Bar {
                label: code_label(q, &code, lang),
                permille: permille(count, answered),
                code,
                count,
            }
        })
        .collect()
}

/// The label of a code in `lang`: the option's text, or the fixed label of yes/no, scales and
/// territories (rendered by the caller from the code), or the code itself.
pub fn code_label(q: &Question, code: &str, lang: &str) -> String {
    let locale = crate::Locale::parse(lang).unwrap_or_default();
    match q.kind() {
        Kind::YesNo => locale.t(&format!("answer-{code}")),
        Kind::Scale => code.to_owned(),
        Kind::Territory => {
            let key = format!(
                "{}{code}",
                super::territory::label_prefix(q.territory_scope())
            );
            if locale.has(&key) {
                locale.t(&key)
            } else {
                code.to_owned()
            }
        }
        _ if code == OTHER && q.other => locale.t("answer-other"),
        _ => q
            .code_label(code, lang, lang)
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| code.to_owned()),
    }
}

fn summary(mut values: Vec<f64>) -> Option<Numeric> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let n = values.len();
    let median = if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    };
    Some(Numeric {
        count: n,
        min: values[0],
        max: values[n - 1],
        mean: values.iter().sum::<f64>() / n as f64,
        median,
    })
}

/// Results of every question, optionally among responses having `filter = (question, value)`.
pub async fn results(
    core: &Core,
    user: &User,
    id: &str,
    lang: &str,
    filter: Option<(String, String)>,
    include: Include,
) -> Result<Results> {
    let loaded = load_managed(core, user, id).await?;
    let mut conn = core.db.pool.acquire().await?;
    let columns = columns(&mut conn, id).await?;
    let lang = loaded.def.language_for(lang).to_owned();
    let filter = filter.filter(|(q, _)| columns.closed().any(|c| c.name == *q));
    let f = filter.as_ref().map(|(q, v)| (q.as_str(), v.as_str()));
    let scope = include.scope(f);
    let submitted = store::submitted_count(&mut conn, id, scope).await?;
    // Unfiltered results of complete responses read the tallies kept at submission; a filter
    // or partial responses count the answers of the responses selected.
    let (answered, values) = match (f, include) {
        (None, Include::Complete) => (
            store::question_tallies(&mut conn, id).await?,
            store::value_tallies(&mut conn, id).await?,
        ),
        _ => (
            store::answered_counts(&mut conn, id, scope).await?,
            store::value_counts(&mut conn, id, scope).await?,
        ),
    };
    let answered: BTreeMap<String, i64> = answered.into_iter().collect();
    // (question, part) → value → count
    let mut counts: BTreeMap<(String, String), BTreeMap<String, i64>> = BTreeMap::new();
    for (q, part, v, n) in values {
        counts.entry((q, part)).or_default().insert(v, n);
    }
    let empty = BTreeMap::new();
    let mut questions = Vec::new();
    for q in &columns.questions {
        let kind = q.kind();
        if kind == Kind::Info {
            continue;
        }
        let n = answered.get(&q.name).copied().unwrap_or(0);
        let main = counts
            .get(&(q.name.clone(), String::new()))
            .unwrap_or(&empty);
        let mut r = QuestionResult {
            label: q.label.get(&lang, loaded.def.default_language()).to_owned(),
            question: q.clone(),
            answered: n,
            bars: vec![],
            matrix: vec![],
            ranks: vec![],
            numeric: None,
            others: counts
                .get(&(q.name.clone(), "other".to_owned()))
                .map(|m| m.values().sum())
                .unwrap_or(0),
        };
        if kind.is_closed() {
            r.bars = bars(q, main, n, &lang);
        }
        if kind == Kind::Matrix {
            for row in &q.rows {
                let c = counts
                    .get(&(q.name.clone(), row.code.clone()))
                    .unwrap_or(&empty);
                let total: i64 = c.values().sum();
                r.matrix.push((
                    row.label
                        .get(&lang, loaded.def.default_language())
                        .to_owned(),
                    bars(q, c, total, &lang),
                ));
            }
        }
        if kind == Kind::Ranking {
            for c in &q.choices {
                let m = counts
                    .get(&(q.name.clone(), c.code.clone()))
                    .unwrap_or(&empty);
                let (sum, cnt) = m.iter().fold((0.0, 0i64), |(s, k), (rank, n)| {
                    (s + rank.parse::<f64>().unwrap_or(0.0) * *n as f64, k + n)
                });
                if cnt > 0 {
                    r.ranks
                        .push((c.label.get(&lang, &lang).to_owned(), sum / cnt as f64));
                }
            }
            r.ranks.sort_by(|a, b| a.1.total_cmp(&b.1));
        }
        if kind.is_numeric() {
            let values: Vec<f64> = main
                .iter()
                .filter_map(|(v, n)| v.parse::<f64>().ok().map(|x| (x, *n)))
                .flat_map(|(x, n)| std::iter::repeat_n(x, n as usize))
                .collect();
            r.numeric = summary(values);
        }
        questions.push(r);
    }
    let filter = filter.map(|(q, v)| {
        let label = columns
            .question(&q)
            .map(|qq| code_label(qq, &v, &lang))
            .unwrap_or_else(|| v.clone());
        (q, v, label)
    });
    Ok(Results {
        loaded,
        columns,
        lang,
        submitted,
        include,
        questions,
        filter,
    })
}

/// One free-text answer with the codes applied to it.
#[derive(Debug, Clone)]
pub struct TextAnswer {
    pub response_id: String,
    pub text: String,
    pub codes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct TextAnswers {
    pub loaded: Loaded,
    pub question: Question,
    pub label: String,
    pub items: Vec<TextAnswer>,
    pub total: usize,
    pub codebook: Vec<CodeRow>,
}

/// Text answers of a question (its "other" texts for a choice question), searched with folded
/// words (all must appear), 50 per page.
pub async fn texts(
    core: &Core,
    user: &User,
    id: &str,
    question: &str,
    lang: &str,
    search: &str,
    page: usize,
) -> Result<TextAnswers> {
    let loaded = load_managed(core, user, id).await?;
    let mut conn = core.db.pool.acquire().await?;
    let columns = columns(&mut conn, id).await?;
    let q = columns.question(question).ok_or(Error::NotFound)?.clone();
    let part = if q.kind().is_text() { "" } else { "other" };
    let words = crate::text::query_words(search, 8);
    let all: Vec<(String, String)> = store::texts(&mut conn, id, question, part)
        .await?
        .into_iter()
        .filter(|(_, t)| {
            let folded = crate::text::fold(t);
            words.iter().all(|w| folded.contains(w.as_str()))
        })
        .collect();
    let applied = store::applied_codes(&mut conn, id, question).await?;
    let codebook = store::codes(&mut conn, id).await?;
    let total = all.len();
    let items = all
        .into_iter()
        .skip(page.saturating_sub(1) * 50)
        .take(50)
        .map(|(response_id, text)| TextAnswer {
            codes: applied
                .iter()
                .filter(|(r, _)| *r == response_id)
                .map(|(_, c)| c.clone())
                .collect(),
            response_id,
            text,
        })
        .collect();
    let lang = loaded.def.language_for(lang).to_owned();
    Ok(TextAnswers {
        label: q.label.get(&lang, &lang).to_owned(),
        question: q,
        loaded,
        items,
        total,
        codebook,
    })
}

/// One response as its respondent gave it.
#[derive(Debug, Clone)]
pub struct ResponseDetail {
    pub loaded: Loaded,
    pub response: store::ResponseRow,
    pub def: Definition,
    pub given: Given,
    /// The respondent's address in identified mode.
    pub respondent: String,
    pub codes: Vec<(String, String)>,
}

/// Reads one response, complete or partial. Reading an identified or pseudonymous response is audited.
pub async fn response(
    core: &Core,
    user: &User,
    id: &str,
    response: &str,
    actor: &Actor,
) -> Result<ResponseDetail> {
    let loaded = load_managed(core, user, id).await?;
    let mut tx = core.db.begin().await?;
    let r = store::response(&mut tx, response)
        .await?
        .filter(|r| r.questionnaire_id == id)
        .ok_or(Error::NotFound)?;
    let def = super::load_definition(&mut tx, id, r.version).await?;
    let given = Given::from_rows(store::answers(&mut tx, &r.id).await?);
    // Only identified responses name their respondent: a draft of an anonymous or
    // pseudonymous questionnaire still knows its account until it is submitted.
    let respondent = match r
        .user_id
        .as_ref()
        .filter(|_| loaded.mode() == Mode::Identified)
    {
        Some(uid) => crate::accounts::store::by_id(&mut tx, uid)
            .await?
            .map(|u| u.email)
            .unwrap_or_default(),
        None => String::new(),
    };
    let codes = store::all_applied_codes(&mut tx, id)
        .await?
        .into_iter()
        .filter(|(rid, _, _)| *rid == r.id)
        .map(|(_, q, label)| (q, label))
        .collect();
    if loaded.row.mode != Mode::Anonymous.code() {
        audit::record(
            &mut tx,
            core.clock.unix(),
            actor,
            Entry::new(action::RESPONSES_READ)
                .target("response", &r.id)
                .subject(&loaded.row.title),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(ResponseDetail {
        loaded,
        response: r,
        def,
        given,
        respondent,
        codes,
    })
}
