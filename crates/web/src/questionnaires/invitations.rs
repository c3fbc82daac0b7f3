//! Invitation handlers: the list of invited people, sending invitations and reminders.

use axum::extract::{Path, State};
use axum::response::Response;
use passerelle_core::questionnaires as qn;

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, Notice, Pairs, after_form, see_other};

async fn invitations_page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    emails: String,
    errors: Errors,
    notice: Notice,
) -> Result<InvitationsPage, AppError> {
    let user = ctx.require_user()?.clone();
    let (loaded, invitations) = qn::invitations::list(&state.core, &user, id).await?;
    Ok(InvitationsPage {
        loaded,
        invitations,
        emails,
        errors,
        notice,
        ctx,
    })
}

pub async fn show_invitations(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<InvitationsPage, AppError> {
    invitations_page(&state, ctx, &id, String::new(), Errors::default(), notice).await
}

pub async fn send_invitations(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let emails = p.get("emails");
    let result = qn::invitations::invite(&state.core, &user, &id, &emails, &ctx.actor()).await;
    after_form(
        result,
        |_| format!("/questionnaires/{id}/invitations?notice=invitations-sent"),
        |errors| invitations_page(&state, ctx, &id, emails, errors, Notice::default()),
    )
    .await
}

pub async fn send_reminders(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    qn::invitations::remind(&state.core, &user, &id, &ctx.actor()).await?;
    Ok(see_other(&format!(
        "/questionnaires/{id}/invitations?notice=reminders-sent"
    )))
}
