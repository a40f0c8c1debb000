"""The states behind a group word: «الدول الثلاث», «القادة الستة», «الترويكا الأوروبية» (issue 15, round 23).

On t18 (round 21's held-out set), most gold pairs the model never proposed had one side named
only through a group: the three states named further back than the two sentences
:mod:`arnews.stance.groupref` looks at, the six leaders of a named summit, the E3 of the Iran
file, the Baltic states. :mod:`~arnews.stance.groupref` only turns such words into features of
pairs that are already candidates; :func:`group_mentions` resolves them to the member states,
so the pair model can weigh their pairs like any other:

* a named group of ``data/lexicons/stance_groups.csv`` (editable): ``الترويكا الأوروبية`` is
  Germany, France and Britain, ``دول البلطيق`` Estonia, Latvia and Lithuania;
* a plural noun of states or their leaders followed, at most two words on, by a number word
  (``الدول الخمس``، ``العواصم الأوروبية الثلاث``، ``القادة الستة``) is the last N states the
  article named before (those the sentence names only to make up N), when there are N and the
  sentence itself names fewer than N; the number is definite (``ثلاث حروب`` counts wars) and a list
  written out in the sentence (``دول البلطيق الثلاث، إستونيا ولاتفيا وليتوانيا``) is its own.

>>> words = ["ودعت", "موسكو", "الدول", "الثلاث", "الي", "الحوار"]
>>> [(g.code, g.at) for g in group_mentions(words, {1: "RUS"}, ["FRA", "DEU", "GBR"])]
[('FRA', 2), ('DEU', 2), ('GBR', 2)]
>>> [g.code for g in group_mentions(["ورحبت", "دول", "البلطيق", "بالقرار"], {}, [])]
['EST', 'LTU', 'LVA']
"""
from __future__ import annotations

import csv
from functools import lru_cache
from typing import NamedTuple

from ..resources import data_path
from .keys import word_key

__all__ = ["GroupMember", "NUMBERS", "STATE_PLURALS", "named_groups", "may_name_group", "group_mentions",
           "remember_states"]

# Word keys of a number word after a plural of states, and the number it says.
NUMBERS = {"اثنين": 2, "ثلاث": 3, "ثلاثة": 3, "اربع": 4, "اربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
           "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمان": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9}
# Word keys of plural nouns of states that a number word after them resumes (الدول الثلاث); also
# read by arnews.stance.groupref for its features.
STATE_PLURALS = frozenset({"دول", "اطراف", "عواصم", "بلدان", "حكومات", "جيران"})
# ... and here their leaders and partners too (القادة الستة).
_PLURALS = STATE_PLURALS | {"قادة", "زعماء", "رؤساء", "شركاء"}
_GAP = 2  # words (adjectives: الأوروبية، الأعضاء) allowed between the plural and its number


class GroupMember(NamedTuple):
    """One member state of a group word: its code and the group's words (first, last)."""

    code: str
    at: int
    end: int
    word: str


@lru_cache(maxsize=1)
def named_groups() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """``(phrase word keys, member codes)`` of ``data/lexicons/stance_groups.csv`` (comment
    rows start with ``#``), longest phrase first."""
    with open(data_path("lexicons/stance_groups.csv"), encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["phrase"] and not r["phrase"].startswith("#")]
    out = {tuple(word_key(w) for w in r["phrase"].split()): tuple(r["members"].split("|")) for r in rows}
    return tuple(sorted(out.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=1)
def _first_keys() -> frozenset[str]:
    return frozenset(phrase[0] for phrase, _ in named_groups())


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    return _first_keys() | _PLURALS


def may_name_group(keys: list[str]) -> bool:
    """Whether a sentence (its words' :func:`~.keys.word_key`) holds a word a group can start
    with; most do not, and :func:`group_mentions` need not be called for them.

    >>> may_name_group(["قالت", "دول", "البلطيق"]), may_name_group(["قالت", "روسيا"])
    (True, False)
    """
    return not _triggers().isdisjoint(keys)


def _named(keys: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
    """``(first, last, members)`` of each named group in the sentence's word keys."""
    out, taken = [], set()
    if _first_keys().isdisjoint(keys):  # most sentences: no phrase can start here
        return out
    for phrase, members in named_groups():
        n = len(phrase)
        for i in range(len(keys) - n + 1):
            if tuple(keys[i:i + n]) == phrase and taken.isdisjoint(range(i, i + n)):
                out.append((i, i + n - 1, members))
                taken.update(range(i, i + n))
    return out


def _numbered(words: list[str], keys: list[str], taken: set[int]) -> list[tuple[int, int, int]]:
    """``(first, last, number)`` of each plural of states followed by a number word."""
    out: list[tuple[int, int, int]] = []
    if _PLURALS.isdisjoint(keys):
        return out
    for i, k in enumerate(keys):
        if k not in _PLURALS or i in taken:
            continue
        for j in range(i + 1, min(i + 2 + _GAP, len(keys))):
            if keys[j] in NUMBERS:
                if keys[j] != words[j]:  # definite (الثلاث), not a count (ثلاث حروب)
                    out.append((i, j, NUMBERS[keys[j]]))
                break
    return out


def group_mentions(words: list[str], named: dict[int, str], recent: list[str],
                   keys: list[str] | None = None) -> list[GroupMember]:
    """The member states of the sentence's group words that the sentence does not name itself
    (``named``: first word of each of its mentions -> code; ``recent``: the distinct states the
    article named before, most recent last, see :func:`remember_states`; ``keys``: the words'
    :func:`~.keys.word_key`, when made)."""
    keys = keys if keys is not None else [word_key(w) for w in words]
    here = set(named.values())
    out: list[GroupMember] = []
    found = _named(keys)
    for first, last, members in found:
        out += [GroupMember(c, first, last, " ".join(words[first:last + 1])) for c in members if c not in here]
    taken = {i for f, l, _ in found for i in range(f, l + 1)} | set(named)
    before = [c for c in recent if c not in here]  # a state named here is a member only to make up N
    for first, last, n in _numbered(words, keys, taken):
        if len(here) >= n or len(recent) < n:
            continue
        out += [GroupMember(c, first, last, " ".join(words[first:last + 1])) for c in before[-n:]]
    seen: set[str] = set()
    return [g for g in out if not (g.code in seen or seen.add(g.code))]


def remember_states(codes, recent: list[str], bodies) -> None:
    """Move the states among ``codes`` (in text order) to the end of the article's ``recent``
    list; bodies and blocs (``bodies``: their codes) are not states a number resumes.

    >>> recent = ["FRA", "DEU"]
    >>> remember_states(["EU", "FRA", "ITA"], recent, {"EU"}); recent
    ['DEU', 'FRA', 'ITA']
    """
    for c in codes:
        if c in bodies:
            continue
        if c in recent:
            recent.remove(c)
        recent.append(c)
