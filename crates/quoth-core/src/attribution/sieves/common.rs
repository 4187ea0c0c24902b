//! What the sieves share: the context they read ([`Ctx`]), cues, and the subjects of verbs and
//! sentences.

use super::super::lexicon::Gender;
use super::super::lexicon::word_set;
use super::super::limits;
use super::super::np::{self, Mention, MentionKind, Np};
use super::super::quotes::FoundQuote;
use super::super::tokens::{Kind, Tokens};
use super::speech::{
    Complement, holds_finite_verb, is_finite_verb_like, is_preposition, speech_verb,
};
use super::{Found, Sieve};
use crate::text::marks;
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet as HashSet;
use std::cell::{Cell, OnceCell, RefCell};
use std::ops::Range;

/// What every sieve reads: noun phrases over the tokens, the tokens (sentences, paragraphs,
/// the token of each quotation) and the quotations.
pub struct Ctx<'a> {
    pub np: Np<'a>,
    pub tokens: &'a Tokens,
    pub quotes: &'a [FoundQuote],
    /// The words written in lower case somewhere in the text, read once when first asked.
    lower_case_words: OnceCell<HashSet<&'a str>>,
    /// Each word (lower-cased) with the first and last paragraph it is written in, read once
    /// when first asked.
    word_paragraphs: OnceCell<HashMap<&'a str, (u32, u32)>>,
    /// What [`Ctx::cue_at`] found at each token, read when first asked: the sieves ask the
    /// same tokens again and again (every quotation's window, every cue clause).
    cue_tokens: Vec<Cell<CueTokens>>,
    /// The last cue clause read between commas (`speech::cue_between_commas`), asked with the
    /// cue token and its sentence: the before-cue and around-cue sieves (and the clause
    /// sieve's test for an interrupting cue) ask it of the same cue in turn.
    pub(super) between_commas: LastAnswer<(usize, Range<usize>), Option<CommaClause>>,
    /// The last `speech::skip_adverbials` asked (from, end): the clause, wh and relative sieves
    /// step over the same words after one cue.
    pub(super) after_adverbials: LastAnswer<(usize, usize), usize>,
    /// The last `speech::skip_addressee` asked (from, end): the clause sieve asks it twice for
    /// a cue that fails, the request sieve once more.
    pub(super) after_addressee: LastAnswer<(usize, usize), Option<usize>>,
    /// Each token's speech-verb class ([`speech_verb`]), read when first asked: the
    /// reported-speech sieves ask the tokens after every cue.
    speech_classes: Vec<Cell<Option<Option<Complement>>>>,
}

/// A cue clause between commas: the comma that opens it, where it ends, what it names.
pub(super) type CommaClause = (usize, usize, Found);

/// The last answer of a reading asked again with the same arguments: the sieves ask one
/// cue's facts in turn, so one entry, replaced at each new question, is enough.
pub(super) struct LastAnswer<K, V>(RefCell<Option<(K, V)>>);

impl<K: PartialEq, V: Clone> LastAnswer<K, V> {
    fn new() -> Self {
        LastAnswer(RefCell::new(None))
    }
    /// The answer for `key`: the kept one if it was the last asked, else `read()`'s, kept.
    pub(super) fn get_or_read(&self, key: K, read: impl FnOnce() -> V) -> V {
        if let Some((asked, answer)) = self.0.borrow().as_ref()
            && *asked == key
        {
            return answer.clone();
        }
        let answer = read();
        *self.0.borrow_mut() = Some((key, answer.clone()));
        answer
    }
}

/// A token's cue as [`Ctx::cue_at`] reads it: not asked yet, no cue, a verb, or a verb with
/// its particle ("pointed out").
#[derive(Clone, Copy, PartialEq, Eq)]
enum CueTokens {
    Unknown,
    None,
    One,
    Two,
}

