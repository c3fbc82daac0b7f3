//! The alumni directory ("ask a former participant"): people whose immersion has ended may
//! opt in with a few words about themselves; signed-in people find them by programme or topic
//! and send them a question by e-mail, without ever seeing their address. Opting out removes
//! the entry at once. Coordinators' nudges about offers nobody applied to reach alumni too.

use super::capitalisation_store as store;
use crate::accounts::User;
use crate::ids::new_id;
use crate::mail::{self, Message};
use crate::text::{fold, query_words, split_list};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Locale, Result};

/// Questions one person may send through the directory per day.
pub const MAX_QUESTIONS_PER_DAY: i64 = 5;

/// One immersion of an alumnus, as the directory shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PastImmersion {
    pub user_id: String,
    pub programme_name: String,
    pub programme_slug: String,
    pub host_organisation_name: String,
    pub offer_title: String,
    pub country: String,
    pub start: String,
}

/// A directory entry.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AlumniProfile {
    pub user_id: String,
    pub display_name: String,
    pub organisation_label: String,
    pub bio: String,
    pub topics: String,
    pub joined_at: i64,
}

impl AlumniProfile {
    pub fn topic_list(&self) -> Vec<String> {
        split_list(&self.topics)
    }
}

/// An alumnus and their ended immersions.
#[derive(Debug, Clone)]
pub struct Alumnus {
    pub profile: AlumniProfile,
    pub immersions: Vec<PastImmersion>,
}

/// The viewer's own standing towards the directory.
#[derive(Debug, Clone)]
pub struct MyAlumni {
    /// Whether the viewer took part in an immersion that has ended.
    pub eligible: bool,
    pub profile: Option<AlumniProfile>,
}

/// Who may join: participants of an immersion that has ended.
pub async fn my_alumni(core: &Core, user: &User) -> Result<MyAlumni> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(MyAlumni {
        eligible: !store::past_immersions(&mut conn, Some(&user.id))
            .await?
            .is_empty(),
        profile: store::alumni_profile(&mut conn, &user.id).await?,
    })
}

/// Joins the directory, or updates one's entry.
pub async fn join_alumni(core: &Core, user: &User, bio: &str, topics: &str) -> Result<()> {
    let mut e = FieldErrors::default();
    let bio = validate::text(&mut e, "bio", bio, true, 2000);
    let topics: Vec<String> = split_list(topics)
        .into_iter()
        .map(|t| t.to_lowercase())
        .collect();
    if topics.len() > 12 || topics.iter().any(|t| t.chars().count() > 60) {
        e.add("topics", "logbook-tags-invalid");
    }
    e.into_result()?;
    let mut tx = core.db.begin().await?;
    if store::past_immersions(&mut tx, Some(&user.id))
        .await?
        .is_empty()
    {
        return Err(Error::Conflict("alumni-not-eligible"));
    }
    store::upsert_alumni(
        &mut tx,
        &user.id,
        &bio,
        &topics.join(","),
        core.clock.unix(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Leaves the directory.
pub async fn leave_alumni(core: &Core, user: &User) -> Result<()> {
    let mut conn = core.db.pool.acquire().await?;
    store::delete_alumni(&mut conn, &user.id).await?;
    Ok(())
}

/// The directory, filtered by programme slug and words (name, topics, bio, host, title).
pub async fn alumni_directory(core: &Core, programme: &str, q: &str) -> Result<Vec<Alumnus>> {
    let mut conn = core.db.pool.acquire().await?;
    let profiles = store::alumni_profiles(&mut conn).await?;
    let immersions = store::past_immersions(&mut conn, None).await?;
    let words = query_words(q, 6);
    Ok(profiles
        .into_iter()
        .filter_map(|profile| {
            let mine: Vec<PastImmersion> = immersions
                .iter()
                .filter(|i| i.user_id == profile.user_id)
                .cloned()
                .collect();
            if mine.is_empty() {
                return None;
            }
            if !programme.is_empty() && !mine.iter().any(|i| i.programme_slug == programme) {
                return None;
            }
            let haystack = fold(&format!(
                "{} {} {} {} {}",
                profile.display_name,
                profile.topics,
                profile.bio,
                profile.organisation_label,
                mine.iter()
                    .map(|i| format!(
                        "{} {} {}",
                        i.host_organisation_name, i.offer_title, i.country
                    ))
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
            if !words.iter().all(|w| haystack.contains(w.as_str())) {
                return None;
            }
            Some(Alumnus {
                profile,
                immersions: mine,
            })
        })
        .collect())
}

/// One alumnus of the directory, with their past immersions.
pub async fn alumnus(core: &Core, user_id: &str) -> Result<Alumnus> {
    let mut conn = core.db.pool.acquire().await?;
    let profile = store::alumni_profile(&mut conn, user_id)
        .await?
        .ok_or(Error::NotFound)?;
    let immersions = store::past_immersions(&mut conn, Some(user_id)).await?;
    if immersions.is_empty() {
        return Err(Error::NotFound);
    }
    Ok(Alumnus {
        profile,
        immersions,
    })
}

/// Sends `question` to an alumnus by e-mail, with the asker's name and address so that the
/// answer goes straight to them. At most [`MAX_QUESTIONS_PER_DAY`] a day per asker.
pub async fn ask_alumnus(core: &Core, user: &User, alumnus_id: &str, question: &str) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let Some(profile) = store::alumni_profile(&mut tx, alumnus_id).await? else {
        return Err(Error::NotFound);
    };
    if profile.user_id == user.id {
        return Err(Error::Conflict("alumni-ask-self"));
    }
    let mut e = FieldErrors::default();
    let question = validate::text(&mut e, "question", question, true, 4000);
    if !question.is_empty() && question.chars().count() < 20 {
        e.add("question", "alumni-question-short");
    }
    e.into_result()?;
    let now = core.clock.unix();
    if store::questions_since(&mut tx, &user.id, now - 86_400).await? >= MAX_QUESTIONS_PER_DAY {
        return Err(Error::Conflict("alumni-ask-limit"));
    }
    let Some((email, locale, _)) = super::store::user_contact(&mut tx, alumnus_id).await? else {
        return Err(Error::NotFound);
    };
    let msg = Message::AlumniQuestion {
        asker: user.display_name.clone(),
        asker_email: user.email.clone(),
        question,
        link: core.link("/account/alumni"),
    };
    let locale = Locale::parse(&locale).unwrap_or(Locale::Fr);
    mail::enqueue(&mut tx, now, &email, locale, &msg).await?;
    store::insert_question(&mut tx, &new_id(), alumnus_id, &user.id, now).await?;
    tx.commit().await?;
    Ok(())
}

/// `(email, locale)` of the alumni a nudge about an offer goes to: those who took part in the
/// same programme, and those whose topics meet the offer's themes.
pub(super) async fn nudge_alumni(
    conn: &mut sqlx::AnyConnection,
    programme_id: &str,
    themes: &[String],
) -> Result<Vec<(String, String)>> {
    let themes: Vec<String> = themes.iter().map(|t| fold(t)).collect();
    let mut out: Vec<(String, String)> = Vec::new();
    for (email, locale, topics, programme) in store::alumni_contacts(conn).await? {
        let matches = programme == programme_id
            || split_list(&fold(&topics))
                .iter()
                .any(|t| themes.contains(t));
        if matches && !out.iter().any(|(e, _)| *e == email) {
            out.push((email, locale));
        }
    }
    Ok(out)
}
