"""Load a corpus of Arabic news articles into a tidy DataFrame (one row per article).

Accepted inputs
---------------
* a folder of ``.txt`` files, with an optional ``metadata.csv`` sidecar whose ``file``
  column names the text files (other columns such as ``title``, ``date``, ``outlet``
  are merged in);
* a single CSV, TSV, JSONL/NDJSON or Parquet file with one article per row and a text
  column (``text`` by default, configurable).

Nothing is dropped silently: the load report (``articles.attrs["load_report"]`` or
:func:`load_report`) lists every file under the corpus folder (or row) with its status and,
for skipped inputs, the reason (empty, binary, undecodable, duplicate of …, in a subfolder
without ``recursive``, in a hidden folder). A loaded input with something to say has it in
``reason`` too: damaged UTF-8 (decoded with U+FFFD for each invalid byte, see
:func:`decode_bytes`), a generated id (a row without one), a date that could not be read.
Dates follow :mod:`arnews.dates`: one day/month order per column, offsets converted to UTC.

Example
-------
>>> from arnews.corpus import load_corpus, load_report
>>> articles = load_corpus("data/articles")            # doctest: +SKIP
>>> articles[["article_id", "title", "date", "encoding"]]  # doctest: +SKIP
>>> load_report(articles).query("status == 'skipped'")  # doctest: +SKIP
"""
from __future__ import annotations

import hashlib
import itertools
import os
import re
import unicodedata
from pathlib import Path
from typing import Iterator

import pandas as pd

from .dates import detect_dayfirst, parse_dates
from .decode import DecodeResult, decode_bytes  # re-exported: arnews.corpus.decode_bytes

__all__ = [
    "CorpusError",
    "load_corpus",
    "load_report",
    "iter_corpus",
    "decode_bytes",
    "DecodeResult",
    "date_from_text",
    "date_from_name",
    "ARTICLE_COLUMNS",
]

