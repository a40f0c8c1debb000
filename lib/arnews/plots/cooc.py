"""Plots for co-occurrence analysis: actor network, heatmap, collocates, pairs over time.

Every function returns a :class:`matplotlib.figure.Figure`; Arabic labels are passed as
they are (matplotlib >= 3.11 shapes them).

>>> from arnews.cooc import cooccurrence, cooc_graph           # doctest: +SKIP
>>> fig = plot_network(cooc_graph(m, min_count=2), label="ar")  # doctest: +SKIP
>>> fig.savefig("network.png")                                  # doctest: +SKIP
"""
from __future__ import annotations

from typing import Iterable, Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ._style import new_figure, use_arabic_font

__all__ = ["plot_network", "plot_heatmap", "plot_collocates", "plot_pair_over_time", "plot_context_shift"]


def _label(v, labels: Mapping | None) -> str:
    if labels is None:
        return str(v)
    return str(labels.get(v, v))


def _scale(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    v = np.asarray(values, dtype=float)
    v = np.where(np.isfinite(v), v, np.nan)
    if not len(v) or np.all(np.isnan(v)):
        return np.full(len(v), (lo + hi) / 2)
    vmin, vmax = np.nanmin(v), np.nanmax(v)
    if vmax == vmin:
        return np.full(len(v), (lo + hi) / 2)
    out = lo + (v - vmin) / (vmax - vmin) * (hi - lo)
    return np.where(np.isnan(out), lo, out)


def _layout(graph, seed: int) -> dict:
    """Kamada–Kawai per connected component (spring for big ones), components side by side."""
    import networkx as nx

    comps = sorted(nx.connected_components(graph), key=len, reverse=True)
    pos: dict = {}
    x0 = 0.0
    for comp in comps:
        sub = graph.subgraph(comp)
        if len(comp) == 1:
            p = {next(iter(comp)): np.array([0.0, 0.0])}
        elif len(comp) <= 150:
            p = nx.kamada_kawai_layout(sub, weight=None)
        else:
            p = nx.spring_layout(sub, seed=seed, k=1.5 / np.sqrt(len(comp)))
        arr = np.array(list(p.values()))
        arr = arr - arr.min(axis=0)
        scale = max(arr.max(), 1e-9) if len(comp) > 1 else 1.0
        size = np.sqrt(len(comp) / max(len(comps[0]), 1))
        for v, xy in zip(p, arr):
            pos[v] = np.array([x0, 0.0]) + xy / scale * size
        x0 += size + 0.25
    return pos


def plot_network(
    graph,
    *,
    label: str = "ar",
    labels: Mapping | None = None,
    size_attr: str = "occurrences",
    width_attr: str = "weight",
    title: str | None = None,
    seed: int = 0,
    width: float = 9,
    height: float = 7,
) -> Figure:
    """Actor network: node size by frequency (``size_attr``), edge width and shade by
    association (``width_attr``), labels in Arabic (``label="ar"``) or English (``"en"``)
    from the nodes' ``label_ar``/``label_en`` attributes (or a ``labels`` mapping).
    Layout: Kamada–Kawai (up to 150 nodes; spring layout with fixed ``seed`` above),
    each connected component laid out on its own.
    """
    import networkx as nx

    if label not in ("ar", "en"):
        raise ValueError(f"label must be 'ar' or 'en', not {label!r}")
    family = use_arabic_font()
    fig, ax = new_figure(width, height)
    ax.set_axis_off()
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no pairs pass the filters", ha="center", va="center", transform=ax.transAxes)
        return fig
    pos = _layout(graph, seed)
    nodes = list(graph.nodes)
    sizes = _scale([graph.nodes[v].get(size_attr, 1) for v in nodes], 300, 2500)
    edges = list(graph.edges)
    wvals = np.array([graph.edges[e].get(width_attr, 1.0) for e in edges], dtype=float)
    widths = _scale(wvals, 0.8, 7.0)
    shades = _scale(wvals, 0.35, 0.9)
    nx.draw_networkx_edges(graph, pos, ax=ax, edgelist=edges, width=widths, edge_color=[(0.2, 0.3, 0.5, a) for a in shades])
    nx.draw_networkx_nodes(graph, pos, ax=ax, nodelist=nodes, node_size=sizes, node_color="#f2b880", edgecolors="#7a4a1a", linewidths=0.8)
    key = f"label_{label}"
    names = {v: (labels.get(v, v) if labels is not None else graph.nodes[v].get(key, v)) for v in nodes}
    nx.draw_networkx_labels(graph, pos, labels={v: str(names[v]) for v in nodes}, ax=ax, font_family=family, font_size=11,
                            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.55})
    wname = graph.graph.get("weight", width_attr)
    ax.set_title(title or f"Co-occurrence network (node size: {size_attr}, edge width: {wname})")
    ax.margins(0.12)
    return fig


