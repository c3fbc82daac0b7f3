//! Territories a territory question offers: French departments and regions (INSEE codes) and
//! countries (ISO 3166 codes, the list organisations use). Names are in the Fluent files
//! (`territory-dep-<code>`, `territory-reg-<code>`, `country-<code>`).

use super::model::TerritoryScope;

pub const DEPARTMENTS: &[&str] = &[
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19", "2A", "2B", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
    "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46", "47",
    "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63",
    "64", "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79",
    "80", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "95",
    "971", "972", "973", "974", "976",
];

pub const REGIONS: &[&str] = &[
    "01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84",
    "93", "94",
];

/// The codes of a scope, in display order.
pub fn codes(scope: TerritoryScope) -> &'static [&'static str] {
    match scope {
        TerritoryScope::Departments => DEPARTMENTS,
        TerritoryScope::Regions => REGIONS,
        TerritoryScope::Countries => crate::organisations::COUNTRIES,
    }
}

/// The Fluent key prefix of a scope's names.
pub fn label_prefix(scope: TerritoryScope) -> &'static str {
    match scope {
        TerritoryScope::Departments => "territory-dep-",
        TerritoryScope::Regions => "territory-reg-",
        TerritoryScope::Countries => "country-",
    }
}
