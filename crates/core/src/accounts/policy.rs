//! Who may do what with accounts. Pure functions; deny by default.

use super::{Role, User};

/// Platform administration pages (outbox, audit log, users).
pub fn may_administer(user: Option<&User>) -> bool {
    matches!(user, Some(u) if u.role == Role::Administrator)
}

/// Changing someone's platform role: administrators only, and never their own (so the last
/// administrator cannot lock everyone out by accident).
pub fn may_set_role(actor: &User, target_id: &str) -> bool {
    actor.role == Role::Administrator && actor.id != target_id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Locale;

    fn user(role: Role) -> User {
        User {
            id: "u1".into(),
            email: "a@b.c".into(),
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
    fn only_administrators_administer() {
        assert!(!may_administer(None));
        assert!(!may_administer(Some(&user(Role::Member))));
        assert!(!may_administer(Some(&user(Role::Coordinator))));
        assert!(may_administer(Some(&user(Role::Administrator))));
    }

    #[test]
    fn administrators_cannot_change_their_own_role() {
        let admin = user(Role::Administrator);
        assert!(!may_set_role(&admin, "u1"));
        assert!(may_set_role(&admin, "u2"));
        assert!(!may_set_role(&user(Role::Coordinator), "u2"));
    }
}
