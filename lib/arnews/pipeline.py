"""Run the annotation pipeline over a corpus and produce tidy tables.

The stages and their contracts (what each requires, produces and reads; see
:mod:`arnews.stages` and ``docs/architecture.md``):

========  ======================  ==============================================
stage     module                  adds
========  ======================  ==============================================
clean     :mod:`arnews.clean`     articles: clean_text, removed, flags
text      :mod:`arnews.text`      sentences; tokens (surface, norm, is_word)
lemmas    :mod:`arnews.morph`     tokens: lemma, pos, lemma_backend
actors    :mod:`arnews.actors`    mentions
quotes    :mod:`arnews.quotes`    quotes
stance    :mod:`arnews.stance`    stance (and sentence_stance)
========  ======================  ==============================================

The pipeline orders the stages from their declarations. Results are cached per chunk of
articles and per stage (:mod:`arnews.cache`), keyed by the articles' content, the stage's
version (a hash of its source, data files and environment) and its upstream stages' keys, so
a second run over an unchanged corpus loads from the cache and a code or data change redoes
exactly the stages it touches.

Example
-------
>>> from arnews import load_corpus, annotate
>>> ann = annotate(load_corpus("data/articles"))          # doctest: +SKIP
>>> ann.tokens.head()                                     # doctest: +SKIP
>>> ann.to_parquet("out/annotations")                     # doctest: +SKIP
"""
from __future__ import annotations

import hashlib
import itertools
import logging
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pandas as pd

from .annotations import Annotations
from .cache import CacheEntry, content_key
from .clean import flag_load_report
from .procs import die_with_parent
from .store import abort_run, begin_run, check_manifest, commit_run
from .parts import stream_chunks, unify_parts
from .parts import clear_tables as _clear_tables
from .parts import concat_tables as _concat
from .parts import iter_chunks as _chunks
from .parts import write_part as _write_part
from . import __version__
from .stages import (STAGE_MODULES, annotate_chunk, available_stages, get_stage, order_stages, run_stage, stage_keys,
                     stage_version)

__all__ = [
    "Annotations",
    "annotate",
    "annotate_corpus",
    "annotate_to_parquet",
    "unify_parts",
    "annotate_chunk",
    "read_annotations",
    "STAGES",
    "PIPELINE_VERSION",
    "pipeline_version",
    "default_cache_dir",
]

log = logging.getLogger("arnews.pipeline")
#: Stage name -> module declaring it (see :mod:`arnews.stages`).
STAGES: dict[str, str] = STAGE_MODULES
#: The package version; what the output depends on is :func:`pipeline_version`.
PIPELINE_VERSION = f"{__version__}-p2"


def pipeline_version(stages: Iterable[str] | None = None) -> str:
    """One hash of the versions of the stages (their source, data files and environment; see
    :func:`arnews.stages.stage_version`): two runs with the same value annotate alike.

    >>> len(pipeline_version(["clean", "text"]))
    16
    """
    run = order_stages(stages if stages is not None else available_stages())
    h = hashlib.sha1(PIPELINE_VERSION.encode())
    for s in run:
        h.update(f"\0{s.name}={stage_version(s)}".encode())
    return h.hexdigest()[:16]


def read_annotations(path: str | os.PathLike) -> Annotations:
    """Read tables written by :meth:`Annotations.to_parquet` or ``python -m arnews annotate``."""
    p = Path(path)
    if not p.is_dir():
        raise FileNotFoundError(f"{p}: no annotation folder (run `python -m arnews annotate CORPUS --out {p}`)")
    tables = {}
    for f in sorted(p.glob("*.parquet")):
        if f.stem != "load_report":
            tables[f.stem] = pd.read_parquet(f)
    if "articles" not in tables:
        raise FileNotFoundError(f"{p}: no articles.parquet in the annotation folder")
    check_manifest(p)  # the tables are those of one run, as written
    rep = p / "load_report.parquet"
    return Annotations(tables, pd.read_parquet(rep) if rep.exists() else None)


def _stage_fn(name: str) -> Callable[[dict], dict] | None:
    """The function running a stage (None when its module is not installed)."""
    return get_stage(name).function() if name in available_stages() else None


