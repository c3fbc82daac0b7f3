//! Signing an agreement through the single-use link e-mailed to an organisation's named
//! signatory: no account needed. The link is the credential; the page shows the version to sign
//! (and, for an amendment, what changes) and records the signature with time, IP and browser.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use passerelle_core::Error;
use passerelle_core::immersions::{self, SigningView, TERM_FIELDS};
use serde::Deserialize;

use super::agreement_pages::{ALL_SECTIONS, term_key};
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, FormData, invalid};

#[derive(Template, WebTemplate)]
#[template(path = "immersions/sign.html")]
pub struct SignPage {
    pub ctx: Ctx,
    pub token: String,
    pub view: SigningView,
    pub errors: Errors,
}

impl SignPage {
    /// The organisation the signatory signs for.
    pub fn org(&self) -> &str {
        let a = &self.view.agreement;
        match self.view.party {
            passerelle_core::immersions::Party::Host => &a.host_organisation_name,
            _ => a.home(),
        }
    }
    pub fn intro(&self) -> String {
        self.ctx.locale.t_args(
            "sign-intro-party",
            &[
                ("org", self.org().to_owned().into()),
                (
                    "party",
                    self.ctx.tk("party-", self.view.party.code()).into(),
                ),
            ],
        )
    }
    pub fn sections(&self) -> &'static [&'static str] {
        ALL_SECTIONS
    }
    pub fn fields(&self, section: &str) -> Vec<&'static str> {
        TERM_FIELDS
            .iter()
            .filter(|(_, s)| *s == section)
            .map(|(f, _)| *f)
            .collect()
    }
    pub fn label(&self, field: &str) -> String {
        match field {
            "objectives" => self.ctx.t("agreement-objectives"),
            "tasks" => self.ctx.t("agreement-tasks"),
            f => self.ctx.t(&term_key(f)),
        }
    }
}

/// After signing through a link, or opening it again: the signature is recorded, and the link
/// gives the signatory their copy for [`immersions::signatures::COPY_DAYS`] days.
#[derive(Template, WebTemplate)]
#[template(path = "immersions/signed.html")]
pub struct SignedPage {
    pub ctx: Ctx,
    pub token: String,
    /// Opened again after signing (410: it signs no more), rather than just signed.
    pub again: bool,
    pub copy: bool,
}

impl SignedPage {
    pub fn copy_days(&self) -> i64 {
        immersions::signatures::COPY_DAYS
    }
}

/// A link that can no longer sign says why, with 410 Gone.
fn refused(e: Error) -> AppError {
    match e {
        Error::Conflict(
            code @ ("signing-link-used"
            | "signing-link-expired"
            | "signing-link-replaced"
            | "signing-copy-expired"),
        ) => AppError::new(StatusCode::GONE, code),
        e => e.into(),
    }
}

pub async fn show_signing(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    match immersions::signing_view(&state.core, &token, &ctx.actor()).await {
        Ok(view) => Ok(SignPage {
            ctx,
            token,
            view,
            errors: Errors::default(),
        }
        .into_response()),
        // Signed already: it signs no more, and gives the signatory their copy for a while.
        Err(Error::Conflict("signing-link-used")) => {
            let copy = immersions::signatures::copy_available(&state.core, &token).await?;
            let page = SignedPage {
                ctx,
                token,
                again: true,
                copy,
            };
            Ok((StatusCode::GONE, page).into_response())
        }
        Err(e) => Err(refused(e)),
    }
}

/// The signatory's copy of the agreement, through the link they signed with (see
/// [`immersions::signed_copy`]).
pub async fn download_copy(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (view, terms) = immersions::signed_copy(&state.core, &token, &ctx.actor())
        .await
        .map_err(refused)?;
    super::agreement_pdf::render(&state, &ctx, &view, &terms).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SignForm {
    confirm_employment: String,
}

pub async fn sign(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    headers: HeaderMap,
    FormData(form): FormData<SignForm>,
) -> Result<Response, AppError> {
    let agent = crate::forms::user_agent(&headers);
    let confirms = !form.confirm_employment.is_empty();
    match immersions::sign_with_link(&state.core, &token, confirms, &ctx.actor(), agent).await {
        Ok(_) => Ok(SignedPage {
            ctx,
            token,
            again: false,
            copy: true,
        }
        .into_response()),
        Err(Error::Invalid(e)) => {
            let view = immersions::signing_view(&state.core, &token, &ctx.actor())
                .await
                .map_err(refused)?;
            Ok(invalid(SignPage {
                ctx,
                token,
                view,
                errors: Errors(e),
            }))
        }
        Err(e) => Err(refused(e)),
    }
}
