"""Quoted spans of an article's text: balanced, nested and unclosed quotation marks (step 1 of
:mod:`arnews.quotes`).

>>> t = 'وقال: “نعم” و"لا" ثم «كلا»'
>>> [t[s.start:s.end] for s in find_quoted_spans(t)]
['نعم', 'لا', 'كلا']
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
import regex as re

from ..text import split_sentences

__all__ = ["QuotedSpan", "find_quoted_spans", "CONTENT_RE", "TRAIL_STRIP_RE"]

_MARK_RE = re.compile(r"[“”«»„\"]")
_FAMILY = {"“": "curly", "”": "curly", "„": "curly", "«": "guil", "»": "guil", '"': "straight"}
_CLOSE_ONLY = {"”", "»"}
_NESTED_CLOSER = {"curly": "”", "guil": "»"}
# Characters that count as "space" on the right of a closing mark.
_RIGHT_BREAK = set(".,،:;؛!?؟)]}-–—…'")
_LEFT_BREAK = set("([{")
CONTENT_RE = re.compile(r"[\p{L}\p{N}]")
TRAIL_STRIP_RE = re.compile(r"(?:[\s،,؛;:\-–—]|(?<=\s)[وف](?=\s*$))+$")


class QuotedSpan(NamedTuple):
    """A quotation's content ``text[start:end]`` and the marks around it."""

    start: int
    end: int
    open_mark: str
    close_mark: str  # "" when the quote was never closed
    balanced: bool


def _is_space(ch: str) -> bool:
    return ch.isspace()


def find_quoted_spans(text: str, sentence_ends: list[int] | None = None) -> list[QuotedSpan]:
    """Find quoted spans in a whole article's text, tolerating unbalanced marks.

    ``sentence_ends`` (sorted end offsets of sentences) bounds unclosed quotes; by default
    it comes from :func:`arnews.text.split_sentences`. See the module docstring for the
    rules.

    >>> t = 'وقال: “نعم” و"لا" ثم «كلا»'
    >>> [t[s.start:s.end] for s in find_quoted_spans(t)]
    ['نعم', 'لا', 'كلا']
    >>> t = 'قال إن “الجملة الأولى. والثانية. “ ثم'       # MT: closed with “
    >>> [t[s.start:s.end] for s in find_quoted_spans(t)]
    ['الجملة الأولى. والثانية.']
    >>> t = 'قال “بلا نهاية. جملة أخرى.'                   # never closed
    >>> [(t[s.start:s.end], s.balanced) for s in find_quoted_spans(t)]
    [('بلا نهاية.', False)]
    """
    if sentence_ends is None:
        sentence_ends = [s.end for s in split_sentences(text)]
    n = len(text)
    raw: list[tuple[int, int, str, str, bool]] = []  # (open_idx, limit, open, close, balanced)
    cur: tuple[int, str] | None = None  # (index of opening mark, mark)
    nested: str | None = None

    ends_of_lines: dict[int, int] = {}

    def line_end(i: int) -> int:  # asked again for every mark while a quote is open: remembered
        le = ends_of_lines.get(i)
        if le is None:
            j = text.find("\n", i)
            le = ends_of_lines[i] = n if j < 0 else j
        return le

    for m in _MARK_RE.finditer(text):
        i = m.start()
        ch = m.group()
        if cur is not None:
            le = line_end(cur[0])
            if le < i:  # the paragraph ended with the quote still open
                raw.append((cur[0], le, cur[1], "", False))
                cur, nested = None, None
        left_space = i == 0 or _is_space(text[i - 1]) or text[i - 1] in _LEFT_BREAK
        right_space = i + 1 >= n or _is_space(text[i + 1]) or text[i + 1] in _RIGHT_BREAK
        looks_open = left_space and not right_space
        fam = _FAMILY[ch]
        if cur is None:
            if ch in _CLOSE_ONLY and not looks_open:
                continue  # stray closing mark
            if right_space:
                continue  # isolated mark with nothing to quote
            cur = (i, ch)
            continue
        cur_fam = _FAMILY[cur[1]]
        if nested is not None:
            if ch == _NESTED_CLOSER[nested]:
                nested = None
            continue
        if fam != cur_fam and "straight" not in (fam, cur_fam) and ch in "«“„" and looks_open:
            nested = fam  # «…» inside “…” (or the reverse): part of the content
            continue
        if looks_open and ch not in _CLOSE_ONLY:
            # A new quote opens while one is still open: the first was never closed.
            raw.append((cur[0], i, cur[1], "", False))
            cur = (i, ch)
            continue
        raw.append((cur[0], i, cur[1], ch, True))
        cur, nested = None, None
    if cur is not None:
        raw.append((cur[0], line_end(cur[0]), cur[1], "", False))

    ends = np.asarray(sentence_ends, dtype=np.int64)
    out: list[QuotedSpan] = []
    for o, limit, om, cm, bal in raw:
        s, e = o + 1, limit
        if not bal:
            k = int(np.searchsorted(ends, s, side="right"))
            if k < len(ends):
                e = min(e, int(ends[k]))
        seg = text[s:e]
        s += len(seg) - len(seg.lstrip())
        seg = text[s:e]
        if bal:
            e = s + len(seg.rstrip())
        else:
            e = s + len(TRAIL_STRIP_RE.sub("", seg))
        if e > s and CONTENT_RE.search(text, s, e):
            out.append(QuotedSpan(s, e, om, cm, bal))
    return out
