"""Stance plots: sentence stance per article, signed actor network, a pair's stance over time,
and the evaluation confusion matrix. Every function returns a matplotlib Figure.

>>> from arnews.plots.stance import plot_sentence_distribution
>>> fig = plot_sentence_distribution(ann.sentence_stance, ann.articles)   # doctest: +SKIP
>>> fig.savefig("stance.png")                                              # doctest: +SKIP
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ._style import drop_overlapping, left_out, message_figure, new_figure, none_dated, with_note

__all__ = ["STANCE_COLORS", "plot_sentence_distribution", "plot_actor_network", "plot_pair_over_time", "plot_confusion"]

STANCE_COLORS = {"cooperation": "#2b6cb0", "neutral": "#b8b8b8", "conflict": "#c53030"}


def _article_labels(articles: pd.DataFrame | None, ids: list[str], labels: dict | None = None) -> list[str]:
    """Short distinct labels (:func:`arnews.labels.article_labels`) for ``ids``, or the ids
    shortened by their shared prefix when there is no articles table."""
    from ..labels import article_labels, short_ids

    if labels is None:
        if articles is not None and "article_id" in articles.columns:
            labels = article_labels(articles)
        else:
            labels = short_ids(ids, max_chars=30)
    fallback = short_ids(ids, max_chars=30)
    return [str(labels.get(i, fallback[i])) for i in ids]


def plot_sentence_distribution(sentence_stance: pd.DataFrame, articles: pd.DataFrame | None = None, share: bool = True,
                               *, max_bars: int = 30, labels: dict | None = None, title: str | None = None):
    """Stacked horizontal bars: the share (or count) of cooperation / neutral / conflict
    sentences in each article, labelled with short distinct article labels (``labels``
    maps ids to labels; default from ``articles``: title words, date, outlet).

    Beyond ``max_bars`` articles, the ``max_bars`` with most cooperation and conflict
    sentences are shown and the title says how many were left out.

    >>> fig = plot_sentence_distribution(ann.sentence_stance, ann.articles, max_bars=20)  # doctest: +SKIP
    """
    if not len(sentence_stance):
        return message_figure("No sentences with a stance label.", title=title)
    ct = pd.crosstab(sentence_stance["article_id"], sentence_stance["label"]).reindex(columns=list(STANCE_COLORS), fill_value=0)
    n_all = len(ct)
    if n_all > max_bars:
        keep = (ct["cooperation"] + ct["conflict"]).sort_values(ascending=False, kind="stable").index[:max_bars]
        ct = ct.loc[[i for i in ct.index if i in set(keep)]]
    if share:
        ct = ct.div(ct.sum(axis=1).replace(0, 1), axis=0)
    fig, ax = new_figure(8, 0.32 * len(ct) + 1.8)
    left = np.zeros(len(ct))
    y = np.arange(len(ct))
    for lab, col in STANCE_COLORS.items():
        ax.barh(y, ct[lab].to_numpy(), left=left, color=col, label=lab)
        left += ct[lab].to_numpy()
    ax.set_yticks(y, _article_labels(articles, list(ct.index), labels), fontsize=9 if len(ct) > 15 else 10)
    ax.set_ylim(len(ct) - 0.5, -0.5)
    ax.set_xlabel("share of sentences" if share else "sentences")
    note = left_out(len(ct), n_all, "articles", "most conflict + cooperation sentences")
    ax.set_title(with_note(title or "Sentence stance per article", note))
    fig.legend(ncols=3, loc="outside upper center", frameon=False)
    return fig


def _edge_table(stance: pd.DataFrame, level: str, min_sentences: int) -> pd.DataFrame:
    s, t = ("source_country", "target_country") if level == "country" else ("source", "target")
    df = stance[stance[s].notna() & stance[t].notna() & (stance[s] != stance[t])].copy()
    df["a"] = df[[s, t]].min(axis=1)
    df["b"] = df[[s, t]].max(axis=1)
    e = df.groupby(["a", "b"]).agg(n=("sentence_id", "size"), net=("score", "mean")).reset_index()
    return e[e["n"] >= min_sentences]


def _sign_sure(intervals: pd.DataFrame | None) -> set[tuple[str, str]]:
    """Pairs ``(a, b)`` whose interval (``low`` … ``high``) excludes 0 and rests on two or
    more related sentences (``n_related``; one sentence gives an interval of width 0)."""
    if intervals is None or not len(intervals):
        return set()
    iv = intervals.dropna(subset=["low", "high"])
    n = iv["n_related"] if "n_related" in iv.columns else pd.Series(2, index=iv.index)
    return {(str(a), str(b)) for a, b, lo, hi, k in zip(iv["a"], iv["b"], iv["low"], iv["high"], n)
            if (lo > 0 or hi < 0) and k >= 2}


def plot_actor_network(stance: pd.DataFrame, level: str = "country", min_sentences: int = 1, labels: dict | None = None,
                       seed: int = 0, *, top_k: int | None = 5, max_edges: int | None = 150,
                       width: float | None = None, height: float | None = None,
                       fontsize: float = 10, title: str | None = None, intervals: pd.DataFrame | None = None):
    """Signed actor network: edge colour = net stance (blue cooperation, red conflict), edge
    width = number of sentences, node size = number of sentences the actor takes part in.
    With ``intervals`` (pairs ``a``, ``b`` with the ``low`` / ``high`` bounds of their net
    stance and ``n_related``, e.g. :func:`arnews.correct.pair_net_stance`), an edge is dashed
    unless its interval excludes 0 and rests on two or more sentences: its sign is not
    established (country level).

    ``level`` is ``"country"`` (source_country/target_country) or ``"person"`` (source/target);
    ``labels`` maps ids to display names (e.g. Arabic labels from the gazetteer). Each actor
    keeps its ``top_k`` dyads with most sentences and, beyond ``max_edges``, only its
    busiest one plus the busiest others (``None`` disables either filter; the title says
    how many were hidden); up to 16 actors sit on a circle, more are laid out by Kamada–Kawai, and
    nodes are moved apart until no two labels overlap.

    >>> fig = plot_actor_network(ann.stance, top_k=3)   # doctest: +SKIP
    """
    import matplotlib as mpl
    import networkx as nx

    from ._network import initial_layout, network_size, place_labels, top_k_edges

    e = _edge_table(stance, level, min_sentences)
    if not len(e):
        return message_figure(f"No dyads: no pair of different actors shares at least {min_sentences} stance sentence(s).",
                              title=title)
    kept, hidden = top_k_edges(list(zip(e["a"], e["b"], e["n"], e["net"])), top_k, max_edges)
    G = nx.Graph()
    G.add_nodes_from(pd.unique(pd.concat([e["a"], e["b"]])))
    for a, b, n, net in kept:
        G.add_edge(a, b, n=int(n), net=float(net))
    deg = {v: float(e.loc[(e["a"] == v) | (e["b"] == v), "n"].sum()) for v in G.nodes}
    order = sorted(G.nodes, key=lambda n_: -deg[n_])
    fig, ax = new_figure(*network_size(len(order), width, height, base=(8.0, 7.0)))
    if len(order) <= 16:  # a circle keeps every edge visible; the busiest actors first
        pos0 = {v: (xy + 1) / 2 for v, xy in nx.circular_layout(order).items()}
    else:
        pos0 = initial_layout(G, seed)
    dmax = max(deg.values())
    sizes = {v: 120 + (1200 if len(order) <= 16 else 500) * deg[v] / dmax for v in order}
    names = {v: (labels or {}).get(v, v) for v in order}
    cmap = mpl.colormaps["RdBu"]
    norm = mpl.colors.Normalize(-1, 1)
    cb = fig.colorbar(mpl.cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.6, pad=0.01)  # before placing: it takes room
    cb.set_label("net stance (conflict −1 … +1 cooperation)")
    cap = f", at most {max_edges} in all" if max_edges and len(kept) >= max_edges else ""
    note = (f"{len(kept)} of {len(e)} dyads shown (most sentences: each actor's top {top_k}"
            f"{cap}); {hidden} hidden" if hidden else None)
    sure = _sign_sure(intervals)
    unsure = {(u, v) for u, v in G.edges if (u, v) not in sure and (v, u) not in sure} if intervals is not None else set()
    if intervals is not None:
        dashed = (f"dashed: sign not established, the 95% interval of net stance includes 0 or rests on one "
                  f"sentence ({len(unsure)} of {G.number_of_edges()} edges)")
        note = f"{note}; {dashed}" if note else dashed
    ax.set_title(with_note(title or f"Signed actor network ({level} level; width = sentences)", note))
    placed = place_labels(fig, ax, pos0, names, {v: np.sqrt(s) * fig.dpi / 72 for v, s in sizes.items()}, fontsize=fontsize)
    pos = placed.pos
    nmax = max(d["n"] for *_, d in G.edges(data=True))
    for u, v, d in G.edges(data=True):
        ax.plot([pos[u][0], pos[v][0]], [pos[u][1], pos[v][1]], color=cmap(norm(d["net"])),
                lw=1 + 7 * d["n"] / nmax, alpha=0.85, solid_capstyle="round", zorder=1,
                linestyle="--" if (u, v) in unsure else "-")
    ax.scatter([pos[v][0] for v in order], [pos[v][1] for v in order], s=[sizes[v] for v in order],
               color="#f7f7f7", edgecolor="#333", zorder=2)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    return fig


def plot_pair_over_time(headline: pd.DataFrame, pair_label: str | None = None, *, articles: pd.DataFrame | None = None,
                        labels: dict | None = None, max_labels: int = 12, max_points: int = 150):
    """A pair's stance per article over time (from :func:`arnews.stance.pair_headline`):
    points sized by the number of sentences, on a time axis; the line joins only dated
    articles in date order. Undated articles are left out (the title says how many); when
    no article is dated the figure is one sentence saying so and how to add dates. Points
    carry short article labels (``labels``, or built from ``articles`` / the headline's
    title and date columns): the ``max_labels`` points with most sentences × |score|,
    less any label that would overlap one already placed. More than ``max_points`` dated
    articles are drawn as one point per month instead (the sentence-weighted mean of its
    articles, sized by their number), and the title says so."""
    from ..labels import article_labels

    h = headline.dropna(subset=["score"]).copy()
    pair = pair_label or (str(headline["pair"].iloc[0]) if "pair" in headline.columns and len(headline) else "pair")
    if not len(h):
        return message_figure(f"No stance for {pair} in any article.")
    h["when"] = pd.to_datetime(h["date"], errors="coerce") if "date" in h.columns else pd.NaT
    n_undated = int(h["when"].isna().sum())
    h = h.dropna(subset=["when"]).sort_values(["when", "article_id"])
    if not len(h):
        return message_figure(none_dated(f"{pair}: {n_undated} article(s) with a stance"))
    if len(h) > max_points:
        return _pair_by_month(h, pair, n_undated)
    if labels is None:
        src = articles if articles is not None else headline
        labels = article_labels(src) if "article_id" in src.columns else {}
    fig, ax = new_figure(9, 4.8)
    colors = [STANCE_COLORS["cooperation"] if v > 0 else STANCE_COLORS["conflict"] if v < 0 else STANCE_COLORS["neutral"] for v in h["score"]]
    ax.axhline(0, color="#888", lw=0.8)
    ax.plot(h["when"], h["score"], color="#555", lw=1, zorder=1)
    ax.scatter(h["when"], h["score"], s=40 + 25 * h["n_sentences"].clip(upper=20), c=colors, edgecolor="#222", zorder=2)
    big_first = h.assign(_w=h["n_sentences"] * h["score"].abs()).sort_values("_w", ascending=False, kind="stable").head(max_labels)
    notes = [ax.annotate(str(labels.get(aid, aid)), (xi, yi), textcoords="offset points", xytext=(0, 10), ha="center",
                         fontsize=7, annotation_clip=False)
             for xi, yi, aid in zip(big_first["when"], big_first["score"], big_first["article_id"])]
    ax.set_ylim(-1.2, 1.35)  # room for the labels above points at +1
    ax.set_yticks([-1, -0.5, 0, 0.5, 1])
    ax.set_ylabel("mean stance (−1 conflict … +1 cooperation)")
    note = f"{n_undated} undated article(s) left out" if n_undated else None
    ax.set_title(with_note(f"{pair} stance per article over time (size = sentences)", note))
    fig.autofmt_xdate()
    drop_overlapping(fig, notes)  # the strongest articles keep their label
    return fig


def _pair_by_month(h: pd.DataFrame, pair: str, n_undated: int):
    """The pair's stance per month: the sentence-weighted mean score of the month's articles."""
    w = h["n_sentences"].clip(lower=1)
    g = (h.assign(_sw=h["score"] * w, _w=w, month=h["when"].dt.to_period("M").dt.start_time)
         .groupby("month").agg(sw=("_sw", "sum"), w=("_w", "sum"), n=("article_id", "size")))
    score = g["sw"] / g["w"]
    fig, ax = new_figure(9, 4.8)
    colors = [STANCE_COLORS["cooperation"] if v > 0 else STANCE_COLORS["conflict"] if v < 0 else STANCE_COLORS["neutral"] for v in score]
    ax.axhline(0, color="#888", lw=0.8)
    ax.plot(g.index, score, color="#555", lw=1, zorder=1)
    ax.scatter(g.index, score, s=20 + 80 * g["n"] / g["n"].max(), c=colors, edgecolor="#222", zorder=2)
    ax.set_ylim(-1.05, 1.05)
    ax.set_yticks([-1, -0.5, 0, 0.5, 1])
    ax.set_ylabel("mean stance (−1 conflict … +1 cooperation)")
    note = f"{len(h):,} articles by month (size = articles)" + (f"; {n_undated} undated left out" if n_undated else "")
    ax.set_title(with_note(f"{pair} stance per month", note))
    fig.autofmt_xdate()
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


def readme_network_path():
    """Where the README's figure lives: ``docs/img/sample_stance_network.png``."""
    from ..resources import data_dir

    return data_dir().parent / "docs" / "img" / "sample_stance_network.png"


def write_readme_network(path=None, dpi: int = 110, stance: pd.DataFrame | None = None):
    """Draw the README's figure: the signed stance network of the sample corpus
    (``data/articles``, annotated unless its ``stance`` table is given) as ``03_stance``
    draws it; returns the path written. ``make readme-figure`` runs it; a test checks the
    committed image is still what it draws.

    >>> write_readme_network()   # doctest: +SKIP
    PosixPath('.../docs/img/sample_stance_network.png')
    """
    import matplotlib.pyplot as plt

    from ..corpus import load_corpus
    from ..pipeline import annotate
    from ..resources import data_dir
    from ._style import save

    if stance is None:
        stance = annotate(load_corpus(data_dir() / "articles")).stance
    fig = plot_actor_network(stance, level="country")
    written = save(fig, path or readme_network_path(), formats=("png",), dpi=dpi)[0]
    plt.close(fig)
    return written
