//! The catalogue's search index, all of its SQL: one row per published sheet (`sheet_index`:
//! what a hit shows), its facet values (`sheet_facets`), and its full-text half — FTS5's
//! `sheet_search` on SQLite, the `sheet_terms` table of tsvectors on PostgreSQL, the only place the
//! dialects differ. The full-text half holds the stemmed terms of title and body and one token
//! per facet value, so the engine filters by facet while it matches words.
//!
//! A search asks the database three things: the row ids matching its words (for the exact total
//! and the facet counts, which `facet_memory` works out over bitmaps), and the page of hits:
//! relevance (bm25 on SQLite, `ts_rank` on PostgreSQL) orders the [`WINDOW`] most recently
//! published matches, and older matches follow by date. The window bounds the ranking work
//! whatever the size of the catalogue; below that many matches, the order is plain relevance.

use std::collections::HashMap;

use roaring::RoaringBitmap;
use sqlx::{AnyConnection, AssertSqlSafe, Row};

use super::search::index_text;
use crate::db::{Backend, Db, slots};

type R<T> = Result<T, sqlx::Error>;

/// The layout of the full-text half this code writes; an index built with an older one is
/// rebuilt at start (see [`ensure_format`]). 2: the labels of a sheet's facet values are
/// searched with its text. 3: hyphenated words also joined, short stems kept apart.
pub const FORMAT: i64 = 3;

/// How many of the most recent matches relevance orders (25 pages).
pub const WINDOW: i64 = 500;

/// What a published sheet puts in the index.
pub struct IndexEntry<'a> {
    pub sheet_id: &'a str,
    pub kind: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub published_at: i64,
    pub facets: &'a [(String, String)],
}

/// The full-text token of a facet value: letters and digits only, so that both engines keep
/// it whole, and never a French word.
pub fn facet_token(facet: &str, value: &str) -> String {
    let mut token = String::from("zf");
    for b in facet.bytes().chain([b'=']).chain(value.bytes()) {
        token.push_str(&format!("{b:02x}"));
    }
    token
}

/// The words a sheet is also found by: the labels, in French and in English, of its facet
/// values (themes, publics, territory, category, approach, maturity…), searched with the body
/// (so ranked below the title). "aller vers" finds a sheet tagged *Aller vers* whose text does
/// not use the words.
fn facet_words(facets: &[(String, String)]) -> String {
    let mut out = String::new();
    for (facet, value) in facets {
        if facet == "type" || facet == "language" {
            continue;
        }
        let Some(field) = super::types::all().iter().find_map(|t| t.field(facet)) else {
            continue;
        };
        let key = field.option_key(value);
        for locale in [crate::Locale::Fr, crate::Locale::En] {
            if !key.is_empty() && locale.has(&key) {
                out.push(' ');
                out.push_str(&locale.t(&key));
            }
        }
    }
    out
}

