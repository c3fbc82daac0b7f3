//! Builder handlers: list and create questionnaires, settings, sections, questions, order,
//! duplicate, publish and close, preview.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use passerelle_core::questionnaires::{
    self as qn, Given, PerLang, QuestionInput, SectionInput, SettingsInput, policy, template,
};

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, Notice, Pairs, after_form, see_other};

/// Texts typed per language: fields `<prefix>-<language>`.
fn per_lang(p: &Pairs, prefix: &str) -> PerLang {
    let start = format!("{prefix}-");
    p.0.iter()
        .filter_map(|(k, v)| k.strip_prefix(&start).map(|l| (l.to_owned(), v.clone())))
        .collect()
}

async fn list_page(
    state: &AppState,
    ctx: Ctx,
    title: String,
    language: String,
    errors: Errors,
) -> Result<ListPage, AppError> {
    let user = ctx.require_user()?.clone();
    let (mine, open) = qn::list(&state.core, &user).await?;
    Ok(ListPage {
        may_create: policy::may_create(Some(&user)),
        mine,
        open,
        title,
        language,
        errors,
        ctx,
    })
}

pub async fn list_questionnaires(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<ListPage, AppError> {
    let lang = ctx.lang().to_owned();
    list_page(&state, ctx, String::new(), lang, Errors::default()).await
}

pub async fn create_questionnaire(
    State(state): State<AppState>,
    ctx: Ctx,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    if !policy::may_create(Some(&user)) {
        return Err(AppError::forbidden());
    }
    let (title, language) = (p.get("title"), p.get("language"));
    let result = qn::create(&state.core, &user, &title, &language, &ctx.actor()).await;
    after_form(
        result,
        |id| format!("/questionnaires/{id}?notice=questionnaire-created"),
        |errors| list_page(&state, ctx, title, language, errors),
    )
    .await
}

pub async fn create_from_template(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let id = template::create_hcts(&state.core, &user, &ctx.actor()).await?;
    Ok(see_other(&format!(
        "/questionnaires/{id}?notice=questionnaire-created"
    )))
}

pub async fn show_questionnaire(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<ShowPage, AppError> {
    let user = ctx.require_user()?.clone();
    let loaded = qn::load_managed(&state.core, &user, &id).await?;
    let link = state.core.link(&format!("/q/{id}"));
    Ok(ShowPage::build(ctx, loaded, link, notice))
}

pub async fn show_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<SettingsPage, AppError> {
    let user = ctx.require_user()?.clone();
    let loaded = qn::load_managed(&state.core, &user, &id).await?;
    Ok(SettingsPage {
        input: SettingsInput::from(&loaded),
        loaded,
        errors: Errors::default(),
        ctx,
    })
}

pub async fn update_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = SettingsInput {
        languages: p.all("languages"),
        title: per_lang(&p, "title"),
        intro: per_lang(&p, "intro"),
        closing: per_lang(&p, "closing"),
        consent: per_lang(&p, "consent"),
        opens_on: p.get("opens_on"),
        closes_on: p.get("closes_on"),
        audience: p.get("audience"),
        mode: p.get("mode"),
        allow_edit: p.get("allow_edit") == "1",
    };
    let result = qn::update_settings(&state.core, &user, &id, &input, &ctx.actor()).await;
    after_form(
        result,
        |()| format!("/questionnaires/{id}?notice=questionnaire-saved"),
        |errors| async {
            let loaded = qn::load_managed(&state.core, &user, &id).await?;
            Ok(SettingsPage {
                loaded,
                input,
                errors,
                ctx,
            })
        },
    )
    .await
}

pub async fn show_new_section(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<SectionFormPage, AppError> {
    let user = ctx.require_user()?.clone();
    let loaded = qn::load_managed(&state.core, &user, &id).await?;
    Ok(SectionFormPage {
        loaded,
        name: None,
        input: SectionInput::default(),
        errors: Errors::default(),
        ctx,
    })
}

pub async fn show_edit_section(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, name)): Path<(String, String)>,
) -> Result<SectionFormPage, AppError> {
    let user = ctx.require_user()?.clone();
    let loaded = qn::load_managed(&state.core, &user, &id).await?;
    let s = loaded
        .def
        .sections
        .iter()
        .find(|s| s.name == name)
        .ok_or(AppError::not_found())?;
    let input = SectionInput {
        title: s.title.t.clone(),
        description: s.description.t.clone(),
        condition: s.condition.clone(),
    };
    Ok(SectionFormPage {
        loaded,
        name: Some(name),
        input,
        errors: Errors::default(),
        ctx,
    })
}

