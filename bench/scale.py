"""Ingest and story clustering at scale: articles/s, peak RSS and B-cubed F1 at 10k, 100k and 1M articles.

For each size a seeded generator writes N invented English news articles as JSONL, with planted stories
(one event each, 1-8 articles from different invented outlets, about 5 % of articles syndicated copies of
another article of the story) at a constant ~1,000 articles per day, so a larger corpus spans more days,
not denser ones. Events come in many kinds (fires, shootings, council votes, storms, trials...), so every
day holds look-alike events told apart only by their names, places, ages and figures.

The real CLI then runs on a fresh database, each command in its own subprocess, so that its peak RSS
(from `wait4`) is its own: `newsprism ingest` (store, find copies, cluster) and `newsprism stories
--format json --all`. While ingest runs, a read-only connection counts stored and clustered articles
every 30 s (life lines); afterwards the articles' ingest times split the run into startup, storing and
clustering (to +- 1 s). Generating the corpus is not timed; files are reused from `--workdir`.

Requirement: per-article cost must not grow more than ~2x from 10k to 1M. Startup (imports, model
load) is a fixed cost that makes the smallest size look dearer; the phase rates exclude it.

    .venv/bin/python bench/scale.py                          # 10k, 100k, 1M (hours on 2 cores)
    .venv/bin/python bench/scale.py --sizes 2000,10000       # a quick check
    .venv/bin/python bench/scale.py --sizes 100000 --workdir /tmp/scale --keep
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

SEED = 20260402
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
ARTICLES_PER_DAY = 1_000
FIRST_DAY = date(2021, 1, 4)
OUTLET_COUNT = 300
TOWN_COUNT = 20_000
SURNAME_COUNT = 20_000
COUNTY_COUNT = 600
COMPANY_COUNT = 3_000
# Fresh articles per story, 1..8, small stories commonest (as in real news).
STORY_SIZE_WEIGHTS = (34, 20, 13, 10, 8, 6, 5, 4)
# Days after the event an article appears: a story spans 0-3 days.
LAG_WEIGHTS = (55, 28, 11, 6)
# A fresh article is copied by another outlet with this chance: copies are then ~5 % of all articles.
COPY_CHANCE = 0.053
PRINT_EVERY_SECONDS = 30.0
MIB = 1024 * 1024

# --------------------------------------------------------------------------- invented vocabulary

ONSETS = "b br c ch d dr f fl g gr h j k kr l m n p pr r s sh sk st t tr th v w z".split()
VOWELS = "a e i o u a e o ai ea ou ie".split()
CODAS = ["", "", "n", "r", "l", "s", "nd", "rk", "m", "th", "st", "ck", "x", "ll"]
TOWN_SUFFIXES = "ford ton mere wick by holm stead bury vale port field haven ley dale moor".split()
FIRST_NAMES = (
    "Ada Aldo Amara Anouk Arlo Astrid Beni Bryn Calla Caspian Cleo Dario Delphine Dov Edda Emil Esme Ezra "
    "Fenna Florin Gaia Gideon Greta Hale Hedda Idris Ilse Ines Ivo Jarek Juna Kai Kalina Kasimir Lior Lotte "
    "Luca Maren Matthis Mila Nadia Nils Noor Odile Orin Oskar Petra Quill Rafa Reva Rune Saskia Selim "
    "Sunniva Tamsin Teo Thea Ulla Vesna Vidar Wren Yara Yusuf Zadie Zeno Anya Bram Cyra Dagny Elio Farah "
    "Goran Hanne"
).split()
ROLES = ("Mayor", "Police Chief", "Fire Chief", "Councillor", "Sheriff", "Commissioner", "Governor")
UNIONS = ("Transport Workers", "Dockers", "Nurses", "Teachers", "Metalworkers", "Bus Drivers", "Miners")
CRIMES = ("manslaughter", "arson", "fraud", "armed robbery", "murder", "embezzlement", "assault")
PROJECTS = ("a new bus depot", "a riverside housing plan", "a parking levy", "a waste incinerator",
            "a school merger", "a stadium upgrade", "a tram extension", "a wind farm")  # fmt: skip
DISEASES = ("norovirus", "salmonella", "measles", "legionella", "E. coli")
COMPANY_SUFFIXES = (" Steel", " Foods", " Bank", " Motors", " Logistics", " Plastics", "")
ROADS = ("Route {k}", "the A{k}", "Highway {k}", "the M{k} motorway")
OUTLET_WORDS = (
    "Herald Tribune Courier Gazette Post Ledger Chronicle Observer Sentinel Record Times Bulletin Dispatch "
    "Standard Examiner Journal Express Mirror Star Daily Review Argus Beacon Clarion"
).split()
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
               "Dec.")  # fmt: skip


@dataclass(frozen=True)
class Kind:
    """One kind of event: headline, lead and detail templates with {slots} filled from the event's facts."""

    name: str
    titles: tuple[str, ...]
    leads: tuple[str, ...]
    details: tuple[str, ...]


