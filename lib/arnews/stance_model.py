"""Stance, trained method: a pair model over the states and blocs a sentence names.

For every pair of country-level actors named in a sentence (``mentions.country``), a
multinomial logistic regression predicts ``none`` (the sentence relates them in no way),
``cooperation``, ``conflict`` or ``neutral`` (a relation stated without valence), with a
probability calibrated by temperature scaling on cross-validated predictions. The sentence
tone (cooperation / conflict / neutral) comes from a second layer of the same model that reads
the sentence's words, the lexicon's evidence and the pair layer's probabilities.

Features of a pair (:func:`pair_features`): the words between and around its two closest
mentions, their distance and order, the mention types (country, person, organisation …),
coordination (``روسيا والصين``), the lexicon cues of :func:`arnews.stance.match_cues` by
position relative to the pair and by modifier (negation, condition, hedge, background), the
lexicon method's own dyad for the pair, quote and speaker context, and the sentence's words.

The model is trained on the team's written corpus (``data/gold/stance_written/``, guideline
v2 in ``data/gold/README.md``) by ``python -m arnews train-stance`` and shipped as JSON
(``data/models/stance_model.json``: vocabulary, coefficients, temperature), so prediction
needs numpy only and the file can be read, diffed and rebuilt deterministically.

The features live in :mod:`arnews.stance_features`.
"""
from __future__ import annotations

import gzip
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .stance_features import (  # noqa: F401  (re-exported: the model's public vocabulary)
    PAIR_LABELS, TONE_LABELS, PairContext, SentenceView, char_features, pair_contexts, pair_features,
    sentence_views, sentence_word_features, tone_evidence_features, tone_features, word_key,
)

__all__ = [
    "PAIR_LABELS",
    "TONE_LABELS",
    "PairContext",
    "SentenceView",
    "StanceModel",
    "pair_features",
    "sentence_views",
    "pair_table",
    "default_model",
    "load_model",
    "model_path",
]


# The model
# ---------------------------------------------------------------------------


