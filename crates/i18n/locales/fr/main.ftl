## Mise en page
layout-skip-link = Aller au contenu
layout-nav-label = Navigation principale
layout-menu = Menu
layout-switch-language = English
layout-footer = Passerelle — échange de pratiques et savoirs partagés en travail social.
nav-home = Accueil
nav-organisations = Organisations
nav-admin = Administration
nav-account = Mon compte
nav-logout = Se déconnecter
nav-login = Se connecter
nav-register = Créer un compte

## Formulaires
form-required-mark = (obligatoire)
form-error-summary = Le formulaire contient des erreurs
form-save = Enregistrer
form-cancel = Annuler
form-choose = — Choisir —
filter-any = Tous
filter-apply = Filtrer
table-scroll = Tableau (défile horizontalement sur les écrans étroits)
table-actions = Actions
pager-label = Pagination
pager-previous = Page précédente
pager-next = Page suivante
yes = oui
no = non

## Champs
field-email = Adresse e-mail
field-password = Mot de passe
field-new-password = Nouveau mot de passe
field-password-hint = Au moins 10 caractères. Une phrase facile à retenir convient très bien.
field-display-name = Nom affiché
field-display-name-hint = Le nom que les autres personnes verront.
field-organisation-label = Organisation
field-organisation-label-hint = L'organisation pour laquelle vous travaillez.
field-languages = Langues parlées
field-time-zone = Fuseau horaire
field-time-zone-hint = Les dates et heures vous sont montrées dans ce fuseau, sur les pages comme dans les courriels.
field-time-zone-platform = Celui de la plateforme ({ $zone })
field-locale = Langue de l'interface
field-org-name = Nom de l'organisation
field-org-kind = Type
field-org-role = Rôle
field-country = Pays
field-city = Ville
field-website = Site web
field-website-hint = Adresse complète, commençant par https://
field-description = Description
field-org-description-hint = Missions, publics accompagnés, territoire.

## Erreurs de champ
field-required = Ce champ est obligatoire.
field-too-long = Ce texte est trop long.
field-email-invalid = Saisissez une adresse e-mail valide, par exemple nom@exemple.org.
field-email-taken = Un compte existe déjà avec cette adresse.
field-password-short = Le mot de passe doit compter au moins 10 caractères.
field-password-wrong = Ce mot de passe n'est pas le bon.
field-choice-invalid = Choisissez une des valeurs proposées.
field-url-invalid = Saisissez une adresse web complète commençant par https:// ou http://.
login-failed = Adresse e-mail ou mot de passe incorrect.
org-name-needs-letters = Le nom doit contenir au moins une lettre ou un chiffre.
org-name-taken = Une organisation porte déjà ce nom.
invite-already-member = Cette personne est déjà membre de l'organisation.
invite-already-pending = Une invitation est déjà en attente pour cette adresse.

## Accueil
home-title = Accueil
home-heading = Passerelle
home-lead = Une plateforme pour l'échange de pratiques et les savoirs partagés en travail social : immersions, recensements de pratiques émergentes, fiches, cartographie des acteurs, ateliers et groupes de travail.
home-my-organisations = Mes organisations
home-no-organisation = Vous n'êtes membre d'aucune organisation pour l'instant.
home-unconfirmed = Votre adresse e-mail n'est pas encore confirmée : ouvrez le lien reçu par e-mail.
home-what-heading = Ce que Passerelle permet
home-cap-immersions = Immersions
home-cap-immersions-text = Déclarations d'intérêt, candidatures, immersions croisées, conventions, journal de bord et capitalisation.
home-cap-questionnaires = Questionnaires
home-cap-questionnaires-text = Recenser les pratiques émergentes, avec ou sans compte, et analyser les réponses.
home-cap-sheets = Fiches pratiques
home-cap-sheets-text = Fiches de pratiques émergentes, fiches thématiques et synthèses, avec relecture.
home-cap-actors = Cartographie des acteurs
home-cap-actors-text = Travailleurs sociaux, intervenants sociaux et leurs collaborations.
home-cap-workshops = Ateliers et groupes de travail
home-cap-workshops-text = Synthèses d'ateliers comparées entre territoires et avancement public des groupes.
home-browse-organisations = Parcourir les organisations

