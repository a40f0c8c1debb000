"""Collocates of a target: words near an actor or term (AntConc's Collocate, quanteda's ``textstat_collocations`` around a node)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Literal

import numpy as np
import pandas as pd

from .association import MEASURES, association
from .occurrences import default_stopwords, load_gazetteer, require_columns
from .wordforms import attached_forms

# ---------------------------------------------------------------------------
# Collocates of a target (AntConc Collocate / textstat_collocations style)
# ---------------------------------------------------------------------------

def _term_variants(term: str) -> set[str]:
    """Normalized target plus its forms with attached conjunction/preposition proclitics
    (``الصين`` → ``والصين``, ``بالصين``, ``للصين``, ``وللصين`` …; :func:`arnews.wordforms.attached_forms`)."""
    from .text import normalize

    return attached_forms(normalize(term))


def _word_index(tokens: pd.DataFrame) -> pd.DataFrame:
    """Word tokens with ``w``: their rank among word tokens of the article."""
    t = tokens
    if "is_word" in t.columns:
        t = t[t["is_word"].to_numpy(dtype=bool)]
    t = t.sort_values(["article_id", "token_id"], kind="stable")
    w = t.groupby("article_id", sort=False).cumcount().to_numpy()
    return t.assign(w=w)


def collocates(
    target: str | Iterable[str],
    tokens: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    kind: Literal["auto", "actor", "country", "term"] = "auto",
    window: int = 5,
    side: Literal["both", "left", "right"] = "both",
    field: str = "norm",
    measure: str = "log_dice",
    min_count: int = 2,
    stopwords: Iterable[str] | bool | None = True,
    min_length: int = 2,
    clitics: bool = True,
    cross_sentences: bool = False,
    gazetteer: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Words that occur within ``window`` word tokens of a target term or actor.

    The target is an actor (its ``actor_id``, Arabic or English label or a gazetteer
    variant such as ``واشنطن``), a country code
    (every mention of an actor of that country), or a term (matched on the normalized
    form, with attached proclitics when ``clitics=True``: ``الصين`` also finds ``والصين``,
    ``بالصين``, ``للصين``). ``kind="auto"`` tries actor, then country, then term.

    The span of the target is the union of the windows of ``window`` word tokens left
    and/or right of each target occurrence (punctuation does not count; stopwords take
    a position but are not reported; windows stop at sentence ends unless
    ``cross_sentences``). The 2×2 table for a collocate c splits the corpus's word tokens
    by (in the span or not) × (is c or not): ``O11`` = occurrences of c in the span,
    ``R1`` = tokens in the span, ``C1`` = frequency of c, ``N`` = corpus word tokens.
    log-Dice uses the node and collocate frequencies (Rychlý 2008).

    Columns: ``collocate, count, freq, span, n, expected, pmi, npmi, log_dice, g2, p_value,
    left, right`` (occurrences left/right of the target), rows with ``count >= min_count``
    sorted by ``measure``. ``df.attrs["target"]`` describes what was matched.

    >>> collocates("الصين", ann.tokens, ann.mentions, window=5).head()   # doctest: +SKIP
    >>> collocates("العلاقات", ann.tokens, kind="term", side="right")    # doctest: +SKIP
    """
    counts = collocate_counts(target, tokens, mentions, kind=kind, window=window, side=side, field=field,
                              stopwords=stopwords, min_length=min_length, clitics=clitics,
                              cross_sentences=cross_sentences, gazetteer=gazetteer)
    return score_collocates(counts, measure=measure, min_count=min_count)


@dataclass
class CollocateCounts:
    """What :func:`collocates` counts, before scoring: additive over batches of whole articles.

    ``span``/``left``: collocate → occurrences in the target's span / left of the target;
    ``freq``: collocate → corpus frequency; ``span_size``: tokens in the span; ``n``: word
    tokens; ``nodes``: target occurrences; ``target``: what was matched; ``window``.
    """

    span: pd.Series
    left: pd.Series
    freq: pd.Series
    span_size: int
    n: int
    nodes: int
    target: str
    window: int

    def __add__(self, other: "CollocateCounts") -> "CollocateCounts":
        def add(x, y):
            return x.add(y, fill_value=0).astype(np.int64)

        return CollocateCounts(add(self.span, other.span), add(self.left, other.left), add(self.freq, other.freq),
                               self.span_size + other.span_size, self.n + other.n, self.nodes + other.nodes,
                               self.target, self.window)


