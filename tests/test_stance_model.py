"""The trained stance pair model: candidates, features, storage, training, evaluation."""
from __future__ import annotations

import gzip
import json

import numpy as np
import pandas as pd
import pytest

from arnews import stance_eval, stance_model, stance_train
from arnews.pipeline import annotate
from arnews.resources import data_path


def _views(text: str, article_id: str = "a"):
    tables = annotate(pd.DataFrame({"article_id": [article_id], "text": [text]}), cache=False).tables
    return tables, list(stance_model.sentence_views(tables))


@pytest.fixture(scope="module")
def written() -> pd.DataFrame:
    return stance_train.read_written()


@pytest.fixture(scope="module")
def small_model(written):
    rows = written[written["batch"].isin(["1", "2"])].reset_index(drop=True)
    return stance_train.fit(stance_train.prepare(rows))


def test_parse_pairs_accepts_v2_and_directed_and_rejects_bad_labels():
    assert stance_train.parse_pairs("USA~CHN:neutral|RUS>UKR:conflict") == {("CHN", "USA"): "neutral", ("RUS", "UKR"): "conflict"}
    with pytest.raises(ValueError, match="label"):
        stance_train.parse_pairs("CHN~RUS:friendly")
    with pytest.raises(ValueError, match="two different codes"):
        stance_train.parse_pairs("CHN~CHN:conflict")


