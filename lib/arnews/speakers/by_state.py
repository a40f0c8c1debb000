"""For the stance notebook: who says what. Speech quotes counted by the state (or bloc, or
body) their speaker speaks for, with non-state speakers apart (moved out of
:mod:`arnews.speakers.columns` in round 55, unchanged)."""
from __future__ import annotations

import pandas as pd


def _top_phrases(phrases: pd.Series, top: int | None) -> str:
    """The most frequent phrases, ``; ``-joined, with how many more were left out.

    >>> _top_phrases(pd.Series(["a", "b", "a", "c"]), 2)
    'a; b (+1 more)'
    """
    names = phrases.value_counts().index.tolist()
    if top is None or len(names) <= top:
        return "; ".join(names)
    return "; ".join(names[:top]) + f" (+{len(names) - top:,} more)"


def quotes_by_speaker_state(quotes: pd.DataFrame, top_speakers: int | None = 10) -> pd.DataFrame:
    """Speech quotes counted by the state (or bloc/body) their speaker speaks for, with
    non-state speakers apart.

    One row per ``(speaker_group, speaker_country, speaker_type)`` with ``n_quotes``,
    ``n_articles`` and ``speakers`` (the ``top_speakers`` most frequent distinct speaker
    phrases, ``; ``-joined, then "(+N more)"; None: all of them; every quote's phrase is in the
    quotes table). ``speaker_group`` is ``state`` (states and their officials),
    ``organisation`` (UN, EU, NATO, IMF …), ``non-state`` (analysts, NGOs, media,
    companies, others; ``speaker_country`` is the country the article gives them, ``""``
    when none) or ``unknown`` (a speech quote with no speaker). Terms and titles are left
    out. Sorted by group, then by ``n_quotes`` descending.

    >>> q = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "kind": ["speech", "speech", "speech", "term"],
    ...                   "speaker_country": ["CHN", "CHN", "SGP", None], "speaker_type": ["state", "state", "analyst", None],
    ...                   "speaker_text": ["المتحدثة", "بكين", "الباحث", None]})
    >>> quotes_by_speaker_state(q)[["speaker_group", "speaker_country", "n_quotes", "n_articles"]].values.tolist()
    [['state', 'CHN', 2, 1], ['non-state', 'SGP', 1, 1]]
    """
    missing = [c for c in ("article_id", "kind", "speaker_country", "speaker_type", "speaker_text") if c not in quotes]
    if missing:
        raise ValueError(f"quotes_by_speaker_state: the quotes table lacks column(s) {missing} "
                         "(annotate with a version of arnews that has arnews.speakers)")
    cols = ["speaker_group", "speaker_country", "speaker_type", "n_quotes", "n_articles", "speakers"]
    q = quotes[quotes["kind"] == "speech"]
    if not len(q):
        return pd.DataFrame(columns=cols)
    stype = q["speaker_type"].fillna("")
    group = stype.map(lambda t: t if t in ("state", "organisation") else ("unknown" if not t else "non-state"))
    q = q.assign(speaker_group=group, speaker_country=q["speaker_country"].fillna(""), speaker_type=stype,
                 speaker_text=q["speaker_text"].fillna(""))
    out = (q.groupby(["speaker_group", "speaker_country", "speaker_type"], sort=False)
           .agg(n_quotes=("article_id", "size"), n_articles=("article_id", "nunique"),
                speakers=("speaker_text", lambda s: _top_phrases(s[s != ""], top_speakers)))
           .reset_index())
    rank = {"state": 0, "organisation": 1, "non-state": 2, "unknown": 3}
    out = out.assign(_r=out["speaker_group"].map(rank)).sort_values(["_r", "n_quotes"], ascending=[True, False], kind="stable")
    return out.drop(columns="_r").reset_index(drop=True)[cols]
