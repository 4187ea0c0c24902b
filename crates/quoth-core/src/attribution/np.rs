//! Noun phrases that can name a speaker: names ("Senator Chris Coons"), pronouns ("he"),
//! and descriptions ("the navy rear admiral", "an editorial in Norway's The Harbour Post").
//!
//! Phrases are read from tokens either backwards from a reporting verb ("X said") or forwards
//! from it ("said X"); neither direction needs a part-of-speech tagger.

use super::lexicon::word_set;
use super::lexicon::{self, Gender, Lexicon, PronounKind};
use super::limits;
use super::tokens::{Kind, Token, Tokens, is_capitalized, is_one_char};
use std::cell::Cell;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub enum MentionKind {
    /// A proper name; `Mention::name` holds it without titles.
    Name,
    Pronoun(PronounKind),
    /// A description: `head` is its main noun ("president", "spokesman", "headline").
    Nominal,
}

#[derive(Debug, Clone)]
pub struct Mention {
    /// Byte span of the whole phrase as written.
    pub span: Range<usize>,
    pub kind: MentionKind,
    /// The name without titles or possessive ("Sergei Naev").
    pub name: Option<String>,
    pub gender: Gender,
    /// The head noun of a description, lower case.
    pub head: Option<String>,
    /// Lower-cased modifiers of a description ("russian" in "the Russian President").
    pub modifiers: Vec<String>,
    /// A title or role written with the name ("U.S. State Department spokesman").
    pub descriptor: Option<String>,
    /// A named organisation inside a description ("The Guardian" in "a headline in …").
    pub org: Option<String>,
    pub first_tok: usize,
    pub last_tok: usize,
}

word_set!(
    pub(crate) fn is_determiner_word,
    "the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those", "one",
    "another", "some", "many", "several", "two", "three", "four", "both", "each", "every", "any",
    "my", "your", "other", "most", "few", "all",
);
word_set!(
    /// Words that never head a noun phrase.
    pub(crate) fn is_function_word,
    "and", "or", "but", "nor", "that", "which", "who", "whom", "whose", "then", "than", "if",
    "when", "while", "because", "so", "as", "to", "of", "in", "on", "at", "by", "for", "with",
    "from", "into", "about", "not", "also", "has", "have", "had", "was", "were", "is", "are", "be",
    "been", "will", "would", "could", "should", "can", "may", "might", "must", "did", "do", "does",
    "there", "here", "where", "what", "how", "why", "said", "says",
);
word_set!(
    /// Words that stand for a group of people as a subject: "most said", "others argue".
    fn is_quantifier,
    "most", "many", "some", "others", "several", "both", "all", "few", "one", "another", "none",
);
word_set!(
    fn is_preposition_word,
    "of", "for", "at", "from", "with", "in", "to", "on", "inside",
);
word_set!(
    fn is_name_particle,
    "de", "van", "von", "der", "da", "di", "du", "la", "le", "al", "bin", "del", "dos", "el",
);

pub struct Np<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// Token ranges of the paragraphs.
    pub paras: &'a [Range<usize>],
    pub lx: &'static Lexicon,
    /// Per token, what the phrase readers ask of it most: whether it is capitalised (`CAP`,
    /// set in `new`) and whether it can be part of a name (`NAME_WORD`, worked out the first
    /// time it is asked, then `NAME_KNOWN`). Every phrase read around a token asks again.
    facts: Vec<Cell<u8>>,
    /// Each token lower-cased, a slice of the tokens' lower-case copy of the text (cut once
    /// here: `word_lower` is asked millions of times, and cutting a `str` checks both ends).
    lower_words: Vec<&'a str>,
    /// Each token as written, cut once for the same reason.
    words: Vec<&'a str>,
    /// Per paragraph, whether it is a heading (`HEADING`), once worked out (`HEADING_KNOWN`):
    /// entity building and the reported-speech search both ask of every paragraph.
    headings: Vec<Cell<u8>>,
}

/// A word that starts with a capital letter.
const CAP: u8 = 1;
/// A capitalised word that can be part of a name or title (see `name_word_at`).
const NAME_WORD: u8 = 2;
/// `NAME_WORD` has been worked out.
const NAME_KNOWN: u8 = 4;
/// A hyphenated word whose last part is lower case (see `is_compound_modifier`).
const COMPOUND: u8 = 8;
/// `COMPOUND` has been worked out.
const COMPOUND_KNOWN: u8 = 16;
/// A paragraph is a heading.
const HEADING: u8 = 1;
/// `HEADING` has been worked out.
const HEADING_KNOWN: u8 = 2;

