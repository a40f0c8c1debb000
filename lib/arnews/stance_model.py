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
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path

import numpy as np
import pandas as pd

from .stance.columns import WordTypes, column_entries, pair_entries, tone_entries, word_matrix, word_types
from .stance_features import (  # noqa: F401  (re-exported: the model's public vocabulary)
    PAIR_LABELS, STANCE_PAIR_LABELS, TONE_LABELS, PairContext, SentenceView, char_features, pair_contexts, pair_features,
    implicit_word_features, pair_summary, sentence_views, sentence_word_features, sentence_word_names, tone_evidence_features,
    tone_features,
    word_key,
)

__all__ = [
    "PAIR_LABELS",
    "STANCE_PAIR_LABELS",
    "TONE_LABELS",
    "PairContext",
    "SentenceView",
    "StanceModel",
    "decide_pairs",
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

    def entries(self, feats: list[dict[str, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The known features of the dicts as parallel arrays (row, column, value), in dict
        order (names looked up in the vocabulary dict; unknown names dropped): the
        :func:`~arnews.stance.columns.column_entries` of their columns."""
        get = self.vocabulary.get
        return column_entries([dict(zip(map(get, f, repeat(-1)), f.values())) for f in feats])

    def matrix(self, feats: list[dict[str, float]], entries: tuple | None = None):
        """The feature dicts as a sparse matrix over this layer's vocabulary (unknown names
        dropped); ``entries`` is :meth:`entries` of ``feats`` when already computed."""
        from scipy.sparse import csr_matrix

        rows, cols, values = entries if entries is not None else self.entries(feats)
        return csr_matrix((values, (rows, cols)), shape=(len(feats), len(self.vocabulary)))

    def logits(self, feats: list[dict[str, float]], entries: tuple | None = None) -> np.ndarray:
        """Raw scores, one row per feature dict (``entries`` as for :meth:`matrix`)."""
        return self.matrix_logits(self.matrix(feats, entries))

    def matrix_logits(self, m) -> np.ndarray:
        """Raw scores of the rows of a sparse matrix over this layer's vocabulary."""
        return np.asarray(m @ self._transposed_coef()) + self.intercept

    def _transposed_coef(self) -> np.ndarray:
        """The coefficients transposed, contiguous (made once)."""
        if "_coef_t" not in self.__dict__:
            self.__dict__["_coef_t"] = np.ascontiguousarray(self.coef.T)
        return self.__dict__["_coef_t"]

    def char_logits(self, views: list[SentenceView], weight: float = 0.3, types: WordTypes | None = None) -> np.ndarray:
        """``self.logits([char_features(v) for v in views])`` without the dicts: the columns of
        each distinct word's character n-grams are looked up once (a bounded cache) and
        gathered for every word at once (``types``: :func:`~arnews.stance.columns.word_types`
        of ``views``, when already made); each row holds its distinct columns in increasing
        order, as the canonical matrix does, so the scores are the same to the last bit."""
        from itertools import chain

        from scipy.sparse import csr_matrix

        from .resources import TYPE_CACHE_LIMIT
        from .stance_features import char_grams

        types = types if types is not None else word_types(views)
        cache = self.__dict__.setdefault("_char_cols", {})
        vocab = self.vocabulary
        new = [w for w in types.types if w not in cache]
        if len(cache) + len(new) > TYPE_CACHE_LIMIT:
            cache.clear()
            new = types.types
        for w in new:
            cache[w] = tuple(j for g in char_grams(word_key(w)) if (j := vocab.get(g)) is not None)
        per_type = list(map(cache.__getitem__, types.types))
        type_len = np.fromiter(map(len, per_type), dtype=np.int64, count=len(per_type))
        flat = np.fromiter(chain.from_iterable(per_type), dtype=np.int64, count=int(type_len.sum()))
        type_start = np.cumsum(type_len) - type_len
        lengths = type_len[types.ids]  # each word's columns: its type's, in the type's order
        ends = np.cumsum(lengths)
        n = int(ends[-1]) if len(ends) else 0
        indices = flat[np.repeat(type_start[types.ids] - (ends - lengths), lengths) + np.arange(n)]
        indptr = np.concatenate([[0], ends])[types.bounds]
        m = csr_matrix((np.ones(n), indices, indptr), shape=(len(views), len(vocab)))
        m.sum_duplicates()  # each row's distinct columns in increasing order, as the canonical matrix
        m.data[:] = weight
        return self.matrix_logits(m)

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

    def explain_entries(self, entries: tuple, n_rows: int, labels: np.ndarray, k: int = 3) -> list[str]:
        """:meth:`explain` of many feature dicts at once, joined with "; ": ``entries`` are
        their :meth:`entries`, ``labels`` the class index per row (-1: no evidence, "")."""
        rows, cols, values = entries
        lab = labels[rows]
        sel = lab >= 0
        if "bias" in self.vocabulary:
            sel &= cols != self.vocabulary["bias"]
        rows, cols, values, lab = rows[sel], cols[sel], values[sel], lab[sel]
        contrib = self.coef[lab, cols] * values
        pos = contrib > 0
        rows, cols, contrib = rows[pos], cols[pos], contrib[pos]
        if "_rank" not in self.__dict__:  # column -> rank of its name in sorted order (ties of weight)
            names = self.names()
            rank = np.empty(len(names), dtype=np.int64)
            rank[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
            self.__dict__["_rank"] = rank
        order = np.lexsort((-self.__dict__["_rank"][cols], -contrib, rows))
        rows, cols = rows[order], cols[order]
        start = np.searchsorted(rows, rows, side="left")
        top = (np.arange(len(rows)) - start) < k
        out = [[] for _ in range(n_rows)]
        names = self.names()
        for r, c in zip(rows[top].tolist(), cols[top].tolist()):
            out[r].append(names[c])
        return ["; ".join(x) for x in out]

    def names(self) -> list[str]:
        """Feature names by column."""
        if "_names" not in self.__dict__:
            self.__dict__["_names"] = sorted(self.vocabulary, key=self.vocabulary.get)
        return self.__dict__["_names"]

    def to_dict(self) -> dict:
        return {"classes": self.classes, "features": self.names(), "coef": np.round(self.coef, 6).tolist(),
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


def decide_pairs(probs: np.ndarray, classes: list[str], none_bias: float = 0.0,
                 cooperation_bias: float = 0.0) -> np.ndarray:
    """The label index of each pair: the most probable class after adding ``none_bias`` to
    the log-probability of ``none`` (a relation must beat "no relation" by that margin) and
    ``cooperation_bias`` to that of ``cooperation`` (issue 15, round 44: the model calls too
    few cooperation pairs). Probabilities stay calibrated; only the decision moves.

    >>> p = np.array([[0.40, 0.45, 0.10, 0.05], [0.10, 0.80, 0.05, 0.05], [0.50, 0.40, 0.05, 0.05]])
    >>> decide_pairs(p, ["none", "cooperation", "conflict", "neutral"]).tolist()
    [1, 1, 0]
    >>> decide_pairs(p, ["none", "cooperation", "conflict", "neutral"], none_bias=0.5).tolist()
    [0, 1, 0]
    >>> decide_pairs(p, ["none", "cooperation", "conflict", "neutral"], cooperation_bias=0.5).tolist()
    [1, 1, 1]
    """
    if not len(probs):
        return np.zeros(0, dtype=np.int64)
    if (not none_bias and not cooperation_bias) or "none" not in classes:
        return probs.argmax(axis=1)  # the first of equal maxima, as max()
    shifted = np.log(np.maximum(probs, 1e-300))
    shifted[:, classes.index("none")] += none_bias
    if cooperation_bias and "cooperation" in classes:
        shifted[:, classes.index("cooperation")] += cooperation_bias
    return shifted.argmax(axis=1)


@dataclass
class StanceModel:
    """The trained stance model: a pair layer and a sentence-tone layer.

    >>> m = default_model()                                  # doctest: +SKIP
    >>> pairs, tone = m.predict(ann.tables)                  # doctest: +SKIP
    """

    pairs: LinearLayer
    tone: LinearLayer
    meta: dict = field(default_factory=dict)
    rerank: LinearLayer | None = None  # the second stage (arnews.stance.rerank), when trained

    @property
    def none_bias(self) -> float:
        """The pair decision's bias towards ``none`` (``meta["none_bias"]``, chosen by
        :func:`arnews.stance_train.fit` on out-of-batch predictions; 0 = plain argmax)."""
        return float(self.meta.get("none_bias", 0.0))

    @property
    def cooperation_bias(self) -> float:
        """The pair decision's bias towards ``cooperation`` (``meta["cooperation_bias"]``, chosen
        with :attr:`none_bias` since round 44; 0 for earlier models)."""
        return float(self.meta.get("cooperation_bias", 0.0))

    @property
    def pair_bigrams(self) -> bool:
        """Whether the pair layer reads the sentence's word bigrams (models before round 7 did;
        ``meta["pair_bigrams"]``, written by :func:`arnews.stance_train.fit`)."""
        return bool(self.meta.get("pair_bigrams", True))

    @property
    def implicit_words(self) -> bool:
        """Whether the pairs proposed without both names read the sentence's words under their
        own names (``meta["implicit_words"]``, since round 47; False for earlier models)."""
        return bool(self.meta.get("implicit_words", False))

    def predict(self, tables: dict[str, pd.DataFrame], threshold: float = 0.5,
                sentences=None) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Pair predictions and sentence tone for annotation tables (see :func:`pair_table`;
        ``sentences``: the tokens table as the lexicon read it, see :func:`sentence_views`)."""
        views = list(sentence_views(lexicon_tables(tables), sentences=sentences))
        return self.predict_views(views, threshold)

    def predict_views(self, views: list[SentenceView], threshold: float = 0.5) -> tuple[pd.DataFrame, pd.DataFrame]:
        """As :meth:`predict`, on prepared :class:`SentenceView` records.

        The model is linear, so a sentence's word features add the same scores to each of its
        pairs: they are scored once per sentence and added to each pair's own scores. The
        tables are built column by column (evidence of every row at once: :meth:`LinearLayer.explain_entries`);
        the pair features go straight to columns (:mod:`arnews.stance.columns`)."""
        pa, pb, pctx, owner = [], [], [], []
        for i, v in enumerate(views):
            for a, b, c in pair_contexts(v):
                pa.append(a)
                pb.append(b)
                pctx.append(c)
                owner.append(i)
        layer = self.pairs
        ncls = len(layer.classes)
        types = word_types(views)
        if pctx:
            ent = pair_entries(layer, pctx)  # the features of pair_features(c), straight to columns
            z = layer.logits(pctx, ent)
            words = layer.matrix_logits(word_matrix(layer, types, self.pair_bigrams, 0.5))  # sentence_word_features
            z += words[owner] - layer.intercept
            if self.implicit_words:  # implicit_word_features, for the pairs proposed without both names
                implicit = np.fromiter((bool(c.implicit) for c in pctx), dtype=bool, count=len(pctx))
                if implicit.any():
                    iw = layer.matrix_logits(word_matrix(layer, types, False, 0.5, prefix="is:"))
                    z[implicit] += iw[np.asarray(owner)[implicit]] - layer.intercept
        else:
            ent, z = None, np.zeros((0, ncls))
        probs = layer.softmax(z)
        final = self._rerank(pa, pb, owner, z, pctx) if self.rerank is not None and pctx else probs
        best = decide_pairs(final, layer.classes, self.none_bias, self.cooperation_bias)
        rounded = [list(map(round, final[:, j].tolist(), repeat(4))) for j in range(ncls)]  # as round(float(p), 4)
        pair_cols: dict[str, list] = {"article_id": [views[i].article_id for i in owner],
                                      "sentence_id": [views[i].sentence_id for i in owner], "a": pa, "b": pb,
                                      "label": [layer.classes[k] for k in best.tolist()],
                                      "probability": [rounded[k][r] for r, k in enumerate(best.tolist())]}
        for k in PAIR_LABELS:
            pair_cols[f"p_{k}"] = rounded[layer.classes.index(k)]
        none = layer.classes.index("none") if "none" in layer.classes else -1
        pair_cols["evidence"] = (layer.explain_entries(ent, len(pctx), np.where(best == none, -1, best))
                                 if pctx else [])
        view_cues: dict[int, str] = {}
        for i in owner:
            if i not in view_cues:
                view_cues[i] = "; ".join(sorted({c.cue for c in views[i].cues}))
        pair_cols["cues"] = [view_cues[i] for i in owner]
        pairs = pd.DataFrame(pair_cols, columns=PAIR_COLUMNS) if pctx else pd.DataFrame([], columns=PAIR_COLUMNS)

        if not views:
            return pairs, pd.DataFrame([], columns=TONE_COLUMNS)
        summary = self._pair_summaries(len(views), owner, probs)
        tone = self.tone
        tent = tone_entries(tone, views, word_matrix(tone, types), summary)  # tone_evidence_features, by column
        tprobs = tone.softmax(tone.logits(views, tent) + tone.char_logits(views, types=types) - tone.intercept)
        tbest = tprobs.argmax(axis=1)
        col = {c: tprobs[:, j] for j, c in enumerate(tone.classes)}
        zero = np.zeros(len(tprobs))
        score = col.get("cooperation", zero) - col.get("conflict", zero)
        tones = pd.DataFrame({
            "article_id": [v.article_id for v in views], "sentence_id": [v.sentence_id for v in views],
            "label": [tone.classes[k] for k in tbest.tolist()],
            "probability": list(map(round, tprobs[np.arange(len(tbest)), tbest].tolist(), repeat(4))),
            "score": list(map(round, score.tolist(), repeat(4))),
            "evidence": tone.explain_entries(tent, len(views), tbest),
        }, columns=TONE_COLUMNS)
        return pairs, tones

    def _rerank(self, pa: list[str], pb: list[str], owner: list[int], z: np.ndarray, pctx: list) -> np.ndarray:
        """The second stage's probabilities (columns as the pair layer's classes) from the first
        stage's raw scores ``z`` (no temperature: the second stage was trained on such)."""
        from .stance.rerank import PAIR_ORDER, rerank_logits

        layer = self.pairs
        e = np.exp(z - z.max(axis=1, keepdims=True))
        raw = (e / e.sum(axis=1, keepdims=True))[:, [layer.classes.index(c) for c in PAIR_ORDER]]
        out = self.rerank.softmax(rerank_logits(self.rerank, list(zip(pa, pb)), owner, raw, [c.implicit for c in pctx]))
        return out[:, [self.rerank.classes.index(c) for c in layer.classes]]

    def _pair_summaries(self, n_views: int, owner: list[int], probs: np.ndarray) -> list[dict]:
        """:func:`~arnews.stance_features.pair_summary` of each view's pair probabilities (the
        rows of a view are consecutive in ``owner``): maxima and counts per group at once."""
        empty = pair_summary([])
        out = [empty] * n_views
        if not len(owner):
            return out
        own = np.asarray(owner)
        starts = np.flatnonzero(np.r_[True, own[1:] != own[:-1]])
        cls = self.pairs.classes
        pmax = {lab: np.maximum.reduceat(probs[:, cls.index(lab)], starts) for lab in PAIR_LABELS[1:]}
        npairs = np.add.reduceat((probs[:, cls.index("none")] < 0.5).astype(np.int64), starts)
        for g, i in enumerate(own[starts].tolist()):
            d = {f"pmax:{lab}": pmax[lab][g] for lab in PAIR_LABELS[1:]}
            d["npairs"] = float(npairs[g])
            out[i] = d
        return out

    def to_json(self, path: str | Path) -> None:
        """Write the model as (gzipped when the name ends in .gz) JSON, keys sorted."""
        doc = {"format": "arnews-stance-model/1", "meta": self.meta, "pairs": self.pairs.to_dict(), "tone": self.tone.to_dict()}
        if self.rerank is not None:
            doc["rerank"] = self.rerank.to_dict()
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
        rerank = LinearLayer.from_dict(doc["rerank"]) if "rerank" in doc else None
        return cls(LinearLayer.from_dict(doc["pairs"]), LinearLayer.from_dict(doc["tone"]), doc.get("meta", {}), rerank)


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


def model_tables(tables: dict[str, pd.DataFrame], model: StanceModel | None = None,
                 sentences=None) -> dict[str, pd.DataFrame]:
    """Stance tables made by the trained model, in the lexicon method's schema.

    Needs the lexicon method's tables (``stance_cues``, ``sentence_stance``, ``stance``: the
    model reads them as features) besides ``tokens``, ``sentences`` and ``mentions``. Returns
    ``sentence_stance`` (label, score = p(cooperation) − p(conflict), probability, the lexicon
    cues as ``cues``, ``evidence``, ``method`` "model"), ``stance`` (one undirected row per
    related country pair: label, score, ``cues`` = the model's evidence, ``method`` "model")
    and ``stance_pairs`` (every candidate pair with its calibrated probabilities).
    """
    pairs, tones = (model or default_model()).predict(tables, sentences=sentences)
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
