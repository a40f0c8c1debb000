"""Actor mentions against the hand labels of ``data/gold/actors.csv`` (``python -m arnews
evaluate actors``).

>>> r = evaluate()                                  # doctest: +SKIP
>>> round(r["actor"]["f1"], 3)                      # doctest: +SKIP
0.996
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..actors import default_gazetteer, find_mentions, split_field, validate_gazetteer
from ..corpus import load_corpus
from ..resources import data_path
from ..stages import annotate_chunk

__all__ = ["GOLD_COLUMNS", "read_gold", "evaluate", "evaluation_report"]


GOLD_COLUMNS = ["article_id", "sentence_id", "sentence_text", "actor_ids"]


def read_gold(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """Read the hand-labelled sentences (``article_id, sentence_id, sentence_text, actor_ids``).

    ``actor_ids`` is a ``|``-separated set (empty when the sentence names no actor).

    >>> g = read_gold()
    >>> sorted(g.loc[(g.article_id.str.startswith("004")) & (g.sentence_id == 9), "actors"].iloc[0])
    ['PUTIN', 'XI', 'YANG_JIECHI']
    """
    p = Path(path) if path is not None else data_path("gold/actors.csv")
    df = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in GOLD_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"{p}: missing column(s) {missing}; expected {GOLD_COLUMNS}")
    bad = df[~df["sentence_id"].str.fullmatch(r"\d+")]
    if len(bad):
        raise ValueError(f"{p}, row {bad.index[0] + 2}: sentence_id {bad['sentence_id'].iloc[0]!r} is not a number")
    df["sentence_id"] = df["sentence_id"].astype(int)
    df["actors"] = df["actor_ids"].map(lambda v: frozenset(split_field(v)))
    dup = df.duplicated(["article_id", "sentence_id"], keep=False)
    if dup.any():
        r = df[dup].iloc[0]
        raise ValueError(f"{p}: sentence {r['article_id']}#{r['sentence_id']} is labelled twice")
    df.attrs["source"] = str(p)
    return df


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(
    gold: pd.DataFrame | str | os.PathLike | None = None,
    corpus: str | os.PathLike | None = None,
    gazetteer: pd.DataFrame | None = None,
) -> dict:
    """Compare :func:`find_mentions` with the hand-labelled sentences.

    The gold articles are loaded from ``corpus`` (default: the sample ``data/articles``),
    cleaned and split with the pipeline's own stages; every gold sentence must have the
    same ``sentence_text`` as the sentence with its id, otherwise it is left out and listed
    under ``mismatches``. Scores are micro-averaged over (sentence, actor) pairs, and again
    over (sentence, country) pairs (each actor mapped to its ``country``).

    Returns a dict: ``precision, recall, f1, tp, fp, fn, n_sentences, n_articles``,
    ``country`` (the same scores at country level), ``per_actor`` (DataFrame),
    ``errors`` (DataFrame of false positives/negatives with the sentence) and ``mismatches``.

    >>> r = evaluate()                                       # doctest: +SKIP
    >>> round(r["precision"], 3), round(r["recall"], 3)      # doctest: +SKIP
    """

    g = gold if isinstance(gold, pd.DataFrame) else read_gold(gold)
    arts = load_corpus(corpus if corpus is not None else data_path("articles"))
    unknown = sorted(set(g["article_id"]) - set(arts["article_id"]))
    if unknown:
        raise ValueError(f"gold actors: article(s) {unknown} are not in the corpus {corpus or data_path('articles')}")
    arts = arts[arts["article_id"].isin(set(g["article_id"]))]
    tables = annotate_chunk(arts, ["clean", "text"])
    sents = tables["sentences"].set_index(["article_id", "sentence_id"])["text"]
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["clean_text"]))
    gaz = default_gazetteer() if gazetteer is None else validate_gazetteer(gazetteer)
    dates = dict(zip(tables["articles"]["article_id"], tables["articles"]["date"]))
    # the default gazetteer comes with the default role titles; a custom one with none
    ment = find_mentions(tables["tokens"], gazetteer, texts=texts, dates=dates)
    country_of = dict(zip(gaz["actor_id"], gaz["country"]))

    mismatches = []
    ok_rows = []
    for r in g.itertuples(index=False):
        have = sents.get((r.article_id, r.sentence_id))
        if have is None or " ".join(have.split()) != " ".join(str(r.sentence_text).split()):
            mismatches.append({"article_id": r.article_id, "sentence_id": r.sentence_id,
                               "gold_text": r.sentence_text, "pipeline_text": have})
        else:
            ok_rows.append(r)
    pred = ment.groupby(["article_id", "sentence_id"])["actor_id"].agg(frozenset).to_dict()

    gold_pairs, pred_pairs = set(), set()
    text_of = {}
    for r in ok_rows:
        key = (r.article_id, r.sentence_id)
        text_of[key] = r.sentence_text
        gold_pairs |= {(*key, a) for a in r.actors}
        pred_pairs |= {(*key, a) for a in pred.get(key, frozenset())}
    tp, fp, fn = gold_pairs & pred_pairs, pred_pairs - gold_pairs, gold_pairs - pred_pairs
    p, rcl, f = _prf(len(tp), len(fp), len(fn))

    def to_country(pairs):
        return {(a, s, country_of.get(x, x)) for a, s, x in pairs}

    gc, pc = to_country(gold_pairs), to_country(pred_pairs)
    cp, cr, cf = _prf(len(gc & pc), len(pc - gc), len(gc - pc))

    actors = sorted({x for *_k, x in gold_pairs | pred_pairs})
    per = []
    for a in actors:
        t = sum(1 for *_k, x in tp if x == a)
        fpa = sum(1 for *_k, x in fp if x == a)
        fna = sum(1 for *_k, x in fn if x == a)
        pa, ra, fa = _prf(t, fpa, fna)
        per.append({"actor_id": a, "gold": t + fna, "predicted": t + fpa, "tp": t, "fp": fpa, "fn": fna,
                    "precision": pa, "recall": ra, "f1": fa})
    per_actor = pd.DataFrame(per, columns=["actor_id", "gold", "predicted", "tp", "fp", "fn", "precision", "recall", "f1"])
    per_actor = per_actor.sort_values(["gold", "actor_id"], ascending=[False, True]).reset_index(drop=True)
    errs = [{"kind": kind, "article_id": a, "sentence_id": s, "actor_id": x, "sentence_text": text_of[(a, s)]}
            for kind, pairs in (("false positive", fp), ("false negative", fn)) for a, s, x in sorted(pairs)]
    return {
        "precision": p, "recall": rcl, "f1": f,
        "tp": len(tp), "fp": len(fp), "fn": len(fn),
        "n_sentences": len(ok_rows), "n_articles": len({r.article_id for r in ok_rows}),
        "country": {"precision": cp, "recall": cr, "f1": cf, "tp": len(gc & pc), "fp": len(pc - gc), "fn": len(gc - pc)},
        "per_actor": per_actor,
        "errors": pd.DataFrame(errs, columns=["kind", "article_id", "sentence_id", "actor_id", "sentence_text"]),
        "mismatches": mismatches,
    }


def evaluation_report() -> str:
    """Human-readable scores of the actor matcher on ``data/gold/actors.csv``
    (printed by ``python -m arnews evaluate actors``)."""
    r = evaluate()
    lines = [
        f"Actor mentions vs. hand labels in {data_path('gold/actors.csv')}: "
        f"{r['n_sentences']} sentences from {r['n_articles']} articles",
        f"  (sentence, actor) pairs:   precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}"
        f"   (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})",
        f"  (sentence, country) pairs: precision {r['country']['precision']:.3f}  recall {r['country']['recall']:.3f}"
        f"  F1 {r['country']['f1']:.3f}   (tp {r['country']['tp']}, fp {r['country']['fp']}, fn {r['country']['fn']})",
    ]
    if r["mismatches"]:
        lines.append(f"  WARNING: {len(r['mismatches'])} gold sentence(s) no longer match the pipeline's "
                     "sentences and were left out (re-label them):")
        for mm in r["mismatches"][:10]:
            lines.append(f"    {mm['article_id']}#{mm['sentence_id']}: gold {mm['gold_text'][:60]!r} vs {str(mm['pipeline_text'])[:60]!r}")
    lines += ["", "Per actor:", r["per_actor"].to_string(index=False, float_format=lambda x: f"{x:.2f}")]
    if len(r["errors"]):
        lines += ["", "Errors:"]
        for e in r["errors"].itertuples(index=False):
            lines.append(f"  {e.kind}: {e.actor_id} in {e.article_id}#{e.sentence_id}: {e.sentence_text[:90]}")
    return "\n".join(lines)