## Inscription et connexion
register-title = Créer un compte
register-intro = Un compte vous permet de rejoindre une organisation et de participer aux programmes.
register-email-hint = Nous y enverrons un lien de confirmation.
register-submit = Créer mon compte
register-have-account = Vous avez déjà un compte ?
register-sent-title = Vérifiez votre messagerie
register-sent-text = Si l'adresse { $email } peut être utilisée, un e-mail vient d'y être envoyé avec un lien pour confirmer votre compte.
register-sent-spam = Rien reçu après quelques minutes ? Regardez dans les indésirables, ou demandez un nouveau lien.
register-resend = Renvoyer le lien de confirmation
confirm-invalid-title = Lien de confirmation inutilisable
confirm-invalid-text = Ce lien a déjà servi ou a expiré. Connectez-vous : si votre adresse n'est pas confirmée, vous pourrez demander un nouveau lien.
login-title = Se connecter
login-submit = Se connecter
login-forgot = Mot de passe oublié ?
login-no-account = Pas encore de compte ?
login-rate-limited = Trop de tentatives de connexion ont échoué. Pour protéger ce compte, la connexion est suspendue : si c'est votre compte, nous vous avons envoyé par e-mail un lien qui le débloque tout de suite ; sinon, réessayez dans { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } ou réinitialisez votre mot de passe.
login-unconfirmed = Votre adresse e-mail n'est pas encore confirmée. Ouvrez le lien reçu par e-mail, ou demandez-en un nouveau.
forgot-title = Mot de passe oublié
forgot-intro = Indiquez votre adresse e-mail : nous vous enverrons un lien pour choisir un nouveau mot de passe.
forgot-submit = Envoyer le lien
forgot-sent = Si un compte existe pour { $email }, un lien de réinitialisation vient d'y être envoyé. Il est valable une heure.
forgot-rate-limited = Trop de demandes de réinitialisation pour cette adresse ou depuis cette connexion. Cherchez le lien déjà envoyé dans votre messagerie (et les indésirables), ou réessayez dans { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
unlock-title = Débloquer votre compte
unlock-intro = La connexion à votre compte a été suspendue après plusieurs mots de passe erronés. Débloquez-le pour vous connecter dès maintenant.
unlock-submit = Débloquer mon compte
unlock-invalid-title = Lien de déblocage inutilisable
unlock-invalid-text = Ce lien a déjà servi ou a expiré. La connexion redeviendra possible à la fin de la suspension ; vous pouvez aussi réinitialiser votre mot de passe.
notice-unlocked = Votre compte est débloqué : vous pouvez vous connecter.
reset-title = Choisir un nouveau mot de passe
reset-submit = Enregistrer le mot de passe
reset-invalid-title = Lien de réinitialisation inutilisable
reset-invalid-text = Ce lien a déjà servi ou a expiré. Demandez-en un nouveau.
setup-title = Créer le premier compte administrateur
setup-intro = Ce lien à usage unique crée le compte qui administrera cette installation de Passerelle.
setup-submit = Créer le compte administrateur
setup-invalid-title = Lien d'installation inutilisable
setup-invalid-text = Ce lien a déjà servi, a expiré, ou un administrateur existe déjà.

## Profil
profile-title = Mon compte
profile-signed-in-as = Connecté·e avec l'adresse { $email }.
profile-save = Enregistrer le profil
profile-password-heading = Changer de mot de passe
profile-password-hint = Au moins 10 caractères. Vos autres sessions ouvertes seront fermées.
profile-password-submit = Changer le mot de passe
field-current-password = Mot de passe actuel
profile-delete-heading = Supprimer mon compte
profile-delete-link = Supprimer définitivement mon compte
delete-title = Supprimer mon compte
delete-intro = Votre compte, vos appartenances aux organisations et vos invitations seront supprimés. Cette action est définitive.
delete-password-hint = Saisissez votre mot de passe pour confirmer.
delete-submit = Supprimer définitivement

## Organisations
orgs-title = Organisations
orgs-intro = Hautes écoles, services sociaux, associations, ONG, organismes publics et réseaux présents sur Passerelle.
orgs-search = Rechercher par nom ou ville
orgs-search-label = Rechercher des organisations
orgs-none = Aucune organisation ne correspond à ces critères.
orgs-back = Toutes les organisations
org-create = Créer une organisation
org-new-title = Nouvelle organisation
org-edit-title = Modifier l'organisation
org-members = Membres
org-members-count = { $count ->
    [one] { $count } membre
   *[other] { $count } membres
}
org-my-role = Mon rôle
org-see-members = Voir les membres
org-invite-heading = Inviter une personne
org-invite-hint = Elle recevra un lien d'invitation valable 14 jours.
org-invite-submit = Envoyer l'invitation
org-pending-invitations = Invitations en attente
org-invitation-expires = Expire le
org-revoke-invitation = Annuler l'invitation
org-remove-member = Retirer
org-leave = Quitter l'organisation
org-back-to = Retour à { $name }
org-kind-university = Haute école / université
org-kind-social-service = Organisation de service social
org-kind-association = Association
org-kind-ngo = ONG
org-kind-public-body = Organisme public
org-kind-network = Réseau
org-role-admin = Administrateur·rice
org-role-member = Membre
invitation-title = Invitation
invitation-text = Vous êtes invité·e à rejoindre { $organisation } sur Passerelle.
invitation-accept = Accepter l'invitation
invitation-sign-in-first = Connectez-vous ou créez un compte avec l'adresse invitée, puis revenez sur ce lien.

## Rôles de plateforme
role-member = Membre
role-coordinator = Coordinateur·rice
role-administrator = Administrateur·rice

## Messages après une action
notice-registered = Compte créé.
notice-confirmed = Adresse e-mail confirmée. Vous pouvez vous connecter.
notice-password-reset = Mot de passe modifié. Connectez-vous avec le nouveau mot de passe.
notice-profile-saved = Profil enregistré.
notice-password-changed = Mot de passe changé. Vos autres sessions ont été fermées.
notice-logged-out = Vous êtes déconnecté·e.
notice-account-deleted = Votre compte a été supprimé.
notice-org-created = Organisation créée. Vous en êtes administrateur·rice.
notice-org-saved = Organisation enregistrée.
notice-invited = Invitation envoyée.
notice-invitation-revoked = Invitation annulée.
notice-member-updated = Rôle modifié.
notice-member-removed = Membre retiré.
notice-joined = Vous avez rejoint l'organisation.
notice-role-changed = Rôle modifié.
notice-admin-created = Compte administrateur créé. Connectez-vous.
notice-left = Vous avez quitté l'organisation.

## Pages d'erreur
error-back-home = Retour à l'accueil
error-status = Code
error-request-id = identifiant de requête
error-bad-request-title = Requête incorrecte
error-unauthenticated-title = Connexion nécessaire
error-forbidden-title = Accès refusé
error-not-found-title = Page introuvable
error-method-not-allowed-title = Action impossible
error-timeout-title = Délai dépassé
error-conflict-title = Action impossible
error-payload-too-large-title = Envoi trop volumineux
error-busy-title = Serveur occupé
error-rate-limited-title = Trop de tentatives
error-internal-title = Erreur du serveur
error-invalid = Certaines informations sont incorrectes.
error-bad-request = Le formulaire envoyé est illisible. Rechargez la page et recommencez.
error-unauthenticated = Connectez-vous pour continuer.
error-forbidden = Vous n'avez pas l'autorisation d'accéder à cette page ou de faire cette action.
error-not-found = Cette page n'existe pas ou plus.
error-method-not-allowed = Cette action n'est pas possible à cette adresse.
error-timeout = Le serveur a mis trop de temps à répondre. Réessayez.
error-conflict = Cette action n'est plus possible dans l'état actuel.
error-csrf = Le formulaire a expiré ou ne vient pas de Passerelle. Rechargez la page et recommencez.
error-payload-too-large = Les données envoyées dépassent la taille autorisée.
error-busy = Le serveur traite beaucoup de demandes de ce type. Réessayez dans quelques secondes.
error-rate-limited = Trop de tentatives. Patientez avant de réessayer.
error-internal = Une erreur s'est produite de notre côté. Elle a été enregistrée ; réessayez dans un instant.
error-token-invalid = Ce lien a déjà servi ou a expiré.
error-email-unconfirmed = Votre adresse e-mail n'est pas encore confirmée.
error-last-org-admin = Une organisation doit garder au moins un·e administrateur·rice : nommez-en un·e autre d'abord.
error-last-platform-admin = Passerelle doit garder au moins un·e administrateur·rice : nommez-en un·e autre d'abord.
error-invitation-unusable = Cette invitation a déjà été utilisée, a été annulée ou a expiré.
error-invitation-other-address = Cette invitation a été envoyée à une autre adresse. Connectez-vous avec l'adresse invitée.

## Administration
admin-title = Administration
admin-jobs-pending = Tâches en attente
admin-jobs-failed = Tâches en échec
admin-mail-delivery = Envoi des e-mails
admin-mail-smtp = par SMTP
admin-mail-outbox-only = aucun serveur SMTP : les messages restent dans la boîte d'envoi
admin-outbox = Boîte d'envoi
admin-outbox-intro = Tous les e-mails produits par Passerelle, envoyés ou non.
admin-outbox-to = Destinataire
admin-outbox-subject = Objet
admin-outbox-status = État
admin-outbox-empty = Aucun message.
admin-when = Date
admin-email-links = Liens du message
admin-email-text = Version texte
admin-email-html = Version HTML (source)
admin-audit = Journal d'audit
admin-audit-action = Action
admin-audit-who = Personne (e-mail)
admin-audit-actor = Auteur·rice
admin-audit-subject = Objet
admin-audit-ip = Adresse IP
admin-audit-details = Détails
admin-audit-from = Du
admin-audit-until = Au
admin-audit-empty = Aucune entrée ne correspond.
admin-users = Comptes
admin-users-search = Rechercher (e-mail ou nom)
admin-users-confirmed = Adresse confirmée
admin-users-role = Rôle de plateforme
mail-status-queued = en file d'attente
mail-status-sent = envoyé
mail-status-outbox = conservé (pas de SMTP)
mail-status-failed = échec

## Journal d'audit
audit-login = Connexion
audit-login-failed = Échec de connexion
audit-login-locked = Connexion suspendue après des échecs
audit-login-unlocked = Connexion débloquée par le titulaire
audit-logout = Déconnexion
audit-account-registered = Inscription
audit-account-confirmed = Adresse confirmée
audit-password-reset = Mot de passe réinitialisé
audit-profile-updated = Profil modifié
audit-password-changed = Mot de passe changé
audit-account-deleted = Compte supprimé
audit-role-changed = Rôle de plateforme modifié
audit-admin-created = Administrateur·rice créé·e
audit-org-created = Organisation créée
audit-org-updated = Organisation modifiée
audit-member-invited = Invitation envoyée
audit-invitation-revoked = Invitation annulée
audit-member-joined = Membre ajouté·e
audit-member-role-changed = Rôle de membre modifié
audit-member-removed = Membre retiré·e

## E-mails
mail-footer = Passerelle — vous recevez ce message à la suite d'une action sur la plateforme.
mail-link-separator = {" : "}
mail-link-hint = Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :
mail-confirm-subject = Confirmez votre adresse e-mail sur Passerelle
mail-confirm-body = Bonjour { $name },

    Merci de vous être inscrit·e sur Passerelle. Confirmez votre adresse e-mail pour activer votre compte. Le lien est valable 7 jours.
mail-confirm-action = Confirmer mon adresse
mail-reset-subject = Réinitialisation de votre mot de passe Passerelle
mail-reset-body = Bonjour { $name },

    Quelqu'un (vous, sans doute) a demandé à changer le mot de passe de votre compte. Le lien est valable une heure. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.
mail-reset-action = Choisir un nouveau mot de passe
mail-unlock-subject = La connexion à votre compte Passerelle est suspendue
mail-unlock-body = Bonjour { $name },

    Plusieurs mots de passe erronés ont été saisis pour votre compte : la connexion est donc suspendue pour l'instant. Si c'était vous, ou si vous voulez vous connecter maintenant, débloquez votre compte avec le lien ci-dessous (valable une heure). Si vous n'avez pas essayé de vous connecter, quelqu'un d'autre l'a fait : il n'a pas deviné votre mot de passe, mais vous pouvez en choisir un plus solide.
mail-unlock-action = Débloquer mon compte
mail-invitation-subject = { $inviter } vous invite à rejoindre { $organisation } sur Passerelle
mail-invitation-body = Bonjour,

    { $inviter } vous invite à rejoindre l'organisation { $organisation } sur Passerelle. L'invitation est valable 14 jours.
mail-invitation-action = Voir l'invitation
mail-already-registered-subject = Vous avez déjà un compte Passerelle
mail-already-registered-body = Bonjour,

    Quelqu'un a essayé de créer un compte Passerelle avec cette adresse, mais vous en avez déjà un. Si vous avez oublié votre mot de passe, vous pouvez le réinitialiser.
mail-already-registered-action = Réinitialiser mon mot de passe

## Langues de l'interface (chacune dans sa propre langue)
locale-name-fr = Français
locale-name-en = English

## Langues parlées
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
language-fr = français
language-en = anglais
language-de = allemand
language-it = italien
language-es = espagnol
language-pt = portugais
language-ar = arabe
language-nl = néerlandais
language-km = khmer
language-tl = tagalog
language-ln = lingala
language-sw = swahili
language-mos = mooré
language-wo = wolof

## Pays
country-BE = Belgique
country-BF = Burkina Faso
country-BJ = Bénin
country-CA = Canada
country-CD = République démocratique du Congo
country-CG = République du Congo
country-CH = Suisse
country-CI = Côte d'Ivoire
country-CM = Cameroun
country-DE = Allemagne
country-DZ = Algérie
country-ES = Espagne
country-FR = France
country-GB = Royaume-Uni
country-GN = Guinée
country-HT = Haïti
country-IT = Italie
country-KH = Cambodge
country-LB = Liban
country-LU = Luxembourg
country-MA = Maroc
country-MC = Monaco
country-MG = Madagascar
country-ML = Mali
country-NE = Niger
country-PH = Philippines
country-PT = Portugal
country-RW = Rwanda
country-SN = Sénégal
country-TD = Tchad
country-TG = Togo
country-TN = Tunisie
country-US = États-Unis
country-VN = Viêt Nam

## Programmes d'immersion
nav-offers = Immersions
nav-alumni = Ancien·nes
profile-immersions-heading = Immersions
nav-programmes = Programmes
nav-applications = Mes candidatures
programmes-title = Programmes d'immersion
programmes-intro = Les programmes organisent les immersions : personnel des hautes écoles dans les organisations de la pratique et inversement, ou pairs qui se rendent visite d'une structure à l'autre.
programmes-none = Aucun programme pour le moment.
programmes-back = Tous les programmes
programme-new-title = Nouveau programme
programme-edit-title = Modifier le programme
programme-create = Créer le programme
programme-coordinator = Coordination
programme-no-partners = Aucune organisation partenaire pour le moment.
programme-offers = Offres ouvertes
programme-stale-title = Offres sans aucune candidature après { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
programme-stale-none = Toutes les offres publiées depuis assez longtemps ont reçu au moins une candidature.
programme-kind-school-practice = Échange haute école ↔ pratique
programme-kind-peer-cross = Immersions croisées entre pairs
programme-kind-other = Autre
field-programme = Programme
field-programme-name = Nom du programme
field-programme-kind = Type de programme
field-programme-description-hint = À quoi sert le programme et qui peut y participer.
field-working-languages = Langues de travail
field-max-duration-days = Immersion la plus longue (jours)
field-max-duration-days-hint = Jusqu'à 731 jours (24 mois).
field-max-duration = Immersion la plus longue
field-min-time-share = Taux d'activité minimal (%)
field-max-time-share = Taux d'activité maximal (%)
field-time-share-hint = Pourcentage d'un temps plein, de 1 à 100.
field-programme-rules = Règles du programme
field-programme-rules-hint = Conditions que chaque offre et chaque convention doivent respecter (assurance, données, publication…).
field-partners = Organisations partenaires
catalogue-title = Offres d'immersion
catalogue-intro = Les déclarations d'intérêt publiées par les structures d'accueil et par les hautes écoles qui cherchent un accueil.
catalogue-search-label = Rechercher dans les offres
catalogue-search = Mots
catalogue-none = Aucune offre ne correspond.
catalogue-back = Toutes les offres
catalogue-count = { $count ->
    [one] { $count } offre
   *[other] { $count } offres
}
feed-subscribe = Flux Atom de cette liste
feed-catalogue-title = Passerelle — offres d'immersion
feed-search-title = Passerelle — offres correspondant à { $query }
feed-programme-title = Passerelle — offres du programme « { $programme } »
field-direction = Sens
direction-school-to-practice = Haute école → organisation de la pratique
direction-practice-to-school = Organisation de la pratique → haute école
direction-peer = Entre pairs
field-theme = Thème
field-themes = Thèmes
field-themes-hint = Séparés par des virgules, par ex. protection de l'enfance, aller vers.
field-language = Langue de travail
field-duration = Durée
duration-band-days = Jusqu'à 2 semaines
duration-band-weeks = De 2 semaines à 3 mois
duration-band-months = De 3 à 12 mois
duration-band-long = Plus d'un an
duration-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
duration-weeks = { $count ->
    [one] { $count } semaine
   *[other] { $count } semaines
}
duration-months = { $count ->
    [one] { $count } mois
   *[other] { $count } mois
}
duration-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
field-status = Statut
offer-status-draft = Brouillon
offer-status-published = Publiée
offer-status-filled = Pourvue
offer-status-closed = Fermée
offer-status-expired = Expirée
offer-action-published = Publier
offer-action-filled = Marquer comme pourvue
offer-action-closed = Fermer
offer-new-title = Publier une offre
offer-edit-title = Modifier l'offre
offer-save-draft = Enregistrer le brouillon
offer-rules-hint = Ce programme permet des immersions jusqu'à { $max }, à un taux de { $min_share } à { $max_share } % d'un temps plein.
offer-section-what = L'immersion
offer-section-when = Durée et période
offer-section-where = Lieu et langues
offer-section-conditions = Données et conditions d'emploi
offer-section-contact = Contact
offer-published-on = publiée le
offer-apply = Candidater
offer-see-my-application = Voir ma candidature
offer-manage = Gérer l'offre
offer-applications-count = { $count ->
    [one] { $count } candidature
   *[other] { $count } candidatures
}
offer-nudge = Prévenir les membres du programme
field-offer-organisation = Organisation qui publie
field-offer-title = Titre
field-offer-title-hint = Le sujet de l'immersion, en quelques mots.
field-offer-context = Contexte
field-offer-context-hint = L'organisation, son public, l'équipe que la personne rejoint.
field-host-offers = Ce que la structure d'accueil offre
field-host-expects = Ce que la structure d'accueil attend
field-offer-objectives = Objectifs recherchés
field-offer-objectives-hint = Ils sont définis conjointement avec la personne dans la convention.
field-offer-tasks = Tâches possibles
field-profile = Profil recherché
field-duration-days = Durée (jours)
field-duration-days-hint = De 1 jour à 24 mois (731 jours).
field-time-share = Taux d'activité (%)
field-offer-time-share-hint = Pourcentage d'un temps plein. Indiquez-le ou un rythme de jours.
field-day-pattern = Rythme
field-day-pattern-hint = Par ex. chaque mardi et jeudi ; 5 jours consécutifs.
field-period = Période
field-period-start = Début de la période
field-period-end = Fin de la période
field-date-hint = Format AAAA-MM-JJ.
field-apply-until = Candidatures jusqu'au
field-apply-until-hint = Après cette date, l'offre expire d'elle-même. Format AAAA-MM-JJ.
field-place = Lieu
field-data-sensitivity = Données auxquelles la personne aura accès
sensitivity-none = Aucune donnée personnelle
sensitivity-anonymised = Données anonymisées
sensitivity-personal = Données personnelles
sensitivity-sensitive = Données sensibles (santé, situation sociale, protection de l'enfance…)
field-data-why = Pourquoi cet accès est nécessaire
field-data-why-hint = Obligatoire pour des données personnelles ou sensibles ; la convention fixera les conditions d'accès.
field-employment-notes = Conditions d'emploi
field-employment-notes-hint = Employeur, salaire, assurances, temps de travail : ce que vous savez déjà.
field-funding-notes = Financement
field-contact-name = Personne de contact
field-contact-email = Courriel de contact
field-visibility = Qui voit l'offre
visibility-public = Tout le monde
visibility-members = Les membres des organisations partenaires du programme
mine-title = Offres de mes organisations
mine-none = Vos organisations n'ont pas encore d'offre. Les offres se publient depuis la page d'un programme.
apply-title = Candidater
apply-intro = Vous candidatez à « { $offer } ». La structure d'accueil et la coordination du programme liront votre candidature et pourront vous répondre dans sa discussion.
apply-submit = Envoyer ma candidature
field-home-organisation = Organisation d'origine
field-home-label = Organisation d'origine (si elle n'est pas dans la liste)
field-home-label-hint = L'organisation qui vous emploie.
field-role-title = Votre fonction
field-motivation = Motivation
field-motivation-hint = Pourquoi cette immersion, ce que vous espérez apprendre et apporter.
field-availability = Disponibilités
field-availability-hint = Périodes, jours de la semaine, contraintes.
applications-title = Candidatures
applications-mine = Mes candidatures
applications-mine-none = Vous n'avez pas encore candidaté.
applications-to-handle = Candidatures aux offres de mes organisations
applications-to-handle-none = Aucune candidature à traiter.
application-title = Candidature
application-applicant = Candidat·e
application-submitted-on = Envoyée le
application-reply-time = Première réponse après
application-no-reply-yet = pas encore de réponse
application-decide = Décision
application-thread = Messages
application-thread-empty = Aucun message pour le moment.
application-send = Envoyer
field-message = Votre message
field-decline-reason = Motif du refus
field-decline-reason-hint = Obligatoire ; la personne candidate le lira.
application-status-submitted = Envoyée
application-status-shortlisted = Présélectionnée
application-status-accepted = Acceptée
application-status-declined = Refusée
application-status-withdrawn = Retirée
application-action-shortlisted = Présélectionner
application-action-accepted = Accepter
application-action-declined = Refuser
application-action-withdrawn = Retirer ma candidature
searches-title = Recherches enregistrées
searches-intro = Passerelle vous écrit quand de nouvelles offres correspondent à une recherche enregistrée : tout de suite, ou dans un récapitulatif hebdomadaire.
searches-none = Aucune recherche enregistrée.
search-save-title = Être prévenu·e des nouvelles offres de cette recherche
search-save = Enregistrer cette recherche
search-delete = Supprimer
field-search-label = Nom de la recherche
field-search-label-hint = Pour la reconnaître dans les courriels.
field-frequency = Alertes
frequency-immediate = Dès qu'une offre est publiée
frequency-weekly = Récapitulatif hebdomadaire
form-actions = Actions
field-date-invalid = Saisissez une date au format AAAA-MM-JJ.
field-end-before-start = La fin précède le début.
field-number-invalid = Saisissez un nombre entier.
field-number-out-of-range = Ce nombre est en dehors des valeurs permises.
field-range-inverted = La valeur maximale est plus petite que la valeur minimale.
offer-theme-too-long = Un thème compte au plus 60 caractères.
offer-too-many-themes = 8 thèmes au plus.
offer-duration-over-programme = Plus long que ce que permet le programme.
offer-time-share-outside-programme = En dehors des taux d'activité permis par le programme.
offer-time-share-or-pattern = Indiquez un taux d'activité ou un rythme de jours.
offer-data-why-required = Expliquez pourquoi des données personnelles ou sensibles doivent être consultées.
offer-organisation-not-partner = Cette organisation n'est pas partenaire du programme.
offer-deadline-passed = La date limite de candidature est passée : reportez-la avant de publier.
application-home-required = Choisissez ou saisissez votre organisation d'origine.
application-reason-required = Indiquez le motif du refus.
error-offer-not-open = Cette offre ne reçoit plus de candidatures.
error-offer-transition-invalid = L'offre ne peut pas passer à ce statut depuis son statut actuel.
error-application-transition-invalid = La candidature ne peut pas passer à ce statut depuis son statut actuel.
error-application-already-pending = Vous avez déjà candidaté à cette offre.
error-saved-search-limit = Vous avez atteint le nombre de recherches enregistrées permis ; supprimez-en une d'abord.
error-stale-status = Quelqu'un a modifié ceci entre-temps. Rechargez la page et réessayez.
notice-programme-created = Le programme a été créé.
notice-programme-saved = Le programme a été enregistré.
notice-offer-created = L'offre a été enregistrée comme brouillon. Publiez-la quand elle est prête.
notice-offer-saved = L'offre a été enregistrée.
notice-offer-status-changed = Le statut de l'offre a changé.
notice-offer-nudged = Les membres du programme ont été prévenus de cette offre.
notice-applied = Votre candidature a été envoyée.
notice-message-sent = Votre message a été envoyé.
notice-application-updated = La candidature a été mise à jour.
notice-search-saved = La recherche a été enregistrée.
notice-search-deleted = La recherche a été supprimée.
audit-programme-created = Programme créé
audit-programme-updated = Programme modifié
audit-offer-created = Offre créée
audit-offer-updated = Offre modifiée
audit-offer-status-changed = Statut d'offre changé
audit-offer-nudged = Membres prévenus d'une offre
audit-application-submitted = Candidature envoyée
audit-application-status-changed = Statut de candidature changé
mail-application-received-subject = Nouvelle candidature : { $offer }
mail-application-received-body = Bonjour,

    { $applicant } a candidaté à votre offre « { $offer } ». Lisez la candidature et répondez dans sa discussion.
mail-application-received-action = Lire la candidature
mail-application-status-subject = Candidature : { $offer }
mail-application-status-body = Bonjour,

    La candidature à « { $offer } » est désormais { $status ->
        [shortlisted] présélectionnée
        [accepted] acceptée
        [declined] refusée
        [withdrawn] retirée
       *[other] { $status }
    }.

    { $reason }
mail-application-status-action = Voir la candidature
mail-thread-message-subject = Nouveau message à propos de « { $offer } »
mail-thread-message-body = Bonjour,

    { $author } a écrit dans la discussion de la candidature à « { $offer } ».
mail-thread-message-action = Lire le message
mail-offer-nudge-subject = Une immersion vous attend : { $offer }
mail-offer-nudge-body = Bonjour,

    { $organisation } propose une immersion dans le programme { $programme }, « { $offer } », et personne n'a encore candidaté. Peut-être vous, ou une ou un collègue ?
mail-offer-nudge-action = Voir l'offre
mail-search-alert-subject = Nouvelles offres pour « { $label } »
mail-search-alert-body = Bonjour,

    { $count ->
        [one] Une nouvelle offre correspond
       *[other] { $count } nouvelles offres correspondent
    } à votre recherche enregistrée « { $label } ».
mail-search-alert-action = Voir les offres

## Conventions
nav-agreements = Conventions
agreements-title = Conventions
agreements-intro = Les conventions d'immersion auxquelles vous êtes partie : comme participant·e, structure d'accueil, employeur ou coordination.
agreements-none = Aucune convention pour le moment. Une convention se rédige à partir d'une candidature acceptée.
agreement-title = Convention d'immersion
agreement-open = Ouvrir la convention
agreement-draft = Rédiger la convention
agreement-draft-hint = La candidature est acceptée : rédigez la convention, puis définissez ensemble objectifs et tâches.
agreement-version = Version
agreement-versions = Versions
agreement-parties = Parties
agreement-participant = Participant·e
agreement-host = Structure d'accueil
agreement-home = Organisation d'origine (employeur)
agreement-party = Partie
agreement-section-parties = Tutorat
agreement-section-role = Rôle de la personne en immersion
agreement-section-schedule = Calendrier et continuité
agreement-section-employment = Conditions d'emploi
agreement-section-data = Accès aux données
agreement-section-publication = Publication et propriété intellectuelle
agreement-not-set = pas encore renseigné
agreement-edit = Modifier les conditions
agreement-see-terms = Voir toutes les conditions, y compris emploi et accès aux données
agreement-terms-audited = Les conditions d'emploi et d'accès aux données sont confidentielles : chaque consultation est inscrite au journal d'audit.
agreement-terms-title = Conditions complètes de la convention
agreement-back = Retour à la convention
agreement-new-version-warning = Cette convention est à la signature : enregistrer une modification crée une nouvelle version que chaque signataire est invité à signer de nouveau (les signatures déjà données portent sur la version précédente).
agreement-employment-hint = Les deux employeurs confirment ces conditions en approuvant la convention.
agreement-data-hint = L'accès aux données prend fin de lui-même à sa date de fin (ou à la fin de l'immersion) et dès que l'immersion s'arrête de manière anticipée.
agreement-list-objective = Objectifs, définis conjointement
agreement-list-task = Tâches
agreement-objectives = Objectifs
agreement-tasks = Tâches
agreement-list-empty = Aucun pour le moment.
agreement-add-objective = Nouvel objectif
agreement-add-task = Nouvelle tâche
agreement-add = Ajouter
agreement-added-by = { $kind ->
    [task] ajoutée
    [output] ajoutée
   *[other] ajouté
} par { $name }
agreement-removed-by = retiré par { $name }
agreement-remove-item = Retirer
agreement-removed-items = { $count ->
    [one] { $count } élément retiré
   *[other] { $count } éléments retirés
}
agreement-approvals = Signatures
agreement-draft-explained = Tant que la convention est un brouillon, chaque partie peut la compléter et désigner qui signe pour chaque organisation. Quand elle est complète, envoyez-la à la signature : chaque signataire signe alors cette version précise.
agreement-submit = Envoyer à la signature
agreement-approved-by = Approuvée par
agreement-approved-on = Le
agreement-awaiting = pas encore signée
agreement-approve-as = Signer en tant que { $party }
agreement-confirm-employment-label = Au nom de { $org }, je confirme les conditions d'emploi de cette version (employeur, assurances, temps de travail, frais).
agreement-manage = Gérer la convention
agreement-access-ended = Accès aux données terminé le
agreement-compare = Comparer les versions
agreement-compare-left = De la version
agreement-compare-right = À la version
agreement-field = Condition
agreement-changed = modifiée
field-termination-reason = Motif de l'arrêt anticipé
field-termination-reason-hint = Obligatoire ; chaque partie le lira. L'accès aux données prend fin immédiatement.
agreement-status-draft = Brouillon
agreement-status-in-review = Prête à signer
agreement-status-approved = Signée
agreement-status-active = En cours
agreement-status-completed = Terminée
agreement-status-terminated = Arrêtée avant terme
agreement-status-cancelled = Annulée
agreement-action-active = Démarrer l'immersion
agreement-action-completed = Marquer comme terminée
agreement-action-cancelled = Annuler la convention
agreement-action-terminated = Arrêter avant terme
party-participant = participant·e
party-host = structure d'accueil
party-home = organisation d'origine
party-coordinator = coordination
term-tutor-name = Tuteur ou tutrice dans la structure d'accueil
term-tutor-email = Courriel du tuteur ou de la tutrice
term-role-does = Ce que fait la personne en immersion
term-role-does-not = Ce qu'elle ne fait pas
agreement-section-plan = Programme de l'immersion
agreement-plan-hint = À quoi sert l'immersion et comment elle se déroule, comme le précise une convention de mobilité Erasmus+ : chaque signataire le lit.
term-added-value = Valeur ajoutée pour la personne et les deux organisations
term-activities = Programme d'activités (par semaine ou par jour)
term-expected-outcomes = Résultats et effets attendus
term-working-language = Langue(s) de travail
term-start = Début
term-end = Fin
term-time-share = Taux d'activité (%)
term-recurring-days = Jours récurrents
term-continuity = Comment la continuité est assurée entre les jours sur place
term-employer-of-record = Employeur
term-pay-continuity = Maintien du salaire
term-insurance-accident = Assurance accidents
term-insurance-liability = Assurance responsabilité civile
term-working-time = Temps de travail
term-holidays = Vacances
term-expenses = Frais
term-travel-visa = Voyage et visa (immersions internationales)
term-data-categories = Catégories de données accessibles
term-data-systems = Systèmes et dossiers
term-data-supervision = Encadrement de l'accès
term-confidentiality = Engagement de confidentialité
term-access-start = Début de l'accès
term-access-end = Fin de l'accès
term-ip-terms = Publication et propriété intellectuelle des travaux de recherche
agreement-needs-objectives = Définissez ensemble au moins un objectif.
agreement-needs-tasks = Définissez au moins une tâche.
agreement-data-terms-required = Obligatoire : l'offre implique des données personnelles ou sensibles.
agreement-confirm-employment = Confirmez les conditions d'emploi pour signer au nom de votre organisation.
error-agreement-already-approved = Cette partie a déjà signé cette version.
error-agreement-closed = Cette convention est close et ne peut plus changer.
error-agreement-item-kind = Type d'élément inconnu.
error-agreement-needs-accepted-application = Une convention se rédige seulement à partir d'une candidature acceptée.
error-agreement-not-in-review = Cette convention n'attend pas de signatures.
error-agreement-transition-invalid = La convention ne peut pas passer à ce statut depuis son statut actuel.
error-agreement-version-outdated = Cette version a été remplacée par une plus récente : lisez la nouvelle version avant de signer.
agreement-reason-required = Indiquez le motif de l'arrêt anticipé.
notice-agreement-drafted = La convention a été rédigée à partir de la candidature et de l'offre.
notice-agreement-saved = La convention a été enregistrée.
notice-agreement-submitted = La convention est prête à signer : chaque signataire a reçu un courriel.
notice-agreement-approved = Votre signature a été enregistrée.
notice-agreement-status-changed = Le statut de la convention a changé.
audit-agreement-drafted = Convention rédigée
audit-agreement-changed = Convention modifiée
audit-agreement-submitted = Convention soumise
audit-agreement-approved = Convention approuvée par une partie
audit-agreement-status-changed = Statut de convention changé
audit-agreement-terms-read = Conditions confidentielles consultées
audit-agreement-access-ended = Accès aux données terminé

## Journal de bord et immersions croisées
logbook-title = Journal de bord
logbook-intro = Les notes datées de la personne en immersion. Chaque note est privée, partagée avec la structure d'accueil (tutorat) ou avec toutes les parties du programme.
logbook-write = Nouvelle note
logbook-save = Enregistrer la note
logbook-empty = Aucune note que vous puissiez lire pour le moment.
field-entry-date = Date
field-entry-kind = Type de note
field-entry-prompt = Question de réflexion (facultative)
field-entry-title = Titre
field-entry-body = Note
field-entry-tags = Mots-clés
field-entry-visibility = Qui la lit
logbook-kind-observation = Observation
logbook-kind-question = Question
logbook-kind-inspiration = Inspiration
logbook-kind-meeting = Réunion suivie
logbook-kind-family-workshop = Atelier avec les familles
logbook-kind-other = Autre
logbook-visibility-private = Moi seul·e
logbook-visibility-tutor = Moi et la structure d'accueil (tutorat)
logbook-visibility-programme = Toutes les parties du programme
logbook-shown-private = Privée (sa rédactrice ou son rédacteur seulement)
logbook-shown-tutor = Partagée entre la personne en immersion et la structure d’accueil (tutorat)
logbook-shown-programme = Partagée avec toutes les parties du programme
logbook-prompt-surprise = Qu'est-ce qui m'a surpris·e aujourd'hui, et pourquoi ?
logbook-prompt-transfer = Que pourrais-je rapporter dans ma propre organisation ?
logbook-prompt-family = Qu'ont dit ou fait les familles que je n'attendais pas ?
logbook-prompt-role = Où étaient les limites de mon rôle aujourd'hui ?
logbook-prompt-question-back = Quelle question aimerais-je poser à l'équipe demain ?
logbook-tags-invalid = 12 mots-clés au plus, de 60 caractères chacun.
error-logbook-not-open = Le journal de bord s'ouvre une fois la convention approuvée.
notice-logbook-written = La note a été enregistrée.
pair-title = Immersion croisée
pair-none = Cette immersion n'est pas associée à une immersion réciproque.
pair-linked = Cette immersion est associée à l'immersion réciproque.
pair-see-other = Voir l'autre convention
pair-link = Associer
field-pair-other = La convention qui va dans l'autre sens
field-pair-other-hint = Sa structure d'accueil est l'organisation d'origine de celle-ci, et inversement.
pair-unknown-agreement = Aucune convention n'a cet identifiant.
pair-not-reciprocal = Ces deux immersions ne sont pas réciproques : chaque structure d'accueil doit être l'organisation d'origine de l'autre.
pair-already-paired = L'une de ces conventions est déjà associée.
notice-agreement-paired = Les deux immersions sont désormais associées.

## Bilans finaux et suivis
report-title = Bilans finaux
report-intro = À la fin de l'immersion, la personne en immersion et la structure d'accueil rédigent chacune un bilan : atteinte de chaque objectif, apprentissages et apports, difficultés rencontrées et recommandations.
report-none = Aucun bilan pour le moment.
report-side-participant = Bilan de la personne en immersion
report-side-host = Bilan de la structure d'accueil
report-write-participant = Votre bilan de participant·e
report-write-host = Votre bilan de structure d'accueil
report-reached = Atteint
report-comment = Commentaire
report-reached-0 = —
report-reached-1 = Pas du tout
report-reached-2 = En partie
report-reached-3 = En grande partie
report-reached-4 = Entièrement
report-expectations-met = Attentes satisfaites
report-satisfaction = Satisfaction globale
report-satisfaction-0 = —
report-satisfaction-1 = 1 — très insatisfait·e
report-satisfaction-2 = 2 — insatisfait·e
report-satisfaction-3 = 3 — mitigé·e
report-satisfaction-4 = 4 — satisfait·e
report-satisfaction-5 = 5 — très satisfait·e
report-learned = Ce qui a été appris
report-host-gained = Ce que la structure d'accueil y a gagné
report-practice-changes = Ce qui change dans la pratique
report-difficulty-roles = Difficultés : rôles
report-difficulty-data = Difficultés : accès aux données
report-difficulty-employment = Difficultés : conditions d'emploi
report-difficulty-other = Autres difficultés
report-recommendations = Recommandations
report-submit = Envoyer le bilan
error-report-not-open = Les bilans s'ouvrent une fois l'immersion terminée.
error-report-already-submitted = Le bilan de votre côté a déjà été envoyé.
notice-report-submitted = Votre bilan a été envoyé. Merci.
audit-report-submitted = Bilan final envoyé
follow-up-title = Qu'en reste-t-il ?
follow-up-intro = Il y a { $months } mois, l'immersion « { $offer } » prenait fin. Qu'en reste-t-il ?
follow-up-answered-on = Réponse donnée le
follow-up-submit = Envoyer ma réponse
field-lasting = Ce qui est resté (savoirs, pratiques, contacts, projets)
field-lasting-hint = Quelques lignes suffisent.
field-still-in-contact = Êtes-vous toujours en contact avec l'autre organisation ?
field-follow-up-changes = Ce qui a changé dans votre pratique depuis
error-follow-up-answered = Ce suivi a déjà reçu une réponse.
notice-follow-up-answered = Merci : votre réponse a été enregistrée.
mail-report-reminder-subject = Bilan final attendu : { $offer }
mail-report-reminder-body = Bonjour,

    L'immersion « { $offer } » est terminée. Votre bilan final est toujours attendu : il prend environ un quart d'heure et aide les immersions suivantes.
mail-report-reminder-action = Rédiger le bilan
mail-follow-up-subject = { $months } mois après : que reste-t-il de « { $offer } » ?
mail-follow-up-body = Bonjour,

    Il y a { $months } mois, l'immersion « { $offer } » prenait fin. Dites-nous en quelques lignes ce qui en est resté : savoirs, pratiques, contacts, projets.
mail-follow-up-action = Répondre

## Tableau de bord du programme
dashboard-title = Tableau de bord
dashboard-indicators = Chiffres clés
dashboard-indicator = Indicateur
dashboard-value = Valeur
dashboard-category = Catégorie
dashboard-count = Nombre
dashboard-none = pas encore de données
dashboard-immersions = Immersions (conventions signées)
dashboard-median-duration = Durée médiane
dashboard-offers-without-applicants = Offres sans aucune candidature
dashboard-median-reply = Délai médian de première réponse
dashboard-satisfaction-mean = Satisfaction moyenne (bilans finaux)
dashboard-reports = Bilans finaux reçus
dashboard-follow-ups = Suivis ayant reçu une réponse
dashboard-by-status = Immersions par statut
dashboard-by-year = Immersions par année
dashboard-by-country = Immersions par pays d'accueil
dashboard-by-direction = Immersions par sens
dashboard-satisfaction = Satisfaction dans les bilans finaux
calendar-download = Ajouter le calendrier à mon agenda (.ics)
calendar-summary = Immersion : { $offer }
calendar-description = Immersion chez { $host }. Tutorat : { $tutor }. Jours : { $days }. Convention : { $link }
error-calendar-not-ready = Le calendrier se télécharge une fois la convention approuvée et ses dates fixées.

## Bilan intermédiaire et notes de coaching
review-title = Bilan intermédiaire
review-intro = À mi-parcours, la personne en immersion et la structure d'accueil font le point ensemble : progrès vers les objectifs, ajustements, prochaines étapes. L'une ou l'autre le rédige ; les deux le confirment.
review-none = Pas encore de bilan intermédiaire.
review-write = Rédiger le bilan intermédiaire
review-written-by = Rédigé par
review-confirmed-by = confirmé par
review-confirm = Confirmer ce bilan
field-held-on = Tenu le
field-progress = Progrès vers les objectifs
field-progress-hint = Objectif par objectif, ce qui a avancé et ce qui n'a pas avancé.
field-adjustments = Ajustements convenus
field-next-steps = Prochaines étapes
error-review-not-open = Le bilan intermédiaire se rédige pendant l'immersion.
error-review-nothing-to-confirm = Vous n'avez rien à confirmer.
notice-review-saved = Le bilan intermédiaire a été enregistré ; les deux parties sont invitées à le confirmer.
notice-review-confirmed = Votre confirmation a été enregistrée.
coaching-title = Notes de coaching
coaching-intro = Visibles uniquement par la coordination du programme et les administrateurs.
coaching-none = Aucune note pour le moment.
field-coaching-note = Nouvelle note
notice-note-saved = La note a été enregistrée.
agreement-pdf = Télécharger la convention (PDF)

## Fichiers joints
field-files = Fichiers joints
files-hint = Jusqu'à 5 fichiers, { $megabytes } Mo en tout : PDF, images (PNG, JPEG), documents bureautiques (ODT, ODS, ODP, DOCX, XLSX, PPTX), texte (TXT, MD, CSV).
files-choose-again = Le formulaire n'a pas été enregistré : choisissez de nouveau vos fichiers, le navigateur ne les garde pas.
files-attached = Fichiers joints
file-size-kb = { $kb } Ko
attachment-too-many = 5 fichiers au plus par envoi.
attachment-too-large = Les fichiers dépassent ensemble la taille autorisée.
attachment-type = Ce type de fichier n'est pas accepté. Formats acceptés : PDF, PNG, JPEG, ODT, ODS, ODP, DOCX, XLSX, PPTX, TXT, MD, CSV.
attachment-empty = Un des fichiers est vide.
attachment-content-mismatch = Le contenu d'un fichier ne correspond pas à son extension (par exemple une image renommée en .pdf).

## Capitalisation : ce que l'immersion laisse
capitalisation-title = Capitalisation
capitalisation-intro = Ce que l'immersion laisse derrière elle : les productions à partager, les contacts à garder, les actions de suivi. Tout reste accessible après la fin de l'immersion.
capitalisation-not-open = La capitalisation s'ouvre une fois la convention approuvée par toutes les parties.
capitalisation-outputs = Productions
capitalisation-outputs-empty = Aucune production pour l'instant.
capitalisation-remove = Retirer
capitalisation-add-output = Ajouter une production
capitalisation-add-output-submit = Ajouter la production
capitalisation-contacts = Contacts à garder
capitalisation-contacts-private = Visibles des seules parties de la convention. Un contact n'est gardé qu'avec l'accord de la personne ; toute partie peut le retirer à sa demande.
capitalisation-contacts-empty = Aucun contact gardé.
capitalisation-contacts-parties-only = Les contacts ne sont visibles que des parties de la convention.
capitalisation-consent-given = Accord recueilli par { $name } le
capitalisation-forget-contact = Retirer ce contact
capitalisation-add-contact = Garder un contact
capitalisation-add-contact-submit = Garder le contact
capitalisation-actions = Actions de suivi
capitalisation-actions-empty = Aucune action de suivi.
capitalisation-action = Action
capitalisation-owner = Responsable
capitalisation-due = Échéance
capitalisation-state = État
capitalisation-open = À faire
capitalisation-overdue = En retard
capitalisation-done-by = Faite par { $name } le
capitalisation-mark-done = Marquer comme faite
capitalisation-add-action = Ajouter une action de suivi
capitalisation-add-action-submit = Ajouter l'action
capitalisation-alumni-invite = Après l'immersion, rejoignez l'annuaire des ancien·nes pour répondre aux questions des prochain·es.
field-output-kind = Type de production
field-output-title = Titre
field-output-description = Description
field-output-url = Lien
field-output-url-hint = Facultatif : adresse web (https://…) où la production est publiée.
field-output-visibility = Visibilité
output-kind-document = Document
output-kind-tool = Outil
output-kind-publication = Publication
output-kind-training = Formation
output-kind-other = Autre
output-visibility-parties = Parties de la convention
output-visibility-public = Public, sur la page du programme
field-contact-role = Fonction
field-contact-organisation = Organisation
field-contact-phone = Téléphone
field-contact-met-how = Pourquoi garder ce contact
field-contact-consent = La personne a accepté que ses coordonnées soient gardées ici.
field-contact-consent-note = Comment l'accord a été donné
field-contact-consent-note-hint = Par exemple : « accord oral le 12 juin, lors de l'atelier ».
contact-consent-required = Cochez cette case : un contact n'est gardé qu'avec l'accord de la personne.
field-action-description = Action
field-action-owner = Responsable
field-action-owner-hint = La personne ou l'organisation qui la porte.
field-action-due = Échéance
error-capitalisation-not-open = La capitalisation s'ouvre une fois la convention approuvée.
error-action-already-done = Cette action est déjà marquée comme faite.
notice-output-added = La production a été ajoutée.
notice-output-removed = La production a été retirée.
notice-contact-added = Le contact a été gardé.
notice-contact-removed = Le contact a été retiré.
notice-action-added = L'action de suivi a été ajoutée.
notice-action-done = L'action est marquée comme faite.
programme-outputs = Ce que les immersions ont produit
programme-outputs-none = Aucune production publiée pour l'instant.
programme-output-download = Télécharger
mail-action-due-subject = Action de suivi à échéance : { $offer }
mail-action-due-body = Bonjour,

    L'action de suivi « { $action } » de l'immersion « { $offer } » arrive à échéance le { $due } (responsable : { $owner }). Si elle est faite, marquez-la comme telle ; sinon, dites où elle en est.
mail-action-due-action = Voir les actions de suivi

## Annuaire des ancien·nes
alumni-title = Annuaire des ancien·nes
alumni-intro = Des personnes qui ont vécu une immersion et acceptent de répondre aux questions de celles et ceux qui s'y préparent. Leur adresse n'est pas affichée : votre question leur est transmise par e-mail avec la vôtre.
alumni-you-may-join = Vous avez vécu une immersion : vous pouvez rejoindre l'annuaire.
alumni-search-label = Chercher dans l'annuaire
alumni-search = Mots (nom, thème, organisation, pays)
alumni-count = { $count ->
    [0] Aucune personne ne correspond.
    [one] Une personne.
   *[other] { $count } personnes.
}
alumni-immersions = Immersions
alumni-ask = Poser une question
alumni-ask-explained = Votre nom et votre adresse e-mail lui sont transmis avec la question ; la réponse vous parviendra directement.
alumni-ask-submit = Envoyer la question
field-question = Votre question
field-question-hint = Au moins 20 caractères. Présentez-vous et dites ce que vous préparez.
alumni-question-short = Écrivez au moins 20 caractères : présentez-vous et précisez votre question.
alumni-ask-limit = Vous avez envoyé 5 questions aujourd'hui, le maximum. Réessayez demain.
error-alumni-ask-limit = Vous avez envoyé 5 questions aujourd'hui, le maximum. Réessayez demain.
error-alumni-ask-self = Vous ne pouvez pas vous poser une question à vous-même.
error-alumni-not-eligible = L'annuaire est ouvert aux personnes dont l'immersion est terminée.
alumni-mine-title = Mon inscription à l'annuaire des ancien·nes
alumni-mine-intro = Inscrit·e, vous apparaissez avec votre nom, votre organisation, vos immersions passées et ce que vous écrivez ici. Vous pouvez vous retirer à tout moment.
alumni-not-eligible = L'annuaire est ouvert aux personnes dont une immersion est terminée. Vous pourrez vous inscrire après la vôtre.
alumni-you-are-listed = Vous figurez dans l'annuaire.
field-alumni-bio = Ce que vous pouvez partager
field-alumni-bio-hint = Quelques lignes : ce que l'immersion vous a appris, sur quoi on peut vous interroger.
field-alumni-topics = Thèmes
alumni-consent = En vous inscrivant, vous acceptez d'être contacté·e par e-mail, via Passerelle, par les membres connectés. Vous recevrez aussi les nouvelles offres proches de vos thèmes.
alumni-join = Rejoindre l'annuaire
alumni-save = Enregistrer
alumni-leave = Me retirer de l'annuaire
notice-question-sent = Votre question a été envoyée.
notice-alumni-joined = Votre inscription à l'annuaire est enregistrée.
notice-alumni-left = Vous ne figurez plus dans l'annuaire.
mail-alumni-question-subject = Une question sur votre immersion, de { $asker }
mail-alumni-question-body = Bonjour,

    { $asker } prépare une immersion et vous a trouvé·e dans l'annuaire des ancien·nes de Passerelle. Sa question :

    « { $question } »

    Pour répondre, écrivez-lui directement : { $email }
mail-alumni-question-action = Gérer mon inscription à l'annuaire

## Signataires, liens de signature, avenants et notifications
org-signatories = Qui peut signer les conventions
org-signatories-hint = Les personnes habilitées à signer les conventions d'immersion pour cette organisation (direction, décanat, service des ressources humaines). Chaque convention désigne l'une d'elles ; elle seule signe pour l'organisation, depuis un compte à cette adresse ou par un lien à usage unique reçu par courriel.
org-signatories-none = Personne n'est encore inscrit : une personne qui administre l'organisation doit ajouter qui peut signer avant qu'une convention puisse être envoyée à la signature.
org-signatory-add = Ajouter ce ou cette signataire
org-signatory-remove = Retirer
field-signatory-name = Nom
field-signatory-function = Fonction
field-signatory-function-hint = Telle qu'elle figure sur la convention, par exemple doyenne, directeur, responsable des ressources humaines.
field-signatory-email = Adresse e-mail
field-signatory-email-hint = Le lien de signature est envoyé à cette adresse.
field-signatory-listed = Signataire
signatory-email-taken = Cette adresse figure déjà dans la liste.
notice-signatory-added = Le ou la signataire a été ajouté·e.
notice-signatory-removed = Le ou la signataire a été retiré·e.
notice-signatory-named = Le ou la signataire a été désigné·e ; si la convention est à la signature, un lien de signature lui a été envoyé.
agreement-signs = Signataire
agreement-signature-of = Signature de la version { $version }
agreement-signed-on = signée le { $date }
signature-method-account = depuis son compte
signature-method-link = par le lien reçu par courriel
agreement-name-signatory = Désigner qui signe : { $party }
agreement-name-signatory-submit = Désigner ce ou cette signataire
agreement-signatory-none-listed = L'organisation n'a encore inscrit personne d'habilité à signer : demandez à l'une des personnes qui l'administrent d'ajouter un ou une signataire sur sa page des membres.
agreement-signatory-off-platform = L'organisation d'origine n'est pas sur Passerelle : désignez la personne habilitée à signer pour elle. Elle reçoit un lien de signature à usage unique par courriel, sans avoir besoin de compte.
agreement-signatory-not-named = pas encore désigné·e
agreement-signatory-choose = Choisissez qui signe parmi les personnes inscrites par l'organisation.
agreement-signatory-not-participant = La personne en immersion ne peut pas signer pour une organisation : désignez une autre personne.
agreement-signatory-missing = Désignez qui signe pour cette organisation avant d'envoyer la convention à la signature.
error-agreement-signatory-fixed = La personne en immersion et le programme signent pour eux-mêmes ; seul le ou la signataire d'une organisation se désigne.
error-agreement-signatory-signed = Cette partie a déjà signé cette version ; son ou sa signataire ne peut plus changer.
agreement-status-partially-signed = Partiellement signée
agreement-asking-at = Cette version a été enregistrée pendant la collecte des signatures : les liens vers les versions précédentes ne fonctionnent plus, et les signataires recevront la nouvelle version à signer le { $when }, si personne ne la modifie d'ici là (chaque modification relance l'attente, pour qu'ils reçoivent une seule demande et non une par modification).
agreement-amendment-pending = Avenant en attente de signatures : version { $version }
agreement-amendment-explained = L'immersion se poursuit selon la version { $version }, celle que toutes les parties ont signée. L'avenant s'applique dès que chaque signataire l'a signé.
agreement-amendment-see-changes = Voir ce que l'avenant modifie
agreement-amendment-warning = Cette convention est signée : enregistrer une modification propose un avenant. L'immersion se poursuit selon la version { $version } pendant que chaque signataire signe l'avenant ; le journal de bord reste ouvert.
agreement-notices = { $count ->
    [one] { $count } notification envoyée aux parties
   *[other] { $count } notifications envoyées aux parties
}
agreement-notice-when = Envoyée le
agreement-notice-what = Notification
agreement-notice-to = À
notice-kind-drafted = Convention rédigée
notice-kind-ready-to-sign = Prête à signer
notice-kind-signature-request = Lien de signature envoyé
notice-kind-signature-reminder = Relance de signature
notice-kind-signed = Une partie a signé
notice-kind-fully-signed = Signée par toutes les parties
notice-kind-amendment-proposed = Avenant proposé
notice-kind-amendment-signed = Avenant signé
notice-kind-started = Immersion commencée
notice-kind-completed = Immersion terminée
notice-kind-ended-early = Immersion arrêtée avant terme
notice-kind-cancelled = Convention annulée
notice-kind-access-ending = Fin prochaine de l'accès aux données
notice-kind-access-ended = Accès aux données terminé
sign-title = Signer la convention d'immersion
sign-intro-name = Vous êtes invité·e, en tant que { $name },
sign-intro-party = à signer cette convention au nom de { $org } ({ $party }). Lisez-la, puis signez en bas de la page.
sign-offer = Immersion
sign-link-expires = Ce lien fonctionne jusqu'au
sign-amendment-changes = Ce que cet avenant modifie
sign-in-force = En vigueur
sign-proposed = Proposé
sign-heading = Signature
sign-record-hint = Votre signature enregistre votre nom, votre fonction, cette version, la date, votre adresse IP et votre navigateur. Le lien ne signe qu'une fois ; il vous donne ensuite votre copie de la convention pendant 90 jours.
sign-submit = Signer en tant que { $name }
sign-again-title = Vous avez déjà signé
sign-copy = Télécharger la convention (PDF)
sign-copy-hint = { $days ->
    [one] Ce lien vous donne la convention, avec les signatures recueillies jusqu'ici, pendant { $days } jour après votre signature : gardez ce courriel pour télécharger la version signée par toutes les parties.
   *[other] Ce lien vous donne la convention, avec les signatures recueillies jusqu'ici, pendant { $days } jours après votre signature : gardez ce courriel pour télécharger la version signée par toutes les parties.
}
error-signing-copy-expired = Ce lien a servi à signer il y a plus de 90 jours : il ne donne plus la convention. Demandez-en une copie à la structure d'accueil ou à la coordination du programme.
sign-done-title = Convention signée
sign-done = Votre signature a été enregistrée. Toutes les parties en ont été informées.
sign-done-next = Vous pouvez fermer cette page. Vous recevrez un courriel quand toutes les parties auront signé.
error-gone-title = Lien plus valable
error-signing-link-used = Ce lien de signature a déjà servi : la signature qu'il portait est enregistrée. Un lien ne signe qu'une fois.
error-signing-link-expired = Ce lien de signature a expiré. Demandez-en un nouveau à la structure d'accueil ou à la coordination du programme ; la prochaine relance en contient aussi un nouveau.
error-signing-link-replaced = Ce lien a été remplacé : par un lien plus récent (relance), par une nouvelle version de la convention, ou parce qu'une autre personne signe désormais. Si vous devez toujours signer, le lien le plus récent vous a été envoyé par courriel.
audit-agreement-signatory-named = Signataire de convention désigné·e
audit-org-signatories-changed = Signataires de l'organisation modifiés
mail-signature-request-subject = { $amendment ->
    [true] Avenant à signer : { $offer }
   *[other] Convention à signer : { $offer }
}
mail-signature-request-body = Bonjour { $name },

    Vous êtes désigné·e pour signer, au nom de { $org } ({ $party ->
        [host] structure d'accueil
        [home] organisation d'origine, employeur de la personne en immersion
       *[other] { $party }
    }), la convention de l'immersion « { $offer } » de { $participant } (version { $version }{ $amendment ->
        [true] , avenant à la convention signée : la page montre ce qu'il modifie
       *[other] {""}
    }).

    Le lien ci-dessous ouvre la convention ; lisez-la et signez en bas de la page. Aucun compte n'est nécessaire. Vous pouvez l'ouvrir autant de fois que nécessaire jusqu'au { $until } ; il ne permet de signer qu'une fois.
