## Questionnaires: builder, answering, results

nav-questionnaires = Questionnaires
questionnaires-title = Questionnaires
questionnaires-mine = My questionnaires
questionnaires-none = You have no questionnaire yet.
questionnaires-new = New questionnaire
questionnaires-create = Create the questionnaire
questionnaires-template-intro = Or start from the Haut Conseil du travail social's template, "Emerging practices in social work", in French and English, and adapt it.
questionnaires-create-template = Create from the HCTS template
questionnaires-open = Questionnaires open to members
questionnaires-open-none = No questionnaire is open to members at the moment.
questionnaire-field-title = Title
questionnaire-field-language = Main language
questionnaire-field-languages = Languages of the questionnaire
questionnaire-languages-hint = The first language ticked stays the default. Respondents choose their language; a missing text shows in the default language.
questionnaire-field-intro = Introduction
questionnaire-field-consent = Consent text
questionnaire-field-closing = Closing text
questionnaire-field-opens = Opens on
questionnaire-field-opens-hint = Leave empty to open on publication.
questionnaire-field-closes = Closes on
questionnaire-field-closes-hint = Last day answers are taken (included). Leave empty for no closing date.
questionnaire-field-allow-edit = Let respondents change their answers until closing
questionnaire-field-pseudonym = Pseudonym
questionnaire-field-pseudonym-hint = The name your answer will be read under. It need not be your real name.
questionnaire-field-section-title = Section title
questionnaire-field-section-description = Introduction of the section
questionnaire-field-condition = Display condition
questionnaire-field-condition-hint = Leave empty to always show. Examples: category = 'naissante' · themes contains 'pair_aidance' · answered(age) and age >= 18 · role != 'cadre' or not_answered(service). Only questions placed before may be named.
questionnaire-status = Status
questionnaire-status-draft = Draft
questionnaire-status-open = Open
questionnaire-status-closed = Closed
questionnaire-updated = Changed on
questionnaire-version = Version
questionnaire-audience = Who may answer
questionnaire-audience-link = Anyone with the link
questionnaire-audience-signed-in = Signed-in people
questionnaire-audience-invited = A list of invited people
questionnaire-mode = Answer mode
questionnaire-mode-anonymous = Anonymous
questionnaire-mode-pseudonymous = Pseudonymous
questionnaire-mode-identified = Identified
questionnaire-mode-hint = Anonymous: no address, account or private link stays attached to submitted answers, and only the day of submission is kept. Pseudonymous: a name the respondent chooses. Identified: the signed-in person's account.
questionnaire-duration = Estimated time
questionnaire-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
questionnaire-responses = Responses
questionnaire-responses-count = { $count ->
    [one] { $count } response submitted
   *[other] { $count } responses submitted
}
questionnaire-drafts-count = { $count ->
    [one] { $count } draft
   *[other] { $count } drafts
}
questionnaire-share-link = Link to share:
questionnaire-versions-hint = Responses exist: your changes create a new version; each response keeps the version it answered, and results count every version.
questionnaire-settings = Settings and publication
questionnaire-preview = Preview
questionnaire-preview-note = Preview: nothing is saved.
questionnaire-results = Results
questionnaire-publish = Publish
questionnaire-close = Close
questionnaire-duplicate = Duplicate
questionnaire-copy-suffix = copy
questionnaire-translations = Translations
questionnaire-tr-missing = { $count ->
    [one] { $count } text missing
   *[other] { $count } texts missing
}
questionnaire-tr-machine = { $count ->
    [one] { $count } machine translation to review
   *[other] { $count } machine translations to review
}
translation-status-missing = translation missing
translation-status-machine = machine translation
translation-status-reviewed = reviewed
questionnaire-outline = Outline
questionnaire-section-untitled = Untitled section
questionnaire-section-empty = No question in this section.
questionnaire-shown-when = Shown when
questionnaire-edit-section = Edit the section
questionnaire-edit-question = Edit the question
questionnaire-add-section = Add a section
questionnaire-add-question = Add a question
questionnaire-new-question-kind = Type of the new question
questionnaire-move-up = Move up
questionnaire-move-down = Move down
questionnaire-remove = Remove
question-required = required
question-kind-short_text = Short text
question-kind-long_text = Long text
question-kind-single = Single choice
question-kind-multiple = Multiple choice
question-kind-yes_no = Yes / no
question-kind-scale = Scale
question-kind-integer = Whole number
question-kind-decimal = Decimal number
question-kind-date = Date
question-kind-territory = Territory
question-kind-matrix = Matrix (rows × choices)
question-kind-ranking = Ranking
question-kind-info = Information block
territory-scope-departments = French départements
territory-scope-regions = French regions
territory-scope-countries = Countries
question-field-kind = Question type
question-field-kind-hint = Changing the type and saving shows the settings of the new type.
question-field-name = Variable name
question-field-name-hint = Column in exports and name in conditions: letters, digits, _ - . ; starts with a letter. Leave empty for an automatic name.
question-field-label = Question
question-field-info = Text of the block
question-field-hint = Help
question-field-required = Answer required
question-field-choices = Choices
question-field-columns = Choices of each row (columns)
question-field-rows = Rows
question-choices-hint = One choice per line: code = label, in the order of the languages ({ $languages }), separated by |. Without "code =", a code is made from the label.
question-field-other = Offer "Other, please specify"
question-field-dropdown = Show as a drop-down list
question-field-min-length = Minimum length (characters)
question-field-max-length = Maximum length (characters)
question-field-min-count = Minimum number of choices
question-field-max-count = Maximum number of choices
question-field-min-value = Lowest value
question-field-max-value = Highest value
question-field-min-scale = Start of the scale (0 to 10)
question-field-max-scale = End of the scale
question-field-low = Label of the start of the scale
question-field-high = Label of the end of the scale
question-field-message = Message when the answer is out of bounds (or does not match the pattern)
question-field-scope = List of territories
question-earlier = Questions placed before (usable in the condition)
question-ranking-help = { $count ->
    [one] Give a rank from 1 to { $count }.
   *[other] Give a rank from 1 to { $count }, without repeating a rank.
}
questionnaire-name-invalid = A name starts with a letter and holds only letters, digits, _ - and . (64 characters at most).
questionnaire-name-taken = Another question or section already has this name.
questionnaire-choice-duplicate = Two choices have the same code.
questionnaire-choice-label-missing = Every choice needs a label in the default language.
questionnaire-choice-other-reserved = The code "other" is kept for the "Other, please specify" choice.
questionnaire-choices-needed = List the possible choices (at least two for a ranking).
questionnaire-rows-needed = List at least one row.
questionnaire-too-many-choices = 200 choices at most.
questionnaire-code-taken = This code is already in the codebook.
questionnaire-edit-needs-link = In anonymous mode, a submitted response is linked to nobody: it cannot be changed afterwards.
questionnaire-identified-needs-accounts = Identified mode needs respondents to be signed in: choose "signed-in people" or "a list of invited people".
condition-syntax = This condition cannot be read. Expected form: question = 'value', joined with and / or.
condition-unknown = This condition names a question that does not exist.
condition-forward = A condition may only name questions placed before (in an earlier section, for a whole section).
condition-cycle = These conditions depend on each other in a loop.
questionnaire-estimate = { $count ->
    [one] About { $count } minute.
   *[other] About { $count } minutes.
}
questionnaire-anonymous-note = Your answers are anonymous.
questionnaire-answer-language = Language of the questions
questionnaire-start = Start
questionnaire-closed-message = This questionnaire is closed: it takes no more answers.
questionnaire-not-open-message = This questionnaire opens on { $date }.
questionnaire-closes-on = You may answer until { $date }.
questionnaire-already-answered-message = You have already answered this questionnaire. Thank you!
questionnaire-page = Page
questionnaire-progress = Progress
questionnaire-previous = Previous page
questionnaire-next = Next page
questionnaire-submit = Submit my answers
questionnaire-later = Save and continue later
questionnaire-closed-draft-message = The questionnaire is closed. Your saved answers are kept, but they can no longer be submitted.
questionnaire-closed-typed = The questionnaire closed before this page was sent. What you typed is shown below so that you can copy it, but it was not recorded; the pages saved before are kept.
questionnaire-editing-submitted = Your answers were submitted; you may still change them until closing.
questionnaire-saved-title = Your answers are saved
questionnaire-saved-intro = To go on later, keep this personal link: it takes you back to your answers, from any device.
questionnaire-saved-private = This link is private: whoever has it can read and complete your answers until they are submitted.
questionnaire-saved-email = Get the link by e-mail
questionnaire-saved-email-hint = The address is used for this message and is not stored with your answers.
questionnaire-saved-send = Send the link
questionnaire-continue = Continue now
questionnaire-thanks-title = Thank you!
questionnaire-thanks-recorded = Your answers are recorded.
answer-yes = Yes
answer-no = No
answer-other = Other
answer-other-specify = Other, please specify:
answer-required = This question needs an answer.
answer-too-long = This answer is too long.
answer-too-short = This answer is too short.
answer-integer = Give a whole number, without decimals.
answer-number = Give a number (for instance 12.5).
answer-out-of-range = This number is outside the expected bounds.
answer-choice-count = The number of choices ticked is outside the expected bounds.
answer-date = Give a date as YYYY-MM-DD.
answer-ranking = Give each item a different rank, from 1 to the number of items.
answer-other-missing = Please specify your "Other" answer.
answer-other-conflict = You picked an option and also typed a text under "Other". Clear the text to keep the option, or pick "Other" to keep the text.
results-nav = Around the results
results-responses = Responses one by one
results-response = Response
results-submitted = Submitted on
results-respondent = Respondent
results-codebook = Codebook
results-codebook-intro = Codes group free-text answers by theme: create them here, apply them from the list of answers of each question, and count how many answers carry each theme.
results-codebook-empty = First create codes in the codebook to classify these answers.
results-code = Code
results-code-add = Add a code
results-code-responses = Coded responses
results-code-questions = Free-text answers to code
results-chart = Chart
results-codes = Codes
results-apply-codes = Save the codes
results-see-response = See the whole response
results-export-csv = CSV (codes)
results-export-csv-labels = CSV (labels)
results-export-xlsx = XLSX
results-export-json = JSON
results-cross = Cross-tabulation
results-cross-rows = In rows
results-cross-cols = In columns
results-cross-show = Cross
results-total = Total
results-answered = { $count ->
    [one] { $count } person answered
   *[other] { $count } people answered
}
results-value = Answer
results-count = Count
results-filter = Filter
results-filtered-by = Responses where "{ $value }" was chosen.
results-filter-clear = Show all
results-min = Minimum
results-max = Maximum
results-mean = Mean
results-median = Median
results-mean-rank = mean rank
results-read-texts = Read and code the answers
results-other-texts = { $count ->
    [one] { $count } "Other" text to read
   *[other] { $count } "Other" texts to read
}
results-search = Search the answers
results-search-button = Search
results-texts-count = { $count ->
    [one] { $count } answer
   *[other] { $count } answers
}
notice-questionnaire-created = Questionnaire created.
notice-questionnaire-saved = Changes saved.
notice-questionnaire-moved = Item moved.
notice-questionnaire-removed = Item removed.
notice-questionnaire-duplicated = Questionnaire duplicated: here is the copy.
notice-questionnaire-status-changed = Questionnaire status changed.
notice-answers-shown = Your answers are saved; new questions show because of them.
notice-questions-unlocked = Your answers are saved. They open new questions on this page: please answer them before submitting.
notice-link-sent = The link was sent to you.
notice-answer-coded = Codes saved.
notice-code-added = Code added.
error-questionnaire-conditions-broken = This change would break a display condition (a question it names would come after it, or disappear).
error-questionnaire-last-section = A questionnaire keeps at least one section.
error-questionnaire-still-referenced = A condition names this item: change it before removing the item.
error-questionnaire-move-breaks-condition = This move would put a question before a question its condition names.
error-questionnaire-empty = Add at least one question before publishing.
error-questionnaire-not-open = This questionnaire is not open yet.
error-questionnaire-closed = This questionnaire is closed: it takes no more answers.
error-questionnaire-already-answered = You have already answered this questionnaire.
error-questionnaire-invitation-needed = This questionnaire is for invited people only: use the link you received by e-mail.
error-questionnaire-closed-draft-kept = The questionnaire closed since your last page: your saved answers are kept, but they can no longer be submitted.
error-answer-tampered = This form does not match the questionnaire (an unknown question or choice): nothing was saved.
audit-questionnaire-created = Questionnaire created
audit-questionnaire-changed = Questionnaire changed
audit-questionnaire-status-changed = Questionnaire status changed
audit-responses-read = Responses read or exported
audit-response-deleted = Response deleted
audit-response-reopened = Response reopened for its respondent
mail-questionnaire-resume-subject = Your link to go on with "{ $title }"
mail-questionnaire-resume-body = Hello,

    Your answers to the questionnaire "{ $title }" are saved. The link below takes you back where you were.

    This link is personal: do not forward it.
