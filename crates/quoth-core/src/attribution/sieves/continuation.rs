//! The continuation sieve: a quotation with no cue of its own keeps the previous quotation's
//! speaker when it follows it directly (same paragraph, or opening the next one) and no one
//! else was named in between.

use super::super::resolve::SpeakerKey;
use super::common::has_own_cue;
use super::{Ctx, Found, Quotation, Sieve, Target};

/// The sieve's entry in the pipeline: quotations whose sentences hold no cue of their own.
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    let Target::Quotation(q) = target else {
        return None;
    };
    continuation(ctx, q)
}

/// The previous quotation's finding, marked to keep its speaker (`Found::previous`).
fn continuation(ctx: &Ctx, q: &Quotation) -> Option<Found> {
    let qi = q.qi;
    let prev = qi.checked_sub(1)?;
    let pf = q.earlier[prev].as_ref()?;
    let (pk, _) = q.keys[prev].as_ref()?;
    let toks = &ctx.np.toks;
    let qt = ctx.tokens.quote_token[qi];
    let pt = ctx.tokens.quote_token[prev];
    let (qp, pp) = (toks[qt].para, toks[pt].para);
    let opens_paragraph = ctx.tokens.paragraphs[qp as usize].start == qt;
    // A quotation inside a narrative sentence belongs to that sentence, not to the last speaker.
    if ctx.sentence_of(qt).start != qt {
        return None;
    }
    let adjacent = qp == pp || (opens_paragraph && qp == last_para_of(ctx, prev) + 1);
    if !adjacent || has_own_cue(ctx, qi) {
        return None;
    }
    let except = match pk {
        SpeakerKey::Entity(e) => Some(*e),
        SpeakerKey::Description(_) => None,
    };
    // Names in the previous quotation's own sentence belong to its cue ("said the former aide
    // to President George W. Bush"); only later ones introduce someone else.
    let from = ctx.sentence_of(ctx.last_quote_token(prev)).end;
    if from < qt && q.ents.someone_else_between(from, qt, except) {
        return None;
    }
    Some(Found {
        sieve: Sieve::Continuation,
        cue: None,
        previous: Some(prev),
        ..pf.clone()
    })
}

/// The paragraph of the last part of quotation `qi`.
fn last_para_of(ctx: &Ctx, qi: usize) -> u32 {
    let q = &ctx.quotes[qi];
    let end = q.parts[q.parts.len() - 1].start;
    let t = ctx.tokens.quote_token[qi];
    ctx.np.toks[t..]
        .iter()
        .take_while(|tk| tk.start <= end)
        .last()
        .map_or(ctx.np.toks[t].para, |tk| tk.para)
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{sieve_of, speaker_of};

    #[test]
    fn continuation_keeps_the_speaker() {
        let t = "“We are ready,” said Omar Haddad.\n\n“The trucks leave at dawn.”";
        assert_eq!(speaker_of(t, "The trucks"), Some("Omar Haddad".into()));
        assert_eq!(sieve_of(t, "The trucks"), "continuation");
    }

    #[test]
    fn continuation_stops_when_someone_else_is_introduced() {
        let t = "“We are ready,” said Omar Haddad.\n\nLater, Julia Stone arrived at the depot.\n\n“The trucks leave at dawn.”";
        assert_ne!(speaker_of(t, "The trucks"), Some("Omar Haddad".into()));
    }
}
