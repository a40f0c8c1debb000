"""Rebuild the speaker-state chooser (``python -m arnews train-speakers``), deterministically.

The written quote texts (``data/gold/quote_texts``) are annotated with the rules only
(``find_quotes(..., chooser=False)``); every speech quote aligned with a gold ``speech`` row of
the **dev** split (never the held-out set, never the sample) gives its candidates
(:func:`arnews.speakers.choice_table.candidate_table`), each labelled right when it matches the
gold ``speaker_country`` (empty = no state). A logistic regression (C = 1, lbfgs) scores them;
the model file holds its feature names, coefficients and intercept, rounded to 9 decimals.

>>> m = fit_chooser(example_table())
>>> sorted(m) == ["C", "coef", "features", "intercept", "n_quotes", "n_rows"]
True
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from ..quote_eval import align_quotes, load_written_gold, state_right
from ..resources import data_dir, data_path
from .choice_features import feature_names
from .choice_table import candidate_table
from .chooser import MODEL_FILE

__all__ = ["C", "rules_quotes", "training_table", "fit_chooser", "build", "example_table"]

C = 1.0
DECIMALS = 9


def rules_quotes(folder: Path) -> dict[str, pd.DataFrame]:
    """The corpus of ``folder`` annotated up to actors, and its quotes by the rules alone
    (``quotes``, ``articles``, ``mentions``, ``sentences``)."""
    from ..corpus import load_corpus
    from ..pipeline import annotate
    from ..quotes.stage import find_quotes

    ann = annotate(load_corpus(folder), stages=["clean", "text", "actors"], cache=False, progress=False)
    t = ann.tables
    q = find_quotes(t["sentences"], t["tokens"], t.get("mentions"), t["articles"], chooser=False)
    return {"quotes": q, "articles": t["articles"], "mentions": t.get("mentions"), "sentences": t["sentences"]}


def training_table(tables: dict[str, pd.DataFrame], gold: pd.DataFrame) -> pd.DataFrame:
    """The candidate table of ``tables`` (``quotes`` annotated by the rules, ``articles``,
    ``mentions``, ``sentences``) with ``y`` (the candidate is the gold state) and ``article_id``,
    for the quotes aligned with a gold ``speech`` row of ``gold``."""
    q = tables["quotes"].reset_index(drop=True)
    _, system = align_quotes(q.assign(qrow=np.arange(len(q))), gold)
    speech = system[system["gold_kind"] == "speech"]
    gold_of = dict(zip(speech["qrow"].astype(int), speech["gold_country"].fillna("")))
    a = tables["articles"]
    texts = dict(zip(a["article_id"], a["clean_text"].fillna("")))
    c = candidate_table(q, texts, tables.get("mentions"), tables["sentences"], rows_wanted=set(gold_of))
    c["y"] = [state_right(gold_of[r], code) for r, code in zip(c["row"], c["code"])]
    c["article_id"] = q["article_id"].to_numpy()[c["row"].to_numpy()]
    return c


def fit_chooser(table: pd.DataFrame) -> dict:
    """The model dict fitted on a training table (see the module docstring)."""
    from sklearn.linear_model import LogisticRegression

    names = feature_names()
    x = table[names].to_numpy(float)
    y = table["y"].to_numpy(bool)
    m = LogisticRegression(C=C, max_iter=3000)
    m.fit(x, y)
    return {"features": names, "coef": [round(float(v), DECIMALS) for v in m.coef_[0]],
            "intercept": round(float(m.intercept_[0]), DECIMALS), "C": C,
            "n_quotes": int(table["row"].nunique()), "n_rows": int(len(table))}


def build(out: str | Path | None = None) -> Path:
    """Annotate the written quote texts with the rules, fit on the dev split, write the model
    (default ``data/models/speaker_chooser.json``); returns the path."""
    gold = load_written_gold()
    gold = gold[gold["split"] == "dev"]
    tables = rules_quotes(data_path("gold/quote_texts"))
    model = fit_chooser(training_table(tables, gold))
    model = {"about": "speaker-state chooser (arnews.speakers.chooser), rebuilt by python -m arnews train-speakers; "
                      "trained on the dev split of data/gold/quotes_written.csv", **model}
    p = Path(out) if out else data_dir() / MODEL_FILE
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return p


def example_table() -> pd.DataFrame:
    """A tiny training table (six quotes, two candidates each) for examples and tests."""
    names = feature_names()
    rows = []
    for r in range(6):
        for code, right in (("", r % 2 == 0), ("CHN", r % 2 == 1)):
            f = dict.fromkeys(names, 0.0)
            f["src_none" if not code else "src_rules"] = 1.0
            f["src_art_speaker"] = float(bool(code) and r % 2 == 1)
            rows.append({"row": r, "code": code, "y": right, **f})
    return pd.DataFrame(rows)
