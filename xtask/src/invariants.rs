//! The architecture's invariants that can be checked mechanically, run
//! first by `cargo xtask test` (and alone by `cargo xtask invariants`).
//! Each is stated in ARCHITECTURE.md as "X never depends on Y"; a check
//! here fails, naming the file and line, when the code says otherwise.
//!
//! They read source text and `cargo tree`, not compiled code: cheap enough
//! to run before anything is built, and plain enough to read. A `use` that
//! a comment mentions does not count (comments are skipped).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates that only make sense in a browser. The core must build and test
/// natively, so none of them may reach it, even transitively.
const WEB_CRATES: [&str; 6] = [
    "wasm-bindgen",
    "web-sys",
    "js-sys",
    "leptos",
    "gloo",
    "wasm-bindgen-futures",
];

/// Modules of atlas-core that read text to annotate or clean it: the app
/// (`src/`) renders what `build.rs` embedded and never calls them. The
/// reader's own documents go through them in the worker
/// (`crates/atlas-worker`), not in `src/`.
const TEXT_MODULES: [&str; 6] = [
    "atlas_core::annotate",
    "atlas_core::clean",
    "atlas_core::pipeline",
    "atlas_core::source",
    "atlas_core::analysis",
    "atlas_core::front_matter",
];

/// The atlas-core modules that read files, all at build time or in the
/// CLI: seeds, the catalog, eval gold and the base map's sources. The
/// annotators' data is embedded at compile time, so nothing else (and
/// nothing the app runs) touches the file system.
const FILE_READERS: [&str; 5] = [
    "source.rs",
    "catalog.rs",
    "eval.rs",
    "eval_search.rs",
    "geo/basemap/build.rs",
];

/// The one atlas-core module that embeds the curated `data/` files.
const DATA_EMBEDDER: &str = "bundled.rs";

/// How many invariants [`check`] checks.
const CHECKS: usize = 5;

/// One broken invariant: where, and what it says.
#[derive(Debug, PartialEq, Eq)]
pub struct Breach {
    /// `path:line`.
    pub at: String,
    /// The rule and the offending text.
    pub what: String,
}

/// Runs every check: the number of invariants that hold, or an error
/// listing every breach.
pub fn check(root: &Path) -> Result<usize, String> {
    let mut breaches = Vec::new();
    let model = root.join("crates/atlas-core/src/model");
    let mut model_files = rust_files(&model);
    model_files.push(root.join("crates/atlas-core/src/model.rs"));
    for file in &model_files {
        breaches.extend(model_imports(root, file)?);
    }
    for file in rust_files(&root.join("src")) {
        breaches.extend(app_uses_text_modules(root, &file)?);
    }
    let core = root.join("crates/atlas-core/src");
    for file in rust_files(&core) {
        breaches.extend(reads_files(&core, &file)?);
        breaches.extend(embeds_data(&core, &file)?);
    }
    breaches.extend(web_dependencies(root)?);
    if breaches.is_empty() {
        return Ok(CHECKS);
    }
    let list: Vec<String> = breaches
        .iter()
        .map(|b| format!("  {}: {}", b.at, b.what))
        .collect();
    Err(format!(
        "architecture invariants broken ({}):\n{}",
        breaches.len(),
        list.join("\n")
    ))
}

/// "The model depends on no other module of atlas-core": every `crate::`
/// path in `model/` stays under `crate::model`.
fn model_imports(root: &Path, file: &Path) -> Result<Vec<Breach>, String> {
    let text = read(file)?;
    Ok(code_lines(&text)
        .filter_map(|(n, line)| {
            let outside = crate_paths(line).find(|p| !p.starts_with("crate::model"))?;
            Some(Breach {
                at: format!("{}:{n}", shown(root, file)),
                what: format!("the model depends on no other module, but uses `{outside}`"),
            })
        })
        .collect())
}

