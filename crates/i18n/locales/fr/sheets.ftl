## Fiches pratiques : types, champs, choix
nav-sheets = Fiches pratiques
sheet-type-emerging_practice = Pratique émergente
sheet-type-reflective_theme = Fiche thématique sur la pratique réflexive
sheet-type-immersion_learning = Apprentissage d'immersion
sheet-field-title = Titre
sheet-field-summary = Résumé
sheet-field-summary-help = En 500 caractères au plus : ce que fait la pratique, pour qui, avec qui.
sheet-field-category = Catégorie
sheet-field-category-help = Pratique naissante : pas encore normée, institutionnalisée ni financée en tant que telle. Pratique renaissante : a été normée, institutionnalisée, puis a disparu et réapparaît. Pratique existante mais confidentielle : existe mais reste peu connue.
sheet-field-approach = Approche
sheet-field-themes = Thèmes
sheet-field-publics = Publics concernés
sheet-field-territory = Territoire
sheet-field-organisations = Organisations porteuses
sheet-field-organisations-help = Une organisation par ligne.
sheet-field-context = Contexte et origine
sheet-field-context-help = Comment la pratique est née, y compris son adaptation pendant la crise sanitaire.
sheet-field-description = Description de la pratique
sheet-field-persons_place = Place des personnes concernées
sheet-field-partnerships = Partenariats
sheet-field-resources = Moyens mobilisés
sheet-field-development_conditions = Conditions de développement
sheet-field-development_conditions-help = Une condition par ligne.
sheet-field-success_factors = Facteurs de réussite
sheet-field-success_factors-help = Un facteur par ligne.
sheet-field-levers = Leviers
sheet-field-levers-help = Un levier par ligne.
sheet-field-vigilance = Points de vigilance
sheet-field-vigilance-help = Un point par ligne.
sheet-field-pitfalls = Écueils à éviter
sheet-field-pitfalls-help = Un écueil par ligne.
sheet-field-process_indicators = Évaluation du processus
sheet-field-process_indicators-help = Indicateurs de mise en œuvre : ce qui est mesuré, d'où vient la mesure, sa valeur.
sheet-field-effect_indicators = Évaluation des effets et impacts
sheet-field-effect_indicators-help = Indicateurs d'effets pour les personnes, les professionnels, le territoire.
sheet-field-maturity = Maturité
sheet-field-contacts = Contacts
sheet-field-contacts-help = Ne nommez une personne qu'avec son accord : cochez la case de consentement pour chaque contact.
sheet-field-language = Langue
sheet-field-language-help = La langue dans laquelle la fiche est rédigée. Sa page et son PDF la déclarent, pour que les lecteurs d'écran la lisent correctement et que la coupure des mots la suive.
sheet-field-licence = Licence
sheet-field-licence-help = La licence sous laquelle la fiche peut être reprise. CC BY 4.0 par défaut.
sheet-field-definition = Définition et sens
sheet-field-benefits_persons = Bénéfices pour les personnes accompagnées
sheet-field-benefits_professionals = Bénéfices pour les professionnels
sheet-field-benefits_managers = Bénéfices pour les cadres
sheet-field-benefits_employers = Bénéfices pour les employeurs
sheet-field-competences_initial = Compétences à renforcer en formation initiale
sheet-field-competences_initial-help = Une compétence par ligne.
sheet-field-competences_continuing = Compétences à renforcer en formation continue
sheet-field-competences_continuing-help = Une compétence par ligne.
sheet-field-steps = Étapes pour un environnement favorable
sheet-field-steps-help = Une étape par ligne, dans l'ordre.
sheet-field-inspiring_examples = Exemples inspirants
sheet-field-inspiring_examples-help = En particulier les partenariats entre employeurs et établissements de recherche.
sheet-field-observed = Ce qui a été observé
sheet-field-transferred = Ce qui a été transféré
sheet-field-conditions = Conditions
sheet-column-description = Description
sheet-column-source = Source
sheet-column-value = Valeur
sheet-column-name = Nom
sheet-column-role = Fonction
sheet-column-email = Adresse électronique
sheet-opt-category-emerging = Pratique naissante
sheet-opt-category-re_emerging = Pratique renaissante
sheet-opt-category-little_known = Pratique existante mais confidentielle
sheet-opt-approach-individual = Individuelle
sheet-opt-approach-collective = Collective
sheet-opt-approach-both = Individuelle et collective
sheet-opt-themes-travailler_ensemble = Travailler ensemble
sheet-opt-themes-rencontre = Aller à la rencontre de l'autre
sheet-opt-themes-aller_vers = Aller vers
sheet-opt-themes-pouvoir_agir = Développement du pouvoir d'agir
sheet-opt-themes-pair_aidance = Pair-aidance
sheet-opt-themes-conferences_familiales = Conférences familiales
sheet-opt-themes-coordination = Coordination pluridisciplinaire
sheet-opt-themes-other = Autre
sheet-opt-publics-tous-publics = Tous publics
sheet-opt-publics-actifs = Actifs
sheet-opt-publics-beneficiaires-des-minimas-sociaux = Bénéficiaires des minimas sociaux
sheet-opt-publics-demandeurs-emploi = Demandeurs d'emploi
sheet-opt-publics-etudiants = Étudiants
sheet-opt-publics-familles = Familles
sheet-opt-publics-femmes = Femmes
sheet-opt-publics-jeunes = Jeunes
sheet-opt-publics-personnes-en-situation-de-handicap = Personnes en situation de handicap
sheet-opt-publics-personnes-en-situation-durgence = Personnes en situation d'urgence
sheet-opt-publics-personnes-en-situation-juridique-specifique = Personnes en situation juridique spécifique
sheet-opt-publics-personnes-exilees = Personnes exilées
sheet-opt-publics-residents-qpv-frr = Résidents en QPV ou FRR
sheet-opt-publics-seniors = Séniors
sheet-effects-not-evaluated = Effets pas encore évalués : la fiche ne donne pas encore d'indicateur d'effet pour les personnes, les professionnels ou le territoire.
sheet-maturity-def-idea = Idée : la pratique est pensée, pas encore menée.
sheet-maturity-def-trial = Expérimentation : menée depuis peu, à petite échelle, ses effets se cherchent.
sheet-maturity-def-consolidated = Consolidée : menée depuis au moins un an, stabilisée, avec un premier recul.
sheet-maturity-def-spreading = En essaimage : reprise par d'autres structures ou sur d'autres territoires.
sheet-opt-maturity-idea = Idée
sheet-opt-maturity-trial = Expérimentation
sheet-opt-maturity-consolidated = Consolidée
sheet-opt-maturity-spreading = En essaimage
sheet-opt-language-fr = Français
sheet-opt-language-en = Anglais
sheet-opt-licence-cc-by-4_0 = CC BY 4.0 (reprise libre avec attribution)
sheet-opt-licence-cc-by-sa-4_0 = CC BY-SA 4.0 (reprise avec attribution, à l'identique)
sheet-opt-licence-cc0-1_0 = CC0 1.0 (domaine public)
sheet-opt-licence-all-rights-reserved = Tous droits réservés
sheet-facet-type = Type de fiche
sheet-facet-category = Catégorie
sheet-facet-themes = Thème
sheet-facet-approach = Approche
sheet-facet-publics = Public
sheet-facet-territory = Territoire
sheet-facet-maturity = Maturité
sheet-facet-language = Langue
sheet-status-draft = Brouillon
sheet-status-submitted = Soumise à relecture
sheet-status-changes_requested = Modifications demandées
sheet-status-published = Publiée
sheet-status-archived = Archivée
sheet-from-questionnaire_response = Issue d'une réponse au questionnaire
sheet-from-immersion = Issue de l'immersion

## Catalogue
sheets-catalogue-title = Fiches pratiques
sheets-catalogue-intro = Pratiques émergentes, fiches thématiques et apprentissages d'immersion publiés par le réseau. Cherchez par mots ou filtrez par thème, public, territoire.
sheets-search-label = Rechercher dans les fiches
sheets-search = Rechercher
sheets-facets = Affiner
sheets-filter = Appliquer les filtres
sheets-filter-clear = Tout effacer
sheets-hits = { $count ->
    [one] { $count } fiche
   *[other] { $count } fiches
}
sheets-export-csv = Exporter la sélection (CSV)
sheets-export-xlsx = Exporter la sélection (XLSX)
sheets-none = Aucune fiche ne correspond. Essayez moins de mots ou retirez un filtre.
sheets-pages-label = Pages de résultats
sheets-previous = Page précédente
sheets-next = Page suivante
sheet-export-id = Identifiant
sheet-export-link = Adresse

## Écrire et relire
sheets-desk-title = Mes fiches
sheets-reviewers-link = Gérer les relecteurs
sheets-queue = À relire
sheets-mine = Fiches que j'écris
sheets-mine-none = Vous n'écrivez encore aucune fiche.
sheets-new = Nouvelle fiche
sheets-create = Créer la fiche
sheet-type = Type
sheet-status = Statut
sheet-updated = Modifiée le
sheet-revision = Révision
sheet-revision-n = Révision { $n }
sheet-published-revision = révision { $n } publiée
sheet-revision-author = Par
sheet-open-work = Ouvrir la version de travail
sheet-authors = Auteurs
sheet-published-on = Publiée le
sheet-provenance = Provenance
sheet-download = Télécharger
sheet-view = Voir la fiche
sheet-history = Historique
sheet-errors-title = La fiche ne peut pas avancer : à compléter
sheet-general-comments = Remarques des relecteurs
sheet-comments = Remarques des relecteurs
sheet-workflow = Relecture et publication
sheet-action-submit = Soumettre à relecture
sheet-action-review = Relire et commenter
sheet-action-publish = Publier
sheet-action-archive = Archiver
sheet-action-restore = Remettre en brouillon
sheet-action-request-changes = Demander des modifications
sheet-workflow-nothing = La fiche attend une action d'une autre personne.
sheet-markdown-hint = Les textes longs acceptent la mise en forme Markdown : **gras**, *italique*, listes commençant par « - ». Les champs marqués « requis pour soumettre » peuvent rester vides tant que la fiche est en brouillon.
sheet-required-to-submit = (requis pour soumettre)
sheet-contact-consent = La personne a donné son accord pour figurer sur la fiche
sheet-contact-consent-missing = Chaque contact doit avoir donné son accord : cochez la case ou retirez la ligne.
sheet-revision-note = Note de révision
sheet-revision-note-hint = Facultatif : ce qui a changé, pour l'historique.
sheet-save = Enregistrer une révision
sheet-add-author = Ajouter un co-auteur
sheet-add-author-hint = L'adresse électronique de son compte Passerelle.
sheet-add-author-button = Ajouter
sheet-author-unknown = Aucun compte n'a cette adresse.
sheet-author-already = Cette personne figure déjà parmi les auteurs.
sheet-comment-needed = Écrivez au moins une remarque pour demander des modifications.
sheet-immersion-default-title = Ce que j'ai appris en immersion
sheet-conflict-title = Quelqu'un a enregistré la fiche avant vous
sheet-conflict-intro = Une autre personne a enregistré une révision pendant que vous écriviez, et vous avez modifié certains des mêmes champs. Rien n'est perdu : ses modifications des autres champs sont reprises dans le formulaire ci-dessous, à côté des vôtres ; pour chaque champ que vous avez modifié tous les deux, choisissez sa version ou la vôtre, ou réécrivez-le.
sheet-conflict-differences = Champs modifiés des deux côtés
sheet-conflict-field = Champ
sheet-conflict-theirs = Leur version (enregistrée)
sheet-conflict-yours = Votre version
sheet-conflict-yours-form = La fiche, avec les modifications des deux côtés
sheet-conflict-how = Les champs que vous n'avez pas modifiés tous les deux sont déjà fusionnés. Les champs modifiés des deux côtés contiennent votre version : cochez « Garder leur version » ou modifiez-les ici, puis enregistrez.
sheet-conflict-save-mine = Enregistrer la version fusionnée
sheet-conflict-choice = Choix
sheet-conflict-take-theirs = Garder leur version
sheet-conflict-changed-by = modifié par { $who }
notice-sheet-merged = Enregistré. Une autre personne avait enregistré la fiche entre-temps, dans d'autres champs : ses modifications et les vôtres sont toutes dans cette révision (voir l'historique).
sheet-conflict-keep-theirs = Abandonner ma version
sheet-review-title = Relecture
sheet-review-intro = Laissez une remarque sous chaque champ à reprendre. Les auteurs les verront à côté des champs concernés.
sheet-field-empty = (vide)
sheet-comment-on = Remarque sur « { $field } »
sheet-comment-general = Remarque générale
sheet-compare-from = Comparer la révision
sheet-compare-to = avec la révision
sheet-compare = Comparer
sheet-compare-title = Différences entre les révisions
sheet-compare-same = Aucune différence entre ces révisions.
sheet-compare-before = Avant
sheet-compare-after = Après
sheet-compare-revisions = Comparer des révisions côte à côte
sheets-reviewers-title = Relecteurs des fiches
sheets-reviewers-intro = Les relecteurs demandent des modifications et publient les fiches. Les coordinateurs et les administrateurs relisent toujours.
sheets-reviewers-none = Aucun relecteur nommé.
sheets-reviewers-remove = Retirer { $name }
sheets-reviewers-add = Nommer un relecteur (adresse de son compte)
sheets-reviewers-add-button = Nommer
questionnaire-response-make-sheet = Créer une fiche pratique à partir de cette réponse
agreement-make-sheet = Écrire une fiche de ce que l'immersion a appris
agreement-make-sheet-title = Titre de la fiche

