"""Sentence-bounded KWIC and multi-word expressions (quanteda's ``textstat_collocations`` +
``tokens_compound``).

KWIC (:func:`kwic`)
    Keyword in context over the ``tokens`` table, matched as :func:`arnews.freq.kwic` does
    (normalized, proclitic-aware, phrases, lemmas, regular expressions). With
    ``sentence_bounded=True`` the left and right contexts stop at the hit's sentence, so a
    concordance line never runs into the previous or next sentence (or headline).

Multi-word expressions (:func:`collocations`, :func:`tokens_compound`)
    Candidates are sequences of ``size`` adjacent word tokens of one sentence (no
    punctuation between them); by default a candidate that starts or ends with a stopword
    is left out (``في الصين`` is not an expression). For two-word candidates ``w1 w2`` the
    2×2 table counts all adjacent word pairs of the corpus (N)::

                   w2 second          other second
        w1 first   n11 = c(w1 w2)     n12 = c(w1 ·) - n11
        other      n21 = c(· w2)-n11  n22 = N - n11 - n12 - n21

    * ``lambda = log((n11+½)(n22+½) / ((n12+½)(n21+½)))`` — the log odds ratio, quanteda's
      ``lambda`` for size 2 (with its 0.5 smoothing); ``z = lambda / sqrt(Σ 1/(n_ij+½))``
      is its Wald statistic (quanteda's ``z``);
    * ``pmi = log2(n11 · N / (c(w1 ·) · c(· w2)))`` for size 2, and for longer candidates
      ``log2(c(w1…wk) · N^(k-1) / Π c(w_i))`` with unigram counts ``c(w_i)`` of the
      n-gram positions.

    ``measure`` (``"lambda"``, ``"z"`` or ``"pmi"``) sorts the table; ``min_count`` drops
    rarer candidates (PMI overrates rare pairs: keep ``min_count`` at 3 or more).

    :func:`tokens_compound` then merges each accepted expression into **one token row**
    (longest first, left to right, no overlaps), so :func:`arnews.freq.frequency_table` and
    any count over the tokens table counts it once.

Example
-------
>>> import pandas as pd
>>> from arnews.text import sentences_table, tokens_table
>>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": [
...     "قال مجلس الامن. اجتمع مجلس الامن اليوم. دعا مجلس الامن الى الهدوء."]})
>>> toks = tokens_table(sentences_table(arts))
>>> collocations(toks, min_count=3)[["collocation", "count"]].values.tolist()
[['مجلس الامن', 3]]
>>> merged = tokens_compound(toks, ["مجلس الامن"])
>>> int((merged["norm"] == "مجلس الامن").sum())
3
"""
from __future__ import annotations

from typing import Iterable, Literal

import numpy as np
import pandas as pd
import regex as re

__all__ = ["kwic", "collocations", "tokens_compound", "MEASURES"]

MEASURES = ("lambda", "z", "pmi")
KWIC_COLUMNS = ["article_id", "sentence_id", "token_id", "start", "end", "left", "keyword", "right", "match"]

_NO_SPACE_BEFORE = re.compile(r" (?=[\p{Po}\p{Pe}\p{Pf}](?:\s|$))")
_NO_SPACE_AFTER = re.compile(r"(?<=[\p{Ps}\p{Pi}]) ")


def _require(df: pd.DataFrame, cols: Iterable[str], name: str = "tokens") -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{name} table lacks columns {missing}; it has {list(df.columns)}")


def _sorted(tokens: pd.DataFrame) -> pd.DataFrame:
    """Tokens in (article in order of first appearance, token_id) order, index 0..n-1."""
    art = pd.factorize(tokens["article_id"])[0]
    order = np.lexsort((tokens["token_id"].to_numpy(np.int64), art))
    return tokens.iloc[order].reset_index(drop=True)


def _join(words: list[str]) -> str:
    s = " ".join(words)
    return _NO_SPACE_AFTER.sub("", _NO_SPACE_BEFORE.sub("", s))


# ---------------------------------------------------------------------------
# KWIC
# ---------------------------------------------------------------------------


