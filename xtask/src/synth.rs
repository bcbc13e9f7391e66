//! `cargo xtask synth --factor N`: a synthetic seed folder N times the size
//! of `seeds/`, for measuring how the app scales before real papers arrive.
//!
//! The app embeds the whole corpus, so build time, `dist/` size, start-up
//! and query latency all grow with it; five seeds cannot show how fast.
//! Random text would not do either: the pipeline's cost and the index's
//! shape depend on real vocabulary (places, topic cues, people, Russian and
//! Chinese passages, notes). So every synthetic document is a remix of one
//! seed: its prose paragraphs, flattened to one line each, drawn at random,
//! with a sentence swapped in from another paragraph of the same seed now
//! and then; headings taken from all seeds; a note marker `<sup>n</sup>` on
//! some paragraphs, each followed by its note (numbered 1, 2, … per
//! document, like seed 001). A generated `catalog.toml` gives each document
//! a title built from the seeds' headings, topic labels and place names, and
//! authors, years, venues and types drawn from the real catalog, so every
//! facet has many values. Document `k` is remixed from seed `k mod 5` until
//! it is as long as that seed, so N× the documents is about N× the text.
//!
//! Deterministic: document `k` comes from a PRNG seeded by `k` alone, so
//! `--factor 10` holds the documents of `--factor 1` as its first five, and
//! rerunning rewrites nothing (no spurious rebuild).

use crate::root;
use std::path::{Path, PathBuf};

/// `cargo xtask synth --factor N [--out DIR]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut factor = None;
    let mut out = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--factor" => factor = args.next().and_then(|v| v.parse::<usize>().ok()),
            "--out" => out = args.next().map(PathBuf::from),
            other => return Err(format!("synth: unknown argument {other:?}")),
        }
    }
    let factor = factor
        .filter(|&n| n > 0)
        .ok_or("usage: cargo xtask synth --factor N [--out DIR]  (N a whole number ≥ 1)")?;
    let out = out.unwrap_or_else(|| default_dir(factor));
    write(factor, &out)?;
    let (docs, bytes) = folder_text(&out);
    println!(
        "xtask: wrote {docs} documents, {:.1} MB of text, to {}",
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}

/// `target/synth/xN/`.
pub fn default_dir(factor: usize) -> PathBuf {
    root().join("target/synth").join(format!("x{factor}"))
}

/// Writes `factor` × the seeds into `out` (replacing an earlier synthetic
/// corpus there, refusing a folder that holds anything else).
pub fn write(factor: usize, out: &Path) -> Result<(), String> {
    let material = Material::read(&root())?;
    prepare_dir(out)?;
    let mut catalog = String::from(
        "# Synthetic corpus written by `cargo xtask synth` (xtask/src/synth.rs): \
         remixed seed paragraphs, metadata drawn from seeds/catalog.toml.\n",
    );
    let count = factor * material.seeds.len();
    for k in 0..count {
        let doc = material.document(k);
        let file = format!("synth_{k:04}.md");
        write_if_changed(&out.join(&file), &doc.text)?;
        catalog.push_str(&doc.catalog_entry(&file));
    }
    write_if_changed(&out.join("catalog.toml"), &catalog)?;
    Ok(())
}

/// How many seed documents a folder holds, and their bytes (catalog
/// excluded).
pub fn folder_text(dir: &Path) -> (usize, u64) {
    let docs: Vec<u64> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.ends_with(".txt") || name.ends_with(".md")
        })
        .map(|e| e.metadata().map_or(0, |m| m.len()))
        .collect();
    (docs.len(), docs.iter().sum())
}

