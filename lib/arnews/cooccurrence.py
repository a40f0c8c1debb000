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

from dataclasses import dataclass, field
from typing import Iterable, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .association import association
from .occurrences import (
    OCC_COLUMNS,
    actor_occurrences,
    articles_periods,
    paragraph_ids,
    require_columns,
    tables_of,
)

CONTEXTS = ("sentence", "paragraph", "article", "window")
Context = Literal["sentence", "paragraph", "article", "window"]


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


def with_paragraphs(occ: pd.DataFrame, sentences: pd.DataFrame | None, articles: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
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
    require_columns(occ, OCC_COLUMNS, "occurrences")
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
        occ, sentences = with_paragraphs(occ, sentences, articles)
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
        occ, sentences_p = with_paragraphs(occ, sentences, articles)
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
    t = tables_of(ann)
    if "mentions" not in t:
        raise ValueError("no mentions table: run the 'actors' stage (arnews.actors) first")
    occ = actor_occurrences(t["mentions"], level, types=types)
    return cooccurrence(occ, context, window=window, sentences=t.get("sentences"), articles=t.get("articles"))


