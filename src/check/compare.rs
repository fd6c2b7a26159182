//! The reduce step: compare the claims of one fact and say where they disagree.
//!
//! Every claim stands for an interval (its granularity, widened by its modifier);
//! two claims agree when their intervals, one widened by the fact's tolerance, overlap.
//! The consensus is the claim that claims from the most sources agree with (ties go to
//! the more precise, then the earlier); claims that do not agree with it are the
//! outliers of a `conflict`. A claim that agrees but covers more than the consensus is
//! `imprecise`. Within a group, sorting keeps the cost at O(n log n) plus the support
//! count, which is quadratic only in the claims of one fact.

use std::collections::BTreeSet;

use crate::rules::{Fact, Severity};
use crate::value::{Extent, Interval, Modifier, Scale, Tolerance, Value, agree};

use super::{Evidence, Finding, FindingKind};

/// How wide "about" is when a rule does not say: a tenth of the value, or three days
/// for dates.
fn approx_tolerance(scale: Scale) -> Tolerance {
    match scale {
        Scale::Days => Tolerance::Absolute(3.0),
        Scale::Seconds | Scale::Plain => Tolerance::Percent(10.0),
    }
}

/// A claim ready to compare.
struct Compared {
    evidence: Evidence,
    extent: Extent,
}

impl Compared {
    fn new(evidence: Evidence, fact: &Fact) -> Option<Compared> {
        let extent = match evidence.value.extent()? {
            Extent::Interval(i) => {
                let approx = match (evidence.modifier, fact.tolerance) {
                    (Some(Modifier::Approx), Some(t)) => t,
                    _ => approx_tolerance(i.scale),
                };
                Extent::Interval(i.modified(evidence.modifier, &approx))
            }
            Extent::Vague => return None,
            other => other,
        };
        Some(Compared { evidence, extent })
    }

    fn interval(&self) -> Option<Interval> {
        match self.extent {
            Extent::Interval(i) => Some(i),
            _ => None,
        }
    }

    /// Width, for precision: unanchored values count as least precise.
    fn width(&self) -> f64 {
        self.interval().map_or(f64::INFINITY, |i| i.width())
    }
}

fn agrees(a: &Compared, b: &Compared, tolerance: Option<Tolerance>) -> bool {
    let widened = match (a.extent, tolerance) {
        (Extent::Interval(i), Some(t)) => Extent::Interval(i.widen(&t)),
        (extent, _) => extent,
    };
    // Values that cannot be compared (a weekday against a bare month) do not conflict.
    agree(&widened, &b.extent).unwrap_or(true)
}

/// Compares the claims of fact `id` and returns its findings.
pub fn compare(id: &str, fact: &Fact, claims: Vec<Evidence>) -> Vec<Finding> {
    let mut claims: Vec<Compared> = claims.into_iter().filter_map(|e| Compared::new(e, fact)).collect();
    claims.sort_by(|a, b| a.evidence.place().cmp(&b.evidence.place()).then(a.evidence.kind.cmp(&b.evidence.kind)));
    if claims.len() < 2 {
        return Vec::new();
    }
    if fact.evolving {
        return evolving(id, fact, claims);
    }
    let support: Vec<usize> = claims
        .iter()
        .map(|a| {
            claims
                .iter()
                .filter(|b| agrees(a, b, fact.tolerance) || agrees(b, a, fact.tolerance))
                .map(|b| b.evidence.source.as_str())
                .collect::<BTreeSet<_>>()
                .len()
        })
        .collect();
    let consensus = (0..claims.len())
        .min_by(|&a, &b| {
            support[b].cmp(&support[a]).then(claims[a].width().total_cmp(&claims[b].width())).then(a.cmp(&b))
        })
        .unwrap_or(0);
    let (agreeing, outliers): (Vec<usize>, Vec<usize>) = (0..claims.len()).partition(|&i| {
        agrees(&claims[consensus], &claims[i], fact.tolerance) || agrees(&claims[i], &claims[consensus], fact.tolerance)
    });

    let mut findings = Vec::new();
    if !outliers.is_empty() {
        let note = explain(&claims, consensus, &outliers);
        let severity = match note {
            Some(Explained::OneDay) => fact.severity.min(Severity::Warning),
            _ => fact.severity,
        };
        let mut note_text = note.map(|n| n.text().to_string());
        let outlier_sources: BTreeSet<&str> = outliers.iter().map(|&i| claims[i].evidence.source.as_str()).collect();
        let inside: Vec<&str> = agreeing
            .iter()
            .map(|&i| claims[i].evidence.source.as_str())
            .filter(|s| outlier_sources.contains(s))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if !inside.is_empty() {
            let text = format!("conflict within one source: {}", inside.join(", "));
            note_text = Some(match note_text {
                Some(n) => format!("{n}; {text}"),
                None => text,
            });
        }
        let message = format!("{} vs {}", side(&claims, &outliers), side(&claims, &agreeing));
        let evidence = outliers.iter().chain(&agreeing).map(|&i| claims[i].evidence.clone()).collect();
        findings.push(Finding {
            id: id.to_string(),
            kind: FindingKind::Conflict,
            severity,
            message,
            note: note_text,
            claims: evidence,
        });
    }

    if let Some(center) = claims[consensus].interval() {
        let coarser: Vec<usize> = agreeing
            .iter()
            .copied()
            .filter(|&i| claims[i].interval().is_some_and(|iv| iv.contains(&center) && iv.width() > center.width()))
            .collect();
        if !coarser.is_empty() {
            let finer: Vec<usize> = agreeing.iter().copied().filter(|i| !coarser.contains(i)).collect();
            let message = format!("{} is less precise than {}", side(&claims, &coarser), side(&claims, &finer));
            let evidence = coarser.iter().chain(&finer).map(|&i| claims[i].evidence.clone()).collect();
            findings.push(Finding {
                id: id.to_string(),
                kind: FindingKind::Imprecise,
                severity: Severity::Info,
                message,
                note: None,
                claims: evidence,
            });
        }
    }
    findings
}

