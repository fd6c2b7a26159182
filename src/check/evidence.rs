//! Evidence and findings: what the checker says, and the claims that show it.

use serde::Serialize;

use crate::extract::Claim;
use crate::rules::Severity;
use crate::segment::Sentence;
use crate::source::Source;
use crate::span::LineIndex;
use crate::value::{ClaimKind, Modifier, Value};

/// A claim where it stands: the source, the place in the file, the sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// The source's path as shown in reports.
    pub source: String,
    /// 1-based line of the claim's first byte.
    pub line: usize,
    /// 1-based column (in characters) of the claim's first byte.
    pub column: usize,
    /// Byte offset of the claim in the source file.
    pub start: usize,
    /// Byte offset one past the claim in the source file.
    pub end: usize,
    /// Index of the claim's sentence in its source.
    pub sentence_index: usize,
    /// The claim's text as written.
    pub text: String,
    /// The sentence it stands in.
    pub sentence: String,
    /// The claim's kind.
    pub kind: ClaimKind,
    /// The normalized value.
    pub value: Value,
    /// Approximation or bound.
    pub modifier: Option<Modifier>,
    /// For numbers: the noun counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<String>,
    /// For quantities: the unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// For names and expansions: the entity named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// For derived claims (the duration a date range implies): the claim it was
    /// derived from.
    pub derived_from: Option<Derivation>,
    /// The source's publication date, `YYYY-MM-DD`, when known.
    #[serde(skip)]
    pub published: Option<jiff::civil::Date>,
}

/// The claim a derived claim comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Derivation {
    /// Its kind.
    pub kind: ClaimKind,
    /// Its text as written.
    pub text: String,
    /// Its value.
    pub value: Value,
}

impl Evidence {
    /// A claim of `source` with its kind and value and nothing else known yet: line and
    /// column 1, no offsets, no sentence, no modifier. For claims that come from
    /// elsewhere than [`Evidence::locate`] (another extractor, a test); set the rest
    /// with struct update syntax.
    pub fn new(source: &str, kind: ClaimKind, value: Value, text: &str) -> Evidence {
        Evidence {
            source: source.to_string(),
            line: 1,
            column: 1,
            start: 0,
            end: 0,
            sentence_index: 0,
            text: text.to_string(),
            sentence: String::new(),
            kind,
            value,
            modifier: None,
            counted: None,
            unit: None,
            entity: None,
            derived_from: None,
            published: None,
        }
    }

    /// A claim found in `sentence` (its span relative to the sentence text), located in
    /// the source file: byte offsets, line and column.
    pub fn locate(source: &Source, index: &LineIndex, sentence: &Sentence, claim: Claim) -> Option<Evidence> {
        let block = source.blocks.get(sentence.block)?;
        let span = block.to_original(claim.span.shift(sentence.block_start));
        let at = index.position(&source.text, span.start);
        Some(Evidence {
            source: source.display_path(),
            line: at.line,
            column: at.column,
            start: span.start,
            end: span.end,
            sentence_index: sentence.index,
            text: claim.text,
            sentence: sentence.text.clone(),
            kind: claim.kind,
            value: claim.value,
            modifier: claim.modifier,
            counted: claim.counted,
            unit: claim.unit,
            entity: claim.entity,
            derived_from: None,
            published: source.metadata.published,
        })
    }

    /// The duration a date-range claim implies, as a derived claim at the same place.
    pub fn implied_duration(&self) -> Option<Evidence> {
        let value = self.value.implied_duration()?;
        Some(Evidence {
            kind: ClaimKind::Duration,
            value,
            modifier: None,
            derived_from: Some(Derivation { kind: self.kind, text: self.text.clone(), value: self.value.clone() }),
            ..self.clone()
        })
    }

    /// Sort key: source, then place in it.
    pub fn place(&self) -> (&str, usize, usize) {
        (&self.source, self.start, self.end)
    }
}

/// What a finding says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    /// Values that cannot all be right.
    Conflict,
    /// A name spelled other than the house spelling.
    Variant,
    /// An acronym expanded other than the rule says.
    Expansion,
    /// A value that agrees but says less than the others.
    Imprecise,
    /// An evolving figure that changed in a later report.
    Update,
}

/// One thing the checker reports, with every claim that shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// The fact or entity id.
    pub id: String,
    /// What kind of finding it is.
    pub kind: FindingKind,
    /// How serious it is.
    pub severity: Severity,
    /// One line for people: the values and who holds them.
    pub message: String,
    /// Why the values may differ, where a known cause fits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The claims: the outliers first, then those that agree with the consensus.
    pub claims: Vec<Evidence>,
}

impl FindingKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Conflict => "conflict",
            FindingKind::Variant => "variant",
            FindingKind::Expansion => "expansion",
            FindingKind::Imprecise => "imprecise",
            FindingKind::Update => "update",
        }
    }
}

impl Finding {
    /// The finding's kind as named in reports.
    pub fn kind_str(&self) -> &'static str {
        self.kind.as_str()
    }
}
