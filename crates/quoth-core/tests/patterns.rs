//! The speaker patterns of everyday news (issue 12), each in sentences written for quoth with
//! invented names: role nouns before a name, middle initials, two people with one surname,
//! pronouns that must not reach places, junk speakers, and less common cues.

use quoth_core::article::split_paragraphs;
use quoth_core::attribution::{Analysis, EntityKind, StatementKind, analyse_text};

fn analyse(text: &str) -> Analysis {
    analyse_text(text, &split_paragraphs(text))
}

/// The resolved speaker of the quotation whose text contains `words`.
fn speaker_of(text: &str, words: &str) -> Option<String> {
    let a = analyse(text);
    let q = a
        .quotes
        .iter()
        .filter(|q| q.kind == StatementKind::Direct)
        .find(|q| text[q.span.clone()].contains(words))
        .unwrap_or_else(|| panic!("no quotation with {words:?} in {text:?}"));
    q.speaker.map(|s| a.speakers[s].name.clone())
}

fn assert_speaker(text: &str, words: &str, want: &str) {
    assert_eq!(
        speaker_of(text, words).as_deref(),
        Some(want),
        "speaker of {words:?} in {text:?}"
    );
}

#[test]
fn role_noun_without_determiner_after_the_verb() {
    assert_speaker(
        "“We will win,” said union organizer Sam Lee.",
        "We will win",
        "Sam Lee",
    );
    assert_speaker(
        "“Prices will fall,” said economist Priya Natarajan.",
        "Prices will",
        "Priya Natarajan",
    );
    assert_speaker(
        "“The bill is dead,” said former state senator Owen Brandt.",
        "The bill",
        "Owen Brandt",
    );
    assert_speaker(
        "“Buses are late every day,” said transit advocate Maria Chen.",
        "Buses are",
        "Maria Chen",
    );
    assert_speaker(
        "“It's a tough race,” said Democratic pollster Lena Vogt.",
        "tough race",
        "Lena Vogt",
    );
}

#[test]
fn title_before_a_name_with_a_place() {
    assert_speaker(
        "Former Gov. Tad Morrow of Nevada said on Twitter: “This is a disgrace.”",
        "disgrace",
        "Tad Morrow",
    );
    assert_speaker(
        "“This is a disgrace,” former Gov. Tad Morrow of Nevada said on Twitter.",
        "disgrace",
        "Tad Morrow",
    );
}

#[test]
fn spokesperson_for_an_organisation_with_a_name_in_commas() {
    assert_speaker(
        "A spokeswoman for the city council, Karine Dufort, said: “We have no comment.”",
        "no comment",
        "Karine Dufort",
    );
    assert_speaker(
        "“We have no comment,” a spokeswoman for the city council, Karine Dufort, said.",
        "no comment",
        "Karine Dufort",
    );
}

#[test]
fn middle_initials_stay_in_the_name() {
    assert_speaker(
        "“We need a budget,” said Paul D. Renner, the committee chair.",
        "We need",
        "Paul D. Renner",
    );
    assert_speaker(
        "Donald J. Harlow said: “The vote is rigged.”",
        "The vote",
        "Donald J. Harlow",
    );
    assert_speaker(
        "“The vote is rigged,” Mark S. Kettle told reporters.",
        "The vote",
        "Mark S. Kettle",
    );
}

#[test]
fn a_party_and_state_in_brackets_after_the_name() {
    assert_speaker(
        "Rep. Trey Gandy (R-S.C.): “The hearing is over.”",
        "hearing",
        "Trey Gandy",
    );
    assert_speaker(
        "“The hearing is over,” said Sen. Anne Kolb (D-Minn.).",
        "hearing",
        "Anne Kolb",
    );
}

#[test]
fn two_people_with_one_surname_are_told_apart_by_gender() {
    let t = "Helen Marsh and her husband, Robert Marsh, both spoke at the rally in Dover. \
             Robert Marsh spoke first. Then Helen Marsh took the stage. \
             “I have noticed how tired people are,” she said.";
    assert_speaker(t, "I have noticed", "Helen Marsh");
    let t = "Helen Marsh campaigned in Dover on Thursday. Helen Marsh spoke at two diners and a \
             school. Her husband, the former governor Robert Marsh, stayed home. \
             “We are going to win this state,” Marsh said.";
    // "Marsh said" in a story about Helen: the story's subject, not the husband named last.
    assert_speaker(t, "We are going", "Helen Marsh");
}

