"""Train and evaluate the stance pair model (:mod:`arnews.stance_model`).

* :func:`read_written` reads the written corpus (``data/gold/stance_written/*.csv``, guideline
  v2 in ``data/gold/README.md``) or any CSV in the same format (a user's own labels).
* :func:`prepare` runs the annotation pipeline on labelled sentences and pairs each candidate
  pair of states with its gold label (``none`` when the sentence does not relate them).
* :func:`fit` trains the model; :func:`cross_validate` scores it with whole writing batches
  (or articles) held out; :func:`build` writes the shipped model
  (``python -m arnews train-stance``).

Training is deterministic: the same rows give the same JSON file.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from .resources import data_path
from .stance.rerank import PAIR_ORDER, rerank_features
from .stance.sentences import label_from_score
from .stance_layers import PairLayers, fit_layer, parallel_map
from .stance_model import (
    PAIR_LABELS,
    STANCE_PAIR_LABELS,
    TONE_LABELS,
    LinearLayer,
    SentenceView,
    StanceModel,
    decide_pairs,
    pair_contexts,
    pair_features,
    implicit_word_features,
    sentence_views,
    sentence_word_features,
    tone_features,
)

__all__ = ["read_written", "parse_pairs", "annotate_rows", "prepare", "Example", "fit", "cross_validate", "build", "written_dir",
           "fit_rerank", "never_proposed", "choose_biases", "BiasChoice", "PAIR_C", "TONE_C", "RERANK_C", "PAIR_BIGRAMS"]

# Inverse regularisation of the pair layer: 0.25 was chosen by batch cross-validation on 14
# batches; with 57 the quick 4-fold check (arnews.stance_quick_cv) put 0.5 ahead (best of
# min(P, R, cc) 0.669 -> 0.672, with the implicit pairs' own words 0.677; 1.0: 0.676; round 47)
PAIR_C = 0.5
TONE_C = 1.0
RERANK_C = 1.0  # the second stage (arnews.stance.rerank); 0 = no second stage
# Whether the pair layer reads the sentence's word bigrams as well as its unigrams. Round 7
# tried unigrams only: on batch cross-validation (14 and 17 batches) pair P/R and
# coop./conflict were 0.001-0.004 lower, so the bigrams stay (data/gold/README.md).
PAIR_BIGRAMS = True
_LABELS_V2 = ("cooperation", "conflict", "neutral")


def written_dir() -> Path:
    """The written training corpus folder."""
    return data_path("gold/stance_written")


def parse_pairs(value) -> dict[tuple[str, str], str]:
    """Parse a ``dyads`` cell into ``{(a, b): label}`` with ``a < b`` (direction dropped).

    Accepts guideline v2 (``A~B:neutral``) and the sample's directed dyads (``SRC>TGT:label``).

    >>> parse_pairs("RUS~CHN:cooperation|USA>CHN:conflict")
    {('CHN', 'RUS'): 'cooperation', ('CHN', 'USA'): 'conflict'}
    """
    out: dict[tuple[str, str], str] = {}
    if not isinstance(value, str) or not value.strip():
        return out
    for part in value.split("|"):
        part = part.strip()
        if not part:
            continue
        pair, sep, label = part.rpartition(":")
        label = label.strip()
        if not sep or label not in _LABELS_V2:
            raise ValueError(f"pair {part!r}: expected A~B:label with label in {_LABELS_V2}")
        for mark in ("~", ">"):
            if mark in pair:
                s, t = (x.strip() for x in pair.split(mark, 1))
                break
        else:
            raise ValueError(f"pair {part!r}: expected A~B:label or SRC>TGT:label")
        if not s or not t or s == t:
            raise ValueError(f"pair {part!r}: two different codes needed")
        out[tuple(sorted((s, t)))] = label
    return out


def read_written(path: str | Path | None = None) -> pd.DataFrame:
    """Read labelled sentences: one CSV or a folder of CSVs (``article_id, sentence_id, text,
    label, dyads`` and optionally ``batch``, ``topic``, ``style``).

    Raises ``ValueError`` naming the file and row of a bad label or pair.
    """
    p = Path(path) if path is not None else written_dir()
    files = sorted(p.glob("*.csv")) if p.is_dir() else [p]
    if not files or not all(f.exists() for f in files):
        raise FileNotFoundError(f"{p}: no labelled stance CSV found")
    frames = []
    for f in files:
        df = pd.read_csv(f, dtype={"article_id": str, "batch": str}, keep_default_na=False)
        missing = [c for c in ("article_id", "sentence_id", "text", "label", "dyads") if c not in df.columns]
        if missing:
            raise ValueError(f"{f}: missing column(s) {missing}")
        for i, r in enumerate(df.itertuples(index=False)):
            if r.label not in TONE_LABELS:
                raise ValueError(f"{f}: row {i + 2}: label {r.label!r} is not one of {TONE_LABELS}")
            try:
                parse_pairs(r.dyads)
            except ValueError as e:
                raise ValueError(f"{f}: row {i + 2}: {e}") from None
        if "batch" not in df.columns:
            df["batch"] = f.stem
        df["source_file"] = f.name
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    out["sentence_id"] = out["sentence_id"].astype(int)
    dup = out.duplicated(["article_id", "sentence_id"], keep=False)
    if dup.any():
        r = out[dup].iloc[0]
        raise ValueError(f"{p}: sentence {r.article_id}/{r.sentence_id} appears twice")
    return out


@dataclass
class Example:
    """One labelled sentence with its candidate pairs, ready for training."""

    view: SentenceView
    tone: str
    gold_pairs: dict[tuple[str, str], str]
    pairs: list[tuple[str, str]] = field(default_factory=list)
    features: list[dict[str, float]] = field(default_factory=list)
    group: str = ""
    implicit: list[str] = field(default_factory=list)  # each pair's PairContext.implicit ("" = both named)

    @property
    def pair_labels(self) -> list[str]:
        return [self.gold_pairs.get(p, "none") for p in self.pairs]


def annotate_rows(rows: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Annotate labelled sentences in their articles and key every table by the rows'
    ``article_id`` and ``sentence_id``.

    The sentences of an article are joined one per line and annotated together (so dual
    references and quote speakers can use the article); each pipeline sentence is mapped to
    the row whose line holds it, so a sentence the splitter cuts in two stays one unit. An
    article whose cleaning changed its text (a line read as boilerplate) is annotated one
    sentence per document instead."""
    from .pipeline import annotate

    order = rows.reset_index(drop=True)
    docs, spans = [], {}
    for aid, g in order.groupby("article_id", sort=False):
        pos, parts = 0, []
        for sid, text in zip(g["sentence_id"], g["text"].astype(str)):
            text = " ".join(text.split())
            spans.setdefault(str(aid), []).append((pos, pos + len(text), int(sid)))
            parts.append(text)
            pos += len(text) + 1
        docs.append((str(aid), "\n".join(parts)))
    arts = pd.DataFrame(docs, columns=["article_id", "text"])
    from .stance_model import lexicon_tables

    tables = lexicon_tables(dict(annotate(arts, cache=False, workers=1).tables))
    changed = set(tables["articles"].loc[tables["articles"]["clean_text"] != tables["articles"]["text"], "article_id"])
    if changed:  # per-sentence documents for these
        sub = order[order["article_id"].astype(str).isin(changed)]
        docs2 = pd.DataFrame({"article_id": [f"{a}\t{s}" for a, s in zip(sub["article_id"], sub["sentence_id"])],
                              "text": sub["text"].astype(str).tolist()})
        t2 = lexicon_tables(dict(annotate(docs2, cache=False, workers=1).tables))
        for name, df in t2.items():
            if "article_id" in df.columns and "sentence_id" in df.columns:
                df = df.copy()
                split = df["article_id"].str.split("\t", n=1, expand=True)
                df["article_id"], df["_row_sid"] = split[0], split[1].astype(int)
                t2[name] = df
    sent = tables["sentences"]
    row_of = {}
    for aid, sid, st in zip(sent["article_id"], sent["sentence_id"], sent["start"]):
        for a, b, rsid in spans.get(aid, []):
            if a <= st <= b:
                row_of[(aid, sid)] = rsid
                break
    for name, df in tables.items():
        if "article_id" in df.columns and "sentence_id" in df.columns:
            df = df[~df["article_id"].isin(changed)].copy()
            df["sentence_id"] = [row_of.get(k, -1) for k in zip(df["article_id"], df["sentence_id"])]
            if changed and name in t2:
                extra = t2[name].assign(sentence_id=t2[name]["_row_sid"]).drop(columns="_row_sid")
                df = pd.concat([df, extra], ignore_index=True)
            tables[name] = df
    ss = tables.get("sentence_stance")
    if ss is not None and len(ss):
        agg = ss.groupby(["article_id", "sentence_id"], sort=False).agg(score=("score", "sum")).reset_index()
        agg["score"] = agg["score"].clip(-1, 1)
        agg["label"] = [label_from_score(x) for x in agg["score"]]
        tables["sentence_stance"] = agg
    return tables


