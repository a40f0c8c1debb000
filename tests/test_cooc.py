"""Co-occurrence counts and association measures against values computed by hand."""
from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from arnews import cooc
from arnews.text import sentences_table, tokens_table


def occ_table(rows):
    """rows: (article_id, sentence_id, start, end, feature)"""
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "feature"])


def g2_by_hand(o11, o12, o21, o22):
    n = o11 + o12 + o21 + o22
    r1, r2, c1, c2 = o11 + o12, o21 + o22, o11 + o21, o12 + o22
    cells = [(o11, r1 * c1 / n), (o12, r1 * c2 / n), (o21, r2 * c1 / n), (o22, r2 * c2 / n)]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)


def p_chi2_1df(x):
    # survival function of chi-square with 1 df: erfc(sqrt(x/2))
    return math.erfc(math.sqrt(x / 2))


# Article a: s0 {PUTIN, XI}, s1 {PUTIN, XI, BIDEN}, s2 {PUTIN, PUTIN}, s3 {} ; article b: s0 {XI, BIDEN}, s1 {}
OCC = occ_table(
    [
        ("a", 0, 0, 0, "PUTIN"), ("a", 0, 3, 3, "XI"),
        ("a", 1, 10, 10, "PUTIN"), ("a", 1, 12, 13, "XI"), ("a", 1, 15, 15, "BIDEN"),
        ("a", 2, 20, 20, "PUTIN"), ("a", 2, 24, 24, "PUTIN"),
        ("b", 0, 0, 0, "XI"), ("b", 0, 2, 2, "BIDEN"),
    ]
)
SENTS = pd.DataFrame({"article_id": ["a"] * 4 + ["b"] * 2, "sentence_id": [0, 1, 2, 3, 0, 1]})


def test_sentence_counts_and_unit_marginals():
    m = cooc.cooccurrence(OCC, "sentence", sentences=SENTS)
    assert m.n == 6  # every sentence of the corpus, including the two without actors
    d = m.to_dense()
    assert d.loc["PUTIN", "XI"] == 2 and d.loc["XI", "PUTIN"] == 2
    assert d.loc["PUTIN", "BIDEN"] == 1
    assert d.loc["XI", "BIDEN"] == 2
    # diagonal: sentences containing the actor (PUTIN twice in s2 counts once)
    assert d.loc["PUTIN", "PUTIN"] == 3 and d.loc["XI", "XI"] == 3 and d.loc["BIDEN", "BIDEN"] == 2
    nodes = m.nodes().set_index("feature")
    assert nodes.loc["PUTIN", "occurrences"] == 4


def test_measures_for_one_pair_by_hand():
    p = cooc.cooccurrence(OCC, "sentence", sentences=SENTS).pairs().set_index(["a", "b"])
    r = p.loc[("PUTIN", "XI")]
    # O11=2, f(PUTIN)=3, f(XI)=3, N=6 -> E11 = 1.5
    assert (r["count"], r["freq_a"], r["freq_b"], r["n"]) == (2, 3, 3, 6)
    assert r["expected"] == pytest.approx(1.5)
    assert r["pmi"] == pytest.approx(math.log2(4 / 3))
    assert r["npmi"] == pytest.approx(math.log2(4 / 3) / -math.log2(2 / 6))
    assert r["log_dice"] == pytest.approx(14 + math.log2(4 / 6))
    g2 = g2_by_hand(2, 1, 1, 2)
    assert g2 == pytest.approx(0.679596, abs=1e-6)  # 2*(4 ln(4/3) + 2 ln(2/3))
    assert r["g2"] == pytest.approx(g2)
    assert r["p_value"] == pytest.approx(p_chi2_1df(g2))
    # BIDEN-PUTIN: O11=1, f=2 and 3 -> E=1, PMI 0, O22 = 6-2-3+1 = 2
    r = p.loc[("BIDEN", "PUTIN")]
    assert r["pmi"] == pytest.approx(0.0)
    assert r["g2"] == pytest.approx(g2_by_hand(1, 1, 2, 2))


