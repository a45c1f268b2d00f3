"""What outlets call an entity: pre-modifiers, appositives and the titles that refer to it (step 5)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsprism.comparison.entities.occurrences import OPENERS, EntityDraft, is_common_word, where_of
from newsprism.lang.en.people import LABEL_ROLE_NOUNS
from newsprism.lang.en.speech import ADDRESS_VERBS, COMMON_SPEECH_VERBS
from newsprism.lang.en.stop_words import STOP_WORDS
from newsprism.lang.en.titles import (
    NAME_HONORIFICS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    office_title_length,
    title_key,
)
from newsprism.nlp.ner import Mention

# Nouns that name what a person is, beside office titles: "restaurant owner X", "X, a nurse".
# Forms of address end a label; "Prof." is read as an office here.
_FORMS_OF_ADDRESS = NAME_HONORIFICS - {"prof"}
_OFFICE_HEADS = TITLE_HEADS | {"prof"}
# Every word a title may hold, forms of address included.
_TITLE_WORDS = TITLE_WORDS | NAME_HONORIFICS
HEAD_WORDS = _OFFICE_HEADS | LABEL_ROLE_NOUNS
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
# Verbs that stand right before a name ("said Ilya Varenko", "met X") and so end a pre-modifier.
REPORTING_VERBS = COMMON_SPEECH_VERBS | ADDRESS_VERBS
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
MAX_APPOSITIVE_WORDS = 10
MAX_COMPOUNDS = 2
_LEFT_TOKEN = re.compile(r"[^\W_][\w'’-]*\.?|[^\w\s]")
_POSSESSIVE_END = re.compile(r"['’]s$")
_APPOSITIVE = re.compile(
    r"^\s*,\s*(?P<phrase>[^,;:()\"“”]+?)\s*(?=[,;)]|\.[\x22”’']?\s*$|$|\s(?:who|which|whose)\b)"
)
AGE = re.compile(r"^\s*,\s*\d{1,3}\b")
_PHRASE_WORD = re.compile(r"\S+")
NEXT_WORD = re.compile(r"^\s+(?P<word>[a-z]+)\b")


# A token left of a name: its text, where it starts, and whether it is another name.
LeftToken = tuple[str, int, bool]


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
        if office_title_length(words[cut - 1 :]) == len(words) - cut + 1:
            return " ".join(words)  # "secretary of state", "deputy secretary of state"
        if cut == 1 and title_key(words[0]) in _OFFICE_HEADS:
            return " ".join(words)
        words = words[:cut]
    start = len(words)
    while start > 0 and title_key(words[start - 1]) in _TITLE_WORDS:
        start -= 1
    title = words[start:]
    if not title or title_key(title[-1]) not in _OFFICE_HEADS:
        return None
    return " ".join(title)


def _premodifier(sentence: str, mention: Mention, others: Sequence[Mention]) -> str | None:
    """Words right before a name that describe it: "Interior Minister", "rebel-held", "the raging"."""
    if _is_modifier(sentence, mention):
        return None  # "former Trump campaign chairman" describes the chairman, not Trump
    tokens = _left_tokens(sentence, mention.start, others)
    office = _trailing_office(tokens)
    if office:
        return _office_label(tokens, office, sentence)
    taken, _ = _descriptive_chain(tokens)
    if not taken:
        taken = _between_determiner(tokens)
    return _label_text(taken, sentence)


def _trailing_office(tokens: Sequence[LeftToken]) -> int:
    """How many of the last tokens name an office by its portfolio ("Secretary of State"), or 0."""
    words = [token for token, _, _ in tokens]
    for start in range(len(words)):
        if office_title_length(words[start:]) == len(words) - start:
            return len(words) - start
    return 0


def _office_label(tokens: Sequence[LeftToken], office: int, sentence: str) -> str | None:
    """ "Deputy Secretary of State" before a name: the head and what describes it, then its portfolio."""
    head_at = len(tokens) - office
    taken, _ = _descriptive_chain(tokens[: head_at + 1])
    head = _label_text(taken, sentence)
    if head is None:
        return None
    return " ".join([head, *(token.lower() for token, _, _ in tokens[head_at + 1 :])])


def _descriptive_chain(tokens: Sequence[LeftToken]) -> tuple[list[LeftToken], bool]:
    """The words ending `tokens` that describe what follows, nearest first, and whether one is an office."""
    taken: list[LeftToken] = []
    has_head = False
    # Nouns may stack before a trade or an office written in lowercase ("civil protection boss"),
    # not before an adjective, a name or a capitalised title ("to ask President Trump").
    compounds_allowed = True
    first_compound = -1
    for token, starts_at, is_entity in reversed(tokens):
        key = title_key(token)
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
        if key in _FORMS_OF_ADDRESS:
            break
        if plain and (key in _TITLE_WORDS or key in LABEL_ROLE_NOUNS):
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
        is_noun = _may_compound(token) and key not in _TITLE_WORDS and key not in LABEL_ROLE_NOUNS
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


def _label_text(taken: Sequence[LeftToken], sentence: str) -> str | None:
    """The label the chosen tokens (nearest first) spell, names kept as written."""
    if not taken:
        return None
    return " ".join(
        token if is_entity else _label_case(token, starts_at, sentence)
        for token, starts_at, is_entity in reversed(taken)
    )


def _opens_phrase(tokens: Sequence[LeftToken], index: int) -> bool:
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
    following = NEXT_WORD.match(sentence[mention.end :])
    return following is not None and following.group("word") in _MODIFIED_NOUNS


def _between_determiner(tokens: Sequence[LeftToken]) -> list[LeftToken]:
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
    if AGE.match(right):
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
    names_office = title_key(first) in APPOSITIVE_OPENERS or (
        first.islower() and any(title_key(word) in HEAD_WORDS for word in texts)
    )
    has_common_noun = any(word.islower() and word not in STOP_WORDS for word in texts)
    if not (determined or names_office) or not has_common_noun:
        return None
    return " ".join(
        word if _inside(start, others) else _label_case(word, start, sentence) for word, start in words
    )


def collect_labels(
    entities: Sequence[EntityDraft], by_sentence: dict[tuple[int, int], list[Mention]]
) -> None:
    """Record, per article, every descriptor its sentences attach to each entity, in order."""
    for entity in entities:
        for occurrence in entity.occurrences:
            names_here = by_sentence[where_of(occurrence)]
            for label in descriptors(occurrence.text, occurrence.mention, names_here):
                if label not in entity.labels[occurrence.article]:
                    entity.labels[occurrence.article].append(label)


def count_title_mentions(entities: Sequence[EntityDraft], sentences: dict[int, tuple[str, ...]]) -> None:
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


_PREPOSITIONS = frozenset("of for at in to from with on by".split())



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


def _left_tokens(sentence: str, end: int, others: Sequence[Mention]) -> list[LeftToken]:
    """Tokens before `end`, each (text, start, is a name); another name is one token."""
    tokens: list[LeftToken] = []
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
    key = title_key(word)
    if key in _FORMS_OF_ADDRESS:
        return word
    if key in _TITLE_WORDS or key in LABEL_ROLE_NOUNS or key in DESCRIPTORS or word.lower() in DETERMINERS:
        return word.lower()
    opens_sentence = not sentence[:start].strip(OPENERS + " ")
    if opens_sentence and (is_common_word(word.lower()) or _is_compound_adjective(word)):
        return word.lower()
    return word


def _span(words: Sequence[tuple[str, int]]) -> Mention:
    """The stretch a run of (word, start) pairs covers, as a mention-like span."""
    start = words[0][1]
    end = words[-1][1] + len(words[-1][0])
    return Mention("", "OTHER", start, end)


def _inside(position: int, spans: Sequence[Mention]) -> bool:
    return any(span.start <= position < span.end for span in spans)
