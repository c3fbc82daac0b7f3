## Practice sheets: types, fields, choices
nav-sheets = Practice sheets
sheet-type-emerging_practice = Emerging practice
sheet-type-reflective_theme = Reflective-practice theme
sheet-type-immersion_learning = Immersion learning
sheet-field-title = Title
sheet-field-summary = Summary
sheet-field-summary-help = At most 500 characters: what the practice does, for whom, with whom.
sheet-field-category = Category
sheet-field-category-help = Emerging practice: not yet standardised, institutionalised or funded as such. Re-emerging practice: was standardised and institutionalised, then disappeared and is coming back. Existing but little-known practice: exists but remains little known.
sheet-field-approach = Approach
sheet-field-themes = Themes
sheet-field-publics = Publics concerned
sheet-field-territory = Territory
sheet-field-organisations = Carrying organisations
sheet-field-organisations-help = One organisation per line.
sheet-field-context = Context and origin
sheet-field-context-help = How the practice started, including its adaptation during the health crisis.
sheet-field-description = Description of the practice
sheet-field-persons_place = Place of the persons concerned
sheet-field-partnerships = Partnerships
sheet-field-resources = Resources
sheet-field-development_conditions = Conditions of development
sheet-field-development_conditions-help = One condition per line.
sheet-field-success_factors = Success factors
sheet-field-success_factors-help = One factor per line.
sheet-field-levers = Levers
sheet-field-levers-help = One lever per line.
sheet-field-vigilance = Points of vigilance
sheet-field-vigilance-help = One point per line.
sheet-field-pitfalls = Pitfalls to avoid
sheet-field-pitfalls-help = One pitfall per line.
sheet-field-process_indicators = Evaluation of the process
sheet-field-process_indicators-help = Implementation indicators: what is measured, where the measure comes from, its value.
sheet-field-effect_indicators = Evaluation of effects and impacts
sheet-field-effect_indicators-help = Indicators of effects on persons, professionals, the territory.
sheet-field-maturity = Maturity
sheet-field-contacts = Contacts
sheet-field-contacts-help = Name a person only with their consent: tick the consent box for each contact.
sheet-field-language = Language
sheet-field-language-help = The language the sheet is written in. Its page and its PDF declare it, so that screen readers read it aloud correctly and hyphenation follows it.
sheet-field-licence = Licence
sheet-field-licence-help = The licence under which the sheet may be reused. CC BY 4.0 by default.
sheet-field-definition = Definition and meaning
sheet-field-benefits_persons = Benefits for the persons supported
sheet-field-benefits_professionals = Benefits for professionals
sheet-field-benefits_managers = Benefits for managers
sheet-field-benefits_employers = Benefits for employers
sheet-field-competences_initial = Competences to strengthen in initial training
sheet-field-competences_initial-help = One competence per line.
sheet-field-competences_continuing = Competences to strengthen in continuing training
sheet-field-competences_continuing-help = One competence per line.
sheet-field-steps = Steps towards a favourable environment
sheet-field-steps-help = One step per line, in order.
sheet-field-inspiring_examples = Inspiring examples
sheet-field-inspiring_examples-help = Especially partnerships between employers and research institutions.
sheet-field-observed = What was observed
sheet-field-transferred = What was transferred
sheet-field-conditions = Conditions
sheet-column-description = Description
sheet-column-source = Source
sheet-column-value = Value
sheet-column-name = Name
sheet-column-role = Role
sheet-column-email = E-mail address
sheet-opt-category-emerging = Newly born practice
sheet-opt-category-re_emerging = Re-emerging practice
sheet-opt-category-little_known = Existing but little-known practice
sheet-opt-approach-individual = Individual
sheet-opt-approach-collective = Collective
sheet-opt-approach-both = Individual and collective
sheet-opt-themes-travailler_ensemble = Working together
sheet-opt-themes-rencontre = Meeting the other
sheet-opt-themes-aller_vers = Outreach (aller vers)
sheet-opt-themes-pouvoir_agir = Empowerment
sheet-opt-themes-pair_aidance = Peer support
sheet-opt-themes-conferences_familiales = Family group conferences
sheet-opt-themes-coordination = Multidisciplinary coordination
sheet-opt-themes-other = Other
sheet-opt-publics-tous-publics = Everyone
sheet-opt-publics-actifs = Working people
sheet-opt-publics-beneficiaires-des-minimas-sociaux = Recipients of minimum social benefits
sheet-opt-publics-demandeurs-emploi = Jobseekers
sheet-opt-publics-etudiants = Students
sheet-opt-publics-familles = Families
sheet-opt-publics-femmes = Women
sheet-opt-publics-jeunes = Young people
sheet-opt-publics-personnes-en-situation-de-handicap = People with disabilities
sheet-opt-publics-personnes-en-situation-durgence = People in emergency situations
sheet-opt-publics-personnes-en-situation-juridique-specifique = People in a specific legal situation
sheet-opt-publics-personnes-exilees = Exiled people
sheet-opt-publics-residents-qpv-frr = Residents of priority urban or rural areas (QPV, FRR)
sheet-opt-publics-seniors = Older people
sheet-effects-not-evaluated = Effects not yet evaluated: the sheet gives no effect indicator yet for the people, the professionals or the territory.
sheet-maturity-def-idea = Idea: the practice is designed, not carried out yet.
sheet-maturity-def-trial = Trial: carried out recently, on a small scale, its effects still being sought.
sheet-maturity-def-consolidated = Consolidated: carried out for at least a year, stable, with some hindsight.
sheet-maturity-def-spreading = Spreading: taken up by other organisations or on other territories.
sheet-opt-maturity-idea = Idea
sheet-opt-maturity-trial = Trial
sheet-opt-maturity-consolidated = Consolidated
sheet-opt-maturity-spreading = Spreading
sheet-opt-language-fr = French
sheet-opt-language-en = English
sheet-opt-licence-cc-by-4_0 = CC BY 4.0 (free reuse with attribution)
sheet-opt-licence-cc-by-sa-4_0 = CC BY-SA 4.0 (reuse with attribution, share alike)
sheet-opt-licence-cc0-1_0 = CC0 1.0 (public domain)
sheet-opt-licence-all-rights-reserved = All rights reserved
sheet-facet-type = Sheet type
sheet-facet-category = Category
sheet-facet-themes = Theme
sheet-facet-approach = Approach
sheet-facet-publics = Public
sheet-facet-territory = Territory
sheet-facet-maturity = Maturity
sheet-facet-language = Language
sheet-status-draft = Draft
sheet-status-submitted = Submitted for review
sheet-status-changes_requested = Changes requested
sheet-status-published = Published
sheet-status-archived = Archived
sheet-from-questionnaire_response = From an answer to the questionnaire
sheet-from-immersion = From the immersion

