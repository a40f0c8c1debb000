"""Arabic text processing: normalization, sentence splitting and tokenization.

Everything here works on the *cleaned* article text (see :mod:`arnews.clean`) and keeps
character offsets into it, so every sentence and token can be traced back.

Only CAMeL Tools' data-free utilities are imported here (``camel_tools.utils`` and
``camel_tools.tokenizers.word``); the data-backed modules (morphology, disambig, ner,
sentiment) try a network download at import time and stay out of this path.

Example
-------
>>> from arnews.text import normalize, split_sentences, tokenize
>>> normalize("أكّد الرئيـس")
'اكد الرئيس'
>>> [s.text for s in split_sentences("قال بوتين. وأكد شي؟")]
['قال بوتين.', 'وأكد شي؟']
>>> [(t.surface, t.start, t.end) for t in tokenize("وقال: نعم")]
[('وقال', 0, 4), (':', 4, 5), ('نعم', 6, 9)]
"""
from __future__ import annotations

from dataclasses import dataclass, asdict
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple

import numpy as np
import pandas as pd
import regex as re
from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

from .resources import TYPE_CACHE_LIMIT
from .stages import Stage

__all__ = [
    "NormalizeOptions",
    "normalize",
    "normalize_series",
    "Sentence",
    "Token",
    "split_sentences",
    "tokenize",
    "sentences_table",
    "tokens_table",
    "ARABIC_LETTER_RE",
]

ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_TATWEEL = "\u0640"
_ARCLEAN = CharMapper.builtin_mapper("arclean")
# Hamza-on-ya and hamza-on-waw are folded too (ئ→ي, ؤ→و) when `hamza=True`.
_HAMZA_MAP = str.maketrans({"ئ": "ي", "ؤ": "و", "ء": ""})


@dataclass(frozen=True)
class NormalizeOptions:
    """Which normalizations :func:`normalize` applies (all CAMeL Tools utilities).

    The defaults are the usual ones for counting and matching Arabic news text:
    Unicode NFKC, ``arclean``, no diacritics or tatweel, alef variants → ا,
    alef maksura → ي. Teh marbuta (ة→ه) and hamza folding are off by default because
    they merge distinct words (e.g. ``الصينية``/``الصينيه`` is harmless, but
    ``مسؤول``→``مسوول`` is rarely wanted); switch them on for noisy social-media text.
    Note that CAMeL's ``arclean`` map itself drops diacritics and tatweel: to keep
    diacritics, set both ``arclean=False`` and ``dediac=False``.
    """

    unicode: bool = True
    arclean: bool = True
    dediac: bool = True
    tatweel: bool = True
    alef: bool = True
    alef_maksura: bool = True
    teh_marbuta: bool = False
    hamza: bool = False

    def key(self) -> str:
        return ",".join(f"{k}={int(v)}" for k, v in asdict(self).items())


DEFAULT_NORMALIZATION = NormalizeOptions()


def normalize(text: str, options: NormalizeOptions = DEFAULT_NORMALIZATION) -> str:
    """Return a normalized copy of ``text``; the original is never modified.

    >>> normalize("إلى روسيا")
    'الي روسيا'
    >>> normalize("الصينية", NormalizeOptions(teh_marbuta=True))
    'الصينيه'
    """
    if options.unicode:
        text = normalize_unicode(text)
    if options.arclean:
        text = _ARCLEAN(text)
    if options.dediac:
        text = dediac_ar(text)
    if options.tatweel:
        text = text.replace(_TATWEEL, "")
    if options.alef:
        text = normalize_alef_ar(text)
    if options.alef_maksura:
        text = normalize_alef_maksura_ar(text)
    if options.teh_marbuta:
        text = normalize_teh_marbuta_ar(text)
    if options.hamza:
        text = text.translate(_HAMZA_MAP)
    return text


_NORM_CACHES: dict[NormalizeOptions, dict[str, str]] = {}


def normalize_series(values: pd.Series, options: NormalizeOptions = DEFAULT_NORMALIZATION) -> pd.Series:
    """Normalize a Series of tokens, computing each distinct form once.

    News text is Zipfian, so normalizing word *types* and mapping back is much faster
    than normalizing every token.

    >>> normalize_series(pd.Series(["أكد", "أكد", "إلى"])).tolist()
    ['اكد', 'اكد', 'الي']
    """
    cache = _NORM_CACHES.setdefault(options, {})
    if len(cache) > TYPE_CACHE_LIMIT:  # keep memory bounded on very large vocabularies
        cache.clear()
    for u in pd.unique(values):
        if u not in cache:
            cache[u] = normalize(u, options)
    return values.map(cache)


# ---------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


