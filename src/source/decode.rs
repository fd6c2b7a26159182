//! Bytes to text: BOMs, UTF-16, invalid UTF-8, and telling binary files apart.

/// Text decoded from a file's bytes, with what a reader should know about it.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// Warnings about the decoding (bytes replaced).
    pub warnings: Vec<String>,
}

/// Decodes a file's bytes. UTF-8 (with or without BOM) and UTF-16 with a BOM are read;
/// a few invalid UTF-8 bytes are replaced with U+FFFD and reported; a file that holds
/// NUL bytes or mostly invalid bytes is binary and is refused with the reason.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    decode_utf8(bytes)
}

fn decode_utf8(bytes: &[u8]) -> Result<Decoded, String> {
    if memchr::memchr(0, bytes).is_some() {
        return Err("binary file (holds NUL bytes)".to_string());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text: text.to_string(), warnings: Vec::new() }),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let replaced = text.matches('\u{FFFD}').count();
            // More than one bad byte in twenty is not text in some other encoding we
            // could guess; it is binary, or text we would misread.
            if replaced * 20 > text.chars().count().max(1) {
                return Err(format!("not UTF-8 text ({replaced} invalid byte sequences)"));
            }
            let warning = format!("not valid UTF-8: {replaced} invalid byte sequence(s) replaced with U+FFFD");
            Ok(Decoded { text, warnings: vec![warning] })
        }
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<Decoded, String> {
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] => unit([*a, *b]),
        _ => 0xFFFD,
    });
    let mut warnings = Vec::new();
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut bad = 0;
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            bad += 1;
            '\u{FFFD}'
        }));
    }
    if text.contains('\0') {
        return Err("binary file (holds NUL characters)".to_string());
    }
    if bad > 0 {
        warnings.push(format!("invalid UTF-16: {bad} unit(s) replaced with U+FFFD"));
    }
    Ok(Decoded { text, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_are_removed() {
        assert_eq!(decode(b"\xEF\xBB\xBFHi").unwrap().text, "Hi");
        assert_eq!(decode(b"\xFF\xFEH\0i\0").unwrap().text, "Hi");
        assert_eq!(decode(b"\xFE\xFF\0H\0i").unwrap().text, "Hi");
    }

    #[test]
    fn a_few_bad_bytes_are_replaced_with_a_warning() {
        let decoded = decode(b"Kim visited China on Monday \xFF and left.").unwrap();
        assert!(decoded.text.contains('\u{FFFD}'));
        assert_eq!(decoded.warnings.len(), 1);
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x7FELF\0\0\x01").is_err());
        assert!(decode(&[0xFF; 64]).is_err());
        assert!(decode(b"").is_ok());
    }
}
