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

use std::collections::{BTreeSet, HashSet};

use crate::rules::{Fact, FactKind, Severity};
use crate::value::{Extent, Interval, Modifier, Scale, Tolerance, Value, agree, describe};

use super::events::{self, Anchor, Basis, Event};
use super::{Evidence, Finding, FindingKind};

/// How wide "about" is when a rule does not say: a tenth of the value, or three days
/// for dates.
fn approx_tolerance(scale: Scale) -> Tolerance {
    match scale {
        Scale::Days => Tolerance::Absolute(3.0),
        Scale::Seconds | Scale::Plain => Tolerance::Percent(10.0),
    }
}

/// How wide "about" is around a clock time ("around 1:35 a.m."), either side, when a
/// rule gives no tolerance: half an hour, as such times are rounded.
const APPROX_CLOCK_SECONDS: f64 = 1800.0;

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
#[derive(Clone)]
struct Compared {
    evidence: Evidence,
    extent: Extent,
    /// For a range ("30 to 36 hours"): its two ends, each compared with the other
    /// range's ends.
    ends: Option<(Interval, Interval)>,
    context: Option<Interval>,
}

/// Whether a date fact compares its claims' times of day, or only their days. A fact
/// about a day ("the day the quake struck") is stated by most sources as a day, and a
/// few add the hour, sometimes of another shock that day: comparing those hours would
/// set the day's sources against each other. A fact about a time is stated by most
/// sources with one. So: times compare when the fact's tolerance is under a day, or
/// when more than half the sources that date the fact give it a time of day.
fn clock_times<'a>(fact: &Fact, claims: impl Iterator<Item = &'a Evidence>) -> bool {
    if matches!(fact.tolerance, Some(Tolerance::Duration(s)) if s < 86_400.0) {
        return true;
    }
    let mut dated: BTreeSet<&str> = BTreeSet::new();
    let mut timed: BTreeSet<&str> = BTreeSet::new();
    for claim in claims {
        if let Value::Date(timex) = &claim.claim.value {
            dated.insert(&claim.place.source);
            if timex.moment().is_some() {
                timed.insert(&claim.place.source);
            }
        }
    }
    timed.len() * 2 > dated.len()
}

impl Compared {
    /// `clock`: whether times of day compare as times ([`clock_times`]) or at their day.
    fn new(evidence: Evidence, context: Option<Interval>, fact: &Fact, clock: bool) -> Option<Compared> {
        let modifier = evidence.claim.modifier;
        let approx = |i: &Interval| match (modifier, fact.tolerance) {
            (Some(Modifier::Approx), Some(t)) => t,
            _ => approx_tolerance(i.scale),
        };
        // Two clock times compare as times, not only as days (see `value::Moment`).
        let moment = match &evidence.claim.value {
            Value::Date(timex) if clock => timex.moment().map(Extent::Moment),
            _ => None,
        };
        let extent = match moment.or_else(|| evidence.claim.value.extent())? {
            Extent::Interval(i) => Extent::Interval(i.modified(modifier, &approx(&i))),
            // "around 1:35 a.m.": a clock time read to the half hour.
            Extent::Moment(m) => match (modifier, fact.tolerance) {
                (Some(Modifier::Approx), Some(Tolerance::Duration(s))) => Extent::Moment(m.widen(s)),
                (Some(Modifier::Approx), _) => Extent::Moment(m.widen(APPROX_CLOCK_SECONDS)),
                _ => Extent::Moment(m),
            },
            Extent::Vague => return None,
            other => other,
        };
        let ends = evidence
            .claim
            .value
            .ends()
            .map(|(lo, hi)| (lo.modified(modifier, &approx(&lo)), hi.modified(modifier, &approx(&hi))));
        Some(Compared { evidence, extent, ends, context })
    }

    /// The days a claim covers; a clock time covers its day.
    fn interval(&self) -> Option<Interval> {
        match self.extent {
            Extent::Interval(i) => Some(i),
            Extent::Moment(m) => Some(m.day_interval()),
            _ => None,
        }
    }

