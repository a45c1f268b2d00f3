"""The people, organisations and places of a story, one entity per referent across all its articles.

Mentions come from spaCy (nlp/ner.py) per sentence. Entities are then built in five steps:
1. drop sentence-initial common words the model took for names ("Riot police ...");
2. merge spelling and transliteration variants (Tariq Haddadi / Tareq Hadadi, Qarvel / Karvel Dam):
   names of as many words whose words fold to the same consonant skeleton, of one type, never two
   spellings inside one article (an outlet spells a name consistently, two spellings there are two
   referents);
3. attach one-word mentions to the person named in full whose surname they are (Lind -> Helena
   Lind); with two such people in a story, to the one the same article last named in full;
4. vote on the type over all mentions: spaCy's label, head nouns ("... Dam", "... Union"), context
   ("in X", "X's government"), a demonym the story uses ("Kessarian" -> Kessaria is a place);
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

from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

from newsprism.models import ComparedArticle, Entity, EntityType
from newsprism.nlp.ner import TITLE_HEADS, TITLE_MODIFIERS, Mention, mentions

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
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
HEAD_WORDS = TITLE_HEADS | OCCUPATIONS
# Evaluative or political words outlets put before a name ("embattled", "hardline", "veteran").
DESCRIPTORS = frozenset(
    """embattled veteran hardline separatist rebel former disgraced beleaguered controversial
    outspoken firebrand maverick populist radical moderate reformist conservative liberal leftist
    militant extremist terrorist jihadist insurgent opposition authoritarian autocratic strongman
    longtime alleged accused convicted jailed exiled ousted deposed besieged restive troubled
    impoverished breakaway disputed annexed occupied notorious infamous celebrated beloved
    acclaimed respected powerful influential wealthy billionaire millionaire reclusive secretive
    defiant combative tough fiery giant raging swollen mighty tiny vast remote""".split()
)
# Verbs that stand right before a name ("said Ilya Varenko") and so end a pre-modifier.
REPORTING_VERBS = frozenset(
    """said says told tells added adds asked asks admitted admits sobbed cried warned warns urged
    insisted explained noted replied wrote argued claimed announced declared stated recalled
    conceded confirmed denied acknowledged shouted joked continued complained described praised
    thanked criticised criticized accused met called rang phoned visited""".split()
)
DETERMINERS = frozenset("the a an this that these those its his her their our your".split())
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
# Words after "X's" that make X a country or town: "Kessaria's foreign secretary", "Lorvenne's north bank".
PLACE_POSSESSIONS = frozenset(
    """government capital border borders army military parliament economy territory citizens people
    farmers president prime foreign interior defence defense finance coast north south east west
    northern southern eastern western centre center outskirts streets residents mayor""".split()
)
PLACE_PREPOSITIONS = frozenset("in into from across near through towards toward throughout outside inside".split())
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

_WORD = re.compile(r"[^\W_][\w'’.-]*")
_LEFT_TOKEN = re.compile(r"[^\W_][\w'’-]*\.?|[^\w\s]")
_POSSESSIVE_END = re.compile(r"['’]s$")
_OPENERS = "\"'“‘("
_APPOSITIVE = re.compile(r"^\s*,\s*(?P<phrase>[^,;:()\"“”]+?)\s*(?=[,;.)]|$|\s(?:who|which|whose)\b)")
_AGE = re.compile(r"^\s*,\s*\d{1,3}\b")
_SPACE = re.compile(r"\s+")
_PHRASE_WORD = re.compile(r"\S+")
_POSSESSION = re.compile(r"^['’]s\s+(?P<word>[^\W\d_]+)")
_NEXT_WORD = re.compile(r"^\s+(?P<word>[a-z]+)\b")


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
    occurrences = _occurrences(articles)
    occurrences = _drop_capitalised_common_words(occurrences)
    if not occurrences:
        return []
    context = _StoryContext(occurrences)
    groups = _group_occurrences(occurrences, context)
    entities = [_Entity(occurrences=group) for group in groups]
    for entity in entities:
        entity.type = context.vote(entity.occurrences)
    sentences = {article.id: article.article.sentences for article in articles}
    by_sentence = _occurrences_by_sentence(occurrences)
    for entity in entities:
        for occurrence in entity.occurrences:
            for label in descriptors(occurrence.text, occurrence.mention, by_sentence[_where(occurrence)]):
                if label not in entity.labels[occurrence.article]:
                    entity.labels[occurrence.article].append(label)
    _count_title_mentions(entities, sentences)
    built = [_build(entity) for entity in entities]
    return sorted(built, key=lambda e: (-sum(e.mentions.values()), e.name))


def name_skeleton(word: str) -> str:
    """Consonant skeleton of a word, folding transliteration: Qaddafi, Gaddafi, Kadhafi -> "kdf"."""
    spelled = spelling_key(word)
    if not spelled:
        return ""
    first, rest = spelled[0], spelled[1:]
    return _collapse_doubles(first + "".join(char for char in rest if char not in "aeiou"))


def spelling_key(word: str) -> str:
    """Lowercase ASCII spelling with digraphs and look-alike letters folded: "Tareq" -> "tarek"."""
    folded = unicodedata.normalize("NFKD", word.lower())
    letters = "".join(char for char in folded if "a" <= char <= "z")
    for digraph, letter in (("ph", "f"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("ck", "k"), ("gh", "g")):
        letters = letters.replace(digraph, letter)
    letters = letters.translate(_LETTER_FOLD)
    return _collapse_doubles(letters)


def same_name(a: str, b: str) -> bool:
    """Tell whether two names are spellings of one name: as many words, each pair alike."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    return all(_same_word(x, y) for x, y in zip(words_a, words_b, strict=True))


