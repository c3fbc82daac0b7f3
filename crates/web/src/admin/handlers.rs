//! Administration handlers.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passerelle_core::accounts::{self, Role, policy};
use passerelle_core::audit::{self, AuditFilter};
use passerelle_core::{Error, jobs, mail, organisations};
use serde::Deserialize;

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{FormData, Notice, see_other};

const PAGE_SIZE: i64 = 50;

/// Administrators only; anonymous visitors are sent to the login page first.
fn require_admin(ctx: &Ctx) -> Result<(), AppError> {
    let user = ctx.require_user()?;
    if policy::may_administer(Some(user)) {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

pub async fn show_dashboard(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<DashboardPage, AppError> {
    require_admin(&ctx)?;
    let mut conn = state.core.db.pool.acquire().await.map_err(Error::from)?;
    let organisations = organisations::store::count(&mut conn)
        .await
        .map_err(Error::from)?;
    let (jobs_pending, _, jobs_failed) =
        jobs::store::counts(&mut conn).await.map_err(Error::from)?;
    let smtp = !state.core.config.smtp.host.is_empty();
    Ok(DashboardPage {
        ctx,
        organisations,
        jobs_pending,
        jobs_failed,
        smtp,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OutboxQuery {
    to: String,
    page: Option<i64>,
}

pub async fn list_outbox(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<OutboxQuery>,
) -> Result<OutboxPage, AppError> {
    require_admin(&ctx)?;
    let page = q.page.unwrap_or(1).clamp(1, 100_000);
    let mut conn = state.core.db.pool.acquire().await.map_err(Error::from)?;
    let to = q.to.trim().to_lowercase();
    let mut emails = mail::store::list(&mut conn, &to, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)
        .await
        .map_err(Error::from)?;
    let has_next = emails.len() as i64 > PAGE_SIZE;
    emails.truncate(PAGE_SIZE as usize);
    Ok(OutboxPage {
        ctx,
        emails,
        to,
        page,
        has_next,
    })
}

pub async fn show_email(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<EmailPage, AppError> {
    require_admin(&ctx)?;
    let mut conn = state.core.db.pool.acquire().await.map_err(Error::from)?;
    let email = mail::store::by_id(&mut conn, &id)
        .await
        .map_err(Error::from)?
        .ok_or_else(AppError::not_found)?;
    // Links of the message, clickable (developers and browser tests follow them from here).
    let links = email
        .body_text
        .split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(str::to_owned)
        .collect();
    Ok(EmailPage { ctx, email, links })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AuditQuery {
    action: String,
    who: String,
    ip: String,
    from: String,
    until: String,
    page: Option<i64>,
}

/// `YYYY-MM-DD` as the unix time of that day's start (UTC); anything else is "no bound".
fn day_start(s: &str) -> Option<i64> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(s.trim(), &format)
        .ok()
        .map(|d| d.midnight().assume_utc().unix_timestamp())
}

pub async fn list_audit(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<AuditQuery>,
) -> Result<AuditPage, AppError> {
    require_admin(&ctx)?;
    let page = q.page.unwrap_or(1).clamp(1, 100_000);
    let action = if audit::action::ALL.contains(&q.action.as_str()) {
        q.action.clone()
    } else {
        String::new()
    };
    let filter = AuditFilter {
        action: action.clone(),
        who: q.who.trim().to_owned(),
        ip: q.ip.trim().to_owned(),
        from: day_start(&q.from),
        until: day_start(&q.until).map(|d| d + 86_400),
    };
    let mut conn = state.core.db.pool.acquire().await.map_err(Error::from)?;
    let mut rows = audit::store::list(&mut conn, &filter, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)
        .await
        .map_err(Error::from)?;
    let has_next = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    Ok(AuditPage {
        ctx,
        rows,
        action,
        who: q.who,
        ip: q.ip,
        from: q.from,
        until: q.until,
        page,
        has_next,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UsersQuery {
    q: String,
    page: Option<i64>,
}

async fn users_page(
    state: &AppState,
    ctx: Ctx,
    q: UsersQuery,
    notice: Notice,
    banner: String,
) -> Result<UsersPage, AppError> {
    let page = q.page.unwrap_or(1).clamp(1, 100_000);
    let mut users = accounts::list(
        &state.core,
        q.q.trim(),
        PAGE_SIZE + 1,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let has_next = users.len() as i64 > PAGE_SIZE;
    users.truncate(PAGE_SIZE as usize);
    Ok(UsersPage {
        ctx,
        users,
        q: q.q,
        page,
        has_next,
        notice,
        banner,
    })
}

pub async fn list_users(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Query(q): Query<UsersQuery>,
) -> Result<UsersPage, AppError> {
    require_admin(&ctx)?;
    users_page(&state, ctx, q, notice, String::new()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RoleForm {
    role: String,
}

pub async fn set_user_role(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    FormData(form): FormData<RoleForm>,
) -> Result<Response, AppError> {
    require_admin(&ctx)?;
    let admin = ctx.require_user()?.clone();
    let role = Role::parse(&form.role).ok_or_else(AppError::bad_request)?;
    match accounts::set_role(&state.core, Some(&admin), &id, role, &ctx.actor()).await {
        Ok(()) => Ok(see_other("/admin/users?notice=role-changed")),
        Err(Error::Conflict(code)) => {
            let banner = ctx.t(&format!("error-{code}"));
            let page = users_page(
                &state,
                ctx,
                UsersQuery::default(),
                Notice::default(),
                banner,
            )
            .await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
