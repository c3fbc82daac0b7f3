//! Pages of results: charts, cross-tabulation, text answers and coding, responses.

use askama::Template;
use askama_web::WebTemplate;
use passerelle_core::questionnaires::store::CodeRow;
use passerelle_core::questionnaires::{
    CrossTab, Loaded, Question, ResponseDetail, Results, TextAnswers,
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
    pub errors: Errors,
}

impl ResultsPage {
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
            "/questionnaires/{}/results?filter={}:{}",
            self.results.loaded.row.id,
            enc(question),
            enc(code)
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
    pub items: Vec<(String, i64, String)>,
    pub page: usize,
    pub has_next: bool,
}

/// One answer of a response, as read back: `(label, text)`.
#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/response.html")]
pub struct ResponsePage {
    pub ctx: Ctx,
    pub detail: ResponseDetail,
    pub answers: Vec<(String, String)>,
}