/// "Nothing in `src/` cleans or annotates text".
fn app_uses_text_modules(root: &Path, file: &Path) -> Result<Vec<Breach>, String> {
    let text = read(file)?;
    Ok(code_lines(&text)
        .filter_map(|(n, line)| {
            let module = TEXT_MODULES.iter().find(|m| uses_module(line, m))?;
            Some(Breach {
                at: format!("{}:{n}", shown(root, file)),
                what: format!("the app never cleans or annotates text, but uses `{module}`"),
            })
        })
        .collect())
}

/// "Only the modules of [`FILE_READERS`] read files" (test modules, from
/// the file's `#[cfg(test)]` on, may).
fn reads_files(core: &Path, file: &Path) -> Result<Vec<Breach>, String> {
    let rule = format!("only {} read files", FILE_READERS.join(", "));
    outside_modules(core, file, &FILE_READERS, &["std::fs", "File::open"], &rule)
}

/// "Only `bundled.rs` embeds files": no other module reaches out of the
/// crate with `include_str!` or `include_bytes!`.
fn embeds_data(core: &Path, file: &Path) -> Result<Vec<Breach>, String> {
    let rule = format!("only {DATA_EMBEDDER} embeds the data files");
    outside_modules(
        core,
        file,
        &[DATA_EMBEDDER],
        &["include_str!", "include_bytes!"],
        &rule,
    )
}

/// The code lines of an atlas-core file not in `allowed` that name one of
/// `needles`, before its test module, each as a breach of `rule`.
fn outside_modules(
    core: &Path,
    file: &Path,
    allowed: &[&str],
    needles: &[&str],
    rule: &str,
) -> Result<Vec<Breach>, String> {
    let name = shown(core, file);
    if allowed.contains(&name.as_str()) {
        return Ok(Vec::new());
    }
    let text = read(file)?;
    Ok(code_lines(&text)
        .take_while(|(_, line)| !line.contains("#[cfg(test)]"))
        .filter(|(_, line)| needles.iter().any(|needle| line.contains(needle)))
        .map(|(n, _)| Breach {
            at: format!("crates/atlas-core/src/{name}:{n}"),
            what: rule.to_string(),
        })
        .collect())
}

/// "atlas-core has no web dependency", from `cargo tree`.
fn web_dependencies(root: &Path) -> Result<Vec<Breach>, String> {
    let out = Command::new("cargo")
        .args([
            "tree",
            "-p",
            "atlas-core",
            "-e",
            "normal,build",
            "--prefix",
            "none",
            "--offline",
        ])
        .current_dir(root)
        .output()
        .map_err(|e| format!("cannot run cargo tree: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo tree -p atlas-core failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(web_crates_in(&String::from_utf8_lossy(&out.stdout)))
}

/// The web crates a `cargo tree --prefix none` listing names.
fn web_crates_in(tree: &str) -> Vec<Breach> {
    let mut found: Vec<Breach> = tree
        .lines()
        .filter_map(|line| {
            let name = line.split_whitespace().next()?;
            let web = WEB_CRATES.iter().any(|w| {
                name == *w
                    || name.starts_with(&format!("{w}-"))
                    || name.starts_with(&format!("{w}_"))
            });
            web.then(|| Breach {
                at: "crates/atlas-core/Cargo.toml".to_string(),
                what: format!("atlas-core has no web dependency, but depends on `{name}`"),
            })
        })
        .collect();
    found.dedup();
    found
}

/// Lines that hold code, 1-based, with comments and string-free
/// `//` tails cut off.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let code = match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        };
        (!code.trim().is_empty()).then_some((i + 1, code))
    })
}

/// Every `crate::a::b` path a line names.
fn crate_paths(line: &str) -> impl Iterator<Item = &str> {
    line.match_indices("crate::").filter_map(move |(at, _)| {
        let before = line[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return None; // `atlas_crate::` or similar
        }
        let end = line[at..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .map_or(line.len(), |e| at + e);
        Some(line[at..end].trim_end_matches(':'))
    })
}

/// Whether a line names `module` (as a path, a `use` or a `{…}` group).
fn uses_module(line: &str, module: &str) -> bool {
    let (head, tail) = module.rsplit_once("::").unwrap_or(("", module));
    line.match_indices(module).any(|(at, _)| {
        let after = line[at + module.len()..].chars().next();
        !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    }) || (line.contains(&format!("{head}::{{"))
        && line
            .split(['{', ',', '}'])
            .any(|part| part.trim() == tail || part.trim().starts_with(&format!("{tail}::"))))
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn read(file: &Path) -> Result<String, String> {
    std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))
}

