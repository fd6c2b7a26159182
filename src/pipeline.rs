//! The public pipeline: load -> segment -> extract -> select (map, per source), then
//! check (reduce, per fact), assembled into a [`Report`].
//!
//! Sources are independent until checking, so they are read and analysed in parallel
//! with rayon, and each source's text is dropped as soon as its claims are out: only
//! claims (with their sentences, for evidence) outlive a source. [`map_sources`] is
//! that one map step (read in parallel, results in path order, failures sorted), which
//! the check goes through; [`map_sources_in_order`] is its streaming form (each result
//! written as soon as it and those before it are done), which `extract`, `segment` and
//! `map` go through. [`reduce`] is the reduce step, shared by the check and `factlint
//! reduce`; [`claims`] is the format between the two.

use std::collections::BTreeSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::check::{self, Decisions, Evidence, Finding, Selected, Trace, Traced};
use crate::extract::names::{self, NamedEntity, Spellings};
use crate::extract::{self, Claim, Context};
use crate::report::{Report, SourceSummary};
use crate::rules::{self, Matcher, MatcherError, RuleError, RuleSet};
use crate::segment::{self, Sentence};
use crate::source::{self, DateOrigin, Discovered, Metadata, Source, SourceFailure};
use crate::span::{LineIndex, Position};
use crate::suppress::Suppressions;
use crate::value::{ClaimKind, Value};

pub mod claims;
pub mod discovered;
pub mod partial;

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

/// Errors for the facts' `match` examples that the whole pipeline does not bear out:
/// an example the fact takes no claim from (its conditions hold, yet no claim of its
/// kind, count or unit is there), or one it takes another value from than the
/// example's `value:`. [`RuleSet::load`] runs the conditions alone; this needs
/// extraction, which the rules' floor cannot reach.
pub fn check_example_claims(checker: &Checker) -> Vec<RuleError> {
    let mut errors = Vec::new();
    for (index, (id, fact)) in checker.rules.facts.iter().enumerate() {
        for example in &fact.examples.matching {
            let sentence = example.sentence();
            let source = Source::from_text(PathBuf::from("example.txt"), sentence.to_string(), &Metadata::default());
            let analysis = analyze_source(&source, checker);
            let taken: Vec<&Evidence> =
                analysis.selected.iter().filter(|s| s.fact == index).map(|s| &s.evidence).collect();
            let problem = if taken.is_empty() {
                let found: Vec<String> = analysis
                    .claims
                    .iter()
                    .map(|c| format!("{} `{}` = {}", c.claim.kind.as_str(), c.claim.text, c.claim.value))
                    .collect();
                let found = if found.is_empty() { "no claim is found".to_string() } else { found.join(", ") };
                Some(format!("the fact takes no {} claim from it ({found})", fact.claim))
            } else {
                example.value().and_then(|expected| {
                    let unit = fact.unit.as_deref().or(taken[0].claim.unit.as_deref());
                    match Value::read(fact.claim.claim_kind(), expected, unit) {
                        Err(e) => Some(format!("its value cannot be read: {e}")),
                        Ok(want) if taken.iter().any(|t| same_value(&t.claim.value, &want)) => None,
                        Ok(want) => {
                            let got: Vec<String> =
                                taken.iter().map(|t| format!("{} (`{}`)", t.claim.value, t.claim.text)).collect();
                            Some(format!("the fact takes {}, not {want}", got.join(", ")))
                        }
                    }
                })
            };
            if let Some(problem) = problem {
                let message = format!("fact `{id}`: example should match, but {problem}: \"{sentence}\"");
                errors.push(checker.rules.example_error(id, "match", sentence, message));
            }
        }
    }
    errors
}

/// Two values equal as a rule writer means it: numbers to a millionth of their size
/// (30 ft is 9.144 m, whatever the float's last digit), the rest exactly.
fn same_value(a: &Value, b: &Value) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-6 * x.abs().max(y.abs()).max(1.0);
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => close(*x, *y),
        (Value::Quantity { amount: x, unit: u }, Value::Quantity { amount: y, unit: v }) => u == v && close(*x, *y),
        _ => a == b,
    }
}

