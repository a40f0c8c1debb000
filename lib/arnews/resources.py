"""Where the project's editable data files (gazetteer, lexicons, rules, gold sets) live.

Researchers edit CSV files under the repository's ``data/`` folder. Set the environment
variable ``ARNEWS_DATA`` to use a copy elsewhere.

>>> data_path("clean_rules.csv").name
'clean_rules.csv'
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

__all__ = ["data_dir", "data_path", "data_fingerprint", "camel_data_dir", "TYPE_CACHE_LIMIT"]

#: Most word types each per-type cache (normalization, tokenization, lemmas, actor and stance
#: lookups) keeps per process before it is emptied; bounds memory on huge vocabularies.
#: News text is Zipfian, so the frequent types are back in the cache at once.
TYPE_CACHE_LIMIT = int(os.environ.get("ARNEWS_TYPE_CACHE", "300000"))


def data_dir() -> Path:
    env = os.environ.get("ARNEWS_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "data"


def data_path(name: str) -> Path:
    """Path of a data file; raises FileNotFoundError naming where it looked."""
    p = data_dir() / name
    if not p.exists():
        raise FileNotFoundError(
            f"{p}: arnews data file not found. Run from a checkout of the project or set ARNEWS_DATA "
            f"to a folder holding {name}."
        )
    return p


def data_fingerprint(names: list[str]) -> str:
    """A short hash of the given data files' contents (used in cache keys)."""
    h = hashlib.sha1()
    for n in sorted(names):
        p = data_dir() / n
        h.update(n.encode())
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


def camel_data_dir() -> Path:
    """Where CAMeL Tools looks for its data: ``$CAMELTOOLS_DATA`` or ``~/.camel_tools``.

    Mirrors ``camel_tools.data.catalogue`` without importing it (importing CAMeL's
    data-backed modules triggers a download when no data is installed).

    >>> isinstance(camel_data_dir(), Path)
    True
    """
    env = os.environ.get("CAMELTOOLS_DATA")
    if env is not None:
        return Path(env).expanduser().absolute()
    if sys.platform == "win32":
        return Path.home() / "AppData" / "Roaming" / "camel_tools"
    return Path.home() / ".camel_tools"


def default_workers() -> int:
    """Processes used by default: the available cores (``ARNEWS_WORKERS`` overrides).

    >>> default_workers() >= 1
    True
    """
    env = os.environ.get("ARNEWS_WORKERS")
    if env:
        return max(1, int(env))
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        n = os.cpu_count() or 1
    return max(1, n)


def moved_names(module: str, moved: dict[str, str]):
    """A module-level ``__getattr__`` that finds names moved to other modules, so notebooks
    written against the old layout still run (``moved``: name -> module now defining it).

    >>> getattr_ = moved_names("old", {"sqrt": "math"})
    >>> getattr_("sqrt")(4.0)
    2.0
    """
    def __getattr__(name: str):
        if name in moved:
            import importlib

            return getattr(importlib.import_module(moved[name]), name)
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return __getattr__
