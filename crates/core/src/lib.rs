//! Passerelle's domain and storage: accounts, organisations, e-mail, jobs, audit.
//!
//! This crate knows nothing of HTTP. Each feature is a folder: `mod.rs` (service functions that
//! open one transaction per user action), `model.rs`, `store.rs` (all of its SQL) and `policy.rs`
//! (pure "may X do Y" functions, deny by default).

pub mod accounts;
pub mod audit;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod ids;
pub mod immersions;
pub mod jobs;
pub mod mail;
pub mod markdown;
pub mod merge;
pub mod organisations;
pub mod questionnaires;
pub mod sessions;
pub mod sheets;
pub mod slots;
pub mod syntheses;
pub mod text;
pub mod throttle;
pub mod validate;

use std::sync::Arc;

pub use clock::Clock;
pub use config::Config;
pub use db::{Backend, Db};
pub use error::{Error, Result};
pub use passerelle_i18n::Locale;

/// What every service function needs: the database, the clock and the configuration.
/// Cheap to clone; holds no per-request or per-instance state that another instance would need.
#[derive(Clone)]
pub struct Core {
    pub db: Db,
    pub clock: Clock,
    pub config: Arc<Config>,
    /// Per-instance read caches (see `organisations::cache`, `immersions::cache`). Never a source
    /// of truth.
    pub caches: Arc<Caches>,
}

/// Short-lived read caches of this instance.
#[derive(Default)]
pub struct Caches {
    pub public_orgs: organisations::cache::PublicOrgCache,
    pub public_catalogue: immersions::cache::PublicCatalogueCache,
    pub sheet_catalogue: sheets::cache::SheetCatalogueCache,
    pub sheet_facets: sheets::facet_memory::FacetMemory,
    pub sheet_matches: sheets::facet_memory::MatchCache,
}

impl Core {
    pub fn new(db: Db, clock: Clock, config: Config) -> Self {
        Core {
            db,
            clock,
            config: Arc::new(config),
            caches: Arc::new(Caches::default()),
        }
    }

    /// An absolute link into the application, for e-mails and the CLI.
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.config.base_url.trim_end_matches('/'), path)
    }
}
