"""Finding terms (proclitic-aware, phrases, lemmas), KWIC concordances and dispersion plots' data."""
from __future__ import annotations

from typing import Literal, Sequence

import numpy as np
import pandas as pd
import regex as re

from .frequency import check_form, form_values, sorted_tokens
from .occurrences import require_columns
from .text import normalize
from .wordforms import ARTICLE, PROCLITICS, attached_forms

# ---------------------------------------------------------------------------
# Finding terms: proclitic-aware, phrases, lemmas
# ---------------------------------------------------------------------------


def _pattern_sets(pattern: str, form: str, clitics: bool, regex: bool, uniq: pd.Index) -> list[np.ndarray]:
    """For each word of the pattern, a boolean over the form's unique values: does it match?"""
    words = pattern.split()
    if not words:
        raise ValueError("empty search pattern")
    out = []
    for k, w in enumerate(words):
        if regex:
            rx = re.compile(w)
            out.append(np.array([rx.fullmatch(x) is not None for x in uniq], dtype=bool))
            continue
        wn = w if form == "surface" else normalize(w)
        if k == 0 and clitics and form in ("norm", "surface"):
            allowed = attached_forms(normalize(w)) if form == "norm" else {wn} | {p + wn for p in PROCLITICS}
            if form == "surface" and wn.startswith(ARTICLE):
                allowed |= {p + wn[1:] for p in ("ل", "ول", "فل")}
        else:
            allowed = {wn}
        out.append(np.asarray(uniq.isin(allowed), dtype=bool))
    return out


def find_term(tokens: pd.DataFrame, pattern: str, form: str, clitics: bool, regex: bool) -> tuple[pd.DataFrame, np.ndarray, int]:
    """Sorted tokens, the row positions where ``pattern`` starts, and its length in tokens.

    A phrase matches consecutive word tokens of one sentence."""
    require_columns(tokens, ["article_id", "sentence_id", "token_id", "is_word"], "tokens")
    check_form(tokens, form)
    t, art = sorted_tokens(tokens)
    codes, uniq = pd.factorize(form_values(t, form))
    sets = _pattern_sets(pattern, form, clitics, regex, pd.Index(uniq))
    n = len(sets)
    m = len(t) - n + 1
    if m <= 0:
        return t, np.zeros(0, dtype=np.int64), n
    word = t["is_word"].to_numpy(dtype=bool)
    sent = t["sentence_id"].to_numpy(dtype=np.int64)
    ok = word[:m] & sets[0][codes[:m]]
    for k in range(1, n):
        ok &= word[k : k + m] & sets[k][codes[k : k + m]]
        ok &= (art[k : k + m] == art[:m]) & (sent[k : k + m] == sent[:m])
    return t, np.flatnonzero(ok), n


