"""Lemma accuracy on the hand-labelled tokens of ``data/gold/lemmas.csv`` (``python -m arnews
evaluate lemmas``).

>>> float(evaluate(["identity"]).loc[0, "accuracy"]) < 1.0
True
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import pandas as pd

from ..morph import CANDIDATES, OFFLINE_DEFAULT, camel_data_status, get_lemmatizer, resolve_backend, strip_marks
from ..resources import camel_data_dir, data_path
from ..text import normalize

__all__ = ["load_gold", "evaluate", "evaluation_errors", "evaluation_report", "bcubed_f1"]


# ---------------------------------------------------------------------------
# Evaluation against data/gold/lemmas.csv
# ---------------------------------------------------------------------------

_GOLD_COLUMNS = ("article_id", "token_id", "surface", "lemma", "pos")


def load_gold(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The hand-labelled lemma set (``data/gold/lemmas.csv``), checked.

    >>> g = load_gold()
    >>> len(g) >= 300 and {"surface", "lemma", "pos"} <= set(g.columns)
    True
    """
    p = Path(path) if path is not None else data_path("gold/lemmas.csv")
    df = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = [c for c in _GOLD_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"{p}: missing column(s) {missing}; expected {list(_GOLD_COLUMNS)}")
    empty = df.index[(df["surface"].str.strip() == "") | (df["lemma"].str.strip() == "")]
    if len(empty):
        raise ValueError(f"{p}: empty surface or lemma in data row(s) {[i + 2 for i in empty[:5]]}")
    df["gold"] = df["lemma"].map(normalize)
    df["norm"] = df["surface"].map(normalize)
    if "split" not in df.columns:
        df["split"] = "all"
    return df


def bcubed_f1(gold: list[str], pred: list[str]) -> float:
    """B-cubed F1 of the clustering of tokens by predicted vs. gold lemma (counting quality)."""
    from collections import Counter

    pair = Counter(zip(gold, pred))
    g = Counter(gold)
    p = Counter(pred)
    n = len(gold)
    prec = sum(c * c / p[pl] for (gl, pl), c in pair.items()) / n
    rec = sum(c * c / g[gl] for (gl, pl), c in pair.items()) / n
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def _predict(gold: pd.DataFrame, backend: str) -> pd.Series:
    lem = get_lemmatizer(backend)
    keys = gold["surface"].map(strip_marks) if lem.key_column == "dediac" else gold["norm"]
    res = lem.lookup(pd.unique(keys))
    return keys.map(lambda k: normalize(res[k][0]))


def evaluate(backends: Iterable[str] | str | None = None, gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """Accuracy of lemma backends on the gold set, one row per backend.

    Columns: ``backend``, ``n``, ``accuracy`` (exact lemma match after normalization),
    ``dev``/``test`` (accuracy per split; rules were developed looking only at ``dev``
    errors), ``names`` (accuracy on proper nouns), ``verbs``, ``clitic`` (tokens whose
    surface differs from the lemma by more than the article), ``bcubed_f1`` (how well tokens
    sharing a gold lemma are grouped together, whatever the spelling), ``error`` (why a
    backend could not run). CAMeL backends are included when their data is installed.

    >>> ev = evaluate(["identity"])
    >>> float(ev.loc[0, "accuracy"]) < 1.0
    True
    """
    if isinstance(backends, str):
        backends = [backends]
    if backends is None:
        st = camel_data_status()
        backends = list(CANDIDATES)
        if st["morphology_db"]:
            backends = ["camel-analyzer", *backends]
        if st["morphology_db"] and st["mle_model"]:
            backends = ["camel", *backends]
    g = load_gold() if gold is None else gold
    if "gold" not in g.columns:
        g = g.assign(gold=g["lemma"].map(normalize), norm=g["surface"].map(normalize))
    if "split" not in g.columns:
        g = g.assign(split="all")
    art_free = g["norm"].map(lambda s: s[2:] if s.startswith("ال") else s)
    clitic = (art_free != g["gold"]) & g["norm"].str.contains(r"^(?:[وف]?(?:[بلك]|لل|ال)|[وف])", regex=True)
    rows = []
    for b in backends:
        row: dict = {"backend": b, "n": len(g)}
        try:
            pred = _predict(g, b)
        except (ImportError, FileNotFoundError) as e:
            row["error"] = str(e).splitlines()[0]
            rows.append(row)
            continue
        ok = pred == g["gold"]
        row["accuracy"] = ok.mean()
        for s in ("dev", "test"):
            m = g["split"] == s
            row[s] = ok[m].mean() if m.any() else float("nan")
        row["names"] = ok[g["pos"] == "noun_prop"].mean()
        row["verbs"] = ok[g["pos"] == "verb"].mean()
        row["clitic"] = ok[clitic].mean()
        row["bcubed_f1"] = bcubed_f1(g["gold"].tolist(), pred.tolist())
        row["error"] = None
        rows.append(row)
    return pd.DataFrame(rows)


def evaluation_errors(backend: str = OFFLINE_DEFAULT, split: str | None = "dev") -> pd.DataFrame:
    """Gold tokens a backend gets wrong (surface, gold lemma, predicted), for error analysis.

    >>> "predicted" in evaluation_errors("identity").columns
    True
    """
    g = load_gold()
    if split is not None:
        g = g[g["split"] == split]
    pred = _predict(g, backend)
    bad = g.assign(predicted=pred)[pred != g["gold"]]
    return bad[["article_id", "token_id", "surface", "gold", "predicted", "pos", "note"]].reset_index(drop=True)


def evaluation_report() -> str:
    """Accuracy of every lemma backend on ``data/gold/lemmas.csv``, as a text table
    (what ``python -m arnews evaluate lemmas`` prints)."""
    g = load_gold()
    ev = evaluate(gold=g)
    counts = g["split"].value_counts().to_dict()
    lines = [
        f"Lemma accuracy on data/gold/lemmas.csv: {len(g)} hand-labelled tokens "
        f"(dev {counts.get('dev', 0)}, test {counts.get('test', 0)}); exact match of normalized lemmas.",
        f"auto backend here: {resolve_backend('auto')} (offline default: {OFFLINE_DEFAULT}); "
        f"CAMeL data dir: {camel_data_dir()}",
        "",
    ]
    cols = ["accuracy", "dev", "test", "names", "verbs", "clitic", "bcubed_f1"]
    header = f"{'backend':<18}" + "".join(f"{c:>10}" for c in cols)
    lines.append(header)
    lines.append("-" * len(header))
    for r in ev.to_dict("records"):
        if r.get("error"):
            lines.append(f"{r['backend']:<18}  not available: {r['error']}")
            continue
        lines.append(f"{r['backend']:<18}" + "".join(f"{r[c]:>10.3f}" for c in cols))
    lines += [
        "",
        "names: proper nouns; clitic: tokens with a clitic other than the article; bcubed_f1: how",
        "well tokens sharing a lemma are grouped (counting quality). Rules were developed on dev only.",
        "rules protects the names in data/actors.csv, which was written to cover the sample's actors,",
        "so its names figure is optimistic here; rules-nogazetteer shows the frequency rule alone.",
    ]
    return "\n".join(lines)
