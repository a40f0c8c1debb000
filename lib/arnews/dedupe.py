"""Near-duplicate articles: wire copies and republished stories (MinHash + LSH).

News corpora are full of one agency story printed by several outlets with small edits (a
changed headline, a dropped paragraph, the outlet's own sign-off). Byte-identical copies
are already skipped by :func:`arnews.corpus.load_corpus`; this module finds the near ones.

Method
------
1. Each article's text (``clean_text`` if present, else ``text``) is split into words,
   each normalized with :func:`arnews.text.normalize`; its **shingles** are the sets of
   ``shingle_size`` consecutive words (5 by default; a text shorter than that is one
   shingle), hashed to 32 bits (:func:`shingle_hashes`).
2. A MinHash signature (``num_perm`` permutations, :mod:`datasketch`) of each shingle set
   goes into a MinHash LSH index, which finds candidate pairs whose similarity is likely
   above ``threshold - 0.15`` without comparing every pair.
3. A candidate pair is kept when the exact Jaccard similarity of its shingle sets is
   ``>= threshold``; groups are the connected components of the kept pairs.
4. In each group one article is **kept**: the earliest by ``date`` (articles without a
   date come last), ties broken by order in the table — usually the original wire story.

Output (:func:`near_duplicates`): one row per article that belongs to a group of two or
more — ``group_id, article_id, similarity, kept`` — where ``similarity`` is the (exact)
Jaccard similarity of the shingle sets to the group's kept article (1.0 for the kept one; in a chain A≈B≈C it
can be below the threshold for C). :func:`drop_near_duplicates` keeps one article per group.

Example
-------
>>> import pandas as pd
>>> story = " ".join(f"كلمة{i}" for i in range(60))
>>> arts = pd.DataFrame({"article_id": ["a", "b", "c"],
...                      "text": [story, story + " المصدر: وكالة", "نص آخر مختلف تماما عن الخبر"]})
>>> near_duplicates(arts, threshold=0.8)[["group_id", "article_id", "kept"]].values.tolist()
[[0, 'a', True], [0, 'b', False]]
>>> drop_near_duplicates(arts)["article_id"].tolist()
['a', 'c']
"""
from __future__ import annotations

import argparse
import hashlib
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import pandas as pd
import regex as re

from .resources import TYPE_CACHE_LIMIT
from .text import normalize

__all__ = [
    "DedupeOptions",
    "shingles",
    "shingle_hashes",
    "signatures",
    "near_duplicates",
    "drop_near_duplicates",
    "load_report_rows",
    "apply_dedupe",
    "DEDUPE_MODES",
    "folder_near_duplicates",
    "dropped_near_duplicates",
    "main",
    "GROUP_COLUMNS",
]

log = logging.getLogger(__name__)

GROUP_COLUMNS = ["group_id", "article_id", "similarity", "kept"]
#: The start of the load-report reason of an article dropped by ``--dedupe near``.
DROPPED_REASON = "near-duplicate of "
_WORD = re.compile(r"[\p{L}\p{M}\p{N}]+")


@dataclass(frozen=True)
class DedupeOptions:
    """Parameters of near-duplicate detection (see the module docstring).

    ``threshold``: Jaccard similarity of word shingles at or above which two
    articles are near-duplicates (0.8 groups reprints with small edits; lower it to 0.5 to
    also catch heavily cut copies). ``shingle_size``: words per shingle. ``num_perm``: MinHash
    permutations (more = a more precise estimate, slower). ``seed``: MinHash seed (fixed, so
    results are reproducible).
    """

    threshold: float = 0.8
    shingle_size: int = 5
    num_perm: int = 128
    seed: int = 1

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {self.threshold!r}")
        if int(self.shingle_size) != self.shingle_size or self.shingle_size < 1:
            raise ValueError(f"shingle_size must be a positive integer, not {self.shingle_size!r}")
        if int(self.num_perm) != self.num_perm or self.num_perm < 16:
            raise ValueError(f"num_perm must be an integer >= 16, not {self.num_perm!r}")


_WORD_HASH: dict[str, int] = {}  # raw word -> 64-bit hash of its normalized form (0: no word)