/// A rule that took nothing in a run, or less than a comparison needs.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UnusedRule {
    /// A fact that took no claim; `cued` says whether any of its cues appeared at all.
    NoClaim {
        /// The fact's id.
        fact: String,
        /// Whether one of its cues appears in some source.
        cued: bool,
    },
    /// A fact whose claims all come from one source: nothing to compare them with.
    OneSource {
        /// The fact's id.
        fact: String,
        /// The source.
        source: String,
        /// How many claims it took there.
        claims: usize,
    },
    /// An entity no source mentions by any of its spellings.
    NoMention {
        /// The entity's id.
        entity: String,
    },
}

impl UnusedRule {
    /// Whether the rule took nothing at all (a dead rule), not merely too little.
    pub fn is_dead(&self) -> bool {
        !matches!(self, UnusedRule::OneSource { .. })
    }
}

impl std::fmt::Display for UnusedRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnusedRule::NoClaim { fact, cued: false } => {
                write!(f, "fact `{fact}`: took no claim: none of its cues appears in any source")
            }
            UnusedRule::NoClaim { fact, cued: true } => write!(
                f,
                "fact `{fact}`: took no claim: its cues appear, but never with its entities and a claim of its kind (`factlint explain {fact}` shows why)"
            ),
            UnusedRule::OneSource { fact, source, claims } => {
                write!(f, "fact `{fact}`: took {claims} claim(s), all from {source}: nothing to compare them with")
            }
            UnusedRule::NoMention { entity } => {
                write!(f, "entity `{entity}`: no source mentions it by its name, aliases or acronym")
            }
        }
    }
}

/// How a run's claims use the rules: for each fact (by index) the claims it took per
/// source, kept as what [`unused_rules`] needs; the entities some name claim mentions.
/// The reduce step split by fact ([`partial`]) carries it from each part to the merge.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Usage {
    /// Per fact index: how many sources it took claims from, and the first of them
    /// (in path order) with the claims taken there.
    pub facts: std::collections::BTreeMap<usize, FactUse>,
    /// The entities named by some name claim.
    pub entities: BTreeSet<String>,
}

/// What a fact took: from how many sources, and the first source's claims.
#[derive(Clone, Debug, PartialEq)]
pub struct FactUse {
    /// How many sources the fact took claims from.
    pub sources: usize,
    /// The first of them, by path.
    pub first: String,
    /// How many claims it took there.
    pub claims: usize,
}

impl Usage {
    /// The usage of `selected` and `names`.
    pub fn of(selected: &[Selected], names: &[Evidence]) -> Usage {
        let mut sources: std::collections::BTreeMap<usize, std::collections::BTreeMap<&str, usize>> =
            Default::default();
        for s in selected {
            *sources.entry(s.fact).or_default().entry(&s.evidence.place.source).or_default() += 1;
        }
        let facts = sources
            .into_iter()
            .filter_map(|(fact, by_source)| {
                let (first, claims) = by_source.iter().next().map(|(s, n)| (s.to_string(), *n))?;
                Some((fact, FactUse { sources: by_source.len(), first, claims }))
            })
            .collect();
        let entities = names.iter().filter_map(|n| n.claim.entity.clone()).collect();
        Usage { facts, entities }
    }
}

/// The rules a run's claims leave unused, facts first, in id order.
fn unused_rules(rules: &RuleSet, usage: &Usage, cued: &[bool]) -> Vec<UnusedRule> {
    let mut unused = Vec::new();
    for (i, ((id, _), &cued)) in rules.facts.iter().zip(cued).enumerate() {
        match usage.facts.get(&i) {
            None => unused.push(UnusedRule::NoClaim { fact: id.clone(), cued }),
            Some(used) if used.sources == 1 => {
                unused.push(UnusedRule::OneSource { fact: id.clone(), source: used.first.clone(), claims: used.claims })
            }
            Some(_) => {}
        }
    }
    for id in rules.entities.keys() {
        if !usage.entities.contains(id) {
            unused.push(UnusedRule::NoMention { entity: id.clone() });
        }
    }
    unused
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
    analyze_source_traced(source, checker, &mut ())
}

