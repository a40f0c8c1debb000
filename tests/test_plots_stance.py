"""Stance plots render to PNG and draw what the data says."""
from __future__ import annotations

import matplotlib
import pandas as pd

from arnews import stance
from arnews.plots import stance as ps


def _stance_rows():
    return pd.DataFrame(
        [
            ("a", 0, "PUTIN", "XI", "RUS", "CHN", True, "cooperation", 0.6, "x", "directed"),
            ("a", 1, "USA", "CHN", "USA", "CHN", True, "conflict", -0.7, "y", "directed"),
            ("b", 0, "CHN", "RUS", "CHN", "RUS", False, "cooperation", 0.4, "z", "pair"),
        ],
        columns=stance.STANCE_COLUMNS,
    )


def test_distribution_bars_are_shares(tmp_path):
    ss = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "sentence_id": [0, 1, 2, 0],
                       "label": ["cooperation", "conflict", "cooperation", "neutral"]})
    fig = ps.plot_sentence_distribution(ss)
    ax = fig.axes[0]
    widths = [round(p.get_width(), 3) for p in ax.patches]
    # order: cooperation bars (a, b), neutral bars, conflict bars
    assert widths == [0.667, 0.0, 0.0, 1.0, 0.333, 0.0]
    fig.savefig(tmp_path / "d.png")
    assert (tmp_path / "d.png").stat().st_size > 5000


def test_signed_network_colours_and_widths(tmp_path):
    fig = ps.plot_actor_network(_stance_rows())
    ax = fig.axes[0]
    assert len(ax.get_lines()) == 2  # CHN–RUS and CHN–USA
    cmap = matplotlib.colormaps["RdBu"]
    colours = sorted(tuple(round(c, 3) for c in ln.get_color()) for ln in ax.get_lines())
    expected = sorted(tuple(round(c, 3) for c in cmap((v + 1) / 2)) for v in (0.5, -0.7))
    assert colours == expected
    widths = sorted(ln.get_linewidth() for ln in ax.get_lines())
    assert widths == [1 + 7 * 1 / 2, 1 + 7 * 2 / 2]  # 1 and 2 sentences
    fig.savefig(tmp_path / "n.png")
    assert (tmp_path / "n.png").stat().st_size > 5000


def test_pair_over_time_and_confusion(tmp_path):
    h = stance.pair_headline(_stance_rows(), articles=pd.DataFrame({"article_id": ["a", "b"], "date": ["2022-02-04", "2025-01-22"]}))
    fig = ps.plot_pair_over_time(h)
    pts = fig.axes[0].collections[0].get_offsets()
    assert [round(float(y), 3) for y in pts[:, 1]] == [0.6, 0.4]
    fig.savefig(tmp_path / "t.png")
    cm = pd.DataFrame([[3, 1, 0], [0, 2, 0], [1, 0, 4]], index=["gold cooperation", "gold neutral", "gold conflict"],
                      columns=["pred cooperation", "pred neutral", "pred conflict"])
    fig = ps.plot_confusion(cm)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["3", "1", "0", "0", "2", "0", "1", "0", "4"]
    fig.savefig(tmp_path / "c.png")


def test_empty_network_says_so():
    fig = ps.plot_actor_network(pd.DataFrame(columns=stance.STANCE_COLUMNS))
    assert fig.arnews_message.startswith("No dyads")
    assert not fig.axes[0].axison  # a sentence, not an empty frame