def _node_positions(targets, words: pd.DataFrame, feat: np.ndarray, mentions, kind, clitics, gazetteer, resolved=None):
    """Start and end rows (in ``words``) of every target occurrence, and a description."""
    if resolved is None:
        resolved = _resolve_target(targets, mentions, kind, gazetteer)
    if resolved[0] == "term":
        from .text import normalize

        variants = set().union(*[_term_variants(t) for t in targets]) if clitics else {normalize(t) for t in targets}
        codes, uniq = pd.factorize(feat)
        hit = np.asarray(pd.Index(uniq).isin(list(variants)), dtype=bool)
        rows = np.flatnonzero(hit[codes]) if len(feat) else np.zeros(0, dtype=np.int64)
        return rows, rows, f"term {targets} ({len(variants)} forms)"
    _, col, values = resolved
    m = mentions[mentions[col].isin(values)]
    key_w = pd.MultiIndex.from_arrays([words["article_id"].to_numpy(), words["token_id"].to_numpy()])
    loc_s = key_w.get_indexer(pd.MultiIndex.from_arrays([m["article_id"].to_numpy(), m["token_start"].to_numpy()]))
    loc_e = key_w.get_indexer(pd.MultiIndex.from_arrays([m["article_id"].to_numpy(), m["token_end"].to_numpy()]))
    ok = (loc_s >= 0) & (loc_e >= 0)
    return loc_s[ok], loc_e[ok], f"{resolved[0]} {values}"


def _span_masks(node_start, node_end, art, sid, ntok, window, side, cross_sentences):
    """Boolean masks over the word tokens: in the span (not the node itself), and left of a node."""
    if side not in ("both", "left", "right"):
        raise ValueError(f"side must be 'both', 'left' or 'right', not {side!r}")
    in_span = np.zeros(ntok, dtype=bool)
    is_left = np.zeros(ntok, dtype=bool)
    # the nodes themselves: +1 at the start, -1 after the end (no per-node Python loop)
    delta = np.zeros(ntok + 1, dtype=np.int64)
    np.add.at(delta, node_start, 1)
    np.add.at(delta, node_end + 1, -1)
    is_node = np.cumsum(delta[:-1]) > 0
    # Left in reading order = before the target (Arabic is read right to left, "left" here
    # means preceding, as in AntConc's L1..Lk).
    for d in range(1, window + 1) if side in ("both", "left") else ():
        j = node_start - d
        ok = j >= 0
        j2 = np.where(ok, j, 0)
        ok &= art[j2] == art[node_start]
        if not cross_sentences:
            ok &= sid[j2] == sid[node_start]
        in_span[j[ok]] = True
        is_left[j[ok]] = True
    for d in range(1, window + 1) if side in ("both", "right") else ():
        j = node_end + d
        ok = j < ntok
        j2 = np.where(ok, j, 0)
        ok &= art[j2] == art[node_end]
        if not cross_sentences:
            ok &= sid[j2] == sid[node_end]
        in_span[j[ok]] = True
    in_span &= ~is_node
    return in_span, is_left & in_span


def collocate_counts(
    target: str | Iterable[str],
    tokens: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    kind: Literal["auto", "actor", "country", "term"] = "auto",
    window: int = 5,
    side: Literal["both", "left", "right"] = "both",
    field: str = "norm",
    stopwords: Iterable[str] | bool | None = True,
    min_length: int = 2,
    clitics: bool = True,
    cross_sentences: bool = False,
    gazetteer: pd.DataFrame | None = None,
    resolved: tuple | None = None,
) -> CollocateCounts:
    """The counts behind :func:`collocates` (same arguments), for one tokens table or one
    batch of whole articles; counts of batches add up (``a + b``).

    Stopwords and short words are left out by factorizing the token strings once and
    testing each distinct string (not every token) against the list. ``resolved`` (from
    :func:`resolve_target` over the whole corpus's mentions) fixes what the target is, so
    every batch matches the same thing.
    """
    require_columns(tokens, ["article_id", "sentence_id", "token_id", field], "tokens")
    targets = [target] if isinstance(target, str) else list(target)
    words = _word_index(tokens)
    feat = words[field].astype(str).to_numpy()
    art = pd.factorize(words["article_id"])[0].astype(np.int64)
    sid = words["sentence_id"].to_numpy(dtype=np.int64)
    ntok = len(words)
    node_start, node_end, desc = _node_positions(targets, words, feat, mentions, kind, clitics, gazetteer, resolved)
    in_span, is_left = _span_masks(node_start, node_end, art, sid, ntok, window, side, cross_sentences)
    codes, uniq = pd.factorize(feat)
    uniq = pd.Index(uniq, dtype=object)
    ok_type = np.asarray(uniq.str.len() >= min_length, dtype=bool) if len(uniq) else np.zeros(0, bool)
    if stopwords is True:
        stopwords = default_stopwords()
    if stopwords:
        ok_type &= ~np.asarray(uniq.isin(list(stopwords)), dtype=bool)
    keep = ok_type[codes] if ntok else np.zeros(0, bool)

    def count(mask):
        c = np.bincount(codes[mask], minlength=len(uniq))
        nz = np.flatnonzero(c)
        return pd.Series(c[nz].astype(np.int64), index=uniq[nz])

    return CollocateCounts(count(keep & in_span), count(keep & is_left), count(keep), int(in_span.sum()), int(ntok),
                           int(len(node_start)), desc, int(window))


