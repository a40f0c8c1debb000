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

from ._style import DATES_HOWTO, left_out, message_figure, new_figure, use_arabic_font, with_note, UNDATED_MESSAGE

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


def _node_sizes(values, n: int) -> np.ndarray:
    """Node areas (points²) by value, smaller when there are many nodes."""
    hi = 2500 if n <= 15 else max(500.0, 2500 * 15 / n)
    return _scale(values, hi / 8, hi)


def plot_network(
    graph,
    *,
    label: str = "ar",
    labels: Mapping | None = None,
    size_attr: str = "occurrences",
    width_attr: str = "weight",
    title: str | None = None,
    seed: int = 0,
    width: float | None = None,
    height: float | None = None,
    top_k: int | None = 5,
    max_edges: int | None = 150,
    fontsize: float = 10,
) -> Figure:
    """Actor network: node size by frequency (``size_attr``), edge width and shade by
    association (``width_attr``), labels in Arabic (``label="ar"``) or English (``"en"``)
    from the nodes' ``label_ar``/``label_en`` attributes (or a ``labels`` mapping).

    Readable at 60+ nodes: each node keeps its ``top_k`` strongest edges and, beyond
    ``max_edges``, only its strongest one plus the strongest others (``None`` disables
    either filter; the title says how many edges were hidden); Kamada–Kawai layout per connected component,
    then nodes are moved apart until no two labels overlap (label extents measured by the
    renderer). The figure grows with the number of nodes unless ``width``/``height`` are given.

    >>> fig = plot_network(cooc_graph(m, min_count=2), top_k=3)   # doctest: +SKIP
    """
    import networkx as nx

    from ._network import initial_layout, network_size, place_labels, top_k_edges

    if label not in ("ar", "en"):
        raise ValueError(f"label must be 'ar' or 'en', not {label!r}")
    if graph.number_of_nodes() == 0:
        return message_figure("No pairs pass the filters: lower min_count or widen the context.", title=title)
    family = use_arabic_font()
    all_edges = [(u, v, graph.edges[u, v].get(width_attr, 1.0)) for u, v in graph.edges]
    kept, hidden = top_k_edges([(u, v, np.nan_to_num(float(w), nan=-np.inf)) for u, v, w in all_edges], top_k, max_edges)
    shown = nx.Graph()
    shown.add_nodes_from(graph.nodes(data=True))
    shown.add_edges_from((u, v, graph.edges[u, v]) for u, v, _ in kept)
    nodes = list(shown.nodes)
    fig, ax = new_figure(*network_size(len(nodes), width, height))
    sizes = _node_sizes([graph.nodes[v].get(size_attr, 1) for v in nodes], len(nodes))
    key = f"label_{label}"
    names = {v: str(labels.get(v, v) if labels is not None else graph.nodes[v].get(key, v)) for v in nodes}
    node_px = {v: np.sqrt(s) * fig.dpi / 72 for v, s in zip(nodes, sizes)}
    wname = graph.graph.get("weight", width_attr)
    cap = f", at most {max_edges} in all" if max_edges and len(kept) >= max_edges else ""
    note = (f"{len(kept)} of {len(all_edges)} edges shown (the strongest by {wname}: each node's top {top_k}"
            f"{cap}); {hidden} hidden" if hidden else None)
    ax.set_title(with_note(title or f"Co-occurrence network (node size: {size_attr}, edge width: {wname})", note))
    placed = place_labels(fig, ax, initial_layout(shown, seed), names, node_px, fontsize=fontsize, family=family)
    pos = placed.pos
    edges = list(shown.edges)
    wvals = np.array([shown.edges[e].get(width_attr, 1.0) for e in edges], dtype=float)
    nx.draw_networkx_edges(shown, pos, ax=ax, edgelist=edges, width=_scale(wvals, 0.6, 6.0),
                           edge_color=[(0.2, 0.3, 0.5, a) for a in _scale(wvals, 0.3, 0.85)])
    nx.draw_networkx_nodes(shown, pos, ax=ax, nodelist=nodes, node_size=sizes, node_color="#f2b880",
                           edgecolors="#7a4a1a", linewidths=0.8)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
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
        n_all = len(nodes)
        feats = nodes["feature"].head(top).tolist()
        pairs = cooc.pairs()
    else:
        pairs = cooc
        occ = pd.concat([pairs[["a", "count"]].rename(columns={"a": "f"}), pairs[["b", "count"]].rename(columns={"b": "f"})])
        ranked = occ.groupby("f")["count"].sum().sort_values(ascending=False)
        n_all = len(ranked)
        feats = ranked.head(top).index.tolist()
    if value not in pairs.columns:
        raise ValueError(f"value must be a pairs column, not {value!r}")
    if len(feats) < 2 or not len(pairs):
        return message_figure("Fewer than two actors co-occur: no heat map to draw.", title=title)
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
    ax.set_title(with_note(title or f"Co-occurrence ({value})", left_out(len(feats), n_all, "actors", "most frequent")))
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
    if not len(d):
        return message_figure("No collocates pass the filters: lower min_count or widen the window.", title=title)
    fig, ax = new_figure(7, max(2.5, 0.35 * len(d) + 1.2))
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
    ax.set_title(with_note(title or f"Collocates of {tgt} (window {colls.attrs.get('window', '?')})",
                           left_out(len(d), len(colls), "collocates", f"highest {measure}")))
    return fig


