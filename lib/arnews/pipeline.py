"""Run the annotation pipeline over a corpus and produce tidy tables.

Stages, in order (each is a function ``annotate_stage(tables) -> dict`` in its module; a
module whose output depends on installed data or models also defines ``cache_token() -> str``,
which becomes part of the cache key):

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

Results are cached per chunk of articles, keyed by the articles' content, the pipeline
version and the data files the stages read (gazetteer, lexicons, rules), so a second run
over an unchanged corpus loads from the cache.

Example
-------
>>> from arnews import load_corpus, annotate
>>> ann = annotate(load_corpus("data/articles"))          # doctest: +SKIP
>>> ann.tokens.head()                                     # doctest: +SKIP
>>> ann.to_parquet("out/annotations")                     # doctest: +SKIP
"""
from __future__ import annotations

import hashlib
import importlib
import itertools
import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pandas as pd

from . import __version__
from .clean import flag_load_report
from .procs import die_with_parent
from .resources import data_fingerprint
from .store import abort_run, begin_run, check_manifest, commit_run

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
    "default_cache_dir",
]

PIPELINE_VERSION = f"{__version__}-p1"
# Stage name -> module implementing ``annotate_stage(tables) -> dict[str, DataFrame]``.
STAGES: dict[str, str] = {
    "clean": "arnews.clean",
    "text": "arnews.text",
    "lemmas": "arnews.morph",
    "actors": "arnews.actors",
    "quotes": "arnews.quotes",
    "stance": "arnews.stance",
}
# Data files whose contents change the output (part of the cache key).
DATA_FILES = [
    "clean_rules.csv",
    "actors.csv",
    "stopwords.csv",
    "lexicons/stance.csv",
    "lexicons/speech_verbs.csv",
    "lexicons/speaker_titles.csv",
    "lexicons/speaker_places.csv",
    "lexicons/speaker_cues.csv",
    "lexicons/quote_kinds.csv",
]
TABLE_ORDER = ["articles", "sentences", "tokens", "mentions", "quotes", "sentence_stance", "stance"]


