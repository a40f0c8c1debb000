"""Second stage of the stance pair model: each pair among the other pairs of its sentence.

The first stage (:class:`arnews.stance_model.StanceModel`'s pair layer) scores every candidate
pair on its own. A state named in passing often gets a fair score with each of the main
actors; what gives it away is that it is nobody's best partner. :func:`rerank_features`
describes each pair by its first-stage log-probabilities and by where it stands in its
sentence (its rank, its gap to the best pair, whether it is the best pair of each of its two
states, how many candidates compete, how it was proposed); a small second linear layer,
trained on out-of-batch first-stage predictions (:func:`arnews.stance_train.fit`), turns them
into the final probabilities.

>>> import numpy as np
>>> p = np.array([[0.1, 0.8, 0.05, 0.05], [0.4, 0.5, 0.05, 0.05], [0.9, 0.05, 0.03, 0.02]])
>>> f = rerank_features([("EGY", "QAT"), ("EGY", "ISR"), ("ISR", "QAT")], [0, 0, 0], p, ["", "", ""])
>>> f[0]["best=both"], f[1]["best=one"], f[2]["best=neither"], f[2]["rank=3"]
(1.0, 1.0, 1.0, 1.0)
"""
from __future__ import annotations

import math

import numpy as np

__all__ = ["PAIR_ORDER", "pair_kind", "rerank_features", "rerank_logits"]

PAIR_ORDER = ("none", "cooperation", "conflict", "neutral")  # the columns of ``probs``
_FLOOR = 1e-6


def pair_kind(implicit: str) -> str:
    """How a candidate pair was proposed: ``named`` (both named in the sentence) or the
    :class:`~arnews.stance_features.PairContext` ``implicit`` tag without its distance
    (``context2`` → ``context``).

    >>> pair_kind(""), pair_kind("context2"), pair_kind("lexicon")
    ('named', 'context', 'lexicon')
    """
    return implicit.rstrip("0123456789") or "named"


def rerank_features(pairs: list[tuple[str, str]], owner: list[int], probs: np.ndarray,
                    implicit: list[str]) -> list[dict[str, float]]:
    """Second-stage features of each candidate pair (rows of a sentence are consecutive in
    ``owner``; ``probs``: first-stage probabilities, columns :data:`PAIR_ORDER`, no
    temperature; ``implicit``: each pair's ``PairContext.implicit``)."""
    out: list[dict[str, float]] = []
    n = len(pairs)
    rel = (1.0 - probs[:, 0]).tolist() if n else []
    logp = np.log(np.maximum(probs, _FLOOR)).tolist() if n else []
    start = 0
    while start < n:
        end = start
        while end < n and owner[end] == owner[start]:
            end += 1
        out.extend(_sentence_features(pairs[start:end], rel[start:end], logp[start:end], implicit[start:end]))
        start = end
    return out


def _sentence_features(pairs, rel, logp, implicit) -> list[dict[str, float]]:
    n = len(pairs)
    top = max(rel)
    order = sorted(range(n), key=lambda i: -rel[i])
    rank = [0] * n
    for r, i in enumerate(order, start=1):
        rank[i] = r
    lncands = math.log(n)
    tops: dict[str, list] = {}  # code -> its two best (rel, row) among the sentence's pairs
    for i, p in enumerate(pairs):
        for code in p:
            t = tops.setdefault(code, [])
            t.append((rel[i], -i))
            if len(t) > 2:
                t.sort(reverse=True)
                t.pop()
    out = []
    for i, (a, b) in enumerate(pairs):
        gaps = []
        for code in (a, b):
            others = [r for r, j in tops[code] if -j != i]
            gaps.append(rel[i] - max(others) if others else 1.0)
        best = sum(g >= 0 for g in gaps)
        kind = pair_kind(implicit[i])
        lp = logp[i]
        f = {f"lp:{c}": lp[k] for k, c in enumerate(PAIR_ORDER)}
        f.update({"bias": 1.0, "gap": rel[i] - top, f"rank={min(rank[i], 3)}": 1.0,
                  f"best={('neither', 'one', 'both')[best]}": 1.0, "gap_hi": min(max(gaps), 1.0),
                  "gap_lo": min(min(gaps), 1.0), "lncands": lncands, f"kind:{kind}": 1.0,
                  f"lp_none:{kind}": lp[0]})
        out.append(f)
    return out


