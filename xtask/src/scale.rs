//! `cargo xtask bench-scale [--factors 1,10,100] [--runs 3]`: what a bigger
//! corpus costs. The app embeds its whole corpus and index in the wasm, so
//! every number below grows with the corpus; this measures how fast, on
//! synthetic corpora of N× the seeds (`synth.rs`), before real papers make
//! the question urgent. A benchmark, not a test: it reports, never fails
//! on a number.
//!
//! Per corpus: a timed release build into `target/scale/<label>/` (never
//! `dist/`), the `dist/` sizes (`sizes.rs`), start-up, query latency and
//! wasm memory in headless Chromium (`end2end/bench/scale.mjs`), and the
//! engine natively (`crates/atlas-core/benches/search.rs` with
//! `ATLAS_SEEDS`: pipeline time, decode time, query p50/p95). The real
//! seeds go first: that build compiles every dependency, so each later
//! build time is what a corpus change costs (build.rs's pipeline, the app
//! crate with its embedded bytes, wasm-bindgen, wasm-opt), and its row is
//! the yardstick for the synthetic ones. A step that fails is reported
//! under the tables and the next corpus is measured anyway.

use crate::{dist_over, root, setup, sizes, synth};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

/// The numbers of one corpus; a step that failed leaves its part empty.
#[derive(Default)]
struct Row {
    label: String,
    docs: usize,
    text_bytes: u64,
    build_secs: Option<f64>,
    /// Total and wasm-only `gzip -9` bytes of `dist/`.
    gzip: Option<(u64, u64)>,
    /// `scale: key=value` from scale.mjs.
    browser: BTreeMap<String, f64>,
    /// The native bench's figures (see `native`).
    native: BTreeMap<&'static str, f64>,
    problems: Vec<String>,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut factors = vec![1, 10, 100];
    let mut runs = 3;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--factors", Some(v)) => factors = parse_factors("bench-scale", v)?,
            ("--runs", Some(v)) => {
                runs = v
                    .parse()
                    .map_err(|_| format!("bench-scale: bad --runs {v:?}"))?
            }
            _ => return Err(format!("bench-scale: unknown argument {arg:?}")),
        }
    }
    setup::install(setup::Scope::All)?;
    let mut rows = vec![measure("seeds", &root().join("seeds"), runs)];
    for n in factors {
        let dir = synth::default_dir(n);
        match synth::write(n, &dir) {
            Ok(()) => rows.push(measure(&format!("{n}"), &dir, runs)),
            Err(e) => rows.push(Row {
                label: format!("{n}"),
                problems: vec![format!("synth: {e}")],
                ..Row::default()
            }),
        }
        // Reprinted after each corpus, so a long run shows results early.
        print_tables(&rows);
    }
    Ok(())
}

/// The corpus sizes of `--factors 1,10,100` (positive integers), or an
/// error naming `task`.
pub fn parse_factors(task: &str, v: &str) -> Result<Vec<usize>, String> {
    v.split(',')
        .map(|f| f.trim().parse::<usize>().ok().filter(|&n| n > 0))
        .collect::<Option<_>>()
        .ok_or(format!("{task}: bad --factors {v:?} (want e.g. 1,10,100)"))
}

/// Builds, sizes and benchmarks the app over the seed folder `seeds`.
fn measure(label: &str, seeds: &Path, runs: usize) -> Row {
    let (docs, text_bytes) = synth::folder_text(seeds);
    let mut row = Row {
        label: label.to_string(),
        docs,
        text_bytes,
        ..Row::default()
    };
    let out = root().join("target/scale").join(label);
    println!(
        "xtask: bench-scale {label}: release build over {}",
        seeds.display()
    );
    match dist_over(seeds, &out, &[]) {
        Ok(secs) => row.build_secs = Some(secs),
        Err(e) => {
            row.problems.push(format!("build: {e}"));
            return row;
        }
    }
    match sizes::measure(&out) {
        Ok(files) => {
            let total = files.iter().map(|f| f.gzip).sum();
            let wasm = files
                .iter()
                .filter(|f| f.name.ends_with(".wasm"))
                .map(|f| f.gzip)
                .sum();
            row.gzip = Some((total, wasm));
        }
        Err(e) => row.problems.push(format!("sizes: {e}")),
    }
    match browser(&out, runs) {
        Ok(numbers) => row.browser = numbers,
        Err(e) => row.problems.push(format!("browser: {e}")),
    }
    match native(seeds) {
        Ok(numbers) => row.native = numbers,
        Err(e) => row.problems.push(format!("native bench: {e}")),
    }
    row
}

/// Runs `cmd`, echoing and returning its stdout (stderr passes through).
fn output_of(cmd: &mut Command) -> Result<String, String> {
    let shown = format!("{cmd:?}");
    let out = cmd
        .env("PATH", setup::tool_path())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    print!("{text}");
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!("{shown} failed ({})", out.status))
    }
}

