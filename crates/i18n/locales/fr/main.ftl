## Mise en page
layout-skip-link = Aller au contenu
layout-nav-label = Navigation principale
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
login-rate-limited = Trop de tentatives de connexion ont échoué. Pour protéger ce compte, réessayez dans { $minutes } minutes ou réinitialisez votre mot de passe.
login-unconfirmed = Votre adresse e-mail n'est pas encore confirmée. Ouvrez le lien reçu par e-mail, ou demandez-en un nouveau.
forgot-title = Mot de passe oublié
forgot-intro = Indiquez votre adresse e-mail : nous vous enverrons un lien pour choisir un nouveau mot de passe.
forgot-submit = Envoyer le lien
forgot-sent = Si un compte existe pour { $email }, un lien de réinitialisation vient d'y être envoyé. Il est valable une heure.
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
mail-link-hint = Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :
mail-confirm-subject = Confirmez votre adresse e-mail sur Passerelle
mail-confirm-body = Bonjour { $name },

    Merci de vous être inscrit·e sur Passerelle. Confirmez votre adresse e-mail pour activer votre compte. Le lien est valable 7 jours.
mail-confirm-action = Confirmer mon adresse
mail-reset-subject = Réinitialisation de votre mot de passe Passerelle
mail-reset-body = Bonjour { $name },

    Quelqu'un (vous, sans doute) a demandé à changer le mot de passe de votre compte. Le lien est valable une heure. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.
mail-reset-action = Choisir un nouveau mot de passe
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
