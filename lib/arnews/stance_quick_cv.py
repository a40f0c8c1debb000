"""A quick check of the stance pair candidates on the written corpus (issue 15): how many gold
pairs are never proposed, by label and by how each candidate was proposed, and a k-fold
cross-validation (writing batches dealt round-robin into ``k`` folds) of the first-stage pair
layer alone, at a range of biases towards ``none``.

The full batch cross-validation (``evaluate stance``) fits the pair layer once per pair of
batches and takes most of an hour; this takes about two minutes, so a change to the candidates
or the pair features can be compared before and after. Its figures are a proxy: no second-stage
reranker, no calibration, the bias chosen on the same predictions.

    python -m arnews.stance_quick_cv --folds 4 --jobs 2
"""
from __future__ import annotations

import argparse
import time
from collections import Counter
from dataclasses import replace
from typing import NamedTuple

import numpy as np

from .stance_features import STANCE_PAIR_LABELS
from .stance_layers import PairLayers
from .stance_train import PAIR_C, Example, annotate_rows, never_proposed, prepare, read_written

BIASES = tuple(x * 0.25 for x in range(-4, 9))


class PairScores(NamedTuple):
    """Pair precision, recall (missed gold pairs counted) and cooperation/conflict pairs
    labelled right (missed ones counted wrong) at one bias towards ``none``."""

    bias: float
    precision: float
    recall: float
    cc_right: float


def coverage(examples: list[Example]) -> tuple[Counter, Counter]:
    """``(missed, proposed)``: gold labels of the pairs never proposed, and the count of
    candidates by ``(how proposed, gold label or none)``.

    >>> from arnews.stance_features import SentenceView
    >>> e = Example(SentenceView("a", 0, []), "neutral", {("CHN", "USA"): "conflict"})
    >>> e.pairs, e.implicit = [("CHN", "RUS")], [None]
    >>> coverage([e])
    (Counter({'conflict': 1}), Counter({('named', 'none'): 1}))
    """
    missed, proposed = Counter(), Counter()
    for e in examples:
        missed.update(never_proposed(e))
        for p, how in zip(e.pairs, e.implicit):
            proposed[((how or "named").rstrip("0123456789"), e.gold_pairs.get(p, "none"))] += 1
    return missed, proposed


def out_of_fold(examples: list[Example], folds: int = 4, jobs: int = 1) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Gold label and out-of-fold class probabilities of every candidate, with the classes;
    batches are dealt round-robin into ``folds`` folds (in name order). ``examples`` are left
    as they are (their fold is set on copies)."""
    batches = sorted({e.group for e in examples})
    fold = {b: f"f{i % folds}" for i, b in enumerate(batches)}
    examples = [replace(e, group=fold[e.group]) for e in examples]
    layers = PairLayers(examples, PAIR_C)
    layers.prefit([{f"f{i}"} for i in range(folds)], n_jobs=jobs)
    gold, probs = [], []
    for e in examples:
        if e.features:
            probs.append(layers.without({e.group}).predict_proba(e.features))
            gold.extend(e.gold_pairs.get(p, "none") for p in e.pairs)
    return np.asarray(gold), np.vstack(probs), list(layers.without({"f0"}).classes)


def scores(gold: np.ndarray, probs: np.ndarray, classes: list[str], missed: Counter,
           biases: tuple[float, ...] = BIASES) -> list[PairScores]:
    """:class:`PairScores` at each bias (added to the log-probability of ``none``).

    >>> g = np.array(["conflict", "none"]); p = np.array([[0.4, 0.1, 0.5, 0.0], [0.9, 0.05, 0.05, 0.0]])
    >>> scores(g, p, ["none", "cooperation", "conflict", "neutral"], Counter(), biases=(0.0,))[0]
    PairScores(bias=0.0, precision=1.0, recall=1.0, cc_right=1.0)
    """
    n_gold = int((gold != "none").sum()) + sum(missed.values())
    n_cc = int(np.isin(gold, STANCE_PAIR_LABELS).sum()) + sum(missed[x] for x in STANCE_PAIR_LABELS)
    out = []
    for b in biases:
        z = np.log(probs + 1e-12)
        z[:, classes.index("none")] += b
        pred = np.asarray(classes)[z.argmax(1)]
        found, real = pred != "none", gold != "none"
        hit = int((found & real).sum())
        cc = int(((pred == gold) & np.isin(gold, STANCE_PAIR_LABELS)).sum())
        out.append(PairScores(b, round(hit / max(int(found.sum()), 1), 4), round(hit / max(n_gold, 1), 4),
                              round(cc / max(n_cc, 1), 4)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    t0 = time.time()
    rows = read_written()
    examples = prepare(rows, annotate_rows(rows))
    missed, proposed = coverage(examples)
    print(f"{len(examples)} sentences; gold pairs never proposed: {sum(missed.values())} {dict(missed)}")
    for how in sorted({h for h, _ in proposed}):
        print(f"  proposed as {how:13s}", {g: proposed[(how, g)] for g in ("cooperation", "conflict", "neutral", "none")})
    gold, probs, classes = out_of_fold(examples, args.folds, args.jobs)
    rows_ = scores(gold, probs, classes, missed)
    for s in rows_:
        print(f"  bias {s.bias:5.2f}  precision {s.precision:.4f}  recall {s.recall:.4f}  cooperation/conflict right {s.cc_right:.4f}")
    best = max(rows_, key=lambda s: min(s.precision, s.recall, s.cc_right))
    print(f"best min(precision, recall, cc): {best}  ({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    main()