ARTICLE_COLUMNS = ["article_id", "source_path", "title", "date", "outlet", "text"]
TEXT_SUFFIXES = {".txt", ".text"}
TABLE_SUFFIXES = {".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".parquet", ".pq"}
METADATA_NAMES = ("metadata.csv", "metadata.tsv")


class CorpusError(ValueError):
    """A corpus path or file that cannot be used; the message names it and the problem."""


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

_MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Arabic (Egyptian/Gulf and Levantine month names)
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_DATE_LABEL = r"(?:تاريخ النشر|نشر في|نُشر في|بتاريخ|published(?: on)?|date)\s*[:：]?\s*"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MON = rf"(?P<month>{_MONTH_ALT})"
_DATE_PATTERNS = [
    re.compile(_DATE_LABEL + rf"{_DAY},?\s+{_MON},?\s+{_YEAR}", re.I),
    re.compile(_DATE_LABEL + rf"{_MON}\s+{_DAY},?\s+{_YEAR}", re.I),
    re.compile(_DATE_LABEL + r"(?P<year>(?:19|20)\d{2})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})"),
    re.compile(_DATE_LABEL + r"(?P<day>\d{1,2})[-/.](?P<mnum>\d{1,2})[-/.](?P<year>(?:19|20)\d{2})"),
]


def date_from_text(text: str, max_chars: int = 600) -> str | None:
    """Find a publication date stated near the top of an article ("تاريخ النشر: …").

    Returns an ISO date string or None.

    >>> date_from_text("عنوان\\nتاريخ النشر: 22nd, January 2025 GMT")
    '2025-01-22'
    >>> date_from_text("نشر في 5 مارس 2024")
    '2024-03-05'
    >>> date_from_text("قال بوتين في مارس") is None
    True
    """
    head = text[:max_chars]
    for pat in _DATE_PATTERNS:
        m = pat.search(head)
        if not m:
            continue
        g = m.groupdict()
        month = _MONTHS.get(g["month"].lower()) if g.get("month") else int(g["mnum"])
        try:
            return pd.Timestamp(year=int(g["year"]), month=month, day=int(g["day"])).date().isoformat()
        except (ValueError, TypeError):
            continue
    return None


_NAME_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_./]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_name(name: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD, also with _ . / or no separator) in a file name or URL.

    >>> date_from_name("data/saudinewsnet_2015-08-02_847.txt")
    '2015-08-02'
    >>> date_from_name("https://example.com/2019/03/07/story")
    '2019-03-07'
    >>> date_from_name("report_20150231.txt") is None   # no 31 February
    True
    """
    for m in _NAME_DATE_RE.finditer(str(name or "")):
        try:
            return pd.Timestamp(year=int(m[1]), month=int(m[3]), day=int(m[4])).date().isoformat()
        except ValueError:
            continue
    return None


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def _first_line_title(text: str, max_len: int = 200) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= max_len else line[: max_len - 1].rstrip() + "…"
    return ""


def content_key(text: str) -> str:
    """The key under which two texts count as duplicates: a hash of the text after Unicode
    (NFKC) and whitespace normalisation.

    >>> content_key("نص  واحد") == content_key("نص واحد")
    True
    """
    norm = unicodedata.normalize("NFKC", text)
    norm = re.sub(r"\s+", " ", norm).strip()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


def _report_row(source: str, status: str, reason: str = "", encoding: str | None = None, article_id: str | None = None) -> dict:
    return {"source": source, "status": status, "reason": reason, "encoding": encoding, "article_id": article_id}


def _read_metadata(folder: Path) -> tuple[pd.DataFrame | None, Path | None]:
    for name in METADATA_NAMES:
        p = folder / name
        if p.exists():
            sep = "\t" if p.suffix == ".tsv" else ","
            try:
                meta = pd.read_csv(p, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
            except Exception as e:
                raise CorpusError(f"{p}: cannot read metadata sidecar: {e}") from e
            key = next((c for c in ("file", "filename", "path", "source") if c in meta.columns), None)
            if key is None:
                raise CorpusError(
                    f"{p}: metadata sidecar needs a 'file' column naming the text files; "
                    f"found columns {list(meta.columns)}"
                )
            meta = meta.rename(columns={key: "file"})
            if meta["file"].duplicated().any():
                dups = meta.loc[meta["file"].duplicated(), "file"].tolist()
                raise CorpusError(f"{p}: file names listed twice in metadata: {dups[:5]}")
            return meta, p
    return None, None


Item = tuple["dict | None", dict]  # (article row or None, report row)


def _walk(folder: Path, recursive: bool) -> tuple[list[Path], list[Path], list[dict]]:
    """Every file under ``folder``: those to read (sorted), those in subfolders left unread
    (without ``recursive``), and one report row per hidden subfolder (not entered)."""
    files, unread, hidden = [], [], []
    for root, dirs, names in os.walk(folder):
        here = Path(root)
        for d in sorted(d for d in dirs if d.startswith(".")):
            n = sum(len(f) for _, _, f in os.walk(here / d))
            hidden.append(_report_row(str(here / d), "skipped", f"hidden folder, not read ({n} files)"))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        (files if recursive or here == folder else unread).extend(here / n for n in names)
    return sorted(files), sorted(unread), hidden


def _iter_folder(folder: Path, recursive: bool) -> Iterator[Item]:
    meta, meta_path = _read_metadata(folder)
    files, unread, hidden = _walk(folder, recursive)
    meta_by_file = {} if meta is None else {r["file"]: r for r in meta.to_dict("records")}
    for p in files:
        rel = p.relative_to(folder).as_posix()
        if meta_path is not None and p == meta_path:
            continue
        if p.name.startswith("."):
            yield None, _report_row(str(p), "skipped", "hidden file")
            continue
        if p.suffix.lower() not in TEXT_SUFFIXES:
            yield None, _report_row(str(p), "skipped", f"not a .txt file (suffix {p.suffix or 'none'})")
            continue
        try:
            data = p.read_bytes()
        except OSError as e:
            yield None, _report_row(str(p), "skipped", f"unreadable: {e.strerror or e}")
            continue
        res = decode_bytes(data)
        if res.text is None:
            yield None, _report_row(str(p), "skipped", res.problem or "undecodable")
            continue
        if not res.text.strip():
            yield None, _report_row(str(p), "skipped", "empty file (whitespace only)", res.encoding)
            continue
        row = {"article_id": p.stem if not recursive else rel.rsplit(".", 1)[0], "source_path": str(p), "text": res.text, "encoding": res.encoding}
        m = meta_by_file.get(rel) or meta_by_file.get(p.name)
        if m:
            for k, v in m.items():
                if k != "file" and v != "":
                    row[k] = v
        yield row, _report_row(str(p), "loaded", res.warning or "", res.encoding, row["article_id"])
    for p in unread:
        sub = p.parent.relative_to(folder).as_posix()
        yield None, _report_row(str(p), "skipped", f"in subfolder {sub}/, not read (pass --recursive / recursive=True to read subfolders)")
    for rep in hidden:
        yield None, rep
    if meta is not None:
        listed = set(meta["file"])
        present = {p.relative_to(folder).as_posix() for p in files + unread} | {p.name for p in files}
        for f in sorted(listed - present):
            yield None, _report_row(str(folder / f), "missing", "listed in metadata but no such file")


def missing_value(v: object) -> bool:
    """None, NaN/NA or a blank string: a cell with nothing in it."""
    if isinstance(v, str):
        return not v.strip()
    return v is None or (pd.api.types.is_scalar(v) and bool(pd.isna(v)))


def id_text(v: object) -> str:
    """An id cell as text; a whole float (``3.0``, from an integer column with gaps) as ``'3'``."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _table_batches(path: Path, batch_size: int) -> Iterator[pd.DataFrame]:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".tab"):
        sep = "," if suffix == ".csv" else "\t"
        yield from pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig", chunksize=batch_size)
    elif suffix in (".jsonl", ".ndjson"):
        yield from pd.read_json(path, lines=True, dtype=False, chunksize=batch_size)
    else:
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size):
            yield batch.to_pandas()