    fn hedge(&self) -> Hedge {
        match self.evidence.claim.modifier {
            // A range holds every value between its ends: like "about", it may not glue
            // two exact values together as the consensus.
            None if self.ends.is_some() => Hedge::Approx,
            None | Some(Modifier::Start | Modifier::Mid | Modifier::End) => Hedge::Exact,
            Some(Modifier::Approx) => Hedge::Approx,
            Some(Modifier::MoreThan | Modifier::LessThan | Modifier::AtLeast | Modifier::AtMost) => Hedge::Bound,
        }
    }

    /// Width, for precision: unanchored values count as least precise.
    fn width(&self) -> f64 {
        match self.extent {
            // Finer than its day (a day's width is 0 on the day scale).
            Extent::Moment(m) => (m.clock.width() + 1.0) / 86_400.0 - 1.0,
            _ => self.interval().map_or(f64::INFINITY, |i| i.width()),
        }
    }
}

fn agrees(a: &Compared, b: &Compared, tolerance: Option<Tolerance>) -> bool {
    // Two ranges agree when both ends agree: 10 to 12 days is not 11 to 14 days,
    // though the two overlap.
    if let (Some((a_lo, a_hi)), Some((b_lo, b_hi))) = (a.ends, b.ends) {
        let widen = |i: Interval| tolerance.map_or(i, |t| i.widen(&t));
        return widen(a_lo).overlaps(&b_lo) && widen(a_hi).overlaps(&b_hi);
    }
    let widened = match (a.extent, tolerance) {
        (Extent::Interval(i), Some(t)) => Extent::Interval(i.widen(&t)),
        // `tolerance: PT1H` lets two clock times an hour apart agree.
        (Extent::Moment(m), Some(Tolerance::Duration(s))) => Extent::Moment(m.widen(s)),
        (extent, _) => extent,
    };
    // Values that cannot be compared (a weekday against a bare month) do not conflict.
    agree(&widened, &b.extent).unwrap_or(true)
}

/// Whether two claims of a fact agree as [`compare`] decides it: modifiers and the
/// fact's tolerance widen them, and values that cannot be compared do not disagree.
/// For the record and the draft, which judge one claim against another.
pub(super) fn claims_agree(fact: &Fact, a: &Evidence, b: &Evidence) -> bool {
    if fact.claim == FactKind::Title {
        return label(a) == label(b);
    }
    let clock = clock_times(fact, [a, b].into_iter());
    match (Compared::new(a.clone(), None, fact, clock), Compared::new(b.clone(), None, fact, clock)) {
        (Some(a), Some(b)) => agrees(&a, &b, fact.tolerance) || agrees(&b, &a, fact.tolerance),
        _ => true,
    }
}

/// Compares the claims of fact `id` and returns its findings.
pub fn compare(id: &str, fact: &Fact, claims: Vec<Evidence>) -> Vec<Finding> {
    compare_in_context(id, fact, claims.into_iter().map(|e| (e, None)).collect())
}

/// How far apart (in days) the dates around two claims may be and still place them in
/// one event.
const SAME_EVENT_DAYS: f64 = events::NEARBY_DAYS;

/// [`compare`], with the days each claim's surrounding dates cover (see
/// [`super::Selected::context`]). Without `during`, claims that their dates, or their
/// source's publication date, place in another event than the others (an earlier
/// accident, a study published before, an aftershock weeks later) are set apart in an
/// `apart` finding ("another event?") and not compared ([`super::events`]); an outlier
/// whose dates lie well apart from the consensus's is set apart too.
pub fn compare_in_context(id: &str, fact: &Fact, claims: Vec<(Evidence, Option<Interval>)>) -> Vec<Finding> {
    if fact.claim == FactKind::Title {
        return compare_labels(id, fact, claims.into_iter().map(|(e, _)| e).collect());
    }
    let clock = clock_times(fact, claims.iter().map(|(e, _)| e));
    let mut claims: Vec<Compared> = claims.into_iter().filter_map(|(e, c)| Compared::new(e, c, fact, clock)).collect();
    claims.sort_by(|a, b| {
        a.evidence.sort_key().cmp(&b.evidence.sort_key()).then(a.evidence.claim.kind.cmp(&b.evidence.claim.kind))
    });
    if claims.len() < 2 {
        return Vec::new();
    }
    let (claims, apart, event) = if fact.during.is_some() { (claims, Vec::new(), None) } else { set_apart(claims) };
    let mut findings = compare_one_event(id, fact, claims, event.as_ref());
    findings.extend(apart_finding(id, apart, event.as_ref()));
    findings
}

