"""arnews.stance_summary: the stance notebook's tables, equal to arnews.stance's and empty-safe."""
from __future__ import annotations

import pandas as pd
from pandas.testing import assert_frame_equal

from arnews import stance
from arnews import stance_summary as summ


def test_same_figures_as_stance_module(sample_annotations):
    ann = sample_annotations
    st, cues, quotes = ann.stance, ann.stance_cues, ann.quotes
    assert_frame_equal(summ.quote_stance(cues, quotes, batch=2), stance.quote_stance(cues, quotes), check_dtype=False)
    assert_frame_equal(summ.pair_edges_from_dyads(stance.country_dyads(st)), summ.pair_edges(stance.pair_stance(st)), check_dtype=False)
    h1 = stance.pair_headline(st, ann.sentences, ann.articles, pair=("RUS", "CHN"))
    h2 = stance.pair_headline(summ.pair_rows(st, ("CHN", "RUS")), ann.sentences, ann.articles, pair=("RUS", "CHN"))
    assert_frame_equal(h1, h2)


def test_a_corpus_without_stance_gives_empty_tables_not_errors():
    empty = pd.DataFrame(columns=["article_id", "sentence_id", "label", "score"])
    assert summ.stance_shares(empty) == {"cooperation": 0.0, "neutral": 0.0, "conflict": 0.0}
    assert summ.most_conflictual_article(empty) is None
    assert summ.article_label_counts(empty).empty and summ.strongest_sentences(empty, "conflict", 3).empty
    assert summ.pair_edges_from_dyads(stance.country_dyads(None)).empty
    assert summ.speaker_summary(None).empty


def test_strongest_and_counts():
    ss = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "sentence_id": [0, 1, 0, 1],
                       "label": ["conflict", "conflict", "cooperation", "neutral"], "score": [-0.4, -0.9, 0.5, 0.0]})
    assert summ.strongest_sentences(ss, "conflict", 1)[["article_id", "sentence_id"]].values.tolist() == [["a", 1]]
    counts = summ.article_label_counts(ss)
    assert counts["article_id"].tolist() == ["a", "b"] and counts["conflict"].tolist() == [2, 0]
