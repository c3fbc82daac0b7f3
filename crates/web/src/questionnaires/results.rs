//! Results handlers: per-question results with a filter, cross-tabulation, text answers and
//! their coding, the codebook, individual responses, and the streamed exports.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use passerelle_core::questionnaires::{self as qn, Kind, export};
use passerelle_core::{Core, Error};

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, Notice, Pairs, after_form, invalid, see_other};

#[derive(serde::Deserialize, Default)]
pub struct ResultsQuery {
    /// `question:value`.
    #[serde(default)]
    filter: String,
    #[serde(default)]
    rows: String,
    #[serde(default)]
    cols: String,
    /// `all`: partial responses count too.
    #[serde(default)]
    include: String,
    /// A question whose every value is shown (long lists show the ten most given).
    #[serde(default)]
    all: String,
}

pub async fn show_results(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ResultsQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let filter = q
        .filter
        .split_once(':')
        .map(|(a, b)| (a.to_owned(), b.to_owned()));
    let include = match qn::Include::parse(&q.include) {
        qn::Include::Partial => qn::Include::All,
        other => other,
    };
    let results = qn::results(&state.core, &user, &id, ctx.lang(), filter, include).await?;
    let mut errors = Errors::default();
    let cross = if !q.rows.is_empty() && !q.cols.is_empty() {
        // The cross-tab counts the responses the rest of the page counts.
        let f = results
            .filter
            .as_ref()
            .map(|(q, v, _)| (q.as_str(), v.as_str()));
        let pair = (q.rows.as_str(), q.cols.as_str());
        match qn::crosstab(&state.core, &user, &id, ctx.lang(), pair, f, include).await {
            Ok(c) => Some(c),
            Err(Error::Invalid(e)) => {
                errors = Errors(e);
                None
            }
            Err(e) => return Err(e.into()),
        }
    } else {
        None
    };
    let page = ResultsPage {
        results,
        cross,
        cross_rows: q.rows,
        cross_cols: q.cols,
        unfolded: q.all,
        errors,
        ctx,
    };
    if page.errors.0.is_empty() {
        Ok(page.into_response())
    } else {
        Ok(invalid(page))
    }
}

#[derive(serde::Deserialize, Default)]
pub struct TextsQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: usize,
}

pub async fn show_texts(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path((id, question)): Path<(String, String)>,
    Query(q): Query<TextsQuery>,
) -> Result<TextsPage, AppError> {
    let user = ctx.require_user()?.clone();
    let page = q.page.max(1);
    let texts = qn::texts(&state.core, &user, &id, &question, ctx.lang(), &q.q, page).await?;
    Ok(TextsPage {
        texts,
        search: q.q,
        page,
        notice,
        ctx,
    })
}

/// Sets the codes of one answer, then back to the list where it was.
pub async fn code_answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, question)): Path<(String, String)>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let response = p.get("response");
    qn::code_answer(
        &state.core,
        &user,
        &id,
        &response,
        &question,
        &p.all("codes"),
    )
    .await?;
    let back: String = form_urlencoded::byte_serialize(p.get("q").as_bytes()).collect();
    let page = p.get("page").parse::<usize>().unwrap_or(1).max(1);
    Ok(see_other(&format!(
        "/questionnaires/{id}/results/{question}/texts?q={back}&page={page}&notice=answer-coded#answer-{response}"
    )))
}

async fn codes_page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    label: String,
    description: String,
    errors: Errors,
    notice: Notice,
) -> Result<CodesPage, AppError> {
    let user = ctx.require_user()?.clone();
    let loaded = qn::load_managed(&state.core, &user, id).await?;
    let codes = qn::codebook(&state.core, &user, id).await?;
    let lang = loaded.def.language_for(ctx.lang()).to_owned();
    let text_questions = loaded
        .def
        .questions()
        .filter(|q| q.kind().is_text() || q.other)
        .map(|q| (q.name.clone(), q.label.get(&lang, &lang).to_owned()))
        .collect();
    Ok(CodesPage {
        loaded,
        codes,
        typed_label: label,
        description,
        errors,
        notice,
        text_questions,
        ctx,
    })
}

