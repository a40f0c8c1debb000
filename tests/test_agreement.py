"""Agreement of the blind second labellings (arnews.evaluation.agreement)."""
from __future__ import annotations

import pandas as pd
import pytest

from arnews.evaluation import EVALUATIONS
from arnews.evaluation.agreement import read_second_labels, stance_agreement


def _rows(labels, dyads, article="a"):
    return pd.DataFrame({"article_id": article, "sentence_id": range(len(labels)), "label": labels, "dyads": dyads})


def test_pairs_are_compared_without_order_and_labels_only_on_pairs_both_found():
    first = _rows(["conflict", "cooperation", "neutral"], ["RUS~UKR:conflict", "CHN~RUS:cooperation|CHN~IND:neutral", ""])
    second = _rows(["conflict", "conflict", "neutral"], ["UKR>RUS:conflict", "CHN~RUS:conflict", "EU~USA:neutral"])
    a = stance_agreement(first, second)
    assert (a.pairs_first, a.pairs_second, a.pairs_both) == (3, 3, 2)
    assert a.pair_f1 == pytest.approx(4 / 6)
    assert a.label_agreement == pytest.approx(0.5)  # RUS~UKR agrees, CHN~RUS does not
    assert a.tone_agreement == pytest.approx(2 / 3)
    assert a.tone_kappa < a.tone_agreement  # kappa discounts chance agreement


def test_only_the_second_labelling_s_sentences_are_compared():
    first = _rows(["conflict", "cooperation"], ["RUS~UKR:conflict", "CHN~RUS:cooperation"])
    second = _rows(["conflict"], ["RUS~UKR:conflict"])
    a = stance_agreement(first, second)
    assert (a.n_sentences, a.pairs_first, a.pair_f1) == (1, 1, 1.0)
    assert a.tone_kappa != a.tone_kappa  # undefined with a single tone: NaN, not 0 or 1


def test_a_second_label_without_a_first_one_is_named():
    with pytest.raises(ValueError, match="b/0"):
        stance_agreement(_rows(["neutral"], [""]), _rows(["neutral"], [""], article="b"))


def test_second_labels_must_cover_exactly_what_the_annotator_was_shown(tmp_path):
    pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1], "text": ["x", "y"]}).to_csv(tmp_path / "to_label.csv", index=False)
    _rows(["neutral"], [""]).to_csv(tmp_path / "second_labels.csv", index=False)
    with pytest.raises(ValueError, match="second_labels.csv.*1 missing"):
        read_second_labels(tmp_path)
    _rows(["neutral", "conflict"], ["", "RUS~UKR:conflict"]).to_csv(tmp_path / "second_labels.csv", index=False)
    assert len(read_second_labels(tmp_path)) == 2


def test_the_shipped_labellings_are_printed_by_evaluate_agreement():
    import importlib

    text = importlib.import_module(EVALUATIONS["agreement"]).evaluation_report()
    assert "357 sentences" in text and "305 sentences" in text and "Cohen's kappa" in text
    assert "62 quotes" in text and "379 tokens" in text