# Characters that end a sentence, and closing quotes/brackets that stay with it.
_TERMINATORS = ".؟?!؛;…"
_CLOSERS = "”\"»’')]」"
# Abbreviations that end with a period but do not end a sentence (normalized, no dot).
_ABBREVIATIONS = frozenset(
    {
        "د", "م", "ص", "ج", "ق", "ه", "هـ", "ت", "ش", "ب", "أ", "ا", "إ", "ع", "س", "ك", "ف",
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "No", "vs", "etc", "e.g", "i.e",
        "U.S", "U.N", "U.K", "E.U",
    }
)
_SENT_BOUNDARY_RE = re.compile(
    r"""
    (?P<term>\.{3,}|…|[.؟?!؛;]+)      # terminator run (ellipsis handled below)
    (?P<close>[”"»’')\]]*)            # closing quotes or brackets stay with the sentence
    (?=\s|$)                          # followed by space or end
    """,
    re.VERBOSE,
)


def _is_abbreviation(text: str, term_start: int) -> bool:
    before = text[max(0, term_start - 12) : term_start]
    if not before or before[-1].isspace():
        return False
    word = before.split()[-1].lstrip("(«“\"")
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    # A single letter followed by a period is an initial ("نيكولاي ب. باتروشيف", "A. Smith").
    return len(word) == 1 and word.isalpha()


def _iter_sentence_spans(text: str) -> Iterable[tuple[int, int]]:
    """Yield (start, end) spans of sentences in one line of text."""
    pos = 0
    n = len(text)
    for m in _SENT_BOUNDARY_RE.finditer(text):
        term = m.group("term")
        if term.startswith(".") and len(term) == 1 and _is_abbreviation(text, m.start()):
            continue
        if term in ("…",) or term.startswith("..."):
            # An ellipsis ends a sentence only if the next word starts a new clause marked
            # by a capital letter; in Arabic (no case) it usually marks an omission inside a
            # quote, so it does not split.
            nxt = text[m.end():].lstrip()[:1]
            if not (nxt.isupper()):
                continue
        end = m.end()
        yield pos, end
        pos = end
    if pos < n:
        yield pos, n


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned article text into sentences with offsets.

    Boundaries are ``. ؟ ? ! ؛ ;`` and line breaks; closing quotes stay with the
    sentence they close; initials and abbreviations ("نيكولاي ب. باتروشيف") and
    ellipses inside a sentence do not split; decimals ("2.5") do not split.

    >>> [s.text for s in split_sentences("قال: “نعم.” ثم غادر")]
    ['قال: “نعم.”', 'ثم غادر']
    >>> len(split_sentences("عقد نيكولاي ب. باتروشيف اجتماعا."))
    1
    """
    out: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        for s, e in _iter_sentence_spans(line):
            seg = line[s:e]
            lstrip = len(seg) - len(seg.lstrip())
            rstrip = len(seg) - len(seg.rstrip())
            s2, e2 = s + lstrip, e - rstrip
            if e2 > s2 and _has_content(line[s2:e2]):
                out.append(Sentence(line_start + s2, line_start + e2, line[s2:e2]))
        line_start += len(line) + 1
    return out


_CONTENT_RE = re.compile(r"[\p{L}\p{N}]")


def _has_content(s: str) -> bool:
    return _CONTENT_RE.search(s) is not None


# ---------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------


class Token(NamedTuple):
    start: int
    end: int
    surface: str


_WORD_CACHE: dict[str, tuple[tuple[int, int, str], ...]] = {}


def _word_pieces(word: str) -> tuple[tuple[int, int, str], ...]:
    """``simple_word_tokenize`` of one whitespace-free word, with offsets, cached per word
    type (the tokenizer treats each whitespace-separated word independently, so caching
    by word gives exactly its output)."""
    pieces = _WORD_CACHE.get(word)
    if pieces is None:
        out, cursor = [], 0
        for tok in simple_word_tokenize(word):
            i = word.find(tok, cursor)
            cursor = i + len(tok)
            out.append((i, cursor, tok))
        pieces = tuple(out)
        if len(_WORD_CACHE) > TYPE_CACHE_LIMIT:
            _WORD_CACHE.clear()
        _WORD_CACHE[word] = pieces
    return pieces


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokenize with ``camel_tools``' ``simple_word_tokenize`` and attach offsets.

    The output is exactly ``simple_word_tokenize(text)``; each whitespace-separated word
    is tokenized once per distinct form and cached. ``offset`` is added to every
    position (use the sentence start to get article offsets).

    >>> [t.surface for t in tokenize("قال بوتين: “الصين”")]
    ['قال', 'بوتين', ':', '“', 'الصين', '”']
    """
    return [Token(s, e, tok) for s, e, tok in _pieces(text, offset)]


