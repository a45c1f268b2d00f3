"""The people, organisations and places of a story, one entity per referent across all its articles.

Mentions come from spaCy (nlp/ner.py) per sentence. Entities are then built in five steps:
1. drop sentence-initial common words the model took for names ("Riot police ..."), and add the
   places where a name the model found elsewhere in the story stands unrecognised ("Lind said");
2. merge spelling and transliteration variants (Tariq Haddadi / Tareq Hadadi, Qarvel / Karvel Dam):
   names of as many words whose words fold to the same consonant skeleton, of one type, never two
   spellings inside one article (an outlet spells a name consistently, two spellings there are two
   referents); then a name with a middle initial into the same name without ("Michael T. Flynn"),
   never across "Jr." / "Sr.", and "F.B.I." into "FBI";
3. attach one-word mentions to the person named in full whose surname they are (Lind -> Helena
   Lind; "Kim" -> Kim Jong Un when it is nobody's surname); with two such people in a story, to the
   one the same article last named in full, else to the one the story names most;
4. vote on the type over the mentions (the full names, when there are any): spaCy's label, head
   nouns ("... Dam", "... Union"), context ("in X", "X's government"), a demonym the story uses
   ("Kessarian" -> Kessaria is a place);
5. bind the titles an article gives a person ("Interior Minister X", "X, the interior minister") so
   that its later "the interior minister" counts as a mention, and collect every descriptor
   (pre-modifiers and appositives) an article attaches to each entity.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from newsprism.models import ComparedArticle, Entity, EntityType
from newsprism.nlp.frequency import english_zipf
from newsprism.nlp.ner import TITLE_HEADS, TITLE_MODIFIERS, TITLE_WORDS, Mention, mentions
from newsprism.nlp.strings import edit_distance

# --- lexicons -----------------------------------------------------------------------------------

# Nouns that name what a person is, beside office titles: "restaurant owner X", "X, a nurse".
OCCUPATIONS = frozenset(
    """owner driver farmer pensioner nurse teacher doctor worker resident student shopkeeper trader
    activist lawyer organiser organizer captain coach player analyst economist engineer scientist
    researcher journalist reporter editor writer author photographer priest cleric pastor monk
    businessman businesswoman entrepreneur investor banker founder executive manager official
    diplomat negotiator soldier veteran commander militant fighter protester demonstrator survivor
    witness victim mother father son daughter widow neighbour neighbor grandmother grandfather
    volunteer rescuer firefighter paramedic officer spokesman spokeswoman spokesperson expert
    adviser advisor aide candidate lawmaker legislator politician campaigner""".split()
)
# Forms of address: part of a title to strip, but they say nothing about the person.
HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord".split())
HEAD_WORDS = (TITLE_HEADS - HONORIFICS) | OCCUPATIONS
APPOSITIVE_OPENERS = HEAD_WORDS | TITLE_MODIFIERS
# Evaluative or political words outlets put before a name ("embattled", "hardline", "veteran").
DESCRIPTORS = frozenset(
    """embattled veteran hardline separatist rebel former disgraced beleaguered controversial
    outspoken firebrand maverick populist radical moderate reformist conservative liberal leftist
    militant extremist terrorist jihadist insurgent opposition authoritarian autocratic strongman
    longtime alleged accused convicted jailed exiled ousted deposed besieged restive troubled
    impoverished breakaway disputed annexed occupied notorious infamous celebrated beloved
    acclaimed respected powerful influential wealthy billionaire millionaire reclusive secretive
    defiant combative tough fiery giant raging swollen mighty tiny vast remote new old young""".split()
)
# Verbs that stand right before a name ("said Ilya Varenko") and so end a pre-modifier.
REPORTING_VERBS = frozenset(
    """said says told tells added adds asked asks admitted admits sobbed cried warned warns urged
    insisted explained noted replied wrote argued claimed announced declared stated recalled
    conceded confirmed denied acknowledged shouted joked continued complained described praised
    thanked criticised criticized accused met called rang phoned visited""".split()
)
# Endings of English adjectives and participles ("raging", "swollen", "historic", "possible").
_ADJECTIVE_ENDINGS = tuple(
    "al ic ive ous ful less able ible ant ent ed ing en ish ern est ary ory ile ian an".split()
)
# Nouns a name often modifies: before them, the words in front of the name describe the noun.
_MODIFIED_NOUNS = (
    HEAD_WORDS
    | TITLE_MODIFIERS
    | frozenset(
        """campaign administration government officials official supporters era team aide aides family
        camp allies garrison forces troops investigation probe case trip visit lawsuit suit report
        statement members leadership leaders headquarters staff staffer staffers email emails server hack
        election program policy plan deal""".split()
    )
)
# Verbs, pronouns and connectives that make what follows a name a clause or a list, not a description.
_CLAUSE_WORDS = frozenset(
    """is are was were be been being am have has had do does did will would shall should can could may
    might must i you he she it we they me him us them who whom which that what where when why how not
    but or and so then also even while as if because""".split()
)
# "this", "that" are left out: "a bloc that includes Japan" has no descriptor of Japan.
DETERMINERS = frozenset("the a an its his her their our your".split())
PLACE_HEADS = frozenset(
    """dam river bridge square street road avenue lane row way boulevard quay valley lake mountain
    mountains hill hills island islands bay sea ocean gulf coast strait canal port harbour harbor
    park airport station province region district county city town village state desert forest
    peninsula reservoir highlands plain plains delta""".split()
)
ORG_HEADS = frozenset(
    """union agency ministry party club council committee company corporation corp inc ltd plc
    logistics group bank university college school association alliance federation court police
    army navy service authority department office commission institute foundation organisation
    organization times gazette wire courier star post news herald tribune journal network front
    movement league society church board trust fund hospital""".split()
)
# Words after "X's" that make X a country or town: "Kessaria's foreign secretary", "Lorvenne's north".
PLACE_POSSESSIONS = frozenset(
    """government capital border borders army military parliament economy territory citizens people
    farmers president prime foreign interior defence defense finance coast north south east west
    northern southern eastern western centre center outskirts streets residents mayor""".split()
)
PLACE_PREPOSITIONS = frozenset(
    "in into from across near through towards toward throughout outside inside".split()
)
# "to X" and "at X" also precede people and companies ("spoke to Lind", "at Saltmarsh"): half a vote.
WEAK_PLACE_PREPOSITIONS = frozenset("to at".split())
PLACE_KIND = re.compile(r"\b(?:village|town|city|region|province|district|county|state) of\s*$", re.I)
DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "ean")

COMMON_WORD_ZIPF = 3.5
# spaCy sm labels an unknown single word PERSON by default; such a vote counts this much.
WEAK_PERSON_VOTE = 0.3
# A one-word NORP that does not end like a people's name ("Kessarian", "Democrats") is doubtful.
WEAK_OTHER_VOTE = 0.5
GROUP_ENDINGS = ("n", "ese", "i", "ish", "ch", "s", "ic", "m", "h", "u", "t")
CUE_VOTE = 1.0
HEAD_NOUN_VOTE = 3.0
DEMONYM_VOTE = 3.0
MAX_APPOSITIVE_WORDS = 10
MAX_COMPOUNDS = 2

_WORD = re.compile(r"[^\W_][\w'’.-]*")
_LEFT_TOKEN = re.compile(r"[^\W_][\w'’-]*\.?|[^\w\s]")
_POSSESSIVE_END = re.compile(r"['’]s$")
_OPENERS = "\"'“‘("
_APPOSITIVE = re.compile(
    r"^\s*,\s*(?P<phrase>[^,;:()\"“”]+?)\s*(?=[,;)]|\.[\x22”’']?\s*$|$|\s(?:who|which|whose)\b)"
)
_AGE = re.compile(r"^\s*,\s*\d{1,3}\b")
_SPACE = re.compile(r"\s+")
_STRAIGHT_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_PHRASE_WORD = re.compile(r"\S+")
_CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]+")
_POSSESSION = re.compile(r"^['’]s\s+(?P<word>[^\W\d_]+)")
_NEXT_WORD = re.compile(r"^\s+(?P<word>[a-z]+)\b")


# A token left of a name: its text, where it starts, and whether it is another name.
_Token = tuple[str, int, bool]


# --- records ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Occurrence:
    """One named mention: where it stands, in which article and sentence."""

    article: int
    sentence: int
    text: str  # the sentence
    mention: Mention
    key: str  # case-folded surface form
    tokens: tuple[str, ...]

    @property
    def opens_sentence(self) -> bool:
        return not self.text[: self.mention.start].strip(_OPENERS + " ")


@dataclass
class _Entity:
    """An entity being assembled: its occurrences, title references and descriptors."""

    occurrences: list[_Occurrence] = field(default_factory=list)
    title_mentions: Counter[int] = field(default_factory=Counter)
    title_variants: set[str] = field(default_factory=set)
    labels: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    type: EntityType = "OTHER"


# --- public API ---------------------------------------------------------------------------------


def extract_entities(articles: Sequence[ComparedArticle]) -> list[Entity]:
    """One Entity per person, organisation or place of the story, most mentioned first."""
    occurrences = _drop_capitalised_common_words(_occurrences(articles))
    if not occurrences:
        return []
    occurrences += _missed_occurrences(articles, occurrences)
    context = _StoryContext(occurrences, articles)
    entities = [
        _Entity(occurrences=group, type=_entity_type(group, context))
        for group in _group_occurrences(occurrences, context)
    ]
    _collect_labels(entities, _mentions_by_sentence(occurrences))
    _count_title_mentions(entities, {article.id: article.article.sentences for article in articles})
    built = [_build(entity) for entity in entities]
    return sorted(built, key=lambda entity: (-sum(entity.mentions.values()), entity.name))


@lru_cache(maxsize=16_384)
def name_skeleton(word: str) -> str:
    """Consonant skeleton of a word, folding transliteration: Qaddafi, Gaddafi, Kadhafi -> "kdf"."""
    spelled = spelling_key(word)
    if not spelled:
        return ""
    first, rest = spelled[0], spelled[1:]
    return _collapse_doubles(first + "".join(char for char in rest if char not in "aeiou"))


@lru_cache(maxsize=16_384)
def spelling_key(word: str) -> str:
    """Lowercase ASCII spelling with digraphs and look-alike letters folded: "Tareq" -> "tarek"."""
    folded = unicodedata.normalize("NFKD", word.lower())
    letters = "".join(char for char in folded if "a" <= char <= "z")
    for digraph, letter in _DIGRAPHS:
        letters = letters.replace(digraph, letter)
    letters = letters.translate(_LETTER_FOLD)
    return _collapse_doubles(letters)


def same_name(a: str, b: str) -> bool:
    """Tell whether two names are spellings of one name: as many words, each pair alike."""
    words_a, words_b = _name_words(a), _name_words(b)
    if len(words_a) != len(words_b):
        return False
    return all(_same_word(x, y) for x, y in zip(words_a, words_b, strict=True))


def descriptors(sentence: str, mention: Mention, others: Sequence[Mention] = ()) -> list[str]:
    """What a sentence says the named entity is: its pre-modifiers and appositives.

    Titles and common words are lowercased, names kept: "Kessaria's foreign secretary".
    """
    found: list[str] = []
    if mention.label == "OTHER" and " " not in mention.text:
        return found  # "senior British officials": a demonym describes the noun after it
    for label in (
        _premodifier(sentence, mention, others),
        _appositive_after(sentence, mention, others),
        _appositive_before(sentence, mention, others),
    ):
        if label and label not in found:
            found.append(label)
    return found


def core_title(label: str) -> str | None:
    """The office a descriptor names: "Casmerra's interior minister" -> "interior minister".

    An office named by its organisation stays whole: "leader of the Dockworkers' Union".
    """
    words = label.split()
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    for index, word in enumerate(words):
        if _POSSESSIVE_END.search(word):
            words = words[index + 1 :]
            break
    cut = next((index for index, word in enumerate(words) if word in _PREPOSITIONS), len(words))
    if 0 < cut < len(words) - 1:
        if cut == 1 and _title_key(words[0]) in TITLE_HEADS - HONORIFICS:
            return " ".join(words)
        words = words[:cut]
    start = len(words)
    while start > 0 and _title_key(words[start - 1]) in TITLE_WORDS:
        start -= 1
    title = words[start:]
    if not title or _title_key(title[-1]) not in TITLE_HEADS - HONORIFICS:
        return None
    return " ".join(title)


# --- step 1: occurrences ------------------------------------------------------------------------


def _occurrences(articles: Sequence[ComparedArticle]) -> list[_Occurrence]:
    """Every named mention of every article's sentences, from one batched NER pass."""
    places = [(article.id, index) for article in articles for index in range(len(article.article.sentences))]
    texts = [sentence for article in articles for sentence in article.article.sentences]
    found: list[_Occurrence] = []
    for (article_id, index), text, sentence_mentions in zip(places, texts, mentions(texts), strict=True):
        for mention in sentence_mentions:
            surface = _SPACE.sub(" ", mention.text.translate(_STRAIGHT_QUOTES))
            found.append(
                _Occurrence(article_id, index, text, mention, surface.casefold(), tuple(surface.split()))
            )
    return found


