"""Figures for the stance pair model and the lexicon method, with bootstrap intervals.

``python -m arnews evaluate stance`` prints :func:`report`:

* **written corpus, cross-validated**: each writing batch held out in turn (the model never
  sees the batch it is scored on);
* **sample articles as a test set**: the model trained on the whole written corpus, scored on
  the five real articles of ``data/articles`` (``data/gold/stance_sentences.csv``), which it
  was never trained or tuned on. Their gold lists cooperation/conflict pairs only, so pairs
  are scored on those two labels there;
* **written held-out set** (``data/gold/stance_heldout/``, when present): sentences written
  blind for this purpose by someone who never saw the model or its errors; the shipped model
  is never trained on them and nothing is tuned on them;
* the lexicon method on each, for comparison (its rules were developed on sample articles
  000–003, so its sample figures are in-sample except for article 004).

Measures: pair precision and recall (a pair is found when the method relates the two codes
in the sentence, whatever the label), label accuracy on gold pairs (a missed pair counts
wrong), accuracy on cooperation/conflict gold pairs, sentence tone macro-F1 and accuracy,
confusion matrices; 95% intervals from a bootstrap over articles.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from .stance_model import STANCE_PAIR_LABELS, TONE_LABELS

__all__ = ["pair_scores", "tone_scores", "bootstrap", "Figures", "score", "format_figures", "evaluate", "report",
           "evaluation_report", "heldout_dir", "heldout_figures", "sample_figures"]


def pair_scores(pairs: pd.DataFrame, labels: tuple[str, ...] | None = None) -> dict[str, float]:
    """Pair figures from a table with ``label`` (predicted) and ``gold`` (``none`` = no pair).

    ``labels`` restricts both sides to those labels (others count as ``none``): the sample's
    gold lists cooperation/conflict pairs only.

    >>> t = pd.DataFrame({"label": ["conflict", "none", "cooperation", "neutral"],
    ...                   "gold": ["conflict", "cooperation", "none", "neutral"]})
    >>> s = pair_scores(t)
    >>> float(round(s["precision"], 3)), float(round(s["recall"], 3)), float(round(s["label_accuracy"], 3))
    (0.667, 0.667, 0.667)
    """
    pred, gold = pairs["label"].astype(str), pairs["gold"].astype(str)
    if labels is not None:
        pred = pred.where(pred.isin(labels), "none")
        gold = gold.where(gold.isin(labels), "none")
    found, real = pred != "none", gold != "none"
    both = found & real
    cc = gold.isin(STANCE_PAIR_LABELS)
    n_found, n_real = int(found.sum()), int(real.sum())
    return {
        "precision": both.sum() / n_found if n_found else float("nan"),
        "recall": both.sum() / n_real if n_real else float("nan"),
        "label_accuracy": (pred[real] == gold[real]).mean() if n_real else float("nan"),
        "coop_conflict_accuracy": (pred[cc] == gold[cc]).mean() if cc.any() else float("nan"),
        "n_gold": n_real, "n_predicted": n_found, "n_coop_conflict": int(cc.sum()),
    }


def tone_scores(tones: pd.DataFrame) -> dict[str, float]:
    """Sentence tone macro-F1 and accuracy from ``label`` (predicted) and ``gold``."""
    from sklearn.metrics import f1_score

    if not len(tones):
        return {"macro_f1": float("nan"), "accuracy": float("nan"), "n_sentences": 0}
    return {"macro_f1": f1_score(tones["gold"], tones["label"], labels=TONE_LABELS, average="macro", zero_division=0),
            "accuracy": float((tones["gold"] == tones["label"]).mean()), "n_sentences": len(tones)}


def confusion(df: pd.DataFrame, labels: list[str]) -> pd.DataFrame:
    """Rows gold, columns predicted."""
    return pd.crosstab(pd.Categorical(df["gold"], labels), pd.Categorical(df["label"], labels), dropna=False,
                       rownames=["gold"], colnames=["predicted"])


def bootstrap(pairs: pd.DataFrame, tones: pd.DataFrame, fn: Callable[[pd.DataFrame, pd.DataFrame], dict],
              n: int = 1000, seed: int = 0, cluster: str = "article_id") -> dict[str, tuple[float, float]]:
    """95% percentile intervals of every figure ``fn`` returns, resampling whole articles."""
    rng = np.random.default_rng(seed)
    ids = tones[cluster].unique()
    p_by = {k: g for k, g in pairs.groupby(cluster)}
    t_by = {k: g for k, g in tones.groupby(cluster)}
    draws: dict[str, list[float]] = {}
    empty_p, empty_t = pairs.iloc[:0], tones.iloc[:0]
    for _ in range(n):
        pick = rng.choice(ids, size=len(ids), replace=True)
        bp = pd.concat([p_by.get(k, empty_p) for k in pick], ignore_index=True)
        bt = pd.concat([t_by.get(k, empty_t) for k in pick], ignore_index=True)
        for k, v in fn(bp, bt).items():
            if isinstance(v, float) and not np.isnan(v):
                draws.setdefault(k, []).append(v)
    return {k: (float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))) for k, v in draws.items()}


@dataclass
class Figures:
    """The figures of one method on one labelled set, with intervals."""

    name: str
    values: dict
    intervals: dict
    pair_confusion: pd.DataFrame
    tone_confusion: pd.DataFrame
    note: str = ""


def score(name: str, pairs: pd.DataFrame, tones: pd.DataFrame, labels: tuple[str, ...] | None = None,
          n_boot: int = 1000, note: str = "") -> Figures:
    """All figures for one method on one set (pairs restricted to ``labels`` when given)."""
    def fn(p, t):
        return {**pair_scores(p, labels), **tone_scores(t)}

    pair_labels = ["none", *(labels or ("cooperation", "conflict", "neutral"))]
    p = pairs.copy()
    if labels is not None:
        p["label"] = p["label"].where(p["label"].isin(labels), "none")
        p["gold"] = p["gold"].where(p["gold"].isin(labels), "none")
    p = p[(p["label"] != "none") | (p["gold"] != "none")]
    return Figures(name, fn(pairs, tones), bootstrap(pairs, tones, fn, n=n_boot), confusion(p, pair_labels),
                   confusion(tones, TONE_LABELS), note)


def _fmt(f: Figures, key: str) -> str:
    v = f.values.get(key, float("nan"))
    lo, hi = f.intervals.get(key, (float("nan"), float("nan")))
    return f"{v:.3f} [{lo:.2f}, {hi:.2f}]"


def format_figures(f: Figures, confusions: bool = True) -> list[str]:
    """Printable lines for one :class:`Figures`."""
    v = f.values
    lines = [f"{f.name}" + (f"  ({f.note})" if f.note else ""),
             f"  sentence tone macro-F1       {_fmt(f, 'macro_f1')}   accuracy {_fmt(f, 'accuracy')}   ({v['n_sentences']} sentences)",
             f"  pair precision               {_fmt(f, 'precision')}   ({v['n_predicted']} predicted pairs)",
             f"  pair recall                  {_fmt(f, 'recall')}   ({v['n_gold']} gold pairs)",
             f"  label accuracy, gold pairs   {_fmt(f, 'label_accuracy')}   (a missed pair counts wrong)",
             f"  cooperation/conflict pairs   {_fmt(f, 'coop_conflict_accuracy')}   ({v['n_coop_conflict']} gold pairs labelled right)"]
    if confusions:
        lines += ["  tone confusion (rows gold, columns predicted):",
                  *("    " + s for s in f.tone_confusion.to_string().splitlines()),
                  "  pair confusion (rows gold, columns predicted; none = no pair):",
                  *("    " + s for s in f.pair_confusion.to_string().splitlines())]
    return lines


# Predictions of both methods in one format
# ---------------------------------------------------------------------------


def lexicon_predictions(tables: dict[str, pd.DataFrame], examples) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The lexicon method's pairs and tones for prepared examples, with gold, in the format of
    :func:`arnews.stance_train.predict_examples`."""
    from .stance.dyads import country_dyads

    keys = {(e.view.article_id, e.view.sentence_id): e for e in examples}
    cd = country_dyads(tables.get("stance"))
    pred = {}
    for r in cd.itertuples(index=False):
        if (r.article_id, int(r.sentence_id)) in keys and r.a != r.b:
            pred[(r.article_id, int(r.sentence_id), r.a, r.b)] = r.label
    gold = {(e.view.article_id, e.view.sentence_id, a, b): lab for e in examples for (a, b), lab in e.gold_pairs.items()}
    rows = [{"article_id": k[0], "sentence_id": k[1], "a": k[2], "b": k[3], "label": pred.get(k, "none"),
             "gold": gold.get(k, "none"), "group": keys[k[:2]].group} for k in sorted(set(pred) | set(gold))]
    pairs = pd.DataFrame(rows, columns=["article_id", "sentence_id", "a", "b", "label", "gold", "group"])
    ss = tables.get("sentence_stance")
    lab = {(a, int(s)): l for a, s, l in zip(ss["article_id"], ss["sentence_id"], ss["label"])} if ss is not None else {}
    tones = pd.DataFrame({"article_id": [e.view.article_id for e in examples], "sentence_id": [e.view.sentence_id for e in examples],
                          "label": [lab.get((e.view.article_id, e.view.sentence_id), "neutral") for e in examples],
                          "gold": [e.tone for e in examples], "group": [e.group for e in examples]})
    return pairs, tones


