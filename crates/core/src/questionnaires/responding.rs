//! Answering: the welcome page, one section per page with a draft saved on every page, the
//! private resume link, submission (once), and the anonymity rules.
//!
//! A respondent is known by the token of their resume link (`/r/{token}/…`), so answering needs
//! no account and no cookie: a closed browser or an expired session loses nothing saved. In
//! anonymous mode, submitting removes everything that could lead back to the respondent: the
//! account, the token's hash and the invitation leave the response; the hash moves to
//! `spent_tokens`, unlinked, so that a second submission is recognised and recorded once.

use super::answers::{self, AnswerError, Given, Visibility};
use super::load_definition;
use super::model::*;
use super::store::{self, QuestionnaireRow, ResponseRow};
use crate::accounts::User;
use crate::ids::{hash_token, new_id, new_token};
use crate::mail::{self, Message};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Locale, Result};

/// Whether answers are taken now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenState {
    /// Not published yet.
    Draft,
    /// Published, before its opening date.
    NotYet,
    Open,
    Closed,
}

pub fn open_state(row: &QuestionnaireRow, now: i64) -> OpenState {
    match QuestionnaireStatus::parse(&row.status) {
        Some(QuestionnaireStatus::Draft) | None => OpenState::Draft,
        Some(QuestionnaireStatus::Closed) => OpenState::Closed,
        Some(QuestionnaireStatus::Open) => {
            if row.closes_at.is_some_and(|c| c <= now) {
                OpenState::Closed
            } else if row.opens_at.is_some_and(|o| o > now) {
                OpenState::NotYet
            } else {
                OpenState::Open
            }
        }
    }
}

/// What the welcome page shows.
#[derive(Debug, Clone)]
pub struct Welcome {
    pub row: QuestionnaireRow,
    pub def: Definition,
    pub state: OpenState,
    pub minutes: u64,
    /// The signed-in person already submitted (signed-in audiences).
    pub already_answered: bool,
    /// The signed-in person has a draft here: the page offers to continue it.
    pub has_draft: bool,
}

/// The welcome page of a published questionnaire; drafts are not found.
pub async fn welcome(core: &Core, id: &str, user: Option<&User>) -> Result<Welcome> {
    let mut conn = core.db.pool.acquire().await?;
    let row = store::find(&mut conn, id).await?.ok_or(Error::NotFound)?;
    let state = open_state(&row, core.clock.unix());
    if state == OpenState::Draft {
        return Err(Error::NotFound);
    }
    let def = load_definition(&mut conn, id, row.version).await?;
    let (already_answered, has_draft) = match user {
        Some(u) => {
            let mine = store::response_of_user(&mut conn, id, &u.id).await?;
            (
                store::has_participated(&mut conn, id, &u.id).await?
                    || mine.as_ref().is_some_and(|r| r.status == "submitted"),
                mine.is_some_and(|r| r.status == "draft"),
            )
        }
        None => (false, false),
    };
    Ok(Welcome {
        has_draft,
        minutes: def.estimated_minutes(),
        row,
        def,
        state,
        already_answered,
    })
}

/// The start form, as typed.
#[derive(Debug, Clone, Default)]
pub struct StartInput {
    pub language: String,
    pub pseudonym: String,
    /// The token of an invitation link, for invited audiences.
    pub invitation: String,
}

