"""Load a corpus of Arabic news articles into a tidy DataFrame (one row per article).

Accepted inputs
---------------
* a folder of ``.txt`` files, with an optional ``metadata.csv`` sidecar whose ``file``
  column names the text files (other columns such as ``title``, ``date``, ``outlet``
  are merged in);
* a single CSV, TSV, JSONL/NDJSON or Parquet file with one article per row and a text
  column (``text`` by default, configurable).

Nothing is dropped silently: the load report (``articles.attrs["load_report"]`` or
:func:`load_report`) lists every input file or row with its status and, for skipped
inputs, the reason (empty, binary, undecodable, duplicate of …).

Example
-------
>>> from arnews.corpus import load_corpus, load_report
>>> articles = load_corpus("data/articles")            # doctest: +SKIP
>>> articles[["article_id", "title", "date", "encoding"]]  # doctest: +SKIP
>>> load_report(articles).query("status == 'skipped'")  # doctest: +SKIP
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pandas as pd

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
# Decoding
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DecodeResult:
    text: str | None
    encoding: str | None
    problem: str | None = None  # reason when text is None


_ARABIC_RE = re.compile(r"[\u0600-\u06FF]")
_BAD_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    bad = len(_BAD_CONTROL_RE.findall(text))
    return bad / len(text) < 0.01


_CORE_ARABIC_RE = re.compile(r"[\u0621-\u064A]")


def _plausible_arabic(text: str) -> bool:
    """Windows-1256 maps every byte to something, so check the result reads like Arabic:
    mostly core Arabic letters (not the Persian/Urdu extras the upper range holds) and
    word spaces."""
    letters = sum(ch.isalpha() for ch in text)
    if not letters:
        return False
    arabic = len(_ARABIC_RE.findall(text))
    core = len(_CORE_ARABIC_RE.findall(text))
    spaces = sum(ch.isspace() for ch in text)
    # Accented Latin letters inside Arabic words mean a different Arabic code page was
    # read as Windows-1256 (e.g. ISO-8859-6 bytes decode to "بèتêو").
    accented = sum("\u00c0" <= ch <= "\u00ff" for ch in text)
    return (
        arabic / letters > 0.5
        and core / max(arabic, 1) > 0.8
        and spaces / len(text) > 0.03
        and accented / letters < 0.02
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its NUL pattern (ASCII/Arabic code units)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nul = data[0::2].count(0) / (len(data) / 2)
    odd_nul = data[1::2].count(0) / (len(data) / 2)
    for enc, ok in (("utf-16-le", odd_nul > 0.2 and even_nul < 0.05), ("utf-16-be", even_nul > 0.2 and odd_nul < 0.05)):
        if ok:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    # Arabic in UTF-16-LE: high bytes 0x06 on odd positions
    if data[1::2].count(6) / (len(data) / 2) > 0.3:
        try:
            return data.decode("utf-16-le")
        except UnicodeDecodeError:
            return None
    if data[0::2].count(6) / (len(data) / 2) > 0.3:
        try:
            return data.decode("utf-16-be")
        except UnicodeDecodeError:
            return None
    return None


def decode_bytes(data: bytes) -> DecodeResult:
    """Detect the encoding of raw bytes and decode them.

    Handles UTF-8 (with or without BOM), UTF-16 (with BOM, or recognised by its byte
    pattern) and Windows-1256, the common legacy Arabic code page; other Arabic code
    pages are tried with ``charset_normalizer`` and kept only if the result reads as
    Arabic. Binary data and bytes that decode to no
    plausible text are reported, not guessed.

    >>> decode_bytes("قال بوتين إن العلاقات قوية".encode("cp1256")).encoding
    'windows-1256'
    >>> decode_bytes(b"\\x00\\x01\\x02\\xff" * 10).problem
    'binary file (NUL bytes)'
    """
    if not data:
        return DecodeResult(None, None, "empty file")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return DecodeResult(data[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as e:
            return DecodeResult(None, None, f"invalid UTF-8 after a UTF-8 BOM at byte {e.start + 3}")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return DecodeResult(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as e:
            return DecodeResult(None, None, f"invalid UTF-16 at byte {e.start}")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None and _looks_like_text(utf16):
        return DecodeResult(utf16, "utf-16")
    if b"\x00" in data:
        return DecodeResult(None, None, "binary file (NUL bytes)")
    try:
        text = data.decode("utf-8")
        if _looks_like_text(text):
            return DecodeResult(text, "utf-8")
        return DecodeResult(None, None, "binary file (control bytes)")
    except UnicodeDecodeError:
        pass
    # Windows-1256 decodes almost any byte string, so require plausible Arabic text.
    try:
        text = data.decode("cp1256")
        if _looks_like_text(text) and _plausible_arabic(text):
            return DecodeResult(text, "windows-1256")
    except UnicodeDecodeError:
        pass
    if not _looks_like_text(data.decode("latin-1")):
        return DecodeResult(None, None, "binary file (control bytes)")
    try:
        from charset_normalizer import from_bytes

        # Other Arabic code pages (ISO-8859-6, CP720, Mac Arabic); a guess is kept only if
        # it reads like Arabic, otherwise the file is reported rather than mis-decoded.
        best = from_bytes(data).best()
        if best is not None and best.encoding:
            text = str(best)
            if _looks_like_text(text) and _plausible_arabic(text):
                return DecodeResult(text, best.encoding)
    except Exception:  # pragma: no cover - detector failure falls through to the report
        pass
    return DecodeResult(None, None, "undecodable: not UTF-8, UTF-16 or Windows-1256 text")


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


def _content_key(text: str) -> str:
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


def _iter_folder(folder: Path, recursive: bool) -> Iterator[Item]:
    meta, meta_path = _read_metadata(folder)
    pattern = "**/*" if recursive else "*"
    files = sorted(p for p in folder.glob(pattern) if p.is_file())
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
        yield row, _report_row(str(p), "loaded", "", res.encoding, row["article_id"])
    if meta is not None:
        listed = set(meta["file"])
        present = {p.relative_to(folder).as_posix() for p in files} | {p.name for p in files}
        for f in sorted(listed - present):
            yield None, _report_row(str(folder / f), "missing", "listed in metadata but no such file")


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
            if text is None or (isinstance(text, float) and pd.isna(text)) or not str(text).strip():
                yield None, _report_row(src, "skipped", f"row {i}: empty text")
                continue
            aid = str(rec.pop(id_column)) if id_column else str(rec.pop("article_id", "") or f"{path.stem}_{i:06d}")
            row = {"article_id": aid, "source_path": src, "text": str(text), "encoding": "table"}
            row.update({k: v for k, v in rec.items() if not (isinstance(v, float) and pd.isna(v))})
            yield row, _report_row(src, "loaded", "", "table", aid)


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
        yield {"article_id": p.stem, "source_path": str(p), "text": res.text, "encoding": res.encoding}, _report_row(str(p), "loaded", "", res.encoding, p.stem)
    else:
        raise CorpusError(
            f"{p}: unsupported corpus file type {p.suffix or '(none)'}; use a folder of .txt files "
            f"or a .csv/.tsv/.jsonl/.parquet file"
        )


def _finalize(rows: list[dict], report: list[dict], date_from_content: bool) -> pd.DataFrame:
    """Titles, dates and column order for a batch of loaded rows (updates report reasons)."""
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
    df["date"] = pd.to_datetime(pd.Series(dates, dtype=object), errors="coerce", format="mixed")
    df["date_source"] = date_source
    bad = df["date"].isna() & pd.Series([d is not None for d in dates])
    if bad.any():
        by_source = {r["source"]: r for r in report}
        for src in df.loc[bad, "source_path"]:
            if src in by_source:
                by_source[src]["reason"] = "loaded; date in metadata could not be parsed"
        df.loc[bad, "date_source"] = None
    front = ARTICLE_COLUMNS + ["encoding", "date_source"]
    return df[front + [c for c in df.columns if c not in front]].reset_index(drop=True)


def iter_corpus(
    path: str | os.PathLike,
    *,
    chunk_size: int = 1000,
    text_column: str = "text",
    id_column: str | None = None,
    recursive: bool = False,
    date_from_content: bool = True,
) -> Iterator[pd.DataFrame]:
    """Stream a corpus in chunks of at most ``chunk_size`` articles (same columns as
    :func:`load_corpus`), for corpora too large to hold in memory. Each chunk's
    ``attrs["load_report"]`` holds the report rows read since the previous chunk;
    duplicates are detected across the whole stream. The last chunk may be empty
    (it then only carries report rows).

    >>> sum(len(c) for c in iter_corpus("data/articles", chunk_size=2))   # doctest: +SKIP
    5
    """
    p = Path(path)
    seen_text: dict[str, str] = {}
    seen_id: set[str] = set()
    rows: list[dict] = []
    report: list[dict] = []
    n_loaded = 0
    for row, rep in _iter_items(p, text_column, id_column, recursive):
        report.append(rep)
        if row is not None:
            key = _content_key(row["text"])
            if key in seen_text:
                rep.update(status="skipped", reason=f"duplicate text of {seen_text[key]}", article_id=None)
            elif row["article_id"] in seen_id:
                rep.update(status="skipped", reason=f"duplicate article_id {row['article_id']!r}", article_id=None)
            else:
                seen_text[key] = row["source_path"]
                seen_id.add(row["article_id"])
                rows.append(row)
        if len(rows) >= chunk_size:
            df = _finalize(rows, report, date_from_content)
            df.attrs["load_report"] = report
            n_loaded += len(df)
            yield df
            rows, report = [], []
    if not n_loaded and not rows:
        reasons = "; ".join(f"{Path(r['source']).name}: {r['reason']}" for r in report[:10]) or "no files"
        raise CorpusError(f"{p}: no articles could be loaded ({reasons})")
    if rows or report:
        df = _finalize(rows, report, date_from_content) if rows else pd.DataFrame(columns=ARTICLE_COLUMNS + ["encoding", "date_source"])
        df.attrs["load_report"] = report
        yield df


def load_corpus(
    path: str | os.PathLike,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    recursive: bool = False,
    date_from_content: bool = True,
) -> pd.DataFrame:
    """Load articles from a folder of ``.txt`` files or a CSV/TSV/JSONL/Parquet file.

    Returns one row per article with ``article_id, source_path, title, date, outlet,
    text`` (the text exactly as read), ``encoding``, ``date_source`` and any metadata
    columns. ``load_report(articles)`` lists every input with its status (``loaded``,
    ``skipped`` or ``missing``) and reason. For corpora larger than memory use
    :func:`iter_corpus`.

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
    for c in iter_corpus(path, chunk_size=1 << 30, text_column=text_column, id_column=id_column, recursive=recursive, date_from_content=date_from_content):
        report += c.attrs["load_report"]
        c.attrs = {}
        chunks.append(c)
    df = pd.concat([c for c in chunks if len(c)], ignore_index=True)
    # Plain records, not a DataFrame: pandas compares attrs when combining frames.
    df.attrs["load_report"] = report
    df.attrs["corpus_path"] = str(path)
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
