"""The stance pipeline stage (:data:`STAGE`)."""
from __future__ import annotations

import gc
import os
from contextlib import contextmanager

import pandas as pd

from ..stages import Stage
from .cues import TokenSentences, match_cues
from .dyads import find_dyads
from .sentences import score_sentences

__all__ = ["annotate_stage", "STAGE", "METHODS", "lexicon_stance", "default_method", "cache_token"]


def lexicon_stance(tables: dict[str, pd.DataFrame], read: TokenSentences | None = None) -> dict[str, pd.DataFrame]:
    """The lexicon method: cues (:func:`~arnews.stance.cues.match_cues`), sentence scores and
    dyads (:func:`~arnews.stance.dyads.find_dyads`); both read the tokens table once
    (``read``: :class:`~arnews.stance.cues.TokenSentences` of it, when already made)."""
    tokens, sentences = tables["tokens"], tables["sentences"]
    read = read if read is not None else TokenSentences(tokens)
    cues = match_cues(tokens, sentences=read)
    sent = score_sentences(sentences, cues)
    stance = find_dyads(cues, tokens, tables.get("mentions"), tables.get("quotes"), sentences=read)
    return {"sentence_stance": sent, "stance": stance, "stance_cues": cues}


def model_stance(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The trained pair model (:mod:`arnews.stance_model`, file ``data/models/``): it reads
    the lexicon method's cues and dyads as features, then replaces ``sentence_stance`` and
    ``stance`` with its own predictions and adds ``stance_pairs`` (every candidate pair with
    its calibrated probabilities); ``stance_cues`` stays as evidence."""
    from ..stance_model import model_tables

    read = TokenSentences(tables["tokens"])
    out = lexicon_stance(tables, read)
    out.update(model_tables({**tables, **out}, sentences=read))
    return out


#: Stance methods by name: each takes the pipeline tables and returns ``sentence_stance``,
#: ``stance`` and ``stance_cues`` (the model also ``stance_pairs``); the stage chooses with
#: one parameter.
METHODS = {"model": model_stance, "lexicon": lexicon_stance}


def default_method() -> str:
    """The method the pipeline runs: ``$ARNEWS_STANCE_METHOD`` or ``"model"`` (better than the
    lexicon on held-out text: ``python -m arnews evaluate stance``)."""
    return os.environ.get("ARNEWS_STANCE_METHOD", "model")


def cache_token() -> str:
    """The stance method and, for a model given by ``$ARNEWS_STANCE_MODEL``, a hash of its file
    (part of the stage's version: another method or model is another cache entry)."""
    import hashlib

    model = os.environ.get("ARNEWS_STANCE_MODEL")
    digest = hashlib.sha1(open(model, "rb").read()).hexdigest()[:12] if model and os.path.exists(model) else ""
    return f"method={default_method()}" + (f";model={digest}" if model else "")


def annotate_stage(tables: dict[str, pd.DataFrame], method: str | None = None) -> dict[str, pd.DataFrame]:
    """Pipeline stage: ``sentence_stance``, ``stance`` (dyads) and ``stance_cues`` (evidence),
    by ``method`` (a key of :data:`METHODS`; default :func:`default_method`).

    Uses ``mentions`` (arnews.actors) and ``quotes`` (arnews.quotes) when present; without
    mentions the ``stance`` table is empty but sentence stance is still computed.

    >>> annotate_stage({}, method="oracle")
    Traceback (most recent call last):
    ...
    ValueError: stance method 'oracle' unknown; known: ['lexicon', 'model']
    """
    method = method or default_method()
    if method not in METHODS:
        raise ValueError(f"stance method {method!r} unknown; known: {sorted(METHODS)}")
    with gc_paused():
        return METHODS[method](tables)


@contextmanager
def gc_paused():
    """Python's cyclic garbage collector off for the duration (restored after, if it was on).

    The stage allocates millions of small objects that all live until it returns (words, cue
    records, sentence views, feature dicts) and makes almost no reference cycles; with the
    collector on, its full passes over them took 15-30 % of the stage's time on 1,000 articles."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


STAGE = Stage(
    name="stance",
    run="arnews.stance.stage:annotate_stage",
    requires=("sentences", "tokens.norm"),
    uses=("tokens.lemma", "mentions", "quotes"),
    produces=("sentence_stance", "stance", "stance_cues", "stance_pairs"),
    reads=("lexicons/stance.csv", "actors.csv", "models/stance_model.json.gz"),
    token="arnews.stance.stage:cache_token",
)
