//! Inline suppression: comments in a source that silence findings there.
//!
//! ```markdown
//! <!-- factlint-disable first-visit-length -->
//! This paragraph may say what it likes about the visit's length.
//! <!-- factlint-enable first-visit-length -->
//! ```
//!
//! `factlint-disable` with no id silences every fact and entity; a region runs to the
//! matching `factlint-enable` or to the end of the file. The comment syntax is
//! Markdown's and HTML's; it is recognised in any source, so a plain-text file can
//! use it too.

use memchr::memmem;

/// The silenced regions of one source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    regions: Vec<Region>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Region {
    start: usize,
    end: usize,
    /// The ids silenced; empty for all.
    ids: Vec<String>,
}

impl Suppressions {
    /// Finds the suppression comments of a source's text.
    pub fn parse(text: &str) -> Suppressions {
        let mut regions: Vec<Region> = Vec::new();
        let mut open: Vec<Region> = Vec::new();
        for at in memmem::find_iter(text.as_bytes(), b"<!--") {
            let body_start = at + 4;
            let Some(len) = text.get(body_start..).and_then(|rest| rest.find("-->")) else { break };
            let body = text[body_start..body_start + len].trim();
            let mut words = body.split_whitespace();
            let directive = words.next().unwrap_or("");
            let ids: Vec<String> = words.map(str::to_string).collect();
            let comment_end = body_start + len + 3;
            match directive {
                "factlint-disable" => open.push(Region { start: comment_end, end: text.len(), ids }),
                "factlint-enable" => {
                    let mut still_open = Vec::new();
                    for mut region in open.drain(..) {
                        let closes = ids.is_empty() || region.ids.iter().all(|id| ids.contains(id));
                        if closes {
                            region.end = at;
                            regions.push(region);
                        } else {
                            region.ids.retain(|id| !ids.contains(id));
                            still_open.push(region);
                        }
                    }
                    open = still_open;
                }
                _ => {}
            }
        }
        regions.extend(open);
        regions.sort_by_key(|r| (r.start, r.end));
        Suppressions { regions }
    }

    /// True when a claim of fact or entity `id` at byte `offset` is silenced.
    pub fn silences(&self, id: &str, offset: usize) -> bool {
        self.regions
            .iter()
            .any(|r| r.start <= offset && offset < r.end && (r.ids.is_empty() || r.ids.iter().any(|i| i == id)))
    }

    /// True when the source has no suppression comment.
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_run_from_disable_to_enable() {
        let text = "ALPHA <!-- factlint-disable len --> BETA <!-- factlint-enable len --> GAMMA";
        let s = Suppressions::parse(text);
        let at = |needle: &str| text.find(needle).unwrap();
        assert!(!s.silences("len", at("ALPHA")));
        assert!(s.silences("len", at("BETA")));
        assert!(!s.silences("dates", at("BETA")));
        assert!(!s.silences("len", at("GAMMA")));
    }

    #[test]
    fn a_bare_disable_silences_everything_to_the_end() {
        let text = "ALPHA <!-- factlint-disable --> BETA";
        let s = Suppressions::parse(text);
        assert!(s.silences("anything", text.find("BETA").unwrap()));
        assert!(!s.silences("anything", 0));
        assert!(Suppressions::parse("<!-- unclosed").is_empty());
        assert!(Suppressions::parse("<!-- other comment -->").is_empty());
    }
}
