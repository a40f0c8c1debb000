"""The stance lexicon (``data/lexicons/stance.csv``): cue categories, weights and modifiers.

>>> lex = load_lexicon()
>>> ("لم",) in lex.negators
True
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pandas as pd

from ..resources import data_path
from ..text import normalize
from ..wordforms import lexicon_key

__all__ = ["LABELS", "COOPERATION_CATEGORIES", "CONFLICT_CATEGORIES", "MODIFIER_CATEGORIES", "DEFAULT_THRESHOLD",
           "Lexicon", "LexiconError", "load_lexicon", "default_lexicon", "norm_word", "require_columns"]

LABELS = ["cooperation", "neutral", "conflict"]
COOPERATION_CATEGORIES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"]
CONFLICT_CATEGORIES = ["DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "MOBILIZE", "ASSAULT"]
MODIFIER_CATEGORIES = ["NEGATE", "END", "CONDITION", "HEDGE", "PAIR", "TOPIC", "BACKGROUND", "RELATION", "QUALITY"]
DEFAULT_THRESHOLD = 0.25




class LexiconError(ValueError):
    """A stance lexicon file is malformed (the message names the file and the row)."""


@dataclass(frozen=True, eq=False)
class Lexicon:
    """A parsed stance lexicon: cue entries and modifier words.

    ``cues`` is a DataFrame (cue, words, category, weight, note) where ``words`` is a tuple of
    normalized words; modifiers map word tuples to factors; ``index`` maps a cue's first word
    to its entries, longest first.
    """

    cues: pd.DataFrame
    negators: dict = field(default_factory=dict)
    conditions: dict = field(default_factory=dict)
    hedges: dict = field(default_factory=dict)
    pairs: frozenset = frozenset()
    source: str = ""
    index: dict = field(default_factory=dict)
    topics: dict = field(default_factory=dict)
    backgrounds: dict = field(default_factory=dict)
    relations: frozenset = frozenset()
    qualities: dict = field(default_factory=dict)
    enders: frozenset = frozenset()


def _build_index(cues: pd.DataFrame) -> dict:
    idx: dict[str, list] = {}
    for pos, words in enumerate(cues["words"]):
        idx.setdefault(words[0], []).append((words, pos))
    for v in idx.values():
        v.sort(key=lambda t: -len(t[0]))
    return idx


def norm_word(w: str) -> str:
    """A lexicon word's key: normalized, without its article (:func:`arnews.wordforms.lexicon_key`)."""
    return lexicon_key(normalize(w.strip()))


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read a stance lexicon CSV (default ``data/lexicons/stance.csv``).

    Columns: ``cue`` (Arabic, one or more words), ``category`` (a PLOVER-like cue category or a
    modifier: NEGATE, END, CONDITION, HEDGE, PAIR, TOPIC, BACKGROUND, RELATION, QUALITY),
    ``weight`` (in [-1, 1]; for NEGATE/END/CONDITION/HEDGE/TOPIC/BACKGROUND the factor they apply,
    in [0, 1]; END is a negator that presupposes what it ends or eases: "إنهاء دعمها" cancels the
    support in the sentence score, but the support is still reported as a relation (dyad);
    for QUALITY the signed weight of the predicate), ``note``. Lines starting with ``#`` are
    comments.

    >>> lex = load_lexicon()
    >>> lex.cues.set_index("cue").loc["تعاون", "weight"]
    np.float64(0.6)
    >>> ("لم",) in lex.negators
    True
    """
    p = Path(path) if path is not None else data_path("lexicons/stance.csv")
    if not p.exists():
        raise LexiconError(f"{p}: stance lexicon not found")
    try:
        df = pd.read_csv(p, comment="#", dtype={"cue": str, "category": str, "note": str}, skip_blank_lines=True)
    except Exception as e:  # pragma: no cover - pandas parse errors
        raise LexiconError(f"{p}: cannot be read as CSV ({e})") from e
    missing = {"cue", "category", "weight"} - set(df.columns)
    if missing:
        raise LexiconError(f"{p}: missing column(s) {sorted(missing)}; expected cue, category, weight, note")
    known = set(COOPERATION_CATEGORIES + CONFLICT_CATEGORIES + MODIFIER_CATEGORIES)
    rows, negators, conditions, hedges, pairs, enders = [], {}, {}, {}, set(), set()
    topics, backgrounds, qualities, relations = {}, {}, {}, set()
    for i, r in df.iterrows():
        line = f"{p}: row {i + 2}"
        cue = r["cue"]
        if not isinstance(cue, str) or not cue.strip():
            raise LexiconError(f"{line}: empty cue")
        cat = str(r["category"]).strip().upper()
        if cat not in known:
            raise LexiconError(f"{line}: unknown category {r['category']!r} (known: {sorted(known)})")
        try:
            w = float(r["weight"])
        except (TypeError, ValueError):
            raise LexiconError(f"{line}: weight {r['weight']!r} is not a number") from None
        if not (-1.0 <= w <= 1.0) or math.isnan(w):
            raise LexiconError(f"{line}: weight {w} outside [-1, 1]")
        if cat in COOPERATION_CATEGORIES and w < 0 or cat in CONFLICT_CATEGORIES and w > 0:
            raise LexiconError(f"{line}: weight {w} has the wrong sign for category {cat}")
        if cat in ("NEGATE", "END", "CONDITION", "HEDGE", "PAIR"):
            words = tuple(normalize(x) for x in cue.split())
            {"NEGATE": negators, "END": negators, "CONDITION": conditions, "HEDGE": hedges}.get(cat, {})[words] = w
            if cat == "END":
                enders.add(words)
            if cat == "PAIR":
                pairs.add(normalize(cue.strip()))
            continue
        if cat in ("TOPIC", "BACKGROUND", "QUALITY"):
            if cat != "QUALITY" and not (0.0 <= w <= 1.0):
                raise LexiconError(f"{line}: {cat} weight is a factor and must be in [0, 1], not {w}")
            words = tuple(norm_word(x) for x in cue.split())
            {"TOPIC": topics, "BACKGROUND": backgrounds, "QUALITY": qualities}[cat][words] = w
            continue
        if cat == "RELATION":
            relations.add(norm_word(cue))
            continue
        words = tuple(norm_word(x) for x in cue.split())
        rows.append({"cue": cue.strip(), "words": words, "category": cat, "weight": w, "note": r.get("note", "")})
    cues = pd.DataFrame(rows, columns=["cue", "words", "category", "weight", "note"])
    return Lexicon(cues, negators, conditions, hedges, frozenset(pairs), str(p), _build_index(cues),
                   topics, backgrounds, frozenset(relations), qualities, frozenset(enders))


@lru_cache(maxsize=4)
def _default_lexicon(mtime: float) -> Lexicon:
    return load_lexicon()


def default_lexicon() -> Lexicon:
    """The repository lexicon, re-read when the file changes."""
    p = data_path("lexicons/stance.csv")
    return _default_lexicon(p.stat().st_mtime)


def require_columns(df: pd.DataFrame, cols: Iterable[str], name: str) -> None:
    if df is None:
        raise ValueError(f"{name} table is missing")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{name} table lacks column(s) {missing}; it has {list(df.columns)}")
