//! Application handlers: lists, the application page with its thread, decisions.

use axum::extract::{Path, State};
use axum::response::Response;
use passerelle_core::Error;
use passerelle_core::immersions;
use serde::Deserialize;

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, FormData, Notice, invalid, see_other};

pub async fn list_applications(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<ApplicationsPage, AppError> {
    let user = ctx.require_user()?;
    let (mine, to_handle) = immersions::my_applications(&state.core, user).await?;
    Ok(ApplicationsPage {
        mine,
        to_handle,
        ctx,
    })
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    notice: Notice,
    body: String,
    reason: String,
    errors: Errors,
) -> Result<ApplicationPage, AppError> {
    let user = ctx.require_user()?;
    let view = immersions::application_view(&state.core, user, id).await?;
    Ok(ApplicationPage {
        view,
        body,
        reason,
        errors,
        notice,
        ctx,
    })
}

pub async fn show_application(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<ApplicationPage, AppError> {
    page(
        &state,
        ctx,
        &id,
        notice,
        String::new(),
        String::new(),
        Errors::default(),
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MessageForm {
    body: String,
}

pub async fn post_message(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    FormData(form): FormData<MessageForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match immersions::post_message(&state.core, &user, &id, &form.body).await {
        Ok(()) => Ok(see_other(&format!(
            "/applications/{id}?notice=message-sent#thread-end"
        ))),
        Err(Error::Invalid(e)) => Ok(invalid(
            page(
                &state,
                ctx,
                &id,
                Notice::default(),
                form.body,
                String::new(),
                Errors(e),
            )
            .await?,
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DecisionForm {
    status: String,
    reason: String,
}

pub async fn set_application_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    FormData(form): FormData<DecisionForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match immersions::set_application_status(
        &state.core,
        &user,
        &id,
        &form.status,
        &form.reason,
        &ctx.actor(),
    )
    .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/applications/{id}?notice=application-updated"
        ))),
        Err(Error::Invalid(e)) => Ok(invalid(
            page(
                &state,
                ctx,
                &id,
                Notice::default(),
                String::new(),
                form.reason,
                Errors(e),
            )
            .await?,
        )),
        Err(e) => Err(e.into()),
    }
}