def _drop_capitalised_common_words(occurrences: list[_Occurrence]) -> list[_Occurrence]:
    """Drop one-word mentions that are a common word capitalised only by opening a sentence."""
    name_parts = {o.tokens[-1].casefold() for o in occurrences if len(o.tokens) > 1}
    name_parts |= {
        o.tokens[0].casefold() for o in occurrences if len(o.tokens) > 1 and o.mention.label == "PERSON"
    }
    mid_sentence = {o.key for o in occurrences if not o.opens_sentence}

    def is_junk(occurrence: _Occurrence) -> bool:
        return (
            len(occurrence.tokens) == 1
            and occurrence.opens_sentence
            and occurrence.key not in name_parts
            and occurrence.key not in mid_sentence
            and _is_common_word(occurrence.key)
        )

    return [occurrence for occurrence in occurrences if not is_junk(occurrence)]


def _missed_occurrences(
    articles: Sequence[ComparedArticle], occurrences: Sequence[_Occurrence]
) -> list[_Occurrence]:
    """Further mentions of names the model found elsewhere in the story but missed here ("Lind said")."""
    labels: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for occurrence in occurrences:
        surface = " ".join(occurrence.tokens)
        if len(occurrence.tokens) > 1 or not _is_common_word(surface):
            labels[surface][occurrence.mention.label] += 1
        if len(occurrence.tokens) > 1 and occurrence.mention.label == "PERSON":
            # Surnames, and given names for family-name-first names ("Kim" of Kim Jong Un).
            for part in {occurrence.tokens[0], occurrence.tokens[-1]}:
                if not _is_common_word(part):
                    labels[part]["PERSON"] += 1
    if not labels:
        return []
    names = "|".join(
        re.escape(name).replace("'", "['’]").replace('"', '["“”]')
        for name in sorted(labels, key=len, reverse=True)
    )
    pattern = re.compile(rf"(?<![\w'’-])(?:{names})(?![\w-])")
    taken: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for occurrence in occurrences:
        taken[_where(occurrence)].append((occurrence.mention.start, occurrence.mention.end))
    found: list[_Occurrence] = []
    for article in articles:
        for index, sentence in enumerate(article.article.sentences):
            spans = taken[(article.id, index)]
            for match in pattern.finditer(sentence):
                if any(start < match.end() and match.start() < end for start, end in spans):
                    continue
                surface = _SPACE.sub(" ", match.group().translate(_STRAIGHT_QUOTES))
                label = labels[surface].most_common(1)[0][0]
                mention = Mention(surface, label, match.start(), match.end())
                key, tokens = surface.casefold(), tuple(surface.split())
                found.append(_Occurrence(article.id, index, sentence, mention, key, tokens))
    return found


