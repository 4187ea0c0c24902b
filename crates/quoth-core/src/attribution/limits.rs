//! Every threshold and window of the attribution engine, named in one place with why it is
//! what it is. Token windows count tokens (words, numbers, marks); word counts count words
//! only. A change here changes what the sieves find: measure it with the scorer.

// ---- Chunking -----------------------------------------------------------------------------

/// Text above this size is analysed in stretches of about this many bytes, cut between
/// paragraphs outside quotations: memory stays bounded on books and archives, and an
/// article's names and pronouns rarely refer further back than that.
pub const CHUNK_BYTES: usize = 256 * 1024;

// ---- Quotation sieves ---------------------------------------------------------------------

/// Tokens after a quotation searched for its cue: room for "said X, a former aide to …"
/// without reaching into the next clause of a long sentence.
pub const RIGHT_CUE_REACH: usize = 24;

/// Tokens searched for the comma that closes a participle phrase opening a sentence ("After
/// saying the count was “rigged,” …").
pub const PARTICIPLE_PHRASE_REACH: usize = 24;

/// At most this many modifier words between a quotation and the name they lead to ("“…,” the
/// 52-year-old city planner Ana Ruiz said").
pub const PREMODIFIER_WORDS: usize = 5;

/// The longest sentence (tokens) that can be a cue on its own after a quotation ("Trump
/// said." / "said the mayor's spokesman on Tuesday.").
pub const SHORT_CUE_SENTENCE_TOKENS: usize = 10;

/// Tokens from a clause's start searched for its verb when the clause should be only a cue:
/// a subject of a few words and the verb.
pub const CUE_CLAUSE_REACH: usize = 10;

/// Tokens back from a participle searched for "with" ("with Donald Trump tweeting …").
pub const WITH_PHRASE_REACH: usize = 20;

/// Tokens back searched for the "(" of a parenthesis before a verb or a colon ("Sen. Elizabeth
/// Warren (D-MA) said"): party and state fit, a sentence does not.
pub const PARENTHESIS_REACH: usize = 12;

/// Tokens back searched for the comma that opens an appositive ("Tom Ridge, a former
/// secretary of homeland security, said").
pub const APPOSITIVE_REACH: usize = 20;

/// Tokens back a subject may stand from its verb across a short phrase without punctuation
/// ("the mayor on Saturday wrote").
pub const NEARBY_SUBJECT_REACH: usize = 6;

/// Introductory phrases ("Minutes later, …", "At a meeting in Salem, Ore., …") stepped
/// over before a sentence's subject, and the tokens each may span.
pub const MAX_INTRO_SEGMENTS: usize = 4;
pub const INTRO_SEGMENT_REACH: usize = 20;

/// Tokens after a dateline's capitals searched for its dash ("WASHINGTON, Aug. 24 (UPI) —").
pub const DATELINE_REACH: usize = 10;

/// A name of at most this many characters before an introductory comma is a state or a
/// country code ("N.H.", "UK"), not the subject.
pub const ABBREVIATION_CHARS: usize = 3;

/// The longest line (tokens) read as a "Name, title, program (City):" block line: longer
/// paragraphs ending in ':' are narrative.
pub const BLOCK_LINE_MAX_TOKENS: usize = 60;

/// Words a name must have to sign a block line: a single capitalised word is too often a
/// heading ("Update:").
pub const BLOCK_LINE_NAME_WORDS: usize = 2;

// ---- Statements (which quotations are statements) -----------------------------------------

/// A quotation of at most this many words between two capitalised names is a nickname
/// (George “Jay” Keyworth).
pub const NICKNAME_MAX_WORDS: usize = 3;

/// Words after "so-called" that the writer holds at arm's length rather than quotes.
pub const SO_CALLED_MAX_WORDS: usize = 4;

/// The longest title-case quotation (words) that may be a title ("The Art of the Deal").
pub const TITLE_MAX_WORDS: usize = 10;

/// Letters from which a word counts for title case: short words ("of", "the") stay lower
/// case in titles.
pub const TITLE_WORD_MIN_LETTERS: usize = 4;

