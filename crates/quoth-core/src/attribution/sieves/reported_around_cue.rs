//! Reported sieve R4, around cue: "Prices, the minister said, will fall."

use super::super::limits;
use super::speech::*;
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: speech cues that state (not those that ask).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if *class != Complement::Request => {
            reported_around_cue(ctx, *v, s)
        }
        _ => None,
    }
}

/// Sieve R4: "Prices, the minister said, will fall." — a cue set off by commas inside the
/// clause it reports.
fn reported_around_cue(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let (comma, seg_end, found) = cue_between_commas(ctx, v, s)?;
    if found.mention.first_tok > v {
        return None;
    }
    let end = content_end(ctx, seg_end, s).unwrap_or(seg_end);
    if end <= seg_end + 1
        || has_quote(ctx, seg_end, end)
        || word_count(ctx, seg_end, end) < limits::MIN_CLAUSE_WORDS
    {
        return None;
    }
    content_before(ctx, s.start, comma, end, found, Sieve::ReportedAroundCue)
}
