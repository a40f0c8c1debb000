"""Run every notebook on a corpus and export shareable HTML reports.

``python -m arnews report [--corpus PATH] [--out DIR] [--no-code] [--text-column COL] [--workers N]``

The corpus is annotated once, streamed chunk by chunk with every available core into
``OUT/annotations/`` (a Parquet dataset per table; this process keeps no table in memory).
For each ``notebooks/*.ipynb`` (in name order) the notebook is executed with papermill, with
the ``corpus``, ``annotations`` and ``output_dir`` parameters (see :mod:`arnews.notebook`)
and ``notebooks/`` as the working directory; notebooks read the columns they need from the
annotation folder in batches, show bounded tables and write every table in full as CSV
under ``OUT/tables/<notebook>/`` (linked from the page and the index). Each kernel's own
log (its stderr) goes to ``OUT/executed/<notebook>.kernel.log``, not to the console. Each
notebook is then exported with nbconvert twice: ``NAME.html``, a reader's version without code cells,
and ``NAME.code.html`` with the code. Plots are embedded as PNG, searchable tables carry
their JavaScript inline (itables offline mode), so the folder works without a network.
``index.html`` lists the reports with the corpus summary, the date of the run and package
versions; executed notebooks are kept in ``OUT/executed/``.

A notebook that fails stops the run: the message names the notebook and the cell, reports
already written stay, the index marks the failure, and the exit code is 1.

Example
-------
>>> from arnews.report import main
>>> main(["--corpus", "data/articles", "--out", "reports"])   # doctest: +SKIP
0
"""
from __future__ import annotations

import argparse
import datetime as _dt
import html
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import nbformat

