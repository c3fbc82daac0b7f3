//! Programmes, offers, the catalogue, applications and their threads, saved searches.

use passerelle_testkit::passerelle_core::accounts::Role;
use passerelle_testkit::{TestApp, TestUser};

/// A coordinator's programme with a host organisation (one admin) as partner.
pub(crate) struct Setup {
    pub(crate) app: TestApp,
    pub(crate) coordinator: TestUser,
    pub(crate) host: TestUser,
    pub(crate) programme: String,
    pub(crate) host_org: String,
}

pub(crate) async fn setup() -> Setup {
    let app = TestApp::new().await;
    let coordinator = app.with_user(Role::Coordinator).await;
    let host = app.with_user(Role::Member).await;
    let host_org = app
        .with_organisation(&host, "Service de protection de l'enfance")
        .await;
    let programme = app
        .with_programme(&coordinator, "Career2SocialWork", &[&host_org])
        .await;
    Setup {
        app,
        coordinator,
        host,
        programme,
        host_org,
    }
}

fn offer_form<'a>(org_id: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("organisation_id", org_id),
        ("title", "Immersion au service éducatif"),
        ("direction", "school-to-practice"),
        ("themes", "Protection de l'enfance, Aller vers"),
        (
            "context",
            "Équipe de 12 éducatrices et éducateurs, Lausanne.",
        ),
        ("duration_days", "540"),
        ("time_share", "40"),
        ("period_start", "2026-03-01"),
        ("period_end", "2027-08-31"),
        ("country", "CH"),
        ("city", "Lausanne"),
        ("languages", "fr"),
        ("languages", "de"),
        ("data_sensitivity", "sensitive"),
        ("data_why", "Lecture des dossiers de suivi éducatif."),
        ("visibility", "public"),
    ];
    for (k, v) in extra {
        f.retain(|(key, _)| key != k);
        f.push((k, v));
    }
    f
}

pub(crate) async fn org_id(app: &TestApp, slug: &str) -> String {
    let mut conn = app.core.db.pool.acquire().await.expect("conn");
    passerelle_testkit::passerelle_core::organisations::store::by_slug(&mut conn, slug)
        .await
        .expect("db")
        .expect("org")
        .id
}

pub(crate) fn id_from(location: &str, prefix: &str) -> String {
    location
        .strip_prefix(prefix)
        .and_then(|rest| rest.split(['?', '#']).next())
        .unwrap_or_else(|| panic!("unexpected location {location}"))
        .to_owned()
}

