//! `atlas`: prints what the pipeline makes of a seed folder, without
//! rebuilding the app. Each subcommand is a thin wrapper over `atlas-core`;
//! JSON field names are a stable contract (tests and maintainers rely on them).

mod annotations;
mod output;

use clap::{Parser, Subcommand};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "atlas",
    version,
    about = "Inspect the Far East Atlas corpus pipeline"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List every document with its metadata and counts.
    Docs {
        #[command(flatten)]
        common: Common,
    },
    /// List every cleaning decision (drops, joins, moved notes, heals) per document.
    Report {
        /// Only this document (default: all).
        id: Option<String>,
        /// Instead: capitalised spans that look like places but are neither in
        /// data/gazetteer.tsv nor in data/gazetteer-ignore.tsv (to review).
        #[arg(long)]
        places: bool,
        /// Instead: the entity review list. The automatic people and
        /// organisations (found by patterns, not in data/people.tsv or
        /// data/organisations.tsv) with every mention in context, then title +
        /// name spans and acronyms that no list, ignore span or pattern
        /// accounts for.
        #[arg(long, conflicts_with = "places")]
        entities: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Search the corpus (blocks, notes, metadata); the same answer as the app's search.
    Search {
        /// The query: words, "phrases", -exclusions, OR; the last word matches as a prefix.
        query: String,
        /// Hits to print at most.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Hits to skip first.
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// Treat the last word as finished (no prefix matching).
        #[arg(long)]
        no_prefix: bool,
        /// Print the index's size in bytes (postcard) on stderr.
        #[arg(long)]
        index_size: bool,
        #[command(flatten)]
        common: Common,
    },
    /// What the app's filtered views show for a filter query string
    /// (`topic=energy&place=harbin&q=gas`, the part of the app's URL after
    /// `?`): the results, topic grid, year histogram, figures and map places,
    /// from the same code as the app.
    Select {
        /// The filters, as in the app's URL (`q=…&doc=…&topic=…&place=…`).
        filters: String,
        /// Hits to print at most.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        common: Common,
    },
    /// List every place mentioned in blocks and notes, with each mention.
    Places {
        #[command(flatten)]
        common: Common,
    },
    /// List every topic with its tagged passages, and each document's topic profile.
    Tags {
        /// Explain one passage instead (`<doc>:<n>` or `<doc>:note:<n>`): every cue found, and the scores.
        #[arg(long, value_name = "PASSAGE")]
        explain: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// List every person and organisation mentioned (curated or automatic), with each mention.
    Entities {
        #[command(flatten)]
        common: Common,
    },
    /// List every amount and percentage found in the text, with its unit and year.
    Figures {
        #[command(flatten)]
        common: Common,
    },
    /// Measure the geoparser against hand-made gold: DIR holds texts and gold.tsv
    /// (see eval/places/README.md); prints (document, place) P/R/F1, mention
    /// recall and what was missed or wrong.
    Eval {
        /// The gold folder.
        #[arg(long, value_name = "DIR")]
        gold: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Instead: every mention found in this document, with its place,
        /// confidence and reason (to see why a figure moved).
        #[arg(long, value_name = "ID")]
        doc: Option<String>,
    },
    /// Measure the search against a judged relevance set (see
    /// eval/search/README.md): nDCG@10 and MRR overall and per query class,
    /// then the worst queries with their top hits and what they missed.
    EvalSearch {
        /// The judgements file (eval/search/judgements.tsv).
        #[arg(long, value_name = "FILE")]
        judged: PathBuf,
        #[command(flatten)]
        common: Common,
    },
    /// List every passage the search indexes (blocks, notes, metadata) with its
    /// id, field and text, in index order: what a peer engine must be given to
    /// search the same texts (`cargo xtask bench-peers`).
    Passages {
        #[command(flatten)]
        common: Common,
    },
    /// Print one document's clean blocks and notes.
    Text {
        /// Document id (the seed file's stem).
        id: String,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(clap::Args)]
struct Common {
    /// Seed folder to read (default: the project's seeds/).
    #[arg(long, value_name = "DIR")]
    seeds: Option<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

impl Common {
    fn seed_dir(&self) -> PathBuf {
        self.seeds.clone().unwrap_or_else(default_seed_dir)
    }
}

/// The project's `seeds/`, found from this crate's location at compile time,
/// falling back to `./seeds` for an installed binary.
fn default_seed_dir() -> PathBuf {
    let project = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    if project.is_dir() {
        project
    } else {
        PathBuf::from("seeds")
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(text) => match print_text(&text) {
            Ok(()) => ExitCode::SUCCESS,
            // The reader went away (`atlas places --json | head -1`): that is
            // how a pipeline ends, not an error, so stop quietly.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("atlas: writing to stdout: {e}");
                ExitCode::FAILURE
            }
        },
        Err(message) => {
            eprintln!("atlas: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes the answer to a locked stdout. Unlike `println!`, which panics
/// when stdout is closed, this returns the error for `main` to judge.
fn print_text(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "{text}")?;
    out.flush()
}

fn run(cli: Cli) -> Result<String, String> {
    match cli.command {
        Command::Docs { common } => {
            let corpus = build_corpus(&common)?;
            Ok(if common.json {
                output::docs_json(&corpus)
            } else {
                output::docs_table(&corpus)
            })
        }
        Command::Report {
            id,
            places,
            entities,
            common,
        } => {
            let corpus = build_corpus(&common)?;
            let docs: Vec<&atlas_core::model::Document> = match &id {
                Some(id) => vec![find(&corpus, id)?],
                None => corpus.documents.iter().collect(),
            };
            if entities {
                return annotations::entity_candidates(&corpus, id.as_deref(), common.json);
            }
            if places {
                let gazetteer = atlas_core::Gazetteer::bundled()
                    .map_err(|e| format!("reading the bundled gazetteer: {e}"))?;
                let mut candidates =
                    atlas_core::annotate::place::candidates::place_candidates(&corpus, &gazetteer)
                        .map_err(|e| format!("compiling the bundled gazetteer: {e}"))?;
                if let Some(id) = &id {
                    candidates.retain(|c| corpus.documents[c.doc as usize].id == *id);
                }
                return Ok(if common.json {
                    output::candidates_json(&corpus, &candidates)
                } else {
                    output::candidates_plain(&corpus, &candidates)
                });
            }
            Ok(if common.json {
                output::report_json(&docs)
            } else {
                output::report_plain(&docs)
            })
        }
        Command::Passages { common } => {
            let corpus = build_corpus(&common)?;
            output::passages(&corpus, common.json)
        }
        Command::Search {
            query,
            limit,
            offset,
            no_prefix,
            index_size,
            common,
        } => {
            let corpus = build_corpus(&common)?;
            let index = build_index(&corpus)?;
            if index_size {
                let bytes = index
                    .to_bytes()
                    .map_err(|e| format!("measuring the search index: {e}"))?;
                eprintln!("search index: {} bytes (postcard)", bytes.len());
            }
            let options = atlas_core::SearchOptions {
                limit,
                offset,
                prefix_last: !no_prefix,
                doc: None,
                per_doc: None,
            };
            let response = atlas_core::Searcher::new(&corpus, &index).search(&query, &options);
            Ok(if common.json {
                response.to_json()
            } else {
                output::search_plain(&response)
            })
        }
        Command::Select {
            filters,
            limit,
            common,
        } => {
            let corpus = build_corpus(&common)?;
            let index = build_index(&corpus)?;
            let facts = atlas_core::filter::Facts::build(&corpus, &index);
            let selection = atlas_core::filter::Selection::new(&corpus, &index, &facts);
            let filters = atlas_core::filter::Filters::from_query(filters.trim_start_matches('?'));
            Ok(output::select(&selection, &filters, limit, common.json))
        }
        Command::Places { common } => {
            let corpus = build_corpus(&common)?;
            Ok(if common.json {
                output::places_json(&corpus)
            } else {
                output::places_table(&corpus)
            })
        }
        Command::Tags { explain, common } => {
            let corpus = build_corpus(&common)?;
            if let Some(id) = explain {
                return annotations::tags_explain(&corpus, &id);
            }
            Ok(if common.json {
                annotations::tags_json(&corpus)
            } else {
                annotations::tags_table(&corpus)
            })
        }
        Command::Entities { common } => {
            let corpus = build_corpus(&common)?;
            Ok(if common.json {
                annotations::entities_json(&corpus)
            } else {
                annotations::entities_table(&corpus)
            })
        }
        Command::Figures { common } => {
            let corpus = build_corpus(&common)?;
            Ok(if common.json {
                annotations::figures_json(&corpus)
            } else {
                annotations::figures_table(&corpus)
            })
        }
        Command::Eval { gold, json, doc } => {
            let (corpus, rows) = atlas_core::eval::load(&gold)
                .map_err(|e| format!("loading the gold set {}: {e}", gold.display()))?;
            if let Some(id) = doc {
                return Ok(output::mentions_of_doc(&corpus, find(&corpus, &id)?));
            }
            let docs: Vec<String> = corpus.documents.iter().map(|d| d.id.clone()).collect();
            let found = atlas_core::eval::found_places(&corpus);
            let report = atlas_core::eval::evaluate(&found, &rows, &docs);
            Ok(if json {
                output::to_json(&report)
            } else {
                report.to_text()
            })
        }
        Command::EvalSearch { judged, common } => {
            let corpus = build_corpus(&common)?;
            let index = build_index(&corpus)?;
            let queries = atlas_core::eval_search::load(&judged, &corpus)
                .map_err(|e| format!("loading the judged queries {}: {e}", judged.display()))?;
            let searcher = atlas_core::Searcher::new(&corpus, &index);
            let report = atlas_core::eval_search::evaluate(&searcher, &queries);
            Ok(if common.json {
                output::to_json(&report)
            } else {
                report.to_text()
            })
        }
        Command::Text { id, common } => {
            let corpus = build_corpus(&common)?;
            let doc = find(&corpus, &id)?;
            Ok(if common.json {
                output::text_json(doc)
            } else {
                output::text_plain(doc)
            })
        }
    }
}

/// The corpus of the seed folder; a failure says which folder was built.
fn build_corpus(common: &Common) -> Result<atlas_core::Corpus, String> {
    let dir = common.seed_dir();
    atlas_core::build_corpus(&dir)
        .map_err(|e| format!("building the corpus from {}: {e}", dir.display()))
}

/// The search index over `corpus`, as `build.rs` makes it.
fn build_index(corpus: &atlas_core::Corpus) -> Result<atlas_core::SearchIndex, String> {
    atlas_core::SearchIndex::build(corpus).map_err(|e| format!("building the search index: {e}"))
}

fn find<'a>(
    corpus: &'a atlas_core::Corpus,
    id: &str,
) -> Result<&'a atlas_core::model::Document, String> {
    corpus.document(id).ok_or_else(|| {
        let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        format!("no document {id:?}; ids are: {}", ids.join(", "))
    })
}