def prepare(rows: pd.DataFrame, tables: dict[str, pd.DataFrame] | None = None, group: str = "batch") -> list[Example]:
    """Annotate labelled rows (unless ``tables`` is given, keyed like the rows) and build one
    :class:`Example` per row, grouped by ``group`` (a column of ``rows``)."""
    if tables is None:
        tables = annotate_rows(rows)
    key = {(str(a), int(s)): i for i, (a, s) in enumerate(zip(rows["article_id"], rows["sentence_id"]))}
    views = {key[(v.article_id, v.sentence_id)]: v for v in sentence_views(tables) if (v.article_id, v.sentence_id) in key}
    out = []
    for i, r in enumerate(rows.itertuples(index=False)):
        v = views.get(i) or SentenceView(str(r.article_id), int(r.sentence_id), [])
        v.article_id, v.sentence_id = str(r.article_id), int(r.sentence_id)
        ex = Example(v, r.label, parse_pairs(r.dyads), group=str(getattr(r, group)))
        words = sentence_word_features(v, bigrams=PAIR_BIGRAMS)
        iwords: dict[str, float] = {}
        for a, b, ctx in pair_contexts(v):
            f = pair_features(ctx)
            f.update(words)
            if ctx.implicit:  # a pair proposed without both names reads the sentence's words apart (round 47)
                iwords = iwords or implicit_word_features(v)
                f.update(iwords)
            ex.pairs.append((a, b))
            ex.features.append(f)
            ex.implicit.append(ctx.implicit)
        out.append(ex)
    return out


