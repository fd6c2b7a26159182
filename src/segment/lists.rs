//! List item markers ("1.", "2)", "a.", "3.)"): the full stop of a marker does not end a
//! sentence, and in a list run together on one line ("1. The first item 2. The second
//! item") the next marker in sequence starts a new one.

/// The number or letter of a list marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    Number(u16),
    /// A lower-case letter; only these run in sequence ("a. b. c.").
    Letter(u8),
    /// A capital letter: a marker at the start of a sentence, but also an initial, so
    /// it never opens a sequence ("A. Smith and B. Jones").
    Capital,
}

/// What follows the label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Delimiter {
    Dot,
    Paren,
    DotParen,
}

/// A list marker: a label of one to three digits or one letter, and its delimiter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    label: Label,
    delimiter: Delimiter,
}

impl Marker {
    /// The marker made of `word` and the delimiter at the start of `rest` (`.`, `)` or
    /// `.)`), if `word` can label a list item.
    pub fn parse(word: &str, rest: &str) -> Option<Marker> {
        let delimiter = if rest.starts_with(".)") {
            Delimiter::DotParen
        } else if rest.starts_with('.') {
            Delimiter::Dot
        } else if rest.starts_with(')') {
            Delimiter::Paren
        } else {
            return None;
        };
        let bytes = word.as_bytes();
        let label = match bytes {
            [b] if b.is_ascii_lowercase() => Label::Letter(*b),
            [b] if b.is_ascii_uppercase() => Label::Capital,
            _ if (1..=3).contains(&bytes.len()) && bytes.iter().all(u8::is_ascii_digit) => {
                Label::Number(word.parse().ok()?)
            }
            _ => return None,
        };
        Some(Marker { label, delimiter })
    }

    /// True when this marker can open a run of items.
    pub fn opens_list(self) -> bool {
        !matches!(self.label, Label::Capital)
    }

    /// True when this marker is the one that comes after `previous` in a list.
    pub fn follows(self, previous: Marker) -> bool {
        self.delimiter == previous.delimiter
            && match (previous.label, self.label) {
                (Label::Number(a), Label::Number(b)) => a.checked_add(1) == Some(b),
                (Label::Letter(a), Label::Letter(b)) => a.checked_add(1) == Some(b),
                _ => false,
            }
    }
}

/// True when `rest` opens with a list item marker that cannot be an ordinary word: a
/// label in parentheses ("(a)", "(ii)", "(3)"), a label and a closing parenthesis
/// ("b)", "iv)", "2.)"), or "a." (the first item of a lettered list); then white space.
pub fn opens_item(rest: &str) -> bool {
    let inner = rest.strip_prefix('(').unwrap_or(rest);
    let label = inner.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let (word, after) = inner.split_at(label);
    let closed = after.strip_prefix(".)").or_else(|| after.strip_prefix(')'));
    let marker = match closed {
        Some(after) if is_label(word) => Some(after),
        None if inner.len() == rest.len() && word == "a" => after.strip_prefix('.'),
        _ => None,
    };
    marker.is_some_and(|after| after.starts_with(char::is_whitespace))
}

/// True for a list label: one to three digits, one letter, or a lower- or upper-case
/// Roman numeral of up to four letters.
fn is_label(word: &str) -> bool {
    let bytes = word.as_bytes();
    let digits = (1..=3).contains(&bytes.len()) && bytes.iter().all(u8::is_ascii_digit);
    let letter = bytes.len() == 1 && bytes[0].is_ascii_alphabetic();
    let roman = (1..=4).contains(&bytes.len())
        && (bytes.iter().all(|b| b"ivxl".contains(b)) || bytes.iter().all(|b| b"IVXL".contains(b)));
    digits || letter || roman
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_parse_and_follow_in_sequence() {
        let one = Marker::parse("1", ".) The").unwrap();
        assert!(Marker::parse("2", ".) The").unwrap().follows(one));
        assert!(!Marker::parse("2", ". The").unwrap().follows(one));
        assert!(!Marker::parse("3", ".) The").unwrap().follows(one));
        let a = Marker::parse("a", ". The").unwrap();
        assert!(a.opens_list() && Marker::parse("b", ". x").unwrap().follows(a));
        assert!(!Marker::parse("A", ". The").unwrap().opens_list());
        assert_eq!(Marker::parse("1000", ". The"), None);
        assert_eq!(Marker::parse("ab", ". The"), None);
        assert_eq!(Marker::parse("1", " The"), None);
    }

    #[test]
    fn item_openers_are_recognised() {
        for rest in ["(a) x", "(ii) x", "(3) x", "b) x", "iv) x", "2.) x", "a. here", "(IV) x"] {
            assert!(opens_item(rest), "{rest}");
        }
        for rest in ["a x", "b. x", "(ab) x", "(a)x", "i.e. x", "(see) x", "an x", "", "("] {
            assert!(!opens_item(rest), "{rest}");
        }
    }
}
