"""Validate stance on your own corpus: sample sentences to label, measure, learn.

The loop (``python -m arnews label …``, ``notebooks/04_validate.ipynb``):

1. :func:`sample_for_labelling` picks sentences of the corpus and :func:`update_label_file`
   writes them to a labels CSV in the gold format (``article_id, sentence_id, text, label,
   dyads`` + ``no_relation``, the candidate pairs, the actors, date, outlet …). Labels already
   given are never overwritten; re-running appends new sentences.
2. The researcher fills ``label`` (cooperation / conflict / neutral), ``dyads``
   (``A~B:label|…``, guideline v2 in ``data/gold/README.md``) and ``no_relation`` (``yes``
   when the sentence relates no two states) in a spreadsheet or with
   :class:`arnews.labelling.Labeller`.
3. :func:`evaluate_user_labels` prints the built-in evaluation's table on those labels, with
   bootstrap 95% intervals and a warning when the sample is too small.
4. :func:`arnews.validate_learn.learn_from_labels` retrains the pair model with the labels added, reports before /
   after (cross-validated by article) and saves the model next to the corpus.
5. :mod:`arnews.correct` corrects the corpus shares for the measured errors.

Only the ``random`` strategy gives figures that estimate accuracy on the whole corpus:
``stratified`` (equal numbers per predicted tone) and ``uncertain`` (the model's least
certain sentences, best for training) describe the sentences they picked, nothing more.

Example
-------
>>> from arnews.validate import main
>>> main(["data/articles", "--n", "20", "--out", "labels.csv"])   # doctest: +SKIP
0
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Union

import numpy as np
import pandas as pd

from .stance_model import TONE_LABELS, StanceModel, pair_contexts, sentence_views
from .stance_train import parse_pairs

if TYPE_CHECKING:
    from .tables import AnnotationFolder

__all__ = [
    "LABEL_COLUMNS", "STRATEGIES", "Predictions", "classify", "classify_folder", "article_tables", "candidate_pairs", "sample_for_labelling",
    "update_label_file", "top_up_label_file", "write_label", "read_label_file", "read_user_labels", "in_corpus", "with_gold", "measure",
    "evaluate_user_labels", "labelled_tables", "model_or_none", "main", "evaluate_main", "MIN_SENTENCES", "MIN_ARTICLES",
]

STRATEGIES = ("random", "stratified", "uncertain")
# The gold format first (stance_train.read_written reads these), then what helps the labeller.
LABEL_COLUMNS = ["article_id", "sentence_id", "text", "label", "dyads", "no_relation", "candidates", "actors",
                 "date", "outlet", "title", "strategy", "batch", "note"]
YES = {"yes", "y", "1", "true", "x"}
MIN_SENTENCES = 100  # fewer labelled sentences than this: figures are not stable
MIN_ARTICLES = 20
RANDOM_NOTE = "random sample: the figures estimate accuracy on the whole corpus"
NOT_RANDOM_NOTE = ("NOT a random sample (strategy {s}): the figures describe the sentences picked, "
                   "not the corpus; sample with --strategy random to estimate corpus-wide accuracy")


class Predictions(NamedTuple):
    """One classifier's output on a corpus: pair rows, sentence tones and which method made them."""

    pairs: pd.DataFrame  # article_id, sentence_id, a, b, label (none/cooperation/conflict/neutral), probability
    tones: pd.DataFrame  # article_id, sentence_id, label, probability
    method: str


#: A dict of annotation tables or an annotation folder (:class:`arnews.tables.AnnotationFolder`).
Tables = Union[dict, "AnnotationFolder"]


# Predictions in one format, whatever made them
# ---------------------------------------------------------------------------


def model_or_none(model: StanceModel | str | os.PathLike | None) -> StanceModel | None:
    from .stance_model import load_model, model_path

    if isinstance(model, StanceModel):
        return model
    if model is not None:
        return load_model(model)
    try:
        return load_model(model_path())
    except FileNotFoundError:  # no shipped model yet
        return None