def fit_temperature(logits: np.ndarray, truth: list[int]) -> float:
    """Temperature minimising the negative log-likelihood of held-out predictions
    (``logits``: one row per prediction, ``truth``: the true class index of each row)."""
    from scipy.optimize import minimize_scalar

    idx = np.asarray(truth)

    def nll(t: float) -> float:
        s = logits / t
        s = s - s.max(axis=1, keepdims=True)
        return float(-(s[np.arange(len(s)), idx] - np.log(np.exp(s).sum(axis=1))).mean())

    return float(minimize_scalar(nll, bounds=(0.25, 8.0), method="bounded").x)


NONE_BIAS_GRID = tuple(round(x * 0.1, 1) for x in range(-20, 31))  # -2.0 … 3.0 (round 46: the choice sat at -1.0, the old end, in rounds 43 and 45)


# Biases towards cooperation tried with each bias towards none (round 44): -0.5 … 1.0
COOPERATION_BIAS_GRID = tuple(round(x * 0.125, 3) for x in range(-4, 9))


class BiasChoice(NamedTuple):
    """The pair decision's biases (:func:`~arnews.stance_model.decide_pairs`) chosen together
    and the balanced score they reach, and the bias towards none (with its score) that would be
    chosen without a bias towards cooperation."""

    none_bias: float
    cooperation_bias: float
    none_bias_alone: float
    score: float = 0.0
    score_alone: float = 0.0


