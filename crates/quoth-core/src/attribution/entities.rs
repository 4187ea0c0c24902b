//! People and organisations in an article: names grouped into entities ("Vladimir Putin",
//! "Putin", "Putin's" are one), titles bound to the entity they stand for ("the Russian
//! President"), and pronouns resolved to a preceding compatible mention.

use super::lexicon::word_set;
use super::lexicon::{Gender, Lexicon, PronounKind};
use super::limits;
use super::np::{Mention, MentionKind, Np};
use super::tokens::{self, Kind};
use rustc_hash::FxHashMap as HashMap;
use std::cell::Cell;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    Unknown,
}

#[derive(Debug, Clone)]
pub struct Entity {
    /// The fullest form seen ("Vladimir Putin").
    pub name: String,
    /// Every distinct form the text used, including descriptions resolved to it.
    pub aliases: Vec<String>,
    pub kind: EntityKind,
    pub gender: Gender,
    pub descriptor: Option<String>,
    /// The descriptor lower-cased, whose words (`descriptor_words`) roles are matched with:
    /// one string, where a list of words would be an allocation per word for every entity.
    descriptor_lower: String,
    /// Titles bound to this entity: head noun and modifiers ("president", ["russian"]).
    roles: Vec<(String, Vec<String>)>,
    pub mention_count: usize,
    /// Position in the timeline of the latest mention (for "most recent" choices).
    last_seen: usize,
    /// How many words `name` has, and where its first and last words are (for matching,
    /// without keeping each word).
    word_count: usize,
    first_word: Range<usize>,
    /// The middle word of a three-word name ("Cruz" of "Sergio Cruz Flores"), else empty.
    middle_word: Range<usize>,
    last_word: Range<usize>,
    /// Whether the name's last word is the object of "of" (see `NameWords::last_after_of`),
    /// worked out once with the name: matching asks it of every namesake.
    last_after_of: bool,
}

/// The words of a name that matching looks at.
#[derive(Debug, Clone, Copy)]
struct NameWords<'a> {
    first: &'a str,
    /// The middle word of a name of three words, else "".
    middle: &'a str,
    last: &'a str,
    count: usize,
    /// The last word is the object of "of" ("Bank of America", "University of the Andes"):
    /// it names something else, not the whole, and is no short form of it.
    last_after_of: bool,
}

impl<'a> NameWords<'a> {
    fn of(words: &[&'a str]) -> NameWords<'a> {
        let before_last = &words[..words.len().saturating_sub(1)];
        NameWords {
            first: words.first().copied().unwrap_or_default(),
            middle: if words.len() == 3 { words[1] } else { "" },
            last: words.last().copied().unwrap_or_default(),
            count: words.len(),
            last_after_of: ends_with_of(before_last.iter().rev().copied()),
        }
    }
}

/// The word an organisation's name is headed by: the last before "of" or "for" ("Ministry"
/// of the Ministry of Transport, "Members" of "Members of the Harbour Union"), else the last.
fn name_head(name: &str) -> &str {
    let words = || {
        name.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    let before_of = words()
        .zip(words().skip(1))
        .find(|(_, next)| next.eq_ignore_ascii_case("of") || next.eq_ignore_ascii_case("for"))
        .map(|(w, _)| w);
    before_of
        .or_else(|| words().next_back())
        .unwrap_or_default()
}

/// Whether words, read from the end, end in "of" or "of the".
fn ends_with_of<'w>(mut from_end: impl Iterator<Item = &'w str>) -> bool {
    match from_end.next() {
        Some(w) if w.eq_ignore_ascii_case("the") => from_end
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("of")),
        Some(w) => w.eq_ignore_ascii_case("of"),
        None => false,
    }
}

impl Entity {
    /// An entity with no name, aliases or mentions yet (`set_name` gives it its name).
    fn unnamed(kind: EntityKind, gender: Gender) -> Entity {
        Entity {
            name: String::new(),
            aliases: vec![],
            kind,
            gender,
            descriptor: None,
            descriptor_lower: String::new(),
            roles: vec![],
            mention_count: 0,
            last_seen: 0,
            word_count: 0,
            first_word: 0..0,
            middle_word: 0..0,
            last_word: 0..0,
            last_after_of: false,
        }
    }

    /// Sets the canonical name and where its first and last words are; `words` are the words
    /// of `name` as `with_name_words` gives them (slices of it).
    fn set_name(&mut self, name: &str, words: &[&str]) {
        self.name = name.to_string();
        self.word_count = words.len();
        let place = |w: &str| {
            let at = (w.as_ptr() as usize).wrapping_sub(name.as_ptr() as usize);
            let inside = at.checked_add(w.len()).is_some_and(|end| end <= name.len());
            if inside { at..at + w.len() } else { 0..0 }
        };
        self.first_word = words.first().map_or(0..0, |w| place(w));
        self.middle_word = if words.len() == 3 {
            place(words[1])
        } else {
            0..0
        };
        self.last_word = words.last().map_or(0..0, |w| place(w));
        // The words before the last are those of the name before it (`words` splits `name`).
        let before_last = &words[..words.len().saturating_sub(1)];
        self.last_after_of = ends_with_of(before_last.iter().rev().copied());
    }

    fn name_words(&self) -> NameWords<'_> {
        NameWords {
            first: &self.name[self.first_word.clone()],
            middle: &self.name[self.middle_word.clone()],
            last: &self.name[self.last_word.clone()],
            count: self.word_count,
            last_after_of: self.last_after_of,
        }
    }

    /// Keeps a descriptor worth showing: several words, or one role noun. Whether it kept one.
    fn set_descriptor(&mut self, lx: &Lexicon, d: Option<&str>) -> bool {
        let Some(d) = d else { return false };
        with_lower_case(d, |lower| {
            let kept = d.split_whitespace().nth(1).is_some() || lx.role_noun(lower).is_some();
            if kept {
                self.descriptor = Some(d.to_string());
                self.descriptor_lower = lower.to_string();
            }
            kept
        })
    }

    /// The descriptor's words, lower case, for matching roles.
    fn descriptor_words(&self) -> impl Iterator<Item = &str> {
        self.descriptor_lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    }
}

/// The entities a word of a name belongs to, sorted: most words belong to one entity only,
/// which needs no list of its own (a name's words are indexed for every new entity).
#[derive(Debug, Clone)]
enum Postings {
    One(usize),
    Many(Vec<usize>),
}

impl Postings {
    fn as_slice(&self) -> &[usize] {
        match self {
            Postings::One(e) => std::slice::from_ref(e),
            Postings::Many(list) => list,
        }
    }