// ---- Resolution ---------------------------------------------------------------------------

/// Tokens and sentences back searched for the group a "they" or a document an "it" stands
/// for ("the civil rights groups say. They argue …").
pub const GROUP_ANTECEDENT_TOKENS: usize = 80;
pub const GROUP_ANTECEDENT_SENTENCES: u32 = 3;

/// How far back a "he" or "she" looks for its person: sentences and paragraphs (a pronoun
/// refers to someone named recently; past that, the last compatible speaker is taken).
pub const PRONOUN_REACH_SENTENCES: i64 = 6;
pub const PRONOUN_REACH_PARAGRAPHS: u32 = 3;

/// How a pronoun's candidates are scored (higher wins): each sentence back costs
/// `PRONOUN_SENTENCE_COST`; a prepositional object ("like Victor Adams") costs
/// `PRONOUN_OBLIQUE_COST`, less than a sentence, as does a word of unknown kind and gender;
/// the last speaker gets a bonus of half a sentence, as reporting goes on with them.
pub const PRONOUN_SENTENCE_COST: i64 = 10;
pub const PRONOUN_OBLIQUE_COST: i64 = 8;
pub const PRONOUN_UNKNOWN_COST: i64 = 4;
/// A person whose gender is unknown costs more than a prepositional object whose gender is
/// known to agree, and less than a sentence: "Zanele Okoro and Yusuf Bakshi met. “…,” he
/// said" is Yusuf (a male name), while a nearer person of unknown gender still beats a known
/// one a sentence further back.
pub const PRONOUN_UNKNOWN_GENDER_COST: i64 = 9;
pub const PRONOUN_RECENT_SPEAKER_BONUS: i64 = 5;

/// Mentions back searched for the organisation an "it" stands for.
pub const NEUTRAL_PRONOUN_REACH_MENTIONS: usize = 8;

/// Mentions back searched for the person a title refers to ("the spokesman"): titles refer
/// to someone named recently.
pub const TITLE_REACH_MENTIONS: usize = 60;

/// Name mentions after a definite role description searched for the person it announces
/// ("its managing director said … Anand Varma, managing director of …"): a few, so that the
/// description is the story's introduction of that person, not a later namesake role.
pub const TITLE_AHEAD_MENTIONS: usize = 4;

/// How a title's candidate is scored: an entity described with the title's head
/// ("Ned Price, the spokesman") beats one holding the role ("spokesman Ned Price"), which
/// beats one of the same nation or office words; each mention further back costs one.
pub const TITLE_DESCRIPTOR_WEIGHT: i64 = 200;
pub const TITLE_ROLE_WEIGHT: i64 = 150;
pub const TITLE_NATION_WEIGHT: i64 = 100;

/// Without a fit, a leader's title ("the president") goes to the most mentioned leader of the
/// last few paragraphs; the count is capped so one long profile cannot win from afar.
pub const LEADER_REACH_PARAGRAPHS: u32 = 6;
pub const LEADER_SALIENCE_CAP: usize = 10;

// ---- Reported speech ----------------------------------------------------------------------

/// The shortest sentence (tokens) searched for reported speech: "X said so." reports nothing.
pub const MIN_SENTENCE_TOKENS: usize = 4;

/// The longest sentence, in tokens, searched for reported speech: every sieve looks within
/// the sentence, and a "sentence" longer than any a newspaper prints (a list, a run without
/// full stops) is skipped, so no input is quadratic.
pub const MAX_SENTENCE_TOKENS: usize = 150;

/// Words a reported statement's content must have ("prices fell" is too little to be one).
pub const MIN_CONTENT_WORDS: usize = 3;

/// Words a clause must keep after its trailing punctuation is cut.
pub const MIN_CLAUSE_WORDS: usize = 2;

/// After "said", a clause without "that" needs this many words to be told from an object.
pub const SAYS_CLAUSE_WORDS: usize = 4;

/// Content of at least this many words before a comma and "according to X" is a whole clause
/// that the phrase closes (not one it interrupts).
pub const WHOLE_CLAUSE_WORDS: usize = 5;

