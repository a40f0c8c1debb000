"""Pipeline stages with a contract: what each stage requires, produces and reads, and its version.

Each stage module declares one :class:`Stage` (``STAGE = Stage(...)``): the tables (or
``table.column``) it **requires**, those it **uses** when present, those it **produces**,
the data files under ``data/`` it **reads**, and the function that runs it. From these
declarations the pipeline

* orders the stages (:func:`order_stages`): a stage runs after every stage producing
  something it requires or uses;
* versions them (:func:`stage_version`): a hash of the stage's own source (the modules of
  ``lib/arnews`` its module imports, followed transitively), of its data files and of its
  environment token (e.g. the lemma backend installed), so editing a rule function or a
  lexicon changes the version of exactly the stages that use it;
* keys the cache (:func:`stage_keys`): a stage's key covers its version and the keys of the
  stages upstream of it, so a change invalidates that stage and the ones after it, and only
  those.

>>> [s.name for s in order_stages(["stance", "text", "clean"])]
['clean', 'text', 'stance']
>>> get_stage("quotes").requires
('sentences', 'tokens.norm', 'tokens.surface')
"""
from __future__ import annotations

import ast
import hashlib
import importlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from .resources import data_dir

__all__ = [
    "Stage",
    "STAGE_MODULES",
    "get_stage",
    "all_stages",
    "available_stages",
    "order_stages",
    "upstream",
    "stage_version",
    "stage_keys",
    "source_modules",
    "annotate_chunk",
    "clear_version_cache",
]

#: Stage name -> module declaring it (``STAGE``), in the canonical order.
STAGE_MODULES: dict[str, str] = {
    "clean": "arnews.clean",
    "text": "arnews.text",
    "lemmas": "arnews.morph",
    "actors": "arnews.actors",
    "quotes": "arnews.quotes",
    "stance": "arnews.stance",
}
_PACKAGE = "arnews"
#: Modules that are not part of any stage's output (the contract itself).
_NOT_SOURCE = frozenset({"arnews.stages"})
_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Stage:
    """A pipeline stage's contract.

    ``run`` is ``"module:function"``; the function takes the tables so far
    (``dict[str, DataFrame]``) and returns the tables it produces. ``requires`` / ``uses`` /
    ``produces`` name tables or ``table.column``; ``reads`` names data files relative to
    ``data/``; ``token``, when given (``"module:function"``), returns a string describing the
    environment the output depends on (installed models or data).
    """

    name: str
    run: str
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()
    token: str | None = None

    @property
    def module(self) -> str:
        return self.run.split(":", 1)[0]

    @property
    def tables(self) -> tuple[str, ...]:
        """The tables this stage returns (``produces`` without the column parts)."""
        return tuple(dict.fromkeys(p.split(".", 1)[0] for p in self.produces))

    def function(self) -> Callable[[dict], dict]:
        mod, fn = self.run.split(":", 1)
        return getattr(importlib.import_module(mod), fn)


# The clean stage's declaration lives here while arnews.clean is edited elsewhere; it can move
# into clean.py as ``STAGE`` unchanged.
_DECLARED = {
    "clean": Stage(
        name="clean",
        run="arnews.clean:annotate_stage",
        requires=("articles.text",),
        produces=("articles.clean_text", "articles.removed", "articles.flags"),
        reads=("clean_rules.csv",),
    ),
}


def get_stage(name: str) -> Stage:
    """The declared :class:`Stage` of a stage name (ValueError naming the known ones)."""
    if name not in STAGE_MODULES:
        raise ValueError(f"unknown stage {name!r}; known: {list(STAGE_MODULES)}")
    if name in _DECLARED:
        return _DECLARED[name]
    mod = importlib.import_module(STAGE_MODULES[name])
    stage = getattr(mod, "STAGE", None)
    if not isinstance(stage, Stage):
        raise ValueError(f"stage {name!r}: module {STAGE_MODULES[name]} declares no STAGE")
    return stage


