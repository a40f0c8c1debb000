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

import pandas as pd

__all__ = ["stance_shares", "most_conflictual_article", "pair_edges", "speaker_summary", "strongest_sentences", "article_label_counts"]

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
    """The ``top`` sentences of a label with the largest absolute score (no text yet: join the
    text of these few sentences only)."""
    if sentence_stance is None or not len(sentence_stance):
        return pd.DataFrame(columns=["article_id", "sentence_id", "score", "cues"])
    s = sentence_stance[sentence_stance["label"] == label]
    s = s.reindex(s["score"].abs().sort_values(ascending=False, kind="stable").index)
    return s.head(top)[["article_id", "sentence_id", "score", "cues"]]
