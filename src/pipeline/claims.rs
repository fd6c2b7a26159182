//! The claims format: what `factlint map` writes and `factlint reduce` reads, the
//! contract between the map step and the reduce step (`docs/claims-format.md` keeps it,
//! field by field).
//!
//! A claims file is JSON Lines: a `header` record (format name, version, the rules'
//! fact and entity ids), then per source a `source` record followed by its `selected`
//! and `name` records, an `error` record per source that could not be read, and an
//! `end` record with the counts of each. The `end` record is what tells a whole file
//! from one cut short by a run killed mid-write: a file without it is refused, never
//! read as a partial result.

use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Analysis;
use crate::check::{Evidence, Selected};
use crate::report::SourceSummary;
use crate::rules::RuleSet;
use crate::source::{self, SourceFailure};
use crate::value::{Interval, Scale};

/// The format's name, in every header record.
pub const FORMAT: &str = "factlint-claims";

/// The format's version: the only one this build reads and writes.
pub const VERSION: u64 = 1;

/// Why claims files cannot be reduced; nothing is checked then.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClaimsError {
    /// The file cannot be read.
    #[error("{file}: cannot be read: {error}")]
    Read {
        /// The claims file.
        file: String,
        /// Why.
        error: io::Error,
    },
    /// The first line is not a header of this format.
    #[error(
        "{file}:1: not a claims file (its first line is not a `{FORMAT}` header record; `factlint map` writes them)"
    )]
    NotClaims {
        /// The claims file.
        file: String,
    },
    /// The first line is not a header of the findings format (`reduce --merge`).
    #[error(
        "{file}:1: not a findings file (its first line is not a `factlint-findings` header record; `factlint reduce --partial` writes them)"
    )]
    NotFindings {
        /// The findings file.
        file: String,
    },
    /// One fact reduced in two parts of a run split by fact.
    #[error("fact `{fact}` is reduced in {first} and again in {second}: each fact belongs to one part")]
    FactTwice {
        /// The fact's id.
        fact: String,
        /// Where it was reduced first.
        first: String,
        /// Where again.
        second: String,
    },
    /// Another version of the format.
    #[error("{file}: claims format version {found}; this factlint ({}) reads version {VERSION}: run `map` and `reduce` with the same release", env!("CARGO_PKG_VERSION"))]
    Version {
        /// The claims file.
        file: String,
        /// The version it says it is, as written.
        found: String,
    },
    /// A line that is not a record of the format, or not where it may stand.
    #[error("{file}:{line}: {message}; nothing was checked")]
    Malformed {
        /// The claims file.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file ends without its `end` record.
    #[error(
        "{file}:{line}: the file ends here without its `end` record: it was cut short (a map run killed mid-write?); nothing was checked"
    )]
    Truncated {
        /// The claims file.
        file: String,
        /// The last line it holds.
        line: usize,
    },
    /// Written with rules other than the reduce step's.
    #[error("{file}: written with other rules ({what}); reduce with the rules the map step used")]
    OtherRules {
        /// The claims file.
        file: String,
        /// Which ids differ.
        what: String,
    },
    /// One source in two claims files (or twice in one).
    #[error("source `{path}` is in {first} and again in {second}: each source belongs to one partition")]
    Duplicate {
        /// The source's path.
        path: String,
        /// The first claims file holding it.
        first: String,
        /// The other.
        second: String,
    },
}

/// A record as written, borrowing from the analysis it comes from.
#[derive(Serialize)]
#[serde(tag = "record", rename_all = "lowercase")]
enum Out<'a> {
    Header { format: &'a str, version: u64, factlint: &'a str, facts: Vec<&'a str>, entities: Vec<&'a str> },
    Source(SourceRecord<&'a str, &'a [String], Vec<&'a str>>),
    Selected { fact: &'a str, context: Option<ContextRecord>, claim: &'a Evidence },
    Name { claim: &'a Evidence },
    Error { source: &'a str, message: &'a str },
    End(Counts),
}

/// A record as read.
#[derive(Deserialize)]
#[serde(tag = "record", rename_all = "lowercase", deny_unknown_fields)]
enum In {
    Header {
        #[allow(dead_code, reason = "checked before the strict read, by `Head`")]
        format: String,
        #[allow(dead_code, reason = "checked before the strict read, by `Head`")]
        version: u64,
        #[allow(dead_code, reason = "which release wrote a file is for people reading it")]
        factlint: String,
        facts: Vec<String>,
        entities: Vec<String>,
    },
    Source(SourceRecord<String, Vec<String>, Vec<String>>),
    Selected {
        fact: String,
        context: Option<ContextRecord>,
        claim: Evidence,
    },
    Name {
        claim: Evidence,
    },
    Error {
        source: String,
        message: String,
    },
    End(Counts),
}

/// The first line read loosely, to tell another format or version before anything else.
#[derive(Deserialize)]
struct Head {
    record: Option<String>,
    format: Option<String>,
    version: Option<serde_json::Value>,
}

/// One source's summary and what the reduce step needs of it besides its claims.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceRecord<S, W, C> {
    path: S,
    published: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outlet: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<S>,
    sentences: usize,
    claims: usize,
    warnings: W,
    cued: C,
    suppressed: usize,
}

