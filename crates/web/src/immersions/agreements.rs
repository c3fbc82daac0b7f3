//! Agreement handlers: drafting from an accepted application, the agreement page, co-editing,
//! review and approvals, status changes, the audited terms page and version comparison.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use passerelle_core::Error;
use passerelle_core::immersions::{self, AgreementView, TERM_FIELDS, Terms};
use serde::Deserialize;

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, FormData, Notice, Pairs, invalid, see_other};

pub async fn draft_agreement(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let agreement = immersions::draft_agreement(&state.core, &user, &id, &ctx.actor()).await?;
    Ok(see_other(&format!(
        "/agreements/{agreement}?notice=agreement-drafted"
    )))
}

pub async fn list_agreements(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<AgreementsPage, AppError> {
    let user = ctx.require_user()?;
    let agreements = immersions::my_agreements(&state.core, user).await?;
    Ok(AgreementsPage { agreements, ctx })
}

async fn view_page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    notice: Notice,
    errors: Errors,
    item: (String, String),
) -> Result<AgreementPage, AppError> {
    let user = ctx.require_user()?;
    let view: AgreementView = immersions::agreement_view(&state.core, user, id).await?;
    let pair = immersions::pair_of(&state.core, id).await?;
    Ok(AgreementPage {
        terms: view.agreement.terms(),
        view,
        pair,
        pair_other: String::new(),
        notice,
        errors,
        item_kind: item.0,
        item_text: item.1,
        reason: String::new(),
        pending_status: String::new(),
        signatory: SignatoryTyped::default(),
        ctx,
    })
}

