"""Stance plots: sentence stance per article, signed actor network, a pair's stance over time,
and the evaluation confusion matrix. Every function returns a matplotlib Figure.

>>> from arnews.plots.stance import plot_sentence_distribution
>>> fig = plot_sentence_distribution(ann.sentence_stance, ann.articles)   # doctest: +SKIP
>>> fig.savefig("stance.png")                                              # doctest: +SKIP
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ._style import new_figure

__all__ = ["STANCE_COLORS", "plot_sentence_distribution", "plot_actor_network", "plot_pair_over_time", "plot_confusion"]

STANCE_COLORS = {"cooperation": "#2b6cb0", "neutral": "#b8b8b8", "conflict": "#c53030"}


def _article_labels(articles: pd.DataFrame | None, ids: list[str]) -> list[str]:
    if articles is None or "article_id" not in articles.columns:
        return ids
    a = articles.set_index("article_id")
    out = []
    for i in ids:
        parts = [str(i)[:12]]
        if "date" in a.columns and i in a.index and pd.notna(a.loc[i, "date"]):
            parts.append(str(a.loc[i, "date"])[:10])
        out.append(" · ".join(parts))
    return out


def plot_sentence_distribution(sentence_stance: pd.DataFrame, articles: pd.DataFrame | None = None, share: bool = True):
    """Stacked horizontal bars: the share (or count) of cooperation / neutral / conflict
    sentences in each article."""
    ct = pd.crosstab(sentence_stance["article_id"], sentence_stance["label"]).reindex(columns=list(STANCE_COLORS), fill_value=0)
    if share:
        ct = ct.div(ct.sum(axis=1).replace(0, 1), axis=0)
    fig, ax = new_figure(8, 0.55 * len(ct) + 1.6)
    left = np.zeros(len(ct))
    y = np.arange(len(ct))
    for lab, col in STANCE_COLORS.items():
        ax.barh(y, ct[lab].to_numpy(), left=left, color=col, label=lab)
        left += ct[lab].to_numpy()
    ax.set_yticks(y, _article_labels(articles, list(ct.index)))
    ax.invert_yaxis()
    ax.set_xlabel("share of sentences" if share else "sentences")
    ax.set_title("Sentence stance per article")
    ax.legend(ncols=3, loc="lower center", bbox_to_anchor=(0.5, 1.06), frameon=False)
    return fig


def plot_actor_network(stance: pd.DataFrame, level: str = "country", min_sentences: int = 1, labels: dict | None = None,
                       seed: int = 0):
    """Signed actor network: edge colour = net stance (blue cooperation, red conflict), edge
    width = number of sentences, node size = number of sentences the actor takes part in.

    ``level`` is ``"country"`` (source_country/target_country) or ``"person"`` (source/target);
    ``labels`` maps ids to display names (e.g. Arabic labels from the gazetteer).
    """
    import matplotlib as mpl
    import networkx as nx

    s, t = ("source_country", "target_country") if level == "country" else ("source", "target")
    df = stance[stance[s] != stance[t]].copy()
    df["a"] = df[[s, t]].min(axis=1)
    df["b"] = df[[s, t]].max(axis=1)
    e = df.groupby(["a", "b"]).agg(n=("sentence_id", "size"), net=("score", "mean")).reset_index()
    e = e[e["n"] >= min_sentences]
    fig, ax = new_figure(8, 7)
    ax.set_axis_off()
    if not len(e):
        ax.text(0.5, 0.5, "no dyads", ha="center", va="center", transform=ax.transAxes)
        return fig
    G = nx.Graph()
    for r in e.itertuples(index=False):
        G.add_edge(r.a, r.b, n=int(r.n), net=float(r.net))
    order = sorted(G.nodes, key=lambda n_: -G.degree(n_, weight="n"))
    if len(order) <= 16:  # a circle keeps every edge visible; the busiest actors first
        pos = nx.circular_layout(order)
    else:
        pos = nx.spring_layout(G, seed=seed, weight="n", k=1.5 / np.sqrt(G.number_of_nodes()))
    cmap = mpl.colormaps["RdBu"]
    norm = mpl.colors.Normalize(-1, 1)
    nmax = max(d["n"] for *_, d in G.edges(data=True))
    for u, v, d in G.edges(data=True):
        ax.plot([pos[u][0], pos[v][0]], [pos[u][1], pos[v][1]], color=cmap(norm(d["net"])),
                lw=1 + 7 * d["n"] / nmax, alpha=0.85, solid_capstyle="round", zorder=1)
    deg = dict(G.degree(weight="n"))
    for n_, (x, y) in pos.items():
        ax.scatter([x], [y], s=200 + 1200 * deg[n_] / max(deg.values()), color="#f7f7f7", edgecolor="#333", zorder=2)
        ax.text(x, y, (labels or {}).get(n_, n_), ha="center", va="center", fontsize=10, zorder=3)
    sm = mpl.cm.ScalarMappable(norm=norm, cmap=cmap)
    cb = fig.colorbar(sm, ax=ax, shrink=0.6, pad=0.01)
    cb.set_label("net stance (conflict −1 … +1 cooperation)")
    ax.set_title(f"Signed actor network ({level} level; width = sentences)")
    return fig


def plot_pair_over_time(headline: pd.DataFrame, pair_label: str | None = None):
    """A pair's stance per article over time (from :func:`arnews.stance.pair_headline`):
    points sized by the number of sentences; articles without a date are placed after the dated ones."""
    h = headline.dropna(subset=["score"]).copy()
    fig, ax = new_figure(8, 4.5)
    if not len(h):
        ax.text(0.5, 0.5, "no stance for this pair", ha="center", va="center", transform=ax.transAxes)
        return fig
    if "date" in h.columns:
        h["when"] = pd.to_datetime(h["date"], errors="coerce")
    else:
        h["when"] = pd.NaT
    h = h.sort_values("when")
    dated = h["when"].notna().all()
    x = h["when"] if dated else np.arange(len(h))
    colors = [STANCE_COLORS["cooperation"] if v > 0 else STANCE_COLORS["conflict"] if v < 0 else STANCE_COLORS["neutral"] for v in h["score"]]
    ax.axhline(0, color="#888", lw=0.8)
    ax.plot(x, h["score"], color="#555", lw=1, zorder=1)
    ax.scatter(x, h["score"], s=40 + 25 * h["n_sentences"], c=colors, edgecolor="#222", zorder=2)
    for xi, yi, aid in zip(x, h["score"], h["article_id"]):
        ax.annotate(str(aid)[:3], (xi, yi), textcoords="offset points", xytext=(0, 9), ha="center", fontsize=8)
    ax.set_ylim(-1.1, 1.1)
    ax.set_ylabel("mean stance (−1 conflict … +1 cooperation)")
    if not dated:
        ax.set_xticks(np.arange(len(h)), [str(a)[:12] for a in h["article_id"]], rotation=30, ha="right")
    ax.set_title(f"{pair_label or h['pair'].iloc[0]} stance per article over time (size = sentences)")
    return fig


def plot_confusion(confusion: pd.DataFrame, title: str = "Confusion matrix"):
    """Heatmap of a confusion matrix (rows gold, columns predicted) with counts."""
    fig, ax = new_figure(5.5, 4.5)
    M = confusion.to_numpy()
    ax.imshow(M, cmap="Blues")
    ax.set_xticks(range(M.shape[1]), [c.replace("pred ", "") for c in confusion.columns], rotation=20)
    ax.set_yticks(range(M.shape[0]), [c.replace("gold ", "") for c in confusion.index])
    for i in range(M.shape[0]):
        for j in range(M.shape[1]):
            ax.text(j, i, str(M[i, j]), ha="center", va="center", color="white" if M[i, j] > M.max() / 2 else "black")
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(title)
    return fig
