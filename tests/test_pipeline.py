"""The annotation pipeline: output contract, cache, workers, CLI."""
from __future__ import annotations

import pandas as pd
import pytest

from arnews.cli import main as cli_main
from arnews.corpus import load_corpus
from arnews.pipeline import _write_part, annotate, annotate_to_parquet, read_annotations, unify_parts


def test_output_contract(sample_annotations):
    ann = sample_annotations
    assert {"articles", "sentences", "tokens"} <= set(ann.tables)
    assert {"clean_text", "removed", "flags", "n_tokens"} <= set(ann.articles.columns)
    assert list(ann.sentences.columns[:5]) == ["article_id", "sentence_id", "start", "end", "text"]
    assert list(ann.tokens.columns[:7]) == ["article_id", "sentence_id", "token_id", "start", "end", "surface", "norm"]
    words = ann.tokens[ann.tokens.is_word].groupby("article_id").size()
    assert (ann.articles.set_index("article_id")["n_tokens"] == words).all()
    assert ann.load_report is not None and len(ann.load_report) == 5


def test_second_run_loads_from_cache_and_edit_invalidates(sample_dir, tmp_path):
    arts = load_corpus(sample_dir)
    cache = tmp_path / "cache"
    first = annotate(arts, stages=["clean", "text"], cache=cache, chunk_size=2)
    assert first.articles.attrs["cache_hits"] == 0
    second = annotate(arts, stages=["clean", "text"], cache=cache, chunk_size=2)
    assert second.articles.attrs["cache_hits"] == 3
    pd.testing.assert_frame_equal(first.tokens, second.tokens)
    edited = arts.copy()
    edited.loc[4, "text"] = "جملة جديدة.\n" + edited.loc[4, "text"]
    third = annotate(edited, stages=["clean", "text"], cache=cache, chunk_size=2)
    assert third.articles.attrs["cache_hits"] == 2  # only the chunk holding article 4 is recomputed
    assert "جملة جديدة." in third.sentences.text.tolist()


def test_workers_give_identical_output(sample_articles):
    one = annotate(sample_articles, stages=["clean", "text"], cache=False, chunk_size=2)
    two = annotate(sample_articles, stages=["clean", "text"], cache=False, chunk_size=2, workers=2)
    for name in one.tables:
        pd.testing.assert_frame_equal(one[name], two[name])


def test_streaming_parts_written_by_workers_equal_in_memory(sample_articles, tmp_path):
    """annotate_to_parquet writes one part per chunk (in the worker that annotated it); read
    back, the tables equal annotate()'s, with one worker or two, from the cache or not."""
    stages = ["clean", "text", "actors"]
    ref = annotate(sample_articles, stages=stages, cache=False, chunk_size=2)
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        counts = annotate_to_parquet(sample_articles, out, stages=stages, chunk_size=2, workers=workers,
                                     cache=tmp_path / "cache", progress=False)
        assert counts["tokens"] == len(ref.tokens) and counts["chunks_from_cache"] == (0 if workers == 1 else 3)
        assert sorted(p.name for p in (out / "tokens.parquet").iterdir()) == [f"part-{i:06d}.parquet" for i in range(3)]
        got = read_annotations(out)

        def plain(df):  # Parquet gives string columns with NaN where pandas had object with None
            return df.astype(object).where(df.notna(), None)

        for name in ("sentences", "tokens", "mentions"):
            pd.testing.assert_frame_equal(plain(got[name]), plain(ref[name]), check_dtype=False)
        assert got.articles["article_id"].tolist() == ref.articles["article_id"].tolist()
        assert got.articles["clean_text"].tolist() == ref.articles["clean_text"].tolist()
    # writing again into the same folder with fewer chunks leaves no stale parts behind
    counts = annotate_to_parquet(sample_articles, tmp_path / "out1", stages=stages, chunk_size=5, progress=False)
    assert [p.name for p in (tmp_path / "out1" / "tokens.parquet").iterdir()] == ["part-000000.parquet"]
    assert len(read_annotations(tmp_path / "out1").tokens) == len(ref.tokens)


