"""Tests of figure extraction: what counts as a figure, the range its wording allows, and what it counts."""

from __future__ import annotations

import pytest

from newsprism.nlp.figures import Figure, extract_figures


def only_figure(sentence: str) -> Figure:
    figures = extract_figures(sentence)
    assert len(figures) == 1, figures
    return figures[0]


RANGES: list[tuple[str, str, float, float | None, float | None]] = [
    # sentence, figure text, value, low, high
    ("More than 4,000 residents of the north bank were evacuated.", "More than 4,000 residents of the north bank", 4000, 4000, None),
    ("About 3,500 people woke up in shelters.", "About 3,500 people", 3500, 3150, 3850),
    ("Some 4,200 people were forced from their homes.", "Some 4,200 people", 4200, 3780, 4620),
    ("Nearly 40 people died.", "Nearly 40 people", 40, 36, 40),
    ("At least 30 civilians were treated.", "At least 30 civilians", 30, 30, None),
    ("Water up to two metres deep filled the streets.", "up to two metres", 2, None, 2),
    ("Thousands of terrified families fled.", "Thousands of terrified families", 2000, 2000, 9999),
    ("Dozens of protesters were arrested.", "Dozens of protesters", 24, 24, 99),
    ("Hundreds of evacuees spent the night on camp beds.", "Hundreds of evacuees", 200, 200, 999),
    ("A few thousand people took part in the march.", "A few thousand people", 2000, 2000, 5999),
    ("Tens of thousands marched.", "Tens of thousands", 20000, 20000, 99999),
    ("Between 30 and 40 people were hurt.", "Between 30 and 40 people", 30, 30, 40),
    ("Police said 30-40 people were hurt.", "30-40 people", 30, 30, 40),
    ("Two or three men ran off.", "Two or three men", 2, 2, 3),
    ("62 people were arrested.", "62 people", 62, 62, 62),
    ("Four thousand residents were moved.", "Four thousand residents", 4000, 4000, 4000),
    ("Twelve soldiers were hurt.", "Twelve soldiers", 12, 12, 12),
    ("A dozen shops were smashed.", "A dozen shops", 12, 12, 12),
    ("Twenty-three hostages were freed.", "Twenty-three hostages", 23, 23, 23),
    ("Two hundred and fifty protesters gathered.", "Two hundred and fifty protesters", 250, 250, 250),
    ("Half a million people marched.", "Half a million people", 500_000, 500_000, 500_000),
    ("About 1.2 million people voted.", "About 1.2 million people", 1_200_000, 1_080_000, 1_320_000),
    ("The fund holds 12 million marks.", "12 million marks", 12e6, 11.5e6, 12.5e6),
    ("They waited for 40 or so people.", "40 or so people", 40, 36, 44),
    ("He invited 20-odd guests.", "20-odd guests", 20, 20, 22),
]


@pytest.mark.parametrize(("sentence", "text", "value", "low", "high"), RANGES)
def test_a_figure_reads_as_written_with_the_range_its_wording_allows(
    sentence: str, text: str, value: float, low: float | None, high: float | None
) -> None:
    figure = only_figure(sentence)
    assert (figure.text, figure.value, figure.low, figure.high) == (text, value, low, high)


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("More than 80 rioters were arrested.", "more than"),
        ("About 5,000 people joined.", "about"),
        ("At least 45 cubic metres a second.", "at least"),
        ("Up to 300 troops were sent.", "up to"),
        ("Nearly 4,000 residents were moved.", "nearly"),
        ("Fewer than 20 people came.", "fewer than"),
        ("An estimated 300 people came.", "an estimated"),
        ("Just under 100 people came.", "just under"),
        ("62 people were arrested.", None),
    ],
)
def test_the_qualifier_is_kept_in_lower_case(sentence: str, qualifier: str | None) -> None:
    assert only_figure(sentence).qualifier == qualifier


