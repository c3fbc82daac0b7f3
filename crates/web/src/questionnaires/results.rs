//! Results handlers: per-question results with a filter, cross-tabulation, text answers and
//! their coding, the codebook, individual responses and their management (the exports:
//! `exports.rs`).

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use passerelle_core::Error;
use passerelle_core::questionnaires::{self as qn, Kind};

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, Notice, Pairs, after_form, invalid, see_other};

#[derive(serde::Deserialize, Default)]
pub struct ResultsQuery {
    /// `question:value`.
    #[serde(default)]
    filter: String,
    #[serde(default)]
    rows: String,
    #[serde(default)]
    cols: String,
    /// `all`: partial responses count too.
    #[serde(default)]
    include: String,
    /// A question whose every value is shown (long lists show the ten most given).
    #[serde(default)]
    all: String,
}

pub async fn show_results(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ResultsQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let filter = q
        .filter
        .split_once(':')
        .map(|(a, b)| (a.to_owned(), b.to_owned()));
    let include = match qn::Include::parse(&q.include) {
        qn::Include::Partial => qn::Include::All,
        other => other,
    };
    let results = qn::results(&state.core, &user, &id, ctx.lang(), filter, include).await?;
    let mut errors = Errors::default();
    let cross = if !q.rows.is_empty() && !q.cols.is_empty() {
        // The cross-tab counts the responses the rest of the page counts.
        let f = results
            .filter
            .as_ref()
            .map(|(q, v, _)| (q.as_str(), v.as_str()));
        let pair = (q.rows.as_str(), q.cols.as_str());
        match qn::crosstab(&state.core, &user, &id, ctx.lang(), pair, f, include).await {
            Ok(c) => Some(c),
            Err(Error::Invalid(e)) => {
                errors = Errors(e);
                None
            }
            Err(e) => return Err(e.into()),
        }
    } else {
        None
    };
    let page = ResultsPage {
        results,
        cross,
        cross_rows: q.rows,
        cross_cols: q.cols,
        unfolded: q.all,
        errors,
        ctx,
    };
    if page.errors.0.is_empty() {
        Ok(page.into_response())
    } else {
        Ok(invalid(page))
    }
}

#[derive(serde::Deserialize, Default)]
pub struct TextsQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: usize,
}

pub async fn show_texts(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path((id, question)): Path<(String, String)>,
    Query(q): Query<TextsQuery>,
) -> Result<TextsPage, AppError> {
    let user = ctx.require_user()?.clone();
    let page = q.page.max(1);
    let texts = qn::texts(&state.core, &user, &id, &question, ctx.lang(), &q.q, page).await?;
    Ok(TextsPage {
        texts,
        search: q.q,
        page,
        notice,
        ctx,
    })
}

/// Sets the codes of one answer, then back to the list where it was.
pub async fn code_answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, question)): Path<(String, String)>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let response = p.get("response");
    qn::code_answer(
        &state.core,
        &user,
        &id,
        &response,
        &question,
        &p.all("codes"),
    )
    .await?;
    let back: String = form_urlencoded::byte_serialize(p.get("q").as_bytes()).collect();
    let page = p.get("page").parse::<usize>().unwrap_or(1).max(1);
    Ok(see_other(&format!(
        "/questionnaires/{id}/results/{question}/texts?q={back}&page={page}&notice=answer-coded#answer-{response}"
    )))
}

async fn codes_page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    label: String,
    description: String,
    errors: Errors,
    notice: Notice,
) -> Result<CodesPage, AppError> {
    let user = ctx.require_user()?.clone();
    let loaded = qn::load_managed(&state.core, &user, id).await?;
    let codes = qn::codebook(&state.core, &user, id).await?;
    let lang = loaded.def.language_for(ctx.lang()).to_owned();
    let text_questions = loaded
        .def
        .questions()
        .filter(|q| q.kind().is_text() || q.other)
        .map(|q| (q.name.clone(), q.label.get(&lang, &lang).to_owned()))
        .collect();
    Ok(CodesPage {
        loaded,
        codes,
        typed_label: label,
        description,
        errors,
        notice,
        text_questions,
        ctx,
    })
}