def _mentions_by_sentence(occurrences: Iterable[_Occurrence]) -> dict[tuple[int, int], list[Mention]]:
    by_sentence: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for occurrence in occurrences:
        by_sentence[_where(occurrence)].append(occurrence.mention)
    return by_sentence


def _where(occurrence: _Occurrence) -> tuple[int, int]:
    return occurrence.article, occurrence.sentence


# --- step 4 (needed by 2 and 3): type votes -----------------------------------------------------


class _StoryContext:
    """What the whole story tells about its names: surnames of full names, capitalised words."""

    def __init__(self, occurrences: Sequence[_Occurrence], articles: Sequence[ComparedArticle]) -> None:
        self.full_name_surnames = {
            name_skeleton(o.tokens[-1])
            for o in occurrences
            if len(o.tokens) > 1 and o.mention.label == "PERSON"
        }
        # Every capitalised word of the story: "Kessarian" or "Casmerran" in "Casmerran officials".
        self.capitalised = {
            word.casefold()
            for article in articles
            for sentence in article.article.sentences
            for word in _CAPITALISED.findall(sentence)
        }

    def vote(self, occurrences: Sequence[_Occurrence]) -> EntityType:
        """The type most of the evidence gives a group of occurrences."""
        votes: dict[EntityType, float] = defaultdict(float)
        for occurrence in occurrences:
            votes[occurrence.mention.label] += self._label_weight(occurrence)
            for cue, weight in _context_cues(occurrence):
                votes[cue] += weight
            head = _head_noun_type(occurrence.tokens)
            if head:
                votes[head] += HEAD_NOUN_VOTE
        keys = {occurrence.key for occurrence in occurrences if len(occurrence.tokens) == 1}
        if any(self._has_demonym(key) for key in keys):
            votes["PLACE"] += DEMONYM_VOTE * len(occurrences)
        return max(votes, key=lambda entity_type: (votes[entity_type], _TYPE_PRIORITY[entity_type]))

    def _label_weight(self, occurrence: _Occurrence) -> float:
        if len(occurrence.tokens) != 1:
            return 1.0
        word = occurrence.key
        if occurrence.mention.label == "PERSON" and name_skeleton(word) not in self.full_name_surnames:
            return WEAK_PERSON_VOTE
        if occurrence.mention.label == "OTHER" and not word.endswith(GROUP_ENDINGS):
            return WEAK_OTHER_VOTE  # "the Vaskor garrison" tagged NORP: a name used as a modifier
        return 1.0

    def _has_demonym(self, key: str) -> bool:
        stems = {key, key[:-1]} if key[-1:] in "aeiouy" else {key}
        demonyms = {stem + ending for stem in stems for ending in DEMONYM_ENDINGS}
        return any(len(demonym) > len(key) and demonym in self.capitalised for demonym in demonyms)


