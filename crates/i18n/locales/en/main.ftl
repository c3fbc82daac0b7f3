## Layout
layout-skip-link = Skip to content
layout-nav-label = Main navigation
layout-menu = Menu
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
table-scroll = Table (scrolls sideways on narrow screens)
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
field-time-zone = Time zone
field-time-zone-hint = Dates and times are shown to you in this zone, on pages and in e-mails.
field-time-zone-platform = The platform's ({ $zone })
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
login-rate-limited = Too many failed login attempts. To protect this account, logging in is paused: if it is your account, we have e-mailed you a link that unlocks it at once; otherwise try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } or reset your password.
login-unconfirmed = Your e-mail address is not confirmed yet. Open the link we sent you, or ask for a new one.
forgot-title = Forgotten password
forgot-intro = Enter your e-mail address and we will send you a link to choose a new password.
forgot-submit = Send the link
forgot-sent = If an account exists for { $email }, we have just sent it a reset link. It is valid for one hour.
forgot-rate-limited = Too many reset requests for this address or from this connection. Check your inbox (and spam folder) for the link already sent, or try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
unlock-title = Unlock your account
unlock-intro = Logging in to your account was paused after several wrong passwords. Unlock it to log in again now.
unlock-submit = Unlock my account
unlock-invalid-title = This unlock link cannot be used
unlock-invalid-text = This link has already been used or has expired. You can log in again at the end of the pause, or reset your password now.
notice-unlocked = Your account is unlocked: you can log in now.
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
error-busy-title = Server busy
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
error-busy = The server is busy with many requests of this kind. Try again in a few seconds.
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
audit-login-locked = Logging in paused after failed logins
audit-login-unlocked = Logging in unlocked by the owner
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
mail-link-separator = {": "}
mail-link-hint = If the button does not work, copy this address into your browser:
mail-confirm-subject = Confirm your e-mail address on Passerelle
mail-confirm-body = Hello { $name },

    Thank you for signing up to Passerelle. Confirm your e-mail address to activate your account. The link is valid for 7 days.
mail-confirm-action = Confirm my address
mail-reset-subject = Resetting your Passerelle password
mail-reset-body = Hello { $name },

    Someone (probably you) asked to change the password of your account. The link is valid for one hour. If you did not ask for this, ignore this message.
mail-reset-action = Choose a new password
mail-unlock-subject = Logging in to your Passerelle account is paused
mail-unlock-body = Hello { $name },

    Several wrong passwords were typed for your account, so logging in is paused for now. If it was you, or if you want to log in now, unlock your account with the link below (valid for one hour). If you did not try to log in, someone else did: they did not guess your password, but you may want to choose a stronger one.
mail-unlock-action = Unlock my account
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
## A language in its own words, for respondents choosing the one they answer in.
endonym-fr = Français
endonym-en = English
endonym-de = Deutsch
endonym-it = Italiano
endonym-es = Español
endonym-pt = Português
endonym-ar = العربية
endonym-nl = Nederlands
endonym-km = ខ្មែរ
endonym-tl = Tagalog
endonym-ln = Lingála
endonym-sw = Kiswahili
endonym-mos = Mooré
endonym-wo = Wolof
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

