//! tower-sessions over Passerelle's database (see `core::sessions`).

use async_trait::async_trait;
use passerelle_core::Core;
use passerelle_core::sessions::store;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, Error, SessionStore};

use crate::ctx::SESSION_USER;

#[derive(Clone)]
pub struct DbSessionStore {
    core: Core,
}

impl std::fmt::Debug for DbSessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbSessionStore")
    }
}

impl DbSessionStore {
    pub fn new(core: Core) -> Self {
        DbSessionStore { core }
    }

    async fn conn(&self) -> session_store::Result<sqlx::pool::PoolConnection<sqlx::Any>> {
        self.core.db.pool.acquire().await.map_err(backend)
    }
}

fn backend(e: impl std::fmt::Display) -> Error {
    Error::Backend(e.to_string())
}

fn encode(record: &Record) -> session_store::Result<(String, Option<String>)> {
    let data = serde_json::to_string(record).map_err(|e| Error::Encode(e.to_string()))?;
    let user = record
        .data
        .get(SESSION_USER)
        .and_then(|v| v.as_str())
        .map(str::to_owned);
    Ok((data, user))
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let mut conn = self.conn().await?;
        loop {
            let (data, user) = encode(record)?;
            let expires = record.expiry_date.unix_timestamp();
            if store::create(
                &mut conn,
                &record.id.to_string(),
                user.as_deref(),
                &data,
                expires,
            )
            .await
            .map_err(backend)?
            {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let (data, user) = encode(record)?;
        let mut conn = self.conn().await?;
        store::save(
            &mut conn,
            &record.id.to_string(),
            user.as_deref(),
            &data,
            record.expiry_date.unix_timestamp(),
        )
        .await
        .map_err(backend)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let mut conn = self.conn().await?;
        let data = store::load(&mut conn, &id.to_string(), self.core.clock.unix())
            .await
            .map_err(backend)?;
        data.map(|d| serde_json::from_str(&d).map_err(|e| Error::Decode(e.to_string())))
            .transpose()
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        let mut conn = self.conn().await?;
        store::delete(&mut conn, &id.to_string())
            .await
            .map_err(backend)
    }
}