pub async fn show_codes(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<CodesPage, AppError> {
    codes_page(
        &state,
        ctx,
        &id,
        String::new(),
        String::new(),
        Errors::default(),
        notice,
    )
    .await
}

pub async fn add_code(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let (label, description) = (p.get("label"), p.get("description"));
    let result = qn::add_code(&state.core, &user, &id, &label, &description, &ctx.actor()).await;
    after_form(
        result,
        |_| format!("/questionnaires/{id}/codes?notice=code-added"),
        |errors| {
            codes_page(
                &state,
                ctx,
                &id,
                label,
                description,
                errors,
                Notice::default(),
            )
        },
    )
    .await
}

#[derive(serde::Deserialize, Default)]
pub struct PageQuery {
    #[serde(default)]
    page: usize,
    /// `complete` (default), `partial` or `all`.
    #[serde(default)]
    show: String,
}

pub async fn list_responses(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<ResponsesPage, AppError> {
    let user = ctx.require_user()?.clone();
    let page = q.page.max(1);
    let show = qn::Include::parse(&q.show);
    let (loaded, mut items) = qn::managing::responses(&state.core, &user, &id, show, page).await?;
    let has_next = items.len() > 50;
    items.truncate(50);
    Ok(ResponsesPage {
        loaded,
        items,
        page,
        has_next,
        show,
        notice,
        ctx,
    })
}

/// Deletes one response, with the reason typed (kept in the audit log).
pub async fn delete_response(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, response)): Path<(String, String)>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let reason = p.get("reason");
    let result =
        qn::delete_response(&state.core, &user, &id, &response, &reason, &ctx.actor()).await;
    after_form(
        result,
        |()| format!("/questionnaires/{id}/responses?show=all&notice=response-deleted"),
        |errors| async {
            let mut page = response_page(&state, ctx, &id, &response).await?;
            page.reason = reason;
            page.errors = errors;
            Ok(page)
        },
    )
    .await
}

/// Gives a submitted identified response back to its respondent.
pub async fn reopen_response(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, response)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    qn::reopen_response(&state.core, &user, &id, &response, &ctx.actor()).await?;
    Ok(see_other(&format!(
        "/questionnaires/{id}/responses/{response}?notice=response-reopened"
    )))
}

pub async fn show_response(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path((id, response)): Path<(String, String)>,
) -> Result<ResponsePage, AppError> {
    let mut page = response_page(&state, ctx, &id, &response).await?;
    page.notice = notice;
    Ok(page)
}

async fn response_page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    response: &str,
) -> Result<ResponsePage, AppError> {
    let user = ctx.require_user()?.clone();
    let detail = qn::response(&state.core, &user, id, response, &ctx.actor()).await?;
    let lang = detail.def.language_for(ctx.lang()).to_owned();
    let mut answers = Vec::new();
    for q in detail.def.questions() {
        if !detail.given.has(&q.name) {
            continue;
        }
        let vals = detail.given.values(&q.name);
        let text = match q.kind() {
            Kind::Matrix => q
                .rows
                .iter()
                .map(|r| {
                    let v = detail.given.part(&q.name, &r.code);
                    format!(
                        "{}{}{}",
                        r.label.get(&lang, &lang),
                        ctx.t("label-separator"),
                        qn::code_label(q, v, &lang)
                    )
                })
                .collect::<Vec<_>>()
                .join(" · "),
            Kind::Ranking => {
                let mut ranked: Vec<(usize, String)> = q
                    .choices
                    .iter()
                    .filter_map(|c| {
                        detail
                            .given
                            .part(&q.name, &c.code)
                            .parse::<usize>()
                            .ok()
                            .map(|k| (k, c.label.get(&lang, &lang).to_owned()))
                    })
                    .collect();
                ranked.sort();
                ranked
                    .into_iter()
                    .map(|(k, l)| format!("{k}. {l}"))
                    .collect::<Vec<_>>()
                    .join(" · ")
            }
            k if k.is_closed() => vals
                .iter()
                .map(|v| qn::code_label(q, v, &lang))
                .collect::<Vec<_>>()
                .join(" · "),
            _ => vals.join(" "),
        };
        let other = detail.given.part(&q.name, "other");
        let text = if other.is_empty() {
            text
        } else {
            format!("{text} — « {other} »")
        };
        answers.push((q.label.get(&lang, &lang).to_owned(), text));
    }
    Ok(ResponsePage {
        detail,
        answers,
        reason: String::new(),
        errors: Errors::default(),
        notice: Notice::default(),
        ctx,
    })
}