impl<'a> Ctx<'a> {
    pub fn new(np: Np<'a>, tokens: &'a Tokens, quotes: &'a [FoundQuote]) -> Self {
        let cue_tokens = vec![Cell::new(CueTokens::Unknown); np.toks.len()];
        let speech_classes = vec![Cell::new(None); np.toks.len()];
        Ctx {
            np,
            tokens,
            quotes,
            lower_case_words: OnceCell::new(),
            word_paragraphs: OnceCell::new(),
            cue_tokens,
            between_commas: LastAnswer::new(),
            after_adverbials: LastAnswer::new(),
            after_addressee: LastAnswer::new(),
            speech_classes,
        }
    }
    /// Whether the word at token `i` (in any case) is written in another paragraph too: a
    /// transcript's "VANE:" is a name the article uses, not a label. One map for the whole
    /// text, so a text of many such lines stays linear.
    pub fn named_in_another_paragraph(&self, i: usize) -> bool {
        let np = &self.np;
        let places = self.word_paragraphs.get_or_init(|| {
            let mut places: HashMap<&str, (u32, u32)> = HashMap::default();
            for k in (0..np.toks.len()).filter(|&k| np.is_word(k)) {
                let para = np.toks[k].para;
                places
                    .entry(np.word_lower(k))
                    .and_modify(|(_, last)| *last = para)
                    .or_insert((para, para));
            }
            places
        });
        let para = np.toks[i].para;
        places
            .get(np.word_lower(i))
            .is_some_and(|&(first, last)| first != para || last != para)
    }
    /// Whether `lower` (a lower-case word) is written in lower case somewhere in the text:
    /// then a capitalised "Good" opening a sentence is that word, not a name.
    pub fn is_written_lower_case(&self, lower: &str) -> bool {
        let np = &self.np;
        self.lower_case_words
            .get_or_init(|| {
                (0..np.toks.len())
                    .filter(|&i| np.is_word(i) && !np.is_cap(i))
                    .map(|i| np.word(i))
                    .collect()
            })
            .contains(lower)
    }
}

impl Ctx<'_> {
    /// The bytes from token `a` to token `b`, both included.
    pub(super) fn tok_span(&self, a: usize, b: usize) -> Range<usize> {
        self.np.toks[a].start..self.np.toks[b].end
    }
    /// The tokens of the sentence that holds token `t`.
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
    pub(super) fn cue_at(&self, i: usize) -> Option<Range<usize>> {
        let memo = self.cue_tokens.get(i)?;
        let tokens = match memo.get() {
            CueTokens::Unknown => {
                let read = self.read_cue_at(i);
                memo.set(read);
                read
            }
            known => known,
        };
        match tokens {
            CueTokens::One => Some(self.tok_span(i, i)),
            CueTokens::Two => Some(self.tok_span(i, i + 1)),
            CueTokens::None | CueTokens::Unknown => None,
        }
    }
    /// The speech-verb class of the word at token `k` ([`speech_verb`] of its lower case).
    pub(super) fn speech_verb_at(&self, k: usize) -> Option<Complement> {
        let memo = self.speech_classes.get(k)?;
        if let Some(class) = memo.get() {
            return class;
        }
        let class = speech_verb(self.np.word_lower(k));
        memo.set(Some(class));
        class
    }
    /// What [`Ctx::cue_at`] finds at token `i`, read from the words.
    fn read_cue_at(&self, i: usize) -> CueTokens {
        if !self.np.is_word(i) {
            return CueTokens::None;
        }
        if self.np.is_cap(i) && !self.opens_with_participle(i) {
            // Verbs are never capitalised mid-sentence: "The Washington Post", "United States".
            return CueTokens::None;
        }
        let w = self.np.lw(i);
        if self.np.lx.is_reporting_verb(&w) {
            return CueTokens::One;
        }
        // "found that", "believes that": cues only with a complement clause.
        if self.np.lx.is_that_verb(&w) && self.np.is_word(i + 1) && self.np.lw(i + 1) == "that" {
            return CueTokens::One;
        }
        let particles = self.np.lx.verb_particles(&w);
        if !particles.is_empty()
            && self.np.is_word(i + 1)
            && particles.contains(&self.np.lw(i + 1).as_ref())
        {
            return CueTokens::Two;
        }
        CueTokens::None
    }
    /// "Calling the plan “a betrayal,” …": a participle that opens its sentence.
    fn opens_with_participle(&self, i: usize) -> bool {
        self.sentence_of(i).start == i && self.np.lw(i).ends_with("ing")
    }
    /// Whether quotation `qi`'s own words end in a comma ("“a betrayal,”"): then the quotation
    /// closes the phrase it stands in, as a comma after it would.
    pub(super) fn quote_ends_with_comma(&self, qi: usize) -> bool {
        self.np.text[self.quotes[qi].span()]
            .trim_end_matches(closing_mark_or_space)
            .ends_with(',')
    }
    /// The last token of the cue at token `i` (its particle, if it has one).
    pub(super) fn cue_end_tok(&self, i: usize) -> usize {
        if self.np.lx.is_reporting_verb(&self.np.lw(i)) {
            i
        } else {
            i + 1
        }
    }
}

