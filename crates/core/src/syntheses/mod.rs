//! Syntheses (*documents de synthèse*): a coordinator gathers published sheets — by a saved
//! catalogue filter or by hand — and the synthesis shows their common threads, counted and
//! linked to their sources, around editorial sections the coordinator writes. Every save is a
//! revision; the public reads the last published one.

mod fixed;
mod saving;
pub mod store;
pub mod threads;

use serde::{Deserialize, Serialize};

use crate::accounts::{Actor, User};
use crate::audit::{self, Entry, action};
use crate::ids::new_id;
use crate::sheets::types::{DEFAULT_LANGUAGE, languages};
use crate::sheets::{self, catalogue, policy};
use crate::validate::FieldErrors;
use crate::{Core, Error, Result};
pub use fixed::view_revision;
pub use saving::{Conflict, Saved, keep_theirs, save};
use store::{RevisionRow, SynthesisRow};
pub use threads::{Source, Thread, Threads};

/// The most sheets one synthesis gathers.
pub const MAX_SHEETS: usize = 500;

/// What a coordinator writes and selects; one JSON document per revision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    pub title: String,
    #[serde(default)]
    pub introduction: String,
    #[serde(default)]
    pub development_conditions: String,
    #[serde(default)]
    pub recommendations: String,
    /// A catalogue query string (`q=…&themes=…`): the saved filter.
    #[serde(default)]
    pub query: String,
    /// Hand-picked sheets; when not empty, the filter only offered them.
    #[serde(default)]
    pub sheets: Vec<String>,
    /// The language the coordinator writes in, one of the sheets' languages (`fr` when none
    /// was chosen: syntheses written before had none).
    #[serde(default)]
    pub language: String,
}

impl Content {
    /// Reads and checks what a coordinator typed.
    pub fn parse(mut self) -> Result<Content> {
        let mut errors = FieldErrors::default();
        self.title = crate::validate::text(&mut errors, "title", &self.title, true, 200);
        for (field, value) in [
            ("introduction", &mut self.introduction),
            ("development_conditions", &mut self.development_conditions),
            ("recommendations", &mut self.recommendations),
        ] {
            *value = crate::validate::text(&mut errors, field, value, false, 40_000);
        }
        if self.query.chars().count() > 2000 {
            errors.add("query", "field-too-long");
        }
        if self.sheets.len() > MAX_SHEETS {
            errors.add("sheets", "synthesis-too-many-sheets");
        }
        self.language = self.language.trim().to_owned();
        if self.language.is_empty() {
            self.language = DEFAULT_LANGUAGE.into();
        } else if !languages().contains(&self.language) {
            errors.add("language", "field-choice-invalid");
        }
        self.sheets.dedup();
        errors.into_result()?;
        Ok(self)
    }

    /// The language the synthesis is written in.
    pub fn language(&self) -> &str {
        match self.language.as_str() {
            "" => DEFAULT_LANGUAGE,
            l => l,
        }
    }

    pub fn selection(&self) -> catalogue::Selection {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(self.query.as_bytes())
            .into_owned()
            .collect();
        catalogue::Selection::from_pairs(&pairs)
    }
}

/// A synthesis with its sheets and threads, as one viewer sees it.
#[derive(Debug, Clone)]
pub struct View {
    pub row: SynthesisRow,
    pub content: Content,
    /// The revision shown.
    pub revision: i64,
    /// The sheets the filter offers (all of them when the list is not hand-picked).
    pub offered: Vec<Source>,
    pub threads: Threads,
    pub revisions: Vec<RevisionRow>,
    pub may_edit: bool,
    /// The revision shown was published: its sheets are the ones fixed then.
    pub fixed: bool,
    /// For its editors: published sheets the selection matches now and the published revision
    /// does not hold (they reach readers with a new published revision).
    pub proposed: Vec<Source>,
}

fn revision_content(rev: &RevisionRow) -> Result<Content> {
    serde_json::from_str(&rev.content).map_err(|e| Error::Internal(format!("synthesis: {e}")))
}

