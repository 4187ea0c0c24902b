#!/usr/bin/env python3
"""Builds short pattern articles with gold: the sentences every newspaper prints, with invented
people, for measuring the engine on names and sentences it was never tuned on.

Each template below is one paragraph in the markup of tools/samples/annotate.py (⟨cN⟩content⟨/c⟩,
⟨sN=Canonical⟩mention⟨/s⟩, ⟨kN⟩cue⟨/k⟩), with slots filled from the invented pools here:
  {N} full name   {M}/{W} a man's/woman's full name   {F} first name   {S} surname   {P}/{Pc} he/she   {Hc} His/Her   {R} role noun   {O} organisation
  {Q}/{Q2} a quotation's words     {C} a reported clause
Names are drawn from given names and surnames of many countries and recombined at random (fixed
seed), so no person is real; none of the sentences comes from a corpus. Templates marked
`none` must produce no statement (beliefs, hypotheticals, negation, titles).

  python3 tools/patterns/generate.py   -> tests/data/patterns/NAME.{txt,ann}
"""
import os
import random
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples"))
from annotate import parse, write_ann  # noqa: E402

FEMALE = ["Ines", "Mei", "Amara", "Sofia", "Leila", "Hanna", "Priya", "Yuki", "Carmen", "Olga",
          "Nadia", "Greta", "Ayesha", "Lucia", "Freya", "Zanele", "Marisol", "Ingrid", "Farah",
          "Katarzyna", "Thandiwe", "Elif", "Noor", "Beatriz"]
MALE = ["Tomasz", "Kwame", "Rahul", "Diego", "Lars", "Omar", "Kenji", "Pieter", "Mateo", "Ivan",
        "Emeka", "Sven", "Arjun", "Luca", "Hamid", "Bruno", "Joaquin", "Anders", "Tariq",
        "Dmitri", "Sipho", "Kemal", "Yusuf", "Rafael"]
SURNAMES = ["Okonkwo", "Lindqvist", "Varga", "Castellano", "Nakamura", "Brennan", "Adeyemi",
            "Kowalczyk", "Haddad", "Ferreira", "Johansson", "Mbeki", "Delacroix", "Rautio",
            "Szabo", "Quispe", "Halvorsen", "Moreau", "Tanaka", "Oyelaran", "Petrakis", "Ivanova",
            "Ruiz-Molina", "Achterberg", "Kaur", "Novotny", "Mwangi", "Esposito", "Bakshi",
            "Eriksen", "Toivonen", "Sandoval"]
ROLES = ["economist", "union organizer", "transit advocate", "city planner", "historian",
         "former state senator", "marine biologist", "school principal", "fire chief",
         "defense lawyer"]
ORGS = ["the Coastal Water Authority", "the National Farmers Council", "Brightline Logistics",
        "the Ministry of Transport", "the Riverside Tenants Union", "Halden Energy"]
QUOTES = ["We will not accept this offer", "The numbers simply do not add up",
          "Nobody told us the road would close", "This is the best year we have had",
          "I have never seen water this high", "We need an answer by Friday",
          "The bridge was safe when we inspected it", "Our members are ready to strike",
          "It is too early to say what went wrong", "Prices will keep rising this winter"]
CLAUSES = ["the plant would reopen in the spring", "the budget had been cut by a third",
           "the inspectors found no structural damage", "talks with the company had stalled",
           "the new timetable would start in March", "more than 200 homes were flooded",
           "the ferry service would resume on Monday", "the council had ignored the warnings"]

