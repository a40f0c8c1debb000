"""Subjects of speech verbs near a quote (verb then subject, subject then verb), the candidates
for its speaker when the quote finder left none or a pronoun."""
from __future__ import annotations

import csv
from functools import lru_cache
from typing import NamedTuple

import regex as re

from ..resources import data_path
from ..text import normalize
from .kind import name_before_complement
from .lexicon import (ANSWER_FORMS, ASK_WINDOW, KAN, NOT_SUBJECT, PHRASE_MAX, PREPOSITIONS, SKIP_START, STOP_WORDS, TIME_WORDS,
                      SpeakerLexicon, Word, ask_word, find_entries, opens_with_title, is_speech_verb, speech_forms, words_in)
from .positions import ending_at, in_spans, paragraph_start, sentence_start, starting_in, within
from .name_antecedent import name_antecedent
from .phrase_roles import pronoun_title
from .resolve import Mention


class Subject(NamedTuple):
    pos: int  # offset of the speech verb
    start: int
    end: int
    actor: str | None


_OPENERS = frozenset("«“”\"'‘")  # marks that may open a quote


def _subject_after(text: str, verb: Word, stop: int, ments: list[Mention], lex: SpeakerLexicon) -> Subject | None:
    """An explicit subject after a speech verb: a phrase holding a title word of the
    lexicon or a person/body mention, up to a complementizer, a colon or ``stop``."""
    ws = []
    for w in words_in(text, verb.end, stop)[:PHRASE_MAX]:
        if w.readings[0] in STOP_WORDS or ":" in text[verb.end:w.start]:
            break
        if ws and w.readings[0] in TIME_WORDS and ws[0].readings[0] not in SKIP_START:
            break  # "انتقد زعيم المعارضة الاثنين صفقة …": the subject ends at the time word
        if ws and ws[-1].readings[0] in PREPOSITIONS and not _OPENERS.isdisjoint(text[ws[-1].end:w.start]):
            ws.pop()  # "حث مفوض … الطرفين على «…» و«…»": the verb's complement, an earlier quote (round 26)
            break
        ws.append(w)
    while ws and ws[0].readings[0] in SKIP_START:
        ws.pop(0)
    if not ws or ws[0].readings[0] in NOT_SUBJECT or addressee(ws[0], lex) or manner_phrase(ws):
        return None
    s, e = ws[0].start, ws[-1].end
    persons = [m for m in within(ments, s, e) if m.actor_type == "person"]
    titled = opens_with_title(ws, lex) or pronoun_title(ws, lex)  # "وقال ممثله في داكار" (round 58)
    if not titled and not (persons and persons[0].start == s):
        return None
    # "بيسكوف في …" names one person; "المتحدث باسم الكرملين ديمتري بيسكوف" the last one
    actor = persons[0].actor_id if persons and persons[0].start == s else (persons[-1].actor_id if persons else None)
    return Subject(verb.start, s, e, actor)


_AUDIENCE = frozenset("الصحفيين الصحافيين الصحافة الصحفيون الاعلام".split())


def addressee(w: Word, lex: SpeakerLexicon) -> bool:
    """A word with the preposition ل on a medium or audience, the addressee of a speech
    verb, not its subject: "قال لوكالة «أسوشيتد برس»", "للصحفيين"."""
    first = w.readings[0]
    if len(first) <= 3 or first[0] != "ل":
        return False
    rest = [r for r in w.readings[1:] if not first.endswith(r) or len(r) < len(first)]
    return any(r in _AUDIENCE for r in rest) or any(
        e.value == "media" and len(e.words) == 1 and e.words[0] in rest for e in lex.titles)


def manner_phrase(ws: list[Word]) -> bool:
    """A short phrase after a speech verb opening with the preposition ب/ل on a noun: a
    manner or addressee ("ويقول بصراحة", "يقول بابتسامة متعبة", "قال لوسائل الإعلام",
    "قال لوسائل الإعلام"), not the subject: after ب, one or two indefinite words in ة; the next word
    carries the article (after ل). A name ("بيتر والش", "لولا") or a body ("بعثة المراقبة")
    is neither (round 9).

    >>> manner_phrase(words_in("بصراحة", 0, 6)), manner_phrase(words_in("بيتر والش", 0, 9))
    (True, False)
    """
    return manner_words([w.readings[0] for w in ws])


# A circumstantial clause after the verb ("يقول وهو ينظر إلى الطريق", "وأضافت وهي تلتقط
# أنفاسها"; round 12) is not its subject: the subject is a pronoun, taken up from the last
# speaker.
CIRCUMSTANTIAL = frozenset("وهو وهي وهم وهما وهن".split())


