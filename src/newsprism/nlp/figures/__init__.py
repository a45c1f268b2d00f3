"""Figures stated in a sentence (counts, money, shares, measures, ages) and the range each phrase implies.

extract.py reads them: numbers.py the number and its qualifier, exclusions.py what is no figure, ages.py
the ages of people, counted.py what is counted; lexicon.py holds their words.
"""

from newsprism.nlp.figures.extract import extract_figures
from newsprism.nlp.figures.figure import Figure, FigureKind

__all__ = ["Figure", "FigureKind", "extract_figures"]
