"""Optional backend: CAMeL Tools' BERT NER, for names the gazetteer lacks (``actor_candidates``)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Mapping

import pandas as pd

from ..resources import camel_data_dir
from .mentions import find_mentions

__all__ = ["NER_LABELS", "CANDIDATE_COLUMNS", "camel_ner_model_path", "ner_available", "ner_candidates"]

NER_LABELS = ("PERS", "ORG", "LOC", "MISC")
CANDIDATE_COLUMNS = ["article_id", "sentence_id", "start", "end", "surface", "label", "token_start", "token_end", "key"]


def camel_ner_model_path() -> Path | None:
    """Folder of the installed CAMeL Tools NER model, or None.

    ``$ARNEWS_NER_MODEL`` (a folder with a BERT token-classification model) wins; otherwise
    CAMeL's ``catalogue.json`` is read to find its default ``NamedEntityRecognition`` dataset.
    Nothing is imported from ``camel_tools`` and nothing is downloaded.

    >>> import os
    >>> os.environ["ARNEWS_NER_MODEL"] = "/nonexistent/model"
    >>> camel_ner_model_path() is None
    True
    >>> del os.environ["ARNEWS_NER_MODEL"]
    """
    env = os.environ.get("ARNEWS_NER_MODEL")
    if env:
        p = Path(env)
        return p if (p / "config.json").is_file() else None
    root = camel_data_dir()
    try:
        comp = json.loads((root / "catalogue.json").read_text(encoding="utf-8"))["components"]["NamedEntityRecognition"]
        p = root / "data" / comp["datasets"][comp["default"]]["path"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return p if (p / "config.json").is_file() else None


def ner_available() -> bool:
    """True when a CAMeL NER model is installed (checked without importing camel_tools.ner)."""
    return camel_ner_model_path() is not None


_RECOGNIZERS: dict[str, object] = {}


def _load_recognizer(model_path: str | os.PathLike | None):
    path = Path(model_path) if model_path is not None else camel_ner_model_path()
    if path is None or not (path / "config.json").is_file():
        raise FileNotFoundError(
            f"no CAMeL Tools NER model found ({path or camel_data_dir()}); install it with "
            "`camel_data -i ner-arabert` or pass model_path= a BERT token-classification folder"
        )
    if not (camel_data_dir() / "catalogue.json").is_file() and "camel_tools.data" not in sys.modules:
        # camel_tools.ner imports camel_tools.data, which downloads a catalogue when none exists
        raise FileNotFoundError(
            f"{camel_data_dir() / 'catalogue.json'}: CAMeL Tools has no catalogue; importing "
            "camel_tools.ner would try to download one (set CAMELTOOLS_DATA to an installed data folder)"
        )
    key = str(path.resolve())
    if key not in _RECOGNIZERS:
        from camel_tools.ner import NERecognizer  # lazy: heavy, and data-backed

        _RECOGNIZERS[key] = NERecognizer(key, use_gpu=False)
    return _RECOGNIZERS[key]


def _bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first, last, type) of the entities in a BIO label sequence; a stray I- starts one.

    >>> _bio_spans(["O", "B-PERS", "I-PERS", "B-LOC", "I-ORG", "O"])
    [(1, 2, 'PERS'), (3, 3, 'LOC'), (4, 4, 'ORG')]
    """
    spans: list[tuple[int, int, str]] = []
    cur: list | None = None
    for i, lab in enumerate(labels):
        tag, _, typ = lab.partition("-")
        if tag == "I" and cur is not None and cur[2] == typ and cur[1] == i - 1:
            cur[1] = i
            continue
        if cur is not None:
            spans.append(tuple(cur))
            cur = None
        if tag in ("B", "I") and typ:
            cur = [i, i, typ]
    if cur is not None:
        spans.append(tuple(cur))
    return spans


def ner_candidates(
    tokens: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    gazetteer: pd.DataFrame | None = None,
    *,
    texts: Mapping[str, str] | None = None,
    model_path: str | os.PathLike | None = None,
    recognizer=None,
    batch_size: int = 32,
    aggregate: bool = True,
) -> pd.DataFrame:
    """Names CAMeL's NER model finds that the gazetteer does not: candidates to add to it.

    Every sentence's tokens go through :class:`camel_tools.ner.NERecognizer` (the installed
    model, ``model_path``, or a ready ``recognizer``); entities that overlap a gazetteer
    mention are dropped. Nothing is merged into the mentions table.

    With ``aggregate=True`` (default) one row per candidate: ``key`` (normalized text),
    ``label`` (PERS/ORG/LOC/MISC), ``surface`` (most frequent spelling), ``n_mentions``,
    ``n_articles``, and the first ``article_id``/``sentence_id`` it occurs in. With
    ``aggregate=False`` one row per occurrence (columns :data:`CANDIDATE_COLUMNS`).

    >>> cands = ner_candidates(ann.tokens, ann.mentions)     # doctest: +SKIP
    >>> cands.query("label == 'PERS'").head()                # doctest: +SKIP
    """
    rec = recognizer if recognizer is not None else _load_recognizer(model_path)
    if mentions is None:
        mentions = find_mentions(tokens, gazetteer, texts=texts)
    covered: dict[str, set[int]] = {}
    for aid, s, e in zip(mentions["article_id"], mentions["token_start"], mentions["token_end"]):
        covered.setdefault(aid, set()).update(range(int(s), int(e) + 1))

    groups = [(k, g) for k, g in tokens.sort_values(["article_id", "token_id"], kind="stable")
              .groupby(["article_id", "sentence_id"], sort=False)]
    words = [g["surface"].tolist() for _k, g in groups]
    labels = rec.predict(words, batch_size=batch_size) if words else []
    rows = []
    for ((aid, sid), g), labs in zip(groups, labels):
        labs = list(labs) + ["O"] * (len(g) - len(labs))  # long sentences are truncated by BERT
        tids, starts, ends = g["token_id"].tolist(), g["start"].tolist(), g["end"].tolist()
        surfs, norms = g["surface"].tolist(), g["norm"].tolist()
        cov = covered.get(aid, set())
        for first, last, typ in _bio_spans(labs):
            if any(tids[k] in cov for k in range(first, last + 1)):
                continue
            text = texts.get(aid) if texts is not None else None
            surface = text[starts[first]:ends[last]] if text is not None else " ".join(surfs[first:last + 1])
            rows.append((aid, sid, starts[first], ends[last], surface, typ, tids[first], tids[last],
                         " ".join(n or s for n, s in zip(norms[first:last + 1], surfs[first:last + 1]))))
    occ = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
    if not aggregate:
        return occ
    cols = ["key", "label", "surface", "n_mentions", "n_articles", "article_id", "sentence_id"]
    if occ.empty:
        return pd.DataFrame(columns=cols)
    agg = occ.groupby(["key", "label"], sort=False).agg(
        surface=("surface", lambda s: s.value_counts().index[0]),
        n_mentions=("surface", "size"),
        n_articles=("article_id", "nunique"),
        article_id=("article_id", "first"),
        sentence_id=("sentence_id", "first"),
    ).reset_index()
    return agg.sort_values(["n_mentions", "key"], ascending=[False, True]).reset_index(drop=True)[cols]
