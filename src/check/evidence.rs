//! Evidence and findings: what the checker says, and the claims that show it.

use std::sync::Arc;

use serde::de::{Deserializer, Error as _};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use crate::extract::Claim;
use crate::rules::Severity;
use crate::segment::Sentence;
use crate::source::Source;
use crate::span::{LineIndex, Span};
use crate::value::{ClaimKind, Modifier, Value};

/// Where a claim was found: its source, line and column, and the sentence it stands
/// in. The source's path and the sentence are shared by every claim found there.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The source's path as shown in reports.
    pub source: Arc<str>,
    /// 1-based line of the claim's first byte.
    pub line: usize,
    /// 1-based column (in characters) of the claim's first byte.
    pub column: usize,
    /// Index of the claim's sentence in its source.
    pub sentence_index: usize,
    /// The sentence it stands in.
    pub sentence: Arc<str>,
    /// The source's publication date, when known.
    pub published: Option<jiff::civil::Date>,
    /// The source's outlet, from its manifest entry, when known: reports show it
    /// beside the path ("Reuters (reuters.txt)").
    pub outlet: Option<Arc<str>>,
}

/// A claim where it stands: the claim (its span in the source file) and its place.
///
/// Serialized flat, as the report format has always written it: source, line,
/// column, start, end, sentence_index, text, sentence, kind, value, modifier, then
/// counted, unit, unit_as_written, entity and previous when known, and derived_from.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// The claim, its span mapped into the source file.
    pub claim: Claim,
    /// Where it was found.
    pub place: Place,
    /// For derived claims (the duration a date range implies): the claim it was
    /// derived from.
    pub derived_from: Option<Derivation>,
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
    /// through the `claim` and `place` fields.
    pub fn new(source: &str, kind: ClaimKind, value: Value, text: &str) -> Evidence {
        Evidence {
            claim: Claim {
                kind,
                span: Span::new(0, 0),
                text: text.to_string(),
                value,
                modifier: None,
                counted: None,
                unit: None,
                entity: None,
                previous: None,
                unit_as_written: None,
            },
            place: Place {
                source: Arc::from(source),
                line: 1,
                column: 1,
                sentence_index: 0,
                sentence: Arc::from(""),
                published: None,
                outlet: None,
            },
            derived_from: None,
        }
    }

    /// A claim found in `sentence` (its span relative to the sentence text), located in
    /// the source file: byte offsets, line and column. `path` is the source's display
    /// path, shared by all its claims.
    pub fn locate(
        source: &Source,
        path: &Arc<str>,
        index: &LineIndex,
        sentence: &Sentence,
        mut claim: Claim,
    ) -> Option<Evidence> {
        let block = source.blocks.get(sentence.block)?;
        claim.span = block.to_original(claim.span.shift(sentence.block_start));
        let at = index.position(&source.text, claim.span.start);
        let place = Place {
            source: Arc::clone(path),
            line: at.line,
            column: at.column,
            sentence_index: sentence.index,
            sentence: Arc::clone(&sentence.text),
            published: source.metadata.published,
            outlet: source.metadata.outlet.as_deref().map(Arc::from),
        };
        Some(Evidence { claim, place, derived_from: None })
    }

    /// The duration a date-range claim implies, as a derived claim at the same place.
    pub fn implied_duration(&self) -> Option<Evidence> {
        let value = self.claim.value.implied_duration()?;
        let derived_from =
            Derivation { kind: self.claim.kind, text: self.claim.text.clone(), value: self.claim.value.clone() };
        let claim = Claim { kind: ClaimKind::Duration, value, modifier: None, ..self.claim.clone() };
        Some(Evidence { claim, place: self.place.clone(), derived_from: Some(derived_from) })
    }

    /// Sort key: source, then place in it.
    pub fn sort_key(&self) -> (&str, usize, usize) {
        (&self.place.source, self.claim.span.start, self.claim.span.end)
    }
}

impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (claim, place) = (&self.claim, &self.place);
        let known =
            [&claim.counted, &claim.unit, &claim.unit_as_written, &claim.entity].iter().filter(|f| f.is_some()).count()
                + usize::from(claim.previous.is_some());
        let mut out = serializer.serialize_struct("Evidence", 12 + known)?;
        out.serialize_field("source", &*place.source)?;
        out.serialize_field("line", &place.line)?;
        out.serialize_field("column", &place.column)?;
        out.serialize_field("start", &claim.span.start)?;
        out.serialize_field("end", &claim.span.end)?;
        out.serialize_field("sentence_index", &place.sentence_index)?;
        out.serialize_field("text", &claim.text)?;
        out.serialize_field("sentence", &*place.sentence)?;
        out.serialize_field("kind", &claim.kind)?;
        out.serialize_field("value", &claim.value)?;
        out.serialize_field("modifier", &claim.modifier)?;
        for (name, field) in [
            ("counted", &claim.counted),
            ("unit", &claim.unit),
            ("unit_as_written", &claim.unit_as_written),
            ("entity", &claim.entity),
        ] {
            match field {
                Some(value) => out.serialize_field(name, value)?,
                None => out.skip_field(name)?,
            }
        }
        match &claim.previous {
            Some(previous) => out.serialize_field("previous", previous)?,
            None => out.skip_field("previous")?,
        }
        out.serialize_field("derived_from", &self.derived_from)?;
        out.end()
    }
}

/// Evidence as [`Serialize`] writes it, with values still text: the kind (and, for
/// quantities, the unit) says how to read them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    source: String,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    sentence_index: usize,
    text: String,
    sentence: String,
    kind: ClaimKind,
    value: String,
    modifier: Option<Modifier>,
    #[serde(default)]
    counted: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    entity: Option<String>,
    #[serde(default)]
    unit_as_written: Option<String>,
    #[serde(default)]
    previous: Option<String>,
    derived_from: Option<DerivationRecord>,
}

/// A [`Derivation`] as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DerivationRecord {
    kind: ClaimKind,
    text: String,
    value: String,
}

/// Reads back what [`Serialize`] wrote (a claim record of `factlint extract`, the
/// evidence of a JSON report), so that claims extracted in one run can be checked in
/// another. The publication date is not part of the record and is left unknown.
impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let r = Record::deserialize(deserializer)?;
        let value = Value::read(r.kind, &r.value, r.unit.as_deref()).map_err(D::Error::custom)?;
        let previous = match r.previous {
            Some(text) => Some(Value::read(r.kind, &text, r.unit.as_deref()).map_err(D::Error::custom)?),
            None => None,
        };
        let derived_from = match r.derived_from {
            Some(d) => {
                let value = Value::read(d.kind, &d.value, r.unit.as_deref()).map_err(D::Error::custom)?;
                Some(Derivation { kind: d.kind, text: d.text, value })
            }
            None => None,
        };
        Ok(Evidence {
            claim: Claim {
                kind: r.kind,
                span: Span::new(r.start, r.end),
                text: r.text,
                value,
                modifier: r.modifier,
                counted: r.counted,
                unit: r.unit,
                entity: r.entity,
                previous,
                unit_as_written: r.unit_as_written,
            },
            place: Place {
                source: Arc::from(r.source),
                line: r.line,
                column: r.column,
                sentence_index: r.sentence_index,
                sentence: Arc::from(r.sentence),
                published: None,
                outlet: None,
            },
            derived_from,
        })
    }
}

/// What a finding says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
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
    /// A value that contradicts the desk's record (a fact's `value:`).
    Record,
    /// Claims whose dates place them in another event than the fact's other claims
    /// ("another event?"): set apart, not compared.
    Apart,
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
    /// For a draft checked against references (`check --against`): where the draft
    /// stands; `None` in an ordinary check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side: Option<DraftSide>,
}

/// Where a draft's value stands among its references.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DraftSide {
    /// No reference agrees with the draft.
    Alone,
    /// The references are split, and the draft agrees with no more of them than
    /// disagree.
    Split,
}

impl DraftSide {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            DraftSide::Alone => "alone",
            DraftSide::Split => "split",
        }
    }
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
            FindingKind::Record => "record",
            FindingKind::Apart => "apart",
        }
    }
}

impl Finding {
    /// The finding's kind as named in reports.
    pub fn kind_str(&self) -> &'static str {
        self.kind.as_str()
    }
}