/// Words a content must have before ", which …" or ", a …" for that relative clause or
/// appositive, running to the content's end, to be the writer's gloss on its last noun rather
/// than part of what was said (after a short subject it describes the subject: "the
/// governor, who …").
pub const RELATIVE_TAIL_MIN_WORDS: usize = 6;

/// Tokens after a speech verb searched for its "that" ("told reporters on Monday that").
pub const THAT_REACH: usize = 12;

/// Tokens after a speech verb searched for its "that" past a longer adverbial gap ("said
/// on Friday at the end of a long harbour board session in Aldby that").
pub const LONG_THAT_REACH: usize = 20;

/// The longest hearer (tokens) between "told" and "that" ("told the Wall Street Journal's
/// editorial board on Monday that").
pub const HEARER_MAX_TOKENS: usize = 10;

/// Tokens after a request verb searched for the "to" of "urged both sides to …".
pub const REQUEST_TO_REACH: usize = 6;

/// Adverbials stepped over between a verb and its clause, and the tokens a prepositional one
/// may span ("in an interview with The Times").
pub const MAX_ADVERBIALS: usize = 4;
pub const ADVERBIAL_PHRASE_REACH: usize = 9;

/// Words a bare lower-case subject may have before its verb ("climate change is", "new
/// state rules would"): longer runs are more often an object than a subject.
pub const BARE_NP_WORDS: usize = 4;

/// Words a short prepositional phrase may add to such a subject ("people in the area
/// should"); past `BARE_NP_WORDS` only an auxiliary or a modal counts as its verb.
pub const BARE_NP_PHRASE_WORDS: usize = 3;

/// Tokens after a subject searched for its verb when deciding whether a clause opens.
pub const CLAUSE_VERB_REACH: usize = 14;

/// Lower-case adjectives read between a capitalised opener and a role head without an article
/// ("Tarnish coastal engineers"), anywhere a noun phrase is read.
pub const MAX_INNER_ADJECTIVES: usize = 2;

/// Lower-case adjectives before a plural role that make a cue clause's subject (more than
/// `MAX_INNER_ADJECTIVES`: the comma before and the cue after bound the phrase) ("…, federal
/// harbour safety officials said").
pub const MAX_SUBJECT_ADJECTIVES: usize = 3;

/// Tokens before a speech verb checked for a negation or a modal ("did not say").
pub const CUE_LOOKBACK_TOKENS: usize = 4;
/// How far before "and" in "said the port would reopen and added that …" the first speech
/// verb may be (tokens; bounded so that a long run of coordinated verbs stays linear).
pub const COORDINATED_CUE_REACH: usize = 40;

/// Tokens before an "and" searched for the "to" infinitive a speech verb after it joins
/// ("urged residents to store water safely and report leaks").
pub const INFINITIVE_REACH: usize = 10;

/// Tokens back from a verb searched for the comma that opens a cue clause ("…, the minister
/// said"), and the words after the cue's subject that still count as a short adverbial.
pub const CUE_CLAUSE_COMMA_REACH: usize = 8;
pub const SHORT_TAIL_WORDS: usize = 5;

/// Tokens after "according to" read as its source when no noun phrase parses.
pub const SOURCE_PHRASE_REACH: usize = 12;

/// Capitalised words a transcript turn's speaker may have before the colon ("MARA QUILL:").
pub const TURN_NAME_TOKENS: usize = 3;

/// Tokens after a headline searched for its one-word "X:" named again (a name the article
/// uses, or a label?): an article's length, and bounded so that a long first paragraph stays
/// linear.
pub const NAMED_AGAIN_REACH: usize = 5000;

/// Tokens from a headline's start searched for its "X:" or "X Says" cue.
pub const HEADLINE_CUE_REACH: usize = 8;

/// Tokens after a sentence-opening "The" searched for the first capitalised word of a name
/// ("The county party chair Ada Brenn").
pub const THE_NAME_REACH: usize = 6;

/// Capitalised words of a possessor that opens a subject ("New York City's mayor"): longer runs
/// are a name with a possessive inside it, read by the name reader.
pub const POSSESSOR_WORDS: usize = 3;

