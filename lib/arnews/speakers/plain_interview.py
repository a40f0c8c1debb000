"""Interviews printed without turn marks: each question is a short paragraph of its own
ending in "؟", and the answers follow as plain paragraphs ("لماذا وقعتم الآن صفقة بهذا
الحجم؟" / "لأن الانتظار صار مكلفا. …"). Round 52 of issue 19: these read as the marked
interviews of :mod:`arnews.speakers.interview`, question paragraphs as ``س`` and the
paragraphs after them as ``ج``.

>>> t = "الوزيرة: «لا»\\n\\nلماذا الآن؟\\n\\nلأن الوقت ضاق.\\n\\nوالمانحون؟\\n\\nلم يأت شيء.\\n\\nوغدا؟\\n\\nنواصل."
>>> [plain_turn(t, t.index(x)) for x in ("الوزيرة", "لماذا", "لأن", "نواصل")]
[None, 'س', 'ج', 'ج']
>>> plain_turn("قال الوزير إن الوضع صعب.\\n\\nفمن يدفع الثمن؟\\n\\nلا أحد يعرف.", 30) is None
True
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

__all__ = ["MIN_QUESTIONS", "plain_turn", "question_paragraphs"]

#: question paragraphs an article needs to read as an interview: an opinion column's one or
#: two rhetorical questions do not make one
MIN_QUESTIONS = 3
_QUESTION_WORDS = 60  # a question longer than this is a paragraph of argument, not a turn
_PARAGRAPH = re.compile(r"[^\n]+")


@lru_cache(maxsize=256)
def question_paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of the question paragraphs of an interview printed without turn
    marks, after the headline; empty when the article has fewer than
    :data:`MIN_QUESTIONS` of them, or a question paragraph with no answer after it."""
    paras = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    asks = [k for k, (s, e) in enumerate(paras)
            if k and text[s:e].rstrip().endswith(("؟", "?")) and len(text[s:e].split()) <= _QUESTION_WORDS]
    answered = [k for k in asks if k + 1 < len(paras) and k + 1 not in asks]
    if len(answered) < MIN_QUESTIONS or len(answered) < len(asks) - 1:
        return ()
    return tuple(paras[k] for k in asks)


def plain_turn(text: str, pos: int) -> str | None:
    """``س`` for a question paragraph of an unmarked interview, ``ج`` for a paragraph after
    the first question that is not one, else None (the headline and intro, or no such
    interview)."""
    qs = question_paragraphs(text)
    if not qs or pos < qs[0][0]:
        return None
    return "س" if any(s <= pos < e for s, e in qs) else "ج"
