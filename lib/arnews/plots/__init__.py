"""Matplotlib plots for the notebooks, one submodule per analysis (freq, cooc, stance).

Every plot function returns a :class:`matplotlib.figure.Figure`. Arabic strings are passed
to matplotlib as they are: matplotlib >= 3.11 shapes Arabic itself (libraqm), so no
reshaping or bidi reordering is applied (doing so would reverse the text). The Arabic
font (Noto Sans Arabic, with Amiri as a second choice) ships as a Python package.

A plot with nothing to draw returns a small figure holding one sentence (also in
``fig.arnews_message``) instead of an empty frame; :func:`save` writes a figure as PNG
(high DPI), SVG and PDF.

>>> from arnews.plots import use_arabic_font
>>> use_arabic_font()   # doctest: +SKIP
'Noto Sans Arabic'
"""
from ._style import (
    ARABIC_FONT_FAMILIES,
    UNDATED_MESSAGE,
    arabic_font_path,
    message_figure,
    new_figure,
    save,
    use_arabic_font,
)

__all__ = ["use_arabic_font", "arabic_font_path", "new_figure", "ARABIC_FONT_FAMILIES", "save", "message_figure",
           "UNDATED_MESSAGE"]
