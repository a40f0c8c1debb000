"""A company taken up by the definite noun ("رئيس الشركة", "المدير التنفيذي للشركة") speaks
for the country its earlier naming gave it ("شركة «هانغانغ ماتيريالز» الكورية", "الشركة
الكندية للتعدين"): the nearest earlier company noun with a nationality in the few words after
it (issue 19, round 10).

>>> t = 'ستستثمر شركة "أنديان كوبر" الكندية في منجم. وقال رئيس الشركة إن المنجم جاهز.'
>>> ss = t.index("رئيس")
>>> company_back_country(t, ss, words_in(t, ss, ss + 15))
'CAN'
>>> company_back_country(t, ss, words_in(t, ss, ss + 4)) is None  # "رئيس" alone takes up no company
True
"""
from __future__ import annotations

from .lexicon import Word, words_in
from .nisba import nisba_country

_THE_COMPANY = frozenset("الشركة الشركه للشركة للشركه بالشركة بالشركه والشركة والشركه".split())
_COMPANY = frozenset("شركة شركه الشركة الشركه لشركة لشركه للشركة للشركه".split())
_HONORIFICS = frozenset("السيد السيدة السيده".split())  # "للشركة السيد ديفيد ماكنزي": a name follows
_NISBA_REACH = 5  # words after the company noun where its nationality may stand (a quoted name between)
_LOOK_BACK = 400  # words before the phrase searched for the company's naming


def takes_up_company(words: list[Word]) -> bool:
    """Whether the phrase's first four words hold the definite company noun closing its
    title's genitive ("رئيس الشركة", "المدير التنفيذي للشركة السيد …"): not "رئيس الشركة الكورية …",
    a company named there."""
    for k, w in enumerate(words[:4]):
        if w.readings[0] in _THE_COMPANY:
            nxt = words[k + 1].readings[0] if k + 1 < len(words) else ""
            return k > 0 and not (nxt.startswith("ال") and nxt not in _HONORIFICS)
    return False


def company_back_country(text: str, ss: int, words: list[Word]) -> str | None:
    """The country of the company a phrase takes up (:func:`takes_up_company`): the
    nationality within a few words after the nearest earlier company noun that has one
    ("الشركة تحترم …" in between gives none), None when no earlier naming gives one."""
    if not takes_up_company(words):
        return None
    before = words_in(text, 0, ss)[-_LOOK_BACK:]
    for k in range(len(before) - 1, -1, -1):
        if before[k].readings[0] not in _COMPANY:
            continue
        for w in before[k + 1:k + 1 + _NISBA_REACH]:
            c = next((x for x in map(nisba_country, w.readings[:2]) if x), None)
            if c:
                return c
    return None
