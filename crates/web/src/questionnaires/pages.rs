//! Pages of questionnaires: the builder, the respondent's pages, results and coding; and the
//! view-models that turn a question and its answers into form fields.

use askama::Template;
use askama_web::WebTemplate;
use passerelle_core::Locale;
use passerelle_core::accounts::SPOKEN_LANGUAGES;
use passerelle_core::questionnaires::store::{CodeRow, QuestionnaireRow};
use passerelle_core::questionnaires::{
    AnswerError, Audience, CrossTab, Definition, Given, Kind, Loaded, Mode, OTHER, OpenState,
    PerLang, Question, QuestionInput, QuestionnaireStatus, ResponseDetail, Results, SectionInput,
    SettingsInput, TerritoryScope, TextAnswers, TrStatus, Welcome, territory,
};

use crate::ctx::Ctx;
use crate::forms::{Errors, Notice};

pub type Options = Vec<(String, String)>;

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
        "answer-too-long" | "answer-too-short" | "answer-out-of-range" | "answer-choice-count"
    );
    if bound && !own.is_empty() {
        own.to_owned()
    } else {
        ctx.t(code)
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
        label: q.label.get(lang, fb).to_owned(),
        hint: q.hint.get(lang, fb).to_owned(),
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

// ---- builder ---------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub mine: Vec<QuestionnaireRow>,
    pub open: Vec<QuestionnaireRow>,
    pub may_create: bool,
    pub title: String,
    pub language: String,
    pub errors: Errors,
}

impl ListPage {
    pub fn languages(&self) -> Options {
        language_options(&self.ctx)
    }
}

pub fn language_options(ctx: &Ctx) -> Options {
    SPOKEN_LANGUAGES
        .iter()
        .map(|l| ((*l).to_owned(), ctx.tk("language-", l)))
        .collect()
}

