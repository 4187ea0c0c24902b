//! Reported sieve R1, that: "X said that …", "X told reporters on Monday that …", "…, adding
//! that …".

use super::super::limits;
use super::super::tokens::Kind;
use super::speech::*;
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: speech cues that state (not those that ask).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if *class != Complement::Request => {
            reported_that(ctx, *v, *class, s)
        }
        _ => None,
    }
}

/// Sieve R1: "X said that …", "X told reporters on Monday that …", "…, adding that …".
fn reported_that(ctx: &Ctx, v: usize, class: Complement, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let that = (v + 1..(v + limits::THAT_REACH).min(s.end)).find(|&k| {
        np.toks[k].kind == Kind::Quote || np.is_punct(k, ";") || is_that(ctx, k) || {
            np.is_word(k) && speech_verb(&np.lw(k)).is_some()
        }
    })?;
    if !is_that(ctx, that) || !gap_is_adverbial(ctx, v + 1, that, class) {
        return None;
    }
    let end = content_end(ctx, that + 1, s)?;
    statement(ctx, v, that, end, s, Sieve::ReportedThat)
}
