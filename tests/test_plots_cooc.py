"""Co-occurrence plots: each renders to PNG and shows what it should (labels, sizes, values).

Set ARNEWS_PLOT_DIR to keep the PNGs for looking at them.
"""
from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection, PathCollection

from arnews import cooc
from arnews.plots import cooc as pc

GAZ = pd.DataFrame(
    {
        "actor_id": ["RUS", "CHN", "PUTIN", "XI", "USA"],
        "type": ["country", "country", "person", "person", "country"],
        "country": ["RUS", "CHN", "RUS", "CHN", "USA"],
        "label_en": ["Russia", "China", "Vladimir Putin", "Xi Jinping", "United States"],
        "label_ar": ["روسيا", "الصين", "فلاديمير بوتين", "شي جين بينغ", "الولايات المتحدة"],
        "variants": [""] * 5,
    }
)


def occ_table(rows):
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "feature"])


# sentences: {RUS,CHN} x4, {PUTIN,XI} x2, {RUS,CHN,USA}, {PUTIN,RUS}, {USA}
ROWS = []
for i in range(4):
    ROWS += [("a", i, 0, 0, "RUS"), ("a", i, 2, 2, "CHN")]
for i in range(4, 6):
    ROWS += [("a", i, 0, 0, "PUTIN"), ("a", i, 3, 3, "XI")]
ROWS += [("b", 0, 0, 0, "RUS"), ("b", 0, 1, 1, "CHN"), ("b", 0, 4, 4, "USA"), ("b", 1, 0, 0, "PUTIN"), ("b", 1, 2, 2, "RUS"), ("b", 2, 0, 0, "USA")]
OCC = occ_table(ROWS)


@pytest.fixture
def outdir(tmp_path):
    d = os.environ.get("ARNEWS_PLOT_DIR")
    if d:
        Path(d).mkdir(parents=True, exist_ok=True)
        return Path(d)
    return tmp_path


def save(fig, path):
    fig.savefig(path, dpi=80)
    matplotlib.pyplot.close(fig)
    assert path.stat().st_size > 5000  # an image with content, not an empty canvas


def test_network_labels_sizes_and_widths(outdir):
    m = cooc.cooccurrence(OCC, "sentence", n_units=20)
    g = cooc.cooc_graph(m, min_count=1, weight="count", gazetteer=GAZ)
    fig = pc.plot_network(g, label="ar")
    ax = fig.axes[0]
    texts = {t.get_text() for t in ax.texts}
    assert {"روسيا", "الصين", "فلاديمير بوتين", "شي جين بينغ", "الولايات المتحدة"} <= texts
    nodes = next(c for c in ax.collections if isinstance(c, PathCollection))
    sizes = dict(zip(list(g.nodes), nodes.get_sizes()))
    assert sizes["RUS"] == max(sizes.values())  # RUS occurs most (6 times)
    edges = next(c for c in ax.collections if isinstance(c, LineCollection))
    widths = dict(zip(list(g.edges), edges.get_linewidths()))
    key = ("RUS", "CHN") if ("RUS", "CHN") in widths else ("CHN", "RUS")
    assert widths[key] == max(widths.values())  # the pair seen 5 times is the widest
    save(fig, outdir / "cooc_network_ar.png")
    fig = pc.plot_network(g, label="en")
    assert "Vladimir Putin" in {t.get_text() for t in fig.axes[0].texts}
    save(fig, outdir / "cooc_network_en.png")


def test_heatmap_values_and_order(outdir):
    m = cooc.cooccurrence(OCC, "sentence", n_units=20)
    labels = cooc.actor_labels(GAZ, "actor", "ar")
    fig = pc.plot_heatmap(m, value="count", top=4, labels=labels)
    ax = fig.axes[0]
    # top 4 by occurrences: RUS 6, CHN 5, PUTIN 3, then USA 2 (ties with XI, first alphabetically)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["روسيا", "الصين", "فلاديمير بوتين", "الولايات المتحدة"]
    arr = np.ma.filled(ax.images[0].get_array().astype(float), np.nan)
    assert arr[0, 1] == 5 and arr[1, 0] == 5 and arr[0, 2] == 1 and arr[0, 3] == 1
    assert np.isnan(arr[0, 0]) and np.isnan(arr[2, 3])  # diagonal and PUTIN-USA (never together) blank
    save(fig, outdir / "cooc_heatmap.png")
    fig = pc.plot_heatmap(m.pairs(), value="npmi", top=5, labels=labels)
    save(fig, outdir / "cooc_heatmap_npmi.png")


def test_collocates_bars(outdir):
    colls = pd.DataFrame(
        {"collocate": ["روسيا", "العلاقات", "الاستراتيجية", "وروسيا"], "count": [16, 6, 4, 5],
         "log_dice": [12.5, 11.2, 10.1, 11.0]}
    )
    colls.attrs.update(target="الصين", window=5)
    fig = pc.plot_collocates(colls, top=3)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["وروسيا", "العلاقات", "روسيا"]  # best on top
    assert [round(p.get_width(), 1) for p in ax.patches] == [11.0, 11.2, 12.5]
    save(fig, outdir / "cooc_collocates.png")
    with pytest.raises(ValueError, match="measure"):
        pc.plot_collocates(colls, measure="z")


def test_pair_over_time_fills_missing_periods(outdir):
    bp = pd.DataFrame(
        {"period": ["2022", "2022", "2025", "2026"], "a": ["CHN", "PUTIN", "CHN", "CHN"], "b": ["RUS", "XI", "RUS", "RUS"],
         "count": [10, 4, 3, 7], "npmi": [0.3, 0.5, 0.1, 0.2]}
    )
    fig = pc.plot_pair_over_time(bp, [("RUS", "CHN"), ("XI", "PUTIN")], labels=cooc.actor_labels(GAZ, "actor", "ar"))
    lines = fig.axes[0].get_lines()
    assert list(lines[0].get_ydata()) == [10, 3, 7]
    assert list(lines[1].get_ydata()) == [4, 0, 0]
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["روسيا – الصين", "شي جين بينغ – فلاديمير بوتين"]
    save(fig, outdir / "cooc_pair_time.png")


def test_context_shift_panels(outdir):
    terms = pd.DataFrame(
        {"period": ["2022", "2022", "2025"], "term": ["الحرب", "بيان", "تايوان"], "count": [5, 3, 4],
         "log_ratio": [1.2, 0.8, 2.0], "g2": [4.0, 2.0, 6.0]}
    )
    fig = pc.plot_context_shift(terms)
    titled = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in titled] == ["2022", "2025"]
    assert [t.get_text() for t in titled[0].get_yticklabels()] == ["بيان", "الحرب"]
    save(fig, outdir / "cooc_context_shift.png")


def test_context_shift_of_a_pair_seen_only_in_undated_articles():
    """Every over-represented word comes from undated articles (the pair may still occur
    in a dated one, too rarely for a word to pass min_count): the sentence says so, not
    that the corpus is undated."""
    from arnews.plots._style import DATES_HOWTO

    terms = pd.DataFrame({"period": ["undated"], "term": ["دولة"], "count": [3], "log_ratio": [0.9], "g2": [2.0]})
    fig = pc.plot_context_shift(terms)
    assert fig.arnews_message.startswith("The words over-represented around the pair all come from undated articles")
    assert "corpus is undated" not in fig.arnews_message and DATES_HOWTO in fig.arnews_message
