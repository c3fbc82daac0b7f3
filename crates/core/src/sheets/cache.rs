//! A per-instance cache of catalogue pages, keyed by the index's generation. The catalogue is
//! the same for every visitor (published sheets only), and counting facets over a large index
//! costs more than showing a page. Every search reads the index's generation from the database
//! (one row, see `facet_memory`), and a page is kept under that generation: it is served from
//! memory for as long as the index does not change, and no longer — a publication or an
//! archiving through any instance changes the generation, so every instance computes its pages
//! afresh on the next request. Concurrent requests for a page nobody holds wait for the first
//! one rather than compute it again.

use std::sync::Arc;

use super::catalogue::Catalogue;

/// How many pages an instance keeps (least recently used pages go first; a page with its
/// facets weighs a few tens of kilobytes).
const PAGES: usize = 1024;

pub struct SheetCatalogueCache {
    pages: quick_cache::sync::Cache<(i64, String), Arc<Catalogue>>,
}

impl Default for SheetCatalogueCache {
    fn default() -> Self {
        SheetCatalogueCache {
            pages: quick_cache::sync::Cache::new(PAGES),
        }
    }
}

impl SheetCatalogueCache {
    /// The page for `key` in index `generation`: from memory, or computed — once, concurrent
    /// misses of one key waiting for the first.
    pub async fn get_or_compute<F, Fut>(
        &self,
        generation: i64,
        key: &str,
        compute: F,
    ) -> crate::Result<Arc<Catalogue>>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = crate::Result<Catalogue>>,
    {
        match self
            .pages
            .get_value_or_guard_async(&(generation, key.to_owned()))
            .await
        {
            Ok(hit) => Ok(hit),
            Err(guard) => {
                let fresh = Arc::new(compute().await?);
                let _ = guard.insert(fresh.clone());
                Ok(fresh)
            }
        }
    }

    /// Forgets every page (pages of a past generation are never asked again; this frees them
    /// at once after a publication through this instance).
    pub fn clear(&self) {
        self.pages.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(total: i64) -> Catalogue {
        Catalogue {
            hits: vec![],
            total,
            facets: vec![],
            page: 1,
            pages: 0,
        }
    }

    #[tokio::test]
    async fn a_page_is_kept_for_its_generation_only() {
        let cache = SheetCatalogueCache::default();
        let first = cache.get_or_compute(7, "q", || async { Ok(page(1)) }).await;
        assert_eq!(first.expect("first").total, 1);
        // Same generation: not recomputed, however long after.
        let again = cache.get_or_compute(7, "q", || async { Ok(page(2)) }).await;
        assert_eq!(again.expect("kept").total, 1);
        // Another query, or the index changed: computed.
        let other = cache.get_or_compute(7, "r", || async { Ok(page(3)) }).await;
        assert_eq!(other.expect("other query").total, 3);
        let next = cache.get_or_compute(8, "q", || async { Ok(page(4)) }).await;
        assert_eq!(next.expect("next generation").total, 4);
        // A failed computation keeps nothing.
        let failed = cache
            .get_or_compute(9, "q", || async { Err(crate::Error::NotFound) })
            .await;
        assert!(failed.is_err());
        let retried = cache.get_or_compute(9, "q", || async { Ok(page(5)) }).await;
        assert_eq!(retried.expect("retried").total, 5);
    }
}