## Immersion programmes
nav-offers = Immersions
nav-alumni = Alumni
profile-immersions-heading = Immersions
nav-programmes = Programmes
nav-applications = My applications
programmes-title = Immersion programmes
programmes-intro = Programmes organise immersions: school staff in practice organisations and the reverse, or peers visiting each other's organisations.
programmes-none = No programme yet.
programmes-back = All programmes
programme-new-title = New programme
programme-edit-title = Edit the programme
programme-create = Create the programme
programme-coordinator = Coordinator
programme-no-partners = No partner organisation yet.
programme-offers = Open offers
programme-stale-title = Offers without any application after { $days ->
    [one] { $days } day
   *[other] { $days } days
}
programme-stale-none = Every offer published long enough ago has received at least one application.
programme-kind-school-practice = School ↔ practice exchange
programme-kind-peer-cross = Peer cross-immersions
programme-kind-other = Other
field-programme = Programme
field-programme-name = Name of the programme
field-programme-kind = Kind of programme
field-programme-description-hint = What the programme is for and who may take part.
field-working-languages = Working languages
field-max-duration-days = Longest immersion (days)
field-max-duration-days-hint = Up to 731 days (24 months).
field-max-duration = Longest immersion
field-min-time-share = Smallest time share (%)
field-max-time-share = Largest time share (%)
field-time-share-hint = Percentage of full time, 1 to 100.
field-programme-rules = Rules of the programme
field-programme-rules-hint = Conditions every offer and agreement must respect (insurance, data, publication…).
field-partners = Partner organisations
catalogue-title = Immersion offers
catalogue-intro = Offers of immersion published by host organisations and by schools looking for a host.
catalogue-search-label = Search the offers
catalogue-search = Words
catalogue-none = No offer matches.
catalogue-back = All offers
catalogue-count = { $count ->
    [one] { $count } offer
   *[other] { $count } offers
}
feed-subscribe = Atom feed of this list
feed-catalogue-title = Passerelle — immersion offers
feed-search-title = Passerelle — offers matching { $query }
feed-programme-title = Passerelle — offers of the programme “{ $programme }”
field-direction = Direction
direction-school-to-practice = School → practice organisation
direction-practice-to-school = Practice organisation → school
direction-peer = Peer ↔ peer
field-theme = Theme
field-themes = Themes
field-themes-hint = Separated by commas, e.g. child protection, outreach.
field-language = Working language
field-duration = Duration
duration-band-days = Up to 2 weeks
duration-band-weeks = 2 weeks to 3 months
duration-band-months = 3 to 12 months
duration-band-long = More than a year
duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
duration-weeks = { $count ->
    [one] { $count } week
   *[other] { $count } weeks
}
duration-months = { $count ->
    [one] { $count } month
   *[other] { $count } months
}
duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
field-status = Status
offer-status-draft = Draft
offer-status-published = Published
offer-status-filled = Filled
offer-status-closed = Closed
offer-status-expired = Expired
offer-action-published = Publish
offer-action-filled = Mark as filled
offer-action-closed = Close
offer-new-title = Publish an offer
offer-edit-title = Edit the offer
offer-save-draft = Save as draft
offer-rules-hint = This programme allows immersions of up to { $max }, at { $min_share } to { $max_share } % of full time.
offer-section-what = The immersion
offer-section-when = Duration and period
offer-section-where = Place and languages
offer-section-conditions = Data and employment
offer-section-contact = Contact
offer-published-on = published on
offer-apply = Apply
offer-see-my-application = See my application
offer-manage = Manage the offer
offer-applications-count = { $count ->
    [one] { $count } application
   *[other] { $count } applications
}
offer-nudge = Tell the programme's members
field-offer-organisation = Publishing organisation
field-offer-title = Title
field-offer-title-hint = What the immersion is about, in a few words.
field-offer-context = Context
field-offer-context-hint = The organisation, its public, the team the participant joins.
field-host-offers = What the host offers
field-host-expects = What the host expects
field-offer-objectives = Objectives sought
field-offer-objectives-hint = They are defined jointly with the participant in the agreement.
field-offer-tasks = Possible tasks
field-profile = Profile sought
field-duration-days = Duration (days)
field-duration-days-hint = From 1 day to 24 months (731 days).
field-time-share = Time share (%)
field-offer-time-share-hint = Percentage of full time. Give it or a day pattern.
field-day-pattern = Day pattern
field-day-pattern-hint = e.g. every Tuesday and Thursday; 5 consecutive days.
field-period = Period
field-period-start = Start of the period
field-period-end = End of the period
field-date-hint = Format YYYY-MM-DD.
field-apply-until = Apply until
field-apply-until-hint = After this date the offer expires by itself. Format YYYY-MM-DD.
field-place = Place
field-data-sensitivity = Data the participant may see
sensitivity-none = No personal data
sensitivity-anonymised = Anonymised data
sensitivity-personal = Personal data
sensitivity-sensitive = Sensitive data (health, social situation, child protection…)
field-data-why = Why this access is needed
field-data-why-hint = Required for personal or sensitive data; the agreement will set the access terms.
field-employment-notes = Employment conditions
field-employment-notes-hint = Employer of record, pay, insurance, working time: what you already know.
field-funding-notes = Funding
field-contact-name = Contact person
field-contact-email = Contact e-mail
field-visibility = Who sees the offer
visibility-public = Everyone
visibility-members = Members of the programme's partner organisations
mine-title = Offers of my organisations
mine-none = Your organisations have no offer yet. Offers are published from a programme's page.
apply-title = Apply
apply-intro = You apply to "{ $offer }". The host organisation and the programme's coordinator will read your application and can answer you in its thread.
apply-submit = Send my application
field-home-organisation = Home organisation
field-home-label = Home organisation (if not in the list)
field-home-label-hint = The organisation that employs you.
field-role-title = Your role
field-motivation = Motivation
field-motivation-hint = Why this immersion, and what you hope to learn and bring.
field-availability = Availability
field-availability-hint = Periods, days of the week, constraints.
applications-title = Applications
applications-mine = My applications
applications-mine-none = You have not applied yet.
applications-to-handle = Applications to my organisations' offers
applications-to-handle-none = No application to handle.
application-title = Application
application-applicant = Applicant
application-submitted-on = Sent on
application-reply-time = First answer after
application-no-reply-yet = no answer yet
application-decide = Decision
application-thread = Messages
application-thread-empty = No message yet.
application-send = Send
field-message = Your message
field-decline-reason = Reason for declining
field-decline-reason-hint = Required; the applicant reads it.
application-status-submitted = Submitted
application-status-shortlisted = Shortlisted
application-status-accepted = Accepted
application-status-declined = Declined
application-status-withdrawn = Withdrawn
application-action-shortlisted = Shortlist
application-action-accepted = Accept
application-action-declined = Decline
application-action-withdrawn = Withdraw my application
searches-title = Saved searches
searches-intro = Passerelle e-mails you when new offers match a saved search: right away, or in a weekly digest.
searches-none = No saved search.
search-save-title = Be told of new offers matching this search
search-save = Save this search
search-delete = Delete
field-search-label = Name of the search
field-search-label-hint = For you to recognise it in the e-mails.
field-frequency = Alerts
frequency-immediate = As soon as an offer is published
frequency-weekly = Weekly digest
form-actions = Actions
field-date-invalid = Enter a date as YYYY-MM-DD.
field-end-before-start = The end comes before the start.
field-number-invalid = Enter a whole number.
field-number-out-of-range = This number is outside the allowed range.
field-range-inverted = The largest value is smaller than the smallest one.
offer-theme-too-long = A theme has at most 60 characters.
offer-too-many-themes = At most 8 themes.
offer-duration-over-programme = Longer than the programme allows.
offer-time-share-outside-programme = Outside the time shares the programme allows.
offer-time-share-or-pattern = Give a time share or a day pattern.
offer-data-why-required = Explain why personal or sensitive data must be seen.
offer-organisation-not-partner = This organisation is not a partner of the programme.
offer-deadline-passed = The application deadline has passed: move it before publishing.
application-home-required = Choose or type your home organisation.
application-reason-required = Give the reason for declining.
error-offer-not-open = This offer does not take applications any more.
error-offer-transition-invalid = The offer cannot go to this status from its current one.
error-application-transition-invalid = The application cannot go to this status from its current one.
error-application-already-pending = You have already applied to this offer.
error-saved-search-limit = You have reached the number of saved searches allowed; delete one first.
error-stale-status = Someone changed this meanwhile. Reload the page and try again.
notice-programme-created = The programme has been created.
notice-programme-saved = The programme has been saved.
notice-offer-created = The offer has been saved as a draft. Publish it when it is ready.
notice-offer-saved = The offer has been saved.
notice-offer-status-changed = The offer's status has changed.
notice-offer-nudged = The programme's members have been told of this offer.
notice-applied = Your application has been sent.
notice-message-sent = Your message has been sent.
notice-application-updated = The application has been updated.
notice-search-saved = The search has been saved.
notice-search-deleted = The search has been deleted.
audit-programme-created = Programme created
audit-programme-updated = Programme updated
audit-offer-created = Offer created
audit-offer-updated = Offer updated
audit-offer-status-changed = Offer status changed
audit-offer-nudged = Members told of an offer
audit-application-submitted = Application sent
audit-application-status-changed = Application status changed
mail-application-received-subject = New application: { $offer }
mail-application-received-body = Hello,

    { $applicant } has applied to your offer "{ $offer }". Read the application and answer in its thread.