/// Creates a synthesis from a catalogue query; coordinators only.
pub async fn create(
    core: &Core,
    user: &User,
    title: &str,
    query: &str,
    actor: &Actor,
) -> Result<String> {
    if !policy::may_coordinate(Some(user)) {
        return Err(Error::NotFound);
    }
    let content = Content {
        title: title.to_owned(),
        query: query.to_owned(),
        ..Default::default()
    }
    .parse()?;
    let now = core.clock.unix();
    let id = new_id();
    let mut tx = core.db.begin().await?;
    insert(&mut tx, user, &id, &content, now, false).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::SYNTHESIS_CHANGED).target("synthesis", &id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub(crate) async fn insert(
    conn: &mut sqlx::AnyConnection,
    user: &User,
    id: &str,
    content: &Content,
    now: i64,
    is_demo: bool,
) -> Result<()> {
    let row = SynthesisRow {
        id: id.to_owned(),
        status: "draft".into(),
        title: content.title.clone(),
        revision: 1,
        published_revision: None,
        created_by: Some(user.id.clone()),
        created_at: now,
        updated_at: now,
        published_at: None,
    };
    store::insert(conn, &row, is_demo).await?;
    let json = serde_json::to_string(content).map_err(|e| Error::Internal(e.to_string()))?;
    store::insert_revision(conn, id, 1, &json, &user.id, &user.display_name, "", now).await?;
    Ok(())
}

/// One sheet gathered: where it comes from, the revision read, its content.
pub(crate) type Gathered = (Source, i64, sheets::Content);

/// The sheets a synthesis gathers now: its hand-picked list or its filter, published only.
async fn gather(core: &Core, content: &Content) -> Result<(Vec<Source>, Vec<Gathered>)> {
    let mut offered_ids = catalogue::selection_ids(core, &content.selection()).await?;
    offered_ids.truncate(MAX_SHEETS);
    let chosen: Vec<String> = if content.sheets.is_empty() {
        offered_ids.clone()
    } else {
        content.sheets.clone()
    };
    let wanted: Vec<String> = offered_ids
        .iter()
        .chain(chosen.iter().filter(|c| !offered_ids.contains(c)))
        .cloned()
        .collect();
    // Read in chunks, a few queries for the whole selection; archived or unpublished sheets
    // are not returned, so they are left out.
    let mut published = std::collections::HashMap::new();
    let mut conn = core.db.pool.acquire().await?;
    for chunk in wanted.chunks(500) {
        for (id, number, json) in sheets::store::published_revisions(&mut conn, chunk).await? {
            let content: sheets::Content = serde_json::from_str(&json)
                .map_err(|e| Error::Internal(format!("sheet {id}: {e}")))?;
            published.insert(id, (number, content));
        }
    }
    let mut offered = vec![];
    let mut gathered = vec![];
    for id in &wanted {
        let Some((number, content)) = published.remove(id) else {
            continue;
        };
        let source = Source {
            id: id.clone(),
            title: content.text("title").to_owned(),
            lang: content.language().to_owned(),
        };
        offered.push(source.clone());
        if chosen.contains(id) {
            gathered.push((source, number, content));
        }
    }
    Ok((offered, gathered))
}

/// Reads a synthesis: the public gets its last published revision; coordinators the latest.
pub async fn view(core: &Core, user: Option<&User>, id: &str) -> Result<View> {
    fixed::view_revision(core, user, id, None).await
}

/// A synthesis's revisions, and two of them compared section by section.
#[derive(Debug, Clone)]
pub struct History {
    pub row: SynthesisRow,
    pub revisions: Vec<RevisionRow>,
    /// The two revisions compared.
    pub a: i64,
    pub b: i64,
    /// The sections that differ between the two revisions, in form order.
    pub diffs: Vec<sheets::compare::FieldDiff>,
}

/// Compares revisions `a` and `b` of a synthesis (coordinators; 0 for the default pair, see
/// `sheets::compare::pair`): its title, editorial sections, selection, and the titles of the
/// sheets kept by hand.
pub async fn history(core: &Core, user: &User, id: &str, a: i64, b: i64) -> Result<History> {
    if !policy::may_coordinate(Some(user)) {
        return Err(Error::NotFound);
    }
    let mut conn = core.db.pool.acquire().await?;
    let row = store::find(&mut conn, id).await?.ok_or(Error::NotFound)?;
    let (a, b) = sheets::compare::pair(a, b, row.revision);
    let revisions = store::revisions(&mut conn, id).await?;
    let mut texts = vec![];
    for n in [a, b] {
        let rev = store::revision(&mut conn, id, n)
            .await?
            .ok_or(Error::NotFound)?;
        let c = revision_content(&rev)?;
        let titles = sheets::store::titles(&mut conn, &c.sheets).await?;
        texts.push([
            ("title", c.title.clone()),
            ("language", c.language().to_owned()),
            ("introduction", c.introduction),
            ("development_conditions", c.development_conditions),
            ("recommendations", c.recommendations),
            ("query", c.query),
            ("sheets", titles.join("\n")),
        ]);
    }
    let diffs = texts[0]
        .iter()
        .zip(texts[1].iter())
        .filter(|((_, x), (_, y))| x != y)
        .map(|((field, x), (_, y))| {
            let (old, new) = sheets::compare::diff(x, y);
            sheets::compare::FieldDiff {
                field: (*field).to_owned(),
                changed: true,
                old,
                new,
            }
        })
        .collect();
    Ok(History {
        row,
        revisions,
        a,
        b,
        diffs,
    })
}

/// Publishes the latest revision (`publish`) or withdraws the synthesis from the public.
pub async fn set_published(
    core: &Core,
    user: &User,
    id: &str,
    publish: bool,
    actor: &Actor,
) -> Result<()> {
    if !policy::may_coordinate(Some(user)) {
        return Err(Error::NotFound);
    }
    // The sheets are gathered before the transaction (reads on other connections).
    let (read, live) = fixed::live_of_latest(core, id).await?;
    let mut tx = core.db.begin().await?;
    let row = store::find(&mut tx, id).await?.ok_or(Error::NotFound)?;
    if row.revision != read {
        return Err(Error::Conflict("sheet-changed-meanwhile"));
    }
    let now = core.clock.unix();
    let mut next = row.clone();
    if publish {
        let number = fixed::fix_latest(&mut tx, user, &row, &live, now).await?;
        next.revision = number;
        next.status = "published".into();
        next.published_revision = Some(number);
        next.published_at = Some(now);
    } else {
        next.status = "draft".into();
        next.published_revision = None;
    }
    next.updated_at = now;
    if !store::update(&mut tx, &next, row.revision).await? {
        return Err(Error::Conflict("sheet-changed-meanwhile"));
    }
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::SYNTHESIS_CHANGED)
            .target("synthesis", id)
            .details(&next.status),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Published syntheses, and drafts for coordinators.
pub async fn list(core: &Core, user: Option<&User>) -> Result<Vec<SynthesisRow>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::list(&mut conn, policy::may_coordinate(user)).await?)
}