def manner_words(words: list[str]) -> bool:
    """:func:`manner_phrase` on the phrase's normalized words (the test
    :mod:`arnews.quotes.speakers` also applies to the words after a verb).

    >>> manner_words(["بابتسامة", "متعبة"]), manner_words(["لوسائل", "الاعلام"]), manner_words(["بعثة", "المراقبة"])
    (True, True, False)
    >>> manner_words(["وهو", "ينظر", "الي", "الطريق"]), manner_words(["وهو", "وزير"])
    (True, False)
    """
    first = words[0] if words else ""
    if first in CIRCUMSTANTIAL and len(words) > 1 and words[1][:1] in "يتن":
        return True  # "يقول وهو ينظر إلى الطريق": a circumstantial clause, the subject a pronoun (round 12)
    if not words or len(words) > 3 or len(first) < 4 or first[0] not in "بل" or first.startswith(("بال", "لل")):
        return False
    if first[0] == "ب":  # بصراحة، بابتسامة متعبة (not بعثة المراقبة)
        return len(words) <= 2 and all(w.endswith(("ة", "ه")) and not w.startswith("ال") for w in words)
    return len(words) > 1 and words[1].startswith("ال")


def _subject_before(text: str, ws: list[Word], i: int, spans, lex: SpeakerLexicon) -> Subject | None:
    """A titled phrase before the speech verb ``ws[i]`` in its sentence, when nothing after
    the verb is a subject: "ورحب وزير المالية المصري بالبيان، وقال …", "غير أن الخبيرة
    الاقتصادية في بنك … في دبي، سلمى الحداد، قالت …"."""
    sent = sentence_start(text, ws[i].start, spans)
    lo = next((k for k in range(i) if ws[k].start >= sent), i)
    lo += _fronted_side(ws[lo:i])  # "و من جهتها ، السفارة الروسية لدى منغوليا قالت" (round 58)
    for k in range(lo, min(i, lo + 3)):  # the sentence's subject: within its first words
        if in_spans(ws[k].start, spans):
            continue
        if opens_with_title(ws[k:i], lex):
            stop = next((j for j in range(k + 1, i) if ws[j].readings[0] in STOP_WORDS), i)
            return Subject(ws[i].start, ws[k].start, ws[stop - 1].end, None)
    return None


# "من جهتها"، "من جانبه"، "بدوره": "for its part", fronted before a subject
_SIDE = frozenset("جهته جهتها جهتهم ناحيته ناحيتها جانبه جانبها جانبهم".split())
_SIDE_ONE = frozenset("بدوره بدورها وبدوره وبدورها".split())


def _fronted_side(ws: list[Word]) -> int:
    """How many words a fronted "(و) من جهته" / "بدوره" takes at the start of ``ws`` (0 without one).

    >>> from arnews.speakers.lexicon import words_in
    >>> _fronted_side(words_in("و من جهتها ، السفارة قالت", 0, 26)), _fronted_side(words_in("ومن جانبه قال", 0, 13))
    (3, 2)
    >>> _fronted_side(words_in("السفارة قالت", 0, 12))
    0
    """
    r = [w.readings[0] for w in ws[:3]]
    k = 1 if r[:1] == ["و"] else 0
    if r[k:k + 1] and r[k] in _SIDE_ONE:
        return k + 1
    if len(r) > k + 1 and r[k] in ("من", "ومن") and r[k + 1] in _SIDE:
        return k + 2
    return 0


_NAQL = frozenset("نقل نقلت ينقل تنقل".split())


def _actor_before(text: str, ws: list[Word], i: int, ments: list[Mention], spans) -> Subject | None:
    """An actor mention right before the speech verb ``ws[i]`` that opens its clause (subject,
    verb: "بيونغ يانغ تتحدث عن «…»", "الأمم المتحدة تحث … على «…»"): at the start of the
    sentence (after a dateline), after a comma, or glued to the conjunction و; not glued to
    a preposition (لبكين) nor after one ("الحرب في أوكرانيا كشفت")."""
    if i == 0 or in_spans(ws[i - 1].start, spans) or not text[ws[i - 1].end:ws[i].start].isspace():
        return None
    m = next((m for m in ending_at(ments, ws[i - 1].end) if m.actor_id), None)
    if m is None:
        return None
    k = next((k for k in range(i) if ws[k].start <= m.start < ws[k].end), None)
    if k is None:
        return None
    glued = text[ws[k].start:m.start]
    if glued not in ("", "و"):
        return None
    if glued != "و" and k > 0:
        gap = text[ws[k - 1].end:m.start]
        if ws[k - 1].readings[0] in PREPOSITIONS or not (any(c in gap for c in ".،,:؛\n") or _sentence_first(text, ws, k, spans)):
            return None
    return Subject(ws[i].start, m.start, m.end, m.actor_id)


