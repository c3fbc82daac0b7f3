//! A questionnaire's definition: sections of questions, their choices, constraints and
//! conditions, with every text in several languages. One JSON document per version
//! (`questionnaire_versions.definition`): a version freezes it as-is, a duplicate copies it, the
//! XLSForm import and export read and write it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::code_enum;

code_enum! {
    /// What a question asks for.
    pub enum Kind {
        ShortText = "short_text",
        LongText = "long_text",
        Single = "single",
        Multiple = "multiple",
        YesNo = "yes_no",
        Scale = "scale",
        Integer = "integer",
        Decimal = "decimal",
        Date = "date",
        Territory = "territory",
        Matrix = "matrix",
        Ranking = "ranking",
        Info = "info",
    }
}

impl Kind {
    /// Questions whose answers are codes from a fixed list: they can be counted, charted,
    /// filtered on and crossed with each other.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            Kind::Single | Kind::Multiple | Kind::YesNo | Kind::Scale | Kind::Territory
        )
    }

    /// Whether the question carries its own choice list.
    pub fn has_choices(self) -> bool {
        matches!(
            self,
            Kind::Single | Kind::Multiple | Kind::Matrix | Kind::Ranking
        )
    }

    pub fn is_numeric(self) -> bool {
        matches!(self, Kind::Integer | Kind::Decimal | Kind::Scale)
    }

    pub fn is_text(self) -> bool {
        matches!(self, Kind::ShortText | Kind::LongText)
    }

    /// Whether the respondent may add an "other, please specify" text.
    pub fn may_have_other(self) -> bool {
        matches!(self, Kind::Single | Kind::Multiple)
    }

    /// Seconds a respondent typically spends, before reading time (see
    /// [`Definition::estimated_minutes`]).
    fn answer_seconds(self, q: &Question) -> u64 {
        match self {
            Kind::ShortText => 20,
            Kind::LongText => 90,
            Kind::Single | Kind::YesNo | Kind::Territory | Kind::Date => 8,
            Kind::Multiple => 12,
            Kind::Scale => 6,
            Kind::Integer | Kind::Decimal => 10,
            Kind::Matrix => 6 * q.rows.len().max(1) as u64,
            Kind::Ranking => 5 * q.choices.len().max(1) as u64,
            Kind::Info => 0,
        }
    }
}

code_enum! {
    /// Which territories a territory question offers.
    pub enum TerritoryScope {
        Departments = "departments",
        Regions = "regions",
        Countries = "countries",
    }
}

/// Translation status of one text in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrStatus {
    Missing,
    Machine,
    Reviewed,
}

impl TrStatus {
    pub fn code(self) -> &'static str {
        match self {
            TrStatus::Missing => "missing",
            TrStatus::Machine => "machine",
            TrStatus::Reviewed => "reviewed",
        }
    }
}

/// A text in several languages (`fr`, `en`, …), with the languages whose version came from a
/// machine and awaits review.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Text {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub t: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub machine: BTreeSet<String>,
}

impl Text {
    /// A text in one language.
    pub fn one(lang: &str, text: &str) -> Text {
        let mut t = Text::default();
        t.set(lang, text);
        t
    }

    /// A text in French and English, both reviewed.
    pub fn fr_en(fr: &str, en: &str) -> Text {
        let mut t = Text::one("fr", fr);
        t.set("en", en);
        t
    }

    /// Sets (or, when empty, removes) the text in `lang`, as reviewed.
    pub fn set(&mut self, lang: &str, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            self.t.remove(lang);
        } else {
            self.t.insert(lang.to_owned(), text.to_owned());
        }
        self.machine.remove(lang);
    }

    /// Marks the texts in `langs` as machine translations (and every other as reviewed).
    pub fn mark_machine(&mut self, langs: &[String]) {
        self.machine = langs
            .iter()
            .filter(|l| !self.exact(l).is_empty())
            .cloned()
            .collect();
    }

    /// The text in `lang`, else in `fallback`, else in any language, else empty.
    pub fn get<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        self.t
            .get(lang)
            .or_else(|| self.t.get(fallback))
            .or_else(|| self.t.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The text in exactly `lang`, or empty.
    pub fn exact(&self, lang: &str) -> &str {
        self.t.get(lang).map(String::as_str).unwrap_or("")
    }

    pub fn status(&self, lang: &str) -> TrStatus {
        if self.exact(lang).is_empty() {
            TrStatus::Missing
        } else if self.machine.contains(lang) {
            TrStatus::Machine
        } else {
            TrStatus::Reviewed
        }
    }

    pub fn is_empty(&self) -> bool {
        self.t.values().all(|v| v.trim().is_empty())
    }

    fn words(&self, lang: &str, fallback: &str) -> u64 {
        self.get(lang, fallback).split_whitespace().count() as u64
    }
}

