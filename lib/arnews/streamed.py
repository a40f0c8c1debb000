"""The analyses of :mod:`arnews.freq` and :mod:`arnews.cooc` over an annotation folder,
batch by batch, with the same results as over the whole tables in memory.

Every statistic the notebooks show is a sum over articles (counts, sizes, document
frequencies, concordance lines, dispersion points), and a batch of
:meth:`arnews.tables.AnnotationFolder.batches` holds whole articles; so each function
below runs the in-memory function on one batch at a time (reading only the columns it
needs) and adds the results up, and the peak memory is that of one batch (about 2 M
tokens), not of the corpus. The same functions accept an in-memory tokens DataFrame (one
batch), so notebooks call them either way.

Example
-------
>>> from arnews.tables import AnnotationFolder
>>> src = AnnotationFolder("out/annotations")                   # doctest: +SKIP
>>> frequency_table(src, "norm").head()                         # doctest: +SKIP
>>> kwic(src, "الصين", window=6, sort="right").head()           # doctest: +SKIP
"""
from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple, Sequence

import numpy as np
import pandas as pd

from . import cooc, freq
from .keyness import score_group_keyness
from .tables import AnnotationFolder

__all__ = [
    "token_batches",
    "frequency_table",
    "vocabulary",
    "corpus_vocabulary",
    "keyness_groups",
    "keyness",
    "keyness_general",
    "term_trends",
    "actor_trends",
    "dispersion",
    "kwic",
    "collocates",
    "article_word_counts",
    "filter_articles",
    "CorpusTables",
    "corpus_tables",
    "pair_context_terms",
    "pairs_with_examples",
    "mention_forms",
]

Tokens = "AnnotationFolder | pd.DataFrame"
TOKEN_COLUMNS = ["article_id", "sentence_id", "token_id", "is_word", "norm"]


def _columns(form: str, extra: Sequence[str] = ()) -> list[str]:
    return list(dict.fromkeys(TOKEN_COLUMNS + [form, *extra]))


def token_batches(tokens, columns: Sequence[str] | None = None) -> Iterator[pd.DataFrame]:
    """Batches of whole articles of the tokens table: the DataFrame itself, or the batches
    of an annotation folder (only ``columns``).

    >>> t = pd.DataFrame({"article_id": ["a"], "norm": ["x"]})
    >>> [len(b) for b in token_batches(t)]
    [1]
    """
    if isinstance(tokens, pd.DataFrame):
        yield tokens
    elif isinstance(tokens, AnnotationFolder):
        yield from tokens.batches("tokens", columns)
    else:
        raise TypeError(f"tokens: expected a DataFrame or an AnnotationFolder, got {type(tokens).__name__}")


# ---------------------------------------------------------------------------
# Frequencies
# ---------------------------------------------------------------------------


def frequency_table(tokens, form: str = "norm", *, stopwords=True, by: str | None = None, ngram: int = 1,
                    min_count: int = 1, articles: pd.DataFrame | None = None, sep: str = " ") -> pd.DataFrame:
    """:func:`arnews.freq.frequency_table`, batch by batch (same columns, order and attrs).

    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["روسيا والصين. روسيا في آسيا."]})
    >>> frequency_table(tokens_table(sentences_table(arts)))[["term", "count"]].values.tolist()[0]
    ['روسيا', 2]
    """
    parts, sizes = [], {}
    col = None
    for batch in token_batches(tokens, _columns(form)):
        ft = freq.frequency_table(batch, form, stopwords=stopwords, by=by, ngram=ngram, min_count=1, articles=articles, sep=sep)
        col = ft.attrs["by"]
        for g, n in ft.attrs["sizes"].items():
            sizes[g] = sizes.get(g, 0) + n
        parts.append(ft.drop(columns=["per_10k", "rank"]))
        if len(parts) > 8:
            parts = [_sum_counts(parts, col)]
    out = _sum_counts(parts, col) if parts else pd.DataFrame(columns=["term", "count", "docfreq"])
    return _finish_frequency(out, col, sizes, min_count, form=form, ngram=ngram, stopwords=bool(stopwords))


