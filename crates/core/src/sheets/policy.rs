//! Who may do what with sheets. Pure functions over what is known of the viewer; deny by
//! default.

use crate::accounts::{Role, User};

use super::model::{Status, Transition};

/// What is known of one person in front of one sheet.
#[derive(Debug, Clone, Copy, Default)]
pub struct Standing<'a> {
    pub user: Option<&'a User>,
    /// One of the sheet's authors.
    pub author: bool,
    /// A named reviewer, a coordinator or an administrator.
    pub reviewer: bool,
}

impl Standing<'_> {
    fn coordinator(&self) -> bool {
        matches!(self.user, Some(u) if u.role >= Role::Coordinator)
    }
}

/// Writing sheets: anyone signed in with a confirmed address.
pub fn may_write(user: Option<&User>) -> bool {
    matches!(user, Some(u) if u.email_confirmed)
}

/// Reviewing: named reviewers, coordinators and administrators.
pub fn is_reviewer(user: &User, named: bool) -> bool {
    user.email_confirmed && (named || user.role >= Role::Coordinator)
}

/// Managing the list of reviewers and building syntheses: coordinators and administrators.
pub fn may_coordinate(user: Option<&User>) -> bool {
    matches!(user, Some(u) if u.role >= Role::Coordinator && u.email_confirmed)
}

/// Reading the working version (drafts, history, comments): authors and reviewers.
pub fn may_read_work(s: Standing) -> bool {
    s.author || s.reviewer
}

/// Saving a new revision.
pub fn may_edit(s: Standing, status: Status) -> bool {
    s.author && status.editable()
}

/// Adding a co-author.
pub fn may_add_author(s: Standing) -> bool {
    s.author || s.coordinator()
}

/// Moving a sheet along the workflow. A reviewer does not publish a sheet they wrote unless
/// they coordinate, or the configuration lets reviewers publish their own sheets.
pub fn may_transition(s: Standing, t: Transition, reviewers_publish_own: bool) -> bool {
    match t {
        Transition::Submit => s.author,
        Transition::RequestChanges => s.reviewer,
        Transition::Publish => {
            s.reviewer && (!s.author || s.coordinator() || reviewers_publish_own)
        }
        Transition::Archive | Transition::Restore => s.reviewer || (s.author && s.coordinator()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role) -> User {
        User {
            id: "u".into(),
            email: "u@example.org".into(),
            display_name: String::new(),
            organisation_label: String::new(),
            languages: vec![],
            locale: Default::default(),
            role,
            email_confirmed: true,
            created_at: 0,
            time_zone: String::new(),
        }
    }

    #[test]
    fn a_reviewer_does_not_publish_their_own_sheet_unless_they_coordinate() {
        let member = user(Role::Member);
        let coordinator = user(Role::Coordinator);
        let own = |u, reviewer| Standing {
            user: Some(u),
            author: true,
            reviewer,
        };
        assert!(!may_transition(
            own(&member, true),
            Transition::Publish,
            false
        ));
        assert!(may_transition(
            own(&member, true),
            Transition::Publish,
            true
        ));
        assert!(may_transition(
            own(&coordinator, true),
            Transition::Publish,
            false
        ));
        let other = Standing {
            user: Some(&member),
            author: false,
            reviewer: true,
        };
        assert!(may_transition(other, Transition::Publish, false));
        assert!(!may_transition(other, Transition::Submit, false));
        assert!(!may_transition(
            Standing::default(),
            Transition::RequestChanges,
            true
        ));
        assert!(!may_read_work(Standing::default()));
    }
}
