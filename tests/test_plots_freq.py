"""Frequency plots: each renders to PNG and shows what it should (bars, labels, lines, ticks, words).

Set ARNEWS_PLOT_DIR to keep the PNGs for looking at them.
"""
from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection
from matplotlib.colors import to_hex

from arnews import freq
from arnews.plots import freq as pf
from arnews.text import sentences_table, tokens_table

matplotlib.use("Agg")

ARTS = pd.DataFrame(
    {
        "article_id": ["a", "b", "c"],
        "date": ["2022-01-10", "2022-03-02", "2023-06-01"],
        "outlet": ["X", "Y", "X"],
        "title": ["زيارة إلى الصين", "قمة بكين", "حرب أوكرانيا"],
        "clean_text": [
            "زارت روسيا الصين. وقال إن الصين وروسيا شريكان، والصين قوية. الصين الصين.",
            "بالصين وللصين في الصين اليوم. روسيا والصين.",
            "روسيا تدعم أوكرانيا؟ لا. أوكرانيا تقاوم روسيا.",
        ],
    }
)
TOKS = tokens_table(sentences_table(ARTS))


def save(fig, name, tmp_path) -> Path:
    out = Path(os.environ.get("ARNEWS_PLOT_DIR", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    p = out / f"freq_{name}.png"
    fig.savefig(p, dpi=80)
    assert p.stat().st_size > 5_000
    matplotlib.pyplot.close(fig)
    return p


def test_top_terms_bars_in_frequency_order(tmp_path):
    f = freq.frequency_table(TOKS)
    fig = pf.plot_top_terms(f, top=4)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    # most frequent at the top (last tick), as the table says
    assert labels[::-1] == f["term"].head(4).tolist()
    widths = [p.get_width() for p in ax.patches]
    assert widths[::-1] == f["count"].head(4).tolist()
    assert labels[-1] == "الصين" and widths[-1] == 5  # a: 4, b: 1 (والصين, بالصين … are other forms)
    save(fig, "top_terms", tmp_path)


def test_top_terms_one_panel_per_group(tmp_path):
    f = freq.frequency_table(TOKS, by="year", articles=ARTS)
    fig = pf.plot_top_terms(f, top=3)
    titled = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in titled] == ["2022", "2023"]
    labels_2023 = [t.get_text() for t in titled[1].get_yticklabels()]
    assert labels_2023[-2:] == ["روسيا", "اوكرانيا"]  # twice each in 2023; ties in alphabetical order from the top
    save(fig, "top_terms_by_year", tmp_path)


def test_keyness_two_sided(tmp_path):
    k = freq.keyness(TOKS, "c", min_count=1)
    fig = pf.plot_keyness(k, top=3, target_label="c", reference_label="a, b")
    ax = fig.axes[0]
    bars = ax.patches
    pos = [b for b in bars if b.get_width() > 0]
    neg = [b for b in bars if b.get_width() < 0]
    assert len(pos) == min(3, (k["g2"] > 0).sum()) and len(neg) == min(3, (k["g2"] < 0).sum())
    assert {to_hex(b.get_facecolor()) for b in pos} == {"#4c72b0"}
    # positive bars above the negative ones
    assert min(b.get_y() for b in pos) > max(b.get_y() for b in neg)
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith("اوكرانيا (2/0)") for t in texts)
    assert any(t.startswith("الصين (0/") for t in texts)
    save(fig, "keyness", tmp_path)


def test_trend_lines(tmp_path):
    tr = freq.term_trends(TOKS, ["الصين", "روسيا"], ARTS, period="month")
    fig = pf.plot_trends(tr)
    ax = fig.axes[0]
    assert [ln.get_label() for ln in ax.get_lines()] == ["الصين", "روسيا"]
    china = ax.get_lines()[0].get_ydata()
    assert np.allclose(china, tr[tr["term"] == "الصين"].sort_values("date")["per_10k"])
    assert len(china) == 3  # 2022-01, 2022-03, 2023-06
    save(fig, "trends", tmp_path)


def test_dispersion_ticks(tmp_path):
    d = freq.dispersion(TOKS, ["الصين", "اوكرانيا"])
    fig = pf.plot_dispersion(d, labels=dict(zip(ARTS["article_id"], ARTS["title"])))
    panels = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in panels] == [f"الصين ({(d['term'] == 'الصين').sum()})", "اوكرانيا (2)"]
    ticks = [sum(len(c.get_segments()) for c in ax.collections if isinstance(c, LineCollection)) for ax in panels]
    assert ticks == [(d["term"] == "الصين").sum(), 2]
    assert [t.get_text() for t in panels[0].get_yticklabels()] == ARTS["title"].tolist()
    save(fig, "dispersion", tmp_path)


@pytest.mark.parametrize("engine", ["pil", "matplotlib"])
def test_wordcloud(engine, tmp_path):
    if engine == "pil" and not pf.raqm_available():
        pytest.skip("PIL has no Raqm: Arabic would not be shaped")
    f = freq.frequency_table(TOKS)
    fig = pf.plot_wordcloud(f, top=8, engine=engine, width=500, height=300)
    words = set(fig.wordcloud.words_)
    assert words == set(f["term"].head(8)) or len(words) == 8
    assert "الصين" in words and fig.wordcloud.words_["الصين"] == 1.0
    if engine == "matplotlib":
        assert {t.get_text() for t in fig.axes[0].texts} == words
    else:
        img = fig.axes[0].images[0].get_array()
        assert img.shape[:2] == (300, 500) and (img < 250).any()
    save(fig, f"wordcloud_{engine}", tmp_path)
