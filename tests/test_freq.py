"""arnews.freq and arnews.stopwords: every number is checked against counts made by hand
on three small texts (clitic forms, stopwords, sentence and punctuation boundaries), G² and
the log ratio against the formulas written out, and KWIC against the sample's clean text."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from arnews import freq
from arnews.stopwords import default_stopwords, read_stopword_file, resolve_stopwords
from arnews.text import sentences_table, tokens_table

# a: 10 words, 2 sentences      b: 5 words      c: 4 words (2 sentences)      = 19 words
ARTS = pd.DataFrame(
    {
        "article_id": ["a", "b", "c"],
        "date": ["2022-01-10", "2023-05-02", "2023-06-01"],
        "outlet": ["X", "Y", "X"],
        "clean_text": [
            "زارت روسيا الصين. وقال إن الصين وروسيا شريكان، والصين قوية.",
            "بالصين وللصين في الصين اليوم.",
            "روسيا تدعم أوكرانيا؟ لا.",
        ],
    }
)
TOKS = tokens_table(sentences_table(ARTS))
SW = ["في", "إن", "وقال", "اليوم", "لا"]  # stopwords of these texts, given explicitly
# lemmas written by hand (clitics and the article removed); one left missing -> norm
LEMMA = {"الصين": "صين", "والصين": "صين", "بالصين": "صين", "وللصين": "صين", "روسيا": "روسيا",
         "وروسيا": "روسيا", "وقال": "قال", "إن": "إن", "زارت": "زار", "شريكان": "شريك", "قوية": "قوي",
         "في": "في", "اليوم": "يوم", "تدعم": "دعم", "لا": "لا"}
TOKS_L = TOKS.assign(lemma=TOKS["surface"].map(LEMMA))  # أوكرانيا and punctuation have no lemma


def row(df, term, **where):
    sel = df["term"] == term
    for k, v in where.items():
        sel &= df[k] == v
    assert sel.sum() == 1, f"{term} {where}: {sel.sum()} rows"
    return df[sel].iloc[0]


# ---------------------------------------------------------------------------
# frequency tables
# ---------------------------------------------------------------------------


def test_norm_counts_keep_clitic_forms_apart():
    f = freq.frequency_table(TOKS, stopwords=False)
    assert f.attrs["sizes"] == {"corpus": 19}
    r = row(f, "الصين")
    assert (r["count"], r["docfreq"], r["rank"]) == (3, 2, 1)
    assert r["per_10k"] == pytest.approx(3 / 19 * 10_000)
    assert row(f, "روسيا")["count"] == 2
    for clitic in ["والصين", "بالصين", "وللصين", "وروسيا"]:
        assert row(f, clitic)["count"] == 1
    assert row(f, "ان")["count"] == 1  # normalized إن
    assert f["count"].sum() == 19 and len(f) == 16
    # ties share the rank: 14 terms seen once, after the two seen more
    assert set(f.loc[f["count"] == 1, "rank"]) == {3}


def test_surface_and_lemma_forms():
    s = freq.frequency_table(TOKS, "surface", stopwords=False)
    assert "إن" in set(s["term"]) and "ان" not in set(s["term"])
    assert row(s, "أوكرانيا")["count"] == 1
    lem = freq.frequency_table(TOKS_L, "lemma", stopwords=False)
    r = row(lem, "صين")
    # a: الصين الصين والصين; b: بالصين وللصين الصين
    assert (r["count"], r["docfreq"]) == (6, 2)
    assert row(lem, "روسيا")["count"] == 3
    assert row(lem, "اوكرانيا")["count"] == 1  # no lemma -> its norm
    with pytest.raises(ValueError, match="lemma"):
        freq.frequency_table(TOKS, "lemma")


def test_stopwords_hidden_but_sizes_unchanged():
    f = freq.frequency_table(TOKS, stopwords=SW)
    assert not set(f["term"]) & {"في", "ان", "وقال", "اليوم", "لا"}
    assert len(f) == 16 - 5
    assert row(f, "الصين")["per_10k"] == pytest.approx(3 / 19 * 10_000)  # denominator keeps stopwords
    assert f.attrs["sizes"] == {"corpus": 19}
    # the default list (package + data/stopwords.csv) drops the same five words here
    d = freq.frequency_table(TOKS)
    assert set(d["term"]) == set(f["term"])


def test_lemma_stopwords_use_norm_or_lemma():
    lem = freq.frequency_table(TOKS_L, "lemma", stopwords=["قال"])
    assert "قال" not in set(lem["term"])  # وقال: its lemma is a stopword


def test_grouped_by_article_outlet_year_month():
    a = freq.frequency_table(TOKS, by="article", stopwords=False)
    assert a.attrs["sizes"] == {"a": 10, "b": 5, "c": 4}
    assert row(a, "الصين", article_id="a")["count"] == 2
    assert row(a, "الصين", article_id="a")["per_10k"] == pytest.approx(2000.0)
    assert row(a, "الصين", article_id="b")["per_10k"] == pytest.approx(2000.0)
    assert row(a, "الصين", article_id="a")["rank"] == 1
    o = freq.frequency_table(TOKS, by="outlet", articles=ARTS, stopwords=False)
    assert o.attrs["sizes"] == {"X": 14, "Y": 5}
    r = row(o, "روسيا", outlet="X")
    assert (r["count"], r["docfreq"]) == (2, 2)
    y = freq.frequency_table(TOKS, by="year", articles=ARTS, stopwords=False)
    assert y.attrs["sizes"] == {"2022": 10, "2023": 9}
    assert row(y, "روسيا", period="2023")["count"] == 1
    m = freq.frequency_table(TOKS, by="month", articles=ARTS, stopwords=False)
    assert set(m["period"]) == {"2022-01", "2023-05", "2023-06"}
    with pytest.raises(ValueError, match="articles"):
        freq.frequency_table(TOKS, by="outlet")


def test_bigrams_stop_at_sentences_and_punctuation():
    b = freq.frequency_table(TOKS, ngram=2, stopwords=False)
    expected = {
        "زارت روسيا", "روسيا الصين",  # a, sentence 0
        "وقال ان", "ان الصين", "الصين وروسيا", "وروسيا شريكان", "والصين قوية",  # a, sentence 1 (، cuts)
        "بالصين وللصين", "وللصين في", "في الصين", "الصين اليوم",  # b
        "روسيا تدعم", "تدعم اوكرانيا",  # c (؟ cuts)
    }
    assert set(b["term"]) == expected
    assert b.attrs["sizes"] == {"corpus": 13}
    assert "الصين وقال" not in set(b["term"]) and "شريكان والصين" not in set(b["term"])
    # stopword at either edge drops the n-gram
    bs = freq.frequency_table(TOKS, ngram=2, stopwords=SW)
    assert set(bs["term"]) == expected - {"وقال ان", "ان الصين", "وللصين في", "في الصين", "الصين اليوم"}
    assert row(bs, "الصين وروسيا")["per_10k"] == pytest.approx(1 / 13 * 10_000)


def test_trigrams():
    t = freq.frequency_table(TOKS, ngram=3, stopwords=False)
    assert set(t["term"]) == {
        "زارت روسيا الصين", "وقال ان الصين", "ان الصين وروسيا", "الصين وروسيا شريكان",
        "بالصين وللصين في", "وللصين في الصين", "في الصين اليوم", "روسيا تدعم اوكرانيا",
    }
    ts = freq.frequency_table(TOKS, ngram=3, stopwords=SW)
    # في الصين اليوم and وقال ان الصين start or end with a stopword; وللصين في الصين does not
    assert "وللصين في الصين" in set(ts["term"]) and "في الصين اليوم" not in set(ts["term"])


def test_sentence_boundary_without_punctuation_rows():
    t = pd.DataFrame({"article_id": ["a"] * 4, "sentence_id": [0, 0, 1, 1], "token_id": [0, 1, 2, 3],
                      "surface": ["س", "ص", "ع", "ف"], "norm": ["س", "ص", "ع", "ف"], "is_word": [True] * 4})
    assert freq.frequency_table(t, ngram=2, stopwords=False)["term"].tolist() == ["س ص", "ع ف"]


def test_row_order_does_not_matter():
    shuffled = TOKS.sample(frac=1, random_state=3)
    for ng in (1, 2):
        a = freq.frequency_table(TOKS, ngram=ng, by="article", stopwords=False)
        b = freq.frequency_table(shuffled, ngram=ng, by="article", stopwords=False)
        pd.testing.assert_frame_equal(a.sort_values(["article_id", "term"]).reset_index(drop=True),
                                      b.sort_values(["article_id", "term"]).reset_index(drop=True))


def test_min_count():
    f = freq.frequency_table(TOKS, stopwords=False, min_count=2)
    assert f["term"].tolist() == ["الصين", "روسيا"]


def test_vocabulary_per_article_and_corpus():
    v = freq.vocabulary(TOKS).set_index("article_id")
    # a: 10 words, الصين twice -> 9 types, 8 seen once
    assert v.loc["a", ["tokens", "types", "hapax"]].tolist() == [10, 9, 8]
    assert v.loc["a", "ttr"] == pytest.approx(0.9)
    assert v.loc["c", ["tokens", "types"]].tolist() == [4, 4]
    c = freq.vocabulary(TOKS, by=None)
    assert c[["tokens", "types", "hapax"]].values.tolist() == [[19, 16, 14]]


# ---------------------------------------------------------------------------
# keyness
# ---------------------------------------------------------------------------


def g2_by_hand(a, b, c, d):
    """G² of the table [[a, c-a], [b, d-b]] written out cell by cell."""
    n = c + d
    cells = [(a, c * (a + b) / n), (c - a, c * (n - a - b) / n), (b, d * (a + b) / n), (d - b, d * (n - a - b) / n)]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)


def test_keyness_article_vs_rest_by_hand():
    k = freq.keyness(TOKS, "a", stopwords=False, min_count=1)
    r = row(k, "الصين")  # a: 2 of 10; b and c: 1 of 9
    assert (r["count"], r["ref_count"], r["size"], r["ref_size"]) == (2, 1, 10, 9)
    g = g2_by_hand(2, 1, 10, 9)
    assert r["g2"] == pytest.approx(g)
    assert r["p_value"] == pytest.approx(math.erfc(math.sqrt(g / 2)))  # χ² with 1 df
    assert r["log_ratio"] == pytest.approx(math.log2((2 / 10) / (1 / 9)))
    assert r["expected"] == pytest.approx(10 * 3 / 19)
    # only in the target: a zero count is replaced by 0.5 in the log ratio
    z = row(k, "زارت")
    assert z["log_ratio"] == pytest.approx(math.log2((1 / 10) / (0.5 / 9)))
    # more frequent in the reference: negative G²
    ru = row(k, "روسيا")  # a: 1/10, rest: 1/9
    assert ru["g2"] == pytest.approx(-g2_by_hand(1, 1, 10, 9))
    o = row(k, "تدعم")
    assert o["g2"] < 0 and o["count"] == 0
    assert k["g2"].is_monotonic_decreasing


def test_keyness_period_and_explicit_reference():
    k = freq.keyness(TOKS, "2023", by="year", articles=ARTS, stopwords=SW, min_count=1)
    assert k.attrs["target"] == ["2023"]
    r = row(k, "روسيا")  # 2023: 1 of 9 words; 2022: 1 of 10
    assert (r["count"], r["ref_count"], r["size"], r["ref_size"]) == (1, 1, 9, 10)
    assert r["g2"] == pytest.approx(g2_by_hand(1, 1, 9, 10))
    assert not set(k["term"]) & {"في", "اليوم", "لا"}
    kb = freq.keyness(TOKS, "a", reference="c", stopwords=False, min_count=1)
    assert row(kb, "روسيا")[["count", "ref_count", "ref_size"]].tolist() == [1, 1, 4]
    with pytest.raises(ValueError, match="not a article_id"):
        freq.keyness(TOKS, "zz")


def test_keyness_table_hand_example():
    k = freq.keyness_table({"x": 10, "y": 5}, {"x": 10, "y": 75}, 100, 1000)
    x = row(k, "x")
    assert x["g2"] == pytest.approx(g2_by_hand(10, 10, 100, 1000))
    assert x["log_ratio"] == pytest.approx(math.log2(10 / 100 / (10 / 1000)))
    assert row(k, "y")["g2"] == pytest.approx(-g2_by_hand(5, 75, 100, 1000))


def test_keyness_general_with_given_reference():
    ref = pd.Series({"الصين": 0.001, "في": 0.01, "من": 0.02})
    k = freq.keyness_general(TOKS, stopwords=False, reference_size=1000, min_count=1, reference=ref)
    r = row(k, "الصين")  # corpus 3 of 19; reference 0.001 * 1000 = 1 of 1000
    assert r["ref_count"] == pytest.approx(1.0)
    assert r["g2"] == pytest.approx(g2_by_hand(3, 1, 19, 1000))
    m = row(k, "من")  # absent from the corpus, 20 per 1000 in the reference
    assert m["count"] == 0 and m["g2"] == pytest.approx(-g2_by_hand(0, 20, 19, 1000))
    assert row(k, "زارت")["ref_count"] == 0


def test_wordfreq_reference_is_offline_and_normalized():
    import wordfreq

    p = freq.general_frequencies()
    raw = wordfreq.get_frequency_dict("ar")
    # إلى, الى (and any other spelling that normalizes to الي) add up
    from arnews.text import normalize

    expected = sum(v for k, v in raw.items() if normalize(k) == "الي")
    assert expected > raw["إلى"] > 0
    assert p["الي"] == pytest.approx(expected)
    assert "إلى" not in p.index
    assert p["في"] > p["الصين"] > 0


# ---------------------------------------------------------------------------
# KWIC, dispersion, trends
# ---------------------------------------------------------------------------


def test_kwic_finds_proclitic_forms():
    k = freq.kwic(TOKS, "الصين", window=2)
    assert k["keyword"].tolist() == ["الصين", "الصين", "والصين", "بالصين", "وللصين", "الصين"]
    assert k["article_id"].tolist() == ["a", "a", "a", "b", "b", "b"]
    w = k[k["keyword"] == "والصين"].iloc[0]
    assert (w["left"], w["right"]) == ("شريكان،", "قوية.")  # the window counts punctuation tokens
    first_b = k[k["article_id"] == "b"].iloc[0]
    assert (first_b["left"], first_b["right"]) == ("", "وللصين في")
    # offsets point into clean_text
    text = ARTS.set_index("article_id")["clean_text"]
    assert all(text[a][s:e] == kw for a, s, e, kw in zip(k["article_id"], k["start"], k["end"], k["keyword"]))
    assert len(freq.kwic(TOKS, "الصين", clitics=False)) == 3
    assert len(freq.kwic(TOKS, "روسيا")) == 3  # روسيا, وروسيا, روسيا
    assert len(freq.kwic(TOKS, "إن")) == 1  # pattern normalized too


def test_kwic_lemma_phrase_regex_and_sort():
    assert len(freq.kwic(TOKS_L, "صين", form="lemma")) == 6
    p = freq.kwic(TOKS, "الصين وروسيا")
    assert p["keyword"].tolist() == ["الصين وروسيا"] and p["match"].tolist() == ["الصين وروسيا"]
    assert len(freq.kwic(TOKS, "الصين وقال")) == 0  # phrases do not cross sentences
    assert len(freq.kwic(TOKS, "و?روسيا", regex=True)) == 3
    right = freq.kwic(TOKS, "الصين", window=1, sort="right")["right"].tolist()
    # sorted on the normalized first word after the keyword
    assert right == sorted(right, key=lambda s: s.replace("إ", "ا"))
    left = freq.kwic(TOKS, "الصين", window=1, sort="left")["left"].tolist()
    assert left[0] == ""  # nothing on the left sorts first


def test_dispersion_positions():
    d = freq.dispersion(TOKS, ["الصين", "اوكرانيا"])
    a = d[(d["article_id"] == "a") & (d["term"] == "الصين")]
    assert a["word_index"].tolist() == [2, 5, 8]
    assert a["position"].tolist() == pytest.approx([0.2, 0.5, 0.8])
    u = d[d["term"] == "اوكرانيا"].iloc[0]
    assert (u["article_id"], u["word_index"], u["n_words"]) == ("c", 2, 4)
    assert d.attrs["articles"] == {"a": 10, "b": 5, "c": 4}


def test_term_trends_by_year_and_month():
    t = freq.term_trends(TOKS, ["الصين", "روسيا"], ARTS, period="year")
    c = t.set_index(["period", "term"])
    assert c.loc[("2022", "الصين"), "count"] == 3  # الصين الصين والصين
    assert c.loc[("2023", "الصين"), "count"] == 3  # بالصين وللصين الصين
    assert c.loc[("2022", "الصين"), "per_10k"] == pytest.approx(3 / 10 * 10_000)
    assert c.loc[("2023", "روسيا"), ["count", "size"]].tolist() == [1, 9]
    m = freq.term_trends(TOKS, ["الصين"], ARTS, period="month", clitics=False)
    assert m["period"].tolist() == ["2022-01", "2023-05", "2023-06"]
    assert m["count"].tolist() == [2, 1, 0]
    undated = ARTS.assign(date=["2022-01-10", None, "2023-06-01"])
    u = freq.term_trends(TOKS, ["الصين"], undated, period="year")
    assert u["period"].tolist() == ["2022", "2023"] and u["count"].tolist() == [3, 0]


GAZ = pd.DataFrame({"actor_id": ["CHN", "RUS", "XI"], "type": ["country", "country", "person"],
                    "country": ["CHN", "RUS", "CHN"], "label_en": ["China", "Russia", "Xi Jinping"],
                    "label_ar": ["الصين", "روسيا", "شي جين بينغ"], "variants": [""] * 3})
MENTIONS = pd.DataFrame(
    {
        "article_id": ["a", "a", "a", "a", "b", "b", "c"],
        "sentence_id": [0, 0, 1, 1, 0, 0, 0],
        "token_start": [1, 2, 6, 7, 0, 3, 0],
        "token_end": [1, 2, 6, 7, 0, 3, 0],
        "actor_id": ["RUS", "CHN", "CHN", "RUS", "CHN", "CHN", "RUS"],
        "actor_type": ["country"] * 7,
        "country": ["RUS", "CHN", "CHN", "RUS", "CHN", "CHN", "RUS"],
    }
)


def test_top_actors_and_actor_trends():
    top = freq.top_actors(MENTIONS, gazetteer=GAZ, articles=ARTS)
    assert top[["actor_id", "count", "docfreq"]].values.tolist() == [["CHN", 4, 2], ["RUS", 3, 2]]
    assert top["label_ar"].tolist() == ["الصين", "روسيا"]
    assert top["share"].tolist() == pytest.approx([2 / 3, 2 / 3])
    tr = freq.actor_trends(MENTIONS, ARTS, TOKS, period="year").set_index(["period", "actor_id"])
    assert tr.loc[("2022", "CHN"), ["count", "size"]].tolist() == [2, 10]
    assert tr.loc[("2023", "RUS"), "per_10k"] == pytest.approx(1 / 9 * 10_000)
    # without tokens the period size comes from the articles' n_tokens
    tr2 = freq.actor_trends(MENTIONS, ARTS.assign(n_tokens=[10, 5, 4]), actors=["CHN"], period="year")
    assert tr2["size"].tolist() == [10, 9]


# ---------------------------------------------------------------------------
# stopwords
# ---------------------------------------------------------------------------


def test_stopword_lists(tmp_path, monkeypatch):
    sw = default_stopwords()
    assert {"في", "الي", "والتي"} <= sw  # package list, normalized (إلى -> الي)
    assert {"وفقا", "يوم", "وقال"} <= sw  # data/stopwords.csv
    from arnews import cooc

    assert cooc.default_stopwords() == sw
    f = tmp_path / "stopwords.csv"
    f.write_text("# comment line\nword,action\nوفقًا,add\nغير,remove\n", encoding="utf-8")
    assert read_stopword_file(f) == (frozenset({"وفقا"}), frozenset({"غير"}))
    monkeypatch.setenv("ARNEWS_DATA", str(tmp_path))
    local = default_stopwords()
    assert "وفقا" in local and "غير" not in local and "يوم" not in local
    assert resolve_stopwords(["إلى"]) == frozenset({"الي"})
    bad = tmp_path / "bad.csv"
    bad.write_text("word,action\nفي,drop\n", encoding="utf-8")
    with pytest.raises(ValueError, match="action"):
        read_stopword_file(bad)


# ---------------------------------------------------------------------------
# the sample corpus
# ---------------------------------------------------------------------------


def test_sample_counts_and_kwic(sample_annotations):
    t = sample_annotations.tokens
    words = t.loc[t["is_word"], "norm"].tolist()
    f = freq.frequency_table(t, stopwords=False)
    assert row(f, "الصين")["count"] == words.count("الصين")
    assert f.attrs["sizes"]["corpus"] == len(words)
    # KWIC of الصين = every word that is الصين with an optional proclitic
    import re

    rx = re.compile(r"(?:و|ف)?(?:ب|ك)?(?:الصين)|(?:و|ف)?للصين")
    expected = sum(1 for w in words if rx.fullmatch(w))
    k = freq.kwic(t, "الصين")
    assert len(k) == expected > words.count("الصين")
    text = sample_annotations.articles.set_index("article_id")["clean_text"]
    assert all(text[a][s:e] == kw for a, s, e, kw in zip(k["article_id"], k["start"], k["end"], k["keyword"]))
    v = freq.vocabulary(t).set_index("article_id")
    n_tok = sample_annotations.articles.set_index("article_id")["n_tokens"]
    assert (v["tokens"] == n_tok.reindex(v.index)).all()


def test_keyness_groups_equals_keyness_of_each_group():
    allk = freq.keyness_groups(TOKS, by="article", stopwords=False, min_count=1, top=None)
    assert set(allk["article_id"]) == {"a", "b", "c"}
    for aid in ["a", "b", "c"]:
        one = freq.keyness(TOKS, aid, stopwords=False, min_count=1)
        one = one[(one["g2"] > 0) & (one["count"] >= 1)].set_index("term")
        mine = allk[allk["article_id"] == aid].set_index("term")
        assert set(mine.index) == set(one.index)
        for col in ["count", "ref_count", "g2", "log_ratio", "p_value"]:
            assert np.allclose(mine.loc[one.index, col].to_numpy(dtype=float), one[col].to_numpy(dtype=float))
    # b: الصين 1 of 5 vs 2 of 14 elsewhere
    r = row(allk, "الصين", article_id="b")
    assert r["g2"] == pytest.approx(g2_by_hand(1, 2, 5, 14))
    top1 = freq.keyness_groups(TOKS, by="year", articles=ARTS, stopwords=SW, min_count=1, top=1)
    assert top1["period"].tolist() == ["2022", "2023"]


def test_trend_plot_says_undated_articles_were_left_out():
    """Trends keep only dated periods; the plot says the undated articles' words were left
    out (the note never fired: the trends table has no undated rows to notice)."""
    from arnews.plots import freq as pf

    half = ARTS.assign(date=["2022-01-10", None, "2023-06-01"])
    u = freq.term_trends(TOKS, ["الصين"], half, period="year")
    n_undated = int(TOKS[TOKS["article_id"] == ARTS["article_id"].iloc[1]]["is_word"].sum())
    assert u.attrs["undated_words"] == n_undated > 0
    title = pf.plot_trends(u).axes[0].get_title().replace("\n", " ")
    assert f"undated articles ({n_undated:,} words) left out" in title
    dated = freq.term_trends(TOKS, ["الصين"], ARTS, period="year")
    assert dated.attrs["undated_words"] == 0 and "undated" not in pf.plot_trends(dated).axes[0].get_title()


def test_yearly_trends_have_year_ticks():
    """Yearly points sit on 1 January: ticks name the years, not months between them."""
    from arnews.plots import freq as pf

    fig = pf.plot_trends(freq.term_trends(TOKS, ["الصين"], ARTS, period="year"))
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert ticks and all(len(t) == 4 and t.isdigit() for t in ticks), ticks