/// One option of a choice list (or one row of a matrix).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub code: String,
    pub label: Text,
}

/// The code under which "other, please specify" is recorded (as XLSForm's `or_other` does).
pub const OTHER: &str = "other";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable variable name: the column in exports, the name in conditions.
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub label: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub hint: Text,
    #[serde(default)]
    pub required: bool,
    /// Options of single, multiple and ranking questions; columns of a matrix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// Rows of a matrix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Choice>,
    /// Offers "other, please specify" (single and multiple choice).
    #[serde(default)]
    pub other: bool,
    /// Single choice shown as a drop-down list rather than radio buttons.
    #[serde(default)]
    pub dropdown: bool,
    /// Bounds: characters for texts, value for numbers and scales, count of choices for
    /// multiple choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Labels of the two ends of a scale.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub low_label: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub high_label: Text,
    /// Message shown when an answer breaks a bound (replaces the generic one).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub message: Text,
    /// For territory questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Condition in Passerelle's expression language (see `expr`); empty: always shown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub condition: String,
    /// Short texts: a regular expression the whole answer must match (XLSForm's
    /// `regex(., '…')`); `message` is then what a mismatch says.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pattern: String,
}

/// The compiled form of a question's pattern, anchored on the whole answer, with a bounded
/// size (the `regex` crate matches in linear time; the size limit bounds its memory).
pub fn compile_pattern(pattern: &str) -> Option<regex::Regex> {
    regex::RegexBuilder::new(&format!("^(?:{pattern})$"))
        .size_limit(256 * 1024)
        .dfa_size_limit(256 * 1024)
        .build()
        .ok()
}

impl Question {
    pub fn new(name: &str, kind: Kind, label: Text) -> Question {
        Question {
            name: name.to_owned(),
            kind: kind.code().to_owned(),
            label,
            hint: Text::default(),
            required: false,
            choices: vec![],
            rows: vec![],
            other: false,
            dropdown: false,
            min: None,
            max: None,
            low_label: Text::default(),
            high_label: Text::default(),
            message: Text::default(),
            scope: None,
            condition: String::new(),
            pattern: String::new(),
        }
    }

    pub fn kind(&self) -> Kind {
        Kind::parse(&self.kind).unwrap_or(Kind::ShortText)
    }

    pub fn territory_scope(&self) -> TerritoryScope {
        self.scope
            .as_deref()
            .and_then(TerritoryScope::parse)
            .unwrap_or(TerritoryScope::Departments)
    }

    /// The codes a closed question accepts, in order (yes/no and scales included).
    pub fn codes(&self) -> Vec<String> {
        match self.kind() {
            Kind::YesNo => vec!["yes".into(), "no".into()],
            Kind::Scale => {
                let (lo, hi) = self.scale_bounds();
                (lo..=hi).map(|n| n.to_string()).collect()
            }
            Kind::Territory => super::territory::codes(self.territory_scope())
                .iter()
                .map(|c| (*c).to_owned())
                .collect(),
            _ => {
                let mut codes: Vec<String> = self.choices.iter().map(|c| c.code.clone()).collect();
                if self.other && self.kind().may_have_other() {
                    codes.push(OTHER.to_owned());
                }
                codes
            }
        }
    }

    /// A scale's ends: 1 to 5 unless set, at most 0 to 10 wide.
    pub fn scale_bounds(&self) -> (i64, i64) {
        let lo = self.min.map(|v| v as i64).unwrap_or(1).clamp(0, 10);
        let hi = self.max.map(|v| v as i64).unwrap_or(5).clamp(lo + 1, 11);
        (lo, hi)
    }

