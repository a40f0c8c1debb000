"""Quotes and their speakers against ``data/gold/quotes.csv`` (``python -m arnews evaluate
quotes``).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import regex as re

from ..corpus import load_corpus
from ..pipeline import annotate
from ..resources import data_path
from ..stages import available_stages
from ..text import normalize

__all__ = ["GOLD_COLUMNS", "load_gold", "match_gold", "evaluate", "evaluation_report"]


# ---------------------------------------------------------------------------
# 4. Evaluation against data/gold/quotes.csv
# ---------------------------------------------------------------------------

GOLD_COLUMNS = ["article_id", "quote_prefix", "speaker_text", "speaker_actor_id", "kind", "note"]
_WS_RE = re.compile(r"\s+")


def _key(s: str | None) -> str:
    return _WS_RE.sub(" ", normalize(str(s))).strip() if s is not None and not pd.isna(s) else ""


def load_gold(path: str | Path | None = None) -> pd.DataFrame:
    """Read hand-labelled quotes (default ``data/gold/quotes.csv``); see data/gold/README.md."""
    p = Path(path) if path else data_path("gold/quotes.csv")
    g = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = [c for c in GOLD_COLUMNS[:5] if c not in g.columns]
    if missing:
        raise ValueError(f"{p}: missing column(s) {missing}; expected {', '.join(GOLD_COLUMNS)}")
    bad = g.index[g["quote_prefix"].str.strip() == ""].tolist()
    if bad:
        raise ValueError(f"{p}: empty quote_prefix in row(s) {[b + 2 for b in bad]}")
    return g


def _speaker_right(gold: pd.Series, sys: pd.Series | None) -> tuple[bool, bool]:
    """``(actor_right, phrase_right)`` for one aligned quote.

    *actor*: when the gold row has actor ids (``PUTIN|XI`` = a joint speaker, either id
    counts) the system's ``speaker_actor_id`` must be one of them, or its
    ``speaker_group`` must be exactly that set (a group speaker for a single gold speaker
    is wrong); when it has only a phrase (التصريحات العلنية) the system's ``speaker_text``
    must contain it; when it has neither, the system must give no speaker.
    *phrase*: the actor test, or the gold ``speaker_text`` inside the system's
    ``speaker_text`` (credits "الرئيس الروسي", "الزعيمان" that the gazetteer cannot map
    to a person).
    """
    if sys is None:
        return False, False
    gold_ids = [x for x in str(gold["speaker_actor_id"]).split("|") if x]
    sys_id = None if pd.isna(sys["speaker_actor_id"]) else sys["speaker_actor_id"]
    grp = sys.get("speaker_group")
    sys_group = set(grp.split("|")) if isinstance(grp, str) and grp else set()
    sys_text = _key(sys["speaker_text"])
    gtext = _key(gold["speaker_text"])
    if gold_ids:
        actor = sys_id in gold_ids or (len(gold_ids) > 1 and sys_group == set(gold_ids))
    elif gtext:
        actor = gtext in sys_text
    else:
        actor = sys_id is None and not sys_text
    phrase = actor or bool(gtext and gtext in sys_text)
    return actor, phrase


def match_gold(quotes: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Align gold quotes with system quotes: per article and in text order, a gold quote
    matches the next unused system quote whose text starts with its ``quote_prefix``.
    Returns the gold table with ``found``, ``speaker_right`` (actor), ``speaker_phrase_right``
    and the system's columns."""
    rows = []
    for aid, g in gold.groupby("article_id", sort=False):
        q = quotes[quotes["article_id"] == aid].sort_values("start")
        keys = [_key(x) for x in q["quote"]]
        used = set()
        pos = -1
        for _, gr in g.iterrows():
            pref = _key(gr["quote_prefix"])
            hit = None
            for idx, (k, st) in enumerate(zip(keys, q["start"])):
                if idx in used or st <= pos:
                    continue
                if k.startswith(pref):
                    hit = idx
                    break
            sysr = q.iloc[hit] if hit is not None else None
            actor_ok, phrase_ok = _speaker_right(gr, sysr)
            if hit is not None:
                used.add(hit)
                pos = int(q["start"].iloc[hit])
            rows.append(
                {
                    **gr.to_dict(),
                    "found": hit is not None,
                    "speaker_right": actor_ok,
                    "speaker_phrase_right": phrase_ok,
                    "sys_quote": None if sysr is None else sysr["quote"],
                    "sys_speaker_text": None if sysr is None else sysr["speaker_text"],
                    "sys_speaker_actor_id": None if sysr is None else sysr["speaker_actor_id"],
                    "sys_speaker_group": None if sysr is None else sysr.get("speaker_group"),
                    "sys_rule": None if sysr is None else sysr["rule"],
                }
            )
    return pd.DataFrame(rows)