/// The immersion's access log, for its host's and home employer's administrators.
pub async fn show_access_log(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<AccessLogPage, AppError> {
    let user = ctx.require_user()?.clone();
    let (agreement, rows) = immersions::access_log(&state.core, &user, &id).await?;
    Ok(AccessLogPage {
        ctx,
        agreement,
        rows,
    })
}

/// Withdraws the amendment awaiting signatures (host or coordinator).
pub async fn withdraw_amendment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    immersions::withdraw_amendment(&state.core, &user, &id, &ctx.actor()).await?;
    Ok(see_other(&format!(
        "/agreements/{id}?notice=amendment-withdrawn"
    )))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SignatoryForm {
    party: String,
    listed: String,
    signatory_name: String,
    signatory_function: String,
    signatory_email: String,
}

/// Names who signs for the host or the home organisation.
pub async fn name_signatory(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    FormData(form): FormData<SignatoryForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = immersions::SignatoryInput {
        listed: form.listed.clone(),
        name: form.signatory_name.clone(),
        function: form.signatory_function.clone(),
        email: form.signatory_email.clone(),
    };
    match immersions::name_signatory(&state.core, &user, &id, &form.party, &input, &ctx.actor())
        .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/agreements/{id}?notice=signatory-named#signatories"
        ))),
        Err(Error::Invalid(e)) => {
            let mut page = view_page(
                &state,
                ctx,
                &id,
                Notice::default(),
                Errors(e),
                Default::default(),
            )
            .await?;
            page.signatory = SignatoryTyped {
                party: form.party,
                listed: form.listed,
                name: form.signatory_name,
                function: form.signatory_function,
                email: form.signatory_email,
            };
            Ok(invalid(page))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn show_agreement(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<AgreementPage, AppError> {
    view_page(
        &state,
        ctx,
        &id,
        notice,
        Errors::default(),
        Default::default(),
    )
    .await
}

fn terms_from(p: &Pairs) -> Terms {
    let mut t = Terms::default();
    for (field, _) in TERM_FIELDS {
        t.set(field, p.get(field));
    }
    t
}

pub async fn show_edit_agreement(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    // The form shows the confidential terms too: reading them for editing is audited.
    let (agreement, terms) = immersions::read_terms(&state.core, &user, &id, &ctx.actor()).await?;
    let view = immersions::agreement_view(&state.core, &user, &id).await?;
    if !view.may_edit {
        return Err(AppError::forbidden());
    }
    Ok(AgreementFormPage {
        agreement,
        terms,
        errors: Errors::default(),
        ctx,
    }
    .into_response())
}

pub async fn update_agreement(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    pairs: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let terms = terms_from(&pairs);
    match immersions::save_terms(&state.core, &user, &id, &terms, &ctx.actor()).await {
        Ok(()) => {
            let view = immersions::agreement_view(&state.core, &user, &id).await?;
            let notice = if view.agreement.amendment_pending() {
                "amendment-proposed"
            } else {
                "agreement-saved"
            };
            Ok(see_other(&format!("/agreements/{id}?notice={notice}")))
        }
        Err(Error::Invalid(e)) => {
            let view = immersions::agreement_view(&state.core, &user, &id).await?;
            Ok(invalid(AgreementFormPage {
                agreement: view.agreement,
                terms,
                errors: Errors(e),
                ctx,
            }))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn show_terms(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<TermsPage, AppError> {
    let user = ctx.require_user()?.clone();
    let (agreement, terms) = immersions::read_terms(&state.core, &user, &id, &ctx.actor()).await?;
    Ok(TermsPage {
        agreement,
        terms,
        ctx,
    })
}

/// The add-item form: `kind` (objective or task) and the text in the field of that name.
pub async fn add_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    pairs: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let kind = pairs.get("kind");
    let text = pairs.get(&kind);
    match immersions::add_item(&state.core, &user, &id, &kind, &text, &ctx.actor()).await {
        Ok(()) => Ok(see_other(&format!(
            "/agreements/{id}?notice=agreement-saved#{kind}s"
        ))),
        Err(Error::Invalid(e)) => Ok(invalid(
            view_page(&state, ctx, &id, Notice::default(), Errors(e), (kind, text)).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    immersions::remove_item(&state.core, &user, &id, &item, &ctx.actor()).await?;
    Ok(see_other(&format!(
        "/agreements/{id}?notice=agreement-saved"
    )))
}

pub async fn submit_agreement(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match immersions::submit(&state.core, &user, &id, &ctx.actor()).await {
        Ok(()) => Ok(see_other(&format!(
            "/agreements/{id}?notice=agreement-submitted"
        ))),
        Err(Error::Invalid(e)) => Ok(invalid(
            view_page(
                &state,
                ctx,
                &id,
                Notice::default(),
                Errors(e),
                Default::default(),
            )
            .await?,
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ApproveForm {
    party: String,
    version: i64,
    confirm_employment: String,
}

pub async fn approve_agreement(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
    FormData(form): FormData<ApproveForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let confirms = !form.confirm_employment.is_empty();
    let agent = crate::forms::user_agent(&headers);
    match immersions::approve(
        &state.core,
        &user,
        &id,
        &form.party,
        form.version,
        confirms,
        &ctx.actor(),
        agent,
    )
    .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/agreements/{id}?notice=agreement-approved"
        ))),
        Err(Error::Invalid(e)) => Ok(invalid(
            view_page(
                &state,
                ctx,
                &id,
                Notice::default(),
                Errors(e),
                Default::default(),
            )
            .await?,
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    status: String,
    /// The reason, from whichever form sent it (each has its own field id on the page).
    reason: String,
    early_reason: String,
    cancel_reason: String,
    confirm_early: String,
}

pub async fn set_agreement_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    FormData(form): FormData<StatusForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let reason = [&form.reason, &form.early_reason, &form.cancel_reason]
        .into_iter()
        .find(|r| !r.trim().is_empty())
        .cloned()
        .unwrap_or_default();
    let change = immersions::StatusChange {
        to: form.status.clone(),
        reason: reason.clone(),
        confirmed_early: !form.confirm_early.is_empty(),
    };
    match immersions::set_agreement_status(&state.core, &user, &id, &change, &ctx.actor()).await {
        Ok(()) => Ok(see_other(&format!(
            "/agreements/{id}?notice=agreement-status-changed"
        ))),
        Err(Error::Invalid(e)) => {
            let mut page = view_page(
                &state,
                ctx,
                &id,
                Notice::default(),
                Errors(e),
                Default::default(),
            )
            .await?;
            page.reason = reason;
            page.pending_status = form.status;
            Ok(invalid(page))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CompareQuery {
    a: i64,
    b: i64,
    /// Every term, not only those that changed.
    all: String,
}

pub async fn compare_versions(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<CompareQuery>,
) -> Result<ComparePage, AppError> {
    let user = ctx.require_user()?.clone();
    let (agreement, mut rows) =
        immersions::compare(&state.core, &user, &id, q.a, q.b, &ctx.actor()).await?;
    let all = !q.all.is_empty();
    let total = rows.len();
    if !all {
        rows.retain(|r| r.changed());
    }
    Ok(ComparePage {
        agreement,
        all,
        unchanged: (total - rows.len()) as i64,
        rows,
        left: q.a,
        right: q.b,
        ctx,
    })
}

/// The immersion's schedule as an iCalendar file, for the parties' own calendars.
pub async fn download_calendar(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let (a, terms) = immersions::schedule(&state.core, &user, &id).await?;
    let schedule = passerelle_export::Schedule {
        uid: format!("{}@passerelle", a.id),
        summary: ctx.t1("calendar-summary", "offer", &a.offer_title),
        description: ctx.locale.t_args(
            "calendar-description",
            &[
                ("host", a.host_organisation_name.clone().into()),
                ("tutor", terms.tutor_name.clone().into()),
                ("days", terms.recurring_days.clone().into()),
                ("link", state.core.link(&format!("/agreements/{id}")).into()),
            ],
        ),
        location: a.host_organisation_name.clone(),
        start: terms.start.clone(),
        end: terms.end.clone(),
        weekdays: terms.weekdays(),
    };
    let body = passerelle_export::ics("Passerelle", &schedule)
        .ok_or_else(|| AppError::from(Error::Conflict("calendar-not-ready")))?;
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                "attachment; filename=\"immersion.ics\"".to_owned(),
            ),
        ],
        body,
    )
        .into_response())
}

/// The agreement as a PDF: every term (employment and data access included, so downloading it is
/// an audited reading), objectives, tasks and the approvals of the current version.
pub async fn download_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let (_, terms) = immersions::read_terms(&state.core, &user, &id, &ctx.actor()).await?;
    let view = immersions::agreement_view(&state.core, &user, &id).await?;
    super::agreement_pdf::render(&state, &ctx, &view, &terms).await
}
