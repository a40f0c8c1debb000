"""Corrected stance aggregates: classify-and-count adjusted for the measured errors.

A classifier that turns 30% of conflict sentences into neutral ones under-counts conflict in
every article, outlet and period, however large the corpus. With a labelled random sample of
the corpus we know how it errs: ``M[i, j]`` = P(predicted j | true i). The predicted shares
``q`` of a group are then ``q = Mᵀ p`` for its true shares ``p``; the corrected estimate is the
``p`` on the simplex (shares ≥ 0, summing to 1) that best fits ``q`` (least squares), the
"adjusted classify and count" of the quantification literature and of Hopkins & King's
ReadMe. Because ``M`` conditions on the true class, it carries over to groups whose mix of
classes differs from the labelled sample's.

Intervals (95%, percentile bootstrap) combine both sources of error: the labelled sample is
resampled by article (a new ``M`` each draw) and each group's sentences are resampled (by
article within an outlet or period; by sentence within an article).

Example
-------
>>> pred = pd.DataFrame({"article_id": ["a"] * 10, "label": ["neutral"] * 7 + ["conflict"] * 3})
>>> lab = pd.DataFrame({"article_id": list("abcdefghij"), "label": ["conflict", "neutral"] * 5,
...                     "gold": ["conflict", "conflict"] * 5})
>>> t = corrected_shares(pred, lab, labels=["conflict", "neutral"], n_boot=0)
>>> t.set_index("category").loc["conflict", ["raw", "corrected"]].round(2).tolist()
[0.3, 0.6]
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Sequence

import numpy as np
import pandas as pd

__all__ = ["misclassification", "adjust_shares", "corrected_shares", "pair_net_stance", "with_period",
           "stance_estimates", "most_stance_articles", "resampled_sums", "Estimates", "correction_warnings", "one_pair_over",
           "TONES", "PAIRS"]

TONES = ["cooperation", "conflict", "neutral"]
PAIRS = ["none", "cooperation", "conflict", "neutral"]
SHARE_COLUMNS = ["category", "n", "raw", "raw_low", "raw_high", "corrected", "low", "high", "n_labelled"]


def misclassification(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> np.ndarray:
    """``M[i, j]`` = share of items of true class ``labels[i]`` predicted as ``labels[j]``.
    A class absent from the labels gets an identity row (no evidence of error).

    >>> misclassification(["a", "a", "b"], ["a", "b", "b"], ["a", "b"]).tolist()
    [[0.5, 0.5], [0.0, 1.0]]
    """
    k = len(labels)
    idx = {c: i for i, c in enumerate(labels)}
    counts = np.zeros((k, k))
    for g, p in zip(gold, pred):
        if g in idx and p in idx:
            counts[idx[g], idx[p]] += 1
    return _rows(counts)


def _rows(counts: np.ndarray) -> np.ndarray:
    tot = counts.sum(axis=-1, keepdims=True)
    eye = np.broadcast_to(np.eye(counts.shape[-1]), counts.shape)
    return np.where(tot > 0, counts / np.where(tot > 0, tot, 1), eye)


def adjust_shares(raw: np.ndarray, M: np.ndarray) -> np.ndarray:
    """True shares ``p`` (rows summing to 1, all ≥ 0) minimising ``‖Mᵀp − raw‖²`` for every row
    of ``raw`` (predicted shares). Exact: the best of the least-squares solutions on each face
    of the simplex that stays on the simplex.

    >>> M = np.array([[0.7, 0.3], [0.0, 1.0]])       # 30% of class 0 predicted as class 1
    >>> adjust_shares(np.array([[0.21, 0.79]]), M).round(3).tolist()
    [[0.3, 0.7]]
    """
    Q = np.atleast_2d(np.asarray(raw, float))
    A = np.asarray(M, float).T
    k = A.shape[1]
    best = np.full(len(Q), np.inf)
    out = np.full((len(Q), k), np.nan)
    for r in range(1, k + 1):
        for S in combinations(range(k), r):
            As = A[:, S]
            kkt = np.zeros((r + 1, r + 1))
            kkt[:r, :r] = 2 * As.T @ As
            kkt[:r, r] = kkt[r, :r] = 1
            rhs = np.vstack([2 * As.T @ Q.T, np.ones((1, len(Q)))])
            sol = np.linalg.lstsq(kkt, rhs, rcond=None)[0][:r]  # (r, G)
            ok = (sol >= -1e-9).all(axis=0) & (np.abs(sol.sum(axis=0) - 1) < 1e-6)
            res = ((As @ sol - Q.T) ** 2).sum(axis=0)
            better = ok & (res < best - 1e-13)
            if better.any():
                best[better] = res[better]
                full = np.zeros((k, len(Q)))
                full[list(S)] = np.clip(sol, 0, None)
                out[better] = (full / full.sum(axis=0)).T[better]
    return out


MIN_PER_CLASS = 10  # labelled items of a true class below which its error rates are guesses
MIN_SINGULAR = 0.25  # smallest singular value of M below which the classes are barely separable


def correction_warnings(labelled: pd.DataFrame | None, labels: Sequence[str] = TONES, unit: str = "sentences") -> list[str]:
    """Why a correction may not be trusted: true classes with few labelled items, and a
    confusion matrix that hardly separates the classes (near-singular: two classes predicted
    alike, so their shares cannot be told apart and the intervals are wide).

    >>> lab = pd.DataFrame({"gold": ["conflict"] * 3 + ["neutral"] * 3, "label": ["neutral"] * 6})
    >>> [w.split(":")[0] for w in correction_warnings(lab, ["conflict", "neutral"])]
    ['WARNING', 'WARNING', 'WARNING']
    """
    if labelled is None or not len(labelled):
        return []
    counts = labelled["gold"].value_counts()
    out = [f"WARNING: only {int(counts[c])} labelled {c} {unit}: the error rates of that class are guesses"
           for c in labels if 0 < counts.get(c, 0) < MIN_PER_CLASS]
    M = misclassification(labelled["gold"], labelled["label"], labels)
    smallest = float(np.linalg.svd(M, compute_uv=False).min())
    if smallest < MIN_SINGULAR:
        out.append(f"WARNING: as measured, the classifier predicts some classes alike (smallest singular value of the "
                   f"error matrix {smallest:.2f}): the corrected shares are barely identifiable and their intervals wide; "
                   f"label more {unit}, above all of the rarest class")
    return out


# Bootstrap
# ---------------------------------------------------------------------------


@dataclass
class _Draws:
    keys: list  # group keys
    n: np.ndarray  # units per group
    raw: np.ndarray  # (G, K)
    corrected: np.ndarray  # (G, K)
    raw_draws: np.ndarray  # (B, G, K)
    corr_draws: np.ndarray  # (B, G, K)


def _count_matrix(df: pd.DataFrame, unit: str, labels: Sequence[str]) -> tuple[list, np.ndarray]:
    """Per unit (article or row), counts of each predicted label."""
    lab = pd.Categorical(df["label"], categories=list(labels))
    ct = pd.crosstab(df[unit].to_numpy(), lab, dropna=False)
    ct = ct.reindex(columns=list(labels), fill_value=0)
    return ct.index.tolist(), ct.to_numpy(float)


def _labelled_draws(labelled: pd.DataFrame | None, labels: Sequence[str], n_boot: int, rng: np.random.Generator,
                    cluster: str) -> tuple[np.ndarray, np.ndarray]:
    k = len(labels)
    if labelled is None or not len(labelled):
        return np.eye(k), np.broadcast_to(np.eye(k), (n_boot, k, k))
    idx = {c: i for i, c in enumerate(labels)}
    lab = labelled[labelled["gold"].isin(idx) & labelled["label"].isin(idx)]
    cells = lab["gold"].map(idx).to_numpy() * k + lab["label"].map(idx).to_numpy()
    units, inv = np.unique(lab[cluster].astype(str).to_numpy(), return_inverse=True)
    per_unit = np.zeros((len(units), k * k))
    np.add.at(per_unit, (inv, cells), 1)
    M = _rows(per_unit.sum(axis=0).reshape(k, k))
    if n_boot == 0:
        return M, np.zeros((0, k, k))
    return M, _rows(resampled_sums(per_unit, n_boot, rng).reshape(n_boot, k, k))


def resampled_sums(C: np.ndarray, n_boot: int, rng: np.random.Generator, chunk: int = 64) -> np.ndarray:
    """Column sums of ``C`` (units × labels) under ``n_boot`` bootstrap resamples of its rows:
    an array (n_boot, labels). Draws are made ``chunk`` at a time, so memory stays at
    ``chunk`` × units whatever ``n_boot`` (one group can hold every article of a corpus).

    >>> resampled_sums(np.array([[1.0, 0.0], [0.0, 1.0]]), 3, np.random.default_rng(0)).sum(axis=1).tolist()
    [2.0, 2.0, 2.0]
    """
    n = len(C)
    out = np.empty((n_boot, C.shape[1]))
    for s in range(0, n_boot, chunk):
        b = min(chunk, n_boot - s)
        pick = rng.integers(0, n, size=(b, n))
        w = np.stack([np.bincount(p, minlength=n) for p in pick])  # (b, units) resampling weights
        out[s:s + b] = w @ C
    return out


def _estimate(predicted: pd.DataFrame, labelled: pd.DataFrame | None, by: list[str], labels: Sequence[str],
              n_boot: int, seed: int, cluster: str) -> _Draws:
    rng = np.random.default_rng(seed)
    M, Ms = _labelled_draws(labelled, labels, n_boot, rng, cluster)
    groups = list(predicted.groupby(by, sort=True)) if by else [((), predicted)]
    keys, ns, raws, raw_draws = [], [], [], []
    for key, g in groups:
        unit = "_row" if cluster in by else cluster  # within an article, resample its sentences
        g = g.assign(_row=np.arange(len(g)))
        _, C = _count_matrix(g, unit, labels)
        tot = C.sum()
        keys.append(key if isinstance(key, tuple) else (key,))
        ns.append(int(tot))
        raws.append(C.sum(axis=0) / tot)
        if n_boot:
            s = resampled_sums(C, n_boot, rng)
            raw_draws.append(s / np.maximum(s.sum(axis=1, keepdims=True), 1))
    raw = np.array(raws)
    corrected = adjust_shares(raw, M)
    k = len(labels)
    if n_boot:
        rd = np.stack(raw_draws, axis=1)  # (B, G, K)
        cd = np.stack([adjust_shares(rd[b], Ms[b]) for b in range(n_boot)])
    else:
        rd = cd = np.zeros((0, len(keys), k))
    return _Draws(keys, np.array(ns), raw, corrected, rd, cd)


def _pct(d: np.ndarray, q: float) -> np.ndarray:
    import warnings

    if not len(d):
        return np.full(d.shape[1:], np.nan)
    with warnings.catch_warnings():  # a group whose every draw is undefined (no related sentence) stays NaN
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanpercentile(d, q, axis=0)


def corrected_shares(predicted: pd.DataFrame, labelled: pd.DataFrame | None = None, by: str | list[str] | None = None,
                     labels: Sequence[str] = TONES, n_boot: int = 1000, seed: int = 0,
                     cluster: str = "article_id") -> pd.DataFrame:
    """Shares of each label per group, raw (classify and count) and corrected, with 95% intervals.

    ``predicted``: one row per classified unit (sentence or pair) with ``label``, ``cluster``
    (article) and the ``by`` columns. ``labelled``: the labelled sample with ``label``
    (predicted), ``gold`` and ``cluster``; without it the correction is the identity and the
    intervals cover corpus sampling only. Returns one row per group and label: the ``by``
    columns, :data:`SHARE_COLUMNS`.

    >>> corrected_shares(tones, labelled_tones, by="outlet")       # doctest: +SKIP
    """
    by = [by] if isinstance(by, str) else list(by or [])
    d = _estimate(predicted, labelled, by, labels, n_boot, seed, cluster)
    n_lab = 0 if labelled is None else len(labelled)
    rows = []
    rlo, rhi, clo, chi = (_pct(x, q) for x, q in ((d.raw_draws, 2.5), (d.raw_draws, 97.5), (d.corr_draws, 2.5), (d.corr_draws, 97.5)))
    for gi, key in enumerate(d.keys):
        for ki, lab in enumerate(labels):
            rows.append([*key, lab, d.n[gi], d.raw[gi, ki], rlo[gi, ki], rhi[gi, ki], d.corrected[gi, ki],
                         clo[gi, ki], chi[gi, ki], n_lab])
    return pd.DataFrame(rows, columns=[*by, *SHARE_COLUMNS])


def pair_net_stance(pairs: pd.DataFrame, labelled_pairs: pd.DataFrame | None = None, n_boot: int = 1000, seed: int = 0,
                    min_related: int = 1, by: str | list[str] | None = None) -> pd.DataFrame:
    """Each pair's net stance: among the sentences that relate the two states, share of
    cooperation minus share of conflict (−1 … +1), raw and corrected, with 95% intervals.

    ``pairs``: the classifier's pair rows (``a, b, label`` in none / cooperation / conflict /
    neutral, ``article_id`` and any ``by`` columns, e.g. ``period`` from :func:`with_period`
    or ``article_id``); ``labelled_pairs``: the labelled pair rows (``label``, ``gold``,
    ``article_id``, as :func:`arnews.validate.with_gold` gives). Groups with fewer than
    ``min_related`` predicted related sentences are left out.

    >>> pair_net_stance(pred.pairs, lp, by="article_id")      # doctest: +SKIP
    """
    by = [by] if isinstance(by, str) else list(by or [])
    keys = ["a", "b", *by]
    p = pairs[pairs["a"].astype(str) < pairs["b"].astype(str)]
    related = p[p["label"] != "none"].groupby(keys).size()
    keep = related[related >= min_related].index
    p = p[pd.MultiIndex.from_frame(p[keys]).isin(keep)] if len(p) else p
    cols = [*keys, "n_related", "raw", "raw_low", "raw_high", "corrected", "low", "high", "n_labelled"]
    if not len(p):
        return pd.DataFrame(columns=cols)
    d = _estimate(p, labelled_pairs, keys, PAIRS, n_boot, seed, "article_id")

    def net(x: np.ndarray) -> np.ndarray:
        rel = 1 - x[..., 0]
        return np.where(rel > 1e-9, (x[..., 1] - x[..., 2]) / np.where(rel > 1e-9, rel, 1), np.nan)

    raw, corr, rd, cd = net(d.raw), net(d.corrected), net(d.raw_draws), net(d.corr_draws)
    n_lab = 0 if labelled_pairs is None else len(labelled_pairs)
    out = pd.DataFrame(d.keys, columns=keys)
    out["n_related"] = [int(related.get(k if len(k) > 1 else k[0], 0)) for k in d.keys]
    out = out.assign(raw=raw, raw_low=_pct(rd, 2.5), raw_high=_pct(rd, 97.5), corrected=corr,
                     low=_pct(cd, 2.5), high=_pct(cd, 97.5), n_labelled=n_lab)
    if by:  # one pair over articles or periods: in their order
        out = out.sort_values(keys, kind="stable")
    else:  # the most related pairs first
        out = out.sort_values("n_related", ascending=False, kind="stable")
    return out.reset_index(drop=True)[cols]


def with_period(df: pd.DataFrame, articles: pd.DataFrame, freq: str = "M") -> pd.DataFrame:
    """``df`` (with ``article_id``) plus the article's ``outlet`` and ``period`` (its date by
    ``freq``: ``M`` month, ``Q`` quarter, ``Y`` year; ``unknown`` when undated).

    >>> arts = pd.DataFrame({"article_id": ["a"], "date": ["2022-06-03"], "outlet": ["X"]})
    >>> with_period(pd.DataFrame({"article_id": ["a"]}), arts)["period"].tolist()
    ['2022-06']
    """
    meta = articles[["article_id", *[c for c in ("date", "outlet") if c in articles.columns]]].drop_duplicates("article_id")
    out = df.drop(columns=[c for c in ("date", "outlet", "period") if c in df.columns]).merge(meta, on="article_id", how="left")
    dates = pd.to_datetime(out["date"], errors="coerce", utc=True) if "date" in out.columns else pd.Series(pd.NaT, index=out.index)
    out["period"] = dates.dt.tz_localize(None).dt.to_period(freq).astype(str).where(dates.notna(), "unknown")
    if "outlet" not in out.columns:
        out["outlet"] = "unknown"
    out["outlet"] = out["outlet"].fillna("unknown").replace("", "unknown")
    return out


def one_pair_over(pairs: pd.DataFrame, articles: pd.DataFrame, pair: Sequence[str],
                  labelled_pairs: pd.DataFrame | None = None, n_boot: int = 1000, seed: int = 0,
                  max_articles: int = 40) -> pd.DataFrame:
    """One pair's net stance (:func:`pair_net_stance`, raw and corrected, 95% intervals) per
    article, or per month when more than ``max_articles`` articles relate the pair; ``over``
    holds what to draw on the x axis (the article's short label, or the month), in date order
    (undated articles last). Plot it with
    :func:`arnews.plots_intervals.plot_pair_net_over` (``x="over"``).

    >>> pairs = pd.DataFrame({"article_id": ["x", "x", "y"], "sentence_id": [0, 1, 0], "a": "CHN", "b": "RUS",
    ...                       "label": ["cooperation", "conflict", "conflict"]})
    >>> arts = pd.DataFrame({"article_id": ["x", "y"], "title": ["قمة", "خلاف"], "date": ["2024-02-01", "2024-01-01"]})
    >>> one_pair_over(pairs, arts, ("RUS", "CHN"), n_boot=0)[["article_id", "raw"]].values.tolist()
    [['y', -1.0], ['x', 0.0]]
    """
    from .labels import article_labels

    a, b = sorted(pair)
    p = pairs[(pairs["a"] == a) & (pairs["b"] == b)]
    related = p.loc[p["label"] != "none", "article_id"].nunique()
    if related > max_articles:
        t = pair_net_stance(with_period(p, articles), labelled_pairs, n_boot=n_boot, seed=seed, by="period")
        t = t[t["period"] != "unknown"]
        return t.assign(over=t["period"]).reset_index(drop=True)
    t = pair_net_stance(p, labelled_pairs, n_boot=n_boot, seed=seed, by="article_id")
    meta = articles.drop_duplicates("article_id").set_index("article_id")
    dates = pd.to_datetime(meta["date"], errors="coerce", utc=True) if "date" in meta.columns else pd.Series(pd.NaT, index=meta.index)
    t = t.assign(_when=t["article_id"].map(dates)).sort_values(["_when", "article_id"], na_position="last", kind="stable")
    names = article_labels(articles[articles["article_id"].isin(set(t["article_id"]))])
    return t.drop(columns="_when").assign(over=t["article_id"].map(names)).reset_index(drop=True)


def most_stance_articles(tones: pd.DataFrame, top: int | None = 30) -> list:
    """The ``top`` article ids with the most sentences of cooperation or conflict (then the most
    sentences, then by id); every article when ``top`` is None.

    >>> t = pd.DataFrame({"article_id": ["a", "b", "b", "c"], "label": ["neutral", "conflict", "neutral", "cooperation"]})
    >>> most_stance_articles(t, 2)
    ['b', 'c']
    """
    g = tones.assign(_s=(tones["label"] != "neutral").astype(int)).groupby("article_id")
    rank = pd.DataFrame({"s": g["_s"].sum(), "n": g.size()}).reset_index()
    rank = rank.sort_values(["s", "n", "article_id"], ascending=[False, False, True], kind="stable")
    return rank["article_id"].tolist() if top is None else rank["article_id"].head(top).tolist()


@dataclass
class Estimates:
    """The corrected stance aggregates of a corpus (each a table of :func:`corrected_shares`
    or :func:`pair_net_stance`) and how many labelled sentences they rest on."""

    by_article: pd.DataFrame
    by_outlet: pd.DataFrame
    by_period: pd.DataFrame
    overall: pd.DataFrame
    pairs: pd.DataFrame
    n_labelled: int
    method: str = ""


def stance_estimates(tones: pd.DataFrame, pairs: pd.DataFrame, articles: pd.DataFrame,
                     labelled_tones: pd.DataFrame | None = None, labelled_pairs: pd.DataFrame | None = None,
                     n_boot: int = 1000, seed: int = 0, freq: str = "M", method: str = "",
                     top_articles: int | None = 30) -> Estimates:
    """Every corrected aggregate at once: tone shares per article, outlet, period and overall,
    and each pair's net stance. ``tones``/``pairs``: a classifier's predictions
    (:class:`arnews.validate.Predictions`); ``labelled_*``: the same joined with the user's
    labels (:func:`arnews.validate.with_gold`), or None (no correction). ``by_article`` holds
    the ``top_articles`` articles with the most cooperation or conflict sentences (None: every
    article; its bootstrap costs one resampling per article, so keep it bounded on a large corpus).

    >>> est = stance_estimates(pred.tones, pred.pairs, ann.articles, lt, lp)   # doctest: +SKIP
    """
    t = with_period(tones, articles, freq)
    kw = {"labelled": labelled_tones, "n_boot": n_boot, "seed": seed}
    return Estimates(
        by_article=corrected_shares(t[t["article_id"].isin(most_stance_articles(t, top_articles))], by="article_id", **kw),
        by_outlet=corrected_shares(t, by="outlet", **kw),
        by_period=corrected_shares(t, by="period", **kw),
        overall=corrected_shares(t, **kw),
        pairs=pair_net_stance(pairs, labelled_pairs, n_boot=n_boot, seed=seed),
        n_labelled=0 if labelled_tones is None else len(labelled_tones),
        method=method,
    )
