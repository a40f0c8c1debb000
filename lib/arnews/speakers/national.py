"""A national body or office with no country of its own speaks for the article's state (issue
19, round 63): "الوكالة الوطنية للموانئ" in a story datelined Tangier, "المدعي الاقتصادي الوطني"
in a Chilean one. The phrase says "national" and names no other state, so it is the home state's.

>>> from arnews.speakers.resolve import SpeakerInfo
>>> t = "وقال المدعي الاقتصادي الوطني إن"
>>> row = {"speaker_start": 5, "speaker_end": t.index(" إن")}
>>> national_body(t, row, SpeakerInfo(None, "analyst"), "CHL")
SpeakerInfo(country='CHL', type='state')
>>> national_body(t, row, SpeakerInfo(None, "analyst"), None)
SpeakerInfo(country=None, type='analyst')
>>> row = {"speaker_start": 5, "speaker_end": t.index(" الوطني")}  # "المدعي الاقتصادي": not national
>>> national_body(t, row, SpeakerInfo(None, "analyst"), "CHL")
SpeakerInfo(country=None, type='analyst')
"""
from __future__ import annotations

from .lexicon import words_in

__all__ = ["national_body"]

#: "national" (normalized and not): the adjective of a state's own bodies and offices
NATIONAL_WORDS = frozenset("الوطنية الوطنيه الوطني وطنية وطنيه وطني الجهوية الجهويه الجهوي".split())


def national_body(text: str, row: dict, info, home: str | None):
    """``info`` with the ``home`` state when it has no country and its speaker phrase calls the
    body or office national ("الوكالة الوطنية للموانئ"); an unnamed type becomes ``state``."""
    ss, se = row.get("speaker_start"), row.get("speaker_end")
    if info.country or not home or ss is None or se is None or ss != ss or se != se:
        return info
    words = words_in(text, int(ss), int(se))
    if not any(NATIONAL_WORDS.intersection(w.readings[:2]) for w in words[1:4]):
        return info
    return type(info)(home, info.type if info.type not in (None, "analyst") else "state")
