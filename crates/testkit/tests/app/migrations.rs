use std::collections::BTreeSet;
use std::path::PathBuf;

use passerelle_testkit::passerelle_core::{Clock, Config, Db};

fn folder(backend: &str) -> BTreeSet<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../migrations")
        .join(backend);
    std::fs::read_dir(&dir)
        .expect("migrations folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn both_backends_have_the_same_migration_files_and_all_are_embedded() {
    let sqlite = folder("sqlite");
    assert_eq!(sqlite, folder("postgres"));
    let embedded: BTreeSet<String> = Db::migration_names()
        .into_iter()
        .map(|(v, d)| format!("{v:04}_{d}.sql"))
        .collect();
    assert_eq!(
        sqlite, embedded,
        "every file in migrations/ must be listed in core/src/db.rs"
    );
}

/// `(table, column)` pairs of the application's tables.
async fn columns(db: &Db) -> BTreeSet<(String, String)> {
    let rows: Vec<(String, String)> = match db.backend {
        passerelle_testkit::passerelle_core::Backend::Sqlite => {
            sqlx::query_as(
                "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
            )
            .fetch_all(&db.pool)
            .await
        }
        passerelle_testkit::passerelle_core::Backend::Postgres => {
            sqlx::query_as(
                "SELECT table_name::text, column_name::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'",
            )
            .fetch_all(&db.pool)
            .await
        }
    }
    .expect("schema query");
    // Full-text search is the one designed difference (see sheets/index.rs): SQLite keeps the
    // terms in the FTS5 table `sheet_search` and its shadow tables, PostgreSQL in `sheet_terms`.
    rows.into_iter()
        .filter(|(table, _)| !(table.starts_with("sheet_search") || table == "sheet_terms"))
        .collect()
}

#[tokio::test]
async fn sqlite_and_postgres_schemas_have_the_same_tables_and_columns() {
    let dir = tempfile::tempdir().expect("dir");
    let sqlite = Db::connect_sqlite(&format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("p.db").display()
    ))
    .await
    .expect("sqlite");
    sqlite.migrate().await.expect("migrate sqlite");
    let sqlite_cols = columns(&sqlite).await;
    assert!(sqlite_cols.contains(&("users".into(), "email".into())));
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => {
            let app = passerelle_testkit::TestApp::new().await; // its own migrated schema
            assert_eq!(sqlite_cols, columns(&app.core.db).await);
        }
        // Without PostgreSQL, compare the SQLite schema with the PostgreSQL DDL text instead.
        _ => {
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../migrations/postgres");
            let mut ddl = String::new();
            for entry in std::fs::read_dir(dir).expect("migrations") {
                ddl += &std::fs::read_to_string(entry.expect("entry").path()).expect("ddl");
            }
            for (table, column) in &sqlite_cols {
                assert!(ddl.contains(&format!("CREATE TABLE {table}")), "{table}");
                assert!(ddl.contains(column.as_str()), "{table}.{column}");
            }
        }
    }
    let _ = (Clock::system(), Config::default());
}
