"""The candidate table of a quotes table (round 15): one row per (speech quote, candidate state),
with the features of :mod:`.choice_features`, for training and applying the speaker-state chooser.

>>> import pandas as pd
>>> q = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "start": [5], "end": [14], "quote": ["نرفض ذلك"],
...                   "speaker_text": ["الصين"], "speaker_actor_id": ["CHN"], "rule": ["verb_subject"],
...                   "speaker_start": [0], "speaker_end": [5], "speaker_via": ["name"],
...                   "speaker_country": ["CHN"], "speaker_type": ["state"], "kind": ["speech"]})
>>> m = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [5], "actor_id": ["CHN"],
...                   "actor_type": ["country"], "country": ["CHN"]})
>>> s = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "start": [0], "end": [15]})
>>> t = candidate_table(q, {"a": 'الصين "نرفض ذلك".'}, m, s)
>>> t[["row", "code", "src_rules"]].values.tolist()
[[0, '', 0.0], [0, 'CHN', 1.0]]
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

import numpy as np
import pandas as pd

from .choice_features import candidate_features, feature_names, quote_candidates, situation
from .dateline import dateline_country
from .resolve import Mention
from .rule_context import rule_context

__all__ = ["candidate_table", "body_codes"]


def body_codes() -> frozenset[str]:
    """Codes of blocs and international bodies in the gazetteer (``UN``, ``EU`` …)."""
    try:
        from ..actors import bodies, default_gazetteer

        g = default_gazetteer()  # shared with the actors and quotes stages
    except Exception:  # no gazetteer: no body is known
        return frozenset()
    return frozenset(bodies(g)["actor_id"])


def _mentions(mentions: pd.DataFrame | None) -> dict[object, list[Mention]]:
    out: dict[object, list[Mention]] = {}
    if mentions is None or not len(mentions):
        return out
    cols = [mentions[c].tolist() if c in mentions else [""] * len(mentions)
            for c in ("article_id", "start", "end", "actor_id", "actor_type", "country")]
    for a, s, e, aid, at, c in zip(*cols):
        out.setdefault(a, []).append(Mention(int(s), int(e), aid if isinstance(aid, str) else None,
                                              at if isinstance(at, str) else "", c if isinstance(c, str) else ""))
    return {a: sorted(v) for a, v in out.items()}


def _sentences(sentences: pd.DataFrame | None) -> dict[object, dict[int, tuple[int, int]]]:
    out: dict[object, dict[int, tuple[int, int]]] = {}
    if sentences is None or not len(sentences):
        return out
    for a, i, s, e in zip(sentences["article_id"], sentences["sentence_id"], sentences["start"], sentences["end"]):
        out.setdefault(a, {})[int(i)] = (int(s), int(e))
    return out


class _Sentences(dict):
    """sentence_id → (start, end), with ``len`` = one past the largest id (what
    :func:`quote_candidates` bounds its look-back with)."""

    def __init__(self, items: dict) -> None:
        super().__init__(items)
        self._n = max(items, default=-1) + 1

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, k):
        return dict.get(self, k, (0, 0))


def candidate_table(quotes: pd.DataFrame, texts: dict, mentions: pd.DataFrame | None,
                    sentences: pd.DataFrame | None, bodies: frozenset[str] | None = None,
                    rows_wanted: set[int] | None = None) -> pd.DataFrame:
    """One row per (speech quote, candidate): ``row`` (the quote's position in ``quotes``),
    ``code`` (``""`` = no state) and the columns of :func:`feature_names`. Quotes of kind
    ``term``/``title`` get no rows; with ``rows_wanted``, only those quotes get rows (the
    others of their article still count as earlier speakers). See the module docstring."""
    bodies = body_codes() if bodies is None else bodies
    names = feature_names()
    arts = set(quotes["article_id"])
    if mentions is not None and len(mentions) and not set(mentions["article_id"].unique()) <= arts:
        mentions = mentions[mentions["article_id"].isin(arts)]
    if sentences is not None and len(sentences) and not set(sentences["article_id"].unique()) <= arts:
        sentences = sentences[sentences["article_id"].isin(arts)]
    by_m, by_s = _mentions(mentions), _sentences(sentences)
    recs = quotes.reset_index(drop=True).to_dict("records")
    groups: dict[object, list[int]] = {}
    for i in sorted(range(len(recs)), key=lambda i: (str(recs[i]["article_id"]), int(recs[i]["start"]))):
        groups.setdefault(recs[i]["article_id"], []).append(i)
    rows: list[int] = []
    codes: list[str] = []
    feats: list[list[float]] = []
    for aid, idx in groups.items():
        if rows_wanted is not None and not rows_wanted.intersection(idx):
            continue
        text = texts.get(aid) or ""
        ments = by_m.get(aid, [])
        sents = _Sentences(by_s.get(aid, {}))
        qs = [{k: (None if _missing(v) else v) for k, v in recs[i].items()} for i in idx]
        cands = quote_candidates(text, qs, ments, sents, dateline_country(text, ments))
        cm = [m for m in ments if m.country]
        counts = Counter(m.country for m in cm)
        bounds = sorted(dict.items(sents), key=lambda kv: kv[1][0])
        b_starts = [v[0] for _, v in bounds]
        c_starts = [m.start for m in cm]
        last: dict[str, int] = {}  # country -> sentence of its latest naming before the quote at hand
        swept = 0
        for i, q, cand in zip(idx, qs, cands):
            if (q.get("kind") or "speech") != "speech" or (rows_wanted is not None and i not in rows_wanted):
                continue
            sid = int(q["sentence_id"])
            start = int(q["start"])
            while swept < len(cm) and cm[swept].start < start:  # quotes come in text order
                m = cm[swept]
                k = bisect_right(b_starts, m.start) - 1
                last[m.country] = bounds[k][0] if k >= 0 and m.start < bounds[k][1][1] else -1
                swept += 1
            ss, se = q.get("speaker_start"), q.get("speaker_end")
            has_place = ss is not None and se is not None and bisect_left(c_starts, int(ss)) < bisect_left(c_starts, int(se))
            sit = situation(q, has_place)
            ctx = rule_context(text, q, cm, sents, sid, c_starts) if ss is not None else None
            near = {c: (sid if last[c] < 0 else last[c]) for c in cand if c in last}  # -1: outside a sentence
            for code in sorted(cand):
                rows.append(i)
                codes.append(code)
                feats.append(candidate_features(code, cand[code], sit, counts, near, sid, bodies, ctx))
    x = np.asarray(feats, float).reshape(len(feats), len(names))
    out = pd.DataFrame(x, columns=names)
    out.insert(0, "code", codes)
    out.insert(0, "row", np.asarray(rows, dtype=np.int64))
    return out


def _missing(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v)

