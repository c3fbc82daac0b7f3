//! The streamed exports of a questionnaire's responses: CSV (standard or Excel in French),
//! JSON and XLSX, complete responses or with partial ones.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use passerelle_core::Core;
use passerelle_core::questionnaires::{self as qn, export};

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;

#[derive(serde::Deserialize, Default)]
pub struct ExportQuery {
    /// `1`: labels instead of codes.
    #[serde(default)]
    labels: String,
    /// `complete` (default), `partial` or `all`.
    #[serde(default)]
    include: String,
    /// `excel-fr`: semicolons and decimal commas, for Excel set to French.
    #[serde(default)]
    dialect: String,
}

impl ExportQuery {
    /// The plan of the export asked for: the responses included, codes or labels (`labels`,
    /// for the formats that offer them). Audited as every export is.
    async fn plan(
        &self,
        state: &AppState,
        ctx: &Ctx,
        id: &str,
        labels: bool,
    ) -> Result<export::Plan, AppError> {
        let user = ctx.require_user()?;
        let include = qn::Include::parse(&self.include);
        Ok(export::plan(
            &state.core,
            user,
            id,
            ctx.lang(),
            labels,
            include,
            &ctx.actor(),
        )
        .await?)
    }
}

/// Files holding other responses than the complete ones are named so.
fn include_suffix(include: &str) -> &'static str {
    match qn::Include::parse(include) {
        qn::Include::Complete => "",
        qn::Include::Partial => "-partial",
        qn::Include::All => "-with-partial",
    }
}

