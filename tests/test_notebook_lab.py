"""Notebooks run top to bottom outside the report (as in JupyterLab), on a corpus from another
source: ids that share a long prefix, identical titles, planted reprints."""
from __future__ import annotations

import pandas as pd
import pytest

from notebook_here import run_notebook_here

WIRE = ("قال الرئيس الروسي فلاديمير بوتين إن العلاقات بين روسيا والصين في أفضل حالاتها. "
        "وأكد الرئيس الصيني شي جين بينغ أن الصين تدعم روسيا في مجلس الأمن. "
        "وبحث الجانبان التعاون في مجال الطاقة والتجارة بين البلدين. "
        "وانتقدت الولايات المتحدة الاتفاق وقالت إنه يهدد أوروبا وأوكرانيا.")
OTHER = ("وصل وزير الخارجية الصيني وانغ يي إلى موسكو في زيارة رسمية. "
         "والتقى نظيره الروسي سيرغي لافروف وبحثا الأزمة في أوكرانيا. "
         "وقالت الصين إن الحوار هو الطريق الوحيد لحل الأزمة.")
THIRD = ("أعلنت وزارة الدفاع الروسية عن مناورات بحرية مشتركة مع الصين في بحر اليابان. "
         "وتستمر المناورات أسبوعا بمشاركة سفن وطائرات من البلدين.")


@pytest.fixture(scope="module")
def other_source(tmp_path_factory):
    """Four articles named like a scraped site's files (a long shared prefix), every one with
    the same title; two are the same wire story with a different sign-off."""
    from arnews.pipeline import annotate_to_parquet

    root = tmp_path_factory.mktemp("other_source")
    corpus = root / "corpus"
    corpus.mkdir()
    title = "أخبار العالم اليوم"
    texts = {"847": WIRE + "\nالمصدر: وكالة أ", "848": WIRE + "\n(رويترز)", "12": OTHER, "1203": THIRD}
    for n, body in texts.items():
        (corpus / f"saudinewsnet_2015-08-02_{n}.txt").write_text(f"{title}\n{body}", encoding="utf-8")
    ann = root / "ann"
    annotate_to_parquet(corpus, ann, workers=1, cache=root / "cache", progress=False)
    return corpus, ann, root


def test_frequency_plots_label_articles_distinctly(other_source, monkeypatch):
    corpus, ann, root = other_source
    ns, figures = run_notebook_here("01_frequency", monkeypatch, corpus=str(corpus), annotations=str(ann),
                                    output_dir=str(root / "out01"), dispersion_terms=["الصين", "روسيا"])
    dispersion = [f for f in figures if any(ax.get_xlabel() == "position in article" for ax in f.axes)]
    assert len(dispersion) == 1
    rows = [t.get_text() for t in dispersion[0].axes[0].get_yticklabels()]
    assert len(rows) == 4 and len(set(rows)) == 4, rows  # one row per article, told apart
    assert all(r.strip() and not r.startswith("saudinewsnet") for r in rows), rows
    # tables keep the ids
    voc = pd.read_csv(root / "out01" / "tables" / "01_frequency" / "vocabulary_per_article.csv")
    assert set(voc["article_id"]) == {f"saudinewsnet_2015-08-02_{n}" for n in ("847", "848", "12", "1203")}


def test_corpus_notebook_lists_near_duplicate_groups(other_source, monkeypatch):
    corpus, ann, root = other_source
    ns, _ = run_notebook_here("00_corpus", monkeypatch, corpus=str(corpus), annotations=str(ann),
                              output_dir=str(root / "out00"))
    groups = pd.read_csv(root / "out00" / "tables" / "00_corpus" / "near_duplicates.csv")
    wire = {"saudinewsnet_2015-08-02_847", "saudinewsnet_2015-08-02_848"}
    assert set(groups["article_id"]) == wire and groups["group_id"].nunique() == 1
    assert groups["kept"].sum() == 1 and (groups["similarity"] >= 0.8).all()
    assert {"title", "date"} <= set(groups.columns)
    assert len(ns["dropped"]) == 0


def test_corpus_notebook_after_dedupe_near_lists_what_was_left_out(other_source, monkeypatch, tmp_path):
    from arnews.corpus import load_corpus
    from arnews.dedupe import apply_dedupe
    from arnews.pipeline import annotate_to_parquet

    corpus, _, root = other_source
    ann = tmp_path / "ann"
    annotate_to_parquet(apply_dedupe(load_corpus(corpus), "near"), ann, workers=1, cache=root / "cache", progress=False)
    ns, _ = run_notebook_here("00_corpus", monkeypatch, corpus=str(corpus), annotations=str(ann),
                              output_dir=str(tmp_path / "out"))
    assert len(pd.read_csv(tmp_path / "out" / "tables" / "00_corpus" / "near_duplicates.csv")) == 0
    dropped = ns["dropped"]
    assert len(dropped) == 1 and dropped["source"].iloc[0].endswith("saudinewsnet_2015-08-02_848.txt")
    assert "near-duplicate of saudinewsnet_2015-08-02_847" in dropped["reason"].iloc[0]


