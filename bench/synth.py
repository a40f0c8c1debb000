"""Synthetic corpora for benchmarks, resampled from the sample articles.

Each synthetic article has a title and a number of sentences drawn like the sample's
(paragraphs of 1–3 sentences), sentences resampled from the five sample articles, and
half of the articles end with real scraped boilerplate (comment forms, related stories),
so cleaning has work to do. To keep the vocabulary growing the way real news does
(resampling alone would give a tiny, unrealistically cache-friendly vocabulary), about
one word in twelve is replaced by a pseudo-word drawn from a Zipfian vocabulary of
200,000 types built from Arabic letters.

    python bench/synth.py 1000 bench/out/corpus_1k.parquet
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "lib"))

LETTERS = list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
OUTLETS = ["الجزيرة", "العربية", "سكاي نيوز عربية", "روسيا اليوم", "الشرق الأوسط", "المستقلة"]


def _sample_parts():
    from arnews.clean import clean_articles
    from arnews.corpus import load_corpus
    from arnews.text import sentences_table

    arts = clean_articles(load_corpus(REPO / "data" / "articles"))
    sents = sentences_table(arts)
    tails = [r["text"] for rem in arts["removed"] for r in rem if r["rule"] in ("comment_form_ar", "comment_form_en", "more_stories", "related_news_ar")]
    per_article = sents.groupby("article_id").size().to_numpy()
    return sents["text"].tolist(), tails, per_article


def _pseudo_vocab(n: int, rng: np.random.Generator) -> list[str]:
    lengths = rng.integers(3, 8, size=n)
    letters = rng.integers(0, len(LETTERS), size=int(lengths.sum()))
    out, pos = [], 0
    for ln in lengths:
        out.append("".join(LETTERS[i] for i in letters[pos : pos + ln]))
        pos += ln
    return out


def make_corpus(n_articles: int, seed: int = 0) -> pd.DataFrame:
    """A DataFrame (article_id, title, date, outlet, text) of ``n_articles`` synthetic articles."""
    rng = np.random.default_rng(seed)
    sentences, tails, per_article = _sample_parts()
    vocab = _pseudo_vocab(200_000, rng)
    zipf_cdf = np.cumsum(1.0 / np.arange(1, len(vocab) + 1) ** 1.05)
    zipf_cdf /= zipf_cdf[-1]
    mean_len = per_article.mean()
    days = pd.date_range("2020-01-01", "2026-10-31", freq="D")
    rows = []
    for i in range(n_articles):
        n_sent = max(3, int(rng.normal(mean_len, per_article.std() or 5)))
        idx = rng.integers(0, len(sentences), size=n_sent)
        paras, cur = [], []
        for j in idx:
            words = sentences[j].split(" ")
            mask = rng.random(len(words)) < 1 / 12
            if mask.any():
                repl = np.searchsorted(zipf_cdf, rng.random(int(mask.sum())))
                for k, r in zip(np.flatnonzero(mask), repl):
                    words[k] = vocab[r]
            cur.append(" ".join(words))
            if len(cur) >= rng.integers(1, 4):
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        title = sentences[int(rng.integers(0, len(sentences)))][:90]
        text = title + "\n\n" + "\n\n".join(paras)
        if tails and rng.random() < 0.5:
            text += "\n\n" + tails[int(rng.integers(0, len(tails)))]
        rows.append({
            "article_id": f"syn{i:07d}",
            "title": title,
            "date": days[int(rng.integers(0, len(days)))].date().isoformat(),
            "outlet": OUTLETS[int(rng.integers(0, len(OUTLETS)))],
            "text": text,
        })
    return pd.DataFrame(rows)


def write_corpus(n_articles: int, path: str | Path, seed: int = 0, batch: int = 10_000) -> Path:
    """Write a synthetic corpus to Parquet in batches (bounded memory)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = None
    for b, start in enumerate(range(0, n_articles, batch)):
        df = make_corpus(min(batch, n_articles - start), seed=seed + b)
        df["article_id"] = [f"syn{start + i:07d}" for i in range(len(df))]
        t = pa.Table.from_pandas(df, preserve_index=False)
        if writer is None:
            writer = pq.ParquetWriter(path, t.schema)
        writer.write_table(t, row_group_size=1000)
    if writer:
        writer.close()
    return path


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    out = sys.argv[2] if len(sys.argv) > 2 else f"bench/out/corpus_{n}.parquet"
    print(write_corpus(n, out))
