"""International bodies named in a speaker phrase: "ممثلة مفوضية اللاجئين في لبنان" is a UN
official who works in Lebanon, not a Lebanese speaker (round 46)."""
from __future__ import annotations

from functools import lru_cache

from ..speakers.choice_table import body_codes
from ..speakers.lexicon import load_speaker_lexicon

__all__ = ["body_institutions", "names_body"]


@lru_cache(maxsize=1)
def body_institutions() -> frozenset[tuple[str, ...]]:
    """Normalized words of the institutions of ``data/lexicons/speaker_places.csv`` that stand
    for a bloc or an international body, not a state (مفوضية اللاجئين → UN)."""
    codes = body_codes()
    return frozenset(e.words for e in load_speaker_lexicon().places if e.kind == "institution" and e.value in codes)


def names_body(words: list[str]) -> bool:
    """Whether the normalized ``words`` contain an international body's institution name
    (:func:`body_institutions`): "ممثلة مفوضية اللاجئين" → True."""
    return any(tuple(words[i:i + len(b)]) == b for b in body_institutions() for i in range(len(words) - len(b) + 1))