    /// The label of one of this question's codes, in `lang`.
    pub fn code_label(&self, code: &str, lang: &str, fallback: &str) -> Option<String> {
        self.choices
            .iter()
            .chain(self.rows.iter())
            .find(|c| c.code == code)
            .map(|c| c.label.get(lang, fallback).to_owned())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable name (for conditions on whole sections, XLSForm groups).
    pub name: String,
    #[serde(default)]
    pub title: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub condition: String,
    #[serde(default)]
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Definition {
    /// Languages the questionnaire is written in; the first is its default.
    pub languages: Vec<String>,
    pub title: Text,
    #[serde(default)]
    pub intro: Text,
    #[serde(default)]
    pub closing: Text,
    #[serde(default)]
    pub consent: Text,
    #[serde(default)]
    pub sections: Vec<Section>,
}

impl Definition {
    pub fn new(lang: &str, title: &str) -> Definition {
        Definition {
            languages: vec![lang.to_owned()],
            title: Text::one(lang, title),
            intro: Text::default(),
            closing: Text::default(),
            consent: Text::default(),
            sections: vec![],
        }
    }

    pub fn default_language(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("fr")
    }

    /// The language to show a respondent asking for `wanted`: it when the questionnaire has
    /// it, else the default.
    pub fn language_for<'a>(&'a self, wanted: &str) -> &'a str {
        // An exact tag first, then the primary language (`en-GB` reads `en`, `pt` reads `pt-BR`).
        let primary = |tag: &str| {
            tag.split(['-', '_'])
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase()
        };
        self.languages
            .iter()
            .find(|l| l.eq_ignore_ascii_case(wanted))
            .or_else(|| {
                let p = primary(wanted);
                self.languages
                    .iter()
                    .find(|l| !p.is_empty() && primary(l) == p)
            })
            .map(String::as_str)
            .unwrap_or_else(|| self.default_language())
    }

    /// Every question, in order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, name: &str) -> Option<&Question> {
        self.questions().find(|q| q.name == name)
    }

    /// `(section index, question index)` of a question.
    pub fn position(&self, name: &str) -> Option<(usize, usize)> {
        self.sections.iter().enumerate().find_map(|(s, sec)| {
            sec.questions
                .iter()
                .position(|q| q.name == name)
                .map(|i| (s, i))
        })
    }

    pub fn section_index(&self, name: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.name == name)
    }

    /// Whether `name` is taken by a question or a section.
    pub fn name_taken(&self, name: &str) -> bool {
        self.question(name).is_some() || self.section_index(name).is_some()
    }

    /// A free name built from `base` (`q1`, `q2`… or `base_2`…).
    pub fn free_name(&self, base: &str) -> String {
        if !base.is_empty() && !self.name_taken(base) {
            return base.to_owned();
        }
        let stem = if base.is_empty() { "q" } else { base };
        (1..)
            .map(|n| {
                if base.is_empty() {
                    format!("{stem}{n}")
                } else {
                    format!("{stem}_{n}")
                }
            })
            .find(|n| !self.name_taken(n))
            .unwrap_or_else(crate::ids::new_id)
    }

    /// Estimated minutes to answer everything: answer time per question type plus reading time
    /// (about 200 words a minute) of labels, hints, choices and information blocks.
    pub fn estimated_minutes(&self) -> u64 {
        let (l, f) = (self.default_language(), self.default_language());
        let mut seconds = self.intro.words(l, f) * 60 / 200;
        for s in &self.sections {
            seconds += (s.title.words(l, f) + s.description.words(l, f)) * 60 / 200;
            for q in &s.questions {
                let words = q.label.words(l, f)
                    + q.hint.words(l, f)
                    + q.choices.iter().map(|c| c.label.words(l, f)).sum::<u64>()
                    + q.rows.iter().map(|c| c.label.words(l, f)).sum::<u64>();
                seconds += q.kind().answer_seconds(q) + words * 60 / 200;
            }
        }
        seconds.div_ceil(60).max(1)
    }

    /// Every language-bearing text with its place, for the translation overview:
    /// `(place, text)`.
    pub fn texts(&self) -> Vec<(String, &Text)> {
        let mut out = vec![
            ("title".to_owned(), &self.title),
            ("intro".to_owned(), &self.intro),
            ("closing".to_owned(), &self.closing),
            ("consent".to_owned(), &self.consent),
        ];
        out.retain(|(_, t)| !t.is_empty());
        for s in &self.sections {
            out.push((s.name.clone(), &s.title));
            if !s.description.is_empty() {
                out.push((format!("{}:description", s.name), &s.description));
            }
            for q in &s.questions {
                out.push((q.name.clone(), &q.label));
                for (part, t) in [
                    ("hint", &q.hint),
                    ("low", &q.low_label),
                    ("high", &q.high_label),
                    ("message", &q.message),
                ] {
                    if !t.is_empty() {
                        out.push((format!("{}:{part}", q.name), t));
                    }
                }
                for c in q.choices.iter().chain(q.rows.iter()) {
                    out.push((format!("{}:{}", q.name, c.code), &c.label));
                }
            }
        }
        out
    }
}