#[test]
fn he_and_she_never_resolve_to_places_or_organisations() {
    let t = "The debate took place on Thursday night in Toledo. \
             “I know what workers need,” she said.";
    let s = speaker_of(t, "I know what");
    assert_ne!(s.as_deref(), Some("Toledo"));
    let t = "The United States imposed new tariffs. “It was a mistake,” he said.";
    let s = speaker_of(t, "It was a mistake");
    assert_ne!(s.as_deref(), Some("United States"));
}

#[test]
fn a_pronoun_gender_decides_between_two_people() {
    let t = "Dana Whitfield met Tomas Okafor at the summit. \
             “We agreed on nothing,” she said afterwards.";
    assert_speaker(t, "We agreed", "Dana Whitfield");
    // A role and a name after a verb do not swallow the subject before it.
    let t = "Dana Whitfield met economist Sam Lee at the summit. \
             “We agreed on nothing,” she said afterwards.";
    assert_speaker(t, "We agreed", "Dana Whitfield");
}

#[test]
fn junk_words_are_never_speakers() {
    let texts = [
        "Voters in the Democratic primary were unhappy. “Nobody listens to us,” he said.",
        "Ossian Ruhl, a Republican, spoke. Another said “it is a shame.”",
        "The ferry left at 9 p.m. EST. “It is late,” it said.",
        "Supporters in Iowa cheered. “Four more years,” they chanted.",
    ];
    for t in texts {
        let a = analyse(t);
        for q in &a.quotes {
            if let Some(s) = q.speaker {
                let sp = &a.speakers[s];
                let name = sp.name.as_str();
                assert!(
                    !matches!(
                        name,
                        "Democratic" | "Republican" | "Another" | "EST" | "Iowa" | "a second"
                    ),
                    "junk speaker {name:?} in {t:?}"
                );
                assert_ne!(sp.kind, EntityKind::Place, "a place speaks in {t:?}");
            }
        }
    }
}

#[test]
fn a_role_then_a_name_in_commas_after_the_verb() {
    assert_speaker(
        "“Stay indoors,” said the office's duty forecaster, Lotte Brask.",
        "Stay indoors",
        "Lotte Brask",
    );
}

#[test]
fn interview_letters_are_nobody() {
    let t = "Q: Was it bad?\n\nRuth Ekdahl laughed. “It was awful,” she said.";
    assert_speaker(t, "It was awful", "Ruth Ekdahl");
}

#[test]
fn as_someone_put_it() {
    assert_speaker(
        "Tessa Grint, who chairs the review board, has doubts about the scheme. \
         As Grint put it, “the plan is a fantasy.”",
        "the plan",
        "Tessa Grint",
    );
}

#[test]
fn capitalised_said_before_the_name() {
    assert_speaker(
        "The mayor took questions. Said Ellen Pruitt: “We are not done yet.”",
        "not done",
        "Ellen Pruitt",
    );
}

#[test]
fn dash_byline_after_the_quotation() {
    assert_speaker(
        "“Cities are made by the people who stay.” ― Irma Castell",
        "Cities are made",
        "Irma Castell",
    );
}

#[test]
fn nouns_after_modifiers_are_not_cues() {
    // "claims" and "tweets" are nouns here; the speaker comes from the real cue.
    let t = "Lara Finch disputed Republican claims of “a total cover-up,” she said on Friday.";
    assert_speaker(t, "cover-up", "Lara Finch");
}

#[test]
fn a_pronoun_tells_the_gender_of_an_unknown_first_name() {
    // Neither given name is in the gazetteer; the first "she" teaches who is female.
    let t = "Okwuosa Adeyemi and Tchalla Brevik led the talks on Monday. \
             “We are close,” Adeyemi told reporters. “Very close,” she said later. \
             Brevik spoke next. “Nothing is agreed,” he said.";
    assert_speaker(t, "Very close", "Okwuosa Adeyemi");
    assert_speaker(t, "Nothing is agreed", "Tchalla Brevik");
}

#[test]
fn a_name_ending_in_ly_is_not_an_adverb() {
    assert_speaker(
        "“The debate was a mess,” Megyn Kelly said.",
        "debate was",
        "Megyn Kelly",
    );
}

