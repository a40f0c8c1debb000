"""Short, distinct article labels for plots (title words, date, outlet); ids stay in tables.

Article ids are often long and share a prefix (``saudinewsnet_2015-08-02_847``), so ids
cut to a fixed length all look alike on a plot. :func:`article_labels` builds a label per
article from the first words of its title, its date and (when the corpus has several) its
outlet, then lengthens only the labels that still collide (more title words, then the part
of the id that differs from the others, then a counter), so every label is distinct.

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["news_2015_1", "news_2015_2"],
...                      "title": ["قمة بكين الاقتصادية", "قمة بكين الأمنية"],
...                      "date": ["2015-08-02", "2015-08-02"]})
>>> sorted(article_labels(arts, isolate=False).values())
['قمة بكين الأمنية · 2015-08-02', 'قمة بكين الاقتصادية · 2015-08-02']
"""
from __future__ import annotations

import os
from collections import Counter
from typing import Iterable

import pandas as pd

__all__ = ["article_labels", "label_table", "short_ids"]

SEP = " · "
LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"  # isolates: keep "2015-08-02" or "Al-Ahram (Cairo)" in order in Arabic text


def _ltr(s: str, isolate: bool, mark: str = LRI) -> str:
    return f"{mark}{s}{PDI}" if s and isolate else s


def _clean(v) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NaT:
        return ""
    return " ".join(str(v).split())


def _words(title: str, n: int, max_chars: int) -> str:
    """The first ``n`` words of a title, cut to ``max_chars`` (with an ellipsis when cut)."""
    words = title.split()
    out = " ".join(words[:n])
    if len(out) > max_chars:
        out = out[: max_chars - 1].rstrip() + "…"
    elif len(words) > n:
        out += "…"
    return out


def _date(v) -> str:
    if v is None or v is pd.NaT or (isinstance(v, float) and pd.isna(v)):
        return ""
    d = pd.to_datetime(v, errors="coerce")
    return "" if pd.isna(d) else d.date().isoformat()


def short_ids(ids: Iterable[str], max_chars: int = 16) -> dict[str, str]:
    """Each id without the prefix all ids share, cut to its last ``max_chars`` characters.

    >>> short_ids(["saudinewsnet_2015-08-02_847", "saudinewsnet_2015-08-03_12"])
    {'saudinewsnet_2015-08-02_847': '2_847', 'saudinewsnet_2015-08-03_12': '3_12'}
    """
    ids = [str(i) for i in ids]
    prefix = os.path.commonprefix(ids) if len(ids) > 1 else ""
    out = {}
    for i in ids:
        rest = i[len(prefix):] or i
        out[i] = rest if len(rest) <= max_chars else "…" + rest[-(max_chars - 1):]
    return out


def article_labels(
    articles: pd.DataFrame,
    *,
    words: int = 4,
    max_chars: int = 30,
    outlet: bool | None = None,
    id_column: str = "article_id",
    isolate: bool = True,
) -> dict[str, str]:
    """A short label per article id, distinct across the corpus.

    The label is the first ``words`` words of the title (at most ``max_chars`` characters),
    the ISO date when the article has one and the outlet when the corpus has more than one
    (``outlet=True``/``False`` forces it), joined by " · ". Articles without a title use
    their id minus the prefix every id shares. Labels that still collide get more title
    words (up to twice ``words``), then the distinguishing part of the id, then "#2", "#3"….
    With ``isolate`` (default) dates and ids are wrapped in Unicode left-to-right isolates
    and outlets in first-strong isolates, so a date inside an Arabic label is not drawn as
    16-01-2015 and "(Almustakil)" keeps its brackets.

    >>> arts = pd.DataFrame({"article_id": ["x_1", "x_2"], "title": ["", None]})
    >>> article_labels(arts, isolate=False)
    {'x_1': '1', 'x_2': '2'}
    """
    if id_column not in articles.columns:
        raise ValueError(f"articles has no {id_column!r} column; columns are {list(articles.columns)}")
    ids = [str(i) for i in articles[id_column]]
    titles = [_clean(t) for t in articles["title"]] if "title" in articles.columns else [""] * len(ids)
    dates = [_date(d) for d in articles["date"]] if "date" in articles.columns else [""] * len(ids)
    outlets = [_clean(o) for o in articles["outlet"]] if "outlet" in articles.columns else [""] * len(ids)
    if outlet is None:
        outlet = len({o for o in outlets if o}) > 1
    tails = short_ids(ids)

    def build(k: int, n_words: int, with_id: bool) -> str:
        head = _words(titles[k], n_words, max_chars + 4 * (n_words - words)) if titles[k] else _ltr(tails[ids[k]], isolate)
        out_name = (outlets[k] if len(outlets[k]) <= 24 else outlets[k][:23].rstrip() + "…") if outlet else ""
        parts = [head, _ltr(dates[k], isolate), _ltr(out_name, isolate, FSI)]
        if with_id and titles[k]:
            parts.append(_ltr(tails[ids[k]], isolate))
        return SEP.join(p for p in parts if p)

    labels = [build(k, words, False) for k in range(len(ids))]
    for n_words, with_id in [(w, False) for w in range(words + 1, 2 * words + 1)] + [(2 * words, True)]:
        counts = Counter(labels)
        clash = [k for k, lab in enumerate(labels) if counts[lab] > 1]
        if not clash:
            break
        for k in clash:
            labels[k] = build(k, n_words, with_id)
    seen: Counter = Counter()
    counts = Counter(labels)
    for k, lab in enumerate(labels):
        if counts[lab] > 1:
            seen[lab] += 1
            if seen[lab] > 1:
                labels[k] = f"{lab} #{seen[lab]}"
    return dict(zip(ids, labels))


def label_table(articles: pd.DataFrame, **kwargs) -> pd.DataFrame:
    """``article_id`` and ``label`` side by side, to print next to a plot that uses the labels.

    >>> label_table(pd.DataFrame({"article_id": ["a"], "title": ["عنوان"]}), isolate=False).values.tolist()
    [['a', 'عنوان']]
    """
    labels = article_labels(articles, **kwargs)
    return pd.DataFrame({"article_id": list(labels), "label": list(labels.values())})
