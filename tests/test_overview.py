"""arnews.overview: corpus tables checked against values counted by hand and against the sample."""
from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

from arnews import overview

matplotlib.use("Agg")


def _arts() -> pd.DataFrame:
    # Three articles; lengths counted by hand:
    #   a: "قال شي.\nاترك تعليقا" = 19 characters, clean "قال شي." = 7  -> 12 removed = 63.2 %
    #   b: "abc" (3), clean "abc" -> 0 %
    #   c: "" (0) -> 0 % (no division by zero)
    return pd.DataFrame({
        "article_id": ["a", "b", "c"],
        "title": ["عنوان", "title", None],
        "date": pd.to_datetime(["2022-01-05", "2022-03-20", None]),
        "outlet": ["الجزيرة", "  ", None],
        "text": ["قال شي.\nاترك تعليقا", "abc", ""],
        "clean_text": ["قال شي.", "abc", ""],
        "removed": [
            [{"rule": "comment_form_ar", "text": "\nاترك تعليقا", "start": 7, "end": 19}],
            [],
            None,
        ],
        "flags": [[], [{"script": "Latin", "text": "abc", "start": 0, "end": 3}], []],
        "n_tokens": [3, 1, 0],
    })


def test_articles_table_lengths_and_share_removed():
    t = overview.articles_table(_arts())
    assert t.columns.tolist() == ["article_id", "title", "date", "outlet", "n_chars", "n_chars_clean", "pct_removed", "n_tokens"]
    assert t["n_chars"].tolist() == [19, 3, 0]
    assert t["n_chars_clean"].tolist() == [7, 3, 0]
    assert t["pct_removed"].tolist() == [round(100 * 12 / 19, 1), 0.0, 0.0]
    # blank and missing outlets are grouped under one label
    assert t["outlet"].tolist() == ["الجزيرة", overview.UNKNOWN_OUTLET, overview.UNKNOWN_OUTLET]


def test_articles_table_without_clean_text_counts_nothing_removed():
    df = _arts().drop(columns=["clean_text", "removed", "flags", "n_tokens"])
    t = overview.articles_table(df)
    assert t["pct_removed"].tolist() == [0.0, 0.0, 0.0]
    assert "n_tokens" not in t


def test_removed_spans_and_cleaning_summary():
    df = pd.DataFrame({
        "article_id": ["a", "b"],
        "removed": [
            [{"rule": "x", "text": "ab", "start": 0, "end": 2}, {"rule": "y", "text": "cde", "start": 5, "end": 8},
             {"rule": "x", "text": "f", "start": 9, "end": 10}],
            np.array([{"rule": "x", "text": "ghij", "start": 1, "end": 5}], dtype=object),  # as read from Parquet
        ],
    })
    spans = overview.removed_spans(df)
    assert spans[["article_id", "rule", "start", "end", "n_chars"]].values.tolist() == [
        ["a", "x", 0, 2, 2], ["a", "y", 5, 8, 3], ["a", "x", 9, 10, 1], ["b", "x", 1, 5, 4]]
    per_article = overview.cleaning_summary(df, by="article")
    assert per_article.values.tolist() == [["a", "x", 2, 3], ["a", "y", 1, 3], ["b", "x", 1, 4]]
    # x: 2 articles, 3 spans, 2+1+4 = 7 chars; y: 1 article, 1 span, 3 chars -> x first
    assert overview.cleaning_summary(df, by="rule").values.tolist() == [["x", 2, 3, 7], ["y", 1, 1, 3]]
    with pytest.raises(ValueError, match="by must be"):
        overview.cleaning_summary(df, by="outlet")


def test_missing_column_error_names_it():
    with pytest.raises(ValueError, match=r"removed_spans needs .*'removed'"):
        overview.removed_spans(pd.DataFrame({"article_id": ["a"]}))


def test_script_flags_context_and_counts():
    text = "x" * 40 + " NATO " + "y" * 40
    df = pd.DataFrame({
        "article_id": ["a", "b"],
        "clean_text": [text, "قال NATO و NATO"],
        "flags": [[{"script": "Latin", "text": "NATO", "start": 41, "end": 45}],
                  [{"script": "Latin", "text": "NATO", "start": 4, "end": 8},
                   {"script": "Latin", "text": "NATO", "start": 11, "end": 15}]],
    })
    fl = overview.script_flags(df)
    # 30 characters either side of the fragment
    assert fl.loc[0, "context"] == text[11:75]
    assert fl.loc[1, "context"] == "قال NATO و NATO"
    assert overview.flag_counts(df).values.tolist() == [["Latin", "NATO", 3, 2]]
    empty = overview.flag_counts(df.assign(flags=[[], []]))
    assert len(empty) == 0


