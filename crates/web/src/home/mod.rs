//! The home page, the language switch and the health probes.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use passerelle_core::organisations::{self, MembershipSummary};
use passerelle_core::{Locale, accounts};
use serde::Deserialize;

use crate::AppState;
use crate::ctx::{Ctx, lang_cookie};
use crate::error::AppError;
use crate::forms::{FormData, local_next};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/", get(show_home))
        .post("/language", post(switch_language))
        .get("/healthz", get(healthz))
        .get("/readyz", get(readyz))
}

#[derive(Template, WebTemplate)]
#[template(path = "home/home.html")]
struct HomePage {
    ctx: Ctx,
    memberships: Vec<MembershipSummary>,
}

async fn show_home(State(state): State<AppState>, ctx: Ctx) -> Result<HomePage, AppError> {
    let memberships = match &ctx.user {
        Some(u) => organisations::memberships_of(&state.core, u).await?,
        None => vec![],
    };
    Ok(HomePage { ctx, memberships })
}

#[derive(Deserialize)]
struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    next: String,
}

/// Remembers the language in a cookie and, for signed-in people, in their profile.
async fn switch_language(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<LanguageForm>,
) -> Result<Response, AppError> {
    let locale = Locale::parse(&form.lang).ok_or_else(AppError::bad_request)?;
    if let Some(user) = &ctx.user {
        accounts::set_locale(&state.core, user, locale).await?;
    }
    Ok((
        StatusCode::SEE_OTHER,
        [
            (LOCATION, local_next(&form.next)),
            (SET_COOKIE, lang_cookie(locale, state.core.config.https())),
        ],
    )
        .into_response())
}

/// Liveness: the process answers.
async fn healthz() -> &'static str {
    "ok"
}

/// Readiness: the database answers.
async fn readyz(State(state): State<AppState>) -> Response {
    match state.core.db.ping().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "readiness check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
        }
    }
}