@dataclass
class LinearLayer:
    """A multinomial logistic regression stored as plain arrays (vocabulary, weights)."""

    classes: list[str]
    vocabulary: dict[str, int]
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray  # (n_classes,)
    temperature: float = 1.0

    def matrix(self, feats: list[dict[str, float]]):
        """The feature dicts as a sparse matrix over this layer's vocabulary (unknown names
        dropped); names are looked up in one vectorised pass."""
        from itertools import chain

        from scipy.sparse import csr_matrix

        if "_index" not in self.__dict__:
            self.__dict__["_index"] = pd.Index(np.array(sorted(self.vocabulary, key=self.vocabulary.get), dtype=object), dtype=object)
        lengths = np.fromiter((len(f) for f in feats), dtype=np.int64, count=len(feats))
        names = list(chain.from_iterable(feats))
        values = np.fromiter(chain.from_iterable(f.values() for f in feats), dtype=float, count=len(names))
        cols = self.__dict__["_index"].get_indexer(np.array(names, dtype=object)) if names else np.zeros(0, dtype=np.int64)
        rows = np.repeat(np.arange(len(feats)), lengths)
        keep = cols >= 0
        return csr_matrix((values[keep], (rows[keep], cols[keep])), shape=(len(feats), len(self.vocabulary)))

    def logits(self, feats: list[dict[str, float]]) -> np.ndarray:
        """Raw scores, one row per feature dict."""
        if "_coef_t" not in self.__dict__:
            self.__dict__["_coef_t"] = np.ascontiguousarray(self.coef.T)
        return np.asarray(self.matrix(feats) @ self.__dict__["_coef_t"]) + self.intercept

    def predict_proba(self, feats: list[dict[str, float]]) -> np.ndarray:
        """Calibrated class probabilities (softmax of logits / temperature)."""
        if not feats:
            return np.zeros((0, len(self.classes)))
        return self.softmax(self.logits(feats))

    def softmax(self, z: np.ndarray) -> np.ndarray:
        """Calibrated probabilities from raw scores."""
        z = z / self.temperature
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def explain(self, f: dict[str, float], label: str, k: int = 3) -> list[str]:
        """The ``k`` features that pushed most towards ``label`` (weight × value)."""
        row = self.coef[self.classes.index(label)]
        vocab = self.vocabulary
        contrib = [(row[j] * v, n) for n, v in f.items() if (j := vocab.get(n)) is not None and n != "bias"]
        return [n for w, n in sorted(contrib, reverse=True)[:k] if w > 0]

    def to_dict(self) -> dict:
        names = sorted(self.vocabulary, key=self.vocabulary.get)
        return {"classes": self.classes, "features": names, "coef": np.round(self.coef, 6).tolist(),
                "intercept": np.round(self.intercept, 6).tolist(), "temperature": round(float(self.temperature), 6)}

    @classmethod
    def from_dict(cls, d: dict) -> "LinearLayer":
        return cls(list(d["classes"]), {n: i for i, n in enumerate(d["features"])}, np.asarray(d["coef"], float),
                   np.asarray(d["intercept"], float), float(d.get("temperature", 1.0)))

    @classmethod
    def from_sklearn(cls, vectorizer, clf, classes: list[str] | None = None, temperature: float = 1.0) -> "LinearLayer":
        """Copy a fitted ``DictVectorizer`` + ``LogisticRegression``, dropping zero weights.

        ``classes`` lists every class the layer must know; a class absent from the training
        labels gets a very low intercept. A binary fit becomes two softmax rows."""
        coef, icpt = np.asarray(clf.coef_, float), np.asarray(clf.intercept_, float)
        fitted = [str(c) for c in clf.classes_]
        if len(fitted) == 2 and coef.shape[0] == 1:
            coef, icpt = np.vstack([np.zeros_like(coef[0]), coef[0]]), np.array([0.0, icpt[0]])
        classes = classes or fitted
        full_coef = np.zeros((len(classes), coef.shape[1]))
        full_icpt = np.full(len(classes), -30.0)
        for i, c in enumerate(fitted):
            full_coef[classes.index(c)], full_icpt[classes.index(c)] = coef[i], icpt[i]
        keep = np.flatnonzero(np.abs(full_coef).max(axis=0) > 1e-9)
        names = vectorizer.get_feature_names_out()[keep]
        return cls(list(classes), {str(n): i for i, n in enumerate(names)}, full_coef[:, keep], full_icpt, temperature)