def choose_none_bias(probs: np.ndarray, truth: list[str], classes: list[str],
                     grid: tuple[float, ...] = NONE_BIAS_GRID, balanced: bool = False, missed: int = 0,
                     missed_cc: int | None = None, cooperation_bias: float = 0.0) -> float:
    """The bias towards ``none`` (see :func:`~arnews.stance_model.decide_pairs`) that gives the
    best F1 of finding related pairs on held-out predictions (``probs``: calibrated, one row per
    candidate pair; ``truth``: its gold label). Ties go to the bias nearest 0.

    ``balanced``: the best of precision and recall taken together instead, i.e. the highest
    min(precision, recall) — the issue's target is recall and precision both ≥ 0.70; recall
    then counts ``missed`` gold pairs that were never candidates. With ``missed_cc`` (the gold
    cooperation/conflict pairs never proposed) the third pair target joins them: the highest
    min(precision, recall, cooperation/conflict pairs labelled right), a missed pair counting
    wrong — the operating point where the weakest of the three pair targets is best.

    >>> p = np.array([[0.45, 0.55, 0, 0], [0.3, 0.7, 0, 0], [0.2, 0.8, 0, 0]])
    >>> choose_none_bias(p, ["none", "cooperation", "cooperation"], ["none", "cooperation", "conflict", "neutral"])
    0.3
    """
    return _best_none_bias(probs, truth, classes, grid, balanced, missed, missed_cc, cooperation_bias)[0]


def choose_biases(probs: np.ndarray, truth: list[str], classes: list[str], missed: int = 0,
                  missed_cc: int | None = None, grid: tuple[float, ...] = COOPERATION_BIAS_GRID) -> BiasChoice:
    """The biases towards ``none`` and towards ``cooperation`` that together give the best
    balanced score of :func:`choose_none_bias` (ties go to the cooperation bias nearest 0).

    >>> p = np.array([[0.6, 0.4, 0, 0]] * 3 + [[0.6, 0, 0.4, 0]] * 3)
    >>> choose_biases(p, ["cooperation"] * 3 + ["none"] * 3, ["none", "cooperation", "conflict", "neutral"], missed_cc=0)
    BiasChoice(none_bias=-0.3, cooperation_bias=0.125, none_bias_alone=-0.5, score=1.0, score_alone=0.5)
    """
    args = (probs, truth, classes, NONE_BIAS_GRID, True, missed, missed_cc)
    best: tuple[float, float, float] | None = None
    for c in sorted(grid, key=lambda x: (abs(x), x)):
        b, score = _best_none_bias(*args, c)
        if best is None or score > best[2] + 1e-12:
            best = (b, c, score)
    alone = _best_none_bias(*args, 0.0)
    return BiasChoice(best[0], best[1], alone[0], round(float(best[2]), 4), round(float(alone[1]), 4))


