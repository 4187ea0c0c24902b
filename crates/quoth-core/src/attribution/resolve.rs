//! Resolution: the phrase a sieve found becomes a speaker — an entity (by name, pronoun, title
//! or organisation) or a description.

use super::Resolution;
use super::entities::{self, Entities, EntityKind};
use super::lexicon;
use super::limits;
use super::np::{self, MentionKind};
use super::sieves::{Ctx, Found};
use super::tokens;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum SpeakerKey {
    Entity(usize),
    Description(String),
}

/// The speaker of what a sieve found for a quotation: its phrase resolved, or for a
/// continuation the speaker of the quotation it continues, as that was resolved (`keys` holds
/// the speakers of the quotations before it).
pub(super) fn speaker_key(
    ctx: &Ctx,
    ents: &mut Entities,
    f: &Found,
    keys: &[Option<(SpeakerKey, Resolution)>],
) -> Option<(SpeakerKey, Resolution)> {
    match f.previous {
        Some(p) => {
            let (key, _) = keys.get(p)?.as_ref()?;
            Some((key.clone(), Resolution::Previous))
        }
        None => resolve(ctx, ents, f),
    }
}

/// Turns the phrase a sieve found into a speaker: an entity, or a description; nobody when
/// the entity cannot speak ([`can_speak`]).
pub(super) fn resolve(
    ctx: &Ctx,
    ents: &mut Entities,
    f: &Found,
) -> Option<(SpeakerKey, Resolution)> {
    let np = &ctx.np;
    let m = &f.mention;
    if m.kind == MentionKind::Name
        && m.name.as_deref().is_some_and(|n| is_adjective_name(np, n))
        && ents
            .lookup(m, np.lx)
            .is_none_or(|e| ents.list[e].kind != EntityKind::Person)
    {
        // "the Republican said" describes someone; "Republican" alone names nobody.
        let the = m.first_tok > 0 && np.is_word(m.first_tok - 1) && np.lw(m.first_tok - 1) == "the";
        let start = np.toks[m.first_tok - usize::from(the)].start;
        if the {
            let d = np.text[start..m.span.end].to_string();
            return Some((SpeakerKey::Description(d), Resolution::Description));
        }
        return premodified_phrase(np, f);
    }
    let found = resolve_phrase(ctx, ents, f)?;
    let SpeakerKey::Entity(e) = found.0 else {
        return Some(found);
    };
    let ent = &ents.list[e];
    if ent.kind != EntityKind::Person && is_adjective_name(np, &ent.name) {
        // "the lawsuit says" taken for an entity named "Democratic": the words say who.
        return (found.1 == Resolution::Title).then(|| {
            let d = np.text[m.span.clone()].to_string();
            (SpeakerKey::Description(d), Resolution::Description)
        });
    }
    if ent.kind == EntityKind::Place {
        if place_speaks(ctx, f) {
            return Some(found);
        }
        return premodified_phrase(np, f);
    }
    if is_lone_opener(np, m) && ent.kind != EntityKind::Person {
        // "Social workers said", "Iowa biofuels advocates say": the word modifies the phrase
        // up to the cue.
        if let Some(phrase) = premodified_phrase(np, f) {
            return Some(phrase);
        }
    }
    if !is_word_opening_sentence(ctx, ents, f, e) {
        return Some(found);
    }
    // "Organizers said", "Respondents say": a group noun opening the sentence right before
    // its cue is a description of who spoke.
    let group = np.lw(m.first_tok);
    let group_subject = next_to_cue(np, f)
        && (group.len() >= limits::MIN_PLURAL_BYTES && group.ends_with('s')
            || np.lx.role_noun(&group).is_some()
            || np.lx.is_source_noun(&group));
    group_subject.then(|| {
        let d = np.word(m.first_tok).to_string();
        (SpeakerKey::Description(d), Resolution::Description)
    })
}

/// "Norland ferry owners say", "Tarnish coastal engineers said": a place or an
/// adjective that the sieve took alone modifies the noun phrase that runs from it to the cue
/// (words only, a few of them); that phrase, as a description, is the speaker.
fn premodified_phrase(np: &np::Np, f: &Found) -> Option<(SpeakerKey, Resolution)> {
    let m = &f.mention;
    let cue = f.cue.as_ref().filter(|c| c.start >= m.span.end)?;
    let cue_tok = np.toks.partition_point(|t| t.start < cue.start);
    let words = m.last_tok + 1..cue_tok;
    let phrase = !words.is_empty()
        && words.len() <= limits::PREMODIFIER_WORDS
        && words.clone().all(|k| {
            np.is_word(k) && {
                let w = np.lw(k);
                w == "and"
                    || !np.lx.is_not_name(&w)
                        && !np.lx.is_reporting_verb(&w)
                        && !np.lx.is_adverb(&w)
                        && np.lx.pronoun(&w).is_none()
                        && !w.ends_with("ly")
                        && !w.ends_with("self")
            }
        });
    phrase.then(|| {
        let d = np.text[m.span.start..np.toks[cue_tok - 1].end].to_string();
        (SpeakerKey::Description(d), Resolution::Description)
    })
}