/// [`analyze_source`], telling `trace` what selection decided.
pub fn analyze_source_traced<T: Trace>(source: &Source, checker: &Checker, trace: &mut T) -> Analysis {
    let sentences = segment::sentences(source);
    let index = LineIndex::new(&source.text);
    let mut claims = claims_of(source, &index, &sentences);
    // The summary counts what the extractors read; titles, like names, come from the
    // rules' entities and are not counted.
    let extracted = claims.len();
    // Without rules (`factlint extract` alone) there are no words to find, and folding
    // every sentence for the matcher would still cost a sixth of the run.
    let rules = &checker.rules;
    let hits = if rules.facts.is_empty() && rules.entities.is_empty() {
        Vec::new()
    } else {
        check::scan(&checker.matcher, &sentences)
    };
    let (mut names, titles) = names_and_titles_of(source, &index, &sentences, &checker.spellings);
    if !titles.is_empty() {
        // Titles are claims a fact selects like any other; the sort is stable, so each
        // sentence keeps its claims in the order they were read.
        claims.extend(titles);
        claims.sort_by_key(|c| c.place.sentence_index);
    }
    let mut selected = check::select_traced(&checker.rules, &hits, &sentences, &claims, trace);
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
        outlet: source.metadata.outlet.clone(),
        title: source.metadata.title.clone(),
        sentences: sentences.len(),
        claims: extracted,
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
    names_and_titles_of(source, index, sentences, spellings).0
}

/// [`names_of`], and the title claims read next to those names ("former mayor
/// Ortiz"), located in the original file.
fn names_and_titles_of(
    source: &Source,
    index: &LineIndex,
    sentences: &[Sentence],
    spellings: &Spellings,
) -> (Vec<Evidence>, Vec<Evidence>) {
    if spellings.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let both = located(source, index, sentences, |sentence| {
        let (mut found, mentions) = names::names_and_mentions(sentence, spellings);
        found.extend(extract::titles(sentence, &mentions));
        found
    });
    both.into_iter().partition(|e| e.claim.kind != ClaimKind::Title)
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
        read.map(|source| segment_source(&source))
    })
}

/// Segments one source already read, each sentence placed at its line and column.
pub fn segment_source(source: &Source) -> Segmented {
    let index = LineIndex::new(&source.text);
    let sentences = segment::sentences(source)
        .into_iter()
        .map(|sentence| {
            let position = index.position(&source.text, sentence.span.start);
            PlacedSentence { sentence, position }
        })
        .collect();
    Segmented { source: source.display_path(), sentences }
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

/// The streaming form of [`map_sources`]: reads and maps `files` in parallel and hands
/// each result (or why the source could not be read) to `write` in path order, as soon
/// as it and every source before it are done. At most one result per worker thread is
/// held at a time (see [`in_order`]), so memory does not grow with the corpus. Stops at
/// the first error of `write` and returns it.
pub fn map_sources_in_order<T, F, W>(
    files: Vec<(PathBuf, Option<Metadata>)>,
    options: &RunOptions,
    map: F,
    write: W,
) -> std::io::Result<()>
where
    T: Send,
    F: Fn(Result<Source, SourceFailure>) -> Result<T, SourceFailure> + Sync,
    W: FnMut(Result<T, SourceFailure>) -> std::io::Result<()> + Send,
{
    in_order(files.into_iter(), |(path, meta)| map(read(&path, meta.as_ref(), options)), write)
}

/// A document handed over whole, by an engine that reads the corpus itself: one JSON
/// object a line on the standard input of `factlint map -`.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The path the reports name (its extension says whether it is text, Markdown or HTML).
    pub path: String,
    /// The whole text.
    pub text: String,
    /// Publication date, `YYYY-MM-DD`; it plays the part of a manifest entry.
    #[serde(default)]
    pub published: Option<String>,
    /// Who published it, as a manifest's `outlet`.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Its title, as a manifest's `title`.
    #[serde(default)]
    pub title: Option<String>,
}

