//! Claims: the dates, ranges, durations, numbers, quantities and ordinals a sentence
//! states, each with its span and normalized [`Value`].
//!
//! Extraction works on one sentence at a time and knows nothing of rules or files:
//! spans are byte offsets into the sentence text, and the pipeline maps them back into
//! the original file. One file per claim kind.

use jiff::civil::Date;
use serde::Serialize;

use crate::span::Span;
use crate::value::{ClaimKind, Modifier, Value};

/// A claim found in a sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// What kind of claim it is.
    pub kind: ClaimKind,
    /// Byte span of the expression (in the sentence until the pipeline maps it into
    /// the file). Like TIMEX3, it holds the expression only: "on Monday" spans "Monday".
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// The normalized value.
    pub value: Value,
    /// Approximation or bound ("about", "more than", "early").
    pub modifier: Option<Modifier>,
    /// For numbers: the noun counted ("soldiers").
    pub counted: Option<String>,
    /// For quantities and ages: the unit of `value` ("m", "years", "%").
    pub unit: Option<String>,
    /// For names and expansions: the id of the entity named.
    pub entity: Option<String>,
}

/// What extraction knows besides the sentence.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    /// The source's publication date, the anchor of relative expressions.
    pub published: Option<Date>,
}

/// Every claim in `sentence`, ordered by span.
pub fn extract(sentence: &str, context: &Context) -> Vec<Claim> {
    let _ = (sentence, context);
    Vec::new()
}