/// Whether the cue the phrase was found with stands right next to it ("Israel said", "said
/// Beijing", "Cruz openly admitted"), with nothing between but adverbs.
fn next_to_cue(np: &np::Np, f: &Found) -> bool {
    let m = &f.mention;
    f.cue.as_ref().is_some_and(|cue| {
        let between = if cue.start >= m.span.end {
            &np.text[m.span.end..cue.start]
        } else {
            &np.text[cue.end.min(m.span.start)..m.span.start]
        };
        between.split_whitespace().all(|w| {
            let lower = w.to_lowercase();
            np.lx.is_adverb(&lower) || w.ends_with("ly") && !tokens::is_capitalized(w)
        })
    })
}

/// Words for a party or a level of government: adjectives, not names, when alone
/// ("Republican", "Federal") or after a place ("Utah Republican").
const PARTY_WORDS: &[&str] = &[
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "democratic",
    "conservative",
    "liberal",
    "progressive",
    "libertarian",
    "independent",
    "federal",
    "judicial",
    "national",
    "political",
];

/// A name that is only a people's or party's adjective: "Democratic", "British", "Wisconsin
/// Republican".
fn is_adjective_name(np: &np::Np, name: &str) -> bool {
    entities::with_lower_case(name, |lower| {
        let adjective = |w: &str| PARTY_WORDS.contains(&w) || np.lx.is_demonym(w);
        match lower.split_once(' ') {
            None => adjective(lower),
            Some((first, rest)) => {
                !rest.contains(' ')
                    && PARTY_WORDS.contains(&rest)
                    && (np.lx.is_place(first) || np.lx.is_demonym(first))
            }
        }
    })
}

/// A place speaks (as its government: "Norway said", "said Ottawa") only as the bare subject
/// of a reporting verb next to it — never through a pronoun, as a sentence's subject with no
/// cue, in a location phrase, a dateline or a possessive ("Norway's ferry tax is a
/// “temporary” measure", "Ohio did what other states do, she told the panel").
fn place_speaks(ctx: &Ctx, f: &Found) -> bool {
    let np = &ctx.np;
    let m = &f.mention;
    m.kind == MentionKind::Name
        && !np::is_possessive(np.word(m.last_tok))
        && next_to_cue(np, f)
        && f.cue.as_ref().is_some_and(|cue| {
            np.lx
                .is_reporting_verb(&np.text[cue.clone()].to_lowercase())
        })
}

/// A name of one word, without title or role, that opens its sentence.
fn is_lone_opener(np: &np::Np, m: &np::Mention) -> bool {
    m.kind == MentionKind::Name
        && m.first_tok == m.last_tok
        && m.descriptor.is_none()
        && np.opens_sentence(m.first_tok)
}

/// A single capitalised word that opens its sentence ("Good information …", "Outside the
/// arena …", "Multiple outlets reported …") may be any English word. It is taken for a name
/// when it is a person's (by a given name or a title), when the article names it again, or
/// when it is the subject of a cue ("Hurt said") and the article never writes it in lower
/// case; a participle or an adverb ("Using", "Revealed", "Hastily") never is, nor the
/// subject of a sentence with no cue (one word seen once is too little to name a speaker).
fn is_word_opening_sentence(ctx: &Ctx, ents: &Entities, f: &Found, e: usize) -> bool {
    let np = &ctx.np;
    let m = &f.mention;
    let ent = &ents.list[e];
    if !is_lone_opener(np, m) {
        return false;
    }
    let w = np.lw(m.first_tok);
    // "I'm", "They’re", "We’ve": a pronoun with a contraction, however often written.
    let contracted_pronoun = w
        .split(['\'', '’'])
        .next()
        .is_some_and(|base| base != w && np.lx.pronoun(base).is_some());
    if contracted_pronoun {
        return true;
    }
    if ent.kind == EntityKind::Person || ent.mention_count >= 2 {
        return false;
    }
    ["ing", "ly", "ed"].iter().any(|s| w.ends_with(s))
        || f.cue.is_none()
        || ctx.is_written_lower_case(&w)
}

