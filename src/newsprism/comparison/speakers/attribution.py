"""The attribution next to a quotation: a speech verb with its subject or object, or 'according to'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.comparison.speakers.names import (
    MAX_NAME_WORDS,
    TRAILING_NAME_RUN,
    name_runs,
    strip_titles,
)
from newsprism.lang.en.people import PERSONAL_PRONOUNS
from newsprism.lang.en.speech import (
    CHARACTERISING_PARTICIPLES,
    CHARACTERISING_VERBS,
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
)

SPEECH_VERB = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b")
# "and" between capitalised words joins a name ("Oversight and Government Reform Committee").
_CLAUSE_BREAK = re.compile(r"[,;:]|\s+(?:and|but)\s+(?![A-Z])")
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
_PARTICIPLES = SPEECH_PARTICIPLES | CHARACTERISING_PARTICIPLES
_PARTICIPLE = re.compile(r"\b(?:" + "|".join(sorted(_PARTICIPLES)) + r")\b")
# Only before a quotation: `Renner called the plan "…"`, not after it (`"…," she called` is no English).
# A form of "be" before it makes it passive: in `Obama was accused of "…"` Obama is not the speaker.
_CHARACTERISING = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )(?<!\bbeing )(?<!\bbe )\b(?:"
    + "|".join(sorted(CHARACTERISING_VERBS))
    + r")\b"
)
_ACCORDING_OPENING = re.compile(r"(?:^|[,;]\s*)according to\s+(?P<phrase>[^,:;\"]+?)\s*,", re.IGNORECASE)
_RELATIVE = re.compile(r"(?:who|whose|which)\b")
_SUBORDINATOR = re.compile(r"\b(?:after|when|as|because|before|since|while|once|until)\s+")
_MAX_SUBJECT_WORDS = 9
_MAX_APPOSITION_WORDS = 40
_MAX_WORDS_VERB_TO_QUOTE = 20


@dataclass(frozen=True)
class Attribution:
    """Noun phrases that may name the speaker, best first; the first is the one next to the verb."""

    phrases: tuple[str, ...]
    fallback_names: tuple[str, ...] = ()  # names that open the clause, tried when the phrases name nobody
    adjacent_name: str = ""  # a person's name right before a participle ("… to Lind, saying"), tried last
    inverted: bool = False  # the phrases follow the verb ("said X, who …") rather than precede it


def attribution_after(text: str) -> Attribution | None:
    """Read an attribution right after a closing quote mark: `, said X` / `, X told reporters`."""
    verb = SPEECH_VERB.search(text)
    if verb is None:
        return _according_to(text)
    subject = _PARTY_TAG.sub("", text[: verb.start()]).strip(" ,?!—–-")
    if not subject:
        return _inverted(text[verb.end() :])
    subject = _ADVERB_TAIL.sub("", subject)
    words = subject.split()
    first_segment = subject.split(",")[0].split()
    is_short = len(words) <= _MAX_SUBJECT_WORDS or (
        len(first_segment) <= MAX_NAME_WORDS and len(words) <= _MAX_APPOSITION_WORDS
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
    verbs = [*SPEECH_VERB.finditer(text), *_PARTICIPLE.finditer(text), *_CHARACTERISING.finditer(text)]
    if not verbs:
        # "According to Lind, the council has "…"": she says it, though the clause's verb is no speech verb.
        opening = _ACCORDING_OPENING.search(text)
        if opening:
            return Attribution((opening["phrase"].strip(),))
        if text.rstrip().endswith(":"):  # "Biden was quick to retort: …"
            fallback = tuple(reversed(_leading_names(_clauses(text)[-3:])))
            return Attribution((), fallback) if fallback else None
        return None
    verb = max(verbs, key=lambda match: match.start())
    if len(text[verb.end() :].split()) > _MAX_WORDS_VERB_TO_QUOTE:
        return None
    segments = _clauses(_ADVERB_TAIL.sub("", text[: verb.start()].rstrip()))
    if len(segments) > 1 and _RELATIVE.match(segments[-1]):
        segments.pop()  # "Lind, who heads the union, said: …": the relative clause is no subject
    if not segments:
        return None
    if _PARTICIPLE.fullmatch(verb.group()):
        # "Romney released a statement on Tuesday saying: …": the subject of the clause said it, not the
        # nearest noun ("… wrote to Sasha and Malia Obama, saying …"); a name right before it does too.
        first = segments[0].split()[0]
        pronoun = (first,) if first.casefold() in PERSONAL_PRONOUNS else ()
        adjacent = TRAILING_NAME_RUN.search(segments[-1])
        tail = adjacent.group() if adjacent and adjacent.end() == len(segments[-1]) else ""
        subjects = _leading_names(segments) + _subordinate_subjects(segments)
        return Attribution(pronoun, subjects, adjacent_name=tail)
    # An earlier segment counts only as an apposition's anchor ("Maria Lind, the interior minister, said"),
    # not when it is a clause of its own ("After meeting Lind, the minister said").
    phrases = [segments[-1]]
    for segment in reversed(segments[-3:-1]):
        if segment.split()[0].casefold() in _SUBJECT_OPENERS:
            break
        phrases.append(segment)
    # "Romney released a statement on Tuesday saying: …": the clause's subject said it.
    return Attribution(tuple(phrases), _leading_names(segments[-1:]))


def attribution_reported(sentence: str) -> tuple[Attribution, int] | None:
    """The subject of a sentence's first speech verb, and where the verb ends: in `Lind said the talks
    would resume.` Lind speaks, and a quotation opening the next sentence with no attribution is hers."""
    verb = SPEECH_VERB.search(sentence)
    if verb is None:
        return None
    found = attribution_before(sentence[: verb.end()])
    return (found, verb.end()) if found is not None and found.phrases else None


def is_direct(before: str, after: str) -> bool:
    """Tell whether a speech verb stands right next to the quotation (`"No," she said` / `said: "No."`)."""
    after_verb = SPEECH_VERB.search(after)
    if after_verb and len(after[: after_verb.start()].split()) <= _MAX_SUBJECT_WORDS:
        lead = after[: after_verb.start()].strip(" ,?!—–-")
        if not lead or lead.split()[0].casefold() not in _SUBJECT_OPENERS:
            return True
    # `said: "No."` but not `he told "Today"` (a programme's name, not speech).
    return bool(re.search(rf"(?:{SPEECH_VERB.pattern}|{_PARTICIPLE.pattern})\s*[:,]\s*$", before))


def _clauses(text: str) -> list[str]:
    """Comma- and conjunction-separated parts: "Prices rose and Lind said" -> "Prices rose", "Lind"."""
    return [part.strip() for part in _CLAUSE_BREAK.split(text) if part.strip()]


def _leading_names(segments: list[str]) -> tuple[str, ...]:
    """Names that open clauses (the clauses' subjects), in sentence order."""
    names = []
    for segment in segments:
        runs = name_runs(segment)
        if runs and runs[0][0] == 0 and strip_titles(segment[: runs[0][1]].split()).tokens:
            names.append(segment[: runs[0][1]])
    return tuple(names)


def _subordinate_subjects(segments: list[str]) -> tuple[str, ...]:
    """Names right after a subordinating conjunction, in sentence order: "It came after Lind chided
    Okafor, accusing him of …" -> "Lind", who is the one accusing when the main clause names nobody."""
    names = []
    for segment in segments:
        for conjunction in _SUBORDINATOR.finditer(segment):
            runs = name_runs(segment[conjunction.end() :])
            if runs and runs[0][0] == 0:
                names.append(segment[conjunction.end() : conjunction.end() + runs[0][1]])
    return tuple(name for name in names if strip_titles(name.split()).tokens)


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
