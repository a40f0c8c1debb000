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


# ---------------------------------------------------------------------------
# Messages instead of empty frames, notes on what was left out, export
# ---------------------------------------------------------------------------

DATES_HOWTO = (
    "To add dates: a 'date' column in metadata.csv (next to the .txt files) or in the table corpus,\n"
    "an ISO date (YYYY-MM-DD) in the file names or in a 'url' column, or a publication-date line at the top of each article."
)
UNDATED_MESSAGE = "The corpus is undated: no article has a date, so nothing can be placed over time.\n" + DATES_HOWTO


def none_dated(what: str) -> str:
    """The sentence for a time plot whose items are all undated while the corpus may have
    dates elsewhere (so not "the corpus is undated"), with how to add dates.

    >>> none_dated("RUS~CHN: 2 article(s) with a stance").splitlines()[0]
    'RUS~CHN: 2 article(s) with a stance, none of them dated, so nothing can be placed over time.'
    """
    return f"{what}, none of them dated, so nothing can be placed over time.\n" + DATES_HOWTO


def message_figure(message: str, *, title: str | None = None, width: float = 8, height: float = 1.6):
    """A small figure holding one sentence, for a plot with nothing to draw.

    The figure carries the sentence as ``fig.arnews_message`` so a notebook can print it
    instead of showing the figure.

    >>> message_figure("no dyads").arnews_message
    'no dyads'
    """
    fig, ax = new_figure(width, height + (0.4 if title else 0))
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=11, wrap=True)
    if title:
        ax.set_title(title)
    fig.arnews_message = message
    return fig


def with_note(title: str, note: str | None, width: int = 75) -> str:
    """A title with a second, wrapped line saying what the plot leaves out.

    >>> with_note("Top terms", "20 of 350 terms shown")
    'Top terms\\n20 of 350 terms shown'
    """
    import textwrap

    if not note:
        return title
    return title + "\n" + "\n".join(textwrap.wrap(note, width))


def left_out(shown: int, total: int, what: str, how: str = "") -> str | None:
    """A note like "30 of 400 articles shown (most sentences first); 370 left out", or None.

    >>> left_out(30, 400, "articles", "most sentences first")
    '30 of 400 articles shown (most sentences first); 370 left out'
    >>> left_out(5, 5, "articles") is None
    True
    """
    if total <= shown:
        return None
    return f"{shown} of {total} {what} shown" + (f" ({how})" if how else "") + f"; {total - shown} left out"


def save(fig, path, formats=("png", "svg", "pdf"), dpi: int = 200) -> list[Path]:
    """Write a figure in several formats next to each other: ``path`` without its suffix
    plus ``.png`` (at ``dpi``), ``.svg`` and ``.pdf`` (vector). Returns the written paths.

    >>> save(fig, "out/network", formats=("png", "pdf"), dpi=300)   # doctest: +SKIP
    [PosixPath('out/network.png'), PosixPath('out/network.pdf')]
    """
    path = Path(path)
    stem = path.with_suffix("") if path.suffix.lstrip(".").lower() in {"png", "svg", "pdf"} else path
    stem.parent.mkdir(parents=True, exist_ok=True)
    out = []
    for fmt in formats:
        fmt = fmt.lower().lstrip(".")
        if fmt not in ("png", "svg", "pdf"):
            raise ValueError(f"format must be png, svg or pdf, not {fmt!r}")
        p = stem.parent / f"{stem.name}.{fmt}"
        fig.savefig(p, format=fmt, dpi=dpi if fmt == "png" else "figure", bbox_inches="tight")
        out.append(p)
    return out


def drop_overlapping(fig, texts) -> int:
    """Hide each text whose rendered extent overlaps one kept before it (the first texts
    win: pass them in order of importance). Returns how many were hidden."""
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    kept, hidden = [], 0
    for t in texts:
        bb = t.get_window_extent(r)
        if any(bb.overlaps(k) for k in kept):
            t.set_visible(False)
            hidden += 1
        else:
            kept.append(bb)
    return hidden
