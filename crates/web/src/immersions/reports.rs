//! Closing report and follow-up handlers.

use axum::extract::{Path, State};
use axum::response::Response;
use passerelle_core::Error;
use passerelle_core::immersions::{self, REACHED_FIELDS, ReportInput};
use serde::Deserialize;

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, FormData, Notice, Pairs, invalid, see_other};

async fn report_page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    input: ReportInput,
    errors: Errors,
    notice: Notice,
) -> Result<ReportPage, AppError> {
    let user = ctx.require_user()?;
    let view = immersions::reports_view(&state.core, user, id).await?;
    Ok(ReportPage {
        view,
        input,
        errors,
        notice,
        ctx,
    })
}

pub async fn show_report(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<ReportPage, AppError> {
    report_page(
        &state,
        ctx,
        &id,
        ReportInput::default(),
        Errors::default(),
        notice,
    )
    .await
}

pub async fn submit_report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = ReportInput {
        reached: REACHED_FIELDS.iter().map(|f| p.get(f)).collect(),
        comments: REACHED_FIELDS
            .iter()
            .map(|f| p.get(&format!("comment_{}", &f["reached_".len()..])))
            .collect(),
        expectations_met: p.get("expectations_met"),
        satisfaction: p.get("satisfaction"),
        learned: p.get("learned"),
        host_gained: p.get("host_gained"),
        practice_changes: p.get("practice_changes"),
        difficulty_roles: p.get("difficulty_roles"),
        difficulty_data: p.get("difficulty_data"),
        difficulty_employment: p.get("difficulty_employment"),
        difficulty_other: p.get("difficulty_other"),
        recommendations: p.get("recommendations"),
    };
    match immersions::submit_report(&state.core, &user, &id, &input, &ctx.actor()).await {
        Ok(()) => Ok(see_other(&format!(
            "/agreements/{id}/report?notice=report-submitted"
        ))),
        Err(Error::Invalid(e)) => Ok(invalid(
            report_page(&state, ctx, &id, input, Errors(e), Notice::default()).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn show_follow_up(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<FollowUpPage, AppError> {
    let user = ctx.require_user()?;
    let (follow_up, offer_title) = immersions::follow_up(&state.core, user, &id).await?;
    Ok(FollowUpPage {
        follow_up,
        offer_title,
        lasting: String::new(),
        still_in_contact: String::new(),
        changes: String::new(),
        errors: Errors::default(),
        notice,
        ctx,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FollowUpForm {
    lasting: String,
    still_in_contact: String,
    changes: String,
}

pub async fn answer_follow_up(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    FormData(f): FormData<FollowUpForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match immersions::answer_follow_up(
        &state.core,
        &user,
        &id,
        &f.lasting,
        &f.still_in_contact,
        &f.changes,
    )
    .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/follow-ups/{id}?notice=follow-up-answered"
        ))),
        Err(Error::Invalid(e)) => {
            let (follow_up, offer_title) = immersions::follow_up(&state.core, &user, &id).await?;
            Ok(invalid(FollowUpPage {
                follow_up,
                offer_title,
                lasting: f.lasting,
                still_in_contact: f.still_in_contact,
                changes: f.changes,
                errors: Errors(e),
                notice: Notice::default(),
                ctx,
            }))
        }
        Err(e) => Err(e.into()),
    }
}
