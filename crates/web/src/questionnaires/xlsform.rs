//! XLSForm handlers: the import page with its report, and the export of a questionnaire.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use passerelle_core::questionnaires::{self as qn, policy};

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, invalid};

pub async fn show_import(ctx: Ctx) -> Result<ImportPage, AppError> {
    let user = ctx.require_user()?;
    if !policy::may_create(Some(user)) {
        return Err(AppError::forbidden());
    }
    Ok(ImportPage {
        language: ctx.lang().to_owned(),
        report: None,
        created: None,
        errors: Errors::default(),
        ctx,
    })
}

/// Imports an XLSForm workbook and shows what was and was not imported.
pub async fn import_xlsform(
    State(state): State<AppState>,
    ctx: Ctx,
    form: crate::forms::FilesForm,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    if !policy::may_create(Some(&user)) {
        return Err(AppError::forbidden());
    }
    let language = form.fields.get("language");
    let files = form.files("file");
    let page = |report, created, errors| ImportPage {
        language: language.clone(),
        report,
        created,
        errors,
        ctx: ctx.clone(),
    };
    let Some(file) = files.into_iter().find(|f| !f.bytes.is_empty()) else {
        let mut e = passerelle_core::validate::FieldErrors::default();
        e.add("file", "questionnaire-import-file-missing");
        return Ok(invalid(page(None, None, Errors(e))));
    };
    let (created, report) = qn::xlsform::import(
        &state.core,
        &user,
        &file.bytes,
        if language.is_empty() {
            ctx.lang()
        } else {
            &language
        },
        &ctx.actor(),
    )
    .await?;
    if created.is_none() {
        return Ok(invalid(page(Some(report), None, Errors::default())));
    }
    Ok(page(Some(report), created, Errors::default()).into_response())
}

pub async fn export_xlsform(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let loaded = qn::load_managed(&state.core, &user, &id).await?;
    let bytes = passerelle_export::responses::text_workbook(&qn::xlsform::sheets(&loaded.def))
        .map_err(|e| AppError::internal(e.to_string()))?;
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"xlsform-{id}.xlsx\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