/// Known causes of a difference.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Explained {
    /// Day counts one apart: one source counts both end days, the other the days between.
    OneDay,
}

impl Explained {
    fn text(self) -> &'static str {
        match self {
            Explained::OneDay => "the day counts differ by one: inclusive against elapsed counting of the same dates?",
        }
    }
}

fn explain(claims: &[Compared], consensus: usize, outliers: &[usize]) -> Option<Explained> {
    let center = claims[consensus].interval()?;
    if center.scale != Scale::Seconds {
        return None;
    }
    let day = 86_400.0;
    let one_day = outliers.iter().all(|&i| {
        claims[i].interval().is_some_and(|iv| {
            iv.scale == Scale::Seconds && iv.width() == 0.0 && center.width() == 0.0 && (iv.lo - center.lo).abs() == day
        })
    });
    one_day.then_some(Explained::OneDay)
}

/// "4 days (3 sources: 001, 002, 004)": the values of some claims and who holds them.
fn side(claims: &[Compared], indices: &[usize]) -> String {
    let mut values: Vec<String> = Vec::new();
    let mut sources: BTreeSet<&str> = BTreeSet::new();
    for &i in indices {
        let label = describe(&claims[i].evidence.value);
        if !values.contains(&label) {
            values.push(label);
        }
        sources.insert(short_name(&claims[i].evidence.source));
    }
    let count = sources.len();
    let noun = if count == 1 { "source" } else { "sources" };
    let names: Vec<&str> = sources.into_iter().collect();
    format!("{} ({count} {noun}: {})", values.join(" / "), names.join(", "))
}

/// A source's file name without folders, for messages.
fn short_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// A value in words where that reads better: `P2D` is "2 days".
pub fn describe(value: &Value) -> String {
    if let Value::Duration(d) = value
        && let Some(words) = duration_words(d)
    {
        return words;
    }
    value.to_string()
}

fn duration_words(value: &str) -> Option<String> {
    let rest = value.strip_prefix('P')?;
    let (time, rest) = match rest.strip_prefix('T') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let unit = rest.chars().last()?;
    let amount = &rest[..rest.len() - unit.len_utf8()];
    if amount.is_empty() || !amount.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let name = match (time, unit) {
        (false, 'Y') => "year",
        (false, 'M') => "month",
        (false, 'W') => "week",
        (false, 'D') => "day",
        (true, 'H') => "hour",
        (true, 'M') => "minute",
        (true, 'S') => "second",
        _ => return None,
    };
    let plural = if amount == "1" { "" } else { "s" };
    Some(format!("{amount} {name}{plural}"))
}

/// Evolving facts: later and larger is an update; a fall, or a disagreement between
/// reports of the same day, is a conflict.
fn evolving(id: &str, fact: &Fact, claims: Vec<Compared>) -> Vec<Finding> {
    if claims.iter().any(|c| c.evidence.published.is_none()) {
        let evidence: Vec<Evidence> = claims.into_iter().map(|c| c.evidence).collect();
        let undated: BTreeSet<&str> =
            evidence.iter().filter(|e| e.published.is_none()).map(|e| short_name(&e.source)).collect();
        let mut values: Vec<String> = Vec::new();
        for e in &evidence {
            let label = describe(&e.value);
            if !values.contains(&label) {
                values.push(label);
            }
        }
        if values.len() < 2 {
            return Vec::new();
        }
        return vec![Finding {
            id: id.to_string(),
            kind: FindingKind::Conflict,
            severity: fact.severity.min(Severity::Warning),
            message: format!("values differ ({}) and cannot be ordered in time", values.join(" vs ")),
            note: Some(format!("no publication date for: {}", undated.into_iter().collect::<Vec<_>>().join(", "))),
            claims: evidence,
        }];
    }
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| (claims[i].evidence.published, i));
    let mut findings = Vec::new();
    let mut conflicts: Vec<usize> = Vec::new();
    let mut updates: Vec<usize> = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        for &j in &order[..n] {
            if agrees(&claims[j], &claims[i], fact.tolerance) {
                continue;
            }
            let (Some(earlier), Some(later)) = (claims[j].interval(), claims[i].interval()) else { continue };
            let same_day = claims[j].evidence.published == claims[i].evidence.published;
            if same_day || later.hi < earlier.lo {
                conflicts.extend([j, i]);
            } else {
                updates.extend([j, i]);
            }
        }
    }
    for (kind, mut group) in [(FindingKind::Conflict, conflicts), (FindingKind::Update, updates)] {
        if group.is_empty() {
            continue;
        }
        group.sort_by_key(|&i| (claims[i].evidence.published, i));
        group.dedup();
        let steps: Vec<String> = group
            .iter()
            .map(|&i| {
                let e = &claims[i].evidence;
                let when = e.published.map_or_else(String::new, |d| d.to_string());
                format!("{} ({}, {when})", describe(&e.value), short_name(&e.source))
            })
            .collect();
        let (severity, verb) = match kind {
            FindingKind::Update => (Severity::Info, "rose"),
            _ => (fact.severity, "disagree or fell"),
        };
        findings.push(Finding {
            id: id.to_string(),
            kind,
            severity,
            message: format!("reports {verb}: {}", steps.join(" → ")),
            note: None,
            claims: group.iter().map(|&i| claims[i].evidence.clone()).collect(),
        });
    }
    findings
}