def test_association_extremes():
    r = cooc.association([5, 1], [5, 1], [5, 10], [5, 100])
    # a and b in every unit: NPMI 1 (complete co-occurrence), PMI 0, G2 0
    assert r.loc[0, "npmi"] == 1.0 and r.loc[0, "pmi"] == 0.0 and r.loc[0, "g2"] == 0.0
    # O11=1, f1=1, f2=10, N=100 -> PMI log2(10), logDice 14+log2(2/11)
    assert r.loc[1, "pmi"] == pytest.approx(math.log2(10))
    assert r.loc[1, "log_dice"] == pytest.approx(14 + math.log2(2 / 11))
    assert r.loc[1, "g2"] == pytest.approx(g2_by_hand(1, 0, 9, 90))
    with pytest.raises(ValueError, match="inconsistent"):
        cooc.association([3], [2], [5], [10])


def test_article_context_and_n_fallback():
    m = cooc.cooccurrence(OCC, "article")
    assert m.n == 2  # no articles table: units with a feature
    p = m.pairs().set_index(["a", "b"])
    assert p.loc[("BIDEN", "XI"), "count"] == 2
    assert p.loc[("BIDEN", "XI"), "npmi"] == 1.0
    assert p.loc[("PUTIN", "XI"), "count"] == 1
    with pytest.raises(ValueError, match="n_units=1"):
        cooc.cooccurrence(OCC, "article", n_units=1)


def test_window_counts_pairs_of_occurrences():
    occ = occ_table(
        [
            ("a", 0, 0, 0, "X"), ("a", 0, 2, 2, "Y"),  # gap 2: pair
            ("a", 1, 30, 30, "Z"), ("a", 1, 31, 33, "X"),  # gap 1: pair
            ("a", 1, 36, 36, "Y"),  # 36 - end 33 = 3: pair with X; 6 from Z: no
            ("a", 1, 40, 40, "X"), ("a", 1, 41, 41, "X"),  # same feature: not a pair
            ("b", 0, 0, 0, "X"), ("b", 1, 1, 1, "Y"),  # across a sentence boundary
        ]
    )
    m = cooc.cooccurrence(occ, "window", window=3)
    d = m.to_dense()
    # X@40 is 4 after Y@36 -> no; X-Y: (0,2), (31-33,36), b -> 3
    assert d.loc["X", "Y"] == 3 and d.loc["X", "Z"] == 1 and d.loc["Y", "Z"] == 0
    assert d.loc["X", "X"] == 0
    assert m.n == 8 and list(m.freq) == [4, 3, 1]  # ordered pairs: X-Y x2 + X-Z x2
    r = m.pairs().set_index(["a", "b"]).loc[("X", "Y")]
    assert r["pmi"] == pytest.approx(math.log2(3 * 8 / (4 * 3)))
    assert r["g2"] == pytest.approx(g2_by_hand(3, 1, 0, 4))
    m2 = cooc.cooccurrence(occ, "window", window=3, cross_sentences=False)
    assert m2.to_dense().loc["X", "Y"] == 2
    assert cooc.cooccurrence(occ, "window", window=1).to_dense().loc["X", "Y"] == 1  # only b


def test_paragraph_ids_and_paragraph_context():
    text = "قال بوتين كلاما. ورد شي.\n\nثم تحدث بايدن.\nوغادر شي."
    arts = pd.DataFrame({"article_id": ["a"], "clean_text": [text]})
    sents = sentences_table(arts)
    assert cooc.paragraph_ids(sents, arts).tolist() == [0, 0, 1, 2]
    occ = occ_table([("a", 0, 1, 1, "PUTIN"), ("a", 1, 4, 4, "XI"), ("a", 2, 7, 7, "BIDEN"), ("a", 3, 11, 11, "XI")])
    m = cooc.cooccurrence(occ, "paragraph", sentences=sents, articles=arts)
    assert m.n == 3
    p = m.pairs()
    assert p[["a", "b", "count"]].values.tolist() == [["PUTIN", "XI", 1]]
    assert cooc.cooccurrence(occ, "sentence", sentences=sents).pairs().empty
    with pytest.raises(ValueError, match="needs the sentences and articles"):
        cooc.cooccurrence(occ, "paragraph")


def mentions_table(rows):
    cols = ["article_id", "sentence_id", "start", "end", "surface", "actor_id", "actor_type", "country", "token_start", "token_end"]
    return pd.DataFrame([(a, s, 0, 1, "x", aid, t, c, ts, te) for a, s, aid, t, c, ts, te in rows], columns=cols)


