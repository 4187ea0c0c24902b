//! Chunking: text above `limits::CHUNK_BYTES` is analysed in stretches cut between paragraphs
//! outside quotations.

use super::Analysis;
use super::Speaker;
use super::limits;
use super::quotes;
use std::collections::HashMap;
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

impl Analysis {
    /// Appends the analysis of the next stretch of text, merging speakers by name.
    pub(super) fn absorb(&mut self, part: Analysis) {
        let base = self.quotes.len();
        let mut remap = Vec::with_capacity(part.speakers.len());
        let mut by_name: HashMap<&str, usize> = HashMap::with_capacity(self.speakers.len());
        for (i, s) in self.speakers.iter().enumerate() {
            by_name.insert(s.name.as_str(), i);
        }
        let found: Vec<Option<usize>> = part
            .speakers
            .iter()
            .map(|sp| by_name.get(sp.name.as_str()).copied())
            .collect();
        drop(by_name);
        for (sp, existing) in part.speakers.into_iter().zip(found) {
            match existing {
                Some(i) => {
                    let mine = &mut self.speakers[i];
                    for a in sp.aliases {
                        if !mine.aliases.contains(&a) {
                            mine.aliases.push(a);
                        }
                    }
                    if mine.descriptor.is_none() {
                        mine.descriptor = sp.descriptor;
                    }
                    remap.push(i);
                }
                None => {
                    remap.push(self.speakers.len());
                    self.speakers.push(Speaker {
                        quotes: vec![],
                        ..sp
                    });
                }
            }
        }
        for (qi, mut q) in part.quotes.into_iter().enumerate() {
            q.speaker = q.speaker.map(|s| remap[s]);
            if let Some(s) = q.speaker {
                self.speakers[s].quotes.push(base + qi);
            }
            self.quotes.push(q);
        }
        self.other_quoted.extend(part.other_quoted);
    }
}
