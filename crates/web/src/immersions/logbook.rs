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
    // Today where the writer is.
    let input = EntryInput {
        entry_date: passerelle_core::clock::day_in(state.core.clock.unix(), &ctx.time_zone),
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

/// One direction of a cross-immersion, as the viewer may read it.
pub struct PairSide {
    pub view: immersions::AgreementView,
    pub terms: immersions::Terms,
    pub reports: Vec<immersions::ClosingReport>,
}

/// Both directions of a cross-immersion side by side: dates, parties, objectives, tasks and
/// closing reports. A direction the viewer is not a party to shows as not visible.
pub async fn show_pair(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<PairPage, AppError> {
    let user = ctx.require_user()?.clone();
    let this = immersions::agreement_view(&state.core, &user, &id).await?;
    let Some(other) = immersions::pair_of(&state.core, &id).await? else {
        return Err(AppError::not_found());
    };
    let mut sides = Vec::new();
    for agreement in [id.as_str(), other.as_str()] {
        let view = if agreement == id {
            this.clone()
        } else {
            match immersions::agreement_view(&state.core, &user, agreement).await {
                Ok(v) => v,
                Err(Error::NotFound) => {
                    sides.push(None);
                    continue;
                }
                Err(e) => return Err(e.into()),
            }
        };
        let reports = immersions::reports_view(&state.core, &user, agreement)
            .await?
            .reports;
        sides.push(Some(PairSide {
            terms: view.agreement.terms(),
            view,
            reports,
        }));
    }
    Ok(PairPage { ctx, id, sides })
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
                pending_status: String::new(),
                signatory: Default::default(),
                ctx,
            }))
        }
        Err(e) => Err(e.into()),
    }
}
