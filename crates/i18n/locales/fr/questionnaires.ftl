## Questionnaires: builder, answering, results

nav-questionnaires = Questionnaires
questionnaires-title = Questionnaires
questionnaires-mine = Mes questionnaires
questionnaires-none = Vous n'avez pas encore de questionnaire.
questionnaires-new = Nouveau questionnaire
questionnaires-create = Créer le questionnaire
questionnaires-template-intro = Ou partez du modèle du Haut Conseil du travail social, « Pratiques émergentes du travail social », en français et en anglais, que vous pourrez adapter.
questionnaires-create-template = Créer depuis le modèle HCTS
questionnaires-open = Questionnaires ouverts aux membres
questionnaires-open-none = Aucun questionnaire n'est ouvert aux membres en ce moment.
questionnaire-field-title = Titre
questionnaire-field-language = Langue principale
questionnaire-field-languages = Langues du questionnaire
questionnaire-languages-hint = La première langue cochée reste la langue par défaut. Les répondant·es choisissent leur langue ; un texte manquant s'affiche dans la langue par défaut.
questionnaire-field-intro = Introduction
questionnaire-field-consent = Texte de consentement
questionnaire-field-closing = Texte de fin
questionnaire-field-opens = Ouverture le
questionnaire-field-opens-hint = Laisser vide pour ouvrir dès la publication.
questionnaire-field-closes = Clôture le
questionnaire-field-closes-hint = Dernier jour où l'on peut répondre (inclus). Laisser vide pour ne pas fixer de date.
questionnaire-field-allow-edit = Permettre de modifier ses réponses jusqu'à la clôture
questionnaire-field-pseudonym = Pseudonyme
questionnaire-field-pseudonym-hint = Le nom sous lequel votre réponse sera lue. N'indiquez pas votre vrai nom si vous ne le souhaitez pas.
questionnaire-field-section-title = Titre de la partie
questionnaire-field-section-description = Texte d'introduction de la partie
questionnaire-field-condition = Condition d'affichage
questionnaire-field-condition-hint = Laisser vide pour toujours afficher. Exemples : categorie = 'naissante' · themes contains 'pair_aidance' · answered(age) and age >= 18 · role != 'cadre' or not_answered(service). Seules les questions placées avant peuvent être citées.
questionnaire-status = Statut
questionnaire-status-draft = Brouillon
questionnaire-status-open = Ouvert
questionnaire-status-closed = Clos
questionnaire-updated = Modifié le
questionnaire-version = Version
questionnaire-audience = Qui peut répondre
questionnaire-audience-link = Toute personne ayant le lien
questionnaire-audience-signed-in = Les personnes connectées
questionnaire-audience-invited = Une liste de personnes invitées
questionnaire-mode = Mode de réponse
questionnaire-mode-anonymous = Anonyme
questionnaire-mode-pseudonymous = Pseudonyme
questionnaire-mode-identified = Identifié
questionnaire-mode-hint = Anonyme : aucune adresse, aucun compte ni lien privé ne reste attaché aux réponses envoyées, et seule la date d'envoi est gardée. Pseudonyme : un nom choisi par la personne. Identifié : le compte de la personne connectée.
questionnaire-duration = Durée estimée
questionnaire-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
questionnaire-responses = Réponses
questionnaire-responses-count = { $count ->
    [one] { $count } réponse envoyée
   *[other] { $count } réponses envoyées
}
questionnaire-drafts-count = { $count ->
    [one] { $count } brouillon
   *[other] { $count } brouillons
}
questionnaire-share-link = Lien à diffuser :
questionnaire-versions-hint = Des réponses existent : vos modifications créent une nouvelle version ; chaque réponse garde la version à laquelle elle a répondu, et les résultats comptent toutes les versions.
questionnaire-settings = Réglages et publication
questionnaire-preview = Aperçu
questionnaire-preview-note = Aperçu : rien n'est enregistré.
questionnaire-results = Résultats
questionnaire-publish = Publier
questionnaire-close = Clore
questionnaire-duplicate = Dupliquer
questionnaire-copy-suffix = copie
questionnaire-translations = Traductions
questionnaire-tr-missing = { $count ->
    [one] { $count } texte manquant
   *[other] { $count } textes manquants
}
questionnaire-tr-machine = { $count ->
    [one] { $count } traduction automatique à relire
   *[other] { $count } traductions automatiques à relire
}
translation-status-missing = traduction manquante
translation-status-machine = traduction automatique
translation-status-reviewed = relu
questionnaire-outline = Plan
questionnaire-section-untitled = Partie sans titre
questionnaire-section-empty = Aucune question dans cette partie.
questionnaire-shown-when = Affiché si
questionnaire-edit-section = Modifier la partie
questionnaire-edit-question = Modifier la question
questionnaire-add-section = Ajouter une partie
questionnaire-add-question = Ajouter une question
questionnaire-new-question-kind = Type de la nouvelle question
questionnaire-move-up = Monter
questionnaire-move-down = Descendre
questionnaire-remove = Supprimer
question-required = obligatoire
question-kind-short_text = Texte court
question-kind-long_text = Texte long
question-kind-single = Choix unique
question-kind-multiple = Choix multiples
question-kind-yes_no = Oui / non
question-kind-scale = Échelle
question-kind-integer = Nombre entier
question-kind-decimal = Nombre décimal
question-kind-date = Date
question-kind-territory = Territoire
question-kind-matrix = Tableau (lignes × choix)
question-kind-ranking = Classement
question-kind-info = Bloc d'information
territory-scope-departments = Départements français
territory-scope-regions = Régions françaises
territory-scope-countries = Pays
question-field-kind = Type de question
question-field-kind-hint = Changer de type puis enregistrer affiche les réglages du nouveau type.
question-field-name = Nom de variable
question-field-name-hint = Colonne des exports et nom dans les conditions : lettres, chiffres, _ - . ; commence par une lettre. Laisser vide pour un nom automatique.
question-field-label = Intitulé
question-field-info = Texte du bloc
question-field-hint = Aide
question-field-required = Réponse obligatoire
question-field-choices = Choix
question-field-columns = Choix de chaque ligne (colonnes)
question-field-rows = Lignes
question-choices-hint = Un choix par ligne : code = intitulé, dans l'ordre des langues ({ $languages }), séparés par |. Sans « code = », un code est tiré de l'intitulé.
question-field-other = Proposer « Autre, précisez »
question-field-dropdown = Afficher en liste déroulante
question-field-min-length = Longueur minimale (caractères)
question-field-max-length = Longueur maximale (caractères)
question-field-min-count = Nombre minimal de choix
question-field-max-count = Nombre maximal de choix
question-field-min-value = Valeur minimale
question-field-max-value = Valeur maximale
question-field-min-scale = Début de l'échelle (0 à 10)
question-field-max-scale = Fin de l'échelle
question-field-low = Libellé du début de l'échelle
question-field-high = Libellé de la fin de l'échelle
question-field-message = Message si la réponse sort des limites (ou ne suit pas le motif)
question-field-scope = Liste de territoires
question-earlier = Questions placées avant (utilisables dans la condition)
question-ranking-help = { $count ->
    [one] Donnez un rang de 1 à { $count }.
   *[other] Donnez un rang de 1 à { $count }, sans répéter un rang.
}
questionnaire-name-invalid = Un nom commence par une lettre et ne contient que des lettres, chiffres, _ - et . (64 caractères au plus).
questionnaire-name-taken = Ce nom est déjà pris par une autre question ou partie.
questionnaire-choice-duplicate = Deux choix ont le même code.
questionnaire-choice-label-missing = Chaque choix a besoin d'un intitulé dans la langue par défaut.
questionnaire-choice-other-reserved = Le code « other » est réservé au choix « Autre, précisez ».
questionnaire-choices-needed = Indiquez les choix possibles (au moins deux pour un classement).
questionnaire-rows-needed = Indiquez au moins une ligne.
questionnaire-too-many-choices = 200 choix au plus.
questionnaire-code-taken = Ce code existe déjà dans la grille.
questionnaire-edit-needs-link = En mode anonyme, une réponse envoyée n'est plus reliée à personne : elle ne peut pas être modifiée ensuite.
questionnaire-identified-needs-accounts = Le mode identifié demande que l'on réponde connecté : choisissez « personnes connectées » ou « liste de personnes invitées ».
condition-syntax = Cette condition n'est pas lisible. Forme attendue : question = 'valeur', reliée par and / or.
condition-unknown = Cette condition cite une question qui n'existe pas.
condition-forward = Une condition ne peut citer que des questions placées avant (dans une partie précédente pour une partie entière).
condition-cycle = Ces conditions dépendent les unes des autres en boucle.
questionnaire-estimate = { $count ->
    [one] Environ { $count } minute.
   *[other] Environ { $count } minutes.
}
questionnaire-anonymous-note = Vos réponses sont anonymes.
questionnaire-answer-language = Langue des questions
questionnaire-start = Commencer
questionnaire-closed-message = Ce questionnaire est clos : il ne reçoit plus de réponses.
questionnaire-not-open-message = Ce questionnaire ouvrira le { $date }.
questionnaire-closes-on = Vous pouvez répondre jusqu'au { $date }.
questionnaire-already-answered-message = Vous avez déjà répondu à ce questionnaire. Merci !
questionnaire-page = Page
questionnaire-progress = Progression
questionnaire-previous = Page précédente
questionnaire-next = Page suivante
questionnaire-submit = Envoyer mes réponses
questionnaire-later = Enregistrer et continuer plus tard
questionnaire-closed-draft-message = Le questionnaire est clos. Vos réponses déjà enregistrées sont conservées, mais elles ne peuvent plus être envoyées.
questionnaire-closed-typed = Le questionnaire a fermé avant l’envoi de cette page. Ce que vous avez saisi est affiché ci-dessous pour que vous puissiez le copier, mais n’a pas été enregistré ; les pages enregistrées avant sont conservées.
questionnaire-editing-submitted = Vos réponses ont été envoyées ; vous pouvez encore les modifier jusqu'à la clôture.
questionnaire-saved-title = Vos réponses sont enregistrées
questionnaire-saved-intro = Pour reprendre plus tard, gardez ce lien personnel : il ramène à vos réponses, depuis n'importe quel appareil.
questionnaire-saved-private = Ce lien est privé : quiconque le possède peut lire et compléter vos réponses jusqu'à leur envoi.
questionnaire-saved-email = Recevoir le lien par e-mail
questionnaire-saved-email-hint = L'adresse sert à cet envoi et n'est pas enregistrée avec vos réponses.
questionnaire-saved-send = Envoyer le lien
questionnaire-continue = Continuer maintenant
questionnaire-thanks-title = Merci !
questionnaire-thanks-recorded = Vos réponses sont enregistrées.
answer-yes = Oui
answer-no = Non
answer-other = Autre
answer-other-specify = Autre, précisez :
answer-required = Cette question demande une réponse.
answer-too-long = Cette réponse est trop longue.
answer-too-short = Cette réponse est trop courte.
answer-integer = Indiquez un nombre entier, sans virgule.
answer-number = Indiquez un nombre (par exemple 12,5).
answer-out-of-range = Ce nombre sort des limites prévues.
answer-choice-count = Le nombre de choix cochés sort des limites prévues.
answer-date = Indiquez une date au format AAAA-MM-JJ.
answer-ranking = Donnez à chaque élément un rang différent, de 1 au nombre d'éléments.
answer-other-missing = Précisez votre réponse « Autre ».
answer-other-conflict = Vous avez choisi une option et saisi un texte sous « Autre ». Effacez le texte pour garder l’option, ou choisissez « Autre » pour garder le texte.
results-nav = Autour des résultats
results-responses = Réponses une par une
results-response = Réponse
results-submitted = Envoyée le
results-respondent = Répondant·e
results-codebook = Grille de codage
results-codebook-intro = Les codes regroupent les réponses libres par thème : créez-les ici, appliquez-les depuis la liste des réponses de chaque question, et comptez combien de réponses portent chaque thème.
results-codebook-empty = Créez d'abord des codes dans la grille de codage pour classer ces réponses.
results-code = Code
results-code-add = Ajouter un code
results-code-responses = Réponses codées
results-code-questions = Réponses libres à coder
results-chart = Graphique
results-codes = Codes
results-apply-codes = Enregistrer les codes
results-see-response = Voir la réponse entière
results-export-csv = CSV (codes)
results-export-csv-labels = CSV (libellés)
results-export-xlsx = XLSX
results-export-json = JSON
results-cross = Tableau croisé
results-cross-rows = En lignes
results-cross-cols = En colonnes
results-cross-show = Croiser
results-total = Total
results-answered = { $count ->
    [one] { $count } personne a répondu
   *[other] { $count } personnes ont répondu
}
results-value = Réponse
results-count = Nombre
results-filter = Filtrer
results-filtered-by = Réponses où « { $value } » a été choisi.
results-filter-clear = Tout afficher
results-min = Minimum
results-max = Maximum
results-mean = Moyenne
results-median = Médiane
results-mean-rank = rang moyen
results-read-texts = Lire et coder les réponses
results-other-texts = { $count ->
    [one] { $count } précision « Autre » à lire
   *[other] { $count } précisions « Autre » à lire
}
results-search = Rechercher dans les réponses
results-search-button = Rechercher
results-texts-count = { $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
}
notice-questionnaire-created = Questionnaire créé.
notice-questionnaire-saved = Modifications enregistrées.
notice-questionnaire-moved = Élément déplacé.
notice-questionnaire-removed = Élément supprimé.
notice-questionnaire-duplicated = Questionnaire dupliqué : voici la copie.
notice-questionnaire-status-changed = Statut du questionnaire modifié.
notice-answers-shown = Vos réponses sont enregistrées ; de nouvelles questions s'affichent selon celles-ci.
notice-questions-unlocked = Vos réponses sont enregistrées. Elles ouvrent de nouvelles questions sur cette page : répondez-y avant d’envoyer.
notice-link-sent = Le lien vous a été envoyé.
notice-answer-coded = Codes enregistrés.
notice-code-added = Code ajouté.
error-questionnaire-conditions-broken = Cette modification casserait une condition d'affichage (question citée placée après, ou disparue).
error-questionnaire-last-section = Un questionnaire garde au moins une partie.
error-questionnaire-still-referenced = Une condition cite cet élément : modifiez-la avant de le supprimer.
error-questionnaire-move-breaks-condition = Ce déplacement placerait une question avant une question que sa condition cite.
error-questionnaire-empty = Ajoutez au moins une question avant de publier.
error-questionnaire-not-open = Ce questionnaire n'est pas encore ouvert.
error-questionnaire-closed = Ce questionnaire est clos : il ne reçoit plus de réponses.
error-questionnaire-already-answered = Vous avez déjà répondu à ce questionnaire.
error-questionnaire-invitation-needed = Ce questionnaire est réservé aux personnes invitées : utilisez le lien reçu par e-mail.
error-questionnaire-closed-draft-kept = Le questionnaire est clos depuis votre dernière page : vos réponses enregistrées sont conservées, mais elles ne peuvent plus être envoyées.
error-answer-tampered = Ce formulaire ne correspond pas au questionnaire (une question ou un choix inconnu) : rien n'a été enregistré.
audit-questionnaire-created = Questionnaire créé
audit-questionnaire-changed = Questionnaire modifié
audit-questionnaire-status-changed = Statut d'un questionnaire modifié
audit-responses-read = Réponses consultées ou exportées
audit-response-deleted = Réponse supprimée
audit-response-reopened = Réponse rouverte pour son répondant
mail-questionnaire-resume-subject = Votre lien pour reprendre « { $title } »
mail-questionnaire-resume-body = Bonjour,

    Vos réponses au questionnaire « { $title } » sont enregistrées. Le lien ci-dessous vous ramène où vous en étiez.

    Ce lien est personnel : ne le transférez pas.