#[test]
fn less_common_cues() {
    assert_speaker(
        "“This is a betrayal,” Rosa Imbert fumed after the vote.",
        "betrayal",
        "Rosa Imbert",
    );
    assert_speaker(
        "“Please come home,” Ivo Lang implored the strikers.",
        "Please come",
        "Ivo Lang",
    );
}

#[test]
fn a_time_phrase_opening_the_sentence_is_not_its_subject() {
    assert_speaker(
        "Two weeks later, Ilona Varsky met the donors, telling them “the money is safe.”",
        "the money",
        "Ilona Varsky",
    );
    assert_speaker(
        "Three days ago, Bram Oduya wrote to the board that the deal was “dead on arrival.”",
        "dead on",
        "Bram Oduya",
    );
}

#[test]
fn any_role_words_between_the_quotation_and_a_name() {
    // Role words the lexicon need not know: they stand between the quotation and the name.
    assert_speaker(
        "“The reef is dying,” marine biologist Odile Fenn said.",
        "The reef",
        "Odile Fenn",
    );
    assert_speaker(
        "“We close at noon,” the 61-year-old school principal Rufus Aldana said.",
        "We close",
        "Rufus Aldana",
    );
    assert_speaker(
        "“The fire is contained,” said fire chief Halla Brenner.",
        "The fire",
        "Halla Brenner",
    );
}

#[test]
fn a_spokesperson_for_the_named_organisation_in_commas() {
    assert_speaker(
        "A spokesman for the Ministry of Fisheries, Teodor Valk, said: “The quota stands.”",
        "quota stands",
        "Teodor Valk",
    );
    assert_speaker(
        "A spokeswoman for the Lakeside Renters Union, Mirela Dunst, said: “We will appeal.”",
        "We will appeal",
        "Mirela Dunst",
    );
}

#[test]
fn a_pronoun_goes_to_the_person_whose_known_gender_agrees() {
    // "Quenby" and "Ashdown" are in no given-name list: only the other name tells a gender.
    let t = "Quenby Tallis and Piotr Wenzel met on Tuesday. “Rents will rise,” he said.";
    assert_speaker(t, "Rents will", "Piotr Wenzel");
    let t = "Ashdown Corre and Maria Olvany met on Tuesday. “Rents will rise,” she said.";
    assert_speaker(t, "Rents will", "Maria Olvany");
}

#[test]
fn a_verb_form_inside_the_subject_is_not_the_cue() {
    assert_speaker(
        "“The levee held,” Osric Blane, a former state senator, said.",
        "levee held",
        "Osric Blane",
    );
}

#[test]
fn it_and_they_go_to_the_organisation_just_named() {
    let t = "The Marlow Dockers Union called the offer an insult. “We will strike,” it said.";
    assert_speaker(t, "We will strike", "Marlow Dockers Union");
    // A nearer description wins over an organisation named before it.
    let t = "The Ministry of Canals closed the lock. “It is unsafe,” it said.\n\n\
             The county board rejected the plan. “It is too costly,” it said.";
    assert_speaker(t, "too costly", "The county board");
}

#[test]
fn participle_clauses_belong_to_their_own_subject() {
    // A name right before the participle, not the sentence's subject.
    assert_speaker(
        "Footage showed Senator Alma Quist saying, “We are done here.”",
        "done here",
        "Alma Quist",
    );
    assert_speaker(
        "The clip ends with footage of Ferris Odum saying, “Nobody asked us.”",
        "Nobody asked",
        "Ferris Odum",
    );
    // An opening participle phrase belongs to the main clause's subject.
    assert_speaker(
        "Calling the plan “a betrayal,” Orrin Vale voted no.",
        "a betrayal",
        "Orrin Vale",
    );
    assert_speaker(
        "After saying the count was “rigged,” Dario Menk left the hall.",
        "rigged",
        "Dario Menk",
    );
}

#[test]
fn a_cue_inside_a_relative_clause() {
    assert_speaker(
        "The board released a video in which Tilda Marsh boasted, “Nobody can stop us.”",
        "Nobody can",
        "Tilda Marsh",
    );
}

/// The speakers' names of every quotation and reported statement in `text`.
fn all_speakers(text: &str) -> Vec<String> {
    let a = analyse(text);
    a.quotes
        .iter()
        .filter_map(|q| q.speaker.map(|s| a.speakers[s].name.clone()))
        .collect()
}

