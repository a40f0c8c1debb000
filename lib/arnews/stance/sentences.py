"""Sentence stance from its cues: score, label and evidence.

>>> label_from_score(0.6), label_from_score(-0.3), label_from_score(0.1)
('cooperation', 'conflict', 'neutral')
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .lexicon import DEFAULT_THRESHOLD, require_columns

__all__ = ["label_from_score", "score_sentences", "cue_evidence", "evidence_list", "evidence_text", "main_assertion"]



def label_from_score(score: float, threshold: float = DEFAULT_THRESHOLD) -> str:
    """``cooperation`` if score >= threshold, ``conflict`` if <= -threshold, else ``neutral``.

    >>> label_from_score(0.6), label_from_score(-0.3), label_from_score(0.1)
    ('cooperation', 'conflict', 'neutral')
    """
    if score >= threshold:
        return "cooperation"
    if score <= -threshold:
        return "conflict"
    return "neutral"


def cue_evidence(text: str, category: str, weight: float, modifiers: str) -> str:
    """One cue as evidence: ``text [CATEGORY ±weight modifiers]``."""
    return f"{text} [{category} {weight:+.2f}{' ' + modifiers if modifiers else ''}]"


def evidence_list(rows: pd.DataFrame) -> list[str]:
    """One evidence string per cue row (with its effective weight)."""
    return [cue_evidence(*r) for r in
            zip(rows["text"].tolist(), rows["category"].tolist(), rows["effective"].tolist(), rows["modifiers"].tolist())]


def evidence_text(rows: pd.DataFrame) -> str:
    return "; ".join(evidence_list(rows))


def main_assertion(main: float, background: float, threshold: float) -> float:
    """A sentence's score from its main-clause cues and its background/topic cues: background of
    the opposite sign does not count against a main assertion that carries stance."""
    return main if abs(main) >= threshold and main * background < 0 else main + background


def score_sentences(sentences: pd.DataFrame, cues: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Sentence stance: ``article_id, sentence_id, label, score, cues, n_cues``.

    ``score`` is the sum of the cues' effective weights clipped to [-1, 1], where the main
    assertion wins: when the cues outside TOPIC/BACKGROUND scope (``scope`` 1) reach
    ``threshold`` on their own, background cues of the opposite sign are left out of the score
    ("وقع البلدان اتفاقية رغم الخلافات" is cooperation). ``cues`` lists all the evidence as
    ``text [CATEGORY ±weight modifiers]``.
    """
    require_columns(sentences, ["article_id", "sentence_id"], "sentences")
    base = sentences[["article_id", "sentence_id"]].copy()
    acc: dict = {}
    if len(cues):
        scope = cues["scope"].tolist() if "scope" in cues.columns else [1.0] * len(cues)
        for k, e, sc, ev in zip(zip(cues["article_id"].tolist(), cues["sentence_id"].tolist()), cues["effective"].tolist(),
                                scope, evidence_list(cues)):
            x = acc.get(k)
            if x is None:
                x = acc[k] = [0.0, 0.0, []]
            x[0 if sc >= 1.0 else 1] += e
            x[2].append(ev)

    keys = list(zip(base["article_id"].tolist(), base["sentence_id"].tolist()))
    got = [acc.get(k) for k in keys]
    base["score"] = np.round(np.clip([main_assertion(x[0], x[1], threshold) if x else 0.0 for x in got], -1, 1), 4)
    base["cues"] = ["; ".join(x[2]) if x else "" for x in got]
    base["n_cues"] = np.array([len(x[2]) if x else 0 for x in got], dtype="int64")
    base["label"] = [label_from_score(s, threshold) for s in base["score"]]
    return base[["article_id", "sentence_id", "label", "score", "cues", "n_cues"]]
