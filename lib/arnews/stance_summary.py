"""Summaries of the stance tables for the stance notebook (tidy DataFrames, empty-safe).

The annotators (:mod:`arnews.stance`) produce ``sentence_stance`` (one row per sentence),
``stance`` (actor dyads) and ``stance_cues``; these functions turn them into the tables the
notebook shows, and return empty tables (never raise) on a corpus with no stance at all,
so a report of a sports corpus says "no stance pairs" instead of failing.

>>> ss = pd.DataFrame({"article_id": ["a", "a", "b"], "label": ["conflict", "neutral", "conflict"]})
>>> stance_shares(ss)["conflict"]
0.6666666666666666
>>> pair_edges(pd.DataFrame()).empty
True
"""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["stance_shares", "most_conflictual_article", "quote_stance_folder", "pair_edges", "pair_edges_from_dyads", "speaker_summary",
           "strongest_sentences", "article_label_counts", "quote_stance", "pair_rows"]

LABELS = ("cooperation", "neutral", "conflict")


def stance_shares(sentence_stance: pd.DataFrame) -> dict[str, float]:
    """Share of sentences per label (0 for a label that never occurs; all 0 when empty)."""
    if sentence_stance is None or not len(sentence_stance):
        return dict.fromkeys(LABELS, 0.0)
    share = sentence_stance["label"].value_counts(normalize=True)
    return {lab: float(share.get(lab, 0.0)) for lab in LABELS}


def most_conflictual_article(sentence_stance: pd.DataFrame) -> str | None:
    """The article with the largest share of conflict sentences (None when there is none)."""
    if sentence_stance is None or not len(sentence_stance) or not (sentence_stance["label"] == "conflict").any():
        return None
    return str(sentence_stance.assign(c=sentence_stance["label"].eq("conflict")).groupby("article_id")["c"].mean().idxmax())


def article_label_counts(sentence_stance: pd.DataFrame) -> pd.DataFrame:
    """Sentences per article and label (columns cooperation, neutral, conflict), most stance first."""
    if sentence_stance is None or not len(sentence_stance):
        return pd.DataFrame(columns=["article_id", *LABELS])
    ct = pd.crosstab(sentence_stance["article_id"], sentence_stance["label"]).reindex(columns=list(LABELS), fill_value=0)
    ct = ct.assign(_s=ct["cooperation"] + ct["conflict"]).sort_values(["_s", "conflict"], ascending=False, kind="stable")
    return ct.drop(columns="_s").reset_index()


def pair_edges(pair_stance: pd.DataFrame) -> pd.DataFrame:
    """Country pairs over the corpus: ``a, b, sentences`` (summed) and ``net`` (mean of the
    per-article net stance), most sentences first; from :func:`arnews.stance.pair_stance`."""
    cols = ["a", "b", "sentences", "net"]
    if pair_stance is None or not len(pair_stance):
        return pd.DataFrame(columns=cols)
    edges = pair_stance.groupby(["a", "b"]).agg(sentences=("n_sentences", "sum"), net=("net", "mean"))
    return edges.sort_values("sentences", ascending=False).reset_index()[cols]


def speaker_summary(quote_stance: pd.DataFrame) -> pd.DataFrame:
    """Quotes per speaker (actor id, else the speaker phrase): ``quotes, mean_stance,
    cooperation, conflict``, most quoted first."""
    cols = ["speaker", "quotes", "mean_stance", "cooperation", "conflict"]
    if quote_stance is None or not len(quote_stance):
        return pd.DataFrame(columns=cols)
    qs = quote_stance.assign(speaker=quote_stance["speaker_actor_id"].fillna(quote_stance["speaker_text"]),
                             coop=quote_stance["label"].eq("cooperation"), conf=quote_stance["label"].eq("conflict"))
    out = qs.groupby("speaker").agg(quotes=("score", "size"), mean_stance=("score", "mean"), cooperation=("coop", "sum"),
                                    conflict=("conf", "sum"))
    return out.sort_values("quotes", ascending=False, kind="stable").reset_index()[cols]


def strongest_sentences(sentence_stance: pd.DataFrame, label: str, top: int) -> pd.DataFrame:
    """The ``top`` sentences of a label with the largest absolute score (no cues or text yet:
    join those of these few sentences only)."""
    if sentence_stance is None or not len(sentence_stance):
        return pd.DataFrame(columns=["article_id", "sentence_id", "score"])
    s = sentence_stance[sentence_stance["label"] == label]
    s = s.reindex(s["score"].abs().sort_values(ascending=False, kind="stable").index)
    return s.head(top)[["article_id", "sentence_id", "score"]]