KINDS = (
    Kind(
        "house fire",
        (
            "Fire guts home on {street} in {town}",
            "{n_small} displaced after house fire in {town}",
            "{town} blaze leaves {age_title} injured",
            "Family escapes {town} house fire on {street}",
        ),
        (
            "A fire tore through a house on {street} in {town} {when}, leaving {n_small} people without a "
            "home, {official} said.",
            "Firefighters in {town} fought a blaze at a home on {street} {when}, and {person}, {age_text}, "
            "was taken to hospital with burns.",
            "{person}, {age_text}, was injured when fire broke out at a house on {street} in {town} {when}.",
        ),
        (
            "Crews from {k} stations took nearly {k2} minutes to bring the fire under control.",
            "The cause of the fire at the {street} house is under investigation, {official_last} said.",
            "Neighbours said {last} had lived on {street} for years.",
        ),
    ),
    Kind(
        "shooting",
        (
            "{person} shot dead in {town}",
            "Police investigate fatal shooting on {street}",
            "{age_title} killed in {town} shooting",
            "Man held after {town} shooting",
        ),
        (
            "A {age_adj} man, {person}, was shot and killed on {street} in {town} {when}, {official} said.",
            "{town} police are investigating the death of {person}, {age_text}, who was shot on {street} "
            "{when}.",
            "Police in {town} said {person}, {age_text}, died after being shot near {street} {when}.",
        ),
        (
            "Officers found {last} with gunshot wounds shortly after {k} p.m.",
            "A {age2}-year-old man was arrested near the scene, {official_last} said.",
            "It was the {ordinal} shooting in {town} this year.",
        ),
    ),
    Kind(
        "council vote",
        (
            "{town} council votes {votes_for}-{votes_against} for {project}",
            "Councillors back {project} in {town}",
            "{official_last} wins vote on {project}",
            "{town} approves {project} after long debate",
        ),
        (
            "The {town} council voted {votes_for} to {votes_against} {when} to approve {project}, a plan "
            "costing ${money} million.",
            "{official} won the backing of the {town} council {when} for {project}, by {votes_for} votes to "
            "{votes_against}.",
            "After a {k}-hour debate, councillors in {town} approved {project} {when}.",
        ),
        (
            "Opponents of {project} said the ${money} million cost was too high.",
            "{person}, who led the campaign against the plan, said residents would appeal.",
            "Work on {project} is due to start next spring, {official_last} said.",
        ),
    ),
    Kind(
        "storm",
        (
            "Storm {storm} knocks out power to {n_big} homes in {county}",
            "Storm {storm} batters {town} with winds of {k2} mph",
            "{n_big} without power as Storm {storm} hits {county}",
            "Storm {storm}: roads closed across {county}",
        ),
        (
            "Storm {storm} swept across {county} {when}, cutting power to {n_big} homes and bringing down "
            "trees in {town}.",
            "Winds of up to {k2} mph from Storm {storm} left {n_big} homes in {county} without power {when}.",
            "Storm {storm} hit {town} and the rest of {county} {when}, officials said.",
        ),
        (
            "{official} urged residents of {town} to stay indoors.",
            "The power company said it hoped to reconnect most of the {n_big} homes by the weekend.",
            "A tree fell on a car on {street}, injuring its driver, {person}.",
        ),
    ),
    Kind(
        "trial",
        (
            "{person} found guilty of {crime}",
            "Jury convicts {last} of {crime} in {town}",
            "{last} guilty in {town} {crime} trial",
            "{town} court convicts {person}",
        ),
        (
            "A jury in {town} found {person}, {age_text}, guilty of {crime} {when} after deliberating for "
            "{k} hours.",
            "{person}, {age_text}, was convicted of {crime} {when} at {county} Crown Court in {town}.",
            "{person} was found guilty {when} of {crime}, ending a {k}-day trial in {town}.",
        ),
        (
            "Judge {judge} said {last} would be sentenced next month.",
            "Prosecutors said {last} had caused losses of ${money} million.",
            "{last}'s lawyer said the verdict would be appealed.",
        ),
    ),
    Kind(
        "road crash",
        (
            "{n_small} hurt as bus and lorry collide near {town}",
            "{road} closed after crash near {town}",
            "{age_title} dies in crash on {road}",
            "Crash on {road} near {town} kills driver",
        ),
        (
            "A crash between a bus and a lorry on {road} near {town} {when} injured {n_small} people, "
            "{official} said.",
            "{person}, {age_text}, died when a car and a lorry collided on {road} near {town} {when}.",
            "{road} near {town} was closed for {k} hours {when} after a crash that injured {n_small} people.",
        ),
        (
            "The lorry driver, {person2}, was questioned by police.",
            "Witnesses said traffic was backed up for {k2} miles.",
            "{official_last} asked anyone who saw the crash to come forward.",
        ),
    ),
    Kind(
        "flood",
        (
            "River {river} bursts its banks in {town}",
            "{n_mid} evacuated as floods hit {town}",
            "Floods in {county} force {n_mid} from homes",
            "{town} under water after River {river} floods",
        ),
        (
            "The River {river} burst its banks in {town} {when}, forcing {n_mid} people from their homes.",
            "About {n_mid} residents of {town} in {county} were evacuated {when} as the River {river} rose.",
            "Flood water from the River {river} swept through {town} {when}, {official} said.",
        ),
        (
            "Rescue boats reached {k} families on {street}.",
            "The River {river} was {k}.{k3} metres above its normal level at its peak.",
            "{official_last} said emergency funds of ${money} million would be released.",
        ),
    ),
    Kind(
        "factory closure",
        (
            "{company} to close {town} plant, cutting {n_mid} jobs",
            "{n_mid} jobs lost as {company} shuts {town} site",
            "{company} closure a blow to {town}",
            "Workers stunned as {company} quits {town}",
        ),
        (
            "{company} said {when} it would close its plant in {town}, with the loss of {n_mid} jobs.",
            "The {town} factory of {company} will shut by the end of the year, costing {n_mid} jobs, the "
            "company said {when}.",
            "About {n_mid} workers will lose their jobs after {company} announced {when} that it would close "
            "its {town} plant.",
        ),
        (
            "{company} blamed a ${money} million fall in orders.",
            "{official} called the closure of the {company} plant a disaster for {town}.",
            "The plant on {street} has operated since {year}.",
        ),
    ),
    Kind(
        "strike",
        (
            "{union} at {company} walk out in {town}",
            "Strike halts {company} in {town}",
            "{union} strike over pay enters day {k}",
            "{company} and union fail to end {town} strike",
        ),
        (
            "{union} at {company} in {town} walked out {when} in a dispute over pay, union leader {person} "
            "said.",
            "A strike by {union} shut {company}'s operations in {town} {when}.",
            "About {n_mid} {union_lower} at {company} in {town} began a strike {when}.",
        ),
        (
            "The union is asking for a rise of {k} percent.",
            "{company} said its offer of {k3} percent was fair.",
            "{person} said the strike at {company} could last weeks.",
        ),
    ),
    Kind(
        "protest",
        (
            "Thousands march in {town} against {project}",
            "Protest over {project} blocks {town} centre",
            "{n_mid} rally against {project} in {town}",
            "{town} protesters target {official_last}",
        ),
        (
            "About {n_mid} people marched through {town} {when} to protest against {project}.",
            "Protesters filled the centre of {town} {when}, demanding that {official} drop {project}.",
            "A protest against {project} drew {n_mid} people to {street} in {town} {when}.",
        ),
        (
            "Organiser {person} said the turnout showed the depth of anger over {project}.",
            "Police said {k} people were arrested.",
            "{official_last} said the plan for {project} would go ahead.",
        ),
    ),
    Kind(
        "robbery",
        (
            "Armed robbers hit {company} branch in {town}",
            "${money_small} stolen in {town} robbery",
            "Police hunt gang after {company} raid",
            "{town} {company} staff held at gunpoint",
        ),
        (
            "Armed robbers stole ${money_small} from a {company} branch on {street} in {town} {when}.",
            "{k} masked men held up the {company} branch on {street} in {town} {when}, police said.",
            "Police in {town} are hunting a gang that robbed a {company} branch {when}.",
        ),
        (
            "A staff member, {person}, {age_text}, was treated for shock.",
            "The gang fled in a grey van towards {road}.",
            "{official} said the {company} robbery was planned.",
        ),
    ),
    Kind(
        "earthquake",
        (
            "Magnitude {mag} quake shakes {county}",
            "Earthquake of {mag} rattles {town}",
            "{county} quake damages {k} buildings",
            "Quake centred near {town} felt across {county}",
        ),
        (
            "An earthquake of magnitude {mag} struck near {town} in {county} {when}, damaging {k} buildings.",
            "A magnitude {mag} quake shook {county} {when}, with its centre {k} km from {town}.",
            "Buildings in {town} shook {when} as a {mag} magnitude earthquake hit {county}.",
        ),
        (
            "Seismologist {person} said aftershocks were likely for days.",
            "Schools in {town} were closed while engineers inspected them.",
            "{official} said nobody had been seriously hurt.",
        ),
    ),
    Kind(
        "election",
        (
            "{person} elected mayor of {town}",
            "{last} wins {town} mayoral race with {pct}%",
            "{town} elects {person} as mayor",
            "Upset in {town} as {last} takes mayor's office",
        ),
        (
            "{person} was elected mayor of {town} {when} with {pct} percent of the vote.",
            "Voters in {town} chose {person}, {age_text}, as their new mayor {when}.",
            "{person} won the {town} mayoral election {when}, beating {person2}.",
        ),
        (
            "Turnout was {k2} percent, the election office said.",
            "{last} promised to review {project} in the first {k} days.",
            "{person2} conceded defeat shortly before midnight.",
        ),
    ),
    Kind(
        "missing person",
        (
            "Search for missing {age_title} widens in {county}",
            "Police appeal for help finding {person}",
            "{person} missing since {weekday}",
            "Volunteers join hunt for {last} near {town}",
        ),
        (
            "Police in {county} widened the search {when} for {person}, {age_text}, who went missing near "
            "{town}.",
            "{person}, {age_text}, has not been seen since leaving home on {street} in {town}, police said "
            "{when}.",
            "Volunteers in {town} joined police {when} in the search for {person}, {age_text}.",
        ),
        (
            "{last} was last seen wearing a blue coat.",
            "{official} said a helicopter and dogs were being used.",
            "Anyone with information about {last} was asked to call police.",
        ),
    ),
    Kind(
        "outbreak",
        (
            "{n_small} sickened in {disease} outbreak at {town} school",
            "{disease} outbreak closes {town} school",
            "Health officials probe {disease} cases in {town}",
            "{town} school hit by {disease}",
        ),
        (
            "At least {n_small} pupils fell ill with {disease} at a school in {town} {when}, health "
            "officials said.",
            "A {disease} outbreak at a school on {street} in {town} has made {n_small} people ill, officials "
            "said {when}.",
            "Health officials in {county} said {when} they were investigating {n_small} cases of {disease} "
            "in {town}.",
        ),
        (
            "Dr. {person} of the {county} health board said the source was not yet known.",
            "The school on {street} will stay closed for {k} days.",
            "Parents said they had been told about {disease} by text message.",
        ),
    ),
)

