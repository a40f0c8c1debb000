"""The country of an article's dateline: "كوالالمبور - …", "موسكو (أ ف ب) - …", and the wire
styles that give a date after the place and no dash (issue 19, round 14): "إسلام آباد 5 ديسمبر
2026 (شينخوا) قال …", "بكين 14 مايو 2026 (شينخوا) -- أكدت …", "الرياض في 3 ديسمبر / وام / أكد …".

>>> from collections import namedtuple
>>> M = namedtuple("M", "start end actor_id actor_type country")
>>> t = "عنوان\\n\\nإسلام آباد 5 ديسمبر 2026 (شينخوا) قال الوزير"
>>> dateline_country(t, [M(7, 17, "PAK", "country", "PAK")])
'PAK'
"""
from __future__ import annotations

from typing import NamedTuple

import regex as re

from .lexicon import SpeakerLexicon, find_entries, words_in
from .nisba import nisba_country

_DATELINE_RE = re.compile(r"\s*([^\n\-–—:]{2,60}?)\s*(?:\(([^)\n]{1,30})\)\s*)?[\-–—]{1,2}\s")
# The place, a day and a month (a year), then the agency in parentheses or a slash: the dated
# wire styles (Xinhua, WAM). Group 1 is the place, group 2 the agency.
_DATED_RE = re.compile(r"\s*([^\n\-–—:/()\d]{2,40}?)[،,]?\s+(?:في\s+)?\d{1,2}\s+[^\s\d/()]+(?:\s+\d{4})?\s*(?:\(([^)\n]{1,30})\)|/)")


def dateline_country(text: str, ments: list, max_paragraphs: int = 3,
                     lex: SpeakerLexicon | None = None) -> str | None:
    """The country of a dateline ("كوالالمبور - …", "موسكو (أ ف ب) - …") in the first
    paragraphs, when it names exactly one, or the first of a double dateline "A/B" ("بوينس
    آيرس/واشنطن (رويترز) -": the story's place; round 4, +3 dev quotes, none lost); with
    ``lex``, a city of the place lexicon ("بانكوك - …") when no mention names one. A dated
    wire dateline with no dash ("بكين 14 مايو 2026 (شينخوا) قال"; round 14) counts only when it
    names a country (otherwise the next paragraph is read). ``ments``: the article's mentions
    (``start``, ``country``).

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end actor_id actor_type country")
    >>> dateline_country("عنوان\\n\\nكوالالمبور - قال الوزير", [M(7, 17, "MYS", "country", "MYS")])
    'MYS'
    """
    for pos, end in _paragraphs(text, max_paragraphs):
        m = _DATELINE_RE.match(text, pos, end)
        dated = m is None and (m := _DATED_RE.match(text, pos, end)) is not None
        if m:
            found = sorted((x.start, x.country) for x in ments
                           if m.start(1) <= x.start < m.end(1) and x.country and x.actor_type != "bloc")
            if not found and lex is not None:
                ws = words_in(text, m.start(1), m.end(1))
                found = [(ws[i].start, e.value) for i, e in find_entries(lex.places, ws) if e.kind == "place"]
            if not found and lex is not None and (c := town_nisba(text, text[m.start(1):m.end(1)].strip())):
                found = [(m.start(1), c)]  # "ريفيرا - …" and later "ريفيرا الأوروغويانية" (round 61)
            if not found and m.group(2):  # "أبانكاي (بيرو) -": a town placed by its country (round 12)
                found = sorted((x.start, x.country) for x in ments if m.start(2) <= x.start < m.end(2) and x.country)
            codes = list(dict.fromkeys(c for _, c in found))
            if len(codes) > 1 and "/" in text[m.start(1):m.end(1)]:
                return codes[0]  # "بوينس آيرس/واشنطن (رويترز) -": the first place is the story's
            if codes or not dated:
                return codes[0] if len(codes) == 1 else None
    return None


def dateline_span(text: str, max_paragraphs: int = 3) -> tuple[int, int]:
    """Where the place of a dash dateline stands in the first paragraphs ("كينشاسا – …"),
    ``(0, 0)`` when there is none.

    >>> dateline_span("عنوان\\n\\nكينشاسا – قال الوزير")
    (7, 14)
    """
    for pos, end in _paragraphs(text, max_paragraphs):
        if (m := _DATELINE_RE.match(text, pos, end)):
            return m.start(1), m.end(1)
    return 0, 0


def _paragraphs(text: str, max_paragraphs: int):
    """``(start, end)`` of the text's first ``max_paragraphs`` lines that are not empty."""
    pos = 0
    for _ in range(max_paragraphs):
        while pos < len(text) and text[pos] == "\n":
            pos += 1
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        yield pos, end
        pos = end


