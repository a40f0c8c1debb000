"""Shared by the tests and the library's doctests: close the matplotlib figures a test leaves
open (the doctests of ``arnews.plots`` return figures), so a run never holds more than a few."""
from __future__ import annotations

import sys

import pytest


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt = sys.modules.get("matplotlib.pyplot")  # only when a test has loaded it
    if plt is not None:
        plt.close("all")
