//! Capitalisation: what an immersion leaves behind once approved. Outputs (documents, tools,
//! publications, with a file or a link, shown on the programme's public page when public),
//! contacts to keep (only with the person's consent, visible to the agreement's parties only,
//! removable by any of them), and follow-up actions with due dates (reminded by e-mail when due).

use super::attachments::{self, Attachment, Upload};
use super::capitalisation_store::{self as store, FileOwner};
use super::{Agreement, AgreementStatus, Party};
use crate::accounts::User;
use crate::code_enum;
use crate::ids::new_id;
use crate::mail::{self, Message};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Locale, Result};

code_enum! {
    /// What an output is.
    pub enum OutputKind {
        Document = "document",
        Tool = "tool",
        Publication = "publication",
        Training = "training",
        Other = "other",
    }
}

code_enum! {
    /// Who sees an output.
    pub enum OutputVisibility {
        /// The agreement's parties (and administrators).
        Parties = "parties",
        /// Everyone, on the programme's public page.
        Public = "public",
    }
}

/// Something the immersion produced.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Output {
    pub id: String,
    pub agreement_id: String,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub url: String,
    pub visibility: String,
    pub author_id: Option<String>,
    pub author_name: String,
    pub created_at: i64,
}

/// A public output, as the programme's page lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PublicOutput {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub url: String,
    pub created_at: i64,
    pub host_organisation_name: String,
    pub attachment_id: Option<String>,
}

/// A person met during the immersion, kept with their consent.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub met_how: String,
    pub consent_note: String,
    pub consent_at: i64,
    pub author_id: Option<String>,
    pub author_name: String,
}

/// Something to do after the immersion, by someone, by a date.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowUpAction {
    pub id: String,
    pub agreement_id: String,
    pub description: String,
    pub owner_name: String,
    pub due_date: String,
    pub done_at: Option<i64>,
    pub done_by: String,
    pub author_name: String,
    pub created_at: i64,
}

impl FollowUpAction {
    pub fn is_done(&self) -> bool {
        self.done_at.is_some()
    }
    /// Open and due before `today` (`YYYY-MM-DD`).
    pub fn is_overdue(&self, today: &str) -> bool {
        !self.is_done() && self.due_date.as_str() < today
    }
}

/// The output form, as typed.
#[derive(Debug, Clone, Default)]
pub struct OutputInput {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub url: String,
    pub visibility: String,
}

/// The contact form, as typed.
#[derive(Debug, Clone, Default)]
pub struct ContactInput {
    pub name: String,
    pub organisation: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub met_how: String,
    pub consent: bool,
    pub consent_note: String,
}

/// The action form, as typed.
#[derive(Debug, Clone, Default)]
pub struct ActionInput {
    pub description: String,
    pub owner_name: String,
    pub due_date: String,
}

/// The capitalisation page's data, for one viewer.
#[derive(Debug, Clone)]
pub struct CapitalisationView {
    pub agreement: Agreement,
    pub outputs: Vec<Output>,
    pub files: Vec<Attachment>,
    /// `None` when the viewer is not a party (administrators do not see the contacts).
    pub contacts: Option<Vec<Contact>>,
    pub actions: Vec<FollowUpAction>,
    /// Capitalisation opens once the agreement is approved, and the viewer is a party.
    pub may_write: bool,
    pub is_open: bool,
    pub today: String,
    pub accepted_extensions: String,
}

impl CapitalisationView {
    /// The files attached to one output.
    pub fn files_of(&self, output_id: &str) -> Vec<&Attachment> {
        self.files
            .iter()
            .filter(|f| f.output_id.as_deref() == Some(output_id))
            .collect()
    }
    pub fn open_actions(&self) -> usize {
        self.actions.iter().filter(|a| !a.is_done()).count()
    }
}

fn is_open(a: &Agreement) -> bool {
    matches!(
        a.status(),
        AgreementStatus::Approved
            | AgreementStatus::Active
            | AgreementStatus::Completed
            | AgreementStatus::Terminated
    )
}

