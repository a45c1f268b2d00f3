"""Words that make a capitalised run an organisation ("Dockworkers' Union") or a place ("Qarvel Dam")
rather than a person."""

from __future__ import annotations

# Head words by which entities are typed: the last word of "Dockworkers' Union" makes it an organisation.
ORG_HEADS = frozenset(
    """agency alliance army association authority bank board church club college commission committee
    company corp corporation council courier court department federation foundation front fund
    gazette group herald hospital inc institute journal league logistics ltd ministry movement navy
    network news office organisation organization party plc police post school service society star
    times tribune trust union university wire""".split()
)
PLACE_HEADS = frozenset(
    """airport avenue bay boulevard bridge canal city coast county dam delta desert district forest
    gulf harbor harbour highlands hill hills island islands lake lane mountain mountains ocean park
    peninsula plain plains port province quay region reservoir river road row sea square state
    station strait street town valley village way""".split()
)
# More words of institutions, bodies, media and venues ("House", "Senate", "Telegraph", "Command"): enough to
# tell that a run names no person, too loose to type an entity by ("United States" is no organisation).
INSTITUTION_WORDS = frozenset(
    """administration campaign capital cathedral caucus center centre channel clarion coalition command
    conference congress convention force forces government guard hall house institution kingdom llc
    magazine market museum parliament press program programme radio republic reserve review senate
    show states summit telegraph television terminal""".split()
)
# What an organisation speaks through: "a defence ministry statement said", "a spokesman for the ministry".
MOUTHPIECE_NOUNS = frozenset(
    """statement release communique announcement readout post tweet letter memo notice filing resolution
    spokesman spokeswoman spokesperson""".split()
)
