//! Three-way merge, field by field, of two co-authors' saves made from the same revision.
//!
//! `base` is the revision both started from, `theirs` what was saved meanwhile, `mine` what is
//! being saved now. A field only one side changed takes that side's value; a field both changed
//! to different values is a conflict: the merge keeps mine there and names the field, so that
//! the writer is shown both versions and chooses. Nothing either side wrote is dropped without
//! being shown. An absent field and an empty one are the same (a revision written before the
//! field existed did not hold it).

use std::collections::BTreeMap;

/// A value that may be empty (an empty text, list or table is the same as no value).
pub trait Emptiable: Clone + PartialEq {
    fn is_empty_value(&self) -> bool;
}

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge<V> {
    /// Every field: theirs where only they changed it, mine elsewhere.
    pub fields: BTreeMap<String, V>,
    /// Fields only they changed, taken from theirs.
    pub taken: Vec<String>,
    /// Fields both changed differently: mine is in `fields`, theirs must be shown.
    pub conflicts: Vec<String>,
}

fn same<V: Emptiable>(a: Option<&V>, b: Option<&V>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        (Some(v), None) | (None, Some(v)) => v.is_empty_value(),
        (None, None) => true,
    }
}

/// Merges `mine` and `theirs`, both made from `base` (see the module's documentation).
pub fn merge<V: Emptiable>(
    base: &BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
    mine: &BTreeMap<String, V>,
) -> Merge<V> {
    let mut out = Merge {
        fields: BTreeMap::new(),
        taken: Vec::new(),
        conflicts: Vec::new(),
    };
    let mut names: Vec<&String> = base
        .keys()
        .chain(theirs.keys())
        .chain(mine.keys())
        .collect();
    names.sort();
    names.dedup();
    for name in names {
        let (b, t, m) = (base.get(name), theirs.get(name), mine.get(name));
        let chosen = if same(m, t) {
            m.or(t)
        } else if same(m, b) {
            // Only they changed it (perhaps removed it).
            out.taken.push(name.clone());
            t
        } else if same(t, b) {
            m
        } else {
            out.conflicts.push(name.clone());
            m
        };
        if let Some(v) = chosen {
            out.fields.insert(name.clone(), v.clone());
        }
    }
    out
}

/// A document's fields as a map (its JSON object).
fn fields_of<T: serde::Serialize>(doc: &T) -> crate::Result<BTreeMap<String, serde_json::Value>> {
    match serde_json::to_value(doc) {
        Ok(serde_json::Value::Object(o)) => Ok(o.into_iter().collect()),
        Ok(_) => Ok(BTreeMap::new()),
        Err(e) => Err(crate::Error::Internal(e.to_string())),
    }
}

fn from_fields<T: serde::de::DeserializeOwned>(
    fields: BTreeMap<String, serde_json::Value>,
) -> crate::Result<T> {
    serde_json::from_value(serde_json::Value::Object(fields.into_iter().collect()))
        .map_err(|e| crate::Error::Internal(e.to_string()))
}

/// Merges two documents of one kind (a sheet's content, a synthesis) field by field, their
/// fields being those of their JSON objects. Without a `base` (a revision the document does
/// not hold), every field that differs is a conflict. Returns the merged document and the
/// merge, whose `fields` were moved into it.
pub fn merge_documents<T: serde::Serialize + serde::de::DeserializeOwned>(
    base: Option<&T>,
    theirs: &T,
    mine: &T,
) -> crate::Result<(T, Merge<serde_json::Value>)> {
    let base_fields = match base {
        Some(b) => fields_of(b)?,
        None => BTreeMap::new(),
    };
    let mut m = merge(&base_fields, &fields_of(theirs)?, &fields_of(mine)?);
    if base.is_none() {
        m.conflicts.append(&mut m.taken);
        m.conflicts.sort();
    }
    let doc = from_fields(std::mem::take(&mut m.fields))?;
    Ok((doc, m))
}

