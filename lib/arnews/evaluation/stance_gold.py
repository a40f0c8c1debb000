"""The hand-labelled stance sentences (``data/gold/stance_sentences.csv``): reading, the dyad
notation and the dev/test split. Shared by the lexicon evaluation and the supervised model.

>>> parse_dyads("CHN~RUS:cooperation")
[('CHN', 'RUS', False, 'cooperation')]
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from ..resources import data_path
from ..stance.lexicon import LABELS

__all__ = ["parse_dyads", "read_gold", "gold_split", "DEV_ARTICLES"]



def parse_dyads(value) -> list[tuple[str, str, bool, str]]:
    """Parse the gold ``dyads`` cell: ``"CHN~RUS:cooperation|USA>CHN:conflict"`` →
    ``[("CHN", "RUS", False, "cooperation"), ("USA", "CHN", True, "conflict")]``.

    >>> parse_dyads("CHN~RUS:cooperation|USA>CHN:conflict")
    [('CHN', 'RUS', False, 'cooperation'), ('USA', 'CHN', True, 'conflict')]
    """
    if not isinstance(value, str) or not value.strip():
        return []
    out = []
    for part in value.split("|"):
        part = part.strip()
        if not part:
            continue
        try:
            pair, label = part.rsplit(":", 1)
        except ValueError:
            raise ValueError(f"dyad {part!r}: expected SRC>TGT:label or A~B:label") from None
        if label not in ("cooperation", "conflict"):
            raise ValueError(f"dyad {part!r}: label must be cooperation or conflict")
        if ">" in pair:
            s, t = pair.split(">", 1)
            out.append((s.strip(), t.strip(), True, label))
        elif "~" in pair:
            s, t = pair.split("~", 1)
            out.append((s.strip(), t.strip(), False, label))
        else:
            raise ValueError(f"dyad {part!r}: expected SRC>TGT:label or A~B:label")
    return out


def read_gold(path: str | Path | None = None) -> pd.DataFrame:
    """Read a labelled sentence CSV (``article_id, sentence_id, text, label[, dyads]``).

    The same format serves the lexicon evaluation and the supervised classifier
    (:mod:`arnews.stance_ml`), so a user can label sentences of their own corpus.
    """
    p = Path(path) if path is not None else data_path("gold/stance_sentences.csv")
    if not p.exists():
        raise FileNotFoundError(f"{p}: labelled stance sentences not found")
    df = pd.read_csv(p, dtype={"article_id": str})
    missing = [c for c in ("article_id", "sentence_id", "text", "label") if c not in df.columns]
    if missing:
        raise ValueError(f"{p}: missing column(s) {missing}; expected article_id, sentence_id, text, label, dyads")
    bad = df[~df["label"].isin(LABELS)]
    if len(bad):
        r = bad.index[0]
        raise ValueError(f"{p}: row {r + 2}: label {df.loc[r, 'label']!r} is not one of {LABELS}")
    if "dyads" not in df.columns:
        df["dyads"] = ""
    df["dyads"] = df["dyads"].fillna("")
    for i, v in df["dyads"].items():
        try:
            parse_dyads(v)
        except ValueError as e:
            raise ValueError(f"{p}: row {i + 2}: {e}") from None
    return df


#: Articles of the sample gold set used for developing rules (dev); the others are held out
#: (test). Matched as prefixes of ``article_id``. Round 1 developed on 000 and 001 and held out
#: 002–004; round 2 (see data/gold/README.md) opened 002 and 003 and holds out 004 only.
DEV_ARTICLES = ("000_", "001_", "002_", "003_")


def gold_split(article_ids, dev: Iterable[str] = DEV_ARTICLES) -> np.ndarray:
    """``"dev"`` or ``"test"`` for each article id (dev = ids starting with a ``dev`` prefix).

    >>> gold_split(["000_x", "004_y"]).tolist()
    ['dev', 'test']
    """
    dev = tuple(dev)
    return np.array(["dev" if str(a).startswith(dev) else "test" for a in article_ids], dtype=object)


