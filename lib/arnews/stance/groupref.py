"""Which earlier-named states a sentence takes up again without naming them (issue 15, round 9).

On the round-8 held-out set t5, most gold pairs the model missed had one side named only in an
earlier sentence, and the sentence points back to it with a group word: ``الطرفين`` /
``البلدين`` (the two named before), ``الدول الثلاث`` / ``الأطراف الثلاثة`` (the three),
``استدعت إسرائيل سفراءها لدى الدول الثلاث``; or it reports a vote (``صوتت … ضد القرار``,
``امتنعت … عن التصويت``) whose body (UN) was named before; or a list of states acts together
towards a party named before (``أعلنت السلفادور وغواتيمالا وجامايكا استعدادها لإرسال عناصر``).
:func:`group_reference` and :func:`has_vote` read the sentence once; :func:`group_features`
names, for one pair whose other side is not named here, which of these hold.

>>> words = ["واستدعت", "اسرائيل", "سفراءها", "لدي", "الدول", "الثلاث"]
>>> group_reference(words)
3
>>> group_features(GroupFacts(3, False, frozenset({"ESP"})), "ESP", named_run=1)
['grp:ref3', 'grp:ref&prev']
"""
from __future__ import annotations

from typing import NamedTuple

from .groups import NUMBERS, STATE_PLURALS
from .keys import word_key

__all__ = ["GroupFacts", "group_reference", "has_vote", "group_facts", "group_features"]

# Word keys (arnews.stance_features.word_key) of a plural noun that, followed by a number word,
# resumes several states named before: الدول الثلاث، الأطراف الأربعة، العواصم الخمس.
_PLURALS = STATE_PLURALS
_NUMBERS = frozenset(k for k, n in NUMBERS.items() if 3 <= n <= 7)  # ثلاث … سبعة
# Dual words that resume two states named before (a subset of the lexicon's pair words, which
# also propose the article's main pair as a candidate).
_DUALS = frozenset({"طرفين", "طرفان", "بلدين", "بلدان", "جانبين", "جانبان", "دولتين", "دولتان", "عاصمتين",
                    "عاصمتان", "بلديهما", "كلاهما"})
_VOTES = frozenset({"صوتت", "صوت", "يصوت", "تصوت", "تصويت", "امتنعت", "امتنع", "عارضته", "ايدته", "اقتراع"})


class GroupFacts(NamedTuple):
    """What the group features of one sentence share (:func:`group_facts`, once per sentence)."""

    ref: int  # 0 none, 2 a dual (الطرفين), 3 a plural with a number (الدول الثلاث)
    vote: bool  # the sentence reports a vote
    prev: frozenset  # the states named in the sentence just before


def _keys(words: list[str]) -> list[str]:
    return [word_key(w) for w in words]


def _reference(keys: list[str]) -> int:
    if not _PLURALS.isdisjoint(keys):
        for a, b in zip(keys, keys[1:]):
            if a in _PLURALS and b in _NUMBERS:
                return 3
    return 0 if _DUALS.isdisjoint(keys) else 2


def group_reference(words: list[str]) -> int:
    """2 when the sentence holds a dual that resumes two states (``الطرفين``), 3 when a plural
    noun followed by a number does (``الدول الثلاث``; ``الدول`` alone does not), else 0;
    the plural wins when both occur.

    >>> group_reference(["وتوصل", "الطرفان", "الي", "اتفاق"]), group_reference(["دول", "العالم"])
    (2, 0)
    """
    return _reference(_keys(words))


def has_vote(words: list[str]) -> bool:
    """Whether the sentence reports a vote (``صوتت``، ``امتنعت``، ``التصويت`` …).

    >>> has_vote(["وامتنعت", "الهند", "عن", "التصويت"]), has_vote(["صوت", "المدافع"])
    (True, True)
    """
    return not _VOTES.isdisjoint(_keys(words))


def group_facts(words: list[str], context: dict[str, int], keys: list[str] | None = None) -> GroupFacts:
    """:class:`GroupFacts` of a sentence (``context``: codes of the previous sentences -> how
    many sentences back, as :attr:`~arnews.stance_features.SentenceView.context`); the words'
    keys are read once (``keys``: the words' :func:`~.keys.word_key`, when already made)."""
    keys = keys if keys is not None else _keys(words)
    return GroupFacts(_reference(keys), not _VOTES.isdisjoint(keys),
                      frozenset(c for c, back in context.items() if back == 1))


def _is_bloc(code: str) -> bool:
    """Blocs and bodies (UN, EU, NATO, ARAB_LEAGUE …) are not three-letter ISO codes."""
    return len(code) != 3 or "_" in code


def group_features(facts: GroupFacts, other: str, named_run: int) -> list[str]:
    """Feature names of a pair whose side ``other`` is not named in the sentence (``named_run``:
    the length of the list of states the named side is listed in, 0 when neither side is named)."""
    out = []
    if facts.ref:
        out.append(f"grp:ref{facts.ref}")
        if other in facts.prev:
            out.append("grp:ref&prev")
    if facts.vote and _is_bloc(other):
        out.append("grp:vote&other_bloc")
    if named_run >= 2:
        out.append("grp:named_in_list")
        if other in facts.prev:
            out.append("grp:list&prev")
    return out
