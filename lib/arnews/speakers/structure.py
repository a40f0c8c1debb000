"""Structural readings of a speaker phrase that need no listed person or title (issue 19,
round 6):

* an institution's head noun (``data/lexicons/speaker_institution_heads.csv``: وزارة، هيئة،
  مجلس، سفارة …) governs the words after it, so a title word there belongs to the
  institution's name ("رئيس هيئة قناة السويس" is no TV channel's head), and an
  institution entry right after it is that body itself ("منظمة اليونسكو");
* a bloc's name followed by a لـ-complement names another body ("الاتحاد الأوروبي لكرة
  القدم" is UEFA, not the EU);
* in a window naming two people ("رئيس مجلس الدولة الصيني لي تشيانغ والرئيس الكيني وليام
  روتو"), a name's description starts at the last title joined by و;
* a word that is a place name ("أستانا", "فيينا") is no "our"/"your" possessive;
* a country a title governs in construct ("مدرب البرازيل") places a non-state speaker
  before countries named in the adverbials after it.

>>> from arnews.speakers.lexicon import words_in
>>> text = "رئيس هيئة قناة السويس"
>>> in_institution_name(words_in(text, 0, len(text)), 2)
True
"""
from __future__ import annotations

from functools import lru_cache

from .blocs import COMMISSIONERS
from .lexicon import SpeakerLexicon, Word, find_entries, one_word_forms
from .nisba import bare_word, country_stems, nisba_country


@lru_cache(maxsize=1)
def institution_heads() -> frozenset[str]:
    """The head nouns of ``data/lexicons/speaker_institution_heads.csv``, normalized,
    without article."""
    return one_word_forms("speaker_institution_heads.csv")


def is_institution_head(w: Word) -> bool:
    """Whether ``w`` (with its clitics: "لوزارة", "والهيئة") is an institution's head noun."""
    return _head_readings(w.readings)


@lru_cache(maxsize=100_000)
def _head_readings(readings: tuple[str, ...]) -> bool:
    heads = institution_heads()
    return any(bare_word(r) in heads for r in readings)


def in_institution_name(words: list[Word], i: int) -> bool:
    """Whether the word at ``i`` follows an institution head noun in construct: "هيئة
    قناة …" (a title word there is part of the institution's name)."""
    return i > 0 and is_institution_head(words[i - 1])


def apposed_institution(words: list[Word], lex: SpeakerLexicon, width: int = 4) -> str | None:
    """The code of an institution entry (``speaker_places.csv``, kind institution) opening
    the phrase, or right after an opening head noun: "منظمة اليونسكو" → UN. A one-word
    back-reference ("الصندوق", "الحلف") followed by "العالمي" or a state's nisba names
    another body ("منظمة الصندوق العالمي للطبيعة", "الصندوق السعودي للتنمية"; round 39).

    >>> from arnews.speakers.lexicon import load_speaker_lexicon, words_in
    >>> lex = load_speaker_lexicon()
    >>> [apposed_institution(words_in(t, 0, len(t)), lex) for t in ("منظمة اليونسكو", "الصندوق في تقريره", "منظمة الصندوق العالمي للطبيعة")]
    ['UN', 'IMF', None]
    """
    for i, e in find_entries(lex.places, words[:width]):
        if e.kind == "institution" and (i == 0 or (i == 1 and is_institution_head(words[0]))):
            if len(e.words) == 1 and i + 1 < len(words) and names_another_body(words[i + 1]):
                return None
            return e.value
    return None


_WORLDWIDE = frozenset("العالمي العالمية".split())


def names_another_body(w: Word) -> bool:
    """Whether ``w`` after a one-word back-reference makes it another body's name:
    "العالمي" or a state's nisba with the article ("السعودي").

    >>> from arnews.speakers.lexicon import words_in
    >>> t = "العالمي السعودي الماضي"
    >>> [names_another_body(w) for w in words_in(t, 0, len(t))]
    [True, True, False]
    """
    r = w.readings[0]
    return r in _WORLDWIDE or (r.startswith("ال") and nisba_country(r) is not None)


_NOT_COMPLEMENT = frozenset("لدي لدى لكن لان لانه لانها لذلك".split())
_PORTFOLIO = frozenset("شؤون الشؤون".split())  # a commissioner's portfolio, not another body
# a commissioner, indefinite or definite, whose لـ-complement is a portfolio
_COMMISSIONER = COMMISSIONERS | {"ال" + w for w in COMMISSIONERS}
# A mission or office of the bloc: its لـ-complement is the mission's task, not another body's name.
_MISSIONS = frozenset("بعثة بعثه وفد مكتب سفارة سفاره ممثلية ممثليه".split())


def renamed_bloc(start: int, end: int, actor_type: str, words: list[Word]) -> bool:
    """Whether the bloc mention ``[start, end)`` is followed in ``words`` by a لـ-complement
    that makes it another body's name: "الاتحاد الأوروبي لكرة القدم", "الاتحاد الأفريقي
    لألعاب القوى" (not "سفير الاتحاد الأوروبي لدى …", not a portfolio "للشؤون …"). Only
    names of two words or more with the article opening them ("للأمم المتحدة" is the UN's,
    "المفوضة الأوروبية لشؤون" a commissioner of the EU)."""
    if actor_type != "bloc":
        return False
    first = next((w for w in words if w.start >= start), None)
    nxt = next((w for w in words if w.start >= end), None)
    if first is None or nxt is None or first.start != start or nxt.start - end > 1 or first.end >= end:
        return False  # a one-word nisba ("المفوض الأوروبي لشؤون …") is no body's name
    before = next((w for w in reversed(words) if w.end <= start), None)
    if before is not None and _COMMISSIONER.intersection(before.readings):
        return False  # "مفوض الاتحاد الأفريقي للتنمية الاقتصادية": a commissioner's portfolio (round 27)
    if before is not None and _MISSIONS.intersection(before.readings):
        return False  # "بعثة الاتحاد الأوروبي لمراقبة الانتخابات": the bloc's own mission (round 46)
    r = nxt.readings[0]
    return (first.readings[0].startswith("ال") and r.startswith("ل") and len(r) > 3
            and not r.startswith("لا") and r not in _NOT_COMPLEMENT
            and not _PORTFOLIO.intersection(nxt.readings))  # "مفوض الاتحاد الأفريقي للشؤون السياسية"


