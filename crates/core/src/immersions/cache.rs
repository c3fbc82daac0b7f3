//! A short-lived, per-instance cache of the public catalogue as anonymous visitors see it.
//!
//! Anonymous catalogue searches (and their Atom feeds) are the programme's shop window and cost
//! a count over the matching offers. Their results are kept for [`TTL_SECS`] seconds per query;
//! a change to any offer made through this instance clears them at once, other instances catch
//! up within the same delay (as for organisation pages). The list of themes offered by the
//! filter and the list of programmes change rarely and are kept for [`THEMES_TTL_SECS`]. Signed-in people always read from
//! the database.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use super::{Offer, Programme};

/// How long anonymous results may be served from memory, in seconds.
pub const TTL_SECS: i64 = 2;
/// How long the theme filter's choices are kept, in seconds.
pub const THEMES_TTL_SECS: i64 = 60;

type Results = Arc<(Vec<Offer>, i64)>;

pub struct PublicCatalogueCache {
    results: quick_cache::sync::Cache<String, (i64, Results)>,
    themes: Mutex<Option<(i64, Arc<Vec<String>>)>>,
    programmes: Mutex<Option<(i64, Arc<Vec<Programme>>)>>,
    /// Moves on at every [`PublicCatalogueCache::clear`], so that rendered copies kept by the
    /// web layer can tell they are out of date.
    generation: AtomicU64,
    /// Held while the theme or programme list is being refreshed, so that a burst of misses
    /// queries the database once.
    pub refresh: tokio::sync::Mutex<()>,
}

impl Default for PublicCatalogueCache {
    fn default() -> Self {
        PublicCatalogueCache {
            results: quick_cache::sync::Cache::new(1024),
            themes: Mutex::new(None),
            programmes: Mutex::new(None),
            generation: AtomicU64::new(0),
            refresh: tokio::sync::Mutex::new(()),
        }
    }
}

impl PublicCatalogueCache {
    /// The fresh results of `key`, or computes them with `compute` — once: concurrent misses of
    /// the same key wait for the first one instead of all querying the database (when an entry
    /// expires under load, dozens of requests would otherwise miss at the same instant). Keys
    /// are bucketed by [`TTL_SECS`], so an entry is never replaced in place: the next bucket is
    /// a new key, computed by the first request that needs it.
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
        let key = format!("{}|{key}", now.div_euclid(TTL_SECS));
        match self.results.get_value_or_guard_async(&key).await {
            Ok((_, hit)) => Ok(hit),
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

    /// The current generation (see the field).
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Relaxed)
    }

    /// The list of programmes (the catalogue's programme filter, the programmes page).
    pub fn programmes(&self, now: i64) -> Option<Arc<Vec<Programme>>> {
        let guard = self.programmes.lock().ok()?;
        guard
            .as_ref()
            .filter(|(at, _)| now - at < THEMES_TTL_SECS)
            .map(|(_, p)| p.clone())
    }

    pub fn put_programmes(&self, programmes: Arc<Vec<Programme>>, now: i64) {
        if let Ok(mut guard) = self.programmes.lock() {
            *guard = Some((now, programmes));
        }
    }

    /// Forgets everything after a change to an offer or a programme made through this instance.
    pub fn clear(&self) {
        self.generation.fetch_add(1, Ordering::Relaxed);
        self.results.clear();
        if let Ok(mut guard) = self.themes.lock() {
            *guard = None;
        }
        if let Ok(mut guard) = self.programmes.lock() {
            *guard = None;
        }
    }
}
