//! Building a questionnaire: creating, duplicating, settings, sections and questions, order,
//! publication. Every edit goes through [`edit`]: one transaction that loads the current
//! version, applies the change, checks every condition, and writes either in place or — once
//! a response refers to the version — as the next version.

use std::collections::BTreeMap;

use super::expr::{self, ConditionError};
use super::model::*;
use super::store::{self, QuestionnaireRow};
use super::{Loaded, load_definition, policy};
use crate::accounts::{Actor, SPOKEN_LANGUAGES, User};
use crate::audit::{self, Entry, action};
use crate::ids::new_id;
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

/// Creates an empty questionnaire in `lang`; its creator owns it.
pub async fn create(
    core: &Core,
    user: &User,
    title: &str,
    lang: &str,
    actor: &Actor,
) -> Result<String> {
    let mut e = FieldErrors::default();
    let title = validate::text(&mut e, "title", title, true, 300);
    if !SPOKEN_LANGUAGES.contains(&lang) {
        e.add("language", "field-choice-invalid");
    }
    e.into_result()?;
    let mut def = Definition::new(lang, &title);
    def.sections.push(Section {
        name: "s1".into(),
        title: Text::default(),
        description: Text::default(),
        condition: String::new(),
        questions: vec![],
    });
    insert_new(core, user, &def, actor, false).await
}

/// Stores a new questionnaire (draft, anonymous, anyone with the link) with `def` as version 1.
pub(super) async fn insert_new(
    core: &Core,
    user: &User,
    def: &Definition,
    actor: &Actor,
    is_demo: bool,
) -> Result<String> {
    if !policy::may_create(Some(user)) {
        return Err(Error::Forbidden);
    }
    let now = core.clock.unix();
    let id = new_id();
    let row = QuestionnaireRow {
        id: id.clone(),
        owner_id: Some(user.id.clone()),
        title: def.title.get(def.default_language(), "fr").to_owned(),
        version: 1,
        status: QuestionnaireStatus::Draft.code().into(),
        opens_at: None,
        closes_at: None,
        audience: Audience::Link.code().into(),
        mode: Mode::Anonymous.code().into(),
        allow_edit: 0,
        created_at: now,
        updated_at: now,
    };
    let mut tx = core.db.begin().await?;
    store::insert(&mut tx, &row, is_demo).await?;
    store::insert_version(&mut tx, &id, 1, def, now).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::QUESTIONNAIRE_CREATED)
            .target("questionnaire", &id)
            .subject(&row.title),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A copy of the current version, as a new draft owned by `user` (no responses, codes or
/// invitations).
pub async fn duplicate(core: &Core, user: &User, id: &str, actor: &Actor) -> Result<String> {
    let loaded = super::load_managed(core, user, id).await?;
    let mut def = loaded.def;
    let lang = def.default_language().to_owned();
    let title = format!(
        "{} ({})",
        def.title.get(&lang, &lang),
        crate::Locale::parse(&lang)
            .unwrap_or_default()
            .t("questionnaire-copy-suffix")
    );
    def.title.set(&lang, &title);
    insert_new(core, user, &def, actor, false).await
}

/// Applies `change` to the current definition in one transaction. Conditions are checked after
/// the change; a version answered by anyone is left as it was and the change becomes the next
/// version.
pub(super) async fn edit<T>(
    core: &Core,
    user: &User,
    id: &str,
    actor: &Actor,
    act: (&'static str, &str),
    change: impl FnOnce(&mut Definition, &mut QuestionnaireRow) -> Result<T>,
) -> Result<T> {
    let mut tx = core.db.begin().await?;
    let mut row = store::find(&mut tx, id).await?.ok_or(Error::NotFound)?;
    if !policy::may_manage(Some(user), &row) {
        return Err(Error::NotFound);
    }
    let mut def = load_definition(&mut tx, id, row.version).await?;
    let before = def.clone();
    let out = change(&mut def, &mut row)?;
    if !expr::check(&def).is_empty() {
        return Err(Error::Conflict("questionnaire-conditions-broken"));
    }
    let now = core.clock.unix();
    if def != before {
        if store::responses_on_version(&mut tx, id, row.version).await? > 0 {
            row.version += 1;
            store::insert_version(&mut tx, id, row.version, &def, now).await?;
        } else {
            store::replace_version(&mut tx, id, row.version, &def).await?;
        }
    }
    row.title = def.title.get(def.default_language(), "fr").to_owned();
    row.updated_at = now;
    store::update(&mut tx, &row).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(act.0)
            .target("questionnaire", id)
            .subject(&row.title)
            .details(act.1),
    )
    .await?;
    tx.commit().await?;
    Ok(out)
}

pub(super) const CHANGED: (&str, &str) = (action::QUESTIONNAIRE_CHANGED, "");

/// Texts typed per language: language code → text.
pub type PerLang = BTreeMap<String, String>;

pub(super) fn set_texts(
    e: &mut FieldErrors,
    field: &'static str,
    target: &mut Text,
    typed: &PerLang,
    langs: &[String],
    max: usize,
) {
    for lang in langs {
        let v = typed.get(lang).map(String::as_str).unwrap_or("");
        if v.trim().chars().count() > max {
            e.add(field, "field-too-long");
        }
        if v.trim() != target.exact(lang) {
            target.set(lang, v);
        }
    }
}

/// The settings form, as typed.
#[derive(Debug, Clone, Default)]
pub struct SettingsInput {
    pub languages: Vec<String>,
    pub title: PerLang,
    pub intro: PerLang,
    pub closing: PerLang,
    pub consent: PerLang,
    /// `YYYY-MM-DD`, or empty.
    pub opens_on: String,
    pub closes_on: String,
    pub audience: String,
    pub mode: String,
    pub allow_edit: bool,
}

impl SettingsInput {
    pub fn from(loaded: &Loaded) -> SettingsInput {
        let per = |t: &Text| -> PerLang { t.t.clone() };
        let day = |at: Option<i64>, end: bool| {
            at.map(|t| {
                let t = if end { t - 1 } else { t };
                crate::clock::format_instant(t)[..10].to_owned()
            })
            .unwrap_or_default()
        };
        SettingsInput {
            languages: loaded.def.languages.clone(),
            title: per(&loaded.def.title),
            intro: per(&loaded.def.intro),
            closing: per(&loaded.def.closing),
            consent: per(&loaded.def.consent),
            opens_on: day(loaded.row.opens_at, false),
            closes_on: day(loaded.row.closes_at, true),
            audience: loaded.row.audience.clone(),
            mode: loaded.row.mode.clone(),
            allow_edit: loaded.row.allow_edit == 1,
        }
    }
}

/// Midnight UTC starting `YYYY-MM-DD`.
fn day_start(e: &mut FieldErrors, field: &'static str, value: &str) -> Option<i64> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    match time::Date::parse(value, fmt) {
        Ok(d) => Some(d.midnight().assume_utc().unix_timestamp()),
        Err(_) => {
            e.add(field, "field-date-invalid");
            None
        }
    }
}

