"""Fitting the linear layers of the stance model, and doing it fast for cross-validation.

Training the pair layer is most of the cost of :func:`arnews.stance_train.fit`: it is fitted
once per writing batch left out (for the out-of-batch probabilities) and once on everything.
Cross-validation repeats that inside every fold, so the same layer is fitted many times: the
layer without batches ``{a, b}`` is needed by fold ``a`` (inner fold ``b``) and by fold ``b``
(inner fold ``a``). :class:`PairLayers` vectorizes the examples once, fits each distinct layer
once (several at a time in worker processes) and gives back exactly the layer
:func:`fit_layer` would fit on the same rows: same columns in the same order, same solver, same
result.

>>> layers = PairLayers(examples)                          # doctest: +SKIP
>>> layers.prefit([frozenset({"1"}), frozenset({"1", "2"})], n_jobs=2)  # doctest: +SKIP
>>> layers.without(frozenset({"1"}))                       # doctest: +SKIP
"""
from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterable, Sequence

import numpy as np

from .stance_model import PAIR_LABELS, LinearLayer

__all__ = ["fit_layer", "PairLayers", "parallel_map", "default_jobs"]

_MAX_ITER, _TOL = 1000, 1e-3


def _logistic(C: float, class_weight: str | None):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=_MAX_ITER, tol=_TOL, class_weight=class_weight)


def fit_layer(X: list[dict], y: list[str], C: float, classes: Sequence[str], class_weight: str | None = "balanced") -> LinearLayer:
    """A multinomial logistic regression over feature dicts, as a :class:`LinearLayer`
    (features sorted by name; zero weights dropped)."""
    from sklearn.feature_extraction import DictVectorizer

    vec = DictVectorizer(sort=True)
    clf = _logistic(C, class_weight).fit(vec.fit_transform(X), y)
    return LinearLayer.from_sklearn(vec, clf, list(classes))


class _Names:
    """The column names of a sub-matrix, in the form :meth:`LinearLayer.from_sklearn` reads."""

    def __init__(self, names: np.ndarray):
        self.names = names

    def get_feature_names_out(self) -> np.ndarray:
        return self.names


class PairLayers:
    """The pair layers of one list of examples, each fitted with some groups left out.

    The examples' pair features are vectorized once (one sorted vocabulary); the layer without
    groups ``G`` is fitted on the rows of the other groups, restricted to the columns those rows
    hold, which is what :func:`fit_layer` makes of the same rows. Layers are kept once fitted.
    """

    def __init__(self, examples: Sequence, c: float, classes: Sequence[str] = PAIR_LABELS):
        from sklearn.feature_extraction import DictVectorizer

        X, y, g = [], [], []
        for ex in examples:
            X.extend(ex.features)
            y.extend(ex.pair_labels)
            g.extend([ex.group] * len(ex.features))
        vec = DictVectorizer(sort=True)
        self.matrix = vec.fit_transform(X).tocsr() if X else None
        self.names = vec.get_feature_names_out() if X else np.array([])
        self.labels, self.row_groups = np.asarray(y), np.asarray(g)
        self.groups = frozenset(ex.group for ex in examples)
        self.c, self.classes = c, list(classes)
        self._layers: dict[frozenset, LinearLayer] = {}

    def without(self, left_out: Iterable[str]) -> LinearLayer:
        """The layer fitted on every group but ``left_out`` (fitted now unless kept)."""
        key = frozenset(left_out)
        if key not in self._layers:
            self._layers[key] = self._fit(key)
        return self._layers[key]

    def prefit(self, keys: Iterable[Iterable[str]], n_jobs: int | None = None) -> None:
        """Fit the layers without each of ``keys`` (sets of groups), ``n_jobs`` at a time."""
        todo = list(dict.fromkeys(frozenset(k) for k in keys if frozenset(k) not in self._layers))
        global _FITTING
        _FITTING = self
        try:
            for key, layer in zip(todo, parallel_map(_fit_kept, todo, n_jobs)):
                self._layers[key] = layer
        finally:
            _FITTING = None

    def _fit(self, left_out: frozenset) -> LinearLayer:
        rows = np.flatnonzero(~np.isin(self.row_groups, list(left_out)))
        sub = self.matrix[rows]
        cols = np.unique(sub.indices)  # the features these rows hold (explicit zeros too, as DictVectorizer keeps them)
        clf = _logistic(self.c, "balanced").fit(sub[:, cols], self.labels[rows])
        return LinearLayer.from_sklearn(_Names(self.names[cols]), clf, self.classes)


_FITTING: PairLayers | None = None  # the PairLayers whose layers the worker processes fit


def _fit_kept(key: frozenset) -> LinearLayer:
    return _FITTING._fit(key)


def default_jobs() -> int:
    """Worker processes for training and cross-validation: ``ARNEWS_JOBS`` when set, else the
    CPUs this process may use (at most 4)."""
    env = os.environ.get("ARNEWS_JOBS", "").strip()
    if env:
        if not env.isdigit() or int(env) < 1:
            raise ValueError(f"ARNEWS_JOBS={env!r}: expected a positive whole number of processes")
        return int(env)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(4, cpus))


def parallel_map(fn: Callable, items: Sequence, n_jobs: int | None = None) -> list:
    """``[fn(x) for x in items]``, in ``n_jobs`` forked worker processes when the platform can
    fork (the workers see the parent's memory, so ``fn`` may read module state set before the
    call), else in this process. Results keep the order of ``items``.

    >>> parallel_map(abs, [-2, 3, -4], n_jobs=2)
    [2, 3, 4]
    """
    n = default_jobs() if n_jobs is None else n_jobs
    n = min(n, len(items))
    if n <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(x) for x in items]
    with multiprocessing.get_context("fork").Pool(n) as pool:
        return pool.map(fn, items, chunksize=1)
