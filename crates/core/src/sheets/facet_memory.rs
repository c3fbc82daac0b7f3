//! This instance's copy of the index's facet values, as bitmaps of row ids, to count facet
//! values over tens of thousands of hits in microseconds (SQL needs a join row per hit and
//! value). The database stays the source of truth: every search reads the index's generation
//! (one row), and a copy of another generation is brought up to date before it is used. The
//! first copy reads every value (two aggregate queries, about half a second at 100,000
//! sheets); later ones apply the changes logged since the generation held (`sheet_index_log`:
//! the rows added and withdrawn, and the facets of those added), unless there are more than
//! [`MAX_CHANGES`]. So every instance counts what the database holds, and a search right after
//! a publication sees it.
//!
//! It also keeps the sets of sheets matching recent words ([`MatchCache`]), keyed by the
//! index's generation: someone refining a search by facets or turning pages asks the same
//! words again, and the full-text match is the costly half of a search.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use roaring::RoaringBitmap;

use super::index;
use crate::db::{Backend, Db};

/// The facet values of one generation of the index.
#[derive(Debug, Default)]
pub struct FacetSnapshot {
    generation: Option<i64>,
    /// Every published sheet.
    pub live: RoaringBitmap,
    /// facet → value → sheets that have it.
    values: BTreeMap<String, BTreeMap<String, RoaringBitmap>>,
}

impl FacetSnapshot {
    /// The index generation this copy holds.
    pub fn generation(&self) -> Option<i64> {
        self.generation
    }

    /// The values of `facet` in use, with their sheets.
    pub fn values(&self, facet: &str) -> impl Iterator<Item = (&String, &RoaringBitmap)> {
        self.values.get(facet).into_iter().flatten()
    }

    /// The sheets having any of `values` of `facet`.
    pub fn any_of(&self, facet: &str, values: &[String]) -> RoaringBitmap {
        let mut out = RoaringBitmap::new();
        if let Some(known) = self.values.get(facet) {
            for v in values {
                if let Some(b) = known.get(v) {
                    out |= b;
                }
            }
        }
        out
    }

    /// The (first) value of `facet` that index row `rid` has.
    pub fn value_of(&self, facet: &str, rid: i64) -> Option<&str> {
        let rid = u32::try_from(rid).ok()?;
        self.values(facet)
            .find(|(_, sheets)| sheets.contains(rid))
            .map(|(v, _)| v.as_str())
    }

    /// Every facet value the index holds, as of `generation` or later.
    async fn read_whole(
        conn: &mut sqlx::AnyConnection,
        backend: Backend,
        generation: i64,
    ) -> Result<FacetSnapshot, sqlx::Error> {
        let live = index::live(conn, backend).await?;
        let mut values: BTreeMap<String, BTreeMap<String, RoaringBitmap>> = BTreeMap::new();
        for (facet, value, sheets) in index::facet_values(conn, backend).await? {
            values.entry(facet).or_default().insert(value, sheets);
        }
        Ok(FacetSnapshot {
            generation: Some(generation),
            live,
            values,
        })
    }

    /// This copy with the changes of the index up to `generation` applied: `withdrawn` row ids,
    /// and the facet values of the rows added that are still there (see
    /// [`index::facets_of_rows`]).
    fn with_changes(
        &self,
        generation: i64,
        withdrawn: &[i64],
        added: Vec<(i64, Option<String>, Option<String>)>,
    ) -> FacetSnapshot {
        let mut live = self.live.clone();
        let mut values = self.values.clone();
        for rid in withdrawn.iter().filter_map(|r| u32::try_from(*r).ok()) {
            live.remove(rid);
            for sheets in values.values_mut().flat_map(|vs| vs.values_mut()) {
                sheets.remove(rid);
            }
        }
        for (rid, facet, value) in added {
            let Ok(rid) = u32::try_from(rid) else {
                continue;
            };
            live.insert(rid);
            if let (Some(facet), Some(value)) = (facet, value) {
                values
                    .entry(facet)
                    .or_default()
                    .entry(value)
                    .or_default()
                    .insert(rid);
            }
        }
        for vs in values.values_mut() {
            vs.retain(|_, sheets| !sheets.is_empty());
        }
        FacetSnapshot {
            generation: Some(generation),
            live,
            values,
        }
    }
}

/// Past this many logged changes, a copy is read again whole rather than brought up to date.
pub const MAX_CHANGES: i64 = 5_000;

#[derive(Default)]
pub struct FacetMemory {
    current: RwLock<Arc<FacetSnapshot>>,
    /// One reload at a time; the others wait for it rather than repeat it.
    loading: tokio::sync::Mutex<()>,
    /// How many times this instance read every facet value.
    full_loads: AtomicU64,
}