#[tokio::test]
async fn a_coordinator_creates_a_programme_with_partners_and_rules() {
    let mut app = TestApp::new().await;
    let coordinator = app.with_user(Role::Coordinator).await;
    let host = app.with_user(Role::Member).await;
    let org = app.with_organisation(&host, "Kogl Taaba").await;
    let org_id = org_id(&app, &org).await;
    app.login(&coordinator).await;
    // Bad input: every field explained, what was typed kept.
    let r = app
        .post_form(
            "/programmes",
            &[
                ("name", "Maisons des Familles"),
                ("kind", "peer-cross"),
                ("max_duration_days", "900"),
                ("min_time_share", "80"),
                ("max_time_share", "50"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("value=\"Maisons des Familles\""));
    assert!(
        r.body
            .contains("Ce nombre est en dehors des valeurs permises.")
    );
    assert!(
        r.body
            .contains("La valeur maximale est plus petite que la valeur minimale.")
    );
    assert!(r.body.contains("id=\"languages-error\""));
    let r = app
        .post_form(
            "/programmes",
            &[
                ("name", "Maisons des Familles"),
                ("kind", "peer-cross"),
                ("languages", "fr"),
                ("languages", "km"),
                ("max_duration_days", "10"),
                ("min_time_share", "100"),
                ("max_time_share", "100"),
                (
                    "rules",
                    "Immersions de 5 à 10 jours entre Maisons des Familles.",
                ),
                ("partners", &org_id),
            ],
        )
        .await;
    r.assert_status(303);
    assert_eq!(
        r.location(),
        "/programmes/maisons-des-familles?notice=programme-created"
    );
    app.clear_cookies();
    let page = app.get("/programmes/maisons-des-familles").await;
    page.assert_status(200);
    assert!(page.body.contains("Kogl Taaba"));
    assert!(page.body.contains("Immersions de 5 à 10 jours"));
    assert!(page.body.contains("10 jours"));
    assert!(
        app.audit_actions()
            .await
            .contains(&"programme-created".to_owned())
    );
    // Members cannot create programmes.
    app.login(&host).await;
    app.post_form("/programmes", &[("name", "X")])
        .await
        .assert_status(403);
}

#[tokio::test]
async fn offers_respect_the_programme_rules_and_report_every_field() {
    let mut s = setup().await;
    let org = org_id(&s.app, &s.host_org).await;
    s.app.login(&s.host).await;
    let path = format!("/programmes/{}/offers", s.programme);
    let r = s
        .app
        .post_form(
            &path,
            &offer_form(
                &org,
                &[
                    ("duration_days", "800"),
                    ("time_share", "5"),
                    ("period_end", "2026-01-01"),
                    ("data_why", ""),
                    ("contact_email", "not-an-address"),
                ],
            ),
        )
        .await;
    r.assert_status(422);
    for message in [
        "Ce nombre est en dehors des valeurs permises.",
        "En dehors des taux d&#39;activité permis par le programme.",
        "La fin précède le début.",
        "Expliquez pourquoi des données personnelles ou sensibles doivent être consultées.",
    ] {
        assert!(r.body.contains(message), "missing {message}");
    }
    assert!(r.body.contains("value=\"Immersion au service éducatif\""));
    // Nothing was written.
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM offers")
        .fetch_one(&s.app.core.db.pool)
        .await
        .expect("count");
    assert_eq!(n, 0);
    // Neither a time share nor a day pattern.
    let r = s
        .app
        .post_form(&path, &offer_form(&org, &[("time_share", "")]))
        .await;
    r.assert_status(422);
    assert!(
        r.body
            .contains("Indiquez un taux d&#39;activité ou un rythme de jours.")
    );
    // A programme of at most 10 days refuses 540 days.
    s.app.clear_cookies();
    s.app.login(&s.coordinator).await;
    let r = s
        .app
        .post_form(
            &format!("/programmes/{}/edit", s.programme),
            &[
                ("name", "Career2SocialWork"),
                ("kind", "school-practice"),
                ("languages", "fr"),
                ("max_duration_days", "10"),
                ("min_time_share", "10"),
                ("max_time_share", "100"),
                ("partners", &org),
            ],
        )
        .await;
    r.assert_status(303);
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    let r = s.app.post_form(&path, &offer_form(&org, &[])).await;
    r.assert_status(422);
    assert!(r.body.contains("Plus long que ce que permet le programme."));
}

#[tokio::test]
async fn a_published_offer_is_found_applied_to_discussed_and_decided() {
    let mut s = setup().await;
    let org = org_id(&s.app, &s.host_org).await;
    s.app.login(&s.host).await;
    let r = s
        .app
        .post_form(
            &format!("/programmes/{}/offers", s.programme),
            &offer_form(&org, &[]),
        )
        .await;
    r.assert_status(303);
    let offer = id_from(r.location(), "/offers/");
    // A draft is invisible to others and absent from the catalogue.
    s.app.clear_cookies();
    s.app
        .get(&format!("/offers/{offer}"))
        .await
        .assert_status(404);
    assert!(
        !s.app
            .get("/offers")
            .await
            .body
            .contains("Immersion au service")
    );
    s.app.login(&s.host).await;
    s.app
        .post_form(
            &format!("/offers/{offer}/status"),
            &[("status", "published")],
        )
        .await
        .assert_status(303);
    s.app.clear_cookies();
    let page = s.app.get(&format!("/offers/{offer}")).await;
    page.assert_status(200);
    assert!(page.body.contains("18 mois"));
    assert!(page.body.contains("Données sensibles"));
    // Found by filters and accent-insensitive words; not by a wrong filter.
    for query in [
        "q=educatif",
        "q=LAUSANNE+enfance",
        "country=CH&direction=school-to-practice",
        "theme=protection+de+l%27enfance",
        "language=de&duration=long",
    ] {
        let r = s.app.get(&format!("/offers?{query}")).await;
        assert!(r.body.contains("Immersion au service éducatif"), "{query}");
    }
    for query in [
        "q=cambodge",
        "country=FR",
        "duration=days",
        "status=filled",
        "language=km",
    ] {
        let r = s.app.get(&format!("/offers?{query}")).await;
        assert!(!r.body.contains("Immersion au service éducatif"), "{query}");
    }
    // htmx gets the results only.
    let r = s
        .app
        .get_with("/offers?q=educatif", &[("hx-request", "true")])
        .await;
    assert!(!r.body.contains("<html"));
    assert!(r.body.contains("1 offre"));
    // Atom feeds, per search and per programme.
    let feed = s.app.get("/offers/feed.atom?q=educatif").await;
    feed.assert_status(200);
    assert!(
        feed.header("content-type")
            .starts_with("application/atom+xml")
    );
    assert!(feed.body.contains("<entry>"));
    assert!(
        feed.body
            .contains(&format!("http://passerelle.test/offers/{offer}"))
    );
    let feed = s
        .app
        .get(&format!("/programmes/{}/feed.atom", s.programme))
        .await;
    assert!(feed.body.contains("Immersion au service éducatif"));

    // A lecturer applies.
    let lecturer = s.app.with_user(Role::Member).await;
    s.app.login(&lecturer).await;
    let apply = format!("/offers/{offer}/apply");
    s.app.get(&apply).await.assert_status(200);
    let r = s
        .app
        .post_form(&apply, &[("home_label", "HES-SO"), ("motivation", "")])
        .await;
    r.assert_status(422);
    assert!(r.body.contains("value=\"HES-SO\""));
    assert!(r.body.contains("id=\"motivation-error\""));
    let r = s
        .app
        .post_form(
            &apply,
            &[
                ("home_label", "HES-SO"),
                ("role_title", "Maître d'enseignement"),
                (
                    "motivation",
                    "Relier mes cours de protection de l'enfance à la pratique.",
                ),
                ("availability", "Mardis et jeudis"),
                ("languages", "fr"),
            ],
        )
        .await;
    r.assert_status(303);
    let application = id_from(r.location(), "/applications/");
    let mail = s.app.last_email_to(&s.host.email).await;
    assert!(mail.subject.contains("Nouvelle candidature"));
    // Applying twice is refused: the person is sent to their application, nothing is added.
    let r = s
        .app
        .post_form(
            &apply,
            &[("home_label", "HES-SO"), ("motivation", "Encore")],
        )
        .await;
    r.assert_status(303);
    assert_eq!(
        r.location(),
        format!("/applications/{application}?notice=already-applied")
    );
    let again = s.app.get(r.location()).await;
    assert!(
        again
            .body
            .contains("Vous avez déjà candidaté à cette offre")
    );
    assert!(!again.body.contains("Encore"));
    let r = s.app.get(&apply).await;
    assert_eq!(
        r.location(),
        format!("/applications/{application}?notice=already-applied")
    );
    // The host answers in the thread; the reply time is recorded.
    s.app.clock().advance(5 * 3600);
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    let thread = format!("/applications/{application}/messages");
    s.app
        .post_form(&thread, &[("body", "  ")])
        .await
        .assert_status(422);
    s.app
        .post_form(
            &thread,
            &[("body", "Bienvenue ! Pouvez-vous venir le 3 mars ?")],
        )
        .await
        .assert_status(303);
    let page = s.app.get(&format!("/applications/{application}")).await;
    assert!(page.body.contains("Bienvenue !"));
    assert!(page.body.contains("5 heures"));
    let mail = s.app.last_email_to(&lecturer.email).await;
    assert!(mail.subject.contains("Nouveau message"));
    // Someone who is not a party can neither read nor write.
    let stranger = s.app.with_user(Role::Member).await;
    s.app.clear_cookies();
    s.app.login(&stranger).await;
    s.app
        .get(&format!("/applications/{application}"))
        .await
        .assert_status(404);
    s.app
        .post_form(&thread, &[("body", "Hello")])
        .await
        .assert_status(404);
    // Declining needs a reason; accepting tells the applicant.
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    let status = format!("/applications/{application}/status");
    let r = s
        .app
        .post_form(&status, &[("status", "declined"), ("reason", "")])
        .await;
    r.assert_status(422);
    assert!(r.body.contains("Indiquez le motif du refus."));
    s.app
        .post_form(&status, &[("status", "shortlisted")])
        .await
        .assert_status(303);
    s.app
        .post_form(&status, &[("status", "accepted")])
        .await
        .assert_status(303);
    s.app
        .post_form(&status, &[("status", "declined"), ("reason", "Trop tard")])
        .await
        .assert_status(409);
    let mail = s.app.last_email_to(&lecturer.email).await;
    assert!(mail.body_text.contains("acceptée"), "{}", mail.body_text);
    // Accepting its one place filled the offer; the host may reopen it, and fill it again.
    let o = s.app.get(&format!("/offers/{offer}")).await;
    assert!(o.body.contains("status-filled"), "filled by the acceptance");
    s.app
        .post_form(
            &format!("/offers/{offer}/status"),
            &[("status", "published")],
        )
        .await
        .assert_status(303);
    s.app
        .post_form(&format!("/offers/{offer}/status"), &[("status", "filled")])
        .await
        .assert_status(303);
    s.app.clear_cookies();
    s.app.login(&stranger).await;
    s.app
        .post_form(
            &apply,
            &[("home_label", "HES"), ("motivation", "Moi aussi")],
        )
        .await
        .assert_status(409);
    let audit = s.app.audit_actions().await;
    for action in [
        "offer-created",
        "offer-status-changed",
        "application-submitted",
        "application-status-changed",
    ] {
        assert!(audit.contains(&action.to_owned()), "{action}");
    }
}

#[tokio::test]
async fn members_only_offers_stay_inside_the_programme() {
    let mut s = setup().await;
    let offer = s
        .app
        .with_offer(&s.host, &s.programme, &s.host_org, "Immersion réservée")
        .await;
    sqlx::query("UPDATE offers SET visibility = 'members' WHERE id = $1")
        .bind(&offer)
        .execute(&s.app.core.db.pool)
        .await
        .expect("visibility");
    s.app
        .get(&format!("/offers/{offer}"))
        .await
        .assert_status(404);
    assert!(
        !s.app
            .get("/offers")
            .await
            .body
            .contains("Immersion réservée")
    );
    assert!(
        !s.app
            .get("/offers/feed.atom")
            .await
            .body
            .contains("Immersion réservée")
    );
    let outsider = s.app.with_user(Role::Member).await;
    s.app.login(&outsider).await;
    s.app
        .get(&format!("/offers/{offer}"))
        .await
        .assert_status(404);
    // A member of another partner organisation sees it.
    let partner = s.app.with_user(Role::Member).await;
    let school = s
        .app
        .with_organisation(&partner, "HES de travail social")
        .await;
    let school_id = org_id(&s.app, &school).await;
    let host_id = org_id(&s.app, &s.host_org).await;
    s.app.clear_cookies();
    s.app.login(&s.coordinator).await;
    s.app
        .post_form(
            &format!("/programmes/{}/edit", s.programme),
            &[
                ("name", "Career2SocialWork"),
                ("kind", "school-practice"),
                ("languages", "fr"),
                ("max_duration_days", "731"),
                ("min_time_share", "10"),
                ("max_time_share", "100"),
                ("partners", &host_id),
                ("partners", &school_id),
            ],
        )
        .await
        .assert_status(303);
    s.app.clear_cookies();
    s.app.login(&partner).await;
    s.app
        .get(&format!("/offers/{offer}"))
        .await
        .assert_status(200);
    assert!(
        s.app
            .get("/offers")
            .await
            .body
            .contains("Immersion réservée")
    );
}

#[tokio::test]
async fn deadlines_expire_offers_and_saved_searches_send_alerts() {
    let mut s = setup().await;
    // A watcher saves two searches: immediate and weekly.
    let watcher = s.app.with_user(Role::Member).await;
    s.app.login(&watcher).await;
    s.app
        .post_form(
            "/account/searches",
            &[
                ("label", "Suisse"),
                ("query", "country=CH"),
                ("frequency", "immediate"),
            ],
        )
        .await
        .assert_status(303);
    s.app
        .post_form(
            "/account/searches",
            &[("label", "Tout"), ("query", ""), ("frequency", "weekly")],
        )
        .await
        .assert_status(303);
    let r = s
        .app
        .post_form(
            "/account/searches",
            &[("label", "X"), ("query", ""), ("frequency", "hourly")],
        )
        .await;
    r.assert_status(422);
    assert!(s.app.get("/account/searches").await.body.contains("Suisse"));
    // An hour later, the host publishes an offer in Switzerland with a deadline.
    s.app.clock().advance(3600);
    let org = org_id(&s.app, &s.host_org).await;
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    let r = s
        .app
        .post_form(
            &format!("/programmes/{}/offers", s.programme),
            &offer_form(&org, &[("apply_until", "2026-01-31")]),
        )
        .await;
    let offer = id_from(r.location(), "/offers/");
    s.app
        .post_form(
            &format!("/offers/{offer}/status"),
            &[("status", "published")],
        )
        .await
        .assert_status(303);
    s.app.run_jobs().await;
    let alerts: Vec<_> = s
        .app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.to_address == watcher.email)
        .collect();
    assert_eq!(alerts.len(), 1, "one immediate alert");
    assert!(alerts[0].subject.contains("Suisse"));
    // A week later the digest goes out once; the deadline passes and the offer expires.
    s.app.clock().advance(8 * 86_400);
    s.app.run_sweep().await;
    let digests = s
        .app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.to_address == watcher.email && m.subject.contains("Tout"))
        .count();
    assert_eq!(digests, 1);
    s.app.run_sweep().await;
    assert_eq!(
        s.app
            .outbox()
            .await
            .into_iter()
            .filter(|m| m.subject.contains("Tout"))
            .count(),
        1,
        "no second digest the same week"
    );
    s.app.clock().advance(20 * 86_400);
    s.app.run_sweep().await;
    let page = s.app.get(&format!("/offers/{offer}")).await;
    assert!(page.body.contains("Expirée"));
    // Publishing again with the past deadline is refused next to the field.
    let r = s
        .app
        .post_form(
            &format!("/offers/{offer}/status"),
            &[("status", "published")],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("La date limite de candidature est passée"));
}