notice-sheet-created = Fiche créée. Complétez-la, enregistrez, puis soumettez-la à relecture.
notice-sheet-saved = Révision enregistrée.
notice-sheet-unchanged = Rien n'a changé : aucune révision créée.
notice-sheet-status-submitted = Fiche soumise à relecture.
notice-sheet-status-changes_requested = Modifications demandées aux auteurs.
notice-sheet-status-published = Fiche publiée : elle apparaît dans le catalogue.
notice-sheet-status-archived = Fiche archivée : elle n'apparaît plus dans le catalogue.
notice-sheet-status-draft = Fiche remise en brouillon.
notice-sheet-author-added = Co-auteur ajouté.
notice-sheet-reviewers-changed = Liste des relecteurs modifiée.
error-sheet-not-editable = Cette fiche ne peut pas être modifiée maintenant (en relecture ou archivée).
error-sheet-transition-impossible = Cette action n'est pas possible dans l'état actuel de la fiche.
error-sheet-changed-meanwhile = La fiche a changé entre-temps. Rechargez la page et recommencez.
error-pdf-failed = Le PDF n'a pas pu être produit. L'incident est enregistré ; les versions Markdown et JSON restent disponibles.
audit-sheet-created = Fiche pratique créée
audit-sheet-status-changed = Statut d'une fiche modifié
audit-sheet-author-added = Co-auteur ajouté à une fiche
audit-sheet-reviewers-changed = Relecteurs des fiches modifiés
mail-sheet-status-subject = { $status ->
    [published] Fiche publiée : { $title }
    [submitted] Fiche à relire : { $title }
   *[other] Modifications demandées : { $title }
}
mail-sheet-status-body = Bonjour,

    { $status ->
        [published] La fiche « { $title } » est publiée. Elle apparaît désormais dans le catalogue.
        [submitted] La fiche « { $title } » est soumise à relecture. Relisez-la et publiez-la, ou demandez des modifications champ par champ.
       *[other] Un relecteur demande des modifications sur la fiche « { $title } ». Ses remarques figurent à côté des champs concernés.
    }