def _sum_counts(parts: list[pd.DataFrame], col: str | None) -> pd.DataFrame:
    df = pd.concat(parts, ignore_index=True)
    keys = ([col] if col else []) + ["term"]
    return df.groupby(keys, sort=False, as_index=False)[["count", "docfreq"]].sum()


def _finish_frequency(df: pd.DataFrame, col: str | None, sizes: dict, min_count: int, **attrs) -> pd.DataFrame:
    df = df[df["count"] >= min_count]
    glabels = list(sizes)
    if col is None:
        size = np.full(len(df), max(sum(sizes.values()), 1))
    else:
        size = df[col].map(sizes).to_numpy()
    df = df.assign(count=df["count"].astype(np.int64), docfreq=df["docfreq"].astype(np.int64))
    df.insert(df.columns.get_loc("count") + 1, "per_10k", df["count"].to_numpy() / np.maximum(size, 1) * 10_000)
    if col is not None:
        order = {g: i for i, g in enumerate(glabels if col == "article_id" else sorted(glabels))}
        df = df.assign(_g=df[col].map(order)).sort_values(["_g", "count", "term"], ascending=[True, False, True], kind="stable")
        df = df.drop(columns="_g")
        df["rank"] = df.groupby(col, sort=False)["count"].rank(method="min", ascending=False).astype(np.int64)
    else:
        df = df.sort_values(["count", "term"], ascending=[False, True], kind="stable")
        df["rank"] = df["count"].rank(method="min", ascending=False).astype(np.int64)
    df = df.reset_index(drop=True)
    if col is not None and col != "article_id":
        sizes = dict(sorted(sizes.items()))
    df.attrs.update(by=col, sizes=sizes, **attrs)
    return df


def vocabulary(tokens, form: str = "norm", *, by: str | None = "article", articles=None, stopwords=False) -> pd.DataFrame:
    """:func:`arnews.freq.vocabulary` per article (or per group), batch by batch; ``by=None``
    gives the corpus row (tokens, types, TTR, hapaxes over the whole corpus)."""
    if by is None:
        return corpus_vocabulary(tokens, form, stopwords=stopwords)
    if by not in ("article", "article_id"):
        ft = frequency_table(tokens, form, stopwords=stopwords, by=by, articles=articles)
        g = ft.groupby(ft.attrs["by"], sort=False)["count"]
        out = pd.DataFrame({"tokens": g.sum(), "types": g.size(), "hapax": g.apply(lambda c: int((c == 1).sum()))})
        out["ttr"] = out["types"] / out["tokens"].where(out["tokens"] > 0)
        return out.reset_index()[[ft.attrs["by"], "tokens", "types", "ttr", "hapax"]]
    parts = [freq.vocabulary(b, form, by="article", stopwords=stopwords) for b in token_batches(tokens, _columns(form))]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["article_id", "tokens", "types", "ttr", "hapax"])


def corpus_vocabulary(tokens, form: str = "norm", *, stopwords=False) -> pd.Series:
    """The corpus row of :func:`arnews.freq.vocabulary` (``by=None``): group, tokens, types,
    ttr, hapax."""
    ft = frequency_table(tokens, form, stopwords=stopwords)
    ntok = int(ft["count"].sum())
    types = int(len(ft))
    return pd.Series({"group": "corpus", "tokens": ntok, "types": types,
                      "ttr": types / ntok if ntok else float("nan"), "hapax": int((ft["count"] == 1).sum())})


# ---------------------------------------------------------------------------
# Keyness
# ---------------------------------------------------------------------------


