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
    ]
}

/// The key figures as `(label, value)`.
pub fn indicators(ctx: &Ctx, d: &Dashboard) -> Vec<(String, String)> {
    let none = || ctx.t("dashboard-none");
    let pct = |a: i64, b: i64| {
        if b == 0 {
            none()
        } else {
            format!("{} % ({a}/{b})", (a * 100 + b / 2) / b)
        }
    };
    vec![
        (ctx.t("dashboard-immersions"), d.immersions.to_string()),
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

pub async fn export_dashboard(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let d = immersions::dashboard(&state.core, user, &slug).await?;
    let table = if q.table == "indicators" {
        Table {
            title: ctx.t("dashboard-indicators"),
            headers: vec![ctx.t("dashboard-indicator"), ctx.t("dashboard-value")],
            rows: indicators(&ctx, &d)
                .into_iter()
                .map(|(k, v)| vec![Cell::from(k), Cell::from(v)])
                .collect(),
        }
    } else {
        let (_, title, rows) = tables(&ctx, &d)
            .into_iter()
            .find(|(code, _, _)| *code == q.table)
            .ok_or_else(AppError::not_found)?;
        Table {
            title,
            headers: vec![ctx.t("dashboard-category"), ctx.t("dashboard-count")],
            rows: rows
                .into_iter()
                .map(|(k, n)| vec![Cell::from(k), Cell::from(n)])
                .collect(),
        }
    };
    let name = format!("{slug}-{}", q.table);
    let (bytes, mime, ext) = match q.format.as_str() {
        "csv" => (
            passerelle_export::csv(&table),
            "text/csv; charset=utf-8",
            "csv",
        ),
        "xlsx" => (
            passerelle_export::xlsx(&table),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        _ => return Err(AppError::not_found()),
    };
    let bytes = bytes.map_err(|e| AppError::internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.{ext}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
