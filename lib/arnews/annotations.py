"""The tidy tables of an annotated corpus, as returned by :func:`arnews.annotate`.

>>> ann = Annotations({"articles": pd.DataFrame({"article_id": ["a"]})})
>>> ann.summary()
{'articles': 1}
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

__all__ = ["Annotations"]


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
        from .store import begin_run, commit_run

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
