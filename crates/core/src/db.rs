//! The database: one `AnyPool` over SQLite or PostgreSQL, migrations embedded in the binary.
//!
//! SQL is written once with `$1…$n` placeholders; the few places where dialects differ
//! `match` on [`Backend`].

use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyPool, AssertSqlSafe, Executor, SqlSafeStr};

use crate::Config;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// SQLite takes one writer at a time; writers of this process queue here, first come first
    /// served, instead of in SQLite's busy handler, whose growing sleeps (up to 100 ms) let
    /// some writers wait far longer than others under load.
    write_turn: Arc<tokio::sync::Mutex<()>>,
}

/// The transaction of one user action (see [`Db::begin`]). Derefs to the connection, so that
/// store functions take `&mut tx`; on SQLite it holds this process's write turn until it ends.
pub struct Tx {
    inner: sqlx::Transaction<'static, sqlx::Any>,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.inner.commit().await
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        self.inner.rollback().await
    }
}

impl std::ops::Deref for Tx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.inner
    }
}

/// `(version, description, sqlite, postgres)`. Same names in both folders; a test checks it.
const MIGRATIONS: &[(i64, &str, &str, &str)] = &[
    (
        1,
        "foundation",
        include_str!("../../../migrations/sqlite/0001_foundation.sql"),
        include_str!("../../../migrations/postgres/0001_foundation.sql"),
    ),
    (
        2,
        "immersions",
        include_str!("../../../migrations/sqlite/0002_immersions.sql"),
        include_str!("../../../migrations/postgres/0002_immersions.sql"),
    ),
    (
        3,
        "agreements",
        include_str!("../../../migrations/sqlite/0003_agreements.sql"),
        include_str!("../../../migrations/postgres/0003_agreements.sql"),
    ),
    (
        4,
        "logbook",
        include_str!("../../../migrations/sqlite/0004_logbook.sql"),
        include_str!("../../../migrations/postgres/0004_logbook.sql"),
    ),
    (
        5,
        "reports",
        include_str!("../../../migrations/sqlite/0005_reports.sql"),
        include_str!("../../../migrations/postgres/0005_reports.sql"),
    ),
    (
        6,
        "reviews",
        include_str!("../../../migrations/sqlite/0006_reviews.sql"),
        include_str!("../../../migrations/postgres/0006_reviews.sql"),
    ),
    (
        7,
        "capitalisation",
        include_str!("../../../migrations/sqlite/0007_capitalisation.sql"),
        include_str!("../../../migrations/postgres/0007_capitalisation.sql"),
    ),
    (
        8,
        "questionnaires",
        include_str!("../../../migrations/sqlite/0008_questionnaires.sql"),
        include_str!("../../../migrations/postgres/0008_questionnaires.sql"),
    ),
    (
        9,
        "sheets",
        include_str!("../../../migrations/sqlite/0009_sheets.sql"),
        include_str!("../../../migrations/postgres/0009_sheets.sql"),
    ),
    (
        10,
        "syntheses",
        include_str!("../../../migrations/sqlite/0010_syntheses.sql"),
        include_str!("../../../migrations/postgres/0010_syntheses.sql"),
    ),
    (
        11,
        "sheet_files",
        include_str!("../../../migrations/sqlite/0011_sheet_files.sql"),
        include_str!("../../../migrations/postgres/0011_sheet_files.sql"),
    ),
    (
        12,
        "search_facets",
        include_str!("../../../migrations/sqlite/0012_search_facets.sql"),
        include_str!("../../../migrations/postgres/0012_search_facets.sql"),
    ),
    (
        13,
        "search_log",
        include_str!("../../../migrations/sqlite/0013_search_log.sql"),
        include_str!("../../../migrations/postgres/0013_search_log.sql"),
    ),
    (
        14,
        "search_terms",
        include_str!("../../../migrations/sqlite/0014_search_terms.sql"),
        include_str!("../../../migrations/postgres/0014_search_terms.sql"),
    ),
    (
        15,
        "search_log_horizon",
        include_str!("../../../migrations/sqlite/0015_search_log_horizon.sql"),
        include_str!("../../../migrations/postgres/0015_search_log_horizon.sql"),
    ),
    (
        16,
        "sheet_language",
        include_str!("../../../migrations/sqlite/0016_sheet_language.sql"),
        include_str!("../../../migrations/postgres/0016_sheet_language.sql"),
    ),
    (
        17,
        "throttles",
        include_str!("../../../migrations/sqlite/0017_throttles.sql"),
        include_str!("../../../migrations/postgres/0017_throttles.sql"),
    ),
    (
        18,
        "signatories",
        include_str!("../../../migrations/sqlite/0018_signatories.sql"),
        include_str!("../../../migrations/postgres/0018_signatories.sql"),
    ),
    (
        19,
        "synthesis_fixed",
        include_str!("../../../migrations/sqlite/0019_synthesis_fixed.sql"),
        include_str!("../../../migrations/postgres/0019_synthesis_fixed.sql"),
    ),
    (
        20,
        "version_asked",
        include_str!("../../../migrations/sqlite/0020_version_asked.sql"),
        include_str!("../../../migrations/postgres/0020_version_asked.sql"),
    ),
    (
        21,
        "user_time_zone",
        include_str!("../../../migrations/sqlite/0021_user_time_zone.sql"),
        include_str!("../../../migrations/postgres/0021_user_time_zone.sql"),
    ),
];

