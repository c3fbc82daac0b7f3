//! Writing sheets: creating one, saving revisions (a second save on the same base revision is a
//! conflict, never an overwrite), and co-authors.

use crate::accounts::{self, Actor, User};
use crate::audit::{self, Entry, action};
use crate::ids::new_id;
use crate::validate::FieldErrors;
use crate::{Core, Error, Result};

use super::content::Content;
use super::store::{self, RevisionRow, SheetRow};
use super::{Provenance, Status, Work, load_work, policy, types};

/// What creating a sheet starts from.
#[derive(Debug, Clone, Default)]
pub struct NewSheet {
    pub kind: String,
    pub title: String,
    /// Values to pre-fill (from a questionnaire response, an immersion), over the defaults.
    pub prefill: Content,
    pub provenance: Provenance,
}

/// Creates a draft sheet with `user` as its first author; returns its id.
pub async fn create(core: &Core, user: &User, new: NewSheet, actor: &Actor) -> Result<String> {
    if !policy::may_write(Some(user)) {
        return Err(Error::Forbidden);
    }
    let mut errors = FieldErrors::default();
    let ty = types::find(&new.kind);
    if ty.is_none() {
        errors.add("kind", "field-choice-invalid");
    }
    let title = crate::validate::text(&mut errors, "title", &new.title, true, 200);
    errors.into_result()?;
    let ty = ty.ok_or(Error::NotFound)?;
    let mut content = Content::defaults(ty);
    for (k, v) in new.prefill.0 {
        if ty.field(&k).is_some() {
            content.0.insert(k, v);
        }
    }
    content.set_text("title", title.clone());
    let now = core.clock.unix();
    let id = new_id();
    let mut tx = core.db.begin().await?;
    insert(
        &mut tx,
        user,
        &id,
        ty.code.as_str(),
        &title,
        &content,
        &new.provenance,
        now,
        false,
    )
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::SHEET_CREATED).target("sheet", &id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Writes a new sheet and its first revision (also used by the demo).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn insert(
    conn: &mut sqlx::AnyConnection,
    user: &User,
    id: &str,
    kind: &str,
    title: &str,
    content: &Content,
    provenance: &Provenance,
    now: i64,
    is_demo: bool,
) -> Result<()> {
    let row = SheetRow {
        id: id.to_owned(),
        kind: kind.to_owned(),
        status: Status::Draft.code().to_owned(),
        title: title.to_owned(),
        revision: 1,
        published_revision: None,
        created_by: Some(user.id.clone()),
        source_kind: provenance.kind.clone(),
        source_id: provenance.id.clone(),
        source_label: provenance.label.clone(),
        created_at: now,
        updated_at: now,
        published_at: None,
    };
    store::insert(conn, &row, is_demo).await?;
    store::insert_revision(
        conn,
        &RevisionRow {
            sheet_id: id.to_owned(),
            number: 1,
            content: serde_json::to_string(content).map_err(|e| Error::Internal(e.to_string()))?,
            author_id: Some(user.id.clone()),
            author_name: user.display_name.clone(),
            note: String::new(),
            created_at: now,
        },
    )
    .await?;
    store::add_author(conn, id, &user.id, now).await?;
    Ok(())
}

/// The outcome of a save.
#[derive(Debug)]
pub enum Saved {
    /// A new revision with this number.
    Revision(i64),
    /// Someone saved since the writer's base revision, in other fields only: both were merged
    /// into a new revision with this number (`fields` taken from theirs).
    Merged { revision: i64, fields: Vec<String> },
    /// Nothing changed: no revision.
    Unchanged,
    /// Someone saved since `base` and changed some of the same fields: nothing was written.
    Conflict(Box<Conflict>),
}

/// Two co-authors changed the same fields: what was saved meanwhile, the merge of both (mine
/// where both changed), and for each field both changed, who changed it on their side.
#[derive(Debug)]
pub struct Conflict {
    pub latest: Work,
    pub merged: Content,
    /// `(field, names of who changed it since the writer's base)`.
    pub fields: Vec<(String, Vec<String>)>,
}

/// Merges the writer's `mine`, made from revision `base`, with the `latest` content (`since`:
/// the revisions from `base` on, oldest first; see [`crate::merge::merge_documents`]).
fn merge_with_latest(
    latest: &Content,
    since: &[RevisionRow],
    base: i64,
    mine: &Content,
) -> Result<(Content, crate::merge::Merge<serde_json::Value>)> {
    let base_content = since
        .iter()
        .find(|r| r.number == base)
        .map(|r| serde_json::from_str::<Content>(&r.content))
        .transpose()
        .map_err(|e| Error::Internal(e.to_string()))?;
    crate::merge::merge_documents(base_content.as_ref(), latest, mine)
}

/// Who changed `field` in the revisions `since` (oldest first, from the writer's base): names,
/// once each.
fn changed_by(since: &[RevisionRow], field: &str) -> Vec<String> {
    let value = |json: &str| {
        serde_json::from_str::<Content>(json)
            .ok()
            .and_then(|c| c.0.get(field).cloned())
    };
    let mut names = Vec::new();
    for pair in since.windows(2) {
        if value(&pair[0].content) != value(&pair[1].content)
            && !names.contains(&pair[1].author_name)
        {
            names.push(pair[1].author_name.clone());
        }
    }
    names
}

/// Saves `content` as a new revision of a sheet whose latest revision the writer read was
/// `base`. When a co-author saved since, the two are merged field by field: fields only they
/// changed keep their version, fields only the writer changed take the writer's, and fields
/// both changed are a [`Conflict`] shown to the writer (nothing is written). Lengths, choices
/// and consents are checked; required fields wait for submission.
pub async fn save(
    core: &Core,
    user: &User,
    id: &str,
    base: i64,
    content: Content,
    note: &str,
) -> Result<Saved> {
    let mut tx = core.db.begin().await?;
    let work = load_work(&mut tx, user, id).await?;
    if !policy::may_edit(work.standing(user), work.status()) {
        return Err(Error::Conflict("sheet-not-editable"));
    }
    let (content, base, taken) = if work.row.revision == base {
        (content, base, Vec::new())
    } else {
        let since = store::revisions_from(&mut tx, id, base).await?;
        let (merged, m) = merge_with_latest(&work.content, &since, base, &content)?;
        if !m.conflicts.is_empty() {
            let fields = m
                .conflicts
                .iter()
                .map(|f| (f.clone(), changed_by(&since, f)))
                .collect();
            return Ok(Saved::Conflict(Box::new(Conflict {
                latest: work,
                merged,
                fields,
            })));
        }
        (merged, work.row.revision, m.taken)
    };
    if content == work.content {
        return Ok(Saved::Unchanged);
    }
    let mut errors = FieldErrors::default();
    let note = crate::validate::text(&mut errors, "note", note, false, 500);
    errors.into_result()?;
    let now = core.clock.unix();
    let number = base + 1;
    let mut row = work.row.clone();
    row.revision = number;
    row.title = content.text("title").to_owned();
    row.updated_at = now;
    if work.status() == Status::Published {
        // The published revision stays public while the new one goes through review.
        row.status = Status::Draft.code().to_owned();
    }
    if !store::update(&mut tx, &row, base).await? {
        // Another instance saved between our read and our write: merge with that one.
        tx.rollback().await?;
        return Box::pin(save(core, user, id, base, content, &note)).await;
    }
    store::insert_revision(
        &mut tx,
        &RevisionRow {
            sheet_id: id.to_owned(),
            number,
            content: serde_json::to_string(&content).map_err(|e| Error::Internal(e.to_string()))?,
            author_id: Some(user.id.clone()),
            author_name: user.display_name.clone(),
            note,
            created_at: now,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(if taken.is_empty() {
        Saved::Revision(number)
    } else {
        Saved::Merged {
            revision: number,
            fields: taken,
        }
    })
}

/// Adds a co-author by e-mail address.
pub async fn add_author(
    core: &Core,
    user: &User,
    id: &str,
    email: &str,
    actor: &Actor,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let work = load_work(&mut tx, user, id).await?;
    if !policy::may_add_author(work.standing(user)) {
        return Err(Error::Forbidden);
    }
    let mut errors = FieldErrors::default();
    let email = crate::validate::email(&mut errors, "email", email);
    errors.into_result()?;
    let other = accounts::store::by_email(&mut tx, &email)
        .await?
        .ok_or_else(|| Error::field("email", "sheet-author-unknown"))?;
    if work.authors.iter().any(|a| a.id == other.id) {
        return Err(Error::field("email", "sheet-author-already"));
    }
    let now = core.clock.unix();
    store::add_author(&mut tx, id, &other.id, now).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::SHEET_AUTHOR_ADDED)
            .target("sheet", id)
            .subject(&email),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
