"""Corrected aggregates (arnews.correct): the done-when test of issue 16 and the pieces under it."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from arnews import correct, validate

TRUE_SHARES = {"A": {"cooperation": 0.30, "conflict": 0.20, "neutral": 0.50},
               "B": {"cooperation": 0.20, "conflict": 0.45, "neutral": 0.35}}
# The biased classifier: P(predicted | true). It turns 30% of conflict into neutral.
CONFUSION = {"cooperation": {"cooperation": 0.85, "conflict": 0.02, "neutral": 0.13},
             "conflict": {"cooperation": 0.02, "conflict": 0.68, "neutral": 0.30},
             "neutral": {"cooperation": 0.06, "conflict": 0.04, "neutral": 0.90}}


def synthetic_corpus(n_articles: int = 240, per_article: int = 20, seed: int = 7) -> pd.DataFrame:
    """Sentences of two outlets with known true tones and a biased classifier's predictions."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n_articles):
        outlet = "A" if i % 2 else "B"
        shares = TRUE_SHARES[outlet]
        truth = rng.choice(list(shares), size=per_article, p=list(shares.values()))
        for s, t in enumerate(truth):
            pred = rng.choice(list(CONFUSION[t]), p=list(CONFUSION[t].values()))
            rows.append((f"art{i:03d}", s, f"جملة {i} {s}", t, pred, outlet, f"2024-{1 + i % 6:02d}-15"))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "text", "truth", "label", "outlet", "date"])


def test_corrected_share_recovers_the_true_share_where_the_raw_count_does_not(tmp_path):
    corpus = synthetic_corpus()
    true = corpus.groupby("outlet")["truth"].value_counts(normalize=True)
    # 1. a random sample to label, written to a labels file the way `arnews label` does
    labels = tmp_path / "labels.csv"
    rows = validate.sample_for_labelling({"sentences": corpus}, None, 400, seed=3)
    validate.update_label_file(labels, rows)
    # 2. label it programmatically from the known answers
    truth = dict(zip(zip(corpus["article_id"], corpus["sentence_id"].astype(str)), corpus["truth"]))
    df = pd.read_csv(labels, dtype=str, keep_default_na=False)
    df["label"] = [truth[k] for k in zip(df["article_id"], df["sentence_id"])]
    df.to_csv(labels, index=False)
    user = validate.read_user_labels(labels)
    assert len(user) == 400 and validate.sample_note(user) == validate.RANDOM_NOTE
    # 3. the classifier's output joined with the labels, then the corrected shares per outlet
    pred = validate.Predictions(pd.DataFrame(columns=["article_id", "sentence_id", "a", "b", "label"]),
                                corpus[["article_id", "sentence_id", "label"]], "biased")
    _, labelled = validate.with_gold(pred, user)
    table = correct.corrected_shares(corpus, labelled, by="outlet", n_boot=400, seed=0)
    conflict = table[table["category"] == "conflict"].set_index("outlet")
    for outlet in ("A", "B"):
        t, r = true[(outlet, "conflict")], conflict.loc[outlet]
        assert r["low"] <= t <= r["high"], (outlet, t, r.to_dict())  # corrected: the truth is inside
        assert not (r["raw_low"] <= t <= r["raw_high"]), (outlet, t, r.to_dict())  # raw: it is not
        assert abs(r["corrected"] - t) < abs(r["raw"] - t) / 2
        assert r["n_labelled"] == 400
    # shares stay valid
    for _, g in table.groupby("outlet"):
        assert g["corrected"].sum() == pytest.approx(1) and (g["corrected"] >= 0).all()


def test_adjust_shares_inverts_the_confusion_and_stays_on_the_simplex():
    M = np.array([[0.7, 0.3], [0.1, 0.9]])
    p = np.array([0.25, 0.75])
    assert correct.adjust_shares(p @ M, M)[0] == pytest.approx(p)
    # predicted shares the confusion cannot produce: the inverse would be negative, the estimate is not
    out = correct.adjust_shares(np.array([[0.05, 0.95]]), M)[0]
    assert out == pytest.approx([0.0, 1.0])
    # three classes, many groups at once
    M3 = np.array([[0.8, 0.1, 0.1], [0.05, 0.65, 0.3], [0.05, 0.05, 0.9]])
    P = np.array([[0.2, 0.3, 0.5], [0.6, 0.1, 0.3], [0.0, 0.0, 1.0]])
    assert correct.adjust_shares(P @ M3, M3) == pytest.approx(P, abs=1e-9)


def test_misclassification_rows_and_unseen_classes():
    M = correct.misclassification(["conflict", "conflict", "neutral"], ["neutral", "conflict", "neutral"], correct.TONES)
    assert M.tolist() == [[1, 0, 0], [0, 0.5, 0.5], [0, 0, 1]]  # cooperation never labelled: identity row


def test_without_labels_corrected_equals_raw_with_sampling_intervals():
    corpus = synthetic_corpus(n_articles=20)
    t = correct.corrected_shares(corpus, None, by="outlet", n_boot=200)
    assert np.allclose(t["raw"], t["corrected"])
    assert (t["raw_low"] <= t["raw"]).all() and (t["raw"] <= t["raw_high"]).all() and (t["n_labelled"] == 0).all()
    assert (t["raw_high"] - t["raw_low"] > 0).all()