fn facet_tokens(facets: &[(String, String)]) -> String {
    facets
        .iter()
        .map(|(f, v)| facet_token(f, v))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Moves the index to its next generation, which it returns.
async fn bump(conn: &mut AnyConnection) -> R<i64> {
    sqlx::query_scalar(
        "UPDATE search_state SET generation = generation + 1 WHERE id = 1 RETURNING generation",
    )
    .fetch_one(conn)
    .await
}

/// Records that `generation` added or withdrew index row `rid` (see [`changes`]).
async fn log(conn: &mut AnyConnection, generation: i64, rid: i64, added: bool) -> R<()> {
    sqlx::query("INSERT INTO sheet_index_log (generation, rid, added) VALUES ($1, $2, $3)")
        .bind(generation)
        .bind(rid)
        .bind(i64::from(added))
        .execute(conn)
        .await
        .map(|_| ())
}

/// The index's generation: it changes with every change of the index.
pub async fn generation(conn: &mut AnyConnection) -> R<i64> {
    sqlx::query_scalar("SELECT generation FROM search_state WHERE id = 1")
        .fetch_one(conn)
        .await
}

/// Takes a sheet out of the public index (and its facets); returns the index's new generation.
pub async fn unindex(conn: &mut AnyConnection, backend: Backend, sheet: &str) -> R<i64> {
    // One row at most: `sheet_index.sheet_id` is unique.
    let withdrawn: Option<i64> =
        sqlx::query_scalar("SELECT rid FROM sheet_index WHERE sheet_id = $1")
            .bind(sheet)
            .fetch_optional(&mut *conn)
            .await?;
    if let (Some(rid), Backend::Sqlite) = (withdrawn, backend) {
        sqlx::query("DELETE FROM sheet_search WHERE rowid = $1")
            .bind(rid)
            .execute(&mut *conn)
            .await?;
    }
    // (On PostgreSQL, `sheet_terms` rows go with their `sheet_index` row.)
    for table in ["sheet_index", "sheet_facets"] {
        sqlx::query(AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE sheet_id = $1"
        )))
        .bind(sheet)
        .execute(&mut *conn)
        .await?;
    }
    let generation = bump(conn).await?;
    if let Some(rid) = withdrawn {
        log(conn, generation, rid, false).await?;
    }
    Ok(generation)
}

/// Puts a sheet's published revision in the public index, replacing what was there (under a
/// new row id: a row id never changes meaning).
pub async fn index(conn: &mut AnyConnection, backend: Backend, e: &IndexEntry<'_>) -> R<()> {
    let generation = unindex(conn, backend, e.sheet_id).await?;
    let rid: i64 = sqlx::query(
        "INSERT INTO sheet_index (sheet_id, kind, title, summary, body, published_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING rid",
    )
    .bind(e.sheet_id)
    .bind(e.kind)
    .bind(e.title)
    .bind(e.summary)
    .bind(e.body)
    .bind(e.published_at)
    .fetch_one(&mut *conn)
    .await?
    .try_get(0)?;
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
    log(conn, generation, rid, true).await?;
    write_terms(conn, backend, rid, e.title, e.body, e.facets).await
}

/// Writes the full-text half of index row `rid`.
async fn write_terms(
    conn: &mut AnyConnection,
    backend: Backend,
    rid: i64,
    title: &str,
    body: &str,
    facets: &[(String, String)],
) -> R<()> {
    let sql = match backend {
        Backend::Sqlite => {
            "INSERT INTO sheet_search (rowid, title, body, facets) VALUES ($1, $2, $3, $4)"
        }
        Backend::Postgres => {
            "INSERT INTO sheet_terms (rid, terms) VALUES ($1, setweight(to_tsvector('simple', $2), 'A')
                 || setweight(to_tsvector('simple', $3), 'D') || setweight(to_tsvector('simple', $4), 'C'))
             ON CONFLICT (rid) DO UPDATE SET terms = EXCLUDED.terms"
        }
    };
    sqlx::query(sql)
        .bind(rid)
        .bind(index_text(title))
        .bind(index_text(&format!("{body}{}", facet_words(facets))))
        .bind(facet_tokens(facets))
        .execute(conn)
        .await
        .map(|_| ())
}

