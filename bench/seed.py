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