mail-application-received-action = Read the application
mail-application-status-subject = Your application: { $offer }
mail-application-status-body = Hello,

    The application to "{ $offer }" is now: { $status ->
        [shortlisted] shortlisted
        [accepted] accepted
        [declined] declined
        [withdrawn] withdrawn
       *[other] { $status }
    }.

    { $reason }
mail-application-status-action = See the application
mail-thread-message-subject = New message about "{ $offer }"
mail-thread-message-body = Hello,

    { $author } has written in the thread of the application to "{ $offer }".
mail-thread-message-action = Read the message
mail-offer-nudge-subject = An immersion is waiting for you: { $offer }
mail-offer-nudge-body = Hello,

    { $organisation } offers an immersion in the programme { $programme }, "{ $offer }", and nobody has applied yet. Perhaps you, or a colleague?
mail-offer-nudge-action = See the offer
mail-search-alert-subject = New offers for "{ $label }"
mail-search-alert-body = Hello,

    { $count ->
        [one] One new offer matches
       *[other] { $count } new offers match
    } your saved search "{ $label }".
mail-search-alert-action = See the offers

## Agreements
nav-agreements = Agreements
agreements-title = Agreements
agreements-intro = The immersion agreements you are party to: as participant, host, employer or coordinator.
agreements-none = No agreement yet. An agreement is drafted from an accepted application.
agreement-title = Immersion agreement
agreement-open = Open the agreement
agreement-draft = Draft the agreement
agreement-draft-hint = The application is accepted: draft the agreement, then define objectives and tasks together.
agreement-version = Version
agreement-versions = Versions
agreement-parties = Parties
agreement-participant = Participant
agreement-host = Host organisation
agreement-home = Home organisation (employer)
agreement-party = Party
agreement-section-parties = Tutor
agreement-section-role = Role of the participant
agreement-section-schedule = Schedule and continuity
agreement-section-employment = Employment conditions
agreement-section-data = Access to data
agreement-section-publication = Publication and intellectual property
agreement-not-set = not set yet
agreement-edit = Edit the terms
agreement-see-terms = See every term, employment and data access included
agreement-terms-audited = Employment and data-access terms are confidential: each reading is recorded in the audit log.
agreement-terms-title = Full terms of the agreement
agreement-back = Back to the agreement
agreement-new-version-warning = This agreement is out for signature: saving a change creates a new version, and every signatory is asked to sign it again (signatures given so far are for the earlier version).
agreement-employment-hint = Both employers confirm these conditions when they approve the agreement.
agreement-data-hint = Data access ends by itself at its end date (or the end of the immersion) and as soon as the immersion ends early.
agreement-list-objective = Objectives, defined jointly
agreement-list-task = Tasks
agreement-objectives = Objectives
agreement-tasks = Tasks
agreement-list-empty = None yet.
agreement-add-objective = New objective
agreement-add-task = New task
agreement-add = Add
agreement-added-by = added by { $name }
agreement-removed-by = removed by { $name }
agreement-remove-item = Remove
agreement-removed-items = { $count ->
    [one] { $count } removed item
   *[other] { $count } removed items
}
agreement-approvals = Signatures
agreement-draft-explained = While the agreement is a draft, every party can complete it and name who signs for each organisation. When it is complete, send it for signature: each signatory then signs that precise version.
agreement-submit = Send for signature
agreement-approved-by = Approved by
agreement-approved-on = On
agreement-awaiting = not signed yet
agreement-approve-as = Sign as { $party }
agreement-confirm-employment-label = For { $org }, I confirm the employment conditions of this version (employer, insurance, working time, expenses).
agreement-manage = Manage the agreement
agreement-access-ended = Access to data ended on
agreement-compare = Compare versions
agreement-compare-left = From version
agreement-compare-right = To version
agreement-field = Term
agreement-changed = changed
field-termination-reason = Reason for ending early
field-termination-reason-hint = Required; every party reads it. Data access ends at once.
agreement-status-draft = Draft
agreement-status-in-review = Ready to sign
agreement-status-approved = Signed
agreement-status-active = Under way
agreement-status-completed = Completed
agreement-status-terminated = Ended early
agreement-status-cancelled = Cancelled
agreement-action-active = Start the immersion
agreement-action-completed = Mark as completed
agreement-action-cancelled = Cancel the agreement
agreement-action-terminated = End early
party-participant = participant
party-host = host organisation
party-home = home organisation
party-coordinator = coordinator
term-tutor-name = Tutor at the host
term-tutor-email = Tutor's e-mail
term-role-does = What the participant does
term-role-does-not = What the participant does not do
agreement-section-plan = Programme of the immersion
agreement-plan-hint = What the immersion is for and how it unfolds, as an Erasmus+ mobility agreement states it: it is read by every signatory.
term-added-value = Added value for the participant and both organisations
term-activities = Programme of activities (by week or by day)
term-expected-outcomes = Expected outcomes and impact
term-working-language = Working language(s)
term-start = Start
term-end = End
term-time-share = Time share (%)
term-recurring-days = Recurring days
term-continuity = How continuity is kept between days on site
term-employer-of-record = Employer of record
term-pay-continuity = Pay continuity
term-insurance-accident = Accident insurance
term-insurance-liability = Liability insurance
term-working-time = Working time
term-holidays = Holidays
term-expenses = Expenses
term-travel-visa = Travel and visa (international immersions)
term-data-categories = Categories of data the participant may see
term-data-systems = Systems and files
term-data-supervision = Supervision of access
term-confidentiality = Confidentiality undertaking
term-access-start = Access starts
term-access-end = Access ends
term-ip-terms = Publication and intellectual property of research outputs
agreement-needs-objectives = Define at least one objective together.
agreement-needs-tasks = Define at least one task.
agreement-data-terms-required = Required: the offer involves personal or sensitive data.
agreement-confirm-employment = Confirm the employment conditions to sign for your organisation.
error-agreement-already-approved = This party has already signed this version.
error-agreement-closed = This agreement is closed and can no longer change.
error-agreement-item-kind = Unknown kind of item.
error-agreement-needs-accepted-application = An agreement is drafted only from an accepted application.
error-agreement-not-in-review = This agreement is not awaiting signatures.
error-agreement-transition-invalid = The agreement cannot go to this status from its current one.
error-agreement-version-outdated = This version was replaced by a newer one: read the new version before signing.
agreement-reason-required = Give the reason for ending early.
notice-agreement-drafted = The agreement has been drafted from the application and the offer.
notice-agreement-saved = The agreement has been saved.
notice-agreement-submitted = The agreement is ready to sign: each signatory has been e-mailed.
notice-agreement-approved = Your signature has been recorded.
notice-agreement-status-changed = The agreement's status has changed.
audit-agreement-drafted = Agreement drafted
audit-agreement-changed = Agreement changed
audit-agreement-submitted = Agreement submitted
audit-agreement-approved = Agreement approved by a party
audit-agreement-status-changed = Agreement status changed
audit-agreement-terms-read = Confidential agreement terms read
audit-agreement-access-ended = Data access ended