/// Creates `out`, removing files an earlier run left that this one will
/// not write; anything that is not ours stops us.
fn prepare_dir(out: &Path) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let entries =
        std::fs::read_dir(out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name == "catalog.toml" || (name.starts_with("synth_") && name.ends_with(".md"));
        if !ours {
            return Err(format!(
                "refusing to write into {}: it holds {name}, which synth did not write",
                out.display()
            ));
        }
        if name != "catalog.toml" {
            std::fs::remove_file(entry.path())
                .map_err(|e| format!("cannot remove {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

fn write_if_changed(path: &Path, text: &str) -> Result<(), String> {
    if std::fs::read(path).ok().as_deref() == Some(text.as_bytes()) {
        return Ok(());
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// One seed, cut into what the remix draws from.
struct Seed {
    file: String,
    /// The seed file's size: each remix of it is written to this length.
    bytes: usize,
    languages: Vec<String>,
    /// Prose paragraphs, each a list of sentences.
    paragraphs: Vec<Vec<String>>,
    /// Note texts (from `<sup>n</sup> text` paragraphs).
    notes: Vec<String>,
}

/// Everything drawn from: the seeds and the real catalog's values.
struct Material {
    seeds: Vec<Seed>,
    headings: Vec<String>,
    /// Every seed's notes, for remixes of seeds that have none.
    notes: Vec<String>,
    topics: Vec<String>,
    places: Vec<String>,
    authors: Vec<String>,
    years: Vec<String>,
    venues: Vec<String>,
    types: Vec<String>,
}

impl Material {
    fn read(root: &Path) -> Result<Material, String> {
        let seeds_dir = root.join("seeds");
        let catalog = read_text(&seeds_dir.join("catalog.toml"))?;
        let mut names: Vec<String> = std::fs::read_dir(&seeds_dir)
            .map_err(|e| format!("cannot read {}: {e}", seeds_dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt") || n.ends_with(".md"))
            .collect();
        names.sort();
        let mut material = Material {
            seeds: Vec::new(),
            headings: Vec::new(),
            notes: Vec::new(),
            topics: Vec::new(),
            places: Vec::new(),
            authors: Vec::new(),
            years: Vec::new(),
            venues: Vec::new(),
            types: Vec::new(),
        };
        for name in names {
            let text = read_text(&seeds_dir.join(&name))?;
            let seed = material.cut(&name, &text, catalog_languages(&catalog, &name));
            material.notes.extend(seed.notes.iter().cloned());
            material.seeds.push(seed);
        }
        // Values of the real catalog, one list per key.
        for line in catalog.lines() {
            let Some((key, value)) = line.split_once(" = ") else {
                continue;
            };
            let list = match key.trim() {
                "authors" => &mut material.authors,
                "year" => {
                    material.years.push(value.trim().to_string());
                    continue;
                }
                "venue" => &mut material.venues,
                "type" => &mut material.types,
                _ => continue,
            };
            list.extend(quoted_strings(value));
        }
        for line in read_text(&root.join("data/topics.toml"))?.lines() {
            if let Some(value) = line.strip_prefix("label = ") {
                material.topics.extend(quoted_strings(value));
            }
        }
        // Cities and regions of the gazetteer (the `name` column), the
        // places a paper's title would name.
        for line in read_text(&root.join("data/gazetteer.tsv"))?.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() > 2 && matches!(cols[2], "city" | "region") {
                material.places.push(cols[1].to_string());
            }
        }
        let empty = [
            (
                "seed paragraphs",
                material.seeds.iter().all(|s| s.paragraphs.is_empty()),
            ),
            ("headings", material.headings.is_empty()),
            ("notes", material.notes.is_empty()),
            ("topic labels", material.topics.is_empty()),
            ("places", material.places.is_empty()),
            ("catalog authors", material.authors.is_empty()),
            ("catalog years", material.years.is_empty()),
            ("catalog venues", material.venues.is_empty()),
            ("catalog types", material.types.is_empty()),
        ];
        if let Some((what, _)) = empty.iter().find(|(_, e)| *e) {
            return Err(format!("synth: found no {what} to draw from"));
        }
        Ok(material)
    }

    /// Splits a seed on blank lines into headings (kept for titles),
    /// `<sup>n</sup>` notes and prose paragraphs; the rest (title pages,
    /// tables, short lines) is left out. A block that stops mid-sentence
    /// runs on into the next (PDF extractions put blank lines inside
    /// paragraphs, at page breaks and, in seed 000, after every line).
    fn cut(&mut self, file: &str, text: &str, languages: Vec<String>) -> Seed {
        let mut seed = Seed {
            file: file.to_string(),
            bytes: text.len(),
            languages,
            paragraphs: Vec::new(),
            notes: Vec::new(),
        };
        let mut prose = String::new();
        let flush = |prose: &mut String, seed: &mut Seed| {
            if prose.len() >= 150 && !prose.starts_with(['|', '<', '-', '!', '[']) {
                seed.paragraphs.push(sentences(&strip_markers(prose)));
            }
            prose.clear();
        };
        for block in blocks(text) {
            if let Some(heading) = block.strip_prefix('#') {
                flush(&mut prose, &mut seed);
                let heading = heading.trim_matches(['#', '*', ' ', ':']);
                // Four words or more: a section title, not a name or "Conclusion".
                if heading.split(' ').count() >= 4 && !self.headings.iter().any(|h| h == heading) {
                    self.headings.push(heading.to_string());
                }
            } else if let Some(rest) = block.strip_prefix("<sup>") {
                flush(&mut prose, &mut seed);
                let note = rest.split_once("</sup>").map_or("", |(_, t)| t.trim());
                if note.len() > 20 {
                    seed.notes.push(note.to_string());
                }
            } else {
                if !prose.is_empty() {
                    prose.push(' ');
                }
                prose.push_str(&block);
                if ends_sentence(&prose) {
                    flush(&mut prose, &mut seed);
                }
            }
        }
        flush(&mut prose, &mut seed);
        seed
    }

    /// Synthetic document `k`.
    fn document(&self, k: usize) -> Doc {
        let mut rng = Rng::new(k as u64);
        let seed = &self.seeds[k % self.seeds.len()];
        let title = format!(
            "{} — {} in {}",
            rng.pick(&self.headings),
            rng.pick(&self.topics),
            rng.pick(&self.places)
        );
        let mut text = format!("# {title}\n\n");
        let mut note = 0;
        let mut until_heading = 3 + rng.below(5);
        while text.len() < seed.bytes && !seed.paragraphs.is_empty() {
            let mut paragraph = rng.pick(&seed.paragraphs).clone();
            if paragraph.len() > 1 && rng.below(2) == 0 {
                // A sentence from another paragraph of the same seed.
                let other = rng.pick(&seed.paragraphs);
                let at = rng.below(paragraph.len());
                paragraph[at] = rng.pick(other).clone();
            }
            text.push_str(&paragraph.join(" "));
            let notes = if seed.notes.is_empty() {
                &self.notes
            } else {
                &seed.notes
            };
            if !notes.is_empty() && rng.below(6) == 0 {
                note += 1;
                text.push_str(&format!(
                    "<sup>{note}</sup>\n\n<sup>{note}</sup> {}",
                    rng.pick(notes)
                ));
            }
            text.push_str("\n\n");
            until_heading -= 1;
            if until_heading == 0 {
                text.push_str(&format!("## {}\n\n", rng.pick(&self.headings)));
                until_heading = 3 + rng.below(5);
            }
        }
        let mut authors = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let author = rng.pick(&self.authors);
            if !authors.contains(author) {
                authors.push(author.clone());
            }
        }
        Doc {
            text,
            title,
            authors,
            year: rng.pick(&self.years).clone(),
            venue: rng.pick(&self.venues).clone(),
            doc_type: rng.pick(&self.types).clone(),
            languages: seed.languages.clone(),
            source: seed.file.clone(),
        }
    }
}

/// One synthetic document and its catalog values.
struct Doc {
    text: String,
    title: String,
    authors: Vec<String>,
    year: String,
    venue: String,
    doc_type: String,
    languages: Vec<String>,
    source: String,
}

impl Doc {
    fn catalog_entry(&self, file: &str) -> String {
        let list = |xs: &[String]| {
            xs.iter()
                .map(|x| toml_string(x))
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!(
            "\n[[document]]\nfile = {}\ntitle = {}\nauthors = [{}]\nyear = {}\nvenue = {}\ntype = {}\nlanguages = [{}]\nnote = {}\n",
            toml_string(file),
            toml_string(&self.title),
            list(&self.authors),
            self.year,
            toml_string(&self.venue),
            toml_string(&self.doc_type),
            list(&self.languages),
            toml_string(&format!("synthetic: remixed from seeds/{}", self.source)),
        )
    }
}

/// The text between blank (or whitespace-only) lines, each block's
/// whitespace collapsed to single spaces.
fn blocks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for line in text.lines().chain([""]) {
        if line.trim().is_empty() {
            if !words.is_empty() {
                out.push(words.join(" "));
                words.clear();
            }
        } else {
            words.extend(line.split_whitespace());
        }
    }
    out
}

/// Whether prose ends a sentence (`.`, `?`, `!`, maybe inside quotes).
fn ends_sentence(prose: &str) -> bool {
    let end = prose.trim_end_matches(['"', '”', '’', '\'', '»', ')']);
    end.ends_with(['.', '?', '!'])
}

/// The `languages = [...]` of `file`'s entry in the real catalog.
fn catalog_languages(catalog: &str, file: &str) -> Vec<String> {
    let entry = format!("file = \"{file}\"");
    catalog
        .split("[[document]]")
        .find(|e| e.contains(&entry))
        .and_then(|e| e.lines().find_map(|l| l.strip_prefix("languages = ")))
        .map(quoted_strings)
        .unwrap_or_else(|| vec!["en".to_string()])
}

/// The `"…"` strings of a TOML value (a string or an array of strings; the
/// seed catalog uses no escapes).
fn quoted_strings(value: &str) -> Vec<String> {
    value
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The text without its note markers (`<sup>n</sup>`); the remix places
/// its own.
fn strip_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<sup>") {
        out.push_str(&rest[..start]);
        match rest[start..].find("</sup>") {
            Some(end) => rest = &rest[start + end + "</sup>".len()..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Splits prose after `.`, `?` or `!` followed by a space and a capital,
/// unless the word before is an initial or abbreviation (`V.V. Putin`,
/// `U.S. policy`: fewer than three letters, or dotted inside).
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(3) {
        let [(i, end), (_, space), (_, next)] = [w[0], w[1], w[2]];
        if !matches!(end, '.' | '?' | '!') || space != ' ' || !next.is_uppercase() {
            continue;
        }
        let word = text[start..i].rsplit(' ').next().unwrap_or("");
        if word.chars().filter(|c| c.is_alphabetic()).count() < 3 || word.contains('.') {
            continue;
        }
        out.push(text[start..=i].to_string());
        start = i + 2;
    }
    if start < text.len() {
        out.push(text[start..].to_string());
    }
    out
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// SplitMix64: small, fast, and the same numbers on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5EED_A71A_5000_0001)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}
