//! Every text a person sends goes through [`passerelle_core::text::clean_input`] here, once,
//! before any handler sees it: the query string, a form body, the text fields of a form with
//! files ([`crate::forms::FilesForm`] calls [`clean`]) and the path. So a NUL byte or a
//! bidirectional override is removed the same way whatever the database (PostgreSQL refuses NUL
//! in text and would answer 500; SQLite would store it), and no feature has to remember it.

use std::borrow::Cow;

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::Uri;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use passerelle_core::text::{clean_input, is_stripped};

use crate::AppState;
use crate::error::AppError;

/// `text` without the characters no input may hold.
pub fn clean(text: String) -> String {
    match clean_input(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(cleaned) => cleaned,
    }
}

/// Whether a field's value is kept exactly as typed: passwords are never stored or shown, only
/// hashed, and a password chosen before cleaning existed must still match.
fn kept_as_typed(name: &str) -> bool {
    name.contains("password")
}

/// `application/x-www-form-urlencoded` pairs with every name and value cleaned (passwords
/// excepted); `None` when nothing needed cleaning (the common case, which then costs no copy).
fn clean_pairs(encoded: &[u8]) -> Option<String> {
    let dirty = form_urlencoded::parse(encoded).any(|(k, v)| {
        k.chars().any(is_stripped) || (!kept_as_typed(&k) && v.chars().any(is_stripped))
    });
    if !dirty {
        return None;
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(encoded) {
        let value = if kept_as_typed(&k) {
            v.clone()
        } else {
            clean_input(&v)
        };
        out.append_pair(&clean_input(&k), &value);
    }
    Some(out.finish())
}

/// Cleans the query string and a form body; a path that decodes to a control character names
/// nothing, so it is a 404 page rather than a lookup the database may refuse.
pub async fn clean_request(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let decoded_path = percent_decode(parts.uri.path());
    if decoded_path.chars().any(is_stripped) {
        return AppError::not_found().into_response();
    }
    if let Some(query) = parts.uri.query()
        && let Some(cleaned) = clean_pairs(query.as_bytes())
    {
        let rebuilt = format!("{}?{cleaned}", parts.uri.path());
        match rebuilt.parse::<Uri>() {
            Ok(uri) => parts.uri = uri,
            Err(_) => return AppError::bad_request().into_response(),
        }
    }
    let is_form = parts
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return next.run(Request::from_parts(parts, body)).await;
    }
    // Form bodies were read whole and held to `max_body_bytes` by `csrf::verify` already.
    let bytes = match to_bytes(body, state.core.config.max_body_bytes).await {
        Ok(b) => b,
        Err(_) => return AppError::payload_too_large().into_response(),
    };
    let body = match clean_pairs(&bytes) {
        None => Body::from(bytes),
        Some(cleaned) => {
            parts.headers.remove(CONTENT_LENGTH);
            Body::from(cleaned)
        }
    };
    next.run(Request::from_parts(parts, body)).await
}

/// A path with its `%XX` escapes decoded (lossily: only control characters are looked for).
fn percent_decode(path: &str) -> Cow<'_, str> {
    percent_encoding::percent_decode_str(path).decode_utf8_lossy()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_pairs_are_cleaned_only_when_needed() {
        assert_eq!(clean_pairs(b"name=Ana%C3%AFs&csrf=x"), None);
        assert_eq!(
            clean_pairs(b"name=Ana%00s&q=%E2%80%AEevil&n%07=1").as_deref(),
            Some("name=Anas&q=evil&n=1")
        );
        assert_eq!(clean_pairs(b"password=a%07b&current_password=%00"), None);
        assert_eq!(
            clean_pairs(b"password=a%07b&name=x%00").as_deref(),
            Some("password=a%07b&name=x")
        );
    }

    #[test]
    fn paths_are_read_decoded() {
        assert!(percent_decode("/organisations/%00x").contains('\0'));
        assert_eq!(percent_decode("/a+b%20c"), "/a+b c");
    }
}