## Logbook and cross-immersion pairs
logbook-title = Logbook
logbook-intro = The participant's dated notes during the immersion. Each entry is private, shared with the tutor's side, or shared with every party of the programme.
logbook-write = New entry
logbook-save = Save the entry
logbook-empty = No entry you may read yet.
field-entry-date = Date
field-entry-kind = Kind of entry
field-entry-prompt = Reflective prompt (optional)
field-entry-title = Title
field-entry-body = Entry
field-entry-tags = Tags
field-entry-visibility = Who reads it
logbook-kind-observation = Observation
logbook-kind-question = Question
logbook-kind-inspiration = Inspiration
logbook-kind-meeting = Meeting attended
logbook-kind-family-workshop = Workshop with families
logbook-kind-other = Other
logbook-visibility-private = Only me
logbook-visibility-tutor = Me and the host (tutor)
logbook-visibility-programme = Every party of the programme
logbook-shown-private = Private (its writer only)
logbook-shown-tutor = Shared by the participant and the host (tutor)
logbook-shown-programme = Shared with every party of the programme
logbook-prompt-surprise = What surprised me today, and why?
logbook-prompt-transfer = What could I take back to my own organisation?
logbook-prompt-family = What did the families say or do that I had not expected?
logbook-prompt-role = Where were the limits of my role today?
logbook-prompt-question-back = Which question would I like to ask the team tomorrow?
logbook-tags-invalid = At most 12 tags of 60 characters.
error-logbook-not-open = The logbook opens once the agreement is approved.
notice-logbook-written = The entry has been saved.
pair-title = Cross-immersion
pair-none = This immersion is not paired with a reciprocal one.
pair-linked = This immersion is paired with the reciprocal one.
pair-see-other = See the other agreement
pair-link = Pair
field-pair-other = The agreement going the other way
field-pair-other-hint = Its host organisation is this one's home organisation, and the reverse.
pair-unknown-agreement = No agreement has this identifier.
pair-not-reciprocal = These two immersions are not reciprocal: each host must be the other's home organisation.
pair-already-paired = One of these agreements is already paired.
notice-agreement-paired = The two immersions are now paired.

## Closing reports and follow-ups
report-title = Closing reports
report-intro = At the end of the immersion, the participant and the host each write a report: how far each objective was reached, what was learned and gained, the difficulties met and what they recommend.
report-none = No report yet.
report-side-participant = Report of the participant
report-side-host = Report of the host
report-write-participant = Your report as participant
report-write-host = Your report as host
report-reached = Reached
report-comment = Comment
report-reached-0 = —
report-reached-1 = Not at all
report-reached-2 = Partly
report-reached-3 = Mostly
report-reached-4 = Fully
report-expectations-met = Expectations met
report-satisfaction = Overall satisfaction
report-satisfaction-0 = —
report-satisfaction-1 = 1 — very dissatisfied
report-satisfaction-2 = 2 — dissatisfied
report-satisfaction-3 = 3 — mixed
report-satisfaction-4 = 4 — satisfied
report-satisfaction-5 = 5 — very satisfied
report-learned = What was learned
report-host-gained = What the host gained
report-practice-changes = What changes in practice
report-difficulty-roles = Difficulties: roles
report-difficulty-data = Difficulties: access to data
report-difficulty-employment = Difficulties: employment conditions
report-difficulty-other = Other difficulties
report-recommendations = Recommendations
report-submit = Submit the report
error-report-not-open = Closing reports open once the immersion has ended.
error-report-already-submitted = Your side's report has already been submitted.
notice-report-submitted = Your report has been submitted. Thank you.
audit-report-submitted = Closing report submitted
follow-up-title = What has lasted?
follow-up-intro = { $months } months ago, the immersion "{ $offer }" ended. What has lasted of it?
follow-up-answered-on = Answered on
follow-up-submit = Send my answer
field-lasting = What has lasted (knowledge, practices, contacts, projects)
field-lasting-hint = A few lines are enough.
field-still-in-contact = Are you still in contact with the other organisation?
field-follow-up-changes = What has changed in your practice since
error-follow-up-answered = This follow-up has already been answered.
notice-follow-up-answered = Thank you: your answer has been recorded.
mail-report-reminder-subject = Closing report awaited: { $offer }
mail-report-reminder-body = Hello,

    The immersion "{ $offer }" has ended. Your closing report is still awaited: it takes about fifteen minutes and helps the next immersions.
