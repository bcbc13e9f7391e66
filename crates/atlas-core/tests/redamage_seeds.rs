//! Issue 16, "Done when": a seed re-damaged the PDF way comes back with
//! ≥ 95 % of its paragraphs whole, every note, and no header, footer or
//! page-number block.
//!
//! Each seed is cleaned, laid out again as a damaged PDF extraction
//! (`support/redamage.rs`: pages, running heads and feet, page numbers,
//! hyphens, notes at page feet) under several seed numbers, and cleaned
//! again; the report (`cargo test -p atlas-core --test redamage_seeds --
//! --nocapture`) lists, per seed and damage, what came back, and
//! `ATLAS_REDAMAGE_DUMP=1` writes each damaged text to the temp folder.
//!
//! Every note and no furniture block are required of every layout. The
//! share of paragraphs whole is the seed's, over all its layouts: a seed
//! of eight paragraphs loses 12 % with one paragraph, and some page breaks
//! are ambiguous in any one layout (a paragraph that ends on a full line
//! at the foot of a page reads like one that runs on).

mod support {
    pub mod redamage;
}

use atlas_core::catalog::read_catalog;
use atlas_core::pipeline::build_document;
use atlas_core::source::{list_seed_files, read_seed, SeedText};
use std::path::PathBuf;
use support::redamage::{compare, redamage, Damage, Recovery};

/// Damage seed numbers tried per document: with [`Damage::variant`]'s
/// cycles, together they use every head, page-number and separator kind.
const DAMAGES_PER_SEED: u64 = 14;

/// The floor for paragraphs that come back whole.
const WHOLE_FLOOR: f64 = 95.0;

/// Seeds that do not reach [`WHOLE_FLOOR`] yet, the share they do reach,
/// and why. The test fails if one falls below its share, and when one
/// reaches the floor (it then leaves this list).
const BELOW_FLOOR: &[(&str, f64, &str)] = &[];

struct Run {
    doc: String,
    damage: Damage,
    pages: usize,
    recovery: Recovery,
}

fn runs() -> Vec<Run> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let catalog = read_catalog(&dir).unwrap_or_else(|e| panic!("catalog: {e}"));
    let files = list_seed_files(&dir).unwrap_or_else(|e| panic!("seeds: {e}"));
    let mut runs = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let seed = read_seed(path).unwrap_or_else(|e| panic!("{e}"));
        let entry = catalog.get(&seed.file);
        let original = build_document(&seed, entry);
        for k in 0..DAMAGES_PER_SEED {
            let damage = Damage::variant(i as u64 * 100 + k);
            let damaged = redamage(&original, &damage);
            let again = SeedText {
                text: damaged.text.clone(),
                ..seed.clone()
            };
            let back = build_document(&again, entry);
            if std::env::var_os("ATLAS_REDAMAGE_DUMP").is_some() {
                let out =
                    std::env::temp_dir().join(format!("redamage-{}-{}.txt", seed.id, damage.seed));
                let _ = std::fs::write(&out, &damaged.text);
            }
            runs.push(Run {
                doc: seed.id.clone(),
                recovery: compare(&original, &damaged, &back),
                pages: damaged.pages,
                damage,
            });
        }
    }
    runs
}

#[test]
fn seeds_damaged_the_pdf_way_come_back_whole() {
    let runs = runs();
    let mut failures = Vec::new();
    println!("seed                  damage pages  % whole    notes    furniture  (head, number, separator, foot, note rule)");
    for run in &runs {
        let r = &run.recovery;
        let d = &run.damage;
        println!(
            "{:<22}{:>6} {:>5}  {:>6.1}%  {:>3}/{:<3}  {:>9}  ({:?}, {:?}, {:?}, {:?}, {:?})",
            run.doc,
            d.seed,
            run.pages,
            r.whole_percent(),
            r.notes_back,
            r.notes,
            r.furniture_blocks.len(),
            d.header,
            d.number,
            d.boundary,
            d.footer,
            d.note_rule,
        );
        for p in r.broken.iter().take(6) {
            println!("      not whole: {p}");
        }
        if !r.notes_lost.is_empty() {
            println!("      notes lost: {:?}", r.notes_lost);
        }
        for f in r.furniture_blocks.iter().take(4) {
            println!("      furniture: {f}");
        }
        if r.notes_back != r.notes || !r.furniture_blocks.is_empty() {
            failures.push(format!(
                "{} × damage {}: notes or furniture",
                run.doc, d.seed
            ));
        }
    }
    println!("\nseed                  paragraphs whole over {DAMAGES_PER_SEED} damages");
    let mut docs: Vec<&str> = runs.iter().map(|r| r.doc.as_str()).collect();
    docs.dedup();
    for doc in docs {
        let (paragraphs, whole) = runs
            .iter()
            .filter(|r| r.doc == doc)
            .fold((0, 0), |(p, w), r| {
                (p + r.recovery.paragraphs, w + r.recovery.whole)
            });
        let percent = 100.0 * whole as f64 / paragraphs.max(1) as f64;
        println!("{doc:<22}{whole:>5}/{paragraphs:<5} {percent:>6.1}%");
        match BELOW_FLOOR.iter().find(|(d, _, _)| *d == doc) {
            Some((_, reached, why)) => {
                println!("      below the floor of {WHOLE_FLOOR} %: {why}");
                if percent >= WHOLE_FLOOR {
                    failures.push(format!("{doc} reaches the floor: take it off BELOW_FLOOR"));
                } else if percent < *reached {
                    failures.push(format!(
                        "{doc}: {percent:.1} % whole, below its {reached} %"
                    ));
                }
            }
            None if percent < WHOLE_FLOOR => {
                failures.push(format!("{doc}: {percent:.1} % of paragraphs whole"));
            }
            None => {}
        }
    }
    assert!(
        failures.is_empty(),
        "below the floors (≥ {WHOLE_FLOOR} % whole, every note, no furniture): {failures:?}"
    );
}

#[test]
fn the_damage_is_deterministic_and_prints_its_furniture() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let files = list_seed_files(&dir).unwrap_or_else(|e| panic!("seeds: {e}"));
    let seed = read_seed(&files[1]).unwrap_or_else(|e| panic!("{e}"));
    let doc = build_document(&seed, None);
    let a = redamage(&doc, &Damage::variant(3));
    let b = redamage(&doc, &Damage::variant(3));
    assert_eq!(a.text, b.text);
    assert!(a.pages >= 5, "{} pages", a.pages);
    // Odd and even heads alternate: each is on every other page at least.
    for f in &a.furniture {
        let times = a.text.matches(f.as_str()).count();
        assert!(
            times * 2 + 2 >= a.pages,
            "{f:?} printed {times} times on {} pages",
            a.pages
        );
    }
}
