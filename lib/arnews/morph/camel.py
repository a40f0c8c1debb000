"""CAMeL Tools data detection (no camel_tools import, so no download attempt), the backend
``"auto"`` stands for, and the CAMeL analyzer/disambiguator backend."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable

from ..resources import camel_data_dir
from ..text import normalize
from .rules import ARABIC_RE, Analysis

__all__ = ["OFFLINE_DEFAULT", "CANDIDATES", "BACKENDS", "camel_data_status", "resolve_backend", "camel_fn", "pick_analysis"]

# The offline backend used when no CAMeL data is installed. Chosen by `evaluation_report()`
# on data/gold/lemmas.csv (highest exact-lemma accuracy among the offline candidates).
OFFLINE_DEFAULT = "rules"
# Offline candidates compared by `evaluate()`, in report order.
CANDIDATES = ("rules", "rules-nogazetteer", "qalsadi", "snowball", "isri", "tashaphyne", "identity")
BACKENDS = ("auto", "camel", "camel-analyzer", *CANDIDATES)


def camel_data_status(data_dir: str | os.PathLike | None = None) -> dict:
    """Which CAMeL Tools morphology files are installed, found by reading its catalogue.

    Returns ``{"data_dir", "catalogue", "morphology_db", "mle_model"}`` with paths of the
    files that exist (``None`` otherwise). Nothing is imported from ``camel_tools`` and
    nothing is downloaded.

    >>> st = camel_data_status("/nonexistent")
    >>> st["catalogue"], st["morphology_db"], st["mle_model"]
    (None, None, None)
    """
    root = Path(data_dir) if data_dir is not None else camel_data_dir()
    out: dict = {"data_dir": root, "catalogue": None, "morphology_db": None, "mle_model": None}
    cat = root / "catalogue.json"
    if not cat.is_file():
        return out
    try:
        components = json.loads(cat.read_text(encoding="utf-8"))["components"]
    except (OSError, ValueError, KeyError, TypeError):
        return out
    out["catalogue"] = cat

    def dataset_file(component: str, filename: str, name: str | None = None) -> Path | None:
        try:
            comp = components[component]
            ds = comp["datasets"][name or comp["default"]]
            p = root / "data" / ds["path"] / filename
        except (KeyError, TypeError):
            return None
        return p if p.is_file() else None

    out["morphology_db"] = dataset_file("MorphologyDB", "morphology.db")
    out["mle_model"] = dataset_file("DisambigMLE", "model.json")
    return out


def resolve_backend(backend: str = "auto") -> str:
    """The concrete backend ``"auto"`` stands for here: ``camel`` when CAMeL's morphology DB
    and MLE model are installed, ``camel-analyzer`` with only the DB, else the offline default.

    >>> resolve_backend("rules")
    'rules'
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown lemma backend {backend!r}; choose one of {list(BACKENDS)}")
    if backend != "auto":
        return backend
    st = camel_data_status()
    if st["morphology_db"] and st["mle_model"]:
        return "camel"
    if st["morphology_db"]:
        return "camel-analyzer"
    return OFFLINE_DEFAULT


def pick_analysis(analyses: list[dict]) -> dict | None:
    """The documented rule for an analyzer without a disambiguation model."""
    if not analyses:
        return None

    def key(a: dict):
        lp = a.get("pos_lex_logprob")
        lp = -99.0 if lp is None else float(lp)
        return (-lp, len(a.get("bw", "") or ""), a.get("lex", ""))

    return min(analyses, key=key)


def camel_fn(
    mode: str, db_path: str | None, mle_path: str | None, fallback: Callable[[str], Analysis]
) -> Callable[[str], Analysis]:
    """Word -> analysis with CAMeL Tools (imported here, after the data files were found)."""
    if db_path is None or (mode == "camel" and mle_path is None):
        st = camel_data_status()
        db_path = db_path or (str(st["morphology_db"]) if st["morphology_db"] else None)
        if mode == "camel":
            mle_path = mle_path or (str(st["mle_model"]) if st["mle_model"] else None)
    if db_path is None or not Path(db_path).is_file():
        raise FileNotFoundError(
            f"backend {mode!r}: no CAMeL Tools morphology database found (looked in {camel_data_dir()}; "
            "install with `camel_data -i light` or pass db_path=)"
        )
    if mode == "camel" and (mle_path is None or not Path(mle_path).is_file()):
        raise FileNotFoundError(
            f"backend 'camel': no CAMeL Tools MLE model found in {camel_data_dir()}; install with "
            "`camel_data -i light`, pass mle_path=, or use backend='camel-analyzer'"
        )
    if camel_data_status()["catalogue"] is None:
        # camel_tools.data loads (or downloads) its catalogue at import time
        raise FileNotFoundError(f"backend {mode!r}: no CAMeL Tools catalogue.json in {camel_data_dir()}")
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB

    # No backoff: a word the database does not know goes to the offline backend (recorded in
    # lemma_backend) rather than to a guessed proper-noun analysis.
    analyzer = Analyzer(MorphologyDB(str(db_path), "a"), backoff="NONE")
    if mode == "camel":
        from camel_tools.disambig.mle import MLEDisambiguator

        # cache_size=0: its LFU cache is bypassed anyway in 1.6.0; we cache per type
        dis = MLEDisambiguator(analyzer, str(mle_path), top=1, cache_size=0)

        def choose(w: str) -> dict | None:
            scored = dis.disambiguate([w])[0].analyses
            return scored[0].analysis if scored else None

    else:

        def choose(w: str) -> dict | None:
            return pick_analysis(analyzer.analyze(w))

    def f(w: str) -> Analysis:
        a = choose(w) if ARABIC_RE.search(w) else None
        if a is None or not a.get("lex"):
            return fallback(normalize(w))
        return normalize(a["lex"]), a.get("pos") or None, mode

    return f