/// The days (or other extent) around a selected claim that place it in one event.
/// The ends are written as text, Rust's shortest form of the number that reads back
/// exactly (`inf` and `-inf` included), because JSON numbers cannot carry infinities
/// and a float read back must be the float written for `reduce` to equal `check`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextRecord {
    lo: String,
    hi: String,
    scale: String,
}

/// The counts of the `end` record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Counts {
    sources: usize,
    selected: usize,
    names: usize,
    errors: usize,
}

fn scale_name(scale: Scale) -> &'static str {
    match scale {
        Scale::Days => "days",
        Scale::Seconds => "seconds",
        Scale::Plain => "plain",
    }
}

impl ContextRecord {
    fn of(interval: &Interval) -> ContextRecord {
        ContextRecord {
            lo: interval.lo.to_string(),
            hi: interval.hi.to_string(),
            scale: scale_name(interval.scale).into(),
        }
    }

    fn interval(&self) -> Result<Interval, String> {
        let scale = [Scale::Days, Scale::Seconds, Scale::Plain]
            .into_iter()
            .find(|s| scale_name(*s) == self.scale)
            .ok_or_else(|| format!("context scale `{}` is not days, seconds or plain", self.scale))?;
        let end = |text: &str| text.parse::<f64>().map_err(|_| format!("context end `{text}` is not a number"));
        Ok(Interval { lo: end(&self.lo)?, hi: end(&self.hi)?, scale })
    }
}

/// Writes one claims file: the header at once, then each source as it comes, then the
/// `end` record on [`ClaimsWriter::finish`].
pub struct ClaimsWriter<W: Write> {
    out: W,
    facts: Vec<String>,
    counts: Counts,
}

impl<W: Write> ClaimsWriter<W> {
    /// Starts a claims file for `rules`, writing its header.
    pub fn new(mut out: W, rules: &RuleSet) -> io::Result<ClaimsWriter<W>> {
        let facts: Vec<String> = rules.facts.keys().cloned().collect();
        let header = Out::Header {
            format: FORMAT,
            version: VERSION,
            factlint: env!("CARGO_PKG_VERSION"),
            facts: facts.iter().map(String::as_str).collect(),
            entities: rules.entities.keys().map(String::as_str).collect(),
        };
        line(&mut out, &header)?;
        Ok(ClaimsWriter { out, facts, counts: Counts::default() })
    }

    /// Writes what the map step kept of one source.
    pub fn source(&mut self, analysis: &Analysis) -> io::Result<()> {
        let summary = &analysis.summary;
        let cued = analysis.cued.iter().filter_map(|&i| self.facts.get(i).map(String::as_str)).collect();
        let record = SourceRecord {
            path: summary.path.as_str(),
            published: summary.published.as_deref(),
            outlet: summary.outlet.as_deref(),
            title: summary.title.as_deref(),
            sentences: summary.sentences,
            claims: summary.claims,
            warnings: summary.warnings.as_slice(),
            cued,
            suppressed: analysis.suppressed,
        };
        line(&mut self.out, &Out::Source(record))?;
        for selected in &analysis.selected {
            let fact = self.facts.get(selected.fact).map_or("", String::as_str);
            let context = selected.context.as_ref().map(ContextRecord::of);
            line(&mut self.out, &Out::Selected { fact, context, claim: &selected.evidence })?;
        }
        for name in &analysis.names {
            line(&mut self.out, &Out::Name { claim: name })?;
        }
        self.counts.sources += 1;
        self.counts.selected += analysis.selected.len();
        self.counts.names += analysis.names.len();
        Ok(())
    }