async fn save_section(
    state: &AppState,
    ctx: Ctx,
    id: String,
    name: Option<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = SectionInput {
        title: per_lang(&p, "title"),
        description: per_lang(&p, "description"),
        condition: p.get("condition"),
    };
    let result = qn::save_section(
        &state.core,
        &user,
        &id,
        name.as_deref(),
        &input,
        &ctx.actor(),
    )
    .await;
    after_form(
        result,
        |saved| format!("/questionnaires/{id}?notice=questionnaire-saved#section-{saved}"),
        |errors| async {
            let loaded = qn::load_managed(&state.core, &user, &id).await?;
            Ok(SectionFormPage {
                loaded,
                name,
                input,
                errors,
                ctx,
            })
        },
    )
    .await
}

pub async fn create_section(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    save_section(&state, ctx, id, None, p).await
}

pub async fn update_section(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, name)): Path<(String, String)>,
    p: Pairs,
) -> Result<Response, AppError> {
    save_section(&state, ctx, id, Some(name), p).await
}

fn earlier_questions(
    loaded: &qn::Loaded,
    before: Option<&str>,
    section: &str,
    lang: &str,
) -> Vec<(String, String)> {
    let def = &loaded.def;
    let mut out = Vec::new();
    for s in &def.sections {
        for q in &s.questions {
            if Some(q.name.as_str()) == before {
                return out;
            }
            out.push((
                q.name.clone(),
                q.label.get(lang, def.default_language()).to_owned(),
            ));
        }
        if before.is_none() && s.name == section {
            return out;
        }
    }
    out
}

#[derive(serde::Deserialize)]
pub struct KindQuery {
    #[serde(default)]
    kind: String,
}

pub async fn show_new_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, section)): Path<(String, String)>,
    Query(k): Query<KindQuery>,
) -> Result<QuestionFormPage, AppError> {
    let user = ctx.require_user()?.clone();
    let loaded = qn::load_managed(&state.core, &user, &id).await?;
    if loaded.def.section_index(&section).is_none() {
        return Err(AppError::not_found());
    }
    let lang = loaded.def.language_for(ctx.lang()).to_owned();
    Ok(QuestionFormPage {
        earlier: earlier_questions(&loaded, None, &section, &lang),
        input: QuestionInput {
            kind: if qn::Kind::parse(&k.kind).is_some() {
                k.kind
            } else {
                "short_text".into()
            },
            ..Default::default()
        },
        loaded,
        section,
        name: None,
        errors: Errors::default(),
        ctx,
    })
}

pub async fn show_edit_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, name)): Path<(String, String)>,
) -> Result<QuestionFormPage, AppError> {
    let user = ctx.require_user()?.clone();
    let loaded = qn::load_managed(&state.core, &user, &id).await?;
    let (s, _) = loaded.def.position(&name).ok_or(AppError::not_found())?;
    let q = loaded.def.question(&name).ok_or(AppError::not_found())?;
    let input = QuestionInput::from(q, &loaded.def.languages);
    let lang = loaded.def.language_for(ctx.lang()).to_owned();
    Ok(QuestionFormPage {
        earlier: earlier_questions(&loaded, Some(&name), "", &lang),
        section: loaded.def.sections[s].name.clone(),
        loaded,
        name: Some(name),
        input,
        errors: Errors::default(),
        ctx,
    })
}

fn question_input(p: &Pairs) -> QuestionInput {
    QuestionInput {
        name: p.get("name"),
        kind: p.get("kind"),
        label: per_lang(p, "label"),
        hint: per_lang(p, "hint"),
        required: p.get("required") == "1",
        choices: p.get("choices"),
        rows: p.get("rows"),
        other: p.get("other") == "1",
        dropdown: p.get("dropdown") == "1",
        pattern: p.get("pattern"),
        min: p.get("min"),
        max: p.get("max"),
        low_label: per_lang(p, "low_label"),
        high_label: per_lang(p, "high_label"),
        message: per_lang(p, "message"),
        scope: p.get("scope"),
        condition: p.get("condition"),
        machine: p.all("machine"),
    }
}

async fn save_question(
    state: &AppState,
    ctx: Ctx,
    id: String,
    section: Option<String>,
    name: Option<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = question_input(&p);
    let loaded = qn::load_managed(&state.core, &user, &id).await?;
    let section = match (&section, &name) {
        (Some(s), _) => s.clone(),
        (None, Some(n)) => {
            let (s, _) = loaded.def.position(n).ok_or(AppError::not_found())?;
            loaded.def.sections[s].name.clone()
        }
        (None, None) => return Err(AppError::not_found()),
    };
    let result = qn::save_question(
        &state.core,
        &user,
        &id,
        &section,
        name.as_deref(),
        &input,
        &ctx.actor(),
    )
    .await;
    after_form(
        result,
        |saved| format!("/questionnaires/{id}?notice=questionnaire-saved#question-{saved}"),
        |errors| async {
            let lang = loaded.def.language_for(ctx.lang()).to_owned();
            Ok(QuestionFormPage {
                earlier: earlier_questions(&loaded, name.as_deref(), &section, &lang),
                loaded,
                section,
                name,
                input,
                errors,
                ctx,
            })
        },
    )
    .await
}

