"""Where a non-state speaker is from, given in an apposition right after the phrase: "قالت
الخبيرة الاقتصادية نادية رحمن، من جامعة في لاهور، إن …", "ويرى الباحث … دانيار سيرغازين، من
ألماتي، أن …" (issue 19, round 37). The caller looks for a place in the span.

>>> t = "وقالت الخبيرة نادية رحمن، من جامعة في لاهور، إن الاتفاق"
>>> lo, hi = origin_span(t, t.index("،"))
>>> t[lo:hi]
'جامعة في لاهور'
>>> origin_span("وقال الوزير، من جهته، إن", 11) is None   # an adverbial, not an origin
True

A place right after the phrase, "في" and one or two words ("وقال تاجر أوروبي في جنيف، طلب
عدم نشر اسمه، إن …"; round 42), is found by :func:`place_after`:

>>> t = "وقال تاجر أوروبي في جنيف، طلب عدم نشر اسمه، إن"
>>> lo, hi = place_after(t, t.index(" في"))
>>> t[lo:hi]
'جنيف'
"""
from __future__ import annotations

import regex as re

__all__ = ["origin_span", "place_after"]

# "، من <up to 60 characters>" closed by a comma or a complementizer
_ORIGIN_RE = re.compile(r"[ \t]*[،,][ \t]*من[ \t]+([^،,:.؟?!\n«»\"“”]{3,60}?)[ \t]*(?=[،,]|[ \t](?:إن|أن|ان)[ \t])")
_ADVERBIAL = frozenset(("جهته", "جهتها", "ناحيته", "ناحيتها", "جانبه", "جانبها", "جهة", "ناحية", "جانب"))


def origin_span(text: str, end: int) -> tuple[int, int] | None:
    """Span of the origin in "، من …،" right after a speaker phrase ending at ``end``; None
    when the phrase is not followed by one (or by an adverbial "، من جهته،")."""
    m = _ORIGIN_RE.match(text, end)
    if m is None or m.group(1).split()[0] in _ADVERBIAL:
        return None
    return m.span(1)


_PLACE_RE = re.compile(r"[ \t]+في[ \t]+([^\s،,:.؟?!«»\"“”]+(?:[ \t]+[^\s،,:.؟?!«»\"“”]+)?)")


def place_after(text: str, end: int) -> tuple[int, int] | None:
    """Span of the one or two words after "في" right after a speaker phrase ending at ``end``
    (the caller looks for a place there); None when no "في" follows."""
    m = _PLACE_RE.match(text, end)
    return m.span(1) if m else None