_TYPE_PRIORITY: dict[EntityType, int] = {"PERSON": 3, "PLACE": 2, "ORG": 1, "OTHER": 0}


def _context_cues(occurrence: _Occurrence) -> list[tuple[EntityType, float]]:
    """Types the words around a mention point to, with weights: "in X", "X's government" -> place."""
    text, mention = occurrence.text, occurrence.mention
    left = text[: mention.start]
    right = text[mention.end :]
    cues: list[tuple[EntityType, float]] = []
    previous = _last_word(left)
    if previous in PLACE_PREPOSITIONS or PLACE_KIND.search(left):
        cues.append(("PLACE", CUE_VOTE))
    elif previous in WEAK_PLACE_PREPOSITIONS:
        cues.append(("PLACE", CUE_VOTE / 2))
    possession = _POSSESSION.match(right)
    if possession and possession.group("word").lower() in PLACE_POSSESSIONS:
        cues.append(("PLACE", CUE_VOTE))
    following = _NEXT_WORD.match(right)
    if following and following.group("word") in PLACE_HEADS:
        cues.append(("PLACE", CUE_VOTE))  # "the Mirel river", "the Qarvel reservoir"
    if _title_key(previous) in TITLE_HEADS or _AGE.match(right):
        cues.append(("PERSON", CUE_VOTE))
    return cues


def _head_noun_type(tokens: Sequence[str]) -> EntityType | None:
    """PLACE for "Qarvel Dam", ORG for "Dockworkers' Union"; only for names of two words or more."""
    if len(tokens) < 2:
        return None
    head = tokens[-1].lower()
    if head in PLACE_HEADS:
        return "PLACE"
    if head in ORG_HEADS:
        return "ORG"
    return None


# --- steps 2 and 3: grouping --------------------------------------------------------------------


