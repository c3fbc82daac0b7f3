//! The respondent's pages, and the view-models that turn a question and its answers into
//! form fields (also used by the builder's preview).

use askama::Template;
use askama_web::WebTemplate;
use passerelle_core::Locale;
use passerelle_core::questionnaires::{
    AnswerError, Definition, Given, Kind, Mode, OTHER, OpenState, Question, TerritoryScope,
    Welcome, territory,
};

use passerelle_core::questionnaires::piping::pipe;

use super::pages::Options;
use crate::ctx::Ctx;
use crate::forms::{Errors, Notice};

/// One option of a choice field.
#[derive(Debug, Clone)]
pub struct Opt {
    pub id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// One row of a matrix, or one option to rank.
#[derive(Debug, Clone)]
pub struct RowView {
    pub field: String,
    pub label: String,
    pub options: Vec<Opt>,
    /// Ranking: the rank typed.
    pub value: String,
}

/// A question as a form field, in the respondent's language.
#[derive(Debug, Clone)]
pub struct QView {
    pub name: String,
    pub kind: &'static str,
    pub field: String,
    pub label: String,
    pub hint: String,
    pub required: bool,
    pub error: String,
    pub options: Vec<Opt>,
    pub dropdown: bool,
    /// `(field, text typed)` of "other, please specify".
    pub other: Option<(String, String)>,
    pub value: String,
    pub rows: Vec<RowView>,
    /// Matrix column labels.
    pub columns: Vec<String>,
    pub low: String,
    pub high: String,
}

impl QView {
    /// `aria-describedby` of the field: hint and error ids.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if !self.hint.is_empty() {
            ids.push(format!("{}-hint", self.field));
        }
        if !self.error.is_empty() {
            ids.push(format!("{}-error", self.field));
        }
        ids.join(" ")
    }

    /// An information block's paragraphs.
    pub fn paragraphs(&self) -> Vec<String> {
        paragraphs(&self.label)
    }

    /// Whether the question is a group of inputs (rendered in a fieldset with a legend).
    pub fn is_group(&self) -> bool {
        matches!(
            self.kind,
            "single" | "multiple" | "yes_no" | "scale" | "matrix" | "ranking"
        ) && !(self.kind == "single" && self.dropdown)
    }
}

/// The message of an answer error: the questionnaire's own message for broken bounds when it
/// has one, else the generic one.
fn error_text(ctx: &Ctx, q: &Question, lang: &str, fallback: &str, code: &str) -> String {
    let own = q.message.get(lang, fallback);
    let bound = matches!(
        code,
        "answer-too-long"
            | "answer-too-short"
            | "answer-out-of-range"
            | "answer-choice-count"
            | "answer-pattern"
    );
    if bound && !own.is_empty() {
        own.to_owned()
    } else {
        ctx.t(code)
    }
}

/// A number's hint, with its bounds said before the respondent answers ("Between 1 and 500.").
fn with_bounds(locale: &Locale, q: &Question, hint: String) -> String {
    if !matches!(q.kind(), Kind::Integer | Kind::Decimal) {
        return hint;
    }
    let n = |v: f64| {
        let s = v.to_string();
        if locale.code() == "fr" {
            s.replace('.', ",")
        } else {
            s
        }
    };
    let arg = |k: &'static str, v: f64| (k, passerelle_i18n::FluentValue::from(n(v)));
    let bounds = match (q.min, q.max) {
        (Some(a), Some(b)) => locale.t_args("answer-between", &[arg("min", a), arg("max", b)]),
        (Some(a), None) => locale.t_args("answer-at-least", &[arg("min", a)]),
        (None, Some(b)) => locale.t_args("answer-at-most", &[arg("max", b)]),
        (None, None) => return hint,
    };
    if hint.is_empty() {
        bounds
    } else {
        format!("{hint} {bounds}")
    }
}

