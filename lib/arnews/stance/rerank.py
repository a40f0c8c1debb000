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
import re

import numpy as np

__all__ = ["PAIR_ORDER", "pair_kind", "rerank_features"]

PAIR_ORDER = ("none", "cooperation", "conflict", "neutral")  # the columns of ``probs``
_FLOOR = 1e-6


def pair_kind(implicit: str) -> str:
    """How a candidate pair was proposed: ``named`` (both named in the sentence) or the
    :class:`~arnews.stance_features.PairContext` ``implicit`` tag without its distance
    (``context2`` → ``context``).

    >>> pair_kind(""), pair_kind("context2"), pair_kind("lexicon")
    ('named', 'context', 'lexicon')
    """
    return re.sub(r"\d+$", "", implicit) if implicit else "named"


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