def _bounds(t: pd.DataFrame, sentence_bounded: bool) -> tuple[np.ndarray, np.ndarray]:
    """First and last row of each row's context unit (its sentence, or its article)."""
    keys = ["article_id", "sentence_id"] if sentence_bounded else ["article_id"]
    unit = t.groupby(keys, sort=False).ngroup().to_numpy()
    rows = np.arange(len(t))
    lo = pd.Series(rows).groupby(unit).transform("min").to_numpy()
    hi = pd.Series(rows).groupby(unit).transform("max").to_numpy()
    return lo, hi


def kwic(
    tokens: pd.DataFrame,
    pattern: str,
    *,
    window: int = 5,
    sentence_bounded: bool = True,
    form: str = "norm",
    clitics: bool = True,
    regex: bool = False,
    sort: Literal["position", "right", "left"] = "position",
) -> pd.DataFrame:
    """Keyword in context whose contexts can stop at the hit's sentence.

    ``window``: tokens (punctuation included) on each side; ``sentence_bounded=True``
    (default) keeps them inside the hit's sentence, ``False`` inside its article (as
    :func:`arnews.freq.kwic`). ``pattern``, ``form``, ``clitics``, ``regex`` and ``sort``
    are those of :func:`arnews.freq.kwic`. Columns: ``article_id, sentence_id, token_id,
    start, end, left, keyword, right, match``.

    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["زار بوتين بكين. ثم تحدثت الصين عن السلام."]})
    >>> toks = tokens_table(sentences_table(arts))
    >>> kwic(toks, "الصين", window=4)[["left", "keyword", "right"]].values.tolist()
    [['ثم تحدثت', 'الصين', 'عن السلام.']]
    >>> kwic(toks, "الصين", window=4, sentence_bounded=False)["left"].tolist()
    ['بكين. ثم تحدثت']
    """
    from .freq import kwic as _freq_kwic

    _require(tokens, ["article_id", "sentence_id", "token_id", "surface", "norm"])
    if int(window) != window or window < 0:
        raise ValueError(f"window must be a non-negative integer, not {window!r}")
    hits = _freq_kwic(tokens, pattern, form=form, window=0, clitics=clitics, regex=regex, sort="position")
    if hits.empty:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    t = _sorted(tokens)
    row_of = pd.Series(np.arange(len(t)), index=pd.MultiIndex.from_arrays([t["article_id"], t["token_id"]]))
    first = row_of.reindex(pd.MultiIndex.from_arrays([hits["article_id"], hits["token_id"]])).to_numpy(np.int64)
    n_words = len(pattern.split())
    lo, hi = _bounds(t, sentence_bounded)
    surf = t["surface"].astype(str).to_numpy(dtype=object)
    norm = t["norm"].astype(str).to_numpy(dtype=object)
    w = int(window)
    left, right, lkeys, rkeys = [], [], [], []
    for i in first:
        j = i + n_words - 1
        li = range(max(i - w, lo[i]), i)
        ri = range(j + 1, min(j + w, hi[i]) + 1)
        left.append(_join([surf[k] for k in li]))
        right.append(_join([surf[k] for k in ri]))
        lkeys.append("\u0000".join(norm[k] for k in reversed(li)))
        rkeys.append("\u0000".join(norm[k] for k in ri))
    out = hits.assign(left=left, right=right)[KWIC_COLUMNS]
    if sort in ("right", "left"):
        key = rkeys if sort == "right" else lkeys
        out = out.assign(_k=key).sort_values(["_k", "article_id", "token_id"], kind="stable").drop(columns="_k")
    elif sort != "position":
        raise ValueError(f"sort must be 'position', 'right' or 'left', not {sort!r}")
    out = out.reset_index(drop=True)
    out.attrs.update(pattern=pattern, form=form, window=w, clitics=clitics, sentence_bounded=sentence_bounded)
    return out


# ---------------------------------------------------------------------------
# Collocations (multi-word expressions)
# ---------------------------------------------------------------------------


def _form(t: pd.DataFrame, form: str) -> pd.Series:
    if form not in ("norm", "lemma", "surface"):
        raise ValueError(f"form must be 'norm', 'lemma' or 'surface', not {form!r}")
    _require(t, [form])
    v = t[form]
    if v.isna().any():
        v = v.where(v.notna(), t["norm"])
    return v.astype(str)


