//! Practice sheets: typed sheets (types declared as data in `types.toml`), revisions on every
//! save with conflict detection, review with comments per field, provenance (a questionnaire
//! response, an immersion), and the public catalogue with facets and French full-text search.
//!
//! A sheet's content is one JSON [`Content`] per revision; the public sees the last published
//! revision, which the search index (`index::index`) mirrors in the same transaction.

pub mod cache;
pub mod catalogue;
pub mod compare;
pub mod content;
pub mod demo;
pub mod facet_memory;
pub mod files;
pub mod index;
mod model;
pub mod policy;
pub mod provenance;
mod review;
pub mod search;
pub mod store;
pub mod types;
mod writing;

pub use content::{Content, Row, Value};
pub use model::*;
pub use review::*;
pub use types::{Field, FieldKind, SheetType};
pub use writing::*;

use sqlx::AnyConnection;

use crate::accounts::User;
use crate::{Core, Error, Result};
use policy::Standing;
use store::{CommentRow, RevisionRow, SheetRow};

/// A person named on a sheet.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub email: String,
}

/// A sheet as its authors and reviewers work on it.
#[derive(Debug, Clone)]
pub struct Work {
    pub row: SheetRow,
    pub ty: &'static SheetType,
    /// The latest revision's content.
    pub content: Content,
    pub authors: Vec<Person>,
    pub comments: Vec<CommentRow>,
    pub revisions: Vec<RevisionRow>,
    pub files: Vec<files::SheetFile>,
    pub author: bool,
    pub reviewer: bool,
}

impl Work {
    pub fn status(&self) -> Status {
        Status::parse(&self.row.status).unwrap_or(Status::Draft)
    }

    pub fn standing<'a>(&self, user: &'a User) -> Standing<'a> {
        Standing {
            user: Some(user),
            author: self.author,
            reviewer: self.reviewer,
        }
    }

    /// Open comments on one field (`_general` for the sheet as a whole).
    pub fn open_comments(&self, field: &str) -> Vec<&CommentRow> {
        self.comments
            .iter()
            .filter(|c| c.field == field && c.resolved_at.is_none())
            .collect()
    }

    pub fn provenance(&self) -> Provenance {
        provenance_of(&self.row)
    }
}

/// A sheet as anyone may read it: its last published revision (or, for its authors and
/// reviewers, the latest one).
#[derive(Debug, Clone)]
pub struct Published {
    pub row: SheetRow,
    pub ty: &'static SheetType,
    pub content: Content,
    /// The revision shown.
    pub revision: i64,
    pub authors: Vec<Person>,
    pub files: Vec<files::SheetFile>,
    /// The viewer may open the working version.
    pub may_work: bool,
}

impl Published {
    pub fn provenance(&self) -> Provenance {
        provenance_of(&self.row)
    }
}

fn provenance_of(row: &SheetRow) -> Provenance {
    Provenance {
        kind: row.source_kind.clone(),
        id: row.source_id.clone(),
        label: row.source_label.clone(),
    }
}

pub(crate) fn type_of(row: &SheetRow) -> Result<&'static SheetType> {
    types::find(&row.kind).ok_or_else(|| Error::Internal(format!("sheet type {}", row.kind)))
}

pub(crate) async fn content_of(
    conn: &mut AnyConnection,
    sheet: &str,
    revision: i64,
) -> Result<Content> {
    let rev = store::revision(conn, sheet, revision)
        .await?
        .ok_or(Error::NotFound)?;
    serde_json::from_str(&rev.content)
        .map_err(|e| Error::Internal(format!("sheet {sheet} revision {revision}: {e}")))
}

async fn authors(conn: &mut AnyConnection, sheet: &str) -> Result<Vec<Person>> {
    Ok(store::authors(conn, sheet)
        .await?
        .into_iter()
        .map(|(id, name, email, _)| Person { id, name, email })
        .collect())
}

/// Whether `user` reviews sheets (named reviewer, coordinator or administrator).
pub(crate) async fn reviews(conn: &mut AnyConnection, user: &User) -> Result<bool> {
    let named = store::is_reviewer(conn, &user.id).await?;
    Ok(policy::is_reviewer(user, named))
}

async fn standing_flags(
    conn: &mut AnyConnection,
    user: Option<&User>,
    authors: &[Person],
) -> Result<(bool, bool)> {
    let Some(user) = user else {
        return Ok((false, false));
    };
    let author = authors.iter().any(|a| a.id == user.id);
    Ok((author, reviews(conn, user).await?))
}