# Filler sentences are composed from short parts around invented names and numbers, so that two unrelated
# articles share few 5-word shingles (fixed 20-sentence filler would make every article a near-copy
# candidate).
FILLER_SUBJECTS = (
    "{other_person}", "{other_person}, a {job} from {other_town},", "A spokesperson for {company}",
    "Residents of {other_town}", "{company} chief {other_person}", "Councillor {other_last}",
    "{other_person} of the {other_town} {body}", "An official in {other_town}", "Economist {other_person}",
    "The {other_town} {body}", "Ms. {other_last}", "Mr. {other_last}", "A report by {company}",
)  # fmt: skip
FILLER_VERBS = ("said", "warned", "argued", "noted", "told reporters", "wrote", "added", "estimated",
                "claimed", "conceded", "pointed out", "suggested")  # fmt: skip
FILLER_TOPICS = (
    "the cost of housing", "bus fares", "water bills", "the local economy", "rents", "school budgets",
    "waiting lists", "shop closures", "energy prices", "tourist numbers", "road repairs", "crime figures",
    "the {other_town} bypass", "wages at {company}", "traffic on {other_last} Street", "the harbour",
    "council tax", "the price of bread", "hospital admissions", "{other_town}'s population",
)  # fmt: skip
FILLER_CHANGES = ("had risen by", "could fall by", "was expected to grow by", "had dropped by",
                  "was unlikely to rise by more than", "had climbed", "may shrink by")  # fmt: skip
