"""Instructions the stance stage executes, part by part, counted by valgrind (issue 15).

CPU seconds on the shared 2-core machine drift by 20-30 % from one run to the next, so a change
of a few per cent cannot be seen in ``bench_stance.py compare``. Instruction counts do not drift:
valgrind's callgrind tool counts every instruction a process executes (with a fixed
``PYTHONHASHSEED`` repeated runs of one code agree to about 0.3 %). This script runs the stance
stage on the first ``--articles`` synthetic articles (``bench_stance.py prepare`` makes the
inputs) in separate processes that stop after each part, and prints the instructions of each
part as the difference between consecutive steps:

    python bench/bench_stance_instructions.py                       # this checkout's lib
    python bench/bench_stance_instructions.py --lib /tmp/old/lib    # another version's lib

Steps: ``none`` (imports, the warm-up on the sample, the inputs loaded), ``read`` (the tokens
table read once, :class:`~arnews.stance.cues.TokenSentences`), ``lexicon`` (cues, sentence scores,
dyads), ``views`` (the model's sentence views), ``contexts`` (every view's candidate pairs) and
``model`` (the whole model stage, once). Each run takes 2-4 minutes (valgrind slows Python about
50 times); two run at a time. Needs ``valgrind`` (``apt-get install valgrind``). Instructions
are a proxy for time: they do not see cache misses or page faults (``sys`` time; see RESULTS.md).
"""
from __future__ import annotations

import argparse
import os
import pickle
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEPS = ("none", "read", "lexicon", "views", "contexts", "model")


def subset(n: int) -> Path:
    """The stance inputs of the first ``n`` articles of synth1k (written once per ``n``)."""
    out = HERE / "out" / "stance" / f"inputs_synth{n}.pkl"
    if not out.exists():
        sys.path.insert(0, str(HERE))
        from bench_stance import load_inputs

        tables = load_inputs("synth1k")
        ids = set(list(dict.fromkeys(tables["articles"]["article_id"].tolist()))[:n])
        sub = {k: (df[df["article_id"].isin(ids)].reset_index(drop=True) if "article_id" in df.columns else df)
               for k, df in tables.items()}
        with open(out, "wb") as fh:
            pickle.dump(sub, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return out


def run_step(step: str, inputs: str) -> None:
    """The body of one counted process: warm up, load the inputs, run the stage up to ``step``."""
    sys.path.insert(0, str(HERE))
    from bench_stance import load_inputs, run_stage

    from arnews import stance_model as sm
    from arnews.stance.cues import TokenSentences
    from arnews.stance.stage import gc_paused, lexicon_stance

    run_stage(load_inputs("sample"), "model")
    with open(inputs, "rb") as fh:
        t = pickle.load(fh)
    with gc_paused():
        if step == "model":
            run_stage(t, "model")
        elif step != "none":
            read = TokenSentences(t["tokens"])
            out = lexicon_stance(t, read) if step != "read" else None
            if step in ("views", "contexts"):
                views = list(sm.sentence_views(sm.lexicon_tables({**t, **out}), sentences=read))
                if step == "contexts":
                    [list(sm.pair_contexts(v)) for v in views]


def count(step: str, inputs: Path, lib: str) -> int:
    """Instructions of one step's process under callgrind."""
    # one BLAS thread: OpenBLAS's idle worker threads spin, and callgrind counts the spinning
    # (how much depends on the machine's load), which made the model step's count vary 1.8-6.5
    # billion between runs of one code (bench/RESULTS.md, session 17)
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": lib, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
           "ARNEWS_DATA": os.environ.get("ARNEWS_DATA", str(HERE.parent / "data"))}
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
           "--step", step, "--inputs", str(inputs)]
    err = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stderr
    return int(re.search(r"Collected : (\d+)", err).group(1))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--lib", default=str(HERE.parent / "lib"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--step", choices=STEPS, help=argparse.SUPPRESS)  # inside a counted process
    ap.add_argument("--inputs", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.step:
        run_step(a.step, a.inputs)
        return 0
    inputs = subset(a.articles)
    with ThreadPoolExecutor(a.jobs) as pool:
        got = dict(zip(STEPS, pool.map(lambda s: count(s, inputs, a.lib), STEPS)))
    print(f"instructions (millions), first {a.articles} synthetic articles, lib {a.lib}")
    prev = None
    for s in STEPS[:-1]:
        extra = "" if prev is None else f"   part: {(got[s] - got[prev]) / 1e6:9,.0f}"
        print(f"  {s:9s} {got[s] / 1e6:9,.0f}{extra}")
        prev = s
    stage, model_part = got["model"] - got["none"], got["model"] - got["contexts"]
    print(f"  {'model':9s} {got['model'] / 1e6:9,.0f}   the rest of the model stage: {model_part / 1e6:9,.0f}")
    print(f"stance stage (model method): {stage / 1e6:,.0f} million instructions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
