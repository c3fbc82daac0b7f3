//! Mid-term review and coaching-note handlers.

use axum::extract::{Path, State};
use axum::response::Response;
use passerelle_core::Error;
use passerelle_core::immersions::{self, ReviewInput};
use serde::Deserialize;

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, FormData, Notice, invalid, see_other};

async fn review_page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    input: Option<ReviewInput>,
    errors: Errors,
    notice: Notice,
) -> Result<ReviewPage, AppError> {
    let user = ctx.require_user()?;
    let view = immersions::review_view(&state.core, user, id).await?;
    let input = input.unwrap_or_else(|| match &view.review {
        Some(r) => ReviewInput {
            held_on: r.held_on.clone(),
            progress: r.progress.clone(),
            adjustments: r.adjustments.clone(),
            next_steps: r.next_steps.clone(),
        },
        None => ReviewInput::default(),
    });
    Ok(ReviewPage {
        view,
        input,
        errors,
        notice,
        ctx,
    })
}

pub async fn show_review(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<ReviewPage, AppError> {
    review_page(&state, ctx, &id, None, Errors::default(), notice).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReviewForm {
    held_on: String,
    progress: String,
    adjustments: String,
    next_steps: String,
}

pub async fn save_review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    FormData(f): FormData<ReviewForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = ReviewInput {
        held_on: f.held_on,
        progress: f.progress,
        adjustments: f.adjustments,
        next_steps: f.next_steps,
    };
    match immersions::save_review(&state.core, &user, &id, &input).await {
        Ok(()) => Ok(see_other(&format!(
            "/agreements/{id}/review?notice=review-saved"
        ))),
        Err(Error::Invalid(e)) => Ok(invalid(
            review_page(&state, ctx, &id, Some(input), Errors(e), Notice::default()).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn confirm_review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    immersions::confirm_review(&state.core, &user, &id).await?;
    Ok(see_other(&format!(
        "/agreements/{id}/review?notice=review-confirmed"
    )))
}

async fn coaching_page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    body: String,
    errors: Errors,
    notice: Notice,
) -> Result<CoachingPage, AppError> {
    let user = ctx.require_user()?;
    let (agreement, notes) = immersions::coaching_notes(&state.core, user, id).await?;
    Ok(CoachingPage {
        agreement,
        notes,
        body,
        errors,
        notice,
        ctx,
    })
}

pub async fn show_coaching(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<CoachingPage, AppError> {
    coaching_page(&state, ctx, &id, String::new(), Errors::default(), notice).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NoteForm {
    body: String,
}

pub async fn add_coaching_note(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    FormData(f): FormData<NoteForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match immersions::add_coaching_note(&state.core, &user, &id, &f.body).await {
        Ok(()) => Ok(see_other(&format!(
            "/agreements/{id}/coaching?notice=note-saved"
        ))),
        Err(Error::Invalid(e)) => Ok(invalid(
            coaching_page(&state, ctx, &id, f.body, Errors(e), Notice::default()).await?,
        )),
        Err(e) => Err(e.into()),
    }
}
