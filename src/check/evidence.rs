//! Evidence and findings: what the checker says, and the claims that show it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
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
    /// The claim's byte span in `sentence`, when known (a claim read back from a
    /// record knows only its text, and [`Evidence::excerpt`] finds it by that).
    pub in_sentence: Option<Span>,
    /// The source's publication date, when known.
    pub published: Option<jiff::civil::Date>,
    /// The source's outlet, from its manifest entry, when known: reports show it
    /// beside the path ("Reuters (reuters.txt)").
    pub outlet: Option<Arc<str>>,
}

/// The longest sentence written whole with a claim (in bytes): a longer one is written
/// as a window of [`SENTENCE_WINDOW`] bytes either side of the claim, cut ends marked
/// with `…`, so that output grows with the claims, not with claims times sentence
/// length (a table or a minified page read as one sentence holds thousands of claims).
pub const SENTENCE_SHOWN_MAX: usize = 600;

/// How much of a long sentence is written either side of its claim (in bytes, to the
/// nearest character boundary).
pub const SENTENCE_WINDOW: usize = 240;

/// What is shown of a claim's sentence: the sentence, or a window of it around the
/// claim, and where the claim stands in that text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt<'a> {
    /// The text shown, `…` marking where a long sentence was cut.
    pub text: Cow<'a, str>,
    /// The claim's byte range in `text` (the whole text when it cannot be found).
    pub claim: Range<usize>,
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
                in_sentence: None,
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
        let in_sentence = Some(claim.span);
        claim.span = block.to_original(claim.span.shift(sentence.block_start));
        // A claim that stands for no byte of the file was read in text the reader
        // added (a table header repeated before each row's cells): it is not a claim
        // made here, and the header's own block holds it once.
        if claim.span.is_empty() {
            return None;
        }
        let at = index.position(&source.text, claim.span.start);
        let place = Place {
            source: Arc::clone(path),
            line: at.line,
            column: at.column,
            sentence_index: sentence.index,
            sentence: Arc::clone(&sentence.text),
            in_sentence,
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

    /// Where the claim stands in its sentence, as a byte range of `place.sentence`: the
    /// span extraction gave when it is known and fits the sentence, else the first
    /// occurrence of the claim's text (exact, then ignoring ASCII case), else the whole
    /// sentence. Always on char boundaries.
    pub fn range_in_sentence(&self) -> Range<usize> {
        let sentence = self.place.sentence.as_ref();
        if let Some(span) = self.place.in_sentence
            && span.start <= span.end
            && sentence.get(span.start..span.end).is_some()
        {
            return span.start..span.end;
        }
        let text = self.claim.text.as_str();
        let whole = 0..sentence.len();
        if text.is_empty() {
            return whole;
        }
        if let Some(at) = sentence.find(text) {
            return at..at + text.len();
        }
        // Lowercasing ASCII keeps every byte offset, so a match there is a match in `sentence`.
        let lower = sentence.to_ascii_lowercase();
        match lower.find(&text.to_ascii_lowercase()) {
            Some(at) if sentence.is_char_boundary(at) && sentence.is_char_boundary(at + text.len()) => {
                at..at + text.len()
            }
            _ => whole,
        }
    }

    /// The sentence as shown with this claim: whole up to [`SENTENCE_SHOWN_MAX`] bytes,
    /// else [`SENTENCE_WINDOW`] bytes either side of the claim with `…` at each cut.
    pub fn excerpt(&self) -> Excerpt<'_> {
        let sentence = self.place.sentence.as_ref();
        let claim = self.range_in_sentence();
        if sentence.len() <= SENTENCE_SHOWN_MAX {
            return Excerpt { text: Cow::Borrowed(sentence), claim };
        }
        // A claim longer than the window (a whole-sentence fallback) is cut too.
        let claim_end = claim.end.min(claim.start + SENTENCE_SHOWN_MAX);
        let claim_end = floor_boundary(sentence, claim_end);
        let start = floor_boundary(sentence, claim.start.saturating_sub(SENTENCE_WINDOW));
        let end = ceil_boundary(sentence, claim_end + SENTENCE_WINDOW);
        let mut text = String::with_capacity(end - start + 6);
        if start > 0 {
            text.push('…');
        }
        let shift = text.len();
        text.push_str(&sentence[start..end]);
        if end < sentence.len() {
            text.push('…');
        }
        Excerpt { text: Cow::Owned(text), claim: claim.start - start + shift..claim_end - start + shift }
    }

    /// Sort key: source, then place in it.
    pub fn sort_key(&self) -> (&str, usize, usize) {
        (&self.place.source, self.claim.span.start, self.claim.span.end)
    }
}