    /// Writes a source that could not be read.
    pub fn failure(&mut self, failure: &SourceFailure) -> io::Result<()> {
        self.counts.errors += 1;
        line(&mut self.out, &Out::Error { source: &failure.source, message: &failure.message })
    }

    /// Writes the `end` record and flushes; returns the output.
    pub fn finish(mut self) -> io::Result<W> {
        line(&mut self.out, &Out::End(self.counts))?;
        self.out.flush()?;
        Ok(self.out)
    }
}

fn line(out: &mut impl Write, record: &Out) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}

/// What claims files hold, merged: every source's map result in path order, and the
/// sources that could not be read, sorted as `check` sorts them.
#[derive(Debug, Default)]
pub struct Mapped {
    /// What the map step kept of each source (its claims list left empty).
    pub analyses: Vec<Analysis>,
    /// The sources that could not be read.
    pub failures: Vec<SourceFailure>,
}

/// Reads claims files written for `rules`, in any number and order, into what
/// [`super::reduce`] takes. Every file must be whole and of this version, and each
/// source in one file only; else nothing is returned but the first error.
pub fn read_all(files: &[&Path], rules: &RuleSet) -> Result<Mapped, ClaimsError> {
    let mut analyses: Vec<(Analysis, usize)> = Vec::new();
    let mut failures = Vec::new();
    for (at, file) in files.iter().enumerate() {
        let shown = source::display_path(file);
        let text = std::fs::read_to_string(file).map_err(|error| ClaimsError::Read { file: shown.clone(), error })?;
        let mapped = read(&shown, &text, rules)?;
        analyses.extend(mapped.analyses.into_iter().map(|a| (a, at)));
        failures.extend(mapped.failures);
    }
    // `check` walks sources in path order; partitions come in any order.
    analyses.sort_by(|(a, _), (b, _)| Path::new(&a.summary.path).cmp(Path::new(&b.summary.path)));
    for pair in analyses.windows(2) {
        if pair[0].0.summary.path == pair[1].0.summary.path {
            return Err(ClaimsError::Duplicate {
                path: pair[0].0.summary.path.clone(),
                first: source::display_path(files[pair[0].1]),
                second: source::display_path(files[pair[1].1]),
            });
        }
    }
    failures.sort_by(|a: &SourceFailure, b| a.source.cmp(&b.source));
    Ok(Mapped { analyses: analyses.into_iter().map(|(a, _)| a).collect(), failures })
}