# (name, templates). Each template is one paragraph; it may use ids 1 and 2.
TEMPLATES = {
    "said-after": [
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨k1⟩said⟨/k⟩ ⟨s1={N}⟩{N}⟨/s⟩.",
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩ on Tuesday.",
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩told⟨/k⟩ reporters.",
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨k1⟩added⟨/k⟩ ⟨s1={N}⟩{N}⟨/s⟩.",
    ],
    "said-before": [
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩, ⟨c1⟩“{Q}.”⟨/c⟩",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩: ⟨c1⟩“{Q}.”⟨/c⟩",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩wrote⟨/k⟩ on social media: ⟨c1⟩“{Q}.”⟨/c⟩",
    ],
    "role-before-name": [
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨k1⟩said⟨/k⟩ {R} ⟨s1={N}⟩{N}⟨/s⟩.",
        "⟨c1⟩“{Q},”⟨/c⟩ {R} ⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩.",
    ],
    "name-then-role": [
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨k1⟩said⟨/k⟩ ⟨s1={N}⟩{N}⟨/s⟩, a {R} in the city.",
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨s1={N}⟩{N}⟨/s⟩, a {R}, ⟨k1⟩said⟨/k⟩.",
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨k1⟩said⟨/k⟩ ⟨s1={N}⟩{N}⟨/s⟩, 47, who has lived on the street for decades.",
    ],
    "spokesperson": [
        "A spokeswoman for {O}, ⟨s1={N}⟩{N}⟨/s⟩, ⟨k1⟩said⟨/k⟩: ⟨c1⟩“{Q}.”⟨/c⟩",
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨k1⟩said⟨/k⟩ ⟨s1={N}⟩{N}⟨/s⟩, a spokesman for {O}.",
    ],
    "middle-initial": [
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨k1⟩said⟨/k⟩ ⟨s1={F} {I}. {S}⟩{F} {I}. {S}⟨/s⟩.",
        "⟨s1={F} {I}. {S}⟩{F} {I}. {S}⟨/s⟩ ⟨k1⟩said⟨/k⟩, ⟨c1⟩“{Q}.”⟨/c⟩",
    ],
    "pronoun-after-intro": [
        "{N} runs the harbour office. ⟨c1⟩“{Q},”⟨/c⟩ ⟨s1={N}⟩{P}⟨/s⟩ ⟨k1⟩said⟨/k⟩.",
        "{N} spoke at the hearing on Monday. ⟨s1={N}⟩{Pc}⟨/s⟩ ⟨k1⟩said⟨/k⟩: ⟨c1⟩“{Q}.”⟨/c⟩",
    ],
    "surname-later": [
        "{R} {N} arrived late. ⟨c1⟩“{Q},”⟨/c⟩ ⟨s1={N}⟩{S}⟨/s⟩ ⟨k1⟩said⟨/k⟩.",
    ],
    "split-quote": [
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨s1,2={N}⟩{N}⟨/s⟩ ⟨k1,2⟩said⟨/k⟩. ⟨c2⟩“{Q2}.”⟨/c⟩",
    ],
    "according-to": [
        "According to ⟨s1={N}⟩{N}⟨/s⟩, ⟨c1⟩“{Q}.”⟨/c⟩",
        "⟨k1⟩According to⟨/k⟩ ⟨s1={N}⟩{N}⟨/s⟩, ⟨c1⟩{C}⟨/c⟩.",
    ],
    "reported-that": [
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩ ⟨c1⟩that {C}⟨/c⟩.",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩told⟨/k⟩ reporters ⟨c1⟩that {C}⟨/c⟩.",
        "⟨s1={N}⟩{N}⟨/s⟩, a {R}, ⟨k1⟩warned⟨/k⟩ ⟨c1⟩that {C}⟨/c⟩.",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩ ⟨c1⟩{C}⟨/c⟩.",
    ],
    "reported-after": [
        "⟨c1⟩{Cc}⟨/c⟩, ⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩.",
        "⟨c1⟩{Cc}⟨/c⟩, ⟨k1⟩said⟨/k⟩ ⟨s1={N}⟩{N}⟨/s⟩, a {R}.",
    ],
    "organisation": [
        "⟨s1={Oc}⟩{Oc}⟨/s⟩ ⟨k1⟩said⟨/k⟩ in a statement ⟨c1⟩that {C}⟨/c⟩.",
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨s1={Oc}⟩{O}⟨/s⟩ ⟨k1⟩said⟨/k⟩.",
    ],
    "age-title-affiliation": [
        "⟨c1⟩“{Q},”⟨/c⟩ the 52-year-old {R} ⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩.",
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨k1⟩said⟨/k⟩ Sen. ⟨s1={N}⟩{N}⟨/s⟩ (D-Ore.).",
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨k1⟩said⟨/k⟩ ⟨s1={N}⟩{N}⟨/s⟩ of {Oc}.",
        "⟨s1={N}⟩{N}⟨/s⟩, the {R}, ⟨k1⟩said⟨/k⟩: ⟨c1⟩“{Q}.”⟨/c⟩",
    ],
    "participle-and-later": [
        "Two weeks later, ⟨s1={N}⟩{N}⟨/s⟩ met the donors in the capital, ⟨k1⟩telling⟨/k⟩ them ⟨c1⟩“{Q}.”⟨/c⟩",
        "In March, ⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩ ⟨c1⟩“{Q}.”⟨/c⟩",
    ],
    "two-people-pronoun": [
        "{M} and {W} met on Tuesday. ⟨c1⟩“{Q},”⟨/c⟩ ⟨s1={W}⟩she⟨/s⟩ ⟨k1⟩said⟨/k⟩.",
        "{W} and {M} met on Tuesday. ⟨c1⟩“{Q},”⟨/c⟩ ⟨s1={M}⟩he⟨/s⟩ ⟨k1⟩said⟨/k⟩.",
    ],
    "dateline-and-organisation-it": [
        "OSLO — ⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩ on Monday ⟨c1⟩that {C}⟨/c⟩.",
        "⟨s1={Oc}⟩{O}⟨/s⟩ ⟨k1⟩said⟨/k⟩ ⟨c1⟩it would review the plan⟨/c⟩.",
    ],
    "none": [
        "{N} believes that {C}.",
        "{N} hopes {C}.",
        "If {N} said {C}, nobody heard it.",
        "{N} did not say whether {C}.",
        "{N} is the author of “The Long Winter Road”.",
    ],
    # Added after the first set (kept last so that the random draws of the files above stay
    # as they were): participle clauses, cues in relative clauses, "it said" for an
    # organisation, an unclosed quotation before another paragraph's, an age and a role after
    # the verb (issue 12, classes 4-7).
    "participle-subject": [
        "Footage showed ⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩saying⟨/k⟩, ⟨c1⟩“{Q}.”⟨/c⟩",
        "⟨k1⟩Calling⟨/k⟩ the offer ⟨c1⟩“an insult,”⟨/c⟩ ⟨s1={N}⟩{N}⟨/s⟩ left the meeting.",
        "After ⟨k1⟩saying⟨/k⟩ the count was ⟨c1⟩“rigged,”⟨/c⟩ ⟨s1={N}⟩{N}⟨/s⟩ left the hall.",
    ],
    "relative-clause-cue": [
        "The council released a video in which ⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩, ⟨c1⟩“{Q}.”⟨/c⟩",
    ],
    "organisation-it": [
        "{Ot} rejected the offer on Monday. ⟨c1⟩“{Q},”⟨/c⟩ ⟨s1={Oc}⟩it⟨/s⟩ ⟨k1⟩said⟨/k⟩.",
    ],
    "unclosed-quotation": [
        "⟨c1⟩“{Q},⟨/c⟩ ⟨k1⟩said⟨/k⟩ ⟨s1={N}⟩{N}⟨/s⟩, who chairs the residents group.",
        "⟨c1⟩“{Q2},”⟨/c⟩ ⟨k1⟩said⟨/k⟩ ⟨s1={N}⟩{N}⟨/s⟩, a {R}.",
    ],
    "age-role-after-verb": [
        "⟨c1⟩“{Q},”⟨/c⟩ ⟨k1⟩said⟨/k⟩ the 52-year-old {R} ⟨s1={N}⟩{N}⟨/s⟩.",
    ],
    # Added with the reported-speech recall work (issue 13), last again: participle cues after
    # a main clause (also after a quotation that ends in a comma), naming ("called the plan a
    # mistake"), owned nouns of speech ("Her promise to …"), what must stay silent, then
    # embedded questions ("revealed why …") and one-word answers ("said no").
    "reported-participle": [
        "⟨s1={N}⟩{N}⟨/s⟩ left the meeting early, ⟨k1⟩saying⟨/k⟩ ⟨c1⟩{C}⟨/c⟩.",
        "⟨s1,2={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩ ⟨c1⟩“{Q},”⟨/c⟩ ⟨k2⟩adding⟨/k⟩ ⟨c2⟩that {C}⟨/c⟩.",
        "⟨s1={Oc}⟩{Ot}⟨/s⟩ rejected the offer, ⟨k1⟩warning⟨/k⟩ ⟨c1⟩that {C}⟨/c⟩.",
    ],
    "reported-naming": [
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩called⟨/k⟩ ⟨c1⟩the new levy a tax on the poor⟨/c⟩.",
        "⟨s1={N}⟩{N}⟨/s⟩ turned down the offer, ⟨k1⟩calling⟨/k⟩ ⟨c1⟩it an insult to the crews⟨/c⟩.",
    ],
    "reported-noun": [
        "⟨s1={N}⟩{N}⟨/s⟩’s ⟨k1⟩claim⟨/k⟩ ⟨c1⟩that {C}⟨/c⟩ drew a sharp reply.",
        "{N} spoke on Monday. ⟨s1={N}⟩{Hc}⟨/s⟩ ⟨k1⟩promise⟨/k⟩ ⟨c1⟩to reopen the harbour by May⟨/c⟩ won applause.",
    ],
    "none-recall": [
        "{N} called the harbour office the next morning.",
        "{N}’s hope that {C} was dashed.",
        "{N} did not call the plan a mistake.",
    ],
    "reported-wh": [
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩revealed⟨/k⟩ ⟨c1⟩why {C}⟨/c⟩.",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩described⟨/k⟩ ⟨c1⟩how {C}⟨/c⟩.",
    ],
    "reported-answer": [
        "{N} was asked about the ferry on Monday. ⟨s1={N}⟩{Pc}⟨/s⟩ ⟨k1⟩said⟨/k⟩ ⟨c1⟩no⟨/c⟩.",
        "Asked about the vote, ⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩ ⟨c1⟩yes⟨/c⟩.",
    ],
    # Added with the clause-recall work (issue 13), last again: a longer adverbial gap before
    # "that", a gerund subject with its phrases, a possessive subject after a hearer, objects
    # of say verbs with no determiner, and what must stay silent around them.
    "reported-clause-gap": [
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩said⟨/k⟩ Thursday during a visit to a school in the valley ⟨c1⟩that {C}⟨/c⟩.",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩revealed⟨/k⟩, somewhat grudgingly, ⟨c1⟩that {C}⟨/c⟩.",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩says⟨/k⟩ ⟨c1⟩widening the road through the valley will cost more than planned⟨/c⟩.",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩told⟨/k⟩ the Gazette ⟨c1⟩their crews had never met the buyers⟨/c⟩.",
    ],
    "reported-object-bare": [
        "⟨s1={Oc}⟩{Ot}⟨/s⟩ ⟨k1⟩announced⟨/k⟩ ⟨c1⟩plans to close two depots⟨/c⟩.",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩denied⟨/k⟩ ⟨c1⟩wrongdoing in the harbour deal⟨/c⟩.",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩noted⟨/k⟩ ⟨c1⟩the sparse attendance at the hearing⟨/c⟩.",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩tweeted⟨/k⟩ ⟨c1⟩thanks to the harbour crews⟨/c⟩.",
    ],
    "none-clause": [
        "{N} did not say, at least in public, that {C}.",
        "The board’s proposed levy was dropped in May.",
        "{N} recalled everything about the storm.",
        "{N} mentioned this last week.",
    ],
    # Added with the cue-verb work (issue 13), last again: talk verbs and "express" with their
    # matter, a fronted participle of speech (its speaker is the main clause's subject), the
    # scorer's other clause verbs (conclude, estimate, joke, signal), and talk with no matter.
    "reported-topic": [
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩spoke of⟨/k⟩ ⟨c1⟩a fresh start for the mill towns⟨/c⟩.",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩talked about⟨/k⟩ ⟨c1⟩the rising cost of the new bridge⟨/c⟩ on Tuesday.",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩expressed⟨/k⟩ ⟨c1⟩concern that {C}⟨/c⟩.",
    ],
    "reported-fronted": [
        "⟨k1⟩After saying⟨/k⟩ ⟨c1⟩that {C}⟨/c⟩, ⟨s1={N}⟩{N}⟨/s⟩ left the hearing.",
        "⟨k1⟩Promising⟨/k⟩ ⟨c1⟩that {C}⟨/c⟩, ⟨s1={N}⟩{N}⟨/s⟩ thanked the volunteers.",
    ],
    "reported-more-verbs": [
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩concluded⟨/k⟩ ⟨c1⟩that {C}⟨/c⟩.",
        "⟨s1={Oc}⟩{Ot}⟨/s⟩ ⟨k1⟩estimated⟨/k⟩ ⟨c1⟩that {C}⟨/c⟩.",
        "⟨s1={N}⟩{N}⟨/s⟩ ⟨k1⟩joked⟨/k⟩ ⟨c1⟩that {C}⟨/c⟩.",
    ],
    "none-verbs": [
        "{N} talked to reporters for an hour.",
        "{N} spoke on condition of anonymity.",
        "{N} did not talk about the new bridge.",
        "After saying goodbye, {N} left the hearing.",
    ],
}