def _sample_quotes() -> pd.DataFrame:

    stages = [s for s in ("clean", "text", "actors", "quotes") if s in available_stages()]
    ann = annotate(load_corpus(data_path("articles")), stages=stages, cache=False, progress=False)
    return ann.tables["quotes"]


def evaluate(quotes: pd.DataFrame | None = None, gold: pd.DataFrame | None = None) -> dict:
    """Figures against the hand-labelled quotes of the sample articles.

    ``quotes`` defaults to running the pipeline on ``data/articles``. Returns a dict with
    ``n_gold``, ``n_system``, ``found`` (share of gold quotes found), ``precision`` (share of
    system quotes that are gold quotes), ``speaker_accuracy`` (share of *all* gold quotes
    found with the right speaker actor), ``speaker_accuracy_found`` (among those found),
    ``speaker_phrase_accuracy`` (right actor or right speaker phrase, see
    :func:`_speaker_right`), ``speaker_accuracy_speech`` (``kind == "speech"`` only),
    ``by_rule`` and ``details`` (the aligned table).

    >>> r = evaluate()                    # doctest: +SKIP
    >>> round(r["found"], 2)              # doctest: +SKIP
    """
    gold = load_gold() if gold is None else gold
    quotes = _sample_quotes() if quotes is None else quotes
    m = match_gold(quotes, gold)
    n = len(m)
    found = int(m["found"].sum())
    right = int(m["speaker_right"].sum())
    right_phrase = int(m["speaker_phrase_right"].sum())
    speech = m[m["kind"] == "speech"]
    sys_in_gold = quotes[quotes["article_id"].isin(set(gold["article_id"]))]
    return {
        "n_gold": n,
        "n_system": len(sys_in_gold),
        "found": found / n if n else float("nan"),
        "precision": found / len(sys_in_gold) if len(sys_in_gold) else float("nan"),
        "speaker_accuracy": right / n if n else float("nan"),
        "speaker_accuracy_found": right / found if found else float("nan"),
        "speaker_phrase_accuracy": right_phrase / n if n else float("nan"),
        "n_speech": len(speech),
        "speaker_accuracy_speech": speech["speaker_right"].mean() if len(speech) else float("nan"),
        "by_rule": m[m["found"]].groupby(m["sys_rule"].fillna("(none)"))["speaker_right"].agg(["size", "mean"]),
        "details": m,
    }


def evaluation_report() -> str:
    """Human-readable figures for ``python -m arnews evaluate quotes``."""
    r = evaluate()
    m = r["details"]
    lines = [
        f"gold quotes: {r['n_gold']} in {m['article_id'].nunique()} articles (data/gold/quotes.csv); "
        f"system quotes in those articles: {r['n_system']}",
        f"quotes found (recall):              {int(m['found'].sum())}/{r['n_gold']} = {r['found']:.3f}",
        f"system quotes that are gold quotes: {int(m['found'].sum())}/{r['n_system']} = {r['precision']:.3f}",
        f"right speaker, of all gold quotes:  {int(m['speaker_right'].sum())}/{r['n_gold']} = {r['speaker_accuracy']:.3f}",
        f"right speaker, of quotes found:     {int(m['speaker_right'].sum())}/{int(m['found'].sum())} = {r['speaker_accuracy_found']:.3f}",
        f"right speaker actor or phrase:      {int(m['speaker_phrase_right'].sum())}/{r['n_gold']} = {r['speaker_phrase_accuracy']:.3f}",
        f"right speaker, attributed speech only (kind=speech): {r['speaker_accuracy_speech']:.3f} of {r['n_speech']}",
        "",
        "by attribution rule (found quotes): rule, n, share right",
    ]
    for rule, row in r["by_rule"].iterrows():
        lines.append(f"  {rule:<28} {int(row['size']):>3}  {row['mean']:.2f}")
    wrong = m[~m["speaker_right"]]
    if len(wrong):
        lines += ["", "wrong speaker actor (gold prefix -> gold speaker | system actor / phrase [rule]; * = phrase right):"]
        for _, w in wrong.iterrows():
            gold_sp = w["speaker_actor_id"] or w["speaker_text"] or "(none)"
            if not w["found"]:
                sys_sp = "NOT FOUND"
            else:
                sys_id = w["sys_speaker_actor_id"]
                if _dash(sys_id) == "-" and _dash(w.get("sys_speaker_group")) != "-":
                    sys_id = "group " + w["sys_speaker_group"]
                sys_sp = f"{_dash(sys_id)} / {_dash(w['sys_speaker_text'])} [{_dash(w['sys_rule'])}]"
            star = "*" if w["speaker_phrase_right"] else " "
            lines.append(f" {star}{w['article_id'][:3]} «{w['quote_prefix'][:30]}» -> {gold_sp} | {sys_sp}")
    return "\n".join(lines)


def _dash(x) -> str:
    return "-" if x is None or (isinstance(x, float) and pd.isna(x)) or x == "" else str(x)
