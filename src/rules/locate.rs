//! Where a key or value stands in a rule file's text, for errors found after parsing.
//!
//! serde_yaml reports the place of its own errors, but not of what later checks find
//! (an unknown entity in `about`, a duplicate id across files). Rule files are small and
//! written in block style, so a walk over indentation finds a key path such as
//! `facts / visit / about` well enough, and a word search inside that key's block finds
//! a value, whether written as a block list or a flow list.

use crate::span::LineIndex;

/// A 1-based line and column (in characters).
pub type Location = (usize, usize);

/// The lines of a rule file, for locating keys and values. Lines end where
/// [`LineIndex`] says they do (`\n`, `\r\n` or a lone `\r`), as they do for libyaml.
pub struct Locator<'a> {
    text: &'a str,
    index: LineIndex,
}

/// A key found in the text: its line (0-based), byte offset, and the indentation of the
/// key, which bounds its block.
#[derive(Clone, Copy)]
struct Found {
    line: usize,
    at: usize,
    indent: usize,
}

impl<'a> Locator<'a> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'a str) -> Locator<'a> {
        Locator { text, index: LineIndex::new(text) }
    }

    /// The text of 0-based line `i`, without its line end.
    fn line(&self, i: usize) -> &'a str {
        self.index.line_range(self.text, i + 1).and_then(|r| self.text.get(r)).unwrap_or("")
    }

    /// Byte offset where 0-based line `i` starts, or the end of the text past the last.
    fn start(&self, i: usize) -> usize {
        self.index.line_range(self.text, i + 1).map_or(self.text.len(), |r| r.start)
    }

    /// The line and column of byte `offset`.
    pub fn location(&self, offset: usize) -> Location {
        let at = self.index.position(self.text, offset);
        (at.line, at.column)
    }

    /// The place of the last key of `path` (a path of mapping keys from the top), or
    /// of the deepest key of it that exists.
    pub fn key(&self, path: &[&str]) -> Option<Location> {
        self.walk(path).map(|f| self.location(f.at))
    }

    /// The place of `value` (a scalar, quoted or not) inside the block of the key at
    /// `path`: an item of its list, or its own value.
    pub fn value(&self, path: &[&str], value: &str) -> Option<Location> {
        let found = self.walk(path)?;
        let end = self.start(self.block_end(found));
        let region = self.text.get(found.at..end)?;
        // Skip the key itself so that a value equal to its key is not found there.
        let skip = region.find(':').map_or(0, |i| i + 1);
        find_word(&region[skip..], value).map(|i| self.location(found.at + skip + i))
    }

    /// The 0-based line where the block of a found key ends (the number of lines when
    /// it runs to the end): the first later line that is neither blank, a comment, nor
    /// indented deeper than the key.
    fn block_end(&self, found: Found) -> usize {
        for i in found.line + 1..self.index.lines() {
            let line = self.line(i);
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let indent = line.len() - trimmed.len();
            if indent <= found.indent && !trimmed.starts_with("- ") || indent < found.indent {
                return i;
            }
        }
        self.index.lines()
    }

    fn walk(&self, path: &[&str]) -> Option<Found> {
        let mut first = 0;
        let mut last = self.index.lines();
        let mut parent: Option<Found> = None;
        for key in path {
            let mut hit = None;
            for i in first..last {
                let line = self.line(i);
                let trimmed = line.trim_start();
                if trimmed.is_empty() || trimmed.starts_with('#') {
                    continue;
                }
                let indent = line.len() - trimmed.len();
                if parent.is_some_and(|p| indent <= p.indent) {
                    continue;
                }
                if key_of(trimmed) == Some(key) {
                    hit = Some(Found { line: i, at: self.start(i) + indent, indent });
                    break;
                }
            }
            match hit {
                Some(found) => {
                    first = found.line + 1;
                    last = self.block_end(found);
                    parent = Some(found);
                }
                // A key in a flow mapping (`scope: {window: 2}`): search the parent's block.
                None => {
                    let p = parent?;
                    let end = self.start(self.block_end(p));
                    let region = self.text.get(p.at..end)?;
                    let i = find_word(region, &format!("{key}:"))?;
                    return Some(Found { line: p.line, at: p.at + i, indent: p.indent });
                }
            }
        }
        parent
    }
}

/// The key of a block mapping line (`key:` or `"key":`), if it is one.
fn key_of(line: &str) -> Option<&str> {
    let (key, rest) = if let Some(quoted) = line.strip_prefix('"').or_else(|| line.strip_prefix('\'')) {
        let close = quoted.find(['"', '\''])?;
        (&quoted[..close], &quoted[close + 1..])
    } else {
        let colon = line.find(':')?;
        (line[..colon].trim_end(), &line[colon..])
    };
    let rest = rest.trim_start();
    let after = rest.strip_prefix(':')?;
    (after.is_empty() || after.starts_with([' ', '\t'])).then_some(key)
}

/// Byte offset of `word` in `text` where it is not part of a longer word.
fn find_word(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        let word_ends = word.ends_with(':') || after.is_none_or(|c| !is_word(c));
        before.is_none_or(|c| !is_word(c)) && word_ends
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
# rules
entities:
  kim:
    name: Kim Jong Un
facts:
  visit:
    claim: date
    about: [kim, xi]
    cues:
      - visit
      - trip
    scope: {window: 2}
";

    #[test]
    fn keys_are_found_by_path() {
        let at = Locator::new(TEXT);
        assert_eq!(at.key(&["facts"]), Some((5, 1)));
        assert_eq!(at.key(&["facts", "visit", "claim"]), Some((7, 5)));
        assert_eq!(at.key(&["entities", "kim", "name"]), Some((4, 5)));
        assert_eq!(at.key(&["facts", "visit", "scope", "window"]), Some((12, 13)));
        assert_eq!(at.key(&["facts", "nothing"]), None);
    }

    #[test]
    fn lines_may_end_in_a_lone_carriage_return() {
        let text = TEXT.replace('\n', "\r");
        let at = Locator::new(&text);
        assert_eq!(at.key(&["facts", "visit", "claim"]), Some((7, 5)));
        assert_eq!(at.value(&["facts", "visit", "cues"], "trip"), Some((11, 9)));
        let text = TEXT.replace('\n', "\r\n");
        assert_eq!(Locator::new(&text).value(&["facts", "visit", "about"], "xi"), Some((8, 18)));
    }

    #[test]
    fn values_are_found_in_flow_and_block_lists() {
        let at = Locator::new(TEXT);
        assert_eq!(at.value(&["facts", "visit", "about"], "xi"), Some((8, 18)));
        assert_eq!(at.value(&["facts", "visit", "cues"], "trip"), Some((11, 9)));
        assert_eq!(at.value(&["facts", "visit", "about"], "k"), None);
    }
}