impl FacetMemory {
    fn held(&self) -> Arc<FacetSnapshot> {
        match self.current.read() {
            Ok(c) => c.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// The facet values of the index as the database holds them now.
    pub async fn snapshot(&self, db: &Db) -> Result<Arc<FacetSnapshot>, sqlx::Error> {
        let mut conn = db.pool.acquire().await?;
        let generation = index::generation(&mut conn).await?;
        let held = self.held();
        if held.generation == Some(generation) {
            return Ok(held);
        }
        let _turn = self.loading.lock().await;
        let held = self.held();
        if held.generation.is_some_and(|g| g >= generation) {
            return Ok(held);
        }
        // Read after the generation: what is loaded is at least that generation's.
        let changes = match held.generation {
            Some(from) => index::changes(&mut conn, from, generation, MAX_CHANGES).await?,
            None => None,
        };
        let fresh = Arc::new(match changes {
            Some((withdrawn, added)) => {
                let added = index::facets_of_rows(&mut conn, &added).await?;
                held.with_changes(generation, &withdrawn, added)
            }
            None => {
                self.full_loads.fetch_add(1, Ordering::Relaxed);
                FacetSnapshot::read_whole(&mut conn, db.backend, generation).await?
            }
        });
        match self.current.write() {
            Ok(mut c) => *c = fresh.clone(),
            Err(poisoned) => *poisoned.into_inner() = fresh.clone(),
        }
        Ok(fresh)
    }

    /// How many times this instance read every facet value (once at its first search, then
    /// only after more than [`MAX_CHANGES`] changes between two searches).
    pub fn full_loads(&self) -> u64 {
        self.full_loads.load(Ordering::Relaxed)
    }
}

/// Sheets matching recent word queries, per index generation (a new generation makes every
/// entry unreachable; they age out). A set is collected once: searches asking for it while
/// another collects it wait for that one.
pub struct MatchCache {
    sets: quick_cache::sync::Cache<String, Arc<RoaringBitmap>>,
}

impl Default for MatchCache {
    fn default() -> Self {
        MatchCache {
            sets: quick_cache::sync::Cache::new(256),
        }
    }
}

type Guard<'a> = quick_cache::sync::PlaceholderGuard<
    'a,
    String,
    Arc<RoaringBitmap>,
    quick_cache::UnitWeighter,
    quick_cache::DefaultHashBuilder,
    quick_cache::sync::DefaultLifecycle<String, Arc<RoaringBitmap>>,
>;

/// The duty of collecting a set that others may be waiting for; dropped without
/// [`Claim::keep`], it passes to one of them.
pub struct Claim<'a>(Guard<'a>);

impl Claim<'_> {
    pub fn keep(self, set: Arc<RoaringBitmap>) {
        let _ = self.0.insert(set);
    }
}

/// What the cache says of a set, without waiting.
pub enum Lookup<'a> {
    Kept(Arc<RoaringBitmap>),
    /// Nobody holds or collects it: the caller collects it.
    Yours(Claim<'a>),
    /// Another search is collecting it (see [`MatchCache::wait`]).
    Busy,
}

impl MatchCache {
    fn key(generation: Option<i64>, terms: &[String]) -> String {
        format!("{}:{}", generation.unwrap_or(-1), terms.join(" "))
    }

    pub fn lookup(&self, generation: Option<i64>, terms: &[String]) -> Lookup<'_> {
        use quick_cache::sync::GuardResult;
        let key = Self::key(generation, terms);
        match self
            .sets
            .get_value_or_guard(&key, Some(std::time::Duration::ZERO))
        {
            GuardResult::Value(set) => Lookup::Kept(set),
            GuardResult::Guard(guard) => Lookup::Yours(Claim(guard)),
            GuardResult::Timeout => Lookup::Busy,
        }
    }

    /// The set once the search collecting it is done, or the duty of collecting it if that
    /// search failed.
    pub async fn wait(
        &self,
        generation: Option<i64>,
        terms: &[String],
    ) -> Result<Arc<RoaringBitmap>, Claim<'_>> {
        self.sets
            .get_value_or_guard_async(&Self::key(generation, terms))
            .await
            .map_err(Claim)
    }

    /// Forgets every set (benchmarks measure searches without it).
    pub fn clear(&self) {
        self.sets.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms() -> Vec<String> {
        vec!["famill".into()]
    }

    #[tokio::test]
    async fn a_set_is_collected_once_and_a_failed_collection_passes_the_duty_on() {
        let cache = MatchCache::default();
        let Lookup::Yours(claim) = cache.lookup(Some(1), &terms()) else {
            panic!("nobody holds the set yet");
        };
        assert!(matches!(cache.lookup(Some(1), &terms()), Lookup::Busy));
        // Dropped without a set (the collecting search failed): a waiting search collects it.
        drop(claim);
        let Err(claim) = cache.wait(Some(1), &terms()).await else {
            panic!("the duty passes on");
        };
        claim.keep(Arc::new(RoaringBitmap::from_iter([3_u32, 5])));
        match cache.lookup(Some(1), &terms()) {
            Lookup::Kept(set) => assert_eq!(set.len(), 2),
            _ => panic!("kept"),
        }
        let waited = cache.wait(Some(1), &terms()).await.ok().expect("kept");
        assert!(waited.contains(5));
        // Another generation: not this set.
        assert!(matches!(cache.lookup(Some(2), &terms()), Lookup::Yours(_)));
    }
}
