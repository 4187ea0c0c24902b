//! The embedding-subject sieve: quoted words inside a narrative sentence with no cue belong to
//! the sentence's subject when it is a person, a pronoun or a role ("She voiced a wish for a
//! “strong and prosperous region.”").

use super::super::np::MentionKind;
use super::common::{has_own_cue, is_nominative, is_strong, sentence_subject};
use super::{Ctx, Found, Sieve, Target};

/// The sieve's entry in the pipeline: quotations whose sentences hold no cue of their own.
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    let Target::Quotation(q) = target else {
        return None;
    };
    let qt = ctx.tokens.quote_token[q.qi];
    if ctx.sentence_of(qt).start == qt || has_own_cue(ctx, q.qi) {
        return None;
    }
    embedding_subject(ctx, q.qi)
}

/// Quoted words inside a narrative sentence ("She hoped aloud for a “greener …
/// Mexico”") belong to the sentence's subject when it is a person, pronoun or role.
fn embedding_subject(ctx: &Ctx, qi: usize) -> Option<Found> {
    let np = &ctx.np;
    let qt = ctx.tokens.quote_token[qi];
    let sentence = ctx.sentence_of(qt);
    if sentence.start == qt {
        return None;
    }
    let m = sentence_subject(ctx, sentence.start, qt)?;
    let person = match m.kind {
        MentionKind::Name => true,
        MentionKind::Pronoun(_) => is_nominative(np, &m),
        MentionKind::Nominal => is_strong(np, &m),
    };
    person.then_some(Found::new(Sieve::EmbeddingSubject, m, None))
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::speaker_of;

    #[test]
    fn embedded_quote_belongs_to_sentence_subject() {
        let t = "Carla Diaz arrived late. She hoped aloud for a “greener and busier harbour.”";
        assert_eq!(speaker_of(t, "greener and"), Some("Carla Diaz".into()));
    }
}