@dataclass
class Annotations:
    """The tidy tables of an annotated corpus (one row per article, sentence, token, mention…)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    load_report: pd.DataFrame | None = None

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(f"no table {name!r}; tables are {sorted(tables)}")

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def __contains__(self, name: str) -> bool:
        return name in self.tables

    def to_parquet(self, out_dir: str | os.PathLike) -> Path:
        """Write every table as ``<name>.parquet`` (plus ``load_report.parquet`` and
        ``manifest.json``), replacing the folder as a whole (see :mod:`arnews.store`)."""
        with begin_run(out_dir) as run:
            for name, df in self.tables.items():
                _to_parquet(df, run.path / f"{name}.parquet")
            if "articles" in self.tables:
                run.add_articles(self.tables["articles"])
            commit_run(run, report=self.load_report)
        return run.target

    def summary(self) -> dict[str, int]:
        return {name: len(df) for name, df in self.tables.items()}


def _to_parquet(df: pd.DataFrame, path: Path) -> None:
    df = df.copy()
    df.attrs = {}
    df.to_parquet(path, index=False)


def read_annotations(path: str | os.PathLike) -> Annotations:
    """Read tables written by :meth:`Annotations.to_parquet` or ``python -m arnews annotate``."""
    p = Path(path)
    if not p.is_dir():
        raise FileNotFoundError(f"{p}: no annotation folder (run `python -m arnews annotate CORPUS --out {p}`)")
    check_manifest(p)  # the tables are those of one run, as written
    tables = {}
    for f in sorted(p.glob("*.parquet")):
        if f.stem != "load_report":
            tables[f.stem] = pd.read_parquet(f)
    if "articles" not in tables:
        raise FileNotFoundError(f"{p}: no articles.parquet in the annotation folder")
    rep = p / "load_report.parquet"
    return Annotations(tables, pd.read_parquet(rep) if rep.exists() else None)


def _stage_fn(name: str) -> Callable[[dict], dict] | None:
    try:
        mod = importlib.import_module(STAGES[name])
    except ModuleNotFoundError as e:
        if e.name == STAGES[name]:
            return None
        raise
    return getattr(mod, "annotate_stage", None)


def available_stages() -> list[str]:
    """Stages whose module is installed and provides ``annotate_stage``."""
    return [s for s in STAGES if _stage_fn(s) is not None]


def annotate_chunk(articles: pd.DataFrame, stages: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """Run the stages on one chunk of articles in memory; returns the tables."""
    stages = list(stages) if stages is not None else available_stages()
    tables: dict[str, pd.DataFrame] = {"articles": articles.reset_index(drop=True)}
    for s in stages:
        fn = _stage_fn(s)
        if fn is None:
            raise ValueError(f"stage {s!r}: module {STAGES.get(s)} has no annotate_stage()")
        tables.update({name: _plain_strings(df) for name, df in fn(tables).items()})
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


def default_cache_dir() -> Path:
    """``$ARNEWS_CACHE`` or ``~/.cache/arnews``."""
    return Path(os.environ.get("ARNEWS_CACHE") or Path.home() / ".cache" / "arnews")


def _chunk_key(articles: pd.DataFrame, stages: list[str]) -> str:
    h = hashlib.sha1()
    h.update(PIPELINE_VERSION.encode())
    h.update(",".join(stages).encode())
    h.update(data_fingerprint(DATA_FILES).encode())
    # Stages whose output depends on the environment (installed CAMeL data, models) say so.
    for s in stages:
        mod = importlib.import_module(STAGES[s])
        token = getattr(mod, "cache_token", None)
        if token is not None:
            h.update(f"{s}={token()}".encode())
    for aid, text in zip(articles["article_id"], articles["text"]):
        h.update(str(aid).encode())
        h.update(b"\0")
        h.update(str(text).encode("utf-8"))
        h.update(b"\1")
    # metadata columns influence the articles table too
    meta_cols = [c for c in articles.columns if c not in ("text",)]
    h.update(pd.util.hash_pandas_object(articles[meta_cols].astype(str), index=False).values.tobytes())
    return h.hexdigest()[:24]


def _load_cached(dir_: Path) -> dict[str, pd.DataFrame] | None:
    done = dir_ / "_complete"
    if not done.exists():
        return None
    try:
        return {f.stem: pd.read_parquet(f) for f in dir_.glob("*.parquet")}
    except Exception:
        return None


def _save_cached(dir_: Path, tables: dict[str, pd.DataFrame]) -> None:
    tmp = dir_.with_name(dir_.name + f".tmp{os.getpid()}")
    tmp.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        _to_parquet(df, tmp / f"{name}.parquet")
    (tmp / "_complete").write_text(PIPELINE_VERSION)
    if dir_.exists():
        shutil.rmtree(tmp, ignore_errors=True)
        return
    try:
        tmp.rename(dir_)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)


def _process_chunk(args: tuple[pd.DataFrame, list[str], str | None]) -> tuple[dict[str, pd.DataFrame], bool]:
    chunk, stages, cache_dir = args
    if cache_dir:
        key_dir = Path(cache_dir) / _chunk_key(chunk, stages)
        cached = _load_cached(key_dir)
        if cached is not None:
            return cached, True
    tables = annotate_chunk(chunk, stages)
    if cache_dir:
        _save_cached(key_dir, tables)
    return tables, False


def _chunks(articles: pd.DataFrame, size: int) -> Iterator[pd.DataFrame]:
    for i in range(0, len(articles), size):
        yield articles.iloc[i : i + size]


def _concat(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    names = [n for n in TABLE_ORDER if any(n in p for p in parts)]
    names += sorted({n for p in parts for n in p} - set(names))
    out = {}
    for n in names:
        frames = [p[n] for p in parts if n in p and len(p[n])]
        if frames:
            out[n] = pd.concat(frames, ignore_index=True)
        else:
            out[n] = next(p[n] for p in parts if n in p).iloc[0:0]
    return out


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
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(articles), desc="annotating", unit="article", file=sys.stderr)
    for (tables, hit), job in zip(_bounded_map(_process_chunk, jobs, workers if len(chunks) > 1 else 1), jobs):
        parts.append(tables)
        hits += hit
        if bar:
            bar.update(len(job[0]))
    if bar:
        bar.close()
    tables = _concat(parts)
    ann = Annotations(tables, flag_load_report(load_rep, tables["articles"]))
    ann.tables["articles"].attrs["cache_hits"] = hits
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


def _arrow_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Give all-missing object columns a string type so every chunk has the same schema."""
    df = df.copy()
    df.attrs = {}
    for c in df.columns:
        if df[c].dtype == object and df[c].isna().all():
            df[c] = pd.array([None] * len(df), dtype="str")
    return df


