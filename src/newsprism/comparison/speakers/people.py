"""The people one article names, and which of them an attribution means: a name, a title or a pronoun."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsprism.comparison.speakers.attribution import SPEECH_VERB, Attribution
from newsprism.comparison.speakers.names import (
    MAX_NAME_WORDS,
    POSSESSIVE,
    WORD,
    ReadName,
    is_organisation,
    name_runs,
    read_name,
    strip_titles,
)
from newsprism.comparison.speakers.organisations import read_body
from newsprism.lang.en.people import (
    ATTRIBUTION_ROLE_NOUNS,
    FEMALE_WORDS,
    GROUP_NOUNS,
    MALE_WORDS,
    PERSONAL_PRONOUNS,
    SUBJECT_PRONOUNS,
)
from newsprism.lang.en.speech import STANCE_VERBS
from newsprism.lang.en.stop_words import FUNCTION_WORDS
from newsprism.lang.en.titles import ATTRIBUTION_TITLE_HEADS, title_key
from newsprism.nlp.ner import Mention

Position = tuple[int, int]  # (sentence index, character offset in the sentence)
_SUBORDINATE_OPENING = re.compile(
    r"^(?:When|After|Before|While|As|Although|Though|If|Since|Because|Once|Until|Despite|Asked|Speaking)"
    r"\b[^,]*,"
)
_MAX_ROLE_POSITION = 5
_ROLE_WORDS_BEFORE = 4  # "Port Asha police commissioner Bruno Kestel"
_CONTEXT_CHARS = 120
# What a person is: an office or an occupation, a relation, a role.
_PERSON_NOUNS = ATTRIBUTION_TITLE_HEADS | ATTRIBUTION_ROLE_NOUNS
_TITLE_SYNONYMS = {
    "chief": "head", "boss": "head", "heads": "head", "leads": "leader", "ministry": "minister",
    "chairs": "chair", "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "runs": "head", "led": "leader",
    "headed": "head", "congressman": "representative", "congresswoman": "representative",
    "rep": "representative", "sen": "senator", "gov": "governor",
}  # fmt: skip
# A main clause that opens with "the" and up to three lower-case words, a title among them: "The
# congressman also said …", "The interior minister flew …".
_TITLE_SUBJECT = re.compile(r"\s*(?P<the>[Tt]he)\s+(?P<words>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})")

_APPOSITION_AFTER = re.compile(r"^,\s+(?P<desc>[^,.;:\"]{1,90}?)\s*(?:[,.;:]|$)")
_ROLE_BEFORE_COMMA = re.compile(r"(?:\b(?:his|her|their|its|the|a|an)\s+)?(?P<role>[a-z][\w'’-]*),\s+$")
_AGE_AFTER = re.compile(r"^,\s+\d{1,3}\s*[,.]")
_WHO_AFTER = re.compile(
    r"^,\s+who\b(?:\s+(?P<verb>heads|leads|runs|chairs|is|was)\s+(?P<desc>[^,.;:\"]{1,90}))?"
)
_APPOSITION_BEFORE = re.compile(r"(?:^|[,;:(]\s*|\b(?:and|with|to|by)\s+)(?P<desc>[^,.;:\"]{1,90}?),\s+$")
_VERB_AFTER_NAME = re.compile(rf"^\s+(?:has\s+|had\s+|also\s+)?(?:{SPEECH_VERB.pattern})")
_STANCE_VERB = r"\b(?:" + "|".join(sorted(STANCE_VERBS)) + r")\b"
_SAYER_AFTER = re.compile(
    rf"(?:'s)?,?\s+(?:who\s+)?(?:has\s+|had\s+|also\s+)?(?:{SPEECH_VERB.pattern}|{_STANCE_VERB})"
)
_VERB_BEFORE_NAME = re.compile(rf"(?:{SPEECH_VERB.pattern})\s+(?:[a-z][\w'’-]*\s+){{0,3}}$")
_LOWERCASE_NEXT = re.compile(r"\s+[a-z]|,\s")
_HE = re.compile(r"\b(?:he|his|him)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Descriptor:
    heads: frozenset[str]
    words: frozenset[str]


@dataclass
class _Person:
    name: tuple[str, ...]
    gender: str | None = None
    descriptors: list[_Descriptor] = field(default_factory=list)
    mentions: list[Position] = field(default_factory=list)


def _title_words(phrase: str) -> tuple[frozenset[str], frozenset[str], str | None]:
    """Split a title phrase into (required words, optional words, head word).

    "the country's interior minister" -> ({interior}, {country}, minister); words after "of"/"for" are
    optional ("head of the National Civil Protection Agency" -> head "head").
    """
    parts = re.split(r"\s+(?:of|for|at)\s+", phrase.casefold(), maxsplit=1)
    before_of, after_of = parts[0], (parts[1] if len(parts) > 1 else "")
    required: set[str] = set()
    optional: set[str] = set()
    head: str | None = None
    for raw in WORD.findall(before_of):
        word = _normal_title_word(raw)
        if not word:
            continue
        if POSSESSIVE.search(raw):
            optional.add(word)
            continue
        if head is not None:
            required.add(head)
        head = word
    optional.update(filter(None, (_normal_title_word(raw) for raw in WORD.findall(after_of))))
    return frozenset(required), frozenset(optional), head


def _normal_title_word(raw: str) -> str:
    word = POSSESSIVE.sub("", raw.casefold())
    if word in FUNCTION_WORDS:
        return ""
    return _TITLE_SYNONYMS.get(word, word)


def _descriptor(phrase: str) -> _Descriptor | None:
    """What a title phrase says about a person: its head words ("minister") and all its words."""
    required, optional, head = _title_words(phrase)
    if head is None:
        return None
    heads = {head}
    first = phrase.split()[0].casefold() if phrase.split() else ""
    if first in _TITLE_SYNONYMS and first.endswith("s"):  # "who heads the agency" describes its head
        heads.add(_TITLE_SYNONYMS[first])
    return _Descriptor(frozenset(heads), required | optional | {head})


def _gender_of_words(words: str) -> str | None:
    found = {word.casefold() for word in WORD.findall(words)}
    if found & FEMALE_WORDS:
        return "f"
    if found & MALE_WORDS:
        return "m"
    return None


class People:
    """The people one article names: fullest names, titles, gender hints and where each is mentioned."""

    def __init__(self, sentences: Sequence[str], named: Sequence[Sequence[Mention]] = ()) -> None:
        self._people: dict[tuple[str, ...], _Person] = {}
        # Where the named-entity model saw a person of two words or more (one word alone it often
        # guesses: "Twitter"); a mention blanked out of the masked sentence stood inside a quotation.
        self._person_spans = [
            [
                (mention.start, mention.end)
                for mention in (named[index] if index < len(named) else ())
                if mention.label == "PERSON"
                and len(mention.text.split()) > 1
                and sentence[mention.start : mention.end] == mention.text
            ]
            for index, sentence in enumerate(sentences)
        ]
        self._full_names: dict[str, list[tuple[str, ...]]] = {}  # surname -> every longer name ending in it
        # Where each sentence's main clause starts: "When Mr. Biden spoke, Mr. Ryan said …": at "Mr. Ryan".
        self._sentences = list(sentences)
        self._main_clause = [_main_clause_start(sentence) for sentence in sentences]
        self._lowercase_words = {word for sentence in sentences for word in WORD.findall(sentence)}
        runs = [
            [(start, end, strip_titles(sentence[start:end].split())) for start, end in _runs(sentence)]
            for sentence in sentences
        ]
        for sentence_runs in runs:
            for _, _, read in sentence_runs:
                self._collect_full_name(read)
        for index, sentence in enumerate(sentences):
            for start, end, read in runs[index]:
                self._learn(index, sentence, start, end, read)
        self._merge_surnames()
        for index, sentence in enumerate(sentences):
            for start, _, read in runs[index]:
                person = self._known_name(read.tokens)
                if person is not None:
                    person.mentions.append((index, start))
            self._mention_title_subjects(index, sentence)
            self._learn_gender_from_pronouns(index, sentence)

    def add_mention(self, name: str, at: Position) -> None:
        """Record that a quotation at `at` was attributed to `name` (it makes `name` the recent person)."""
        key = tuple(name.split())
        if is_organisation(key):
            return  # "the ministry said": no one "he" or "she" can mean
        person = self._people.get(key) or self._people.setdefault(key, _Person(key))
        person.mentions.append(at)

    def resolve(self, attribution: Attribution, at: Position) -> str | None:
        """The speaker an attribution names, as the fullest name the article gives, or None."""
        if attribution.phrases:
            words = attribution.phrases[0].split()
            pronoun = PERSONAL_PRONOUNS.get(words[0].strip(" .,;:!?\"'").casefold()) if words else None
            if pronoun is not None and len(words) <= MAX_NAME_WORDS:
                return self._by_pronoun(pronoun, at)
        for rank, phrase in enumerate(attribution.phrases):
            name = read_name(phrase, inverted=attribution.inverted)
            tokens = self._trim(name.tokens)
            if tokens and self._plausible(tokens, name.titled, next_to_verb=rank == 0):
                return self.fullest(tokens, at)
        if attribution.phrases:
            by_title = self._by_title(attribution.phrases[0], at)
            if by_title is not None:
                return by_title
        for phrase in filter(None, (*attribution.fallback_names, attribution.adjacent_name)):
            name = strip_titles(phrase.split())
            if name.tokens and self._plausible(name.tokens, name.titled, next_to_verb=False):
                return self.fullest(name.tokens, at)
        return None

    def fullest(self, tokens: Sequence[str], at: Position) -> str:
        """The longest name the article gives that ends with these tokens ("Lind" -> "Helena Lind")."""
        wanted = tuple(token.casefold() for token in tokens)
        candidates = [
            person
            for key, person in self._people.items()
            if tuple(token.casefold() for token in key[-len(wanted) :]) == wanted
        ]
        if not candidates:
            names: list[tuple[str, ...]] = self._full_names.get(wanted[-1], []) if len(wanted) == 1 else []
            longest: Sequence[str] = max(names, key=len) if names else tokens
            return " ".join(longest)
        best = max(candidates, key=lambda person: (len(person.name), _last_before(person, at)))
        return " ".join(best.name)

    def _plausible(self, tokens: tuple[str, ...], titled: bool, next_to_verb: bool) -> bool:
        if self._known(list(tokens)) is not None or titled or self._named_in_full(tokens):
            return True
        if len(tokens) == 1 and tokens[0].casefold() in GROUP_NOUNS:
            return False
        if is_organisation(tokens):
            return next_to_verb
        if len(tokens) >= 2:
            return True
        word = tokens[0]
        return next_to_verb and word.casefold() not in self._lowercase_words

    def _trim(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """Drop leading words of a long run that the article also writes in lower case.

        "Deputy Assistant Secretary for Diplomatic Security Charlene Lamb" -> "Charlene Lamb".
        """
        while len(tokens) > 2 and tokens[0].casefold() in self._lowercase_words:
            tokens = tokens[1:]
        return tokens

    def _named_in_full(self, tokens: tuple[str, ...]) -> bool:
        """Tell whether a surname also stands in a longer name in the article ("Romney": "Mitt Romney")."""
        return len(tokens) == 1 and tokens[0].casefold() in self._full_names

    def _known(self, tokens: Sequence[str]) -> _Person | None:
        return self._known_name(strip_titles(list(tokens)).tokens)

    def _known_name(self, name: tuple[str, ...]) -> _Person | None:
        if not name:
            return None
        person = self._people.get(name)
        if person is not None:
            return person
        surname = name[-1].casefold()
        candidates = [p for key, p in self._people.items() if key[-1].casefold() == surname]
        return max(candidates, key=lambda p: len(p.name)) if candidates else None

    def _learn(self, index: int, sentence: str, start: int, end: int, read: ReadName) -> None:
        """Add the run sentence[start:end] as a person when the text shows it names one."""
        name, titled = self._trim(read.tokens), read.titled
        if not name:
            return
        is_org = is_organisation(name)
        # Appositions and roles sit right next to the name; a window keeps the searches short.
        before, after = sentence[max(0, start - _CONTEXT_CHARS) : start], sentence[end : end + _CONTEXT_CHARS]
        descriptors: list[str] = []
        evidence = titled or any(a < end and start < b for a, b in self._person_spans[index])
        if read.title:
            descriptors.append(read.title)
        words_before = before.split()[-_ROLE_WORDS_BEFORE:] if before.endswith(" ") else []
        if words_before and title_key(words_before[-1]) in _PERSON_NOUNS:
            evidence = True
            descriptors.append(" ".join(words_before))
        role_before = _ROLE_BEFORE_COMMA.search(before)
        if role_before and title_key(role_before["role"]) in _PERSON_NOUNS:
            evidence = True
            descriptors.append(role_before.group().rstrip(", "))  # "his wife, Huma Abedin"
        if _AGE_AFTER.match(after):
            evidence = True
        who = _WHO_AFTER.match(after)
        if who:
            evidence = True
            if who["verb"] in {"heads", "leads", "runs", "chairs"}:
                descriptors.append(f"{who['verb']} {who['desc']}")
            elif who["desc"]:
                descriptors.append(who["desc"])
        for apposition in (_APPOSITION_AFTER.match(after), _APPOSITION_BEFORE.search(before)):
            role = _role_phrase(apposition["desc"]) if apposition else None
            if role is not None:
                evidence = True
                descriptors.append(role)
        # "Beck said" makes a person of "Beck" when the article also names a "Glenn Beck".
        is_named = len(name) >= 2 or name[0].casefold() in self._full_names
        if is_named and not is_org and (_VERB_AFTER_NAME.match(after) or _VERB_BEFORE_NAME.search(before)):
            evidence = True
        # A full name as the subject of a sentence ("Bruce Braley spoke in Texas."), places aside.
        is_subject = not sentence[:start].strip() or start == self._main_clause[index] + 1
        if len(name) >= 2 and not is_org and is_subject and _LOWERCASE_NEXT.match(after):
            evidence = True
        if not evidence or (is_org and not titled):
            return
        person = self._people.setdefault(name, _Person(name))
        person.gender = person.gender or read.gender or _gender_of_words(" ".join(descriptors))
        person.descriptors.extend(filter(None, (_descriptor(text) for text in descriptors)))

    def _collect_full_name(self, read: ReadName) -> None:
        name = self._trim(read.tokens)
        if len(name) > 1 and not is_organisation(name):
            self._full_names.setdefault(name[-1].casefold(), []).append(name)

    def _merge_surnames(self) -> None:
        """Fold "Sandor" (from "Mayor Sandor") into "Mirela Sandor" when the article gives both."""
        for key in [key for key in self._people if len(key) == 1]:
            surname = key[0].casefold()
            fuller = [p for k, p in self._people.items() if len(k) > 1 and k[-1].casefold() == surname]
            short = self._people.pop(key)
            if not fuller:
                names = self._full_names.get(key[0].casefold())
                if not names:
                    self._people[key] = short
                    continue
                # The article names this person in full somewhere without saying who they are.
                longest = max(names, key=len)
                fuller = [self._people.setdefault(longest, _Person(longest))]
            target = max(fuller, key=lambda p: len(p.name))
            target.descriptors.extend(short.descriptors)
            target.gender = target.gender or short.gender

    def _learn_gender_from_pronouns(self, index: int, sentence: str) -> None:
        """A sentence naming one person and using only "he/his" (or only "she/her") tells their gender."""
        named = [p for p in self._people.values() if any(m[0] == index for m in p.mentions)]
        if len(named) != 1 or named[0].gender is not None:
            return
        male, female = bool(_HE.search(sentence)), bool(_SHE.search(sentence))
        if male != female:
            named[0].gender = "m" if male else "f"

    def _by_pronoun(self, gender: str, at: Position) -> str | None:
        """The first compatible person named in the nearest earlier sentence that names one.

        A sentence whose main clause opens with the same pronoun ("He said Grassley would …") names its
        subject only through that pronoun, so the search goes on to the sentence before it.
        """
        by_sentence: dict[int, list[tuple[Position, _Person]]] = {}
        for person in self._people.values():
            if person.gender in (None, gender):
                for mention in person.mentions:
                    if mention < at:
                        by_sentence.setdefault(mention[0], []).append((mention, person))
        for sentence in sorted(by_sentence, reverse=True):
            if sentence != at[0] and self._opens_with_pronoun(sentence, gender):
                continue
            mention, person = max(
                by_sentence[sentence],
                key=lambda item: (*self._pronoun_rank(item[0]), _mentions_before(item[1], at), -item[0][1]),
            )
            return " ".join(person.name)
        return None

    def _opens_with_pronoun(self, sentence: int, gender: str) -> bool:
        if sentence >= len(self._sentences):
            return False
        main = self._sentences[sentence][max(0, self._main_clause[sentence]) :].lstrip(" ,")
        first = main.split(maxsplit=1)[0].casefold() if main.strip() else ""
        return PERSONAL_PRONOUNS.get(first) == gender

    def _pronoun_rank(self, mention: Position) -> tuple[bool, bool, bool]:
        """Within one sentence: the main clause ("When Biden mocked it, Ryan said …": Ryan), then who said
        something, then the subject. Where no one named is the subject ("The remarks prompted Vieira to
        ask Trump …") the person the article has spoken of most goes first: the story's topic, whom "he"
        goes on meaning; the earliest last."""
        sentence, offset = mention
        if offset < 0 or sentence >= len(self._sentences):
            return (True, True, True)  # the speaker of a quotation
        text = self._sentences[sentence]
        run_end = next((end for start, end in name_runs(text) if start == offset), None)
        said = run_end is not None and bool(_SAYER_AFTER.match(text, run_end))
        main = max(0, self._main_clause[sentence])
        is_subject = not text[main:offset].strip(" ,")
        return (offset >= self._main_clause[sentence], said, is_subject)

    def _by_title(self, phrase: str, at: Position) -> str | None:
        """The person the article describes with the title in `phrase`."""
        person = self._titled(phrase, at)
        return " ".join(person.name) if person else None

    def _mention_title_subjects(self, index: int, sentence: str) -> None:
        """A main clause opening with a title ("The congressman also expressed …") mentions its holder there,
        as its subject: "he" in the next sentence most likely means him."""
        subject = _TITLE_SUBJECT.match(sentence, max(0, self._main_clause[index]))
        if subject is None:
            return
        words = subject["words"].split()
        heads = [i for i, word in enumerate(words) if _normal_title_word(word) in _PERSON_NOUNS]
        if not heads:
            return
        at = (index, subject.start("the"))
        person = self._titled(" ".join(["the", *words[: heads[0] + 1]]), at)
        if person is not None:
            person.mentions.append(at)

    def _titled(self, phrase: str, at: Position) -> _Person | None:
        required, optional, head = _title_words(phrase)
        if head is None or read_body(phrase) is not None:
            return None  # "the interior ministry" is the ministry, not its minister
        known_words = {word for p in self._people.values() for d in p.descriptors for word in d.words}
        required = required & known_words
        best: tuple[tuple[tuple[int, int], Position], _Person] | None = None
        for person in self._people.values():
            matching = [d for d in person.descriptors if head in d.heads and required <= d.words]
            if not matching:
                continue
            # "the president": President Obama before Vice President Biden (fewer words beyond the query).
            score = max(
                (len((required | optional) & d.words), -len(d.words - required - optional - {head}))
                for d in matching
            )
            rank = (score, _last_before(person, at))
            if best is None or rank > best[0]:
                best = (rank, person)
        return best[1] if best else None


def _main_clause_start(sentence: str) -> int:
    opening = _SUBORDINATE_OPENING.match(sentence)
    return opening.end() if opening else -1


def _mentions_before(person: _Person, at: Position) -> int:
    return sum(mention < at for mention in person.mentions)


def _last_before(person: _Person, at: Position) -> Position:
    """The person's latest mention before `at`; mentions after rank below every earlier one."""
    earlier = [mention for mention in person.mentions if mention < at]
    if earlier:
        return max(earlier)
    return (-1, -1)


def _runs(sentence: str) -> list[tuple[int, int]]:
    """Capitalised runs, cut after a possessive ("Kessaria's Karvel Dam" -> "Kessaria's", "Karvel Dam")."""
    spans: list[tuple[int, int]] = []
    for run_start, run_end in name_runs(sentence):
        start = run_start
        for token in re.finditer(r"\S+", sentence[run_start:run_end]):
            if POSSESSIVE.search(token.group()) and run_start + token.end() < run_end:
                spans.append((start, run_start + token.end()))
                start = run_start + token.end() + 1
        spans.append((start, run_end))
    return [(s, e) for s, e in spans if e > s]


def _role_phrase(phrase: str) -> str | None:
    """The title in an apposition: "the attorney representing …" -> "the attorney"; None if it has none."""
    words = phrase.split()
    if not words or words[0].casefold() in SUBJECT_PRONOUNS or SPEECH_VERB.search(phrase):
        return None  # "Progressivism, he told the conference, is …" is no apposition
    for index, word in enumerate(words[:_MAX_ROLE_POSITION]):
        if POSSESSIVE.sub("", word.casefold().strip(".,")) in _PERSON_NOUNS:
            continues = index + 1 < len(words) and words[index + 1] in {"of", "for", "at"}
            return phrase if continues else " ".join(words[: index + 1])
    return None
