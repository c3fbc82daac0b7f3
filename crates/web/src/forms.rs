//! Form helpers shared by features: the body extractor that answers 400 on malformed input, and
//! field errors as pages show them.

use axum::extract::{FromRequest, Request};
use passerelle_core::immersions::Upload;
use passerelle_core::validate::FieldErrors;
use serde::de::DeserializeOwned;

use crate::ctx::Ctx;
use crate::error::AppError;

/// `application/x-www-form-urlencoded` body; malformed bodies are a 400 page, not a 500.
pub struct FormData<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for FormData<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(v)) => Ok(FormData(v)),
            Err(rejection) if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::payload_too_large())
            }
            Err(_) => Err(AppError::bad_request()),
        }
    }
}

/// A form body read as pairs, for forms with repeated fields (checkbox groups).
pub struct Pairs(pub Vec<(String, String)>);

impl Pairs {
    /// The first value of `key`, or empty.
    pub fn get(&self, key: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Every value of `key`, in order.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

impl<S: Send + Sync> FromRequest<S> for Pairs {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let FormData(pairs) = FormData::<Vec<(String, String)>>::from_request(req, state).await?;
        Ok(Pairs(pairs))
    }
}

/// A `multipart/form-data` body (a form with files): its text fields as [`Pairs`] (cleaned
/// like every input, see `input.rs`), its files as [`Upload`]s under their field name. Files
/// are read chunk by chunk into their one buffer; past `max_upload_bytes` in all, reading stops
/// and the answer is a 413 page. A malformed body is a 400 page.
pub struct FilesForm {
    pub fields: Pairs,
    pub files: Vec<(String, Upload)>,
}

impl FilesForm {
    /// The files sent under `field`.
    pub fn files(&self, field: &str) -> Vec<Upload> {
        self.files
            .iter()
            .filter(|(name, _)| name == field)
            .map(|(_, u)| u.clone())
            .collect()
    }
}

fn multipart_error(e: axum::extract::multipart::MultipartError) -> AppError {
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        AppError::payload_too_large()
    } else {
        AppError::bad_request()
    }
}

impl FromRequest<crate::AppState> for FilesForm {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &crate::AppState) -> Result<Self, Self::Rejection> {
        let max = state.core.config.max_upload_bytes;
        let mut form = axum::extract::Multipart::from_request(req, state)
            .await
            .map_err(|_| AppError::bad_request())?;
        let mut fields = Vec::new();
        let mut files = Vec::new();
        let mut total = 0usize;
        while let Some(mut field) = form.next_field().await.map_err(multipart_error)? {
            let name = field.name().unwrap_or_default().to_owned();
            match field.file_name().map(str::to_owned) {
                Some(filename) => {
                    let mut bytes = Vec::new();
                    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
                        total = total.saturating_add(chunk.len());
                        if total > max {
                            return Err(AppError::payload_too_large());
                        }
                        bytes.extend_from_slice(&chunk);
                    }
                    files.push((
                        name,
                        Upload {
                            filename: crate::input::clean(filename),
                            bytes,
                        },
                    ));
                }
                None => fields.push((
                    crate::input::clean(name),
                    crate::input::clean(field.text().await.map_err(multipart_error)?),
                )),
            }
        }
        Ok(FilesForm {
            fields: Pairs(fields),
            files,
        })
    }
}

/// Field errors, translated on demand by templates.
#[derive(Debug, Clone, Default)]
pub struct Errors(pub FieldErrors);

impl Errors {
    /// The translated message for `field`, or empty.
    pub fn msg(&self, ctx: &Ctx, field: &str) -> String {
        self.0
            .get(field)
            .map(|code| ctx.t(code))
            .unwrap_or_default()
    }

    /// `(field, message)` pairs for the summary at the top of a form.
    pub fn summary(&self, ctx: &Ctx) -> Vec<(&'static str, String)> {
        self.0.iter().map(|(f, c)| (f, ctx.t(c))).collect()
    }
}

/// Whether htmx asks for a page part only (`HX-Request` without `HX-Boosted`); read without
/// cloning the request's headers.
pub struct HxFragment(pub bool);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for HxFragment {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        let h = &parts.headers;
        Ok(HxFragment(
            h.contains_key("hx-request") && !h.contains_key("hx-boosted"),
        ))
    }
}