/// Reads the text of one claims file, `file` naming it in errors.
pub fn read(file: &str, text: &str, rules: &RuleSet) -> Result<Mapped, ClaimsError> {
    let malformed = |line: usize, message: String| ClaimsError::Malformed { file: file.to_string(), line, message };
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let first = lines.next().map_or("", |(_, l)| l);
    let head: Head = serde_json::from_str(first).map_err(|_| ClaimsError::NotClaims { file: file.to_string() })?;
    if head.record.as_deref() != Some("header") || head.format.as_deref() != Some(FORMAT) {
        return Err(ClaimsError::NotClaims { file: file.to_string() });
    }
    if head.version.as_ref().and_then(serde_json::Value::as_u64) != Some(VERSION) {
        let found = head.version.map_or_else(|| "(none)".to_string(), |v| v.to_string());
        return Err(ClaimsError::Version { file: file.to_string(), found });
    }
    let Ok(In::Header { facts, entities, .. }) = serde_json::from_str::<In>(first) else {
        return Err(malformed(1, "not a header record of this version".into()));
    };
    let theirs: Vec<&String> = rules.facts.keys().collect();
    if facts.iter().collect::<Vec<_>>() != theirs {
        return Err(ClaimsError::OtherRules { file: file.to_string(), what: differ("fact", &facts, &theirs) });
    }
    let theirs: Vec<&String> = rules.entities.keys().collect();
    if entities.iter().collect::<Vec<_>>() != theirs {
        return Err(ClaimsError::OtherRules { file: file.to_string(), what: differ("entity", &entities, &theirs) });
    }

    let mut mapped = Mapped::default();
    let mut counts = Counts::default();
    // The publication date is not part of a claim record: every claim of a source has
    // its source's, as when the claims were found.
    let mut published = None;
    let mut outlet: Option<std::sync::Arc<str>> = None;
    let mut last = 1;
    while let Some((at, text)) = lines.next() {
        last = at;
        let record =
            serde_json::from_str::<In>(text).map_err(|e| malformed(at, format!("not a claims record: {e}")))?;
        match record {
            In::Header { .. } => return Err(malformed(at, "a second header record".into())),
            In::Source(s) => {
                published = match &s.published {
                    Some(day) => Some(
                        source::parse_published(day)
                            .ok_or_else(|| malformed(at, format!("published `{day}` is not a date")))?,
                    ),
                    None => None,
                };
                outlet = s.outlet.as_deref().map(std::sync::Arc::from);
                let mut cued = Vec::with_capacity(s.cued.len());
                for id in &s.cued {
                    cued.push(fact_index(&facts, id).ok_or_else(|| malformed(at, unknown_fact(id)))?);
                }
                counts.sources += 1;
                mapped.analyses.push(Analysis {
                    summary: SourceSummary {
                        path: s.path,
                        published: s.published,
                        outlet: s.outlet,
                        title: s.title,
                        sentences: s.sentences,
                        claims: s.claims,
                        warnings: s.warnings,
                    },
                    claims: Vec::new(),
                    selected: Vec::new(),
                    names: Vec::new(),
                    cued,
                    suppressed: s.suppressed,
                });
            }
            In::Selected { fact, context, mut claim } => {
                let fact = fact_index(&facts, &fact).ok_or_else(|| malformed(at, unknown_fact(&fact)))?;
                let context = context.map(|c| c.interval()).transpose().map_err(|m| malformed(at, m))?;
                let analysis = owner(&mut mapped, &claim).ok_or_else(|| malformed(at, orphan(&claim)))?;
                claim.place.published = published;
                claim.place.outlet = outlet.clone();
                counts.selected += 1;
                analysis.selected.push(Selected { fact, evidence: claim, context });
            }
            In::Name { mut claim } => {
                let analysis = owner(&mut mapped, &claim).ok_or_else(|| malformed(at, orphan(&claim)))?;
                claim.place.published = published;
                claim.place.outlet = outlet.clone();
                counts.names += 1;
                analysis.names.push(claim);
            }
            In::Error { source, message } => {
                counts.errors += 1;
                mapped.failures.push(SourceFailure { source, message });
            }
            In::End(end) => {
                if end != counts {
                    return Err(malformed(
                        at,
                        format!("the end record counts {} but the file holds {}", end.said(), counts.said()),
                    ));
                }
                if let Some((extra, _)) = lines.find(|(_, l)| !l.trim().is_empty()) {
                    return Err(malformed(extra, "a record after the end record".into()));
                }
                return Ok(mapped);
            }
        }
    }
    Err(ClaimsError::Truncated { file: file.to_string(), line: last })
}

impl Counts {
    fn said(&self) -> String {
        format!(
            "{} source(s), {} selected claim(s), {} name claim(s), {} error(s)",
            self.sources, self.selected, self.names, self.errors
        )
    }
}

fn fact_index(facts: &[String], id: &str) -> Option<usize> {
    facts.iter().position(|f| f == id)
}

fn unknown_fact(id: &str) -> String {
    format!("fact `{id}` is not in the header")
}

/// The source a claim record belongs to: the one whose `source` record came last, when
/// the claim names it.
fn owner<'a>(mapped: &'a mut Mapped, claim: &Evidence) -> Option<&'a mut Analysis> {
    mapped.analyses.last_mut().filter(|a| *a.summary.path == *claim.place.source)
}

fn orphan(claim: &Evidence) -> String {
    format!("a claim of `{}` that does not follow that source's `source` record", claim.place.source)
}

