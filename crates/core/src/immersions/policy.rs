//! Who may do what with programmes, offers and applications. Pure functions over the viewer
//! and their standing; deny by default.

use crate::accounts::{Role, User};

/// A person's relation to one programme and, for offers and applications, to one host
/// organisation. Worked out by the service layer, judged here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standing {
    /// The programme's coordinator.
    pub coordinates: bool,
    /// A member (any role) of one of the programme's partner organisations.
    pub programme_member: bool,
    /// A member (any role) of the offer's organisation.
    pub host_member: bool,
    /// The person who applied (applications only).
    pub applicant: bool,
}

fn is_admin(user: Option<&User>) -> bool {
    matches!(user, Some(u) if u.role == Role::Administrator)
}

/// Creating a programme: coordinators and administrators.
pub fn may_create_programme(user: Option<&User>) -> bool {
    matches!(user, Some(u) if u.role >= Role::Coordinator && u.email_confirmed)
}

/// Editing a programme: its coordinator and administrators.
pub fn may_manage_programme(user: Option<&User>, s: Standing) -> bool {
    is_admin(user) || (user.is_some() && s.coordinates)
}

/// Publishing an offer for an organisation in a programme: its members when the organisation
/// is a partner (`s.host_member && s.programme_member`), the coordinator, administrators.
pub fn may_create_offer(user: Option<&User>, s: Standing) -> bool {
    match user {
        Some(u) if u.email_confirmed => {
            is_admin(user) || s.coordinates || (s.host_member && s.programme_member)
        }
        _ => false,
    }
}

/// Editing an offer and deciding on its applications: the host organisation's members, the
/// programme's coordinator, administrators.
pub fn may_manage_offer(user: Option<&User>, s: Standing) -> bool {
    is_admin(user) || (user.is_some() && (s.host_member || s.coordinates))
}

/// Seeing an offer: drafts only to those who manage it; members-only offers to the
/// programme's members; public offers to everyone.
pub fn may_see_offer(user: Option<&User>, s: Standing, draft: bool, members_only: bool) -> bool {
    if may_manage_offer(user, s) {
        return true;
    }
    if draft {
        return false;
    }
    !members_only || (user.is_some() && s.programme_member)
}

/// Applying: a confirmed account that is not on the host's side.
pub fn may_apply(user: Option<&User>, s: Standing) -> bool {
    matches!(user, Some(u) if u.email_confirmed) && !s.host_member && !s.coordinates
}

/// Reading an application and its thread: the applicant, the host, the coordinator,
/// administrators.
pub fn may_see_application(user: Option<&User>, s: Standing) -> bool {
    is_admin(user) || (user.is_some() && (s.applicant || s.host_member || s.coordinates))
}

/// Writing in an application's thread: only its three parties (administrators read, but they
/// are not part of the conversation).
pub fn may_write_in_thread(user: Option<&User>, s: Standing) -> bool {
    user.is_some() && (s.applicant || s.host_member || s.coordinates)
}

/// Shortlisting, accepting or declining: the host and the coordinator.
pub fn may_decide_application(user: Option<&User>, s: Standing) -> bool {
    user.is_some() && (s.host_member || s.coordinates)
}

/// Withdrawing: the applicant only.
pub fn may_withdraw_application(user: Option<&User>, s: Standing) -> bool {
    user.is_some() && s.applicant
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Locale;

    fn user(role: Role) -> User {
        User {
            id: "u".into(),
            email: "u@x.org".into(),
            display_name: String::new(),
            organisation_label: String::new(),
            languages: vec![],
            locale: Locale::Fr,
            role,
            email_confirmed: true,
            created_at: 0,
            time_zone: String::new(),
        }
    }
    const NONE: Standing = Standing {
        coordinates: false,
        programme_member: false,
        host_member: false,
        applicant: false,
    };
    const HOST: Standing = Standing {
        host_member: true,
        programme_member: true,
        ..NONE
    };
    const APPLICANT: Standing = Standing {
        applicant: true,
        ..NONE
    };
    const COORD: Standing = Standing {
        coordinates: true,
        ..NONE
    };

    #[test]
    fn only_coordinators_create_programmes() {
        assert!(!may_create_programme(None));
        assert!(!may_create_programme(Some(&user(Role::Member))));
        assert!(may_create_programme(Some(&user(Role::Coordinator))));
        assert!(may_create_programme(Some(&user(Role::Administrator))));
    }

    #[test]
    fn offers_come_from_partner_members_or_the_coordinator() {
        let m = user(Role::Member);
        assert!(!may_create_offer(Some(&m), NONE));
        let outsider_org = Standing {
            host_member: true,
            ..NONE
        };
        assert!(!may_create_offer(Some(&m), outsider_org));
        assert!(may_create_offer(Some(&m), HOST));
        assert!(may_create_offer(Some(&m), COORD));
        assert!(!may_create_offer(None, HOST));
    }

    #[test]
    fn drafts_and_member_offers_are_hidden_from_outsiders() {
        let m = user(Role::Member);
        assert!(!may_see_offer(None, NONE, true, false));
        assert!(may_see_offer(Some(&m), HOST, true, false));
        assert!(may_see_offer(None, NONE, false, false));
        assert!(!may_see_offer(None, NONE, false, true));
        assert!(!may_see_offer(Some(&m), NONE, false, true));
        let partner = Standing {
            programme_member: true,
            ..NONE
        };
        assert!(may_see_offer(Some(&m), partner, false, true));
        assert!(may_see_offer(
            Some(&user(Role::Administrator)),
            NONE,
            true,
            true
        ));
    }

    #[test]
    fn applications_belong_to_their_three_parties() {
        let m = user(Role::Member);
        assert!(may_see_application(Some(&m), APPLICANT));
        assert!(may_see_application(Some(&m), HOST));
        assert!(may_see_application(Some(&m), COORD));
        assert!(!may_see_application(Some(&m), NONE));
        assert!(!may_see_application(None, APPLICANT));
        let admin = user(Role::Administrator);
        assert!(may_see_application(Some(&admin), NONE));
        assert!(!may_write_in_thread(Some(&admin), NONE));
        assert!(may_write_in_thread(Some(&m), APPLICANT));
        assert!(!may_decide_application(Some(&m), APPLICANT));
        assert!(may_decide_application(Some(&m), HOST));
        assert!(may_withdraw_application(Some(&m), APPLICANT));
        assert!(!may_withdraw_application(Some(&m), HOST));
        assert!(!may_apply(Some(&m), HOST));
        assert!(may_apply(Some(&m), NONE));
        assert!(!may_apply(None, NONE));
    }
}