/// One question in the builder's outline.
pub struct OutlineQuestion {
    pub name: String,
    pub label: String,
    pub kind: String,
    pub required: bool,
    pub condition: String,
    /// Languages whose label is missing or machine-translated: `(language, status)`.
    pub translation: Vec<(String, &'static str)>,
}

pub struct OutlineSection {
    pub name: String,
    pub title: String,
    pub condition: String,
    pub questions: Vec<OutlineQuestion>,
}

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/show.html")]
pub struct ShowPage {
    pub ctx: Ctx,
    pub loaded: Loaded,
    pub sections: Vec<OutlineSection>,
    pub link: String,
    pub minutes: u64,
    pub notice: Notice,
    /// `(language, missing, machine)` counts of the translation overview.
    pub translation: Vec<(String, usize, usize)>,
}

impl ShowPage {
    pub fn build(ctx: Ctx, loaded: Loaded, link: String, notice: Notice) -> ShowPage {
        let def = &loaded.def;
        let lang = def.language_for(ctx.lang()).to_owned();
        let fb = def.default_language().to_owned();
        let sections = def
            .sections
            .iter()
            .map(|s| OutlineSection {
                name: s.name.clone(),
                title: s.title.get(&lang, &fb).to_owned(),
                condition: s.condition.clone(),
                questions: s
                    .questions
                    .iter()
                    .map(|q| OutlineQuestion {
                        name: q.name.clone(),
                        label: q.label.get(&lang, &fb).to_owned(),
                        kind: q.kind.clone(),
                        required: q.required,
                        condition: q.condition.clone(),
                        translation: def
                            .languages
                            .iter()
                            .map(|l| (l.clone(), q.label.status(l)))
                            .filter(|(_, s)| *s != TrStatus::Reviewed)
                            .map(|(l, s)| (l, s.code()))
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        let texts = def.texts();
        let translation = def
            .languages
            .iter()
            .map(|l| {
                let missing = texts
                    .iter()
                    .filter(|(_, t)| t.status(l) == TrStatus::Missing)
                    .count();
                let machine = texts
                    .iter()
                    .filter(|(_, t)| t.status(l) == TrStatus::Machine)
                    .count();
                (l.clone(), missing, machine)
            })
            .collect();
        ShowPage {
            minutes: def.estimated_minutes(),
            ctx,
            sections,
            link,
            notice,
            translation,
            loaded,
        }
    }

    pub fn kinds(&self) -> Options {
        Kind::ALL
            .iter()
            .map(|k| (k.code().to_owned(), self.ctx.tk("question-kind-", k.code())))
            .collect()
    }

    pub fn is_open(&self) -> bool {
        self.loaded.status() == QuestionnaireStatus::Open
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/settings.html")]
pub struct SettingsPage {
    pub ctx: Ctx,
    pub loaded: Loaded,
    pub input: SettingsInput,
    pub errors: Errors,
}

impl SettingsPage {
    pub fn languages(&self) -> Options {
        language_options(&self.ctx)
    }
    /// The languages to show text fields for: those chosen (as typed).
    pub fn text_languages(&self) -> Vec<(String, String)> {
        self.input
            .languages
            .iter()
            .map(|l| (l.clone(), self.ctx.tk("language-", l)))
            .collect()
    }
    pub fn audiences(&self) -> Options {
        Audience::ALL
            .iter()
            .map(|a| {
                (
                    a.code().to_owned(),
                    self.ctx.tk("questionnaire-audience-", a.code()),
                )
            })
            .collect()
    }
    pub fn modes(&self) -> Options {
        Mode::ALL
            .iter()
            .map(|a| {
                (
                    a.code().to_owned(),
                    self.ctx.tk("questionnaire-mode-", a.code()),
                )
            })
            .collect()
    }
    pub fn text(map: &std::collections::BTreeMap<String, String>, lang: &str) -> String {
        map.get(lang).cloned().unwrap_or_default()
    }
    /// The multi-line texts: `(field, label, texts typed)`.
    pub fn long_texts(&self) -> Vec<(&'static str, String, &PerLang)> {
        vec![
            (
                "intro",
                self.ctx.t("questionnaire-field-intro"),
                &self.input.intro,
            ),
            (
                "consent",
                self.ctx.t("questionnaire-field-consent"),
                &self.input.consent,
            ),
            (
                "closing",
                self.ctx.t("questionnaire-field-closing"),
                &self.input.closing,
            ),
        ]
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/section_form.html")]
pub struct SectionFormPage {
    pub ctx: Ctx,
    pub loaded: Loaded,
    /// `None` when adding.
    pub name: Option<String>,
    pub input: SectionInput,
    pub errors: Errors,
}

impl SectionFormPage {
    pub fn langs(&self) -> Vec<(String, String)> {
        self.loaded
            .def
            .languages
            .iter()
            .map(|l| (l.clone(), self.ctx.tk("language-", l)))
            .collect()
    }
    pub fn text(map: &std::collections::BTreeMap<String, String>, lang: &str) -> String {
        map.get(lang).cloned().unwrap_or_default()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/question_form.html")]
pub struct QuestionFormPage {
    pub ctx: Ctx,
    pub loaded: Loaded,
    pub section: String,
    /// `None` when adding.
    pub name: Option<String>,
    pub input: QuestionInput,
    pub errors: Errors,
    /// Earlier questions, for the condition help: `(name, label)`.
    pub earlier: Vec<(String, String)>,
}

impl QuestionFormPage {
    pub fn langs(&self) -> Vec<(String, String)> {
        self.loaded
            .def
            .languages
            .iter()
            .map(|l| (l.clone(), self.ctx.tk("language-", l)))
            .collect()
    }
    pub fn text(map: &std::collections::BTreeMap<String, String>, lang: &str) -> String {
        map.get(lang).cloned().unwrap_or_default()
    }
    pub fn kinds(&self) -> Options {
        Kind::ALL
            .iter()
            .map(|k| (k.code().to_owned(), self.ctx.tk("question-kind-", k.code())))
            .collect()
    }
    pub fn scopes(&self) -> Options {
        TerritoryScope::ALL
            .iter()
            .map(|k| {
                (
                    k.code().to_owned(),
                    self.ctx.tk("territory-scope-", k.code()),
                )
            })
            .collect()
    }
    pub fn action(&self) -> String {
        let id = &self.loaded.row.id;
        match &self.name {
            Some(n) => format!("/questionnaires/{id}/questions/{n}/edit"),
            None => format!("/questionnaires/{id}/sections/{}/questions", self.section),
        }
    }
    fn kind(&self) -> Kind {
        Kind::parse(&self.input.kind).unwrap_or(Kind::ShortText)
    }
    pub fn is_info(&self) -> bool {
        self.kind() == Kind::Info
    }
    pub fn has_choices(&self) -> bool {
        self.kind().has_choices()
    }
    pub fn is_matrix(&self) -> bool {
        self.kind() == Kind::Matrix
    }
    pub fn may_other(&self) -> bool {
        self.kind().may_have_other()
    }
    pub fn is_single(&self) -> bool {
        self.kind() == Kind::Single
    }
    pub fn is_territory(&self) -> bool {
        self.kind() == Kind::Territory
    }
    pub fn has_bounds(&self) -> bool {
        matches!(
            self.kind(),
            Kind::ShortText
                | Kind::LongText
                | Kind::Multiple
                | Kind::Integer
                | Kind::Decimal
                | Kind::Scale
        )
    }
    /// "Minimum length", "Lowest value", "At least … choices"…
    pub fn bound_label(&self, which: &str) -> String {
        let what = match self.kind() {
            Kind::ShortText | Kind::LongText => "length",
            Kind::Multiple => "count",
            Kind::Scale => "scale",
            _ => "value",
        };
        self.ctx.t(&format!("question-field-{which}-{what}"))
    }
    /// The texts of the question: `(field, label, texts typed, multi-line)`.
    pub fn texts(&self) -> Vec<(&'static str, String, &PerLang, bool)> {
        let mut out = vec![(
            "label",
            self.ctx.t(if self.is_info() {
                "question-field-info"
            } else {
                "question-field-label"
            }),
            &self.input.label,
            true,
        )];
        if !self.is_info() {
            out.push((
                "hint",
                self.ctx.t("question-field-hint"),
                &self.input.hint,
                false,
            ));
        }
        if self.kind() == Kind::Scale {
            out.push((
                "low_label",
                self.ctx.t("question-field-low"),
                &self.input.low_label,
                false,
            ));
            out.push((
                "high_label",
                self.ctx.t("question-field-high"),
                &self.input.high_label,
                false,
            ));
        }
        if self.has_bounds() {
            out.push((
                "message",
                self.ctx.t("question-field-message"),
                &self.input.message,
                false,
            ));
        }
        out
    }
    /// The languages other than the default, which may be machine translations:
    /// `(code, name, marked)`.
    pub fn translations(&self) -> Vec<(String, String, bool)> {
        self.langs()
            .into_iter()
            .skip(1)
            .map(|(l, n)| {
                let marked = self.input.machine.contains(&l);
                (l, n, marked)
            })
            .collect()
    }
    pub fn languages_hint(&self) -> String {
        let names: Vec<String> = self.langs().into_iter().map(|(_, n)| n).collect();
        self.ctx
            .t1("question-choices-hint", "languages", &names.join(" | "))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/import.html")]
pub struct ImportPage {
    pub ctx: Ctx,
    pub language: String,
    pub report: Option<passerelle_core::questionnaires::xlsform::ImportReport>,
    /// The questionnaire created, when the import succeeded.
    pub created: Option<String>,
    pub errors: Errors,
}

impl ImportPage {
    pub fn languages(&self) -> Options {
        language_options(&self.ctx)
    }
    /// The report's errors and what it did not carry over: `(heading, items)`.
    pub fn item_lists(&self) -> Vec<(String, Vec<passerelle_core::questionnaires::xlsform::Item>)> {
        match &self.report {
            None => vec![],
            Some(r) => vec![
                (self.ctx.t("questionnaire-import-errors"), r.errors.clone()),
                (
                    self.ctx.t("questionnaire-import-skipped"),
                    r.not_imported.clone(),
                ),
            ],
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "questionnaires/invitations.html")]
pub struct InvitationsPage {
    pub ctx: Ctx,
    pub loaded: Loaded,
    pub invitations: Vec<passerelle_core::questionnaires::store::InvitationRow>,
    pub emails: String,
    pub errors: Errors,
    pub notice: Notice,
}

impl InvitationsPage {
    pub fn answered(&self) -> usize {
        self.invitations
            .iter()
            .filter(|i| i.answered_at.is_some())
            .count()
    }
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
    pub fn languages(&self) -> Options {
        self.welcome
            .def
            .languages
            .iter()
            .map(|l| (l.clone(), self.ctx.tk("language-", l)))
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
    pub errors: Vec<(String, String)>,
    pub notice: Notice,
    pub closed: bool,
    /// Preview: links to the other pages instead of buttons.
    pub preview_links: Vec<(usize, String)>,
    pub editing_submitted: bool,
}

impl AnswerPage {
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
