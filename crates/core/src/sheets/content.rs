//! A sheet's content: one value per field of its type, stored as JSON in each revision. Reading
//! a form keeps everything typed, even when it is refused, so the form can show it again.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::types::{DEFAULT_LANGUAGE, Field, FieldKind, SheetType};
use crate::validate::FieldErrors;

/// One row of a table field (an indicator, a contact).
pub type Row = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Text(String),
    List(Vec<String>),
    Rows(Vec<Row>),
}

/// The values of a sheet, by field name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Content(pub BTreeMap<String, Value>);

/// The most rows a table field keeps; the form offers two empty rows after the filled ones.
pub const MAX_ROWS: usize = 50;

impl Content {
    /// Text of a one-value field ("" when absent).
    pub fn text(&self, name: &str) -> &str {
        match self.0.get(name) {
            Some(Value::Text(t)) => t,
            _ => "",
        }
    }

    /// The value of a one-value field, or the field's default when none was given (a sheet
    /// written before the field existed has its default too).
    pub fn value_of<'a>(&'a self, field: &'a Field) -> &'a str {
        match self.text(&field.name) {
            "" => &field.default,
            v => v,
        }
    }

    /// The language the sheet is written in ([`DEFAULT_LANGUAGE`] unless its authors chose
    /// another).
    pub fn language(&self) -> &str {
        match self.text("language") {
            "" => DEFAULT_LANGUAGE,
            l => l,
        }
    }

    /// Items of a list or multi-choice field.
    pub fn list(&self, name: &str) -> &[String] {
        match self.0.get(name) {
            Some(Value::List(l)) => l,
            _ => &[],
        }
    }

    pub fn rows(&self, name: &str) -> &[Row] {
        match self.0.get(name) {
            Some(Value::Rows(r)) => r,
            _ => &[],
        }
    }

    pub fn set_text(&mut self, name: &str, value: impl Into<String>) {
        self.0.insert(name.to_owned(), Value::Text(value.into()));
    }

    pub fn set_list(&mut self, name: &str, values: Vec<String>) {
        self.0.insert(name.to_owned(), Value::List(values));
    }

    pub fn set_rows(&mut self, name: &str, rows: Vec<Row>) {
        self.0.insert(name.to_owned(), Value::Rows(rows));
    }

    pub fn is_filled(&self, name: &str) -> bool {
        match self.0.get(name) {
            Some(Value::Text(t)) => !t.trim().is_empty(),
            Some(Value::List(l)) => !l.is_empty(),
            Some(Value::Rows(r)) => !r.is_empty(),
            None => false,
        }
    }

    /// A new sheet's content: the defaults of its type.
    pub fn defaults(ty: &SheetType) -> Content {
        let mut c = Content::default();
        for f in &ty.fields {
            if !f.default.is_empty() {
                c.set_text(&f.name, f.default.clone());
            }
        }
        c
    }

