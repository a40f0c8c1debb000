"""Co-occurrence of actors and terms: one namespace for the verbs of the co-occurrence notebook.

Each job lives in its own module; this one gathers their public names so that
``from arnews import cooc`` gives them all (as quanteda's ``fcm``/``textstat_*`` family does):

========================  ===============================================================
:mod:`arnews.occurrences`  occurrence tables (actors, countries, terms), gazetteer, paragraphs
:mod:`arnews.association`  association measures of a 2×2 table (PMI, NPMI, log Dice, G²)
:mod:`arnews.cooccurrence` the co-occurrence matrix by sentence, paragraph, article or window
:mod:`arnews.collocates`   words near a target (actor or term)
:mod:`arnews.pair_context` evidence sentences and context words of a pair
:mod:`arnews.graphs`       networkx graphs of pairs and their export
========================  ===============================================================

The contingency tables and measures are explained in :mod:`arnews.cooccurrence`.

>>> import pandas as pd
>>> occ = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 0, 0],
...                     "start": [0, 5, 0], "end": [0, 5, 0], "feature": ["PUTIN", "XI", "XI"]})
>>> cooccurrence(occ, context="sentence", n_units=2).pairs()[["a", "b", "count"]].values.tolist()
[['PUTIN', 'XI', 1]]
"""
from __future__ import annotations

from .association import MEASURES, association
from .collocates import CollocateCounts, collocate_counts, collocates, resolve_target, score_collocates
from .cooccurrence import CONTEXTS, CoocMatrix, actor_cooccurrence, cooccurrence, cooccurrence_by_period
from .graphs import cooc_graph, export_graph
from .occurrences import (
    actor_labels,
    actor_occurrences,
    articles_periods,
    default_stopwords,
    load_gazetteer,
    paragraph_ids,
    require_columns,
    term_occurrences,
)
from .pair_context import (
    label_pairs,
    pair_context_counts,
    pair_context_terms,
    pair_examples,
    pair_hits,
    pair_units,
    pairs_with_examples,
    score_context_terms,
)

__all__ = [
    "CONTEXTS",
    "MEASURES",
    "CoocMatrix",
    "association",
    "paragraph_ids",
    "load_gazetteer",
    "actor_labels",
    "actor_occurrences",
    "articles_periods",
    "require_columns",
    "term_occurrences",
    "default_stopwords",
    "cooccurrence",
    "cooccurrence_by_period",
    "actor_cooccurrence",
    "collocates",
    "collocate_counts",
    "score_collocates",
    "CollocateCounts",
    "resolve_target",
    "pair_units",
    "pair_examples",
    "pairs_with_examples",
    "label_pairs",
    "pair_context_terms",
    "pair_hits",
    "pair_context_counts",
    "score_context_terms",
    "cooc_graph",
    "export_graph",
]
