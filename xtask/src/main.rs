//! `cargo xtask <task>`: the project's one entry point for setup, serving,
//! building and testing. Plain `std` only, so it compiles in seconds on a
//! fresh machine before anything else is installed.
//!
//! Every install step checks the installed version first and is skipped when
//! it matches, so a second run takes seconds. Versions are pinned here and
//! must agree with `Cargo.toml` (wasm-bindgen) and `Trunk.toml` ([tools]).

mod fuzz;
mod gazetteer;
mod invariants;
mod peers;
mod scale;
mod setup;
mod sizes;
mod synth;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  setup   install what is missing (wasm target, Trunk, wasm-bindgen, wasm-opt, Chromium, npm packages)
  serve   set up, then serve the app with live reload on http://127.0.0.1:8080 (extra args go to trunk)
  dist    set up, then build the release dist/ (relative URLs) and print file sizes
  test    set up, then run every test: native cargo tests, the release build, browser tests on dist/
  invariants  check the architecture's mechanical invariants (ARCHITECTURE.md): model imports nothing else, src/ never cleans or annotates, atlas-core has no web dependency
  sizes   print raw and gzip sizes of the files in dist/
  bench   engine query latency (Criterion, per query class), dist/ sizes, start-up (and where its main-thread time goes), keystroke-to-paint latency, and the seeds' bench-peers, in Chromium
  lighthouse  Lighthouse scores (mobile and desktop profiles) of the release dist/ in Debian Chromium
  gazetteer  regenerate data/gazetteer-geonames.tsv from pinned GeoNames and Natural Earth packages
  fuzz [--minutes N] [--targets a,b] [--no-cmin]  run each fuzz target N minutes (nightly, cargo-fuzz), minimise its corpus, report executions, coverage, crashes
  fuzz-browser [--minutes N] [--seed S]  the hostile-input sweep of the browser entry points, N minutes per entry point, on the release dist/
  synth --factor N [--out DIR]      a synthetic seed folder of N x the seeds (default target/synth/xN/)
  bench-scale [--factors 1,10,100]  build, size, start-up, query latency and memory per synthetic corpus size
  bench-peers [--factors 1,10,100]  our search beside MiniSearch and FlexSearch in one Chromium page, same passages and queries (default: the seeds)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::install(setup::Scope::All),
        Some("serve") => serve(&args[1..]),
        Some("dist") => dist().map(|_| ()),
        Some("test") => test(),
        Some("invariants") => {
            invariants::check(&root()).map(|n| println!("xtask: {n} invariants hold"))
        }
        Some("sizes") => sizes::print(&root().join("dist")),
        Some("bench") => bench(),
        Some("lighthouse") => lighthouse(),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("fuzz-browser") => fuzz_browser(&args[1..]),
        Some("synth") => synth::run(&args[1..]),
        Some("gazetteer") => gazetteer::run(),
        Some("bench-scale") => scale::run(&args[1..]),
        Some("bench-peers") => peers::run(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Runs a command in the workspace root with the tool PATH; fails with its
/// command line if it does not succeed.
pub fn run_checked(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let status = cmd
        .current_dir_if_unset()
        .env("PATH", setup::tool_path())
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

trait CurrentDirIfUnset {
    fn current_dir_if_unset(&mut self) -> &mut Self;
}

impl CurrentDirIfUnset for Command {
    fn current_dir_if_unset(&mut self) -> &mut Self {
        if self.get_current_dir().is_none() {
            self.current_dir(root());
        }
        self
    }
}

fn serve(extra: &[String]) -> Result<(), String> {
    setup::install(setup::Scope::Build)?;
    println!("xtask: serving on http://127.0.0.1:8080/ (Ctrl-C to stop)");
    run_checked(Command::new("trunk").arg("serve").args(extra))
}

pub fn dist() -> Result<PathBuf, String> {
    setup::install(setup::Scope::Release)?;
    let started = Instant::now();
    run_checked(Command::new("trunk").args(["build", "--release"]))?;
    println!(
        "xtask: release build in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    let dist = root().join("dist");
    sizes::print(&dist)?;
    Ok(dist)
}

/// A release build of the app over a fixture seed folder
/// (`end2end/fixtures/NAME`, via `ATLAS_SEEDS`) into `target/fixture-dist/NAME`,
/// for browser tests that need a corpus `seeds/` must never hold, with the
/// test-only hooks of `ATLAS_TEST_HOOKS` (e.g. triggering a panic). Built
/// after `dist()`, so only the app crate and its build script run again.
fn fixture_dist(name: &str) -> Result<PathBuf, String> {
    let seeds = root().join("end2end/fixtures").join(name);
    let out = root().join("target/fixture-dist").join(name);
    let secs = dist_over(&seeds, &out, &[("ATLAS_TEST_HOOKS", "1")])?;
    println!("xtask: fixture build {name} in {secs:.1}s");
    Ok(out)
}

/// A release build of the app over the seed folder `seeds` (via
/// `ATLAS_SEEDS`) into `out`, never touching `dist/`; returns its wall-clock
/// seconds.
pub fn dist_over(seeds: &Path, out: &Path, env: &[(&str, &str)]) -> Result<f64, String> {
    let started = Instant::now();
    let mut cmd = Command::new("trunk");
    cmd.args(["build", "--release", "--dist"])
        .arg(out)
        .env("ATLAS_SEEDS", seeds);
    for (key, value) in env {
        cmd.env(key, value);
    }
    run_checked(&mut cmd)?;
    Ok(started.elapsed().as_secs_f64())
}

fn test() -> Result<(), String> {
    let total = Instant::now();
    setup::install(setup::Scope::All)?;
    let mut phases = vec![("setup", total.elapsed().as_secs_f64())];

    let started = Instant::now();
    let held = invariants::check(&root())?;
    println!("xtask: {held} architecture invariants hold");
    phases.push(("invariants", started.elapsed().as_secs_f64()));

    let started = Instant::now();
    run_checked(Command::new("cargo").args(["test", "--workspace", "--all-targets"]))?;
    phases.push(("native tests", started.elapsed().as_secs_f64()));

    let started = Instant::now();
    let dist = dist()?;
    phases.push(("release build", started.elapsed().as_secs_f64()));

    let started = Instant::now();
    let hostile = fixture_dist("hostile-seeds")?;
    phases.push(("fixture build", started.elapsed().as_secs_f64()));

    let started = Instant::now();
    let end2end = root().join("end2end");
    run_checked(
        Command::new("node")
            .args([
                "--test",
                "--test-concurrency=1",
                // Also bounds each test *file* when a folder is run: the
                // accessibility file alone runs axe on 40 views.
                "--test-timeout=600000",
                "tests/",
            ])
            .current_dir(&end2end)
            .env("DIST_DIR", &dist)
            .env("HOSTILE_DIST_DIR", &hostile),
    )?;
    phases.push(("browser tests", started.elapsed().as_secs_f64()));

    println!(
        "xtask: all tests passed in {:.1}s",
        total.elapsed().as_secs_f64()
    );
    for (phase, secs) in phases {
        println!("xtask:   {phase:<14} {secs:>7.1}s");
    }
    Ok(())
}

/// The browser entry points' hostile-input sweep
/// (end2end/tests/hostile_fuzz.test.mjs) run for N minutes per entry point
/// with a chosen seed, on a fresh release build.
fn fuzz_browser(args: &[String]) -> Result<(), String> {
    let mut minutes = String::from("1");
    let mut seed = String::from("20261204");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = |v: Option<&String>| v.cloned().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--minutes" => minutes = value(it.next())?,
            "--seed" => seed = value(it.next())?,
            other => return Err(format!("fuzz-browser: unknown argument {other:?}")),
        }
    }
    for (name, v) in [("--minutes", &minutes), ("--seed", &seed)] {
        if v.parse::<f64>().is_err() {
            return Err(format!("{name} {v:?} is not a number"));
        }
    }
    setup::install(setup::Scope::All)?;
    let dist = dist()?;
    run_checked(
        Command::new("node")
            .args(["--test", "--test-timeout=0", "tests/hostile_fuzz.test.mjs"])
            .current_dir(root().join("end2end"))
            .env("DIST_DIR", &dist)
            .env("ATLAS_FUZZ_MINUTES", &minutes)
            .env("ATLAS_FUZZ_SEED", &seed),
    )
}

/// Benchmarks, not tests: numbers to report, never pass/fail on time.
fn bench() -> Result<(), String> {
    setup::install(setup::Scope::All)?;
    run_checked(Command::new("cargo").args(["bench", "-p", "atlas-core", "--bench", "search"]))?;
    let dist = dist()?;
    let end2end = root().join("end2end");
    for script in [
        "bench/startup.mjs",
        "bench/floor.mjs",
        "bench/typing.mjs",
        "bench/scroll.mjs",
    ] {
        run_checked(
            Command::new("node")
                .arg(script)
                .current_dir(&end2end)
                .env("DIST_DIR", &dist),
        )?;
    }
    setup::npm_packages("end2end/bench/peers")?;
    peers::measure("seeds", &root().join("seeds"), &dist)
}

/// Lighthouse against the release build. Its npm packages live apart from
/// the browser tests' (end2end/lighthouse/), so the test suite never
/// installs them.
fn lighthouse() -> Result<(), String> {
    setup::install(setup::Scope::All)?;
    setup::npm_packages("end2end/lighthouse")?;
    let dist = dist()?;
    run_checked(
        Command::new("node")
            .arg("run.mjs")
            .current_dir(root().join("end2end/lighthouse"))
            .env("DIST_DIR", &dist),
    )
}
