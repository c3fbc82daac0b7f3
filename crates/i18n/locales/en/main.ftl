## Layout
layout-skip-link = Skip to content
layout-nav-label = Main navigation
layout-switch-language = Français
layout-footer = Passerelle — practice exchange and shared knowledge in social work.
nav-home = Home
nav-organisations = Organisations
nav-admin = Administration
nav-account = My account
nav-logout = Log out
nav-login = Log in
nav-register = Create an account

## Forms
form-required-mark = (required)
form-error-summary = There is a problem with the form
form-save = Save
form-cancel = Cancel
form-choose = — Choose —
filter-any = Any
filter-apply = Filter
table-actions = Actions
pager-label = Pagination
pager-previous = Previous page
pager-next = Next page
yes = yes
no = no

## Fields
field-email = E-mail address
field-password = Password
field-new-password = New password
field-password-hint = At least 10 characters. A memorable sentence works well.
field-display-name = Display name
field-display-name-hint = The name other people will see.
field-organisation-label = Organisation
field-organisation-label-hint = The organisation you work for.
field-languages = Languages spoken
field-locale = Interface language
field-org-name = Organisation name
field-org-kind = Kind
field-org-role = Role
field-country = Country
field-city = City
field-website = Website
field-website-hint = Full address, starting with https://
field-description = Description
field-org-description-hint = Missions, people supported, area served.

## Field errors
field-required = This field is required.
field-too-long = This text is too long.
field-email-invalid = Enter a valid e-mail address, such as name@example.org.
field-email-taken = An account already exists with this address.
field-password-short = The password must be at least 10 characters long.
field-password-wrong = This password is not correct.
field-choice-invalid = Choose one of the values offered.
field-url-invalid = Enter a full web address starting with https:// or http://.
login-failed = Wrong e-mail address or password.
org-name-needs-letters = The name must contain at least one letter or digit.
org-name-taken = An organisation already has this name.
invite-already-member = This person is already a member of the organisation.
invite-already-pending = An invitation is already pending for this address.

## Home
home-title = Home
home-heading = Passerelle
home-lead = A platform for practice exchange and shared knowledge in social work: immersions, censuses of emerging practices, practice sheets, actor maps, workshops and working groups.
home-my-organisations = My organisations
home-no-organisation = You are not a member of any organisation yet.
home-unconfirmed = Your e-mail address is not confirmed yet: open the link we sent you.
home-what-heading = What Passerelle does
home-cap-immersions = Immersions
home-cap-immersions-text = Offers, applications, cross-immersions, agreements, logbooks and capitalisation.
home-cap-questionnaires = Questionnaires
home-cap-questionnaires-text = Census emerging practices, with or without an account, and analyse the answers.
home-cap-sheets = Practice sheets
home-cap-sheets-text = Emerging-practice sheets, thematic sheets and syntheses, with review.
home-cap-actors = Actor map
home-cap-actors-text = Social workers, social interveners and how they work together.
home-cap-workshops = Workshops and working groups
home-cap-workshops-text = Workshop syntheses compared across territories, and working groups' public progress.
home-browse-organisations = Browse organisations

## Registration and login
register-title = Create an account
register-intro = An account lets you join an organisation and take part in programmes.
register-email-hint = We will send a confirmation link there.
register-submit = Create my account
register-have-account = Already have an account?
register-sent-title = Check your inbox
register-sent-text = If the address { $email } can be used, we have just sent it an e-mail with a link to confirm your account.
register-sent-spam = Nothing after a few minutes? Look in your spam folder, or ask for a new link.
register-resend = Send the confirmation link again
confirm-invalid-title = This confirmation link cannot be used
confirm-invalid-text = This link has already been used or has expired. Log in: if your address is not confirmed, you can ask for a new link.
login-title = Log in
login-submit = Log in
login-forgot = Forgotten your password?
login-no-account = No account yet?
login-rate-limited = Too many failed login attempts. To protect this account, try again in { $minutes } minutes or reset your password.
login-unconfirmed = Your e-mail address is not confirmed yet. Open the link we sent you, or ask for a new one.
forgot-title = Forgotten password
forgot-intro = Enter your e-mail address and we will send you a link to choose a new password.
forgot-submit = Send the link
forgot-sent = If an account exists for { $email }, we have just sent it a reset link. It is valid for one hour.
reset-title = Choose a new password
reset-submit = Save the password
reset-invalid-title = This reset link cannot be used
reset-invalid-text = This link has already been used or has expired. Ask for a new one.
setup-title = Create the first administrator account
setup-intro = This one-time link creates the account that will administer this Passerelle installation.
setup-submit = Create the administrator account
setup-invalid-title = This setup link cannot be used
setup-invalid-text = This link has already been used, has expired, or an administrator already exists.

