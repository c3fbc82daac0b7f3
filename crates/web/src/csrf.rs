//! CSRF protection on every state-changing request, deny by default.
//!
//! Each form carries a token in a hidden `csrf` field (htmx sends it as the `X-CSRF-Token`
//! header); a POST whose token is not the expected one is refused with 403 before any handler
//! runs. The expected token is bound to who is asking:
//! - signed in: a token kept in the server-side session, made at login (so it changes at every
//!   login, and a token read before login or from another session is worthless);
//! - anonymous: the value of an HttpOnly, SameSite=Strict cookie (double submit), replaced at
//!   login and logout, so that anonymous pages cost no database write.
//!
//! Requests a browser announces as coming from another site, or from a sibling subdomain
//! (`Sec-Fetch-Site: cross-site` or `same-site`), are refused too. A form with files is not
//! read whole here: only its beginning, up to the `csrf` field (forms put it first), is read
//! and then handed on with the rest of the stream, so an upload is never buffered twice and
//! its size is bounded once, by the upload limit.

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::Method;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use bytes::BytesMut;
use futures::StreamExt;
use subtle::ConstantTimeEq;

use crate::AppState;
use crate::ctx::{CSRF_COOKIE, Ctx, cookie_value};
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

/// How much of a form with files is read to find its `csrf` field.
const MULTIPART_PREFIX: usize = 64 * 1024;

/// The token this request must carry: the session's when signed in, else the cookie's.
fn expected(req: &Request) -> Option<String> {
    match req.extensions().get::<Ctx>() {
        Some(ctx) if ctx.signed_in() => Some(ctx.csrf.clone()),
        // The same minimum length as the context's (`ctx::load`), which replaces a shorter one.
        _ => cookie_value(req.headers(), CSRF_COOKIE).filter(|t| t.len() >= 32),
    }
}

/// Requests whose path carries their own credential, answered without the CSRF token (the
/// body is still read within the form limit):
/// - a questionnaire page sent through its private link (`/r/{token}/…`): the token in the
///   path is what authorises the draft, and those handlers use no ambient authority (neither
///   the session nor a cookie), so a forged request needs the link itself, which its holder
///   can use directly. A respondent whose cookies are gone keeps answering;
/// - starting an anonymous response when nobody is signed in: it creates a new draft and
///   grants nothing.
///
/// Cross-site requests are refused before this is asked.
fn token_in_path(path: &str, signed_in: bool) -> bool {
    let mut parts = path.trim_start_matches('/').split('/');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("r"), Some(token), Some(_), None) => !token.is_empty(),
        (Some("r"), Some(token), Some(_), Some("autosave")) => {
            !token.is_empty() && parts.next().is_none()
        }
        (Some("q"), Some(_), Some("start"), None) => !signed_in,
        _ => false,
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
        .is_some_and(|v| v == "cross-site" || v == "same-site")
    {
        return AppError::csrf().into_response();
    }
    let signed_in = req.extensions().get::<Ctx>().is_some_and(Ctx::signed_in);
    let by_token = token_in_path(req.uri().path(), signed_in);
    let expected = expected(&req).unwrap_or_default();
    if expected.is_empty() && !by_token {
        return AppError::csrf().into_response();
    }
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
    if header.is_none() && !is_form && !is_multipart && !by_token {
        return AppError::csrf().into_response();
    }
    let (parts, body) = req.into_parts();
    let (token, body) = if is_multipart {
        match header {
            // The header says it all: the body goes on untouched (streamed).
            Some(h) => (Some(h), body),
            None => match multipart_token(&content_type, body).await {
                Ok(found) => found,
                Err(response) => return response,
            },
        }
    } else {
        // Any other body is read whole, within the form limit, then handed on unchanged.
        let bytes = match to_bytes(body, state.core.config.max_body_bytes).await {
            Ok(b) => b,
            Err(_) => return AppError::payload_too_large().into_response(),
        };
        let token = header.or_else(|| {
            form_urlencoded::parse(&bytes)
                .find(|(k, _)| k == FIELD)
                .map(|(_, v)| v.into_owned())
        });
        (token, Body::from(bytes))
    };
    match token {
        Some(token) if same(&token, &expected) => next.run(Request::from_parts(parts, body)).await,
        _ if by_token => next.run(Request::from_parts(parts, body)).await,
        _ => AppError::csrf().into_response(),
    }
}

/// The `csrf` field of a `multipart/form-data` body, read from its first
/// [`MULTIPART_PREFIX`] bytes, and the whole body to hand on: what was read, then the rest of
/// the stream, unread. What was read is parsed again only when it has grown by
/// [`REPARSE_STEP`] bytes (or the body ended), so that a body sent in one-byte chunks costs
/// a few parses, not one per chunk.
async fn multipart_token(
    content_type: &str,
    body: Body,
) -> Result<(Option<String>, Body), Response> {
    let Ok(boundary) = multer::parse_boundary(content_type) else {
        return Err(AppError::bad_request().into_response());
    };
    let mut rest = body.into_data_stream();
    let mut read = BytesMut::new();
    let mut parsed_at = 0;
    let mut token = None;
    while token.is_none() && read.len() < MULTIPART_PREFIX {
        let ended = match rest.next().await {
            Some(chunk) => {
                let chunk = chunk.map_err(|_| AppError::payload_too_large().into_response())?;
                read.extend_from_slice(&chunk);
                false
            }
            None => true,
        };
        if ended || read.len() >= parsed_at + REPARSE_STEP || read.len() >= MULTIPART_PREFIX {
            parsed_at = read.len();
            token = field_in(read.clone().freeze(), &boundary).await;
        }
        if ended {
            break;
        }
    }
    let head = futures::stream::once(async move { Ok::<_, axum::Error>(read.freeze()) });
    Ok((token, Body::from_stream(head.chain(rest))))
}

/// Bytes read between two parses of a form with files' beginning.
const REPARSE_STEP: usize = 4 * 1024;

/// The `csrf` field if `bytes` hold all of it (a field cut short is not found yet).
async fn field_in(bytes: Bytes, boundary: &str) -> Option<String> {
    let stream = futures::stream::once(async move { Ok::<_, std::io::Error>(bytes) });
    let mut form = multer::Multipart::new(stream, boundary);
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some(FIELD) {
            return field.text().await.ok();
        }
    }
    None
}
