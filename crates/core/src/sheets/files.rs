//! Files attached to a sheet (the "attachments" of a practice sheet): the same checks as an
//! immersion's files (known document and image types whose first bytes match, at most
//! `MAX_FILES` per form and `max_upload_bytes` in all), stored in the database, readable by
//! whoever may read the sheet. Authors add and remove them while the sheet is editable.

use sqlx::AnyConnection;

use crate::accounts::User;
use crate::ids::new_id;
use crate::immersions::attachments::{Upload, check};
use crate::validate::FieldErrors;
use crate::{Core, Error, Result};

use super::{load_work, policy};

/// A stored file, without its contents.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SheetFile {
    pub id: String,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub created_at: i64,
}

impl SheetFile {
    /// Kilobytes, rounded up.
    pub fn kilobytes(&self) -> i64 {
        (self.size + 1023) / 1024
    }
}

pub async fn list(conn: &mut AnyConnection, sheet: &str) -> Result<Vec<SheetFile>> {
    Ok(sqlx::query_as(
        "SELECT id, filename, content_type, size, created_at FROM sheet_files WHERE sheet_id = $1 ORDER BY created_at, id",
    )
    .bind(sheet)
    .fetch_all(conn)
    .await?)
}

/// Adds the files of one form to a sheet its author may edit.
pub async fn add(core: &Core, user: &User, sheet: &str, uploads: &[Upload]) -> Result<usize> {
    let mut tx = core.db.begin().await?;
    let work = load_work(&mut tx, user, sheet).await?;
    if !policy::may_edit(work.standing(user), work.status()) {
        return Err(Error::Conflict("sheet-not-editable"));
    }
    let mut errors = FieldErrors::default();
    let files = check(&mut errors, "files", uploads, core.config.max_upload_bytes);
    if files.is_empty() && errors.is_empty() {
        errors.add("files", "field-required");
    }
    errors.into_result()?;
    let now = core.clock.unix();
    for f in &files {
        sqlx::query(
            "INSERT INTO sheet_files (id, sheet_id, filename, content_type, size, data, author_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(new_id())
        .bind(sheet)
        .bind(&f.filename)
        .bind(f.content_type)
        .bind(f.bytes.len() as i64)
        .bind(f.bytes.clone())
        .bind(&user.id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(files.len())
}

/// Removes one file from a sheet its author may edit.
pub async fn remove(core: &Core, user: &User, sheet: &str, file: &str) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let work = load_work(&mut tx, user, sheet).await?;
    if !policy::may_edit(work.standing(user), work.status()) {
        return Err(Error::Conflict("sheet-not-editable"));
    }
    let done = sqlx::query("DELETE FROM sheet_files WHERE id = $1 AND sheet_id = $2")
        .bind(file)
        .bind(sheet)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// A file and its bytes, for anyone who may read the sheet (its public page or its work page).
pub async fn download(
    core: &Core,
    user: Option<&User>,
    sheet: &str,
    file: &str,
) -> Result<(SheetFile, Vec<u8>)> {
    let mut conn = core.db.pool.acquire().await?;
    super::check_readable(&mut conn, user, sheet).await?;
    let row: Option<(String, String, String, i64, i64, Vec<u8>)> = sqlx::query_as(
        "SELECT id, filename, content_type, size, created_at, data FROM sheet_files WHERE id = $1 AND sheet_id = $2",
    )
    .bind(file)
    .bind(sheet)
    .fetch_optional(&mut *conn)
    .await?;
    let (id, filename, content_type, size, created_at, data) = row.ok_or(Error::NotFound)?;
    Ok((
        SheetFile {
            id,
            filename,
            content_type,
            size,
            created_at,
        },
        data,
    ))
}
