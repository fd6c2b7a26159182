//! The reduce step: compare the claims of one fact and say where they disagree.
//!
//! Every claim stands for an interval (its granularity, widened by its modifier);
//! two claims agree when their intervals, one widened by the fact's tolerance, overlap.
//! The consensus is the claim that claims from the most sources agree with (ties go to
//! the more precise, then the earlier), chosen among the firmest claims only: exact
//! values first, then "about", then bounds, so a bound ("more than 30 metres") is judged
//! against the exact values and never glues two of them (31 m, 34 m) together. Claims
//! that do not agree with the consensus are the outliers of a `conflict`; a bound that
//! fits both sides is named in its note. A claim that agrees but covers more than the consensus is
//! `imprecise`. Within a group, sorting keeps the cost at O(n log n) plus the support
//! count, which is quadratic only in the claims of one fact.

use std::collections::BTreeSet;

use crate::rules::{Fact, Severity};
use crate::value::{Extent, Interval, Modifier, Scale, Tolerance, agree, describe};

use super::{Evidence, Finding, FindingKind};

/// How wide "about" is when a rule does not say: a tenth of the value, or three days
/// for dates.
fn approx_tolerance(scale: Scale) -> Tolerance {
    match scale {
        Scale::Days => Tolerance::Absolute(3.0),
        Scale::Seconds | Scale::Plain => Tolerance::Percent(10.0),
    }
}

/// How firmly a claim states its value. Agreement is decided among the firmest claims
/// of a fact; the others are then judged against that consensus, so "more than 30
/// metres" never makes 31 m and 34 m agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Hedge {
    /// A value as written, its granularity aside ("2011", "31 m", "late 2017").
    Exact,
    /// "about 3,000": a value with a margin.
    Approx,
    /// "more than 30 metres", "less than a week": open on one side.
    Bound,
}

/// A claim ready to compare.
struct Compared {
    evidence: Evidence,
    extent: Extent,
    context: Option<Interval>,
}

impl Compared {
    fn new(evidence: Evidence, context: Option<Interval>, fact: &Fact) -> Option<Compared> {
        let extent = match evidence.claim.value.extent()? {
            Extent::Interval(i) => {
                let approx = match (evidence.claim.modifier, fact.tolerance) {
                    (Some(Modifier::Approx), Some(t)) => t,
                    _ => approx_tolerance(i.scale),
                };
                Extent::Interval(i.modified(evidence.claim.modifier, &approx))
            }
            Extent::Vague => return None,
            other => other,
        };
        Some(Compared { evidence, extent, context })
    }

    fn interval(&self) -> Option<Interval> {
        match self.extent {
            Extent::Interval(i) => Some(i),
            _ => None,
        }
    }

