//! The request context every page needs: who is signed in, in which language, the CSRF token,
//! the client address. Built once per request by [`load`] and read by handlers through the
//! [`Ctx`] extractor.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use cookie::Cookie;
use passerelle_core::Locale;
use passerelle_core::accounts::{self, Actor, Role, User};
use passerelle_i18n::FluentValue;
use tower_sessions::Session;

use crate::AppState;
use crate::error::AppError;

pub const LANG_COOKIE: &str = "passerelle_lang";
pub const CSRF_COOKIE: &str = "passerelle_csrf";
pub const SESSION_USER: &str = "user_id";
/// The CSRF token of a signed-in session (see `csrf.rs`), made at login.
pub const SESSION_CSRF: &str = "csrf";

#[derive(Clone, Debug)]
pub struct Ctx {
    pub locale: Locale,
    pub user: Option<User>,
    /// The CSRF token to put in every form: the session's when signed in, else the anonymous
    /// cookie's (see `csrf.rs`).
    pub csrf: String,
    /// Path and query of the current request (for `next=` and the language switch).
    pub path: String,
    pub request_id: String,
    pub ip: String,
    /// The time zone dates are shown in: the person's, else the platform's (an IANA name).
    pub time_zone: String,
}

impl Ctx {
    /// A translated message.
    pub fn t(&self, key: &str) -> String {
        self.locale.t(key)
    }

    /// The message for an enumeration value: `prefix` + `code` (e.g. `org-kind-` + `ngo`).
    pub fn tk(&self, prefix: &str, code: &str) -> String {
        self.locale.t(&format!("{prefix}{code}"))
    }

    /// A translated message with one argument.
    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        self.locale
            .t_args(key, &[(name, FluentValue::from(value.to_owned()))])
    }

    /// A translated message with one number (plural-aware).
    pub fn tn(
        &self,
        key: &str,
        name: &'static str,
        value: impl std::borrow::Borrow<i64>,
    ) -> String {
        self.locale
            .t_args(key, &[(name, FluentValue::from(*value.borrow()))])
    }

    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    /// The language the switch offers.
    pub fn other_locale(&self) -> Locale {
        match self.locale {
            Locale::Fr => Locale::En,
            Locale::En => Locale::Fr,
        }
    }

    pub fn actor(&self) -> Actor {
        match &self.user {
            Some(u) => Actor::user(u, self.ip.clone()),
            None => Actor::anonymous(self.ip.clone()),
        }
    }

    pub fn signed_in(&self) -> bool {
        self.user.is_some()
    }

    pub fn is_admin(&self) -> bool {
        matches!(&self.user, Some(u) if u.role == Role::Administrator)
    }

    /// The signed-in user, or "please sign in".
    pub fn require_user(&self) -> Result<&User, AppError> {
        self.user.as_ref().ok_or(AppError::unauthenticated())
    }

    /// Whether `href` is the current section, for `aria-current` in the navigation.
    pub fn current(&self, href: &str) -> bool {
        if href == "/" {
            self.path == "/"
        } else {
            self.path.starts_with(href)
        }
    }

    /// A day typed as `YYYY-MM-DD`, in the reader's language ("3 mars 2026"); anything else
    /// as it is.
    pub fn day(&self, date: &str) -> String {
        passerelle_core::clock::format_day_in(date, self.locale)
    }

    /// A term of an agreement as people read it: its dates in words, the rest as typed.
    pub fn term(&self, field: &str, value: &str) -> String {
        if matches!(field, "start" | "end" | "access_start" | "access_end") {
            self.day(value)
        } else {
            value.to_owned()
        }
    }

    /// "added by X", agreeing with what was added (an objective, a task, an output).
    pub fn added_by(&self, kind: &str, name: &str) -> String {
        self.locale.t_args(
            "agreement-added-by",
            &[
                ("name", FluentValue::from(name.to_owned())),
                ("kind", FluentValue::from(kind.to_owned())),
            ],
        )
    }

    /// A moment for people, in the reader's language and time zone: "6 décembre 2026 à 06:04
    /// (UTC+1)".
    pub fn date(&self, unix: &i64) -> String {
        passerelle_core::clock::format_instant_in(*unix, self.locale, &self.time_zone)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::internal("request context missing"))
    }
}

pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// Builds the [`Ctx`] for this request and sets the CSRF cookie when it is new.
pub async fn load(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let core = &state.core;
    let session = req.extensions().get::<Session>().cloned();
    let user_id = match &session {
        Some(session) => session.get::<String>(SESSION_USER).await.ok().flatten(),
        None => None,
    };
    let user = match user_id {
        Some(id) => match accounts::find(core, &id).await {
            Ok(user) => user,
            Err(e) => {
                tracing::error!(error = %e, "loading the signed-in user");
                None
            }
        },
        None => None,
    };
    let headers = req.headers();
    let locale = user
        .as_ref()
        .map(|u| u.locale)
        .or_else(|| cookie_value(headers, LANG_COOKIE).and_then(|c| Locale::parse(&c)))
        .or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default();
    let existing_csrf = cookie_value(headers, CSRF_COOKIE).filter(|t| t.len() >= 32);
    let csrf = match (&user, &session) {
        (Some(_), Some(session)) => session_csrf(session).await,
        _ => match &existing_csrf {
            Some(t) => t.clone(),
            None => crate::csrf::new_token(),
        },
    };
    let ip = client_ip(&req, core.config.trust_proxy);
    let request_id = headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into());
    let time_zone = user
        .as_ref()
        .map(|u| u.time_zone.clone())
        .filter(|z| !z.is_empty())
        .unwrap_or_else(|| core.config.time_zone.clone());
    req.extensions_mut().insert(Ctx {
        locale,
        time_zone,
        user,
        csrf: csrf.clone(),
        path,
        request_id,
        ip,
    });
    let mut response = next.run(req).await;
    // A handler that rotated the cookie (login, logout) has set it already.
    let rotated = response.extensions().get::<CsrfRotated>().is_some();
    if existing_csrf.is_none() && !rotated {
        set_csrf_cookie(&mut response, csrf, core.config.https());
    }
    response
}

/// The session's CSRF token; a session signed in before tokens were kept in sessions gets one.
async fn session_csrf(session: &Session) -> String {
    if let Ok(Some(token)) = session.get::<String>(SESSION_CSRF).await {
        return token;
    }
    let token = crate::csrf::new_token();
    if let Err(e) = session.insert(SESSION_CSRF, &token).await {
        tracing::error!(error = %e, "storing the session's CSRF token");
    }
    token
}

/// Marks a response whose anonymous CSRF cookie was replaced (see [`rotate_csrf`]).
#[derive(Clone, Copy)]
struct CsrfRotated;

fn set_csrf_cookie(response: &mut Response, token: String, secure: bool) {
    let cookie = Cookie::build((CSRF_COOKIE, token))
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(cookie::SameSite::Strict)
        .build();
    if let Ok(v) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(SET_COOKIE, v);
    }
}

/// At login and logout: a new CSRF token in the session (when one is signed in) and a new
/// anonymous cookie, so that no token read before the change is accepted after it.
pub async fn rotate_csrf(
    session: &Session,
    signed_in: bool,
    response: &mut Response,
    secure: bool,
) -> Result<(), AppError> {
    if signed_in {
        session
            .insert(SESSION_CSRF, crate::csrf::new_token())
            .await
            .map_err(|e| AppError::internal(e.to_string()))?;
    }
    set_csrf_cookie(response, crate::csrf::new_token(), secure);
    response.extensions_mut().insert(CsrfRotated);
    Ok(())
}

/// The client's address: behind a trusted proxy, the one the proxy appended (the last of
/// `X-Forwarded-For`: the first ones are written by the client and prove nothing), when it is
/// an IP address; otherwise the connection's.
fn client_ip(req: &Request, trust_proxy: bool) -> String {
    if trust_proxy
        && let Some(forwarded) = req
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .next_back()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse::<std::net::IpAddr>().ok())
    {
        return forwarded.to_string();
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_default()
}

/// A `Set-Cookie` value remembering the chosen language for a year.
pub fn lang_cookie(locale: Locale, secure: bool) -> String {
    Cookie::build((LANG_COOKIE, locale.code()))
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(cookie::SameSite::Lax)
        .max_age(time::Duration::days(365))
        .build()
        .to_string()
}