pub async fn update_settings(
    core: &Core,
    user: &User,
    id: &str,
    input: &SettingsInput,
    actor: &Actor,
) -> Result<()> {
    edit(core, user, id, actor, CHANGED, |def, row| {
        let mut e = FieldErrors::default();
        let mut langs: Vec<String> = Vec::new();
        for l in &input.languages {
            if !SPOKEN_LANGUAGES.contains(&l.as_str()) {
                e.add("languages", "field-choice-invalid");
            } else if !langs.contains(l) {
                langs.push(l.clone());
            }
        }
        if langs.is_empty() {
            e.add("languages", "field-required");
            langs = def.languages.clone();
        }
        // Keep the default language first when it is still chosen.
        if let Some(first) = def.languages.first()
            && let Some(i) = langs.iter().position(|l| l == first)
        {
            let l = langs.remove(i);
            langs.insert(0, l);
        }
        set_texts(&mut e, "title", &mut def.title, &input.title, &langs, 300);
        set_texts(&mut e, "intro", &mut def.intro, &input.intro, &langs, 8000);
        set_texts(
            &mut e,
            "closing",
            &mut def.closing,
            &input.closing,
            &langs,
            4000,
        );
        set_texts(
            &mut e,
            "consent",
            &mut def.consent,
            &input.consent,
            &langs,
            4000,
        );
        if def.title.exact(&langs[0]).is_empty() {
            e.add("title", "field-required");
        }
        def.languages = langs;
        let opens = day_start(&mut e, "opens_on", &input.opens_on);
        let closes = day_start(&mut e, "closes_on", &input.closes_on).map(|t| t + 86_400);
        if let (Some(o), Some(c)) = (opens, closes)
            && c <= o
        {
            e.add("closes_on", "field-range-inverted");
        }
        let audience = validate::choice(
            &mut e,
            "audience",
            &input.audience,
            Audience::parse,
            Audience::Link,
        );
        let mode = validate::choice(&mut e, "mode", &input.mode, Mode::parse, Mode::Anonymous);
        if mode == Mode::Anonymous && input.allow_edit {
            // Editing after submission needs a way back to the response, which anonymity
            // forbids keeping.
            e.add("allow_edit", "questionnaire-edit-needs-link");
        }
        if mode == Mode::Identified && audience == Audience::Link {
            e.add("mode", "questionnaire-identified-needs-accounts");
        }
        e.into_result()?;
        row.opens_at = opens;
        row.closes_at = closes;
        row.audience = audience.code().into();
        row.mode = mode.code().into();
        row.allow_edit = i64::from(input.allow_edit);
        Ok(())
    })
    .await
}

/// A section form, as typed.
#[derive(Debug, Clone, Default)]
pub struct SectionInput {
    pub title: PerLang,
    pub description: PerLang,
    pub condition: String,
}

