"""A non-state body taken up by its definite noun ("وأضافت المنظمة", "لكن الصحيفة قالت",
"رئيسة المنظمة") speaks for the country its earlier naming gave it ("منظمة كاميناندو
فرونتيراس الإسبانية", "صحيفة «ديلي ستار» البنغلاديشية"; a body named "المحلية" is the
dateline's): the nearest earlier naming of the same noun with a nationality in the few words
after it (issue 19, round 17; the company nouns are :mod:`arnews.speakers.company`'s).

>>> t = 'قالت منظمة "كاميناندو" الإسبانية إن الطريق خطر. وأضافت المنظمة أن العدد كبير.'
>>> ss = t.index("المنظمة")
>>> taken_up_nationality(t, ss, words_in(t, ss, ss + 7), None)
'ESP'
>>> t2 = 'وقالت منظمة "ووتش" المحلية إن الاتفاق حبر على ورق. وقالت رئيسة المنظمة إن الصيد تراجع.'
>>> ss2 = t2.index("رئيسة")
>>> taken_up_nationality(t2, ss2, words_in(t2, ss2, ss2 + 13), "IDN")
'IDN'
>>> taken_up_nationality(t2, ss2, words_in(t2, ss2, ss2 + 13), None) is None  # no dateline
True
"""
from __future__ import annotations

from typing import Callable, Iterator

from .lexicon import SpeakerLexicon, Word, find_entries, words_in
from .nisba import nisba_country

__all__ = ["BODY_NOUNS", "taken_up_noun", "taken_up_nationality", "nearest_naming_uncoded", "earlier_namings",
           "naming_nationality", "names_uncoded_body"]

# Nouns of non-state bodies (NGOs, unions, media), without their article; ة and ه both.
BODY_NOUNS = frozenset("منظمة منظمه صحيفة صحيفه نقابة نقابه جمعية جمعيه مجلة مجله قناة قناه شبكة شبكه رابطة رابطه".split())
_LOCAL = frozenset("المحلية المحليه المحلي".split())
_HONORIFICS = frozenset("السيد السيدة السيده".split())  # "رئيسة المنظمة السيدة …": a name follows
_REACH = 5  # words after the noun where its nationality may stand (a quoted name between)
_LOOK_BACK = 400  # words before the phrase searched for the body's naming
_LOOK_BACK_CHARS = 20 * _LOOK_BACK  # a bound on the text those words span (a long article is not copied per quote)


def _noun(reading: str) -> str | None:
    """The body noun of a word reading without its article or a glued ل (للمنظمة), else None."""
    for pre in ("لل", "ال", "ل", ""):
        if reading.startswith(pre) and (pre != "لل" or len(reading) > 4) and reading[len(pre):] in BODY_NOUNS:
            return reading[len(pre):]
    return None


def earlier_namings(text: str, ss: int, is_naming: Callable[[Word], bool]) -> Iterator[tuple[list[Word], int]]:
    """The words before offset ``ss`` (at most :data:`_LOOK_BACK`, from a bounded stretch of text)
    and, latest first, the position among them of each word ``is_naming`` accepts."""
    before = words_in(text, max(0, ss - _LOOK_BACK_CHARS), ss)[-_LOOK_BACK:]
    for k in range(len(before) - 1, -1, -1):
        if is_naming(before[k]):
            yield before, k


def naming_nationality(text: str, ss: int, is_naming: Callable[[Word], bool], local_words: frozenset = frozenset(),
                       local: str | None = None) -> str | None:
    """The nationality within :data:`_REACH` words after the nearest earlier naming (a word
    ``is_naming`` accepts) that has one; a word of ``local_words`` there ("المحلية") gives
    ``local`` instead. None when no earlier naming gives one. Shared by the body nouns here and
    the company nouns of :mod:`arnews.speakers.company`.

    >>> t = 'أعلنت شركة "نوفا" البرازيلية أرباحها.'
    >>> naming_nationality(t, len(t), lambda w: w.readings[0] == "شركة")
    'BRA'
    """
    for before, k in earlier_namings(text, ss, is_naming):
        for w in before[k + 1:k + 1 + _REACH]:
            if w.readings[0] in local_words:
                return local
            c = next((x for x in map(nisba_country, w.readings[:2]) if x), None)
            if c:
                return c
    return None


def _indefinite_naming(noun: str) -> Callable[[Word], bool]:
    """Whether a word names a body by ``noun`` without the article ("منظمة", not "المنظمة")."""
    return lambda w: any(_noun(r) == noun and not r.startswith(("ال", "لل")) for r in w.readings[:2])


