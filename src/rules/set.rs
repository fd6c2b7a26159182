//! A rule set as the checks use it: the rule files of one or more paths merged, each
//! fact and entity resolved from its written form with `defaults` applied, and the
//! place of everything kept so that later errors can point into the files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::locate::Locator;
use super::model::{self, Defaults, EntitySpec, Examples, FactKind, FactSpec, RuleFile, Scope, Severity};
use super::{check_examples, validate};
use crate::source::{IgnoreFiles, SourceFailure, display_path};
use crate::span::LineIndex;
use crate::value::{Interval, Tolerance, day_window, unit};

/// Something the sources speak of, with its house spelling.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// The house spelling, or empty when the entity gives only aliases.
    pub name: String,
    /// Other accepted ways to refer to it; never reported.
    pub aliases: Vec<String>,
    /// What the name or an all-capitals alias stands for, when it is an acronym.
    pub expansion: Option<String>,
    /// How serious its `variant` and `expansion` findings are.
    pub severity: Severity,
    /// What or who it is, for people.
    pub description: Option<String>,
}

impl Entity {
    /// An entity as written, its severity filled from `defaults.names`, else `warning`.
    pub fn resolve(spec: &EntitySpec, defaults: &Defaults) -> Entity {
        Entity {
            name: spec.name.clone(),
            aliases: spec.aliases.clone(),
            expansion: spec.expansion.clone(),
            severity: spec.severity.or(defaults.names).unwrap_or(Severity::Warning),
            description: spec.description.clone(),
        }
    }

    /// The acronyms among the name and aliases: words of two or more capitals (dots
    /// allowed, as in `U.S.`).
    pub fn acronyms(&self) -> impl Iterator<Item = &str> {
        model::acronyms(&self.name, &self.aliases)
    }
}

/// A fact to check across sources, with every setting decided.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// What the fact is, for people.
    pub description: Option<String>,
    /// Which kind of claim states it.
    pub claim: FactKind,
    /// Entity ids that must all be mentioned in scope.
    pub about: Vec<String>,
    /// Words or phrases of which at least one must appear in scope.
    pub cues: Vec<String>,
    /// Words or phrases none of which may appear in scope.
    pub exclude: Vec<String>,
    /// For numbers: what the number must count.
    pub counted: Vec<String>,
    /// For quantities: the base unit of the dimension to take (`m` for `unit: ft`), as
    /// quantity claims carry it; for numbers, `years` (ages).
    pub unit: Option<String>,
    /// The event's time window (`during: START/END`), in days, read once.
    pub during: Option<Interval>,
    /// Where to look for entities and cues: the fact's own, else `defaults.scope`, else
    /// the sentence.
    pub scope: Scope,
    /// How serious a disagreement is: the fact's own, else `defaults.severity`, else
    /// `error`.
    pub severity: Severity,
    /// How far apart values may be and still agree: the fact's own, else
    /// `defaults.tolerance` when it fits the fact's kind, else none.
    pub tolerance: Option<Tolerance>,
    /// Values that rise as reports come in: a later, larger value is an update.
    pub evolving: bool,
    /// Sentences that must and must not match, checked by `factlint rules check`.
    pub examples: Examples,
    /// The desk's record as written (`value:`): read by `check::record`, which knows
    /// the extractors that read it.
    pub value: Option<String>,
    /// Where the record comes from (`source:`), free text.
    pub source: Option<String>,
}

impl Fact {
    /// A fact as written, with what it leaves out filled from `defaults`.
    pub fn resolve(spec: &FactSpec, defaults: &Defaults) -> Fact {
        Fact {
            description: spec.description.clone(),
            claim: spec.claim,
            about: spec.about.clone(),
            cues: spec.cues.clone(),
            exclude: spec.exclude.clone(),
            counted: spec.counted.clone(),
            unit: spec.unit.as_deref().map(unit::rule_unit),
            during: spec.during.as_deref().and_then(day_window),
            scope: spec.scope.or(defaults.scope).unwrap_or_default(),
            severity: spec.severity.or(defaults.severity).unwrap_or_default(),
            tolerance: spec
                .tolerance
                .or_else(|| defaults.tolerance.filter(|t| validate::tolerance_fits(spec.claim, t))),
            evolving: spec.evolving,
            examples: spec.examples.clone(),
            value: spec.value.clone(),
            source: spec.source.clone(),
        }
    }
}

