//! Raw and gzip sizes of every file in `dist/`: size is a feature, so every
//! build prints it.

use std::path::Path;
use std::process::Command;

/// Prints a table of `dist/` files with raw and `gzip -9` sizes.
pub fn print(dist: &Path) -> Result<(), String> {
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
    let (mut raw_total, mut gz_total) = (0u64, 0u64);
    println!("{:<48} {:>10} {:>10}", "dist/ file", "bytes", "gzip -9");
    for entry in entries {
        let path = entry.path();
        let raw = entry.metadata().map(|m| m.len()).unwrap_or(0);
        let gz = gzip_size(&path)?;
        raw_total += raw;
        gz_total += gz;
        println!(
            "{:<48} {raw:>10} {gz:>10}",
            entry.file_name().to_string_lossy()
        );
    }
    println!("{:<48} {raw_total:>10} {gz_total:>10}", "total");
    Ok(())
}

fn gzip_size(path: &Path) -> Result<u64, String> {
    let out = Command::new("gzip")
        .arg("-9c")
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    Ok(out.stdout.len() as u64)
}
