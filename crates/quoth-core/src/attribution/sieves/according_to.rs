//! The according-to sieve: "According to X, “…”", "“…,” according to X", "in his words, “…”",
//! "As X put it, “…”".

use super::super::np::MentionKind;
use super::{Ctx, Found, Sieve, Target};

/// The sieve's entry in the pipeline: quotations only.
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    let Target::Quotation(q) = target else {
        return None;
    };
    according_to(ctx, q.qi)
}

/// "According to X, “…”", "“…,” according to X", "in his words, “…”".
fn according_to(ctx: &Ctx, qi: usize) -> Option<Found> {
    let np = &ctx.np;
    let qt = ctx.tokens.quote_token[qi];
    let sentence = ctx.sentence_of(qt);
    let last = ctx.last_quote_token(qi);
    let ends = ctx.sentence_of(last).end;
    for i in sentence.start..ends {
        if i + 1 >= ends || !np.is_word(i) {
            continue;
        }
        let w = np.lw(i);
        if w == "according" && np.is_word(i + 1) && np.lw(i + 1) == "to" {
            let m = np.forward(i + 2, ends)?;
            return Some(Found::new(
                Sieve::AccordingTo,
                m,
                Some(ctx.tok_span(i, i + 1)),
            ));
        }
        // "As Grint put it, “…”": the phrase names the source like "according to".
        if w == "as"
            && let Some(m) = np.forward(i + 1, ends)
            && np.is_word(m.last_tok + 2)
            && np.lw(m.last_tok + 1) == "put"
            && np.lw(m.last_tok + 2) == "it"
        {
            let cue = ctx.tok_span(i, m.last_tok + 2);
            return Some(Found::new(Sieve::AccordingTo, m, Some(cue)));
        }
        // "in his words", "in the words of X"
        if w == "in" && i + 2 < ends && np.is_word(i + 2) && np.lw(i + 2) == "words" {
            if let Some(kind) = np.lx.pronoun(&np.lw(i + 1)) {
                let mut m = np.forward(i + 1, i + 2)?;
                m.kind = MentionKind::Pronoun(kind);
                return Some(Found::new(
                    Sieve::AccordingTo,
                    m,
                    Some(ctx.tok_span(i, i + 2)),
                ));
            }
            if np.lw(i + 1) == "the" && np.is_word(i + 3) && np.lw(i + 3) == "of" {
                let m = np.forward(i + 4, ends)?;
                return Some(Found::new(
                    Sieve::AccordingTo,
                    m,
                    Some(ctx.tok_span(i, i + 3)),
                ));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{sieve_of, speaker_of};

    #[test]
    fn according_to_names_the_source() {
        let t = "Anna Berg chaired the session. According to her, “the budget is fine.”";
        assert_eq!(speaker_of(t, "the budget"), Some("Anna Berg".into()));
        assert_eq!(sieve_of(t, "the budget"), "according-to");
        let t = "Tom Reed spoke last. He blamed the men who, as he put it, “sold the town.”";
        assert_eq!(speaker_of(t, "sold the town"), Some("Tom Reed".into()));
    }

    #[test]
    fn according_to_does_not_fire_without_the_phrase() {
        let t = "The weather was bad. “Nobody came.”";
        assert_ne!(sieve_of(t, "Nobody came"), "according-to");
    }
}
