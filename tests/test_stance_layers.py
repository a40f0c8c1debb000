"""Pair layers fitted once and shared between folds (arnews.stance_layers): the same layers, the
same cross-validation, whatever the number of worker processes."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from arnews import stance_train
from arnews.stance_layers import PairLayers, default_jobs, fit_layer, parallel_map
from arnews.stance_model import PAIR_LABELS


@pytest.fixture(scope="module")
def examples():
    rows = stance_train.read_written()
    rows = rows[rows["batch"].isin(["1", "2", "3"])].groupby("batch").head(60).reset_index(drop=True)
    return stance_train.prepare(rows)


def _xy(examples, left_out):
    X, y = [], []
    for e in examples:
        if e.group not in left_out:
            X.extend(e.features)
            y.extend(e.pair_labels)
    return X, y


@pytest.mark.parametrize("left_out", [set(), {"1"}, {"2", "3"}])
def test_a_kept_layer_is_the_layer_fitted_on_the_same_rows(examples, left_out):
    layers = PairLayers(examples, 0.25)
    mine = layers.without(left_out)
    ref = fit_layer(*_xy(examples, left_out), 0.25, PAIR_LABELS)
    assert mine.vocabulary == ref.vocabulary and mine.classes == ref.classes
    np.testing.assert_allclose(mine.coef, ref.coef, atol=1e-8)
    np.testing.assert_allclose(mine.intercept, ref.intercept, atol=1e-8)
    assert layers.without(set(left_out)) is mine  # kept, not fitted again


def test_prefit_in_worker_processes_gives_the_same_layers(examples):
    keys = [frozenset({"1"}), frozenset({"1", "2"}), frozenset()]
    a, b = PairLayers(examples, 0.25), PairLayers(examples, 0.25)
    a.prefit(keys, n_jobs=1)
    b.prefit(keys, n_jobs=2)
    for k in keys:
        assert a.without(k).vocabulary == b.without(k).vocabulary
        np.testing.assert_array_equal(a.without(k).coef, b.without(k).coef)


def test_fit_with_shared_layers_equals_fit_alone(examples):
    train = [e for e in examples if e.group != "3"]
    shared = PairLayers(examples, stance_train.PAIR_C)
    alone, via = stance_train.fit(train), stance_train.fit(train, pair_layers=shared)
    assert alone.meta["none_bias"] == via.meta["none_bias"]
    assert alone.pairs.temperature == pytest.approx(via.pairs.temperature, abs=1e-6)
    assert shared.without({"3"}).temperature == 1.0  # the kept layer is not changed by fit
    views = [e.view for e in examples if e.group == "3"]
    pa, ta = alone.predict_views(views)
    pv, tv = via.predict_views(views)
    pd.testing.assert_frame_equal(pa, pv)
    pd.testing.assert_frame_equal(ta, tv)
    with pytest.raises(ValueError, match="pair_c"):
        stance_train.fit(train, pair_c=1.0, pair_layers=shared)


def test_cross_validation_does_not_depend_on_the_number_of_processes(examples):
    p1, t1 = stance_train.cross_validate(examples, n_jobs=1)
    p2, t2 = stance_train.cross_validate(examples, n_jobs=2)
    pd.testing.assert_frame_equal(p1, p2)
    pd.testing.assert_frame_equal(t1, t2)
    assert set(t1["group"]) == {"1", "2", "3"} and len(t1) == len(examples)


def test_parallel_map_keeps_order_and_jobs_come_from_the_environment(monkeypatch):
    assert parallel_map(str, list(range(7)), n_jobs=3) == [str(i) for i in range(7)]
    monkeypatch.setenv("ARNEWS_JOBS", "3")
    assert default_jobs() == 3
    monkeypatch.setenv("ARNEWS_JOBS", "two")
    with pytest.raises(ValueError, match="ARNEWS_JOBS"):
        default_jobs()