def _pieces(text: str, offset: int = 0) -> Iterator[tuple[int, int, str]]:
    """(start, end, token) of ``simple_word_tokenize(text)``, offsets shifted by ``offset``."""
    cursor = 0
    for word in text.split():
        i = text.find(word, cursor)
        cursor = i + len(word)
        base = offset + i
        for s, e, tok in _word_pieces(word):
            yield base + s, base + e, tok


def sentences_table(articles: pd.DataFrame, text_column: str = "clean_text") -> pd.DataFrame:
    """One row per sentence: ``article_id, sentence_id, start, end, text``.

    >>> df = pd.DataFrame({"article_id": ["a"], "clean_text": ["قال بوتين. وأكد شي."]})
    >>> sentences_table(df)[["sentence_id", "text"]].values.tolist()
    [[0, 'قال بوتين.'], [1, 'وأكد شي.']]
    """
    rows: dict[str, list] = {"article_id": [], "sentence_id": [], "start": [], "end": [], "text": []}
    for aid, text in zip(articles["article_id"], articles[text_column]):
        for i, s in enumerate(split_sentences(text or "")):
            rows["article_id"].append(aid)
            rows["sentence_id"].append(i)
            rows["start"].append(s.start)
            rows["end"].append(s.end)
            rows["text"].append(s.text)
    df = pd.DataFrame(rows)
    return df.astype({"sentence_id": "int32", "start": "int32", "end": "int32"})


def tokens_table(
    sentences: pd.DataFrame, options: NormalizeOptions = DEFAULT_NORMALIZATION
) -> pd.DataFrame:
    """One row per token: ``article_id, sentence_id, token_id, start, end, surface, norm, is_word``.

    ``token_id`` counts tokens within the article; ``start``/``end`` are offsets into the
    article's cleaned text; ``norm`` is :func:`normalize` of the surface form;
    ``is_word`` is True for tokens containing a letter or digit (not punctuation).

    >>> s = sentences_table(pd.DataFrame({"article_id": ["a"], "clean_text": ["أكد بوتين."]}))
    >>> tokens_table(s)[["surface", "norm", "is_word"]].values.tolist()
    [['أكد', 'اكد', True], ['بوتين', 'بوتين', True], ['.', '.', False]]
    """
    starts: list[int] = []
    ends: list[int] = []
    surfaces: list[str] = []
    counts: list[int] = []  # tokens per sentence
    for start, text in zip(sentences["start"].tolist(), sentences["text"].tolist()):
        n0 = len(surfaces)
        for s, e, tok in _pieces(text, start):
            starts.append(s)
            ends.append(e)
            surfaces.append(tok)
        counts.append(len(surfaces) - n0)
    reps = np.asarray(counts, dtype=np.int64)
    aids = np.repeat(sentences["article_id"].to_numpy(dtype=object), reps)
    sids = np.repeat(sentences["sentence_id"].to_numpy(dtype=np.int32), reps)
    # token ids restart at 0 in each article
    tids = np.arange(len(surfaces), dtype=np.int64)
    if len(surfaces):
        new_article = np.r_[True, aids[1:] != aids[:-1]]
        first = np.maximum.accumulate(np.where(new_article, tids, 0))
        tids = tids - first
    df = pd.DataFrame(
        {
            "article_id": aids,
            "sentence_id": pd.array(sids, dtype="int32"),
            "token_id": pd.array(tids, dtype="int32"),
            "start": pd.array(starts, dtype="int32"),
            "end": pd.array(ends, dtype="int32"),
            "surface": pd.array(surfaces, dtype=object),
        }
    )
    df["norm"] = normalize_series(df["surface"], options) if len(df) else pd.Series(dtype=object)
    df["is_word"] = df["surface"].map(_is_word_cached) if len(df) else pd.Series(dtype=bool)
    return df


_is_word_cached = lru_cache(maxsize=200_000)(_has_content)


def annotate_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Pipeline stage (:data:`STAGE`): sentences and tokens of the cleaned text; ``n_tokens`` per article
    counts word tokens (punctuation excluded)."""
    arts = tables["articles"]
    sents = sentences_table(arts)
    toks = tokens_table(sents)
    counts = toks.loc[toks["is_word"], "article_id"].value_counts() if len(toks) else pd.Series(dtype=int)
    arts = arts.copy()
    arts["n_tokens"] = arts["article_id"].map(counts).fillna(0).astype("int64")
    return {"articles": arts, "sentences": sents, "tokens": toks}


STAGE = Stage(
    name="text",
    run="arnews.text:annotate_stage",
    requires=("articles.clean_text",),
    produces=("articles.n_tokens", "sentences", "tokens"),
)