fn browser(dist: &Path, runs: usize) -> Result<BTreeMap<String, f64>, String> {
    let text = output_of(
        Command::new("node")
            .arg("bench/scale.mjs")
            .current_dir(root().join("end2end"))
            .env("DIST_DIR", dist)
            .env("RUNS", runs.to_string())
            .env("THROTTLE", "1"),
    )?;
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("scale: "))
        .ok_or("scale.mjs printed no `scale:` line")?;
    Ok(line
        .split(' ')
        .filter_map(|kv| kv.split_once('='))
        .filter_map(|(k, v)| Some((k.to_string(), v.parse().ok()?)))
        .collect())
}

/// The engine natively: the Criterion bench's own percentile pass over
/// `seeds`, and only its index-decode benchmark (the filter argument).
fn native(seeds: &Path) -> Result<BTreeMap<&'static str, f64>, String> {
    let text = output_of(
        Command::new("cargo")
            .args([
                "bench",
                "-p",
                "atlas-core",
                "--bench",
                "search",
                "--",
                "index/from_bytes",
            ])
            .current_dir(root())
            .env("ATLAS_SEEDS", seeds),
    )?;
    let mut numbers = BTreeMap::new();
    for line in text.lines() {
        let values = numbers_in(line);
        let keys: &[&'static str] = match line.split_whitespace().next() {
            // pipeline: 500 documents, corpus built in 52.13 s, index in 10.36 s
            Some("pipeline:") => &["docs", "corpus_s", "index_s"],
            // start-up: corpus 23465663 bytes postcard, decoded in 41.8 ms; facet table built in 46.9 ms
            Some("start-up:") => &["corpus_bytes", "corpus_decode_ms", "facets_ms"],
            // index: 5700798 bytes postcard, decoded in 23316 µs
            Some("index:") => &["index_bytes", "index_decode_us"],
            // | all | 120 | 422 | 4767 | 52910 |   (µs)
            _ if line.starts_with("| all |") => &["queries", "p50_us", "p95_us", "max_us"],
            _ => &[],
        };
        numbers.extend(keys.iter().copied().zip(values));
    }
    Ok(numbers)
}

/// The numbers in a line of text, in order.
fn numbers_in(line: &str) -> Vec<f64> {
    line.split([' ', '|'])
        .filter_map(|w| w.trim_end_matches([',', ';']).parse().ok())
        .collect()
}

fn print_tables(rows: &[Row]) {
    let mb = |bytes: f64| bytes / 1e6;
    let cell = |value: Option<f64>, decimals: usize| {
        value.map_or("—".to_string(), |v| format!("{v:.decimals$}"))
    };
    println!("\n## Scale: N × the seeds (N = seeds is the real corpus)\n");
    println!("| N | text MB | docs | build s | dist gzip KB (wasm gzip KB) | start-up shown / interactive ms | query p50 / p95 ms | wasm memory MB (start / after queries) |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for row in rows {
        let b = |key: &str| row.browser.get(key).copied();
        println!(
            "| {} | {:.1} | {} | {} | {} | {} / {} | {} / {} | {} / {} |",
            row.label,
            mb(row.text_bytes as f64),
            row.docs,
            cell(row.build_secs, 0),
            row.gzip.map_or("—".to_string(), |(total, wasm)| format!(
                "{} ({})",
                total / 1024,
                wasm / 1024
            )),
            cell(b("shown"), 0),
            cell(b("interactive"), 0),
            cell(b("search_p50"), 1),
            cell(b("search_p95"), 1),
            cell(b("mem_start").map(|m| m / 1048576.0), 0),
            cell(b("mem_after").map(|m| m / 1048576.0), 0),
        );
    }
    println!("\nWhere the time goes (browser: medians of start-up runs; native: `cargo bench --bench search`, bench profile):\n");
    println!("| N | wasm downloaded ms | wasm started ms | longest start-up task ms | select p50 / p95 ms | native pipeline s (corpus + index) | embedded MB (corpus + index) | native decode ms (corpus + index) + facets ms | native query p50 / p95 ms |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for row in rows {
        let b = |key: &str| row.browser.get(key).copied();
        let n = |key: &str| row.native.get(key).copied();
        println!(
            "| {} | {} | {} | {} | {} / {} | {} + {} | {} + {} | {} + {} + {} | {} / {} |",
            row.label,
            cell(b("wasm_fetched"), 0),
            cell(b("started"), 0),
            cell(b("longest_task"), 0),
            cell(b("select_p50"), 1),
            cell(b("select_p95"), 1),
            cell(n("corpus_s"), 1),
            cell(n("index_s"), 1),
            cell(n("corpus_bytes").map(mb), 1),
            cell(n("index_bytes").map(mb), 1),
            cell(n("corpus_decode_ms"), 1),
            cell(n("index_decode_us").map(|us| us / 1e3), 1),
            cell(n("facets_ms"), 1),
            cell(n("p50_us").map(|us| us / 1e3), 2),
            cell(n("p95_us").map(|us| us / 1e3), 2),
        );
    }
    for row in rows {
        for problem in &row.problems {
            println!("\n- N = {}: {problem}", row.label);
        }
    }
    println!();
}
