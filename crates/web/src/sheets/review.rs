//! Review: comments per field with a request for changes, the history of revisions and the
//! comparison of two of them, and the list of named reviewers.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use passerelle_core::sheets::{self, Transition, compare};
use passerelle_core::{Core, Error};

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, Notice, Pairs, after_form, invalid, see_other};

async fn review_page(
    core: &Core,
    ctx: Ctx,
    id: &str,
    typed: Vec<(String, String)>,
    errors: Errors,
) -> Result<ReviewPage, AppError> {
    let user = ctx.require_user()?.clone();
    let work = sheets::work(core, &user, id).await?;
    if !work.reviewer {
        return Err(Error::NotFound.into());
    }
    let fields = field_views(
        &ctx,
        work.ty,
        &work.content,
        &Errors::default(),
        &work.comments,
        false,
    );
    Ok(ReviewPage {
        work,
        fields,
        errors,
        typed,
        ctx,
    })
}

pub async fn show_review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<ReviewPage, AppError> {
    review_page(&state.core, ctx, &id, vec![], Errors::default()).await
}

/// Comments typed per field (`c.<field>`, `c._general`), sent with a request for changes.
pub async fn request_changes(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let comments: Vec<(String, String)> =
        p.0.iter()
            .filter_map(|(k, v)| k.strip_prefix("c.").map(|f| (f.to_owned(), v.clone())))
            .collect();
    let result = sheets::transition(
        &state.core,
        &user,
        &id,
        Transition::RequestChanges,
        &comments,
        &ctx.actor(),
    )
    .await;
    match result {
        Ok(status) => Ok(see_other(&format!(
            "/sheets/{id}/edit?notice=sheet-status-{}",
            status.code()
        ))),
        Err(Error::Invalid(e)) => {
            let page = review_page(&state.core, ctx, &id, comments, Errors(e)).await?;
            Ok(invalid(page))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(serde::Deserialize, Default)]
pub struct CompareQuery {
    #[serde(default)]
    pub a: i64,
    #[serde(default)]
    pub b: i64,
}

pub async fn show_history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<CompareQuery>,
) -> Result<HistoryPage, AppError> {
    let user = ctx.require_user()?.clone();
    let work = sheets::work(&state.core, &user, &id).await?;
    let (a, b) = compare::pair(q.a, q.b, work.row.revision);
    let diffs = if a != b {
        compare::compare(&state.core, &user, &id, a, b, ctx.locale)
            .await?
            .into_iter()
            .filter(|d| d.changed)
            .map(|d| (ctx.tk("sheet-field-", &d.field), d))
            .collect()
    } else {
        vec![]
    };
    Ok(HistoryPage {
        revisions: work.revisions.clone(),
        action: format!("/sheets/{id}/history"),
        choices: RevisionChoice::all(work.revisions.iter().map(|r| r.number), a, b),
        work,
        a,
        b,
        diffs,
        ctx,
    })
}

async fn reviewers_page(
    core: &Core,
    ctx: Ctx,
    email: String,
    errors: Errors,
    notice: Notice,
) -> Result<ReviewersPage, AppError> {
    let user = ctx.require_user()?.clone();
    let reviewers = sheets::reviewers(core, &user).await?;
    Ok(ReviewersPage {
        reviewers,
        email,
        errors,
        notice,
        ctx,
    })
}

pub async fn show_reviewers(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
) -> Result<ReviewersPage, AppError> {
    reviewers_page(&state.core, ctx, String::new(), Errors::default(), notice).await
}

pub async fn change_reviewers(
    State(state): State<AppState>,
    ctx: Ctx,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let email = p.get("email");
    let add = p.get("action") != "remove";
    let result = sheets::set_reviewer(&state.core, &user, &email, add, &ctx.actor()).await;
    after_form(
        result,
        |_| "/sheets/reviewers?notice=sheet-reviewers-changed".to_owned(),
        |errors| reviewers_page(&state.core, ctx, email, errors, Notice::default()),
    )
    .await
}