def coordinated_title(before: list[Word], hits: list[tuple[int, object]]) -> int | None:
    """Index in ``before`` of the last title after the first one that is joined by و
    ("… الصيني لي تشيانغ والرئيس الكيني"): the description of the name after it starts
    there. None when there is none."""
    for i, e in reversed(hits[1:]):
        if before[i].readings[0] == "و" + e.words[0]:
            return i
    return None


def names_a_place(w: Word, lex: SpeakerLexicon) -> bool:
    """Whether ``w`` is a place of ``speaker_places.csv`` or a gazetteer country name or
    variant (capitals included)."""
    stems = country_stems()
    return bool(find_entries(lex.places, [w])) or any(bare_word(r) in stems for r in w.readings[:2])


def governed_countries(words: list[Word], found: list[tuple[int, str]], lex: SpeakerLexicon) -> list[tuple[int, str]]:
    """The countries of ``found`` (``(offset, code)``) that a title of the phrase governs
    directly, in construct: "مدرب البرازيل" (not the "قطر" of "… في مونديال قطر" after it)."""
    after = {words[i + len(e.words)].start for i, e in find_entries(lex.titles, words) if i + len(e.words) < len(words)}
    return [(o, c) for o, c in found if o in after]


# Participles of residence: a place after them is where the speaker lives, not the state
# the speaker speaks for ("الخبير النفطي العراقي …، المقيم في لندن"; round 10).
_RESIDENT = frozenset("المقيم المقيمة المقيمه مقيم مقيمة مقيمه المقيمين المقيمون".split())
#: a relative clause after the phrase's own country ("… النمساوية، التي تعمل في اليونان"; round 63)
_RELATIVE = frozenset("التي الذي الذين".split())


def without_residence(words: list[Word], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``found`` (``(offset, code)`` in text order) less the countries named after a residence
    participle, when a country is named before it: "المحلل الطاجيكي المقيم في موسكو" is
    Tajik. A residence alone still places the speaker.

    >>> from arnews.speakers.lexicon import words_in
    >>> t = "الخبير العراقي المقيم في لندن"
    >>> without_residence(words_in(t, 0, len(t)), [(8, "IRQ"), (26, "GBR")])
    [(8, 'IRQ')]
    """
    at = next((w.start for w in words if _RESIDENT.intersection(w.readings[:2]) or w.readings[0] in _RELATIVE), None)
    return _named_before(found, at)


_SEAT = frozenset("ومقرها ومقره مقرها مقره".split())


def up_to_seat(words: list[Word], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``found`` up to the place named after a seat ("منظمة «أوفاكي»، ومقرها دكا، الاتحاد
    الأوروبي إلى"): what follows the seat is the verb's object, not the body (round 63).

    >>> from arnews.speakers.lexicon import words_in
    >>> t = "منظمة أوفاكي، ومقرها دكا، الاتحاد الأوروبي"
    >>> up_to_seat(words_in(t, 0, len(t)), [(21, "BGD"), (26, "EU")])
    [(21, 'BGD')]
    """
    at = next((w.start for w in words if w.readings[0] in _SEAT), None)
    seat = next((o for o, _ in found if at is not None and o > at), None)
    return found if seat is None else [(o, c) for o, c in found if o <= seat]


def _named_before(found: list[tuple[int, str]], at: int | None) -> list[tuple[int, str]]:
    """``found`` less the countries from ``at`` on, when one is named before it."""
    if at is None or not any(o < at for o, _ in found):
        return found
    return [(o, c) for o, c in found if o < at]


_ASIDE_PRONOUNS = frozenset("هي هو وهي وهو".split())


def before_aside(text: str, words: list[Word], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``found`` less the countries named in an aside opened by a comma and a pronoun, when a
    country is named before it: "شركة 'ماغنا' الكندية ، و هي من أكبر الشركات في أمريكا
    الشمالية" is Canadian (the translated wires' relative clause; issue 19, round 56). An aside
    that opens with a nationality ("، وهو سلفادوري") is kept.

    >>> from arnews.speakers.lexicon import words_in
    >>> t = "شركة نافيرا الإسبانية ، هي تنقل المسافرين بين طنجة و طريفة"
    >>> before_aside(t, words_in(t, 0, len(t)), [(12, "ESP"), (51, "MAR")])
    [(12, 'ESP')]
    """
    at = next((w.start for k, w in enumerate(words) if k and w.readings[0] in _ASIDE_PRONOUNS
               and _after_comma(text, words, k) and not _nisba_next(words, k)), None)
    return _named_before(found, at)


def _nisba_next(words: list[Word], k: int) -> bool:
    """Whether the word after the pronoun ``k`` is a nationality: "، وهو سلفادوري مقيم في
    ميامي" gives the speaker's own (round 56: kept)."""
    return k + 1 < len(words) and any(map(nisba_country, words[k + 1].readings[:2]))


def _after_comma(text: str, words: list[Word], k: int) -> bool:
    """Whether a comma stands right before word ``k`` or before the loose و preceding it."""
    j = k - 1 if k > 1 and words[k - 1].readings[0] == "و" else k
    gap = text[words[j - 1].end:words[j].start]
    return "،" in gap or "," in gap