fn shown(root: &Path, file: &Path) -> String {
    file.strip_prefix(root)
        .unwrap_or(file)
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("xtask-invariants-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn a_model_file_that_imports_an_annotator_is_named() {
        let root = temp_tree("model", &[(
            "crates/atlas-core/src/model/places.rs",
            "//! See [`crate::annotate::place`].\nuse super::mention::Mention;\nuse crate::model::Passage;\nuse crate::annotate::place::resolve::Reason;\n",
        )]);
        let file = root.join("crates/atlas-core/src/model/places.rs");
        let breaches = model_imports(&root, &file).unwrap();
        assert_eq!(breaches.len(), 1, "{breaches:?}");
        assert_eq!(breaches[0].at, "crates/atlas-core/src/model/places.rs:4");
        assert!(breaches[0]
            .what
            .contains("crate::annotate::place::resolve::Reason"));
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn the_app_calling_the_cleaner_is_named_and_a_comment_is_not() {
        let root = temp_tree("app", &[(
            "src/pages/reader.rs",
            "//! Text comes from `atlas_core::clean`, at build time.\nuse atlas_core::model::Corpus;\nuse atlas_core::{clean, search};\nlet x = atlas_core::annotate::place::find(t);\nuse atlas_core::annotate_like;\n",
        )]);
        let file = root.join("src/pages/reader.rs");
        let lines: Vec<String> = app_uses_text_modules(&root, &file)
            .unwrap()
            .into_iter()
            .map(|b| b.at)
            .collect();
        assert_eq!(lines, ["src/pages/reader.rs:3", "src/pages/reader.rs:4"]);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_module_reading_files_is_named_unless_listed_or_in_tests() {
        let root = temp_tree("fs", &[
            ("annotate/topic.rs", "fn f() {\n    let t = std::fs::read_to_string(p);\n}\n#[cfg(test)]\nmod tests { std::fs::read(p); }\n"),
            ("catalog.rs", "let t = std::fs::read_to_string(p);\n"),
        ]);
        let hits = reads_files(&root, &root.join("annotate/topic.rs")).unwrap();
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].at, "crates/atlas-core/src/annotate/topic.rs:2");
        assert!(reads_files(&root, &root.join("catalog.rs"))
            .unwrap()
            .is_empty());
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_module_embedding_a_data_file_is_named() {
        let root = temp_tree("embed", &[
            ("annotate/entity/data.rs", "const T: &str = include_str!(\"../../../../../data/people.tsv\");\n"),
            ("bundled.rs", "text: include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/../../data/x\")),\n"),
        ]);
        let hits = embeds_data(&root, &root.join("annotate/entity/data.rs")).unwrap();
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(
            hits[0].at,
            "crates/atlas-core/src/annotate/entity/data.rs:1"
        );
        assert!(embeds_data(&root, &root.join("bundled.rs"))
            .unwrap()
            .is_empty());
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_web_crate_in_the_tree_is_named() {
        let tree = "atlas-core v0.1.0\nserde v1.0.0\nwasm-bindgen v0.2.130\nwasm-bindgen-shared v0.2.130\nleptos_macro v0.8\n";
        let names: Vec<String> = web_crates_in(tree).into_iter().map(|b| b.what).collect();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(names[0].contains("`wasm-bindgen`"));
        assert!(names[1].contains("`wasm-bindgen-shared`"));
        assert!(names[2].contains("`leptos_macro`"));
        assert!(web_crates_in("atlas-core v0.1.0\nfst v0.4.7\n").is_empty());
    }

    #[test]
    fn the_repository_keeps_its_invariants() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        check(root).unwrap();
    }
}
