//! Organisations, memberships and invitations.

/// What kind of body an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    University,
    SocialService,
    Association,
    Ngo,
    PublicBody,
    Network,
}

impl OrgKind {
    pub const ALL: [OrgKind; 6] = [
        OrgKind::University,
        OrgKind::SocialService,
        OrgKind::Association,
        OrgKind::Ngo,
        OrgKind::PublicBody,
        OrgKind::Network,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgKind::University => "university",
            OrgKind::SocialService => "social-service",
            OrgKind::Association => "association",
            OrgKind::Ngo => "ngo",
            OrgKind::PublicBody => "public-body",
            OrgKind::Network => "network",
        }
    }

    pub fn parse(code: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A person's role inside one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgRole {
    Admin,
    Member,
}

impl OrgRole {
    pub const ALL: [OrgRole; 2] = [OrgRole::Admin, OrgRole::Member];

    pub fn code(self) -> &'static str {
        match self {
            OrgRole::Admin => "admin",
            OrgRole::Member => "member",
        }
    }

    pub fn parse(code: &str) -> Option<OrgRole> {
        OrgRole::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Countries offered in forms (ISO 3166-1 alpha-2); names come from Fluent (`country-XX`).
pub const COUNTRIES: &[&str] = &[
    "BE", "BF", "BJ", "CA", "CD", "CG", "CH", "CI", "CM", "DE", "DZ", "ES", "FR", "GB", "GN", "HT",
    "IT", "KH", "LB", "LU", "MA", "MC", "MG", "ML", "NE", "PH", "PT", "RW", "SN", "TD", "TG", "TN",
    "US", "VN",
];

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Organisation {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub city: String,
    pub website: String,
    pub description: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Member {
    pub user_id: String,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Invitation {
    pub id: String,
    pub organisation_id: String,
    pub email: String,
    pub role: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// An organisation someone belongs to, with their role there.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MembershipSummary {
    pub slug: String,
    pub name: String,
    pub role: String,
}

/// Invitations stay valid for 14 days.
pub const INVITATION_TTL: i64 = 14 * 24 * 3600;