    /// Adds entity `e` in order, once.
    fn insert(&mut self, e: usize) {
        match self {
            Postings::One(one) if *one == e => {}
            Postings::One(one) => {
                let one = *one;
                *self = Postings::Many(if one < e { vec![one, e] } else { vec![e, one] });
            }
            Postings::Many(list) => {
                if let Err(at) = list.binary_search(&e) {
                    list.insert(at, e);
                }
            }
        }
    }
}

/// One mention of an entity in the narrative, for pronoun and title resolution.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    tok: usize,
    sentence: u32,
    para: u32,
    entity: usize,
    /// After a preposition ("with Lukashenko"): rarely the antecedent of a subject pronoun.
    oblique: bool,
}

pub struct Entities {
    pub list: Vec<Entity>,
    /// The entities whose name has a word (lower case), in order.
    by_word: HashMap<String, Postings>,
    timeline: Vec<Occurrence>,
    /// Recent speakers, most recent last: (token of the quote, entity).
    speakers: Vec<(usize, usize)>,
    /// For `resolve_title`, per entity: the call that last worked out how it fits the title,
    /// and the fit (the same few entities recur among the mentions a call weighs).
    title_fits: Vec<(usize, TitleFit)>,
    /// How many times `resolve_title` has weighed mentions (0: never, matching no entry).
    title_calls: usize,
    /// The words of every descriptor and the heads of every title bound to an entity...
    title_words: TitleWords,
    /// ... but for the descriptors of these entities, added when a title is next weighed (an
    /// article that weighs no title of the kind asks for none).
    descriptors_to_note: Vec<usize>,
}

/// A set of words as the bits of a small filter (a bit may stand for several words; a word
/// added is always found): the words that some entity's descriptor holds or that head a title
/// bound to some entity. `resolve_title` weighs the mentions before a title only when it may
/// fit someone, a leader's or one whose head is here; most titles of other kinds fit no one
/// ("the White House", "the Senate").
struct TitleWords([u64; 64]);

impl TitleWords {
    fn new() -> TitleWords {
        TitleWords([0; 64])
    }

    /// Which of the 4,096 bits stands for word `b`: from its length and its first two and last
    /// bytes (the words are lower case).
    fn bit(b: &[u8]) -> usize {
        let byte = |i: Option<&u8>| u64::from(i.copied().unwrap_or(0));
        let key =
            b.len() as u64 | byte(b.first()) << 16 | byte(b.get(1)) << 24 | byte(b.last()) << 32;
        // A multiplicative hash: the top bits depend on every bit of the key.
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize
    }