mail-sheet-status-action = Ouvrir la fiche

## Synthèses
syntheses-title = Synthèses
syntheses-intro = Les documents de synthèse rassemblent des fiches publiées et en dégagent les lignes de force : thèmes, leviers, facteurs de réussite, points de vigilance, écueils et indicateurs, comptés et reliés à leurs fiches.
syntheses-none = Aucune synthèse publiée pour l'instant.
syntheses-new = Nouvelle synthèse
syntheses-new-hint = Partez d'une sélection du catalogue : filtrez les fiches, puis « Construire une synthèse de cette sélection ». Vous pourrez ensuite retirer des fiches à la main.
syntheses-create = Créer la synthèse
sheets-make-synthesis = Construire une synthèse de cette sélection
synthesis-kind = Document de synthèse
synthesis-field-title = Titre de la synthèse
synthesis-field-language = Langue de rédaction
synthesis-field-query = Sélection (filtre du catalogue)
synthesis-field-query-hint = Reprise de l'adresse du catalogue, par exemple themes=pair_aidance&category=emerging. Vide : toutes les fiches publiées.
synthesis-field-sheets = Fiches retenues
synthesis-field-sheets-hint = Décochez une fiche pour l'écarter : la synthèse retient alors la liste choisie à la main.
synthesis-too-many-sheets = Une synthèse rassemble au plus 500 fiches.
synthesis-sheet-count = { $count ->
    [one] { $count } fiche
   *[other] { $count } fiches
}
synthesis-toc = Sommaire
synthesis-introduction = Introduction
synthesis-threads = Lignes de force
synthesis-evaluation = Évaluation à deux entrées
synthesis-no-indicator = Aucun indicateur dans les fiches retenues.
synthesis-from-sheet = Fiche
synthesis-development-conditions = Conditions de développement
synthesis-recommendations = Recommandations
synthesis-sources = Fiches sources
synthesis-edit = Modifier la synthèse
synthesis-draft = brouillon
synthesis-published = publiée
synthesis-publish = Publier cette révision
synthesis-unpublish = Retirer de la publication
synthesis-conflict = { $who } a enregistré la synthèse pendant que vous écriviez, et vous avez modifié certains des mêmes champs. Ses modifications des autres champs sont déjà reprises ci-dessous, à côté des vôtres ; les champs modifiés des deux côtés contiennent votre version : cochez « Garder leur version » ou réécrivez-les, puis enregistrez.
notice-synthesis-merged = Enregistrée. Une autre personne avait enregistré la synthèse entre-temps, dans d'autres champs : ses modifications et les vôtres sont toutes dans cette révision.
notice-synthesis-saved = Révision de la synthèse enregistrée.
notice-synthesis-published = Synthèse publiée.
notice-synthesis-unpublished = Synthèse retirée de la publication.
audit-synthesis-changed = Synthèse créée, publiée ou retirée

