"""Keyness: target against reference, per group, and against general Arabic (see :mod:`arnews.frequency`)."""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from .association import association
from .frequency import ARABIC_RE, Units, group_codes, unit_counts
from .stopwords import resolve_stopwords
from .text import normalize

# ---------------------------------------------------------------------------
# Keyness
# ---------------------------------------------------------------------------

KEYNESS_COLUMNS = ["term", "count", "ref_count", "size", "ref_size", "expected", "g2", "p_value", "log_ratio"]


def keyness_table(
    target: pd.Series | dict,
    reference: pd.Series | dict,
    size: float,
    ref_size: float,
    *,
    min_count: float = 1,
) -> pd.DataFrame:
    """Keyness from counts: ``target``/``reference`` map term → count (reference counts
    may be fractional, e.g. from probabilities), ``size``/``ref_size`` are the two corpus
    sizes. Terms with ``count + ref_count >= min_count`` are kept.

    Columns: ``term, count, ref_count, size, ref_size, expected, g2, p_value, log_ratio``
    (``expected`` = count expected in the target; ``g2`` signed, see the module docstring),
    sorted by ``g2`` from most distinctive of the target to most distinctive of the reference.

    >>> k = keyness_table({"x": 10, "y": 5}, {"x": 10, "y": 75}, 100, 1000)
    >>> k[["term", "g2", "log_ratio"]].round(3).values.tolist()
    [['x', 22.908, 3.322], ['y', -0.93, -0.585]]
    """
    tc = pd.Series(target, dtype=float)
    rc = pd.Series(reference, dtype=float)
    if size <= 0 or ref_size <= 0:
        raise ValueError(f"keyness: both sizes must be positive (size={size}, ref_size={ref_size})")
    terms = tc.index.union(rc.index)
    a = tc.reindex(terms, fill_value=0.0).to_numpy()
    b = rc.reindex(terms, fill_value=0.0).to_numpy()
    ok = (a + b) >= min_count
    terms, a, b = terms[ok], a[ok], b[ok]
    if np.any(a > size) or np.any(b > ref_size):
        raise ValueError("keyness: a term's count exceeds its corpus size")
    m = association(a, np.full(len(a), float(size)), a + b, float(size) + float(ref_size))
    g2 = m["g2"].to_numpy()
    exp = m["expected"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        lr = np.log2((np.where(a > 0, a, 0.5) / size) / (np.where(b > 0, b, 0.5) / ref_size))
    out = pd.DataFrame(
        {
            "term": terms.to_numpy(dtype=object),
            "count": a,
            "ref_count": b,
            "size": float(size),
            "ref_size": float(ref_size),
            "expected": exp,
            "g2": np.where(a >= exp, g2, -g2),
            "p_value": m["p_value"].to_numpy(),
            "log_ratio": lr,
        }
    )
    if np.all(np.mod(out["count"], 1) == 0):
        out["count"] = out["count"].astype(np.int64)
    out = out.sort_values(["g2", "count", "term"], ascending=[False, False, True], kind="stable")
    return out.reset_index(drop=True)[KEYNESS_COLUMNS]


def keyness(
    tokens: pd.DataFrame,
    target,
    *,
    by: str = "article",
    articles: pd.DataFrame | None = None,
    reference=None,
    form: str = "norm",
    stopwords: bool | Iterable[str] | None = True,
    ngram: int = 1,
    min_count: int = 2,
) -> pd.DataFrame:
    """Keyness of a target group against the rest of the corpus (``textstat_keyness``).

    ``by`` defines the groups (``"article"``, ``"year"``, ``"month"``, ``"outlet"`` …, see
    :func:`group_labels`); ``target`` is one group label or a list of them (an article
    id, ``"2022"``); ``reference`` is None (every other group) or label(s). Sizes are the
    groups' word tokens, stopwords included; stopwords are left out of the rows. Columns
    as :func:`keyness_table`; ``attrs`` records target, reference and sizes.

    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "clean_text": ["روسيا روسيا الصين.", "الصين الصين الصين روسيا."]})
    >>> k = keyness(tokens_table(sentences_table(arts)), "a", min_count=1)
    >>> k[["term", "count", "ref_count"]].values.tolist()
    [['روسيا', 2, 1], ['الصين', 1, 3]]
    """
    u = Units(tokens, form, ngram, stopwords)
    col, g, glabels = group_codes(u, by, articles)
    tset = {str(x) for x in ([target] if isinstance(target, (str, int)) else target)}
    unknown = tset - set(map(str, glabels))
    if unknown:
        raise ValueError(f"keyness target {sorted(unknown)} is not a {col} of the corpus (e.g. {list(glabels[:3])})")
    is_t = np.isin(glabels.astype(str), list(tset))
    if reference is None:
        is_r = ~is_t
    else:
        rset = {str(x) for x in ([reference] if isinstance(reference, (str, int)) else reference)}
        bad = rset - set(map(str, glabels))
        if bad:
            raise ValueError(f"keyness reference {sorted(bad)} is not a {col} of the corpus")
        is_r = np.isin(glabels.astype(str), list(rset)) & ~is_t
    side = np.where(is_t, 0, np.where(is_r, 1, -1))[g]
    sizes = np.bincount(side[side >= 0], minlength=2)
    if sizes[1] == 0:
        raise ValueError(f"keyness: the reference is empty (only target {sorted(tset)} in the corpus)")
    keep = ~u.stop & (side >= 0)
    tc = pd.Series(u.term[keep & (side == 0)]).value_counts()
    rc = pd.Series(u.term[keep & (side == 1)]).value_counts()
    tc.index = u.labels[tc.index.to_numpy(dtype=np.int64)]
    rc.index = u.labels[rc.index.to_numpy(dtype=np.int64)]
    out = keyness_table(tc, rc, int(sizes[0]), int(sizes[1]), min_count=min_count)
    out["count"] = out["count"].astype(np.int64)
    out["ref_count"] = out["ref_count"].astype(np.int64)
    out.attrs.update(target=sorted(tset), reference="rest" if reference is None else sorted(rset), by=col, form=form)
    return out


def keyness_groups(
    tokens: pd.DataFrame,
    *,
    by: str = "article",
    articles: pd.DataFrame | None = None,
    form: str = "norm",
    stopwords: bool | Iterable[str] | None = True,
    ngram: int = 1,
    min_count: int = 2,
    top: int | None = 10,
    max_p: float | None = None,
    totals: pd.Series | None = None,
    total: int | None = None,
) -> pd.DataFrame:
    """Keyness of **every** group against the rest of the corpus at once (vectorized):
    for each group (article, year, outlet …), the terms over-represented in it.

    Same measures as :func:`keyness`; rows are terms seen ``min_count`` times or more in
    the group and more often than expected (``g2 > 0``), with ``p_value <= max_p`` if
    given, the ``top`` strongest per group. Columns: ``[group], term, count, ref_count,
    size, ref_size, expected, g2, p_value, log_ratio``.

    ``totals`` (term → count over the whole corpus, stopwords left out) and ``total`` (the
    corpus size) let ``tokens`` be one batch of whole articles of a larger corpus: each
    group is then compared with the rest of the whole corpus (see :mod:`arnews.streamed`).

    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "clean_text": ["روسيا روسيا الصين.", "الصين الصين الصين روسيا."]})
    >>> keyness_groups(tokens_table(sentences_table(arts)), min_count=1)[["article_id", "term"]].values.tolist()
    [['a', 'روسيا'], ['b', 'الصين']]
    """
    u = Units(tokens, form, ngram, stopwords)
    col, g, glabels = group_codes(u, by, articles)
    if col is None:
        raise ValueError("keyness_groups needs groups: by='article', 'year', 'outlet' …")
    sizes = np.bincount(g, minlength=len(glabels)).astype(np.int64)
    c = unit_counts(u, g, ~u.stop)
    if totals is None:
        total = int(sizes.sum())
        term_total = np.bincount(c["t"].to_numpy(), weights=c["count"].to_numpy(), minlength=len(u.labels))
    else:
        if total is None:
            raise ValueError("keyness_groups: pass total (the corpus size) with totals")
        term_total = pd.Series(totals, dtype=float).reindex(u.labels, fill_value=0.0).to_numpy()
    c = c[c["count"] >= min_count]
    a = c["count"].to_numpy(dtype=float)
    empty = np.array([], dtype=object)
    rows = pd.DataFrame({
        col: glabels[c["g"].to_numpy()] if len(c) else empty,
        "term": u.labels[c["t"].to_numpy()] if len(c) else empty,
        "count": a,
        "ref_count": term_total[c["t"].to_numpy()] - a,
        "size": sizes[c["g"].to_numpy()].astype(float),
        "order": c["g"].to_numpy(),
    })
    return score_group_keyness(rows, col, total, top=top, max_p=max_p)


def score_group_keyness(rows: pd.DataFrame, col: str, total: int, *, top: int | None = 10,
                        max_p: float | None = None) -> pd.DataFrame:
    """Score (group, term) counts against the rest of the corpus: the last step of
    :func:`keyness_groups`, shared with its batched form (:func:`arnews.streamed.keyness_groups`).

    ``rows`` has one row per group and term: ``col`` (the group), ``term``, ``count`` (in the
    group), ``ref_count`` (in the rest of the corpus), ``size`` (the group's size) and
    ``order`` (the group's rank in the output); ``total`` is the corpus size. Groups that are
    the whole corpus are left out. Returns the columns of :func:`keyness_groups`.

    >>> rows = pd.DataFrame({"g": ["a", "b"], "term": ["x", "x"], "count": [9, 1], "ref_count": [1, 9],
    ...                      "size": [10, 10], "order": [0, 1]})
    >>> score_group_keyness(rows, "g", 20)[["g", "term"]].values.tolist()
    [['a', 'x']]
    """
    size = rows["size"].to_numpy(dtype=float)
    rows = rows[total - size > 0]
    a = rows["count"].to_numpy(dtype=float)
    b = rows["ref_count"].to_numpy(dtype=float)
    size = rows["size"].to_numpy(dtype=float)
    ref_size = total - size
    m = association(a, size, a + b, np.full(len(a), float(total)))
    with np.errstate(divide="ignore", invalid="ignore"):
        lr = np.log2((np.where(a > 0, a, 0.5) / size) / (np.where(b > 0, b, 0.5) / ref_size))
    exp = m["expected"].to_numpy()
    g2 = np.where(a >= exp, m["g2"].to_numpy(), -m["g2"].to_numpy())
    out = pd.DataFrame({col: rows[col].to_numpy(), "term": rows["term"].to_numpy(), "count": a.astype(np.int64),
                        "ref_count": b.astype(np.int64), "size": size.astype(np.int64),
                        "ref_size": ref_size.astype(np.int64), "expected": exp, "g2": g2,
                        "p_value": m["p_value"].to_numpy(), "log_ratio": lr, "_g": rows["order"].to_numpy()})
    out = out[out["g2"] > 0]
    if max_p is not None:
        out = out[out["p_value"] <= max_p]
    out = out.sort_values(["_g", "g2", "count", "term"], ascending=[True, False, False, True], kind="stable")
    if top is not None:
        out = out.groupby("_g", sort=False).head(top)
    return out.drop(columns="_g").reset_index(drop=True)


_GENERAL_CACHE: dict[tuple, pd.Series] = {}


def general_frequencies(lang: str = "ar", wordlist: str = "best") -> pd.Series:
    """General-language word probabilities from ``wordfreq`` (shipped with the package, no
    download), keyed by **normalized** form: probabilities of spellings that normalize to
    the same form (``إلى``/``الى``) are added. Computed once per session (a few seconds).

    >>> p = general_frequencies()                       # doctest: +SKIP
    >>> p["في"] > p["الصين"] > 0                        # doctest: +SKIP
    True
    """
    key = (lang, wordlist)
    if key not in _GENERAL_CACHE:
        import wordfreq

        d = wordfreq.get_frequency_dict(lang, wordlist=wordlist)
        s = pd.Series(d, dtype=float)
        norm = pd.Series([normalize(w) for w in s.index], index=s.index)
        _GENERAL_CACHE[key] = s.groupby(norm.to_numpy()).sum().sort_values(ascending=False)
    return _GENERAL_CACHE[key]


def keyness_general(
    tokens: pd.DataFrame,
    *,
    stopwords: bool | Iterable[str] | None = True,
    reference_size: float = 1e8,
    min_count: int = 2,
    reference_top: int = 5000,
    reference: pd.Series | None = None,
) -> pd.DataFrame:
    """Keyness of the corpus (or any tokens table) against general Arabic (wordfreq).

    The reference counts are ``p × reference_size`` (see the module docstring); the
    candidate terms are the corpus's normalized words seen ``min_count`` times or more,
    plus the ``reference_top`` most frequent words of general Arabic (so that words
    *under*-used in the corpus can show). Terms without an Arabic letter (numbers,
    Latin) are left out: wordfreq counts them differently. ``reference`` replaces
    wordfreq with your own probabilities (a Series: normalized term → probability).
    Columns as :func:`keyness_table`.

    >>> keyness_general(ann.tokens).head()              # doctest: +SKIP
    """
    u = Units(tokens, "norm", 1, stopwords)
    keep = ~u.stop
    tc = pd.Series(u.term[keep]).value_counts()
    tc.index = u.labels[tc.index.to_numpy(dtype=np.int64)]
    return keyness_general_counts(tc, len(u.term), stopwords=stopwords, reference_size=reference_size,
                                  min_count=min_count, reference_top=reference_top, reference=reference)


def keyness_general_counts(
    counts: pd.Series,
    size: int,
    *,
    stopwords: bool | Iterable[str] | None = True,
    reference_size: float = 1e8,
    min_count: int = 2,
    reference_top: int = 5000,
    reference: pd.Series | None = None,
) -> pd.DataFrame:
    """:func:`keyness_general` from counts: ``counts`` maps each normalized term (stopwords
    left out) to its count, ``size`` is the corpus's word tokens (stopwords included).

    >>> k = keyness_general_counts(pd.Series({"الصين": 50, "في": 0}), 1000, reference={"الصين": 1e-5, "في": 0.02}, min_count=1)
    >>> k["term"].tolist()[0]
    'الصين'
    """
    if reference_size <= 0:
        raise ValueError(f"reference_size must be positive, not {reference_size}")
    if size == 0:
        raise ValueError("keyness_general: the tokens table has no word tokens")
    tc = counts
    p = general_frequencies() if reference is None else pd.Series(reference, dtype=float)
    sw = resolve_stopwords(stopwords)
    cand = set(tc.index[tc.to_numpy() >= min_count]) | {w for w in p.index[:reference_top] if w not in sw}
    cand = [w for w in cand if ARABIC_RE.search(w)]
    tc = tc.reindex(cand, fill_value=0)
    rc = p.reindex(cand, fill_value=0.0) * float(reference_size)
    out = keyness_table(tc, rc, size, float(reference_size), min_count=0)
    out = out[(out["count"] > 0) | (out["ref_count"] > 0)].reset_index(drop=True)
    out["count"] = out["count"].astype(np.int64)
    out.attrs.update(reference="wordfreq ar" if reference is None else "custom", reference_size=reference_size)
    return out