    fn add(&mut self, w: &[u8]) {
        let bit = Self::bit(w);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// Adds every word of a lower-case descriptor, as `Entity::descriptor_words` splits it.
    fn add_words(&mut self, text: &str) {
        if text.is_ascii() {
            // What `char::is_alphanumeric` says of ASCII, read byte by byte (descriptors are
            // nearly always ASCII, and decoding each character would cost this filter most).
            let bytes = text.as_bytes();
            let mut start = 0;
            for (i, b) in bytes.iter().enumerate() {
                if !b.is_ascii_alphanumeric() {
                    if start < i {
                        self.add(&bytes[start..i]);
                    }
                    start = i + 1;
                }
            }
            if start < bytes.len() {
                self.add(&bytes[start..]);
            }
        } else {
            let words = text.split(|c: char| !c.is_alphanumeric());
            words
                .filter(|w| !w.is_empty())
                .for_each(|w| self.add(w.as_bytes()));
        }
    }

    fn may_hold(&self, w: &str) -> bool {
        let bit = Self::bit(w.as_bytes());
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

word_set!(
    fn is_oblique_cue,
    "with", "to", "like", "against", "for", "from", "by", "about", "on", "at", "of", "than",
    "unlike", "between", "and", "toward", "towards", "into", "over", "under", "called", "thanked",
    "invited",
);

word_set!(
    /// Titles that a document uses for its main figures without introducing them ("the Russian
    /// President"): resolved by salience when no descriptor matches.
    fn is_leader_title,
    const LEADER_TITLES,
    "president", "leader", "minister", "premier", "chancellor", "king", "queen", "governor",
    "mayor", "senator", "secretary", "candidate", "nominee", "chairman", "chairwoman", "speaker",
    "congressman", "congresswoman", "businessman", "billionaire", "mogul", "front-runner",
);

/// Whether `w` may be a leader's title, by its length and first letter: a few instructions that
/// answer for most words, asked of every word after a "the" (the `match` of `is_leader_title`
/// dispatches on the length first, a jump that often mispredicts).
#[inline]
fn may_be_leader_title(w: &str) -> bool {
    const SHORTEST: usize = word_lengths(LEADER_TITLES).0;
    const LONGEST: usize = word_lengths(LEADER_TITLES).1;
    const FIRST_LETTERS: u32 = first_letters(LEADER_TITLES);
    (SHORTEST..=LONGEST).contains(&w.len())
        && w.as_bytes().first().is_some_and(|&b| {
            let letter = b.wrapping_sub(b'a');
            letter < 26 && FIRST_LETTERS >> letter & 1 != 0
        })
}

/// The lengths of the shortest and the longest of `words`.
const fn word_lengths(words: &[&str]) -> (usize, usize) {
    let (mut shortest, mut longest) = (usize::MAX, 0);
    let mut i = 0;
    while i < words.len() {
        let n = words[i].len();
        if n < shortest {
            shortest = n;
        }
        if n > longest {
            longest = n;
        }
        i += 1;
    }
    (shortest, longest)
}

/// Bit `c - 'a'` set for each lower-case ASCII letter `c` that a word of `words` starts with
/// (every word must start with one: a const panic at build time otherwise).
const fn first_letters(words: &[&str]) -> u32 {
    let mut mask = 0;
    let mut i = 0;
    while i < words.len() {
        let first = words[i].as_bytes()[0];
        assert!(first.is_ascii_lowercase());
        mask |= 1 << (first - b'a');
        i += 1;
    }
    mask
}

/// A leader's title ("president"), with the quick pre-test first.
fn is_leader_title_word(w: &str) -> bool {
    may_be_leader_title(w) && is_leader_title(w)
}

impl Entities {
    /// Reads every name and title in the narrative, in order, building the entity list.
    #[inline(never)]
    pub fn build(np: &Np) -> Entities {
        // Sized for news prose (about one name in twenty tokens, and distinct name words up to
        // one in ten), so the index is not rebuilt several times as it fills.
        let names = np.toks.len() / 20;
        let name_words = np.toks.len() / 10;
        let mut ents = Entities {
            list: Vec::with_capacity(names),
            by_word: HashMap::with_capacity_and_hasher(name_words, Default::default()),
            timeline: Vec::with_capacity(names),
            speakers: vec![],
            title_fits: vec![],
            title_calls: 0,
            title_words: TitleWords::new(),
            descriptors_to_note: vec![],
        };
        let toks = np.toks;
        let headings: Vec<bool> = (0..np.paragraph_count())
            .map(|p| np.is_heading(p))
            .collect();
        let mut titles = TitlesAhead::default();
        let mut i = 0;
        while i < toks.len() {
            if toks[i].kind != Kind::Word || headings[toks[i].para as usize] {
                i += 1;
                continue;
            }
            // A name starts at a capital not joined to one before it; a sentence-opening "The"
            // is an article, not part of the name ("The Harbour Union called …").
            let starts_name = np.is_cap(i)
                && !(i > 0
                    && np.is_cap(i - 1)
                    && !(np.word(i - 1) == "The"
                        && (i == 1 || toks[i - 2].sentence != toks[i - 1].sentence)));
            if !starts_name {
                if let Some(m) = ents.title_at(np, i, &mut titles) {
                    let next = m.last_tok + 1;
                    if let Some(e) = ents.resolve_title(&m, np) {
                        ents.note(np, e, m.first_tok);
                    }
                    i = next;
                    continue;
                }
                i += 1;
                continue;
            }
            if plural_of_people_opening(np, i) {
                i += 1;
                continue;
            }
            match np.forward(i, toks.len()) {
                Some(mut m) if m.kind == MentionKind::Name => {
                    if m.descriptor.is_none() {
                        let lo = i.saturating_sub(10);
                        np.add_premodifier_descriptor(&mut m, lo);
                    }
                    if m.descriptor.is_none() {
                        m.descriptor = role_before_comma(np, i);
                    }
                    let next = m.last_tok.max(i) + 1;
                    if !is_sentence_start_noise(np, i, &m)
                        && !is_attributive_word(np, &m)
                        && !is_dateline(np, &m)
                    {
                        let e = ents.link(np.lx, &m);
                        ents.note(np, e, m.first_tok);
                    }
                    i = next;
                }
                Some(m) if m.kind == MentionKind::Nominal => {
                    let next = m.last_tok.max(i) + 1;
                    if let Some(e) = ents.resolve_title(&m, np) {
                        ents.note(np, e, m.first_tok);
                    }
                    i = next;
                }
                _ => i += 1,
            }
        }
        ents
    }

    /// "the Russian President" / "the President of Belarus" starting at a determiner (asked
    /// with `i` increasing: `titles` remembers what it has read ahead).
    fn title_at(&self, np: &Np, i: usize, titles: &mut TitlesAhead) -> Option<Mention> {
        if !matches!(np.lw(i).as_ref(), "the") {
            return None;
        }
        // Cheap test first (this runs at every "the"): the head is one of the phrase's words,
        // and a phrase read forwards spans at most 13 tokens.
        if !titles.any_within(np, i + 1, np.toks.len().min(i + 14)) {
            return None;
        }
        let m = np.forward(i, np.toks.len())?;
        let head = m.head.as_deref()?;
        (m.kind == MentionKind::Nominal && is_leader_title(head)).then_some(m)
    }

    fn note(&mut self, np: &Np, entity: usize, tok: usize) {
        let t = np.toks[tok];
        let oblique = tok > 0 && np.is_word(tok - 1) && is_oblique_cue(np.lw(tok - 1).as_ref());
        self.list[entity].mention_count += 1;
        self.list[entity].last_seen = self.timeline.len() + 1;
        self.timeline.push(Occurrence {
            tok,
            sentence: t.sentence,
            para: t.para,
            entity,
            oblique,
        });
    }

    /// Finds or creates the entity a name refers to.
    pub fn link(&mut self, lx: &Lexicon, m: &Mention) -> usize {
        let name = m.name.as_deref().unwrap_or_default();
        with_name_words(name, |words, lower_words| {
            self.link_words(lx, m, name, words, lower_words)
        })
    }

    fn link_words(
        &mut self,
        lx: &Lexicon,
        m: &Mention,
        name: &str,
        words: &[&str],
        lower_words: &[&str],
    ) -> usize {
        let kind = classify(lx, words, lower_words, m);
        if let Some(e) = self.find(lx, words, lower_words, m.gender, kind) {
            let ent = &mut self.list[e];
            if !ent.aliases.iter().any(|a| a == name) {
                ent.aliases.push(name.to_string());
                self.index(e, lower_words);
            }
            let ent = &mut self.list[e];
            if words.len() > ent.word_count && kind != EntityKind::Place {
                ent.set_name(name, words);
            }
            if ent.gender == Gender::Unknown {
                ent.gender = m.gender;
            }
            if ent.kind == EntityKind::Unknown {
                ent.kind = kind;
            }
            if ent.descriptor.is_none() && ent.set_descriptor(lx, m.descriptor.as_deref()) {
                self.descriptors_to_note.push(e);
            }
            return e;
        }
        let e = self.list.len();
        let mut ent = Entity::unnamed(kind, m.gender);
        ent.aliases.push(name.to_string());
        ent.set_name(name, words);
        if ent.set_descriptor(lx, m.descriptor.as_deref()) {
            self.descriptors_to_note.push(e);
        }
        self.list.push(ent);
        self.index(e, lower_words);
        e
    }

    /// Lists stay sorted, so a new entity is appended without scanning the list.
    fn index(&mut self, e: usize, lower_words: &[&str]) {
        for &w in lower_words {
            // Most words are indexed already: look up before allocating a key.
            match self.by_word.get_mut(w) {
                Some(list) => list.insert(e),
                None => {
                    self.by_word.insert(w.to_string(), Postings::One(e));
                }
            }
        }
    }

    /// An existing entity for a name: same surname (or same single word), compatible first
    /// name and gender; the most recently mentioned wins.
    fn find(
        &self,
        lx: &Lexicon,
        words: &[&str],
        lower_words: &[&str],
        gender: Gender,
        kind: EntityKind,
    ) -> Option<usize> {
        let last = lower_words.last()?;
        let candidates = self.by_word.get(*last)?.as_slice();
        // Only the latest entities with this word are weighed: thousands of people sharing a
        // surname would otherwise make every new name scan all the others (quadratic).
        let candidates = &candidates[candidates.len().saturating_sub(MAX_NAMESAKES)..];
        let recency = |e: usize| self.list[e].last_seen;
        let name_words = NameWords::of(words);
        let fitting = candidates.iter().copied().filter(|&e| {
            let ent = &self.list[e];
            // "Rep. Ada Jordan … Jordan said": a bare surname that is also a place's name
            // is the person the article has named with it.
            let surname_of_person = kind == EntityKind::Place
                && ent.kind == EntityKind::Person
                && words.len() == 1
                && ent.word_count > 1;
            let kinds_fit = kind == ent.kind
                || kind == EntityKind::Unknown
                || ent.kind == EntityKind::Unknown
                || surname_of_person;
            let gender_fits =
                gender == Gender::Unknown || ent.gender == Gender::Unknown || gender == ent.gender;
            kinds_fit && gender_fits && names_compatible(lx, name_words, ent.name_words())
        });
        // The latest fitting entity, and the most often named (then latest), in one pass;
        // the last of equals wins, as with `max_by_key`.
        let mut best: Option<(usize, usize)> = None;
        for e in fitting {
            let salience = |e: usize| (self.list[e].mention_count, recency(e));
            best = Some(match best {
                None => (e, e),
                Some((latest, salient)) => (
                    if recency(e) >= recency(latest) {
                        e
                    } else {
                        latest
                    },
                    if salience(e) >= salience(salient) {
                        e
                    } else {
                        salient
                    },
                ),
            });
        }
        let (latest, salient) = best?;
        if words.len() > 1 {
            return Some(latest);
        }
        // A bare surname shared by two people ("Clinton said" in a story about Hillary Clinton
        // that also names Bill): the one the story is about when it is named far more often,
        // else the latest.
        let far_more = self.list[salient].mention_count >= 2 * self.list[latest].mention_count;
        Some(if far_more { salient } else { latest })
    }

    /// The entity a name refers to, without creating one.
    pub fn lookup(&self, m: &Mention, lx: &Lexicon) -> Option<usize> {
        let name = m.name.as_deref()?;
        with_name_words(name, |words, lower_words| {
            let kind = classify(lx, words, lower_words, m);
            self.find(lx, words, lower_words, m.gender, kind)
        })
    }

    /// Resolves a title or role ("the Russian President", "the AFU lieutenant general").
    pub fn resolve_title(&mut self, m: &Mention, np: &Np) -> Option<usize> {
        let head = m.head.as_deref()?;
        let definite =
            m.first_tok < np.toks.len() && np.is_word(m.first_tok) && np.lw(m.first_tok) == "the"
                || crate::attribution::tokens::is_capitalized(np.word(m.first_tok));
        if !definite {
            return None;
        }
        let before = self.timeline.partition_point(|o| o.tok < m.first_tok);
        let para = np.toks[m.first_tok].para;
        let mods: Vec<&str> = m
            .modifiers
            .iter()
            .map(String::as_str)
            .filter(|w| !matches!(*w, "former" | "then" | "new" | "current"))
            .collect();
        // 1. An entity introduced with this role or bound to this title before.
        let mut best: Option<(i64, usize)> = None;
        let leader = is_leader_title(head);
        if !leader {
            for e in self.descriptors_to_note.drain(..) {
                self.title_words.add_words(&self.list[e].descriptor_lower);
            }
            if !self.title_words.may_hold(head) {
                // No descriptor holds the head and no title with it was bound to anyone: no
                // mention fits (only a leader's title goes to someone by salience alone).
                return None;
            }
        }
        self.title_calls += 1;
        if self.title_fits.len() < self.list.len() {
            self.title_fits
                .resize(self.list.len(), (0, TitleFit::default()));
        }
        // The mention and the last `TITLE_REACH_MENTIONS` before it.
        for (rank, o) in self.timeline[..before]
            .iter()
            .rev()
            .enumerate()
            .take(limits::TITLE_REACH_MENTIONS + 1)
        {
            let ent = &self.list[o.entity];
            if ent.kind == EntityKind::Place || ent.kind == EntityKind::Organisation {
                continue;
            }
            let cached = &mut self.title_fits[o.entity];
            if cached.0 != self.title_calls {
                *cached = (self.title_calls, TitleFit::of(ent, head, &mods));
            }
            let TitleFit {
                desc_fit,
                role_fit,
                role_conflict,
                nation_fit,
            } = cached.1;
            if role_conflict {
                continue;
            }
            let mut score = -(rank as i64);
            if desc_fit {
                score += limits::TITLE_DESCRIPTOR_WEIGHT;
            }
            if role_fit {
                score += limits::TITLE_ROLE_WEIGHT;
            }
            if nation_fit {
                score += limits::TITLE_NATION_WEIGHT;
            }
            if !(desc_fit || role_fit) {
                // Salience fallback only for leaders, within the last few paragraphs.
                if !leader
                    || para.saturating_sub(o.para) > limits::LEADER_REACH_PARAGRAPHS
                    || ent.kind != EntityKind::Person
                {
                    continue;
                }
                score += ent.mention_count.min(limits::LEADER_SALIENCE_CAP) as i64;
            }
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, o.entity));
            }
        }
        let (_, e) = best?;
        let ent = &mut self.list[e];
        let bound = ent
            .roles
            .iter()
            .any(|(h, ms)| h == head && ms.iter().map(String::as_str).eq(mods.iter().copied()));
        if !bound {
            let mods = mods.iter().map(|w| w.to_string()).collect();
            ent.roles.push((head.to_string(), mods));
            self.title_words.add(head.as_bytes());
        }
        let alias = &np.text[m.span.clone()];
        if !ent.aliases.iter().any(|a| a.eq_ignore_ascii_case(alias)) {
            ent.aliases.push(alias.to_string());
        }
        Some(e)
    }

