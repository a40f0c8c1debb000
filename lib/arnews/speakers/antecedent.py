"""A body taken up by a definite noun a title governs ("رئيس البعثة", "كبير الاقتصاديين … في
البنك", "منسقة الطوارئ في المنظمة") speaks for what the nearest earlier naming of that noun
names ("بعثة صندوق النقد الدولي" → IMF, "وفد البنك الدولي" → WORLD_BANK). The body nouns are
those of ``data/lexicons/speaker_body_nouns.csv``. Issue 19, round 14: the class
"a titled speaker of a body named before, found without a state or with another body's".

>>> from arnews.speakers.positions import MentionIndex
>>> from arnews.speakers.resolve import Mention
>>> t = "هبطت بعثة صندوق النقد الدولي في كولومبو. وقال رئيس البعثة إن"
>>> m = MentionIndex([Mention(t.index("صندوق"), t.index(" في"), "IMF", "organization", "IMF")])
>>> ss = t.index("رئيس")
>>> taken_up_body(t, ss, words_in(t, ss, ss + 11), m, load_speaker_lexicon())
'IMF'
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from .lexicon import SpeakerLexicon, Word, bare_index, count_words_before, find_entries, load_speaker_lexicon, one_word_forms, words_in  # noqa: F401
from .positions import starting_in

_REACH = 5  # words after the earlier naming where its state or body may be named
_LOOK_BACK = 400  # words before the phrase searched for the naming
_PHRASE_WORDS = 12  # words of the speaker phrase searched for the governed noun
# A word before the definite noun that makes the title govern it ("منسقة الطوارئ في المنظمة",
# "المتحدث باسم الوزارة"); "ل" glued to the noun ("للبنك") does the same.
_GOVERNING = frozenset("في باسم لدي".split())


@lru_cache(maxsize=1)
def body_nouns() -> frozenset[str]:
    """The nouns of ``data/lexicons/speaker_body_nouns.csv`` (normalized, without article): the
    nouns of bodies that a later definite noun takes up (بعثة، وفد، بنك، منظمة …)."""
    return one_word_forms("speaker_body_nouns.csv")


def _definite(reading: str) -> str | None:
    """The noun without its article and proclitics (للبنك، بالبعثة، والوزارة → بنك، بعثة،
    وزارة), None for a word without the article."""
    for p in ("ال", "لل", "بال", "وال", "فال", "وبال", "ولل"):
        if reading.startswith(p) and len(reading) - len(p) >= 3:
            return reading[len(p):]
    return None


def governed_nouns(words: list[Word], lex: SpeakerLexicon, text: str = "") -> list[str]:
    """The definite body nouns (:func:`body_nouns`) a title of the phrase governs: right after
    it ("رئيس البعثة"), after في / باسم / لدى or with ل glued ("في البنك", "للبنك", "باسم
    الوزارة"); not followed by a definite word of its own name ("البنك الدولي" names the body
    itself; a comma between, "للبنك، البلغارية …", opens an apposition), not a word of a
    place-lexicon entry. ``text``: the article, to see that comma.

    >>> lex = load_speaker_lexicon()
    >>> governed_nouns(words_in("رئيس البعثة فرانشيسكو ريبيرو", 0, 30), lex)
    ['بعثة']
    >>> governed_nouns(words_in("المتحدث باسم الخارجية الأمريكية", 0, 35), lex)
    []
    """
    words = words[:_PHRASE_WORDS]
    hits = find_entries(lex.titles, words)
    if not hits:
        return []
    titled = {i for i, e in hits for i in range(i, i + len(e.words))}
    placed = {i for i, e in find_entries(lex.places, words) for i in range(i, i + len(e.words))}
    out = []
    for k in range(min(titled) + 1, len(words)):
        r = words[k].readings[0]
        noun = _definite(r)
        noun = noun[:-1] + "ة" if noun and noun.endswith("ه") else noun
        if noun not in body_nouns() or k in placed:  # a body noun may be a title word too ("البنك")
            continue
        if k + 1 < len(words) and words[k + 1].readings[0].startswith("ال") and not _comma(text, words[k], words[k + 1]):
            continue  # "البنك الدولي"; not "للبنك، البلغارية ماريا …" (an apposition after a comma)
        before = words[k - 1].readings[0]
        if k - 1 in titled or before in _GOVERNING or r.startswith("لل"):
            out.append(noun)
    return list(dict.fromkeys(out))


def _comma(text: str, a: Word, b: Word) -> bool:
    """A comma between two words of ``text``."""
    return bool(text) and any(c in text[a.end:b.start] for c in "،,")


def _anaphoric(ws: list[Word], i: int) -> bool:
    """A definite occurrence not followed by a definite word: itself a taking-up ("في المنظمة
    الدكتور" is no naming of the body)."""
    return _definite(ws[i].readings[0]) is not None and not (i + 1 < len(ws) and ws[i + 1].readings[0].startswith("ال"))


def taken_up_body(text: str, ss: int, words: list[Word], ments, lex: SpeakerLexicon) -> str | None:
    """The code of the body a noun governed by the phrase's title (:func:`governed_nouns`)
    takes up: the first state or body mentioned within :data:`_REACH` words of the nearest
    earlier naming of that noun (an occurrence that is not itself a taking-up: "بعثة صندوق
    النقد", "البنك الدولي"). None without such a noun, without a naming, or when the nearest
    naming names no state or body ("منظمة «أطباء بلا حدود»": the other rules decide)."""
    nouns = governed_nouns(words, lex, text)
    if not nouns:
        return None
    n = count_words_before(text, ss)
    ws = words_in(text, 0, ss)
    idx = bare_index(text)
    for noun in nouns:
        at = idx.get(noun, ())
        for j in range(bisect_left(at, n) - 1, -1, -1):
            i = at[j]
            if i < n - _LOOK_BACK:
                break
            if _anaphoric(ws, i):
                continue
            stop = ws[min(i + _REACH, n - 1)].end
            codes = [m.country for m in starting_in(ments, ws[i].start, stop) if m.country and m.actor_type != "person"]
            return codes[0] if codes else None
        if (owner := _possessed_owner(noun, idx, ws, n, ments)) is not None:
            return owner
    return None


_OWNER_BACK = 15  # words before a possessed noun ("بعثته") where its owner is looked for


def _possessed_owner(noun: str, idx, ws: list[Word], n: int, ments) -> str | None:
    """The body that owns the latest earlier possessed form of ``noun`` ("زيارة بعثته" after
    "صندوق النقد الدولي، من جهته، …" → IMF; round 53): the code of the last mention (a body, a
    state, a person's state) in the :data:`_OWNER_BACK` words before it. Read only when no plain
    naming of the noun came first.

    >>> from arnews.speakers.positions import MentionIndex
    >>> from arnews.speakers.resolve import Mention
    >>> t = "صندوق النقد الدولي لم يعد يجامل أحدا. وفي ختام زيارة بعثته إلى بيروت"
    >>> m = MentionIndex([Mention(0, 18, "IMF", "organization", "IMF"), Mention(t.index("بيروت"), len(t), "LBN", "city", "LBN")])
    >>> ws = words_in(t, 0, len(t))
    >>> _possessed_owner("بعثة", bare_index(t), ws, len(ws), m)
    'IMF'
    """
    stem = noun[:-1] + "ت" if noun.endswith("ة") else noun
    i = max((i for suffix in ("ه", "ها") for i in idx.get(stem + suffix, ()) if n - _LOOK_BACK <= i < n), default=None)
    if i is None:
        return None
    codes = [m.country for m in starting_in(ments, ws[max(0, i - _OWNER_BACK)].start, ws[i].start) if m.country]
    return codes[-1] if codes else None
