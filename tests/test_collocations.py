"""Sentence-bounded KWIC, collocation scoring and compounding multi-word expressions."""
from __future__ import annotations

import math

import pandas as pd
import pytest
import regex as re

from arnews.collocations import collocations, kwic, tokens_compound
from arnews.freq import frequency_table
from arnews.freq import kwic as freq_kwic
from arnews.text import sentences_table, tokens_table


def _toks(*texts: str) -> pd.DataFrame:
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "clean_text": list(texts)})
    return tokens_table(sentences_table(arts))


def test_kwic_stops_at_sentence_boundaries():
    toks = _toks("وصل الوفد الروسي. الصين رحبت بالزيارة اليوم. ثم غادر الوفد.")
    k = kwic(toks, "الصين", window=6)
    assert k[["left", "keyword", "right"]].values.tolist() == [["", "الصين", "رحبت بالزيارة اليوم."]]
    unbounded = kwic(toks, "الصين", window=6, sentence_bounded=False)
    assert unbounded.at[0, "left"] == "وصل الوفد الروسي."
    assert unbounded.at[0, "right"].startswith("رحبت بالزيارة اليوم. ثم")


def test_unbounded_kwic_equals_freq_kwic(sample_annotations):
    toks = sample_annotations.tokens
    for pattern, form in (("الصين", "norm"), ("الولايات المتحدة", "norm"), ("صين", "lemma")):
        mine = kwic(toks, pattern, window=5, sentence_bounded=False, form=form)
        theirs = freq_kwic(toks, pattern, window=5, form=form)
        pd.testing.assert_frame_equal(mine, theirs, check_dtype=False)


def test_sentence_bounded_kwic_on_sample(sample_annotations):
    toks, sents = sample_annotations.tokens, sample_annotations.sentences
    k = kwic(toks, "روسيا", window=10)
    assert len(k) == len(freq_kwic(toks, "روسيا", window=10))
    text = sents.set_index(["article_id", "sentence_id"])["text"]
    for r in k.itertuples(index=False):
        sentence = text[(r.article_id, r.sentence_id)]
        for side in (r.left, r.right):  # every context word is in the hit's own sentence
            words = [re.sub(r"\p{P}", "", w) for w in side.split()]
            assert all(w in sentence for w in words if w)
    # at least one hit near a boundary is actually cut
    longer = kwic(toks, "روسيا", window=10, sentence_bounded=False)
    assert (k["left"].str.len() < longer["left"].str.len()).any()


def test_kwic_sorts_and_rejects_bad_window(sample_annotations):
    k = kwic(sample_annotations.tokens, "الصين", window=3, sort="right")
    assert len(k) > 3
    with pytest.raises(ValueError, match="window"):
        kwic(sample_annotations.tokens, "الصين", window=-1)


def test_collocation_scores_match_the_formulas():
    # 'مجلس الامن' 3 times; 'مجلس' once with another word; N adjacent word pairs counted by hand
    toks = _toks("اجتمع مجلس الامن. قرر مجلس الامن. دعا مجلس الامن. مجلس الشيوخ صوت.")
    c = collocations(toks, min_count=1, stopwords=False)
    row = c.set_index("collocation").loc["مجلس الامن"]
    n11, c1, c2, N = 3, 4, 3, 8  # pairs: اجتمع مجلس, مجلس الامن ×3, قرر مجلس, دعا مجلس, مجلس الشيوخ, الشيوخ صوت
    n12, n21 = c1 - n11, c2 - n11
    n22 = N - n11 - n12 - n21
    lam = math.log((n11 + 0.5) * (n22 + 0.5) / ((n12 + 0.5) * (n21 + 0.5)))
    se = math.sqrt(sum(1 / (x + 0.5) for x in (n11, n12, n21, n22)))
    assert row["count"] == 3
    assert row["lambda"] == pytest.approx(lam)
    assert row["z"] == pytest.approx(lam / se)
    assert row["pmi"] == pytest.approx(math.log2(n11 * N / (c1 * c2)))
    assert c["lambda"].is_monotonic_decreasing
    assert collocations(toks, min_count=4).empty


def test_collocations_on_sample_find_known_expressions(sample_annotations):
    c = collocations(sample_annotations.tokens, min_count=3)
    top = set(c.head(20)["collocation"])
    assert {"الولايات المتحدة", "وزارة الخارجية"} <= top
    assert not c["collocation"].str.match(r"^(في|من|على) ").any()  # stopword edges left out
    tri = collocations(sample_annotations.tokens, size=3, min_count=2, measure="pmi")
    assert "حلف شمال الاطلسي" in set(tri["collocation"])
    assert tri["lambda"].isna().all()
    with pytest.raises(ValueError, match="measure"):
        collocations(sample_annotations.tokens, measure="dice")


def test_tokens_compound_counts_an_expression_once(sample_annotations):
    toks = sample_annotations.tokens
    mwe = ["الولايات المتحدة", "حلف شمال الاطلسي"]
    merged = tokens_compound(toks, mwe)
    n_us = len(freq_kwic(toks, "الولايات المتحدة", clitics=False))
    assert (merged["norm"] == "الولايات المتحدة").sum() == n_us
    assert (merged["norm"] == "المتحدة").sum() == (toks["norm"] == "المتحدة").sum() - n_us
    assert len(merged) == len(toks) - n_us - 2 * (merged["norm"] == "حلف شمال الاطلسي").sum()
    f = frequency_table(merged, stopwords=False).set_index("term")
    assert f.at["الولايات المتحدة", "count"] == n_us
    assert f["count"].sum() == merged["is_word"].sum()
    row = merged[merged["norm"] == "الولايات المتحدة"].iloc[0]
    assert row["n_parts"] == 2
    text = sample_annotations.articles.set_index("article_id").at[row["article_id"], "clean_text"]
    assert text[row["start"] : row["end"]] == row["surface"]  # offsets span the whole expression


def test_tokens_compound_longest_first_no_overlap():
    toks = _toks("قال حلف شمال الاطلسي اليوم.")
    merged = tokens_compound(toks, ["شمال الاطلسي", "حلف شمال الاطلسي"])
    assert merged.loc[merged["is_word"], "norm"].tolist() == ["قال", "حلف شمال الاطلسي", "اليوم"]
    assert tokens_compound(toks, []).equals(tokens_compound(toks, ["غير موجود"]))
    # the collocations table can be passed directly
    c = pd.DataFrame({"collocation": ["حلف شمال"]})
    assert "حلف شمال" in set(tokens_compound(toks, c)["norm"])
