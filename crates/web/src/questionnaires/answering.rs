//! Respondent handlers: the welcome page, one page per section, save and continue later,
//! submission and the thank-you page. Every page works without JavaScript.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use passerelle_core::questionnaires::{
    self as qn, AnswerError, Given, Move, Resume, Saved, Sitting, StartInput,
};

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, Notice, Pairs, after_form, invalid, see_other};

#[derive(serde::Deserialize, Default)]
pub struct WelcomeQuery {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    invitation: String,
}

pub async fn show_welcome(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<WelcomeQuery>,
) -> Result<WelcomePage, AppError> {
    let welcome = qn::welcome(&state.core, &id, ctx.user.as_ref()).await?;
    let lang = welcome
        .def
        .language_for(if q.lang.is_empty() {
            ctx.lang()
        } else {
            &q.lang
        })
        .to_owned();
    Ok(WelcomePage {
        welcome,
        lang,
        invitation: q.invitation,
        errors: Errors::default(),
        pseudonym: String::new(),
        ctx,
    })
}

pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let input = StartInput {
        language: p.get("language"),
        pseudonym: p.get("pseudonym"),
        invitation: p.get("invitation"),
    };
    let result = qn::start(&state.core, &id, ctx.user.as_ref(), &input).await;
    after_form(
        result,
        |token| format!("/r/{token}"),
        |errors| async {
            let welcome = qn::welcome(&state.core, &id, ctx.user.as_ref()).await?;
            let lang = welcome.def.language_for(&input.language).to_owned();
            Ok(WelcomePage {
                welcome,
                lang,
                invitation: input.invitation,
                errors,
                pseudonym: input.pseudonym,
                ctx,
            })
        },
    )
    .await
}

/// A start link followed after signing in (`next=` keeps the address, not the form): back to
/// the welcome page, whose button starts.
pub async fn back_to_welcome(Path(id): Path<String>) -> Response {
    see_other(&format!("/q/{id}"))
}

pub async fn show_thanks(
    State(state): State<AppState>,
    mut ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<WelcomeQuery>,
) -> Result<ThanksPage, AppError> {
    let welcome = qn::welcome(&state.core, &id, ctx.user.as_ref()).await?;
    let def = &welcome.def;
    // The language the respondent answered in, whatever the browser says.
    let wanted = if q.lang.is_empty() {
        ctx.lang().to_owned()
    } else {
        q.lang.clone()
    };
    let lang = def.language_for(&wanted);
    if let Some(locale) = passerelle_core::Locale::parse(lang) {
        ctx.locale = locale;
    }
    Ok(ThanksPage {
        title: def.title.get(lang, def.default_language()).to_owned(),
        closing: paragraphs(def.closing.get(lang, def.default_language())),
        ctx,
    })
}

async fn sitting(state: &AppState, token: &str) -> Result<Result<Box<Sitting>, String>, AppError> {
    Ok(match qn::resume(&state.core, token).await? {
        Resume::Active(s) => Ok(s),
        Resume::Spent(q) => Err(q),
    })
}

/// The private link leads to the page the respondent was on.
pub async fn resume(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    match sitting(&state, &token).await? {
        Err(q) => Ok(see_other(&format!("/q/{q}/thanks"))),
        Ok(s) => {
            let pages = s.pages();
            let at = s.response.page as usize;
            let page = pages
                .iter()
                .find(|p| **p >= at)
                .or(pages.last())
                .copied()
                .unwrap_or(0);
            Ok(see_other(&format!("/r/{token}/{}", page + 1)))
        }
    }
}

