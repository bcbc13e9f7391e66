//! Raw and gzip sizes of every file in `dist/`: size is a feature, so every
//! build prints it.

use std::path::Path;
use std::process::Command;

/// Files the page fetches only when a reader adds a document of their own
/// (the pipeline worker): not part of the first load, though the service
/// worker precaches them afterwards.
pub const ON_DEMAND: &[&str] = &["atlas-worker", "pipeline-worker"];

/// `true` for a file outside the first load (see [`ON_DEMAND`]).
pub fn on_demand(name: &str) -> bool {
    ON_DEMAND.iter().any(|prefix| name.starts_with(prefix))
}

/// Prints a table of `dist/` files with raw and `gzip -9` sizes, and the
/// first-load total (the budget's measure) apart from on-demand files.
pub fn print(dist: &Path) -> Result<(), String> {
    let (mut first, mut later) = ((0u64, 0u64), (0u64, 0u64));
    println!("{:<48} {:>10} {:>10}", "dist/ file", "bytes", "gzip -9");
    for file in measure(dist)? {
        let total = if on_demand(&file.name) {
            &mut later
        } else {
            &mut first
        };
        total.0 += file.raw;
        total.1 += file.gzip;
        let mark = if on_demand(&file.name) {
            " (on demand)"
        } else {
            ""
        };
        println!(
            "{:<48} {:>10} {:>10}",
            format!("{}{mark}", file.name),
            file.raw,
            file.gzip
        );
    }
    println!("{:<48} {:>10} {:>10}", "first load", first.0, first.1);
    println!(
        "{:<48} {:>10} {:>10}",
        "on demand (adding a document)", later.0, later.1
    );
    Ok(())
}

/// One file of `dist/` and its sizes in bytes.
pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
}

/// Raw and `gzip -9` sizes of the files in `dist`, sorted by name.
pub fn measure(dist: &Path) -> Result<Vec<FileSize>, String> {
    let mut entries: Vec<_> = std::fs::read_dir(dist)
        .map_err(|e| {
            format!(
                "cannot read {}: {e} (run `cargo xtask dist` first)",
                dist.display()
            )
        })?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    let mut files = Vec::new();
    for entry in entries {
        files.push(FileSize {
            name: entry.file_name().to_string_lossy().into_owned(),
            raw: entry.metadata().map(|m| m.len()).unwrap_or(0),
            gzip: gzip_size(&entry.path())?,
        });
    }
    Ok(files)
}

fn gzip_size(path: &Path) -> Result<u64, String> {
    let out = Command::new("gzip")
        .arg("-9c")
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    Ok(out.stdout.len() as u64)
}