mail-report-reminder-action = Write the report
mail-follow-up-subject = { $months } months later: what has lasted of "{ $offer }"?
mail-follow-up-body = Hello,

    { $months } months ago, the immersion "{ $offer }" ended. Tell us in a few lines what has lasted: knowledge, practices, contacts, projects.
mail-follow-up-action = Answer

## Programme dashboard
dashboard-title = Dashboard
dashboard-indicators = Key figures
dashboard-indicator = Indicator
dashboard-value = Value
dashboard-category = Category
dashboard-count = Count
dashboard-none = no data yet
dashboard-immersions = Immersions (signed agreements)
dashboard-median-duration = Median duration
dashboard-offers-without-applicants = Offers without any applicant
dashboard-median-reply = Median time to a first answer
dashboard-satisfaction-mean = Mean satisfaction (closing reports)
dashboard-reports = Closing reports received
dashboard-follow-ups = Follow-ups answered
dashboard-by-status = Immersions by status
dashboard-by-year = Immersions by year
dashboard-by-country = Immersions by host country
dashboard-by-direction = Immersions by direction
dashboard-satisfaction = Satisfaction in closing reports
calendar-download = Add the schedule to my calendar (.ics)
calendar-summary = Immersion: { $offer }
calendar-description = Immersion at { $host }. Tutor: { $tutor }. Days: { $days }. Agreement: { $link }
error-calendar-not-ready = The schedule can be downloaded once the agreement is approved and its dates are set.

## Mid-term review and coaching notes
review-title = Mid-term review
review-intro = Halfway through, the participant and the host take stock together: progress towards the objectives, adjustments, next steps. Either of them writes it; both confirm it.
review-none = No mid-term review yet.
review-write = Write the mid-term review
review-written-by = Written by
review-confirmed-by = confirmed by
review-confirm = Confirm this review
field-held-on = Held on
field-progress = Progress towards the objectives
field-progress-hint = Objective by objective, what has moved and what has not.
field-adjustments = Adjustments agreed
field-next-steps = Next steps
error-review-not-open = The mid-term review is written while the immersion is under way.
error-review-nothing-to-confirm = There is nothing for you to confirm.
notice-review-saved = The mid-term review has been saved; both sides are asked to confirm it.
notice-review-confirmed = Your confirmation has been recorded.
coaching-title = Coaching notes
coaching-intro = Visible to the programme's coordinator and to administrators only.
coaching-none = No note yet.
field-coaching-note = New note
notice-note-saved = The note has been saved.
agreement-pdf = Download the agreement (PDF)

## Attached files
field-files = Attached files
files-hint = Up to 5 files, { $megabytes } MB in all: PDF, images (PNG, JPEG), office documents (ODT, ODS, ODP, DOCX, XLSX, PPTX), text (TXT, MD, CSV).
files-choose-again = The form was not saved: choose your files again, the browser does not keep them.
files-attached = Attached files
file-size-kb = { $kb } KB
attachment-too-many = At most 5 files at a time.
attachment-too-large = Together, the files are larger than allowed.
attachment-type = This type of file is not accepted. Accepted formats: PDF, PNG, JPEG, ODT, ODS, ODP, DOCX, XLSX, PPTX, TXT, MD, CSV.
attachment-empty = One of the files is empty.
attachment-content-mismatch = A file's contents do not match its extension (for instance an image renamed to .pdf).

