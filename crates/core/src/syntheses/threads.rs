//! The common threads (*lignes de force*) of a selection of sheets: themes, the items of the
//! list fields (levers, success factors, points of vigilance, pitfalls, conditions of
//! development) grouped when they say the same thing, and the process and effects indicators —
//! each counted and linked to the sheets it comes from.

use std::collections::BTreeMap;

use crate::sheets::Content;
use crate::sheets::search::{index_text, is_function_word};

/// The list fields a synthesis gathers, in the order it shows them.
pub const THREAD_FIELDS: &[&str] = &[
    "development_conditions",
    "success_factors",
    "levers",
    "vigilance",
    "pitfalls",
];

/// A sheet a thread comes from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// The language the sheet is written in.
    pub lang: String,
}

/// One item said by one or more sheets.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Thread {
    /// The wording of the first sheet that said it.
    pub text: String,
    pub sources: Vec<Source>,
}

/// One indicator and the sheet it measures.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Indicator {
    pub description: String,
    pub source: String,
    pub value: String,
    pub sheet: Source,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Threads {
    pub sheets: Vec<Source>,
    /// `(theme code, sheets)`, most shared first.
    pub themes: Vec<(String, Vec<Source>)>,
    /// `(field, threads)` in [`THREAD_FIELDS`] order; threads most shared first.
    pub lists: Vec<(String, Vec<Thread>)>,
    pub process: Vec<Indicator>,
    pub effects: Vec<Indicator>,
}

/// What two items saying the same thing share: their stemmed, accent-folded words, function
/// words left out ("Formation commune des professionnels" = "formation commune du
/// professionnel").
fn thread_key(item: &str) -> String {
    index_text(item)
        .split(' ')
        .filter(|w| !is_function_word(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Gathers the threads of `sheets` (each with its published content).
pub fn common_threads(sheets: &[(Source, Content)]) -> Threads {
    let mut themes: BTreeMap<String, Vec<Source>> = BTreeMap::new();
    for (source, content) in sheets {
        for theme in content.list("themes") {
            themes
                .entry(theme.clone())
                .or_default()
                .push(source.clone());
        }
    }
    let mut themes: Vec<(String, Vec<Source>)> = themes.into_iter().collect();
    themes.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));

    let lists = THREAD_FIELDS
        .iter()
        .map(|field| {
            // Same stemmed, accent-folded words: same thread ("Formation commune des
            // professionnels" and "formation commune du professionnel").
            let mut order: Vec<String> = vec![];
            let mut by_key: BTreeMap<String, Thread> = BTreeMap::new();
            for (source, content) in sheets {
                for item in content.list(field) {
                    let key = thread_key(item);
                    if key.is_empty() {
                        continue;
                    }
                    let thread = by_key.entry(key.clone()).or_insert_with(|| {
                        order.push(key.clone());
                        Thread {
                            text: item.clone(),
                            sources: vec![],
                        }
                    });
                    if !thread.sources.contains(source) {
                        thread.sources.push(source.clone());
                    }
                }
            }
            let mut threads: Vec<Thread> = order
                .into_iter()
                .filter_map(|k| by_key.remove(&k))
                .collect();
            // Stable: equally shared threads keep the order sheets gave them.
            threads.sort_by_key(|t| std::cmp::Reverse(t.sources.len()));
            ((*field).to_owned(), threads)
        })
        .collect();

    let indicators = |field: &str| -> Vec<Indicator> {
        sheets
            .iter()
            .flat_map(|(source, content)| {
                content.rows(field).iter().map(move |row| Indicator {
                    description: row.get("description").cloned().unwrap_or_default(),
                    source: row.get("source").cloned().unwrap_or_default(),
                    value: row.get("value").cloned().unwrap_or_default(),
                    sheet: source.clone(),
                })
            })
            .collect()
    };
    Threads {
        sheets: sheets.iter().map(|(s, _)| s.clone()).collect(),
        themes,
        lists,
        process: indicators("process_indicators"),
        effects: indicators("effect_indicators"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(id: &str, themes: &[&str], levers: &[&str]) -> (Source, Content) {
        let mut c = Content::default();
        c.set_list("themes", themes.iter().map(|s| (*s).to_owned()).collect());
        c.set_list("levers", levers.iter().map(|s| (*s).to_owned()).collect());
        (
            Source {
                id: id.into(),
                title: format!("Fiche {id}"),
                lang: "fr".into(),
            },
            c,
        )
    }

    #[test]
    fn the_same_item_in_other_words_forms_one_counted_thread() {
        let t = common_threads(&[
            sheet(
                "a",
                &["pair_aidance", "aller_vers"],
                &["Formation commune des professionnels"],
            ),
            sheet(
                "b",
                &["pair_aidance"],
                &["formation commune du professionnel", "Appui des élus"],
            ),
            sheet(
                "c",
                &["coordination"],
                &["Formation Commune des Professionnels"],
            ),
        ]);
        assert_eq!(t.themes[0].0, "pair_aidance");
        assert_eq!(t.themes[0].1.len(), 2);
        let levers = &t
            .lists
            .iter()
            .find(|(f, _)| f == "levers")
            .expect("levers")
            .1;
        assert_eq!(levers[0].text, "Formation commune des professionnels");
        assert_eq!(
            levers[0]
                .sources
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert_eq!(levers[1].text, "Appui des élus");
        assert_eq!(levers[1].sources.len(), 1);
    }
}
