"""Chunked tables: splitting articles into chunks, joining chunk tables, and Parquet datasets
written one part per chunk (``out/<table>.parquet/part-NNNNNN.parquet``).

Shared by the local engine (:mod:`arnews.pipeline`) and the Dask engine
(:mod:`arnews.distributed`).

>>> import pandas as pd
>>> [len(c) for c in iter_chunks(pd.DataFrame({"a": range(5)}), 2)]
[2, 2, 1]
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

__all__ = ["TABLE_ORDER", "iter_chunks", "concat_tables", "stream_chunks", "write_part", "unify_parts", "clear_tables"]

TABLE_ORDER = ["articles", "sentences", "tokens", "mentions", "quotes", "sentence_stance", "stance"]


def iter_chunks(articles: pd.DataFrame, size: int) -> Iterator[pd.DataFrame]:
    for i in range(0, len(articles), size):
        yield articles.iloc[i : i + size]


def concat_tables(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
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


def stream_chunks(source: str | os.PathLike, chunk_size: int, report: list[dict], **load_kwargs) -> Iterator[pd.DataFrame]:
    """Non-empty article chunks of a corpus path (see :func:`arnews.corpus.iter_corpus`);
    the load-report rows are appended to ``report`` as they are read."""
    from .corpus import iter_corpus

    for c in iter_corpus(source, chunk_size=chunk_size, **load_kwargs):
        report.extend(c.attrs.get("load_report", []))
        c.attrs = {}
        if len(c):
            yield c


def _arrow_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Give all-missing object columns a string type so every chunk has the same schema."""
    df = df.copy()
    df.attrs = {}
    for c in df.columns:
        if df[c].dtype == object and df[c].isna().all():
            df[c] = pd.array([None] * len(df), dtype="str")
    return df


def write_part(tables: dict[str, pd.DataFrame], out: str | os.PathLike, index: int) -> dict[str, int]:
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


def clear_tables(out: Path, names: Iterable[str]) -> None:
    """Remove earlier output of these tables (a file, or a folder of parts) before writing."""
    for n in names:
        t = out / f"{n}.parquet"
        if t.is_dir():
            shutil.rmtree(t)
        elif t.exists():
            t.unlink()