GAZ = pd.DataFrame(
    {
        "actor_id": ["RUS", "CHN", "PUTIN", "LAVROV", "XI", "NATO"],
        "type": ["country", "country", "person", "person", "person", "organization"],
        "country": ["RUS", "CHN", "RUS", "RUS", "CHN", ""],
        "label_en": ["Russia", "China", "Vladimir Putin", "Sergei Lavrov", "Xi Jinping", "NATO"],
        "label_ar": ["روسيا", "الصين", "فلاديمير بوتين", "سيرغي لافروف", "شي جين بينغ", "الناتو"],
        "variants": ["روسيا|موسكو", "الصين|بكين", "بوتين", "لافروف", "شي جين بينغ", "الناتو"],
    }
)


def test_country_level_person_counts_for_country():
    m = mentions_table(
        [
            ("a", 0, "PUTIN", "person", "RUS", 0, 0), ("a", 0, "LAVROV", "person", "RUS", 3, 4),
            ("a", 1, "PUTIN", "person", "RUS", 8, 8), ("a", 1, "XI", "person", "CHN", 10, 12),
            ("a", 2, "CHN", "country", "CHN", 15, 15), ("a", 2, "NATO", "organization", "", 17, 17),
        ]
    )
    occ = cooc.actor_occurrences(m, "country")
    assert occ["feature"].tolist() == ["RUS", "RUS", "RUS", "CHN", "CHN"]  # NATO has no country
    p = cooc.cooccurrence(occ, "sentence", n_units=3).pairs()
    assert p[["a", "b", "count", "freq_a", "freq_b"]].values.tolist() == [["CHN", "RUS", 1, 2, 2]]
    assert cooc.actor_occurrences(m, "person")["feature"].tolist() == ["PUTIN", "LAVROV", "PUTIN", "XI"]
    assert cooc.actor_labels(GAZ, "country", "ar") == {"RUS": "روسيا", "CHN": "الصين"}
    assert cooc.actor_labels(GAZ, "actor", "en")["XI"] == "Xi Jinping"
    with pytest.raises(ValueError, match="mentions table is missing column"):
        cooc.actor_occurrences(m.drop(columns=["country"]))


def test_by_period_counts_units_within_each_period():
    arts = pd.DataFrame({"article_id": ["a", "b", "c"], "date": ["2022-02-04", "2022-09-19", "2025-01-22"]})
    sents = pd.DataFrame({"article_id": ["a", "a", "b", "c", "c"], "sentence_id": [0, 1, 0, 0, 1]})
    occ = occ_table(
        [("a", 0, 0, 0, "PUTIN"), ("a", 0, 2, 2, "XI"), ("b", 0, 0, 0, "PUTIN"), ("b", 0, 1, 1, "XI"),
         ("c", 0, 0, 0, "PUTIN"), ("c", 1, 0, 0, "XI")]
    )
    bp = cooc.cooccurrence_by_period(occ, arts, "Y", "sentence", sentences=sents)
    assert bp[["period", "a", "b", "count", "freq_a", "freq_b", "n"]].values.tolist() == [["2022", "PUTIN", "XI", 2, 2, 2, 3]]
    bp_art = cooc.cooccurrence_by_period(occ, arts, "Y", "article")
    assert bp_art[["period", "count", "n"]].values.tolist() == [["2022", 2, 2], ["2025", 1, 1]]


def words_table(spec):
    """spec: list of (sentence_id, surface, is_word) -> tokens table of article 'a'."""
    return pd.DataFrame(
        {
            "article_id": "a",
            "sentence_id": [s for s, _, _ in spec],
            "token_id": range(len(spec)),
            "surface": [w for _, w, _ in spec],
            "norm": [w for _, w, _ in spec],
            "is_word": [iw for _, _, iw in spec],
        }
    )


TOKS = words_table(
    [
        (0, "قال", True), (0, "الرئيس", True), (0, "،", False), (0, "بوتين", True), (0, "ان", True),
        (0, "الصين", True), (0, "شريك", True), (0, "مهم", True), (0, ".", False),
        (1, "والصين", True), (1, "تدعم", True), (1, "روسيا", True), (1, "بوتين", True),
    ]
)


