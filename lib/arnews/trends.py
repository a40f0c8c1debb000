"""Trends of terms and actors over periods, and the most named actors."""
from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .concordance import find_term
from .frequency import PERIOD_NAMES
from .occurrences import (
    actor_labels,
    actor_occurrences,
    articles_periods,
    load_gazetteer,
    require_columns,
)

# ---------------------------------------------------------------------------
# Trends
# ---------------------------------------------------------------------------


def _period_sizes(tokens: pd.DataFrame, articles: pd.DataFrame, period: str) -> pd.Series:
    per = articles_periods(articles, PERIOD_NAMES.get(period, period))
    word = tokens["is_word"].to_numpy(dtype=bool) if "is_word" in tokens.columns else np.ones(len(tokens), bool)
    p = tokens["article_id"].map(per)
    return pd.Series(word.astype(np.int64)).groupby(p.to_numpy()).sum()


def trend_frame(hits: pd.DataFrame, item_col: str, items: list, sizes: pd.Series) -> pd.DataFrame:
    """One row per dated period and item; the words of undated articles, left out, are
    counted in ``attrs["undated_words"]`` so a plot can say so."""
    undated_words = int(sizes.get("undated", 0))
    sizes = sizes[sizes.index != "undated"]
    sizes = sizes[sizes > 0].sort_index()
    idx = pd.MultiIndex.from_product([sizes.index, items], names=["period", item_col])
    cnt = hits.groupby(["period", item_col]).size().reindex(idx, fill_value=0)
    out = cnt.rename("count").reset_index()
    out["size"] = out["period"].map(sizes).to_numpy(dtype=np.int64)
    out["per_10k"] = out["count"] / out["size"] * 10_000
    out["date"] = pd.PeriodIndex(out["period"].astype(str), freq=_freq_of(out["period"])).to_timestamp() if len(out) else pd.NaT
    out.attrs["undated_words"] = undated_words
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
    per = articles_periods(articles, PERIOD_NAMES.get(period, period))
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
    per = articles_periods(articles, PERIOD_NAMES.get(period, period))
    occ = occ[occ["feature"].isin(actors)]
    hits = pd.DataFrame({"period": occ["article_id"].map(per).to_numpy(), "actor_id": occ["feature"].to_numpy()})
    if tokens is not None:
        sizes = _period_sizes(tokens, articles, period)
    else:
        require_columns(articles, ["article_id", "n_tokens"], "articles")
        sizes = articles["n_tokens"].groupby(articles["article_id"].map(per).to_numpy()).sum()
    return trend_frame(hits, "actor_id", list(actors), sizes)


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


