"""The actors pipeline stage (:data:`STAGE`)."""
from __future__ import annotations

import os

import pandas as pd

from ..stages import Stage
from .mentions import find_mentions
from .ner import ner_available, ner_candidates

__all__ = ["annotate_stage", "cache_token", "STAGE"]

def annotate_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Pipeline stage: the ``mentions`` table from ``tokens`` (exact surfaces from ``clean_text``;
    role titles resolved with ``articles.date``, see :func:`find_mentions`).

    When CAMeL Tools' NER model is installed (see :func:`ner_available`) and the environment
    variable ``ARNEWS_NER`` is not ``0``, it also adds ``actor_candidates``: one row per name
    the NER model finds that the gazetteer does not cover (never merged into ``mentions``).
    """
    arts = tables["articles"]
    texts = dict(zip(arts["article_id"], arts["clean_text"])) if "clean_text" in arts.columns else None
    dates = dict(zip(arts["article_id"], arts["date"])) if "date" in arts.columns else None
    mentions = find_mentions(tables["tokens"], texts=texts, dates=dates)
    out = {"mentions": mentions}
    if os.environ.get("ARNEWS_NER", "1") != "0" and ner_available():
        out["actor_candidates"] = ner_candidates(tables["tokens"], mentions, texts=texts, aggregate=False)
    return out


def cache_token() -> str:
    """Whether the NER backend runs here (part of the stage's version; the gazetteer and role
    titles files are in the stage's ``reads``)."""
    return "ner" if os.environ.get("ARNEWS_NER", "1") != "0" and ner_available() else "no-ner"


STAGE = Stage(
    name="actors",
    run="arnews.actors.stage:annotate_stage",
    requires=("tokens.norm", "tokens.surface"),
    uses=("articles.clean_text", "articles.date"),
    produces=("mentions", "actor_candidates"),
    reads=("actors.csv", "roles.csv"),
    token="arnews.actors.stage:cache_token",
)
