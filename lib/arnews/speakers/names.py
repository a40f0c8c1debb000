"""A bare family name taking up an earlier speaker: "وأضاف آدم" after "وقال عمر شيخ آدم، وهو
باحث في مركز … في مقديشو" speaks for the state the fuller phrase was resolved to (round 11)."""
from __future__ import annotations

from typing import NamedTuple

from ..text import normalize


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
