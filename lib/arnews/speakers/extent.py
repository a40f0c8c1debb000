"""How far a speaker phrase reaches: over its apposition ("صحيفة «جلوبال تايمز» المملوكة
للدولة"), never into the object of a speech verb that follows it. Moved out of
:mod:`arnews.speakers.resolve` in round 47.

>>> t = "قال وزير الخارجية الماليزي محمد حسن، خلال زيارة، إن «…»"
>>> s = t.index("وزير")
>>> t[s:extend_phrase(t, s, t.index(" الماليزي") + 9, t.index("«"))]
'وزير الخارجية الماليزي محمد حسن'
"""
from __future__ import annotations

from .lexicon import COMMA_ADVERBIAL, PHRASE_MAX, STOP_WORDS, TIME_ADVERBIAL, TIME_WORDS, is_speech_verb, words_in

__all__ = ["before_own_verb", "extend_phrase", "phrase_end"]

_SPEECH_EVENTS = frozenset("مقابلة حوار تصريح تصريحات حديث لقاء مؤتمر كلمة رسالة تغريدة منشور مداخلة".split())


def before_own_verb(text: str, se: int, stop: int, verb: object) -> int:
    """``stop`` moved before a speech verb (the quote's own or another) that follows the
    speaker phrase with no comma between: the phrase is that verb's subject and its
    apposition never reaches into the verb's object ("وزير المالية الباكستاني وصف الاتفاق
    الأخير مع الصندوق بأنه"; round 11). A verb after a comma ("…، وقال لوكالة …") is
    another clause of the sentence and leaves ``stop`` alone."""
    own = verb if isinstance(verb, str) else ""
    end = se
    for w in words_in(text, se, stop):
        if "،" in text[end:w.start] or "," in text[end:w.start]:
            return stop
        if text[w.start:w.end] == own or is_speech_verb(w):
            return w.start
        end = w.end
    return stop


def speech_event_at(ws: list, k: int) -> bool:
    """Whether ``ws[k]`` opens "في" + a speech event (مقابلة، كلمة، رسالة …): where the words
    were said, never part of the speaker ("ممثلة المنظمة في الرباط في رسالة إلينا"; rounds 60
    and 61)."""
    return ws[k].readings[0] == "في" and k + 1 < len(ws) and bool(_SPEECH_EVENTS.intersection(ws[k + 1].readings))


def extend_phrase(text: str, ss: int, se: int, stop: int) -> int:
    """End of the speaker phrase ``[ss, se)`` extended over its apposition, up to a
    complementizer, a colon or ``stop`` (the quote's opening mark), at most
    :data:`PHRASE_MAX` words: "صحيفة «جلوبال تايمز» المملوكة للدولة"."""
    end = se
    ws = words_in(text, se, stop)[:PHRASE_MAX]
    for k, w in enumerate(ws):
        gap = text[end:w.start]
        if w.readings[0] in STOP_WORDS or w.readings[0] in TIME_WORDS or w.readings[0] in TIME_ADVERBIAL or any(c in gap for c in ":\n.؟?!"):
            break
        if speech_event_at(ws, k):
            break  # "مديرها التنفيذي في مقابلة مع صحيفة …": where it was said, not who (round 60)
        if ("،" in gap or "," in gap) and w.readings[0] in COMMA_ADVERBIAL:
            break  # "السفير، خلال حفل أقيم في العاصمة اللاوسية" (round 11)
        end = w.end
    return end


def phrase_end(text: str, r: dict) -> int:
    """End of a row's speaker phrase with its apposition, up to the quote's mark or the line
    end ("وزير الطاقة السعودي" → "… السعودي الأمير عبد العزيز بن سلمان"), so that every
    title in it can be taken up later ("وأضاف الأمير"; round 7)."""
    se, start = int(r["speaker_end"]), int(r["start"])
    line = text.find("\n", se)
    stop = len(text) if line < 0 else line
    return extend_phrase(text, int(r["speaker_start"]), se, min(stop, start - 1) if se < start else stop)
