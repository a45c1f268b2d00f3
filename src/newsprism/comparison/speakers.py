"""Who said a quotation: the attribution phrase next to it, resolved against the people an article names.

Rules, all from the text (no NER model: a capitalised-name heuristic with lists of titles and roles):
- An attribution is a speech verb ("said", "told", "warned", "sobbed", …) with its subject ("Lind said",
  "the interior minister added") or, inverted, its object ("said Mayor Mirela Sandor, who …"), or
  "according to X". Before a quotation the subject of the last speech verb counts ("Lind said: …"); with
  a participle ("…, saying: …") or a bare colon ("Biden was quick to retort: …") the clause's subject.
- A name phrase becomes the fullest name the article gives for that person ("Lind" -> "Helena Lind"),
  without titles or honorifics ("Interior Minister Tariq Haddadi" -> "Tariq Haddadi").
- "he"/"she" is a person named in the nearest earlier sentence that names one whose known gender (from
  honorifics, words like "spokeswoman", or a sentence where only he/his or only she/her is used) does not
  contradict the pronoun: the speaker of a quotation there, else one who says something there, else the
  subject (the first mentioned in the main clause). A sentence opening with the same pronoun is skipped.
- A title ("the mayor", "the country's interior minister") is the person the article describes with that
  title ("Mayor Mirela Sandor", "Maria Lind, the interior minister", "Lind, who heads the interior ministry").
- A quotation that opens a sentence right after an attributed one, with no attribution of its own, keeps
  that speaker (see `quotes.py`). Names inside quotations are never antecedents.
- Anything else ("said one", "police said", "a spokesman said") has no speaker.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsprism.nlp.strings import edit_distance

Position = tuple[int, int]  # (sentence index, character offset in the sentence)

SPEECH_VERBS = frozenset(
    "said says say told tells added adds warned warns insisted insists admitted admits sobbed explained "
    "explains wrote writes tweeted posted stated states declared declares announced announces noted notes "
    "argued argues asked asks replied replies responded responds recalled recalls continued conceded "
    "claimed claims acknowledged complained complains shouted cried yelled screamed exclaimed urged urges "
    "pleaded joked quipped vowed vows promised promises stressed stresses emphasised emphasized maintained "
    "countered remarked observed wondered whispered concluded demanded boasted lamented predicted "
    "confirmed confirms denied agreed mused snapped fumed thundered raged groaned wailed sighed laughed "
    "recounted testified cautioned reiterated proclaimed blasted sneered scoffed "
    "interjected answered suggested".split()
)
_SPEECH_VERB = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b")

# Capitalised words, with initials and honorifics ("Mr. Steele", "J. K. Rowling") and name particles.
_NAME_TOKEN = r"[A-Z][\w'’-]*(?:\.(?=\s+[A-Z]))?"
_PARTICLE = r"(?:de|del|della|der|den|van|von|da|di|du|dos|das|la|le|bin|ibn|al|el)"
_NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN})*")
_TRAILING_NAME_RUN = re.compile(rf"(?:{_NAME_TOKEN}\s+(?:{_PARTICLE}\s+)?)*{_NAME_TOKEN}$")
_WORD = re.compile(r"[\w'’-]+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# Where the noun phrase after an inverted verb ends: "said Kestel at the press centre", "said X, who …".
_PHRASE_END = re.compile(
    r"\s+(?:who|whose|which|as|when|while|after|before|during|at|in|on|from|to|with|adding|saying|"
    r"because|since|though|although)\b|\s+(?:and|but)\s+(?![A-Z])|\s+(?:of|for)\s+(?=[a-z])|\s+\d"
)
# "and" between capitalised words joins a name ("Oversight and Government Reform Committee").
_CLAUSE_BREAK = re.compile(r"[,;:]|\s+(?:and|but)\s+(?![A-Z])")
_SUBORDINATE_OPENING = re.compile(
    r"^(?:When|After|Before|While|As|Although|Though|If|Since|Because|Once|Until|Despite|Asked|Speaking)"
    r"\b[^,]*,"
)
_PREPOSITION = re.compile(r"\s+(?:of|for|at|with|from|in|on|to|by|about)\s+")
_SUBJECT_OPENERS = frozenset(
    "and but or so as while when because if though although in on at to for with from by that which of "
    "about after before asked".split()
)
# Words between a subject and its verb: "Dukes once told", "Lind has also said", "Renner repeatedly said".
_ADVERB_TAIL = re.compile(
    r"(?:\s+(?:has|had|have|also|later|then|once|again|previously|recently|earlier|would|will|\w+ly))+$"
)
# Party and state tags after US politicians' names: "Rep. Gregory Meeks, D-N.Y., said".
_PARTY_TAG = re.compile(r",?\s*\(?\b[DRI]-[A-Z][A-Za-z.]*\)?(?=[\s,]|$)")
_PARTICIPLE = re.compile(
    r"\b(?:saying|adding|writing|claiming|noting|arguing|warning|insisting|declaring|stating|explaining)\b"
)
_PRONOUNS = {"he": "m", "she": "f"}
_PRONOUN_WORDS = frozenset("he she it they we i you".split())
_MAX_SUBJECT_WORDS = 9
_MAX_ROLE_POSITION = 5
_ROLE_WORDS_BEFORE = 4  # "Port Asha police commissioner Bruno Kestel"
_CONTEXT_CHARS = 120
_MAX_NAME_WORDS = 6
_MAX_APPOSITION_WORDS = 40
_MAX_WORDS_VERB_TO_QUOTE = 20
MAX_NAME_EDITS = 2  # "Tariq Haddadi" / "Tareq Hadadi" are two edits apart

HONORIFICS = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
    "miss": "f", "dame": "f", "lady": "f", "madam": "f", "dr": None, "dr.": None, "prof": None,
    "prof.": None, "mx": None, "mx.": None,
}  # fmt: skip
TITLE_HEADS = frozenset(
    "minister mayor president secretary commissioner chief governor senator sen. rep. representative "
    "congressman congresswoman judge justice general gen. colonel col. captain capt. sergeant sgt. "
    "lieutenant lt. admiral commander inspector superintendent supt. detective det. constable sheriff "
    "director chairman chairwoman chairperson chair leader spokesman spokeswoman spokesperson ambassador "
    "envoy chancellor premier king queen prince princess pope bishop archbishop cardinal rabbi imam "
    "reverend rev. sheikh professor head boss speaker councillor councilor councilman councilwoman "
    "alderman coach manager executive ceo treasurer attorney prosecutor deputy mp lawmaker legislator "
    "diplomat adviser advisor aide counsel dean principal founder officer official commandant "
    "superintendent marshal emir sultan father gov gov. lt gen col sgt capt atty atty. supt det insp "
    "insp. cmdr cmdr. adm adm. maj maj. pres pres. rev hon hon. fr fr. secretary-general whip".split()
)
_TITLE_MODIFIERS = frozenset(
    "assistant deputy vice foreign interior prime attorney general state defense defence finance home "
    "justice chief executive senior acting former first majority minority ranking police civil".split()
)
_PARTY_MEMBERS = frozenset("democrat republican independent conservative liberal socialist".split())
ROLE_NOUNS = TITLE_HEADS | frozenset(
    "driver owner farmer pensioner nurse doctor teacher student worker resident activist lawyer analyst "
    "economist expert witness survivor politician candidate player singer actor actress author writer "
    "journalist reporter editor photographer shopkeeper trader fisherman docker dockworker veteran mother "
    "father son daughter wife husband grandmother grandfather neighbour neighbor volunteer firefighter "
    "soldier engineer scientist researcher banker businessman businesswoman entrepreneur investor "
    "historian campaigner organiser organizer protester demonstrator negotiator landlord tenant homeowner "
    "chef waiter waitress priest pastor monk nun scholar novelist artist musician producer victim mourner "
    "commuter motorist passenger pilot sailor guard employee colleague friend partner brother sister "
    "uncle aunt cousin grandson granddaughter boyfriend girlfriend supporter critic consultant lecturer "
    "pupil graduate midwife paramedic surgeon physician psychologist vicar steward shopowner baker "
    "butcher carpenter builder plumber electrician mechanic clerk cashier cleaner janitor miner "
    "labourer laborer grower winemaker rancher herder fisherwoman sportsman sportswoman athlete "
    "teammate spokesperson strategist pollster donor lobbyist host anchor commentator pundit columnist "
    "blogger nominee contender hopeful frontrunner rival challenger incumbent justice".split()
)
_FEMALE_WORDS = frozenset(
    "spokeswoman chairwoman businesswoman congresswoman councilwoman sportswoman fisherwoman mother wife "
    "grandmother daughter sister aunt actress queen princess waitress nun girlfriend granddaughter "
    "widow".split()
)
_MALE_WORDS = frozenset(
    "spokesman chairman businessman congressman councilman sportsman fisherman father husband "
    "grandfather son brother uncle king prince boyfriend grandson widower monk".split()
)
# Capitalised words that mark an organisation or a place, not a person.
ORG_WORDS = frozenset(
    "union agency ministry department council committee party police court bank company corporation "
    "corp inc ltd plc llc group association alliance wire times gazette news post service office "
    "authority commission army forces force navy square street road row avenue lane bridge river dam "
    "hall airport port university college school hospital club institute foundation fund organisation "
    "organization federation parliament senate congress house government administration board centre "
    "center trust network logistics press valley lake mountain park city county province district region "
    "republic kingdom state states church cathedral museum market station terminal harbour harbor quay "
    "bay island sea ocean coast star courier clarion journal tribune herald telegraph review magazine "
    "radio television channel capital reserve command guard conference summit program programme show "
    "campaign coalition caucus convention institution society league".split()
)
# Capitalised words that open a sentence or a run without being part of a name.
_NOT_NAME_WORDS = frozenset(
    "of state the a an this that these those in on at for but and or if when while after before as since "
    "with from by to he she it they we i you his her its their our my your there here then now so yet "
    "however meanwhile according plus also still even just only today tonight yesterday tomorrow last "
    "next other asked some many most both each one two three four five several "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
_TITLE_WORDS = TITLE_HEADS | _TITLE_MODIFIERS | _NOT_NAME_WORDS
# Plural nouns that open sentences as speakers but name nobody ("Police said: …").
_GROUP_NOUNS = frozenset(
    "police officials witnesses residents authorities experts analysts critics officers protesters "
    "organisers organizers sources doctors locals diplomats ministers investigators prosecutors "
    "rescuers firefighters neighbours neighbors".split()
)
_TITLE_SYNONYMS = {
    "chief": "head", "boss": "head", "heads": "head", "leads": "leader", "ministry": "minister",
    "chairs": "chair", "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "runs": "head", "led": "leader",
    "headed": "head",
}  # fmt: skip
_TITLE_STOPWORDS = frozenset("the a an of for in at on and with to its his her their our who is was".split())

_APPOSITION_AFTER = re.compile(r"^,\s+(?P<desc>[^,.;:\"]{1,90}?)\s*(?:[,.;:]|$)")
_AGE_AFTER = re.compile(r"^,\s+\d{1,3}\s*[,.]")
_WHO_AFTER = re.compile(
    r"^,\s+who\b(?:\s+(?P<verb>heads|leads|runs|chairs|is|was)\s+(?P<desc>[^,.;:\"]{1,90}))?"
)
_APPOSITION_BEFORE = re.compile(r"(?:^|[,;:(]\s*|\b(?:and|with|to|by)\s+)(?P<desc>[^,.;:\"]{1,90}?),\s+$")
_VERB_AFTER_NAME = re.compile(rf"^\s+(?:has\s+|had\s+|also\s+)?(?:{_SPEECH_VERB.pattern})")
_SAYER_AFTER = re.compile(rf"(?:'s)?,?\s+(?:who\s+)?(?:has\s+|had\s+|also\s+)?(?:{_SPEECH_VERB.pattern})")
_VERB_BEFORE_NAME = re.compile(rf"(?:{_SPEECH_VERB.pattern})\s+(?:[a-z][\w'’-]*\s+){{0,3}}$")
_LOWERCASE_NEXT = re.compile(r"\s+[a-z]|,\s")
_HE = re.compile(r"\b(?:he|his|him)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """Noun phrases that may name the speaker, best first; the first is the one next to the verb."""

    phrases: tuple[str, ...]
    fallback_names: tuple[str, ...] = ()  # names that open the clause, tried when the phrases name nobody
    inverted: bool = False  # the phrases follow the verb ("said X, who …") rather than precede it


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


def attribution_after(text: str) -> Attribution | None:
    """Read an attribution right after a closing quote mark: `, said X` / `, X told reporters`."""
    verb = _SPEECH_VERB.search(text)
    if verb is None:
        return _according_to(text)
    subject = _PARTY_TAG.sub("", text[: verb.start()]).strip(" ,?!—–-")
    if not subject:
        return _inverted(text[verb.end() :])
    subject = _ADVERB_TAIL.sub("", subject)
    words = subject.split()
    first_segment = subject.split(",")[0].split()
    is_short = len(words) <= _MAX_SUBJECT_WORDS or (
        len(first_segment) <= _MAX_NAME_WORDS and len(words) <= _MAX_APPOSITION_WORDS
    )
    if not words or not is_short or words[0].casefold() in _SUBJECT_OPENERS or '"' in subject:
        return _according_to(text)
    # The subject's head comes first: `," Rep. Jerrold Nadler, the former chairman of …, said`.
    segments = [part.strip() for part in subject.split(",") if part.strip()]
    return Attribution(tuple(segments)) if segments else None


def attribution_before(text: str) -> Attribution | None:
    """Read an attribution before an opening quote mark: `Lind said: ` / `According to Lind, `."""
    according = re.search(r"\baccording to\s+(?P<phrase>[^,:]+?)\s*[,:]?\s*$", text, re.IGNORECASE)
    if according:
        return Attribution((according["phrase"].strip(),))
    text = _PARTY_TAG.sub("", text)
    verbs = list(_SPEECH_VERB.finditer(text)) + list(_PARTICIPLE.finditer(text))
    if not verbs:
        if text.rstrip().endswith(":"):  # "Biden was quick to retort: …"
            fallback = tuple(reversed(_leading_names(_clauses(text)[-3:])))
            return Attribution((), fallback) if fallback else None
        return None
    verb = max(verbs, key=lambda match: match.start())
    if len(text[verb.end() :].split()) > _MAX_WORDS_VERB_TO_QUOTE:
        return None
    segments = _clauses(_ADVERB_TAIL.sub("", text[: verb.start()].rstrip()))
    if not segments:
        return None
    if _PARTICIPLE.fullmatch(verb.group()):
        # "Romney released a statement on Tuesday saying: …": the subject of the clause said it, not the
        # nearest noun ("… wrote to Sasha and Malia Obama, saying …"); a name right before it does too.
        first = segments[0].split()[0]
        pronoun = (first,) if first.casefold() in _PRONOUNS else ()
        adjacent = _TRAILING_NAME_RUN.search(segments[-1])
        tail = (adjacent.group(),) if adjacent and adjacent.end() == len(segments[-1]) else ()
        return Attribution(pronoun, _leading_names(segments) + tail)
    # An earlier segment counts only as an apposition's anchor ("Maria Lind, the interior minister, said"),
    # not when it is a clause of its own ("After meeting Lind, the minister said").
    phrases = [segments[-1]]
    for segment in reversed(segments[-3:-1]):
        if segment.split()[0].casefold() in _SUBJECT_OPENERS:
            break
        phrases.append(segment)
    # "Romney released a statement on Tuesday saying: …": the clause's subject said it.
    return Attribution(tuple(phrases), _leading_names(segments[-1:]))


def is_direct(before: str, after: str) -> bool:
    """Tell whether a speech verb stands right next to the quotation (`"No," she said` / `said: "No."`)."""
    after_verb = _SPEECH_VERB.search(after)
    if after_verb and len(after[: after_verb.start()].split()) <= _MAX_SUBJECT_WORDS:
        lead = after[: after_verb.start()].strip(" ,?!—–-")
        if not lead or lead.split()[0].casefold() not in _SUBJECT_OPENERS:
            return True
    # `said: "No."` but not `he told "Today"` (a programme's name, not speech).
    return bool(re.search(rf"(?:{_SPEECH_VERB.pattern}|{_PARTICIPLE.pattern})\s*[:,]\s*$", before))


def _clauses(text: str) -> list[str]:
    """Comma- and conjunction-separated parts: "Prices rose and Lind said" -> "Prices rose", "Lind"."""
    return [part.strip() for part in _CLAUSE_BREAK.split(text) if part.strip()]


def _leading_names(segments: list[str]) -> tuple[str, ...]:
    """Names that open clauses (the clauses' subjects), in sentence order."""
    names = []
    for segment in segments:
        run = _NAME_RUN.match(segment)
        if run and _strip_titles(run.group().split()).tokens:
            names.append(run.group())
    return tuple(names)


def _according_to(text: str) -> Attribution | None:
    match = re.match(r"^[\s,?!—–-]*according to\s+(?P<phrase>[^,.;:]+)", text, re.IGNORECASE)
    return Attribution((match["phrase"].strip(),)) if match else None


def _inverted(text: str) -> Attribution | None:
    """The speaker after the verb: "said taxi driver Milan Ostrowski, 41" / "said the captain, Erik Danel"."""
    segments = [part.strip() for part in _PARTY_TAG.sub("", text).split(",")]
    first = segments[0] if segments else ""
    if not first:
        return None
    phrases = [first]
    if len(segments) > 1 and segments[1]:
        phrases.append(segments[1])
    return Attribution(tuple(phrases), inverted=True)


@dataclass(frozen=True)
class _Name:
    """A name read off a capitalised run: its tokens, the title before it, gender from an honorific."""

    tokens: tuple[str, ...]
    title: str = ""
    honorific: bool = False
    gender: str | None = None

    @property
    def titled(self) -> bool:
        return bool(self.title) or self.honorific


def _read_name(phrase: str, inverted: bool = False) -> _Name:
    """The name at the end of a phrase, titles and honorifics apart ("Mayor Mirela Sandor").

    After an inverted verb the phrase ends where a clause starts ("said Kestel at the press centre");
    before a verb the name is the one right before it ("shortly after Santorum told voters").
    """
    if inverted:
        phrase = _PHRASE_END.split(phrase, maxsplit=1)[0]
    phrase = phrase.strip(" .,;:!?\"'")
    if phrase[:1].islower():  # "the director for Rep. Stephen Fincher": Fincher is not its head
        phrase = _PREPOSITION.split(phrase, maxsplit=1)[0]
    place = re.split(r"\s+of\s+(?=[A-Z])", phrase, maxsplit=1)
    if len(place) == 2:  # "Representative Mike Thompson of California"
        before_place = _read_name(place[0], inverted)
        if before_place.tokens:
            return before_place
    run = _TRAILING_NAME_RUN.search(phrase)
    if run is None:
        return _Name(())
    return _strip_titles(run.group().split())


def _strip_titles(tokens: list[str]) -> _Name:
    """Drop leading non-name words, honorifics and titles ("Interior Minister Tariq Haddadi")."""
    tokens = [_POSSESSIVE.sub("", token) if i == len(tokens) - 1 else token for i, token in enumerate(tokens)]
    while tokens and tokens[0].casefold() in _NOT_NAME_WORDS:
        tokens = tokens[1:]
    title, honorific, gender = "", False, None
    last_title = max((i for i, t in enumerate(tokens[:-1]) if t.casefold() in TITLE_HEADS), default=-1)
    if last_title >= 0:
        title, tokens = " ".join(tokens[: last_title + 1]), tokens[last_title + 1 :]
    while len(tokens) > 1 and tokens[0].casefold() in HONORIFICS:
        honorific, gender = True, HONORIFICS[tokens[0].casefold()] or gender
        tokens = tokens[1:]
    if all(token.casefold() in _TITLE_WORDS for token in tokens):
        tokens = []  # "the Mayor", "Assistant Secretary"
    elif tokens and tokens[-1].casefold() in _PARTY_MEMBERS:
        tokens = []  # "the West Virginia Democrat"
    return _Name(tuple(token for token in tokens if token), title, honorific, gender)


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
    for raw in _WORD.findall(before_of):
        word = _normal_title_word(raw)
        if not word:
            continue
        if _POSSESSIVE.search(raw):
            optional.add(word)
            continue
        if head is not None:
            required.add(head)
        head = word
    optional.update(filter(None, (_normal_title_word(raw) for raw in _WORD.findall(after_of))))
    return frozenset(required), frozenset(optional), head


def _normal_title_word(raw: str) -> str:
    word = _POSSESSIVE.sub("", raw.casefold())
    if word in _TITLE_STOPWORDS:
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
    found = {word.casefold() for word in _WORD.findall(words)}
    if found & _FEMALE_WORDS:
        return "f"
    if found & _MALE_WORDS:
        return "m"
    return None


class People:
    """The people one article names: fullest names, titles, gender hints and where each is mentioned."""

    def __init__(self, sentences: Sequence[str]) -> None:
        self._people: dict[tuple[str, ...], _Person] = {}
        self._full_names: dict[str, list[tuple[str, ...]]] = {}  # surname -> every longer name ending in it
        # Where each sentence's main clause starts: "When Mr. Biden spoke, Mr. Ryan said …": at "Mr. Ryan".
        self._sentences = list(sentences)
        self._main_clause = [_main_clause_start(sentence) for sentence in sentences]
        self._lowercase_words = {word for sentence in sentences for word in _WORD.findall(sentence)}
        runs = [
            [(start, end, _strip_titles(sentence[start:end].split())) for start, end in _runs(sentence)]
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
            self._learn_gender_from_pronouns(index, sentence)

    def add_mention(self, name: str, at: Position) -> None:
        """Record that a quotation at `at` was attributed to `name` (it makes `name` the recent person)."""
        key = tuple(name.split())
        person = self._people.get(key) or self._people.setdefault(key, _Person(key))
        person.mentions.append(at)

    def resolve(self, attribution: Attribution, at: Position) -> str | None:
        """The speaker an attribution names, as the fullest name the article gives, or None."""
        if attribution.phrases:
            words = attribution.phrases[0].split()
            pronoun = _PRONOUNS.get(words[0].strip(" .,;:!?\"'").casefold()) if words else None
            if pronoun is not None and len(words) <= _MAX_NAME_WORDS:
                return self._by_pronoun(pronoun, at)
        for rank, phrase in enumerate(attribution.phrases):
            name = _read_name(phrase, inverted=attribution.inverted)
            tokens = self._trim(name.tokens)
            if tokens and self._plausible(tokens, name.titled, next_to_verb=rank == 0):
                return self.fullest(tokens, at)
        if attribution.phrases:
            by_title = self._by_title(attribution.phrases[0], at)
            if by_title is not None:
                return by_title
        for phrase in attribution.fallback_names:
            name = _strip_titles(phrase.split())
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
        if len(tokens) == 1 and tokens[0].casefold() in _GROUP_NOUNS:
            return False
        if _is_org(tokens):
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
        return self._known_name(_strip_titles(list(tokens)).tokens)

    def _known_name(self, name: tuple[str, ...]) -> _Person | None:
        if not name:
            return None
        person = self._people.get(name)
        if person is not None:
            return person
        surname = name[-1].casefold()
        candidates = [p for key, p in self._people.items() if key[-1].casefold() == surname]
        return max(candidates, key=lambda p: len(p.name)) if candidates else None

    def _learn(self, index: int, sentence: str, start: int, end: int, read: _Name) -> None:
        """Add the run sentence[start:end] as a person when the text shows it names one."""
        name, titled = self._trim(read.tokens), read.titled
        if not name:
            return
        is_org = _is_org(name)
        # Appositions and roles sit right next to the name; a window keeps the searches short.
        before, after = sentence[max(0, start - _CONTEXT_CHARS) : start], sentence[end : end + _CONTEXT_CHARS]
        descriptors: list[str] = []
        evidence = titled
        if read.title:
            descriptors.append(read.title)
        words_before = before.split()[-_ROLE_WORDS_BEFORE:] if before.endswith(" ") else []
        if words_before and words_before[-1].casefold() in ROLE_NOUNS:
            evidence = True
            descriptors.append(" ".join(words_before))
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

    def _collect_full_name(self, read: _Name) -> None:
        name = self._trim(read.tokens)
        if len(name) > 1 and not _is_org(name):
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
            mention, person = max(by_sentence[sentence], key=lambda item: self._pronoun_rank(item[0]))
            return " ".join(person.name)
        return None

    def _opens_with_pronoun(self, sentence: int, gender: str) -> bool:
        if sentence >= len(self._sentences):
            return False
        main = self._sentences[sentence][max(0, self._main_clause[sentence]) :].lstrip(" ,")
        first = main.split(maxsplit=1)[0].casefold() if main.strip() else ""
        return _PRONOUNS.get(first) == gender

    def _pronoun_rank(self, mention: Position) -> tuple[bool, bool, int]:
        """Within one sentence: who said something, then the main clause, then the earliest (the subject)."""
        sentence, offset = mention
        if offset < 0 or sentence >= len(self._sentences):
            return (True, True, -offset)  # the speaker of a quotation
        text = self._sentences[sentence]
        run = _NAME_RUN.match(text, offset)
        said = bool(run and _SAYER_AFTER.match(text, run.end()))
        return (said, offset >= self._main_clause[sentence], -offset)

    def _by_title(self, phrase: str, at: Position) -> str | None:
        """The person the article describes with the title in `phrase`."""
        required, optional, head = _title_words(phrase)
        if head is None:
            return None
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
        return " ".join(best[1].name) if best else None


def _main_clause_start(sentence: str) -> int:
    opening = _SUBORDINATE_OPENING.match(sentence)
    return opening.end() if opening else -1


def _last_before(person: _Person, at: Position) -> Position:
    """The person's latest mention before `at`; mentions after rank below every earlier one."""
    earlier = [mention for mention in person.mentions if mention < at]
    if earlier:
        return max(earlier)
    return (-1, -1)


def _runs(sentence: str) -> list[tuple[int, int]]:
    """Capitalised runs, cut after a possessive ("Kessaria's Karvel Dam" -> "Kessaria's", "Karvel Dam")."""
    spans: list[tuple[int, int]] = []
    for match in _NAME_RUN.finditer(sentence):
        start = match.start()
        for token in re.finditer(r"\S+", match.group()):
            if _POSSESSIVE.search(token.group()) and match.start() + token.end() < match.end():
                spans.append((start, match.start() + token.end()))
                start = match.start() + token.end() + 1
        spans.append((start, match.end()))
    return [(s, e) for s, e in spans if e > s]


def _role_phrase(phrase: str) -> str | None:
    """The title in an apposition: "the attorney representing …" -> "the attorney"; None if it has none."""
    words = phrase.split()
    if not words or words[0].casefold() in _PRONOUN_WORDS or _SPEECH_VERB.search(phrase):
        return None  # "Progressivism, he told the conference, is …" is no apposition
    for index, word in enumerate(words[:_MAX_ROLE_POSITION]):
        if _POSSESSIVE.sub("", word.casefold().strip(".,")) in ROLE_NOUNS:
            continues = index + 1 < len(words) and words[index + 1] in {"of", "for", "at"}
            return phrase if continues else " ".join(words[: index + 1])
    return None


def _is_org(name: Sequence[str]) -> bool:
    return any(token.casefold().strip("'’") in ORG_WORDS for token in name)


def same_person(first: str, second: str) -> bool:
    """Tell whether two speaker names may be one person spelled two ways ("Tariq Haddadi", "Tareq Hadadi")."""
    a, b = _name_key(first), _name_key(second)
    if not a or not b:
        return False
    if a == b or set(a) <= set(b) or set(b) <= set(a) or a[-1] == b[-1]:
        return True
    return edit_distance(" ".join(a), " ".join(b)) <= MAX_NAME_EDITS


def _name_key(name: str) -> tuple[str, ...]:
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return tuple(word for word in re.findall(r"[a-z0-9]+", plain) if word not in HONORIFICS)