def descriptors(sentence: str, mention: Mention, others: Sequence[Mention] = ()) -> list[str]:
    """What a sentence says the named entity is: its pre-modifiers and appositives, lowercased."""
    found: list[str] = []
    for label in (
        _premodifier(sentence, mention, others),
        _appositive_after(sentence, mention, others),
        _appositive_before(sentence, mention, others),
    ):
        if label and label not in found:
            found.append(label)
    return found


def core_title(label: str) -> str | None:
    """The office a descriptor names, for later "the <title>" references: "Casmerra's interior minister" -> "interior minister"."""
    words = label.split()
    if words and words[0] in DETERMINERS:
        words = words[1:]
    for index, word in enumerate(words):
        if _POSSESSIVE_END.search(word):
            words = words[index + 1 :]
            break
    start = len(words)
    while start > 0 and _title_key(words[start - 1]) in TITLE_WORDS:
        start -= 1
    title = words[start:]
    if not title or _title_key(title[-1]) not in TITLE_HEADS:
        # "head of the National Civil Protection Agency": an office named by its organisation.
        if len(words) >= 3 and _title_key(words[0]) in TITLE_HEADS and words[1] == "of":
            return " ".join(words)
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
            surface = _SPACE.sub(" ", mention.text.replace("’", "'"))
            found.append(
                _Occurrence(article_id, index, text, mention, surface.casefold(), tuple(surface.split()))
            )
    return found


def _drop_capitalised_common_words(occurrences: list[_Occurrence]) -> list[_Occurrence]:
    """Drop one-word mentions that are a common word capitalised only by opening a sentence."""
    surnames = {occurrence.tokens[-1].casefold() for occurrence in occurrences if len(occurrence.tokens) > 1}
    mid_sentence = {occurrence.key for occurrence in occurrences if not occurrence.opens_sentence}

    def is_junk(occurrence: _Occurrence) -> bool:
        return (
            len(occurrence.tokens) == 1
            and occurrence.opens_sentence
            and occurrence.key not in surnames
            and occurrence.key not in mid_sentence
            and zipf_frequency(occurrence.key, "en") >= COMMON_WORD_ZIPF
        )

    return [occurrence for occurrence in occurrences if not is_junk(occurrence)]


