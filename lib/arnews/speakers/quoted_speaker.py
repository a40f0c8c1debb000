"""A body that speaks under its quoted name: "قالت «كينغهو» في بيان إنها «…»" (issue 19, round 44).

The quote finder takes a short quote right after a speech verb, followed by what was said, as
the verb's subject (:func:`arnews.speakers.subjects.quoted_name_subject`). The body's type and
state come from where the article first named it: the noun before the name ("شركة «كينغهو»"
→ company, "صحيفة «ماركا»" → media) and a state's adjective or name right after it
("«كينغهو» الصينية" → CHN). A name the article never introduces is a company of no known state.

>>> from arnews.speakers.resolve import Mention
>>> t = "وقعت الحكومة مع شركة «كينغهو» الصينية اتفاقا. وقالت «كينغهو» في بيان إنها «فوجئت»."
>>> s = t.index("«كينغهو»", 20)
>>> quoted_speaker_info(t, s, s + len("«كينغهو»"), [Mention(t.index("الصينية"), t.index("الصينية") + 7, "CHN", "country", "CHN")])
NamedBody(country='CHN', type='company')
>>> quoted_speaker_info("قالت «بروسبيرا» إنها «ملتزمة».", 5, 15, [])
NamedBody(country=None, type='company')
"""
from __future__ import annotations

import csv
from functools import lru_cache
from typing import NamedTuple

import regex as re

from ..resources import data_path
from ..text import normalize
from .lexicon import SPEAKER_TYPES
from .positions import starting_in

__all__ = ["NamedBody", "in_quoted_name", "is_quoted_name", "named_body_country", "naming_types", "quoted_speaker_info"]


class NamedBody(NamedTuple):
    """What an article's namings say of a quoted body (read by :mod:`.resolve` as its speaker)."""
    country: str | None
    type: str | None


_MARKS = "«»“”\"'‘’"
_FILE = "lexicons/quote_name_types.csv"
_NATIONALITY_REACH = 12  # characters after the closing mark where the state's adjective may start


@lru_cache(maxsize=1)
def naming_types() -> dict[str, str]:
    """The noun before a quoted name (normalized, without ال) → the speaker type it gives, from
    ``data/lexicons/quote_name_types.csv`` (``noun,speaker_type,note``; researcher-editable)."""
    with open(data_path(_FILE), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    out: dict[str, str] = {}
    for line, r in enumerate(rows, start=2):
        noun, kind = normalize((r.get("noun") or "").strip()), (r.get("speaker_type") or "").strip()
        if not noun or " " in noun or noun.startswith("ال") or kind not in SPEAKER_TYPES:
            raise ValueError(f"quote_name_types.csv, row {line}: 'noun' must be one word without ال and "
                             f"'speaker_type' one of {', '.join(SPEAKER_TYPES)}")
        out[noun] = kind
    return out


def is_quoted_name(phrase: str) -> bool:
    """Whether a speaker phrase is a name in quotation marks («كينغهو»)."""
    p = phrase.strip()
    return len(p) > 2 and p[0] in _MARKS and p[-1] in _MARKS and not any(c in _MARKS for c in p[1:-1])


def _naming_type(text: str, at: int) -> str | None:
    words = text[max(0, at - 20):at].split()
    if not words:
        return None
    w, types = normalize(words[-1]), naming_types()
    for p in ("لل", "ال", "ل", "و"):
        if w.startswith(p) and w[len(p):] in types:
            return types[w[len(p):]]
    return types.get(w)


def quoted_speaker_info(text: str, ss: int, se: int, ments: list) -> NamedBody:
    """Type and state of the quoted name ``text[ss:se]`` from its namings up to ``se``."""
    return _name_info(text, text[ss + 1:se - 1].strip(), se, ments)


def _name_info(text: str, name: str, upto: int, ments: list, default: str | None = "company") -> NamedBody:
    """Type and state of ``name`` from its quoted namings before ``upto``."""
    kind, country = None, None
    for m in re.compile(re.escape(name)).finditer(text, 0, upto):
        open_at, close_at = m.start() - 1, m.end()
        if open_at < 0 or text[open_at] not in _MARKS:
            continue
        kind = kind or _naming_type(text, open_at)
        after = [x for x in starting_in(ments, close_at, close_at + _NATIONALITY_REACH)
                 if x.actor_type == "country" and not text[close_at + 1:x.start].strip(" ،,")]
        country = country or (after[0].country if after else None)
    return NamedBody(country, kind or default)


_OWNER = re.compile(r"\sل(?:ـ)?\s*([«“\"])([^«»“”\"]{2,40}?)[»”\"]?\s*$")
_QUOTED = re.compile(r"[«“\"']([^«»“”\"'\n]{3,40})[»”\"']")
_LOOK_BACK_CHARS = 8000
_TITLE_WORDS = 2  # words of a title before the quoted company it heads ("المديرة التنفيذية «…»")


def named_body_country(text: str, ss: int, se: int, ments: list) -> NamedBody | None:
    """A body the speaker phrase ``text[ss:se]`` names, quoted earlier in the article with its
    state's adjective: "متحدث باسم توتال إنرجيز" after "'توتال إنرجيز' الفرنسية" → FRA, a
    company; a quoted company after ل ("الرئيس التنفيذي لـ«سينوبك»") likewise. None when no
    such naming gives a state.

    >>> from arnews.speakers.resolve import Mention
    >>> t = "الكونسورتيوم الذي تقوده 'توتال إنرجيز' الفرنسية أعلن النتائج. متحدث باسم توتال إنرجيز قال إن «…»"
    >>> c = t.index("الفرنسية")
    >>> ss = t.index("متحدث")
    >>> named_body_country(t, ss, t.index(" قال"), [Mention(c, c + 8, "FRA", "country", "FRA")])
    NamedBody(country='FRA', type='company')
    """
    phrase = text[ss:se]
    owner = _OWNER.search(text, ss, min(len(text), se + 1))
    names = [owner.group(2).strip()] if owner else []
    names += [m.group(1).strip() for m in _QUOTED.finditer(text, max(0, ss - _LOOK_BACK_CHARS), min(len(text), se + 1))
              if m.start() < ss or len(text[ss:m.start()].split()) <= _TITLE_WORDS]  # "مديرة «…»", not a name deep in it
    # a headline's speaker is named in the lead below it: "مديرة «موليو غرافيت»: …" (round 45)
    upto = len(text) if "\n" not in text[:ss] else ss
    for name in dict.fromkeys(names):
        # the substring test first: most names of the article are not in the phrase (a regex per name was slow)
        if name in phrase and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", phrase):
            info = _name_info(text, name, upto, ments, default=None)
            if info.country and info.type in (None, "company"):
                return NamedBody(info.country, "company")
    return None


def in_quoted_name(text: str, lo: int, at: int) -> bool:
    """Whether offset ``at`` lies inside a name in quotation marks opened after ``lo``: the
    "الغرب" of "مراسل إذاعة «صوت الغرب» المحلية" names the outlet, not the speaker's side
    (round 52).

    >>> t = "مراسل إذاعة «صوت الغرب» المحلية"
    >>> in_quoted_name(t, 0, t.index("الغرب")), in_quoted_name(t, 0, t.index("المحلية"))
    (True, False)
    """
    seg = text[lo:at]
    if seg.count("«") > seg.count("»") or seg.count("“") > seg.count("”"):
        return True
    return any(seg.count(m) % 2 == 1 for m in "\"'")
