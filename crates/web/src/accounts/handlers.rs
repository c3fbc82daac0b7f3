//! Account handlers: thin, named after actions. Validation and rules live in `core::accounts`.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use passerelle_core::accounts::{self, ProfileInput, RegistrationInput, User};
use passerelle_core::{Error, organisations};
use serde::Deserialize;
use tower_sessions::Session;

use super::pages::*;
use crate::AppState;
use crate::ctx::{Ctx, SESSION_USER, rotate_csrf};
use crate::error::AppError;
use crate::forms::{Errors, FormData, Notice, invalid, local_next, see_other};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RegisterForm {
    email: String,
    password: String,
    display_name: String,
}

pub async fn show_register(ctx: Ctx) -> Response {
    if ctx.signed_in() {
        return see_other("/account");
    }
    RegisterPage {
        ctx,
        email: String::new(),
        display_name: String::new(),
        errors: Errors::default(),
    }
    .into_response()
}

pub async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<RegisterForm>,
) -> Result<Response, AppError> {
    let input = RegistrationInput {
        email: form.email.clone(),
        password: form.password,
        display_name: form.display_name.clone(),
    };
    match accounts::register(&state.core, &input, ctx.locale, &ctx.actor()).await {
        Ok(()) => {
            let email: String =
                form_urlencoded::byte_serialize(form.email.trim().as_bytes()).collect();
            Ok(see_other(&format!("/register/sent?email={email}")))
        }
        Err(Error::Invalid(errors)) => Ok(invalid(RegisterPage {
            ctx,
            email: form.email,
            display_name: form.display_name,
            errors: Errors(errors),
        })),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmailQuery {
    email: String,
}

pub async fn show_register_sent(ctx: Ctx, Query(q): Query<EmailQuery>) -> RegisterSentPage {
    RegisterSentPage {
        ctx,
        email: q.email,
    }
}

pub async fn resend_confirmation(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<EmailQuery>,
) -> Result<Response, AppError> {
    match accounts::resend_confirmation(&state.core, &form.email, &ctx.actor()).await {
        Ok(()) | Err(Error::Invalid(_)) => Ok(RegisterSentPage {
            ctx,
            email: form.email,
        }
        .into_response()),
        Err(e) => Err(e.into()),
    }
}

pub async fn confirm_email(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    match accounts::confirm_email(&state.core, &token, &ctx.actor()).await {
        Ok(_) if ctx.signed_in() => Ok(see_other("/?notice=confirmed")),
        Ok(_) => Ok(see_other("/login?notice=confirmed")),
        Err(Error::Conflict(_)) => Ok((
            axum::http::StatusCode::GONE,
            MessagePage {
                title: ctx.t("confirm-invalid-title"),
                message: ctx.t("confirm-invalid-text"),
                link_href: "/login".into(),
                link_label: ctx.t("nav-login"),
                ctx,
            },
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginQuery {
    next: String,
}

pub async fn show_login(ctx: Ctx, notice: Notice, Query(q): Query<LoginQuery>) -> Response {
    if ctx.signed_in() {
        return see_other(&local_next(&q.next));
    }
    LoginPage {
        ctx,
        email: String::new(),
        // Carried on by the form only when it is a safe local path.
        next: local_next(&q.next),
        errors: Errors::default(),
        banner: String::new(),
        offer_resend: false,
        notice,
    }
    .into_response()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
}

pub async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    FormData(form): FormData<LoginForm>,
) -> Result<Response, AppError> {
    let page = |ctx: Ctx, errors, banner: String, offer_resend| LoginPage {
        ctx,
        email: form.email.clone(),
        next: form.next.clone(),
        errors: Errors(errors),
        banner,
        offer_resend,
        notice: Notice::default(),
    };
    match accounts::authenticate(&state.core, &form.email, &form.password, &ctx.actor()).await {
        Ok(user) => {
            // A new session id at login defeats session fixation.
            session
                .cycle_id()
                .await
                .map_err(|e| AppError::internal(e.to_string()))?;
            session
                .insert(SESSION_USER, &user.id)
                .await
                .map_err(|e| AppError::internal(e.to_string()))?;
            let mut response = see_other(&local_next(&form.next));
            rotate_csrf(&session, true, &mut response, state.core.config.https()).await?;
            Ok(response)
        }
        Err(Error::Invalid(errors)) => Ok(invalid(page(ctx, errors, String::new(), false))),
        Err(Error::RateLimited { retry_after }) => {
            let minutes = (retry_after + 59) / 60;
            let banner = ctx.tn("login-rate-limited", "minutes", minutes);
            Ok(too_many(
                retry_after,
                page(ctx, Default::default(), banner, false),
            ))
        }
        Err(Error::Conflict("email-unconfirmed")) => {
            let banner = ctx.t("login-unconfirmed");
            Ok(invalid(page(ctx, Default::default(), banner, true)))
        }
        Err(e) => Err(e.into()),
    }
}

/// A page refused for too many attempts: 429 with `Retry-After`.
fn too_many(retry_after: i64, page: impl IntoResponse) -> Response {
    let mut r = (axum::http::StatusCode::TOO_MANY_REQUESTS, page).into_response();
    if let Ok(v) = axum::http::HeaderValue::from_str(&retry_after.to_string()) {
        r.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
    }
    r
}

fn unlock_link_dead(ctx: Ctx) -> Response {
    (
        axum::http::StatusCode::GONE,
        MessagePage {
            title: ctx.t("unlock-invalid-title"),
            message: ctx.t("unlock-invalid-text"),
            link_href: "/password/forgot".into(),
            link_label: ctx.t("forgot-title"),
            ctx,
        },
    )
        .into_response()
}

pub async fn show_unlock(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    if !accounts::unlock_token_is_valid(&state.core, &token).await? {
        return Ok(unlock_link_dead(ctx));
    }
    Ok(UnlockPage { ctx, token }.into_response())
}

pub async fn unlock(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    match accounts::unlock(&state.core, &token, &ctx.actor()).await {
        Ok(_) => Ok(see_other("/login?notice=unlocked")),
        Err(Error::Conflict(_)) => Ok(unlock_link_dead(ctx)),
        Err(e) => Err(e.into()),
    }
}

pub async fn logout(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
) -> Result<Response, AppError> {
    if let Some(user) = &ctx.user {
        accounts::record_logout(&state.core, user, &ctx.actor()).await?;
    }
    session
        .flush()
        .await
        .map_err(|e| AppError::internal(e.to_string()))?;
    let mut response = see_other("/login?notice=logged-out");
    rotate_csrf(&session, false, &mut response, state.core.config.https()).await?;
    Ok(response)
}

pub async fn show_forgot(ctx: Ctx) -> ForgotPage {
    ForgotPage {
        ctx,
        email: String::new(),
        errors: Errors::default(),
        sent: false,
        banner: String::new(),
    }
}

pub async fn forgot(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<EmailQuery>,
) -> Result<Response, AppError> {
    match accounts::request_password_reset(&state.core, &form.email, &ctx.actor()).await {
        Ok(()) => Ok(ForgotPage {
            ctx,
            email: form.email,
            errors: Errors::default(),
            sent: true,
            banner: String::new(),
        }
        .into_response()),
        Err(Error::Invalid(errors)) => Ok(invalid(ForgotPage {
            ctx,
            email: form.email,
            errors: Errors(errors),
            sent: false,
            banner: String::new(),
        })),
        Err(Error::RateLimited { retry_after }) => {
            let banner = ctx.tn("forgot-rate-limited", "minutes", (retry_after + 59) / 60);
            Ok(too_many(
                retry_after,
                ForgotPage {
                    ctx,
                    email: form.email,
                    errors: Errors::default(),
                    sent: false,
                    banner,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

fn reset_link_dead(ctx: Ctx) -> Response {
    (
        axum::http::StatusCode::GONE,
        MessagePage {
            title: ctx.t("reset-invalid-title"),
            message: ctx.t("reset-invalid-text"),
            link_href: "/password/forgot".into(),
            link_label: ctx.t("forgot-title"),
            ctx,
        },
    )
        .into_response()
}

pub async fn show_reset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    if !accounts::reset_token_is_valid(&state.core, &token).await? {
        return Ok(reset_link_dead(ctx));
    }
    Ok(ResetPage {
        ctx,
        token,
        errors: Errors::default(),
    }
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    password: String,
}

pub async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    FormData(form): FormData<PasswordForm>,
) -> Result<Response, AppError> {
    match accounts::reset_password(&state.core, &token, &form.password, &ctx.actor()).await {
        Ok(()) => Ok(see_other("/login?notice=password-reset")),
        Err(Error::Invalid(errors)) => Ok(invalid(ResetPage {
            ctx,
            token,
            errors: Errors(errors),
        })),
        Err(Error::Conflict(_)) => Ok(reset_link_dead(ctx)),
        Err(e) => Err(e.into()),
    }
}

pub async fn show_profile(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
) -> Result<ProfilePage, AppError> {
    let user = ctx.require_user()?.clone();
    profile_page(
        &state,
        ctx,
        &user,
        saved_profile(&user),
        Errors::default(),
        notice,
    )
    .await
}

/// The profile as stored, to fill the form.
fn saved_profile(user: &User) -> ProfileInput {
    ProfileInput {
        display_name: user.display_name.clone(),
        organisation_label: user.organisation_label.clone(),
        languages: user.languages.clone(),
        locale: user.locale.code().to_owned(),
        time_zone: user.time_zone.clone(),
    }
}

/// The account page with `input` in the profile form (and the person's organisations).
async fn profile_page(
    state: &AppState,
    ctx: Ctx,
    user: &User,
    input: ProfileInput,
    errors: Errors,
    notice: Notice,
) -> Result<ProfilePage, AppError> {
    let memberships = organisations::memberships_of(&state.core, user).await?;
    Ok(ProfilePage {
        display_name: input.display_name,
        organisation_label: input.organisation_label,
        languages: input.languages,
        locale: input.locale,
        time_zone: input.time_zone,
        errors,
        notice,
        memberships,
        platform_time_zone: state.core.config.time_zone.clone(),
        ctx,
    })
}

/// The profile form has a repeated `languages` field, so it is read as pairs.
pub async fn update_profile(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(pairs): FormData<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(f, _)| f == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let input = ProfileInput {
        display_name: get("display_name"),
        organisation_label: get("organisation_label"),
        languages: pairs
            .iter()
            .filter(|(f, _)| f == "languages")
            .map(|(_, v)| v.clone())
            .collect(),
        locale: get("locale"),
        time_zone: get("time_zone"),
    };
    match accounts::update_profile(&state.core, &user, &input, &ctx.actor()).await {
        Ok(()) => Ok(see_other("/account?notice=profile-saved")),
        Err(Error::Invalid(errors)) => Ok(invalid(
            profile_page(&state, ctx, &user, input, Errors(errors), Notice::default()).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ChangePasswordForm {
    current_password: String,
    new_password: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    FormData(form): FormData<ChangePasswordForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let keep = session.id().map(|id| id.to_string()).unwrap_or_default();
    match accounts::change_password(
        &state.core,
        &user,
        &form.current_password,
        &form.new_password,
        &keep,
        &ctx.actor(),
    )
    .await
    {
        Ok(()) => Ok(see_other("/account?notice=password-changed")),
        Err(Error::Invalid(errors)) => {
            let saved = saved_profile(&user);
            Ok(invalid(
                profile_page(&state, ctx, &user, saved, Errors(errors), Notice::default()).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn show_delete(ctx: Ctx) -> Result<DeletePage, AppError> {
    ctx.require_user()?;
    Ok(DeletePage {
        ctx,
        errors: Errors::default(),
        banner: String::new(),
    })
}

pub async fn delete_account(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    FormData(form): FormData<PasswordForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match accounts::delete_account(&state.core, &user, &form.password, &ctx.actor()).await {
        Ok(()) => {
            session
                .flush()
                .await
                .map_err(|e| AppError::internal(e.to_string()))?;
            Ok(see_other("/?notice=account-deleted"))
        }
        Err(Error::Invalid(errors)) => Ok(invalid(DeletePage {
            ctx,
            errors: Errors(errors),
            banner: String::new(),
        })),
        Err(Error::Conflict(code)) => {
            let banner = ctx.t(&format!("error-{code}"));
            Ok((
                axum::http::StatusCode::CONFLICT,
                DeletePage {
                    ctx,
                    errors: Errors::default(),
                    banner,
                },
            )
                .into_response())
        }
        Err(e) => Err(e.into()),
    }
}

fn setup_link_dead(ctx: Ctx) -> Response {
    (
        axum::http::StatusCode::GONE,
        MessagePage {
            title: ctx.t("setup-invalid-title"),
            message: ctx.t("setup-invalid-text"),
            link_href: "/login".into(),
            link_label: ctx.t("nav-login"),
            ctx,
        },
    )
        .into_response()
}

pub async fn show_setup(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    if !accounts::setup_token_is_valid(&state.core, &token).await? {
        return Ok(setup_link_dead(ctx));
    }
    Ok(SetupPage {
        ctx,
        token,
        email: String::new(),
        display_name: String::new(),
        errors: Errors::default(),
    }
    .into_response())
}

pub async fn setup(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    FormData(form): FormData<RegisterForm>,
) -> Result<Response, AppError> {
    let input = RegistrationInput {
        email: form.email.clone(),
        password: form.password,
        display_name: form.display_name.clone(),
    };
    match accounts::complete_setup(&state.core, &token, &input, ctx.locale, &ctx.actor()).await {
        Ok(_) => Ok(see_other("/login?notice=admin-created")),
        Err(Error::Invalid(errors)) => Ok(invalid(SetupPage {
            ctx,
            token,
            email: form.email,
            display_name: form.display_name,
            errors: Errors(errors),
        })),
        Err(Error::Conflict(_)) => Ok(setup_link_dead(ctx)),
        Err(e) => Err(e.into()),
    }
}
