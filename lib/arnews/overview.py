"""Corpus overview: what is in a corpus and what loading and cleaning did to it.

Plain functions over the articles table returned by :func:`arnews.load_corpus` and
cleaned by the pipeline (columns ``clean_text``, ``removed``, ``flags``, ``n_tokens``).
Each returns a tidy DataFrame (one row per article, per removed span, per flag, per
period or per outlet); the two plot functions take those tables and return a Figure.

Example
-------
>>> import arnews
>>> from arnews import overview
>>> ann = arnews.annotate_corpus("data/articles")            # doctest: +SKIP
>>> overview.articles_table(ann.articles)                     # doctest: +SKIP
>>> overview.cleaning_summary(ann.articles, by="rule")        # doctest: +SKIP
>>> overview.plot_articles_over_time(overview.articles_over_time(ann.articles))  # doctest: +SKIP
"""
from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = [
    "articles_table",
    "removed_spans",
    "cleaning_summary",
    "summarise_spans",
    "count_flags",
    "script_flags",
    "flag_counts",
    "articles_over_time",
    "articles_by_outlet",
    "corpus_summary",
    "skipped_inputs",
    "rule_table",
    "plot_articles_over_time",
    "plot_articles_by_outlet",
    "UNKNOWN_OUTLET",
]

UNKNOWN_OUTLET = "(unknown)"


def _need(articles: pd.DataFrame, cols: list[str], what: str) -> None:
    missing = [c for c in cols if c not in articles.columns]
    if missing:
        raise ValueError(
            f"{what} needs the articles table column(s) {missing}; "
            "pass ann.articles from arnews.annotate_corpus(...) (the clean stage adds removed/flags)"
        )


def _records(value: Any) -> list[dict]:
    """The list-of-dicts cells (``removed``, ``flags``); Parquet gives numpy arrays."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    return [dict(v) for v in value]


def articles_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article: id, title, date, outlet and length before and after cleaning.

    Columns: ``article_id, title, date, outlet, n_chars`` (characters of the original text),
    ``n_chars_clean`` (of ``clean_text``), ``pct_removed`` (share of characters cleaning
    removed, 0-100) and ``n_tokens`` (word tokens, when the text stage ran).

    >>> df = pd.DataFrame({"article_id": ["a"], "title": ["ت"], "date": [pd.Timestamp("2024-01-02")],
    ...                    "outlet": [None], "text": ["قال شي.\\nاترك تعليقا"], "clean_text": ["قال شي."]})
    >>> row = articles_table(df).iloc[0]
    >>> int(row.n_chars), int(row.n_chars_clean), float(row.pct_removed), row.outlet
    (19, 7, 63.2, '(unknown)')
    """
    _need(articles, ["article_id", "text"], "articles_table")
    out = pd.DataFrame({"article_id": articles["article_id"].to_numpy()})
    for col in ("title", "date"):
        out[col] = articles[col].to_numpy() if col in articles.columns else None
    out["outlet"] = _outlets(articles).to_numpy()
    out["n_chars"] = articles["text"].fillna("").str.len().to_numpy()
    clean = articles["clean_text"] if "clean_text" in articles.columns else articles["text"]
    out["n_chars_clean"] = clean.fillna("").str.len().to_numpy()
    removed = (out["n_chars"] - out["n_chars_clean"]).clip(lower=0)
    out["pct_removed"] = (100 * removed / out["n_chars"].where(out["n_chars"] > 0)).fillna(0).round(1)
    if "n_tokens" in articles.columns:
        out["n_tokens"] = articles["n_tokens"].to_numpy()
    return out