def _ngram_starts(t: pd.DataFrame, size: int) -> np.ndarray:
    """Rows starting ``size`` adjacent word tokens of one sentence (consecutive token ids)."""
    n = len(t) - size + 1
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    word = t["is_word"].to_numpy(bool)
    art = pd.factorize(t["article_id"])[0]
    sent = t["sentence_id"].to_numpy(np.int64)
    tid = t["token_id"].to_numpy(np.int64)
    ok = word[:n].copy()
    for k in range(1, size):
        ok &= word[k : k + n] & (art[k : k + n] == art[:n]) & (sent[k : k + n] == sent[:n]) & (tid[k : k + n] == tid[:n] + k)
    return np.flatnonzero(ok)


def collocations(
    tokens: pd.DataFrame,
    *,
    size: int = 2,
    form: str = "norm",
    min_count: int = 2,
    measure: Literal["lambda", "z", "pmi"] = "lambda",
    stopwords: bool | Iterable[str] = True,
    sep: str = " ",
) -> pd.DataFrame:
    """Score multi-word expression candidates (quanteda's ``textstat_collocations``).

    ``size``: words per candidate (2 to 4); ``form``: ``"norm"``, ``"lemma"`` or
    ``"surface"``; ``min_count``: least occurrences; ``measure``: the column that sorts
    the table (descending); ``stopwords``: True (default list), False, or your own
    normalized words — candidates starting or ending with one are left out. Columns:
    ``collocation, count, count_nested`` (occurrences inside a longer candidate are not
    counted separately: always 0 here, kept for quanteda's layout), ``lambda, z``
    (size 2 only; NaN otherwise), ``pmi``. See the module docstring for the formulas.
    """
    from .stopwords import resolve_stopwords

    _require(tokens, ["article_id", "sentence_id", "token_id", "is_word", "norm"])
    if int(size) != size or not 2 <= size <= 4:
        raise ValueError(f"size must be 2, 3 or 4, not {size!r}")
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}, not {measure!r}")
    t = _sorted(tokens)
    codes, uniq = pd.factorize(_form(t, form))
    sw = resolve_stopwords(stopwords) if stopwords is not False else frozenset()
    stop = np.zeros(len(t), dtype=bool)
    if sw:
        stop = t["norm"].astype(str).isin(sw).to_numpy() | np.asarray(pd.Index(uniq).isin(sw))[codes]
    starts = _ngram_starts(t, size)
    grams = pd.DataFrame({f"w{k}": codes[starts + k] for k in range(size)})
    N = len(starts)
    counts = grams.value_counts(sort=False).rename("count").reset_index()
    unigram = np.bincount(codes[np.concatenate([starts + k for k in range(size)])], minlength=len(uniq)) if N else np.zeros(len(uniq))
    ok_start = ~stop[starts] & ~stop[starts + size - 1]
    cand = grams[ok_start].drop_duplicates()
    counts = counts.merge(cand, on=list(cand.columns))
    counts = counts[counts["count"] >= min_count]
    if counts.empty:
        return pd.DataFrame(columns=["collocation", "count", "count_nested", "lambda", "z", "pmi"])
    n11 = counts["count"].to_numpy(float)
    if size == 2:
        first = np.bincount(codes[starts], minlength=len(uniq)).astype(float)
        second = np.bincount(codes[starts + 1], minlength=len(uniq)).astype(float)
        c1, c2 = first[counts["w0"].to_numpy()], second[counts["w1"].to_numpy()]
        n12, n21 = c1 - n11, c2 - n11
        n22 = N - n11 - n12 - n21
        cells = np.vstack([n11, n12, n21, n22]) + 0.5
        lam = np.log(cells[0] * cells[3] / (cells[1] * cells[2]))
        z = lam / np.sqrt((1.0 / cells).sum(axis=0))
        pmi = np.log2(n11 * N / (c1 * c2))
    else:
        lam = z = np.full(len(counts), np.nan)
        uni_total = float(unigram.sum()) / size  # = N: each position's unigram counts sum to N
        prod = np.ones(len(counts))
        for k in range(size):
            prod *= unigram[counts[f"w{k}"].to_numpy()] / size
        pmi = np.log2(n11 * uni_total ** (size - 1) / prod)
    label = pd.Series(np.asarray(uniq, dtype=object)[counts["w0"].to_numpy()])
    for k in range(1, size):
        label = label + sep + pd.Series(np.asarray(uniq, dtype=object)[counts[f"w{k}"].to_numpy()])
    out = pd.DataFrame({"collocation": label.to_numpy(), "count": counts["count"].to_numpy(np.int64),
                        "count_nested": 0, "lambda": lam, "z": z, "pmi": pmi})
    out = out.sort_values([measure, "count", "collocation"], ascending=[False, False, True], kind="stable")
    out = out.reset_index(drop=True)
    out.attrs.update(size=size, form=form, min_count=min_count, measure=measure, n_candidates=N)
    return out


