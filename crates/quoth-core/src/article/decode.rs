//! Turning a file's bytes into text: UTF-8 with or without a byte order mark, UTF-16 with a
//! byte order mark, and legacy single-byte encodings (Windows-1252 and the like), guessed
//! with chardetng and decoded with encoding_rs. Offsets into the decoded text can always be
//! mapped back to byte offsets in the file.

use super::load::LoadError;
use super::source_map::SourceMap;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// Decodes `bytes`; refuses binary data.
pub fn decode(bytes: &[u8]) -> Result<(String, SourceMap), LoadError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = String::from_utf8(rest.to_vec())
            .map_err(|_| LoadError::NotText("invalid UTF-8 after a UTF-8 byte order mark"))?;
        return check_text(text, SourceMap::Offset(3));
    }
    for (bom, enc) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, had_errors) = enc.decode_without_bom_handling(rest);
            if had_errors {
                return Err(LoadError::NotText("invalid UTF-16"));
            }
            let text = text.into_owned();
            let map = SourceMap::per_char(&text, enc, 2);
            return check_text(text, map);
        }
    }
    if bytes.contains(&0) {
        return Err(LoadError::NotText("binary data"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => check_text(s.to_string(), SourceMap::Identity),
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let enc: &'static Encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
            let (text, _, _) = enc.decode(bytes);
            let text = text.into_owned();
            let map = SourceMap::per_char(&text, enc, 0);
            check_text(text, map)
        }
    }
}

/// Text is mostly letters, spaces and punctuation: refuse what is mostly control codes.
fn check_text(text: String, map: SourceMap) -> Result<(String, SourceMap), LoadError> {
    let sample: Vec<char> = text.chars().take(65536).collect();
    let controls = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
        .count();
    if !sample.is_empty() && controls * 10 > sample.len() {
        return Err(LoadError::NotText("binary data"));
    }
    Ok((text, map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let (t, m) = decode("“Hi,” he said.".as_bytes()).expect("utf-8");
        assert_eq!(t, "“Hi,” he said.");
        assert_eq!(m.to_source(&t, 3), 3);
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice("“Hi,” he said.".as_bytes());
        let (t, m) = decode(&b).expect("bom");
        assert_eq!(t, "“Hi,” he said.");
        assert_eq!(m.to_source(&t, 0), 3);
    }

    #[test]
    fn utf16_with_bom_maps_offsets_back() {
        let s = "Né “quoted” 🙂 end";
        let mut b = vec![0xFF, 0xFE];
        for u in s.encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let (t, m) = decode(&b).expect("utf-16");
        assert_eq!(t, s);
        let q = t.find('“').expect("mark");
        // "Né " is three UTF-16 units after the two-byte BOM.
        assert_eq!(m.to_source(&t, q), 2 + 3 * 2);
        assert_eq!(m.to_source(&t, t.len()), b.len());
    }

    #[test]
    fn windows_1252_is_decoded() {
        // “Caf\xe9,” in Windows-1252 quotes.
        let b = b"\x93Caf\xe9 au lait,\x94 she said. It\x92s late.";
        let (t, m) = decode(b).expect("1252");
        assert_eq!(t, "“Café au lait,” she said. It’s late.");
        let e = t.find('é').expect("é");
        assert_eq!(m.to_source(&t, e), 4);
        assert_eq!(m.to_source(&t, t.len()), b.len());
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_err());
        assert!(decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]).is_err());
    }
}
