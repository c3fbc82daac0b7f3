//! Questionnaires: the builder (sections, question types, conditions, languages, versions),
//! publication, answering with save-and-resume, results with cross-tabulation and coding of
//! free text, lossless exports, and the HCTS emerging-practices template.
//!
//! A questionnaire's content is one JSON [`Definition`] per version; answers are rows of
//! `(question, part, value)`, so that counting, filtering and crossing stay in SQL.

mod answer_store;
pub mod answers;
mod builder;
mod coding;
mod crosstab;
pub mod demo;
pub mod export;
pub mod expr;
pub mod invitations;
pub mod managing;
mod model;
pub mod piping;
pub mod policy;
mod questions;
mod responding;
mod results;
pub mod store;
pub mod template;
pub mod territory;
pub mod xlsform;

pub use answers::{AnswerError, Given, Visibility};
pub use builder::*;
pub use coding::*;
pub use crosstab::{ChiSquare, CrossTab, crosstab};
pub use managing::{Include, delete_response, reopen_response};
pub use model::*;
pub use questions::*;
pub use responding::*;
pub use results::*;

use sqlx::AnyConnection;

use crate::accounts::User;
use crate::{Core, Error, Result};
use store::QuestionnaireRow;

/// A questionnaire as its manager sees it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub row: QuestionnaireRow,
    pub def: Definition,
    pub submitted: i64,
    pub drafts: i64,
}

impl Loaded {
    pub fn status(&self) -> QuestionnaireStatus {
        QuestionnaireStatus::parse(&self.row.status).unwrap_or(QuestionnaireStatus::Draft)
    }

    pub fn mode(&self) -> Mode {
        Mode::parse(&self.row.mode).unwrap_or(Mode::Anonymous)
    }

    pub fn audience(&self) -> Audience {
        Audience::parse(&self.row.audience).unwrap_or(Audience::Link)
    }
}

pub(crate) async fn load_definition(
    conn: &mut AnyConnection,
    id: &str,
    version: i64,
) -> Result<Definition> {
    let json = store::definition(conn, id, version)
        .await?
        .ok_or(Error::NotFound)?;
    serde_json::from_str(&json).map_err(|e| Error::Internal(format!("definition {id}: {e}")))
}

/// Loads a questionnaire its viewer manages; anyone else gets "not found".
pub async fn load_managed(core: &Core, user: &User, id: &str) -> Result<Loaded> {
    let mut conn = core.db.pool.acquire().await?;
    let row = store::find(&mut conn, id).await?.ok_or(Error::NotFound)?;
    if !policy::may_manage(Some(user), &row) {
        return Err(Error::NotFound);
    }
    let def = load_definition(&mut conn, id, row.version).await?;
    let (submitted, drafts) = store::response_counts(&mut conn, id).await?;
    Ok(Loaded {
        row,
        def,
        submitted,
        drafts,
    })
}

/// Questionnaires `user` manages (all of them for administrators), newest first, and the open
/// ones offered to signed-in people.
pub async fn list(
    core: &Core,
    user: &User,
) -> Result<(Vec<QuestionnaireRow>, Vec<QuestionnaireRow>)> {
    let mut conn = core.db.pool.acquire().await?;
    let mine = if user.is_admin() {
        store::list(&mut conn, None).await?
    } else if policy::may_create(Some(user)) {
        store::list(&mut conn, Some(&user.id)).await?
    } else {
        vec![]
    };
    let open = store::list_open_signed_in(&mut conn, core.clock.unix()).await?;
    Ok((mine, open))
}