def _occurrences_by_sentence(occurrences: Iterable[_Occurrence]) -> dict[tuple[int, int], list[Mention]]:
    by_sentence: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for occurrence in occurrences:
        by_sentence[_where(occurrence)].append(occurrence.mention)
    return by_sentence


def _where(occurrence: _Occurrence) -> tuple[int, int]:
    return occurrence.article, occurrence.sentence


# --- step 4 (needed by 2 and 3): type votes -----------------------------------------------------


class _StoryContext:
    """What the whole story says about names: which are surnames of full names, which have demonyms."""

    def __init__(self, occurrences: Sequence[_Occurrence]) -> None:
        self.full_name_surnames = {
            name_skeleton(o.tokens[-1])
            for o in occurrences
            if len(o.tokens) > 1 and o.mention.label == "PERSON"
        }
        # "Kessarian" alone, or opening a name ("Casmerran Press Union").
        self.demonyms = {o.key for o in occurrences if len(o.tokens) == 1 and o.mention.label == "OTHER"}
        self.demonyms |= {o.tokens[0].casefold() for o in occurrences if len(o.tokens) > 1}

    def vote(self, occurrences: Sequence[_Occurrence]) -> EntityType:
        """The type most of the evidence gives a group of occurrences."""
        votes: Counter[str] = Counter()
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
        best = max(votes.items(), key=lambda item: (item[1], _TYPE_PRIORITY[item[0]]))
        return best[0]  # type: ignore[return-value]

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
        return any(stem + ending in self.demonyms for stem in stems for ending in DEMONYM_ENDINGS)


_TYPE_PRIORITY = {"PERSON": 3, "PLACE": 2, "ORG": 1, "OTHER": 0}


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
    parent = {key: key for key in by_key}
    # An outlet spells a name one way: two spellings inside one article are two referents.
    root_articles = {key: {o.article for o in group} for key, group in by_key.items()}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    buckets: dict[tuple[int, str], list[str]] = defaultdict(list)
    for key in by_key:
        skeleton = " ".join(name_skeleton(word) for word in key.split())
        buckets[(len(key.split()), skeleton)].append(key)
    for keys in buckets.values():
        for index, key_a in enumerate(keys):
            for key_b in keys[index + 1 :]:
                root_a, root_b = find(key_a), find(key_b)
                if (
                    root_a == root_b
                    or key_types[key_a] != key_types[key_b]
                    or not same_name(key_a, key_b)
                    or root_articles[root_a] & root_articles[root_b]
                ):
                    continue
                parent[root_b] = root_a
                root_articles[root_a] |= root_articles.pop(root_b)

    groups: dict[str, list[_Occurrence]] = defaultdict(list)
    for key, group in by_key.items():
        groups[find(key)].extend(group)
    return _attach_surnames(list(groups.values()), context)


def _attach_surnames(groups: list[list[_Occurrence]], context: _StoryContext) -> list[list[_Occurrence]]:
    """Move one-word mentions of a surname into the group of the person named in full."""
    people = [group for group in groups if _is_full_name_person(group, context)]
    by_surname: dict[str, list[int]] = defaultdict(list)
    for index, group in enumerate(people):
        for surname in {name_skeleton(o.tokens[-1]) for o in group if len(o.tokens) > 1}:
            by_surname[surname].append(index)
    full_mentions = [
        sorted((o.article, o.sentence, o.mention.start) for o in group if len(o.tokens) > 1) for group in people
    ]
    kept: list[list[_Occurrence]] = []
    for group in groups:
        if any(group is person for person in people):
            continue
        remaining: list[_Occurrence] = []
        for occurrence in group:
            target = _surname_owner(occurrence, by_surname, full_mentions)
            if target is None:
                remaining.append(occurrence)
            else:
                people[target].append(occurrence)
        if remaining:
            kept.append(remaining)
    return people + kept


