"""A bloc's own office known by the bloc's nisba: a **definite** title followed by a
definite bloc adjective ("المبعوث الأوروبي الخاص للحوار …" → EU, "المبعوث الأممي" → UN,
"المسؤول الأطلسي" → NATO) speaks for the bloc, while an indefinite one ("دبلوماسي أوروبي",
"مصدر دبلوماسي خليجي") is a member state's unnamed official and stays a region (no state).
The adjectives are ``data/lexicons/speaker_bloc_nisbas.csv`` (``nisba,bloc,note``).

>>> from arnews.speakers.lexicon import load_speaker_lexicon, words_in
>>> lex = load_speaker_lexicon()
>>> t = "المبعوث الأوروبي الخاص"
>>> definite_bloc(words_in(t, 0, len(t)), lex), definite_bloc(words_in("دبلوماسي أوروبي", 0, 15), lex)
('EU', None)
"""
from __future__ import annotations

import csv
from functools import lru_cache

from ..resources import data_path
from ..text import normalize
from .lexicon import SpeakerLexicon, Word, find_entries

_FILE = "lexicons/speaker_bloc_nisbas.csv"
COMMISSIONERS = frozenset(("مفوض", "مفوضة"))  # a commissioner, normalized, indefinite


@lru_cache(maxsize=1)
def bloc_nisbas() -> dict[str, str]:
    """Normalized definite bloc adjective → bloc code, from ``speaker_bloc_nisbas.csv``."""
    with open(data_path(_FILE), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    out: dict[str, str] = {}
    for line, r in enumerate(rows, start=2):
        form, bloc = normalize((r.get("nisba") or "").strip()), (r.get("bloc") or "").strip()
        if not form or " " in form or not form.startswith("ال") or not bloc:
            raise ValueError(f"speaker_bloc_nisbas.csv, row {line}: 'nisba' must be one definite word and 'bloc' a code")
        out[form] = bloc
    return out


def definite_bloc(words: list[Word], lex: SpeakerLexicon) -> str | None:
    """The bloc of a phrase opening with a definite office title (``speaker_type`` state in
    ``speaker_titles.csv``: an envoy, not "البنك الأوروبي لإعادة الإعمار") whose next word is
    a definite bloc adjective ("المبعوث الأوروبي", "المفوضة الأفريقية"), or an indefinite
    commissioner with an indefinite one ("مفوض أوروبي"), else None."""
    if len(words) > 1 and words[0].readings[0] in COMMISSIONERS:
        # "مفوض أوروبي في بروكسل": only a bloc has commissioners, so the indefinite adjective too (round 27)
        return bloc_nisbas().get("ال" + words[1].readings[0])
    hits = [(i, e) for i, e in find_entries(lex.titles, words) if e.value != "former"]
    if not hits or hits[0][0] != 0 or hits[0][1].value != "state" or not words[0].readings[0].startswith("ال"):
        return None
    k = len(hits[0][1].words)
    return bloc_nisbas().get(words[k].readings[0]) if k < len(words) else None