#[test]
fn a_common_word_opening_a_sentence_is_not_a_name() {
    for t in [
        // The article writes "good" and "outside" in lower case too: they are words.
        "The debate was good. Good arguments can still win, but only when “the truth is simple.”",
        "Few waited outside. Outside the hall, about forty people were chanting “No more cuts.”",
        "The campaign spent little. Using “plain words” when talking about taxes was new.",
    ] {
        let speakers = all_speakers(t);
        assert!(
            !speakers
                .iter()
                .any(|s| matches!(s.as_str(), "Good" | "Outside" | "Using")),
            "a word as a speaker in {t:?}: {speakers:?}"
        );
    }
    // A surname opening a sentence, named in full before, is still the person.
    assert_speaker(
        "Inga Voss runs the depot. Voss said the trucks were “older than the drivers.”",
        "older than",
        "Inga Voss",
    );
}

#[test]
fn a_place_speaks_only_as_the_subject_of_its_cue() {
    // A possessive, a location phrase or a sentence with no cue: never the place.
    for t in [
        "The ballots were counted by noon. Norway’s ferry tax is a “temporary” measure, the leaflet says.",
        "She toured the harbour at Aarhus, Denmark and described the new pier as “finished at last.”",
    ] {
        let speakers = all_speakers(t);
        assert!(
            !speakers
                .iter()
                .any(|s| matches!(s.as_str(), "Norway" | "Denmark" | "Aarhus")),
            "a place as a speaker in {t:?}: {speakers:?}"
        );
    }
    // A party or people's adjective before a noun: the whole phrase speaks.
    let t = "Nebraska farm advocates said the rule was “a disaster for growers.”";
    assert_eq!(
        speaker_of(t, "a disaster").as_deref(),
        Some("Nebraska farm advocates")
    );
}

#[test]
fn a_surname_seen_once_before_its_cue_is_still_a_name() {
    // Only the byline names her in full; the sentence-opening surname is the subject of "said".
    let t = "The actress was asked about her first film. Vantrell confirmed it and said, \
             “It was a hard year.”";
    assert_eq!(speaker_of(t, "hard year").as_deref(), Some("Vantrell"));
    // A group word opening the sentence before its cue, with its modifiers.
    let t = "Rural hospitals closed. Social workers said the cuts were “cruel.”";
    assert_eq!(speaker_of(t, "cruel").as_deref(), Some("Social workers"));
}

#[test]
fn a_possessive_phrase_before_a_noun_like_verb_is_no_speaker() {
    let t = "The old mill stood empty, its decrepit state a warning to “weekend investors.”";
    assert_eq!(speaker_of(t, "weekend"), None);
}

#[test]
fn an_unclosed_quotation_does_not_swallow_the_next_paragraphs_cue() {
    let t = "The hearing ran late.\n\n\
             “We have waited long enough, said Hana Ostrow, who chairs the tenants group.\n\n\
             “The city must act now,” said Piet Vandam, a council member.";
    assert_speaker(t, "waited long", "Hana Ostrow");
    assert_speaker(t, "must act", "Piet Vandam");
}

#[test]
fn an_age_and_a_role_before_the_name() {
    assert_speaker(
        "“The pumps failed twice,” the 52-year-old engineer Lior Banet said.",
        "pumps failed",
        "Lior Banet",
    );
    assert_speaker(
        "“The pumps failed twice,” said the 52-year-old engineer Lior Banet.",
        "pumps failed",
        "Lior Banet",
    );
}

#[test]
fn contractions_prepositions_and_state_abbreviations_are_not_speakers() {
    for t in [
        "They’re keen on the ferry plan and think tolls should stay “low for locals.”",
        "Outside the town hall of Velmor, a few dozen cyclists rang their bells, shouting “Lanes now.”",
        "A day after the flood in Orrin Falls, Ore., a local blogger posted “the levee was old.”",
    ] {
        let speakers = all_speakers(t);
        assert!(
            !speakers
                .iter()
                .any(|s| matches!(s.as_str(), "They’re" | "Outside" | "Ore")),
            "junk speaker in {t:?}: {speakers:?}"
        );
    }
}

#[test]
fn a_compound_modifier_is_not_part_of_a_name() {
    // "Harlow-based" describes the person; it is not their first name.
    let t = "Harlow-based Tamsin Greer said: “We are ready.”\n\n\
             “We are set,” said Harlow-based Tamsin Greer.\n\n\
             Dockside-based Greer said “they are late.”";
    assert_speaker(t, "We are ready", "Tamsin Greer");
    assert_speaker(t, "We are set", "Tamsin Greer");
    assert_speaker(t, "they are late", "Tamsin Greer");
}

