"""Article-level stance: net stance per country pair, a headline pair figure, quote stance."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .dyads import country_dyads
from .lexicon import DEFAULT_THRESHOLD
from .sentences import evidence_text, label_from_score

__all__ = ["pair_stance", "pair_headline", "quote_stance"]



def pair_stance(stance: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Net stance of each country pair per article.

    One row per article and unordered country pair: ``n_sentences``, ``n_cooperation``,
    ``n_conflict``, ``net`` (mean sentence score for the pair, in [-1, 1]) and ``label``.
    """
    cd = country_dyads(stance, threshold)
    cols = ["article_id", "a", "b", "n_sentences", "n_cooperation", "n_conflict", "net", "label"]
    if not len(cd):
        return pd.DataFrame(columns=cols)
    g = cd.groupby(["article_id", "a", "b"], sort=False)
    out = g.agg(
        n_sentences=("sentence_id", "nunique"),
        n_cooperation=("label", lambda x: int((x == "cooperation").sum())),
        n_conflict=("label", lambda x: int((x == "conflict").sum())),
        net=("score", "mean"),
    ).reset_index()
    out["net"] = out["net"].round(4)
    out["label"] = [label_from_score(x, threshold) for x in out["net"]]
    return out[cols].sort_values(["article_id", "n_sentences"], ascending=[True, False], ignore_index=True)


def pair_headline(
    stance: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
    pair: tuple[str, str] = ("RUS", "CHN"),
    top: int = 3,
    threshold: float = DEFAULT_THRESHOLD,
) -> pd.DataFrame:
    """How cooperative each article portrays one country pair (default Russia–China).

    One row per article (all articles of ``articles`` when given, NaN where the pair has no
    stance): ``score`` (mean of the pair's sentence scores), ``n_sentences``,
    ``share_cooperation``, ``label``, and ``evidence``: the ``top`` sentences behind the figure
    (highest absolute score first) as "[sentence_id] score: text".
    """
    a, b = sorted(pair)
    cd = country_dyads(stance, threshold)
    cd = cd[(cd["a"] == a) & (cd["b"] == b)]
    if sentences is not None and len(cd):
        cd = cd.merge(sentences[["article_id", "sentence_id", "text"]], on=["article_id", "sentence_id"], how="left")
    rows = []
    for aid, g in cd.groupby("article_id", sort=False):
        g = g.reindex(g["score"].abs().sort_values(ascending=False).index)
        ev = [f"[{s}] {sc:+.2f}: {t}" for s, sc, t in zip(g["sentence_id"], g["score"], g.get("text", g["cues"]))][:top]
        rows.append({"article_id": aid, "score": round(float(g["score"].mean()), 4), "n_sentences": int(g["sentence_id"].nunique()),
                     "share_cooperation": round(float((g["label"] == "cooperation").mean()), 4), "evidence": ev})
    out = pd.DataFrame(rows, columns=["article_id", "score", "n_sentences", "share_cooperation", "evidence"])
    if articles is not None:
        meta = [c for c in ("article_id", "date", "outlet", "title") if c in articles.columns]
        out = articles[meta].merge(out, on="article_id", how="left")
        out["n_sentences"] = out["n_sentences"].fillna(0).astype("int64")
    out["label"] = [label_from_score(x, threshold) if pd.notna(x) else None for x in out["score"]]
    out.insert(1, "pair", f"{a}~{b}")
    return out


class _CuesByStart:
    """An article's cues, found by span without scanning them all (one quote at a time)."""

    def __init__(self, g: pd.DataFrame):
        self.g = g
        self.order = np.argsort(g["start"].to_numpy(), kind="stable")
        self.starts = g["start"].to_numpy()[self.order]
        self.ends = g["end"].to_numpy()[self.order]

    def inside(self, start: int, end: int) -> pd.DataFrame:
        """The cues with ``start <= cue.start`` and ``cue.end <= end``, in table order."""
        lo = int(np.searchsorted(self.starts, start, side="left"))
        hi = int(np.searchsorted(self.starts, end, side="right"))
        rows = self.order[lo:hi][self.ends[lo:hi] <= end]
        return self.g.iloc[np.sort(rows)]


def quote_stance(cues: pd.DataFrame, quotes: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Who says what: the stance of each quote (cues inside the quoted span), with its speaker.

    Columns: quote columns + ``score``, ``label``, ``cues``.
    """
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=["article_id", "sentence_id", "speaker_text", "speaker_actor_id", "quote", "score", "label", "cues"])
    q = quotes.reset_index(drop=True).copy()
    scores, evid = [], []
    by_art = {k: _CuesByStart(g) for k, g in cues.groupby("article_id")} if len(cues) else {}
    for r in q.itertuples():
        g = by_art.get(r.article_id)
        inside = g.inside(r.start, r.end) if g is not None else cues.iloc[0:0]
        scores.append(float(np.clip(inside["effective"].sum(), -1, 1)) if len(inside) else 0.0)
        evid.append(evidence_text(inside) if len(inside) else "")
    q["score"] = np.round(scores, 4)
    q["label"] = [label_from_score(s, threshold) for s in q["score"]]
    q["cues"] = evid
    return q
