"""Direct quotations: find them and their speakers, match them across outlets, report cuts and misquotes.

Decisions:
- Quote marks: straight or curly double marks, and single marks in British style; an apostrophe
  ("dockers' march", "don't") is told from a closing single mark by the characters around it. Marks of the
  other kind inside an open quotation are nested quotes and stay part of its text.
- A quotation may span sentences and paragraphs: news style leaves the closing mark off at the end of a
  paragraph and opens the next paragraph with a mark; that continues the quotation.
- A quotation interrupted by its attribution (`"We will rebuild," she said, "and we will not …"`) is one
  quotation; its parts are joined with a single space, so the text reads as spoken ("We will rebuild, and
  we will not …") and matches an outlet that quotes it unbroken. A "..." in a text is always the outlet's.
- `Quote.text` has no quote marks and no trailing comma, colon or full stop; "?", "!" and "..." stay.
- Scare quotes are skipped: fewer than 4 words, or every word capitalised (a title), unless a speech verb
  stands right next to the quotation or the quotation is a sentence of its own.
- A quotation with no attribution of its own that opens a sentence right after a sentence holding an
  attributed quotation continues that speaker (the news convention for a follow-on quote paragraph); one
  that follows another quotation in its sentence, with no capitalised word in between, is the same
  speaker's next clause (`Lind said the group has "no wish to escalate", but if attacked "the response
  will be severe"`).
- Matching (`match_quotes`): two quotations from different articles are one when, on lower-cased word
  tokens, their longest common matching covers at least 80 % of the shorter (short ones must be equal).
  Quotations found in one article only keep `group=None`; groups are numbered 1, 2, … in input order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from newsprism.comparison.speakers import (
    Attribution,
    Organisations,
    People,
    attribution_after,
    attribution_before,
    attribution_reported,
    is_direct,
    is_organisation,
    same_person,
)
from newsprism.models import Article, ComparedArticle, Conflict, Quote, SentenceRef
from newsprism.nlp.ner import Mention

MIN_QUOTE_WORDS = 4
MIN_MATCH_COVERAGE = 0.8
MIN_OMITTED_WORDS = 3
_MARK = re.compile(r"[\"“”'‘’]")
# Editors' brackets stay inside words: "[W]e", "[Democrats]".
_WORD = re.compile(r"[\[\]]*\w[\w\[\]]*(?:['’]\w+)*")
_LETTER = re.compile(r"\w")
_SPLIT_ATTRIBUTION = re.compile(r"^\s*,?\s*[^\"“”.!?]{1,100}?,\s*$")
_CLOSING_CONTEXT = '.,;:!?)]—–-"”'
_SMALL_WORDS = frozenset("a an the and or of in on at to for with by from as is".split())
_OPENERS = {"double": '"“', "single": "'‘"}
_ASKED_OPENING = re.compile(r"\s*Asked\b[^\"“”]*")
# Words between two quotations of one sentence that keep them one speaker's clauses.
_MAX_WORDS_BETWEEN_CLAUSES = 12


@dataclass(frozen=True)
class _Document:
    """An article's sentences joined back into paragraphs (one per line), with where each sentence starts."""

    text: str
    sentence_starts: tuple[int, ...]
    paragraphs: tuple[tuple[int, int], ...]

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def sentence_end(self, index: int) -> int:
        if index + 1 < len(self.sentence_starts):
            return self.sentence_starts[index + 1] - 1
        return len(self.text)


@dataclass
class _Span:
    """A quotation's place in a _Document: its inner text ranges and the marks around them."""

    pieces: list[tuple[int, int]]
    open_at: int
    close_at: int = -1  # just after the closing mark, or the end of the paragraph it runs to
    closed: bool = False
    interruption: str | None = None  # the attribution between the parts of a split quotation
    kind: str = "double"