def test_pair_net_stance_corrects_conflict_read_as_no_relation():
    rng = np.random.default_rng(1)
    rows, lab = [], []
    for i in range(300):  # RUS~UKR: truly 80% conflict, 20% cooperation; the classifier misses half the conflict
        truth = "conflict" if rng.random() < 0.8 else "cooperation"
        pred = "none" if truth == "conflict" and rng.random() < 0.5 else truth
        rows.append((f"a{i % 60}", i, "RUS", "UKR", pred))
        if i % 3 == 0:
            lab.append((f"a{i % 60}", pred, truth))
    pairs = pd.DataFrame(rows, columns=["article_id", "sentence_id", "a", "b", "label"])
    labelled = pd.DataFrame(lab, columns=["article_id", "label", "gold"])
    t = correct.pair_net_stance(pairs, labelled, n_boot=200).iloc[0]
    true_net = 0.2 - 0.8
    assert t["raw"] > -0.5  # the raw net stance understates the conflict
    assert t["low"] <= true_net <= t["high"] and abs(t["corrected"] - true_net) < 0.1


def test_stance_estimates_by_article_outlet_period():
    corpus = synthetic_corpus(n_articles=12)
    arts = corpus.drop_duplicates("article_id")[["article_id", "outlet", "date"]]
    pairs = pd.DataFrame({"article_id": ["art000"] * 3, "sentence_id": [0, 1, 2], "a": "CHN", "b": "RUS",
                          "label": ["cooperation", "none", "conflict"]})
    est = correct.stance_estimates(corpus[["article_id", "sentence_id", "label"]], pairs, arts, n_boot=50)
    assert set(est.by_outlet["outlet"]) == {"A", "B"}
    assert est.by_period["period"].str.match(r"2024-0\d").all()
    assert est.by_article["article_id"].nunique() == 12 and len(est.overall) == 3
    assert est.pairs.iloc[0][["a", "b", "n_related"]].tolist() == ["CHN", "RUS", 2]


def test_pair_net_stance_per_article_for_one_pair_over_time():
    pairs = pd.DataFrame({"article_id": ["x"] * 4 + ["y"] * 3, "sentence_id": range(7), "a": "CHN", "b": "RUS",
                          "label": ["cooperation", "cooperation", "conflict", "none", "conflict", "conflict", "none"]})
    t = correct.pair_net_stance(pairs, by="article_id", n_boot=100)
    assert t[["article_id", "n_related"]].values.tolist() == [["x", 3], ["y", 2]]
    assert t["raw"].round(3).tolist() == [0.333, -1.0] and (t["raw_low"] <= t["raw"]).all()
    assert t["corrected"].round(3).tolist() == [0.333, -1.0]  # no labels: no correction


def test_correction_warnings_flag_few_labels_and_inseparable_classes():
    corpus = synthetic_corpus(n_articles=40)
    good = corpus.sample(400, random_state=0).rename(columns={"truth": "gold"})
    assert correct.correction_warnings(good) == []
    # conflict and neutral predicted alike: the real-data case of five labelled conflict sentences
    bad = pd.DataFrame({"gold": ["conflict"] * 5 + ["neutral"] * 19 + ["cooperation"] * 34,
                        "label": ["conflict", "cooperation", "neutral", "neutral", "neutral"] + ["conflict"] * 4
                        + ["cooperation"] * 3 + ["neutral"] * 12 + ["cooperation"] * 33 + ["conflict"]})
    w = correct.correction_warnings(bad)
    assert any("only 5 labelled conflict" in x for x in w) and any("barely identifiable" in x for x in w)
    assert correct.correction_warnings(None) == []


def test_one_pair_over_articles_in_date_order_then_by_month():
    arts = pd.DataFrame({"article_id": ["x", "y", "z", "u"], "title": ["قمة", "خلاف", "زيارة", "بلا تاريخ"],
                         "date": ["2024-03-01", "2024-01-05", "2024-02-10", None]})
    pairs = pd.DataFrame({"article_id": ["x"] * 4 + ["y", "z", "z", "u", "u"], "sentence_id": range(9),
                          "a": "CHN", "b": ["RUS"] * 8 + ["USA"],
                          "label": ["cooperation", "conflict", "none", "none", "conflict", "cooperation", "none",
                                    "conflict", "conflict"]})
    t = correct.one_pair_over(pairs, arts, ["RUS", "CHN"], n_boot=50)
    assert t["article_id"].tolist() == ["y", "z", "x", "u"]  # by date, the undated article last
    assert t["raw"].tolist() == [-1.0, 1.0, 0.0, -1.0] and (t["raw_low"] <= t["raw"]).all()
    assert t["over"].str.contains("خلاف").iloc[0] and t["over"].str.contains("2024-01-05").iloc[0]
    # many articles: one point per month instead, undated left out
    by_month = correct.one_pair_over(pairs, arts, ("CHN", "RUS"), n_boot=50, max_articles=2)
    assert by_month["over"].tolist() == ["2024-01", "2024-02", "2024-03"]
    assert by_month["n_related"].tolist() == [1, 1, 2]
    # with labels: corrected for the measured errors (half the conflict read as no relation)
    lab = pd.DataFrame({"article_id": [f"l{i}" for i in range(40)], "label": ["none", "conflict"] * 10 + ["cooperation"] * 20,
                        "gold": ["conflict"] * 20 + ["cooperation"] * 20})
    c = correct.one_pair_over(pairs, arts, ("CHN", "RUS"), lab, n_boot=50).set_index("article_id")
    assert c.loc["x", "raw"] == 0 and c.loc["x", "corrected"] == pytest.approx(-1 / 3)  # the 'none' hide conflict
    assert (c["n_labelled"] == 40).all()
