"""The trained stance model's features straight to columns (issue 15's speed work).

:func:`pair_entries` gives what :meth:`arnews.stance_model.LinearLayer.entries` gives for the
dicts of :func:`arnews.stance_features.pair_features`, :func:`word_matrix` the matrix of the
sentence's word features and :func:`tone_entries` the entries of the tone layer's evidence
features, without making the feature names per row: a word's column per feature kind (for the
sentence's words once per distinct word of all views, :func:`word_types`), a cue's per position,
cached in the layer. The entries of a row may come in another
order, which neither the (canonical, sorted) sparse matrix nor the evidence sees; columns and
values are the same (tests/test_stance_fast.py). ``layer`` is a
:class:`~arnews.stance_model.LinearLayer` (its ``vocabulary``; the caches live in its ``__dict__``).
"""
from __future__ import annotations

from itertools import chain, repeat
from typing import NamedTuple

import numpy as np

from ..stance_features import CONTEXT_WORDS as K
from ..stance_features import NEGATORS, PairContext, SentenceView, bin_label, cue_modifier, word_key

__all__ = ["column_entries", "pair_entries", "WordTypes", "word_types", "word_matrix", "tone_entries"]


def column_entries(rows: list[dict[int, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Dicts of column -> value (one per row; column -1 gathers the unknown names and is
    dropped) as parallel arrays (row, column, value), as :meth:`LinearLayer.entries` gives."""
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    n = int(lengths.sum())
    c = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=n)
    v = np.fromiter(chain.from_iterable(d.values() for d in rows), dtype=float, count=n)
    r = np.repeat(np.arange(len(rows)), lengths)
    keep = c >= 0
    return r[keep], c[keep], v[keep]



def pair_entries(layer, ctxs: list[PairContext]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:meth:`LinearLayer.entries` of ``[pair_features(c) for c in ctxs]`` without the dicts of names:
    each feature goes straight to its column (a word's column per feature kind, a cue's
    per position, cached). The entries of a row come in another order, which neither the
    (canonical, sorted) matrix nor :meth:`explain_entries` sees; the values are the same."""
    from ..resources import TYPE_CACHE_LIMIT  # read at call time (tests change it)

    get = layer.vocabulary.get
    cache = layer.__dict__.setdefault("_pair_cols", {})
    if sum(map(len, cache.values())) > TYPE_CACHE_LIMIT:
        cache.clear()
    wc = {p: cache.setdefault(p, {}) for p in ("b:", "bfirst:", "blast:", "L:", "R:", "iL:", "iR:")}
    cb, cf, cl, cL, cR, ciL, ciR = wc.values()
    named_c = cache.setdefault("named", {})  # (kind, key) -> column of a feature named from a small key
    cue_c = cache.setdefault("cue", {})

    def word(c: dict, prefix: str, x: str) -> int:
        j = c[x] = get(prefix + word_key(x), -1)
        return j

    def put_words(d: dict, c: dict, prefix: str, xs) -> None:
        for x in xs:
            j = c.get(x)
            d[word(c, prefix, x) if j is None else j] = 1.0

    def named(kind: str, key, name_of) -> int:
        j = named_c[(kind, key)] = get(name_of(key), -1)
        return j

    bias = get("bias", -1)
    c_adj, c_coord, c_negb, c_nega, c_first = (get(n, -1) for n in ("adjacent", "coordinated", "neg_between",
                                                                    "neg_before", "left_is_first"))
    c_quote, c_spk, c_inamed_first = get("in_quote", -1), get("speaker_in_pair", -1), get("implicit:named_first", -1)
    lpos_edges, dist_edges = (0, 1, 3, 6), (1, 2, 3, 5, 8, 12, 20)
    out: list[dict[int, float]] = []
    prev_cues, prepared = None, []
    for ctx in ctxs:
        if ctx.cues is not prev_cues:  # the cues of a sentence, shared by its pairs
            prev_cues, prepared = ctx.cues, []
            for c in ctx.cues:
                key = (c.category, ("+" if c.weight > 0 else "-") + cue_modifier(c), c.cue)
                e = cue_c.get(key)
                if e is None:
                    cat, sign, cw = key
                    e = cue_c[key] = (
                        tuple(get(f"cue:{p}:{cat}", -1) for p in ("before", "after", "between", "on")),
                        tuple(get(f"cuesign:{p}:{sign}", -1) for p in ("before", "after", "between", "on")),
                        get(f"cueword:{cw}", -1),
                        tuple(get(f"icue:{p}:{cat}", -1) for p in ("before", "after", "any")),
                        get(f"icuesign:{sign}", -1))
                prepared.append((c.first, c.last, e))
        w, left = ctx.words, ctx.left
        d: dict[int, float] = {bias: 1.0}
        if ctx.implicit:
            how, dyad = ctx.implicit, ctx.lexicon_dyad
            j = named_c.get(("implicit", how))
            d[named("implicit", how, "implicit:{}".format) if j is None else j] = 1.0
            j = named_c.get(("ncodes", ctx.n_codes))
            d[named("ncodes", ctx.n_codes, lambda n: f"ncodes={min(n, 5)}") if j is None else j] = 1.0
            d.update(dict.fromkeys(map(get, ctx.extra, repeat(-1)), 1.0))
            if dyad:
                d[get(f"lexdyad:{dyad}", -1)] = 1.0
                d[get(f"implicit:{how}:lex:{dyad}", -1)] = 1.0
            if ctx.speaker_in_pair:
                d[c_spk] = 1.0
            if left >= 0:
                j = named_c.get(("inamed", ctx.left_type))
                d[named("inamed", ctx.left_type, "implicit:named:{}".format) if j is None else j] = 1.0
                j = named_c.get(("ilpos", left))
                d[named("ilpos", left, lambda n: f"implicit:lpos={bin_label(n, lpos_edges)}") if j is None else j] = 1.0
                if ctx.left_is_first:
                    d[c_inamed_first] = 1.0
                put_words(d, ciL, "iL:", w[max(0, left - K):left])
                put_words(d, ciR, "iR:", w[left + 1:left + 1 + K])
                for first, last, e in prepared:
                    j = e[3][0 if last < left else 1]
                    d[j] = d.get(j, 0.0) + 1.0
                    d[e[4]] = d.get(e[4], 0.0) + 1.0
            else:
                for first, last, e in prepared:
                    j = e[3][2]
                    d[j] = d.get(j, 0.0) + 1.0
                    d[e[4]] = d.get(e[4], 0.0) + 1.0
        else:
            right = ctx.right
            le = ctx.left_end if ctx.left_end is not None else left
            j = named_c.get(("dist", right - le))
            d[named("dist", right - le, lambda n: f"dist={bin_label(n, dist_edges)}") if j is None else j] = 1.0
            j = named_c.get(("types", ctx.left_type, ctx.right_type))
            if j is None:
                j = named_c[("types", ctx.left_type, ctx.right_type)] = get(f"types={ctx.left_type}|{ctx.right_type}", -1)
            d[j] = 1.0
            j = named_c.get(("ncodes", ctx.n_codes))
            d[named("ncodes", ctx.n_codes, lambda n: f"ncodes={min(n, 5)}") if j is None else j] = 1.0
            j = named_c.get(("lpos", left))
            d[named("lpos", left, lambda n: f"lpos={bin_label(n, lpos_edges)}") if j is None else j] = 1.0
            between = w[le + 1:right]
            put_words(d, cb, "b:", between)
            if between:
                x = between[0]
                j = cf.get(x)
                d[word(cf, "bfirst:", x) if j is None else j] = 1.0
                x = between[-1]
                j = cl.get(x)
                d[word(cl, "blast:", x) if j is None else j] = 1.0
            else:
                d[c_adj] = 1.0
            if ctx.right_surface[:1] == "و" and len(between) <= 1:
                d[c_coord] = 1.0
            put_words(d, cL, "L:", w[max(0, left - K):left])
            put_words(d, cR, "R:", w[right + 1:right + 1 + K])
            if not NEGATORS.isdisjoint(between):
                d[c_negb] = 1.0
            if not NEGATORS.isdisjoint(w[max(0, left - 4):left]):
                d[c_nega] = 1.0
            if ctx.left_is_first:
                d[c_first] = 1.0
            for first, last, e in prepared:
                p = 0 if last < left else (1 if first > right else (2 if le < first < right else 3))
                j = e[0][p]
                d[j] = d.get(j, 0.0) + 1.0
                j = e[1][p]
                d[j] = d.get(j, 0.0) + 1.0
                d[e[2]] = 1.0
            if ctx.lexicon_dyad:
                d[get(f"lexdyad:{ctx.lexicon_dyad}", -1)] = 1.0
            if ctx.left_in_quote or ctx.right_in_quote:
                d[c_quote] = 1.0
            if ctx.speaker_in_pair:
                d[c_spk] = 1.0
            d.update(dict.fromkeys(map(get, ctx.extra, repeat(-1)), 1.0))
        out.append(d)
    return column_entries(out)


class WordTypes(NamedTuple):
    """The words of many sentence views as type ids, read once for every layer.

    ``types``: the distinct words, in order of first occurrence; ``ids``: the type of every word
    of the views, views concatenated; ``bounds``: each view's first word in ``ids``, then
    ``len(ids)``; ``rows``: the view of every word; ``bigram_pos``: the first word of each pair
    of neighbouring words of one view; ``bigram_ids``: each such pair's type among
    ``bigram_types`` (the distinct pairs, as codes ``first type * len(types) + second type``)."""

    types: list[str]
    ids: np.ndarray
    bounds: np.ndarray
    rows: np.ndarray
    bigram_pos: np.ndarray
    bigram_ids: np.ndarray
    bigram_types: np.ndarray


def word_types(views: list[SentenceView]) -> WordTypes:
    """The :class:`WordTypes` of ``views`` (the distinct pairs of words found by hashing, in C)."""
    import pandas as pd

    lengths = np.fromiter((len(v.words) for v in views), dtype=np.int64, count=len(views))
    bounds = np.zeros(len(views) + 1, dtype=np.int64)
    np.cumsum(lengths, out=bounds[1:])
    n = int(bounds[-1])
    index = {w: i for i, w in enumerate(dict.fromkeys(chain.from_iterable(v.words for v in views)))}
    ids = np.fromiter(map(index.__getitem__, chain.from_iterable(v.words for v in views)), dtype=np.int64, count=n)
    types = list(index)
    inner = np.ones(max(n - 1, 0), dtype=bool)
    ends = bounds[1:-1] - 1  # the last word of a view does not pair with the next view's first
    inner[ends[(ends >= 0) & (ends < n - 1)]] = False
    pos = np.flatnonzero(inner)
    codes = ids[pos] * len(types) + ids[pos + 1]
    bids, btypes = pd.factorize(codes) if len(codes) else (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    return WordTypes(types, ids, bounds, np.repeat(np.arange(len(views)), lengths), pos,
                     bids.astype(np.int64, copy=False), np.asarray(btypes, dtype=np.int64))


def word_matrix(layer, types: WordTypes, bigrams: bool = True, weight: float = 1.0, prefix: str = "s:"):
    """The canonical sparse matrix of ``[sentence_word_features(v, weight=weight, bigrams=bigrams)
    for v in views]`` over the layer's vocabulary (``types``: :func:`word_types` of the views):
    each word's and each pair of words' column looked up once per type (cached in the layer),
    repeats merged (one entry per column and row, value ``weight``). ``prefix="is:"`` (unigrams
    only): the columns of :func:`~arnews.stance_features.implicit_word_features`."""
    from scipy.sparse import csr_matrix

    rows, cols = _word_cells(layer, types, bigrams, prefix)
    keep = cols >= 0
    m = csr_matrix((np.ones(int(keep.sum())), (rows[keep], cols[keep])),
                   shape=(len(types.bounds) - 1, len(layer.vocabulary)))
    m.sum_duplicates()  # repeats merged, each row's columns in increasing order
    m.data[:] = weight
    return m


def _word_cells(layer, types: WordTypes, bigrams: bool, prefix: str = "s:") -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of every word and (``bigrams``) every pair of neighbouring words of the
    views, -1 for a name the layer's vocabulary lacks (repeats kept)."""
    from ..resources import TYPE_CACHE_LIMIT  # read at call time (tests change it)

    uni, bi = layer.__dict__.setdefault("_word_cols" if prefix == "s:" else "_word_cols_" + prefix, ({}, {}))
    if len(uni) + len(bi) > TYPE_CACHE_LIMIT:
        uni.clear()
        bi.clear()
    get = layer.vocabulary.get

    def unigram(w: str) -> int:
        j = uni.get(w)
        if j is None:
            j = uni[w] = get(prefix + word_key(w), -1)
        return j

    words = types.types
    ucol = np.fromiter(map(unigram, words), dtype=np.int64, count=len(words))
    if not bigrams:
        return types.rows, ucol[types.ids]
    n = len(words)

    def bigram(code: int) -> int:
        a, b = words[code // n], words[code % n]
        j = bi.get((a, b))
        if j is None:
            j = bi[a, b] = get(f"s:{word_key(a)}_{word_key(b)}", -1)
        return j

    codes = types.bigram_types.tolist()
    bcol = np.fromiter(map(bigram, codes), dtype=np.int64, count=len(codes))
    return (np.concatenate([types.rows, types.rows[types.bigram_pos]]),
            np.concatenate([ucol[types.ids], bcol[types.bigram_ids]]))


def tone_entries(layer, views: list[SentenceView], words, summaries: list[dict]):
    """:meth:`LinearLayer.entries` of ``tone_evidence_features(v, probs)`` for each view, from its
    words' :func:`word_matrix` (weight 1) and ``summaries`` (:func:`~arnews.stance_features.pair_summary`
    of each view's ``probs``): the same columns and values (the order of the entries aside)."""
    get = layer.vocabulary.get
    cache = layer.__dict__.setdefault("_tone_cols", {})  # feature name -> column (-1: unknown)
    bias, lexscore = get("bias", -1), get("lexscore", -1)
    out = []
    for v, summary in zip(views, summaries):
        d = {bias: 1.0}
        for name in (f"lexsent:{v.lexicon_label}", f"ncodes={min(len(v.codes()), 5)}"):
            j = cache.get(name)
            d[cache.setdefault(name, get(name, -1)) if j is None else j] = 1.0
        d[lexscore] = v.lexicon_score
        for c in v.cues:
            name = f"cue:{c.category}:{cue_modifier(c)}"
            j = cache.get(name)
            if j is None:
                j = cache[name] = get(name, -1)
            d[j] = d.get(j, 0.0) + 1.0
        for name, x in summary.items():
            d[get(name, -1)] = x
        out.append(d)
    rows, cols, values = column_entries(out)  # no word feature among these names ("s:" …)
    word_rows = np.repeat(np.arange(words.shape[0]), np.diff(words.indptr))
    return (np.concatenate([rows, word_rows]), np.concatenate([cols, words.indices.astype(np.int64)]),
            np.concatenate([values, words.data]))
