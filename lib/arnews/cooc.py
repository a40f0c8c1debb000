"""Co-occurrence of actors and terms, association measures, collocates and actor networks.

Who appears with whom, and which words go with which actor (quanteda's ``fcm`` /
``textstat_collocations``, AntConc's Collocate, Voyant's Links, GDELT's actor pairs).

Everything starts from an **occurrence table**, one row per occurrence of a feature
(an actor, a country or a term): ``article_id, sentence_id, start, end, feature`` where
``start``/``end`` are token positions (first and last ``token_id``). Build it with
:func:`actor_occurrences` (from the ``mentions`` table) or :func:`term_occurrences` (from
``tokens``), then count pairs with :func:`cooccurrence`.

Contexts and the contingency table
----------------------------------
``context="sentence" | "paragraph" | "article"`` (a *unit* context)
    A unit-by-feature incidence matrix ``X`` (1 if the feature occurs at least once in the
    unit) is built with :mod:`scipy.sparse`; ``C = X.T @ X`` holds, for each pair, the number
    of units containing both, and on its diagonal the number of units containing each
    feature. The 2×2 table of a pair (a, b) counts **units**::

                     b in unit        b not in unit
        a in unit    O11 = C[a,b]     O12 = f(a) - O11        f(a) = C[a,a]
        a not in     O21 = f(b)-O11   O22 = N - f(a) - f(b) + O11
                     f(b)                                     N = number of units

    N is the number of units in the corpus (all sentences / paragraphs / articles, given
    by the ``sentences`` or ``articles`` table), not only those containing a feature.
    Paragraphs are blocks of ``clean_text`` separated by line breaks (one or more ``\\n``).

``context="window"`` with ``window=k``
    Two occurrences co-occur when at most ``k`` tokens apart (``start`` of the later minus
    ``end`` of the earlier ≤ k; overlapping spans count), within an article (and within a
    sentence if ``cross_sentences=False``). ``C[a,b]`` is the number of such occurrence
    pairs (like quanteda's ``fcm(context="window")``); the same feature twice is not a pair.
    The 2×2 table counts **co-occurrence pairs**: ``f(a) = Σ_b C[a,b]`` (pairs involving a),
    ``N = Σ_ab C[a,b]``, ``O11 = C[a,b]`` and the rest by subtraction as above.

Measures (:func:`association`), with ``E11 = f(a)·f(b)/N``:

* ``pmi = log2(O11 / E11)``; ``npmi = pmi / -log2(O11 / N)`` in [-1, 1];
* ``log_dice = 14 + log2(2·O11 / (f(a) + f(b)))`` (Rychlý 2008; at most 14);
* ``g2 = 2 Σ O_ij ln(O_ij / E_ij)`` over the four cells (log-likelihood, Dunning 1993) and
  ``p_value`` from χ² with 1 degree of freedom. G² is two-sided: compare ``count`` with
  ``expected`` to tell attraction (count > expected) from repulsion.

Example
-------
>>> import pandas as pd
>>> occ = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "sentence_id": [0, 0, 1, 0],
...                     "start": [0, 5, 9, 0], "end": [0, 5, 9, 0],
...                     "feature": ["PUTIN", "XI", "PUTIN", "XI"]})
>>> m = cooccurrence(occ, context="sentence", n_units=4)
>>> m.pairs()[["a", "b", "count", "freq_a", "freq_b", "n"]].values.tolist()
[['PUTIN', 'XI', 1, 2, 2, 4]]
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Literal

import numpy as np
import pandas as pd
import regex as re
import scipy.sparse as sp
from scipy.special import xlogy
from scipy.stats import chi2

from .wordforms import attached_forms

__all__ = [
    "CONTEXTS",
    "MEASURES",
    "CoocMatrix",
    "association",
    "paragraph_ids",
    "load_gazetteer",
    "actor_labels",
    "actor_occurrences",
    "term_occurrences",
    "default_stopwords",
    "cooccurrence",
    "cooccurrence_by_period",
    "actor_cooccurrence",
    "collocates",
    "collocate_counts",
    "score_collocates",
    "CollocateCounts",
    "resolve_target",
    "pair_examples",
    "pairs_with_examples",
    "label_pairs",
    "pair_context_terms",
    "pair_hits",
    "pair_context_counts",
    "score_context_terms",
    "cooc_graph",
    "export_graph",
]

CONTEXTS = ("sentence", "paragraph", "article", "window")
MEASURES = ("count", "pmi", "npmi", "log_dice", "g2")
OCC_COLUMNS = ["article_id", "sentence_id", "start", "end", "feature"]
Context = Literal["sentence", "paragraph", "article", "window"]


# ---------------------------------------------------------------------------
# Association measures
# ---------------------------------------------------------------------------


def association(o11, f1, f2, n, *, dice_f1=None, dice_f2=None) -> pd.DataFrame:
    """Association measures of pairs from their 2×2 contingency tables (vectorised).

    ``o11`` joint count, ``f1``/``f2`` marginal counts of the two items and ``n`` the table
    total (see the module docstring for what is counted). ``dice_f1``/``dice_f2`` replace
    the marginals in log-Dice only (collocates use the node and collocate frequencies).
    Returns ``expected, pmi, npmi, log_dice, g2, p_value``.

    >>> r = association([2], [4], [4], [8]).round(4)
    >>> r[["expected", "pmi", "npmi", "log_dice"]].values.tolist()
    [[2.0, 0.0, 0.0, 13.0]]
    """
    o11 = np.asarray(o11, dtype=float)
    f1 = np.asarray(f1, dtype=float)
    f2 = np.asarray(f2, dtype=float)
    n = np.broadcast_to(np.asarray(n, dtype=float), o11.shape)
    if np.any(o11 > np.minimum(f1, f2)) or np.any(np.maximum(f1, f2) > n) or np.any(o11 < 0):
        raise ValueError("association(): counts are inconsistent (need 0 <= o11 <= f1, f2 <= n)")
    o12 = f1 - o11
    o21 = f2 - o11
    o22 = n - f1 - f2 + o11
    if np.any(o22 < 0):
        raise ValueError("association(): f1 + f2 - o11 exceeds n (is n the number of units?)")
    with np.errstate(divide="ignore", invalid="ignore"):
        e11 = f1 * f2 / n
        e12 = f1 * (n - f2) / n
        e21 = (n - f1) * f2 / n
        e22 = (n - f1) * (n - f2) / n
        pmi = np.log2(o11 / e11)
        p11 = o11 / n
        npmi = np.where(p11 >= 1.0, 1.0, pmi / -np.log2(p11))
        npmi = np.where(o11 == 0, -1.0, npmi)
        d1 = f1 if dice_f1 is None else np.asarray(dice_f1, dtype=float)
        d2 = f2 if dice_f2 is None else np.asarray(dice_f2, dtype=float)
        log_dice = 14 + np.log2(2 * o11 / (d1 + d2))

        def term(o, e):
            # O ln(O/E) with 0 ln 0 = 0; E > 0 whenever O > 0
            return np.where(o > 0, xlogy(o, o) - xlogy(o, np.where(e > 0, e, 1.0)), 0.0)

        g2 = 2 * (term(o11, e11) + term(o12, e12) + term(o21, e21) + term(o22, e22))
    g2 = np.maximum(g2, 0.0)  # rounding can give -1e-15
    return pd.DataFrame(
        {
            "expected": e11,
            "pmi": pmi,
            "npmi": npmi,
            "log_dice": log_dice,
            "g2": g2,
            "p_value": chi2.sf(g2, 1),
        }
    )


# ---------------------------------------------------------------------------
# Inputs: paragraphs, gazetteer, occurrence tables
# ---------------------------------------------------------------------------

_PARA_BREAK_RE = re.compile(r"\n+")


def require_columns(df: pd.DataFrame, cols: Iterable[str], name: str) -> None:
    """TypeError/ValueError naming the table when ``df`` is not a DataFrame or lacks columns."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{name}: expected a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{name} table is missing column(s) {missing}; it has {list(df.columns)}")