/// A variable name: starts with a letter or `_`; letters, digits, `_`, `-`, `.`; at most 64.
/// The same rule as XLSForm's `name` column, so every name exports.
pub fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && name.len() <= 64
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

code_enum! {
    /// Who may answer.
    pub enum Audience {
        Link = "link",
        SignedIn = "signed-in",
        Invited = "invited",
    }
}

code_enum! {
    /// What is kept of who answered.
    pub enum Mode {
        /// No account, no address, no token kept with the answers once submitted.
        Anonymous = "anonymous",
        /// A pseudonym the respondent chooses, nothing else.
        Pseudonymous = "pseudonymous",
        /// The signed-in account.
        Identified = "identified",
    }
}

code_enum! {
    pub enum QuestionnaireStatus {
        Draft = "draft",
        Open = "open",
        Closed = "closed",
    }
}

code_enum! {
    pub enum ResponseStatus {
        Draft = "draft",
        Submitted = "submitted",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_falls_back_to_the_default_language() {
        let t = Text::fr_en("Bonjour", "Hello");
        assert_eq!(t.get("en", "fr"), "Hello");
        assert_eq!(t.get("km", "fr"), "Bonjour");
        let only_en = Text::one("en", "Hello");
        assert_eq!(only_en.get("fr", "fr"), "Hello");
        assert_eq!(only_en.status("fr"), TrStatus::Missing);
    }

    #[test]
    fn names_follow_the_xlsform_rule() {
        assert!(valid_name("q1"));
        assert!(valid_name("_categorie.pratique-2"));
        assert!(!valid_name("1q"));
        assert!(!valid_name("with space"));
        assert!(!valid_name(""));
    }

    #[test]
    fn the_estimate_grows_with_questions() {
        let mut d = Definition::new("fr", "Test");
        d.sections.push(Section {
            name: "s1".into(),
            title: Text::one("fr", "Partie"),
            description: Text::default(),
            condition: String::new(),
            questions: vec![Question::new("q1", Kind::YesNo, Text::one("fr", "Oui ?"))],
        });
        let short = d.estimated_minutes();
        for i in 0..20 {
            d.sections[0].questions.push(Question::new(
                &format!("t{i}"),
                Kind::LongText,
                Text::one("fr", "Décrivez la pratique en quelques phrases."),
            ));
        }
        assert_eq!(short, 1);
        assert!(d.estimated_minutes() >= 30, "{}", d.estimated_minutes());
    }

    #[test]
    fn closed_codes_include_other_and_scale_steps() {
        let mut q = Question::new("c", Kind::Single, Text::default());
        q.choices = vec![Choice {
            code: "a".into(),
            label: Text::default(),
        }];
        q.other = true;
        assert_eq!(q.codes(), ["a", "other"]);
        let mut s = Question::new("s", Kind::Scale, Text::default());
        s.min = Some(0.0);
        s.max = Some(3.0);
        assert_eq!(s.codes(), ["0", "1", "2", "3"]);
    }
}
