"""Words that say what a person is, beside office titles, and the words that tell a person's gender."""

from __future__ import annotations

# What a person is besides an office: occupations, relations, roles ("restaurant owner X", "X, a nurse",
# "his wife"). Entity labels (LABEL_ROLE_NOUNS) and the attributions of quotations (ATTRIBUTION_ROLE_NOUNS,
# beside ATTRIBUTION_TITLE_HEADS) were tuned with different lists; reconciling them changes outputs.
_SHARED_ROLE_NOUNS = frozenset(
    """activist analyst author banker businessman businesswoman campaigner candidate daughter
    demonstrator doctor driver economist editor engineer entrepreneur expert farmer firefighter
    grandfather grandmother investor journalist lawyer monk mother negotiator neighbor neighbour
    nurse organiser organizer owner paramedic pastor pensioner photographer player politician priest
    protester reporter researcher resident scientist shopkeeper soldier son student survivor teacher
    trader veteran victim volunteer witness worker writer""".split()
)
LABEL_ROLE_NOUNS = _SHARED_ROLE_NOUNS | frozenset(
    """adviser advisor aide captain cleric coach commander diplomat executive father fighter founder
    lawmaker legislator manager militant officer official rescuer spokesman spokesperson spokeswoman
    widow""".split()
)
ATTRIBUTION_ROLE_NOUNS = _SHARED_ROLE_NOUNS | frozenset(
    """actor actress anchor artist athlete aunt baker blogger boyfriend brother builder butcher
    carpenter cashier challenger chef cleaner clerk colleague columnist commentator commuter
    consultant contender cousin critic docker dockworker donor electrician employee fisherman
    fisherwoman friend frontrunner girlfriend graduate granddaughter grandson grower guard herder
    historian homeowner hopeful host husband incumbent janitor laborer labourer landlord lecturer
    lobbyist mechanic midwife miner motorist mourner musician nominee novelist nun partner passenger
    physician pilot plumber pollster producer psychologist pundit pupil rancher rival sailor scholar
    shopowner singer sister sportsman sportswoman steward strategist supporter surgeon teammate
    tenant uncle vicar waiter waitress wife winemaker""".split()
)
FEMALE_WORDS = frozenset(
    """spokeswoman chairwoman businesswoman congresswoman councilwoman sportswoman fisherwoman mother wife
    grandmother daughter sister aunt actress queen princess waitress nun girlfriend granddaughter
    widow""".split()
)
MALE_WORDS = frozenset(
    """spokesman chairman businessman congressman councilman sportsman fisherman father husband grandfather
    son brother uncle king prince boyfriend grandson widower monk""".split()
)
# Plural nouns that stand where a speaker's name would and name nobody ("Police said: …").
GROUP_NOUNS = frozenset(
    """police officials witnesses residents authorities experts analysts critics officers protesters
    organisers organizers sources doctors locals diplomats ministers investigators prosecutors rescuers
    firefighters neighbours neighbors""".split()
)
# Pronouns that can stand as the subject of a clause.
SUBJECT_PRONOUNS = frozenset("he she it they we i you".split())
# Personal pronouns that stand for one person, and the gender each says.
PERSONAL_PRONOUNS = {"he": "m", "she": "f"}