fn download(content_type: &str, filename: &str, body: Body) -> Response {
    (
        [
            (CONTENT_TYPE, content_type.to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

type Page = tokio::task::JoinHandle<passerelle_core::Result<Vec<export::Record>>>;

/// Reads the page after `after` on its own task, so that it is fetched while the previous one
/// is rendered and sent.
fn fetch(core: &Core, plan: &Arc<export::Plan>, after: String) -> Page {
    let (core, plan) = (core.clone(), plan.clone());
    tokio::spawn(async move { export::page(&core, &plan, &after).await })
}

/// The chunks of an export: one per page of responses, produced as the client reads, the next
/// page being read meanwhile (at most one page ahead, so memory stays bounded).
fn chunks<F>(core: Core, plan: Arc<export::Plan>, first: Vec<u8>, last: Vec<u8>, render: F) -> Body
where
    F: Fn(&export::Plan, &[export::Record], bool) -> Result<Vec<u8>, String>
        + Send
        + Sync
        + 'static,
{
    enum Step {
        Reading(Page, bool),
        End,
        Done,
    }
    let render = Arc::new(render);
    let start = Step::Reading(fetch(&core, &plan, String::new()), true);
    let stream = futures::stream::unfold(start, move |step| {
        let (core, plan, render, first, last) = (
            core.clone(),
            plan.clone(),
            render.clone(),
            first.clone(),
            last.clone(),
        );
        async move {
            let (page, lead) = match step {
                Step::Done => return None,
                Step::End => return Some((Ok::<_, std::io::Error>(last), Step::Done)),
                Step::Reading(page, lead) => (page, lead),
            };
            let records = match page.await {
                Ok(Ok(r)) => r,
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "export page failed");
                    return Some((Err(std::io::Error::other("export failed")), Step::Done));
                }
                Err(e) => {
                    tracing::error!(error = %e, "export task failed");
                    return Some((Err(std::io::Error::other("export failed")), Step::Done));
                }
            };
            let next = match records.last() {
                Some(r) if records.len() as i64 == export::PAGE => {
                    Step::Reading(fetch(&core, &plan, r.id.clone()), false)
                }
                _ => Step::End,
            };
            let mut bytes = if lead { first } else { Vec::new() };
            match render(&plan, &records, !lead) {
                Ok(b) => bytes.extend(b),
                Err(e) => return Some((Err(std::io::Error::other(e)), Step::Done)),
            }
            Some((Ok(bytes), next))
        }
    });
    // Fused: a compressing layer may poll the body once more after its end, which `unfold`
    // answers with a panic (and the download arrives empty) rather than another `None`.
    Body::from_stream(futures::StreamExt::fuse(stream))
}

pub async fn export_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, AppError> {
    use passerelle_export::responses::{CsvDialect, csv_chunk};
    let plan = q.plan(&state, &ctx, &id, q.labels == "1").await?;
    let (dialect, suffix) = match q.dialect.as_str() {
        "excel-fr" => (CsvDialect::ExcelFrench, "-excel-fr"),
        _ => (CsvDialect::Standard, ""),
    };
    let suffix = format!(
        "{}{suffix}{}",
        if q.labels == "1" { "-labels" } else { "" },
        include_suffix(&q.include)
    );
    let head = csv_chunk(&[plan.headers()], true, dialect)
        .map_err(|e| AppError::internal(e.to_string()))?;
    let numeric = plan.numeric();
    let body = chunks(
        state.core.clone(),
        Arc::new(plan),
        head,
        vec![],
        move |plan, records, _| {
            let rows: Vec<Vec<String>> = records
                .iter()
                .map(|r| {
                    let mut cells = plan.cells(r);
                    for (cell, number) in cells.iter_mut().zip(&numeric) {
                        if *number {
                            *cell = dialect.number(cell);
                        }
                    }
                    cells
                })
                .collect();
            csv_chunk(&rows, false, dialect).map_err(|e| e.to_string())
        },
    );
    Ok(download(
        "text/csv; charset=utf-8",
        &format!("questionnaire-{id}{suffix}.csv"),
        body,
    ))
}

pub async fn export_json(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, AppError> {
    let plan = q.plan(&state, &ctx, &id, false).await?;
    // `{"questionnaire": {…}, "responses": [` … `]}`: the head is written first, the
    // responses streamed after it.
    let mut head = b"{\"questionnaire\":".to_vec();
    serde_json::to_writer(&mut head, &plan.json_head())
        .map_err(|e| AppError::internal(e.to_string()))?;
    head.extend_from_slice(b",\"responses\":[");
    let body = chunks(
        state.core.clone(),
        Arc::new(plan),
        head,
        b"\n]}\n".to_vec(),
        |plan, records, continued| {
            let mut out = Vec::new();
            for (i, r) in records.iter().enumerate() {
                if continued || i > 0 {
                    out.push(b',');
                }
                out.push(b'\n');
                serde_json::to_writer(&mut out, &plan.json(r)).map_err(|e| e.to_string())?;
            }
            Ok(out)
        },
    );
    Ok(download(
        "application/json",
        &format!("questionnaire-{id}{}.json", include_suffix(&q.include)),
        body,
    ))
}

pub async fn export_xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, AppError> {
    let plan = q.plan(&state, &ctx, &id, q.labels == "1").await?;
    let fail = |e: passerelle_export::ExportError| AppError::internal(e.to_string());
    let mut book =
        passerelle_export::responses::ResponsesBook::new(&plan.headers(), plan.numeric())
            .map_err(fail)?;
    let mut after = String::new();
    loop {
        let records = export::page(&state.core, &plan, &after).await?;
        for r in &records {
            book.push(&plan.cells(r)).map_err(fail)?;
        }
        match records.last() {
            Some(r) if records.len() as i64 == export::PAGE => after = r.id.clone(),
            _ => break,
        }
    }
    // The workbook is written to a temporary file and sent from there, never held whole.
    let file = tempfile::NamedTempFile::new().map_err(|e| AppError::internal(e.to_string()))?;
    let ((headers, questions), codebook) = (plan.question_sheet(), plan.codebook_rows());
    let path = file.path().to_owned();
    tokio::task::spawn_blocking(move || book.finish((&headers, &questions), &codebook, &path))
        .await
        .map_err(|e| AppError::internal(e.to_string()))?
        .map_err(fail)?;
    let reader = tokio::fs::File::open(file.path())
        .await
        .map_err(|e| AppError::internal(e.to_string()))?;
    // Unlinked now; the open handle keeps the bytes readable until the body is sent.
    drop(file);
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(reader));
    Ok(download(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &format!(
            "questionnaire-{id}{}{}.xlsx",
            if q.labels == "1" { "-labels" } else { "" },
            include_suffix(&q.include)
        ),
        body,
    ))
}
