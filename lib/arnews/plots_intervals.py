"""Stance plots with intervals, for ``03_stance`` and ``04_validate``.

Each function draws the tables of :mod:`arnews.correct` (raw and corrected shares or net
stance with 95% intervals) and writes, under the title, what the intervals rest on
(:func:`basis_note`): "based on N labelled sentences of this corpus" or, with no labels of the
corpus, "figures rest on the built-in evaluation only". Every function returns a Figure.

Example
-------
>>> t = corrected_shares(tones_with_period, labelled, by="outlet")   # doctest: +SKIP
>>> fig = plot_shares(t, by="outlet", category="conflict")           # doctest: +SKIP
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .plots import message_figure, new_figure

__all__ = ["basis_note", "plot_shares", "plot_share_over_time", "plot_pair_net", "plot_pair_net_over"]

RAW_COLOR, CORR_COLOR = "#9a9a9a", "#1f5fa8"


def basis_note(n_labelled: int | None, method: str = "", unit: str = "sentences") -> str:
    """What the intervals and the correction rest on, in one line.

    >>> basis_note(0)
    'No labels of this corpus: the figures rest on the built-in evaluation only (raw counts; intervals cover corpus sampling only)'
    >>> basis_note(212, "model")
    'Corrected for the errors of the model method measured on 212 labelled sentences of this corpus; 95% intervals (bootstrap)'
    """
    if not n_labelled:
        by = f" of the {method} method" if method else ""
        return ("No labels of this corpus: the figures rest on the built-in evaluation only "
                f"(raw counts{by}; intervals cover corpus sampling only)")
    by = f" of the {method} method" if method else ""
    return f"Corrected for the errors{by} measured on {int(n_labelled)} labelled {unit} of this corpus; 95% intervals (bootstrap)"


def _n_labelled(table: pd.DataFrame) -> int:
    return int(table["n_labelled"].max()) if "n_labelled" in table.columns and len(table) else 0


def _err(df: pd.DataFrame, mid: str, lo: str, hi: str) -> np.ndarray:
    m, low, high = (df[c].to_numpy(float) for c in (mid, lo, hi))
    return np.vstack([np.clip(m - low, 0, None), np.clip(high - m, 0, None)])


def _legend(ax) -> None:
    """The legend beside the axes, never over a point or an error bar (``loc="best"`` still
    covered bars when every corner held one)."""
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0, fontsize=8)


def _title(ax, title: str, note: str) -> None:
    import textwrap

    ax.set_title(title + "\n" + "\n".join(textwrap.wrap(note, 95)), fontsize=9, loc="left")


def plot_shares(table: pd.DataFrame, by: str, category: str = "conflict", title: str | None = None, method: str = "",
                max_rows: int = 30):
    """Share of ``category`` per value of ``by`` (article, outlet …): raw counts and the
    corrected estimate as points with 95% error bars. ``table``: :func:`arnews.correct.corrected_shares`.
    Beyond ``max_rows`` values, the ``max_rows`` with most sentences (``n``) are drawn, in
    the table's order, and the title says how many were left out."""
    from .plots._style import left_out

    t = table[table["category"] == category].reset_index(drop=True)
    n_all = len(t)
    if n_all > max_rows:
        keep = set(t["n"].sort_values(ascending=False, kind="stable").index[:max_rows]) if "n" in t.columns else set(range(max_rows))
        t = t.loc[sorted(keep)].reset_index(drop=True)
    more = left_out(len(t), n_all, by + "s" if not by.endswith("s") else by, "most sentences")
    n_lab = _n_labelled(table)
    fig, ax = new_figure(8, max(2.5, 0.45 * len(t) + 1.5))
    y = np.arange(len(t))
    corrected = n_lab > 0
    ax.errorbar(t["raw"], y + (0.15 if corrected else 0), xerr=_err(t, "raw", "raw_low", "raw_high"), fmt="o",
                color=RAW_COLOR, capsize=3, label="raw (classify and count)")
    if corrected:
        ax.errorbar(t["corrected"], y - 0.15, xerr=_err(t, "corrected", "low", "high"), fmt="s", color=CORR_COLOR,
                    capsize=3, label="corrected")
    ax.set_yticks(y, [str(v) for v in t[by]])
    ax.set_ylim(len(t) - 0.5, -0.5)  # read top to bottom in the table's order
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"share of {category}")
    _legend(ax)
    _title(ax, title or f"Share of {category} by {by}", basis_note(n_lab, method) + (f"; {more}" if more else ""))
    return fig


def _period_starts(periods: pd.Series):
    """Period labels (``2022-06``, ``2022Q2``, ``2022``) as their start dates, or positions
    when a label is not a period.

    >>> _period_starts(pd.Series(["2022-01", "2022-03"])).strftime("%Y-%m-%d").tolist()
    ['2022-01-01', '2022-03-01']
    """
    try:
        return pd.DatetimeIndex([pd.Period(str(p)).start_time for p in periods])
    except (ValueError, TypeError):
        return np.arange(len(periods))


