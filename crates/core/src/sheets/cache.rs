//! A short-lived, per-instance cache of catalogue pages. The catalogue is the same for every
//! visitor (published sheets only), and counting facets over a large index costs more than
//! showing a page; a page is fresh for [`TTL_SECS`] seconds per query. Past that, one request
//! recomputes it while the others are served the previous copy (stale-while-revalidate), so a
//! popular page never makes a crowd wait. Publishing or archiving through this instance clears
//! the cache at once; other instances catch up within about [`TTL_SECS`] seconds.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use super::catalogue::Catalogue;

/// How long a catalogue page is fresh, in seconds.
pub const TTL_SECS: i64 = 2;

type Page = (i64, Arc<Catalogue>);

pub struct SheetCatalogueCache {
    pages: quick_cache::sync::Cache<String, Page>,
    /// Keys being recomputed by one request while others get the stale copy.
    refreshing: Mutex<HashSet<String>>,
}

impl Default for SheetCatalogueCache {
    fn default() -> Self {
        SheetCatalogueCache {
            pages: quick_cache::sync::Cache::new(2048),
            refreshing: Mutex::new(HashSet::new()),
        }
    }
}

/// Releases a refresh claim however the refreshing request ends (even cancelled).
struct Claim<'a> {
    cache: &'a SheetCatalogueCache,
    key: String,
}

impl Drop for Claim<'_> {
    fn drop(&mut self) {
        if let Ok(mut set) = self.cache.refreshing.lock() {
            set.remove(&self.key);
        }
    }
}

impl SheetCatalogueCache {
    fn claim(&self, key: &str) -> Option<Claim<'_>> {
        let mut set = self.refreshing.lock().ok()?;
        set.insert(key.to_owned()).then(|| Claim {
            cache: self,
            key: key.to_owned(),
        })
    }

    /// The page for `key`: fresh from memory, stale from memory while another request
    /// refreshes it, or computed — once, concurrent misses of one key waiting for the first.
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
        if let Some((at, page)) = self.pages.get(key) {
            if now - at < TTL_SECS {
                return Ok(page);
            }
            let Some(_claim) = self.claim(key) else {
                return Ok(page);
            };
            let fresh = Arc::new(compute().await?);
            self.pages.insert(key.to_owned(), (now, fresh.clone()));
            return Ok(fresh);
        }
        match self.pages.get_value_or_guard_async(key).await {
            Ok((_, hit)) => Ok(hit),
            Err(guard) => {
                let fresh = Arc::new(compute().await?);
                let _ = guard.insert((now, fresh.clone()));
                Ok(fresh)
            }
        }
    }

    /// Forgets every page after a sheet was published or withdrawn through this instance.
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
    async fn a_stale_page_is_served_while_one_request_refreshes_it() {
        let cache = SheetCatalogueCache::default();
        let first = cache
            .get_or_compute("q", 100, || async { Ok(page(1)) })
            .await;
        assert_eq!(first.expect("first").total, 1);
        // Fresh: not recomputed.
        let again = cache
            .get_or_compute("q", 101, || async { Ok(page(2)) })
            .await;
        assert_eq!(again.expect("fresh").total, 1);
        // Stale while someone else refreshes: the previous copy.
        let claim = cache.claim("q").expect("claim");
        let stale = cache
            .get_or_compute("q", 103, || async { Ok(page(3)) })
            .await;
        assert_eq!(stale.expect("stale").total, 1);
        drop(claim);
        // Stale and nobody refreshing: this request recomputes.
        let fresh = cache
            .get_or_compute("q", 103, || async { Ok(page(4)) })
            .await;
        assert_eq!(fresh.expect("refreshed").total, 4);
        cache.clear();
        let cleared = cache
            .get_or_compute("q", 103, || async { Ok(page(5)) })
            .await;
        assert_eq!(cleared.expect("cleared").total, 5);
    }
}