/// The demo synthesis: the four priority themes of the census, published.
pub async fn load_demo(core: &Core, author: &User) -> Result<String> {
    let content = Content {
        title: "Pratiques émergentes : lignes de force des quatre thèmes prioritaires".into(),
        introduction: "Cette synthèse rassemble les fiches de pratiques émergentes repérées par le recensement sur les quatre thèmes prioritaires : conférences familiales, démarches d'*aller vers*, pair-aidance et coordination pluridisciplinaire. Les lignes de force ci-dessous sont comptées sur l'ensemble des fiches et renvoient à chacune.".into(),
        development_conditions: "Les pratiques se développent là où l'encadrement les soutient explicitement, où le temps qu'elles demandent est reconnu dans la charge de travail, et où une **formation commune** réunit les professionnels des différentes institutions.".into(),
        recommendations: "- Reconnaître le temps de préparation et de coordination dans l'organisation du travail.\n- Financer des formations communes entre institutions.\n- Évaluer sur deux entrées : le processus (ce qui est fait) et les effets pour les personnes.".into(),
        query: "category=emerging&category=re_emerging&category=little_known".into(),
        sheets: vec![],
        language: DEFAULT_LANGUAGE.into(),
    };
    let now = core.clock.unix();
    let id = new_id();
    let (_, gathered) = gather(core, &content).await?;
    let mut tx = core.db.begin().await?;
    insert(&mut tx, author, &id, &content, now, true).await?;
    let mut row = store::find(&mut tx, &id).await?.ok_or(Error::NotFound)?;
    let number = fixed::fix_latest(&mut tx, author, &row, &fixed::pairs(&gathered), now).await?;
    row.status = "published".into();
    row.published_revision = Some(number);
    row.published_at = Some(now);
    store::update(&mut tx, &row, 1).await?;
    tx.commit().await?;
    Ok(id)
}