impl Document {
    /// The source this document is, as if read from a file at its path with a manifest
    /// entry giving its publication date; `published` fills in where neither the
    /// document nor its text gives one.
    pub fn into_source(self, published: Option<Date>) -> Result<Source, SourceFailure> {
        let shown = source::display_path(Path::new(&self.path));
        let own = match self.published.as_deref() {
            Some(text) => Some(source::parse_published(text).ok_or_else(|| SourceFailure {
                source: shown.clone(),
                message: format!("`published` `{text}` is not a date (YYYY-MM-DD)"),
            })?),
            None => None,
        };
        let fallback = Metadata {
            published,
            published_from: published.map(|_| DateOrigin::Option),
            title: self.title,
            outlet: self.outlet,
            ..Metadata::default()
        };
        let text = self.text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(self.text);
        let mut source = Source::from_text(PathBuf::from(self.path), text, &fallback);
        if let Some(date) = own {
            source.metadata.published = Some(date);
            source.metadata.published_from = Some(DateOrigin::Manifest);
        }
        Ok(source)
    }
}

/// Where documents on standard input are said to come from in errors.
pub const STDIN: &str = "<stdin>";

/// [`map_sources_in_order`] over documents read one a line from `input` (see
/// [`Document`]), in the order given. A line that is not a document is handed to
/// `write` as a failure naming its line number, and the lines after it are still read;
/// blank lines are skipped.
pub fn map_documents_in_order<T, F, W>(
    input: impl BufRead + Send,
    options: &RunOptions,
    map: F,
    write: W,
) -> std::io::Result<()>
where
    T: Send,
    F: Fn(Result<Source, SourceFailure>) -> Result<T, SourceFailure> + Sync,
    W: FnMut(Result<T, SourceFailure>) -> std::io::Result<()> + Send,
{
    let lines = input
        .lines()
        .enumerate()
        .filter(|(_, line)| line.as_ref().is_ok_and(|l| !l.trim().is_empty()) || line.is_err());
    let failure = |line: usize, message: String| SourceFailure {
        source: STDIN.to_string(),
        message: format!("line {line}: {message}"),
    };
    in_order(
        lines,
        |(at, line)| {
            let document = match line {
                Ok(text) => serde_json::from_str::<Document>(&text)
                    .map_err(|e| failure(at + 1, format!("not a document {{\"path\",\"text\",\"published\"}}: {e}"))),
                Err(e) => Err(failure(at + 1, format!("cannot be read: {e}"))),
            };
            map(document.and_then(|d| d.into_source(options.published)))
        },
        write,
    )
}