    fn hedge(&self) -> Hedge {
        match self.evidence.claim.modifier {
            None | Some(Modifier::Start | Modifier::Mid | Modifier::End) => Hedge::Exact,
            Some(Modifier::Approx) => Hedge::Approx,
            Some(Modifier::MoreThan | Modifier::LessThan | Modifier::AtLeast | Modifier::AtMost) => Hedge::Bound,
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
    compare_in_context(id, fact, claims.into_iter().map(|e| (e, None)).collect())
}

/// How far apart (in days) the dates around two claims may be and still place them in
/// one event.
const SAME_EVENT_DAYS: f64 = 7.0;

/// [`compare`], with the days each claim's surrounding dates cover (see
/// [`super::Selected::context`]). An outlier whose dates lie well apart from the
/// consensus's is another event (a second visit, an aftershock) and is not compared.
pub fn compare_in_context(id: &str, fact: &Fact, claims: Vec<(Evidence, Option<Interval>)>) -> Vec<Finding> {
    let mut claims: Vec<Compared> = claims.into_iter().filter_map(|(e, c)| Compared::new(e, c, fact)).collect();
    claims.sort_by(|a, b| {
        a.evidence.sort_key().cmp(&b.evidence.sort_key()).then(a.evidence.claim.kind.cmp(&b.evidence.claim.kind))
    });
    if claims.len() < 2 {
        return Vec::new();
    }
    if fact.evolving {
        return evolving(id, fact, claims);
    }
    let Partition { consensus, definite, agreeing, outliers, event, .. } = partition(fact, &claims);
    let mut findings = Vec::new();
    if !outliers.is_empty() {
        let note = explain(&claims, consensus, &outliers);
        let severity = match note {
            Some(Explained::OneDay) => fact.severity.min(Severity::Warning),
            _ => fact.severity,
        };
        let mut notes: Vec<String> = note.map(|n| n.text().to_string()).into_iter().collect();
        if event.is_some() {
            let undated: BTreeSet<&str> = outliers
                .iter()
                .filter(|&&i| claims[i].context.is_none())
                .map(|&i| short_name(&claims[i].evidence.place.source))
                .collect();
            if !undated.is_empty() {
                notes.push(format!(
                    "no date near the claim in {} places it in the same event as the others: check it speaks of the same one",
                    undated.into_iter().collect::<Vec<_>>().join(", ")
                ));
            }
        }
        let outlier_sources: BTreeSet<&str> =
            outliers.iter().map(|&i| claims[i].evidence.place.source.as_ref()).collect();
        let inside: Vec<&str> = agreeing
            .iter()
            .map(|&i| claims[i].evidence.place.source.as_ref())
            .filter(|s| outlier_sources.contains(s))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if !inside.is_empty() {
            notes.push(format!("conflict within one source: {}", inside.join(", ")));
        }
        let undecided: Vec<&Compared> = agreeing
            .iter()
            .map(|&i| &claims[i])
            .filter(|c| c.hedge() > definite)
            .filter(|c| {
                outliers.iter().all(|&o| agrees(c, &claims[o], fact.tolerance) || agrees(&claims[o], c, fact.tolerance))
            })
            .collect();
        if !undecided.is_empty() {
            let bounds: Vec<String> = undecided
                .iter()
                .map(|c| format!("{} ({})", hedged(&c.evidence), short_name(&c.evidence.place.source)))
                .collect();
            notes.push(format!("{} fits both sides and does not decide between them", bounds.join(", ")));
        }
        let note_text = (!notes.is_empty()).then(|| notes.join("; "));
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
            // Only granularity ("2011" against "December 2011") is worth the finding:
            // "about 3,000" agreeing with 2,975 is rounding, "more than 100" a bound.
            .filter(|&i| claims[i].hedge() == Hedge::Exact)
            .filter(|&i| claims[i].interval().is_some_and(|iv| iv.contains(&center) && is_coarser(&iv, &center)))
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

/// How the claims of a fact split: the consensus, the claims that agree with it, the
/// outliers, and the outliers set apart as another event (indices into the sorted
/// claims).
struct Partition {
    consensus: usize,
    definite: Hedge,
    agreeing: Vec<usize>,
    outliers: Vec<usize>,
    apart: Vec<usize>,
    event: Option<Interval>,
}

fn partition(fact: &Fact, claims: &[Compared]) -> Partition {
    let support = support(claims, fact.tolerance);
    // Only the most definite claims may stand as the consensus: a bound agrees with
    // every value on its open side, so as the consensus it would glue 31 m and 34 m.
    let definite = claims.iter().map(Compared::hedge).min().unwrap_or(Hedge::Exact);
    let consensus = (0..claims.len())
        .filter(|&i| claims[i].hedge() == definite)
        .min_by(|&a, &b| {
            support[b].cmp(&support[a]).then(claims[a].width().total_cmp(&claims[b].width())).then(a.cmp(&b))
        })
        .unwrap_or(0);
    let (agreeing, outliers): (Vec<usize>, Vec<usize>) = (0..claims.len()).partition(|&i| {
        agrees(&claims[consensus], &claims[i], fact.tolerance) || agrees(&claims[i], &claims[consensus], fact.tolerance)
    });
    let event = agreeing.iter().filter_map(|&i| claims[i].context).reduce(|a, b| Interval {
        lo: a.lo.min(b.lo),
        hi: a.hi.max(b.hi),
        scale: Scale::Days,
    });
    let (outliers, apart) = match event {
        Some(event) => {
            let near = event.widen(&Tolerance::Absolute(SAME_EVENT_DAYS));
            outliers.into_iter().partition(|&i| claims[i].context.is_none_or(|c| c.overlaps(&near)))
        }
        None => (outliers, Vec::new()),
    };

    Partition { consensus, definite, agreeing, outliers, apart, event }
}

/// How the claims of one fact stand, as [`compare_in_context`] sees them: what
/// `factlint explain` shows. Empty for evolving facts, which are ordered in time
/// rather than split around a consensus.
#[derive(Clone, Debug, Default)]
pub struct Standing {
    /// The claim the others are judged against.
    pub consensus: Option<Evidence>,
    /// The claims that agree with it (the consensus among them).
    pub agreeing: Vec<Evidence>,
    /// The claims that do not.
    pub outliers: Vec<Evidence>,
    /// Outliers whose surrounding dates place them in another event: not compared.
    pub apart: Vec<Evidence>,
}

/// The [`Standing`] of the claims of a fact.
pub fn standing(fact: &Fact, claims: Vec<(Evidence, Option<Interval>)>) -> Standing {
    let mut claims: Vec<Compared> = claims.into_iter().filter_map(|(e, c)| Compared::new(e, c, fact)).collect();
    claims.sort_by(|a, b| {
        a.evidence.sort_key().cmp(&b.evidence.sort_key()).then(a.evidence.claim.kind.cmp(&b.evidence.claim.kind))
    });
    if claims.is_empty() || fact.evolving {
        return Standing::default();
    }
    let p = partition(fact, &claims);
    let pick = |indices: &[usize]| indices.iter().map(|&i| claims[i].evidence.clone()).collect();
    Standing {
        consensus: Some(claims[p.consensus].evidence.clone()),
        agreeing: pick(&p.agreeing),
        outliers: pick(&p.outliers),
        apart: pick(&p.apart),
    }
}

/// How two claims of a fact compare, and why: what `factlint explain` shows for a pair.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// `Some(true)` when they agree, `Some(false)` when they conflict, `None` when they
    /// cannot be compared (and so do not conflict).
    pub agree: Option<bool>,
    /// The extents compared (after modifiers, "about" and the tolerance), in words.
    pub why: String,
}

/// Judges two claims of a fact as [`compare`] does: each stands for an interval, its
/// granularity widened by its modifier; they agree when the intervals overlap, one of
/// them widened by the fact's tolerance.
pub fn pair(fact: &Fact, a: &Evidence, b: &Evidence) -> Pair {
    let (Some(x), Some(y)) = (Compared::new(a.clone(), None, fact), Compared::new(b.clone(), None, fact)) else {
        return Pair { agree: None, why: "a vague value is not compared".into() };
    };
    let both = agrees(&x, &y, fact.tolerance) || agrees(&y, &x, fact.tolerance);
    let comparable = agree(&x.extent, &y.extent).is_some();
    let shown = |c: &Compared| match c.interval() {
        Some(i) if i.lo == i.hi => on_scale(i.lo, i.scale),
        Some(i) => format!("[{}, {}]", on_scale(i.lo, i.scale), on_scale(i.hi, i.scale)),
        None => "an unanchored pattern".to_string(),
    };
    let tolerance = match fact.tolerance {
        Some(Tolerance::Percent(p)) => format!(", tolerance {p}%"),
        Some(Tolerance::Absolute(a)) => format!(", tolerance {a}"),
        Some(Tolerance::Duration(s)) => format!(", tolerance {s} s"),
        None => String::new(),
    };
    let verdict = if !comparable {
        "cannot be compared, so do not conflict"
    } else if both {
        "overlap: they agree"
    } else {
        "do not overlap: they conflict"
    };
    let mut why = format!("{} and {}{tolerance} {verdict}", shown(&x), shown(&y));
    if both && comparable && (x.hedge() != Hedge::Exact || y.hedge() != Hedge::Exact) {
        why.push_str("; a bound or \"about\" is judged against the exact values, never glues two of them");
    }
    if both
        && comparable
        && x.interval().zip(y.interval()).is_some_and(|(i, j)| is_coarser(&i, &j) || is_coarser(&j, &i))
    {
        why.push_str("; one is written more coarsely (granularity)");
    }
    if fact.evolving {
        why.push_str("; the fact is evolving: a later, larger value is an update, not a conflict");
    }
    Pair { agree: comparable.then_some(both), why }
}

/// A point of an extent as a reader writes it: a date, a length of time, a number.
fn on_scale(at: f64, scale: Scale) -> String {
    match scale {
        Scale::Days => crate::value::date_of_day(at).map_or_else(|| at.to_string(), |d| d.to_string()),
        Scale::Seconds if at % 86_400.0 == 0.0 => format!("{} d", at / 86_400.0),
        Scale::Seconds if at % 3_600.0 == 0.0 => format!("{} h", at / 3_600.0),
        Scale::Seconds => format!("{at} s"),
        Scale::Plain => format!("{at}"),
    }
}

/// Whether `wide` says markedly less than `narrow`: at least twice as wide, on the
/// scale's own unit (a year against a month, a month against a day; not March to June
/// against the second quarter).
fn is_coarser(wide: &Interval, narrow: &Interval) -> bool {
    (wide.width() + 1.0) >= 2.0 * (narrow.width() + 1.0)
}

/// For each claim, how many sources hold a claim that agrees with it.
///
/// Claims with the same extent agree with the same claims, so agreement is decided
/// once per distinct extent: the cost is quadratic in the number of distinct values
/// of a fact (a handful), not in its claims (thousands in a large corpus).
fn support(claims: &[Compared], tolerance: Option<Tolerance>) -> Vec<usize> {
    let mut distinct: Vec<usize> = Vec::new();
    let mut key_of = Vec::with_capacity(claims.len());
    for (i, claim) in claims.iter().enumerate() {
        match distinct.iter().position(|&d| claims[d].extent == claim.extent) {
            Some(k) => key_of.push(k),
            None => {
                key_of.push(distinct.len());
                distinct.push(i);
            }
        }
    }
    let mut sources: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); distinct.len()];
    for (i, claim) in claims.iter().enumerate() {
        sources[key_of[i]].insert(claim.evidence.place.source.as_ref());
    }
    let per_key: Vec<usize> = distinct
        .iter()
        .map(|&a| {
            let mut holders: BTreeSet<&str> = BTreeSet::new();
            for (k, &b) in distinct.iter().enumerate() {
                if agrees(&claims[a], &claims[b], tolerance) || agrees(&claims[b], &claims[a], tolerance) {
                    holders.extend(sources[k].iter().copied());
                }
            }
            holders.len()
        })
        .collect();
    key_of.into_iter().map(|k| per_key[k]).collect()
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
        let label = describe(&claims[i].evidence.claim.value);
        if !values.contains(&label) {
            values.push(label);
        }
        sources.insert(short_name(&claims[i].evidence.place.source));
    }
    let count = sources.len();
    let noun = if count == 1 { "source" } else { "sources" };
    let names: Vec<&str> = sources.into_iter().collect();
    format!("{} ({count} {noun}: {})", values.join(" / "), names.join(", "))
}

