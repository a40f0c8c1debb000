"""Plots for frequency analysis: top terms, keyness, trends, dispersion and a word cloud.

Every function takes a table from :mod:`arnews.freq` and returns a
:class:`matplotlib.figure.Figure`; Arabic labels are passed as they are (matplotlib >= 3.11
shapes them). The word cloud uses ``wordcloud`` for the layout and draws the words with
PIL's Raqm layout engine (which shapes Arabic) when PIL has it, else with matplotlib.

>>> from arnews import freq                                            # doctest: +SKIP
>>> fig = plot_top_terms(freq.frequency_table(ann.tokens), top=20)    # doctest: +SKIP
>>> fig.savefig("top_terms.png")                                       # doctest: +SKIP
"""
from __future__ import annotations

from typing import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ._style import UNDATED_MESSAGE, arabic_font_path, left_out, message_figure, new_figure, use_arabic_font, with_note

__all__ = ["plot_top_terms", "plot_keyness", "plot_trends", "plot_dispersion", "plot_wordcloud", "raqm_available"]

_GROUP_COLS = ("article_id", "outlet", "period")


def _empty(ax, msg: str) -> None:
    ax.text(0.5, 0.5, msg, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()


def _label(v, labels: Mapping | None) -> str:
    return str(labels.get(v, v)) if labels else str(v)


def _bars(ax, d: pd.DataFrame, value: str, color: str) -> None:
    vals = d[value].to_numpy(dtype=float)
    ax.barh(range(len(d)), vals, color=color)
    ax.set_yticks(range(len(d)), d["term"].astype(str).tolist())
    for i, (v, c) in enumerate(zip(vals, d["count"])):
        ax.text(v, i, f" {c}", va="center", fontsize=8)
    hi = float(np.nanmax(vals)) if len(vals) else 1.0
    ax.set_xlim(0, hi * 1.15 if hi > 0 else 1)
    ax.set_xlabel({"count": "occurrences", "per_10k": "per 10,000 words", "docfreq": "articles"}.get(value, value))
    if value in ("count", "docfreq"):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def plot_top_terms(
    freq_table: pd.DataFrame,
    *,
    value: str = "count",
    top: int = 20,
    title: str | None = None,
    color: str = "#4c72b0",
    max_groups: int = 6,
    labels: Mapping | None = None,
) -> Figure:
    """Horizontal bars of the ``top`` terms of a :func:`arnews.freq.frequency_table`,
    most frequent at the top, each bar annotated with its count. ``value``: ``count``,
    ``per_10k`` or ``docfreq``. A table grouped by article / outlet / period gets one
    panel per group (the first ``max_groups`` groups; the title says how many were left
    out), titled by ``labels`` (e.g. :func:`arnews.labels.article_labels`) when given.
    """
    if value not in freq_table.columns:
        raise ValueError(f"value must be a column of the frequency table, not {value!r}")
    if not len(freq_table):
        return message_figure("No terms to count (every token was filtered out).", title=title)
    gcol = freq_table.attrs.get("by") or next((c for c in _GROUP_COLS if c in freq_table.columns), None)
    all_groups = list(pd.unique(freq_table[gcol])) if gcol and gcol in freq_table.columns else [None]
    groups = all_groups[:max_groups]
    ncol = min(len(groups), 3)
    nrow = int(np.ceil(len(groups) / ncol))
    use_arabic_font()
    per_panel_h = max(2.5, 0.3 * min(top, max(len(freq_table), 1)) + 1.0)
    fig, axes = plt.subplots(nrow, ncol, figsize=(6 * ncol, per_panel_h * nrow), layout="constrained", squeeze=False)
    for ax, g in zip(axes.flat, groups):
        sub = freq_table if g is None else freq_table[freq_table[gcol] == g]
        sub = sub[sub["term"].astype(str).str.strip() != ""]  # an empty term would be an unlabelled bar
        d = sub.sort_values([value, "term"], ascending=[False, True]).head(top).iloc[::-1]
        if not len(d):
            _empty(ax, "no terms")
            continue
        _bars(ax, d, value, color)
        if g is not None:
            ax.set_title(_label(g, labels), fontsize=10)
    for ax in list(axes.flat)[len(groups):]:
        ax.set_axis_off()
    form = freq_table.attrs.get("form", "")
    ng = freq_table.attrs.get("ngram", 1)
    unit = "terms" if ng == 1 else f"{ng}-grams"
    sw = "" if not freq_table.attrs.get("stopwords", True) else ", stopwords removed"
    n_terms = freq_table["term"].nunique() if gcol is None else None
    noun = {"article_id": "articles", "outlet": "outlets", "period": "periods"}.get(gcol, f"{gcol} groups")
    note = left_out(len(groups), len(all_groups), noun, f"the first {len(groups)}") or (
        left_out(min(top, n_terms), n_terms, unit) if n_terms is not None else None)
    fig.suptitle(with_note(title or f"Most frequent {unit} ({form}{sw})", note))
    return fig


def plot_keyness(
    keyness: pd.DataFrame,
    *,
    value: str = "g2",
    top: int = 15,
    target_label: str = "target",
    reference_label: str = "reference",
    max_p: float | None = None,
    title: str | None = None,
) -> Figure:
    """Two-sided keyness bars (like quanteda's ``textplot_keyness``): the ``top`` terms
    most distinctive of the target (positive, above) and of the reference (negative,
    below), by signed ``g2`` or ``log_ratio``, from :func:`arnews.freq.keyness`. Each
    label shows the term and its counts in target / reference. ``max_p`` keeps only
    terms with ``p_value <= max_p``.
    """
    if value not in ("g2", "log_ratio"):
        raise ValueError(f"value must be 'g2' or 'log_ratio', not {value!r}")
    k = keyness if max_p is None else keyness[keyness["p_value"] <= max_p]
    pos = k[k["g2"] > 0].sort_values(value, ascending=False).head(top)
    neg = k[k["g2"] < 0].sort_values(value, ascending=True).head(top)
    d = pd.concat([pos, neg.iloc[::-1]])
    if not len(d):
        return message_figure("No term is distinctive of either side.", title=title)
    fig, ax = new_figure(8, max(3.0, 0.3 * len(d) + 1.5))
    vals = d[value].to_numpy(dtype=float)
    y = np.arange(len(d))[::-1]
    colors = np.where(d["g2"].to_numpy() > 0, "#4c72b0", "#b0b0b0")
    ax.barh(y, vals, color=colors)
    span = float(np.nanmax(np.abs(vals))) or 1.0
    for yi, v, term, c, r in zip(y, vals, d["term"], d["count"], d["ref_count"]):
        r_txt = f"{r:.0f}" if float(r) >= 1 or float(r) == 0 else f"{r:.2f}"
        txt = f"{term} ({c}/{r_txt})"
        if v >= 0:
            ax.text(v + 0.01 * span, yi, txt, va="center", ha="left", fontsize=8)
        else:
            ax.text(v - 0.01 * span, yi, txt, va="center", ha="right", fontsize=8)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks([])
    lo = min(0.0, float(np.nanmin(vals)))
    hi = max(0.0, float(np.nanmax(vals)))
    ax.set_xlim(lo - 0.45 * span * (lo < 0), hi + 0.45 * span * (hi > 0) + 1e-9)
    ax.set_xlabel("signed G2 (log-likelihood)" if value == "g2" else "log ratio (log2 of relative frequencies)")
    from matplotlib.patches import Patch

    ax.legend(
        handles=[Patch(color="#4c72b0", label=target_label), Patch(color="#b0b0b0", label=reference_label)],
        loc="lower right", fontsize=8,
    )
    ax.set_title(title or f"Keyness: {target_label} vs {reference_label} (counts: target/reference)")
    return fig


def plot_trends(
    trends: pd.DataFrame,
    *,
    value: str = "per_10k",
    labels: Mapping | None = None,
    title: str | None = None,
    max_lines: int = 8,
) -> Figure:
    """Lines of relative frequency over time, one per term or actor, from
    :func:`arnews.freq.term_trends` or :func:`arnews.freq.actor_trends` (``value``:
    ``per_10k`` or ``count``). Periods are placed on a time axis, so gaps between
    months or years show as distance; lines join only dated periods, in date order.
    Beyond ``max_lines`` items, the ``max_lines`` with the highest total are drawn (the
    title says so). With no dated period the figure is one sentence saying the corpus is
    undated and how to add dates.
    """
    item = "term" if "term" in trends.columns else "actor_id"
    if value not in trends.columns:
        raise ValueError(f"value must be a column of the trends table, not {value!r}")
    dated = trends[pd.to_datetime(trends["date"], errors="coerce").notna()] if "date" in trends.columns and len(trends) else trends.iloc[:0]
    if not len(dated):
        return message_figure(UNDATED_MESSAGE, title=title)
    totals = dated.groupby(item, sort=False)[value].sum()
    items = list(totals.index) if len(totals) <= max_lines else list(totals.sort_values(ascending=False, kind="stable").index[:max_lines])
    fig, ax = new_figure(8, 4.5)
    for it in items:
        g = dated[dated[item] == it].assign(_when=lambda d: pd.to_datetime(d["date"])).sort_values("_when")
        ax.plot(g["_when"], g[value].to_numpy(dtype=float), marker="o", label=_label(it, labels))
    ax.set_ylabel("occurrences per 10,000 words" if value == "per_10k" else value)
    if value == "count":
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(bottom=0)
    if "period" in dated.columns and dated["period"].astype(str).str.fullmatch(r"\d{4}").all():
        import matplotlib.dates as mdates  # yearly points: year ticks, not 2019-04, 2019-07 between them

        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    n_per = dated["period"].nunique() if "period" in dated.columns else dated["date"].nunique()
    notes = [left_out(len(items), len(totals), "lines", "highest total")]
    undated_words = int(trends.attrs.get("undated_words", 0))
    if undated_words:
        notes.append(f"undated articles ({undated_words:,} words) left out")
    elif len(dated) < len(trends):
        notes.append("undated articles left out")
    ax.set_title(with_note(title or f"Relative frequency over time ({n_per} periods)", "; ".join(n for n in notes if n)))
    fig.autofmt_xdate()
    return fig


def plot_dispersion(
    disp: pd.DataFrame,
    *,
    articles: Sequence[str] | None = None,
    labels: Mapping | None = None,
    scale: str = "relative",
    title: str | None = None,
    max_rows: int = 40,
) -> Figure:
    """Lexical dispersion plot (quanteda's ``textplot_xray``, AntConc's Plot): one panel
    per term, one row per article, a tick at each occurrence. ``scale="relative"``
    places ticks at the position in the article (0–1), ``"absolute"`` at the word index.
    ``articles`` chooses and orders the rows (default: every article of
    ``disp.attrs["articles"]``); ``labels`` maps article ids to row labels (e.g.
    :func:`arnews.labels.article_labels`; default: ids without their shared prefix).
    Beyond ``max_rows`` articles, the ``max_rows`` with most occurrences are shown (the
    title says how many were left out).
    """
    from ..labels import short_ids

    if scale not in ("relative", "absolute"):
        raise ValueError(f"scale must be 'relative' or 'absolute', not {scale!r}")
    terms = list(pd.unique(disp["term"])) if len(disp) else []
    rows = list(articles) if articles is not None else list(disp.attrs.get("articles", {}) or pd.unique(disp["article_id"]))
    if not terms or not rows:
        return message_figure("None of the terms occurs in the corpus.", title=title)
    n_rows = len(rows)
    if n_rows > max_rows:
        hits = disp["article_id"].value_counts()
        keep = set(sorted(rows, key=lambda a: -hits.get(a, 0))[:max_rows])
        rows = [a for a in rows if a in keep]
    use_arabic_font()
    n = max(len(terms), 1)
    fig, axes = plt.subplots(1, n, figsize=(min(4 + 3 * n, 16), max(2.5, 0.3 * len(rows) + 1.5)),
                             layout="constrained", sharey=True, squeeze=False)
    ypos = {a: i for i, a in enumerate(rows)}
    nwords = disp.attrs.get("articles", {})
    x = "position" if scale == "relative" else "word_index"
    for ax, term in zip(axes[0], terms):
        d = disp[(disp["term"] == term) & disp["article_id"].isin(ypos)]
        yy = d["article_id"].map(ypos).to_numpy(dtype=float)
        ax.vlines(d[x].to_numpy(dtype=float), yy - 0.4, yy + 0.4, color="#4c72b0", lw=1.2)
        if scale == "relative":
            ax.set_xlim(0, 1)
        else:
            ax.set_xlim(0, max([nwords.get(a, 0) for a in rows] + [1]))
        ax.set_title(f"{term} ({len(d)})", fontsize=10)
        ax.set_xlabel("position in article" if scale == "relative" else "word index")
        for i in range(len(rows)):
            ax.axhline(i, color="#eeeeee", lw=0.6, zorder=0)
    ax0 = axes[0, 0]
    short = short_ids(rows, max_chars=30)
    ax0.set_yticks(range(len(rows)), [_label(a, labels)[:60] if labels else short[a] for a in rows],
                   fontsize=9 if len(rows) > 20 else 10)
    ax0.set_ylim(len(rows) - 0.5, -0.5)
    fig.suptitle(with_note(title or "Where the terms occur in each article",
                           left_out(len(rows), n_rows, "articles", "most occurrences")))
    return fig


def raqm_available() -> bool:
    """Whether PIL can shape Arabic (its Raqm layout engine is available)."""
    from PIL import features

    return bool(features.check("raqm"))


def plot_wordcloud(
    terms: pd.DataFrame | Mapping[str, float],
    *,
    value: str = "count",
    top: int = 100,
    width: int = 900,
    height: int = 500,
    seed: int = 0,
    colormap: str = "viridis",
    engine: str = "auto",
    title: str | None = None,
) -> Figure:
    """Word cloud of a frequency table (``term`` and ``value`` columns) or a dict
    term → weight; the ``top`` terms, horizontal, in the packaged Arabic font.

    ``engine="pil"`` renders with ``wordcloud``/PIL (needs PIL's Raqm engine to shape
    Arabic); ``"matplotlib"`` uses wordcloud only for the layout and draws each word with
    matplotlib text (shaped by libraqm); ``"auto"`` picks PIL when Raqm is available.
    """
    from wordcloud import WordCloud

    if isinstance(terms, pd.DataFrame):
        if value not in terms.columns or "term" not in terms.columns:
            raise ValueError(f"the frequency table needs 'term' and {value!r} columns")
        d = terms.groupby("term")[value].sum().sort_values(ascending=False).head(top)
        weights = {str(k): float(v) for k, v in d.items() if v > 0}
    else:
        weights = dict(sorted(((str(k), float(v)) for k, v in terms.items() if v > 0), key=lambda kv: -kv[1])[:top])
    if engine not in ("auto", "pil", "matplotlib"):
        raise ValueError(f"engine must be 'auto', 'pil' or 'matplotlib', not {engine!r}")
    if engine == "auto":
        engine = "pil" if raqm_available() else "matplotlib"
    use_arabic_font()
    dpi = 100
    top_margin = 0.4 if title else 0.0
    fig = plt.figure(figsize=(width / dpi, height / dpi + top_margin), dpi=dpi)
    ax = fig.add_axes((0, 0, 1, height / dpi / (height / dpi + top_margin)))
    ax.set_axis_off()
    if not weights:
        plt.close(fig)
        return message_figure("No terms to draw.", title=title)
    wc = WordCloud(
        font_path=str(arabic_font_path()), width=width, height=height, background_color="white",
        prefer_horizontal=1.0, random_state=seed, colormap=colormap, max_words=top,
        collocations=False, include_numbers=True,
    ).generate_from_frequencies(weights)
    if engine == "pil":
        ax.imshow(wc.to_array(), interpolation="bilinear")
    else:
        ax.set_xlim(0, width)
        ax.set_ylim(height, 0)
        ax.set_facecolor("white")
        from PIL import ImageFont

        font_path = str(arabic_font_path())
        for (word, _), font_size, (row, col), _orient, color in wc.layout_:
            # wordcloud gives (row, col) of the top-left corner of the word's ink (it draws
            # through a TransposedFont): put the matplotlib baseline that far below it
            left, top, _, _ = ImageFont.truetype(font_path, font_size).getbbox(word, anchor="ls")
            row, col = row - top, col - left
            rgb = tuple(int(x) / 255 for x in color[color.index("(") + 1 : -1].split(","))  # "rgb(r, g, b)"
            ax.text(col, row, word, fontsize=font_size * 72 / dpi, color=rgb, ha="left", va="baseline",
                    family=plt.rcParams["font.sans-serif"][0])
    if title:
        ax.set_title(title)
    fig.wordcloud = wc  # the layout, for inspection
    return fig