/// The marks (and a space) a quotation's words end with before its own punctuation: the closing
/// marks but ’, which these sieves have never stepped over (kept so that moving to the one list
/// changed no attribution; whether ’ should count is a change of its own).
pub(super) fn closing_mark_or_space(c: char) -> bool {
    marks::CLOSING.contains(&c) && c != '’' || c == ' '
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
        let m = subject_before(ctx, j, start)?;
        if starts(&m) {
            m
        } else {
            with_adjectives(np, m, start)?
        }
    };
    let tail_ok = (m.last_tok.max(ctx.cue_end_tok(j)) + 1..end).all(|k| {
        np.toks[k].kind != Kind::Quote
            && !(np.is_word(k)
                && matches!(
                    np.lw(k).as_ref(),
                    "that" | "and" | "but" | "how" | "what" | "whether" | "if"
                ))
    });
    tail_ok.then_some(Found::new(Sieve::AdjacentCue, m, Some(cue)))
}

/// "…, federal officials said.": a plural role without an article, with the lower-case
/// words before it in the cue clause (adjectives: nothing else stands between a comma and
/// the subject of a cue) — the mention widened to start at `start`.
fn with_adjectives(np: &Np, mut m: Mention, start: usize) -> Option<Mention> {
    let plural_role = m.kind == MentionKind::Nominal
        && m.head.as_deref().is_some_and(|h| np.lx.is_plural_role(h));
    let adjectives = m.first_tok > start
        && m.first_tok - start <= limits::MAX_SUBJECT_ADJECTIVES
        && (start..m.first_tok).all(|k| {
            np.is_word(k)
                && !np.is_cap(k)
                && !np::is_function_word(&np.lw(k))
                && !np.lx.is_reporting_verb(&np.lw(k))
        });
    if !(plural_role && adjectives) {
        return None;
    }
    m.span.start = np.toks[start].start;
    m.first_tok = start;
    Some(m)
}

