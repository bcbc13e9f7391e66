//! `cargo xtask fuzz [--minutes N] [--targets a,b] [--no-cmin]`: runs every
//! fuzz target in turn for N minutes (libFuzzer through cargo-fuzz, on the
//! nightly toolchain), then minimises its corpus, and prints executions,
//! coverage, corpus size and crashes per target. Exits non-zero when any
//! target crashed, naming the artifact to replay.
//!
//! Why a task: fuzzing found two real defects only after minutes of running
//! (overlapping highlight spans, a year range in the wrong note), so a run
//! must be one command with a report, not a recipe in a README. The
//! invariants themselves live in `crates/atlas-invariants`, and the stable
//! test suite replays the committed corpus, so CI needs no nightly.

use crate::{root, run_checked, setup};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// cargo-fuzz version installed when missing.
const CARGO_FUZZ: &str = "0.13.1";
/// The toolchain the targets build with (libFuzzer needs `-Z` flags). The
/// machine's rustup cannot fetch a dated nightly, so this is the installed
/// `nightly` channel; its version is printed with the report.
const TOOLCHAIN: &str = "nightly";
/// Every target, in the order they run.
const TARGETS: [&str; 4] = ["clean", "query", "url_filters", "filtered_search"];
/// Longest input libFuzzer generates: a page of text, a long query, a URL.
const MAX_LEN: &str = "4096";

/// What one target's run printed.
#[derive(Default)]
struct Report {
    target: String,
    seconds: f64,
    executions: u64,
    coverage: u64,
    features: u64,
    corpus_before: usize,
    corpus_after: usize,
    crash: Option<String>,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut minutes = 1.0f64;
    let mut targets: Vec<String> = TARGETS.iter().map(|t| t.to_string()).collect();
    let mut cmin = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--minutes" => {
                let v = it.next().ok_or("--minutes needs a number")?;
                minutes = v
                    .parse()
                    .map_err(|_| format!("--minutes {v:?} is not a number"))?;
            }
            "--targets" => {
                let v = it.next().ok_or("--targets needs a list")?;
                targets = v.split(',').map(str::to_string).collect();
                if let Some(t) = targets.iter().find(|t| !TARGETS.contains(&t.as_str())) {
                    return Err(format!("no fuzz target {t:?} (targets: {TARGETS:?})"));
                }
            }
            "--no-cmin" => cmin = false,
            other => return Err(format!("fuzz: unknown argument {other:?}")),
        }
    }
    tools()?;
    let fuzz = root().join("fuzz");
    let mut reports = Vec::new();
    for target in &targets {
        let report = run_target(&fuzz, target, minutes, cmin)?;
        reports.push(report);
    }
    print(&reports);
    let crashed: Vec<&Report> = reports.iter().filter(|r| r.crash.is_some()).collect();
    if crashed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} target(s) crashed: {}; replay with `cargo +{TOOLCHAIN} fuzz run TARGET ARTIFACT` in fuzz/, then add the input to fuzz/regressions/TARGET/",
            crashed.len(),
            crashed
                .iter()
                .map(|r| format!("{} ({})", r.target, r.crash.as_deref().unwrap_or("")))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
}