def _sentence_first(text: str, ws: list[Word], k: int, spans) -> bool:
    """Whether ``ws[k]`` opens its sentence (or follows a dateline "سيول (يونهاب) -")."""
    sent = sentence_start(text, ws[k].start, spans)
    return not words_in(text, sent, ws[k].start) or bool(re.search(r"[\-–—]\s*$", text[sent:ws[k].start]))


def _answers_question(ws: list[Word], i: int, spans) -> bool:
    """Whether ``ws[i]`` answers a question asked earlier in the sentence ("وسألت مراسلة
    صحيفة «…» عن …، فأجاب:"): the words before it are the question's, not its subject
    (round 31; :func:`arnews.quotes.speakers.asked_person` names the one asked)."""
    if not any(r in ANSWER_FORMS for r in ws[i].readings[:3]):
        return False
    return any(ask_word(ws[k].readings[0]) is not None and not in_spans(ws[k].start, spans)
               for k in range(i - 1, max(-1, i - ASK_WINDOW), -1))


def find_subjects(text: str, lo: int, hi: int, ments: list[Mention], lex: SpeakerLexicon, spans) -> list[Subject]:
    """Explicit speakers of speech verbs in ``text[lo:hi]`` outside quotation marks, in
    text order ("وقال الباحث … إن", "وكان السفير الصيني … قد صرح")."""
    out = []
    ws = words_in(text, lo, hi)
    for i, w in enumerate(ws):
        if in_spans(w.start, spans):
            continue  # inside a quote
        if is_speech_verb(w) and i > 0 and ws[i - 1].readings[0] in ("قد", "لقد"):
            continue  # "وكان ترامب قد دعا شي …": the subject stands before; see below
        fa_qad = i > 0 and ws[i - 1].readings[0] == "فقد"  # "أما الاتحاد … فقد حذر" (round 49)
        if is_speech_verb(w) and (w.readings[0].startswith("ف") or fa_qad):
            # "أما حلف شمال الأطلسي فيرى … أن": the topic after أما is the subject
            end = i - 1 if fa_qad else i
            j = next((k for k in range(end - 1, max(-1, end - PHRASE_MAX), -1) if ws[k].readings[0] == "اما"), None)
            if j is not None and j + 1 < end and not in_spans(ws[j].start, spans):
                s0, e0 = ws[j + 1].start, ws[end - 1].end
                actors = [m for m in within(ments, s0, e0) if m.actor_id]
                if ((actors and actors[0].start == s0) or opens_with_title(ws[j + 1:end], lex)
                        or _topic_phrase(ws[j + 1:end])):
                    out.append(Subject(w.start, s0, e0, actors[0].actor_id if actors else None))
                    continue
        if is_speech_verb(w):
            sub = _subject_after(text, w, hi, ments, lex) or quoted_name_subject(text, w, spans)
            if sub is None and not _answers_question(ws, i, spans):
                sub = _actor_before(text, ws, i, ments, spans) or _subject_before(text, ws, i, spans, lex)
            if sub is not None:
                out.append(sub)
        elif w.readings[0] in _NAQL or (len(w.readings) > 1 and w.readings[1] in _NAQL):
            # "نقلت إذاعة «…» عن دبلوماسي نيجيري قوله": the speaker follows عن
            j = next((k for k in range(i + 1, min(i + 12, len(ws))) if ws[k].readings[0] == "عن"
                      and not in_spans(ws[k].start, spans)), None)
            sub = _subject_after(text, ws[j], hi, ments, lex) if j is not None else None
            if sub is None and j is not None:
                sub = _naql_subject(text, ws, j, spans)
            if sub is not None:
                out.append(sub._replace(pos=w.start))
        elif w.readings[0] in KAN and i + 1 < len(ws):
            # "وكان السفير الصيني لدى ماليزيا قد صرح", "وكانت النقابة … قد وصفت": subject between كان and قد
            j = next((k for k in range(i + 1, min(i + PHRASE_MAX, len(ws))) if ws[k].readings[0] == "قد"), None)
            if j is not None and j + 1 < len(ws) and is_speech_verb(ws[j + 1]):
                s0, e0 = ws[i + 1].start, ws[j - 1].end
                persons = [m for m in within(ments, s0, e0) if m.actor_type == "person"]
                if find_entries(lex.titles, ws[i + 1:i + 2]) or (persons and persons[0].start == s0):
                    out.append(Subject(ws[j + 1].start, s0, e0, persons[0].actor_id if persons else None))
    return out


