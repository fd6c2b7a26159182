//! factlint: a cross-source fact consistency checker.
//!
//! It reads several sources that speak of the same things, finds their claims (dates,
//! date ranges, durations, numbers, quantities, ordinals, name spellings, acronym
//! expansions), normalizes them, groups the claims that speak of the same fact using
//! YAML rules, and reports every disagreement with its evidence.
//!
//! The modules follow the data:
//!
//! ```text
//! source -> segment -> extract -> rules -> check -> report
//! ```
//!
//! [`pipeline`] ties them together; the `factlint` binary is a thin layer over it and
//! keeps its command line (clap and its option types) to itself. What the library
//! offers: the pipeline ([`pipeline`]), the report model and its formats ([`report`]),
//! rules ([`rules`]), findings ([`check`]) and the values claims normalize to
//! ([`value`]), with the stages beneath them for tools that want one step alone.

pub mod baseline;
pub mod check;
pub mod config;
pub mod extract;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod segment;
pub mod source;
pub mod span;
pub mod suppress;
pub mod text;
pub mod value;
