"""Network drawing shared by the co-occurrence and signed stance networks.

Readable at 60+ nodes: a top-k edge filter (each node keeps its ``k`` strongest edges, and
the number hidden is stated), a Kamada–Kawai layout per connected component, then an
overlap-removal pass on the label boxes measured by the renderer (label and node disc), so
no two labels or nodes overlap at the exported size.

>>> edges, hidden = top_k_edges([("a", "b", 3.0), ("a", "c", 1.0), ("b", "c", 2.0)], k=1)
>>> edges, hidden
([('a', 'b', 3.0), ('b', 'c', 2.0)], 1)
>>> top_k_edges([("a", "b", 3.0), ("a", "c", 1.0), ("b", "c", 2.0)], k=None, max_edges=1)[1]
1
"""
from __future__ import annotations

from typing import NamedTuple, Sequence

import numpy as np

__all__ = ["top_k_edges", "initial_layout", "remove_overlaps", "place_labels", "text_overlaps", "network_size"]


def top_k_edges(edges: Sequence[tuple], k: int | None, max_edges: int | None = None) -> tuple[list[tuple], int]:
    """Keep an edge ``(u, v, weight, …)`` if it is among the ``k`` heaviest of either
    endpoint (ties: input order); then, beyond ``max_edges``, only each node's heaviest
    edge and the heaviest others up to ``max_edges``. Returns the kept edges (input order)
    and how many were hidden."""
    edges = list(edges)
    order = sorted(range(len(edges)), key=lambda i: -float(edges[i][2]))
    keep = set(range(len(edges)))
    if k is not None and k > 0:
        keep = _top_per_node(edges, order, k)
    if max_edges is not None and len(keep) > max_edges:
        first = _top_per_node(edges, order, 1)
        rest = [i for i in order if i in keep and i not in first]
        keep = first | set(rest[: max(0, max_edges - len(first))])
    kept = [e for i, e in enumerate(edges) if i in keep]
    return kept, len(edges) - len(kept)


def _top_per_node(edges: list[tuple], order: list[int], k: int) -> set[int]:
    taken: dict = {}
    keep = set()
    for i in order:
        u, v = edges[i][0], edges[i][1]
        if taken.get(u, 0) < k or taken.get(v, 0) < k:
            keep.add(i)
        taken[u] = taken.get(u, 0) + 1
        taken[v] = taken.get(v, 0) + 1
    return keep


def network_size(n_nodes: int, width: float | None, height: float | None, base=(9.0, 7.0)) -> tuple[float, float]:
    """Figure size in inches: the caller's, or one that grows with the number of nodes."""
    grow = max(1.0, np.sqrt(n_nodes / 25))
    w = width if width is not None else min(base[0] * grow, 20)
    h = height if height is not None else min(base[1] * grow, 16)
    return w, h


def initial_layout(graph, seed: int = 0, weight: str | None = None) -> dict:
    """Kamada–Kawai per connected component (spring above 150 nodes); each component
    scaled by its size (its longer side ``sqrt(n / n_largest)``, its shape kept), then
    packed in rows by its actual extent so the whole stays about square: a tall or wide
    component leaves no empty band beside it, and many small components do not squeeze
    the main one into a strip. Positions in [0, 1]²."""
    import networkx as nx

    comps = sorted(nx.connected_components(graph), key=len, reverse=True)
    n_big = max(len(comps[0]), 1)
    laid = []
    for comp in comps:
        xy = _component_layout(graph.subgraph(comp), seed, weight)
        side = np.sqrt(len(comp) / n_big)
        size = np.maximum(np.array(list(xy.values())).max(axis=0), 0.1) * side  # width, height
        laid.append((xy, side, size))
    gap = 0.15
    widths = [size[0] for _, _, size in laid]
    # the second component fits beside the first; the rest fill rows of that width below
    row_width = max(widths[0] + (widths[1] + gap if len(widths) > 1 else 0),
                    1.1 * np.sqrt(sum(float(size.prod()) for _, _, size in laid)))
    pos: dict = {}
    x0 = y0 = row_h = 0.0
    for xy, side, size in laid:
        if x0 > 0 and x0 + size[0] > row_width:  # next row, below
            x0, y0, row_h = 0.0, y0 - row_h - gap, 0.0
        for v, p in xy.items():
            pos[v] = np.array([x0, y0 - size[1]]) + p * side
        x0 += size[0] + gap
        row_h = max(row_h, size[1])
    arr = np.array(list(pos.values()))
    lo, span = arr.min(axis=0), np.maximum(arr.max(axis=0) - arr.min(axis=0), 1e-9)
    return {v: (xy - lo) / span for v, xy in pos.items()}