/// A subject that can speak: a name, a pronoun, or a description headed by a role, a
/// document or a group word.
pub(super) fn is_strong(np: &Np, m: &Mention) -> bool {
    match m.kind {
        MentionKind::Name | MentionKind::Pronoun(_) => true,
        MentionKind::Nominal => m.head.as_deref().is_some_and(|h| {
            np.lx.role_noun(h).is_some() || np.lx.is_source_noun(h) || np.lx.is_plural_role(h)
        }),
    }
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
        && !np.is_cap(j)
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
        // "Rep. Ada Brenn (D-Ore.) said": step over the parenthesis.
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
        if let Some(m) = resident_name(np, j, lo) {
            return Some(m);
        }
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
        // Two commas side by side ("Tom Ridge, , said") leave no appositive to read.
        if m.kind == MentionKind::Name && m.descriptor.is_none() && k + 1 < j {
            let d = np.text[np.toks[k + 1].start..np.toks[j - 1].end].trim();
            m.descriptor = Some(
                d.trim_start_matches("the ")
                    .trim_start_matches("a ")
                    .to_string(),
            );
        }
        return Some(m);
    }
    if np.is_word(j) && np.lw(j) == "which" {
        return which_antecedent(np, j, lo);
    }
    if let Some(m) = np.subject_backward(j, lo).filter(|m| is_nominative(np, m)) {
        // "Brenn in her budget speech called": a prepositional phrase, not the subject.
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
        let possessive = m.kind == MentionKind::Name && np::is_possessive(np.word(m.last_tok));
        return (!possessive).then_some(m);
    }
    subject_nearby(ctx, j + 1, lo)
}

/// "a request by the Aldby Gazette, which argued that …": the organisation or document
/// before ", which" speaks (a name that is no place, or a description headed by a source or
/// group word).
fn which_antecedent(np: &Np, which: usize, lo: usize) -> Option<Mention> {
    if which < lo + 2 || !np.is_punct(which - 1, ",") {
        return None;
    }
    let mut m = np.backward(which - 2, lo)?;
    let speaks = match m.kind {
        MentionKind::Name => !names_place(np, &m),
        MentionKind::Nominal => is_strong(np, &m),
        MentionKind::Pronoun(_) => false,
    };
    // The mention reaches "which", as a relative antecedent's reaches "who": the text names
    // the speaker there.
    m.span.end = np.toks[which].end;
    m.last_tok = which;
    speaks.then_some(m)
}

/// The subject at the start of the clause that holds token `j`: after the nearest comma or
/// subordinating word before it (or the sentence's start, after introductory phrases).
pub(super) fn clause_subject(ctx: &Ctx, j: usize, lo: usize) -> Option<Mention> {
    let np = &ctx.np;
    // "ORLANDO, Fla. (Reuters) - X met … and said": a dateline's comma opens no clause.
    let from = skip_dateline(np, lo, j);
    let opener = (from..j).rev().find(|&k| {
        np.is_punct(k, ",")
            || np.is_punct(k, ";")
            || np.is_word(k)
                && match np.lw(k).as_ref() {
                    "when" | "while" | "because" | "although" | "though" | "where" | "whereas" => {
                        true
                    }
                    // "went after the council and said": these are prepositions too; they
                    // open a clause only where a verb follows.
                    "as" | "after" | "before" | "since" => holds_finite_verb(ctx, k + 1, j),
                    _ => false,
                }
    });
    let m = match opener {
        Some(k) => np.forward(k + 1, j)?,
        None => sentence_subject(ctx, lo, j)?,
    };
    (matches!(m.kind, MentionKind::Name | MentionKind::Pronoun(_)) && is_nominative(np, &m)
        || is_strong(np, &m))
    .then_some(m)
}

/// "Lind, who has often described", "the mayor on Saturday wrote", "he laughed and
/// said": a subject a few words before token `j`, across a short phrase without punctuation.
pub(super) fn subject_nearby(ctx: &Ctx, j: usize, lo: usize) -> Option<Mention> {
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
            || np.is_cap(k)
                && !np.lx.is_not_name(&w)
                && !is_time_span_word(w.as_ref())
                && !w.ends_with("ly")
                && !np::is_possessive(np.word(k));
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
    let place = names_place(np, m);
    // "drafted with help from Tomas Perel, who said": "who" stands for a person, wherever
    // the name stands — a name with a known given name, not a place the gazetteer lacks ("a
    // nurse from Aldby, who said", "a professor in North Westria, who said").
    let person_before_who = np.lw(m.last_tok) == "who"
        && !place
        && m.gender != Gender::Unknown
        && !in_appositive(np, before);
    after_preposition && !person_before_who
        || np.is_punct(before, ",") && (place || is_abbreviated_region(np, m))
}