    /// Resolves a pronoun at token `tok` to the nearest compatible preceding mention.
    pub fn resolve_pronoun(&self, tok: usize, kind: PronounKind, np: &Np) -> Option<usize> {
        let wanted = match kind {
            PronounKind::Male => Gender::Male,
            PronounKind::Female => Gender::Female,
            PronounKind::Neutral => return self.resolve_neutral(tok, 0, np),
            _ => return None,
        };
        let here = np.toks[tok];
        let before = self.timeline.partition_point(|o| o.tok < tok);
        let recent_speaker = self
            .speakers
            .iter()
            .rev()
            .find(|(t, _)| *t < tok)
            .map(|&(_, e)| e);
        let mut best: Option<(i64, usize)> = None;
        for o in self.timeline[..before].iter().rev() {
            let distance = here.sentence as i64 - o.sentence as i64;
            if distance > limits::PRONOUN_REACH_SENTENCES
                || here.para.saturating_sub(o.para) > limits::PRONOUN_REACH_PARAGRAPHS
            {
                break;
            }
            let ent = &self.list[o.entity];
            if !matches!(ent.kind, EntityKind::Person | EntityKind::Unknown) {
                continue;
            }
            if ent.gender != Gender::Unknown && ent.gender != wanted {
                continue;
            }
            let mut score = -distance * limits::PRONOUN_SENTENCE_COST;
            if o.oblique {
                score -= limits::PRONOUN_OBLIQUE_COST;
            }
            if ent.gender == Gender::Unknown {
                // A known gender that agrees is evidence; an unknown one is none.
                score -= limits::PRONOUN_UNKNOWN_GENDER_COST;
            }
            if ent.kind == EntityKind::Unknown && ent.gender == Gender::Unknown {
                // A single capitalised word seen once ("Continue", "Clarkston") is rarely a
                // person.
                if ent.mention_count < 2 {
                    continue;
                }
                score -= limits::PRONOUN_UNKNOWN_COST;
            }
            if recent_speaker == Some(o.entity) {
                score += limits::PRONOUN_RECENT_SPEAKER_BONUS;
            }
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, o.entity));
            }
        }
        let fits = |e: usize| {
            let ent = &self.list[e];
            matches!(ent.kind, EntityKind::Person | EntityKind::Unknown)
                && (ent.gender == Gender::Unknown || ent.gender == wanted)
        };
        // Nothing close by: the last compatible speaker, then the last compatible person.
        best.map(|(_, e)| e)
            .or_else(|| recent_speaker.filter(|&e| fits(e)))
            .or_else(|| {
                self.timeline[..before]
                    .iter()
                    .rev()
                    .find(|o| fits(o.entity) && self.list[o.entity].kind == EntityKind::Person)
                    .map(|o| o.entity)
            })
    }

    /// The organisation an "it" at token `tok` stands for: the nearest named after token
    /// `since` (a nearer description, "the city council", wins over one named before it) and
    /// within a few sentences (an "it" does not reach back to an earlier story's ministry).
    pub fn resolve_neutral(&self, tok: usize, since: usize, np: &Np) -> Option<usize> {
        let here = np.toks[tok].sentence;
        let before = self.timeline.partition_point(|o| o.tok < tok);
        self.timeline[..before]
            .iter()
            .rev()
            .take(limits::NEUTRAL_PRONOUN_REACH_MENTIONS)
            .take_while(|o| {
                o.tok >= since && here - o.sentence <= limits::GROUP_ANTECEDENT_SENTENCES
            })
            .find(|o| self.list[o.entity].kind == EntityKind::Organisation)
            .map(|o| o.entity)
    }

    /// The organisation a description headed by an organisation word stands for: the latest
    /// one before token `tok` whose name is headed by that word ("the union" for the Harbour Workers'
    /// Union, "the ministry" for the Ministry of Transport), among the last
    /// `TITLE_REACH_MENTIONS` mentions. Its modifiers must be in the name too ("the budget
    /// office", but not "the terrorist group" for the Sitka Intelligence Group).
    pub fn resolve_organisation_word(
        &self,
        tok: usize,
        head: &str,
        modifiers: &[String],
    ) -> Option<usize> {
        let before = self.timeline.partition_point(|o| o.tok < tok);
        self.timeline[..before]
            .iter()
            .rev()
            .take(limits::TITLE_REACH_MENTIONS)
            .map(|o| o.entity)
            .find(|&e| {
                let ent = &self.list[e];
                ent.kind != EntityKind::Person
                    && ent.kind != EntityKind::Place
                    && ent.word_count > 1
                    && name_head(&ent.name).eq_ignore_ascii_case(head)
                    && modifiers.iter().all(|m| {
                        ent.name
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w.eq_ignore_ascii_case(m))
                    })
            })
    }

    /// "its managing director announced … Anand Varma, managing director of …": a definite
    /// description of a role that the story has not yet tied to anyone, resolved to the person
    /// introduced with that role a little later (the first such within `TITLE_AHEAD_MENTIONS`
    /// name mentions), when all of its modifiers are in that person's descriptor too.
    pub fn resolve_title_ahead(&self, m: &Mention, np: &Np) -> Option<usize> {
        let head = m.head.as_deref()?;
        np.lx.role_noun(head)?;
        let after = self.timeline.partition_point(|o| o.tok <= m.last_tok);
        self.timeline[after..]
            .iter()
            .take(limits::TITLE_AHEAD_MENTIONS)
            .map(|o| o.entity)
            .find(|&e| {
                let ent = &self.list[e];
                ent.kind == EntityKind::Person
                    && ent.descriptor_words().any(|w| w == head)
                    && m.modifiers
                        .iter()
                        .all(|md| ent.descriptor_words().any(|w| w == md))
            })
    }

    /// Remembers that `entity` spoke the quotation at token `tok` ("prefer recent speakers").
    pub fn record_speaker(&mut self, tok: usize, entity: usize) {
        self.speakers.push((tok, entity));
    }

    /// "Okonkwo Adeyemi … she said": a pronoun that resolved to a person of unknown gender
    /// tells it, so a later "he" looks elsewhere.
    pub fn learn_gender(&mut self, e: usize, gender: Gender) {
        let ent = &mut self.list[e];
        if ent.gender == Gender::Unknown && ent.kind != EntityKind::Organisation {
            ent.gender = gender;
        }
    }

    pub fn add_alias(&mut self, e: usize, alias: &str) {
        let ent = &mut self.list[e];
        if !ent.aliases.iter().any(|a| a.eq_ignore_ascii_case(alias)) {
            ent.aliases.push(alias.to_string());
        }
    }

    /// Whether a person (other than `except`) is named in the narrative between two tokens.
    pub fn someone_else_between(&self, from: usize, to: usize, except: Option<usize>) -> bool {
        let a = self.timeline.partition_point(|o| o.tok < from);
        let b = self.timeline.partition_point(|o| o.tok < to);
        self.timeline[a..b].iter().any(|o| {
            Some(o.entity) != except && matches!(self.list[o.entity].kind, EntityKind::Person)
        })
    }
}