/// The claims of one event, and those that their dates place in another, each with
/// the anchor that sets it apart; the event as learnt from the claims.
fn set_apart(claims: Vec<Compared>) -> (Vec<Compared>, Vec<(Compared, Anchor)>, Option<Event>) {
    let anchors: Vec<Option<Anchor>> = claims.iter().map(|c| events::anchor(&c.evidence, c.context)).collect();
    let event = {
        let held: Vec<(Option<Anchor>, &str)> =
            anchors.iter().zip(&claims).map(|(a, c)| (*a, c.evidence.place.source.as_ref())).collect();
        Event::learn(&held)
    };
    let mut kept = Vec::with_capacity(claims.len());
    let mut apart = Vec::new();
    for (claim, anchor) in claims.into_iter().zip(anchors) {
        match anchor.filter(|a| event.sets_apart(a)) {
            Some(a) => apart.push((claim, a)),
            None => kept.push(claim),
        }
    }
    (kept, apart, Some(event))
}

/// "another event?": the claims set apart, with the dates that set each apart and
/// where the other claims place the event.
fn apart_finding(id: &str, apart: Vec<(Compared, Anchor)>, event: Option<&Event>) -> Option<Finding> {
    if apart.is_empty() {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    // Each part once, in order: a set, as the parts grow with the sources.
    let mut seen: HashSet<String> = HashSet::new();
    for (claim, anchor) in &apart {
        let part = format!(
            "{} ({}, {})",
            hedged(&claim.evidence),
            short_name(&claim.evidence.place.source),
            anchor.describe()
        );
        if seen.insert(part.clone()) {
            parts.push(part);
        }
    }
    let place = event.map_or_else(|| "undated".to_string(), Event::describe);
    Some(Finding {
        id: id.to_string(),
        kind: FindingKind::Apart,
        severity: Severity::Info,
        message: format!(
            "another event? {} set apart from where the other claims place the event ({place})",
            parts.join("; ")
        ),
        note: None,
        claims: apart.into_iter().map(|(c, _)| c.evidence).collect(),
        omitted: Vec::new(),
        side: None,
        confidence: None,
    })
}

/// The findings of the claims of one event.
fn compare_one_event(id: &str, fact: &Fact, claims: Vec<Compared>, learnt: Option<&Event>) -> Vec<Finding> {
    if claims.len() < 2 {
        return Vec::new();
    }
    if fact.evolving {
        return evolving(id, fact, claims);
    }
    let Partition { consensus, definite, agreeing, outliers, apart: far, event } = partition(fact, &claims);
    let mut findings = Vec::new();
    // With `during` the rules have said which claims belong, and an outlier dated
    // apart inside the window is left out as before; without it, the checker's own
    // judgment is shown.
    if !far.is_empty() && fact.during.is_none() {
        let apart = far
            .iter()
            .filter_map(|&i| {
                let days = claims[i].context?;
                let published = claims[i].evidence.place.published.map(crate::value::day_number);
                Some((claims[i].clone(), Anchor { days, basis: Basis::Nearby, published }))
            })
            .collect();
        let place = Event { days: event, reported: learnt.and_then(|e| e.reported) };
        findings.extend(apart_finding(id, apart, Some(&place)));
    }
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
        // Outliers of one extent fit a claim alike: each extent is tried once.
        let outlier_extents = distinct(&claims, &outliers);
        let undecided: Vec<&Compared> = agreeing
            .iter()
            .map(|&i| &claims[i])
            .filter(|c| c.hedge() > definite)
            .filter(|c| {
                outlier_extents
                    .iter()
                    .all(|&o| agrees(c, &claims[o], fact.tolerance) || agrees(&claims[o], c, fact.tolerance))
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
            omitted: Vec::new(),
            side: None,
            confidence: None,
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
            let is_coarser: HashSet<usize> = coarser.iter().copied().collect();
            let finer: Vec<usize> = agreeing.iter().copied().filter(|i| !is_coarser.contains(i)).collect();
            let message = format!("{} is less precise than {}", side(&claims, &coarser), side(&claims, &finer));
            let evidence = coarser.iter().chain(&finer).map(|&i| claims[i].evidence.clone()).collect();
            findings.push(Finding {
                id: id.to_string(),
                kind: FindingKind::Imprecise,
                severity: Severity::Info,
                message,
                note: None,
                claims: evidence,
                omitted: Vec::new(),
                side: None,
                confidence: None,
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
    if fact.claim == FactKind::Title {
        let claims = labelled(claims.into_iter().map(|(e, _)| e).collect());
        let Some(labels) = Labels::of(&claims) else { return Standing::default() };
        let pick = |indices: &[usize]| indices.iter().map(|&i| claims[i].clone()).collect::<Vec<_>>();
        return Standing {
            consensus: Some(claims[labels.consensus].clone()),
            agreeing: pick(&labels.agreeing),
            outliers: pick(&labels.outliers),
            apart: Vec::new(),
        };
    }
    let clock = clock_times(fact, claims.iter().map(|(e, _)| e));
    let mut claims: Vec<Compared> = claims.into_iter().filter_map(|(e, c)| Compared::new(e, c, fact, clock)).collect();
    claims.sort_by(|a, b| {
        a.evidence.sort_key().cmp(&b.evidence.sort_key()).then(a.evidence.claim.kind.cmp(&b.evidence.claim.kind))
    });
    if claims.is_empty() || fact.evolving {
        return Standing::default();
    }
    // As `compare_in_context` does: without `during`, claims placed in another event
    // are set apart before the rest is split.
    let (claims, set_apart, _) =
        if fact.during.is_some() || claims.len() < 2 { (claims, Vec::new(), None) } else { set_apart(claims) };
    let mut apart: Vec<Evidence> = set_apart.into_iter().map(|(c, _)| c.evidence).collect();
    if claims.is_empty() {
        return Standing { apart, ..Standing::default() };
    }
    let p = partition(fact, &claims);
    let pick = |indices: &[usize]| indices.iter().map(|&i| claims[i].evidence.clone()).collect::<Vec<_>>();
    apart.extend(pick(&p.apart));
    Standing {
        consensus: Some(claims[p.consensus].evidence.clone()),
        agreeing: pick(&p.agreeing),
        outliers: pick(&p.outliers),
        apart,
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
    if fact.claim == FactKind::Title {
        let (x, y) = (label(a).unwrap_or_default(), label(b).unwrap_or_default());
        let same = x == y;
        let verdict = if same { "the same title: they agree" } else { "different titles: they conflict" };
        return Pair { agree: Some(same), why: format!("\"{x}\" and \"{y}\" are {verdict}") };
    }
    let clock = clock_times(fact, [a, b].into_iter());
    let (Some(x), Some(y)) = (Compared::new(a.clone(), None, fact, clock), Compared::new(b.clone(), None, fact, clock))
    else {
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

/// The label of a title claim ("former mayor").
fn label(evidence: &Evidence) -> Option<&str> {
    match &evidence.claim.value {
        Value::Text(label) => Some(label),
        _ => None,
    }
}

/// The claims that carry a label, in source order.
fn labelled(mut claims: Vec<Evidence>) -> Vec<Evidence> {
    claims.retain(|e| label(e).is_some());
    claims.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    claims
}

/// How the title claims of a fact split: labels are equal or not, with no extent,
/// granularity or tolerance between them, so "mayor" and "former mayor" conflict.
struct Labels {
    /// The claim whose label the most sources give (the earlier on a tie).
    consensus: usize,
    /// The claims with the consensus's label.
    agreeing: Vec<usize>,
    /// The claims with another label.
    outliers: Vec<usize>,
}

impl Labels {
    fn of(claims: &[Evidence]) -> Option<Labels> {
        let sources_of = |wanted: &str| {
            claims.iter().filter(|c| label(c) == Some(wanted)).map(|c| &*c.place.source).collect::<BTreeSet<_>>().len()
        };
        let mut best: Option<(usize, usize)> = None;
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for (i, claim) in claims.iter().enumerate() {
            let here = label(claim)?;
            if seen.insert(here) {
                let count = sources_of(here);
                if best.is_none_or(|(_, most)| count > most) {
                    best = Some((i, count));
                }
            }
        }
        let (consensus, _) = best?;
        let wanted = label(&claims[consensus]);
        let (agreeing, outliers) = (0..claims.len()).partition(|&i| label(&claims[i]) == wanted);
        Some(Labels { consensus, agreeing, outliers })
    }
}

/// The findings of a title fact: a `conflict` when the sources give the entity
/// different titles, the outliers against the title most sources give.
fn compare_labels(id: &str, fact: &Fact, claims: Vec<Evidence>) -> Vec<Finding> {
    let claims = labelled(claims);
    let Some(Labels { agreeing, outliers, .. }) = Labels::of(&claims) else { return Vec::new() };
    if outliers.is_empty() {
        return Vec::new();
    }
    let side = |indices: &[usize]| {
        let mut labels: Vec<String> = Vec::new();
        for &i in indices {
            let quoted = format!("\"{}\"", label(&claims[i]).unwrap_or_default());
            if !labels.contains(&quoted) {
                labels.push(quoted);
            }
        }
        sourced(labels, indices.iter().map(|&i| short_name(&claims[i].place.source)).collect())
    };
    let outlier_sources: BTreeSet<&str> = outliers.iter().map(|&i| claims[i].place.source.as_ref()).collect();
    let inside: BTreeSet<&str> =
        agreeing.iter().map(|&i| claims[i].place.source.as_ref()).filter(|s| outlier_sources.contains(s)).collect();
    let note = (!inside.is_empty())
        .then(|| format!("conflict within one source: {}", inside.into_iter().collect::<Vec<_>>().join(", ")));
    vec![Finding {
        id: id.to_string(),
        kind: FindingKind::Conflict,
        severity: fact.severity,
        message: format!("{} vs {}", side(&outliers), side(&agreeing)),
        note,
        claims: outliers.iter().chain(&agreeing).map(|&i| claims[i].clone()).collect(),
        omitted: Vec::new(),
        side: None,
        confidence: None,
    }]
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

/// The first of `indices` of each distinct extent (and range ends): the claims that
/// stand for all the others in agreement, since claims alike agree with the same claims.
fn distinct(claims: &[Compared], indices: &[usize]) -> Vec<usize> {
    let mut firsts: Vec<usize> = Vec::new();
    for &i in indices {
        if !firsts.iter().any(|&d| claims[d].extent == claims[i].extent && claims[d].ends == claims[i].ends) {
            firsts.push(i);
        }
    }
    firsts
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
    sourced(values, sources)
}

/// "4 days (3 sources: 001, 002, 004)": values as shown and the sources that hold them.
fn sourced(values: Vec<String>, sources: BTreeSet<&str>) -> String {
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
            omitted: Vec::new(),
            side: None,
            confidence: None,
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
                // "1480 (from 212; b.txt, 2023-02-07)": a change shows its old figure as
                // history; it is never compared as a rival of another source's figure.
                let history = e.claim.previous.as_ref().map_or_else(String::new, |p| format!("from {}; ", describe(p)));
                format!("{} ({history}{}, {when})", describe(&e.claim.value), short_name(&e.place.source))
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
            omitted: Vec::new(),
            side: None,
            confidence: None,
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

    fn title(source: &str, label: &str) -> Evidence {
        let mut e = claim(source, ClaimKind::Title, Value::Text(label.to_string()));
        e.claim.entity = Some("ortiz".into());
        e
    }

    #[test]
    fn titles_agree_only_when_their_labels_are_equal() {
        let f = fact("claim: title\nabout: [ortiz]");
        let same = compare("mayor-title", &f, vec![title("a", "mayor"), title("b", "mayor")]);
        assert!(same.is_empty());
        let findings = compare(
            "mayor-title",
            &f,
            vec![title("c", "mayor"), title("b", "former mayor"), title("a", "mayor"), title("b", "mayor")],
        );
        assert_eq!(kinds(&findings), [FindingKind::Conflict]);
        assert_eq!(findings[0].message, "\"former mayor\" (1 source: b) vs \"mayor\" (3 sources: a, b, c)");
        assert_eq!(findings[0].note.as_deref(), Some("conflict within one source: b"));
        let order: Vec<&str> = findings[0].claims.iter().map(|c| c.place.source.as_ref()).collect();
        assert_eq!(order, ["b", "a", "b", "c"]);
        assert!(!claims_agree(&f, &title("a", "mayor"), &title("b", "former mayor")));
        assert!(claims_agree(&f, &title("a", "captain"), &title("b", "captain")));
        assert_eq!(pair(&f, &title("a", "mayor"), &title("b", "former mayor")).agree, Some(false));
        let stand = standing(
            &f,
            vec![(title("a", "mayor"), None), (title("b", "acting mayor"), None), (title("c", "mayor"), None)],
        );
        assert_eq!(stand.outliers.len(), 1);
        assert_eq!(stand.agreeing.len(), 2);
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
        let findings = compare_in_context("len", &f, apart);
        assert_eq!(kinds(&findings), [FindingKind::Apart]);
        assert_eq!(
            findings[0].message,
            "another event? 2 days (c, beside dates 2018-05-08) set apart from where the other claims place the event (2018-03-25/2018-03-28)"
        );
        assert_eq!(findings[0].severity, Severity::Info);
        assert_eq!(findings[0].claims.len(), 1);
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

    fn published(mut evidence: Evidence, y: i16, m: i8, d: i8) -> Evidence {
        evidence.place.published = Some(jiff::civil::Date::constant(y, m, d));
        evidence
    }

    #[test]
    fn one_event_at_a_time_without_during() {
        let f = fact("claim: duration");
        // A study published months before the news, with no date of its own, and an
        // anniversary piece years later: set apart, not merged into a conflict.
        let claims = vec![
            (published(days("a", 4), 2024, 3, 26), None),
            (published(days("b", 4), 2024, 3, 27), None),
            (published(days("c", 4), 2024, 4, 20), None),
            (published(days("study", 9), 2023, 11, 2), None),
            (published(days("anniversary", 3), 2025, 3, 26), None),
        ];
        let findings = compare_in_context("len", &f, claims.clone());
        assert_eq!(kinds(&findings), [FindingKind::Apart]);
        assert_eq!(
            findings[0].message,
            "another event? 3 days (anniversary, published 2025-03-26); 9 days (study, published 2023-11-02) set apart from where the other claims place the event (reported 2024-03-26/2024-04-20)"
        );
        let sources: Vec<&str> = findings[0].claims.iter().map(|c| c.place.source.as_ref()).collect();
        assert_eq!(sources, ["anniversary", "study"]);
        // A claim's own date a year off is another event; a few weeks off, a conflict.
        let d = |source: &str, m: i8, y: i16| (date(source, &jiff::civil::Date::constant(y, m, 23).to_string()), None);
        let dates = fact("claim: date");
        let findings = compare_in_context("when", &dates, vec![d("a", 3, 2021), d("b", 3, 2021), d("c", 4, 2021)]);
        assert_eq!(kinds(&findings), [FindingKind::Conflict]);
        let findings = compare_in_context("when", &dates, vec![d("a", 3, 2021), d("b", 3, 2021), d("c", 3, 2022)]);
        assert_eq!(kinds(&findings), [FindingKind::Apart]);
        assert!(findings[0].message.contains("(c, dated 2022-03-23)"), "{}", findings[0].message);
        // `during` says which claims belong, and wins.
        let within = fact("claim: duration\nduring: 2023-11-01/2025-03-31");
        assert_eq!(kinds(&compare_in_context("len", &within, claims)), [FindingKind::Conflict]);
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

    fn between(source: &str, kind: ClaimKind, text: &str) -> Evidence {
        let unit = (kind == ClaimKind::Quantity).then_some("m");
        let mut e = claim(source, kind, Value::read(kind, text, unit).unwrap());
        e.claim.unit = unit.map(str::to_string);
        e
    }

    #[test]
    fn ranges_agree_end_by_end_and_hold_single_values() {
        let hours = |source: &str, n: f64| {
            claim(source, ClaimKind::Duration, Value::Duration(IsoDuration::of(n, crate::value::DurationUnit::Hour)))
        };
        // (case, rule, claims, the conflict's message if there is one)
        let table: Vec<(&str, &str, Vec<Evidence>, Option<&str>)> = vec![
            (
                "two ranges with the same ends agree",
                "claim: duration",
                vec![
                    between("a", ClaimKind::Duration, "PT30H/PT36H"),
                    between("b", ClaimKind::Duration, "PT30H/PT36H"),
                ],
                None,
            ),
            (
                "overlapping ranges with other ends disagree",
                "claim: number",
                vec![between("a", ClaimKind::Number, "10/12"), between("b", ClaimKind::Number, "11/14")],
                Some("11 to 14 (1 source: b) vs 10 to 12 (1 source: a)"),
            ),
            (
                "a single value inside the range agrees with it",
                "claim: duration",
                vec![between("a", ClaimKind::Duration, "PT30H/PT36H"), hours("b", 32.0)],
                None,
            ),
            (
                "a single value outside the range does not",
                "claim: duration",
                vec![between("a", ClaimKind::Duration, "PT30H/PT36H"), hours("b", 40.0)],
                Some("30 to 36 hours (1 source: a) vs 40 hours (1 source: b)"),
            ),
            (
                "a range does not glue two exact values together",
                "claim: quantity",
                vec![metres("a", 3.0), metres("b", 4.0), between("c", ClaimKind::Quantity, "3/4")],
                Some("4 m (1 source: b) vs 3 m / 3 to 4 m (2 sources: a, c)"),
            ),
        ];
        for (case, rule, claims, expected) in table {
            let findings = compare("f", &fact(rule), claims);
            let conflicts: Vec<&Finding> = findings.iter().filter(|f| f.kind == FindingKind::Conflict).collect();
            assert_eq!(conflicts.first().map(|f| f.message.as_str()), expected, "{case}: {findings:?}");
        }
        // A tolerance widens each end.
        let tolerant = fact("claim: number\ntolerance: 2");
        let ranges = vec![between("a", ClaimKind::Number, "10/12"), between("b", ClaimKind::Number, "11/14")];
        assert!(compare("f", &tolerant, ranges).is_empty());
    }

    #[test]
    fn an_old_figure_is_history_not_a_rival() {
        let f = fact("claim: number\nevolving: true");
        let at = |source: &str, n: f64, previous: Option<f64>, day: i8| {
            let mut c = number(source, n);
            c.claim.previous = previous.map(Value::Number);
            c.place.published = Some(jiff::civil::date(2023, 2, day));
            c
        };
        // The same day, one source gives 1,480 and the other "rose from 212 to 1,480":
        // the 212 is no rival of the 1,480.
        assert!(compare("toll", &f, vec![at("a", 1480.0, None, 7), at("b", 1480.0, Some(212.0), 7)]).is_empty());
        let rising = compare("toll", &f, vec![at("a", 212.0, None, 6), at("b", 1480.0, Some(212.0), 7)]);
        assert_eq!(kinds(&rising), [FindingKind::Update]);
        assert_eq!(rising[0].message, "reports rose: 212 (a, 2023-02-06) → 1480 (from 212; b, 2023-02-07)");
    }

    #[test]
    fn a_fact_about_a_day_compares_days_even_where_a_source_gives_hours() {
        let f = fact("claim: date");
        // Most sources say the day; one gives the hours of two shocks that day.
        let day = vec![
            date("a", "2023-02-06"),
            date("b", "2023-02-06"),
            date("c", "2023-02-06"),
            date("d", "2023-02-06T01:17Z"),
            date("d", "2023-02-06T01:28Z"),
        ];
        assert!(compare("quake-day", &f, day).is_empty());
        // The same claims about a time (a tolerance under a day says so) conflict.
        let minutes = fact("claim: date\ntolerance: PT5M");
        let times =
            vec![date("c", "2023-02-06T01:17Z"), date("d", "2023-02-06T01:17Z"), date("e", "2023-02-06T01:28Z")];
        assert_eq!(kinds(&compare("quake-time", &minutes, times)), [FindingKind::Conflict]);
    }

    #[test]
    fn times_of_day_on_one_day_compare_as_times() {
        let f = fact("claim: date");
        // 9 a.m. against 7 a.m. on the same Saturday: two moments, a conflict.
        let found = compare("t", &f, vec![date("a", "2024-05-11T09:00"), date("b", "2024-05-11T07:00")]);
        assert_eq!(kinds(&found), [FindingKind::Conflict]);
        // An hour's tolerance lets 9 a.m. and 8 a.m. agree, not 9 and 7.
        let hour = fact("claim: date\ntolerance: PT1H");
        assert!(compare("t", &hour, vec![date("a", "2024-05-11T09:00"), date("b", "2024-05-11T08:00")]).is_empty());
        let found = compare("t", &hour, vec![date("a", "2024-05-11T09:00"), date("b", "2024-05-11T07:00")]);
        assert_eq!(kinds(&found), [FindingKind::Conflict]);
        // Zoned times are instants: 7 a.m. at +03:00 is 04:00 UTC.
        assert!(compare("t", &f, vec![date("a", "2024-05-11T07:00+03:00"), date("b", "2024-05-11T04:00Z")]).is_empty());
        let found = compare("t", &f, vec![date("a", "2024-05-11T07:00+03:00"), date("b", "2024-05-11T07:00Z")]);
        assert_eq!(kinds(&found), [FindingKind::Conflict]);
        // A local time against a zoned one agrees when some offset makes them meet.
        assert!(compare("t", &f, vec![date("a", "2023-02-06T13:24L"), date("b", "2023-02-06T10:24Z")]).is_empty());
        // A date against a date-time compares at the date.
        assert!(compare("t", &f, vec![date("a", "2024-05-11"), date("b", "2024-05-11T07:00")]).is_empty());
        let found = compare(
            "t",
            &f,
            vec![date("a", "2024-05-12"), date("b", "2024-05-11T07:00"), date("c", "2024-05-11T07:00")],
        );
        assert_eq!(kinds(&found), [FindingKind::Conflict]);
        // "around 1:35 a.m." and "about 1:27 a.m." agree; both with 1:30 a.m.
        let mut around = date("a", "2024-03-26T01:35-04:00");
        around.claim.modifier = Some(Modifier::Approx);
        let mut about = date("b", "2024-03-26T01:27-04:00");
        about.claim.modifier = Some(Modifier::Approx);
        assert!(compare("t", &f, vec![around, about, date("c", "2024-03-26T01:30-04:00")]).is_empty());
    }
}
