"""The secretary-general or the secretariat of a forum, league or group ("الأمين العام لمنتدى
جزر المحيط الهادئ", "الأمانة العامة للجماعة") speaks for that body, not for a state: no
dateline, no host city (issue 19, round 19, candidate 1e of rounds 17–18). A phrase that names
a coded body (ASEAN, the EU …) is left to the body rules by the caller.

>>> from arnews.speakers.lexicon import words_in
>>> t = "الأمين العام لمنتدى جزر المحيط الهادئ"
>>> forum_secretariat(words_in(t, 0, len(t)))
True
>>> t = "الأمانة العامة للمجموعة في بيان"
>>> forum_secretariat(words_in(t, 0, len(t)))
True
>>> t = "الأمين العام لوزارة الخارجية"          # a ministry's: not a forum
>>> forum_secretariat(words_in(t, 0, len(t)))
False
"""
from __future__ import annotations

from .lexicon import Word

__all__ = ["forum_secretariat", "FORUM_NOUNS"]

#: the bodies whose secretary-general or secretariat speaks for the body (bare forms, ى as ي)
FORUM_NOUNS = frozenset(("منتدي", "جماعة", "رابطة", "تجمع", "مجموعة"))
_SG = frozenset(("الامين", "امين", "الامانة", "امانة"))
_GENERAL = frozenset(("العام", "عام", "العامة", "عامة"))


def _bare(r: str) -> str:
    for p in ("لل", "ال", "ل"):
        if r.startswith(p) and len(r) - len(p) >= 3:
            return r[len(p):]
    return r


def forum_secretariat(words: list[Word]) -> bool:
    """Whether "الأمين العام" or "الأمانة العامة" (in the phrase's first five words) governs a
    forum noun of :data:`FORUM_NOUNS` right after it (``لمنتدى``, ``للرابطة``)."""
    for k in range(min(len(words) - 2, 5)):
        if _SG.intersection(words[k].readings[:2]) and words[k + 1].readings[0] in _GENERAL:
            nxt = words[k + 2].readings
            return any(_bare(r) in FORUM_NOUNS for r in nxt[:2])
    return False