def taken_up_noun(words: list[Word]) -> str | None:
    """The body noun that the phrase's first four words take up with the article ("المنظمة",
    "رئيسة المنظمة", "مديرة الصحيفة"), or None; not a body named there ("المنظمة الدولية
    للهجرة": a definite word follows)."""
    for k, w in enumerate(words[:4]):
        r = next((x for x in w.readings[:2] if x.startswith(("ال", "لل")) and _noun(x)), None)
        if r is None:
            continue
        noun = _noun(r)
        nxt = words[k + 1].readings[0] if k + 1 < len(words) else ""
        return None if nxt.startswith("ال") and nxt not in _HONORIFICS else noun
    return None


def taken_up_nationality(text: str, ss: int, words: list[Word], dateline: str | None) -> str | None:
    """The country of the body a phrase takes up (:func:`taken_up_noun`): the nationality
    within a few words after the nearest earlier indefinite naming of the same noun that has
    one (the dateline's for "المحلية"), None when no earlier naming gives one."""
    noun = taken_up_noun(words)
    if noun is None:
        return None
    return naming_nationality(text, ss, _indefinite_naming(noun), _LOCAL, dateline)


def nearest_naming_uncoded(text: str, ss: int, noun: str, ments, codes: frozenset[str], reach: int = _REACH) -> bool:
    """Whether the nearest earlier indefinite naming of ``noun`` before ``ss`` ("منظمة أطباء بلا
    حدود") names no body with a code of ``codes`` in its first ``reach`` words: then "المنظمة"
    after it is that body, not a coded one named before it ("منظمة الصحة العالمية"). False
    when there is no such naming. ``ments``: mentions with ``start``/``end``/``country``.

    >>> t = "قالت منظمة الصحة العالمية إن الوباء ينتشر. وقالت منظمة أطباء بلا حدود إن الفرق تعمل."
    >>> who = [type("M", (), {"start": 11, "end": 26, "country": "WHO"})()]
    >>> nearest_naming_uncoded(t, len(t), "منظمة", who, frozenset({"WHO"}))
    True
    >>> nearest_naming_uncoded(t, t.index("وقالت"), "منظمة", who, frozenset({"WHO"}))
    False
    """
    for before, k in earlier_namings(text, ss, _indefinite_naming(noun)):
        lo, hi = before[k].start, before[min(k + reach, len(before)) - 1].end
        return not any(lo <= m.start < hi and m.country in codes for m in ments)
    return False


# A regional group ("المجموعة الاقتصادية لدول غرب أفريقيا", "مجموعة تنمية الجنوب الأفريقي"): an
# NGO, union or paper named without a code is as often local, and speaks for the dateline's state
_GROUP_NOUNS = frozenset("مجموعة مجموعه".split())


def names_uncoded_body(text: str, lo: int, hi: int, ments) -> bool:
    """Whether ``text[lo:hi]`` names a regional group (المجموعة …) with neither a coded
    mention nor a nisba in the :data:`_REACH` words from its noun: "ورحبت المجموعة الاقتصادية
    لدول غرب أفريقيا (إيكواس) بالقرار، وقال مفوضها" (round 58). ``ments``: mentions with
    ``start``/``country``.

    >>> t = "ورحبت المجموعة الاقتصادية لدول غرب أفريقيا بالقرار"
    >>> names_uncoded_body(t, 0, len(t), []), names_uncoded_body("وقالت المجموعة الصينية", 0, 22, [])
    (True, False)
    """
    ws = words_in(text, lo, hi)
    for k, w in enumerate(ws):
        if not any(r.removeprefix("ال") in _GROUP_NOUNS for r in w.readings[:2]):
            continue
        near = ws[k:k + _REACH]
        return not (any(near[0].start <= m.start < near[-1].end and m.country for m in ments)
                    or any(nisba_country(r) for x in near[1:] for r in x.readings[:2]))
    return False


def takes_up_uncoded_body(text: str, ss: int, words: list[Word], lex: SpeakerLexicon) -> bool:
    """Whether the phrase's first words take up, by a definite noun, a body of the title
    lexicon with no code (``organisation``) that the article named before ``ss``: "مفوضية
    المجموعة في أبوجا" after "المجموعة الاقتصادية لدول غرب أفريقيا" speaks for ECOWAS, not for
    Nigeria, where its seat is (round 61)."""
    heads = {r for k, w in enumerate(words[:4]) for r in w.readings[:2] if r.startswith("ال") and len(r) > 4
             and not (k + 1 < len(words) and words[k + 1].readings[0].startswith("ال"))}
    if not heads:
        return False
    before = words_in(text, max(0, ss - 3000), ss)
    return any(e.value == "organisation" and len(e.words) > 1 and e.words[0] in heads
               for _, e in find_entries(lex.titles, before))