/// Builds the field of `q` with the values in `given` and its error, if any.
pub fn question_view(
    ctx: &Ctx,
    def: &Definition,
    q: &Question,
    lang: &str,
    given: &Given,
    errors: &[AnswerError],
) -> QView {
    let fb = def.default_language();
    let field = format!("q-{}", q.name);
    let kind = q.kind();
    let values = given.values(&q.name);
    let label_locale = Locale::parse(lang).unwrap_or(ctx.locale);
    let opts = |codes: Vec<(String, String)>| -> Vec<Opt> {
        codes
            .into_iter()
            .enumerate()
            .map(|(i, (value, label))| Opt {
                id: format!("{field}-{i}"),
                checked: values.contains(&value.as_str()),
                value,
                label,
            })
            .collect()
    };
    let options = match kind {
        Kind::Single | Kind::Multiple => opts(
            q.choices
                .iter()
                .map(|c| (c.code.clone(), c.label.get(lang, fb).to_owned()))
                .chain(
                    q.other
                        .then(|| (OTHER.to_owned(), label_locale.t("answer-other"))),
                )
                .collect(),
        ),
        Kind::YesNo => opts(vec![
            ("yes".into(), label_locale.t("answer-yes")),
            ("no".into(), label_locale.t("answer-no")),
        ]),
        Kind::Scale => opts(q.codes().into_iter().map(|c| (c.clone(), c)).collect()),
        Kind::Territory => {
            let scope = q.territory_scope();
            let prefix = territory::label_prefix(scope);
            opts(
                territory::codes(scope)
                    .iter()
                    .map(|c| {
                        let name = label_locale.t(&format!("{prefix}{c}"));
                        let label = if scope == TerritoryScope::Departments {
                            format!("{c} – {name}")
                        } else {
                            name
                        };
                        ((*c).to_owned(), label)
                    })
                    .collect(),
            )
        }
        _ => vec![],
    };
    let rows = match kind {
        Kind::Matrix => q
            .rows
            .iter()
            .map(|r| {
                let f = format!("{field}-r-{}", r.code);
                let chosen = given.part(&q.name, &r.code);
                RowView {
                    options: q
                        .choices
                        .iter()
                        .enumerate()
                        .map(|(i, c)| Opt {
                            id: format!("{f}-{i}"),
                            value: c.code.clone(),
                            label: c.label.get(lang, fb).to_owned(),
                            checked: chosen == c.code,
                        })
                        .collect(),
                    label: r.label.get(lang, fb).to_owned(),
                    value: String::new(),
                    field: f,
                }
            })
            .collect(),
        Kind::Ranking => q
            .choices
            .iter()
            .map(|c| RowView {
                field: format!("{field}-k-{}", c.code),
                label: c.label.get(lang, fb).to_owned(),
                options: vec![],
                value: given.part(&q.name, &c.code).to_owned(),
            })
            .collect(),
        _ => vec![],
    };
    let error = errors
        .iter()
        .find(|e| e.question == q.name)
        .map(|e| error_text(ctx, q, lang, fb, e.code))
        .unwrap_or_default();
    QView {
        name: q.name.clone(),
        kind: kind.code(),
        label: pipe(q.label.get(lang, fb), def, given, lang),
        hint: with_bounds(
            &label_locale,
            q,
            pipe(q.hint.get(lang, fb), def, given, lang),
        ),
        required: q.required,
        error,
        options,
        dropdown: q.dropdown || kind == Kind::Territory,
        other: (q.other && kind.may_have_other()).then(|| {
            (
                format!("{field}-other"),
                given.part(&q.name, "other").to_owned(),
            )
        }),
        value: values.first().map(|v| (*v).to_owned()).unwrap_or_default(),
        rows,
        columns: q
            .choices
            .iter()
            .map(|c| c.label.get(lang, fb).to_owned())
            .collect(),
        low: q.low_label.get(lang, fb).to_owned(),
        high: q.high_label.get(lang, fb).to_owned(),
        field,
    }
}

/// Paragraphs of a multi-line text.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

