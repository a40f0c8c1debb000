"""One article's tokens and mentions as arrays, with the lookups the speaker rules use."""
from __future__ import annotations

import itertools
from bisect import bisect_right
from typing import NamedTuple

import numpy as np
import pandas as pd

from .spans import CONTENT_RE, QuotedSpan

__all__ = ["Toks", "Article", "by_article", "token_slices", "mention_rows", "outer_mentions", "prev_word",
           "first_person", "phrase_tokens", "words_after"]

class Toks(NamedTuple):
    """Token columns of one article, in text order."""

    start: np.ndarray
    end: np.ndarray
    norm: list
    surface: list
    sent: np.ndarray
    is_word: np.ndarray


def by_article(df: pd.DataFrame, order_col: str) -> tuple[pd.DataFrame, dict[object, tuple[int, int]]]:
    """``df`` with each article's rows contiguous and ordered by ``order_col``, and
    article_id -> (first row, last row + 1). One pass over the whole table."""
    aid = df["article_id"].to_numpy(object)
    pos = df[order_col].to_numpy(np.int64)
    n = len(df)
    if n > 1:
        codes, _ = pd.factorize(aid)
        if not ((np.diff(codes) >= 0) & ((np.diff(codes) > 0) | (np.diff(pos) >= 0))).all():
            df = df.iloc[np.lexsort((pos, codes))]
            aid = df["article_id"].to_numpy(object)
    bounds: dict[object, tuple[int, int]] = {}
    if n:
        cut = np.flatnonzero(aid[1:] != aid[:-1]) + 1
        los = np.concatenate(([0], cut)).tolist()
        his = np.concatenate((cut, [n])).tolist()
        for lo, hi in zip(los, his):
            bounds.setdefault(aid[lo], (lo, hi))
    return df, bounds


def token_slices(tokens: pd.DataFrame) -> dict[object, Toks]:
    t, bounds = by_article(tokens, "start")
    start = t["start"].to_numpy(np.int64)
    end = t["end"].to_numpy(np.int64)
    norm = ["" if x is None or x != x else str(x) for x in t["norm"].tolist()]
    surface = [str(x) for x in t["surface"].tolist()]
    sent = t["sentence_id"].to_numpy(np.int64)
    if "is_word" in t:
        is_word = t["is_word"].to_numpy(bool)
    else:
        is_word = np.array([bool(CONTENT_RE.search(x)) for x in surface], bool)
    return {a: Toks(start[lo:hi], end[lo:hi], norm[lo:hi], surface[lo:hi], sent[lo:hi], is_word[lo:hi])
            for a, (lo, hi) in bounds.items()}


def mention_rows(mentions: pd.DataFrame | None) -> dict[object, list[tuple]]:
    """article_id -> ``(start, end, actor_id, actor_type, via, country)`` rows."""
    if mentions is None or not len(mentions):
        return {}
    n = len(mentions)
    cols = [mentions[c].tolist() if c in mentions else [d] * n
            for c, d in (("article_id", None), ("start", 0), ("end", 0), ("actor_id", None),
                         ("actor_type", ""), ("via", "name"), ("country", ""))]
    out: dict[object, list[tuple]] = {}
    for r in zip(*cols):
        out.setdefault(r[0], []).append(r[1:])
    return out