def removed_spans(articles: pd.DataFrame) -> pd.DataFrame:
    """Every span cleaning removed, one row each: ``article_id, rule, start, end, n_chars, text``
    (offsets into the original ``text``).

    >>> df = pd.DataFrame({"article_id": ["a"], "removed": [[{"rule": "x", "text": "abc", "start": 4, "end": 7}]]})
    >>> removed_spans(df)[["article_id", "rule", "n_chars"]].values.tolist()
    [['a', 'x', 3]]
    """
    _need(articles, ["article_id", "removed"], "removed_spans")
    rows = [
        {"article_id": aid, "rule": r.get("rule"), "start": r.get("start"), "end": r.get("end"),
         "n_chars": len(r.get("text") or ""), "text": r.get("text")}
        for aid, rem in zip(articles["article_id"], articles["removed"])
        for r in _records(rem)
    ]
    cols = ["article_id", "rule", "start", "end", "n_chars", "text"]
    return pd.DataFrame(rows, columns=cols).astype({"n_chars": "int64"})


def cleaning_summary(articles: pd.DataFrame, by: str = "article") -> pd.DataFrame:
    """What cleaning removed, counted per article and rule (``by="article"``) or per rule
    across the corpus (``by="rule"``).

    ``by="article"``: one row per (article, rule) with ``spans`` and ``chars`` removed.
    ``by="rule"``: one row per rule with ``articles`` (how many it touched), ``spans`` and
    ``chars``, largest first.

    >>> df = pd.DataFrame({"article_id": ["a", "b"], "removed": [
    ...     [{"rule": "x", "text": "ab"}, {"rule": "x", "text": "c"}], [{"rule": "x", "text": "d"}]]})
    >>> cleaning_summary(df, by="rule").values.tolist()
    [['x', 2, 3, 4]]
    """
    return summarise_spans(removed_spans(articles), by)


def summarise_spans(spans: pd.DataFrame, by: str = "article") -> pd.DataFrame:
    """:func:`cleaning_summary` from the :func:`removed_spans` table (of one batch of
    articles or of the whole corpus).

    >>> spans = pd.DataFrame({"article_id": ["a", "a", "b"], "rule": ["x"] * 3, "n_chars": [2, 1, 1]})
    >>> summarise_spans(spans, by="rule").values.tolist()
    [['x', 2, 3, 4]]
    """
    if by == "article":
        out = spans.groupby(["article_id", "rule"], sort=False).agg(spans=("n_chars", "size"), chars=("n_chars", "sum"))
        return out.reset_index()
    if by == "rule":
        out = spans.groupby("rule").agg(
            articles=("article_id", "nunique"), spans=("n_chars", "size"), chars=("n_chars", "sum")
        )
        return out.sort_values(["chars", "spans"], ascending=False).reset_index()
    raise ValueError(f"cleaning_summary: by must be 'article' or 'rule', not {by!r}")


def script_flags(articles: pd.DataFrame) -> pd.DataFrame:
    """Foreign-script fragments left in the cleaned text, one row each:
    ``article_id, script, text, start, end`` (offsets into ``clean_text``) and ``context``
    (up to 30 characters either side, so a reader can judge the fragment).

    >>> df = pd.DataFrame({"article_id": ["a"], "clean_text": ["قال MOFA اليوم"],
    ...                    "flags": [[{"script": "Latin", "text": "MOFA", "start": 4, "end": 8}]]})
    >>> script_flags(df)[["script", "text", "context"]].values.tolist()
    [['Latin', 'MOFA', 'قال MOFA اليوم']]
    """
    _need(articles, ["article_id", "flags"], "script_flags")
    clean = articles["clean_text"] if "clean_text" in articles.columns else pd.Series([""] * len(articles))
    rows = []
    for aid, flags, text in zip(articles["article_id"], articles["flags"], clean):
        text = text if isinstance(text, str) else ""
        for f in _records(flags):
            s, e = int(f.get("start", 0)), int(f.get("end", 0))
            ctx = text[max(0, s - 30) : e + 30].replace("\n", " ") if text else ""
            rows.append({"article_id": aid, "script": f.get("script"), "text": f.get("text"), "start": s, "end": e, "context": ctx})
    return pd.DataFrame(rows, columns=["article_id", "script", "text", "start", "end", "context"])


