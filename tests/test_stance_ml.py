"""Supervised stance: scikit-learn classifier cross-validation, and the transformers backend on a
tiny randomly initialised model built here (nothing is downloaded)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from arnews import stance_ml

COOP = ["أكد الجانبان تعميق التعاون", "تعهد البلدان بتعزيز الشراكة", "أشاد الرئيس بالتعاون", "دعم متبادل وشراكة",
        "اتفقا على تعزيز التعاون", "شراكة استراتيجية وتعاون"]
CONF = ["هدد بفرض عقوبات", "أدان الغزو والعدوان", "انتقد الحرب والهجوم", "عقوبات وتهديد بالحرب",
        "رفض وأدان العدوان", "حرب وغزو وعقوبات"]
NEUT = ["عقد الاجتماع يوم الاثنين", "وصل الوفد إلى المطار", "جرت المكالمة مساء أمس", "نشرت الصحيفة التقرير",
        "بدأ المؤتمر في العاصمة", "انتهى اللقاء ظهرا"]


def _synthetic(n_articles: int = 6) -> pd.DataFrame:
    rows = []
    for i in range(6):
        aid = f"art{i % n_articles}"
        rows += [(aid, i * 3, COOP[i], "cooperation"), (aid, i * 3 + 1, CONF[i], "conflict"), (aid, i * 3 + 2, NEUT[i], "neutral")]
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "text", "label"])


def test_cross_validation_grouped_by_article_on_synthetic_set():
    df = _synthetic()
    r = stance_ml.cross_validate(df, folds=3)
    assert r["grouped"] and r["folds"] == 3
    pred = r["predictions"]
    # figures recomputed by hand from the out-of-fold predictions
    assert r["accuracy"] == pytest.approx((pred["predicted"] == pred["label"]).mean())
    cm = r["confusion"].to_numpy()
    assert cm.sum() == 18 and cm.trace() == (pred["predicted"] == pred["label"]).sum()
    f1s = []
    for lab in ["cooperation", "neutral", "conflict"]:
        tp = ((pred["predicted"] == lab) & (pred["label"] == lab)).sum()
        fp = ((pred["predicted"] == lab) & (pred["label"] != lab)).sum()
        fn = ((pred["predicted"] != lab) & (pred["label"] == lab)).sum()
        f1s.append(0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    assert r["macro_f1"] == pytest.approx(np.mean(f1s))
    # the vocabulary is separable: held-out articles are mostly right
    assert r["accuracy"] >= 0.6


def test_stratified_when_too_few_articles():
    df = _synthetic().assign(article_id="one")
    r = stance_ml.cross_validate(df, folds=5)
    assert not r["grouped"] and r["folds"] == 5


def test_train_predict_on_user_csv(tmp_path):
    p = tmp_path / "mine.csv"
    _synthetic().to_csv(p, index=False)
    model = stance_ml.train(p)
    assert model.predict(["تعزيز التعاون والشراكة"])[0] == "cooperation"
    assert model.predict(["فرض عقوبات وتهديد"])[0] == "conflict"
    sents = pd.DataFrame({"article_id": ["x", "x"], "sentence_id": [0, 1], "text": ["تعاون وشراكة", "عقوبات وحرب"]})
    out = stance_ml.predict_sentences(model, sents)
    assert out["label"].tolist() == ["cooperation", "conflict"]
    assert out["score"].iloc[0] > 0 > out["score"].iloc[1]


def test_bad_labels_are_reported():
    df = _synthetic()
    df.loc[0, "label"] = "positive"
    with pytest.raises(ValueError, match="unknown label"):
        stance_ml.train(df)
    with pytest.raises(ValueError, match="lack column"):
        stance_ml.train(df.drop(columns=["text"]))


# --- transformers backend on a tiny local model ---------------------------------------


def _tiny_model(path, id2label):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from tokenizers import Tokenizer, models, pre_tokenizers

    words = sorted({w for s in COOP + CONF + NEUT for w in s.split()} | set("هذا النص عن التعاون أو الدعم بين الدول الصراع الخلاف خبر محايد .".split()))
    vocab = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4}
    for w in words:
        vocab.setdefault(w, len(vocab))
    tok = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    from tokenizers.processors import TemplateProcessing

    tok.post_processor = TemplateProcessing(single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
                                            special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    fast = transformers.PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]",
                                                cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]")
    cfg = transformers.BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                                  intermediate_size=32, max_position_embeddings=64, num_labels=len(id2label),
                                  id2label=id2label, label2id={v: k for k, v in id2label.items()})
    torch.manual_seed(0)
    model = transformers.BertForSequenceClassification(cfg)
    model.save_pretrained(path)
    fast.save_pretrained(path)
    return model, fast


def test_transformers_classifier_batches_match_single_pass(tmp_path):
    import torch

    model, tok = _tiny_model(tmp_path, {0: "cooperation", 1: "neutral", 2: "conflict"})
    texts = COOP[:3] + CONF[:3] + NEUT[:1]
    small = stance_ml.TransformersStance(tmp_path, batch_size=2)
    big = stance_ml.TransformersStance(tmp_path, batch_size=64)
    p_small, p_big = small.predict_proba(texts), big.predict_proba(texts)
    assert p_small.shape == (7, 3)
    np.testing.assert_allclose(p_small.sum(axis=1), 1, atol=1e-5)
    np.testing.assert_allclose(p_small, p_big, atol=1e-5)
    # independent computation with the saved model, one sentence at a time
    model.eval()
    with torch.no_grad():
        for i, t in enumerate(texts):
            enc = tok([t], return_tensors="pt")
            ref = torch.softmax(model(**enc).logits, -1).numpy()[0]
            np.testing.assert_allclose(p_small[i], ref, atol=1e-5)
    assert small.classes_ == ["cooperation", "neutral", "conflict"]
    assert small.predict(texts) == [small.classes_[i] for i in p_small.argmax(1)]
    sents = pd.DataFrame({"article_id": ["a"] * 7, "sentence_id": range(7), "text": texts})
    out = stance_ml.predict_sentences(small, sents)
    np.testing.assert_allclose(out["score"], np.round(p_small[:, 0] - p_small[:, 2], 4), atol=1e-4)


def test_transformers_label_map_and_errors(tmp_path):
    _tiny_model(tmp_path, {0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})
    with pytest.raises(ValueError, match="label_map"):
        stance_ml.TransformersStance(tmp_path)
    m = stance_ml.TransformersStance(tmp_path, label_map={"LABEL_0": "conflict", "LABEL_1": "neutral", "LABEL_2": "cooperation"})
    assert m.classes_ == ["conflict", "neutral", "cooperation"]
    with pytest.raises(FileNotFoundError, match="never downloads"):
        stance_ml.TransformersStance(tmp_path / "missing")
    with pytest.raises(ValueError, match="entailment"):
        stance_ml.TransformersStance(tmp_path, mode="nli")


def test_transformers_zero_shot_nli(tmp_path):
    import torch

    model, tok = _tiny_model(tmp_path, {0: "entailment", 1: "neutral", 2: "contradiction"})
    m = stance_ml.TransformersStance(tmp_path, mode="nli", batch_size=1)
    texts = [COOP[0], CONF[0], NEUT[0]]
    p = m.predict_proba(texts)
    assert p.shape == (3, 3) and m.classes_ == list(stance_ml.DEFAULT_HYPOTHESES)
    hyps = list(stance_ml.DEFAULT_HYPOTHESES.values())
    model.eval()
    with torch.no_grad():
        for i, t in enumerate(texts):
            ent = torch.stack([model(**tok([t], [h], return_tensors="pt")).logits[0, 0] for h in hyps])
            np.testing.assert_allclose(p[i], torch.softmax(ent, -1).numpy(), atol=1e-5)


def test_lexicon_features_by_hand():
    F = stance_ml.LexiconFeatures().fit_transform(["أكد الجانبان تعزيز التعاون", "لم تشحن أسلحة", "فرض عقوبات وتعاون", "وصل القطار"])
    # تعزيز التعاون +0.7 | شحن اسلحة negated (one negated cue) | فرض عقوبات -0.7 and تعاون +0.6 | nothing
    assert F.round(4).tolist() == [[0.7, 0.0, 0.0, 0.7], [0.0, 0.0, 1.0, 0.0], [0.6, -0.7, 0.0, -0.1], [0.0, 0.0, 0.0, 0.0]]


def test_pipeline_features_word_char_lexicon():
    names = [n for n, _ in stance_ml.make_pipeline().named_steps["features"].transformer_list]
    assert names == ["char", "word", "lexicon"]
    assert [n for n, _ in stance_ml.make_pipeline(word_ngrams=None, lexicon_features=False)
            .named_steps["features"].transformer_list] == ["char"]
    assert stance_ml._clitic_words("وبالتعاون مع الشراكة،") == ["تعاون", "مع", "شراكة"]


def test_split_validate_trains_on_dev_scores_test():
    df = _synthetic()
    df["article_id"] = ["000_x" if i < 9 else "002_y" for i in range(len(df))]
    r = stance_ml.split_validate(df, dev=("000_",))
    assert (r["n_train"], r["n_test"]) == (9, 9)
    cm = r["confusion"].to_numpy()
    assert cm.sum() == 9 and r["accuracy"] == pytest.approx(cm.trace() / 9)
    # no dev article: nothing to train on
    assert stance_ml.split_validate(df, dev=("zzz",)) is None
