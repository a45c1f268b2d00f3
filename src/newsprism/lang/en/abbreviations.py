"""Abbreviations whose period does not, or need not, end a sentence."""

from __future__ import annotations

from newsprism.lang.en.calendar import MONTH_ABBREVIATIONS

# Titles and the like always precede something, so their period never ends a sentence ("Gen." only, not
# "gen.").
NEVER_FINAL = frozenset(
    """Mr Mrs Ms Mx Dr Prof Gov Sen Sens Rep Reps Gen Gens Lt Col Maj Capt Sgt Adm Cmdr Cmdt Rev Mt Ft Hon
    Pres Supt Det Insp Cpl Pvt Fr Messrs Mme Mlle Atty Vs vs v e.g E.g i.e I.e cf viz incl esp""".split()
)
# Abbreviations that usually sit mid-sentence but can also close one ("based in the U.S.").
MAY_END = frozenset(
    "St Ave Blvd Rd Jr Sr Inc Ltd Co Corp Bros Dept Univ Gov't etc est approx al a.m p.m".split()
) | frozenset(abbreviation.capitalize() for abbreviation in MONTH_ABBREVIATIONS)
