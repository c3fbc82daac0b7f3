//! Organisation handlers. Rules and permissions live in `core::organisations`.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passerelle_core::Error;
use passerelle_core::immersions;
use passerelle_core::organisations::{self, OrgInput, OrgView};
use serde::Deserialize;

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, FormData, HxFragment, Notice, invalid, see_other};

const PAGE_SIZE: i64 = 24;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    kind: String,
    country: String,
    page: Option<i64>,
}

pub async fn list_organisations(
    State(state): State<AppState>,
    ctx: Ctx,
    HxFragment(fragment): HxFragment,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let page = q.page.unwrap_or(1).clamp(1, 10_000);
    let mut orgs = organisations::list(
        &state.core,
        &q.q,
        &q.kind,
        &q.country,
        PAGE_SIZE + 1,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let has_next = orgs.len() as i64 > PAGE_SIZE;
    orgs.truncate(PAGE_SIZE as usize);
    // htmx asks for the results only when the search form changes (`fragment`); a full page
    // otherwise.
    let results = ResultsFragment {
        ctx: ctx.clone(),
        orgs,
        q: q.q,
        kind: q.kind,
        country: q.country,
        page,
        has_next,
    };
    Ok(if fragment {
        results.into_response()
    } else {
        ListPage { ctx, results }.into_response()
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OrgForm {
    name: String,
    kind: String,
    country: String,
    city: String,
    website: String,
    description: String,
}

impl OrgForm {
    fn input(&self) -> OrgInput {
        OrgInput {
            name: self.name.clone(),
            kind: self.kind.clone(),
            country: self.country.clone(),
            city: self.city.clone(),
            website: self.website.clone(),
            description: self.description.clone(),
        }
    }

    fn page(self, ctx: Ctx, slug: Option<String>, errors: Errors) -> FormPage {
        FormPage {
            ctx,
            slug,
            name: self.name,
            kind: self.kind,
            country: self.country,
            city: self.city,
            website: self.website,
            description: self.description,
            errors,
        }
    }
}

pub async fn show_new_organisation(ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    if !organisations::policy::may_create(Some(user)) {
        return Err(AppError::forbidden());
    }
    Ok(OrgForm::default()
        .page(ctx, None, Errors::default())
        .into_response())
}

pub async fn create_organisation(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<OrgForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match organisations::create(&state.core, &user, &form.input(), &ctx.actor()).await {
        Ok(slug) => Ok(see_other(&format!(
            "/organisations/{slug}?notice=org-created"
        ))),
        Err(Error::Invalid(errors)) => Ok(invalid(form.page(ctx, None, Errors(errors)))),
        Err(e) => Err(e.into()),
    }
}

pub async fn show_organisation(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(slug): Path<String>,
) -> Result<ShowPage, AppError> {
    let view = organisations::view(&state.core, &slug, ctx.user.as_ref()).await?;
    Ok(ShowPage {
        may_manage: view.may_manage(ctx.user.as_ref()),
        may_see_members: view.may_see_members(ctx.user.as_ref()),
        view,
        notice,
        ctx,
    })
}

async fn managed_view(state: &AppState, ctx: &Ctx, slug: &str) -> Result<OrgView, AppError> {
    let user = ctx.require_user()?;
    let view = organisations::view(&state.core, slug, Some(user)).await?;
    if !view.may_manage(Some(user)) {
        return Err(AppError::forbidden());
    }
    Ok(view)
}

pub async fn show_edit_organisation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<FormPage, AppError> {
    let o = managed_view(&state, &ctx, &slug).await?.org;
    let form = OrgForm {
        name: o.name,
        kind: o.kind,
        country: o.country,
        city: o.city,
        website: o.website,
        description: o.description,
    };
    Ok(form.page(ctx, Some(slug), Errors::default()))
}

pub async fn update_organisation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    FormData(form): FormData<OrgForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match organisations::update(&state.core, &user, &slug, &form.input(), &ctx.actor()).await {
        Ok(()) => Ok(see_other(&format!(
            "/organisations/{slug}?notice=org-saved"
        ))),
        Err(Error::Invalid(errors)) => Ok(invalid(form.page(ctx, Some(slug), Errors(errors)))),
        Err(e) => Err(e.into()),
    }
}

/// The members page, optionally with the invitation form's errors or a banner.
async fn members_page(
    state: &AppState,
    ctx: Ctx,
    slug: &str,
    notice: Notice,
    invite: (String, String),
    errors: Errors,
    banner: String,
) -> Result<MembersPage, AppError> {
    let user = ctx.require_user()?.clone();
    let view = organisations::view(&state.core, slug, Some(&user)).await?;
    let members = organisations::members(&state.core, &view, &user).await?;
    let may_manage = view.may_manage(Some(&user));
    let invitations = if may_manage {
        organisations::pending_invitations(&state.core, &view, &user).await?
    } else {
        vec![]
    };
    let signatories = immersions::org_signatories(&state.core, &user, slug).await?;
    Ok(MembersPage {
        ctx,
        view,
        members,
        invitations,
        may_manage,
        invite_email: invite.0,
        invite_role: invite.1,
        errors,
        banner,
        notice,
        signatories,
        sig_name: String::new(),
        sig_function: String::new(),
        sig_email: String::new(),
        sig_errors: Errors::default(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SignatoryForm {
    signatory_name: String,
    signatory_function: String,
    signatory_email: String,
}

/// Lists a person entitled to sign agreements for the organisation (its administrators).
pub async fn add_signatory(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    FormData(form): FormData<SignatoryForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = immersions::SignatoryInput {
        name: form.signatory_name.clone(),
        function: form.signatory_function.clone(),
        email: form.signatory_email.clone(),
        ..Default::default()
    };
    match immersions::add_org_signatory(&state.core, &user, &slug, &input, &ctx.actor()).await {
        Ok(()) => Ok(see_other(&format!(
            "/organisations/{slug}/members?notice=signatory-added"
        ))),
        Err(Error::Invalid(errors)) => {
            let mut page = members_page(
                &state,
                ctx,
                &slug,
                Notice::default(),
                (String::new(), "member".into()),
                Errors::default(),
                String::new(),
            )
            .await?;
            page.sig_name = form.signatory_name;
            page.sig_function = form.signatory_function;
            page.sig_email = form.signatory_email;
            page.sig_errors = Errors(errors);
            Ok(invalid(page))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_signatory(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    immersions::remove_org_signatory(&state.core, &user, &slug, &id, &ctx.actor()).await?;
    Ok(see_other(&format!(
        "/organisations/{slug}/members?notice=signatory-removed"
    )))
}

pub async fn show_members(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(slug): Path<String>,
) -> Result<MembersPage, AppError> {
    members_page(
        &state,
        ctx,
        &slug,
        notice,
        (String::new(), "member".into()),
        Errors::default(),
        String::new(),
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteForm {
    email: String,
    role: String,
}

pub async fn invite_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    FormData(form): FormData<InviteForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match organisations::invite(
        &state.core,
        &user,
        &slug,
        &form.email,
        &form.role,
        &ctx.actor(),
    )
    .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/organisations/{slug}/members?notice=invited"
        ))),
        Err(Error::Invalid(errors)) => Ok(invalid(
            members_page(
                &state,
                ctx,
                &slug,
                Notice::default(),
                (form.email, form.role),
                Errors(errors),
                String::new(),
            )
            .await?,
        )),
        Err(e) => Err(e.into()),
    }
}

/// Member changes that break a rule (the last admin) come back to the members page with a banner.
async fn member_action(
    state: &AppState,
    ctx: Ctx,
    slug: &str,
    result: passerelle_core::Result<()>,
    notice: &str,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/organisations/{slug}/members?notice={notice}"
        ))),
        Err(Error::Conflict(code)) => {
            let banner = ctx.t(&format!("error-{code}"));
            let page = members_page(
                state,
                ctx,
                slug,
                Notice::default(),
                (String::new(), "member".into()),
                Errors::default(),
                banner,
            )
            .await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(Error::Invalid(_)) => Err(AppError::bad_request()),
        Err(e) => Err(e.into()),
    }
}

pub async fn revoke_invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let result =
        organisations::revoke_invitation(&state.core, &user, &slug, &id, &ctx.actor()).await;
    member_action(&state, ctx, &slug, result, "invitation-revoked").await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RoleForm {
    role: String,
}

pub async fn set_member_role(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, member)): Path<(String, String)>,
    FormData(form): FormData<RoleForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let result = organisations::set_member_role(
        &state.core,
        &user,
        &slug,
        &member,
        &form.role,
        &ctx.actor(),
    )
    .await;
    member_action(&state, ctx, &slug, result, "member-updated").await
}

pub async fn remove_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, member)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let leaving = user.id == member;
    let result =
        organisations::remove_member(&state.core, &user, &slug, &member, &ctx.actor()).await;
    if leaving && result.is_ok() {
        return Ok(see_other(&format!("/organisations/{slug}?notice=left")));
    }
    member_action(&state, ctx, &slug, result, "member-removed").await
}

pub async fn show_invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let inv = organisations::invitation(&state.core, &token).await?;
    let status = if inv.usable {
        StatusCode::OK
    } else {
        StatusCode::GONE
    };
    Ok((
        status,
        InvitationPage {
            ctx,
            token,
            inv,
            banner: String::new(),
        },
    )
        .into_response())
}

pub async fn accept_invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match organisations::accept(&state.core, &user, &token, &ctx.actor()).await {
        Ok(slug) => Ok(see_other(&format!("/organisations/{slug}?notice=joined"))),
        Err(Error::Conflict(code)) => {
            let inv = organisations::invitation(&state.core, &token).await?;
            let banner = ctx.t(&format!("error-{code}"));
            Ok((
                StatusCode::CONFLICT,
                InvitationPage {
                    ctx,
                    token,
                    inv,
                    banner,
                },
            )
                .into_response())
        }
        Err(e) => Err(e.into()),
    }
}