def test_collocates_of_term_window_span_and_measures():
    c = cooc.collocates("الصين", TOKS, window=2, stopwords=False, min_count=1)
    assert c.attrs["target_occurrences"] == 2  # الصين and والصين (proclitic)
    got = dict(zip(c["collocate"], c["count"]))
    # node at word 4: ان, بوتين | شريك, مهم ; node at word 7 (sentence 1): تدعم, روسيا
    assert got == {"بوتين": 1, "ان": 1, "شريك": 1, "مهم": 1, "تدعم": 1, "روسيا": 1}
    r = c.set_index("collocate")
    assert (r.loc["بوتين", "span"], r.loc["بوتين", "n"], r.loc["بوتين", "freq"]) == (6, 11, 2)
    assert r.loc["بوتين", "pmi"] == pytest.approx(math.log2(1 * 11 / (6 * 2)))
    assert r.loc["شريك", "pmi"] == pytest.approx(math.log2(11 / 6))
    assert r.loc["بوتين", "log_dice"] == pytest.approx(14 + math.log2(2 / (2 + 2)))
    assert r.loc["بوتين", "g2"] == pytest.approx(g2_by_hand(1, 5, 1, 4))
    assert (r.loc["بوتين", "left"], r.loc["تدعم", "right"]) == (1, 1)
    # log-Dice ranking puts the rarer collocates (freq 1) before بوتين (freq 2)
    assert c["collocate"].iloc[-1] == "بوتين"
    # crossing sentences adds مهم/شريك left of والصين, but the span is a union: counts stay 1
    c2 = cooc.collocates("الصين", TOKS, window=2, stopwords=False, min_count=1, cross_sentences=True)
    assert dict(zip(c2["collocate"], c2["count"])) == got and (c2["span"] == 6).all()
    right = cooc.collocates("الصين", TOKS, window=2, side="right", stopwords=False, min_count=1)
    assert set(right["collocate"]) == {"شريك", "مهم", "تدعم", "روسيا"}
    exact = cooc.collocates("الصين", TOKS, window=2, stopwords=False, min_count=1, clitics=False)
    assert exact.attrs["target_occurrences"] == 1


def test_collocates_of_actor_skip_punctuation_and_drop_stopwords():
    m = mentions_table([("a", 0, "PUTIN", "person", "RUS", 3, 3), ("a", 1, "PUTIN", "person", "RUS", 12, 12)])
    c = cooc.collocates("PUTIN", TOKS, m, window=1, stopwords=False, min_count=1, gazetteer=GAZ)
    assert c.attrs["target"].startswith("actor")
    # the comma between الرئيس and بوتين is not a word, so الرئيس is 1 word away
    assert sorted(c["collocate"]) == sorted(["الرئيس", "ان", "روسيا"])
    by_label = cooc.collocates("فلاديمير بوتين", TOKS, m, window=1, stopwords=False, min_count=1, gazetteer=GAZ)
    assert by_label["collocate"].tolist() == c["collocate"].tolist()
    by_variant = cooc.collocates("بوتين", TOKS, m, window=1, stopwords=False, min_count=1, gazetteer=GAZ)
    assert by_variant.attrs["target"] == "actor ['PUTIN']"
    # "ان" is an Arabic stopword
    c_sw = cooc.collocates("PUTIN", TOKS, m, window=1, min_count=1, gazetteer=GAZ)
    assert "ان" not in set(c_sw["collocate"]) and "الرئيس" in set(c_sw["collocate"])
    country = cooc.collocates("RUS", TOKS, m, window=1, stopwords=False, min_count=1, gazetteer=GAZ)
    assert country.attrs["target"].startswith("country")


def test_term_occurrences_filters():
    occ = cooc.term_occurrences(TOKS, min_count=2, stopwords=False)
    assert occ["feature"].tolist() == ["بوتين", "بوتين"]
    occ = cooc.term_occurrences(TOKS)
    assert "ان" not in set(occ["feature"]) and "،" not in set(occ["feature"])


def edges(g):
    return sorted(tuple(sorted(e)) for e in g.edges)


