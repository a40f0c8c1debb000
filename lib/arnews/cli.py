"""Command line: ``python -m arnews {annotate,evaluate,report,export,dedupe,label,learn-stance,train-stance,train-speakers} …``.

Examples::

    python -m arnews annotate data/articles --out out/annotations
    python -m arnews annotate my_corpus.csv --text-column body --workers 2 --out out/my
    python -m arnews evaluate all
    python -m arnews evaluate stance --gold labels.csv --corpus my_corpus
    python -m arnews report --corpus data/articles --out reports
    python -m arnews export out/annotations --out out/exports
    python -m arnews label my_corpus --n 200 --out labels.csv
    python -m arnews train-stance
    python -m arnews train-speakers
"""
from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

from .evaluation import EVALUATIONS  # evaluation name -> module providing evaluation_report() -> str


class UsageError(ValueError):
    """A command-line value that cannot work; printed as one line, exit code 2."""


def _stages(value: str | None) -> list[str] | None:
    """``--stages clean,text`` as a list, checked against the pipeline's stages."""
    from .pipeline import STAGES

    if value is None:
        return None
    names = [s.strip() for s in value.split(",") if s.strip()]
    unknown = [s for s in names if s not in STAGES]
    if unknown or not names:
        raise UsageError(f"--stages {value!r}: unknown stage(s) {', '.join(unknown) or '(none given)'}; "
                         f"stages are {', '.join(STAGES)}")
    return names


def _check_numbers(args: argparse.Namespace) -> None:
    for flag, value in (("--workers", args.workers), ("--chunk-size", args.chunk_size)):
        if value is not None and value < 1:
            raise UsageError(f"{flag} {value}: must be at least 1")


def _annotate(args: argparse.Namespace) -> int:
    """Check the arguments, then run; every expected failure is one line on stderr, exit 2."""
    try:
        return _run_annotate(args)
    except (ValueError, OSError) as e:  # CorpusError, StoreError, UsageError are ValueErrors
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"interrupted: {args.out} left as it was", file=sys.stderr)
        return 130


def _run_annotate(args: argparse.Namespace) -> int:
    """Stream the corpus chunk by chunk to Parquet (local engine) or run it on Dask."""
    import pandas as pd

    from .pipeline import annotate_to_parquet

    stages = _stages(args.stages)
    _check_numbers(args)
    load_kw = {"text_column": args.text_column, "id_column": args.id_column, "recursive": args.recursive,
               "dayfirst": args.dayfirst}
    t0 = time.perf_counter()
    if args.engine == "dask":
        from .distributed import annotate_dask_to_parquet

        if args.dedupe != "off":
            raise UsageError("--dedupe works with the local engine only (deduplicate the Parquet corpus first: "
                             "python -m arnews dedupe)")
        counts = annotate_dask_to_parquet(
            args.corpus, args.out, stages=stages, chunk_size=args.chunk_size, scheduler=args.scheduler, **load_kw
        )
    else:
        source = args.corpus
        if args.dedupe != "off":
            from .corpus import load_corpus
            from .dedupe import apply_dedupe

            source = apply_dedupe(load_corpus(args.corpus, **load_kw), args.dedupe)
        counts = annotate_to_parquet(
            source,
            args.out,
            stages=stages,
            chunk_size=args.chunk_size,
            workers=args.workers or _default_workers(),
            cache=False if args.no_cache else (args.cache_dir or True),
            input_path=args.corpus,  # protected from --out also when --dedupe loaded it first
            **load_kw,
        )
    dt = time.perf_counter() - t0
    rep = pd.read_parquet(Path(args.out) / "load_report.parquet")
    skipped = rep[rep["status"] != "loaded"]
    flagged = rep[(rep["status"] == "loaded") & (rep["reason"].fillna("") != "")]
    print(f"loaded {counts.get('articles', 0)} articles from {args.corpus}; skipped {len(skipped)}; "
          f"flagged {len(flagged)}")
    for _, r in pd.concat([skipped, flagged]).iterrows():
        print(f"  {r['status']} {r['source']}: {r['reason']}")
    hits = counts.pop("chunks_from_cache", 0)
    print(f"annotated in {dt:.1f}s ({hits} chunks from cache)")
    for name, n in counts.items():
        print(f"  {name}.parquet: {n} rows")
    print(f"wrote {args.out}")
    return 0


def _default_workers() -> int:
    from .resources import default_workers

    return default_workers()


def _evaluate(args: argparse.Namespace) -> int:
    if args.gold:
        if args.what != "stance":
            print("error: --gold works with `evaluate stance` only", file=sys.stderr)
            return 2
        from .validate import evaluate_main

        return evaluate_main(args.gold, args.corpus, args.model)
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


