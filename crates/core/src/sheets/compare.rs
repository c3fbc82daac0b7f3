//! Two revisions side by side: each field's text before and after, cut into words that stayed,
//! went or came.

use similar::{ChangeTag, TextDiff};

use super::content::Content;
use super::types::{FieldKind, SheetType};
use super::{content_of, load_work};
use crate::accounts::User;
use crate::{Core, Error, Locale, Result};

/// A run of words and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    /// `same`, `removed` or `added`.
    pub change: &'static str,
}

/// One field compared.
#[derive(Debug, Clone)]
pub struct FieldDiff {
    pub field: String,
    pub changed: bool,
    /// The older text with removals marked.
    pub old: Vec<Span>,
    /// The newer text with additions marked.
    pub new: Vec<Span>,
}

/// A field's value as comparable text in `locale` (lists one item per line, rows one per line,
/// choices by their labels — "Renaissante", "Indre-et-Loire" — not their codes).
pub fn as_text(ty: &SheetType, content: &Content, field: &str, locale: Locale) -> String {
    let Some(f) = ty.field(field) else {
        return String::new();
    };
    let label = |code: &str| {
        let key = f.option_key(code);
        if !key.is_empty() && locale.has(&key) {
            locale.t(&key)
        } else {
            code.to_owned()
        }
    };
    match f.kind {
        FieldKind::Multi => content
            .list(field)
            .iter()
            .map(|c| label(c))
            .collect::<Vec<_>>()
            .join("\n"),
        FieldKind::Choice | FieldKind::Territory => match content.text(field) {
            "" => String::new(),
            code => label(code),
        },
        FieldKind::Items => content.list(field).join("\n"),
        FieldKind::Rows => content
            .rows(field)
            .iter()
            .map(|r| {
                f.columns
                    .iter()
                    .map(|c| r.get(c).map(String::as_str).unwrap_or(""))
                    .collect::<Vec<_>>()
                    .join(" · ")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        _ => content.text(field).to_owned(),
    }
}

fn push(spans: &mut Vec<Span>, change: &'static str, text: &str) {
    match spans.last_mut() {
        Some(last) if last.change == change => last.text.push_str(text),
        _ => spans.push(Span {
            text: text.to_owned(),
            change,
        }),
    }
}

/// The two revisions to compare when `a` or `b` is 0 (not chosen): the latest and the one
/// before it.
pub fn pair(a: i64, b: i64, latest: i64) -> (i64, i64) {
    let b = if b == 0 { latest } else { b };
    let a = if a == 0 { (b - 1).max(1) } else { a };
    (a, b)
}

/// Word-level differences of two texts.
pub fn diff(old: &str, new: &str) -> (Vec<Span>, Vec<Span>) {
    let d = TextDiff::from_words(old, new);
    let (mut a, mut b) = (vec![], vec![]);
    for change in d.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                push(&mut a, "same", text);
                push(&mut b, "same", text);
            }
            ChangeTag::Delete => push(&mut a, "removed", text),
            ChangeTag::Insert => push(&mut b, "added", text),
        }
    }
    (a, b)
}

/// Compares revisions `a` and `b` of a sheet, field by field in form order.
pub async fn compare(
    core: &Core,
    user: &User,
    id: &str,
    a: i64,
    b: i64,
    locale: Locale,
) -> Result<Vec<FieldDiff>> {
    let mut conn = core.db.pool.acquire().await?;
    let work = load_work(&mut conn, user, id).await?;
    if a < 1 || b < 1 || a > work.row.revision || b > work.row.revision {
        return Err(Error::NotFound);
    }
    let old = content_of(&mut conn, id, a).await?;
    let new = content_of(&mut conn, id, b).await?;
    Ok(work
        .ty
        .fields
        .iter()
        .map(|f| {
            let (x, y) = (
                as_text(work.ty, &old, &f.name, locale),
                as_text(work.ty, &new, &f.name, locale),
            );
            let (old, new) = diff(&x, &y);
            FieldDiff {
                field: f.name.clone(),
                changed: x != y,
                old,
                new,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_marks_removed_and_added_words() {
        let (a, b) = diff("Les familles décident", "Les familles élargies décident");
        assert!(a.iter().all(|s| s.change == "same"));
        assert_eq!(
            b.iter()
                .filter(|s| s.change == "added")
                .map(|s| s.text.trim())
                .collect::<Vec<_>>(),
            ["élargies"]
        );
    }
}
