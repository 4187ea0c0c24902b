//! The speaker sieves, most precise first. Each looks at one quotation and either finds the
//! phrase that names its speaker (and the cue that ties them) or passes.

use super::limits;
use super::np::{Mention, MentionKind, Np};
use super::quotes::FoundQuote;
use super::tokens::{Kind, Tokens, is_capitalized};
use std::ops::Range;

/// Which sieve attributed a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sieve {
    /// “…,” said X / X said: “…” / X said that “…” / split quotes.
    AdjacentCue,
    /// According to X, “…” / in his words, “…”.
    AccordingTo,
    /// A "Name, title (City):" line over quoted paragraphs, or "X continued:".
    BlockLine,
    /// A quoted paragraph with no cue keeps the previous quotation's speaker.
    Continuation,
    /// Quoted words inside a narrative sentence with no cue: its subject used them.
    EmbeddingSubject,
    /// Reported speech: "X said (that) …", "X told reporters that …".
    ReportedThat,
    /// Reported speech with "that" left out: "X said he would …", "X said: …".
    ReportedClause,
    /// Reported speech before a closing cue: "…, X said."
    ReportedBeforeCue,
    /// Reported speech around a cue set off by commas: "…, X said, …"
    ReportedAroundCue,
    /// A reported request or question: "X urged Y to …", "X called for …", "X asked whether …".
    ReportedRequest,
    /// A reported commitment: "X vowed to …".
    ReportedIntent,
    /// Reported speech in a headline: "X: …", "X Says …".
    ReportedHeadline,
    /// Reported speech around "according to X".
    ReportedAccordingTo,
    /// The reader corrected the speaker (saved in the notes sidecar).
    Correction,
    /// No sieve fired.
    None,
}

impl Sieve {
    pub fn name(self) -> &'static str {
        match self {
            Sieve::AdjacentCue => "adjacent-cue",
            Sieve::AccordingTo => "according-to",
            Sieve::BlockLine => "block-line",
            Sieve::Continuation => "continuation",
            Sieve::EmbeddingSubject => "embedding-subject",
            Sieve::ReportedThat => "reported-that",
            Sieve::ReportedClause => "reported-clause",
            Sieve::ReportedBeforeCue => "reported-before-cue",
            Sieve::ReportedAroundCue => "reported-around-cue",
            Sieve::ReportedRequest => "reported-request",
            Sieve::ReportedIntent => "reported-intent",
            Sieve::ReportedHeadline => "reported-headline",
            Sieve::ReportedAccordingTo => "reported-according-to",
            Sieve::Correction => "correction",
            Sieve::None => "none",
        }
    }
}

/// What a sieve found for one quotation.
#[derive(Debug, Clone)]
pub struct Found {
    pub mention: Mention,
    pub cue: Option<Range<usize>>,
    pub sieve: Sieve,
}

pub struct Ctx<'a> {
    pub np: Np<'a>,
    pub tokens: &'a Tokens,
    pub quotes: &'a [FoundQuote],
}

impl Ctx<'_> {
    fn tok_span(&self, a: usize, b: usize) -> Range<usize> {
        self.np.toks[a].start..self.np.toks[b].end
    }
    pub fn sentence_of(&self, t: usize) -> Range<usize> {
        self.tokens.sentences[self.np.toks[t].sentence as usize].clone()
    }
    /// The token of the last part of quotation `qi`.
    pub fn last_quote_token(&self, qi: usize) -> usize {
        let first = self.tokens.quote_token[qi];
        let mut t = first;
        while t + 1 < self.np.toks.len() {
            let n = self.np.toks[t + 1];
            if n.kind == Kind::Quote && n.quote as usize == qi {
                t += 1;
            } else if n.para == self.np.toks[t].para {
                // Narrative after the last part in the same paragraph: stop here.
                break;
            } else {
                // A later paragraph may hold the next part of this quotation.
                match self.tokens.paragraphs[n.para as usize].clone().find(|&k| {
                    let tk = self.np.toks[k];
                    tk.kind == Kind::Quote && tk.quote as usize == qi
                }) {
                    Some(k) => t = k,
                    None => break,
                }
            }
        }
        t
    }
    /// A reporting verb at token `i`: its span (with a particle: "pointed out").
    fn cue_at(&self, i: usize) -> Option<Range<usize>> {
        if !self.np.is_word(i) {
            return None;
        }
        if is_capitalized(self.np.word(i)) {
            // Verbs are never capitalised mid-sentence: "The Washington Post", "United States".
            return None;
        }
        let w = self.np.lw(i);
        if self.np.lx.is_reporting_verb(&w) {
            return Some(self.tok_span(i, i));
        }
        // "found that", "believes that": cues only with a complement clause.
        if self.np.lx.is_that_verb(&w) && self.np.is_word(i + 1) && self.np.lw(i + 1) == "that" {
            return Some(self.tok_span(i, i));
        }
        let particles = self.np.lx.verb_particles(&w);
        if !particles.is_empty()
            && self.np.is_word(i + 1)
            && particles.contains(&self.np.lw(i + 1).as_ref())
        {
            return Some(self.tok_span(i, i + 1));
        }
        None
    }
    fn cue_end_tok(&self, i: usize) -> usize {
        if self.np.lx.is_reporting_verb(&self.np.lw(i)) {
            i
        } else {
            i + 1
        }
    }
}