def test_graph_filters_top_k_and_export(tmp_path):
    pairs = pd.DataFrame(
        {
            "a": ["A", "A", "A", "B"], "b": ["B", "C", "D", "C"],
            "count": [5, 3, 1, 2], "npmi": [0.1, 0.5, 0.9, 0.3],
            "pmi": [0.2, 1.0, 2.0, 0.5], "log_dice": [13.0, 12.0, 10.0, 11.0],
            "g2": [1.0, 2.0, 3.0, 4.0], "p_value": [0.3, 0.15, 0.08, 0.04],
        }
    )
    g = cooc.cooc_graph(pairs, min_count=2, gazetteer=False)
    assert edges(g) == [("A", "B"), ("A", "C"), ("B", "C")]  # A-D (count 1) dropped
    assert "D" not in g
    g1 = cooc.cooc_graph(pairs, min_count=1, top_k=1, gazetteer=False)
    # strongest edge by npmi: A->D, B->C, C->A, D->A  => {A-D, B-C, A-C}
    assert edges(g1) == [("A", "C"), ("A", "D"), ("B", "C")]
    assert g1.edges["A", "D"]["weight"] == 0.9 and g1.edges["A", "D"]["count"] == 1
    gp = cooc.cooc_graph(pairs, min_count=1, max_p=0.1, gazetteer=False)
    assert edges(gp) == [("A", "D"), ("B", "C")]

    m = cooc.cooccurrence(OCC, "sentence", sentences=SENTS)
    g = cooc.cooc_graph(m, min_count=1, gazetteer=GAZ.assign(actor_id=GAZ["actor_id"]))
    assert g.nodes["PUTIN"]["label_ar"] == "فلاديمير بوتين" and g.nodes["PUTIN"]["occurrences"] == 4
    assert g.nodes["BIDEN"]["label_en"] == "BIDEN"  # not in the gazetteer: id as label
    for ext in ("graphml", "gexf"):
        path = cooc.export_graph(g, tmp_path / f"net.{ext}")
        back = nx.read_graphml(path) if ext == "graphml" else nx.read_gexf(path)
        assert back.number_of_edges() == 3
        e = back.edges["PUTIN", "XI"]
        assert int(e["count"]) == 2
        assert back.nodes["XI"]["label_ar"] == "شي جين بينغ"
    with pytest.raises(ValueError, match=".graphml or .gexf"):
        cooc.export_graph(g, tmp_path / "net.json")


def test_pair_examples_and_context_terms_by_period():
    arts = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "date": ["2022-02-04", "2025-01-22"],
            "clean_text": ["بوتين وشي ناقشا الحرب. بوتين وحده.", "بوتين وشي ناقشا التجارة والتجارة."],
        }
    )
    sents = sentences_table(arts)
    toks = tokens_table(sents)
    occ = occ_table([("a", 0, 0, 0, "PUTIN"), ("a", 0, 1, 1, "XI"), ("a", 1, 5, 5, "PUTIN"),
                     ("b", 0, 0, 0, "PUTIN"), ("b", 0, 1, 1, "XI")])
    ex = cooc.pair_examples(occ, "PUTIN", "XI", sents)
    assert ex["text"].tolist() == ["بوتين وشي ناقشا الحرب.", "بوتين وشي ناقشا التجارة والتجارة."]
    pw = cooc.pairs_with_examples(pd.DataFrame({"a": ["PUTIN"], "b": ["XI"]}), occ, sents, context="window", window=1)
    assert pw[["example", "example_article"]].values.tolist() == [["بوتين وشي ناقشا الحرب.", "a"]]
    far = occ_table([("a", 0, 0, 0, "PUTIN"), ("a", 1, 6, 6, "XI")])
    assert cooc.pair_examples(far, "PUTIN", "XI", sents).empty
    assert cooc.pair_examples(far, "PUTIN", "XI", sents, context="article")["text"].tolist() == ["بوتين وشي ناقشا الحرب. … بوتين وحده."]
    t = cooc.pair_context_terms(occ, "PUTIN", "XI", toks, arts, period="Y", stopwords=False, min_count=1, exclude_pair=False)
    r = t.set_index(["period", "term"])
    # pair sentences: 2022 = بوتين وشي ناقشا الحرب (4 words); 2025 = بوتين وشي ناقشا التجارة والتجارة (5)
    assert r.loc[("2022", "الحرب"), ["count", "other", "size", "other_size"]].tolist() == [1, 0, 4, 5]
    assert r.loc[("2025", "التجارة"), "count"] == 1
    assert r.loc[("2022", "الحرب"), "g2"] == pytest.approx(g2_by_hand(1, 3, 0, 5))
    assert r.loc[("2022", "الحرب"), "log_ratio"] == pytest.approx(math.log2((1.5 / 4) / (0.5 / 5)))
    assert r.loc[("2022", "بوتين"), "log_ratio"] == pytest.approx(math.log2((1.5 / 4) / (1.5 / 5)))
    # by default the pair's own tokens (بوتين, وشي) are left out: sizes 2 and 3
    t = cooc.pair_context_terms(occ, "PUTIN", "XI", toks, arts, period="Y", stopwords=False, min_count=1)
    r = t.set_index(["period", "term"])
    assert set(t["term"]) == {"ناقشا", "الحرب", "التجارة", "والتجارة"}
    assert r.loc[("2022", "الحرب"), ["count", "other", "size", "other_size"]].tolist() == [1, 0, 2, 3]
    assert r.loc[("2022", "الحرب"), "g2"] == pytest.approx(g2_by_hand(1, 1, 0, 3))
    assert t[t["period"] == "2022"]["term"].iloc[0] == "الحرب"  # over-represented first
    art = cooc.pair_context_terms(occ, "PUTIN", "XI", toks, arts, context="article", stopwords=False, min_count=1)
    assert art.set_index(["period", "term"]).loc[("2022", "وحده"), "count"] == 1