#[tokio::test]
async fn coordinators_see_offers_nobody_applied_to_and_nudge_members() {
    let mut s = setup().await;
    let offer = s
        .app
        .with_offer(
            &s.host,
            &s.programme,
            &s.host_org,
            "Immersion sans candidat",
        )
        .await;
    let colleague = s.app.with_user(Role::Member).await;
    let school = s.app.with_organisation(&colleague, "Haute école").await;
    let school_id = org_id(&s.app, &school).await;
    let host_id = org_id(&s.app, &s.host_org).await;
    s.app.login(&s.coordinator).await;
    s.app
        .post_form(
            &format!("/programmes/{}/edit", s.programme),
            &[
                ("name", "Career2SocialWork"),
                ("kind", "school-practice"),
                ("languages", "fr"),
                ("max_duration_days", "731"),
                ("min_time_share", "10"),
                ("max_time_share", "100"),
                ("partners", &host_id),
                ("partners", &school_id),
            ],
        )
        .await
        .assert_status(303);
    let page = format!("/programmes/{}", s.programme);
    let before = s.app.get(&page).await;
    assert!(
        before
            .body
            .contains("Toutes les offres publiées depuis assez longtemps")
    );
    s.app.clock().advance(31 * 86_400);
    let after = s.app.get(&page).await;
    assert!(after.body.contains(&format!("/offers/{offer}/nudge")));
    s.app
        .post_form(&format!("/offers/{offer}/nudge"), &[])
        .await
        .assert_status(303);
    let mail = s.app.last_email_to(&colleague.email).await;
    assert!(mail.subject.contains("Immersion sans candidat"));
    // The host's own members are not nudged about their own offer.
    assert!(
        s.app
            .outbox()
            .await
            .iter()
            .all(|m| !(m.to_address == s.host.email && m.subject.contains("vous attend")))
    );
    // Only the coordinator nudges.
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    s.app
        .post_form(&format!("/offers/{offer}/nudge"), &[])
        .await
        .assert_status(403);
}

/// A published sensitive-data offer of the host and a new member's application to it; returns
/// (participant, application id, offer id), logged in as the participant.
pub(crate) async fn submitted_application(s: &mut Setup) -> (TestUser, String, String) {
    let org = org_id(&s.app, &s.host_org).await;
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    let r = s
        .app
        .post_form(
            &format!("/programmes/{}/offers", s.programme),
            &offer_form(&org, &[]),
        )
        .await;
    let offer = id_from(r.location(), "/offers/");
    s.app
        .post_form(
            &format!("/offers/{offer}/status"),
            &[("status", "published")],
        )
        .await
        .assert_status(303);
    let lecturer = s.app.with_user(Role::Member).await;
    s.app.clear_cookies();
    s.app.login(&lecturer).await;
    let r = s
        .app
        .post_form(
            &format!("/offers/{offer}/apply"),
            &[
                ("home_label", "HES-SO"),
                ("motivation", "Relier cours et pratique."),
            ],
        )
        .await;
    let application = id_from(r.location(), "/applications/");
    (lecturer, application, offer)
}

/// An accepted application to a sensitive-data offer; returns (participant, application id,
/// offer id).
pub(crate) async fn accepted_application(s: &mut Setup) -> (TestUser, String, String) {
    let (lecturer, application, offer) = submitted_application(s).await;
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    s.app
        .post_form(
            &format!("/applications/{application}/status"),
            &[("status", "accepted")],
        )
        .await
        .assert_status(303);
    (lecturer, application, offer)
}

pub(crate) fn terms<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("tutor_name", "Claire Tutrice"),
        ("tutor_email", "claire@fribourg.example"),
        ("host_signatory", "Direction du service"),
        (
            "role_does",
            "Participe aux synthèses d'équipe et co-anime un atelier.",
        ),
        ("role_does_not", "Ne prend aucune décision de placement."),
        ("start", "2026-03-01"),
        ("end", "2027-08-31"),
        ("time_share", "40"),
        ("recurring_days", "mardi, jeudi"),
        (
            "continuity",
            "Un carnet de liaison et un point hebdomadaire avec la tutrice.",
        ),
        ("employer_of_record", "HES-SO, salaire maintenu"),
        (
            "data_categories",
            "Dossiers de suivi éducatif des familles suivies par l'équipe",
        ),
        (
            "confidentiality",
            "Je m'engage à ne rien divulguer des situations rencontrées.",
        ),
        ("access_start", "2026-03-01"),
        ("access_end", "2026-06-30"),
    ];
    for (k, v) in extra {
        f.retain(|(key, _)| key != k);
        f.push((k, v));
    }
    f
}