def plot_share_over_time(table: pd.DataFrame, category: str = "conflict", title: str | None = None, method: str = ""):
    """Share of ``category`` per ``period`` as lines with 95% bands (raw, and corrected when
    the table rests on labels). ``table``: :func:`arnews.correct.corrected_shares` by ``period``."""
    t = table[(table["category"] == category) & (table["period"] != "unknown")].sort_values("period")
    undated = bool((table["period"] == "unknown").any())
    if not len(t):
        return message_figure("No dated article: nothing to draw over time. Add a date column to the metadata "
                              "(or ISO dates in the file names) to see the shares by month.")
    n_lab = _n_labelled(table)
    fig, ax = new_figure(8, 4)
    x = _period_starts(t["period"])
    ax.plot(x, t["raw"], "o-", color=RAW_COLOR, label="raw (classify and count)")
    ax.fill_between(x, t["raw_low"], t["raw_high"], color=RAW_COLOR, alpha=0.2)
    if n_lab:
        ax.plot(x, t["corrected"], "s-", color=CORR_COLOR, label="corrected")
        ax.fill_between(x, t["low"], t["high"], color=CORR_COLOR, alpha=0.2)
    if isinstance(x, pd.DatetimeIndex):  # a date axis: gaps between periods show, ticks stay readable
        import matplotlib.dates as mdates

        loc = mdates.AutoDateLocator(maxticks=10)
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(mdates.AutoDateFormatter(loc))  # distinct labels (2019-05), not May, May, …
        fig.autofmt_xdate()
    else:
        step = max(1, len(x) // 12)
        ax.set_xticks(x[::step], t["period"].astype(str).tolist()[::step], rotation=45, ha="right")
    ax.set_ylim(0, 1)
    ax.set_ylabel(f"share of {category}")
    _legend(ax)
    note = basis_note(n_lab, method) + ("; undated articles left out" if undated else "")
    _title(ax, title or f"Share of {category} over time", note)
    return fig


def plot_pair_net(table: pd.DataFrame, top: int = 15, title: str | None = None, method: str = ""):
    """Net stance (−1 conflict … +1 cooperation) of the most related pairs with 95% error bars.
    ``table``: :func:`arnews.correct.pair_net_stance` (most related pairs first). The first
    pair is drawn at the top; beyond ``top`` pairs the title says how many were left out."""
    from .plots._style import left_out

    t = table.head(top).reset_index(drop=True)
    n_lab = _n_labelled(table)
    fig, ax = new_figure(8, max(2.5, 0.45 * len(t) + 1.5))
    y = np.arange(len(t))
    ax.axvline(0, color="#ccc", lw=1)
    ax.errorbar(t["raw"], y + (0.15 if n_lab else 0), xerr=_err(t.fillna(0), "raw", "raw_low", "raw_high"), fmt="o",
                color=RAW_COLOR, capsize=3, label="raw")
    if n_lab:
        ax.errorbar(t["corrected"], y - 0.15, xerr=_err(t.fillna(0), "corrected", "low", "high"), fmt="s",
                    color=CORR_COLOR, capsize=3, label="corrected")
    ax.set_yticks(y, [f"{a}–{b} ({n})" for a, b, n in zip(t["a"], t["b"], t["n_related"])])
    ax.set_ylim(len(t) - 0.5, -0.5)  # the most related pair on top
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("net stance: share cooperation − share conflict among related sentences")
    _legend(ax)
    more = left_out(len(t), len(table), "pairs", "most related sentences")
    _title(ax, title or "Net stance of each pair of states", basis_note(n_lab, method, unit="pairs") + (f"; {more}" if more else ""))
    return fig


def plot_pair_net_over(table: pd.DataFrame, pair: tuple[str, str], x: str = "period", order: list | None = None,
                       title: str | None = None, method: str = ""):
    """One pair's net stance per ``x`` (``period`` or ``article_id``, in ``order`` when given,
    e.g. articles by date) as points with 95% error bars, raw and corrected.
    ``table``: :func:`arnews.correct.pair_net_stance` with ``by=x``."""
    a, b = sorted(pair)
    t = table[(table["a"] == a) & (table["b"] == b)]
    if order is not None:
        t = t.set_index(x).reindex([o for o in order if o in set(t[x])]).reset_index()
    n_lab = _n_labelled(table)
    fig, ax = new_figure(8, 4)
    pos = np.arange(len(t))
    ax.axhline(0, color="#ccc", lw=1)
    ax.errorbar(pos - (0.1 if n_lab else 0), t["raw"], yerr=_err(t.fillna(0), "raw", "raw_low", "raw_high"), fmt="o",
                color=RAW_COLOR, capsize=3, label="raw")
    if n_lab:
        ax.errorbar(pos + 0.1, t["corrected"], yerr=_err(t.fillna(0), "corrected", "low", "high"), fmt="s",
                    color=CORR_COLOR, capsize=3, label="corrected")
    ax.set_xticks(pos, [f"{v} ({n})" for v, n in zip(t[x].astype(str), t["n_related"])], rotation=45, ha="right")
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("net stance (−1 conflict … +1 cooperation)")
    _legend(ax)
    _title(ax, title or f"{a}–{b}: net stance by {x}", basis_note(n_lab, method, unit="pairs"))
    return fig