/// A place in a rule file, with the text of its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulePlace {
    /// The rule file as shown in messages.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The line's text, without its line end.
    pub text: String,
}

/// A rule file as read, kept so that later checks can point into it.
#[derive(Clone, Debug)]
pub(super) struct Origin {
    /// The file as shown in messages.
    pub(super) file: String,
    /// Its text.
    pub(super) text: String,
}

/// A merged, validated rule set.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    /// Entities by id, with `defaults` applied.
    pub entities: BTreeMap<String, Entity>,
    /// Facts by id, with `defaults` applied.
    pub facts: BTreeMap<String, Fact>,
    /// The files the set was read from.
    pub files: Vec<PathBuf>,
    /// The `defaults` section (at most one in a set).
    pub defaults: Defaults,
    origins: Vec<Origin>,
    /// Entities and facts as written, kept so that `defaults` in a later file still
    /// apply to them.
    entity_specs: BTreeMap<String, EntitySpec>,
    fact_specs: BTreeMap<String, FactSpec>,
    /// Index into `origins` of the file that defines each entity, fact and the defaults.
    entity_origin: BTreeMap<String, usize>,
    fact_origin: BTreeMap<String, usize>,
    defaults_origin: Option<usize>,
}

/// A problem in a rule file, with its place.
#[derive(Debug, thiserror::Error)]
#[error("{file}{}: {message}", location.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default())]
pub struct RuleError {
    /// The rule file.
    pub file: String,
    /// 1-based line and column, when known.
    pub location: Option<(usize, usize)>,
    /// What is wrong, and what would be right.
    pub message: String,
}

impl From<SourceFailure> for RuleError {
    fn from(failure: SourceFailure) -> RuleError {
        RuleError { file: failure.source, location: None, message: failure.message }
    }
}

/// The largest rule file read, in bytes.
pub const RULE_FILE_MAX: usize = 4 << 20;

/// The deepest flow nesting (`[`, `{`) a rule file may have.
pub const RULE_DEPTH_MAX: usize = 32;

/// True for a file a rules folder walk takes.
fn is_rule_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

