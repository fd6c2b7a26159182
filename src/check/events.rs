//! One event at a time: which claims of a fact speak of another event than the one
//! the fact's other claims place it in (an article about a similar accident years
//! earlier, a study published months before, an aftershock weeks later).
//!
//! Each claim is placed in time by the best evidence it has: its own date (a date
//! claim), else the anchored dates around it (its [`super::Selected::context`]), else
//! its source's publication date. The event is learnt from the claims themselves: the
//! dated claims that most sources hold together (no gap of more than a week between
//! them) give its days, and the publication dates most sources share give when it
//! was reported. A claim placed well outside is set apart, not compared: the checker
//! asks "another event?" instead of reporting a conflict. A rule's `during` says which
//! claims belong, and when it is given nothing here applies.

use std::collections::BTreeSet;

use crate::value::{Extent, Interval, Scale, date_of_day, day_number};

use super::Evidence;

/// How far (in days) the dates around a claim may lie from the event's days and
/// still place it in the event: a week, as a day or two of slack either side of a
/// week-long story.
pub(super) const NEARBY_DAYS: f64 = 7.0;

/// How far (in days) a claim's own date may lie from the event's days and still be a
/// claim of it, if a wrong one: beyond a quarter of a year, a date says "another
/// event" more often than "a typo" (the anniversary piece, last year's grounding).
const OWN_DATE_DAYS: f64 = 90.0;

/// The longest gap (in days) between publication dates of one event's coverage:
/// follow-ups come within weeks, an anniversary piece or an earlier study do not.
const COVERAGE_GAP_DAYS: f64 = 31.0;

/// How long before the event's first day a source may be published and still report
/// it: a day for time zones and datelines.
const EARLY_DAYS: f64 = 1.0;

/// What places a claim in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Basis {
    /// The claim is a date.
    Own,
    /// Anchored dates around the claim.
    Nearby,
    /// Only its source's publication date.
    Published,
}

/// When a claim says its event happened, and on what evidence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Anchor {
    /// The days (day numbers) it covers.
    pub(super) days: Interval,
    /// What the days come from.
    pub(super) basis: Basis,
    /// The day its source was published, when known.
    pub(super) published: Option<f64>,
}

impl Anchor {
    /// "dated 1980-05-09", "beside dates 2022-03-13/2022-03-14", "published 2024-05-09":
    /// the dates that set a claim apart, for messages.
    pub(super) fn describe(&self) -> String {
        let days = show_days(&self.days);
        let published = self.published.map(|d| show_days(&Interval::point(d, Scale::Days)));
        match (self.basis, published) {
            (Basis::Own, _) => format!("dated {days}"),
            (Basis::Nearby, Some(p)) => format!("beside dates {days}, published {p}"),
            (Basis::Nearby, None) => format!("beside dates {days}"),
            (Basis::Published, _) => format!("published {days}"),
        }
    }
}

/// The days a claim is placed in: its own date, else `context`, else its source's
/// publication date.
pub(super) fn anchor(evidence: &Evidence, context: Option<Interval>) -> Option<Anchor> {
    let own = match evidence.claim.value.extent() {
        Some(Extent::Interval(i)) if i.scale == Scale::Days && is_date(evidence) => Some(i),
        _ => None,
    };
    let published = evidence.place.published.map(day_number);
    if let Some(days) = own {
        return Some(Anchor { days, basis: Basis::Own, published });
    }
    if let Some(days) = context {
        return Some(Anchor { days, basis: Basis::Nearby, published });
    }
    let day = published?;
    Some(Anchor { days: Interval::point(day, Scale::Days), basis: Basis::Published, published })
}

fn is_date(evidence: &Evidence) -> bool {
    matches!(evidence.claim.kind, crate::value::ClaimKind::Date | crate::value::ClaimKind::DateRange)
}

/// The event the claims of a fact speak of, as learnt from them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Event {
    /// The days the dated claims most sources hold together cover.
    pub(super) days: Option<Interval>,
    /// The publication dates most sources share (their hull).
    pub(super) reported: Option<Interval>,
}

impl Event {
    /// Learns the event from the anchors of a fact's claims and the sources that hold
    /// them.
    pub(super) fn learn(anchors: &[(Option<Anchor>, &str)]) -> Event {
        let dated: Vec<(Interval, &str)> = anchors
            .iter()
            .filter_map(|(a, s)| a.filter(|a| a.basis != Basis::Published).map(|a| (a.days, *s)))
            .collect();
        let reported: Vec<(Interval, &str)> = anchors
            .iter()
            .filter_map(|(a, s)| a.filter(|a| a.basis == Basis::Published).map(|a| (a.days, *s)))
            .collect();
        Event { days: main_cluster(dated, NEARBY_DAYS), reported: main_cluster(reported, COVERAGE_GAP_DAYS) }
    }

    /// Whether a claim placed by `anchor` speaks of another event: its own date lies
    /// far from the event's days; the dates around it do, and its source was not
    /// published with the event's coverage ("the strongest since 1939" in a report of
    /// the day still speaks of the day); or, with only a publication date, it was
    /// published before the event or apart from the rest of its coverage.
    pub(super) fn sets_apart(&self, anchor: &Anchor) -> bool {
        match anchor.basis {
            Basis::Own => self.days.is_some_and(|d| gap(&anchor.days, &d) > OWN_DATE_DAYS.max(d.width())),
            Basis::Nearby => {
                self.days.is_some_and(|d| gap(&anchor.days, &d) > NEARBY_DAYS)
                    && anchor.published.is_none_or(|p| !self.in_coverage(p))
            }
            Basis::Published => !self.in_coverage(anchor.days.lo),
        }
    }

