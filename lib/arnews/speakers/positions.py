"""Positions in an article's text: quotation marks and quoted stretches, paragraph and sentence
starts (outside quotes)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

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


def in_spans(pos: int, spans, end_margin: int = 0) -> bool:
    """Whether ``pos`` lies in one of the stretches ``[a, b - end_margin)``.

    >>> in_spans(5, SpanSet([(0, 3), (4, 9)])), in_spans(7, SpanSet([(4, 9)]), end_margin=2)
    (True, False)
    """
    if isinstance(spans, SpanSet) and spans._sorted:
        k = bisect_right(spans._starts, pos)
        return k > 0 and spans._reach[k - 1] - end_margin > pos
    return any(a <= pos < b - end_margin for a, b in spans)


def span_starts_in(spans, lo: int, hi: int) -> bool:
    """Whether a stretch starts in ``[lo, hi)``.

    >>> span_starts_in(SpanSet([(0, 3), (10, 12)]), 4, 11)
    True
    """
    if isinstance(spans, SpanSet) and spans._sorted:
        k = bisect_left(spans._starts, lo)
        return k < len(spans) and spans._starts[k] < hi
    return any(lo <= a < hi for a, _ in spans)


class MentionIndex(list):
    """An article's mentions (anything with ``start`` and ``end``), in their order, with the
    starts for binary search when they are sorted by start: :func:`starting_in` and
    :func:`ending_at` then cost the size of the answer, not of the article (a list like any
    other)."""

    def __init__(self, ments=()):
        super().__init__(ments)
        self._starts = [m.start for m in self]
        self._sorted = all(x <= y for x, y in zip(self._starts, self._starts[1:]))
        self._longest = max((m.end - m.start for m in self), default=0)


def starting_in(ments, lo: int, hi: int) -> list:
    """The mentions starting in ``[lo, hi)``, in list order.

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end")
    >>> starting_in(MentionIndex([M(0, 4), M(5, 9), M(12, 15)]), 5, 13)
    [M(start=5, end=9), M(start=12, end=15)]
    """
    if isinstance(ments, MentionIndex) and ments._sorted:
        return ments[bisect_left(ments._starts, lo):bisect_left(ments._starts, hi)]
    return [m for m in ments if lo <= m.start < hi]


def within(ments, lo: int, hi: int) -> list:
    """The mentions lying in ``[lo, hi)`` (``lo <= start`` and ``end <= hi``), in list order."""
    return [m for m in starting_in(ments, lo, hi + 1) if m.end <= hi]


def ending_at(ments, end: int) -> list:
    """The mentions ending at ``end``, in list order."""
    if isinstance(ments, MentionIndex) and ments._sorted:
        return [m for m in starting_in(ments, end - ments._longest, end + 1) if m.end == end]
    return [m for m in ments if m.end == end]


def paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def previous_paragraph(text: str, para: int) -> int:
    """Start of the last non-blank paragraph before the paragraph starting at ``para``
    (``para`` itself for the first paragraph); blank lines between paragraphs are skipped.

    >>> t = "a b\\n\\nc d"
    >>> previous_paragraph(t, 5), previous_paragraph(t, 0)
    (0, 0)
    """
    end = para
    while end > 0 and text[end - 1].isspace():  # no copy of the text before: long articles
        end -= 1
    return paragraph_start(text, end) if end else para


def sentence_start(text: str, pos: int, spans) -> int:
    """Start of the sentence holding ``pos``: after the last full stop outside quotes."""
    base = paragraph_start(text, pos)
    start = base
    for m in re.finditer(r"[.!?؟]\s", text[base:pos]):
        i = base + m.start()
        if not in_spans(i, spans, end_margin=2):  # a stop closing a quote ends it too
            start = base + m.end()
    return start