def _word_hash(w: str) -> int:
    n = normalize(w).strip()
    return int.from_bytes(hashlib.blake2b(n.encode("utf-8"), digest_size=8).digest(), "little") if n else 0


def _normalized_words(text: str) -> list[str]:
    """The text's words (letters, marks, digits), normalized."""
    return [n for n in (normalize(w).strip() for w in _WORD.findall(text)) if n]


def _word_hashes(text: str) -> np.ndarray:
    """64-bit hashes of the text's normalized words, each word type normalized and hashed once."""
    if len(_WORD_HASH) > TYPE_CACHE_LIMIT:
        _WORD_HASH.clear()
    out = []
    for w in _WORD.findall(text):
        h = _WORD_HASH.get(w)
        if h is None:
            h = _WORD_HASH[w] = _word_hash(w)
        if h:
            out.append(h)
    return np.array(out, dtype=np.uint64)


def shingles(text: str, size: int = 5) -> set[str]:
    """The set of ``size``-word shingles of the normalized text (empty for a text without words).

    >>> sorted(shingles("قال بوتين إن روسيا", size=3))
    ['بوتين ان روسيا', 'قال بوتين ان']
    >>> shingles("الصِّين", size=1) == shingles("الصين", size=1)
    True
    """
    words = _normalized_words(text or "")
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _text_column(articles: pd.DataFrame, text_column: str | None) -> str:
    if text_column is not None:
        if text_column not in articles.columns:
            raise ValueError(f"articles table has no {text_column!r} column; it has {list(articles.columns)}")
        return text_column
    for c in ("clean_text", "text"):
        if c in articles.columns:
            return c
    raise ValueError(f"articles table has no 'clean_text' or 'text' column; it has {list(articles.columns)}")


_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit multiplier (golden ratio) to combine word hashes


def shingle_hashes(text: str, size: int = 5) -> np.ndarray:
    """The distinct 32-bit hashes of the text's ``size``-word shingles (the same sets as
    :func:`shingles`, hashed without building the strings: a BLAKE2 hash per word type,
    stable across runs and processes, combined position by position).

    >>> len(shingle_hashes("قال بوتين إن روسيا", size=3)) == len(shingles("قال بوتين إن روسيا", size=3))
    True
    """
    h = _word_hashes(text or "")
    if not len(h):
        return h
    k = min(size, len(h))
    n = len(h) - k + 1
    acc = h[:n].copy()
    with np.errstate(over="ignore"):
        for j in range(1, k):
            acc = acc * _MIX + h[j : j + n]
    return np.unique(acc & np.uint64(0xFFFFFFFF))


def signatures(texts: Iterable[str], options: DedupeOptions = DedupeOptions()) -> Iterator:
    """A :class:`datasketch.MinHash` per text (``None`` for a text without words), lazily.

    >>> a, b = signatures(["روسيا والصين توقعان اتفاقا", "روسيا والصين توقعان اتفاقا"])
    >>> a.jaccard(b)
    1.0
    """
    from datasketch import MinHash

    base = MinHash(num_perm=options.num_perm, seed=options.seed)  # permutations computed once, not per text
    for text in texts:
        hv = shingle_hashes(text, options.shingle_size)
        if not len(hv):
            yield None
            continue
        # values are hashes already: hashfunc=int passes them through
        m = MinHash(num_perm=options.num_perm, seed=options.seed, hashfunc=int, permutations=base.permutations,
                    scheme=base.scheme)
        m.update_batch(hv.tolist())
        yield m


#: The LSH index looks for candidates this far below ``threshold`` (fewer missed pairs);
#: candidates are then kept only if their exact Jaccard similarity reaches the threshold.
LSH_MARGIN = 0.15


class _ExactJaccard:
    """Exact Jaccard similarity of two texts' shingle-hash sets (computed on demand, cached)."""

    def __init__(self, texts, size: int, cache_size: int = 4096):
        self.texts, self.size, self.cache_size = texts, size, cache_size
        self.cache: dict[int, np.ndarray] = {}

    def _get(self, i: int) -> np.ndarray:
        h = self.cache.get(i)
        if h is None:
            if len(self.cache) >= self.cache_size:
                self.cache.clear()
            h = self.cache[i] = shingle_hashes(self.texts[i], self.size)
        return h

    def __call__(self, i: int, j: int) -> float:
        a, b = self._get(i), self._get(j)
        inter = len(np.intersect1d(a, b, assume_unique=True))
        union = len(a) + len(b) - inter
        return inter / union if union else 0.0