_require = require_columns


def paragraph_ids(sentences: pd.DataFrame, articles: pd.DataFrame, text_column: str = "clean_text") -> pd.Series:
    """Paragraph number (0, 1, … within the article) of each sentence, aligned to ``sentences``.

    A paragraph is a block of the article's ``clean_text`` separated by one or more line
    breaks; a sentence belongs to the paragraph its ``start`` offset falls in.

    >>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["س1. س2.\\n\\nس3."]})
    >>> sents = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 1, 2],
    ...                       "start": [0, 4, 9], "end": [3, 7, 12]})
    >>> paragraph_ids(sents, arts).tolist()
    [0, 0, 1]
    """
    _require(sentences, ["article_id", "start"], "sentences")
    _require(articles, ["article_id", text_column], "articles")
    breaks = {
        aid: np.array([m.start() for m in _PARA_BREAK_RE.finditer(text or "")], dtype=np.int64)
        for aid, text in zip(articles["article_id"], articles[text_column])
    }
    out = np.zeros(len(sentences), dtype=np.int64)
    aids = sentences["article_id"].to_numpy()
    starts = sentences["start"].to_numpy(dtype=np.int64)
    codes, uniq = pd.factorize(aids)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(uniq) + 1))
    for k, aid in enumerate(uniq):
        idx = order[bounds[k] : bounds[k + 1]]
        b = breaks.get(aid)
        if b is None:
            raise ValueError(f"sentences: article_id {aid!r} is not in the articles table")
        out[idx] = np.searchsorted(b, starts[idx], side="right")
    return pd.Series(out, index=sentences.index, name="paragraph_id")


def load_gazetteer(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The actor gazetteer (``data/actors.csv``: actor_id, type, country, label_en, label_ar,
    variants), read and validated by :func:`arnews.actors.load_gazetteer`.

    >>> load_gazetteer().columns[:3].tolist()
    ['actor_id', 'type', 'country']
    """
    from .actors import load_gazetteer as _load

    return _load(path)


def actor_labels(
    gazetteer: pd.DataFrame | None = None, level: str = "actor", lang: str = "ar"
) -> dict[str, str]:
    """Display labels of actors (``level="actor"``/``"person"``) or countries (``"country"``).

    A country's (or bloc's) label is the label of the gazetteer row whose ``actor_id`` is
    the code (``RUS``, ``NATO``), else of a ``country`` row with that code, else the code. ``lang`` is ``"ar"`` or ``"en"``.

    >>> g = pd.DataFrame({"actor_id": ["RUS", "PUTIN"], "type": ["country", "person"],
    ...                   "country": ["RUS", "RUS"], "label_en": ["Russia", "Putin"],
    ...                   "label_ar": ["روسيا", "بوتين"]})
    >>> actor_labels(g, "country", "en")
    {'RUS': 'Russia'}
    """
    if lang not in ("ar", "en"):
        raise ValueError(f"lang must be 'ar' or 'en', not {lang!r}")
    g = load_gazetteer() if gazetteer is None else gazetteer
    col = f"label_{lang}"
    if level == "country":
        # the row whose actor_id is the code (RUS, NATO, UN …), else a country row with it
        by_id = {a: lab for a, lab in zip(g["actor_id"], g[col]) if lab}
        rows = g[g["type"] == "country"]
        by_country = {c: lab for c, lab in zip(rows["country"], rows[col]) if c and lab}
        return {c: by_id.get(c) or by_country.get(c) or c for c in pd.unique(g["country"]) if c}
    return {a: (lab or a) for a, lab in zip(g["actor_id"], g[col])}


def actor_occurrences(
    mentions: pd.DataFrame,
    level: Literal["actor", "person", "country"] = "actor",
    *,
    types: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Occurrence table of actors from the ``mentions`` table.

    ``level="actor"``: every actor is a feature (its ``actor_id``); ``"person"``: only
    actors of type ``person``; ``"country"``: every mention counts for its actor's country
    (a person for their country, a country for itself; mentions without a country are
    dropped). ``types`` keeps only those actor types first.

    >>> m = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 0], "start": [0, 9],
    ...                   "end": [5, 14], "surface": ["بوتين", "روسيا"],
    ...                   "actor_id": ["PUTIN", "RUS"], "actor_type": ["person", "country"],
    ...                   "country": ["RUS", "RUS"], "token_start": [0, 2], "token_end": [0, 2]})
    >>> actor_occurrences(m, "country")["feature"].tolist()
    ['RUS', 'RUS']
    """
    _require(mentions, ["article_id", "sentence_id", "actor_id", "actor_type", "country", "token_start", "token_end"], "mentions")
    m = mentions
    if types is not None:
        m = m[m["actor_type"].isin(list(types))]
    if level == "actor":
        feat = m["actor_id"]
    elif level == "person":
        m = m[m["actor_type"] == "person"]
        feat = m["actor_id"]
    elif level == "country":
        ok = m["country"].notna() & (m["country"] != "")
        m = m[ok]
        feat = m["country"]
    else:
        raise ValueError(f"level must be 'actor', 'person' or 'country', not {level!r}")
    return pd.DataFrame(
        {
            "article_id": m["article_id"].reset_index(drop=True),
            "sentence_id": m["sentence_id"].to_numpy(dtype=np.int64),
            "start": m["token_start"].to_numpy(dtype=np.int64),
            "end": m["token_end"].to_numpy(dtype=np.int64),
            "feature": feat.reset_index(drop=True),
        }
    )


def default_stopwords() -> frozenset[str]:
    """Normalized Arabic stopwords: the ``arabicstopwords`` package (all inflected forms,
    e.g. ``والتي``) plus ``data/stopwords.csv`` if present (see :mod:`arnews.stopwords`).

    >>> "الي" in default_stopwords() and "في" in default_stopwords()
    True
    """
    from .stopwords import default_stopwords as _default

    return _default()