/// `mine` with `theirs`' value of each of `fields` (the writer kept a co-author's version).
pub fn take_fields<T: serde::Serialize + serde::de::DeserializeOwned>(
    mine: &T,
    theirs: &T,
    fields: &[String],
) -> crate::Result<T> {
    let mut out = fields_of(mine)?;
    let theirs = fields_of(theirs)?;
    for f in fields {
        match theirs.get(f) {
            Some(v) => out.insert(f.clone(), v.clone()),
            None => out.remove(f),
        };
    }
    from_fields(out)
}

impl Emptiable for serde_json::Value {
    fn is_empty_value(&self) -> bool {
        match self {
            serde_json::Value::Null => true,
            serde_json::Value::String(s) => s.is_empty(),
            serde_json::Value::Array(a) => a.is_empty(),
            serde_json::Value::Object(o) => o.is_empty(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn map(pairs: &[(&str, Value)]) -> BTreeMap<String, Value> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    }

    #[test]
    fn fields_changed_by_one_side_are_merged_and_fields_changed_by_both_are_conflicts() {
        let base = map(&[
            ("title", json!("Conférences")),
            ("summary", json!("Court")),
            ("themes", json!(["aller-vers"])),
            ("effects", json!("")),
        ]);
        let theirs = map(&[
            ("title", json!("Conférences familiales")),
            ("summary", json!("Leur résumé")),
            ("themes", json!(["aller-vers"])),
            ("effects", json!("")),
        ]);
        let mine = map(&[
            ("title", json!("Conférences")),
            ("summary", json!("Mon résumé")),
            ("themes", json!(["aller-vers", "pair-aidance"])),
            ("effects", json!("")),
        ]);
        let m = merge(&base, &theirs, &mine);
        assert_eq!(
            m.fields["title"],
            json!("Conférences familiales"),
            "theirs only"
        );
        assert_eq!(
            m.fields["themes"],
            json!(["aller-vers", "pair-aidance"]),
            "mine only"
        );
        assert_eq!(m.fields["summary"], json!("Mon résumé"), "mine kept, shown");
        assert_eq!(m.taken, vec!["title".to_owned()]);
        assert_eq!(m.conflicts, vec!["summary".to_owned()]);
    }

    #[test]
    fn the_same_change_on_both_sides_and_absent_or_empty_fields_are_no_conflict() {
        let base = map(&[("a", json!("x"))]);
        let theirs = map(&[("a", json!("y")), ("b", json!(""))]);
        let mine = map(&[("a", json!("y")), ("c", json!([]))]);
        let m = merge(&base, &theirs, &mine);
        assert!(m.conflicts.is_empty());
        assert!(m.taken.is_empty());
        assert_eq!(m.fields["a"], json!("y"));
        // A field they filled in that I never saw (absent from my form) is theirs.
        let theirs = map(&[("a", json!("x")), ("new", json!("rempli"))]);
        let mine = map(&[("a", json!("z"))]);
        let m = merge(&base, &theirs, &mine);
        assert_eq!(m.fields["new"], json!("rempli"));
        assert_eq!(m.fields["a"], json!("z"));
        assert_eq!(m.taken, vec!["new".to_owned()]);
    }

    #[test]
    fn a_field_they_removed_stays_removed() {
        let base = map(&[("a", json!("x")), ("gone", json!("ancien"))]);
        let theirs = map(&[("a", json!("x"))]);
        let mine = map(&[("a", json!("y")), ("gone", json!("ancien"))]);
        let m = merge(&base, &theirs, &mine);
        assert!(!m.fields.contains_key("gone"));
        assert_eq!(m.taken, vec!["gone".to_owned()]);
        assert_eq!(m.fields["a"], json!("y"));
    }

    #[test]
    fn a_field_emptied_by_one_side_and_changed_by_the_other_is_a_conflict() {
        let base = map(&[("a", json!("texte"))]);
        let theirs = map(&[("a", json!(""))]);
        let mine = map(&[("a", json!("texte revu"))]);
        let m = merge(&base, &theirs, &mine);
        assert_eq!(m.conflicts, vec!["a".to_owned()]);
        assert_eq!(m.fields["a"], json!("texte revu"));
    }
}