/// The home organisation's dean, who has no account and signs through the e-mailed link.
pub(crate) const DEAN: &str = "decanat@hes.example";

/// The id of the signatory `email` listed by the organisation `slug`.
pub(crate) async fn listed_signatory(app: &TestApp, slug: &str, email: &str) -> String {
    let org = org_id(app, slug).await;
    let mut conn = app.core.db.pool.acquire().await.expect("conn");
    passerelle_testkit::passerelle_core::immersions::signature_store::org_signatories(
        &mut conn, &org,
    )
    .await
    .expect("db")
    .into_iter()
    .find(|s| s.email == email)
    .expect("listed signatory")
    .id
}

/// As the host's admin (logged in, and so again at the end): lists themself as the
/// organisation's signatory and names themself for the host; the coordinator names the dean for
/// the home organisation, which is not on Passerelle.
pub(crate) async fn name_signatories(s: &mut Setup, page: &str) {
    s.app
        .post_form(
            &format!("/organisations/{}/signatories", s.host_org),
            &[
                ("signatory_name", "Hélène Hôte"),
                ("signatory_function", "directrice"),
                ("signatory_email", &s.host.email),
            ],
        )
        .await
        .assert_status(303);
    let listed = listed_signatory(&s.app, &s.host_org, &s.host.email).await;
    s.app
        .post_form(
            &format!("{page}/signatories"),
            &[("party", "host"), ("listed", &listed)],
        )
        .await
        .assert_status(303);
    s.app.clear_cookies();
    s.app.login(&s.coordinator).await;
    s.app
        .post_form(
            &format!("{page}/signatories"),
            &[
                ("party", "home"),
                ("signatory_name", "Prof. Anne Dubois"),
                ("signatory_function", "doyenne"),
                ("signatory_email", DEAN),
            ],
        )
        .await
        .assert_status(303);
    s.app.clear_cookies();
    s.app.login(&s.host).await;
}

/// Signs, without an account, through the newest link e-mailed to `email`; returns the answer.
pub(crate) async fn sign_by_link(
    app: &mut TestApp,
    email: &str,
) -> passerelle_testkit::TestResponse {
    let mail = app
        .outbox()
        .await
        .into_iter()
        .find(|e| e.to_address == email && e.body_text.contains("/sign/"))
        .unwrap_or_else(|| panic!("no signing link sent to {email}"));
    let link = app.link_in(&mail);
    app.clear_cookies();
    app.get(&link).await.assert_status(200);
    app.post_form(&link, &[("confirm_employment", "yes")]).await
}