def _write_part(tables: dict[str, pd.DataFrame], out: str | os.PathLike, index: int) -> dict[str, int]:
    """Write one chunk's tables as ``out/<table>.parquet/part-NNNNNN.parquet`` (a Parquet dataset
    that ``pd.read_parquet``, ``dd.read_parquet`` and :func:`read_annotations` read whole; call
    :func:`unify_parts` once all parts are written). Returns rows per table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    counts = {}
    for name, df in tables.items():
        d = Path(out) / f"{name}.parquet"
        d.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pandas(_arrow_safe(df), preserve_index=False), d / f"part-{index:06d}.parquet")
        counts[name] = len(df)
    return counts


def _null_like(t) -> bool:
    """Whether an Arrow type carries no information anywhere in it (null, list<null>,
    struct<k: null> …): the type of a column that had no values in a chunk."""
    import pyarrow as pa

    if pa.types.is_null(t):
        return True
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return _null_like(t.value_type)
    if pa.types.is_struct(t):
        return any(_null_like(t.field(i).type) for i in range(t.num_fields))
    return False


def unify_parts(table_dir: str | os.PathLike) -> int:
    """Give every part of a Parquet dataset written chunk by chunk the same schema.

    A chunk where a column is empty or all missing (no quotes, no removed boilerplate, no
    stance dyads, a metadata column never filled) yields a part with an uninformative type
    (null, ``list<null>``, or string for an empty numeric column); readers of the dataset need
    one schema. Each column takes its type, and its pandas metadata (nullable ints, string
    dtypes), from the first part where it holds a value; the parts that differ are rewritten
    (usually a few small ones), an all-missing column as typed nulls. Returns the number of
    parts rewritten.
    """
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    parts = sorted(Path(table_dir).glob("part-*.parquet"))
    schemas = [pq.read_schema(x) for x in parts]
    if len(parts) < 2 or all(sc.equals(schemas[0], check_metadata=False) for sc in schemas[1:]):
        return 0
    names = list(dict.fromkeys(n for sc in schemas for n in sc.names))
    rows = [pq.read_metadata(x).num_rows for x in parts]
    null_counts: dict = {}

    def all_null(i: int, name: str) -> bool:
        if (i, name) not in null_counts:
            col = pq.read_table(parts[i], columns=[name]).column(name)
            null_counts[i, name] = col.null_count == len(col)
        return null_counts[i, name]

    fields, source = [], {}
    for name in names:
        cands = [(i, sc.field(name)) for i, sc in enumerate(schemas) if name in sc.names]
        if len({str(f.type) for _, f in cands}) == 1:
            best = cands[0]
        else:  # the first part where the column holds a value and has a full type
            best = next(((i, f) for i, f in cands if rows[i] and not _null_like(f.type) and not all_null(i, name)), None)
            best = best or next(((i, f) for i, f in cands if not _null_like(f.type)), cands[0])
        fields.append(best[1])
        source[name] = best[0]
    # pandas metadata: each column's entry from the part that gave the column its type
    metas = [json.loads(sc.metadata[b"pandas"]) if sc.metadata and b"pandas" in sc.metadata else None for sc in schemas]
    metadata = None
    if metas[0] is not None:
        base = dict(metas[0])
        cols = []
        for name in names:
            m = metas[source[name]]
            entry = next((c for c in (m or {}).get("columns", []) if c.get("name") == name), None)
            if entry is not None:
                cols.append(entry)
        base["columns"] = cols
        metadata = {b"pandas": json.dumps(base).encode()}
    target = pa.schema(fields, metadata=metadata)
    done = 0
    for i, (x, sc) in enumerate(zip(parts, schemas)):
        if sc.equals(target, check_metadata=False) and i > 0:
            continue
        t = pq.read_table(x)
        cols = []
        for f in target:
            if f.name not in t.column_names or t.column(f.name).null_count == t.num_rows:
                cols.append(pa.nulls(t.num_rows, f.type))  # missing or all-missing: typed nulls
                continue
            try:
                cols.append(t.column(f.name).cast(f.type))
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as e:
                raise ValueError(f"{x}: column {f.name!r} ({t.column(f.name).type}) cannot take the type of the "
                                 f"other parts ({f.type}): {e}") from e
        pq.write_table(pa.Table.from_arrays(cols, schema=target), x)
        done += 1
    return done


def _process_chunk_to_part(args: tuple) -> tuple[dict[str, int], bool, int]:
    """Annotate (or load from the cache) one chunk and write its tables as parts, in the worker:
    only row counts travel back to the parent."""
    chunk, stages, cache_dir, out, index = args
    tables, hit = _process_chunk((chunk, stages, cache_dir))
    return _write_part(tables, out, index), hit, len(tables["articles"])


def _clear_tables(out: Path, names: Iterable[str]) -> None:
    """Remove earlier output of these tables (a file, or a folder of parts) before writing."""
    for n in names:
        t = out / f"{n}.parquet"
        if t.is_dir():
            shutil.rmtree(t)
        elif t.exists():
            t.unlink()


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


def stream_chunks(source: str | os.PathLike, chunk_size: int, report: list[dict], **load_kwargs) -> Iterator[pd.DataFrame]:
    """Non-empty article chunks of a corpus path (see :func:`arnews.corpus.iter_corpus`);
    the load-report rows are appended to ``report`` as they are read."""
    from .corpus import iter_corpus

    for c in iter_corpus(source, chunk_size=chunk_size, **load_kwargs):
        report.extend(c.attrs.get("load_report", []))
        c.attrs = {}
        if len(c):
            yield c


def annotate_to_parquet(
    source: str | os.PathLike | pd.DataFrame,
    out_dir: str | os.PathLike,
    *,
    stages: Iterable[str] | None = None,
    chunk_size: int = 500,
    workers: int = 1,
    cache: bool | str | os.PathLike = False,
    progress: bool | None = None,
    **load_kwargs,
) -> dict[str, int]:
    """Annotate a corpus chunk by chunk into ``out_dir/<table>.parquet`` datasets.

    Each chunk's tables are written as one part (``tokens.parquet/part-000000.parquet`` …) by
    the process that annotated it, so the parent only counts rows; parts are then given one
    schema (:func:`unify_parts`). The run is written beside ``out_dir`` and replaces it only once
    complete, with a ``manifest.json`` (see :mod:`arnews.store`). Memory stays
    bounded by the chunk size (times the number of workers), whatever the corpus size: use this
    for corpora that do not fit in memory. ``source`` is a corpus path (streamed with
    :func:`arnews.corpus.iter_corpus`) or an articles DataFrame. Returns the number of rows
    written per table, and ``chunks_from_cache``.

    >>> annotate_to_parquet("data/articles", "out/ann", workers=2)   # doctest: +SKIP
    {'articles': 5, 'sentences': 117, 'tokens': 2513, ...}
    """

    stage_list = list(stages) if stages is not None else available_stages()
    cache_dir = str(default_cache_dir()) if cache is True else (str(cache) if cache else None)
    run = begin_run(out_dir, [] if isinstance(source, pd.DataFrame) else [source])
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
    commit_run(run, stages=stage_list, report=report)
    counts["chunks_from_cache"] = hits
    return counts
