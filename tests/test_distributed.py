"""The Dask engine gives the same tables as the local engine (on a LocalCluster)."""
from __future__ import annotations

import pandas as pd
import pytest

from arnews.pipeline import annotate, annotate_to_parquet, read_annotations

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


@pytest.mark.slow
def test_dask_engine_equals_local(sample_articles, cluster):
    stages = ["clean", "text"]
    local = annotate(sample_articles, stages=stages, cache=False, chunk_size=2)
    dask = annotate(sample_articles, stages=stages, engine="dask", scheduler=cluster, chunk_size=2)
    assert set(local.tables) == set(dask.tables)
    for name in local.tables:
        pd.testing.assert_frame_equal(local[name], dask[name])


@pytest.mark.slow
def test_dask_partitioned_parquet_equals_streaming(sample_articles, cluster, tmp_path):
    from arnews.distributed import annotate_dask_to_parquet

    stages = ["clean", "text"]
    # a Parquet corpus read partition by partition by the workers
    corpus = tmp_path / "corpus.parquet"
    src = sample_articles[["article_id", "title", "date", "outlet", "text"]].copy()
    src.to_parquet(corpus, row_group_size=2)
    counts = annotate_dask_to_parquet(corpus, tmp_path / "dask_out", stages=stages, scheduler=cluster, id_column="article_id")
    ref = annotate_to_parquet(src, tmp_path / "local_out", stages=stages, progress=False)
    assert counts["tokens"] == ref["tokens"] and counts["sentences"] == ref["sentences"]
    d = read_annotations(tmp_path / "dask_out")
    l = read_annotations(tmp_path / "local_out")
    key = ["article_id", "token_id"]
    pd.testing.assert_frame_equal(
        d.tokens.sort_values(key).reset_index(drop=True), l.tokens.sort_values(key).reset_index(drop=True), check_dtype=False
    )
    # a folder corpus streamed from the client
    counts2 = annotate_dask_to_parquet("data/articles", tmp_path / "dask_folder", stages=stages, scheduler=cluster, chunk_size=2)
    assert counts2["tokens"] == ref["tokens"]
    assert len(pd.read_parquet(tmp_path / "dask_folder" / "load_report.parquet")) == 5


@pytest.mark.slow
def test_dask_parquet_dataset_reads_one_date_order_for_the_whole_column(cluster, tmp_path):
    """Partitions read by the workers share the column's day/month order: ``06/13/2022`` in
    the second file makes ``05/06/2022`` in the first one the 6th of May, as the local
    engine reads the same rows (issue 13 case 8; each partition used to detect its own)."""
    from arnews.distributed import annotate_dask_to_parquet

    text = "قال الرئيس الروسي فلاديمير بوتين إن العلاقات مع الصين في أفضل حالاتها."
    corpus = tmp_path / "dataset"
    corpus.mkdir()
    rows = pd.DataFrame({"article_id": ["a", "b"], "text": [text, text + " ٢"], "date": ["05/06/2022", "06/13/2022"]})
    rows.iloc[:1].to_parquet(corpus / "part0.parquet")
    no_text = pd.DataFrame({"article_id": ["c"], "text": [None], "date": ["01/02/2022"]})
    pd.concat([rows.iloc[1:], no_text]).to_parquet(corpus / "part1.parquet")
    annotate_dask_to_parquet(corpus, tmp_path / "out", stages=["clean"], scheduler=cluster, id_column="article_id")
    ann = read_annotations(tmp_path / "out")
    dates = ann.articles.set_index("article_id")["date"]
    assert dates.dt.strftime("%Y-%m-%d").to_dict() == {"a": "2022-05-06", "b": "2022-06-13"}
    # the row without text is listed, not dropped without a trace
    rep = ann.load_report
    assert rep[["source", "status", "reason"]].values.tolist()[1:] == [["partition1#row2", "skipped", "empty text"]]
    assert rep["reason"].iloc[0] == "2 articles in 2 partitions"
    rows.to_csv(tmp_path / "rows.csv", index=False)
    annotate_to_parquet(tmp_path / "rows.csv", tmp_path / "local", stages=["clean"], progress=False, id_column="article_id")
    local = read_annotations(tmp_path / "local").articles.set_index("article_id")["date"]
    assert local.to_dict() == dates.to_dict()


@pytest.mark.slow
def test_dask_parquet_dataset_skips_duplicates_across_partitions(cluster, tmp_path):
    """A text or an id repeated in another partition is listed as skipped, as the local engine
    does, not annotated twice or mixed under one id (each partition used to be read alone)."""
    from arnews.distributed import annotate_dask_to_parquet

    a = "قال الرئيس الروسي فلاديمير بوتين إن العلاقات مع الصين في أفضل حالاتها."
    b = "أعلنت وزارة الخارجية الصينية أن بكين ترحب بالمحادثات مع موسكو."
    c = "وقعت مصر والسعودية اتفاقا للتعاون في مجال الطاقة."
    corpus = tmp_path / "dataset"
    corpus.mkdir()
    pd.DataFrame({"article_id": ["x1", "x2"], "text": [a, b]}).to_parquet(corpus / "part0.parquet")
    # row 1: the text of x1 with other spacing and a new id; row 2: a new text under x2's id
    pd.DataFrame({"article_id": ["x3", "x2", "x4"], "text": [a.replace(" ", "  "), c, c]}).to_parquet(corpus / "part1.parquet")
    annotate_dask_to_parquet(corpus, tmp_path / "out", stages=["clean"], scheduler=cluster, id_column="article_id")
    ann = read_annotations(tmp_path / "out")
    assert sorted(ann.articles["article_id"]) == ["x1", "x2", "x4"]
    assert ann.articles.set_index("article_id").loc["x2", "text"].startswith("أعلنت")
    rep = ann.load_report
    assert rep[["source", "status", "reason"]].values.tolist()[1:] == [
        ["partition1#row1", "skipped", "duplicate text of partition0#row1"],
        ["partition1#row2", "skipped", "duplicate article_id 'x2'"],
    ]
    assert rep["reason"].iloc[0] == "3 articles in 2 partitions"
    local = tmp_path / "rows.csv"
    pd.concat([pd.read_parquet(corpus / "part0.parquet"), pd.read_parquet(corpus / "part1.parquet")]).to_csv(local, index=False)
    annotate_to_parquet(local, tmp_path / "local", stages=["clean"], progress=False, id_column="article_id")
    assert sorted(read_annotations(tmp_path / "local").articles["article_id"]) == ["x1", "x2", "x4"]
