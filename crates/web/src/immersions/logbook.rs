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
use crate::forms::{Errors, FilesForm, FormData, Notice, invalid, see_other};

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
        upload_mb: upload_mb(&state.core),
        ctx,
    })
}

/// The upload limit in whole megabytes (at least 1), for hints.
pub(super) fn upload_mb(core: &passerelle_core::Core) -> i64 {
    i64::try_from(core.config.max_upload_bytes / (1024 * 1024))
        .unwrap_or(i64::MAX)
        .max(1)
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

/// The entry form is `multipart/form-data`: it may carry files.
pub async fn write_entry(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FilesForm,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let f = &form.fields;
    let input = EntryInput {
        entry_date: f.get("entry_date"),
        kind: f.get("kind"),
        title: f.get("title"),
        body: f.get("body"),
        tags: f.get("tags"),
        prompt: f.get("prompt"),
        visibility: f.get("visibility"),
    };
    let files = form.files("files");
    match immersions::write_entry(&state.core, &user, &id, &input, &files).await {
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
                signatory: Default::default(),
                ctx,
            }))
        }
        Err(e) => Err(e.into()),
    }
}
