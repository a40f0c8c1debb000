"""Word keys: a light clitic strip shared by every stance feature, so "وروسيا" and "روسيا" and
"بالعقوبات"/"العقوبات" share a key (re-exported by :mod:`arnews.stance_features`; here so that
the feature modules of :mod:`arnews.stance` can read it without importing that module).
"""
from __future__ import annotations

from functools import lru_cache

__all__ = ["word_key"]


@lru_cache(maxsize=200_000)
def word_key(norm: str) -> str:
    """A feature key for a normalized word: leading و/ف, then ب/ل/ك + ال or ال/لل stripped.

    >>> [word_key(w) for w in ["وبالعقوبات", "للصين", "فالتعاون", "وقال"]]
    ['عقوبات', 'صين', 'تعاون', 'قال']
    """
    w = norm
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    for p in ("بال", "لل", "كال", "وال", "ال"):
        if w.startswith(p) and len(w) - len(p) >= 2:
            return w[len(p):]
    return w
