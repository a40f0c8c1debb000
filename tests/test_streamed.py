"""arnews.streamed / arnews.tables: batch-by-batch analyses equal the in-memory ones."""
from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from arnews import cooc, freq, streamed
from arnews.pipeline import annotate_to_parquet, read_annotations
from arnews.tables import AnnotationFolder

REPO_SAMPLE = "data/articles"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    from pathlib import Path

    out = tmp_path_factory.mktemp("ann")
    sample = Path(__file__).resolve().parents[1] / REPO_SAMPLE
    annotate_to_parquet(sample, out, chunk_size=2, cache=False, progress=False)  # 3 parts of whole articles
    return out


@pytest.fixture(scope="module")
def src(folder):
    return AnnotationFolder(folder, batch_rows=1)  # one part per batch: 3 batches


@pytest.fixture(scope="module")
def ann(folder):
    return read_annotations(folder)


def _eq(a: pd.DataFrame, b: pd.DataFrame):
    assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False, check_exact=False, rtol=1e-9)


def test_batches_hold_whole_articles(src):
    seen = []
    for b in src.batches("tokens", ["article_id", "norm"]):
        ids = set(b["article_id"])
        assert not ids & set(seen)
        seen += list(ids)
        assert list(b.columns) == ["article_id", "norm"]
    assert len(seen) == 5 and src.n_rows("tokens") == sum(len(b) for b in src.batches("tokens", ["article_id"]))


def test_frequency_tables_equal(src, ann):
    arts = ann.articles
    for kw in [dict(), dict(stopwords=False), dict(ngram=2, min_count=2), dict(by="article"), dict(by="year", articles=arts)]:
        a = streamed.frequency_table(src, "norm", **kw)
        b = freq.frequency_table(ann.tokens, "norm", **kw)
        _eq(a, b)
        assert a.attrs["sizes"] == b.attrs["sizes"]
    _eq(streamed.vocabulary(src, "norm"), freq.vocabulary(ann.tokens, "norm"))
    v = freq.vocabulary(ann.tokens, "norm", by=None).iloc[0]
    sv = streamed.corpus_vocabulary(src, "norm")
    assert (sv["tokens"], sv["types"], sv["hapax"]) == (v["tokens"], v["types"], v["hapax"])


def test_keyness_equal(src, ann):
    arts = ann.articles
    _eq(streamed.keyness_groups(src, by="article", min_count=2, top=5), freq.keyness_groups(ann.tokens, by="article", min_count=2, top=5))
    _eq(streamed.keyness_groups(src, by="year", articles=arts, min_count=2, top=8),
        freq.keyness_groups(ann.tokens, by="year", articles=arts, min_count=2, top=8))
    target = arts["article_id"].iloc[2]
    _eq(streamed.keyness(src, target, min_count=2), freq.keyness(ann.tokens, target, min_count=2))
    _eq(streamed.keyness_general(src, min_count=2), freq.keyness_general(ann.tokens, min_count=2))


def test_trends_kwic_dispersion_equal(src, ann):
    arts, terms = ann.articles, ["الصين", "روسيا"]
    _eq(streamed.term_trends(src, terms, arts, period="year"), freq.term_trends(ann.tokens, terms, arts, period="year"))
    _eq(streamed.actor_trends(ann.mentions, arts, src, period="year"), freq.actor_trends(ann.mentions, arts, ann.tokens, period="year"))
    d1, d2 = streamed.dispersion(src, terms), freq.dispersion(ann.tokens, terms)
    _eq(d1, d2)
    assert d1.attrs["articles"] == d2.attrs["articles"]
    for sort in ("right", "left", "position"):
        _eq(streamed.kwic(src, "الصين", window=6, sort=sort), freq.kwic(ann.tokens, "الصين", window=6, sort=sort))


def test_collocates_and_pairs_equal(src, ann):
    for target, kind in [("الصين", "auto"), ("العلاقات", "term"), ("CHN", "auto")]:
        _eq(streamed.collocates(target, src, ann.mentions, kind=kind, window=5),
            cooc.collocates(target, ann.tokens, ann.mentions, kind=kind, window=5))
    occ = cooc.actor_occurrences(ann.mentions)
    m = cooc.cooccurrence(occ, "sentence", sentences=ann.sentences)
    pairs = m.pairs(min_count=1, sort="npmi").head(10)
    _eq(streamed.pairs_with_examples(pairs, occ, src), cooc.pairs_with_examples(pairs, occ, ann.sentences))
    occ_c = cooc.actor_occurrences(ann.mentions, "country")
    _eq(streamed.pair_context_terms(occ_c, "CHN", "RUS", src, ann.articles, sentences=ann.sentences),
        cooc.pair_context_terms(occ_c, "CHN", "RUS", ann.tokens, ann.articles, sentences=ann.sentences))
    assert streamed.mention_forms(src, ann.mentions) == freq.mention_forms(ann.tokens, ann.mentions)


def test_read_only_some_articles(src):
    t = src.read("tokens", ["article_id", "norm"], article_ids=["nonexistent", src.read("articles", ["article_id"])["article_id"][0]])
    assert t["article_id"].nunique() == 1 and list(t.columns) == ["article_id", "norm"]
    assert list(src.read("sentences", ["article_id", "text"], article_ids=[]).columns) == ["article_id", "text"]
    with pytest.raises(FileNotFoundError, match="no 'nothing' table"):
        src.read("nothing")


def test_quote_stance_from_a_folder_equals_the_whole_tables(src, ann):
    from arnews import stance_summary as summ

    whole = summ.quote_stance(ann.tables["stance_cues"], ann.tables["quotes"])
    batched = summ.quote_stance_folder(src, rows=1)  # one part of whole articles at a time
    assert len(whole) > 20 and (whole["label"] != "neutral").any()
    _eq(batched, whole)
