"""Tests of text normalisation, boilerplate removal and dateline splitting."""

from __future__ import annotations

import pytest

from newsprism.ingest.clean import (
    CleanText,
    clean_text,
    is_boilerplate,
    normalise_text,
    split_dateline,
)


class TestNormaliseText:
    def test_curly_and_angle_double_quotes_become_straight(self) -> None:
        raw = "\u201cYes\u201d, \u201eja\u201f, \u00abnon\u00bb, 5\u2033"
        assert normalise_text(raw) == '"Yes", "ja", "non", 5"'

    def test_curly_single_quotes_and_primes_become_apostrophes(self) -> None:
        raw = "\u2018Kenya\u2019s\u2019 \u201aok\u201b 5\u2032"
        assert normalise_text(raw) == "'Kenya's' 'ok' 5'"

    def test_unicode_spaces_become_plain_spaces(self) -> None:
        raw = "10\u00a0km\u2009north\u2007of\u202fKyiv\u3000today"
        assert normalise_text(raw) == "10 km north of Kyiv today"

    def test_zero_width_soft_hyphen_and_bom_are_removed(self) -> None:
        assert normalise_text("\ufeffgov\u00adern\u200bment\u200d \u2060said") == "government said"

    def test_composed_to_nfc(self) -> None:
        assert normalise_text("Sa\u0303o Paulo") == "S\u00e3o Paulo"

    def test_line_endings_unified_and_lines_stripped(self) -> None:
        assert normalise_text("  one \r\ntwo\t\rthree  ") == "one\ntwo\nthree"

    def test_unicode_line_and_paragraph_separators_become_newlines(self) -> None:
        assert normalise_text("one\u2028two\u2029three") == "one\ntwo\n\nthree"

    def test_runs_of_spaces_and_tabs_collapse(self) -> None:
        assert normalise_text("a  \t b\t\tc") == "a b c"

    def test_many_blank_lines_collapse_to_one(self) -> None:
        assert normalise_text("\n\none\n\n\n \n\t\ntwo\n\n") == "one\n\ntwo"

    def test_dashes_are_kept(self) -> None:
        assert normalise_text("KYIV \u2014 a \u2013 b") == "KYIV \u2014 a \u2013 b"


BOILERPLATE_LINES = [
    "Read more: Ukraine's grain deal explained",
    "READ MORE",
    "» Read more",
    "Also read: Floods in the north",
    "Related: How the ceasefire collapsed",
    "Related coverage",
    "Recommended: The week in pictures",
    "Subscribe to our newsletter for the latest updates",
    "Sign up for our morning briefing",
    "Follow us on Twitter",
    "Follow The Daily Ledger on X and Facebook",
    "Follow us on Instagram @dailyledger",
    "Share this article",
    "Share on Facebook",
    "Share on Facebook Share on Twitter Share via Email",
    "Share",
    "Tweet",
    "Email this",
    "Click here to read the full report",
    "Click here",
    "Advertisement",
    "ADVERTISEMENT - SCROLL TO CONTINUE",
    "We use cookies to give you the best experience on our website.",
    "Accept cookies",
    "Cookie policy",
    "All rights reserved.",
    "© 2026 Meridian Wire",
    "Copyright 2026 The Associated Press. All rights reserved.",
    "Copyright © 2026 Daily Ledger Ltd",
    "Photo: Jane Doe/Reuters",
    "Image: Getty Images",
    "(Getty Images)",
    "(AP Photo/Evan Vucci)",
    "Photo by Jane Doe/Reuters",
    "Comments",
    "14 comments",
    "Listen to this article",
    "Listen to this article · 5 min",
    "Download our app",
    "Story continues below advertisement",
    "Loading…",
    "Loading...",
    "Sign in",
    "Log in",
    "Print",
    "This article was originally published on The Conversation.",
    "(Reporting by Jane Doe; Editing by John Smith)",
]

