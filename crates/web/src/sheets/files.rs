//! A sheet's files: added by its authors (a form with files), removed, downloaded by whoever may
//! read the sheet.

use axum::extract::{Path, State};
use axum::response::Response;
use passerelle_core::Error;
use passerelle_core::sheets::files;

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, FilesForm, Notice, invalid, see_other, stored_file};

pub async fn add_files(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FilesForm,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match files::add(&state.core, &user, &id, &form.files("files")).await {
        Ok(_) => Ok(see_other(&format!(
            "/sheets/{id}/edit?notice=sheet-files-added#files-title"
        ))),
        Err(Error::Invalid(e)) => {
            let page = super::writing::edit_page(
                &state.core,
                ctx,
                &id,
                None,
                Errors(e),
                Notice::default(),
            )
            .await?;
            Ok(invalid(page))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    files::remove(&state.core, &user, &id, &file).await?;
    Ok(see_other(&format!(
        "/sheets/{id}/edit?notice=sheet-file-removed#files-title"
    )))
}

/// A file as a download: never shown inline, named as uploaded.
pub async fn download_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (f, data) = files::download(&state.core, ctx.user.as_ref(), &id, &file).await?;
    Ok(stored_file(&f.content_type, &f.filename, data))
}