__all__ = ["main", "run_reports", "discover_notebooks", "choose_kernel", "export_html", "escape_markdown_outputs", "NotebookFailure", "ReportResult"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
REPO = Path(__file__).resolve().parents[2]
VERSIONED = ["arnews", "pandas", "numpy", "matplotlib", "camel-tools", "itables", "papermill", "nbconvert"]


@dataclass
class NotebookFailure(Exception):
    """A notebook that raised while executing: which one, which cell, what error."""

    notebook: str
    cell: int | str  # 1-based position in the source notebook
    exec_count: int | None
    source: str
    error: str
    executed: str | None = None

    def __str__(self) -> str:
        first = next((ln for ln in self.source.splitlines() if ln.strip()), "")
        where = f"cell {self.cell}" + (f" (In [{self.exec_count}])" if self.exec_count else "")
        s = f"{self.notebook} failed at {where}: {first[:120]}\n{self.error}"
        if self.executed:
            s += f"\nThe executed notebook, with the traceback, is {self.executed}"
        return s


@dataclass
class ReportResult:
    notebook: str
    title: str
    status: str = "not run"  # ok | failed | not run
    reader: str | None = None
    full: str | None = None
    seconds: float | None = None
    tables: list[str] = field(default_factory=list)  # full tables written beside the report


@dataclass
class RunState:
    corpus: str
    out: Path
    started: _dt.datetime
    summary: dict[str, Any]
    skipped: list[dict]
    reports: list[ReportResult] = field(default_factory=list)
    failure: NotebookFailure | None = None


# ---------------------------------------------------------------------------
# Notebooks and kernel
# ---------------------------------------------------------------------------


def discover_notebooks(folder: str | os.PathLike) -> list[Path]:
    """The notebooks of a folder in name order (``00_corpus.ipynb``, ``01_…``), ignoring
    checkpoints and names starting with ``_`` or ``.``.

    >>> [p.name for p in discover_notebooks("notebooks")]     # doctest: +SKIP
    ['00_corpus.ipynb', '01_frequency.ipynb', ...]
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: notebooks folder not found")
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith(("_", ".")))


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The first Markdown heading of a notebook (without the leading ``#``), or ``fallback``."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.lstrip().startswith("#"):
                return line.lstrip().lstrip("#").strip() or fallback
    return fallback


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def choose_kernel(preferred: str = "arnews") -> tuple[str, dict[str, str]]:
    """A kernel that runs *this* Python interpreter (so it imports this arnews).

    Uses the installed ``preferred`` kernelspec when its interpreter is ``sys.executable``;
    otherwise writes a kernelspec for ``sys.executable`` into a temporary folder and returns
    the environment (``JUPYTER_PATH``) that makes it visible. Returns (kernel_name, env).
    """
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(preferred)
        if spec.argv and _same_file(spec.argv[0], sys.executable):
            return preferred, {}
    except NoSuchKernel:
        pass
    tmp = Path(tempfile.mkdtemp(prefix="arnews-kernel-"))
    name = "arnews-current"
    kdir = tmp / "kernels" / name
    kdir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": f"Python ({sys.executable})",
        "language": "python",
    }
    (kdir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    path = os.pathsep.join([str(tmp)] + ([os.environ["JUPYTER_PATH"]] if os.environ.get("JUPYTER_PATH") else []))
    return name, {"JUPYTER_PATH": path}


def _declared_parameters(path: Path) -> set[str]:
    import papermill

    try:
        return set(papermill.inspect_notebook(str(path)).keys())
    except Exception:
        return set()


# ---------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------


SETUP_TAG = "arnews-report-setup"
_SETUP_DONE = False


def setup_notebook(max_bytes: str = "2MB") -> None:
    """Offline, escaped, searchable tables and PNG plots for an HTML report.

    The runner adds a cell calling this at the top of every notebook it executes (its input is
    hidden in the reports), so every DataFrame any notebook displays becomes an itables table:
    paged and searchable when longer than 10 rows, with the DataTables library embedded in the
    page (``connected=False``) and cell values shown as text (``allow_html=False``). Call it
    in JupyterLab for the same display.
    """
    global _SETUP_DONE
    if _SETUP_DONE:  # once per kernel: the DataTables bundle is embedded once per page
        return
    _SETUP_DONE = True
    import itables
    import itables.options as opt

    opt.allow_html = False
    opt.maxBytes = max_bytes
    opt.classes = "display compact"
    from .export import enable_table_downloads

    enable_table_downloads()  # CSV and Excel buttons on every table
    itables.init_notebook_mode(all_interactive=True, connected=False)
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png")
    except ImportError:  # pragma: no cover - ships with ipykernel
        pass


def _with_setup_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` with a first cell calling :func:`setup_notebook` (tagged SETUP_TAG)."""
    nb = _copy(nb)
    nb.cells.insert(0, nbformat.v4.new_code_cell(
        "from arnews.report import setup_notebook\nsetup_notebook()", metadata={"tags": [SETUP_TAG]}))
    return nb


def _copy(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    return nbformat.from_dict(json.loads(json.dumps(nb)))


def escape_markdown_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Escape ``<`` and ``>`` in ``text/markdown`` outputs (in place).

    Markdown outputs are built by code, often from corpus text (``Markdown(f"… {title}")``),
    and Markdown passes raw HTML through, so a scraped ``<script>`` would run in the exported
    page. Escaped, it is shown as text. (HTML outputs are escaped by pandas/itables.)

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
    ...     nbformat.v4.new_output("display_data", data={"text/markdown": "**<img src=x onerror=alert(1)>**"})])])
    >>> escape_markdown_outputs(nb).cells[0].outputs[0].data["text/markdown"]
    '**&lt;img src=x onerror=alert(1)&gt;**'
    """
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/markdown" in data:
                md = data["text/markdown"]
                md = "".join(md) if isinstance(md, list) else md
                data["text/markdown"] = md.replace("<", "&lt;").replace(">", "&gt;")
    return nb


def _reader_copy(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook as a reader sees it: no injected-parameters cell, no stderr noise."""
    nb = _copy(nb)
    cells = []
    for cell in nb.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            continue
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
        cells.append(cell)
    nb.cells = cells
    return nb


def export_html(nb: nbformat.NotebookNode, dest: str | os.PathLike, *, code: bool, nav: str = "", title: str | None = None) -> Path:
    """Write one notebook as a self-contained HTML page (``code=False``: outputs and prose only).

    Plots are embedded as base64 PNG; no script is loaded from the network. ``nav`` is trusted
    HTML placed at the top of the page (build it with :func:`html.escape`).
    """
    from nbconvert import HTMLExporter

    exp = HTMLExporter(
        template_name="arnews",
        extra_template_basedirs=[str(TEMPLATES / "nbconvert")],
        exclude_input=not code,
        exclude_input_prompt=not code,
        exclude_output_prompt=not code,
        embed_images=True,
    )
    nb = escape_markdown_outputs(_reader_copy(nb) if not code else _copy(nb))
    for cell in nb.cells:  # the runner's setup cell: output kept, input hidden
        if SETUP_TAG in cell.get("metadata", {}).get("tags", []):
            cell.metadata["transient"] = {"remove_source": True}
    if title:
        nb.metadata["title"] = title
    # Progress bars are ipywidgets in a kernel that has them; their saved state would make the
    # page load the widget manager from a CDN. The page keeps their text form instead.
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in data:
                data.pop("application/vnd.jupyter.widget-view+json")
    body, _ = exp.from_notebook_node(nb, resources={"arnews_nav": nav})
    dest = Path(dest)
    dest.write_text(body, encoding="utf-8")
    return dest


