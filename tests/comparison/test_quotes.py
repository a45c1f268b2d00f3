"""Direct quotations: extraction, speakers, matching across outlets, cut quotes and attribution conflicts."""

from __future__ import annotations

import json
from typing import Any

import pytest

import newsprism
from newsprism.comparison.quotes import extract_quotes, find_quote_conflicts, match_quotes, omitted_words
from newsprism.comparison.speakers import same_person
from newsprism.models import Article, ComparedArticle, Conflict, Quote
from newsprism.nlp.ner import mentions
from newsprism.nlp.sentences import split_sentences
from tests.helpers import EXAMPLES, straight

PLANTED = json.loads((EXAMPLES / "planted.json").read_text(encoding="utf-8"))


def _article(text: str, article_id: int = 1, source: str = "Test Wire") -> ComparedArticle:
    sentences = tuple(split_sentences(text))
    return ComparedArticle(article_id, Article(source=source, title="t", text=text, sentences=sentences))


def _quotes(article: ComparedArticle) -> list[Quote]:
    """The article's quotations as a comparison finds them, with the named-entity model's mentions."""
    return extract_quotes(article, mentions(list(article.article.sentences)))


def _found(text: str) -> list[tuple[str | None, str]]:
    return [(quote.speaker, quote.text) for quote in _quotes(_article(text))]



# --- extraction: marks, spans, splits ------------------------------------------------------------

