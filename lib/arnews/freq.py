"""Word frequencies, keyness, trends, dispersion and concordances: one namespace for the
verbs of the frequency notebook.

Each job lives in its own module; this one gathers their public names so that
``from arnews import freq`` gives them all (quanteda's ``textstat_frequency``,
``textstat_keyness``, ``kwic``, ``textplot_xray``; Voyant's Terms, Trends and Contexts):

=========================  ============================================================
:mod:`arnews.frequency`    frequency tables and vocabularies (forms, sizes, stopwords)
:mod:`arnews.keyness`      keyness against a reference, per group, against general Arabic
:mod:`arnews.concordance`  finding terms, KWIC, dispersion, words after a keyword
:mod:`arnews.trends`       trends of terms and actors over periods, the most named actors
=========================  ============================================================

>>> import pandas as pd
>>> from arnews.text import sentences_table, tokens_table
>>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["زار بوتين الصين. وقال إن الصين شريك."]})
>>> toks = tokens_table(sentences_table(arts))
>>> frequency_table(toks, stopwords=False).head(1)[["term", "count"]].values.tolist()
[['الصين', 2]]
"""
from __future__ import annotations

from .concordance import dispersion, find_term, kwic, mention_forms, next_words
from .frequency import FORMS, PERIOD_NAMES, frequency_table, group_labels, vocabulary
from .keyness import (
    KEYNESS_COLUMNS,
    general_frequencies,
    keyness,
    keyness_general,
    keyness_general_counts,
    keyness_groups,
    keyness_table,
)
from .trends import actor_trends, term_trends, top_actors, trend_frame

__all__ = [
    "FORMS",
    "PERIOD_NAMES",
    "KEYNESS_COLUMNS",
    "frequency_table",
    "vocabulary",
    "keyness_table",
    "keyness",
    "keyness_groups",
    "general_frequencies",
    "keyness_general",
    "keyness_general_counts",
    "term_trends",
    "actor_trends",
    "trend_frame",
    "dispersion",
    "find_term",
    "kwic",
    "top_actors",
    "group_labels",
    "mention_forms",
    "next_words",
]