REPORTING_LINES = [
    "Shares in the company fell 4 percent.",
    "Residents were told to follow evacuation orders.",
    "Click here, the sign in the window said, and she did.",
    "Follow the money, investigators told the committee.",
    "Readers who want to read more about the case can visit the court's website, she said.",
    "The regulator criticised the site's cookie policy in a report on Monday.",
    "He declined to subscribe to the theory that the fire was deliberate.",
    "Share prices fell sharply after the announcement.",
    "Copyright lawyers said the ruling would be appealed.",
    "Photos by residents showed water rising in the streets.",
    "Printing presses ran through the night.",
    "Comments by the minister angered the opposition.",
    "Related talks are scheduled for next week in Geneva.",
    "Signs of recovery were visible in the port, officials said.",
    "Loading of grain onto ships resumed on Tuesday.",
    "The company said all rights to the film had been sold to a US studio.",
    "This article has been corrected to show the vote was held on Monday.",
    "",
]


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", REPORTING_LINES)
def test_reporting_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_boilerplate_match_is_case_insensitive() -> None:
    assert is_boilerplate("SUBSCRIBE TO OUR NEWSLETTER")
    assert is_boilerplate("read more: the full story")


def test_long_lines_are_never_boilerplate() -> None:
    sentence = "Read more: " + "the council said the bridge would reopen next spring, " * 5
    assert len(sentence) > 200
    assert not is_boilerplate(sentence)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("KYIV — Russian forces shelled the city.", ("KYIV", "Russian forces shelled the city.")),
        (
            "NAIROBI, Sept 16 (Reuters) - Kenya's president said on Monday.",
            ("NAIROBI, Sept 16 (Reuters)", "Kenya's president said on Monday."),
        ),
        (
            "SAN JUAN, Puerto Rico (AP) — Power was restored.",
            ("SAN JUAN, Puerto Rico (AP)", "Power was restored."),
        ),
        (
            "PORT HARCOURT, Nigeria — Gunmen attacked a bus.",
            ("PORT HARCOURT, Nigeria", "Gunmen attacked a bus."),
        ),
        ("LONDON, March 3 — The pound rose.", ("LONDON, March 3", "The pound rose.")),
        ("VASKOR (Meridian Wire) — The dam held.", ("VASKOR (Meridian Wire)", "The dam held.")),
        ("WASHINGTON (CNN) -- The Senate voted.", ("WASHINGTON (CNN)", "The Senate voted.")),
        ("ST. LOUIS – A storm hit.", ("ST. LOUIS", "A storm hit.")),
        ("WASHINGTON, D.C. — Lawmakers met.", ("WASHINGTON, D.C.", "Lawmakers met.")),
        (
            "BEIRUT/DUBAI, March 3 (Reuters) - Iran said.",
            ("BEIRUT/DUBAI, March 3 (Reuters)", "Iran said."),
        ),
        ("SÃO PAULO — O real caiu.", ("SÃO PAULO", "O real caiu.")),
        ("KYIV: Air raid sirens sounded.", ("KYIV", "Air raid sirens sounded.")),
        ("AP — The agency reported.", ("AP", "The agency reported.")),
        ("— A 12-year-old was rescued.", (None, "A 12-year-old was rescued.")),
    ],
)
def test_dateline_is_split_off(paragraph: str, expected: tuple[str | None, str]) -> None:
    assert split_dateline(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "NATO said on Monday — in a statement — that it would respond.",
        "The U.S. — and its allies — rejected the plan.",
        "I — for one — agree.",
        "US — and its allies — rejected the plan.",
        "BREAKING: The bridge has collapsed.",
        "UPDATE — The vote was postponed.",
        "PARIS, the capital — It rained.",
        "Officials said the toll rose to 40.",
        "A VERY LONG RUN OF CAPITAL WORDS HERE — The end.",
        "",
    ],
)
def test_paragraph_without_dateline_is_unchanged(paragraph: str) -> None:
    assert split_dateline(paragraph) == (None, paragraph)


