//! The agreement page's data: the agreement as one of its parties sees it, with who signs,
//! the notices sent, and what the viewer may do.

use super::agreement_store as store;
use super::agreements::{load, may_edit, may_manage};
use super::signatures::{self, Notice, OrgSignatory, Signatory};
use super::{Agreement, Approval, Item, Party};
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

/// The agreement page's data.
pub async fn agreement_view(core: &Core, user: &User, id: &str) -> Result<AgreementView> {
    let mut conn = core.db.pool.acquire().await?;
    let (agreement, my_parties) = load(&mut conn, user, id).await?;
    let items = store::items(&mut conn, id).await?;
    let approvals = store::approvals(&mut conn, id).await?;
    let frozen = store::versions(&mut conn, id).await?;
    let code = frozen
        .iter()
        .find(|(v, _)| *v == agreement.version)
        .map(|(v, snapshot)| verification_code(id, *v, snapshot));
    let versions = frozen.into_iter().map(|(v, _)| v).collect();
    let signs_as = super::approvals::parties_signed_by(&mut conn, user, &agreement).await?;
    let (signatories, notices) = signatures::signatories_and_notices(&mut conn, id).await?;
    let own_mailboxes = signatures::own_mailboxes(&mut conn, &agreement).await?;
    let pair_candidates =
        if my_parties.contains(&Party::Coordinator) || user.role == Role::Administrator {
            store::reciprocal_candidates(&mut conn, &agreement).await?
        } else {
            Vec::new()
        };
    let may_read_access_log = may_read_access_log(&mut conn, user, &agreement).await?;
    drop(conn);
    let may_name = if agreement.status().is_editable() {
        signatures::may_name(&agreement, &my_parties)
    } else {
        Vec::new()
    };
    let naming = signatures::signatory_choices(core, &agreement)
        .await?
        .into_iter()
        .filter(|(p, _)| may_name.contains(p))
        .collect();
    Ok(AgreementView {
        may_edit: may_edit(&agreement, &my_parties),
        may_manage: may_manage(&my_parties),
        agreement,
        my_parties,
        items,
        approvals,
        versions,
        signs_as,
        signatories,
        naming,
        notices,
        own_mailboxes,
        pair_candidates,
        may_read_access_log,
        code,
    })
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
    use super::verification_code;

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