def _best_none_bias(probs: np.ndarray, truth: list[str], classes: list[str], grid: tuple[float, ...],
                    balanced: bool, missed: int, missed_cc: int | None, cooperation_bias: float) -> tuple[float, float]:
    """:func:`choose_none_bias` with the score it reaches."""
    truth_a = np.asarray(truth)
    real = truth_a != "none"
    cc = np.isin(truth_a, STANCE_PAIR_LABELS)
    labels = np.asarray(classes)
    none = classes.index("none")
    best, best_f1 = 0.0, -1.0
    for b in sorted(grid, key=lambda x: (abs(x), x)):
        decided = decide_pairs(probs, classes, b, cooperation_bias)
        found = decided != none
        denom = found.sum() + real.sum()
        f1 = 2 * (found & real).sum() / denom if denom else 0.0
        if balanced:
            f1 = _balanced_score(found, real, missed)
            if missed_cc is not None:
                n_cc = cc.sum() + missed_cc
                f1 = min(f1, (labels[decided][cc] == truth_a[cc]).sum() / n_cc if n_cc else 0.0)
        if f1 > best_f1 + 1e-12:
            best, best_f1 = float(b), f1
    return best, best_f1


def _balanced_score(found: np.ndarray, real: np.ndarray, missed: int) -> float:
    """min(precision, recall) of finding related pairs, ``missed`` gold pairs counted against recall."""
    tp = (found & real).sum()
    return min(tp / found.sum() if found.sum() else 0.0, tp / (real.sum() + missed) if real.sum() + missed else 0.0)


def _pair_probs(layer: LinearLayer, ex: Example) -> list[dict[str, float]]:
    return [dict(zip(layer.classes, p)) for p in layer.predict_proba(ex.features)]


def _groups_of(examples: list[Example]) -> list[str]:
    return sorted({ex.group for ex in examples})


def fit(examples: list[Example], pair_c: float = PAIR_C, tone_c: float = TONE_C, rerank_c: float = RERANK_C,
        pair_layers: PairLayers | None = None, n_jobs: int | None = None) -> StanceModel:
    """Train both layers.

    With two or more groups, a pair layer is trained with each group held out in turn; its
    held-out probabilities train the tone layer (so the tone layer does not learn to trust
    pair predictions on sentences the pair layer has seen) and its held-out logits fit the
    final pair layer's temperature. Then the pair layer is trained on everything.

    The pair layers come from ``pair_layers`` (:class:`~arnews.stance_layers.PairLayers` of
    these examples, or of a larger set whose other groups are left out: how
    :func:`cross_validate` shares them between folds), fitted ``n_jobs`` at a time."""
    groups = _groups_of(examples)
    layers = pair_layers if pair_layers is not None else PairLayers(examples, pair_c)
    if layers.c != pair_c:
        raise ValueError(f"pair_layers were fitted with C={layers.c}, not pair_c={pair_c}")
    outer = layers.groups - set(groups)
    inner = [outer | {g} for g in groups] if len(groups) > 1 else []
    layers.prefit(inner + [outer], n_jobs)
    oof: dict[int, list[dict[str, float]]] = {}
    logits, labels = [], []
    if len(groups) > 1:
        for g in groups:
            layer = layers.without(outer | {g})
            for i, e in enumerate(examples):
                if e.group == g:
                    oof[i] = _pair_probs(layer, e)
                    if e.features:
                        logits.append(layer.logits(e.features))
                        labels.extend(e.pair_labels)
    pair_layer = replace(layers.without(outer))  # a copy: the kept layer's temperature stays 1
    none_bias, rerank, choice = 0.0, None, None
    if logits:
        z = np.vstack(logits)
        pair_layer.temperature = fit_temperature(z, [pair_layer.classes.index(t) for t in labels])
        none_bias = choose_none_bias(pair_layer.softmax(z), labels, pair_layer.classes)
    first_bias = none_bias
    if logits and rerank_c:
        rerank, choice = fit_rerank(examples, oof, rerank_c)
        none_bias = choice.none_bias
    tone_X = [tone_features(e.view, oof[i] if i in oof else _pair_probs(pair_layer, e)) for i, e in enumerate(examples)]
    tone_layer = fit_layer(tone_X, [e.tone for e in examples], tone_c, TONE_LABELS)
    return StanceModel(pair_layer, tone_layer, {
        "n_sentences": len(examples), "n_pairs": sum(len(e.pairs) for e in examples), "groups": groups,
        "pair_c": pair_c, "tone_c": tone_c, "none_bias": none_bias, "rerank_c": rerank_c if rerank else 0.0,
        "none_bias_first_stage": first_bias, "pair_bigrams": _examples_bigrams(examples),
        "implicit_words": _examples_implicit_words(examples),
        "none_bias_objective": "min(pair precision, pair recall, cooperation/conflict right)" if rerank else "pair F1",
        **({"cooperation_bias": choice.cooperation_bias, "none_bias_without_cooperation_bias": choice.none_bias_alone,
            "balanced_score": choice.score, "balanced_score_without_cooperation_bias": choice.score_alone}
           if choice else {}),
    }, rerank)


