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


def test_every_stance_plot_of_03_draws_intervals(repo_root):
    """03_stance: each figure is an interval plot, but the signed network (edges: no intervals;
    the pairs' intervals are plotted beside it) and the lexicon's confusion matrix (evaluation)."""
    import json
    import re

    nb = json.loads((repo_root / "notebooks" / "03_stance.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    drawn = re.findall(r"nb\.figure\(\s*([\w.]+)\(", code)
    others = [f for f in drawn if not f.startswith("plots_intervals.")]
    assert others == ["stance_plots.plot_actor_network", "stance_plots.plot_confusion"], drawn
    assert {"plots_intervals.plot_shares", "plots_intervals.plot_share_over_time", "plots_intervals.plot_pair_net",
            "plots_intervals.plot_pair_net_over"} <= set(drawn)
