"""The stance stage alone: reference outputs, exact comparison and CPU timings (issue 15).

The inputs of the stance stage (the tables of clean, text, lemmas, actors and quotes) are
computed once and saved, so that every version of the stance code reads the same tables:

    python bench/bench_stance.py prepare            # bench/out/stance/inputs_*.pkl
    python bench/bench_stance.py reference          # bench/out/stance/ref_*.pkl (both methods)
    python bench/bench_stance.py check              # this code's outputs == the reference, exactly
    python bench/bench_stance.py time --method model --set synth1k   # one CPU-time measurement

Input sets: ``sample`` (the five articles of data/articles), ``written`` (the written gold
corpus, one article per line group as training annotates it: varied constructions) and
``synth1k`` (1,000 synthetic articles of bench/synth.py, seed 0).

``time`` runs in a fresh process: it warms up on the sample (lexicon, model, gazetteer
loaded), then measures ``time.process_time`` of the stance stage on the set, so per-word
caches start cold as in a pipeline chunk. ``compare`` interleaves such runs for two Python
interpreters (e.g. /work/main/.venv/bin/python for "before") and prints the medians:

    python bench/bench_stance.py compare --before /work/main/.venv/bin/python --repeat 3
"""
from __future__ import annotations

import argparse
import os
import pickle
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "stance"
SETS = ("sample", "written", "synth1k")


def _articles(name: str) -> pd.DataFrame:
    repo = HERE.parent
    if name == "sample":
        from arnews.corpus import load_corpus

        return load_corpus(repo / "data" / "articles")
    if name == "written":
        from arnews.stance_train import read_written

        rows = read_written()
        docs = [(str(aid), "\n".join(" ".join(str(t).split()) for t in g["text"]))
                for aid, g in rows.groupby("article_id", sort=False)]
        return pd.DataFrame(docs, columns=["article_id", "text"])
    if name == "synth1k":
        sys.path.insert(0, str(HERE))
        from synth import make_corpus

        return make_corpus(1000, seed=0)
    raise ValueError(name)


def prepare() -> None:
    from arnews.pipeline import _stage_fn, available_stages

    OUT.mkdir(parents=True, exist_ok=True)
    for name in SETS:
        arts = _articles(name)
        arts.attrs = {}
        tables = {"articles": arts}
        for s in available_stages():
            if s == "stance":
                break
            tables.update(_stage_fn(s)(tables))
        with open(OUT / f"inputs_{name}.pkl", "wb") as fh:
            pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
        print(f"{name}: {len(arts)} articles, {len(tables['tokens']):,} tokens", flush=True)


def load_inputs(name: str) -> dict[str, pd.DataFrame]:
    with open(OUT / f"inputs_{name}.pkl", "rb") as fh:
        return pickle.load(fh)


def run_stage(tables: dict, method: str) -> dict[str, pd.DataFrame]:
    from arnews.stance.stage import annotate_stage

    return annotate_stage(dict(tables), method=method)


def reference() -> None:
    for name in SETS:
        tables = load_inputs(name)
        out = {m: run_stage(tables, m) for m in ("lexicon", "model")}
        with open(OUT / f"ref_{name}.pkl", "wb") as fh:
            pickle.dump(out, fh, protocol=pickle.HIGHEST_PROTOCOL)
        print(name, {m: {k: len(v) for k, v in o.items()} for m, o in out.items()}, flush=True)


def check(sets=SETS) -> bool:
    from pandas.testing import assert_frame_equal

    ok = True
    for name in sets:
        with open(OUT / f"ref_{name}.pkl", "rb") as fh:
            ref = pickle.load(fh)
        tables = load_inputs(name)
        for m, want in ref.items():
            got = run_stage(tables, m)
            if set(got) != set(want):
                print(f"{name}/{m}: tables {sorted(got)} != {sorted(want)}")
                ok = False
            for t in want:
                try:
                    assert_frame_equal(got[t], want[t], check_exact=True)
                    for c in want[t].columns:  # floats to the last bit (-0.0 is not 0.0)
                        if want[t][c].dtype.kind == "f":
                            assert (got[t][c].to_numpy().view("u8") == want[t][c].to_numpy().view("u8")).all(), c
                    print(f"{name}/{m}/{t}: identical ({len(want[t]):,} rows)")
                except AssertionError as e:
                    ok = False
                    print(f"{name}/{m}/{t}: DIFFERENT\n{e}")
    print("ALL IDENTICAL" if ok else "DIFFERENCES FOUND")
    return ok


def time_once(method: str, name: str) -> float:
    """CPU seconds of the stance stage on one set, after a warm-up on the sample."""
    run_stage(load_inputs("sample"), method)
    tables = load_inputs(name)
    t0 = time.process_time()
    run_stage(tables, method)
    return time.process_time() - t0


def compare(before: str, after: str, repeat: int, name: str) -> None:
    res: dict = {}
    for r in range(repeat):
        for method in ("lexicon", "model"):
            for label, py in (("before", before), ("after", after)):
                out = subprocess.run([py, __file__, "time", "--method", method, "--set", name], capture_output=True,
                                     text=True, check=True, env={**os.environ, "ARNEWS_CACHE": os.environ.get("ARNEWS_CACHE", "")})
                s = float(out.stdout.strip().splitlines()[-1])
                res.setdefault((label, method), []).append(s)
                print(f"run {r + 1}: {label:6s} {method:7s} {s:6.2f} s CPU", flush=True)
    print(f"\nmedians over {repeat} runs ({name}):")
    for label in ("before", "after"):
        lx, md = statistics.median(res[(label, "lexicon")]), statistics.median(res[(label, "model")])
        print(f"  {label:6s} lexicon {lx:6.2f} s   model {md:6.2f} s   model/lexicon {md / lx:.2f}   "
              f"(lexicon runs {res[(label, 'lexicon')]}, model runs {res[(label, 'model')]})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["prepare", "reference", "check", "time", "compare"])
    ap.add_argument("--method", default="model")
    ap.add_argument("--set", default="synth1k", choices=SETS)
    ap.add_argument("--before", default=sys.executable)
    ap.add_argument("--after", default=sys.executable)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    if a.command == "prepare":
        prepare()
    elif a.command == "reference":
        reference()
    elif a.command == "check":
        return 0 if check() else 1
    elif a.command == "time":
        print(f"{time_once(a.method, a.set):.4f}")
    else:
        compare(a.before, a.after, a.repeat, a.set)
    return 0


if __name__ == "__main__":
    sys.exit(main())