/// "more than 30 m": a claim's value with the hedge the source wrote, for notes.
fn hedged(evidence: &Evidence) -> String {
    let words = match evidence.claim.modifier {
        Some(Modifier::Approx) => "about ",
        Some(Modifier::MoreThan) => "more than ",
        Some(Modifier::LessThan) => "less than ",
        Some(Modifier::AtLeast) => "at least ",
        Some(Modifier::AtMost) => "at most ",
        Some(Modifier::Start | Modifier::Mid | Modifier::End) | None => "",
    };
    format!("{words}{}", describe(&evidence.claim.value))
}

/// A source's file name without folders, for messages.
fn short_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Evolving facts: later and larger is an update; a fall, or a disagreement between
/// reports of the same day, is a conflict.
fn evolving(id: &str, fact: &Fact, claims: Vec<Compared>) -> Vec<Finding> {
    if claims.iter().any(|c| c.evidence.place.published.is_none()) {
        let evidence: Vec<Evidence> = claims.into_iter().map(|c| c.evidence).collect();
        let undated: BTreeSet<&str> =
            evidence.iter().filter(|e| e.place.published.is_none()).map(|e| short_name(&e.place.source)).collect();
        let mut values: Vec<String> = Vec::new();
        for e in &evidence {
            let label = describe(&e.claim.value);
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
    order.sort_by_key(|&i| (claims[i].evidence.place.published, i));
    let mut findings = Vec::new();
    let mut conflicts: Vec<usize> = Vec::new();
    let mut updates: Vec<usize> = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        for &j in &order[..n] {
            if agrees(&claims[j], &claims[i], fact.tolerance) {
                continue;
            }
            let (Some(earlier), Some(later)) = (claims[j].interval(), claims[i].interval()) else { continue };
            let same_day = claims[j].evidence.place.published == claims[i].evidence.place.published;
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
        group.sort_by_key(|&i| (claims[i].evidence.place.published, i));
        group.dedup();
        let mut steps: Vec<String> = group
            .iter()
            .map(|&i| {
                let e = &claims[i].evidence;
                let when = e.place.published.map_or_else(String::new, |d| d.to_string());
                format!("{} ({}, {when})", describe(&e.claim.value), short_name(&e.place.source))
            })
            .collect();
        // One source may state the same figure twice; the story is told once.
        steps.dedup();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{ClaimKind, IsoDuration, Value};

    fn fact(yaml: &str) -> Fact {
        Fact::resolve(&serde_yaml::from_str(yaml).unwrap(), &crate::rules::Defaults::default())
    }

    fn claim(source: &str, kind: ClaimKind, value: Value) -> Evidence {
        let text = value.to_string();
        let mut e = Evidence::new(source, kind, value, &text);
        e.claim.span.end = 1;
        e
    }

    fn date(source: &str, v: &str) -> Evidence {
        claim(source, ClaimKind::Date, Value::Date(v.parse().unwrap()))
    }

    fn days(source: &str, n: u32) -> Evidence {
        claim(source, ClaimKind::Duration, Value::Duration(IsoDuration::days(i64::from(n))))
    }

    fn number(source: &str, n: f64) -> Evidence {
        claim(source, ClaimKind::Number, Value::Number(n))
    }

    fn kinds(findings: &[Finding]) -> Vec<FindingKind> {
        findings.iter().map(|f| f.kind).collect()
    }

    #[test]
    fn the_outlier_stands_against_the_consensus() {
        let f = fact("claim: duration\nseverity: warning");
        let findings = compare("length", &f, vec![days("b", 4), days("a", 2), days("c", 4), days("d", 4)]);
        assert_eq!(kinds(&findings), [FindingKind::Conflict]);
        let conflict = &findings[0];
        assert_eq!(conflict.severity, Severity::Warning);
        assert_eq!(conflict.message, "2 days (1 source: a) vs 4 days (3 sources: b, c, d)");
        let order: Vec<&str> = conflict.claims.iter().map(|c| c.place.source.as_ref()).collect();
        assert_eq!(order, ["a", "b", "c", "d"]);
    }

    #[test]
    fn agreement_is_silent() {
        let f = fact("claim: duration");
        assert!(compare("x", &f, vec![days("a", 4), days("b", 4)]).is_empty());
        assert!(compare("x", &f, vec![days("a", 4)]).is_empty());
    }

    #[test]
    fn coarser_values_agree_and_are_imprecise_at_most() {
        let f = fact("claim: date");
        let findings = compare("power", &f, vec![date("a", "2011"), date("b", "2011-12"), date("c", "2011")]);
        assert_eq!(kinds(&findings), [FindingKind::Imprecise]);
        assert_eq!(findings[0].severity, Severity::Info);
        assert_eq!(findings[0].message, "2011 (2 sources: a, c) is less precise than 2011-12 (1 source: b)");
        let findings = compare("power", &f, vec![date("a", "2011"), date("b", "2012-01")]);
        assert_eq!(kinds(&findings), [FindingKind::Conflict]);
    }

    #[test]
    fn approximations_get_a_default_tolerance_a_rule_can_override() {
        let mut about_3000 = number("a", 3000.0);
        about_3000.claim.modifier = Some(Modifier::Approx);
        let f = fact("claim: number");
        assert!(compare("n", &f, vec![about_3000.clone(), number("b", 2975.0)]).is_empty());
        assert_eq!(kinds(&compare("n", &f, vec![about_3000.clone(), number("b", 3500.0)])), [FindingKind::Conflict]);
        let strict = fact("claim: number\ntolerance: 0.1%");
        assert_eq!(kinds(&compare("n", &strict, vec![about_3000, number("b", 2975.0)])), [FindingKind::Conflict]);
        let mut about_40 = claim("a", ClaimKind::Duration, Value::Duration("P40D".parse().unwrap()));
        about_40.claim.modifier = Some(Modifier::Approx);
        assert!(compare("gap", &fact("claim: duration"), vec![about_40, days("b", 43)]).is_empty());
    }

    #[test]
    fn tolerance_decides_what_agrees() {
        let f = fact("claim: number\ntolerance: 5%");
        assert!(compare("n", &f, vec![number("a", 28000.0), number("b", 29000.0)]).is_empty());
        assert_eq!(kinds(&compare("n", &f, vec![number("a", 28000.0), number("b", 30000.0)])), [FindingKind::Conflict]);
        let absolute = fact("claim: number\ntolerance: 2");
        assert!(compare("n", &absolute, vec![number("a", 10.0), number("b", 12.0)]).is_empty());
        let dates = fact("claim: date\ntolerance: P1D");
        assert!(compare("d", &dates, vec![date("a", "2018-03-25"), date("b", "2018-03-26")]).is_empty());
        assert_eq!(
            kinds(&compare("d", &dates, vec![date("a", "2018-03-25"), date("b", "2018-03-27")])),
            [FindingKind::Conflict]
        );
    }

    #[test]
    fn derived_durations_compare_with_stated_ones() {
        let range = claim(
            "a",
            ClaimKind::DateRange,
            Value::Range { start: "2018-03-25".parse().unwrap(), end: "2018-03-28".parse().unwrap() },
        );
        let derived = range.implied_duration().unwrap();
        assert_eq!(derived.claim.value, Value::Duration("P4D".parse().unwrap()));
        assert_eq!(derived.derived_from.as_ref().map(|d| d.kind), Some(ClaimKind::DateRange));
        let findings = compare("len", &fact("claim: duration"), vec![derived.clone(), days("b", 2), days("c", 4)]);
        assert_eq!(kinds(&findings), [FindingKind::Conflict]);
        assert!(findings[0].claims.iter().any(|c| c.derived_from.is_some()));
    }

    #[test]
    fn one_day_apart_is_explained_and_softened() {
        let findings = compare("len", &fact("claim: duration"), vec![days("a", 9), days("b", 10), days("c", 10)]);
        assert_eq!(findings[0].severity, Severity::Warning);
        assert!(findings[0].note.as_deref().unwrap_or("").contains("inclusive"));
    }

    #[test]
    fn unanchored_weekdays_compare_by_weekday() {
        let f = fact("claim: date");
        let monday = date("a", "XXXX-WXX-1");
        assert!(compare("d", &f, vec![monday.clone(), date("b", "2018-03-26")]).is_empty());
        assert_eq!(kinds(&compare("d", &f, vec![monday, date("b", "2018-03-27")])), [FindingKind::Conflict]);
    }

    #[test]
    fn a_source_that_contradicts_itself_is_named() {
        let findings = compare("len", &fact("claim: duration"), vec![days("a", 2), days("a", 4), days("b", 4)]);
        assert_eq!(kinds(&findings), [FindingKind::Conflict]);
        assert!(findings[0].note.as_deref().unwrap_or("").contains("within one source: a"));
    }

    #[test]
    fn evolving_figures_rise_as_updates_and_fall_as_conflicts() {
        let f = fact("claim: number\nevolving: true");
        let at = |source: &str, n: f64, day: i8| {
            let mut c = number(source, n);
            c.place.published = Some(jiff::civil::date(2023, 2, day));
            c
        };
        let rising = compare("toll", &f, vec![at("a", 100.0, 6), at("b", 1500.0, 7)]);
        assert_eq!(kinds(&rising), [FindingKind::Update]);
        assert_eq!(rising[0].severity, Severity::Info);
        let falling = compare("toll", &f, vec![at("a", 1500.0, 6), at("b", 100.0, 7)]);
        assert_eq!(kinds(&falling), [FindingKind::Conflict]);
        let same_day = compare("toll", &f, vec![at("a", 100.0, 6), at("b", 1500.0, 6)]);
        assert_eq!(kinds(&same_day), [FindingKind::Conflict]);
        let undated = compare("toll", &f, vec![number("a", 100.0), number("b", 1500.0)]);
        assert!(undated[0].message.contains("cannot be ordered"));
    }

    #[test]
    fn claims_dated_in_another_event_are_kept_apart() {
        let march = Some(Interval { lo: 17615.0, hi: 17618.0, scale: Scale::Days });
        let may = Some(Interval { lo: 17659.0, hi: 17659.0, scale: Scale::Days });
        let f = fact("claim: duration");
        let apart = vec![(days("a", 4), march), (days("b", 4), march), (days("c", 2), may)];
        assert!(compare_in_context("len", &f, apart).is_empty());
        // Without a date to place it, the outlier is compared, and the finding says so.
        let undated = vec![(days("a", 4), march), (days("b", 4), march), (days("c", 2), None)];
        let findings = compare_in_context("len", &f, undated);
        assert_eq!(kinds(&findings), [FindingKind::Conflict]);
        assert!(findings[0].note.as_deref().unwrap_or("").contains("no date near the claim in c"), "{findings:?}");
        // Close dates are the same event.
        let near = Some(Interval { lo: 17620.0, hi: 17620.0, scale: Scale::Days });
        let same = vec![(days("a", 4), march), (days("c", 2), near)];
        assert_eq!(kinds(&compare_in_context("len", &f, same)), [FindingKind::Conflict]);
    }

    fn hedged_claim(mut evidence: Evidence, modifier: Modifier) -> Evidence {
        evidence.claim.modifier = Some(modifier);
        evidence
    }

    fn week(source: &str) -> Evidence {
        claim(source, ClaimKind::Duration, Value::Duration("P1W".parse().unwrap()))
    }

    fn metres(source: &str, amount: f64) -> Evidence {
        claim(source, ClaimKind::Quantity, Value::Quantity { amount, unit: "m".into() })
    }

    #[test]
    fn bounds_are_judged_against_exact_values_and_never_bridge_them() {
        let more_than_30 = || hedged_claim(metres("c", 30.0), Modifier::MoreThan);
        let less_than_a_week = || hedged_claim(week("c"), Modifier::LessThan);
        let mut about_3000 = number("a", 3000.0);
        about_3000.claim.modifier = Some(Modifier::Approx);
        // (case, claim kind, claims, the conflict's message if there is one)
        let table: Vec<(&str, &str, Vec<Evidence>, Option<&str>)> = vec![
            (
                "a bound fitting two exact values leaves their conflict",
                "claim: quantity",
                vec![metres("a", 31.0), metres("b", 34.0), more_than_30()],
                Some("34 m (1 source: b) vs 31 m / 30 m (2 sources: a, c)"),
            ),
            (
                "a bound agreeing with the one exact value is silent",
                "claim: quantity",
                vec![metres("a", 31.0), more_than_30()],
                None,
            ),
            (
                "less than a week between three and six days",
                "claim: duration",
                vec![days("a", 3), days("b", 6), less_than_a_week()],
                Some("6 days (1 source: b) vs 3 days / 1 week (2 sources: a, c)"),
            ),
            (
                "a bound the exact value breaks",
                "claim: duration",
                vec![days("a", 9), less_than_a_week()],
                Some("1 week (1 source: c) vs 9 days (1 source: a)"),
            ),
            ("about 3,000 agrees with 2,975", "claim: number", vec![about_3000, number("b", 2975.0)], None),
        ];
        for (case, rule, claims, expected) in table {
            let findings = compare("f", &fact(rule), claims);
            let conflicts: Vec<&Finding> = findings.iter().filter(|f| f.kind == FindingKind::Conflict).collect();
            assert_eq!(conflicts.first().map(|f| f.message.as_str()), expected, "{case}: {findings:?}");
            assert!(conflicts.len() <= 1, "{case}: {findings:?}");
        }
    }

    #[test]
    fn a_bound_that_fits_both_sides_is_named_in_the_note() {
        let more_than_30 = hedged_claim(metres("c", 30.0), Modifier::MoreThan);
        let findings =
            compare("depth", &fact("claim: quantity"), vec![metres("a", 31.0), metres("b", 34.0), more_than_30]);
        let note = findings[0].note.as_deref().unwrap_or("");
        assert!(note.contains("more than 30 m (c) fits both sides"), "{findings:?}");
        // A bound that only one side meets decides nothing to note.
        let findings = compare(
            "len",
            &fact("claim: duration"),
            vec![days("a", 3), days("b", 9), hedged_claim(week("c"), Modifier::LessThan)],
        );
        assert_eq!(findings[0].message, "9 days (1 source: b) vs 3 days / 1 week (2 sources: a, c)");
        assert_eq!(findings[0].note, None);
    }

    #[test]
    fn bounds_alone_still_compare_among_themselves() {
        let f = fact("claim: number");
        let more_than_100 = hedged_claim(number("a", 100.0), Modifier::MoreThan);
        let less_than_50 = hedged_claim(number("b", 50.0), Modifier::LessThan);
        assert_eq!(kinds(&compare("n", &f, vec![more_than_100.clone(), less_than_50])), [FindingKind::Conflict]);
        let at_least_120 = hedged_claim(number("b", 120.0), Modifier::AtLeast);
        assert!(compare("n", &f, vec![more_than_100, at_least_120]).is_empty());
    }
}