def keyness_groups(tokens, *, by: str = "article", articles=None, form: str = "norm", stopwords=True, ngram: int = 1,
                   min_count: int = 2, top: int | None = 10, max_p: float | None = None) -> pd.DataFrame:
    """:func:`arnews.freq.keyness_groups`, batch by batch: per article, each batch is compared
    with the whole corpus (its totals from a first pass); other groups (years, outlets)
    span batches, so they are scored from the summed group counts."""
    corpus = frequency_table(tokens, form, stopwords=stopwords, ngram=ngram)
    total = int(sum(corpus.attrs["sizes"].values()))
    totals = pd.Series(corpus["count"].to_numpy(), index=corpus["term"].to_numpy())
    if by in ("article", "article_id"):
        parts = [freq.keyness_groups(b, by=by, articles=articles, form=form, stopwords=stopwords, ngram=ngram,
                                     min_count=min_count, top=top, max_p=max_p, totals=totals, total=total)
                 for b in token_batches(tokens, _columns(form))]
        return pd.concat(parts, ignore_index=True)
    ft = frequency_table(tokens, form, stopwords=stopwords, by=by, ngram=ngram, articles=articles)
    return _group_keyness(ft, totals, total, min_count=min_count, top=top, max_p=max_p)


def _group_keyness(ft: pd.DataFrame, totals: pd.Series, total: int, *, min_count: int, top, max_p) -> pd.DataFrame:
    col = ft.attrs["by"]
    sizes = ft.attrs["sizes"]
    c = ft[ft["count"] >= min_count]
    order = {g: i for i, g in enumerate(sorted(sizes))}
    rows = pd.DataFrame({col: c[col].to_numpy(), "term": c["term"].to_numpy(), "count": c["count"].to_numpy(dtype=float),
                         "ref_count": totals.reindex(c["term"]).to_numpy(dtype=float) - c["count"].to_numpy(dtype=float),
                         "size": c[col].map(sizes).to_numpy(dtype=float), "order": c[col].map(order).to_numpy()})
    return score_group_keyness(rows, col, total, top=top, max_p=max_p)


def keyness(tokens, target, *, by: str = "article", articles=None, form: str = "norm", stopwords=True, ngram: int = 1,
            min_count: int = 2) -> pd.DataFrame:
    """:func:`arnews.freq.keyness` of one group against all the others, from summed counts
    (for articles: the target articles' own tokens against the corpus totals minus theirs,
    never a table of every article's counts)."""
    tset = {str(x) for x in ([target] if isinstance(target, (str, int)) else target)}
    if by in ("article", "article_id") and not isinstance(tokens, pd.DataFrame):
        corpus = frequency_table(tokens, form, stopwords=stopwords, ngram=ngram)
        mine = filter_articles(tokens, tset, _columns(form))
        found = set(mine["article_id"].astype(str))
        if found != tset:
            raise ValueError(f"keyness target {sorted(tset - found)} is not a article_id of the corpus")
        own = freq.frequency_table(mine, form, stopwords=stopwords, ngram=ngram)
        size = int(sum(own.attrs["sizes"].values()))
        ref_size = int(sum(corpus.attrs["sizes"].values())) - size
        if ref_size == 0:
            raise ValueError(f"keyness: the reference is empty (only target {sorted(tset)} in the corpus)")
        tc = pd.Series(own["count"].to_numpy(), index=own["term"].to_numpy())
        rc = pd.Series(corpus["count"].to_numpy(), index=corpus["term"].to_numpy()).sub(tc, fill_value=0)
        out = freq.keyness_table(tc, rc[rc > 0], size, ref_size, min_count=min_count)
        out["count"] = out["count"].astype(np.int64)
        out["ref_count"] = out["ref_count"].astype(np.int64)
        out.attrs.update(target=sorted(tset), reference="rest", by="article_id", form=form)
        return out
    ft = frequency_table(tokens, form, stopwords=stopwords, by=by, ngram=ngram, articles=articles)
    col, sizes = ft.attrs["by"], ft.attrs["sizes"]
    unknown = tset - set(map(str, sizes))
    if unknown:
        raise ValueError(f"keyness target {sorted(unknown)} is not a {col} of the corpus (e.g. {list(sizes)[:3]})")
    is_t = ft[col].astype(str).isin(tset).to_numpy()
    size = sum(n for g, n in sizes.items() if str(g) in tset)
    ref_size = sum(sizes.values()) - size
    if ref_size == 0:
        raise ValueError(f"keyness: the reference is empty (only target {sorted(tset)} in the corpus)")
    tc = ft[is_t].groupby("term", sort=False)["count"].sum()
    rc = ft[~is_t].groupby("term", sort=False)["count"].sum()
    out = freq.keyness_table(tc, rc, size, ref_size, min_count=min_count)
    out["count"] = out["count"].astype(np.int64)
    out["ref_count"] = out["ref_count"].astype(np.int64)
    out.attrs.update(target=sorted(tset), reference="rest", by=col, form=form)
    return out