impl<'a> Np<'a> {
    /// The phrase reader over the tokens of `text`.
    #[inline(never)]
    pub fn new(text: &'a str, toks: &'a Tokens) -> Np<'a> {
        let facts = toks
            .toks
            .iter()
            .map(|t| Cell::new(if starts_with_capital(text, t) { CAP } else { 0 }))
            .collect();
        let words = toks.toks.iter().map(|t| t.text(text)).collect();
        let lower = toks.lower.as_str();
        let lower_words = toks
            .toks
            .iter()
            .map(|t| {
                let (a, b) = (t.start - toks.lower_base, t.end - toks.lower_base);
                lower.get(a..b).unwrap_or_default()
            })
            .collect();
        Np {
            text,
            toks: &toks.toks,
            paras: &toks.paragraphs,
            lx: Lexicon::get(),
            facts,
            lower_words,
            words,
            headings: vec![Cell::new(0); toks.paragraphs.len()],
        }
    }

    pub fn paragraph_count(&self) -> usize {
        self.paras.len()
    }

    /// A title-case heading ("Ferry Crews And Owners Trade Blame Over Delays"): its
    /// capitalised words are not names.
    pub fn is_heading(&self, p: usize) -> bool {
        match self.headings.get(p).map(Cell::get) {
            Some(known) if known & HEADING_KNOWN != 0 => known & HEADING != 0,
            _ => {
                let heading = self.heading_at(p);
                if let Some(cell) = self.headings.get(p) {
                    cell.set(HEADING_KNOWN | if heading { HEADING } else { 0 });
                }
                heading
            }
        }
    }

    /// Whether paragraph `p` reads as a title-case heading (asked once, by `is_heading`).
    fn heading_at(&self, p: usize) -> bool {
        let range = self.paras[p].clone();
        // Long paragraphs are never headings: answer before reading them (this is asked once
        // per sentence, and a one-paragraph text would otherwise be read once per sentence).
        if range.len() > 40 {
            return false;
        }
        // Headings have no full stop at the end; short sentences do.
        let ends_sentence = range.end > range.start && self.is_punct(range.end - 1, ".");
        if ends_sentence {
            return false;
        }
        // Words of more than three characters, and how many of them are capitalised.
        let (mut long, mut caps) = (0usize, 0usize);
        for i in range.filter(|&i| self.is_word(i)) {
            let w = self.word(i);
            if w.chars().nth(3).is_some() {
                long += 1;
                caps += usize::from(is_capitalized(w));
            }
        }
        long >= 3 && caps * 10 >= long * 7
    }

    /// Token `i`'s text ("" past the end: callers look ahead freely).
    pub fn word(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or_default()
    }
    /// Token `i` lower-cased ("" past the end).
    pub fn lw(&self, i: usize) -> std::borrow::Cow<'a, str> {
        std::borrow::Cow::Borrowed(self.word_lower(i))
    }
    /// Token `i` lower-cased, borrowed from the text's lower-case copy ("" past the end).
    pub fn word_lower(&self, i: usize) -> &'a str {
        self.lower_words.get(i).copied().unwrap_or_default()
    }
    /// Whether token `i` is the first of its sentence.
    pub fn opens_sentence(&self, i: usize) -> bool {
        i == 0 || self.toks.get(i - 1).map(|t| t.sentence) != self.toks.get(i).map(|t| t.sentence)
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }
    /// A dash standing alone between words: an em dash, an en dash or a hyphen ("ORLANDO -
    /// …", "the port — said …").
    pub fn is_dash(&self, i: usize) -> bool {
        ["—", "–", "-"].iter().any(|d| self.is_punct(i, d))
    }
    /// A number token ("41", "2,766"); past the last token, none (look-aheads at the end of a
    /// text ask).
    pub fn is_number(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Number)
    }
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct) && self.word(i) == p
    }
    /// A word that starts with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.facts.get(i).is_some_and(|f| f.get() & CAP != 0)
    }
    fn is_determiner(&self, i: usize) -> bool {
        self.is_word(i) && is_determiner_word(self.lw(i).as_ref())
    }
    fn is_preposition(&self, i: usize) -> bool {
        self.is_word(i) && is_preposition_word(self.lw(i).as_ref())
    }
    /// "Mr" followed by "." is one honorific.
    fn honorific_dot(&self, i: usize) -> bool {
        self.is_punct(i, ".")
            && i > 0
            && self.is_word(i - 1)
            && self.lx.honorific(&self.lw(i - 1)).is_some()
    }
    /// The full stop of a middle initial inside a name: "Paul D. Renner", "Donald J. Harlow".
    fn initial_dot(&self, i: usize) -> bool {
        self.is_punct(i, ".")
            && i > 0
            && self.is_cap(i - 1)
            && is_one_char(self.word(i - 1))
            && self.is_name_word(i + 1)
    }
    /// A capitalised word that can be part of a name or title.
    // Inlined: it is asked about 200,000 times in the training articles, nearly always of a
    // word whose answer is known; only the first answer per token is worked out (out of line).
    #[inline]
    fn is_name_word(&self, i: usize) -> bool {
        let Some(fact) = self.facts.get(i) else {
            return false;
        };
        let f = fact.get();
        if f & CAP == 0 {
            return false;
        }
        if f & NAME_KNOWN == 0 {
            return self.learn_name_word(i, fact);
        }
        f & NAME_WORD != 0
    }
    /// Works out `is_name_word` for token `i` the first time it is asked, and keeps it in the
    /// token's `fact`.
    #[inline(never)]
    fn learn_name_word(&self, i: usize, fact: &Cell<u8>) -> bool {
        let name_word = if self.name_word_at(i) { NAME_WORD } else { 0 };
        // Re-read: working it out may have cached other facts of this token.
        fact.set(fact.get() | NAME_KNOWN | name_word);
        name_word != 0
    }
    /// Whether the capitalised word at `i` can be part of a name or title (asked once per
    /// token, by `is_name_word`).
    fn name_word_at(&self, i: usize) -> bool {
        let w = self.lw(i);
        if w == "the" {
            // A capital "The" mid-sentence starts a title: "Britain's The Guardian".
            return i > 0
                && self.toks[i - 1].sentence == self.toks[i].sentence
                && self.toks[i - 1].kind == Kind::Word
                && self.is_cap(i + 1);
        }
        // "Orlando-based", "TV-friendly": a compound whose last part is lower case modifies a
        // noun; names capitalise every part ("Ruiz-Molina").
        if self.is_compound_modifier(i) {
            return false;
        }
        // "There's", "It's": a function word with a contraction is no name either.
        let bare = strip_possessive(&w);
        !self.lx.is_not_name(bare) || self.lx.honorific(&w).is_some()
    }
    /// "Orlando-based", "TV-friendly": a hyphenated word whose last part is lower case.
    // Asked of the first word of every phrase read forwards, and again while deciding whether
    // it can be part of a name: worked out once per token (out of line), then answered here.
    #[inline]
    fn is_compound_modifier(&self, i: usize) -> bool {
        let Some(fact) = self.facts.get(i) else {
            return false;
        };
        let f = fact.get();
        if f & COMPOUND_KNOWN != 0 {
            return f & COMPOUND != 0;
        }
        self.learn_compound_modifier(i, fact)
    }
    /// Works out `is_compound_modifier` for token `i` the first time it is asked, and keeps it
    /// in the token's `fact`.
    #[inline(never)]
    fn learn_compound_modifier(&self, i: usize, fact: &Cell<u8>) -> bool {
        let compound = self.is_word(i) && {
            let w = self.word(i);
            let last = last_part(w);
            last.len() < w.len() && last.starts_with(char::is_lowercase)
        };
        fact.set(fact.get() | COMPOUND_KNOWN | if compound { COMPOUND } else { 0 });
        compound
    }
    fn is_pronoun(&self, i: usize) -> Option<PronounKind> {
        if !self.is_word(i) {
            return None;
        }
        self.lx.pronoun(&self.lw(i))
    }

    fn pronoun_mention(&self, i: usize, kind: PronounKind) -> Mention {
        let gender = match kind {
            PronounKind::Male => Gender::Male,
            PronounKind::Female => Gender::Female,
            _ => Gender::Unknown,
        };
        Mention {
            span: self.toks[i].start..self.toks[i].end,
            kind: MentionKind::Pronoun(kind),
            name: None,
            gender,
            head: None,
            modifiers: vec![],
            descriptor: None,
            org: None,
            first_tok: i,
            last_tok: i,
        }
    }

    /// The noun phrase that ends at token `end`, not reaching before token `lo`.
    pub fn backward(&self, end: usize, lo: usize) -> Option<Mention> {
        self.backward_impl(end, lo, false)
    }

    /// The subject of a reporting verb that follows token `end`: any description is accepted
    /// ("the heckler yelled", "most said"), since the verb vouches for it.
    pub fn subject_backward(&self, end: usize, lo: usize) -> Option<Mention> {
        self.backward_impl(end, lo, true)
    }

    fn backward_impl(&self, end: usize, lo: usize, lenient: bool) -> Option<Mention> {
        if end < lo || end >= self.toks.len() {
            return None;
        }
        if let Some(kind) = self.is_pronoun(end) {
            if self.lw(end) == "who" {
                return self.relative_antecedent(end, lo);
            }
            return Some(self.pronoun_mention(end, kind));
        }
        let mut m = if self.is_name_word(end)
            || (self.is_punct(end, ".") && self.is_cap(end.saturating_sub(1)))
        {
            self.name_backward(end, lo)?
        } else if self.is_word(end) && (!self.is_cap(end) || lenient) {
            self.nominal_backward(end, lo, lenient)?
        } else {
            return None;
        };
        // "a spokesman for the State Department": a role noun with a prepositional phrase
        // (the lower-case article before the name belongs to the phrase).
        let pp_object = if m.first_tok > lo && self.word(m.first_tok - 1) == "the" {
            m.first_tok - 1
        } else {
            m.first_tok
        };
        if pp_object >= lo + 2
            && self.is_preposition(pp_object - 1)
            && let Some(outer) = self.nominal_backward(pp_object - 2, lo, false)
        {
            let role = outer
                .head
                .as_deref()
                .is_some_and(|h| self.is_role_or_source(h));
            if role {
                let org = m.name.clone().or(m.org.clone());
                return Some(Mention {
                    span: outer.span.start..m.span.end,
                    org,
                    last_tok: m.last_tok,
                    ..outer
                });
            }
        }
        if m.kind == MentionKind::Name {
            self.add_premodifier_descriptor(&mut m, lo);
        }
        Some(m)
    }

    fn is_role_or_source(&self, head: &str) -> bool {
        self.lx.role_noun(head).is_some() || self.lx.is_source_noun(head)
    }

    /// "Trump, who said": the antecedent and the relative pronoun as one mention.
    fn relative_antecedent(&self, who: usize, lo: usize) -> Option<Mention> {
        if who < lo + 1 {
            return None;
        }
        // "Trump, who said" and "someone who conceded".
        let end = if self.is_punct(who - 1, ",") {
            who.checked_sub(2)?
        } else {
            who - 1
        };
        if end < lo {
            return None;
        }
        let mut m = self.subject_backward(end, lo)?;
        m.span.end = self.toks[who].end;
        m.last_tok = who;
        Some(m)
    }

    /// "city water board spokesman Ivo Lind": the words before the name are its role.
    pub fn add_premodifier_descriptor(&self, m: &mut Mention, lo: usize) {
        // The word right before the name must be a role ("manager", "expert", "co-Anchor");
        // before it may stand what the role is of ("Clinton campaign", "election law").
        let role_at = |j: usize| {
            self.is_word(j) && {
                let w = self.lw(j);
                self.lx.role_noun(last_part(&w)).is_some()
            }
        };
        if m.first_tok <= lo {
            return;
        }
        if !role_at(m.first_tok - 1) {
            self.add_title_premodifiers(m, lo);
            return;
        }
        let has_role = true;
        let mut i = m.first_tok - 1;
        while i > lo && m.first_tok - i < 7 {
            let j = i - 1;
            let ok = self.is_name_word(j)
                || self.honorific_dot(j)
                || self.is_word(j)
                    && !self.is_determiner(j)
                    && !self.is_preposition(j)
                    && !is_function_word(self.lw(j).as_ref())
                    && !self.lx.is_reporting_verb(&self.lw(j))
                    && self.lx.pronoun(&self.lw(j)).is_none();
            if !ok {
                break;
            }
            i = j;
        }
        if has_role && i < m.first_tok {
            let start = self.toks[i].start;
            let end = self.toks[m.first_tok - 1].end;
            m.descriptor = Some(self.text[start..end].to_string());
            if let Some(g) = self.lx.role_noun(&self.lw(m.first_tok - 1))
                && m.gender == Gender::Unknown
            {
                m.gender = g;
            }
            // The role is part of how the text names the speaker.
            m.first_tok = i;
            m.span.start = start;
        }
    }

    /// "former Gov. Tad Morrow", "then-Sen. Anne Kolb": lower-case words before a title that
    /// opens the name belong to how the text names the speaker.
    fn add_title_premodifiers(&self, m: &mut Mention, lo: usize) {
        if self.lx.honorific(&self.lw(m.first_tok)).is_none() {
            return;
        }
        let mut i = m.first_tok;
        while i > lo && m.first_tok - i < 3 {
            let j = i - 1;
            let w = self.lw(j);
            let modifier = self.is_word(j)
                && !self.is_cap(j)
                && !self.is_determiner(j)
                && !self.is_preposition(j)
                && !is_function_word(w.as_ref())
                && !self.lx.is_reporting_verb(&w)
                && self.lx.pronoun(&w).is_none()
                && !self.lx.is_adverb(&w);
            if !modifier {
                break;
            }
            i = j;
        }
        if i < m.first_tok {
            let prefix = self.text[self.toks[i].start..self.toks[m.first_tok].start].trim_end();
            m.descriptor = Some(match m.descriptor.take() {
                Some(d) => format!("{prefix} {d}"),
                None => prefix.to_string(),
            });
            m.first_tok = i;
            m.span.start = self.toks[i].start;
        }
    }

    /// A run of capitalised words ending at `end`, read backwards.
    fn name_backward(&self, end: usize, lo: usize) -> Option<Mention> {
        let mut i = end;
        loop {
            if i == lo {
                break;
            }
            let j = i - 1;
            let joins = self.is_name_word(j)
                || self.honorific_dot(j)
                || self.initial_dot(j)
                || (self.is_word(j) && is_name_particle(self.lw(j).as_ref()) && self.is_cap(i))
                || (self.is_word(j)
                    && matches!(self.lw(j).as_ref(), "of" | "the")
                    && (self.is_cap(i) || self.of_the_name(j, i))
                    && j > lo
                    && (self.is_name_word(j - 1)
                        || self.lw(j) == "the"
                            && j > lo
                            && self.is_word(j - 1)
                            && self.lw(j - 1) == "of"));
            if !joins {
                break;
            }
            i = j;
            if end - i > 12 {
                return None;
            }
        }
        // A leading "of"/"the" left over from the loop is not part of the name.
        while i < end
            && self.is_word(i)
            && matches!(self.lw(i).as_ref(), "of" | "the")
            && !self.is_cap(i)
        {
            i += 1;
        }
        let mut m = self.analyze_name_run(i, end)?;
        // "the President of Belarus", "the Russian President": a determiner before a title.
        if m.kind == MentionKind::Nominal && i > lo && self.is_determiner(i - 1) {
            m.first_tok = i - 1;
            m.span.start = self.toks[i - 1].start;
        }
        // A bare capitalised title with no determiner stays a description ("the AFU lieutenant
        // general" is read by nominal_backward).
        Some(m)
    }

    /// "Archbishop Tomas Rek of the Holy Synod": an "of" at `j` before a lower-case "the" at
    /// `i` and a capitalised word joins a name to the body it belongs to.
    fn of_the_name(&self, j: usize, i: usize) -> bool {
        self.lw(j) == "of"
            && self.is_word(i)
            && self.word(i) == "the"
            && i + 1 < self.toks.len()
            && self.is_cap(i + 1)
    }

    /// Splits a run of capitalised tokens `a..=b` into a title and a name:
    /// "Senator Chris Coons", "Secretary of State John Kerry", "Joel Pollak of Breitbart",
    /// "the President of Belarus" (a title only), "Britain's The Guardian".
    pub fn analyze_name_run(&self, a: usize, b: usize) -> Option<Mention> {
        // Most runs read are one word ("Trump", "Ukraine"): read without gathering the run.
        if a == b && self.is_word(a) && self.word(a) != "of" {
            return Some(self.one_word_name(a));
        }
        self.name_run_words(a, b)
    }

    /// What `name_run_words` reads from the one word at `a` (neither a mark nor "of"): a
    /// capitalised honorific ("President") or a title that is no first name ("Senator") is a
    /// title alone; anything else is a name, with the gender of a first name.
    fn one_word_name(&self, a: usize) -> Mention {
        let lw = self.word_lower(a);
        let honorific = self.lx.honorific(lw);
        if let (true, Some(g)) = (self.is_cap(a), honorific) {
            return self.title_mention(Some(a), g, a, a);
        }
        let first_name = self.lx.first_name_gender(lw);
        if first_name.is_none() && (honorific.is_some() || self.lx.role_noun(lw).is_some()) {
            return self.title_mention(Some(a), Gender::Unknown, a, a);
        }
        let word = strip_possessive(self.word(a));
        let mut name = String::with_capacity(word.len() + 1);
        name.push_str(word);
        if self.initial_dot(a + 1) {
            name.push('.');
        }
        Mention {
            span: self.toks[a].start..self.toks[a].end,
            kind: MentionKind::Name,
            name: Some(name),
            gender: first_name.unwrap_or(Gender::Unknown),
            head: None,
            modifiers: vec![],
            descriptor: None,
            org: None,
            first_tok: a,
            last_tok: a,
        }
    }

    /// `analyze_name_run` for any run: its words are gathered, split at "of", and read as
    /// titles, then a name.
    fn name_run_words(&self, a: usize, b: usize) -> Option<Mention> {
        // The word tokens of the run, those after an "of" without a lower-case "the": on the
        // stack for the runs callers read (at most 13 tokens), so no allocation per phrase.
        let mut stack = [0usize; 16];
        let mut heap = Vec::new();
        let buf: &mut [usize] = if b + 1 - a <= stack.len() {
            &mut stack
        } else {
            heap.resize(b + 1 - a, 0);
            &mut heap
        };
        let mut n = 0;
        let mut of_at = None;
        // `a..b + 1` rather than `a..=b`: a half-open range steps with one test.
        for i in (a..b + 1).filter(|&i| self.is_word(i)) {
            if of_at.is_some() && self.word(i) == "the" {
                continue;
            }
            if of_at.is_none() && self.word(i) == "of" {
                of_at = Some(n);
                continue;
            }
            buf[n] = i;
            n += 1;
        }
        let all = &buf[..n];
        if all.is_empty() && of_at.is_none() {
            return None;
        }
        let (pre, post) = all.split_at(of_at.unwrap_or(n));
        let mut gender = Gender::Unknown;
        let mut k = 0;
        while k < pre.len() && self.is_cap(pre[k]) {
            let Some(g) = self.lx.honorific(&self.lw(pre[k])) else {
                break;
            };
            if g != Gender::Unknown {
                gender = g;
            }
            k += 1;
        }
        let span = self.toks[a].start..self.toks[b].end;
        let text_between =
            |from: usize, to: usize| self.text[from..to].trim_end_matches([' ', ',']).to_string();
        // The gender of the name's first word as a first name, when already looked up.
        let mut known_first_name = None;
        let (name_words, descriptor): (&[usize], Option<String>) = if !post.is_empty() {
            if let Some((p, g)) = self.first_name_at(post) {
                known_first_name = Some((post[p], g));
                (
                    &post[p..],
                    Some(text_between(self.toks[a].start, self.toks[post[p]].start)),
                )
            } else if k < pre.len() && (k > 0 || self.first_name_at(pre).is_some()) {
                // "Joel Pollak of Breitbart": a person and an affiliation.
                let title =
                    (k > 0).then(|| text_between(self.toks[a].start, self.toks[pre[k]].start));
                (&pre[k..], title)
            } else if k < pre.len() {
                // "Republic of Belarus", "Bank of America": one name with "of" in it.
                let name = self.text[self.toks[pre[k]].start..self.toks[b].end].to_string();
                return Some(Mention {
                    span: span.clone(),
                    kind: MentionKind::Name,
                    name: Some(name),
                    gender,
                    head: None,
                    modifiers: vec![],
                    descriptor: None,
                    org: None,
                    first_tok: a,
                    last_tok: b,
                });
            } else {
                return Some(self.title_mention(pre.last().copied(), gender, a, b));
            }
        } else {
            let found = self.first_name_at(&pre[k..]);
            let start = found.map_or(k, |(p, _)| k + p);
            if start >= pre.len() {
                return Some(self.title_mention(pre.last().copied(), gender, a, b));
            }
            let last = pre[pre.len() - 1];
            let last_is_title = self.lx.honorific(&self.lw(last)).is_some()
                || self.lx.role_noun(&self.lw(last)).is_some();
            // Read from `start`, a first name is found at once if there was one after `k`.
            if last_is_title && found.is_none() {
                return Some(self.title_mention(Some(last), gender, a, b));
            }
            known_first_name = found.map(|(_, g)| (pre[start], g));
            let title =
                (start > 0).then(|| text_between(self.toks[a].start, self.toks[pre[start]].start));
            (&pre[start..], title)
        };
        // "Britain's The Guardian": after a possessive, the rest is the name.
        let mut name_words = name_words;
        if let Some(p) = name_words[..name_words.len() - 1]
            .iter()
            .rposition(|&w| is_possessive(self.word(w)))
        {
            name_words = &name_words[p + 1..];
        }
        let mut name = String::with_capacity(self.toks[b].end - self.toks[a].start + 1);
        for (n, &w) in name_words.iter().enumerate() {
            if n > 0 {
                name.push(' ');
            }
            name.push_str(strip_possessive(self.word(w)));
            if self.initial_dot(w + 1) {
                name.push('.');
            }
        }
        // The first word was looked up as a first name above when the name starts where one
        // was found (`first_name_at` asks of a word what is asked here: the same list for a
        // word with others after it). A name that starts at its first word with none found
        // there has none.
        let first_name = match known_first_name {
            Some((w, g)) if w == name_words[0] => Some(g),
            _ if known_first_name.is_none() && post.is_empty() && name_words[0] == pre[k] => None,
            _ => self.first_name_gender_at(name_words[0], name_words.len() >= 2),
        };
        if gender == Gender::Unknown
            && let Some(g) = first_name
        {
            gender = g;
        }
        Some(Mention {
            span,
            kind: MentionKind::Name,
            name: Some(name),
            gender,
            head: None,
            modifiers: vec![],
            descriptor,
            org: None,
            first_tok: a,
            last_tok: b,
        })
    }

    /// Where a name starts after a title, among the words `ws`: at a given name with a word
    /// after it, or at a last word that is a given name even alone ("Megyn Kelly" is not
    /// "Kelly", titled "Megyn"). With the gender of that first name, which the name takes.
    fn first_name_at(&self, ws: &[usize]) -> Option<(usize, Gender)> {
        ws.iter().enumerate().find_map(|(i, &w)| {
            let g = self.first_name_gender_at(w, i + 1 < ws.len())?;
            Some((i, g))
        })
    }

    /// The gender of word `w` as a first name: a given name when other name words follow it
    /// (`followed`), a first name even standing alone otherwise.
    #[inline]
    fn first_name_gender_at(&self, w: usize, followed: bool) -> Option<Gender> {
        let lw = self.word_lower(w);
        if followed {
            self.lx.given_name_gender(lw)
        } else {
            self.lx.first_name_gender(lw)
        }
    }

    /// A capitalised title with no name: "President", "the Russian President". Its words are
    /// those of the run `a..=b`; the head is the last word unless given.
    fn title_mention(&self, head: Option<usize>, gender: Gender, a: usize, b: usize) -> Mention {
        let words = || (a..=b).filter(|&i| self.is_word(i));
        let head_i = head.or_else(|| words().next_back()).unwrap_or(b);
        let modifiers = words()
            .filter(|&w| w != head_i && !matches!(self.word(w), "of" | "the"))
            .map(|w| self.lw(w).into_owned())
            .collect();
        Mention {
            span: self.toks[a].start..self.toks[b].end,
            kind: MentionKind::Nominal,
            name: None,
            gender,
            head: Some(self.lw(head_i).into_owned()),
            modifiers,
            descriptor: None,
            org: None,
            first_tok: a,
            last_tok: b,
        }
    }

    /// A description ending in a lower-case noun: "the AFU lieutenant general", "officials".
    fn nominal_backward(&self, end: usize, lo: usize, lenient: bool) -> Option<Mention> {
        let capital_quantifier =
            lenient && self.is_cap(end) && is_quantifier(self.lw(end).as_ref());
        if !self.is_word(end) || self.is_cap(end) && !capital_quantifier {
            return None;
        }
        let head = self.lw(end).into_owned();
        if self.lx.pronoun(&head).is_some()
            || self.lx.is_reporting_verb(&head)
            || is_function_word(head.as_str())
            || !head.chars().any(char::is_alphabetic)
        {
            return None;
        }
        let quantifier = lenient && is_quantifier(head.as_str());
        // "Norlandic senators have vowed": a plural role heads a phrase as the singular does.
        let known_head =
            self.is_role_or_source(&head) || self.lx.is_plural_role(&head) || quantifier;
        let mut i = end;
        let mut det = None;
        while i > lo && end - i < 6 {
            let j = i - 1;
            if self.is_determiner(j) {
                det = Some(j);
                break;
            }
            let ok = self.is_word(j)
                && !self.is_preposition(j)
                && !self.lx.is_reporting_verb(&self.lw(j))
                && self.lx.pronoun(&self.lw(j)).is_none()
                && !matches!(
                    self.lw(j).as_ref(),
                    "and" | "or" | "but" | "that" | "which" | "who" | "as"
                )
                // "The port has hired ten pilots": a noun phrase holds no auxiliary.
                && !lexicon::is_bare_auxiliary(&self.lw(j))
                || self.honorific_dot(j);
            if !ok {
                break;
            }
            i = j;
        }
        let first = match det {
            Some(d) => d,
            None if quantifier => end,
            None if known_head => i,
            None => return None,
        };
        // Without a determiner, keep only the role words and capitalised modifiers next to
        // the head ("Pentagon spokesman"), not whatever verb came before them.
        let first = if det.is_none() {
            let modifiers = (first..=end)
                .rev()
                .take_while(|&k| {
                    k == end
                        || self.is_cap(k)
                        || self.lx.role_noun(&self.lw(k)).is_some()
                        || self.honorific_dot(k)
                })
                .last()
                .unwrap_or(end);
            // "Tarnish coastal engineers": lower-case adjectives between a capitalised
            // opener and the head belong to the phrase when the opener starts it.
            (first..modifiers)
                .rev()
                .take(limits::MAX_INNER_ADJECTIVES + 1)
                .find(|&k| self.is_cap(k))
                .filter(|&k| {
                    // A name or demonym opens it ("Even though people" does not), and the
                    // words between are no verbs ("Brell's memo worried engineers").
                    k == first
                        && self.is_name_word(k)
                        && (k + 1..modifiers)
                            .all(|j| !self.is_cap(j) && !self.lw(j).ends_with("ed"))
                })
                .unwrap_or(modifiers)
        } else {
            first
        };
        if det.is_some() && !known_head && !lenient && !self.lx.is_source_noun(&head) {
            // "the bloodshed said" is not a speaker; keep to people, groups and documents.
            if !self.lx.is_plural_role(&head) {
                return None;
            }
        }
        let modifiers = (first..end)
            .filter(|&k| self.is_word(k) && !self.is_determiner(k))
            .map(|k| self.lw(k).into_owned())
            .collect();
        Some(Mention {
            span: self.toks[first].start..self.toks[end].end,
            kind: MentionKind::Nominal,
            name: None,
            gender: self.lx.role_noun(&head).unwrap_or(Gender::Unknown),
            head: Some(head),
            modifiers,
            descriptor: None,
            org: None,
            first_tok: first,
            last_tok: end,
        })
    }

    /// The noun phrase starting at token `start`, not reaching token `hi`.
    /// A description over tokens `first..=last`, headed by the word at `head` ("a person
    /// familiar with the talks", "26 percent", "reporters"): what the sieves build where they
    /// read a subject or a hearer the phrase readers do not.
    pub fn description(&self, first: usize, last: usize, head: usize) -> Mention {
        Mention {
            span: self.toks[first].start..self.toks[last].end,
            kind: MentionKind::Nominal,
            name: None,
            gender: Gender::Unknown,
            head: Some(self.lw(head).into_owned()),
            modifiers: vec![],
            descriptor: None,
            org: None,
            first_tok: first,
            last_tok: last,
        }
    }

    pub fn forward(&self, start: usize, hi: usize) -> Option<Mention> {
        if start >= hi || start >= self.toks.len() {
            return None;
        }
        if let Some(kind) = self.is_pronoun(start) {
            return Some(self.pronoun_mention(start, kind));
        }
        if let Some(m) = self.role_then_name(start, hi) {
            return Some(m);
        }
        // The capital after `start` first: most phrases read have none there, and whether
        // `start` is a compound is then not worked out.
        if self.is_cap(start + 1)
            && self.is_compound_modifier(start)
            && self.is_name_word(start + 1)
            && let Some(m) = self.name_after_role(start, start + 1, hi)
        {
            // "Harlow-based Tamsin Greer": the modifier describes the name.
            return Some(m);
        }
        if self.is_name_word(start) {
            let e = self.name_run_end(start, hi)?;
            // Read into the value returned (a mention is large to move), and already starting
            // at `start`, as every reading of a run does.
            let mut named = self.analyze_name_run(start, e);
            if let Some(m) = named.as_mut().filter(|m| m.kind == MentionKind::Name) {
                self.add_appositive(m, hi);
            }
            return named;
        }
        let mut m = if self.is_determiner(start) || self.is_word(start) {
            let mut e = start;
            let mut head = None;
            while e < hi
                && self.is_word(e)
                && e - start < 7
                && (e == start || !self.is_preposition(e))
            {
                let w = self.lw(e);
                // "The port has hired ten pilots": an auxiliary ends the noun phrase.
                if e > start
                    && (matches!(w.as_ref(), "and" | "or" | "that" | "who" | "which" | "as")
                        || self.lx.is_reporting_verb(&w) && !self.is_cap(e)
                        || lexicon::is_bare_auxiliary(&w))
                {
                    break;
                }
                if self.is_role_or_source(&w) || self.lx.is_plural_role(&w) {
                    head = Some(e);
                }
                e += 1;
            }
            let e = head?;
            // "The Harbour Post columnist Ada Brenn": a role and then a name; the name is who.
            if self.is_determiner(start)
                && self.is_name_word(e + 1)
                && let Some(named) = self.name_after_role(start, e + 1, hi)
            {
                return Some(named);
            }
            let mut m = self.nominal_backward(e, start, false)?;
            if m.first_tok != start && !self.is_determiner(start) {
                return None;
            }
            if let Some(named) = self.appositive_name(&m, hi) {
                return Some(named);
            }
            // "an editorial in Norway's The Harbour Post", "a spokesman for the ministry". After
            // a document, "of" names what it is about, not who wrote it ("a poll of Norland
            // voters", "a study of hospitals").
            let about = self.lw(e + 1) == "of" && self.lx.role_noun(&self.lw(e)).is_none();
            if self.is_preposition(e + 1) && e + 2 < hi && !about {
                let inner_start = if self.is_determiner(e + 2) && self.is_cap(e + 3) {
                    e + 3
                } else {
                    e + 2
                };
                if let Some(inner) = self.forward(inner_start, hi)
                    && (inner.kind == MentionKind::Name || inner.kind == MentionKind::Nominal)
                {
                    m.org = inner.name.clone().or(inner.org.clone());
                    m.span.end = inner.span.end;
                    m.last_tok = inner.last_tok;
                }
            }
            m
        } else {
            return None;
        };
        // The phrase starts where it was read from: its span and its first token agree (a
        // title resolves only a definite phrase, "the …", not "a State Board spokesman").
        m.span.start = self.toks[start].start.min(m.span.start);
        m.first_tok = m.first_tok.min(start);
        Some(m)
    }

    /// The last token of the run of name words from `start` ("Paul D. Renner", "Bank of
    /// America", "Duke of the Isles"), before `hi`; none past 13 tokens.
    fn name_run_end(&self, start: usize, hi: usize) -> Option<usize> {
        let mut e = start;
        while e + 1 < hi
            && (self.is_name_word(e + 1)
                || self.honorific_dot(e + 1)
                || self.initial_dot(e + 1)
                || (self.is_word(e + 1)
                    && is_name_particle(self.lw(e + 1).as_ref())
                    && self.is_cap(e + 2))
                || (self.is_word(e + 1) && self.lw(e + 1) == "of" && self.is_cap(e + 2))
                || (self.is_word(e + 1)
                    && self.lw(e + 1) == "of"
                    && self.word(e + 2) == "the"
                    && self.is_cap(e + 3))
                || (self.word(e + 1) == "the"
                    && e > start
                    && self.word(e) == "of"
                    && self.is_cap(e + 2)))
        {
            e += 1;
            if e - start > 12 {
                return None;
            }
        }
        Some(e)
    }

    /// A role without a determiner and then a name: "union organizer Sam Lee", "Democratic
    /// pollster Lena Vogt", "former Gov. Tad Morrow". The words before the name become its
    /// descriptor. Runs of capitalised words alone are left to the name reader.
    fn role_then_name(&self, start: usize, hi: usize) -> Option<Mention> {
        // Cheap test first (this runs for most phrases): a capitalised word right after a
        // lower-case one, within reach and before any punctuation.
        let end = hi.min(start + 8);
        let candidate = (start + 1..end)
            .take_while(|&k| self.is_word(k) || self.honorific_dot(k))
            .any(|k| self.is_cap(k) && self.is_word(k - 1) && !self.is_cap(k - 1));
        if !candidate {
            return None;
        }
        // "Dana Whitfield met economist Sam Lee": a person's name first is a subject, not a
        // premodifier.
        if self.is_name_word(start)
            && self.lx.given_name_gender(&self.lw(start)).is_some()
            && self.is_name_word(start + 1)
        {
            return None;
        }
        let mut k = start;
        let mut lower_seen = false;
        let mut cap_seen = false;
        let mut role_before = false;
        while k < hi && k - start < 8 {
            if self.honorific_dot(k) {
                k += 1;
                continue;
            }
            if !self.is_word(k) {
                return None;
            }
            let w = self.lw(k);
            let cap = self.is_cap(k);
            let title = cap && self.lx.honorific(&w).is_some();
            let role = self.lx.role_noun(last_part(&w)).is_some();
            if k > start && lower_seen && cap && !role && self.is_name_word(k) {
                // "harbour master Tomas Okafor": a role the lexicon does not know, followed by
                // a full name that opens with a given name.
                let full_name = !self.is_cap(k - 1)
                    && self.lx.given_name_gender(&w).is_some()
                    && self.is_name_word(k + 1);
                if role_before || title || full_name {
                    return self.name_after_role(start, k, hi);
                }
            }
            // After a capitalised word, lower-case words must read as a role and its modifiers
            // ("Democratic presidential candidate"), not as a verb ("Trump met", "Lee told").
            if cap_seen
                && !cap
                && !role
                && !w.contains('-')
                && !["al", "ic", "ive", "ary", "ian"]
                    .iter()
                    .any(|s| w.ends_with(s))
            {
                return None;
            }
            let stop = is_function_word(w.as_ref())
                || (k > start && self.is_determiner(k))
                || self.is_preposition(k)
                || self.lx.pronoun(&w).is_some()
                || k > start && self.is_cap(k - 1) && self.lx.is_reporting_verb(&w);
            if stop {
                return None;
            }
            lower_seen |= !cap;
            cap_seen |= cap;
            role_before = role || title;
            k += 1;
        }
        None
    }

    /// The name at `name_at` with the words from `start` as its descriptor ("former Gov.
    /// Tad Morrow": the title stays with the name).
    fn name_after_role(&self, start: usize, name_at: usize, hi: usize) -> Option<Mention> {
        let mut m = self.forward(name_at, hi)?;
        if m.kind != MentionKind::Name {
            return None;
        }
        let prefix = self.text[self.toks[start].start..self.toks[name_at].start].trim_end();
        m.descriptor = Some(match m.descriptor.take() {
            Some(d) => format!("{prefix} {d}"),
            None => prefix.to_string(),
        });
        if m.gender == Gender::Unknown
            && let Some(g) = self.lx.role_noun(&self.lw(name_at - 1))
        {
            m.gender = g;
        }
        m.first_tok = start;
        m.span.start = self.toks[start].start;
        Some(m)
    }

    /// "the office's duty forecaster, Lotte Brask.": a role, a comma and a name that closes
    /// the phrase; the name is who the role is.
    fn appositive_name(&self, role: &Mention, hi: usize) -> Option<Mention> {
        let comma = role.last_tok + 1;
        if !self.is_punct(comma, ",") || !self.is_name_word(comma + 1) {
            return None;
        }
        let mut named = self.forward(comma + 1, hi)?;
        let after = named.last_tok + 1;
        let closes = after >= hi
            || self.toks.get(after).is_none_or(|t| t.kind != Kind::Word)
                && !self.is_punct(after, "(");
        if named.kind != MentionKind::Name || !closes {
            return None;
        }
        named.descriptor = Some(self.text[role.span.clone()].to_string());
        named.span.start = role.span.start;
        named.first_tok = role.first_tok;
        Some(named)
    }

    /// The subject after an inverted reporting verb ("said the 46-year-old."): any
    /// description that starts with a determiner and runs to punctuation is accepted.
    pub fn forward_subject(&self, start: usize, hi: usize) -> Option<Mention> {
        if let Some(m) = self.forward(start, hi) {
            return Some(m);
        }
        if !self.is_determiner(start) {
            return None;
        }
        let mut e = start;
        while e + 1 < hi && e - start < 6 && self.is_word(e + 1) && !self.is_preposition(e + 1) {
            e += 1;
        }
        if e == start {
            return None;
        }
        let m = self
            .nominal_backward(e, start, true)
            .filter(|m| m.first_tok == start)?;
        self.appositive_name(&m, hi).or(Some(m))
    }

    /// "Ada Brenn, the former council speaker,": the appositive becomes the descriptor.
    fn add_appositive(&self, m: &mut Mention, hi: usize) {
        let c = m.last_tok + 1;
        if !self.is_punct(c, ",") {
            return;
        }
        let mut e = c + 1;
        while e < hi && e - c < 16 && self.toks[e].kind != Kind::Quote {
            if self.toks[e].kind == Kind::Punct
                && matches!(self.word(e), "," | "." | ";" | ":" | ")" | "(")
            {
                break;
            }
            e += 1;
        }
        // "…, its plant in Hagen, the gearbox maker said": after a place named with "in", a
        // phrase that runs into a verb of speech is the subject of a cue clause, not an
        // appositive on the place.
        let after_place_preposition = m.first_tok > 0
            && self.is_word(m.first_tok - 1)
            && matches!(self.lw(m.first_tok - 1).as_ref(), "in" | "at" | "near");
        let cue_clause = after_place_preposition
            && (c + 1..e).any(|k| {
                self.is_word(k) && !self.is_cap(k) && self.lx.is_reporting_verb(&self.lw(k))
            });
        if e == c + 1 || cue_clause {
            return;
        }
        let starts_det = self.is_determiner(c + 1);
        // Only asked when no determiner opens the appositive (the role words are looked up).
        let has_role = || {
            (c + 1..e).any(|k| {
                self.is_word(k) && self.is_role_or_source(&self.lw(k))
                    || self.is_cap(k) && self.lw(k) == "democrat"
                    || self.lw(k) == "republican"
            })
        };
        if starts_det || has_role() {
            let start = if starts_det && matches!(self.lw(c + 1).as_ref(), "the" | "a" | "an") {
                self.toks[c + 2.min(e - c - 1)].start
            } else {
                self.toks[c + 1].start
            };
            let end = self.toks[e - 1].end;
            if start < end {
                m.descriptor = Some(self.text[start..end].to_string());
            }
        }
    }
}

