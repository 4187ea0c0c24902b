//! Where text offsets came from in the file: quoth works on decoded (and, for Markdown,
//! rendered) text, but `quotes --json` reports byte offsets into the file as read.

use encoding_rs::Encoding;

/// Characters between checkpoints of a per-character map.
const CHECKPOINT_CHARS: usize = 1024;

#[derive(Debug, Clone, Default)]
pub enum SourceMap {
    /// The text is the file's bytes.
    #[default]
    Identity,
    /// The text is the file's bytes after a prefix (a byte order mark).
    Offset(usize),
    /// Each character came from a fixed number of bytes in its encoding (UTF-16, legacy
    /// encodings): checkpoints of (text offset, file offset) every 1024 characters.
    PerChar {
        encoding: &'static Encoding,
        checkpoints: Vec<(usize, usize)>,
    },
    /// Pieces of text copied from the file (Markdown): (text offset, file offset) where each
    /// piece starts; inside a piece offsets advance together.
    Segments(Vec<(usize, usize)>),
    /// The text was extracted (HTML): offsets are into the extracted text itself.
    Extracted,
}

/// Bytes a character takes in `enc`.
fn width_in(enc: &'static Encoding, c: char) -> usize {
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return c.len_utf16() * 2;
    }
    if enc.is_single_byte() {
        return 1;
    }
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = enc.encode(c.encode_utf8(&mut buf));
    // A character the encoding cannot hold came from a malformed byte (decoded as U+FFFD).
    if unmappable { 1 } else { bytes.len().max(1) }
}

impl SourceMap {
    /// A per-character map for text decoded from `enc`, after `prefix` bytes (a BOM).
    pub fn per_char(text: &str, enc: &'static Encoding, prefix: usize) -> SourceMap {
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT_CHARS + 1);
        let mut src = prefix;
        for (n, (i, c)) in text.char_indices().enumerate() {
            if n % CHECKPOINT_CHARS == 0 {
                checkpoints.push((i, src));
            }
            src += width_in(enc, c);
        }
        checkpoints.push((text.len(), src));
        SourceMap::PerChar {
            encoding: enc,
            checkpoints,
        }
    }

    /// The file offset of text byte offset `t` (a character boundary of `text`).
    pub fn to_source(&self, text: &str, t: usize) -> usize {
        match self {
            SourceMap::Identity | SourceMap::Extracted => t,
            SourceMap::Offset(d) => t + d,
            SourceMap::PerChar {
                encoding,
                checkpoints,
            } => {
                let i = checkpoints
                    .partition_point(|(to, _)| *to <= t)
                    .saturating_sub(1);
                let (mut at, mut src) = checkpoints[i];
                for c in text[at..].chars() {
                    if at >= t {
                        break;
                    }
                    src += width_in(encoding, c);
                    at += c.len_utf8();
                }
                // Never past the end of the file.
                src.min(checkpoints.last().map_or(src, |l| l.1))
            }
            SourceMap::Segments(segs) => {
                let i = segs.partition_point(|(to, _)| *to <= t);
                match i.checked_sub(1) {
                    Some(i) => segs[i].1 + (t - segs[i].0),
                    None => t,
                }
            }
        }
    }

    /// Whether offsets refer to the file (true) or to extracted text (false).
    pub fn refers_to_file(&self) -> bool {
        !matches!(self, SourceMap::Extracted)
    }
}
