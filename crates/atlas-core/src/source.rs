//! Reading seed files: which files are seeds, and turning their bytes into
//! text or a clear, located error.
//!
//! Seeds are raw extractions, so the checks here are about *encoding*, not
//! content: a file that is empty, binary, UTF-16 or not UTF-8 stops the build
//! with its name and line, instead of becoming an empty or garbled document.
//! Saved web pages (`.html`, `.htm`) are turned into the Markdown-flavoured
//! text of the other seeds here ([`html_to_text`]), so the cleaner only ever
//! sees text.

mod html;

pub use html::html_to_text;

use crate::error::{Error, ErrorKind};
use std::path::{Path, PathBuf};

/// The name of the curated metadata file inside a seed folder.
pub const CATALOG_FILE: &str = "catalog.toml";

/// Extensions read as seed documents.
pub const SEED_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Extensions of seeds that are HTML pages, converted by [`html_to_text`].
const HTML_EXTENSIONS: &[&str] = &["html", "htm"];

/// A seed file's name and decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedText {
    /// File name within the seed folder (`000_daa7ecd4110d9dc4.txt`).
    pub file: String,
    /// Document id: the file stem.
    pub id: String,
    /// The text, with any UTF-8 BOM removed and line endings normalised to
    /// `\n`; for an HTML page, the text [`html_to_text`] made of it.
    pub text: String,
}

/// Lists the seed files of `dir`, sorted by name.
///
/// Hidden files and `catalog.toml` are skipped; any other file whose
/// extension is not in [`SEED_EXTENSIONS`] is an error, so nothing is
/// dropped silently.
pub fn list_seed_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name == CATALOG_FILE || path.is_dir() {
            continue;
        }
        let ext = extension(&name);
        if !SEED_EXTENSIONS.contains(&ext.as_str()) {
            return Err(Error::file(
                &path,
                ErrorKind::UnsupportedExtension(format!(".{ext}")),
            ));
        }
        files.push(path);
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::file(dir, ErrorKind::NoSeeds));
    }
    Ok(files)
}

/// Reads and decodes one seed file.
pub fn read_seed(path: &Path) -> Result<SeedText, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    decode_seed(&file, &bytes).map_err(|mut e| {
        e.file = path.to_path_buf();
        e
    })
}

/// Decodes a seed's bytes (already read) into text.
///
/// `file` is used for the document id and in errors. The byte-level checks
/// (UTF-16, NUL bytes, UTF-8) are made here; the rest is [`seed_from_text`].
pub fn decode_seed(file: &str, bytes: &[u8]) -> Result<SeedText, Error> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::file(file, ErrorKind::Utf16));
    }
    // Before UTF-8: a binary file is named binary, not "invalid UTF-8".
    reject_nul(file, bytes)?;
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let pos = e.valid_up_to();
            let line_start = bytes[..pos]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            return Err(Error::at_line(
                file,
                line_of(bytes, pos),
                ErrorKind::InvalidUtf8 {
                    byte: pos - line_start,
                },
            ));
        }
    };
    seed_from_text(file, text)
}

/// A seed from text already in memory (the browser's "Add a document"):
/// same checks and normalisation as `decode_seed`, and `.html`/`.htm`
/// names go through `html_to_text`.
///
/// An HTML page with no readable text (only scripts, menus, forms) is
/// [`ErrorKind::Empty`], like a blank file.
pub fn seed_from_text(file: &str, text: &str) -> Result<SeedText, Error> {
    reject_nul(file, text.as_bytes())?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::file(file, ErrorKind::Empty));
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = if HTML_EXTENSIONS.contains(&extension(file).as_str()) {
        let text = html_to_text(&text);
        if text.trim().is_empty() {
            return Err(Error::file(file, ErrorKind::Empty));
        }
        text
    } else {
        text
    };
    let id = Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(SeedText {
        file: file.to_string(),
        id,
        text,
    })
}