#[tokio::test]
async fn an_agreement_is_co_written_versioned_approved_by_every_party_and_its_data_access_expires()
{
    let mut s = setup().await;
    let (lecturer, application, _) = accepted_application(&mut s).await;
    // The host drafts the agreement from the accepted application.
    let r = s
        .app
        .post_form(&format!("/applications/{application}/agreement"), &[])
        .await;
    r.assert_status(303);
    let id = id_from(r.location(), "/agreements/");
    let page = format!("/agreements/{id}");
    // Submitting an incomplete draft says what is missing.
    let r = s.app.post_form(&format!("{page}/submit"), &[]).await;
    r.assert_status(422);
    assert!(r.body.contains("Définissez ensemble au moins un objectif."));
    assert!(
        r.body
            .contains("Obligatoire : l&#39;offre implique des données personnelles ou sensibles.")
    );
    // Bad terms: every problem next to its field, nothing saved.
    let r = s
        .app
        .post_form(
            &format!("{page}/edit"),
            &terms(&[
                ("end", "2026-02-01"),
                ("time_share", "5"),
                ("access_end", "2026-01-01"),
            ]),
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"end-error\""));
    assert!(r.body.contains("id=\"time_share-error\""));
    assert!(r.body.contains("id=\"access_end-error\""));
    assert!(r.body.contains("value=\"Claire Tutrice\""));
    s.app
        .post_form(&format!("{page}/edit"), &terms(&[]))
        .await
        .assert_status(303);
    // Objectives and tasks, co-edited and attributed.
    s.app
        .post_form(
            &format!("{page}/items"),
            &[
                ("kind", "task"),
                ("task", "Co-animer l'atelier des parents"),
            ],
        )
        .await
        .assert_status(303);
    s.app.clear_cookies();
    s.app.login(&lecturer).await;
    s.app
        .post_form(
            &format!("{page}/items"),
            &[("kind", "objective"), ("objective", "")],
        )
        .await
        .assert_status(422);
    s.app
        .post_form(
            &format!("{page}/items"),
            &[
                ("kind", "objective"),
                ("objective", "Comprendre la décision en équipe"),
            ],
        )
        .await
        .assert_status(303);
    let view = s.app.get(&page).await;
    assert!(view.body.contains("Comprendre la décision en équipe"));
    assert!(view.body.contains("ajouté par Test Person"));
    // Confidential terms are not on the main page; reading them is audited.
    assert!(!view.body.contains("ne rien divulguer"));
    let t = s.app.get(&format!("{page}/terms")).await;
    t.assert_status(200);
    assert!(t.body.contains("ne rien divulguer"));
    assert!(
        s.app
            .audit_actions()
            .await
            .contains(&"agreement-terms-read".to_owned())
    );
    // The participant does not read the access log; the host's administrator does, and sees
    // who read the confidential terms.
    s.app
        .get(&format!("{page}/access-log"))
        .await
        .assert_status(403);
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    let log = s.app.get(&format!("{page}/access-log")).await;
    log.assert_status(200);
    assert!(log.body.contains("Conditions confidentielles consultées"));
    assert!(log.body.contains(&lecturer.email));
    // Details read as words, not as the codes recorded.
    assert!(log.body.contains("<td>tâche ajoutée</td>"), "{}", log.body);
    assert!(!log.body.contains("<td>task</td>"));
    // Someone else cannot see it at all.
    let stranger = s.app.with_user(Role::Member).await;
    s.app.clear_cookies();
    s.app.login(&stranger).await;
    s.app.get(&page).await.assert_status(404);
    s.app.get(&format!("{page}/terms")).await.assert_status(404);
    // Sending it for signature needs who signs for each organisation.
    s.app.clear_cookies();
    s.app.login(&lecturer).await;
    let r = s.app.post_form(&format!("{page}/submit"), &[]).await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"host_signatory-error\""));
    assert!(r.body.contains("id=\"home_signatory-error\""));
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    name_signatories(&mut s, &page).await;
    // Submitted: version 1 awaits the participant, both employers and the coordinator.
    s.app.clear_cookies();
    s.app.login(&lecturer).await;
    s.app
        .post_form(&format!("{page}/submit"), &[])
        .await
        .assert_status(303);
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[("party", "participant"), ("version", "1")],
        )
        .await
        .assert_status(303);
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[("party", "participant"), ("version", "1")],
        )
        .await
        .assert_status(409);
    // Not a party for the host.
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[
                ("party", "host"),
                ("version", "1"),
                ("confirm_employment", "yes"),
            ],
        )
        .await
        .assert_status(403);
    // The host must confirm the employment conditions.
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    let r = s
        .app
        .post_form(
            &format!("{page}/approve"),
            &[("party", "host"), ("version", "1")],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("Confirmez les conditions d&#39;emploi"));
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[
                ("party", "host"),
                ("version", "1"),
                ("confirm_employment", "yes"),
            ],
        )
        .await
        .assert_status(303);
    // A change now makes version 2; approving the outdated version 1 is refused.
    s.app
        .post_form(
            &format!("{page}/edit"),
            &terms(&[(
                "continuity",
                "Carnet de liaison, point hebdomadaire et présence aux synthèses mensuelles.",
            )]),
        )
        .await
        .assert_status(303);
    s.app.clear_cookies();
    s.app.login(&s.coordinator).await;
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[("party", "coordinator"), ("version", "1")],
        )
        .await
        .assert_status(409);
    let view = s.app.get(&page).await;
    assert!(view.body.contains("Prête à signer"));
    assert!(view.body.contains("Version 2"));
    let cmp = s.app.get(&format!("{page}/compare?a=1&b=2")).await;
    cmp.assert_status(200);
    assert!(cmp.body.contains("synthèses mensuelles"));
    assert!(cmp.body.contains("(modifiée)"));
    // Every party approves version 2.
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[("party", "coordinator"), ("version", "2")],
        )
        .await
        .assert_status(303);
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[
                ("party", "host"),
                ("version", "2"),
                ("confirm_employment", "yes"),
            ],
        )
        .await
        .assert_status(303);
    s.app.clear_cookies();
    s.app.login(&lecturer).await;
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[("party", "participant"), ("version", "2")],
        )
        .await
        .assert_status(303);
    let view = s.app.get(&page).await;
    assert!(
        view.body.contains("Partiellement signée"),
        "partially signed"
    );
    // The home organisation's dean signs version 2 through the link e-mailed to her once the
    // change has rested ten minutes (a burst of edits sends one request, not one per edit).
    s.app.clock().advance(10 * 60);
    s.app.run_jobs().await;
    sign_by_link(&mut s.app, DEAN).await.assert_status(200);
    s.app.login(&lecturer).await;
    let view = s.app.get(&page).await;
    assert!(view.body.contains("status-approved"), "approved");
    // The schedule goes into the participant's calendar: Tuesdays and Thursdays until the end.
    let ics = s.app.get(&format!("{page}/calendar.ics")).await;
    ics.assert_status(200);
    assert!(ics.header("content-type").starts_with("text/calendar"));
    assert!(
        ics.body
            .contains("RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270831"),
        "{}",
        ics.body
    );
    assert!(ics.body.contains("DTSTART;VALUE=DATE:20260303"));
    // The PDF holds every term, the lists and who approved; downloading it is an audited read.
    let before = s
        .app
        .audit_actions()
        .await
        .iter()
        .filter(|a| *a == "agreement-terms-read")
        .count();
    let pdf = s.app.get(&format!("{page}/agreement.pdf")).await;
    pdf.assert_status(200);
    assert_eq!(pdf.header("content-type"), "application/pdf");
    let text = passerelle_testkit::pdf_text(&pdf.bytes);
    // The page's verification code of the version is printed in the PDF's footer.
    let shown = s.app.get(&page).await.body;
    let code = shown
        .split("Code de vérification de cette version <strong>")
        .nth(1)
        .and_then(|rest| rest.split("</strong>").next())
        .expect("verification code on the page")
        .to_owned();
    assert_eq!(code.len(), 18, "{code}");
    assert!(text.contains(&code), "{code} missing from the PDF:\n{text}");
    for needle in [
        "Immersion au service éducatif",
        "Claire Tutrice",
        "ne rien divulguer",
        "Comprendre la décision en équipe",
        "Co-animer l'atelier des parents",
        "Version 2",
    ] {
        assert!(
            text.contains(needle),
            "{needle} missing from the PDF:\n{text}"
        );
    }
    let after = s
        .app
        .audit_actions()
        .await
        .iter()
        .filter(|a| *a == "agreement-terms-read")
        .count();
    assert_eq!(after, before + 1);
    // The participant cannot start it; the host can.
    s.app
        .post_form(&format!("{page}/status"), &[("status", "active")])
        .await
        .assert_status(403);
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    // Starting before the agreed start date (2026-03-01) asks for a confirmation and a reason.
    let r = s
        .app
        .post_form(&format!("{page}/status"), &[("status", "active")])
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"confirm_early-error\""));
    assert!(r.body.contains("id=\"reason-error\"") || r.body.contains("id=\"early_reason-error\""));
    s.app
        .post_form(
            &format!("{page}/status"),
            &[
                ("status", "active"),
                ("confirm_early", "yes"),
                ("early_reason", "Accueil avancé à la demande de l'équipe"),
            ],
        )
        .await
        .assert_status(303);
    assert!(
        s.app
            .get(&page)
            .await
            .body
            .contains("Accueil avancé à la demande de l&#39;équipe")
    );
    // Data access ends by itself after its end date (2026-06-30).
    s.app.run_sweep().await;
    assert!(
        !s.app
            .get(&page)
            .await
            .body
            .contains("Accès aux données terminé")
    );
    s.app.clock().advance(200 * 86_400);
    s.app.run_sweep().await;
    assert!(
        s.app
            .get(&page)
            .await
            .body
            .contains("Accès aux données terminé")
    );
    assert!(
        s.app
            .audit_actions()
            .await
            .contains(&"agreement-access-ended".to_owned())
    );
    // Ending early needs a reason.
    let r = s
        .app
        .post_form(
            &format!("{page}/status"),
            &[("status", "terminated"), ("reason", "")],
        )
        .await;
    r.assert_status(422);
    assert!(
        r.body
            .contains("Indiquez le motif de l&#39;arrêt anticipé.")
    );
    s.app
        .post_form(
            &format!("{page}/status"),
            &[
                ("status", "terminated"),
                ("reason", "Réorganisation du service"),
            ],
        )
        .await
        .assert_status(303);
    // A closed agreement no longer changes.
    s.app
        .post_form(&format!("{page}/edit"), &terms(&[]))
        .await
        .assert_status(409);
    s.app.get("/agreements").await.assert_status(200);
}

/// Drafts, completes, submits and has every party approve an agreement; returns its page path.
pub(crate) async fn approved_agreement(
    s: &mut Setup,
    lecturer: &TestUser,
    application: &str,
) -> String {
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    let r = s
        .app
        .post_form(&format!("/applications/{application}/agreement"), &[])
        .await;
    let page = format!("/agreements/{}", id_from(r.location(), "/agreements/"));
    s.app
        .post_form(&format!("{page}/edit"), &terms(&[]))
        .await
        .assert_status(303);
    for (kind, text) in [("objective", "Observer"), ("task", "Co-animer")] {
        s.app
            .post_form(&format!("{page}/items"), &[("kind", kind), (kind, text)])
            .await
            .assert_status(303);
    }
    name_signatories(s, &page).await;
    s.app
        .post_form(&format!("{page}/submit"), &[])
        .await
        .assert_status(303);
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[
                ("party", "host"),
                ("version", "1"),
                ("confirm_employment", "yes"),
            ],
        )
        .await
        .assert_status(303);
    for (who, party) in [
        (lecturer.clone(), "participant"),
        (s.coordinator.clone(), "coordinator"),
    ] {
        s.app.clear_cookies();
        s.app.login(&who).await;
        s.app
            .post_form(
                &format!("{page}/approve"),
                &[("party", party), ("version", "1")],
            )
            .await
            .assert_status(303);
    }
    sign_by_link(&mut s.app, DEAN).await.assert_status(200);
    page
}