def test_pair_over_time_draws_months_beyond_max_points():
    import numpy as np
    import pandas as pd

    from arnews.plots import stance as sp

    n = 400  # 400 articles over about 9 months
    head = pd.DataFrame({"article_id": [f"a{i}" for i in range(n)],
                         "date": pd.date_range("2022-01-01", periods=n, freq="17h").strftime("%Y-%m-%d"),
                         "score": np.tile([0.5, -0.5, 1.0, 0.0], n // 4), "n_sentences": 2, "pair": "CHN~RUS"})
    fig = sp.plot_pair_over_time(head, max_points=150)
    ax = fig.axes[0]
    assert "400 articles by month" in ax.get_title()
    x = ax.get_lines()[-1].get_xdata()
    assert len(x) == head["date"].str[:7].nunique() and list(x) == sorted(x)
    fig = sp.plot_pair_over_time(head.head(100), max_points=150)  # few articles: one point each
    assert len(fig.axes[0].get_lines()[-1].get_xdata()) == 100


def test_pair_with_only_undated_articles_does_not_call_the_corpus_undated():
    """In a half-dated corpus the pair's articles may all be undated: the sentence says
    that, not "the corpus is undated", and still says how to add dates."""
    from arnews.plots._style import DATES_HOWTO

    head = pd.DataFrame({"article_id": ["qt02", "qt06"], "date": [pd.NaT, pd.NaT], "score": [0.66, -0.18],
                         "n_sentences": [4, 1], "pair": "CHN~RUS"})
    fig = ps.plot_pair_over_time(head)
    assert fig.arnews_message.startswith("CHN~RUS: 2 article(s) with a stance, none of them dated")
    assert "corpus is undated" not in fig.arnews_message and DATES_HOWTO in fig.arnews_message


def test_readme_shows_the_sample_network_as_drawn_now(sample_annotations, repo_root, tmp_path):
    """The README's figure exists and is what the current model and plot draw from the
    sample (redraw it with ``make readme-figure``)."""
    import numpy as np
    from PIL import Image

    shown = ps.readme_network_path()
    assert shown.relative_to(repo_root).as_posix() in (repo_root / "README.md").read_text(encoding="utf-8")
    fresh = ps.write_readme_network(tmp_path / "network.png", stance=sample_annotations.stance)
    a, b = (np.asarray(Image.open(p).convert("L"), dtype=float) for p in (shown, fresh))
    assert a.shape == b.shape, "the README network is stale: run `make readme-figure`"
    assert (np.abs(a - b) > 40).mean() < 0.002, "the README network is stale: run `make readme-figure`"


def test_network_dashes_the_edges_whose_interval_includes_zero():
    """Issue 16: the signed network shows the pairs' intervals: a dashed edge's sign is not established."""
    from arnews.plots.stance import plot_actor_network

    st = pd.DataFrame({"article_id": ["a"] * 4, "sentence_id": [0, 1, 2, 3],
                       "source": ["RUS", "RUS", "USA", "USA"], "target": ["CHN", "CHN", "CHN", "CHN"],
                       "source_country": ["RUS", "RUS", "USA", "USA"], "target_country": ["CHN", "CHN", "CHN", "CHN"],
                       "score": [0.8, 0.6, -0.5, 0.1]})
    iv = pd.DataFrame({"a": ["CHN", "CHN"], "b": ["RUS", "USA"], "low": [0.2, -0.6], "high": [0.9, 0.3],
                       "n_related": [2, 2]})
    fig = plot_actor_network(st, intervals=iv)
    styles = {ln.get_linestyle() for ln in fig.axes[0].get_lines()}
    assert styles == {"-", "--"}
    dashed = [ln for ln in fig.axes[0].get_lines() if ln.get_linestyle() == "--"]
    assert len(dashed) == 1
    assert "(1 of 2 edges)" in fig.axes[0].get_title()
    one = plot_actor_network(st, intervals=iv.assign(n_related=[1, 2]))  # one sentence: a zero-width interval
    assert [ln.get_linestyle() for ln in one.axes[0].get_lines()] == ["--", "--"]
    missing = plot_actor_network(st, intervals=iv.head(1))  # a pair without an interval is not established either
    assert "(1 of 2 edges)" in missing.axes[0].get_title()
    plain = plot_actor_network(st)
    assert {ln.get_linestyle() for ln in plain.axes[0].get_lines()} == {"-"}
    assert "dashed" not in plain.axes[0].get_title()
