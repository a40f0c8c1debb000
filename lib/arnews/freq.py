"""Word frequencies, keyness, trends, dispersion and concordances (KWIC).

What a researcher does first with a corpus: which words and names, how often, where, and
what is distinctive (quanteda's ``textstat_frequency``, ``textstat_keyness``, ``kwic`` and
``textplot_xray``; Voyant's Terms, Trends and Contexts; AntConc's Word, Keyword and Plot).
Every function takes the pipeline's tidy ``tokens`` table (and ``articles``/``mentions``
where needed) and returns a tidy DataFrame; plots are in :mod:`arnews.plots.freq`.

Terms and counts
----------------
``form`` is the token column counted: ``"surface"`` (as written), ``"norm"`` (normalized:
alef variants, ى, no diacritics; clitics stay attached, so ``والصين`` ≠ ``الصين``) or
``"lemma"`` (from :mod:`arnews.morph`; ``والصين`` → ``صين``). Only word tokens
(``is_word``) are counted. An **n-gram** (``ngram=2, 3``) is a run of word tokens inside one
sentence with no punctuation token between them.

The **size** of a group (article, outlet, period, corpus) is its number of word tokens (or
of n-grams) *including* stopwords; ``per_10k = count / size * 10,000``. Stopwords
(``stopwords=True``: :func:`arnews.stopwords.default_stopwords`, compared with the token's
``norm`` and, for ``form="lemma"``, also its lemma) are only *left out of the results*, so
a term's count, ``per_10k`` and keyness do not depend on whether stopwords are shown. An
n-gram is left out when its first or last word is a stopword (``حلف شمال الاطلسي`` stays,
``في العاصمة`` goes). ``docfreq`` is the number of articles of the group containing the term.

Keyness
-------
Target vs reference (:func:`keyness`, :func:`keyness_table`): for each term the 2×2 table
``count, size - count / ref_count, ref_size - ref_count`` gives the log-likelihood
``G² = 2 Σ O ln(O/E)`` over the four cells (Dunning 1993; no continuity correction) and
its p-value (χ², 1 df). ``g2`` is **signed** as in quanteda's ``textstat_keyness``:
negative when the term is relatively more frequent in the reference. The effect size is
Hardie's (2014) log ratio ``log2((count/size) / (ref_count/ref_size))``, a zero count
replaced by 0.5. :func:`keyness_general` uses general Arabic as the reference: wordfreq's
Arabic list gives per-word probabilities ``p`` (summed over spellings with the same
normalized form), turned into counts ``p × reference_size`` of a reference corpus of a
stated size (default 10⁸ words, so that every listed word, down to p = 10⁻⁸, counts once).

Example
-------
>>> import pandas as pd
>>> from arnews.text import sentences_table, tokens_table
>>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["زار بوتين الصين. وقال إن الصين شريك."]})
>>> toks = tokens_table(sentences_table(arts))
>>> frequency_table(toks, stopwords=False).head(2)[["term", "count", "docfreq"]].values.tolist()
[['الصين', 2, 1], ['ان', 1, 1]]
>>> kwic(toks, "الصين", window=1)[["left", "keyword", "right"]].values.tolist()
[['بوتين', 'الصين', '.'], ['إن', 'الصين', 'شريك']]
"""
from __future__ import annotations

from typing import Iterable, Literal, Sequence

import numpy as np
import pandas as pd
import regex as re

from .cooc import actor_labels, actor_occurrences, association
from .cooc import articles_periods as _articles_periods
from .cooc import require_columns as _require
from .stopwords import resolve_stopwords
from .text import normalize
from .wordforms import ARTICLE, PROCLITICS, attached_forms

__all__ = [
    "FORMS",
    "frequency_table",
    "vocabulary",
    "keyness_table",
    "keyness",
    "keyness_groups",
    "general_frequencies",
    "keyness_general",
    "keyness_general_counts",
    "term_trends",
    "actor_trends",
    "dispersion",
    "kwic",
    "top_actors",
    "group_labels",
    "mention_forms",
    "next_words",
]

FORMS = ("surface", "norm", "lemma")
PERIOD_NAMES = {"year": "Y", "quarter": "Q", "month": "M", "Y": "Y", "Q": "Q", "M": "M"}
_ARABIC_RE = re.compile(r"\p{Arabic}")


# ---------------------------------------------------------------------------
# Units: word tokens or n-grams as integer codes
# ---------------------------------------------------------------------------


def _check_form(tokens: pd.DataFrame, form: str) -> None:
    if form not in FORMS:
        raise ValueError(f"form must be one of {FORMS}, not {form!r}")
    if form not in tokens.columns:
        hint = " (run the 'lemmas' stage, arnews.morph)" if form == "lemma" else ""
        raise ValueError(f"tokens table has no {form!r} column{hint}; it has {list(tokens.columns)}")


