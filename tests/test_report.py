"""arnews.report: the runner (papermill + nbconvert), the index page, failures and escaping."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from arnews import report
from report_fixtures import REPO, XSS_IMG, build, run_report, write_xss_corpus


def _nb(path: Path, *cells, title: str | None = None) -> Path:
    md = [new_markdown_cell(f"# {title}\nText.")] if title else []
    params = new_code_cell('corpus = "../data/articles"', metadata={"tags": ["parameters"]})
    nb = new_notebook(cells=md + [params] + [new_code_cell(c) for c in cells],
                      metadata={"kernelspec": {"name": "arnews", "display_name": "arnews", "language": "python"}})
    nbformat.write(nb, path)
    return path


# ---------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------


def test_discover_notebooks_in_name_order(tmp_path):
    for n in ["03_c.ipynb", "00_a.ipynb", "01_b.ipynb", "_draft.ipynb", ".hidden.ipynb", "notes.md"]:
        (tmp_path / n).write_text("{}")
    assert [p.name for p in report.discover_notebooks(tmp_path)] == ["00_a.ipynb", "01_b.ipynb", "03_c.ipynb"]
    with pytest.raises(FileNotFoundError, match="nowhere"):
        report.discover_notebooks(tmp_path / "nowhere")


def test_notebook_title():
    nb = new_notebook(cells=[new_code_cell("x = 1"), new_markdown_cell("Intro\n\n## 3 · Stance: who\nmore")])
    assert report.notebook_title(nb, "fallback") == "3 · Stance: who"
    assert report.notebook_title(new_notebook(cells=[new_code_cell("1")]), "fallback") == "fallback"


def test_choose_kernel_falls_back_to_this_interpreter():
    name, env = report.choose_kernel("no-such-kernel-xyz")
    spec_dir = Path(env["JUPYTER_PATH"].split(":")[0]) / "kernels" / name
    spec = json.loads((spec_dir / "kernel.json").read_text())
    assert spec["argv"][0] == sys.executable


def _code_inputs(page: str) -> int:
    return len(re.findall(r'class="[^"]*\bjp-InputArea-editor\b', page))


def _executed_like(stream_text: str, html_table: str) -> nbformat.NotebookNode:
    nb = new_notebook(cells=[
        new_markdown_cell("# Title\nSome prose."),
        new_code_cell("print(x)", outputs=[nbformat.v4.new_output("stream", name="stdout", text=stream_text)]),
        new_code_cell("df", outputs=[nbformat.v4.new_output("execute_result", data={"text/html": html_table, "text/plain": "df"}, execution_count=2)]),
        new_code_cell("import warnings", outputs=[nbformat.v4.new_output("stream", name="stderr", text="SomeWarning: noise")]),
    ])
    return nb


def test_export_html_reader_and_full_versions(tmp_path):
    import pandas as pd

    hostile = "<script>alert(1)</script>"
    table = pd.DataFrame({"title": [hostile, "بوتين وشي"]}).to_html()  # pandas escapes
    nb = _executed_like(f"title: {hostile}", table)
    reader = report.export_html(nb, tmp_path / "r.html", code=False).read_text(encoding="utf-8")
    full = report.export_html(nb, tmp_path / "f.html", code=True).read_text(encoding="utf-8")
    for page in (reader, full):
        assert hostile not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "بوتين وشي" in page
        # nothing is fetched from a CDN
        assert not re.search(r"<script[^>]+src=[\"']https?://", page)
        assert "unicode-bidi: plaintext" in page
    assert _code_inputs(full) == 3 and _code_inputs(reader) == 0  # code only in the full version
    assert "SomeWarning: noise" not in reader  # stderr noise dropped from the reader's version


def test_markdown_outputs_are_escaped(tmp_path):
    nb = new_notebook(cells=[new_code_cell("Markdown(t)", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/markdown": f"Title: **{XSS_IMG}**", "text/plain": "md"})])])
    page = report.export_html(nb, tmp_path / "m.html", code=False).read_text(encoding="utf-8")
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page


def test_setup_cell_is_hidden_but_its_output_kept(tmp_path):
    nb = report._with_setup_cell(new_notebook(cells=[new_code_cell("1 + 1")]))
    assert report.SETUP_TAG in nb.cells[0].metadata["tags"] and "setup_notebook()" in nb.cells[0].source
    nb.cells[0].outputs = [nbformat.v4.new_output("display_data", data={"text/html": "<div id='dt-bundle-marker'></div>"})]
    full = report.export_html(nb, tmp_path / "f.html", code=True).read_text(encoding="utf-8")
    assert "dt-bundle-marker" in full and "setup_notebook" not in full
    assert _code_inputs(full) == 1  # only the notebook's own cell shows code


def test_index_page_escapes_everything(tmp_path):
    state = report.RunState(
        corpus=f"/data/{XSS_IMG}", out=tmp_path, started=dt.datetime(2025, 1, 2, 3, 4, tzinfo=dt.timezone.utc),
        summary={"articles": 3, "tokens": 40, "words": 30, "skipped": 1, "first_date": "2024-03-01",
                 "last_date": "2024-05-20", "undated": 0, "outlets": 2},
        skipped=[{"source": f"/data/{XSS_IMG}.txt", "reason": "empty file"}],
        reports=[report.ReportResult("00_a.ipynb", "<script>alert(1)</script>", status="ok", reader="00_a.html",
                                     full="00_a.code.html", seconds=3.0)],
    )
    page = report.write_index(state).read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(2)&gt;.txt" in page
    assert 'href="00_a.html"' in page and 'href="00_a.code.html"' in page
    assert "2025-01-02" in page and "pandas" in page and "camel-tools" in page


def test_cli_dispatches_report():
    r = subprocess.run([sys.executable, "-m", "arnews", "report", "--help"], capture_output=True, text=True, cwd=REPO)
    assert r.returncode == 0 and "--corpus" in r.stdout and "--no-code" in r.stdout and "--notebooks" in r.stdout


def test_bad_corpus_exits_2_naming_it(tmp_path, capsys):
    code = report.main(["--corpus", str(tmp_path / "missing"), "--out", str(tmp_path / "out")])
    assert code == 2
    assert "missing" in capsys.readouterr().err


# ---------------------------------------------------------------------------
# Whole runs (notebooks executed in Jupyter kernels)
# ---------------------------------------------------------------------------


@pytest.mark.slow
def test_sample_report(tmp_path_factory):
    res = build("sample", tmp_path_factory)
    assert res["code"] == 0, res["stderr"]
    out = res["out"]
    notebooks = report.discover_notebooks(REPO / "notebooks")
    assert notebooks[0].name == "00_corpus.ipynb"
    index = (out / "index.html").read_text(encoding="utf-8")
    for nb in notebooks:
        assert (out / f"{nb.stem}.html").is_file() and (out / f"{nb.stem}.code.html").is_file()
        assert f'href="{nb.stem}.html"' in index
        executed = nbformat.read(out / "executed" / nb.name, as_version=4)
        errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
        assert errors == [], nb.name
        # the corpus reached the notebook as an absolute path
        injected = next(c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", []))
        assert repr(str(res["corpus"])) in injected.source or json.dumps(str(res["corpus"])) in injected.source
    # the corpus summary on the index page is the sample's
    assert re.search(r"articles</th>\s*<td[^>]*>5<", index)
    # every notebook's annotate_corpus() call used the entries the runner wrote: one cache
    # entry per stage (arnews.cache: <stage>-<key>) for the sample's one chunk
    from arnews.stages import available_stages

    entries = [p for p in res["cache"].iterdir() if p.is_dir()]
    assert sorted(p.name.split("-")[0] for p in entries) == sorted(available_stages()), [p.name for p in entries]
    # plots are embedded PNGs
    page = (out / "00_corpus.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") >= 2
    # itables offline: the DataTables bundle is inline, nothing from a CDN
    bundle = re.search(r'injectModule\("([A-Za-z0-9+/=]{100000,})"\)', page)
    assert bundle is not None, "the DataTables library is not embedded in the page"
    assert not re.search(r"<script[^>]+src=[\"']https?://", page)
    assert "import { set_or_remove_dark_class } from 'https" not in page


@pytest.mark.slow
def test_untrusted_corpus_is_escaped_in_every_page(tmp_path_factory):
    res = build("xss", tmp_path_factory)
    out = res["out"]
    pages = sorted(out.glob("*.html"))
    assert (out / "00_corpus.html") in pages, res["stderr"]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(" not in text, page.name
        assert "<img src=x" not in text, page.name
        assert "onerror=alert" not in text.replace("&lt;img src=x onerror=alert", ""), page.name
    corpus_page = (out / "00_corpus.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in corpus_page
    # the hostile skipped file is listed, escaped, on the index page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(5)&gt;.txt" in index


@pytest.mark.slow
def test_failing_notebook_stops_the_run_naming_notebook_and_cell(tmp_path):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    _nb(nbdir / "00_ok.ipynb", "print('ok', corpus)", title="Works")
    _nb(nbdir / "01_fail.ipynb", "x = 1", "y = x / 0  # deliberate", title="Breaks")
    _nb(nbdir / "02_after.ipynb", "print('never')", title="After")
    corpus = write_xss_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    res = run_report(["--corpus", str(corpus), "--out", str(out), "--notebooks", str(nbdir)], tmp_path / "cache")
    assert res["code"] == 1
    err = res["stderr"]
    # cell 4 of 01_fail.ipynb: heading, parameters, "x = 1", then the failing one
    assert "01_fail.ipynb" in err and "cell 4" in err and "ZeroDivisionError" in err and "x / 0" in err
    assert (out / "00_ok.html").is_file() and (out / "00_ok.code.html").is_file()
    assert not (out / "01_fail.html").exists() and not (out / "02_after.html").exists()
    assert (out / "executed" / "01_fail.ipynb").is_file()  # with the traceback
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="00_ok.html"' in index and "01_fail.ipynb" in index and "ZeroDivisionError" in index
    assert "02_after.ipynb" in index and 'href="02_after.html"' not in index


@pytest.mark.slow
def test_other_corpus_csv_with_text_column(tmp_path):
    """A CSV corpus whose text is in a 'body' column; a notebook that does not declare
    text_column still loads it (ARNEWS_TEXT_COLUMN in the kernel's environment)."""
    import pandas as pd

    csv = tmp_path / "news.csv"
    pd.DataFrame({
        "title": ["قمة في بكين", "اتصال هاتفي"],
        "body": ["التقى بوتين وشي في بكين وبحثا التعاون بين روسيا والصين.",
                 "أجرى الرئيسان اتصالا هاتفيا. وقال بوتين إن العلاقات قوية."],
        "date": ["2023-01-02", "2023-02-03"],
        "outlet": ["وكالة أ", "وكالة ب"],
    }).to_csv(csv, index=False)
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    (nbdir / "00_corpus.ipynb").write_bytes((REPO / "notebooks" / "00_corpus.ipynb").read_bytes())
    _nb(nbdir / "01_plain.ipynb", "import arnews\nann = arnews.annotate_corpus(corpus)\n"
        "print('N', len(ann.articles), ann.articles['text'].iloc[0][:9])", title="Plain")
    out = tmp_path / "out"
    res = run_report(["--corpus", str(csv), "--out", str(out), "--notebooks", str(nbdir), "--text-column", "body",
                      "--no-code"], tmp_path / "cache")
    assert res["code"] == 0, res["stderr"]
    assert (out / "00_corpus.html").is_file() and not (out / "00_corpus.code.html").exists()
    plain = (out / "01_plain.html").read_text(encoding="utf-8")
    assert "N 2 التقى بوت" in plain
    assert "قمة في بكين" in (out / "00_corpus.html").read_text(encoding="utf-8")
    assert re.search(r"articles</th>\s*<td[^>]*>2<", (out / "index.html").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------
# Scale (issue 14) and corpora without actors (issue 13)
# ---------------------------------------------------------------------------


@pytest.mark.slow
def test_pages_stay_bounded_and_full_tables_hold_every_row(tmp_path):
    """A corpus of many articles: every page shows a bounded number of rows, says how many
    there are, and links the full table, which holds every row."""
    import pandas as pd

    from arnews import freq
    from arnews.pipeline import read_annotations

    sys.path.insert(0, str(REPO / "bench"))
    from synth import write_corpus

    n = 300
    corpus = write_corpus(n, tmp_path / "many.parquet")
    out = tmp_path / "out"
    res = run_report(["--corpus", str(corpus), "--out", str(out), "--no-code"], tmp_path / "cache")
    assert res["code"] == 0, res["stderr"]
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert page.stat().st_size < 5_000_000, page.name
        # article ids reach a page only through bounded tables (20 rows each) and sentences
        assert len(set(re.findall(r"syn\d{7}", text))) <= 120, (page.name, len(set(re.findall(r"syn\d{7}", text))))
    corpus_page = (out / "00_corpus.html").read_text(encoding="utf-8")
    assert f"the first 20 of {n} rows" in corpus_page and 'href="tables/00_corpus/articles.csv"' in corpus_page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="tables/01_frequency/frequencies_norm.csv"' in index
    # the linked full tables hold every row
    ann = read_annotations(out / "annotations")
    articles = pd.read_csv(out / "tables" / "00_corpus" / "articles.csv")
    assert len(articles) == n and set(articles["article_id"]) == set(ann.articles["article_id"])
    assert len(pd.read_csv(out / "tables" / "01_frequency" / "vocabulary_per_article.csv")) == n
    ft = pd.read_csv(out / "tables" / "01_frequency" / "frequencies_norm.csv", keep_default_na=False)
    expected = freq.frequency_table(ann.tokens, "norm")
    assert len(ft) == len(expected) and ft["count"].sum() == expected["count"].sum()
    kw = pd.read_csv(out / "tables" / "01_frequency" / "kwic.csv")
    assert len(kw) == len(freq.kwic(ann.tokens, "الصين")) > 20
    # 04_validate: one figure row per shown article, every sentence's tone in the full table
    tones = pd.read_csv(out / "tables" / "04_validate" / "sentence_tones.csv")
    assert len(tones) == len(ann.tables["sentence_stance"]) > n
    assert "The 30 articles with the most sentences of cooperation or conflict (of 300)" in (out / "04_validate.html").read_text(encoding="utf-8")


SPORTS = {
    "match.txt": "فوز الهلال على النصر في الدوري\nفاز فريق الهلال على النصر بهدفين مقابل هدف في المباراة التي أقيمت مساء الجمعة. "
                 "وسجل المهاجم الهدف الثاني في الدقيقة الأخيرة.\nوقال المدرب إن اللاعبين قدموا أداء رائعا.",
    "swim.txt": "بطولة السباحة تنطلق غدا\nتنطلق بطولة السباحة للناشئين غدا بمشاركة عشرين ناديا. "
                "ويتنافس السباحون في سباقات الحرة والفراشة.",
    "tennis.txt": "لاعبة التنس تتأهل إلى النهائي\nتأهلت اللاعبة إلى المباراة النهائية بعد فوزها في ثلاث مجموعات. "
                  "وستلعب النهائي يوم الأحد.",
}


@pytest.mark.slow
def test_sports_corpus_without_political_actors_goes_through_the_whole_report(tmp_path):
    corpus = tmp_path / "sports"
    corpus.mkdir()
    for name, text in SPORTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    res = run_report(["--corpus", str(corpus), "--out", str(out), "--no-code"], tmp_path / "cache")
    assert res["code"] == 0, res["stderr"]
    for nb in report.discover_notebooks(REPO / "notebooks"):
        executed = nbformat.read(out / "executed" / nb.name, as_version=4)
        errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
        assert errors == [], nb.name
    # the corpus is what the test means: no actor, no quote, no stance pair
    from arnews.pipeline import read_annotations

    ann = read_annotations(out / "annotations")
    assert len(ann.articles) == 3
    assert len(ann.mentions) == 0 and len(ann.quotes) == 0 and len(ann.stance) == 0
    # and every notebook says so instead of failing
    stance_page = (out / "03_stance.html").read_text(encoding="utf-8")
    assert "No stance pairs" in stance_page
    assert "No quotes in this corpus" in stance_page
    assert "no actor mention" in (out / "02_cooccurrence.html").read_text(encoding="utf-8")
    assert "No actor mentions in this corpus" in (out / "01_frequency.html").read_text(encoding="utf-8")
    assert "No pair of states is related in this corpus" in (out / "04_validate.html").read_text(encoding="utf-8")
    assert "3 loaded" in (out / "00_corpus.html").read_text(encoding="utf-8")
    # the graph file (none here) and every full table are under --out, nothing in the repository
    assert not (REPO / "out" / "cooc_network.graphml").exists() or (REPO / "out" / "cooc_network.graphml").stat().st_mtime < out.stat().st_mtime


def test_report_console_has_no_kernel_warnings(tmp_path):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    _nb(nbdir / "00_a.ipynb", "print('hello')", title="A")
    corpus = write_xss_corpus(tmp_path / "corpus")
    import subprocess

    r = subprocess.run([sys.executable, "-m", "arnews", "report", "--corpus", str(corpus), "--out", str(tmp_path / "out"),
                        "--notebooks", str(nbdir), "--no-code"], capture_output=True, text=True, cwd=REPO,
                       env={**__import__("os").environ, "ARNEWS_CACHE": str(tmp_path / "cache")})
    assert r.returncode == 0, r.stderr
    assert "without encryption" not in r.stdout + r.stderr
    assert "without encryption" in (tmp_path / "out" / "executed" / "00_a.kernel.log").read_text()


@pytest.mark.slow
def test_undated_corpus_frequency_report_says_so_instead_of_time_plots(tmp_path):
    """Issue 20: an undated corpus (no metadata, no date in names or text) gets, in place of
    the corpus and frequency time plots, one line saying it is undated and how to add dates."""
    corpus = tmp_path / "undated"
    corpus.mkdir()
    for i, text in enumerate(["قمة في بكين\nالتقى بوتين وشي في بكين وبحثا التعاون بين روسيا والصين.",
                              "اتصال هاتفي\nأجرى الرئيسان اتصالا هاتفيا. وقال بوتين إن العلاقات مع الصين قوية."]):
        (corpus / f"article{i}.txt").write_text(text, encoding="utf-8")
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    for name in ("00_corpus.ipynb", "01_frequency.ipynb"):
        (nbdir / name).write_bytes((REPO / "notebooks" / name).read_bytes())
    out = tmp_path / "out"
    res = run_report(["--corpus", str(corpus), "--out", str(out), "--notebooks", str(nbdir), "--no-code"], tmp_path / "cache")
    assert res["code"] == 0, res["stderr"]
    freq_page = (out / "01_frequency.html").read_text(encoding="utf-8")
    assert "The corpus is undated" in freq_page and "No article is dated: no comparison between periods." in freq_page
    # 00's time plot is a sentence (not a figure file): only the outlets bars are written
    assert len(list((out / "figures" / "00_corpus").glob("*.png"))) == 1


def test_report_model_and_labels_reach_the_annotation_and_the_notebooks(tmp_path):
    """`report --model PATH` annotates with that model (not the shipped one) and `--labels` is
    passed to the notebooks that declare it; the model setting ends with the run."""
    from arnews.stance_model import StanceModel, model_path

    m = StanceModel.from_json(model_path())
    for layer in (m.pairs, m.tone, m.rerank):  # a model that reads every sentence and pair as conflict
        if layer is not None:  # the second stage, when the model has one, decides the pairs
            layer.intercept[layer.classes.index("conflict")] = 100.0
    biased = tmp_path / "conflict_model.json.gz"
    m.to_json(biased)
    labels = tmp_path / "labels.csv"
    labels.write_text("article_id,sentence_id,text,label,dyads\n", encoding="utf-8")
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    nb = _nb(nbdir / "00_read.ipynb", "from arnews.tables import AnnotationFolder\n"
             "f = AnnotationFolder(annotations)\n"
             "print('TONES', sorted(set(f.read('sentence_stance', ['label'])['label'])))\n"
             "print('PAIRS', sorted(set(f.read('stance_pairs', ['label'])['label'])))\n"
             "print('LABELS', labels)", title="Read")
    nbf = nbformat.read(nb, as_version=4)
    nbf.cells[1].source += '\nannotations = ""\nlabels = ""'
    nbformat.write(nbf, nb)
    corpus = write_xss_corpus(tmp_path / "corpus")
    before = os.environ.get("ARNEWS_STANCE_MODEL")
    res = run_report(["--corpus", str(corpus), "--out", str(tmp_path / "out"), "--notebooks", str(nbdir), "--no-code",
                      "--model", str(biased), "--labels", str(labels)], tmp_path / "cache")
    assert res["code"] == 0, res["stderr"]
    page = (tmp_path / "out" / "00_read.html").read_text(encoding="utf-8")
    assert "TONES [&#x27;conflict&#x27;]" in page or "TONES ['conflict']" in page
    assert "PAIRS [&#x27;conflict&#x27;]" in page or "PAIRS ['conflict']" in page
    assert str(labels) in page
    assert os.environ.get("ARNEWS_STANCE_MODEL") == before
    # the shipped model on the same corpus reads it otherwise (another cache entry, not the biased one)
    res = run_report(["--corpus", str(corpus), "--out", str(tmp_path / "out2"), "--notebooks", str(nbdir), "--no-code"],
                     tmp_path / "cache")
    assert res["code"] == 0, res["stderr"]
    page = (tmp_path / "out2" / "00_read.html").read_text(encoding="utf-8")
    assert "TONES [&#x27;conflict&#x27;]" not in page and "TONES ['conflict']" not in page
    # a model or labels file that does not exist is named, before any annotation
    res = run_report(["--corpus", str(corpus), "--out", str(tmp_path / "out3"), "--model", str(tmp_path / "none.json.gz")],
                     tmp_path / "cache")
    assert res["code"] == 2 and "none.json.gz: no such stance model file" in res["stderr"]
    res = run_report(["--corpus", str(corpus), "--out", str(tmp_path / "out3"), "--labels", str(tmp_path / "no.csv")],
                     tmp_path / "cache")
    assert res["code"] == 2 and "no.csv: no such labels file" in res["stderr"]