/// "Marta Quell, 41, of Dunmore, Ont., says": a person with an age and a home town between
/// commas before the verb. Read back from the comma at `comma` over the places to the age; the
/// name before the age speaks, not the town.
fn resident_name(np: &Np, comma: usize, lo: usize) -> Option<Mention> {
    let mut end = comma;
    for segment in 0..limits::RESIDENT_SEGMENTS {
        let open = (lo..end)
            .rev()
            .take(limits::APPOSITIVE_REACH)
            .find(|&k| np.is_punct(k, ","))?;
        // "Lorena Ayavire, 36, of Toconao, who drives a bus, said": a relative clause on the
        // person may stand last.
        if segment == 0 && np.is_word(open + 1) && np.lw(open + 1) == "who" {
            end = open;
            continue;
        }
        if is_age(np, open + 1, end) {
            return np
                .backward(open.checked_sub(1)?, lo)
                .filter(|m| m.kind == MentionKind::Name && m.last_tok + 1 == open);
        }
        if !is_home_place(np, open + 1, end) {
            return None;
        }
        end = open;
    }
    None
}

/// Whether tokens `a..b` are a person's age alone ("41").
fn is_age(np: &Np, a: usize, b: usize) -> bool {
    b == a + 1
        && np.is_number(a)
        && np
            .word(a)
            .parse::<u32>()
            .is_ok_and(|n| (limits::MIN_AGE..=limits::MAX_AGE).contains(&n))
}

/// Whether tokens `a..b` name a home town or its state: capitalised words and abbreviation
/// stops, after "of" or "from" or alone ("of Dunmore", "Ont.", "New South Wales").
fn is_home_place(np: &Np, a: usize, b: usize) -> bool {
    let first = if np.is_word(a) && matches!(np.lw(a).as_ref(), "of" | "from") {
        a + 1
    } else {
        a
    };
    first < b
        && b - first <= limits::HOME_PLACE_WORDS
        && (first..b).all(|k| np.is_word(k) && np.is_cap(k) || np.is_punct(k, "."))
}

/// Whether a name mention names a place the gazetteer knows.
fn names_place(np: &Np, m: &Mention) -> bool {
    m.name
        .as_deref()
        .is_some_and(|n| np.lx.is_place(&n.to_lowercase()))
}

/// Whether token `k` stands in an appositive ("Ada Brenn, the leader of the council in
/// Norland, who …": "who" is Ada Brenn, not Norland): a comma shortly before it, after which
/// a determiner opens a description.
fn in_appositive(np: &Np, k: usize) -> bool {
    (k.saturating_sub(limits::APPOSITIVE_REACH)..k)
        .rev()
        .take_while(|&j| !np.is_punct(j, "."))
        .find(|&j| np.is_punct(j, ","))
        .is_some_and(|c| np.is_word(c + 1) && np::is_determiner_word(&np.lw(c + 1)))
}

/// "San Bernardino, Calif., …", "Aspen, Colo., …": one capitalised word with a full stop
/// and then a comma, after a comma, is a state's or region's abbreviation.
fn is_abbreviated_region(np: &Np, m: &Mention) -> bool {
    let dot = m.last_tok + 1;
    m.first_tok == m.last_tok
        && np.is_punct(dot, ".")
        && (np.is_punct(dot + 1, ",") || dot + 1 >= np.toks.len())
}

/// The subject of the sentence: after an introductory phrase ("Also the day before, …").
pub(super) fn sentence_subject(ctx: &Ctx, lo: usize, limit: usize) -> Option<Mention> {
    let np = &ctx.np;
    let start = subject_start(ctx, lo, limit)?;
    if let Some(m) = possessed_subject(np, start, limit) {
        return Some(m);
    }
    let m = np.forward(start, limit)?;
    is_nominative(np, &m).then_some(m)
}