@pytest.mark.slow
def test_in_a_plain_kernel_tables_are_interactive_with_buttons_and_progress_is_a_widget(tmp_path, monkeypatch):
    """As in JupyterLab: the notebook alone in a Jupyter kernel (no report runner, no setup cell
    added), annotating its corpus itself: tables are itables with CSV/Excel buttons, the
    progress bar is an ipywidgets widget, and tqdm does not fall back to text."""
    import os
    import shutil

    import nbformat
    import papermill

    from arnews.report import choose_kernel
    from notebook_here import REPO

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("قمة في بكين\n" + OTHER, encoding="utf-8")
    (corpus / "b.txt").write_text("مناورات\n" + THIRD, encoding="utf-8")
    kernel, kenv = choose_kernel()
    for k, v in {**kenv, "ARNEWS_CACHE": str(tmp_path / "cache")}.items():
        monkeypatch.setenv(k, v)
    executed = tmp_path / "00_corpus.ipynb"
    try:
        papermill.execute_notebook(str(REPO / "notebooks" / "00_corpus.ipynb"), str(executed), kernel_name=kernel,
                                   parameters={"corpus": str(corpus), "output_dir": str(tmp_path / "out")},
                                   cwd=str(REPO / "notebooks"), progress_bar=False)
    finally:
        if kenv.get("JUPYTER_PATH"):  # the kernelspec choose_kernel wrote for this interpreter
            shutil.rmtree(kenv["JUPYTER_PATH"].split(os.pathsep)[0], ignore_errors=True)
    outputs = [o for c in nbformat.read(executed, as_version=4).cells if c.cell_type == "code" for o in c.outputs]
    html = "".join(str(o.get("data", {}).get("text/html", "")) for o in outputs)
    stderr = "".join(str(o.get("text", "")) for o in outputs if o.get("name") == "stderr")
    assert html.count("<table id=\"itables_") >= 5
    assert '"buttons"' in html and '"csvHtml5"' in html and '"excelHtml5"' in html
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs), "no ipywidgets progress bar"
    assert "IProgress not found" not in stderr
    assert (tmp_path / "out" / "annotations" / "manifest.json").is_file() and os.listdir(tmp_path / "out" / "tables")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["00_corpus", "01_frequency", "02_cooccurrence", "03_stance", "04_validate"])
def test_every_notebook_reads_a_table_corpus_with_its_own_text_and_id_columns(name, tmp_path_factory, monkeypatch):
    """In JupyterLab (no report: ``annotations`` empty, the notebook annotates the corpus itself)
    a CSV whose text is in ``body`` and ids in ``doc`` works in every notebook."""
    root = tmp_path_factory.getbasetemp() / "lab_table_corpus"
    root.mkdir(exist_ok=True)
    csv = root / "news.csv"
    if not csv.exists():
        pd.DataFrame({"doc": ["n1", "n2", "n3"], "headline": ["قمة", "زيارة", "مناورات"], "body": [WIRE, OTHER, THIRD],
                      "date": ["2023-01-02", "2023-02-03", "2024-03-04"], "outlet": ["أ", "ب", "أ"]}).to_csv(csv, index=False)
    monkeypatch.setenv("ARNEWS_CACHE", str(root / "cache"))
    ns, _ = run_notebook_here(name, monkeypatch, corpus=str(csv), annotations="", output_dir=str(root / "out"),
                              text_column="body", id_column="doc", run_evaluation=False)
    arts = ns["nb"].articles(["article_id", "text"])
    assert sorted(arts["article_id"]) == ["n1", "n2", "n3"]
    assert arts.set_index("article_id").loc["n2", "text"].startswith("وصل وزير الخارجية الصيني")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["01_frequency", "03_stance", "04_validate"])
def test_no_plot_labels_articles_by_a_cut_id_or_a_shared_title(name, other_source, monkeypatch):
    """Every tick label of every figure: never the ids' shared prefix, and article rows told apart."""
    corpus, ann, root = other_source
    _, figures = run_notebook_here(name, monkeypatch, corpus=str(corpus), annotations=str(ann),
                                   output_dir=str(root / f"labels_{name}"), run_evaluation=False)
    assert figures
    for fig in figures:
        for ax in fig.axes:
            for ticks in (ax.get_yticklabels(), ax.get_xticklabels()):
                texts = [t.get_text() for t in ticks if t.get_text()]
                assert not any(t.startswith("saudinewsnet") for t in texts), (name, texts)
                titled = [t for t in texts if t.startswith("أخبار العالم اليوم")]
                assert len(titled) == len(set(titled)), (name, texts)


def test_corpus_notebook_can_skip_the_near_duplicate_search(other_source, monkeypatch, tmp_path):
    corpus, ann, _ = other_source
    ns, _ = run_notebook_here("00_corpus", monkeypatch, corpus=str(corpus), annotations=str(ann),
                              output_dir=str(tmp_path / "out"), near_threshold=0)
    assert ns["near"] is None and not (tmp_path / "out" / "tables" / "00_corpus" / "near_duplicates.csv").exists()
