//! The outbox as tests read it: messages, the newest to an address, the link in one.

use passerelle_core::mail::EmailRow;

use crate::TestApp;

impl TestApp {
    /// Every message in the outbox, newest first.
    pub async fn outbox(&self) -> Vec<EmailRow> {
        let mut conn = self.core.db.pool.acquire().await.expect("conn");
        passerelle_core::mail::store::list(&mut conn, "", 1000, 0)
            .await
            .expect("outbox")
    }

    /// The newest message to `to`; panics when there is none.
    pub async fn last_email_to(&self, to: &str) -> EmailRow {
        self.outbox()
            .await
            .into_iter()
            .find(|e| e.to_address == to)
            .unwrap_or_else(|| panic!("no e-mail to {to}"))
    }

    /// The first link in `email` that starts with the application's URL, as a path.
    pub fn link_in(&self, email: &EmailRow) -> String {
        let base = self.core.config.base_url.clone();
        email
            .body_text
            .split_whitespace()
            .find(|w| w.starts_with(&base))
            .map(|w| w[base.len()..].to_owned())
            .unwrap_or_else(|| panic!("no link in {}", email.body_text))
    }
}
