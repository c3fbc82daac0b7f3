//! Every route, every role: the status each one gets. A route missing from this table, or a
//! row for a route that no longer exists, fails the test.

use passerelle_testkit::passerelle_core::accounts::{Actor, Role};
use passerelle_testkit::passerelle_core::{immersions, sheets, syntheses};
use passerelle_testkit::{TestApp, TestUser};

/// Who is asking.
#[derive(Clone, Copy, Debug)]
enum As {
    Anonymous,
    Member,
    OrgAdmin,
    Coordinator,
    Administrator,
}

const ROLES: [As; 5] = [
    As::Anonymous,
    As::Member,
    As::OrgAdmin,
    As::Coordinator,
    As::Administrator,
];

/// `(method, route, form fields, [anonymous, member, org admin, coordinator, administrator])`.
/// Placeholders: `{slug}` the fixture organisation, `{user_id}` one of its plain members,
/// `{id}` an unknown id (or the fixture member for `/admin/users/{id}/role`, the fixture offer
/// under `/offers/`, the fixture application under `/applications/`), `{token}` an unknown
/// token; under `/programmes/`, `{slug}` is the fixture programme, whose coordinator is the
/// coordinator, whose partner is the fixture organisation, and whose published offer the
/// member has applied to. 303 for anonymous visitors on private pages is the redirect to the login page.
/// Forms with files: posted as `multipart/form-data`, as browsers do.
const FILE_FORMS: &[&str] = &[
    "/agreements/{id}/logbook",
    "/agreements/{id}/outputs",
    "/questionnaires/import",
    "/sheets/{id}/files",
];

type Row = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
    [u16; 5],
);

