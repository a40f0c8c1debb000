"""A person known only by a regional nisba ("دبلوماسي أوروبي", "مسؤول غربي") speaks for no
state and no bloc, not even a region that is a gazetteer bloc (WEST; round 37, when the quote
guideline made this explicit). Moved out of ``resolve`` in round 37.

>>> from arnews.speakers.lexicon import load_speaker_lexicon, words_in
>>> t = "دبلوماسي غربي"
>>> regional_code(words_in(t, 0, len(t)), load_speaker_lexicon())
'WEST'
"""
from __future__ import annotations

from .lexicon import SpeakerLexicon, Word, find_entries

__all__ = ["names_region", "regional_code"]


def regional_code(words: list[Word], lex: SpeakerLexicon) -> str | None:
    """A person known only by a regional nisba ("دبلوماسي أوروبي", "دبلوماسي خليجي",
    "مسؤول غربي", "مصادر دبلوماسية غربية"; ``kind == region`` in speaker_places.csv) speaks
    for no state: the region word right after the phrase's opening title (or two titles).
    Returns the region's code (EUROPE, WEST …) or None; the caller gives such a speaker no state."""
    hits = [(i, e) for i, e in find_entries(lex.titles, words) if e.value != "former"]
    if not hits or hits[0][0] != 0:
        return None
    k = len(hits[0][1].words)
    if len(hits) > 1 and hits[1][0] == k:  # "مصادر دبلوماسية غربية": a second title word first
        k += len(hits[1][1].words)
    if k >= len(words):
        return None
    return next((e.value for _, e in find_entries(lex.places, words[k:k + 1]) if e.kind == "region"), None)


def names_region(words: list[Word], lex: SpeakerLexicon) -> bool:
    """Whether any word of the phrase is a region (``kind == region``): "مصدر دبلوماسي
    عربي", "مسؤولون خليجيون في مجالسهم" speak for no state, so the article's own state is
    not given to them either (round 39).

    >>> from arnews.speakers.lexicon import load_speaker_lexicon, words_in
    >>> [names_region(words_in(t, 0, len(t)), load_speaker_lexicon()) for t in ("مصدر دبلوماسي غربي", "المتحدث باسم مجلس النواب")]
    [True, False]
    """
    return any(e.kind == "region" for _, e in find_entries(lex.places, words))
