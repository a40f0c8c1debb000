"""Benchmark: near-duplicate detection and the document-term matrix on synthetic corpora.

Near-duplicates: a synthetic corpus (``bench/synth.py``: sentences resampled from the sample,
so distinct articles share many sentences, a hard case for false groups) plus planted
reprints: every tenth article is reprinted by 1–3 other outlets with small edits (another
headline, a dropped sentence, a sign-off). Prints the wall time of
:func:`arnews.dedupe.near_duplicates` and how many planted groups were found exactly, and
how many groups mix unrelated articles.

Document-term matrix: the tokens of the same corpus (text stage), counted in chunks of
200 articles, as ``python -m arnews export`` streams them from Parquet.

    .venv/bin/python bench/bench_dedupe.py --articles 5000
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "lib"))
sys.path.insert(0, str(REPO / "bench"))


def plant_reprints(arts: pd.DataFrame, every: int = 10, seed: int = 1) -> tuple[pd.DataFrame, dict[str, str]]:
    """Reprints of every ``every``-th article; returns the corpus and reprint -> original."""
    rng = np.random.default_rng(seed)
    rows, origin = [], {}
    for i in range(0, len(arts), every):
        src = arts.iloc[i]
        for k in range(int(rng.integers(1, 4))):
            lines = src["text"].split("\n")
            lines[0] = "عاجل: " + lines[0][:60]
            body = "\n".join(lines)
            parts = body.split(". ")
            if len(parts) > 4:
                del parts[int(rng.integers(1, len(parts) - 1))]
            rid = f"{src['article_id']}_r{k}"
            rows.append({**src.to_dict(), "article_id": rid, "outlet": f"outlet {k}", "text": ". ".join(parts) + "\n(وكالات)"})
            origin[rid] = src["article_id"]
    return pd.concat([arts, pd.DataFrame(rows)], ignore_index=True), origin


def main() -> None:
    from synth import make_corpus

    from arnews.dedupe import near_duplicates
    from arnews.export import document_term_matrix
    from arnews.text import sentences_table, tokens_table

    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--threshold", type=float, default=0.8)
    args = ap.parse_args()

    arts, origin = plant_reprints(make_corpus(args.articles))
    t0 = time.perf_counter()
    groups = near_duplicates(arts, threshold=args.threshold)
    dt = time.perf_counter() - t0
    from arnews.dedupe import shingles

    text = arts.set_index("article_id")["text"]
    group_of = dict(zip(groups["article_id"], groups["group_id"]))
    pairs = []
    for rid, oid in origin.items():
        a, b = shingles(text[oid]), shingles(text[rid])
        same = rid in group_of and group_of.get(oid) == group_of[rid]
        pairs.append((len(a & b) / len(a | b), same))
    pj = pd.DataFrame(pairs, columns=["jaccard", "grouped"])
    above = pj[pj["jaccard"] >= args.threshold + 0.05]
    below = pj[pj["jaccard"] < args.threshold - 0.05]
    origin_of = lambda a: origin.get(a, a)
    mixed = sum(1 for _, g in groups.groupby("group_id") if g["article_id"].map(origin_of).nunique() > 1)
    print(f"near_duplicates: {len(arts)} articles ({len(origin)} planted reprints of {len(set(origin.values()))} stories) "
          f"in {dt:.1f} s = {len(arts) / dt:,.0f} articles/s")
    print(f"  true Jaccard of the planted reprints: median {pj['jaccard'].median():.2f}, "
          f"min {pj['jaccard'].min():.2f}, max {pj['jaccard'].max():.2f}")
    print(f"  grouped with their original: {above['grouped'].mean():.3f} of {len(above)} reprints with Jaccard >= "
          f"{args.threshold + 0.05:.2f}; {below['grouped'].mean() if len(below) else 0:.3f} of {len(below)} with Jaccard < "
          f"{args.threshold - 0.05:.2f}")
    print(f"  groups mixing unrelated articles: {mixed} (of {groups['group_id'].nunique()})")

    arts["clean_text"] = arts["text"]
    t0 = time.perf_counter()
    chunks = [tokens_table(sentences_table(arts.iloc[i : i + 200])) for i in range(0, len(arts), 200)]
    t_tok = time.perf_counter() - t0
    n_tok = sum(len(c) for c in chunks)
    t0 = time.perf_counter()
    dtm = document_term_matrix(iter(chunks))
    dt = time.perf_counter() - t0
    print(f"document_term_matrix: {n_tok:,} tokens in {len(chunks)} chunks -> {dtm.matrix.shape[0]:,} x "
          f"{dtm.matrix.shape[1]:,}, {dtm.matrix.nnz:,} non-zero, in {dt:.1f} s = {n_tok / dt:,.0f} tokens/s "
          f"(tokenizing took {t_tok:.1f} s)")
    print(f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