def _train_stance(args: argparse.Namespace) -> int:
    """Rebuild the shipped stance model from the written corpus (deterministic)."""
    from .stance_train import build

    path = build(args.out, args.data)
    print(f"wrote {path}")
    return 0


def _train_speakers(args: argparse.Namespace) -> int:
    """Rebuild the shipped speaker-state chooser from the written quote gold (deterministic)."""
    from .speakers.chooser_train import build

    print(f"wrote {build(args.out)}")
    return 0


#: Commands with their own argument parser: name -> (module, function).
PASSTHROUGH = {
    "report": ("arnews.report", "main"),
    "export": ("arnews.export", "main"),
    "dedupe": ("arnews.dedupe", "main"),
    "label": ("arnews.validate", "main"),
    "learn-stance": ("arnews.validate_learn", "learn_main"),
}


def main(argv: list[str] | None = None) -> int:
    from .logconfig import add_global_arguments, configure_logging, parse_global_options

    g = parse_global_options(list(sys.argv[1:] if argv is None else argv))
    configure_logging(g.verbosity)
    argv = g.argv
    if argv and argv[0] in PASSTHROUGH:
        mod, fn = PASSTHROUGH[argv[0]]
        return getattr(importlib.import_module(mod), fn)(argv[1:])
    p = argparse.ArgumentParser(prog="python -m arnews", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_global_arguments(p)
    sub = p.add_subparsers(dest="cmd", required=True)

    a = sub.add_parser("annotate", help="annotate a corpus and write Parquet tables")
    a.add_argument("corpus", help="folder of .txt files (optional metadata.csv) or a CSV/TSV/JSONL/Parquet file")
    a.add_argument("--out", required=True, help="output folder for the .parquet tables")
    a.add_argument("--text-column", default="text", help="text column for table inputs (default: text)")
    a.add_argument("--id-column", default=None, help="id column for table inputs")
    a.add_argument("--recursive", action="store_true", help="read .txt files in sub-folders too (without it they are listed as skipped)")
    order = a.add_mutually_exclusive_group()
    order.add_argument("--dayfirst", dest="dayfirst", action="store_const", const=True, default=None,
                       help="read dates like 05/06/2022 as day/month (default: detected per column, else day-first)")
    order.add_argument("--monthfirst", dest="dayfirst", action="store_const", const=False,
                       help="read dates like 05/06/2022 as month/day")
    a.add_argument("--stages", default=None, help="comma-separated stages (default: all)")
    a.add_argument("--workers", type=int, default=None, help="processes (local engine; default: every available core)")
    a.add_argument("--engine", choices=["local", "dask"], default="local")
    a.add_argument("--scheduler", default=None, help="Dask scheduler address (engine=dask)")
    a.add_argument("--chunk-size", type=int, default=200)
    a.add_argument("--no-cache", action="store_true")
    a.add_argument("--cache-dir", default=None)
    a.add_argument("--dedupe", choices=["off", "near"], default="off",
                   help="near: keep one article per group of near-identical articles (listed in the load report)")
    a.set_defaults(fn=_annotate)

    e = sub.add_parser("evaluate", help="print accuracy figures from the labelled data in data/gold/")
    e.add_argument("what", choices=["all", *EVALUATIONS], nargs="?", default="all")
    e.add_argument("--gold", default=None, help="your own labelled sentences (stance only; see `label`)")
    e.add_argument("--corpus", default=None, help="the corpus the --gold sentences come from")
    e.add_argument("--model", default=None, help="stance model file to evaluate (default: the shipped one)")
    e.set_defaults(fn=_evaluate)

    t = sub.add_parser("train-stance", help="rebuild the stance model from data/gold/stance_written/")
    t.add_argument("--out", default=None, help="model file (default: data/models/stance_model.json.gz)")
    t.add_argument("--data", default=None, help="labelled CSV or folder of CSVs (default: data/gold/stance_written)")
    t.set_defaults(fn=_train_stance)
    ts = sub.add_parser("train-speakers", help="rebuild the speaker-state chooser from data/gold/quotes_written.csv")
    ts.add_argument("--out", default=None, help="model file (default: data/models/speaker_chooser.json)")
    ts.set_defaults(fn=_train_speakers)

    sub.add_parser("report", help="run every notebook and export HTML reports (see --help after 'report')")
    sub.add_parser("export", help="document-term matrix, GEXF networks, CSV tables (see --help after 'export')")
    sub.add_parser("dedupe", help="near-duplicate article groups (see --help after 'dedupe')")
    sub.add_parser("label", help="sample sentences of your corpus to label (see --help after 'label')")
    sub.add_parser("learn-stance", help="retrain the stance model with your labels (see --help after 'learn-stance')")

    args = p.parse_args(argv)
    return args.fn(args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
