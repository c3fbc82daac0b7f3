//! Sheet types as data: the fields of each type come from `types.toml`, read once. Code never
//! names a type's fields except where a feature gives one a meaning (the title, the facets, the
//! common threads of a synthesis, the pre-filling from a questionnaire response).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::questionnaires::territory::{DEPARTMENTS, REGIONS};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    Short,
    Text,
    Rich,
    Items,
    Choice,
    Multi,
    Territory,
    Rows,
}

/// One field of a sheet type.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub name: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    /// Characters (for rows: per cell).
    #[serde(default = "default_max")]
    pub max: usize,
    /// The option set of a choice or multi field.
    #[serde(default)]
    pub options: String,
    #[serde(default)]
    pub columns: Vec<String>,
    /// Each row (a contact) must record the person's consent.
    #[serde(default)]
    pub consent: bool,
    #[serde(default)]
    pub facet: bool,
    #[serde(default)]
    pub default: String,
}

fn default_max() -> usize {
    200
}

impl Field {
    /// The codes a choice or multi field accepts.
    pub fn choices(&self) -> &'static [String] {
        registry()
            .options
            .get(&self.options)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn accepts(&self, code: &str) -> bool {
        match self.kind {
            FieldKind::Territory => territory_label_key(code).is_some(),
            _ => self.choices().iter().any(|c| c == code),
        }
    }

    /// The Fluent key of one of this field's values.
    pub fn option_key(&self, code: &str) -> String {
        match self.kind {
            FieldKind::Territory => territory_label_key(code).unwrap_or_default(),
            // Fluent identifiers take no dots ("cc-by-4.0" → "cc-by-4_0").
            _ => format!("sheet-opt-{}-{}", self.options, code.replace('.', "_")),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheetType {
    pub code: String,
    pub fields: Vec<Field>,
}

impl SheetType {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    pub fn facets(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|f| f.facet)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    pub options: BTreeMap<String, Vec<String>>,
    pub types: Vec<SheetType>,
}

/// All sheet types, read from `types.toml` on first use. The file ships inside the binary and a
/// test reads it, so a malformed file never reaches a server.
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        toml::from_str(include_str!("types.toml")).unwrap_or_else(|e| {
            tracing::error!(error = %e, "sheets/types.toml");
            Registry {
                options: BTreeMap::new(),
                types: vec![],
            }
        })
    })
}

/// The language a sheet or a synthesis is written in when nobody chose one (the default of the
/// `language` field in `types.toml`).
pub const DEFAULT_LANGUAGE: &str = "fr";

/// The languages sheets and syntheses may be written in (the `language` options).
pub fn languages() -> &'static [String] {
    registry()
        .options
        .get("language")
        .map(Vec::as_slice)
        .unwrap_or_default()
}

pub fn find(code: &str) -> Option<&'static SheetType> {
    registry().types.iter().find(|t| t.code == code)
}

pub fn all() -> &'static [SheetType] {
    &registry().types
}

/// Territory values: `dep-<INSEE>`, `reg-<INSEE>` or `country-<ISO>`; `None` for anything else.
pub fn territory_label_key(code: &str) -> Option<String> {
    if let Some(dep) = code.strip_prefix("dep-") {
        DEPARTMENTS
            .contains(&dep)
            .then(|| format!("territory-dep-{dep}"))
    } else if let Some(reg) = code.strip_prefix("reg-") {
        REGIONS
            .contains(&reg)
            .then(|| format!("territory-reg-{reg}"))
    } else if let Some(c) = code.strip_prefix("country-") {
        crate::organisations::COUNTRIES
            .contains(&c)
            .then(|| code.to_owned())
    } else {
        None
    }
}

/// Every territory value, regions first, then departments, then countries.
pub fn territory_codes() -> Vec<String> {
    REGIONS
        .iter()
        .map(|r| format!("reg-{r}"))
        .chain(DEPARTMENTS.iter().map(|d| format!("dep-{d}")))
        .chain(
            crate::organisations::COUNTRIES
                .iter()
                .map(|c| format!("country-{c}")),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_types_file_reads_and_holds_three_types() {
        let r: Registry = toml::from_str(include_str!("types.toml")).expect("types.toml");
        let codes: Vec<_> = r.types.iter().map(|t| t.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "emerging_practice",
                "reflective_theme",
                "immersion_learning"
            ]
        );
        for t in &r.types {
            assert_eq!(t.fields[0].name, "title", "{}: title comes first", t.code);
            for f in &t.fields {
                match f.kind {
                    FieldKind::Choice | FieldKind::Multi => {
                        assert!(r.options.contains_key(&f.options), "{}.{}", t.code, f.name)
                    }
                    FieldKind::Rows => assert!(!f.columns.is_empty(), "{}.{}", t.code, f.name),
                    _ => {}
                }
                if f.facet {
                    assert!(matches!(
                        f.kind,
                        FieldKind::Choice | FieldKind::Multi | FieldKind::Territory
                    ));
                }
            }
        }
    }

    #[test]
    fn territory_values_are_checked() {
        assert_eq!(
            territory_label_key("dep-37").as_deref(),
            Some("territory-dep-37")
        );
        assert_eq!(territory_label_key("dep-999"), None);
        assert_eq!(
            territory_label_key("country-BF").as_deref(),
            Some("country-BF")
        );
        assert_eq!(territory_label_key("37"), None);
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;
    use crate::Locale;

    #[test]
    fn every_type_field_column_and_option_has_a_label_in_both_languages() {
        for locale in [Locale::Fr, Locale::En] {
            let has = |key: &str| {
                assert_ne!(locale.t(key), key, "{key} missing in {}", locale.code());
            };
            for t in all() {
                has(&format!("sheet-type-{}", t.code));
                for f in &t.fields {
                    has(&format!("sheet-field-{}", f.name));
                    for c in &f.columns {
                        has(&format!("sheet-column-{c}"));
                    }
                    if matches!(f.kind, FieldKind::Choice | FieldKind::Multi) {
                        for c in f.choices() {
                            has(&f.option_key(c));
                        }
                    }
                    if f.facet {
                        has(&format!("sheet-facet-{}", f.name));
                    }
                }
            }
        }
    }
}
