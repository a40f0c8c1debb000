"""Every plot on a generated corpus of 60 actors and 200 articles, undated and dated.

Checks what makes a figure unreadable on a real corpus: overlapping node labels (text
extents from the renderer), empty axes, more bars than configured, repeated tick labels,
and time plots drawn for an undated corpus. Set ARNEWS_PLOT_DIR to keep the PNGs.
"""
from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.patches import Rectangle

from arnews import cooc, freq, stance
from arnews.labels import article_labels
from arnews.plots import cooc as pc
from arnews.plots import freq as pf
from arnews.plots import stance as ps
from arnews.plots._network import text_overlaps
from arnews.plots._style import DATES_HOWTO, UNDATED_MESSAGE, save
from arnews.text import sentences_table, tokens_table

matplotlib.use("Agg")

N_ACTORS, N_ARTICLES = 60, 200
_STEMS = ["الولايات المتحدة", "روسيا", "الصين", "إيران", "أوكرانيا", "سوريا", "المملكة العربية السعودية", "تركيا",
          "مصر", "فرنسا", "ألمانيا", "بريطانيا", "اليابان", "الهند", "باكستان", "العراق", "الأردن", "لبنان",
          "قطر", "الإمارات العربية المتحدة"]
ACTORS = [f"A{i:02d}" for i in range(N_ACTORS)]
NAMES = {a: (_STEMS[i] if i < len(_STEMS) else f"{_STEMS[i % len(_STEMS)]} {i // len(_STEMS) + 1}") for i, a in enumerate(ACTORS)}
WORDS = ["قال", "الرئيس", "العلاقات", "التعاون", "الحرب", "الاقتصاد", "النفط", "الأمن", "القمة", "الاتفاق",
         "العقوبات", "الحدود", "المفاوضات", "الطاقة", "الجيش", "البرلمان", "الانتخابات", "الشراكة", "الأزمة", "السلام"]


def _articles(dated: bool) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    ids = [f"saudinewsnet_{'' if dated else 'x'}{i:04d}" for i in range(N_ARTICLES)]
    texts = [". ".join(" ".join(rng.choice(WORDS, 8)) for _ in range(6)) + "." for _ in ids]
    dates = pd.date_range("2015-01-01", periods=N_ARTICLES, freq="5D") if dated else [pd.NaT] * N_ARTICLES
    return pd.DataFrame({"article_id": ids, "title": [f"{t.split('.')[0][:30]}" for t in texts], "date": dates,
                         "outlet": ["saudinewsnet"] * N_ARTICLES, "clean_text": texts, "text": texts})


def _occurrences(arts: pd.DataFrame) -> pd.DataFrame:
    """Six hubs named in most sentences (the hairball of the issue), 54 actors around them."""
    rng = np.random.default_rng(2)
    p = np.r_[np.full(6, 8.0), np.ones(N_ACTORS - 6)]
    rows = []
    for aid in arts["article_id"]:
        for s in range(6):
            for k, f in enumerate(rng.choice(ACTORS, 3, replace=False, p=p / p.sum())):
                rows.append((aid, s, k, k, f))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "feature"])


def _stance(occ: pd.DataFrame) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    rows = []
    for (aid, sid), g in occ.groupby(["article_id", "sentence_id"]):
        f = list(g["feature"])
        sc = float(rng.uniform(-1, 1))
        lab = "cooperation" if sc > 0.2 else "conflict" if sc < -0.2 else "neutral"
        rows.append((aid, sid, f[0], f[1], f[0], f[1], True, lab, sc, "cue", "directed"))
    st = pd.DataFrame(rows, columns=stance.STANCE_COLUMNS)
    st.loc[st.index[:40], ["source_country", "target_country"]] = ["A00", "A01"]
    return st


@pytest.fixture(scope="module", params=["undated", "dated"])
def corpus(request):
    arts = _articles(request.param == "dated")
    toks = tokens_table(sentences_table(arts))
    occ = _occurrences(arts)
    return {"kind": request.param, "arts": arts, "toks": toks, "occ": occ, "stance": _stance(occ)}


def flat(text: str) -> str:
    return " ".join(text.split())


def _out(name: str, tmp_path: Path) -> Path:
    d = Path(os.environ.get("ARNEWS_PLOT_DIR", tmp_path))
    d.mkdir(parents=True, exist_ok=True)
    return d / name


