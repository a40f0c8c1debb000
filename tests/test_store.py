"""Output folders: the input is never touched, a run replaces a folder whole or not at all,
two runs never share a folder, and read_annotations refuses tables of two runs."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time

import pandas as pd
import pytest

from arnews.corpus import CorpusError
from arnews.pipeline import annotate_to_parquet, read_annotations
from arnews.store import StoreError, abort_run, begin_run, check_manifest, commit_run

STAGES = ["clean", "text"]


@pytest.fixture()
def corpus_file(sample_articles, tmp_path):
    p = tmp_path / "corpus" / "articles.parquet"
    p.parent.mkdir()
    sample_articles[["article_id", "title", "text"]].to_parquet(p)
    return p


def _other_corpus(sample_articles, n=2):
    other = sample_articles.head(n).copy()
    other["article_id"] = [f"other{i}" for i in range(n)]
    other["text"] = [f"قال الوزير إن المحادثات مستمرة. رقم {i}." for i in range(n)]
    return other


@pytest.mark.parametrize("where", ["same folder", "parent folder", "the file itself", "inside input folder"])
def test_output_that_is_or_holds_the_input_is_refused_and_input_untouched(corpus_file, where):
    before = corpus_file.read_bytes()
    out = {"same folder": corpus_file.parent, "parent folder": corpus_file.parent.parent,
           "the file itself": corpus_file, "inside input folder": corpus_file.parent / "out"}[where]
    source = corpus_file.parent if where == "inside input folder" else corpus_file
    with pytest.raises(StoreError, match="input"):
        annotate_to_parquet(source, out, stages=STAGES, progress=False)
    assert corpus_file.is_file() and corpus_file.read_bytes() == before
    assert not (corpus_file.parent / "out").exists()


def test_output_that_is_a_file_or_under_a_file_is_refused(sample_articles, tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("keep me")
    with pytest.raises(StoreError, match="existing file"):
        annotate_to_parquet(sample_articles, f, stages=STAGES, progress=False)
    with pytest.raises(StoreError, match="under a file"):
        annotate_to_parquet(sample_articles, f / "sub", stages=STAGES, progress=False)
    assert f.read_text() == "keep me"


def test_a_folder_that_is_not_arnews_output_is_never_replaced(sample_articles, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.docx").write_bytes(b"PK")
    with pytest.raises(StoreError, match="not arnews output"):
        annotate_to_parquet(sample_articles, tmp_path / "mine", stages=STAGES, progress=False)
    assert (tmp_path / "mine" / "thesis.docx").read_bytes() == b"PK"


def test_missing_input_makes_no_folder(tmp_path):
    with pytest.raises(CorpusError, match="corpus path does not exist"):
        annotate_to_parquet(tmp_path / "missing", tmp_path / "a" / "b", progress=False)
    assert not (tmp_path / "a").exists()


def test_fewer_stages_replace_the_folder_whole(sample_articles, tmp_path):
    out = tmp_path / "out"
    annotate_to_parquet(sample_articles, out, stages=["clean", "text", "actors"], progress=False)
    assert (out / "mentions.parquet").exists()
    other = _other_corpus(sample_articles)
    annotate_to_parquet(other, out, stages=STAGES, progress=False)
    ann = read_annotations(out)
    assert sorted(ann.tables) == ["articles", "sentences", "tokens"]  # no mentions of the first corpus
    assert ann.articles["article_id"].tolist() == ["other0", "other1"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["stages"] == STAGES and manifest["tables"]["articles"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temporary folder or lock left


def test_a_run_failing_half_way_leaves_the_previous_output(sample_articles, tmp_path, monkeypatch):
    out = tmp_path / "out"
    annotate_to_parquet(sample_articles, out, stages=STAGES, chunk_size=2, progress=False)
    before = json.loads((out / "manifest.json").read_text())

    import arnews.text

    real = arnews.text.annotate_stage

    def failing(tables):
        if "other3" in set(tables["articles"]["article_id"]):
            raise RuntimeError("disk full")
        return real(tables)

    monkeypatch.setattr(arnews.text, "annotate_stage", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        annotate_to_parquet(_other_corpus(sample_articles, 5), out, stages=STAGES, chunk_size=2, progress=False)
    ann = read_annotations(out)
    assert ann.articles["article_id"].tolist() == sample_articles["article_id"].tolist()
    assert json.loads((out / "manifest.json").read_text()) == before
    assert len(ann.load_report) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_second_run_into_a_busy_folder_fails_at_once(sample_articles, tmp_path):
    out = tmp_path / "out"
    run = begin_run(out)
    t0 = time.perf_counter()
    with pytest.raises(StoreError, match="another arnews run is writing to this folder"):
        annotate_to_parquet(sample_articles, out, stages=STAGES, progress=False)
    assert time.perf_counter() - t0 < 5
    abort_run(run)
    annotate_to_parquet(sample_articles, out, stages=STAGES, progress=False)
    assert len(read_annotations(out).articles) == 5


def test_a_run_in_another_process_holds_the_folder(sample_articles, tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from arnews.store import begin_run
        run = begin_run({str(out)!r})
        print("locked", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match=r"another arnews run .*pid \d+"):
            annotate_to_parquet(sample_articles, out, stages=STAGES, progress=False)
    finally:
        holder.kill()
        holder.wait()
    # a killed holder leaves no stale lock and its temporary folder is cleared by the next run
    annotate_to_parquet(sample_articles, out, stages=STAGES, progress=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_read_annotations_refuses_tables_of_two_runs(sample_articles, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    annotate_to_parquet(sample_articles, a, stages=STAGES, progress=False)
    annotate_to_parquet(sample_articles, b, stages=["clean", "text", "actors"], progress=False)
    (b / "mentions.parquet").rename(a / "mentions.parquet")  # a table of another run
    with pytest.raises(StoreError, match="mentions.parquet not part of the run"):
        read_annotations(a)
    (a / "mentions.parquet").rename(b / "mentions.parquet")
    check_manifest(a)
    part = next((a / "tokens.parquet").iterdir())
    pd.read_parquet(part).head(3).to_parquet(part)  # a table changed after the run
    with pytest.raises(StoreError, match="tokens.parquet has 3 rows"):
        read_annotations(a)


def test_leftovers_of_a_killed_run_are_cleared_and_an_interrupted_swap_repaired(tmp_path):
    out = tmp_path / "out"
    (tmp_path / ".out.tmp-999-dead").mkdir()
    with begin_run(out) as run:
        pd.DataFrame({"article_id": ["a"], "text": ["نص"]}).to_parquet(run.path / "articles.parquet")
        commit_run(run, stages=["clean"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    out.rename(tmp_path / ".out.old-1234")  # killed between the two renames of a swap
    with begin_run(out):
        pass
    assert check_manifest(out)["tables"] == {"articles": 1}


def test_to_parquet_writes_a_manifest(sample_annotations, tmp_path):
    sample_annotations.to_parquet(tmp_path / "ann")
    manifest = check_manifest(tmp_path / "ann")
    assert manifest["tables"]["tokens"] == len(sample_annotations.tokens)
    assert len(read_annotations(tmp_path / "ann").articles) == 5


@pytest.mark.parametrize("own", [["survey2024.parquet", "panel.parquet"], ["articles.parquet"]])
def test_a_folder_of_the_users_own_parquet_files_is_never_replaced(sample_articles, tmp_path, own):
    """Parquet files alone do not make a folder arnews output (they were replaced, exit 0)."""
    folder = tmp_path / "mine"
    folder.mkdir()
    for name in own:
        pd.DataFrame({"x": [1, 2]}).to_parquet(folder / name)
    with pytest.raises(StoreError, match="not arnews output"):
        annotate_to_parquet(sample_articles, folder, stages=STAGES, progress=False)
    assert sorted(p.name for p in folder.iterdir()) == sorted(own)


def test_an_output_folder_written_before_manifests_is_replaced(sample_articles, tmp_path):
    out = tmp_path / "old"
    out.mkdir()
    sample_articles[["article_id", "text"]].to_parquet(out / "articles.parquet")
    pd.DataFrame({"article_id": ["x"], "token_id": [0]}).to_parquet(out / "tokens.parquet")
    pd.DataFrame({"source": ["x"], "status": ["loaded"]}).to_parquet(out / "load_report.parquet")
    annotate_to_parquet(_other_corpus(sample_articles), out, stages=STAGES, progress=False)
    assert read_annotations(out).articles["article_id"].tolist() == ["other0", "other1"]