fn answer_page(
    mut ctx: Ctx,
    s: &Sitting,
    token: &str,
    index: usize,
    given: &Given,
    errors: &[AnswerError],
    notice: Notice,
) -> AnswerPage {
    let def = &s.def;
    let lang = s.lang().to_owned();
    // The language chosen at the start is the interface's too, whatever the browser says.
    if let Some(locale) = passerelle_core::Locale::parse(&lang) {
        ctx.locale = locale;
    }
    let fb = def.default_language();
    let section = &def.sections[index];
    let questions: Vec<QView> = section
        .questions
        .iter()
        .filter(|q| s.visibility.shows(&q.name))
        .map(|q| question_view(&ctx, def, q, &lang, given, errors))
        .collect();
    let pages = s.pages();
    let position = pages.iter().position(|p| *p == index).unwrap_or(0) + 1;
    let summary = questions
        .iter()
        .filter(|q| !q.error.is_empty())
        .map(|q| {
            let sep = ctx.t("label-separator");
            (q.field.clone(), format!("{}{sep}{}", q.label, q.error))
        })
        .collect();
    AnswerPage {
        title: def.title.get(&lang, fb).to_owned(),
        section_title: match section.title.get(&lang, fb) {
            "" => ctx.tn("questionnaire-page-untitled", "n", (index + 1) as i64),
            t => t.to_owned(),
        },
        section_description: paragraphs(section.description.get(&lang, fb)),
        shown: questions
            .iter()
            .map(|q| q.name.clone())
            .collect::<Vec<_>>()
            .join(","),
        pages: pages
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(","),
        questions,
        position,
        total: pages.len(),
        first: position == 1,
        last: position == pages.len(),
        action: format!("/r/{token}/{}", index + 1),
        errors: summary,
        notice,
        closed: !s.editable() && s.response.status == "draft",
        typed_not_recorded: false,
        preview_links: vec![],
        editing_submitted: s.response.status == "submitted",
        lang,
        ctx,
    }
}

#[derive(serde::Deserialize, Default)]
pub struct PageQuery {
    #[serde(default)]
    missing: String,
}

pub async fn show_page(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path((token, page)): Path<(String, usize)>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let s = match sitting(&state, &token).await? {
        Err(q) => return Ok(see_other(&format!("/q/{q}/thanks"))),
        Ok(s) => s,
    };
    let index = page.checked_sub(1).ok_or(AppError::not_found())?;
    if index >= s.def.sections.len() {
        return Err(AppError::not_found());
    }
    if !s.pages().contains(&index) {
        // Conditions hide this section now: go on to the next one shown.
        let next = s
            .pages()
            .into_iter()
            .find(|p| *p > index)
            .or(s.pages().last().copied());
        return Ok(see_other(&format!("/r/{token}/{}", next.unwrap_or(0) + 1)));
    }
    let mut errors = Vec::new();
    if q.missing == "1" {
        qn::answers::check_required(&s.def.sections[index], &s.given, &s.visibility, &mut errors);
    }
    let page = answer_page(ctx, &s, &token, index, &s.given, &errors, notice);
    Ok(page.into_response())
}

pub async fn save_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((token, page)): Path<(String, usize)>,
    p: Pairs,
) -> Result<Response, AppError> {
    let index = page.checked_sub(1).ok_or(AppError::not_found())?;
    let step = match p.get("step").as_str() {
        "previous" => Move::Previous,
        "later" => Move::Later,
        "submit" => Move::Submit,
        _ => Move::Next,
    };
    let shown: Vec<String> = p
        .get("shown")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let answers: Vec<(String, String)> =
        p.0.iter()
            .filter(|(k, _)| k.starts_with("q-"))
            .cloned()
            .collect();
    let pages = pages_field(&p);
    match qn::save_page(&state.core, &token, index, &answers, (&shown, &pages), step).await? {
        Saved::Page(next) if next == index => Ok(see_other(&format!(
            "/r/{token}/{}?notice=answers-shown",
            next + 1
        ))),
        Saved::Unlocked(next) => Ok(see_other(&format!(
            "/r/{token}/{}?notice=questions-unlocked",
            next + 1
        ))),
        Saved::Page(next) => {
            // Submitting with a required question unanswered elsewhere leads there.
            let missing = if step == Move::Submit {
                "?missing=1"
            } else {
                ""
            };
            Ok(see_other(&format!("/r/{token}/{}{missing}", next + 1)))
        }
        Saved::Later => Ok(see_other(&format!("/r/{token}/saved"))),
        Saved::Submitted(q) => {
            let lang: String = form_urlencoded::byte_serialize(p.get("lang").as_bytes()).collect();
            if lang.is_empty() {
                Ok(see_other(&format!("/q/{q}/thanks")))
            } else {
                Ok(see_other(&format!("/q/{q}/thanks?lang={lang}")))
            }
        }
        Saved::Closed { sitting, typed } => {
            let given = typed_on_page(&sitting, index, typed);
            let mut page =
                answer_page(ctx, &sitting, &token, index, &given, &[], Notice::default());
            page.typed_not_recorded = true;
            Ok((axum::http::StatusCode::CONFLICT, page).into_response())
        }
        Saved::Invalid {
            sitting,
            typed,
            errors,
        } => {
            let given = typed_on_page(&sitting, index, typed);
            Ok(invalid(answer_page(
                ctx,
                &sitting,
                &token,
                index,
                &given,
                &errors,
                Notice::default(),
            )))
        }
    }
}