#[tokio::test]
async fn the_logbook_shows_each_entry_only_to_those_it_is_shared_with() {
    let mut s = setup().await;
    let (lecturer, application, _) = accepted_application(&mut s).await;
    let page = approved_agreement(&mut s, &lecturer, &application).await;
    let logbook = format!("{page}/logbook");
    s.app.clear_cookies();
    s.app.login(&lecturer).await;
    s.app.get(&logbook).await.assert_status(200);
    let r = s
        .app
        .post_multipart(
            &logbook,
            &[
                ("entry_date", "2026-03-40"),
                ("kind", "observation"),
                ("title", ""),
                ("body", "x"),
                ("visibility", "private"),
            ],
            &[("files", "photo.pdf", b"\x89PNG\r\n\x1a\n....")],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"entry_date-error\""));
    assert!(r.body.contains("id=\"title-error\""));
    // A file whose contents do not match its name is refused next to the file input, and
    // nothing of the entry is written.
    assert!(r.body.contains("id=\"files-error\""));
    assert!(r.body.contains("ne correspond pas à son extension"));
    for (title, visibility, prompt, file) in [
        ("Note privée", "private", "surprise", "prive.txt"),
        ("Note pour la tutrice", "tutor", "", "grille-atelier.pdf"),
        ("Note pour le programme", "programme", "transfer", ""),
    ] {
        let files: &[(&str, &str, &[u8])] = match file {
            "" => &[("files", "", b"")],
            "prive.txt" => &[("files", file, "Notes privées".as_bytes())],
            _ => &[("files", file, b"%PDF-1.4 grille")],
        };
        s.app
            .post_multipart(
                &logbook,
                &[
                    ("entry_date", "2026-03-03"),
                    ("kind", "family-workshop"),
                    ("title", title),
                    ("body", "Atelier avec six familles ; les pères sont venus."),
                    ("tags", "Pères, atelier"),
                    ("prompt", prompt),
                    ("visibility", visibility),
                ],
                files,
            )
            .await
            .assert_status(303);
    }
    let own = s.app.get(&logbook).await;
    let file_link = |body: &str, name: &str| -> String {
        let end = body
            .find(&format!("\" download>{name}<"))
            .expect("file link");
        let start = body[..end].rfind("/attachments/").expect("attachment href");
        body[start..end].to_owned()
    };
    let private_file = file_link(&own.body, "prive.txt");
    let tutor_file = file_link(&own.body, "grille-atelier.pdf");
    let r = s.app.get(&tutor_file).await;
    r.assert_status(200);
    assert_eq!(r.bytes, b"%PDF-1.4 grille");
    assert_eq!(r.header("content-type"), "application/pdf");
    assert_eq!(r.header("x-content-type-options"), "nosniff");
    assert!(
        r.header("content-disposition")
            .starts_with("attachment; filename=\"grille-atelier.pdf\"")
    );
    assert!(own.body.contains("Note privée") && own.body.contains("Note pour la tutrice"));
    assert!(
        own.body
            .contains("Qu&#39;est-ce qui m&#39;a surpris·e aujourd&#39;hui")
    );
    // The host reads what is shared with the tutor and the programme; the coordinator only the
    // latter; a stranger nothing.
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    let host = s.app.get(&logbook).await;
    assert!(!host.body.contains("Note privée"));
    // Files follow their entry: the host gets the tutor's file, not the private one.
    s.app.get(&tutor_file).await.assert_status(200);
    s.app.get(&private_file).await.assert_status(404);
    assert!(
        host.body.contains("Note pour la tutrice") && host.body.contains("Note pour le programme")
    );
    s.app
        .post_multipart(
            &logbook,
            &[
                ("entry_date", "2026-03-03"),
                ("kind", "other"),
                ("title", "x"),
                ("body", "x"),
                ("visibility", "private"),
            ],
            &[],
        )
        .await
        .assert_status(403);
    s.app.clear_cookies();
    s.app.login(&s.coordinator).await;
    let coordinator = s.app.get(&logbook).await;
    assert!(!coordinator.body.contains("Note pour la tutrice"));
    assert!(coordinator.body.contains("Note pour le programme"));
    s.app.get(&tutor_file).await.assert_status(404);
    let stranger = s.app.with_user(Role::Member).await;
    s.app.clear_cookies();
    s.app.login(&stranger).await;
    s.app.get(&logbook).await.assert_status(404);
    s.app.get(&tutor_file).await.assert_status(404);
    s.app.clear_cookies();
    s.app.get(&tutor_file).await.assert_status(404);
}

#[tokio::test]
async fn reciprocal_immersions_are_paired_and_others_refused() {
    let mut s = setup().await;
    // A → B: the lecturer of the school goes to the host; B → A: a host worker goes to the school.
    let lecturer = s.app.with_user(Role::Member).await;
    let school = s.app.with_organisation(&lecturer, "Kogl Taaba").await;
    let school_id = org_id(&s.app, &school).await;
    let host_id = org_id(&s.app, &s.host_org).await;
    s.app.login(&s.coordinator).await;
    s.app
        .post_form(
            &format!("/programmes/{}/edit", s.programme),
            &[
                ("name", "Career2SocialWork"),
                ("kind", "peer-cross"),
                ("languages", "fr"),
                ("max_duration_days", "731"),
                ("min_time_share", "10"),
                ("max_time_share", "100"),
                ("partners", &host_id),
                ("partners", &school_id),
            ],
        )
        .await
        .assert_status(303);
    let core = s.app.core.clone();
    let actor = passerelle_testkit::passerelle_core::accounts::Actor::cli();
    use passerelle_testkit::passerelle_core::immersions;
    let agreement_between = |host_user: TestUser,
                             host_org: String,
                             visitor: TestUser,
                             home_org: String| {
        let core = core.clone();
        let actor = actor.clone();
        let programme = s.programme.clone();
        let app = &s.app;
        async move {
            let host = app.user(&host_user).await;
            let visitor_u = app.user(&visitor).await;
            let offer = app
                .with_offer(&host_user, &programme, &host_org, "Réciproque")
                .await;
            let application = immersions::apply(
                &core,
                &visitor_u,
                &offer,
                &immersions::ApplicationInput {
                    home_organisation_id: home_org,
                    motivation: "Échanger.".into(),
                    ..Default::default()
                },
                &actor,
            )
            .await
            .expect("apply");
            immersions::set_application_status(&core, &host, &application, "accepted", "", &actor)
                .await
                .expect("accept");
            immersions::draft_agreement(&core, &host, &application, &actor)
                .await
                .expect("draft")
        }
    };
    let visitor_b = s.app.with_user(Role::Member).await;
    s.app
        .with_membership(&s.host_org, &visitor_b, "member")
        .await;
    let first = agreement_between(
        s.host.clone(),
        s.host_org.clone(),
        lecturer.clone(),
        school_id.clone(),
    )
    .await;
    let second = agreement_between(
        lecturer.clone(),
        school.clone(),
        visitor_b.clone(),
        host_id.clone(),
    )
    .await;
    // The coordinator chooses the other direction from a list, not by pasting an id.
    let page = s.app.get(&format!("/agreements/{first}")).await;
    assert!(
        page.body.contains(&format!("<option value=\"{second}\">")),
        "the reciprocal agreement is offered"
    );
    assert!(!page.body.contains(&format!("<option value=\"{first}\">")));
    // Not reciprocal with itself; unknown identifiers explained.
    let r = s
        .app
        .post_form(&format!("/agreements/{first}/pair"), &[("other", &first)])
        .await;
    r.assert_status(422);
    assert!(r.body.contains("ne sont pas réciproques"));
    let r = s
        .app
        .post_form(&format!("/agreements/{first}/pair"), &[("other", "nope")])
        .await;
    r.assert_status(422);
    assert!(
        r.body
            .contains("Aucune convention n&#39;a cet identifiant.")
    );
    s.app
        .post_form(&format!("/agreements/{first}/pair"), &[("other", &second)])
        .await
        .assert_status(303);
    let a = s.app.get(&format!("/agreements/{first}")).await;
    assert!(a.body.contains(&format!("/agreements/{second}")));
    let b = s.app.get(&format!("/agreements/{second}")).await;
    assert!(b.body.contains(&format!("/agreements/{first}")));
    // One page shows both directions side by side.
    let both = s.app.get(&format!("/agreements/{first}/pair")).await;
    both.assert_status(200);
    assert!(both.body.contains(&format!("href=\"/agreements/{first}\"")));
    assert!(
        both.body
            .contains(&format!("href=\"/agreements/{second}\""))
    );
    let r = s
        .app
        .post_form(&format!("/agreements/{second}/pair"), &[("other", &first)])
        .await;
    r.assert_status(422);
    assert!(r.body.contains("déjà associée"));
    // Only the coordinator pairs.
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    s.app
        .post_form(&format!("/agreements/{first}/pair"), &[("other", &second)])
        .await
        .assert_status(403);
}