def plot_heatmap(
    cooc,
    *,
    value: str = "count",
    top: int = 20,
    labels: Mapping | None = None,
    title: str | None = None,
    annotate: bool = True,
) -> Figure:
    """Heatmap of a measure for the ``top`` most frequent features.

    ``cooc`` is a :class:`arnews.cooc.CoocMatrix` or a pairs table (columns a, b and
    ``value``). Pairs that never co-occur are blank; the diagonal is blank.
    """
    from ..cooc import CoocMatrix

    if isinstance(cooc, CoocMatrix):
        nodes = cooc.nodes()
        feats = nodes["feature"].head(top).tolist()
        pairs = cooc.pairs()
    else:
        pairs = cooc
        occ = pd.concat([pairs[["a", "count"]].rename(columns={"a": "f"}), pairs[["b", "count"]].rename(columns={"b": "f"})])
        feats = occ.groupby("f")["count"].sum().sort_values(ascending=False).head(top).index.tolist()
    if value not in pairs.columns:
        raise ValueError(f"value must be a pairs column, not {value!r}")
    idx = {f: i for i, f in enumerate(feats)}
    mat = np.full((len(feats), len(feats)), np.nan)
    sub = pairs[pairs["a"].isin(idx) & pairs["b"].isin(idx)]
    for a, b, v in zip(sub["a"], sub["b"], sub[value]):
        mat[idx[a], idx[b]] = mat[idx[b], idx[a]] = v
    mat[~np.isfinite(mat)] = np.nan
    side = max(4.0, 0.45 * len(feats) + 2.5)
    fig, ax = new_figure(side + 1.2, side)
    diverging = value in ("pmi", "npmi")
    if diverging:
        lim = np.nanmax(np.abs(mat)) if np.isfinite(mat).any() else 1.0
        im = ax.imshow(mat, cmap="RdBu_r", vmin=-lim, vmax=lim)
    else:
        im = ax.imshow(mat, cmap="viridis")
    names = [_label(f, labels) for f in feats]
    ax.set_xticks(range(len(feats)), names, rotation=60, ha="right")
    ax.set_yticks(range(len(feats)), names)
    if annotate and len(feats) <= 25:
        fmt = "{:.0f}" if value == "count" else "{:.2f}"
        for i in range(len(feats)):
            for j in range(len(feats)):
                if np.isfinite(mat[i, j]):
                    r, g_, b, _ = im.cmap(im.norm(mat[i, j]))
                    dark = 0.299 * r + 0.587 * g_ + 0.114 * b < 0.5
                    ax.text(j, i, fmt.format(mat[i, j]), ha="center", va="center", fontsize=7, color="white" if dark else "black")
    fig.colorbar(im, ax=ax, shrink=0.8, label=value)
    ax.set_title(title or f"Co-occurrence ({value})")
    return fig