/// Reporting verbs that are also common nouns ("his remarks", "the charges"): cues only with
/// a subject right before them.
const NOUN_LIKE_VERBS: &[&str] = &[
    "states",
    "reports",
    "claims",
    "charges",
    "calls",
    "comments",
    "remarks",
    "tweets",
    "posts",
    "orders",
    "questions",
    "answers",
    "offers",
    "notes",
    "terms",
    "labels",
    "brands",
    "hints",
    "signals",
    "thanks",
    "praises",
    "demands",
    "promises",
    "pledges",
    "vows",
    "report",
    "claim",
    "comment",
    "remark",
    "tweet",
    "post",
    "note",
    "answer",
    "question",
    "offer",
    "charge",
    "call",
    "state",
    "term",
    "label",
    "brand",
    "order",
    "read",
    "reads",
    "continue",
    "counter",
    "welcome",
    "cry",
    "cries",
    "testify",
    "post",
    "order",
];

/// Runs the sieves in order for quotation `qi`. `earlier` holds the results so far.
pub fn attribute(ctx: &Ctx, qi: usize, earlier: &[Option<Found>]) -> Option<Found> {
    adjacent_cue(ctx, qi, earlier)
        .or_else(|| according_to(ctx, qi))
        .or_else(|| block_line(ctx, qi))
}

/// Sieve 1: a reporting verb next to the quotation, before or after it in its sentence.
pub fn adjacent_cue(ctx: &Ctx, qi: usize, earlier: &[Option<Found>]) -> Option<Found> {
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

/// The marks (and a space) a quotation's words end with before its own punctuation.
fn closing_mark_or_space(c: char) -> bool {
    limits::CLOSING_MARKS.contains(&c) || matches!(c, '`' | ' ')
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
                return Some(Found {
                    mention: m,
                    cue: Some(cue),
                    sieve: Sieve::AdjacentCue,
                });
            }
        }
        return None;
    }
    // "X said", "X, a former aide, said", "he later told reporters": the first reporting verb
    // within reach, with a subject that starts right after the quotation.
    if let Some(j) = (i + 1..hi).find(|&j| ctx.cue_at(j).is_some()) {
        let cue = ctx.cue_at(j)?;
        if let Some(m) = subject_before(ctx, j, i) {
            let starts_here =
                m.first_tok == i || m.first_tok == i + 1 && np.is_word(i) && np.lw(i) == "the";
            if starts_here {
                return Some(Found {
                    mention: m,
                    cue: Some(cue),
                    sieve: Sieve::AdjacentCue,
                });
            }
        }
    }
    sentence_final_cue(ctx, i, sentence.end)
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
    rest_is_punct.then(|| Found {
        cue: Some(ctx.tok_span(dash, dash)),
        mention: m,
        sieve: Sieve::AdjacentCue,
    })
}

/// “…” before the incident, she said. / “…” they need to win, DFA spokesman Neil Sroka said.
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

