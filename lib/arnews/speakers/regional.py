"""A person known only by a regional nisba ("دبلوماسي أوروبي", "مسؤول غربي") speaks for no
state and no bloc, not even a region that is a gazetteer bloc (WEST; round 37, when the quote
guideline made this explicit). Moved out of ``resolve`` in round 37.

>>> from arnews.speakers.lexicon import load_speaker_lexicon, words_in
>>> t = "دبلوماسي غربي"
>>> regional_code(words_in(t, 0, len(t)), load_speaker_lexicon())
'WEST'
>>> [regional_code(words_in(t, 0, len(t)), load_speaker_lexicon()) for t in
...  ("مصادر ملاحية أوروبية", "مسؤول في الاتحاد الأوروبي", "مصدر في شركة صينية")]
['EUROPE', None, None]
"""
from __future__ import annotations

from .lexicon import SpeakerLexicon, Word, find_entries

__all__ = ["names_region", "regional_code"]


def regional_code(words: list[Word], lex: SpeakerLexicon) -> str | None:
    """A person known only by a regional nisba ("دبلوماسي أوروبي", "دبلوماسي خليجي",
    "مسؤول غربي", "مصادر دبلوماسية غربية"; ``kind == region`` in speaker_places.csv) speaks
    for no state: the region word after the phrase's opening title (or two titles), past at
    most two indefinite words that name no place ("مصادر ملاحية أوروبية", "محافظ بنك مركزي
    آسيوي"; round 47), but not past a definite one ("مسؤول في الاتحاد الأوروبي" is the EU's).
    Returns the region's code (EUROPE, WEST …) or None; the caller gives such a speaker no state."""
    hits = [(i, e) for i, e in find_entries(lex.titles, words) if e.value != "former"]
    if not hits or hits[0][0] != 0:
        return None
    k = len(hits[0][1].words)
    if len(hits) > 1 and hits[1][0] == k:  # "مصادر دبلوماسية غربية": a second title word first
        k += len(hits[1][1].words)
    places = dict(find_entries(lex.places, words))
    for j in range(k, min(k + _BETWEEN + 1, len(words))):
        definite = any(r.startswith(("ال", "لل")) for r in words[j].readings)
        e = places.get(j)
        if e is not None:  # past indefinite words only an indefinite adjective agrees
            return e.value if e.kind == "region" and (j == k or not definite) else None
        if definite:  # "مسؤول في الاتحاد الأوروبي", "الممثلة العليا للاتحاد الأوروبي": a named bloc
            return None
    return None


_BETWEEN = 2  # indefinite words allowed between the title and the region (round 47)


def names_region(words: list[Word], lex: SpeakerLexicon) -> bool:
    """Whether any word of the phrase is a region (``kind == region``): "مصدر دبلوماسي
    عربي", "مسؤولون خليجيون في مجالسهم" speak for no state, so the article's own state is
    not given to them either (round 39).

    >>> from arnews.speakers.lexicon import load_speaker_lexicon, words_in
    >>> [names_region(words_in(t, 0, len(t)), load_speaker_lexicon()) for t in ("مصدر دبلوماسي غربي", "المتحدث باسم مجلس النواب")]
    [True, False]
    """
    return any(e.kind == "region" for _, e in find_entries(lex.places, words))