/// Where the sentence's subject starts, before token `limit`: after quotations, a dateline and
/// introductory phrases; `None` when nothing is left.
pub(super) fn subject_start(ctx: &Ctx, lo: usize, limit: usize) -> Option<usize> {
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
    (start < limit).then_some(start)
}

/// "Elmsby's harbour master, Tomas Verhoek, said …", "Norway's largest ferry operator, Brenna
/// Lines, voiced …", "Sweden's central bank ended …": a subject that opens with a possessive
/// name. The possessor does not speak; what it owns does: the name in the appositive after it,
/// or the phrase itself when its head is a role or an organisation. A document ("the mayor's
/// letter said") is left to the possessor, who wrote it.
fn possessed_subject(np: &Np, start: usize, limit: usize) -> Option<Mention> {
    let owner = (start..limit.min(start + limits::POSSESSOR_WORDS))
        .take_while(|&k| np.is_word(k) && np.is_cap(k))
        .find(|&k| np::is_possessive(np.word(k)))?;
    // The phrase it owns: lower-case words up to a comma or a verb ("largest ferry operator").
    let end = (owner + 1..limit.min(owner + 1 + limits::POSSESSED_WORDS))
        .take_while(|&k| {
            np.is_word(k) && !np.is_cap(k) && {
                let w = np.lw(k);
                !is_finite_verb_like(&w)
                    && speech_verb(&w).is_none()
                    && !is_preposition(w.as_ref())
                    && !np.lx.is_adverb(&w)
            }
        })
        .last()?;
    if np.is_punct(end + 1, ",") {
        let named = np
            .forward(end + 2, limit)
            .filter(|m| m.kind == MentionKind::Name && is_nominative(np, m));
        let closed = |m: &Mention| {
            np.is_punct(m.last_tok + 1, ",")
                || np.is_word(m.last_tok + 1) && !np.is_cap(m.last_tok + 1)
        };
        if let Some(mut m) = named.filter(closed) {
            let descriptor = np.text[np.toks[start].start..np.toks[end].end].to_string();
            m.descriptor.get_or_insert(descriptor);
            return Some(m);
        }
    }
    let head = np.lw(end);
    let speaks =
        np.lx.role_noun(&head).is_some() || np.lx.is_plural_role(&head) || np.lx.is_org_word(&head);
    let followed = np.is_punct(end + 1, ",") || np.is_word(end + 1);
    (speaks && followed).then(|| np.description(start, end, end))
}

/// "NEW YORK - …", "WASHINGTON, Aug. 24 (UPI) — …": a dateline before the first sentence.
pub(super) fn skip_dateline(np: &Np, start: usize, limit: usize) -> usize {
    let caps = (start..limit)
        .take_while(|&k| {
            np.is_word(k)
                && np.word(k).chars().all(|c| !c.is_lowercase())
                && np.word(k).chars().any(char::is_alphabetic)
        })
        .count();
    if caps == 0 {
        return agency_dateline(np, start, limit).unwrap_or(start);
    }
    (start + caps..limit.min(start + caps + limits::DATELINE_REACH))
        .find(|&k| np.is_dash(k))
        .map_or(start, |k| k + 1)
}

/// "Washington (AFP) – …": a place in title case, a news agency in capitals between
/// brackets and a dash; the token after the dash.
fn agency_dateline(np: &Np, start: usize, limit: usize) -> Option<usize> {
    let open = (start..limit)
        .take(limits::DATELINE_REACH)
        .take_while(|&k| np.is_word(k) && np.is_cap(k) || np.is_punct(k, "("))
        .find(|&k| np.is_punct(k, "("))?;
    let agency = open + 1;
    let all_caps = |k: usize| {
        np.is_word(k)
            && np
                .word(k)
                .chars()
                .all(|c| c.is_uppercase() || !c.is_alphabetic())
    };
    let dash = agency + 2;
    (open > start && all_caps(agency) && np.is_punct(agency + 1, ")") && np.is_dash(dash))
        .then_some(dash + 1)
}

