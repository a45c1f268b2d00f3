"""Each sentence of a compared story read once: the per-sentence record that every analyser reads.

`annotate` runs the named-entity model over the whole story in one batch and reads every sentence's
figures, dates, names, places, words and quotations, and the lexical evidence of the same-claim score; no
analyser parses a sentence again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from newsprism.comparison.quotes import extract_quotes
from newsprism.comparison.similarity import SentenceEvidence, sentence_evidence
from newsprism.lang.en.names import NOT_NAME_WORDS
from newsprism.models import Article, ComparedArticle, Quote, SentenceRef
from newsprism.nlp.figures import Figure, extract_figures
from newsprism.nlp.ner import Mention, mentions
from newsprism.nlp.temporal import DateMention, event_days, extract_dates
from newsprism.nlp.tokens import CAPITALISED_WORD, LOWER_WORD, LOWER_WORD_OR_NUMBER

# "in Lorvenne", "near the town of Vask", "across the northern Ostra": where a sentence sets what it reports.
_PLACE = re.compile(
    r"\b(?:in|at|near|outside|across|on)\s+(?:the\s+)?(?:(?:north|south|east|west|central)(?:ern)?\s+)?"
    r"(?:(?:ancient\s+|port\s+|southern\s+|northern\s+)?(?:town|city|village|island|province|region|district"
    r"|state|county|port)\s+of\s+)?(?P<place>[A-Z][\w-]*)"
)


@dataclass(frozen=True)
class AnnotatedSentence:
    """One sentence of one outlet's article, with everything the analysers read of it."""

    ref: SentenceRef
    text: str
    source: str  # the outlet, as descriptions name it
    published: date | None  # the article's publication date, against which dates are resolved
    evidence: SentenceEvidence  # stems, figures and names the same-claim score compares
    figures: tuple[Figure, ...]
    dates: tuple[DateMention, ...]
    event_days: tuple[DateMention, ...]  # days something happened on, not days something was said
    mentions: tuple[Mention, ...]  # named entities (people, organisations, places)
    names: frozenset[str]  # case-folded capitalised words past the first: who and what it names
    places: frozenset[str]  # case-folded places it sets what it reports in ("in Lorvenne")
    words: tuple[str, ...]  # lower-cased words in order, numbers split at their commas
    terms: frozenset[str]  # lower-cased words and whole numbers, "n't" apart: what a statement asserts
    quotes: tuple[Quote, ...] = ()  # quotations that open in this sentence


@dataclass(frozen=True)
class AnnotatedArticle:
    """An article of the comparison and its annotated sentences."""

    id: int
    article: Article
    sentences: tuple[AnnotatedSentence, ...]
    title_content: frozenset[str] = frozenset()  # the headline's stemmed content words

    @property
    def compared(self) -> ComparedArticle:
        return ComparedArticle(self.id, self.article)


@dataclass(frozen=True)
class AnnotatedStory:
    """Every article of a comparison, each sentence annotated once."""

    articles: tuple[AnnotatedArticle, ...]
    _by_id: dict[int, AnnotatedArticle] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {item.id: item for item in self.articles})

    @property
    def compared(self) -> tuple[ComparedArticle, ...]:
        return tuple(item.compared for item in self.articles)

    def article(self, article_id: int) -> AnnotatedArticle:
        return self._by_id[article_id]

    def sentence(self, ref: SentenceRef) -> AnnotatedSentence:
        return self._by_id[ref.article].sentences[ref.index]

    def sentences(self) -> Iterator[AnnotatedSentence]:
        """Every sentence, article by article."""
        for item in self.articles:
            yield from item.sentences


def annotate(articles: Sequence[ComparedArticle]) -> AnnotatedStory:
    """Read every sentence of the story once; the named-entity model runs over all of them in one batch."""
    texts = [sentence for item in articles for sentence in item.article.sentences]
    found = iter(mentions(texts))
    annotated = []
    for item in articles:
        named = [next(found) for _ in item.article.sentences]
        quotes: dict[int, list[Quote]] = {}
        for quote in extract_quotes(item, named):
            quotes.setdefault(quote.sentence, []).append(quote)
        sentences = tuple(
            annotate_sentence(
                SentenceRef(item.id, index),
                text,
                item.article.source,
                item.article.published_date,
                mentions=named[index],
                quotes=quotes.get(index, ()),
            )
            for index, text in enumerate(item.article.sentences)
        )
        title_content = sentence_evidence(item.article.title).content if item.article.title else frozenset()
        annotated.append(AnnotatedArticle(item.id, item.article, sentences, title_content))
    return AnnotatedStory(tuple(annotated))


def annotate_sentence(
    ref: SentenceRef,
    text: str,
    source: str,
    published: date | None,
    mentions: Sequence[Mention] = (),
    quotes: Sequence[Quote] = (),
) -> AnnotatedSentence:
    """Read one sentence; its named entities and quotations come from the story-wide passes of `annotate`."""
    dates = tuple(extract_dates(text, published))
    return AnnotatedSentence(
        ref=ref,
        text=text,
        source=source,
        published=published,
        evidence=sentence_evidence(text),
        figures=tuple(extract_figures(text)),
        dates=dates,
        event_days=event_days(dates),
        mentions=tuple(mentions),
        names=_names(text),
        places=frozenset(match["place"].casefold() for match in _PLACE.finditer(text)) - NOT_NAME_WORDS,
        words=tuple(LOWER_WORD.findall(text.lower())),
        terms=frozenset(LOWER_WORD_OR_NUMBER.findall(text.lower().replace("n't", " n't"))),
        quotes=tuple(quotes),
    )


def _names(text: str) -> frozenset[str]:
    """Capitalised words other than the sentence's first: the people, places and bodies it names."""
    names = set()
    for match in CAPITALISED_WORD.finditer(text):
        word = match.group(0).removesuffix("'s").removesuffix("’s").casefold()
        if match.start() == 0 or word in NOT_NAME_WORDS:
            continue
        names.add(word)
    return frozenset(names)