FILLER_AMOUNTS = ("{k} percent", "{k}.{d} percent", "${money} million", "{n} a year", "about {k} points")
FILLER_TAILS = ("since {year}", "last {month}", "over the past {k} years", "by {weekday}", "this year",
                "before the {month} budget", "in {other_town}", "", "", "")  # fmt: skip
FILLER_FACTS = (
    "{other_town} has about {n} residents and {k} schools.",
    "Turnout at the last {other_town} election was {k}.{d} percent.",
    "{company} employs {n} people across {k} sites.",
    "The {other_last} Bridge, built in {year}, carries {n} vehicles a day.",
    "A {month} survey of {n} households found {k} percent expected prices to rise.",
    "The {other_town} {body} meets again on {weekday}.",
    "Weather forecasters expect {adjective} conditions in {other_town} until {weekday}.",
)  # fmt: skip
FILLER_JOBS = ("teacher", "shopkeeper", "nurse", "retired engineer", "taxi driver", "farmer", "student")
FILLER_BODIES = ("chamber of commerce", "residents' association", "planning committee", "tenants' union",
                 "business forum", "school board")  # fmt: skip
FILLER_ADJECTIVES = ("cooler", "warmer", "drier", "windy", "unsettled", "mild")
MONTH_WORDS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")  # fmt: skip


@dataclass(frozen=True)
class Outlet:
    """An invented outlet and its house style, which varies the wording of the same facts."""

    name: str
    headline_bias: int  # which headline and lead templates it tends to pick
    dateline: bool  # starts the body with "TOWN —"
    site_suffix: bool  # "Headline | Outlet"
    age_style: int  # 0: "34", 1: "aged 34", 2: "34 years old"
    day_style: int  # 0: "on Tuesday", 1: "Tuesday night", 2: "on March 3"


@dataclass
class Vocabulary:
    towns: list[str]
    counties: list[str]
    surnames: list[str]
    companies: list[str]
    outlets: list[Outlet]


def _invented_word(rng: random.Random, syllables: int) -> str:
    word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables)) + rng.choice(CODAS)
    return word.capitalize()


def _unique(count: int, make: Callable[[], str]) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen[make()] = None
    return list(seen)


def build_vocabulary(seed: int) -> Vocabulary:
    rng = random.Random(seed)
    towns = _unique(TOWN_COUNT, lambda: _invented_word(rng, rng.randint(1, 2)) + rng.choice(TOWN_SUFFIXES))
    counties = _unique(COUNTY_COUNT, lambda: _invented_word(rng, 2) + rng.choice(("shire", " County", "")))
    surnames = _unique(SURNAME_COUNT, lambda: _invented_word(rng, rng.randint(2, 3)))
    companies = _unique(COMPANY_COUNT, lambda: _invented_word(rng, 2) + rng.choice(COMPANY_SUFFIXES))
    outlet_names = _unique(OUTLET_COUNT, lambda: f"The {rng.choice(towns)} {rng.choice(OUTLET_WORDS)}")
    outlets = [
        Outlet(
            name, rng.randrange(4), rng.random() < 0.4, rng.random() < 0.3, rng.randrange(3), rng.randrange(3)
        )
        for name in outlet_names
    ]
    return Vocabulary(towns, counties, surnames, companies, outlets)


