"""Speakers a scene introduces before they speak: in features and reportage a person is
often brought in by an ordinary present-tense verb, and the next sentence's speech verb has a
pronoun subject ("تحتفظ بيمبا شيربا بحقيبة جاهزة قرب الباب. تقول وهي تصب الشاي: «…»",
"يعود الحاكم ساني إلى الحديث عن الشباب. «…»، يقول …"). :func:`scene_subjects` gives these
subjects as candidates for the last speaker of a paragraph, next to the subjects of speech
verbs (round 12).

A scene subject is the phrase right after a clause-opening present-tense verb (يـ/تـ, not a
speech verb) that is a person: a gazetteer actor, a titled phrase (``speaker_titles.csv``)
or an indefinite phrase (a name no list knows, "شاب غيني"), up to a preposition, a stop word,
a time word, a manner word ("بحقيبة") or a comma. A definite untitled phrase ("يأتي التصريح بعد …") is not one.

>>> from arnews.speakers.lexicon import load_speaker_lexicon
>>> t = "تحتفظ بيمبا شيربا بحقيبة جاهزة. تقول: «إذا سمعنا»"
>>> [t[s.start:s.end] for s in scene_subjects(t, 0, 32, [], load_speaker_lexicon(), ())]
['بيمبا شيربا']
"""
from __future__ import annotations

import regex as re

from .lexicon import NOT_SUBJECT, PHRASE_MAX, SKIP_START, STOP_WORDS, TIME_WORDS, SpeakerLexicon, Word, opens_with_title, is_speech_verb, words_in
from .positions import in_spans, starting_in
from .resolve import Mention
from .subjects import DATELINE_END, PREPOSITIONS, Subject, manner_words

_SENTENCE_END = re.compile(r"[.!؟?]\s+")
# Closed-class words that open a fronted place or time phrase ("تحت شجرة سنط، تجلس …") or
# look like a present-tense verb without being one (تحت، يوم، تلك).
_FRONTED = PREPOSITIONS | frozenset("تحت فوق امام وسط داخل خارج علي عند هنا هناك".split())
_NOT_VERBS = frozenset("تحت تلك تجاه يوم".split())
_NAME_MAX = 4  # words of an untitled name or indefinite phrase


def _clause_starts(text: str, lo: int, hi: int, spans) -> list[int]:
    """Sentence starts in ``[lo, hi)`` outside quotes, and after a dateline or a fronted
    prepositional phrase closed by a comma ("كاتماندو - في قرية …، تحتفظ …")."""
    starts = [lo] + [m.end() for m in _SENTENCE_END.finditer(text, lo, hi) if not in_spans(m.start(), spans)]
    out = []
    for s in starts:
        if s >= hi:
            continue
        m = DATELINE_END.match(text, s, hi)
        s = m.end() if m else s
        out.append(s)
        first = words_in(text, s, min(hi, s + 20))[:1]
        if first and first[0].readings[0] in _FRONTED:
            comma = next((i for i in range(s, min(hi, s + 120)) if text[i] in "،,"), None)
            if comma is not None:
                out.append(comma + 1)
    return out


def _present_verb(w: Word) -> bool:
    r = w.readings[0]
    r = r[1:] if r[:1] in "وف" and len(r) > 4 else r
    return len(r) >= 3 and r[0] in "يت" and r not in _NOT_VERBS and not is_speech_verb(w)


def _stop(w: Word) -> bool:
    r = w.readings[0]
    return r in STOP_WORDS or r in TIME_WORDS or r in _FRONTED or r in SKIP_START or r in NOT_SUBJECT


def scene_subject(text: str, clause: int, hi: int, ments: list[Mention], lex: SpeakerLexicon, spans) -> Subject | None:
    """The person a clause starting at ``clause`` opens with after a present-tense verb, or
    None (see the module docstring). ``Subject.pos`` is the verb's offset (its gender)."""
    ws = words_in(text, clause, min(hi, clause + 160))[:1 + PHRASE_MAX]
    if len(ws) < 2 or not _present_verb(ws[0]) or in_spans(ws[1].start, spans) or _stop(ws[1]):
        return None
    if any(c in text[ws[0].end:ws[1].start] for c in "،,:"):
        return None
    nxt = ws[1]
    ment = next((m for m in starting_in(ments, nxt.start, nxt.end) if m.actor_id), None)
    if ment is not None:
        return Subject(ws[0].start, ment.start, ment.end, ment.actor_id)
    titled = opens_with_title(ws[1:], lex)
    if not titled and nxt.readings[0].startswith("ال"):
        return None
    phrase = []
    for k, x in enumerate(ws[1:]):
        if (k and (_stop(x) or manner_words([x.readings[0]]))  # "تحتفظ بيمبا شيربا بحقيبة"
                or in_spans(x.start, spans) or (k and any(c in text[ws[k].end:x.start] for c in "،,.:"))):
            break
        if not titled and k >= _NAME_MAX:
            break
        phrase.append(x)
    return Subject(ws[0].start, phrase[0].start, phrase[-1].end, None) if phrase else None


def scene_subjects(text: str, lo: int, hi: int, ments: list[Mention], lex: SpeakerLexicon, spans) -> list[Subject]:
    """The scene subjects of the clauses starting in ``[lo, hi)``, in text order."""
    out = []
    for c in _clause_starts(text, lo, hi, spans):
        sub = scene_subject(text, c, hi, ments, lex, spans)
        if sub is not None:
            out.append(sub)
    return out
