//! Capitalisation handlers (outputs with files, contacts kept with consent, follow-up actions),
//! file downloads, and the alumni directory.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use passerelle_core::Error;
use passerelle_core::immersions::{self, ActionInput, ContactInput, OutputInput};
use passerelle_core::validate::FieldErrors;
use serde::Deserialize;

use super::logbook::upload_mb;
use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
#[cfg(test)]
use crate::forms::content_disposition;
use crate::forms::stored_file;
use crate::forms::{Errors, FilesForm, Notice, Pairs, invalid, see_other};

/// The forms as typed and their errors, for one rendering of the page.
#[derive(Default)]
struct Typed {
    output: OutputInput,
    contact: ContactInput,
    action: ActionInput,
    form: CapForm,
    errors: Errors,
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    typed: Typed,
    notice: Notice,
) -> Result<CapitalisationPage, AppError> {
    let user = ctx.require_user()?;
    let view = immersions::capitalisation(&state.core, user, id).await?;
    let output = OutputInput {
        visibility: if typed.output.visibility.is_empty() {
            "parties".into()
        } else {
            typed.output.visibility
        },
        ..typed.output
    };
    Ok(CapitalisationPage {
        view,
        output,
        contact: typed.contact,
        action: typed.action,
        form: typed.form,
        errors: typed.errors,
        notice,
        upload_mb: upload_mb(&state.core),
        ctx,
    })
}