def _component_layout(sub, seed: int, weight: str | None) -> dict:
    """One connected component in the unit square."""
    import networkx as nx

    n = sub.number_of_nodes()
    if n == 1:
        return {next(iter(sub.nodes)): np.array([0.5, 0.5])}
    p = nx.kamada_kawai_layout(sub, weight=None) if n <= 150 else nx.spring_layout(sub, seed=seed, k=1.5 / np.sqrt(n), weight=weight)
    arr = np.array(list(p.values()), dtype=float)
    arr = arr - arr.min(axis=0)
    arr = arr / max(arr.max(), 1e-9)
    return dict(zip(p, arr))


def remove_overlaps(xy: np.ndarray, wh: np.ndarray, *, iterations: int = 800, seed: int = 0) -> np.ndarray:
    """Move boxes (centres ``xy``, sizes ``wh``, both in axes fractions) apart until none
    overlap, each pair pushed along the axis of its smaller overlap; centres stay inside
    [w/2, 1 - w/2]. Returns the new centres (the boxes may still touch if space runs out)."""
    xy = np.array(xy, dtype=float)
    n = len(xy)
    if n < 2:
        return xy
    rng = np.random.default_rng(seed)
    half = np.asarray(wh, dtype=float) / 2
    lo, hi = half, 1 - half
    xy = np.clip(xy + rng.normal(0, 1e-4, xy.shape), lo, hi)  # no two centres exactly equal
    off_diag = ~np.eye(n, dtype=bool)
    for _ in range(iterations):
        d = xy[:, None, :] - xy[None, :, :]
        need = half[:, None, :] + half[None, :, :]
        ov = need - np.abs(d)
        hit = (ov[..., 0] > 0) & (ov[..., 1] > 0) & off_diag
        if not hit.any():
            break
        rel = ov / need
        along_x = rel[..., 0] < rel[..., 1]
        sign = np.where(d >= 0, 1.0, -1.0)
        step = (ov / 2 + 1e-4) * sign
        move = np.stack([np.where(hit & along_x, step[..., 0], 0).sum(1),
                         np.where(hit & ~along_x, step[..., 1], 0).sum(1)], axis=1)
        xy = np.clip(xy + 0.5 * move, lo, hi)
    return xy


class Placed(NamedTuple):
    """Node centres in axes fractions (axes limits are [0, 1]) and the label artists."""

    pos: dict
    texts: dict


def place_labels(fig, ax, pos: dict, names: dict, node_px: dict, *, fontsize: float = 10, family=None,
                 pad_px: float = 4.0, max_rounds: int = 4) -> Placed:
    """Draw each node's label at its layout position, measure the label boxes with the
    renderer and move nodes apart until no label box (or node disc) overlaps another.
    Grows the figure when the labels need more room than the axes have."""
    nodes = list(pos)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    texts = {v: ax.text(*pos[v], str(names[v]), ha="center", va="center", fontsize=fontsize, zorder=4,
                        family=family, bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.7})
             for v in nodes}
    xy = np.array([pos[v] for v in nodes], dtype=float)
    for _ in range(max_rounds):
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        bb = ax.get_window_extent(r)
        px = np.array([[t.get_window_extent(r).width, t.get_window_extent(r).height] for t in texts.values()])
        disc = np.array([node_px[v] for v in nodes])
        box_px = np.maximum(px + 2 * pad_px, disc[:, None] + pad_px)
        need = (box_px[:, 0] * box_px[:, 1]).sum() / max(bb.width * bb.height, 1)
        if need > 0.3:  # too crowded to untangle: give the axes more room
            f = min(np.sqrt(need / 0.3), 30 / max(fig.get_size_inches()))
            if f > 1.02:
                fig.set_size_inches(fig.get_size_inches() * f)
                continue
        wh = box_px / np.array([bb.width, bb.height])
        xy = margin_fit(xy, wh)
        xy = remove_overlaps(xy, wh)
        for v, p in zip(nodes, xy):
            texts[v].set_position(p)
        fig.canvas.draw()
        if not text_overlaps(fig, list(texts.values())):
            break
    return Placed({v: p for v, p in zip(nodes, xy)}, texts)


def margin_fit(xy: np.ndarray, wh: np.ndarray) -> np.ndarray:
    """Rescale [0, 1] layout positions so each box fits inside the axes."""
    m = wh.max(axis=0) / 2
    return m + np.asarray(xy) * (1 - 2 * m)


def text_overlaps(fig, texts, pad: float = 0.0) -> list[tuple[str, str]]:
    """Pairs of texts whose rendered extents overlap (the check the tests use).

    >>> text_overlaps(fig, fig.axes[0].texts)   # doctest: +SKIP
    []
    """
    r = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(r)) for t in texts if t.get_visible() and t.get_text()]
    out = []
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            a, b = boxes[i][1], boxes[j][1]
            if a.x0 < b.x1 - pad and b.x0 < a.x1 - pad and a.y0 < b.y1 - pad and b.y0 < a.y1 - pad:
                out.append((boxes[i][0], boxes[j][0]))
    return out