def keyness_general(tokens, *, stopwords=True, reference_size: float = 1e8, min_count: int = 2, **kw) -> pd.DataFrame:
    """:func:`arnews.freq.keyness_general` from the summed corpus counts."""
    ft = frequency_table(tokens, "norm", stopwords=stopwords)
    size = int(sum(ft.attrs["sizes"].values()))
    counts = pd.Series(ft["count"].to_numpy(), index=ft["term"].to_numpy())
    return freq.keyness_general_counts(counts, size, stopwords=stopwords, reference_size=reference_size, min_count=min_count, **kw)


# ---------------------------------------------------------------------------
# Trends, dispersion, concordance
# ---------------------------------------------------------------------------


def article_word_counts(tokens) -> pd.Series:
    """Word tokens per article (article_id → count), batch by batch."""
    parts = [b.loc[b["is_word"].to_numpy(dtype=bool)].groupby("article_id", sort=False).size()
             for b in token_batches(tokens, ["article_id", "is_word"])]
    return pd.concat(parts) if parts else pd.Series(dtype=np.int64)


def _period_sizes(words: pd.Series, articles: pd.DataFrame, period: str) -> pd.Series:
    per = cooc.articles_periods(articles, freq.PERIOD_NAMES.get(period, period))
    return words.groupby(words.index.map(per).to_numpy()).sum()


def term_trends(tokens, terms: Sequence[str], articles: pd.DataFrame, *, period: str = "month", form: str = "norm",
                clitics: bool = True) -> pd.DataFrame:
    """:func:`arnews.freq.term_trends`, batch by batch."""
    if isinstance(terms, str):
        terms = [terms]
    per = cooc.articles_periods(articles, freq.PERIOD_NAMES.get(period, period))
    rows, words = [], []
    for b in token_batches(tokens, _columns(form)):
        for term in terms:
            t, pos, _ = freq.find_term(b, term, form, clitics, False)
            rows.append(pd.DataFrame({"period": pd.Series(t["article_id"].to_numpy()[pos]).map(per).to_numpy(), "term": term}))
        words.append(b.loc[b["is_word"].to_numpy(dtype=bool)].groupby("article_id", sort=False).size())
    hits = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["period", "term"])
    sizes = _period_sizes(pd.concat(words) if words else pd.Series(dtype=np.int64), articles, period)
    return freq.trend_frame(hits, "term", list(terms), sizes)


def actor_trends(mentions: pd.DataFrame, articles: pd.DataFrame, tokens, *, actors=None, level: str = "actor",
                 period: str = "month", top: int = 5) -> pd.DataFrame:
    """:func:`arnews.freq.actor_trends` with the period sizes counted batch by batch."""
    occ = cooc.actor_occurrences(mentions, level)
    if actors is None:
        actors = occ["feature"].value_counts().head(top).index.tolist()
    elif isinstance(actors, str):
        actors = [actors]
    per = cooc.articles_periods(articles, freq.PERIOD_NAMES.get(period, period))
    occ = occ[occ["feature"].isin(actors)]
    hits = pd.DataFrame({"period": occ["article_id"].map(per).to_numpy(), "actor_id": occ["feature"].to_numpy()})
    sizes = _period_sizes(article_word_counts(tokens), articles, period)
    return freq.trend_frame(hits, "actor_id", list(actors), sizes)