class Article:
    """Token arrays of one article plus mention lookups."""

    def __init__(self, text: str, toks: "Toks | pd.DataFrame", ments: "list[tuple] | pd.DataFrame | None",
                 heads: frozenset[str] = frozenset()):
        self.text = text
        self.heads = heads
        if isinstance(toks, pd.DataFrame):
            toks = token_slices(toks.assign(article_id=0)).get(0) if len(toks) else Toks(
                np.zeros(0, np.int64), np.zeros(0, np.int64), [], [], np.zeros(0, np.int64), np.zeros(0, bool))
        if isinstance(ments, pd.DataFrame):
            ments = mention_rows(ments.assign(article_id=0)).get(0)
        self.start, self.end, self.norm, self.surface, self.sent, self.is_word = toks
        n = len(self.start)
        self.quoted = np.zeros(n, bool)
        # mentions: token of first word -> mention index; token -> covering mention
        self.m_first: dict[int, int] = {}
        self.m_cover = np.full(n, -1, np.int64)
        self.m_actor: list[str | None] = []
        self.m_type: list[str] = []
        self.m_tokens: list[tuple[int, int]] = []
        self.m_span: list[tuple[int, int]] = []
        self.m_via: list[str] = []
        self.m_country: list[str] = []
        if ments and n:
            rows = outer_mentions(ments)
            for k, (ms, me, aid, atype, via, country) in enumerate(rows):
                ms, me = int(ms), int(me)
                t0 = min(int(np.searchsorted(self.end, ms, side="right")), n - 1)
                t1 = max(min(int(np.searchsorted(self.start, me, side="left")) - 1, n - 1), t0)
                self.m_actor.append(None if pd.isna(aid) else str(aid))
                self.m_type.append("" if pd.isna(atype) else str(atype))
                self.m_via.append(via if isinstance(via, str) else "name")
                self.m_country.append(country if isinstance(country, str) else "")
                self.m_tokens.append((t0, t1))
                self.m_span.append((ms, me))
                self.m_first.setdefault(t0, k)
                self.m_cover[t0 : t1 + 1] = k
        # sentence id -> (first token, last token + 1)
        self._sent_bounds: dict[int, tuple[int, int]] = {}
        if n:
            change = np.flatnonzero(np.diff(self.sent)) + 1
            starts = np.concatenate(([0], change))
            ends = np.concatenate((change, [n]))
            for b, e in zip(starts.tolist(), ends.tolist()):
                self._sent_bounds.setdefault(int(self.sent[b]), (b, e))

    def set_spans(self, spans: list[QuotedSpan]) -> None:
        """Mark the tokens inside quotes (their marks included)."""
        self.quoted[:] = False
        for sp in spans:
            lo = int(np.searchsorted(self.start, sp.start - 1, side="left"))
            hi = int(np.searchsorted(self.end, sp.end + 1, side="right"))
            self.quoted[lo:hi] = True

    def __len__(self) -> int:
        return len(self.start)

    def mention_starts(self) -> list[int]:
        """Start offsets of the mentions (in text order)."""
        if getattr(self, "_m_starts", None) is None:
            self._m_starts = [ms for ms, _ in self.m_span]
        return self._m_starts

    def sentence_tokens(self, sent: int) -> tuple[int, int]:
        return self._sent_bounds.get(int(sent), (0, 0))

    def is_person(self, k: int) -> bool:
        return self.m_type[k] == "person"

    def mention_speaker(self, k: int, phrase_start: int | None = None) -> tuple:
        """``(actor, text, start, end)`` for mention ``k`` (phrase from ``phrase_start``)."""
        ms, me = self.m_span[k]
        s = ms if phrase_start is None else min(phrase_start, ms)
        return self.m_actor[k], self.text[s:me], s, me


def outer_mentions(rows: list[tuple]) -> list[tuple]:
    """``(start, end, actor_id, actor_type, via, country)`` mention rows in text order,
    without the name mentions inside a role-title mention (``via == "role"``, see
    :func:`arnews.actors.find_mentions`): for speakers the title names the person
    ("الرئيس الروسي" → PUTIN), not the country in its adjective."""
    roles = sorted((r[0], r[1]) for r in rows if r[4] == "role")
    if roles:
        starts = [s for s, _ in roles]
        reach = list(itertools.accumulate((e for _, e in roles), max))  # furthest role end so far

        def inside_role(r: tuple) -> bool:  # some role span s..e with s <= start and end <= e
            j = bisect_right(starts, r[0]) - 1
            return j >= 0 and reach[j] >= r[1]

        rows = [r for r in rows if r[4] == "role" or not inside_role(r)]
    return sorted(rows, key=lambda r: r[0])


def prev_word(a: Article, i: int) -> int | None:
    j = i - 1
    while j >= 0 and not a.is_word[j]:
        j -= 1
    return j if j >= 0 else None


def first_person(a: Article, lo: int, hi: int) -> int | None:
    for t in range(lo, hi):
        k = a.m_first.get(t)
        if k is not None and a.is_person(k) and not a.quoted[t]:
            return k
    return None


def phrase_tokens(a: Article, ss: int, se: int) -> list[int]:
    lo = int(np.searchsorted(a.start, ss, side="left"))
    hi = int(np.searchsorted(a.start, se, side="left"))
    return [t for t in range(lo, hi) if a.is_word[t]]


def words_after(a: Article, t: int, pos: int, k: int) -> set[int]:
    """Token indices of the next ``k`` words from token ``t`` on (text offset ``pos``),
    within the same paragraph."""
    out: set[int] = set()
    n = len(a)
    j, words = t, 0
    while j < n and words < k:
        if "\n" in a.text[pos : int(a.start[j])]:
            break
        if a.quoted[j]:
            break
        if a.is_word[j]:
            out.add(j)
            words += 1
        j += 1
    return out