/// Runs `work` on every job in parallel (one worker per thread of the rayon pool) and
/// hands the results to `write` in job order, each as soon as it and every one before
/// it are done. A worker takes a new job only while fewer than one job per worker is
/// taken and not yet written, so a slow job holds the others back instead of letting
/// finished results pile up: memory stays bounded by one job per thread whatever the
/// number of jobs. Jobs are drawn from `jobs` lazily, so it may be a stream. Stops
/// taking jobs at the first error of `write` and returns it.
pub fn in_order<J, T, I, W, F>(jobs: I, work: W, write: F) -> std::io::Result<()>
where
    I: Iterator<Item = J> + Send,
    T: Send,
    W: Fn(J) -> T + Sync,
    F: FnMut(T) -> std::io::Result<()> + Send,
{
    struct Line<I, T, F> {
        jobs: I,
        taken: usize,
        written: usize,
        done: Vec<(usize, T)>,
        write: F,
        failed: Option<std::io::Error>,
        exhausted: bool,
    }
    let window = rayon::current_num_threads().max(1);
    let line = Mutex::new(Line { jobs, taken: 0, written: 0, done: Vec::new(), write, failed: None, exhausted: false });
    let turn = Condvar::new();
    let worker = || {
        loop {
            let (index, job) = {
                let mut state = line.lock().unwrap_or_else(PoisonError::into_inner);
                while !state.exhausted && state.failed.is_none() && state.taken - state.written >= window {
                    state = turn.wait(state).unwrap_or_else(PoisonError::into_inner);
                }
                if state.exhausted || state.failed.is_some() {
                    return;
                }
                match state.jobs.next() {
                    Some(job) => {
                        state.taken += 1;
                        (state.taken - 1, job)
                    }
                    None => {
                        state.exhausted = true;
                        turn.notify_all();
                        return;
                    }
                }
            };
            let result = work(job);
            let mut state = line.lock().unwrap_or_else(PoisonError::into_inner);
            state.done.push((index, result));
            // A handful of results at most (one per worker), so a scan beats a map.
            while let Some(at) = state.done.iter().position(|(i, _)| *i == state.written) {
                let (_, result) = state.done.swap_remove(at);
                state.written += 1;
                if state.failed.is_none() {
                    let state = &mut *state;
                    if let Err(e) = (state.write)(result) {
                        state.failed = Some(e);
                    }
                }
            }
            turn.notify_all();
        }
    };
    rayon::scope(|scope| {
        for _ in 0..window {
            scope.spawn(|_| worker());
        }
    });
    let state = line.into_inner().unwrap_or_else(PoisonError::into_inner);
    state.failed.map_or(Ok(()), Err)
}

/// Reads one source, its error told as the report tells it. A file that its folder's
/// manifest does not list is read all the same, with a warning: whoever keeps the
/// manifest meant to date every source, and a forgotten one is not silent.
fn read(path: &Path, manifest: Option<&Metadata>, options: &RunOptions) -> Result<Source, SourceFailure> {
    let mut source = Source::read(path, manifest, options.published)
        .map_err(|e| SourceFailure { source: source::display_path(path), message: e.to_string() })?;
    let listing = path.parent().map(|folder| folder.join(source::MANIFEST_NAME));
    if manifest.is_none()
        && let Some(listing) = listing.filter(|l| l.is_file())
    {
        source.warnings.push(format!(
            "not listed in {}: its date, outlet and title come from the file alone",
            source::display_path(&listing)
        ));
    }
    Ok(source)
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
    run_with_unused(paths, checker, options, observer).0
}

/// [`run_observed`], and the rules the run left unused (which the report's warnings
/// also tell), for `factlint rules check --against`.
pub fn run_with_unused(
    paths: &[PathBuf],
    checker: &Checker,
    options: &RunOptions,
    observer: &dyn Observer,
) -> (Report, Vec<UnusedRule>) {
    check_discovered(
        source::discover_walk(paths, options.ignore_files, options.links),
        checker,
        options,
        observer,
        None,
    )
}

/// A draft against its references (`check DRAFT... --against REF...`): every source
/// is read, and the findings are about the drafts only ([`check::against`]). A file
/// found among both is read once, as a draft, and the report says so.
pub fn run_against(
    drafts: &[PathBuf],
    references: &[PathBuf],
    checker: &Checker,
    options: &RunOptions,
    observer: &dyn Observer,
) -> Report {
    let mut discovered = source::discover_walk(drafts, options.ignore_files, options.links);
    let shown: BTreeSet<String> = discovered.files.iter().map(|(p, _)| source::display_path(p)).collect();
    let same_file = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let draft_files: BTreeSet<PathBuf> = discovered.files.iter().map(|(p, _)| same_file(p)).collect();
    let found = source::discover_walk(references, options.ignore_files, options.links);
    let mut notes = Vec::new();
    for (path, meta) in found.files {
        if draft_files.contains(&same_file(&path)) {
            notes.push(format!(
                "{} is both a draft and a reference: read once, as the draft",
                source::display_path(&path)
            ));
        } else {
            discovered.files.push((path, meta));
        }
    }
    discovered.failures.extend(found.failures);
    discovered.warnings.extend(found.warnings);
    discovered.files.sort_by(|a, b| a.0.cmp(&b.0));
    let (mut report, _) = check_discovered(discovered, checker, options, observer, Some(&shown));
    report.warnings.splice(0..0, notes);
    report
}

