//! Saving a synthesis: a new revision, merged field by field with what a co-editor saved
//! meanwhile (see [`crate::merge`]); fields both changed are shown to the writer, who chooses.

use crate::accounts::User;
use crate::sheets::policy;
use crate::{Core, Error, Result};

use super::store;
use super::{Content, revision_content};

/// The outcome of saving a synthesis.
#[derive(Debug)]
pub enum Saved {
    Revision(i64),
    /// Someone saved since the writer's base, in other fields: both merged into this revision.
    Merged(i64),
    Unchanged,
    /// Someone saved since the writer's base and changed some of the same fields: nothing was
    /// written.
    Conflict(Box<Conflict>),
}

/// What a co-editor saved meanwhile, where it meets the writer's changes.
#[derive(Debug)]
pub struct Conflict {
    /// The latest revision's number.
    pub latest: i64,
    /// Both sides merged, the writer's where both changed.
    pub merged: Content,
    /// `(field, their value as text)` of the fields both changed.
    pub fields: Vec<(String, String)>,
    /// Who saved the revisions since the writer's base.
    pub by: Vec<String>,
}

fn as_text(v: Option<&serde_json::Value>) -> String {
    match v {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// Saves a new revision of a synthesis whose latest revision the writer read was `base`;
/// when someone saved since, both are merged (see the module's documentation).
pub async fn save(
    core: &Core,
    user: &User,
    id: &str,
    base: i64,
    content: Content,
    note: &str,
) -> Result<Saved> {
    if !policy::may_coordinate(Some(user)) {
        return Err(Error::NotFound);
    }
    let content = content.parse()?;
    let mut tx = core.db.begin().await?;
    let row = store::find(&mut tx, id).await?.ok_or(Error::NotFound)?;
    let latest = store::revision(&mut tx, id, row.revision)
        .await?
        .ok_or(Error::NotFound)?;
    let latest_content = revision_content(&latest)?;
    let (content, merged) = if row.revision == base {
        (content, false)
    } else {
        let base_content = match store::revision(&mut tx, id, base).await? {
            Some(r) => Some(revision_content(&r)?),
            None => None,
        };
        let (merged, m) =
            crate::merge::merge_documents(base_content.as_ref(), &latest_content, &content)?;
        if !m.conflicts.is_empty() {
            let theirs = serde_json::to_value(&latest_content)
                .map_err(|e| Error::Internal(e.to_string()))?;
            let by = store::revisions(&mut tx, id)
                .await?
                .into_iter()
                .filter(|r| r.number > base)
                .map(|r| r.author_name)
                .fold(Vec::new(), |mut names, n| {
                    if !names.contains(&n) {
                        names.push(n);
                    }
                    names
                });
            let fields = m
                .conflicts
                .iter()
                .map(|f| (f.clone(), as_text(theirs.get(f.as_str()))))
                .collect();
            return Ok(Saved::Conflict(Box::new(Conflict {
                latest: row.revision,
                merged,
                fields,
                by,
            })));
        }
        (merged, true)
    };
    if latest_content == content {
        return Ok(Saved::Unchanged);
    }
    let now = core.clock.unix();
    let number = row.revision + 1;
    let mut next = row.clone();
    next.revision = number;
    next.title = content.title.clone();
    next.updated_at = now;
    if !store::update(&mut tx, &next, row.revision).await? {
        // Another instance saved between our read and our write: merge with that one.
        tx.rollback().await?;
        return Box::pin(save(core, user, id, row.revision, content, note)).await;
    }
    let json = serde_json::to_string(&content).map_err(|e| Error::Internal(e.to_string()))?;
    let note: String = note.trim().chars().take(500).collect();
    store::insert_revision(
        &mut tx,
        id,
        number,
        &json,
        &user.id,
        &user.display_name,
        &note,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(if merged {
        Saved::Merged(number)
    } else {
        Saved::Revision(number)
    })
}

/// Keeps, in `content`, the latest revision's value of each of `fields` (the writer chose
/// their co-editor's version on the conflict page).
pub fn keep_theirs(content: &mut Content, latest: &Content, fields: &[String]) -> Result<()> {
    *content = crate::merge::take_fields(content, latest, fields)?;
    Ok(())
}