mail-questionnaire-resume-action = Reprendre le questionnaire
mail-questionnaire-invitation-subject = Invitation à répondre : { $title }
mail-questionnaire-invitation-body = Bonjour,

    Vous êtes invité·e à répondre au questionnaire « { $title } ». Ce lien vous est réservé.
mail-questionnaire-invitation-action = Répondre au questionnaire
mail-questionnaire-reminder-subject = Rappel : { $title }
mail-questionnaire-reminder-body = Bonjour,

    Vous n'avez pas encore répondu au questionnaire « { $title } ». Votre lien personnel est toujours valable.
mail-questionnaire-reminder-action = Répondre au questionnaire
questionnaire-import-title = Importer un XLSForm
questionnaire-import-intro = Un classeur XLSForm (.xlsx, .xlsm ou ancien .xls) avec ses feuilles survey, choices et settings devient un questionnaire en brouillon. Ce qui ne peut pas être repris est listé ligne par ligne ; un classeur en erreur ne crée rien.
questionnaire-import-file = Classeur XLSForm
questionnaire-import-file-hint = Fichier .xlsx, .xlsm ou .xls, tel qu'ODK, KoboToolbox ou pyxform le lisent.
questionnaire-import-file-missing = Choisissez un fichier .xlsx, .xlsm ou .xls.
questionnaire-import-language = Langue des colonnes sans langue (label, hint)
questionnaire-import-submit = Importer
questionnaire-import-report = Rapport d'import
questionnaire-import-done = { $count ->
    [one] { $count } question importée :
   *[other] { $count } questions importées :
}
questionnaire-import-failed = Le classeur contient des erreurs : rien n'a été créé.
questionnaire-import-errors = Erreurs
questionnaire-import-skipped = Non repris
questionnaire-import-sheet = Feuille
questionnaire-import-row = Ligne
questionnaire-import-column = Colonne
questionnaire-import-reason = Raison
questionnaire-export-xlsform = Exporter en XLSForm
questionnaires-import-link = Importer un XLSForm
questionnaire-invitations = Invitations
questionnaire-invitations-intro = Chaque personne invitée reçoit par e-mail un lien qui lui est propre. Les relances ne partent qu'aux personnes qui n'ont pas encore répondu, avec un nouveau lien. En mode anonyme, on sait qui a répondu, jamais ce qu'elle a répondu.
questionnaire-invitations-audience-hint = Le questionnaire n'est pas réservé aux personnes invitées : choisissez « une liste de personnes invitées » dans les réglages pour que seuls ces liens permettent de répondre.
questionnaire-invitations-answered = { $count ->
    [one] { $count } a répondu
   *[other] { $count } ont répondu
}
questionnaire-invitations-sent = Invitée le
questionnaire-invitations-reminded = Relancée le
questionnaire-invitations-status = Réponse
questionnaire-invitations-done = Reçue
questionnaire-invitations-waiting = En attente
questionnaire-invitations-remind = Relancer les personnes qui n'ont pas répondu
questionnaire-invitations-add = Inviter des personnes
questionnaire-invitations-emails = Adresses e-mail
questionnaire-invitations-emails-hint = Une adresse par ligne (ou séparées par des virgules). Les personnes déjà invitées ne reçoivent rien de plus.
questionnaire-invitations-send = Envoyer les invitations
questionnaire-invitation-email-invalid = Une des adresses n'est pas valide : corrigez-la, rien n'a été envoyé.
questionnaire-invitation-too-many = 500 adresses au plus par envoi.
notice-invitations-sent = Invitations envoyées.
notice-reminders-sent = Relances envoyées.
question-field-machine = Traductions automatiques à relire
question-field-machine-hint = Cochez les langues dont les textes de cette question viennent d'un outil de traduction automatique ; décochez une fois relus.
results-responses-with-partial = { $count ->
    [one] { $count } réponse, complète ou partielle
   *[other] { $count } réponses, complètes ou partielles
}
results-complete-only = Ne compter que les réponses complètes
results-include-partial = { $count ->
    [one] Inclure la réponse partielle ({ $count })
   *[other] Inclure les réponses partielles ({ $count })
}
results-export-csv-excel-fr = CSV pour Excel en français (points-virgules)
results-toc = Sommaire
results-earlier-versions = Questions des versions précédentes
results-others = { $count ->
    [one] { $count } autre valeur
   *[other] { $count } autres valeurs
}
results-show-all = { $count ->
    [one] Afficher la valeur
   *[other] Afficher les { $count } valeurs
}
results-row-percent = { $pct } % de la ligne
results-col-percent = { $pct } % de la colonne
results-percent-legend = Chaque case donne l’effectif, sa part de la ligne, puis sa part de la colonne ; les totaux donnent leur part de l’ensemble des réponses.
results-chi-square = Test d’indépendance (khi-deux de Pearson) :
results-degrees = { $count ->
    [one] { $count } degré de liberté
   *[other] { $count } degrés de liberté
}
results-chi-dependent = Les deux réponses sont probablement liées (p inférieur à 0,05).
results-chi-independent = Rien ne montre que les deux réponses soient liées (p de 0,05 ou plus).
results-chi-small = Prudence : certaines cases attendent moins de 5 réponses, le test est donc peu fiable ici. Lisez les effectifs plutôt que la valeur de p.
results-chi-none = Le test demande au moins deux lignes et deux colonnes ayant des réponses.
responses-show = Quelles réponses
responses-complete = { $count ->
    [one] Complète ({ $count })
   *[other] Complètes ({ $count })
}
responses-partial = { $count ->
    [one] Partielle ({ $count })
   *[other] Partielles ({ $count })
}
responses-all = Toutes
responses-partial-hint = Une réponse partielle est un brouillon enregistré sans être envoyé, encore ouvert ou conservé à la clôture. Elle ne compte dans les résultats et les exports que si vous l’incluez.
responses-none = Aucune réponse ici pour l’instant.
responses-status = Statut
responses-reached = Dernière page enregistrée
responses-last-saved = Dernier enregistrement
responses-status-complete = Complète
responses-status-partial = Partielle
responses-reopen-help = La personne retrouvera ses réponses en brouillon sur la page du questionnaire, et la réponse sort des résultats jusqu’à ce qu’elle l’envoie de nouveau.
responses-reopen = Rendre à la personne
responses-delete-title = Supprimer cette réponse
responses-delete-reason = Motif
responses-delete-reason-hint = Conservé dans le journal d’audit, par exemple « doublon » ou « réponse de test ». La suppression est définitive.
responses-delete = Supprimer la réponse
notice-response-deleted = La réponse a été supprimée.
notice-response-reopened = La réponse a été rendue à la personne, en brouillon.
error-response-reopen-identified-only = Seule une réponse envoyée par une personne connectée (mode identifié) peut lui être rendue.
error-response-not-submitted = Cette réponse n’est pas envoyée : il n’y a rien à rendre.
questionnaire-continue-answers = Reprendre mes réponses
questionnaire-edit-answers = Modifier mes réponses
condition-unknown-choice = Cette condition compare une question à une valeur qu’aucun de ses choix n’a : elle ne pourrait jamais être remplie. Utilisez le code de l’un de ses choix.
questionnaire-choice-still-cited = La condition d’une autre question cite un choix que cette modification retire : modifiez d’abord cette condition.
autosave-saved-at = Brouillon enregistré à { $time }.
autosave-closed = Le questionnaire est clos : cette page ne peut plus être enregistrée.
question-field-pattern = Motif que la réponse doit suivre (expression régulière)
question-field-pattern-hint = Facultatif, pour les textes courts ; par exemple [0-9]{"{"}5{"}"} pour un code postal. Dites ce qui est attendu dans « Message si la réponse sort des limites » ci-dessous : c’est ce que lira la personne si sa réponse ne suit pas le motif.
questionnaire-pattern-invalid = Ce motif n’est pas une expression régulière valide (ou il est trop grand).
answer-pattern = Cette réponse n’a pas la forme attendue.
questionnaire-tr-which = Quels textes manquent
questionnaire-conditions-involved = Les conditions qui lient cet élément aux autres (modifiez d’abord l’une d’elles) :
results-section-untitled = Partie { $n }
xlsform-the-workbook-has-no-survey-sheet = Le classeur n’a pas de feuille survey
xlsform-sheet-not-supported = Feuille non prise en charge
xlsform-required-column-missing = Colonne obligatoire absente
xlsform-row-without-a-type = Ligne sans type
xlsform-duplicate-name = Nom en double
xlsform-question-without-a-name = Question sans nom
xlsform-invalid-name = Nom invalide
xlsform-column-not-supported = Colonne non prise en charge
xlsform-language-not-supported = Langue non prise en charge
xlsform-setting-not-supported = Réglage non pris en charge
xlsform-choice-name-too-long = Nom de choix trop long
xlsform-choice-column-not-supported = Colonne de choix non prise en charge
xlsform-duplicate-choice-kept-once-choice-filters-are-not-supported = Choix en double (gardé une fois ; les filtres de choix ne sont pas pris en charge)
xlsform-duplicate-choice-name-in-its-list = Nom de choix en double dans sa liste
xlsform-duplicate-column-header = En-tête de colonne en double
xlsform-expression-not-expressible-as-a-passerelle-condition = Expression non traduisible en condition Passerelle
xlsform-nested-group-flattened-into-its-parent-section = Groupe imbriqué fondu dans sa partie parente
xlsform-range-steps-other-than-1-are-not-supported = Les pas de range autres que 1 ne sont pas pris en charge
xlsform-repeats-are-not-supported-the-questions-inside-are-imported = Les répétitions ne sont pas prises en charge : leurs questions sont importées une fois
xlsform-required-expressions-are-not-supported = Les expressions dans required ne sont pas prises en charge
xlsform-row-without-list-name-or-name = Ligne sans list_name ou sans name
xlsform-the-workbook-could-not-be-read-the-spreadsheet-reader-failed = Le classeur n’a pas pu être lu (le lecteur de tableur a échoué)
xlsform-question-type-not-supported = Type de question non pris en charge
xlsform-group-without-a-name = Groupe sans nom
xlsform-missing-calculation = Calcul manquant (type calculate sans colonne calculation)
xlsform-include-not-supported = Cette section n'a pas été incluse (include n'est pas pris en charge)
xlsform-two-headers-name-the-same-column = Deux en-têtes désignent la même colonne (renommez ou supprimez l'un d'eux)
xlsform-not-a-workbook = Ce fichier n'est pas un classeur .xlsx ou .xls
xlsform-unknown-choice-list = Liste de choix inconnue
xlsform-condition-dropped = Condition abandonnée
xlsform-constraint-dropped-not-expressible-as-bounds-or-a-pattern = Contrainte abandonnée (ni bornes ni motif)
xlsform-reference-to-a-question-not-imported-removed = Référence à une question non importée, retirée
results-percent = { $pct } %
results-multiple-cross = Une question à choix multiples compte chaque option cochée : cases et totaux comptent des choix, pas des personnes ; aucun test d’indépendance n’est donc fait.
results-filter-exports = Les exports contiennent toutes les réponses, pas seulement celles que le filtre retient.
results-show-top = N’afficher que les dix valeurs les plus données
results-unanswered-row = —
questionnaire-identified-note = Vos réponses sont liées à votre compte : les responsables du questionnaire verront qui a répondu.
questionnaire-sign-in-needed = Connectez-vous pour répondre à ce questionnaire.
autosave-saved-some = Brouillon enregistré à { $time }. Réponses à corriger, pas encore enregistrées : { $count }.
questionnaire-page-untitled = Partie { $n }
answer-between = Entre { $min } et { $max }.
answer-at-least = Au moins { $min }.
answer-at-most = Au plus { $max }.
question-label-unknown-reference = Ce texte cite, sous la forme ${"{"}nom{"}"}, un nom qui n’est pas celui d’une question placée avant celle-ci.
questionnaire-import-question = Question
mail-questionnaire-reopened-subject = Vos réponses à « { $title } » vous sont rendues
mail-questionnaire-reopened-body = Bonjour,

    L’équipe du questionnaire « { $title } » vous a rendu vos réponses : vous pouvez les modifier et les envoyer de nouveau. Tant que vous ne les avez pas envoyées, elles ne sont pas comptées.
mail-questionnaire-reopened-action = Voir mes réponses
