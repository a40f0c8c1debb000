"""Lemmas for a tokens table (:func:`add_lemmas`) and the pipeline stage (:data:`STAGE`)."""
from __future__ import annotations

import os

import pandas as pd
import regex as re

from ..stages import Stage
from .backends import Lemmatizer, get_lemmatizer, strip_marks
from .camel import resolve_backend

__all__ = ["add_lemmas", "annotate_stage", "cache_token", "STAGE"]

def add_lemmas(tokens: pd.DataFrame, backend: str = "auto", lemmatizer: Lemmatizer | None = None) -> pd.DataFrame:
    """Return a copy of ``tokens`` with ``lemma``, ``pos`` (None where unknown) and
    ``lemma_backend`` (which backend produced each lemma; ``punct`` for non-word tokens).

    Each distinct word type is analysed once. Needs ``surface``; ``norm`` and ``is_word`` are
    computed when absent.

    >>> t = pd.DataFrame({"surface": ["قال", "بوتين", "وبوتين"]})
    >>> add_lemmas(t, backend="rules")["lemma"].tolist()
    ['قال', 'بوتين', 'بوتين']
    """
    if "surface" not in tokens.columns:
        raise ValueError(f"add_lemmas: tokens table has no 'surface' column (columns: {list(tokens.columns)})")
    lem = lemmatizer or get_lemmatizer(backend)
    out = tokens.copy()
    n = len(out)
    if n == 0:
        out["lemma"] = pd.Series(dtype=object)
        out["pos"] = pd.Series(dtype=object)
        out["lemma_backend"] = pd.Series(dtype=object)
        return out
    surface = out["surface"].astype(object)
    if "norm" in out.columns:
        norm = out["norm"].astype(object)
    else:
        from ..text import normalize_series

        norm = normalize_series(surface)
    if "is_word" in out.columns:
        is_word = out["is_word"].astype(bool).to_numpy()
    else:
        is_word = norm.map(lambda s: bool(re.search(r"[\p{L}\p{N}]", s))).to_numpy()
    if lem.key_column == "dediac":
        uniq = pd.unique(surface)
        keys = surface.map({u: strip_marks(u) for u in uniq})
    else:
        keys = norm
    word_keys = keys[is_word]
    res = lem.lookup(pd.unique(word_keys))
    lemma = keys.map({k: v[0] for k, v in res.items()})
    pos = keys.map({k: v[1] for k, v in res.items()})
    be = keys.map({k: v[2] for k, v in res.items()})
    out["lemma"] = lemma.where(is_word, norm).astype(object)
    out["pos"] = pos.where(is_word, "punc").astype(object)
    out["pos"] = out["pos"].where(out["pos"].notna(), None)
    out["lemma_backend"] = be.where(is_word, "punct").astype(object)
    return out


def annotate_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Pipeline stage: tokens gain ``lemma``, ``pos`` and ``lemma_backend`` (backend "auto").

    The backend can be forced with the environment variable ``ARNEWS_LEMMA_BACKEND``.
    """
    backend = os.environ.get("ARNEWS_LEMMA_BACKEND", "auto")
    return {"tokens": add_lemmas(tables["tokens"], backend=backend)}


def cache_token() -> str:
    """The lemma backend this environment uses (part of the stage's version, so that
    installing CAMeL data invalidates cached offline lemmas)."""
    return resolve_backend(os.environ.get("ARNEWS_LEMMA_BACKEND", "auto"))


STAGE = Stage(
    name="lemmas",
    run="arnews.morph.stage:annotate_stage",
    requires=("tokens.surface",),
    uses=("tokens.norm", "tokens.is_word"),
    produces=("tokens.lemma", "tokens.pos", "tokens.lemma_backend"),
    reads=("actors.csv", "lexicons/broken_plurals.csv", "lexicons/protected_words.csv", "lexicons/person_nouns.csv"),
    token="arnews.morph.stage:cache_token",
)
