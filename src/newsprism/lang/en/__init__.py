"""English word data, each notion defined once: the analysers import it from here.

calendar.py (months, weekdays), numbers.py (number words), titles.py (titles and honorifics), people.py
(what a person is, gendered words), speech.py (speech verbs), stop_words.py (stop and function words),
organisations.py (words that make a name an organisation or a place), names.py (capitalised words that
name nobody, name particles), abbreviations.py (abbreviations and their periods).
"""
