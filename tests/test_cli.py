"""The command line: misuse gives one clear line and a non-zero exit code, never a
traceback, and never exit 0 with lost or mixed data."""
from __future__ import annotations

import json
import subprocess
import sys

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
