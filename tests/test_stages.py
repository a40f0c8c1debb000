"""The stage contract: order from declarations, versions from source and data, per-stage cache
entries that a code change invalidates exactly downstream, and verified cache entries."""
from __future__ import annotations

import json
import logging

import pandas as pd
import pytest

from arnews import stages
from arnews.cache import MANIFEST, CacheEntry
from arnews.pipeline import annotate

ALL = ["clean", "text", "lemmas", "actors", "quotes", "stance"]


@pytest.fixture
def two_articles(sample_articles):
    return sample_articles.head(2).copy()


@pytest.fixture(autouse=True)
def _fresh_versions():
    stages.clear_version_cache()
    yield
    stages.clear_version_cache()


def _edit_source(monkeypatch, *parts):
    """Pretend the source file ending in ``parts`` (e.g. ``quotes/speakers.py``) was edited."""
    real = stages._read_source

    def read(path):
        data = real(path)
        return data + b"\n# edited\n" if path.parts[-len(parts):] == parts else data

    monkeypatch.setattr(stages, "_read_source", read)
    stages.clear_version_cache()


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    """Equal values (a table read back from Parquet holds strings as ``str`` and missing values
    as NaN, a computed one as objects and None: the dtypes are not what is compared here)."""
    def plain(df):
        return df.astype(object).where(df.notna(), None)

    pd.testing.assert_frame_equal(plain(a), plain(b))


def _hits(ann) -> dict[str, int]:
    return ann.articles.attrs["stage_cache_hits"]


def test_stages_are_ordered_from_their_declarations():
    assert [s.name for s in stages.order_stages(list(reversed(ALL)))] == ALL
    run = stages.order_stages(ALL)
    up = {s.name: [u.name for u in stages.upstream(s, run)] for s in run}
    assert up["actors"] == ["clean", "text"]  # lemmas do not feed the actors
    assert up["quotes"] == ["clean", "text", "actors"]
    assert up["stance"] == ["clean", "text", "lemmas", "actors", "quotes"]


def test_every_stage_declares_its_contract():
    for s in stages.all_stages():
        assert s.requires and s.produces, s.name
        assert s.function() is not None
        for f in s.reads:
            assert (stages.data_dir() / f).exists(), f"stage {s.name} reads {f}, which does not exist"


def test_a_missing_input_is_named():
    arts = pd.DataFrame({"article_id": ["a"], "text": ["نص."]})
    with pytest.raises(ValueError, match="stage 'quotes' requires the 'sentences' table"):
        stages.annotate_chunk(arts, ["clean", "quotes"])


