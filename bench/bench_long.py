"""Benchmark: the cost of ONE long article, per stage (it should grow linearly with length).

Builds single articles of the requested sizes by joining synthetic articles (``bench/synth.py``:
sentences of the sample articles, with their quotes, actors and stance cues, and pseudo-words,
so paragraphs do not repeat and cleaning keeps them) and times every pipeline stage on each,
in one process, without the cache. A linear pipeline shows a constant time per MB.

    python bench/bench_long.py                    # 0.1, 1 and 10 MB
    python bench/bench_long.py --sizes 0.1,0.5,1  # sizes in MB (UTF-8)
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "lib"))


def long_article(megabytes: float, first_seed: int = 0) -> pd.DataFrame:
    """An articles table of one article of about ``megabytes`` MB of UTF-8 text, made from the
    synthetic corpora of seeds ``first_seed``, ``first_seed + 1`` … (another first seed gives
    other pseudo-words, so a second article is as new to the per-word caches as the first)."""
    sys.path.insert(0, str(REPO / "bench"))
    import synth

    from arnews.clean import clean_articles

    target = int(megabytes * 1_000_000)
    parts, size, seed = [], 0, first_seed
    while size < target:
        # each synthetic article cleaned first: its boilerplate tail would otherwise end the
        # long article at the first "related stories" block
        for t in clean_articles(synth.make_corpus(200, seed=seed))["clean_text"]:
            parts.append(t)
            size += len(t.encode("utf-8")) + 2
            if size >= target:
                break
        seed += 1
    text = "\n\n".join(parts)
    return pd.DataFrame({"article_id": ["long"], "text": [text], "date": ["2022-06-15"]})


def time_stages(articles: pd.DataFrame) -> dict[str, float]:
    """Seconds per stage for one run of every stage on ``articles``."""
    from arnews.stages import available_stages, order_stages, run_stage

    tables = {"articles": articles.reset_index(drop=True)}
    out = {}
    for s in order_stages(available_stages()):
        t0 = time.perf_counter()
        tables.update(run_stage(s, tables))
        out[s.name] = time.perf_counter() - t0
    out["rows"] = {k: len(v) for k, v in tables.items()}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="0.1,1,10", help="article sizes in MB, comma-separated")
    args = ap.parse_args(argv)
    sizes = [float(x) for x in args.sizes.split(",") if x.strip()]
    time_stages(long_article(0.01))  # load lexicons, gazetteer and lemma resources once
    print(f"{'MB':>6} {'tokens':>9} {'total s':>8} {'s/MB':>7}  per stage (s)")
    for mb in sizes:
        arts = long_article(mb)
        real_mb = len(arts["text"].iloc[0].encode("utf-8")) / 1e6
        r = time_stages(arts)
        rows = r.pop("rows")
        total = sum(r.values())
        stages = "  ".join(f"{k} {v:.2f}" for k, v in r.items())
        print(f"{real_mb:6.2f} {rows.get('tokens', 0):9d} {total:8.2f} {total / real_mb:7.2f}  {stages}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
