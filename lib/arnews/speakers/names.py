"""A bare family name taking up an earlier speaker: "وأضاف آدم" after "وقال عمر شيخ آدم، وهو
باحث في مركز … في مقديشو" speaks for the state the fuller phrase was resolved to (round 11)."""
from __future__ import annotations

from typing import NamedTuple

import regex as re

from ..text import normalize
from .lexicon import SpeakerLexicon, Word, find_entries, opens_with_title


class Named(NamedTuple):
    """The state and type an earlier speaker phrase ending in a name was resolved to."""

    country: str
    type: str


def name_key(phrase: object, *, bare: bool) -> str | None:
    """The normalized last word of a speaker phrase of two words or more (``bare=False``: a
    fuller naming), or the one word of a phrase without the article (``bare=True``: a family
    name taking it up); None otherwise.

    >>> name_key("عمر شيخ آدم", bare=False), name_key("آدم", bare=True), name_key("الوزير", bare=True)
    ('ادم', 'ادم', None)
    """
    if not isinstance(phrase, str):
        return None
    ws = [w.strip("،,.:") for w in phrase.split()]
    ws = [w for w in ws if w]
    if bare:
        return normalize(ws[0]) if len(ws) == 1 and not normalize(ws[0]).startswith("ال") and len(ws[0]) > 2 else None
    return normalize(ws[-1]) if len(ws) >= 2 and not normalize(ws[-1]).startswith("ال") else None


# normalized words that cannot open or continue a personal name ("، ومقرها بروكسل": a seat); not علي
_NOT_A_NAME = frozenset("من في ل ب عن مع و وهو وهي هو هي الذي التي مقره مقرها مقرهم".split())


def apposed_name(text: str, words: list[Word], lex: SpeakerLexicon) -> int | None:
    """The number of words before a personal name of two or three words set off by a comma at
    the end of a titled phrase ("نائب رئيس البلدية ، جورجي ستويانوف", "الباحثة في التخطيط
    الحضري …، صوفيا إيريرا"), None when the phrase ends in no such name. A first name that
    reads as a nisba or a capital (جورجي, صوفيا) places no one (round 62).

    >>> from arnews.speakers import load_speaker_lexicon
    >>> from arnews.speakers.lexicon import words_in
    >>> lex = load_speaker_lexicon()
    >>> t = "نائب رئيس البلدية ، جورجي ستويانوف"
    >>> apposed_name(t, words_in(t, 0, len(t)), lex)
    3
    >>> t = "المتحدث باسم الحكومة، المغرب"
    >>> apposed_name(t, words_in(t, 0, len(t)), lex) is None
    True
    """
    k = next((i for i in range(len(words) - 1, 0, -1) if re.search(r"[،,]", text[words[i - 1].end:words[i].start])), None)
    if k is None or not 2 <= len(words) - k <= 3 or not opens_with_title(words[:k], lex):
        return None
    name = words[k:]
    if any(w.readings[0].startswith("ال") or _NOT_A_NAME.intersection(w.readings) for w in name) or find_entries(lex.titles, name):
        return None
    in_places = {i + j for i, e in find_entries(lex.places, name) for j in range(len(e.words))}
    return None if len(in_places) == len(name) else k
