"""Command line: ``python -m arnews {annotate,evaluate,report} …``.

Examples::

    python -m arnews annotate data/articles --out out/annotations
    python -m arnews annotate my_corpus.csv --text-column body --workers 2 --out out/my
    python -m arnews evaluate all
    python -m arnews report --corpus data/articles --out reports
"""
from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

# Evaluation name -> module providing ``evaluation_report() -> str``.
EVALUATIONS = {
    "lemmas": "arnews.morph",
    "actors": "arnews.actors",
    "quotes": "arnews.quotes",
    "stance": "arnews.stance",
}


def _annotate(args: argparse.Namespace) -> int:
    """Stream the corpus chunk by chunk to Parquet (local engine) or run it on Dask."""
    import pandas as pd

    from .corpus import CorpusError
    from .pipeline import annotate_to_parquet

    stages = args.stages.split(",") if args.stages else None
    load_kw = {"text_column": args.text_column, "id_column": args.id_column, "recursive": args.recursive}
    t0 = time.perf_counter()
    try:
        if args.engine == "dask":
            from .distributed import annotate_dask_to_parquet

            counts = annotate_dask_to_parquet(
                args.corpus, args.out, stages=stages, chunk_size=args.chunk_size, scheduler=args.scheduler, **load_kw
            )
        else:
            counts = annotate_to_parquet(
                args.corpus,
                args.out,
                stages=stages,
                chunk_size=args.chunk_size,
                workers=args.workers or _default_workers(),
                cache=False if args.no_cache else (args.cache_dir or True),
                **load_kw,
            )
    except (CorpusError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    dt = time.perf_counter() - t0
    rep = pd.read_parquet(Path(args.out) / "load_report.parquet")
    skipped = rep[rep["status"] != "loaded"]
    print(f"loaded {int((rep['status'] == 'loaded').sum())} articles from {args.corpus}; skipped {len(skipped)}")
    for _, r in skipped.iterrows():
        print(f"  {r['status']} {r['source']}: {r['reason']}")
    hits = counts.pop("chunks_from_cache", 0)
    print(f"annotated in {dt:.1f}s ({hits} chunks from cache)")
    for name, n in counts.items():
        print(f"  {name}.parquet: {n} rows")
    print(f"wrote {args.out}")
    return 0


def _default_workers() -> int:
    from .notebook import default_workers

    return default_workers()


def _evaluate(args: argparse.Namespace) -> int:
    names = list(EVALUATIONS) if args.what == "all" else [args.what]
    status = 0
    for name in names:
        try:
            mod = importlib.import_module(EVALUATIONS[name])
            fn = getattr(mod, "evaluation_report")
        except (ModuleNotFoundError, AttributeError) as e:
            print(f"== {name}: not available ({e})")
            status = 1
            continue
        print(f"== {name}")
        print(fn())
        print()
    return status


def _report(argv: list[str]) -> int:
    from .report import main as report_main

    return report_main(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "report":
        return _report(argv[1:])
    p = argparse.ArgumentParser(prog="python -m arnews", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)

    a = sub.add_parser("annotate", help="annotate a corpus and write Parquet tables")
    a.add_argument("corpus", help="folder of .txt files (optional metadata.csv) or a CSV/TSV/JSONL/Parquet file")
    a.add_argument("--out", required=True, help="output folder for the .parquet tables")
    a.add_argument("--text-column", default="text", help="text column for table inputs (default: text)")
    a.add_argument("--id-column", default=None, help="id column for table inputs")
    a.add_argument("--recursive", action="store_true", help="read .txt files in sub-folders too")
    a.add_argument("--stages", default=None, help="comma-separated stages (default: all)")
    a.add_argument("--workers", type=int, default=None, help="processes (local engine; default: every available core)")
    a.add_argument("--engine", choices=["local", "dask"], default="local")
    a.add_argument("--scheduler", default=None, help="Dask scheduler address (engine=dask)")
    a.add_argument("--chunk-size", type=int, default=200)
    a.add_argument("--no-cache", action="store_true")
    a.add_argument("--cache-dir", default=None)
    a.set_defaults(fn=_annotate)

    e = sub.add_parser("evaluate", help="print accuracy figures from the labelled data in data/gold/")
    e.add_argument("what", choices=["all", *EVALUATIONS], nargs="?", default="all")
    e.set_defaults(fn=_evaluate)

    sub.add_parser("report", help="run every notebook and export HTML reports (see --help after 'report')")

    args = p.parse_args(argv)
    return args.fn(args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
