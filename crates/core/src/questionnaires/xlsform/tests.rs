//! Unit tests of the XLSForm reading and writing helpers.

use super::expressions::bounds;
use super::sheet::language_code;
use super::*;
use crate::questionnaires::expr;
use std::collections::BTreeSet;

#[test]
fn relevant_expressions_become_conditions() {
    let c = |s: &str| condition_from_xpath(s);
    assert_eq!(c("${a} = 'yes'").as_deref(), Some("a = 'yes'"));
    assert_eq!(
        c("selected(${b}, 'x') and ${c} != ''").as_deref(),
        Some("b contains 'x' and answered(c)")
    );
    assert_eq!(
        c("not(${d} > 3) or ${e} = ''").as_deref(),
        Some("not (d > 3) or not_answered(e)")
    );
    assert_eq!(
        c("selected(../sex, 'other')").as_deref(),
        Some("sex contains 'other'")
    );
    assert_eq!(c("count-selected(${f}) > 2"), None);
    assert_eq!(c("").as_deref(), Some(""));
}

#[test]
fn conditions_become_relevant_expressions() {
    let choice: BTreeSet<String> = ["cat".to_owned()].into_iter().collect();
    let e = expr::parse("cat = 'a' and (n >= 2 or not_answered(t))")
        .expect("ok")
        .expect("some");
    let x = condition_to_xpath(&e, &choice);
    assert_eq!(x, "selected(${cat}, 'a') and (${n} >= 2 or ${t} = '')");
    assert_eq!(
        condition_from_xpath(&x).as_deref(),
        Some("cat contains 'a' and (n >= 2 or not_answered(t))")
    );
}

#[test]
fn bounds_read_simple_constraints() {
    assert_eq!(bounds(". >= 1 and . <= 10"), Some((Some(1.0), Some(10.0))));
    assert_eq!(bounds("string-length(.) <= 200"), Some((None, Some(200.0))));
    assert_eq!(bounds("regex(., '^[0-9]+$')"), None);
}

#[test]
fn language_columns_map_to_codes() {
    assert_eq!(language_code("English (en)").as_deref(), Some("en"));
    assert_eq!(language_code("Français").as_deref(), Some("fr"));
    assert_eq!(language_code("EN").as_deref(), Some("en"));
    assert_eq!(language_code("chinese"), None);
}

#[test]
fn not_a_workbook_is_an_error() {
    let (def, report) = read(b"not a zip", "fr");
    assert!(def.is_none());
    assert_eq!(report.errors[0].reason, "not an .xlsx workbook");
}