## Capitalisation: what the immersion leaves behind
capitalisation-title = Capitalisation
capitalisation-intro = What the immersion leaves behind: outputs to share, contacts to keep, follow-up actions. Everything stays available after the immersion ends.
capitalisation-not-open = Capitalisation opens once every party has approved the agreement.
capitalisation-outputs = Outputs
capitalisation-outputs-empty = No output yet.
capitalisation-remove = Remove
capitalisation-add-output = Add an output
capitalisation-add-output-submit = Add the output
capitalisation-contacts = Contacts to keep
capitalisation-contacts-private = Visible to the agreement's parties only. A contact is kept only with the person's consent; any party can remove it when asked.
capitalisation-contacts-empty = No contact kept.
capitalisation-contacts-parties-only = Contacts are visible to the agreement's parties only.
capitalisation-consent-given = Consent recorded by { $name } on
capitalisation-forget-contact = Remove this contact
capitalisation-add-contact = Keep a contact
capitalisation-add-contact-submit = Keep the contact
capitalisation-actions = Follow-up actions
capitalisation-actions-empty = No follow-up action.
capitalisation-action = Action
capitalisation-owner = Owner
capitalisation-due = Due
capitalisation-state = State
capitalisation-open = To do
capitalisation-overdue = Overdue
capitalisation-done-by = Done by { $name } on
capitalisation-mark-done = Mark as done
capitalisation-add-action = Add a follow-up action
capitalisation-add-action-submit = Add the action
capitalisation-alumni-invite = Once the immersion is over, join the alumni directory to answer the questions of those who come next.
field-output-kind = Kind of output
field-output-title = Title
field-output-description = Description
field-output-url = Link
field-output-url-hint = Optional: the web address (https://…) where the output is published.
field-output-visibility = Visibility
output-kind-document = Document
output-kind-tool = Tool
output-kind-publication = Publication
output-kind-training = Training
output-kind-other = Other
output-visibility-parties = The agreement's parties
output-visibility-public = Public, on the programme's page
field-contact-role = Position
field-contact-organisation = Organisation
field-contact-phone = Phone
field-contact-met-how = Why keep this contact
field-contact-consent = The person agreed to their details being kept here.
field-contact-consent-note = How consent was given
field-contact-consent-note-hint = For instance: "agreed orally on 12 June, at the workshop".
contact-consent-required = Tick this box: a contact is kept only with the person's consent.
field-action-description = Action
field-action-owner = Owner
field-action-owner-hint = The person or organisation that carries it.
field-action-due = Due date
error-capitalisation-not-open = Capitalisation opens once the agreement is approved.
error-action-already-done = This action is already marked as done.
notice-output-added = The output has been added.
notice-output-removed = The output has been removed.
notice-contact-added = The contact has been kept.
notice-contact-removed = The contact has been removed.
notice-action-added = The follow-up action has been added.
notice-action-done = The action is marked as done.
programme-outputs = What the immersions produced
programme-outputs-none = No output published yet.
programme-output-download = Download
mail-action-due-subject = Follow-up action due: { $offer }
mail-action-due-body = Hello,

    The follow-up action "{ $action }" of the immersion "{ $offer }" is due on { $due } (owner: { $owner }). If it is done, mark it so; if not, say where it stands.
mail-action-due-action = See the follow-up actions

## Alumni directory
alumni-title = Alumni directory
alumni-intro = People who lived an immersion and agree to answer the questions of those preparing one. Their address is not shown: your question is sent to them by e-mail with yours.
alumni-you-may-join = You lived an immersion: you may join the directory.
alumni-search-label = Search the directory
alumni-search = Words (name, theme, organisation, country)
alumni-count = { $count ->
    [0] Nobody matches.
    [one] One person.
   *[other] { $count } people.
}
alumni-immersions = Immersions
alumni-ask = Ask a question
alumni-ask-explained = Your name and e-mail address are sent with the question; the answer will come straight to you.
alumni-ask-submit = Send the question
field-question = Your question
field-question-hint = At least 20 characters. Introduce yourself and say what you are preparing.
alumni-question-short = Write at least 20 characters: introduce yourself and make your question precise.
alumni-ask-limit = You have sent 5 questions today, the most allowed. Try again tomorrow.
error-alumni-ask-limit = You have sent 5 questions today, the most allowed. Try again tomorrow.
error-alumni-ask-self = You cannot ask yourself a question.
error-alumni-not-eligible = The directory is open to people whose immersion has ended.
alumni-mine-title = My alumni directory entry
alumni-mine-intro = Once listed, you appear with your name, your organisation, your past immersions and what you write here. You can leave at any time.
alumni-not-eligible = The directory is open to people one of whose immersions has ended. You can join after yours.
alumni-you-are-listed = You are listed in the directory.
field-alumni-bio = What you can share
field-alumni-bio-hint = A few lines: what the immersion taught you, what people can ask you about.
field-alumni-topics = Themes
alumni-consent = By joining, you agree to be contacted by e-mail, through Passerelle, by signed-in members. You will also receive new offers close to your themes.
alumni-join = Join the directory
alumni-save = Save
alumni-leave = Leave the directory
notice-question-sent = Your question has been sent.
notice-alumni-joined = Your directory entry has been saved.
notice-alumni-left = You are no longer listed in the directory.
mail-alumni-question-subject = A question about your immersion, from { $asker }
mail-alumni-question-body = Hello,

    { $asker } is preparing an immersion and found you in Passerelle's alumni directory. Their question:

    "{ $question }"

    To answer, write to them directly: { $email }
mail-alumni-question-action = Manage my directory entry

## Signatories, signing links, amendments and notices
org-signatories = Who may sign agreements
org-signatories-hint = The people entitled to sign immersion agreements for this organisation (a director, a dean, a human-resources office). Each agreement names one of them; only that person signs for the organisation, from an account with that address or through a single-use link e-mailed to them.
org-signatories-none = Nobody is listed yet: an administrator of the organisation must add who may sign before an agreement can be sent for signature.
org-signatory-add = Add this signatory
org-signatory-remove = Remove
field-signatory-name = Name
field-signatory-function = Function
field-signatory-function-hint = As it appears on the agreement, e.g. dean, director, head of human resources.
field-signatory-email = E-mail address
field-signatory-email-hint = The signing link is sent to this address.
field-signatory-listed = Signatory
signatory-email-taken = This address is already listed.
notice-signatory-added = The signatory has been added.
notice-signatory-removed = The signatory has been removed.
notice-signatory-named = The signatory has been named; if the agreement is out for signature, they have been e-mailed a signing link.
agreement-signs = Signatory
agreement-signature-of = Signature of version { $version }
agreement-signed-on = signed on { $date }
signature-method-account = from their account
signature-method-link = through the e-mailed link
agreement-name-signatory = Name who signs: { $party }
agreement-name-signatory-submit = Name this signatory
agreement-signatory-none-listed = The organisation has not listed anyone entitled to sign yet: ask one of its administrators to add a signatory on its members page.
agreement-signatory-off-platform = The home organisation is not on Passerelle: name the person entitled to sign for it. They receive a single-use signing link by e-mail and need no account.
agreement-signatory-not-named = not named yet
agreement-signatory-choose = Choose who signs among the people the organisation listed.
agreement-signatory-not-participant = The participant cannot sign for an organisation: name another person.
agreement-signatory-missing = Name who signs for this organisation before sending the agreement for signature.
error-agreement-signatory-fixed = The participant and the programme sign for themselves; only an organisation's signatory is named.
error-agreement-signatory-signed = This party has already signed this version; its signatory can no longer change.
agreement-status-partially-signed = Partially signed
agreement-asking-at = This version was saved while signatures were being collected: links to earlier versions no longer work, and the signatories will be sent the new version to sign on { $when }, if nobody changes it again before then (each change starts the wait again, so that they receive one request, not one per change).
agreement-amendment-pending = Amendment awaiting signatures: version { $version }
agreement-amendment-explained = The immersion goes on under version { $version }, the one every party signed. The amendment applies once every signatory has signed it.
agreement-amendment-see-changes = See what the amendment changes
agreement-amendment-warning = This agreement is signed: saving a change proposes an amendment. The immersion goes on under version { $version } while every signatory signs the amendment; the logbook stays open.
agreement-notices = { $count ->
    [one] { $count } notice sent to the parties
   *[other] { $count } notices sent to the parties
}
agreement-notice-when = Sent on
agreement-notice-what = Notice
agreement-notice-to = To
notice-kind-drafted = Agreement drafted
notice-kind-ready-to-sign = Ready to sign
notice-kind-signature-request = Signing link sent
notice-kind-signature-reminder = Signing reminder
notice-kind-signed = A party signed
notice-kind-fully-signed = Signed by every party
notice-kind-amendment-proposed = Amendment proposed
notice-kind-amendment-signed = Amendment signed
notice-kind-started = Immersion started
notice-kind-completed = Immersion completed
notice-kind-ended-early = Immersion ended early
notice-kind-cancelled = Agreement cancelled
notice-kind-access-ending = Data access ending soon
notice-kind-access-ended = Data access ended
sign-title = Sign the immersion agreement
sign-intro-name = You are asked, as { $name },
sign-intro-party = to sign this agreement for { $org } ({ $party }). Read it, then sign at the bottom of the page.
sign-offer = Immersion
sign-link-expires = This link works until
sign-amendment-changes = What this amendment changes
sign-in-force = In force
sign-proposed = Proposed
sign-heading = Signature
sign-record-hint = Your signature records your name, your function, this version, the date, your IP address and your browser. The link signs once; it then gives you your copy of the agreement for 90 days.
sign-submit = Sign as { $name }
sign-again-title = You have signed already
sign-copy = Download the agreement (PDF)
sign-copy-hint = { $days ->
    [one] This link gives you the agreement, with the signatures gathered so far, for { $days } day after you signed: keep this e-mail to download the version every party has signed.
   *[other] This link gives you the agreement, with the signatures gathered so far, for { $days } days after you signed: keep this e-mail to download the version every party has signed.
}
error-signing-copy-expired = This link signed more than 90 days ago: it no longer gives the agreement. Ask the host organisation or the programme's coordination for a copy.
sign-done-title = Agreement signed
sign-done = Your signature has been recorded. Every party has been told.
sign-done-next = You may close this page. You will be e-mailed when every party has signed.
error-gone-title = Link no longer valid
error-signing-link-used = This signing link has already been used: the signature it carried is recorded. A link signs only once.
error-signing-link-expired = This signing link has expired. Ask the host organisation or the programme's coordinator to send you a new one; the next reminder also carries a new link.
error-signing-link-replaced = This link has been replaced: by a newer link (a reminder), by a new version of the agreement, or because someone else now signs. If you are still to sign, the newest link has been e-mailed to you.
audit-agreement-signatory-named = Agreement signatory named
audit-org-signatories-changed = Organisation signatories changed
mail-signature-request-subject = { $amendment ->
    [true] Amendment to sign: { $offer }
   *[other] Agreement to sign: { $offer }
}
mail-signature-request-body = Hello { $name },

    You are named as the person who signs for { $org } ({ $party ->
        [host] host organisation
        [home] home organisation, employer of the participant
       *[other] { $party }
    }) the agreement of the immersion "{ $offer }" of { $participant } (version { $version }{ $amendment ->
        [true] , an amendment of the signed agreement: the page shows what it changes
       *[other] {""}
    }).

    The link below opens the agreement; read it and sign at the bottom of the page. No account is needed. You may open it as often as you like until { $until }; it signs once.
mail-signature-request-action = Read and sign the agreement
mail-signature-reminder-subject = Reminder, agreement awaiting your signature: { $offer }
mail-signature-reminder-body = Hello { $name },

    The immersion agreement "{ $offer }" (version { $version }) still awaits your signature for the { $party ->
        [host] host organisation
        [home] home organisation (employer)
       *[other] { $party }
    } ({ $org }). Here is a new link, which replaces the earlier ones; you may open it until { $until }, and it signs once.
mail-signature-reminder-action = Read and sign the agreement
mail-agreement-notice-subject = { $kind ->
    [drafted] Agreement drafted: { $offer }
    [ready-to-sign] Agreement ready to sign: { $offer }
    [signed] New signature on the agreement: { $offer }
    [fully-signed] Agreement signed by every party: { $offer }
    [amendment-proposed] Amendment proposed: { $offer }
    [amendment-signed] Amendment signed and in force: { $offer }
    [amendment-withdrawn] Amendment withdrawn: { $offer }
    [started] Immersion started: { $offer }
    [completed] Immersion completed: { $offer }
    [ended-early] Immersion ended early: { $offer }
    [cancelled] Agreement cancelled: { $offer }
    [access-ending] Data access ends soon: { $offer }
    [access-ended] Data access ended: { $offer }
    [review-awaiting] Mid-term review to confirm: { $offer }
    [signature-reminder] Reminder: agreement to sign: { $offer }
   *[other] Agreement: { $offer }
}
mail-agreement-notice-body = Hello,

    { $kind ->
        [drafted] { $who } has drafted the agreement of the immersion "{ $offer }". Complete it together: objectives, tasks, terms and who signs for each organisation.
        [ready-to-sign] Version { $version } of the agreement "{ $offer }" is ready to sign. Read it and sign it from the agreement page.
        [signed] { $who } has signed version { $version } of the agreement "{ $offer }". The agreement page shows who has signed and who has not yet.
        [fully-signed] Every party has signed version { $version } of the agreement "{ $offer }", signed by { $who } last. The immersion can start. If you signed through the link e-mailed to you, that same link gives you the signed agreement (PDF) for 90 days after you signed.
        [amendment-proposed] An amendment (version { $version }) of the agreement "{ $offer }" has been proposed. The immersion goes on under the signed version; read the changes and sign the amendment from the agreement page.
        [amendment-signed] Every party has signed the amendment (version { $version }) of the agreement "{ $offer }": it now applies.
        [amendment-withdrawn] { $who } has withdrawn the amendment of the agreement "{ $offer }": the signed version { $version } applies, as before.
        [started] The immersion "{ $offer }" has started.
        [completed] The immersion "{ $offer }" is completed. Closing reports are now awaited from both sides.
        [ended-early] The immersion "{ $offer }" has been ended early. The reason is on the agreement page; access to data has ended.
        [cancelled] The agreement "{ $offer }" has been cancelled.
        [access-ending] Access to data under the agreement "{ $offer }" ends within 7 days, as agreed.
        [access-ended] Access to data under the agreement "{ $offer }" has ended, as agreed.
        [review-awaiting] { $who } has written the mid-term review of the immersion "{ $offer }". Read it and confirm it for your side from the agreement page.
        [signature-reminder] Version { $version } of the agreement "{ $offer }" still awaits your signature. Read it and sign it from the agreement page; the other parties see who has not signed yet.
       *[other] The agreement "{ $offer }" has changed.
    }
mail-agreement-notice-action = Open the agreement
agreement-withdraw-amendment = Withdraw the amendment
notice-amendment-withdrawn = The amendment has been withdrawn: the signed version applies, as before.
notice-kind-amendment-withdrawn = Amendment withdrawn
error-agreement-amendment-pending = An amendment awaits signatures: have it signed or withdraw it before marking the immersion as completed.
error-agreement-no-amendment = This agreement has no amendment awaiting signatures.
agreement-version-in-force = version { $version } in force
notice-amendment-proposed = The amendment has been proposed: every signatory has been asked to sign it; the immersion goes on under the signed version meanwhile.
compare-no-change = Nothing changed between these two versions.
compare-only-changes = Show only what changed
compare-show-all = Show every term
compare-unchanged = { $count ->
    [one] { $count } term did not change.
   *[other] { $count } terms did not change.
}
agreement-early-confirm = This date is not the agreed one: confirm it and give the reason.
agreement-early-confirm-label-active = I confirm the immersion starts before the agreed start date.
agreement-early-confirm-label-completed = I confirm the immersion is completed well before the agreed end date.
field-early-reason = Reason
field-early-reason-hint = Recorded with the change and shown to every party.
field-cancel-reason = Reason for cancelling
field-cancel-reason-hint = Required; every party will read it.
agreement-cancel-reason-required = Give the reason for cancelling.
agreement-early-reason-required = Give the reason for this date.
pair-side-by-side = Both directions side by side
pair-direction = From → to
pair-other-direction = The other direction
pair-not-visible = You are not a party to the other direction of this cross-immersion.
pair-no-report = No closing report yet.
pair-read-reports = Read the closing reports
pair-no-candidate = No agreement goes the other way yet (its host must be this one's home organisation, and the reverse).
access-log-title = Access log of this immersion
access-log-intro = Every reading of the confidential terms (employment and data access: pages, PDF, comparisons, signing links) and every change to this agreement, newest first. The administrators of the host organisation and of the home employer read it here.
access-detail-compared = versions { $left } and { $right } compared
access-detail-link-opened = signing link opened by the signatory for the { $party }
access-detail-copy-read = signed copy downloaded through the signing link by the signatory for the { $party }
access-detail-signed-account = version { $version } signed for the { $party }, from an account
access-detail-signed-link = version { $version } signed for the { $party }, through the e-mailed link
access-detail-status = { $status }, reason given: { $reason }
access-detail-signatory = { $email } named to sign for the { $party }
access-detail-added-objective = objective added
access-detail-added-task = task added
access-detail-removed = objective or task removed
access-detail-amendment-withdrawn = amendment withdrawn
access-log-empty = Nothing recorded yet.
access-log-shown = { $count ->
    [one] The newest entry.
   *[other] The newest { $count } entries at most.
}
mail-application-reminder-subject = An application awaits your answer: { $offer }
mail-application-reminder-body = Hello,

    { $applicant } applied to "{ $offer }" { $days } days ago and has had no answer yet. Answer in the application's thread, shortlist, accept or decline: the candidate is waiting.
mail-application-reminder-action = Answer the application
agreement-code = Verification code of this version
agreement-code-hint = It is printed at the foot of every page of the PDF: a printed copy bearing another code is not this version.
notice-kind-review-awaiting = Mid-term review to confirm
dashboard-in-preparation = Agreements in preparation (draft or awaiting signatures)
dashboard-immersion-list = The immersions counted
dashboard-days = Days
dashboard-detail = Detail
dashboard-all-xlsx = Every table in one workbook (XLSX)
dashboard-median-duration-days = Median duration (days)
dashboard-offers-without-applicants-pct = Offers without an application (%)
dashboard-median-reply-hours = Median time to a first reply (hours)
dashboard-reports-pct = Closing reports received (%)
dashboard-follow-ups-pct = Follow-ups answered (%)
follow-ups-title = Follow-up answers
follow-ups-intro = What the participants and hosts answered 6 and 12 months after each immersion: what has lasted, whether they are still in contact, what changed in their practice.
follow-ups-none = No follow-up has been sent yet.
follow-ups-recipient = Recipient
follow-ups-side = Side
follow-ups-months = Months after
follow-ups-after = { $months } months after
follow-ups-sent = Sent
follow-ups-answered = Answered
follow-ups-unanswered = Not answered yet.
follow-ups-in-contact = Still in contact
follow-ups-lasting = What has lasted
follow-ups-changes = What changed in practice
dashboard-reply-by-host = Median hours to a first reply, per host organisation
notice-already-applied = You have already applied to this offer: here is your application. You may add to it in its thread.
label-separator = {": "}
follow-ups-side-participant = the participant's follow-up
follow-ups-side-host = the host's follow-up
dashboard-percent = { $pct }% ({ $a }/{ $b })
field-places = Places
field-places-hint = How many people the offer hosts (1 when left empty): accepting that many applications marks it filled; you can reopen it.