# --------------------------------------------------------------------------- the corpus


@dataclass
class Event:
    """One planted story: what happened, where, to whom, and when."""

    id: int
    kind: Kind
    day: date
    facts: dict[str, str]


@dataclass(frozen=True)
class Record:
    index: int  # position in generation order; the external id and the gold table are keyed by it
    event: int
    copy: bool  # a syndicated near-copy of another record of the event
    published: str
    source: str
    title: str
    text: str

    def json_line(self) -> str:
        record = {
            "id": external_id(self.index),
            "source": self.source,
            "title": self.title,
            "text": self.text,
            "published": self.published,
        }
        return json.dumps(record, ensure_ascii=False) + "\n"


def external_id(index: int) -> str:
    return f"syn{index:08d}"


def _person(rng: random.Random, vocab: Vocabulary) -> tuple[str, str]:
    last = rng.choice(vocab.surnames)
    return f"{rng.choice(FIRST_NAMES)} {last}", last


def new_event(rng: random.Random, vocab: Vocabulary, event_id: int, day: date) -> Event:
    kind = rng.choice(KINDS)
    person, last = _person(rng, vocab)
    person2, _ = _person(rng, vocab)
    official, official_last = _person(rng, vocab)
    role = rng.choice(ROLES)
    town = rng.choice(vocab.towns)
    votes_for = rng.randint(5, 14)
    facts = {
        "town": town,
        "county": rng.choice(vocab.counties),
        "street": f"{rng.choice(vocab.surnames)} {rng.choice(('Street', 'Road', 'Avenue', 'Lane'))}",
        "person": person,
        "last": last,
        "person2": person2,
        "official": f"{role} {official}",
        "official_last": f"{role} {official_last}",
        "judge": rng.choice(vocab.surnames),
        "age": str(rng.randint(16, 84)),
        "age2": str(rng.randint(18, 60)),
        "n_small": str(rng.randint(3, 12)),
        "n_mid": f"{rng.randint(40, 2_400):,}",
        "n_big": f"{rng.randint(3_000, 90_000):,}",
        "money": f"{rng.uniform(1, 400):.1f}",
        "money_small": f"{rng.randint(5, 300) * 1_000:,}",
        "votes_for": str(votes_for),
        "votes_against": str(rng.randint(0, votes_for - 1)),
        "project": rng.choice(PROJECTS),
        "storm": _invented_word(rng, 2),
        "crime": rng.choice(CRIMES),
        "road": rng.choice(ROADS).format(k=rng.randint(1, 99)),
        "river": _invented_word(rng, 2),
        "company": rng.choice(vocab.companies),
        "union": rng.choice(UNIONS),
        "disease": rng.choice(DISEASES),
        "mag": f"{rng.uniform(3.5, 6.9):.1f}",
        "pct": str(rng.randint(38, 71)),
        "k": str(rng.randint(2, 12)),
        "k2": str(rng.randint(20, 95)),
        "k3": str(rng.randint(1, 9)),
        "year": str(rng.randint(1950, 2015)),
        "ordinal": rng.choice(("second", "third", "fourth", "fifth", "sixth")),
    }
    facts["union_lower"] = facts["union"].lower()
    return Event(event_id, kind, day, facts)


def _when(outlet: Outlet, event_day: date, published: date) -> str:
    weekday = WEEKDAY_NAMES[event_day.weekday()]
    if outlet.day_style == 2:
        return f"on {MONTH_NAMES[event_day.month - 1]} {event_day.day}"
    if outlet.day_style == 1:
        return "yesterday" if (published - event_day).days == 1 else f"{weekday} night"
    return f"on {weekday}"


def _slots(event: Event, outlet: Outlet, published: date) -> dict[str, str]:
    facts = dict(event.facts)
    age = int(facts["age"])
    facts["age_text"] = (facts["age"], f"aged {age}", f"{age} years old")[outlet.age_style]
    facts["age_adj"] = f"{age}-year-old"
    facts["age_title"] = f"{age}-year-old"
    facts["when"] = _when(outlet, event.day, published)
    facts["weekday"] = WEEKDAY_NAMES[event.day.weekday()]
    return facts


def _filler(rng: random.Random, vocab: Vocabulary) -> str:
    other_person, other_last = _person(rng, vocab)
    if rng.random() < 0.3:
        template = rng.choice(FILLER_FACTS)
    else:
        tail = rng.choice(FILLER_TAILS)
        template = (
            f"{rng.choice(FILLER_SUBJECTS)} {rng.choice(FILLER_VERBS)} that {rng.choice(FILLER_TOPICS)} "
            f"{rng.choice(FILLER_CHANGES)} {rng.choice(FILLER_AMOUNTS)}{' ' + tail if tail else ''}."
        )
    sentence = template.format(
        other_person=other_person,
        other_last=other_last,
        other_town=rng.choice(vocab.towns),
        company=rng.choice(vocab.companies),
        job=rng.choice(FILLER_JOBS),
        body=rng.choice(FILLER_BODIES),
        adjective=rng.choice(FILLER_ADJECTIVES),
        weekday=rng.choice(WEEKDAY_NAMES),
        month=rng.choice(MONTH_WORDS),
        n=f"{rng.randint(300, 90_000):,}",
        k=rng.randint(2, 40),
        d=rng.randint(0, 9),
        money=f"{rng.uniform(1, 500):.1f}",
        year=rng.randint(1950, 2015),
    )
    return sentence[0].upper() + sentence[1:]