def default_cache_dir() -> Path:
    """``$ARNEWS_CACHE`` or ``~/.cache/arnews``."""
    return Path(os.environ.get("ARNEWS_CACHE") or Path.home() / ".cache" / "arnews")


def _chunk_key(articles: pd.DataFrame, stages: list[str]) -> str:
    """One key for a chunk and a list of stages (the keys of all its stage entries)."""
    keys = stage_keys(order_stages(stages), content_key(articles))
    return hashlib.sha1(repr(sorted(keys.items())).encode()).hexdigest()[:24]


def _run_cached(chunk: pd.DataFrame, stages: list[str], cache_dir: Path) -> tuple[dict[str, pd.DataFrame], dict[str, bool]]:
    """Run the stages on a chunk, each stage loaded from its verified cache entry when there
    is one (only the tables a recomputed stage or the result needs are read) and computed and
    saved otherwise. Returns the tables and, per stage, whether it came from the cache."""
    run = order_stages(stages)
    keys = stage_keys(run, content_key(chunk))
    tables: dict[str, pd.DataFrame] = {"articles": chunk.reset_index(drop=True)}
    pending: dict[str, Path] = {}  # table -> cached file not read yet
    hits: dict[str, bool] = {}
    for s in run:
        entry = CacheEntry(cache_dir, s.name, keys[s.name])
        manifest = _valid_manifest(entry)
        if manifest is not None:
            pending.update({name: entry.path / info["file"] for name, info in manifest["tables"].items()})
            hits[s.name] = True
            continue
        _materialize(tables, pending)
        out = run_stage(s, tables)
        tables.update(out)
        entry.save(out)
        hits[s.name] = False
    _materialize(tables, pending)
    return tables, hits


def _valid_manifest(entry: CacheEntry) -> dict | None:
    if not entry.exists():
        return None
    from .cache import CacheDamaged

    try:
        return entry.verify()
    except CacheDamaged as e:
        log.warning("arnews cache: damaged entry, recomputing and replacing it: %s", e)
        return None


def _materialize(tables: dict[str, pd.DataFrame], pending: dict[str, Path]) -> None:
    for name, path in pending.items():
        tables[name] = pd.read_parquet(path)
    pending.clear()


def _process_chunk(args: tuple[pd.DataFrame, list[str], str | None]) -> tuple[dict[str, pd.DataFrame], dict[str, bool]]:
    """Annotate one chunk (through the cache when ``cache_dir`` is set); returns the tables and
    which stages came from the cache."""
    chunk, stages, cache_dir = args
    if cache_dir:
        return _run_cached(chunk, stages, Path(cache_dir))
    return annotate_chunk(chunk, stages), {s: False for s in stages}


