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
//! [`pipeline`] ties them together; the `factlint` binary is a thin layer over it.

pub mod baseline;
pub mod check;
pub mod cli;
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
