"""The states a sentence's quotations speak for (issue 15, round 13).

The stance views count a quotation's speaker as a side of the sentence's relations («قال
المتحدث باسم الخارجية الصينية إن …» relates China to whoever the quote names). Until round 12
only speakers the gazetteer lists (``speaker_actor_id``: Putin, the Kremlin) counted; the
quote stage also gives the state of a speaker known by title and nationality, an institution
or a continuation (``speaker_country``, issue 19), and now these count too — for speakers of
type ``state`` or ``organisation`` only: an analyst, NGO, outlet or company speaks for no state
(guideline v2, rule 8).

>>> rows = [(0, 9, "PUTIN", "RUS", "state", "speech"), (20, 40, None, "CHN", "state", "speech"),
...         (50, 60, None, "USA", "analyst", "speech"), (70, 80, None, "CHN|RUS", "state", "speech")]
>>> sorted(speaker_codes(rows, {"PUTIN": "RUS"}))
['CHN', 'RUS']
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["QUOTE_COLUMNS", "STANCE_SPEAKER_TYPES", "speaker_codes"]

# Columns of the quotes table read per quotation, in this order.
QUOTE_COLUMNS = ["start", "end", "speaker_actor_id", "speaker_country", "speaker_type", "kind"]
STANCE_SPEAKER_TYPES = frozenset({"state", "organisation"})


def speaker_codes(rows: Iterable[tuple], actor_country: Mapping[str, str]) -> frozenset[str]:
    """Codes of the speakers of a sentence's quotations (``rows``: :data:`QUOTE_COLUMNS`
    values): a gazetteer speaker's country, else the state the quote stage gave a speaker of
    type state or organisation (``CHN|RUS`` for a pair of speakers gives both)."""
    out: set[str] = set()
    for _, _, actor, country, stype, kind in rows:
        if isinstance(actor, str) and actor:
            out.add(actor_country.get(actor, actor))
        elif kind in (None, "speech") and stype in STANCE_SPEAKER_TYPES and isinstance(country, str) and country:
            out.update(c for c in country.split("|") if c)
    return frozenset(out)