def classify(tables: Tables, model: StanceModel | str | os.PathLike | None = None) -> Predictions:
    """Pair and tone predictions for annotation tables: the given model (object or path), else
    the shipped model, else the lexicon method (``stance`` and ``sentence_stance`` tables) when
    no model file exists.

    ``tables`` is a dict of tables or an annotation folder (:class:`arnews.tables.AnnotationFolder`,
    read in part: see :func:`classify_folder`).

    >>> p = classify(ann.tables)            # doctest: +SKIP
    >>> p.method                            # doctest: +SKIP
    'model'
    """
    if not isinstance(tables, dict):
        return classify_folder(tables, model)
    m = model_or_none(model)
    if m is not None:
        pairs, tones = m.predict(tables)
        return Predictions(pairs, tones, f"model {Path(model).name}" if isinstance(model, (str, os.PathLike)) else "model")
    from .stance.dyads import country_dyads

    cd = country_dyads(tables.get("stance"))
    pairs = cd[["article_id", "sentence_id", "a", "b", "label"]].copy()
    pairs["probability"] = np.nan
    ss = tables.get("sentence_stance")
    tones = (ss[["article_id", "sentence_id", "label"]].copy() if ss is not None
             else pd.DataFrame(columns=["article_id", "sentence_id", "label"]))
    tones["probability"] = np.nan
    return Predictions(pairs.reset_index(drop=True), tones.reset_index(drop=True), "lexicon")


def classify_folder(folder, model: StanceModel | str | os.PathLike | None = None, batch: int = 5000) -> Predictions:
    """:func:`classify` on an annotation folder without loading it whole: when ``model`` is None
    and the annotation's stance was made by the model (the pipeline's default, with the model in
    use), its own ``stance_pairs`` and ``sentence_stance`` are read (a few columns); otherwise the
    classifier runs on ``batch`` articles at a time (every feature is within one article, so
    batches give the same predictions as the whole corpus at once).

    >>> p = classify_folder(AnnotationFolder("out/annotations"))     # doctest: +SKIP
    """
    if model is None and folder.has("stance_pairs") and folder.has("sentence_stance") \
            and "method" in folder.columns("sentence_stance"):
        tones = folder.read("sentence_stance", ["article_id", "sentence_id", "label", "probability", "method"])
        if len(tones) and (tones["method"] == "model").all():
            pairs = folder.read("stance_pairs", ["article_id", "sentence_id", "a", "b", "label", "probability"])
            return Predictions(pairs, tones.drop(columns="method"), "model")
    ids = folder.read("sentences", ["article_id"])["article_id"].drop_duplicates().tolist()
    parts = [classify(article_tables(folder, ids[i:i + batch]), model) for i in range(0, len(ids), batch)]
    if not parts:  # no sentence in the folder
        return Predictions(pd.DataFrame(columns=["article_id", "sentence_id", "a", "b", "label", "probability"]),
                           pd.DataFrame(columns=["article_id", "sentence_id", "label", "probability"]),
                           "model" if model_or_none(model) is not None else "lexicon")
    return Predictions(pd.concat([p.pairs for p in parts], ignore_index=True),
                       pd.concat([p.tones for p in parts], ignore_index=True), parts[0].method)


