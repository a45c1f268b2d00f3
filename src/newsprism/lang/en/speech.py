"""Verbs of saying: what makes a quotation's attribution ("she said") and a reported statement."""

from __future__ import annotations

# The commonest, which entity labels also take for the verb that ends a description ("said Ilya Varenko").
COMMON_SPEECH_VERBS = frozenset(
    """acknowledged added adds admits admitted announced argued asked asks claimed complained conceded
    confirmed continued cried declared denied explained insisted joked noted recalled replied said
    says shouted sobbed stated tells told urged warned warns wrote""".split()
)
SPEECH_VERBS = COMMON_SPEECH_VERBS | frozenset(
    """agreed announces answered argues blasted boasted cautioned claims complains concluded confirms
    countered declares demanded emphasised emphasized exclaimed explains fumed groaned insists
    interjected lamented laughed maintained mused notes observed pleaded posted predicted proclaimed
    promised promises quipped raged recalls recounted reiterated remarked replies responded responds
    say scoffed screamed sighed snapped sneered states stressed stresses suggested testified
    thundered tweeted urges vowed vows wailed whispered wondered writes yelled""".split()
)
# "…, saying: …": the participles that hand a clause's subject to a quotation.
SPEECH_PARTICIPLES = frozenset(
    "saying adding writing claiming noting arguing warning insisting declaring stating explaining".split()
)
# Verbs that put words to someone or something, so that their subject speaks the quotation after them:
# `Renner called the plan "a betrayal"`, `Perry accused Obama of "waging war on religion"`, `Lind referred
# to the envoy as "a courier"`; the -ing forms hand the clause's subject over as SPEECH_PARTICIPLES do.
CHARACTERISING_VERBS = frozenset(
    "accused branded called calls described dubbed labeled labelled referred termed".split()
)
CHARACTERISING_PARTICIPLES = frozenset(
    "accusing branding calling describing dubbing labeling labelling terming".split()
)
# Verbs of a stance taken in words: one who "criticized" or "accused" someone said something.
STANCE_VERBS = frozenset(
    """accused attacked blamed blasted challenged condemned criticised criticized defended denounced
    dismissed hammered mocked praised questioned rejected slammed thanked""".split()
)
# Verbs of addressing or describing someone that, like speech verbs, stand right before a name ("met X").
ADDRESS_VERBS = frozenset(
    "met called rang phoned visited praised thanked criticised criticized accused described".split()
)
# Verbs and occasions that date a statement rather than an event: "said on Monday", "told a news
# conference on Tuesday".
STATEMENT_VERBS = frozenset("said says say told tells announced confirmed added stated reported".split())
STATEMENT_NOUNS = frozenset("statement conference briefing interview".split())
