"""The secretary-general or the secretariat of a forum, league or group ("الأمين العام لمنتدى
جزر المحيط الهادئ", "الأمانة العامة للجماعة") speaks for that body, not for a state: no
dateline, no host city (issue 19, round 19, candidate 1e of rounds 17–18). A phrase that names
a coded body (ASEAN, the EU …) is left to the body rules by the caller.

>>> from arnews.speakers.lexicon import words_in
>>> t = "الأمين العام لمنتدى جزر المحيط الهادئ"
>>> forum_secretariat(words_in(t, 0, len(t)))
True
>>> t = "الأمانة العامة للمجموعة في بيان"
>>> forum_secretariat(words_in(t, 0, len(t)))
True
>>> t = "الأمين العام لوزارة الخارجية"          # a ministry's: not a forum
>>> forum_secretariat(words_in(t, 0, len(t)))
False

An international body the gazetteer has no code for ("قائد القوة الدولية في هايتي", "المكتب
البحري الدولي", "الممثل السامي الدولي في البوسنة", "متحدثة باسم التحالف العالمي للقاحات")
speaks for itself, not for the place it works in (round 37):

>>> [international_body(words_in(t, 0, len(t))) for t in ("قائد القوة الدولية في هايتي",
...     "الممثل السامي الدولي في البوسنة", "الباحث في المركز الدولي للدفاع", "مدير مطار القاهرة الدولي",
...     "المدير التنفيذي للمجلس الدولي للزيتون")]
[True, True, False, False, True]
"""
from __future__ import annotations

from .lexicon import SpeakerLexicon, Word, find_entries

__all__ = ["forum_secretariat", "international_body", "uncoded_body", "FORUM_NOUNS"]

#: the bodies whose secretary-general or secretariat speaks for the body (bare forms, ى as ي)
FORUM_NOUNS = frozenset(("منتدي", "جماعة", "رابطة", "تجمع", "مجموعة"))
_SG = frozenset(("الامين", "امين", "الامانة", "امانة"))
_GENERAL = frozenset(("العام", "عام", "العامة", "عامة"))


def _bare(r: str) -> str:
    for p in ("لل", "ال", "ل"):
        if r.startswith(p) and len(r) - len(p) >= 3:
            return r[len(p):]
    return r


def forum_secretariat(words: list[Word]) -> bool:
    """Whether "الأمين العام" or "الأمانة العامة" (in the phrase's first five words) governs a
    forum noun of :data:`FORUM_NOUNS` right after it (``لمنتدى``, ``للرابطة``)."""
    for k in range(min(len(words) - 2, 5)):
        if _SG.intersection(words[k].readings[:2]) and words[k + 1].readings[0] in _GENERAL:
            nxt = words[k + 2].readings
            return any(_bare(r) in FORUM_NOUNS for r in nxt[:2])
    return False


#: heads of bodies that an "international" adjective makes an international body (bare forms)
_BODY_HEADS = frozenset(("قوة", "قوات", "مكتب", "مركز", "تحالف", "لجنة", "ممثل", "هيئة", "مجلس", "وكالة",
                         "اتحاد", "شبكة", "مبادرة", "صندوق", "بنك", "برنامج", "محكمة", "بعثة"))
_INTERNATIONAL = frozenset(("الدولي", "الدولية", "العالمي", "العالمية",
                            "الاسيوي", "الاسيوية", "الافريقي", "الافريقية"))  # round 40: "البنك الآسيوي للتنمية"
_FOR = frozenset(("باسم",))
#: a two-word title: "المدير التنفيذي للمجلس الدولي للزيتون" (round 44)
_TITLE_ADJECTIVES = frozenset(("التنفيذي", "التنفيذية", "العام", "العامة", "الاقليمي", "الاقليمية"))
_BEFORE_BODY = _FOR | _TITLE_ADJECTIVES  # words between a title's head and the body it governs


def international_body(words: list[Word]) -> bool:
    """Whether the phrase's head, or the noun its first title governs (``قائد القوة``,
    ``متحدث باسم التحالف``), is a body noun called international (``الدولية``, ``العالمي``)
    right after it or after one adjective. A body named after ``في`` (a researcher's
    centre) is not the speaker's own."""
    first = 2 if len(words) > 2 and words[1].readings[0] in _BEFORE_BODY else 1
    for k in range(min(first + 1, len(words) - 1)):
        if _bare(words[k].readings[0]).replace("ه", "ة") not in _BODY_HEADS:
            continue
        after = [w.readings[0] for w in words[k + 1:k + 3]]
        return after[0] in _INTERNATIONAL or (len(after) > 1 and after[1] in _INTERNATIONAL)
    return False


def uncoded_body(words: list[Word], ments: list, orgs: frozenset[str], lex: SpeakerLexicon) -> bool:
    """Whether the speaker phrase ``words`` speaks for a body with no code of its own: a
    forum's secretariat (:func:`forum_secretariat`) naming no coded body, or an international
    body (:func:`international_body`) whose phrase names no body with a code (a gazetteer
    body or an institution of the place lexicon: "برنامج الأغذية العالمي" is the UN's) and no
    state other than the place it works in ("في هايتي"; "منظمة الشفافية الدولية – جورجيا" is
    a national chapter). ``ments``: the gazetteer mentions inside the phrase."""
    if forum_secretariat(words):
        return not any(m.country in orgs for m in ments)
    if not international_body(words) or any(e.kind == "institution" for _, e in find_entries(lex.places, words)):
        return False
    starts = [w.start for w in words]
    # an apposition after a comma names the person, not the body ("…، الجنرال الكيني …")
    cut = next((w.start for a, w in zip(words, words[1:]) if w.start - a.end > 1), words[-1].end + 1)
    for m in (m for m in ments if m.start < cut):
        k = sum(1 for s in starts if s < m.start)
        if m.actor_type != "country" or k == 0 or words[k - 1].readings[0] != "في":
            return False
    return True