EXTRACTION_CASES: list[tuple[str, str, list[tuple[str | None, str]]]] = [
    (
        "straight marks, inverted attribution with a title",
        '"We will rebuild the bridge by spring," said Mayor Mirela Sandor.',
        [("Mirela Sandor", "We will rebuild the bridge by spring")],
    ),
    (
        "curly marks",
        "\u201cWe will rebuild the bridge by spring,\u201d said Mirela Sandor.",
        [("Mirela Sandor", "We will rebuild the bridge by spring")],
    ),
    (
        "British single marks",
        "'We will rebuild the bridge by spring,' said Mirela Sandor.",
        [("Mirela Sandor", "We will rebuild the bridge by spring")],
    ),
    (
        "apostrophes inside British single marks",
        "'The dockers' jobs are not for sale and we won't back down,' said Pavla Renner.",
        [("Pavla Renner", "The dockers' jobs are not for sale and we won't back down")],
    ),
    (
        "curly single marks with a curly apostrophe",
        "\u2018We don\u2019t know when the water will go down,\u2019 said Ilya Varenko.",
        [("Ilya Varenko", "We don\u2019t know when the water will go down")],
    ),
    (
        "split quotation interrupted by its attribution is one quotation",
        'Mayor Mirela Sandor toured the shelters. "We will rebuild," she said, "and we will not abandon the north bank."',
        [("Mirela Sandor", "We will rebuild, and we will not abandon the north bank")],
    ),
    (
        "several sentences inside one pair of marks",
        '"The water rose fast. We had no warning at all," said Jana Petrik.',
        [("Jana Petrik", "The water rose fast. We had no warning at all")],
    ),
    (
        "a paragraph left open continues in the next one that reopens the mark",
        'Jana Petrik said: "We were told for years this would happen.\n\n"Now there will have to be money, but it will be spent on mud."',
        [("Jana Petrik", "We were told for years this would happen. Now there will have to be money, but it will be spent on mud")],
    ),
    (
        "British marks left open at a paragraph end continue in the next one",
        "Jana Petrik said: 'We were told for years this would happen.\n\n'Now there will have to be money, but it will be spent on mud.'",
        [("Jana Petrik", "We were told for years this would happen. Now there will have to be money, but it will be spent on mud")],
    ),
    (
        "a paragraph that does not reopen the mark ends the quotation",
        'Jana Petrik said: "We were told for years this would happen.\n\nThe council did not reply to requests for comment.',
        [("Jana Petrik", "We were told for years this would happen")],
    ),
    (
        "a closing mark with its space misplaced still closes the quotation when the later marks pair",
        'Pavla Renner said, "The lease was signed in secret. It must be torn up. "Renner spoke at the gates, where the union had painted "Not For Sale" on a crane.',
        [("Pavla Renner", "The lease was signed in secret. It must be torn up")],
    ),
    (
        "question mark kept, full stop dropped",
        '"Who will pay for the new embankment?" asked Jana Petrik.',
        [("Jana Petrik", "Who will pay for the new embankment?")],
    ),
    (
        "an ellipsis in the quoted words is kept",
        '"We have negotiated in good faith ... and the window is now closing," said Helena Lind.',
        [("Helena Lind", "We have negotiated in good faith ... and the window is now closing")],
    ),
    (
        "two quotations in one sentence joined by prose are two quotations",
        'Renner called the plan "a betrayal of every docker in the city" and the lease "a gift to Saltmarsh Logistics and nobody else".',
        [("Renner", "a betrayal of every docker in the city"), ("Renner", "a gift to Saltmarsh Logistics and nobody else")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in EXTRACTION_CASES], ids=[c[0] for c in EXTRACTION_CASES])
def test_extracts_quotation_and_speaker(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _found(text) == expected


NOT_QUOTES = [
    ("scare quote", 'Residents have called it the "no talking" rule since the flood.'),
    ("scare quote of three words", 'Officials described the repairs as "broadly on track" on Monday.'),
    ("title in marks", 'The band played "Born in the Valley Again" as the crowd sang along.'),
    ("title in single marks", "The choir sang 'Down by the Old Mill Stream' at the shelter."),
    ("plural possessive apostrophes", "The dockers' union said the workers' pay had not risen in years."),
    ("contractions", "It isn't clear why the council didn't act, and nobody's sure it'll be funded."),
    ("a leading apostrophe in a decade", "The embankment was last raised in the '90s and never again."),
    ("a programme name after told", 'Donald Trump spoke to reporters on Sunday, and he told "Today" the same thing.'),
    ("a one-word name before an attribution", 'In an interview on the "Today" show, Donald Trump told Meredith Vieira he had doubts.'),
    ("a short phrase closing a sentence with no speaker", 'Officials described the repairs as "broadly on track."'),
    ("a title closing a sentence after a speech verb", 'Pavla Renner said the choir would close the night with "Down by the Quay."'),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_QUOTES], ids=[c[0] for c in NOT_QUOTES])
def test_does_not_report_non_quotations(text: str) -> None:
    assert _found(text) == []


def test_short_quotation_next_to_a_speech_verb_is_kept() -> None:
    assert _found('"Never again," said Pavla Renner.') == [("Pavla Renner", "Never again")]


SHORT_WOVEN_QUOTES = [
    (
        "after a characterising verb",
        'Anton Weller spoke on Monday. At one point, Weller referred to a reporter as a "clown."',
        ("Anton Weller", "clown"),
    ),
    (
        "at the end of reported speech, its subject a pronoun",
        '"I wish the port had stayed open," Pavla Renner said, but she also said jobs are leaving and that '
        'the council has given the city "a terrible deal."',
        ("Pavla Renner", "a terrible deal"),
    ),
    (
        "after a participle whose clause's subject stands after a conjunction",
        'Pavla Renner spoke. The vote came after Renner publicly chided Lind on Friday, accusing the '
        'minister of having "wasted another week."',
        ("Pavla Renner", "wasted another week"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SHORT_WOVEN_QUOTES], ids=[c[0] for c in SHORT_WOVEN_QUOTES])
def test_short_quotation_closing_a_sentence_is_kept_when_its_speaker_is_named(
    text: str, expected: tuple[str, str]
) -> None:
    assert _found(text)[-1] == expected


def test_short_quotation_that_is_a_sentence_of_its_own_is_kept() -> None:
    assert _found('Renner stood on the quay. "Not one job."') == [(None, "Not one job")]


def test_a_question_put_to_someone_has_no_speaker() -> None:
    text = 'Asked point-blank, "Is that picture on the screen you?" Anton Weller replied, "You know I am not going to talk about this."'
    assert _found(text)[0] == (None, "Is that picture on the screen you?")


def test_sentence_is_where_the_quotation_opens() -> None:
    text = (
        "The river rose overnight. Thousands were moved to shelters.\n\n"
        'Jana Petrik said: "We were told for years this would happen.\n\n"Now there will have to be money."'
    )
    [quote] = _quotes(_article(text, article_id=7))
    assert (quote.article, quote.sentence) == (7, 2)


# --- speakers ------------------------------------------------------------------------------------

SPEAKER_CASES: list[tuple[str, str, str | None]] = [
    ("surname after the quote -> the fullest name", 'Mayor Mirela Sandor toured the shelters. "We will not rest until every family has a bed," Sandor said.', "Mirela Sandor"),
    ("subject with title before the verb", '"Peaceful protest is a right in this country," Interior Minister Tariq Haddadi said on Saturday.', "Tariq Haddadi"),
    ("she -> the person named in the sentence before", 'Foreign Minister Helena Lind spoke to Sergei Vantolin on Tuesday. "The window for a deal is now closing," she told reporters.', "Helena Lind"),
    ("he -> skips a person known to be a woman", 'Mr. Sergei Vantolin met the spokeswoman Tilda Marr on Monday. "We are ready to talk again next month," he said.', "Sergei Vantolin"),
    ("title -> the person named with that title", 'Interior Minister Maria Lind visited the port. "Nobody will be left to face this alone," said the interior minister.', "Maria Lind"),
    ("possessive title -> the person in apposition", 'Maria Lind, the interior minister, visited the port. "The port will reopen on Monday morning," the country\'s interior minister said.', "Maria Lind"),
    ("title -> the person who heads the ministry", 'Maria Lind flew in on Sunday. Lind, who heads the interior ministry, met the police. "There will be a full inquiry into the night," the interior minister said.', "Maria Lind"),
    ("title -> picks the right one of two ministers", 'Prime Minister Anton Grevel and Interior Minister Maria Lind visited the port. "There will be a full inquiry into the night," the interior minister said.', "Maria Lind"),
    ("lowercase role before the name", '"It was chaos, total chaos," said taxi driver Milan Ostrowski, 41.', "Milan Ostrowski"),
    ("role, then the name in apposition", '"Half of our members live on the north bank," said the club\'s captain, Erik Danel.', "Erik Danel"),
    ("name, then a role in apposition", '"The embankment did what it was built to do," said Ilya Varenko, head of the National Civil Protection Agency.', "Ilya Varenko"),
    ("told reporters", 'Police commissioner Bruno Kestel spoke on Saturday. "The port will reopen on Monday morning," Kestel told reporters.', "Bruno Kestel"),
    ("told an outlet", 'Union leader Pavla Renner was at the gates. "We were never consulted about the lease," Renner told the Meridian Wire.', "Pavla Renner"),
    ("according to", '"The port will reopen on Monday morning," according to Bruno Kestel.', "Bruno Kestel"),
    ("colon introduction", 'Union leader Pavla Renner said: "We came to defend eight hundred jobs."', "Pavla Renner"),
    ("wrote on social media", 'Tariq Haddadi wrote on social media: "Violence will never win in this city."', "Tariq Haddadi"),
    ("the sentence before ends with a colon", 'Union leader Pavla Renner said on Saturday:\n\n"We came to defend eight hundred jobs."', "Pavla Renner"),
    ("warned", '"The window for a deal is now closing," warned Helena Lind.', "Helena Lind"),
    ("insisted", '"Our members were not to blame for this," Pavla Renner insisted.', "Pavla Renner"),
    ("admitted", '"The water came up faster than anyone expected," admitted Mayor Mirela Sandor, who spent the night at the town hall.', "Mirela Sandor"),
    ("sobbed", '"Everything else is gone now," sobbed Vera Kolar, 64, as she queued for a blanket.', "Vera Kolar"),
    ("honorific dropped, fullest name", 'Michael Steele, chairman of the committee, spoke on Friday. "This is not something we wanted at all," Mr. Steele said.', "Michael Steele"),
    ("partial quotation after said", 'Helena Lind said the talks were "at a very delicate stage" and urged patience.', "Helena Lind"),
    ("a follow-on paragraph keeps the speaker", '"We were told for years this would happen," said Jana Petrik, a nurse.\n\n"Now there will have to be money, but it will be spent on mud."', "Jana Petrik"),
    ("he -> skips a sentence that opens with he", 'Bruce Braley spoke in Texas. He said Chuck Grassley would chair the committee. "You might have a farmer from Iowa who never went to law school," he said.', "Bruce Braley"),
    ("he -> the one who said something in the sentence before", 'The argument confounded Justice Anthony Kennedy and drew the ire of Justice Antonin Scalia, who said he was whipsawed. "If somebody tells you how to exercise discretion, you have none," he said.', "Antonin Scalia"),
    ("he -> the main clause, not an opening subordinate clause", 'When Mr. Joe Biden mocked the plan, Mr. Paul Ryan reminded him of his gaffes. "Sometimes the words do not come out the right way," he said.', "Paul Ryan"),
    ("he -> with no one named the subject, the person the article speaks of most", 'Anton Weller toured the port on Monday. Weller met the dockers at noon. The remarks prompted Lena Marsh to ask Weller if he had proof. He nodded, saying, "My people have seen the papers and they cannot believe it."', "Anton Weller"),
    ("a pronoun before the quotation looks back from where it stands", 'Donald Trump spoke on Sunday. He said Obama "does not have a doctrine on foreign affairs at all."', "Donald Trump"),
    ("title -> the exact title before a longer one", 'President Barack Obama and Vice President Joe Biden spoke. "If even one life can be saved, we have to try," said the president.', "Barack Obama"),
    ("title -> a role in apposition", 'Mark Sheridan, the attorney representing the campaign, confirmed the subpoenas. "We will cooperate with the inquiry fully," the attorney said.', "Mark Sheridan"),
    ("participle -> the subject of the clause", 'Mitt Romney released a statement late on Tuesday saying: "Todd Akin should step aside from the race."', "Mitt Romney"),
    ("participle -> not the nearest name", 'Elizabeth Lauten wrote an open letter to Malia Obama, saying they should "try showing a little class at events."', "Elizabeth Lauten"),
    ("colon after a clause with no speech verb", 'Joe Biden was quick to retort: "That is just a bunch of malarkey, all of it."', "Joe Biden"),
    ("party tag after the name", '"Shame on the House for failing to fund the request," Rep. Gregory Meeks, D-N.Y., said.', "Gregory Meeks"),
    ("home state after the name", '"He is putting together a comprehensive list," said Representative Mike Thompson of California, who heads a task force.', "Mike Thompson"),
    ("a name inside a role apposition is not the speaker", 'Elizabeth Lauten, the communications director for Rep. Stephen Fincher, wrote that they should "try showing a little class at events."', "Elizabeth Lauten"),
    ("the name right before the verb, not the sentence opener", 'Ben Labolt issued a statement shortly after Rick Santorum told voters that the agenda is "not about you or your quality of life."', "Rick Santorum"),
    ("a long run keeps the name, not the office", '"This was an unprecedented attack in size," said Deputy Assistant Secretary for Diplomatic Security Charlene Lamb. Her office handles diplomatic security.', "Charlene Lamb"),
    ("an org word inside a title phrase", '"Ms. Lerner remains under subpoena to appear," Oversight and Government Reform Committee chairman Ali Ahmad said.', "Ali Ahmad"),
    ("an office named by its portfolio is a title", '"We will stand by our allies," said Secretary of State Dana Lisk.', "Dana Lisk"),
    ("an office named by its portfolio is no part of the name", 'Secretary of Defense Lloyd Marsh visited the base. "The troops will stay until spring," Marsh said.', "Lloyd Marsh"),
    ("the subject of told, not the person in apposition", 'President Amara Okafor spoke on Monday. Okafor told his counterpart, Foreign Secretary Dana Lisk, in a call that "the border will stay open to aid convoys".', "Amara Okafor"),
    ("the subject of told with a portfolio office in apposition", 'Okafor told his counterpart, Secretary of State Dana Lisk, in a call that "the border will stay open to aid convoys".', "Okafor"),
    ("wrote on X, formerly Twitter, in brackets", 'Okafor wrote on X (formerly Twitter): "The border will stay open to aid convoys."', "Okafor"),
    ("an organisation's statement: the organisation", '"The border will stay open to aid convoys," a defence ministry statement said.', "defence ministry"),
    ("an organisation as the subject", 'The defence ministry said in a statement: "The border will stay open to aid convoys."', "defence ministry"),
    ("a statement from an organisation", '"The border will stay open to aid convoys," said a statement from the defence ministry.', "defence ministry"),
    ("an organisation's spokesman speaks for it", '"The border will stay open to aid convoys," a defence ministry spokesman said.', "defence ministry"),
    ("a named spokeswoman speaks for her body", '"The port will reopen on Monday," said Hana Abed, a spokeswoman for the Harbour Authority.', "Harbour Authority"),
    ("a named spokesman with the body before his role: the body's full name", 'The Lorvenne Harbour Authority met on Monday. "The port will reopen on Monday," Harbour Authority spokesman Ali Ahmad said.', "Lorvenne Harbour Authority"),
    ("a board member speaks for the body the article names", '"Most voters in both states back the plan," said Hana Abed, advisory board member for Harbour Watch Now.', "Harbour Watch Now"),
    ("a body's president speaks for herself", '"The port will reopen on Monday," said Hana Abed, the president of the Harbour Authority.', "Hana Abed"),
    ("a committee member speaks for himself", 'Rep. Anton Weller, a member of the Oversight Committee, said: "We will not rest until the port reopens."', "Anton Weller"),
    ("the ministry -> the ministry the article names", 'The Kessarian Defence Ministry met on Monday. "The border will stay open to aid convoys," the ministry said.', "Kessarian Defence Ministry"),
    ("it -> the organisation that just spoke", 'The Kessarian Defence Ministry met on Monday. "The border will stay open," the ministry said. "We will not close it to aid convoys," it said.', "Kessarian Defence Ministry"),
    ("an organisation named by its name", '"The NAACP has no place in this debate," the Tea Party Express said in a statement.', "Tea Party Express"),
    ("a ministry is not its minister", 'Maria Lind, the interior minister, spoke. "There will be a full inquiry into the night," the interior ministry said.', "interior ministry"),
    ("an organisation that spoke is no antecedent of he", 'Bruno Kestel spoke. "The port will reopen," the Harbour Authority said. "We will be back next week with more people," he said.', "Bruno Kestel"),
    ("an organisation as the subject of a clause with a participle", 'The Tea Party Coalition issued its own resolution on Monday, accusing the civil rights body of acting as a "partisan political attack dog".', "Tea Party Coalition"),
    ("a bare organisation word the article names nothing for is None", '"The border will stay open to aid convoys," the group said.', None),
    ("the next quoted clause of a sentence keeps its speaker", 'Jonas Vell spoke on Monday. Vell said the group has "no wish to escalate", but if attacked "the response will be severe".', "Jonas Vell"),
    ("a capitalised word between two quotations may be another speaker", 'Vell called the talks "a waste of everyone\'s time", and Okafor the offer "a very poor joke indeed".', None),
    ("called: its subject puts the words", 'Robert Gibbs, a campaign aide, called the remarks "well over the line of decency".', "Robert Gibbs"),
    ("what he called: the clause's subject", 'In his interview, Paul Ryan also hammered Obama for what he called his "utter failure when it comes to creating jobs."', "Paul Ryan"),
    ("accused of: its subject", 'Rick Perry accused the administration of "waging a war on people of faith".', "Rick Perry"),
    ("a passive characterising verb names no speaker", 'Obama was accused of "waging a war on people of faith".', None),
    ("he -> one who took a stance in words, not the person mentioned first", 'With the moderator, Martha Raddatz, opening the debate, Paul Ryan criticized the administration. "This is becoming more troubling by the day," he said.', "Paul Ryan"),
    ("a role capitalised at a sentence's start is no part of the name", 'Historian Alan Brinkley told reporters the reading may be "a bit of theater in the end".', "Alan Brinkley"),
    ("an organisation's words inside a clause name no speaker", '"The talks covered all the bishops," a point the diocese office denied.', None),
    ("he -> a main clause opening with a title is its holder speaking", 'Representative Anton Weller spoke on Monday. The congressman also spoke of his wife, Hana Abed, an aide to Secretary of State Helena Lind. "I am protecting my family from these stories," he told reporters.', "Anton Weller"),
    ("he -> skips a woman named with a role just before her", 'Judges heard from his wife, Hana Abed, and from Anton Weller on Monday. "I am protecting my family from these stories," he told reporters.', "Anton Weller"),
    ("a question put to the speaker is not his", 'Asked point-blank, "Is that picture on the screen you?" Anton Weller replied, "You know I am not going to talk about this."', "Anton Weller"),
    ("according to, opening the sentence", 'According to Pavla Renner, the council has "tolerated bigotry for too long and must answer for it."', "Pavla Renner"),
    ("according to, inside the clause", 'The council, according to the Harbour Workers Union, has "tolerated bigotry for too long."', "Harbour Workers Union"),
    ("an organisation named with no head word speaks", 'The LHWU issued a statement on Monday: "We will not be silenced by anyone at all."', "LHWU"),
    ("an organisation's resolution speaks for it", 'The Harbour Workers Union\'s resolution said the council had "tolerated bigotry for far too long."', "Harbour Workers Union"),
    ("a relative clause before the verb is no subject", 'Anton Weller, who leads the Harbour Watch Coalition, said: "We will not be silenced by anyone at all."', "Anton Weller"),
    ("a quotation after a sentence of reported speech is its speaker's", 'Mayor Pavla Renner said on Monday the port would reopen. "We are ready for the ships to come back."', "Pavla Renner"),
    ("a quotation after reported speech with a pronoun subject", 'Pavla Renner spoke on Monday. She said the port would reopen. "We are ready for the ships to come back."', "Pavla Renner"),
    ("a quotation after reported speech by a group has no speaker", 'Police said the man was arrested. "He was shouting at everyone in the square."', None),
    ("a quotation after reported speech with an attribution of its own keeps it", 'Mayor Pavla Renner said the port would reopen.\n\n"We will not be silenced by anyone at all," the crowd chanted.', None),
    ("an unnamed speaker is None", '"They smile on the phone and then they close the sluice gates," said one.', None),
    ("a spokesman is None", '"Prices will keep rising for the rest of the year," a spokesman said.', None),
    ("plural speakers are None", 'Police said: "Officers came under attack from a violent group."', None),
    ("no attribution at all is None", 'The river rose overnight. "The water has never been this high in living memory."', None),
    ("she with no woman named before is None", '"We will be back next week with more people," she said.', None),
    ("name inside the quotation is no antecedent", '"Kessaria has its own farmers, and Lind knows it well," she said.', None),
]


@pytest.mark.parametrize(("text", "speaker"), [c[1:] for c in SPEAKER_CASES], ids=[c[0] for c in SPEAKER_CASES])
def test_resolves_speaker(text: str, speaker: str | None) -> None:
    quotes = _quotes(_article(text))
    assert quotes, "no quotation found"
    assert quotes[-1].speaker == speaker


# --- matching ------------------------------------------------------------------------------------

FULL = "The embankment did what it was built to do, but it was built for a different river"
MATCH_CASES: list[tuple[str, str, str, bool]] = [
    ("identical", FULL, FULL, True),
    ("cut at the end", FULL, "The embankment did what it was built to do", True),
    ("cut at the start", FULL, "it was built for a different river", True),
    ("cut in the middle with ...", FULL, "The embankment did what it was built to do ... for a different river", True),
    ("cut in the middle without ...", FULL, "The embankment did what it was built to do for a different river", True),
    ("different punctuation and case", FULL, "the embankment did what it was built to do. But it was built for a different river!", True),
    ("a different quotation", FULL, "We will not rest until every family has a dry bed tonight", False),
    ("sharing only some words", FULL, "The embankment failed because it was never raised", False),
    ("editors' brackets inside words", "We write to inform you that we will not agree", "[W]e write to inform you that we will not agree", True),
    ("short quotations must be equal", "Never again", "Never again", True),
    ("short quotations that differ", "Never again", "Not again", False),
]


@pytest.mark.parametrize(("first", "second", "same"), [c[1:] for c in MATCH_CASES], ids=[c[0] for c in MATCH_CASES])
def test_matches_same_quotation_across_articles(first: str, second: str, same: bool) -> None:
    quotes = match_quotes([Quote(None, first, 1, 0), Quote(None, second, 2, 0)])
    assert (quotes[0].group is not None and quotes[0].group == quotes[1].group) is same


def test_quotation_in_one_article_only_keeps_no_group() -> None:
    quotes = match_quotes([Quote(None, FULL, 1, 0), Quote(None, FULL, 1, 4), Quote(None, "Something else entirely said here", 2, 0)])
    assert [quote.group for quote in quotes] == [None, None, None]


def test_groups_are_numbered_from_one_in_input_order() -> None:
    other = "We will not rest until every family has a dry bed tonight"
    quotes = match_quotes([Quote(None, other, 1, 0), Quote(None, FULL, 1, 1), Quote(None, FULL, 2, 0), Quote(None, other, 2, 1)])
    assert [quote.group for quote in quotes] == [1, 2, 2, 1]


# --- cut quotations ------------------------------------------------------------------------------

OMITTED_CASES: list[tuple[str, str, str, list[str]]] = [
    ("end", FULL, "The embankment did what it was built to do", ["but it was built for a different river"]),
    ("start", FULL, "it was built for a different river", ["The embankment did what it was built to do, but"]),
    (
        "middle with ...",
        "We have negotiated in good faith for three years, we have moved on every point that was put to us, and the window for a deal is now closing",
        "We have negotiated in good faith for three years ... and the window for a deal is now closing",
        ["we have moved on every point that was put to us"],
    ),
    ("middle without ...", FULL, "The embankment did what it was built for a different river", ["to do, but it was built"]),
    ("two places", "one two three four five six seven eight nine ten eleven twelve", "four five six ten eleven twelve", ["one two three", "seven eight nine"]),
    ("nothing dropped", FULL, FULL, []),
    ("one or two words are no cut", FULL, "The embankment did what it was built to do, it was built for a different river", []),
]


@pytest.mark.parametrize(("full", "cut", "omitted"), [c[1:] for c in OMITTED_CASES], ids=[c[0] for c in OMITTED_CASES])
def test_omitted_words_are_the_exact_dropped_words(full: str, cut: str, omitted: list[str]) -> None:
    assert omitted_words(full, cut) == omitted


def test_cut_quotation_is_a_quote_conflict() -> None:
    quotes = [Quote("Ilya Varenko", FULL, 1, 5), Quote("Ilya Varenko", "The embankment did what it was built to do", 2, 3)]
    [conflict] = find_quote_conflicts(quotes, {1: "Meridian Wire", 2: "The Daily Clarion"})
    assert conflict.kind == "quote"
    assert conflict.values == {
        "1": FULL,
        "2": "The embankment did what it was built to do",
        "omitted": {"2": "but it was built for a different river"},
    }
    assert conflict.description == (
        'Meridian Wire quotes Ilya Varenko in full; The Daily Clarion cuts "but it was built for a different river"'
    )
    assert [(ref.article, ref.index) for ref in conflict.sentences] == [(1, 5), (2, 3)]


def test_quote_conflict_values_are_json_serialisable() -> None:
    quotes = [Quote(None, FULL, 1, 5), Quote(None, "The embankment did what it was built to do", 2, 3)]
    [conflict] = find_quote_conflicts(quotes, {1: "A", 2: "B"})
    assert json.loads(json.dumps(conflict.values)) == conflict.values


def test_every_outlet_that_cuts_is_listed() -> None:
    quotes = [
        Quote("Ilya Varenko", FULL, 1, 5),
        Quote("Ilya Varenko", "The embankment did what it was built to do", 2, 3),
        Quote(None, "it was built for a different river", 3, 0),
    ]
    [conflict] = find_quote_conflicts(quotes, {1: "Meridian Wire", 2: "The Daily Clarion", 3: "Ostra Valley Times"})
    assert conflict.values["omitted"] == {
        "2": "but it was built for a different river",
        "3": "The embankment did what it was built to do, but",
    }
    assert conflict.description.startswith("Meridian Wire quotes Ilya Varenko in full; The Daily Clarion cuts")


def test_quotation_without_a_speaker_is_described_by_its_words() -> None:
    quotes = [Quote(None, FULL, 1, 5), Quote(None, "The embankment did what it was built to do", 2, 3)]
    [conflict] = find_quote_conflicts(quotes, {1: "Meridian Wire", 2: "The Daily Clarion"})
    assert conflict.description.startswith('Meridian Wire quotes "The embankment did what it was built to do, but it was …" in full')


def test_given_groups_are_used_as_they_are() -> None:
    quotes = [Quote("A", FULL, 1, 5, group=None), Quote("B", "The embankment did what it was built to do", 2, 3, group=7)]
    assert find_quote_conflicts(quotes, {1: "Meridian Wire", 2: "The Daily Clarion"}) == []


def test_same_words_in_full_everywhere_is_no_conflict() -> None:
    quotes = [Quote("Ilya Varenko", FULL, 1, 5), Quote("Ilya Varenko", FULL, 2, 3)]
    assert find_quote_conflicts(quotes, {1: "A", 2: "B"}) == []


# --- clauses an outlet drops ---------------------------------------------------------------------

CLAUSES = 'Rebel commander Jonas Vell spoke on Monday. Vell said the group has "no wish to escalate", but if attacked "the response will be severe".'
CLAUSE_SOURCES = {1: "Harbor Gazette", 2: "Meridian Wire"}


def _clause_conflicts(full: str, other: str) -> list[Conflict]:
    quotes = _quotes(_article(full, 1, "Harbor Gazette")) + _quotes(_article(other, 2, "Meridian Wire"))
    return [c for c in find_quote_conflicts(match_quotes(quotes), CLAUSE_SOURCES) if "dropped_clauses" in c.values]


def test_an_outlet_quoting_one_clause_of_a_speakers_sentence_drops_the_others() -> None:
    [conflict] = _clause_conflicts(CLAUSES, 'Jonas Vell warned that "the response will be severe" if his fighters were attacked.')
    assert conflict.kind == "quote"
    assert conflict.values == {
        "1": "no wish to escalate ... the response will be severe",
        "2": "the response will be severe",
        "omitted": {"2": "no wish to escalate"},
        "clauses": {"1": ["no wish to escalate", "the response will be severe"]},
        "dropped_clauses": {"2": ["no wish to escalate"]},
    }
    assert conflict.description == (
        'Harbor Gazette quotes Jonas Vell: "no wish to escalate" and "the response will be severe"; '
        'Meridian Wire drops the clause "no wish to escalate"'
    )
    assert [(ref.article, ref.index) for ref in conflict.sentences] == [(1, 1), (2, 0)]
    assert json.loads(json.dumps(conflict.values)) == conflict.values


@pytest.mark.parametrize(
    "other",
    [
        'Jonas Vell said his fighters had "no wish to escalate". He added: "The response will be severe."',
        'Jonas Vell said the group had "no wish to escalate, but if attacked the response will be severe".',
    ],
    ids=["in two sentences", "in one quotation"],
)
def test_an_outlet_giving_every_clause_drops_none(other: str) -> None:
    assert _clause_conflicts(CLAUSES, other) == []


def test_an_outlet_not_quoting_the_speaker_drops_no_clause() -> None:
    assert _clause_conflicts(CLAUSES, "Jonas Vell said his fighters would defend the valley.") == []


def test_the_clause_another_outlet_credits_to_someone_else_is_no_dropped_clause() -> None:
    other = '"The response will be severe," said Defence Minister Ana Pinto.'
    assert _clause_conflicts(CLAUSES, other) == []


# --- attribution conflicts -----------------------------------------------------------------------

HOSTAGE = "The port will not be held hostage by a violent minority"
ATTRIBUTION_CASES: list[tuple[str, str | None, str | None, bool]] = [
    ("two different people", "Bruno Kestel", "Tariq Haddadi", True),
    ("spelling variants of one name", "Tariq Haddadi", "Tareq Hadadi", False),
    ("a first-name variant", "Ilya Varenko", "Ilja Varenko", False),
    ("surname only in one outlet", "Helena Lind", "Lind", False),
    ("one outlet names nobody", "Bruno Kestel", None, False),
]


@pytest.mark.parametrize(("first", "second", "conflict"), [c[1:] for c in ATTRIBUTION_CASES], ids=[c[0] for c in ATTRIBUTION_CASES])
def test_attribution_conflict(first: str | None, second: str | None, conflict: bool) -> None:
    quotes = [Quote(first, HOSTAGE, 1, 7, attribution="named"), Quote(second, HOSTAGE, 2, 3, attribution="named")]
    found = [c for c in find_quote_conflicts(quotes, {1: "Meridian Wire", 2: "The Harbor Gazette"}) if c.kind == "attribution"]
    assert bool(found) is conflict


@pytest.mark.parametrize("inferred", ["pronoun", "continued"])
def test_a_speaker_this_tool_inferred_is_no_outlets_misattribution(inferred: str) -> None:
    quotes = [Quote("Bruno Kestel", HOSTAGE, 1, 7, attribution="named"), Quote("Tariq Haddadi", HOSTAGE, 2, 3, attribution=inferred)]
    assert [c for c in find_quote_conflicts(quotes, {1: "A", 2: "B"}) if c.kind == "attribution"] == []


@pytest.mark.parametrize(
    ("text", "attribution"),
    [
        ('"The port will not be held hostage by anyone," said Bruno Kestel.', "named"),
        ('Bruno Kestel spoke first. "The port will not be held hostage by anyone," he said.', "pronoun"),
        ('Police Commissioner Bruno Kestel spoke first. "The port will not be held hostage by anyone," the commissioner said.', "title"),
    ],
)
def test_each_quote_says_how_its_speaker_was_found(text: str, attribution: str) -> None:
    [quote] = _quotes(_article(text))
    assert (quote.speaker, quote.attribution) == ("Bruno Kestel", attribution)


def test_attribution_conflict_names_outlets_and_speakers() -> None:
    quotes = [Quote("Bruno Kestel", HOSTAGE, 1, 7, attribution="named"), Quote("Tariq Haddadi", HOSTAGE, 2, 3, attribution="title")]
    [conflict] = find_quote_conflicts(quotes, {1: "Meridian Wire", 2: "The Harbor Gazette"})
    assert conflict.values == {"1": "Bruno Kestel", "2": "Tariq Haddadi", "quote": HOSTAGE}
    assert conflict.description == (
        f'Meridian Wire attributes "{HOSTAGE}" to Bruno Kestel; The Harbor Gazette attributes it to Tariq Haddadi'
    )


SAME_PERSON_CASES = [
    ("Tariq Haddadi", "Tareq Hadadi", True),
    ("Ilya Varenko", "Ilja Varenko", True),
    ("Sergei Vantolin", "Sergey Vantolin", True),
    ("Helena Lind", "Lind", True),
    ("Mr. Steele", "Michael Steele", True),
    ("Bruno Kestel", "Tariq Haddadi", False),
    ("Pavla Renner", "Tilda Marr", False),
    ("Владимир Путин", "Vladimir Putin", True),  # transliterated, not folded to nothing
    ("Путин", "Путин", True),
    ("Путин", "Зеленский", False),
]


@pytest.mark.parametrize(("first", "second", "same"), SAME_PERSON_CASES)
def test_same_person_tolerates_spelling_variants(first: str, second: str, same: bool) -> None:
    assert same_person(first, second) is same


# --- the example stories -------------------------------------------------------------------------


def _story(slug: str) -> tuple[list[ComparedArticle], dict[int, str]]:
    story = next(s for s in PLANTED["stories"] if s["slug"] == slug)
    compared: list[ComparedArticle] = []
    for number, planted in enumerate(story["articles"], start=1):
        articles = newsprism.read(EXAMPLES / planted["file"])
        [article] = [a for a in articles if planted["record"] is None or a.external_id == planted["record"]]
        compared.append(ComparedArticle(number, article))
    return compared, {c.id: c.article.source for c in compared}


def _story_quotes(slug: str) -> tuple[list[Quote], dict[int, str]]:
    compared, sources = _story(slug)
    return match_quotes([quote for article in compared for quote in _quotes(article)]), sources


CUT_QUOTES = [(story["slug"], cut) for story in PLANTED["stories"] for cut in story["planted"]["cut_quotes"]]
CUT_IDS = [f"{slug}/{cut['speaker']}" for slug, cut in CUT_QUOTES]


@pytest.mark.parametrize(("slug", "planted"), CUT_QUOTES, ids=CUT_IDS)
def test_planted_cut_quote_is_found_with_its_omitted_words(slug: str, planted: dict[str, Any]) -> None:
    quotes, sources = _story_quotes(slug)
    ids = {source: article for article, source in sources.items()}
    full_id, cut_id = ids[planted["full"]["source"]], ids[planted["cut"]["source"]]
    [conflict] = [
        c for c in find_quote_conflicts(quotes, sources)
        if c.kind == "quote" and str(cut_id) in c.values["omitted"]
    ]
    assert conflict.values[str(full_id)] == straight(planted["full"]["text"])
    assert conflict.values[str(cut_id)] == straight(planted["cut"]["text"])
    assert conflict.values["omitted"][str(cut_id)] == straight(planted["omitted"])


@pytest.mark.parametrize(("slug", "planted"), CUT_QUOTES, ids=CUT_IDS)
def test_planted_cut_quote_speaker_is_resolved_in_both_outlets(slug: str, planted: dict[str, Any]) -> None:
    quotes, sources = _story_quotes(slug)
    for version in ("full", "cut"):
        article = next(a for a, source in sources.items() if source == planted[version]["source"])
        [quote] = [q for q in quotes if q.article == article and q.text == straight(planted[version]["text"])]
        assert quote.speaker is not None and same_person(quote.speaker, planted["speaker"]), (version, quote)


def test_planted_attribution_conflict_is_found() -> None:
    [planted] = next(s for s in PLANTED["stories"] if s["slug"] == "port-asha-clashes")["planted"]["attribution_conflicts"]
    quotes, sources = _story_quotes("port-asha-clashes")
    [conflict] = [c for c in find_quote_conflicts(quotes, sources) if c.kind == "attribution"]
    ids = {source: article for article, source in sources.items()}
    assert conflict.values["quote"] == planted["statement"]
    assert {k: v for k, v in conflict.values.items() if k != "quote"} == {
        str(ids[source]): speaker for source, speaker in planted["values"].items()
    }


@pytest.mark.parametrize("slug", [story["slug"] for story in PLANTED["stories"]])
def test_example_stories_have_no_other_conflicts(slug: str) -> None:
    story = next(s for s in PLANTED["stories"] if s["slug"] == slug)["planted"]
    quotes, sources = _story_quotes(slug)
    kinds = [c.kind for c in find_quote_conflicts(quotes, sources)]
    assert kinds.count("quote") == len(story["cut_quotes"])
    assert kinds.count("attribution") == len(story["attribution_conflicts"])


def test_example_quotations_without_a_speaker_are_the_ones_that_name_nobody() -> None:
    unnamed = set()
    for story in PLANTED["stories"]:
        quotes, _ = _story_quotes(story["slug"])
        unnamed |= {quote.text for quote in quotes if quote.speaker is None}
    # `"…," said one.` and `One senior official said … "polite but very clear"`.
    assert unnamed == {"polite but very clear", "They smile on the phone and then they close the sluice gates"}


def test_a_quotation_split_in_two_by_one_outlet_is_not_a_cut() -> None:
    whole = _article(
        '"For the record, I love my sister, but she is dead wrong on the issue of marriage. '
        'Freedom means freedom for everyone," Mary Cheney wrote.', 1, "Wire"
    )
    split = _article(
        '"For the record, I love my sister, but she is dead wrong on the issue of marriage," she wrote.\n\n'
        '"Freedom means freedom for everyone," Mary Cheney continued.', 2, "Post"
    )
    quotes = match_quotes(_quotes(whole) + _quotes(split))
    assert [c for c in find_quote_conflicts(quotes, {1: "Wire", 2: "Post"}) if c.kind == "quote"] == []
