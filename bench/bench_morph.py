"""Throughput of the lemma stage: ``python bench/bench_morph.py [backend] [copies]``.

Tokenizes the sample corpus, replicates its tokens ``copies`` times (default 100, ~220k word
tokens) and times :func:`arnews.morph.add_lemmas`: a cold run (resources loaded, every type
analysed once) and a warm run (all types cached), in tokens per second.
"""
from __future__ import annotations

import sys
import time

import pandas as pd

from arnews.corpus import load_corpus
from arnews.morph import Lemmatizer, add_lemmas
from arnews.pipeline import annotate_chunk
from arnews.resources import data_dir


def main(backend: str = "rules", copies: int = 100) -> None:
    toks = annotate_chunk(load_corpus(data_dir() / "articles"), ["clean", "text"])["tokens"]
    big = pd.concat([toks] * copies, ignore_index=True)
    t0 = time.perf_counter()
    lem = Lemmatizer(backend)
    add_lemmas(toks, lemmatizer=lem)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    add_lemmas(big, lemmatizer=lem)
    warm = time.perf_counter() - t0
    print(f"backend={lem.backend}: cold {len(toks)} tokens / {lem.calls} types in {cold:.2f}s "
          f"(includes loading resources); warm {len(big):,} tokens in {warm:.2f}s = {len(big) / warm:,.0f} tokens/s")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "rules", int(sys.argv[2]) if len(sys.argv) > 2 else 100)
