"""One contract for every notebook: typed parameters, the annotation folder, bounded tables.

Each notebook's first code cell (after the ``parameters`` cell) is::

    from arnews import notebook
    nb = notebook.setup(globals(), "01_frequency")

:func:`setup` does the same thing in JupyterLab and in ``python -m arnews report``:

* **Parameters** are parsed and typed the same way everywhere (papermill ``-p`` and the
  report pass strings): every name in :data:`PARAMETERS` found in the notebook's globals is
  replaced by its typed value (``"2,3"`` → ``[2, 3]``, ``"false"`` → ``False``,
  ``"year"``/``"Y"`` → ``"Y"``, ``"RUS,CHN"`` → ``("RUS", "CHN")``); an unusable value
  raises a :class:`ParameterError` naming the parameter.
* **Annotations**: the report annotates the corpus once (streamed, all cores) and passes
  the folder as ``annotations``; in JupyterLab (``annotations = ""``) the corpus is
  annotated into ``<output_dir>/annotations`` (cached, so the second time is quick).
  Tables are read column by column and in batches (:class:`arnews.tables.AnnotationFolder`).
* **Outputs** (full tables, graph files) go only under ``output_dir`` (the report's ``--out``;
  default ``reports/`` next to the notebooks, which git ignores), never elsewhere in the
  repository.
* **Bounded pages**: :meth:`Notebook.table` shows at most ``rows`` rows of a table as an
  interactive, searchable table (itables, also in JupyterLab), states the total, and writes
  the full table beside the report as CSV (``tables/<notebook>/<name>.csv``), linked from
  the page.

Example
-------
>>> nb = setup({"corpus": "data/articles", "top_n": "5"}, "demo")   # doctest: +SKIP
>>> nb.table(df, "frequencies", caption="Most frequent terms")      # doctest: +SKIP
"""
from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from .resources import default_workers  # noqa: F401  (the notebooks' default, re-exported)

from .tables import AnnotationFolder

__all__ = ["PARAMETERS", "ParameterError", "Notebook", "setup", "parse_parameters", "as_list", "as_bool", "as_period", "as_pair"]

REPO = Path(__file__).resolve().parents[2]
DEFAULT_ROWS = 20
MAX_ROWS = 200


class ParameterError(ValueError):
    """A notebook parameter that cannot be used (the message names it)."""


def as_list(v: Any) -> list[str]:
    """One value, a comma-separated string or a list → a list of strings.

    >>> as_list("الصين, روسيا"), as_list(["a"]), as_list("")
    (['الصين', 'روسيا'], ['a'], [])
    """
    if v is None:
        return []
    if isinstance(v, str):
        return [x.strip() for x in v.strip("[]").replace('"', "").replace("'", "").split(",") if x.strip()]
    return [str(x) for x in v]


def as_bool(v: Any) -> bool:
    """``True``/``"true"``/``"1"``/``"yes"`` → True; ``"false"``, ``"0"``, ``"no"``, ``""`` → False.

    >>> as_bool("False"), as_bool(1), as_bool("yes")
    (False, True, True)
    """
    if isinstance(v, bool):
        return v
    s = str(v).strip().lower()
    if s in ("true", "1", "yes", "on"):
        return True
    if s in ("false", "0", "no", "off", "", "none"):
        return False
    raise ValueError(f"not a yes/no value: {v!r}")


_PERIODS = {"year": "Y", "y": "Y", "quarter": "Q", "q": "Q", "month": "M", "m": "M"}
PERIOD_NAMES = {"Y": "year", "Q": "quarter", "M": "month"}


def as_period(v: Any) -> str:
    """``"year"``/``"Y"`` → ``"Y"`` (also quarter/Q, month/M).

    >>> as_period("year"), as_period("M")
    ('Y', 'M')
    """
    p = _PERIODS.get(str(v).strip().lower())
    if p is None:
        raise ValueError(f"period must be year, quarter or month (or Y, Q, M), not {v!r}")
    return p


def as_pair(v: Any) -> tuple[str, str]:
    """Two ids as a tuple: ``"RUS,CHN"``, ``["RUS", "CHN"]`` or ``("RUS", "CHN")``.

    >>> as_pair("RUS, CHN")
    ('RUS', 'CHN')
    """
    items = as_list(v)
    if len(items) != 2:
        raise ValueError(f"a pair is two ids, such as RUS,CHN; got {v!r}")
    return items[0], items[1]


def _int_list(v: Any) -> list[int]:
    return [int(x) for x in as_list(v)]


def _opt_str(v: Any) -> str | None:
    return None if v is None or str(v).strip() in ("", "None") else str(v)