@dataclass
class StanceModel:
    """The trained stance model: a pair layer and a sentence-tone layer.

    >>> m = default_model()                                  # doctest: +SKIP
    >>> pairs, tone = m.predict(ann.tables)                  # doctest: +SKIP
    """

    pairs: LinearLayer
    tone: LinearLayer
    meta: dict = field(default_factory=dict)

    def predict(self, tables: dict[str, pd.DataFrame], threshold: float = 0.5) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Pair predictions and sentence tone for annotation tables (see :func:`pair_table`)."""
        views = list(sentence_views(lexicon_tables(tables)))
        return self.predict_views(views, threshold)

    def predict_views(self, views: list[SentenceView], threshold: float = 0.5) -> tuple[pd.DataFrame, pd.DataFrame]:
        """As :meth:`predict`, on prepared :class:`SentenceView` records.

        The model is linear, so a sentence's word features add the same scores to each of its
        pairs: they are scored once per sentence and added to each pair's own scores."""
        keys, feats, owner, sent_feats, sent_of = [], [], [], [], {}
        for i, v in enumerate(views):
            ctxs = list(pair_contexts(v))
            if not ctxs:
                continue
            sent_of[i] = len(sent_feats)
            sent_feats.append(sentence_word_features(v))
            for a, b, c in ctxs:
                keys.append((v.article_id, v.sentence_id, a, b))
                feats.append(pair_features(c))
                owner.append(i)
        layer = self.pairs
        z = layer.logits(feats) if feats else np.zeros((0, len(layer.classes)))
        if feats:
            z += layer.logits(sent_feats)[[sent_of[i] for i in owner]] - layer.intercept
        probs = layer.softmax(z)
        per_view: dict[int, list[dict[str, float]]] = defaultdict(list)
        pair_rows = []
        for (aid, sid, a, b), fd, p, i in zip(keys, feats, probs, owner):
            pd_ = dict(zip(layer.classes, p))
            per_view[i].append(pd_)
            label = max(pd_, key=pd_.get)
            pair_rows.append({
                "article_id": aid, "sentence_id": sid, "a": a, "b": b, "label": label,
                "probability": round(float(pd_[label]), 4), **{f"p_{k}": round(float(pd_[k]), 4) for k in PAIR_LABELS},
                "evidence": "; ".join(layer.explain(fd, label)) if label != "none" else "",
                "cues": "; ".join(sorted({c.cue for c in views[i].cues})),
            })
        tbase = [tone_evidence_features(v, per_view.get(i, [])) for i, v in enumerate(views)]
        tchars = [char_features(v) for v in views]
        tz = self.tone.logits(tbase) + self.tone.logits(tchars) - self.tone.intercept if views else np.zeros((0, 3))
        tprobs = self.tone.softmax(tz)
        tone_rows = []
        for v, tf, p in zip(views, tbase, tprobs):
            tp = dict(zip(self.tone.classes, p))
            tl = max(tp, key=tp.get)
            tone_rows.append({"article_id": v.article_id, "sentence_id": v.sentence_id, "label": tl,
                              "probability": round(float(tp[tl]), 4),
                              "score": round(float(tp.get("cooperation", 0) - tp.get("conflict", 0)), 4),
                              "evidence": "; ".join(self.tone.explain(tf, tl))})
        return (pd.DataFrame(pair_rows, columns=PAIR_COLUMNS), pd.DataFrame(tone_rows, columns=TONE_COLUMNS))

    def to_json(self, path: str | Path) -> None:
        """Write the model as (gzipped when the name ends in .gz) JSON, keys sorted."""
        doc = {"format": "arnews-stance-model/1", "meta": self.meta, "pairs": self.pairs.to_dict(), "tone": self.tone.to_dict()}
        text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        if p.suffix == ".gz":  # no name or time in the gzip header: the same model gives the same bytes
            with open(p, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh:
                fh.write(text.encode("utf-8"))
        else:
            p.write_text(text, encoding="utf-8")

    @classmethod
    def from_json(cls, path: str | Path) -> "StanceModel":
        p = Path(path)
        raw = gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
        doc = json.loads(raw.decode("utf-8"))
        if doc.get("format") != "arnews-stance-model/1":
            raise ValueError(f"{p}: not an arnews stance model (format {doc.get('format')!r})")
        return cls(LinearLayer.from_dict(doc["pairs"]), LinearLayer.from_dict(doc["tone"]), doc.get("meta", {}))


PAIR_COLUMNS = ["article_id", "sentence_id", "a", "b", "label", "probability", *[f"p_{k}" for k in PAIR_LABELS],
                "evidence", "cues"]
TONE_COLUMNS = ["article_id", "sentence_id", "label", "probability", "score", "evidence"]


def lexicon_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """``tables`` with the lexicon method's stance tables, which the model reads as features:
    when the tables hold the model's own output (the pipeline's default), the lexicon's are
    computed again from the tokens, mentions and quotes."""
    ss = tables.get("sentence_stance")
    model_output = ss is not None and "method" in ss.columns and bool((ss["method"] == "model").any())
    missing = ss is None and "tokens" in tables and "sentences" in tables
    if not (model_output or missing):
        return tables
    from .stance.cues import match_cues
    from .stance.dyads import find_dyads
    from .stance.sentences import score_sentences

    cues = match_cues(tables["tokens"])
    return {**tables, "stance_cues": cues, "sentence_stance": score_sentences(tables["sentences"], cues),
            "stance": find_dyads(cues, tables["tokens"], tables.get("mentions"), tables.get("quotes"))}


def model_path() -> Path:
    """The model the pipeline uses: ``$ARNEWS_STANCE_MODEL`` (e.g. one retrained on your labels,
    ``arnews report --model PATH``), else the shipped ``data/models/stance_model.json.gz``."""
    import os

    from .resources import data_dir

    env = os.environ.get("ARNEWS_STANCE_MODEL")
    return Path(env) if env else data_dir() / "models" / "stance_model.json.gz"


def load_model(path: str | Path | None = None) -> StanceModel:
    """Read a model file (the shipped one by default)."""
    p = Path(path) if path is not None else model_path()
    if not p.exists():
        raise FileNotFoundError(f"{p}: no stance model; build it with `python -m arnews train-stance`")
    return StanceModel.from_json(p)


@lru_cache(maxsize=4)
def _cached_model(path: str, mtime: float) -> StanceModel:
    return load_model(path)


def default_model() -> StanceModel:
    """The shipped model, read once per process."""
    p = model_path()
    return _cached_model(str(p), p.stat().st_mtime if p.exists() else 0.0)


def pair_table(tables: dict[str, pd.DataFrame], model: StanceModel | None = None) -> pd.DataFrame:
    """Pair predictions for annotation tables with the shipped (or given) model.

    One row per pair of country codes named in a sentence: ``article_id, sentence_id, a, b``
    (``a < b``), ``label`` (none / cooperation / conflict / neutral), ``probability`` and
    ``p_<label>`` (calibrated), ``evidence`` (the strongest features) and ``cues`` (the
    lexicon cues of the sentence).
    """
    return (model or default_model()).predict(tables)[0]


# Pipeline tables from the model
# ---------------------------------------------------------------------------

STANCE_METHODS = ("model", "lexicon")


def model_tables(tables: dict[str, pd.DataFrame], model: StanceModel | None = None) -> dict[str, pd.DataFrame]:
    """Stance tables made by the trained model, in the lexicon method's schema.

    Needs the lexicon method's tables (``stance_cues``, ``sentence_stance``, ``stance``: the
    model reads them as features) besides ``tokens``, ``sentences`` and ``mentions``. Returns
    ``sentence_stance`` (label, score = p(cooperation) − p(conflict), probability, the lexicon
    cues as ``cues``, ``evidence``, ``method`` "model"), ``stance`` (one undirected row per
    related country pair: label, score, ``cues`` = the model's evidence, ``method`` "model")
    and ``stance_pairs`` (every candidate pair with its calibrated probabilities).
    """
    pairs, tones = (model or default_model()).predict(tables)
    lex = tables.get("sentence_stance")
    sent = tones.rename(columns={"evidence": "evidence"})
    if lex is not None and len(lex):
        sent = sent.merge(lex[["article_id", "sentence_id", "cues", "n_cues"]], on=["article_id", "sentence_id"], how="left")
    else:
        sent["cues"], sent["n_cues"] = "", 0
    sent["cues"] = sent["cues"].fillna("")
    sent["n_cues"] = sent["n_cues"].fillna(0).astype(int)
    sent["method"] = "model"
    rel = pairs[pairs["label"] != "none"]
    stance = pd.DataFrame({
        "article_id": rel["article_id"], "sentence_id": rel["sentence_id"], "source": rel["a"], "target": rel["b"],
        "source_country": rel["a"], "target_country": rel["b"], "directed": False, "label": rel["label"],
        "score": (rel["p_cooperation"] - rel["p_conflict"]).round(4), "cues": rel["evidence"], "method": "model",
        "probability": rel["probability"],
    })
    return {"sentence_stance": sent[["article_id", "sentence_id", "label", "score", "cues", "n_cues", "probability",
                                     "evidence", "method"]],
            "stance": stance.reset_index(drop=True), "stance_pairs": pairs}
