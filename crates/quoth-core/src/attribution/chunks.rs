//! Chunking: text above `limits::CHUNK_BYTES` is analysed in stretches cut between paragraphs
//! outside quotations.

use super::limits;
use super::quotes;
use std::ops::Range;

/// Splits the paragraphs into stretches of about `limits::CHUNK_BYTES`, never inside a quotation
/// that runs over several paragraphs, with the quotations of each.
pub(super) fn chunks(
    paragraphs: &[Range<usize>],
    found: Vec<quotes::FoundQuote>,
) -> Vec<(Range<usize>, Vec<quotes::FoundQuote>)> {
    let para_of = |offset: usize| paragraphs.partition_point(|p| p.end <= offset);
    // A cut after paragraph i is allowed unless a quotation runs from i into i + 1.
    let mut no_cut_after = vec![false; paragraphs.len()];
    for q in &found {
        let (a, b) = (
            para_of(q.span().start),
            para_of(q.span().end.saturating_sub(1)),
        );
        for flag in no_cut_after.iter_mut().take(b).skip(a) {
            *flag = true;
        }
    }
    let mut out = Vec::new();
    let mut quotes = found.into_iter().peekable();
    let mut start = 0;
    for i in 0..paragraphs.len() {
        let last = i + 1 == paragraphs.len();
        let big = paragraphs[i].end - paragraphs[start].start >= limits::CHUNK_BYTES;
        if last || big && !no_cut_after[i] {
            let end_byte = paragraphs[i].end;
            let mut qs = Vec::new();
            while let Some(q) = quotes.next_if(|q| q.span().start < end_byte) {
                qs.push(q);
            }
            out.push((start..i + 1, qs));
            start = i + 1;
        }
    }
    out
}
