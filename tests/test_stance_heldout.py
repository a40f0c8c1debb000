"""The written held-out stance set: kept apart from training, scored by `evaluate stance`."""
from __future__ import annotations

import pandas as pd
import pytest
import regex as re

from arnews import stance_eval, stance_model, stance_train
from arnews.resources import data_path


def test_heldout_set_is_apart_from_the_training_corpus():
    folder = stance_eval.heldout_dir()
    if not any(folder.glob("*.csv")):  # between rounds: the last set became training text, the next is being written
        pytest.skip(f"{folder}: no held-out set in place")
    held = stance_train.read_written(folder)
    train = stance_train.read_written()
    assert len(held) >= 300
    assert not set(held["article_id"]) & set(train["article_id"])
    norm = lambda s: s.str.replace(r"\s+", " ", regex=True).str.strip()  # noqa: E731
    assert not set(norm(held["text"])) & set(norm(train["text"])), "a held-out sentence is also in the training corpus"
    # a pair code is the gazetteer's, or the ISO 3166 alpha-3 code of a state the gazetteer lacks
    # (the blind writers' brief since t18; since session 20 the gazetteer lists every UN member, so
    # only a territory a researcher's gazetteer leaves out); the model cannot name such a state, so
    # its gold pairs count as missed
    codes = set(pd.read_csv(data_path("actors.csv"))["country"])
    for v in held["dyads"]:
        for a, b in stance_train.parse_pairs(v):
            for code in (a, b):
                assert code in codes or re.fullmatch(r"[A-Z]{3}", code), code


def test_heldout_figures_score_model_and_lexicon_on_a_folder(tmp_path):
    (tmp_path / "t.csv").write_text(
        "article_id,sentence_id,text,label,dyads\n"
        "x1,0,وقعت روسيا والصين اتفاقية للتعاون في مجال الطاقة.,cooperation,CHN~RUS:cooperation\n"
        "x1,1,وارتفعت أسعار النفط في الأسواق العالمية.,neutral,\n"
        "x2,0,فرضت الولايات المتحدة عقوبات جديدة على إيران.,conflict,IRN~USA:conflict\n",
        encoding="utf-8")
    figs = stance_eval.heldout_figures(stance_model.default_model(), tmp_path, n_boot=50)
    assert set(figs) == {"model_heldout", "lexicon_heldout"}
    for f in figs.values():
        assert f.values["n_sentences"] == 3 and f.values["n_gold"] == 2
        assert 0.0 <= f.values["recall"] <= 1.0
    assert "HELD-OUT" in figs["model_heldout"].name


def test_heldout_dir_is_named_even_when_the_folder_is_absent(tmp_path, monkeypatch):
    """A clean clone between rounds has no stance_heldout/ folder (git keeps no empty folder)."""
    (tmp_path / "gold").mkdir()
    monkeypatch.setenv("ARNEWS_DATA", str(tmp_path))
    assert stance_eval.heldout_dir() == tmp_path / "gold" / "stance_heldout"


def test_no_heldout_folder_gives_no_figures(tmp_path):
    assert stance_eval.heldout_figures(stance_model.default_model(), tmp_path / "none") == {}