def check(fig, name, tmp_path, *, max_bars: int | None = None, network: bool = False) -> None:
    """No empty axes, distinct tick labels, at most ``max_bars`` bars per panel, no
    overlapping node labels; saves the PNG."""
    fig.canvas.draw()
    message = getattr(fig, "arnews_message", None)
    for ax in fig.axes:
        if not ax.get_visible() or ax.get_label() == "<colorbar>":
            continue
        has_data = bool(ax.patches or ax.lines or ax.collections or ax.images)
        assert has_data or (message and ax.texts), f"{name}: an empty axes"
        for ticks in (ax.get_yticklabels(), ax.get_xticklabels()):
            shown = [t.get_text() for t in ticks if t.get_text() and t.get_visible()]
            assert len(shown) == len(set(shown)), f"{name}: repeated tick labels {shown}"
        if max_bars is not None:
            bars = {round(p.get_y(), 6) for p in ax.patches if isinstance(p, Rectangle) and p.get_height() < 1}
            assert len(bars) <= max_bars, f"{name}: {len(bars)} bars > {max_bars}"
    if network:
        texts = [t for t in fig.axes[0].texts]
        assert len(texts) >= 20
        assert text_overlaps(fig, texts) == [], f"{name}: node labels overlap"
        # legible at the exported size: no label shrunk below 8 pt, and a figure that still fits
        # a page at a normal zoom (labels of a 30-inch-wide figure shrink to a third on screen)
        assert min(t.get_fontsize() for t in texts) >= 8, f"{name}: node labels below 8 pt"
        assert max(fig.get_size_inches()) <= 20, f"{name}: figure {fig.get_size_inches()} in"
    fig.savefig(_out(f"scale_{name}.png", tmp_path), dpi=100)
    plt.close(fig)


def test_cooc_network_without_overlaps(corpus, tmp_path):
    m = cooc.cooccurrence(corpus["occ"], "sentence", n_units=N_ARTICLES * 6)
    g = cooc.cooc_graph(m, min_count=1, weight="count", gazetteer=False)
    assert g.number_of_nodes() == N_ACTORS
    fig = pc.plot_network(g, labels=NAMES)
    assert "hidden" in flat(fig.axes[0].get_title())  # the top-k filter says how many edges it hid
    check(fig, f"cooc_network_{corpus['kind']}", tmp_path, network=True)


def test_cooc_tables(corpus, tmp_path):
    m = cooc.cooccurrence(corpus["occ"], "sentence", n_units=N_ARTICLES * 6)
    fig = pc.plot_heatmap(m, value="npmi", top=20, labels=NAMES)
    assert "40 left out" in flat(fig.axes[0].get_title())
    check(fig, f"cooc_heatmap_{corpus['kind']}", tmp_path)
    colls = pd.DataFrame({"collocate": WORDS, "count": range(20, 0, -1), "log_dice": np.linspace(12, 8, 20)})
    check(pc.plot_collocates(colls, top=15), f"cooc_collocates_{corpus['kind']}", tmp_path, max_bars=15)


def test_cooc_over_time(corpus, tmp_path):
    by_period = cooc.cooccurrence_by_period(corpus["occ"], corpus["arts"], "Q", "sentence")
    fig = pc.plot_pair_over_time(by_period, [("A00", "A01")], labels=NAMES)
    if corpus["kind"] == "undated":
        assert fig.arnews_message == UNDATED_MESSAGE
    else:
        x = fig.axes[0].get_lines()[0].get_xdata()
        assert list(x) == sorted(x) and len(x) == by_period["period"].nunique()
    check(fig, f"cooc_pair_time_{corpus['kind']}", tmp_path)
    periods = sorted(by_period["period"].unique())
    terms = pd.DataFrame([(p, w, 3, 0.5 + i, 2.0) for p in periods for i, w in enumerate(WORDS[:5])],
                         columns=["period", "term", "count", "log_ratio", "g2"])
    fig = pc.plot_context_shift(terms, top=5, max_panels=6)
    if corpus["kind"] == "undated":
        assert DATES_HOWTO in fig.arnews_message
    else:
        assert sum(ax.get_visible() for ax in fig.axes) == 6
    check(fig, f"cooc_context_shift_{corpus['kind']}", tmp_path, max_bars=5)


def test_stance_plots(corpus, tmp_path):
    st, arts = corpus["stance"], corpus["arts"]
    fig = ps.plot_actor_network(st, level="country", labels=NAMES)
    assert "hidden" in flat(fig.axes[0].get_title())
    check(fig, f"stance_network_{corpus['kind']}", tmp_path, network=True)
    ss = st[["article_id", "sentence_id", "label"]]
    fig = ps.plot_sentence_distribution(ss, arts, max_bars=30)
    assert "170 left out" in flat(fig.axes[0].get_title())
    check(fig, f"stance_distribution_{corpus['kind']}", tmp_path, max_bars=30)
    head = stance.pair_headline(st, articles=arts, pair=("A00", "A01"))
    fig = ps.plot_pair_over_time(head)
    if corpus["kind"] == "undated":
        assert "none of them dated" in fig.arnews_message and DATES_HOWTO in fig.arnews_message
    else:
        x = fig.axes[0].get_lines()[-1].get_xdata()
        assert list(x) == sorted(x)
    check(fig, f"stance_pair_time_{corpus['kind']}", tmp_path)


