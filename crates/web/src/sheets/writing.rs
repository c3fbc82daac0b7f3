//! Writing: the desk (my sheets, the review queue, a new sheet), the sheet page, the form
//! generated from the sheet's type, saving with conflict detection, co-authors, workflow
//! buttons, and sheets made from a questionnaire response or an immersion.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passerelle_core::sheets::{
    self, Content, GENERAL, NewSheet, Saved, Transition, compare, policy, provenance, types,
};
use passerelle_core::{Core, Error};

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, Notice, Pairs, after_form, invalid, see_other};

async fn desk_page(
    core: &Core,
    ctx: Ctx,
    kind: String,
    title: String,
    errors: Errors,
    notice: Notice,
) -> Result<DeskPage, AppError> {
    let user = ctx.require_user()?.clone();
    let (mine, queue) = sheets::desk(core, &user).await?;
    let kinds = types::all()
        .iter()
        .map(|t| (t.code.clone(), ctx.tk("sheet-type-", &t.code)))
        .collect();
    Ok(DeskPage {
        coordinates: policy::may_coordinate(Some(&user)),
        mine,
        queue,
        kinds,
        kind,
        title,
        errors,
        notice,
        ctx,
    })
}

pub async fn show_desk(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
) -> Result<DeskPage, AppError> {
    desk_page(
        &state.core,
        ctx,
        "emerging_practice".into(),
        String::new(),
        Errors::default(),
        notice,
    )
    .await
}

pub async fn create_sheet(
    State(state): State<AppState>,
    ctx: Ctx,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let (kind, title) = (p.get("kind"), p.get("title"));
    let result = sheets::create(
        &state.core,
        &user,
        NewSheet {
            kind: kind.clone(),
            title: title.clone(),
            ..Default::default()
        },
        &ctx.actor(),
    )
    .await;
    after_form(
        result,
        |id| format!("/sheets/{id}/edit?notice=sheet-created"),
        |errors| desk_page(&state.core, ctx, kind, title, errors, Notice::default()),
    )
    .await
}