mail-signature-request-action = Lire et signer la convention
mail-signature-reminder-subject = Relance : convention en attente de votre signature, { $offer }
mail-signature-reminder-body = Bonjour { $name },

    La convention d'immersion « { $offer } » (version { $version }) attend toujours votre signature au nom de { $party ->
        [host] la structure d'accueil
        [home] l'organisation d'origine (employeur)
       *[other] { $party }
    } ({ $org }). Voici un nouveau lien, qui remplace les précédents ; vous pouvez l'ouvrir jusqu'au { $until }, et il ne permet de signer qu'une fois.
mail-signature-reminder-action = Lire et signer la convention
mail-agreement-notice-subject = { $kind ->
    [drafted] Convention rédigée : { $offer }
    [ready-to-sign] Convention prête à signer : { $offer }
    [signed] Nouvelle signature sur la convention : { $offer }
    [fully-signed] Convention signée par toutes les parties : { $offer }
    [amendment-proposed] Avenant proposé : { $offer }
    [amendment-signed] Avenant signé et en vigueur : { $offer }
    [amendment-withdrawn] Avenant retiré : { $offer }
    [started] Immersion commencée : { $offer }
    [completed] Immersion terminée : { $offer }
    [ended-early] Immersion arrêtée avant terme : { $offer }
    [cancelled] Convention annulée : { $offer }
    [access-ending] Fin prochaine de l'accès aux données : { $offer }
    [access-ended] Accès aux données terminé : { $offer }
    [review-awaiting] Bilan intermédiaire à confirmer : { $offer }
    [signature-reminder] Rappel : convention à signer : { $offer }
   *[other] Convention : { $offer }
}
mail-agreement-notice-body = Bonjour,

    { $kind ->
        [drafted] { $who } a rédigé la convention de l'immersion « { $offer } ». Complétez-la ensemble : objectifs, tâches, conditions et signataire de chaque organisation.
        [ready-to-sign] La version { $version } de la convention « { $offer } » est prête à signer. Lisez-la et signez-la depuis la page de la convention.
        [signed] { $who } a signé la version { $version } de la convention « { $offer } ». La page de la convention montre qui a signé et qui ne l'a pas encore fait.
        [fully-signed] Toutes les parties ont signé la version { $version } de la convention « { $offer } », { $who } en dernier. L'immersion peut commencer. Si vous avez signé par le lien reçu par courriel, ce même lien vous donne la convention signée (PDF) pendant 90 jours après votre signature.
        [amendment-proposed] Un avenant (version { $version }) à la convention « { $offer } » a été proposé. L'immersion se poursuit selon la version signée ; lisez les modifications et signez l'avenant depuis la page de la convention.
        [amendment-signed] Toutes les parties ont signé l'avenant (version { $version }) à la convention « { $offer } » : il s'applique désormais.
        [amendment-withdrawn] { $who } a retiré l'avenant à la convention « { $offer } » : la version signée { $version } s'applique, comme avant.
        [started] L'immersion « { $offer } » a commencé.
        [completed] L'immersion « { $offer } » est terminée. Les bilans finaux des deux côtés sont maintenant attendus.
        [ended-early] L'immersion « { $offer } » a été arrêtée avant terme. Le motif figure sur la page de la convention ; l'accès aux données a pris fin.
        [cancelled] La convention « { $offer } » a été annulée.
        [access-ending] L'accès aux données prévu par la convention « { $offer } » prend fin dans les 7 jours, comme convenu.
        [access-ended] L'accès aux données prévu par la convention « { $offer } » a pris fin, comme convenu.
        [review-awaiting] { $who } a rédigé le bilan intermédiaire de l'immersion « { $offer } ». Lisez-le et confirmez-le pour votre part depuis la page de la convention.
        [signature-reminder] La version { $version } de la convention « { $offer } » attend toujours votre signature. Lisez-la et signez-la depuis la page de la convention ; les autres parties voient qui n'a pas encore signé.
       *[other] La convention « { $offer } » a changé.
    }