def dispersion(tokens, terms: Sequence[str], *, form: str = "norm", clitics: bool = True) -> pd.DataFrame:
    """:func:`arnews.freq.dispersion`, batch by batch (``attrs["articles"]`` for every article)."""
    parts, arts = [], {}
    for b in token_batches(tokens, _columns(form)):
        d = freq.dispersion(b, terms, form=form, clitics=clitics)
        arts.update(d.attrs["articles"])
        d.attrs = {}
        parts.append(d)
    out = pd.concat(parts, ignore_index=True)
    order = {t: i for i, t in enumerate([terms] if isinstance(terms, str) else terms)}
    out = out.assign(_t=out["term"].map(order)).sort_values("_t", kind="stable").drop(columns="_t").reset_index(drop=True)
    out.attrs["articles"] = arts
    return out


def kwic(tokens, pattern: str, *, form: str = "norm", window: int = 5, clitics: bool = True, regex: bool = False,
         sort: str = "position") -> pd.DataFrame:
    """:func:`arnews.freq.kwic`, batch by batch, merged in the same order."""
    cols = _columns(form, ["surface", "start", "end"])
    parts = [freq.kwic(b, pattern, form=form, window=window, clitics=clitics, regex=regex, sort=sort, keep_sort_key=True)
             for b in token_batches(tokens, cols)]
    parts = [p for p in parts if len(p)]
    if not parts:
        return freq.kwic(pd.DataFrame(columns=["article_id", "sentence_id", "token_id", "is_word", "norm", "surface"]), pattern)
    out = pd.concat(parts, ignore_index=True)
    if sort in ("right", "left"):
        out = out.sort_values(["sort_key", "article_id", "token_id"], kind="stable").drop(columns="sort_key")
    out = out.reset_index(drop=True)
    out.attrs.update(pattern=pattern, form=form, window=int(window), clitics=clitics)
    return out


def collocates(target, tokens, mentions: pd.DataFrame | None = None, *, measure: str = "log_dice", min_count: int = 2,
               field: str = "norm", **kw) -> pd.DataFrame:
    """:func:`arnews.cooc.collocates`, counted batch by batch (:class:`arnews.cooc.CollocateCounts`
    add up) and scored once. ``mentions`` of a batch are those of its articles."""
    total = None
    resolved = cooc.resolve_target(target, mentions, kw.get("kind", "auto"), kw.get("gazetteer"))
    for b in token_batches(tokens, ["article_id", "sentence_id", "token_id", "is_word", field]):
        m = mentions
        if mentions is not None and not isinstance(tokens, pd.DataFrame):
            m = mentions[mentions["article_id"].isin(pd.unique(b["article_id"]))]
        c = cooc.collocate_counts(target, b, m, field=field, resolved=resolved, **kw)
        total = c if total is None else total + c
    return cooc.score_collocates(total, measure=measure, min_count=min_count)