def all_stages() -> list[Stage]:
    return [get_stage(n) for n in STAGE_MODULES]


def available_stages() -> list[str]:
    """Stages whose module is installed (all of them in a checkout)."""
    out = []
    for n in STAGE_MODULES:
        try:
            get_stage(n)
        except ModuleNotFoundError as e:
            if e.name and STAGE_MODULES[n].startswith(e.name):
                continue
            raise
        out.append(n)
    return out


def _provides(a: Stage, b: Stage) -> bool:
    """Whether stage ``a`` produces something ``b`` requires or uses (a whole table provides
    its columns; a column provides a need for its whole table)."""
    for need in b.requires + b.uses:
        table, _, col = need.partition(".")
        for made in a.produces:
            mt, _, mc = made.partition(".")
            if mt == table and (not mc or not col or mc == col):
                return True
    return False


def order_stages(names: Iterable[str]) -> list[Stage]:
    """The stages in an order their declarations allow (ties keep the canonical order).

    >>> [s.name for s in order_stages(["quotes", "actors", "text"])]
    ['text', 'actors', 'quotes']
    """
    todo = [get_stage(n) for n in dict.fromkeys(names)]
    todo.sort(key=lambda s: list(STAGE_MODULES).index(s.name))
    done: list[Stage] = []
    while todo:
        ready = next((s for s in todo if not any(_provides(o, s) for o in todo if o is not s)), None)
        if ready is None:
            raise ValueError(f"stages {[s.name for s in todo]} depend on each other in a cycle")
        done.append(ready)
        todo.remove(ready)
    return done


def upstream(stage: Stage, run: list[Stage]) -> list[Stage]:
    """The stages of ``run`` before ``stage`` that it depends on, directly or transitively."""
    before = run[: run.index(stage)]
    out: list[Stage] = []
    frontier = [stage]
    while frontier:
        s = frontier.pop()
        for o in before:
            if o not in out and _provides(o, s):
                out.append(o)
                frontier.append(o)
    return [s for s in before if s in out]


# ---------------------------------------------------------------------------
# Versions
# ---------------------------------------------------------------------------


def _module_file(name: str) -> Path | None:
    """The source file of an ``arnews`` module (found on disk, without importing it)."""
    parts = name.split(".")
    if parts[0] != _PACKAGE:
        return None
    base = _PACKAGE_DIR.joinpath(*parts[1:])
    for p in (base.with_suffix(".py"), base / "__init__.py"):
        if p.is_file():
            return p
    return None


def _imports_of(name: str, path: Path) -> list[str]:
    """The ``arnews`` modules a module imports (at any level of the file)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    pkg = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names if a.name.split(".")[0] == _PACKAGE]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = pkg.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            if base.split(".")[0] != _PACKAGE:
                continue
            if base == _PACKAGE:  # "from . import x": only the modules named
                out += [f"{base}.{a.name}" for a in node.names if _module_file(f"{base}.{a.name}") is not None]
                continue
            out.append(base)
            out += [f"{base}.{a.name}" for a in node.names if _module_file(f"{base}.{a.name}") is not None]
    return out


@lru_cache(maxsize=None)
def source_modules(module: str) -> tuple[str, ...]:
    """``module`` and the ``arnews`` modules it imports, transitively (sorted).

    >>> "arnews.text" in source_modules("arnews.actors")
    True
    """
    seen: set[str] = set()
    todo = [module]
    while todo:
        m = todo.pop()
        if m in seen or m in _NOT_SOURCE:
            continue
        path = _module_file(m)
        if path is None:
            continue
        seen.add(m)
        todo += _imports_of(m, path)
        if "." in m and m.rsplit(".", 1)[0] != _PACKAGE:
            todo.append(m.rsplit(".", 1)[0])  # a package's __init__ runs first
    return tuple(sorted(seen))


def _read_source(path: Path) -> bytes:
    return path.read_bytes()


def _source_digest(path: Path) -> str:
    st = path.stat()
    return _cached_digest(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=4096)
def _cached_digest(path: str, mtime_ns: int, size: int) -> str:
    return hashlib.sha1(_read_source(Path(path))).hexdigest()


def clear_version_cache() -> None:
    """Forget the digests of source files (they are otherwise cached by mtime and size)."""
    _cached_digest.cache_clear()
    source_modules.cache_clear()


def stage_version(stage: Stage) -> str:
    """A hash of the stage's source modules, its data files and its environment token."""
    h = hashlib.sha1(stage.name.encode())
    for m in source_modules(stage.module):
        path = _module_file(m)
        rel = path.relative_to(_PACKAGE_DIR) if path.is_relative_to(_PACKAGE_DIR) else path.name
        h.update(f"\0{rel}={_source_digest(path)}".encode())
    for name in stage.reads:
        p = data_dir() / name
        h.update(f"\0data:{name}=".encode())
        h.update(p.read_bytes() if p.exists() else b"<missing>")
    if stage.token:
        mod, fn = stage.token.split(":", 1)
        h.update(f"\0token={getattr(importlib.import_module(mod), fn)()}".encode())
    return h.hexdigest()[:16]


