"""A city read as the dateline ("بليم - …", known only from the place lexicon, no mention)
gives no state to a non-state speaker (analyst, NGO, media, company) whose phrase names no
place itself (issue 19, round 19, candidate 1c; measured, see quote_rounds.md). A body the
phrase calls local ("منظمة «…» المحلية") or a university or hospital named without a country
keeps the dateline's state, as before (rounds 3 and 6).

>>> from arnews.speakers.resolve import SpeakerInfo
>>> from arnews.speakers.lexicon import load_speaker_lexicon
>>> lex = load_speaker_lexicon()
>>> t = "قالت المحللة في المجموعة"
>>> row = {"speaker_start": 5, "speaker_end": len(t)}
>>> withhold_city_dateline(t, row, SpeakerInfo("BRA", "analyst"), "BRA", None, [], lex)
SpeakerInfo(country=None, type='analyst')
>>> withhold_city_dateline(t, row, SpeakerInfo("BRA", "analyst"), "BRA", "BRA", [], lex)  # a named dateline
SpeakerInfo(country='BRA', type='analyst')
>>> t = "قالت مديرة المنظمة المحلية"
>>> row = {"speaker_start": 5, "speaker_end": len(t)}
>>> withhold_city_dateline(t, row, SpeakerInfo("MDA", "ngo"), "MDA", None, [], lex)  # a local body
SpeakerInfo(country='MDA', type='ngo')
"""
from __future__ import annotations

from .extent import phrase_end
from .lexicon import SpeakerLexicon, find_entries, words_in
from .home_voice import described_as
from .nisba import nisba_country
from .positions import within

__all__ = ["withhold_city_dateline"]

_NON_STATE = frozenset(("analyst", "ngo", "media", "company"))
#: words that tie a body to the dateline's place (normalized): "المحلية", a university, a hospital
LOCAL_WORDS = frozenset("المحلية المحلي المحليه محلية محلي جامعة جامعه مستشفى مستشفي".split())


def withhold_city_dateline(text: str, row: dict, info, dateline: str | None, named_dateline: str | None,
                           ments: list, lex: SpeakerLexicon):
    """``info`` without its country when that country is only the dateline's city (``dateline``
    found through the place lexicon, ``named_dateline`` the one found from mentions alone), the
    speaker is of a non-state type and the phrase names no place or country."""
    if not (info.country and info.country == dateline and dateline != named_dateline and info.type in _NON_STATE):
        return info
    ss, se = row.get("speaker_start"), row.get("speaker_end")
    if ss is None or se is None or ss != ss:
        return info
    ss, se = int(ss), int(se)
    words = words_in(text, ss, se)
    if (any(m.country for m in within(ments, ss, _with_apposition(text, row, ss, se))) or find_entries(lex.places, words)
            or any(nisba_country(w.readings[0]) == info.country for w in words)  # "اقتصادي قمري" (round 57)
            or _titled_mention_nisba(text, row.get("speaker_text"), ss, info.country, lex)
            or any(LOCAL_WORDS.intersection(w.readings) for w in _up_to_quote(text, row, ss, words))):
        return info
    return type(info)(None, info.type)


def _up_to_quote(text: str, row: dict, ss: int, words: list) -> list:
    """The words from the speaker phrase to the quote ("مديرة منظمة «…» المحلية إن"), for the
    local words the finder's phrase may stop before."""
    q = row.get("start")
    return words_in(text, ss, int(q)) if q is not None and q == q and int(q) > ss else words


def _with_apposition(text: str, row: dict, ss: int, se: int) -> int:
    """End of the speaker phrase over its apposition up to the quote (:func:`arnews.speakers.extent.phrase_end`):
    the nisba after a quoted name ("صحيفة «بانش» النيجيرية") names the place too (round 52)."""
    q = row.get("start")
    return se if q is None or q != q else max(se, phrase_end(text, row))


def _titled_mention_nisba(text: str, speaker_text: object, ss: int, country: str, lex: SpeakerLexicon) -> bool:
    """Whether a bare name's titled mention earlier in the article (:func:`~arnews.speakers.home_voice.described_as`)
    carries the nisba of ``country`` ("وقال الخوالدة" after "المدير العام لمؤسسة الإذاعة
    والتلفزيون الأردني عماد الخوالدة"): the speaker is placed by it, not by the dateline's city
    alone (round 60)."""
    described = described_as(text, speaker_text, ss, lex)
    return any(nisba_country(w.readings[0]) == country for w in words_in(described, 0, len(described)))
