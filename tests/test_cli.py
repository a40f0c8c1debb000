"""The command line: misuse gives one clear line and a non-zero exit code, never a
traceback, and never exit 0 with lost or mixed data."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from arnews.cli import main as cli_main
from arnews.pipeline import read_annotations
from arnews.store import abort_run, begin_run

ARABIC = "قال الرئيس الروسي فلاديمير بوتين إن العلاقات مع الصين في أفضل حالاتها.\nوأكد شي جين بينغ ذلك."


def _annotate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "arnews", "annotate", *args], capture_output=True, text=True, timeout=300)


def _one_clear_line(res: subprocess.CompletedProcess, *phrases: str) -> None:
    assert res.returncode != 0
    assert "Traceback" not in res.stderr
    err = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(err) == 1, res.stderr
    for ph in phrases:
        assert ph in err[0], err[0]


@pytest.mark.parametrize("extra", [[], ["--dedupe", "near"]], ids=["plain", "dedupe"])
def test_output_holding_the_input_is_refused_and_input_kept(sample_articles, tmp_path, extra):
    # with --dedupe the corpus is loaded before the run: its path must still be protected
    corpus = tmp_path / "articles.parquet"
    sample_articles[["article_id", "text"]].to_parquet(corpus)
    before = corpus.read_bytes()
    res = subprocess.run([sys.executable, "-m", "arnews", "annotate", "articles.parquet", "--out", ".", "--stages", "clean",
                          *extra], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    _one_clear_line(res, "contains the input")
    assert corpus.is_file() and corpus.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.parquet"]


@pytest.mark.parametrize("case,phrase", [("file", "existing file"), ("under a file", "under a file")])
def test_out_that_is_a_file_or_under_one(sample_dir, tmp_path, case, phrase):
    f = tmp_path / "notes.txt"
    f.write_text("x")
    out = f if case == "file" else f / "ann"
    _one_clear_line(_annotate(str(sample_dir), "--out", str(out)), phrase)
    assert f.read_text() == "x"


@pytest.mark.parametrize("stages", ["clean,bogus", "lemma", ","])
def test_unknown_stages(sample_dir, tmp_path, stages):
    res = _annotate(str(sample_dir), "--out", str(tmp_path / "o"), "--stages", stages)
    _one_clear_line(res, "--stages", "stages are clean, text")
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("flag", ["--workers", "--chunk-size"])
def test_numbers_below_one(sample_dir, tmp_path, flag, capsys):
    rc = cli_main(["annotate", str(sample_dir), "--out", str(tmp_path / "o"), flag, "0"])
    assert rc == 2
    assert f"{flag} 0: must be at least 1" in capsys.readouterr().err


def test_second_run_into_a_busy_folder_fails_clearly(sample_dir, tmp_path, capsys):
    out = tmp_path / "o"
    run = begin_run(out)
    try:
        rc = cli_main(["annotate", str(sample_dir), "--out", str(out), "--stages", "clean", "--no-cache"])
    finally:
        abort_run(run)
    assert rc == 2
    assert "another arnews run is writing to this folder" in capsys.readouterr().err
    assert not out.exists()


def test_two_corpora_into_one_folder_never_mix(sample_dir, sample_articles, tmp_path, capsys):
    out = tmp_path / "o"
    assert cli_main(["annotate", str(sample_dir), "--out", str(out), "--no-cache"]) == 0
    second = tmp_path / "second.csv"
    pd.DataFrame({"id": ["s1", "s2"], "text": [ARABIC, "تعهد شي بتعميق التنسيق."]}).to_csv(second, index=False)
    assert cli_main(["annotate", str(second), "--out", str(out), "--stages", "clean,text", "--id-column", "id", "--no-cache"]) == 0
    ann = read_annotations(out)
    assert set(ann.tables) == {"articles", "sentences", "tokens"}
    assert set(ann.sentences["article_id"]) == {"s1", "s2"}
    assert len(ann.load_report) == 2
    assert json.loads((out / "manifest.json").read_text())["corpus"]["source"].endswith("second.csv")


def test_flagged_inputs_are_printed(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    data = ARABIC.encode()
    (corpus / "damaged.txt").write_bytes(data[:30] + b"\xff" + data[30:])
    (corpus / "sub").mkdir()
    (corpus / "sub" / "b.txt").write_text(ARABIC + " ثانية", encoding="utf-8")
    rc = cli_main(["annotate", str(corpus), "--out", str(tmp_path / "o"), "--stages", "clean", "--no-cache"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "loaded 1 articles" in out and "skipped 1; flagged 1" in out
    assert "damaged UTF-8: 1 invalid byte" in out and "in subfolder sub/" in out


@pytest.mark.parametrize("flag,month", [("--dayfirst", 6), ("--monthfirst", 5), (None, 6)])
def test_date_order_flags(tmp_path, flag, month):
    corpus = tmp_path / "c.csv"
    pd.DataFrame({"text": [ARABIC, ARABIC + " ٢"], "date": ["05/06/2022", "07/08/2022"]}).to_csv(corpus, index=False)
    args = ["annotate", str(corpus), "--out", str(tmp_path / "o"), "--stages", "clean", "--no-cache"] + ([flag] if flag else [])
    assert cli_main(args) == 0
    dates = read_annotations(tmp_path / "o").articles["date"]
    assert dates.dt.month.tolist()[0] == month


def _big_corpus(sample_articles, path, prefix: str, copies: int = 200):
    """The sample articles ``copies`` times over, under ids of their own (a run of a few seconds)."""
    rows = sample_articles[["article_id", "text"]]
    big = pd.concat([rows.assign(article_id=[f"{prefix}{k}_{i}" for i in range(len(rows))], text=rows["text"] + f" {k}")
                     for k in range(copies)], ignore_index=True)
    big.to_csv(path, index=False)
    return path


def _start(corpus, out, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "arnews", "annotate", str(corpus), "--out", str(out), "--stages", "clean,text",
                             "--no-cache", "--chunk-size", "20", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_parts(tmp_path, name: str, timeout: float = 120) -> None:
    """Until the run into ``name`` has written a part of its tokens table beside the folder."""
    import time

    deadline = time.time() + timeout
    while time.time() < deadline:
        if any(tmp_path.glob(f".{name}.tmp-*/tokens.parquet/part-*.parquet")):
            return
        time.sleep(0.05)
    raise AssertionError("the run wrote no part")


def test_two_concurrent_runs_into_one_folder_never_both_succeed(sample_articles, tmp_path):
    """Two real processes: the second fails at once with a clear line while the first writes;
    the folder then holds the first corpus whole (issue 13: both exited 0 with 1,600 articles
    of one corpus and 400 of the other)."""
    a = _big_corpus(sample_articles, tmp_path / "a.csv", "A")
    b = _big_corpus(sample_articles, tmp_path / "b.csv", "B", copies=20)
    first = _start(a, tmp_path / "o", "--workers", "1")
    try:
        _wait_for_parts(tmp_path, "o")
        second = _start(b, tmp_path / "o", "--workers", "1")
        _, err = second.communicate(timeout=300)
        running = first.poll() is None
    finally:
        first_out, first_err = first.communicate(timeout=600)
    assert running, "the first run ended before the second was refused: the test did not overlap them"
    assert second.returncode == 2 and "another arnews run is writing to this folder" in err and "Traceback" not in err
    assert first.returncode == 0, first_err
    ann = read_annotations(tmp_path / "o")
    assert set(ann.articles["article_id"].str[0]) == {"A"} and len(ann.articles) == 1000
    assert set(ann.tokens["article_id"].str[0]) == {"A"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_run_leaves_the_previous_output_whole(sample_articles, tmp_path):
    """SIGKILL in the middle of a run with workers: the folder keeps the previous run's
    tables and manifest, the workers end, and the next run clears what the killed one left."""
    import os
    import signal
    import time

    out = tmp_path / "o"
    small = _big_corpus(sample_articles, tmp_path / "small.csv", "S", copies=2)
    assert cli_main(["annotate", str(small), "--out", str(out), "--stages", "clean,text", "--no-cache"]) == 0
    before = (out / "manifest.json").read_text()
    run = _start(_big_corpus(sample_articles, tmp_path / "a.csv", "A"), out, "--workers", "2")
    try:
        _wait_for_parts(tmp_path, "o")
        children = Path(f"/proc/{run.pid}/task/{run.pid}/children").read_text().split()
        run.send_signal(signal.SIGKILL)
        run.wait()
    finally:
        run.kill()
        run.communicate()
    assert (out / "manifest.json").read_text() == before
    ann = read_annotations(out)
    assert set(ann.articles["article_id"].str[0]) == {"S"} and set(ann.tokens["article_id"].str[0]) == {"S"}
    deadline = time.time() + 10
    while any(Path(f"/proc/{c}").exists() and Path(f"/proc/{c}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
              for c in children) and time.time() < deadline:
        time.sleep(0.1)
    alive = [c for c in children if Path(f"/proc/{c}").exists()
             and Path(f"/proc/{c}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
    for c in alive:  # only when the test fails: leave nothing running
        os.kill(int(c), signal.SIGKILL)
    assert not alive, "workers outlived the killed run"
    assert cli_main(["annotate", str(small), "--out", str(out), "--stages", "clean", "--no-cache"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