/// Whether token `t` is a word that starts with a capital letter (ASCII without decoding).
fn starts_with_capital(text: &str, t: &Token) -> bool {
    match text.as_bytes().get(t.start) {
        _ if !t.is_word() => false,
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => is_capitalized(t.text(text)),
    }
}

/// The part of a hyphenated word after its last hyphen ("co-anchor" → "anchor"; the whole
/// word without one). Found byte by byte: '-' is ASCII, so the byte after it starts a character,
/// and a general `rsplit` pattern search costs more than the short words it is asked about.
pub fn last_part(w: &str) -> &str {
    match w.bytes().rposition(|b| b == b'-') {
        Some(k) => &w[k + 1..],
        None => w,
    }
}

pub fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
}

pub fn strip_possessive(w: &str) -> &str {
    // Every ending below ends in 's', an ASCII apostrophe or the last byte of '’' (0x99): most
    // words end otherwise and are answered at once.
    if !matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return w;
    }
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::split_paragraphs;
    use crate::attribution::{quotes::find_quotes, tokens::tokenize};

    #[test]
    fn a_one_word_run_reads_as_the_general_reading_does() {
        // Names, titles, honorifics, possessives, initials, first names alone and lower-case
        // words: every one-word run gives what the run reader gives.
        let text = "President Vella met Senator Ostrom. Hillary said Mr. Brand's aide, J. Kael \
                    and the senator agreed. Doctor Ilse Varga, Clinton's pick, spoke; \
                    Governor and president of Norland Tamsin's Harbour-based firm said so.";
        let paras = split_paragraphs(text);
        let toks = tokenize(text, &paras, &find_quotes(text, &paras));
        let np = Np::new(text, &toks);
        let mut read = 0;
        for a in 0..np.toks.len() {
            let general = np.name_run_words(a, a);
            let fast = np.analyze_name_run(a, a);
            assert_eq!(
                format!("{fast:?}"),
                format!("{general:?}"),
                "{:?}",
                np.word(a)
            );
            read += usize::from(general.is_some());
        }
        assert!(read > 20, "{read}");
    }
}