/// How an entity fits a title (head noun and modifiers) that `resolve_title` weighs.
#[derive(Debug, Clone, Copy, Default)]
struct TitleFit {
    /// Its descriptor holds the head.
    desc_fit: bool,
    /// It was bound to this head before, with modifiers that agree (or none).
    role_fit: bool,
    /// It was bound to this head before, with other modifiers.
    role_conflict: bool,
    /// A title bound to it shares a modifier ("russian").
    nation_fit: bool,
}

impl TitleFit {
    fn of(ent: &Entity, head: &str, mods: &[&str]) -> TitleFit {
        // Most entities have no descriptor, and most descriptors do not hold the head at all.
        // (A descriptor shorter than the head cannot hold it: most are empty, and a substring
        // search costs its set-up even then.)
        let desc_fit = ent.descriptor_lower.len() >= head.len()
            && ent.descriptor_lower.contains(head)
            && ent.descriptor_words().any(|w| w == head);
        let role_fit = ent.roles.iter().any(|(h, ms)| {
            h == head && (mods.is_empty() || ms.is_empty() || shares_stem(ms, mods))
        });
        let role_conflict = ent.roles.iter().any(|(h, ms)| {
            h == head && !mods.is_empty() && !ms.is_empty() && !shares_stem(ms, mods)
        });
        let nation_fit = ent
            .roles
            .iter()
            .any(|(_, ms)| !mods.is_empty() && shares_stem(ms, mods));
        TitleFit {
            desc_fit,
            role_fit,
            role_conflict,
            nation_fit,
        }
    }
}