def _paragraphs(sentences: Sequence[str], rng: random.Random) -> str:
    paragraphs, start = [], 0
    while start < len(sentences):
        step = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[start : start + step]))
        start += step
    return "\n\n".join(paragraphs)


def write_article(
    rng: random.Random, vocab: Vocabulary, event: Event, outlet: Outlet, published: date
) -> tuple[str, list[str]]:
    """Title and body sentences of one outlet's report of an event."""
    slots = _slots(event, outlet, published)
    kind = event.kind
    title = kind.titles[(outlet.headline_bias + rng.randrange(2)) % len(kind.titles)].format(**slots)
    lead = kind.leads[(outlet.headline_bias + rng.randrange(2)) % len(kind.leads)].format(**slots)
    if outlet.dateline:
        lead = f"{slots['town'].upper()} — {lead}"
    details = [sentence.format(**slots) for sentence in rng.sample(kind.details, rng.randint(2, 3))]
    sentences = [lead, details[0]]
    words = sum(len(sentence.split()) for sentence in sentences)
    target = rng.randint(150, 400)
    rest = details[1:]
    while words < target:
        sentence = rest.pop() if rest and rng.random() < 0.3 else _filler(rng, vocab)
        sentences.append(sentence)
        words += len(sentence.split())
    if outlet.site_suffix:
        title = f"{title} | {outlet.name}"
    return title, sentences


def _published(rng: random.Random, day: date) -> str:
    return f"{day.isoformat()}T{rng.randint(5, 23):02d}:{rng.randint(0, 59):02d}:00Z"


def generate_records(n: int, seed: int = SEED) -> Iterator[list[Record]]:
    """Yield the records of each day, in day order (shuffled within a day); exactly n in all."""
    vocab = build_vocabulary(seed)
    rng = random.Random(seed + 1)
    by_day: dict[date, list[Record]] = {}
    made = 0
    event_id = 0
    day = FIRST_DAY
    while made < n:
        started_today = 0
        while started_today < ARTICLES_PER_DAY and made < n:
            event = new_event(rng, vocab, event_id, day)
            event_id += 1
            size = rng.choices(range(1, 9), STORY_SIZE_WEIGHTS)[0]
            outlets = rng.sample(vocab.outlets, size + 2)  # the last two are spare for copies
            spare = outlets[size:]
            for number, outlet in enumerate(outlets[:size]):
                if made >= n:
                    break
                lag = 0 if number == 0 else rng.choices(range(4), LAG_WEIGHTS)[0]
                published = day + timedelta(days=lag)
                title, sentences = write_article(rng, vocab, event, outlet, published)
                by_day.setdefault(published, []).append(
                    Record(
                        made,
                        event.id,
                        False,
                        _published(rng, published),
                        outlet.name,
                        title,
                        _paragraphs(sentences, rng),
                    )  # fmt: skip
                )
                made += 1
                started_today += 1
                if spare and made < n and rng.random() < COPY_CHANCE:
                    copy = spare.pop()
                    changed = list(sentences)
                    changed[rng.randrange(1, len(changed))] = _filler(rng, vocab)
                    copy_day = published + timedelta(days=rng.choices((0, 1), (80, 20))[0])
                    by_day.setdefault(copy_day, []).append(
                        Record(
                            made,
                            event.id,
                            True,
                            _published(rng, copy_day),
                            copy.name,
                            title.split(" | ")[0],
                            _paragraphs(changed, rng),
                        )  # fmt: skip
                    )
                    made += 1
                    started_today += 1
        # Stories start today or later from now on, so every earlier day is complete.
        for finished in sorted(d for d in by_day if d <= day):
            records = by_day.pop(finished)
            rng.shuffle(records)
            yield records
        day += timedelta(days=1)
    for finished in sorted(by_day):
        records = by_day.pop(finished)
        rng.shuffle(records)
        yield records


@dataclass(frozen=True)
class CorpusFiles:
    jsonl: Path
    gold: Path  # one line per article in generation order: the planted event id, 1 if a planted copy


def write_corpus(n: int, workdir: Path) -> CorpusFiles:
    """Generate (or reuse) the corpus of n articles and its gold events."""
    files = CorpusFiles(workdir / f"corpus-{n}.jsonl", workdir / f"gold-{n}.txt")
    if files.jsonl.exists() and files.gold.exists():
        _say(f"  reusing {files.jsonl}")
        return files
    started = time.perf_counter()
    gold = array("l", [0]) * n
    copies = array("b", [0]) * n
    written = 0
    partial = files.jsonl.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        for records in generate_records(n):
            for record in records:
                out.write(record.json_line())
                gold[record.index] = record.event
                copies[record.index] = record.copy
            written += len(records)
            if written % 100_000 < len(records):
                _say(f"  generated {written:,} / {n:,} articles ({time.perf_counter() - started:.0f} s)")
    gold_lines = "".join(f"{event} {copy}\n" for event, copy in zip(gold, copies, strict=True))
    files.gold.write_text(gold_lines, encoding="utf-8")
    partial.rename(files.jsonl)
    _say(f"  generated {n:,} articles in {time.perf_counter() - started:.1f} s, "
         f"{files.jsonl.stat().st_size / MIB:.0f} MiB")  # fmt: skip
    return files


