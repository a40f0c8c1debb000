"""Exports read back by the tools users take them to: scipy.io.mmread, pandas, networkx."""
from __future__ import annotations

import json

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import scipy.io

from arnews.export import (
    actor_network,
    document_term_matrix,
    main,
    read_dtm,
    stance_network,
    tokens_chunks,
    write_chunks_csv,
    write_dtm,
    write_gexf,
    write_table_csv,
)


def _direct_counts(tokens: pd.DataFrame, form: str) -> pd.Series:
    w = tokens[tokens["is_word"]]
    v = w[form].where(w[form].notna(), w["norm"]) if form == "lemma" else w[form]
    return w.assign(term=v.astype(str)).groupby(["article_id", "term"]).size()


@pytest.mark.parametrize("form", ["norm", "lemma"])
def test_dtm_round_trip_matches_token_counts(sample_annotations, tmp_path, form):
    toks, arts = sample_annotations.tokens, sample_annotations.articles
    dtm = document_term_matrix(toks, form=form, articles=arts)
    files = write_dtm(dtm, tmp_path)
    assert files.matrix.name == f"dtm_{form}.mtx"
    m = scipy.io.mmread(files.matrix).tocsr()
    vocab = pd.read_csv(files.vocabulary, keep_default_na=False)
    docs = pd.read_csv(files.documents)
    assert m.shape == (len(docs), len(vocab)) == (len(arts), toks.loc[toks["is_word"], form].fillna(toks["norm"]).nunique())
    assert m.sum() == int(toks["is_word"].sum())
    assert vocab["term_index"].tolist() == list(range(len(vocab)))
    assert list(docs.columns[:3]) == ["doc_index", "article_id", "n_words"]
    assert {"title", "date", "outlet"} <= set(docs.columns)
    # every cell equals the count in the tokens table
    direct = _direct_counts(toks, form)
    col = dict(zip(vocab["term"], vocab["term_index"]))
    row = dict(zip(docs["article_id"], docs["doc_index"]))
    got = np.array([m[row[a], col[t]] for a, t in direct.index])
    assert (got == direct.to_numpy()).all()
    # vocabulary frequency and docfreq agree with the matrix
    assert (vocab["frequency"].to_numpy() == np.asarray(m.sum(axis=0)).ravel()).all()
    assert (vocab["docfreq"].to_numpy() == np.asarray((m > 0).sum(axis=0)).ravel()).all()
    assert read_dtm(files).matrix.shape == m.shape


def test_dtm_from_chunks_equals_whole_table(sample_annotations, tmp_path):
    toks = sample_annotations.tokens
    whole = document_term_matrix(toks)
    # chunks that cut articles in the middle
    chunks = [toks.iloc[i : i + 333] for i in range(0, len(toks), 333)]
    parts = document_term_matrix(iter(chunks))
    assert (whole.matrix != parts.matrix).nnz == 0
    assert whole.vocabulary.equals(parts.vocabulary)
    # streamed from the Parquet dataset written by the pipeline
    sample_annotations.to_parquet(tmp_path / "ann")
    streamed = document_term_matrix(tokens_chunks(tmp_path / "ann", batch_rows=500))
    assert (whole.matrix != streamed.matrix).nnz == 0
    assert whole.vocabulary["term"].tolist() == streamed.vocabulary["term"].tolist()


def test_dtm_stopwords_and_min_count(sample_annotations):
    toks = sample_annotations.tokens
    full = document_term_matrix(toks)
    no_sw = document_term_matrix(toks, stopwords=True, min_count=2)
    assert "في" in set(full.vocabulary["term"]) and "في" not in set(no_sw.vocabulary["term"])
    assert no_sw.vocabulary["frequency"].min() >= 2
    assert no_sw.matrix.shape[1] == len(no_sw.vocabulary)
    with pytest.raises(ValueError, match="no 'lemma' column"):
        document_term_matrix(toks.drop(columns="lemma"), form="lemma")


def test_actor_network_gexf_has_time_and_reads_back(sample_annotations, tmp_path):
    ann = sample_annotations
    g = actor_network(ann.mentions, ann.articles, level="country")
    assert g.number_of_edges() > 0
    path = write_gexf(g, tmp_path / "countries.gexf")
    xml = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in xml and 'timeformat="date"' in xml and "<spell" in xml
    h = nx.read_gexf(path)
    assert set(h.nodes) == set(g.nodes)
    assert h.number_of_edges() == g.number_of_edges()
    a, b = max(g.edges, key=lambda e: g.edges[e]["weight"])
    assert float(h.edges[a, b]["weight"]) == g.edges[a, b]["weight"]
    # the edge's spells are the dates of the articles where both countries share a sentence
    m = ann.mentions
    both = set(m.loc[m["country"] == a, ["article_id", "sentence_id"]].itertuples(index=False)) & set(
        m.loc[m["country"] == b, ["article_id", "sentence_id"]].itertuples(index=False))
    dates = ann.articles.set_index("article_id")["date"].dt.strftime("%Y-%m-%d")
    assert sorted(h.edges[a, b]["spells"]) == sorted((dates[x], dates[x]) for x in {art for art, _ in both})
    assert g.edges[a, b]["weight"] == len(both)
    assert h.nodes["RUS"]["label"] == "Russia"


