"""arnews.notebook: one parameter contract, bounded tables with the full table beside the report."""
from __future__ import annotations

import pandas as pd
import pytest

from arnews import notebook
from arnews.notebook import Notebook, ParameterError, parse_parameters
from arnews.tables import AnnotationFolder


def test_parameters_typed_the_same_way_everywhere():
    p = parse_parameters({"top_n": "15", "stopwords": "false", "ngram_sizes": "2,3", "period": "month",
                          "pair": "RUS, CHN", "trend_terms": "الصين", "reference_size": "1e8", "id_column": "",
                          "run_evaluation": "True", "unknown": "kept out"})
    assert p == {"top_n": 15, "stopwords": False, "ngram_sizes": [2, 3], "period": "M", "pair": ("RUS", "CHN"),
                 "trend_terms": ["الصين"], "reference_size": 1e8, "id_column": None, "run_evaluation": True}
    # the values the notebooks declare give the same types as the strings papermill -p passes
    assert parse_parameters({"pair": ["RUS", "CHN"], "period": "Y", "ngram_sizes": [2, 3]}) == \
        parse_parameters({"pair": "RUS,CHN", "period": "year", "ngram_sizes": "2,3"})


@pytest.mark.parametrize("bad, name", [({"top_n": "many"}, "top_n"), ({"pair": "RUS"}, "pair"),
                                       ({"period": "decade"}, "period"), ({"stopwords": "maybe"}, "stopwords"),
                                       ({"context": "page"}, "context")])
def test_bad_parameter_is_named(bad, name):
    with pytest.raises(ParameterError, match=f"parameter {name}="):
        parse_parameters(bad)


def test_every_notebook_declares_the_shared_parameters():
    import papermill

    from report_fixtures import REPO

    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        declared = set(papermill.inspect_notebook(str(path)))
        assert {"corpus", "annotations", "output_dir", "text_column", "id_column", "table_rows"} <= declared, path.name
        assert declared <= set(notebook.PARAMETERS), (path.name, declared - set(notebook.PARAMETERS))
        assert "notebook.setup(globals()" in path.read_text(encoding="utf-8"), path.name


def test_notebooks_write_nothing_into_the_repository():
    from report_fixtures import REPO

    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        assert "../out" not in text and "to_csv(" not in text and "export_graph(g, graph" not in text, path.name


def _nb(tmp_path, rows=3) -> Notebook:
    d = tmp_path / "ann"
    d.mkdir()
    pd.DataFrame({"article_id": ["a"]}).to_parquet(d / "articles.parquet")
    return Notebook("demo", "corpus", AnnotationFolder(d), tmp_path / "out", rows=rows)


def test_table_shows_a_bounded_head_and_writes_every_row(tmp_path, monkeypatch):
    import IPython.display

    shown_objects = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown_objects.extend(objs))
    nb = _nb(tmp_path)
    df = pd.DataFrame({"term": [f"w{i}" for i in range(50)], "count": range(50, 0, -1)})
    shown = nb.table(df, "frequencies", "Term frequencies")
    assert len(shown) == 3
    full = pd.read_csv(tmp_path / "out" / "tables" / "demo" / "frequencies.csv")
    assert len(full) == 50 and full["term"].tolist() == df["term"].tolist()
    out = " ".join(getattr(o, "data", "") or "" for o in shown_objects)
    assert "the first 3 of 50 rows" in out and "tables/demo/frequencies.csv" in out
    # never more than MAX_ROWS on a page, whatever is asked
    assert len(nb.table(pd.DataFrame({"x": range(5000)}), "big", rows=10**6)) == notebook.MAX_ROWS


def test_output_paths_stay_under_the_output_folder(tmp_path):
    nb = _nb(tmp_path)
    assert nb.path("graphs/net.graphml").parent == tmp_path / "out" / "graphs"
    assert nb.save(pd.DataFrame({"x": [1]}), "../../escape").parent == tmp_path / "out" / "tables" / "demo"
    for outside in ("../cooc_network.graphml", str(tmp_path / "elsewhere.graphml"), "graphs/../../x.gexf"):
        with pytest.raises(ParameterError, match="under the output folder"):
            nb.path(outside)
    assert not (tmp_path / "cooc_network.graphml").exists() and not (tmp_path / "elsewhere.graphml").exists()


def test_figure_is_written_for_publication_beside_the_report(tmp_path):
    import matplotlib.pyplot as plt
    from PIL import Image

    from arnews.plots import message_figure

    nb = _nb(tmp_path)
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1], [0, 1])
    nb.figure(fig, dpi=300)
    png = tmp_path / "out" / "figures" / "demo" / "figure-01.png"
    assert png.exists() and (png.with_suffix(".svg")).read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert Image.open(png).size[0] >= 4 * 300 * 0.8  # high-DPI, not the screen resolution
    nb.figure(message_figure("nothing to draw"))  # a sentence, not a figure: nothing written
    assert sorted(p.name for p in png.parent.iterdir()) == ["figure-01.png", "figure-01.svg"]


def test_table_shows_missing_text_and_dates_as_empty_cells(tmp_path, monkeypatch):
    """A near-duplicate group of articles without outlet used to show ``NaN`` in the page;
    the CSV beside it keeps the values as they are."""
    import itables

    shown = []
    monkeypatch.setattr(itables, "show", lambda df, **kw: shown.append(df))
    nb = _nb(tmp_path)
    df = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["الأهرام", None],
                       "date": pd.to_datetime(["2024-01-02", None]), "similarity": [1.0, float("nan")]})
    nb.table(df, "groups")
    page = shown[0]
    assert page["outlet"].tolist() == ["الأهرام", ""] and page["date"].tolist() == ["2024-01-02", ""]
    assert pd.isna(page["similarity"].iloc[1]) and page["similarity"].dtype == float
    assert df["outlet"].isna().sum() == 1  # the caller's table is not changed
    assert pd.read_csv(tmp_path / "out" / "tables" / "demo" / "groups.csv")["outlet"].isna().sum() == 1


def test_table_shows_no_negative_zero(tmp_path, monkeypatch):
    """A net stance rounded to three places from a tiny negative float (-1e-17) printed as
    ``-0.000`` in the validation report; the page shows 0, other values and the CSV as they are."""
    import itables

    shown = []
    monkeypatch.setattr(itables, "show", lambda df, **kw: shown.append(df))
    nb = _nb(tmp_path)
    df = pd.DataFrame({"a": ["CHN", "RUS"], "net": [-1e-17, -0.25]}).round(3)
    nb.table(df, "net")
    net = shown[0]["net"].tolist()
    assert net == [0.0, -0.25] and str(net[0]) == "0.0"
    assert df["net"].map(str).tolist() == ["-0.0", "-0.25"]  # the caller's table is not changed