/// The check of the sources found: every source read (map), then every fact compared
/// (reduce); with `drafts`, the drafts' claims are judged against the others'.
fn check_discovered(
    mut discovered: Discovered,
    checker: &Checker,
    options: &RunOptions,
    observer: &dyn Observer,
    drafts: Option<&BTreeSet<String>>,
) -> (Report, Vec<UnusedRule>) {
    let walk_warnings = std::mem::take(&mut discovered.warnings);
    observer.discovered(discovered.files.len());
    let (analyses, failures) = map_sources(discovered, options, |read| {
        let analysis = read.map(|source| Analysis { claims: Vec::new(), ..analyze_source(&source, checker) });
        observer.analyzed(analysis.as_ref().map_or(0, |a| a.summary.claims));
        analysis
    });
    let (mut report, unused) = reduce_judged(checker, analyses, failures, drafts);
    // What the walk skipped (links not followed, ignore files that are not files) is
    // said first, before what the rules left unused.
    report.warnings.splice(0..0, walk_warnings);
    (report, unused)
}

/// The reduce step over what the map step kept of every source (in path order) and the
/// sources that could not be read: facts compared, names compared, the report with its
/// warnings. `check` and `factlint reduce` both end here, which is what makes them agree.
pub fn reduce(checker: &Checker, analyses: Vec<Analysis>, failures: Vec<SourceFailure>) -> Report {
    reduce_with_unused(checker, analyses, failures).0
}

/// [`reduce`], and the rules the run left unused (which the report's warnings also tell).
pub fn reduce_with_unused(
    checker: &Checker,
    analyses: Vec<Analysis>,
    failures: Vec<SourceFailure>,
) -> (Report, Vec<UnusedRule>) {
    reduce_judged(checker, analyses, failures, None)
}

/// [`reduce_with_unused`]; with `drafts`, the drafts' claims are judged against the
/// others' ([`check::against`]) and disagreements among the references are counted.
fn reduce_judged(
    checker: &Checker,
    analyses: Vec<Analysis>,
    failures: Vec<SourceFailure>,
    drafts: Option<&BTreeSet<String>>,
) -> (Report, Vec<UnusedRule>) {
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
    let usage = Usage::of(&selected, &names);
    let mut reference_conflicts = 0;
    let findings = match drafts {
        Some(drafts) => {
            let judged = check::against::check(&checker.rules, selected, &|source| drafts.contains(source));
            reference_conflicts = judged.reference_conflicts;
            let mut findings = judged.findings;
            // A name finding is about the draft when the draft holds one of its spellings.
            let names = check::names::compare(&checker.rules, names);
            findings.extend(names.into_iter().filter(|f| f.claims.iter().any(|c| drafts.contains(&*c.place.source))));
            findings
        }
        None => {
            let mut findings = check::check(&checker.rules, selected);
            findings.extend(check::names::compare(&checker.rules, names));
            findings
        }
    };
    let counts = Counted { suppressed, reference_conflicts };
    report_of(checker, sources, findings, failures, &usage, &cued, counts)
}

/// What a reduce counts beside its findings, for the report's warnings.
#[derive(Clone, Copy, Debug, Default)]
struct Counted {
    /// Claims silenced by `factlint-disable` comments.
    suppressed: usize,
    /// Facts on which the references disagree (`check --against`).
    reference_conflicts: usize,
}

