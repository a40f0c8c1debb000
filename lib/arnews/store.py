"""Output folders that are owned, atomic and checked.

A run never writes into its output folder directly. :func:`begin_run` checks the path
(never the input, never inside it or around it, never a file or under a file), takes a
lock beside the folder (a second run into the same folder fails at once with a clear
message) and gives a fresh temporary folder next to the target; the run writes its tables
there. :func:`commit_run` writes the load report and ``manifest.json`` (corpus fingerprint,
stages, version, rows per table) and swaps the folder in; a run that fails or is killed
leaves the previous output as it was. :func:`check_manifest` (called by
:func:`arnews.pipeline.read_annotations`) refuses a folder whose tables are not those of
the one run its manifest records.

Example
-------
>>> import tempfile, pathlib, pandas as pd
>>> out = pathlib.Path(tempfile.mkdtemp()) / "ann"
>>> with begin_run(out) as run:
...     pd.DataFrame({"article_id": ["a"], "text": ["نص"]}).to_parquet(run.path / "articles.parquet")
...     manifest = commit_run(run, stages=["clean"])
>>> manifest["tables"]
{'articles': 1}
>>> check_manifest(out)["stages"]
['clean']
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import hashlib
import json
import os
import re
import shutil
import time
import uuid
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator

import pandas as pd

from . import __version__

__all__ = ["StoreError", "Run", "begin_run", "commit_run", "abort_run", "check_manifest", "check_output_path",
           "MANIFEST", "REPORT_COLUMNS"]

MANIFEST = "manifest.json"
FORMAT = "arnews-annotations/1"
REPORT_COLUMNS = ["source", "status", "reason", "encoding", "article_id"]


# the hidden lock, temporary and set-aside folders of runs into a folder's subfolders
_RUN_LEFTOVER_RE = re.compile(r"^\..+\.(?:lock|tmp-.+|old-.+)$")


class StoreError(ValueError):
    """An output folder that cannot be used or read; the message names it and the problem."""


# ---------------------------------------------------------------------------
# Path checks
# ---------------------------------------------------------------------------


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output_path(out: str | os.PathLike, inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """The resolved output folder, or :class:`StoreError` when it is unusable: an existing
    file, a path under a file, the input itself, a folder holding the input, or a folder
    inside an input folder.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "corpus.csv").write_text("text\\nنص\\n")
    >>> check_output_path(d, [d / "corpus.csv"])
    Traceback (most recent call last):
    ...
    arnews.store.StoreError: ...: output folder contains the input .../corpus.csv; choose a folder outside it
    """
    target = Path(out).expanduser().resolve()
    for inp in inputs:
        src = Path(inp).expanduser().resolve()
        if target == src:
            raise StoreError(f"{out}: output folder is the input {inp}; choose another folder")
        if _inside(src, target):
            raise StoreError(f"{out}: output folder contains the input {inp}; choose a folder outside it")
        if src.is_dir() and _inside(target, src):
            raise StoreError(f"{out}: output folder is inside the input folder {inp}; choose a folder outside it")
    if target.is_file():
        raise StoreError(f"{out}: output path is an existing file; --out needs a folder")
    for parent in target.parents:
        if parent.exists() and not parent.is_dir():
            raise StoreError(f"{out}: output path is under a file ({parent}); --out needs a folder")
    return target


def _output_tables() -> set[str]:
    """The names of the tables an arnews run writes (``<name>.parquet``)."""
    from .stages import all_stages

    return {"articles", "load_report", *(t for s in all_stages() for t in s.tables)}


def _check_replaceable(target: Path) -> None:
    """Only an arnews output folder (or an empty one) may be replaced by a run: one with a
    manifest, or, written before manifests, only tables an arnews run writes, ``articles``
    and at least one other among them. A folder of one's own Parquet files is never one."""
    if not target.exists():
        return
    entries = [e for e in target.iterdir() if not _RUN_LEFTOVER_RE.match(e.name)]
    if (target / MANIFEST).exists() or not entries:
        return
    known = _output_tables()
    stems = {e.stem for e in entries}
    if all(e.suffix == ".parquet" and e.stem in known for e in entries) and "articles" in stems and len(stems) > 1:
        return
    names = ", ".join(sorted(e.name for e in entries)[:5])
    raise StoreError(f"{target}: folder holds files that are not arnews output ({names}; no {MANIFEST}); "
                     f"choose a new or empty folder for --out")


# ---------------------------------------------------------------------------
# Lock
# ---------------------------------------------------------------------------