def plot_collocates(
    colls: pd.DataFrame,
    *,
    measure: str = "log_dice",
    top: int = 15,
    title: str | None = None,
) -> Figure:
    """Horizontal bars of the ``top`` collocates by ``measure`` (from :func:`arnews.cooc.collocates`),
    each bar annotated with the co-occurrence count."""
    if measure not in colls.columns:
        raise ValueError(f"measure must be a column of the collocates table, not {measure!r}")
    d = colls.sort_values([measure, "count"], ascending=False).head(top).iloc[::-1]
    fig, ax = new_figure(7, max(2.5, 0.35 * len(d) + 1.2))
    if not len(d):
        ax.text(0.5, 0.5, "no collocates pass the filters", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    vals = d[measure].to_numpy(dtype=float)
    ax.barh(range(len(d)), vals, color="#4c72b0")
    ax.set_yticks(range(len(d)), d["collocate"].astype(str).tolist())
    for i, (v, c) in enumerate(zip(vals, d["count"])):
        ax.text(v, i, f" {c}", va="center", fontsize=8)
    ax.set_xlabel(measure)
    lo = min(0.0, np.nanmin(vals))
    hi = np.nanmax(vals)
    if measure == "log_dice":
        lo = max(0.0, np.nanmin(vals) - 1)
    ax.set_xlim(lo, hi + 0.12 * (hi - lo if hi > lo else 1))
    tgt = colls.attrs.get("target", "")
    ax.set_title(title or f"Collocates of {tgt} (window {colls.attrs.get('window', '?')})")
    return fig


def plot_pair_over_time(
    by_period: pd.DataFrame,
    pairs: Iterable[tuple[str, str]],
    *,
    value: str = "count",
    labels: Mapping | None = None,
    title: str | None = None,
) -> Figure:
    """A pair's co-occurrence per period (from :func:`arnews.cooc.cooccurrence_by_period`).

    ``value`` is ``count`` (periods without the pair show 0) or a measure (gaps left
    blank). Periods are all periods present in ``by_period``.
    """
    if value not in by_period.columns:
        raise ValueError(f"value must be a column of the by-period table, not {value!r}")
    periods = sorted(by_period["period"].unique())
    fig, ax = new_figure(8, 4.5)
    for a, b in pairs:
        a2, b2 = sorted([a, b])
        sel = by_period[(by_period["a"] == a2) & (by_period["b"] == b2)].set_index("period")[value]
        y = sel.reindex(periods)
        if value == "count":
            y = y.fillna(0)
        ax.plot(periods, y.to_numpy(dtype=float), marker="o", label=f"{_label(a, labels)} – {_label(b, labels)}")
    ax.set_xlabel("period")
    ax.set_ylabel(value)
    if value == "count":
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend()
    ax.grid(alpha=0.3)
    ax.set_title(title or f"Co-occurrence over time ({value})")
    if len(periods) > 8:
        ax.tick_params(axis="x", rotation=45)
    return fig


def plot_context_shift(terms: pd.DataFrame, *, top: int = 8, title: str | None = None) -> Figure:
    """Per period, the terms most over-represented in a pair's contexts (from
    :func:`arnews.cooc.pair_context_terms`): one bar panel per period, bars = count,
    sorted by G² among terms with a positive log ratio."""
    use_arabic_font()
    import matplotlib.pyplot as plt

    periods = sorted(terms["period"].unique()) if len(terms) else []
    ncol = max(1, min(len(periods), 3))
    nrow = max(1, int(np.ceil(len(periods) / ncol)))
    fig, axes = plt.subplots(nrow, ncol, figsize=(4.2 * ncol, 0.32 * top * nrow + 1.6), layout="constrained", squeeze=False)
    for ax in axes.ravel()[len(periods):]:
        ax.set_axis_off()
    if not periods:
        axes[0, 0].text(0.5, 0.5, "the pair never co-occurs", ha="center", va="center")
    for ax, p in zip(axes.ravel(), periods):
        d = terms[(terms["period"] == p) & (terms["log_ratio"] > 0)].head(top).iloc[::-1]
        ax.barh(range(len(d)), d["count"], color="#dd8452")
        ax.set_yticks(range(len(d)), d["term"].astype(str).tolist())
        ax.set_title(str(p))
        ax.set_xlabel("count")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.suptitle(title or "Words over-represented around the pair, by period")
    return fig