/// The report of a reduce: the findings capped ([`check::CLAIMS_PER_VALUE_MAX`]) and
/// sorted, the sources, and the warnings of the rules left unused, of records that
/// cannot be read, and of silenced claims. Whole reduce and merged parts end here.
fn report_of(
    checker: &Checker,
    sources: Vec<SourceSummary>,
    mut findings: Vec<Finding>,
    failures: Vec<SourceFailure>,
    usage: &Usage,
    cued: &[bool],
    counted: Counted,
) -> (Report, Vec<UnusedRule>) {
    let Counted { suppressed, reference_conflicts } = counted;
    let unused = if sources.is_empty() { Vec::new() } else { unused_rules(&checker.rules, usage, cued) };
    // Name findings (and a draft's) are capped here; fact findings already are.
    for finding in &mut findings {
        finding.cap_claims(check::CLAIMS_PER_VALUE_MAX);
    }
    check::sort_findings(&mut findings);
    let mut report = Report::new(sources, findings, failures);
    // One source read has nothing to compare with: saying so of every fact is noise.
    let compared = report.sources.len() > 1;
    report.warnings.extend(unused.iter().filter(|u| compared || u.is_dead()).map(ToString::to_string));
    report.summary.reference_conflicts = reference_conflicts;
    if reference_conflicts > 0 {
        report.warnings.push(format!(
            "the references disagree among themselves on {reference_conflicts} fact(s): not findings (the draft is judged against them)"
        ));
    }
    // `factlint rules check` refuses these; a library caller that skipped it hears of them here.
    for (id, fact) in &checker.rules.facts {
        if let Some(written) = fact.value.as_deref().filter(|_| check::record::read(fact).is_none()) {
            report.warnings.push(format!(
                "fact `{id}`: `value: {written}` reads as no {}; its claims are compared with one another instead",
                fact.claim
            ));
        }
    }
    if suppressed > 0 {
        report.warnings.push(format!("{suppressed} claim(s) silenced by factlint-disable comments"));
    }
    (report, unused)
}

/// What `factlint explain` shows: the same map and reduce as [`run`], with selection's
/// decisions kept.
#[derive(Clone, Debug)]
pub struct Explanation {
    /// Every decision selection made about the facts asked for, source by source in
    /// path order, then fact by fact and sentence by sentence.
    pub decisions: Vec<Traced>,
    /// The claims taken, with the dates around them, for comparing.
    pub selected: Vec<Selected>,
    /// The findings of those facts, as `check` reports them.
    pub findings: Vec<Finding>,
    /// The sources read.
    pub sources: Vec<SourceSummary>,
    /// The sources that could not be read.
    pub failures: Vec<SourceFailure>,
}

/// Runs the pipeline over `paths` keeping selection's decisions about `facts` (indices
/// in id order; all when `None`).
pub fn explain(paths: &[PathBuf], checker: &Checker, options: &RunOptions, facts: Option<Vec<usize>>) -> Explanation {
    let discovered = source::discover_walk(paths, options.ignore_files, options.links);
    let (analyses, failures) = map_sources(discovered, options, |read| {
        read.map(|source| {
            let mut trace = Decisions { facts: facts.clone(), kept: Vec::new() };
            let analysis = analyze_source_traced(&source, checker, &mut trace);
            (analysis, trace.kept)
        })
    });
    let mut explanation = Explanation {
        decisions: Vec::new(),
        selected: Vec::new(),
        findings: Vec::new(),
        sources: Vec::new(),
        failures,
    };
    for (analysis, decisions) in analyses {
        explanation.sources.push(analysis.summary);
        explanation.decisions.extend(decisions);
        explanation
            .selected
            .extend(analysis.selected.into_iter().filter(|s| facts.as_ref().is_none_or(|f| f.contains(&s.fact))));
    }
    let ids: Vec<&String> = checker.rules.facts.keys().collect();
    explanation.findings = check::check(&checker.rules, explanation.selected.clone())
        .into_iter()
        .filter(|f| {
            facts.as_ref().is_none_or(|wanted| wanted.iter().any(|&i| ids.get(i).is_some_and(|id| **id == f.id)))
        })
        .collect();
    explanation
}

