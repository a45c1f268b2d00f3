"""What is not a name: the capitalised words that open a sentence or a run of names without naming anyone,
and the small words inside names."""

from __future__ import annotations

from newsprism.lang.en.calendar import MONTH_WORDS, WEEKDAY_WORDS

# Capitalised at the start of a sentence or run, but no part of a name: "However", "Police", "Tuesday".
NOT_NAME_WORDS = (
    frozenset(
        """a an the this that these those he she it they we i you his her its their our my your there here
        of in on at for by from with to as since after before when while if although though but and or so
        yet then now still however meanwhile according plus also even just only today tonight yesterday
        tomorrow last next other asked some many most both each one two three four five several mr mrs ms
        dr state police officials government""".split()
    )
    | MONTH_WORDS
    | WEEKDAY_WORDS
)
# Particles inside names: "Ursula von der Leyen", "Mohammed bin Salman".
NAME_PARTICLES = ("de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "dos", "das", "la",
                  "le", "bin", "ibn", "al", "el")  # fmt: skip
# Generation marks after a surname: "Robert S. Mueller III".
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