/// The char boundary at or before `at` (`str::floor_char_boundary` needs Rust 1.91;
/// the crate supports 1.88).
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The char boundary at or after `at`, at most the text's length.
fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
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
        out.serialize_field("sentence", &self.excerpt().text)?;
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
                in_sentence: None,
                published: None,
                outlet: None,
            },
            derived_from,
        })
    }
}

/// What a finding says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

/// One thing the checker reports, with every claim that shows it. Read back (the
/// findings of a partial reduce) as written, but for what a claim record does not
/// hold ([`Evidence`]'s `Deserialize`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The claims: the outliers first, then those that agree with the consensus. At
    /// most [`CLAIMS_PER_VALUE_MAX`] of each value ([`Finding::cap_claims`]); the
    /// rest are counted in `omitted`.
    pub claims: Vec<Evidence>,
    /// The claims left out of `claims`, counted per value; empty (and not written)
    /// when every claim is listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub omitted: Vec<Omitted>,
    /// For a draft checked against references (`check --against`): where the draft
    /// stands; `None` in an ordinary check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<DraftSide>,
    /// For a finding of `factlint discover`: how sure discovery is, in [0, 1], that
    /// its claims state one fact and really disagree; `None` for a finding of rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

/// The most claims of one value a finding lists (the first, in the finding's order);
/// the others are counted in [`Finding::omitted`]. A fact that ten thousand copies of
/// one story state is one finding: listing each copy's sentence would make the report,
/// and the memory that holds it, grow with the corpus rather than with what it says.
pub const CLAIMS_PER_VALUE_MAX: usize = 50;

/// Claims of one value that a finding counts without listing them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Omitted {
    /// Their kind.
    pub kind: ClaimKind,
    /// Their value, as a listed claim's `value`.
    pub value: String,
    /// Their unit, for quantities, as a listed claim's `unit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Their modifier, as a listed claim's `modifier`.
    pub modifier: Option<Modifier>,
    /// How many claims of this value were left out.
    pub claims: usize,
}

impl Finding {
    /// Keeps the first `max` claims of each value (kind, value and modifier) in the
    /// finding's order and counts the others in [`Finding::omitted`], in the order their
    /// values first appear. Linear in the claims; a finding with no more than `max`
    /// claims is left as it is.
    pub fn cap_claims(&mut self, max: usize) {
        if self.claims.len() <= max {
            return;
        }
        // Per value: how many claims were kept, and its entry in `omitted` once it has one.
        type Key = (ClaimKind, String, Option<String>, Option<Modifier>);
        let mut values: HashMap<Key, (usize, Option<usize>)> = HashMap::new();
        let mut omitted = std::mem::take(&mut self.omitted);
        self.claims.retain(|claim| {
            let c = &claim.claim;
            let key = (c.kind, c.value.to_string(), c.unit.clone(), c.modifier);
            let (kept, at) = values.entry(key).or_insert((0, None));
            if *kept < max {
                *kept += 1;
                return true;
            }
            match at {
                Some(i) => omitted[*i].claims += 1,
                None => {
                    *at = Some(omitted.len());
                    omitted.push(Omitted {
                        kind: c.kind,
                        value: c.value.to_string(),
                        unit: c.unit.clone(),
                        modifier: c.modifier,
                        claims: 1,
                    });
                }
            }
            false
        });
        self.omitted = omitted;
    }

    /// How many claims the finding stands on: those listed and those counted.
    pub fn claims_total(&self) -> usize {
        self.claims.len() + self.omitted.iter().map(|o| o.claims).sum::<usize>()
    }
}