def sample_gold(ann=None) -> tuple[pd.DataFrame, dict[str, pd.DataFrame], int]:
    """The sample's labelled sentences aligned with the pipeline's sentences, the annotation
    tables of the sample, and the number of gold rows whose text no longer matches."""
    from .corpus import load_corpus
    from .pipeline import annotate
    from .resources import data_path
    from .evaluation.stance_gold import read_gold

    gold = read_gold()
    if ann is None:
        ann = annotate(load_corpus(data_path("articles")), cache=False)
    sents = ann.tables["sentences"]
    m = gold.merge(sents[["article_id", "sentence_id", "text"]], on=["article_id", "sentence_id"], how="left", suffixes=("", "_sys"))
    ok = m["text"].str.strip() == m["text_sys"].fillna("").str.strip()
    from .stance_model import lexicon_tables

    return m[ok].drop(columns="text_sys").reset_index(drop=True), lexicon_tables(dict(ann.tables)), int((~ok).sum())


HELD_OUT_LEXICON = ("004_",)  # sample articles the lexicon rules were not developed on


def heldout_dir() -> Path:
    """The written held-out stance sets: ``data/gold/stance_heldout/`` (same CSV format as
    the training corpus; never read by ``train-stance``). The folder may not exist: between
    rounds the last set has joined training and the next is being written (git keeps no empty
    folder), and :func:`heldout_figures` then gives no figures."""
    from .resources import data_path

    return data_path("gold") / "stance_heldout"


