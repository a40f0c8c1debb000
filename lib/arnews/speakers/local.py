"""The place a paragraph is set in: a fronted "في <place>،" ("وفي بيروت، رحب …", "أما في
القاهرة، فالقلق اقتصادي", "في مسقط، التي لعبت دور الوسيط، …") before a speaker phrase. A
speaker with no country of its own there (a state official, a local person) speaks for that
place's country rather than the article's dateline. Round 7."""
from __future__ import annotations

import regex as re

from .lexicon import SpeakerLexicon, find_entries, words_in
from .nisba import nisba_country
from .positions import paragraph_start, starting_in
from .resolve import Mention

_WINDOW = 2000  # characters before the speaker looked at
# Nouns that open a place's name ("مدينة أوبوك الجيبوتية").
_PLACE_NOUNS = frozenset("مدينة مدينه بلدة بلده قرية قريه ميناء مخيم منطقة منطقه ولاية ولايه إقليم اقليم جزيرة جزيره"
                         .split())

# A sentence (or paragraph) opening "في" / "وفي" / "ففي" / "أما في" / "وأما في", or "من" / "ومن"
# ("ومن تونس، قال المدير الفني"; round 47; "ففي عمّان، يقول مسؤول"; round 55).
_FRONTED = re.compile(r"(?:^|(?<=[.!؟?]\s{0,3}))\s*(?:و?[أا]ما\s+)?[وف]?(?:في|من)\s+", re.M)


def place_heading(text: str, ss: int, ments: list[Mention], lex: SpeakerLexicon) -> str | None:
    """Country of the latest fronted place ("وفي بيروت،") opening a sentence of the
    paragraph of ``ss`` before it (at most :data:`_WINDOW` characters back), when a comma
    closes the place; else None.

    >>> from arnews.speakers import load_speaker_lexicon
    >>> t = "قال الوزير إن الوضع صعب. وفي بيروت، قال النائب إن «…»."
    >>> place_heading(t, 36, [Mention(29, 34, "LBN", "city", "LBN")], load_speaker_lexicon())
    'LBN'
    >>> place_heading(t, 4, [Mention(29, 34, "LBN", "city", "LBN")], load_speaker_lexicon()) is None
    True
    """
    para = max(paragraph_start(text, ss), ss - _WINDOW)  # bounded: one-paragraph long articles
    found = None
    for m in _FRONTED.finditer(text, para, ss):
        at = m.end()
        code = _place_at(text, at, ss, ments, lex)
        if code is not None:
            found = code
    return found


def _place_at(text: str, at: int, stop: int, ments: list[Mention], lex: SpeakerLexicon) -> str | None:
    """The country of a place named right at ``at`` and closed by a comma."""
    ment = next((x for x in starting_in(ments, at, at + 1) if x.country and x.actor_type not in ("person", "bloc")), None)
    if ment is not None:
        end, code = ment.end, ment.country
    else:
        ws = words_in(text, at, min(stop, at + 40))[:3]
        hits = [(i, e) for i, e in find_entries(lex.places, ws) if i == 0 and e.kind == "place"]
        if hits:
            end, code = ws[len(hits[0][1].words) - 1].end, hits[0][1].value
        elif (placed := _nisba_place(text, at, stop)) is not None:
            end, code = placed
        else:
            return None
    return code if end < stop and _comma_at(text, end) else None


def _comma_at(text: str, end: int) -> bool:
    """Whether a comma follows ``end``, after at most one space."""
    return text[end:end + 2].lstrip(" ")[:1] in ("،", ",")


def _nisba_place(text: str, at: int, stop: int) -> tuple[int, str] | None:
    """A place noun, its name and a state's nisba closed by a comma ("وفي مدينة أوبوك
    الجيبوتية، قال الصياد"; round 46): the end of the nisba and its state."""
    ws = words_in(text, at, min(stop, at + 60))[:4]
    if not ws or ws[0].readings[0] not in _PLACE_NOUNS:
        return None
    k = next((k for k in range(1, len(ws)) if _comma_at(text, ws[k].end)), None)
    code = nisba_country(ws[k].readings[0]) if k is not None else None
    return (ws[k].end, code) if code else None