/// A one-line confirmation shown after a redirect (`?notice=<code>`). Only known codes are
/// shown, so the query string cannot inject text.
#[derive(Debug, Clone, Default)]
pub struct Notice(pub Option<&'static str>);

/// The browser's `User-Agent`, as recorded with a signature (empty when absent or not text).
pub fn user_agent(headers: &axum::http::HeaderMap) -> &str {
    headers
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

const NOTICES: &[&str] = &[
    "sheet-created",
    "sheet-saved",
    "sheet-merged",
    "sheet-unchanged",
    "sheet-status-submitted",
    "sheet-status-changes_requested",
    "sheet-status-published",
    "sheet-status-archived",
    "sheet-status-draft",
    "sheet-author-added",
    "sheet-reviewers-changed",
    "sheet-files-added",
    "sheet-file-removed",
    "synthesis-saved",
    "synthesis-merged",
    "synthesis-published",
    "synthesis-unpublished",
    "registered",
    "confirmed",
    "password-reset",
    "password-changed",
    "profile-saved",
    "logged-out",
    "unlocked",
    "account-deleted",
    "org-created",
    "org-saved",
    "invited",
    "invitation-revoked",
    "signatory-added",
    "signatory-removed",
    "signatory-named",
    "amendment-withdrawn",
    "amendment-proposed",
    "already-applied",
    "member-updated",
    "member-removed",
    "joined",
    "role-changed",
    "admin-created",
    "left",
    "programme-created",
    "programme-saved",
    "offer-created",
    "offer-saved",
    "offer-status-changed",
    "offer-nudged",
    "applied",
    "message-sent",
    "application-updated",
    "search-saved",
    "search-deleted",
    "agreement-drafted",
    "agreement-saved",
    "agreement-submitted",
    "agreement-approved",
    "agreement-status-changed",
    "agreement-paired",
    "logbook-written",
    "report-submitted",
    "follow-up-answered",
    "review-saved",
    "review-confirmed",
    "note-saved",
    "output-added",
    "output-removed",
    "contact-added",
    "contact-removed",
    "action-added",
    "action-done",
    "question-sent",
    "alumni-joined",
    "alumni-left",
    "questionnaire-created",
    "questionnaire-saved",
    "questionnaire-moved",
    "questionnaire-removed",
    "questionnaire-duplicated",
    "questionnaire-status-changed",
    "answers-shown",
    "questions-unlocked",
    "response-deleted",
    "response-reopened",
    "link-sent",
    "answer-coded",
    "code-added",
    "invitations-sent",
    "reminders-sent",
];

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Notice {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        let code = parts.uri.query().and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "notice")
                .and_then(|(_, v)| NOTICES.iter().find(|n| **n == v).copied())
        });
        Ok(Notice(code))
    }
}

impl Notice {
    /// The translated notice, or empty.
    pub fn text(&self, ctx: &Ctx) -> String {
        self.0
            .map(|c| ctx.t(&format!("notice-{c}")))
            .unwrap_or_default()
    }
}

/// `attachment` with an ASCII fallback name and the real one in RFC 5987 form.
pub fn content_disposition(filename: &str) -> String {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A stored file as a download: never shown inline, never cached, named as uploaded.
pub fn stored_file(content_type: &str, filename: &str, data: Vec<u8>) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, content_disposition(filename)),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        data,
    )
        .into_response()
}

/// A 303 redirect (after a successful POST).
pub fn see_other(to: &str) -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        axum::http::StatusCode::SEE_OTHER,
        [(axum::http::header::LOCATION, to.to_owned())],
    )
        .into_response()
}

/// A page re-rendered with its field errors: 422, the user's input kept.
pub fn invalid(page: impl axum::response::IntoResponse) -> axum::response::Response {
    use axum::response::IntoResponse;
    (axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

/// The answer to a form: `303` to `to(value)` when the action succeeded; the page `again`
/// builds with the field errors (`422`, what was typed kept by the caller) when it refused the
/// input; any other error as it is.
pub async fn after_form<T, P, F>(
    result: passerelle_core::Result<T>,
    to: impl FnOnce(T) -> String,
    again: impl FnOnce(Errors) -> F,
) -> Result<axum::response::Response, AppError>
where
    P: axum::response::IntoResponse,
    F: std::future::Future<Output = Result<P, AppError>>,
{
    match result {
        Ok(v) => Ok(see_other(&to(v))),
        Err(passerelle_core::Error::Invalid(e)) => Ok(invalid(again(Errors(e)).await?)),
        Err(e) => Err(e.into()),
    }
}

/// A safe local path to return to after a form (`next=`), never another site: a path of
/// printable characters (no control character, no whitespace: browsers drop a tab or a newline
/// from `/\t/evil.example` and read `//evil.example`) that starts with exactly one `/` and
/// holds no backslash (read as `/` by browsers). Anything else goes to `/`.
pub fn local_next(next: &str) -> String {
    let printable = next
        .chars()
        .all(|c| !c.is_control() && !c.is_whitespace() && !passerelle_core::text::is_invisible(c));
    if printable && next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::local_next;

    #[test]
    fn next_never_leaves_the_site() {
        assert_eq!(local_next("/organisations"), "/organisations");
        assert_eq!(local_next("//evil.example"), "/");
        assert_eq!(local_next("https://evil.example"), "/");
        assert_eq!(local_next("/\\evil.example"), "/");
        for hostile in [
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/ /evil.example",
            "/\u{0}/evil.example",
            "/\u{b}/evil.example",
            "/\u{85}/evil.example",
            "/\u{a0}/evil.example",
            "/\u{2028}/evil.example",
            "/\u{200b}/evil.example",
            "\t//evil.example",
        ] {
            assert_eq!(local_next(hostile), "/", "{hostile:?}");
        }
        assert_eq!(
            local_next("/offers?q=aller%20vers"),
            "/offers?q=aller%20vers"
        );
    }
}