def heldout_figures(model, folder: str | Path | None = None, n_boot: int = 1000) -> dict[str, Figures]:
    """The model and the lexicon scored on the written held-out set (``{}`` when there is none).

    Intervals resample whole articles of the set.
    """
    from .stance_train import annotate_rows, predict_examples, prepare, read_written

    folder = Path(folder) if folder is not None else heldout_dir()
    if not folder.is_dir() or not any(folder.glob("*.csv")):
        return {}
    rows = read_written(folder)
    tables = annotate_rows(rows)
    ex = prepare(rows, tables, group="article_id")
    note = f"{len(ex)} sentences, {rows['article_id'].nunique()} articles, written blind"
    pm, tm = predict_examples(model, ex)
    pl, tl = lexicon_predictions(tables, ex)
    return {"model_heldout": score("Model, written HELD-OUT set (never trained or tuned on)", pm, tm, n_boot=n_boot, note=note),
            "lexicon_heldout": score("Lexicon, written held-out set", pl, tl, n_boot=n_boot, note=note)}


def evaluate(model=None, written: str | Path | None = None, n_boot: int = 1000, cv: bool = True,
             heldout: str | Path | None = None) -> dict[str, Figures]:
    """Every figure of the stance methods (see the module docstring). Keys: ``model_cv``,
    ``lexicon_written``, ``model_heldout`` and ``lexicon_heldout`` (when a held-out set
    exists), ``model_sample``, ``lexicon_sample``, ``model_sample_004``,
    ``lexicon_sample_004``."""
    from .stance_model import default_model
    from .stance_train import annotate_rows, cross_validate, prepare, read_written

    out: dict[str, Figures] = {}
    rows = read_written(written)
    tables = annotate_rows(rows)
    ex = prepare(rows, tables)
    if cv:
        p, t = cross_validate(ex)
        out["model_cv"] = score("Model, written corpus, each writing batch held out in turn", p, t, n_boot=n_boot,
                                note=f"{len(ex)} sentences, {len(set(e.group for e in ex))} batches")
    p, t = lexicon_predictions(tables, ex)
    out["lexicon_written"] = score("Lexicon, written corpus (unseen by its rules)", p, t, n_boot=n_boot,
                                   note="it makes no neutral pairs except negated cues")
    model = model or default_model()
    out.update(heldout_figures(model, heldout, n_boot))
    out.update(sample_figures(model, n_boot))
    return out


