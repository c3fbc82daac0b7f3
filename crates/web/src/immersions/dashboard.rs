//! The programme dashboard and its CSV / XLSX exports.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use passerelle_core::immersions::{self, Counts, Dashboard};
use passerelle_export::{Cell, Table};
use serde::Deserialize;

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;

/// The follow-up answers of the programme's immersions, for its coordinator.
pub async fn show_follow_ups(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<FollowUpsPage, AppError> {
    let user = ctx.require_user()?;
    let (programme, rows) = immersions::follow_up_answers(&state.core, user, &slug).await?;
    Ok(FollowUpsPage {
        ctx,
        programme,
        rows,
    })
}

/// The follow-up answers as CSV or XLSX (months and "still in contact" as numbers).
pub async fn export_follow_ups(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let (_, rows) = immersions::follow_up_answers(&state.core, user, &slug).await?;
    let table = Table {
        title: ctx.t("follow-ups-title"),
        headers: vec![
            ctx.t("field-offer-title"),
            ctx.t("follow-ups-recipient"),
            ctx.t("follow-ups-side"),
            ctx.t("follow-ups-months"),
            ctx.t("follow-ups-sent"),
            ctx.t("follow-ups-answered"),
            ctx.t("follow-ups-in-contact"),
            ctx.t("follow-ups-lasting"),
            ctx.t("follow-ups-changes"),
        ],
        rows: rows
            .iter()
            .map(|f| {
                vec![
                    Cell::from(f.offer_title.clone()),
                    Cell::from(f.recipient_name.clone()),
                    Cell::from(ctx.tk("follow-ups-side-", &f.side)),
                    Cell::from(f.months),
                    Cell::from(passerelle_core::clock::format_rfc3339(f.sent_at)),
                    Cell::from(
                        f.answered_at
                            .map(passerelle_core::clock::format_rfc3339)
                            .unwrap_or_default(),
                    ),
                    f.still_in_contact
                        .map_or_else(|| Cell::from(""), Cell::from),
                    Cell::from(f.lasting.clone()),
                    Cell::from(f.changes.clone()),
                ]
            })
            .collect(),
    };
    let name = format!("{slug}-follow-ups");
    let (bytes, mime, ext) = match q.format.as_str() {
        "csv" => (
            passerelle_export::csv(&table),
            "text/csv; charset=utf-8",
            "csv",
        ),
        "xlsx" => (passerelle_export::xlsx(&table), XLSX, "xlsx"),
        _ => return Err(AppError::not_found()),
    };
    let bytes = bytes.map_err(|e| AppError::internal(e.to_string()))?;
    Ok(download(bytes, mime, &format!("{name}.{ext}")))
}

pub async fn show_dashboard(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<DashboardPage, AppError> {
    let user = ctx.require_user()?;
    let dashboard = immersions::dashboard(&state.core, user, &slug).await?;
    Ok(DashboardPage { dashboard, ctx })
}

/// One table of the dashboard, translated: `(code, title, rows of (label, count))`.
pub type CountTable = (&'static str, String, Vec<(String, i64)>);

/// The tables of the dashboard.
pub fn tables(ctx: &Ctx, d: &Dashboard) -> Vec<CountTable> {
    let label = |prefix: &str, rows: &Counts| -> Vec<(String, i64)> {
        rows.iter()
            .map(|(k, n)| {
                (
                    if prefix.is_empty() {
                        k.clone()
                    } else {
                        ctx.tk(prefix, k)
                    },
                    *n,
                )
            })
            .collect()
    };
    vec![
        (
            "status",
            ctx.t("dashboard-by-status"),
            label("agreement-status-", &d.by_status),
        ),
        ("year", ctx.t("dashboard-by-year"), label("", &d.by_year)),
        (
            "country",
            ctx.t("dashboard-by-country"),
            label("country-", &d.by_country),
        ),
        (
            "direction",
            ctx.t("dashboard-by-direction"),
            label("direction-", &d.by_direction),
        ),
        (
            "satisfaction",
            ctx.t("dashboard-satisfaction"),
            label("report-satisfaction-", &d.satisfaction),
        ),
        (
            "reply",
            ctx.t("dashboard-reply-by-host"),
            label("", &d.reply_hours_by_host),
        ),
    ]
}

/// The key figures as `(label, value)`.
pub fn indicators(ctx: &Ctx, d: &Dashboard) -> Vec<(String, String)> {
    let none = || ctx.t("dashboard-none");
    let pct = |a: i64, b: i64| {
        if b == 0 {
            none()
        } else {
            ctx.locale.t_args(
                "dashboard-percent",
                &[
                    ("pct", ((a * 100 + b / 2) / b).to_string().into()),
                    ("a", a.to_string().into()),
                    ("b", b.to_string().into()),
                ],
            )
        }
    };
    vec![
        (ctx.t("dashboard-immersions"), d.immersions.to_string()),
        (
            ctx.t("dashboard-in-preparation"),
            d.in_preparation.to_string(),
        ),
        (
            ctx.t("dashboard-median-duration"),
            d.median_duration_days
                .map_or_else(none, |n| ctx.tn("duration-days", "count", n)),
        ),
        (
            ctx.t("dashboard-offers-without-applicants"),
            pct(d.offers_without_applicants, d.offers_published),
        ),
        (
            ctx.t("dashboard-median-reply"),
            d.median_reply_hours
                .map_or_else(none, |n| ctx.tn("duration-hours", "count", n)),
        ),
        (
            ctx.t("dashboard-satisfaction-mean"),
            d.satisfaction_mean
                .map_or_else(none, |m| format!("{m:.1} / 5")),
        ),
        (
            ctx.t("dashboard-reports"),
            pct(d.reports_in, d.reports_expected),
        ),
        (
            ctx.t("dashboard-follow-ups"),
            pct(d.follow_ups_answered, d.follow_ups_sent),
        ),
    ]
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ExportQuery {
    table: String,
    format: String,
}

/// The key figures as a table whose values are numbers (a spreadsheet sums and charts them):
/// `indicator | value | detail`, percentages as 0–100.
fn indicator_table(ctx: &Ctx, d: &Dashboard) -> Table {
    let pct = |a: i64, b: i64| -> (Cell, Cell) {
        if b == 0 {
            (Cell::from(""), Cell::from(""))
        } else {
            (
                Cell::from((a * 1000 / b) as f64 / 10.0),
                Cell::from(format!("{a}/{b}")),
            )
        }
    };
    let num = |v: Option<f64>| (v.map_or_else(|| Cell::from(""), Cell::from), Cell::from(""));
    let rows = vec![
        (
            ctx.t("dashboard-immersions"),
            num(Some(d.immersions as f64)),
        ),
        (
            ctx.t("dashboard-in-preparation"),
            num(Some(d.in_preparation as f64)),
        ),
        (
            ctx.t("dashboard-median-duration-days"),
            num(d.median_duration_days.map(|n| n as f64)),
        ),
        (
            ctx.t("dashboard-offers-without-applicants-pct"),
            pct(d.offers_without_applicants, d.offers_published),
        ),
        (
            ctx.t("dashboard-median-reply-hours"),
            num(d.median_reply_hours.map(|n| n as f64)),
        ),
        (
            ctx.t("dashboard-satisfaction-mean"),
            num(d.satisfaction_mean),
        ),
        (
            ctx.t("dashboard-reports-pct"),
            pct(d.reports_in, d.reports_expected),
        ),
        (
            ctx.t("dashboard-follow-ups-pct"),
            pct(d.follow_ups_answered, d.follow_ups_sent),
        ),
    ];
    Table {
        title: ctx.t("dashboard-indicators"),
        headers: vec![
            ctx.t("dashboard-indicator"),
            ctx.t("dashboard-value"),
            ctx.t("dashboard-detail"),
        ],
        rows: rows
            .into_iter()
            .map(|(k, (v, detail))| vec![Cell::from(k), v, detail])
            .collect(),
    }
}

/// The immersions counted, one per row, durations in days as numbers.
fn immersion_table(ctx: &Ctx, d: &Dashboard) -> Table {
    Table {
        title: ctx.t("dashboard-immersion-list"),
        headers: vec![
            ctx.t("field-offer-title"),
            ctx.t("agreement-participant"),
            ctx.t("agreement-host"),
            ctx.t("field-status"),
            ctx.t("term-start"),
            ctx.t("term-end"),
            ctx.t("dashboard-days"),
        ],
        rows: d
            .list
            .iter()
            .map(|i| {
                vec![
                    Cell::from(i.offer_title.clone()),
                    Cell::from(i.participant_name.clone()),
                    Cell::from(i.host_name.clone()),
                    Cell::from(ctx.tk("agreement-status-", &i.status)),
                    Cell::from(i.start.clone()),
                    Cell::from(i.end.clone()),
                    i.days.map_or_else(|| Cell::from(""), Cell::from),
                ]
            })
            .collect(),
    }
}

fn count_table(ctx: &Ctx, title: String, rows: Vec<(String, i64)>) -> Table {
    Table {
        title,
        headers: vec![ctx.t("dashboard-category"), ctx.t("dashboard-count")],
        rows: rows
            .into_iter()
            .map(|(k, n)| vec![Cell::from(k), Cell::from(n)])
            .collect(),
    }
}

pub async fn export_dashboard(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let d = immersions::dashboard(&state.core, user, &slug).await?;
    let mut book = vec![indicator_table(&ctx, &d), immersion_table(&ctx, &d)];
    book.extend(
        tables(&ctx, &d)
            .into_iter()
            .map(|(_, title, rows)| count_table(&ctx, title, rows)),
    );
    let name = format!("{slug}-{}", q.table);
    if q.table == "all" {
        if q.format != "xlsx" {
            return Err(AppError::not_found());
        }
        let bytes =
            passerelle_export::xlsx_book(&book).map_err(|e| AppError::internal(e.to_string()))?;
        return Ok(download(bytes, XLSX, &format!("{name}.xlsx")));
    }
    let table = match q.table.as_str() {
        "indicators" => indicator_table(&ctx, &d),
        "immersions" => immersion_table(&ctx, &d),
        code => {
            let (_, title, rows) = tables(&ctx, &d)
                .into_iter()
                .find(|(c, _, _)| *c == code)
                .ok_or_else(AppError::not_found)?;
            count_table(&ctx, title, rows)
        }
    };
    let (bytes, mime, ext) = match q.format.as_str() {
        "csv" => (
            passerelle_export::csv(&table),
            "text/csv; charset=utf-8",
            "csv",
        ),
        "xlsx" => (passerelle_export::xlsx(&table), XLSX, "xlsx"),
        _ => return Err(AppError::not_found()),
    };
    let bytes = bytes.map_err(|e| AppError::internal(e.to_string()))?;
    Ok(download(bytes, mime, &format!("{name}.{ext}")))
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn download(bytes: Vec<u8>, mime: &str, filename: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}
