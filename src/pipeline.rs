//! The public pipeline: load -> segment -> extract -> select (map, per source), then
//! check (reduce, per fact), assembled into a [`Report`].
//!
//! Sources are independent until checking, so they are read and analysed in parallel
//! with rayon, and each source's text is dropped as soon as its claims are out: only
//! claims (with their sentences, for evidence) outlive a source. [`map_sources`] is
//! that one map step (read in parallel, results in path order, failures sorted); the
//! check, `extract` and `segment` all go through it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::check::{self, Evidence, Selected};
use crate::extract::names::{self, NamedEntity, Spellings};
use crate::extract::{self, Claim, Context};
use crate::report::{Report, SourceSummary};
use crate::rules::{Matcher, MatcherError, RuleSet};
use crate::segment::{self, Sentence};
use crate::source::{self, Discovered, Metadata, Source, SourceFailure};
use crate::span::{LineIndex, Position};
use crate::suppress::Suppressions;

/// Rules compiled once for a whole run.
#[derive(Clone, Debug)]
pub struct Checker {
    /// The rule set.
    pub rules: RuleSet,
    /// Its words, compiled.
    pub matcher: Matcher,
    /// Its entities' spellings, compiled for the name scan.
    pub spellings: Spellings,
}

impl Checker {
    /// Compiles a rule set.
    pub fn new(rules: RuleSet) -> Result<Checker, MatcherError> {
        let matcher = Matcher::new(&rules)?;
        let spellings = spellings_of(&rules);
        Ok(Checker { rules, matcher, spellings })
    }
}

/// What the map step keeps of one source.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// Counts and metadata for the report.
    pub summary: SourceSummary,
    /// Every claim found, in order.
    pub claims: Vec<Evidence>,
    /// The claims the rules' facts take.
    pub selected: Vec<Selected>,
    /// Name and expansion claims for the rules' entities.
    pub names: Vec<Evidence>,
    /// Facts (by index in id order) whose cues appear in this source.
    pub cued: Vec<usize>,
    /// Claims silenced by suppression comments.
    pub suppressed: usize,
}

/// Options of a run.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunOptions {
    /// Publication date for sources that state none.
    pub published: Option<Date>,
    /// Whether folder walks honour ignore files (`--no-ignore` disregards them).
    pub ignore_files: source::IgnoreFiles,
    /// Whether folder walks follow symbolic links (`--follow`).
    pub links: source::Links,
}

/// Reads, segments and extracts one source, and selects its claims into facts.
pub fn analyze(
    path: &Path,
    manifest: Option<&Metadata>,
    checker: &Checker,
    options: &RunOptions,
) -> Result<Analysis, SourceFailure> {
    Ok(analyze_source(&read(path, manifest, options)?, checker))
}

/// Segments and extracts a source already read.
pub fn analyze_source(source: &Source, checker: &Checker) -> Analysis {
    let sentences = segment::sentences(source);
    let index = LineIndex::new(&source.text);
    let claims = claims_of(source, &index, &sentences);
    // Without rules (`factlint extract` alone) there are no words to find, and folding
    // every sentence for the matcher would still cost a sixth of the run.
    let rules = &checker.rules;
    let hits = if rules.facts.is_empty() && rules.entities.is_empty() {
        Vec::new()
    } else {
        check::scan(&checker.matcher, &sentences)
    };
    let mut names = names_of(source, &index, &sentences, &checker.spellings);
    let mut selected = check::select(&checker.rules, &hits, &sentences, &claims);
    let mut cued: Vec<usize> = hits.iter().flat_map(|h| h.cues.iter().map(|&(fact, _)| fact)).collect();
    cued.sort_unstable();
    cued.dedup();
    let suppressions = Suppressions::parse(&source.text);
    let before = selected.len() + names.len();
    if !suppressions.is_empty() {
        let ids: Vec<&String> = checker.rules.facts.keys().collect();
        selected.retain(|s| ids.get(s.fact).is_none_or(|id| !suppressions.silences(id, s.evidence.claim.span.start)));
        names.retain(|n| n.claim.entity.as_deref().is_none_or(|id| !suppressions.silences(id, n.claim.span.start)));
    }
    let suppressed = before - selected.len() - names.len();
    let summary = SourceSummary {
        path: source.display_path(),
        published: source.metadata.published.map(|d| d.to_string()),
        sentences: sentences.len(),
        claims: claims.len(),
        warnings: source.warnings.clone(),
    };
    Analysis { summary, claims, selected, names, cued, suppressed }
}