def _nav(stem: str, title: str, *, code: bool, has_full: bool) -> str:
    e = html.escape
    links = ['<a href="index.html">&larr; all reports</a>']
    if code:
        links.append(f'<a href="{e(stem)}.html">reader&#39;s version</a>')
    elif has_full:
        links.append(f'<a href="{e(stem)}.code.html">with code</a>')
    return " ".join(links) + f' <span class="arnews-meta">{e(title)}</span>'


# ---------------------------------------------------------------------------
# Index page
# ---------------------------------------------------------------------------


def package_versions() -> list[tuple[str, str]]:
    """(name, version) of Python and the packages the reports depend on."""
    out = [("python", sys.version.split()[0])]
    for name in VERSIONED:
        try:
            out.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            out.append((name, "not installed"))
    return out


def write_index(state: RunState) -> Path:
    """Write ``index.html`` (every value is HTML-escaped by the template)."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    rows = []
    for r in state.reports:
        cls = {"ok": "ok", "failed": "failed"}.get(r.status, "notrun")
        status = r.status + (f" ({r.seconds:.0f} s)" if r.seconds is not None and r.status == "ok" else "")
        rows.append({"notebook": r.notebook, "title": r.title, "reader": r.reader, "full": r.full, "status": status,
                     "status_class": cls, "tables": r.tables})
    failure = None
    if state.failure is not None:
        f = state.failure
        failure = {"notebook": f.notebook, "cell": f.cell, "message": str(f)}
    page = env.get_template("index.html.j2").render(
        corpus=state.corpus,
        corpus_name=Path(state.corpus).name,
        run_date=state.started.strftime("%Y-%m-%d %H:%M %Z").strip(),
        duration=f"{(_dt.datetime.now(_dt.timezone.utc) - state.started).total_seconds():.0f} s",
        summary=state.summary,
        skipped=state.skipped,
        reports=rows,
        failure=failure,
        versions=package_versions(),
    )
    path = state.out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------


def _failure_from(exc: Exception, executed: Path, notebook: str) -> NotebookFailure:
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        cell_no: int | str = exc.cell_index + 1
        try:
            nb = nbformat.read(executed, as_version=4)
            injected = sum(
                1 for c in nb.cells[: exc.cell_index]
                if {"injected-parameters", SETUP_TAG} & set(c.get("metadata", {}).get("tags", []))
            )
            cell_no = exc.cell_index + 1 - injected
        except Exception:
            pass
        return NotebookFailure(notebook, cell_no, exc.exec_count, exc.source, f"{exc.ename}: {exc.evalue}", str(executed))
    return NotebookFailure(notebook, "?", None, "", f"{type(exc).__name__}: {exc}", str(executed) if executed.exists() else None)


def run_reports(
    corpus: str | os.PathLike,
    out: str | os.PathLike = "reports",
    *,
    notebooks: str | os.PathLike | None = None,
    code: bool = True,
    text_column: str = "text",
    id_column: str | None = None,
    workers: int | None = None,
    kernel: str | None = None,
    timeout: int | None = None,
    model: str | os.PathLike | None = None,
    labels: str | os.PathLike | None = None,
    dedupe: str = "off",
    log=print,
) -> RunState:
    """Execute every notebook on ``corpus`` and write the HTML reports and ``index.html`` to ``out``.

    The corpus is annotated once, streamed chunk by chunk into ``out/annotations`` (a Parquet
    dataset per table) with ``workers`` processes (default: every available core); this
    process then keeps only the corpus summary, and each notebook reads the columns it
    needs from that folder. Full tables are written by the notebooks under ``out/tables/``.

    ``model`` is a stance model file (``arnews learn-stance`` writes one next to a corpus)
    used instead of the shipped one; ``labels`` is your labelled sentences of the corpus
    (``arnews label``, ``04_validate``), given to the notebooks that take them (03_stance
    corrects its figures for the errors measured on them); ``dedupe="near"`` keeps one article per group of
    near-identical articles (listed in the load report).

    Raises :class:`NotebookFailure` (after writing the index) when a notebook fails, and
    :class:`arnews.CorpusError` when the corpus cannot be loaded.
    """
    import papermill

    from .resources import default_workers
    from .pipeline import annotate_to_parquet

    corpus_path = Path(corpus).expanduser().resolve()
    labels_path = Path(labels).expanduser().resolve() if labels else None
    if labels_path is not None and not labels_path.is_file():
        raise FileNotFoundError(f"{labels}: no such labels file (`python -m arnews label` writes one)")
    nb_dir = Path(notebooks).resolve() if notebooks else REPO / "notebooks"
    paths = discover_notebooks(nb_dir)
    if not paths:
        raise FileNotFoundError(f"{nb_dir}: no notebooks (*.ipynb) to run")
    out = Path(out).resolve()
    (out / "executed").mkdir(parents=True, exist_ok=True)
    shutil.rmtree(out / "tables", ignore_errors=True)  # full tables of an earlier run
    workers = workers or default_workers()

    log(f"annotating {corpus_path} ({workers} worker(s)) …")
    ann_dir = out / "annotations"
    load_kw = {"text_column": text_column} | ({"id_column": id_column} if id_column else {})
    prev_model = os.environ.get("ARNEWS_STANCE_MODEL")  # restored when the run ends: the model is this run's only
    if model:
        model_file = Path(model).expanduser().resolve()
        if not model_file.is_file():
            raise FileNotFoundError(f"{model}: no such stance model file (`python -m arnews learn-stance` writes one)")
        os.environ["ARNEWS_STANCE_MODEL"] = str(model_file)
    source: Any = corpus_path
    try:
        if dedupe != "off":
            from .corpus import load_corpus
            from .dedupe import apply_dedupe

            source = apply_dedupe(load_corpus(corpus_path, **load_kw), dedupe)
            load_kw = {}
        annotate_to_parquet(source, ann_dir, cache=True, workers=workers, progress=False, **load_kw)
    except BaseException:
        _set_env("ARNEWS_STANCE_MODEL", prev_model)
        raise
    state = RunState(
        corpus=str(corpus_path),
        out=out,
        started=_dt.datetime.now(_dt.timezone.utc),
        summary={},
        skipped=[],
    )
    state.summary, state.skipped = folder_summary(ann_dir)
    s = state.summary
    log(f"corpus: {s['articles']} articles, {s['tokens']} tokens, {s['skipped']} skipped")

    if kernel:
        kernel_name, kenv = kernel, {}
    else:
        kernel_name, kenv = choose_kernel()
    if text_column != "text":
        # Notebooks that do not declare a text_column parameter still load the right column:
        # arnews.annotate_corpus reads it from the kernel's environment.
        kenv = {**kenv, "ARNEWS_TEXT_COLUMN": text_column}
    old_env = {k: os.environ.get(k) for k in kenv}
    os.environ.update(kenv)

    nbs = [(p, nbformat.read(p, as_version=4)) for p in paths]
    state.reports = [ReportResult(p.name, notebook_title(nb, p.stem)) for p, nb in nbs]
    try:
        for i, ((path, _), result) in enumerate(zip(nbs, state.reports), start=1):
            declared = _declared_parameters(path)
            offered: dict[str, Any] = {"corpus": str(corpus_path), "annotations": str(ann_dir), "output_dir": str(out),
                                       "text_column": text_column, "id_column": id_column or "",
                                       "labels": str(labels_path or "")}
            params = {k: v for k, v in offered.items() if k == "corpus" or k in declared}
            executed = out / "executed" / path.name
            log(f"[{i}/{len(nbs)}] {path.name} …")
            t0 = time.perf_counter()
            try:
                papermill.execute_notebook(
                    _with_setup_cell(nbs[i - 1][1]), str(executed), parameters=params, kernel_name=kernel_name, cwd=str(nb_dir),
                    progress_bar=False, log_output=False, execution_timeout=timeout,
                    kernel_manager_class=_quiet_kernel_manager(out / "executed" / f"{path.stem}.kernel.log"),
                )
            except Exception as exc:  # papermill names the cell; anything else (kernel died) too
                result.status = "failed"
                state.failure = _failure_from(exc, executed, str(_display_path(path)))
                write_index(state)
                raise state.failure from exc
            result.seconds = time.perf_counter() - t0
            nb = nbformat.read(executed, as_version=4)
            stem = path.stem
            export_html(nb, out / f"{stem}.html", code=False, nav=_nav(stem, result.title, code=False, has_full=code), title=result.title)
            result.reader = f"{stem}.html"
            if code:
                export_html(nb, out / f"{stem}.code.html", code=True, nav=_nav(stem, result.title, code=True, has_full=True), title=result.title)
                result.full = f"{stem}.code.html"
            result.tables = _full_tables(out, stem)
            result.status = "ok"
            log(f"      ok in {result.seconds:.1f} s -> {out / result.reader}")
            write_index(state)
    finally:
        for k, v in {**old_env, "ARNEWS_STANCE_MODEL": prev_model}.items():
            _set_env(k, v)
        if kenv.get("JUPYTER_PATH") and not kernel:
            shutil.rmtree(kenv["JUPYTER_PATH"].split(os.pathsep)[0], ignore_errors=True)
    write_index(state)
    return state


def _set_env(name: str, value: str | None) -> None:
    """Set an environment variable, or remove it when ``value`` is None."""
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def folder_summary(ann_dir: Path) -> tuple[dict[str, Any], list[dict]]:
    """The index page's corpus summary and skipped inputs, read column-wise from an
    annotation folder (no text, no tokens: the token count comes from Parquet metadata)."""
    from .overview import corpus_summary
    from .tables import AnnotationFolder

    src = AnnotationFolder(ann_dir)
    cols = [c for c in ("article_id", "date", "outlet", "n_tokens") if c in src.columns("articles")]
    arts = src.read("articles", cols)
    rep = src.load_report()
    summary = corpus_summary(arts, None, rep)
    summary["tokens"] = src.n_rows("tokens") if src.has("tokens") else summary["tokens"]
    skipped = [] if rep is None else rep.loc[rep["status"] != "loaded", ["source", "reason"]].to_dict("records")
    return summary, skipped


def _full_tables(out: Path, stem: str) -> list[str]:
    d = out / "tables" / stem
    return sorted(p.relative_to(out).as_posix() for p in d.glob("*")) if d.is_dir() else []


def _quiet_kernel_manager(log_path: Path):
    """A kernel manager class whose kernel writes its own log (its stderr, where ipykernel
    warns "Kernel is running over TCP without encryption") to ``log_path`` instead of the
    report's console; cell outputs are unaffected."""
    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd, **kw):
            kw["stderr"] = open(log_path, "ab")  # noqa: SIM115 - the kernel owns it until it exits
            return await super()._async_launch_kernel(kernel_cmd, **kw)

    return QuietKernelManager