_OPENING = re.compile(r"\s*[«“\"']")


def quoted_name_subject(text: str, verb: Word, spans) -> Subject | None:
    """A quoted name right after the speech verb, followed by what it said: "قالت «كينغهو» في
    بيان … إنها «…»" (round 44; :func:`arnews.speakers.kind.name_before_complement`)."""
    m = _OPENING.match(text, verb.end, verb.end + 4)
    if m is None:
        return None
    span = next(((a, b) for a, b in spans if a == m.end() - 1), None)
    if span is None or not name_before_complement(text, span[0] + 1, span[1] - 1, spans):
        return None
    return Subject(verb.start, span[0], span[1], None)


def _topic_phrase(ws: list[Word]) -> bool:
    """A topic after أما that is a noun phrase of its own, titled or not ("أما القيادي في
    حركة حماس سامي أبو زيد، فقال"), not a fronted adverbial ("أما في القاهرة، فيقول …",
    "أما الآن فقال"), and not a clause (no speech verb in it). Round 7."""
    first = ws[0].readings[0] if ws else ""
    return bool(ws) and not (first in PREPOSITIONS or first in TIME_WORDS or first in SKIP_START or first in STOP_WORDS
                             or first in NOT_SUBJECT or any(is_speech_verb(w) for w in ws))


_SAYING = frozenset("قوله قولها قولهم قولهما".split())


def _naql_subject(text: str, ws: list[Word], j: int, spans) -> Subject | None:
    """"نقلت الوكالة عن كيم يو جونغ، شقيقة الزعيم الكوري الشمالي، قولها": the words between
    عن (``ws[j]``) and قوله/قولها are the speaker, titled or not (a name the gazetteer lacks)."""
    k = next((k for k in range(j + 1, min(j + 1 + PHRASE_MAX, len(ws))) if ws[k].readings[0] in _SAYING), None)
    if k is None or k == j + 1 or any(in_spans(ws[x].start, spans) for x in range(j + 1, k)):
        return None
    return Subject(ws[j].start, ws[j + 1].start, ws[k - 1].end, None)


_TURN_MARK = re.compile(r"\s*[سج]\s*:\s*")  # an interview turn "س: صندوق النقد حذر …"
# "سيول (يونهاب) -", and without the dash a place, a date and an agency: "نيروبي 14 مارس 2026
# (شينخوا) وقع …" (round 8: the capital is no subject)
DATELINE_END = re.compile(r"[^\n\-–—:]{2,60}?\s*(?:\([^)\n]{1,30}\)\s*)?[\-–—]\s"
                           r"|[^\n\-–—:()]{2,40}?\d{4}\s*\([^)\n]{1,30}\)\s")


def kan_qad_frame(text: str, sent: int, mark: int, width: int = 10) -> bool:
    """Whether the sentence starting at ``sent`` opens with "كان … قد <verb>" before the quote
    mark ``mark``: a past statement of the subject between them, whatever its verb ("وكان
    صندوق النقد الدولي قد نصح مونتيفيديو … بـ«…»", "وكانت منظمة … قد نبهت … إلى أن «…»";
    round 11).

    >>> t = 'وكان الصندوق قد نصح الحكومة بـ«التقشف».'
    >>> kan_qad_frame(t, 0, t.index("«")), kan_qad_frame('وقال الصندوق: «التقشف».', 0, 14)
    (True, False)
    """
    ws = words_in(text, sent, mark)
    if not ws or ws[0].readings[0] not in KAN:
        return False
    return any(w.readings[0] in ("قد", "لقد") for w in ws[2:width])