def _examples_implicit_words(examples: list[Example]) -> bool:
    """Whether the examples' implicit pairs carry :func:`implicit_word_features` (``is:``), as
    :func:`prepare` makes them since round 47."""
    for e in examples:
        for f, how in zip(e.features, e.implicit):
            if how and e.view.words:
                return any(k.startswith("is:") for k in f)
    return False


def _examples_bigrams(examples: list[Example]) -> bool:
    """Whether the examples' pair features hold sentence word bigrams (``s:a_b``), as
    :func:`prepare` made them: the model must read new text the same way."""
    from .stance_features import word_key

    for e in examples:
        if e.features and len(e.view.words) > 1:
            a, b = (word_key(w) for w in e.view.words[:2])
            return f"s:{a}_{b}" in e.features[0]
    return PAIR_BIGRAMS


def _rerank_xy(examples: list[Example], oof: dict[int, list[dict[str, float]]], keep) -> tuple[list[dict], list[str], list[str]]:
    """Second-stage features and gold labels of the pairs of the examples ``keep`` selects
    (by index), from their out-of-batch first-stage probabilities, with each row's group."""
    X, y, g = [], [], []
    for i, e in enumerate(examples):
        if i not in oof or not e.pairs or not keep(i):
            continue
        probs = np.array([[p[c] for c in PAIR_ORDER] for p in oof[i]])
        X.extend(rerank_features(e.pairs, [0] * len(e.pairs), probs, e.implicit))
        y.extend(e.pair_labels)
        g.extend([e.group] * len(e.pairs))
    return X, y, g


def fit_rerank(examples: list[Example], oof: dict[int, list[dict[str, float]]], c: float = RERANK_C):
    """The second-stage layer (:mod:`arnews.stance.rerank`) trained on the out-of-batch
    first-stage probabilities ``oof`` (example index -> one dict per pair), and the biases
    towards ``none`` and ``cooperation`` where the weakest of pair precision, pair recall and
    cooperation/conflict pairs labelled right (missed gold pairs counted) is best, on its own
    out-of-batch predictions (each group held out in turn; :func:`choose_biases`)."""
    X, y, g = _rerank_xy(examples, oof, lambda i: True)
    groups = np.asarray(g)
    probs = np.zeros((len(y), len(PAIR_LABELS)))
    for grp in sorted(set(g)):
        held = groups == grp
        if held.all() or len(set(np.asarray(y)[~held])) < 2:
            continue
        layer = fit_layer([x for x, h in zip(X, held) if not h], [t for t, h in zip(y, held) if not h], c,
                           PAIR_LABELS, class_weight=None)
        probs[held] = layer.predict_proba([x for x, h in zip(X, held) if h])
    layer = fit_layer(X, y, c, PAIR_LABELS, class_weight=None)
    missed = [never_proposed(e) for i, e in enumerate(examples) if i in oof]
    return layer, choose_biases(probs, y, list(PAIR_LABELS), missed=sum(len(m) for m in missed),
                                missed_cc=sum(lab in STANCE_PAIR_LABELS for m in missed for lab in m))