/// The nightly toolchain and cargo-fuzz, installed when missing.
fn tools() -> Result<(), String> {
    let nightly = Command::new("rustup")
        .args(["run", TOOLCHAIN, "rustc", "--version"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !nightly {
        println!("xtask: installing the {TOOLCHAIN} toolchain for the fuzz targets");
        run_checked(Command::new("rustup").args([
            "toolchain",
            "install",
            TOOLCHAIN,
            "--profile",
            "minimal",
        ]))?;
    }
    let version = Command::new("cargo")
        .args(["fuzz", "--version"])
        .env("PATH", setup::tool_path())
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    if !version.contains(CARGO_FUZZ) {
        println!("xtask: installing cargo-fuzz {CARGO_FUZZ}");
        run_checked(Command::new("cargo").args([
            "install",
            "--locked",
            "cargo-fuzz",
            "--version",
            CARGO_FUZZ,
        ]))?;
    }
    Ok(())
}

fn corpus_size(dir: &Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

fn run_target(fuzz: &Path, target: &str, minutes: f64, cmin: bool) -> Result<Report, String> {
    let corpus = fuzz.join("corpus").join(target);
    std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let mut report = Report {
        target: target.to_string(),
        corpus_before: corpus_size(&corpus),
        ..Report::default()
    };
    let seconds = (minutes * 60.0).round().max(1.0) as u64;
    let mut lib_args = vec![
        format!("-max_total_time={seconds}"),
        format!("-max_len={MAX_LEN}"),
        "-print_final_stats=1".to_string(),
    ];
    let dict = fuzz.join("dict").join(format!("{target}.dict"));
    if dict.exists() {
        lib_args.push(format!("-dict={}", dict.display()));
    }
    println!("xtask: fuzzing {target} for {seconds} s");
    let started = Instant::now();
    let mut cmd = Command::new("cargo");
    cmd.args([&format!("+{TOOLCHAIN}"), "fuzz", "run", target])
        .arg(&corpus)
        .arg("--")
        .args(&lib_args)
        .current_dir(fuzz)
        .env("PATH", setup::tool_path())
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped());
    let out = cmd
        .output()
        .map_err(|e| format!("cannot start cargo fuzz: {e}"))?;
    report.seconds = started.elapsed().as_secs_f64();
    let log = String::from_utf8_lossy(&out.stderr);
    parse_stats(&log, &mut report);
    if !out.status.success() {
        let artifact = log
            .lines()
            .find_map(|l| l.split("Test unit written to ").nth(1))
            .map(str::trim)
            .unwrap_or("no artifact named")
            .to_string();
        let tail: Vec<&str> = log.lines().rev().take(40).collect();
        eprintln!("{}", tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
        report.crash = Some(artifact);
        report.corpus_after = corpus_size(&corpus);
        return Ok(report);
    }
    if cmin {
        println!("xtask: minimising the {target} corpus");
        let status = Command::new("cargo")
            .args([&format!("+{TOOLCHAIN}"), "fuzz", "cmin", target])
            .arg(&corpus)
            .current_dir(fuzz)
            .env("PATH", setup::tool_path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| format!("cannot start cargo fuzz cmin: {e}"))?;
        if !status.success() {
            return Err(format!("cargo fuzz cmin {target} failed ({status})"));
        }
    }
    report.corpus_after = corpus_size(&corpus);
    Ok(report)
}

/// Reads libFuzzer's final stats and its last status line
/// (`#12345 DONE cov: 1234 ft: 5678 corp: …`).
fn parse_stats(log: &str, r: &mut Report) {
    let number = |line: &str, key: &str| -> Option<u64> {
        let rest = line.split(key).nth(1)?;
        rest.split_whitespace().next()?.parse().ok()
    };
    for line in log.lines() {
        if let Some(n) = number(line, "stat::number_of_executed_units:") {
            r.executions = n;
        }
        if line.starts_with('#') && line.contains("cov: ") {
            r.coverage = number(line, "cov: ").unwrap_or(r.coverage);
            r.features = number(line, "ft: ").unwrap_or(r.features);
        }
    }
}

fn print(reports: &[Report]) {
    let toolchain = Command::new("rustup")
        .args(["run", TOOLCHAIN, "rustc", "--version"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    println!("\nfuzz report ({toolchain}, cargo-fuzz {CARGO_FUZZ}, -max_len={MAX_LEN})");
    println!(
        "{:<16} {:>8} {:>12} {:>8} {:>7} {:>8} {:>15}  result",
        "target", "wall min", "executions", "exec/s", "cov", "ft", "corpus"
    );
    for r in reports {
        let rate = r.executions as f64 / r.seconds.max(1e-9);
        println!(
            "{:<16} {:>8.1} {:>12} {:>8.0} {:>7} {:>8} {:>7} → {:<5}  {}",
            r.target,
            r.seconds / 60.0,
            r.executions,
            rate,
            r.coverage,
            r.features,
            r.corpus_before,
            r.corpus_after,
            r.crash
                .as_deref()
                .map_or("0 crashes".to_string(), |a| format!("CRASH {a}"))
        );
    }
}
