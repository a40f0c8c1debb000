"""Arabic stopwords: a maintained package list plus the project's own list in ``data/``.

The base list is the ``arabicstopwords`` package (Arabic-Stopwords, T. Zerrouki), which lists
every inflected and cliticized form (``والتي``, ``فإنه`` …). The project adds news and
machine-translation filler (``وفقا``, ``يوم``, day names, ``قال`` …) in ``data/stopwords.csv``
(columns ``word, action, category, note``; ``action`` is ``add`` or ``remove`` — take a
word of the package list out; lines starting with ``#`` are comments), which a researcher
edits like any other data file. All words are stored **normalized** with
:func:`arnews.text.normalize`, so they are compared with a token's ``norm``.

>>> from arnews.stopwords import default_stopwords, resolve_stopwords
>>> {"في", "الي", "وفقا"} <= default_stopwords()
True
>>> sorted(resolve_stopwords(["إلى", "أيضًا"]))
['الي', 'ايضا']
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pandas as pd

__all__ = ["package_stopwords", "load_stopwords", "read_stopword_file", "default_stopwords", "resolve_stopwords"]


@lru_cache(maxsize=1)
def package_stopwords() -> frozenset[str]:
    """The ``arabicstopwords`` package list, normalized (about 13,000 forms).

    >>> "والتي" in package_stopwords()
    True
    """
    from arabicstopwords.arabicstopwords import stopwords_list

    from .text import normalize

    return frozenset(normalize(w) for w in stopwords_list())


def read_stopword_file(path: str | os.PathLike) -> tuple[frozenset[str], frozenset[str]]:
    """``(added, removed)`` words of a stopword CSV, normalized.

    The word is in column ``word`` (else the first column); an optional ``action`` column
    says ``add`` (default) or ``remove``. Lines starting with ``#`` are comments.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "sw.csv"
    >>> _ = p.write_text("# filler\\nword,action\\nوفقًا,add\\nغير,remove\\n", encoding="utf-8")
    >>> read_stopword_file(p)
    (frozenset({'وفقا'}), frozenset({'غير'}))
    """
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: stopword file not found")
    st = p.stat()
    return _load_cached(str(p), st.st_mtime_ns, st.st_size)


def load_stopwords(path: str | os.PathLike) -> frozenset[str]:
    """The words a stopword CSV adds (see :func:`read_stopword_file`), normalized.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "sw.csv"
    >>> _ = p.write_text("word,note\\nوفقًا,MT\\n", encoding="utf-8")
    >>> sorted(load_stopwords(p))
    ['وفقا']
    """
    return read_stopword_file(path)[0]


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: int, size: int) -> tuple[frozenset[str], frozenset[str]]:
    from .text import normalize

    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#", skip_blank_lines=True)
    except pd.errors.EmptyDataError:
        return frozenset(), frozenset()
    col = "word" if "word" in df.columns else df.columns[0]
    action = df["action"].str.strip().str.lower() if "action" in df.columns else pd.Series("add", index=df.index)
    action = action.replace("", "add")
    bad = sorted(set(action) - {"add", "remove"})
    if bad:
        raise ValueError(f"{path}: column 'action' must be 'add' or 'remove', found {bad}")
    words = df[col].str.strip()
    ok = words != ""
    add = frozenset(normalize(w) for w in words[ok & (action == "add")])
    rem = frozenset(normalize(w) for w in words[ok & (action == "remove")])
    return add, rem


def default_stopwords(extra: bool = True) -> frozenset[str]:
    """The package list plus ``data/stopwords.csv`` (if present and ``extra``), normalized.

    >>> "الي" in default_stopwords() and "يوم" in default_stopwords()
    True
    >>> "يوم" in default_stopwords(extra=False)
    False
    """
    from .resources import data_dir

    words = package_stopwords()
    p = data_dir() / "stopwords.csv"
    if extra and p.exists():
        add, remove = read_stopword_file(p)
        words = (words - remove) | add
    return words


def resolve_stopwords(stopwords: bool | Iterable[str] | None) -> frozenset[str]:
    """Turn a ``stopwords=`` argument into a normalized set: ``True`` → :func:`default_stopwords`,
    ``False``/``None`` → empty, an iterable of words → those words normalized.

    >>> len(resolve_stopwords(False))
    0
    """
    if stopwords is True:
        return default_stopwords()
    if stopwords is None or stopwords is False:
        return frozenset()
    if isinstance(stopwords, str):
        raise TypeError("stopwords: pass True/False or a collection of words, not a single string")
    from .text import normalize

    return frozenset(normalize(str(w)) for w in stopwords)