@pytest.mark.parametrize(
    ("sentence", "unit", "kind"),
    [
        ("4,000 residents were evacuated.", "residents", "count"),
        ("Some 4,200 people were forced from their homes.", "people", "count"),
        ("The quake killed 12 people.", "people", "count"),
        ("The blast, killing 12, shook the town.", "killed", "count"),
        ("The death toll rose to 15.", "killed", "count"),
        ("Twelve were injured.", "injured", "count"),
        ("12 dead and rising.", "killed", "count"),
        ("12 deaths were recorded.", "killed", "count"),
        ("30 wounded were taken away.", "injured", "count"),
        ("300 homes were flooded.", "homes", "count"),
        ("Two police vans burned.", "vans", "count"),
        ("Police said 40 police officers were hurt.", "officers", "count"),
        ("Turnout was 61.2 percent.", "percent", "percent"),
        ("Prices rose 3 per cent.", "percent", "percent"),
        ("Unemployment hit 12%.", "percent", "percent"),
        ("Support fell 4 percentage points.", "percentage points", "percent"),
        ("The firm raised $4.2bn.", "dollars", "money"),
        ("The bill came to £12m.", "pounds", "money"),
        ("The fund holds €5 million.", "euros", "money"),
        ("The city paid 310 million crowns.", "crowns", "money"),
        ("The road runs 40 km to the border.", "km", "measure"),
        ("A 300-metre section collapsed.", "m", "measure"),
        ("A 6m wall stood there.", "m", "measure"),
        ("A minimum flow of 45 cubic metres per second was agreed.", "m3/s", "measure"),
        ("It was a 7.8-magnitude quake.", "magnitude", "measure"),
        ("After four days of rain the river rose.", "days", "duration"),
        ("They signed a 30-year lease.", "years", "duration"),
        ("A two-day strike began.", "days", "duration"),
    ],
)
def test_the_unit_is_normalised(sentence: str, unit: str, kind: str) -> None:
    figure = only_figure(sentence)
    assert (figure.unit, figure.kind) == (unit, kind)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The firm raised $4.2bn.", 4.2e9),
        ("The bill came to £12m.", 12e6),
        ("About 4.5m people voted.", 4.5e6),
        ("It cost US$40.", 40),
        ("The city paid 310 million crowns.", 310e6),
    ],
)
def test_money_and_millions_are_read_in_full(sentence: str, value: float) -> None:
    assert only_figure(sentence).value == value


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("More than 4,000 residents of the north bank of Lorvenne were evacuated.", "of the north bank"),
        ("Thousands of people on both banks fled.", "on both banks"),
        ("Some 12,000 farms in the south of the country depend on the river.", "in the south"),
        ("About 3,500 people from Lorvenne's north bank woke up in shelters.", "from Lorvenne's north bank"),
        ("12 wounded in Monday shootings.", None),
        ("62 people were arrested in the evening.", None),
    ],
)
def test_the_scope_is_the_place_phrase_after_the_noun(sentence: str, scope: str | None) -> None:
    assert only_figure(sentence).scope == scope


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("62 people were arrested, police said.", "arrested"),
        ("Dozens of protesters were arrested.", "arrested"),
        ("Nearly 4,000 residents were moved to safety overnight.", "displaced"),
        ("Thousands of terrified families fled their homes.", "displaced"),
        ("About 5,000 people joined the march.", "participated"),
        ("The trouble erupted after thousands marched against the plan.", "participated"),
        ("Hospitals treated at least 30 civilians, mostly for tear gas.", "injured"),
        ("Police said 14 officers had been injured, one of them seriously.", "injured"),
        ("Three people were reportedly shot to death.", "killed"),
        ("The government has approved 15 million marks in emergency funding.", "aid"),
        ("The army deployed 40 boats.", None),
        ("The three who voted against the death penalty left.", None),
    ],
)
def test_the_event_is_what_happened_to_what_is_counted(sentence: str, event: str | None) -> None:
    assert only_figure(sentence).event == event


def test_each_figure_in_a_sentence_gets_its_own_event() -> None:
    figures = extract_figures("More than 80 rioters were arrested and 23 officers were injured.")
    assert [(figure.value, figure.event) for figure in figures] == [(80, "arrested"), (23, "injured")]