def _word_rank(t: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Rank of each token among the word tokens of its article (0-based) and the article's
    number of word tokens (both aligned to the sorted table)."""
    word = t["is_word"].to_numpy(dtype=bool)
    art = pd.factorize(t["article_id"])[0]
    cw = np.cumsum(word) - word  # words before this token in the corpus
    first = np.r_[0, np.flatnonzero(np.diff(art)) + 1] if len(art) else np.zeros(0, dtype=np.int64)
    base = np.repeat(cw[first], np.diff(np.r_[first, len(art)])) if len(art) else cw
    nwords = np.bincount(art, weights=word, minlength=art.max() + 1 if len(art) else 0).astype(np.int64)
    return cw - base, nwords[art] if len(art) else nwords


# ---------------------------------------------------------------------------
# Dispersion and KWIC
# ---------------------------------------------------------------------------


def dispersion(
    tokens: pd.DataFrame,
    terms: Sequence[str],
    *,
    form: str = "norm",
    clitics: bool = True,
) -> pd.DataFrame:
    """Where in each article the terms occur (``textplot_xray``, AntConc's Plot).

    One row per occurrence: ``article_id, term, token_id, word_index, n_words,
    position`` with ``position = word_index / n_words`` (0 = first word, near 1 = last).
    ``attrs["articles"]`` maps every article (also those without a hit) to its number of
    word tokens, so a plot can show empty rows.

    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["قال إن الصين، والصين."]})
    >>> d = dispersion(tokens_table(sentences_table(arts)), ["الصين"])
    >>> d["word_index"].tolist(), d["position"].tolist()
    ([2, 3], [0.5, 0.75])
    """
    if isinstance(terms, str):
        terms = [terms]
    frames = []
    t, _ = sorted_tokens(tokens)
    rank, nwords = _word_rank(t)
    for term in terms:
        _, pos, _ = find_term(t, term, form, clitics, False)
        frames.append(
            pd.DataFrame(
                {
                    "article_id": t["article_id"].to_numpy()[pos],
                    "term": term,
                    "token_id": t["token_id"].to_numpy(dtype=np.int64)[pos],
                    "word_index": rank[pos],
                    "n_words": nwords[pos],
                }
            )
        )
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["article_id", "term", "token_id", "word_index", "n_words"])
    out["position"] = out["word_index"] / out["n_words"].where(out["n_words"] > 0, 1)
    word = t["is_word"].to_numpy(dtype=bool)
    out.attrs["articles"] = pd.Series(word.astype(np.int64)).groupby(t["article_id"].to_numpy(), sort=False).sum().to_dict()
    return out


_NO_SPACE_BEFORE = re.compile(r" (?=[.,،؛:;!؟?)\]”»])")
_NO_SPACE_AFTER = re.compile(r"(?<=[(\[“«]) ")


def _join(words: list[str]) -> str:
    s = " ".join(words)
    return _NO_SPACE_AFTER.sub("", _NO_SPACE_BEFORE.sub("", s))


def kwic(
    tokens: pd.DataFrame,
    pattern: str,
    *,
    form: str = "norm",
    window: int = 5,
    clitics: bool = True,
    regex: bool = False,
    sort: Literal["position", "right", "left"] = "position",
    keep_sort_key: bool = False,
) -> pd.DataFrame:
    """Keyword in context (quanteda's ``kwic``, AntConc's Concordance, Voyant's Contexts).

    ``pattern`` is a word or phrase, matched on ``form``: ``"norm"`` (default: the pattern
    is normalized, and with ``clitics=True`` its forms with attached و ف ب ل ك are found
    too, so ``الصين`` finds ``والصين``, ``بالصين``, ``للصين``), ``"lemma"`` (``الصين`` →
    lemma ``صين``: pass the lemma) or ``"surface"``. ``regex=True``: each word of the
    pattern is a regular expression matched against whole tokens. ``window`` counts
    tokens (punctuation included) on each side, within the article. ``sort``:
    ``"position"`` (article, then order), ``"right"`` (by the words after the keyword,
    R1, R2 …) or ``"left"`` (L1, L2 … leftwards), on normalized forms.

    Columns: ``article_id, sentence_id, token_id, start, end, left, keyword, right,
    match`` (``start``/``end``: character offsets of the keyword in ``clean_text``;
    ``match``: its normalized form); with ``keep_sort_key``, also ``sort_key`` (used to
    merge concordances of several batches in the same order).

    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["بين روسيا والصين، وللصين."]})
    >>> kwic(tokens_table(sentences_table(arts)), "الصين", window=2)["keyword"].tolist()
    ['والصين', 'وللصين']
    """
    t, pos, n = find_term(tokens, pattern, form, clitics, regex)
    cols = ["article_id", "sentence_id", "token_id", "start", "end", "left", "keyword", "right", "match"]
    if not len(pos):
        return pd.DataFrame(columns=cols)
    art = pd.factorize(t["article_id"])[0]
    surf = t["surface"].astype(str).to_numpy(dtype=object)
    norm = t["norm"].astype(str).to_numpy(dtype=object)
    aids = t["article_id"].to_numpy()
    rows, keys = [], []
    w = int(window)
    N = len(t)
    for i in pos:
        j = i + n - 1
        left_idx = [k for k in range(i - 1, max(i - w, 0) - 1, -1) if art[k] == art[i]]
        right_idx = [k for k in range(j + 1, min(j + w, N - 1) + 1) if art[k] == art[i]]
        rows.append(
            (
                aids[i],
                int(t["sentence_id"].iat[i]),
                int(t["token_id"].iat[i]),
                int(t["start"].iat[i]) if "start" in t.columns else -1,
                int(t["end"].iat[j]) if "end" in t.columns else -1,
                _join([surf[k] for k in reversed(left_idx)]),
                _join([surf[k] for k in range(i, j + 1)]),
                _join([surf[k] for k in right_idx]),
                " ".join(norm[k] for k in range(i, j + 1)),
            )
        )
        keys.append(([norm[k] for k in right_idx], [norm[k] for k in left_idx]))
    out = pd.DataFrame(rows, columns=cols)
    if sort in ("right", "left"):
        side = 0 if sort == "right" else 1
        skey = ["\u0000".join(k[side]) for k in keys]
        out = out.assign(_k=skey).sort_values(["_k", "article_id", "token_id"], kind="stable")
        out = out.rename(columns={"_k": "sort_key"}) if keep_sort_key else out.drop(columns="_k")
    elif sort != "position":
        raise ValueError(f"sort must be 'position', 'right' or 'left', not {sort!r}")
    out = out.reset_index(drop=True)
    out.attrs.update(pattern=pattern, form=form, window=w, clitics=clitics)
    return out


def mention_forms(tokens: pd.DataFrame, mentions: pd.DataFrame, form: str = "norm") -> set[str]:
    """The ``form`` of every token inside an actor mention (``token_start`` … ``token_end``):
    which frequent terms are (parts of) actor names.

    >>> toks = pd.DataFrame({"article_id": ["a"] * 3, "token_id": [0, 1, 2], "norm": ["قال", "شي", "جين"]})
    >>> m = pd.DataFrame({"article_id": ["a"], "token_start": [1], "token_end": [2]})
    >>> sorted(mention_forms(toks, m))
    ['جين', 'شي']
    """
    if mentions is None or not len(mentions):
        return set()
    lens = (mentions["token_end"] - mentions["token_start"] + 1).to_numpy(dtype=np.int64)
    aid = np.repeat(mentions["article_id"].to_numpy(), lens)
    tid = np.repeat(mentions["token_start"].to_numpy(dtype=np.int64), lens) + (np.arange(lens.sum()) - np.repeat(np.cumsum(lens) - lens, lens))
    spans = pd.DataFrame({"article_id": aid, "token_id": tid})
    return set(tokens.merge(spans, on=["article_id", "token_id"])[form].dropna().astype(str))


def next_words(kw: pd.DataFrame) -> pd.Series:
    """The first word (letters and digits only) right of each concordance line of :func:`kwic`,
    counted, most frequent first.

    >>> next_words(pd.DataFrame({"right": ["، شريك مهم", "شريك", "(2022) قال"]})).to_dict()
    {'شريك': 2, 'قال': 1}
    """
    def first_word(s: str):
        return next((w for w in str(s).split() if re.search(r"\p{L}", w)), None)

    words = kw["right"].map(first_word).dropna().map(lambda w: re.sub(r"[^\p{L}\p{N}]", "", w))
    return words.value_counts()
