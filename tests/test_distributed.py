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
