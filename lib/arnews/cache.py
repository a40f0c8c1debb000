"""The annotation cache: one verified entry per chunk of articles and stage.

An entry is a folder ``<cache>/<stage>-<key>/`` holding the tables the stage produced for
the chunk (``<table>.parquet``) and a ``manifest.json`` listing each table file with its
size, row count and BLAKE2 checksum. The key (:func:`arnews.stages.stage_keys`) covers the
chunk's articles, the stage's version (its source, data files and environment) and the keys
of its upstream stages.

An entry is used only when its manifest is present and every file matches it. A damaged or
incomplete entry (a table file missing, truncated or altered; no manifest) is recomputed and
**replaced**, with a logged warning. Entries are written into a temporary folder and
renamed into place, so a killed run never leaves a half-written entry under a valid name.

>>> e = CacheEntry(Path("/tmp/arnews-cache-doc"), "text", "0123")
>>> e.path.name
'text-0123'
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

__all__ = ["CacheEntry", "content_key", "MANIFEST", "CacheDamaged"]

log = logging.getLogger("arnews.cache")
MANIFEST = "manifest.json"
_FORMAT = 2


class CacheDamaged(Exception):
    """A cache entry whose files do not match its manifest (the message says which)."""


def content_key(articles: pd.DataFrame) -> str:
    """A hash of a chunk of articles: ids, texts and metadata columns."""
    h = hashlib.sha1()
    for aid, text in zip(articles["article_id"], articles["text"]):
        h.update(str(aid).encode())
        h.update(b"\0")
        h.update(str(text).encode("utf-8"))
        h.update(b"\1")
    meta_cols = [c for c in articles.columns if c != "text"]
    h.update(pd.util.hash_pandas_object(articles[meta_cols].astype(str), index=False).values.tobytes())
    return h.hexdigest()[:24]


def _checksum(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _to_parquet(df: pd.DataFrame, path: Path) -> None:
    df = df.copy(deep=False)
    df.attrs = {}
    df.to_parquet(path, index=False)


@dataclass(frozen=True)
class CacheEntry:
    """One stage's tables for one chunk, under ``root/<stage>-<key>``."""

    root: Path
    stage: str
    key: str

    @property
    def path(self) -> Path:
        return Path(self.root) / f"{self.stage}-{self.key}"

    def exists(self) -> bool:
        return self.path.exists()

    def verify(self) -> dict:
        """The manifest when every file matches it; raises :class:`CacheDamaged` otherwise."""
        mf = self.path / MANIFEST
        if not mf.exists():
            raise CacheDamaged(f"{self.path}: no {MANIFEST} (incomplete entry)")
        try:
            manifest = json.loads(mf.read_text(encoding="utf-8"))
            tables = manifest["tables"]
        except (ValueError, KeyError, TypeError) as e:
            raise CacheDamaged(f"{mf}: unreadable manifest ({e})") from None
        for name, info in tables.items():
            f = self.path / info["file"]
            if not f.exists():
                raise CacheDamaged(f"{self.path}: table file {info['file']} is missing")
            if f.stat().st_size != info["bytes"]:
                raise CacheDamaged(f"{f}: {f.stat().st_size} bytes, the manifest says {info['bytes']} (truncated?)")
            if _checksum(f) != info["blake2b"]:
                raise CacheDamaged(f"{f}: checksum differs from the manifest")
        return manifest

    def load(self) -> dict[str, pd.DataFrame] | None:
        """The cached tables, or None when there is no entry or it is damaged (then a
        warning is logged and the entry will be replaced by :meth:`save`)."""
        if not self.exists():
            return None
        try:
            manifest = self.verify()
            out = {name: pd.read_parquet(self.path / info["file"]) for name, info in manifest["tables"].items()}
        except CacheDamaged as e:
            log.warning("arnews cache: damaged entry, recomputing and replacing it: %s", e)
            return None
        except Exception as e:  # unreadable Parquet despite a matching checksum
            log.warning("arnews cache: unreadable entry %s (%s), recomputing and replacing it", self.path, e)
            return None
        for name, info in manifest["tables"].items():
            if len(out[name]) != info["rows"]:
                log.warning("arnews cache: %s has %d rows, the manifest says %d; recomputing", self.path / info["file"],
                            len(out[name]), info["rows"])
                return None
        return out

    def save(self, tables: dict[str, pd.DataFrame]) -> None:
        """Write the tables and their manifest atomically; a damaged entry of the same key is
        replaced, a valid one (written meanwhile by another worker) kept."""
        tmp = self.path.with_name(self.path.name + f".tmp{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True, exist_ok=True)
        entries = {}
        for name, df in tables.items():
            f = tmp / f"{name}.parquet"
            _to_parquet(df, f)
            entries[name] = {"file": f.name, "rows": int(len(df)), "bytes": f.stat().st_size, "blake2b": _checksum(f)}
        manifest = {"format": _FORMAT, "stage": self.stage, "key": self.key, "tables": entries}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        if self.exists():
            try:
                self.verify()
                shutil.rmtree(tmp, ignore_errors=True)  # a valid entry is already there
                return
            except CacheDamaged:
                old = self.path.with_name(self.path.name + f".old{os.getpid()}")
                try:
                    self.path.rename(old)
                except OSError:
                    pass
                shutil.rmtree(old, ignore_errors=True)
        try:
            tmp.rename(self.path)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