pub async fn create_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, section)): Path<(String, String)>,
    p: Pairs,
) -> Result<Response, AppError> {
    save_question(&state, ctx, id, Some(section), None, p).await
}

pub async fn update_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, name)): Path<(String, String)>,
    p: Pairs,
) -> Result<Response, AppError> {
    save_question(&state, ctx, id, None, Some(name), p).await
}

pub async fn move_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, name)): Path<(String, String)>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let up = p.get("direction") == "up";
    match qn::move_item(&state.core, &user, &id, &name, up, &ctx.actor()).await {
        Ok(()) => Ok(see_other(&format!(
            "/questionnaires/{id}?notice=questionnaire-moved#item-{name}"
        ))),
        Err(e) => refused(&state, ctx, &id, &name, e).await,
    }
}

/// A move or a removal a condition forbids: the builder again, saying which conditions tie
/// the item, each linked to where it is edited.
async fn refused(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    name: &str,
    e: passerelle_core::Error,
) -> Result<Response, AppError> {
    let passerelle_core::Error::Conflict(code) = e else {
        return Err(e.into());
    };
    let user = ctx.require_user()?.clone();
    let loaded = qn::load_managed(&state.core, &user, id).await?;
    let involved = qn::expr::involving(&loaded.def, name);
    let link = state.core.link(&format!("/q/{id}"));
    let mut page = ShowPage::build(ctx, loaded, link, Notice::default());
    page.refusal = Some((page.ctx.t(&format!("error-{code}")), involved));
    Ok((axum::http::StatusCode::CONFLICT, page).into_response())
}

pub async fn remove_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, name)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match qn::remove(&state.core, &user, &id, &name, &ctx.actor()).await {
        Ok(()) => Ok(see_other(&format!(
            "/questionnaires/{id}?notice=questionnaire-removed"
        ))),
        Err(e) => refused(&state, ctx, &id, &name, e).await,
    }
}

pub async fn duplicate_questionnaire(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let copy = qn::duplicate(&state.core, &user, &id, &ctx.actor()).await?;
    Ok(see_other(&format!(
        "/questionnaires/{copy}?notice=questionnaire-duplicated"
    )))
}

pub async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    qn::set_status(&state.core, &user, &id, &p.get("status"), &ctx.actor()).await?;
    Ok(see_other(&format!(
        "/questionnaires/{id}?notice=questionnaire-status-changed"
    )))
}

#[derive(serde::Deserialize)]
pub struct PreviewQuery {
    #[serde(default)]
    page: usize,
    #[serde(default)]
    lang: String,
}

/// The respondent's view of every section, without saving anything.
pub async fn preview(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<PreviewQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let loaded = qn::load_managed(&state.core, &user, &id).await?;
    let def = &loaded.def;
    let lang = def
        .language_for(if q.lang.is_empty() {
            ctx.lang()
        } else {
            &q.lang
        })
        .to_owned();
    let total = def.sections.len();
    let index = q.page.clamp(1, total.max(1)) - 1;
    let Some(section) = def.sections.get(index) else {
        return Err(AppError::not_found());
    };
    let given = Given::default();
    let fb = def.default_language();
    let questions = section
        .questions
        .iter()
        .map(|qq| question_view(&ctx, def, qq, &lang, &given, &[]))
        .collect();
    let preview_links = (1..=total)
        .map(|n| {
            (
                n,
                format!("/questionnaires/{id}/preview?page={n}&lang={lang}"),
            )
        })
        .collect();
    Ok(AnswerPage {
        title: def.title.get(&lang, fb).to_owned(),
        section_title: section.title.get(&lang, fb).to_owned(),
        section_description: paragraphs(section.description.get(&lang, fb)),
        questions,
        position: index + 1,
        total,
        first: index == 0,
        last: index + 1 == total,
        action: String::new(),
        shown: String::new(),
        pages: String::new(),
        errors: vec![],
        notice: Notice::default(),
        closed: false,
        typed_not_recorded: false,
        preview_links,
        editing_submitted: false,
        lang,
        ctx,
    }
    .into_response())
}