def test_bad_input_messages():
    with pytest.raises(ValueError, match="occurrences table is missing column"):
        cooc.cooccurrence(OCC.drop(columns=["feature"]))
    with pytest.raises(ValueError, match="context must be one of"):
        cooc.cooccurrence(OCC, "page")
    with pytest.raises(ValueError, match="window must be a positive"):
        cooc.cooccurrence(OCC, "window", window=0)


def test_sparse_matches_dense_on_random_input():
    rng = np.random.default_rng(0)
    n = 400
    occ = occ_table(
        [(f"a{rng.integers(0, 30)}", int(rng.integers(0, 5)), 0, 0, f"F{rng.integers(0, 12)}") for _ in range(n)]
    )
    m = cooc.cooccurrence(occ, "sentence")
    # independent count: sets of features per sentence, then every pair
    sets = occ.groupby(["article_id", "sentence_id"])["feature"].apply(set)
    expect: dict[tuple[str, str], int] = {}
    for s in sets:
        for x in s:
            for y in s:
                if x < y:
                    expect[(x, y)] = expect.get((x, y), 0) + 1
    got = {(a, b): c for a, b, c in m.pairs()[["a", "b", "count"]].itertuples(index=False)}
    assert got == expect
    assert m.n == len(sets)


def test_sample_corpus_counts_match_mentions(sample_annotations):
    """On the real sample: sentence counts equal an independent count from the mentions table."""
    ann = sample_annotations
    if "mentions" not in ann:
        pytest.skip("actors stage not available")
    m = cooc.actor_cooccurrence(ann, "sentence", level="country")
    assert m.n == len(ann.sentences)
    men = ann.mentions[ann.mentions["country"].fillna("") != ""]
    sets = men.groupby(["article_id", "sentence_id"])["country"].apply(set)
    both = sum(1 for s in sets if {"RUS", "CHN"} <= s)
    p = m.pairs().set_index(["a", "b"])
    assert p.loc[("CHN", "RUS"), "count"] == both
    assert p.loc[("CHN", "RUS"), "freq_a"] == sum(1 for s in sets if "CHN" in s)
    # the first sentence of article 000 names Xi (جي), Putin, China and Russia
    ex = cooc.pair_examples(cooc.actor_occurrences(ann.mentions, "country"), "CHN", "RUS", ann.sentences, n=1)
    assert "الصين ستدعم روسيا" in ex["text"].iloc[0]
    colls = cooc.collocates("الصين", ann.tokens, ann.mentions, window=3, min_count=1)
    assert colls.attrs["target"] == "actor ['CHN']"
    assert colls.attrs["target_occurrences"] == int((ann.mentions["actor_id"] == "CHN").sum())
