"""Gender agreement of speech verbs: a continuation cue ("وأضافت") takes the latest earlier
speaker whose own verb agrees with it (moved out of :mod:`.columns`, round 11)."""
from __future__ import annotations

import regex as re

from ..text import normalize
from .subjects import Subject

WORD_AT = re.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{Mn}]*")

# Past verbs of speech that start with ت and are masculine (تابع), not present feminine (تقول).
_T_PAST = frozenset("تابع تساءل تعهد تحدث توقع توعد".split())


def verb_gender(verb: object) -> str | None:
    """``f``/``m`` for a speech verb or participle as written ("وأضافت" → f, "وقال" → m,
    "تقول" → f, "وتابع" → m, "مضيفة" → f), None when it cannot tell.

    >>> [verb_gender(v) for v in ("وأضافت", "وقال", "تقول", "وتابع", "مضيفة", None)]
    ['f', 'm', 'f', 'm', 'f', None]
    """
    if not isinstance(verb, str) or not verb.strip():
        return None
    w = normalize(verb.split()[0])
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    if w.endswith("ت") or w.endswith("ة") or (w.startswith("ت") and w not in _T_PAST):
        return "f"
    return "m"


def agreeing(text: str, verb: object, cands: list) -> object:
    """The latest candidate speaker whose own verb agrees in gender with the continuation
    cue ("… أما نظيرته فقالت «…». وأضاف: «…»" → the man named before her); the latest
    one when none agrees or the cue says nothing."""
    want = verb_gender(verb)
    ordered = [c for _, c in sorted(cands, key=lambda c: c[0], reverse=True)]
    if want is not None:
        for c in ordered:
            if isinstance(c, Subject):
                m = WORD_AT.match(text, c.pos)
                g = verb_gender(m.group()) if m else None
            else:
                g = verb_gender(c.get("verb"))
            if g is None or g == want:
                return c
    return ordered[0]