def test_parts_get_one_schema_when_the_first_chunk_has_empty_tables(sample_articles, tmp_path):
    """A first chunk with no boilerplate, quotes or stance gives parts with null or string types;
    the dataset is unified so that it reads back whole, with the later chunks' values and types."""
    plain = sample_articles.head(1).copy()
    plain["article_id"] = "plain"
    plain["text"] = "هذا نص قصير بلا أسماء ولا اقتباسات."
    arts = pd.concat([plain, sample_articles.head(2)], ignore_index=True)
    out = tmp_path / "out"
    counts = annotate_to_parquet(arts, out, chunk_size=1, progress=False)
    ref = annotate(arts, cache=False, chunk_size=1)
    got = read_annotations(out)
    for name in ("stance_cues", "stance", "quotes", "mentions"):
        assert counts[name] == len(ref[name]) == len(got[name]) > 0
        assert len(list((out / f"{name}.parquet").iterdir())) == 3
    assert pd.api.types.is_integer_dtype(got.stance_cues["w_start"]) and pd.api.types.is_float_dtype(got.stance["score"])
    assert got.stance_cues["cue"].tolist() == ref.stance_cues["cue"].tolist()
    removed = got.articles.set_index("article_id")["removed"]
    assert len(removed["plain"]) == 0 and sum(len(x) for x in removed) == sum(len(x) for x in ref.articles["removed"]) > 0
    assert pd.read_parquet(out / "quotes.parquet")["speaker_actor_id"].notna().sum() == ref.quotes["speaker_actor_id"].notna().sum()


def test_unify_parts_takes_each_column_type_from_where_it_has_values(tmp_path):
    p0 = pd.DataFrame({"a": pd.array([None, None], dtype=object), "b": [1.5, 2.5], "c": pd.array([1, 2], dtype="Int32"),
                       "tags": [None, None]})
    p1 = pd.DataFrame({"a": pd.array([7, None], dtype="Int32"), "b": pd.array([None, None], dtype=object),
                       "c": pd.array([None, None], dtype=object), "tags": [[{"k": "x", "v": 1}], []]})
    for i, df in enumerate([p0, p1]):
        _write_part({"t": df}, tmp_path, i)
    assert unify_parts(tmp_path / "t.parquet") == 2
    got = pd.read_parquet(tmp_path / "t.parquet")
    # each column keeps its own pandas type (Int32 stays Int32, floats stay floats), all-missing
    # values become typed missing values, the list<struct> column survives a chunk of None
    assert str(got["a"].dtype) == "Int32" and got["a"].tolist()[2] == 7
    assert str(got["c"].dtype) == "Int32" and got["c"].tolist()[:2] == [1, 2]
    assert pd.api.types.is_float_dtype(got["b"]) and got["b"].tolist()[:2] == [1.5, 2.5]
    assert got["tags"].tolist()[2][0]["k"] == "x" and got["tags"].tolist()[0] is None
    assert unify_parts(tmp_path / "t.parquet") == 0  # already one schema


def test_bad_input_and_unknown_stage(sample_articles):
    with pytest.raises(ValueError, match="needs an articles table"):
        annotate(pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="unknown stages \\['nope'\\]"):
        annotate(sample_articles, stages=["clean", "nope"])


def test_cli_annotate_writes_parquet(sample_dir, tmp_path, capsys):
    out = tmp_path / "ann"
    rc = cli_main(["annotate", str(sample_dir), "--out", str(out), "--stages", "clean,text", "--cache-dir", str(tmp_path / "c")])
    assert rc == 0
    assert {"articles.parquet", "sentences.parquet", "tokens.parquet", "load_report.parquet"} <= {p.name for p in out.iterdir()}
    ann = read_annotations(out)
    assert len(ann.articles) == 5
    printed = capsys.readouterr().out
    assert "loaded 5 articles" in printed and "tokens.parquet" in printed


def test_cli_reports_missing_corpus(tmp_path, capsys):
    rc = cli_main(["annotate", str(tmp_path / "missing"), "--out", str(tmp_path / "o")])
    assert rc == 2
    assert "missing: corpus path does not exist" in capsys.readouterr().err


def test_cache_key_follows_lemma_backend(sample_articles, tmp_path, monkeypatch):
    """Installing CAMeL data (another lemma backend) must not reuse cached offline lemmas."""
    from arnews.pipeline import _chunk_key

    stages = ["clean", "text", "lemmas"]
    monkeypatch.setenv("ARNEWS_LEMMA_BACKEND", "rules")
    k1 = _chunk_key(sample_articles, stages)
    monkeypatch.setenv("ARNEWS_LEMMA_BACKEND", "identity")
    k2 = _chunk_key(sample_articles, stages)
    assert k1 != k2
