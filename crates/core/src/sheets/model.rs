//! Sheet statuses and their transitions, and the rows sheets are read as.

use serde::Serialize;

crate::code_enum! {
    /// Where a sheet stands in review. The public sees its last published revision whatever the
    /// status of later ones.
    pub enum Status {
        Draft = "draft",
        Submitted = "submitted",
        ChangesRequested = "changes_requested",
        Published = "published",
        Archived = "archived",
    }
}

crate::code_enum! {
    /// What a reviewer or an author does to a sheet.
    pub enum Transition {
        Submit = "submit",
        RequestChanges = "request_changes",
        Publish = "publish",
        Archive = "archive",
        Restore = "restore",
    }
}

impl Status {
    /// The status after `t`, or `None` when `t` is not possible from here.
    pub fn after(self, t: Transition) -> Option<Status> {
        use Status::*;
        use Transition::*;
        match (self, t) {
            (Draft | ChangesRequested, Submit) => Some(Submitted),
            (Submitted, RequestChanges) => Some(ChangesRequested),
            (Submitted, Publish) => Some(Published),
            (Published | Submitted | Draft | ChangesRequested, Archive) => Some(Archived),
            (Archived, Restore) => Some(Draft),
            _ => None,
        }
    }

    /// Whether authors may save a new revision: not while it waits for review or is archived.
    pub fn editable(self) -> bool {
        matches!(
            self,
            Status::Draft | Status::ChangesRequested | Status::Published
        )
    }
}

/// Where a sheet comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Provenance {
    /// `questionnaire_response`, `immersion` or empty.
    pub kind: String,
    pub id: String,
    /// A description safe to show to anyone who sees the sheet (never a respondent's name
    /// when the answer was anonymous).
    pub label: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_moves_only_forward_along_the_workflow() {
        use Status::*;
        use Transition::*;
        assert_eq!(Draft.after(Submit), Some(Submitted));
        assert_eq!(Submitted.after(RequestChanges), Some(ChangesRequested));
        assert_eq!(ChangesRequested.after(Submit), Some(Submitted));
        assert_eq!(Submitted.after(Publish), Some(Published));
        assert_eq!(Draft.after(Publish), None);
        assert_eq!(Published.after(Submit), None);
        assert_eq!(Published.after(Archive), Some(Archived));
        assert_eq!(Archived.after(Restore), Some(Draft));
        assert!(!Submitted.editable());
        assert!(Published.editable());
    }
}
