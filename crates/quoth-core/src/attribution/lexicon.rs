//! The attribution engine's word lists, kept as data files under `lexicon/` and parsed once.
//!
//! Each file is plain text: `#` starts a comment, words are separated by white space or new
//! lines, and all words are lower case. Lookups take lower-cased words.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// A small fixed word list as a function: `word_set!(fn is_x, "a", "b")` defines
/// `fn is_x(w: &str) -> bool`. A `match` on the words compiles to a few length-dispatched
/// compares, where `[&str]::contains` compares against every word in turn (these lists are
/// asked about most words near a quotation).
/// `word_set!(fn is_x, const XS, "a", "b")` also defines `const XS: &[&str]`, the same words as
/// a list (for tests over them, or a pre-test worked out from them).
macro_rules! word_set {
    ($(#[$doc:meta])* $vis:vis fn $name:ident, const $list:ident, $($word:literal),+ $(,)?) => {
        word_set!($(#[$doc])* $vis fn $name, $($word),+);
        #[allow(dead_code)] // Read by a pre-test or a test, not every build's code.
        const $list: &[&str] = &[$($word),+];
    };
    ($(#[$doc:meta])* $vis:vis fn $name:ident, $($word:literal),+ $(,)?) => {
        $(#[$doc])*
        $vis fn $name(w: &str) -> bool {
            matches!(w, $($word)|+)
        }
    };
}
pub(super) use word_set;

/// Grammatical gender as far as a word tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// What a pronoun can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    Male,
    Female,
    /// it, its, who: a thing, an organisation, or a person of unknown gender.
    Neutral,
    Plural,
    FirstPerson,
}

pub struct Lexicon {
    reporting_verbs: WordSet,
    that_verbs: WordSet,
    /// Two-word verbs: first word → particles ("pointed" → ["out"]).
    phrasal_verbs: WordMap<Vec<&'static str>>,
    pronouns: WordMap<PronounKind>,
    honorifics: WordMap<Gender>,
    role_nouns: WordMap<Gender>,
    source_nouns: WordSet,
    /// Whole place names, lower case ("new york", "minsk").
    places: WordSet,
    demonyms: WordSet,
    /// Given names with their gender and whether they are also a common surname.
    given_names: WordMap<GivenName>,
    not_names: WordSet,
    adverbs: WordSet,
    intro_words: WordSet,
    org_words: WordSet,
    /// Forms of the speech verbs with their class ("clause", "addressee", "request").
    speech_verbs: WordMap<&'static str>,
    /// The base form of each speech verb ("say", "warn"): the first form on its line.
    speech_verb_bases: WordSet,
    /// Nouns of speech, with whether an infinitive may follow them ("promise to …").
    speech_nouns: WordMap<bool>,
    /// The speech verbs' and nouns' filters in one (`may_be_speech_word`, asked of every
    /// word of a text): one table read per word, not two.
    speech_word_filter: Box<[u64; FILTER_WORDS]>,
}

/// A word list with a value per word: a hash map behind a bit filter on the word's first two
/// bytes, last two bytes and length. Most words asked about are in no small list (the lexicon
/// is asked about nearly every word near a name or a quotation), and the filter answers those
/// without hashing. Every filter has 65,536 bits (8 KiB), so that even the thousands of given
/// names let few other words through; one fixed size also lets the compiler see that a slot
/// is always inside the filter (no bounds check on the path every word takes).
struct WordMap<V> {
    map: HashMap<&'static str, V>,
    filter: Box<[u64; FILTER_WORDS]>,
}

type WordSet = WordMap<()>;

/// The filter's size, as a power of two, and in 64-bit words.
const FILTER_BITS_LOG2: u32 = 16;
const FILTER_WORDS: usize = (1 << FILTER_BITS_LOG2) / 64;

impl<V> WordMap<V> {
    /// The word list over `map`, its filter built from every word in it.
    fn new(map: HashMap<&'static str, V>) -> WordMap<V> {
        let mut words = WordMap {
            map,
            filter: Box::new([0; FILTER_WORDS]),
        };
        let slots: Vec<usize> = words.map.keys().map(|w| Self::slot(w)).collect();
        for slot in slots {
            words.filter[slot / 64] |= 1 << (slot % 64);
        }
        words
    }

    /// The filter slot of `w`: the same in every list's filter (they share size and hash).
    #[inline]
    fn slot(w: &str) -> usize {
        let b = w.as_bytes();
        // The first two and last two bytes, each pair read as one number (a one-byte word is
        // its byte twice with zeros between).
        let (first_two, last_two) = match (b.first_chunk::<2>(), b.last_chunk::<2>()) {
            (Some(first), Some(last)) => (u16::from_le_bytes(*first), u16::from_le_bytes(*last)),
            _ => match b.first() {
                Some(&only) => (u16::from(only), u16::from(only) << 8),
                None => return 0,
            },
        };
        let key = u64::from(first_two) | u64::from(last_two) << 16 | (b.len() as u64) << 32;
        // A multiplicative hash: the top bits depend on every bit of the key.
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS_LOG2)) as usize
    }

    /// Inlined where asked: the filter's answer costs a few instructions.
    #[inline]
    fn get(&self, w: &str) -> Option<&V> {
        if !self.may_contain(w) {
            return None;
        }
        self.lookup(w)
    }

    /// Whether `w`'s filter bit is set: `w` may be in the list (never false for a word in it).
    #[inline]
    fn may_contain(&self, w: &str) -> bool {
        self.has_slot(Self::slot(w))
    }

    /// Whether a word of the list has filter slot `slot` (`WordMap::slot`).
    #[inline]
    fn has_slot(&self, slot: usize) -> bool {
        self.filter[slot / 64] & (1 << (slot % 64)) != 0
    }

    /// The hash map itself, kept out of line so that `get` stays small.
    #[inline(never)]
    fn lookup(&self, w: &str) -> Option<&V> {
        self.map.get(w)
    }

    fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}

impl<V> FromIterator<(&'static str, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(iter: I) -> Self {
        WordMap::new(iter.into_iter().collect())
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        iter.into_iter().map(|w| (w, ())).collect()
    }
}

/// What the given-name gazetteer says about a word.
#[derive(Debug, Clone, Copy)]
struct GivenName {
    gender: Gender,
    /// Also a common surname ("Clinton", "Scott"): a gender only before another name word.
    surname_too: bool,
}

/// Calls `f` with `stem` + `ending`, built on the stack (a plural's singular is short; a
/// longer one is no word of any list).
fn with_ending(stem: &str, ending: &str, f: impl Fn(&str) -> bool) -> bool {
    let mut buf = [0u8; 64];
    let len = stem.len() + ending.len();
    if len > buf.len() {
        return false;
    }
    if ending.is_empty() {
        // Nothing to append ("officials" -> "official"): the stem itself, not a copy.
        return f(stem);
    }
    buf[..stem.len()].copy_from_slice(stem.as_bytes());
    buf[stem.len()..len].copy_from_slice(ending.as_bytes());
    std::str::from_utf8(&buf[..len]).is_ok_and(f)
}

word_set!(
    /// English cardinal number words (a closed class of the grammar): "more than four boats".
    pub fn is_number_word,
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "billion", "dozen", "dozens", "hundreds", "thousands", "millions",
);

word_set!(
    /// The common "-ly" nouns and adjectives of news ("the daily", "a rally"): no adverbs.
    fn is_ly_non_adverb,
    "daily", "weekly", "monthly", "quarterly", "yearly", "family", "rally", "ally", "assembly",
    "supply", "elderly", "friendly", "lonely",
);

/// The auxiliaries and modals themselves: "is", "had", "would", "must", … (a closed class of
/// English grammar, so written here rather than generated).
pub fn is_bare_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
    )
}

