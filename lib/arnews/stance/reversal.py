"""Cooperation undone: suspending, freezing, cancelling or cutting what a cooperation cue names
(issue 15, round 10).

On the round-9 held-out set t6 a fifth of the conflict pairs read as cooperation had a
cooperation cue governed by a word that undoes it: ``علّقت الشراكة الاستراتيجية مع جورجيا``,
``أوقفت بعض أشكال التعاون مع كوسوفو``, ``تعليق معاهدة الصداقة مع مدريد``, ``علّقت …
مساعداتهما لكيغالي``. The lexicon reads the cue's sign only. :func:`reversed_cues` finds the
cooperation cues that follow such a word (``data/lexicons/stance_reversals.csv``, editable)
within three words, and :func:`reversal_features` names them for the pair model.

A reversal word directly followed by ``على`` is a comment, not a suspension
(``تعليق على الاتفاق``, ``وعلق الوزير على``), and undoes nothing.

>>> from arnews.stance_features import Cue
>>> words = ["وعلقت", "واشنطن", "الشراكة", "مع", "تبليسي"]
>>> cues = [Cue(2, 2, "شراكة", "COOPERATE", 0.7, 0.7, False, False, False, False)]
>>> [c.cue for c in reversed_cues(words, cues)], reversal_features(words, cues)
(['شراكة'], ['rev:COOPERATE', 'rev:any'])
>>> reversal_features(["وفي", "تعليق", "علي", "الشراكة"], [Cue(3, 3, "شراكة", "COOPERATE", 0.7, 0.7, False, False, False, False)])
[]
"""
from __future__ import annotations

import csv
from functools import lru_cache

from ..resources import data_path
from .keys import word_key

__all__ = ["REVERSAL_WINDOW", "reversal_words", "reversed_cues", "reversal_features"]

REVERSAL_WINDOW = 3  # a reversal word undoes a cooperation cue starting at most this many words after it
_COMMENT = frozenset({"علي", "عليه", "عليها", "عليهم"})  # تعليق على / علق على: a comment


@lru_cache(maxsize=1)
def reversal_words() -> frozenset[str]:
    """The word keys of ``data/lexicons/stance_reversals.csv`` (comment rows start with ``#``)."""
    with open(data_path("lexicons/stance_reversals.csv"), encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh)
        return frozenset(word_key(r["word"].strip()) for r in rows
                         if r["word"] and not r["word"].startswith("#"))


def reversed_cues(words: list[str], cues, keys: list[str] | None = None) -> list:
    """The cooperation cues (positive weight) of a sentence that a reversal word undoes
    (``words``: the normalized words; ``cues``: :class:`~arnews.stance_features.Cue` records;
    ``keys``: the words' :func:`~.keys.word_key`, when already made)."""
    coop = [c for c in cues if c.weight > 0]
    if not coop:
        return []
    table = reversal_words()
    keys = keys if keys is not None else list(map(word_key, words))
    if table.isdisjoint(keys):
        return []
    at = [j for j, k in enumerate(keys) if k in table]
    out = []
    for c in coop:
        for j in at:
            if 1 <= c.first - j <= REVERSAL_WINDOW and _COMMENT.isdisjoint(words[j + 1:c.first]):
                out.append(c)
                break
    return out


def reversal_features(words: list[str], cues, keys: list[str] | None = None) -> list[str]:
    """Feature names of the undone cues: ``rev:<category>`` of each, then ``rev:any`` (``keys``
    as for :func:`reversed_cues`)."""
    found = reversed_cues(words, cues, keys)
    if not found:
        return []
    return [*dict.fromkeys(f"rev:{c.category}" for c in found), "rev:any"]
