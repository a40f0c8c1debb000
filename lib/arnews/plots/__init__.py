"""Matplotlib plots for the notebooks, one submodule per analysis (freq, cooc, stance).

Every plot function returns a :class:`matplotlib.figure.Figure`. Arabic strings are passed
to matplotlib as they are: matplotlib >= 3.11 shapes Arabic itself (libraqm), so no
reshaping or bidi reordering is applied (doing so would reverse the text). The Arabic
font (Noto Sans Arabic, with Amiri as a second choice) ships as a Python package.

>>> from arnews.plots import use_arabic_font
>>> use_arabic_font()   # doctest: +SKIP
'Noto Sans Arabic'
"""
from ._style import ARABIC_FONT_FAMILIES, arabic_font_path, new_figure, use_arabic_font

__all__ = ["use_arabic_font", "arabic_font_path", "new_figure", "ARABIC_FONT_FAMILIES"]
