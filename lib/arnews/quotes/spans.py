"""Quoted spans of an article's text: balanced, nested and unclosed quotation marks (step 1 of
:mod:`arnews.quotes`).

>>> t = 'وقال: “نعم” و"لا" ثم «كلا»'
>>> [t[s.start:s.end] for s in find_quoted_spans(t)]
['نعم', 'لا', 'كلا']

Single marks ('…', ‘…’, as some machine translation writes quotes) pair only with each other,
open only before a word and when a closing mark attached to a word follows in the paragraph, and
are content inside another quote (round 25 of issue 19):

>>> t = "وصفت القرار بأنه 'عمل حربي'، وقال: «نعم 'لا'»"
>>> [t[s.start:s.end] for s in find_quoted_spans(t)]
['عمل حربي', "نعم 'لا'"]
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
import regex as re

from ..text import split_sentences

__all__ = ["QuotedSpan", "find_quoted_spans", "CONTENT_RE", "TRAIL_STRIP_RE"]

_MARK_RE = re.compile(r"[“”«»„\"'‘’]")
_FAMILY = {"“": "curly", "”": "curly", "„": "curly", "«": "guil", "»": "guil", '"': "straight",
           "'": "single", "‘": "single", "’": "single"}
_SINGLE = frozenset("'‘’")
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
    return _bounded(text, _scan_marks(text), np.asarray(sentence_ends, dtype=np.int64))


class _RawSpan(NamedTuple):
    open_idx: int  # offset of the opening mark
    limit: int  # offset of the closing mark (or where an unclosed quote must stop)
    open_mark: str
    close_mark: str
    balanced: bool


def _scan_marks(text: str) -> list[_RawSpan]:
    """Pair the quotation marks of a text, in one pass (see the module docstring)."""
    n = len(text)
    raw: list[_RawSpan] = []
    cur: tuple[int, str] | None = None  # (index of opening mark, mark)
    cur_end = 0  # end of the paragraph the open quote started in
    nested: str | None = None
    for m in _MARK_RE.finditer(text):
        i, ch = m.start(), m.group()
        if cur is not None and cur_end < i:  # the paragraph ended with the quote still open
            raw.append(_RawSpan(cur[0], cur_end, cur[1], "", False))
            cur, nested = None, None
        right_space = i + 1 >= n or _is_space(text[i + 1]) or text[i + 1] in _RIGHT_BREAK
        looks_open = (i == 0 or _is_space(text[i - 1]) or text[i - 1] in _LEFT_BREAK) and not right_space
        if ch in _SINGLE:  # single marks ('…', ‘…’) only pair with each other, never inside another quote
            spaced = cur is None and not looks_open and _spaced_single(text, i)
            if cur is None and (looks_open or spaced) and _single_closer(text, i, spaced) is not None:
                cur, cur_end = (i, ch), _line_end(text, i)
            elif cur is not None and cur[1] in _SINGLE and not looks_open and right_space:
                raw.append(_RawSpan(cur[0], i, cur[1], ch, True))
                cur, nested = None, None
            continue
        if cur is not None and cur[1] in _SINGLE:
            continue  # another mark inside a single-quoted span is its content
        if cur is None:
            spaced = right_space and _spaced_opener(text, i, ch)
            if (ch in _CLOSE_ONLY and not looks_open and not spaced) or (right_space and not spaced):
                continue  # stray closing mark, or an isolated mark with nothing to quote
            cur, cur_end = (i, ch), _line_end(text, i)
            continue
        if nested is not None:
            if ch == _NESTED_CLOSER[nested]:
                nested = None
            continue
        fam, cur_fam = _FAMILY[ch], _FAMILY[cur[1]]
        if fam != cur_fam and "straight" not in (fam, cur_fam) and ch in "«“„" and looks_open:
            nested = fam  # «…» inside “…” (or the reverse): part of the content
            continue
        if looks_open and ch not in _CLOSE_ONLY:
            # A new quote opens while one is still open: the first was never closed.
            raw.append(_RawSpan(cur[0], i, cur[1], "", False))
            cur, cur_end = (i, ch), _line_end(text, i)
            continue
        raw.append(_RawSpan(cur[0], i, cur[1], ch, True))
        cur, nested = None, None
    if cur is not None:
        raw.append(_RawSpan(cur[0], cur_end, cur[1], "", False))
    return raw


_SPACED_LEFT = set(":،,؛;")


def _single_closer(text: str, i: int, spaced: bool) -> int | None:
    """Offset of the single mark that closes the one opening at ``i`` in its paragraph: attached
    to the word before it and followed by a space, a line end or punctuation ("بأنه 'عمل حربي'،");
    for a spaced opener (``spaced``, :func:`_spaced_single`) also a mark with space on both sides
    ("ان ' نص ' ,"). None when there is none (an apostrophe, a transliteration)."""
    end = _line_end(text, i)
    for m in re.finditer(r"['‘’]", text[i + 1:end]):
        j = i + 1 + m.start()
        if j > i + 1 and (spaced or not _is_space(text[j - 1])) and (j + 1 >= len(text) or _is_space(text[j + 1])
                                                                     or text[j + 1] in _RIGHT_BREAK):
            return j
    return None


def _spaced_single(text: str, i: int) -> bool:
    """Whether the single mark at ``i`` opens a quote written apart from it, as machine
    translation does ("قال ان ' قوات حفظ السلام قامت بواجبها ' , واضاف"): free on its left
    (:func:`_free_left`), then one or two spaces and a letter."""
    j = _word_after_space(text, i)
    return j is not None and j > i + 1 and _free_left(text, i)


def _word_after_space(text: str, i: int) -> int | None:
    """Offset of the letter or digit after the mark at ``i`` and at most two spaces; None
    when something else follows."""
    j = i + 1
    while j < len(text) and j <= i + 2 and text[j] in " \t\u00a0":
        j += 1
    return j if j < len(text) and CONTENT_RE.match(text[j]) else None


def _free_left(text: str, i: int) -> bool:
    """Whether the mark at ``i`` stands free on its left: line start, space, an opening bracket,
    a colon or comma, or a one-letter clitic or tatweel written onto it ("و“ جدري القردة ”",
    "لـ“ الاناضول ”")."""
    if i == 0:
        return True
    left = text[i - 1]
    if _is_space(left) or left in _LEFT_BREAK or left in _SPACED_LEFT or left == "ـ":
        return True
    return left in "وبلفك" and (i == 1 or _is_space(text[i - 2]))


def _spaced_opener(text: str, i: int, ch: str) -> bool:
    """Whether the mark at ``i``, with space on its right, opens a quote as machine
    translation writes it ("قال ان “ نص “ ، و"): nothing is open, the mark stands free on its
    left (space, line start, a colon), a word follows after at most two spaces, and another
    quotation mark follows later in the paragraph to close it. Closing-only marks never open,
    except » closed by « (the reversed order of some outlets: "قال الكرملين ان الأوروبيين »
    يطلقون النار على أقدامهم «")."""
    if ch in _CLOSE_ONLY and ch != "»":
        return False
    j = _word_after_space(text, i)
    if j is None or not _free_left(text, i):
        return False
    nxt = _MARK_RE.search(text, j, _line_end(text, i))
    return nxt is not None and (ch != "»" or nxt.group() == "«")


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _bounded(text: str, raw: list[_RawSpan], ends: np.ndarray) -> list[QuotedSpan]:
    """Spans without their marks and surrounding space; an unclosed quote stops at the end of
    its sentence and loses trailing punctuation."""
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
        e = s + len(seg.rstrip()) if bal else s + len(TRAIL_STRIP_RE.sub("", seg))
        if e > s and CONTENT_RE.search(text, s, e):
            out.append(QuotedSpan(s, e, om, cm, bal))
    return out