def _display_path(p: Path) -> Path:
    try:
        return p.relative_to(Path.cwd())
    except ValueError:
        return p


def main(argv: list[str] | None = None) -> int:
    """Command line entry: ``python -m arnews report …``; returns the exit code."""
    from .corpus import CorpusError
    from .resources import data_dir

    p = argparse.ArgumentParser(
        prog="python -m arnews report",
        description="Run every notebook on a corpus and export HTML reports (reader's version and full version) plus index.html.",
    )
    p.add_argument("--corpus", default=str(data_dir() / "articles"), help="folder of .txt files (+ metadata.csv) or a CSV/TSV/JSONL/Parquet file (default: the sample)")
    p.add_argument("--out", default="reports", help="output folder (default: reports)")
    p.add_argument("--no-code", action="store_true", help="write only the reader's version (no code cells)")
    p.add_argument("--text-column", default="text", help="text column for table inputs (default: text)")
    p.add_argument("--id-column", default=None, help="id column for table inputs")
    p.add_argument("--workers", type=int, default=None, help="annotation processes (default: every available core)")
    p.add_argument("--notebooks", default=None, help="folder of notebooks to run (default: the project's notebooks/)")
    p.add_argument("--kernel", default=None, help="Jupyter kernel name (default: 'arnews' if it runs this Python, else this Python)")
    p.add_argument("--timeout", type=int, default=None, help="seconds allowed per cell (default: no limit)")
    p.add_argument("--model", default=None, help="stance model file to use instead of the shipped one (see `arnews learn-stance`)")
    p.add_argument("--labels", default=None, help="your labelled sentences of this corpus (`arnews label`): 03_stance and "
                   "04_validate measure and correct on them")
    p.add_argument("--dedupe", choices=["off", "near"], default="off", help="near: keep one article per group of near-identical articles")
    args = p.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, flush=True)

    try:
        state = run_reports(
            args.corpus, args.out, notebooks=args.notebooks, code=not args.no_code, text_column=args.text_column,
            id_column=args.id_column, workers=args.workers, kernel=args.kernel, timeout=args.timeout, model=args.model,
            labels=args.labels, dedupe=args.dedupe, log=log,
        )
    except NotebookFailure as f:
        print(f"error: {f}", file=sys.stderr)
        print(f"reports written so far are listed in {Path(args.out) / 'index.html'}", file=sys.stderr)
        return 1
    except (CorpusError, FileNotFoundError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"wrote {len(state.reports)} report(s); open {state.out / 'index.html'}")
    return 0