/// What discovery induced from a corpus without rules: the candidate groups, the rule
/// file written from them, and what was read.
#[derive(Debug)]
pub struct Induction {
    /// The candidate facts, in key order.
    pub groups: Vec<check::discover::Group>,
    /// The rule file induced from them, and the rule set read from it.
    pub induced: check::discover::Induced,
    /// How many sources were read.
    pub sources: usize,
    /// How many comparable claims they hold.
    pub claims: usize,
    /// The sources that could not be read.
    pub failures: Vec<SourceFailure>,
}

/// The map and reduce of discovery (`factlint suggest` stops here): every source's
/// comparable claims with their contexts (in parallel, one source's text at a time),
/// grouped into candidate facts, induced into a rule set with `entities` (ids and
/// specs, such as the names discovery finds) for `about`.
pub fn induce(paths: &[PathBuf], options: &RunOptions, entities: &[(String, rules::EntitySpec)]) -> Induction {
    let mut named = RuleSet::default();
    for (id, spec) in entities {
        named.entities.insert(id.clone(), rules::Entity::resolve(spec, &named.defaults));
    }
    let ids: Vec<String> = named.entities.keys().cloned().collect();
    // Entities that cannot be compiled are no worse than none: the facts lose `about`.
    let matcher = if ids.is_empty() { None } else { Matcher::new(&named).ok() };
    let discovered = source::discover_walk(paths, options.ignore_files, options.links);
    let (observations, failures) = map_sources(discovered, options, |read| {
        read.map(|source| {
            let sentences = segment::sentences(&source);
            let index = LineIndex::new(&source.text);
            let claims = claims_of(&source, &index, &sentences);
            check::discover::observe(
                &source.display_path(),
                source.metadata.published,
                &sentences,
                &claims,
                matcher.as_ref().map(|m| (m, ids.as_slice())),
            )
        })
    });
    let groups = check::discover::group(&observations);
    let induced = check::discover::induce(&groups, entities);
    let claims = observations.iter().map(|o| o.claims.len()).sum();
    Induction { groups, induced, sources: observations.len(), claims, failures }
}

/// `factlint discover`: [`induce`], then the ordinary check with the induced rules, its
/// findings ranked by confidence and those under `min_confidence` left out
/// ([`check::discover::rank`]).
pub fn discover(
    paths: &[PathBuf],
    options: &RunOptions,
    entities: &[(String, rules::EntitySpec)],
    min_confidence: f64,
    observer: &dyn Observer,
) -> Result<(Induction, Report), MatcherError> {
    let induction = induce(paths, options, entities);
    let checker = Checker::new(induction.induced.rules.clone())?;
    let (mut report, unused) = check_discovered(
        source::discover_walk(paths, options.ignore_files, options.links),
        &checker,
        options,
        observer,
        None,
    );
    // The induced facts are the run's own: "no claim taken" warnings about them say
    // nothing to the user, who wrote no rule.
    let unused: Vec<String> = unused.iter().map(ToString::to_string).collect();
    report.warnings.retain(|w| !unused.contains(w));
    check::discover::rank(&mut report.findings, &checker.rules, min_confidence);
    report.summary.findings = report.findings.len();
    for refused in &induction.induced.refused {
        report.warnings.push(format!("a discovered fact was left out: {refused}"));
    }
    if report.sources.len() == 1 {
        report.warnings.push("one source read: discovery needs two or more to compare".into());
    } else if report.sources.len() > 1 && induction.groups.is_empty() {
        report.warnings.push(format!(
            "no fact found that two sources state ({} comparable claim(s) in {} source(s))",
            induction.claims, induction.sources
        ));
    }
    Ok((induction, report))
}
