"""Article labels: short, distinct, readable; and dates taken from file names / URLs."""
from __future__ import annotations

import pandas as pd
import pytest

from arnews.corpus import date_from_name, load_corpus
from arnews.labels import FSI, LRI, PDI, article_labels, label_table, short_ids


def test_ids_with_a_long_shared_prefix_give_distinct_short_labels():
    ids = [f"saudinewsnet_2015-08-02_{n}" for n in (847, 848, 12, 1203)]
    arts = pd.DataFrame({"article_id": ids, "title": [None, "", None, None]})
    labels = article_labels(arts, isolate=False)
    assert len(set(labels.values())) == len(ids)
    assert all(len(v) <= 16 for v in labels.values())
    assert not any(v.startswith("saudinewsnet") for v in labels.values())


def test_same_title_and_date_are_told_apart():
    arts = pd.DataFrame({
        "article_id": ["sn_2015_a1", "sn_2015_a2", "sn_2015_b", "sn_2015_c"],
        "title": ["روسيا والصين توقعان اتفاقية للطاقة في موسكو"] * 2 + ["روسيا والصين توقعان اتفاقية للطاقة في بكين", "قمة"],
        "date": ["2015-08-02", "2015-08-02", "2015-08-02", None],
        "outlet": ["X", "X", "X", "X"],
    })
    labels = article_labels(arts, isolate=False)
    assert len(set(labels.values())) == 4
    assert labels["sn_2015_c"] == "قمة"  # one outlet: not repeated on every label; no date: none shown
    assert labels["sn_2015_a1"].startswith("روسيا والصين توقعان اتفاقية")
    assert "2015-08-02" in labels["sn_2015_a1"]
    assert "في موسكو" in labels["sn_2015_a1"] and "في بكين" in labels["sn_2015_b"]  # more words where needed
    assert labels["sn_2015_a1"] != labels["sn_2015_a2"]  # identical title and date: the id tells them apart


def test_outlet_shown_when_the_corpus_has_several_and_dates_kept_left_to_right():
    arts = pd.DataFrame({"article_id": ["a", "b"], "title": ["خبر", "خبر"], "date": ["2020-01-02", "2020-01-02"],
                         "outlet": ["الأهرام", "BBC"]})
    labels = article_labels(arts)
    assert labels["a"] == f"خبر · {LRI}2020-01-02{PDI} · {FSI}الأهرام{PDI}"
    assert labels["b"] == f"خبر · {LRI}2020-01-02{PDI} · {FSI}BBC{PDI}"


def test_label_table_keeps_ids_and_short_ids():
    t = label_table(pd.DataFrame({"article_id": ["x1", "x2"], "title": ["أ", "ب"]}))
    assert t.columns.tolist() == ["article_id", "label"] and t["article_id"].tolist() == ["x1", "x2"]
    assert short_ids(["abc"]) == {"abc": "abc"}
    with pytest.raises(ValueError, match="article_id"):
        article_labels(pd.DataFrame({"id": [1]}))


@pytest.mark.parametrize("name, iso", [
    ("saudinewsnet_2015-08-02_847.txt", "2015-08-02"),
    ("/corpus/2019/03/07/story.txt", "2019-03-07"),
    ("https://www.example.com/news/2021_12_31/x", "2021-12-31"),
    ("article_20200229.txt", "2020-02-29"),
    ("id_847_2015.txt", None),
    ("x_2015-13-02.txt", None),
    ("code_1202015080212.txt", None),
    (None, None),
])
def test_date_from_name(name, iso):
    assert date_from_name(name) == iso


def test_undated_files_get_the_date_in_their_name(tmp_path):
    (tmp_path / "saudinewsnet_2015-08-02_847.txt").write_text("عنوان\nقال بوتين.", encoding="utf-8")
    (tmp_path / "saudinewsnet_2015-08-03_12.txt").write_text("عنوان آخر\nتاريخ النشر: 5 مارس 2024\nنص.", encoding="utf-8")
    (tmp_path / "no_date.txt").write_text("عنوان ثالث\nنص.", encoding="utf-8")
    arts = load_corpus(tmp_path).set_index("article_id")
    assert str(arts.loc["saudinewsnet_2015-08-02_847", "date"].date()) == "2015-08-02"
    assert arts.loc["saudinewsnet_2015-08-02_847", "date_source"] == "filename"
    assert arts.loc["saudinewsnet_2015-08-03_12", "date_source"] == "text"  # the article's own date line first
    assert pd.isna(arts.loc["no_date", "date"]) and pd.isna(arts.loc["no_date", "date_source"])


def test_table_rows_use_a_url_column_not_the_table_name(tmp_path):
    p = tmp_path / "dump_2015-01-01.csv"
    pd.DataFrame({"text": ["نص أول.", "نص ثان."], "url": ["https://x.com/2016/05/04/a", ""]}).to_csv(p, index=False)
    arts = load_corpus(p)
    assert arts["date_source"].iloc[0] == "url" and pd.isna(arts["date_source"].iloc[1])
    assert str(arts["date"].iloc[0].date()) == "2016-05-04" and pd.isna(arts["date"].iloc[1])


def test_readme_says_where_dates_come_from():
    """The README names every ``date_source`` the loader records and the file-name fallback."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for source in ("metadata", "text", "filename", "url"):
        assert f"`{source}`" in readme, source
    assert "date_source" in readme and "file name" in readme