# Every notebook parameter, with the function that types it. The same name means the same
# thing in every notebook.
PARAMETERS: dict[str, Callable[[Any], Any]] = {
    "corpus": str, "annotations": str, "output_dir": str, "text_column": str, "id_column": _opt_str,
    "form": str, "stopwords": as_bool, "top_n": int, "min_count": int, "ngram_sizes": _int_list,
    "period": as_period, "trend_terms": as_list, "trend_actors": as_list, "keyness_article": str,
    "kwic_term": str, "kwic_window": int, "kwic_sort": str, "dispersion_terms": as_list,
    "reference_size": float, "label_lang": str, "context": str, "window": int, "level": str,
    "measure": str, "top_k": int, "collocate_targets": as_list, "extra_terms": as_list,
    "collocate_window": int, "collocate_measure": str, "collocate_min_count": int, "pair": as_pair,
    "min_sentences": int, "top_evidence": int, "run_evaluation": as_bool, "graph_file": str,
    "table_rows": int, "plot_articles": int, "near_threshold": float,
    # stance validation (04_validate, 03_stance)
    "labels": _opt_str, "model": _opt_str, "n_sample": int, "strategy": str, "seed": int, "n_boot": int,
    "retrain": as_bool,
}
CHOICES = {
    "form": ("norm", "lemma", "surface"), "kwic_sort": ("right", "left", "position"), "label_lang": ("ar", "en"),
    "context": ("sentence", "paragraph", "article", "window"), "measure": ("count", "pmi", "npmi", "log_dice", "g2"),
    "collocate_measure": ("count", "pmi", "npmi", "log_dice", "g2"),
    "strategy": ("random", "stratified", "uncertain"),
}


def parse_parameters(values: dict[str, Any]) -> dict[str, Any]:
    """Type the known parameters of ``values`` (others are left out of the result).

    >>> sorted(parse_parameters({"top_n": "5", "stopwords": "false", "period": "year", "x": 1}).items())
    [('period', 'Y'), ('stopwords', False), ('top_n', 5)]
    >>> parse_parameters({"form": "stem"})
    Traceback (most recent call last):
    ...
    arnews.notebook.ParameterError: parameter form='stem': must be one of ('norm', 'lemma', 'surface')
    """
    out = {}
    for name, conv in PARAMETERS.items():
        if name not in values:
            continue
        try:
            out[name] = conv(values[name])
        except (TypeError, ValueError) as e:
            raise ParameterError(f"parameter {name}={values[name]!r}: {e}") from None
        if name in CHOICES and out[name] not in CHOICES[name]:
            raise ParameterError(f"parameter {name}={values[name]!r}: must be one of {CHOICES[name]}")
    return out


@dataclass
class Notebook:
    """What a notebook works with: the annotation folder, its output folder, display helpers."""

    name: str
    corpus: str
    source: AnnotationFolder
    output_dir: Path
    rows: int = DEFAULT_ROWS
    written: list[Path] = field(default_factory=list)
    n_figures: int = 0

    # -- tables ----------------------------------------------------------------------------

    def has(self, table: str) -> bool:
        return self.source.has(table) and self.source.n_rows(table) > 0

    def read(self, table: str, columns: list[str] | None = None, **kw) -> pd.DataFrame:
        """Only the columns asked for (see :meth:`arnews.tables.AnnotationFolder.read`)."""
        return self.source.read(table, columns, **kw)

    def articles(self, columns: list[str] | None = None) -> pd.DataFrame:
        """The articles table without its text columns (unless asked for)."""
        cols = columns or [c for c in self.source.columns("articles") if c not in ("text", "clean_text", "removed", "flags")]
        return self.read("articles", cols)

    def tables_dir(self) -> Path:
        d = self.output_dir / "tables" / self.name
        d.mkdir(parents=True, exist_ok=True)
        return d

    def path(self, filename: str) -> Path:
        """A file under the output folder (for graphs and other downloads); a name that would
        lead out of it (``../x``, an absolute path) raises a :class:`ParameterError`."""
        p = (self.output_dir / filename).resolve()
        if not p.is_relative_to(self.output_dir.resolve()) or p == self.output_dir.resolve():
            raise ParameterError(f"{filename!r}: files are written under the output folder {self.output_dir}; "
                                 "give a file name or a path inside it")
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    def save(self, df: pd.DataFrame, name: str) -> Path:
        """Write a full table as ``tables/<notebook>/<name>.csv`` (UTF-8) and return its path."""
        p = self.tables_dir() / f"{_safe(name)}.csv"
        out = df.copy()
        out.attrs = {}
        out.to_csv(p, index=not isinstance(out.index, pd.RangeIndex), encoding="utf-8")
        self.written.append(p)
        return p

    def table(self, df: pd.DataFrame, name: str, caption: str = "", rows: int | None = None, *, sort: str | None = None) -> pd.DataFrame:
        """Show at most ``rows`` rows (default :attr:`rows`), say how many there are and link the
        full table, written beside the report. Returns the rows shown."""
        from IPython.display import Markdown, display

        rows = min(int(rows or self.rows), MAX_ROWS)
        path = self.save(df, name)
        shown = df.head(rows)
        link = path.relative_to(self.output_dir).as_posix()
        total = len(df)
        what = f"all {total:,} rows" if total <= rows else f"the first {rows:,} of {total:,} rows"
        display(Markdown(f"{html.escape(caption) + ': ' if caption else ''}showing {what}; "
                         f"full table: [{link}]({link})"))
        _show(shown, caption)
        return shown

    def say(self, text: str) -> None:
        """A sentence of Markdown (HTML in it is escaped in the exported page)."""
        from IPython.display import Markdown, display

        display(Markdown(text))

    def figure(self, fig, name: str | None = None, dpi: int = 300) -> None:
        """Display a Matplotlib figure once, write it beside the report for publication (a
        ``dpi`` PNG and an SVG under ``figures/<notebook>/``, linked under the plot) and free it."""
        import matplotlib.pyplot as plt
        from IPython.display import Markdown, display

        from .plots import save

        if fig is None:
            return
        if getattr(fig, "arnews_message", None):  # a sentence saying there is nothing to plot
            plt.close(fig)
            display(fig)
            return
        self.n_figures += 1
        stem = self.output_dir / "figures" / self.name / _safe(name or f"figure-{self.n_figures:02d}")
        paths = save(fig, stem, formats=("png", "svg"), dpi=dpi)
        self.written.extend(paths)
        plt.close(fig)
        display(fig)
        links = " · ".join(f"[{p.suffix[1:].upper()}]({p.relative_to(self.output_dir).as_posix()})" for p in paths)
        display(Markdown(f"For publication: {links} ({dpi} dpi PNG, vector SVG)"))


