#!/usr/bin/env python3
"""Seeds a migrated Passerelle SQLite database for the questionnaire benchmark: one open,
anonymous questionnaire of 40 questions in 4 sections (single and multiple choice, numbers,
yes/no, short and long texts), RESPONSES submitted responses with their answers and tallies,
and DRAFTS drafts whose private links are /r/benchtoken<i> (i from 0). Usage:
seed_questionnaire.py DB OWNER_EMAIL RESPONSES DRAFTS; prints the questionnaire id."""
import hashlib
import json
import random
import sqlite3
import sys
import uuid
from collections import Counter

db, owner_email, responses, drafts = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
random.seed(7)
NOW = 1_767_603_600
con = sqlite3.connect(db)
con.execute("PRAGMA journal_mode = WAL")
con.execute("PRAGMA synchronous = OFF")
owner = con.execute("SELECT id FROM users WHERE email = ?", (owner_email,)).fetchone()[0]

def text(fr):
    return {"t": {"fr": fr}}

KINDS = ["single", "single", "single", "multiple", "multiple", "integer", "integer", "yes_no", "short_text", "long_text"]
sections = []
questions = []
for s in range(1, 5):
    qs = []
    for i, kind in enumerate(KINDS, 1):
        name = f"q{s}_{i}"
        q = {"name": name, "kind": kind, "label": text(f"Question {s}.{i}")}
        if kind in ("single", "multiple"):
            n = 5 if kind == "single" else 6
            q["choices"] = [{"code": f"c{k}", "label": text(f"Choix {k}")} for k in range(1, n + 1)]
        if kind == "integer":
            q["min"], q["max"] = 0, 100
        qs.append(q)
        questions.append(q)
    sections.append({"name": f"s{s}", "title": text(f"Partie {s}"), "questions": qs})
definition = {"languages": ["fr"], "title": text("Banc d'essai"), "sections": sections}
qid = str(uuid.uuid4())
con.execute(
    "INSERT INTO questionnaires (id, owner_id, title, version, status, audience, mode, allow_edit, is_demo, created_at, updated_at) "
    "VALUES (?, ?, 'Banc d''essai', 1, 'open', 'link', 'anonymous', 0, 0, ?, ?)", (qid, owner, NOW, NOW))
con.execute("INSERT INTO questionnaire_versions (questionnaire_id, version, definition, created_at) VALUES (?, 1, ?, ?)",
            (qid, json.dumps(definition), NOW))

WORDS = "accueil familles quartier réseau pairs médiation enfance parents équipe atelier".split()
def answer(q):
    k = q["kind"]
    if k == "single":
        return [("", random.choice(q["choices"])["code"])]
    if k == "multiple":
        return [("", c["code"]) for c in random.sample(q["choices"], random.randint(1, 3))]
    if k == "integer":
        return [("", str(random.randint(0, 100)))]
    if k == "yes_no":
        return [("", random.choice(["yes", "no"]))]
    n = 4 if k == "short_text" else 25
    return [("", " ".join(random.choices(WORDS, k=n)))]

values = Counter()
answered = Counter()
batch_r, batch_a = [], []
def flush():
    con.executemany(
        "INSERT INTO responses (id, questionnaire_id, version, status, language, page, started_at, updated_at, submitted_at) "
        "VALUES (?, ?, 1, 'submitted', 'fr', 3, ?, ?, ?)", batch_r)
    con.executemany(
        "INSERT INTO answers (response_id, questionnaire_id, submitted, question, part, value) VALUES (?, ?, 1, ?, ?, ?)", batch_a)
    batch_r.clear(); batch_a.clear()
for r in range(responses):
    rid = f"{r:08d}-{uuid.uuid4()}"
    day = NOW - (r % 90) * 86_400
    batch_r.append((rid, qid, day, day, day))
    for q in questions:
        if random.random() < 0.1:
            continue  # nobody has to answer everything
        rows = answer(q)
        answered[q["name"]] += 1
        for part, v in rows:
            batch_a.append((rid, qid, q["name"], part, v))
            if q["kind"] not in ("short_text", "long_text"):
                values[(q["name"], part, v)] += 1
    if len(batch_r) >= 5000:
        flush()
flush()
con.executemany("INSERT INTO answer_tallies (questionnaire_id, question, part, value, n) VALUES (?, ?, ?, ?, ?)",
                ((qid, q, p, v, n) for (q, p, v), n in values.items()))
con.executemany("INSERT INTO question_tallies (questionnaire_id, question, n) VALUES (?, ?, ?)",
                ((qid, q, n) for q, n in answered.items()))
con.executemany(
    "INSERT INTO responses (id, questionnaire_id, version, status, resume_hash, language, page, started_at, updated_at) "
    "VALUES (?, ?, 1, 'draft', ?, 'fr', 0, ?, ?)",
    ((str(uuid.uuid4()), qid, hashlib.sha256(f"benchtoken{i}".encode()).hexdigest(), NOW, NOW) for i in range(drafts)))
con.commit()
print(qid)
