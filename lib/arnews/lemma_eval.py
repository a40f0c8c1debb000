"""Lemma accuracy on both hand-labelled sets, with bootstrap intervals over texts.

Two gold files, labelled with the guideline in ``data/gold/README.md`` ("## Lemmas"):

- ``data/gold/lemmas.csv``: 359 tokens of the sample (dev = articles 000/001, test = 002–004);
- ``data/gold/lemmas_written.csv``: tokens of texts the team wrote
  (``data/gold/lemma_texts/``; dev = lt01–lt43, 6,134 tokens; test = lt44–lt53, written blind by someone
  else and merged later). lt08–lt14 were the written test part until round 4 of issue 18
  (measured three times), lt24–lt33 until round 5 and lt34–lt43 until round 6 (each measured
  once); all became dev.

The offline rules are developed by reading errors on ``dev`` only; the headline figure is
the held-out part (both ``test`` parts together; while the written test part is empty, the
sample's test articles alone). Intervals resample whole texts (articles),
since errors cluster by text. ``data/gold/lemma_agreement/second_labels.csv`` is a blind
second labelling of some written tokens; :func:`agreement` compares it with the gold.

Example
-------
>>> import pandas as pd
>>> g = pd.DataFrame({"text": ["a", "a", "b"], "pos": ["noun", "verb", "noun"],
...                   "split": ["test"] * 3, "correct": [True, False, True]})
>>> t = accuracy_table(g, n_boot=200)
>>> row = t.iloc[0]
>>> row["group"], int(row["n"]), round(float(row["accuracy"]), 3)
('all', 3, 0.667)
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from .text import normalize

__all__ = [
    "GOLD_FILES",
    "load_lemma_gold",
    "score_backend",
    "accuracy_table",
    "dev_errors",
    "Agreement",
    "agreement",
    "evaluation_report",
]

# source name -> gold file under data/
GOLD_FILES = {"sample": "gold/lemmas.csv", "written": "gold/lemmas_written.csv"}
AGREEMENT_FILE = "gold/lemma_agreement/second_labels.csv"
# POS groups reported on their own (the rest are pooled as "other")
MAIN_POS = ("noun", "verb", "adj", "noun_prop")


def load_lemma_gold(paths: dict[str, str | os.PathLike] | None = None) -> pd.DataFrame:
    """Both gold files as one table with ``source`` (sample / written) and ``text``
    (the bootstrap unit: source + article id), checked by :func:`arnews.morph.load_gold`.

    >>> g = load_lemma_gold()
    >>> sorted(g["source"].unique()), sorted(g["split"].unique())
    (['sample', 'written'], ['dev', 'test'])
    """
    from .evaluation.lemmas import load_gold
    from .resources import data_path

    parts = []
    for source, rel in (paths or GOLD_FILES).items():
        p = Path(rel) if paths is not None else data_path(rel)
        df = load_gold(p)
        bad = ~df["split"].isin(["dev", "test"])
        if bad.any():
            raise ValueError(f"{p}: split must be 'dev' or 'test', got {sorted(df.loc[bad, 'split'].unique())[:5]}")
        parts.append(df.assign(source=source, text=source + ":" + df["article_id"].astype(str)))
    return pd.concat(parts, ignore_index=True)


def score_backend(gold: pd.DataFrame, backend: str) -> pd.DataFrame:
    """``gold`` plus ``predicted`` (normalized lemma) and ``correct`` (exact match).

    >>> g = pd.DataFrame({"surface": ["والصين"], "lemma": ["صين"], "pos": ["noun_prop"]})
    >>> score_backend(g, "rules")[["predicted", "correct"]].values.tolist()
    [['صين', True]]
    """
    from .morph import lemmatize

    g = gold
    if "gold" not in g.columns:
        g = g.assign(gold=g["lemma"].map(normalize), norm=g["surface"].map(normalize))
    pred = pd.Series(lemmatize(g["surface"].tolist(), backend=backend), index=g.index).map(normalize)
    return g.assign(predicted=pred, correct=(pred == g["gold"]).to_numpy())


def _pos_group(pos: pd.Series) -> pd.Series:
    return pos.where(pos.isin(MAIN_POS), "other")


def accuracy_table(scored: pd.DataFrame, n_boot: int = 2000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Accuracy overall (``group == "all"``) and per POS group, with percentile bootstrap
    intervals from resampling whole texts (column ``text``) with replacement.

    Columns: ``group``, ``n``, ``accuracy``, ``low``, ``high``. Needs ``text``, ``pos`` and
    ``correct``. (Doctest in the module docstring.)
    """
    missing = [c for c in ("text", "pos", "correct") if c not in scored.columns]
    if missing:
        raise ValueError(f"accuracy_table: scored table lacks column(s) {missing}")
    d = scored.assign(group=_pos_group(scored["pos"]), k=scored["correct"].astype(int))
    groups = ["all", *[p for p in (*MAIN_POS, "other") if (d["group"] == p).any()]]
    texts = pd.unique(d["text"])
    n = np.zeros((len(texts), len(groups)))
    k = np.zeros_like(n)
    tix = {t: i for i, t in enumerate(texts)}
    for (t, gr), sub in d.groupby(["text", "group"]):
        n[tix[t], groups.index(gr)] += len(sub)
        k[tix[t], groups.index(gr)] += sub["k"].sum()
    n[:, 0], k[:, 0] = n[:, 1:].sum(axis=1), k[:, 1:].sum(axis=1)
    rng = np.random.default_rng(seed)
    w = rng.multinomial(len(texts), np.full(len(texts), 1 / len(texts)), size=n_boot)
    with np.errstate(invalid="ignore", divide="ignore"):
        boot = (w @ k) / (w @ n)
    alpha = (1 - level) / 2
    rows = []
    for j, gr in enumerate(groups):
        b = boot[:, j][~np.isnan(boot[:, j])]
        rows.append({"group": gr, "n": int(n[:, j].sum()), "accuracy": float(k[:, j].sum() / n[:, j].sum()),
                     "low": float(np.quantile(b, alpha)), "high": float(np.quantile(b, 1 - alpha))})
    return pd.DataFrame(rows)


