"""Definite descriptions that resume an actor named earlier in the article (issue 15).

``الحلف``، ``المنظمة``، ``الوكالة``، ``البلاد``، ``الحكومة`` … name no state themselves; read in
their article they are the bloc or the state named before. Until round 11 a bloc word took
the last bloc *or state institution* named (``الكرملين`` made a later ``المنظمة`` Russia, and
``الوكالة`` after «دبلوماسيين أوروبيين» became the EU, though the article was about the IAEA).
Now a bloc word takes the most recent body whose own name holds that word (``الوكالة`` → the
``الوكالة الدولية للطاقة الذرية`` named before, ``المنظمة`` → ``منظمة الصحة العالمية``), and
only when no named body has it, the most recent body of any name; state institutions
(``الكرملين``، ``البنتاغون``) are not bodies here. ``الرابطة`` and ``الجامعة`` resume a body only
by name (a university is not the Arab League).

>>> blocs = ["NATO", "IAEA"]
>>> resume(["وقالت", "الوكالة", "ان", "الحلف"], [], {}, blocs)
[Resumed(code='IAEA', at=1, word='الوكالة'), Resumed(code='NATO', at=3, word='الحلف')]
>>> resume(["الرابطة"], [], {}, ["NATO"])
[]
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .keys import word_key

__all__ = ["ANAPHORS", "NAMED_ONLY", "Resumed", "body_name_keys", "resume", "remember"]

# Definite descriptions that refer back to an actor named earlier in the article: the key of
# the word (after word_key) and the kind of actor it resumes.
ANAPHORS = {"حلف": "bloc", "منظمة": "bloc", "اتحاد": "bloc", "تكتل": "bloc", "مجموعة": "bloc", "تحالف": "bloc",
            "وكالة": "bloc", "صندوق": "bloc", "رابطة": "bloc", "جامعة": "bloc",
            "بلاد": "country", "مملكة": "country", "جمهورية": "country", "حكومة": "country", "عاصمة": "country"}
NAMED_ONLY = frozenset({"رابطة", "جامعة"})  # resume only a body whose name holds the word


class Resumed(NamedTuple):
    """A definite description that resumes an actor: its code, word position and word."""

    code: str
    at: int
    word: str


@lru_cache(maxsize=1)
def body_name_keys() -> dict[str, frozenset[str]]:
    """The word keys of the names of every body or bloc of the repository gazetteer (an actor
    of type bloc or organization that is its own country code: NATO, IAEA, not the Kremlin).

    >>> "وكالة" in body_name_keys()["IAEA"], "حلف" in body_name_keys()["NATO"], "KREMLIN" in body_name_keys()
    (True, True, False)
    """
    from ..actors.gazetteer import bodies, default_gazetteer, split_field
    from ..text import normalize

    out: dict[str, frozenset[str]] = {}
    for r in bodies(default_gazetteer()).to_dict("records"):
        names = [r["label_ar"], *split_field(r.get("variants"))]
        out[r["country"]] = frozenset(word_key(normalize(w)) for n in names for w in n.split())
    return out


def remember(mentions, last: dict[str, str], blocs: list[str]) -> None:
    """Update an article's memory with a sentence's mentions (in text order): ``last`` keeps
    the last state named, ``blocs`` the bodies named, most recent last."""
    bodies = body_name_keys()
    for m in mentions:
        if m.actor_type in ("anaphor", "group"):  # resumed, not named (arnews.stance.groups)
            continue
        if m.code in bodies:
            if m.code in blocs:
                blocs.remove(m.code)
            blocs.append(m.code)
        else:  # a state, its capital, leader or institution (الكرملين)
            last["country"] = m.code


def resume(words: list[str], mentions, last: dict[str, str], blocs: list[str],
           keys: list[str] | None = None) -> list[Resumed]:
    """The definite descriptions of a sentence that resume an actor of the article's memory
    (``last``, ``blocs``: see :func:`remember`; ``mentions``: records with ``first`` and
    ``last``); a word inside a mention (الاتحاد الأوروبي) is not one (``keys``: the words'
    :func:`word_key`, when known)."""
    keys = keys if keys is not None else [word_key(w) for w in words]
    if not (last or blocs) or ANAPHORS.keys().isdisjoint(keys):
        return []
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    bodies = body_name_keys()
    out = []
    for i, (w, k) in enumerate(zip(words, keys)):
        kind = ANAPHORS.get(k)
        if not kind or i in taken or not ("ال" in w[:4] or w.lstrip("وف").startswith("لل")):
            continue
        if kind == "country":
            code = last.get("country")
        else:
            code = next((b for b in reversed(blocs) if k in bodies.get(b, ())), None)
            if code is None and k not in NAMED_ONLY and blocs:
                code = blocs[-1]
        if code:
            out.append(Resumed(code, i, w))
    return out