def test_freq_plots(corpus, tmp_path):
    toks, arts = corpus["toks"], corpus["arts"]
    f = freq.frequency_table(toks)
    check(pf.plot_top_terms(f, top=12), f"freq_top_{corpus['kind']}", tmp_path, max_bars=12)
    check(pf.plot_wordcloud(f, top=80), f"freq_wordcloud_{corpus['kind']}", tmp_path)
    by_art = freq.frequency_table(toks, by="article", articles=arts)
    fig = pf.plot_top_terms(by_art, top=5, max_groups=6)
    assert "194 left out" in flat(fig.get_suptitle())
    check(fig, f"freq_top_by_article_{corpus['kind']}", tmp_path, max_bars=5)
    k = freq.keyness(toks, arts["article_id"].iloc[0], min_count=1)
    check(pf.plot_keyness(k, top=10), f"freq_keyness_{corpus['kind']}", tmp_path, max_bars=20)
    disp = freq.dispersion(toks, ["الحرب", "النفط"])
    fig = pf.plot_dispersion(disp, labels=article_labels(arts), max_rows=40)
    assert len(fig.axes[0].get_yticklabels()) == 40
    check(fig, f"freq_dispersion_{corpus['kind']}", tmp_path)
    tr = freq.term_trends(toks, WORDS[:12], arts, period="quarter")
    fig = pf.plot_trends(tr, max_lines=8)
    if corpus["kind"] == "undated":
        assert fig.arnews_message == UNDATED_MESSAGE
    else:
        assert len(fig.axes[0].get_lines()) == 8
        for ln in fig.axes[0].get_lines():
            x = ln.get_xdata()
            assert list(x) == sorted(x)
    check(fig, f"freq_trends_{corpus['kind']}", tmp_path)


def test_save_png_svg_pdf(corpus, tmp_path):
    fig = pc.plot_network(cooc.cooc_graph(cooc.cooccurrence(corpus["occ"], "sentence", n_units=1200), min_count=1,
                                          weight="count", gazetteer=False), labels=NAMES)
    paths = save(fig, tmp_path / "network.png", dpi=300)
    assert [p.suffix for p in paths] == [".png", ".svg", ".pdf"]
    assert all(p.stat().st_size > 10_000 for p in paths)
    from PIL import Image

    w, _ = Image.open(paths[0]).size
    assert w > fig.get_size_inches()[0] * 250  # high-DPI PNG
    plt.close(fig)


def test_components_packed_by_their_extent():
    """A tall main component and a pair: the pair sits next to the main component's actual
    width, not next to a square allotted to it (which left an empty band and squeezed the
    main component into a third of the width, as on the sample's stance network)."""
    import networkx as nx

    from arnews.plots._network import initial_layout

    g = nx.disjoint_union(nx.grid_2d_graph(3, 8), nx.path_graph(2))  # 24 nodes laid out tall and narrow, then 2
    pos = initial_layout(g)
    main = np.array([pos[v] for v in range(24)])
    pair = np.array([pos[v] for v in (24, 25)])
    assert main[:, 0].max() - main[:, 0].min() > 0.4
    assert pair[:, 0].min() - main[:, 0].max() < 0.25
    assert np.allclose(np.r_[main, pair].min(axis=0), 0) and np.allclose(np.r_[main, pair].max(axis=0), 1)


def test_overview_and_interval_plots(corpus, tmp_path):
    """The corpus overview and the interval plots (shares, pair net stance) on the same
    corpora: 60 outlets, 200 articles, undated or dated."""
    from arnews import correct, overview, plots_intervals

    arts = corpus["arts"].assign(outlet=[f"outlet{i % 60:02d}" for i in range(N_ARTICLES)])
    fig = overview.plot_articles_over_time(overview.articles_over_time(arts))
    if corpus["kind"] == "undated":
        assert UNDATED_MESSAGE in fig.arnews_message
    check(fig, f"overview_time_{corpus['kind']}", tmp_path)
    fig = overview.plot_articles_by_outlet(overview.articles_by_outlet(arts), top=20)
    assert "top 20 of 60" in fig.axes[0].get_title()
    check(fig, f"overview_outlets_{corpus['kind']}", tmp_path, max_bars=20)
    st = corpus["stance"]
    tones = st[["article_id", "sentence_id", "label"]]
    pairs = st.rename(columns={"source_country": "a", "target_country": "b"})[["article_id", "sentence_id", "a", "b", "label"]]
    est = correct.stance_estimates(tones, pairs, arts, n_boot=20, method="lexicon")
    fig = plots_intervals.plot_shares(est.by_outlet, by="outlet", max_rows=30)
    assert "30 of 60 outlets shown" in " ".join(fig.axes[0].get_title(loc="left").split())
    check(fig, f"intervals_shares_{corpus['kind']}", tmp_path)
    fig = plots_intervals.plot_share_over_time(est.by_period)
    if corpus["kind"] == "undated":
        assert fig.arnews_message.startswith("No dated article")
    else:
        x = fig.axes[0].get_lines()[0].get_xdata()
        assert list(x) == sorted(x)
    check(fig, f"intervals_share_time_{corpus['kind']}", tmp_path)
    fig = plots_intervals.plot_pair_net(est.pairs, top=15)
    assert "15 of" in " ".join(fig.axes[0].get_title(loc="left").split())
    check(fig, f"intervals_pair_net_{corpus['kind']}", tmp_path)
