//! All SQL of organisations, memberships and invitations.

use sqlx::AnyConnection;

use super::{Invitation, Member, MembershipSummary, Organisation};

pub struct NewOrgRow<'a> {
    pub id: &'a str,
    pub slug: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub country: &'a str,
    pub city: &'a str,
    pub website: &'a str,
    pub description: &'a str,
    pub is_demo: bool,
    pub created_by: Option<&'a str>,
    pub now: i64,
}

pub async fn insert(conn: &mut AnyConnection, o: NewOrgRow<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO organisations (id, slug, name, kind, country, city, website, description, is_demo, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(o.id)
    .bind(o.slug)
    .bind(o.name)
    .bind(o.kind)
    .bind(o.country)
    .bind(o.city)
    .bind(o.website)
    .bind(o.description)
    .bind(i64::from(o.is_demo))
    .bind(o.created_by)
    .bind(o.now)
    .execute(conn)
    .await
    .map(|_| ())
}

#[allow(clippy::too_many_arguments)]
pub async fn update(
    conn: &mut AnyConnection,
    id: &str,
    name: &str,
    kind: &str,
    country: &str,
    city: &str,
    website: &str,
    description: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE organisations SET name = $2, kind = $3, country = $4, city = $5, website = $6, description = $7 WHERE id = $1",
    )
    .bind(id)
    .bind(name)
    .bind(kind)
    .bind(country)
    .bind(city)
    .bind(website)
    .bind(description)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn slug_taken(conn: &mut AnyConnection, slug: &str) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE slug = $1")
        .bind(slug)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

pub async fn by_slug(
    conn: &mut AnyConnection,
    slug: &str,
) -> Result<Option<Organisation>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, slug, name, kind, country, city, website, description, created_at FROM organisations WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(conn)
    .await
}

pub async fn by_id(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<Organisation>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, slug, name, kind, country, city, website, description, created_at FROM organisations WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// An organisation row with its member count and the viewer's role, in one query: this is the
/// most visited public page, so it costs one round trip.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ViewRow {
    #[sqlx(flatten)]
    pub org: Organisation,
    pub member_count: i64,
    pub my_role: Option<String>,
}

pub async fn view_by_slug(
    conn: &mut AnyConnection,
    slug: &str,
    viewer_id: &str,
) -> Result<Option<ViewRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT o.id, o.slug, o.name, o.kind, o.country, o.city, o.website, o.description, o.created_at,
                (SELECT COUNT(*) FROM memberships m WHERE m.organisation_id = o.id) AS member_count,
                (SELECT role FROM memberships r WHERE r.organisation_id = o.id AND r.user_id = $2) AS my_role
         FROM organisations o WHERE o.slug = $1",
    )
    .bind(slug)
    .bind(viewer_id)
    .fetch_optional(conn)
    .await
}

/// A page of organisations by name, filtered by a name substring, kind and country.
pub async fn list(
    conn: &mut AnyConnection,
    query: &str,
    kind: &str,
    country: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<Organisation>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, slug, name, kind, country, city, website, description, created_at FROM organisations
         WHERE ($1 = '%%' OR LOWER(name) LIKE $1 OR LOWER(city) LIKE $1)
           AND ($2 = '' OR kind = $2) AND ($3 = '' OR country = $3)
         ORDER BY name, id LIMIT $4 OFFSET $5",
    )
    .bind(format!("%{}%", query.trim().to_lowercase()))
    .bind(kind)
    .bind(country)
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await
}

pub async fn count(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM organisations")
        .fetch_one(conn)
        .await
}

pub async fn membership_role(
    conn: &mut AnyConnection,
    org_id: &str,
    user_id: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT role FROM memberships WHERE organisation_id = $1 AND user_id = $2")
        .bind(org_id)
        .bind(user_id)
        .fetch_optional(conn)
        .await
}