def extract_quotes(article: ComparedArticle, named: Sequence[Sequence[Mention]] = ()) -> list[Quote]:
    """Every direct quotation in the article, with its speaker when the text says who it is.

    `named`: each sentence's named-entity mentions, as `annotate` reads them; without them the organisations
    that "the ministry" may mean are read off capitalised runs alone.
    """
    document = _document(article.article)
    spans = _join_split_quotes(document, _quote_spans(document))
    masked = _masked_sentences(document, spans, article.article.sentences)
    people = People(masked, named)
    organisations = Organisations(masked, named)
    quotes: list[Quote] = []
    previous: tuple[_Span, str | None, str | None] | None = None
    for position, span in enumerate(spans):
        sentence = document.sentence_at(span.open_at)
        before, before_at = _context_before(document, spans, position)
        after = _context_after(document, spans, position)
        text = _quote_text(document, span)
        ends_sentence = not after.strip(" .,;:!?")
        standalone = span.open_at == document.sentence_starts[sentence] and ends_sentence
        # `"Never," she said` but not `the "Today" show host said`.
        attributed_after = after if _hands_over(document, span, after) else ""
        direct = span.interruption is not None or is_direct(before, attributed_after)
        scare = _is_scare_quote(text) and not direct and not standalone
        # A short quotation closing a sentence whose speech verb has a speaker is that speaker's words,
        # woven into the reporter's: `Lind called the plan "a disgrace."`; a title never is.
        if not text or (scare and not (ends_sentence and not _is_title(text))):
            continue
        at = (sentence, span.open_at - document.sentence_starts[sentence])
        attribution, is_before = _attribution(span, before, after)
        how: str | None = None
        if _put_to_someone(before, text):
            speaker = None  # `Asked point-blank, "Is that picture you?" Weiner replied`: not his words
        elif attribution is not None:
            # A pronoun before the quotation ("He said Obama "…"") refers back from where it stands.
            where = _position(document, before_at) if is_before else at
            speaker = _resolve(attribution, where, people, organisations)
            how = _attribution_kind(attribution, speaker)
        elif previous is not None and _continues_sentence(document, previous[0], span):
            speaker, how = previous[1], previous[2]  # `X said it was "A", but "B"`: X said both
        elif previous is not None and _follows(document, previous[0], span, before):
            speaker = previous[1]
            how = "continued" if speaker else None
        elif standalone and (reported := _reported_before(document, spans, span, masked)) is not None:
            speaker = _resolve(*reported, people, organisations)
            how = "continued" if speaker else None
        else:
            speaker = None
        if scare and (speaker is None or not is_before):
            continue
        if speaker is not None and is_organisation(speaker.split()):
            organisations.add_speaker(speaker, at)
        elif speaker is not None:
            people.add_mention(speaker, (sentence, -1))
        quotes.append(
            Quote(speaker=speaker, text=text, article=article.id, sentence=sentence, attribution=how)
        )
        previous = (span, speaker, how)
    return quotes


def _resolve(
    attribution: Attribution, where: tuple[int, int], people: People, organisations: Organisations
) -> str | None:
    return (
        organisations.spoken_for(attribution, where)
        or people.resolve(attribution, where)
        or organisations.resolve(attribution, where)
    )


def _reported_before(
    document: _Document, spans: Sequence[_Span], span: _Span, masked: Sequence[str]
) -> tuple[Attribution, tuple[int, int]] | None:
    """The speaker of reported speech in the sentence before a quotation standing as a sentence of its
    own, where that sentence holds no quotation: `Lind said the talks would resume. "We are ready."`."""
    sentence = document.sentence_at(span.open_at)
    if sentence == 0:
        return None
    start, end = document.sentence_starts[sentence - 1], document.sentence_starts[sentence]
    if any(start <= other.close_at - 1 and other.open_at < end for other in spans if other is not span):
        return None
    reported = attribution_reported(masked[sentence - 1])
    return (reported[0], (sentence - 1, reported[1])) if reported else None