def dev_errors(backend: str = "rules", gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """The tokens of the **dev** part a backend gets wrong, for error analysis (test tokens
    are never listed: the held-out figure stays honest).

    >>> "predicted" in dev_errors("identity").columns
    True
    """
    g = load_lemma_gold() if gold is None else gold
    s = score_backend(g[g["split"] == "dev"], backend)
    cols = ["source", "article_id", "token_id", "surface", "gold", "predicted", "pos"]
    return s.loc[~s["correct"], cols].reset_index(drop=True)


class Agreement(NamedTuple):
    """Agreement of two labellings of the same tokens (proportions of tokens)."""

    n: int
    lemma: float
    pos: float
    both: float


def agreement(second: str | os.PathLike | None = None, gold: pd.DataFrame | None = None) -> Agreement:
    """Exact agreement between the gold and a blind second labelling (lemma after
    normalization, POS, and both), over the tokens the second labelling covers.

    >>> a = agreement()
    >>> a.n >= 300 and 0.0 <= a.lemma <= 1.0
    True
    """
    from .resources import data_path

    p = Path(second) if second is not None else data_path(AGREEMENT_FILE)
    sec = pd.read_csv(p, dtype=str, keep_default_na=False)
    need = ["article_id", "token_id", "surface", "lemma", "pos"]
    missing = [c for c in need if c not in sec.columns]
    if missing:
        raise ValueError(f"{p}: missing column(s) {missing}; expected {need}")
    g = load_lemma_gold() if gold is None else gold
    m = sec.merge(g[["article_id", "token_id", "surface", "gold", "pos"]], on=["article_id", "token_id"],
                  how="left", suffixes=("_2", ""))
    unmatched = m["gold"].isna() | (m["surface"] != m["surface_2"])
    if unmatched.any():
        i = int(np.flatnonzero(unmatched.to_numpy())[0])
        raise ValueError(f"{p}: row {i + 2} ({m.loc[i, 'article_id']} token {m.loc[i, 'token_id']}) "
                         "has no gold token with that id and surface")
    lem = m["lemma"].map(normalize) == m["gold"]
    pos = m["pos_2"] == m["pos"]
    return Agreement(n=len(m), lemma=float(lem.mean()), pos=float(pos.mean()), both=float((lem & pos).mean()))


def _fmt_table(t: pd.DataFrame) -> list[str]:
    return [f"  {r.group:<10}{r.n:>6}  {r.accuracy:.3f}  [{r.low:.3f}, {r.high:.3f}]" for r in t.itertuples()]


def _texts_named(test: pd.DataFrame) -> str:
    """``written lt44-lt53 + sample 002-004``: the texts of each source, first-last."""
    parts = []
    for src in GOLD_FILES:
        ids = sorted(test.loc[test["source"] == src, "article_id"].astype(str).unique())
        if ids:
            parts.append(f"{src} {ids[0]}-{ids[-1]}" if len(ids) > 1 else f"{src} {ids[0]}")
    return " + ".join(parts)


def _split_mean(s: pd.DataFrame, src: str, split: str) -> str:
    m = (s["source"] == src) & (s["split"] == split)
    return f"{s.loc[m, 'correct'].mean():.3f}" if m.any() else "none yet"


def evaluation_report(backend: str = "rules", n_boot: int = 2000, gold: pd.DataFrame | None = None) -> str:
    """What ``python -m arnews evaluate lemmas`` prints: the held-out headline with bootstrap
    95 % intervals (overall and per POS), the dev figures apart, per gold file, the agreement
    of the two labellings, and the candidate backends compared on dev and test. A gold file
    with no ``test`` rows (the written one until lt44-lt53 are merged) is reported as such."""
    from .evaluation.lemmas import evaluate
    from .morph import OFFLINE_DEFAULT, resolve_backend
    from .resources import camel_data_dir

    g = load_lemma_gold() if gold is None else gold
    s = score_backend(g, backend)
    test, dev = s[s["split"] == "test"], s[s["split"] == "dev"]
    if test.empty:
        raise ValueError("evaluate lemmas: no held-out (split 'test') tokens in the gold files")
    head = accuracy_table(test, n_boot=n_boot)
    a = head.iloc[0]
    lines = [
        f"Lemmas, backend {backend!r}: HELD-OUT exact-lemma accuracy {a.accuracy:.3f} "
        f"[95% CI {a.low:.3f}, {a.high:.3f}] on {a.n} tokens of {test['text'].nunique()} texts "
        f"({_texts_named(test)}; rules never developed on them).",
        f"auto backend here: {resolve_backend('auto')} (offline default: {OFFLINE_DEFAULT}); "
        f"CAMeL data dir: {camel_data_dir()}",
        "",
        "held-out (test), by POS; intervals resample texts:",
        *_fmt_table(head),
        "",
        f"dev (rules developed on these errors; {dev['text'].nunique()} texts):",
        *_fmt_table(accuracy_table(dev, n_boot=n_boot)),
        "",
        "by gold file:   " + "   ".join(
            f"{src} dev {_split_mean(s, src, 'dev')} test {_split_mean(s, src, 'test')}" for src in GOLD_FILES),
    ]
    try:
        ag = agreement(gold=g)
        lines += ["", f"inter-annotator agreement ({AGREEMENT_FILE}, {ag.n} tokens, blind second labelling): "
                      f"lemma {ag.lemma:.3f}, POS {ag.pos:.3f}, both {ag.both:.3f}"]
    except FileNotFoundError as e:
        lines += ["", f"inter-annotator agreement: not available ({e})"]
    ev = evaluate(gold=g)
    lines += ["", "candidate backends (both gold files):",
              f"  {'backend':<18}{'dev':>8}{'test':>8}{'verbs':>8}{'names':>8}"]
    for r in ev.to_dict("records"):
        if isinstance(r.get("error"), str):
            lines.append(f"  {r['backend']:<18}not available: {r['error']}")
        else:
            lines.append(f"  {r['backend']:<18}{r['dev']:>8.3f}{r['test']:>8.3f}{r['verbs']:>8.3f}{r['names']:>8.3f}")
    return "\n".join(lines)