/// Words of the phrase a possessor owns before its comma or verb ("Norway's largest ferry
/// operator, …"): a noun phrase is short; longer, the words are a clause of their own.
pub const POSSESSED_WORDS: usize = 5;

/// Segments between commas read back over a person's home town and age ("Marta Quell, 41, of
/// Dunmore, Ont., who …, says"): a relative clause, the place, its state and the age.
pub const RESIDENT_SEGMENTS: usize = 4;

/// Ages read as a person's age between commas after a name; a number outside is a count.
pub const MIN_AGE: u32 = 10;
pub const MAX_AGE: u32 = 110;

/// Tokens of a home town or its state between commas ("of New South Wales").
pub const HOME_PLACE_WORDS: usize = 5;

/// Words of a subject between a quotation's closing mark and its cue ('“…,” Representative Ada
/// Brenn, Democrat of Norland, told'); longer, the words hold a clause of their own.
pub const QUOTE_CUE_SUBJECT_WORDS: usize = 10;

/// Words of the whole phrase taken as a subject when nothing else parses ("Some growers at
/// the market in Aldby"): longer phrases are more often a clause of their own.
pub const PHRASE_SUBJECT_WORDS: usize = 8;

/// How many tokens a subject's modifiers may span between its opening noun phrase and the
/// verb ("A clerk close to the harbour board's budget talks says"); longer, the words are
/// more likely a clause of their own than a modifier.
pub const POSTMODIFIER_REACH: usize = 30;

/// How far before a speech verb a relative pronoun may open the clause whose verb was said
/// (", which harbour officials have repeatedly said will …"): the subject and a few adverbs or
/// auxiliaries.
pub const RELATIVE_SUBJECT_REACH: usize = 6;

/// How far after "said if" the statement's own clause may start ("said if he were elected
/// president next year, the pier would …").
pub const CONDITION_REACH: usize = 16;

/// Words a bare subject may have ("Romney's associates", "26 percent").
pub const BARE_SUBJECT_WORDS: usize = 4;

/// Bytes a lower-case word needs to be taken for a plural noun by its final 's' ("groups",
/// not "is", "has", "was").
pub const MIN_PLURAL_BYTES: usize = 4;

/// Bytes a word ending in "-ed" (or "-es") needs to be taken for a verb form ("voted", not
/// "red", "bed", "need").
pub const MIN_VERB_FORM_BYTES: usize = 5;

/// Bytes read after a comma inside an unclosed quotation for a reporting clause (", said Hana
/// Ostrow", ", she added"): three words of a name and a verb fit well within it.
pub const FORGOTTEN_CLOSE_REACH: usize = 80;

/// Words of an object before what "call" names it ("called the new toll plan a mistake"): a
/// noun phrase, not a clause.
pub const NAMING_OBJECT_WORDS: usize = 5;

/// Tokens of a naming predicate searched for a time ("called the office the next morning"):
/// a phone call, not a judgement.
pub const NAMING_TIME_REACH: usize = 4;

/// Tokens after a noun of speech searched for its "that" ("her statement earlier this year
/// that …"): room for a time phrase, not for a clause of its own.
pub const NOUN_THAT_REACH: usize = 8;

/// Tokens between the sentence's start and the opener of a fronted participle clause ("One
/// month after announcing …"): a short measure of time, not a clause.
pub const FRONTED_OPENER_REACH: usize = 3;

/// Tokens from a clause's first word searched for its auxiliary when the subject coordinates
/// or modifies its head ("said both the mayor and the harbour board would …"): a long subject,
/// not a second clause.
pub const COORDINATED_SUBJECT_REACH: usize = 12;

/// Tokens from a clause's first word searched for a present-tense verb after "say" ("says the
/// port office plans to …"): a short subject.
pub const PRESENT_VERB_REACH: usize = 6;

/// Capitals a news agency's initials have at most before a headline's colon ("AP:", "CNN:"):
/// a longer word in capitals is a label ("EXCLUSIVE:", "LOOK:").
pub const MAX_INITIALS: usize = 3;
