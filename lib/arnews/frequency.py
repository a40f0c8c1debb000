"""Word and n-gram frequencies and vocabularies, and the conventions the frequency family shares.

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
Target vs reference (:func:`arnews.keyness.keyness`, :func:`arnews.keyness.keyness_table`): for each term the 2×2 table
``count, size - count / ref_count, ref_size - ref_count`` gives the log-likelihood
``G² = 2 Σ O ln(O/E)`` over the four cells (Dunning 1993; no continuity correction) and
its p-value (χ², 1 df). ``g2`` is **signed** as in quanteda's ``textstat_keyness``:
negative when the term is relatively more frequent in the reference. The effect size is
Hardie's (2014) log ratio ``log2((count/size) / (ref_count/ref_size))``, a zero count
replaced by 0.5. :func:`arnews.keyness.keyness_general` uses general Arabic as the reference: wordfreq's
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
>>> from arnews.concordance import kwic
>>> kwic(toks, "الصين", window=1)[["left", "keyword", "right"]].values.tolist()
[['بوتين', 'الصين', '.'], ['إن', 'الصين', 'شريك']]
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd
import regex as re

from .occurrences import articles_periods, require_columns
from .stopwords import resolve_stopwords

FORMS = ("surface", "norm", "lemma")
PERIOD_NAMES = {"year": "Y", "quarter": "Q", "month": "M", "Y": "Y", "Q": "Q", "M": "M"}
ARABIC_RE = re.compile(r"\p{Arabic}")


# ---------------------------------------------------------------------------
# Units: word tokens or n-grams as integer codes
# ---------------------------------------------------------------------------


def check_form(tokens: pd.DataFrame, form: str) -> None:
    if form not in FORMS:
        raise ValueError(f"form must be one of {FORMS}, not {form!r}")
    if form not in tokens.columns:
        hint = " (run the 'lemmas' stage, arnews.morph)" if form == "lemma" else ""
        raise ValueError(f"tokens table has no {form!r} column{hint}; it has {list(tokens.columns)}")


def sorted_tokens(tokens: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """Tokens in (article, token_id) order (articles in order of first appearance) and
    the article code of each sorted row."""
    aid = pd.factorize(tokens["article_id"])[0]
    tid = tokens["token_id"].to_numpy(dtype=np.int64)
    da, dt = np.diff(aid), np.diff(tid)
    if np.all(da >= 0) and np.all((dt > 0) | (da > 0)):
        return tokens, aid
    order = np.lexsort((tid, aid))
    return tokens.iloc[order], aid[order]


def form_values(tokens: pd.DataFrame, form: str) -> pd.Series:
    """The form column as strings; a missing lemma falls back to the token's norm."""
    v = tokens[form]
    if v.isna().any():
        fallback = tokens["norm"] if "norm" in tokens.columns else tokens["surface"]
        v = v.where(v.notna(), fallback)
    return v.astype(str)


class Units:
    """Word tokens (ngram=1) or n-grams of a sorted tokens table, as integer codes.

    ``term``: code of each unit; ``labels``: string of each code; ``art``: article code of
    each unit; ``articles``: article ids; ``stop``: unit left out as a stopword; ``row``:
    row position (in the sorted tokens) of the unit's first token.
    """

    def __init__(self, tokens: pd.DataFrame, form: str, ngram: int, stopwords, sep: str = " "):
        require_columns(tokens, ["article_id", "sentence_id", "token_id", "is_word", "norm"], "tokens")
        check_form(tokens, form)
        if int(ngram) != ngram or not 1 <= ngram <= 5:
            raise ValueError(f"ngram must be an integer from 1 to 5, not {ngram!r}")
        t, art = sorted_tokens(tokens)
        self.tokens = t
        self.articles = pd.unique(t["article_id"])
        codes, uniq = pd.factorize(form_values(t, form))
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
        return "period", articles_periods(articles, PERIOD_NAMES[by])
    require_columns(articles, ["article_id", by], "articles")
    lab = articles[by].astype(object).where(articles[by].notna(), "unknown").astype(str)
    return by, pd.Series(lab.to_numpy(), index=articles["article_id"].to_numpy())


def group_codes(u: Units, by, articles) -> tuple[str | None, np.ndarray, np.ndarray]:
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


def unit_counts(u: Units, g: np.ndarray, keep: np.ndarray) -> pd.DataFrame:
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
    u = Units(tokens, form, ngram, stopwords, sep)
    col, g, glabels = group_codes(u, by, articles)
    sizes = np.bincount(g, minlength=len(glabels)).astype(np.int64)
    keep = ~u.stop
    c = unit_counts(u, g, keep)
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
    u = Units(tokens, form, 1, stopwords)
    col, g, glabels = group_codes(u, by, articles)
    keep = ~u.stop
    c = unit_counts(u, g, keep)
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