/// The agreement in the caller's transaction, checked for writing: a party, once approved.
async fn writable(
    conn: &mut sqlx::AnyConnection,
    user: &User,
    id: &str,
) -> Result<(Agreement, Vec<Party>)> {
    let (a, parties) = super::agreements::load_for(conn, user, id).await?;
    if parties.is_empty() {
        return Err(Error::Forbidden);
    }
    if !is_open(&a) {
        return Err(Error::Conflict("capitalisation-not-open"));
    }
    Ok((a, parties))
}

/// Everything the immersion left behind, as `user` may see it.
pub async fn capitalisation(core: &Core, user: &User, id: &str) -> Result<CapitalisationView> {
    let mut conn = core.db.pool.acquire().await?;
    let (agreement, parties) = super::agreements::load_for(&mut conn, user, id).await?;
    let contacts = if parties.is_empty() {
        None
    } else {
        Some(store::contacts_of(&mut conn, id).await?)
    };
    let files = store::attachments_of(&mut conn, id)
        .await?
        .into_iter()
        .filter(|f| f.output_id.is_some())
        .collect();
    Ok(CapitalisationView {
        outputs: store::outputs_of(&mut conn, id).await?,
        files,
        contacts,
        actions: store::actions_of(&mut conn, id).await?,
        may_write: !parties.is_empty() && is_open(&agreement),
        is_open: is_open(&agreement),
        today: super::today(core),
        accepted_extensions: attachments::accept_attribute(),
        agreement,
    })
}

