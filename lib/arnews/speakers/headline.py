"""Speakers of quotes in an article's headline (its first line) that the sentence rules
leave without one (issue 19, round 6). A headline packs clauses with "..", "،" or "و":

* ``<actor> <present verb> … <preposition> «…»``: "مصر تحذر من «…»", "وواشنطن تلوح
  بـ«…»", "السعودية والولايات المتحدة تدعوان … إلى «…»" (the first of actors joined by و),
  the actor of the clause nearest the quote ("سيول تدين … وبيونغ يانغ تتحدث عن «…»" →
  بيونغ يانغ); the quote governed by عن، من، إلى or بـ right before its mark, or by the
  verb itself with an object pronoun ("… وموسكو تعتبرها «استفزازا»"; round 9);
* ``<phrase>: … «…»`` in the quote's clause: "… في الفلبين.. وماركوس: «…»", "مصر: تشغيل
  السد دون اتفاق «…»", when the phrase (at most 4 words) names an actor, holds a title or
  is a name the article names again.

>>> from arnews.speakers.resolve import Mention
>>> t = "مصر تحذر من «الإجراءات الأحادية» على النيل\\n\\nالقاهرة - …"
>>> s = headline_speaker(t, 12, [Mention(0, 3, "EGY", "country", "EGY")], None, [])
>>> (t[s.start:s.end], s.actor)
('مصر', 'EGY')
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from .interview import is_interview
from .lexicon import SpeakerLexicon, Word, find_entries, opens_with_title, one_word_forms, words_in
from .nisba import nisba_country
from .positions import in_spans, within
from .resolve import Mention
from .subjects import Subject

_SEP_RE = re.compile(r"\.\.+|[،,؛|]|\s[-–—]\s")
PHRASE_WORDS = 4
GUEST_WORDS = 10  # an interview's guest, named and placed: "يونس الطائي صاحب سينما 'النجوم' في الموصل" (round 64)


def headline_speaker(text: str, mark: int, ments: list[Mention], lex: SpeakerLexicon | None, spans) -> Subject | None:
    """The speaker of the quote opening at ``mark`` when it stands in the headline (see the
    module docstring), else None."""
    nl = text.find("\n")
    if 0 <= nl < mark:
        return None
    seps = [m.end() for m in _SEP_RE.finditer(text, 0, mark) if not in_spans(m.start(), spans)]
    lo = seps[-1] if seps else 0
    return (_colon_clause(text, lo, mark, ments, lex, spans) or _actor_verb(text, lo, mark, ments, spans)
            or _subject_of_stance_verb(text, lo, mark, ments, lex, spans))


def _colon_clause(text: str, lo: int, mark: int, ments: list[Mention], lex: SpeakerLexicon | None,
                  spans) -> Subject | None:
    colon = next((i for i in range(lo, mark) if text[i] == ":" and not in_spans(i, spans)), -1)
    if colon < 0:
        return None
    ws = words_in(text, lo, colon)
    if not ws or len(ws) > GUEST_WORDS or len(ws) > PHRASE_WORDS and not _placed_guest(text, ws, lex):
        return None
    s, e = ws[0].start, ws[-1].end
    actors = [m for m in within(ments, s, e) if m.actor_id]
    titled = lex is not None and bool(find_entries(lex.titles, ws))
    if not (actors or titled or _named_again(text, ws[-1]) or len(ws) > PHRASE_WORDS):
        return None
    persons = [m for m in actors if m.actor_type == "person"]
    return Subject(colon, s, e, persons[-1].actor_id if persons else (actors[0].actor_id if actors else None))


def _placed_guest(text: str, ws: list[Word], lex: SpeakerLexicon | None) -> bool:
    """Whether ``ws`` (a headline's words before a colon, longer than :data:`PHRASE_WORDS`)
    present an interview's guest: the article is an interview, the phrase opens on a name and
    names a town ("يونس الطائي صاحب سينما 'النجوم' في الموصل"; round 64)."""
    return (lex is not None and _first_name(ws[0]) and is_interview(text)
            and any(e.kind == "place" for _, e in find_entries(lex.places, ws)))


def _named_again(text: str, w: Word) -> bool:
    """A name whose word recurs after the headline ("وماركوس" … "ماركوس"); a family name
    with the article only where it recurs after a first name ("والأنصاري" … "ماجد
    الأنصاري"; round 7), so that common nouns ("والحكومة") stay out."""
    name = w.readings[1] if len(w.readings) > 1 and w.readings[0].startswith("و") else w.readings[0]
    if len(name) < 3 or (name.startswith("ال") and len(name) < 6):
        return False
    later = words_in(text, w.end, min(len(text), w.end + 3000))
    if not name.startswith("ال"):
        return any(name in x.readings[:2] for x in later)
    return any(name == x.readings[0] and k and _first_name(later[k - 1]) and not text[later[k - 1].end:x.start].strip()
               for k, x in enumerate(later))


def _first_name(w: Word) -> bool:
    """A word that can be a first name before a family name: at least three letters, no
    article, no speech verb, title or particle of :data:`_NOT_FIRST` ("ماجد", not "وزير")."""
    r = w.readings[0]
    return len(r) >= 3 and not r.startswith(("ال", "وال", "بال", "لل")) and r not in _NOT_FIRST


_NOT_FIRST = frozenset("قال قالت وقال وقالت اكد اضاف وزير رئيس بين على علي الى الي عن من في مع ان انه".split())


def _word_at(text: str, pos: int, ws: list[Word]) -> Word | None:
    return next((w for w in ws if w.start <= pos < w.end), None)


# A quote governed by one of these right before its mark is what the verb reports: "تتحدث عن
# «…»", "تحذر من «…»", "تدعوان … إلى «…»", "تلوح بـ«…»" (not "تختلفان حول «…»", "تبدأ تطبيق «…»").
_REPORTING_PREPOSITIONS = frozenset("عن من الي ب".split())  # normalized: إلى → الي


# Verbs of asking, wanting, thanking and refusing whose quoted object is the subject's words:
# "الأرجنتين تطلب «مشاورات عاجلة»", "هافانا تشكر 'الأصدقاء الحقيقيين'" (round 44); not "يعزز «…»".
_WANTING = frozenset(p + v for p in "تي" for v in "طلب ريد شكر رفض طالب عد حذر نفي صف عتبر تهم".split())


def _actor_verb(text: str, lo: int, mark: int, ments: list[Mention], spans) -> Subject | None:
    ws = [w for w in words_in(text, lo, mark) if not in_spans(w.start, spans)]
    if not ws or text[ws[-1].end:mark].strip(" ـ"):
        return None
    # or the verb itself, with its object pronoun, right before the mark: "وموسكو تعتبرها «…»" (round 9)
    governed = ws[-1].readings[0] in _REPORTING_PREPOSITIONS
    verb = ws[-1].readings
    if not governed and not (_present_verb(ws[-1]) and (verb[0].endswith(("ها", "هم", "ه")) and len(verb[0]) >= 5
                                                        or _WANTING.intersection(verb[:2]))):
        return None
    cands = [m for m in within(ments, lo, mark) if m.actor_id and not in_spans(m.start, spans)]
    for k in range(len(cands) - 1, -1, -1):
        m = cands[k]
        verb = next((w for w in ws if w.start >= m.end), None)
        if verb is None or text[m.end:verb.start].strip() or not _present_verb(verb) or not (governed or verb is ws[-1]):
            continue
        first = _word_at(text, m.start, ws)
        if first is None or not (first.start == ws[0].start or _joined(text, first, m.start)):
            continue
        end = m.end
        # actors joined by و before it: "السعودية والولايات المتحدة تدعوان"
        while k > 0 and _joined(text, first, m.start) and not text[cands[k - 1].end:first.start].strip():
            k -= 1
            m = cands[k]
            first = _word_at(text, m.start, ws)
            if first is None:
                break
        return Subject(verb.start, cands[k].start, end, cands[k].actor_id)
    return None


def _joined(text: str, w: Word, start: int) -> bool:
    """Whether the mention at ``start`` is joined by و ("وواشنطن", "والولايات المتحدة")."""
    return start > w.start and text[w.start:start] == "و" or (w.start == start and w.readings[0].startswith("و")
                                                               and len(w.readings) > 1 and start + 1 < w.end)


def _present_verb(w: Word) -> bool:
    """A present-tense third-person verb opening the clause's predicate: تحذر، تلوح، ترد، يدعو."""
    r = w.readings[0]
    return len(r) >= 3 and r[0] in "تي" and not r.startswith("ال")


@lru_cache(maxsize=1)
def _headline_verbs() -> frozenset[str]:
    """The verb forms of ``data/lexicons/headline_verbs.csv``, read once."""
    return one_word_forms("headline_verbs.csv")


def _subject_of_stance_verb(text: str, lo: int, mark: int, ments: list[Mention], lex: SpeakerLexicon | None,
                            spans) -> Subject | None:
    """``<subject> <verb of headline_verbs.csv> … «…»``: the clause's subject, the state it opens
    on when a present verb follows it ("المغرب يكشف تصميم «…» ويعد بمونديال «…»") or else the
    words before the verb ("نقابات النقل في السنغال تتوعد بـ«شلل تام»", "جزازو الأغنام يطالبون
    بأجر «…»"; round 62)."""
    ws = [w for w in words_in(text, lo, mark) if not in_spans(w.start, spans)]
    verbs = _headline_verbs()
    k = next((i for i, w in enumerate(ws) if verbs.intersection(w.readings[:2])), None)
    if not k or k > PHRASE_WORDS + 2:
        return None
    first = [m for m in within(ments, ws[0].start, ws[k - 1].end) if m.actor_id and m.start <= ws[0].start + 1]
    if first:
        nxt = next((w for w in ws if w.start >= first[0].end), None)
        if nxt is not None and _present_verb(nxt) and not text[first[0].end:nxt.start].strip():
            return Subject(ws[k].start, first[0].start, first[0].end, first[0].actor_id)
    j = max((i for i in range(1, k) if ws[i].readings[0] == "و" or (
        ws[i].readings[0].startswith("و") and ws[i].readings[1:2] and ws[i].readings[1].startswith("ال"))), default=0)
    start = ws[j + 1].start if ws[j].readings[0] == "و" and j + 1 < k else ws[j].start
    # "«أوبك+» تمدد خفض الإنتاج والأسواق تتساءل": a new subject joined by و opens the clause
    subject = ws[j + 1 if start > ws[j].start else j:k]
    actor = first[0].actor_id if first and k == 1 else None
    named = lex is not None and (opens_with_title(subject, lex) or find_entries(lex.places, subject))
    if actor is None and not (named or within(ments, subject[0].start, subject[-1].end)
                              or any(nisba_country(r) for w in subject for r in w.readings[:2])):
        return None  # "والمصدرون": a group neither titled nor placed speaks for no one here
    return Subject(ws[k].start, start, ws[k - 1].end, actor)