/// Starts (or, for a signed-in person with a draft, resumes) a response; returns the token of
/// its private link.
pub async fn start(
    core: &Core,
    id: &str,
    user: Option<&User>,
    input: &StartInput,
) -> Result<String> {
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let row = store::find(&mut tx, id).await?.ok_or(Error::NotFound)?;
    match open_state(&row, now) {
        OpenState::Draft => return Err(Error::NotFound),
        OpenState::NotYet => return Err(Error::Conflict("questionnaire-not-open")),
        OpenState::Closed => return Err(Error::Conflict("questionnaire-closed")),
        OpenState::Open => {}
    }
    let audience = Audience::parse(&row.audience).unwrap_or(Audience::Link);
    let mode = Mode::parse(&row.mode).unwrap_or(Mode::Anonymous);
    let def = load_definition(&mut tx, id, row.version).await?;
    let mut e = FieldErrors::default();
    let pseudonym = if mode == Mode::Pseudonymous {
        validate::text(&mut e, "pseudonym", &input.pseudonym, true, 80)
    } else {
        String::new()
    };
    e.into_result()?;
    let user_id = match (audience, user) {
        (Audience::SignedIn, None) => return Err(Error::Unauthenticated),
        (_, _) if mode == Mode::Identified && user.is_none() => return Err(Error::Unauthenticated),
        (Audience::Link, _) if mode != Mode::Identified => None,
        (_, u) => u.map(|u| u.id.clone()),
    };
    let token = new_token()?;
    // A signed-in person's own response first (a draft, one given back, one still editable),
    // whatever link they came by: the invitation was checked when it was started.
    if let Some(uid) = &user_id {
        if let Some(existing) = store::response_of_user(&mut tx, id, uid).await? {
            if existing.status == "submitted" && row.allow_edit == 0 {
                return Err(Error::Conflict("questionnaire-already-answered"));
            }
            // A new private link for the same response: the old link stops working.
            store::set_resume_hash(&mut tx, &existing.id, &hash_token(&token)).await?;
            tx.commit().await?;
            return Ok(token);
        }
        // Anonymous responses keep no account: participation is all that is known.
        if store::has_participated(&mut tx, id, uid).await? {
            return Err(Error::Conflict("questionnaire-already-answered"));
        }
    }
    let invitation_id = if audience == Audience::Invited {
        let inv = store::invitation_by_token(&mut tx, id, &hash_token(&input.invitation))
            .await?
            .ok_or(Error::Conflict("questionnaire-invitation-needed"))?;
        if inv.1.is_some() {
            return Err(Error::Conflict("questionnaire-already-answered"));
        }
        Some(inv.0)
    } else {
        None
    };
    if let Some(inv) = &invitation_id
        && let Some(draft) = store::draft_of_invitation(&mut tx, inv).await?
    {
        // The same invitation again: back to its draft, with a new private link.
        store::set_resume_hash(&mut tx, &draft, &hash_token(&token)).await?;
        tx.commit().await?;
        return Ok(token);
    }
    let language = def.language_for(&input.language).to_owned();
    let response = ResponseRow {
        id: new_id(),
        questionnaire_id: id.to_owned(),
        version: row.version,
        status: ResponseStatus::Draft.code().into(),
        user_id,
        pseudonym,
        invitation_id,
        language,
        page: 0,
        started_at: now,
        updated_at: now,
        submitted_at: None,
    };
    store::insert_response(&mut tx, &response, Some(&hash_token(&token)), false).await?;
    tx.commit().await?;
    Ok(token)
}

/// A response in progress, as its private link finds it.
#[derive(Debug, Clone)]
pub struct Sitting {
    pub response: ResponseRow,
    pub row: QuestionnaireRow,
    pub def: Definition,
    pub given: Given,
    pub visibility: Visibility,
    pub state: OpenState,
}

impl Sitting {
    /// The language the respondent reads.
    pub fn lang(&self) -> &str {
        self.def.language_for(&self.response.language)
    }

    /// Section indexes shown, in order.
    pub fn pages(&self) -> Vec<usize> {
        self.visibility.pages()
    }

    /// Whether answers may still change (drafts; submitted ones when editing is allowed).
    pub fn editable(&self) -> bool {
        self.state == OpenState::Open
            && (self.response.status == "draft" || self.row.allow_edit == 1)
    }
}

/// What a private link leads to.
pub enum Resume {
    Active(Box<Sitting>),
    /// An anonymous response already submitted: the questionnaire it belonged to.
    Spent(String),
}

async fn load_sitting(conn: &mut sqlx::AnyConnection, core: &Core, token: &str) -> Result<Resume> {
    let hash = hash_token(token);
    let Some(response) = store::response_by_resume(conn, &hash).await? else {
        return match store::spent_token(conn, &hash).await? {
            Some(q) => Ok(Resume::Spent(q)),
            None => Err(Error::NotFound),
        };
    };
    let row = store::find(conn, &response.questionnaire_id)
        .await?
        .ok_or(Error::NotFound)?;
    let def = load_definition(conn, &row.id, response.version).await?;
    let given = Given::from_rows(store::answers(conn, &response.id).await?);
    let visibility = answers::visibility(&def, &given);
    Ok(Resume::Active(Box::new(Sitting {
        state: open_state(&row, core.clock.unix()),
        response,
        row,
        def,
        given,
        visibility,
    })))
}

pub async fn resume(core: &Core, token: &str) -> Result<Resume> {
    let mut conn = core.db.pool.acquire().await?;
    load_sitting(&mut conn, core, token).await
}

/// What the respondent asked for with the page's buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Next,
    Previous,
    /// "Save and continue later".
    Later,
    Submit,
}

