//! Documents as downloads: one `export::pdf::Document` written as PDF (typst, off the async
//! threads; a document that cannot be typeset is a clear error page and a log line), DOCX or
//! Markdown, and any bytes as an attachment. Sheets and syntheses share these.

use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use passerelle_core::Core;
use passerelle_export::pdf::Document;

use crate::error::AppError;

/// `bytes` as a file to save, named `filename`.
pub fn download(content_type: &str, filename: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (CONTENT_TYPE, content_type.to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// `doc` typeset as PDF, dated today.
pub async fn pdf(core: &Core, doc: Document, filename: &str) -> Result<Response, AppError> {
    let today = core.clock.now().date();
    let rendered = tokio::task::spawn_blocking(move || {
        passerelle_export::pdf::render(&doc, (today.year(), u8::from(today.month()), today.day()))
    })
    .await
    .map_err(|e| AppError::internal(e.to_string()))?;
    match rendered {
        Ok(bytes) => Ok(download("application/pdf", filename, bytes)),
        Err(e) => {
            tracing::error!(file = %filename, error = %e, "PDF could not be rendered");
            Err(AppError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "pdf-failed",
            ))
        }
    }
}

/// `doc` as a Word document.
pub fn docx(doc: &Document, filename: &str) -> Result<Response, AppError> {
    let bytes =
        passerelle_export::docx::render(doc).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(download(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename,
        bytes,
    ))
}

/// `doc` as Markdown.
pub fn markdown(doc: &Document, filename: &str) -> Response {
    download(
        "text/markdown; charset=utf-8",
        filename,
        passerelle_export::markdown::render(doc).into_bytes(),
    )
}
