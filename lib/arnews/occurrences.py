"""Occurrence tables: one row per occurrence of an actor, country or term (``article_id, sentence_id, start, end, feature``), and the inputs they need (gazetteer, paragraphs, periods)."""
from __future__ import annotations

import os
from typing import Iterable, Literal

import numpy as np
import pandas as pd
import regex as re

OCC_COLUMNS = ["article_id", "sentence_id", "start", "end", "feature"]


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
    require_columns(sentences, ["article_id", "start"], "sentences")
    require_columns(articles, ["article_id", text_column], "articles")
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
    require_columns(mentions, ["article_id", "sentence_id", "actor_id", "actor_type", "country", "token_start", "token_end"], "mentions")
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
    require_columns(tokens, ["article_id", "sentence_id", "token_id", field], "tokens")
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



def articles_periods(articles: pd.DataFrame, period: str) -> pd.Series:
    """Each article's period (``"undated"`` when it has no date), indexed by article_id."""
    require_columns(articles, ["article_id", "date"], "articles")
    dates = pd.to_datetime(articles["date"], errors="coerce")
    per = dates.dt.to_period(period).astype(str).where(dates.notna(), "undated")
    return pd.Series(per.to_numpy(), index=articles["article_id"].to_numpy())



def tables_of(ann) -> dict[str, pd.DataFrame]:
    if isinstance(ann, dict):
        return ann
    if hasattr(ann, "tables"):
        return ann.tables
    raise TypeError("expected an Annotations object or a dict of tables")