def _iter_table(path: Path, text_column: str, id_column: str | None, batch_size: int = 5000) -> Iterator[Item]:
    i = 0
    batches = _table_batches(path, batch_size)
    while True:
        try:
            df = next(batches)
        except StopIteration:
            return
        except Exception as e:
            raise CorpusError(f"{path}: cannot read {path.suffix[1:].upper()} file: {e}") from e
        if text_column not in df.columns:
            raise CorpusError(
                f"{path}: no text column {text_column!r}; columns are {list(df.columns)}. "
                f"Pass text_column=... (or --text-column) to name the one holding the article text."
            )
        if id_column is not None and id_column not in df.columns:
            raise CorpusError(f"{path}: no id column {id_column!r}; columns are {list(df.columns)}")
        for rec in df.to_dict("records"):
            i += 1
            src = f"{path}#row{i}"
            text = rec.pop(text_column)
            if missing_value(text):
                yield None, _report_row(src, "skipped", f"row {i}: empty text")
                continue
            id_col = id_column or ("article_id" if "article_id" in rec else None)
            raw_id = rec.pop(id_col) if id_col else None
            row = {"article_id": id_text(raw_id), "source_path": src, "text": str(text), "encoding": "table"}
            note = ""
            if missing_value(raw_id):  # generated: never "nan" (and made unique in iter_corpus)
                row.update(article_id=f"{path.stem}_{i:06d}", _generated_id=True)
                note = f"no id in column {id_col!r}; id generated" if id_col else ""
            row.update({k: v for k, v in rec.items() if not (v is None or (pd.api.types.is_scalar(v) and pd.isna(v)))})
            yield row, _report_row(src, "loaded", note, "table", row["article_id"])


def _iter_items(p: Path, text_column: str, id_column: str | None, recursive: bool) -> Iterator[Item]:
    if not p.exists():
        raise CorpusError(f"{p}: corpus path does not exist")
    if p.is_dir():
        yield from _iter_folder(p, recursive)
    elif p.suffix.lower() in TABLE_SUFFIXES:
        yield from _iter_table(p, text_column, id_column)
    elif p.suffix.lower() in TEXT_SUFFIXES:
        res = decode_bytes(p.read_bytes())
        if res.text is None or not res.text.strip():
            raise CorpusError(f"{p}: {res.problem or 'empty file'}")
        yield {"article_id": p.stem, "source_path": str(p), "text": res.text, "encoding": res.encoding}, _report_row(str(p), "loaded", res.warning or "", res.encoding, p.stem)
    else:
        raise CorpusError(
            f"{p}: unsupported corpus file type {p.suffix or '(none)'}; use a folder of .txt files "
            f"or a .csv/.tsv/.jsonl/.parquet file"
        )


def _note(rep: dict, text: str) -> None:
    """Add a remark to a report row's reason."""
    rep["reason"] = "; ".join(x for x in (rep.get("reason"), text) if x)