def test_read_written_names_file_and_row_of_a_bad_label(tmp_path):
    p = tmp_path / "mine.csv"
    p.write_text("article_id,sentence_id,text,label,dyads\na,0,نص.,cooperation,\na,1,نص آخر.,hostile,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"mine\.csv: row 3: label 'hostile'"):
        stance_train.read_written(p)


def test_written_corpus_follows_the_format(written):
    assert len(written) >= 2000
    assert written["batch"].nunique() >= 5
    codes = set(pd.read_csv(data_path("actors.csv"))["country"])
    for v in written["dyads"]:
        for a, b in stance_train.parse_pairs(v):
            assert a in codes and b in codes


def test_candidates_are_every_named_pair_plus_context():
    _, views = _views("التقى وزير الخارجية الروسي نظيره الصيني في بكين.\nوأكد الجانبان رفض العقوبات الأمريكية.")
    first, second = views
    assert [(a, b) for a, b, _ in stance_model.pair_contexts(first)] == [("CHN", "RUS")]
    pairs = {(a, b): ctx.implicit for a, b, ctx in stance_model.pair_contexts(second)}
    # USA is named in the second sentence; CHN and RUS come from the first (context candidates)
    assert pairs[("CHN", "USA")].startswith(("context", "pairref", "lexicon"))
    assert pairs[("RUS", "USA")].startswith(("context", "pairref", "lexicon"))


def test_a_dual_reference_pairs_a_third_state_with_both_parties_named_long_before():
    # the two states of "البلدين" were named three sentences back, out of the context window:
    # before session 33 Russia's bases in both gave no pair with either of them
    text = ("وقعت اشتباكات على الحدود بين أرمينيا وأذربيجان.\nوقالت أرمينيا إن أذربيجان بدأت الهجوم.\n"
            "وأغلقت الطرق في المنطقة.\nوتأخرت الحافلات ساعات.\nوتحتفظ روسيا بقواعد عسكرية في البلدين.")
    _, views = _views(text)
    pairs = {(a, b): ctx.implicit for a, b, ctx in stance_model.pair_contexts(views[-1])}
    assert pairs.get(("ARM", "RUS")) == "pairthird" and pairs.get(("AZE", "RUS")) == "pairthird"
    assert pairs.get(("ARM", "AZE")) == "pairref"


def test_anaphor_resumes_the_bloc_named_earlier():
    _, views = _views("انضمت فنلندا إلى حلف الناتو العام الماضي.\nوقال الحلف إن روسيا تهدد أمن أوروبا.")
    anaphors = [m for m in views[1].mentions if m.actor_type == "anaphor"]
    assert [(m.code, m.surface) for m in anaphors] == [("NATO", "الحلف")]


def test_pair_features_see_words_between_and_negated_cues():
    _, views = _views("رفضت الهند إدانة روسيا.")
    (a, b, ctx), = list(stance_model.pair_contexts(views[0]))
    f = stance_model.pair_features(ctx)
    assert (a, b) == ("IND", "RUS")
    assert "b:ادانة" in f and "adjacent" not in f
    assert any(k.startswith("cuesign:between:-neg") for k in f)


def test_json_round_trip_reproduces_probabilities(small_model, tmp_path):
    p = tmp_path / "m.json.gz"
    small_model.to_json(p)
    again = stance_model.StanceModel.from_json(p)
    tables, _ = _views("وقعت مصر والسعودية اتفاقا لتعزيز التعاون الاقتصادي بينما انتقدت إيران الاتفاق.")
    a, _ = small_model.predict(tables)
    b, _ = again.predict(tables)
    # the file keeps weights to 6 decimals and the tables show probabilities to 4: a
    # probability on a rounding edge may move by one step (0.2445 -> 0.2444), nothing more
    pd.testing.assert_frame_equal(a, b, check_exact=False, atol=1.01e-4, rtol=0)
    assert (a["label"] == b["label"]).all()
    assert json.loads(gzip.decompress(p.read_bytes()))["format"] == "arnews-stance-model/1"


def test_linear_layer_matches_sklearn(written):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X = [{"a": 1.0, "b": 0.5}, {"b": 1.0}, {"c": 1.0}, {"a": 1.0, "c": 1.0}, {"b": 1.0, "c": 0.2}, {"a": 0.3}]
    y = ["none", "cooperation", "conflict", "none", "cooperation", "conflict"]
    vec = DictVectorizer()
    clf = LogisticRegression(C=10, max_iter=500).fit(vec.fit_transform(X), y)
    layer = stance_model.LinearLayer.from_sklearn(vec, clf, ["none", "cooperation", "conflict", "neutral"])
    mine = layer.predict_proba(X)
    ref = clf.predict_proba(vec.transform(X))
    for j, c in enumerate(clf.classes_):
        np.testing.assert_allclose(mine[:, layer.classes.index(c)], ref[:, j], atol=1e-6)
    assert np.all(mine[:, layer.classes.index("neutral")] < 1e-9)  # a class never seen is never predicted


def test_training_is_deterministic(written, tmp_path):
    rows = written[written["batch"] == "3"].head(120).reset_index(drop=True)
    rows["batch"] = ["x" if i % 2 else "y" for i in range(len(rows))]
    ex = stance_train.prepare(rows)
    stance_train.fit(ex).to_json(tmp_path / "a.json")
    stance_train.fit(ex).to_json(tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_model_tables_keep_the_lexicon_schema_and_evidence(small_model):
    tables, _ = _views("اتهمت واشنطن بكين بدعم موسكو عسكريا.")
    out = stance_model.model_tables(tables, small_model)
    assert set(out) == {"sentence_stance", "stance", "stance_pairs"}
    assert {"label", "score", "cues", "method", "probability"} <= set(out["sentence_stance"].columns)
    assert set(out["stance_pairs"][["a", "b"]].itertuples(index=False, name=None)) >= {("CHN", "USA"), ("CHN", "RUS")}
    probs = out["stance_pairs"][[f"p_{k}" for k in stance_model.PAIR_LABELS]].sum(axis=1)
    np.testing.assert_allclose(probs, 1.0, atol=1e-3)
    assert (out["stance"]["method"] == "model").all()


def test_pair_scores_count_missed_pairs_as_wrong():
    t = pd.DataFrame({"label": ["none", "none"], "gold": ["conflict", "cooperation"]})
    s = stance_eval.pair_scores(t)
    assert s["recall"] == 0 and s["coop_conflict_accuracy"] == 0


def test_bootstrap_interval_contains_the_point_estimate():
    tones = pd.DataFrame({"article_id": list("aabbccddee"), "label": ["conflict"] * 5 + ["neutral"] * 5,
                          "gold": ["conflict", "neutral"] * 5})
    pairs = pd.DataFrame(columns=["article_id", "label", "gold"])
    ci = stance_eval.bootstrap(pairs, tones, lambda p, t: stance_eval.tone_scores(t), n=200)
    lo, hi = ci["accuracy"]
    assert lo <= 0.5 <= hi and lo < hi


@pytest.mark.slow
def test_shipped_model_is_the_rebuild_of_the_written_corpus(tmp_path):
    out = stance_train.build(tmp_path / "rebuilt.json.gz")
    assert out.read_bytes() == stance_model.model_path().read_bytes(), (
        "data/models/stance_model.json.gz is not what `python -m arnews train-stance` builds from data/gold/stance_written/")


def test_sample_figures_score_only_the_sample_and_article_004():
    figs = stance_eval.sample_figures(n_boot=20)
    assert list(figs) == ["model_sample", "lexicon_sample", "model_sample_004", "lexicon_sample_004"]
    whole, alone = figs["model_sample"].values, figs["model_sample_004"].values
    assert whole["n_sentences"] == figs["lexicon_sample"].values["n_sentences"] > alone["n_sentences"] > 0
    assert whole["n_gold"] > alone["n_gold"] > 0


def test_none_bias_moves_pair_decisions_but_not_probabilities(small_model):
    tables, _ = _views("وقعت روسيا والصين اتفاقية للتعاون. وتحدث وزير خارجية فرنسا عن الهند والبرازيل في مؤتمر.")
    plain = stance_model.StanceModel(small_model.pairs, small_model.tone, {**small_model.meta, "none_bias": 0.0})
    strict = stance_model.StanceModel(small_model.pairs, small_model.tone, {**small_model.meta, "none_bias": 30.0})
    p0, t0 = plain.predict(tables)
    p1, t1 = strict.predict(tables)
    assert (p0["label"] != "none").any()
    assert (p1["label"] == "none").all()  # no relation beats "none" by e^30
    cols = [f"p_{k}" for k in stance_model.PAIR_LABELS]
    pd.testing.assert_frame_equal(p0[cols], p1[cols])
    pd.testing.assert_frame_equal(t0, t1)  # the tone layer reads probabilities, not decisions
    keen = stance_model.StanceModel(small_model.pairs, small_model.tone,
                                    {**small_model.meta, "none_bias": 0.0, "cooperation_bias": 30.0})
    p2, t2 = keen.predict(tables)
    assert (p2["label"] == "cooperation").all()  # round 44: the bias towards cooperation moves decisions only
    pd.testing.assert_frame_equal(p0[cols], p2[cols])
    pd.testing.assert_frame_equal(t0, t2)


def test_choose_none_bias_raises_the_bar_when_weak_relations_are_false():
    cls = ["none", "cooperation", "conflict", "neutral"]
    probs = np.array([[0.42, 0.58, 0, 0]] * 6 + [[0.1, 0.9, 0, 0]] * 4)
    truth = ["none"] * 6 + ["cooperation"] * 4
    b = stance_train.choose_none_bias(probs, truth, cls)
    assert b > 0
    found = stance_model.decide_pairs(probs, cls, b) != 0
    assert found.tolist() == [t != "none" for t in truth]
    assert stance_train.choose_none_bias(probs[6:], truth[6:], cls) == 0.0


def test_fit_stores_the_chosen_none_bias(small_model):
    assert "none_bias" in small_model.meta
    assert min(stance_train.NONE_BIAS_GRID) <= small_model.meta["none_bias"] <= max(stance_train.NONE_BIAS_GRID)


def test_pair_bigrams_switch_is_recorded_and_followed(small_model, written, monkeypatch):
    """``PAIR_BIGRAMS`` False: the pair layer's sentence words are unigrams (no ``s:a_b`` in its
    vocabulary, while the tone layer keeps them) and the model says so in its meta; the shipped
    setting (True) keeps the bigrams."""
    v = stance_model.SentenceView("a", 0, ["ابرمت", "روسيا", "والصين", "اتفاقا"])
    bigrams = set(stance_model.sentence_word_names(v)) - set(stance_model.sentence_word_names(v, bigrams=False))
    assert bigrams == {"s:ابرمت_روسيا", "s:روسيا_صين", "s:صين_اتفاقا"}

    def s_bigrams(layer):
        return {n for n in layer.vocabulary if n.startswith("s:") and "_" in n}

    assert small_model.meta["pair_bigrams"] is True and small_model.pair_bigrams
    assert s_bigrams(small_model.pairs)
    monkeypatch.setattr(stance_train, "PAIR_BIGRAMS", False)
    rows = written[written["batch"] == "1"].head(150).reset_index(drop=True)
    uni = stance_train.fit(stance_train.prepare(rows))
    assert uni.meta["pair_bigrams"] is False and not uni.pair_bigrams
    assert any(n.startswith("s:") for n in uni.pairs.vocabulary) and not s_bigrams(uni.pairs)
    assert s_bigrams(uni.tone)


def test_a_model_reads_bigrams_only_when_its_meta_says_so(small_model):
    """A model without ``pair_bigrams`` in its meta (saved before round 7) or with it True
    scores the sentence bigrams of its pair layer: a weight on a bigram moves that sentence's
    pairs; with ``pair_bigrams`` False the same weight moves nothing."""
    import copy

    _, views = _views("وقعت روسيا والصين اتفاقا للتعاون في مجال الطاقة.")
    name = "s:" + "_".join(stance_model.word_key(w) for w in views[0].words[:2])

    def with_bump(model, bump_size: float, meta: bool | None):
        m = copy.deepcopy(model)
        layer = m.pairs
        bump = np.zeros((layer.coef.shape[0], 1))
        bump[layer.classes.index("conflict")] = bump_size
        vocab = dict(layer.vocabulary)
        vocab.setdefault(name, layer.coef.shape[1])
        m.pairs = stance_model.LinearLayer(layer.classes, vocab, np.hstack([layer.coef, bump]), layer.intercept,
                                           layer.temperature)
        if meta is None:
            m.meta.pop("pair_bigrams", None)
        else:
            m.meta["pair_bigrams"] = meta
        return m.predict_views(views)[0]["p_conflict"].tolist()

    assert name not in small_model.pairs.vocabulary
    for meta in (None, True):
        assert all(x > y for x, y in zip(with_bump(small_model, 40.0, meta), with_bump(small_model, 0.0, meta)))
    assert with_bump(small_model, 40.0, False) == with_bump(small_model, 0.0, False)
