//! Bytes to text: BOMs, UTF-16, invalid UTF-8, and telling binary files apart.

/// Text decoded from a file's bytes, with what a reader should know about it.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// Warnings about the decoding (bytes replaced).
    pub warnings: Vec<String>,
}

/// Decodes a file's bytes. UTF-8 (with or without BOM) and UTF-16 or UTF-32 with a BOM
/// are read; a few invalid UTF-8 bytes are replaced with U+FFFD and reported; a file
/// that holds NUL bytes or mostly invalid bytes is binary and is refused with the reason.
///
/// The bytes are taken by value so that valid UTF-8, by far the common case, becomes the
/// text without a copy: a large file is held once, not twice.
pub fn decode(mut bytes: Vec<u8>) -> Result<Decoded, String> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
        return decode_utf8(bytes);
    }
    // UTF-32's little-endian BOM starts with UTF-16's, so it is tested first.
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE, 0, 0]) {
        return decode_utf32(rest, u32::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0, 0, 0xFE, 0xFF]) {
        return decode_utf32(rest, u32::from_be_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    decode_utf8(bytes)
}

/// Invalid sequences a text may hold whatever its length, before the share counts.
const MAX_STRAY: usize = 3;

fn decode_utf8(bytes: Vec<u8>) -> Result<Decoded, String> {
    if memchr::memchr(0, &bytes).is_some() {
        return Err("binary file (holds NUL bytes)".to_string());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text, warnings: Vec::new() }),
        Err(err) => {
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let replaced = text.matches('\u{FFFD}').count();
            // More than one bad byte in twenty is not text in some other encoding we
            // could guess; it is binary, or text we would misread. A short text with a
            // stray byte or two is still text.
            if replaced > MAX_STRAY && replaced * 20 > text.chars().count() {
                return Err(format!("not UTF-8 text ({replaced} invalid byte sequences)"));
            }
            let warning = format!("not valid UTF-8: {replaced} invalid byte sequence(s) replaced with U+FFFD");
            Ok(Decoded { text, warnings: vec![warning] })
        }
    }
}

fn decode_utf32(bytes: &[u8], unit: fn([u8; 4]) -> u32) -> Result<Decoded, String> {
    let mut text = String::with_capacity(bytes.len() / 4);
    let mut bad = 0;
    for chunk in bytes.chunks(4) {
        let c = <[u8; 4]>::try_from(chunk).ok().and_then(|quad| char::from_u32(unit(quad)));
        text.push(c.unwrap_or_else(|| {
            bad += 1;
            '\u{FFFD}'
        }));
    }
    finish_wide(text, bad, "UTF-32")
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<Decoded, String> {
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] => unit([*a, *b]),
        _ => 0xFFFD,
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    // A truncated last unit becomes U+FFFD above, which decodes without error: count it.
    let mut bad = bytes.len() % 2;
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            bad += 1;
            '\u{FFFD}'
        }));
    }
    finish_wide(text, bad, "UTF-16")
}

/// Refuses decoded UTF-16 or UTF-32 that holds NUL characters (binary), and reports
/// the units that had to be replaced.
fn finish_wide(text: String, bad: usize, encoding: &str) -> Result<Decoded, String> {
    if text.contains('\0') {
        return Err("binary file (holds NUL characters)".to_string());
    }
    let mut warnings = Vec::new();
    if bad > 0 {
        warnings.push(format!("invalid {encoding}: {bad} unit(s) replaced with U+FFFD"));
    }
    Ok(Decoded { text, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_are_removed() {
        assert_eq!(decode(b"\xEF\xBB\xBFHi".to_vec()).unwrap().text, "Hi");
        assert_eq!(decode(b"\xFF\xFEH\0i\0".to_vec()).unwrap().text, "Hi");
        assert_eq!(decode(b"\xFE\xFF\0H\0i".to_vec()).unwrap().text, "Hi");
        assert_eq!(decode(b"\xFF\xFE\0\0H\0\0\0i\0\0\0".to_vec()).unwrap().text, "Hi");
        assert_eq!(decode(b"\0\0\xFE\xFF\0\0\0H\0\0\0i".to_vec()).unwrap().text, "Hi");
    }

    #[test]
    fn a_few_bad_bytes_are_replaced_with_a_warning() {
        let decoded = decode(b"Kim visited China on Monday \xFF and left.".to_vec()).unwrap();
        assert!(decoded.text.contains('\u{FFFD}'));
        assert_eq!(decoded.warnings.len(), 1);
        let short = decode(b"Kim \xFF visited.".to_vec()).unwrap();
        assert_eq!(short.text, "Kim \u{FFFD} visited.");
    }

    #[test]
    fn odd_wide_units_are_replaced_with_a_warning() {
        // A lone surrogate and a truncated last unit.
        let decoded = decode(b"\xFF\xFEH\0\x00\xD8i\0!".to_vec()).unwrap();
        assert_eq!(decoded.text, "H\u{FFFD}i\u{FFFD}");
        assert_eq!(decoded.warnings.len(), 1);
        let truncated = decode(b"\xFF\xFEH\0i\0!".to_vec()).unwrap();
        assert_eq!((truncated.text.as_str(), truncated.warnings.len()), ("Hi\u{FFFD}", 1));
        let decoded = decode(b"\xFF\xFE\0\0H\0\0\0\0\0\x11\0".to_vec()).unwrap();
        assert_eq!(decoded.text, "H\u{FFFD}");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x7FELF\0\0\x01".to_vec()).is_err());
        assert!(decode(vec![0xFF; 64]).is_err());
        assert!(decode(b"".to_vec()).is_ok());
    }
}