def stage_keys(run: list[Stage], content_key: str) -> dict[str, str]:
    """Cache key of each stage of ``run`` for a chunk whose content hashes to ``content_key``:
    its version plus the keys of its upstream stages."""
    keys: dict[str, str] = {}
    for s in run:
        h = hashlib.sha1(f"{content_key}\0{s.name}\0{stage_version(s)}".encode())
        for u in upstream(s, run):
            h.update(f"\0{u.name}={keys[u.name]}".encode())
        keys[s.name] = h.hexdigest()[:24]
    return keys


# ---------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------


def check_inputs(stage: Stage, tables: dict[str, pd.DataFrame]) -> None:
    """ValueError naming the stage and the missing table or column."""
    for need in stage.requires:
        table, _, col = need.partition(".")
        if table not in tables:
            makers = [s.name for s in all_stages() if table in s.tables]
            raise ValueError(f"stage {stage.name!r} requires the {table!r} table (made by stage {makers}); "
                             f"add that stage to the run")
        if col and col not in tables[table].columns:
            makers = [s.name for s in all_stages() if need in s.produces]
            raise ValueError(f"stage {stage.name!r} requires column {need!r} (made by stage {makers}); "
                             f"add that stage to the run")


def run_stage(stage: Stage, tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Run one stage on the tables so far; returns the tables it produces."""
    check_inputs(stage, tables)
    return {name: _plain_strings(df) for name, df in stage.function()(tables).items()}


def annotate_chunk(articles: pd.DataFrame, stages: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """Run the stages on one chunk of articles in memory; returns the tables.

    >>> from arnews.corpus import load_corpus
    >>> sorted(annotate_chunk(load_corpus("data/articles").head(1), ["clean", "text"]))  # doctest: +SKIP
    ['articles', 'sentences', 'tokens']
    """
    run = order_stages(stages if stages is not None else available_stages())
    tables: dict[str, pd.DataFrame] = {"articles": articles.reset_index(drop=True)}
    for s in run:
        tables.update(run_stage(s, tables))
    return tables


def _plain_strings(df: pd.DataFrame) -> pd.DataFrame:
    """Hold string columns of the large per-token tables as Python objects between stages:
    every stage reads them with ``tolist()``/iteration, which is several times faster on
    object columns than on Arrow-backed ``str`` columns (pandas >= 3)."""
    if len(df) < 10_000:
        return df
    cols = [c for c in df.columns if isinstance(df[c].dtype, pd.StringDtype)]
    if not cols:
        return df
    df = df.copy(deep=False)
    for c in cols:
        df[c] = pd.Series(df[c].to_numpy(dtype=object, na_value=None), index=df.index, dtype=object)
    return df
