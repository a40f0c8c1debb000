"""Candidate lemmatizers (word → lemma, POS, backend) and the :class:`Lemmatizer` wrapper with
its per-type cache."""
from __future__ import annotations

import threading
from typing import Callable, Iterable

import regex as re

from ..resources import TYPE_CACHE_LIMIT, camel_data_dir
from ..text import normalize
from .camel import BACKENDS, OFFLINE_DEFAULT, camel_fn, resolve_backend
from .rules import ARABIC_RE, Analysis, RuleLemmatizer

__all__ = ["Lemmatizer", "get_lemmatizer", "lemmatize", "strip_marks"]

_TATWEEL_DIAC_RE = re.compile("[\u0640\u064B-\u0652\u0670]")



def _fn_identity() -> Callable[[str], Analysis]:
    return lambda w: (w, None, "identity")


def _fn_rules(protected: frozenset[str] | None = None, name: str = "rules") -> Callable[[str], Analysis]:
    from .lemma_rules import LemmaRules  # broken plurals, protected words, verb patterns around the stripper

    r = LemmaRules.default(RuleLemmatizer(protected=protected))
    return lambda w: (r(w), None, name)


def _fn_qalsadi() -> Callable[[str], Analysis]:
    import qalsadi.lemmatizer

    lem = qalsadi.lemmatizer.Lemmatizer()

    def f(w: str) -> Analysis:
        if not ARABIC_RE.search(w):
            return w, None, "qalsadi"
        out = lem.lemmatize(w, return_pos=True)
        lemma, pos = out if isinstance(out, tuple) else (out, None)
        return normalize(lemma or w), (pos or None), "qalsadi"

    return f


def _fn_snowball() -> Callable[[str], Analysis]:
    import snowballstemmer

    st = snowballstemmer.stemmer("arabic")
    return lambda w: (normalize(st.stemWord(w)) or w, None, "snowball")


def _fn_isri() -> Callable[[str], Analysis]:
    from nltk.stem.isri import ISRIStemmer

    st = ISRIStemmer()
    return lambda w: (normalize(st.stem(w)) or w, None, "isri")


def _fn_tashaphyne() -> Callable[[str], Analysis]:
    from tashaphyne.stemming import ArabicLightStemmer

    st = ArabicLightStemmer()
    return lambda w: (normalize(st.light_stem(w)) or w, None, "tashaphyne")


class Lemmatizer:
    """One backend plus a cache of its results per word type.

    Offline backends see the normalized token (``norm``); CAMeL backends see the
    dediacritized surface (hamzas kept, as their databases and MLE model expect).

    >>> lem = Lemmatizer("rules")
    >>> lem.lookup(["وروسيا", "روسيا"])["وروسيا"]
    ('روسيا', None, 'rules')
    """

    def __init__(self, backend: str = "auto", *, db_path: str | None = None, mle_path: str | None = None):
        self.backend = resolve_backend(backend)
        self.key_column = "dediac" if self.backend.startswith("camel") else "norm"
        self.cache: dict[str, Analysis] = {}
        self.calls = 0  # analyses actually computed (cache misses)
        self._lock = threading.Lock()
        b = self.backend
        if b.startswith("camel"):
            offline = _make_offline(OFFLINE_DEFAULT)
            self._fn = camel_fn(b, db_path, mle_path, offline)
        else:
            self._fn = _make_offline(b)

    def analyze(self, word: str) -> Analysis:
        """(lemma, pos, backend) of one word, from the cache when seen before."""
        r = self.cache.get(word)
        if r is None:
            r = self._fn(word)
            self.calls += 1
            with self._lock:
                if len(self.cache) > TYPE_CACHE_LIMIT:  # bound memory on huge vocabularies
                    self.cache.clear()
                self.cache[word] = r
        return r

    def lookup(self, words: Iterable[str]) -> dict[str, Analysis]:
        """Analyses of distinct words: ``{word: (lemma, pos, backend)}``."""
        return {w: self.analyze(w) for w in words}

    def __repr__(self) -> str:
        return f"Lemmatizer({self.backend!r}, cached_types={len(self.cache)})"


def _make_offline(name: str) -> Callable[[str], Analysis]:
    makers: dict[str, Callable[[], Callable[[str], Analysis]]] = {
        "rules": _fn_rules,
        "rules-nogazetteer": lambda: _fn_rules(frozenset(), "rules-nogazetteer"),
        "qalsadi": _fn_qalsadi,
        "snowball": _fn_snowball,
        "isri": _fn_isri,
        "tashaphyne": _fn_tashaphyne,
        "identity": _fn_identity,
    }
    if name not in makers:
        raise ValueError(f"unknown lemma backend {name!r}; choose one of {list(BACKENDS)}")
    return makers[name]()


_LEMMATIZERS: dict[tuple, Lemmatizer] = {}


def get_lemmatizer(backend: str = "auto", **kwargs) -> Lemmatizer:
    """A shared :class:`Lemmatizer` per backend (its type cache lives for the process).

    >>> get_lemmatizer("rules") is get_lemmatizer("rules")
    True
    """
    resolved = resolve_backend(backend)
    key = (resolved, tuple(sorted(kwargs.items())), str(camel_data_dir()) if resolved.startswith("camel") else "")
    lem = _LEMMATIZERS.get(key)
    if lem is None:
        lem = _LEMMATIZERS[key] = Lemmatizer(resolved, **kwargs)
    return lem


def lemmatize(words: Iterable[str], backend: str = "auto") -> list[str]:
    """Lemmas of a list of words (each normalized first).

    >>> lemmatize(["بالصين", "المسؤولين", "يتحدث"], backend="rules")
    ['صين', 'مسؤول', 'تحدث']
    """
    lem = get_lemmatizer(backend)
    out = []
    for w in words:
        key = strip_marks(w) if lem.key_column == "dediac" else normalize(w)
        out.append(lem.analyze(key)[0])
    return out


def strip_marks(s: str) -> str:
    """The word without tatweel and diacritics (the key of the CAMeL backends).

    >>> strip_marks("كَتَبَ")
    'كتب'
    """
    return _TATWEEL_DIAC_RE.sub("", s)
