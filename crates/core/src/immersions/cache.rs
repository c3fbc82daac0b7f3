//! A short-lived, per-instance cache of the public catalogue as anonymous visitors see it.
//!
//! Anonymous catalogue searches (and their Atom feeds) are the programme's shop window and cost
//! a count over the matching offers. Their results are kept for [`TTL_SECS`] seconds per query;
//! a change to any offer made through this instance clears them at once, other instances catch
//! up within the same delay (as for organisation pages). The list of themes offered by the
//! filter changes rarely and is kept for [`THEMES_TTL_SECS`]. Signed-in people always read from
//! the database.

use std::sync::{Arc, Mutex};

use super::Offer;

/// How long anonymous results may be served from memory, in seconds.
pub const TTL_SECS: i64 = 2;
/// How long the theme filter's choices are kept, in seconds.
pub const THEMES_TTL_SECS: i64 = 60;

type Results = Arc<(Vec<Offer>, i64)>;

pub struct PublicCatalogueCache {
    results: quick_cache::sync::Cache<String, (i64, Results)>,
    themes: Mutex<Option<(i64, Arc<Vec<String>>)>>,
}

impl Default for PublicCatalogueCache {
    fn default() -> Self {
        PublicCatalogueCache {
            results: quick_cache::sync::Cache::new(1024),
            themes: Mutex::new(None),
        }
    }
}

impl PublicCatalogueCache {
    pub fn get(&self, key: &str, now: i64) -> Option<Results> {
        self.results
            .get(key)
            .filter(|(at, _)| now - at < TTL_SECS)
            .map(|(_, r)| r)
    }

    pub fn put(&self, key: String, results: Results, now: i64) {
        self.results.insert(key, (now, results));
    }

    /// The fresh results of `key`, or computes them with `compute` — once: concurrent misses of
    /// the same key wait for the first one instead of all querying the database (when an entry
    /// expires under load, dozens of requests would otherwise miss at the same instant).
    pub async fn get_or_compute<F, Fut>(
        &self,
        key: &str,
        now: i64,
        compute: F,
    ) -> crate::Result<Results>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = crate::Result<(Vec<Offer>, i64)>>,
    {
        if let Some(hit) = self.get(key, now) {
            return Ok(hit);
        }
        // Drop a stale entry so that the single-flight below computes a fresh one.
        if self
            .results
            .get(key)
            .is_some_and(|(at, _)| now - at >= TTL_SECS)
        {
            self.results.remove(key);
        }
        match self.results.get_value_or_guard_async(key).await {
            Ok((at, hit)) if now - at < TTL_SECS => Ok(hit),
            Ok(_) => Ok(Arc::new(compute().await?)),
            Err(guard) => {
                let fresh = Arc::new(compute().await?);
                let _ = guard.insert((now, fresh.clone()));
                Ok(fresh)
            }
        }
    }

    pub fn themes(&self, now: i64) -> Option<Arc<Vec<String>>> {
        let guard = self.themes.lock().ok()?;
        guard
            .as_ref()
            .filter(|(at, _)| now - at < THEMES_TTL_SECS)
            .map(|(_, t)| t.clone())
    }

    pub fn put_themes(&self, themes: Arc<Vec<String>>, now: i64) {
        if let Ok(mut guard) = self.themes.lock() {
            *guard = Some((now, themes));
        }
    }

    /// Forgets everything after a change to an offer made through this instance.
    pub fn clear(&self) {
        self.results.clear();
        if let Ok(mut guard) = self.themes.lock() {
            *guard = None;
        }
    }
}