INSTANCES = 6


def person(rng, used):
    # Surnames stay distinct within a stretch of paragraphs (a pronoun or surname must have
    # one antecedent); the pool is reused once it runs low.
    if len(used) > len(SURNAMES) - 4:
        used.clear()
    while True:
        female = rng.random() < 0.5
        first = rng.choice(FEMALE if female else MALE)
        last = rng.choice(SURNAMES)
        if last not in used:
            used.add(last)
            return first, last, female


def person_of(rng, used, female):
    while True:
        first, last, is_female = person(rng, used)
        if is_female == female:
            return f"{first} {last}"


def fill(template, rng, used):
    man, woman = person_of(rng, used, False), person_of(rng, used, True)
    first, last, female = person(rng, used)
    org = rng.choice(ORGS)
    org_name = org[4:] if org.startswith("the ") else org
    clause = rng.choice(CLAUSES)
    slots = {
        "M": man, "W": woman,
        "N": f"{first} {last}", "F": first, "S": last, "I": rng.choice("ABDEGHJKLMRST"),
        "P": "she" if female else "he", "Pc": "She" if female else "He",
        "Hc": "Her" if female else "His",
        "R": rng.choice(ROLES), "O": org, "Oc": org_name, "Ot": org[0].upper() + org[1:],
        "Q": rng.choice(QUOTES), "Q2": rng.choice(QUOTES),
        "C": clause, "Cc": clause[0].upper() + clause[1:],
    }
    out = template
    for k in sorted(slots, key=len, reverse=True):
        out = out.replace("{" + k + "}", slots[k])
    return out


def renumber(paragraph, base):
    """Local statement ids 1 and 2 become base+1 and base+2."""
    def ids(m):
        return m.group(1) + ",".join(str(base + int(i)) for i in m.group(2).split(","))

    return re.sub(r"(⟨[csk])([0-9,]+)", ids, paragraph)


def main():
    rng = random.Random(2026)
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    out_dir = os.path.join(root, "tests", "data", "patterns")
    os.makedirs(out_dir, exist_ok=True)
    for name, templates in TEMPLATES.items():
        used, paragraphs, n = set(), [], 0
        for _ in range(INSTANCES):
            for t in templates:
                paragraphs.append(renumber(fill(t, rng, used), n))
                n += 2
        text, spans = parse("\n\n".join(paragraphs) + "\n")
        with open(os.path.join(out_dir, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(out_dir, name + ".ann"), "w", encoding="utf-8") as f:
            f.write(write_ann(text, spans) if spans else "")
        print(f"{name}: {len(spans)} statements", file=sys.stderr)


if __name__ == "__main__":
    main()
