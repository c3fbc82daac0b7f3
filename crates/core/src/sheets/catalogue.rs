//! The public catalogue: published sheets filtered by facets and found by French full-text
//! search, with counts per facet value and highlighted snippets.

use super::search::{Piece, query_terms, snippet};
use super::store::{self, Query};
use super::types;
use crate::{Core, Result};

/// The facets the catalogue offers, in display order.
pub const FACETS: &[&str] = &[
    "type",
    "category",
    "themes",
    "approach",
    "publics",
    "territory",
    "maturity",
];

/// Sheets per catalogue page.
pub const PAGE_SIZE: i64 = 20;

/// What a visitor asked for.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub q: String,
    /// `(facet, values)`; values of one facet are alternatives.
    pub facets: Vec<(String, Vec<String>)>,
    pub page: i64,
}

impl Selection {
    /// Reads `(key, value)` pairs of a query string: `q`, `page` and the facets; unknown facets
    /// and values are ignored.
    pub fn from_pairs(pairs: &[(String, String)]) -> Selection {
        let mut s = Selection {
            page: 1,
            ..Default::default()
        };
        for (k, v) in pairs {
            match k.as_str() {
                "q" => s.q = v.chars().take(200).collect(),
                "page" => s.page = v.parse().unwrap_or(1),
                facet if FACETS.contains(&facet) && known_value(facet, v) => {
                    match s.facets.iter_mut().find(|(f, _)| f == facet) {
                        Some((_, values)) if !values.contains(v) => values.push(v.clone()),
                        Some(_) => {}
                        None => s.facets.push((facet.to_owned(), vec![v.clone()])),
                    }
                }
                _ => {}
            }
        }
        s.page = s.page.clamp(1, 10_000);
        s
    }

    pub fn has(&self, facet: &str, value: &str) -> bool {
        self.facets
            .iter()
            .any(|(f, vs)| f == facet && vs.iter().any(|v| v == value))
    }

    /// The query string of this selection (page left out), for links and exports.
    pub fn to_query(&self) -> String {
        let mut ser = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            ser.append_pair("q", &self.q);
        }
        for (f, vs) in &self.facets {
            for v in vs {
                ser.append_pair(f, v);
            }
        }
        ser.finish()
    }

    fn query(&self, limit: i64, offset: i64) -> Query {
        Query {
            terms: query_terms(&self.q),
            facets: self.facets.clone(),
            limit,
            offset,
        }
    }
}

fn known_value(facet: &str, value: &str) -> bool {
    if facet == "type" {
        return types::find(value).is_some();
    }
    types::all()
        .iter()
        .filter_map(|t| t.field(facet))
        .any(|f| f.facet && f.accepts(value))
}

/// One hit.
#[derive(Debug, Clone)]
pub struct Hit {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub snippet: Vec<Piece>,
    pub published_at: i64,
}

/// One value of a facet and how many hits have it.
#[derive(Debug, Clone)]
pub struct FacetValue {
    pub value: String,
    pub count: i64,
    pub selected: bool,
}

#[derive(Debug, Clone)]
pub struct Catalogue {
    pub hits: Vec<Hit>,
    pub total: i64,
    /// `(facet, values)` in [`FACETS`] order, values by decreasing count.
    pub facets: Vec<(String, Vec<FacetValue>)>,
    pub page: i64,
    pub pages: i64,
}

/// One page of the catalogue for `selection` (from this instance's short-lived cache when
/// someone asked the same in the last seconds; see `sheets::cache`).
pub async fn search(core: &Core, selection: &Selection) -> Result<std::sync::Arc<Catalogue>> {
    let key = format!("{}&page={}", selection.to_query(), selection.page);
    core.caches
        .sheet_catalogue
        .get_or_compute(&key, core.clock.unix(), || search_uncached(core, selection))
        .await
}

/// One page of the catalogue, read from the database.
pub async fn search_uncached(core: &Core, selection: &Selection) -> Result<Catalogue> {
    let mut conn = core.db.pool.acquire().await?;
    let q = selection.query(PAGE_SIZE, (selection.page - 1) * PAGE_SIZE);
    let rows = store::search(&mut conn, core.db.backend, &q).await?;
    let counts = store::facet_counts(&mut conn, core.db.backend, &q).await?;
    let total: i64 = counts
        .iter()
        .filter(|(f, _, _)| f == "type")
        .map(|(_, _, n)| n)
        .sum();
    let hits = rows
        .into_iter()
        .map(|r| {
            let snippet = if q.terms.is_empty() {
                vec![]
            } else {
                snippet(&format!("{}\n{}", r.summary, r.body), &q.terms, 30)
            };
            Hit {
                id: r.sheet_id,
                kind: r.kind,
                title: r.title,
                summary: r.summary,
                snippet,
                published_at: r.published_at,
            }
        })
        .collect();
    let facets = FACETS
        .iter()
        .map(|facet| {
            let mut values: Vec<FacetValue> = counts
                .iter()
                .filter(|(f, _, _)| f == facet)
                .map(|(_, v, n)| FacetValue {
                    value: v.clone(),
                    count: *n,
                    selected: selection.has(facet, v),
                })
                .collect();
            values.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
            ((*facet).to_owned(), values)
        })
        .collect();
    Ok(Catalogue {
        hits,
        total,
        facets,
        page: selection.page,
        pages: (total + PAGE_SIZE - 1) / PAGE_SIZE,
    })
}

/// Every published sheet of a selection, in catalogue order (exports, syntheses).
pub async fn selection_ids(core: &Core, selection: &Selection) -> Result<Vec<String>> {
    let mut conn = core.db.pool.acquire().await?;
    let q = selection.query(0, 0);
    Ok(store::selection_ids(&mut conn, core.db.backend, &q).await?)
}

/// One published sheet of an exported selection.
#[derive(Debug, Clone)]
pub struct ExportRow {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub published_at: i64,
    /// `(facet, value)`.
    pub facets: Vec<(String, String)>,
}

/// Every published sheet of a selection with its facet values, in catalogue order, read in
/// chunks so that a large selection costs a few queries, not one per sheet.
pub async fn export(core: &Core, selection: &Selection) -> Result<Vec<ExportRow>> {
    let ids = selection_ids(core, selection).await?;
    let mut conn = core.db.pool.acquire().await?;
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let (rows, facets) = store::index_rows(&mut conn, chunk).await?;
        for id in chunk {
            let Some(r) = rows.iter().find(|r| &r.sheet_id == id) else {
                continue;
            };
            out.push(ExportRow {
                id: r.sheet_id.clone(),
                kind: r.kind.clone(),
                title: r.title.clone(),
                summary: r.summary.clone(),
                published_at: r.published_at,
                facets: facets
                    .iter()
                    .filter(|(s, f, _)| s == id && f != "type")
                    .map(|(_, f, v)| (f.clone(), v.clone()))
                    .collect(),
            });
        }
    }
    Ok(out)
}
