//! Review: submitting, requesting changes with comments per field, publishing (which indexes
//! the published revision for the catalogue), archiving; and the list of named reviewers.

use crate::accounts::{self, Actor, User};
use crate::audit::{self, Entry, action};
use crate::ids::new_id;
use crate::mail::{self, Message};
use crate::validate::FieldErrors;
use crate::{Core, Error, Locale, Result};

use super::content::{self, Content};
use super::index::IndexEntry;
use super::store::{self, CommentRow};
use super::types::SheetType;
use super::{Status, Transition, load_work, policy};

/// The comment that concerns the whole sheet rather than one field.
pub const GENERAL: &str = "_general";

/// Moves a sheet along review. `comments` are `(field, text)` pairs; requesting changes needs at
/// least one. Submitting and publishing list the required fields left empty as field errors.
pub async fn transition(
    core: &Core,
    user: &User,
    id: &str,
    t: Transition,
    comments: &[(String, String)],
    actor: &Actor,
) -> Result<Status> {
    let mut tx = core.db.begin().await?;
    let work = load_work(&mut tx, user, id).await?;
    if !policy::may_transition(work.standing(user), t, core.config.reviewers_publish_own) {
        return Err(Error::Forbidden);
    }
    let next = work
        .status()
        .after(t)
        .ok_or(Error::Conflict("sheet-transition-impossible"))?;
    if matches!(t, Transition::Submit | Transition::Publish) {
        let mut errors = FieldErrors::default();
        for name in content::missing(work.ty, &work.content) {
            errors.add(name, "field-required");
        }
        errors.into_result()?;
    }
    let now = core.clock.unix();
    let mut written = 0;
    for (field, body) in comments {
        let body = body.trim();
        if body.is_empty() {
            continue;
        }
        if field != GENERAL && work.ty.field(field).is_none() {
            return Err(Error::field("comments", "field-choice-invalid"));
        }
        if body.chars().count() > 2000 {
            return Err(Error::field("comments", "field-too-long"));
        }
        store::insert_comment(
            &mut tx,
            &CommentRow {
                id: new_id(),
                sheet_id: id.to_owned(),
                revision: work.row.revision,
                field: field.clone(),
                body: body.to_owned(),
                author_id: Some(user.id.clone()),
                author_name: user.display_name.clone(),
                created_at: now,
                resolved_at: None,
            },
        )
        .await?;
        written += 1;
    }
    if t == Transition::RequestChanges && written == 0 {
        return Err(Error::field("comments", "sheet-comment-needed"));
    }
    let mut row = work.row.clone();
    row.status = next.code().to_owned();
    row.updated_at = now;
    match t {
        Transition::Submit => store::resolve_comments(&mut tx, id, now).await?,
        Transition::Publish => {
            row.published_revision = Some(row.revision);
            row.published_at = Some(now);
            index_sheet(&mut tx, core.db.backend, &row, work.ty, &work.content).await?;
        }
        Transition::Archive => {
            super::index::unindex(&mut tx, core.db.backend, id).await?;
        }
        Transition::RequestChanges | Transition::Restore => {}
    }
    if !store::update(&mut tx, &row, work.row.revision).await? {
        return Err(Error::Conflict("sheet-changed-meanwhile"));
    }
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::SHEET_STATUS_CHANGED)
            .target("sheet", id)
            .details(next.code()),
    )
    .await?;
    // Who is told: the co-authors of changes requested or a publication, the reviewers (not
    // the authors) of a submission; never the person who acted.
    let authors = store::authors(&mut tx, id).await?;
    let (told, page): (Vec<(String, String)>, &str) = match t {
        Transition::RequestChanges | Transition::Publish => (
            authors
                .into_iter()
                .filter(|(author, ..)| *author != user.id)
                .map(|(_, _, email, locale)| (email, locale))
                .collect(),
            "edit",
        ),
        Transition::Submit => (
            store::review_mailboxes(&mut tx)
                .await?
                .into_iter()
                .filter(|(reviewer, ..)| {
                    *reviewer != user.id && !authors.iter().any(|a| a.0 == *reviewer)
                })
                .map(|(_, email, locale)| (email, locale))
                .collect(),
            "review",
        ),
        Transition::Archive | Transition::Restore => (Vec::new(), ""),
    };
    let link = core.link(&format!("/sheets/{id}/{page}"));
    for (email, locale) in told {
        let message = Message::SheetStatus {
            title: row.title.clone(),
            status: next.code().to_owned(),
            link: link.clone(),
        };
        let locale = Locale::parse(&locale).unwrap_or_default();
        mail::enqueue(&mut tx, now, &email, locale, &message).await?;
    }
    tx.commit().await?;
    if matches!(t, Transition::Publish | Transition::Archive) {
        core.caches.sheet_catalogue.clear();
    }
    Ok(next)
}

/// Writes the public index rows of a published sheet (also used by the benchmark's seeding).
pub async fn index_sheet(
    conn: &mut sqlx::AnyConnection,
    backend: crate::Backend,
    row: &store::SheetRow,
    ty: &SheetType,
    content: &Content,
) -> Result<()> {
    let title = content.text("title");
    let body = content::searchable_body(ty, content);
    let facets = content::facets(ty, content);
    super::index::index(
        conn,
        backend,
        &IndexEntry {
            sheet_id: &row.id,
            kind: &row.kind,
            title,
            summary: content.text("summary"),
            body: &body,
            published_at: row.published_at.unwrap_or(row.updated_at),
            facets: &facets,
        },
    )
    .await?;
    Ok(())
}

/// Named reviewers, for coordinators.
pub async fn reviewers(core: &Core, user: &User) -> Result<Vec<super::Person>> {
    if !policy::may_coordinate(Some(user)) {
        return Err(Error::NotFound);
    }
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::reviewers(&mut conn)
        .await?
        .into_iter()
        .map(|(id, name, email)| super::Person { id, name, email })
        .collect())
}

/// Names (or, with `add` false, un-names) a reviewer by e-mail address.
pub async fn set_reviewer(
    core: &Core,
    user: &User,
    email: &str,
    add: bool,
    actor: &Actor,
) -> Result<()> {
    if !policy::may_coordinate(Some(user)) {
        return Err(Error::NotFound);
    }
    let mut errors = FieldErrors::default();
    let email = crate::validate::email(&mut errors, "email", email);
    errors.into_result()?;
    let mut tx = core.db.begin().await?;
    let other = accounts::store::by_email(&mut tx, &email)
        .await?
        .ok_or_else(|| Error::field("email", "sheet-author-unknown"))?;
    let now = core.clock.unix();
    if add {
        store::add_reviewer(&mut tx, &other.id, &user.id, now).await?;
    } else {
        store::remove_reviewer(&mut tx, &other.id).await?;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::SHEET_REVIEWERS_CHANGED)
            .subject(&email)
            .details(if add { "added" } else { "removed" }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
