//! Installs what the project needs, skipping whatever is already there at
//! the right version. What works on this kind of machine (and what fails) is
//! recorded in `../shared/TOOLCHAIN.md`: Trunk must never download tools, so
//! every tool it uses is installed here and found on PATH.

use crate::{root, run_checked};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Trunk 0.22 needs a newer rustc than this machine has.
const TRUNK_VERSION_REQ: &str = "~0.21";
const TRUNK_VERSION_PREFIX: &str = "trunk 0.21.";
/// Must equal `wasm-bindgen` in Cargo.toml/Cargo.lock and `[tools]` in Trunk.toml.
const WASM_BINDGEN_VERSION: &str = "0.2.130";
/// npm `binaryen@132`; Debian's binaryen 108 produces broken modules.
const BINARYEN_VERSION: &str = "132";

/// How much to install.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// What building and serving the app needs.
    Build,
    /// Also Chromium, which a release build uses to pre-render the library
    /// into index.html (tools/prerender.mjs).
    Release,
    /// Also what the browser tests need (npm packages).
    All,
}

/// Where installs that outlive a checkout are cached (one per version).
pub fn cache_dir() -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| root().join("target"));
    base.join("far-east-atlas")
}

fn binaryen_dir() -> PathBuf {
    cache_dir().join(format!("binaryen-{BINARYEN_VERSION}"))
}

/// PATH with cargo's bin folder and the npm wasm-opt in front.
pub fn tool_path() -> std::ffi::OsString {
    let mut dirs = vec![binaryen_dir().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

/// Installs what `scope` needs.
pub fn install(scope: Scope) -> Result<(), String> {
    wasm_target()?;
    tool("trunk", &["--version"], TRUNK_VERSION_PREFIX, || {
        run_checked(Command::new("cargo").args([
            "install",
            "--locked",
            "trunk",
            "--version",
            TRUNK_VERSION_REQ,
        ]))
    })?;
    tool(
        "wasm-bindgen",
        &["--version"],
        &format!("wasm-bindgen {WASM_BINDGEN_VERSION}"),
        || {
            // `--locked` fails for this crate (its lockfile pins a yanked version).
            run_checked(Command::new("cargo").args([
                "install",
                "--force",
                "wasm-bindgen-cli",
                "--version",
                WASM_BINDGEN_VERSION,
            ]))
        },
    )?;
    tool(
        "wasm-opt",
        &["--version"],
        &format!("version_{BINARYEN_VERSION}"),
        || {
            let dir = binaryen_dir();
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            run_checked(
                Command::new("npm")
                    .args(["install", "--no-audit", "--no-fund", "--prefix"])
                    .arg(&dir)
                    .arg(format!("binaryen@{BINARYEN_VERSION}")),
            )
        },
    )?;
    if scope != Scope::Build {
        chromium()?;
    }
    if scope == Scope::All {
        end2end_packages()?;
    }
    Ok(())
}

/// Output of `program args` (stdout and stderr), if it runs at all.
fn version_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .env("PATH", tool_path())
        .output()
        .ok()?;
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    Some(text)
}

fn tool(
    program: &str,
    args: &[&str],
    expect: &str,
    install: impl FnOnce() -> Result<(), String>,
) -> Result<(), String> {
    if let Some(v) = version_of(program, args).filter(|v| v.contains(expect)) {
        println!(
            "xtask: {program} ok ({})",
            v.lines().next().unwrap_or("").trim()
        );
        return Ok(());
    }
    println!("xtask: installing {program} ({expect}) — this can take several minutes, once");
    install()?;
    match version_of(program, args) {
        Some(v) if v.contains(expect) => Ok(()),
        other => Err(format!(
            "{program} still not at {expect} after installing (it says: {:?})",
            other.unwrap_or_default().trim()
        )),
    }
}

fn wasm_target() -> Result<(), String> {
    let installed = version_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("xtask: wasm32-unknown-unknown target ok");
        return Ok(());
    }
    println!("xtask: adding the wasm32-unknown-unknown target");
    run_checked(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The browser tests drive Debian's Chromium (a test tool's own browser
/// download cannot work here).
pub fn chromium_path() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

fn chromium() -> Result<(), String> {
    let path = chromium_path();
    if let Some(v) =
        version_of(&path.to_string_lossy(), &["--version"]).filter(|v| v.contains("Chromium"))
    {
        println!(
            "xtask: chromium ok ({})",
            v.lines().next().unwrap_or("").trim()
        );
        return Ok(());
    }
    println!("xtask: installing Debian chromium (apt-get)");
    run_checked(Command::new("apt-get").arg("update"))?;
    run_checked(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "chromium"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// `npm ci` in end2end/ when package-lock.json changed since the last install.
fn end2end_packages() -> Result<(), String> {
    npm_packages("end2end")
}

/// `npm ci` in the folder `dir` (relative to the root) when its
/// package-lock.json changed since the last install there.
pub fn npm_packages(dir: &str) -> Result<(), String> {
    let dir = root().join(dir);
    let lock = read(&dir.join("package-lock.json"))?;
    let marker = dir.join("node_modules/.installed-from-lock.json");
    if std::fs::read(&marker).ok().as_deref() == Some(lock.as_slice()) {
        println!("xtask: npm packages in {} ok", dir.display());
        return Ok(());
    }
    println!(
        "xtask: installing npm packages in {} (npm ci)",
        dir.display()
    );
    run_checked(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir),
    )?;
    std::fs::write(&marker, &lock).map_err(|e| format!("cannot write {}: {e}", marker.display()))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}