def _is_full_name_person(group: Sequence[_Occurrence], context: _StoryContext) -> bool:
    return any(len(o.tokens) > 1 for o in group) and context.vote(group) == "PERSON"


def _surname_owner(
    occurrence: _Occurrence, by_surname: dict[str, list[int]], full_mentions: list[list[tuple[int, int, int]]]
) -> int | None:
    """Index of the person a one-word mention names, or None when it is no surname or ambiguous."""
    if len(occurrence.tokens) != 1 or occurrence.mention.label == "PLACE":
        return None
    if any(cue == "PLACE" for cue, _ in _context_cues(occurrence)):
        return None
    candidates = by_surname.get(name_skeleton(occurrence.tokens[0]), [])
    if len(candidates) == 1:
        return candidates[0]
    # Two people share the surname: the one this article last named in full (or names first after).
    here = (occurrence.article, occurrence.sentence, occurrence.mention.start)
    before = [
        (max(position for position in full_mentions[c] if position[0] == here[0] and position <= here), c)
        for c in candidates
        if any(position[0] == here[0] and position <= here for position in full_mentions[c])
    ]
    if before:
        return max(before)[1]
    after = [
        (min(position for position in full_mentions[c] if position[0] == here[0]), c)
        for c in candidates
        if any(position[0] == here[0] for position in full_mentions[c])
    ]
    return min(after)[1] if after else None


# --- step 5: descriptors and titles -------------------------------------------------------------


def _premodifier(sentence: str, mention: Mention, others: Sequence[Mention]) -> str | None:
    """Words right before a name that describe it: "Interior Minister", "rebel-held", "the raging"."""
    tokens = _left_tokens(sentence, mention.start, others)
    taken: list[tuple[str, int, bool]] = []
    has_head = False
    for token, starts_at, is_entity in reversed(tokens):
        key = _title_key(token)
        if _POSSESSIVE_END.search(token):
            if has_head:
                taken.append((token, starts_at, is_entity))  # "Casmerra's foreign minister"
            break
        if is_entity:
            if not has_head:
                break
            taken.append((token, starts_at, is_entity))  # "Port Asha police commissioner"
            continue
        if key in TITLE_WORDS or key in OCCUPATIONS or key in DESCRIPTORS or _is_compound_adjective(token):
            taken.append((token, starts_at, is_entity))
            has_head = has_head or key in HEAD_WORDS
            continue
        if has_head and _may_modify(token):
            taken.append((token, starts_at, is_entity))  # "restaurant owner", "civil protection boss"
            continue
        break
    if not taken:
        taken = _between_determiner(tokens)
    if not taken:
        return None
    return " ".join(
        token if is_entity else _label_case(token, starts_at, sentence) for token, starts_at, is_entity in reversed(taken)
    )


def _between_determiner(tokens: Sequence[tuple[str, int, bool]]) -> list[tuple[str, int, bool]]:
    """One plain word between a determiner and the name: "the raging Ostra", "Kessaria's new dam".

    One only: in "the river reaching Casmerra" two words stand there and neither describes it.
    """
    if len(tokens) < 2:
        return []
    (word, starts_at, word_is_entity), (before, _, _) = tokens[-1], tokens[-2]
    if word_is_entity or not word.islower() or not _may_modify(word):
        return []
    if before.lower() in DETERMINERS or _POSSESSIVE_END.search(before):
        return [(word, starts_at, False)]
    return []


def _appositive_after(sentence: str, mention: Mention, others: Sequence[Mention]) -> str | None:
    """", head of the National Civil Protection Agency," after the name."""
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
    """"Its leader, Pavla Renner, ..." : a noun phrase ending in a title, then a comma, then the name."""
    right = sentence[mention.end :].lstrip()
    if right and right[0] not in ",.;)":
        return None
    left = sentence[: mention.start].rstrip()
    if not left.endswith(","):
        return None
    tokens = [(token.group(), token.start()) for token in _LEFT_TOKEN.finditer(left[:-1])]
    if not tokens or _title_key(tokens[-1][0]) not in HEAD_WORDS:
        return None
    start = len(tokens) - 1
    while start > 0 and len(tokens) - start < MAX_APPOSITIVE_WORDS:
        previous = tokens[start - 1][0]
        fits = _WORD.fullmatch(previous) and (
            previous[0].isupper()
            or _may_modify(previous)
            or previous.lower() in DETERMINERS
            or _POSSESSIVE_END.search(previous)
        )
        if not fits:
            break
        start -= 1
        if previous.lower() in DETERMINERS:
            break
    return _appositive_phrase(tokens[start:], sentence, others)