def score_collocates(counts: CollocateCounts, *, measure: str = "log_dice", min_count: int = 2) -> pd.DataFrame:
    """The collocates table of :func:`collocates` from its counts."""
    f_span = counts.span[counts.span > 0].sort_values(ascending=False, kind="stable")
    df = pd.DataFrame({"collocate": f_span.index.to_numpy(dtype=object), "count": f_span.to_numpy(dtype=np.int64)})
    df["freq"] = df["collocate"].map(counts.freq).to_numpy(dtype=np.int64)
    df["span"] = np.int64(counts.span_size)
    df["n"] = np.int64(counts.n)
    df = df[df["count"] >= min_count].reset_index(drop=True)
    meas = association(df["count"], df["span"], df["freq"], df["n"], dice_f1=np.full(len(df), counts.nodes), dice_f2=df["freq"])
    df = pd.concat([df, meas], axis=1)
    df["left"] = df["collocate"].map(counts.left).fillna(0).astype(np.int64)
    df["right"] = df["count"] - df["left"]
    if measure not in df.columns:
        raise ValueError(f"measure must be one of {MEASURES}, not {measure!r}")
    df = df.sort_values([measure, "count", "collocate"], ascending=[False, False, True], ignore_index=True)
    df.attrs["target"] = counts.target
    df.attrs["target_occurrences"] = counts.nodes
    df.attrs["window"] = counts.window
    return df


def resolve_target(target, mentions: pd.DataFrame | None = None, kind: str = "auto", gazetteer: pd.DataFrame | None = None) -> tuple:
    """What a collocate target is: ``("actor", "actor_id", ids)``, ``("country", "country",
    codes)`` or ``("term",)`` (see :func:`collocates`).

    >>> resolve_target("العلاقات", None)
    ('term',)
    """
    return _resolve_target([target] if isinstance(target, str) else list(target), mentions, kind, gazetteer)


def _resolve_target(targets, mentions, kind, gazetteer):
    if kind == "term" or mentions is None or not len(mentions):
        if kind in ("actor", "country"):
            raise ValueError(f"kind={kind!r} needs the mentions table (run the actors stage)")
        return ("term",)
    from .text import normalize

    ids = set(mentions["actor_id"].astype(str))
    countries = set(mentions["country"].dropna().astype(str)) - {""}
    if kind in ("auto", "actor"):
        found = [t for t in targets if t in ids]
        if len(found) < len(targets):
            g = gazetteer
            if g is None:
                try:
                    g = load_gazetteer()
                except FileNotFoundError:
                    g = None
            if g is not None:
                ar = {}
                for a, lab, var in zip(g["actor_id"], g["label_ar"], g.get("variants", pd.Series([""] * len(g)))):
                    for x in [lab, *str(var or "").split("|")]:
                        if x.strip():
                            ar.setdefault(normalize(x.strip()), a)
                ar.update({normalize(x): a for a, x in zip(g["actor_id"], g["label_ar"])})
                en = {x.casefold(): a for a, x in zip(g["actor_id"], g["label_en"])}
                for t in targets:
                    if t not in ids:
                        a = ar.get(normalize(t)) or en.get(t.casefold())
                        if a is not None:
                            found.append(a)
        if len(found) == len(targets):
            return ("actor", "actor_id", found)
        if kind == "actor":
            raise ValueError(f"actor target {targets} not found in mentions.actor_id or the gazetteer labels")
    if kind in ("auto", "country"):
        if all(t in countries for t in targets):
            return ("country", "country", list(targets))
        if kind == "country":
            raise ValueError(f"country target {targets} not found in mentions.country")
    return ("term",)


