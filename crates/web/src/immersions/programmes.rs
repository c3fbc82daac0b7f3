//! Programme handlers: list, create, edit, the public page and its Atom feed.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use passerelle_core::Error;
use passerelle_core::immersions::{self, ProgrammeInput, policy};

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, Notice, Pairs, invalid, see_other};

pub async fn list_programmes(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<ProgrammesPage, AppError> {
    let programmes = immersions::list_programmes(&state.core).await?;
    Ok(ProgrammesPage {
        may_create: policy::may_create_programme(ctx.user.as_ref()),
        programmes,
        ctx,
    })
}

fn programme_input(p: &Pairs) -> ProgrammeInput {
    ProgrammeInput {
        name: p.get("name"),
        description: p.get("description"),
        kind: p.get("kind"),
        languages: p.all("languages"),
        max_duration_days: p.get("max_duration_days"),
        min_time_share: p.get("min_time_share"),
        max_time_share: p.get("max_time_share"),
        rules: p.get("rules"),
        partners: p.all("partners"),
    }
}

async fn form_page(
    state: &AppState,
    ctx: Ctx,
    slug: Option<String>,
    input: ProgrammeInput,
    errors: Errors,
) -> Result<ProgrammeFormPage, AppError> {
    let organisations = immersions::organisation_choices(&state.core).await?;
    Ok(ProgrammeFormPage {
        ctx,
        slug,
        input,
        organisations,
        errors,
    })
}

pub async fn show_new_programme(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    if !policy::may_create_programme(Some(user)) {
        return Err(AppError::forbidden());
    }
    let input = ProgrammeInput {
        max_duration_days: "731".into(),
        min_time_share: "10".into(),
        max_time_share: "100".into(),
        ..Default::default()
    };
    Ok(form_page(&state, ctx, None, input, Errors::default())
        .await?
        .into_response())
}

pub async fn create_programme(
    State(state): State<AppState>,
    ctx: Ctx,
    pairs: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = programme_input(&pairs);
    match immersions::create_programme(&state.core, &user, &input, &ctx.actor()).await {
        Ok(slug) => Ok(see_other(&format!(
            "/programmes/{slug}?notice=programme-created"
        ))),
        Err(Error::Invalid(e)) => Ok(invalid(
            form_page(&state, ctx, None, input, Errors(e)).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn show_programme(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(slug): Path<String>,
) -> Result<ProgrammePage, AppError> {
    let view = immersions::programme_view(&state.core, &slug, ctx.user.as_ref()).await?;
    let offers =
        immersions::programme_offers(&state.core, &view.programme, ctx.user.as_ref()).await?;
    let stale = match &ctx.user {
        Some(u) if view.may_manage => {
            immersions::stale_offers(&state.core, u, &view.programme).await?
        }
        _ => vec![],
    };
    let outputs = immersions::public_outputs(&state.core, &view.programme.id).await?;
    Ok(ProgrammePage {
        stale_days: state.core.config.offer_stale_days,
        outputs,
        view,
        offers,
        stale,
        notice,
        ctx,
    })
}

pub async fn show_edit_programme(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let view = immersions::programme_view(&state.core, &slug, Some(user)).await?;
    if !view.may_manage {
        return Err(AppError::forbidden());
    }
    let input = immersions::programme_input(&view);
    Ok(form_page(&state, ctx, Some(slug), input, Errors::default())
        .await?
        .into_response())
}

pub async fn update_programme(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    pairs: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = programme_input(&pairs);
    match immersions::update_programme(&state.core, &user, &slug, &input, &ctx.actor()).await {
        Ok(()) => Ok(see_other(&format!(
            "/programmes/{slug}?notice=programme-saved"
        ))),
        Err(Error::Invalid(e)) => Ok(invalid(
            form_page(&state, ctx, Some(slug), input, Errors(e)).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

/// The programme's published offers as Atom (public offers only: feed readers are anonymous).
pub async fn programme_feed(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let view = immersions::programme_view(&state.core, &slug, None).await?;
    let offers = immersions::programme_offers(&state.core, &view.programme, None).await?;
    let core = &state.core;
    super::atom(super::offers::feed(
        core,
        &ctx,
        ctx.t1("feed-programme-title", "programme", &view.programme.name),
        core.link(&format!("/programmes/{slug}/feed.atom")),
        core.link(&format!("/programmes/{slug}")),
        view.programme.updated_at,
        &offers,
    ))
}