// ---- answering -------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/welcome.html")]
pub struct WelcomePage {
    pub ctx: Ctx,
    pub welcome: Welcome,
    pub lang: String,
    pub invitation: String,
    pub errors: Errors,
    pub pseudonym: String,
}

impl WelcomePage {
    pub fn title(&self) -> String {
        let d = &self.welcome.def;
        d.title.get(&self.lang, d.default_language()).to_owned()
    }
    pub fn intro(&self) -> Vec<String> {
        let d = &self.welcome.def;
        paragraphs(d.intro.get(&self.lang, d.default_language()))
    }
    pub fn consent(&self) -> String {
        let d = &self.welcome.def;
        d.consent.get(&self.lang, d.default_language()).to_owned()
    }
    pub fn is_open(&self) -> bool {
        self.welcome.state == OpenState::Open
    }
    pub fn is_closed(&self) -> bool {
        self.welcome.state == OpenState::Closed
    }
    pub fn pseudonymous(&self) -> bool {
        self.welcome.row.mode == Mode::Pseudonymous.code()
    }
    pub fn anonymous(&self) -> bool {
        self.welcome.row.mode == Mode::Anonymous.code()
    }
    pub fn identified(&self) -> bool {
        self.welcome.row.mode == Mode::Identified.code()
    }
    /// Answering needs an account and the visitor is not signed in.
    pub fn needs_sign_in(&self) -> bool {
        !self.ctx.signed_in()
            && (self.identified()
                || self.welcome.row.audience
                    == passerelle_core::questionnaires::Audience::SignedIn.code())
    }
    /// The languages a respondent may answer in, each in its own words ("English",
    /// "Français"): whoever reads the page, they recognise theirs.
    pub fn languages(&self) -> Options {
        self.welcome
            .def
            .languages
            .iter()
            .map(|l| (l.clone(), self.ctx.tk("endonym-", l)))
            .collect()
    }
    pub fn opens(&self) -> String {
        self.welcome
            .row
            .opens_at
            .map(|t| self.ctx.date(&t))
            .unwrap_or_default()
    }
    pub fn closes(&self) -> String {
        self.welcome
            .row
            .closes_at
            .map(|t| self.ctx.date(&t))
            .unwrap_or_default()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/page.html")]
pub struct AnswerPage {
    pub ctx: Ctx,
    pub title: String,
    pub lang: String,
    pub section_title: String,
    pub section_description: Vec<String>,
    pub questions: Vec<QView>,
    /// 1-based position among the sections shown, and how many are shown.
    pub position: usize,
    pub total: usize,
    pub first: bool,
    pub last: bool,
    /// Where the form posts; empty for a preview.
    pub action: String,
    pub shown: String,
    /// The pages (indexes) the questionnaire has as this page is drawn.
    pub pages: String,
    pub errors: Vec<(String, String)>,
    pub notice: Notice,
    pub closed: bool,
    /// The questionnaire closed as this page was sent: its typed answers are shown, unsaved.
    pub typed_not_recorded: bool,
    /// Preview: links to the other pages instead of buttons.
    pub preview_links: Vec<(usize, String)>,
    pub editing_submitted: bool,
}

impl AnswerPage {
    /// Drafts save as the respondent types (htmx); a preview, a closed questionnaire and a
    /// submitted response being edited do not.
    pub fn autosave(&self) -> bool {
        !self.action.is_empty() && !self.closed && !self.editing_submitted
    }

    pub fn percent(&self) -> usize {
        ((self.position - 1) * 100)
            .checked_div(self.total)
            .unwrap_or(0)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/saved.html")]
pub struct SavedPage {
    pub ctx: Ctx,
    pub title: String,
    pub link: String,
    pub token: String,
    pub email: String,
    pub errors: Errors,
    pub notice: Notice,
}

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/thanks.html")]
pub struct ThanksPage {
    pub ctx: Ctx,
    pub title: String,
    pub closing: Vec<String>,
}