def _dated_periods(periods) -> list[str]:
    return sorted(str(p) for p in pd.unique(pd.Series(periods, dtype=object)) if str(p) != "undated")


def _period_ticks(ax, periods: list[str], max_ticks: int = 14) -> None:
    """Period names under an index axis, thinned to at most ``max_ticks`` distinct labels."""
    step = max(1, int(np.ceil(len(periods) / max_ticks)))
    idx = list(range(0, len(periods), step))
    ax.set_xticks(idx, [periods[i] for i in idx], rotation=45 if len(idx) > 8 else 0,
                  ha="right" if len(idx) > 8 else "center")


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
    blank). Periods are the dated periods present in ``by_period``, in time order; the
    ``undated`` group is left out (and said so). A corpus without dates gives one sentence
    saying so and how to add dates.
    """
    if value not in by_period.columns:
        raise ValueError(f"value must be a column of the by-period table, not {value!r}")
    periods = _dated_periods(by_period["period"]) if len(by_period) else []
    if not periods:
        return message_figure(UNDATED_MESSAGE if len(by_period) else "No co-occurrences to follow over time.", title=title)
    fig, ax = new_figure(8, 4.5)
    x = np.arange(len(periods))
    for a, b in pairs:
        a2, b2 = sorted([a, b])
        sel = by_period[(by_period["a"] == a2) & (by_period["b"] == b2)].set_index("period")[value]
        y = sel.reindex(periods)
        if value == "count":
            y = y.fillna(0)
        ax.plot(x, y.to_numpy(dtype=float), marker="o", label=f"{_label(a, labels)} – {_label(b, labels)}")
    _period_ticks(ax, periods)
    ax.set_xlabel("period")
    ax.set_ylabel(value)
    if value == "count":
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(bottom=0)
    ax.legend()
    ax.grid(alpha=0.3)
    note = "undated articles left out" if (by_period["period"] == "undated").any() else None
    ax.set_title(with_note(title or f"Co-occurrence over time ({value})", note))
    return fig


def plot_context_shift(terms: pd.DataFrame, *, top: int = 8, title: str | None = None, max_panels: int = 9) -> Figure:
    """Per period, the terms most over-represented in a pair's contexts (from
    :func:`arnews.cooc.pair_context_terms`): one bar panel per period, bars = count,
    sorted by G² among terms with a positive log ratio. Periods with no such term are
    left out; beyond ``max_panels`` periods the latest are shown (the title says so). When
    every over-represented word comes from undated articles, one sentence says so (not
    that the corpus is undated: other articles may have dates) and how to add dates."""
    use_arabic_font()
    import matplotlib.pyplot as plt

    pos = terms[(terms["log_ratio"] > 0) & (terms["period"].astype(str) != "undated")] if len(terms) else terms
    periods = sorted(str(p) for p in pd.unique(pos["period"])) if len(pos) else []
    all_periods = sorted(str(p) for p in pd.unique(terms["period"])) if len(terms) else []
    if not periods:
        undated = bool(all_periods) and all(p == "undated" for p in all_periods)
        msg = ("The words over-represented around the pair all come from undated articles, so none can be placed "
               "over time.\n" + DATES_HOWTO) if undated else (
            "No word is over-represented around the pair in any period (it needs at least two periods to compare)."
            if len(terms) else "The pair never co-occurs.")
        return message_figure(msg, title=title)
    shown = periods[-max_panels:]
    ncol = max(1, min(len(shown), 3))
    nrow = max(1, int(np.ceil(len(shown) / ncol)))
    fig, axes = plt.subplots(nrow, ncol, figsize=(4.2 * ncol, nrow * (0.3 * top + 1.4) + 0.8), layout="constrained", squeeze=False)
    for ax in axes.ravel()[len(shown):]:
        ax.set_visible(False)
    for ax, p in zip(axes.ravel(), shown):
        d = pos[pos["period"].astype(str) == p].head(top).iloc[::-1]
        ax.barh(range(len(d)), d["count"], color="#dd8452")
        ax.set_yticks(range(len(d)), d["term"].astype(str).tolist())
        ax.set_title(str(p))
        ax.set_xlabel("count")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    notes = [left_out(len(shown), len(periods), "periods", "the latest")]
    empty = len([p for p in all_periods if p != "undated"]) - len(periods)
    if empty:
        notes.append(f"{empty} period(s) with no over-represented word left out")
    if "undated" in all_periods:
        notes.append("undated articles left out")
    fig.suptitle(with_note(title or "Words over-represented around the pair, by period", "; ".join(n for n in notes if n)))
    return fig
