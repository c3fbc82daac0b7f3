//! XLSForm expressions and Passerelle's conditions, both ways; simple constraints as bounds.

use std::collections::BTreeSet;

use crate::questionnaires::expr::{self, Expr, Op};

/// Turns an XLSForm expression (`relevant`) into Passerelle's, when it can be said in it.
pub fn condition_from_xpath(src: &str) -> Option<String> {
    let src = src.trim();
    if src.is_empty() {
        return Some(String::new());
    }
    let mut out = String::new();
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    let rest = |i: usize| chars[i..].iter().collect::<String>();
    while i < chars.len() {
        let r = rest(i);
        if let Some(after) = r.strip_prefix("selected(") {
            // selected(${q}, 'v') → q contains 'v'
            let end = after.find(')')?;
            let inner = &after[..end];
            let (q, v) = inner.split_once(',')?;
            let q = q
                .trim()
                .trim_start_matches("${")
                .trim_end_matches('}')
                .trim_start_matches("../");
            out.push_str(&format!("{q} contains {}", v.trim()));
            i += "selected(".len() + end + 1;
        } else if r.starts_with("${") {
            let end = r.find('}')?;
            let name = &r[2..end];
            i += end + 1;
            // ${q} = '' and ${q} != '' are presence tests.
            let tail: String = rest(i);
            let t = tail.trim_start();
            let skip = tail.len() - t.len();
            if let Some(x) = t.strip_prefix("!=").map(str::trim_start)
                && (x.starts_with("''") || x.starts_with("\"\""))
            {
                out.push_str(&format!("answered({name})"));
                i += skip + (t.len() - x.len()) + 2;
            } else if let Some(x) = t.strip_prefix('=').map(str::trim_start)
                && (x.starts_with("''") || x.starts_with("\"\""))
            {
                out.push_str(&format!("not_answered({name})"));
                i += skip + (t.len() - x.len()) + 2;
            } else {
                out.push_str(name);
            }
        } else if let Some(after) = r.strip_prefix("not(") {
            out.push_str("not (");
            i += r.len() - after.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    match expr::parse(&out) {
        Ok(Some(e)) => Some(e.to_string()),
        _ => None,
    }
}

/// Passerelle's expression as XLSForm writes it (`relevant`); `choice_questions` names the
/// multiple-choice questions, whose equality and `contains` mean "selected".
pub fn condition_to_xpath(e: &Expr, choice_questions: &BTreeSet<String>) -> String {
    let quote = |v: &str| {
        if v.parse::<f64>().is_ok() {
            v.to_owned()
        } else {
            format!("'{}'", v.replace('\'', "’"))
        }
    };
    match e {
        Expr::Compare(q, op, v) => match op {
            Op::Contains if choice_questions.contains(q) => {
                format!("selected(${{{q}}}, {})", quote(v))
            }
            Op::Contains => format!("contains(${{{q}}}, {})", quote(v)),
            Op::Eq if choice_questions.contains(q) => format!("selected(${{{q}}}, {})", quote(v)),
            Op::Ne if choice_questions.contains(q) => {
                format!("not(selected(${{{q}}}, {}))", quote(v))
            }
            Op::Eq => format!("${{{q}}} = {}", quote(v)),
            Op::Ne => format!("${{{q}}} != {}", quote(v)),
            Op::Lt => format!("${{{q}}} < {v}"),
            Op::Le => format!("${{{q}}} <= {v}"),
            Op::Gt => format!("${{{q}}} > {v}"),
            Op::Ge => format!("${{{q}}} >= {v}"),
        },
        Expr::Answered(q) => format!("${{{q}}} != ''"),
        Expr::NotAnswered(q) => format!("${{{q}}} = ''"),
        Expr::Not(a) => format!("not({})", condition_to_xpath(a, choice_questions)),
        Expr::And(a, b) => format!(
            "{} and {}",
            paren(a, choice_questions),
            paren(b, choice_questions)
        ),
        Expr::Or(a, b) => format!(
            "{} or {}",
            condition_to_xpath(a, choice_questions),
            condition_to_xpath(b, choice_questions)
        ),
    }
}

fn paren(e: &Expr, c: &BTreeSet<String>) -> String {
    match e {
        Expr::Or(..) => format!("({})", condition_to_xpath(e, c)),
        _ => condition_to_xpath(e, c),
    }
}

/// The pattern of a `regex(., '…')` constraint (the whole constraint), as written.
pub(super) fn regex_pattern(constraint: &str) -> Option<String> {
    let inner = constraint
        .trim()
        .strip_prefix("regex(")?
        .strip_suffix(')')?
        .trim();
    let rest = inner
        .strip_prefix('.')?
        .trim_start()
        .strip_prefix(',')?
        .trim();
    let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let body = rest.strip_prefix(quote)?.strip_suffix(quote)?;
    (!body.contains(quote)).then(|| body.to_owned())
}

/// A lower and an upper bound, each optional.
pub(super) type Bounds = (Option<f64>, Option<f64>);

/// The pattern of a `regex(., '…')` constraint, and the length bounds following it
/// (`regex(., '…') and string-length(.) <= 10`, as the export writes both).
pub(super) fn pattern_with_bounds(constraint: &str) -> Option<(String, Option<Bounds>)> {
    if let Some(p) = regex_pattern(constraint) {
        return Some((p, None));
    }
    let (head, tail) = constraint.split_once(") and ")?;
    let p = regex_pattern(&format!("{head})"))?;
    Some((p, Some(bounds(tail)?)))
}

/// Bounds a `constraint` expresses: `. >= 1 and . <= 10`, `string-length(.) <= 200`,
/// `count-selected(.) <= 3`; `None` for anything else.
pub(super) fn bounds(constraint: &str) -> Option<Bounds> {
    let mut min = None;
    let mut max = None;
    for part in constraint.split(" and ") {
        let p = part.trim().trim_start_matches('(').trim_end_matches(')');
        let p = p
            .replace("string-length(.)", ".")
            .replace("count-selected(.)", ".");
        let (op, value) = ["<=", ">=", "<", ">"].iter().find_map(|op| {
            p.strip_prefix('.')
                .map(str::trim)
                .and_then(|r| r.strip_prefix(op))
                .map(|v| (*op, v.trim()))
        })?;
        let n: f64 = value.parse().ok()?;
        match op {
            ">=" => min = Some(n),
            ">" => min = Some(n + 1.0),
            "<=" => max = Some(n),
            _ => max = Some(n - 1.0),
        }
    }
    Some((min, max))
}

/// Labels and hints quoting a question that was not imported (`${x}`): the reference is
/// removed (never left raw for respondents) and reported, `(question, reference)` each.
pub(super) fn drop_dangling_references(
    def: &mut crate::questionnaires::model::Definition,
) -> Vec<(String, String)> {
    use crate::questionnaires::piping::quoted;
    let known: std::collections::BTreeSet<String> =
        def.questions().map(|q| q.name.clone()).collect();
    let mut dropped = Vec::new();
    for s in &mut def.sections {
        for q in &mut s.questions {
            for text in [&mut q.label, &mut q.hint] {
                for value in text.t.values_mut() {
                    let missing: Vec<String> = quoted(value)
                        .into_iter()
                        .filter(|n| !known.contains(*n))
                        .map(str::to_owned)
                        .collect();
                    for n in missing {
                        *value = value.replace(&format!("${{{n}}}"), "");
                        if !dropped
                            .iter()
                            .any(|(q2, r): &(String, String)| *q2 == q.name && *r == n)
                        {
                            dropped.push((q.name.clone(), n));
                        }
                    }
                }
            }
        }
    }
    dropped
}
