//! CSRF protection on every state-changing request, deny by default.
//!
//! Double-submit cookie: each browser gets a random token in an HttpOnly, SameSite=Strict cookie;
//! every form carries the same token in a hidden `csrf` field (htmx sends it as the
//! `X-CSRF-Token` header). A POST whose field does not match its cookie is refused with 403
//! before any handler runs; forms with files (`multipart/form-data`) carry the field too. The token lives in the cookie, not in the session, so anonymous
//! pages cost no database write. Cross-site requests announced by `Sec-Fetch-Site` are refused too.

use axum::body::Bytes;
use axum::body::{Body, to_bytes};
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::Method;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use subtle::ConstantTimeEq;

use crate::AppState;
use crate::ctx::{CSRF_COOKIE, cookie_value};
use crate::error::AppError;

pub const FIELD: &str = "csrf";
pub const HEADER: &str = "x-csrf-token";

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    if getrandom::fill(&mut bytes).is_err() {
        // No randomness: an empty token never validates, so forms fail closed.
        return String::new();
    }
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn same(a: &str, b: &str) -> bool {
    !a.is_empty() && a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// The largest body a request of this content type may carry: a form with files may be as
/// large as the upload limit plus its text fields; anything else only the form limit.
pub fn body_limit(config: &passerelle_core::Config, content_type: &str) -> usize {
    if content_type.starts_with("multipart/form-data") {
        config
            .max_upload_bytes
            .saturating_add(config.max_body_bytes)
    } else {
        config.max_body_bytes
    }
}

pub async fn verify(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    if headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "cross-site")
    {
        return AppError::csrf().into_response();
    }
    let Some(cookie) = cookie_value(headers, CSRF_COOKIE) else {
        return AppError::csrf().into_response();
    };
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let header = headers
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let is_form = content_type.starts_with("application/x-www-form-urlencoded");
    let is_multipart = content_type.starts_with("multipart/form-data");
    if header.is_none() && !is_form && !is_multipart {
        return AppError::csrf().into_response();
    }
    // Read the whole body once, within the limit of its kind, then hand it on unchanged.
    let (parts, body) = req.into_parts();
    let bytes = match to_bytes(body, body_limit(&state.core.config, &content_type)).await {
        Ok(b) => b,
        Err(_) => return AppError::payload_too_large().into_response(),
    };
    let token = match header {
        Some(h) => Some(h),
        None if is_form => form_urlencoded::parse(&bytes)
            .find(|(k, _)| k == FIELD)
            .map(|(_, v)| v.into_owned()),
        None => multipart_field(&content_type, bytes.clone()).await,
    };
    match token {
        Some(token) if same(&token, &cookie) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        _ => AppError::csrf().into_response(),
    }
}

/// The `csrf` field of a `multipart/form-data` body (forms put it first, so files before it
/// are rarely read twice).
async fn multipart_field(content_type: &str, bytes: Bytes) -> Option<String> {
    let req = Request::builder()
        .header(CONTENT_TYPE, content_type)
        .body(Body::from(bytes))
        .ok()?;
    let mut form = Multipart::from_request(req, &()).await.ok()?;
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some(FIELD) {
            return field.text().await.ok();
        }
    }
    None
}
