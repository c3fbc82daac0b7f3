//! Demo content from the source documents: a Swiss HES and practice organisations (C2SW), the
//! four *Maisons des Familles* and their network, an HCTS working group, and one account per
//! role, and two immersion programmes with their offers (see `immersions::demo`). Everything
//! is flagged `is_demo`, so `demo reset` removes exactly what `demo load` made.

use crate::accounts::{self, Actor, Role};
use crate::ids::new_id;
use crate::organisations::{OrgRole, store as orgs};
use crate::{Core, Locale, Result};

/// The password of every demo account (also printed by `passerelle demo accounts`).
pub const DEMO_PASSWORD: &str = "passerelle-demo";

/// `(e-mail, name, platform role, organisation slug and role)` of one demo account.
pub type DemoAccount = (
    &'static str,
    &'static str,
    Role,
    Option<(&'static str, OrgRole)>,
);

pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    (
        "admin@demo.passerelle.example",
        "Alice Administratrice",
        Role::Administrator,
        None,
    ),
    (
        "coordination@demo.passerelle.example",
        "Claude Coordinateur",
        Role::Coordinator,
        Some((
            "hcts-groupe-de-travail-pratiques-emergentes",
            OrgRole::Admin,
        )),
    ),
    (
        "org-admin@demo.passerelle.example",
        "Awa Ouédraogo",
        Role::Member,
        Some(("kogl-taaba", OrgRole::Admin)),
    ),
    (
        "membre@demo.passerelle.example",
        "Marc Membre",
        Role::Member,
        Some(("hes-travail-social-lausanne", OrgRole::Member)),
    ),
    (
        "batoto@demo.passerelle.example",
        "Jean-Paul Mbuyi",
        Role::Member,
        Some(("solidarite-batoto", OrgRole::Admin)),
    ),
    (
        "cameleon@demo.passerelle.example",
        "Maricel Santos",
        Role::Member,
        Some(("cameleon", OrgRole::Admin)),
    ),
    (
        "wrc@demo.passerelle.example",
        "Sokha Chan",
        Role::Member,
        Some(("womens-resource-center", OrgRole::Admin)),
    ),
    // The tutor stays last: the demo test signs in as each account in turn and then reads
    // the tutor's agreements.
    (
        "tutrice@demo.passerelle.example",
        "Claire Tutrice",
        Role::Member,
        Some(("fondation-entraide-fribourg", OrgRole::Admin)),
    ),
];

/// `(slug, name, kind, country, city, website, description)`.
const DEMO_ORGS: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
    (
        "hes-travail-social-lausanne",
        "HES Travail social Lausanne",
        "university",
        "CH",
        "Lausanne",
        "",
        "Haute école spécialisée dont le personnel part en immersion dans des organisations de la pratique (programme de type C2SW).",
    ),
    (
        "fondation-entraide-fribourg",
        "Fondation Entraide Fribourg",
        "social-service",
        "CH",
        "Fribourg",
        "",
        "Organisation de la pratique qui accueille des immersions de personnel HES et a publié une déclaration d'intérêt.",
    ),
    (
        "service-social-regional-neuchatel",
        "Service social régional de Neuchâtel",
        "public-body",
        "CH",
        "Neuchâtel",
        "",
        "Service public d'action sociale ; immersion en préparation.",
    ),
    (
        "reseau-maisons-des-familles",
        "Réseau des Maisons des Familles",
        "ngo",
        "FR",
        "Paris",
        "",
        "ONG qui organise des immersions croisées entre les Maisons des Familles partenaires.",
    ),
    (
        "kogl-taaba",
        "Kogl Taaba – Maison des Familles",
        "association",
        "BF",
        "Ouagadougou",
        "",
        "Maison des Familles au Burkina Faso ; immersion croisée avec Solidarité Batoto.",
    ),
    (
        "solidarite-batoto",
        "Solidarité Batoto – Maison des Familles",
        "association",
        "CD",
        "Kinshasa",
        "",
        "Maison des Familles en République démocratique du Congo.",
    ),
    (
        "cameleon",
        "Cameleon – Maison des Familles",
        "ngo",
        "PH",
        "Iloilo",
        "",
        "Maison des Familles aux Philippines ; immersion croisée avec le Women's Resource Center.",
    ),
    (
        "womens-resource-center",
        "Women's Resource Center – Maison des Familles",
        "ngo",
        "KH",
        "Phnom Penh",
        "",
        "Maison des Familles au Cambodge.",
    ),
    (
        "hcts-groupe-de-travail-pratiques-emergentes",
        "HCTS – Groupe de travail « Pratiques émergentes »",
        "network",
        "FR",
        "Paris",
        "",
        "Groupe de travail du Haut Conseil du travail social qui recense les pratiques émergentes.",
    ),
];

/// Whether demo content is present.
pub async fn is_loaded(core: &Core) -> Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE is_demo = 1")
        .fetch_one(&core.db.pool)
        .await?;
    Ok(n > 0)
}

/// Loads demo content unless it is already there. Returns whether it loaded anything.
pub async fn load(core: &Core) -> Result<bool> {
    if is_loaded(core).await? {
        return Ok(false);
    }
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    for (slug, name, kind, country, city, website, description) in DEMO_ORGS {
        if orgs::slug_taken(&mut tx, slug).await? {
            continue; // a real organisation took the name; leave it alone
        }
        orgs::insert(
            &mut tx,
            orgs::NewOrgRow {
                id: &new_id(),
                slug,
                name,
                kind,
                country,
                city,
                website,
                description,
                is_demo: true,
                created_by: None,
                now,
            },
        )
        .await?;
    }
    tx.commit().await?;
    for (email, name, role, membership) in DEMO_ACCOUNTS {
        if accounts::find_by_email(core, email).await?.is_some() {
            continue;
        }
        let id = accounts::create_confirmed(
            core,
            &accounts::NewAccount {
                email,
                password: DEMO_PASSWORD,
                name,
                role: *role,
                locale: Locale::Fr,
                is_demo: true,
            },
            &Actor::cli(),
        )
        .await?;
        if let Some((slug, org_role)) = membership {
            let mut conn = core.db.pool.acquire().await?;
            if let Some(org) = orgs::by_slug(&mut conn, slug).await? {
                orgs::upsert_membership(&mut conn, &org.id, &id, org_role.code(), now).await?;
            }
        }
    }
    crate::immersions::demo::load(core).await?;
    if let Some(coordinator) = accounts::find_by_email(core, DEMO_ACCOUNTS[1].0).await? {
        crate::questionnaires::demo::load(core, &coordinator.id).await?;
        crate::sheets::demo::load(core, &coordinator).await?;
        crate::syntheses::load_demo(core, &coordinator).await?;
    }
    Ok(true)
}

/// Removes demo accounts and organisations (and, by cascade, their memberships).
pub async fn remove(core: &Core) -> Result<()> {
    let mut tx = core.db.begin().await?;
    sqlx::query("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE is_demo = 1)")
        .execute(&mut *tx)
        .await?;
    crate::syntheses::store::delete_demo(&mut tx).await?;
    crate::sheets::index::delete_demo(&mut tx, core.db.backend).await?;
    sqlx::query("DELETE FROM questionnaires WHERE is_demo = 1")
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM programmes WHERE is_demo = 1")
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM organisations WHERE is_demo = 1")
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM users WHERE is_demo = 1")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
