//! The agreement page's data: the agreement as one of its parties sees it, with who signs,
//! the notices sent, and what the viewer may do.

use super::agreement_store as store;
use super::agreements::{load, may_edit, may_manage};
use super::signatures::{self, Notice, OrgSignatory, Signatory};
use super::{Agreement, AgreementStatus, Approval, Item, ItemKind, Party};
use crate::accounts::{Role, User};
use crate::{Core, Result};

/// An agreement as one of its parties sees it (without the confidential terms).
#[derive(Debug, Clone)]
pub struct AgreementView {
    pub agreement: Agreement,
    /// The parties the viewer may act for.
    pub my_parties: Vec<Party>,
    pub items: Vec<Item>,
    pub approvals: Vec<Approval>,
    /// Frozen versions, oldest first.
    pub versions: Vec<i64>,
    pub may_edit: bool,
    pub may_manage: bool,
    /// The parties the viewer signs for (see `signatures`).
    pub signs_as: Vec<Party>,
    /// Each organisation's named signatory.
    pub signatories: Vec<Signatory>,
    /// The parties whose signatory the viewer may name, with the listed signatories to choose
    /// from (`None`: typed in, a home employer not on Passerelle).
    pub naming: Vec<(Party, Option<Vec<OrgSignatory>>)>,
    /// The e-mails that told the parties of each step, newest first.
    pub notices: Vec<Notice>,
    /// The mailboxes of the participant and the coordinator, never offered as an
    /// organisation's signatory.
    pub own_mailboxes: Vec<String>,
    /// For the coordinator of an agreement not paired yet: the agreements going the other way,
    /// to pair it with.
    pub pair_candidates: Vec<Agreement>,
    /// Whether the viewer reads the immersion's access log (see [`access_log`]).
    pub may_read_access_log: bool,
    /// The current version's verification code (see [`verification_code`]), once frozen.
    pub code: Option<String>,
    /// When the parties will be asked to sign a version edited while signatures were being
    /// collected (`None` once asked).
    pub asking_at: Option<i64>,
}

impl AgreementView {
    /// Approvals of the current version.
    pub fn current_approvals(&self) -> Vec<&Approval> {
        self.approvals
            .iter()
            .filter(|a| a.version == self.agreement.version)
            .collect()
    }
    /// Required parties that have not approved the current version yet.
    pub fn missing_parties(&self) -> Vec<Party> {
        let done = self.current_approvals();
        self.agreement
            .required_parties()
            .into_iter()
            .filter(|p| !done.iter().any(|a| a.party == p.code()))
            .collect()
    }
    /// Parties the viewer may sign for now.
    pub fn may_approve_as(&self) -> Vec<Party> {
        if !signatures::awaiting_signatures(&self.agreement) {
            return vec![];
        }
        let missing = self.missing_parties();
        self.signs_as
            .iter()
            .copied()
            .filter(|p| missing.contains(p))
            .collect()
    }
    /// The named signatory of `party` (host or home).
    pub fn signatory(&self, party: &Party) -> Option<&Signatory> {
        self.signatories.iter().find(|s| s.party == party.code())
    }
    /// The status as the parties read it ("partially signed" included).
    pub fn display_status(&self) -> &'static str {
        self.agreement.display_status()
    }
    pub fn live_items(&self, kind: &str) -> Vec<&Item> {
        self.items
            .iter()
            .filter(|i| i.kind == kind && i.removed_at.is_none())
            .collect()
    }
}

/// The agreement as a document, the same for every reader: its lists, signatures, signatories,
/// notices and verification code; nothing the reader may do.
pub(in crate::immersions) async fn document_view(
    conn: &mut sqlx::AnyConnection,
    agreement: Agreement,
) -> Result<AgreementView> {
    let id = agreement.id.clone();
    let items = store::items(conn, &id).await?;
    let approvals = store::approvals(conn, &id).await?;
    let frozen = store::versions(conn, &id).await?;
    let code = frozen
        .iter()
        .find(|(v, _)| *v == agreement.version)
        .map(|(v, snapshot)| verification_code(&id, *v, snapshot));
    let versions = frozen.into_iter().map(|(v, _)| v).collect();
    let (signatories, notices) = signatures::signatories_and_notices(conn, &id).await?;
    Ok(AgreementView {
        agreement,
        my_parties: Vec::new(),
        items,
        approvals,
        versions,
        may_edit: false,
        may_manage: false,
        signs_as: Vec::new(),
        signatories,
        naming: Vec::new(),
        notices,
        own_mailboxes: Vec::new(),
        pair_candidates: Vec::new(),
        may_read_access_log: false,
        code,
        asking_at: None,
    })
}

