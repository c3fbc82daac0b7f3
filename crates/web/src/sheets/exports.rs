//! Exports: one sheet as a typeset PDF, DOCX, Markdown and JSON; a catalogue selection as CSV
//! and XLSX.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use passerelle_core::sheets::{self, Published, catalogue};
use passerelle_export::pdf::{Block, Document};
use passerelle_export::{Cell, Table};

use super::catalogue::selection;
use super::pages::{FieldView, field_views, names, value_label};
use crate::AppState;
use crate::ctx::Ctx;
use crate::documents::{self, download};
use crate::error::AppError;
use crate::forms::Errors;

async fn load(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
) -> Result<(Published, Vec<FieldView>), AppError> {
    let sheet = sheets::published(&state.core, ctx.user.as_ref(), id).await?;
    let fields = field_views(
        ctx,
        sheet.ty,
        &sheet.content,
        &Errors::default(),
        &[],
        false,
    );
    Ok((sheet, fields))
}

/// The facts shown in a table at the top of a sheet: its choices and who wrote it.
fn facts(ctx: &Ctx, sheet: &Published, fields: &[FieldView]) -> Vec<(String, String)> {
    let mut facts = vec![(ctx.t("sheet-type"), ctx.tk("sheet-type-", &sheet.row.kind))];
    for f in fields {
        if matches!(f.kind, "choice" | "multi" | "territory") && !f.is_empty() {
            facts.push((f.label.clone(), f.chosen().join(", ")));
        }
    }
    facts.push((ctx.t("sheet-authors"), names(&sheet.authors)));
    if let Some(at) = sheet.row.published_at {
        facts.push((ctx.t("sheet-published-on"), ctx.date(&at)));
    }
    let p = sheet.provenance();
    if !p.kind.is_empty() {
        facts.push((
            ctx.t("sheet-provenance"),
            format!("{} — {}", ctx.tk("sheet-from-", &p.kind), p.label),
        ));
    }
    facts
}

/// The rows of a table field; contacts appear only with their consent.
fn table_rows(f: &FieldView) -> Vec<Vec<String>> {
    f.rows
        .iter()
        .enumerate()
        .filter(|(i, r)| r.iter().any(|c| !c.is_empty()) && (!f.consent || f.consent_at(i)))
        .map(|(_, r)| r.clone())
        .collect()
}

pub fn sheet_document(ctx: &Ctx, sheet: &Published, fields: &[FieldView], today: &str) -> Document {
    let mut blocks = vec![Block::Facts(facts(ctx, sheet, fields))];
    for f in fields.iter().skip(1) {
        if f.is_empty() || matches!(f.kind, "choice" | "multi" | "territory") {
            continue;
        }
        if f.name == "summary" {
            blocks.push(Block::Heading(f.label.clone()));
            blocks.push(Block::Paragraph(f.text.clone()));
            continue;
        }
        blocks.push(Block::Heading(f.label.clone()));
        match f.kind {
            "rich" => blocks.push(Block::Markdown(f.text.clone())),
            "items" => blocks.push(Block::List(f.items.clone())),
            "rows" => blocks.push(Block::Table {
                header: f.columns.iter().map(|(_, l)| l.clone()).collect(),
                rows: table_rows(f),
            }),
            _ => blocks.push(Block::Paragraph(f.text.clone())),
        }
    }
    let licence = value_label(ctx, "licence", sheet.content.text("licence"));
    Document {
        title: sheet.content.text("title").to_owned(),
        subtitle: ctx.tk("sheet-type-", &sheet.row.kind),
        lang: sheet.content.language().to_owned(),
        footer: format!("Passerelle · {licence} · {today}"),
        blocks,
    }
}

/// The sheet as the document its PDF, DOCX and Markdown are written from, and the name its
/// files take: its title and revision (`conferences-familiales-rev3`).
async fn document(state: &AppState, ctx: &Ctx, id: &str) -> Result<(Document, String), AppError> {
    let (sheet, fields) = load(state, ctx, id).await?;
    let doc = sheet_document(ctx, &sheet, &fields, &ctx.date(&state.core.clock.unix()));
    Ok((doc, file_stem(&sheet.row.title, sheet.revision)))
}