/// Adds a section at the end (`existing` `None`) or edits one; returns its name.
pub async fn save_section(
    core: &Core,
    user: &User,
    id: &str,
    existing: Option<&str>,
    input: &SectionInput,
    actor: &Actor,
) -> Result<String> {
    edit(core, user, id, actor, CHANGED, |def, _| {
        let mut e = FieldErrors::default();
        let index = match existing {
            Some(name) => def.section_index(name).ok_or(Error::NotFound)?,
            None => {
                let name = (def.sections.len() + 1..)
                    .map(|n| format!("s{n}"))
                    .find(|n| !def.name_taken(n))
                    .unwrap_or_else(new_id);
                def.sections.push(Section {
                    name,
                    title: Text::default(),
                    description: Text::default(),
                    condition: String::new(),
                    questions: vec![],
                });
                def.sections.len() - 1
            }
        };
        let langs = def.languages.clone();
        let mut s = def.sections[index].clone();
        set_texts(&mut e, "title", &mut s.title, &input.title, &langs, 300);
        set_texts(
            &mut e,
            "description",
            &mut s.description,
            &input.description,
            &langs,
            4000,
        );
        s.condition = input.condition.trim().to_owned();
        let name = s.name.clone();
        def.sections[index] = s;
        condition_errors(def, &name, &mut e);
        e.into_result()?;
        Ok(name)
    })
    .await
}

/// Puts the first problem of `owner`'s condition on the `condition` field.
pub(super) fn condition_errors(def: &Definition, owner: &str, e: &mut FieldErrors) {
    if let Some(p) = expr::check(def).into_iter().find(|p| p.owner == owner) {
        e.add("condition", p.error.code());
    } else if let Some(p) = expr::check(def).into_iter().find(
        |p| matches!(&p.error, ConditionError::Cycle(path) if path.iter().any(|n| n == owner)),
    ) {
        e.add("condition", p.error.code());
    }
}

/// Removes a question or a section (with its questions). Refused while a condition reads it.
pub async fn remove(core: &Core, user: &User, id: &str, name: &str, actor: &Actor) -> Result<()> {
    edit(core, user, id, actor, CHANGED, |def, _| {
        if let Some(s) = def.section_index(name) {
            if def.sections.len() == 1 {
                return Err(Error::Conflict("questionnaire-last-section"));
            }
            def.sections.remove(s);
        } else if let Some((s, i)) = def.position(name) {
            def.sections[s].questions.remove(i);
        } else {
            return Err(Error::NotFound);
        }
        if !expr::check(def).is_empty() {
            return Err(Error::Conflict("questionnaire-still-referenced"));
        }
        Ok(())
    })
    .await
}

/// Moves a question (across section boundaries at the ends) or a section one step.
pub async fn move_item(
    core: &Core,
    user: &User,
    id: &str,
    name: &str,
    up: bool,
    actor: &Actor,
) -> Result<()> {
    edit(core, user, id, actor, CHANGED, |def, _| {
        if let Some(s) = def.section_index(name) {
            let to = if up { s.checked_sub(1) } else { Some(s + 1) };
            if let Some(to) = to.filter(|t| *t < def.sections.len()) {
                def.sections.swap(s, to);
            }
        } else if let Some((s, i)) = def.position(name) {
            let n = def.sections[s].questions.len();
            if up && i > 0 {
                def.sections[s].questions.swap(i, i - 1);
            } else if !up && i + 1 < n {
                def.sections[s].questions.swap(i, i + 1);
            } else if up && s > 0 {
                let q = def.sections[s].questions.remove(i);
                def.sections[s - 1].questions.push(q);
            } else if !up && s + 1 < def.sections.len() {
                let q = def.sections[s].questions.remove(i);
                def.sections[s + 1].questions.insert(0, q);
            }
        } else {
            return Err(Error::NotFound);
        }
        if !expr::check(def).is_empty() {
            return Err(Error::Conflict("questionnaire-move-breaks-condition"));
        }
        Ok(())
    })
    .await
}

/// Opens (publishes) or closes a questionnaire. Opening needs at least one question.
pub async fn set_status(
    core: &Core,
    user: &User,
    id: &str,
    status: &str,
    actor: &Actor,
) -> Result<()> {
    let now = core.clock.unix();
    let parsed = QuestionnaireStatus::parse(status);
    let act = (action::QUESTIONNAIRE_STATUS_CHANGED, status);
    edit(core, user, id, actor, act, |def, row| {
        // Checked once the questionnaire is known to be the user's (deny first).
        let status = parsed.ok_or(Error::Conflict("stale-status"))?;
        if status == QuestionnaireStatus::Open && def.questions().next().is_none() {
            return Err(Error::Conflict("questionnaire-empty"));
        }
        row.status = status.code().into();
        // Closing now ends answering now; reopening lifts a closing date already passed.
        if status == QuestionnaireStatus::Closed {
            row.closes_at = Some(row.closes_at.map_or(now, |c| c.min(now)));
        } else if row.closes_at.is_some_and(|c| c <= now) {
            row.closes_at = None;
        }
        Ok(())
    })
    .await
}
