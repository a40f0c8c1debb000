"""The stance pipeline stage (:data:`STAGE`)."""
from __future__ import annotations

import os

import pandas as pd

from ..stages import Stage
from .cues import match_cues
from .dyads import find_dyads
from .sentences import score_sentences

__all__ = ["annotate_stage", "STAGE", "METHODS", "lexicon_stance", "default_method", "cache_token"]


def lexicon_stance(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The lexicon method: cues (:func:`~arnews.stance.cues.match_cues`), sentence scores and
    dyads (:func:`~arnews.stance.dyads.find_dyads`)."""
    tokens, sentences = tables["tokens"], tables["sentences"]
    cues = match_cues(tokens)
    sent = score_sentences(sentences, cues)
    stance = find_dyads(cues, tokens, tables.get("mentions"), tables.get("quotes"))
    return {"sentence_stance": sent, "stance": stance, "stance_cues": cues}


#: Stance methods by name: each takes the pipeline tables and returns ``sentence_stance``,
#: ``stance`` and ``stance_cues``. A trained model (``arnews.stance.model``) registers as
#: ``"model"`` here; the stage chooses with one parameter.
METHODS = {"lexicon": lexicon_stance}


def default_method() -> str:
    """The method the pipeline runs: ``$ARNEWS_STANCE_METHOD`` or ``"lexicon"``."""
    return os.environ.get("ARNEWS_STANCE_METHOD", "lexicon")


def cache_token() -> str:
    """The stance method (part of the stage's version: another method is another cache entry)."""
    return f"method={default_method()}"


def annotate_stage(tables: dict[str, pd.DataFrame], method: str | None = None) -> dict[str, pd.DataFrame]:
    """Pipeline stage: ``sentence_stance``, ``stance`` (dyads) and ``stance_cues`` (evidence),
    by ``method`` (a key of :data:`METHODS`; default :func:`default_method`).

    Uses ``mentions`` (arnews.actors) and ``quotes`` (arnews.quotes) when present; without
    mentions the ``stance`` table is empty but sentence stance is still computed.

    >>> annotate_stage({}, method="oracle")
    Traceback (most recent call last):
    ...
    ValueError: stance method 'oracle' unknown; known: ['lexicon']
    """
    method = method or default_method()
    if method not in METHODS:
        raise ValueError(f"stance method {method!r} unknown; known: {sorted(METHODS)}")
    return METHODS[method](tables)


STAGE = Stage(
    name="stance",
    run="arnews.stance.stage:annotate_stage",
    requires=("sentences", "tokens.norm"),
    uses=("tokens.lemma", "mentions", "quotes"),
    produces=("sentence_stance", "stance", "stance_cues"),
    reads=("lexicons/stance.csv", "actors.csv"),
    token="arnews.stance.stage:cache_token",
)