/// The lines of a lexicon file with comments dropped and spaces trimmed, empty ones skipped.
fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// The words of a lexicon file: comments dropped, split on white space.
fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
}

/// `speech_verbs.txt`: read for the forms' classes and for the verbs' base forms.
const SPEECH_VERBS: &str = include_str!("lexicon/speech_verbs.txt");

/// The forms of a file whose lines are a tag and then one word's forms, base form first
/// (`speech_verbs.txt`, `speech_nouns.txt`): (tag, form, whether it is the base form).
fn tagged_forms(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str, bool)> {
    lines(data).flat_map(|l| {
        let mut words = l.split_whitespace();
        let tag = words.next().unwrap_or_default();
        words.enumerate().map(move |(i, form)| (tag, form, i == 0))
    })
}

/// The lines of a lexicon file as (first word, rest) pairs.
fn entries(data: &'static str) -> impl Iterator<Item = (&'static str, Option<&'static str>)> {
    lines(data).map(|l| {
        let mut parts = l.split_whitespace();
        let first = parts.next().unwrap_or("");
        (first, parts.next())
    })
}

fn gender_of(tag: Option<&str>) -> Gender {
    match tag {
        Some("m") => Gender::Male,
        Some("f") => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Parses `NAME GENDER [s]` lines of the given-name gazetteer.
fn given_names(data: &'static str) -> WordMap<GivenName> {
    lines(data)
        .map(|l| {
            let mut parts = l.split_whitespace();
            let name = parts.next().unwrap_or("");
            let gender = gender_of(parts.next());
            let surname_too = parts.next() == Some("s");
            (
                name,
                GivenName {
                    gender,
                    surname_too,
                },
            )
        })
        .collect()
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut reporting_verbs = HashMap::default();
        let mut phrasal_verbs: HashMap<&str, Vec<&str>> = HashMap::default();
        for w in words(include_str!("lexicon/reporting_verbs.txt")) {
            match w.split_once('+') {
                Some((verb, particle)) => phrasal_verbs.entry(verb).or_default().push(particle),
                None => {
                    reporting_verbs.insert(w, ());
                }
            }
        }
        let (reporting_verbs, phrasal_verbs) =
            (WordMap::new(reporting_verbs), WordMap::new(phrasal_verbs));
        let pronouns = entries(include_str!("lexicon/pronouns.txt"))
            .map(|(w, tag)| {
                let kind = match tag {
                    Some("m") => PronounKind::Male,
                    Some("f") => PronounKind::Female,
                    Some("p") => PronounKind::Plural,
                    Some("1") => PronounKind::FirstPerson,
                    _ => PronounKind::Neutral,
                };
                (w, kind)
            })
            .collect();
        let honorifics = entries(include_str!("lexicon/honorifics.txt"))
            .map(|(w, tag)| (w, gender_of(tag)))
            .collect();
        // Roles written by hand (with gender where the noun has one), then occupations from
        // the generated list (no gender).
        let role_nouns = entries(include_str!("lexicon/role_nouns.txt"))
            .map(|(w, tag)| (w, gender_of(tag)))
            .chain(words(include_str!("lexicon/occupations.txt")).map(|w| (w, Gender::Unknown)))
            .collect();
        let mut lexicon = Lexicon {
            reporting_verbs,
            that_verbs: words(include_str!("lexicon/that_verbs.txt")).collect(),
            phrasal_verbs,
            pronouns,
            honorifics,
            role_nouns,
            source_nouns: words(include_str!("lexicon/source_nouns.txt")).collect(),
            places: lines(include_str!("lexicon/places.txt")).collect(),
            demonyms: lines(include_str!("lexicon/demonyms.txt")).collect(),
            given_names: given_names(include_str!("lexicon/first_names.txt")),
            not_names: words(include_str!("lexicon/not_names.txt")).collect(),
            adverbs: words(include_str!("lexicon/adverbs.txt")).collect(),
            intro_words: words(include_str!("lexicon/intro_words.txt")).collect(),
            org_words: words(include_str!("lexicon/org_words.txt")).collect(),
            speech_verbs: tagged_forms(SPEECH_VERBS)
                .map(|(class, form, _)| (form, class))
                .collect(),
            speech_verb_bases: tagged_forms(SPEECH_VERBS)
                .filter(|&(_, _, base)| base)
                .map(|(_, form, _)| form)
                .collect(),
            speech_nouns: tagged_forms(include_str!("lexicon/speech_nouns.txt"))
                .map(|(tag, form, _)| (form, tag == "to"))
                .collect(),
            speech_word_filter: Box::new([0; FILTER_WORDS]),
        };
        let both = lexicon
            .speech_verbs
            .filter
            .iter()
            .zip(lexicon.speech_nouns.filter.iter());
        for (joined, (verbs, nouns)) in lexicon.speech_word_filter.iter_mut().zip(both) {
            *joined = verbs | nouns;
        }
        lexicon
    }

    pub fn get() -> &'static Lexicon {
        static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);
        &LEXICON
    }

    pub fn is_reporting_verb(&self, w: &str) -> bool {
        self.reporting_verbs.contains(w)
    }
    /// Verbs that report only with a clause: "found that", "believes that".
    pub fn is_that_verb(&self, w: &str) -> bool {
        self.that_verbs.contains(w)
    }
    /// Particles that make `w` a two-word reporting verb ("pointed" + "out").
    pub fn verb_particles(&self, w: &str) -> &[&'static str] {
        self.phrasal_verbs.get(w).map(Vec::as_slice).unwrap_or(&[])
    }
    pub fn pronoun(&self, w: &str) -> Option<PronounKind> {
        self.pronouns.get(w).copied()
    }
    pub fn honorific(&self, w: &str) -> Option<Gender> {
        self.honorifics.get(w).copied()
    }
    pub fn role_noun(&self, w: &str) -> Option<Gender> {
        self.role_nouns.get(w).copied()
    }
    /// Whether `w` (lower case) is a noun that can say who speaks: a role ("spokeswoman"), a
    /// kind of source ("newspaper", "report") or an organisation word ("ministry").
    pub fn names_a_speaker(&self, w: &str) -> bool {
        self.role_noun(w).is_some() || self.is_source_noun(w) || self.is_org_word(w)
    }
    /// Whether `w` (lower case) is the plural of a role noun: "officials", "witnesses",
    /// "secretaries", "spokesmen". The one test for a plural role, so that every reader agrees.
    pub fn is_plural_role(&self, w: &str) -> bool {
        if w.len() < super::limits::MIN_PLURAL_BYTES {
            return false;
        }
        let role = |stem: &str, ending: &str| {
            with_ending(stem, ending, |singular| self.role_noun(singular).is_some())
        };
        w.strip_suffix("men").is_some_and(|s| role(s, "man"))
            || w.strip_suffix("ies").is_some_and(|s| role(s, "y"))
            || w.strip_suffix("es").is_some_and(|s| role(s, ""))
            || w.strip_suffix('s').is_some_and(|s| role(s, ""))
    }
    pub fn is_source_noun(&self, w: &str) -> bool {
        self.source_nouns.contains(w)
    }
    /// A whole place name in lower case: "minsk", "new york".
    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains(name)
    }
    /// "Russian", "Belarusian": a word for the people of a country.
    pub fn is_demonym(&self, w: &str) -> bool {
        self.demonyms.contains(w)
    }
    /// The gender of a word that is a first name even standing alone ("Hillary" but not
    /// "Clinton", which is mostly a surname). `Some(Unknown)` for names of either gender.
    pub fn first_name_gender(&self, w: &str) -> Option<Gender> {
        self.given_names
            .get(w)
            .filter(|g| !g.surname_too)
            .map(|g| g.gender)
    }
    /// The gender of a word that is a given name when another name word follows it ("Bill
    /// Clinton", "Scott Walker").
    pub fn given_name_gender(&self, w: &str) -> Option<Gender> {
        self.given_names.get(w).map(|g| g.gender)
    }
    pub fn is_not_name(&self, w: &str) -> bool {
        self.not_names.contains(w)
    }
    pub fn is_adverb(&self, w: &str) -> bool {
        // "-ly" words are adverbs unless a gazetteer knows them ("Kelly", "Italy") or they are
        // the common "-ly" nouns and adjectives of news (`is_ly_non_adverb`).
        self.adverbs.contains(w)
            || (w.len() > 4
                && w.ends_with("ly")
                && !is_ly_non_adverb(w)
                && !self.given_names.contains(w)
                && !self.places.contains(w))
    }
    pub fn is_intro_word(&self, w: &str) -> bool {
        self.intro_words.contains(w)
    }
    /// The class of a speech verb form (the first word of its line in `speech_verbs.txt`).
    pub fn speech_verb_class(&self, w: &str) -> Option<&'static str> {
        self.speech_verbs.get(w).copied()
    }
    /// A noun of speech ("claim", "statements"): Some, with whether an infinitive may follow it
    /// ("his promise to …"; "his statement to the press" names a hearer).
    pub fn speech_noun(&self, w: &str) -> Option<bool> {
        self.speech_nouns.get(w).copied()
    }
    /// Whether `w` may be a speech verb form (`speech_verb_class`) or a noun of speech
    /// (`speech_noun`): false for nearly every other word, and never false for one of those.
    /// A quick test before asking either of every word of a text.
    pub fn may_be_speech_word(&self, w: &str) -> bool {
        let slot = WordSet::slot(w);
        self.speech_word_filter[slot / 64] & (1 << (slot % 64)) != 0
    }
    /// Whether `w` is a speech verb's base form ("say", "warn"), not an inflected one.
    pub fn is_speech_verb_base(&self, w: &str) -> bool {
        self.speech_verb_bases.get(w).is_some()
    }
    pub fn is_org_word(&self, w: &str) -> bool {
        self.org_words.contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashSet as HashSet;

    #[test]
    fn plurals_of_roles_in_every_english_form() {
        let lx = Lexicon::get();
        for w in [
            "officials",
            "spokesmen",
            "secretaries",
            "witnesses",
            "judges",
            "senators",
        ] {
            assert!(lx.is_plural_role(w), "{w}");
        }
        for w in ["bus", "is", "pilots's", "ministries", "says"] {
            assert!(!lx.is_plural_role(w), "{w}");
        }
    }

    #[test]
    fn lexicons_load_and_answer() {
        let lx = Lexicon::get();
        assert!(lx.is_reporting_verb("said"));
        assert!(lx.is_reporting_verb("tweeted"));
        assert!(!lx.is_reporting_verb("table"));
        assert_eq!(lx.verb_particles("pointed"), &["out"]);
        assert_eq!(lx.pronoun("she"), Some(PronounKind::Female));
        assert_eq!(lx.first_name_gender("vladimir"), Some(Gender::Male));
        assert_eq!(lx.first_name_gender("hillary"), Some(Gender::Female));
        assert_eq!(lx.role_noun("spokeswoman"), Some(Gender::Female));
        assert!(lx.is_place("belarus"));
        assert!(lx.is_place("new york"));
        assert!(!lx.is_place("kremlin"));
        assert!(lx.is_demonym("russian"));
        assert_eq!(lx.first_name_gender("clinton"), None);
        assert_eq!(lx.given_name_gender("clinton"), Some(Gender::Male));
        assert!(lx.is_not_name("however"));
        assert!(lx.is_adverb("repeatedly"));
    }

    #[test]
    fn lexicon_words_are_lower_case() {
        for data in [
            include_str!("lexicon/reporting_verbs.txt"),
            include_str!("lexicon/first_names.txt"),
            include_str!("lexicon/not_names.txt"),
        ] {
            for w in words(data) {
                assert_eq!(w, w.to_lowercase(), "{w}");
            }
        }
    }

    /// The lexicon files as (file name, text), read from the source folder so a new file
    /// cannot escape the lint.
    fn lexicon_files() -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/attribution/lexicon");
        let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
            .expect("lexicon folder")
            .map(|e| {
                let path = e.expect("lexicon entry").path();
                let name = path
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned();
                let text = std::fs::read_to_string(&path).expect("lexicon file");
                (name, text)
            })
            .collect();
        files.sort();
        files
    }

    /// The entries of a file as the lexicon reads them: whole lines for the name lists,
    /// the first word of tagged lines, every word of plain word lists.
    fn file_entries(name: &str, text: &'static str) -> Vec<&'static str> {
        match name {
            "places.txt" | "demonyms.txt" => lines(text).collect(),
            "first_names.txt" | "honorifics.txt" | "pronouns.txt" | "role_nouns.txt" => {
                entries(text).map(|(w, _)| w).collect()
            }
            // A line is a class name, then the forms of one verb: the forms are the entries.
            "speech_verbs.txt" | "speech_nouns.txt" => {
                tagged_forms(text).map(|(_, form, _)| form).collect()
            }
            _ => words(text).collect(),
        }
    }

    #[test]
    fn every_lexicon_file_says_where_it_comes_from() {
        for (name, text) in lexicon_files() {
            assert!(
                text.lines()
                    .take_while(|l| l.starts_with('#'))
                    .any(|l| l.starts_with("# Provenance:")),
                "{name} has no '# Provenance:' line in its header"
            );
        }
    }

    #[test]
    fn no_lexicon_file_lists_a_word_twice() {
        for (name, text) in lexicon_files() {
            let text: &'static str = Box::leak(text.into_boxed_str());
            let mut seen = HashSet::default();
            for w in file_entries(&name, text) {
                assert!(seen.insert(w), "{name} lists {w:?} twice");
            }
        }
    }

    #[test]
    fn no_word_is_in_two_lists_that_exclude_each_other() {
        let files: HashMap<String, HashSet<&'static str>> = lexicon_files()
            .into_iter()
            .map(|(name, text)| {
                let text: &'static str = Box::leak(text.into_boxed_str());
                let set = file_entries(&name, text).into_iter().collect();
                (name, set)
            })
            .collect();
        // A place is not a person, an organisation, a title or a function word; a given name
        // is not a function word, a title, a role or an organisation word.
        let exclusive = [
            ("places.txt", "first_names.txt"),
            ("places.txt", "org_words.txt"),
            ("places.txt", "source_nouns.txt"),
            ("places.txt", "role_nouns.txt"),
            ("places.txt", "occupations.txt"),
            ("first_names.txt", "occupations.txt"),
            ("role_nouns.txt", "occupations.txt"),
            ("places.txt", "pronouns.txt"),
            ("places.txt", "not_names.txt"),
            ("places.txt", "honorifics.txt"),
            ("first_names.txt", "not_names.txt"),
            ("first_names.txt", "pronouns.txt"),
            ("first_names.txt", "honorifics.txt"),
            ("first_names.txt", "role_nouns.txt"),
            ("first_names.txt", "org_words.txt"),
            ("first_names.txt", "source_nouns.txt"),
            ("first_names.txt", "reporting_verbs.txt"),
            ("demonyms.txt", "places.txt"),
        ];
        for (a, b) in exclusive {
            let (sa, sb) = (&files[a], &files[b]);
            let mut both: Vec<_> = sa.intersection(sb).collect();
            both.sort();
            assert!(both.is_empty(), "{a} and {b} both list {both:?}");
        }
    }

    #[test]
    fn the_filter_never_hides_a_listed_word() {
        let words: WordSet = ["said", "a", "", "ü", "front-runner"].into_iter().collect();
        for w in ["said", "a", "", "ü", "front-runner"] {
            assert!(words.contains(w), "{w:?}");
        }
        for w in ["says", "b", "ö", "front-runners"] {
            assert!(!words.contains(w), "{w:?}");
        }
    }

    #[test]
    fn every_speech_verb_and_noun_may_be_a_speech_word() {
        let lx = Lexicon::get();
        let nouns = include_str!("lexicon/speech_nouns.txt");
        for (_, form, _) in tagged_forms(SPEECH_VERBS).chain(tagged_forms(nouns)) {
            assert!(lx.may_be_speech_word(form), "{form}");
        }
        let others = ["the", "harbour", "ferry", "because", "tolls", "quill"];
        let through = others.iter().filter(|w| lx.may_be_speech_word(w)).count();
        assert!(
            through < others.len(),
            "the filter lets every other word through"
        );
    }

    #[test]
    fn surnames_are_not_first_names_on_their_own() {
        let lx = Lexicon::get();
        for surname in ["clinton", "scott", "warren"] {
            assert_eq!(lx.first_name_gender(surname), None, "{surname}");
        }
        assert_eq!(lx.given_name_gender("scott"), Some(Gender::Male));
        assert_eq!(lx.first_name_gender("maria"), Some(Gender::Female));
    }
}