class _Lock:
    """An exclusive ``flock`` on ``<parent>/.<name>.lock``: released when the process ends,
    so a killed run never leaves a stale lock."""

    def __init__(self, path: Path, target: Path):
        self.path = path
        self._file: IO[str] | None = None
        for _ in range(10):
            self._file = self._try_lock(target)
            # the holder before us may have removed the file after we opened it: lock the one on disk
            if path.exists() and os.stat(path).st_ino == os.fstat(self._file.fileno()).st_ino:
                break
            self._file.close()
        else:  # pragma: no cover - ten runs finishing in turn while we try
            raise StoreError(f"{target}: could not lock the output folder; try again")
        self._file.seek(0)
        self._file.truncate()
        self._file.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}")
        self._file.flush()

    def _try_lock(self, target: Path) -> IO[str]:
        import fcntl

        f = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            f.seek(0)
            holder = f.read().strip() or "another process"
            f.close()
            if e.errno in (errno.EAGAIN, errno.EACCES):
                raise StoreError(f"{target}: another arnews run is writing to this folder ({holder}); "
                                 f"wait for it to finish or choose another --out") from None
            raise
        return f

    def release(self) -> None:
        if self._file is not None:
            self.path.unlink(missing_ok=True)  # while still locked; a waiting opener re-checks the inode
            self._file.close()  # closing the file drops the flock
            self._file = None


# ---------------------------------------------------------------------------
# Runs
# ---------------------------------------------------------------------------