pub async fn show_codes(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<CodesPage, AppError> {
    codes_page(
        &state,
        ctx,
        &id,
        String::new(),
        String::new(),
        Errors::default(),
        notice,
    )
    .await
}

pub async fn add_code(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let (label, description) = (p.get("label"), p.get("description"));
    let result = qn::add_code(&state.core, &user, &id, &label, &description, &ctx.actor()).await;
    after_form(
        result,
        |_| format!("/questionnaires/{id}/codes?notice=code-added"),
        |errors| {
            codes_page(
                &state,
                ctx,
                &id,
                label,
                description,
                errors,
                Notice::default(),
            )
        },
    )
    .await
}

#[derive(serde::Deserialize, Default)]
pub struct PageQuery {
    #[serde(default)]
    page: usize,
    /// `complete` (default), `partial` or `all`.
    #[serde(default)]
    show: String,
}

pub async fn list_responses(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<ResponsesPage, AppError> {
    let user = ctx.require_user()?.clone();
    let page = q.page.max(1);
    let show = qn::Include::parse(&q.show);
    let (loaded, mut items) = qn::managing::responses(&state.core, &user, &id, show, page).await?;
    let has_next = items.len() > 50;
    items.truncate(50);
    Ok(ResponsesPage {
        loaded,
        items,
        page,
        has_next,
        show,
        notice,
        ctx,
    })
}

/// Deletes one response, with the reason typed (kept in the audit log).
pub async fn delete_response(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, response)): Path<(String, String)>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let reason = p.get("reason");
    let result =
        qn::delete_response(&state.core, &user, &id, &response, &reason, &ctx.actor()).await;
    after_form(
        result,
        |()| format!("/questionnaires/{id}/responses?show=all&notice=response-deleted"),
        |errors| async {
            let mut page = response_page(&state, ctx, &id, &response).await?;
            page.reason = reason;
            page.errors = errors;
            Ok(page)
        },
    )
    .await
}

/// Gives a submitted identified response back to its respondent.
pub async fn reopen_response(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, response)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    qn::reopen_response(&state.core, &user, &id, &response, &ctx.actor()).await?;
    Ok(see_other(&format!(
        "/questionnaires/{id}/responses/{response}?notice=response-reopened"
    )))
}

pub async fn show_response(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path((id, response)): Path<(String, String)>,
) -> Result<ResponsePage, AppError> {
    let mut page = response_page(&state, ctx, &id, &response).await?;
    page.notice = notice;
    Ok(page)
}

async fn response_page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    response: &str,
) -> Result<ResponsePage, AppError> {
    let user = ctx.require_user()?.clone();
    let detail = qn::response(&state.core, &user, id, response, &ctx.actor()).await?;
    let lang = detail.def.language_for(ctx.lang()).to_owned();
    let mut answers = Vec::new();
    for q in detail.def.questions() {
        if !detail.given.has(&q.name) {
            continue;
        }
        let vals = detail.given.values(&q.name);
        let text = match q.kind() {
            Kind::Matrix => q
                .rows
                .iter()
                .map(|r| {
                    let v = detail.given.part(&q.name, &r.code);
                    format!(
                        "{} : {}",
                        r.label.get(&lang, &lang),
                        qn::code_label(q, v, &lang)
                    )
                })
                .collect::<Vec<_>>()
                .join(" · "),
            Kind::Ranking => {
                let mut ranked: Vec<(usize, String)> = q
                    .choices
                    .iter()
                    .filter_map(|c| {
                        detail
                            .given
                            .part(&q.name, &c.code)
                            .parse::<usize>()
                            .ok()
                            .map(|k| (k, c.label.get(&lang, &lang).to_owned()))
                    })
                    .collect();
                ranked.sort();
                ranked
                    .into_iter()
                    .map(|(k, l)| format!("{k}. {l}"))
                    .collect::<Vec<_>>()
                    .join(" · ")
            }
            k if k.is_closed() => vals
                .iter()
                .map(|v| qn::code_label(q, v, &lang))
                .collect::<Vec<_>>()
                .join(" · "),
            _ => vals.join(" "),
        };
        let other = detail.given.part(&q.name, "other");
        let text = if other.is_empty() {
            text
        } else {
            format!("{text} — « {other} »")
        };
        answers.push((q.label.get(&lang, &lang).to_owned(), text));
    }
    Ok(ResponsePage {
        detail,
        answers,
        reason: String::new(),
        errors: Errors::default(),
        notice: Notice::default(),
        ctx,
    })
}

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
    let user = ctx.require_user()?.clone();
    let include = qn::Include::parse(&q.include);
    let plan = export::plan(
        &state.core,
        &user,
        &id,
        ctx.lang(),
        q.labels == "1",
        include,
        &ctx.actor(),
    )
    .await?;
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
    let user = ctx.require_user()?.clone();
    let include = qn::Include::parse(&q.include);
    let plan = export::plan(
        &state.core,
        &user,
        &id,
        ctx.lang(),
        false,
        include,
        &ctx.actor(),
    )
    .await?;
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
    let user = ctx.require_user()?.clone();
    let plan = export::plan(
        &state.core,
        &user,
        &id,
        ctx.lang(),
        q.labels == "1",
        qn::Include::parse(&q.include),
        &ctx.actor(),
    )
    .await?;
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
