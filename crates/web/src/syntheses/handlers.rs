//! Synthesis handlers.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passerelle_core::markdown::to_html;
use passerelle_core::sheets::policy;
use passerelle_core::syntheses::{self, Content, Saved};
use passerelle_core::{Core, Error};

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::documents::{self, download};
use crate::error::AppError;
use crate::forms::{Errors, Notice, Pairs, after_form, invalid, see_other};
use crate::sheets::CompareQuery;
use crate::sheets::pages::value_label;

async fn list_page(
    core: &Core,
    ctx: Ctx,
    title: String,
    query: String,
    errors: Errors,
) -> Result<ListPage, AppError> {
    let syntheses = syntheses::list(core, ctx.user.as_ref()).await?;
    Ok(ListPage {
        may_create: policy::may_coordinate(ctx.user.as_ref()),
        syntheses,
        title,
        query,
        errors,
        ctx,
    })
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    /// A catalogue selection to start a synthesis from.
    #[serde(default)]
    from: String,
}

pub async fn list_syntheses(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Query(q): axum::extract::Query<ListQuery>,
) -> Result<ListPage, AppError> {
    list_page(&state.core, ctx, String::new(), q.from, Errors::default()).await
}

pub async fn create_synthesis(
    State(state): State<AppState>,
    ctx: Ctx,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let (title, query) = (p.get("title"), p.get("query"));
    let result = syntheses::create(&state.core, &user, &title, &query, &ctx.actor()).await;
    after_form(
        result,
        |id| format!("/syntheses/{id}/edit"),
        |errors| list_page(&state.core, ctx, title, query, errors),
    )
    .await
}

#[derive(serde::Deserialize, Default)]
pub struct RevisionQuery {
    /// A revision published earlier (readers), or any revision (editors).
    #[serde(default)]
    revision: Option<i64>,
}

pub async fn show_synthesis(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
    Query(q): Query<RevisionQuery>,
) -> Result<ShowPage, AppError> {
    let view = syntheses::view_revision(&state.core, ctx.user.as_ref(), &id, q.revision).await?;
    Ok(ShowPage {
        groups: groups(&ctx, &view),
        introduction: to_html(&view.content.introduction),
        development_conditions: to_html(&view.content.development_conditions),
        recommendations: to_html(&view.content.recommendations),
        view,
        notice,
        ctx,
    })
}

async fn edit_page(
    core: &Core,
    ctx: Ctx,
    id: &str,
    typed: Option<(Content, String)>,
    errors: Errors,
    conflict: Option<ConflictView>,
) -> Result<EditPage, AppError> {
    let user = ctx.require_user()?.clone();
    if !policy::may_coordinate(Some(&user)) {
        return Err(Error::NotFound.into());
    }
    let view = syntheses::view(core, Some(&user), id).await?;
    let (content, note) = typed.unwrap_or_else(|| (view.content.clone(), String::new()));
    Ok(EditPage {
        base: view.row.revision,
        content,
        note,
        errors,
        notice: Notice::default(),
        conflict,
        view,
        ctx,
    })
}

pub async fn show_edit(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<EditPage, AppError> {
    let mut page = edit_page(&state.core, ctx, &id, None, Errors::default(), None).await?;
    page.notice = notice;
    Ok(page)
}

/// The message key labelling a synthesis's field.
fn field_label(field: &str) -> &'static str {
    match field {
        "title" => "synthesis-field-title",
        "language" => "synthesis-field-language",
        "introduction" => "synthesis-introduction",
        "development_conditions" => "synthesis-development-conditions",
        "recommendations" => "synthesis-recommendations",
        "query" => "synthesis-field-query",
        _ => "synthesis-field-sheets",
    }
}

/// A synthesis's revisions, two of them compared section by section.
pub async fn show_history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<CompareQuery>,
) -> Result<HistoryPage, AppError> {
    let user = ctx.require_user()?.clone();
    let mut history = syntheses::history(&state.core, &user, &id, q.a, q.b).await?;
    let (a, b) = (history.a, history.b);
    let diffs = std::mem::take(&mut history.diffs)
        .into_iter()
        .map(|d| (ctx.t(field_label(&d.field)), d))
        .collect();
    Ok(HistoryPage {
        action: format!("/syntheses/{id}/history"),
        choices: crate::sheets::pages::RevisionChoice::all(
            history.revisions.iter().map(|r| r.number),
            a,
            b,
        ),
        history,
        a,
        b,
        diffs,
        ctx,
    })
}