def filter_articles(tokens, article_ids: Iterable[str], columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The rows of the tokens table belonging to some articles (pushed down to Parquet)."""
    ids = set(map(str, article_ids))
    if isinstance(tokens, pd.DataFrame):
        return tokens[tokens["article_id"].astype(str).isin(ids)]
    return tokens.read("tokens", columns, article_ids=ids)


# ---------------------------------------------------------------------------
# Corpus overview (the articles table, text columns in batches)
# ---------------------------------------------------------------------------


class CorpusTables(NamedTuple):
    """Per-article lengths, removed spans and foreign-script flags of a whole corpus."""

    articles: pd.DataFrame  # overview.articles_table
    spans: pd.DataFrame  # overview.removed_spans
    flags: pd.DataFrame  # overview.script_flags


def corpus_tables(source, rows: int = 5_000) -> CorpusTables:
    """:func:`arnews.overview.articles_table`, ``removed_spans`` and ``script_flags`` over the
    articles table, read ``rows`` articles at a time (the text columns are the bulk of it)."""
    from . import overview

    if isinstance(source, pd.DataFrame):
        batches: Iterable[pd.DataFrame] = [source]
    else:
        cols = ["article_id", "title", "date", "outlet", "text", "clean_text", "removed", "flags", "n_tokens"]
        batches = source.batches("articles", cols, rows=rows)
    a, s, f = [], [], []
    for b in batches:
        a.append(overview.articles_table(b))
        s.append(overview.removed_spans(b) if "removed" in b.columns else overview.removed_spans(b.assign(removed=None)))
        f.append(overview.script_flags(b) if "flags" in b.columns else overview.script_flags(b.assign(flags=None)))
    return CorpusTables(*(pd.concat(x, ignore_index=True) for x in (a, s, f)))


# ---------------------------------------------------------------------------
# Actor pairs: evidence and context words, reading only the articles needed
# ---------------------------------------------------------------------------


def pairs_with_examples(pairs: pd.DataFrame, occ: pd.DataFrame, source, *, context: str = "sentence", window: int = 5,
                        articles: pd.DataFrame | None = None, max_chars: int = 300) -> pd.DataFrame:
    """:func:`arnews.cooc.pairs_with_examples`, reading the text of only the sentences shown
    (for ``context="paragraph"`` every sentence is read: paragraphs need them all)."""
    cols = ["article_id", "sentence_id", "start", "text"]
    if context == "paragraph":
        text = source if isinstance(source, pd.DataFrame) else source.read("sentences", cols)
    else:
        need = set()
        for a, b in zip(pairs["a"], pairs["b"]):
            hits = cooc.pair_units(occ, a, b, context, window, None, articles, None if context == "window" else 1)
            if hits:
                need.add(hits[0][0])
        text = source[source["article_id"].isin(need)] if isinstance(source, pd.DataFrame) else source.read("sentences", cols, article_ids=need)
    return cooc.pairs_with_examples(pairs, occ, text, context=context, window=window, articles=articles, max_chars=max_chars)


def pair_context_terms(occ: pd.DataFrame, a: str, b: str, tokens, articles: pd.DataFrame, *, period: str = "Y",
                       context: str = "sentence", sentences: pd.DataFrame | None = None, field: str = "norm",
                       stopwords=True, min_count: int = 2, exclude: Iterable[str] = (), exclude_pair: bool = True) -> pd.DataFrame:
    """:func:`arnews.cooc.pair_context_terms`, counting batch by batch over the articles where
    the pair co-occurs only."""
    hits = cooc.pair_hits(occ, a, b, context, sentences, articles)
    arts_hit = {aid for aid, _ in hits}
    parts = []
    for batch in token_batches(tokens, ["article_id", "sentence_id", "token_id", "is_word", field]):
        batch = batch[batch["article_id"].isin(arts_hit)]
        if len(batch):
            parts.append(cooc.pair_context_counts(occ, a, b, hits, batch, articles, period=period, context=context,
                                                  sentences=sentences, field=field, stopwords=stopwords, exclude=exclude,
                                                  exclude_pair=exclude_pair))
    counts = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["period", "feature", "count"])
    return cooc.score_context_terms(counts, min_count=min_count)


def mention_forms(tokens, mentions: pd.DataFrame | None, form: str = "norm") -> set[str]:
    """The ``form`` of every token inside an actor mention (:func:`arnews.freq.mention_forms`), batch by batch."""
    if mentions is None or not len(mentions):
        return set()
    out: set[str] = set()
    for b in token_batches(tokens, ["article_id", "token_id", "norm", form]):
        m = mentions[mentions["article_id"].isin(pd.unique(b["article_id"]))] if not isinstance(tokens, pd.DataFrame) else mentions
        out |= freq.mention_forms(b, m, form)
    return out
