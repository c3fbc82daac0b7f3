//! The public catalogue: published sheets filtered by facets and found by French full-text
//! search, with counts per facet value and highlighted snippets.

use std::collections::HashMap;
use std::sync::Arc;

use roaring::RoaringBitmap;

use super::facet_memory::{FacetSnapshot, Lookup};
use super::index;
use super::search::{Piece, query_terms, snippet};
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
    "language",
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
    /// The language the sheet is written in.
    pub lang: String,
    /// `(facet, value)` of its category, territory and maturity, for the reader to judge it
    /// from the list.
    pub traits: Vec<(&'static str, String)>,
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

/// One page of the catalogue for `selection`, from this instance's cache when it was computed
/// for the index as it is now (see `sheets::cache`).
pub async fn search(core: &Core, selection: &Selection) -> Result<Arc<Catalogue>> {
    let facets = core.caches.sheet_facets.snapshot(&core.db).await?;
    let key = format!("{}&page={}", selection.to_query(), selection.page);
    core.caches
        .sheet_catalogue
        .get_or_compute(facets.generation().unwrap_or(-1), &key, || {
            search_in(core, facets.clone(), selection)
        })
        .await
}

/// One page of the catalogue, read from the database. The total and the facet counts are
/// exact; a facet's counts leave out that facet's own selected values (values of one facet are
/// alternatives: each count says how many hits choosing that value too would add up to).
pub async fn search_uncached(core: &Core, selection: &Selection) -> Result<Catalogue> {
    let facets = core.caches.sheet_facets.snapshot(&core.db).await?;
    search_in(core, facets, selection).await
}

async fn search_in(
    core: &Core,
    facets: Arc<FacetSnapshot>,
    selection: &Selection,
) -> Result<Catalogue> {
    let mut conn = core.db.pool.acquire().await?;
    let backend = core.db.backend;
    let terms = query_terms(&selection.q);
    let offset = (selection.page - 1) * PAGE_SIZE;
    // With words: the set of every match (for the total and the counts) and the ranked page
    // are two queries, run side by side on a second connection when the set is not kept
    // already and a connection is idle (never waited for: two searches each holding one and
    // waiting for another would wait forever). A search needing a set that another search is
    // collecting ranks its page meanwhile, then takes that set.
    let (universe, ranked) = if terms.is_empty() {
        (facets.live.clone(), None)
    } else {
        let matches = &core.caches.sheet_matches;
        let page = index::ranked(
            &mut conn,
            backend,
            &terms,
            &selection.facets,
            offset,
            PAGE_SIZE,
        );
        let generation = facets.generation();
        let (set, page) = match matches.lookup(generation, &terms) {
            Lookup::Kept(set) => (set, page.await?),
            Lookup::Yours(claim) => {
                let (set, page) = match core.db.pool.try_acquire() {
                    Some(mut other) => {
                        tokio::try_join!(index::word_matches(&mut other, backend, &terms), page)?
                    }
                    None => {
                        let page = page.await?;
                        (index::word_matches(&mut conn, backend, &terms).await?, page)
                    }
                };
                let set = Arc::new(set);
                claim.keep(set.clone());
                (set, page)
            }
            // Another search collects the set: rank meanwhile, then take it.
            Lookup::Busy => {
                let page = page.await?;
                match matches.wait(generation, &terms).await {
                    Ok(set) => (set, page),
                    Err(claim) => {
                        let set = Arc::new(index::word_matches(&mut conn, backend, &terms).await?);
                        claim.keep(set.clone());
                        (set, page)
                    }
                }
            }
        };
        ((*set).clone(), Some(page))
    };
    let filters: Vec<(&str, RoaringBitmap)> = selection
        .facets
        .iter()
        .map(|(f, vs)| (f.as_str(), facets.any_of(f, vs)))
        .collect();
    let narrowed = |leave_out: Option<&str>| {
        filters
            .iter()
            .filter(|(f, _)| Some(*f) != leave_out)
            .fold(universe.clone(), |acc, (_, b)| acc & b)
    };
    let hits_set = narrowed(None);
    let total = hits_set.len() as i64;
    let rids: Vec<i64> = match ranked {
        Some(rids) => rids,
        // Without words the order is by date, and the most recent sheets have the highest ids.
        None => hits_set
            .iter()
            .rev()
            .skip(offset as usize)
            .take(PAGE_SIZE as usize)
            .map(i64::from)
            .collect(),
    };
    let rows = index::rows(&mut conn, &rids, !terms.is_empty()).await?;
    let hits = rows
        .into_iter()
        .map(|r| {
            let snippet = if terms.is_empty() {
                vec![]
            } else {
                // Plain text (no Markdown marks), the summary once: the body holds it too.
                let body = crate::markdown::plain_text(&r.body);
                let text = if body.contains(r.summary.trim()) {
                    body
                } else {
                    format!("{}\n{body}", r.summary)
                };
                snippet(&text, &terms, 30)
            };
            Hit {
                lang: facets
                    .value_of("language", r.rid)
                    .unwrap_or(types::DEFAULT_LANGUAGE)
                    .to_owned(),
                id: r.sheet_id,
                kind: r.kind,
                title: r.title,
                summary: r.summary,
                snippet,
                published_at: r.published_at,
                traits: ["category", "territory", "maturity"]
                    .into_iter()
                    .filter_map(|f| facets.value_of(f, r.rid).map(|v| (f, v.to_owned())))
                    .collect(),
            }
        })
        .collect();
    let facet_counts = FACETS
        .iter()
        .map(|facet| {
            let base = narrowed(Some(facet));
            let mut values: Vec<FacetValue> = facets
                .values(facet)
                .map(|(v, sheets)| FacetValue {
                    value: v.clone(),
                    count: base.intersection_len(sheets) as i64,
                    selected: selection.has(facet, v),
                })
                .filter(|v| v.count > 0 || v.selected)
                .collect();
            values.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
            ((*facet).to_owned(), values)
        })
        .collect();
    Ok(Catalogue {
        hits,
        total,
        facets: facet_counts,
        page: selection.page,
        pages: (total + PAGE_SIZE - 1) / PAGE_SIZE,
    })
}

/// Index row ids of every published sheet of a selection, in catalogue order.
async fn selection_rids(core: &Core, selection: &Selection) -> Result<Vec<i64>> {
    let terms = query_terms(&selection.q);
    Ok(if terms.is_empty() {
        let facets = core.caches.sheet_facets.snapshot(&core.db).await?;
        selection
            .facets
            .iter()
            .fold(facets.live.clone(), |acc, (f, vs)| {
                acc & facets.any_of(f, vs)
            })
            .iter()
            .rev()
            .map(i64::from)
            .collect()
    } else {
        let mut conn = core.db.pool.acquire().await?;
        index::ranked(
            &mut conn,
            core.db.backend,
            &terms,
            &selection.facets,
            0,
            i64::MAX,
        )
        .await?
    })
}

/// Every published sheet of a selection, in catalogue order (exports, syntheses).
pub async fn selection_ids(core: &Core, selection: &Selection) -> Result<Vec<String>> {
    let rids = selection_rids(core, selection).await?;
    let mut conn = core.db.pool.acquire().await?;
    let mut ids = Vec::with_capacity(rids.len());
    for chunk in rids.chunks(500) {
        ids.extend(
            index::rows(&mut conn, chunk, false)
                .await?
                .into_iter()
                .map(|r| r.sheet_id),
        );
    }
    Ok(ids)
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
    let rids = selection_rids(core, selection).await?;
    let mut conn = core.db.pool.acquire().await?;
    let mut out = Vec::with_capacity(rids.len());
    for chunk in rids.chunks(500) {
        let rows = index::rows(&mut conn, chunk, false).await?;
        let ids: Vec<String> = rows.iter().map(|r| r.sheet_id.clone()).collect();
        let mut facets: HashMap<String, Vec<(String, String)>> = HashMap::new();
        for (sheet, f, v) in index::sheet_facets(&mut conn, &ids).await? {
            if f != "type" {
                facets.entry(sheet).or_default().push((f, v));
            }
        }
        for r in rows {
            out.push(ExportRow {
                facets: facets.remove(&r.sheet_id).unwrap_or_default(),
                id: r.sheet_id,
                kind: r.kind,
                title: r.title,
                summary: r.summary,
                published_at: r.published_at,
            });
        }
    }
    Ok(out)
}
