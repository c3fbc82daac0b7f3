//! Accounts: people who sign in, and their platform role.

use crate::Locale;

/// A platform-wide role. Organisation roles live in `organisations::OrgRole`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Member,
    Coordinator,
    Administrator,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Member, Role::Coordinator, Role::Administrator];

    pub fn code(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Coordinator => "coordinator",
            Role::Administrator => "administrator",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    pub organisation_label: String,
    pub languages: String,
    pub locale: String,
    pub role: String,
    pub email_confirmed_at: Option<i64>,
    pub is_demo: i64,
    pub created_at: i64,
    pub time_zone: String,
}

/// A signed-up person. `password_hash` never leaves the `accounts` module.
#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub organisation_label: String,
    /// Languages spoken, as codes (`fr`, `en`, `km`…).
    pub languages: Vec<String>,
    pub locale: Locale,
    pub role: Role,
    pub email_confirmed: bool,
    pub created_at: i64,
    /// The time zone the person reads dates in (an IANA name); empty for the platform's.
    pub time_zone: String,
}

impl From<UserRow> for User {
    fn from(r: UserRow) -> Self {
        User {
            id: r.id,
            email: r.email,
            display_name: r.display_name,
            organisation_label: r.organisation_label,
            languages: r
                .languages
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            locale: Locale::parse(&r.locale).unwrap_or_default(),
            role: Role::parse(&r.role).unwrap_or(Role::Member),
            email_confirmed: r.email_confirmed_at.is_some(),
            created_at: r.created_at,
            time_zone: r.time_zone,
        }
    }
}

impl User {
    /// The name to show: the display name, else the part of the address before `@`.
    pub fn name(&self) -> &str {
        if self.display_name.is_empty() {
            self.email.split('@').next().unwrap_or(&self.email)
        } else {
            &self.display_name
        }
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Administrator
    }
}

/// Who performs an action, and from where: written into the audit log.
#[derive(Debug, Clone, Default)]
pub struct Actor {
    pub user_id: Option<String>,
    pub email: String,
    pub ip: String,
}

impl Actor {
    pub fn anonymous(ip: impl Into<String>) -> Self {
        Actor {
            user_id: None,
            email: String::new(),
            ip: ip.into(),
        }
    }

    pub fn user(user: &User, ip: impl Into<String>) -> Self {
        Actor {
            user_id: Some(user.id.clone()),
            email: user.email.clone(),
            ip: ip.into(),
        }
    }

    /// Passerelle itself (scheduled work such as expiring offers).
    pub fn system() -> Self {
        Actor {
            user_id: None,
            email: "system".into(),
            ip: "local".into(),
        }
    }

    /// The command line, for `passerelle admin …`.
    pub fn cli() -> Self {
        Actor {
            user_id: None,
            email: "cli".into(),
            ip: "local".into(),
        }
    }
}

/// Languages a profile may list as spoken (ISO 639-1), shown with their own names.
pub const SPOKEN_LANGUAGES: &[&str] = &[
    "fr", "en", "de", "it", "es", "pt", "ar", "nl", "km", "tl", "ln", "sw", "mos", "wo",
];

/// Purposes of single-use tokens sent by e-mail or printed by the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    ConfirmEmail,
    ResetPassword,
    Setup,
    /// Ends the login lock of an address at once (sent to its owner when logins are refused).
    Unlock,
}

impl TokenPurpose {
    pub fn code(self) -> &'static str {
        match self {
            TokenPurpose::ConfirmEmail => "confirm",
            TokenPurpose::ResetPassword => "reset",
            TokenPurpose::Setup => "setup",
            TokenPurpose::Unlock => "unlock",
        }
    }

    /// Lifetime in seconds.
    pub fn ttl(self) -> i64 {
        match self {
            TokenPurpose::ConfirmEmail => 7 * 24 * 3600,
            TokenPurpose::ResetPassword => 3600,
            TokenPurpose::Setup => 7 * 24 * 3600,
            TokenPurpose::Unlock => 3600,
        }
    }
}
