//! The adjacent-cue sieve: a reporting verb next to the quotation, before or after it in its
//! sentence ("“…,” said X", "X said: “…”", "X said that “…”", split quotations).

use super::super::lexicon::word_set;
use super::super::limits;
use super::super::np::{self, Mention, MentionKind, Np};
use super::super::tokens::Kind;
use super::common::{
    closing_mark_or_space, cue_clause, is_nominative, is_strong, sentence_subject, subject_before,
};
use super::{Ctx, Found, Sieve, Target};

/// The sieve's entry in the pipeline: quotations only.
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    let Target::Quotation(q) = target else {
        return None;
    };
    adjacent_cue(ctx, q.qi, q.earlier)
}

word_set!(
    /// Reporting verbs that are also common nouns ("his remarks", "the charges"): cues only with
    /// a subject right before them.
    fn is_noun_like_verb,
    "states", "reports", "claims", "charges", "calls", "comments", "remarks", "tweets",
    "posts", "orders", "questions", "answers", "offers", "notes", "terms", "labels",
    "brands", "hints", "signals", "thanks", "praises", "demands", "promises", "pledges",
    "vows", "report", "claim", "comment", "remark", "tweet", "post", "note",
    "answer", "question", "offer", "charge", "call", "state", "term", "label",
    "brand", "order", "read", "reads", "continue", "counter", "welcome", "cry",
    "cries", "testify",
);

/// A reporting verb next to the quotation, before or after it in its sentence.
fn adjacent_cue(ctx: &Ctx, qi: usize, earlier: &[Option<Found>]) -> Option<Found> {
    let qt = ctx.tokens.quote_token[qi];
    let sentence = ctx.sentence_of(qt);
    // A quotation that ends in a comma (or ? ! —) inside its marks hands its sentence on to
    // what follows: “…,” he said. Its right-hand cue comes first.
    let inner = ctx.np.text[ctx.quotes[qi].span()].trim_end_matches(closing_mark_or_space);
    let hands_on = inner.ends_with([',', '?', '!', '—', '-']);
    if qt == sentence.start || hands_on {
        right_cue(ctx, qi).or_else(|| left_cue(ctx, qi, earlier))
    } else {
        left_cue(ctx, qi, earlier).or_else(|| right_cue(ctx, qi))
    }
}

/// “…,” said X / “…,” X said / “…,” he told reporters.
fn right_cue(ctx: &Ctx, qi: usize) -> Option<Found> {
    let np = &ctx.np;
    let qt = ctx.last_quote_token(qi);
    let mut i = qt + 1;
    let toks = np.toks;
    if i >= toks.len() || toks[i].para != toks[qt].para {
        return None;
    }
    if toks[i].sentence != toks[qt].sentence {
        return short_cue_sentence(ctx, qi, i);
    }
    if let Some(found) = dash_byline(ctx, i) {
        return Some(found);
    }
    if np.is_punct(i, ",") || np.is_punct(i, "—") || np.is_punct(i, "–") {
        i += 1;
    }
    let sentence = ctx.sentence_of(qt);
    let hi = (i + limits::RIGHT_CUE_REACH).min(sentence.end);
    if i >= hi || toks[i].kind == Kind::Quote {
        return None;
    }
    // "said X": an inverted finite verb.
    if let Some(cue) = ctx.cue_at(i) {
        let w = np.lw(i);
        if !w.ends_with("ing") {
            let after = ctx.cue_end_tok(i) + 1;
            if let Some(m) = np
                .forward_subject(after, hi)
                .filter(|m| is_nominative(np, m))
            {
                return Some(Found::new(Sieve::AdjacentCue, m, Some(cue)));
            }
        }
        return None;
    }
    // "X said", "X, a former aide, said", "he later told reporters": the first reporting verb
    // within reach with a subject that starts right after the quotation (a verb form inside
    // the subject, "X, a former state senator, said", has none and is passed over).
    for j in i + 1..hi {
        let Some(cue) = ctx.cue_at(j) else {
            continue;
        };
        if let Some(m) = subject_before(ctx, j, i) {
            let starts_here = m.first_tok == i
                || m.first_tok == i + 1 && np.is_word(i) && np.lw(i) == "the"
                || m.kind == MentionKind::Name && only_premodifiers(np, i, m.first_tok);
            if starts_here {
                return Some(Found::new(Sieve::AdjacentCue, m, Some(cue)));
            }
        }
    }
    sentence_final_cue(ctx, i, sentence.end)
}

