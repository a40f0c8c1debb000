"""The speaker-state chooser (round 15): a small logistic regression over the candidates of
:mod:`.choice_features`, applied on top of the rules.

It is applied where the rules found **no speaker phrase and no state** for a speech quote
(an unattributed quotation, a stand-alone quote the chains did not reach) and, since round 16,
where they took the speaker up by their weakest rule, a pronoun or bare verb inheriting the
previous speaker (:data:`WEAK_RULES`, ``implicit_previous_speaker``: 3 of 14 right on dev);
there it picks the best-scored candidate — a state of the context, or no state. Everywhere else
the rules' answer stands. Measured by leaving one writer's set out
(``data/gold/quote_rounds.md``, rounds 15 and 16), applying it more widely lost on sets whose
rules were tuned there; restricted to these situations it gained on 10 of 14 writers' sets.
Where it overturns a weak rule's state, the rules' speaker goes with it: the chooser gives a
state, never a speaker.

The model is ``data/models/speaker_chooser.json`` (feature names, coefficients, intercept),
rebuilt by ``python -m arnews train-speakers`` (:mod:`.chooser_train`). A changed quote has
``speaker_chosen == True``; its rules' answer was "no state" or a weak rule's other state.

>>> import pandas as pd
>>> q = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "start": [1], "end": [9], "quote": ["نرفض ذلك"],
...                   "speaker_text": [None], "speaker_actor_id": [None], "rule": [None], "speaker_start": [None],
...                   "speaker_end": [None], "speaker_via": [None], "speaker_country": [None],
...                   "speaker_type": [None], "kind": ["speech"]})
>>> model = {"features": ["src_none"], "coef": [-1.0], "intercept": 0.0}
>>> out = choose_states(q, {"a": '"نرفض ذلك".'}, None, None, model)
>>> out[["speaker_country", "speaker_chosen"]].values.tolist()
[[None, False]]
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..resources import data_path
from .choice_table import body_codes, candidate_table

__all__ = ["MODEL_FILE", "WEAK_RULES", "load_chooser", "applies", "choose_states"]

MODEL_FILE = "models/speaker_chooser.json"
#: attribution rules whose answer the chooser may overturn (round 16)
WEAK_RULES = frozenset({"implicit_previous_speaker"})
_SPEAKER = ("speaker_text", "speaker_actor_id", "speaker_start", "speaker_end", "speaker_via")


@lru_cache(maxsize=4)
def _read(path: str) -> dict | None:
    p = Path(path)
    if not p.exists():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def load_chooser(path: str | Path | None = None) -> dict | None:
    """The shipped chooser (``{"features", "coef", "intercept", …}``), or None when the file
    is missing (the rules' answers then stand)."""
    if path is None:
        try:
            path = data_path(MODEL_FILE)
        except FileNotFoundError:
            return None
    return _read(str(path))


def _blank(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v) or v == ""


def applies(quotes: pd.DataFrame) -> pd.Series:
    """The quotes the chooser may change: speech, with no speaker phrase and no state from the
    rules, or attributed by one of :data:`WEAK_RULES`.

    >>> q = pd.DataFrame({"kind": ["speech", "speech", "term", "speech"], "speaker_text": [None, "الوزير", None, "الوزير"],
    ...                   "speaker_country": [None, None, None, "CHN"],
    ...                   "rule": [None, "verb_subject", None, "implicit_previous_speaker"]})
    >>> applies(q).tolist()
    [True, False, False, True]
    """
    kind = quotes["kind"].fillna("speech") == "speech"
    free = quotes["speaker_text"].map(_blank) & quotes["speaker_country"].map(_blank)
    weak = quotes["rule"].isin(WEAK_RULES) if "rule" in quotes else False
    return kind & (free | weak)


def choose_states(quotes: pd.DataFrame, texts: dict, mentions: pd.DataFrame | None,
                  sentences: pd.DataFrame | None, model: dict | None = None) -> pd.DataFrame:
    """``quotes`` with ``speaker_country`` chosen by the model where :func:`applies`, and the
    column ``speaker_chosen`` (True where the chooser changed the state). ``model`` defaults
    to :func:`load_chooser`; without one (or with ``{}``) only the column is added. See the
    module docstring."""
    out = quotes.copy()
    out["speaker_chosen"] = False
    model = load_chooser() if model is None else model
    if not model or not len(out):
        return out
    mask = applies(out).to_numpy()
    if not mask.any():
        return out
    # only the articles with a quote to choose for (their other quotes count as earlier speakers)
    arts = out["article_id"].to_numpy()
    keep = np.flatnonzero(pd.Series(arts).isin(set(arts[mask])).to_numpy())
    sub = out.iloc[keep].reset_index(drop=True)
    wanted = set(np.flatnonzero(mask[keep]).tolist())
    table = candidate_table(sub, texts, mentions, sentences, rows_wanted=wanted)
    if table.empty:
        return out
    x = table.reindex(columns=model["features"], fill_value=0.0).to_numpy(float)
    score = x @ np.asarray(model["coef"], float) + float(model["intercept"])
    t = table[["row", "code"]].assign(score=score)
    best = t.sort_values(["row", "score", "code"], ascending=[True, False, True], kind="mergesort").groupby("row").head(1)
    bodies = body_codes()
    country = out["speaker_country"].astype(object).to_numpy(copy=True)
    stype = out["speaker_type"].astype(object).to_numpy(copy=True)
    chosen = out["speaker_chosen"].to_numpy(copy=True)
    dropped = np.zeros(len(out), bool)
    for r, code in zip(keep[best["row"].to_numpy()], best["code"]):
        old = "" if _blank(country[r]) else str(country[r])
        if code == old:
            continue  # the rules' answer stands (no state, or the weak rule's state)
        country[r] = code or None
        stype[r] = None if not code else "organisation" if code in bodies else "state"
        chosen[r] = True
        dropped[r] = True  # a weak rule's speaker goes with its state
    out["speaker_country"] = country
    out["speaker_type"] = stype
    out["speaker_chosen"] = chosen
    for c in _SPEAKER:
        if c in out and dropped.any():
            col = out[c]
            out[c] = col.mask(dropped) if str(col.dtype) in ("Int32", "Int64") else col.astype(object).where(~dropped, None)
    return out