/// Every claim of a source, located in the original file.
pub fn claims_of(source: &Source, index: &LineIndex, sentences: &[Sentence]) -> Vec<Evidence> {
    let context = Context { published: source.metadata.published };
    located(source, index, sentences, |sentence| extract::extract(sentence, &context))
}

/// The name and expansion claims of a source for the compiled entities, located in
/// the original file.
pub fn names_of(source: &Source, index: &LineIndex, sentences: &[Sentence], spellings: &Spellings) -> Vec<Evidence> {
    if spellings.is_empty() {
        return Vec::new();
    }
    located(source, index, sentences, |sentence| names::names(sentence, spellings))
}

/// The claims `find` reads in each sentence, located in the original file; the
/// source's path is shared by all of them.
fn located(
    source: &Source,
    index: &LineIndex,
    sentences: &[Sentence],
    find: impl Fn(&str) -> Vec<Claim>,
) -> Vec<Evidence> {
    let path: Arc<str> = Arc::from(source.display_path());
    sentences
        .iter()
        .flat_map(|sentence| {
            find(&sentence.text)
                .into_iter()
                .filter_map(|claim| Evidence::locate(source, &path, index, sentence, claim))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The rules' entities as the name scan reads them, compiled.
pub fn spellings_of(rules: &RuleSet) -> Spellings {
    let entities = rules
        .entities
        .iter()
        .map(|(id, entity)| NamedEntity {
            id: id.clone(),
            name: entity.name.clone(),
            aliases: entity.aliases.clone(),
            acronyms: entity.acronyms().map(str::to_string).collect(),
            expansion: entity.expansion.clone(),
        })
        .collect();
    Spellings::new(entities)
}

/// Runs the map step over every source under `paths`, in parallel, in path order.
pub fn analyze_all(paths: &[PathBuf], checker: &Checker, options: &RunOptions) -> (Vec<Analysis>, Vec<SourceFailure>) {
    map_sources(source::discover_walk(paths, options.ignore_files, options.links), options, |read| {
        read.map(|source| analyze_source(&source, checker))
    })
}

/// One source's sentences, each with the line and column where it starts in the file.
#[derive(Clone, Debug)]
pub struct Segmented {
    /// The source's path as shown.
    pub source: String,
    /// The sentences, in order, with their positions.
    pub sentences: Vec<PlacedSentence>,
}

/// A sentence and where it starts in its file.
#[derive(Clone, Debug)]
pub struct PlacedSentence {
    /// The sentence.
    pub sentence: Sentence,
    /// Line and column of its first character.
    pub position: Position,
}

/// Reads and segments every source under `paths`, in parallel, in path order: what
/// `factlint segment` prints.
pub fn segment_all(paths: &[PathBuf], options: &RunOptions) -> (Vec<Segmented>, Vec<SourceFailure>) {
    map_sources(source::discover_walk(paths, options.ignore_files, options.links), options, |read| {
        read.map(|source| {
            let index = LineIndex::new(&source.text);
            let sentences = segment::sentences(&source)
                .into_iter()
                .map(|sentence| {
                    let position = index.position(&source.text, sentence.span.start);
                    PlacedSentence { sentence, position }
                })
                .collect();
            Segmented { source: source.display_path(), sentences }
        })
    })
}

/// The one orchestration of the map step: reads every discovered source in parallel
/// and hands each (or why it could not be read) to `map`, which runs while the
/// source's text is in memory. Results come in path order; the failures, those of
/// discovery included, sorted by source.
pub fn map_sources<T, F>(discovered: Discovered, options: &RunOptions, map: F) -> (Vec<T>, Vec<SourceFailure>)
where
    T: Send,
    F: Fn(Result<Source, SourceFailure>) -> Result<T, SourceFailure> + Sync,
{
    let results: Vec<Result<T, SourceFailure>> =
        discovered.files.par_iter().map(|(path, meta)| map(read(path, meta.as_ref(), options))).collect();
    let mut mapped = Vec::with_capacity(results.len());
    let mut failures = discovered.failures;
    for result in results {
        match result {
            Ok(item) => mapped.push(item),
            Err(failure) => failures.push(failure),
        }
    }
    failures.sort_by(|a, b| a.source.cmp(&b.source));
    (mapped, failures)
}

/// Reads one source, its error told as the report tells it.
fn read(path: &Path, manifest: Option<&Metadata>, options: &RunOptions) -> Result<Source, SourceFailure> {
    Source::read(path, manifest, options.published)
        .map_err(|e| SourceFailure { source: source::display_path(path), message: e.to_string() })
}

/// Hears of a run's progress (a progress bar, a log); every method may be called
/// from several threads at once.
pub trait Observer: Sync {
    /// The sources to read are known.
    fn discovered(&self, _sources: usize) {}
    /// One source was read and analysed (or failed).
    fn analyzed(&self, _claims: usize) {}
}

/// An observer that ignores everything.
impl Observer for () {}

/// The whole check: map over sources, reduce over facts, and the report.
pub fn run(paths: &[PathBuf], checker: &Checker, options: &RunOptions) -> Report {
    run_observed(paths, checker, options, &())
}

/// [`run`], telling `observer` how it goes.
///
/// Each source's text and its unselected claims are dropped as soon as its map step
/// ends, so memory holds one source's text per thread plus the claims facts took.
pub fn run_observed(paths: &[PathBuf], checker: &Checker, options: &RunOptions, observer: &dyn Observer) -> Report {
    let mut discovered = source::discover_walk(paths, options.ignore_files, options.links);
    let walk_warnings = std::mem::take(&mut discovered.warnings);
    observer.discovered(discovered.files.len());
    let (analyses, failures) = map_sources(discovered, options, |read| {
        let analysis = read.map(|source| Analysis { claims: Vec::new(), ..analyze_source(&source, checker) });
        observer.analyzed(analysis.as_ref().map_or(0, |a| a.summary.claims));
        analysis
    });
    let mut sources = Vec::with_capacity(analyses.len());
    let mut selected = Vec::new();
    let mut names = Vec::new();
    let mut cued = vec![false; checker.rules.facts.len()];
    let mut suppressed = 0;
    for analysis in analyses {
        sources.push(analysis.summary);
        selected.extend(analysis.selected);
        names.extend(analysis.names);
        for fact in analysis.cued {
            if let Some(seen) = cued.get_mut(fact) {
                *seen = true;
            }
        }
        suppressed += analysis.suppressed;
    }
    let mut findings = check::check(&checker.rules, selected);
    findings.extend(check::names::compare(&checker.rules, names));
    check::sort_findings(&mut findings);
    let mut report = Report::new(sources, findings, failures);
    report.warnings.extend(walk_warnings);
    if !report.sources.is_empty() {
        for ((id, fact), seen) in checker.rules.facts.iter().zip(cued) {
            if !seen && !fact.cues.is_empty() {
                report.warnings.push(format!("fact `{id}`: none of its cues appears in any source"));
            }
        }
    }
    if suppressed > 0 {
        report.warnings.push(format!("{suppressed} claim(s) silenced by factlint-disable comments"));
    }
    report
}