def test_stance_network_is_signed_directed_and_reads_back(sample_annotations, tmp_path):
    ann = sample_annotations
    g = stance_network(ann.stance, ann.articles)
    assert g.is_directed()
    st = ann.stance.dropna(subset=["source_country", "target_country"])
    assert sum(d["weight"] for *_, d in g.edges(data=True)) == len(st)
    for s, t, d in g.edges(data=True):
        rows = st[(st["source_country"] == s) & (st["target_country"] == t)]
        assert d["mean_score"] == pytest.approx(rows["score"].mean(), abs=1e-4)
        assert d["sign"] == (1 if d["mean_score"] >= 0.15 else -1 if d["mean_score"] <= -0.15 else 0)
        assert d["n_cooperation"] + d["n_conflict"] + d["n_neutral"] == len(rows)
    h = nx.read_gexf(write_gexf(g, tmp_path / "stance.gexf"))
    assert h.is_directed() and set(h.edges) == set(g.edges)
    s, t = next(iter(g.edges))
    assert int(h.edges[s, t]["sign"]) == g.edges[s, t]["sign"]
    assert h.edges[s, t]["spells"]
    # the dynamic score holds one value per article date
    assert len(h.edges[s, t]["score"]) == len(h.edges[s, t]["spells"])


def test_stance_network_without_dates_and_bad_input():
    st = pd.DataFrame({"source_country": ["RUS", None], "target_country": ["UKR", "CHN"], "label": ["conflict"] * 2,
                       "score": [-0.9, -0.5], "article_id": ["a", "b"], "sentence_id": [0, 0]})
    g = stance_network(st, gazetteer=False)
    assert list(g.edges(data="sign")) == [("RUS", "UKR", -1)]
    assert "spells" not in g.edges["RUS", "UKR"]
    with pytest.raises(ValueError, match="stance table lacks"):
        stance_network(st.drop(columns="score"))


def test_any_table_as_csv(sample_annotations, tmp_path):
    for name in ("mentions", "quotes", "stance", "articles"):
        df = sample_annotations.tables[name]
        p = write_table_csv(df, tmp_path / f"{name}.csv")
        assert p.read_bytes()[:3] == b"\xef\xbb\xbf"  # BOM for Excel
        back = pd.read_csv(p)
        assert list(back.columns) == list(df.columns) and len(back) == len(df)
    m = sample_annotations.mentions
    back = pd.read_csv(tmp_path / "mentions.csv")
    assert back["surface"].tolist() == m["surface"].tolist()
    lists = pd.DataFrame({"a": [["روسيا", "الصين"]], "b": [{"k": 1}]})
    back = pd.read_csv(write_table_csv(lists, tmp_path / "lists.csv"))
    assert json.loads(back.at[0, "a"]) == ["روسيا", "الصين"] and json.loads(back.at[0, "b"]) == {"k": 1}


def test_chunks_csv_equals_whole_table_csv(sample_annotations, tmp_path):
    m = sample_annotations.mentions
    whole = write_table_csv(m, tmp_path / "whole.csv").read_bytes()
    parts = [m.iloc[i:i + 7] for i in range(0, len(m), 7)]
    assert len(parts) > 2
    assert write_chunks_csv(parts, tmp_path / "parts.csv").read_bytes() == whole


def test_cli_exports_an_annotation_folder(sample_annotations, tmp_path, capsys):
    src = tmp_path / "ann"
    sample_annotations.to_parquet(src)
    out = tmp_path / "export"
    assert main([str(src), "--out", str(out)]) == 0
    names = {p.name for p in out.rglob("*") if p.is_file()}
    assert {"dtm_norm.mtx", "dtm_lemma.mtx", "dtm_lemma_vocabulary.csv", "dtm_norm_documents.csv",
            "actor_network.gexf", "stance_network.gexf", "mentions.csv", "stance.csv"} <= names
    # the tokens table is streamed from the Parquet dataset into CSV, complete and in order
    toks = pd.read_csv(out / "tables" / "tokens.csv")
    assert (out / "tables" / "tokens.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    assert list(toks.columns) == list(sample_annotations.tokens.columns)
    assert toks["surface"].astype(str).tolist() == sample_annotations.tokens["surface"].astype(str).tolist()
    assert main([str(src), "--out", str(out), "--what", "nope"]) == 2
    assert "unknown export" in capsys.readouterr().err