#[tokio::test]
async fn closing_reports_are_reminded_until_both_are_in_and_follow_ups_go_out_at_6_and_12_months() {
    let mut s = setup().await;
    let (lecturer, application, _) = accepted_application(&mut s).await;
    let page = approved_agreement(&mut s, &lecturer, &application).await;
    // Reports are not open before the end.
    s.app.clear_cookies();
    s.app.login(&lecturer).await;
    s.app
        .post_form(&format!("{page}/report"), &[])
        .await
        .assert_status(409);
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    for status in ["active", "completed"] {
        s.app
            .post_form(
                &format!("{page}/status"),
                &[
                    ("status", status),
                    ("confirm_early", "yes"),
                    ("reason", "Immersion enregistrée après coup"),
                ],
            )
            .await
            .assert_status(303);
    }
    // Both sides are reminded, then not again within the week.
    s.app.run_sweep().await;
    let reminders = |outbox: &[passerelle_testkit::passerelle_core::mail::EmailRow], to: &str| {
        outbox
            .iter()
            .filter(|m| m.to_address == to && m.subject.starts_with("Bilan final attendu"))
            .count()
    };
    let outbox = s.app.outbox().await;
    assert_eq!(reminders(&outbox, &lecturer.email), 1);
    assert_eq!(reminders(&outbox, &s.host.email), 1);
    s.app.clock().advance(3600);
    s.app.run_sweep().await;
    assert_eq!(reminders(&s.app.outbox().await, &lecturer.email), 1);
    // The participant's report: every objective needs a level; what was typed is kept.
    s.app.clear_cookies();
    s.app.login(&lecturer).await;
    let r = s
        .app
        .post_form(
            &format!("{page}/report"),
            &[
                ("expectations_met", "4"),
                ("satisfaction", "5"),
                ("learned", "La décision collégiale."),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"reached_0-error\""));
    assert!(r.body.contains("La décision collégiale."));
    s.app
        .post_form(
            &format!("{page}/report"),
            &[
                ("reached_0", "3"),
                ("comment_0", "Beaucoup de synthèses suivies"),
                ("expectations_met", "4"),
                ("satisfaction", "5"),
                ("learned", "La décision collégiale."),
                ("difficulty_data", "L'accès aux dossiers est arrivé tard."),
            ],
        )
        .await
        .assert_status(303);
    s.app
        .post_form(&format!("{page}/report"), &[("reached_0", "3")])
        .await
        .assert_status(409);
    // A week later only the host is reminded.
    s.app.clock().advance(7 * 86_400);
    s.app.run_sweep().await;
    let outbox = s.app.outbox().await;
    assert_eq!(reminders(&outbox, &lecturer.email), 1);
    assert_eq!(reminders(&outbox, &s.host.email), 2);
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    s.app
        .post_form(
            &format!("{page}/report"),
            &[
                ("reached_0", "4"),
                ("expectations_met", "3"),
                ("satisfaction", "4"),
                ("host_gained", "Un regard de recherche."),
            ],
        )
        .await
        .assert_status(303);
    let reports = s.app.get(&format!("{page}/report")).await;
    assert!(
        reports.body.contains("Beaucoup de synthèses suivies")
            && reports.body.contains("Un regard de recherche.")
    );
    assert!(reports.body.contains("En grande partie"));
    // Six months after the end, each side gets a follow-up, once.
    s.app.clock().advance(182 * 86_400);
    s.app.run_sweep().await;
    s.app.run_sweep().await;
    let follow_ups: Vec<_> = s
        .app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.subject.starts_with("6 mois après"))
        .collect();
    assert_eq!(follow_ups.len(), 2, "one per side");
    let mail = follow_ups
        .iter()
        .find(|m| m.to_address == lecturer.email)
        .expect("participant follow-up");
    let link = s.app.link_in(mail);
    s.app.clear_cookies();
    s.app.login(&lecturer).await;
    let f = s.app.get(&link).await;
    f.assert_status(200);
    assert!(f.body.contains("Qu&#39;en reste-t-il ?"));
    s.app
        .post_form(&link, &[("lasting", "")])
        .await
        .assert_status(422);
    s.app
        .post_form(
            &link,
            &[
                ("lasting", "Un module de cours co-construit."),
                ("still_in_contact", "yes"),
            ],
        )
        .await
        .assert_status(303);
    assert!(
        s.app
            .get(&link)
            .await
            .body
            .contains("Un module de cours co-construit.")
    );
    s.app
        .post_form(&link, &[("lasting", "Encore"), ("still_in_contact", "no")])
        .await
        .assert_status(409);
    // Someone else cannot open it.
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    s.app.get(&link).await.assert_status(404);
    // The coordinator reads the answers, per immersion, and exports them.
    s.app.clear_cookies();
    s.app.login(&s.coordinator).await;
    let answers = format!("/programmes/{}/follow-ups", s.programme);
    let r = s.app.get(&answers).await;
    r.assert_status(200);
    assert!(r.body.contains("Un module de cours co-construit."));
    assert!(
        r.body.contains("Pas encore de réponse."),
        "the unanswered ones too"
    );
    let csv = s.app.get(&format!("{answers}/export?format=csv")).await;
    csv.assert_status(200);
    assert!(csv.body.contains("\"Un module de cours co-construit.\""));
    assert_eq!(
        csv.body.lines().count(),
        3,
        "a header and both 6-month follow-ups"
    );
    // Twelve months after the end, the second round.
    s.app.clock().advance(183 * 86_400);
    s.app.run_sweep().await;
    assert_eq!(
        s.app
            .outbox()
            .await
            .iter()
            .filter(|m| m.subject.starts_with("12 mois après"))
            .count(),
        2
    );
}