pub async fn upsert_membership(
    conn: &mut AnyConnection,
    org_id: &str,
    user_id: &str,
    role: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organisation_id, user_id) DO UPDATE SET role = excluded.role",
    )
    .bind(org_id)
    .bind(user_id)
    .bind(role)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn delete_membership(
    conn: &mut AnyConnection,
    org_id: &str,
    user_id: &str,
) -> Result<u64, sqlx::Error> {
    sqlx::query("DELETE FROM memberships WHERE organisation_id = $1 AND user_id = $2")
        .bind(org_id)
        .bind(user_id)
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
}

pub async fn count_admins(conn: &mut AnyConnection, org_id: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE organisation_id = $1 AND role = 'admin'",
    )
    .bind(org_id)
    .fetch_one(conn)
    .await
}

/// Organisations where `user_id` is the only admin while others remain members.
pub async fn count_sole_admin_orgs(
    conn: &mut AnyConnection,
    user_id: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships m
         WHERE m.user_id = $1 AND m.role = 'admin'
           AND (SELECT COUNT(*) FROM memberships a WHERE a.organisation_id = m.organisation_id AND a.role = 'admin') = 1
           AND (SELECT COUNT(*) FROM memberships o WHERE o.organisation_id = m.organisation_id) > 1",
    )
    .bind(user_id)
    .fetch_one(conn)
    .await
}

pub async fn members(conn: &mut AnyConnection, org_id: &str) -> Result<Vec<Member>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id AS user_id, u.email, u.display_name, m.role, m.created_at
         FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.organisation_id = $1 ORDER BY m.role, u.display_name, u.email",
    )
    .bind(org_id)
    .fetch_all(conn)
    .await
}

pub async fn memberships_of(
    conn: &mut AnyConnection,
    user_id: &str,
) -> Result<Vec<MembershipSummary>, sqlx::Error> {
    sqlx::query_as(
        "SELECT o.slug, o.name, m.role FROM memberships m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.user_id = $1 ORDER BY o.name",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_invitation(
    conn: &mut AnyConnection,
    id: &str,
    org_id: &str,
    email: &str,
    role: &str,
    token_hash: &str,
    invited_by: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO invitations (id, organisation_id, email, role, token_hash, invited_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(org_id)
    .bind(email)
    .bind(role)
    .bind(token_hash)
    .bind(invited_by)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await
    .map(|_| ())
}

macro_rules! select_invitations {
    ($rest:literal) => {
        concat!(
            "SELECT id, organisation_id, email, role, created_at, expires_at, accepted_at, revoked_at FROM invitations ",
            $rest
        )
    };
}

pub async fn pending_invitations(
    conn: &mut AnyConnection,
    org_id: &str,
    now: i64,
) -> Result<Vec<Invitation>, sqlx::Error> {
    sqlx::query_as(select_invitations!("WHERE organisation_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at DESC"))
    .bind(org_id)
    .bind(now)
    .fetch_all(conn)
    .await
}

pub async fn has_pending_invitation(
    conn: &mut AnyConnection,
    org_id: &str,
    email: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM invitations WHERE organisation_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3",
    )
    .bind(org_id)
    .bind(email)
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

pub async fn invitation_by_token(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<Invitation>, sqlx::Error> {
    sqlx::query_as(select_invitations!("WHERE token_hash = $1"))
        .bind(token_hash)
        .fetch_optional(conn)
        .await
}

/// Marks an invitation accepted if it is still open; `false` when someone was faster.
pub async fn accept_invitation(
    conn: &mut AnyConnection,
    id: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query("UPDATE invitations SET accepted_at = $2 WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2")
        .bind(id)
        .bind(now)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
}

pub async fn revoke_invitation(
    conn: &mut AnyConnection,
    org_id: &str,
    id: &str,
    now: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE invitations SET revoked_at = $3 WHERE organisation_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING email",
    )
    .bind(org_id)
    .bind(id)
    .bind(now)
    .fetch_optional(conn)
    .await
}
