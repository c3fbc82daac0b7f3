//! Who may do what with organisations. Pure functions over the viewer and their membership;
//! deny by default.

use super::OrgRole;
use crate::accounts::{Role, User};

/// Creating an organisation: any signed-in person with a confirmed address.
pub fn may_create(user: Option<&User>) -> bool {
    matches!(user, Some(u) if u.email_confirmed)
}

/// Editing the organisation's details and managing its members and invitations.
pub fn may_manage(user: Option<&User>, membership: Option<OrgRole>) -> bool {
    match user {
        Some(u) if u.role == Role::Administrator => true,
        Some(_) => membership == Some(OrgRole::Admin),
        None => false,
    }
}

/// Seeing the member list: members, coordinators and administrators.
pub fn may_see_members(user: Option<&User>, membership: Option<OrgRole>) -> bool {
    match user {
        Some(u) if u.role >= Role::Coordinator => true,
        Some(_) => membership.is_some(),
        None => false,
    }
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

    #[test]
    fn only_org_admins_and_platform_admins_manage() {
        assert!(!may_manage(None, None));
        assert!(!may_manage(
            Some(&user(Role::Member)),
            Some(OrgRole::Member)
        ));
        assert!(!may_manage(Some(&user(Role::Coordinator)), None));
        assert!(may_manage(Some(&user(Role::Member)), Some(OrgRole::Admin)));
        assert!(may_manage(Some(&user(Role::Administrator)), None));
    }

    #[test]
    fn members_and_coordinators_see_members() {
        assert!(!may_see_members(None, None));
        assert!(!may_see_members(Some(&user(Role::Member)), None));
        assert!(may_see_members(
            Some(&user(Role::Member)),
            Some(OrgRole::Member)
        ));
        assert!(may_see_members(Some(&user(Role::Coordinator)), None));
    }

    #[test]
    fn unconfirmed_people_cannot_create_organisations() {
        let mut u = user(Role::Member);
        assert!(may_create(Some(&u)));
        u.email_confirmed = false;
        assert!(!may_create(Some(&u)));
        assert!(!may_create(None));
    }
}
