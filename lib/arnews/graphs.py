"""Co-occurrence networks: a networkx graph from a pair table, and its export (GraphML, GEXF, JSON)."""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from .association import MEASURES
from .cooccurrence import CoocMatrix
from .occurrences import actor_labels, load_gazetteer, require_columns

# ---------------------------------------------------------------------------
# Network
# ---------------------------------------------------------------------------


def cooc_graph(
    cooc: CoocMatrix | pd.DataFrame,
    *,
    weight: str = "npmi",
    min_count: int = 2,
    top_k: int | None = None,
    min_weight: float | None = None,
    max_p: float | None = None,
    nodes: pd.DataFrame | None = None,
    gazetteer: pd.DataFrame | None = None,
    level: str = "actor",
):
    """A networkx graph of co-occurring features, filtered.

    Edges: pairs with ``count >= min_count`` (and ``weight >= min_weight``, ``p_value <=
    max_p`` when given); with ``top_k``, an edge is kept if it is among the ``top_k``
    strongest (by ``weight``) edges of either endpoint. Edge attributes: count, pmi, npmi,
    log_dice, g2, p_value and ``weight``. Node attributes: occurrences, freq and, from
    the gazetteer (if available), label_ar, label_en, type, country. Nodes left without
    edges are dropped.

    >>> from arnews.cooccurrence import cooccurrence
    >>> occ = pd.DataFrame({"article_id": ["a"] * 4, "sentence_id": [0, 0, 1, 1],
    ...                     "start": [0, 1, 5, 6], "end": [0, 1, 5, 6],
    ...                     "feature": ["X", "Y", "X", "Y"]})
    >>> g = cooc_graph(cooccurrence(occ, n_units=3), gazetteer=False)
    >>> list(g.edges(data="count"))
    [('X', 'Y', 2)]
    """
    import networkx as nx

    if isinstance(cooc, CoocMatrix):
        pairs = cooc.pairs(min_count=min_count)
        node_df = cooc.nodes() if nodes is None else nodes
    else:
        require_columns(cooc, ["a", "b", "count"], "pairs")
        pairs = cooc[cooc["count"] >= min_count]
        node_df = nodes
    if weight not in pairs.columns:
        raise ValueError(f"weight must be a pairs column such as {MEASURES}, not {weight!r}")
    if min_weight is not None:
        pairs = pairs[pairs[weight] >= min_weight]
    if max_p is not None:
        pairs = pairs[pairs["p_value"] <= max_p]
    if top_k is not None:
        long = pd.concat(
            [pairs.assign(_node=pairs["a"], _i=np.arange(len(pairs))), pairs.assign(_node=pairs["b"], _i=np.arange(len(pairs)))]
        )
        long = long.sort_values([weight, "count"], ascending=False, kind="stable")
        kept = long.groupby("_node", sort=False).head(top_k)["_i"].unique()
        pairs = pairs.iloc[np.sort(kept)]
    g = nx.Graph(weight=weight, min_count=min_count)
    attrs = [c for c in ["count", "pmi", "npmi", "log_dice", "g2", "p_value"] if c in pairs.columns]
    for row in pairs.itertuples(index=False):
        d = {c: _py(getattr(row, c)) for c in attrs}
        d["weight"] = _py(getattr(row, weight))
        g.add_edge(row.a, row.b, **d)
    if node_df is not None:
        for r in node_df.itertuples(index=False):
            if r.feature in g:
                g.nodes[r.feature].update({k: _py(v) for k, v in r._asdict().items() if k != "feature"})
    if gazetteer is not False:
        try:
            gz = load_gazetteer() if gazetteer is None else gazetteer
        except FileNotFoundError:
            gz = None
        if gz is not None:
            lab_ar, lab_en = actor_labels(gz, level, "ar"), actor_labels(gz, level, "en")
            info = gz.set_index("actor_id")
            for v in g.nodes:
                g.nodes[v]["label_ar"] = lab_ar.get(v, str(v))
                g.nodes[v]["label_en"] = lab_en.get(v, str(v))
                if level != "country" and v in info.index:
                    g.nodes[v]["type"] = str(info.loc[v, "type"])
                    g.nodes[v]["country"] = str(info.loc[v, "country"])
    return g


def _py(v):
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    return v


def export_graph(graph, path: str | os.PathLike) -> Path:
    """Write a graph for Gephi: ``.graphml`` or ``.gexf`` (chosen by the file extension).

    Infinite or missing values (GraphML/GEXF have no NaN) are left out of that node's or
    edge's attributes rather than written as a misleading number.

    >>> export_graph(cooc_graph(m, min_count=2, top_k=5), "out/actors.gexf")   # doctest: +SKIP
    """
    import networkx as nx

    p = Path(path)
    g = graph.copy()
    for _, d in g.nodes(data=True):
        for k in [k for k, v in d.items() if isinstance(v, float) and not np.isfinite(v)]:
            del d[k]
    for _, _, d in g.edges(data=True):
        for k in [k for k, v in d.items() if isinstance(v, float) and not np.isfinite(v)]:
            del d[k]
    g.graph = {k: v for k, v in g.graph.items() if isinstance(v, (str, int, float))}
    if p.suffix.lower() == ".graphml":
        nx.write_graphml(g, p)
    elif p.suffix.lower() == ".gexf":
        nx.write_gexf(g, p)
    else:
        raise ValueError(f"{p}: export_graph writes .graphml or .gexf files, not {p.suffix!r}")
    return p