# --------------------------------------------------------------------------- running the CLI


@dataclass
class ChildRun:
    seconds: float
    peak_rss_mib: float
    returncode: int
    started_at: float  # epoch seconds


def _counts(db: Path) -> tuple[int, int] | None:
    """Articles stored and clustered so far, read without disturbing the writer (WAL)."""
    if not db.exists():
        return None
    try:
        reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1.0)
        try:
            stored = reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            clustered = reader.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NOT NULL").fetchone()[
                0
            ]
        finally:
            reader.close()
    except sqlite3.Error:
        return None
    return int(stored), int(clustered)


def run_cli(args: Sequence[str], stdout: Path, stderr: Path, watch_db: Path | None = None) -> ChildRun:
    """Run `python -m newsprism ARGS`; wall time and this child's own peak RSS (wait4's ru_maxrss, KiB)."""
    command = [sys.executable, "-m", "newsprism", *args]
    with stdout.open("wb") as out, stderr.open("wb") as err:
        started = time.perf_counter()
        started_at = time.time()
        child = subprocess.Popen(command, stdout=out, stderr=err)
        next_print = started + PRINT_EVERY_SECONDS
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.2)
            now = time.perf_counter()
            if watch_db is not None and now >= next_print:
                next_print = now + PRINT_EVERY_SECONDS
                counts = _counts(watch_db)
                if counts:
                    _say(f"    {now - started:6.0f} s  stored {counts[0]:,}  clustered {counts[1]:,}  "
                         f"rss {_rss_mib(child.pid):.0f} MiB")  # fmt: skip
        seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    return ChildRun(seconds, usage.ru_maxrss / 1024, child.returncode, started_at)


def _rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass(frozen=True)
class Phases:
    """Seconds before the first article was stored, storing, and clustering after the last (+- 1 s)."""

    startup: float
    store: float
    cluster: float
    copy_links: int  # articles linked to an original as a syndicated copy


def phases(db: Path, started_at: float, run: ChildRun) -> Phases | None:
    """The store/cluster split, from the articles' ingest times (whole seconds, UTC) in the database."""
    reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        first, last = reader.execute("SELECT MIN(ingested_at), MAX(ingested_at) FROM articles").fetchone()
        copy_links = reader.execute(
            "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"
        ).fetchone()[0]
    finally:
        reader.close()
    if first is None:
        return None
    first_at = datetime.fromisoformat(first).timestamp()
    last_at = datetime.fromisoformat(last).timestamp() + 1.0  # the stamp is truncated to the second
    ended_at = started_at + run.seconds
    return Phases(
        max(first_at - started_at, 0.0), last_at - first_at, max(ended_at - last_at, 0.0), copy_links
    )


# --------------------------------------------------------------------------- scoring


def bcubed(predicted: dict[str, int], gold: Sequence[int]) -> tuple[float, float, float, int]:
    """B-cubed precision, recall and F1 over the articles that are in a predicted story."""
    pairs: Counter[tuple[int, int]] = Counter()
    for ext_id, story in predicted.items():
        pairs[(story, gold[int(ext_id.removeprefix("syn"))])] += 1
    story_sizes: Counter[int] = Counter()
    event_sizes: Counter[int] = Counter()
    for (story, event), count in pairs.items():
        story_sizes[story] += count
        event_sizes[event] += count
    items = sum(story_sizes.values())
    if not items:
        return 0.0, 0.0, 0.0, 0
    precision = sum(count * count / story_sizes[story] for (story, _), count in pairs.items()) / items
    recall = sum(count * count / event_sizes[event] for (_, event), count in pairs.items()) / items
    return precision, recall, 2 * precision * recall / (precision + recall), items


# --------------------------------------------------------------------------- one size


@dataclass
class SizeResult:
    n: int
    events: int
    planted_copies: int
    ingest: ChildRun
    listing: ChildRun
    phases: Phases | None
    db_mib: float
    stories: int
    precision: float
    recall: float
    f1: float
    scored: int

    @property
    def ms_per_article(self) -> float:
        return 1000 * self.ingest.seconds / self.n

    def phase_ms(self, name: str) -> float | None:
        """Milliseconds per article of one phase ("store" or "cluster")."""
        return None if self.phases is None else 1000 * getattr(self.phases, name) / self.n