#[test]
fn an_agency_dateline_is_not_the_subject() {
    let t = "Rivals trade barbs.\n\n\
             Tromsø (AP) – Councillor Mara Quell criticised the harbour board on Friday, \
             saying its fees were “far too high.”";
    assert_speaker(t, "far too high", "Mara Quell");
}

#[test]
fn a_report_or_an_organisation_with_the_is_the_speaker() {
    assert_speaker(
        "A report by the Cascade Budget Office said the deficit “will double by 2030.”",
        "will double",
        "Cascade Budget Office",
    );
    assert_speaker(
        "“Rates will stay where they are,” the Federal Reserve said on Tuesday.",
        "Rates will",
        "Federal Reserve",
    );
}

#[test]
fn numbers_and_possessives_inside_the_speaker_phrase() {
    assert_speaker(
        "“I lost everything in the fire,” said Dana Ruiz, 45, a mother of two.",
        "lost everything",
        "Dana Ruiz",
    );
    assert_speaker(
        "“We are working on it,” her deputy Ivo Lind said.",
        "working on it",
        "Ivo Lind",
    );
    assert_speaker(
        "“We will appeal,” said Tomas Rek of the Holy Synod.",
        "will appeal",
        "Tomas Rek",
    );
}

#[test]
fn the_outer_cue_wins_over_a_negated_or_attempted_one() {
    assert_speaker(
        "“This is a disgrace,” Mayor Ellen Park said, though she did not mention the council.",
        "disgrace",
        "Ellen Park",
    );
    assert_speaker(
        "Reporters tried to ask Governor Hal Dunmore about the audit. “No comment,” Dunmore said.",
        "No comment",
        "Hal Dunmore",
    );
}

#[test]
fn a_quotation_opened_with_a_closing_mark() {
    assert_speaker(
        "”We are ready,” said coach Mira Holt.",
        "We are ready",
        "Mira Holt",
    );
}

#[test]
fn straight_and_curly_marks_mixed_in_one_quotation() {
    let text = "\"We are ready,” said coach Mira Holt. “We trained all summer,\" she added.";
    assert_speaker(text, "We are ready", "Mira Holt");
    assert_speaker(text, "trained all summer", "Mira Holt");
}

#[test]
fn a_surname_that_is_also_a_place_is_the_person_named_with_it() {
    let t = "Rep. Ada Jordan spoke first.\n\n“We will win,” Jordan said.";
    assert_speaker(t, "We will win", "Ada Jordan");
    // With no such person, the place speaks as its government.
    let t = "Jordan and Egypt met on Monday.\n\n“We will sign,” Jordan said.";
    assert_speaker(t, "We will sign", "Jordan");
}

#[test]
fn an_occupation_names_its_speaker() {
    // "nurse" is known from the generated occupations list, not the hand-written roles.
    let t = "The nurse resigned, saying the board had ignored her.";
    let a = analyse(t);
    let found = a
        .quotes
        .iter()
        .find(|q| q.kind == StatementKind::Indirect && t[q.span.clone()].contains("ignored her"))
        .unwrap_or_else(|| panic!("no reported statement in {t:?}"));
    let speaker = found.speaker.map(|s| a.speakers[s].name.clone());
    assert_eq!(speaker.as_deref(), Some("The nurse"));
}

/// (words, speaker) of each reported statement.
fn reported(text: &str) -> Vec<(String, Option<String>)> {
    let a = analyse(text);
    a.quotes
        .iter()
        .filter(|q| q.kind == StatementKind::Indirect)
        .map(|q| {
            let speaker = q.speaker.map(|s| a.speakers[s].name.clone());
            (text[q.span.clone()].to_string(), speaker)
        })
        .collect()
}

fn assert_reported(text: &str, words: &str, want: &str) {
    let r = reported(text);
    let found = r.iter().find(|(w, _)| w == words);
    assert_eq!(
        found.and_then(|(_, s)| s.as_deref()),
        Some(want),
        "{words:?} in {text:?}: {r:?}"
    );
}