def _date_values(p: Path, recursive: bool) -> Iterator[object]:
    """The values of the corpus's ``date`` column (metadata sidecar or table file), read
    lazily so that detecting the day/month order stops at the first telling value."""
    if p.is_dir():
        meta, _ = _read_metadata(p)
        if meta is not None and "date" in meta.columns:
            yield from meta["date"]
        return
    suffix = p.suffix.lower()
    try:
        if suffix in (".csv", ".tsv", ".tab"):
            sep = "," if suffix == ".csv" else "\t"
            for b in pd.read_csv(p, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                                 usecols=lambda c: c == "date", chunksize=50_000):
                yield from b.get("date", [])
        elif suffix in (".parquet", ".pq"):
            import pyarrow.parquet as pq

            f = pq.ParquetFile(p)
            if "date" in f.schema_arrow.names:
                for b in f.iter_batches(batch_size=50_000, columns=["date"]):
                    yield from b.column(0).to_pylist()
        elif suffix in (".jsonl", ".ndjson"):
            for b in pd.read_json(p, lines=True, dtype=False, chunksize=50_000):
                if "date" not in b.columns:
                    return
                yield from b["date"]
    except Exception:  # an unreadable file is reported by the loader itself
        return


def _finalize(rows: list[dict], report: list[dict], date_from_content: bool, dayfirst: bool | None = None) -> pd.DataFrame:
    """Titles, dates and column order for a batch of loaded rows (updates report reasons).
    ``dayfirst`` None: the day/month order is detected from this batch's dates."""
    df = pd.DataFrame(rows)
    for col in ("title", "date", "outlet"):
        if col not in df.columns:
            df[col] = None
    df["title"] = [t if isinstance(t, str) and t.strip() else _first_line_title(x) for t, x in zip(df["title"], df["text"])]
    dates, date_source = [], []
    urls = df["url"] if "url" in df.columns else [None] * len(df)
    for d, text, src, url in zip(df["date"], df["text"], df["source_path"], urls):
        if (isinstance(d, str) and d.strip()) or (d is not None and not isinstance(d, str) and not pd.isna(d)):
            dates.append(d)
            date_source.append("metadata")
            continue
        found = date_from_text(text) if date_from_content else None
        named = {"url": date_from_name(url), "filename": None if "#row" in str(src) else date_from_name(src)}
        how = "text" if found else next((k for k, v in named.items() if v), None)
        dates.append(found or named.get(how))
        date_source.append(how)
    order = detect_dayfirst(dates, dayfirst)
    df["date"] = parse_dates(dates, order.dayfirst)
    df["date_source"] = date_source
    bad = df["date"].isna() & pd.Series([d is not None for d in dates])
    if bad.any():
        by_source = {r["source"]: r for r in report}
        for src, value in zip(df.loc[bad, "source_path"], pd.Series(dates, dtype=object)[bad]):
            if src in by_source:
                _note(by_source[src], f"date {str(value)!r} in metadata could not be parsed (left empty)")
        df.loc[bad, "date_source"] = None
    front = ARTICLE_COLUMNS + ["encoding", "date_source"]
    return df[front + [c for c in df.columns if c not in front]].reset_index(drop=True)


def _unique(article_id: str, seen: set[str]) -> str:
    """A generated id that no loaded article has yet."""
    candidate, n = article_id, 1
    while candidate in seen:
        n += 1
        candidate = f"{article_id}_{n}"
    return candidate