def annotate(
    articles: pd.DataFrame,
    *,
    stages: Iterable[str] | None = None,
    cache: bool | str | os.PathLike = True,
    workers: int = 1,
    engine: str = "local",
    chunk_size: int = 200,
    progress: bool | None = None,
    scheduler: str | None = None,
) -> Annotations:
    """Annotate articles (from :func:`arnews.load_corpus`) and return the tidy tables.

    Parameters
    ----------
    stages : which stages to run (default: all installed, see :data:`STAGES`).
    cache : True for the default cache folder (``$ARNEWS_CACHE`` or ``~/.cache/arnews``), a
        path for another one, False to disable.
    workers : processes for the local engine; output is identical to one worker.
    engine : ``"local"`` or ``"dask"`` (see :func:`arnews.distributed.annotate_dask`).
    chunk_size : articles per chunk (the unit of caching and parallelism).
    progress : show a progress bar (default: when there is more than one chunk).

    >>> from arnews.corpus import load_corpus
    >>> ann = annotate(load_corpus("data/articles"), cache=False)   # doctest: +SKIP
    >>> sorted(ann.tables)                                            # doctest: +SKIP
    ['actors', 'articles', ...]
    """
    if "article_id" not in articles.columns or "text" not in articles.columns:
        raise ValueError("annotate() needs an articles table with 'article_id' and 'text' columns (see load_corpus)")
    stage_list = list(stages) if stages is not None else available_stages()
    unknown = [s for s in stage_list if s not in STAGES]
    if unknown:
        raise ValueError(f"unknown stages {unknown}; known: {list(STAGES)}")
    from .corpus import load_report

    load_rep = load_report(articles) if "load_report" in articles.attrs else None
    articles = articles.copy()
    articles.attrs = {}
    if engine == "dask":
        from .distributed import annotate_dask

        return annotate_dask(articles, stages=stage_list, chunk_size=chunk_size, scheduler=scheduler)
    if engine != "local":
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")

    cache_dir: str | None
    if cache is True:
        cache_dir = str(default_cache_dir())
    elif cache:
        cache_dir = str(cache)
    else:
        cache_dir = None

    chunks = list(_chunks(articles, max(1, chunk_size)))
    show = progress if progress is not None else len(chunks) > 1
    jobs = [(c, stage_list, cache_dir) for c in chunks]
    parts: list[dict[str, pd.DataFrame]] = []
    hits = 0
    stage_hits = dict.fromkeys(stage_list, 0)
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(articles), desc="annotating", unit="article", file=sys.stderr)
    for (tables, hit), job in zip(_bounded_map(_process_chunk, jobs, workers if len(chunks) > 1 else 1), jobs):
        parts.append(tables)
        hits += bool(hit) and all(hit.values())
        for name, h in hit.items():
            stage_hits[name] += h
        if bar:
            bar.update(len(job[0]))
    if bar:
        bar.close()
    tables = _concat(parts)
    ann = Annotations(tables, flag_load_report(load_rep, tables["articles"]))
    ann.tables["articles"].attrs["cache_hits"] = hits
    ann.tables["articles"].attrs["stage_cache_hits"] = stage_hits
    ann.tables["articles"].attrs["chunks"] = len(chunks)
    return ann


def annotate_corpus(path: str | os.PathLike, **kwargs) -> Annotations:
    """Load a corpus (see :func:`arnews.corpus.load_corpus`) and annotate it (cached).

    Keyword arguments go to ``load_corpus`` (``text_column``, ``id_column``, ``recursive``)
    or to :func:`annotate`. This is what the notebooks call. Without ``text_column``, the
    environment variable ``ARNEWS_TEXT_COLUMN`` (set by ``python -m arnews report
    --text-column``) names the text column of a table corpus.

    >>> ann = annotate_corpus("data/articles")   # doctest: +SKIP
    """
    from .corpus import load_corpus

    load_kw = {k: kwargs.pop(k) for k in ("text_column", "id_column", "recursive") if k in kwargs}
    if "text_column" not in load_kw and os.environ.get("ARNEWS_TEXT_COLUMN"):
        load_kw["text_column"] = os.environ["ARNEWS_TEXT_COLUMN"]  # set by `arnews report --text-column`
    return annotate(load_corpus(path, **load_kw), **kwargs)


# ---------------------------------------------------------------------------
# Streaming: corpora larger than memory
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# Streaming: corpora larger than memory
# ---------------------------------------------------------------------------


def _process_chunk_to_part(args: tuple) -> tuple[dict[str, int], bool, int]:
    """Annotate (or load from the cache) one chunk and write its tables as parts, in the worker:
    only row counts travel back to the parent."""
    chunk, stages, cache_dir, out, index = args
    tables, hit = _process_chunk((chunk, stages, cache_dir))
    return _write_part(tables, out, index), bool(hit) and all(hit.values()), len(tables["articles"])


def _warm_up(job: tuple) -> None:
    """Run the stages on one article in this process before the worker pool starts, so the
    lexicons, gazetteer and lemma resources are loaded once and inherited by forked workers
    instead of being loaded again in each of them."""
    chunk, stages = job[0], job[1]
    if len(chunk):
        annotate_chunk(chunk.head(1), stages)


