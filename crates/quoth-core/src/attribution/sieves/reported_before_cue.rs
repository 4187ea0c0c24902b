//! Reported sieve R3, before cue: "Prices will fall next year, the minister said."

use super::speech::*;
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: speech cues that state (not those that ask).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if *class != Complement::Request => {
            reported_before_cue(ctx, *v, s)
        }
        _ => None,
    }
}

/// Sieve R3: "Prices will fall next year, the minister said." — the clause before a cue that
/// closes the sentence after a comma.
fn reported_before_cue(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let (comma, seg_end, found) = cue_between_commas(ctx, v, s)?;
    // After "…, said X" what follows is about X ("a professor at …"), not more of the content.
    let inverted = found.mention.first_tok > v;
    if trim_end(ctx, comma, s.end) > seg_end && !inverted {
        return None;
    }
    content_before(ctx, s.start, comma, comma, found, Sieve::ReportedBeforeCue)
}
