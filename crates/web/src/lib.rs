//! Passerelle's HTTP layer: routers, extractors, middleware, pages and assets.
//!
//! Each feature is a folder with `mod.rs` (its `routes()`), `handlers.rs`, `forms.rs` and
//! `pages.rs`; templates live under `templates/<feature>/`. Every route is registered through
//! [`routes::Routes`], which records it in the table the authorization test checks.

mod accounts;
mod admin;
mod api;
mod assets;
mod csrf;
pub mod ctx;
mod documents;
mod error;
mod forms;
mod fragments;
mod home;
mod immersions;
mod input;
mod organisations;
mod questionnaires;
pub mod routes;
mod security;
mod session_store;
mod sheets;
mod syntheses;

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, Request};
use passerelle_core::Core;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

pub use error::AppError;

/// Shared by every handler. Holds nothing another instance would need.
#[derive(Clone)]
pub struct AppState {
    pub core: Core,
    /// Rendered page parts served to anonymous visitors (see `fragments.rs`).
    pub fragments: std::sync::Arc<fragments::FragmentCache>,
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The whole application: routes and middleware, ready to serve.
pub fn app(core: Core) -> Router {
    let state = AppState {
        core: core.clone(),
        fragments: Default::default(),
    };
    let sessions = SessionManagerLayer::new(session_store::DbSessionStore::new(core.clone()))
        .with_name("passerelle_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(core.config.https())
        .with_expiry(Expiry::OnInactivity(time::Duration::days(14)));

    let (router, _) = routes::all();
    // The outer limit admits a form with files; `csrf::verify` holds every other body to
    // `max_body_bytes`, and `forms::FilesForm` the files of a form to `max_upload_bytes`.
    let limit = core
        .config
        .max_upload_bytes
        .saturating_add(core.config.max_body_bytes);
    router
        .fallback(error::not_found)
        // Innermost first: input cleaning, CSRF check, error pages, request context, sessions.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            input::clean_request,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            csrf::verify,
        ))
        .layer(axum::middleware::from_fn(error::render_errors))
        .layer(axum::middleware::from_fn_with_state(state.clone(), ctx::load))
        .layer(sessions)
        .layer(DefaultBodyLimit::max(limit))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                    let id = req
                        .headers()
                        .get(REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
                }))
                .layer(PropagateRequestIdLayer::new(REQUEST_ID))
                .layer(CatchPanicLayer::custom(error::panic_response))
                .layer(security::headers(core.config.https()))
                .layer(CompressionLayer::new())
                .layer(RequestBodyLimitLayer::new(limit))
                .layer(TimeoutLayer::with_status_code(
                    axum::http::StatusCode::REQUEST_TIMEOUT,
                    Duration::from_secs(30),
                )),
        )
        .with_state(state)
}