    /// Reads a sheet form: `f.<name>` for one-value and multi fields, `f.<name>.<i>.<column>`
    /// for table rows. Checks lengths, choices and contact consent; requiredness waits for
    /// submission ([`missing`]).
    pub fn from_form(ty: &'static SheetType, pairs: &[(String, String)]) -> (Content, FieldErrors) {
        let mut content = Content::default();
        let mut errors = FieldErrors::default();
        let get_all = |key: &str| -> Vec<&str> {
            pairs
                .iter()
                .filter(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
                .collect()
        };
        for f in &ty.fields {
            let key = format!("f.{}", f.name);
            let name: &'static str = f.name.as_str();
            match f.kind {
                FieldKind::Short | FieldKind::Text | FieldKind::Rich => {
                    let raw = get_all(&key).first().copied().unwrap_or("");
                    let value = if f.kind == FieldKind::Short {
                        raw.trim().to_owned()
                    } else {
                        raw.trim().replace("\r\n", "\n")
                    };
                    if value.chars().count() > f.max {
                        errors.add(name, "field-too-long");
                    }
                    content.set_text(name, value);
                }
                FieldKind::Choice | FieldKind::Territory => {
                    let value = match get_all(&key).first().copied().unwrap_or("").trim() {
                        // Nothing chosen is the default, as the form shows it.
                        "" => f.default.as_str(),
                        v => v,
                    };
                    if !value.is_empty() && !f.accepts(value) {
                        errors.add(name, "field-choice-invalid");
                    }
                    content.set_text(name, value);
                }
                FieldKind::Multi => {
                    let mut values = vec![];
                    for v in get_all(&key) {
                        if !f.accepts(v) {
                            errors.add(name, "field-choice-invalid");
                        } else if !values.iter().any(|x| x == v) {
                            values.push(v.to_owned());
                        }
                    }
                    // Keep the order of the option list, whatever the order of the form.
                    values.sort_by_key(|v| f.choices().iter().position(|c| c == v));
                    content.set_list(name, values);
                }
                FieldKind::Items => {
                    let raw = get_all(&key).first().copied().unwrap_or("");
                    if raw.chars().count() > f.max {
                        errors.add(name, "field-too-long");
                    }
                    content.set_list(name, items(raw));
                }
                FieldKind::Rows => {
                    let rows = read_rows(f, pairs, &mut errors);
                    content.set_rows(name, rows);
                }
            }
        }
        (content, errors)
    }
}

/// One item per line, bullets and blank lines dropped.
pub fn items(raw: &str) -> Vec<String> {
    raw.lines()
        .map(|l| l.trim().trim_start_matches(['-', '*', '•']).trim())
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn read_rows(f: &'static Field, pairs: &[(String, String)], errors: &mut FieldErrors) -> Vec<Row> {
    let prefix = format!("f.{}.", f.name);
    let mut by_index: BTreeMap<usize, Row> = BTreeMap::new();
    for (k, v) in pairs {
        let Some(rest) = k.strip_prefix(&prefix) else {
            continue;
        };
        let Some((i, column)) = rest.split_once('.') else {
            continue;
        };
        let Ok(i) = i.parse::<usize>() else { continue };
        let known = f.columns.iter().any(|c| c == column) || (f.consent && column == "consent");
        if !known || i >= MAX_ROWS {
            continue;
        }
        by_index
            .entry(i)
            .or_default()
            .insert(column.to_owned(), v.trim().to_owned());
    }
    let name: &'static str = f.name.as_str();
    let mut rows = vec![];
    for (_, mut row) in by_index {
        let filled = f
            .columns
            .iter()
            .any(|c| row.get(c).is_some_and(|v| !v.is_empty()));
        if !filled {
            continue;
        }
        if row.values().any(|v| v.chars().count() > f.max) {
            errors.add(name, "field-too-long");
        }
        if f.consent {
            let given = row.get("consent").is_some_and(|v| v == "yes");
            if !given {
                errors.add(name, "sheet-contact-consent-missing");
            }
            if let Some(email) = row.get("email").filter(|e| !e.is_empty())
                && !email_address::EmailAddress::is_valid(email)
            {
                errors.add(name, "field-email-invalid");
            }
        }
        row.retain(|k, v| !v.is_empty() || k == "consent");
        rows.push(row);
    }
    rows
}

/// The required fields of `ty` that `content` leaves empty, in form order (a field with a
/// default is never empty: see [`Content::value_of`]).
pub fn missing(ty: &'static SheetType, content: &Content) -> Vec<&'static str> {
    ty.fields
        .iter()
        .filter(|f| f.required && f.default.is_empty() && !content.is_filled(&f.name))
        .map(|f| f.name.as_str())
        .collect()
}

/// The text a search reads: every written value (not choices, which are facets, nor e-mail
/// addresses), field after field.
pub fn searchable_body(ty: &SheetType, content: &Content) -> String {
    let mut out = String::new();
    for f in ty.fields.iter().skip(1) {
        match f.kind {
            FieldKind::Short | FieldKind::Text | FieldKind::Rich => {
                out.push_str(content.text(&f.name));
                out.push('\n');
            }
            FieldKind::Items => {
                for item in content.list(&f.name) {
                    out.push_str(item);
                    out.push('\n');
                }
            }
            FieldKind::Rows => {
                for row in content.rows(&f.name) {
                    for (k, v) in row {
                        if k != "email" && k != "consent" {
                            out.push_str(v);
                            out.push(' ');
                        }
                    }
                    out.push('\n');
                }
            }
            FieldKind::Choice | FieldKind::Multi | FieldKind::Territory => {}
        }
    }
    out
}

/// The `(facet, value)` pairs of a sheet: its type, then every facet field's values.
pub fn facets(ty: &SheetType, content: &Content) -> Vec<(String, String)> {
    let mut out = vec![("type".to_owned(), ty.code.clone())];
    for f in ty.facets() {
        match f.kind {
            FieldKind::Multi => {
                for v in content.list(&f.name) {
                    out.push((f.name.clone(), v.clone()));
                }
            }
            _ => {
                let v = content.value_of(f);
                if !v.is_empty() {
                    out.push((f.name.clone(), v.to_owned()));
                }
            }
        }
    }
    out
}