def _sorted(tokens: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """Tokens in (article, token_id) order (articles in order of first appearance) and
    the article code of each sorted row."""
    aid = pd.factorize(tokens["article_id"])[0]
    tid = tokens["token_id"].to_numpy(dtype=np.int64)
    da, dt = np.diff(aid), np.diff(tid)
    if np.all(da >= 0) and np.all((dt > 0) | (da > 0)):
        return tokens, aid
    order = np.lexsort((tid, aid))
    return tokens.iloc[order], aid[order]


def _form_values(tokens: pd.DataFrame, form: str) -> pd.Series:
    """The form column as strings; a missing lemma falls back to the token's norm."""
    v = tokens[form]
    if v.isna().any():
        fallback = tokens["norm"] if "norm" in tokens.columns else tokens["surface"]
        v = v.where(v.notna(), fallback)
    return v.astype(str)


class _Units:
    """Word tokens (ngram=1) or n-grams of a sorted tokens table, as integer codes.

    ``term``: code of each unit; ``labels``: string of each code; ``art``: article code of
    each unit; ``articles``: article ids; ``stop``: unit left out as a stopword; ``row``:
    row position (in the sorted tokens) of the unit's first token.
    """

    def __init__(self, tokens: pd.DataFrame, form: str, ngram: int, stopwords, sep: str = " "):
        _require(tokens, ["article_id", "sentence_id", "token_id", "is_word", "norm"], "tokens")
        _check_form(tokens, form)
        if int(ngram) != ngram or not 1 <= ngram <= 5:
            raise ValueError(f"ngram must be an integer from 1 to 5, not {ngram!r}")
        t, art = _sorted(tokens)
        self.tokens = t
        self.articles = pd.unique(t["article_id"])
        codes, uniq = pd.factorize(_form_values(t, form))
        sw = resolve_stopwords(stopwords)
        stop_tok = np.zeros(len(t), dtype=bool)
        if sw:
            ncodes, nuniq = (codes, uniq) if form == "norm" else pd.factorize(t["norm"].astype(str))
            stop_tok = np.asarray(nuniq.isin(sw))[ncodes] if len(t) else stop_tok
            if form == "lemma":
                stop_tok |= np.asarray(uniq.isin(sw))[codes] if len(t) else stop_tok
        word = t["is_word"].to_numpy(dtype=bool)
        n = len(t) - ngram + 1
        if n <= 0:
            start = np.zeros(0, dtype=np.int64)
        elif ngram == 1:
            start = np.flatnonzero(word)
        else:
            sent = t["sentence_id"].to_numpy(dtype=np.int64)
            tid = t["token_id"].to_numpy(dtype=np.int64)
            ok = word[:n].copy()
            for k in range(1, ngram):
                ok &= word[k : k + n]
                ok &= art[k : k + n] == art[:n]
                ok &= sent[k : k + n] == sent[:n]
                ok &= tid[k : k + n] == tid[:n] + k
            start = np.flatnonzero(ok)
        self.row = start
        self.art = art[start].astype(np.int64)
        if ngram == 1:
            self.term = codes[start].astype(np.int64)
            self.labels = np.asarray(uniq, dtype=object)
            self.stop = stop_tok[start]
        else:
            v = np.int64(len(uniq))
            key = codes[start].astype(np.int64)
            for k in range(1, ngram):
                key, _ = pd.factorize(key * v + codes[start + k])
                key = key.astype(np.int64)
            self.term = key
            nterm = int(key.max()) + 1 if len(key) else 0
            first = np.empty(nterm, dtype=np.int64)
            first[key[::-1]] = start[::-1]  # first occurrence of each n-gram
            parts = [pd.Series(np.asarray(uniq, dtype=object)[codes[first + k]]) for k in range(ngram)]
            lab = parts[0]
            for p in parts[1:]:
                lab = lab + sep + p
            self.labels = lab.to_numpy(dtype=object)
            self.stop = stop_tok[start] | stop_tok[start + ngram - 1]


def group_labels(by: str | None, articles: pd.DataFrame | None = None) -> tuple[str | None, pd.Series | None]:
    """Resolve a ``by=`` argument to ``(column name, article_id → group label)``.

    ``by`` is ``None`` (the whole corpus), ``"article"`` (→ ``article_id``), ``"year"``,
    ``"quarter"``, ``"month"`` (or ``"Y"``, ``"Q"``, ``"M"``; → ``period``, from the
    articles' dates, ``"undated"`` when missing) or any column of the ``articles`` table
    (``"outlet"``). Groups other than the article need the ``articles`` table.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "date": ["2022-03-01", None]})
    >>> group_labels("year", arts)[1].to_dict()
    {'a': '2022', 'b': 'undated'}
    """
    if by is None:
        return None, None
    if by in ("article", "article_id"):
        return "article_id", None
    if articles is None:
        raise ValueError(f"by={by!r} needs the articles table (articles=ann.articles)")
    if by in PERIOD_NAMES:
        return "period", _articles_periods(articles, PERIOD_NAMES[by])
    _require(articles, ["article_id", by], "articles")
    lab = articles[by].astype(object).where(articles[by].notna(), "unknown").astype(str)
    return by, pd.Series(lab.to_numpy(), index=articles["article_id"].to_numpy())


def _group_codes(u: _Units, by, articles) -> tuple[str | None, np.ndarray, np.ndarray]:
    """Group code of each unit and the group labels (one group when by is None)."""
    col, per_article = group_labels(by, articles)
    if col is None:
        return None, np.zeros(len(u.art), dtype=np.int64), np.array(["corpus"], dtype=object)
    if col == "article_id":
        return col, u.art, np.asarray(u.articles, dtype=object)
    lab = pd.Series(u.articles).map(per_article)
    if lab.isna().any():
        missing = pd.Series(u.articles)[lab.isna()].iloc[0]
        raise ValueError(f"article_id {missing!r} of the tokens table is not in the articles table")
    gcode_of_art, glabels = pd.factorize(lab, sort=True)
    return col, gcode_of_art[u.art].astype(np.int64), np.asarray(glabels, dtype=object)


def _counts(u: _Units, g: np.ndarray, keep: np.ndarray) -> pd.DataFrame:
    """count and docfreq of (group, term) over the kept units; sizes count all units."""
    v = np.int64(max(len(u.labels), 1))
    key = g[keep] * v + u.term[keep]
    vc = pd.Series(key).value_counts(sort=False)
    # document frequency: distinct (article, term), then counted per group
    na = np.int64(max(len(u.articles), 1))
    at = pd.unique(u.art[keep] * v + u.term[keep])
    a_u, t_u = at // v, at % v
    g_of_art = np.zeros(int(na), dtype=np.int64)
    g_of_art[u.art] = g  # an article belongs to one group
    df_vc = pd.Series(g_of_art[a_u] * v + t_u).value_counts(sort=False)
    keys = vc.index.to_numpy(dtype=np.int64)
    return pd.DataFrame(
        {
            "g": keys // v,
            "t": keys % v,
            "count": vc.to_numpy(dtype=np.int64),
            "docfreq": df_vc.reindex(keys).to_numpy(dtype=np.int64),
        }
    )


# ---------------------------------------------------------------------------
# Frequency tables
# ---------------------------------------------------------------------------


def frequency_table(
    tokens: pd.DataFrame,
    form: str = "norm",
    *,
    stopwords: bool | Iterable[str] | None = True,
    by: str | None = None,
    ngram: int = 1,
    min_count: int = 1,
    articles: pd.DataFrame | None = None,
    sep: str = " ",
) -> pd.DataFrame:
    """Term frequencies (``textstat_frequency``): count, per 10,000 words, document frequency.

    ``form``: ``"surface"``, ``"norm"`` or ``"lemma"``; ``stopwords``: True (default list),
    False, or your own words; ``by``: None (corpus), ``"article"``, ``"outlet"`` (any
    articles column), ``"year"``/``"quarter"``/``"month"`` (needs ``articles``);
    ``ngram``: 1, 2 or 3 (words joined by ``sep``). Columns: ``[group], term, count,
    per_10k, docfreq, rank`` (rank 1 = most frequent in its group, ties share the rank),
    sorted by group, count (descending), term. ``attrs["sizes"]`` holds each group's size
    (word tokens or n-grams, stopwords included), the denominator of ``per_10k``.

    Vectorized (factorized codes and hash counts), no per-token Python loop.

    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["روسيا والصين. روسيا في آسيا."]})
    >>> toks = tokens_table(sentences_table(arts))
    >>> frequency_table(toks)[["term", "count", "per_10k"]].values.tolist()[0]
    ['روسيا', 2, 4000.0]
    >>> frequency_table(toks, ngram=2, stopwords=False)["term"].tolist()
    ['روسيا في', 'روسيا والصين', 'في اسيا']
    """
    u = _Units(tokens, form, ngram, stopwords, sep)
    col, g, glabels = _group_codes(u, by, articles)
    sizes = np.bincount(g, minlength=len(glabels)).astype(np.int64)
    keep = ~u.stop
    c = _counts(u, g, keep)
    c = c[c["count"] >= min_count]
    out = pd.DataFrame(
        {
            "term": u.labels[c["t"].to_numpy()] if len(c) else np.array([], dtype=object),
            "count": c["count"].to_numpy(),
            "per_10k": c["count"].to_numpy() / np.maximum(sizes[c["g"].to_numpy()], 1) * 10_000,
            "docfreq": c["docfreq"].to_numpy(),
        }
    )
    if col is not None:
        out.insert(0, col, glabels[c["g"].to_numpy()] if len(c) else np.array([], dtype=object))
        out["_g"] = c["g"].to_numpy()
        out = out.sort_values(["_g", "count", "term"], ascending=[True, False, True], kind="stable").drop(columns="_g")
        out["rank"] = out.groupby(col, sort=False)["count"].rank(method="min", ascending=False).astype(np.int64)
    else:
        out = out.sort_values(["count", "term"], ascending=[False, True], kind="stable")
        out["rank"] = out["count"].rank(method="min", ascending=False).astype(np.int64)
    out = out.reset_index(drop=True)
    out.attrs.update(
        form=form, ngram=ngram, stopwords=bool(stopwords), by=col,
        sizes=dict(zip(glabels.tolist(), sizes.tolist())),
    )
    return out


def vocabulary(
    tokens: pd.DataFrame,
    form: str = "norm",
    *,
    by: str | None = "article",
    articles: pd.DataFrame | None = None,
    stopwords: bool | Iterable[str] | None = False,
) -> pd.DataFrame:
    """Vocabulary summary (Voyant's Summary): word tokens, types, type–token ratio and
    hapaxes (types seen once) per group (default: per article; ``by=None``: the corpus).

    TTR falls as texts get longer, so compare it only between texts of similar length.

    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["روسيا والصين. روسيا في آسيا."]})
    >>> vocabulary(tokens_table(sentences_table(arts))).values.tolist()
    [['a', 5, 4, 0.8, 3]]
    """
    u = _Units(tokens, form, 1, stopwords)
    col, g, glabels = _group_codes(u, by, articles)
    keep = ~u.stop
    c = _counts(u, g, keep)
    ntok = np.bincount(g[keep], minlength=len(glabels))
    types = np.bincount(c["g"], minlength=len(glabels))
    hapax = np.bincount(c["g"][c["count"] == 1], minlength=len(glabels))
    out = pd.DataFrame(
        {
            col or "group": glabels,
            "tokens": ntok.astype(np.int64),
            "types": types.astype(np.int64),
            "ttr": np.where(ntok > 0, types / np.maximum(ntok, 1), np.nan),
            "hapax": hapax.astype(np.int64),
        }
    )
    return out


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
    u = _Units(tokens, form, ngram, stopwords)
    col, g, glabels = _group_codes(u, by, articles)
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
    u = _Units(tokens, form, ngram, stopwords)
    col, g, glabels = _group_codes(u, by, articles)
    if col is None:
        raise ValueError("keyness_groups needs groups: by='article', 'year', 'outlet' …")
    sizes = np.bincount(g, minlength=len(glabels)).astype(np.int64)
    c = _counts(u, g, ~u.stop)
    if totals is None:
        total = int(sizes.sum())
        term_total = np.bincount(c["t"].to_numpy(), weights=c["count"].to_numpy(), minlength=len(u.labels))
    else:
        if total is None:
            raise ValueError("keyness_groups: pass total (the corpus size) with totals")
        term_total = pd.Series(totals, dtype=float).reindex(u.labels, fill_value=0.0).to_numpy()
    c = c[c["count"] >= min_count]
    a = c["count"].to_numpy(dtype=float)
    size = sizes[c["g"].to_numpy()].astype(float)
    b = term_total[c["t"].to_numpy()] - a
    ref_size = total - size
    ok = ref_size > 0
    c, a, b, size, ref_size = c[ok], a[ok], b[ok], size[ok], ref_size[ok]
    m = association(a, size, a + b, np.full(len(a), float(total)))
    with np.errstate(divide="ignore", invalid="ignore"):
        lr = np.log2((np.where(a > 0, a, 0.5) / size) / (np.where(b > 0, b, 0.5) / ref_size))
    exp = m["expected"].to_numpy()
    g2 = np.where(a >= exp, m["g2"].to_numpy(), -m["g2"].to_numpy())
    out = pd.DataFrame(
        {
            col: glabels[c["g"].to_numpy()] if len(c) else np.array([], dtype=object),
            "term": u.labels[c["t"].to_numpy()] if len(c) else np.array([], dtype=object),
            "count": a.astype(np.int64),
            "ref_count": b.astype(np.int64),
            "size": size.astype(np.int64),
            "ref_size": ref_size.astype(np.int64),
            "expected": exp,
            "g2": g2,
            "p_value": m["p_value"].to_numpy(),
            "log_ratio": lr,
            "_g": c["g"].to_numpy(),
        }
    )
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
    u = _Units(tokens, "norm", 1, stopwords)
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
    cand = [w for w in cand if _ARABIC_RE.search(w)]
    tc = tc.reindex(cand, fill_value=0)
    rc = p.reindex(cand, fill_value=0.0) * float(reference_size)
    out = keyness_table(tc, rc, size, float(reference_size), min_count=0)
    out = out[(out["count"] > 0) | (out["ref_count"] > 0)].reset_index(drop=True)
    out["count"] = out["count"].astype(np.int64)
    out.attrs.update(reference="wordfreq ar" if reference is None else "custom", reference_size=reference_size)
    return out


# ---------------------------------------------------------------------------
# Finding terms: proclitic-aware, phrases, lemmas
# ---------------------------------------------------------------------------


def _pattern_sets(pattern: str, form: str, clitics: bool, regex: bool, uniq: pd.Index) -> list[np.ndarray]:
    """For each word of the pattern, a boolean over the form's unique values: does it match?"""
    words = pattern.split()
    if not words:
        raise ValueError("empty search pattern")
    out = []
    for k, w in enumerate(words):
        if regex:
            rx = re.compile(w)
            out.append(np.array([rx.fullmatch(x) is not None for x in uniq], dtype=bool))
            continue
        wn = w if form == "surface" else normalize(w)
        if k == 0 and clitics and form in ("norm", "surface"):
            allowed = attached_forms(normalize(w)) if form == "norm" else {wn} | {p + wn for p in PROCLITICS}
            if form == "surface" and wn.startswith(ARTICLE):
                allowed |= {p + wn[1:] for p in ("ل", "ول", "فل")}
        else:
            allowed = {wn}
        out.append(np.asarray(uniq.isin(allowed), dtype=bool))
    return out


def find_term(tokens: pd.DataFrame, pattern: str, form: str, clitics: bool, regex: bool) -> tuple[pd.DataFrame, np.ndarray, int]:
    """Sorted tokens, the row positions where ``pattern`` starts, and its length in tokens.

    A phrase matches consecutive word tokens of one sentence."""
    _require(tokens, ["article_id", "sentence_id", "token_id", "is_word"], "tokens")
    _check_form(tokens, form)
    t, art = _sorted(tokens)
    codes, uniq = pd.factorize(_form_values(t, form))
    sets = _pattern_sets(pattern, form, clitics, regex, pd.Index(uniq))
    n = len(sets)
    m = len(t) - n + 1
    if m <= 0:
        return t, np.zeros(0, dtype=np.int64), n
    word = t["is_word"].to_numpy(dtype=bool)
    sent = t["sentence_id"].to_numpy(dtype=np.int64)
    ok = word[:m] & sets[0][codes[:m]]
    for k in range(1, n):
        ok &= word[k : k + m] & sets[k][codes[k : k + m]]
        ok &= (art[k : k + m] == art[:m]) & (sent[k : k + m] == sent[:m])
    return t, np.flatnonzero(ok), n


def _word_rank(t: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Rank of each token among the word tokens of its article (0-based) and the article's
    number of word tokens (both aligned to the sorted table)."""
    word = t["is_word"].to_numpy(dtype=bool)
    art = pd.factorize(t["article_id"])[0]
    cw = np.cumsum(word) - word  # words before this token in the corpus
    first = np.r_[0, np.flatnonzero(np.diff(art)) + 1] if len(art) else np.zeros(0, dtype=np.int64)
    base = np.repeat(cw[first], np.diff(np.r_[first, len(art)])) if len(art) else cw
    nwords = np.bincount(art, weights=word, minlength=art.max() + 1 if len(art) else 0).astype(np.int64)
    return cw - base, nwords[art] if len(art) else nwords


# ---------------------------------------------------------------------------
# Trends
# ---------------------------------------------------------------------------


def _period_sizes(tokens: pd.DataFrame, articles: pd.DataFrame, period: str) -> pd.Series:
    per = _articles_periods(articles, PERIOD_NAMES.get(period, period))
    word = tokens["is_word"].to_numpy(dtype=bool) if "is_word" in tokens.columns else np.ones(len(tokens), bool)
    p = tokens["article_id"].map(per)
    return pd.Series(word.astype(np.int64)).groupby(p.to_numpy()).sum()


def trend_frame(hits: pd.DataFrame, item_col: str, items: list, sizes: pd.Series) -> pd.DataFrame:
    sizes = sizes[sizes.index != "undated"]
    sizes = sizes[sizes > 0].sort_index()
    idx = pd.MultiIndex.from_product([sizes.index, items], names=["period", item_col])
    cnt = hits.groupby(["period", item_col]).size().reindex(idx, fill_value=0)
    out = cnt.rename("count").reset_index()
    out["size"] = out["period"].map(sizes).to_numpy(dtype=np.int64)
    out["per_10k"] = out["count"] / out["size"] * 10_000
    out["date"] = pd.PeriodIndex(out["period"].astype(str), freq=_freq_of(out["period"])).to_timestamp() if len(out) else pd.NaT
    return out


def _freq_of(periods: pd.Series) -> str:
    s = str(periods.iloc[0])
    if "Q" in s:
        return "Q"
    return "M" if "-" in s else "Y"


def term_trends(
    tokens: pd.DataFrame,
    terms: Sequence[str],
    articles: pd.DataFrame,
    *,
    period: str = "month",
    form: str = "norm",
    clitics: bool = True,
) -> pd.DataFrame:
    """Relative frequency of chosen terms over time (Voyant's Trends).

    Each term is found as in :func:`kwic` (normalized, with attached proclitics unless
    ``clitics=False``; a phrase matches consecutive words). ``period``: ``"year"``,
    ``"quarter"``, ``"month"``. Columns: ``period, term, count, size, per_10k, date``
    for every dated period that has articles (zero counts included); ``size`` is the
    period's word tokens. Undated articles are left out.

    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "date": ["2022-01-05", "2023-02-01"],
    ...                      "clean_text": ["والصين وروسيا.", "روسيا الآن."]})
    >>> tr = term_trends(tokens_table(sentences_table(arts)), ["الصين"], arts, period="year")
    >>> tr[["period", "count", "size"]].values.tolist()
    [['2022', 1, 2], ['2023', 0, 2]]
    """
    if isinstance(terms, str):
        terms = [terms]
    per = _articles_periods(articles, PERIOD_NAMES.get(period, period))
    rows = []
    for term in terms:
        t, pos, _ = find_term(tokens, term, form, clitics, False)
        aids = t["article_id"].to_numpy()[pos]
        rows.append(pd.DataFrame({"period": pd.Series(aids).map(per).to_numpy(), "term": term}))
    hits = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["period", "term"])
    return trend_frame(hits, "term", list(terms), _period_sizes(tokens, articles, period))


def actor_trends(
    mentions: pd.DataFrame,
    articles: pd.DataFrame,
    tokens: pd.DataFrame | None = None,
    *,
    actors: Sequence[str] | None = None,
    level: str = "actor",
    period: str = "month",
    top: int = 5,
) -> pd.DataFrame:
    """Mentions of actors per 10,000 words over time.

    ``actors``: actor ids (or country codes with ``level="country"``); default the
    ``top`` most mentioned. ``size`` is the period's word tokens, from ``tokens`` or else
    the articles' ``n_tokens``. Columns: ``period, actor_id, count, size, per_10k, date``.

    >>> actor_trends(ann.mentions, ann.articles, ann.tokens, period="year")   # doctest: +SKIP
    """
    occ = actor_occurrences(mentions, level)
    if actors is None:
        actors = occ["feature"].value_counts().head(top).index.tolist()
    elif isinstance(actors, str):
        actors = [actors]
    per = _articles_periods(articles, PERIOD_NAMES.get(period, period))
    occ = occ[occ["feature"].isin(actors)]
    hits = pd.DataFrame({"period": occ["article_id"].map(per).to_numpy(), "actor_id": occ["feature"].to_numpy()})
    if tokens is not None:
        sizes = _period_sizes(tokens, articles, period)
    else:
        _require(articles, ["article_id", "n_tokens"], "articles")
        sizes = articles["n_tokens"].groupby(articles["article_id"].map(per).to_numpy()).sum()
    return trend_frame(hits, "actor_id", list(actors), sizes)


# ---------------------------------------------------------------------------
# Dispersion and KWIC
# ---------------------------------------------------------------------------


def dispersion(
    tokens: pd.DataFrame,
    terms: Sequence[str],
    *,
    form: str = "norm",
    clitics: bool = True,
) -> pd.DataFrame:
    """Where in each article the terms occur (``textplot_xray``, AntConc's Plot).

    One row per occurrence: ``article_id, term, token_id, word_index, n_words,
    position`` with ``position = word_index / n_words`` (0 = first word, near 1 = last).
    ``attrs["articles"]`` maps every article (also those without a hit) to its number of
    word tokens, so a plot can show empty rows.

    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["قال إن الصين، والصين."]})
    >>> d = dispersion(tokens_table(sentences_table(arts)), ["الصين"])
    >>> d["word_index"].tolist(), d["position"].tolist()
    ([2, 3], [0.5, 0.75])
    """
    if isinstance(terms, str):
        terms = [terms]
    frames = []
    t, _ = _sorted(tokens)
    rank, nwords = _word_rank(t)
    for term in terms:
        _, pos, _ = find_term(t, term, form, clitics, False)
        frames.append(
            pd.DataFrame(
                {
                    "article_id": t["article_id"].to_numpy()[pos],
                    "term": term,
                    "token_id": t["token_id"].to_numpy(dtype=np.int64)[pos],
                    "word_index": rank[pos],
                    "n_words": nwords[pos],
                }
            )
        )
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["article_id", "term", "token_id", "word_index", "n_words"])
    out["position"] = out["word_index"] / out["n_words"].where(out["n_words"] > 0, 1)
    word = t["is_word"].to_numpy(dtype=bool)
    out.attrs["articles"] = pd.Series(word.astype(np.int64)).groupby(t["article_id"].to_numpy(), sort=False).sum().to_dict()
    return out


_NO_SPACE_BEFORE = re.compile(r" (?=[.,،؛:;!؟?)\]”»])")
_NO_SPACE_AFTER = re.compile(r"(?<=[(\[“«]) ")


def _join(words: list[str]) -> str:
    s = " ".join(words)
    return _NO_SPACE_AFTER.sub("", _NO_SPACE_BEFORE.sub("", s))


def kwic(
    tokens: pd.DataFrame,
    pattern: str,
    *,
    form: str = "norm",
    window: int = 5,
    clitics: bool = True,
    regex: bool = False,
    sort: Literal["position", "right", "left"] = "position",
    keep_sort_key: bool = False,
) -> pd.DataFrame:
    """Keyword in context (quanteda's ``kwic``, AntConc's Concordance, Voyant's Contexts).

    ``pattern`` is a word or phrase, matched on ``form``: ``"norm"`` (default: the pattern
    is normalized, and with ``clitics=True`` its forms with attached و ف ب ل ك are found
    too, so ``الصين`` finds ``والصين``, ``بالصين``, ``للصين``), ``"lemma"`` (``الصين`` →
    lemma ``صين``: pass the lemma) or ``"surface"``. ``regex=True``: each word of the
    pattern is a regular expression matched against whole tokens. ``window`` counts
    tokens (punctuation included) on each side, within the article. ``sort``:
    ``"position"`` (article, then order), ``"right"`` (by the words after the keyword,
    R1, R2 …) or ``"left"`` (L1, L2 … leftwards), on normalized forms.

    Columns: ``article_id, sentence_id, token_id, start, end, left, keyword, right,
    match`` (``start``/``end``: character offsets of the keyword in ``clean_text``;
    ``match``: its normalized form); with ``keep_sort_key``, also ``sort_key`` (used to
    merge concordances of several batches in the same order).

    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["بين روسيا والصين، وللصين."]})
    >>> kwic(tokens_table(sentences_table(arts)), "الصين", window=2)["keyword"].tolist()
    ['والصين', 'وللصين']
    """
    t, pos, n = find_term(tokens, pattern, form, clitics, regex)
    cols = ["article_id", "sentence_id", "token_id", "start", "end", "left", "keyword", "right", "match"]
    if not len(pos):
        return pd.DataFrame(columns=cols)
    art = pd.factorize(t["article_id"])[0]
    surf = t["surface"].astype(str).to_numpy(dtype=object)
    norm = t["norm"].astype(str).to_numpy(dtype=object)
    aids = t["article_id"].to_numpy()
    rows, keys = [], []
    w = int(window)
    N = len(t)
    for i in pos:
        j = i + n - 1
        left_idx = [k for k in range(i - 1, max(i - w, 0) - 1, -1) if art[k] == art[i]]
        right_idx = [k for k in range(j + 1, min(j + w, N - 1) + 1) if art[k] == art[i]]
        rows.append(
            (
                aids[i],
                int(t["sentence_id"].iat[i]),
                int(t["token_id"].iat[i]),
                int(t["start"].iat[i]) if "start" in t.columns else -1,
                int(t["end"].iat[j]) if "end" in t.columns else -1,
                _join([surf[k] for k in reversed(left_idx)]),
                _join([surf[k] for k in range(i, j + 1)]),
                _join([surf[k] for k in right_idx]),
                " ".join(norm[k] for k in range(i, j + 1)),
            )
        )
        keys.append(([norm[k] for k in right_idx], [norm[k] for k in left_idx]))
    out = pd.DataFrame(rows, columns=cols)
    if sort in ("right", "left"):
        side = 0 if sort == "right" else 1
        skey = ["\u0000".join(k[side]) for k in keys]
        out = out.assign(_k=skey).sort_values(["_k", "article_id", "token_id"], kind="stable")
        out = out.rename(columns={"_k": "sort_key"}) if keep_sort_key else out.drop(columns="_k")
    elif sort != "position":
        raise ValueError(f"sort must be 'position', 'right' or 'left', not {sort!r}")
    out = out.reset_index(drop=True)
    out.attrs.update(pattern=pattern, form=form, window=w, clitics=clitics)
    return out


# ---------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------


def top_actors(
    mentions: pd.DataFrame,
    *,
    level: str = "actor",
    types: Iterable[str] | None = None,
    top: int | None = None,
    articles: pd.DataFrame | None = None,
    gazetteer: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The most mentioned actors (``level="actor"``/``"person"``) or countries (``"country"``).

    Columns: ``actor_id, label_ar, label_en, type, country, count, docfreq, share`` —
    ``count``: mentions; ``docfreq``: articles naming the actor; ``share``: share of the
    corpus's articles (``articles`` given) or of articles with mentions. ``types``
    restricts to gazetteer types (``["person"]``, ``["country", "bloc"]``).

    >>> top_actors(ann.mentions, top=10)                 # doctest: +SKIP
    """
    occ = actor_occurrences(mentions, level, types=types)
    n_docs = int(articles["article_id"].nunique()) if articles is not None else int(mentions["article_id"].nunique())
    cnt = occ.groupby("feature").agg(count=("article_id", "size"), docfreq=("article_id", "nunique"))
    cnt = cnt.reset_index().rename(columns={"feature": "actor_id"})
    try:
        from .cooc import load_gazetteer

        g = load_gazetteer() if gazetteer is None else gazetteer
    except FileNotFoundError:
        g = None
    lv = "country" if level == "country" else "actor"
    if g is not None:
        ar, en = actor_labels(g, lv, "ar"), actor_labels(g, lv, "en")
        info = g.drop_duplicates("actor_id").set_index("actor_id")
    else:
        ar, en, info = {}, {}, pd.DataFrame(columns=["type", "country"])
    cnt["label_ar"] = [ar.get(a, a) for a in cnt["actor_id"]]
    cnt["label_en"] = [en.get(a, a) for a in cnt["actor_id"]]
    if level == "country":
        cnt["type"] = "country"
        cnt["country"] = cnt["actor_id"]
    else:
        typ = mentions.drop_duplicates("actor_id").set_index("actor_id")
        cnt["type"] = cnt["actor_id"].map(typ["actor_type"]) if "actor_type" in typ.columns else cnt["actor_id"].map(info["type"])
        cnt["country"] = cnt["actor_id"].map(typ["country"]) if "country" in typ.columns else cnt["actor_id"].map(info["country"])
    cnt["share"] = cnt["docfreq"] / max(n_docs, 1)
    cnt = cnt.sort_values(["count", "docfreq", "actor_id"], ascending=[False, False, True], kind="stable").reset_index(drop=True)
    if top is not None:
        cnt = cnt.head(top)
    return cnt[["actor_id", "label_ar", "label_en", "type", "country", "count", "docfreq", "share"]]