def term_occurrences(
    tokens: pd.DataFrame,
    field: str = "norm",
    *,
    stopwords: Iterable[str] | bool | None = True,
    min_count: int = 1,
    min_length: int = 2,
    terms: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Occurrence table of terms from the ``tokens`` table (word tokens only).

    ``field`` is the token column used as the term (``norm``, ``lemma`` or ``surface``);
    ``stopwords=True`` drops :func:`default_stopwords` (or pass your own set, or False);
    terms shorter than ``min_length`` characters or rarer than ``min_count`` in the corpus
    are dropped; ``terms`` keeps only the listed ones. Positions are ``token_id``.

    >>> t = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0] * 3, "token_id": [0, 1, 2],
    ...                   "norm": ["زار", "في", "الصين"], "is_word": [True] * 3})
    >>> term_occurrences(t)["feature"].tolist()
    ['زار', 'الصين']
    """
    _require(tokens, ["article_id", "sentence_id", "token_id", field], "tokens")
    t = tokens
    if "is_word" in t.columns:
        t = t[t["is_word"].to_numpy(dtype=bool)]
    feat = t[field].astype(str)
    keep = feat.str.len().to_numpy() >= min_length
    if stopwords is True:
        stopwords = default_stopwords()
    if stopwords:
        keep &= ~feat.isin(set(stopwords)).to_numpy()
    if terms is not None:
        keep &= feat.isin(set(terms)).to_numpy()
    t, feat = t[keep], feat[keep]
    if min_count > 1:
        vc = feat.value_counts()
        ok = feat.map(vc).to_numpy() >= min_count
        t, feat = t[ok], feat[ok]
    pos = t["token_id"].to_numpy(dtype=np.int64)
    return pd.DataFrame(
        {
            "article_id": t["article_id"].to_numpy(),
            "sentence_id": t["sentence_id"].to_numpy(dtype=np.int64),
            "start": pos,
            "end": pos,
            "feature": feat.to_numpy(),
        }
    )


# ---------------------------------------------------------------------------
# The co-occurrence matrix
# ---------------------------------------------------------------------------


@dataclass
class CoocMatrix:
    """A symmetric feature-by-feature co-occurrence matrix and what its 2×2 tables need.

    ``matrix[i, j]`` (i ≠ j) is the joint count of features i and j; ``freq`` the marginal
    ``f`` used in the 2×2 table; ``n`` the table total; ``occurrences`` how often each
    feature occurs at all (mentions or tokens). See the module docstring.
    """

    matrix: sp.csr_matrix
    features: pd.Index
    freq: np.ndarray
    n: int
    occurrences: np.ndarray
    context: str
    window: int | None = None
    meta: dict = field(default_factory=dict)

    def __repr__(self) -> str:
        w = f", window={self.window}" if self.window is not None else ""
        return (
            f"CoocMatrix(context={self.context!r}{w}, features={len(self.features)}, "
            f"pairs={(self.matrix.nnz - (self.matrix.diagonal() > 0).sum()) // 2}, n={self.n})"
        )

    def to_dense(self) -> pd.DataFrame:
        """The matrix as a labelled DataFrame (diagonal: units containing the feature)."""
        return pd.DataFrame(self.matrix.toarray(), index=self.features, columns=self.features)

    def nodes(self) -> pd.DataFrame:
        """One row per feature: ``feature, occurrences, freq``."""
        return pd.DataFrame(
            {"feature": self.features, "occurrences": self.occurrences, "freq": self.freq}
        ).sort_values(["occurrences", "feature"], ascending=[False, True], ignore_index=True)

    def pairs(self, min_count: int = 1, sort: str = "count") -> pd.DataFrame:
        """Tidy table of pairs (a < b) with counts and every association measure.

        Columns: ``a, b, count, freq_a, freq_b, n, expected, pmi, npmi, log_dice, g2,
        p_value``. Rows sorted by ``sort`` (descending), ties by ``a, b``.
        """
        up = sp.triu(self.matrix, k=1).tocoo()
        keep = up.data >= min_count
        i, j, c = up.row[keep], up.col[keep], up.data[keep].astype(np.int64)
        a = self.features.to_numpy()[i]
        b = self.features.to_numpy()[j]
        # a < b alphabetically for a stable, readable order
        swap = a.astype(str) > b.astype(str)
        a2, b2 = np.where(swap, b, a), np.where(swap, a, b)
        fa, fb = np.where(swap, self.freq[j], self.freq[i]), np.where(swap, self.freq[i], self.freq[j])
        df = pd.DataFrame({"a": a2, "b": b2, "count": c, "freq_a": fa.astype(np.int64), "freq_b": fb.astype(np.int64), "n": np.int64(self.n)})
        if len(df):
            df = pd.concat([df, association(df["count"], df["freq_a"], df["freq_b"], df["n"])], axis=1)
        else:
            df = pd.concat([df, association([], [], [], [])], axis=1)
        if sort not in df.columns:
            raise ValueError(f"sort must be one of {list(df.columns)}, not {sort!r}")
        return df.sort_values([sort, "a", "b"], ascending=[False, True, True], ignore_index=True)


def _unit_keys(occ: pd.DataFrame, context: str) -> np.ndarray:
    art = pd.factorize(occ["article_id"])[0].astype(np.int64)
    if context == "article":
        return art
    if context == "sentence":
        sid = occ["sentence_id"].to_numpy(dtype=np.int64)
        return pd.factorize(art * (int(sid.max(initial=0)) + 1) + sid)[0]
    if context == "paragraph":
        return pd.factorize(art * (int(occ["paragraph_id"].max()) + 1) + occ["paragraph_id"].to_numpy(dtype=np.int64))[0]
    raise ValueError(context)


def _count_units(context: str, sentences: pd.DataFrame | None, articles: pd.DataFrame | None) -> int | None:
    if context == "article":
        if articles is not None:
            return int(articles["article_id"].nunique())
        if sentences is not None:
            return int(sentences["article_id"].nunique())
        return None
    if context == "sentence" and sentences is not None:
        return int(len(sentences.drop_duplicates(["article_id", "sentence_id"])))
    if context == "paragraph" and sentences is not None and "paragraph_id" in sentences.columns:
        return int(len(sentences.drop_duplicates(["article_id", "paragraph_id"])))
    return None


def _with_paragraphs(occ: pd.DataFrame, sentences: pd.DataFrame | None, articles: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Add ``paragraph_id`` to the occurrences (from the sentences' own ``paragraph_id``
    column if they have one, else derived from the articles' clean_text)."""
    if "paragraph_id" in occ.columns and (sentences is None or "paragraph_id" in sentences.columns):
        return occ, sentences
    if sentences is None:
        raise ValueError("context='paragraph' needs the sentences and articles tables (paragraphs come from clean_text line breaks)")
    s = sentences[["article_id", "sentence_id"]].copy()
    if "paragraph_id" in sentences.columns:
        s["paragraph_id"] = sentences["paragraph_id"].to_numpy()
    elif articles is None:
        raise ValueError("context='paragraph' needs the sentences and articles tables (paragraphs come from clean_text line breaks)")
    else:
        s["paragraph_id"] = paragraph_ids(sentences, articles).to_numpy()
    occ = occ.merge(s, on=["article_id", "sentence_id"], how="left", validate="many_to_one")
    if occ["paragraph_id"].isna().any():
        bad = occ.loc[occ["paragraph_id"].isna(), ["article_id", "sentence_id"]].iloc[0].tolist()
        raise ValueError(f"occurrences: (article_id, sentence_id) {bad} not found in the sentences table")
    occ["paragraph_id"] = occ["paragraph_id"].astype(np.int64)
    return occ, s