class TestCleanText:
    def test_full_article(self) -> None:
        raw = (
            "\ufeffKYIV \u2014 Russian forces shelled the city\u2019s port on Monday.\r\n"
            "Advertisement\r\n"
            "\u201cWe will rebuild,\u201d the mayor said.\r\n\r\n\r\n"
            "Share this article\r\n"
            "Read more: Grain exports resume\r\n"
        )
        assert clean_text(raw) == CleanText(
            text=(
                "Russian forces shelled the city's port on Monday.\n\n"
                '"We will rebuild," the mayor said.'
            ),
            dateline="KYIV",
        )

    def test_single_newlines_become_paragraph_breaks(self) -> None:
        raw = "First paragraph.\nSecond paragraph.\nA heading\nThird paragraph."
        expected = "First paragraph.\n\nSecond paragraph.\n\nA heading\n\nThird paragraph."
        assert clean_text(raw).text == expected

    def test_hard_wrapped_lines_are_joined(self) -> None:
        raw = "The council said the\nbridge would reopen\nin spring.\nIt did not say when."
        expected = "The council said the bridge would reopen in spring.\n\nIt did not say when."
        assert clean_text(raw).text == expected

    def test_wrap_after_sentence_end_or_quote_is_not_joined(self) -> None:
        raw = 'He left.\nthen came back.\nShe said "no"\nand left.'
        assert clean_text(raw).text == 'He left.\n\nthen came back.\n\nShe said "no"\n\nand left.'

    def test_wrap_after_hyphen_joins_without_space(self) -> None:
        assert clean_text("The 20-\nyear-old was rescued.").text == "The 20-year-old was rescued."

    def test_continuation_of_boilerplate_is_dropped_too(self) -> None:
        raw = "Sign up for our newsletter\nand never miss a story\nThe vote was held on Monday."
        assert clean_text(raw).text == "The vote was held on Monday."

    def test_dateline_only_in_first_paragraph(self) -> None:
        raw = "LONDON — The pound rose.\n\nPARIS — Stocks fell."
        expected = CleanText(text="The pound rose.\n\nPARIS — Stocks fell.", dateline="LONDON")
        assert clean_text(raw) == expected

    def test_dateline_taken_after_leading_boilerplate(self) -> None:
        raw = "Listen to this article\nNAIROBI, Sept 16 (Reuters) - Kenya's president spoke."
        expected = CleanText(text="Kenya's president spoke.", dateline="NAIROBI, Sept 16 (Reuters)")
        assert clean_text(raw) == expected

    def test_dateline_on_its_own_line(self) -> None:
        assert clean_text("KYIV —\nRussian forces advanced.") == CleanText(
            text="Russian forces advanced.", dateline="KYIV"
        )

    def test_no_dateline(self) -> None:
        assert clean_text("Officials said the toll rose.") == CleanText(
            text="Officials said the toll rose.", dateline=None
        )

    def test_only_boilerplate_gives_empty_text(self) -> None:
        raw = "Advertisement\n\nShare on Facebook\nRead more: something\n© 2026 Daily Ledger"
        assert clean_text(raw) == CleanText(text="", dateline=None)

    def test_empty_input(self) -> None:
        assert clean_text("  \n\t\n") == CleanText(text="", dateline=None)

    def test_output_has_no_surrounding_whitespace_or_triple_newlines(self) -> None:
        text = clean_text("\n\n  One.  \n\n\n\nTwo.\n\n").text
        assert text == "One.\n\nTwo."


@pytest.mark.parametrize(
    "line",
    [
        "March 21, 2013 5:03 AM",
        "Updated: Nov 23, 2016 at 10:04 AM EST",
        "UPDATE (11/23/16 at 4 p.m.):",
        "Posted: Tue 12:34 PM, Jan 28, 2014",
        "Seven people were shot at a supper club on March 21. (Credit: Brian Slodysko/Sun-Times Media)",
        "Buy Photo Police talk with a man in an unmarked car on Bon Javi Lane after a reported shooting. "
        "They questioned him for 20 minutes before driving away. (Photo: The Enquirer/Pat Reed)Buy Photo",
        "Close Get email notifications on Ann Lee daily!",
        "Whenever Ann Lee posts new content, you'll get an email delivered to your inbox with a link.",
    ],
)
def test_time_stamps_and_photo_captions_are_page_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "He was born in 1990.",
        "On Monday at 5 pm, police arrived.",
        "12 dead",
        "Two years ago",
        "The press release said three men were arrested.",
        "He was shot 3 days ago, police said.",
    ],
)
def test_sentences_with_dates_are_not_time_stamps(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "widget",
    [
        "Photo: Cody Ames / Houston Courier Image 1 of / 2 Caption Close Image 1 of 2 ",
        "Image 1 of / 8 Caption Close ",
        "Image 1 of 12 ",
        "CLOSE Skip in Skip x Embed x Share ",
        "Hide Transcript Show Transcript ",
    ],
)
def test_gallery_and_player_controls_glued_to_the_first_paragraph_are_cut(widget: str) -> None:
    first = "Houston police say a 16-year-old was fatally shot about 12:10 a.m. Monday."
    assert clean_text(widget + first + "\n\nMore text.").text == first + "\n\nMore text."