def _appositive_phrase(
    words: Sequence[tuple[str, int]], sentence: str, others: Sequence[Mention]
) -> str | None:
    """Keep a phrase that reads as a description: a determiner or an office, a common noun, no verb."""
    if not words or len(words) > MAX_APPOSITIVE_WORDS:
        return None
    texts = [word for word, _ in words]
    first = texts[0]
    if any(word.lower() in REPORTING_VERBS for word in texts):
        return None
    determined = first.lower() in DETERMINERS or _POSSESSIVE_END.search(first) is not None
    names_office = _title_key(first) in HEAD_WORDS | TITLE_MODIFIERS or (
        first.islower() and any(_title_key(word) in HEAD_WORDS for word in texts)
    )
    has_common_noun = any(word.islower() and word not in STOP_WORDS for word in texts)
    if not (determined or names_office) or not has_common_noun:
        return None
    return " ".join(
        word if _inside(start, others) else _label_case(word, start, sentence) for word, start in words
    )


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
    longest = max(len(key.split()) for key in surfaces)
    full_forms = [key for key in surfaces if len(key.split()) == longest]
    name_key = min(full_forms, key=lambda key: (-surfaces[key], key))
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

_LETTER_FOLD = str.maketrans({"q": "k", "c": "k", "g": "k", "y": "i", "j": "i", "w": "v", "z": "s", "x": "k"})


def _collapse_doubles(letters: str) -> str:
    return "".join(char for index, char in enumerate(letters) if index == 0 or char != letters[index - 1])


def _same_word(a: str, b: str) -> bool:
    """Two spellings of one word: same consonant skeleton and at most a third of the letters changed."""
    if a.casefold() == b.casefold():
        return True
    if name_skeleton(a) != name_skeleton(b):
        return False
    spelled_a, spelled_b = spelling_key(a), spelling_key(b)
    return _edit_distance(spelled_a, spelled_b) <= max(1, min(len(spelled_a), len(spelled_b)) // 3)


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def _title_key(word: str) -> str:
    return word.lower().rstrip(".")


def _last_word(text: str) -> str:
    words = _WORD.findall(text)
    return words[-1].lower() if words else ""


def _is_compound_adjective(token: str) -> bool:
    """"rebel-held", "Tough-talking": hyphenated words with letters on both sides."""
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


def _left_tokens(sentence: str, end: int, others: Sequence[Mention]) -> list[tuple[str, int, bool]]:
    """Tokens before `end` in a sentence, each (text, start, is another entity); other names are one token."""
    tokens: list[tuple[str, int, bool]] = []
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
    if key in TITLE_WORDS or key in OCCUPATIONS or key in DESCRIPTORS or word.lower() in DETERMINERS:
        return word.lower()
    opens_sentence = not sentence[:start].strip(_OPENERS + " ")
    if opens_sentence and (word.lower() in _COMMON_WORDS or _is_compound_adjective(word)):
        return word.lower()
    return word


def _inside(position: int, spans: Sequence[Mention]) -> bool:
    return any(span.start <= position < span.end for span in spans)


class _CommonWords:
    """Membership test "is a common English word" backed by wordfreq, cached."""

    def __init__(self) -> None:
        self._known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word not in self._known:
            self._known[word] = zipf_frequency(word, "en") >= COMMON_WORD_ZIPF
        return self._known[word]


_COMMON_WORDS = _CommonWords()
