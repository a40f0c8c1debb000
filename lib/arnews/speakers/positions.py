"""Positions in an article's text: quotation marks and quoted stretches, paragraph and sentence
starts (outside quotes)."""
from __future__ import annotations

from bisect import bisect_right

import regex as re


def _quote_marks(text: str, lo: int, hi: int) -> list[int]:
    return [i for i in range(lo, hi) if text[i] in "\"“”«»„"]


def spans_from_marks(text: str) -> tuple[tuple[int, int], ...]:
    """Quoted stretches ``(open mark, close mark + 1)`` by pairing marks per paragraph
    (used when the caller has no quote spans)."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        marks = _quote_marks(text, para.start(), para.end())
        out += [(a, b + 1) for a, b in zip(marks[::2], marks[1::2])]
    return tuple(out)


class SpanSet(tuple):
    """Quoted stretches ``(a, b)`` sorted by ``a``, with the running maximum of ``b`` so that
    :func:`in_spans` is a binary search (a tuple of pairs like any other)."""

    def __new__(cls, spans):
        self = super().__new__(cls, spans)
        self._starts = [a for a, _ in self]
        reach, m = [], -1
        for _, b in self:
            m = max(m, b)
            reach.append(m)
        self._reach = reach
        self._sorted = all(x <= y for x, y in zip(self._starts, self._starts[1:]))
        return self


def in_spans(pos: int, spans) -> bool:
    """Whether ``pos`` lies in one of the stretches ``[a, b)``."""
    if isinstance(spans, SpanSet) and spans._sorted:
        k = bisect_right(spans._starts, pos)
        return k > 0 and spans._reach[k - 1] > pos
    return any(a <= pos < b for a, b in spans)


def paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def sentence_start(text: str, pos: int, spans) -> int:
    """Start of the sentence holding ``pos``: after the last full stop outside quotes."""
    base = paragraph_start(text, pos)
    start = base
    for m in re.finditer(r"[.!?؟]\s", text[base:pos]):
        i = base + m.start()
        if not any(a <= i < b - 2 for a, b in spans):  # a stop closing a quote ends it too
            start = base + m.end()
    return start