/// Whether tokens `start..comma` are an introductory phrase rather than the subject.
fn is_intro_segment(np: &Np, start: usize, comma: usize) -> bool {
    if !np.is_word(start) {
        return np.is_punct(start, "(");
    }
    let w = np.lw(start);
    if np.lx.is_intro_word(&w)
        || (w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly")) && np.is_cap(start)
    {
        return true;
    }
    if is_time_span_word(w.as_ref()) || is_time_phrase(np, start, comma) {
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

/// "Two weeks later,", "Three days ago,", "10 years earlier,": a count of time units that ends
/// in a word placing it in time says when, not who.
fn is_time_phrase(np: &Np, start: usize, comma: usize) -> bool {
    let last = comma - 1;
    let placed = last > start
        && np.is_word(last)
        && matches!(
            np.lw(last).as_ref(),
            "later" | "earlier" | "ago" | "before" | "after"
        );
    placed && (start..last).all(|k| np.is_number(k) || np.is_word(k))
}

word_set!(
    /// Words of time that open or make a phrase of time, not a name ("Minutes later, …",
    /// "Today, …").
    fn is_time_span_word,
    "minutes", "hours", "days", "weeks", "months", "years", "moments", "seconds",
    "earlier", "later", "then", "now", "today", "yesterday", "tonight",
);

/// Whether the quotation's sentences hold a reporting verb of their own (then a failed cue is
/// no reason to borrow the previous speaker).
pub(super) fn has_own_cue(ctx: &Ctx, qi: usize) -> bool {
    let first = ctx.sentence_of(ctx.tokens.quote_token[qi]);
    let last = ctx.sentence_of(ctx.last_quote_token(qi));
    (first.start..last.end).any(|t| ctx.cue_at(t).is_some())
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::reported;

    fn speakers(text: &str) -> Vec<Option<String>> {
        reported(text).into_iter().map(|r| r.1).collect()
    }

    #[test]
    fn a_possessive_opening_the_subject_does_not_speak() {
        for (t, speaker) in [
            (
                "Elmsby's harbour master, Tomas Verhoek, a veteran sailor, said on Monday that \
                 he backed the plan, but cautioned that the boats were old.",
                "Tomas Verhoek",
            ),
            (
                "Norway's largest ferry operator, Brenna Lines, voiced support for the plan on \
                 Tuesday, saying it would add two boats.",
                "Brenna Lines",
            ),
            (
                "Sweden's central bank ended its meeting on Friday by announcing it would keep \
                 rates unchanged.",
                "Sweden's central bank",
            ),
        ] {
            let got = speakers(t);
            assert!(!got.is_empty(), "{t}");
            assert!(
                got.iter().all(|s| s.as_deref() == Some(speaker)),
                "{t}: {got:?}"
            );
        }
    }

    #[test]
    fn a_possessor_still_writes_its_documents() {
        // Must not fire: the letter is the possessor's, and a lone name is no possessive.
        let got = speakers(
            "Ada Brenn's letter reached the council on Monday, saying the plan was sound.",
        );
        assert_eq!(got, [Some("Ada Brenn".to_string())]);
    }

    #[test]
    fn a_time_phrase_before_the_verb_is_no_part_of_the_subject() {
        let got = speakers(
            "Brenna Lines, the ferry operator, this past week announced the creation of a new \
             route.",
        );
        assert_eq!(got, [Some("Brenna Lines".to_string())]);
    }

    #[test]
    fn a_role_then_a_name_after_a_determiner_is_the_name() {
        // "Post" is a capitalised word of a title here, not the verb "post".
        let got = speakers(
            "The Harbour Post columnist Ada Brenn has been critical of Mr. Verhoek but on \
             Tuesday wrote that she agreed with him.",
        );
        assert_eq!(got, [Some("Ada Brenn".to_string())]);
    }

    #[test]
    fn an_indefinite_description_is_nobody_named_before() {
        // Must not fire: "a … spokesman" is not the person the story named before.
        let got = speakers(
            "The Harbour Board said on Friday that files were found on the server Ada Brenn \
             used while leading the board.\n\nThe files were sent by Brenn, according to a State \
             Harbour Board spokesman.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_ne!(got[1].as_deref(), Some("Ada Brenn"));
    }

    #[test]
    fn a_second_verb_after_a_prepositional_phrase_is_the_subjects() {
        for t in [
            "Ada Brenn went after the council and said the mayor should resign.",
            "Likewise, Ada Brenn went after the council and called for the mayor to resign.",
        ] {
            assert_eq!(speakers(t), [Some("Ada Brenn".to_string())], "{t}");
        }
        // A dateline's comma opens no clause.
        let got = speakers(
            "Verhoek: Ferry Victims Want Change, Not Talk.\n\nELMSBY, Ore. (Reuters) - Mayor Tomas \
             Verhoek met survivors of the ferry fire and relatives of the 12 people killed on \
             Thursday and said the port must reopen.",
        );
        assert_eq!(
            got.last(),
            Some(&Some("Tomas Verhoek".to_string())),
            "{got:?}"
        );
        // A subordinate clause with its own verb still opens the clause of the second verb.
        let got = speakers(
            "The vote failed as the harbour pilots walked out and said the mayor had lied.",
        );
        assert_eq!(got, [Some("the harbour pilots".to_string())]);
    }

    #[test]
    fn a_cue_whose_quotation_opens_the_sentence_reports_nothing_after_it() {
        for t in [
            "\"We will win,\" Brenn told reporters as she left the meeting beside the mayor.",
            "\"It has been calm,\" Brenn said 30 minutes into the meeting.",
            "\"The staff agree,\" Verhoek told the crowd, his voice drowned out by boos.",
            "\"Why now?\" Verhoek asked the board as he worked on the speech.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
        // Must not fire: a clause of its own after the quotation, a participle, and a quotation
        // inside another clause.
        for t in [
            "\"We will win,\" Brenn said, and Verhoek said the vote would be close.",
            "\"We will win,\" Brenn said, adding that the vote would be close.",
            "Although Brenn had \"known him for years,\" she said they had never met.",
        ] {
            assert_eq!(reported(t).len(), 1, "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn a_dateline_with_a_given_name_in_it_is_nobody() {
        let got = speakers(
            "SANTA MARIA DEL RIO, Norland — The ferry will run again by May, the transport \
             minister said on Monday.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_ne!(got[0].as_deref(), Some("SANTA MARIA DEL RIO"));
    }

    #[test]
    fn a_place_before_a_closing_cue_clause_has_no_appositive() {
        // Must not fire: "the ferry maker" is the cue's subject, not a description of Kelby.
        let got = speakers(
            "BERGEN (Reuters) — Norvik Marine will cut 300 jobs and close its yard in Kelby, the \
             family-owned ferry maker said on Wednesday.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_ne!(got[0].as_deref(), Some("Kelby"));
    }

    #[test]
    fn a_name_with_an_age_and_home_town_speaks_not_the_town() {
        let got = speakers("Marta Quell, 41, of Dunmore, Ont., says she waits an hour each day.");
        assert_eq!(got, [Some("Marta Quell".to_string())]);
        let got = speakers(
            "Marta Quell, 41, of Dunmore, who drives a ferry for the port, said the pay was low.",
        );
        assert_eq!(got, [Some("Marta Quell".to_string())]);
        // Must not fire: a count between commas is no age.
        let got = speakers("Brenna Lines, 1200, of Dunmore, Ont., says the crossing will reopen.");
        assert!(
            got.iter().all(|s| s.as_deref() != Some("Brenna Lines")),
            "{got:?}"
        );
    }
}