def mention_forms(tokens: pd.DataFrame, mentions: pd.DataFrame, form: str = "norm") -> set[str]:
    """The ``form`` of every token inside an actor mention (``token_start`` … ``token_end``):
    which frequent terms are (parts of) actor names.

    >>> toks = pd.DataFrame({"article_id": ["a"] * 3, "token_id": [0, 1, 2], "norm": ["قال", "شي", "جين"]})
    >>> m = pd.DataFrame({"article_id": ["a"], "token_start": [1], "token_end": [2]})
    >>> sorted(mention_forms(toks, m))
    ['جين', 'شي']
    """
    if mentions is None or not len(mentions):
        return set()
    lens = (mentions["token_end"] - mentions["token_start"] + 1).to_numpy(dtype=np.int64)
    aid = np.repeat(mentions["article_id"].to_numpy(), lens)
    tid = np.repeat(mentions["token_start"].to_numpy(dtype=np.int64), lens) + (np.arange(lens.sum()) - np.repeat(np.cumsum(lens) - lens, lens))
    spans = pd.DataFrame({"article_id": aid, "token_id": tid})
    return set(tokens.merge(spans, on=["article_id", "token_id"])[form].dropna().astype(str))


def next_words(kw: pd.DataFrame) -> pd.Series:
    """The first word (letters and digits only) right of each concordance line of :func:`kwic`,
    counted, most frequent first.

    >>> next_words(pd.DataFrame({"right": ["، شريك مهم", "شريك", "(2022) قال"]})).to_dict()
    {'شريك': 2, 'قال': 1}
    """
    def first_word(s: str):
        return next((w for w in str(s).split() if re.search(r"\p{L}", w)), None)

    words = kw["right"].map(first_word).dropna().map(lambda w: re.sub(r"[^\p{L}\p{N}]", "", w))
    return words.value_counts()