/// Rebuilds the full-text half from `sheet_index` and `sheet_facets` when it was built with an
/// older [`FORMAT`] (run after the migrations, in one transaction).
pub async fn ensure_format(db: &Db) -> R<()> {
    let format: i64 = sqlx::query_scalar("SELECT format FROM search_state WHERE id = 1")
        .fetch_one(&db.pool)
        .await?;
    if format >= FORMAT {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    if db.backend == Backend::Sqlite {
        sqlx::query("INSERT INTO sheet_search (sheet_search) VALUES ('delete-all')")
            .execute(&mut *tx)
            .await?;
    }
    let mut after = 0_i64;
    loop {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT rid, title, body FROM sheet_index WHERE rid > $1 ORDER BY rid LIMIT 500",
        )
        .bind(after)
        .fetch_all(&mut *tx)
        .await?;
        let Some(last) = rows.last().map(|r| r.0) else {
            break;
        };
        let facets: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT i.rid, f.facet, f.value FROM sheet_facets f JOIN sheet_index i ON i.sheet_id = f.sheet_id
             WHERE i.rid > $1 AND i.rid <= $2",
        )
        .bind(after)
        .bind(last)
        .fetch_all(&mut *tx)
        .await?;
        let mut by_rid: HashMap<i64, Vec<(String, String)>> = HashMap::new();
        for (rid, f, v) in facets {
            by_rid.entry(rid).or_default().push((f, v));
        }
        for (rid, title, body) in &rows {
            let own = by_rid.remove(rid).unwrap_or_default();
            write_terms(&mut tx, db.backend, *rid, title, body, &own).await?;
        }
        after = last;
    }
    sqlx::query("UPDATE search_state SET format = $1 WHERE id = 1")
        .bind(FORMAT)
        .execute(&mut *tx)
        .await?;
    // Row ids and facets are unchanged: nothing to log.
    bump(&mut tx).await?;
    tx.commit().await
}

/// The full-text expression of stemmed `terms` (all must match) and facet values (any value
/// of a facet, every facet), and that of the terms alone (for ranking on PostgreSQL).
fn expression(backend: Backend, terms: &[String], facets: &[(String, Vec<String>)]) -> String {
    let mut parts = vec![];
    match backend {
        Backend::Sqlite => {
            if !terms.is_empty() {
                let quoted: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
                parts.push(format!("{{title body}} : ({})", quoted.join(" ")));
            }
            for (facet, values) in facets.iter().filter(|(_, vs)| !vs.is_empty()) {
                let tokens: Vec<String> = values
                    .iter()
                    .map(|v| format!("\"{}\"", facet_token(facet, v)))
                    .collect();
                parts.push(format!("facets : ({})", tokens.join(" OR ")));
            }
            parts.join(" AND ")
        }
        Backend::Postgres => {
            // No weight labels: they make PostgreSQL read every matching tsvector again to
            // check them; words and facet tokens never meet (see `search::query_terms`).
            parts.extend(terms.iter().cloned());
            for (facet, values) in facets.iter().filter(|(_, vs)| !vs.is_empty()) {
                let tokens: Vec<String> = values.iter().map(|v| facet_token(facet, v)).collect();
                parts.push(format!("({})", tokens.join(" | ")));
            }
            parts.join(" & ")
        }
    }
}

/// Parses a comma-separated list of row ids (how both databases aggregate many ids into one
/// value, far cheaper than one result row each). Row ids stay below 2^32: one per publication.
fn rid_list(list: Option<String>) -> RoaringBitmap {
    list.unwrap_or_default()
        .split(',')
        .filter_map(|s| s.trim().parse::<u32>().ok())
        .collect()
}

/// Row ids of every published sheet matching `terms` (facets aside).
pub async fn word_matches(
    conn: &mut AnyConnection,
    backend: Backend,
    terms: &[String],
) -> R<RoaringBitmap> {
    let sql = match backend {
        Backend::Sqlite => {
            "SELECT group_concat(rowid) FROM sheet_search WHERE sheet_search MATCH $1"
        }
        Backend::Postgres => {
            "SELECT string_agg(rid::text, ',') FROM sheet_terms WHERE terms @@ to_tsquery('simple', $1)"
        }
    };
    let list: Option<String> = sqlx::query_scalar(sql)
        .bind(expression(backend, terms, &[]))
        .fetch_one(conn)
        .await?;
    Ok(rid_list(list))
}

/// Row ids of every published sheet.
pub async fn live(conn: &mut AnyConnection, backend: Backend) -> R<RoaringBitmap> {
    let sql = match backend {
        Backend::Sqlite => "SELECT group_concat(rid) FROM sheet_index",
        Backend::Postgres => "SELECT string_agg(rid::text, ',') FROM sheet_index",
    };
    let list: Option<String> = sqlx::query_scalar(sql).fetch_one(conn).await?;
    Ok(rid_list(list))
}