/// Where the next leader's title ("president") is, for windows that move forwards: each token
/// is read once, where windows after nearby "the"s would read the same tokens again.
#[derive(Default)]
struct TitlesAhead {
    /// Tokens before this have been read.
    read_to: usize,
    /// The first title found among them not yet passed by a window.
    next: Option<usize>,
}

impl TitlesAhead {
    /// Whether a token in `from..to` is a leader's title; `from` never decreases between calls.
    fn any_within(&mut self, np: &Np, from: usize, to: usize) -> bool {
        if let Some(t) = self.next.filter(|&t| t >= from) {
            return t < to;
        }
        // No title from `from` up to `read_to` (a window since has passed the one found).
        let start = from.max(self.read_to);
        self.next = (start..to).find(|&j| np.is_word(j) && is_leader_title_word(np.word_lower(j)));
        self.read_to = self.next.map_or(to.max(self.read_to), |t| t + 1);
        self.next.is_some()
    }
}

/// "The canton's president, Claudia Maurer, …": a role right before the name and a comma.
fn role_before_comma(np: &Np, i: usize) -> Option<String> {
    if i < 2 || !np.is_punct(i - 1, ",") {
        return None;
    }
    let lo = i.saturating_sub(8);
    let m = np.backward(i - 2, lo)?;
    let head = m.head.as_deref()?;
    (m.kind == MentionKind::Nominal && np.lx.role_noun(head).is_some()).then(|| {
        np.text[m.span.clone()]
            .trim_start_matches("the ")
            .trim_start_matches("The ")
            .to_string()
    })
}

/// Whether two word lists share a word by its first five characters ("russia", "russian").
fn shares_stem(a: &[String], b: &[&str]) -> bool {
    let stem = |w: &str| w.char_indices().nth(5).map_or(w.len(), |(i, _)| i);
    a.iter()
        .any(|x| b.iter().any(|y| x[..stem(x)] == y[..stem(y)]))
}

/// "Sentence-initial capitalised word" noise: "Finishing with economy Putin …".
/// A lone capitalised word used as an adjective is no one: a demonym ("Syrian cities",
/// "an American official") or a word between a determiner and a lower-case noun ("the
/// Democratic primary", "a Republican lawmaker").
fn is_attributive_word(np: &Np, m: &Mention) -> bool {
    // "South Korean passport": a people's adjective of one or two words.
    let demonym = match m.last_tok - m.first_tok {
        0 => np.lx.is_demonym(&np.lw(m.first_tok)),
        1 => with_joined(&[&np.lw(m.first_tok), &np.lw(m.last_tok)], |two| {
            np.lx.is_demonym(two)
        }),
        _ => false,
    };
    if demonym {
        return true;
    }
    if m.first_tok != m.last_tok || m.descriptor.is_some() {
        return false;
    }
    let i = m.first_tok;
    // "Q:" of an interview, a lone initial: a letter is nobody's name.
    if tokens::is_one_char(np.word(i)) {
        return true;
    }
    // (A demonym of one word was answered above.)
    let determiner_before =
        i > 0 && np.is_word(i - 1) && matches!(np.lw(i - 1).as_ref(), "the" | "a" | "an");
    // Asked only after a determiner (the lexicon's answers cost more).
    let noun_after = || {
        np.is_word(i + 1)
            && !tokens::is_capitalized(np.word(i + 1))
            && !np.lx.is_reporting_verb(&np.lw(i + 1))
            && !np.lx.is_adverb(&np.lw(i + 1))
    };
    determiner_before && noun_after()
}

/// "SAN PEDRO DE ATACAMA, Chile — …", "ELMSBY — …": a place in capitals that opens a
/// paragraph before a comma or a dash is the story's dateline, no one who speaks (a given name
/// inside it, "Pedro", would make it a person).
fn is_dateline(np: &Np, m: &Mention) -> bool {
    let (a, b) = (m.first_tok, m.last_tok);
    // Cheapest test first: most names do not open their paragraph.
    let opens_paragraph = || a == 0 || np.toks[a - 1].para != np.toks[a].para;
    let capitals = || {
        (a..=b).filter(|&k| np.is_word(k)).all(|k| {
            let w = np.word(k);
            w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
        })
    };
    let dash = || np.is_dash(b + 1);
    opens_paragraph() && capitals() && (dash() || b > a && np.is_punct(b + 1, ","))
}

/// "Members of the Harbour Union walked out": a plural of people before "of", capitalised
/// only because it opens the sentence, is no part of the name after it (which entity building
/// then reads on its own, as it would after "members of").
fn plural_of_people_opening(np: &Np, i: usize) -> bool {
    np.opens_sentence(i)
        && np.is_word(i + 1)
        && np.lw(i + 1) == "of"
        && np.lx.is_plural_role(&np.lw(i))
}

fn is_sentence_start_noise(np: &Np, i: usize, m: &Mention) -> bool {
    if !np.opens_sentence(i) || m.last_tok != i {
        return false;
    }
    let w = np.lw(i);
    w.ends_with("ing") || w.ends_with("ly") || w.ends_with("ed")
}

