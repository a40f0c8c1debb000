"""A body that speaks under its quoted name: "قالت «كينغهو» في بيان إنها «…»" (issue 19, round 44).

The quote finder takes a short quote right after a speech verb, followed by what was said, as
the verb's subject (:func:`arnews.speakers.subjects.quoted_name_subject`). The body's type and
state come from where the article first named it: the noun before the name ("شركة «كينغهو»"
→ company, "صحيفة «ماركا»" → media) and a state's adjective or name right after it
("«كينغهو» الصينية" → CHN). A name the article never introduces is a company of no known state.

>>> t = "وقعت الحكومة مع شركة «كينغهو» الصينية اتفاقا. وقالت «كينغهو» في بيان إنها «فوجئت»."
>>> s = t.index("«كينغهو»", 20)
>>> quoted_speaker_info(t, s, s + len("«كينغهو»"), [Mention(t.index("الصينية"), t.index("الصينية") + 7, "CHN", "country", "CHN")])
SpeakerInfo(country='CHN', type='company')
>>> quoted_speaker_info("قالت «بروسبيرا» إنها «ملتزمة».", 5, 15, [])
SpeakerInfo(country=None, type='company')
"""
from __future__ import annotations

import regex as re

from ..text import normalize
from .positions import starting_in
from .resolve import Mention, SpeakerInfo

__all__ = ["is_quoted_name", "owner_country", "quoted_speaker_info"]

_MARKS = "«»“”\"'‘’"
#: the noun before a quoted name → the speaker type it gives (normalized, without ال)
_NAMING_TYPES = {normalize(w): t for w, t in (
    ("شركة", "company"), ("مجموعة", "company"), ("مصرف", "company"), ("بنك", "company"), ("وكالة", "company"),
    ("صحيفة", "media"), ("قناة", "media"), ("مجلة", "media"), ("موقع", "media"), ("إذاعة", "media"),
    ("منظمة", "ngo"), ("جمعية", "ngo"), ("حملة", "ngo"), ("شبكة", "ngo"), ("رابطة", "ngo"))}
_NATIONALITY_REACH = 12  # characters after the closing mark where the state's adjective may start


def is_quoted_name(phrase: str) -> bool:
    """Whether a speaker phrase is a name in quotation marks («كينغهو»)."""
    p = phrase.strip()
    return len(p) > 2 and p[0] in _MARKS and p[-1] in _MARKS and not any(c in _MARKS for c in p[1:-1])


def _naming_type(text: str, at: int) -> str | None:
    words = text[max(0, at - 20):at].split()
    if not words:
        return None
    w = normalize(words[-1])
    for p in ("لل", "ال", "ل", "و"):
        if w.startswith(p) and w[len(p):] in _NAMING_TYPES:
            return _NAMING_TYPES[w[len(p):]]
    return _NAMING_TYPES.get(w)


def quoted_speaker_info(text: str, ss: int, se: int, ments: list[Mention]) -> SpeakerInfo:
    """Type and state of the quoted name ``text[ss:se]`` from its namings up to ``se``."""
    return _name_info(text, text[ss + 1:se - 1].strip(), se, ments)


def _name_info(text: str, name: str, upto: int, ments: list[Mention], default: str | None = "company") -> SpeakerInfo:
    kind, country = None, None
    for m in re.finditer(re.escape(name), text[:upto]):
        open_at, close_at = m.start() - 1, m.end()
        if open_at < 0 or text[open_at] not in _MARKS:
            continue
        kind = kind or _naming_type(text, open_at)
        after = [x for x in starting_in(ments, close_at, close_at + _NATIONALITY_REACH)
                 if x.actor_type == "country" and not text[close_at + 1:x.start].strip(" ،,")]
        country = country or (after[0].country if after else None)
    return SpeakerInfo(country, kind or default)


_OWNER = re.compile(r"\sل(?:ـ)?\s*([«“\"])([^«»“”\"]{2,40}?)[»”\"]?\s*$")


def owner_country(text: str, ss: int, se: int, ments: list[Mention]) -> str | None:
    """The state of the quoted company (named so earlier: "شركة", "مجموعة") a title belongs to, at the end of the speaker phrase
    ``text[ss:se]``: "نائب الرئيس التنفيذي لـ«سينوبك»" after "شركة «سينوبك» الصينية" → CHN.

    >>> t = "مع شركة «سينوبك» الصينية. أما نائب الرئيس التنفيذي لـ«سينوبك» فقال إن «…»"
    >>> c = t.index("الصينية")
    >>> ss = t.index("نائب")
    >>> owner_country(t, ss, t.index("فقال") - 1, [Mention(c, c + 7, "CHN", "country", "CHN")])
    'CHN'
    """
    m = _OWNER.search(text, ss, min(len(text), se + 1))
    if m is None:
        return None
    info = _name_info(text, m.group(2).strip(), m.end(2), ments, default=None)
    return info.country if info.type == "company" else None  # not an outlet addressed ("لـ«الأفق»")
