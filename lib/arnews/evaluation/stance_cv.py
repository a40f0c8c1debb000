"""Cross-validation of the supervised sentence-stance classifier (:mod:`arnews.stance_ml`):
folds grouped by article, and dev → test.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from ..stance.lexicon import LABELS
from ..stance_ml import labelled_sentences, make_pipeline
from .stance_gold import DEV_ARTICLES

__all__ = ["cross_validate", "split_validate"]


def cross_validate(data: pd.DataFrame | str | Path | None = None, folds: int = 5, seed: int = 0, **params) -> dict:
    """Cross-validated sentence macro-F1 of the classifier.

    Folds are grouped by ``article_id`` when there are at least ``folds`` articles (so the
    score is for unseen articles), else stratified by label. Returns ``macro_f1``,
    ``accuracy``, ``per_label``, ``confusion``, ``predictions`` (out-of-fold), ``folds``,
    ``grouped``.
    """
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support
    from sklearn.model_selection import GroupKFold, StratifiedKFold, cross_val_predict

    df = labelled_sentences(data).reset_index(drop=True)
    X, y = df["text"].astype(str).tolist(), df["label"].to_numpy()
    grouped = "article_id" in df.columns and df["article_id"].nunique() >= folds
    if grouped:
        cv = GroupKFold(n_splits=folds)
        pred = cross_val_predict(make_pipeline(**params), X, y, cv=cv, groups=df["article_id"].to_numpy())
    else:
        n_min = int(pd.Series(y).value_counts().min())
        k = max(2, min(folds, n_min))
        cv = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
        folds = k
        pred = cross_val_predict(make_pipeline(**params), X, y, cv=cv)
    p, r, f, n = precision_recall_fscore_support(y, pred, labels=LABELS, zero_division=0)
    cm = pd.DataFrame(confusion_matrix(y, pred, labels=LABELS), index=[f"gold {x}" for x in LABELS],
                      columns=[f"pred {x}" for x in LABELS])
    out = df.copy()
    out["predicted"] = pred
    return {
        "macro_f1": float(np.mean(f)),
        "accuracy": float((pred == y).mean()),
        "per_label": pd.DataFrame({"label": LABELS, "precision": p, "recall": r, "f1": f, "support": n}),
        "confusion": cm,
        "predictions": out,
        "folds": folds,
        "grouped": bool(grouped),
    }


def split_validate(data: pd.DataFrame | str | Path | None = None, dev: Iterable[str] | None = None, **params) -> dict:
    """Train on the dev articles (``article_id`` starting with a ``dev`` prefix), score on the
    others: ``macro_f1``, ``accuracy``, ``confusion``, ``n_train``, ``n_test`` (None when one
    side is empty). ``dev`` defaults to :data:`arnews.stance.DEV_ARTICLES`.
    """
    from sklearn.metrics import confusion_matrix, f1_score

    if dev is None:
        dev = DEV_ARTICLES

    df = labelled_sentences(data).reset_index(drop=True)
    if "article_id" not in df.columns:
        return None
    is_dev = df["article_id"].astype(str).str.startswith(tuple(dev))
    tr, te = df[is_dev], df[~is_dev]
    if not len(tr) or not len(te) or tr["label"].nunique() < 2:
        return None
    model = make_pipeline(**params).fit(tr["text"].astype(str).tolist(), tr["label"].tolist())
    pred = model.predict(te["text"].astype(str).tolist())
    y = te["label"].to_numpy()
    cm = pd.DataFrame(confusion_matrix(y, pred, labels=LABELS), index=[f"gold {x}" for x in LABELS],
                      columns=[f"pred {x}" for x in LABELS])
    return {"macro_f1": float(f1_score(y, pred, labels=LABELS, average="macro", zero_division=0)),
            "accuracy": float((pred == y).mean()), "confusion": cm, "n_train": int(len(tr)), "n_test": int(len(te))}


