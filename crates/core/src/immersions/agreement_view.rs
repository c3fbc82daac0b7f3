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
        self.agreement
            .display_status(self.current_approvals().len())
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
    let versions = store::versions(&mut conn, id)
        .await?
        .into_iter()
        .map(|(v, _)| v)
        .collect();
    let signs_as = super::approvals::parties_signed_by(&mut conn, user, &agreement).await?;
    let (signatories, notices) = signatures::signatories_and_notices(&mut conn, id).await?;
    let own_mailboxes = signatures::own_mailboxes(&mut conn, &agreement).await?;
    let pair_candidates =
        if my_parties.contains(&Party::Coordinator) || user.role == Role::Administrator {
            store::reciprocal_candidates(&mut conn, &agreement).await?
        } else {
            Vec::new()
        };
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
    })
}
