#!/usr/bin/env python3
"""Loads a synthetic dataset into a migrated Passerelle SQLite database, for scripts/bench:
USERS accounts and ORGS organisations, each organisation with one admin and a few members."""
import random
import sqlite3
import sys
import uuid

db, users, orgs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(42)
# One password hash shared by every synthetic account (they never log in during the benchmark).
HASH = sys.argv[4]
KINDS = ["university", "social-service", "association", "ngo", "public-body", "network"]
COUNTRIES = ["FR", "CH", "BE", "BF", "CD", "PH", "KH", "SN", "CA"]
WORDS = ["Maison", "Familles", "Entraide", "Accueil", "Solidarité", "Réseau", "Centre", "Social",
         "Jeunesse", "Parentalité", "Médiation", "Quartier", "Pairs", "Insertion", "Habitat"]
NOW = 1_767_603_600

con = sqlite3.connect(db)
con.execute("PRAGMA journal_mode = WAL")
con.execute("PRAGMA synchronous = OFF")
user_ids = [str(uuid.uuid4()) for _ in range(users)]
con.executemany(
    "INSERT INTO users (id, email, password_hash, display_name, locale, role, email_confirmed_at, created_at) "
    "VALUES (?, ?, ?, ?, 'fr', 'member', ?, ?)",
    ((uid, f"user{i}@bench.example", HASH, f"Personne {i}", NOW, NOW + i) for i, uid in enumerate(user_ids)),
)
org_rows = []
for i in range(orgs):
    name = " ".join(random.sample(WORDS, 3)) + f" {i}"
    slug = f"org-{i}"
    org_rows.append((str(uuid.uuid4()), slug, name, random.choice(KINDS), random.choice(COUNTRIES),
                     f"Ville {i % 500}", "", "Organisation synthétique pour les mesures de performance.", NOW))
con.executemany(
    "INSERT INTO organisations (id, slug, name, kind, country, city, website, description, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", org_rows)
members = []
for org in org_rows:
    for j, uid in enumerate(random.sample(user_ids, random.randint(2, 12))):
        members.append((org[0], uid, "admin" if j == 0 else "member", NOW))
con.executemany("INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES (?, ?, ?, ?)", members)
con.commit()
print(f"seeded {users} users, {orgs} organisations, {len(members)} memberships")

# Immersions: 10 programmes whose partners are all organisations, OFFERS offers (90 % published,
# 80 % of them public) and APPLICATIONS applications spread over them.
import unicodedata

OFFERS = int(sys.argv[5]) if len(sys.argv) > 5 else 10_000
APPLICATIONS = int(sys.argv[6]) if len(sys.argv) > 6 else 100_000


def fold(text):
    """The same folding as core::text::fold: lower case, no diacritics."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


programmes = [(str(uuid.uuid4()), f"programme-{p}", f"Programme {p}") for p in range(10)]
con.executemany(
    "INSERT INTO programmes (id, slug, name, description, kind, languages, max_duration_days, min_time_share, "
    "max_time_share, rules, coordinator_id, created_at, updated_at) "
    "VALUES (?, ?, ?, '', 'school-practice', 'fr,en', 731, 10, 100, '', ?, ?, ?)",
    [(pid, slug, name, user_ids[0], NOW, NOW) for pid, slug, name in programmes])
con.executemany(
    "INSERT INTO programme_partners (programme_id, organisation_id) VALUES (?, ?)",
    [(programmes[i % 10][0], org[0]) for i, org in enumerate(org_rows)])
THEMES = ["protection de l'enfance", "aller vers", "pair-aidance", "parentalité", "insertion",
          "médiation", "logement", "santé mentale", "implication des pères", "réseau"]
DIRECTIONS = ["school-to-practice", "practice-to-school", "peer"]
LANGS = ["fr", "en", "de", "fr,en", "fr,de", "en,km", "fr,mos"]
offer_rows = []
for i in range(OFFERS):
    org = org_rows[i % len(org_rows)]
    themes = ",".join(random.sample(THEMES, 2))
    title = f"Immersion {' '.join(random.sample(WORDS, 2))} {i}"
    context = "Équipe éducative, ateliers avec les familles, réunions d'équipe et travail de réseau."
    status = "published" if random.random() < 0.9 else random.choice(["draft", "filled", "closed", "expired"])
    published = NOW - random.randint(0, 365 * 86400) if status != "draft" else None
    offer_rows.append((
        str(uuid.uuid4()), programmes[i % 10][0], org[0], title, random.choice(DIRECTIONS), themes, context,
        random.choice([5, 7, 10, 30, 90, 180, 365, 540, 730]), random.choice([20, 40, 50, 100]), org[4],
        org[5], random.choice(LANGS), random.choice(["none", "anonymised", "personal", "sensitive"]),
        "public" if random.random() < 0.8 else "members", status, published, published or NOW,
        fold(" \n ".join([title, themes, context, org[5], org[2]])), NOW, NOW))
con.executemany(
    "INSERT INTO offers (id, programme_id, organisation_id, title, direction, themes, context, duration_days, "
    "time_share, country, city, languages, data_sensitivity, visibility, status, published_at, "
    "status_changed_at, search_text, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", offer_rows)
applications = []
for i in range(APPLICATIONS):
    offer = offer_rows[random.randrange(len(offer_rows))]
    applications.append((str(uuid.uuid4()), offer[0], user_ids[random.randrange(len(user_ids))],
                         "Motivation synthétique.", random.choice(["submitted", "shortlisted", "accepted", "declined"]),
                         NOW + i, NOW + i))
con.executemany(
    "INSERT INTO applications (id, offer_id, applicant_id, motivation, status, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)", applications)
con.commit()
print(f"seeded {len(programmes)} programmes, {OFFERS} offers, {APPLICATIONS} applications")
