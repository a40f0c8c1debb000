"""A company taken up by the definite noun ("رئيس الشركة", "المدير التنفيذي للشركة", or "الشركة"
itself since round 45) speaks
for the country its earlier naming gave it ("شركة «هانغانغ ماتيريالز» الكورية", "الشركة
الكندية للتعدين"): the nearest earlier company noun with a nationality in the few words after
it (issue 19, round 10).

>>> t = 'ستستثمر شركة "أنديان كوبر" الكندية في منجم. وقال رئيس الشركة إن المنجم جاهز.'
>>> ss = t.index("رئيس")
>>> company_back_country(t, ss, words_in(t, ss, ss + 15))
'CAN'
>>> company_back_country(t, ss, words_in(t, ss, ss + 4)) is None  # "رئيس" alone takes up no company
True
>>> t = 'طالبت الحكومة شركة «وودسايد» الأسترالية بالتفاوض. وقالت الشركة في بيان إنها «ملتزمة».'
>>> ss = t.index("الشركة في")
>>> company_back_country(t, ss, words_in(t, ss, ss + 6))
'AUS'
"""
from __future__ import annotations

from .body_nationality import naming_nationality
from .lexicon import Word, words_in  # noqa: F401  (words_in: the examples above)

_THE_COMPANY = frozenset("الشركة الشركه للشركة للشركه بالشركة بالشركه والشركة والشركه".split())
_COMPANY = frozenset("شركة شركه الشركة الشركه لشركة لشركه للشركة للشركه".split())
_HONORIFICS = frozenset("السيد السيدة السيده".split())  # "للشركة السيد ديفيد ماكنزي": a name follows


def takes_up_company(words: list[Word]) -> bool:
    """Whether the phrase's first four words hold the definite company noun, alone or closing its
    title's genitive ("الشركة", "رئيس الشركة", "المدير التنفيذي للشركة السيد …"): not "رئيس الشركة
    الكورية …", a company named there."""
    for k, w in enumerate(words[:4]):
        if w.readings[0] in _THE_COMPANY:
            nxt = words[k + 1].readings[0] if k + 1 < len(words) else ""
            return not (nxt.startswith("ال") and nxt not in _HONORIFICS)
    return False


def company_back_country(text: str, ss: int, words: list[Word]) -> str | None:
    """The country of the company a phrase takes up (:func:`takes_up_company`): the
    nationality within a few words after the nearest earlier company noun that has one
    ("الشركة تحترم …" in between gives none), None when no earlier naming gives one
    (:func:`~arnews.speakers.body_nationality.naming_nationality`, as for the body nouns)."""
    if not takes_up_company(words):
        return None
    return naming_nationality(text, ss, lambda w: w.readings[0] in _COMPANY)
