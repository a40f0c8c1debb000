"""Run the annotation pipeline on a Dask cluster.

Each chunk of articles is one task; a task runs the same stages as the local engine
(:func:`arnews.stages.annotate_chunk`), so the tables are identical. On a cluster the
corpus is best a Parquet dataset on storage every worker can read (``dd.read_parquet``
splits it into partitions on the workers); a folder or CSV is read on the client and
its chunks are sent to the workers.

Connect to a running cluster with its scheduler address::

    python -m arnews annotate s3-or-shared/corpus.parquet --engine dask \\
        --scheduler tcp://scheduler:8786 --out shared/annotations

Without an address, a ``distributed.LocalCluster`` with one single-threaded worker
process per core is started for the run (and closed afterwards).

>>> from arnews.distributed import annotate_dask
>>> ann = annotate_dask(load_corpus("data/articles"))   # doctest: +SKIP
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from .annotations import Annotations
from .clean import flag_load_report
from .parts import clear_tables as _clear_tables
from .parts import concat_tables as _concat
from .parts import iter_chunks as _chunks
from .parts import stream_chunks, unify_parts
from .parts import write_part as _write_part
from .stages import annotate_chunk, available_stages
from .store import Run, abort_run, begin_run, commit_run

__all__ = ["annotate_dask", "annotate_dask_to_parquet", "dask_client"]


@contextmanager
def dask_client(scheduler: str | object | None = None) -> Iterator[object]:
    """A ``distributed.Client``: to ``scheduler`` (an address or a cluster object), else
    the current default client, else a new LocalCluster that is closed on exit."""
    from distributed import Client, LocalCluster

    if scheduler is not None:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    try:
        from distributed import default_client

        yield default_client()
        return
    except ValueError:
        pass
    cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def _run_chunk(chunk: pd.DataFrame, stages: list[str]) -> dict[str, pd.DataFrame]:
    return annotate_chunk(chunk, stages)


def annotate_dask(
    articles: pd.DataFrame,
    *,
    stages: Iterable[str] | None = None,
    chunk_size: int = 200,
    scheduler: str | object | None = None,
) -> Annotations:
    """Annotate an in-memory articles table on Dask; same tables as the local engine.

    For corpora larger than memory use :func:`annotate_dask_to_parquet`.
    """
    from .corpus import load_report

    stage_list = list(stages) if stages is not None else available_stages()
    rep = load_report(articles) if "load_report" in articles.attrs else None
    arts = articles.copy()
    arts.attrs = {}
    with dask_client(scheduler) as client:
        futures = client.map(_run_chunk, list(_chunks(arts, chunk_size)), stages=stage_list, pure=False)
        parts = client.gather(futures)
    tables = _concat(parts)
    return Annotations(tables, flag_load_report(rep, tables["articles"]))


def _annotate_and_write(chunk: pd.DataFrame, stages: list[str], out: str, index: int) -> dict[str, int]:
    return _write_part(annotate_chunk(chunk, stages), out, index)


def _checked(part: pd.DataFrame, text_column: str, id_column: str | None, index: int) -> pd.DataFrame:
    part = part.reset_index(drop=True)
    for col in (text_column, id_column):
        if col and col not in part.columns:
            raise ValueError(f"partition {index}: no column {col!r}; columns are {list(part.columns)}")
    return part


def _row_id(raw_id, index: int, i: int) -> str:
    """The article id of row ``i`` of partition ``index``: its own, else a generated one."""
    from .corpus import id_text, missing_value

    return f"p{index:05d}_{i:06d}" if missing_value(raw_id) else id_text(raw_id)


def _source(index: int, i: int) -> str:
    return f"partition{index}#row{i + 1}"


def _partition_keys(part: pd.DataFrame, text_column: str, id_column: str | None, index: int) -> pd.DataFrame:
    """One row per row with text of a partition: ``partition, row, article_id, key`` (a hash
    of the whitespace-normalised text), for the duplicate check across partitions."""
    from .corpus import _content_key, missing_value

    part = _checked(part, text_column, id_column, index)
    id_col = id_column or ("article_id" if "article_id" in part.columns else None)
    ids = part[id_col].tolist() if id_col else [None] * len(part)
    rows = [(index, i, _row_id(ids[i], index, i), _content_key(str(t)))
            for i, t in enumerate(part[text_column].tolist()) if not missing_value(t)]
    return pd.DataFrame(rows, columns=["partition", "row", "article_id", "key"])


def duplicate_rows(keys: pd.DataFrame) -> dict[int, dict[int, str]]:
    """The rows of a partitioned corpus to skip, ``{partition: {row: reason}}``, by the rules
    of :func:`arnews.corpus.iter_corpus` over the whole dataset in order: a text already seen
    in an earlier row, or an id already taken by an earlier loaded row.

    >>> keys = pd.DataFrame({"partition": [0, 1, 1], "row": [0, 0, 1], "article_id": ["a", "a", "b"],
    ...                      "key": ["k1", "k2", "k1"]})
    >>> duplicate_rows(keys)
    {1: {0: "duplicate article_id 'a'", 1: 'duplicate text of partition0#row1'}}
    """
    keys = keys.sort_values(["partition", "row"], kind="stable")
    seen_text: dict[str, str] = {}
    seen_id: set[str] = set()
    out: dict[int, dict[int, str]] = {}
    for p, r, aid, key in keys[["partition", "row", "article_id", "key"]].itertuples(index=False):
        if key in seen_text:
            out.setdefault(int(p), {})[int(r)] = f"duplicate text of {seen_text[key]}"
        elif aid in seen_id:
            out.setdefault(int(p), {})[int(r)] = f"duplicate article_id {aid!r}"
        else:
            seen_text[key] = _source(int(p), int(r))
            seen_id.add(aid)
    return out


def _prepare_partition(part: pd.DataFrame, text_column: str, id_column: str | None, index: int,
                       dayfirst: bool | None = None, skip: dict[int, str] | None = None) -> pd.DataFrame:
    """Turn a partition of a Parquet corpus into an articles chunk like load_corpus's,
    leaving out the rows in ``skip`` (duplicates, see :func:`duplicate_rows`)."""
    from .corpus import _finalize, missing_value

    part = _checked(part, text_column, id_column, index)
    rows = []
    for i, rec in enumerate(part.to_dict("records")):
        text = rec.pop(text_column)
        raw_id = rec.pop(id_column) if id_column else rec.pop("article_id", None)
        if missing_value(text) or i in (skip or {}):
            continue
        row = {"article_id": _row_id(raw_id, index, i), "source_path": _source(index, i), "text": str(text),
               "encoding": "table"}
        row.update({k: v for k, v in rec.items() if v is not None and not (isinstance(v, float) and pd.isna(v))})
        rows.append(row)
    return _finalize(rows, [], True, dayfirst) if rows else pd.DataFrame()


def _dataset_dayfirst(source: str | os.PathLike, dayfirst: bool | None) -> bool:
    """The day/month order of a Parquet dataset's ``date`` column: ``dayfirst`` when given,
    else detected once over every partition (see :func:`arnews.dates.detect_dayfirst`), so
    that the workers read the whole column with one order, as :func:`arnews.load_corpus` does.

    >>> _dataset_dayfirst("any.parquet", False)
    False
    """
    from .dates import detect_dayfirst

    if dayfirst is not None:
        return dayfirst
    import pyarrow.dataset as pads

    data = pads.dataset(str(source), format="parquet")
    if "date" not in data.schema.names:
        return detect_dayfirst([]).dayfirst
    values = (v for batch in data.to_batches(columns=["date"]) for v in batch.column(0).to_pylist())
    return detect_dayfirst(values).dayfirst


def _skipped_rows(part: pd.DataFrame, text_column: str, index: int, skip: dict[int, str] | None = None) -> list[dict]:
    """Load-report rows for the rows of a partition that :func:`_prepare_partition` leaves out
    (no text, or a duplicate), so that nothing is dropped without a trace."""
    from .corpus import missing_value

    texts = part[text_column].tolist() if text_column in part.columns else []
    reasons = {i: "empty text" for i, t in enumerate(texts) if missing_value(t)} | dict(skip or {})
    return [{"source": _source(index, i), "status": "skipped", "reason": reasons[i], "encoding": "table",
             "article_id": None} for i in sorted(reasons)]


def _partition_task(part: pd.DataFrame, text_column: str, id_column: str | None, index: int, stages: list[str], out: str,
                    dayfirst: bool | None = None, skip: dict[int, str] | None = None) -> tuple[dict[str, int], list[dict]]:
    """Annotate one partition into parts; returns the rows per table and the skipped rows."""
    arts = _prepare_partition(part, text_column, id_column, index, dayfirst, skip)
    skipped = _skipped_rows(part.reset_index(drop=True), text_column, index, skip)
    if arts.empty:
        return {"articles": 0}, skipped
    return _write_part(annotate_chunk(arts, stages), out, index), skipped


def annotate_dask_to_parquet(
    source: str | os.PathLike | pd.DataFrame,
    out_dir: str | os.PathLike,
    *,
    stages: Iterable[str] | None = None,
    chunk_size: int = 500,
    scheduler: str | object | None = None,
    text_column: str = "text",
    id_column: str | None = None,
    recursive: bool = False,
    dayfirst: bool | None = None,
) -> dict[str, int]:
    """Annotate on Dask and write each table as a partitioned Parquet dataset
    ``out_dir/<table>.parquet/part-NNNNNN.parquet`` (readable with ``pd.read_parquet``,
    ``dd.read_parquet`` or :func:`arnews.read_annotations`), one part per partition or chunk,
    given one schema at the end (:func:`arnews.parts.unify_parts`).

    A Parquet ``source`` is read by the workers partition by partition; other sources
    are streamed from the client with :func:`arnews.corpus.iter_corpus`.
    """

    stage_list = list(stages) if stages is not None else available_stages()
    run = begin_run(out_dir, [] if isinstance(source, pd.DataFrame) else [source])
    out = run.path
    try:
        totals, report = _dask_to_parts(source, out, run, stage_list, chunk_size, scheduler, text_column, id_column, recursive,
                                        dayfirst)
    except BaseException:
        abort_run(run)  # the previous output stays as it was
        raise
    commit_run(run, stages=stage_list, report=report)
    totals["chunks_from_cache"] = 0
    return totals


def _dask_to_parts(source, out: Path, run: Run, stage_list: list[str], chunk_size: int, scheduler, text_column: str,
                   id_column: str | None, recursive: bool, dayfirst: bool | None) -> tuple[dict[str, int], list[dict]]:
    """Annotate on Dask into the run's folder ``out``; returns rows per table and the load report."""
    report: list[dict] = []
    totals: dict[str, int] = {}

    def _clear(sample: pd.DataFrame) -> None:  # earlier output of the tables the stages produce
        _clear_tables(out, annotate_chunk(sample.head(5), stage_list))

    is_parquet = not isinstance(source, pd.DataFrame) and (
        Path(source).suffix.lower() in (".parquet", ".pq") or (Path(source).is_dir() and any(Path(source).glob("*.parquet")))
    )
    with dask_client(scheduler) as client:
        if is_parquet:
            import dask.dataframe as dd

            ddf = dd.read_parquet(str(source))
            dayfirst = _dataset_dayfirst(source, dayfirst)  # one order for the column, not one per partition
            first = _prepare_partition(ddf.get_partition(0).compute(), text_column, id_column, 0, dayfirst)
            _clear(first)
            delayed_parts = ddf.to_delayed()
            from dask import delayed

            # a first pass over the partitions finds duplicate texts and ids across the dataset
            key_tasks = [delayed(_partition_keys)(p, text_column, id_column, i) for i, p in enumerate(delayed_parts)]
            skips = duplicate_rows(pd.concat(client.gather(client.compute(key_tasks)), ignore_index=True))
            tasks = [delayed(_partition_task)(p, text_column, id_column, i, stage_list, str(out), dayfirst, skips.get(i))
                     for i, p in enumerate(delayed_parts)]
            results = []
            for counts, skipped in client.gather(client.compute(tasks)):
                results.append(counts)
                report.extend(skipped)
            run.fingerprint_files(source)
            n = sum(r.get("articles", 0) for r in results)
            report.insert(0, {"source": str(source), "status": "loaded", "reason": f"{n} articles in {ddf.npartitions} partitions",
                              "encoding": "table", "article_id": None})
        else:
            if isinstance(source, pd.DataFrame):
                chunk_iter: Iterable[pd.DataFrame] = _chunks(source, chunk_size)
            else:
                chunk_iter = stream_chunks(source, chunk_size, report, text_column=text_column, id_column=id_column,
                                           recursive=recursive, dayfirst=dayfirst)
            chunk_iter = run.fingerprint(chunk_iter)
            futures = []
            for i, chunk in enumerate(chunk_iter):
                if i == 0:
                    _clear(chunk)
                futures.append(client.submit(_annotate_and_write, chunk, stage_list, str(out), i, pure=False))
            results = client.gather(futures)
    for r in results:
        for k, v in r.items():
            totals[k] = totals.get(k, 0) + v
    for name in totals:
        unify_parts(out / f"{name}.parquet")
    return totals, report
