"""The place a paragraph is set in: a fronted "في <place>،" ("وفي بيروت، رحب …", "أما في
القاهرة، فالقلق اقتصادي", "في مسقط، التي لعبت دور الوسيط، …") before a speaker phrase. A
speaker with no country of its own there (a state official, a local person) speaks for that
place's country rather than the article's dateline. Round 7."""
from __future__ import annotations

import regex as re

from .lexicon import SpeakerLexicon, find_entries, words_in
from .positions import paragraph_start, starting_in
from .resolve import Mention

_WINDOW = 2000  # characters before the speaker looked at

# A sentence (or paragraph) opening "في" / "وفي" / "أما في" / "وأما في".
_FRONTED = re.compile(r"(?:^|(?<=[.!؟?]\s{0,3}))\s*(?:و?[أا]ما\s+)?و?في\s+", re.M)


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
        if not hits:
            return None
        end, code = ws[len(hits[0][1].words) - 1].end, hits[0][1].value
    return code if end < stop and text[end:end + 2].lstrip(" ")[:1] in ("،", ",") else None