mail-agreement-notice-action = Ouvrir la convention
agreement-withdraw-amendment = Retirer l'avenant
notice-amendment-withdrawn = L'avenant a été retiré : la version signée s'applique, comme avant.
notice-kind-amendment-withdrawn = Avenant retiré
error-agreement-amendment-pending = Un avenant attend des signatures : faites-le signer ou retirez-le avant de marquer l'immersion comme terminée.
error-agreement-no-amendment = Cette convention n'a pas d'avenant en attente de signatures.
agreement-version-in-force = version { $version } en vigueur
notice-amendment-proposed = L'avenant a été proposé : chaque signataire est invité à le signer ; l'immersion se poursuit entre-temps selon la version signée.
compare-no-change = Rien n'a changé entre ces deux versions.
compare-only-changes = N'afficher que ce qui a changé
compare-show-all = Afficher toutes les conditions
compare-unchanged = { $count ->
    [one] { $count } condition n'a pas changé.
   *[other] { $count } conditions n'ont pas changé.
}
agreement-early-confirm = Cette date n'est pas celle convenue : confirmez-la et indiquez pourquoi.
agreement-early-confirm-label-active = Je confirme que l'immersion commence avant la date de début convenue.
agreement-early-confirm-label-completed = Je confirme que l'immersion se termine bien avant la date de fin convenue.
field-early-reason = Motif
field-early-reason-hint = Enregistré avec le changement et montré à chaque partie.
field-cancel-reason = Motif de l'annulation
field-cancel-reason-hint = Obligatoire ; chaque partie le lira.
agreement-cancel-reason-required = Indiquez le motif de l'annulation.
agreement-early-reason-required = Indiquez la raison de cette date.
pair-side-by-side = Les deux sens côte à côte
pair-direction = De → vers
pair-other-direction = L'autre sens
pair-not-visible = Vous n'êtes pas partie à l'autre sens de cette immersion croisée.
pair-no-report = Pas encore de bilan final.
pair-read-reports = Lire les bilans finaux
pair-no-candidate = Aucune convention ne va encore dans l'autre sens (sa structure d'accueil doit être l'organisation d'origine de celle-ci, et inversement).
access-log-title = Journal des accès de cette immersion
access-log-intro = Chaque lecture des conditions confidentielles (emploi et accès aux données : pages, PDF, comparaisons, liens de signature) et chaque modification de cette convention, de la plus récente à la plus ancienne. Les personnes qui administrent la structure d'accueil et l'employeur d'origine le consultent ici.
access-detail-compared = comparaison des versions { $left } et { $right }
access-detail-link-opened = lien de signature ouvert (partie : { $party })
access-detail-copy-read = copie signée téléchargée par le lien de signature (partie : { $party })
access-detail-signed-account = version { $version } signée depuis un compte (partie : { $party })
access-detail-signed-link = version { $version } signée par le lien reçu par courriel (partie : { $party })
access-detail-status = { $status }, motif : { $reason }
access-detail-signatory = { $email } désigné·e pour signer (partie : { $party })
access-detail-added-objective = objectif ajouté
access-detail-added-task = tâche ajoutée
access-detail-removed = objectif ou tâche retiré
access-detail-amendment-withdrawn = avenant retiré
access-log-empty = Rien n'est encore enregistré.
access-log-shown = { $count ->
    [one] L'entrée la plus récente.
   *[other] Les { $count } entrées les plus récentes au plus.
}
mail-application-reminder-subject = Une candidature attend votre réponse : { $offer }
mail-application-reminder-body = Bonjour,

    { $applicant } a candidaté à « { $offer } » il y a { $days } jours et n'a pas encore reçu de réponse. Répondez dans le fil de la candidature, présélectionnez, acceptez ou déclinez : la personne attend.