pub async fn save_synthesis(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let offered = p.all("offered");
    let chosen = p.all("sheets");
    let mut content = Content {
        title: p.get("title"),
        introduction: p.get("introduction"),
        development_conditions: p.get("development_conditions"),
        recommendations: p.get("recommendations"),
        query: p.get("query"),
        language: p.get("language"),
        // Every offered sheet kept: the filter alone decides; otherwise the hand-picked list.
        sheets: if chosen.len() == offered.len() {
            vec![]
        } else {
            chosen
        },
    };
    let note = p.get("note");
    let base = p.get("base").parse::<i64>().unwrap_or(0);
    // On the conflict page, the writer may keep a co-editor's version of a field both changed.
    let keep = p.all("theirs");
    if !keep.is_empty() {
        let latest = syntheses::view(&state.core, Some(&user), &id).await?;
        syntheses::keep_theirs(&mut content, &latest.content, &keep)?;
    }
    match syntheses::save(&state.core, &user, &id, base, content.clone(), &note).await {
        Ok(Saved::Revision(_)) => Ok(see_other(&format!(
            "/syntheses/{id}/edit?notice=synthesis-saved"
        ))),
        Ok(Saved::Unchanged) => Ok(see_other(&format!(
            "/syntheses/{id}/edit?notice=sheet-unchanged"
        ))),
        Ok(Saved::Merged(_)) => Ok(see_other(&format!(
            "/syntheses/{id}/edit?notice=synthesis-merged"
        ))),
        Ok(Saved::Conflict(c)) => {
            let view = syntheses::view(&state.core, Some(&user), &id).await?;
            let fields = c
                .fields
                .iter()
                .map(|(f, theirs)| {
                    // Their choice of sheets by title, their language by name.
                    let shown = match f.as_str() {
                        "sheets" => theirs
                            .lines()
                            .map(|sid| {
                                view.offered
                                    .iter()
                                    .find(|s| s.id == sid)
                                    .map_or(sid.to_owned(), |s| s.title.clone())
                            })
                            .collect::<Vec<_>>()
                            .join("\n"),
                        "language" => value_label(&ctx, "language", theirs),
                        _ => theirs.clone(),
                    };
                    (f.clone(), ctx.t(field_label(f)), shown)
                })
                .collect();
            let conflict = ConflictView {
                fields,
                by: c.by.join(", "),
            };
            let mut page = edit_page(
                &state.core,
                ctx,
                &id,
                Some((c.merged, note)),
                Errors::default(),
                Some(conflict),
            )
            .await?;
            // The revision the merge was made on, even if another was saved since.
            page.base = c.latest;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(Error::Invalid(e)) => {
            let page = edit_page(
                &state.core,
                ctx,
                &id,
                Some((content, note)),
                Errors(e),
                None,
            )
            .await?;
            Ok(invalid(page))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn change_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let publish = match p.get("action").as_str() {
        "publish" => true,
        "unpublish" => false,
        _ => return Err(AppError::bad_request()),
    };
    syntheses::set_published(&state.core, &user, &id, publish, &ctx.actor()).await?;
    let notice = if publish {
        "synthesis-published"
    } else {
        "synthesis-unpublished"
    };
    Ok(see_other(&format!("/syntheses/{id}/edit?notice={notice}")))
}

async fn document_of(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    revision: Option<i64>,
) -> Result<passerelle_export::pdf::Document, AppError> {
    let view = syntheses::view_revision(&state.core, ctx.user.as_ref(), id, revision).await?;
    Ok(document(ctx, &view, &ctx.date(&state.core.clock.unix())))
}

pub async fn export_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<RevisionQuery>,
) -> Result<Response, AppError> {
    let doc = document_of(&state, &ctx, &id, q.revision).await?;
    documents::pdf(&state.core, doc, &format!("synthesis-{id}.pdf")).await
}

pub async fn export_docx(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<RevisionQuery>,
) -> Result<Response, AppError> {
    let doc = document_of(&state, &ctx, &id, q.revision).await?;
    documents::docx(&doc, &format!("synthesis-{id}.docx"))
}

pub async fn export_markdown(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<RevisionQuery>,
) -> Result<Response, AppError> {
    let doc = document_of(&state, &ctx, &id, q.revision).await?;
    Ok(documents::markdown(&doc, &format!("synthesis-{id}.md")))
}

pub async fn export_json(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<RevisionQuery>,
) -> Result<Response, AppError> {
    let view = syntheses::view_revision(&state.core, ctx.user.as_ref(), &id, q.revision).await?;
    let body = serde_json::json!({
        "id": view.row.id,
        "title": view.content.title,
        "language": view.content.language(),
        "revision": view.revision,
        "published_at": view.row.published_at,
        "introduction": view.content.introduction,
        "development_conditions": view.content.development_conditions,
        "recommendations": view.content.recommendations,
        "selection": { "query": view.content.query, "sheets": view.content.sheets },
        "threads": view.threads,
        "url": state.core.link(&format!("/syntheses/{id}")),
    });
    let json = serde_json::to_vec_pretty(&body).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(download(
        "application/json",
        &format!("synthesis-{id}.json"),
        json,
    ))
}
