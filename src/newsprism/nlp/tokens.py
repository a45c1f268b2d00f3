"""The word tokenisers of the analysers, named by what they keep. Each is tuned to its use (a figure kept
whole, a hyphen kept or not), so they stay apart; here each is defined once."""

from __future__ import annotations

import re

# Runs of letters and digits: "U.S." is "U", "S" (shingles of near-duplicates, outlets' names).
ALPHANUMERIC_RUN = re.compile(r"[^\W_]+")
# Words that keep their hyphens and apostrophes: "rebel-held", "Lind's" (framing terms).
JOINED_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# Words and numbers that keep their decimal point or thousands comma: "4,000", "3.5", "it's" (the lexical
# evidence of the same-claim score).
WORD_OR_NUMBER = re.compile(r"[^\W_]+(?:[.,'][^\W_]+)*")
# A word of a story's vocabulary: letters, or a number of digits, commas and points (term vectors).
TERM = re.compile(r"[^\W\d_][\w'-]*[^\W_]|\d[\d,.]*\d|\d")
# In lower-cased text: words and digit runs, a hyphen or apostrophe inside (summary wording).
LOWER_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")
# In lower-cased text: words, and numbers kept whole (the polarity of statements).
LOWER_WORD_OR_NUMBER = re.compile(r"[a-z][a-z'-]*|\d[\d,.]*")
# Latin words of two letters or more (the words around a date).
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
# A capitalised word and its possessive: "Lorvenne's" (the names a sentence gives).
CAPITALISED_WORD = re.compile(r"\b[A-Z][\w-]*(?:['’]s)?")