/// The agreement page's data: the document, and what `user` may do with it.
pub async fn agreement_view(core: &Core, user: &User, id: &str) -> Result<AgreementView> {
    let mut conn = core.db.pool.acquire().await?;
    let (agreement, my_parties) = load(&mut conn, user, id).await?;
    let mut view = document_view(&mut conn, agreement).await?;
    let agreement = &view.agreement;
    view.signs_as = super::approvals::parties_signed_by(&mut conn, user, agreement).await?;
    view.own_mailboxes = signatures::own_mailboxes(&mut conn, agreement).await?;
    if my_parties.contains(&Party::Coordinator) || user.role == Role::Administrator {
        view.pair_candidates = store::reciprocal_candidates(&mut conn, agreement).await?;
    }
    view.may_read_access_log = may_read_access_log(&mut conn, user, agreement).await?;
    view.asking_at = signatures::asking_at(&mut conn, core, agreement).await?;
    drop(conn);
    let may_name = if agreement.status().is_editable() {
        signatures::may_name(agreement, &my_parties)
    } else {
        Vec::new()
    };
    view.naming = signatures::signatory_choices(core, agreement)
        .await?
        .into_iter()
        .filter(|(p, _)| may_name.contains(p))
        .collect();
    view.may_edit = may_edit(agreement, &my_parties);
    view.may_manage = may_manage(&my_parties);
    view.my_parties = my_parties;
    Ok(view)
}

