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