def match_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    """Give the same `group` to the same quotation in different articles (one may be a cut of the other)."""
    tokens = [_tokens(quote.text) for quote in quotes]
    token_sets = [set(words) for words in tokens]
    parent = list(range(len(quotes)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            if quotes[i].article == quotes[j].article or root(i) == root(j):
                continue
            if _same_quotation(tokens[i], tokens[j], token_sets[i], token_sets[j]):
                parent[root(j)] = root(i)
    members: dict[int, list[int]] = {}
    for index in range(len(quotes)):
        members.setdefault(root(index), []).append(index)
    group_of: dict[int, int] = {}
    for indexes in sorted(members.values()):
        if len({quotes[index].article for index in indexes}) > 1:
            group_id = len(set(group_of.values())) + 1
            group_of.update({index: group_id for index in indexes})
    return [replace(quote, group=group_of.get(index)) for index, quote in enumerate(quotes)]


# Share of a dropped passage's word trigrams that must appear in the outlet's other quotations for the
# passage to count as given, not cut.
QUOTED_ELSEWHERE_SHARE = 0.8


def _attribution_kind(attribution: Attribution, speaker: str | None) -> str | None:
    """How the attribution names its speaker: by name, by a title, or by a pronoun."""
    if speaker is None or not attribution.phrases:
        return "named" if speaker else None
    phrase = attribution.phrases[0]
    first = phrase.split()[0].strip(" .,;:!?\"'").casefold() if phrase.split() else ""
    if first in ("he", "she", "it"):
        return "pronoun"
    surname = speaker.split()[-1].casefold()
    phrases = (*attribution.phrases, *attribution.fallback_names, attribution.adjacent_name)
    return "named" if any(surname in phrase.casefold() for phrase in phrases) else "title"


def find_quote_conflicts(quotes: Sequence[Quote], sources: Mapping[int, str]) -> list[Conflict]:
    """Cut quotations (kind "quote") and one quotation credited to different people (kind "attribution").

    A "quote" conflict's `values`: {"<article id>": that article's text of the quotation, … for every
    article that gives it, "omitted": {"<id of an article that cuts it>": "the words it drops", …}}; when an
    article drops words in several places they are joined with " ... ". A quotation given in clauses
    (`the group has "no wish to escalate", but if attacked "the response will be severe"`) that another
    outlet gives only in part is a "quote" conflict too, whose values also hold "clauses": {"<id of the
    article that gives them all>": [each clause]} and "dropped_clauses": {"<id of an article that drops
    some>": [each clause it drops]}; there "<article id>" is the article's clauses joined with " ... ".
    An "attribution" conflict's `values`: {"<article id>": "speaker", … for every article that names one,
    "quote": "the fullest text"}. Quotes without groups are matched first (`match_quotes`).
    """
    if all(quote.group is None for quote in quotes):
        quotes = match_quotes(quotes)
    groups: dict[int, list[Quote]] = {}
    for quote in quotes:
        if quote.group is not None:
            groups.setdefault(quote.group, []).append(quote)
    quoted_words: dict[int, list[str]] = {}
    for quote in quotes:
        quoted_words.setdefault(quote.article, []).append(" ".join(_tokens(quote.text)))
    conflicts: list[Conflict] = []
    for group_id in sorted(groups):
        by_article = _fullest_per_article(groups[group_id])
        if len(by_article) < 2:
            continue
        cut = _cut_conflict(by_article, sources, quoted_words)
        if cut is not None:
            conflicts.append(cut)
        attribution = _attribution_conflict(groups[group_id], by_article, sources)
        if attribution is not None:
            conflicts.append(attribution)
    return conflicts + _clause_cut_conflicts(quotes, sources, quoted_words)


# --- finding quotation marks ---------------------------------------------------------------------


def _document(article: Article) -> _Document:
    """Rebuild paragraphs from the sentences, using the article text to see where paragraphs break."""
    parts: list[str] = []
    starts: list[int] = []
    paragraphs: list[tuple[int, int]] = []
    cursor, newlines, position = 0, 0, 0
    previous_key: int | None = None
    paragraph_start = 0
    for sentence in article.sentences:
        found = article.text.find(sentence, cursor)
        if found >= 0:
            newlines += article.text.count("\n", cursor, found)
            cursor = found + len(sentence)
        key = newlines if found >= 0 or previous_key is None else previous_key
        if previous_key is not None:
            if key != previous_key:
                paragraphs.append((paragraph_start, position))
                paragraph_start = position + 1
            parts.append(" " if key == previous_key else "\n")
            position += 1
        starts.append(position)
        parts.append(sentence)
        position += len(sentence)
        previous_key = key
    if starts:
        paragraphs.append((paragraph_start, position))
    return _Document("".join(parts), tuple(starts), tuple(paragraphs))


def _quote_spans(document: _Document) -> list[_Span]:
    """Pair quote marks paragraph by paragraph, continuing a quotation a new paragraph reopens."""
    text = document.text
    spans: list[_Span] = []
    pending: _Span | None = None
    for start, end in document.paragraphs:
        current: _Span | None = None
        inner_start = start
        if pending is not None:
            if start < end and text[start] in _OPENERS[pending.kind]:
                current, inner_start = pending, start + 1
            elif pending.kind == "double":
                spans.append(pending)
            pending = None
        for mark in _MARK.finditer(text, inner_start, end):
            at, char = mark.start(), mark.group()
            before = text[at - 1] if at > start else " "
            after = text[at + 1] if at + 1 < end else " "
            if current is None:
                kind = _opening_kind(char, before, after)
                if kind is not None:
                    current, inner_start = _Span([], at, kind=kind), at + 1
            elif _closes(current.kind, char, before, after, text, at):
                current.pieces.append((inner_start, at))
                current.close_at, current.closed = at + 1, True
                spans.append(current)
                current = None
            elif current.kind == "double" and char == '"' and before.isspace() and not after.isspace():
                if _pairs_without(text, at, end):
                    # The marks after it pair among themselves, so this one closes, its space misplaced
                    # (`… is wrong. "Perry is …`).
                    current.pieces.append((inner_start, at))
                    current.close_at, current.closed = at + 1, True
                    spans.append(current)
                    current = None
                else:
                    # An opening-looking mark inside an open quotation: the earlier mark had no partner.
                    current, inner_start = _Span([], at), at + 1
        if current is not None:
            current.pieces.append((inner_start, end))
            current.close_at = end
            pending = current
    if pending is not None and pending.kind == "double":
        spans.append(pending)
    return sorted(spans, key=lambda span: span.open_at)


def _pairs_without(text: str, at: int, paragraph_end: int) -> bool:
    """Tell whether the double marks after `at` in its paragraph pair among themselves (an even count)."""
    return text.count('"', at + 1, paragraph_end) % 2 == 0 and text[at - 2 : at - 1] in ".!?"


def _opening_kind(char: str, before: str, after: str) -> str | None:
    looks_closing = not before.isspace() and (after.isspace() or after in ",.;:!?")
    if char == "“" or (char == '"' and not looks_closing):
        return "double"
    if char in "'‘" and (before.isspace() or before in '([—–-"“') and after.isalpha():
        return "single"
    return None


def _closes(kind: str, char: str, before: str, after: str, text: str, at: int) -> bool:
    if kind == "double":
        return char in '"”' and not (char == '"' and before.isspace() and not after.isspace())
    if char not in "'’" or before.isspace():
        return False
    if not (after.isspace() or after in _CLOSING_CONTEXT):
        return False  # "don't", "O'Brien"
    if before in ".,!?…":
        return True
    # "the dockers' march": a plural possessive, not the end of the quotation.
    return not (before in "sS" and after == " " and text[at + 2 : at + 3].islower())


def _join_split_quotes(document: _Document, spans: list[_Span]) -> list[_Span]:
    """Join `"A," she said, "B."` into one quotation whose interruption is the attribution."""
    joined: list[_Span] = []
    for span in spans:
        if joined and _interrupts(document, joined[-1], span):
            first = joined[-1]
            first.interruption = document.text[first.close_at : span.open_at]
            first.pieces.extend(span.pieces)
            first.close_at, first.closed = span.close_at, span.closed
            continue
        joined.append(span)
    return joined


def _interrupts(document: _Document, first: _Span, second: _Span) -> bool:
    if not first.closed or first.interruption is not None:
        return False
    between = document.text[first.close_at : second.open_at]
    if "\n" in between or not _SPLIT_ATTRIBUTION.match(between):
        return False
    first_text = document.text[first.pieces[-1][0] : first.pieces[-1][1]].rstrip()
    if not (first_text.endswith(",") or between.lstrip().startswith(",")):
        return False
    return attribution_after(between) is not None


# --- the context of one quotation ----------------------------------------------------------------


def _position(document: _Document, offset: int) -> tuple[int, int]:
    sentence = document.sentence_at(offset)
    return sentence, offset - document.sentence_starts[sentence]


def _context_before(document: _Document, spans: list[_Span], position: int) -> tuple[str, int]:
    """Text of the quotation's sentence before its opening mark (after any earlier quotation), and where."""
    span = spans[position]
    sentence = document.sentence_at(span.open_at)
    start = document.sentence_starts[sentence]
    if position > 0:
        start = max(start, spans[position - 1].close_at)
    before = document.text[start : span.open_at]
    if before.strip() or sentence == 0 or start != document.sentence_starts[sentence]:
        return before, start
    # `Lind said:` closing the sentence before introduces this one.
    previous_start = document.sentence_starts[sentence - 1]
    previous = document.text[previous_start : document.sentence_end(sentence - 1)]
    overlaps_quote = position > 0 and spans[position - 1].close_at > previous_start
    if previous.rstrip().endswith(":") and not overlaps_quote:
        return previous, previous_start
    return before, start


def _context_after(document: _Document, spans: list[_Span], position: int) -> str:
    """Text of the sentence after the quotation's closing mark, up to the next quotation."""
    span = spans[position]
    if not span.closed:
        return ""
    end = document.sentence_end(document.sentence_at(span.close_at - 1))
    if position + 1 < len(spans):
        end = min(end, spans[position + 1].open_at)
    return document.text[span.close_at : max(end, span.close_at)]


def _attribution(span: _Span, before: str, after: str) -> tuple[Attribution | None, bool]:
    """The attribution next to a quotation, and whether it stands before it."""
    if span.interruption is not None:
        found = attribution_after(span.interruption)
        if found is not None:
            return found, False
    found = attribution_after(after)
    if found is not None:
        return found, False
    found = attribution_before(before)
    return found, found is not None


def _hands_over(document: _Document, span: _Span, after: str) -> bool:
    """Tell whether a quotation ends with the comma or mark that hands over to an attribution."""
    if not span.closed or not span.pieces:
        return False
    last = document.text[span.pieces[-1][0] : span.pieces[-1][1]].rstrip()
    return last.endswith((",", "?", "!", "…", "—", "-")) or after.lstrip().startswith((",", "—"))


def _follows(document: _Document, previous: _Span, span: _Span, before: str) -> bool:
    """Tell whether a quotation opens the sentence right after the one where the previous quotation ends."""
    sentence = document.sentence_at(span.open_at)
    opens_sentence = span.open_at == document.sentence_starts[sentence] and not before.strip()
    return opens_sentence and document.sentence_at(previous.close_at - 1) == sentence - 1


def _put_to_someone(before: str, text: str) -> bool:
    """Tell whether a question follows a bare "Asked" opening its sentence: someone unnamed asked it."""
    return text.endswith("?") and bool(_ASKED_OPENING.fullmatch(before))


def _continues_sentence(document: _Document, previous: _Span, span: _Span) -> bool:
    """Tell whether a quotation follows the previous one in its sentence with nobody new in between.

    `the group has "no wish to escalate", but if attacked "the response will be severe"`; not `"…," Lind
    said, and Okafor "…"`, where a capitalised word may name another speaker.
    """
    same_sentence = document.sentence_at(previous.close_at - 1) == document.sentence_at(span.open_at)
    if not previous.closed or not same_sentence:
        return False
    between = document.text[previous.close_at : span.open_at]
    words = _WORD.findall(between)
    return len(words) <= _MAX_WORDS_BETWEEN_CLAUSES and not any(word[0].isupper() for word in words)


def _quote_text(document: _Document, span: _Span) -> str:
    text = " ".join(document.text[start:end].strip() for start, end in span.pieces)
    text = " ".join(text.split()).strip(" ,;:")
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip(" ,;:")
    return text


def _is_scare_quote(text: str) -> bool:
    """A short phrase or a title in quote marks: "no talking", "Born to Run"."""
    return len(_WORD.findall(text)) < MIN_QUOTE_WORDS or _is_title(text)


def _is_title(text: str) -> bool:
    """Every word capitalised but the small ones: "Born to Run", "Today"."""
    lettered = [word for word in _WORD.findall(text) if word[0].isalpha()]
    return all(word[0].isupper() or word.casefold() in _SMALL_WORDS for word in lettered) and any(
        word.casefold() not in _SMALL_WORDS for word in lettered
    )


def _masked_sentences(document: _Document, spans: list[_Span], sentences: Sequence[str]) -> list[str]:
    """The sentences with quoted words blanked, so names inside quotations are not taken as antecedents."""
    chars = list(document.text)
    for span in spans:
        for start, end in span.pieces:
            # Words go, punctuation stays: commas inside quotations still end clauses.
            chars[start:end] = _LETTER.sub(" ", document.text[start:end])
    masked = "".join(chars)
    return [
        masked[start : start + len(sentence)]
        for start, sentence in zip(document.sentence_starts, sentences, strict=True)
    ]


# --- matching and conflicts ----------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    return [_token(word) for word in _WORD.findall(text)]


def _token(word: str) -> str:
    return word.casefold().replace("’", "'").replace("[", "").replace("]", "")


def _same_quotation(first: list[str], second: list[str], first_set: set[str], second_set: set[str]) -> bool:
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    short_set, long_set = (first_set, second_set) if short is first else (second_set, first_set)
    if len(short) < MIN_QUOTE_WORDS:
        return short == long
    if len(short_set & long_set) < MIN_MATCH_COVERAGE * len(short_set) - 1:
        return False
    matcher = SequenceMatcher(None, short, long, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched >= MIN_MATCH_COVERAGE * len(short)


def _fullest_per_article(members: list[Quote]) -> dict[int, Quote]:
    """Each article's longest version of the quotation (an article may quote part of it twice)."""
    best: dict[int, Quote] = {}
    for quote in members:
        current = best.get(quote.article)
        if current is None or len(_tokens(quote.text)) > len(_tokens(current.text)):
            best[quote.article] = quote
    return dict(sorted(best.items()))


def omitted_words(full: str, cut: str) -> list[str]:
    """The runs of words `full` has and `cut` drops, as they stand in `full` (runs of 3+ words)."""
    positions = list(_WORD.finditer(full))
    matcher = SequenceMatcher(None, [_token(m.group()) for m in positions], _tokens(cut), autojunk=False)
    kept = [False] * len(positions)
    for block in matcher.get_matching_blocks():
        for index in range(block.a, block.a + block.size):
            kept[index] = True
    runs: list[str] = []
    index = 0
    while index < len(positions):
        if kept[index]:
            index += 1
            continue
        end = index
        while end + 1 < len(positions) and not kept[end + 1]:
            end += 1
        if end - index + 1 >= MIN_OMITTED_WORDS:
            runs.append(full[positions[index].start() : positions[end].end()])
        index = end + 1
    return runs


def _quoted_elsewhere(run: str, article_quotes: list[str]) -> bool:
    """Most of the run's word trigrams stand in the article's own quotations."""
    tokens = _tokens(run)
    trigrams = [" ".join(tokens[i : i + 3]) for i in range(max(len(tokens) - 2, 1))]
    covered = sum(any(trigram in words for words in article_quotes) for trigram in trigrams)
    return covered >= QUOTED_ELSEWHERE_SHARE * len(trigrams)


def _cut_conflict(
    by_article: dict[int, Quote], sources: Mapping[int, str], quoted_words: Mapping[int, list[str]]
) -> Conflict | None:
    """The fullest version against the others; words an outlet gives in another quotation of its own
    (a quote split in two: "…," she wrote. "…," she continued.) are not cut."""
    full = max(by_article.values(), key=lambda quote: (len(_tokens(quote.text)), -quote.article))
    omitted: dict[str, str] = {}
    in_full: list[int] = []
    for article, quote in by_article.items():
        runs = omitted_words(full.text, quote.text) if quote is not full else []
        runs = [run for run in runs if not _quoted_elsewhere(run, quoted_words.get(article, []))]
        if runs:
            omitted[str(article)] = " ... ".join(runs)
        else:
            in_full.append(article)
    if not omitted:
        return None
    speaker = full.speaker or next((q.speaker for q in by_article.values() if q.speaker), None)
    who = speaker if speaker else f'"{_shorten(full.text)}"'
    verb = "quotes" if len(in_full) == 1 else "quote"
    cuts = "; ".join(f'{_source(sources, int(a))} cuts "{words}"' for a, words in omitted.items())
    description = f"{_names(sources, in_full)} {verb} {who} in full; {cuts}"
    values: dict[str, object] = {str(article): quote.text for article, quote in by_article.items()}
    values["omitted"] = omitted
    refs = tuple(sorted(SentenceRef(q.article, q.sentence) for q in by_article.values()))
    return Conflict(kind="quote", description=description, sentences=refs, values=values)


def _attribution_conflict(
    members: list[Quote], by_article: dict[int, Quote], sources: Mapping[int, str]
) -> Conflict | None:
    speakers: dict[int, Quote] = {}
    # Only speakers the text names (or titles) next to the quotation: a pronoun or a follow-on
    # paragraph is this tool's inference, and a wrong inference is no outlet's misattribution.
    for quote in sorted(members, key=lambda q: -len(q.text)):
        if quote.attribution not in ("named", "title"):
            continue
        if quote.speaker is not None and quote.article not in speakers:
            speakers[quote.article] = quote
    clusters: list[list[Quote]] = []
    for _, quote in sorted(speakers.items()):
        for cluster in clusters:
            if any(same_person(quote.speaker or "", other.speaker or "") for other in cluster):
                cluster.append(quote)
                break
        else:
            clusters.append([quote])
    if len(clusters) < 2:
        return None
    text = max(by_article.values(), key=lambda quote: len(quote.text)).text
    parts = []
    for number, cluster in enumerate(clusters):
        articles = [quote.article for quote in cluster]
        verb = "attributes" if len(articles) == 1 else "attribute"
        said = f'"{_shorten(text)}"' if number == 0 else "it"
        parts.append(f"{_names(sources, articles)} {verb} {said} to {cluster[0].speaker}")
    values: dict[str, object] = {str(a): q.speaker for a, q in sorted(speakers.items())}
    values["quote"] = text
    refs = tuple(sorted(SentenceRef(q.article, q.sentence) for q in speakers.values()))
    return Conflict(kind="attribution", description="; ".join(parts), sentences=refs, values=values)


def _source(sources: Mapping[int, str], article: int) -> str:
    return sources.get(article, f"article {article}")


def _names(sources: Mapping[int, str], articles: Sequence[int]) -> str:
    names = list(dict.fromkeys(_source(sources, article) for article in articles))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _shorten(text: str, words: int = 12) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


# --- clauses an outlet drops ---------------------------------------------------------------------


def _clause_cut_conflicts(
    quotes: Sequence[Quote], sources: Mapping[int, str], quoted_words: Mapping[int, list[str]]
) -> list[Conflict]:
    """One speaker's quotations in one sentence of an outlet (its clauses) against the other outlets that
    quote some of them: the clauses each of those outlets leaves out."""
    by_article: dict[int, list[Quote]] = {}
    for quote in quotes:
        by_article.setdefault(quote.article, []).append(quote)
    conflicts = []
    for clauses in _utterances(quotes):
        dropped: dict[int, list[Quote]] = {}
        given: dict[int, list[Quote]] = {}
        for article in sorted(by_article):
            if article == clauses[0].article:
                continue
            shared = _clauses_given(clauses, by_article[article])
            missing = [c for c in clauses if not _clause_given(c, by_article[article], quoted_words[article])]
            if shared and missing:
                dropped[article], given[article] = missing, shared
        if dropped:
            conflicts.append(_clause_conflict(clauses, given, dropped, sources))
    return conflicts


def _utterances(quotes: Sequence[Quote]) -> list[list[Quote]]:
    """Quotations of one named speaker in one sentence of one article, two or more, in order."""
    found: dict[tuple[int, int, str], list[Quote]] = {}
    for quote in quotes:
        if quote.speaker is not None:
            found.setdefault((quote.article, quote.sentence, quote.speaker), []).append(quote)
    return [clauses for clauses in found.values() if len(clauses) > 1]


def _clauses_given(clauses: Sequence[Quote], others: Sequence[Quote]) -> list[Quote]:
    """Another outlet's quotations of some of the clauses, credited to the same speaker or to nobody."""
    groups = {clause.group for clause in clauses if clause.group is not None}
    speaker = clauses[0].speaker or ""
    return [
        quote
        for quote in others
        if quote.group in groups and (quote.speaker is None or same_person(quote.speaker, speaker))
    ]


def _clause_given(clause: Quote, others: Sequence[Quote], quoted_words: list[str]) -> bool:
    if clause.group is not None and any(quote.group == clause.group for quote in others):
        return True
    return _quoted_elsewhere(clause.text, quoted_words)


def _clause_conflict(
    clauses: Sequence[Quote],
    given: Mapping[int, list[Quote]],
    dropped: Mapping[int, list[Quote]],
    sources: Mapping[int, str],
) -> Conflict:
    full = clauses[0].article
    listed = " and ".join(f'"{clause.text}"' for clause in clauses)
    cuts = "; ".join(
        f"{_source(sources, article)} drops the clause{'s' if len(missing) > 1 else ''} "
        + " and ".join(f'"{clause.text}"' for clause in missing)
        for article, missing in dropped.items()
    )
    description = f"{_source(sources, full)} quotes {clauses[0].speaker}: {listed}; {cuts}"
    values: dict[str, object] = {str(full): _joined(clauses)}
    values.update({str(article): _joined(quotes) for article, quotes in given.items()})
    values["omitted"] = {str(article): _joined(missing) for article, missing in dropped.items()}
    values["clauses"] = {str(full): [clause.text for clause in clauses]}
    values["dropped_clauses"] = {str(article): [c.text for c in cut] for article, cut in dropped.items()}
    refs = {SentenceRef(full, clauses[0].sentence)}
    refs |= {SentenceRef(quote.article, quote.sentence) for quotes in given.values() for quote in quotes}
    return Conflict(kind="quote", description=description, sentences=tuple(sorted(refs)), values=values)


def _joined(quotes: Sequence[Quote]) -> str:
    return " ... ".join(quote.text for quote in quotes)
