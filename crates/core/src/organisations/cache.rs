//! A short-lived, per-instance cache of organisation pages as anonymous visitors see them.
//!
//! The public organisation page is the most visited page and costs a database round trip per
//! view. Anonymous views are served from this cache for up to [`TTL_SECS`] seconds. Changes made
//! through this instance drop the entry at once; another instance sharing the database serves
//! its own copy for at most that long (per-instance by design, documented in the README).
//! Signed-in people always read from the database, so editors see their changes immediately.

use std::sync::Arc;

use super::OrgView;

/// How long an anonymous view may be served from memory, in seconds.
pub const TTL_SECS: i64 = 2;

pub struct PublicOrgCache {
    entries: quick_cache::sync::Cache<String, (i64, Arc<OrgView>)>,
}

impl Default for PublicOrgCache {
    fn default() -> Self {
        PublicOrgCache {
            entries: quick_cache::sync::Cache::new(4096),
        }
    }
}

impl PublicOrgCache {
    /// The cached view of `slug` if it was stored less than [`TTL_SECS`] ago.
    pub fn get(&self, slug: &str, now: i64) -> Option<Arc<OrgView>> {
        self.entries
            .get(slug)
            .filter(|(at, _)| now - at < TTL_SECS)
            .map(|(_, view)| view)
    }

    pub fn put(&self, view: OrgView, now: i64) {
        self.entries
            .insert(view.org.slug.clone(), (now, Arc::new(view)));
    }

    /// Drops the entry of `slug` after a change made through this instance.
    pub fn forget(&self, slug: &str) {
        self.entries.remove(slug);
    }
}
