"""Arabic word forms: the one home of the clitic, prefix, nisba and normalization-key rules.

Every analysis that has to see ``روسيا`` in ``وروسيا``, ``بروسيا`` or ``لروسيا``, and ``الصين``
in ``فالصين``, ``وبالصين``, ``للصين`` or ``كالصين`` uses this module, so a word matches in one
analysis exactly when it matches in the others:

* **analysis** (a token → the words it may stand for): :func:`proclitic_readings` (actor
  gazetteer, quote speakers, stance mentions), :func:`cue_forms` (stance cues: also the
  article, future س, imperfect prefixes and pronoun suffixes), :func:`strip_conjunction`;
* **generation** (a word → the tokens that stand for it): :func:`attached_forms` (frequency
  and KWIC search, collocates);
* **nisba** (relational adjectives, الصيني → الصينية، الصينيون …): :data:`NISBA_SUFFIXES`,
  :func:`nisba_forms`, :func:`is_nisba`;
* **keys**: :func:`lexicon_key` (a lexicon word without its article), :func:`feature_word`
  (a word feature with the article and one-letter proclitics stripped).

All functions take *normalized* text (see :func:`arnews.text.normalize`).

>>> [r for r, _, _ in proclitic_readings("وبالصين")]
['وبالصين', 'بالصين', 'الصين']
>>> sorted(attached_forms("الصين") & {"للصين", "كالصين", "وبالصين"})
['كالصين', 'للصين', 'وبالصين']
>>> is_nisba("الصينية"), is_nisba("الصين")
(True, False)
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "CONJUNCTIONS",
    "PREPOSITIONS",
    "FUTURE",
    "ARTICLE",
    "PROCLITICS",
    "PRONOUN_SUFFIXES",
    "NISBA_SUFFIXES",
    "Reading",
    "proclitic_readings",
    "attached_forms",
    "strip_conjunction",
    "conjunction_forms",
    "cue_forms",
    "nisba_forms",
    "is_nisba",
    "lexicon_key",
    "feature_word",
    "strip_preposition_l",
]

#: Conjunction proclitics (and, so).
CONJUNCTIONS = ("و", "ف")
#: Preposition proclitics (with, for/to, like).
PREPOSITIONS = ("ب", "ل", "ك")
#: Future proclitic of verbs.
FUTURE = "س"
#: The definite article.
ARTICLE = "ال"
#: Every conjunction + preposition sequence that attaches to a word, shortest first:
#: و ف ب ل ك وب ول وك فب فل فك.
PROCLITICS = tuple(c + p for c in ("",) + CONJUNCTIONS for p in ("",) + PREPOSITIONS if c + p)
#: Object/possessive pronoun suffixes.
PRONOUN_SUFFIXES = ("ه", "ها", "هما", "هم", "هن", "ك", "كم", "نا", "ي")
#: Endings a relational adjective (nisba) stem in ي takes: صيني، صينية، صينيون، صينيين …
NISBA_SUFFIXES = ("", "ة", "ون", "ين", "ان", "تان", "تين")
_NISBA_ENDINGS = tuple("ي" + s for s in NISBA_SUFFIXES)


class Reading(NamedTuple):
    """One reading of a token as proclitics + rest."""

    rest: str  # the word without its proclitics (ل + ال restored: للصين → الصين)
    proclitic_length: int  # characters of proclitics removed from the token
    article_restored: bool  # True for ل + ال written لل


@lru_cache(maxsize=200_000)
def proclitic_readings(token: str) -> tuple[Reading, ...]:
    """Readings of a normalized token as (conjunction)(preposition) + rest, the token itself
    first; ``لل`` is read as ل + the article (للكرملين → الكرملين). The rest keeps at least
    two letters.

    >>> [r.rest for r in proclitic_readings("للصين")]
    ['للصين', 'لصين', 'الصين']
    >>> [r.rest for r in proclitic_readings("كالصين")]
    ['كالصين', 'الصين']
    """
    out = [Reading(token, 0, False)]
    for c in ("",) + CONJUNCTIONS:
        for p in ("",) + PREPOSITIONS:
            pre = c + p
            if pre and token.startswith(pre) and len(token) - len(pre) >= 2:
                out.append(Reading(token[len(pre):], len(pre), False))
        pre = c + "لل"  # ل + ال with the alef dropped: للكرملين = ل + الكرملين
        if token.startswith(pre) and len(token) - len(pre) >= 2:
            out.append(Reading(ARTICLE + token[len(pre):], len(pre), True))
    return tuple(out)


def attached_forms(word: str) -> set[str]:
    """A normalized word and its forms with attached conjunction/preposition proclitics
    (``الصين`` → ``والصين``, ``بالصين``, ``للصين``, ``وللصين`` …): the inverse of
    :func:`proclitic_readings`.

    >>> sorted(attached_forms("روسيا"))[:3]
    ['بروسيا', 'روسيا', 'فبروسيا']
    """
    out = {word}
    for p in PROCLITICS:
        out.add(p + word)
        if p.endswith("ل") and word.startswith(ARTICLE):
            out.add(p + word[1:])  # ل + الصين -> للصين
    return out


def strip_conjunction(word: str, min_rest: int = 3) -> str:
    """The word without a leading و/ف when at least ``min_rest`` letters remain.

    >>> strip_conjunction("وقال"), strip_conjunction("وزن", 3)
    ('قال', 'وزن')
    """
    return word[1:] if len(word) > min_rest and word[0] in CONJUNCTIONS else word


def conjunction_forms(word: str) -> tuple[str, ...]:
    """The word, and without a leading و/ف when more than two letters remain.

    >>> conjunction_forms("ولا"), conjunction_forms("لا")
    (('ولا', 'لا'), ('لا',))
    """
    return (word, word[1:]) if len(word) > 2 and word[0] in CONJUNCTIONS else (word,)


def strip_preposition_l(word: str) -> str:
    """Drop a preposition ل from a written word, restoring the article of لل:
    'لوزارة' → 'وزارة', 'للكرملين' → 'الكرملين'.

    >>> strip_preposition_l("للكرملين")
    'الكرملين'
    """
    if word.startswith("لل") and len(word) > 3:
        return ARTICLE + word[2:]
    if word.startswith("ل") and len(word) > 2:
        return word[1:]
    return word


# ---------------------------------------------------------------------------
# Cue forms (stance lexicon): proclitics, article, future, imperfect prefixes, suffixes
# ---------------------------------------------------------------------------

_CUE_CONJ = ("",) + CONJUNCTIONS
_CUE_PREP = ("",) + PREPOSITIONS + (FUTURE,)
_CUE_PREFIXES = sorted(
    {c + p + a for c in _CUE_CONJ for p in _CUE_PREP for a in ("", ARTICLE)} | {c + "لل" for c in _CUE_CONJ}
    | {c + s + v for c in _CUE_CONJ for s in ("", FUTURE) for v in ("ي", "ت", "ن", "ا")},
    key=len,
)
_CUE_SUFFIXES = PRONOUN_SUFFIXES + ("ان", "ين", "ون", "وا", "ا", "ت", "تا", "ات", "تان", "تين")
_ARTICLE_PREFIXES = ("ال", "وال", "فال", "بال", "لال", "كال", "سال")


@lru_cache(maxsize=500_000)
def cue_forms(word: str) -> frozenset[str]:
    """Forms a normalized token may stand for once clitics and affixes are stripped (the
    stance lexicon's matching).

    >>> sorted(f for f in cue_forms("وبالتعاون") if f == "تعاون")
    ['تعاون']
    >>> "دعم" in cue_forms("يدعمان"), "شراكة" in cue_forms("شراكتنا"), "اتفق" in cue_forms("يتفق")
    (True, True, True)
    """
    out = {word}
    for p in _CUE_PREFIXES:
        if p and word.startswith(p) and len(word) - len(p) >= 2:
            s = word[len(p):]
            out.add(s)
            if p[-1:] in "يتنا" and p not in _ARTICLE_PREFIXES:
                out.add("ا" + s)  # form VIII/X imperfect: يتفق -> اتفق
    for s in list(out):
        if s[-1:] in ("ئ", "ؤ"):
            out.add(s[:-1] + "ء")  # hamza seat before a suffix: شركائها -> شركاء
        if s.endswith("ية"):
            out.add(s[:-1])  # feminine nisba adjective -> masculine
        for suf in _CUE_SUFFIXES:
            if s.endswith(suf) and len(s) - len(suf) >= 2:
                t = s[: -len(suf)]
                out.add(t)
                if t[-1:] in ("ئ", "ؤ"):
                    out.add(t[:-1] + "ء")
                if t.endswith("ت"):
                    out.add(t[:-1] + "ة")
    return frozenset(out)


# ---------------------------------------------------------------------------
# Nisba and keys
# ---------------------------------------------------------------------------


def nisba_forms(stem: str) -> list[str]:
    """Every written form of a nisba stem in ي, bare and definite: صيني → صيني، الصيني،
    صينية، الصينية …

    >>> nisba_forms("روسي")[:4]
    ['روسي', 'الروسي', 'روسية', 'الروسية']
    """
    out = []
    for suf in NISBA_SUFFIXES:
        out += [stem + suf, ARTICLE + stem + suf]
    return out


def is_nisba(word: str, *, conjunction: bool = True) -> bool:
    """Whether a normalized word is a definite relational adjective (الصينية، الروسي،
    الأمريكيين), not a name (روسيا، الصين). With ``conjunction`` a leading و/ف before the
    article is allowed (والروسية).

    >>> is_nisba("والروسية"), is_nisba("والروسية", conjunction=False), is_nisba("روسيا")
    (True, False, False)
    """
    if conjunction and word[:1] in CONJUNCTIONS and word[1:3] == ARTICLE:
        word = word[1:]
    return word.startswith(ARTICLE) and word.endswith(_NISBA_ENDINGS) and len(word) > 4


def lexicon_key(word: str) -> str:
    """A normalized lexicon word without its article (when more than two letters remain).

    >>> lexicon_key("التعاون"), lexicon_key("الان")
    ('تعاون', 'الان')
    """
    return word[2:] if word.startswith(ARTICLE) and len(word) > 4 else word


_FEATURE_PREFIXES = ("وبال", "وال", "بال", "فال", "لل", "ال", "و", "ف")


def feature_word(word: str) -> str:
    """A word feature: the article and one-letter conjunction proclitics stripped (at most
    one prefix, at least three letters kept), so التعاون، وبالتعاون، للتعاون share تعاون.

    >>> feature_word("وبالتعاون"), feature_word("للتعاون"), feature_word("ولد")
    ('تعاون', 'تعاون', 'ولد')
    """
    for p in _FEATURE_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p):]
    return word
