//! Rendered page parts for anonymous visitors, kept for two seconds per instance.
//!
//! The offer catalogue's results (twenty cards, each with several translated labels) cost more
//! to render than to fetch once the data is cached in core. Anonymous visitors all see the same
//! HTML for a given language, search and page, so the rendered part is kept as briefly as the
//! data (`core::immersions::cache::TTL_SECS`); keys carry the core cache's generation, so a
//! change to an offer made through this instance makes them obsolete at once. Signed-in views and everything holding a CSRF token are always rendered afresh.

use std::sync::Arc;

use passerelle_core::immersions::cache::TTL_SECS;

pub struct FragmentCache {
    entries: quick_cache::sync::Cache<String, (i64, Arc<String>)>,
}

impl Default for FragmentCache {
    fn default() -> Self {
        FragmentCache {
            entries: quick_cache::sync::Cache::new(1024),
        }
    }
}

impl FragmentCache {
    /// Keys are bucketed by the time-to-live, so entries roll over together and are never
    /// replaced in place.
    pub fn get(&self, key: &str, now: i64) -> Option<Arc<String>> {
        self.entries
            .get(&format!("{}|{key}", now.div_euclid(TTL_SECS)))
            .map(|(_, html)| html)
    }

    pub fn put(&self, key: String, html: Arc<String>, now: i64) {
        self.entries
            .insert(format!("{}|{key}", now.div_euclid(TTL_SECS)), (now, html));
    }
}