fn classify(lx: &Lexicon, words: &[&str], lower: &[&str], m: &Mention) -> EntityKind {
    if lower.is_empty() {
        return EntityKind::Unknown;
    }
    if m.gender != Gender::Unknown && m.kind == MentionKind::Name {
        // "Mr. Arad": a title or a given name makes a person even of a place's name.
        return EntityKind::Person;
    }
    let without_the = if lower[0] == "the" {
        &lower[1..]
    } else {
        lower
    };
    let place = match without_the {
        [] => false,
        [one] => lx.is_place(one),
        many => with_joined(many, |name| lx.is_place(name)),
    };
    if place {
        return EntityKind::Place;
    }
    // Cheapest test first: an organisation is named so by far less often than a person.
    if lower[0] == "the"
        || lower.iter().any(|w| lx.is_org_word(w))
        || words.len() == 1 && is_acronym(words[0])
    {
        return EntityKind::Organisation;
    }
    let first_name = if lower.len() >= 2 {
        lx.given_name_gender(lower[0])
    } else {
        lx.first_name_gender(lower[0])
    };
    if m.gender != Gender::Unknown || first_name.is_some() {
        return EntityKind::Person;
    }
    if words.len() >= 2 && !lower.iter().any(|w| lx.is_place(w)) {
        return EntityKind::Person;
    }
    EntityKind::Unknown
}

/// "NATO", "U.S.": a word with two letters or more, all of them capitals (read once, and no
/// further than a first small letter, which most words have second).
fn is_acronym(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// The white-space separated words of a name: on the stack for the four words that nearly
/// every name has at most (two lists of four are filled in for every name mention), on the
/// heap beyond (a name of any length is split).
struct WordList<'s> {
    stack: [&'s str; 4],
    len: usize,
    heap: Vec<&'s str>,
}

impl<'s> WordList<'s> {
    fn new() -> WordList<'s> {
        WordList {
            stack: [""; 4],
            len: 0,
            heap: Vec::new(),
        }
    }

    fn push(&mut self, w: &'s str) {
        if self.len < self.stack.len() {
            self.stack[self.len] = w;
        } else {
            if self.heap.is_empty() {
                self.heap.extend_from_slice(&self.stack);
            }
            self.heap.push(w);
        }
        self.len += 1;
    }

    fn as_slice(&self) -> &[&'s str] {
        if self.heap.is_empty() {
            &self.stack[..self.len]
        } else {
            &self.heap
        }
    }
}

/// The ASCII characters that `char::is_whitespace` calls white space (U+000B among them).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

thread_local! {
    /// The lower-case copy of the name being split, kept from one name to the next so that
    /// splitting a name allocates nothing (`take` leaves an empty one for a nested call).
    static LOWER_NAME: Cell<String> = const { Cell::new(String::new()) };
}

/// Calls `f` with a name's words and their lower-case forms, split in one pass (asked for every
/// name mention).
fn with_name_words<R>(name: &str, f: impl FnOnce(&[&str], &[&str]) -> R) -> R {
    let mut lower = LOWER_NAME.take();
    let found = if name.is_ascii() {
        // ASCII lower-cased keeps every byte in place: a word and its lower-case form share
        // their bounds.
        lower.clear();
        lower.push_str(name);
        lower.make_ascii_lowercase();
        let (mut words, mut lower_words) = (WordList::new(), WordList::new());
        let bytes = name.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if is_ascii_space(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && !is_ascii_space(bytes[i]) {
                i += 1;
            }
            words.push(&name[start..i]);
            lower_words.push(&lower[start..i]);
        }
        f(words.as_slice(), lower_words.as_slice())
    } else {
        lower = name.to_lowercase();
        let words: Vec<&str> = name.split_whitespace().collect();
        let lower_words: Vec<&str> = lower.split_whitespace().collect();
        f(&words, &lower_words)
    };
    LOWER_NAME.set(lower);
    found
}

thread_local! {
    /// The buffer of `with_lower_case`, kept like `LOWER_NAME` (and apart from it: a word is
    /// lower-cased while a name's split is read).
    static LOWER_WORD: Cell<String> = const { Cell::new(String::new()) };
}

/// Calls `f` with `s` lower-cased as `str::to_lowercase` does it, in a buffer kept per thread
/// (no allocation for ASCII, nearly every word).
pub(super) fn with_lower_case<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut lower = LOWER_WORD.take();
    if s.is_ascii() {
        lower.clear();
        lower.push_str(s);
        lower.make_ascii_lowercase();
    } else {
        lower = s.to_lowercase();
    }
    let found = f(&lower);
    LOWER_WORD.set(lower);
    found
}

/// Calls `f` with `words` joined by single spaces, built on the stack when short (this runs for
/// every name of several words).
fn with_joined<R>(words: &[&str], f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    let len = words
        .iter()
        .map(|w| w.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    if len > buf.len() {
        return f(&words.join(" "));
    }
    let mut at = 0;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            buf[at] = b' ';
            at += 1;
        }
        buf[at..at + w.len()].copy_from_slice(w.as_bytes());
        at += w.len();
    }
    // Whole strings and spaces were copied: always valid UTF-8.
    match std::str::from_utf8(&buf[..at]) {
        Ok(joined) => f(joined),
        Err(_) => f(&words.join(" ")),
    }
}

/// "Putin" fits "Vladimir Putin"; "Vladimir Putin" fits "V. Putin"; "Eric Trump" does not fit
/// "Donald Trump".
/// Entities sharing a name's last word that are weighed when linking it (the latest ones).
const MAX_NAMESAKES: usize = 64;

/// Whether two words of names are the same but for ASCII case: nearly always written alike, so
/// a plain comparison (`memcmp`) answers before the case-blind one, which goes byte by byte.
fn same_word(a: &str, b: &str) -> bool {
    a == b || a.eq_ignore_ascii_case(b)
}