#[tokio::test]
async fn the_dashboard_counts_immersions_replies_reports_and_exports_every_table() {
    let mut s = setup().await;
    let (lecturer, application, _) = accepted_application(&mut s).await;
    let page = approved_agreement(&mut s, &lecturer, &application).await;
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    for status in ["active", "completed"] {
        s.app
            .post_form(
                &format!("{page}/status"),
                &[
                    ("status", status),
                    ("confirm_early", "yes"),
                    ("reason", "Immersion enregistrée après coup"),
                ],
            )
            .await
            .assert_status(303);
    }
    s.app.clear_cookies();
    s.app.login(&lecturer).await;
    s.app
        .post_form(
            &format!("{page}/report"),
            &[
                ("reached_0", "4"),
                ("expectations_met", "4"),
                ("satisfaction", "5"),
            ],
        )
        .await
        .assert_status(303);
    // A second offer nobody applies to.
    s.app
        .with_offer(
            &s.host,
            &s.programme,
            &s.host_org,
            "Immersion sans candidat",
        )
        .await;
    let dashboard = format!("/programmes/{}/dashboard", s.programme);
    s.app.get(&dashboard).await.assert_status(403);
    s.app.clear_cookies();
    s.app.login(&s.coordinator).await;
    let d = s.app.get(&dashboard).await;
    d.assert_status(200);
    assert!(d.body.contains("<svg class=\"chart\" role=\"img\""));
    assert!(
        d.body
            .contains("<dt>Immersions (conventions signées)</dt><dd>1</dd>"),
        "{}",
        d.body
    );
    assert!(
        d.body.contains("<dd>50 % (1/2)</dd>"),
        "offers without applicants and reports"
    );
    assert!(d.body.contains("<dd>5.0 / 5</dd>"));
    assert!(
        d.body.contains("<dd>549 jours</dd>"),
        "median duration 2026-03-01 → 2027-08-31"
    );
    let csv = s
        .app
        .get(&format!("{dashboard}/export?table=status&format=csv"))
        .await;
    csv.assert_status(200);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert_eq!(csv.body, "\"Catégorie\",\"Nombre\"\n\"Terminée\",\"1\"\n");
    let csv = s
        .app
        .get(&format!("{dashboard}/export?table=country&format=csv"))
        .await;
    assert_eq!(csv.body, "\"Catégorie\",\"Nombre\"\n\"Suisse\",\"1\"\n");
    // Reply times per host organisation.
    let csv = s
        .app
        .get(&format!("{dashboard}/export?table=reply&format=csv"))
        .await;
    csv.assert_status(200);
    assert!(
        csv.body.contains("\"Service de protection de l'enfance\""),
        "{}",
        csv.body
    );
    let xlsx = s
        .app
        .get(&format!("{dashboard}/export?table=indicators&format=xlsx"))
        .await;
    xlsx.assert_status(200);
    assert!(xlsx.header("content-disposition").contains(".xlsx"));
    // The immersions it counts are listed; every table comes in one workbook, numbers as
    // numbers.
    assert!(
        d.body.contains(&format!("href=\"{page}\"")),
        "the immersion is listed"
    );
    let book = s
        .app
        .get(&format!("{dashboard}/export?table=all&format=xlsx"))
        .await;
    book.assert_status(200);
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(book.bytes.clone())).expect("xlsx");
    let names = wb.sheet_names();
    assert_eq!(names.len(), 8, "{names:?}");
    let indicators = wb.worksheet_range(&names[0]).expect("indicators");
    assert_eq!(
        indicators.get_value((1, 1)),
        Some(&calamine::Data::Float(1.0)),
        "immersions counted, as a number"
    );
    let list = wb.worksheet_range(&names[1]).expect("immersions");
    assert_eq!(
        list.get_value((1, 6)),
        Some(&calamine::Data::Float(549.0)),
        "days as a number"
    );
    s.app
        .get(&format!("{dashboard}/export?table=nope&format=csv"))
        .await
        .assert_status(404);
}

#[tokio::test]
async fn the_mid_term_review_is_confirmed_by_both_sides_and_coaching_notes_stay_with_coordinators()
{
    let mut s = setup().await;
    let (lecturer, application, _) = accepted_application(&mut s).await;
    let page = approved_agreement(&mut s, &lecturer, &application).await;
    let review = format!("{page}/review");
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    let r = s
        .app
        .post_form(&review, &[("held_on", ""), ("progress", "")])
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"held_on-error\"") && r.body.contains("id=\"progress-error\""));
    s.app
        .post_form(
            &review,
            &[
                ("held_on", "2026-11-10"),
                ("progress", "Objectif 1 atteint à moitié."),
                ("next_steps", "Co-animer deux ateliers."),
            ],
        )
        .await
        .assert_status(303);
    s.app
        .post_form(&format!("{review}/confirm"), &[])
        .await
        .assert_status(303);
    s.app
        .post_form(&format!("{review}/confirm"), &[])
        .await
        .assert_status(409);
    s.app.clear_cookies();
    // The participant is told the review awaits their confirmation.
    let told = s.app.last_email_to(&lecturer.email).await;
    assert!(
        told.subject.starts_with("Bilan intermédiaire à confirmer"),
        "{}",
        told.subject
    );
    s.app.login(&lecturer).await;
    let before = s.app.get(&review).await;
    assert!(before.body.contains("Objectif 1 atteint à moitié."));
    assert!(before.body.contains("Confirmer ce bilan"));
    s.app
        .post_form(&format!("{review}/confirm"), &[])
        .await
        .assert_status(303);
    let after = s.app.get(&review).await;
    assert_eq!(after.body.matches("confirmé par").count(), 2);
    // Coaching notes: the coordinator writes and reads; the parties do not even see the page.
    let coaching = format!("{page}/coaching");
    s.app.get(&coaching).await.assert_status(404);
    s.app
        .post_form(&coaching, &[("body", "x")])
        .await
        .assert_status(404);
    s.app.clear_cookies();
    s.app.login(&s.coordinator).await;
    // The review is the participant's and the host's: the coordinator reads it, no form.
    let r = s.app.get(&review).await;
    r.assert_status(200);
    assert!(
        !r.body.contains("name=\"progress\""),
        "no review form for the programme"
    );
    s.app
        .post_form(&review, &[("held_on", "2026-11-11"), ("progress", "x")])
        .await
        .assert_status(403);
    s.app
        .post_form(&coaching, &[("body", " ")])
        .await
        .assert_status(422);
    s.app
        .post_form(
            &coaching,
            &[(
                "body",
                "Participant un peu isolé : proposer un point avec l'alumni de 2025.",
            )],
        )
        .await
        .assert_status(303);
    assert!(
        s.app
            .get(&coaching)
            .await
            .body
            .contains("proposer un point")
    );
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    s.app.get(&coaching).await.assert_status(404);
    assert!(!s.app.get(&page).await.body.contains("/coaching"));
}

#[tokio::test]
async fn an_unanswered_application_is_reminded_to_the_host_every_week_until_answered() {
    let mut s = setup().await;
    let (_, application, _) = submitted_application(&mut s).await;
    let reminders = |app: &TestApp, host: String| {
        let app = app.core.clone();
        async move {
            let mut conn = app.db.pool.acquire().await.expect("conn");
            passerelle_testkit::passerelle_core::mail::store::list(&mut conn, "", 1000, 0)
                .await
                .expect("outbox")
                .into_iter()
                .filter(|m| m.to_address == host && m.subject.starts_with("Une candidature attend"))
                .count()
        }
    };
    // Not before a week; then once, not at every sweep; then again a week later.
    s.app.clock().advance(6 * 86_400);
    s.app.run_sweep().await;
    assert_eq!(reminders(&s.app, s.host.email.clone()).await, 0);
    s.app.clock().advance(2 * 86_400);
    s.app.run_sweep().await;
    s.app.run_sweep().await;
    assert_eq!(reminders(&s.app, s.host.email.clone()).await, 1);
    let mail = s.app.last_email_to(&s.host.email).await;
    assert!(
        mail.body_text.contains("il y a 8 jours"),
        "{}",
        mail.body_text
    );
    s.app.clock().advance(7 * 86_400);
    s.app.run_sweep().await;
    assert_eq!(reminders(&s.app, s.host.email.clone()).await, 2);
    // Once the host answers, no more reminders.
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    s.app
        .post_form(
            &format!("/applications/{application}/messages"),
            &[("body", "Merci, nous vous proposons un entretien.")],
        )
        .await
        .assert_status(303);
    s.app.clock().advance(8 * 86_400);
    s.app.run_sweep().await;
    assert_eq!(reminders(&s.app, s.host.email.clone()).await, 2);
}