/// The changes of the index after generation `after` up to `upto`: the row ids withdrawn and
/// the row ids added, or `None` when there are more than `limit` of them or when some of them
/// are no longer logged (see [`prune_log`]).
pub async fn changes(
    conn: &mut AnyConnection,
    after: i64,
    upto: i64,
    limit: i64,
) -> R<Option<(Vec<i64>, Vec<i64>)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT rid, added FROM sheet_index_log WHERE generation > $1 AND generation <= $2 LIMIT $3",
    )
    .bind(after)
    .bind(upto)
    .bind(limit + 1)
    .fetch_all(&mut *conn)
    .await?;
    if rows.len() as i64 > limit {
        return Ok(None);
    }
    // Read after the rows: a pruning that removed some of them before they were read has
    // committed its horizon by now.
    if after < log_from(conn).await? {
        return Ok(None);
    }
    let (added, withdrawn): (Vec<_>, Vec<_>) = rows.into_iter().partition(|(_, a)| *a == 1);
    Ok(Some((
        withdrawn.into_iter().map(|(rid, _)| rid).collect(),
        added.into_iter().map(|(rid, _)| rid).collect(),
    )))
}

/// The generation after which every change of the index is logged (see [`prune_log`]).
async fn log_from(conn: &mut AnyConnection) -> R<i64> {
    sqlx::query_scalar("SELECT log_from FROM search_state WHERE id = 1")
        .fetch_one(conn)
        .await
}

/// Forgets the logged changes of all but the last `keep` generations of the index; returns how
/// many were forgotten. An instance holding an older generation then reads every facet value
/// again (it would have more than [`super::facet_memory::MAX_CHANGES`] changes to apply).
pub async fn prune_log(conn: &mut AnyConnection, keep: i64) -> R<u64> {
    let horizon = generation(conn).await? - keep;
    if horizon <= log_from(conn).await? {
        return Ok(0);
    }
    // The horizon first: from then on, nobody relies on the rows about to go.
    sqlx::query("UPDATE search_state SET log_from = $1 WHERE id = 1 AND log_from < $1")
        .bind(horizon)
        .execute(&mut *conn)
        .await?;
    let gone = sqlx::query("DELETE FROM sheet_index_log WHERE generation <= $1")
        .bind(horizon)
        .execute(conn)
        .await?;
    Ok(gone.rows_affected())
}

/// The facet values of those of `rids` still in the index: `(rid, facet, value)`, with one
/// row without facet and value for a row that has none.
pub async fn facets_of_rows(
    conn: &mut AnyConnection,
    rids: &[i64],
) -> R<Vec<(i64, Option<String>, Option<String>)>> {
    if rids.is_empty() {
        return Ok(vec![]);
    }
    let mut query = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT i.rid, f.facet, f.value FROM sheet_index i LEFT JOIN sheet_facets f ON f.sheet_id = i.sheet_id
         WHERE i.rid IN ({})",
        slots(rids.len())
    )));
    for rid in rids {
        query = query.bind(*rid);
    }
    query.fetch_all(conn).await
}

/// Every facet value in use with the row ids that have it.
pub async fn facet_values(
    conn: &mut AnyConnection,
    backend: Backend,
) -> R<Vec<(String, String, RoaringBitmap)>> {
    let agg = match backend {
        Backend::Sqlite => "group_concat(i.rid)",
        Backend::Postgres => "string_agg(i.rid::text, ',')",
    };
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT f.facet, f.value, {agg} FROM sheet_facets f JOIN sheet_index i ON i.sheet_id = f.sheet_id
         GROUP BY f.facet, f.value"
    )))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(f, v, list)| (f, v, rid_list(list)))
        .collect())
}

