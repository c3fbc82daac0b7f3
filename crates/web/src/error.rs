//! Errors as users see them. Handlers return [`AppError`], which carries only a status and a
//! stable code; the [`render_errors`] middleware turns every error response — ours, axum's
//! rejections, the body limit, the 404 fallback — into a page in the visitor's language (or JSON
//! under `/api/`), logs 5xx once with the request id, and never shows internals.

use std::any::Any;

use askama::Template;
use askama_web::WebTemplate;
use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{CONTENT_TYPE, LOCATION, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use passerelle_core::Error;

use crate::ctx::Ctx;

/// What went wrong, for the error renderer. Internal details stay in the log.
#[derive(Debug, Clone)]
pub struct AppError {
    pub status: StatusCode,
    pub code: &'static str,
    detail: Option<String>,
    retry_after: Option<i64>,
}

impl AppError {
    pub fn new(status: StatusCode, code: &'static str) -> Self {
        AppError {
            status,
            code,
            detail: None,
            retry_after: None,
        }
    }
    pub fn internal(detail: impl Into<String>) -> Self {
        AppError {
            detail: Some(detail.into()),
            ..AppError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        }
    }
    pub fn unauthenticated() -> Self {
        AppError::new(StatusCode::UNAUTHORIZED, "unauthenticated")
    }
    pub fn forbidden() -> Self {
        AppError::new(StatusCode::FORBIDDEN, "forbidden")
    }
    pub fn not_found() -> Self {
        AppError::new(StatusCode::NOT_FOUND, "not-found")
    }
    pub fn csrf() -> Self {
        AppError::new(StatusCode::FORBIDDEN, "csrf")
    }
    pub fn bad_request() -> Self {
        AppError::new(StatusCode::BAD_REQUEST, "bad-request")
    }
    pub fn payload_too_large() -> Self {
        AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload-too-large")
    }
}

impl From<Error> for AppError {
    fn from(e: Error) -> Self {
        match e {
            Error::Invalid(_) => AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
            Error::Unauthenticated => AppError::unauthenticated(),
            Error::Forbidden => AppError::forbidden(),
            Error::NotFound => AppError::not_found(),
            Error::Conflict(code) => AppError::new(StatusCode::CONFLICT, code),
            Error::RateLimited { retry_after } => AppError {
                retry_after: Some(retry_after),
                ..AppError::new(StatusCode::TOO_MANY_REQUESTS, "rate-limited")
            },
            Error::Busy => AppError {
                retry_after: Some(5),
                ..AppError::new(StatusCode::SERVICE_UNAVAILABLE, "busy")
            },
            Error::Database(e) => AppError::internal(format!("database: {e}")),
            Error::Internal(e) => AppError::internal(e),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        if let Some(secs) = self.retry_after
            && let Ok(v) = HeaderValue::from_str(&secs.to_string())
        {
            response.headers_mut().insert(RETRY_AFTER, v);
        }
        response.extensions_mut().insert(self);
        response
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "errors/error.html")]
struct ErrorPage {
    ctx: Ctx,
    status: u16,
    title: String,
    message: String,
}

fn code_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 | 415 | 422 => "bad-request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        408 => "timeout",
        409 => "conflict",
        410 => "gone",
        413 => "payload-too-large",
        429 => "rate-limited",
        503 => "busy",
        _ => "internal",
    }
}

/// Turns error responses into pages (or JSON under `/api/`).
pub async fn render_errors(req: Request, next: Next) -> Response {
    let ctx = req.extensions().get::<Ctx>().cloned();
    let is_api = req.uri().path().starts_with("/api/");
    let response = next.run(req).await;
    let status = response.status();
    if status.as_u16() < 400 {
        return response;
    }
    let info = response.extensions().get::<AppError>().cloned();
    let has_body = response.headers().get(CONTENT_TYPE).is_some_and(|ct| {
        ct.to_str()
            .is_ok_and(|ct| ct.starts_with("text/html") || ct.starts_with("application/json"))
    });
    if info.is_none() && has_body {
        return response; // a form re-rendered with its errors, or an API answer
    }
    // axum's form rejections answer 422; a body we cannot read is a bad request.
    let (status, code) = match &info {
        Some(e) => (e.status, e.code),
        None if status == StatusCode::UNPROCESSABLE_ENTITY
            || status == StatusCode::UNSUPPORTED_MEDIA_TYPE =>
        {
            (StatusCode::BAD_REQUEST, "bad-request")
        }
        None => (status, code_for(status)),
    };
    let Some(ctx) = ctx else {
        return (status, "error").into_response();
    };
    if status.is_server_error() {
        let detail = info
            .as_ref()
            .and_then(|e| e.detail.clone())
            .unwrap_or_default();
        tracing::error!(status = status.as_u16(), code, detail = %detail, "request failed");
    }
    let mut out = if is_api {
        let message = ctx.t(&format!("error-{code}"));
        let body = serde_json::json!({
            "error": { "status": status.as_u16(), "code": code, "message": message, "request_id": ctx.request_id }
        });
        (status, axum::Json(body)).into_response()
    } else if status == StatusCode::UNAUTHORIZED {
        // Browsers are sent to the login page and come back afterwards.
        let next: String = form_urlencoded::byte_serialize(ctx.path.as_bytes()).collect();
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::SEE_OTHER;
        if let Ok(v) = HeaderValue::from_str(&format!("/login?next={next}")) {
            r.headers_mut().insert(LOCATION, v);
        }
        r
    } else {
        let page = ErrorPage {
            status: status.as_u16(),
            title: ctx.t(&format!("error-{}-title", code_for(status))),
            message: ctx.t(&format!("error-{code}")),
            ctx,
        };
        (status, page).into_response()
    };
    if let Some(v) = response.headers().get(RETRY_AFTER) {
        out.headers_mut().insert(RETRY_AFTER, v.clone());
    }
    out
}

pub async fn not_found() -> AppError {
    AppError::not_found()
}

/// A panic becomes a plain 500 (the renderer adds the page); its message goes to the log only.
pub fn panic_response(err: Box<dyn Any + Send + 'static>) -> Response {
    let detail = err
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "panic".into());
    tracing::error!(panic = %detail, "handler panicked");
    let mut r = Response::new(Body::from("Internal Server Error"));
    *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    r
}