def iter_corpus(
    path: str | os.PathLike,
    *,
    chunk_size: int = 1000,
    text_column: str = "text",
    id_column: str | None = None,
    recursive: bool = False,
    date_from_content: bool = True,
    dayfirst: bool | None = None,
) -> Iterator[pd.DataFrame]:
    """Stream a corpus in chunks of at most ``chunk_size`` articles (same columns as
    :func:`load_corpus`), for corpora too large to hold in memory. Each chunk's
    ``attrs["load_report"]`` holds the report rows read since the previous chunk;
    duplicates are detected across the whole stream. The last chunk may be empty
    (it then only carries report rows). The day/month order of the ``date`` column is
    ``dayfirst`` if given, else detected once for the whole column (see
    :mod:`arnews.dates`); ``attrs["date_order"]`` says which and why. A row without an id
    gets a generated one.

    >>> sum(len(c) for c in iter_corpus("data/articles", chunk_size=2))   # doctest: +SKIP
    5
    """
    p = Path(path)
    seen_text: dict[str, str] = {}
    seen_id: set[str] = set()
    rows: list[dict] = []
    report: list[dict] = []
    n_loaded = 0
    items = _iter_items(p, text_column, id_column, recursive)  # checks the path before the date scan
    first = next(items, None)
    order = detect_dayfirst(_date_values(p, recursive), dayfirst)
    date_order = f"{'day' if order.dayfirst else 'month'}-first ({order.evidence or 'no unambiguous date; the default'})"
    generated: set[str] = set()
    for row, rep in itertools.chain([first] if first else [], items):
        report.append(rep)
        if row is not None:
            if row.pop("_generated_id", False):
                row["article_id"] = rep["article_id"] = _unique(row["article_id"], seen_id)
                generated.add(row["article_id"])
            elif row["article_id"] in generated:  # a real id that an earlier row without one was given
                row["article_id"] = rep["article_id"] = _unique(row["article_id"], seen_id)
                _note(rep, f"id already generated for an earlier row; loaded as {row['article_id']!r}")
            key = content_key(row["text"])
            if key in seen_text:
                rep.update(status="skipped", reason=f"duplicate text of {seen_text[key]}", article_id=None)
            elif row["article_id"] in seen_id:
                rep.update(status="skipped", reason=f"duplicate article_id {row['article_id']!r}", article_id=None)
            else:
                seen_text[key] = row["source_path"]
                seen_id.add(row["article_id"])
                rows.append(row)
        if len(rows) >= chunk_size:
            df = _finalize(rows, report, date_from_content, order.dayfirst)
            df.attrs.update(load_report=report, date_order=date_order)
            n_loaded += len(df)
            yield df
            rows, report = [], []
    if not n_loaded and not rows:
        reasons = "; ".join(f"{Path(r['source']).name}: {r['reason']}" for r in report[:10]) or "no files"
        raise CorpusError(f"{p}: no articles could be loaded ({reasons})")
    if rows or report:
        df = _finalize(rows, report, date_from_content, order.dayfirst) if rows else pd.DataFrame(columns=ARTICLE_COLUMNS + ["encoding", "date_source"])
        df.attrs.update(load_report=report, date_order=date_order)
        yield df


def load_corpus(
    path: str | os.PathLike,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    recursive: bool = False,
    date_from_content: bool = True,
    dayfirst: bool | None = None,
) -> pd.DataFrame:
    """Load articles from a folder of ``.txt`` files or a CSV/TSV/JSONL/Parquet file.

    Returns one row per article with ``article_id, source_path, title, date, outlet,
    text`` (the text exactly as read), ``encoding``, ``date_source`` and any metadata
    columns. ``load_report(articles)`` lists every input with its status (``loaded``,
    ``skipped`` or ``missing``) and reason; a loaded input with something to say
    (damaged UTF-8, a generated id, an unreadable date) has it in ``reason``. Files in
    subfolders are listed but read only with ``recursive=True``. Dates are read with one
    day/month order for the whole column (``dayfirst``, else detected; see
    :mod:`arnews.dates`; ``attrs["date_order"]`` says which) and offsets converted to UTC.
    For corpora larger than memory use :func:`iter_corpus`.

    Raises :class:`CorpusError` when the path does not exist, cannot be read, or
    holds no loadable article.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("عنوان\\nقال بوتين.", encoding="utf-8")
    >>> _ = (d / "b.txt").write_bytes(b"")
    >>> df = load_corpus(d)
    >>> df[["article_id", "title"]].values.tolist()
    [['a', 'عنوان']]
    >>> load_report(df)[["status", "reason"]].values.tolist()
    [['loaded', ''], ['skipped', 'empty file']]
    """
    chunks, report = [], []
    date_order = None
    for c in iter_corpus(path, chunk_size=1 << 30, text_column=text_column, id_column=id_column, recursive=recursive,
                         date_from_content=date_from_content, dayfirst=dayfirst):
        report += c.attrs["load_report"]
        date_order = c.attrs.get("date_order")
        c.attrs = {}
        chunks.append(c)
    df = pd.concat([c for c in chunks if len(c)], ignore_index=True)
    # Plain records, not a DataFrame: pandas compares attrs when combining frames.
    df.attrs["load_report"] = report
    df.attrs["corpus_path"] = str(path)
    df.attrs["date_order"] = date_order
    return df


def load_report(articles: pd.DataFrame) -> pd.DataFrame:
    """The load report of a corpus returned by :func:`load_corpus` (source, status, reason, encoding).

    >>> load_report(pd.DataFrame()).columns.tolist()
    ['source', 'status', 'reason', 'encoding', 'article_id']
    """
    cols = ["source", "status", "reason", "encoding", "article_id"]
    rep = articles.attrs.get("load_report")
    if rep is None:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame(list(rep), columns=cols)
