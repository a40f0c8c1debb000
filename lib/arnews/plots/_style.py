"""Shared plot style: the packaged Arabic font and a figure factory."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
from matplotlib import font_manager

ARABIC_FONT_FAMILIES = ["Noto Sans Arabic", "Amiri"]


def _font_files() -> list[Path]:
    files: list[Path] = []
    for mod in ("fontpkg_noto_sans_arabic", "fontpkg_amiri"):
        try:
            pkg = __import__(mod)
        except ImportError:
            continue
        files += sorted(Path(pkg.ROOT).rglob("*.ttf")) + sorted(Path(pkg.ROOT).rglob("*.otf"))
    return files


def arabic_font_path() -> Path:
    """Path of the packaged Arabic font file (Noto Sans Arabic)."""
    files = _font_files()
    if not files:
        raise RuntimeError(
            "No Arabic font package found: install fontpkg-noto-sans-arabic (in requirements.txt)."
        )
    return files[0]


@lru_cache(maxsize=1)
def use_arabic_font() -> str:
    """Register the packaged Arabic fonts with matplotlib and make them the default
    family (with DejaVu Sans as fallback for Latin and digits). Returns the family name."""
    for f in _font_files():
        font_manager.fontManager.addfont(str(f))
    families = [f for f in ARABIC_FONT_FAMILIES if any(e.name == f for e in font_manager.fontManager.ttflist)]
    if not families:
        raise RuntimeError("No Arabic font could be registered with matplotlib.")
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = families + ["DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return families[0]


def new_figure(width: float = 8, height: float = 5, **kwargs):
    """A Figure and Axes with the Arabic font registered (``fig, ax = new_figure()``)."""
    use_arabic_font()
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained", **kwargs)
    return fig, ax