/// Turns the phrase a sieve found into a speaker: an entity, or a description.
fn resolve_phrase(ctx: &Ctx, ents: &mut Entities, f: &Found) -> Option<(SpeakerKey, Resolution)> {
    let np = &ctx.np;
    let m = &f.mention;
    match &m.kind {
        MentionKind::Name => {
            let e = ents.lookup(m, np.lx).unwrap_or_else(|| ents.link(np.lx, m));
            Some((SpeakerKey::Entity(e), Resolution::Name))
        }
        MentionKind::Pronoun(lexicon::PronounKind::Neutral) => {
            // "it": the nearer of an organisation's name and a description of a document or
            // organisation ("The union called …", "the city council rejected …").
            let group = group_antecedent(ctx, m.first_tok, lexicon::PronounKind::Neutral);
            let since = group.as_ref().map_or(0, |(k, _)| *k + 1);
            if let Some(e) = ents.resolve_neutral(m.first_tok, since, np) {
                ents.add_alias(e, &np.text[m.span.clone()].to_lowercase());
                return Some((SpeakerKey::Entity(e), Resolution::Pronoun));
            }
            group.map(|(_, d)| (SpeakerKey::Description(d), Resolution::Pronoun))
        }
        MentionKind::Pronoun(kind) => {
            if let Some(e) = ents.resolve_pronoun(m.first_tok, *kind, np) {
                ents.add_alias(e, &np.text[m.span.clone()].to_lowercase());
                ents.learn_gender(e, m.gender);
                return Some((SpeakerKey::Entity(e), Resolution::Pronoun));
            }
            // "they" and "it" often stand for a group or a document named just before:
            // "the groups say. They argue …", "The Post reported … It added, …".
            let (_, group) = group_antecedent(ctx, m.first_tok, *kind)?;
            Some((SpeakerKey::Description(group), Resolution::Pronoun))
        }
        MentionKind::Nominal => {
            let head = m.head.as_deref().unwrap_or("");
            // "King said": a surname that is also a title, when someone of that name exists.
            if m.first_tok == m.last_tok && np.is_cap(m.first_tok) {
                let as_name = np::Mention {
                    name: Some(np.word(m.first_tok).to_string()),
                    kind: MentionKind::Name,
                    ..m.clone()
                };
                if let Some(e) = ents.lookup(&as_name, np.lx) {
                    return Some((SpeakerKey::Entity(e), Resolution::Name));
                }
            }
            if let Some(org) = &m.org
                && np.lx.role_noun(head).is_none()
            {
                let org_mention = np::Mention {
                    name: Some(org.clone()),
                    kind: MentionKind::Name,
                    ..m.clone()
                };
                let e = ents
                    .lookup(&org_mention, np.lx)
                    .unwrap_or_else(|| ents.link(np.lx, &org_mention));
                return Some((SpeakerKey::Entity(e), Resolution::Organisation));
            }
            // "the ministry said": an organisation is no person's title, even where a person's
            // description named it ("a ministry spokesman"); it may be a company's ("Brell
            // Mining, the company that runs the pit").
            let organisation = np.lx.is_org_word(head) && np.lx.role_noun(head).is_none();
            if let Some(e) = ents.resolve_title(m, np)
                && !(organisation && ents.list[e].kind == EntityKind::Person)
            {
                return Some((SpeakerKey::Entity(e), Resolution::Title));
            }
            // "its managing director announced …": the person the story names with that role
            // next.
            let possessive_or_definite = np.is_word(m.first_tok)
                && matches!(
                    np.lw(m.first_tok).as_ref(),
                    "the" | "its" | "his" | "her" | "their"
                );
            if !organisation
                && possessive_or_definite
                && let Some(e) = ents.resolve_title_ahead(m, np)
            {
                return Some((SpeakerKey::Entity(e), Resolution::Title));
            }
            // "the union said": the union the story named.
            if organisation
                && np.lw(m.first_tok) == "the"
                && let Some(e) = ents.resolve_organisation_word(m.first_tok, head, &m.modifiers)
            {
                return Some((SpeakerKey::Entity(e), Resolution::Organisation));
            }
            let d = np.text[m.span.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            description_speaker(d).map(|d| (SpeakerKey::Description(d), Resolution::Description))
        }
    }
}

/// A description as a speaker's name, without the relative pronoun that introduced its clause
/// ("a campaign surrogate who" -> "a campaign surrogate", "the panel, which" -> "the panel"); a lone quantifier ("Another", "a
/// second", "many") names nobody a reader could tell apart.
fn description_speaker(d: String) -> Option<String> {
    let d = d
        .strip_suffix(" who")
        .or_else(|| d.strip_suffix(" which"))
        .unwrap_or(&d)
        .trim_end_matches([',', ' '])
        .to_string();
    let lower = d.to_lowercase();
    let quantifier = matches!(
        lower.as_str(),
        "another" | "one" | "many" | "some" | "others" | "a second" | "a third" | "most" | "few"
    );
    (!quantifier && !d.is_empty()).then_some(d)
}

/// The description a plural "they" (or a document-like "it") refers to: the nearest noun
/// phrase before it, within three sentences, headed by a plural role ("the groups",
/// "officials", "Democrats") or, for "it", by a document or organisation word; with the token
/// of its head.
fn group_antecedent(ctx: &Ctx, tok: usize, kind: lexicon::PronounKind) -> Option<(usize, String)> {
    let np = &ctx.np;
    let plural = match kind {
        lexicon::PronounKind::Plural => true,
        lexicon::PronounKind::Neutral => false,
        // "I" and "we" in the narrative are the article's writer (a column, a first-person
        // report): outside quotations nobody else says "I".
        lexicon::PronounKind::FirstPerson => return Some((tok, "the writer".to_string())),
        _ => return None,
    };
    let sentence = np.toks[tok].sentence;
    let lo = tok.saturating_sub(limits::GROUP_ANTECEDENT_TOKENS);
    for k in (lo..tok).rev() {
        let t = np.toks[k];
        if sentence.saturating_sub(t.sentence) > limits::GROUP_ANTECEDENT_SENTENCES
            || t.kind != tokens::Kind::Word
        {
            continue;
        }
        let w = np.lw(k);
        let fits = if plural {
            np.lx.is_plural_role(&w)
                || w.len() >= limits::MIN_PLURAL_BYTES
                    && w.ends_with('s')
                    && (np.lx.is_source_noun(&w[..w.len() - 1]) || np.lx.role_noun(&w).is_some())
        } else {
            !np.is_cap(k) && (np.lx.is_source_noun(&w) || np.lx.is_org_word(&w))
        };
        if !fits {
            continue;
        }
        let start = ctx.sentence_of(k).start;
        let m = np.subject_backward(k, start).filter(|m| m.last_tok == k)?;
        let text = np.text[m.span.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        return Some((k, text));
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::article::split_paragraphs;
    use crate::attribution::analyse_text;
    use crate::attribution::test_support::speaker_of;

    #[test]
    fn pronoun_resolves_to_compatible_mention() {
        let t = "Mary Holt met John Perez on Friday. “It went well,” she said.";
        assert_eq!(speaker_of(t, "It went well"), Some("Mary Holt".into()));
        let t = "Mary Holt met John Perez on Friday. “It went well,” he said.";
        assert_eq!(speaker_of(t, "It went well"), Some("John Perez".into()));
    }

    #[test]
    fn a_role_description_resolves_to_the_person_named_with_that_role_next() {
        let t = "The ferry company will add six routes, its managing director said on Monday.\n\nIlsa Morrow, managing director of Tarn Ferries, said the boats were ordered.";
        let r = crate::attribution::test_support::reported(t);
        assert_eq!(r[0].1.as_deref(), Some("Ilsa Morrow"), "{r:?}");
        // Must not resolve: an indefinite description, or another role.
        let t = "The ferry company will add six routes, a managing director said on Monday.\n\nIlsa Morrow, managing director of Tarn Ferries, said the boats were ordered.";
        let r = crate::attribution::test_support::reported(t);
        assert_ne!(r[0].1.as_deref(), Some("Ilsa Morrow"), "{r:?}");
        let t = "The ferry company will add six routes, its finance director said on Monday.\n\nIlsa Morrow, managing director of Tarn Ferries, said the boats were ordered.";
        let r = crate::attribution::test_support::reported(t);
        assert_ne!(r[0].1.as_deref(), Some("Ilsa Morrow"), "{r:?}");
    }

    #[test]
    fn plural_pronoun_resolves_to_a_group() {
        let t = "The plan drew complaints, the tenant groups say. They insist that the landlord should “lead by example.”";
        assert_eq!(speaker_of(t, "lead by"), Some("the tenant groups".into()));
    }

    #[test]
    fn first_person_narrator_is_the_writer() {
        let t = "I sat with the report for two days. I kept muttering, “This is the worst argument I have read.”";
        assert_eq!(
            speaker_of(t, "This is the worst"),
            Some("the writer".into())
        );
    }

    #[test]
    fn pronoun_prefers_subjects_to_prepositional_objects() {
        let t = "Like Victor Adams, Ivan Petrov spoke briefly. He only said that they “agreed.”";
        assert_eq!(speaker_of(t, "agreed"), Some("Ivan Petrov".into()));
    }

    #[test]
    fn title_resolves_to_introduced_role() {
        let t = "City water board spokesman Ivo Lind spoke first.\n\n“We are watching,” the spokesman said.";
        assert_eq!(speaker_of(t, "We are watching"), Some("Ivo Lind".into()));
    }

    #[test]
    fn an_organisation_is_no_title_of_a_person_named_before() {
        let t = "Dr. Mara Lind, the county's director of health, said that nine cases were confirmed.\n\nAccording to the Ministry of Health, coverage fell to 68 percent last year.";
        assert_eq!(
            speaker_of(t, "coverage fell"),
            Some("Ministry of Health".into())
        );
        let t = "Ivo Lind, a ministry spokesman, said that the talks would resume.\n\nThe ministry said later that the talks had been cancelled.";
        assert_eq!(
            speaker_of(t, "the talks had been"),
            Some("The ministry".into())
        );
    }

    #[test]
    fn an_organisation_word_names_the_organisation_the_story_named() {
        let t = "The Harbour Workers Union voted to strike on Monday.\n\nThe union said that the talks had failed.";
        assert_eq!(
            speaker_of(t, "the talks had failed"),
            Some("Harbour Workers Union".into())
        );
        // "Members of" opening the sentence is no part of the union's name.
        let t = "Members of the Harbour Workers Union met on Monday.\n\nThe union said that the talks had failed.";
        assert_eq!(
            speaker_of(t, "the talks had failed"),
            Some("Harbour Workers Union".into())
        );
        // Only the word that heads the name: a bank named for a union is no union.
        let t = "The Union Bank of Dunmore cut its rates on Monday.\n\nThe union said that the talks had failed.";
        assert_eq!(
            speaker_of(t, "the talks had failed"),
            Some("The union".into())
        );
        // Only an organisation whose name holds the word.
        let t = "Brell Shipping cut wages on Monday.\n\nThe union said that the talks had failed.";
        assert_eq!(
            speaker_of(t, "the talks had failed"),
            Some("The union".into())
        );
        let t = "The Sitka Intelligence Group tracks militias.\n\nThe armed group said that the talks had failed.";
        assert_eq!(
            speaker_of(t, "the talks had failed"),
            Some("The armed group".into())
        );
    }

    #[test]
    fn a_plural_role_with_its_modifiers_is_the_speaker() {
        let t = "Norlandic senators have vowed that the harbour bill will fail.";
        assert_eq!(
            speaker_of(t, "the harbour bill"),
            Some("Norlandic senators".into())
        );
        let t = "Tarnish coastal engineers have said that the sea wall was sound.";
        assert_eq!(
            speaker_of(t, "the sea wall"),
            Some("Tarnish coastal engineers".into())
        );
        // Must not take a sentence's opening words or a verb into the phrase.
        let t = "Then perhaps engineers say that the levy is too high.";
        assert_eq!(speaker_of(t, "the levy is"), Some("engineers".into()));
    }

    #[test]
    fn a_clause_is_never_a_speaker() {
        // The sentence's first words are a clause ("The port has hired …"), not its subject.
        let t = "Mayor Ilse Brandt spoke on Monday.\n\nThe port has hired ten new pilots, Brandt said in reply, and insisted that wages would not fall.";
        assert_eq!(speaker_of(t, "wages would not"), Some("Ilse Brandt".into()));
    }

    #[test]
    fn unresolved_role_stays_a_description() {
        let t = "“We have no comment,” a Pentagon spokesman said.";
        assert_eq!(
            speaker_of(t, "no comment"),
            Some("a Pentagon spokesman".into())
        );
    }

    #[test]
    fn names_merge_into_one_speaker() {
        let t = "Vladimir Putin arrived in Minsk.\n\n“It was useful,” Putin said.\n\n“It was timely,” the Russian President said.";
        let a = analyse_text(t, &split_paragraphs(t));
        assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
        assert_eq!(a.speakers[0].name, "Vladimir Putin");
        assert_eq!(a.speakers[0].quotes.len(), 2);
    }
}