def measure(n: int, workdir: Path) -> SizeResult:
    _say(f"== {n:,} articles")
    files = write_corpus(n, workdir)
    rows = [line.split() for line in files.gold.read_text(encoding="utf-8").splitlines()]
    gold = [int(event) for event, _ in rows]
    planted_copies = sum(int(copy) for _, copy in rows)
    db = workdir / f"scale-{n}.db"
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        path.unlink(missing_ok=True)
    _say("  ingest ...")
    ingest = run_cli(["ingest", "--db", str(db), str(files.jsonl)],
                     workdir / f"ingest-{n}.out", workdir / f"ingest-{n}.err", watch_db=db)  # fmt: skip
    if ingest.returncode != 0:
        _say(f"  ingest exited {ingest.returncode}; see {workdir / f'ingest-{n}.err'}")
    db_mib = sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists()) / MIB
    split = phases(db, ingest.started_at, ingest)
    _say(f"  ingest done in {ingest.seconds:.1f} s ({split}); stories --format json --all ...")
    listing_out = workdir / f"stories-{n}.json"
    listing = run_cli(["stories", "--db", str(db), "--format", "json", "--all"],
                      listing_out, workdir / f"stories-{n}.err")  # fmt: skip
    stories = json.loads(listing_out.read_text(encoding="utf-8") or "[]")
    predicted = {article["external_id"]: story["id"] for story in stories for article in story["articles"]}
    precision, recall, f1, scored = bcubed(predicted, gold)
    result = SizeResult(n, len(set(gold)), planted_copies, ingest, listing, split, db_mib, len(stories),
                        precision, recall, f1, scored)  # fmt: skip
    _say(
        f"  {n:,}: {result.ms_per_article:.2f} ms/article, F1 {f1:.3f}, "
        f"peak RSS {ingest.peak_rss_mib:.0f} MiB"
    )
    return result


# --------------------------------------------------------------------------- report


def _opt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def print_report(results: Sequence[SizeResult], load_before: str, load_after: str) -> None:
    print()
    print(f"load average before: {load_before}   after: {load_after}   (2 shared cores: compare ratios)")
    header = (f"{'articles':>10} {'days':>5} {'events':>8} {'ingest s':>9} {'art/s':>6} {'ms/art':>7} "
              f"{'start s':>7} {'store ms':>8} {'clust ms':>8} {'RSS MiB':>7} {'DB MiB':>7} {'list s':>6} "
              f"{'list MiB':>8} {'stories':>8} {'P':>5} {'R':>5} {'F1':>5} {'copies':>13}")  # fmt: skip
    print(header)
    print("-" * len(header))
    for r in results:
        links = "-" if r.phases is None else f"{r.phases.copy_links:,}"
        print(
            f"{r.n:>10,} {-(-r.n // ARTICLES_PER_DAY):>5} {r.events:>8,} {r.ingest.seconds:>9.1f} "
            f"{r.n / r.ingest.seconds:>6.1f} {r.ms_per_article:>7.2f} "
            f"{_opt(r.phases and r.phases.startup, '.1f'):>7} {_opt(r.phase_ms('store'), '.2f'):>8} "
            f"{_opt(r.phase_ms('cluster'), '.2f'):>8} {r.ingest.peak_rss_mib:>7.0f} {r.db_mib:>7.1f} "
            f"{r.listing.seconds:>6.1f} {r.listing.peak_rss_mib:>8.0f} {r.stories:>8,} "
            f"{r.precision:>5.3f} {r.recall:>5.3f} {r.f1:>5.3f} "
            f"{links + '/' + format(r.planted_copies, ','):>13}"
        )
        if r.scored != r.n:
            print(f"{'':>10} only {r.scored:,} of {r.n:,} articles are in a listed story")
    print("ms/art: whole `ingest` run (startup and model load included); start s: until the first article "
          "was stored;\nstore ms / clust ms: per article, split at the last article's ingest time (+- 1 s); "
          "copies: links found / planted.")  # fmt: skip
    if len(results) >= 2:
        small, large = results[0], results[-1]
        print(f"per-article cost {large.n:,} / {small.n:,}: "
              f"ingest {large.ms_per_article / small.ms_per_article:.2f}x"
              + _phase_ratio("store", large.phase_ms("store"), small.phase_ms("store"))
              + _phase_ratio("cluster", large.phase_ms("cluster"), small.phase_ms("cluster"))
              + f"; peak RSS {large.ingest.peak_rss_mib / small.ingest.peak_rss_mib:.2f}x"
              + "  (requirement: <= ~2x from 10k to 1M)")  # fmt: skip
    sys.stdout.flush()


def _phase_ratio(name: str, large: float | None, small: float | None) -> str:
    return f", {name} {large / small:.2f}x" if large and small else ""


def _say(message: str) -> None:
    print(message, flush=True)


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(str(n) for n in DEFAULT_SIZES),
                        help="comma-separated corpus sizes, smallest first")  # fmt: skip
    parser.add_argument("--workdir", type=Path, help="keep corpora, databases and logs here (reused)")
    parser.add_argument("--keep", action="store_true", help="keep the databases (they are deleted otherwise)")
    args = parser.parse_args()
    sizes = sorted(int(size.replace("_", "")) for size in args.sizes.split(","))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="newsprism-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    _say(f"workdir {workdir}; sizes {', '.join(f'{n:,}' for n in sizes)}; {ARTICLES_PER_DAY:,} articles/day")
    load_before = _load()
    results = []
    for n in sizes:
        results.append(measure(n, workdir))
        if not args.keep:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{workdir / f'scale-{n}.db'}{suffix}").unlink(missing_ok=True)
    print_report(results, load_before, _load())
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