/// Adds an output, with its files, in one transaction.
pub async fn add_output(
    core: &Core,
    user: &User,
    id: &str,
    input: &OutputInput,
    uploads: &[Upload],
) -> Result<()> {
    let mut e = FieldErrors::default();
    let kind = validate::choice(
        &mut e,
        "kind",
        &input.kind,
        OutputKind::parse,
        OutputKind::Document,
    );
    let title = validate::text(&mut e, "title", &input.title, true, 200);
    let description = validate::text(&mut e, "description", &input.description, false, 4000);
    let url = validate::website(&mut e, "url", &input.url);
    let visibility = validate::choice(
        &mut e,
        "visibility",
        &input.visibility,
        OutputVisibility::parse,
        OutputVisibility::Parties,
    );
    let files = attachments::check(&mut e, "files", uploads, core.config.max_upload_bytes);
    let mut tx = core.db.begin().await?;
    writable(&mut tx, user, id).await?;
    e.into_result()?;
    let now = core.clock.unix();
    let output = Output {
        id: new_id(),
        agreement_id: id.to_owned(),
        kind: kind.code().to_owned(),
        title,
        description,
        url,
        visibility: visibility.code().to_owned(),
        author_id: Some(user.id.clone()),
        author_name: user.display_name.clone(),
        created_at: now,
    };
    store::insert_output(&mut tx, &output).await?;
    attachments::store_files(
        &mut tx,
        now,
        FileOwner::Output {
            agreement_id: id,
            output_id: &output.id,
        },
        &user.id,
        &files,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes an output and its files: its author, the host, the coordinator.
pub async fn remove_output(core: &Core, user: &User, id: &str, output_id: &str) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (_, parties) = writable(&mut tx, user, id).await?;
    let output = store::output(&mut tx, output_id)
        .await?
        .filter(|o| o.agreement_id == id)
        .ok_or(Error::NotFound)?;
    if output.author_id.as_deref() != Some(user.id.as_str())
        && !super::agreements::may_manage(&parties)
    {
        return Err(Error::Forbidden);
    }
    store::delete_output(&mut tx, id, output_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Keeps a contact; the person's consent is required.
pub async fn add_contact(core: &Core, user: &User, id: &str, input: &ContactInput) -> Result<()> {
    let mut e = FieldErrors::default();
    let name = validate::text(&mut e, "name", &input.name, true, 200);
    let organisation = validate::text(&mut e, "organisation", &input.organisation, false, 200);
    let role = validate::text(&mut e, "role", &input.role, false, 200);
    let email = if input.email.trim().is_empty() {
        String::new()
    } else {
        validate::email(&mut e, "email", &input.email)
    };
    let phone = validate::text(&mut e, "phone", &input.phone, false, 40);
    let met_how = validate::text(&mut e, "met_how", &input.met_how, false, 1000);
    let consent_note = validate::text(&mut e, "consent_note", &input.consent_note, false, 500);
    if !input.consent {
        e.add("consent", "contact-consent-required");
    }
    let mut tx = core.db.begin().await?;
    writable(&mut tx, user, id).await?;
    e.into_result()?;
    let contact = Contact {
        id: new_id(),
        name,
        organisation,
        role,
        email,
        phone,
        met_how,
        consent_note,
        consent_at: core.clock.unix(),
        author_id: Some(user.id.clone()),
        author_name: user.display_name.clone(),
    };
    store::insert_contact(&mut tx, &contact, id).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a contact (any party: a person may ask any of them to be forgotten).
pub async fn remove_contact(core: &Core, user: &User, id: &str, contact_id: &str) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (_, parties) = super::agreements::load_for(&mut tx, user, id).await?;
    if parties.is_empty() {
        return Err(Error::Forbidden);
    }
    if !store::delete_contact(&mut tx, id, contact_id).await? {
        return Err(Error::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// Adds a follow-up action with its owner and due date.
pub async fn add_action(core: &Core, user: &User, id: &str, input: &ActionInput) -> Result<()> {
    let mut e = FieldErrors::default();
    let description = validate::text(&mut e, "description", &input.description, true, 1000);
    let owner_name = validate::text(&mut e, "owner_name", &input.owner_name, true, 200);
    let due_date = super::parse_date(&mut e, "due_date", &input.due_date);
    if due_date.is_empty() && e.get("due_date").is_none() {
        e.add("due_date", "field-required");
    }
    let mut tx = core.db.begin().await?;
    writable(&mut tx, user, id).await?;
    e.into_result()?;
    let action = FollowUpAction {
        id: new_id(),
        agreement_id: id.to_owned(),
        description,
        owner_name,
        due_date,
        done_at: None,
        done_by: String::new(),
        author_name: user.display_name.clone(),
        created_at: core.clock.unix(),
    };
    store::insert_action(&mut tx, &action, &user.id).await?;
    tx.commit().await?;
    Ok(())
}

/// Marks an action done (any party).
pub async fn complete_action(core: &Core, user: &User, id: &str, action_id: &str) -> Result<()> {
    let mut tx = core.db.begin().await?;
    writable(&mut tx, user, id).await?;
    if !store::complete_action(
        &mut tx,
        id,
        action_id,
        &user.display_name,
        core.clock.unix(),
    )
    .await?
    {
        return Err(Error::Conflict("action-already-done"));
    }
    tx.commit().await?;
    Ok(())
}

/// The public outputs of a programme's immersions (its public page).
pub async fn public_outputs(core: &Core, programme_id: &str) -> Result<Vec<PublicOutput>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::public_outputs(&mut conn, programme_id, 20).await?)
}

/// E-mails the author and the participant once when an open action falls due. Run by the
/// hourly sweep; returns how many e-mails were queued.
pub async fn remind_due_actions(core: &Core) -> Result<usize> {
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let mut sent = 0;
    for action in store::actions_due(&mut tx, &super::today(core)).await? {
        let offer = super::agreement_store::by_id(&mut tx, &action.agreement_id)
            .await?
            .map(|a| a.offer_title)
            .unwrap_or_default();
        let link = core.link(&format!(
            "/agreements/{}/capitalisation#actions",
            action.agreement_id
        ));
        for (email, locale) in store::action_recipients(&mut tx, &action.id).await? {
            let msg = Message::ActionDue {
                offer: offer.clone(),
                action: action.description.clone(),
                owner: action.owner_name.clone(),
                due: action.due_date.clone(),
                link: link.clone(),
            };
            let locale = Locale::parse(&locale).unwrap_or(Locale::Fr);
            mail::enqueue(&mut tx, now, &email, locale, &msg).await?;
            sent += 1;
        }
        store::mark_action_reminded(&mut tx, &action.id, now).await?;
    }
    tx.commit().await?;
    Ok(sent)
}