def _window_pairs(occ: pd.DataFrame, feat: np.ndarray, window: int, cross_sentences: bool, nf: int) -> sp.csr_matrix:
    art = pd.factorize(occ["article_id"])[0].astype(np.int64)
    start = occ["start"].to_numpy(dtype=np.int64)
    end = occ["end"].to_numpy(dtype=np.int64)
    sid = occ["sentence_id"].to_numpy(dtype=np.int64)
    order = np.lexsort((end, start, art))
    art, start, end, sid, feat = art[order], start[order], end[order], sid[order], feat[order]
    max_span = int((end - start).max(initial=0))
    idx_t = np.int32 if nf < 2**31 else np.int64
    feat = feat.astype(idx_t)
    # accumulate one sparse matrix per distance d (bounded memory, unlike one big COO)
    acc = sp.csr_matrix((nf, nf), dtype=np.int64)
    n = len(feat)
    d = 1
    while d < n:
        same = art[d:] == art[:-d]
        # starts are sorted within an article, so once no later start is within reach, stop
        reach = same & (start[d:] - start[:-d] <= window + max_span)
        if not reach.any():
            break
        ok = reach & (start[d:] - end[:-d] <= window) & (feat[d:] != feat[:-d])
        if not cross_sentences:
            ok &= sid[d:] == sid[:-d]
        idx = np.flatnonzero(ok)
        if len(idx):
            step = sp.coo_matrix((np.ones(len(idx), dtype=np.int64), (feat[idx], feat[idx + d])), shape=(nf, nf)).tocsr()
            acc = acc + step
        d += 1
    return (acc + acc.T).tocsr()


def cooccurrence(
    occ: pd.DataFrame,
    context: Context = "sentence",
    *,
    window: int = 5,
    sentences: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
    n_units: int | None = None,
    cross_sentences: bool = True,
) -> CoocMatrix:
    """Count co-occurrences of the features of an occurrence table.

    ``context`` is ``"sentence"``, ``"paragraph"``, ``"article"`` or ``"window"`` (with
    ``window=k`` tokens). For unit contexts pass the ``sentences`` (and for paragraphs the
    ``articles``) table so that N counts every unit of the corpus; otherwise give
    ``n_units``, or N falls back to the units that contain at least one feature (and PMI
    then compares against units with some feature, not all units).

    >>> occ = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0] * 3,
    ...                     "start": [0, 2, 30], "end": [0, 2, 30], "feature": ["X", "Y", "Z"]})
    >>> cooccurrence(occ, "window", window=3).pairs()[["a", "b", "count"]].values.tolist()
    [['X', 'Y', 1]]
    """
    _require(occ, OCC_COLUMNS, "occurrences")
    if context not in CONTEXTS:
        raise ValueError(f"context must be one of {CONTEXTS}, not {context!r}")
    codes, uniq = pd.factorize(occ["feature"], sort=True)
    features = pd.Index(uniq, name="feature")
    nf = len(features)
    occurrences = np.bincount(codes, minlength=nf).astype(np.int64)
    if context == "window":
        if window is None or int(window) < 1:
            raise ValueError(f"window must be a positive number of tokens, not {window!r}")
        m = _window_pairs(occ, codes.astype(np.int64), int(window), cross_sentences, nf)
        freq = np.asarray(m.sum(axis=1)).ravel().astype(np.int64)
        return CoocMatrix(m, features, freq, int(m.sum()), occurrences, context, int(window))
    if context == "paragraph":
        occ, sentences = _with_paragraphs(occ, sentences, articles)
    units = _unit_keys(occ, context)
    nu = int(units.max(initial=-1)) + 1
    x = sp.csr_matrix((np.ones(len(units), dtype=np.int64), (units, codes)), shape=(nu, nf))
    x.sum_duplicates()
    x.data[:] = 1  # incidence: present or not
    m = (x.T @ x).tocsr()
    freq = m.diagonal().astype(np.int64)
    n = n_units if n_units is not None else _count_units(context, sentences, articles)
    if n is None:
        n = nu
    if n < nu:
        raise ValueError(f"n_units={n} is smaller than the {nu} {context}s that contain a feature")
    return CoocMatrix(m, features, freq, int(n), occurrences, context, None)


def articles_periods(articles: pd.DataFrame, period: str) -> pd.Series:
    """Each article's period (``"undated"`` when it has no date), indexed by article_id."""
    _require(articles, ["article_id", "date"], "articles")
    dates = pd.to_datetime(articles["date"], errors="coerce")
    per = dates.dt.to_period(period).astype(str).where(dates.notna(), "undated")
    return pd.Series(per.to_numpy(), index=articles["article_id"].to_numpy())


def cooccurrence_by_period(
    occ: pd.DataFrame,
    articles: pd.DataFrame,
    period: str = "Y",
    context: Context = "sentence",
    *,
    window: int = 5,
    sentences: pd.DataFrame | None = None,
    min_count: int = 1,
    cross_sentences: bool = True,
) -> pd.DataFrame:
    """:meth:`CoocMatrix.pairs` computed separately for each period of the articles' dates.

    ``period`` is a pandas period alias (``"Y"``, ``"Q"``, ``"M"``); articles without a
    date go to ``"undated"``. N is counted within each period. Adds a ``period`` column.

    >>> occ = actor_occurrences(ann.mentions, "country")                       # doctest: +SKIP
    >>> cooccurrence_by_period(occ, ann.articles, "Y", sentences=ann.sentences)  # doctest: +SKIP
    """
    per = articles_periods(articles, period)
    occ = occ.assign(period=occ["article_id"].map(per).fillna("undated").to_numpy())
    if sentences is not None:
        sentences = sentences.assign(period=sentences["article_id"].map(per).fillna("undated").to_numpy())
    if context == "paragraph":
        occ, sentences_p = _with_paragraphs(occ, sentences, articles)
        sentences = sentences_p.assign(period=sentences_p["article_id"].map(per).fillna("undated").to_numpy())
    frames = []
    for p, g in occ.groupby("period", sort=True):
        s = sentences[sentences["period"] == p] if sentences is not None else None
        a = articles[articles["article_id"].map(per) == p]
        m = cooccurrence(g, context, window=window, sentences=s, articles=a, cross_sentences=cross_sentences)
        df = m.pairs(min_count=min_count)
        df.insert(0, "period", p)
        frames.append(df)
    if not frames:
        return cooccurrence(occ, context, window=window, n_units=0).pairs().assign(period=[])
    return pd.concat(frames, ignore_index=True)


def _tables(ann) -> dict[str, pd.DataFrame]:
    if isinstance(ann, dict):
        return ann
    if hasattr(ann, "tables"):
        return ann.tables
    raise TypeError("expected an Annotations object or a dict of tables")


def actor_cooccurrence(
    ann,
    context: Context = "sentence",
    *,
    level: Literal["actor", "person", "country"] = "actor",
    window: int = 5,
    types: Iterable[str] | None = None,
) -> CoocMatrix:
    """Actor (or country) co-occurrence matrix from annotations (needs the actors stage).

    >>> ann = annotate_corpus("data/articles")                  # doctest: +SKIP
    >>> actor_cooccurrence(ann, "sentence", level="country").pairs().head()  # doctest: +SKIP
    """
    t = _tables(ann)
    if "mentions" not in t:
        raise ValueError("no mentions table: run the 'actors' stage (arnews.actors) first")
    occ = actor_occurrences(t["mentions"], level, types=types)
    return cooccurrence(occ, context, window=window, sentences=t.get("sentences"), articles=t.get("articles"))


# ---------------------------------------------------------------------------
# Collocates of a target (AntConc Collocate / textstat_collocations style)
# ---------------------------------------------------------------------------