def flag_counts(articles: pd.DataFrame) -> pd.DataFrame:
    """Foreign-script fragments grouped by script and text: ``script, text, n`` (occurrences),
    ``articles`` (how many articles contain it), most frequent first.

    >>> df = pd.DataFrame({"article_id": ["a", "b"], "flags": [
    ...     [{"script": "Latin", "text": "NATO", "start": 0, "end": 4}] * 2,
    ...     [{"script": "Latin", "text": "NATO", "start": 0, "end": 4}]]})
    >>> flag_counts(df).values.tolist()
    [['Latin', 'NATO', 3, 2]]
    """
    return count_flags(script_flags(articles))


def count_flags(fl: pd.DataFrame) -> pd.DataFrame:
    """:func:`flag_counts` from the :func:`script_flags` table."""
    out = fl.groupby(["script", "text"]).agg(n=("article_id", "size"), articles=("article_id", "nunique"))
    return out.reset_index().sort_values(["n", "articles", "text"], ascending=[False, False, True], ignore_index=True)


def _outlets(articles: pd.DataFrame) -> pd.Series:
    if "outlet" not in articles.columns:
        return pd.Series([UNKNOWN_OUTLET] * len(articles), index=articles.index, dtype=object)
    o = articles["outlet"].astype(object)
    blank = o.isna() | o.map(lambda x: isinstance(x, str) and not x.strip())
    return o.where(~blank, UNKNOWN_OUTLET)


def _auto_freq(dates: pd.Series) -> str:
    span = (dates.max() - dates.min()).days if len(dates) else 0
    if span <= 92:
        return "D"
    if span <= 5 * 366:
        return "M"
    return "Y"


def articles_over_time(articles: pd.DataFrame, freq: str | None = None) -> pd.DataFrame:
    """Articles per period: ``period`` (start of the day/month/year) and ``n_articles``, with
    empty periods included as zeros so gaps show. ``freq`` is ``"D"``, ``"W"``, ``"M"`` or
    ``"Y"``; by default it is chosen from the date range (days up to three months, months up to
    five years, else years). Articles without a date are counted in ``.attrs["undated"]``.

    >>> df = pd.DataFrame({"date": pd.to_datetime(["2022-01-05", "2022-03-20", "2022-03-01", None])})
    >>> t = articles_over_time(df, freq="M")
    >>> [(p.strftime("%Y-%m"), n) for p, n in zip(t["period"], t["n_articles"])], t.attrs["undated"]
    ([('2022-01', 1), ('2022-02', 0), ('2022-03', 2)], 1)
    """
    _need(articles, ["date"], "articles_over_time")
    dates = pd.to_datetime(articles["date"], errors="coerce")
    undated = int(dates.isna().sum())
    dates = dates.dropna()
    freq = freq or _auto_freq(dates)
    aliases = {"D": "D", "W": "W", "M": "M", "Y": "Y"}
    if freq not in aliases:
        raise ValueError(f"articles_over_time: freq must be one of {list(aliases)}, not {freq!r}")
    if dates.empty:
        out = pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"), "n_articles": pd.Series(dtype="int64")})
    else:
        periods = dates.dt.to_period(freq)
        counts = periods.value_counts()
        full = pd.period_range(periods.min(), periods.max(), freq=freq)
        counts = counts.reindex(full, fill_value=0)
        out = pd.DataFrame({"period": full.to_timestamp(), "n_articles": counts.to_numpy().astype("int64")})
    out.attrs["undated"] = undated
    out.attrs["freq"] = freq
    return out