/// Where a draft's value stands among its references.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    /// Evidence for `needle` in `sentence`, its span in the sentence known or not.
    fn evidence(sentence: &str, needle: &str, known: bool) -> Evidence {
        let at = sentence.find(needle).unwrap();
        let mut e = Evidence::new("a.txt", ClaimKind::Number, Value::Number(4.0), needle);
        e.place.sentence = Arc::from(sentence);
        e.place.in_sentence = known.then(|| Span::new(at, at + needle.len()));
        e
    }

    #[test]
    fn short_sentences_are_shown_whole_and_long_ones_as_a_window() {
        let long_before = format!("{} 4 ships.", "é".repeat(400));
        let long_after = format!("Then 4 ships {}", "x".repeat(1_000));
        let middle = format!("{} 4 ships {}", "a".repeat(500), "b".repeat(500));
        // sentence, claim, known span?, expected text, expected claim text in it.
        let table: Vec<(&str, &str, bool, String)> = vec![
            ("Kim stayed 4 days.", "4", true, "Kim stayed 4 days.".into()),
            ("Kim stayed 4 days.", "4", false, "Kim stayed 4 days.".into()),
            (&long_before, "4", true, format!("…{} 4 ships.", "é".repeat(120))),
            (&long_after, "4", true, format!("Then 4 ships {}…", "x".repeat(233))),
            (&middle, "4", false, format!("…{} 4 ships {}…", "a".repeat(239), "b".repeat(233))),
        ];
        for (sentence, needle, known, expected) in table {
            let e = evidence(sentence, needle, known);
            let excerpt = e.excerpt();
            assert_eq!(excerpt.text, expected, "{sentence:.40}");
            assert_eq!(&excerpt.text[excerpt.claim.clone()], needle, "{sentence:.40}");
            assert!(excerpt.text.len() <= 2 * SENTENCE_WINDOW + needle.len() + 6);
        }
    }

    #[test]
    fn the_known_span_wins_over_the_first_occurrence() {
        let sentence = "4 ships and 4 planes.";
        let mut e = evidence(sentence, "4", true);
        e.place.in_sentence = Some(Span::new(12, 13));
        assert_eq!(e.range_in_sentence(), 12..13);
        // A span that does not fit the sentence (a record from elsewhere) is not trusted.
        e.place.in_sentence = Some(Span::new(12, 99));
        assert_eq!(e.range_in_sentence(), 0..1);
    }

    fn finding(claims: Vec<Evidence>) -> Finding {
        Finding {
            id: "toll".into(),
            kind: FindingKind::Conflict,
            severity: Severity::Error,
            message: String::new(),
            note: None,
            claims,
            omitted: Vec::new(),
            side: None,
            confidence: None,
        }
    }

    fn numbered(source: &str, n: f64) -> Evidence {
        Evidence::new(source, ClaimKind::Number, Value::Number(n), &n.to_string())
    }

    #[test]
    fn a_finding_lists_the_first_claims_of_each_value_and_counts_the_rest() {
        // (claims: value per source, cap, sources listed, omitted as (value, count))
        type Case<'a> = (Vec<f64>, usize, Vec<&'a str>, Vec<(&'a str, usize)>);
        let table: Vec<Case> = vec![
            (vec![4.0, 4.0, 5.0], 3, vec!["s0", "s1", "s2"], vec![]),
            (vec![4.0, 4.0, 4.0, 5.0], 2, vec!["s0", "s1", "s3"], vec![("4", 1)]),
            (vec![5.0, 4.0, 4.0, 5.0, 4.0, 5.0], 1, vec!["s0", "s1"], vec![("4", 2), ("5", 2)]),
        ];
        for (values, max, listed, omitted) in table {
            let claims = values.iter().enumerate().map(|(i, &n)| numbered(&format!("s{i}"), n)).collect();
            let mut f = finding(claims);
            f.cap_claims(max);
            let sources: Vec<&str> = f.claims.iter().map(|c| c.place.source.as_ref()).collect();
            assert_eq!(sources, listed, "{values:?} cap {max}");
            let counted: Vec<(&str, usize)> = f.omitted.iter().map(|o| (o.value.as_str(), o.claims)).collect();
            assert_eq!(counted, omitted, "{values:?} cap {max}");
            assert_eq!(f.claims_total(), values.len());
        }
        // Under the cap the JSON has no `omitted` field; over it, the counts are there.
        let mut f = finding(vec![numbered("a", 4.0), numbered("b", 4.0)]);
        assert!(serde_json::to_value(&f).unwrap().get("omitted").is_none());
        f.cap_claims(1);
        let json = serde_json::to_value(&f).unwrap();
        assert_eq!(json["omitted"][0]["claims"], 1);
        assert_eq!(json["omitted"][0]["value"], "4");
    }

    #[test]
    fn the_sentence_written_with_a_claim_is_capped() {
        let sentence = format!("{} 4 ships.", "word ".repeat(10_000));
        let json = serde_json::to_value(evidence(&sentence, "4", true)).unwrap();
        let written = json["sentence"].as_str().unwrap();
        assert!(written.starts_with('…') && written.ends_with("4 ships."), "{written}");
        assert!(written.len() < SENTENCE_SHOWN_MAX, "{}", written.len());
    }
}