def main_country(ments: list, min_mentions: int = 1, headline_end: int = 0, prefer: str | None = None) -> str | None:
    """The state an article names most often (its country mentions; the first named wins a
    tie), None when it names none or fewer than ``min_mentions`` times: the country of a voice
    the article gives no place of its own ("قال أحد المزارعين", an opposition deputy named
    without a party's country; round 38). A mention before ``headline_end`` (the end of the
    headline) counts twice: the story's own state is the one its headline names (round 54).
    ``prefer`` breaks a tie when it is among the states named most (the state whose towns the
    text names, :func:`places_country`; round 56).

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end actor_id actor_type country")
    >>> main_country([M(0, 3, "EGY", "country", "EGY"), M(9, 12, "SDN", "country", "SDN"), M(20, 23, "SDN", "country", "SDN")])
    'SDN'
    >>> main_country([M(0, 3, "EGY", "country", "EGY"), M(9, 12, "SDN", "country", "SDN"), M(20, 23, "SDN", "country", "SDN")], headline_end=5)
    'EGY'
    >>> main_country([M(0, 3, "ARE", "country", "ARE"), M(9, 12, "TUN", "country", "TUN")], prefer="TUN")
    'TUN'
    >>> main_country([M(0, 3, "UN", "org", "UN")]) is None, main_country([M(0, 3, "EGY", "country", "EGY")], min_mentions=2) is None
    (True, True)
    """
    counts: dict[str, int] = {}
    for m in sorted(ments, key=lambda m: m.start):
        if m.actor_type == "country" and m.country:
            counts[m.country] = counts.get(m.country, 0) + (2 if m.start < headline_end else 1)
    best = max(counts, key=counts.get) if counts else None
    if best is not None and prefer is not None and counts.get(prefer) == counts[best]:
        best = prefer
    return best if best is not None and counts[best] >= min_mentions else None


def sole_country(ments: list) -> str | None:
    """The one state an article names, however often, None when it names none or several: the
    home of an opinion column that names its state once ("قرار وزير التربية … مدرس مصري";
    round 56).

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end actor_id actor_type country")
    >>> sole_country([M(0, 3, "EGY", "country", "EGY"), M(9, 12, "WB", "org", "WB")])
    'EGY'
    >>> sole_country([M(0, 3, "EGY", "country", "EGY"), M(9, 12, "SDN", "country", "SDN")]) is None
    True
    """
    codes = {m.country for m in ments if m.actor_type == "country" and m.country}
    return codes.pop() if len(codes) == 1 else None


def places_country(text: str, lex: SpeakerLexicon, min_hits: int = 2) -> str | None:
    """The state whose cities (places of the speaker lexicon) an article names at least
    ``min_hits`` times and clearly most (more than the other states' cities by two; round 60:
    one foreign town no longer hides the story's): the home of a column with no dateline and
    no country named twice ("وسط قسنطينة …، جامعة قسنطينة" → DZA; round 50).

    >>> from arnews.speakers import load_speaker_lexicon
    >>> lex = load_speaker_lexicon()
    >>> places_country("احترقت مكتبة في قسنطينة، وقال مؤرخ من قسنطينة", lex)
    'DZA'
    >>> places_country("من قسنطينة إلى صفاقس ثم قسنطينة", lex) is None
    True
    >>> places_country("في صحار وصحار وصحار، ووفد من ماستريخت", lex)
    'OMN'
    """
    ws = words_in(text, 0, len(text))
    codes = [e.value for _, e in find_entries(lex.places, ws) if e.kind == "place"]
    if not codes:
        return None
    best = max(set(codes), key=lambda c: (codes.count(c), -codes.index(c)))
    n = codes.count(best)
    return best if n >= min_hits and n > len(codes) - n + (len(codes) > n) else None


_FOREIGN_BODY = re.compile(r"(?:^|\s)[وف]?(?:ال)?(?:شركة|سفارة|قنصلية)\s+(?:\S+\s+){0,3}$")


def without_foreign_bodies(text: str, ments: list) -> list:
    """``ments`` without the nisbas of a company, embassy or consulate ("شركة 'ألب ليفت'
    النمساوية", "السفارة الإيطالية"): a foreign firm or mission in the story's place, which
    names a state the story deals with, not its own (round 62).

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end actor_id actor_type country")
    >>> t = "فازت شركة 'ألب ليفت' النمساوية بالمناقصة، وقال وزير الأشغال النمساوي"
    >>> [m.start for m in without_foreign_bodies(t, [M(t.index("النمساوية"), 0, "AUT", "country", "AUT"), M(t.rindex("النمساوي"), 0, "AUT", "country", "AUT")])]
    [60]
    """
    return [m for m in ments if not (text[m.start:m.start + 2] == "ال" and _FOREIGN_BODY.search(text[max(0, m.start - 60):m.start]))]


