//! The pipeline as one function: a seed folder in, a [`Corpus`] out.
//!
//! Order of stages: read and decode every seed ([`crate::source`]), read the
//! curated catalog ([`crate::catalog`]), clean each text ([`crate::clean`]),
//! detect block languages ([`crate::lang`]), count ([`crate::stats`]),
//! merge curated metadata over what the text itself gives, then annotate the
//! clean corpus ([`annotate`]: places, then topics, figures, years, key
//! phrases, people and organisations).

use crate::catalog::{read_catalog, Catalog, CatalogEntry};
use crate::error::{Error, ErrorKind};
use crate::model::{Block, BlockKind, Corpus, Document, Meta, Note, Passage};
use crate::source::{list_seed_files, read_seed, SeedText, CATALOG_FILE};
use std::collections::BTreeMap;
use std::path::Path;

/// Builds the corpus from a seed folder (`seeds/`).
///
/// Fails on the first file that cannot be used, naming it (and the line).
pub fn build_corpus(seed_dir: &Path) -> Result<Corpus, Error> {
    let catalog = read_catalog(seed_dir)?;
    let sources = list_seed_files(seed_dir)?
        .iter()
        .map(|p| read_seed(p))
        .collect::<Result<Vec<_>, _>>()?;
    for (file, entry) in &catalog {
        if !sources.iter().any(|s| &s.file == file) {
            let message = format!(
                "entry for {file:?}, but there is no such file in {}",
                seed_dir.display()
            );
            return Err(Error::at_line(
                seed_dir.join(CATALOG_FILE),
                entry.line,
                ErrorKind::Catalog(message),
            ));
        }
    }
    build_corpus_from_sources(sources, &catalog)
}

/// Builds the corpus from already decoded seeds (tests, the CLI, the browser).
pub fn build_corpus_from_sources(
    sources: Vec<SeedText>,
    catalog: &Catalog,
) -> Result<Corpus, Error> {
    let mut seen = BTreeMap::new();
    let mut documents = Vec::with_capacity(sources.len());
    for seed in sources {
        if let Some(previous) = seen.insert(seed.id.clone(), seed.file.clone()) {
            return Err(Error::file(
                &seed.file,
                ErrorKind::DuplicateId(format!("{} (also {previous})", seed.id)),
            ));
        }
        documents.push(build_document(&seed, catalog.get(&seed.file)));
    }
    documents.sort_by(|a, b| a.file.cmp(&b.file));
    // Annotating needs the whole collection (key phrases are distinctive
    // against the other documents), so it runs once all are built.
    let mut corpus = Corpus {
        documents,
        ..Corpus::default()
    };
    annotate(&mut corpus)?;
    Ok(corpus)
}

/// Runs the annotators over the clean corpus: places first, against the
/// bundled gazetteer (the entity patterns read them: a place is no name),
/// then everything else with the bundled data.
pub fn annotate(corpus: &mut Corpus) -> Result<(), Error> {
    let parser = crate::annotate::place::bundled_geoparser()?;
    corpus.places = crate::annotate::place::annotate_places_with(corpus, parser);
    corpus.annotations = crate::annotate::annotate(&corpus.documents, &corpus.places)?;
    Ok(())
}

/// Cleans one seed and attaches its metadata.
///
/// Curated catalog values (title, authors, year, venue, type, languages,
/// DOI, URL) win over what the text gives; everything else the cleaner found
/// in the text (abstracts, keywords, affiliations, dates, citation, …) is
/// kept as it is.
pub fn build_document(seed: &SeedText, entry: Option<&CatalogEntry>) -> Document {
    let mut clean = crate::clean::clean(&seed.text);
    if let Some(e) = entry {
        crate::front_matter::drop_repeated_front_matter(
            &mut clean.blocks,
            &e.title,
            &e.authors,
            &mut clean.audit,
        );
    }
    let blocks: Vec<Block> = clean
        .blocks
        .into_iter()
        .enumerate()
        .map(|(n, b)| Block {
            id: Passage::Block(n as u32).id(&seed.id),
            lang: crate::lang::detect(&b.text).to_string(),
            kind: b.kind,
            text: b.text,
            spans: b.spans,
            notes: b.notes,
        })
        .collect();
    let stats = crate::stats::document_stats(&blocks);
    let detected = languages_by_weight(&blocks, &clean.notes, &clean.meta);
    let found = clean.meta;
    let meta = match entry {
        Some(e) => Meta {
            title: e.title.clone(),
            authors: e.authors.clone(),
            year: e.year,
            venue: e.venue.clone(),
            doc_type: e.doc_type.clone(),
            languages: if e.languages.is_empty() {
                detected
            } else {
                e.languages.clone()
            },
            doi: e.doi.clone().or(found.doi.clone()),
            url: e.url.clone(),
            curated: true,
            ..found
        },
        None => Meta {
            title: infer_title(&blocks, seed),
            languages: detected,
            curated: false,
            ..found
        },
    };
    Document {
        id: seed.id.clone(),
        file: seed.file.clone(),
        meta,
        blocks,
        notes: clean.notes,
        stats,
        audit: clean.audit,
    }
}

/// Languages present, by number of words written in them, most first.
///
/// Body blocks, notes and the abstracts/keywords found in the text all count:
/// a Russian abstract or a Chinese note makes its language present.
fn languages_by_weight(blocks: &[Block], notes: &[Note], meta: &Meta) -> Vec<String> {
    let mut weight: BTreeMap<&str, usize> = BTreeMap::new();
    let texts = blocks
        .iter()
        .map(|b| (b.lang.as_str(), b.text.as_str()))
        .chain(
            notes
                .iter()
                .filter(|n| !n.missing)
                .map(|n| (n.lang.as_str(), n.text.as_str())),
        )
        .chain(
            meta.abstracts
                .iter()
                .map(|a| (a.lang.as_str(), a.text.as_str())),
        );
    for (lang, text) in texts {
        *weight.entry(lang).or_default() += crate::stats::word_count(text);
    }
    let mut langs: Vec<(&str, usize)> = weight.into_iter().collect();
    langs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    langs.into_iter().map(|(l, _)| l.to_string()).collect()
}

/// Without a catalog entry: the first heading, else the first line of text.
fn infer_title(blocks: &[Block], seed: &SeedText) -> String {
    let heading = blocks
        .iter()
        .find(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .map(|b| b.text.as_str());
    let first_line = || {
        seed.text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or(&seed.id)
    };
    let title = heading.unwrap_or_else(first_line);
    let mut title: String = title.chars().take(160).collect();
    if title.is_empty() {
        title = seed.id.clone();
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::decode_seed;

    #[test]
    fn a_seed_without_catalog_entry_gets_an_inferred_title() {
        let seed = decode_seed(
            "new-paper.md",
            b"# Gas Pipelines of Sakhalin\n\nSome text about Sakhalin.\n",
        )
        .unwrap();
        let doc = build_document(&seed, None);
        assert_eq!(doc.meta.title, "Gas Pipelines of Sakhalin");
        assert!(!doc.meta.curated);
        assert_eq!(doc.meta.languages, vec!["en"]);
        assert_eq!(doc.blocks[1].id, "new-paper:1");
        assert_eq!(doc.stats.paragraphs, 1);
    }

    #[test]
    fn duplicate_stems_are_an_error() {
        let a = decode_seed("x.txt", b"one").unwrap();
        let b = decode_seed("x.md", b"two").unwrap();
        let err = build_corpus_from_sources(vec![a, b], &Catalog::new()).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::DuplicateId(_)));
    }
}
