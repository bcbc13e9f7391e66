//! `cargo xtask bench-peers [--factors 1,10,100]`: our search beside
//! MiniSearch and FlexSearch in one Chromium page, over the same passages
//! and queries (`end2end/bench/peers.mjs`; the peers are pinned npm packages
//! in `end2end/bench/peers/`, installed only here, never shipped). Factor 1
//! is the seeds and `dist/`; a factor N is the synthetic corpus of N× the
//! seeds (`synth.rs`) built into `target/scale/N/`, as `bench-scale` does.
//! A benchmark: it prints numbers and fails only when a step cannot run.

use crate::{dist, dist_over, root, run_checked, scale, setup, synth};
use std::path::Path;
use std::process::Command;

pub fn run(args: &[String]) -> Result<(), String> {
    let mut factors = vec![1];
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--factors", Some(v)) => factors = scale::parse_factors("bench-peers", v)?,
            _ => return Err(format!("bench-peers: unknown argument {arg:?}")),
        }
    }
    setup::install(setup::Scope::All)?;
    setup::npm_packages("end2end/bench/peers")?;
    for n in factors {
        if n == 1 {
            let dist = dist()?;
            measure("seeds", &root().join("seeds"), &dist)?;
        } else {
            let seeds = synth::default_dir(n);
            synth::write(n, &seeds)?;
            let out = root().join("target/scale").join(n.to_string());
            let secs = dist_over(&seeds, &out, &[])?;
            println!("xtask: bench-peers {n}x: release build in {secs:.1}s");
            measure(&format!("{n}x"), &seeds, &out)?;
        }
    }
    Ok(())
}

/// Lists the passages of `seeds` with the CLI and runs the page benchmark
/// on `dist`.
pub fn measure(label: &str, seeds: &Path, dist: &Path) -> Result<(), String> {
    let passages = root().join("target/peers").join(format!("{label}.json"));
    std::fs::create_dir_all(root().join("target/peers"))
        .map_err(|e| format!("cannot create target/peers: {e}"))?;
    let out = Command::new("cargo")
        .args([
            "run",
            "-q",
            "--release",
            "-p",
            "atlas-cli",
            "--",
            "passages",
            "--json",
            "--seeds",
        ])
        .arg(seeds)
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot run atlas passages: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "atlas passages --seeds {} failed: {}",
            seeds.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    std::fs::write(&passages, &out.stdout)
        .map_err(|e| format!("cannot write {}: {e}", passages.display()))?;
    println!("xtask: bench-peers {label}");
    run_checked(
        Command::new("node")
            .arg("bench/peers.mjs")
            .current_dir(root().join("end2end"))
            .env("DIST_DIR", dist)
            .env("PASSAGES", &passages),
    )
}