def test_a_paragraph_that_mentions_an_image_keeps_it() -> None:
    text = "Image 1 of the new series shows the harbour at night, the curator said."
    assert clean_text(text).text == text


def test_a_dateline_below_short_page_furniture_is_found() -> None:
    cleaned = clean_text(
        "By Ann Lee\n\nSeven people were shot. (Credit: Ann Lee/Sun-Times Media)\n\n"
        "CHICAGO (STMW) — The owner of the club said he was reviewing security.\n\nMore text."
    )
    assert cleaned.dateline == "CHICAGO (STMW)"
    assert cleaned.text == "The owner of the club said he was reviewing security.\n\nMore text."


def test_a_dateline_below_a_real_paragraph_is_left_alone() -> None:
    first = "The council met for six hours on Tuesday and argued about the budget. " * 5
    cleaned = clean_text(first + "\n\nLONDON — A second meeting is planned.")
    assert cleaned.dateline is None
    assert cleaned.text.startswith("The council met")


def test_sentences_glued_by_a_scraper_are_separated() -> None:
    assert clean_text("A teen was shot Thursday.The shooting happened at 3 p.m.").text == (
        "A teen was shot Thursday. The shooting happened at 3 p.m."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Please enable Javascript to watch this video",
        "Just One More Thing...",
        "We have sent you a verification email. Please check your email and click on the link to activate your profile.",
        "If you do not receive the verification message within a few minutes of signing up, please check your Spam or Junk folder.",
        "Sign in using your wsbtv profile",
        "By submitting your registration information, you agree to our Terms of Service and Privacy Policy .",
        "Already have an account?",
        "Your notification has been saved.",
        "You must enter the characters with black color that stand out from the other characters",
        "Like this: Like Loading...",
        "Join The Conversation On The KDKA Facebook Page",
        "Twitter",
        "(Facebook)",
        "Pinterest",
        "More",
        "Caption Close",
        "Copy Link Copy",
        "Hide Transcript Show Transcript",
        "___",
        "You are the owner of this article.",
        "This material may not be published, broadcast, rewritten, or redistributed.)",
        "Email Newsletters Sign up for one of our email newsletters.",
        "Sorry, this zipcode is not in our deliverable area for this subscription service.",
        "Re-enter zip code or sign up for digital access.",
        ">>Download the WESH 2 News app for iOS and Android",
        "(© 2016 KHOU)",
        "(Copyright 2016 The Associated Press.",
        "Message: * A friend wanted you to see this item from WRAL.com: http://wr.al/17S6u",
        "Story highlights",
        "*** OFFICIAL PRESS RELEASE ***",
        "FOR IMMEDIATE RELEASE",
        "Incident Update",
        "Published: Sunday, 2/22/2015 - Updated: 9 months ago",
        "Posted 2 hours ago",
        "A second scene was reported on Olive Street in New Britain. (WFSB photo)",
    ],
)
def test_account_and_player_chrome_of_news_sites_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The family said they had sent a verification request to the police department weeks ago.",
        "Officers asked residents to report any information to the tip line.",
        "More than 40 people were hurt.",
        "Facebook said it would remove the video.",
        "Photos of the suspect were released on Monday.",
        "Welcome back signs lined the street when the soldiers returned.",
    ],
)
def test_sentences_about_emails_and_tips_are_reporting(line: str) -> None:
    assert not is_boilerplate(line)
