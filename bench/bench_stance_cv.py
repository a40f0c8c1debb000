"""Training and cross-validation time of the stance model (issue 15): wall seconds.

``evaluate stance`` cross-validates the model with each writing batch held out in turn, and
training itself holds out each batch once (for the out-of-batch probabilities), so the pair
layer is fitted (batches)^2 times. This prints the wall time of one cross-validation on the
first ``--batches`` batches of the written corpus done three ways:

* ``per fold``: every fold fits its own layers in one process (how it was done before
  ``arnews.stance_layers``: 324 pair-layer fits for 18 batches);
* ``shared, 1 job``: each distinct pair layer fitted once and shared by the folds;
* ``shared, N jobs``: the same in N worker processes (``--jobs``).

and checks that the three give the same predictions.

    python bench/bench_stance_cv.py --batches 6 --jobs 2
"""
from __future__ import annotations

import argparse
import time

import pandas as pd

from arnews import stance_train


def _per_fold(examples) -> tuple[pd.DataFrame, pd.DataFrame]:
    pairs, tones = [], []
    for g in sorted({e.group for e in examples}):
        model = stance_train.fit([e for e in examples if e.group != g], n_jobs=1)
        p, t = stance_train.predict_examples(model, [e for e in examples if e.group == g])
        pairs.append(p)
        tones.append(t)
    return pd.concat(pairs, ignore_index=True), pd.concat(tones, ignore_index=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batches", type=int, default=6, help="the first N writing batches (sorted by name)")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    rows = stance_train.read_written()
    keep = sorted(rows["batch"].unique())[: a.batches]
    rows = rows[rows["batch"].isin(keep)].reset_index(drop=True)
    examples = stance_train.prepare(rows)
    print(f"{len(examples)} sentences, batches {', '.join(keep)}")
    results = {}
    for name, run in (("per fold", lambda: _per_fold(examples)),
                      ("shared, 1 job", lambda: stance_train.cross_validate(examples, n_jobs=1)),
                      (f"shared, {a.jobs} jobs", lambda: stance_train.cross_validate(examples, n_jobs=a.jobs))):
        t0 = time.perf_counter()
        results[name] = run()
        print(f"  {name:<16} {time.perf_counter() - t0:8.1f} s wall", flush=True)
    ref_p, ref_t = results["per fold"]
    same = all(p.sort_values(["article_id", "sentence_id", "a", "b"]).reset_index(drop=True)
               .equals(ref_p.sort_values(["article_id", "sentence_id", "a", "b"]).reset_index(drop=True))
               and t.equals(ref_t) for p, t in results.values())
    print(f"  same predictions: {same}")


if __name__ == "__main__":
    main()