/// Autosave (htmx, as the respondent types and when the page is hidden): saves the valid
/// answers of the page as a draft, as "save and continue later" would, and answers with the
/// quiet line that says when. Without JavaScript, page submits save as before.
pub async fn autosave(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((token, page)): Path<(String, usize)>,
    p: Pairs,
) -> Result<Response, AppError> {
    let index = page.checked_sub(1).ok_or(AppError::not_found())?;
    let shown: Vec<String> = p
        .get("shown")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let answers: Vec<(String, String)> =
        p.0.iter()
            .filter(|(k, _)| k.starts_with("q-"))
            .cloned()
            .collect();
    let pages = pages_field(&p);
    let (key, refused) = match qn::save_page(
        &state.core,
        &token,
        index,
        &answers,
        (&shown, &pages),
        Move::Later,
    )
    .await?
    {
        Saved::Later => ("autosave-saved-at", 0),
        // Saved but for the answers to correct, which stay on the page as typed.
        Saved::Invalid { errors, .. } => ("autosave-saved-some", errors.len() as i64),
        Saved::Closed { .. } => ("autosave-closed", 0),
        _ => return Ok(axum::http::StatusCode::NO_CONTENT.into_response()),
    };
    // In the respondent's time zone when signed in, else the platform's; the offset says which.
    let time = passerelle_core::clock::format_time_in(state.core.clock.unix(), &ctx.time_zone);
    let locale = qn::resume(&state.core, &token)
        .await
        .ok()
        .and_then(|r| match r {
            qn::Resume::Active(s) => passerelle_core::Locale::parse(s.lang()),
            qn::Resume::Spent(_) => None,
        })
        .unwrap_or(ctx.locale);
    let text = locale.t_args(
        key,
        &[
            ("time", passerelle_i18n::FluentValue::from(time)),
            ("count", passerelle_i18n::FluentValue::from(refused)),
        ],
    );
    // Our own message and digits: nothing the respondent typed.
    Ok(axum::response::Html(text).into_response())
}

/// The `pages` field: the pages (indexes) the questionnaire had when the form was drawn.
fn pages_field(p: &Pairs) -> Vec<usize> {
    p.get("pages")
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect()
}

/// What this page shows again: what was typed on it, what was saved elsewhere.
fn typed_on_page(sitting: &Sitting, index: usize, typed: Given) -> Given {
    let mut given = sitting.given.clone();
    for q in &sitting.def.sections[index].questions {
        given.0.remove(&q.name);
    }
    given.0.extend(typed.0);
    given
}

pub async fn show_saved(
    State(state): State<AppState>,
    mut ctx: Ctx,
    notice: Notice,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let s = match sitting(&state, &token).await? {
        Err(q) => return Ok(see_other(&format!("/q/{q}/thanks"))),
        Ok(s) => s,
    };
    let lang = s.lang().to_owned();
    if let Some(locale) = passerelle_core::Locale::parse(&lang) {
        ctx.locale = locale;
    }
    Ok(SavedPage {
        title: s.def.title.get(&lang, s.def.default_language()).to_owned(),
        link: state.core.link(&format!("/r/{token}")),
        token,
        email: String::new(),
        errors: Errors::default(),
        notice,
        ctx,
    }
    .into_response())
}

pub async fn email_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let email = p.get("email");
    let result = qn::email_link(&state.core, &token, &email, ctx.locale).await;
    after_form(
        result,
        |()| format!("/r/{token}/saved?notice=link-sent"),
        |errors| async {
            let s = sitting(&state, &token)
                .await?
                .map_err(|_| AppError::not_found())?;
            let lang = s.lang().to_owned();
            Ok(SavedPage {
                title: s.def.title.get(&lang, s.def.default_language()).to_owned(),
                link: state.core.link(&format!("/r/{token}")),
                token: token.clone(),
                email,
                errors,
                notice: Notice::default(),
                ctx,
            })
        },
    )
    .await
}
