//! Notes and corrections placed in the current text of an article.

use super::anchor::{Anchor, Anchoring};
use super::model::Sidecar;
use crate::attribution::{Analysis, SpeakerCorrection};
use std::ops::Range;

/// A live note and where its passage is now.
#[derive(Debug, Clone)]
pub struct Placed {
    /// Index into `Sidecar::notes`.
    pub index: usize,
    pub anchor: Anchor,
}

/// Every live note, anchored in `text`, in text order (orphans last).
pub fn place_notes(doc: &Sidecar, text: &str) -> Vec<Placed> {
    let anchoring = Anchoring::new(text);
    let mut placed: Vec<Placed> = doc
        .notes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.deleted.is_none())
        .map(|(index, n)| Placed {
            index,
            anchor: n
                .target
                .selectors()
                .map_or(Anchor::Orphan, |s| anchoring.anchor(&s)),
        })
        .collect();
    placed.sort_by_key(|p| p.anchor.range().map_or(usize::MAX, |r| r.start));
    placed
}

/// The live corrections whose quotations are found in `text`.
pub fn placed_corrections(doc: &Sidecar, text: &str) -> Vec<SpeakerCorrection> {
    let anchoring = Anchoring::new(text);
    doc.corrections
        .iter()
        .filter(|c| c.deleted.is_none())
        .filter_map(|c| {
            let span = c
                .target
                .selectors()
                .map(|s| anchoring.anchor(&s))?
                .range()?;
            Some(SpeakerCorrection {
                span,
                speaker: c.speaker.clone(),
                not_a_quote: c.not_a_quote,
            })
        })
        .collect()
}

/// The attribution of a text with the reader's corrections applied: the one way the CLI and
/// the reader analyse an article that may have notes.
pub fn analyse_with(
    text: &str,
    paragraphs: &[Range<usize>],
    corrections: &[SpeakerCorrection],
) -> Analysis {
    let mut analysis = crate::attribution::analyse_text(text, paragraphs);
    analysis.apply_corrections(corrections);
    analysis
}

/// The speaker of the quotation a passage is in, if any.
pub fn speaker_of(analysis: &Analysis, range: &Range<usize>) -> Option<String> {
    analysis
        .quotes
        .iter()
        .find(|q| q.span.start <= range.start && range.start < q.span.end)
        .and_then(|q| q.speaker)
        .map(|s| analysis.speakers[s].name.clone())
}
