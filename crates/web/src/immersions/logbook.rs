//! Logbook and cross-immersion pair handlers.

use axum::extract::{Path, State};
use axum::response::Response;
use passerelle_core::Error;
use passerelle_core::immersions::{self, EntryInput};
use serde::Deserialize;

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, FormData, Notice, invalid, see_other};

async fn page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    input: EntryInput,
    errors: Errors,
    notice: Notice,
) -> Result<LogbookPage, AppError> {
    let user = ctx.require_user()?;
    let view = immersions::logbook(&state.core, user, id).await?;
    Ok(LogbookPage {
        view,
        input,
        errors,
        notice,
        ctx,
    })
}

pub async fn show_logbook(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<LogbookPage, AppError> {
    let today = passerelle_core::clock::format_instant(state.core.clock.unix());
    let input = EntryInput {
        entry_date: today.chars().take(10).collect(),
        visibility: "tutor".into(),
        kind: "observation".into(),
        ..Default::default()
    };
    page(&state, ctx, &id, input, Errors::default(), notice).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EntryForm {
    entry_date: String,
    kind: String,
    title: String,
    body: String,
    tags: String,
    prompt: String,
    visibility: String,
}

pub async fn write_entry(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    FormData(f): FormData<EntryForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = EntryInput {
        entry_date: f.entry_date,
        kind: f.kind,
        title: f.title,
        body: f.body,
        tags: f.tags,
        prompt: f.prompt,
        visibility: f.visibility,
    };
    match immersions::write_entry(&state.core, &user, &id, &input).await {
        Ok(()) => Ok(see_other(&format!(
            "/agreements/{id}/logbook?notice=logbook-written"
        ))),
        Err(Error::Invalid(e)) => Ok(invalid(
            page(&state, ctx, &id, input, Errors(e), Notice::default()).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PairForm {
    other: String,
}

pub async fn pair_agreement(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    FormData(f): FormData<PairForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match immersions::pair_agreements(&state.core, &user, &id, &f.other).await {
        Ok(()) => Ok(see_other(&format!(
            "/agreements/{id}?notice=agreement-paired"
        ))),
        Err(Error::Invalid(e)) => {
            let view = immersions::agreement_view(&state.core, &user, &id).await?;
            let pair = immersions::pair_of(&state.core, &id).await?;
            Ok(invalid(AgreementPage {
                terms: view.agreement.terms(),
                view,
                pair,
                pair_other: f.other,
                notice: Notice::default(),
                errors: Errors(e),
                item_kind: String::new(),
                item_text: String::new(),
                reason: String::new(),
                ctx,
            }))
        }
        Err(e) => Err(e.into()),
    }
}
