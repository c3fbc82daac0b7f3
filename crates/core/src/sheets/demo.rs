//! Demo sheets: eight emerging practices on the four priority themes of the HCTS census, two
//! reflective-practice themes and two immersion learnings — one in English — linked to the demo
//! immersions they come from (`demo_sheets.toml`), published and indexed.

use serde::Deserialize;

use crate::accounts::User;
use crate::ids::new_id;
use crate::{Core, Error, Result};

use super::content::{self, Content};
use super::{Provenance, Status, provenance, review, store, types, writing};
use crate::immersions::agreement_store;

#[derive(Deserialize)]
struct DemoFile {
    sheets: Vec<DemoSheet>,
}

#[derive(Deserialize)]
struct DemoSheet {
    kind: String,
    /// The title of the offer whose immersion the sheet comes from.
    #[serde(default)]
    immersion: String,
    content: Content,
}

fn read() -> Result<Vec<DemoSheet>> {
    let file: DemoFile = toml::from_str(include_str!("demo_sheets.toml"))
        .map_err(|e| Error::Internal(format!("demo_sheets.toml: {e}")))?;
    Ok(file.sheets)
}

/// The demo sheets as `(type, content)`.
pub fn sheets() -> Result<Vec<(String, Content)>> {
    Ok(read()?.into_iter().map(|s| (s.kind, s.content)).collect())
}

/// Where a demo sheet comes from: the demo immersion of its offer, when the demo immersions are
/// loaded (nothing otherwise).
async fn provenance(conn: &mut sqlx::AnyConnection, offer_title: &str) -> Result<Provenance> {
    if offer_title.is_empty() {
        return Ok(Provenance::default());
    }
    Ok(agreement_store::first_of_offer_titled(conn, offer_title)
        .await?
        .map(|a| provenance::of_immersion(&a))
        .unwrap_or_default())
}

/// Writes the demo sheets, published, with `author` as their author; returns their ids.
pub async fn load(core: &Core, author: &User) -> Result<Vec<String>> {
    let now = core.clock.unix();
    let mut ids = vec![];
    let mut tx = core.db.begin().await?;
    for DemoSheet {
        kind,
        immersion,
        content,
    } in read()?
    {
        let ty = types::find(&kind).ok_or_else(|| Error::Internal(format!("type {kind}")))?;
        let missing = content::missing(ty, &content);
        if !missing.is_empty() {
            return Err(Error::Internal(format!("demo sheet misses {missing:?}")));
        }
        let id = new_id();
        let title = content.text("title").to_owned();
        let from = provenance(&mut tx, &immersion).await?;
        writing::insert(
            &mut tx, author, &id, &kind, &title, &content, &from, now, true,
        )
        .await?;
        let mut row = store::find(&mut tx, &id).await?.ok_or(Error::NotFound)?;
        row.status = Status::Published.code().to_owned();
        row.published_revision = Some(1);
        row.published_at = Some(now);
        store::update(&mut tx, &row, 1).await?;
        review::index_sheet(&mut tx, core.db.backend, &row, ty, &content).await?;
        ids.push(id);
    }
    tx.commit().await?;
    core.caches.sheet_catalogue.clear();
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_sheets_are_complete_and_use_known_choices() {
        let sheets = sheets().expect("demo sheets");
        assert_eq!(sheets.len(), 12);
        for (kind, content) in &sheets {
            let ty = types::find(kind).expect("type");
            assert!(
                content::missing(ty, content).is_empty(),
                "{}",
                content.text("title")
            );
            let pairs = form_pairs(ty, content);
            let (read, errors) = Content::from_form(ty, &pairs);
            assert!(errors.is_empty(), "{}: {errors:?}", content.text("title"));
            assert_eq!(&read.text("title"), &content.text("title"));
        }
    }

    /// The form a person would have typed to write `content`.
    fn form_pairs(ty: &types::SheetType, content: &Content) -> Vec<(String, String)> {
        let mut pairs = vec![];
        for f in &ty.fields {
            let key = format!("f.{}", f.name);
            match f.kind {
                types::FieldKind::Multi => {
                    for v in content.list(&f.name) {
                        pairs.push((key.clone(), v.clone()));
                    }
                }
                types::FieldKind::Items => pairs.push((key, content.list(&f.name).join("\n"))),
                types::FieldKind::Rows => {
                    for (i, row) in content.rows(&f.name).iter().enumerate() {
                        for (c, v) in row {
                            pairs.push((format!("{key}.{i}.{c}"), v.clone()));
                        }
                    }
                }
                _ => pairs.push((key, content.text(&f.name).to_owned())),
            }
        }
        pairs
    }
}