/// `$1, $2, …, $n`: the placeholders of an `IN (…)` list of `n` values.
pub fn slots(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Db {
    /// Opens the database the configuration names: PostgreSQL when `database_url` is set,
    /// else `data_dir/passerelle.db` (created, WAL, foreign keys on).
    pub async fn connect(config: &Config) -> Result<Db, sqlx::Error> {
        if config.uses_postgres() {
            Db::connect_postgres(&config.database_url, None, 16).await
        } else {
            std::fs::create_dir_all(&config.data_dir).map_err(sqlx::Error::Io)?;
            let url = format!("sqlite://{}?mode=rwc", config.sqlite_path().display());
            Db::connect_sqlite(&url).await
        }
    }

    pub async fn connect_sqlite(url: &str) -> Result<Db, sqlx::Error> {
        install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            // An embedded database connection does not go stale; pinging it before every use
            // would double the round trips to SQLite's worker thread.
            .test_before_acquire(false)
            .after_connect(|conn, _| {
                Box::pin(async move {
                    // WAL lets readers proceed during a write; the busy timeout makes concurrent
                    // writers wait instead of failing at once.
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute("PRAGMA busy_timeout = 5000").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        Ok(Db {
            pool,
            backend: Backend::Sqlite,
            write_turn: Arc::default(),
        })
    }

    /// PostgreSQL, optionally confined to one schema (each test gets its own).
    pub async fn connect_postgres(
        url: &str,
        schema: Option<String>,
        max: u32,
    ) -> Result<Db, sqlx::Error> {
        install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(max)
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _| {
                let schema = schema.clone();
                Box::pin(async move {
                    if let Some(schema) = schema {
                        // The schema name is generated by the test kit (letters, digits, `_`).
                        let sql = format!("SET search_path TO {schema}");
                        conn.execute(AssertSqlSafe(sql)).await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        Ok(Db {
            pool,
            backend: Backend::Postgres,
            write_turn: Arc::default(),
        })
    }

    /// Whether no migration was ever applied: the very first start on this database.
    pub async fn is_fresh(&self) -> bool {
        sqlx::query("SELECT version FROM _sqlx_migrations LIMIT 1")
            .fetch_optional(&self.pool)
            .await
            .is_err()
    }

    /// Applies pending migrations of this backend.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        let migrations = MIGRATIONS
            .iter()
            .map(|(version, description, sqlite, postgres)| {
                let sql = match self.backend {
                    Backend::Sqlite => *sqlite,
                    Backend::Postgres => *postgres,
                };
                Migration::new(
                    *version,
                    Cow::Borrowed(*description),
                    MigrationType::Simple,
                    sql.into_sql_str(),
                    false,
                )
            })
            .collect();
        Migrator::with_migrations(migrations)
            .run(&self.pool)
            .await?;
        // The search index's full-text half is written by the application (stemming is done
        // in Rust), so a change of its layout is rebuilt here rather than in SQL.
        crate::sheets::index::ensure_format(self)
            .await
            .map_err(sqlx::migrate::MigrateError::Execute)
    }

    /// Starts the transaction of one user action. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a deferred transaction that reads and then writes fails with
    /// `SQLITE_BUSY_SNAPSHOT` when another connection wrote in between, and waiting cannot fix
    /// that; an immediate one waits its turn (busy timeout) instead. Before that, it takes this
    /// process's write turn, so that writers queue in arrival order.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => {
                let turn = self.write_turn.clone().lock_owned().await;
                Ok(Tx {
                    inner: self.pool.begin_with("BEGIN IMMEDIATE").await?,
                    _turn: Some(turn),
                })
            }
            Backend::Postgres => Ok(Tx {
                inner: self.pool.begin().await?,
                _turn: None,
            }),
        }
    }

    /// `SELECT 1`, for `/readyz`.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    /// A consistent online copy of the SQLite database (`VACUUM INTO`).
    pub async fn backup_sqlite(&self, target: &std::path::Path) -> Result<(), sqlx::Error> {
        let path = target.display().to_string();
        sqlx::query("VACUUM INTO $1")
            .bind(path)
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    /// Migration file names of each folder, for the parity test.
    pub fn migration_names() -> Vec<(i64, &'static str)> {
        MIGRATIONS.iter().map(|(v, d, _, _)| (*v, *d)).collect()
    }
}