def opening_end(text: str) -> int:
    """The end of the headline and the first paragraph: where a story places itself.

    >>> opening_end("عنوان\\n\\nفقرة أولى\\n\\nفقرة ثانية")
    16
    """
    paras = [m.end() for m in re.finditer(r"[^\n]*\S[^\n]*", text)][:2]
    return paras[-1] if paras else 0


class PlaceMention(NamedTuple):
    """A town of the speaker lexicon's places, read as a mention of its state."""

    start: int
    end: int
    actor_id: str
    actor_type: str
    country: str


def place_mentions(text: str, lex: SpeakerLexicon, ments: list = ()) -> list[PlaceMention]:
    """The towns the headline and the first paragraph name (places of the speaker lexicon that
    no actor mention covers), as mentions of their state for :func:`main_country`: a story set
    in المحرق is Bahrain's even when the text names Kuwait as often as Bahrain (round 60).
    Towns further down are often elsewhere (a meeting in جنيف, a comparison with برشلونة).

    >>> from arnews.speakers import load_speaker_lexicon
    >>> t = "حريق في قسنطينة\\n\\nاحترقت مكتبة.\\n\\nوقال مسؤول في وهران"
    >>> [m.country for m in place_mentions(t, load_speaker_lexicon())]
    ['DZA']
    """
    ws = words_in(text, 0, opening_end(text))
    covered = [(m.start, m.end) for m in ments]
    return [PlaceMention(ws[i].start, ws[i + len(e.words) - 1].end, e.value, "country", e.value)
            for i, e in find_entries(lex.places, ws)
            if e.kind == "place" and not any(a <= ws[i].start < b for a, b in covered)]


_DIRECTION = re.compile(r"(?:^|\s)(?:في\s+)?(?:أقصى\s+)?(?:جنوب|شمال|شرق|غرب|وسط|جنوبي|شمالي|شرقي|غربي)(?:\s+(?:غرب|شرق)ي?)?\s*$")


def placed_mentions(text: str, ments: list) -> list:
    """The country mentions of the headline and the first paragraph that place a town by its
    direction in the state ("في تازناخت جنوب المغرب", "بلدة شمالي لبنان"): the story's own state,
    which outweighs a state its people deal with and that state's towns (round 62: the home counts
    it as it counts a headline's mention, the home state once more).

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end actor_id actor_type country")
    >>> t = "عنوان\\n\\nنساء في تازناخت جنوب المغرب يبعن لزبائن في كندا."
    >>> [m.country for m in placed_mentions(t, [M(t.index("المغرب"), t.index("المغرب") + 6, "MAR", "country", "MAR")])]
    ['MAR']
    >>> placed_mentions("زبائن في كندا", [M(9, 13, "CAN", "country", "CAN")])
    []
    """
    end = opening_end(text)
    return [m for m in ments if m.actor_type == "country" and m.country and m.start < end
            and _DIRECTION.search(text[max(0, m.start - 30):m.start])]


def unplaced_dateline(text: str, max_paragraphs: int = 3) -> bool:
    """Whether a paragraph after the headline opens on a dateline of one to three words that
    names no known place ("مبانداكا - على الضفة …"): a town of the story's state (round 50).

    >>> unplaced_dateline("عنوان\\n\\nمبانداكا - على الضفة الموحلة")
    True
    >>> unplaced_dateline("عنوان\\n\\nعلى الضفة الموحلة لنهر الكونغو - تجلس")
    False
    """
    paras = [p for p in text.split("\n") if p.strip()][1:max_paragraphs + 1]
    for p in paras:
        m = _DATELINE_RE.match(p)
        if m and not m.group(2) and re.fullmatch(r"\p{Arabic}+(?: \p{Arabic}+){0,2}", m.group(1).strip()):
            return True
    return False


def town_nisba(text: str, town: str) -> str | None:
    """The one country the article's nisbas give a town of unknown place, where the text
    names it with one ("بلدية ريفيرا الأوروغويانية", "مدينة برنو التشيكية"); None when it never
    does or the nisbas disagree (round 61).

    >>> town_nisba("ريفيرا - افتتح الخط.\\nوقالت بلدية ريفيرا الأوروغويانية إن", "ريفيرا")
    'URY'
    >>> town_nisba("ريفيرا - افتتح الخط بين ريفيرا الأوروغويانية وريفيرا البرازيلية", "ريفيرا") is None
    True
    """
    if not town or len(town.split()) > 2:
        return None
    codes = {c for m in re.finditer(r"(?<!\w)[وفبل]?" + re.escape(town) + r"\s+(ال\w+)", text) if (c := nisba_country(m.group(1)))}
    return codes.pop() if len(codes) == 1 else None