const TABLE: &[Row] = &[
    (
        "GET",
        "/questionnaires/{id}/invitations",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "POST",
        "/questionnaires/{id}/invitations",
        &[],
        [303, 404, 404, 422, 422],
    ),
    (
        "POST",
        "/questionnaires/{id}/invitations/remind",
        &[],
        [303, 404, 404, 303, 303],
    ),
    ("GET", "/", &[], [200, 200, 200, 200, 200]),
    (
        "POST",
        "/language",
        &[("lang", "en"), ("next", "/")],
        [303, 303, 303, 303, 303],
    ),
    ("GET", "/healthz", &[], [200, 200, 200, 200, 200]),
    ("GET", "/readyz", &[], [200, 200, 200, 200, 200]),
    ("GET", "/static/style.css", &[], [200, 200, 200, 200, 200]),
    ("GET", "/static/forms.js", &[], [200, 200, 200, 200, 200]),
    (
        "GET",
        "/static/vendor/htmx-2.0.11.min.js",
        &[],
        [200, 200, 200, 200, 200],
    ),
    ("GET", "/register", &[], [200, 303, 303, 303, 303]),
    ("POST", "/register", &[], [422, 422, 422, 422, 422]),
    ("GET", "/register/sent", &[], [200, 200, 200, 200, 200]),
    (
        "POST",
        "/account/confirm/resend",
        &[],
        [200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/account/confirm/{token}",
        &[],
        [410, 410, 410, 410, 410],
    ),
    ("GET", "/login", &[], [200, 303, 303, 303, 303]),
    ("POST", "/login", &[], [422, 422, 422, 422, 422]),
    ("POST", "/logout", &[], [303, 303, 303, 303, 303]),
    (
        "GET",
        "/login/unlock/{token}",
        &[],
        [410, 410, 410, 410, 410],
    ),
    (
        "POST",
        "/login/unlock/{token}",
        &[],
        [410, 410, 410, 410, 410],
    ),
    ("GET", "/password/forgot", &[], [200, 200, 200, 200, 200]),
    ("POST", "/password/forgot", &[], [422, 422, 422, 422, 422]),
    (
        "GET",
        "/password/reset/{token}",
        &[],
        [410, 410, 410, 410, 410],
    ),
    (
        "POST",
        "/password/reset/{token}",
        &[("password", "long enough passphrase")],
        [410, 410, 410, 410, 410],
    ),
    ("GET", "/account", &[], [303, 200, 200, 200, 200]),
    ("POST", "/account", &[], [303, 422, 422, 422, 422]),
    ("POST", "/account/password", &[], [303, 422, 422, 422, 422]),
    ("GET", "/account/delete", &[], [303, 200, 200, 200, 200]),
    ("POST", "/account/delete", &[], [303, 422, 422, 422, 422]),
    ("GET", "/setup/{token}", &[], [410, 410, 410, 410, 410]),
    (
        "POST",
        "/setup/{token}",
        &[
            ("email", "x@example.org"),
            ("password", "long enough passphrase"),
        ],
        [410, 410, 410, 410, 410],
    ),
    ("GET", "/programmes", &[], [200, 200, 200, 200, 200]),
    ("POST", "/programmes", &[], [303, 403, 403, 422, 422]),
    ("GET", "/programmes/new", &[], [303, 403, 403, 200, 200]),
    ("GET", "/programmes/{slug}", &[], [200, 200, 200, 200, 200]),
    (
        "GET",
        "/programmes/{slug}/edit",
        &[],
        [303, 403, 403, 200, 200],
    ),
    (
        "POST",
        "/programmes/{slug}/edit",
        &[],
        [303, 403, 403, 422, 422],
    ),
    (
        "GET",
        "/programmes/{slug}/feed.atom",
        &[],
        [200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/programmes/{slug}/dashboard",
        &[],
        [303, 403, 403, 200, 200],
    ),
    (
        "GET",
        "/programmes/{slug}/dashboard/export",
        &[],
        [303, 403, 403, 404, 404],
    ),
    (
        "GET",
        "/programmes/{slug}/follow-ups",
        &[],
        [303, 403, 403, 200, 200],
    ),
    (
        "GET",
        "/programmes/{slug}/follow-ups/export",
        &[],
        [303, 403, 403, 404, 404],
    ),
    (
        "GET",
        "/programmes/{slug}/offers/new",
        &[],
        [303, 403, 200, 200, 200],
    ),
    (
        "POST",
        "/programmes/{slug}/offers",
        &[],
        [303, 403, 422, 422, 422],
    ),
    ("GET", "/offers", &[], [200, 200, 200, 200, 200]),
    ("GET", "/offers/feed.atom", &[], [200, 200, 200, 200, 200]),
    ("GET", "/offers/mine", &[], [303, 200, 200, 200, 200]),
    ("GET", "/offers/{id}", &[], [200, 200, 200, 200, 200]),
    ("GET", "/offers/{id}/edit", &[], [303, 403, 200, 200, 200]),
    ("POST", "/offers/{id}/edit", &[], [303, 403, 422, 422, 422]),
    (
        "POST",
        "/offers/{id}/status",
        &[],
        [303, 403, 409, 409, 409],
    ),
    ("POST", "/offers/{id}/nudge", &[], [303, 403, 403, 303, 303]),
    // The member has applied already (a redirect to their application, whether they open the
    // form or send it again); the host and the coordinator cannot apply to their own offer.
    ("GET", "/offers/{id}/apply", &[], [303, 303, 403, 403, 200]),
    ("POST", "/offers/{id}/apply", &[], [303, 303, 403, 403, 422]),
    ("GET", "/applications", &[], [303, 200, 200, 200, 200]),
    ("GET", "/applications/{id}", &[], [303, 200, 200, 200, 200]),
    (
        "POST",
        "/applications/{id}/messages",
        &[],
        [303, 422, 422, 422, 403],
    ),
    // Last of the application rows: the member (the applicant) withdraws.
    (
        "POST",
        "/applications/{id}/status",
        &[("status", "withdrawn")],
        [303, 303, 403, 403, 403],
    ),
    (
        "POST",
        "/applications/{id}/agreement",
        &[],
        [303, 403, 409, 409, 403],
    ),
    ("GET", "/agreements", &[], [303, 200, 200, 200, 200]),
    ("GET", "/agreements/{id}", &[], [303, 404, 200, 200, 200]),
    (
        "GET",
        "/agreements/{id}/edit",
        &[],
        [303, 404, 200, 200, 403],
    ),
    (
        "POST",
        "/agreements/{id}/edit",
        &[],
        [303, 404, 303, 303, 403],
    ),
    (
        "GET",
        "/agreements/{id}/terms",
        &[],
        [303, 404, 200, 200, 200],
    ),
    (
        "POST",
        "/agreements/{id}/items",
        &[],
        [303, 404, 409, 409, 403],
    ),
    (
        "POST",
        "/agreements/{id}/items/{item}/remove",
        &[],
        [303, 404, 404, 404, 403],
    ),
    (
        "POST",
        "/agreements/{id}/submit",
        &[],
        [303, 404, 422, 422, 403],
    ),
    (
        "POST",
        "/agreements/{id}/approve",
        &[],
        [303, 404, 403, 403, 403],
    ),
    (
        "POST",
        "/agreements/{id}/signatories",
        &[("party", "host")],
        [303, 404, 422, 422, 403],
    ),
    (
        "POST",
        "/agreements/{id}/amendment/withdraw",
        &[],
        [303, 404, 409, 409, 403],
    ),
    ("GET", "/sign/{token}", &[], [404, 404, 404, 404, 404]),
    (
        "GET",
        "/sign/{token}/agreement.pdf",
        &[],
        [404, 404, 404, 404, 404],
    ),
    (
        "GET",
        "/agreements/{id}/access-log",
        &[],
        [303, 404, 200, 403, 200],
    ),
    (
        "GET",
        "/agreements/{id}/pair",
        &[],
        [303, 404, 404, 404, 404],
    ),
    ("POST", "/sign/{token}", &[], [404, 404, 404, 404, 404]),
    (
        "POST",
        "/agreements/{id}/status",
        &[],
        [303, 404, 409, 409, 403],
    ),
    (
        "GET",
        "/agreements/{id}/compare",
        &[],
        [303, 404, 404, 404, 404],
    ),
    // The fixture agreement is a draft: the review opens once it is approved; coaching notes
    // exist for the coordinator and administrators only.
    (
        "GET",
        "/agreements/{id}/review",
        &[],
        [303, 404, 200, 200, 200],
    ),
    // The participant and the host write the review; the programme reads it.
    (
        "POST",
        "/agreements/{id}/review",
        &[],
        [303, 404, 409, 403, 403],
    ),
    (
        "POST",
        "/agreements/{id}/review/confirm",
        &[],
        [303, 404, 409, 409, 409],
    ),
    (
        "GET",
        "/agreements/{id}/coaching",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "POST",
        "/agreements/{id}/coaching",
        &[],
        [303, 404, 404, 422, 422],
    ),
    (
        "GET",
        "/agreements/{id}/agreement.pdf",
        &[],
        [303, 404, 200, 200, 200],
    ),
    (
        "GET",
        "/agreements/{id}/calendar.ics",
        &[],
        [303, 404, 409, 409, 409],
    ),
    (
        "GET",
        "/agreements/{id}/logbook",
        &[],
        [303, 404, 200, 200, 200],
    ),
    (
        "POST",
        "/agreements/{id}/logbook",
        &[],
        [303, 404, 403, 403, 403],
    ),
    (
        "POST",
        "/agreements/{id}/pair",
        &[],
        [303, 404, 403, 422, 422],
    ),
    // The fixture agreement is a draft: reports open only after the immersion.
    (
        "GET",
        "/agreements/{id}/report",
        &[],
        [303, 404, 200, 200, 200],
    ),
    (
        "POST",
        "/agreements/{id}/report",
        &[],
        [303, 404, 409, 403, 403],
    ),
    // Capitalisation opens once the agreement is approved (409 on the draft fixture for its
    // parties); the administrator reads it but is no party; contacts are removable by parties.
    (
        "GET",
        "/agreements/{id}/capitalisation",
        &[],
        [303, 404, 200, 200, 200],
    ),
    (
        "POST",
        "/agreements/{id}/outputs",
        &[],
        [303, 404, 409, 409, 403],
    ),
    (
        "POST",
        "/agreements/{id}/outputs/{item}/remove",
        &[],
        [303, 404, 409, 409, 403],
    ),
    (
        "POST",
        "/agreements/{id}/contacts",
        &[],
        [303, 404, 409, 409, 403],
    ),
    (
        "POST",
        "/agreements/{id}/contacts/{item}/remove",
        &[],
        [303, 404, 404, 404, 403],
    ),
    (
        "POST",
        "/agreements/{id}/actions",
        &[],
        [303, 404, 409, 409, 403],
    ),
    (
        "POST",
        "/agreements/{id}/actions/{item}/done",
        &[],
        [303, 404, 409, 409, 403],
    ),
    // Files of public outputs are public: an unknown file is 404 for everyone.
    ("GET", "/attachments/{id}", &[], [404, 404, 404, 404, 404]),
    ("GET", "/alumni", &[], [303, 200, 200, 200, 200]),
    ("GET", "/alumni/{id}", &[], [303, 404, 404, 404, 404]),
    ("POST", "/alumni/{id}/ask", &[], [303, 404, 404, 404, 404]),
    ("GET", "/account/alumni", &[], [303, 200, 200, 200, 200]),
    ("POST", "/account/alumni", &[], [303, 422, 422, 422, 422]),
    (
        "POST",
        "/account/alumni/leave",
        &[],
        [303, 303, 303, 303, 303],
    ),
    ("GET", "/follow-ups/{id}", &[], [303, 404, 404, 404, 404]),
    ("POST", "/follow-ups/{id}", &[], [303, 404, 404, 404, 404]),
    ("GET", "/account/searches", &[], [303, 200, 200, 200, 200]),
    ("POST", "/account/searches", &[], [303, 422, 422, 422, 422]),
    (
        "POST",
        "/account/searches/{id}/delete",
        &[],
        [303, 404, 404, 404, 404],
    ),
    ("GET", "/organisations", &[], [200, 200, 200, 200, 200]),
    ("POST", "/organisations", &[], [303, 422, 422, 422, 422]),
    ("GET", "/organisations/new", &[], [303, 200, 200, 200, 200]),
    (
        "GET",
        "/organisations/{slug}",
        &[],
        [200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/organisations/{slug}/edit",
        &[],
        [303, 403, 200, 403, 200],
    ),
    (
        "POST",
        "/organisations/{slug}/edit",
        &[],
        [303, 403, 422, 403, 422],
    ),
    (
        "GET",
        "/organisations/{slug}/members",
        &[],
        [303, 403, 200, 200, 200],
    ),
    (
        "POST",
        "/organisations/{slug}/invitations",
        &[],
        [303, 403, 422, 403, 422],
    ),
    (
        "POST",
        "/organisations/{slug}/invitations/{id}/revoke",
        &[],
        [303, 403, 404, 403, 404],
    ),
    (
        "POST",
        "/organisations/{slug}/members/{user_id}/role",
        &[("role", "member")],
        [303, 403, 303, 403, 303],
    ),
    (
        "POST",
        "/organisations/{slug}/members/{user_id}/remove",
        &[],
        [303, 403, 303, 403, 303],
    ),
    (
        "POST",
        "/organisations/{slug}/signatories",
        &[],
        [303, 403, 422, 403, 422],
    ),
    (
        "POST",
        "/organisations/{slug}/signatories/{id}/remove",
        &[],
        [303, 403, 404, 403, 404],
    ),
    (
        "GET",
        "/invitations/{token}",
        &[],
        [404, 404, 404, 404, 404],
    ),
    (
        "POST",
        "/invitations/{token}/accept",
        &[],
        [303, 404, 404, 404, 404],
    ),
    ("GET", "/admin", &[], [303, 403, 403, 403, 200]),
    ("GET", "/admin/outbox", &[], [303, 403, 403, 403, 200]),
    ("GET", "/admin/outbox/{id}", &[], [303, 403, 403, 403, 404]),
    ("GET", "/admin/audit", &[], [303, 403, 403, 403, 200]),
    ("GET", "/admin/users", &[], [303, 403, 403, 403, 200]),
    (
        "POST",
        "/admin/users/{id}/role",
        &[("role", "coordinator")],
        [303, 403, 403, 403, 303],
    ),
    (
        "GET",
        "/api/v1/organisations",
        &[],
        [200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/v1/organisations/{slug}",
        &[],
        [200, 200, 200, 200, 200],
    ),
    // Questionnaires: `{id}` is the coordinator's published fixture questionnaire, `{name}` its
    // first section (under `/sections/`) or its question `role`.
    ("GET", "/questionnaires", &[], [303, 200, 200, 200, 200]),
    ("POST", "/questionnaires", &[], [303, 403, 403, 422, 422]),
    (
        "POST",
        "/questionnaires/template",
        &[],
        [303, 403, 403, 303, 303],
    ),
    (
        "GET",
        "/questionnaires/import",
        &[],
        [303, 403, 403, 200, 200],
    ),
    (
        "POST",
        "/questionnaires/import",
        &[],
        [303, 403, 403, 422, 422],
    ),
    (
        "GET",
        "/questionnaires/{id}/xlsform.xlsx",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "GET",
        "/questionnaires/{id}",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "GET",
        "/questionnaires/{id}/settings",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "POST",
        "/questionnaires/{id}/settings",
        &[],
        [303, 404, 404, 422, 422],
    ),
    (
        "GET",
        "/questionnaires/{id}/sections/new",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "POST",
        "/questionnaires/{id}/sections",
        &[],
        [303, 404, 404, 303, 303],
    ),
    (
        "GET",
        "/questionnaires/{id}/sections/{name}/edit",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "POST",
        "/questionnaires/{id}/sections/{name}/edit",
        &[],
        [303, 404, 404, 303, 303],
    ),
    (
        "GET",
        "/questionnaires/{id}/sections/{name}/questions/new",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "POST",
        "/questionnaires/{id}/sections/{name}/questions",
        &[],
        [303, 404, 404, 422, 422],
    ),
    (
        "GET",
        "/questionnaires/{id}/questions/{name}/edit",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "POST",
        "/questionnaires/{id}/questions/{name}/edit",
        &[],
        [303, 404, 404, 422, 422],
    ),
    (
        "POST",
        "/questionnaires/{id}/items/{name}/move",
        &[],
        [303, 404, 404, 409, 409],
    ),
    (
        "POST",
        "/questionnaires/{id}/items/{name}/remove",
        &[],
        [303, 404, 404, 409, 409],
    ),
    (
        "POST",
        "/questionnaires/{id}/duplicate",
        &[],
        [303, 404, 404, 303, 303],
    ),
    (
        "POST",
        "/questionnaires/{id}/status",
        &[],
        [303, 404, 404, 409, 409],
    ),
    (
        "GET",
        "/questionnaires/{id}/preview",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "GET",
        "/questionnaires/{id}/results",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "GET",
        "/questionnaires/{id}/results/{name}/texts",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "POST",
        "/questionnaires/{id}/results/{name}/codes",
        &[],
        [303, 404, 404, 404, 404],
    ),
    (
        "GET",
        "/questionnaires/{id}/codes",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "POST",
        "/questionnaires/{id}/codes",
        &[],
        [303, 404, 404, 422, 422],
    ),
    (
        "GET",
        "/questionnaires/{id}/responses",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "GET",
        "/questionnaires/{id}/responses/{response}",
        &[],
        [303, 404, 404, 404, 404],
    ),
    (
        "GET",
        "/questionnaires/{id}/export.csv",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "GET",
        "/questionnaires/{id}/export.xlsx",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "GET",
        "/questionnaires/{id}/export.json",
        &[],
        [303, 404, 404, 200, 200],
    ),
    ("GET", "/q/{id}", &[], [200, 200, 200, 200, 200]),
    ("POST", "/q/{id}/start", &[], [303, 303, 303, 303, 303]),
    ("GET", "/q/{id}/start", &[], [303, 303, 303, 303, 303]),
    ("GET", "/q/{id}/thanks", &[], [200, 200, 200, 200, 200]),
    ("GET", "/r/{token}", &[], [404, 404, 404, 404, 404]),
    ("GET", "/r/{token}/saved", &[], [404, 404, 404, 404, 404]),
    ("POST", "/r/{token}/email", &[], [404, 404, 404, 404, 404]),
    ("GET", "/r/{token}/{page}", &[], [404, 404, 404, 404, 404]),
    ("POST", "/r/{token}/{page}", &[], [404, 404, 404, 404, 404]),
    (
        "POST",
        "/r/{token}/{page}/autosave",
        &[],
        [404, 404, 404, 404, 404],
    ),
    ("GET", "/sheets", &[], [200, 200, 200, 200, 200]),
    ("GET", "/sheets/export.csv", &[], [200, 200, 200, 200, 200]),
    ("GET", "/sheets/export.xlsx", &[], [200, 200, 200, 200, 200]),
    ("GET", "/sheets/desk", &[], [303, 200, 200, 200, 200]),
    ("POST", "/sheets", &[], [303, 422, 422, 422, 422]),
    ("GET", "/sheets/reviewers", &[], [303, 404, 404, 200, 200]),
    ("POST", "/sheets/reviewers", &[], [303, 404, 404, 422, 422]),
    // The fixture sheet is a draft the member writes; coordinators and administrators review.
    ("GET", "/sheets/{id}", &[], [404, 200, 404, 200, 200]),
    ("GET", "/sheets/{id}/edit", &[], [303, 200, 404, 200, 200]),
    ("POST", "/sheets/{id}/edit", &[], [303, 409, 404, 409, 409]),
    (
        "POST",
        "/sheets/{id}/status",
        &[("action", "submit")],
        [303, 422, 404, 403, 403],
    ),
    (
        "POST",
        "/sheets/{id}/authors",
        &[],
        [303, 422, 404, 422, 422],
    ),
    ("GET", "/sheets/{id}/review", &[], [303, 404, 404, 200, 200]),
    (
        "POST",
        "/sheets/{id}/review",
        &[],
        [303, 403, 404, 409, 409],
    ),
    (
        "GET",
        "/sheets/{id}/history",
        &[],
        [303, 200, 404, 200, 200],
    ),
    (
        "GET",
        "/sheets/{id}/sheet.pdf",
        &[],
        [404, 200, 404, 200, 200],
    ),
    (
        "GET",
        "/sheets/{id}/sheet.md",
        &[],
        [404, 200, 404, 200, 200],
    ),
    (
        "GET",
        "/sheets/{id}/sheet.json",
        &[],
        [404, 200, 404, 200, 200],
    ),
    (
        "GET",
        "/sheets/{id}/sheet.docx",
        &[],
        [404, 200, 404, 200, 200],
    ),
    // A form without files; the member writes the sheet, the coordinator only reviews it.
    ("POST", "/sheets/{id}/files", &[], [303, 422, 404, 409, 409]),
    (
        "POST",
        "/sheets/{id}/files/{file}/remove",
        &[],
        [303, 404, 404, 409, 409],
    ),
    (
        "GET",
        "/sheets/{id}/files/{file}",
        &[],
        [404, 404, 404, 404, 404],
    ),
    // The fixture synthesis is a coordinator's draft.
    ("GET", "/syntheses", &[], [200, 200, 200, 200, 200]),
    ("POST", "/syntheses", &[], [303, 404, 404, 422, 422]),
    ("GET", "/syntheses/{id}", &[], [404, 404, 404, 200, 200]),
    (
        "GET",
        "/syntheses/{id}/edit",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "POST",
        "/syntheses/{id}/edit",
        &[],
        [303, 404, 404, 422, 422],
    ),
    (
        "POST",
        "/syntheses/{id}/status",
        &[("action", "unpublish")],
        [303, 404, 404, 303, 303],
    ),
    (
        "GET",
        "/syntheses/{id}/history",
        &[],
        [303, 404, 404, 200, 200],
    ),
    (
        "GET",
        "/syntheses/{id}/synthesis.pdf",
        &[],
        [404, 404, 404, 200, 200],
    ),
    (
        "GET",
        "/syntheses/{id}/synthesis.docx",
        &[],
        [404, 404, 404, 200, 200],
    ),
    (
        "GET",
        "/syntheses/{id}/synthesis.md",
        &[],
        [404, 404, 404, 200, 200],
    ),
    (
        "GET",
        "/syntheses/{id}/synthesis.json",
        &[],
        [404, 404, 404, 200, 200],
    ),
    (
        "POST",
        "/questionnaires/{id}/responses/{response}/sheet",
        &[],
        [303, 404, 404, 404, 404],
    ),
    (
        "POST",
        "/questionnaires/{id}/responses/{response}/delete",
        &[("reason", "Doublon")],
        [303, 404, 404, 404, 404],
    ),
    (
        "POST",
        "/questionnaires/{id}/responses/{response}/reopen",
        &[],
        [303, 404, 404, 404, 404],
    ),
    (
        "POST",
        "/agreements/{id}/sheet",
        &[],
        [303, 404, 303, 303, 404],
    ),
];

#[test]
fn the_table_lists_every_route_exactly_once() {
    let mut served: Vec<(&str, &str)> = passerelle_web::routes::table();
    served.sort();
    let mut listed: Vec<(&str, &str)> = TABLE.iter().map(|(m, p, _, _)| (*m, *p)).collect();
    listed.sort();
    let missing: Vec<_> = served.iter().filter(|r| !listed.contains(r)).collect();
    let stale: Vec<_> = listed.iter().filter(|r| !served.contains(r)).collect();
    assert!(
        missing.is_empty(),
        "routes without an authorization row: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "rows for routes that do not exist: {stale:?}"
    );
    listed.dedup();
    assert_eq!(listed.len(), TABLE.len(), "duplicate rows");
}

struct World {
    app: TestApp,
    slug: String,
    programme: String,
    offer: String,
    application: String,
    agreement: String,
    questionnaire: String,
    sheet: String,
    synthesis: String,
    target: TestUser,
    users: Vec<(As, Option<TestUser>)>,
}

async fn world() -> World {
    let app = TestApp::new().await;
    let org_admin = app.with_user(Role::Member).await;
    let slug = app
        .with_organisation(&org_admin, "Fondation Entraide")
        .await;
    let target = app.with_user(Role::Member).await;
    app.with_membership(&slug, &target, "member").await;
    let users = vec![
        (As::Anonymous, None),
        (As::Member, Some(app.with_user(Role::Member).await)),
        (As::OrgAdmin, Some(org_admin)),
        (
            As::Coordinator,
            Some(app.with_user(Role::Coordinator).await),
        ),
        (
            As::Administrator,
            Some(app.with_user(Role::Administrator).await),
        ),
    ];
    let coordinator = users[3].1.clone().expect("coordinator");
    let programme = app
        .with_programme(&coordinator, "Career2SocialWork", &[&slug])
        .await;
    let host = users[2].1.clone().expect("org admin");
    let offer = app
        .with_offer(&host, &programme, &slug, "Immersion au service éducatif")
        .await;
    let member = app.user(users[1].1.as_ref().expect("member")).await;
    let application = immersions::apply(
        &app.core,
        &member,
        &offer,
        &immersions::ApplicationInput {
            home_label: "HES-SO".into(),
            motivation: "Relier la théorie et la pratique.".into(),
            ..Default::default()
        },
        &Actor::cli(),
    )
    .await
    .expect("fixture application");
    // An agreement between another participant, the host (org admin) and the coordinator; the
    // member and the administrator are not parties.
    let participant = app.with_user(Role::Member).await;
    let participant = app.user(&participant).await;
    let host_user = app.user(&host).await;
    let accepted = immersions::apply(
        &app.core,
        &participant,
        &offer,
        &immersions::ApplicationInput {
            home_label: "HES".into(),
            motivation: "Apprendre.".into(),
            ..Default::default()
        },
        &Actor::cli(),
    )
    .await
    .expect("second application");
    immersions::set_application_status(
        &app.core,
        &host_user,
        &accepted,
        "accepted",
        "",
        &Actor::cli(),
    )
    .await
    .expect("accept");
    let agreement = immersions::draft_agreement(&app.core, &host_user, &accepted, &Actor::cli())
        .await
        .expect("fixture agreement");
    let questionnaire = app.with_questionnaire(&coordinator).await;
    let sheet = sheets::create(
        &app.core,
        &member,
        sheets::NewSheet {
            kind: "emerging_practice".into(),
            title: "Conférences familiales".into(),
            ..Default::default()
        },
        &Actor::cli(),
    )
    .await
    .expect("fixture sheet");
    let coordinator_user = app.user(&coordinator).await;
    let synthesis = syntheses::create(&app.core, &coordinator_user, "Synthèse", "", &Actor::cli())
        .await
        .expect("fixture synthesis");
    World {
        sheet,
        synthesis,
        questionnaire,
        app,
        slug,
        programme,
        offer,
        application,
        agreement,
        target,
        users,
    }
}

#[tokio::test]
async fn every_route_answers_each_role_as_the_table_says() {
    let mut w = world().await;
    let mut failures = Vec::new();
    for (method, route, fields, expected) in TABLE {
        for (i, role) in ROLES.iter().enumerate() {
            let user = w.users[i].1.clone();
            // Destructive rows get their target back before each role tries.
            w.app.with_membership(&w.slug, &w.target, "member").await;
            let id = if route.starts_with("/admin/users") {
                w.target.id.clone()
            } else if route.starts_with("/offers/") {
                w.offer.clone()
            } else if route.starts_with("/applications/") {
                w.application.clone()
            } else if route.starts_with("/agreements/") {
                w.agreement.clone()
            } else if route.starts_with("/sheets/") {
                w.sheet.clone()
            } else if route.starts_with("/syntheses/") {
                w.synthesis.clone()
            } else if route.starts_with("/questionnaires/") || route.starts_with("/q/") {
                w.questionnaire.clone()
            } else {
                "00000000-0000-0000-0000-000000000000".into()
            };
            let slug = if route.starts_with("/programmes/") {
                &w.programme
            } else {
                &w.slug
            };
            let path = route
                .replace("{slug}", slug)
                .replace("{user_id}", &w.target.id)
                .replace("{id}", &id)
                .replace("{token}", "no-such-token")
                .replace(
                    "{name}",
                    if route.contains("/sections/") {
                        "s1"
                    } else {
                        "role"
                    },
                )
                .replace("{response}", "00000000-0000-0000-0000-000000000000")
                .replace("{page}", "1")
                .replace("{item}", "00000000-0000-0000-0000-000000000000")
                .replace("{file}", "00000000-0000-0000-0000-000000000000");
            w.app.clear_cookies();
            if let Some(u) = &user {
                w.app.login(u).await;
            }
            let r = if *method == "GET" {
                w.app.get(&path).await
            } else if FILE_FORMS.contains(route) {
                w.app.post_multipart(&path, fields, &[]).await
            } else {
                w.app.post_form(&path, fields).await
            };
            if r.status.as_u16() != expected[i] {
                failures.push(format!(
                    "{method} {route} as {role:?}: got {}, expected {}",
                    r.status.as_u16(),
                    expected[i]
                ));
            }
            if *route == "/admin/users/{id}/role" {
                passerelle_testkit::passerelle_core::accounts::store::set_role(
                    &mut w.app.core.db.pool.acquire().await.expect("conn"),
                    &w.target.id,
                    "member",
                )
                .await
                .expect("reset role");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