## Profile
profile-title = My account
profile-signed-in-as = Signed in as { $email }.
profile-save = Save profile
profile-password-heading = Change password
profile-password-hint = At least 10 characters. Your other open sessions will be closed.
profile-password-submit = Change the password
field-current-password = Current password
profile-delete-heading = Delete my account
profile-delete-link = Permanently delete my account
delete-title = Delete my account
delete-intro = Your account, your organisation memberships and your invitations will be deleted. This cannot be undone.
delete-password-hint = Enter your password to confirm.
delete-submit = Delete permanently

## Organisations
orgs-title = Organisations
orgs-intro = Universities, social services, associations, NGOs, public bodies and networks on Passerelle.
orgs-search = Search by name or city
orgs-search-label = Search organisations
orgs-none = No organisation matches these criteria.
orgs-back = All organisations
org-create = Create an organisation
org-new-title = New organisation
org-edit-title = Edit the organisation
org-members = Members
org-members-count = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
org-my-role = My role
org-see-members = See the members
org-invite-heading = Invite someone
org-invite-hint = They will receive an invitation link valid for 14 days.
org-invite-submit = Send the invitation
org-pending-invitations = Pending invitations
org-invitation-expires = Expires on
org-revoke-invitation = Cancel the invitation
org-remove-member = Remove
org-leave = Leave the organisation
org-back-to = Back to { $name }
org-kind-university = University / HES
org-kind-social-service = Social-service organisation
org-kind-association = Association
org-kind-ngo = NGO
org-kind-public-body = Public body
org-kind-network = Network
org-role-admin = Administrator
org-role-member = Member
invitation-title = Invitation
invitation-text = You are invited to join { $organisation } on Passerelle.
invitation-accept = Accept the invitation
invitation-sign-in-first = Log in or create an account with the invited address, then come back to this link.

## Platform roles
role-member = Member
role-coordinator = Coordinator
role-administrator = Administrator

## Notices after an action
notice-registered = Account created.
notice-confirmed = E-mail address confirmed. You can log in.
notice-password-reset = Password changed. Log in with the new password.
notice-profile-saved = Profile saved.
notice-password-changed = Password changed. Your other sessions have been closed.
notice-logged-out = You are logged out.
notice-account-deleted = Your account has been deleted.
notice-org-created = Organisation created. You are its administrator.
notice-org-saved = Organisation saved.
notice-invited = Invitation sent.
notice-invitation-revoked = Invitation cancelled.
notice-member-updated = Role changed.
notice-member-removed = Member removed.
notice-joined = You have joined the organisation.
notice-role-changed = Role changed.
notice-admin-created = Administrator account created. Log in.
notice-left = You have left the organisation.

## Error pages
error-back-home = Back to the home page
error-status = Code
error-request-id = request id
error-bad-request-title = Bad request
error-unauthenticated-title = Login required
error-forbidden-title = Access denied
error-not-found-title = Page not found
error-method-not-allowed-title = Action not possible
error-timeout-title = Timed out
error-conflict-title = Action not possible
error-payload-too-large-title = Upload too large
error-rate-limited-title = Too many attempts
error-internal-title = Server error
error-invalid = Some information is not correct.
error-bad-request = The form could not be read. Reload the page and try again.
error-unauthenticated = Log in to continue.
error-forbidden = You are not allowed to see this page or do this action.
error-not-found = This page does not exist, or no longer exists.
error-method-not-allowed = This action is not possible at this address.
error-timeout = The server took too long to answer. Try again.
error-conflict = This action is no longer possible in the current state.
error-csrf = The form has expired or did not come from Passerelle. Reload the page and try again.
error-payload-too-large = The data sent is larger than allowed.
error-rate-limited = Too many attempts. Wait before trying again.
error-internal = Something went wrong on our side. It has been logged; try again in a moment.
error-token-invalid = This link has already been used or has expired.
error-email-unconfirmed = Your e-mail address is not confirmed yet.
error-last-org-admin = An organisation must keep at least one administrator: appoint another one first.
error-last-platform-admin = Passerelle must keep at least one administrator: appoint another one first.
error-invitation-unusable = This invitation has already been used, was cancelled or has expired.
error-invitation-other-address = This invitation was sent to another address. Log in with the invited address.

