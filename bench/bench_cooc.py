"""Benchmark: co-occurrence matrices over a synthetic 100k-article corpus.

The mentions table is generated directly (annotating 100k articles is another benchmark,
``bench/run.py``): each article has 5–30 actor mentions (uniform) drawn from a few hundred
actors with Zipfian popularity (a few, like Russia and China, dominate) and mapped to ~40
countries; mentions are spread over 15–40 sentences in paragraphs of 1–3 sentences and
over ~25 tokens per sentence. Articles repeat their actors (each article draws from its own
small cast), as news does. Term co-occurrence uses a synthetic content-word stream
(stopwords already removed): ~12 content words per sentence from a Zipfian vocabulary,
terms seen fewer than ``--min-term-count`` times dropped (as one would before an fcm).

For each step it prints the wall time (untraced run) and the peak memory of a second,
traced run (``tracemalloc``: Python and NumPy/SciPy allocations made during the step),
then the process's max RSS.

    .venv/bin/python bench/bench_cooc.py                # 100k articles, actors + terms
    .venv/bin/python bench/bench_cooc.py --articles 10000 --no-terms
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))

from arnews import cooc  # noqa: E402


def synth_mentions(n_articles: int, n_actors: int, n_countries: int, rng: np.random.Generator):
    """Mentions, sentences and articles tables following the arnews table contract."""
    n_sent = rng.integers(15, 41, n_articles)
    n_ment = rng.integers(5, 31, n_articles)
    aids = np.array([f"art{i:07d}" for i in range(n_articles)], dtype=object)
    # actor popularity: Zipf over actors; each article has a cast of 3-8 actors
    pop = 1.0 / np.arange(1, n_actors + 1) ** 1.1
    pop /= pop.sum()
    cast_size = rng.integers(3, 9, n_articles)
    cast = rng.choice(n_actors, size=(n_articles, 8), p=pop)
    art_of = np.repeat(np.arange(n_articles), n_ment)
    slot = (rng.random(len(art_of)) ** 1.5 * cast_size[art_of]).astype(np.int64)  # the lead actors more often
    actor = cast[art_of, slot]
    ntok = n_sent * 25
    pos = (rng.random(len(art_of)) * ntok[art_of]).astype(np.int64)
    order = np.lexsort((pos, art_of))
    art_of, actor, pos = art_of[order], actor[order], pos[order]
    span = rng.choice([0, 0, 0, 1, 2], size=len(pos))
    sid = np.minimum(pos // 25, n_sent[art_of] - 1)
    country_of = np.concatenate([np.arange(min(n_countries, n_actors)), rng.integers(0, n_countries, max(0, n_actors - n_countries))])
    types = np.where(np.arange(n_actors) < n_countries, "country", "person")
    actor_ids = np.array([f"A{i:03d}" for i in range(n_actors)], dtype=object)
    country_ids = np.array([f"C{i:02d}" for i in range(n_countries)], dtype=object)
    mentions = pd.DataFrame(
        {
            "article_id": aids[art_of],
            "sentence_id": sid.astype(np.int32),
            "start": (pos * 6).astype(np.int32),
            "end": ((pos + span) * 6 + 5).astype(np.int32),
            "surface": "x",
            "actor_id": actor_ids[actor],
            "actor_type": types[actor],
            "country": country_ids[country_of[actor]],
            "token_start": pos.astype(np.int32),
            "token_end": (pos + span).astype(np.int32),
        }
    )
    s_art = np.repeat(np.arange(n_articles), n_sent)
    s_id = np.arange(len(s_art)) - np.repeat(np.cumsum(n_sent) - n_sent, n_sent)
    sentences = pd.DataFrame({"article_id": aids[s_art], "sentence_id": s_id.astype(np.int32)})
    # paragraphs of 1-3 sentences: a new paragraph starts with probability 1/2
    new_para = (rng.random(len(s_art)) < 0.5) | (s_id == 0)
    para = np.cumsum(new_para) - 1
    first = np.repeat(para[np.cumsum(n_sent) - n_sent], n_sent)
    sentences["paragraph_id"] = (para - first).astype(np.int64)
    dates = pd.Timestamp("2018-01-01") + pd.to_timedelta(rng.integers(0, 8 * 365, n_articles), unit="D")
    articles = pd.DataFrame({"article_id": aids, "date": dates})
    return mentions, sentences, articles


def synth_terms(sentences: pd.DataFrame, vocab: int, per_sentence: int, rng: np.random.Generator) -> pd.DataFrame:
    """Occurrence table of content words: ``per_sentence`` ± 5 words per sentence, Zipf(1.05)."""
    n = rng.integers(per_sentence - 5, per_sentence + 6, len(sentences))
    rows = np.repeat(np.arange(len(sentences)), n)
    ranks = np.arange(1, vocab + 1)
    p = 1.0 / ranks**1.05
    p /= p.sum()
    feat = rng.choice(vocab, size=len(rows), p=p)
    art = sentences["article_id"].to_numpy()[rows]
    sid = sentences["sentence_id"].to_numpy()[rows]
    offset_in_sentence = np.arange(len(rows)) - np.repeat(np.cumsum(n) - n, n)
    pos = sid.astype(np.int64) * 25 + offset_in_sentence * 2
    return pd.DataFrame({"article_id": art, "sentence_id": sid, "start": pos, "end": pos, "feature": feat})


def measure(label: str, fn):
    """Run ``fn`` twice: once timed (no tracing, which would slow object-heavy code), once
    under ``tracemalloc`` for the peak memory allocated during the step."""
    t0 = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t0
    del out
    tracemalloc.start()
    out = fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  {label:<58s} {dt:7.2f} s   peak {peak / 2**20:8.1f} MiB", flush=True)
    return out, dt, peak


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--actors", type=int, default=300)
    ap.add_argument("--countries", type=int, default=40)
    ap.add_argument("--window", type=int, default=10)
    ap.add_argument("--no-terms", action="store_true", help="skip term co-occurrence")
    ap.add_argument("--vocab", type=int, default=100_000)
    ap.add_argument("--words-per-sentence", type=int, default=12)
    ap.add_argument("--min-term-count", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    rng = np.random.default_rng(a.seed)

    t0 = time.perf_counter()
    mentions, sentences, articles = synth_mentions(a.articles, a.actors, a.countries, rng)
    print(
        f"synthetic corpus: {a.articles:,} articles, {len(sentences):,} sentences, "
        f"{sentences.groupby(['article_id', 'paragraph_id']).ngroups:,} paragraphs, {len(mentions):,} mentions "
        f"of {mentions['actor_id'].nunique()} actors ({time.perf_counter() - t0:.1f} s to generate)",
        flush=True,
    )
    print("actor co-occurrence (build the matrix = incidence X, X.T @ X):")
    occ, *_ = measure("actor_occurrences(level='actor')", lambda: cooc.actor_occurrences(mentions))
    results = {}
    for ctx in ("sentence", "paragraph", "article"):
        m, dt, peak = measure(
            f"cooccurrence(context={ctx!r})",
            lambda ctx=ctx: cooc.cooccurrence(occ, ctx, sentences=sentences, articles=articles),
        )
        results[ctx] = (dt, peak)
        print(f"      -> {m!r}")
    m, dt, peak = measure(f"cooccurrence(context='window', window={a.window})", lambda: cooc.cooccurrence(occ, "window", window=a.window))
    print(f"      -> {m!r}")
    ms = cooc.cooccurrence(occ, "sentence", sentences=sentences)
    p, *_ = measure("pairs() with all measures (sentence matrix)", lambda: ms.pairs())
    print(f"      -> {len(p):,} pairs")
    occ_c = cooc.actor_occurrences(mentions, "country")
    bp, *_ = measure("country level, per year (cooccurrence_by_period, sentence)", lambda: cooc.cooccurrence_by_period(occ_c, articles, "Y", "sentence", sentences=sentences))
    print(f"      -> {len(bp):,} (period, pair) rows")
    if not a.no_terms:
        print("term co-occurrence:")
        terms = synth_terms(sentences[["article_id", "sentence_id"]], a.vocab, a.words_per_sentence, rng)
        vc = terms["feature"].value_counts()
        terms = terms[terms["feature"].map(vc).to_numpy() >= a.min_term_count]
        print(f"  {len(terms):,} content-word occurrences, {terms['feature'].nunique():,} terms seen >= {a.min_term_count} times", flush=True)
        for ctx in ("sentence",):
            m, *_ = measure(f"cooccurrence(terms, context={ctx!r})", lambda ctx=ctx: cooc.cooccurrence(terms, ctx, sentences=sentences))
            print(f"      -> {m!r}")
            del m
        m, *_ = measure("cooccurrence(terms, context='window', window=5)", lambda: cooc.cooccurrence(terms, "window", window=5))
        print(f"      -> {m!r}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS: {rss:,.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
