//! Entities without rules, end to end: the map step reads each source's proper names
//! into a [`SourceNames`] ([`source_names`]), the reduce step groups them across
//! sources ([`entities`]), and [`check_discovered_names`] runs the ordinary check with
//! those entities as its only rules, so that the name checks report the variants and
//! expansions they group. `discover` adds the same entities to the rules it induces.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::check::names::{DiscoveredEntity, SourceNames, entities};
use crate::extract::names::proper_names;
use crate::report::Report;
use crate::rules::{EntitySpec, MatcherError, RuleError, RuleSet};
use crate::segment::{self, Sentence};
use crate::source::{self, Source, SourceFailure};
use crate::span::LineIndex;

use super::{Checker, RunOptions, map_sources, run};

/// The name under which the discovered entities stand as a rule file.
const DISCOVERED: &str = "<discovered names>";

/// Why the discovered entities could not be checked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NamesError {
    /// The entities did not make a rule set (a bug: they are built to).
    #[error("the discovered entities make no rule set: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Rules(Vec<RuleError>),
    /// Their spellings could not be compiled for matching.
    #[error(transparent)]
    Matcher(#[from] MatcherError),
}

/// The proper names of one source, each placed at its first line and column in the file.
pub fn source_names(source: &Source, index: &LineIndex, sentences: &[Sentence]) -> SourceNames {
    let mut names = SourceNames::new(source.display_path());
    for sentence in sentences {
        let Some(block) = source.blocks.get(sentence.block) else { continue };
        for name in proper_names(&sentence.text) {
            let span = block.to_original(name.span.shift(sentence.block_start));
            // A name in text the reader added (a repeated table header) is written
            // nowhere in the file; its own block holds it once.
            if span.is_empty() {
                continue;
            }
            names.add(&sentence.text, &name, index.position(&source.text, span.start));
        }
    }
    names
}

/// The proper names of every source under `paths`, in path order (the map step), and
/// the sources that could not be read.
pub fn names_of_sources(paths: &[PathBuf], options: &RunOptions) -> (Vec<SourceNames>, Vec<SourceFailure>) {
    map_sources(source::discover_walk(paths, options.ignore_files, options.links), options, |read| {
        read.map(|source| {
            let sentences = segment::sentences(&source);
            source_names(&source, &LineIndex::new(&source.text), &sentences)
        })
    })
}

/// A rule set holding the discovered entities and nothing else.
pub fn rules_of(found: &[DiscoveredEntity]) -> Result<RuleSet, Vec<RuleError>> {
    #[derive(Serialize)]
    struct File<'a> {
        entities: BTreeMap<&'a str, &'a EntitySpec>,
    }
    let file = File { entities: found.iter().map(|e| (e.id.as_str(), &e.spec)).collect() };
    let text = serde_yaml::to_string(&file)
        .map_err(|e| vec![RuleError { file: DISCOVERED.to_string(), location: None, message: e.to_string() }])?;
    let mut rules = RuleSet::default();
    rules.add(Path::new(DISCOVERED), &text)?;
    Ok(rules)
}

/// The entities the sources under `paths` make without rules, and the report of the
/// ordinary check run with them as its only rules: their variants and expansions.
pub fn check_discovered_names(
    paths: &[PathBuf],
    options: &RunOptions,
) -> Result<(Vec<DiscoveredEntity>, Report), NamesError> {
    let (names, _failures) = names_of_sources(paths, options);
    let found = entities(&names);
    let checker = Checker::new(rules_of(&found).map_err(NamesError::Rules)?)?;
    // The check reads the sources again and reports those it cannot read.
    let report = run(paths, &checker, options);
    Ok((found, report))
}

/// The entities the sources under `paths` make without rules, as the ids and specs
/// `discover` and `suggest` add to the rules they induce (so the ordinary name checks
/// report their variants and expansions, and facts can be `about` them). Sources that
/// cannot be read are left out here; the check that follows reports them.
pub fn discovered_entities(paths: &[PathBuf], options: &RunOptions) -> Vec<(String, EntitySpec)> {
    let (names, _failures) = names_of_sources(paths, options);
    entities(&names).into_iter().map(|e| (e.id, e.spec)).collect()
}