def _term_variants(term: str) -> set[str]:
    """Normalized target plus its forms with attached conjunction/preposition proclitics
    (``الصين`` → ``والصين``, ``بالصين``, ``للصين``, ``وللصين`` …; :func:`arnews.wordforms.attached_forms`)."""
    from .text import normalize

    return attached_forms(normalize(term))


def _word_index(tokens: pd.DataFrame) -> pd.DataFrame:
    """Word tokens with ``w``: their rank among word tokens of the article."""
    t = tokens
    if "is_word" in t.columns:
        t = t[t["is_word"].to_numpy(dtype=bool)]
    t = t.sort_values(["article_id", "token_id"], kind="stable")
    w = t.groupby("article_id", sort=False).cumcount().to_numpy()
    return t.assign(w=w)


def collocates(
    target: str | Iterable[str],
    tokens: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    kind: Literal["auto", "actor", "country", "term"] = "auto",
    window: int = 5,
    side: Literal["both", "left", "right"] = "both",
    field: str = "norm",
    measure: str = "log_dice",
    min_count: int = 2,
    stopwords: Iterable[str] | bool | None = True,
    min_length: int = 2,
    clitics: bool = True,
    cross_sentences: bool = False,
    gazetteer: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Words that occur within ``window`` word tokens of a target term or actor.

    The target is an actor (its ``actor_id``, Arabic or English label or a gazetteer
    variant such as ``واشنطن``), a country code
    (every mention of an actor of that country), or a term (matched on the normalized
    form, with attached proclitics when ``clitics=True``: ``الصين`` also finds ``والصين``,
    ``بالصين``, ``للصين``). ``kind="auto"`` tries actor, then country, then term.

    The span of the target is the union of the windows of ``window`` word tokens left
    and/or right of each target occurrence (punctuation does not count; stopwords take
    a position but are not reported; windows stop at sentence ends unless
    ``cross_sentences``). The 2×2 table for a collocate c splits the corpus's word tokens
    by (in the span or not) × (is c or not): ``O11`` = occurrences of c in the span,
    ``R1`` = tokens in the span, ``C1`` = frequency of c, ``N`` = corpus word tokens.
    log-Dice uses the node and collocate frequencies (Rychlý 2008).

    Columns: ``collocate, count, freq, span, n, expected, pmi, npmi, log_dice, g2, p_value,
    left, right`` (occurrences left/right of the target), rows with ``count >= min_count``
    sorted by ``measure``. ``df.attrs["target"]`` describes what was matched.

    >>> collocates("الصين", ann.tokens, ann.mentions, window=5).head()   # doctest: +SKIP
    >>> collocates("العلاقات", ann.tokens, kind="term", side="right")    # doctest: +SKIP
    """
    counts = collocate_counts(target, tokens, mentions, kind=kind, window=window, side=side, field=field,
                              stopwords=stopwords, min_length=min_length, clitics=clitics,
                              cross_sentences=cross_sentences, gazetteer=gazetteer)
    return score_collocates(counts, measure=measure, min_count=min_count)


@dataclass
class CollocateCounts:
    """What :func:`collocates` counts, before scoring: additive over batches of whole articles.

    ``span``/``left``: collocate → occurrences in the target's span / left of the target;
    ``freq``: collocate → corpus frequency; ``span_size``: tokens in the span; ``n``: word
    tokens; ``nodes``: target occurrences; ``target``: what was matched; ``window``.
    """

    span: pd.Series
    left: pd.Series
    freq: pd.Series
    span_size: int
    n: int
    nodes: int
    target: str
    window: int

    def __add__(self, other: "CollocateCounts") -> "CollocateCounts":
        def add(x, y):
            return x.add(y, fill_value=0).astype(np.int64)

        return CollocateCounts(add(self.span, other.span), add(self.left, other.left), add(self.freq, other.freq),
                               self.span_size + other.span_size, self.n + other.n, self.nodes + other.nodes,
                               self.target, self.window)


def _node_positions(targets, words: pd.DataFrame, feat: np.ndarray, mentions, kind, clitics, gazetteer, resolved=None):
    """Start and end rows (in ``words``) of every target occurrence, and a description."""
    if resolved is None:
        resolved = _resolve_target(targets, mentions, kind, gazetteer)
    if resolved[0] == "term":
        from .text import normalize

        variants = set().union(*[_term_variants(t) for t in targets]) if clitics else {normalize(t) for t in targets}
        codes, uniq = pd.factorize(feat)
        hit = np.asarray(pd.Index(uniq).isin(list(variants)), dtype=bool)
        rows = np.flatnonzero(hit[codes]) if len(feat) else np.zeros(0, dtype=np.int64)
        return rows, rows, f"term {targets} ({len(variants)} forms)"
    _, col, values = resolved
    m = mentions[mentions[col].isin(values)]
    key_w = pd.MultiIndex.from_arrays([words["article_id"].to_numpy(), words["token_id"].to_numpy()])
    loc_s = key_w.get_indexer(pd.MultiIndex.from_arrays([m["article_id"].to_numpy(), m["token_start"].to_numpy()]))
    loc_e = key_w.get_indexer(pd.MultiIndex.from_arrays([m["article_id"].to_numpy(), m["token_end"].to_numpy()]))
    ok = (loc_s >= 0) & (loc_e >= 0)
    return loc_s[ok], loc_e[ok], f"{resolved[0]} {values}"


def _span_masks(node_start, node_end, art, sid, ntok, window, side, cross_sentences):
    """Boolean masks over the word tokens: in the span (not the node itself), and left of a node."""
    if side not in ("both", "left", "right"):
        raise ValueError(f"side must be 'both', 'left' or 'right', not {side!r}")
    in_span = np.zeros(ntok, dtype=bool)
    is_left = np.zeros(ntok, dtype=bool)
    # the nodes themselves: +1 at the start, -1 after the end (no per-node Python loop)
    delta = np.zeros(ntok + 1, dtype=np.int64)
    np.add.at(delta, node_start, 1)
    np.add.at(delta, node_end + 1, -1)
    is_node = np.cumsum(delta[:-1]) > 0
    # Left in reading order = before the target (Arabic is read right to left, "left" here
    # means preceding, as in AntConc's L1..Lk).
    for d in range(1, window + 1) if side in ("both", "left") else ():
        j = node_start - d
        ok = j >= 0
        j2 = np.where(ok, j, 0)
        ok &= art[j2] == art[node_start]
        if not cross_sentences:
            ok &= sid[j2] == sid[node_start]
        in_span[j[ok]] = True
        is_left[j[ok]] = True
    for d in range(1, window + 1) if side in ("both", "right") else ():
        j = node_end + d
        ok = j < ntok
        j2 = np.where(ok, j, 0)
        ok &= art[j2] == art[node_end]
        if not cross_sentences:
            ok &= sid[j2] == sid[node_end]
        in_span[j[ok]] = True
    in_span &= ~is_node
    return in_span, is_left & in_span


def collocate_counts(
    target: str | Iterable[str],
    tokens: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    kind: Literal["auto", "actor", "country", "term"] = "auto",
    window: int = 5,
    side: Literal["both", "left", "right"] = "both",
    field: str = "norm",
    stopwords: Iterable[str] | bool | None = True,
    min_length: int = 2,
    clitics: bool = True,
    cross_sentences: bool = False,
    gazetteer: pd.DataFrame | None = None,
    resolved: tuple | None = None,
) -> CollocateCounts:
    """The counts behind :func:`collocates` (same arguments), for one tokens table or one
    batch of whole articles; counts of batches add up (``a + b``).

    Stopwords and short words are left out by factorizing the token strings once and
    testing each distinct string (not every token) against the list. ``resolved`` (from
    :func:`resolve_target` over the whole corpus's mentions) fixes what the target is, so
    every batch matches the same thing.
    """
    _require(tokens, ["article_id", "sentence_id", "token_id", field], "tokens")
    targets = [target] if isinstance(target, str) else list(target)
    words = _word_index(tokens)
    feat = words[field].astype(str).to_numpy()
    art = pd.factorize(words["article_id"])[0].astype(np.int64)
    sid = words["sentence_id"].to_numpy(dtype=np.int64)
    ntok = len(words)
    node_start, node_end, desc = _node_positions(targets, words, feat, mentions, kind, clitics, gazetteer, resolved)
    in_span, is_left = _span_masks(node_start, node_end, art, sid, ntok, window, side, cross_sentences)
    codes, uniq = pd.factorize(feat)
    uniq = pd.Index(uniq, dtype=object)
    ok_type = np.asarray(uniq.str.len() >= min_length, dtype=bool) if len(uniq) else np.zeros(0, bool)
    if stopwords is True:
        stopwords = default_stopwords()
    if stopwords:
        ok_type &= ~np.asarray(uniq.isin(list(stopwords)), dtype=bool)
    keep = ok_type[codes] if ntok else np.zeros(0, bool)

    def count(mask):
        c = np.bincount(codes[mask], minlength=len(uniq))
        nz = np.flatnonzero(c)
        return pd.Series(c[nz].astype(np.int64), index=uniq[nz])

    return CollocateCounts(count(keep & in_span), count(keep & is_left), count(keep), int(in_span.sum()), int(ntok),
                           int(len(node_start)), desc, int(window))


def score_collocates(counts: CollocateCounts, *, measure: str = "log_dice", min_count: int = 2) -> pd.DataFrame:
    """The collocates table of :func:`collocates` from its counts."""
    f_span = counts.span[counts.span > 0].sort_values(ascending=False, kind="stable")
    df = pd.DataFrame({"collocate": f_span.index.to_numpy(dtype=object), "count": f_span.to_numpy(dtype=np.int64)})
    df["freq"] = df["collocate"].map(counts.freq).to_numpy(dtype=np.int64)
    df["span"] = np.int64(counts.span_size)
    df["n"] = np.int64(counts.n)
    df = df[df["count"] >= min_count].reset_index(drop=True)
    meas = association(df["count"], df["span"], df["freq"], df["n"], dice_f1=np.full(len(df), counts.nodes), dice_f2=df["freq"])
    df = pd.concat([df, meas], axis=1)
    df["left"] = df["collocate"].map(counts.left).fillna(0).astype(np.int64)
    df["right"] = df["count"] - df["left"]
    if measure not in df.columns:
        raise ValueError(f"measure must be one of {MEASURES}, not {measure!r}")
    df = df.sort_values([measure, "count", "collocate"], ascending=[False, False, True], ignore_index=True)
    df.attrs["target"] = counts.target
    df.attrs["target_occurrences"] = counts.nodes
    df.attrs["window"] = counts.window
    return df


def resolve_target(target, mentions: pd.DataFrame | None = None, kind: str = "auto", gazetteer: pd.DataFrame | None = None) -> tuple:
    """What a collocate target is: ``("actor", "actor_id", ids)``, ``("country", "country",
    codes)`` or ``("term",)`` (see :func:`collocates`).

    >>> resolve_target("العلاقات", None)
    ('term',)
    """
    return _resolve_target([target] if isinstance(target, str) else list(target), mentions, kind, gazetteer)


def _resolve_target(targets, mentions, kind, gazetteer):
    if kind == "term" or mentions is None or not len(mentions):
        if kind in ("actor", "country"):
            raise ValueError(f"kind={kind!r} needs the mentions table (run the actors stage)")
        return ("term",)
    from .text import normalize

    ids = set(mentions["actor_id"].astype(str))
    countries = set(mentions["country"].dropna().astype(str)) - {""}
    if kind in ("auto", "actor"):
        found = [t for t in targets if t in ids]
        if len(found) < len(targets):
            g = gazetteer
            if g is None:
                try:
                    g = load_gazetteer()
                except FileNotFoundError:
                    g = None
            if g is not None:
                ar = {}
                for a, lab, var in zip(g["actor_id"], g["label_ar"], g.get("variants", pd.Series([""] * len(g)))):
                    for x in [lab, *str(var or "").split("|")]:
                        if x.strip():
                            ar.setdefault(normalize(x.strip()), a)
                ar.update({normalize(x): a for a, x in zip(g["actor_id"], g["label_ar"])})
                en = {x.casefold(): a for a, x in zip(g["actor_id"], g["label_en"])}
                for t in targets:
                    if t not in ids:
                        a = ar.get(normalize(t)) or en.get(t.casefold())
                        if a is not None:
                            found.append(a)
        if len(found) == len(targets):
            return ("actor", "actor_id", found)
        if kind == "actor":
            raise ValueError(f"actor target {targets} not found in mentions.actor_id or the gazetteer labels")
    if kind in ("auto", "country"):
        if all(t in countries for t in targets):
            return ("country", "country", list(targets))
        if kind == "country":
            raise ValueError(f"country target {targets} not found in mentions.country")
    return ("term",)


# ---------------------------------------------------------------------------
# Evidence and context words of a pair
# ---------------------------------------------------------------------------


def pair_units(occ, a, b, context, window, sentences, articles, limit: int | None = None):
    """The units where a and b co-occur, in order, as (article_id, sentence ids) (the first
    ``limit`` of them for unit contexts)."""
    occ = occ[occ["feature"].isin([a, b])]
    if context == "window":
        o = occ.sort_values(["article_id", "start"]).reset_index(drop=True)
        hits = []
        for aid, g in o.groupby("article_id", sort=False):
            fa, fb = g[g["feature"] == a], g[g["feature"] == b]
            for _, ra in fa.iterrows():
                near = fb[(fb["start"] - ra["end"] <= window) & (ra["start"] - fb["end"] <= window)]
                for _, rb in near.iterrows():
                    hits.append((aid, (int(ra["sentence_id"]), int(rb["sentence_id"]))))
        return hits
    if context == "paragraph":
        occ, _ = _with_paragraphs(occ, sentences, articles)
        key = ["article_id", "paragraph_id"]
    elif context == "sentence":
        key = ["article_id", "sentence_id"]
    elif context == "article":
        key = ["article_id"]
    else:
        raise ValueError(f"context must be one of {CONTEXTS}, not {context!r}")
    both = occ.groupby(key)["feature"].nunique()
    both = both[both == 2].index
    if limit is not None:
        both = both[:limit]
    if not len(both):
        return []
    units = both.to_frame(index=False)
    cols = list(dict.fromkeys(key + ["sentence_id"]))
    sel = occ[cols].merge(units, on=key).drop_duplicates().sort_values(cols)
    sids = sel.groupby(key, sort=True)["sentence_id"].agg(lambda x: tuple(int(v) for v in x))
    return [(k[0] if isinstance(k, tuple) else k, v) for k, v in sids.items()]


def pair_examples(
    occ: pd.DataFrame,
    a: str,
    b: str,
    sentences: pd.DataFrame,
    *,
    context: Context = "sentence",
    window: int = 5,
    articles: pd.DataFrame | None = None,
    n: int = 3,
    max_chars: int = 400,
) -> pd.DataFrame:
    """Evidence for a pair: up to ``n`` contexts where ``a`` and ``b`` co-occur, as text.

    The text is the sentence(s) of the context that mention a or b, joined by `` … ``
    and cut to ``max_chars``. Columns: ``article_id, sentence_ids, text``.

    >>> pair_examples(actor_occurrences(ann.mentions), "CHN", "RUS", ann.sentences)  # doctest: +SKIP
    """
    _require(sentences, ["article_id", "sentence_id", "text"], "sentences")
    limit = n if context != "window" else None
    hits = list(dict.fromkeys(pair_units(occ, a, b, context, window, sentences, articles, limit)))[:n]
    st = sentences.set_index(["article_id", "sentence_id"])["text"]
    rows = []
    for aid, sids in hits:
        text = " … ".join(str(st.get((aid, s), "")) for s in sorted(set(sids)))
        if len(text) > max_chars:
            text = text[: max_chars - 1] + "…"
        rows.append({"article_id": aid, "sentence_ids": list(sorted(set(sids))), "text": text})
    return pd.DataFrame(rows, columns=["article_id", "sentence_ids", "text"])


def pair_context_terms(
    occ: pd.DataFrame,
    a: str,
    b: str,
    tokens: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    period: str = "Y",
    context: Context = "sentence",
    sentences: pd.DataFrame | None = None,
    field: str = "norm",
    stopwords: Iterable[str] | bool | None = True,
    min_count: int = 2,
    exclude: Iterable[str] = (),
    exclude_pair: bool = True,
) -> pd.DataFrame:
    """How the words around a pair differ between periods.

    Takes the word tokens of the sentences in which ``a`` and ``b`` co-occur (for
    ``context="paragraph"``/``"article"``: all sentences of those units), groups them by
    the period of the article's date and, for each period, compares each term's count
    with its count in the pair's contexts of the other periods: G² with p-value (2×2
    table: this period / other periods × term / other terms) and the log ratio
    ``log2((count/size) / (other/other_size))`` (0.5 added to both counts).

    Columns: ``period, term, count, other, size, other_size, g2, p_value, log_ratio``,
    rows with ``count >= min_count``, sorted by period then G² (terms more frequent in
    the period first). The tokens of the pair's own occurrences (``exclude_pair``) and the
    terms in ``exclude`` are left out.

    >>> occ = actor_occurrences(ann.mentions)                                        # doctest: +SKIP
    >>> pair_context_terms(occ, "CHN", "RUS", ann.tokens, ann.articles, period="Y")  # doctest: +SKIP
    """
    hits = pair_hits(occ, a, b, context, sentences, articles)
    counts = pair_context_counts(occ, a, b, hits, tokens, articles, period=period, context=context, sentences=sentences,
                                 field=field, stopwords=stopwords, exclude=exclude, exclude_pair=exclude_pair)
    return score_context_terms(counts, min_count=min_count)


def pair_hits(occ: pd.DataFrame, a: str, b: str, context: str = "sentence", sentences=None, articles=None) -> list[tuple]:
    """The units where ``a`` and ``b`` co-occur: ``(article_id, sentence ids)`` each."""
    if context == "window":
        raise ValueError("pair_context_terms(): use a unit context (sentence, paragraph or article)")
    return pair_units(occ, a, b, context, 0, sentences, articles)


def pair_context_counts(occ, a, b, hits, tokens, articles, *, period="Y", context="sentence", sentences=None,
                        field="norm", stopwords=True, exclude=(), exclude_pair=True) -> pd.DataFrame:
    """Counts behind :func:`pair_context_terms` (``period, feature, count``) over one tokens
    table or one batch of whole articles; the counts of batches add up."""
    if context == "sentence":
        units = pd.DataFrame([(aid, s) for aid, sids in hits for s in sids], columns=["article_id", "sentence_id"])
    else:
        # all sentences of the units
        key = "paragraph_id" if context == "paragraph" else None
        arts_hit = {aid for aid, _ in hits}
        if key is None:
            units = tokens.loc[tokens["article_id"].isin(arts_hit), ["article_id", "sentence_id"]].drop_duplicates()
        else:
            s = sentences[["article_id", "sentence_id"]].copy()
            s["paragraph_id"] = paragraph_ids(sentences, articles).to_numpy()
            occ2, _ = _with_paragraphs(occ[occ["feature"].isin([a, b])], sentences, articles)
            both = occ2.groupby(["article_id", "paragraph_id"])["feature"].nunique()
            both = both[both == 2].reset_index()[["article_id", "paragraph_id"]]
            units = s.merge(both, on=["article_id", "paragraph_id"])[["article_id", "sentence_id"]]
    occ_t = term_occurrences(tokens, field, stopwords=stopwords)
    occ_t = occ_t.merge(units.drop_duplicates(), on=["article_id", "sentence_id"])
    ex = set(exclude)
    occ_t = occ_t[~occ_t["feature"].isin(ex)]
    if exclude_pair and len(occ_t):
        own = occ[occ["feature"].isin([a, b]) & occ["article_id"].isin(pd.unique(occ_t["article_id"]))]
        lens = (own["end"] - own["start"] + 1).to_numpy(dtype=np.int64)
        own_aid = np.repeat(own["article_id"].to_numpy(), lens)
        own_pos = np.repeat(own["start"].to_numpy(dtype=np.int64), lens) + (
            np.arange(lens.sum()) - np.repeat(np.cumsum(lens) - lens, lens)
        )
        own_idx = pd.MultiIndex.from_arrays([own_aid, own_pos])
        hit = pd.MultiIndex.from_arrays([occ_t["article_id"].to_numpy(), occ_t["start"].to_numpy()]).isin(own_idx)
        occ_t = occ_t[~hit]
    per = articles_periods(articles, period)
    occ_t = occ_t.assign(period=occ_t["article_id"].map(per).fillna("undated"))
    return occ_t.groupby(["period", "feature"]).size().rename("count").reset_index()


def score_context_terms(counts: pd.DataFrame, *, min_count: int = 2) -> pd.DataFrame:
    """The table of :func:`pair_context_terms` from (summed) :func:`pair_context_counts`."""
    cols = ["period", "term", "count", "other", "size", "other_size", "g2", "p_value", "log_ratio"]
    counts = counts.groupby(["period", "feature"], as_index=False)["count"].sum() if len(counts) else counts
    if not len(counts):
        return pd.DataFrame(columns=cols)
    sizes = counts.groupby("period")["count"].sum()
    total_by_term = counts.groupby("feature")["count"].sum()
    total = int(counts["count"].sum())
    counts["size"] = counts["period"].map(sizes).to_numpy(dtype=np.int64)
    counts["other"] = counts["feature"].map(total_by_term).to_numpy(dtype=np.int64) - counts["count"]
    counts["other_size"] = total - counts["size"]
    meas = association(counts["count"], counts["size"], counts["count"] + counts["other"], total)
    counts["g2"] = meas["g2"].to_numpy()
    counts["p_value"] = meas["p_value"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        counts["log_ratio"] = np.log2(
            ((counts["count"] + 0.5) / counts["size"]) / ((counts["other"] + 0.5) / counts["other_size"].where(counts["other_size"] > 0, np.nan))
        )
    counts = counts.rename(columns={"feature": "term"})
    counts = counts[counts["count"] >= min_count]
    signed = np.where(counts["log_ratio"].fillna(0) >= 0, counts["g2"], -counts["g2"])
    counts = counts.assign(_s=signed).sort_values(["period", "_s", "count", "term"], ascending=[True, False, False, True])
    return counts[cols].reset_index(drop=True)


def label_pairs(pairs: pd.DataFrame, labels: dict) -> pd.DataFrame:
    """Add ``label_a``/``label_b`` columns (ids without a label keep the id).

    >>> label_pairs(pd.DataFrame({"a": ["CHN"], "b": ["X"]}), {"CHN": "الصين"}).values.tolist()
    [['CHN', 'X', 'الصين', 'X']]
    """
    out = pairs.copy()
    out["label_a"] = [labels.get(v, v) for v in out["a"]]
    out["label_b"] = [labels.get(v, v) for v in out["b"]]
    return out


def pairs_with_examples(
    pairs: pd.DataFrame,
    occ: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    context: Context = "sentence",
    window: int = 5,
    articles: pd.DataFrame | None = None,
    max_chars: int = 300,
) -> pd.DataFrame:
    """The pairs table with an ``example`` column: one context where the pair co-occurs
    (see :func:`pair_examples`), and its ``example_article``.

    >>> pairs_with_examples(m.pairs().head(10), occ, ann.sentences)   # doctest: +SKIP
    """
    ex, arts = [], []
    for a, b in zip(pairs["a"], pairs["b"]):
        e = pair_examples(occ, a, b, sentences, context=context, window=window, articles=articles, n=1, max_chars=max_chars)
        ex.append(e["text"].iloc[0] if len(e) else "")
        arts.append(e["article_id"].iloc[0] if len(e) else "")
    return pairs.assign(example=ex, example_article=arts)


# ---------------------------------------------------------------------------
# Network
# ---------------------------------------------------------------------------


def cooc_graph(
    cooc: CoocMatrix | pd.DataFrame,
    *,
    weight: str = "npmi",
    min_count: int = 2,
    top_k: int | None = None,
    min_weight: float | None = None,
    max_p: float | None = None,
    nodes: pd.DataFrame | None = None,
    gazetteer: pd.DataFrame | None = None,
    level: str = "actor",
):
    """A networkx graph of co-occurring features, filtered.

    Edges: pairs with ``count >= min_count`` (and ``weight >= min_weight``, ``p_value <=
    max_p`` when given); with ``top_k``, an edge is kept if it is among the ``top_k``
    strongest (by ``weight``) edges of either endpoint. Edge attributes: count, pmi, npmi,
    log_dice, g2, p_value and ``weight``. Node attributes: occurrences, freq and, from
    the gazetteer (if available), label_ar, label_en, type, country. Nodes left without
    edges are dropped.

    >>> occ = pd.DataFrame({"article_id": ["a"] * 4, "sentence_id": [0, 0, 1, 1],
    ...                     "start": [0, 1, 5, 6], "end": [0, 1, 5, 6],
    ...                     "feature": ["X", "Y", "X", "Y"]})
    >>> g = cooc_graph(cooccurrence(occ, n_units=3), gazetteer=False)
    >>> list(g.edges(data="count"))
    [('X', 'Y', 2)]
    """
    import networkx as nx

    if isinstance(cooc, CoocMatrix):
        pairs = cooc.pairs(min_count=min_count)
        node_df = cooc.nodes() if nodes is None else nodes
    else:
        _require(cooc, ["a", "b", "count"], "pairs")
        pairs = cooc[cooc["count"] >= min_count]
        node_df = nodes
    if weight not in pairs.columns:
        raise ValueError(f"weight must be a pairs column such as {MEASURES}, not {weight!r}")
    if min_weight is not None:
        pairs = pairs[pairs[weight] >= min_weight]
    if max_p is not None:
        pairs = pairs[pairs["p_value"] <= max_p]
    if top_k is not None:
        long = pd.concat(
            [pairs.assign(_node=pairs["a"], _i=np.arange(len(pairs))), pairs.assign(_node=pairs["b"], _i=np.arange(len(pairs)))]
        )
        long = long.sort_values([weight, "count"], ascending=False, kind="stable")
        kept = long.groupby("_node", sort=False).head(top_k)["_i"].unique()
        pairs = pairs.iloc[np.sort(kept)]
    g = nx.Graph(weight=weight, min_count=min_count)
    attrs = [c for c in ["count", "pmi", "npmi", "log_dice", "g2", "p_value"] if c in pairs.columns]
    for row in pairs.itertuples(index=False):
        d = {c: _py(getattr(row, c)) for c in attrs}
        d["weight"] = _py(getattr(row, weight))
        g.add_edge(row.a, row.b, **d)
    if node_df is not None:
        for r in node_df.itertuples(index=False):
            if r.feature in g:
                g.nodes[r.feature].update({k: _py(v) for k, v in r._asdict().items() if k != "feature"})
    if gazetteer is not False:
        try:
            gz = load_gazetteer() if gazetteer is None else gazetteer
        except FileNotFoundError:
            gz = None
        if gz is not None:
            lab_ar, lab_en = actor_labels(gz, level, "ar"), actor_labels(gz, level, "en")
            info = gz.set_index("actor_id")
            for v in g.nodes:
                g.nodes[v]["label_ar"] = lab_ar.get(v, str(v))
                g.nodes[v]["label_en"] = lab_en.get(v, str(v))
                if level != "country" and v in info.index:
                    g.nodes[v]["type"] = str(info.loc[v, "type"])
                    g.nodes[v]["country"] = str(info.loc[v, "country"])
    return g


def _py(v):
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    return v


def export_graph(graph, path: str | os.PathLike) -> Path:
    """Write a graph for Gephi: ``.graphml`` or ``.gexf`` (chosen by the file extension).

    Infinite or missing values (GraphML/GEXF have no NaN) are left out of that node's or
    edge's attributes rather than written as a misleading number.

    >>> export_graph(cooc_graph(m, min_count=2, top_k=5), "out/actors.gexf")   # doctest: +SKIP
    """
    import networkx as nx

    p = Path(path)
    g = graph.copy()
    for _, d in g.nodes(data=True):
        for k in [k for k, v in d.items() if isinstance(v, float) and not np.isfinite(v)]:
            del d[k]
    for _, _, d in g.edges(data=True):
        for k in [k for k, v in d.items() if isinstance(v, float) and not np.isfinite(v)]:
            del d[k]
    g.graph = {k: v for k, v in g.graph.items() if isinstance(v, (str, int, float))}
    if p.suffix.lower() == ".graphml":
        nx.write_graphml(g, p)
    elif p.suffix.lower() == ".gexf":
        nx.write_gexf(g, p)
    else:
        raise ValueError(f"{p}: export_graph writes .graphml or .gexf files, not {p.suffix!r}")
    return p
