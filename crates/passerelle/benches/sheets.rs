//! Practice-sheet benchmark (run by `scripts/bench sheets`): seeds N published sheets into a
//! SQLite database — the ten demo sheets varied in title, words and facets — then times the
//! catalogue search in process, without the page cache: one- to three-word French queries, each
//! with a facet (words new to the instance, then words asked before), and facet-only pages.
//! Prints p50, p95 and max per kind.
//!
//! `cargo bench -p passerelle --bench sheets -- DATA_DIR N` (SQLite in DATA_DIR, or the
//! PostgreSQL database `BENCH_DATABASE_URL` names)

use std::time::Instant;

use passerelle_core::sheets::catalogue::{Selection, search_uncached};
use passerelle_core::sheets::store::{self, RevisionRow, SheetRow};
use passerelle_core::sheets::{Content, demo, types};
use passerelle_core::{Clock, Config, Core, Db};

/// A small deterministic generator (no dependency, same data on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

const WORDS: &[&str] = &[
    "quartier",
    "bénévoles",
    "logement",
    "santé mentale",
    "jeunes majeurs",
    "insertion",
    "parentalité",
    "médiation",
    "numérique",
    "mobilité",
    "alimentation",
    "accueil de jour",
    "protection de l'enfance",
    "handicap",
    "vieillissement",
    "hébergement",
    "addictions",
    "école",
    "emploi",
    "culture",
];

fn vary(base: &Content, i: usize, rng: &mut Lcg) -> Content {
    let ty = types::find("emerging_practice").expect("type");
    let mut c = base.clone();
    c.set_text(
        "title",
        format!(
            "{} — {} n° {i}",
            base.text("title"),
            WORDS[rng.next(WORDS.len())]
        ),
    );
    let extra: Vec<&str> = (0..6).map(|_| WORDS[rng.next(WORDS.len())]).collect();
    c.set_text(
        "description",
        format!(
            "{}\n\nAutour de : {}.",
            base.text("description"),
            extra.join(", ")
        ),
    );
    for name in ["category", "approach", "maturity"] {
        if let Some(f) = ty.field(name) {
            let choices = f.choices();
            c.set_text(name, choices[rng.next(choices.len())].clone());
        }
    }
    for name in ["themes", "publics"] {
        if let Some(f) = ty.field(name) {
            let choices = f.choices();
            let mut picked: Vec<String> = (0..1 + rng.next(3))
                .map(|_| choices[rng.next(choices.len())].clone())
                .collect();
            picked.sort();
            picked.dedup();
            c.set_list(name, picked);
        }
    }
    let territories = types::territory_codes();
    c.set_text("territory", territories[rng.next(120)].clone());
    c
}

async fn seed(core: &Core, n: usize) {
    let bases: Vec<Content> = demo::sheets()
        .expect("demo sheets")
        .into_iter()
        .filter(|(k, _)| k == "emerging_practice")
        .map(|(_, c)| c)
        .collect();
    let ty = types::find("emerging_practice").expect("type");
    let mut rng = Lcg(42);
    let start = Instant::now();
    for chunk in 0..n.div_ceil(1000) {
        let mut tx = core.db.begin().await.expect("tx");
        for i in chunk * 1000..((chunk + 1) * 1000).min(n) {
            let content = vary(&bases[i % bases.len()], i, &mut rng);
            let id = passerelle_core::ids::new_id();
            let now = 1_700_000_000 + i as i64;
            let row = SheetRow {
                id: id.clone(),
                kind: ty.code.clone(),
                status: "published".into(),
                title: content.text("title").to_owned(),
                revision: 1,
                published_revision: Some(1),
                created_by: None,
                source_kind: String::new(),
                source_id: String::new(),
                source_label: String::new(),
                created_at: now,
                updated_at: now,
                published_at: Some(now),
            };
            store::insert(&mut tx, &row, false).await.expect("sheet");
            let json = serde_json::to_string(&content).expect("json");
            store::insert_revision(
                &mut tx,
                &RevisionRow {
                    sheet_id: id.clone(),
                    number: 1,
                    content: json,
                    author_id: None,
                    author_name: "bench".into(),
                    note: String::new(),
                    created_at: now,
                },
            )
            .await
            .expect("revision");
            passerelle_core::sheets::index_sheet(&mut tx, core.db.backend, &row, ty, &content)
                .await
                .expect("index");
        }
        tx.commit().await.expect("commit");
    }
    println!(
        "seeded {n} sheets in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

fn report(label: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "{label}: {} searches, p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        ms.len(),
        at(0.5),
        at(0.95),
        ms[ms.len() - 1]
    );
}

/// One search, timed; `cold` forgets the sets of sheets matching recent words first, as for
/// words nobody asked since the last publication.
async fn time(core: &Core, pairs: &[(&str, &str)], cold: bool) -> f64 {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| ((*k).into(), (*v).into()))
        .collect();
    let selection = Selection::from_pairs(&pairs);
    if cold {
        core.caches.sheet_matches.clear();
    }
    let start = Instant::now();
    let found = search_uncached(core, &selection).await.expect("search");
    std::hint::black_box(found.total);
    start.elapsed().as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().filter(|a| a != "--bench").collect();
    let dir = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "target/bench-sheets".into());
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    // BENCH_DATABASE_URL=postgres://… measures the same on PostgreSQL (DATA_DIR unused).
    let config = Config {
        data_dir: dir.clone().into(),
        database_url: std::env::var("BENCH_DATABASE_URL").unwrap_or_default(),
        ..Config::default()
    };
    let db = Db::connect(&config).await.expect("database");
    db.migrate().await.expect("migrations");
    let core = Core::new(db, Clock::system(), config);
    let have: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sheet_index")
        .fetch_one(&core.db.pool)
        .await
        .expect("count");
    if (have as usize) < n {
        seed(&core, n - have as usize).await;
    }
    let queries = [
        "famille",
        "réseau",
        "logement",
        "pair aidance",
        "aller vers",
        "santé mentale",
        "conférences familiales",
        "coordination parcours",
        "bénévoles quartier",
        "accueil de jour",
        "protection de l'enfance",
        "jeunes insertion emploi",
    ];
    let facets = [
        ("themes", "pair_aidance"),
        ("category", "emerging"),
        ("territory", "dep-37"),
        ("maturity", "consolidated"),
        ("publics", "familles"),
    ];
    // Warm the database's pages once; not reported.
    for q in queries {
        time(&core, &[("q", q)], true).await;
    }
    for (label, cold) in [
        (
            "search, 1-3 words + a facet, words new to the instance",
            true,
        ),
        (
            "search, 1-3 words + a facet, words asked before (refining)",
            false,
        ),
    ] {
        let mut with_facet = vec![];
        for _ in 0..5 {
            for q in queries {
                for (f, v) in facets {
                    with_facet.push(time(&core, &[("q", q), (f, v)], cold).await);
                }
            }
        }
        report(label, with_facet);
    }
    let mut facet_only = vec![];
    for _ in 0..10 {
        for (f, v) in facets {
            facet_only.push(time(&core, &[(f, v)], true).await);
        }
        facet_only.push(time(&core, &[], true).await);
    }
    report(
        "catalogue pages without words (facets only, or none)",
        facet_only,
    );
}
