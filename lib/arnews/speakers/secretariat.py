"""An office *of* "the Secretary-General" named with no body after it ("المتحدث باسم الأمين
العام", "الممثلة الخاصة للأمين العام في هايتي", "مبعوث الأمين العام") is the UN
Secretary-General's: the speaker speaks for the UN, not for the country the post is in
(issue 19, round 17).

>>> from arnews.speakers.lexicon import words_in
>>> t = "الممثلة الخاصة للأمين العام في هايتي"
>>> un_secretary_general_office(words_in(t, 0, len(t)))
True
>>> t = "الأمين العام للأمم المتحدة"          # the SG himself, the body named: other rules
>>> un_secretary_general_office(words_in(t, 0, len(t)))
False
>>> t = "المتحدث باسم الأمين العام للحلف"      # a body named after it: the body rules
>>> un_secretary_general_office(words_in(t, 0, len(t)))
False
"""
from __future__ import annotations

from .lexicon import Word

__all__ = ["un_secretary_general_office"]

_SG = frozenset(("الامين", "امين"))
_GENERAL = frozenset(("العام", "عام"))
_OF = frozenset(("باسم", "اسم"))


def un_secretary_general_office(words: list[Word]) -> bool:
    """Whether the phrase's first five words hold "the Secretary-General" in the genitive of an
    office (after a title or باسم: not opening the phrase) and no body is named right after
    "العام" (a ل-word or a definite word: "للحلف", "للأمم المتحدة" are left to the body rules)."""
    for k in range(1, min(len(words) - 1, 5)):
        if not (_SG.intersection(words[k].readings[:2]) and words[k + 1].readings[0] in _GENERAL):
            continue
        r = words[k].readings[0]
        if not (r.startswith("ال") or r.startswith("لل") or words[k - 1].readings[0] in _OF):
            return False
        nxt = words[k + 2].readings[0] if k + 2 < len(words) else ""
        return not (nxt.startswith("ل") or nxt.startswith("ال"))
    return False
