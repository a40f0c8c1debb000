"""Interval plots (arnews.plots_intervals): what they draw and what they say they rest on."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from arnews import correct, plots_intervals

from test_correct import synthetic_corpus


@pytest.fixture(scope="module")
def estimates():
    c = synthetic_corpus(n_articles=24)
    arts = c.drop_duplicates("article_id")[["article_id", "outlet", "date"]]
    pairs = pd.DataFrame({"article_id": [f"art{i % 24:03d}" for i in range(60)], "sentence_id": range(60),
                          "a": ["CHN", "RUS"] * 30, "b": ["RUS", "UKR"] * 30,
                          "label": ["cooperation", "conflict", "none", "conflict"] * 15})
    labelled = c.sample(120, random_state=0).rename(columns={"truth": "gold"})
    lp = pairs.assign(gold=pairs["label"].replace({"none": "conflict"})).head(30)
    tones = c[["article_id", "sentence_id", "label"]]
    with_labels = correct.stance_estimates(tones, pairs, arts, labelled, lp, n_boot=100, method="model")
    without = correct.stance_estimates(tones, pairs, arts, n_boot=100, method="lexicon")
    return with_labels, without


def _title(fig):
    return fig.axes[0].get_title(loc="left").replace("\n", " ")


def test_labelled_plots_show_raw_and_corrected_with_the_number_of_labels(estimates):
    est, _ = estimates
    for fig, n_series, unit in [(plots_intervals.plot_shares(est.by_outlet, by="outlet", method="model"), 2, "sentences"),
                                (plots_intervals.plot_pair_net(est.pairs, method="model"), 2, "pairs")]:
        assert f"measured on {est.n_labelled if unit == 'sentences' else 30} labelled {unit}" in _title(fig)
        assert len(fig.axes[0].containers) == n_series  # error bars: raw and corrected
        plt.close(fig)
    fig = plots_intervals.plot_share_over_time(est.by_period, method="model")
    assert len(fig.axes[0].lines) == 2 and len(fig.axes[0].collections) == 2  # two lines, two bands
    assert "120 labelled sentences" in _title(fig)
    plt.close(fig)


def test_without_labels_the_plots_say_they_rest_on_the_built_in_evaluation(estimates):
    _, est = estimates
    fig = plots_intervals.plot_shares(est.by_outlet, by="outlet", category="cooperation", method="lexicon")
    assert "built-in evaluation only" in _title(fig) and len(fig.axes[0].containers) == 1
    plt.close(fig)
    fig = plots_intervals.plot_share_over_time(est.by_period, method="lexicon")
    assert "built-in evaluation only" in _title(fig) and len(fig.axes[0].lines) == 1
    plt.close(fig)


def test_one_pair_over_articles_in_date_order():
    pairs = pd.DataFrame({"article_id": ["x", "x", "y", "y", "z"], "sentence_id": range(5), "a": "CHN", "b": "RUS",
                          "label": ["cooperation", "conflict", "conflict", "none", "cooperation"]})
    t = correct.pair_net_stance(pairs, by="article_id", n_boot=50)
    fig = plots_intervals.plot_pair_net_over(t, ("RUS", "CHN"), x="article_id", order=["z", "y", "x"])
    ticks = [tk.get_text() for tk in fig.axes[0].get_xticklabels()]
    assert ticks == ["z (1)", "y (1)", "x (2)"] and "built-in evaluation only" in _title(fig)
    plt.close(fig)


def test_pair_net_puts_the_most_related_pair_on_top_and_says_what_it_left_out():
    pairs = pd.DataFrame({"article_id": [f"a{i}" for i in range(21)], "sentence_id": range(21),
                          "a": ["CHN"] * 6 + ["RUS"] * 15, "b": ["RUS"] * 6 + [f"X{i % 5}" for i in range(15)],
                          "label": ["cooperation", "conflict", "none"] * 7})
    t = correct.pair_net_stance(pairs, n_boot=20)
    assert t["n_related"].iloc[0] == t["n_related"].max()
    fig = plots_intervals.plot_pair_net(t, top=3)
    ax = fig.axes[0]
    top_label = min(ax.get_yticklabels(), key=lambda tk: -tk.get_window_extent(fig.canvas.get_renderer()).y0)
    assert top_label.get_text().startswith(f"{t['a'].iloc[0]}–{t['b'].iloc[0]}")
    assert "3 of 6 pairs shown (most related sentences); 3 left out" in _title(fig)
    plt.close(fig)


def test_share_over_time_says_undated_articles_were_left_out(estimates):
    _, est = estimates
    by_period = est.by_period
    half = pd.concat([by_period, by_period.head(3).assign(period="unknown")], ignore_index=True)
    fig = plots_intervals.plot_share_over_time(half, method="lexicon")
    assert "undated articles left out" in _title(fig)
    plt.close(fig)
    fig = plots_intervals.plot_share_over_time(by_period, method="lexicon")
    assert "undated" not in _title(fig)
    plt.close(fig)


def test_shares_beyond_max_rows_keep_the_busiest_and_say_so():
    rows = [{"outlet": f"o{i:03d}", "category": "conflict", "n": 10 + i, "raw": 0.3, "raw_low": 0.2, "raw_high": 0.4,
             "corrected": 0.3, "low": 0.2, "high": 0.4, "n_labelled": 0} for i in range(200)]
    fig = plots_intervals.plot_shares(pd.DataFrame(rows), by="outlet", max_rows=30)
    ticks = [tk.get_text() for tk in fig.axes[0].get_yticklabels()]
    assert ticks == [f"o{i:03d}" for i in range(170, 200)]  # the 30 with most sentences, in table order
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    screen = sorted(fig.axes[0].get_yticklabels(), key=lambda tk: -tk.get_window_extent(r).y0)
    assert [tk.get_text() for tk in screen] == ticks  # the table's first row on top
    assert "30 of 200 outlets shown (most sentences); 170 left out" in _title(fig)
    plt.close(fig)


def test_every_stance_plot_of_03_draws_intervals(repo_root):
    """03_stance: each figure is an interval plot, but the signed network (its edges dashed where
    the pair's interval includes 0; the intervals are plotted beside it) and the lexicon's
    confusion matrix (evaluation)."""
    import json
    import re

    nb = json.loads((repo_root / "notebooks" / "03_stance.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    drawn = re.findall(r"nb\.figure\(\s*([\w.]+)\(", code)
    others = [f for f in drawn if not f.startswith("plots_intervals.")]
    assert others == ["stance_plots.plot_actor_network", "stance_plots.plot_confusion"], drawn
    assert "intervals=iv" in code  # the network is given the pairs' intervals
    assert {"plots_intervals.plot_shares", "plots_intervals.plot_share_over_time", "plots_intervals.plot_pair_net",
            "plots_intervals.plot_pair_net_over"} <= set(drawn)


def test_the_legend_sits_beside_the_axes_never_over_a_point_or_bar(estimates):
    est, _ = estimates
    figs = [plots_intervals.plot_shares(est.by_outlet, by="outlet", category=c, method="model")
            for c in ("cooperation", "conflict")]
    figs += [plots_intervals.plot_pair_net(est.pairs, method="model"),
             plots_intervals.plot_share_over_time(est.by_period, method="model")]
    for fig in figs:
        fig.canvas.draw()
        ax = fig.axes[0]
        legend, area = ax.get_legend().get_window_extent(), ax.get_window_extent()
        assert legend.x0 >= area.x1, "the legend overlaps the plotting area"
        assert fig.bbox.contains(legend.x1 - 1, legend.y0 + 1)  # and is not cut off
        plt.close(fig)