def test_a_verb_right_before_a_number_names_its_event() -> None:
    figures = extract_figures("A second quake, killing 12 and injuring 40, hit the coast.")
    assert [(figure.value, figure.unit) for figure in figures] == [(12, "killed"), (40, "injured")]


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("4,000 residents were evacuated.", "population"),
        ("Thousands of terrified families fled.", "population"),
        ("About 15,000 farming families depend on the river.", "farming"),
        ("More than 20,000 farmers rely on the Mirel.", "farming"),
        ("More than 80 rioters were arrested.", "crowd"),
        ("23 officers were injured.", "security"),
        ("62 people were arrested.", "people"),
    ],
)
def test_counted_people_fall_into_broad_groups(sentence: str, group: str) -> None:
    assert only_figure(sentence).group == group


@pytest.mark.parametrize(
    ("sentence", "value", "person"),
    [
        ('"It is all gone," sobbed Vera Kolar, 64, as she queued.', 64, "Vera Kolar"),
        ("Taxi driver Milan Ostrowski, 41, watched his car float away.", 41, "Milan Ostrowski"),
        ("James J. Smith, 20, was killed.", 20, "James J. Smith"),
        ("The victim, a 64-year-old woman, was named.", 64, "woman"),
        ("He was later identified as 24-year-old Michael Lorenzo.", 24, "Michael Lorenzo"),
        ("A five-year-old was hurt.", 5, None),
        ("Jan Novak, aged 71, died.", 71, "Jan Novak"),
        ("The driver was 64 years old.", 64, None),
    ],
)
def test_ages_are_figures_with_unit_age_and_the_person(sentence: str, value: float, person: str | None) -> None:
    figure = only_figure(sentence)
    assert (figure.unit, figure.kind, figure.value, figure.noun) == ("age", "age", value, person)


def test_a_list_of_ages_stays_ages() -> None:
    figures = extract_figures("The other victims, ages 13, 17 and 19, were treated for minor injuries.")
    assert [(figure.value, figure.unit) for figure in figures] == [(13, "age"), (17, "age"), (19, "age")]


NOT_FIGURES: list[str] = [
    "A report commissioned in 2019 warned the council.",
    "The 2019 recommendations were dropped.",
    "I think 2014 was the safest year on record.",
    "It was the third time the river flooded.",
    "She finished 3rd and then 21st.",
    "The town grew in the 1990s.",
    "The meeting ended at 6 p.m. and resumed at 18:30.",
    "The shooting happened at 6pm.",
    "The wall gave way shortly after two in the morning.",
    "The river rose on March 3 and again on 3 March 2026.",
    "The vote is on Sept. 16 in Nairobi.",
    "Anyone with information should call 252-972-1411.",
    "Call the hotline on 020 7946 0958 or +44 20 7946 0958.",
    "He lives at 12 Quay Street.",
    "The prime minister lives at No. 10.",
    "They drove down Route 66 in a Boeing 737.",
    "Covid-19 reached the G7 summit.",
    "The shooting happened in the 1200 block of Main Street.",
    "Police said one of them was seriously hurt.",
    "One senior official said the talks were over.",
    "The aunt drove to the 7-Eleven to call for help.",
    "It holds about a third of the country's trade.",
    "Copyright 2017 WLOX.",
    "No deaths had been reported.",
]


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_years_dates_times_ordinals_codes_and_phone_numbers_are_not_figures(sentence: str) -> None:
    assert extract_figures(sentence) == []


def test_an_earlier_value_in_a_change_is_not_the_figure() -> None:
    figures = extract_figures("The death toll rose from 12 to 15 on Tuesday.")
    assert [(figure.value, figure.unit) for figure in figures] == [(15, "killed")]


def test_a_bare_number_without_a_noun_has_no_unit() -> None:
    figures = extract_figures("Police said 64 people had been arrested, up from an earlier figure of 62.")
    assert [(figure.value, figure.unit) for figure in figures] == [(64, "people"), (62, None)]


@pytest.mark.parametrize("sentence", [sentence for sentence, *_ in RANGES])
def test_the_span_points_at_the_text(sentence: str) -> None:
    for figure in extract_figures(sentence):
        start, end = figure.span
        assert sentence[start:end] == figure.text
