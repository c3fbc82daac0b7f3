//! A short-lived, per-instance cache of catalogue pages. The catalogue is the same for every
//! visitor (published sheets only), and counting facets over a large index costs more than
//! showing a page; a page is kept for [`TTL_SECS`] seconds per query. Publishing or archiving
//! through this instance clears it at once; other instances catch up within the same delay.

use std::sync::Arc;

use super::catalogue::Catalogue;

/// How long a catalogue page may be served from memory, in seconds.
pub const TTL_SECS: i64 = 2;

pub struct SheetCatalogueCache {
    pages: quick_cache::sync::Cache<String, Arc<Catalogue>>,
}

impl Default for SheetCatalogueCache {
    fn default() -> Self {
        SheetCatalogueCache {
            pages: quick_cache::sync::Cache::new(2048),
        }
    }
}

impl SheetCatalogueCache {
    /// The fresh page for `key`, or computes it — once: concurrent misses of one key wait for
    /// the first. Keys are bucketed by [`TTL_SECS`], so an entry is never replaced in place.
    pub async fn get_or_compute<F, Fut>(
        &self,
        key: &str,
        now: i64,
        compute: F,
    ) -> crate::Result<Arc<Catalogue>>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = crate::Result<Catalogue>>,
    {
        let key = format!("{}|{key}", now.div_euclid(TTL_SECS));
        match self.pages.get_value_or_guard_async(&key).await {
            Ok(hit) => Ok(hit),
            Err(guard) => {
                let fresh = Arc::new(compute().await?);
                let _ = guard.insert(fresh.clone());
                Ok(fresh)
            }
        }
    }

    /// Forgets every page after a sheet was published or withdrawn through this instance.
    pub fn clear(&self) {
        self.pages.clear();
    }
}
