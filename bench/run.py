"""Benchmark: annotation throughput, memory, cache, frequency and co-occurrence timings.

Builds synthetic corpora (see ``bench/synth.py``) of the requested sizes and prints, for
each size:

* bare ``camel_tools`` ``simple_word_tokenize`` throughput over the same raw text (the
  reference) and the ratio of the end-to-end pipeline to it;
* per-stage throughput (first 1,000 articles, one process, stages run cumulatively);
* end-to-end throughput of the default pipeline streamed to Parquet, with 1 and N workers,
  and the peak memory of the whole process tree;
* the time to run again over the unchanged corpus (cache reload);
* the time of a frequency table and of the actor co-occurrence matrix over the result.

    python bench/run.py                       # 1k and 10k articles
    python bench/run.py --sizes 1000,10000,100000 --workers 2

With ``--report`` it instead runs the whole ``python -m arnews report`` (annotation
included, in a fresh cache) on each size and prints, per phase (annotation, then each
notebook), the wall time, the peak memory of all processes (the report process, its
annotation workers and the notebook kernels) and the size of each HTML page, and appends
the table with the cost curve to ``bench/RESULTS.md`` (``--results``):

    python bench/run.py --report --sizes 1000,10000,100000
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import threading
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "lib"))
sys.path.insert(0, str(REPO / "bench"))

from synth import write_corpus  # noqa: E402


class PeakMemory:
    """Samples the memory of this process and all its children (psutil): the proportional
    set size (PSS, shared pages split between the processes sharing them) where the OS
    provides it, else the resident set size (which counts forked shared pages twice)."""

    def __init__(self, interval: float = 0.25):
        import psutil

        self.proc = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()

    def _rss(self) -> int:
        total = 0
        try:
            procs = [self.proc, *self.proc.children(recursive=True)]
        except Exception:  # the process has exited
            return 0
        for p in procs:
            try:
                total += getattr(p.memory_full_info(), "pss", None) or p.memory_info().rss
            except Exception:
                pass
        return total

    def __enter__(self):
        self.peak = self._rss()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()
        return self

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self._rss())
            time.sleep(self.interval)

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, self._rss())


def bare_tokenize_rate(texts: list[str]) -> tuple[int, float]:
    from camel_tools.tokenizers.word import simple_word_tokenize

    t0 = time.perf_counter()
    n = 0
    for t in texts:
        n += len(simple_word_tokenize(t))
    return n, time.perf_counter() - t0


def stage_rates(corpus: Path, n: int = 1000) -> list[dict]:
    """Cumulative per-stage timings on the first ``n`` articles, in this process."""
    from arnews.corpus import iter_corpus
    from arnews.pipeline import _stage_fn, available_stages

    arts = next(iter_corpus(corpus, chunk_size=n, id_column="article_id"))
    arts.attrs = {}
    tables = {"articles": arts}
    out = []
    for s in available_stages():
        fn = _stage_fn(s)
        t0 = time.perf_counter()
        tables.update(fn(tables))
        dt = time.perf_counter() - t0
        out.append({"stage": s, "seconds": dt})
    n_tok = len(tables["tokens"])
    for r in out:
        r["tokens_per_s"] = n_tok / r["seconds"] if r["seconds"] else float("inf")
    return out


def run_size(n: int, workers: int, outdir: Path, keep: bool) -> dict:
    from arnews.pipeline import annotate_to_parquet

    corpus = outdir / f"corpus_{n}.parquet"
    if not corpus.exists():
        t0 = time.perf_counter()
        write_corpus(n, corpus)
        print(f"  built {corpus} in {time.perf_counter() - t0:.1f}s", flush=True)
    texts = pd.read_parquet(corpus, columns=["text"])["text"].tolist()
    n_chars = sum(map(len, texts))
    ref_tokens, ref_s = bare_tokenize_rate(texts)
    del texts
    res: dict = {"articles": n, "chars": n_chars, "bare_tokens": ref_tokens, "bare_seconds": ref_s, "bare_tokens_per_s": ref_tokens / ref_s}
    print(f"  bare simple_word_tokenize: {ref_tokens:,} tokens in {ref_s:.1f}s = {ref_tokens / ref_s:,.0f} tokens/s", flush=True)

    runs = []
    for w in sorted({1, workers}):
        if n > 10_000 and w == 1:
            continue  # the 1-worker rate is measured on the smaller sizes
        out = outdir / f"ann_{n}_w{w}"
        cache = outdir / f"cache_{n}_w{w}"
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        with PeakMemory() as mem:
            t0 = time.perf_counter()
            counts = annotate_to_parquet(corpus, out, workers=w, cache=cache, chunk_size=500, progress=False, id_column="article_id")
            dt = time.perf_counter() - t0
        t0 = time.perf_counter()
        counts2 = annotate_to_parquet(corpus, out, workers=w, cache=cache, chunk_size=500, progress=False, id_column="article_id")
        reload_s = time.perf_counter() - t0
        assert counts2["chunks_from_cache"] > 0
        tok = counts["tokens"]
        runs.append({
            "workers": w, "seconds": dt, "tokens": tok, "tokens_per_s": tok / dt,
            "ratio_to_bare": (tok / dt) / (ref_tokens / ref_s), "peak_rss_gib": mem.peak / 2**30,
            "cache_reload_seconds": reload_s, "rows": counts,
        })
        print(
            f"  end-to-end, {w} worker(s): {tok:,} tokens in {dt:.1f}s = {tok / dt:,.0f} tokens/s "
            f"({(tok / dt) / (ref_tokens / ref_s):.0%} of bare tokenizer); peak memory {mem.peak / 2**30:.2f} GiB; "
            f"cache reload {reload_s:.1f}s",
            flush=True,
        )
    res["runs"] = runs
    last = outdir / f"ann_{n}_w{runs[-1]['workers']}"
    res.update(analysis_timings(last))
    if not keep:
        for w in (1, workers):
            shutil.rmtree(outdir / f"ann_{n}_w{w}", ignore_errors=True)
            shutil.rmtree(outdir / f"cache_{n}_w{w}", ignore_errors=True)
    return res


def analysis_timings(ann_dir: Path) -> dict:
    """Frequency table over all tokens and the actor co-occurrence matrix (sentence context)."""
    out = {}
    tokens = pd.read_parquet(ann_dir / "tokens.parquet", columns=["article_id", "sentence_id", "token_id", "norm", "is_word"])
    try:
        from arnews import freq

        t0 = time.perf_counter()
        ft = freq.frequency_table(tokens, form="norm")
        out["freq_seconds"] = time.perf_counter() - t0
        print(f"  frequency table over {len(tokens):,} tokens: {out['freq_seconds']:.2f}s ({len(ft):,} types)", flush=True)
    except (ImportError, AttributeError, TypeError) as e:
        print(f"  frequency table: not measured ({e})")
    del tokens
    mpath = ann_dir / "mentions.parquet"
    if mpath.exists():
        from arnews import cooc

        mentions = pd.read_parquet(mpath)
        t0 = time.perf_counter()
        cooc.cooccurrence(cooc.actor_occurrences(mentions), context="sentence")
        out["cooc_seconds"] = time.perf_counter() - t0
        print(f"  actor co-occurrence matrix over {len(mentions):,} mentions: {out['cooc_seconds']:.2f}s", flush=True)
    return out


def camel_rate(corpus: Path, n: int = 1000) -> dict | None:
    """Throughput of the CAMeL MLE lemma backend after warm-up (type-level cache), measured
    with the real camel_tools Analyzer + MLE disambiguator on the tiny morphology DB the tests
    build (no CAMeL data can be downloaded here); words outside that DB fall back to the
    offline rules, which does not change the warm (cached) path being measured."""
    import tempfile

    sys.path.insert(0, str(REPO / "tests"))
    try:
        from camel_fixture import make_camel_data
    except ImportError:
        return None
    from arnews.corpus import iter_corpus
    from arnews.morph import Lemmatizer, add_lemmas
    from arnews.pipeline import annotate_chunk

    arts = next(iter_corpus(corpus, chunk_size=n, id_column="article_id"))
    arts.attrs = {}
    toks = annotate_chunk(arts, ["clean", "text"])["tokens"]
    with tempfile.TemporaryDirectory() as d:
        os.environ["CAMELTOOLS_DATA"] = str(make_camel_data(Path(d)))
        try:
            lem = Lemmatizer("camel")
            t0 = time.perf_counter()
            add_lemmas(toks, lemmatizer=lem)
            cold = time.perf_counter() - t0
            t0 = time.perf_counter()
            out = add_lemmas(toks, lemmatizer=lem)
            warm = time.perf_counter() - t0
        finally:
            del os.environ["CAMELTOOLS_DATA"]
    share = (out["lemma_backend"] == "camel").mean()
    return {"tokens": len(toks), "types": lem.calls, "cold_seconds": cold, "warm_seconds": warm,
            "warm_tokens_per_s": len(toks) / warm, "share_from_camel_db": share}


# ---------------------------------------------------------------------------
# The whole report (python -m arnews report) per corpus size
# ---------------------------------------------------------------------------


class PhasePeaks(PeakMemory):
    """Peak memory of the process tree per phase; ``phase`` is switched from outside."""

    def __init__(self, root_pid: int, interval: float = 0.5):
        import psutil

        super().__init__(interval)
        self.proc = psutil.Process(root_pid)
        self.phase = "annotation"
        self.peaks: dict[str, int] = {}

    def _run(self):
        while not self._stop.is_set():
            v = self._rss()
            self.peak = max(self.peak, v)
            self.peaks[self.phase] = max(self.peaks.get(self.phase, 0), v)
            time.sleep(self.interval)


def run_report_size(n: int, outdir: Path, timeout: int | None = None, label: str = "") -> dict:
    """Run ``python -m arnews report`` on a synthetic corpus of ``n`` articles, in a fresh cache.

    Returns ``{"articles", "total_seconds", "peak_gib", "phases": [{"phase", "seconds",
    "peak_gib", "page_mb"}], "status"}``; phases are timed from the report's own log lines.
    """
    import re
    import subprocess

    corpus = outdir / f"corpus_{n}.parquet"
    if not corpus.exists():
        write_corpus(n, corpus)
    out = outdir / f"report_{n}{label}"
    cache = outdir / f"report_cache_{n}{label}"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    env = {**os.environ, "ARNEWS_CACHE": str(cache), "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "arnews", "report", "--corpus", str(corpus), "--out", str(out)]
    if timeout:
        cmd += ["--timeout", str(timeout)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=str(REPO))
    phases: list[dict] = []
    start = {"annotation": t0}
    log = []
    with PhasePeaks(proc.pid) as mem:
        for line in proc.stdout:
            log.append(line)
            m = re.match(r"\[(\d+)/(\d+)\] (\S+)\.ipynb", line.strip())
            if m:
                now = time.perf_counter()
                prev = mem.phase
                phases.append({"phase": prev, "seconds": now - start[prev]})
                mem.phase = m.group(3)
                start[mem.phase] = now
                print(f"    {prev}: {now - start[prev]:.1f}s", flush=True)
        rc = proc.wait()
        now = time.perf_counter()
        phases.append({"phase": mem.phase, "seconds": now - start[mem.phase]})
    total = time.perf_counter() - t0
    for ph in phases:
        ph["peak_gib"] = mem.peaks.get(ph["phase"], 0) / 2**30
        page = out / f"{ph['phase']}.html"
        ph["page_mb"] = page.stat().st_size / 1e6 if page.exists() else None
        code = out / f"{ph['phase']}.code.html"
        ph["code_page_mb"] = code.stat().st_size / 1e6 if code.exists() else None
    (outdir / f"report_{n}{label}.log").write_text("".join(log), encoding="utf-8")
    res = {"articles": n, "total_seconds": total, "peak_gib": mem.peak / 2**30, "phases": phases, "status": "ok" if rc == 0 else f"exit {rc}"}
    print(f"  {n:,} articles: {total:.0f}s, peak {mem.peak / 2**30:.2f} GiB, exit {rc}", flush=True)
    for ph in phases:
        pm = f"{ph['page_mb']:.2f} MB" if ph["page_mb"] is not None else "-"
        print(f"    {ph['phase']:<18} {ph['seconds']:8.1f}s  peak {ph['peak_gib']:.2f} GiB  page {pm}", flush=True)
    shutil.rmtree(cache, ignore_errors=True)
    return res


def report_markdown(results: list[dict], title: str) -> str:
    """The per-notebook table (seconds / peak GiB / page MB per size) and the cost curve."""
    sizes = [r["articles"] for r in results]
    names = list(dict.fromkeys(ph["phase"] for r in results for ph in r["phases"]))
    head = "| phase | " + " | ".join(f"{n:,}: s / GiB / MB" for n in sizes) + " |"
    lines = [f"### {title}", "", head, "|---|" + "---:|" * len(sizes)]
    for name in names:
        cells = []
        for r in results:
            ph = next((p for p in r["phases"] if p["phase"] == name), None)
            if ph is None:
                cells.append("—")
                continue
            mb = f"{ph['page_mb']:.2f}" if ph.get("page_mb") is not None else "–"
            cells.append(f"{ph['seconds']:.0f} / {ph['peak_gib']:.2f} / {mb}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("| **whole report** | " + " | ".join(f"**{r['total_seconds']:.0f} / {r['peak_gib']:.2f}** ({r['status']})" for r in results) + " |")
    if len(results) > 1:
        lines += ["", "Cost curve (seconds per 1,000 articles; a flat row is linear):", "",
                  "| phase | " + " | ".join(f"{n:,}" for n in sizes) + " |", "|---|" + "---:|" * len(sizes)]
        for name in names + ["whole report"]:
            cells = []
            for r in results:
                sec = r["total_seconds"] if name == "whole report" else next((p["seconds"] for p in r["phases"] if p["phase"] == name), None)
                cells.append(f"{1000 * sec / r['articles']:.2f}" if sec is not None else "—")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--report", action="store_true", help="run the whole `arnews report` per size (see above)")
    ap.add_argument("--timeout", type=int, default=None, help="--report: seconds allowed per notebook cell")
    ap.add_argument("--results", default=None, help="--report: append the table to this Markdown file (default: print only)")
    ap.add_argument("--title", default="arnews report", help="--report: heading of the appended table")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out", default=str(REPO / "bench" / "out"))
    ap.add_argument("--keep", action="store_true", help="keep annotation output and caches")
    ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)
    outdir = Path(args.out)
    outdir.mkdir(parents=True, exist_ok=True)
    import arnews

    print(f"arnews {arnews.__version__}, Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')}")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.report:
        res = [run_report_size(n, outdir, args.timeout) for n in sizes]
        md = report_markdown(res, f"{args.title} ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores)")
        print(md)
        if args.results:
            with open(args.results, "a", encoding="utf-8") as f:
                f.write("\n" + md)
        if args.json:
            Path(args.json).write_text(json.dumps(res, indent=2, default=str))
        return 0
    first = outdir / f"corpus_{sizes[0]}.parquet"
    if not first.exists():
        write_corpus(sizes[0], first)
    print("per-stage (first 1,000 articles, 1 process, cumulative):")
    stages = stage_rates(first, min(1000, sizes[0]))
    for r in stages:
        print(f"  {r['stage']:<8} {r['seconds']:7.2f}s  {r['tokens_per_s']:>12,.0f} tokens/s")
    results = {"stages": stages, "sizes": []}
    cr = camel_rate(first, min(1000, sizes[0]))
    if cr:
        results["camel"] = cr
        print(f"CAMeL MLE lemma backend (test DB): cold {cr['types']:,} types in {cr['cold_seconds']:.1f}s; "
              f"after warm-up {cr['tokens']:,} tokens in {cr['warm_seconds']:.2f}s = {cr['warm_tokens_per_s']:,.0f} tokens/s "
              f"({cr['share_from_camel_db']:.0%} of tokens analysed by the DB)")
    for n in sizes:
        print(f"{n:,} articles:")
        results["sizes"].append(run_size(n, args.workers, outdir, args.keep))
    if len(results["sizes"]) > 1:
        print("scaling (seconds per 1M tokens, most workers):")
        for r in results["sizes"]:
            run = r["runs"][-1]
            print(f"  {r['articles']:>7,} articles: {1e6 * run['seconds'] / run['tokens']:.2f}s per 1M tokens")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