#[test]
fn a_participle_after_a_quotation_ending_in_a_comma() {
    let t = "Tova Brask insisted that she had “saved the fund,” adding that the audit was late.";
    assert_reported(t, "that the audit was late", "Tova Brask");
    let t = "“We are done,” Ilse Varga said, claiming that the count was wrong.";
    assert_reported(t, "that the count was wrong", "Ilse Varga");
    // Without a comma the participle is no cue of the sentence's subject.
    let t = "Tova Brask spoke of “the fund” before adding up the votes.";
    assert!(reported(t).is_empty(), "{:?}", reported(t));
}

#[test]
fn calling_something_a_name() {
    let t = "Ilse Varga rejected the offer, calling it an insult to the nurses.";
    assert_reported(t, "it an insult to the nurses", "Ilse Varga");
    let t = "Tova Brask called the new levy a tax on the poor.";
    assert_reported(t, "the new levy a tax on the poor", "Tova Brask");
    for t in [
        "Tova Brask called the clinic the next morning.",
        "Ilse Varga called it a night at ten.",
        "Tova Brask never called the levy a tax.",
    ] {
        assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
    }
}

#[test]
fn an_owned_noun_of_speech_in_the_subject() {
    let t = "Ilse Varga’s claim that the clinic was short of staff drew a reply.";
    assert_reported(t, "that the clinic was short of staff", "Ilse Varga");
    let t = "Tova Brask spoke first. Her promise to cut waiting lists won applause.";
    assert_reported(t, "to cut waiting lists", "Tova Brask");
    for t in [
        "Ilse Varga’s hope that the clinic would open was dashed.",
        "The claim that the clinic was short of staff was denied.",
    ] {
        assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
    }
}

#[test]
fn a_quantity_with_than_opens_a_clause() {
    let t = "Ilse Varga said more than 200 homes were flooded.";
    assert_reported(t, "more than 200 homes were flooded", "Ilse Varga");
    let t = "Tova Brask said more than she meant.";
    assert!(reported(t).is_empty(), "{:?}", reported(t));
}

#[test]
fn a_gerund_after_a_verb_of_stating() {
    let t = "Tova Brask proposed banning night flights over the town.";
    assert_reported(t, "banning night flights over the town", "Tova Brask");
    let t = "The clinic reported spending half its budget on agency staff.";
    assert_reported(t, "spending half its budget on agency staff", "The clinic");
    for t in [
        "Tova Brask did not propose banning night flights.",
        "Ilse Varga recalled everything about the morning.",
        "Ilse Varga announced during the meeting.",
    ] {
        assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
    }
}

#[test]
fn a_short_subject_before_a_cue_between_commas() {
    let t = "The levy, Ilse Varga said, was unfair.";
    assert_reported(t, "The levy, Ilse Varga said, was unfair", "Ilse Varga");
    let t = "Tova Brask met the nurses. Wages, she said, had not risen in years.";
    assert_reported(t, "Wages, she said, had not risen in years", "Tova Brask");
    // A time before the cue is no part of the statement: what follows the cue is.
    let t = "In May, Ilse Varga said, the clinic closed.";
    assert_reported(t, "the clinic closed", "Ilse Varga");
    // A conditional around the aside is what was said ("if …, nobody would strike").
    let t = "Tova Brask met the nurses. If wages, she said, had risen, nobody would strike.";
    assert_reported(
        t,
        "If wages, she said, had risen, nobody would strike",
        "Tova Brask",
    );
    // "state" in an appositive is a noun, not a cue around the clause.
    let t = "Ilse Varga, a former state senator, warned that the clinic would close.";
    assert_reported(t, "that the clinic would close", "Ilse Varga");
    assert_eq!(reported(t).len(), 1, "{:?}", reported(t));
}

#[test]
fn a_month_named_may_is_no_modal() {
    let t = "Ilse Varga met the nurses in May and said the clinic would stay open.";
    assert_reported(t, "the clinic would stay open", "Ilse Varga");
    let t = "Ilse Varga may say the clinic will stay open.";
    assert!(reported(t).is_empty(), "{:?}", reported(t));
}

#[test]
fn plurals_without_s_open_a_clause() {
    let t = "As Ilse Varga noted, people on the waiting list could lose their place.";
    assert_reported(
        t,
        "people on the waiting list could lose their place",
        "Ilse Varga",
    );
    let t = "Tova Brask said police had closed the road.";
    assert_reported(t, "police had closed the road", "Tova Brask");
}