mail-application-reminder-action = Répondre à la candidature
agreement-code = Code de vérification de cette version
agreement-code-hint = Il figure au pied de chaque page du PDF : un exemplaire imprimé portant un autre code n'est pas cette version.
notice-kind-review-awaiting = Bilan intermédiaire à confirmer
dashboard-in-preparation = Conventions en préparation (brouillon ou en attente de signatures)
dashboard-immersion-list = Les immersions comptées
dashboard-days = Jours
dashboard-detail = Détail
dashboard-all-xlsx = Tous les tableaux dans un classeur (XLSX)
dashboard-median-duration-days = Durée médiane (jours)
dashboard-offers-without-applicants-pct = Offres sans candidature (%)
dashboard-median-reply-hours = Délai médian de première réponse (heures)
dashboard-reports-pct = Bilans finaux reçus (%)
dashboard-follow-ups-pct = Suivis ayant reçu une réponse (%)
follow-ups-title = Réponses aux suivis
follow-ups-intro = Ce que les personnes en immersion et les structures d'accueil ont répondu 6 et 12 mois après chaque immersion : ce qui est resté, si elles sont encore en contact, ce qui a changé dans leur pratique.
follow-ups-none = Aucun suivi n'a encore été envoyé.
follow-ups-recipient = Destinataire
follow-ups-side = Côté
follow-ups-months = Mois après
follow-ups-after = { $months } mois après
follow-ups-sent = Envoyé
follow-ups-answered = Réponse reçue
follow-ups-unanswered = Pas encore de réponse.
follow-ups-in-contact = Toujours en contact
follow-ups-lasting = Ce qui est resté
follow-ups-changes = Ce qui a changé dans la pratique
dashboard-reply-by-host = Délai médian de première réponse (heures), par structure d'accueil
notice-already-applied = Vous avez déjà candidaté à cette offre : voici votre candidature. Vous pouvez la compléter dans son fil de discussion.
label-separator = {" : "}
follow-ups-side-participant = suivi de la personne en immersion
follow-ups-side-host = suivi de la structure d'accueil
dashboard-percent = { $pct } % ({ $a }/{ $b })
field-places = Places
field-places-hint = Combien de personnes l'offre accueille (1 si vide) : accepter autant de candidatures la marque comme pourvue ; vous pouvez la rouvrir.