    /// Whether a source published on day `day` reports this event: not before it, and
    /// not apart from the rest of its coverage.
    fn in_coverage(&self, day: f64) -> bool {
        let early = self.days.is_some_and(|d| day < d.lo - EARLY_DAYS);
        let apart = self.reported.is_some_and(|r| gap(&Interval::point(day, Scale::Days), &r) > COVERAGE_GAP_DAYS);
        !early && !apart
    }

    /// "2024-03-26/2024-03-27", or "reported 2024-03-26/2024-03-28": where the event
    /// sits, for messages.
    pub(super) fn describe(&self) -> String {
        match (self.days, self.reported) {
            (Some(d), _) => show_days(&d),
            (None, Some(r)) => format!("reported {}", show_days(&r)),
            (None, None) => "undated".to_string(),
        }
    }
}

/// The days between two intervals (0 when they overlap).
fn gap(a: &Interval, b: &Interval) -> f64 {
    (a.lo - b.hi).max(b.lo - a.hi).max(0.0)
}

/// Intervals chained by gaps of at most `max_gap` days; the chain that the most
/// sources hold (then the most claims, then the earliest), as its hull.
fn main_cluster(mut items: Vec<(Interval, &str)>, max_gap: f64) -> Option<Interval> {
    items.sort_by(|a, b| a.0.lo.total_cmp(&b.0.lo).then(a.0.hi.total_cmp(&b.0.hi)));
    let mut best: Option<(usize, usize, Interval)> = None;
    let mut start = 0;
    while start < items.len() {
        let mut hull = items[start].0;
        let mut end = start + 1;
        while end < items.len() && items[end].0.lo - hull.hi <= max_gap {
            hull.hi = hull.hi.max(items[end].0.hi);
            end += 1;
        }
        let sources = items[start..end].iter().map(|(_, s)| *s).collect::<BTreeSet<_>>().len();
        let claims = end - start;
        if best.is_none_or(|(s, c, _)| (sources, claims) > (s, c)) {
            best = Some((sources, claims, hull));
        }
        start = end;
    }
    best.map(|(_, _, hull)| hull)
}

/// Day numbers as ISO dates: one day, or `FIRST/LAST`.
fn show_days(days: &Interval) -> String {
    let show = |d: f64| date_of_day(d).map_or_else(|| "?".to_string(), |d| d.to_string());
    if days.lo == days.hi { show(days.lo) } else { format!("{}/{}", show(days.lo), show(days.hi)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Date;

    fn day(y: i16, m: i8, d: i8) -> f64 {
        day_number(Date::constant(y, m, d))
    }

    fn at(basis: Basis, lo: f64, hi: f64) -> Anchor {
        let published = (basis == Basis::Published).then_some(lo);
        Anchor { days: Interval { lo, hi, scale: Scale::Days }, basis, published }
    }

    fn published_on(mut anchor: Anchor, day: f64) -> Anchor {
        anchor.published = Some(day);
        anchor
    }

    #[test]
    fn the_event_is_what_most_sources_date_together() {
        let march = day(2024, 3, 26);
        let anchors = [
            (Some(at(Basis::Nearby, march, march)), "a"),
            (Some(at(Basis::Own, march + 1.0, march + 1.0)), "b"),
            (Some(at(Basis::Nearby, day(1980, 5, 9), day(1980, 5, 9))), "decoy"),
            (Some(at(Basis::Published, march + 1.0, march + 1.0)), "c"),
            (Some(at(Basis::Published, march + 2.0, march + 2.0)), "d"),
            (Some(at(Basis::Published, day(2024, 5, 9), day(2024, 5, 9))), "decoy"),
            (None, "e"),
        ];
        let event = Event::learn(&anchors);
        assert_eq!(event.days, Some(Interval { lo: march, hi: march + 1.0, scale: Scale::Days }));
        assert_eq!(event.reported, Some(Interval { lo: march + 1.0, hi: march + 2.0, scale: Scale::Days }));
        assert_eq!(event.describe(), "2024-03-26/2024-03-27");
        let apart: Vec<bool> = anchors.iter().map(|(a, _)| a.is_some_and(|a| event.sets_apart(&a))).collect();
        assert_eq!(apart, [false, false, true, false, false, true, false]);
    }

    #[test]
    fn how_far_is_another_event() {
        let event = Event {
            days: Some(Interval::point(day(2021, 3, 23), Scale::Days)),
            reported: Some(Interval { lo: day(2021, 3, 24), hi: day(2021, 4, 13), scale: Scale::Days }),
        };
        for (anchor, apart) in [
            // A date a few weeks off is a wrong date, to compare; a year off, another event.
            (at(Basis::Own, day(2021, 4, 23), day(2021, 4, 23)), false),
            (at(Basis::Own, day(2022, 3, 13), day(2022, 3, 13)), true),
            // Dates around a claim: a week of slack.
            (at(Basis::Nearby, day(2021, 3, 29), day(2021, 3, 29)), false),
            (at(Basis::Nearby, day(2021, 4, 6), day(2021, 4, 6)), true),
            // ... unless the source reports the event: "the worst since 1939" on the day.
            (published_on(at(Basis::Nearby, day(1939, 1, 1), day(1939, 12, 31)), day(2021, 3, 24)), false),
            (published_on(at(Basis::Nearby, day(1939, 1, 1), day(1939, 12, 31)), day(2022, 3, 14)), true),
            // A follow-up weeks later belongs; a study published before, or a piece a
            // year on, does not.
            (at(Basis::Published, day(2021, 5, 1), day(2021, 5, 1)), false),
            (at(Basis::Published, day(2021, 3, 1), day(2021, 3, 1)), true),
            (at(Basis::Published, day(2022, 3, 14), day(2022, 3, 14)), true),
        ] {
            assert_eq!(event.sets_apart(&anchor), apart, "{}", anchor.describe());
        }
    }
}
