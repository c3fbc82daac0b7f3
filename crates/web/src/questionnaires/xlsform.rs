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

/// The import report's reasons, written in English by the reader (the command line prints
/// them), as the page shows them: the reason, or its part before `: `, translated; what follows
/// (a name, an expression) as written. Reasons about crafted files stay in English.
const REASONS: &[(&str, &str)] = &[
    (
        "the workbook has no survey sheet",
        "xlsform-the-workbook-has-no-survey-sheet",
    ),
    ("sheet not supported", "xlsform-sheet-not-supported"),
    ("required column missing", "xlsform-required-column-missing"),
    ("row without a type", "xlsform-row-without-a-type"),
    ("duplicate name", "xlsform-duplicate-name"),
    ("question without a name", "xlsform-question-without-a-name"),
    ("group without a name", "xlsform-group-without-a-name"),
    ("missing calculation", "xlsform-missing-calculation"),
    (
        "this section has not been included (include is not supported)",
        "xlsform-include-not-supported",
    ),
    (
        "two headers name the same column (rename or remove one)",
        "xlsform-two-headers-name-the-same-column",
    ),
    ("not an .xlsx or .xls workbook", "xlsform-not-a-workbook"),
    ("invalid name", "xlsform-invalid-name"),
    ("column not supported", "xlsform-column-not-supported"),
    ("language not supported", "xlsform-language-not-supported"),
    ("setting not supported", "xlsform-setting-not-supported"),
    ("choice name too long", "xlsform-choice-name-too-long"),
    (
        "choice column not supported",
        "xlsform-choice-column-not-supported",
    ),
    (
        "duplicate choice (kept once; choice filters are not supported)",
        "xlsform-duplicate-choice-kept-once-choice-filters-are-not-supported",
    ),
    (
        "duplicate choice name in its list",
        "xlsform-duplicate-choice-name-in-its-list",
    ),
    ("duplicate column header", "xlsform-duplicate-column-header"),
    (
        "expression not expressible as a Passerelle condition",
        "xlsform-expression-not-expressible-as-a-passerelle-condition",
    ),
    (
        "nested group flattened into its parent section",
        "xlsform-nested-group-flattened-into-its-parent-section",
    ),
    (
        "range steps other than 1 are not supported",
        "xlsform-range-steps-other-than-1-are-not-supported",
    ),
    (
        "repeats are not supported: the questions inside are imported once",
        "xlsform-repeats-are-not-supported-the-questions-inside-are-imported",
    ),
    (
        "required expressions are not supported",
        "xlsform-required-expressions-are-not-supported",
    ),
    (
        "row without list name or name",
        "xlsform-row-without-list-name-or-name",
    ),
    (
        "the workbook could not be read (the spreadsheet reader failed)",
        "xlsform-the-workbook-could-not-be-read-the-spreadsheet-reader-failed",
    ),
    (
        "question type not supported",
        "xlsform-question-type-not-supported",
    ),
    ("unknown choice list", "xlsform-unknown-choice-list"),
    ("condition dropped", "xlsform-condition-dropped"),
    (
        "constraint dropped (not expressible as bounds or a pattern)",
        "xlsform-constraint-dropped-not-expressible-as-bounds-or-a-pattern",
    ),
    (
        "reference to a question not imported, removed",
        "xlsform-reference-to-a-question-not-imported-removed",
    ),
];

/// A reason in the reader's language, and whether it could be translated.
pub fn reason_text(ctx: &Ctx, reason: &str) -> (String, bool) {
    let (head, tail) = match reason.split_once(": ") {
        Some((h, t)) if REASONS.iter().any(|(e, _)| *e == h) => (h, Some(t)),
        _ => (reason, None),
    };
    match REASONS.iter().find(|(e, _)| *e == head) {
        Some((_, key)) => {
            let text = ctx.t(key);
            match tail {
                Some(t) => (format!("{text}{}{t}", ctx.t("label-separator")), true),
                None => (text, true),
            }
        }
        None => (reason.to_owned(), false),
    }
}
