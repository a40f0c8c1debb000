"""What a state's adjective describes: the head noun of a nisba mention (issue 15, round 11).

A state named by its relational adjective (``الصينية``، ``الأوروبية``) is a party to a
relation when the noun it qualifies acts for the state (``السفير الإثيوبي``، ``القوات
الروسية``، ``الخارجية الأمريكية``) and seldom when it only locates or describes something
(``لحوم الأبقار البرازيلية``، ``الحدود الأوروبية``، ``الاستثمارات الكورية``). On the round-10
held-out set t7, a quarter of the pairs the model found where the gold has none had such a
descriptive adjective on one side. :func:`head_noun` finds the noun a nisba mention
qualifies (skipping the other adjectives of a list: ``الأبقار البرازيلية والأرجنتينية``), and
:func:`nisba_features` names it for each side of a pair, so the model can learn which heads
act and which describe.

>>> from arnews.stance_features import Mention
>>> words = ["منافسة", "لحوم", "الابقار", "البرازيلية", "والارجنتينية"]
>>> ms = [Mention("BRA", 3, 3, "country", "البرازيلية"), Mention("ARG", 4, 4, "country", "الأرجنتينية")]
>>> head_noun(words, ms, ms[1])
'ابقار'
>>> nisba_features(["اتهم", "السفير", "الاثيوبي", "مصر"], [], Mention("ETH", 2, 2, "country", "الإثيوبي"),
...                Mention("EGY", 3, 3, "country", "مصر"))
['nisba:L', 'nhead:L:سفير']
"""
from __future__ import annotations

from ..wordforms import is_nisba
from .keys import word_key

__all__ = ["is_nisba_mention", "head_noun", "nisba_features"]

_JOINERS = frozenset({"و", "،", ","})


def is_nisba_mention(words: list[str], m) -> bool:
    """Whether the mention (a record with ``first`` and ``last`` word positions) is one
    relational adjective (``الصينية``, ``والروسي``), not a name.

    >>> from arnews.stance_features import Mention
    >>> is_nisba_mention(["القوات", "الروسية"], Mention("RUS", 1, 1, "country", "الروسية"))
    True
    >>> is_nisba_mention(["قالت", "روسيا"], Mention("RUS", 1, 1, "country", "روسيا"))
    False
    """
    return m.first == m.last and 0 <= m.first < len(words) and is_nisba(words[m.first])


def head_noun(words: list[str], mentions, m) -> str:
    """The word key of the noun the nisba mention ``m`` qualifies: the nearest word before it
    that is neither another nisba mention of the same list nor a joiner; ``^`` at the start."""
    starts = {x.first for x in mentions if x.first == x.last}
    k = m.first - 1
    while k >= 0 and (words[k] in _JOINERS or k in starts and is_nisba(words[k])):
        k -= 1
    return word_key(words[k]) if k >= 0 else "^"


def nisba_features(words: list[str], mentions, left, right) -> list[str]:
    """Feature names for a pair's two closest mentions: ``nisba:L`` / ``nisba:R`` for a side
    named by its adjective and ``nhead:L:<noun>`` / ``nhead:R:<noun>`` for the noun it
    qualifies (``mentions``: every mention of the sentence, for the lists of adjectives)."""
    out: list[str] = []
    for side, m in (("L", left), ("R", right)):
        if is_nisba_mention(words, m):
            out += [f"nisba:{side}", f"nhead:{side}:{head_noun(words, mentions, m)}"]
    return out