def _bounded_map(fn, jobs: Iterable, workers: int, warm_up: bool = True) -> Iterator:
    """Like ``executor.map`` but keeps at most ``workers + 1`` jobs in flight, so a
    stream of chunks is never materialised in memory; results come back in order."""
    if workers <= 1:
        for j in jobs:
            yield fn(j)
        return
    from collections import deque

    jobs = iter(jobs)
    first = next(jobs, None)
    if first is None:
        return
    if warm_up:
        _warm_up(first)
    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)) as ex:
        pending: deque = deque()
        for j in itertools.chain([first], jobs):
            pending.append(ex.submit(fn, j))
            if len(pending) > workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def annotate_to_parquet(
    source: str | os.PathLike | pd.DataFrame,
    out_dir: str | os.PathLike,
    *,
    stages: Iterable[str] | None = None,
    chunk_size: int = 500,
    workers: int = 1,
    cache: bool | str | os.PathLike = False,
    progress: bool | None = None,
    input_path: str | os.PathLike | None = None,
    **load_kwargs,
) -> dict[str, int]:
    """Annotate a corpus chunk by chunk into ``out_dir/<table>.parquet`` datasets.

    Each chunk's tables are written as one part (``tokens.parquet/part-000000.parquet`` …) by
    the process that annotated it, so the parent only counts rows; parts are then given one
    schema (:func:`unify_parts`). The run is written beside ``out_dir`` and replaces it only once
    complete, with a ``manifest.json`` (see :mod:`arnews.store`). Memory stays
    bounded by the chunk size (times the number of workers), whatever the corpus size: use this
    for corpora that do not fit in memory. ``source`` is a corpus path (streamed with
    :func:`arnews.corpus.iter_corpus`) or an articles DataFrame; ``input_path`` is the corpus
    path a DataFrame was loaded from (``out_dir`` may not be it, hold it or sit inside it, as
    for a path ``source``). Returns the number of rows written per table, and ``chunks_from_cache``.

    >>> annotate_to_parquet("data/articles", "out/ann", workers=2)   # doctest: +SKIP
    {'articles': 5, 'sentences': 117, 'tokens': 2513, ...}
    """

    stage_list = list(stages) if stages is not None else available_stages()
    cache_dir = str(default_cache_dir()) if cache is True else (str(cache) if cache else None)
    # a DataFrame from load_corpus (e.g. after --dedupe near) names its corpus: the output is
    # checked against it (or against ``input_path``) and the manifest records it, with the dedupe settings
    named = input_path or (source.attrs.get("corpus_path") if isinstance(source, pd.DataFrame) else None)
    inputs = [source] if not isinstance(source, pd.DataFrame) else [named] if named and Path(named).exists() else []
    settings = {"dedupe": source.attrs["dedupe"]} if isinstance(source, pd.DataFrame) and "dedupe" in source.attrs else None
    run = begin_run(out_dir, inputs)
    out = run.path
    report: list[dict] = []

    if isinstance(source, pd.DataFrame):
        from .corpus import load_report

        if "load_report" in source.attrs:
            report = load_report(source).to_dict("records")
        src = source.copy()
        src.attrs = {}
        chunks: Iterable[pd.DataFrame] = _chunks(src, chunk_size)
        total = len(src)
    else:
        chunks = stream_chunks(source, chunk_size, report, **load_kwargs)
        total = None
    chunks = run.fingerprint(chunks)

    counts: dict[str, int] = {}
    hits = 0
    bar = None
    if progress or progress is None:
        from tqdm.auto import tqdm

        bar = tqdm(total=total, desc="annotating", unit="article", file=sys.stderr, disable=progress is None and total is not None and total <= chunk_size)
    try:
        chunks = iter(chunks)
        first = next(chunks, None)
        if first is not None:
            # the tables the stages produce (annotating a few articles here also loads the
            # resources once, before workers fork): their earlier output is replaced
            _clear_tables(out, annotate_chunk(first.head(5), stage_list))
            jobs = ((c, stage_list, cache_dir, str(out), i) for i, c in enumerate(itertools.chain([first], chunks)))
            for part_counts, hit, n_articles in _bounded_map(_process_chunk_to_part, jobs, workers, warm_up=False):
                hits += hit
                for name, k in part_counts.items():
                    counts[name] = counts.get(name, 0) + k
                if bar is not None:
                    bar.update(n_articles)
            for name in counts:
                unify_parts(out / f"{name}.parquet")
    except BaseException:
        abort_run(run)  # the previous output stays as it was
        raise
    finally:
        if bar is not None:
            bar.close()
    commit_run(run, stages=stage_list, report=report, settings=settings)
    counts["chunks_from_cache"] = hits
    return counts
