//! Unit tests of the condition language and of the checks.
use super::*;
use crate::questionnaires::model::{Kind, Question, Section, Text};

fn answers(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
        .collect()
}

fn eval(src: &str, a: &BTreeMap<String, Vec<String>>) -> bool {
    parse(src).expect("parses").expect("not empty").eval(a)
}

#[test]
fn comparisons_and_presence() {
    let a = answers(&[
        ("role", &["cadre"]),
        ("themes", &["pair", "aller_vers"]),
        ("age", &["42"]),
    ]);
    assert!(eval("role = 'cadre'", &a));
    assert!(!eval("role != 'cadre'", &a));
    assert!(
        eval("missing != 'x'", &a),
        "unanswered differs from every value"
    );
    assert!(!eval("missing = 'x'", &a));
    assert!(eval("themes contains 'pair'", &a));
    assert!(
        eval("themes = 'aller_vers'", &a),
        "= on multiple choice tests membership"
    );
    assert!(eval("age >= 18 and age < 60", &a));
    assert!(!eval("role > 3", &a), "a non-number never compares");
    assert!(eval("answered(role) and not_answered(missing)", &a));
    assert!(eval("not answered(missing)", &a));
    assert!(eval("${role} = \"cadre\"", &a));
}

#[test]
fn and_binds_tighter_than_or() {
    let a = answers(&[("x", &["1"])]);
    assert!(eval("x = 1 or x = 2 and x = 3", &a));
    assert!(!eval("(x = 1 or x = 2) and x = 3", &a));
    assert!(eval("not (x = 2)", &a));
}

#[test]
fn text_contains_ignores_case_and_accents() {
    let a = answers(&[("desc", &["Un RÉSEAU de pairs"])]);
    assert!(eval("desc contains 'reseau'", &a));
}

#[test]
fn syntax_errors_say_where() {
    assert_eq!(parse("x = "), Err(ConditionError::Syntax { at: 4 }));
    assert_eq!(parse("x == 'a'"), Err(ConditionError::Syntax { at: 3 }));
    assert_eq!(parse("(x = 'a'"), Err(ConditionError::Syntax { at: 8 }));
    assert_eq!(parse("x = 'open"), Err(ConditionError::Syntax { at: 4 }));
    assert_eq!(parse("x < 'a'"), Err(ConditionError::Syntax { at: 4 }));
    assert_eq!(parse("  "), Ok(None));
}

#[test]
fn expressions_print_back_to_what_parses_the_same() {
    for src in [
        "a = 'x' and (b != 'it''s' or answered(c))",
        "not_answered(a) or a >= 3",
        "not (a contains 'b')",
    ] {
        let e = parse(src).expect("ok").expect("some");
        let again = parse(&e.to_string()).expect("ok").expect("some");
        assert_eq!(e, again, "{src} → {e}");
    }
}

/// `(section name, its condition, [(question name, its condition)])`.
type Outline<'a> = Vec<(&'a str, &'a str, Vec<(&'a str, &'a str)>)>;

fn def(sections: Outline<'_>) -> Definition {
    let mut d = Definition::new("fr", "t");
    for (name, cond, qs) in sections {
        d.sections.push(Section {
            name: name.into(),
            title: Text::default(),
            description: Text::default(),
            condition: cond.into(),
            questions: qs
                .into_iter()
                .map(|(n, c)| {
                    let mut q = Question::new(n, Kind::ShortText, Text::default());
                    q.condition = c.into();
                    q
                })
                .collect(),
        });
    }
    d
}

#[test]
fn backward_references_are_accepted() {
    let d = def(vec![
        ("s1", "", vec![("a", ""), ("b", "a = 'x'")]),
        ("s2", "answered(b)", vec![("c", "a = 'y' or b = 'z'")]),
    ]);
    assert_eq!(check(&d), vec![]);
}

#[test]
fn forward_and_unknown_references_are_refused() {
    let d = def(vec![(
        "s1",
        "",
        vec![("a", "b = 'x'"), ("b", ""), ("c", "zz = 1")],
    )]);
    let p = check(&d);
    assert!(p.contains(&Problem {
        owner: "a".into(),
        error: ConditionError::Forward("b".into())
    }));
    assert!(p.contains(&Problem {
        owner: "c".into(),
        error: ConditionError::Unknown("zz".into())
    }));
    // A section may not depend on its own questions.
    let d = def(vec![("s1", "answered(a)", vec![("a", "")])]);
    assert_eq!(
        check(&d),
        vec![Problem {
            owner: "s1".into(),
            error: ConditionError::Cycle(vec!["s1".into(), "a".into(), "s1".into()])
        }]
    );
}

#[test]
fn cycles_are_found_and_named() {
    let d = def(vec![("s1", "", vec![("a", "b = 'x'"), ("b", "a = 'y'")])]);
    let p = check(&d);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].error.code(), "condition-cycle");
    assert_eq!(p[0].error.detail(), "a → b → a");
    let selfref = def(vec![("s1", "", vec![("a", "answered(a)")])]);
    assert_eq!(check(&selfref)[0].error.code(), "condition-cycle");
}