def _components(n: int, pairs: list[tuple[int, int]]) -> np.ndarray:
    """Connected-component label of each of ``n`` items linked by ``pairs``."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    if not pairs:
        return np.arange(n)
    a = np.array(pairs, dtype=np.int64)
    g = coo_matrix((np.ones(len(a), dtype=np.int8), (a[:, 0], a[:, 1])), shape=(n, n))
    return connected_components(g, directed=False)[1]


def _keep_order(articles: pd.DataFrame) -> np.ndarray:
    """Rank of each article for choosing the kept one: earliest date first, then table order."""
    n = len(articles)
    if "date" in articles.columns:
        d = pd.to_datetime(articles["date"], errors="coerce", utc=True)
        key = pd.DataFrame({"missing": d.isna().to_numpy(), "date": d.to_numpy(), "pos": np.arange(n)})
        order = key.sort_values(["missing", "date", "pos"], kind="stable").index.to_numpy()
    else:
        order = np.arange(n)
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    return rank


def near_duplicates(
    articles: pd.DataFrame,
    *,
    threshold: float = 0.8,
    shingle_size: int = 5,
    num_perm: int = 128,
    text_column: str | None = None,
    id_column: str = "article_id",
) -> pd.DataFrame:
    """Groups of near-identical articles: ``group_id, article_id, similarity, kept``.

    Only articles in a group of two or more are listed; groups are numbered in the table
    order of their kept article. See the module docstring for the method and
    :class:`DedupeOptions` for the parameters.

    >>> near_duplicates(pd.DataFrame({"article_id": ["x"], "text": ["نص"]})).columns.tolist()
    ['group_id', 'article_id', 'similarity', 'kept']
    """
    from datasketch import MinHashLSH

    opts = DedupeOptions(threshold=threshold, shingle_size=shingle_size, num_perm=num_perm)
    col = _text_column(articles, text_column)
    if id_column not in articles.columns:
        raise ValueError(f"articles table has no {id_column!r} column; it has {list(articles.columns)}")
    ids = articles[id_column].to_numpy()
    texts = articles[col].fillna("").astype(str).to_numpy(dtype=object)
    sigs = list(signatures(texts, opts))
    # LSH tuned below the threshold finds candidates reliably; the exact Jaccard decides
    lsh = MinHashLSH(threshold=max(0.05, opts.threshold - LSH_MARGIN), num_perm=opts.num_perm)
    exact = _ExactJaccard(texts, opts.shingle_size)
    pairs: list[tuple[int, int]] = []
    for i, m in enumerate(sigs):
        if m is None:
            continue
        for j in lsh.query(m):
            if exact(i, j) >= opts.threshold:
                pairs.append((j, i))
        lsh.insert(i, m)
    comp = _components(len(sigs), pairs)
    rank = _keep_order(articles)
    rows = []
    order = np.argsort(comp, kind="stable")
    bounds = np.flatnonzero(np.diff(np.r_[-1, comp[order], len(sigs)]))
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        members = order[lo:hi]
        if len(members) < 2:
            continue
        kept = members[np.argmin(rank[members])]
        for i in members:
            sim = 1.0 if i == kept else exact(int(kept), int(i))
            rows.append((int(kept), ids[i], round(sim, 4), bool(i == kept), int(i)))
    out = pd.DataFrame(rows, columns=["_kept", "article_id", "similarity", "kept", "_pos"])
    n_groups = len({r[0] for r in rows})
    log.info("near-duplicates: %d groups among %d articles (threshold %.2f), %d articles to drop",
             n_groups, len(sigs), opts.threshold, len(out) - n_groups)
    if out.empty:
        return pd.DataFrame({"group_id": pd.Series(dtype="int64"), "article_id": pd.Series(dtype=object),
                             "similarity": pd.Series(dtype="float64"), "kept": pd.Series(dtype=bool)})
    out["group_id"] = pd.factorize(out["_kept"], sort=True)[0]
    out = out.sort_values(["group_id", "kept", "similarity", "_pos"], ascending=[True, False, False, True], kind="stable")
    out = out[GROUP_COLUMNS].reset_index(drop=True)
    out.attrs.update(threshold=opts.threshold, shingle_size=opts.shingle_size, num_perm=opts.num_perm)
    return out


def drop_near_duplicates(
    articles: pd.DataFrame, groups: pd.DataFrame | None = None, *, id_column: str = "article_id", **options
) -> pd.DataFrame:
    """The articles with one kept per near-duplicate group (``groups`` from
    :func:`near_duplicates`, computed with ``**options`` when not given). The groups table
    is recorded in ``attrs["near_duplicates"]`` (as records) so the output says what was dropped.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["نص واحد", "نص واحد"]})
    >>> drop_near_duplicates(arts)["article_id"].tolist()
    ['a']
    """
    if groups is None:
        groups = near_duplicates(articles, id_column=id_column, **options)
    dropped = set(groups.loc[~groups["kept"].astype(bool), "article_id"])
    out = articles[~articles[id_column].isin(dropped)].copy()
    out.attrs = dict(articles.attrs)
    out.attrs["near_duplicates"] = groups.to_dict("records")
    return out


def load_report_rows(groups: pd.DataFrame) -> list[dict]:
    """Load-report rows (``source, status, reason, encoding, article_id``, as in
    :func:`arnews.corpus.load_report`) for the articles dropped as near-duplicates.

    >>> g = pd.DataFrame({"group_id": [0, 0], "article_id": ["a", "b"],
    ...                   "similarity": [1.0, 0.91], "kept": [True, False]})
    >>> load_report_rows(g)[0]["reason"]
    'near-duplicate of a (similarity 0.91, group 0)'
    """
    kept = groups[groups["kept"]].set_index("group_id")["article_id"]
    return [
        {
            "source": r.article_id,
            "status": "skipped",
            "reason": f"{DROPPED_REASON}{kept[r.group_id]} (similarity {r.similarity:.2f}, group {r.group_id})",
            "encoding": None,
            "article_id": None,
        }
        for r in groups[~groups["kept"]].itertuples(index=False)
    ]


def folder_near_duplicates(source, *, threshold: float = 0.8, **options) -> pd.DataFrame:
    """The near-duplicate groups among the articles of an annotation folder
    (:class:`arnews.tables.AnnotationFolder`), with what tells them apart: ``group_id,
    article_id, title, date, outlet, similarity, kept`` (the metadata columns the folder has).
    These articles are all in the analysis: each group counts one story several times.
    Reads the article ids, metadata and cleaned texts (not the tokens).

    >>> from arnews.tables import AnnotationFolder
    >>> folder_near_duplicates(AnnotationFolder("out/annotations"))   # doctest: +SKIP
    """
    meta = [c for c in ("title", "date", "outlet") if c in source.columns("articles")]
    text = next(c for c in ("clean_text", "text") if c in source.columns("articles"))
    arts = source.read("articles", ["article_id", *meta, text])
    groups = near_duplicates(arts, threshold=threshold, text_column=text, **options)
    out = groups.merge(arts[["article_id", *meta]], on="article_id", how="left")
    out = out[["group_id", "article_id", *meta, "similarity", "kept"]]
    out.attrs = dict(groups.attrs)
    return out


def dropped_near_duplicates(load_report: pd.DataFrame | None) -> pd.DataFrame:
    """The load-report rows of the articles ``--dedupe near`` dropped (their reason names the
    kept article, the similarity and the group).

    >>> rep = pd.DataFrame({"source": ["a.txt", "b.txt"], "status": ["loaded", "skipped"],
    ...                     "reason": ["", "near-duplicate of a (similarity 0.97, group 0)"]})
    >>> dropped_near_duplicates(rep)["source"].tolist()
    ['b.txt']
    """
    cols = ["source", "reason"]
    if load_report is None or not len(load_report):
        return pd.DataFrame(columns=cols)
    hit = (load_report["status"] == "skipped") & load_report["reason"].fillna("").str.startswith(DROPPED_REASON)
    return load_report.loc[hit, cols].reset_index(drop=True)


DEDUPE_MODES = ("off", "near")


def apply_dedupe(articles: pd.DataFrame, mode: str = "off", *, threshold: float = 0.8, **options) -> pd.DataFrame:
    """The articles after ``--dedupe MODE``: ``"off"`` (default) returns them unchanged;
    ``"near"`` keeps one article per near-duplicate group and records what it did: the load
    report (``attrs["load_report"]``, see :func:`arnews.corpus.load_report`) marks each dropped
    article ``skipped`` with the reason "near-duplicate of … (similarity …, group …)", and
    ``attrs["near_duplicates"]`` holds the groups table and ``attrs["dedupe"]`` the settings.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["نص واحد هنا", "نص واحد هنا"]})
    >>> arts.attrs["load_report"] = [{"source": "a.txt", "status": "loaded", "reason": "", "encoding": "utf-8",
    ...                               "article_id": "a"}, {"source": "b.txt", "status": "loaded", "reason": "",
    ...                               "encoding": "utf-8", "article_id": "b"}]
    >>> out = apply_dedupe(arts, "near")
    >>> out["article_id"].tolist(), out.attrs["load_report"][1]["reason"]
    (['a'], 'near-duplicate of a (similarity 1.00, group 0)')
    """
    if mode not in DEDUPE_MODES:
        raise ValueError(f"dedupe mode must be one of {DEDUPE_MODES}, not {mode!r}")
    if mode == "off":
        return articles
    groups = near_duplicates(articles, threshold=threshold, **options)
    out = drop_near_duplicates(articles, groups, id_column=options.get("id_column", "article_id"))
    rows = {r["source"]: r for r in load_report_rows(groups)}  # keyed by the dropped article_id
    report = []
    for r in articles.attrs.get("load_report", []):
        r = dict(r)
        dropped = rows.pop(r.get("article_id"), None) if r.get("status") == "loaded" else None
        if dropped is not None:
            r.update(status="skipped", reason=dropped["reason"], article_id=None)
        report.append(r)
    report += list(rows.values())  # articles that had no load-report row
    out.attrs["load_report"] = report
    out.attrs["dedupe"] = {"mode": mode, "threshold": threshold, "groups": int(groups["group_id"].nunique()),
                           "dropped": int((~groups["kept"]).sum())}
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m arnews dedupe CORPUS [--threshold 0.8] [--out groups.csv]``: list the
    near-duplicate groups of a corpus (and, with ``--keep-out``, write the deduplicated
    articles as CSV).
    """
    from .corpus import CorpusError, load_corpus

    p = argparse.ArgumentParser(prog="python -m arnews dedupe", description="Find near-duplicate articles (MinHash/LSH).")
    p.add_argument("corpus", help="folder of .txt files (optional metadata.csv) or a CSV/TSV/JSONL/Parquet file")
    p.add_argument("--threshold", type=float, default=DedupeOptions.threshold, help="Jaccard similarity of 5-word shingles (default 0.8)")
    p.add_argument("--shingle-size", type=int, default=DedupeOptions.shingle_size)
    p.add_argument("--text-column", default="text", help="text column for table inputs (default: text)")
    p.add_argument("--id-column", default=None, help="id column for table inputs")
    p.add_argument("--out", default=None, help="write the groups table here (CSV); default: print it")
    p.add_argument("--keep-out", default=None, help="write the articles, one kept per group, here (CSV)")
    args = p.parse_args(argv)
    try:
        articles = load_corpus(args.corpus, text_column=args.text_column, id_column=args.id_column)
        groups = near_duplicates(articles, threshold=args.threshold, shingle_size=args.shingle_size)
    except (CorpusError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    n_drop = int((~groups["kept"]).sum())
    print(f"{len(articles)} articles; {groups['group_id'].nunique()} near-duplicate groups; {n_drop} would be dropped")
    if args.out:
        _write_csv(groups, args.out)
        print(f"wrote {args.out}")
    elif len(groups):
        print(groups.to_string(index=False))
    if args.keep_out:
        _write_csv(drop_near_duplicates(articles, groups), args.keep_out)
        print(f"wrote {args.keep_out}")
    return 0


def _write_csv(df: pd.DataFrame, path: str | os.PathLike) -> None:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(p, index=False, encoding="utf-8")