def pair_edges_from_dyads(country_dyads: pd.DataFrame) -> pd.DataFrame:
    """:func:`pair_edges` from :func:`arnews.stance.country_dyads` computed once (the
    per-article step of :func:`arnews.stance.pair_stance`, without its labels)."""
    if country_dyads is None or not len(country_dyads):
        return pair_edges(None)
    per_article = country_dyads.groupby(["article_id", "a", "b"], sort=False).agg(
        n_sentences=("sentence_id", "nunique"), net=("score", "mean")).reset_index()
    per_article["net"] = per_article["net"].round(4)
    return pair_edges(per_article)


def pair_rows(stance: pd.DataFrame, pair: tuple[str, str]) -> pd.DataFrame:
    """The dyads between the two countries of ``pair`` (either direction): what
    :func:`arnews.stance.pair_headline` needs, without the rest of the table."""
    a, b = pair
    sc, tc = stance["source_country"], stance["target_country"]
    return stance[((sc == a) & (tc == b)) | ((sc == b) & (tc == a))]


def quote_stance(cues: pd.DataFrame, quotes: pd.DataFrame, threshold: float | None = None, batch: int = 2_000) -> pd.DataFrame:
    """:func:`arnews.stance.quote_stance` (the stance of each quote from the cues inside its
    span) as a join of cues and quotes per article, ``batch`` articles at a time, instead of
    one filter of the article's cues per quote."""
    from . import stance
    from .stance.sentences import evidence_list

    threshold = stance.DEFAULT_THRESHOLD if threshold is None else threshold
    if quotes is None or not len(quotes):
        return stance.quote_stance(cues, quotes)
    q = quotes.reset_index(drop=True).copy()
    score = np.zeros(len(q))
    evid = np.full(len(q), "", dtype=object)
    if cues is not None and len(cues):
        c = cues[["article_id", "start", "end", "effective", "text", "category", "modifiers"]].reset_index(drop=True)
        c = c.assign(_row=np.arange(len(c)), _ev=evidence_list(c))
        qq = q[["article_id", "start", "end"]].assign(_q=np.arange(len(q)))
        ids = pd.unique(qq["article_id"])
        for i in range(0, len(ids), batch):
            part = qq[qq["article_id"].isin(ids[i:i + batch])]
            j = part.merge(c[c["article_id"].isin(ids[i:i + batch])], on="article_id", suffixes=("", "_c"))
            j = j[(j["start_c"] >= j["start"]) & (j["end_c"] <= j["end"])].sort_values(["_q", "_row"], kind="stable")
            if not len(j):
                continue
            g = j.groupby("_q", sort=False)
            sums = g["effective"].sum()
            score[sums.index.to_numpy()] = np.clip(sums.to_numpy(), -1, 1)
            ev = g["_ev"].agg("; ".join)
            evid[ev.index.to_numpy()] = ev.to_numpy()
    q["score"] = np.round(score, 4)
    q["label"] = [stance.label_from_score(x, threshold) for x in q["score"]]
    q["cues"] = evid
    return q


QUOTE_CUE_COLUMNS = ["article_id", "start", "end", "effective", "text", "category", "modifiers"]


def quote_stance_folder(source, rows: int = 100_000, threshold: float | None = None) -> pd.DataFrame:
    """:func:`quote_stance` over an annotation folder (:class:`arnews.tables.AnnotationFolder`),
    about ``rows`` quotes at a time: only the stance cues of each batch's articles are read
    (a few columns), so the cue table is never held whole.

    >>> qs = quote_stance_folder(AnnotationFolder("out/annotations"))   # doctest: +SKIP
    """
    if not source.has("quotes"):
        return quote_stance(None, None, threshold)
    has_cues = source.has("stance_cues")
    parts = []
    for q in source.batches("quotes", rows=rows):
        cues = source.read("stance_cues", QUOTE_CUE_COLUMNS, article_ids=set(q["article_id"])) if has_cues else None
        parts.append(quote_stance(cues, q, threshold))
    return pd.concat(parts, ignore_index=True) if parts else quote_stance(None, None, threshold)
