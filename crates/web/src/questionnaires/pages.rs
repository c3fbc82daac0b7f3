//! Pages of the questionnaire builder (the respondent's pages: `answer_pages.rs`; results:
//! `result_pages.rs`; both re-exported here).

use askama::Template;
use askama_web::WebTemplate;
use passerelle_core::accounts::SPOKEN_LANGUAGES;
use passerelle_core::questionnaires::store::QuestionnaireRow;
use passerelle_core::questionnaires::{
    Audience, Kind, Loaded, Mode, PerLang, QuestionInput, QuestionnaireStatus, SectionInput,
    SettingsInput, TerritoryScope, TrStatus,
};

use crate::ctx::Ctx;
use crate::forms::{Errors, Notice};

pub type Options = Vec<(String, String)>;

pub use super::answer_pages::*;
pub use super::result_pages::*;

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

/// `(code, name)` of the given languages, for the fields written in each of them.
pub fn named_languages(ctx: &Ctx, codes: &[String]) -> Options {
    codes
        .iter()
        .map(|l| (l.clone(), ctx.tk("language-", l)))
        .collect()
}

/// What was typed in `lang` (empty when nothing was), for a field per language.
pub fn typed(map: &PerLang, lang: &str) -> String {
    map.get(lang).cloned().unwrap_or_default()
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
    /// The translation overview: `(language, texts missing by name, machine count)`.
    pub translation: Vec<(String, Vec<String>, usize)>,
    /// A move or removal refused: the message and the conditions involved `(owner, condition)`.
    pub refusal: Option<(String, Vec<(String, String)>)>,
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
                    .map(|(name, _)| name.clone())
                    .collect();
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
            refusal: None,
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
    pub fn text_languages(&self) -> Options {
        named_languages(&self.ctx, &self.input.languages)
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
    pub fn langs(&self) -> Options {
        named_languages(&self.ctx, &self.loaded.def.languages)
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
    pub fn langs(&self) -> Options {
        named_languages(&self.ctx, &self.loaded.def.languages)
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
    /// A reason of the report in the reader's language (see `xlsform::reason_text`).
    pub fn reason(&self, reason: &str) -> (String, bool) {
        super::xlsform::reason_text(&self.ctx, reason)
    }

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
