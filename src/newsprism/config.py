"""Defaults shared by the CLI and the library, in a module light enough for the CLI to import at start."""

# Words in a comparison's summary, at most: near the median length, 56 words, of the
# AllSides editors' neutral roundups of NeuS validation (bench/neus.py).
DEFAULT_SUMMARY_WORDS = 60

# SQLite's largest integer: an id beyond it names no row (and cannot even be looked up).
MAX_ID = 2**63 - 1