def sentence_subject(text: str, sent: int, mark: int, ments: list[Mention], lex: SpeakerLexicon, spans) -> Subject | None:
    """The subject of the sentence starting at ``sent``, for a speech verb with a pronoun
    subject later in it: an actor, an institution of the place lexicon or a titled phrase
    as its first word (subject first: "صندوق النقد يتوقع … ويدعو إلى «…»") or right after
    its first verb ("خفض صندوق النقد الدولي توقعاته …، محذرا من أن «…»", "دانت كوريا
    الجنوبية … ووصفته بأنه «…»"); a dateline ("سيول (يونهاب) -") is skipped. Nothing after
    a complementizer or a preposition counts ("وأضاف أن مصر …", "وفي جاكرتا، قال")."""
    m = DATELINE_END.match(text, sent, mark) if sent == paragraph_start(text, sent) else None
    m = m or (_TURN_MARK.match(text, sent, mark) if sent == paragraph_start(text, sent) else None)
    lo = m.end() if m else sent
    first = words_in(text, lo, min(mark, lo + 12))[:1]
    if first and first[0].readings[0] in PREPOSITIONS:
        # "في حوار مع «آفاق آسيوية»، تتحدث الباحثة …": the clause starts after the fronted phrase
        comma = next((i for i in range(lo, min(mark, lo + 80)) if text[i] in "،," and not in_spans(i, spans)), None)
        if comma is not None:
            lo = comma + 1
    ws = []
    for w in words_in(text, lo, mark):
        if w.readings[0] in STOP_WORDS or in_spans(w.start, spans):
            break
        ws.append(w)
    for k in (0, 1):
        if k >= len(ws) or (k == 1 and (ws[0].readings[0] in PREPOSITIONS or ws[0].readings[0] in SKIP_START)):
            break
        if k == 1 and any(c in text[ws[0].end:ws[1].start] for c in "،,:"):
            break
        w = ws[k]
        ment = next((x for x in starting_in(ments, w.start, w.end) if x.actor_id
                     and text[w.start:x.start] in ("", "و")), None)
        if ment is not None:
            return Subject(w.start, ment.start, ment.end, ment.actor_id)
        hits = [(i, e) for i, e in find_entries(lex.places, ws[k:k + 4]) if i == 0 and e.kind == "institution"]
        titled = opens_with_title(ws[k:], lex)
        if hits or titled:
            end = ws[min(len(ws), k + (len(hits[0][1].words) if hits else PHRASE_MAX)) - 1].end
            return Subject(w.start, w.start, end, None)
    return None


def participle_subject(text: str, verb: object, start: int, sent: int, own: list[Subject]) -> Subject | None:
    """For a quote introduced by a speech participle ("…، موضحا أن «…»"), the subject of the
    sentence's first speech verb ("قال وزير النفط العراقي … إن بغداد تطالب الشركاء …،
    موضحا" → the minister, not الشركاء): the participle agrees with the main verb's
    subject (round 7). None without such a verb; ``own``: the sentence's explicit subjects."""
    if not isinstance(verb, str) or not verb.strip():
        return None
    v = normalize(verb.split()[0])
    participle = (v.startswith("م") or v.startswith("قائل")) and v in _participles()
    # or a verb joined by و with no subject of its own: "أما وانغ يي، فوصف كازاخستان بأنها
    # «…»، وقال إن الصين «…»" → وانغ يي, not كازاخستان (round 7)
    if not (participle or (v.startswith("و") and v[1:] in speech_forms())):
        return None
    at = text.rfind(verb, sent, start)
    before = [x for x in own if x.pos < at] if at >= 0 else []
    return before[0] if before else None  # the main verb's, not one in its complement ("قال ترامب إنه دعا شي …")


@lru_cache(maxsize=1)
def _participles() -> frozenset[str]:
    """The participle forms of ``speech_verbs.csv`` (مضيفا، مشيرة، قائلا …), normalized."""
    with open(data_path("lexicons/speech_verbs.csv"), encoding="utf-8-sig", newline="") as f:
        return frozenset(normalize(w) for row in csv.DictReader(f) if (row.get("role") or "").strip() == "participle"
                         for w in (row.get("forms") or "").split())


def titled_name(text: str, ws: list[Word], ss: int, lex: SpeakerLexicon) -> bool:
    """A lone bare name after a speech verb ("فأجاب بيريرا بأن") whose fuller mention earlier
    holds a title ("وزير خارجية الأوروغواي ماتياس بيريرا"): the subject, not an object, though
    no list knows it (round 10).

    >>> from arnews.speakers import load_speaker_lexicon
    >>> t = "قال وزير الخارجية ماتياس بيريرا إن. فأجاب بيريرا بأن"
    >>> ss = t.rindex("بيريرا")
    >>> titled_name(t, words_in(t, ss, ss + 6), ss, load_speaker_lexicon())
    True
    """
    return (_bare_name_shape(ws) and name_antecedent(text, ws, ss, lex=lex) is not None)


_NAME_LINKS = frozenset("بن ابن ولد ابو بو ال".split())


def _bare_name_shape(ws: list[Word]) -> bool:
    """A one-word name without the article ("بيريرا"), a family name of the article form
    ending in ي ("العوفي", "العبادي"), or a two-word name opened by بن/ولد/أبو ("بن عيسى";
    round 56). "الاتفاق", "الطريق" are not names."""
    first = ws[0].readings[0] if ws else ""
    if len(ws) == 2:
        return first in _NAME_LINKS
    return len(ws) == 1 and not first.startswith("ل") and (not first.startswith("ال") or first.endswith("ي"))
