"""Exports for other tools: a document-term matrix, actor and stance networks, any table as CSV.

What Voyant, quanteda, scikit-learn, gensim, R and Gephi users ask for first is the data
behind every chart and table.

Document-term matrix (:func:`document_term_matrix`, :func:`write_dtm`)
    Counts of each term (``form="norm"``: normalized word; ``"lemma"``: lemma, a missing
    lemma falling back to the norm) in each article, from the ``tokens`` table (word tokens
    only). Written as three files that every tool reads:

    * ``dtm_<form>.mtx`` — Matrix Market coordinate file, documents × terms, integer counts
      (``scipy.io.mmread``, R ``Matrix::readMM``, gensim ``MmCorpus`` after transposing);
    * ``dtm_<form>_vocabulary.csv`` — ``term_index, term, frequency, docfreq`` (column
      ``term_index`` is the 0-based column; terms by descending frequency);
    * ``dtm_<form>_documents.csv`` — ``doc_index, article_id, n_words`` and the articles'
      ``title, date, outlet`` when the articles table is given.

    The matrix is built sparse from chunks of tokens (a DataFrame, an iterable of them, or
    a Parquet dataset read part by part with :func:`tokens_chunks`): only the vocabulary and
    the non-zero counts are held in memory, never a dense matrix or the whole tokens table.

Networks as GEXF for Gephi (:func:`actor_network`, :func:`stance_network`, :func:`write_gexf`)
    Nodes are actors (or countries) with their labels; edges carry totals and, from the
    articles' dates, **spells** (one per publication date) and a dynamic ``count``/``score``
    attribute, so Gephi's timeline can play the network over time. The stance network is
    directed and signed: ``source_country → target_country`` with ``sign`` (+1
    cooperation, −1 conflict, 0 neutral, from the mean sentence score) and ``mean_score``.

Tables (:func:`write_table_csv`)
    Any annotation table as UTF-8 CSV (with a byte-order mark so Excel shows Arabic; pandas
    and R read it as usual); list and dict cells are written as JSON.

From the shell (``main``)::

    python -m arnews export out/annotations --out out/export              # everything
    python -m arnews export data/articles --out out/export --what dtm --form lemma

Example
-------
>>> import pandas as pd
>>> toks = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "token_id": [0, 1, 2, 0],
...                      "norm": ["روسيا", "و", "روسيا", "الصين"], "is_word": [True] * 4})
>>> dtm = document_term_matrix(toks)
>>> dtm.matrix.toarray().tolist(), dtm.vocabulary["term"].tolist()
([[2, 0, 1], [0, 1, 0]], ['روسيا', 'الصين', 'و'])
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Literal, NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

__all__ = [
    "DocumentTermMatrix",
    "DtmFiles",
    "document_term_matrix",
    "tokens_chunks",
    "write_dtm",
    "read_dtm",
    "actor_network",
    "stance_network",
    "write_gexf",
    "write_table_csv",
    "write_chunks_csv",
    "DOWNLOAD_BUTTONS",
    "enable_table_downloads",
    "main",
]

log = logging.getLogger(__name__)

Form = Literal["norm", "lemma", "surface"]


# ---------------------------------------------------------------------------
# Document-term matrix
# ---------------------------------------------------------------------------


@dataclass
class DocumentTermMatrix:
    """A sparse documents × terms count matrix with its row and column tables.

    ``matrix``: :class:`scipy.sparse.csr_matrix` (int64); ``documents``: one row per matrix
    row (``doc_index, article_id, n_words`` …); ``vocabulary``: one row per column
    (``term_index, term, frequency, docfreq``); ``form``: the token column counted.
    """

    matrix: sp.csr_matrix
    documents: pd.DataFrame
    vocabulary: pd.DataFrame
    form: str


class DtmFiles(NamedTuple):
    """The three files of a written document-term matrix."""

    matrix: Path
    vocabulary: Path
    documents: Path


def _form_column(chunk: pd.DataFrame, form: str) -> pd.Series:
    if form not in ("norm", "lemma", "surface"):
        raise ValueError(f"form must be 'norm', 'lemma' or 'surface', not {form!r}")
    if form not in chunk.columns:
        hint = " (run the 'lemmas' stage, arnews.morph)" if form == "lemma" else ""
        raise ValueError(f"tokens table has no {form!r} column{hint}; it has {list(chunk.columns)}")
    v = chunk[form]
    if form == "lemma" and v.isna().any() and "norm" in chunk.columns:
        v = v.where(v.notna(), chunk["norm"])
    return v


def tokens_chunks(path: str | os.PathLike, columns: Iterable[str] | None = ("article_id", "norm", "lemma", "is_word"),
                  batch_rows: int = 1_000_000) -> Iterator[pd.DataFrame]:
    """The ``tokens`` table of an annotation folder (or a ``tokens.parquet`` file or
    dataset), read in record batches of at most ``batch_rows`` rows, only ``columns``
    (``None``: every column).

    >>> next(tokens_chunks("out/annotations")).columns.tolist()     # doctest: +SKIP
    ['article_id', 'norm', 'lemma', 'is_word']
    """
    import pyarrow.dataset as ds

    p = Path(path)
    if p.is_dir() and (p / "tokens.parquet").exists():
        p = p / "tokens.parquet"
    if not p.exists():
        raise FileNotFoundError(f"{p}: no tokens table here (expected an annotation folder written by 'arnews annotate')")
    d = ds.dataset(p, format="parquet")
    cols = list(d.schema.names) if columns is None else [c for c in columns if c in d.schema.names]
    for batch in d.to_batches(columns=cols, batch_size=batch_rows):
        yield batch.to_pandas()


class _Builder:
    """Accumulates (document, term, count) triplets chunk by chunk."""

    def __init__(self, form: str, stopwords: frozenset[str]):
        self.form, self.stopwords = form, stopwords
        self.terms: dict[str, int] = {}
        self.docs: dict[object, int] = {}
        self.rows: list[np.ndarray] = []
        self.cols: list[np.ndarray] = []
        self.vals: list[np.ndarray] = []

    def add(self, chunk: pd.DataFrame) -> None:
        if "article_id" not in chunk.columns:
            raise ValueError(f"tokens table has no 'article_id' column; it has {list(chunk.columns)}")
        if "is_word" in chunk.columns:
            chunk = chunk[chunk["is_word"].astype(bool)]
        terms = _form_column(chunk, self.form).astype(str)
        if self.stopwords:
            keep = ~terms.isin(self.stopwords)
            if "norm" in chunk.columns and self.form != "norm":
                keep &= ~chunk["norm"].astype(str).isin(self.stopwords)
            chunk, terms = chunk[keep], terms[keep]
        if not len(chunk):
            return
        doc = self._codes(chunk["article_id"], self.docs)
        term = self._codes(terms, self.terms)
        key = pd.DataFrame({"d": doc, "t": term}).value_counts(sort=False)
        idx = key.index.to_frame(index=False)
        self.rows.append(idx["d"].to_numpy(np.int64))
        self.cols.append(idx["t"].to_numpy(np.int64))
        self.vals.append(key.to_numpy(np.int64))

    @staticmethod
    def _codes(values: pd.Series, table: dict) -> np.ndarray:
        codes, uniq = pd.factorize(values)
        mapping = np.empty(len(uniq), dtype=np.int64)
        for k, u in enumerate(uniq):
            mapping[k] = table.setdefault(u, len(table))
        return mapping[codes]

    def build(self, articles: pd.DataFrame | None) -> DocumentTermMatrix:
        n_docs, n_terms = len(self.docs), len(self.terms)
        cat = (lambda xs: np.concatenate(xs) if xs else np.zeros(0, dtype=np.int64))
        # duplicates (one article split over two chunks) are summed by the conversion
        m = sp.coo_matrix((cat(self.vals), (cat(self.rows), cat(self.cols))), shape=(n_docs, n_terms)).tocsc()
        freq = np.asarray(m.sum(axis=0)).ravel().astype(np.int64)
        docfreq = np.diff(m.indptr).astype(np.int64) if m.has_canonical_format else np.asarray((m > 0).sum(axis=0)).ravel()
        terms = np.array(list(self.terms), dtype=object)
        order = np.lexsort((terms.astype(str), -freq)) if n_terms else np.zeros(0, dtype=np.int64)
        m = m[:, order].tocsr()
        vocab = pd.DataFrame({"term_index": np.arange(n_terms), "term": terms[order], "frequency": freq[order],
                              "docfreq": docfreq[order]})
        docs = pd.DataFrame({"doc_index": np.arange(n_docs), "article_id": list(self.docs),
                             "n_words": np.asarray(m.sum(axis=1)).ravel().astype(np.int64)})
        if articles is not None:
            meta = [c for c in ("title", "date", "outlet") if c in articles.columns]
            if meta:
                docs = docs.merge(articles[["article_id", *meta]].drop_duplicates("article_id"), on="article_id", how="left")
        return DocumentTermMatrix(matrix=m, documents=docs, vocabulary=vocab, form=self.form)


def document_term_matrix(
    tokens: pd.DataFrame | Iterable[pd.DataFrame],
    *,
    form: Form = "norm",
    stopwords: bool | Iterable[str] = False,
    min_count: int = 1,
    articles: pd.DataFrame | None = None,
) -> DocumentTermMatrix:
    """Documents × terms counts of word tokens (see the module docstring).

    ``tokens``: the tokens table or an iterable of chunks of it (e.g. :func:`tokens_chunks`);
    an article may span chunks. ``stopwords=True`` leaves out the default Arabic stopwords
    (:mod:`arnews.stopwords`), or pass your own set of normalized words. ``min_count``
    drops terms with a lower corpus frequency. Rows are articles in order of first
    appearance; columns are terms by descending frequency.

    >>> toks = pd.DataFrame({"article_id": ["a", "b"], "lemma": ["صين", None],
    ...                      "norm": ["الصين", "روسيا"], "is_word": [True, True]})
    >>> document_term_matrix(toks, form="lemma").vocabulary["term"].tolist()
    ['روسيا', 'صين']
    """
    from .stopwords import resolve_stopwords

    b = _Builder(form, resolve_stopwords(stopwords) if stopwords is not False else frozenset())
    chunks = [tokens] if isinstance(tokens, pd.DataFrame) else tokens
    for chunk in chunks:
        b.add(chunk)
    dtm = b.build(articles)
    if min_count > 1:
        keep = dtm.vocabulary["frequency"].to_numpy() >= min_count
        vocab = dtm.vocabulary[keep].reset_index(drop=True).assign(term_index=lambda v: np.arange(len(v)))
        dtm = DocumentTermMatrix(dtm.matrix[:, np.flatnonzero(keep)].tocsr(), dtm.documents, vocab, dtm.form)
    log.info("document-term matrix (%s): %d documents x %d terms, %d non-zero", form, *dtm.matrix.shape, dtm.matrix.nnz)
    return dtm


def write_dtm(dtm: DocumentTermMatrix, out_dir: str | os.PathLike, prefix: str | None = None) -> DtmFiles:
    """Write ``<prefix>.mtx``, ``<prefix>_vocabulary.csv`` and ``<prefix>_documents.csv``
    (``prefix`` defaults to ``dtm_<form>``) and return their paths.

    >>> files = write_dtm(document_term_matrix(ann.tokens), "out/export")    # doctest: +SKIP
    >>> scipy.io.mmread(files.matrix)                                         # doctest: +SKIP
    """
    from scipy.io import mmwrite

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    prefix = prefix or f"dtm_{dtm.form}"
    files = DtmFiles(out / f"{prefix}.mtx", out / f"{prefix}_vocabulary.csv", out / f"{prefix}_documents.csv")
    comment = (f"arnews document-term matrix: rows = documents ({files.documents.name}), "
               f"columns = {dtm.form} terms ({files.vocabulary.name}), values = counts")
    mmwrite(str(files.matrix), dtm.matrix.tocoo(), comment=comment, field="integer")
    write_table_csv(dtm.vocabulary, files.vocabulary)
    write_table_csv(dtm.documents, files.documents)
    return files


def read_dtm(files: DtmFiles) -> DocumentTermMatrix:
    """Read back what :func:`write_dtm` wrote.

    >>> read_dtm(write_dtm(dtm, "out/export")).matrix.shape == dtm.matrix.shape   # doctest: +SKIP
    True
    """
    from scipy.io import mmread

    m = sp.csr_matrix(mmread(str(files.matrix)))
    vocab = pd.read_csv(files.vocabulary, keep_default_na=False)
    docs = pd.read_csv(files.documents)
    form = Path(files.matrix).stem.removeprefix("dtm_")
    return DocumentTermMatrix(m.astype(np.int64), docs, vocab, form)


# ---------------------------------------------------------------------------
# Networks
# ---------------------------------------------------------------------------


def _dates(articles: pd.DataFrame | None) -> pd.Series:
    """article_id -> 'YYYY-MM-DD' (missing dates left out)."""
    if articles is None or "date" not in articles.columns:
        return pd.Series(dtype=object)
    d = pd.to_datetime(articles["date"], errors="coerce", utc=True)
    s = pd.Series(d.dt.strftime("%Y-%m-%d").to_numpy(), index=articles["article_id"].to_numpy())
    return s[s.notna()]


def _spells(dates: Iterable[str]) -> list[tuple[str, str]]:
    return [(d, d) for d in sorted(set(dates))]


def _node_labels(level: str, gazetteer: pd.DataFrame | bool | None) -> tuple[dict, dict, pd.DataFrame | None]:
    if gazetteer is False:
        return {}, {}, None
    from .cooc import actor_labels, load_gazetteer

    try:
        g = load_gazetteer() if gazetteer is None or gazetteer is True else gazetteer
    except FileNotFoundError:
        return {}, {}, None
    lv = "country" if level == "country" else "actor"
    return actor_labels(g, lv, "ar"), actor_labels(g, lv, "en"), g.drop_duplicates("actor_id").set_index("actor_id")


def _add_nodes(graph, counts: pd.Series, node_dates: dict, level: str, gazetteer) -> None:
    ar, en, info = _node_labels(level, gazetteer)
    for node in graph.nodes:
        d = graph.nodes[node]
        d["label"] = en.get(node, str(node))
        d["label_ar"] = ar.get(node, str(node))
        d["mentions"] = int(counts.get(node, 0))
        if info is not None and level != "country" and node in info.index:
            d["type"] = str(info.at[node, "type"])
            d["country"] = str(info.at[node, "country"] or "")
        sp_ = _spells(node_dates.get(node, ()))
        if sp_:
            d["spells"] = sp_


def actor_network(
    mentions: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    *,
    level: Literal["actor", "person", "country"] = "actor",
    context: Literal["sentence", "article"] = "sentence",
    min_count: int = 1,
    gazetteer: pd.DataFrame | bool | None = None,
):
    """Undirected actor co-occurrence network with time (a :class:`networkx.Graph`).

    Two actors (or countries, ``level="country"``) are linked when they are mentioned in the
    same sentence (``context="sentence"``) or article. Edge attributes: ``weight`` (units
    where both occur), ``n_articles``, ``first_date``/``last_date``, ``spells`` (one per
    article date) and a dynamic ``count`` (units per date) for Gephi's timeline. Node
    attributes: ``label`` (English), ``label_ar``, ``mentions`` and ``spells``; ``type`` and
    ``country`` for actors. Edges below ``min_count`` are dropped.

    >>> m = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 0, 1],
    ...                   "actor_id": ["PUTIN", "XI", "XI"], "actor_type": ["person"] * 3,
    ...                   "country": ["RUS", "CHN", "CHN"], "token_start": [0, 4, 9], "token_end": [0, 4, 9]})
    >>> arts = pd.DataFrame({"article_id": ["a"], "date": ["2022-02-04"]})
    >>> g = actor_network(m, arts, gazetteer=False)
    >>> g.edges["PUTIN", "XI"]["weight"], g.edges["PUTIN", "XI"]["spells"]
    (1, [('2022-02-04', '2022-02-04')])
    """
    import networkx as nx

    from .cooc import actor_occurrences

    if context not in ("sentence", "article"):
        raise ValueError(f"context must be 'sentence' or 'article', not {context!r}")
    occ = actor_occurrences(mentions, level)
    unit = ["article_id", "sentence_id"] if context == "sentence" else ["article_id"]
    u = occ[unit + ["feature"]].drop_duplicates()
    pairs = u.merge(u, on=unit)
    pairs = pairs[pairs["feature_x"] < pairs["feature_y"]]
    dates = _dates(articles)
    pairs = pairs.assign(date=pairs["article_id"].map(dates))
    g = nx.Graph(level=level, context=context)
    for (a, b), grp in pairs.groupby(["feature_x", "feature_y"], sort=True):
        if len(grp) < min_count:
            continue
        per_day = grp.dropna(subset=["date"]).groupby("date").size()
        d = {"weight": int(len(grp)), "n_articles": int(grp["article_id"].nunique())}
        if len(per_day):
            d.update(first_date=str(per_day.index.min()), last_date=str(per_day.index.max()),
                     spells=_spells(per_day.index), count=[(int(n), day, day) for day, n in per_day.items()])
        g.add_edge(a, b, **d)
    node_dates = occ.assign(date=occ["article_id"].map(dates)).dropna(subset=["date"]).groupby("feature")["date"].agg(set).to_dict()
    _add_nodes(g, occ["feature"].value_counts(), node_dates, level, gazetteer)
    return g


STANCE_COLUMNS = ["source_country", "target_country", "label", "score", "article_id"]


def stance_network(
    stance: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    *,
    threshold: float = 0.15,
    gazetteer: pd.DataFrame | bool | None = None,
):
    """Directed, signed stance network (a :class:`networkx.DiGraph`) from the ``stance`` table.

    One edge per ``source_country → target_country`` with ``weight`` (stance rows),
    ``n_cooperation``, ``n_conflict``, ``n_neutral``, ``mean_score`` (mean of ``score``, in
    [-1, 1]), ``sign`` (+1 when ``mean_score >= threshold``, −1 when ``<= -threshold``, else
    0), ``n_articles``, ``first_date``/``last_date``, ``spells`` per article date and a
    dynamic ``score`` (mean score per date) for Gephi's timeline. Rows without a source or
    target country are left out.

    >>> st = pd.DataFrame({"source_country": ["RUS", "RUS"], "target_country": ["CHN", "CHN"],
    ...                    "label": ["cooperation", "neutral"], "score": [0.8, 0.0],
    ...                    "article_id": ["a", "b"], "sentence_id": [1, 2]})
    >>> g = stance_network(st, gazetteer=False)
    >>> g.edges["RUS", "CHN"]["sign"], g.edges["RUS", "CHN"]["mean_score"]
    (1, 0.4)
    """
    import networkx as nx

    missing = [c for c in STANCE_COLUMNS if c not in stance.columns]
    if missing:
        raise ValueError(f"stance table lacks columns {missing}; it has {list(stance.columns)}")
    ok = stance["source_country"].notna() & stance["target_country"].notna()
    ok &= (stance["source_country"].astype(str) != "") & (stance["target_country"].astype(str) != "")
    st = stance[ok]
    st = st.assign(date=st["article_id"].map(_dates(articles)), score=pd.to_numeric(st["score"], errors="coerce").fillna(0.0))
    g = nx.DiGraph(kind="stance", threshold=threshold)
    for (s, t), grp in st.groupby(["source_country", "target_country"], sort=True):
        mean = round(float(grp["score"].mean()), 4)
        labels = grp["label"].astype(str)
        d = {
            "weight": int(len(grp)),
            "n_cooperation": int((labels == "cooperation").sum()),
            "n_conflict": int((labels == "conflict").sum()),
            "n_neutral": int((labels == "neutral").sum()),
            "mean_score": mean,
            "sign": 1 if mean >= threshold else (-1 if mean <= -threshold else 0),
            "n_articles": int(grp["article_id"].nunique()),
        }
        per_day = grp.dropna(subset=["date"]).groupby("date")["score"].mean()
        if len(per_day):
            d.update(first_date=str(per_day.index.min()), last_date=str(per_day.index.max()),
                     spells=_spells(per_day.index), score=[(round(float(v), 4), day, day) for day, v in per_day.items()])
        g.add_edge(s, t, **d)
    counts = pd.concat([st["source_country"], st["target_country"]]).value_counts()
    ends = pd.concat([st[["source_country", "date"]].set_axis(["c", "date"], axis=1),
                      st[["target_country", "date"]].set_axis(["c", "date"], axis=1)]).dropna(subset=["date"])
    _add_nodes(g, counts, ends.groupby("c")["date"].agg(set).to_dict(), "country", gazetteer)
    for v in g.nodes:
        g.nodes[v]["mentions"] = int(counts.get(v, 0))  # stance rows naming the country
    return g


def _gexf_safe(graph):
    """A copy whose attributes GEXF can hold (no NaN/inf, no None, numpy scalars as Python)."""
    g = graph.copy()

    def clean(d: dict) -> None:
        for k in list(d):
            v = d[k]
            if isinstance(v, np.generic):
                v = v.item()
            if v is None or (isinstance(v, float) and not np.isfinite(v)):
                del d[k]
            else:
                d[k] = v

    for _, d in g.nodes(data=True):
        clean(d)
    for *_, d in g.edges(data=True):
        clean(d)
    g.graph = {k: v for k, v in g.graph.items() if isinstance(v, (str, int, float))}
    return g


def write_gexf(graph, path: str | os.PathLike) -> Path:
    """Write a network as GEXF 1.2 (Gephi; networkx's ``write_gexf``); time attributes
    become a dynamic graph with ``timeformat="date"``.

    >>> write_gexf(stance_network(ann.stance, ann.articles), "out/stance.gexf")   # doctest: +SKIP
    """
    import networkx as nx

    p = Path(path)
    if p.suffix.lower() != ".gexf":
        raise ValueError(f"{p}: write_gexf writes .gexf files, not {p.suffix or '(no extension)'!r}")
    p.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(_gexf_safe(graph), p, version="1.2draft")
    return p


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def _cell(v):
    if isinstance(v, np.ndarray):
        v = v.tolist()
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(v, ensure_ascii=False, default=str)
    return v


def write_table_csv(df: pd.DataFrame, path: str | os.PathLike, *, excel: bool = True) -> Path:
    """Write any table as UTF-8 CSV (``excel=True``: with a byte-order mark so Excel shows
    Arabic correctly); list/array/dict cells as JSON. Returns the path.

    >>> import tempfile
    >>> p = write_table_csv(pd.DataFrame({"w": ["روسيا"], "ids": [[1, 2]]}), tempfile.mktemp(suffix=".csv"))
    >>> pd.read_csv(p).values.tolist()
    [['روسيا', '[1, 2]']]
    """
    return write_chunks_csv([df], path, excel=excel)


def write_chunks_csv(chunks: Iterable[pd.DataFrame], path: str | os.PathLike, *, excel: bool = True) -> Path:
    """Write a table given as chunks (e.g. :func:`tokens_chunks`) as one CSV, one chunk in
    memory at a time, as :func:`write_table_csv` writes a whole table. Returns the path.

    >>> import tempfile
    >>> parts = [pd.DataFrame({"w": ["روسيا"]}), pd.DataFrame({"w": ["الصين"]})]
    >>> pd.read_csv(write_chunks_csv(parts, tempfile.mktemp(suffix=".csv")))["w"].tolist()
    ['روسيا', 'الصين']
    """
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    with open(p, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        for k, chunk in enumerate(chunks):
            out = chunk.copy()
            out.attrs = {}
            for c in out.columns:
                if out[c].dtype == object:
                    out[c] = out[c].map(_cell)
            out.to_csv(fh, index=False, header=k == 0)
    return p


# Download buttons on the interactive (itables/DataTables) tables of notebooks and reports.
# CSV with a byte-order mark so Excel shows Arabic; Excel (.xlsx, JSZip is in itables' offline bundle).
DOWNLOAD_BUTTONS = [
    {"extend": "csvHtml5", "text": "CSV", "bom": True, "charset": "utf-8"},
    {"extend": "excelHtml5", "text": "Excel"},
]


def enable_table_downloads() -> None:
    """Put CSV and Excel download buttons on every itables table shown from now on (in
    JupyterLab and in the exported reports; works offline). The buttons export the rows the
    page holds: a table larger than itables' ``maxBytes`` is shown (and exported) downsampled,
    so use :func:`write_table_csv` or ``python -m arnews export`` for complete tables.

    >>> enable_table_downloads()
    >>> import itables.options
    >>> [b["text"] for b in itables.options.buttons]
    ['CSV', 'Excel']
    >>> del itables.options.buttons      # back to no buttons
    """
    import itables.options as opt

    opt.buttons = [dict(b) for b in DOWNLOAD_BUTTONS]


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------

WHAT = ("dtm", "networks", "tables")


def _load(source: str, args: argparse.Namespace):
    """Annotations from an annotation folder (Parquet) or, for a corpus, by annotating it."""
    p = Path(source)
    if p.is_dir() and (p / "tokens.parquet").exists():
        from .pipeline import read_annotations

        return read_annotations(p), p
    from .pipeline import annotate_corpus

    return annotate_corpus(p, text_column=args.text_column, id_column=args.id_column), None


def export_all(ann, out_dir: str | os.PathLike, *, what: Iterable[str] = WHAT, forms: Iterable[str] = ("norm", "lemma"),
               tokens_source: str | os.PathLike | None = None, level: str = "actor") -> list[Path]:
    """Write the chosen exports of an :class:`arnews.pipeline.Annotations` to ``out_dir``
    and return the written paths. ``tokens_source``: an annotation folder to stream the
    tokens from (instead of ``ann.tokens``).

    >>> export_all(ann, "out/export")                          # doctest: +SKIP
    """
    out = Path(out_dir)
    written: list[Path] = []
    tables = ann.tables
    articles = tables.get("articles")
    what = set(what)
    unknown = what - set(WHAT)
    if unknown:
        raise ValueError(f"unknown export {sorted(unknown)}; choose from {list(WHAT)}")
    if "dtm" in what:
        for form in forms:
            if tokens_source is not None:
                toks = tokens_chunks(tokens_source, columns=("article_id", "norm", "lemma", "surface", "is_word"))
            elif "tokens" in tables:
                toks = tables["tokens"]
            else:
                raise ValueError("no tokens table: run the 'text' stage first")
            written += list(write_dtm(document_term_matrix(toks, form=form, articles=articles), out))
    if "networks" in what:
        if "mentions" in tables:
            written.append(write_gexf(actor_network(tables["mentions"], articles, level=level), out / f"{level}_network.gexf"))
        if "stance" in tables:
            written.append(write_gexf(stance_network(tables["stance"], articles), out / "stance_network.gexf"))
    if "tables" in what:
        for name, df in tables.items():
            if name == "tokens" and tokens_source is not None:
                # large: streamed from the Parquet dataset, one record batch at a time
                written.append(write_chunks_csv(tokens_chunks(tokens_source, columns=None), out / "tables" / "tokens.csv"))
                continue
            written.append(write_table_csv(df, out / "tables" / f"{name}.csv"))
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m arnews export SOURCE --out DIR [--what dtm,networks,tables] [--form norm,lemma]``.

    ``SOURCE`` is an annotation folder written by ``arnews annotate`` (tokens are then
    streamed from its Parquet dataset) or a corpus (annotated first, using the cache).
    """
    from .corpus import CorpusError

    p = argparse.ArgumentParser(prog="python -m arnews export",
                                description="Export a document-term matrix, GEXF networks and CSV tables.")
    p.add_argument("source", help="annotation folder (from 'arnews annotate') or a corpus folder/file")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--what", default=",".join(WHAT), help=f"comma-separated, from {','.join(WHAT)} (default: all)")
    p.add_argument("--form", default="norm,lemma", help="document-term matrix forms: norm, lemma, surface (default: norm,lemma)")
    p.add_argument("--level", choices=["actor", "person", "country"], default="actor", help="actor network nodes")
    p.add_argument("--text-column", default="text", help="text column for table corpora (default: text)")
    p.add_argument("--id-column", default=None, help="id column for table corpora")
    args = p.parse_args(argv)
    what = [w.strip() for w in args.what.split(",") if w.strip()]
    forms = [f.strip() for f in args.form.split(",") if f.strip()]
    try:
        ann, folder = _load(args.source, args)
        written = export_all(ann, args.out, what=what, forms=forms, tokens_source=folder, level=args.level)
    except (CorpusError, ValueError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    return 0