mail-questionnaire-resume-action = Go on with the questionnaire
mail-questionnaire-invitation-subject = Invitation to answer: { $title }
mail-questionnaire-invitation-body = Hello,

    You are invited to answer the questionnaire "{ $title }". This link is yours alone.
mail-questionnaire-invitation-action = Answer the questionnaire
mail-questionnaire-reminder-subject = Reminder: { $title }
mail-questionnaire-reminder-body = Hello,

    You have not answered the questionnaire "{ $title }" yet. Your personal link still works.
mail-questionnaire-reminder-action = Answer the questionnaire
questionnaire-import-title = Import an XLSForm
questionnaire-import-intro = An XLSForm workbook (.xlsx, .xlsm or an old .xls) with its survey, choices and settings sheets becomes a draft questionnaire. What cannot be carried over is listed row by row; a workbook with errors creates nothing.
questionnaire-import-file = XLSForm workbook
questionnaire-import-file-hint = An .xlsx, .xlsm or .xls file, as ODK, KoboToolbox or pyxform read it.
questionnaire-import-file-missing = Choose an .xlsx, .xlsm or .xls file.
questionnaire-import-language = Language of the columns without one (label, hint)
questionnaire-import-submit = Import
questionnaire-import-report = Import report
questionnaire-import-done = { $count ->
    [one] { $count } question imported:
   *[other] { $count } questions imported:
}
questionnaire-import-failed = The workbook has errors: nothing was created.
questionnaire-import-errors = Errors
questionnaire-import-skipped = Not carried over
questionnaire-import-sheet = Sheet
questionnaire-import-row = Row
questionnaire-import-column = Column
questionnaire-import-reason = Reason
questionnaire-export-xlsform = Export as XLSForm
questionnaires-import-link = Import an XLSForm
questionnaire-invitations = Invitations
questionnaire-invitations-intro = Each invited person receives a link of their own by e-mail. Reminders go only to those who have not answered yet, with a new link. In anonymous mode, you know who answered, never what they answered.
questionnaire-invitations-audience-hint = The questionnaire is not restricted to invited people: choose "a list of invited people" in the settings so that only these links allow answering.
questionnaire-invitations-answered = { $count ->
    [one] { $count } answered
   *[other] { $count } answered
}
questionnaire-invitations-sent = Invited on
questionnaire-invitations-reminded = Reminded on
questionnaire-invitations-status = Answer
questionnaire-invitations-done = Received
questionnaire-invitations-waiting = Waiting
questionnaire-invitations-remind = Remind those who have not answered
questionnaire-invitations-add = Invite people
questionnaire-invitations-emails = E-mail addresses
questionnaire-invitations-emails-hint = One address per line (or separated by commas). People already invited receive nothing more.
questionnaire-invitations-send = Send the invitations
questionnaire-invitation-email-invalid = One of the addresses is not valid: correct it; nothing was sent.
questionnaire-invitation-too-many = 500 addresses at most per sending.
notice-invitations-sent = Invitations sent.
notice-reminders-sent = Reminders sent.
question-field-machine = Machine translations to review
question-field-machine-hint = Tick the languages whose texts for this question come from a machine translation tool; untick once reviewed.
results-responses-with-partial = { $count ->
    [one] { $count } response, complete or partial
   *[other] { $count } responses, complete or partial
}
results-complete-only = Count complete responses only
results-include-partial = { $count ->
    [one] Include the partial response (1)
   *[other] Include the partial responses ({ $count })
}
results-export-csv-excel-fr = CSV for Excel in French (semicolons)
results-toc = Contents
results-earlier-versions = Questions of earlier versions
results-others = { $count ->
    [one] { $count } other value
   *[other] { $count } other values
}
results-show-all = { $count ->
    [one] Show the value
   *[other] Show all { $count } values
}
results-row-percent = { $pct }% of row
results-col-percent = { $pct }% of column
results-percent-legend = Each cell gives the count, its share of the row, then its share of the column; totals give their share of all responses.
results-chi-square = Test of independence (Pearson's chi-square):
results-degrees = { $count ->
    [one] { $count } degree of freedom
   *[other] { $count } degrees of freedom
}
results-chi-dependent = The two answers are likely linked (p below 0.05).
results-chi-independent = Nothing shows that the two answers are linked (p of 0.05 or more).
results-chi-small = Caution: some cells expect fewer than 5 responses, so the test is unreliable here. Read the counts rather than the p-value.
results-chi-none = The test needs at least two rows and two columns with answers.
responses-show = Which responses
responses-complete = Complete ({ $count })
responses-partial = Partial ({ $count })
responses-all = All
responses-partial-hint = A partial response is a draft its respondent saved without submitting, still open or kept at closing. It counts in results and exports only when you include it.
responses-none = No response here yet.
responses-status = Status
responses-reached = Last page saved
responses-last-saved = Last saved
responses-status-complete = Complete
responses-status-partial = Partial
responses-reopen-help = The respondent will find their answers as a draft on the questionnaire's page, and the response leaves the results until they submit it again.
responses-reopen = Give back to the respondent
responses-delete-title = Delete this response
responses-delete-reason = Reason
responses-delete-reason-hint = Kept in the audit log, for instance "duplicate" or "test answer". Deleting cannot be undone.
responses-delete = Delete the response
notice-response-deleted = The response was deleted.
notice-response-reopened = The response was given back to its respondent as a draft.
error-response-reopen-identified-only = Only a submitted response of a signed-in respondent (identified mode) can be given back.
error-response-not-submitted = This response is not submitted: there is nothing to give back.
questionnaire-continue-answers = Continue my answers
questionnaire-edit-answers = Edit my answers
condition-unknown-choice = This condition compares a question with a value none of its choices has, so it could never be met. Use the code of one of its choices.
questionnaire-choice-still-cited = A condition of another question cites a choice this change removes: change that condition first.
autosave-saved-at = Draft saved at { $time }.
autosave-closed = The questionnaire is closed: this page can no longer be saved.
question-field-pattern = Pattern the answer must match (regular expression)
question-field-pattern-hint = Optional, for short texts; for instance [0-9]{"{"}5{"}"} for a French postcode. Say what is expected in "Message when the answer is out of bounds" below: respondents see it when their answer does not match.
questionnaire-pattern-invalid = This pattern is not a valid regular expression (or is too large).
answer-pattern = This answer does not have the expected form.
questionnaire-tr-which = Which texts are missing
questionnaire-conditions-involved = The conditions that tie this item to the others (change one of them first):
results-section-untitled = Part { $n }
xlsform-the-workbook-has-no-survey-sheet = The workbook has no survey sheet
xlsform-sheet-not-supported = Sheet not supported
xlsform-required-column-missing = Required column missing
xlsform-row-without-a-type = Row without a type
xlsform-duplicate-name = Duplicate name
xlsform-question-without-a-name = Question without a name
xlsform-invalid-name = Invalid name
xlsform-column-not-supported = Column not supported
xlsform-language-not-supported = Language not supported
xlsform-setting-not-supported = Setting not supported
xlsform-choice-name-too-long = Choice name too long
xlsform-choice-column-not-supported = Choice column not supported
xlsform-duplicate-choice-kept-once-choice-filters-are-not-supported = Duplicate choice (kept once; choice filters are not supported)
xlsform-duplicate-choice-name-in-its-list = Duplicate choice name in its list
xlsform-duplicate-column-header = Duplicate column header
xlsform-expression-not-expressible-as-a-passerelle-condition = Expression not expressible as a Passerelle condition
xlsform-nested-group-flattened-into-its-parent-section = Nested group flattened into its parent section
xlsform-range-steps-other-than-1-are-not-supported = Range steps other than 1 are not supported
xlsform-repeats-are-not-supported-the-questions-inside-are-imported = Repeats are not supported: the questions inside are imported once
xlsform-required-expressions-are-not-supported = Required expressions are not supported
xlsform-row-without-list-name-or-name = Row without list name or name
xlsform-the-workbook-could-not-be-read-the-spreadsheet-reader-failed = The workbook could not be read (the spreadsheet reader failed)
xlsform-question-type-not-supported = Question type not supported
xlsform-group-without-a-name = Group without a name
xlsform-missing-calculation = Missing calculation (a calculate type without a calculation column)
xlsform-include-not-supported = This section has not been included (include is not supported)
xlsform-two-headers-name-the-same-column = Two headers name the same column (rename or remove one)
xlsform-not-a-workbook = This file is not an .xlsx or .xls workbook
xlsform-unknown-choice-list = Unknown choice list
xlsform-condition-dropped = Condition dropped
xlsform-constraint-dropped-not-expressible-as-bounds-or-a-pattern = Constraint dropped (not expressible as bounds or a pattern)
xlsform-reference-to-a-question-not-imported-removed = Reference to a question not imported, removed
results-percent = { $pct }%
results-multiple-cross = A multiple-choice question counts every option ticked: the cells and totals count choices, not people, so no test of independence is made.
results-filter-exports = Exports hold every response, not only those the filter selects.
results-show-top = Show the ten most given values
results-unanswered-row = —
questionnaire-identified-note = Your answers are linked to your account: the questionnaire's managers will see who answered.
questionnaire-sign-in-needed = Sign in to answer this questionnaire.
autosave-saved-some = Draft saved at { $time }. Answers to correct, not saved yet: { $count }.
questionnaire-page-untitled = Part { $n }
answer-between = Between { $min } and { $max }.
answer-at-least = At least { $min }.
answer-at-most = At most { $max }.
question-label-unknown-reference = This text quotes, as ${"{"}name{"}"}, a name that is not a question placed before this one.
questionnaire-import-question = Question
mail-questionnaire-reopened-subject = Your answers to "{ $title }" are yours to change again
mail-questionnaire-reopened-body = Hello,

    The team running the questionnaire "{ $title }" has given your answers back to you: you can change them and send them again. Until you send them, they are not counted.
mail-questionnaire-reopened-action = See my answers