def test_editing_a_rule_function_misses_that_stage_and_the_ones_after_it_only(two_articles, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = annotate(two_articles, cache=cache, chunk_size=1, progress=False)
    assert _hits(first) == dict.fromkeys(ALL, 0)
    again = annotate(two_articles, cache=cache, chunk_size=1, progress=False)
    assert _hits(again) == dict.fromkeys(ALL, 2)
    # a quote attribution rule changes: quotes and stance (which reads quotes) are redone
    _edit_source(monkeypatch, "quotes", "speakers.py")
    edited = annotate(two_articles, cache=cache, chunk_size=1, progress=False)
    assert _hits(edited) == {"clean": 2, "text": 2, "lemmas": 2, "actors": 2, "quotes": 0, "stance": 0}
    for name in ("tokens", "mentions", "quotes", "stance"):
        _same(edited.tables[name], first.tables[name])
    # a stance dyad rule: only stance
    monkeypatch.undo()
    _edit_source(monkeypatch, "stance", "dyads.py")
    assert _hits(annotate(two_articles, cache=cache, chunk_size=1, progress=False)) == {
        "clean": 2, "text": 2, "lemmas": 2, "actors": 2, "quotes": 2, "stance": 0}
    # the shared word-forms module: every stage that uses it, and what follows
    monkeypatch.undo()
    _edit_source(monkeypatch, "wordforms.py")
    assert _hits(annotate(two_articles, cache=cache, chunk_size=1, progress=False)) == {
        "clean": 2, "text": 2, "lemmas": 0, "actors": 0, "quotes": 0, "stance": 0}


def test_a_data_file_is_part_of_the_version_of_the_stages_reading_it(tmp_path, monkeypatch, repo_root):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(repo_root / "data", data, ignore=shutil.ignore_patterns("articles", "gold"))
    monkeypatch.setenv("ARNEWS_DATA", str(data))
    before = {s.name: stages.stage_version(s) for s in stages.all_stages()}
    with open(data / "lexicons" / "stance.csv", "a", encoding="utf-8") as f:
        f.write("\n# a comment is an edit too\n")
    after = {s.name: stages.stage_version(s) for s in stages.all_stages()}
    assert [n for n in ALL if before[n] != after[n]] == ["stance"]


def _entry_dirs(cache, stage):
    return sorted(p for p in cache.iterdir() if p.name.startswith(stage + "-") and p.is_dir())


def test_a_cache_entry_missing_a_table_is_recomputed_and_replaced(two_articles, tmp_path, caplog):
    cache = tmp_path / "cache"
    fresh = annotate(two_articles, cache=False, progress=False)
    annotate(two_articles, cache=cache, chunk_size=1, progress=False)
    entry = _entry_dirs(cache, "text")[0]
    (entry / "sentences.parquet").unlink()  # one table of the entry lost
    actors_entry = _entry_dirs(cache, "actors")[1]
    with open(actors_entry / "mentions.parquet", "r+b") as f:  # another entry truncated
        f.truncate(100)
    with caplog.at_level(logging.WARNING, logger="arnews"):
        again = annotate(two_articles, cache=cache, chunk_size=1, progress=False)
    assert "sentences.parquet is missing" in caplog.text and "truncated" in caplog.text
    for name in ("sentences", "tokens", "mentions", "quotes", "stance"):
        _same(again.tables[name], fresh.tables[name])
    # both entries were replaced by valid ones: a third run loads everything from the cache
    manifest = json.loads((entry / MANIFEST).read_text())
    assert (entry / "sentences.parquet").stat().st_size == manifest["tables"]["sentences"]["bytes"]
    caplog.clear()
    third = annotate(two_articles, cache=cache, chunk_size=1, progress=False)
    assert _hits(third) == dict.fromkeys(ALL, 2) and "damaged" not in caplog.text


def test_an_entry_without_manifest_is_not_used(tmp_path):
    e = CacheEntry(tmp_path, "text", "k")
    e.save({"tokens": pd.DataFrame({"a": [1, 2]})})
    assert e.load()["tokens"]["a"].tolist() == [1, 2]
    (e.path / MANIFEST).unlink()
    assert e.load() is None
    e.save({"tokens": pd.DataFrame({"a": [3]})})  # replaced, not kept
    assert e.load()["tokens"]["a"].tolist() == [3]


def test_the_stance_method_is_one_parameter_and_part_of_the_version(monkeypatch):
    from arnews.stance import stage as stance_stage

    st = stages.get_stage("stance")
    monkeypatch.setenv("ARNEWS_STANCE_METHOD", "lexicon")
    v_lexicon = stages.stage_version(st)
    monkeypatch.setitem(stance_stage.METHODS, "model", lambda tables: {"sentence_stance": "model"})
    assert stance_stage.annotate_stage({}, method="model") == {"sentence_stance": "model"}
    monkeypatch.setenv("ARNEWS_STANCE_METHOD", "model")
    assert stance_stage.annotate_stage({}) == {"sentence_stance": "model"}
    assert stages.stage_version(st) != v_lexicon


def test_names_moved_to_the_evaluation_stay_reachable():
    """Notebooks written before the move call stance.evaluate, actors.evaluate, quotes.evaluate."""
    from arnews import actors, morph, quotes, stance, stance_ml
    from arnews.evaluation import actors as ev_actors
    from arnews.evaluation import stance as ev_stance
    from arnews.evaluation import stance_cv, stance_gold

    assert stance.evaluate is ev_stance.evaluate and stance.read_gold is stance_gold.read_gold
    assert actors.evaluate is ev_actors.evaluate
    assert callable(quotes.evaluate) and callable(morph.evaluation_report)
    assert stance_ml.cross_validate is stance_cv.cross_validate
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        stance.nonsense  # noqa: B018
