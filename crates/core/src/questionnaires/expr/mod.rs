//! Conditions: a small expression language that decides whether a question or a section is
//! shown, and the checks that keep a questionnaire's conditions sound.
//!
//! ```text
//! role = 'cadre' and (category != 'naissante' or answered(origin))
//! themes contains 'pair_aidance'      not answered(age)      age >= 18
//! ```
//!
//! `=` / `!=` compare an answer with a value (for multiple choice: whether the value is among
//! those chosen); `contains` looks for a choice among several, or for words in a text;
//! `<`, `<=`, `>`, `>=` compare numbers; `answered(q)` and `not_answered(q)` test presence.
//! An unanswered (or hidden) question differs from every value. `${q}` is accepted for `q`, as
//! XLSForm writes it. Conditions may only look back: a question's condition names questions
//! placed before it; a section's, questions of earlier sections.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::model::{Definition, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Contains,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Contains => "contains",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Compare(String, Op, String),
    Answered(String),
    NotAnswered(String),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

/// Why a condition was refused; each is a Fluent key (`condition-<code>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionError {
    /// Not an expression of the language; `at` is the character position.
    Syntax { at: usize },
    /// Names a question that does not exist.
    Unknown(String),
    /// Names a question placed after (or at) the one it governs.
    Forward(String),
    /// Conditions depend on each other in a loop.
    Cycle(Vec<String>),
    /// Compares a choice question with a value none of its choices has: `(question, value)`.
    UnknownChoice(String, String),
}