def sample_figures(model=None, n_boot: int = 1000) -> dict[str, Figures]:
    """The model and the lexicon on the five sample articles, and on article 004 alone (held
    out from both). Keys: ``model_sample``, ``lexicon_sample``, ``model_sample_004``,
    ``lexicon_sample_004``. Reads only the sample (what the stance notebook prints)."""
    from .stance_model import default_model
    from .stance_train import predict_examples, prepare

    model = model or default_model()
    rows_s, tables_s, _ = sample_gold()
    ex_s = prepare(rows_s, tables_s, group="article_id")
    pm, tm = predict_examples(model, ex_s)
    pl, tl = lexicon_predictions(tables_s, ex_s)
    cc = STANCE_PAIR_LABELS
    held = lambda d: d[d["article_id"].str.startswith(HELD_OUT_LEXICON)]  # noqa: E731
    return {
        "model_sample": score("Model, five sample articles (never trained or tuned on)", pm, tm, cc, n_boot,
                              "pairs scored on cooperation/conflict, as the sample gold lists only those"),
        "lexicon_sample": score("Lexicon, five sample articles (IN-SAMPLE: rules developed on 000-003)", pl, tl, cc, n_boot),
        "model_sample_004": score("Model, sample article 004", held(pm), held(tm), cc, n_boot),
        "lexicon_sample_004": score("Lexicon, sample article 004 (held out from its rules)", held(pl), held(tl), cc, n_boot),
    }


def decision_line(model) -> str:
    """How the model turns pair probabilities into labels (its biases, chosen on out-of-batch
    predictions of the written corpus when it was trained), for the printed report.

    >>> from types import SimpleNamespace
    >>> decision_line(SimpleNamespace(none_bias=-0.9, cooperation_bias=0.25))
    'Model decision: a pair is labelled when a relation beats "no pair" after a bias of -0.90 on the log-probability of "no pair" and +0.25 on that of cooperation (both chosen on out-of-batch predictions of the written corpus).'
    """
    return (f'Model decision: a pair is labelled when a relation beats "no pair" after a bias of {model.none_bias:+.2f} '
            f'on the log-probability of "no pair" and {model.cooperation_bias:+.2f} on that of cooperation (both chosen '
            "on out-of-batch predictions of the written corpus).")


def report(**kwargs) -> str:
    """The printed stance evaluation (``python -m arnews evaluate stance``)."""
    from .stance_model import default_model

    figs = evaluate(**kwargs)
    lines = ["Stance: trained pair model and lexicon method. 95% intervals: bootstrap over articles (1000 draws).",
             decision_line(kwargs.get("model") or default_model()), ""]
    for f in figs.values():
        lines += format_figures(f) + [""]
    return "\n".join(lines)


def evaluation_report() -> str:
    """``python -m arnews evaluate stance``: the model and lexicon figures above, then the
    lexicon method's figures by development split on the sample and the older supervised
    sentence classifier (:mod:`arnews.evaluation.stance`)."""
    from .evaluation.stance import evaluation_report as lexicon_report

    return report() + "\n\nLexicon method in detail (sample gold, by development split)\n" + lexicon_report()