/// `conferences-familiales-rev3`: a file named after what it holds.
fn file_stem(title: &str, revision: i64) -> String {
    match passerelle_core::ids::slugify(title).as_str() {
        "" => format!("sheet-rev{revision}"),
        slug => format!("{slug}-rev{revision}"),
    }
}

pub async fn export_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (doc, name) = document(&state, &ctx, &id).await?;
    documents::pdf(&state.core, doc, &format!("{name}.pdf")).await
}

pub async fn export_markdown(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (mut doc, name) = document(&state, &ctx, &id).await?;
    doc.footer = format!(
        "{} · {}",
        doc.footer,
        state.core.link(&format!("/sheets/{id}"))
    );
    Ok(documents::markdown(&doc, &format!("{name}.md")))
}

/// A sheet as a Word document, for people who edit in Word or LibreOffice.
pub async fn export_docx(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (doc, name) = document(&state, &ctx, &id).await?;
    documents::docx(&doc, &format!("{name}.docx"))
}

#[derive(serde::Serialize)]
struct SheetJson<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    status: &'a str,
    revision: i64,
    published_at: Option<i64>,
    url: String,
    authors: Vec<&'a str>,
    provenance: sheets::Provenance,
    content: &'a sheets::Content,
}

pub async fn export_json(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let sheet = sheets::published(&state.core, ctx.user.as_ref(), &id).await?;
    let mut provenance = sheet.provenance();
    if !sheet.may_work {
        // The public sees where a sheet comes from, not the private address of the source.
        provenance.id.clear();
    }
    let body = SheetJson {
        id: &sheet.row.id,
        kind: &sheet.row.kind,
        status: &sheet.row.status,
        revision: sheet.revision,
        published_at: sheet.row.published_at,
        url: state.core.link(&format!("/sheets/{id}")),
        authors: sheet.authors.iter().map(|a| a.name.as_str()).collect(),
        provenance,
        content: &sheet.content,
    };
    let json = serde_json::to_vec_pretty(&body).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(download(
        "application/json",
        &format!("{}.json", file_stem(&sheet.row.title, sheet.revision)),
        json,
    ))
}

async fn catalogue_table(
    state: &AppState,
    ctx: &Ctx,
    raw: Option<String>,
) -> Result<Table, AppError> {
    let rows = catalogue::export(&state.core, &selection(raw)).await?;
    let facets = &catalogue::FACETS[1..];
    let mut headers = vec![
        ctx.t("sheet-export-id"),
        ctx.t("sheet-type"),
        ctx.tk("sheet-field-", "title"),
        ctx.tk("sheet-field-", "summary"),
    ];
    headers.extend(facets.iter().map(|f| ctx.tk("sheet-facet-", f)));
    headers.push(ctx.t("sheet-published-on"));
    headers.push(ctx.t("sheet-export-link"));
    let rows = rows
        .into_iter()
        .map(|r| {
            let mut cells: Vec<Cell> = vec![
                r.id.clone().into(),
                ctx.tk("sheet-type-", &r.kind).into(),
                r.title.into(),
                r.summary.into(),
            ];
            for facet in facets {
                let values: Vec<String> = r
                    .facets
                    .iter()
                    .filter(|(f, _)| f == facet)
                    .map(|(f, v)| value_label(ctx, f, v))
                    .collect();
                cells.push(values.join(", ").into());
            }
            cells.push(ctx.date(&r.published_at).into());
            cells.push(state.core.link(&format!("/sheets/{}", r.id)).into());
            cells
        })
        .collect();
    Ok(Table {
        title: ctx.t("sheets-catalogue-title"),
        headers,
        rows,
    })
}

pub async fn export_catalogue_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let table = catalogue_table(&state, &ctx, raw).await?;
    let bytes = passerelle_export::csv(&table).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(download("text/csv; charset=utf-8", "sheets.csv", bytes))
}

pub async fn export_catalogue_xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let table = catalogue_table(&state, &ctx, raw).await?;
    let bytes = passerelle_export::xlsx(&table).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(download(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "sheets.xlsx",
        bytes,
    ))
}
