"""Run a project notebook in this process, as JupyterLab would run it top to bottom.

The parameters cell runs first, then ``params`` override it (as papermill's injected cell
does); every figure given to :meth:`arnews.notebook.Notebook.figure` is kept (not saved) so
a test can read its labels; full tables are written under ``output_dir`` as usual.
"""
from __future__ import annotations

from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]


def run_notebook_here(name: str, monkeypatch, **params) -> tuple[dict, list]:
    """Execute ``notebooks/<name>.ipynb``'s code cells; returns its globals and its figures."""
    import matplotlib.pyplot as plt

    from arnews import notebook, report

    figures: list = []

    def keep(self, fig, name=None, dpi=300):
        if fig is not None:
            figures.append(fig)
            plt.close(fig)

    monkeypatch.setattr(report, "setup_notebook", lambda *a, **k: None)  # itables display: a kernel's business
    monkeypatch.setattr(notebook.Notebook, "figure", keep)
    monkeypatch.chdir(REPO / "notebooks")
    nb = nbformat.read(REPO / "notebooks" / f"{name}.ipynb", as_version=4)
    ns: dict = {"__name__": "__main__"}
    for i, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        exec(compile(cell.source, f"{name}.ipynb code cell {i + 1}", "exec"), ns)
        if "parameters" in cell.metadata.get("tags", []):
            ns.update(params)
    return ns, figures