fn names_compatible(lx: &Lexicon, a: NameWords, b: NameWords) -> bool {
    if a.count == 1 || b.count == 1 {
        let (single, other) = if a.count == 1 {
            (a.first, b)
        } else {
            (b.first, a)
        };
        // "Hillary" is Hillary Clinton, but "Trump" is not Trump Tower. The gazetteer is asked
        // last, only when the first names match.
        // "Cruz" is Sergio Cruz Flores: a given name and two surnames, the first of which is
        // the one used alone (Spanish and Portuguese names).
        let given = |w: &str| with_lower_case(w, |w| lx.first_name_gender(w).is_some());
        return other.count > 0 && same_word(other.last, single) && !other.last_after_of
            || (other.count > 1 && same_word(other.first, single) && given(single))
            || (other.count == 3
                && same_word(other.middle, single)
                && !tokens::is_one_char(other.middle)
                && given(other.first));
    }
    if a.count == 0 || b.count == 0 || !same_word(a.last, b.last) {
        return false;
    }
    let (fa, fb) = (a.first.trim_end_matches('.'), b.first.trim_end_matches('.'));
    same_word(fa, fb)
        || (tokens::is_one_char(fa) && fb.starts_with(fa))
        || (tokens::is_one_char(fb) && fa.starts_with(fb))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_stay_sorted_and_unique() {
        let mut p = Postings::One(5);
        for e in [5, 3, 9, 3, 7, 9, 1] {
            p.insert(e);
        }
        assert_eq!(p.as_slice(), &[1, 3, 5, 7, 9]);
        let mut p = Postings::One(2);
        p.insert(2);
        assert_eq!(p.as_slice(), &[2]);
    }

    #[test]
    fn words_are_split_on_the_stack_or_the_heap() {
        let many = (0..20)
            .map(|i| format!("W{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        for text in [
            "",
            "  ",
            " Ana  María\u{a0}León ",
            "Ana\u{b}Lee\tKIM",
            " Tamsin  Okoro\n",
            many.as_str(),
        ] {
            let lower = text.to_lowercase();
            with_name_words(text, |words, lower_words| {
                assert_eq!(
                    words,
                    text.split_whitespace().collect::<Vec<_>>(),
                    "{text:?}"
                );
                assert_eq!(
                    lower_words,
                    lower.split_whitespace().collect::<Vec<_>>(),
                    "{text:?}"
                );
            });
        }
    }

    #[test]
    fn the_pre_test_lets_every_leader_title_through() {
        for w in LEADER_TITLES {
            assert!(may_be_leader_title(w), "{w}");
            assert!(is_leader_title_word(w), "{w}");
        }
        for w in ["the", "said", "", "a", "presidents", "Ministry", "\u{e9}lu"] {
            assert!(!is_leader_title_word(w), "{w:?}");
        }
    }

    #[test]
    fn title_words_hold_every_word_of_a_descriptor() {
        for d in [
            "u.s. state department spokesman",
            "the canton's president",
            "  ",
            "ministre d'\u{e9}tat, porte-parole",
            "chef\u{a0}de cabinet",
        ] {
            let mut words = TitleWords::new();
            words.add_words(d);
            let split = d
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty());
            for w in split {
                assert!(words.may_hold(w), "{w:?} of {d:?}");
            }
        }
        assert!(!TitleWords::new().may_hold("president"));
    }

    #[test]
    fn a_word_of_capitals_only_is_an_acronym() {
        for w in ["NATO", "U.S.", "AFU", "\u{c9}U"] {
            assert!(is_acronym(w), "{w}");
        }
        for w in ["A", "Putin", "AfD", "123", "", "U."] {
            assert!(!is_acronym(w), "{w}");
        }
    }

    #[test]
    fn titles_ahead_answers_as_reading_each_window_would() {
        use crate::article::split_paragraphs;
        use crate::attribution::{quotes::find_quotes, tokens::tokenize};
        let text = "The mayor met the president and the governor. Then the chair of the board, \
                    the senator and the minister spoke, and the king left the hall with the queen.";
        let paras = split_paragraphs(text);
        let toks = tokenize(text, &paras, &find_quotes(text, &paras));
        let np = Np::new(text, &toks);
        let n = np.toks.len();
        for reach in [1, 3, 14] {
            let mut titles = TitlesAhead::default();
            for from in 0..n {
                let to = n.min(from + reach);
                let read = (from..to).any(|j| np.is_word(j) && is_leader_title(&np.lw(j)));
                assert_eq!(titles.any_within(&np, from, to), read, "{from}..{to}");
            }
        }
    }

    #[test]
    fn the_object_of_of_is_no_short_form_of_a_name() {
        let lx = Lexicon::get();
        let whole = ["Transport", "Workers", "of", "Norland"];
        let with_the = ["University", "of", "the", "Andes"];
        assert!(!names_compatible(
            lx,
            NameWords::of(&whole),
            NameWords::of(&["Norland"])
        ));
        assert!(!names_compatible(
            lx,
            NameWords::of(&["Andes"]),
            NameWords::of(&with_the)
        ));
        let person = ["Tamsin", "Greer"];
        assert!(names_compatible(
            lx,
            NameWords::of(&["Greer"]),
            NameWords::of(&person)
        ));
    }

    #[test]
    fn an_entity_finds_its_first_and_last_words_in_its_name() {
        let mut ent = Entity::unnamed(EntityKind::Person, Gender::Unknown);
        for (name, first, last, count) in [
            ("Tamsin Okoro", "Tamsin", "Okoro", 2),
            (" Ana\u{a0} María\tDe\u{2003}León ", "Ana", "León", 4),
            ("Okoro", "Okoro", "Okoro", 1),
            ("", "", "", 0),
        ] {
            with_name_words(name, |words, _| ent.set_name(name, words));
            let w = ent.name_words();
            assert_eq!((w.first, w.last, w.count), (first, last, count), "{name:?}");
        }
    }

    #[test]
    fn surnames_and_first_names_are_compatible() {
        let names_compatible =
            |lx, a: &[&str], b: &[&str]| names_compatible(lx, NameWords::of(a), NameWords::of(b));
        let lx = Lexicon::get();
        assert!(names_compatible(lx, &["Putin"], &["Vladimir", "Putin"]));
        assert!(names_compatible(lx, &["Hillary"], &["Hillary", "Clinton"]));
        assert!(names_compatible(
            lx,
            &["Donald", "J.", "Trump"],
            &["Donald", "Trump"]
        ));
        assert!(!names_compatible(
            lx,
            &["Eric", "Trump"],
            &["Donald", "Trump"]
        ));
        assert!(!names_compatible(lx, &["Trump"], &["Trump", "Tower"]));
        // A given name and two surnames: the first surname alone is the person.
        assert!(names_compatible(
            lx,
            &["Quispe"],
            &["Sergio", "Quispe", "Flores"]
        ));
        assert!(names_compatible(
            lx,
            &["Flores"],
            &["Sergio", "Quispe", "Flores"]
        ));
        // Must not fire: a middle initial, and a middle word of a name that is no person's.
        assert!(!names_compatible(lx, &["J"], &["Donald", "J", "Trump"]));
        assert!(!names_compatible(
            lx,
            &["Harbour"],
            &["Aldby", "Harbour", "Board"]
        ));
    }
}