pub async fn show_capitalisation(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<CapitalisationPage, AppError> {
    page(&state, ctx, &id, Typed::default(), notice).await
}

/// After a change: back to the page, at the section changed.
fn back(id: &str, notice: &str, section: &str) -> Response {
    see_other(&format!(
        "/agreements/{id}/capitalisation?notice={notice}#{section}"
    ))
}

/// After one of the page's forms: back to its section, or the page again with that form's
/// errors and what was typed (`typed` fills in the form's input).
async fn finish(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    result: passerelle_core::Result<()>,
    (notice, section): (&str, &str),
    typed: Typed,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(back(id, notice, section)),
        Err(Error::Invalid(e)) => {
            let typed = Typed {
                errors: Errors(e),
                ..typed
            };
            Ok(invalid(
                page(state, ctx, id, typed, Notice::default()).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// The output form is `multipart/form-data`: it may carry files.
pub async fn add_output(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FilesForm,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let f = &form.fields;
    let input = OutputInput {
        kind: f.get("output_kind"),
        title: f.get("output_title"),
        description: f.get("output_description"),
        url: f.get("output_url"),
        visibility: f.get("output_visibility"),
    };
    let files = form.files("output_files");
    let result = immersions::add_output(&state.core, &user, &id, &input, &files).await;
    let typed = Typed {
        output: input,
        form: CapForm::Output,
        ..Default::default()
    };
    finish(&state, ctx, &id, result, ("output-added", "outputs"), typed).await
}

pub async fn remove_output(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    immersions::remove_output(&state.core, user, &id, &item).await?;
    Ok(back(&id, "output-removed", "outputs"))
}

pub async fn add_contact(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = ContactInput {
        name: p.get("contact_name"),
        organisation: p.get("contact_organisation"),
        role: p.get("contact_role"),
        email: p.get("contact_email"),
        phone: p.get("contact_phone"),
        met_how: p.get("contact_met_how"),
        consent: p.get("contact_consent") == "yes",
        consent_note: p.get("contact_consent_note"),
    };
    let result = immersions::add_contact(&state.core, &user, &id, &input).await;
    let typed = Typed {
        contact: input,
        form: CapForm::Contact,
        ..Default::default()
    };
    finish(
        &state,
        ctx,
        &id,
        result,
        ("contact-added", "contacts"),
        typed,
    )
    .await
}

pub async fn remove_contact(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    immersions::remove_contact(&state.core, user, &id, &item).await?;
    Ok(back(&id, "contact-removed", "contacts"))
}

pub async fn add_action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = ActionInput {
        description: p.get("action_description"),
        owner_name: p.get("action_owner_name"),
        due_date: p.get("action_due_date"),
    };
    let result = immersions::add_action(&state.core, &user, &id, &input).await;
    let typed = Typed {
        action: input,
        form: CapForm::Action,
        ..Default::default()
    };
    finish(&state, ctx, &id, result, ("action-added", "actions"), typed).await
}

pub async fn complete_action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    immersions::complete_action(&state.core, user, &id, &item).await?;
    Ok(back(&id, "action-done", "actions"))
}

/// A stored file, as a download: never shown inline, never sniffed, named as uploaded.
pub async fn download_attachment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (a, data) = immersions::attachments::download(&state.core, ctx.user.as_ref(), &id).await?;
    Ok(stored_file(&a.content_type, &a.filename, data))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AlumniQuery {
    programme: String,
    q: String,
}

pub async fn alumni_directory(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<AlumniQuery>,
) -> Result<AlumniPage, AppError> {
    let user = ctx.require_user()?;
    let alumni = immersions::alumni_directory(&state.core, &query.programme, &query.q).await?;
    Ok(AlumniPage {
        alumni,
        programmes: immersions::list_programmes(&state.core).await?,
        programme: query.programme,
        q: query.q,
        mine: immersions::my_alumni(&state.core, user).await?,
        ctx,
    })
}

async fn alumnus_page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    question: String,
    errors: Errors,
    notice: Notice,
) -> Result<AlumnusPage, AppError> {
    let user = ctx.require_user()?;
    let alumnus = immersions::alumnus(&state.core, id).await?;
    Ok(AlumnusPage {
        is_me: alumnus.profile.user_id == user.id,
        alumnus,
        question,
        errors,
        notice,
        ctx,
    })
}

pub async fn show_alumnus(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<AlumnusPage, AppError> {
    alumnus_page(&state, ctx, &id, String::new(), Errors::default(), notice).await
}

pub async fn ask_alumnus(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let question = p.get("question");
    let errors = match immersions::ask_alumnus(&state.core, &user, &id, &question).await {
        Ok(()) => return Ok(see_other(&format!("/alumni/{id}?notice=question-sent"))),
        Err(Error::Invalid(e)) => e,
        // Over the daily limit: said next to the question, which is kept.
        Err(Error::Conflict(code @ "alumni-ask-limit")) => {
            let mut e = FieldErrors::default();
            e.add("question", code);
            e
        }
        Err(e) => return Err(e.into()),
    };
    Ok(invalid(
        alumnus_page(
            &state,
            ctx,
            &id,
            question,
            Errors(errors),
            Notice::default(),
        )
        .await?,
    ))
}

async fn my_alumni_page(
    state: &AppState,
    ctx: Ctx,
    typed: Option<(String, String)>,
    errors: Errors,
    notice: Notice,
) -> Result<MyAlumniPage, AppError> {
    let user = ctx.require_user()?;
    let mine = immersions::my_alumni(&state.core, user).await?;
    let (bio, topics) = typed.unwrap_or_else(|| {
        mine.profile
            .as_ref()
            .map(|p| (p.bio.clone(), p.topic_list().join(", ")))
            .unwrap_or_default()
    });
    Ok(MyAlumniPage {
        mine,
        bio,
        topics,
        errors,
        notice,
        ctx,
    })
}

pub async fn show_my_alumni(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
) -> Result<MyAlumniPage, AppError> {
    my_alumni_page(&state, ctx, None, Errors::default(), notice).await
}

pub async fn join_alumni(
    State(state): State<AppState>,
    ctx: Ctx,
    p: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let (bio, topics) = (p.get("bio"), p.get("topics"));
    match immersions::join_alumni(&state.core, &user, &bio, &topics).await {
        Ok(()) => Ok(see_other("/account/alumni?notice=alumni-joined")),
        Err(Error::Invalid(e)) => Ok(invalid(
            my_alumni_page(
                &state,
                ctx,
                Some((bio, topics)),
                Errors(e),
                Notice::default(),
            )
            .await?,
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn leave_alumni(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    immersions::leave_alumni(&state.core, user).await?;
    Ok(see_other("/account/alumni?notice=alumni-left"))
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn file_names_are_quoted_safely_and_kept_in_utf8() {
        assert_eq!(
            content_disposition("bilan.pdf"),
            "attachment; filename=\"bilan.pdf\"; filename*=UTF-8''bilan.pdf"
        );
        assert_eq!(
            content_disposition("compte rendu é\".pdf"),
            "attachment; filename=\"compte rendu __.pdf\"; filename*=UTF-8''compte%20rendu%20%C3%A9%22.pdf"
        );
    }
}