impl ConditionError {
    pub fn code(&self) -> &'static str {
        match self {
            ConditionError::Syntax { .. } => "condition-syntax",
            ConditionError::Unknown(_) => "condition-unknown",
            ConditionError::Forward(_) => "condition-forward",
            ConditionError::Cycle(_) => "condition-cycle",
            ConditionError::UnknownChoice(..) => "condition-unknown-choice",
        }
    }

    /// The question names or position the message mentions.
    pub fn detail(&self) -> String {
        match self {
            ConditionError::Syntax { at } => (at + 1).to_string(),
            ConditionError::Unknown(n) | ConditionError::Forward(n) => n.clone(),
            ConditionError::Cycle(path) => path.join(" → "),
            ConditionError::UnknownChoice(q, v) => format!("{q} = '{v}'"),
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn quote(v: &str) -> String {
            if v.parse::<f64>().is_ok() {
                v.to_owned()
            } else {
                format!("'{}'", v.replace('\'', "''"))
            }
        }
        fn inner(e: &Expr, f: &mut fmt::Formatter<'_>, parent_and: bool) -> fmt::Result {
            match e {
                Expr::Compare(q, op, v) => write!(f, "{q} {} {}", op.symbol(), quote(v)),
                Expr::Answered(q) => write!(f, "answered({q})"),
                Expr::NotAnswered(q) => write!(f, "not_answered({q})"),
                Expr::Not(e) => {
                    write!(f, "not (")?;
                    inner(e, f, false)?;
                    write!(f, ")")
                }
                Expr::And(a, b) => {
                    inner(a, f, true)?;
                    write!(f, " and ")?;
                    inner(b, f, true)
                }
                Expr::Or(a, b) => {
                    if parent_and {
                        write!(f, "(")?;
                    }
                    inner(a, f, false)?;
                    write!(f, " or ")?;
                    inner(b, f, false)?;
                    if parent_and {
                        write!(f, ")")?;
                    }
                    Ok(())
                }
            }
        }
        inner(self, f, false)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Name(String),
    Str(String),
    Num(String),
    Op(Op),
    LParen,
    RParen,
    And,
    Or,
    Not,
    Answered,
    NotAnswered,
}

fn tokens(src: &str) -> Result<Vec<(usize, Tok)>, ConditionError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let tok = match c {
            '(' => {
                i += 1;
                Tok::LParen
            }
            ')' => {
                i += 1;
                Tok::RParen
            }
            '=' => {
                i += 1;
                Tok::Op(Op::Eq)
            }
            '!' if chars.get(i + 1) == Some(&'=') => {
                i += 2;
                Tok::Op(Op::Ne)
            }
            '<' | '>' => {
                let eq = chars.get(i + 1) == Some(&'=');
                i += if eq { 2 } else { 1 };
                Tok::Op(match (c, eq) {
                    ('<', false) => Op::Lt,
                    ('<', true) => Op::Le,
                    ('>', false) => Op::Gt,
                    _ => Op::Ge,
                })
            }
            '\'' | '"' => {
                let quote = c;
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err(ConditionError::Syntax { at: start }),
                        Some(&ch) if ch == quote => {
                            if chars.get(i + 1) == Some(&quote) {
                                s.push(quote);
                                i += 2;
                            } else {
                                i += 1;
                                break;
                            }
                        }
                        Some(&ch) => {
                            s.push(ch);
                            i += 1;
                        }
                    }
                }
                Tok::Str(s)
            }
            '$' if chars.get(i + 1) == Some(&'{') => {
                let end = chars[i..]
                    .iter()
                    .position(|&ch| ch == '}')
                    .ok_or(ConditionError::Syntax { at: start })?;
                let name: String = chars[i + 2..i + end].iter().collect();
                if !super::model::valid_name(&name) {
                    return Err(ConditionError::Syntax { at: start });
                }
                i += end + 1;
                Tok::Name(name)
            }
            c if c.is_ascii_digit()
                || (c == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) =>
            {
                let mut s = String::from(c);
                i += 1;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    s.push(chars[i]);
                    i += 1;
                }
                if s.parse::<f64>().is_err() {
                    return Err(ConditionError::Syntax { at: start });
                }
                Tok::Num(s)
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let mut s = String::new();
                while i < chars.len()
                    && (chars[i].is_ascii_alphanumeric() || matches!(chars[i], '_' | '-' | '.'))
                {
                    s.push(chars[i]);
                    i += 1;
                }
                match s.as_str() {
                    "and" => Tok::And,
                    "or" => Tok::Or,
                    "not" => Tok::Not,
                    "contains" => Tok::Op(Op::Contains),
                    "answered" => Tok::Answered,
                    "not_answered" => Tok::NotAnswered,
                    _ => Tok::Name(s),
                }
            }
            _ => return Err(ConditionError::Syntax { at: start }),
        };
        out.push((start, tok));
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    len: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(_, t)| t)
    }

    fn err(&self) -> ConditionError {
        ConditionError::Syntax {
            at: self
                .toks
                .get(self.pos)
                .map(|(at, _)| *at)
                .unwrap_or(self.len),
        }
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).map(|(_, t)| t.clone());
        self.pos += 1;
        t
    }

    fn or(&mut self) -> Result<Expr, ConditionError> {
        let mut left = self.and()?;
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, ConditionError> {
        let mut left = self.not()?;
        while self.peek() == Some(&Tok::And) {
            self.pos += 1;
            left = Expr::And(Box::new(left), Box::new(self.not()?));
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, ConditionError> {
        if self.peek() == Some(&Tok::Not) {
            self.pos += 1;
            let inner = self.not()?;
            return Ok(match inner {
                Expr::Answered(q) => Expr::NotAnswered(q),
                other => Expr::Not(Box::new(other)),
            });
        }
        self.atom()
    }

    fn call(&mut self) -> Result<String, ConditionError> {
        if self.next() != Some(Tok::LParen) {
            self.pos -= 1;
            return Err(self.err());
        }
        let name = match self.next() {
            Some(Tok::Name(n)) => n,
            _ => {
                self.pos -= 1;
                return Err(self.err());
            }
        };
        if self.next() != Some(Tok::RParen) {
            self.pos -= 1;
            return Err(self.err());
        }
        Ok(name)
    }

    fn atom(&mut self) -> Result<Expr, ConditionError> {
        match self.next() {
            Some(Tok::LParen) => {
                let e = self.or()?;
                if self.next() != Some(Tok::RParen) {
                    self.pos -= 1;
                    return Err(self.err());
                }
                Ok(e)
            }
            Some(Tok::Answered) => Ok(Expr::Answered(self.call()?)),
            Some(Tok::NotAnswered) => Ok(Expr::NotAnswered(self.call()?)),
            Some(Tok::Name(name)) => {
                let op = match self.next() {
                    Some(Tok::Op(op)) => op,
                    _ => {
                        self.pos -= 1;
                        return Err(self.err());
                    }
                };
                let value = match self.next() {
                    Some(Tok::Str(s)) => s,
                    Some(Tok::Num(n)) => n,
                    _ => {
                        self.pos -= 1;
                        return Err(self.err());
                    }
                };
                if matches!(op, Op::Lt | Op::Le | Op::Gt | Op::Ge) && value.parse::<f64>().is_err()
                {
                    self.pos -= 1;
                    return Err(self.err());
                }
                Ok(Expr::Compare(name, op, value))
            }
            _ => {
                self.pos = self.pos.saturating_sub(1);
                Err(self.err())
            }
        }
    }
}

/// Parses a condition; `Ok(None)` for an empty one (always shown).
pub fn parse(src: &str) -> Result<Option<Expr>, ConditionError> {
    if src.trim().is_empty() {
        return Ok(None);
    }
    let toks = tokens(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        len: src.chars().count(),
    };
    let e = p.or()?;
    if p.pos < p.toks.len() {
        return Err(p.err());
    }
    Ok(Some(e))
}

impl Expr {
    /// The question names this expression reads.
    pub fn names(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        self.collect(&mut out);
        out
    }

    fn collect(&self, out: &mut BTreeSet<String>) {
        match self {
            Expr::Compare(q, _, _) | Expr::Answered(q) | Expr::NotAnswered(q) => {
                out.insert(q.clone());
            }
            Expr::Not(e) => e.collect(out),
            Expr::And(a, b) | Expr::Or(a, b) => {
                a.collect(out);
                b.collect(out);
            }
        }
    }

    /// Evaluates against the answers given so far: question name → its values (one for most
    /// questions, several for multiple choice; absent or empty when unanswered).
    pub fn eval(&self, answers: &BTreeMap<String, Vec<String>>) -> bool {
        let values = |q: &str| -> &[String] { answers.get(q).map(Vec::as_slice).unwrap_or(&[]) };
        match self {
            Expr::Answered(q) => !values(q).is_empty(),
            Expr::NotAnswered(q) => values(q).is_empty(),
            Expr::Not(e) => !e.eval(answers),
            Expr::And(a, b) => a.eval(answers) && b.eval(answers),
            Expr::Or(a, b) => a.eval(answers) || b.eval(answers),
            Expr::Compare(q, op, v) => {
                let vals = values(q);
                match op {
                    Op::Eq => vals.iter().any(|x| x == v),
                    Op::Ne => !vals.iter().any(|x| x == v),
                    Op::Contains => {
                        let needle = crate::text::fold(v);
                        vals.iter()
                            .any(|x| x == v || crate::text::fold(x).contains(&needle))
                    }
                    Op::Lt | Op::Le | Op::Gt | Op::Ge => {
                        let (Some(x), Ok(y)) = (
                            vals.first().and_then(|x| x.trim().parse::<f64>().ok()),
                            v.parse::<f64>(),
                        ) else {
                            return false;
                        };
                        match op {
                            Op::Lt => x < y,
                            Op::Le => x <= y,
                            Op::Gt => x > y,
                            _ => x >= y,
                        }
                    }
                }
            }
        }
    }
}

/// A problem with one condition of a definition: the question or section it belongs to, and
/// why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub owner: String,
    pub error: ConditionError,
}

/// Checks every condition of `def`: syntax, known names, no forward reference, no cycle.
/// Cycles are reported before forward references, since they are the real fault.
pub fn check(def: &Definition) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Position of each question: (section, index); a section condition sits at (s, -1).
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut owners: Vec<(String, usize, Option<usize>, &str)> = Vec::new();
    for (s, sec) in def.sections.iter().enumerate() {
        owners.push((sec.name.clone(), s, None, &sec.condition));
        for (i, q) in sec.questions.iter().enumerate() {
            owners.push((q.name.clone(), s, Some(i), &q.condition));
        }
    }
    let mut parsed = Vec::new();
    for (owner, s, i, src) in &owners {
        match parse(src) {
            Err(error) => problems.push(Problem {
                owner: owner.clone(),
                error,
            }),
            Ok(None) => {}
            Ok(Some(e)) => {
                let names = e.names();
                for n in &names {
                    if def.question(n).is_none() {
                        problems.push(Problem {
                            owner: owner.clone(),
                            error: ConditionError::Unknown(n.clone()),
                        });
                    }
                }
                // A value no choice has can never be given: the condition could never hold
                // (or always would, with `!=`).
                for (n, v) in e.equalities() {
                    if let Some(q) = def.question(n)
                        && matches!(q.kind(), Kind::Single | Kind::Multiple | Kind::YesNo)
                        && !q.codes().iter().any(|c| c == v)
                    {
                        problems.push(Problem {
                            owner: owner.clone(),
                            error: ConditionError::UnknownChoice(n.to_owned(), v.to_owned()),
                        });
                    }
                }
                deps.insert(owner.clone(), names.clone());
                parsed.push((owner.clone(), *s, *i, names));
            }
        }
    }
    // Questions inherit their section's condition.
    for sec in &def.sections {
        if !sec.condition.is_empty() {
            for q in &sec.questions {
                deps.entry(q.name.clone())
                    .or_default()
                    .insert(sec.name.clone());
            }
        }
    }
    let mut in_cycle = BTreeSet::new();
    // In questionnaire order, so that a loop is reported from where it starts.
    for (owner, _, _, _) in &owners {
        if in_cycle.contains(owner) {
            continue;
        }
        if let Some(path) = cycle_from(owner, &deps) {
            in_cycle.extend(path.iter().cloned());
            let first = path.first().cloned().unwrap_or_default();
            problems.push(Problem {
                owner: first,
                error: ConditionError::Cycle(path),
            });
        }
    }
    for (owner, s, i, names) in parsed {
        if in_cycle.contains(&owner) {
            continue;
        }
        for n in names {
            let Some((ns, ni)) = def.position(&n) else {
                continue;
            };
            let ok = match i {
                Some(i) => (ns, ni) < (s, i),
                None => ns < s,
            };
            if !ok {
                problems.push(Problem {
                    owner: owner.clone(),
                    error: ConditionError::Forward(n),
                });
            }
        }
    }
    problems
}

/// A dependency loop through `start`, as the list of names walked (ending where it began).
fn cycle_from(start: &str, deps: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn walk(
        node: &str,
        start: &str,
        deps: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for next in deps.get(node).into_iter().flatten() {
            if next == start {
                path.push(next.clone());
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(next, start, deps, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_owned()];
    let mut seen = BTreeSet::new();
    walk(start, start, deps, &mut path, &mut seen).then_some(path)
}

mod involving;
pub use involving::involving;

#[cfg(test)]
mod tests;