/// The outcome of a page sent.
#[derive(Debug)]
pub enum Saved {
    /// Show this section (index) next.
    Page(usize),
    /// The answers just given show questions on another page (index), not seen yet: show it
    /// before the response can be submitted.
    Unlocked(usize),
    /// Saved; show the private link.
    Later,
    /// Recorded (now or before): the questionnaire's id, for the thank-you page.
    Submitted(String),
    /// Refused: the typed answers to show again with their errors. In a draft, every valid
    /// answer of the page was saved; a submitted response being edited is left as it was.
    Invalid {
        sitting: Box<Sitting>,
        typed: Given,
        errors: Vec<AnswerError>,
    },
    /// The questionnaire closed meanwhile: what was saved before stays, and what this page
    /// held (`typed`) is shown again, not recorded.
    Closed { sitting: Box<Sitting>, typed: Given },
}

/// Saves one page (section `index`) of answers and works out where to go. `shown` names the
/// questions the page's form showed, `pages` the pages the questionnaire had when it was
/// drawn (empty when unknown: then the pages hidden before this save count as unseen).
pub async fn save_page(
    core: &Core,
    token: &str,
    index: usize,
    pairs: &[(String, String)],
    (shown, drawn): (&[String], &[usize]),
    step: Move,
) -> Result<Saved> {
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let mut s = match load_sitting(&mut tx, core, token).await? {
        Resume::Spent(q) => return Ok(Saved::Submitted(q)),
        Resume::Active(s) => s,
    };
    let section = s.def.sections.get(index).ok_or(Error::NotFound)?.clone();
    let parsed = answers::parse_section(&section, pairs);
    if parsed.tampered {
        return Err(Error::Conflict("answer-tampered"));
    }
    if s.state != OpenState::Open {
        return Ok(Saved::Closed {
            sitting: s,
            typed: parsed.given,
        });
    }
    if !s.editable() {
        return Ok(Saved::Submitted(s.row.id.clone()));
    }
    // The page's answers replace what was saved for its questions, except those refused,
    // which keep their saved value until a valid one comes.
    let mut errors = parsed.errors;
    let refused: Vec<String> = errors.iter().map(|e| e.question.clone()).collect();
    let mut given = s.given.clone();
    for q in &section.questions {
        if !refused.contains(&q.name) {
            given.0.remove(&q.name);
        }
    }
    given.0.extend(
        parsed
            .given
            .0
            .iter()
            .filter(|(q, _)| !refused.contains(q))
            .map(|(q, v)| (q.clone(), v.clone())),
    );
    let visibility = answers::visibility(&s.def, &given);
    errors.retain(|e| visibility.shows(&e.question));
    if matches!(step, Move::Next | Move::Submit) {
        answers::check_required(&section, &given, &visibility, &mut errors);
    }
    let submitted = s.response.status == "submitted";
    if !errors.is_empty() && submitted {
        // A recorded response changes all at once or not at all.
        return Ok(Saved::Invalid {
            sitting: s,
            typed: parsed.given,
            errors,
        });
    }
    let before = s.visibility.clone();
    write_page(&mut tx, &mut s, &section, given, visibility, index, now).await?;
    if !errors.is_empty() {
        tx.commit().await?;
        return Ok(Saved::Invalid {
            sitting: s,
            typed: parsed.given,
            errors,
        });
    }
    let pages = s.pages();
    let unseen = unseen_page(&s, &before, index, (shown, drawn));
    let outcome = match step {
        Move::Later => Saved::Later,
        Move::Previous => Saved::Page(
            pages
                .iter()
                .rev()
                .find(|p| **p < index)
                .copied()
                .unwrap_or(index),
        ),
        _ if unseen == Some(index) => Saved::Page(index),
        Move::Next => match (pages.iter().find(|p| **p > index), unseen) {
            (Some(p), _) => Saved::Page(*p),
            (None, Some(p)) => Saved::Unlocked(p),
            (None, None) => submit(&mut tx, &s, token, now).await?,
        },
        Move::Submit => match unseen {
            Some(p) => Saved::Unlocked(p),
            None => submit(&mut tx, &s, token, now).await?,
        },
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Writes the answers of one page (and drops those the conditions now hide), moving the
/// tallies of a submitted response being edited.
async fn write_page(
    tx: &mut sqlx::AnyConnection,
    s: &mut Sitting,
    section: &Section,
    mut given: Given,
    visibility: Visibility,
    index: usize,
    now: i64,
) -> Result<()> {
    let before: Vec<String> = s.given.0.keys().cloned().collect();
    answers::drop_hidden(&mut given, &visibility);
    let mut touched: Vec<String> = section.questions.iter().map(|q| q.name.clone()).collect();
    touched.extend(before.into_iter().filter(|q| !given.has(q)));
    touched.sort();
    touched.dedup();
    let rows: Vec<_> = given
        .rows()
        .into_iter()
        .filter(|(q, _, _)| touched.contains(q))
        .collect();
    let submitted = s.response.status == "submitted";
    if submitted {
        // An edit after submission moves the tallies from the old values to the new ones.
        let (old, old_q) = answers::tallied(&s.def, &s.given, Some(&touched));
        store::tally(tx, &s.row.id, &old, &old_q, -1).await?;
        let (new, new_q) = answers::tallied(&s.def, &given, Some(&touched));
        store::tally(tx, &s.row.id, &new, &new_q, 1).await?;
    }
    store::replace_answers(tx, &s.response.id, &s.row.id, &touched, &rows, submitted).await?;
    store::set_response_page(tx, &s.response.id, index as i64, now).await?;
    s.given = given;
    s.visibility = visibility;
    Ok(())
}

/// The first page holding a question the answers just given made relevant, not yet seen:
/// on this page, one its form did not show (`shown`); elsewhere, a page the form's
/// questionnaire did not have (`pages`; an autosave may have revealed it meanwhile), or when
/// that is unknown, one hidden before this save.
fn unseen_page(
    s: &Sitting,
    before: &Visibility,
    index: usize,
    (shown, pages): (&[String], &[usize]),
) -> Option<usize> {
    s.pages().into_iter().find(|p| {
        if *p != index && !pages.is_empty() {
            return !pages.contains(p);
        }
        s.def.sections[*p].questions.iter().any(|q| {
            q.kind() != Kind::Info
                && s.visibility.shows(&q.name)
                && if *p == index {
                    !shown.contains(&q.name)
                } else {
                    !before.shows(&q.name) || !before.sections.get(*p).copied().unwrap_or(false)
                }
        })
    })
}

/// Records the response unless a required question of a shown section is unanswered (then
/// that page is shown).
async fn submit(tx: &mut sqlx::AnyConnection, s: &Sitting, token: &str, now: i64) -> Result<Saved> {
    for p in s.pages() {
        let mut errors = Vec::new();
        answers::check_required(&s.def.sections[p], &s.given, &s.visibility, &mut errors);
        if !errors.is_empty() {
            return Ok(Saved::Page(p));
        }
    }
    if s.response.status == "submitted" {
        return Ok(Saved::Submitted(s.row.id.clone()));
    }
    let mode = Mode::parse(&s.row.mode).unwrap_or(Mode::Anonymous);
    let anonymous = mode == Mode::Anonymous;
    // Anonymous submissions keep only the day, so that the time cannot be matched with a log.
    let at = if anonymous {
        now - now.rem_euclid(86_400)
    } else {
        now
    };
    if store::submit_response(tx, &s.response.id, at, !anonymous).await? {
        let (values, answered) = answers::tallied(&s.def, &s.given, None);
        store::tally(tx, &s.row.id, &values, &answered, 1).await?;
        if anonymous {
            store::spend_token(tx, &hash_token(token), &s.row.id, now).await?;
        }
        if let Some(uid) = &s.response.user_id {
            store::record_participant(tx, &s.row.id, uid, now).await?;
        }
        if let Some(inv) = &s.response.invitation_id {
            store::invitation_answered(tx, inv, now).await?;
        }
    }
    Ok(Saved::Submitted(s.row.id.clone()))
}

/// E-mails the private link to `email` (not stored with the response).
pub async fn email_link(core: &Core, token: &str, email: &str, locale: Locale) -> Result<()> {
    let mut e = FieldErrors::default();
    let email = validate::email(&mut e, "email", email);
    e.into_result()?;
    let mut tx = core.db.begin().await?;
    let Resume::Active(s) = load_sitting(&mut tx, core, token).await? else {
        return Err(Error::NotFound);
    };
    let lang = s.lang().to_owned();
    let title = s.def.title.get(&lang, &lang).to_owned();
    let link = core.link(&format!("/r/{token}"));
    mail::enqueue(
        &mut tx,
        core.clock.unix(),
        &email,
        Locale::parse(&lang).unwrap_or(locale),
        &Message::QuestionnaireResume { title, link },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