def tokens_compound(
    tokens: pd.DataFrame,
    expressions: Iterable[str] | pd.DataFrame,
    *,
    form: str = "norm",
    sep: str = " ",
) -> pd.DataFrame:
    """The tokens table with each occurrence of an expression merged into one token row
    (quanteda's ``tokens_compound``).

    ``expressions``: strings of words separated by spaces, in ``form`` (normalize them as
    the tokens are: :func:`arnews.text.normalize`), or the table from
    :func:`collocations` (its ``collocation`` column). Matching is on adjacent word tokens
    of one sentence, longest expressions first, left to right, without overlaps. A merged
    row keeps the first token's ``article_id, sentence_id, token_id, start``, the last
    token's ``end``, and joins ``surface``, ``norm`` and ``lemma`` with ``sep``; column
    ``n_parts`` gives the number of tokens merged (1 for ordinary tokens). Other columns
    take the first token's value. Token ids are then no longer consecutive.
    """
    _require(tokens, ["article_id", "sentence_id", "token_id", "is_word", "norm"])
    if isinstance(expressions, pd.DataFrame):
        _require(expressions, ["collocation"], "collocations")
        expressions = expressions["collocation"].tolist()
    exprs = {tuple(e.split()) for e in expressions if e and e.split()}
    t = _sorted(tokens)
    vals = _form(t, form).to_numpy(dtype=object)
    merged_into = np.full(len(t), -1, dtype=np.int64)  # row -> first row of its expression
    taken = np.zeros(len(t), dtype=bool)
    for size in sorted({len(e) for e in exprs if len(e) >= 2}, reverse=True):
        wanted = {e for e in exprs if len(e) == size}
        starts = _ngram_starts(t, size)
        keys = pd.Series(vals[starts])
        for k in range(1, size):
            keys = keys + "\u0000" + pd.Series(vals[starts + k])
        hit = keys.isin({"\u0000".join(e) for e in wanted}).to_numpy()
        for s in starts[hit]:
            if taken[s : s + size].any():
                continue
            taken[s : s + size] = True
            merged_into[s : s + size] = s
    out = t.copy()
    out["n_parts"] = 1
    if not taken.any():
        return out
    grp = np.where(merged_into >= 0, merged_into, np.arange(len(t)))
    heads = np.flatnonzero(taken & (merged_into == np.arange(len(t))))
    parts = pd.Series(grp[taken]).value_counts()
    joined = {}
    for col in ("surface", "norm", "lemma"):
        if col in out.columns:
            v = out[col].astype(object).where(out[col].notna(), out["norm"]) if col == "lemma" else out[col]
            joined[col] = v[taken].astype(str).groupby(grp[taken], sort=True).agg(sep.join)
    last_end = out["end"][taken].groupby(grp[taken], sort=True).max() if "end" in out.columns else None
    keep = ~taken | (merged_into == np.arange(len(t)))
    for col, s in joined.items():
        out.loc[heads, col] = s.loc[heads].to_numpy()
    if last_end is not None:
        out.loc[heads, "end"] = last_end.loc[heads].to_numpy()
    out.loc[heads, "n_parts"] = parts.loc[heads].to_numpy()
    out = out[keep].reset_index(drop=True)
    out.attrs.update(compounds=len(heads))
    return out
