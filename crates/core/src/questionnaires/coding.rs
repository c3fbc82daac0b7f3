//! Coding free text: the codebook of a questionnaire, codes applied to answers, and how many
//! responses carry each code (how ~1,800 answers become a few priority themes).

use std::collections::BTreeMap;

use super::answers::Given;
use super::load_managed;
use super::store::{self, CodeRow};
use crate::accounts::{Actor, User};
use crate::audit::{self, Entry, action};
use crate::ids::new_id;
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

/// The codebook with how many responses carry each code, most used first.
pub async fn codebook(core: &Core, user: &User, id: &str) -> Result<Vec<(CodeRow, i64)>> {
    load_managed(core, user, id).await?;
    let mut conn = core.db.pool.acquire().await?;
    let counts: BTreeMap<String, i64> = store::code_counts(&mut conn, id)
        .await?
        .into_iter()
        .collect();
    let mut out: Vec<(CodeRow, i64)> = store::codes(&mut conn, id)
        .await?
        .into_iter()
        .map(|c| {
            let n = counts.get(&c.id).copied().unwrap_or(0);
            (c, n)
        })
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.label.cmp(&b.0.label)));
    Ok(out)
}

pub async fn add_code(
    core: &Core,
    user: &User,
    id: &str,
    label: &str,
    description: &str,
    actor: &Actor,
) -> Result<String> {
    let loaded = load_managed(core, user, id).await?;
    let mut e = FieldErrors::default();
    let label = validate::text(&mut e, "label", label, true, 120);
    let description = validate::text(&mut e, "description", description, false, 2000);
    e.into_result()?;
    let code = new_id();
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    store::insert_code(&mut tx, &code, id, &label, &description, now)
        .await
        .map_err(|err| crate::error::on_unique(err, "label", "questionnaire-code-taken"))?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::QUESTIONNAIRE_CHANGED)
            .target("questionnaire", id)
            .subject(&loaded.row.title)
            .details(&label),
    )
    .await?;
    tx.commit().await?;
    Ok(code)
}

/// Sets the codes of one response's answer to `question` (replacing those it had).
pub async fn code_answer(
    core: &Core,
    user: &User,
    id: &str,
    response: &str,
    question: &str,
    codes: &[String],
) -> Result<()> {
    load_managed(core, user, id).await?;
    let mut tx = core.db.begin().await?;
    let r = store::response(&mut tx, response)
        .await?
        .filter(|r| r.questionnaire_id == id && r.status == "submitted")
        .ok_or(Error::NotFound)?;
    let known = store::codes(&mut tx, id).await?;
    if codes.iter().any(|c| !known.iter().any(|k| k.id == *c)) {
        return Err(Error::field("codes", "field-choice-invalid"));
    }
    let given = Given::from_rows(store::answers(&mut tx, &r.id).await?);
    if !given.has(question) {
        return Err(Error::NotFound);
    }
    store::set_answer_codes(&mut tx, &r.id, question, codes).await?;
    tx.commit().await?;
    Ok(())
}