def article_tables(tables: Tables, article_ids, names: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """The rows of some articles in every table, or in the tables ``names`` (from a folder,
    only those rows of those tables are read).

    >>> article_tables({"sentences": pd.DataFrame({"article_id": ["a", "b"], "sentence_id": [0, 0]})}, ["b"])["sentences"]["article_id"].tolist()
    ['b']
    """
    ids = set(article_ids)
    if isinstance(tables, dict):
        return {k: (df[df["article_id"].isin(ids)] if "article_id" in df.columns else df) for k, df in tables.items()
                if names is None or k in names}
    return {t: tables.read(t, article_ids=ids) for t in (tables.tables() if names is None else names)}


def _sentences(tables: Tables, columns: list[str]) -> pd.DataFrame:
    if isinstance(tables, dict):
        return tables["sentences"][columns]
    return tables.read("sentences", columns)


def candidate_pairs(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The pairs of states the model would consider in each sentence (named in it, or proposed
    by the lexicon, a quote's speaker or a dual reference such as البلدين) and the actors it
    names: ``article_id, sentence_id, candidates`` (``A~B|…``), ``actors`` (``surface=CODE|…``).
    """
    rows = []
    for v in sentence_views(tables):
        pairs = [f"{a}~{b}" for a, b, ctx in pair_contexts(v) if not ctx.implicit.startswith("context")]
        actors = list(dict.fromkeys(f"{m.surface}={m.code}" for m in sorted(v.mentions, key=lambda m: m.first)))
        rows.append((v.article_id, v.sentence_id, "|".join(pairs), "|".join(actors)))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "candidates", "actors"])


# Sampling
# ---------------------------------------------------------------------------


def _uncertainty(pred: Predictions) -> pd.Series:
    """1 − the lowest probability of the sentence's tone and pairs (higher = less certain)."""
    if pred.tones["probability"].isna().all():
        raise ValueError("strategy 'uncertain' needs the trained model's probabilities; no model file was found "
                         "(build one with `python -m arnews train-stance` or pass --model)")
    keys = ["article_id", "sentence_id"]
    low = pred.tones.set_index(keys)["probability"]
    if len(pred.pairs):
        lowp = pred.pairs.groupby(keys)["probability"].min()
        low = pd.concat([low, lowp], axis=1).min(axis=1)
    return 1 - low


def sample_for_labelling(tables: Tables, articles: pd.DataFrame | None, n: int,
                         strategy: str = "random", seed: int = 0, predictions: Predictions | None = None,
                         exclude: pd.DataFrame | None = None) -> pd.DataFrame:
    """``n`` sentences of the corpus to label, in the labels-file format (:data:`LABEL_COLUMNS`).

    ``random`` (default): a simple random sample of sentences, the only one whose figures
    estimate corpus-wide accuracy. ``stratified``: as equal numbers as possible per predicted
    tone (rare tones get enough labels; figures describe the sample only). ``uncertain``: the
    sentences the model is least sure of (for training). ``exclude`` (rows with
    ``article_id, sentence_id``) are never picked again.

    >>> rows = sample_for_labelling(ann.tables, ann.articles, 200, seed=0)   # doctest: +SKIP
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"strategy {strategy!r}: expected one of {STRATEGIES}")
    if n < 1:
        raise ValueError(f"n must be positive, not {n}")
    sents = _sentences(tables, ["article_id", "sentence_id"]).copy()  # text only for the sentences picked
    sents["sentence_id"] = sents["sentence_id"].astype(int)
    if exclude is not None and len(exclude):
        done = set(zip(exclude["article_id"].astype(str), exclude["sentence_id"].astype(int)))
        sents = sents[[k not in done for k in zip(sents["article_id"].astype(str), sents["sentence_id"])]]
    rng = np.random.default_rng(seed)
    if strategy == "random":
        pick = sents.iloc[np.sort(rng.permutation(len(sents))[:n])]
    else:
        pred = predictions if predictions is not None else classify(tables)
        if strategy == "uncertain":
            u = _uncertainty(pred)
            score = [u.get(k, 0.0) for k in zip(sents["article_id"], sents["sentence_id"])]
            order = np.lexsort((rng.random(len(sents)), -np.asarray(score, float)))
            pick = sents.iloc[np.sort(order[:n])]
        else:
            tone = dict(zip(zip(pred.tones["article_id"], pred.tones["sentence_id"].astype(int)), pred.tones["label"]))
            strata = pd.Series([tone.get(k, "neutral") for k in zip(sents["article_id"], sents["sentence_id"])], index=sents.index)
            pick = _stratified(sents, strata, n, rng)
    return _label_rows(pick, tables, articles, strategy)


def _stratified(sents: pd.DataFrame, strata: pd.Series, n: int, rng: np.random.Generator) -> pd.DataFrame:
    groups = {k: rng.permutation(g.index.to_numpy()) for k, g in sents.groupby(strata, sort=True)}
    chosen, i = [], 0
    while len(chosen) < n and any(i < len(v) for v in groups.values()):
        chosen += [v[i] for v in groups.values() if i < len(v)]
        i += 1
    return sents.loc[sorted(chosen[:n], key=sents.index.get_loc)]


def _label_rows(pick: pd.DataFrame, tables: Tables, articles: pd.DataFrame | None, strategy: str) -> pd.DataFrame:
    sub = article_tables(tables, set(pick["article_id"]))
    text = sub["sentences"][["article_id", "sentence_id", "text"]].astype({"sentence_id": int})
    out = pick.reset_index(drop=True).merge(text, on=["article_id", "sentence_id"], how="left")
    cands = candidate_pairs(sub) if "tokens" in sub else pd.DataFrame(columns=["article_id", "sentence_id", "candidates", "actors"])
    out = out.merge(cands, on=["article_id", "sentence_id"], how="left")
    if articles is not None and len(articles):
        meta = articles[[c for c in ("article_id", "date", "outlet", "title") if c in articles.columns]].drop_duplicates("article_id")
        out = out.merge(meta, on="article_id", how="left")
    if "date" in out.columns:
        out["date"] = pd.to_datetime(out["date"], errors="coerce").dt.strftime("%Y-%m-%d")
    out["strategy"], out["batch"] = strategy, "user"
    for c in LABEL_COLUMNS:
        if c not in out.columns:
            out[c] = ""
    return out[LABEL_COLUMNS].fillna("")


# The labels file
# ---------------------------------------------------------------------------


def read_label_file(path: str | os.PathLike) -> pd.DataFrame:
    """Every row of a labels file (labelled or not), all columns as text.

    Raises ``ValueError`` naming the file when a gold column is missing."""
    p = Path(path)
    df = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = [c for c in ("article_id", "sentence_id", "text", "label", "dyads") if c not in df.columns]
    if missing:
        raise ValueError(f"{p}: missing column(s) {missing}; a labels file has {LABEL_COLUMNS[:6]}")
    for c in LABEL_COLUMNS:
        if c not in df.columns:
            df[c] = ""
    return df


def _write_atomic(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    df.to_csv(tmp, index=False, encoding="utf-8")
    os.replace(tmp, path)


def update_label_file(path: str | os.PathLike, new_rows: pd.DataFrame) -> pd.DataFrame:
    """Append ``new_rows`` to the labels file at ``path`` (created if missing) and return the
    whole file. Rows already in the file (same ``article_id, sentence_id``) are kept as they
    are, labels included: nothing already given is overwritten."""
    p = Path(path)
    old = read_label_file(p) if p.exists() else pd.DataFrame(columns=LABEL_COLUMNS)
    new = new_rows.astype(str).copy()
    have = set(zip(old["article_id"], old["sentence_id"].astype(str)))
    new = new[[k not in have for k in zip(new["article_id"], new["sentence_id"].astype(str))]]
    out = pd.concat([old, new], ignore_index=True).fillna("")
    _write_atomic(out, p)
    return out


def top_up_label_file(path: str | os.PathLike, tables: Tables, articles: pd.DataFrame | None,
                      n: int = 200, strategy: str = "random", seed: int = 0,
                      predictions: Predictions | None = None) -> tuple[pd.DataFrame, int]:
    """Create the labels file with ``n`` sentences, or add ``n`` new ones once every sentence
    in it is labelled (so re-running a notebook does not grow the file). Returns the whole
    file and the number of sentences added.

    >>> rows, added = top_up_label_file("labels.csv", ann.tables, ann.articles)   # doctest: +SKIP
    """
    p = Path(path)
    old = read_label_file(p) if p.exists() else None
    if old is not None and (old["label"].str.strip() == "").any():
        return old, 0
    rows = sample_for_labelling(tables, articles, n, strategy, seed, predictions, exclude=old)
    return update_label_file(p, rows), len(rows)


def write_label(path: str | os.PathLike, article_id: str, sentence_id: int | str, label: str, dyads: str = "",
                no_relation: bool = False) -> pd.DataFrame:
    """Set one sentence's labels in the file and write it at once (the labeller calls this
    after every answer, so closing the browser loses nothing)."""
    if label not in TONE_LABELS:
        raise ValueError(f"label {label!r} is not one of {TONE_LABELS}")
    parse_pairs(dyads)  # raises on a bad pair
    p = Path(path)
    df = read_label_file(p)
    hit = (df["article_id"] == str(article_id)) & (df["sentence_id"] == str(sentence_id))
    if not hit.any():
        raise KeyError(f"{p}: no sentence {article_id}/{sentence_id}")
    df.loc[hit, ["label", "dyads", "no_relation"]] = [label, dyads, "yes" if no_relation else ""]
    _write_atomic(df, p)
    return df


def read_user_labels(path: str | os.PathLike) -> pd.DataFrame:
    """The labelled rows of a labels file, checked like the written corpus: ``label`` must be a
    tone, ``dyads`` valid pairs. Adds ``pairs_answered`` (``dyads`` given or ``no_relation``
    set: only those sentences are scored on pairs) and ``group`` (the article).

    Raises ``ValueError`` naming the file and row of a bad label."""
    p = Path(path)
    df = read_label_file(p)
    df = df[df["label"].str.strip() != ""].copy()
    for i, r in df.iterrows():
        if r["label"] not in TONE_LABELS:
            raise ValueError(f"{p}: row {i + 2}: label {r['label']!r} is not one of {TONE_LABELS}")
        try:
            parse_pairs(r["dyads"])
        except ValueError as e:
            raise ValueError(f"{p}: row {i + 2}: {e}") from None
    df["sentence_id"] = df["sentence_id"].astype(int)
    df["pairs_answered"] = (df["dyads"].str.strip() != "") | df["no_relation"].str.strip().str.lower().isin(YES)
    df["group"] = df["article_id"]
    return df.reset_index(drop=True)


# Measuring on the user's labels
# ---------------------------------------------------------------------------


def with_gold(pred: Predictions, rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Predictions of the labelled sentences joined with the labels, in the format
    :func:`arnews.stance_eval.score` reads: pairs (``label``, ``gold``; a gold pair the
    classifier missed has label ``none``) for sentences whose pairs were answered, and tones."""
    keys = ["article_id", "sentence_id"]
    rk = rows[keys].astype({"article_id": str, "sentence_id": int})
    tones = pred.tones.astype({"sentence_id": int}).merge(rk, on=keys, how="right")
    tones["label"] = tones["label"].fillna("neutral")
    tones["gold"] = rows["label"].to_numpy()
    answered = rows[rows["pairs_answered"]] if "pairs_answered" in rows.columns else rows
    gold = pd.DataFrame([(r.article_id, int(r.sentence_id), a, b, lab) for r in answered.itertuples(index=False)
                         for (a, b), lab in parse_pairs(r.dyads).items()], columns=[*keys, "a", "b", "gold"])
    ak = answered[keys].astype({"article_id": str, "sentence_id": int})
    pp = pred.pairs.astype({"sentence_id": int}).merge(ak, on=keys)[[*keys, "a", "b", "label"]]
    pairs = pp.merge(gold, on=[*keys, "a", "b"], how="outer")
    pairs["label"] = pairs["label"].fillna("none")
    pairs["gold"] = pairs["gold"].fillna("none")
    return pairs.reset_index(drop=True), tones.reset_index(drop=True)


def sample_note(rows: pd.DataFrame) -> str:
    """Whether the labelled sentences are a random sample, in words."""
    s = sorted(set(rows.get("strategy", pd.Series(dtype=str)).replace("", "random")))
    return RANDOM_NOTE if s in ([], ["random"]) else NOT_RANDOM_NOTE.format(s="/".join(s))


def size_warnings(rows: pd.DataFrame, fig=None) -> list[str]:
    """Warnings when the labelled sample is too small for a stable figure."""
    out = []
    n, k = len(rows), rows["article_id"].nunique() if len(rows) else 0
    if n < MIN_SENTENCES or k < MIN_ARTICLES:
        out.append(f"WARNING: {n} labelled sentences from {k} articles: too few for a stable figure "
                   f"(label at least {MIN_SENTENCES} sentences from {MIN_ARTICLES}+ articles); read the intervals, not the point values.")
    if fig is not None:
        lo, hi = fig.intervals.get("macro_f1", (np.nan, np.nan))
        if np.isfinite(lo) and hi - lo > 0.2:
            out.append(f"WARNING: the tone macro-F1 interval is {hi - lo:.2f} wide: label more sentences for a usable figure.")
    return out


def measure(pred: Predictions, rows: pd.DataFrame, name: str | None = None, n_boot: int = 1000):
    """The built-in evaluation's figures (:func:`arnews.stance_eval.score`) of ``pred`` on the
    labelled ``rows``, with 95% intervals from a bootstrap over articles."""
    from .stance_eval import score

    pairs, tones = with_gold(pred, rows)
    n_ans = int(rows["pairs_answered"].sum()) if "pairs_answered" in rows.columns else len(rows)
    return score(name or f"{pred.method}, your labels", pairs, tones, n_boot=n_boot,
                 note=f"{len(rows)} sentences, {rows['article_id'].nunique()} articles; pairs scored on {n_ans} sentences")


def in_corpus(rows: pd.DataFrame, tables: Tables) -> pd.DataFrame:
    """The labelled rows whose text is still the corpus's sentence of that id (a changed
    corpus or sentence splitter would otherwise score the wrong sentence); says how many were
    left out."""
    s = article_tables(tables, set(rows["article_id"]), ["sentences"])["sentences"][["article_id", "sentence_id", "text"]]
    m = rows.merge(s.astype({"sentence_id": int}), on=["article_id", "sentence_id"], how="left", suffixes=("", "_corpus"))
    ok = (m["text"].str.split().str.join(" ") == m["text_corpus"].fillna("").str.split().str.join(" ")).to_numpy()
    if not ok.all():
        print(f"note: {int((~ok).sum())} labelled sentences no longer match the corpus text and are left out", file=sys.stderr)
    return rows[ok].reset_index(drop=True)


def labelled_tables(rows: pd.DataFrame, corpus: str | os.PathLike | None) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Annotation tables for the labelled rows: the corpus's (in context, cached) when given,
    else the labelled sentences annotated article by article."""
    from .stance_train import annotate_rows

    if corpus is None:
        return annotate_rows(rows), rows
    from .pipeline import annotate_corpus

    ann = annotate_corpus(corpus)
    ids = set(rows["article_id"])
    tables = {k: (df[df["article_id"].isin(ids)] if "article_id" in df.columns else df) for k, df in ann.tables.items()}
    return tables, in_corpus(rows, tables)


def evaluate_user_labels(path: str | os.PathLike, corpus: str | os.PathLike | None = None,
                         model: StanceModel | str | os.PathLike | None = None, n_boot: int = 1000) -> str:
    """The printed evaluation on a labels file (what ``python -m arnews evaluate stance --gold
    labels.csv`` prints): the built-in table with bootstrap 95% intervals, whether the sample
    is random, and a warning when it is too small.

    >>> print(evaluate_user_labels("labels.csv", corpus="my_corpus"))   # doctest: +SKIP
    """
    from .stance_eval import format_figures

    rows = read_user_labels(path)
    if not len(rows):
        return f"{path}: no labelled sentences yet (fill the label column, or use notebooks/04_validate.ipynb)"
    tables, rows = labelled_tables(rows, corpus)
    pred = classify(tables, model)
    fig = measure(pred, rows, n_boot=n_boot)
    lines = [f"Stance on your labels ({path}). 95% intervals: bootstrap over articles ({n_boot} draws).",
             sample_note(rows), *size_warnings(rows, fig), "", *format_figures(fig)]
    return "\n".join(lines)


# Command lines
# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """``python -m arnews label CORPUS --n 200 --out labels.csv [--strategy …] [--seed 0] [--model PATH]``."""
    from .corpus import CorpusError
    from .pipeline import annotate_corpus

    p = argparse.ArgumentParser(prog="python -m arnews label", description=(
        "Write sentences of CORPUS to label (gold CSV format). Labels already in OUT are kept; re-running adds "
        "new sentences. Only --strategy random (the default) estimates accuracy on the whole corpus."))
    p.add_argument("corpus")
    p.add_argument("--n", type=int, default=200, help="sentences to add (default 200)")
    p.add_argument("--out", required=True, help="labels CSV (created or extended)")
    p.add_argument("--strategy", choices=STRATEGIES, default="random")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--model", default=None, help="stance model file (stratified/uncertain; default: the shipped one)")
    a = p.parse_args(argv)
    try:
        ann = annotate_corpus(a.corpus)
        old = read_label_file(a.out) if Path(a.out).exists() else None
        pred = classify(ann.tables, a.model) if a.strategy != "random" else None
        rows = sample_for_labelling(ann.tables, ann.articles, a.n, a.strategy, a.seed, pred, exclude=old)
        allrows = update_label_file(a.out, rows)
    except (CorpusError, ValueError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"added {len(rows)} sentences to {a.out} ({len(allrows)} in the file, "
          f"{int((allrows['label'] != '').sum())} labelled)")
    print(RANDOM_NOTE if a.strategy == "random" else NOT_RANDOM_NOTE.format(s=a.strategy))
    return 0


def evaluate_main(gold: str, corpus: str | None = None, model: str | None = None, n_boot: int = 1000) -> int:
    """``python -m arnews evaluate stance --gold labels.csv [--corpus C] [--model M]``."""
    try:
        print(evaluate_user_labels(gold, corpus, model, n_boot))
    except (ValueError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
