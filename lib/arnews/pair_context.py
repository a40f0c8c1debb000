"""Evidence for a pair of actors: the sentences that hold both, and the words around them."""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from .association import association
from .cooccurrence import CONTEXTS, Context, with_paragraphs
from .occurrences import (
    articles_periods,
    paragraph_ids,
    require_columns,
    term_occurrences,
)

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
        occ, _ = with_paragraphs(occ, sentences, articles)
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
    require_columns(sentences, ["article_id", "sentence_id", "text"], "sentences")
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
            occ2, _ = with_paragraphs(occ[occ["feature"].isin([a, b])], sentences, articles)
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