## Catalogue
sheets-catalogue-title = Practice sheets
sheets-catalogue-intro = Emerging practices, thematic sheets and immersion learnings published by the network. Search by words or filter by theme, public, territory.
sheets-search-label = Search the sheets
sheets-search = Search
sheets-facets = Refine
sheets-filter = Apply filters
sheets-filter-clear = Clear all
sheets-hits = { $count ->
    [one] { $count } sheet
   *[other] { $count } sheets
}
sheets-export-csv = Export the selection (CSV)
sheets-export-xlsx = Export the selection (XLSX)
sheets-none = No sheet matches. Try fewer words or remove a filter.
sheets-pages-label = Result pages
sheets-previous = Previous page
sheets-next = Next page
sheet-export-id = Identifier
sheet-export-link = Address

## Writing and review
sheets-desk-title = My sheets
sheets-reviewers-link = Manage reviewers
sheets-queue = To review
sheets-mine = Sheets I write
sheets-mine-none = You do not write any sheet yet.
sheets-new = New sheet
sheets-create = Create the sheet
sheet-type = Type
sheet-status = Status
sheet-updated = Changed on
sheet-revision = Revision
sheet-revision-n = Revision { $n }
sheet-published-revision = revision { $n } published
sheet-revision-author = By
sheet-open-work = Open the working version
sheet-authors = Authors
sheet-published-on = Published on
sheet-provenance = Provenance
sheet-download = Download
sheet-view = View the sheet
sheet-history = History
sheet-errors-title = The sheet cannot move on: to complete
sheet-general-comments = Reviewers' remarks
sheet-comments = Reviewers' remarks
sheet-workflow = Review and publication
sheet-action-submit = Submit for review
sheet-action-review = Review and comment
sheet-action-publish = Publish
sheet-action-archive = Archive
sheet-action-restore = Back to draft
sheet-action-request-changes = Request changes
sheet-workflow-nothing = The sheet waits for someone else's action.
sheet-markdown-hint = Long texts accept Markdown formatting: **bold**, *italics*, lists starting with "- ". Fields marked "required to submit" may stay empty while the sheet is a draft.
sheet-required-to-submit = (required to submit)
sheet-contact-consent = The person agreed to appear on the sheet
sheet-contact-consent-missing = Every contact must have agreed: tick the box or remove the line.
sheet-revision-note = Revision note
sheet-revision-note-hint = Optional: what changed, for the history.
sheet-save = Save a revision
sheet-add-author = Add a co-author
sheet-add-author-hint = The e-mail address of their Passerelle account.
sheet-add-author-button = Add
sheet-author-unknown = No account has this address.
sheet-author-already = This person is already an author.
sheet-comment-needed = Write at least one remark to request changes.
sheet-immersion-default-title = What I learnt in immersion
sheet-conflict-title = Someone saved the sheet before you
sheet-conflict-intro = Someone else saved a revision while you were writing, and you both changed some of the same fields. Nothing is lost: their changes to the other fields are in the form below, beside yours; for each field you both changed, choose their version or yours, or rewrite it.
sheet-conflict-differences = Fields changed on both sides
sheet-conflict-field = Field
sheet-conflict-theirs = Their version (saved)
sheet-conflict-yours = Your version
sheet-conflict-yours-form = The sheet, with the changes of both sides
sheet-conflict-how = Fields you did not both change are merged already. The fields changed on both sides hold your version: tick "Keep their version" or edit them here, then save.
sheet-conflict-save-mine = Save the merged version
sheet-conflict-choice = Choice
sheet-conflict-take-theirs = Keep their version
sheet-conflict-changed-by = changed by { $who }
notice-sheet-merged = Saved. Someone else had saved the sheet meanwhile, in other fields: their changes and yours are all in this revision (see the history).
sheet-conflict-keep-theirs = Drop my version
sheet-review-title = Review
sheet-review-intro = Leave a remark under each field to rework. Authors will see them next to the fields concerned.
sheet-field-empty = (empty)
sheet-comment-on = Remark on "{ $field }"
sheet-comment-general = General remark
sheet-compare-from = Compare revision
sheet-compare-to = with revision
sheet-compare = Compare
sheet-compare-title = Differences between revisions
sheet-compare-same = No difference between these revisions.
sheet-compare-before = Before
sheet-compare-after = After
sheet-compare-revisions = Compare revisions side by side
sheets-reviewers-title = Sheet reviewers
sheets-reviewers-intro = Reviewers request changes and publish sheets. Coordinators and administrators always review.
sheets-reviewers-none = No named reviewer.
sheets-reviewers-remove = Remove { $name }
sheets-reviewers-add = Name a reviewer (their account's address)
sheets-reviewers-add-button = Name
questionnaire-response-make-sheet = Create a practice sheet from this answer
agreement-make-sheet = Write a sheet of what the immersion taught
agreement-make-sheet-title = Title of the sheet

notice-sheet-created = Sheet created. Fill it in, save, then submit it for review.
notice-sheet-saved = Revision saved.
notice-sheet-unchanged = Nothing changed: no revision created.
notice-sheet-status-submitted = Sheet submitted for review.
notice-sheet-status-changes_requested = Changes requested from the authors.
notice-sheet-status-published = Sheet published: it shows in the catalogue.
notice-sheet-status-archived = Sheet archived: it no longer shows in the catalogue.
notice-sheet-status-draft = Sheet back to draft.
notice-sheet-author-added = Co-author added.
notice-sheet-reviewers-changed = Reviewers changed.
error-sheet-not-editable = This sheet cannot be changed now (under review or archived).
error-sheet-transition-impossible = This action is not possible in the sheet's current state.
error-sheet-changed-meanwhile = The sheet changed meanwhile. Reload the page and try again.
error-pdf-failed = The PDF could not be produced. The incident is logged; the Markdown and JSON versions remain available.
audit-sheet-created = Practice sheet created
audit-sheet-status-changed = Sheet status changed
audit-sheet-author-added = Co-author added to a sheet
audit-sheet-reviewers-changed = Sheet reviewers changed
mail-sheet-status-subject = { $status ->
    [published] Sheet published: { $title }
    [submitted] Sheet to review: { $title }
   *[other] Changes requested: { $title }
}
mail-sheet-status-body = Hello,

    { $status ->
        [published] The sheet "{ $title }" is published. It now shows in the catalogue.
        [submitted] The sheet "{ $title }" has been submitted for review. Read it and publish it, or request changes field by field.
       *[other] A reviewer requests changes to the sheet "{ $title }". Their remarks are next to the fields concerned.
    }
mail-sheet-status-action = Open the sheet

## Syntheses
syntheses-title = Syntheses
syntheses-intro = Synthesis documents gather published sheets and bring out their common threads: themes, levers, success factors, points of vigilance, pitfalls and indicators, counted and linked to their sheets.
syntheses-none = No synthesis published yet.
syntheses-new = New synthesis
syntheses-new-hint = Start from a catalogue selection: filter the sheets, then "Build a synthesis from this selection". You can then leave sheets out by hand.
syntheses-create = Create the synthesis
sheets-make-synthesis = Build a synthesis from this selection
synthesis-kind = Synthesis document
synthesis-field-title = Title of the synthesis
synthesis-field-language = Language it is written in
synthesis-field-query = Selection (catalogue filter)
synthesis-field-query-hint = Taken from the catalogue's address, for example themes=pair_aidance&category=emerging. Empty: every published sheet.
synthesis-field-sheets = Sheets kept
synthesis-field-sheets-hint = Untick a sheet to leave it out: the synthesis then keeps the list chosen by hand.
synthesis-too-many-sheets = A synthesis gathers at most 500 sheets.
synthesis-sheet-count = { $count ->
    [one] { $count } sheet
   *[other] { $count } sheets
}
synthesis-toc = Contents
synthesis-introduction = Introduction
synthesis-threads = Common threads
synthesis-evaluation = Two-entry evaluation
synthesis-no-indicator = No indicator in the sheets kept.
synthesis-from-sheet = Sheet
synthesis-development-conditions = Conditions of development
synthesis-recommendations = Recommendations
synthesis-sources = Source sheets
synthesis-edit = Edit the synthesis
synthesis-draft = draft
synthesis-published = published
synthesis-publish = Publish this revision
synthesis-unpublish = Withdraw from publication
synthesis-conflict = { $who } saved the synthesis while you were writing, and you both changed some of the same fields. Their changes to the other fields are already below, beside yours; the fields changed on both sides hold your version: tick "Keep their version" or rewrite them, then save.
notice-synthesis-merged = Saved. Someone else had saved the synthesis meanwhile, in other fields: their changes and yours are all in this revision.
notice-synthesis-saved = Synthesis revision saved.
notice-synthesis-published = Synthesis published.
notice-synthesis-unpublished = Synthesis withdrawn from publication.
audit-synthesis-changed = Synthesis created, published or withdrawn

sheet-files = Attachments
sheet-files-none = No attachment.
sheet-files-add = Attach files
sheet-files-hint = PDF, images, office documents; at most 5 files and 10 MB per upload. Attachments are public with the sheet.
sheet-files-add-button = Attach
sheet-file-remove = Remove { $name }
notice-sheet-files-added = Files attached.
notice-sheet-file-removed = File removed.
synthesis-proposed = { $count ->
    [one] { $count } published sheet matches this selection and is not in the published synthesis. Readers will see it once you publish again.
   *[other] { $count } published sheets match this selection and are not in the published synthesis. Readers will see them once you publish again.
}
synthesis-proposed-publish = Review and publish again
synthesis-publish-proposed = { $count ->
    [one] Publish a new revision with the new sheet
   *[other] Publish a new revision with the { $count } new sheets
}
synthesis-published-revisions = Published revisions
sheet-save-then-hint = Submitting and publishing are under the form: they save what you typed first. Other buttons on this page do not save your typing.
sheet-save-and-submit = Save and submit for review
sheet-save-and-publish = Save and publish
