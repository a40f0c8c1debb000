"""A channel or addressee inside a speaker phrase (round 22 of issue 19): after "في بيان /
تصريح / مقابلة / حديث" the phrase names the medium or the one addressed ("في مقابلة مع صحيفة
«فايننشال تايمز»"، "في تصريح لإذاعة فرنسا"، "في بيان السلطات التونسية"), not the speaker's state."""
from __future__ import annotations

from .lexicon import Word

# round 30: a press conference, too ("المفوضة في مؤتمر صحفي مشترك مع وزير الداخلية المغربي")
CHANNEL_NOUNS = frozenset("بيان تصريح تصريحات مقابله مقابلة حديث مؤتمر".split())
#: a medium glued to ل: the one spoken to (round 54)
MEDIUM_ADDRESSED = frozenset("لصحيفه لصحيفة لوكاله لوكالة لقناه لقناة لاذاعه لاذاعة لمجله لمجلة لموقع لشبكه لشبكة".split())
_WRITES_FOR = frozenset("مراسل مراسله مراسلة المراسل كاتب كاتبه كاتبة الكاتب محرر محرره محررة المحرر صحفي صحفيه صحفية "
                        "الصحفي مذيع مذيعه مذيعة المذيع مدير مديره مديرة رئيس رئيسه رئيسة".split())


def channel_start(words: list[Word]) -> int | None:
    """Offset of the first "في بيان/تصريح/مقابلة/حديث/مؤتمر" inside a speaker phrase, not at its
    start ("في مقابلة، يرى الرئيس …" opens the sentence); None when there is none.

    >>> from arnews.speakers.lexicon import words_in
    >>> t = "مدير المجلس في غرب أفريقيا في تصريح لإذاعة فرنسا"
    >>> t[channel_start(words_in(t, 0, len(t))):]
    'في تصريح لإذاعة فرنسا'
    >>> channel_start(words_in("في مقابلة مع الوزير", 0, 19)) is None
    True
    """
    for k in range(1, len(words) - 1):
        if words[k].readings[0] == "في" and CHANNEL_NOUNS.intersection(words[k + 1].readings[:2]):
            return words[k].start
    return None


def addressed_medium(words: list[Word]) -> int | None:
    """Index of a medium glued to ل after the speaker's words ("قال المزارع حمد الكلباني
    لصحيفة «عمان»": the newspaper spoken to, neither the speaker's type nor its state), not
    when the speaker writes for it ("مراسل لصحيفة «الأهرام»"); None when there is none (round 54).

    >>> from arnews.speakers.lexicon import words_in
    >>> t = "المزارع حمد الكلباني لصحيفة عمان"
    >>> addressed_medium(words_in(t, 0, len(t))), addressed_medium(words_in("مراسل لصحيفة الأهرام", 0, 20)) is None
    (3, True)
    """
    for k in range(1, len(words)):
        if words[k].readings[0] in MEDIUM_ADDRESSED and not _WRITES_FOR.intersection(words[k - 1].readings[:2]):
            return k
    return None