def test_articles_over_time_fills_gaps_and_counts_undated():
    df = pd.DataFrame({"date": pd.to_datetime(["2022-01-05", "2022-03-20", "2022-03-01", None])})
    t = overview.articles_over_time(df, freq="M")
    assert [p.strftime("%Y-%m") for p in t["period"]] == ["2022-01", "2022-02", "2022-03"]
    assert t["n_articles"].tolist() == [1, 0, 2]
    assert t.attrs == {"undated": 1, "freq": "M"}
    # two-and-a-half months: days by default; the days in between are zeros
    d = overview.articles_over_time(df)
    assert d.attrs["freq"] == "D" and len(d) == (pd.Timestamp("2022-03-20") - pd.Timestamp("2022-01-05")).days + 1
    assert d["n_articles"].sum() == 3
    # a ten-year span is counted per year
    y = overview.articles_over_time(pd.DataFrame({"date": pd.to_datetime(["2010-06-01", "2020-01-01"])}))
    assert y.attrs["freq"] == "Y" and y["n_articles"].tolist() == [1] + [0] * 9 + [1]
    with pytest.raises(ValueError, match="freq must be"):
        overview.articles_over_time(df, freq="Q")


def test_articles_over_time_without_dates():
    t = overview.articles_over_time(pd.DataFrame({"date": [None, None]}))
    assert len(t) == 0 and t.attrs["undated"] == 2


def test_articles_by_outlet():
    t = overview.articles_by_outlet(_arts())
    assert t.values.tolist() == [[overview.UNKNOWN_OUTLET, 2, 1], ["الجزيرة", 1, 3]]


def test_corpus_summary():
    arts = _arts()
    toks = pd.DataFrame({"is_word": [True, True, False, True]})
    rep = pd.DataFrame({"status": ["loaded"] * 3 + ["skipped", "missing"]})
    s = overview.corpus_summary(arts, toks, rep)
    assert s == {"articles": 3, "tokens": 4, "words": 3, "skipped": 2, "first_date": "2022-01-05",
                 "last_date": "2022-03-20", "undated": 1, "outlets": 2}
    # without a tokens table the text stage's n_tokens is used
    assert overview.corpus_summary(arts)["words"] == 4


def test_skipped_inputs():
    rep = pd.DataFrame({
        "source": ["/c/a.txt", "/c/sub/b.pdf", "/c/t.csv#row3"],
        "status": ["loaded", "skipped", "skipped"],
        "reason": ["", "not a .txt file (suffix .pdf)", "row 3: empty text"],
    })
    assert overview.skipped_inputs(rep)[["file", "status", "reason"]].values.tolist() == [
        ["b.pdf", "skipped", "not a .txt file (suffix .pdf)"], ["t.csv#row3", "skipped", "row 3: empty text"]]
    assert len(overview.skipped_inputs(None)) == 0


def test_rule_table_lists_every_rule_of_the_csv(repo_root):
    rules = pd.read_csv(repo_root / "data" / "clean_rules.csv", comment=None)
    t = overview.rule_table()
    assert set(rules["rule"]) <= set(t["rule"])
    assert t["description"].str.len().min() > 0


def test_on_the_sample(sample_annotations, sample_dir):
    arts = sample_annotations.articles
    table = overview.articles_table(arts)
    # article 002 carries an appended "إقرأ أيضاً" story: cleaning removes the largest share there
    assert table.loc[table["pct_removed"].idxmax(), "article_id"] == "002_2c5dc0bad80b8328"
    raw = (sample_dir / "002_2c5dc0bad80b8328.txt").read_text(encoding="utf-8")
    assert table.set_index("article_id").loc["002_2c5dc0bad80b8328", "n_chars"] == len(raw)
    spans = overview.removed_spans(arts)
    # every removed span is the original text at its offsets
    texts = arts.set_index("article_id")["text"]
    for r in spans.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.text
    # the Tamil fragment the machine translation left in article 000 is flagged
    fl = overview.script_flags(arts)
    tamil = fl[fl["script"] == "Tamil"]
    assert tamil["article_id"].tolist() == ["000_4a2b3c26a7f8d167"] and "பிடன்" in tamil["text"].iloc[0]
    s = overview.corpus_summary(arts, sample_annotations.tokens, sample_annotations.load_report)
    assert (s["articles"], s["skipped"], s["first_date"], s["last_date"]) == (5, 0, "2022-02-04", "2026-02-04")
    by_outlet = overview.articles_by_outlet(arts)
    assert by_outlet["n_articles"].sum() == 5


def test_plots_return_figures(tmp_path):
    df = pd.DataFrame({"date": pd.to_datetime(["2022-01-05", "2022-03-20", None]), "outlet": ["المستقلة", "x", None]})
    fig = overview.plot_articles_over_time(overview.articles_over_time(df, freq="M"))
    assert "1 undated" in fig.axes[0].get_title()
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["2022-01", "2022-02", "2022-03"]
    fig2 = overview.plot_articles_by_outlet(overview.articles_by_outlet(df), top=2)
    assert fig2.axes[0].get_title().endswith("(top 2 of 3)")
    fig2.savefig(tmp_path / "outlets.png")
    assert (tmp_path / "outlets.png").stat().st_size > 1000


def test_articles_over_time_plot_of_an_undated_corpus_is_a_sentence():
    """No dated article: one sentence saying so and how to add dates, not an empty frame."""
    from arnews.plots import UNDATED_MESSAGE

    fig = overview.plot_articles_over_time(overview.articles_over_time(pd.DataFrame({"date": [None, None]})))
    assert fig.arnews_message.startswith("2 articles, none dated.")
    assert UNDATED_MESSAGE in fig.arnews_message
    assert not any(ax.patches for ax in fig.axes)