/// Row ids of the hits `offset .. offset + limit` of `terms` (not empty) and `facets`, in
/// catalogue order: relevance over the [`WINDOW`] most recent matches, then by date.
pub async fn ranked(
    conn: &mut AnyConnection,
    backend: Backend,
    terms: &[String],
    facets: &[(String, Vec<String>)],
    offset: i64,
    limit: i64,
) -> R<Vec<i64>> {
    let filter = expression(backend, terms, facets);
    if offset < WINDOW {
        let sql = match backend {
            Backend::Sqlite => {
                "SELECT rid FROM (SELECT rowid AS rid, bm25(sheet_search, 10.0, 1.0, 0.0) AS score
                     FROM sheet_search WHERE sheet_search MATCH $1 ORDER BY rowid DESC LIMIT $3) w
                 ORDER BY score, rid DESC LIMIT $4 OFFSET $5"
            }
            Backend::Postgres => {
                // Ranked outside the window's query: only the window's tsvectors are read.
                "SELECT t.rid FROM (SELECT rid FROM sheet_terms WHERE terms @@ to_tsquery('simple', $1)
                     ORDER BY rid DESC LIMIT $3) w JOIN sheet_terms t ON t.rid = w.rid
                 ORDER BY ts_rank(t.terms, to_tsquery('simple', $2)) DESC, t.rid DESC LIMIT $4 OFFSET $5"
            }
        };
        let mut ids: Vec<i64> = sqlx::query_scalar(sql)
            .bind(&filter)
            .bind(expression(backend, terms, &[]))
            .bind(WINDOW)
            .bind(limit.min(WINDOW - offset))
            .bind(offset)
            .fetch_all(&mut *conn)
            .await?;
        if limit > WINDOW - offset {
            let rest = Box::pin(ranked(
                conn,
                backend,
                terms,
                facets,
                WINDOW,
                limit - (WINDOW - offset),
            ))
            .await?;
            ids.extend(rest);
        }
        return Ok(ids);
    }
    let sql = match backend {
        Backend::Sqlite => {
            "SELECT rowid FROM sheet_search WHERE sheet_search MATCH $1 ORDER BY rowid DESC LIMIT $2 OFFSET $3"
        }
        Backend::Postgres => {
            "SELECT rid FROM sheet_terms WHERE terms @@ to_tsquery('simple', $1) ORDER BY rid DESC LIMIT $2 OFFSET $3"
        }
    };
    sqlx::query_scalar(sql)
        .bind(filter)
        .bind(limit)
        .bind(offset)
        .fetch_all(conn)
        .await
}

/// One row of the index.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HitRow {
    pub rid: i64,
    pub sheet_id: String,
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub published_at: i64,
}

/// Index rows by row id (at most a few hundred), in the order asked; `with_body` also reads
/// the searchable text (for snippets).
pub async fn rows(conn: &mut AnyConnection, rids: &[i64], with_body: bool) -> R<Vec<HitRow>> {
    if rids.is_empty() {
        return Ok(vec![]);
    }
    let body = if with_body { "body" } else { "'' AS body" };
    let mut query = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT rid, sheet_id, kind, title, summary, {body}, published_at FROM sheet_index WHERE rid IN ({})",
        slots(rids.len())
    )));
    for rid in rids {
        query = query.bind(*rid);
    }
    let mut found: Vec<HitRow> = query.fetch_all(conn).await?;
    let order: HashMap<i64, usize> = rids.iter().enumerate().map(|(i, r)| (*r, i)).collect();
    found.sort_by_key(|r| order.get(&r.rid).copied());
    Ok(found)
}

/// Facet values of the given sheets (at most a few hundred ids): `(sheet, facet, value)`.
pub async fn sheet_facets(
    conn: &mut AnyConnection,
    ids: &[String],
) -> R<Vec<(String, String, String)>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut query = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT sheet_id, facet, value FROM sheet_facets WHERE sheet_id IN ({}) ORDER BY sheet_id, facet, value",
        slots(ids.len())
    )));
    for id in ids {
        query = query.bind(id.clone());
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