def articles_by_outlet(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per outlet (missing outlets grouped as ``"(unknown)"``): ``outlet,
    n_articles`` and ``n_tokens`` (when the text stage ran), largest first.

    >>> df = pd.DataFrame({"outlet": ["الجزيرة", None, "الجزيرة"], "n_tokens": [10, 5, 20]})
    >>> articles_by_outlet(df).values.tolist()
    [['الجزيرة', 2, 30], ['(unknown)', 1, 5]]
    """
    df = pd.DataFrame({"outlet": _outlets(articles).to_numpy()})
    agg = {"n_articles": ("outlet", "size")}
    if "n_tokens" in articles.columns:
        df["n_tokens"] = articles["n_tokens"].to_numpy()
        agg["n_tokens"] = ("n_tokens", "sum")
    out = df.groupby("outlet").agg(**agg).reset_index()
    return out.sort_values(["n_articles", "outlet"], ascending=[False, True], ignore_index=True)


def corpus_summary(articles: pd.DataFrame, tokens: pd.DataFrame | None = None,
                   load_report: pd.DataFrame | None = None) -> dict[str, Any]:
    """Headline figures of a corpus: ``articles``, ``tokens`` (all tokens), ``words`` (word
    tokens), ``skipped`` (inputs the loader skipped), ``first_date``, ``last_date``,
    ``undated`` and ``outlets``.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "date": pd.to_datetime(["2022-01-05", None]),
    ...                      "outlet": ["x", None]})
    >>> toks = pd.DataFrame({"is_word": [True, True, False]})
    >>> rep = pd.DataFrame({"status": ["loaded", "loaded", "skipped"]})
    >>> s = corpus_summary(arts, toks, rep)
    >>> s["articles"], s["tokens"], s["words"], s["skipped"], s["first_date"], s["undated"], s["outlets"]
    (2, 3, 2, 1, '2022-01-05', 1, 2)
    """
    dates = pd.to_datetime(articles["date"], errors="coerce") if "date" in articles.columns else pd.Series(dtype="datetime64[ns]")
    out: dict[str, Any] = {"articles": int(len(articles))}
    if tokens is not None:
        out["tokens"] = int(len(tokens))
        out["words"] = int(tokens["is_word"].sum()) if "is_word" in tokens.columns else int(len(tokens))
    elif "n_tokens" in articles.columns:
        out["tokens"] = out["words"] = int(articles["n_tokens"].sum())
    else:
        out["tokens"] = out["words"] = None
    out["skipped"] = int((load_report["status"] != "loaded").sum()) if load_report is not None and len(load_report) else 0
    valid = dates.dropna()
    out["first_date"] = valid.min().date().isoformat() if len(valid) else None
    out["last_date"] = valid.max().date().isoformat() if len(valid) else None
    out["undated"] = int(dates.isna().sum()) if len(dates) else int(len(articles))
    out["outlets"] = int(_outlets(articles).nunique())
    return out


def skipped_inputs(load_report: pd.DataFrame | None) -> pd.DataFrame:
    """Inputs the loader did not turn into articles (skipped or missing), and loaded inputs it
    flagged (damaged UTF-8, an article that cleaning emptied by more than the set share, a
    generated id …), with the reason: ``file`` (name, or ``name#rowN`` for table rows),
    ``status``, ``reason``, ``source`` (full path).

    >>> rep = pd.DataFrame({"source": ["/c/a.txt", "/c/b.pdf", "/c/c.txt", "/c/d.txt"],
    ...                     "status": ["loaded", "skipped", "missing", "loaded"],
    ...                     "reason": ["", "not a .txt file (suffix .pdf)", "listed in metadata but no such file",
    ...                                "damaged UTF-8: 1 invalid byte(s) replaced with U+FFFD"]})
    >>> skipped_inputs(rep)[["file", "status"]].values.tolist()
    [['b.pdf', 'skipped'], ['c.txt', 'missing'], ['d.txt', 'loaded']]
    """
    cols = ["file", "status", "reason", "source"]
    if load_report is None or not len(load_report):
        return pd.DataFrame(columns=cols)
    flagged = (load_report["status"] == "loaded") & (load_report["reason"].fillna("").astype(str) != "")
    rep = load_report[(load_report["status"] != "loaded") | flagged]
    out = pd.DataFrame({
        "file": [str(s).replace("\\", "/").rsplit("/", 1)[-1] for s in rep["source"]],
        "status": rep["status"].to_numpy(),
        "reason": rep["reason"].to_numpy(),
        "source": rep["source"].to_numpy(),
    })
    return out.reset_index(drop=True)


def rule_table() -> pd.DataFrame:
    """The cleaning rules in force: ``rule, scope, description`` (from ``data/clean_rules.csv``,
    plus the rules written as functions, scope ``function``).

    >>> t = rule_table()
    >>> t.loc[t["rule"] == "author_bio", "scope"].tolist()
    ['function']
    """
    from .clean import FUNCTION_RULES, load_rules

    rows = [{"rule": r.name, "scope": r.scope, "description": r.description} for r in load_rules()]
    for name, fn in FUNCTION_RULES.items():
        first_paragraph = (fn.__doc__ or "").strip().split("\n\n")[0]
        rows.append({"rule": name, "scope": "function", "description": " ".join(first_paragraph.split())})
    return pd.DataFrame(rows, columns=["rule", "scope", "description"])


# ---------------------------------------------------------------------------
# Plots
# ---------------------------------------------------------------------------


def plot_articles_over_time(counts: pd.DataFrame, title: str = "Articles over time"):
    """Bar chart of :func:`articles_over_time` output; returns the Figure. With no dated
    article, a figure holding one sentence saying so and how to add dates (no empty frame).

    >>> plot_articles_over_time(articles_over_time(pd.DataFrame({"date": [None]}))).arnews_message.splitlines()[0]
    '1 articles, none dated.'
    """
    from .plots import UNDATED_MESSAGE, message_figure, new_figure

    if not len(counts):
        return message_figure(f"{counts.attrs.get('undated', 0)} articles, none dated.\n" + UNDATED_MESSAGE, title=title)
    fig, ax = new_figure(8, 3.5)
    freq = counts.attrs.get("freq", "M")
    fmt = {"D": "%Y-%m-%d", "W": "%Y-%m-%d", "M": "%Y-%m", "Y": "%Y"}.get(freq, "%Y-%m-%d")
    labels = [p.strftime(fmt) for p in counts["period"]]
    ax.bar(range(len(labels)), counts["n_articles"], color="#4c72b0")
    step = max(1, len(labels) // 24)
    ax.set_xticks(range(0, len(labels), step), labels[::step], rotation=60 if len(labels) > 6 else 0, ha="right" if len(labels) > 6 else "center")
    ax.set_ylabel("articles")
    ax.yaxis.get_major_locator().set_params(integer=True)
    undated = counts.attrs.get("undated", 0)
    ax.set_title(title + (f" ({undated} undated not shown)" if undated else ""))
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def plot_articles_by_outlet(counts: pd.DataFrame, top: int = 20, title: str = "Articles by outlet"):
    """Horizontal bars of :func:`articles_by_outlet` output (the ``top`` outlets); returns the Figure.
    Outlet names are drawn as they are (matplotlib shapes Arabic itself)."""
    from .plots import new_figure

    shown = counts.head(top).iloc[::-1]
    fig, ax = new_figure(8, max(2.0, 0.45 * len(shown) + 1.2))
    ax.barh(range(len(shown)), shown["n_articles"], color="#55a868")
    ax.set_yticks(range(len(shown)), [str(o) for o in shown["outlet"]])
    ax.set_xlabel("articles")
    ax.xaxis.get_major_locator().set_params(integer=True)
    more = len(counts) - len(shown)
    ax.set_title(title + (f" (top {top} of {len(counts)})" if more > 0 else ""))
    ax.spines[["top", "right"]].set_visible(False)
    return fig