/// A clause from `start` to `end` that is just a cue: "said X …" or "X said …", followed by
/// nothing but an adverbial ("in an interview", "on Tuesday") — no second clause.
pub(super) fn cue_clause(ctx: &Ctx, start: usize, end: usize) -> Option<Found> {
    let np = &ctx.np;
    let j =
        (start..end.min(start + limits::CUE_CLAUSE_REACH)).find(|&j| ctx.cue_at(j).is_some())?;
    let cue = ctx.cue_at(j)?;
    let m = if j == start {
        np.forward_subject(ctx.cue_end_tok(j) + 1, end)
            .filter(|m| is_nominative(np, m))?
    } else {
        let starts =
            |m: &Mention| m.first_tok == start || m.first_tok == start + 1 && np.lw(start) == "the";
        subject_before(ctx, j, start).filter(starts)?
    };
    let tail_ok = (m.last_tok.max(ctx.cue_end_tok(j)) + 1..end).all(|k| {
        np.toks[k].kind != Kind::Quote
            && !(np.is_word(k)
                && matches!(
                    np.lw(k).as_ref(),
                    "that" | "and" | "but" | "how" | "what" | "whether" | "if"
                ))
    });
    tail_ok.then_some(Found {
        mention: m,
        cue: Some(cue),
        sieve: Sieve::AdjacentCue,
    })
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
    let w = np.lw(v).into_owned();
    let before = (v > lo && np.is_word(v - 1)).then(|| np.lw(v - 1).into_owned());
    let participle = w.ends_with("ing");
    match before.as_deref() {
        // Passive: "he was asked", "it was reported": not this speaker's words.
        Some("was" | "were" | "been" | "being" | "is" | "are" | "be") if !participle => {
            return None;
        }
        // An infinitive: "a leader to counter threats".
        Some("to") => return None,
        _ => {}
    }
    let found = |mention| {
        Some(Found {
            mention,
            cue: Some(cue.clone()),
            sieve: Sieve::AdjacentCue,
        })
    };
    if participle {
        if let Some(m) = with_participle_subject(ctx, v, lo) {
            return found(m);
        }
        if let Some(f) = earlier_in_sentence(ctx, qi, earlier) {
            return Some(Found {
                cue: Some(cue),
                ..f
            });
        }
        return found(sentence_subject(ctx, lo, v)?);
    }
    let noun_like = NOUN_LIKE_VERBS.contains(&w.as_str());
    match subject_before(ctx, v, lo) {
        Some(m) if noun_like && is_modifier_of_noun(np, &m, v) => None,
        Some(m) => found(m),
        None if noun_like => None,
        None => {
            // "… and then specified that “…”": the subject of the earlier verb.
            if let Some(f) = earlier_in_sentence(ctx, qi, earlier) {
                return Some(Found {
                    cue: Some(cue),
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

/// A subject that can speak: a name, a pronoun, or a description headed by a role, a
/// document or a group word.
fn is_strong(np: &Np, m: &Mention) -> bool {
    match m.kind {
        MentionKind::Name | MentionKind::Pronoun(_) => true,
        MentionKind::Nominal => m.head.as_deref().is_some_and(|h| {
            np.lx.role_noun(h).is_some()
                || np.lx.is_source_noun(h)
                || h.ends_with('s') && np.lx.role_noun(h.trim_end_matches('s')).is_some()
        }),
    }
}

/// "…, with Donald Trump tweeting that it was a disaster and asking, “…”": the subject of a
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

/// The attribution of an earlier quotation in the same sentence.
fn earlier_in_sentence(ctx: &Ctx, qi: usize, earlier: &[Option<Found>]) -> Option<Found> {
    let qt = ctx.tokens.quote_token[qi];
    let s = ctx.np.toks[qt].sentence;
    (0..qi)
        .rev()
        .take_while(|&p| ctx.np.toks[ctx.tokens.quote_token[p]].sentence == s)
        .find_map(|p| earlier[p].clone())
}

/// The subject right before the verb at `v`: "Putin (also) said", "X, the analyst, said".
pub(super) fn subject_before(ctx: &Ctx, v: usize, lo: usize) -> Option<Mention> {
    let np = &ctx.np;
    if v == lo {
        return None;
    }
    let mut j = v - 1;
    // "Megyn Kelly said": a capitalised "-ly" word is a name, not an adverb.
    while j > lo
        && np.is_word(j)
        && !is_capitalized(np.word(j))
        && np.lx.is_adverb(&np.lw(j))
        && np.lx.pronoun(&np.lw(j)).is_none()
    {
        j -= 1;
    }
    if np.is_word(j) && matches!(np.lw(j).as_ref(), "and" | "but" | "or" | "then" | "nor") {
        // A second verb of the same subject: "when he brought up the bombing and later said".
        return clause_subject(ctx, j, lo).or_else(|| subject_nearby(ctx, j, lo));
    }
    if np.is_punct(j, ")") {
        // "Sen. Elizabeth Warren (D-MA) said": step over the parenthesis.
        let open = (lo..j)
            .rev()
            .take(limits::PARENTHESIS_REACH)
            .find(|&k| np.is_punct(k, "("))?;
        if open == lo {
            return None;
        }
        j = open - 1;
    }
    if np.is_punct(j, ",") && j > lo {
        // An appositive or relative clause between commas: "Tom Ridge, a former secretary, said".
        let k = (lo..j)
            .rev()
            .take(limits::APPOSITIVE_REACH)
            .find(|&k| np.is_punct(k, ","))?;
        if k == lo {
            return None;
        }
        let mut m = np.backward(k - 1, lo)?;
        if !is_nominative(np, &m) {
            return None;
        }
        // "Her spokeswoman, Dana Whitfield, said": the name between the commas is the speaker.
        if m.kind == MentionKind::Nominal
            && let Some(mut named) = np
                .forward(k + 1, j)
                .filter(|n| n.kind == MentionKind::Name && n.last_tok + 1 == j)
        {
            named.descriptor = Some(np.text[m.span.clone()].to_string());
            named.span.start = m.span.start;
            named.first_tok = m.first_tok;
            return Some(named);
        }
        if m.kind == MentionKind::Name && m.descriptor.is_none() {
            let d = np.text[np.toks[k + 1].start..np.toks[j - 1].end].trim();
            m.descriptor = Some(
                d.trim_start_matches("the ")
                    .trim_start_matches("a ")
                    .to_string(),
            );
        }
        return Some(m);
    }
    if let Some(m) = np.subject_backward(j, lo).filter(|m| is_nominative(np, m)) {
        // "Trump in his announcement speech called": a prepositional phrase, not the subject.
        let in_pp = m.kind == MentionKind::Nominal
            && m.first_tok > lo + 1
            && np.is_word(m.first_tok - 1)
            && matches!(
                np.lw(m.first_tok - 1).as_ref(),
                "in" | "at" | "during" | "on" | "after" | "before" | "from"
            );
        if in_pp && let Some(outer) = subject_before(ctx, m.first_tok - 1, lo) {
            return Some(outer);
        }
        // "Trump's comments": a possessive before a noun-like verb is no subject.
        let possessive =
            m.kind == MentionKind::Name && super::np::is_possessive(np.word(m.last_tok));
        return (!possessive).then_some(m);
    }
    subject_nearby(ctx, j + 1, lo)
}

/// The subject at the start of the clause that holds token `j`: after the nearest comma or
/// subordinating word before it (or the sentence's start, after introductory phrases).
fn clause_subject(ctx: &Ctx, j: usize, lo: usize) -> Option<Mention> {
    let np = &ctx.np;
    let opener = (lo..j).rev().find(|&k| {
        np.is_punct(k, ",")
            || np.is_punct(k, ";")
            || np.is_word(k)
                && matches!(
                    np.lw(k).as_ref(),
                    "when"
                        | "while"
                        | "as"
                        | "after"
                        | "before"
                        | "because"
                        | "since"
                        | "although"
                        | "though"
                        | "where"
                        | "whereas"
                )
    });
    let m = match opener {
        Some(k) => np.forward(k + 1, j)?,
        None => sentence_subject(ctx, lo, j)?,
    };
    (matches!(m.kind, MentionKind::Name | MentionKind::Pronoun(_)) && is_nominative(np, &m)
        || is_strong(np, &m))
    .then_some(m)
}

/// "Beck, who has in the past described", "Trump on Saturday tweeted", "he laughed and
/// said": a subject a few words before token `j`, across a short phrase without punctuation.
fn subject_nearby(ctx: &Ctx, j: usize, lo: usize) -> Option<Mention> {
    let np = &ctx.np;
    let mut k = j;
    while k > lo && j - k < limits::NEARBY_SUBJECT_REACH {
        k -= 1;
        let t = np.toks[k];
        if t.kind != Kind::Word && t.kind != Kind::Number {
            break;
        }
        let w = np.lw(k);
        if np.lx.is_reporting_verb(&w) || matches!(w.as_ref(), "that" | "and" | "but" | "or") {
            break;
        }
        let subject_like = matches!(w.as_ref(), "he" | "she" | "they" | "who" | "i" | "we")
            || is_capitalized(np.word(k))
                && !np.lx.is_not_name(&w)
                && !TIME_WORDS.contains(&w.as_ref())
                && !w.ends_with("ly")
                && !super::np::is_possessive(np.word(k));
        if subject_like {
            return np.backward(k, lo).filter(|m| is_nominative(np, m));
        }
    }
    None
}

pub(super) fn is_nominative(np: &Np, m: &Mention) -> bool {
    match m.kind {
        MentionKind::Pronoun(_) => {
            let w = np.text[m.span.clone()].to_lowercase();
            let last = w
                .rsplit(|c: char| !c.is_alphanumeric())
                .find(|s| !s.is_empty())
                .unwrap_or("");
            matches!(last, "he" | "she" | "they" | "it" | "i" | "we" | "who")
        }
        _ => !is_location_phrase(np, m),
    }
}

/// "in Iowa", "the museum in Washington", "Laredo, Texas": a name after a preposition of
/// place, or a place after a comma, says where, not who.
fn is_location_phrase(np: &Np, m: &Mention) -> bool {
    let Some(before) = m.first_tok.checked_sub(1) else {
        return false;
    };
    let after_preposition = np.is_word(before)
        && matches!(
            np.lw(before).as_ref(),
            "in" | "at" | "near" | "from" | "across" | "throughout" | "outside" | "inside"
        );
    if m.kind != MentionKind::Name {
        return false;
    }
    after_preposition
        || np.is_punct(before, ",")
            && m.name
                .as_deref()
                .is_some_and(|n| np.lx.is_place(&n.to_lowercase()))
}

/// The subject of the sentence: after an introductory phrase ("Also the day before, …").
pub(super) fn sentence_subject(ctx: &Ctx, lo: usize, limit: usize) -> Option<Mention> {
    let np = &ctx.np;
    let mut start = lo;
    while start < limit && np.toks[start].kind == Kind::Quote {
        start += 1;
    }
    start = skip_dateline(np, start, limit);
    // Introductory phrases: "Also the day before, …", "Minutes later, …", "At a rally in
    // Portsmouth, N.H., on Tuesday, …" — segments that end in a comma and are not the subject.
    for _ in 0..limits::MAX_INTRO_SEGMENTS {
        if start >= limit {
            return None;
        }
        let Some(comma) = (start..limit)
            .take(limits::INTRO_SEGMENT_REACH)
            .find(|&k| np.is_punct(k, ","))
        else {
            break;
        };
        if !is_intro_segment(np, start, comma) {
            break;
        }
        start = comma + 1;
    }
    let m = np.forward(start, limit)?;
    is_nominative(np, &m).then_some(m)
}

/// "NEW YORK - …", "WASHINGTON, Aug. 24 (UPI) — …": a dateline before the first sentence.
fn skip_dateline(np: &Np, start: usize, limit: usize) -> usize {
    let caps = (start..limit)
        .take_while(|&k| {
            np.is_word(k)
                && np.word(k).chars().all(|c| !c.is_lowercase())
                && np.word(k).chars().any(char::is_alphabetic)
        })
        .count();
    if caps == 0 {
        return start;
    }
    (start + caps..limit.min(start + caps + limits::DATELINE_REACH))
        .find(|&k| ["-", "—", "–"].iter().any(|d| np.is_punct(k, d)))
        .map_or(start, |k| k + 1)
}

/// Whether tokens `start..comma` are an introductory phrase rather than the subject.
fn is_intro_segment(np: &Np, start: usize, comma: usize) -> bool {
    if !np.is_word(start) {
        return np.is_punct(start, "(");
    }
    let w = np.lw(start);
    if np.lx.is_intro_word(&w)
        || (w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly"))
            && is_capitalized(np.word(start))
    {
        return true;
    }
    if TIME_WORDS.contains(&w.as_ref()) {
        return true;
    }
    // "Trump, the billionaire, said": a name followed by an appositive is the subject.
    let after_is_appositive = np.is_word(comma + 1)
        && matches!(
            np.lw(comma + 1).as_ref(),
            "the" | "a" | "an" | "who" | "whose" | "which"
        );
    match np.forward(start, comma) {
        Some(m) if m.kind == MentionKind::Name && m.last_tok + 1 == comma => {
            // A place or a state abbreviation ("Portsmouth, N.H.,") is not the subject.
            let name = m.name.as_deref().unwrap_or("");
            !after_is_appositive
                && (np.lx.is_place(&name.to_lowercase())
                    || name.contains('.')
                    || name.chars().count() <= limits::ABBREVIATION_CHARS)
        }
        Some(_) => false,
        None => true,
    }
}

const TIME_WORDS: &[&str] = &[
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "moments",
    "seconds",
    "earlier",
    "later",
    "then",
    "now",
    "today",
    "yesterday",
    "tonight",
];

/// Whether the quotation's sentences hold a reporting verb of their own (then a failed cue is
/// no reason to borrow the previous speaker).
pub fn has_own_cue(ctx: &Ctx, qi: usize) -> bool {
    let first = ctx.sentence_of(ctx.tokens.quote_token[qi]);
    let last = ctx.sentence_of(ctx.last_quote_token(qi));
    (first.start..last.end).any(|t| ctx.cue_at(t).is_some())
}

/// Sieve 5: quoted words inside a narrative sentence ("He voiced a wish for a “strong …
/// Mexico”") belong to the sentence's subject when it is a person, pronoun or role.
pub fn embedding_subject(ctx: &Ctx, qi: usize) -> Option<Found> {
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
    person.then_some(Found {
        mention: m,
        cue: None,
        sieve: Sieve::EmbeddingSubject,
    })
}

/// Sieve 2: "According to X, “…”", "“…,” according to X", "in his words, “…”".
pub fn according_to(ctx: &Ctx, qi: usize) -> Option<Found> {
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
            return Some(Found {
                mention: m,
                cue: Some(ctx.tok_span(i, i + 1)),
                sieve: Sieve::AccordingTo,
            });
        }
        // "As Grint put it, “…”": the phrase names the source like "according to".
        if w == "as"
            && let Some(m) = np.forward(i + 1, ends)
            && np.is_word(m.last_tok + 2)
            && np.lw(m.last_tok + 1) == "put"
            && np.lw(m.last_tok + 2) == "it"
        {
            return Some(Found {
                cue: Some(ctx.tok_span(i, m.last_tok + 2)),
                mention: m,
                sieve: Sieve::AccordingTo,
            });
        }
        // "in his words", "in the words of X"
        if w == "in" && i + 2 < ends && np.is_word(i + 2) && np.lw(i + 2) == "words" {
            if let Some(kind) = np.lx.pronoun(&np.lw(i + 1)) {
                let mut m = np.forward(i + 1, i + 2)?;
                m.kind = MentionKind::Pronoun(kind);
                return Some(Found {
                    mention: m,
                    cue: Some(ctx.tok_span(i, i + 2)),
                    sieve: Sieve::AccordingTo,
                });
            }
            if np.lw(i + 1) == "the" && np.is_word(i + 3) && np.lw(i + 3) == "of" {
                let m = np.forward(i + 4, ends)?;
                return Some(Found {
                    mention: m,
                    cue: Some(ctx.tok_span(i, i + 3)),
                    sieve: Sieve::AccordingTo,
                });
            }
        }
    }
    None
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
        return matches!(s.kind, MentionKind::Name | MentionKind::Pronoun(_)).then(|| Found {
            cue: Some(ctx.tok_span(colon, colon)),
            mention: s,
            sieve: Sieve::BlockLine,
        });
    }
    let named = m.kind == MentionKind::Name
        || matches!(m.kind, MentionKind::Pronoun(_)) && is_nominative(np, &m);
    (named || m.kind == MentionKind::Nominal && is_strong(np, &m)).then(|| Found {
        cue: Some(ctx.tok_span(colon, colon)),
        mention: m,
        sieve: Sieve::BlockLine,
    })
}

/// Sieve 3: a paragraph ending in ':' names the speaker of the quotation that opens the next
/// paragraph: "Pavel Danilin, political analyst (Moscow):" or "Cruz continued:".
pub fn block_line(ctx: &Ctx, qi: usize) -> Option<Found> {
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
            return Some(Found {
                mention: m,
                cue: Some(cue),
                sieve: Sieve::BlockLine,
            });
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
    (m.kind == MentionKind::Name && plausible).then(|| Found {
        cue: Some(ctx.tok_span(prev.end - 1, prev.end - 1)),
        mention: m,
        sieve: Sieve::BlockLine,
    })
}