def _safe(name: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
    return keep.strip("._") or "table"


def for_display(df: pd.DataFrame) -> pd.DataFrame:
    """The table as a page shows it: missing text, dates and categories as empty cells (not
    ``NaN``, ``None`` or ``NaT``); a negative zero (a net stance of ``-1e-17`` rounded to
    three places) as ``0``; other numbers untouched.

    >>> for_display(pd.DataFrame({"outlet": ["a", None], "n": [1.0, float("nan")]})).values.tolist()
    [['a', 1.0], ['', nan]]
    >>> str(for_display(pd.DataFrame({"net": [-0.0, -0.5]}))["net"].tolist())
    '[0.0, -0.5]'
    """
    out = df.copy()
    for c in out.columns:
        col = out[c]
        if pd.api.types.is_float_dtype(col):
            out[c] = col + 0.0  # -0.0 + 0.0 is 0.0; every other value is unchanged
            continue
        if pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col) or not col.isna().any():
            continue
        if pd.api.types.is_datetime64_any_dtype(col):  # as pandas prints it: the time only when there is one
            timed = (col.dropna() != col.dropna().dt.normalize()).any()
            col = col.dt.strftime("%Y-%m-%d %H:%M:%S" if timed else "%Y-%m-%d")
        out[c] = col.astype(object).where(col.notna(), "")
    return out


def _show(df: pd.DataFrame, caption: str) -> None:
    df = for_display(df)
    try:
        from itables import show

        show(df, caption=caption or None, pageLength=min(10, max(len(df), 1)), lengthMenu=[5, 10, 20, 50, 100, 200],
             maxBytes=2**20)
    except ImportError:  # pragma: no cover - itables is a dependency
        from IPython.display import display

        display(df)


def _default_output_dir() -> Path:
    return Path(os.environ.get("ARNEWS_OUTPUT") or REPO / "reports")


def setup(namespace: dict[str, Any], name: str, *, interactive: bool = True) -> Notebook:
    """Type the notebook's parameters in ``namespace`` (its ``globals()``), find or make the
    annotation folder, and prepare the display (searchable tables, PNG plots, progress bars).

    ``corpus`` is resolved relative to the notebook's folder; ``annotations`` (empty: the
    corpus is annotated into ``<output_dir>/annotations``) and ``output_dir`` (empty: the
    ``ARNEWS_OUTPUT`` environment variable, else ``reports/`` in the project) likewise.
    """
    params = parse_parameters(namespace)
    namespace.update(params)
    out = Path(params.get("output_dir") or _default_output_dir()).expanduser().resolve()
    out.mkdir(parents=True, exist_ok=True)
    ann = params.get("annotations") or ""
    if not ann:
        ann = _annotate(params, out)
    if interactive:
        from .report import setup_notebook

        setup_notebook()
    return Notebook(name, params.get("corpus", ""), AnnotationFolder(ann), out, rows=params.get("table_rows", DEFAULT_ROWS))


def _annotate(params: dict[str, Any], out: Path) -> Path:
    """Annotate the corpus into ``out/annotations`` (streamed, all cores; chunks already in
    the cache are only read back, so a second notebook on the same corpus waits seconds)."""
    from .pipeline import annotate_to_parquet

    corpus = Path(params.get("corpus") or REPO / "data" / "articles").expanduser().resolve()
    target = out / "annotations"
    kw = {"text_column": params.get("text_column") or "text"}
    if params.get("id_column"):
        kw["id_column"] = params["id_column"]
    annotate_to_parquet(corpus, target, cache=True, workers=default_workers(), **kw)
    return target
