//! Which conditions tie an item to the rest of a questionnaire, and which values they
//! compare.

use std::collections::BTreeSet;

use super::{Expr, Op, parse};
use crate::questionnaires::model::Definition;

/// The conditions that tie `name` (a question, or a section and its questions) to the rest:
/// those that read it, and its own; `(owner, condition)` in questionnaire order. What a refused
/// move or removal shows.
pub fn involving(def: &Definition, name: &str) -> Vec<(String, String)> {
    let mut names: BTreeSet<String> = BTreeSet::from([name.to_owned()]);
    if let Some(s) = def.sections.iter().find(|s| s.name == name) {
        names.extend(s.questions.iter().map(|q| q.name.clone()));
    }
    let owners = def.sections.iter().flat_map(|s| {
        std::iter::once((s.name.as_str(), s.condition.as_str())).chain(
            s.questions
                .iter()
                .map(|q| (q.name.as_str(), q.condition.as_str())),
        )
    });
    owners
        .filter(|(_, c)| !c.is_empty())
        .filter(|(owner, c)| {
            names.contains(*owner)
                || parse(c)
                    .ok()
                    .flatten()
                    .is_some_and(|e| e.names().iter().any(|n| names.contains(n)))
        })
        .map(|(o, c)| (o.to_owned(), c.to_owned()))
        .collect()
}

impl Expr {
    /// The `question = value` and `question != value` comparisons it makes.
    pub fn equalities(&self) -> Vec<(&str, &str)> {
        match self {
            Expr::Compare(q, Op::Eq | Op::Ne, v) => vec![(q.as_str(), v.as_str())],
            Expr::Compare(..) | Expr::Answered(_) | Expr::NotAnswered(_) => vec![],
            Expr::Not(e) => e.equalities(),
            Expr::And(a, b) | Expr::Or(a, b) => {
                let mut out = a.equalities();
                out.extend(b.equalities());
                out
            }
        }
    }
}