/// "school principal", "the 52-year-old city planner": tokens `from..to` (before a name, right
/// after the quotation) that can only modify it — lower-case content words and numbers, after
/// an optional article — so the name they lead to is the subject, whatever role they name.
fn only_premodifiers(np: &Np, from: usize, to: usize) -> bool {
    // An article or a possessive determiner may lead: "her deputy Ivo Lind said".
    let from = if np.is_word(from)
        && matches!(
            np.lw(from).as_ref(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my"
        ) {
        from + 1
    } else {
        from
    };
    from < to
        && to - from <= limits::PREMODIFIER_WORDS
        && (from..to).all(|k| {
            np.is_number(k)
                || np.is_word(k) && !np.is_cap(k) && {
                    let w = np.lw(k);
                    !np.lx.is_not_name(&w)
                        && np.lx.pronoun(&w).is_none()
                        && !np.lx.is_reporting_verb(&w)
                        && !np.lx.is_adverb(&w)
                }
        })
}

/// “Cities are made by the people who stay.” ― Irma Castell: a dash after the quotation and a
/// name that ends the paragraph sign it.
fn dash_byline(ctx: &Ctx, dash: usize) -> Option<Found> {
    let np = &ctx.np;
    let is_dash = ["―", "—", "–"].iter().any(|d| np.is_punct(dash, d));
    if !is_dash {
        return None;
    }
    let para = np.toks[dash].para;
    let end = (dash + 1..np.toks.len())
        .find(|&k| np.toks[k].para != para)
        .unwrap_or(np.toks.len());
    let m = np
        .forward(dash + 1, end)
        .filter(|m| m.kind == MentionKind::Name)?;
    let rest_is_punct = (m.last_tok + 1..end).all(|k| np.toks[k].kind == Kind::Punct);
    rest_is_punct.then(|| Found::new(Sieve::AdjacentCue, m, Some(ctx.tok_span(dash, dash))))
}

/// “…” before the storm, she said. / “…” the crews still lack, union spokesman Ivo Lind said.
/// A cue closing the sentence after a comma, with nothing but its subject before the verb.
fn sentence_final_cue(ctx: &Ctx, from: usize, end: usize) -> Option<Found> {
    let np = &ctx.np;
    let comma = (from..end)
        .rev()
        .find(|&k| np.is_punct(k, ",") || np.toks[k].kind == Kind::Quote)?;
    if !np.is_punct(comma, ",") {
        return None;
    }
    cue_clause(ctx, comma + 1, end)
}

/// “… missing.” Trump said. — a short sentence that is only a cue, right after a quotation
/// that ended its own sentence.
fn short_cue_sentence(ctx: &Ctx, qi: usize, i: usize) -> Option<Found> {
    let np = &ctx.np;
    let inner = np.text[ctx.quotes[qi].span()].trim_end_matches(closing_mark_or_space);
    if !inner.ends_with(['.', '!', '?']) {
        return None;
    }
    let sentence = ctx.sentence_of(i);
    let has_quote = np.toks[sentence.clone()]
        .iter()
        .any(|t| t.kind == Kind::Quote);
    if sentence.start != i || sentence.len() > limits::SHORT_CUE_SENTENCE_TOKENS || has_quote {
        return None;
    }
    cue_clause(ctx, i, sentence.end)
}

/// X said: “…” / X said that “…” / X called the talks “…” / split quotes.
fn left_cue(ctx: &Ctx, qi: usize, earlier: &[Option<Found>]) -> Option<Found> {
    let np = &ctx.np;
    let qt = ctx.tokens.quote_token[qi];
    let lo = ctx.sentence_of(qt).start;
    // The nearest cue whose subject is a person, a pronoun, a role or a document wins; a cue
    // with some other subject ("the platform should reiterate") only when no other is found.
    let mut weak: Option<Found> = None;
    let mut v = qt;
    while v > lo {
        v -= 1;
        // A new clause ("…; …", "…, while …") has its own speaker: do not look past it.
        let clause_break = np.is_punct(v, ";")
            || np.is_punct(v, ",")
                && np.is_word(v + 1)
                && matches!(
                    np.lw(v + 1).as_ref(),
                    "while" | "whereas" | "but" | "although"
                );
        if clause_break && weak.is_some() {
            break;
        }
        let Some(found) = cue_with_subject(ctx, qi, v, lo, earlier) else {
            continue;
        };
        if is_strong(np, &found.mention) {
            return Some(found);
        }
        weak.get_or_insert(found);
    }
    weak
}

/// The cue at token `v` (if it is one) and its subject.
fn cue_with_subject(
    ctx: &Ctx,
    qi: usize,
    v: usize,
    lo: usize,
    earlier: &[Option<Found>],
) -> Option<Found> {
    let np = &ctx.np;
    let cue = ctx.cue_at(v)?;
    let w = np.word_lower(v);
    let before = (v > lo && np.is_word(v - 1)).then(|| np.word_lower(v - 1));
    let participle = w.ends_with("ing");
    match before {
        // Passive: "he was asked", "it was reported": not this speaker's words.
        Some("was" | "were" | "been" | "being" | "is" | "are" | "be") if !participle => {
            return None;
        }
        // An infinitive: "a leader to counter threats".
        Some("to") => return None,
        _ => {}
    }
    let found = |mention| Some(Found::new(Sieve::AdjacentCue, mention, Some(cue.clone())));
    if participle {
        if let Some(m) = with_participle_subject(ctx, v, lo)
            .or_else(|| named_before_participle(ctx, v, lo))
            .or_else(|| opening_participle_subject(ctx, qi, v, lo))
        {
            return found(m);
        }
        if let Some(f) = earlier_in_sentence(ctx, qi, earlier) {
            return Some(Found {
                cue: Some(cue),
                previous: None,
                ..f
            });
        }
        return found(sentence_subject(ctx, lo, v)?);
    }
    let noun_like = is_noun_like_verb(w);
    match subject_before(ctx, v, lo) {
        Some(m) if noun_like && is_modifier_of_noun(np, &m, v) => None,
        // "its decrepit state", "their late-night posts": a possessive description that is
        // not a person, a group or a document, before a noun-like verb, is that noun's phrase.
        Some(m)
            if noun_like
                && m.kind == MentionKind::Nominal
                && !is_strong(np, &m)
                && matches!(
                    np.lw(m.first_tok).as_ref(),
                    "its" | "his" | "her" | "their" | "our" | "my" | "your"
                ) =>
        {
            None
        }
        Some(m) => found(m),
        None if noun_like => None,
        None => {
            // "… and then specified that “…”": the subject of the earlier verb.
            if let Some(f) = earlier_in_sentence(ctx, qi, earlier) {
                return Some(Found {
                    cue: Some(cue),
                    previous: None,
                    ..f
                });
            }
            found(sentence_subject(ctx, lo, v)?)
        }
    }
}

/// "to disprove Republican claims", "his late-night tweets": a word right before a noun-like
/// verb ("claims", "tweets") that follows a verb, a preposition or a determiner modifies a
/// noun; a subject starts a clause (after punctuation, a conjunction or a subordinator).
fn is_modifier_of_noun(np: &Np, m: &Mention, v: usize) -> bool {
    if matches!(m.kind, MentionKind::Pronoun(_)) || m.last_tok + 1 != v {
        return false;
    }
    let Some(before) = m.first_tok.checked_sub(1) else {
        return false;
    };
    if !np.is_word(before) || np.toks[before].sentence != np.toks[m.first_tok].sentence {
        return false;
    }
    let w = np.lw(before);
    let opens_clause = matches!(
        w.as_ref(),
        "and"
            | "but"
            | "or"
            | "that"
            | "as"
            | "because"
            | "while"
            | "when"
            | "if"
            | "since"
            | "though"
            | "although"
            | "so"
            | "then"
    );
    !opens_clause && !np.lx.is_adverb(&w)
}

/// "…, with Ada Brenn posting that it was a mistake and asking, “…”": the subject of a
/// participle in a "with X doing" phrase is X.
fn with_participle_subject(ctx: &Ctx, v: usize, lo: usize) -> Option<Mention> {
    let np = &ctx.np;
    let with = (lo..v)
        .rev()
        .take(limits::WITH_PHRASE_REACH)
        .find(|&k| np.is_word(k) && np.lw(k) == "with")?;
    let m = np.forward(with + 1, v)?;
    let next = m.last_tok + 1;
    let doing = np.is_word(next) && np.lw(next).ends_with("ing");
    (doing
        && matches!(m.kind, MentionKind::Name | MentionKind::Pronoun(_))
        && is_nominative(np, &m))
    .then_some(m)
}

/// "Footage showed Senator Ana Ruiz saying, “…”": a name right before a participle (no comma
/// between) is who does it, not the sentence's subject.
fn named_before_participle(ctx: &Ctx, v: usize, lo: usize) -> Option<Mention> {
    let np = &ctx.np;
    let m = np.backward(v.checked_sub(1)?, lo)?;
    let possessive = np::is_possessive(np.word(m.last_tok));
    // "footage of X saying" is X, but "on Facebook writing" is not Facebook.
    let after_preposition = m.first_tok > lo
        && np.is_word(m.first_tok - 1)
        && matches!(
            np.lw(m.first_tok - 1).as_ref(),
            "on" | "in" | "at" | "via" | "to" | "for" | "by" | "into" | "from" | "through"
        );
    (m.kind == MentionKind::Name
        && m.last_tok + 1 == v
        && !possessive
        && !after_preposition
        && is_nominative(np, &m))
    .then_some(m)
}

/// "Calling the plan “a betrayal,” Ana Ruiz voted no", "After saying the vote was “rigged,”
/// Ana Ruiz left": a participle phrase that opens the sentence (perhaps after a subordinator)
/// belongs to the subject of the main clause, after the comma that closes the phrase (inside
/// a quotation's marks or after them).
fn opening_participle_subject(ctx: &Ctx, qi: usize, v: usize, lo: usize) -> Option<Mention> {
    let np = &ctx.np;
    let opens = v == lo
        || v == lo + 1
            && np.is_word(lo)
            && matches!(
                np.lw(lo).as_ref(),
                "after" | "before" | "while" | "when" | "since" | "upon" | "without" | "despite"
            );
    if !opens {
        return None;
    }
    let end = ctx.sentence_of(v).end;
    let closes = (v + 1..end)
        .take(limits::PARTICIPLE_PHRASE_REACH)
        .find(|&k| {
            np.is_punct(k, ",")
                || np.toks[k].kind == Kind::Quote
                    && ctx.quote_ends_with_comma(np.toks[k].quote as usize)
        })?;
    if ctx.tokens.quote_token[qi] > closes {
        // The quotation is in the main clause, not in the participle phrase.
        return None;
    }
    let m = np.forward(closes + 1, end)?;
    (matches!(m.kind, MentionKind::Name | MentionKind::Pronoun(_)) && is_nominative(np, &m)
        || is_strong(np, &m))
    .then_some(m)
}

/// The attribution of an earlier quotation in the same sentence.
fn earlier_in_sentence(ctx: &Ctx, qi: usize, earlier: &[Option<Found>]) -> Option<Found> {
    let qt = ctx.tokens.quote_token[qi];
    let s = ctx.np.toks[qt].sentence;
    (0..qi)
        .rev()
        .take_while(|&p| ctx.np.toks[ctx.tokens.quote_token[p]].sentence == s)
        .find_map(|p| earlier[p].clone())
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{run, sieve_of, speaker_of};

    #[test]
    fn adjacent_said_after_quote() {
        let t = "“We will win,” said Maria Lopez, the mayor.";
        assert_eq!(speaker_of(t, "We will win"), Some("Maria Lopez".into()));
        assert_eq!(sieve_of(t, "We will win"), "adjacent-cue");
        let t = "“We will win,” Maria Lopez added.";
        assert_eq!(speaker_of(t, "We will win"), Some("Maria Lopez".into()));
    }

    #[test]
    fn adjacent_said_before_quote() {
        assert_eq!(
            speaker_of("Maria Lopez said: “We will win.”", "We will"),
            Some("Maria Lopez".into())
        );
        let t = "Maria Lopez said that the plan was “a disaster for the city.”";
        assert_eq!(speaker_of(t, "a disaster"), Some("Maria Lopez".into()));
    }

    #[test]
    fn adjacent_cue_closing_the_sentence() {
        let t = "The pier filled up. “People were dancing” until the storm came, Maria Lopez said.";
        assert_eq!(speaker_of(t, "People were"), Some("Maria Lopez".into()));
        let t =
            "She wants “more night buses” the shift workers need, union spokesman Neil Sroka said.";
        assert_eq!(speaker_of(t, "more night"), Some("Neil Sroka".into()));
        // Not when the clause goes on after the cue: "…, Lopez said that …" reports something else.
        let t = "Nobody saw “the plan” before the vote, Maria Lopez said that day, and she left.";
        assert_ne!(sieve_of(t, "the plan"), "adjacent-cue");
    }

    #[test]
    fn participle_in_a_with_phrase_takes_its_own_subject() {
        let t = "Her rivals answered within minutes, with Ada Brenn posting that it was a mistake and asking, “How can she lead?”";
        assert_eq!(speaker_of(t, "How can"), Some("Ada Brenn".into()));
    }

    #[test]
    fn adjacent_split_quote_shares_its_cue() {
        let t = "“It is over,” John Carter said, “and we lost.”";
        assert_eq!(speaker_of(t, "and we lost"), Some("John Carter".into()));
    }

    #[test]
    fn adjacent_does_not_fire_on_capitalised_words_or_passives() {
        // "Post" is not the verb "post"; "was asked" reports someone else's question.
        let t = "An essay in The Washington Post was titled “Notes on a Crisis.”";
        assert_eq!(
            run(t)
                .iter()
                .find(|r| r.0.contains("Notes"))
                .and_then(|r| r.1.clone()),
            None
        );
        let t = "At the hearing he was asked “why now?” by nobody in particular.";
        assert_ne!(sieve_of(t, "why now"), "adjacent-cue");
    }
}