## Administration
admin-title = Administration
admin-jobs-pending = Pending jobs
admin-jobs-failed = Failed jobs
admin-mail-delivery = E-mail delivery
admin-mail-smtp = through SMTP
admin-mail-outbox-only = no SMTP server: messages stay in the outbox
admin-outbox = Outbox
admin-outbox-intro = Every e-mail Passerelle produced, sent or not.
admin-outbox-to = Recipient
admin-outbox-subject = Subject
admin-outbox-status = Status
admin-outbox-empty = No message.
admin-when = Date
admin-email-links = Links in the message
admin-email-text = Text version
admin-email-html = HTML version (source)
admin-audit = Audit log
admin-audit-action = Action
admin-audit-who = Person (e-mail)
admin-audit-actor = Actor
admin-audit-subject = Subject
admin-audit-ip = IP address
admin-audit-details = Details
admin-audit-from = From
admin-audit-until = Until
admin-audit-empty = No entry matches.
admin-users = Accounts
admin-users-search = Search (e-mail or name)
admin-users-confirmed = Address confirmed
admin-users-role = Platform role
mail-status-queued = queued
mail-status-sent = sent
mail-status-outbox = kept (no SMTP)
mail-status-failed = failed

## Audit log
audit-login = Login
audit-login-failed = Failed login
audit-logout = Logout
audit-account-registered = Registration
audit-account-confirmed = Address confirmed
audit-password-reset = Password reset
audit-profile-updated = Profile updated
audit-password-changed = Password changed
audit-account-deleted = Account deleted
audit-role-changed = Platform role changed
audit-admin-created = Administrator created
audit-org-created = Organisation created
audit-org-updated = Organisation updated
audit-member-invited = Invitation sent
audit-invitation-revoked = Invitation cancelled
audit-member-joined = Member joined
audit-member-role-changed = Member role changed
audit-member-removed = Member removed

## E-mails
mail-footer = Passerelle — you receive this message following an action on the platform.
mail-link-hint = If the button does not work, copy this address into your browser:
mail-confirm-subject = Confirm your e-mail address on Passerelle
mail-confirm-body = Hello { $name },

    Thank you for signing up to Passerelle. Confirm your e-mail address to activate your account. The link is valid for 7 days.
mail-confirm-action = Confirm my address
mail-reset-subject = Resetting your Passerelle password
mail-reset-body = Hello { $name },

    Someone (probably you) asked to change the password of your account. The link is valid for one hour. If you did not ask for this, ignore this message.
mail-reset-action = Choose a new password
mail-invitation-subject = { $inviter } invites you to join { $organisation } on Passerelle
mail-invitation-body = Hello,

    { $inviter } invites you to join the organisation { $organisation } on Passerelle. The invitation is valid for 14 days.
mail-invitation-action = See the invitation
mail-already-registered-subject = You already have a Passerelle account
mail-already-registered-body = Hello,

    Someone tried to create a Passerelle account with this address, but you already have one. If you have forgotten your password, you can reset it.
mail-already-registered-action = Reset my password

## Interface languages (each in its own language)
locale-name-fr = Français
locale-name-en = English

## Languages spoken
language-fr = French
language-en = English
language-de = German
language-it = Italian
language-es = Spanish
language-pt = Portuguese
language-ar = Arabic
language-nl = Dutch
language-km = Khmer
language-tl = Tagalog
language-ln = Lingala
language-sw = Swahili
language-mos = Mooré
language-wo = Wolof

## Countries
country-BE = Belgium
country-BF = Burkina Faso
country-BJ = Benin
country-CA = Canada
country-CD = Democratic Republic of the Congo
country-CG = Republic of the Congo
country-CH = Switzerland
country-CI = Côte d'Ivoire
country-CM = Cameroon
country-DE = Germany
country-DZ = Algeria
country-ES = Spain
country-FR = France
country-GB = United Kingdom
country-GN = Guinea
country-HT = Haiti
country-IT = Italy
country-KH = Cambodia
country-LB = Lebanon
country-LU = Luxembourg
country-MA = Morocco
country-MC = Monaco
country-MG = Madagascar
country-ML = Mali
country-NE = Niger
country-PH = Philippines
country-PT = Portugal
country-RW = Rwanda
country-SN = Senegal
country-TD = Chad
country-TG = Togo
country-TN = Tunisia
country-US = United States
country-VN = Vietnam
