"""Learn from your labels: retrain the stance pair model with the labelled sentences of your
corpus added to the written corpus, with before / after figures (``python -m arnews learn-stance``,
``retrain = True`` in ``notebooks/04_validate.ipynb``).

>>> r = learn_from_labels("labels.csv", corpus="my_corpus")   # doctest: +SKIP
>>> print(r.report())                                        # doctest: +SKIP
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .stance_model import StanceModel
from .validate import labelled_tables, model_or_none, read_user_labels

__all__ = ["learn_from_labels", "LearnResult", "user_model_path", "learn_main"]


# Learning from the user's labels
# ---------------------------------------------------------------------------


def user_model_path(corpus: str | os.PathLike) -> Path:
    """Where a model trained with a corpus's labels is saved: next to the corpus
    (``my_corpus/`` → ``my_corpus.stance_model.json.gz``).

    >>> user_model_path("data/my_corpus/").name
    'my_corpus.stance_model.json.gz'
    """
    p = Path(corpus)
    return p.with_name(p.name + ".stance_model.json.gz") if p.is_dir() or not p.suffix else p.with_suffix(".stance_model.json.gz")


@dataclass
class LearnResult:
    """Before / after figures on the user's labels and the retrained model."""

    before: object  # stance_eval.Figures: the model in use, never trained on these labels
    after: object  # stance_eval.Figures: cross-validated by article, labels added to training
    model: StanceModel
    path: Path | None
    n_written: int

    def report(self) -> str:
        from .stance_eval import format_figures

        where = f"saved to {self.path}; use it with `python -m arnews report --model {self.path}`" if self.path else "not saved"
        return "\n".join([*format_figures(self.before), "", *format_figures(self.after), "",
                          f"retrained model ({self.n_written} written + {self.model.meta.get('n_user', 0)} of your sentences): {where}"])


def _folds(article_ids: pd.Series, k: int, seed: int) -> pd.Series:
    ids = sorted(set(article_ids))
    order = np.random.default_rng(seed).permutation(len(ids))
    fold = {ids[j]: f"user-{i % k}" for i, j in enumerate(order)}
    return article_ids.map(fold)


def learn_from_labels(path: str | os.PathLike, corpus: str | os.PathLike | None = None,
                      written: str | os.PathLike | None = None, model: StanceModel | str | os.PathLike | None = None,
                      folds: int = 5, seed: int = 0, out: str | os.PathLike | None = None, save: bool = True,
                      n_boot: int = 1000) -> LearnResult:
    """Retrain the pair model with the user's labels added to the written corpus.

    *Before*: the model in use (``model``, else the shipped one, else one trained on the
    written corpus) on all the user's labelled sentences whose pairs were answered.
    *After*: the user's articles split into ``folds`` groups; each group is predicted by a
    model trained on the written corpus plus the other groups (so no article is scored by a
    model that saw it). The final model is trained on everything and saved to ``out`` (default
    :func:`user_model_path` of the corpus, or next to the labels file).

    >>> r = learn_from_labels("labels.csv", corpus="my_corpus")   # doctest: +SKIP
    >>> print(r.report())                                        # doctest: +SKIP
    """
    from .stance_eval import lexicon_predictions, score
    from .stance_train import fit, predict_examples, prepare, read_written, written_dir

    rows = read_user_labels(path)
    rows = rows[rows["pairs_answered"]].reset_index(drop=True)
    if rows["article_id"].nunique() < 2:
        raise ValueError(f"{path}: labels with pairs answered (dyads or no_relation) from at least two articles are needed")
    tables, rows = labelled_tables(rows, corpus)
    rows = rows.assign(cv_group=_folds(rows["article_id"], min(folds, rows["article_id"].nunique()), seed))
    user = prepare(rows, tables, group="cv_group")
    wdir = Path(written) if written is not None else written_dir()
    wex = prepare(read_written(wdir)) if wdir.exists() else []
    base = model_or_none(model) or (fit(wex) if wex else None)
    if base is not None:
        bp, bt = predict_examples(base, user)
        before_name = "Before: the model in use, on your labels"
    else:
        bp, bt = lexicon_predictions(tables, user)
        before_name = "Before: the lexicon method (no model file, no written corpus), on your labels"
    before = score(before_name, bp, bt, n_boot=n_boot, note=f"{len(user)} sentences, never trained on")
    cps, cts = [], []
    for g in sorted({e.group for e in user}):
        m = fit(wex + [e for e in user if e.group != g])
        p, t = predict_examples(m, [e for e in user if e.group == g])
        cps.append(p)
        cts.append(t)
    after = score(f"After: your labels added to training ({len(cps)} folds of your articles, each held out in turn)",
                  pd.concat(cps, ignore_index=True), pd.concat(cts, ignore_index=True), n_boot=n_boot,
                  note=f"{len(user)} sentences, {rows['article_id'].nunique()} articles")
    final = fit(wex + user)
    final.meta.update({"n_user": len(user), "user_labels": str(path), "n_written": len(wex)})
    target = Path(out) if out is not None else (user_model_path(corpus) if corpus is not None else Path(path).with_suffix(".stance_model.json.gz"))
    if save:
        final.to_json(target)
    return LearnResult(before, after, final, target if save else None, len(wex))


def learn_main(argv: list[str] | None = None) -> int:
    """``python -m arnews learn-stance LABELS [--corpus C] [--written DIR] [--out MODEL]``."""
    p = argparse.ArgumentParser(prog="python -m arnews learn-stance",
                                description="Retrain the stance model with your labels; print before/after; save the model.")
    p.add_argument("labels")
    p.add_argument("--corpus", default=None)
    p.add_argument("--written", default=None, help="written training corpus (default data/gold/stance_written)")
    p.add_argument("--model", default=None, help="the model in use, for the 'before' figures")
    p.add_argument("--out", default=None, help="where to save the model (default: next to the corpus)")
    p.add_argument("--folds", type=int, default=5)
    a = p.parse_args(argv)
    try:
        r = learn_from_labels(a.labels, a.corpus, a.written, a.model, a.folds, out=a.out)
    except (ValueError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(r.report())
    return 0
