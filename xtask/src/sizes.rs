//! Raw and gzip sizes of every file in `dist/`: size is a feature, so every
//! build prints it.

use std::path::Path;
use std::process::Command;

/// Prints a table of `dist/` files with raw and `gzip -9` sizes.
pub fn print(dist: &Path) -> Result<(), String> {
    let (mut raw_total, mut gz_total) = (0u64, 0u64);
    println!("{:<48} {:>10} {:>10}", "dist/ file", "bytes", "gzip -9");
    for file in measure(dist)? {
        raw_total += file.raw;
        gz_total += file.gzip;
        println!("{:<48} {:>10} {:>10}", file.name, file.raw, file.gzip);
    }
    println!("{:<48} {raw_total:>10} {gz_total:>10}", "total");
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