def never_proposed(e: Example) -> list[str]:
    """The gold labels of the example's pairs that are not among its candidates."""
    proposed = set(e.pairs)
    return [lab for p, lab in e.gold_pairs.items() if p not in proposed]


def cross_validate(examples: list[Example], pair_c: float = PAIR_C, tone_c: float = TONE_C,
                   rerank_c: float = RERANK_C, n_jobs: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Hold out each group in turn (writing batch, topic or article), train on the rest and
    predict the held-out sentences. Returns (pair predictions, tone predictions) with gold.

    Every fold trains exactly as :func:`fit` does; the pair layers the folds have in common
    (the one without groups ``a`` and ``b`` serves fold ``a`` and fold ``b``) are fitted once,
    and layers and folds run ``n_jobs`` at a time (:func:`~arnews.stance_layers.default_jobs`:
    ``ARNEWS_JOBS`` or the CPUs). The result does not depend on ``n_jobs``."""
    global _CV
    groups = _groups_of(examples)
    layers = PairLayers(examples, pair_c)
    layers.prefit([{g} for g in groups] + [{a, b} for a, b in combinations(groups, 2)], n_jobs)
    _CV = _Folds(examples, layers, pair_c, tone_c, rerank_c)
    try:
        folds = parallel_map(_cv_fold, groups, n_jobs)
    finally:
        _CV = None
    return pd.concat([p for p, _ in folds], ignore_index=True), pd.concat([t for _, t in folds], ignore_index=True)


@dataclass
class _Folds:
    """What every fold of :func:`cross_validate` reads (set before the worker processes fork)."""

    examples: list[Example]
    layers: PairLayers
    pair_c: float
    tone_c: float
    rerank_c: float


_CV: _Folds | None = None


def _cv_fold(group: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    cv = _CV
    train = [e for e in cv.examples if e.group != group]
    test = [e for e in cv.examples if e.group == group]
    model = fit(train, cv.pair_c, cv.tone_c, cv.rerank_c, pair_layers=cv.layers, n_jobs=1)
    return predict_examples(model, test)


def predict_examples(model: StanceModel, examples: list[Example]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Predict prepared examples; each row carries the gold label (``gold``) and group.

    Gold pairs the candidate generation never produced (an actor not found) appear with
    ``label`` "none", so a missed pair counts as wrong."""
    pairs, tones = model.predict_views([e.view for e in examples])
    gold_rows = []
    for e in examples:
        for (a, b), lab in e.gold_pairs.items():
            gold_rows.append({"article_id": e.view.article_id, "sentence_id": e.view.sentence_id, "a": a, "b": b, "gold": lab})
    gold = pd.DataFrame(gold_rows, columns=["article_id", "sentence_id", "a", "b", "gold"])
    pairs = pairs.merge(gold, on=["article_id", "sentence_id", "a", "b"], how="outer")
    pairs["label"] = pairs["label"].fillna("none")
    pairs["gold"] = pairs["gold"].fillna("none")
    grp = {(e.view.article_id, e.view.sentence_id): e.group for e in examples}
    pairs["group"] = [grp.get(k) for k in zip(pairs["article_id"], pairs["sentence_id"])]
    tones["gold"] = [e.tone for e in examples]
    tones["group"] = [e.group for e in examples]
    return pairs, tones


def build(out: str | Path | None = None, data: str | Path | None = None) -> Path:
    """Train on the written corpus and write the shipped model (deterministic)."""
    from .stance_model import model_path

    rows = read_written(data)
    model = fit(prepare(rows))
    digest = hashlib.sha256(pd.util.hash_pandas_object(rows[["article_id", "sentence_id", "text", "label", "dyads"]],
                                                       index=False).values.tobytes()).hexdigest()[:16]
    model.meta.update({"trained_on": str(data or "data/gold/stance_written"), "data_sha256_16": digest})
    p = Path(out) if out is not None else model_path()
    model.to_json(p)
    return p