def rerank_logits(layer, pairs: list[tuple[str, str]], owner: list[int], probs: np.ndarray,
                  implicit: list[str]) -> np.ndarray:
    """``layer.logits(rerank_features(...))`` computed column by column with numpy (no dict per
    pair): the same features, for the pipeline's many pairs (``layer``: the second stage's
    :class:`~arnews.stance_model.LinearLayer`)."""
    n = len(pairs)
    vocab = layer.vocabulary
    X = np.zeros((n, len(vocab)))
    if not n:
        return X @ layer.coef.T + layer.intercept
    own = np.asarray(owner)
    rel = 1.0 - probs[:, 0]
    logp = np.log(np.maximum(probs, _FLOOR))
    starts = np.flatnonzero(np.r_[True, own[1:] != own[:-1]])
    size = np.diff(np.r_[starts, n])
    group = np.repeat(np.arange(len(starts)), size)
    top = np.maximum.reduceat(rel, starts)
    order = np.lexsort((np.arange(n), -rel, group))  # within a sentence: higher first, then earlier
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n) - np.repeat(starts, size)  # rows of a group are consecutive, so order keeps groups
    gaps = _gaps_both(group, pairs, rel)
    best = (gaps >= 0).sum(axis=1)

    def put(name: str, values) -> None:
        j = vocab.get(name)
        if j is not None:
            X[:, j] = values

    for k, c in enumerate(PAIR_ORDER):
        put(f"lp:{c}", logp[:, k])
    put("bias", 1.0)
    put("gap", rel - top[group])
    for r in (1, 2, 3):
        put(f"rank={r}", (np.minimum(rank + 1, 3) == r).astype(float))
    for b, name in enumerate(("neither", "one", "both")):
        put(f"best={name}", (best == b).astype(float))
    put("gap_hi", np.minimum(gaps.max(axis=1), 1.0))
    put("gap_lo", np.minimum(gaps.min(axis=1), 1.0))
    put("lncands", np.log(size)[group])
    kinds = np.array(implicit, dtype=object)
    for tag in set(implicit):
        kind = pair_kind(tag)
        mask = (kinds == tag).astype(float)
        for name, values in ((f"kind:{kind}", mask), (f"lp_none:{kind}", mask * logp[:, 0])):
            j = vocab.get(name)
            if j is not None:
                X[:, j] += values  # context1 and context2 share the columns of "context"
    return X @ layer.coef.T + layer.intercept


def _gaps_both(group: np.ndarray, pairs: list[tuple[str, str]], rel: np.ndarray) -> np.ndarray:
    """Per row and side (a, b): its ``rel`` minus the best ``rel`` of the other rows of its
    sentence that name the same code, 1.0 when no other row names it (a pair's two codes
    differ, so each row names a code once)."""
    n = len(pairs)
    ids: dict[str, int] = {}
    code_id = np.fromiter((ids.setdefault(p[k], len(ids)) for k in (0, 1) for p in pairs), dtype=np.int64,
                          count=2 * n)  # a's, then b's
    occ_group, occ_rel, occ_row = np.r_[group, group], np.r_[rel, rel], np.r_[np.arange(n), np.arange(n)]
    key = occ_group.astype(np.int64) * (int(code_id.max()) + 1) + code_id
    order = np.lexsort((occ_row, -occ_rel, key))
    k = key[order]
    first = np.r_[True, k[1:] != k[:-1]]
    start = np.maximum.accumulate(np.where(first, np.arange(2 * n), 0))
    size = np.diff(np.r_[np.flatnonzero(first), 2 * n])
    count = np.repeat(size, size)
    r = occ_rel[order]
    best = r[start]
    second = np.where(count > 1, r[np.minimum(start + 1, 2 * n - 1)], np.nan)
    other = np.where(np.arange(2 * n) == start, second, best)
    gap = np.where(count > 1, r - other, 1.0)
    out = np.empty(2 * n)
    out[order] = gap
    return out.reshape(2, n).T
