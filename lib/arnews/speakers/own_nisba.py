"""A title's own nisba before "في": the speaker's state, not the body or field after it.

"النائبة الهولندية في البرلمان الأوروبي" is a Dutch member of the European Parliament (NLD,
not EU); "الباحث الجورجي في الشؤون الأوروبية" a Georgian researcher of European affairs (GEO):
the state nisba that follows the title at once says whom the speaker speaks for, and what
"في" introduces is where the post sits or what the speaker studies (issue 19, round 18). Only a
state's nisba counts (a bloc's, "المبعوث الأوروبي في …", is left to the bloc rules).

>>> from arnews.speakers.lexicon import load_speaker_lexicon, words_in
>>> lex = load_speaker_lexicon()
>>> t = "النائبة الهولندية في البرلمان الأوروبي"
>>> own_nisba_before_fi(words_in(t, 0, len(t)), lex)
'NLD'
>>> t = "الباحث الجورجي في الشؤون الأوروبية"
>>> own_nisba_before_fi(words_in(t, 0, len(t)), lex)
'GEO'
>>> t = "المندوب الجزائري باسم الأعضاء الأفارقة في المجلس"
>>> own_nisba_before_fi(words_in(t, 0, len(t)), lex)
'DZA'
>>> t = "المبعوث الأوروبي في ليبيا"               # a bloc's nisba: not this rule
>>> own_nisba_before_fi(words_in(t, 0, len(t)), lex) is None
True
>>> t = "ممثلة برنامج الأغذية العالمي في تشاد"    # no nisba right after the title
>>> own_nisba_before_fi(words_in(t, 0, len(t)), lex) is None
True
"""
from __future__ import annotations

from .lexicon import SpeakerLexicon, Word, find_entries, opens_with_title
from .nisba import nisba_country

__all__ = ["own_nisba_before_fi", "nisba_before"]

_FI = "في"
# "في" and "باسم" ("المندوب الجزائري باسم الأعضاء الأفارقة في المجلس": the envoy speaks on
# others' behalf, for his own state too; round 46)
_AFTER = frozenset((_FI, "باسم"))


def nisba_before(words: list[Word], start: int, lex: SpeakerLexicon) -> str | None:
    """The state of the nisba that ends a titled phrase right before offset ``start`` (where a
    name begins), else None.

    >>> from arnews.speakers.lexicon import load_speaker_lexicon, words_in
    >>> t = "وزير الدفاع الكولومبي بيدرو سانشيث"
    >>> nisba_before(words_in(t, 0, len(t)), t.index("بيدرو"), load_speaker_lexicon())
    'COL'
    >>> nisba_before(words_in(t, 0, len(t)), 0, load_speaker_lexicon()) is None
    True
    """
    if not opens_with_title(words[:4], lex):
        return None
    before = [w for w in words if w.end <= start]
    return nisba_country(before[-1].readings[0]) if len(before) >= 2 else None


def own_nisba_before_fi(words: list[Word], lex: SpeakerLexicon) -> str | None:
    """The state of the nisba right after the title that opens the phrase, when "في" or "باسم"
    follows that nisba; else None."""
    first = next((e for i, e in find_entries(lex.titles, words[:4]) if i == 0), None)
    if first is None:
        return None
    k = len(first.words)
    if k + 1 >= len(words) or words[k + 1].readings[0] not in _AFTER:
        return None
    return nisba_country(words[k].readings[0])