/// Whether `user` reads the access log of `a`: an administrator of the host organisation (its
/// data-protection contact's organisation) or of the home employer, or a platform
/// administrator.
async fn may_read_access_log(
    conn: &mut sqlx::AnyConnection,
    user: &User,
    a: &Agreement,
) -> Result<bool> {
    if user.role == Role::Administrator {
        return Ok(true);
    }
    for org in [
        Some(&a.host_organisation_id),
        a.home_organisation_id.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        let role = crate::organisations::store::membership_role(conn, org, &user.id).await?;
        if role.as_deref() == Some("admin") {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Entries shown on an access log page, at most.
pub const ACCESS_LOG_LIMIT: i64 = 500;

/// The access log of an immersion: every reading of its confidential terms (pages, PDF,
/// comparisons, signing links) and every change, newest first.
pub async fn access_log(
    core: &Core,
    user: &User,
    id: &str,
) -> Result<(Agreement, Vec<crate::audit::store::AuditRow>)> {
    let mut conn = core.db.pool.acquire().await?;
    let (a, _) = load(&mut conn, user, id).await?;
    if !may_read_access_log(&mut conn, user, &a).await? {
        return Err(crate::Error::Forbidden);
    }
    let rows =
        crate::audit::store::for_target(&mut conn, "agreement", id, ACCESS_LOG_LIMIT).await?;
    Ok((a, rows))
}

/// What an access-log entry's details say, read back from what the agreement's actions record
/// (`host link v2`, `in-review`, `completed: reason`…), so that pages show words, not codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogDetail {
    None,
    /// Two versions compared.
    Compared {
        left: String,
        right: String,
    },
    /// A signing link opened by the signatory of a party.
    LinkOpened(Party),
    /// A copy downloaded through the link a party's signatory signed with.
    CopyRead(Party),
    /// A version signed for a party, from an account or through an e-mailed link.
    Signed {
        party: Party,
        by_link: bool,
        version: String,
    },
    /// A change of status, with the reason typed.
    Status {
        status: AgreementStatus,
        reason: String,
    },
    /// Who signs for a party.
    SignatoryNamed {
        party: Party,
        email: String,
    },
    ItemAdded(ItemKind),
    ItemRemoved,
    AmendmentWithdrawn,
    /// Anything else, as recorded.
    Text(String),
}

/// Reads an access-log entry's details (see [`LogDetail`]).
pub fn log_detail(action: &str, details: &str) -> LogDetail {
    use crate::audit::action as a;
    let details = details.trim();
    let words: Vec<&str> = details.split(' ').collect();
    let parsed = match (action, words.as_slice()) {
        (_, [""]) => Some(LogDetail::None),
        (a::AGREEMENT_TERMS_READ, ["compare", l, r]) => Some(LogDetail::Compared {
            left: (*l).into(),
            right: (*r).into(),
        }),
        (a::AGREEMENT_TERMS_READ, ["signing", "link", p]) => {
            Party::parse(p).map(LogDetail::LinkOpened)
        }
        (a::AGREEMENT_TERMS_READ, ["signed", "copy", p]) => {
            Party::parse(p).map(LogDetail::CopyRead)
        }
        (a::AGREEMENT_APPROVED, [p, how @ ("account" | "link"), v]) => {
            Party::parse(p).and_then(|party| {
                v.strip_prefix('v').map(|version| LogDetail::Signed {
                    party,
                    by_link: *how == "link",
                    version: version.into(),
                })
            })
        }
        (a::AGREEMENT_STATUS_CHANGED, _) => {
            let (code, reason) = details.split_once(": ").unwrap_or((details, ""));
            AgreementStatus::parse(code).map(|status| LogDetail::Status {
                status,
                reason: reason.into(),
            })
        }
        (a::AGREEMENT_SIGNATORY_NAMED, [p, email]) => {
            Party::parse(p).map(|party| LogDetail::SignatoryNamed {
                party,
                email: (*email).into(),
            })
        }
        (a::AGREEMENT_CHANGED, ["removed"]) => Some(LogDetail::ItemRemoved),
        (a::AGREEMENT_CHANGED, ["amendment", "withdrawn"]) => Some(LogDetail::AmendmentWithdrawn),
        (a::AGREEMENT_CHANGED, [k]) => ItemKind::parse(k).map(LogDetail::ItemAdded),
        _ => None,
    };
    parsed.unwrap_or_else(|| LogDetail::Text(details.into()))
}

/// A short code that identifies one frozen version of one agreement (the first 60 bits of the
/// SHA-256 of its id, number and snapshot, as `XXXX-XXXX-XXXX-XXX`): printed in the PDF's footer
/// and shown on the agreement page, so that a party can check that a printed copy is the version
/// everyone signed.
pub fn verification_code(id: &str, version: i64, snapshot: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{id}\n{version}\n{snapshot}").as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02X}")).collect();
    let hex = &hex[..15];
    format!(
        "{}-{}-{}-{}",
        &hex[..4],
        &hex[4..8],
        &hex[8..12],
        &hex[12..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_log_details_are_read_back_into_what_they_mean() {
        use crate::audit::action as a;
        assert_eq!(
            log_detail(a::AGREEMENT_APPROVED, "home link v2"),
            LogDetail::Signed {
                party: Party::Home,
                by_link: true,
                version: "2".into()
            }
        );
        assert_eq!(
            log_detail(
                a::AGREEMENT_STATUS_CHANGED,
                "terminated: Réorganisation: du service"
            ),
            LogDetail::Status {
                status: AgreementStatus::Terminated,
                reason: "Réorganisation: du service".into()
            }
        );
        assert_eq!(
            log_detail(a::AGREEMENT_TERMS_READ, "signing link host"),
            LogDetail::LinkOpened(Party::Host)
        );
        assert_eq!(
            log_detail(a::AGREEMENT_TERMS_READ, "compare 1 3"),
            LogDetail::Compared {
                left: "1".into(),
                right: "3".into()
            }
        );
        assert_eq!(log_detail(a::AGREEMENT_TERMS_READ, ""), LogDetail::None);
        assert_eq!(
            log_detail(a::AGREEMENT_TERMS_READ, "signed copy home"),
            LogDetail::CopyRead(Party::Home)
        );
        assert_eq!(
            log_detail(a::AGREEMENT_CHANGED, "task"),
            LogDetail::ItemAdded(ItemKind::Task)
        );
        assert_eq!(
            log_detail(a::AGREEMENT_SIGNATORY_NAMED, "home rh@hes.example"),
            LogDetail::SignatoryNamed {
                party: Party::Home,
                email: "rh@hes.example".into()
            }
        );
        // Whatever is not understood is shown as recorded, never lost.
        assert_eq!(
            log_detail(a::AGREEMENT_APPROVED, "nobody knows"),
            LogDetail::Text("nobody knows".into())
        );
    }

    #[test]
    fn a_verification_code_changes_with_any_part_of_the_version() {
        let code = verification_code("a1", 2, "{\"terms\":{}}");
        assert_eq!(code.len(), 18);
        assert_eq!(code, verification_code("a1", 2, "{\"terms\":{}}"));
        assert_ne!(code, verification_code("a1", 3, "{\"terms\":{}}"));
        assert_ne!(code, verification_code("a2", 2, "{\"terms\":{}}"));
        assert_ne!(
            code,
            verification_code("a1", 2, "{\"terms\":{\"end\":\"x\"}}")
        );
    }
}
