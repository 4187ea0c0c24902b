//! The block-line sieve: a line ending in ':' names the speaker of the quotation after it
//! ("Pavel Danilin, political analyst (Moscow):", "Cruz continued:", "More from Jones: “…”").

use super::super::limits;
use super::super::np::MentionKind;
use super::super::tokens::Kind;
use super::common::{is_nominative, is_strong, sentence_subject, subject_before};
use super::{Ctx, Found, Sieve, Target};

/// The sieve's entry in the pipeline: quotations only.
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    let Target::Quotation(q) = target else {
        return None;
    };
    block_line(ctx, q.qi)
}

/// A paragraph ending in ':' names the speaker of the quotation that opens the next
/// paragraph: "Pavel Danilin, political analyst (Moscow):" or "Cruz continued:".
fn block_line(ctx: &Ctx, qi: usize) -> Option<Found> {
    let np = &ctx.np;
    let qt = ctx.tokens.quote_token[qi];
    // "More from Jones: “…”" — a speaker right before a colon that introduces the quotation.
    if qt > 0
        && np.is_punct(qt - 1, ":")
        && np.toks[qt - 1].para == np.toks[qt].para
        && let Some(found) = colon_speaker(ctx, qt - 1)
    {
        return Some(found);
    }
    let para = np.toks[qt].para as usize;
    if para == 0 || ctx.tokens.paragraphs[para].start != qt {
        return None;
    }
    let prev = ctx.tokens.paragraphs[para - 1].clone();
    if prev.is_empty() || !np.is_punct(prev.end - 1, ":") {
        return None;
    }
    let last_sentence = ctx.sentence_of(prev.end - 1);
    let lo = last_sentence.start.max(prev.start);
    // "Cruz continued:" / "as Joel Pollak observed, …:" — a reporting verb in that sentence.
    for v in (lo..prev.end).rev() {
        if let Some(cue) = ctx.cue_at(v)
            && let Some(m) = subject_before(ctx, v, lo)
        {
            return Some(Found::new(Sieve::BlockLine, m, Some(cue)));
        }
    }
    if let Some(found) = colon_speaker(ctx, prev.end - 1) {
        return Some(found);
    }
    // "Name, title, program (City):" — a short line that opens with a name.
    if prev.len() > limits::BLOCK_LINE_MAX_TOKENS {
        return None;
    }
    let m = np.forward(prev.start, prev.end)?;
    let plausible = m
        .name
        .as_deref()
        .is_some_and(|n| n.split_whitespace().count() >= limits::BLOCK_LINE_NAME_WORDS);
    (m.kind == MentionKind::Name && plausible).then(|| {
        Found::new(
            Sieve::BlockLine,
            m,
            Some(ctx.tok_span(prev.end - 1, prev.end - 1)),
        )
    })
}

/// A name (or a role or a document) right before the colon at token `colon`.
fn colon_speaker(ctx: &Ctx, colon: usize) -> Option<Found> {
    let np = &ctx.np;
    let lo = ctx.sentence_of(colon).start;
    if colon == lo {
        return None;
    }
    // "Rep. Trey Gandy (R-S.C.): “…”": the party and state in brackets are not the name.
    // (On a line of its own, "Name, title, outlet (City):" is left to the block-line reader.)
    let inline = np
        .toks
        .get(colon + 1)
        .is_some_and(|t| t.kind == Kind::Quote && t.para == np.toks[colon].para);
    let mut end = colon - 1;
    if inline && np.is_punct(end, ")") {
        let open = (lo..end)
            .rev()
            .take(limits::PARENTHESIS_REACH)
            .find(|&k| np.is_punct(k, "("))?;
        end = open.checked_sub(1).filter(|&e| e >= lo)?;
    }
    let m = np.backward(end, lo)?;
    // "Said Ellen Pruitt: “…”": a capitalised reporting verb opens the sentence.
    let said_first = m.first_tok == lo + 1 && np.lx.is_reporting_verb(&np.lw(lo));
    // "Jones: “…”" or "- Mark Blumenthal: “…”" — but in "McConnell delivered a message to
    // Trump: “…”" the words before the colon are an object: the sentence's subject speaks.
    let opens = m.first_tok == lo || np.toks[m.first_tok - 1].kind == Kind::Punct || said_first;
    if !opens {
        let s = sentence_subject(ctx, lo, m.first_tok)?;
        return matches!(s.kind, MentionKind::Name | MentionKind::Pronoun(_))
            .then(|| Found::new(Sieve::BlockLine, s, Some(ctx.tok_span(colon, colon))));
    }
    let named = m.kind == MentionKind::Name
        || matches!(m.kind, MentionKind::Pronoun(_)) && is_nominative(np, &m);
    (named || m.kind == MentionKind::Nominal && is_strong(np, &m))
        .then(|| Found::new(Sieve::BlockLine, m, Some(ctx.tok_span(colon, colon))))
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{sieve_of, speaker_of};

    #[test]
    fn block_line_names_the_quoted_paragraphs() {
        let t = "Pavel Danilin, political analyst (Moscow):\n\n“First point.\n\n“Second point.”";
        assert_eq!(speaker_of(t, "First point"), Some("Pavel Danilin".into()));
        assert_eq!(sieve_of(t, "First point"), "block-line");
    }

    #[test]
    fn block_line_needs_a_name() {
        let t = "Wait, it gets better:\n\n“Nobody saw it coming.”";
        assert_eq!(speaker_of(t, "Nobody saw"), None);
    }
}
