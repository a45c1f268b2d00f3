"""The people, organisations and places of a story, one entity per referent across all its articles.

Mentions come from spaCy (nlp/ner.py) per sentence. Entities are then built in five steps:
1. drop sentence-initial common words the model took for names ("Riot police ..."), and add the
   places where a name the model found elsewhere in the story stands unrecognised ("Lind said");
2. merge spelling and transliteration variants (Tariq Haddadi / Tareq Hadadi, Qarvel / Karvel Dam,
   Путин / Putin): names of as many words whose words, transliterated to Latin letters, keep one
   consonant skeleton and ending and change few letters (names.py), of one type, never two
   spellings inside one article (an outlet spells a name consistently, two spellings there are two
   referents); then a name with a middle initial into the same name without ("Michael T. Flynn"),
   never across "Jr." / "Sr.", and "F.B.I." into "FBI";
3. attach one-word mentions to the person named in full whose surname they are (Lind -> Helena
   Lind; "Kim" -> Kim Jong Un when it is nobody's surname); with two such people in a story, to the
   one the same article last named in full, else to the one the story names most;
4. vote on the type over the mentions (the full names, when there are any): spaCy's label, head
   nouns ("... Dam", "... Union"), context ("in X", "X's government"), a demonym the story uses
   ("Kessarian" -> Kessaria is a place);
5. bind the titles an article gives a person ("Interior Minister X", "X, the interior minister") so
   that its later "the interior minister" counts as a mention, and collect every descriptor
   (pre-modifiers and appositives) an article attaches to each entity.
"""

from newsprism.comparison.entities.extract import extract_entities
from newsprism.comparison.entities.labels import core_title, descriptors
from newsprism.comparison.entities.names import name_skeleton, same_name, spelling_key

__all__ = ["core_title", "descriptors", "extract_entities", "name_skeleton", "same_name", "spelling_key"]