def _group_occurrences(occurrences: Sequence[_Occurrence], context: _StoryContext) -> list[list[_Occurrence]]:
    """Merge spelling variants into forms, then attach surname-only mentions to full names."""
    by_key: dict[str, list[_Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_key[occurrence.key].append(occurrence)
    key_types = {key: context.vote(group) for key, group in by_key.items()}
    forms = _Forms({key: {o.article for o in group} for key, group in by_key.items()})
    _merge_spellings(forms, key_types)
    _merge_middle_names(forms, key_types)
    groups: dict[str, list[_Occurrence]] = defaultdict(list)
    for key, group in by_key.items():
        groups[forms.find(key)].extend(group)
    places = {key for key, key_type in key_types.items() if key_type == "PLACE"}
    return _attach_surnames(list(groups.values()), context, places)


class _Forms:
    """Union-find over the case-folded surface forms of a story, with the articles each group is in."""

    def __init__(self, articles: dict[str, set[int]]) -> None:
        self.parent = {key: key for key in articles}
        self.articles = articles

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a
            self.articles[root_a] |= self.articles.pop(root_b)

    def meet(self, a: str, b: str) -> bool:
        """Tell whether two forms (with all merged into them) are used inside one article."""
        return bool(self.articles[self.find(a)] & self.articles[self.find(b)])


def _merge_spellings(forms: _Forms, key_types: dict[str, EntityType]) -> None:
    """Join spellings of one name: as many words, same skeletons, one type, never in one article."""
    buckets: dict[tuple[int, str], list[str]] = defaultdict(list)
    for key in key_types:
        words = _name_words(key)
        buckets[(len(words), " ".join(name_skeleton(word) for word in words))].append(key)
    for keys in buckets.values():
        for index, key_a in enumerate(keys):
            for key_b in keys[index + 1 :]:
                # Same letters ("F.B.I." / "FBI") is one name whatever type the model gave each.
                same_type = key_types[key_a] == key_types[key_b] or _letters(key_a) == _letters(key_b)
                # An outlet spells a name one way: two spellings inside one article are two referents.
                if same_type and same_name(key_a, key_b) and not forms.meet(key_a, key_b):
                    forms.union(key_a, key_b)


def _merge_middle_names(forms: _Forms, key_types: dict[str, EntityType]) -> None:
    """Join "Michael T. Flynn" and "Michael Flynn" unless two middle names compete ("George W.", "H. W.")."""
    by_ends: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for key, key_type in key_types.items():
        words = _name_words(key)
        if key_type == "PERSON" and len(words) >= 2:
            # "Jr." and "Sr." tell father and son apart; "III" is often dropped ("Robert Mueller").
            generation = next((w.strip(".,") for w in words[1:] if w.strip(".,") in ("jr", "sr")), "")
            by_ends[(words[0], _surname(words), generation)].append(key)
    for keys in by_ends.values():
        middles = {_middle_name(key) for key in keys}
        if len(keys) > 1 and len(middles - {""}) == 1:
            for key in keys[1:]:
                forms.union(keys[0], key)


def _attach_surnames(
    groups: list[list[_Occurrence]], context: _StoryContext, places: set[str]
) -> list[list[_Occurrence]]:
    """Move one-word mentions of a surname into the group of the person named in full.

    A word the story uses as a place ("Washington" beside George Washington) is left alone.
    """
    people = [group for group in groups if _is_full_name_person(group, context)]
    surnames = [{_surname(o.tokens) for o in group if len(o.tokens) > 1} for group in people]
    given_names = [{o.tokens[0] for o in group if len(o.tokens) > 1} for group in people]
    full_mentions = [
        sorted((o.article, o.sentence, o.mention.start) for o in group if len(o.tokens) > 1)
        for group in people
    ]
    owners_of: dict[str, list[int]] = {}  # surname -> indices of the people bearing it
    kept: list[list[_Occurrence]] = []
    for group in groups:
        if any(group is person for person in people):
            continue
        remaining: list[_Occurrence] = []
        for occurrence in group:
            if len(occurrence.tokens) != 1 or occurrence.key in places:
                remaining.append(occurrence)
                continue
            word = occurrence.tokens[0]
            if word not in owners_of:
                owners_of[word] = [
                    index for index, names in enumerate(surnames) if any(_same_word(word, n) for n in names)
                ]
            target = _surname_owner(occurrence, owners_of[word], full_mentions)
            if target is None:
                target = _family_name_first_owner(occurrence, surnames, given_names)
            if target is None:
                remaining.append(occurrence)
            else:
                people[target].append(occurrence)
        if remaining:
            kept.append(remaining)
    return people + kept


def _family_name_first_owner(
    occurrence: _Occurrence, surnames: list[set[str]], given_names: list[set[str]]
) -> int | None:
    """The one person whose name starts with this word, when it is nobody's surname ("Kim" of Kim Jong Un)."""
    if occurrence.mention.label != "PERSON":
        return None
    word = occurrence.tokens[0]
    if any(word in names for names in surnames):
        return None
    owners = [index for index, names in enumerate(given_names) if word in names]
    return owners[0] if len(owners) == 1 else None


def _is_full_name_person(group: Sequence[_Occurrence], context: _StoryContext) -> bool:
    return any(len(o.tokens) > 1 for o in group) and context.vote(group) == "PERSON"


def _surname_owner(
    occurrence: _Occurrence, candidates: list[int], full_mentions: list[list[tuple[int, int, int]]]
) -> int | None:
    """Which of the people bearing this surname a one-word mention names; None when unclear."""
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    # Two people share the surname: the one this article last named in full, else the one it names next.
    here = (occurrence.article, occurrence.sentence, occurrence.mention.start)
    last_before: list[tuple[tuple[int, int, int], int]] = []
    first_after: list[tuple[tuple[int, int, int], int]] = []
    for candidate in candidates:
        in_article = [position for position in full_mentions[candidate] if position[0] == here[0]]
        before = [position for position in in_article if position <= here]
        if before:
            last_before.append((before[-1], candidate))
        elif in_article:
            first_after.append((in_article[0], candidate))
    if last_before:
        return max(last_before)[1]
    if first_after:
        return min(first_after)[1]
    # Named in full only in other articles: the one the story names most ("Trump", not "Trump Jr.").
    counts = sorted(((len(full_mentions[c]), c) for c in candidates), reverse=True)
    return counts[0][1] if counts[0][0] > counts[1][0] else None


# --- step 5: descriptors and titles -------------------------------------------------------------


def _premodifier(sentence: str, mention: Mention, others: Sequence[Mention]) -> str | None:
    """Words right before a name that describe it: "Interior Minister", "rebel-held", "the raging"."""
    if _is_modifier(sentence, mention):
        return None  # "former Trump campaign chairman" describes the chairman, not Trump
    tokens = _left_tokens(sentence, mention.start, others)
    taken, _ = _descriptive_chain(tokens)
    if not taken:
        taken = _between_determiner(tokens)
    return _label_text(taken, sentence)


def _descriptive_chain(tokens: Sequence[_Token]) -> tuple[list[_Token], bool]:
    """The words ending `tokens` that describe what follows, nearest first, and whether one is an office."""
    taken: list[_Token] = []
    has_head = False
    # Nouns may stack before a trade or an office written in lowercase ("civil protection boss"),
    # not before an adjective, a name or a capitalised title ("to ask President Trump").
    compounds_allowed = True
    first_compound = -1
    for token, starts_at, is_entity in reversed(tokens):
        key = _title_key(token)
        plain = first_compound < 0
        if _POSSESSIVE_END.search(token):
            if has_head:
                taken.append((token, starts_at, is_entity))  # "Casmerra's foreign minister"
            break
        if is_entity:
            if not has_head:
                break
            taken.append((token, starts_at, is_entity))  # "Port Asha police commissioner"
            compounds_allowed = False
            continue
        if key in HONORIFICS:
            break
        if plain and (key in TITLE_WORDS or key in OCCUPATIONS):
            taken.append((token, starts_at, is_entity))
            if key in HEAD_WORDS and not has_head:
                has_head = True
                compounds_allowed = token.islower()
            continue
        if plain and (key in DESCRIPTORS or _is_compound_adjective(token)):
            taken.append((token, starts_at, is_entity))
            compounds_allowed = False
            continue
        compounds = 0 if plain else len(taken) - first_compound
        is_noun = _may_compound(token) and key not in TITLE_WORDS and key not in OCCUPATIONS
        if has_head and compounds_allowed and compounds < MAX_COMPOUNDS and is_noun:
            if plain:
                first_compound = len(taken)
            taken.append((token, starts_at, is_entity))  # "restaurant owner", "civil protection boss"
            continue
        break
    leftmost = len(tokens) - len(taken) - 1
    if first_compound >= 0 and not _opens_phrase(tokens, leftmost):
        taken = taken[:first_compound]  # "the president fire special counsel X": "fire" is a verb
    return taken, has_head


def _label_text(taken: Sequence[_Token], sentence: str) -> str | None:
    """The label the chosen tokens (nearest first) spell, names kept as written."""
    if not taken:
        return None
    return " ".join(
        token if is_entity else _label_case(token, starts_at, sentence)
        for token, starts_at, is_entity in reversed(taken)
    )


def _opens_phrase(tokens: Sequence[_Token], index: int) -> bool:
    """Tell whether the token at `index` (or the sentence start) can stand before a noun phrase."""
    if index < 0:
        return True
    token, _, is_entity = tokens[index]
    lower = token.lower()
    return (
        is_entity
        or not token[0].isalnum()
        or lower in STOP_WORDS
        or lower in REPORTING_VERBS
        or _POSSESSIVE_END.search(token) is not None
    )


def _is_modifier(sentence: str, mention: Mention) -> bool:
    """Tell whether a name modifies the noun after it ("Trump campaign", "Vaskor garrison")."""
    following = _NEXT_WORD.match(sentence[mention.end :])
    return following is not None and following.group("word") in _MODIFIED_NOUNS


def _between_determiner(tokens: Sequence[_Token]) -> list[_Token]:
    """One plain word between a determiner and the name: "the raging Ostra", "Kessaria's new dam".

    One only: in "the river reaching Casmerra" two words stand there and neither describes it.
    """
    if len(tokens) < 2:
        return []
    (word, starts_at, word_is_entity), (before, _, _) = tokens[-1], tokens[-2]
    if word_is_entity or not word.islower() or not _may_modify(word):
        return []
    if word not in DESCRIPTORS and not word.endswith(_ADJECTIVE_ENDINGS):
        return []  # "the river Kessaria", "the decision Trump made": nouns, not descriptions
    if before.lower() in DETERMINERS or _POSSESSIVE_END.search(before):
        return [(word, starts_at, False)]
    return []


def _appositive_after(sentence: str, mention: Mention, others: Sequence[Mention]) -> str | None:
    """ ", head of the National Civil Protection Agency," after the name."""
    right = sentence[mention.end :]
    if _AGE.match(right):
        return None
    match = _APPOSITIVE.match(right)
    if not match:
        return None
    offset = mention.end + match.start("phrase")
    words = [(word.group(), offset + word.start()) for word in _PHRASE_WORD.finditer(match.group("phrase"))]
    return _appositive_phrase(words, sentence, others)


def _appositive_before(sentence: str, mention: Mention, others: Sequence[Mention]) -> str | None:
    """ "Its leader, Pavla Renner, ..." : an office or trade, a comma, then the name and a comma."""
    right = sentence[mention.end :].lstrip()
    if right and right[0] not in ",.;)":
        return None
    left = sentence[: mention.start].rstrip()
    if not left.endswith(","):
        return None
    tokens = _left_tokens(sentence, len(left) - 1, others)
    taken, has_head = _descriptive_chain(tokens)
    if not has_head:
        return None
    before = len(tokens) - len(taken) - 1
    if before >= 0 and tokens[before][0].lower() in DETERMINERS:
        taken.append(tokens[before])  # "its leader", "the club's captain"
    return _label_text(taken, sentence)


def _appositive_phrase(
    words: Sequence[tuple[str, int]], sentence: str, others: Sequence[Mention]
) -> str | None:
    """Keep a phrase that reads as a description: a determiner or an office, a common noun, no verb."""
    if not words or len(words) > MAX_APPOSITIVE_WORDS:
        return None
    texts = [word.strip(".,;:!?\"'“”‘’") for word, _ in words]
    first = texts[0]
    if any(word.lower() in REPORTING_VERBS for word in texts):
        return None
    determined = first.lower() in DETERMINERS or _POSSESSIVE_END.search(first) is not None
    if any(word.lower() in _CLAUSE_WORDS for word in texts):
        return None  # ", could affect ...", "a condition U.S. diplomats have set": clauses, not names
    if any(other.label == "PERSON" and _inside(other.start, [_span(words)]) for other in others):
        return None  # "Roger Stone, former campaign volunteer George Papadopoulos and ...": a list
    names_office = _title_key(first) in APPOSITIVE_OPENERS or (
        first.islower() and any(_title_key(word) in HEAD_WORDS for word in texts)
    )
    has_common_noun = any(word.islower() and word not in STOP_WORDS for word in texts)
    if not (determined or names_office) or not has_common_noun:
        return None
    return " ".join(
        word if _inside(start, others) else _label_case(word, start, sentence) for word, start in words
    )


def _entity_type(occurrences: Sequence[_Occurrence], context: _StoryContext) -> EntityType:
    """Vote on the type; full names carry it better than the one-word mentions attached to them."""
    full_names = [occurrence for occurrence in occurrences if len(occurrence.tokens) > 1]
    return context.vote(full_names or occurrences)


def _collect_labels(entities: Sequence[_Entity], by_sentence: dict[tuple[int, int], list[Mention]]) -> None:
    """Record, per article, every descriptor its sentences attach to each entity, in order."""
    for entity in entities:
        for occurrence in entity.occurrences:
            names_here = by_sentence[_where(occurrence)]
            for label in descriptors(occurrence.text, occurrence.mention, names_here):
                if label not in entity.labels[occurrence.article]:
                    entity.labels[occurrence.article].append(label)


def _count_title_mentions(entities: Sequence[_Entity], sentences: dict[int, tuple[str, ...]]) -> None:
    """Count "the interior minister" as a mention of the person the same article gave that title."""
    for article_id, article_sentences in sentences.items():
        holders: dict[str, set[int]] = defaultdict(set)
        for index, entity in enumerate(entities):
            if entity.type != "PERSON":
                continue
            for label in entity.labels.get(article_id, ()):
                title = core_title(label)
                if title:
                    holders[title].add(index)
        for title, owners in holders.items():
            if len(owners) != 1:
                continue  # two people with one title in one article: no way to tell them apart
            (owner,) = owners
            named: dict[int, list[Mention]] = defaultdict(list)
            for occurrence in entities[owner].occurrences:
                if occurrence.article == article_id:
                    named[occurrence.sentence].append(occurrence.mention)
            pattern = re.compile(rf"\bthe\s+{re.escape(title)}\b", re.IGNORECASE)
            for sentence_index, sentence in enumerate(article_sentences):
                for match in pattern.finditer(sentence):
                    if _names_beside(sentence, match, named[sentence_index]):
                        continue  # "the interior minister, Tariq Haddadi": the name is counted already
                    entities[owner].title_mentions[article_id] += 1
                    entities[owner].title_variants.add("the " + title)


def _names_beside(sentence: str, match: re.Match[str], names: Sequence[Mention]) -> bool:
    """Tell whether a title phrase stands right beside one of the names (and so is no reference)."""
    for name in names:
        between_after = sentence[match.end() : name.start]
        between_before = sentence[name.end : match.start()]
        if name.start >= match.end() and re.fullmatch(r"\s*,?\s*", between_after):
            return True
        if name.end <= match.start() and re.fullmatch(r"\s*,\s*", between_before):
            return True
    return False


# --- assembly -----------------------------------------------------------------------------------


def _build(entity: _Entity) -> Entity:
    """Freeze an assembled entity: name, sorted variants, mention counts and labels per article."""
    surfaces: Counter[str] = Counter()
    casings: dict[str, Counter[str]] = defaultdict(Counter)
    for occurrence in entity.occurrences:
        surface = " ".join(occurrence.tokens)
        surfaces[occurrence.key] += 1
        casings[occurrence.key][surface] += 1
    forms = {key: casings[key].most_common(1)[0][0] for key in surfaces}
    full_forms = [key for key in surfaces if len(key.split()) > 1] or list(surfaces)
    name_key = min(full_forms, key=lambda key: (-surfaces[key], -len(key.split()), key))
    mentions_per_article: Counter[int] = Counter(o.article for o in entity.occurrences)
    mentions_per_article.update(entity.title_mentions)
    variants = sorted(set(forms.values()) | entity.title_variants)
    return Entity(
        name=forms[name_key],
        type=entity.type,
        variants=tuple(variants),
        mentions=dict(sorted(mentions_per_article.items())),
        labels={article: tuple(labels) for article, labels in sorted(entity.labels.items()) if labels},
    )


# --- small helpers ------------------------------------------------------------------------------

_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
_PREPOSITIONS = frozenset("of for at in to from with on by".split())
_DIGRAPHS = (("ph", "f"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("ck", "k"), ("gh", "g"))
_LETTER_FOLD = str.maketrans("qcgyjwzx", "kkkiivsk")


def _letters(name: str) -> str:
    return "".join(char for char in name.casefold() if char.isalnum())


def _surname(words: Sequence[str]) -> str:
    """The last word of a name that is no generational suffix: "Robert S. Mueller III" -> "Mueller"."""
    for word in reversed(words):
        if word.lower().strip(".,") not in _NAME_SUFFIXES:
            return word
    return words[-1]


def _middle_name(key: str) -> str:
    """What stands between the given name and the surname, without dots: "michael t. flynn" -> "t"."""
    words = _name_words(key)
    surname = _surname(words)
    inner = words[1 : len(words) - 1 - words[::-1].index(surname)]
    return " ".join(word.strip(".") for word in inner)


def _name_words(name: str) -> list[str]:
    """Words of a name, hyphens counting as spaces: "Kim Jong-un" and "Kim Jong Un" both have three."""
    return name.replace("-", " ").split()


def _collapse_doubles(letters: str) -> str:
    return "".join(char for index, char in enumerate(letters) if index == 0 or char != letters[index - 1])


def _same_word(a: str, b: str) -> bool:
    """Two spellings of one word: same consonant skeleton and at most a third of the letters changed."""
    if a.casefold() == b.casefold():
        return True
    if name_skeleton(a) != name_skeleton(b):
        return False
    spelled_a, spelled_b = spelling_key(a), spelling_key(b)
    return edit_distance(spelled_a, spelled_b) <= max(1, min(len(spelled_a), len(spelled_b)) // 3)


def _title_key(word: str) -> str:
    return word.lower().rstrip(".")


def _last_word(text: str) -> str:
    words = _WORD.findall(text)
    return words[-1].lower() if words else ""


def _is_compound_adjective(token: str) -> bool:
    """ "rebel-held", "Tough-talking": hyphenated words with letters on both sides."""
    parts = token.split("-")
    return len(parts) > 1 and all(part.isalpha() for part in parts) and token[1:].islower()


def _may_modify(token: str) -> bool:
    """A plain word that can modify a noun: not a function word, a reporting verb or an adverb."""
    lower = token.lower()
    return (
        lower.isalpha()
        and lower not in STOP_WORDS
        and lower not in REPORTING_VERBS
        and not lower.endswith("ly")
    )


def _may_compound(token: str) -> bool:
    """A word that can stand as a noun before an office or trade: not a verb form ("said", "hosting")."""
    return _may_modify(token) and not token.lower().endswith(("ed", "ing"))


def _left_tokens(sentence: str, end: int, others: Sequence[Mention]) -> list[_Token]:
    """Tokens before `end`, each (text, start, is a name); another name is one token."""
    tokens: list[_Token] = []
    position = 0
    spans = sorted((m.start, m.end) for m in others if m.end <= end)
    for span_start, span_end in [*spans, (end, end)]:
        for match in _LEFT_TOKEN.finditer(sentence, position, span_start):
            tokens.append((match.group(), match.start(), False))
        if span_end > span_start:
            if sentence[span_end : span_end + 2] in ("'s", "’s"):
                span_end += 2  # "Casmerra's" stays one possessive token
            tokens.append((sentence[span_start:span_end], span_start, True))
        position = max(position, span_end)
    # Only the stretch after the last punctuation mark can modify the name.
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index][0]
        if not tokens[index][2] and not token[0].isalnum():
            return tokens[index + 1 :]
    return tokens


def _label_case(word: str, start: int, sentence: str) -> str:
    """Lowercase title and common words ("Interior Minister" -> "interior minister"), keep names."""
    key = _title_key(word)
    if key in HONORIFICS:
        return word
    if key in TITLE_WORDS or key in OCCUPATIONS or key in DESCRIPTORS or word.lower() in DETERMINERS:
        return word.lower()
    opens_sentence = not sentence[:start].strip(_OPENERS + " ")
    if opens_sentence and (_is_common_word(word.lower()) or _is_compound_adjective(word)):
        return word.lower()
    return word


def _span(words: Sequence[tuple[str, int]]) -> Mention:
    """The stretch a run of (word, start) pairs covers, as a mention-like span."""
    start = words[0][1]
    end = words[-1][1] + len(words[-1][0])
    return Mention("", "OTHER", start, end)


def _inside(position: int, spans: Sequence[Mention]) -> bool:
    return any(span.start <= position < span.end for span in spans)


@lru_cache(maxsize=16_384)
def _is_common_word(word: str) -> bool:
    return english_zipf(word) >= COMMON_WORD_ZIPF
