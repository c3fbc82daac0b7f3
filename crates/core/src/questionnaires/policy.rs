//! Who may do what with questionnaires. Pure functions; deny by default.

use super::store::QuestionnaireRow;
use crate::accounts::{Role, User};

/// Creating questionnaires: coordinators and administrators with a confirmed address.
pub fn may_create(user: Option<&User>) -> bool {
    matches!(user, Some(u) if u.role >= Role::Coordinator && u.email_confirmed)
}

/// Building, publishing, reading results and exporting: the owner and administrators.
pub fn may_manage(user: Option<&User>, q: &QuestionnaireRow) -> bool {
    match user {
        Some(u) if u.role == Role::Administrator => true,
        Some(u) => q.owner_id.as_deref() == Some(u.id.as_str()),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(owner: &str) -> QuestionnaireRow {
        QuestionnaireRow {
            id: "q".into(),
            owner_id: Some(owner.into()),
            title: String::new(),
            version: 1,
            status: "draft".into(),
            opens_at: None,
            closes_at: None,
            audience: "link".into(),
            mode: "anonymous".into(),
            allow_edit: 0,
            created_at: 0,
            updated_at: 0,
        }
    }

    fn user(id: &str, role: Role) -> User {
        User {
            id: id.into(),
            email: format!("{id}@example.org"),
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
    fn only_owners_and_administrators_manage() {
        let q = row("owner");
        assert!(may_manage(Some(&user("owner", Role::Coordinator)), &q));
        assert!(may_manage(Some(&user("admin", Role::Administrator)), &q));
        assert!(!may_manage(Some(&user("other", Role::Coordinator)), &q));
        assert!(!may_manage(None, &q));
        assert!(!may_create(Some(&user("m", Role::Member))));
        assert!(may_create(Some(&user("c", Role::Coordinator))));
    }
}
