"""Process CPU time of the quotes stage alone on prepared inputs, for comparing two codes.

``prepare OUT``: the clean/text/actors tables of the 5 sample articles and the written quote
texts (``data/gold/quote_texts``), each repeated ``--repeat`` times under new article ids,
pickled once. ``run IN``: the quotes stage on them in this process (the ``arnews`` on
``sys.path``), printing the CPU seconds. ``compare IN LIB_A LIB_B --runs N``: fresh processes
alternating the two library folders (``PYTHONPATH``), then the median and fastest of each.

>>> # python bench/bench_quotes.py prepare /tmp/q.pkl --repeat 5     # doctest: +SKIP
>>> # python bench/bench_quotes.py compare /tmp/q.pkl /old/lib lib --runs 10   # doctest: +SKIP
"""
from __future__ import annotations

import argparse
import os
import pickle
import statistics
import subprocess
import sys
import time


def prepare(out: str, repeat: int) -> None:
    """Build and pickle the inputs of the quotes stage."""
    import pandas as pd

    from arnews.corpus import load_corpus
    from arnews.pipeline import annotate
    from arnews.resources import data_path

    corp = pd.concat([load_corpus(data_path("articles")), load_corpus(data_path("gold/quote_texts"))], ignore_index=True)
    corp = pd.concat([corp.assign(article_id=corp["article_id"].astype(str) + f"_r{k}") for k in range(repeat)],
                     ignore_index=True)
    ann = annotate(corp, stages=["clean", "text", "actors"], cache=False, progress=False)
    tables = {k: v for k, v in ann.tables.items() if k in ("articles", "sentences", "tokens", "mentions")}
    with open(out, "wb") as f:
        pickle.dump(tables, f)
    print(f"{len(corp)} articles -> {out}")


def run(inp: str) -> None:
    """The quotes stage once on the pickled inputs; prints CPU seconds and the quote count."""
    from arnews.quotes.stage import annotate_stage

    with open(inp, "rb") as f:
        tables = pickle.load(f)
    t0 = time.process_time()
    q = annotate_stage(tables)["quotes"]
    print(f"{time.process_time() - t0:.3f} {len(q)}")


def compare(inp: str, lib_a: str, lib_b: str, runs: int) -> None:
    """Alternate fresh processes of the two library folders; print median and fastest."""
    res: dict[str, list[float]] = {lib_a: [], lib_b: []}
    for _ in range(runs):
        for lib in (lib_a, lib_b):
            env = {**os.environ, "PYTHONPATH": lib}
            out = subprocess.run([sys.executable, __file__, "run", inp], env=env, capture_output=True, text=True, check=True)
            res[lib].append(float(out.stdout.split()[0]))
    for lib, v in res.items():
        print(f"{lib}: median {statistics.median(v):.2f} s, fastest {min(v):.2f} s, slowest {max(v):.2f} s ({len(v)} runs)")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cmd", choices=["prepare", "run", "compare"])
    ap.add_argument("path")
    ap.add_argument("libs", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--runs", type=int, default=10)
    a = ap.parse_args()
    if a.cmd == "prepare":
        prepare(a.path, a.repeat)
    elif a.cmd == "run":
        run(a.path)
    else:
        compare(a.path, a.libs[0], a.libs[1], a.runs)
