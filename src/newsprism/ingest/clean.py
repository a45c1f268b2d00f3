"""Text cleaning shared by every input kind: normalise, drop site chrome, split off the dateline."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class CleanText:
    """Cleaned article body and the dateline taken from its first paragraph."""

    text: str  # paragraphs separated by exactly one blank line, no leading/trailing whitespace
    dateline: str | None  # e.g. "KYIV", "NAIROBI, Sept 16 (Reuters)"; None if absent


_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2039\u203a"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_INVISIBLES = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_LINE_BREAKS = {"\u2028": "\n", "\u2029": "\n\n", "\u0085": "\n", "\x0b": "\n", "\x0c": "\n"}

_REPLACEMENTS: dict[str, str] = {
    **{char: '"' for char in _DOUBLE_QUOTES},
    **{char: "'" for char in _SINGLE_QUOTES},
    **{char: " " for char in _SPACES},
    **{char: "" for char in _INVISIBLES},
    **_LINE_BREAKS,
}
# A regex substitution is several times faster than str.translate with a dict on mostly-ASCII text.
_SPECIAL_CHARACTER = re.compile("[" + "".join(_REPLACEMENTS) + "]")
_BLANK_LINE_RUN = re.compile(r"\n{3,}")

# A line ending like this closes a sentence, so a following lowercase line is not its continuation.
_LINE_END_CLOSES_SENTENCE = re.compile(r"""[.!?…]["')\]]*$|["']$""")
_WORD_HYPHEN_AT_END = re.compile(r"[^\W_]-$")

MAX_BOILERPLATE_CHARS = 200

# Boilerplate that is the whole line, once decoration and trailing punctuation are set aside.
_BOILERPLATE_WHOLE_LINE = re.compile(
    r"""
    (?:
        advertisements?|ad|sponsored(?:\ content)?|paid\ content|promoted(?:\ content)?
      | (?:story|article)\ continues\ (?:below|after)(?:\ (?:this\ )?(?:advertisement|ad))?
      | scroll\ to\ continue(?:\ with\ content)?
      | read\ (?:more|next|also)|also\ read|see\ also|related
      | most\ (?:read|popular|viewed)|trending(?:\ now)?
      | related\ (?:articles?|stories|story|coverage|content|topics|links|reading|news|video)
      | recommended(?:\ (?:for\ you|stories|reading|videos?|articles?))?
      | more\ (?:on\ this\ story|stories|from\ [\w ]{1,30})
      | tweet|email(?:\ this(?:\ (?:article|story|page))?)?|e-mail
      | print(?:\ (?:this\ )?(?:article|page|story))?
      | share(?:\ this)?(?:\ (?:article|story|page|post|video))?
      | (?:share\ (?:on|via|to)\ [\w.+]+(?:\ [\w.+]+)?\s*)+
      | (?:\d+\ )?comments?(?:\ \(\d+\))?|(?:show|view|read|see)\ (?:all\ )?comments
      | leave\ a\ comment
      | loading(?:\.\.\.|…)?|please\ wait
      | sign\ (?:in|out|up)|log\ (?:in|out)|login|logout|register|subscribe(?:\ now)?|my\ account
      | menu|skip\ to\ (?:main\ )?content|back\ to\ top|close
      | listen(?:\ to\ (?:this\ |the\ )?(?:article|story))?
      | copyright
      # Share buttons and player controls, each left alone on its line by the scraper.
      | \(?(?:twitter|facebook|pinterest|google(?:\+|\ plus)?|linkedin|reddit|whatsapp|instagram|youtube)\)?
      | more|photos?|videos?|gallery|caption\ close|close\ caption|copy\ link(?:\ copy)?|see\ more\ videos
      | hide\ transcript\ show\ transcript|please\ sign\ in|welcome\ back|total\ access
      | get\ digital\ access
      # Labels above the story on press-release and wire pages.
      | story\ highlights|(?:official\ )?press\ release|for\ immediate\ release|incident\ update
      | [-_=~*]{3,}
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Boilerplate recognised by how the line begins.
_BOILERPLATE_START = re.compile(
    r"""
    (?:
        (?:read\ more|read\ next|read\ also|also\ read|see\ also|related(?:\ \w+)?|recommended
          |more\ from|more\ on|watch|listen|further\ reading|editor'?s\ picks?)\s*[:|»›>→]
      | read\ more\b|subscribe\b|sign\ up\b|(?:sign|log)\ in\ (?:to|with|for)\b
      | follow\ (?:us|our|live)\b
      | follow\b.{0,60}?\bon\ (?:twitter|x|facebook|instagram|tiktok|linkedin|youtube|threads
          |bluesky|telegram|whatsapp|google\ news)\b
      | share\ (?:on|via)\ (?:facebook|twitter|x|whatsapp|linkedin|email|reddit|telegram)\b
      | click\ (?:here|this\ link)(?:\ (?:to|for)\b|\s*[:>»→]|\s*[.!]?$)
      | tap\ here\ to\b
      | we\ use\ cookies\b|this\ (?:web)?site\ uses\ cookies\b
      | (?:accept|manage)\ (?:all\ )?cookies\b
      | cookie\ (?:policy|settings|preferences|notice|consent)\b
      | by\ (?:continuing\ to\ (?:use|browse)|using)\ (?:this|our)\ (?:site|website)\b
      | all\ rights\ reserved\b|©|\(c\)\s*(?:19|20)\d\d\b
      | copyright\s*(?:©|\(c\)|(?:19|20)\d\d\b)
      | (?:photo(?:graph)?|image|picture|illustration|video|graphic|(?:photo|image)\ credit
          |credit)s?\s*:
      | (?:download|get)\ (?:our|the)\ (?:[\w-]+\ ){0,4}app\b
      | (?:message:\W*)?a\ friend\ wanted\ you\ to\ see\ this\b
      | (?:story|article)\ continues\ (?:below|after)\b|continue\ reading\b
      | advertisement\s*[-–—:|]
      | listen\ to\ (?:this\ |the\ )?(?:article|story)\b
      | \((?:additional\ )?(?:reporting|writing|editing)\ by\b.*\)$
      | (?:additional\ )?reporting\ by\b.*;\s*editing\ by\b
      # A syndication notice describes where the text came from, not the news itself.
      | (?:this|the)\ (?:article|story|piece)\ (?:was|is)\ (?:originally|first)
          \ (?:published|posted|appeared)\b
      | a\ version\ of\ this\ (?:article|story)\ (?:was\ )?(?:originally\ |first\ )?
          (?:appeared|published)\b
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Account, notification and player chrome of news sites: log-in walls, e-mail verification, captchas.
_SITE_FURNITURE = re.compile(
    r"""
    (?:
        please\ enable\ javascript\b|you\ need\ javascript\b
      | your\ notification\ has\ been\ saved|there\ was\ a\ problem\ saving\ your\ notification
      | email\ notifications\ are\ only\ sent\b
      | just\ one\ more\ thing\b|thank\ you\ for\ (?:registering|signing\ up|subscribing)\b
      | we\ have\ sent\ (?:you\ )?a\ (?:verification|confirmation)\ e-?mail\b
      | if\ you\ do\ not\ receive\ the\ (?:verification|confirmation)\b
      | already\ (?:a\ subscriber|have\ an\ account|registered)\b
      | by\ submitting\ your\ registration\b|sign\ in\ using\ your\b
      | click\ on\ the\ button\ below\b|we\ look\ forward\ to\ seeing\ you\b
      | you\ must\ enter\ the\ characters\b|like\ this:\ like\b|share\ this:
      | report\ an\ error\b|submit\ a\ tip\b|join\ the\ conversation\b|stay\ up\ to\ date\b
      | trending\ (?:stories|now)\b|\#{2,}\ ?original\ message
      | for\ more\ (?:neighborhood\ )?news,\ (?:listen|download|visit)\b
      | (?:close\ )?get\ e-?mail\ notifications\ on\b|whenever\ .{0,60}\bposts\ new\ content\b
      | this\ material\ may\ not\ be\ published,\ broadcast,\ rewritten\b
      | you\ are\ the\ owner\ of\ this\ article\b|why\ are\ we\ asking\ this\b
      | e-?mail\ newsletters?\ sign\ up\b|sign\ in\ using\ you\ account\b
      | sorry,\ this\ zip\ ?code\ is\ not\b|re-?enter\ (?:your\ )?zip\ ?code\b
      | you\ can\ also\ like\ .{1,40}\ on\ facebook\b
      | \(\s*(?:©|copyright\b)
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A newspaper photo widget: "Buy Photo <caption> (Photo: credit)Buy Photo". Captions run longer than
# other chrome.
_PHOTO_WIDGET = re.compile(r"buy photo\b", re.IGNORECASE)
MAX_CAPTION_CHARS = 600
# Gallery and video-player controls that scraping glues to the start of the first paragraph:
# "Photo: A. Lee / Chronicle Image 1 of / 2 Caption Close Image 1 of 2 Houston police said ...".
_WIDGET_PREFIX = re.compile(
    r"""
    (?:
        (?:photo:\ [^\n]{0,100}?\ )?image\ \d+\ of\ (?:/\ )?\d+(?:\ caption\ close(?:\ image\ \d+\ of\ \d+)?)?
        (?:\ buy\ photo)?
      | close\ skip\ in\ skip\ x\ embed\ x\ share
      | hide\ transcript\ show\ transcript
    )
    \s+
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Credit lines that are short, name a photographer and do not read as a sentence.
_PHOTO_BY_LINE = re.compile(
    r"(?:photo(?:graph)?|image|picture)s?\s+(?:by|courtesy(?:\s+of)?|credit)\b"
    r".{0,70}(?<![.?!])$",
    re.IGNORECASE,
)
_CREDIT_IN_PARENTHESES = re.compile(
    r"\([^()]{0,80}"
    r"\b(?:getty|images|photo|afp|epa|reuters|ap|shutterstock|file|courtesy|credit)\b"
    r"[^()]{0,80}\)",
    re.IGNORECASE,
)
_ENDS_WITH_RIGHTS_RESERVED = re.compile(r"all rights reserved\.?$", re.IGNORECASE)
# A photo caption: whatever it says, it ends by crediting the picture.
_ENDS_WITH_PICTURE_CREDIT = re.compile(
    r"\((?:(?:photo\ )?(?:credit|photo|image|picture)s?:[^()]{1,80}"
    r"|[^()]{1,40}\ (?:photo|image|file\ photo))\)$",  # "(Photo: The Enquirer)", "(WFSB photo)"
    re.I,
)
# A line that is only a time stamp: "March 21, 2013 5:03 AM", "Updated: Nov 23, 2016 at 10:04 AM EST".
_TIMESTAMP_WORDS = (
    # Atomic below, so "months" must be tried before "mon" and "minutes" before "min".
    r"(?:ago|(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b"
    r"|posted|updated?|published|last|modified|created|on|at|am|pm|a\.m\.|p\.m\.|[ecmp][sd]t|et|ct|pt|gmt"
    r"|utc|bst|cet|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?"
    r"|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|\d{1,4})"
)
# Atomic and possessive: a prose line must fail fast, not try every way of splitting its digit runs.
_TIMESTAMP_LINE = re.compile(rf"(?=\D*\d)(?:(?>{_TIMESTAMP_WORDS})[\s,:/.()|-]*+)++", re.I)
# "Thursday.The shooting": scraped pages lose the space between sentences.
_GLUED_SENTENCES = re.compile(r"(?<=[a-z][a-z][.!?])(?=[A-Z][a-z])")
# How many short leading paragraphs (time stamps, captions, bylines) may precede a dateline.
MAX_PARAGRAPHS_BEFORE_DATELINE = 2
MAX_FURNITURE_CHARS = 300
_LEADING_DECORATION = re.compile(r"^[\s•·›»>→▶►*|#]+")
_TRAILING_DECORATION = re.compile(r"[\s:.!…>»›|→▶►*]+$")

_PLACE_WORD = r"[^\W\d_]+(?:[.'-][^\W\d_]+)*\.?"
_DATELINE = re.compile(
    rf"""
    (?P<dateline>
        (?P<place>{_PLACE_WORD}(?:[ /]{_PLACE_WORD}){{0,4}})
        (?:,[ ](?=[^\W_])(?![a-z])[^,()\n—–:]{{1,40}}?){{0,2}}
        (?:[ ]?\([^()\n]{{1,40}}\))?
    )
    (?:[ ]?[—–][ ]?|[ ]--?[ ]|:[ ])
    (?P<body>.*)
    """,
    re.VERBOSE | re.DOTALL,
)
_LEADING_DASH = re.compile(r"^(?:—|–|--)\s*")
MAX_DATELINE_CHARS = 60
MIN_PLACE_LETTERS = 2
# All-caps labels that precede a dash or colon like a place but are not one.
_NOT_PLACES = frozenset(
    {
        "BREAKING",
        "BREAKING NEWS",
        "UPDATE",
        "UPDATED",
        "EXCLUSIVE",
        "ANALYSIS",
        "OPINION",
        "WATCH",
        "LIVE",
        "EDITOR'S NOTE",
        "EDITORS NOTE",
        "NOTE",
        "CORRECTION",
        "CLARIFICATION",
        "FILE",
        "PHOTO",
        "PHOTOS",
        "VIDEO",
        "NEWS",
        "COMMENT",
        "REVIEW",
        "INTERVIEW",
        "FACT CHECK",
        "EXPLAINER",
        "WARNING",
        "URGENT",
        "FLASH",
        "ALERT",
        "DEVELOPING",
        "SPONSORED",
        "PODCAST",
    }
)


def _replacement(match: re.Match[str]) -> str:
    """Return the plain form of a quote, space, invisible or line-break character."""
    return _REPLACEMENTS[match.group()]


def normalise_text(text: str) -> str:
    """Unify Unicode form, quotes, spaces, line breaks; strip lines; keep one blank line at most."""
    text = _SPECIAL_CHARACTER.sub(_replacement, unicodedata.normalize("NFC", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _GLUED_SENTENCES.sub(" ", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return _BLANK_LINE_RUN.sub("\n\n", "\n".join(lines)).strip()


def is_boilerplate(line: str) -> bool:
    """Tell whether a line is site chrome (sharing, sign-up, credits, cookies), not reporting."""
    line = line.strip()
    if _PHOTO_WIDGET.match(line) and len(line) <= MAX_CAPTION_CHARS:
        return True
    if not line or len(line) > MAX_BOILERPLATE_CHARS:
        return False
    undecorated = _LEADING_DECORATION.sub("", line)
    core = _TRAILING_DECORATION.sub("", undecorated)
    if not core:
        return False
    return bool(
        _BOILERPLATE_WHOLE_LINE.fullmatch(core)
        or _BOILERPLATE_START.match(core)
        or _SITE_FURNITURE.match(core)
        or _PHOTO_BY_LINE.match(undecorated)
        or _CREDIT_IN_PARENTHESES.fullmatch(core)
        or _ENDS_WITH_RIGHTS_RESERVED.search(line)
        or _ENDS_WITH_PICTURE_CREDIT.search(core)
        or _TIMESTAMP_LINE.fullmatch(core)
    )


def _looks_like_place(place: str) -> bool:
    """Tell whether an all-caps run can be a dateline place rather than a label or a pronoun."""
    letters = sum(char.isalpha() for char in place)
    is_label = place.rstrip(".") in _NOT_PLACES
    return place.isupper() and letters >= MIN_PLACE_LETTERS and not is_label


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """Split a leading dateline ("KYIV —", "NAIROBI, Sept 16 (Reuters) -") off a paragraph."""
    match = _DATELINE.match(paragraph)
    if match and _is_dateline_match(match):
        return match["dateline"], match["body"].strip()
    bare_dash = _LEADING_DASH.match(paragraph)
    if bare_dash:
        return None, paragraph[bare_dash.end() :].strip()
    return None, paragraph


def _is_dateline_match(match: re.Match[str]) -> bool:
    """Reject dateline candidates that are a sentence's subject, a label or too long."""
    body = match["body"].lstrip()
    # A real dateline is followed by a new sentence, never by a lowercase continuation.
    if body[:1].islower():
        return False
    short_enough = len(match["dateline"]) <= MAX_DATELINE_CHARS
    return short_enough and _looks_like_place(match["place"])


def _continues_previous_line(previous: str, line: str) -> bool:
    """Tell whether line is a hard-wrapped continuation of previous."""
    return line[:1].islower() and not _LINE_END_CLOSES_SENTENCE.search(previous)


def _join_wrapped(previous: str, line: str) -> str:
    """Join a hard-wrapped line onto the text before it."""
    # A wrap right after a word's hyphen ("20-" / "year-old") belongs to one compound word.
    if _WORD_HYPHEN_AT_END.search(previous):
        return previous + line
    return previous + " " + line


def _paragraphs_without_boilerplate(text: str) -> list[str]:
    """Group normalised lines into paragraphs, joining hard wraps and dropping boilerplate lines."""
    paragraphs: list[str] = []
    previous_line: str | None = None
    previous_dropped = False
    for raw_line in text.split("\n"):
        widget = _WIDGET_PREFIX.match(raw_line)
        line = raw_line[widget.end() :] if widget else raw_line
        if not line:
            previous_line = None
            continue
        if previous_line is not None and _continues_previous_line(previous_line, line):
            # The continuation of a dropped line is part of the same boilerplate.
            if not previous_dropped:
                paragraphs[-1] = _join_wrapped(paragraphs[-1], line)
        else:
            previous_dropped = is_boilerplate(line)
            if not previous_dropped:
                paragraphs.append(line)
        previous_line = line
    return paragraphs


def _split_first_dateline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """Take the dateline off the first paragraph, dropping the paragraph if nothing is left.

    Scraped pages often put a time stamp, a caption or a byline above the dateline: a dateline
    in one of the first paragraphs after only short ones marks those as page furniture.
    """
    for index, paragraph in enumerate(paragraphs[: MAX_PARAGRAPHS_BEFORE_DATELINE + 1]):
        if index and len(paragraphs[index - 1]) > MAX_FURNITURE_CHARS:
            break
        dateline, body = split_dateline(paragraph)
        if dateline or index == 0 and body != paragraph:
            rest = paragraphs[index + 1 :]
            return dateline, ([body, *rest] if body else rest)
    return None, paragraphs


def clean_text(raw: str) -> CleanText:
    """Normalise raw text, drop boilerplate lines, split the dateline off the first paragraph."""
    paragraphs = _paragraphs_without_boilerplate(normalise_text(raw))
    dateline, paragraphs = _split_first_dateline(paragraphs)
    return CleanText(text="\n\n".join(paragraphs), dateline=dateline)
