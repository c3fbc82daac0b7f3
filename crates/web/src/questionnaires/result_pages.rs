//! Pages of results: charts, cross-tabulation, text answers and coding, responses.

use askama::Template;
use askama_web::WebTemplate;
use passerelle_core::questionnaires::store::CodeRow;
use passerelle_core::questionnaires::store::ResponseItem;
use passerelle_core::questionnaires::{
    Bar, CrossTab, Include, Loaded, Question, QuestionResult, ResponseDetail, Results, TextAnswers,
};

use super::pages::Options;
use crate::ctx::Ctx;
use crate::forms::{Errors, Notice};

// ---- results ---------------------------------------------------------------------------------

/// A horizontal bar chart drawn as SVG on the server: `(label, count, percent text, width)`.
pub struct Chart {
    pub bars: Vec<(String, i64, String, i64)>,
    pub height: i64,
}

impl Chart {
    pub fn of(bars: &[passerelle_core::questionnaires::Bar]) -> Chart {
        let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
        Chart {
            height: bars.len() as i64 * 28 + 4,
            bars: bars
                .iter()
                .map(|b| (b.label.clone(), b.count, b.percent(), b.count * 300 / max))
                .collect(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/results.html")]
pub struct ResultsPage {
    pub ctx: Ctx,
    pub results: Results,
    pub cross: Option<CrossTab>,
    pub cross_rows: String,
    pub cross_cols: String,
    /// The question whose long list is shown whole.
    pub unfolded: String,
    pub errors: Errors,
}

/// Lists longer than this show the ten most given values and "others".
const LONG_LIST: usize = 12;

impl ResultsPage {
    /// The results by section of the current version (a table of contents and a fold each),
    /// then the questions only earlier versions asked: `(anchor, title, results)`.
    pub fn groups(&self) -> Vec<(String, String, Vec<&QuestionResult>)> {
        let def = &self.results.loaded.def;
        let lang = &self.results.lang;
        let mut out: Vec<(String, String, Vec<&QuestionResult>)> = def
            .sections
            .iter()
            .enumerate()
            .map(|(n, s)| {
                let items = self
                    .results
                    .questions
                    .iter()
                    .filter(|r| s.questions.iter().any(|q| q.name == r.question.name))
                    .collect();
                let title = s.title.get(lang, def.default_language());
                let title = if title.trim().is_empty() {
                    // An untitled section is named by its place.
                    self.ctx.tn("results-section-untitled", "n", (n + 1) as i64)
                } else {
                    title.to_owned()
                };
                (format!("s-{}", s.name), title, items)
            })
            .collect();
        let older: Vec<&QuestionResult> = self
            .results
            .questions
            .iter()
            .filter(|r| def.question(&r.question.name).is_none())
            .collect();
        if !older.is_empty() {
            out.push((
                "s-earlier".to_owned(),
                self.ctx.t("results-earlier-versions"),
                older,
            ));
        }
        out.retain(|(_, _, items)| !items.is_empty());
        out
    }

    /// Whether `r` has a long list shown folded (ten values and "others").
    pub fn folded(&self, r: &QuestionResult) -> bool {
        self.given_values(r) > LONG_LIST as i64 && self.unfolded != r.question.name
    }

    /// How many values a list shows whole: every option, but only the territories given.
    pub fn given_values(&self, r: &QuestionResult) -> i64 {
        self.listed(r).len() as i64
    }

    fn listed(&self, r: &QuestionResult) -> Vec<Bar> {
        r.bars
            .iter()
            .filter(|b| {
                b.count > 0 || r.question.kind() != passerelle_core::questionnaires::Kind::Territory
            })
            .cloned()
            .collect()
    }

    /// The bars shown: every one (territories given), or for a long list the ten most given and
    /// one for the rest.
    pub fn shown_bars(&self, r: &QuestionResult) -> Vec<Bar> {
        if !self.folded(r) {
            return self.listed(r);
        }
        let mut bars: Vec<Bar> = r.bars.iter().filter(|b| b.count > 0).cloned().collect();
        bars.sort_by_key(|b| std::cmp::Reverse(b.count));
        let rest: Vec<Bar> = bars.split_off(bars.len().min(10));
        if !rest.is_empty() {
            let count = rest.iter().map(|b| b.count).sum();
            bars.push(Bar {
                code: String::new(),
                label: self.ctx.tn("results-others", "count", rest.len() as i64),
                count,
                permille: passerelle_core::questionnaires::permille(count, r.answered),
            });
        }
        bars
    }

    /// This page's address with `extra` query parameters, keeping the filter, the cross-tab
    /// and the responses included.
    pub fn link(&self, extra: &str) -> String {
        let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        let mut q = Vec::new();
        if let Some((question, value, _)) = &self.results.filter {
            q.push(format!("filter={}:{}", enc(question), enc(value)));
        }
        if !self.cross_rows.is_empty() {
            q.push(format!(
                "rows={}&cols={}",
                enc(&self.cross_rows),
                enc(&self.cross_cols)
            ));
        }
        if self.partial() {
            q.push("include=all".to_owned());
        }
        if !extra.is_empty() {
            q.push(extra.to_owned());
        }
        format!(
            "/questionnaires/{}/results?{}",
            self.results.loaded.row.id,
            q.join("&")
        )
    }

    /// This page with the whole list of `question`'s values.
    pub fn unfold_link(&self, question: &str) -> String {
        let enc: String = form_urlencoded::byte_serialize(question.as_bytes()).collect();
        self.link(&format!("all={enc}"))
    }

    /// The other choice of responses counted (complete only, or with partial ones), keeping
    /// the filter and the cross-tab.
    pub fn toggle_partial_link(&self) -> String {
        let link = self.link("");
        if self.partial() {
            link.replace("&include=all", "")
                .replace("?include=all", "?")
        } else {
            self.link("include=all")
        }
    }

    /// A number as the reader writes it (a decimal comma in French).
    pub fn num(&self, n: String) -> String {
        if self.ctx.lang() == "fr" {
            n.replace('.', ",")
        } else {
            n
        }
    }

    /// A percentage through its message (`key` takes `pct`); empty when there is none.
    pub fn share(&self, key: &str, pct: String) -> String {
        if pct.is_empty() {
            return self.ctx.t("results-unanswered-row");
        }
        self.ctx.t1(key, "pct", &self.num(pct))
    }

    /// Partial responses count too.
    pub fn partial(&self) -> bool {
        self.results.include == Include::All
    }

    /// The query that makes exports take what this page counts.
    pub fn export_query(&self) -> &'static str {
        if self.partial() {
            "include=all"
        } else {
            "include=complete"
        }
    }

    pub fn closed_questions(&self) -> Options {
        let lang = &self.results.lang;
        self.results
            .columns
            .closed()
            .map(|q| (q.name.clone(), q.label.get(lang, lang).to_owned()))
            .collect()
    }
    pub fn chart(&self, bars: &[passerelle_core::questionnaires::Bar]) -> Chart {
        Chart::of(bars)
    }
    pub fn fmt(&self, v: &f64) -> String {
        let s = format!("{v:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
        if self.ctx.lang() == "fr" {
            s.replace('.', ",")
        } else {
            s
        }
    }
    pub fn filter_link(&self, question: &str, code: &str) -> String {
        let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        format!(
            "/questionnaires/{}/results?filter={}:{}{}",
            self.results.loaded.row.id,
            enc(question),
            enc(code),
            if self.partial() { "&include=all" } else { "" }
        )
    }
    pub fn has_texts(&self, q: &Question) -> bool {
        q.kind().is_text() || q.other
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/texts.html")]
pub struct TextsPage {
    pub ctx: Ctx,
    pub texts: TextAnswers,
    pub search: String,
    pub page: usize,
    pub notice: Notice,
}

impl TextsPage {
    pub fn has_next(&self) -> bool {
        self.page * 50 < self.texts.total
    }
    pub fn page_link(&self, page: usize) -> String {
        let q: String = form_urlencoded::byte_serialize(self.search.as_bytes()).collect();
        format!(
            "/questionnaires/{}/results/{}/texts?q={q}&page={page}",
            self.texts.loaded.row.id, self.texts.question.name
        )
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/codes.html")]
pub struct CodesPage {
    pub ctx: Ctx,
    pub loaded: Loaded,
    pub codes: Vec<(CodeRow, i64)>,
    pub typed_label: String,
    pub description: String,
    pub errors: Errors,
    pub notice: Notice,
    /// Text questions to code: `(name, label)`.
    pub text_questions: Vec<(String, String)>,
}

impl CodesPage {
    pub fn width(&self, n: &i64) -> i64 {
        let max = self.codes.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
        n * 300 / max
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/responses.html")]
pub struct ResponsesPage {
    pub ctx: Ctx,
    pub loaded: Loaded,
    pub items: Vec<ResponseItem>,
    pub page: usize,
    pub has_next: bool,
    pub show: Include,
    pub notice: Notice,
}

/// When a response was saved or sent, as its questionnaire's mode allows: the day only in
/// anonymous mode (a time could be matched with a log), else day and time.
fn when(ctx: &Ctx, anonymous: bool, at: i64) -> String {
    if anonymous {
        ctx.day(&passerelle_core::clock::format_rfc3339(at)[..10])
    } else {
        ctx.date(&at)
    }
}

impl ResponsesPage {
    pub fn saved_text(&self, at: &i64) -> String {
        when(&self.ctx, self.loaded.row.mode == "anonymous", *at)
    }

    /// The page reached by a response: its position among the current sections, of how many.
    pub fn reached(&self, item: &ResponseItem) -> String {
        let total = self.loaded.def.sections.len().max(1);
        format!("{} / {total}", (item.page as usize + 1).min(total))
    }
}

/// One answer of a response, as read back: `(label, text)`.
#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/response.html")]
pub struct ResponsePage {
    pub ctx: Ctx,
    pub detail: ResponseDetail,
    pub answers: Vec<(String, String)>,
    /// The reason typed to delete it (kept when the form comes back).
    pub reason: String,
    pub errors: Errors,
    pub notice: Notice,
}

impl ResponsePage {
    /// When it was submitted: the day only in anonymous mode (the time is not kept).
    pub fn submitted_text(&self, at: &i64) -> String {
        when(&self.ctx, self.detail.loaded.row.mode == "anonymous", *at)
    }

    /// A submitted identified response may be given back to its respondent.
    pub fn may_reopen(&self) -> bool {
        self.detail.response.status == "submitted" && self.detail.response.user_id.is_some()
    }
}