/// What differs between the ids a file was written with and the reduce step's.
fn differ(what: &str, written: &[String], rules: &[&String]) -> String {
    let missing: Vec<&str> = rules.iter().filter(|id| !written.contains(id)).map(|id| id.as_str()).collect();
    let extra: Vec<&str> = written.iter().filter(|id| !rules.contains(id)).map(String::as_str).collect();
    let mut said = Vec::new();
    if !extra.is_empty() {
        said.push(format!("{what} ids not in the rules: {}", extra.join(", ")));
    }
    if !missing.is_empty() {
        said.push(format!("{what} ids of the rules not in the file: {}", missing.join(", ")));
    }
    if said.is_empty() {
        said.push(format!("{what} ids in another order"));
    }
    said.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(analyses: &[Analysis], failures: &[SourceFailure]) -> String {
        let mut writer = ClaimsWriter::new(Vec::new(), &RuleSet::default()).unwrap();
        for analysis in analyses {
            writer.source(analysis).unwrap();
        }
        for failure in failures {
            writer.failure(failure).unwrap();
        }
        String::from_utf8(writer.finish().unwrap()).unwrap()
    }

    fn analysis(path: &str, published: Option<&str>) -> Analysis {
        Analysis {
            summary: SourceSummary {
                path: path.into(),
                published: published.map(str::to_string),
                outlet: Some("Wire".into()),
                title: None,
                sentences: 3,
                claims: 2,
                warnings: vec!["no visible text".into()],
            },
            claims: Vec::new(),
            selected: Vec::new(),
            names: Vec::new(),
            cued: Vec::new(),
            suppressed: 1,
        }
    }

    #[test]
    fn contexts_read_back_as_the_floats_written() {
        let table = [
            (
                Interval { lo: 17616.0, hi: 17622.0, scale: Scale::Days },
                r#"{"lo":"17616","hi":"17622","scale":"days"}"#,
            ),
            (
                Interval { lo: 0.1 + 0.2, hi: f64::INFINITY, scale: Scale::Plain },
                r#"{"lo":"0.30000000000000004","hi":"inf","scale":"plain"}"#,
            ),
            (
                Interval { lo: f64::NEG_INFINITY, hi: -1.5e-7, scale: Scale::Seconds },
                r#"{"lo":"-inf","hi":"-0.00000015","scale":"seconds"}"#,
            ),
        ];
        for (interval, json) in table {
            assert_eq!(serde_json::to_string(&ContextRecord::of(&interval)).unwrap(), json);
            let read: ContextRecord = serde_json::from_str(json).unwrap();
            assert_eq!(read.interval().unwrap(), interval, "{json}");
        }
        let bad = ContextRecord { lo: "1".into(), hi: "2".into(), scale: "years".into() };
        assert!(bad.interval().unwrap_err().contains("`years`"));
    }

    #[test]
    fn a_written_file_reads_back_and_a_cut_one_does_not() {
        let failure = SourceFailure { source: "c.bin".into(), message: "binary file".into() };
        let text =
            written(&[analysis("b.txt", Some("2018-03-28")), analysis("a.md", None)], std::slice::from_ref(&failure));
        assert_eq!(text.lines().count(), 5, "{text}");
        let mapped = read("part.jsonl", &text, &RuleSet::default()).unwrap();
        let paths: Vec<&str> = mapped.analyses.iter().map(|a| a.summary.path.as_str()).collect();
        assert_eq!(paths, ["b.txt", "a.md"]);
        assert_eq!(mapped.analyses[0].summary, analysis("b.txt", Some("2018-03-28")).summary);
        assert_eq!(mapped.analyses[1].suppressed, 1);
        assert_eq!(mapped.failures, [failure]);

        let cut = &text[..text.rfind("{\"record\":\"end\"").unwrap()];
        let error = read("part.jsonl", cut, &RuleSet::default()).unwrap_err().to_string();
        assert!(error.starts_with("part.jsonl:4: the file ends here without its `end` record"), "{error}");
        let miscounted = text.replace(r#""sources":2"#, r#""sources":3"#);
        let error = read("part.jsonl", &miscounted, &RuleSet::default()).unwrap_err().to_string();
        assert!(error.starts_with("part.jsonl:5: the end record counts 3 source(s)"), "{error}");
        let extra = format!("{text}{}\n", text.lines().last().unwrap());
        let error = read("part.jsonl", &extra, &RuleSet::default()).unwrap_err().to_string();
        assert!(error.starts_with("part.jsonl:6: a record after the end record"), "{error}");
        let unknown = text.replacen(r#""suppressed":1"#, r#""suppressed":1,"colour":"red""#, 1);
        let error = read("part.jsonl", &unknown, &RuleSet::default()).unwrap_err().to_string();
        assert!(error.starts_with("part.jsonl:2: not a claims record") && error.contains("colour"), "{error}");
    }

    #[test]
    fn other_formats_and_versions_are_named() {
        let text = written(&[], &[]);
        let table = [
            (text.replace(r#""version":1"#, r#""version":"2.0""#), "claims format version \"2.0\""),
            (text.replace(r#""version":1,"#, ""), "claims format version (none)"),
            (text.replace("factlint-claims", "other"), "part.jsonl:1: not a claims file"),
            (String::new(), "part.jsonl:1: not a claims file"),
        ];
        for (input, expected) in table {
            let error = read("part.jsonl", &input, &RuleSet::default()).unwrap_err().to_string();
            assert!(error.starts_with("part.jsonl") && error.contains(expected), "{error}");
        }
    }
}