pub async fn show_sheet(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<ShowPage, AppError> {
    let sheet = sheets::published(&state.core, ctx.user.as_ref(), &id).await?;
    let fields = field_views(
        &ctx,
        sheet.ty,
        &sheet.content,
        &Errors::default(),
        &[],
        false,
    );
    let status = sheets::Status::parse(&sheet.row.status).unwrap_or(sheets::Status::Draft);
    // The way back to a response is for those who manage its questionnaire (the page checks).
    let source_link = match sheet.row.source_kind.as_str() {
        provenance::FROM_RESPONSE if sheet.may_work => match sheet.row.source_id.split_once('/') {
            Some((q, r)) => format!("/questionnaires/{q}/responses/{r}"),
            None => String::new(),
        },
        provenance::FROM_IMMERSION if sheet.may_work => {
            format!("/agreements/{}", sheet.row.source_id)
        }
        _ => String::new(),
    };
    Ok(ShowPage {
        sheet,
        fields,
        status,
        notice,
        source_link,
        ctx,
    })
}

/// The working page: the form for authors who may edit, the sheet with the workflow buttons
/// for everyone who may read it.
pub(super) async fn edit_page(
    core: &Core,
    ctx: Ctx,
    id: &str,
    typed: Option<(Content, String)>,
    errors: Errors,
    notice: Notice,
) -> Result<EditPage, AppError> {
    let user = ctx.require_user()?.clone();
    let work = sheets::work(core, &user, id).await?;
    let standing = work.standing(&user);
    let status = work.status();
    let own = core.config.reviewers_publish_own;
    let may = |t: Transition| status.after(t).is_some() && policy::may_transition(standing, t, own);
    let (content, note) = typed.unwrap_or_else(|| (work.content.clone(), String::new()));
    let fields = field_views(&ctx, work.ty, &content, &errors, &work.comments, true);
    Ok(EditPage {
        general: work.open_comments(GENERAL).into_iter().cloned().collect(),
        base: work.row.revision,
        may_edit: policy::may_edit(standing, status),
        may_submit: may(Transition::Submit),
        may_publish: may(Transition::Publish),
        may_archive: may(Transition::Archive),
        may_restore: may(Transition::Restore),
        may_review: may(Transition::RequestChanges),
        author_email: String::new(),
        accept: passerelle_core::immersions::attachments::accept_attribute(),
        fields,
        note,
        errors,
        notice,
        work,
        ctx,
    })
}

pub async fn show_edit(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<EditPage, AppError> {
    edit_page(&state.core, ctx, &id, None, Errors::default(), notice).await
}

pub async fn save_sheet(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let ty = sheets::type_of_sheet(&state.core, &id).await?;
    let (mut content, errors) = Content::from_form(ty, &p.0);
    let note = p.get("note");
    // On the conflict page, the writer may keep a co-author's version of a field both changed.
    let keep_theirs = p.all("theirs");
    if !keep_theirs.is_empty() {
        let latest = sheets::work(&state.core, &user, &id).await?;
        for f in keep_theirs {
            match latest.content.0.get(&f) {
                Some(v) => content.0.insert(f, v.clone()),
                None => content.0.remove(&f),
            };
        }
    }
    if !errors.is_empty() {
        let page = edit_page(
            &state.core,
            ctx,
            &id,
            Some((content, note)),
            Errors(errors),
            Notice::default(),
        )
        .await?;
        return Ok(invalid(page));
    }
    let base = p.get("base").parse::<i64>().unwrap_or(0);
    // "Save and submit for review" / "Save and publish": what is typed is saved first, then the
    // sheet moves on; a refusal to move shows the page again, the typing saved.
    let then = match p.get("then").as_str() {
        "submit" => Some(Transition::Submit),
        "publish" => Some(Transition::Publish),
        _ => None,
    };
    match sheets::save(&state.core, &user, &id, base, content.clone(), &note).await {
        Ok(Saved::Revision(_) | Saved::Merged { .. } | Saved::Unchanged) if then.is_some() => {
            let t = then.unwrap_or(Transition::Submit);
            match sheets::transition(&state.core, &user, &id, t, &[], &ctx.actor()).await {
                Ok(status) => Ok(see_other(&format!(
                    "/sheets/{id}/edit?notice=sheet-status-{}",
                    status.code()
                ))),
                Err(Error::Invalid(e)) => {
                    let page = edit_page(&state.core, ctx, &id, None, Errors(e), Notice::default())
                        .await?;
                    Ok(invalid(page))
                }
                Err(e) => Err(e.into()),
            }
        }
        Ok(Saved::Revision(_)) => Ok(see_other(&format!("/sheets/{id}/edit?notice=sheet-saved"))),
        Ok(Saved::Merged { .. }) => {
            Ok(see_other(&format!("/sheets/{id}/edit?notice=sheet-merged")))
        }
        Ok(Saved::Unchanged) => Ok(see_other(&format!(
            "/sheets/{id}/edit?notice=sheet-unchanged"
        ))),
        Ok(Saved::Conflict(conflict)) => {
            let c = *conflict;
            let latest = &c.latest;
            let differences = c
                .fields
                .iter()
                .map(|(f, who)| ConflictField {
                    name: f.clone(),
                    label: ctx.tk("sheet-field-", f),
                    theirs: compare::as_text(latest.ty, &latest.content, f, ctx.locale),
                    yours: compare::as_text(latest.ty, &content, f, ctx.locale),
                    who: who.join(", "),
                })
                .collect();
            let fields = field_views(&ctx, latest.ty, &c.merged, &Errors::default(), &[], true);
            let page = ConflictPage {
                work: c.latest,
                differences,
                fields,
                note,
                ctx,
            };
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(Error::Invalid(e)) => {
            let page = edit_page(
                &state.core,
                ctx,
                &id,
                Some((content, note)),
                Errors(e),
                Notice::default(),
            )
            .await?;
            Ok(invalid(page))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn change_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let t = Transition::parse(&p.get("action")).ok_or_else(AppError::bad_request)?;
    let comments = vec![(GENERAL.to_owned(), p.get("comment"))];
    match sheets::transition(&state.core, &user, &id, t, &comments, &ctx.actor()).await {
        Ok(status) => Ok(see_other(&format!(
            "/sheets/{id}/edit?notice=sheet-status-{}",
            status.code()
        ))),
        Err(Error::Invalid(e)) => {
            let page = edit_page(&state.core, ctx, &id, None, Errors(e), Notice::default()).await?;
            Ok(invalid(page))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn add_author(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let email = p.get("email");
    let result = sheets::add_author(&state.core, &user, &id, &email, &ctx.actor()).await;
    after_form(
        result,
        |_| format!("/sheets/{id}/edit?notice=sheet-author-added#authors"),
        |errors| async {
            let mut page =
                edit_page(&state.core, ctx, &id, None, errors, Notice::default()).await?;
            page.author_email = email;
            Ok::<_, AppError>(page)
        },
    )
    .await
}

pub async fn sheet_from_response(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, response)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let sheet = provenance::from_response(&state.core, &user, &id, &response, &ctx.actor()).await?;
    Ok(see_other(&format!(
        "/sheets/{sheet}/edit?notice=sheet-created"
    )))
}

/// A sheet of what an immersion taught, from its agreement page.
pub async fn sheet_from_immersion(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let typed = p.get("title");
    let title = if typed.trim().is_empty() {
        ctx.t("sheet-immersion-default-title")
    } else {
        typed
    };
    let sheet = provenance::from_immersion(&state.core, &user, &id, &title, &ctx.actor()).await?;
    Ok(see_other(&format!(
        "/sheets/{sheet}/edit?notice=sheet-created"
    )))
}
