//! The attribution engine's word lists, kept as data files under `lexicon/` and parsed once.
//!
//! Each file is plain text: `#` starts a comment, words are separated by white space or new
//! lines, and all words are lower case. Lookups take lower-cased words.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

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
    reporting_verbs: HashSet<&'static str>,
    that_verbs: HashSet<&'static str>,
    /// Two-word verbs: first word → particles ("pointed" → ["out"]).
    phrasal_verbs: HashMap<&'static str, Vec<&'static str>>,
    pronouns: HashMap<&'static str, PronounKind>,
    honorifics: HashMap<&'static str, Gender>,
    role_nouns: HashMap<&'static str, Gender>,
    source_nouns: HashSet<&'static str>,
    places: HashSet<&'static str>,
    male_names: HashSet<&'static str>,
    female_names: HashSet<&'static str>,
    not_names: HashSet<&'static str>,
    adverbs: HashSet<&'static str>,
    intro_words: HashSet<&'static str>,
    org_words: HashSet<&'static str>,
}

/// The words of a lexicon file: comments dropped, split on white space.
fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
}

/// The lines of a lexicon file as (first word, rest) pairs.
fn entries(data: &'static str) -> impl Iterator<Item = (&'static str, Option<&'static str>)> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
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

impl Lexicon {
    fn load() -> Lexicon {
        let mut reporting_verbs = HashSet::default();
        let mut phrasal_verbs: HashMap<&str, Vec<&str>> = HashMap::default();
        for w in words(include_str!("lexicon/reporting_verbs.txt")) {
            match w.split_once('+') {
                Some((verb, particle)) => phrasal_verbs.entry(verb).or_default().push(particle),
                None => {
                    reporting_verbs.insert(w);
                }
            }
        }
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
        let role_nouns = entries(include_str!("lexicon/role_nouns.txt"))
            .map(|(w, tag)| (w, gender_of(tag)))
            .collect();
        Lexicon {
            reporting_verbs,
            that_verbs: words(include_str!("lexicon/that_verbs.txt")).collect(),
            phrasal_verbs,
            pronouns,
            honorifics,
            role_nouns,
            source_nouns: words(include_str!("lexicon/source_nouns.txt")).collect(),
            places: words(include_str!("lexicon/place_words.txt")).collect(),
            male_names: words(include_str!("lexicon/first_names_male.txt")).collect(),
            female_names: words(include_str!("lexicon/first_names_female.txt")).collect(),
            not_names: words(include_str!("lexicon/not_names.txt")).collect(),
            adverbs: words(include_str!("lexicon/adverbs.txt")).collect(),
            intro_words: words(include_str!("lexicon/intro_words.txt")).collect(),
            org_words: words(include_str!("lexicon/org_words.txt")).collect(),
        }
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
    pub fn is_source_noun(&self, w: &str) -> bool {
        self.source_nouns.contains(w)
    }
    pub fn is_place(&self, w: &str) -> bool {
        self.places.contains(w)
    }
    pub fn first_name_gender(&self, w: &str) -> Option<Gender> {
        if self.male_names.contains(w) {
            Some(Gender::Male)
        } else if self.female_names.contains(w) {
            Some(Gender::Female)
        } else {
            None
        }
    }
    pub fn is_not_name(&self, w: &str) -> bool {
        self.not_names.contains(w)
    }
    pub fn is_adverb(&self, w: &str) -> bool {
        self.adverbs.contains(w) || (w.len() > 4 && w.ends_with("ly"))
    }
    pub fn is_intro_word(&self, w: &str) -> bool {
        self.intro_words.contains(w)
    }
    pub fn is_org_word(&self, w: &str) -> bool {
        self.org_words.contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(lx.is_not_name("however"));
        assert!(lx.is_adverb("repeatedly"));
    }

    #[test]
    fn lexicon_words_are_lower_case() {
        for data in [
            include_str!("lexicon/reporting_verbs.txt"),
            include_str!("lexicon/first_names_male.txt"),
            include_str!("lexicon/not_names.txt"),
        ] {
            for w in words(data) {
                assert_eq!(w, w.to_lowercase(), "{w}");
            }
        }
    }
}