/// A NUL byte means binary data, not text: an error naming its line.
fn reject_nul(file: &str, bytes: &[u8]) -> Result<(), Error> {
    match bytes.iter().position(|&b| b == 0) {
        Some(pos) => Err(Error::at_line(file, line_of(bytes, pos), ErrorKind::Binary)),
        None => Ok(()),
    }
}

/// The lower-case extension of a file name (`""` when it has none).
fn extension(file: &str) -> String {
    Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// 1-based line number of byte offset `pos`.
fn line_of(bytes: &[u8], pos: usize) -> usize {
    bytes[..pos.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = decode_seed("bad.txt", b"fine\nstill fine\nbroken \xff here\n").unwrap_err();
        assert_eq!(err.line, Some(3));
        assert_eq!(err.kind, ErrorKind::InvalidUtf8 { byte: 7 });
        assert_eq!(
            err.to_string(),
            "bad.txt:3: invalid UTF-8 at byte 7 of the line; save the file as UTF-8"
        );
    }

    #[test]
    fn empty_and_blank_files_are_rejected() {
        assert_eq!(
            decode_seed("e.txt", b"").unwrap_err().kind,
            ErrorKind::Empty
        );
        assert_eq!(
            decode_seed("e.txt", b" \n\t\n").unwrap_err().kind,
            ErrorKind::Empty
        );
    }

    #[test]
    fn binary_files_are_rejected_with_line() {
        let err = decode_seed("b.txt", b"text\n\x00\x01\x02").unwrap_err();
        assert_eq!((err.kind, err.line), (ErrorKind::Binary, Some(2)));
    }

    #[test]
    fn utf16_is_named() {
        assert_eq!(
            decode_seed("u.txt", b"\xff\xfeh\x00i\x00")
                .unwrap_err()
                .kind,
            ErrorKind::Utf16
        );
    }

    #[test]
    fn html_seeds_become_text_and_other_seeds_stay_as_written() {
        let page = "<html><head><title>T</title></head><body><h1>Amur &amp; Ussuri</h1>\r\n<p>Two rivers.</p></body></html>";
        let seed = decode_seed("rivers.HTML", page.as_bytes()).unwrap();
        assert_eq!(seed.text, "# Amur & Ussuri\n\nTwo rivers.\n");
        assert_eq!(
            (seed.id.as_str(), seed.file.as_str()),
            ("rivers", "rivers.HTML")
        );
        assert_eq!(seed_from_text("rivers.htm", page).unwrap().text, seed.text);
        // The same bytes in a .md seed are the author's text: not converted.
        assert!(seed_from_text("rivers.md", page)
            .unwrap()
            .text
            .contains("<h1>"));
    }

    #[test]
    fn seed_from_text_makes_the_checks_of_decode_seed() {
        assert_eq!(
            seed_from_text("blank.md", " \n\t").unwrap_err().kind,
            ErrorKind::Empty
        );
        let err = seed_from_text("b.txt", "text\n\u{0}").unwrap_err();
        assert_eq!((err.kind, err.line), (ErrorKind::Binary, Some(2)));
        // A page that is all chrome has no text to read.
        let err = seed_from_text(
            "menu.html",
            "<nav><a href=/>Home</a></nav><script>x()</script>",
        )
        .unwrap_err();
        assert_eq!(err.kind, ErrorKind::Empty);
        assert_eq!(
            seed_from_text("doc.md", "\u{FEFF}a\r\nb\rc"),
            decode_seed("doc.md", "\u{FEFF}a\r\nb\rc".as_bytes())
        );
    }

    #[test]
    fn bom_and_crlf_are_normalised() {
        let seed = decode_seed("doc.md", "\u{FEFF}a\r\nb\rc".as_bytes()).unwrap();
        assert_eq!(seed.text, "a\nb\nc");
        assert_eq!(seed.id, "doc");
    }
}