impl RuleSet {
    /// Loads rule files and folders of `.yaml` files, merged into one set, and checks
    /// what spans files (every `about` names a known entity) and the facts' examples
    /// (as prh checks its specs on load: a rule whose examples fail is broken).
    ///
    /// Folders are walked as source folders are (recursive, honouring `.gitignore`);
    /// an entry of one that cannot be read is an error, not skipped.
    pub fn load(paths: &[PathBuf]) -> Result<RuleSet, Vec<RuleError>> {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            if path.is_dir() {
                let mut failures = Vec::new();
                let before = files.len();
                crate::source::walk_folder(path, is_rule_file, IgnoreFiles::Honoured, &mut files, &mut failures);
                if files.len() == before && failures.is_empty() {
                    errors.push(RuleError {
                        file: display_path(path),
                        location: None,
                        message: "no rule files (`.yaml`) in this folder".into(),
                    });
                }
                files[before..].sort();
                errors.extend(failures.into_iter().map(RuleError::from));
            } else {
                files.push(path.clone());
            }
        }
        let mut set = RuleSet::default();
        for file in &files {
            match crate::source::read_regular(file) {
                Ok(text) => {
                    if let Err(e) = set.add(file, &text) {
                        errors.extend(e);
                    }
                }
                Err(e) => errors.push(RuleError { file: display_path(file), location: None, message: e.to_string() }),
            }
        }
        errors.extend(set.check_references());
        if errors.is_empty() {
            match check_examples(&set) {
                Ok(failed) => errors.extend(failed),
                Err(e) => errors.push(RuleError {
                    file: paths.iter().map(|p| display_path(p)).collect::<Vec<_>>().join(", "),
                    location: None,
                    message: e.to_string(),
                }),
            }
        }
        if errors.is_empty() { Ok(set) } else { Err(errors) }
    }

    /// Parses one rule file's text into the set and checks it on its own and against
    /// the ids already in the set. References to entities are checked by
    /// [`RuleSet::check_references`] once every file is in.
    pub fn add(&mut self, path: &Path, text: &str) -> Result<(), Vec<RuleError>> {
        let file = display_path(path);
        // Refused before parsing: the YAML parser is quadratic in flow nesting.
        if text.len() > RULE_FILE_MAX {
            let message =
                format!("a rule file is at most {} MB; this one is {} bytes", RULE_FILE_MAX >> 20, text.len());
            return Err(vec![RuleError { file, location: None, message }]);
        }
        if let Some(at) = crate::text::yaml_nesting_over(text, RULE_DEPTH_MAX) {
            let line = text[..at].matches('\n').count() + 1;
            let column = text[..at].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let message = format!("nested deeper than {RULE_DEPTH_MAX} levels (`[` or `{{`); no rule needs that");
            return Err(vec![RuleError { file, location: Some((line, column)), message }]);
        }
        let parsed: RuleFile = if validate::is_blank(text) {
            RuleFile::default()
        } else {
            serde_yaml::from_str(text).map_err(|e| vec![validate::from_yaml(&file, text, &e)])?
        };
        let origin = self.origins.len();
        self.origins.push(Origin { file, text: text.to_string() });
        self.files.push(path.to_path_buf());

        let mut errors = validate::file(&self.origins[origin], &parsed.entities, &parsed.facts);
        if let Some(defaults) = parsed.defaults {
            match self.defaults_origin {
                Some(first) => errors.push(self.error(
                    origin,
                    &["defaults"],
                    None,
                    format!("a second `defaults` section; the first is in {}", self.place(first, &["defaults"])),
                )),
                None => {
                    self.defaults = defaults;
                    self.defaults_origin = Some(origin);
                }
            }
        }
        for (id, entity) in parsed.entities {
            if let Some(message) = self.duplicate(&id) {
                errors.push(self.error(origin, &["entities", &id], None, message));
                continue;
            }
            self.entity_origin.insert(id.clone(), origin);
            self.entity_specs.insert(id, entity);
        }
        for (id, fact) in parsed.facts {
            if let Some(message) = self.duplicate(&id) {
                errors.push(self.error(origin, &["facts", &id], None, message));
                continue;
            }
            self.fact_origin.insert(id.clone(), origin);
            self.fact_specs.insert(id, fact);
        }
        self.resolve();
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    /// Errors for `about` entries that name no entity of the set.
    pub fn check_references(&self) -> Vec<RuleError> {
        let ids: Vec<&str> = self.entities.keys().map(String::as_str).collect();
        let mut errors = Vec::new();
        for (id, fact) in &self.facts {
            let origin = self.fact_origin.get(id).copied().unwrap_or_default();
            for entity in &fact.about {
                if self.entities.contains_key(entity) {
                    continue;
                }
                let hint = validate::did_you_mean(entity, &ids);
                let known = if ids.is_empty() { " (the set defines no entities)".to_string() } else { hint };
                errors.push(self.error(
                    origin,
                    &["facts", id, "about"],
                    Some(entity),
                    format!("fact `{id}`: unknown entity `{entity}` in `about`{known}"),
                ));
            }
        }
        errors
    }

    /// Errors for facts whose `value:` (the desk's record) is not a value of their
    /// kind, placed at the value. `readable` says whether a fact's record reads as a
    /// claim of its kind; it is given by the caller (`check::record::is_readable`),
    /// since reading a value as written takes the extractors, which rules do not know.
    pub fn check_records(&self, readable: impl Fn(&Fact) -> bool) -> Vec<RuleError> {
        let mut errors = Vec::new();
        for (id, fact) in &self.facts {
            let Some(written) = fact.value.as_deref() else { continue };
            if written.trim().is_empty() || readable(fact) {
                continue;
            }
            let origin = self.fact_origin.get(id).copied().unwrap_or_default();
            let message = validate::record_unreadable(id, fact.claim, written);
            errors.push(self.error(origin, &["facts", id, "value"], Some(written), message));
        }
        errors
    }

    /// Where a fact's `value:` (the desk's record) is written, for the findings that
    /// cite it: the rule file as shown, the value's line and column, and that line.
    pub fn record_place(&self, id: &str) -> Option<RulePlace> {
        let written = self.facts.get(id)?.value.as_deref()?;
        let origin = self.origins.get(*self.fact_origin.get(id)?)?;
        let at = Locator::new(&origin.text);
        let path = ["facts", id, "value"];
        let (line, column) = at.value(&path, written).or_else(|| at.key(&path))?;
        let range = LineIndex::new(&origin.text).line_range(&origin.text, line)?;
        let text = origin.text.get(range)?.to_string();
        Some(RulePlace { file: origin.file.clone(), line, column, text })
    }

    /// The severity of an entity's `variant` and `expansion` findings.
    pub fn name_severity(&self, entity: &str) -> Severity {
        match self.entities.get(entity) {
            Some(e) => e.severity,
            None => self.defaults.names.unwrap_or(Severity::Warning),
        }
    }

    /// The place of one of a fact's examples, for messages.
    pub fn example_error(&self, id: &str, key: &str, example: &str, message: String) -> RuleError {
        let origin = self.fact_origin.get(id).copied().unwrap_or_default();
        self.error(origin, &["facts", id, "examples", key], Some(example), message)
    }

    fn duplicate(&self, id: &str) -> Option<String> {
        let (what, origin, section) = if let Some(&o) = self.entity_origin.get(id) {
            ("an entity", o, "entities")
        } else if let Some(&o) = self.fact_origin.get(id) {
            ("a fact", o, "facts")
        } else {
            return None;
        };
        Some(format!(
            "duplicate id `{id}`: already {what} in {} (ids are unique across the rule set)",
            self.place(origin, &[section, id])
        ))
    }

    fn place(&self, origin: usize, path: &[&str]) -> String {
        let Some(o) = self.origins.get(origin) else { return String::new() };
        match Locator::new(&o.text).key(path) {
            Some((line, column)) => format!("{}:{line}:{column}", o.file),
            None => o.file.clone(),
        }
    }

    fn error(&self, origin: usize, path: &[&str], value: Option<&str>, message: String) -> RuleError {
        match self.origins.get(origin) {
            Some(o) => validate::located(o, path, value, message),
            None => RuleError { file: String::new(), location: None, message },
        }
    }

    /// Resolves every entity and fact as written against the set's `defaults`, which
    /// may have come in a later file than they did.
    fn resolve(&mut self) {
        let defaults = &self.defaults;
        self.entities = self.entity_specs.iter().map(|(id, e)| (id.clone(), Entity::resolve(e, defaults))).collect();
        self.facts = self.fact_specs.iter().map(|(id, f)| (id.clone(), Fact::resolve(f, defaults))).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(text: &str) -> Result<RuleSet, Vec<RuleError>> {
        let mut set = RuleSet::default();
        set.add(Path::new("r.yaml"), text)?;
        let errors = set.check_references();
        if errors.is_empty() { Ok(set) } else { Err(errors) }
    }

    #[test]
    fn scopes_parse_in_every_form() {
        let rules = set("facts:\n  a:\n    claim: date\n    cues: [x]\n    scope: {window: 2}\n  b:\n    claim: date\n    cues: [x]\n    scope:\n      window: 1\n  c:\n    claim: date\n    cues: [x]\n    scope: paragraph\n").unwrap();
        assert_eq!(rules.facts["a"].scope, Scope::Window(2));
        assert_eq!(rules.facts["b"].scope, Scope::Window(1));
        assert_eq!(rules.facts["c"].scope, Scope::Paragraph);
    }

    #[test]
    fn defaults_fill_what_facts_leave_out() {
        let rules = set("defaults:\n  severity: warning\n  scope: paragraph\n  tolerance: 5%\nfacts:\n  a:\n    claim: number\n    cues: [x]\n  b:\n    claim: date\n    cues: [x]\n    severity: info\n").unwrap();
        assert_eq!(rules.facts["a"].severity, Severity::Warning);
        assert_eq!(rules.facts["a"].scope, Scope::Paragraph);
        assert_eq!(rules.facts["a"].tolerance, Some(Tolerance::Percent(5.0)));
        assert_eq!(rules.facts["b"].severity, Severity::Info);
        // A percentage does not fit a date.
        assert_eq!(rules.facts["b"].tolerance, None);
    }

    #[test]
    fn defaults_in_a_later_file_apply_to_earlier_facts_and_entities() {
        let mut rules = RuleSet::default();
        rules
            .add(
                Path::new("a.yaml"),
                "entities:\n  k:\n    name: Kim\nfacts:\n  a:\n    claim: number\n    cues: [x]\n",
            )
            .unwrap();
        assert_eq!(rules.name_severity("k"), Severity::Warning);
        rules.add(Path::new("b.yaml"), "defaults:\n  severity: info\n  names: error\n").unwrap();
        assert_eq!(rules.facts["a"].severity, Severity::Info);
        assert_eq!(rules.entities["k"].severity, Severity::Error);
        assert_eq!(rules.name_severity("k"), Severity::Error);
    }

    #[test]
    fn a_written_setting_must_hold_a_value() {
        let errors = set("facts:\n  a:\n    claim: date\n    cues: [x]\n    severity: ~\n").unwrap_err();
        assert!(errors[0].message.starts_with("fact `a`, `severity`: unknown value `~`"), "{}", errors[0]);
    }

    #[test]
    fn errors_name_the_place_and_the_nearest_key() {
        let errors = set("facts:\n  a:\n    claim: date\n    cue: [x]\n").unwrap_err();
        assert_eq!(errors[0].to_string(), "r.yaml:4:5: fact `a`: unknown key `cue`, did you mean `cues`?");
        let errors =
            set("entities:\n  kim:\n    name: Kim\nfacts:\n  a:\n    claim: date\n    about: [kin]\n    cues: [x]\n")
                .unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "r.yaml:7:13: fact `a`: unknown entity `kin` in `about`, did you mean `kim`?"
        );
    }

    #[test]
    fn duplicate_keys_are_refused_at_every_level() {
        for (text, expected) in [
            ("facts:\n  a:\n    claim: date\n    cues: [x]\n  a:\n    claim: date\n    cues: [x]\n", "`facts`"),
            ("entities:\n  k:\n    name: Kim\n  k:\n    name: Kim\n", "`entities`"),
            ("facts:\n  a:\n    claim: date\n    claim: number\n    cues: [x]\n", "fact `a`"),
            ("facts:\n  a:\n    claim: date\n    cues: [x]\nfacts:\n  b:\n    claim: date\n", ""),
            ("facts:\n  a:\n    claim: date\n    cues: [x]\n    scope: {window: 1, window: 2}\n", "fact `a`"),
        ] {
            let errors = set(text).unwrap_err();
            assert!(errors[0].message.contains("duplicate key"), "{text}: {}", errors[0]);
            assert!(errors[0].message.starts_with(expected), "{text}: {}", errors[0]);
        }
    }

    #[test]
    fn duplicate_ids_across_files_name_both_places() {
        let mut rules = RuleSet::default();
        rules.add(Path::new("a.yaml"), "entities:\n  kim:\n    name: Kim\n").unwrap();
        let errors = rules.add(Path::new("b.yaml"), "facts:\n  kim:\n    claim: date\n    cues: [x]\n").unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "b.yaml:2:3: duplicate id `kim`: already an entity in a.yaml:2:3 (ids are unique across the rule set)"
        );
    }
}
