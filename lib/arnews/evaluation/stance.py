"""Stance figures on the hand-labelled sentences (``python -m arnews evaluate stance``): the
lexicon method's sentence labels and country dyads, by dev/test split, and the supervised
classifier cross-validated (:mod:`arnews.evaluation.stance_cv`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from ..corpus import load_corpus
from ..pipeline import annotate
from ..resources import data_path
from ..stance import LABELS, country_dyads
from ..stance.stage import lexicon_stance
from .stance_cv import cross_validate, split_validate
from .stance_gold import DEV_ARTICLES, gold_split, parse_dyads, read_gold

__all__ = ["evaluate", "evaluation_report"]


def _macro_f1(y_true: list[str], y_pred: list[str]) -> tuple[float, pd.DataFrame, pd.DataFrame]:
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    p, r, f, n = precision_recall_fscore_support(y_true, y_pred, labels=LABELS, zero_division=0)
    per = pd.DataFrame({"label": LABELS, "precision": p, "recall": r, "f1": f, "support": n})
    cm = pd.DataFrame(confusion_matrix(y_true, y_pred, labels=LABELS), index=[f"gold {x}" for x in LABELS],
                      columns=[f"pred {x}" for x in LABELS])
    return float(np.mean(f)), per, cm


def _subset_figures(m: pd.DataFrame, dy: pd.DataFrame, pred: dict) -> dict:
    """Sentence and dyad figures for aligned gold rows ``m`` (with ``label_pred``) and dyad rows ``dy``."""
    f1, per, cm = _macro_f1(m["label"].tolist(), m["label_pred"].tolist())
    acc = float((m["label"] == m["label_pred"]).mean()) if len(m) else float("nan")
    gold_keys = {(r.article_id, r.sentence_id, r.pair.split("~")[0], r.pair.split("~")[1]): r.gold for r in dy.itertuples()}
    keys = set(zip(m["article_id"], m["sentence_id"]))
    pred_nonneutral = [(k, v.label) for k, v in pred.items() if v.label != "neutral" and (k[0], k[1]) in keys]
    prec = (sum(gold_keys.get(k) == lab for k, lab in pred_nonneutral) / len(pred_nonneutral)) if pred_nonneutral else float("nan")
    rc = dy[dy["pair"] == "CHN~RUS"]
    dchk = dy["direction_ok"].dropna()
    return {
        "n_sentences": int(len(m)),
        "sentence_accuracy": acc,
        "sentence_macro_f1": f1,
        "per_label": per,
        "confusion": cm,
        "dyads": {
            "n_gold": int(len(dy)),
            "accuracy": float(dy["correct"].mean()) if len(dy) else float("nan"),
            "precision": prec,
            "n_predicted": len(pred_nonneutral),
            "direction_accuracy": float(dchk.astype(bool).mean()) if len(dchk) else float("nan"),
            "n_directed_found": int(len(dchk)),
        },
        "rus_chn": {"n": int(len(rc)), "accuracy": float(rc["correct"].mean()) if len(rc) else float("nan")},
    }


def evaluate(gold_path: str | Path | None = None, corpus: str | Path | None = None, ann=None, *, cv_folds: int = 5,
             dev: Iterable[str] = DEV_ARTICLES) -> dict:
    """Evaluate the lexicon method (and the supervised classifier, cross-validated) on gold.

    Runs the pipeline on the sample corpus (or uses ``ann``), aligns sentences with the gold
    rows by ``article_id``/``sentence_id`` (rows whose text differs are reported and skipped)
    and returns a dict: ``n_sentences``, ``misaligned``, ``sentence_macro_f1``,
    ``per_label``, ``confusion``, ``dyads`` (n_gold, accuracy, precision, direction accuracy),
    ``rus_chn`` (n, accuracy) for all gold rows; ``splits``: the same figures for ``all``,
    ``dev`` (articles whose id starts with a ``dev`` prefix, used to develop the rules) and
    ``test`` (the held-out rest); ``supervised`` (cross-validated, see
    :func:`arnews.stance_ml.cross_validate`, plus ``dev_to_test``: trained on dev, scored on
    test); ``errors`` (the disagreeing sentences, with their ``split``).
    """
    gold = read_gold(gold_path)
    if ann is None:
        ann = annotate(load_corpus(corpus or data_path("articles")), cache=False)
    sents = ann.tables["sentences"]
    # this evaluation is the lexicon method's: its tables are made here whatever method the
    # pipeline ran (the trained model is evaluated by arnews.stance_eval)
    tables = dict(ann.tables)
    tables.update(lexicon_stance(tables))
    ss, st = tables["sentence_stance"], tables["stance"]
    m = gold.merge(sents[["article_id", "sentence_id", "text"]], on=["article_id", "sentence_id"], how="left", suffixes=("", "_sys"))
    aligned = m["text"].str.strip() == m["text_sys"].fillna("").str.strip()
    misaligned = m.loc[~aligned, ["article_id", "sentence_id", "text"]]
    m = m[aligned].merge(ss[["article_id", "sentence_id", "label", "score", "cues"]], on=["article_id", "sentence_id"],
                         suffixes=("", "_pred"))
    m["split"] = gold_split(m["article_id"], dev)
    # dyads
    cd = country_dyads(st if st is not None else None)
    pred = {(r.article_id, r.sentence_id, r.a, r.b): r for r in cd.itertuples(index=False)}
    rows = []
    for r in m.itertuples(index=False):
        for s, t, directed, label in parse_dyads(r.dyads):
            a, b = sorted((s, t))
            p = pred.get((r.article_id, r.sentence_id, a, b))
            plabel = p.label if p is not None else "none"
            dir_ok = None
            if p is not None and directed:
                dir_ok = f"{s}>{t}" in p.directions.split("|")
            rows.append({"article_id": r.article_id, "sentence_id": r.sentence_id, "split": r.split,
                         "dyad": f"{s}{'>' if directed else '~'}{t}", "pair": f"{a}~{b}", "gold": label, "pred": plabel,
                         "correct": plabel == label, "direction_ok": dir_ok})
    dy = pd.DataFrame(rows, columns=["article_id", "sentence_id", "split", "dyad", "pair", "gold", "pred", "correct", "direction_ok"])
    splits = {"all": _subset_figures(m, dy, pred)}
    for name in ("dev", "test"):
        if (m["split"] == name).any():
            splits[name] = _subset_figures(m[m["split"] == name], dy[dy["split"] == name], pred)
    pred_keys = set(zip(m["article_id"], m["sentence_id"]))
    extra = cd[[(a, s) in pred_keys for a, s in zip(cd["article_id"], cd["sentence_id"])]] if len(cd) else cd
    res = dict(splits["all"])
    res.update({
        "misaligned": misaligned,
        "splits": splits,
        "dyad_table": dy,
        "predicted_dyads": extra,
        "errors": m.loc[m["label"] != m["label_pred"], ["article_id", "sentence_id", "split", "label", "label_pred", "score", "cues", "text"]],
    })
    try:
        res["supervised"] = cross_validate(gold, folds=cv_folds)
        res["supervised"]["dev_to_test"] = split_validate(gold, dev=dev)
    except ImportError:  # pragma: no cover
        res["supervised"] = None
    return res


def _format_figures(r: dict, name: str) -> list[str]:
    d, rc = r["dyads"], r["rus_chn"]
    return [
        f"  [{name}] {r['n_sentences']} sentences: sentence macro-F1 {r['sentence_macro_f1']:.3f} (accuracy "
        f"{r['sentence_accuracy']:.3f}); dyad accuracy {d['accuracy']:.3f} ({d['n_gold']} gold); dyad precision "
        f"{d['precision']:.3f} ({d['n_predicted']} predicted); direction {d['direction_accuracy']:.3f} "
        f"({d['n_directed_found']}); Russia–China {rc['accuracy']:.3f} ({rc['n']})",
    ]


def evaluation_report(gold_path: str | Path | None = None) -> str:
    """Human-readable figures for ``python -m arnews evaluate stance``: all gold rows, then the
    dev articles (used to develop the rules) and the held-out test articles separately."""
    r = evaluate(gold_path)
    d, rc = r["dyads"], r["rus_chn"]
    lines = [
        f"Stance, lexicon method, on {r['n_sentences']} hand-labelled sentences (data/gold/stance_sentences.csv)",
    ]
    if len(r["misaligned"]):
        lines.append(f"  WARNING: {len(r['misaligned'])} gold rows no longer match the sentence split and were skipped")
    lines += [
        f"  sentence macro-F1   {r['sentence_macro_f1']:.3f}   (accuracy {r['sentence_accuracy']:.3f}; target >= 0.80)",
        "",
        r["per_label"].to_string(index=False, float_format=lambda x: f"{x:.3f}"),
        "",
        "  confusion matrix (rows gold, columns predicted):",
        r["confusion"].to_string(),
        "",
        f"  dyad-label accuracy {d['accuracy']:.3f}   ({d['n_gold']} gold country dyads; a dyad is right when the system "
        f"finds the same country pair in the sentence with the same label; target >= 0.85)",
        f"  dyad precision      {d['precision']:.3f}   ({d['n_predicted']} non-neutral predicted country pairs)",
        f"  direction accuracy  {d['direction_accuracy']:.3f}   (directed gold dyads whose pair was found: {d['n_directed_found']})",
        f"  Russia–China dyads  {rc['accuracy']:.3f}   ({rc['n']} gold CHN–RUS dyads)",
        "",
        "  by split (dev = articles " + ", ".join(p.rstrip("_") for p in DEV_ARTICLES)
        + ", used to develop the rules; test = the other articles, held out). The [all] figures include the",
        "  dev articles: only [test] estimates unseen text (earlier rounds: data/gold/README.md).",
    ]
    for name in ("all", "dev", "test"):
        if name in r["splits"]:
            lines += _format_figures(r["splits"][name], name)
    sup = r.get("supervised")
    if sup is not None:
        lines += [
            "",
            f"Stance, supervised (TF-IDF char + word n-grams and the lexicon's evidence as features, logistic regression "
            f"with balanced class weights), {sup['folds']}-fold cross-validation (folds grouped by article: {sup['grouped']}; "
            "the lexicon feature was developed on the dev articles, so folds holding them are not fully unseen)",
            f"  sentence macro-F1   {sup['macro_f1']:.3f}   (accuracy {sup['accuracy']:.3f})",
            "  confusion matrix (rows gold, columns predicted):",
            sup["confusion"].to_string(),
        ]
        dt = sup.get("dev_to_test")
        if dt is not None:
            lines.append(f"  trained on dev ({dt['n_train']} sentences), scored on test ({dt['n_test']}): macro-F1 "
                         f"{dt['macro_f1']:.3f} (accuracy {dt['accuracy']:.3f})")
    return "\n".join(lines)
