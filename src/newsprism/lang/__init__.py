"""Word data of the languages newsprism reads: English only today (`lang/en`), in the manner of spaCy's."""
