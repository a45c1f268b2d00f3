"""Who said a quotation: the attribution phrase next to it, resolved against the people an article names.

Rules, all from the text (a capitalised-name heuristic with lists of titles and roles; the named-entity
model's organisations only tell which body "the ministry" is):
- An attribution is a speech verb ("said", "told", "warned", "sobbed", …) with its subject ("Lind said",
  "the interior minister added") or, inverted, its object ("said Mayor Mirela Sandor, who …"), or
  "according to X". Before a quotation the subject of the last speech verb counts ("Lind said: …"), and
  so does that of a verb putting words to something ("Renner called the plan …", "Perry accused Obama
  of …"; not in the passive); with a participle ("…, saying: …", "calling it …") or a bare colon ("Biden
  was quick to retort: …") the clause's subject.
- A name phrase becomes the fullest name the article gives for that person ("Lind" -> "Helena Lind"),
  without titles, honorifics or a role capitalised at a sentence's start ("Interior Minister Tariq
  Haddadi", "Secretary of State Dana Lisk", "Historian Alan Brinkley" -> the names). Runs of capitalised
  words and, where the named-entity model sees a person of two words or more, its mentions are people.
- "he"/"she" is a person named in the nearest earlier sentence that names one whose known gender (from
  honorifics, words like "spokeswoman" or "his wife, …", or a sentence where only he/his or only she/her
  is used) does not contradict the pronoun: the speaker of a quotation there, else the first in the main
  clause who says something or takes a stance in words ("criticized"), else the main clause's subject (a
  title opening it, "The congressman also …", is its holder), else the first mentioned. A sentence
  opening with the same pronoun is skipped.
- A title ("the mayor", "the country's interior minister") is the person the article describes with that
  title ("Mayor Mirela Sandor", "Maria Lind, the interior minister", "Lind, who heads the interior ministry").
- A quotation that opens a sentence right after an attributed one, with no attribution of its own, keeps
  that speaker, and so does the next quotation of a sentence with nobody named in between (see
  `quotes.py`); a quotation standing as a sentence after one of reported speech with no quotation ("Lind
  said the talks would resume.") is that sentence's speaker's. Names inside quotations are never
  antecedents.
- "According to X," opening a clause names X as the speaker of a quotation later in it.
- An organisation speaks when the phrase ends with an organisation's head word ("the defence ministry
  said", "a defence ministry statement said", "a statement from the defence ministry"): the fullest name
  the article gives it ("the ministry" -> "Kessarian Defence Ministry"), else its words ("defence
  ministry"). A bare head the article names no body for ("the group said") has no speaker; "it said" is
  the organisation that spoke in that sentence or the one before.
- A body's spokesperson or board member, named or not, speaks for it: "said Hana Abed, a spokeswoman for
  the Harbour Authority" and "Harbour Authority spokeswoman Hana Abed said" are the Harbour Authority (as
  the article names it in full), so that an outlet naming the spokeswoman and one naming the body agree.
  Its president or chairman speaks for himself.
- Anything else ("said one", "police said", "a spokesman said") has no speaker.
"""

from newsprism.comparison.speakers.attribution import (
    Attribution,
    attribution_after,
    attribution_before,
    attribution_reported,
    is_direct,
)
from newsprism.comparison.speakers.names import is_organisation, same_person
from newsprism.comparison.speakers.organisations import Organisations
from newsprism.comparison.speakers.people import People

__all__ = [
    "Attribution",
    "Organisations",
    "People",
    "attribution_after",
    "attribution_before",
    "attribution_reported",
    "is_direct",
    "is_organisation",
    "same_person",
]