sheet-files = Pièces jointes
sheet-files-none = Aucune pièce jointe.
sheet-files-add = Joindre des fichiers
sheet-files-hint = PDF, images, documents bureautiques ; 5 fichiers et 10 Mo au plus par envoi. Les pièces jointes sont publiques avec la fiche.
sheet-files-add-button = Joindre
sheet-file-remove = Retirer { $name }
notice-sheet-files-added = Fichiers joints.
notice-sheet-file-removed = Fichier retiré.
synthesis-proposed = { $count ->
    [one] { $count } fiche publiée correspond à cette sélection sans figurer dans la synthèse publiée. Le public la verra quand vous publierez de nouveau.
   *[other] { $count } fiches publiées correspondent à cette sélection sans figurer dans la synthèse publiée. Le public les verra quand vous publierez de nouveau.
}
synthesis-proposed-publish = Relire et publier de nouveau
synthesis-publish-proposed = { $count ->
    [one] Publier une nouvelle révision avec la nouvelle fiche
   *[other] Publier une nouvelle révision avec les { $count } nouvelles fiches
}
synthesis-published-revisions = Révisions publiées
sheet-save-then-hint = Soumettre et publier se trouvent sous le formulaire : ils enregistrent d’abord ce que vous avez saisi. Les autres boutons de cette page n’enregistrent pas votre saisie.
sheet-save-and-submit = Enregistrer et soumettre à relecture
sheet-save-and-publish = Enregistrer et publier
