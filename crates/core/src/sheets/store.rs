//! All SQL of sheets: sheets, revisions, authors, comments, reviewers, and the public index
//! with its full-text half (FTS5 on SQLite, a `tsvector` on PostgreSQL — the only place the
//! dialects differ).

use sqlx::{AnyConnection, AssertSqlSafe, Row};

use crate::db::Backend;

type R<T> = Result<T, sqlx::Error>;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SheetRow {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub title: String,
    pub revision: i64,
    pub published_revision: Option<i64>,
    pub created_by: Option<String>,
    pub source_kind: String,
    pub source_id: String,
    pub source_label: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

const COLUMNS: &str = "SELECT id, kind, status, title, revision, published_revision, created_by, source_kind, source_id, source_label, created_at, updated_at, published_at FROM sheets";

pub async fn insert(conn: &mut AnyConnection, s: &SheetRow, is_demo: bool) -> R<()> {
    sqlx::query(
        "INSERT INTO sheets (id, kind, status, title, revision, published_revision, created_by, source_kind, source_id, source_label, created_at, updated_at, published_at, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(&s.id)
    .bind(&s.kind)
    .bind(&s.status)
    .bind(&s.title)
    .bind(s.revision)
    .bind(s.published_revision)
    .bind(&s.created_by)
    .bind(&s.source_kind)
    .bind(&s.source_id)
    .bind(&s.source_label)
    .bind(s.created_at)
    .bind(s.updated_at)
    .bind(s.published_at)
    .bind(i64::from(is_demo))
    .execute(conn)
    .await
    .map(|_| ())
}

/// Writes the state of a sheet, only if its latest revision is still `expected_revision`:
/// `false` means someone else saved first.
pub async fn update(conn: &mut AnyConnection, s: &SheetRow, expected_revision: i64) -> R<bool> {
    let done = sqlx::query(
        "UPDATE sheets SET status = $2, title = $3, revision = $4, published_revision = $5, updated_at = $6, published_at = $7
         WHERE id = $1 AND revision = $8",
    )
    .bind(&s.id)
    .bind(&s.status)
    .bind(&s.title)
    .bind(s.revision)
    .bind(s.published_revision)
    .bind(s.updated_at)
    .bind(s.published_at)
    .bind(expected_revision)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn find(conn: &mut AnyConnection, id: &str) -> R<Option<SheetRow>> {
    sqlx::query_as(AssertSqlSafe(format!("{COLUMNS} WHERE id = $1")))
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Sheets `user` writes, newest change first.
pub async fn by_author(conn: &mut AnyConnection, user: &str) -> R<Vec<SheetRow>> {
    sqlx::query_as(AssertSqlSafe(format!(
        "{COLUMNS} WHERE id IN (SELECT sheet_id FROM sheet_authors WHERE user_id = $1) ORDER BY updated_at DESC, id"
    )))
    .bind(user)
    .fetch_all(conn)
    .await
}

/// Sheets in a status (the review queue), oldest change first.
pub async fn by_status(conn: &mut AnyConnection, status: &str, limit: i64) -> R<Vec<SheetRow>> {
    sqlx::query_as(AssertSqlSafe(format!(
        "{COLUMNS} WHERE status = $1 ORDER BY updated_at, id LIMIT $2"
    )))
    .bind(status)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// `(sheet id, content JSON)` of the last published revision of the given sheets, those still
/// public (at most a few hundred ids).
pub async fn published_contents(
    conn: &mut AnyConnection,
    ids: &[String],
) -> R<Vec<(String, String)>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let slots: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let mut q = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT s.id, r.content FROM sheets s
         JOIN sheet_revisions r ON r.sheet_id = s.id AND r.number = s.published_revision
         WHERE s.status <> 'archived' AND s.id IN ({})",
        slots.join(", ")
    )));
    for id in ids {
        q = q.bind(id.clone());
    }
    q.fetch_all(conn).await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RevisionRow {
    pub sheet_id: String,
    pub number: i64,
    pub content: String,
    pub author_id: Option<String>,
    pub author_name: String,
    pub note: String,
    pub created_at: i64,
}

pub async fn insert_revision(conn: &mut AnyConnection, r: &RevisionRow) -> R<()> {
    sqlx::query(
        "INSERT INTO sheet_revisions (sheet_id, number, content, author_id, author_name, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&r.sheet_id)
    .bind(r.number)
    .bind(&r.content)
    .bind(&r.author_id)
    .bind(&r.author_name)
    .bind(&r.note)
    .bind(r.created_at)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn revision(
    conn: &mut AnyConnection,
    sheet: &str,
    number: i64,
) -> R<Option<RevisionRow>> {
    sqlx::query_as(
        "SELECT sheet_id, number, content, author_id, author_name, note, created_at FROM sheet_revisions WHERE sheet_id = $1 AND number = $2",
    )
    .bind(sheet)
    .bind(number)
    .fetch_optional(conn)
    .await
}

/// Every revision of a sheet, newest first, without their content.
pub async fn revisions(conn: &mut AnyConnection, sheet: &str) -> R<Vec<RevisionRow>> {
    sqlx::query_as(
        "SELECT sheet_id, number, '' AS content, author_id, author_name, note, created_at FROM sheet_revisions WHERE sheet_id = $1 ORDER BY number DESC",
    )
    .bind(sheet)
    .fetch_all(conn)
    .await
}

pub async fn add_author(conn: &mut AnyConnection, sheet: &str, user: &str, now: i64) -> R<()> {
    sqlx::query(
        "INSERT INTO sheet_authors (sheet_id, user_id, added_at) VALUES ($1, $2, $3) ON CONFLICT (sheet_id, user_id) DO NOTHING",
    )
    .bind(sheet)
    .bind(user)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// `(user id, display name, e-mail, locale)` of a sheet's authors, first author first.
pub async fn authors(
    conn: &mut AnyConnection,
    sheet: &str,
) -> R<Vec<(String, String, String, String)>> {
    sqlx::query_as(
        "SELECT u.id, u.display_name, u.email, u.locale FROM sheet_authors a JOIN users u ON u.id = a.user_id
         WHERE a.sheet_id = $1 ORDER BY a.added_at, u.id",
    )
    .bind(sheet)
    .fetch_all(conn)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CommentRow {
    pub id: String,
    pub sheet_id: String,
    pub revision: i64,
    pub field: String,
    pub body: String,
    pub author_id: Option<String>,
    pub author_name: String,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
}

pub async fn insert_comment(conn: &mut AnyConnection, c: &CommentRow) -> R<()> {
    sqlx::query(
        "INSERT INTO sheet_comments (id, sheet_id, revision, field, body, author_id, author_name, created_at, resolved_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&c.id)
    .bind(&c.sheet_id)
    .bind(c.revision)
    .bind(&c.field)
    .bind(&c.body)
    .bind(&c.author_id)
    .bind(&c.author_name)
    .bind(c.created_at)
    .bind(c.resolved_at)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn comments(conn: &mut AnyConnection, sheet: &str) -> R<Vec<CommentRow>> {
    sqlx::query_as(
        "SELECT id, sheet_id, revision, field, body, author_id, author_name, created_at, resolved_at
         FROM sheet_comments WHERE sheet_id = $1 ORDER BY created_at, id",
    )
    .bind(sheet)
    .fetch_all(conn)
    .await
}

/// Marks open comments resolved: a new revision was submitted in answer to them.
pub async fn resolve_comments(conn: &mut AnyConnection, sheet: &str, now: i64) -> R<()> {
    sqlx::query(
        "UPDATE sheet_comments SET resolved_at = $2 WHERE sheet_id = $1 AND resolved_at IS NULL",
    )
    .bind(sheet)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn is_reviewer(conn: &mut AnyConnection, user: &str) -> R<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sheet_reviewers WHERE user_id = $1")
        .bind(user)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

pub async fn add_reviewer(conn: &mut AnyConnection, user: &str, by: &str, now: i64) -> R<()> {
    sqlx::query(
        "INSERT INTO sheet_reviewers (user_id, added_by, added_at) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO NOTHING",
    )
    .bind(user)
    .bind(by)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn remove_reviewer(conn: &mut AnyConnection, user: &str) -> R<()> {
    sqlx::query("DELETE FROM sheet_reviewers WHERE user_id = $1")
        .bind(user)
        .execute(conn)
        .await
        .map(|_| ())
}

/// `(user id, display name, e-mail)` of named reviewers.
pub async fn reviewers(conn: &mut AnyConnection) -> R<Vec<(String, String, String)>> {
    sqlx::query_as(
        "SELECT u.id, u.display_name, u.email FROM sheet_reviewers r JOIN users u ON u.id = r.user_id ORDER BY u.display_name, u.id",
    )
    .fetch_all(conn)
    .await
}

/// What the public index holds of one published sheet.
pub struct IndexEntry<'a> {
    pub sheet_id: &'a str,
    pub kind: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub title_terms: &'a str,
    pub body_terms: &'a str,
    pub published_at: i64,
    pub facets: &'a [(String, String)],
}

/// Takes a sheet out of the public index (and its facets).
pub async fn unindex(conn: &mut AnyConnection, backend: Backend, sheet: &str) -> R<()> {
    if backend == Backend::Sqlite {
        sqlx::query(
            "DELETE FROM sheet_fts WHERE rowid IN (SELECT rid FROM sheet_index WHERE sheet_id = $1)",
        )
        .bind(sheet)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query("DELETE FROM sheet_index WHERE sheet_id = $1")
        .bind(sheet)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM sheet_facets WHERE sheet_id = $1")
        .bind(sheet)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// Puts a sheet's published revision in the public index, replacing what was there.
pub async fn index(conn: &mut AnyConnection, backend: Backend, e: &IndexEntry<'_>) -> R<()> {
    unindex(conn, backend, e.sheet_id).await?;
    let insert = match backend {
        Backend::Sqlite => {
            "INSERT INTO sheet_index (sheet_id, kind, title, summary, body, published_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING rid"
        }
        Backend::Postgres => {
            "INSERT INTO sheet_index (sheet_id, kind, title, summary, body, published_at, terms)
             VALUES ($1, $2, $3, $4, $5, $6,
                     setweight(to_tsvector('simple', $7), 'A') || setweight(to_tsvector('simple', $8), 'D'))
             RETURNING rid"
        }
    };
    let mut q = sqlx::query(insert)
        .bind(e.sheet_id)
        .bind(e.kind)
        .bind(e.title)
        .bind(e.summary)
        .bind(e.body)
        .bind(e.published_at);
    if backend == Backend::Postgres {
        q = q.bind(e.title_terms).bind(e.body_terms);
    }
    let rid: i64 = q.fetch_one(&mut *conn).await?.try_get(0)?;
    if backend == Backend::Sqlite {
        sqlx::query("INSERT INTO sheet_fts (rowid, title, body) VALUES ($1, $2, $3)")
            .bind(rid)
            .bind(e.title_terms)
            .bind(e.body_terms)
            .execute(&mut *conn)
            .await?;
    }
    for (facet, value) in e.facets {
        sqlx::query(
            "INSERT INTO sheet_facets (sheet_id, facet, value) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(e.sheet_id)
        .bind(facet)
        .bind(value)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A catalogue query: stemmed terms (all must match) and facet values (any value of a facet,
/// every facet).
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub terms: Vec<String>,
    pub facets: Vec<(String, Vec<String>)>,
    pub limit: i64,
    pub offset: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HitRow {
    pub sheet_id: String,
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub published_at: i64,
}

/// The `FROM … WHERE …` of a query, its ranking, and its bound values.
fn matching(backend: Backend, q: &Query) -> (String, String, Vec<String>) {
    let mut binds: Vec<String> = vec![];
    let (mut sql, rank) = if q.terms.is_empty() {
        (
            "FROM sheet_index i WHERE 1 = 1".to_owned(),
            "i.published_at DESC, i.sheet_id".to_owned(),
        )
    } else {
        match backend {
            Backend::Sqlite => {
                let phrase: Vec<String> = q
                    .terms
                    .iter()
                    .map(|t| format!("\"{}\"", t.replace('"', "")))
                    .collect();
                binds.push(phrase.join(" "));
                (
                    // CROSS JOIN keeps the full-text match as SQLite's outer loop: the other way
                    // round, it would evaluate MATCH once per candidate row of the index.
                    "FROM sheet_fts CROSS JOIN sheet_index i ON i.rid = sheet_fts.rowid WHERE sheet_fts MATCH $1".to_owned(),
                    "bm25(sheet_fts, 10.0, 1.0), i.published_at DESC, i.sheet_id".to_owned(),
                )
            }
            Backend::Postgres => {
                binds.push(q.terms.join(" & "));
                (
                    "FROM sheet_index i WHERE i.terms @@ to_tsquery('simple', $1)".to_owned(),
                    "ts_rank(i.terms, to_tsquery('simple', $1)) DESC, i.published_at DESC, i.sheet_id".to_owned(),
                )
            }
        }
    };
    for (facet, values) in &q.facets {
        if values.is_empty() {
            continue;
        }
        binds.push(facet.clone());
        let f = binds.len();
        let mut slots = vec![];
        for v in values {
            binds.push(v.clone());
            slots.push(format!("${}", binds.len()));
        }
        sql += &format!(
            " AND i.sheet_id IN (SELECT sheet_id FROM sheet_facets WHERE facet = ${f} AND value IN ({}))",
            slots.join(", ")
        );
    }
    (sql, rank, binds)
}

/// One page of hits. (Their total is the sum of the `type` facet's counts: every sheet has one
/// type, which spares a second pass over the hits.)
pub async fn search(conn: &mut AnyConnection, backend: Backend, q: &Query) -> R<Vec<HitRow>> {
    let (from, rank, binds) = matching(backend, q);
    let n = binds.len();
    let sql = format!(
        "SELECT i.sheet_id, i.kind, i.title, i.summary, i.body, i.published_at {from} ORDER BY {rank} LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let mut query = sqlx::query_as(AssertSqlSafe(sql));
    for b in &binds {
        query = query.bind(b.clone());
    }
    query
        .bind(q.limit)
        .bind(q.offset)
        .fetch_all(&mut *conn)
        .await
}

/// `(facet, value, count)` over every hit of `q` (its page ignored).
pub async fn facet_counts(
    conn: &mut AnyConnection,
    backend: Backend,
    q: &Query,
) -> R<Vec<(String, String, i64)>> {
    let (from, _, binds) = matching(backend, q);
    let sql = format!(
        "SELECT f.facet, f.value, COUNT(*) FROM sheet_facets f WHERE f.sheet_id IN (SELECT i.sheet_id {from}) GROUP BY f.facet, f.value"
    );
    let mut query = sqlx::query_as(AssertSqlSafe(sql));
    for b in &binds {
        query = query.bind(b.clone());
    }
    query.fetch_all(conn).await
}

/// The published sheets a catalogue selection holds, all of them (exports, syntheses).
pub async fn selection_ids(
    conn: &mut AnyConnection,
    backend: Backend,
    q: &Query,
) -> R<Vec<String>> {
    let (from, rank, binds) = matching(backend, q);
    let mut query = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT i.sheet_id {from} ORDER BY {rank}"
    )));
    for b in &binds {
        query = query.bind(b.clone());
    }
    query.fetch_all(conn).await
}

/// Removes demo sheets (their revisions, comments and index rows go with them).
pub async fn delete_demo(conn: &mut AnyConnection, backend: Backend) -> R<()> {
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM sheets WHERE is_demo = 1")
        .fetch_all(&mut *conn)
        .await?;
    for id in ids {
        unindex(conn, backend, &id).await?;
    }
    sqlx::query("DELETE FROM sheets WHERE is_demo = 1")
        .execute(conn)
        .await
        .map(|_| ())
}

/// Index rows and facet values of the given published sheets (at most a few hundred ids).
pub async fn index_rows(
    conn: &mut AnyConnection,
    ids: &[String],
) -> R<(Vec<HitRow>, Vec<(String, String, String)>)> {
    if ids.is_empty() {
        return Ok((vec![], vec![]));
    }
    let slots: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let slots = slots.join(", ");
    let mut rows = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT sheet_id, kind, title, summary, '' AS body, published_at FROM sheet_index WHERE sheet_id IN ({slots})"
    )));
    for id in ids {
        rows = rows.bind(id.clone());
    }
    let rows: Vec<HitRow> = rows.fetch_all(&mut *conn).await?;
    let mut facets = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT sheet_id, facet, value FROM sheet_facets WHERE sheet_id IN ({slots}) ORDER BY sheet_id, facet, value"
    )));
    for id in ids {
        facets = facets.bind(id.clone());
    }
    Ok((rows, facets.fetch_all(&mut *conn).await?))
}