@dataclass
class Run:
    """A run in progress: write tables into ``path``; :func:`commit_run` swaps it in as ``target``."""

    target: Path
    path: Path
    lock: _Lock
    source: str | None = None
    _hash: "hashlib._Hash" = field(default_factory=hashlib.sha256)
    _n_articles: int = 0
    done: bool = False

    def fingerprint(self, chunks: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        """Pass article chunks through, hashing their ids and texts (the corpus fingerprint)."""
        for chunk in chunks:
            self.add_articles(chunk)
            yield chunk

    def add_articles(self, articles: pd.DataFrame) -> None:
        for aid, text in zip(articles["article_id"], articles["text"]):
            self._hash.update(f"{aid}\0{text}\1".encode("utf-8", "surrogatepass"))
        self._n_articles += len(articles)

    def fingerprint_files(self, source: str | os.PathLike) -> None:
        """Hash the names, sizes and modification times of a corpus's files (for sources the
        parent never reads, such as a Parquet dataset read by Dask workers)."""
        src = Path(source)
        files = sorted(f for f in src.rglob("*") if f.is_file()) if src.is_dir() else [src]
        for f in files:
            st = f.stat()
            self._hash.update(f"{f.relative_to(src) if src.is_dir() else f.name}\0{st.st_size}\0{st.st_mtime_ns}\1".encode())

    def __enter__(self) -> "Run":
        return self

    def __exit__(self, *exc) -> None:
        abort_run(self)


def _hidden(target: Path, kind: str) -> str:
    return f".{target.name}.{kind}"


def begin_run(out: str | os.PathLike, inputs: Iterable[str | os.PathLike] = ()) -> Run:
    """Check ``out`` (see :func:`check_output_path`), lock it and create the temporary folder
    the run writes into (beside ``out``, so the final swap is a rename). Leftovers of killed
    runs are cleared. Use as a context manager, or call :func:`abort_run` on failure."""
    from .corpus import CorpusError

    inputs = [i for i in inputs if i is not None]
    for inp in inputs:
        if not Path(inp).exists():
            raise CorpusError(f"{inp}: corpus path does not exist")
    target = check_output_path(out, inputs)
    _check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = _Lock(target.parent / (_hidden(target, "lock")), target)
    try:
        _recover(target)
        tmp = target.parent / f"{_hidden(target, 'tmp')}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        tmp.mkdir()
    except BaseException:
        lock.release()
        raise
    return Run(target, tmp, lock, source=str(Path(inputs[0]).resolve()) if inputs else None)


def _recover(target: Path) -> None:
    """Under the lock: remove temporary folders of killed runs; put back a previous output
    left aside by a swap that was interrupted."""
    for old in sorted(target.parent.glob(_hidden(target, "old") + "-*")):
        if not target.exists():
            old.rename(target)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for tmp in target.parent.glob(_hidden(target, "tmp") + "-*"):
        shutil.rmtree(tmp, ignore_errors=True)


def abort_run(run: Run) -> None:
    """Drop the temporary folder of an unfinished run and release the lock (no-op after a commit)."""
    if not run.done:
        shutil.rmtree(run.path, ignore_errors=True)
    run.lock.release()


def _table_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    files = sorted(path.glob("*.parquet")) if path.is_dir() else [path]
    return sum(pq.read_metadata(f).num_rows for f in files)


def _tables(folder: Path) -> dict[str, int]:
    return {p.stem: _table_rows(p) for p in sorted(folder.glob("*.parquet")) if p.stem != "load_report"}


def commit_run(run: Run, *, stages: Iterable[str] | None = None, report: list[dict] | pd.DataFrame | None = None,
               fingerprint: str | None = None, settings: dict | None = None) -> dict:
    """Finish a run: write ``load_report.parquet`` (with cleaning flags from the articles
    table, see :func:`arnews.clean.flag_load_report`), ``manifest.json`` (with ``settings``,
    e.g. ``{"dedupe": {...}}``, when given) and swap the folder in place of the target.
    Returns the manifest."""
    if report is not None:
        rep = report if isinstance(report, pd.DataFrame) else pd.DataFrame(report, columns=REPORT_COLUMNS)
        rep = _flag_cleaning(rep, run.path / "articles.parquet")
        rep.to_parquet(run.path / "load_report.parquet", index=False)
    manifest = {
        "format": FORMAT,
        "arnews_version": __version__,
        "pipeline_version": _pipeline_version(stages),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "corpus": {"source": run.source, "fingerprint": fingerprint or run._hash.hexdigest(), "articles_seen": run._n_articles},
        "stages": list(stages) if stages is not None else None,
        "tables": _tables(run.path),
        "load_report": _table_rows(run.path / "load_report.parquet") if (run.path / "load_report.parquet").exists() else None,
    }
    manifest.update(settings or {})
    (run.path / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    _swap(run.path, run.target)
    run.done = True
    run.lock.release()
    return manifest


def _pipeline_version(stages: Iterable[str] | None) -> str:
    """One hash of the package version and the versions of the stages that ran (their source
    and data files, see :mod:`arnews.stages`)."""
    from .stages import available_stages, order_stages, stage_version

    h = hashlib.sha1(__version__.encode())
    for s in order_stages(list(stages) if stages is not None else available_stages()):
        h.update(f"\0{s.name}={stage_version(s)}".encode())
    return h.hexdigest()[:16]


def _flag_cleaning(rep: pd.DataFrame, articles: Path) -> pd.DataFrame:
    if not articles.exists():
        return rep
    import pyarrow.parquet as pq

    from .clean import flag_load_report

    names = pq.ParquetDataset(articles).schema.names
    if "clean_warning" not in names:
        return rep
    return flag_load_report(rep, pd.read_parquet(articles, columns=["article_id", "clean_warning"]))


def _renameat2_exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    return fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _swap(tmp: Path, target: Path) -> None:
    """Put ``tmp`` in place of ``target``: one atomic exchange where the system has it, else
    two renames (a swap interrupted between them is repaired by the next :func:`begin_run`)."""
    if not target.exists():
        tmp.rename(target)
        return
    if _renameat2_exchange(tmp, target):
        shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the previous output
        return
    old = target.parent / f"{_hidden(target, 'old')}-{uuid.uuid4().hex[:8]}"
    target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def check_manifest(folder: str | os.PathLike) -> dict | None:
    """The manifest of an output folder, after checking that the folder holds exactly the
    tables of that run with the recorded row counts; :class:`StoreError` otherwise. A folder
    without a manifest (written by an older arnews) gives a warning and None."""
    p = Path(folder)
    mf = p / MANIFEST
    if not mf.exists():
        warnings.warn(f"{p}: no {MANIFEST} (written by an older arnews or by hand); cannot check that its "
                      f"tables come from one run. Annotate again to get one.", stacklevel=2)
        return None
    try:
        manifest = json.loads(mf.read_text(encoding="utf-8"))
        recorded = dict(manifest["tables"])
    except (ValueError, KeyError, TypeError) as e:
        raise StoreError(f"{mf}: unreadable manifest ({e}); annotate again") from e
    found = _tables(p)
    extra = sorted(set(found) - set(recorded))
    missing = sorted(set(recorded) - set(found))
    if extra:
        raise StoreError(f"{p}: {', '.join(n + '.parquet' for n in extra)} not part of the run recorded in {MANIFEST} "
                         f"(stages {manifest.get('stages')}): left from another run or added by hand; annotate again")
    if missing:
        raise StoreError(f"{p}: {', '.join(n + '.parquet' for n in missing)} missing although {MANIFEST} lists it; annotate again")
    changed = [f"{n}.parquet has {found[n]} rows, the manifest says {recorded[n]}" for n in recorded if found[n] != recorded[n]]
    if changed:
        raise StoreError(f"{p}: tables changed after the run ({'; '.join(changed)}); annotate again")
    return manifest
