//! Published means fixed: publishing a revision fixes the sheets it gathers, each at the
//! revision readers see then. Readers keep seeing exactly that — the sheets, their text, the
//! threads counted from them — until its editors publish again; a sheet published meanwhile
//! that matches the selection is proposed to the editors, and publishing with a different set
//! of sheets makes a new revision. Every revision published once stays readable.

use std::collections::HashMap;

use super::store::{self, SynthesisRow};
use super::threads::{self, Source};
use super::{Gathered, View, gather, revision_content};
use crate::accounts::User;
use crate::sheets::{self, policy};
use crate::{Core, Error, Result};

/// The sheets of a published revision: `(sheet id, sheet revision)`, in the synthesis's order.
pub(super) type Fixed = Vec<(String, i64)>;

fn parse_fixed(json: &str) -> Result<Fixed> {
    serde_json::from_str(json).map_err(|e| Error::Internal(format!("synthesis sheets: {e}")))
}

/// The sheets a synthesis's selection gathers now, as they would be fixed.
pub(super) fn pairs(gathered: &[Gathered]) -> Fixed {
    gathered
        .iter()
        .map(|(s, n, _)| (s.id.clone(), *n))
        .collect()
}

/// The sheets of a published revision at the revisions fixed then, whatever they became.
async fn gather_fixed(core: &Core, fixed: &Fixed) -> Result<Vec<Gathered>> {
    let mut conn = core.db.pool.acquire().await?;
    let mut found = HashMap::new();
    for chunk in fixed.chunks(200) {
        for (id, json) in sheets::store::revision_contents(&mut conn, chunk).await? {
            let content: sheets::Content = serde_json::from_str(&json)
                .map_err(|e| Error::Internal(format!("sheet {id}: {e}")))?;
            found.insert(id, content);
        }
    }
    Ok(fixed
        .iter()
        .filter_map(|(id, n)| {
            found.remove(id).map(|content| {
                let source = Source {
                    id: id.clone(),
                    title: content.text("title").to_owned(),
                    lang: content.language().to_owned(),
                };
                (source, *n, content)
            })
        })
        .collect())
}

/// Reads revision `wanted` of a synthesis (default: the last published one for readers, the
/// latest for its editors). Readers may read any revision published once, while the synthesis
/// is published.
pub async fn view_revision(
    core: &Core,
    user: Option<&User>,
    id: &str,
    wanted: Option<i64>,
) -> Result<View> {
    let mut conn = core.db.pool.acquire().await?;
    let row = store::find(&mut conn, id).await?.ok_or(Error::NotFound)?;
    let may_edit = policy::may_coordinate(user);
    let revisions = store::revisions(&mut conn, id).await?;
    let readable = |n: i64| {
        may_edit
            || (row.published_revision.is_some()
                && revisions
                    .iter()
                    .any(|r| r.number == n && r.published_at.is_some()))
    };
    let revision = match wanted {
        Some(n) if readable(n) => n,
        Some(_) => return Err(Error::NotFound),
        None if may_edit => row.revision,
        None => row.published_revision.ok_or(Error::NotFound)?,
    };
    let rev = store::revision(&mut conn, id, revision)
        .await?
        .ok_or(Error::NotFound)?;
    let content = revision_content(&rev)?;
    drop(conn);
    // Editors pick sheets from what the selection offers now.
    let live = if may_edit || rev.published_sheets.is_none() {
        Some(gather(core, &content).await?)
    } else {
        None
    };
    let (fixed, gathered) = match &rev.published_sheets {
        Some(json) => (true, gather_fixed(core, &parse_fixed(json)?).await?),
        None => {
            let (_, now) = live.clone().unwrap_or_default();
            if row.published_revision == Some(revision) {
                // Published before sheets were fixed: fixed the first time it is read.
                let json = serde_json::to_string(&pairs(&now))
                    .map_err(|e| Error::Internal(e.to_string()))?;
                let mut conn = core.db.pool.acquire().await?;
                let at = row.published_at.unwrap_or(row.updated_at);
                store::fix_revision(&mut conn, id, revision, &json, at).await?;
            }
            (false, now)
        }
    };
    let proposed: Vec<Source> = match (&live, fixed && revision == row.revision) {
        (Some((_, now)), true) => now
            .iter()
            .filter(|(s, _, _)| !gathered.iter().any(|(g, _, _)| g.id == s.id))
            .map(|(s, _, _)| s.clone())
            .collect(),
        _ => vec![],
    };
    let offered = match live {
        Some((offered, _)) => offered,
        None => gathered.iter().map(|(s, _, _)| s.clone()).collect(),
    };
    let sheets: Vec<(Source, sheets::Content)> =
        gathered.into_iter().map(|(s, _, c)| (s, c)).collect();
    Ok(View {
        threads: threads::common_threads(&sheets),
        row,
        content,
        revision,
        offered,
        revisions,
        may_edit,
        fixed,
        proposed,
    })
}

/// Fixes the latest revision of `row` with the sheets `live` as it is published; when that
/// revision was published before with other sheets, a new revision (the same text) is made
/// and fixed instead, so that what readers saw under a revision number never changes. The
/// revision published.
pub(super) async fn fix_latest(
    tx: &mut sqlx::AnyConnection,
    user: &User,
    row: &SynthesisRow,
    live: &Fixed,
    now: i64,
) -> Result<i64> {
    let latest = store::revision(tx, &row.id, row.revision)
        .await?
        .ok_or(Error::NotFound)?;
    let mut number = row.revision;
    if let Some(json) = &latest.published_sheets
        && parse_fixed(json)? != *live
    {
        number += 1;
        store::insert_revision(
            tx,
            &row.id,
            number,
            &latest.content,
            &user.id,
            &user.display_name,
            "",
            now,
        )
        .await?;
    }
    let json = serde_json::to_string(live).map_err(|e| Error::Internal(e.to_string()))?;
    store::fix_revision(tx, &row.id, number, &json, now).await?;
    Ok(number)
}

/// The sheets the latest revision of synthesis `id` would fix if published now.
pub(super) async fn live_of_latest(core: &Core, id: &str) -> Result<(i64, Fixed)> {
    let mut conn = core.db.pool.acquire().await?;
    let row = store::find(&mut conn, id).await?.ok_or(Error::NotFound)?;
    let rev = store::revision(&mut conn, id, row.revision)
        .await?
        .ok_or(Error::NotFound)?;
    drop(conn);
    let (_, now) = gather(core, &revision_content(&rev)?).await?;
    Ok((row.revision, pairs(&now)))
}