/// Loads the working version for an author or a reviewer; anyone else gets "not found".
pub async fn work(core: &Core, user: &User, id: &str) -> Result<Work> {
    let mut conn = core.db.pool.acquire().await?;
    load_work(&mut conn, user, id).await
}

pub(crate) async fn load_work(conn: &mut AnyConnection, user: &User, id: &str) -> Result<Work> {
    let row = store::find(conn, id).await?.ok_or(Error::NotFound)?;
    let authors = authors(conn, id).await?;
    let (author, reviewer) = standing_flags(conn, Some(user), &authors).await?;
    if !policy::may_read_work(Standing {
        user: Some(user),
        author,
        reviewer,
    }) {
        return Err(Error::NotFound);
    }
    let ty = type_of(&row)?;
    let content = content_of(conn, id, row.revision).await?;
    let comments = store::comments(conn, id).await?;
    let revisions = store::revisions(conn, id).await?;
    let files = files::list(conn, id).await?;
    Ok(Work {
        row,
        ty,
        content,
        authors,
        comments,
        revisions,
        files,
        author,
        reviewer,
    })
}

/// Who may read what of a sheet: its row and authors, the revision `user` reads — the latest
/// for its authors and reviewers, the published one for everyone else —, and whether they may
/// read its working version.
struct Access {
    row: SheetRow,
    authors: Vec<Person>,
    revision: i64,
    may_work: bool,
}

/// Unpublished and archived sheets exist only for their authors and reviewers: anyone else
/// gets "not found".
async fn access(conn: &mut AnyConnection, user: Option<&User>, id: &str) -> Result<Access> {
    let row = store::find(conn, id).await?.ok_or(Error::NotFound)?;
    let authors = authors(conn, id).await?;
    let (author, reviewer) = standing_flags(conn, user, &authors).await?;
    let may_work = policy::may_read_work(Standing {
        user,
        author,
        reviewer,
    });
    let public = row.status != Status::Archived.code() && row.published_revision.is_some();
    let revision = match (public, may_work) {
        (_, true) => row.revision,
        (true, false) => row.published_revision.unwrap_or(row.revision),
        (false, false) => return Err(Error::NotFound),
    };
    Ok(Access {
        row,
        authors,
        revision,
        may_work,
    })
}

/// Whether `user` may read sheet `id` (its public page or its working version); "not found"
/// otherwise.
pub(crate) async fn check_readable(
    conn: &mut AnyConnection,
    user: Option<&User>,
    id: &str,
) -> Result<()> {
    access(conn, user, id).await.map(|_| ())
}

/// The public page of a sheet. Unpublished and archived sheets exist only for their authors and
/// reviewers, who see the latest revision.
pub async fn published(core: &Core, user: Option<&User>, id: &str) -> Result<Published> {
    let mut conn = core.db.pool.acquire().await?;
    let Access {
        row,
        authors,
        revision,
        may_work,
    } = access(&mut conn, user, id).await?;
    let ty = type_of(&row)?;
    let content = content_of(&mut conn, id, revision).await?;
    let files = files::list(&mut conn, id).await?;
    Ok(Published {
        row,
        ty,
        content,
        revision,
        authors,
        files,
        may_work,
    })
}

/// The type of sheet `id`, to read a form posted for it (what the poster may do is checked by
/// the action itself).
pub async fn type_of_sheet(core: &Core, id: &str) -> Result<&'static SheetType> {
    let mut conn = core.db.pool.acquire().await?;
    let row = store::find(&mut conn, id).await?.ok_or(Error::NotFound)?;
    type_of(&row)
}

/// The sheets `user` writes, and those waiting for their review.
pub async fn desk(core: &Core, user: &User) -> Result<(Vec<SheetRow>, Vec<SheetRow>)> {
    let mut conn = core.db.pool.acquire().await?;
    let mine = store::by_author(&mut conn, &user.id).await?;
    let queue = if reviews(&mut conn, user).await? {
        store::by_status(&mut conn, Status::Submitted.code(), 200).await?
    } else {
        vec![]
    };
    Ok((mine, queue))
}

/// How many generations of index changes the log keeps (the hourly cleanup forgets older
/// ones): an instance further behind has more changes to apply than it would apply anyway.
pub const INDEX_LOG_KEPT: i64 = facet_memory::MAX_CHANGES;

/// Forgets logged index changes older than [`INDEX_LOG_KEPT`] generations (hourly cleanup);
/// returns how many were forgotten.
pub async fn prune_index_log(core: &Core) -> Result<u64> {
    let mut tx = core.db.begin().await?;
    let gone = index::prune_log(&mut tx, INDEX_LOG_KEPT).await?;
    tx.commit().await?;
    Ok(gone)
}
