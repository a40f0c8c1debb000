"""Lemmas and part of speech for tokens, with the backend that produced each one recorded.

Backends
--------
``camel``
    CAMeL Tools' morphology database and MLE disambiguator (``camel_data -i light``). Used
    by ``backend="auto"`` when the data is installed.
``camel-analyzer``
    CAMeL Tools' :class:`~camel_tools.morphology.analyzer.Analyzer` on a morphology database
    without a disambiguation model. Among a word's analyses it keeps the one with the highest
    ``pos_lex_logprob`` (the database's own lemma/POS unigram probability); ties go to the
    analysis with the fewest morphemes (shortest ``bw``), then to the alphabetically first
    ``lex``, so the choice is deterministic.
``rules``
    The offline default, chosen by measurement against ``data/gold/lemmas.csv`` (see
    :func:`evaluation_report`): clitic and affix stripping that only removes an affix when a
    general Arabic word-frequency list (``wordfreq``) shows the remainder is a common word,
    plus the gazetteer's names (``data/actors.csv``) protected as whole words, and function
    words mapped to their base form by the ``Arabic-Stopwords`` list. The definite article is
    always removed (الصين → صين, الكرملين → كرملين), as in CAMeL Tools' ``lex``. Gives no POS.
``qalsadi``, ``snowball``, ``isri``, ``tashaphyne``, ``identity``
    Candidates compared in the evaluation (``identity`` returns the normalized token).

CAMeL Tools' data-backed modules try to download data when imported without it, so they are
imported only inside the functions that use them, after :func:`camel_data_status` has found
the files on disk. Lemmas are computed once per word *type* and cached (news text is Zipfian;
CAMeL Tools 1.6.0's own MLE cache recomputes on every call).

Example
-------
>>> import pandas as pd
>>> toks = pd.DataFrame({"surface": ["وبوتين", "بالصين", "لروسيا", "."],
...                      "norm": ["وبوتين", "بالصين", "لروسيا", "."],
...                      "is_word": [True, True, True, False]})
>>> add_lemmas(toks, backend="rules")[["lemma", "lemma_backend"]].values.tolist()
[['بوتين', 'rules'], ['صين', 'rules'], ['روسيا', 'rules'], ['.', 'punct']]
"""
from __future__ import annotations

import json
import math
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd
import regex as re

from .resources import TYPE_CACHE_LIMIT, camel_data_dir
from .stages import Stage
from .text import normalize
from .wordforms import ARTICLE, CONJUNCTIONS, FUTURE, PREPOSITIONS

__all__ = [
    "BACKENDS",
    "OFFLINE_DEFAULT",
    "CANDIDATES",
    "camel_data_dir",
    "camel_data_status",
    "resolve_backend",
    "Lemmatizer",
    "get_lemmatizer",
    "lemmatize",
    "add_lemmas",
    "annotate_stage",
]

# The offline backend used when no CAMeL data is installed. Chosen by `evaluation_report()`
# on data/gold/lemmas.csv (highest exact-lemma accuracy among the offline candidates).
OFFLINE_DEFAULT = "rules"
# Offline candidates compared by `evaluate()`, in report order.
CANDIDATES = ("rules", "rules-nogazetteer", "qalsadi", "snowball", "isri", "tashaphyne", "identity")
BACKENDS = ("auto", "camel", "camel-analyzer", *CANDIDATES)

_ARABIC_RE = re.compile(r"\p{Arabic}")
_TATWEEL_DIAC_RE = re.compile("[\u0640\u064B-\u0652\u0670]")


# ---------------------------------------------------------------------------
# CAMeL Tools data detection (no camel_tools import, so no download attempt)
# ---------------------------------------------------------------------------


def camel_data_status(data_dir: str | os.PathLike | None = None) -> dict:
    """Which CAMeL Tools morphology files are installed, found by reading its catalogue.

    Returns ``{"data_dir", "catalogue", "morphology_db", "mle_model"}`` with paths of the
    files that exist (``None`` otherwise). Nothing is imported from ``camel_tools`` and
    nothing is downloaded.

    >>> st = camel_data_status("/nonexistent")
    >>> st["catalogue"], st["morphology_db"], st["mle_model"]
    (None, None, None)
    """
    root = Path(data_dir) if data_dir is not None else camel_data_dir()
    out: dict = {"data_dir": root, "catalogue": None, "morphology_db": None, "mle_model": None}
    cat = root / "catalogue.json"
    if not cat.is_file():
        return out
    try:
        components = json.loads(cat.read_text(encoding="utf-8"))["components"]
    except (OSError, ValueError, KeyError, TypeError):
        return out
    out["catalogue"] = cat

    def dataset_file(component: str, filename: str, name: str | None = None) -> Path | None:
        try:
            comp = components[component]
            ds = comp["datasets"][name or comp["default"]]
            p = root / "data" / ds["path"] / filename
        except (KeyError, TypeError):
            return None
        return p if p.is_file() else None

    out["morphology_db"] = dataset_file("MorphologyDB", "morphology.db")
    out["mle_model"] = dataset_file("DisambigMLE", "model.json")
    return out


def resolve_backend(backend: str = "auto") -> str:
    """The concrete backend ``"auto"`` stands for here: ``camel`` when CAMeL's morphology DB
    and MLE model are installed, ``camel-analyzer`` with only the DB, else the offline default.

    >>> resolve_backend("rules")
    'rules'
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown lemma backend {backend!r}; choose one of {list(BACKENDS)}")
    if backend != "auto":
        return backend
    st = camel_data_status()
    if st["morphology_db"] and st["mle_model"]:
        return "camel"
    if st["morphology_db"]:
        return "camel-analyzer"
    return OFFLINE_DEFAULT


# ---------------------------------------------------------------------------
# Resources for the rule-based backend
# ---------------------------------------------------------------------------

_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "\u0640": None, "\u0670": None}
    | {chr(c): None for c in range(0x064B, 0x0653)}
)


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    """wordfreq's Arabic list, keys folded like :func:`arnews.text.normalize`, as Zipf values."""
    from wordfreq import get_frequency_dict

    acc: dict[str, float] = {}
    for w, f in get_frequency_dict("ar").items():
        k = w.translate(_FOLD)
        acc[k] = acc.get(k, 0.0) + f
    return {k: math.log10(f) + 9.0 for k, f in acc.items()}


@lru_cache(maxsize=1)
def _function_words() -> dict[str, str]:
    """Arabic-Stopwords forms (with their clitics) -> base word, both normalized."""
    from arabicstopwords.arabicstopwords import STOPWORDS

    out: dict[str, str] = {}
    for form, entries in STOPWORDS.items():
        # readings with the interrogative hamza (أمن = أ+من) collide with content words
        # once alef is normalized (امن "security"); news prose hardly uses them
        entries = [e for e in entries if "أ" not in (e.get("procletic") or "")]
        if entries:
            base = normalize(entries[0]["original"])
            out.setdefault(normalize(form), _PRONOUN_LEMMAS.get(base, base))
    return out


# Demonstratives and relatives take the masculine singular as lemma (as in CAMeL's lex).
_PRONOUN_LEMMAS = {
    normalize(k): normalize(v)
    for v, ks in {
        "هذا": "هذه هذان هاتان هذين هاتين هؤلاء",
        "ذلك": "تلك ذلكم أولئك",
        "الذي": "التي الذين اللذان اللذين اللتان اللتين اللاتي اللواتي اللائي",
    }.items()
    for k in ks.split()
}


def _split_variants(value) -> list[str]:
    if not isinstance(value, str):
        return []
    return [v.strip() for v in re.split(r"[|;]", value) if v.strip()]


@lru_cache(maxsize=4)
def _gazetteer_names(path: str | None, mtime: float | None) -> frozenset[str]:
    """Single-word Arabic names in the gazetteer (and the words of multi-word person names)."""
    if path is None:
        return frozenset()
    df = pd.read_csv(path, dtype=str)
    names: set[str] = set()
    cols = [c for c in ("label_ar", "variants", "weak_variants") if c in df.columns]
    for _, row in df.iterrows():
        person = str(row.get("type", "")).strip().lower() == "person"
        for c in cols:
            for v in _split_variants(row[c]):
                n = normalize(v)
                if not _ARABIC_RE.search(n):
                    continue
                words = n.split()
                if len(words) == 1:
                    names.add(words[0])
                elif person:
                    names.update(w for w in words if len(w) > 1)
    return frozenset(names)


def _default_gazetteer() -> frozenset[str]:
    from .resources import data_dir

    p = data_dir() / "actors.csv"
    if not p.is_file():
        return frozenset()
    return _gazetteer_names(str(p), p.stat().st_mtime)


# ---------------------------------------------------------------------------
# Rule-based lemmatizer
# ---------------------------------------------------------------------------

# Proclitic sequences (normalized): conjunction, then preposition or future, then article.
def _proclitics() -> list[tuple[str, str]]:
    """Proclitic sequences (from :mod:`arnews.wordforms`) and their kind."""
    out = [(ARTICLE, "art")]
    for conj in ("",) + CONJUNCTIONS:
        if conj:
            out += [(conj, "conj"), (conj + ARTICLE, "prep_art")]
        out.append((conj + FUTURE, "fut"))
        for prep in PREPOSITIONS:
            out.append((conj + prep, "prep"))
            out.append((conj + ("لل" if prep == "ل" else prep + ARTICLE), "prep_art"))
    return out


_PROCLITICS = _proclitics()
_PRON_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "نا", "ه")
_IMPERFECT = ("ي", "ت", "ن")


@dataclass
class RuleLemmatizer:
    """Clitic and affix stripping guided by a general word-frequency list.

    An affix is removed only when wordfreq's general Arabic list (Zipf scale) shows the word
    left is common: a bare و/ف or future س when the remainder is at least ``margin`` more
    frequent than the whole form (``وبوتين`` → ``بوتين``, ``وشيك`` stays); a preposition
    ب/ل/ك (with or without the article) when the remainder is at least as frequent
    (``بوتين`` never → ``وتين``); the article when the bare word exists at all (``التزام``
    keeps its ال). Pronoun, plural, dual, feminine, nisba and tanween endings go when the base
    is common (Zipf >= ``min_zipf``) and at most ``margin`` rarer than the inflected form.
    A form (almost) never seen with the article is taken as a verb and mapped to a common
    perfect (``يتحدث`` → ``تحدث``, ``تعتبر`` → ``اعتبر``). Names in ``protected`` are kept
    whole (minus clitics and article).

    >>> r = RuleLemmatizer(protected=frozenset())
    >>> [r("وبوتين"), r("بوتين"), r("العلاقات"), r("للكرملين")]
    ['بوتين', 'بوتين', 'علاقة', 'كرملين']
    """

    protected: frozenset[str] | None = None
    margin: float = 0.5
    min_zipf: float = 3.0

    def __post_init__(self) -> None:
        if self.protected is None:
            self.protected = _default_gazetteer()
        self._z = _zipf_table()
        self._fw = _function_words()

    # evidence: how common x is as a word, with or without the article
    def _zipf(self, x: str) -> float:
        return self._z.get(x, 0.0)

    def _ev(self, x: str) -> float:
        z = self._z.get(x, 0.0)
        if not x.startswith("ال"):
            z = max(z, self._z.get("ال" + x, 0.0))
        return z

    @staticmethod
    def _drop_article(x: str) -> str:
        return x[2:] if x.startswith("ال") and len(x) > 3 else x

    def _is_name(self, x: str) -> bool:
        return x in self.protected or ("ال" + x) in self.protected

    def __call__(self, w: str) -> str:
        if not w or not _ARABIC_RE.search(w):
            return w
        if w in self.protected:
            return self._drop_article(w)
        if w in self._fw:
            return self._fw[w]

        # 1. proclitics: among the segmentations the evidence allows, keep the one whose
        #    remainder is the most common word (ties: the longer proclitic)
        whole = self._zipf(w)
        best, best_ev, best_kind, best_len = w, -1.0, "", 0
        for pre, kind in _PROCLITICS:
            if not w.startswith(pre):
                continue
            rest = w[len(pre):]
            if len(rest) < 2 or (kind == "fut" and not rest.startswith(_IMPERFECT + ("ا",))):
                continue
            if self._is_name(rest):
                return self._drop_article(rest)
            if kind in ("art", "prep_art") and not self._article_ok(rest):
                continue
            ev = self._ev(rest)
            if kind == "art":
                ok = True  # the article alone: strip whenever the bare word exists
            elif kind in ("prep", "prep_art"):
                ok = ev >= whole and ev > 0
            else:  # a bare conjunction or future prefix: the remainder must be clearly commoner
                ok = ev >= whole + self.margin
            if ok and (ev > best_ev or (ev == best_ev and len(pre) > best_len)):
                best, best_ev, best_kind, best_len = rest, ev, kind, len(pre)
        stem = best
        if best_len and stem in self._fw:
            return self._fw[stem]
        nominal = best_kind in ("art", "prep", "prep_art")
        return self._inflection(stem, nominal, best_kind == "fut")

    def _enclitic_variants(self, x: str) -> list[str]:
        out = []
        for suf in _PRON_SUFFIXES:
            if x.endswith(suf) and len(x) - len(suf) >= 2:
                base = x[: -len(suf)]
                out.append(base)
                if base.endswith("ت"):
                    out.append(base[:-1] + "ة")
        return out

    def _article_ok(self, rest: str) -> bool:
        """Is the ال before ``rest`` the article (not the start of a stem like التزام)?

        Yes when the bare word is attested, or when neither reading is (unknown words)."""
        forms = [rest, *self._enclitic_variants(rest)]
        if any(self._z.get(f, 0.0) > 0 for f in forms):
            return True
        return not any(self._z.get("ال" + f, 0.0) > 0 for f in forms)

    def _better(self, base: str, form: str, strict: bool = False) -> bool:
        """Is ``base`` a common word, at most ``margin`` less frequent than ``form``?"""
        if len(base) < 2:
            return False
        eb = self._ev(base)
        if eb < self.min_zipf:
            return False
        return eb >= self._ev(form) + (self.margin if strict else -self.margin)

    def _inflection(self, x: str, nominal: bool, verbal: bool) -> str:
        if self._is_name(x) or len(x) < 3:
            return x
        # pronoun enclitics (a stem-final ت before them is a teh marbuta: علاقتهما → علاقة)
        for suf in _PRON_SUFFIXES:
            if x.endswith(suf) and len(x) - len(suf) >= 2:
                base = x[: -len(suf)]
                cands = [base[:-1] + "ة", base] if base.endswith("ت") else [base]
                ok = [c for c in cands if self._better(c, x)]
                if ok:
                    x = max(ok, key=self._ev)
                    break
        # verbs: a form (almost) never seen with the article is not a noun
        if not nominal and (verbal or self._zipf("ال" + x) < max(1.0, self._zipf(x) - 3.0)):
            v = self._verb(x)
            if v is not None:
                return v
        return self._noun(x)

    def _verb(self, x: str) -> str | None:
        cands: list[str] = []
        cores = [x]
        for suf in ("ون", "ان", "وا", "ين"):
            if x.endswith(suf) and len(x) - len(suf) >= 3:
                cores.append(x[: -len(suf)])
        for core in cores:
            if core.startswith(_IMPERFECT) and len(core) >= 4:
                rest = core[1:]
                cands += [rest, "ا" + rest]
                if rest[0] in "وؤ":
                    cands.append("ا" + rest[1:])
        for suf in ("تا", "وا", "ت", "ا"):  # perfect: 3fd, 3mp, 3fs, 3md
            if x.endswith(suf) and len(x) - len(suf) >= 3:
                cands.append(x[: -len(suf)])
        # geminate perfects are two letters once unvocalized (تضر -> ضر)
        ok = [c for c in cands if len(c) >= 2 and self._zipf(c) >= self.min_zipf]
        return max(ok, key=self._zipf) if ok else None

    def _noun(self, x: str) -> str:
        if x.endswith("ات") and len(x) >= 5:  # sound feminine plural
            b = x[:-2]
            ok = [c for c in (b + "ة", b) if self._ev(c) >= self.min_zipf]
            if ok:
                return max(ok, key=self._ev)
        if x.endswith(("ين", "ون")) and len(x) >= 5:  # sound masculine plural / dual
            b = x[:-2]
            other = ("ون", "ان") if x.endswith("ين") else ("ين",)
            if any(self._ev(b + o) >= 2.0 for o in other) and self._better(b, x):
                return b
        if x.endswith("ان") and len(x) >= 5:  # dual
            b = x[:-2]
            if self._ev(b + "ين") >= 2.0 and self._better(b, x):
                return b
        if x.endswith("ية") and len(x) >= 5:  # nisba adjective: X+ية -> X+ي
            b = x[:-1]
            if self._better(b, x) or (self._ev(b) >= self.min_zipf and self._ev(b[:-1]) >= self.min_zipf):
                return b
        if x.endswith("ة") and x.startswith("م") and len(x) >= 5 and self._better(x[:-1], x):
            return x[:-1]  # feminine participle/adjective (منفصلة → منفصل)
        if x.endswith("ا") and len(x) >= 4 and self._better(x[:-1], x):  # tanween -an
            return x[:-1]
        return x


# ---------------------------------------------------------------------------
# Candidate lemmatizers (word -> lemma) and the Lemmatizer wrapper with its type cache
# ---------------------------------------------------------------------------

Analysis = tuple[str, "str | None", str]  # lemma, pos, backend


def _fn_identity() -> Callable[[str], Analysis]:
    return lambda w: (w, None, "identity")


def _fn_rules(protected: frozenset[str] | None = None, name: str = "rules") -> Callable[[str], Analysis]:
    r = RuleLemmatizer(protected=protected)
    return lambda w: (r(w), None, name)


def _fn_qalsadi() -> Callable[[str], Analysis]:
    import qalsadi.lemmatizer

    lem = qalsadi.lemmatizer.Lemmatizer()

    def f(w: str) -> Analysis:
        if not _ARABIC_RE.search(w):
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


def _pick_analysis(analyses: list[dict]) -> dict | None:
    """The documented rule for an analyzer without a disambiguation model."""
    if not analyses:
        return None

    def key(a: dict):
        lp = a.get("pos_lex_logprob")
        lp = -99.0 if lp is None else float(lp)
        return (-lp, len(a.get("bw", "") or ""), a.get("lex", ""))

    return min(analyses, key=key)


def _camel_fn(
    mode: str, db_path: str | None, mle_path: str | None, fallback: Callable[[str], Analysis]
) -> Callable[[str], Analysis]:
    """Word -> analysis with CAMeL Tools (imported here, after the data files were found)."""
    if db_path is None or (mode == "camel" and mle_path is None):
        st = camel_data_status()
        db_path = db_path or (str(st["morphology_db"]) if st["morphology_db"] else None)
        if mode == "camel":
            mle_path = mle_path or (str(st["mle_model"]) if st["mle_model"] else None)
    if db_path is None or not Path(db_path).is_file():
        raise FileNotFoundError(
            f"backend {mode!r}: no CAMeL Tools morphology database found (looked in {camel_data_dir()}; "
            "install with `camel_data -i light` or pass db_path=)"
        )
    if mode == "camel" and (mle_path is None or not Path(mle_path).is_file()):
        raise FileNotFoundError(
            f"backend 'camel': no CAMeL Tools MLE model found in {camel_data_dir()}; install with "
            "`camel_data -i light`, pass mle_path=, or use backend='camel-analyzer'"
        )
    if camel_data_status()["catalogue"] is None:
        # camel_tools.data loads (or downloads) its catalogue at import time
        raise FileNotFoundError(f"backend {mode!r}: no CAMeL Tools catalogue.json in {camel_data_dir()}")
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB

    # No backoff: a word the database does not know goes to the offline backend (recorded in
    # lemma_backend) rather than to a guessed proper-noun analysis.
    analyzer = Analyzer(MorphologyDB(str(db_path), "a"), backoff="NONE")
    if mode == "camel":
        from camel_tools.disambig.mle import MLEDisambiguator

        # cache_size=0: its LFU cache is bypassed anyway in 1.6.0; we cache per type
        dis = MLEDisambiguator(analyzer, str(mle_path), top=1, cache_size=0)

        def choose(w: str) -> dict | None:
            scored = dis.disambiguate([w])[0].analyses
            return scored[0].analysis if scored else None

    else:

        def choose(w: str) -> dict | None:
            return _pick_analysis(analyzer.analyze(w))

    def f(w: str) -> Analysis:
        a = choose(w) if _ARABIC_RE.search(w) else None
        if a is None or not a.get("lex"):
            return fallback(normalize(w))
        return normalize(a["lex"]), a.get("pos") or None, mode

    return f


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
            self._fn = _camel_fn(b, db_path, mle_path, offline)
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


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def add_lemmas(tokens: pd.DataFrame, backend: str = "auto", lemmatizer: Lemmatizer | None = None) -> pd.DataFrame:
    """Return a copy of ``tokens`` with ``lemma``, ``pos`` (None where unknown) and
    ``lemma_backend`` (which backend produced each lemma; ``punct`` for non-word tokens).

    Each distinct word type is analysed once. Needs ``surface``; ``norm`` and ``is_word`` are
    computed when absent.

    >>> t = pd.DataFrame({"surface": ["قال", "بوتين", "وبوتين"]})
    >>> add_lemmas(t, backend="rules")["lemma"].tolist()
    ['قال', 'بوتين', 'بوتين']
    """
    if "surface" not in tokens.columns:
        raise ValueError(f"add_lemmas: tokens table has no 'surface' column (columns: {list(tokens.columns)})")
    lem = lemmatizer or get_lemmatizer(backend)
    out = tokens.copy()
    n = len(out)
    if n == 0:
        out["lemma"] = pd.Series(dtype=object)
        out["pos"] = pd.Series(dtype=object)
        out["lemma_backend"] = pd.Series(dtype=object)
        return out
    surface = out["surface"].astype(object)
    if "norm" in out.columns:
        norm = out["norm"].astype(object)
    else:
        from .text import normalize_series

        norm = normalize_series(surface)
    if "is_word" in out.columns:
        is_word = out["is_word"].astype(bool).to_numpy()
    else:
        is_word = norm.map(lambda s: bool(re.search(r"[\p{L}\p{N}]", s))).to_numpy()
    if lem.key_column == "dediac":
        uniq = pd.unique(surface)
        keys = surface.map({u: strip_marks(u) for u in uniq})
    else:
        keys = norm
    word_keys = keys[is_word]
    res = lem.lookup(pd.unique(word_keys))
    lemma = keys.map({k: v[0] for k, v in res.items()})
    pos = keys.map({k: v[1] for k, v in res.items()})
    be = keys.map({k: v[2] for k, v in res.items()})
    out["lemma"] = lemma.where(is_word, norm).astype(object)
    out["pos"] = pos.where(is_word, "punc").astype(object)
    out["pos"] = out["pos"].where(out["pos"].notna(), None)
    out["lemma_backend"] = be.where(is_word, "punct").astype(object)
    return out


def annotate_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Pipeline stage: tokens gain ``lemma``, ``pos`` and ``lemma_backend`` (backend "auto").

    The backend can be forced with the environment variable ``ARNEWS_LEMMA_BACKEND``.
    """
    backend = os.environ.get("ARNEWS_LEMMA_BACKEND", "auto")
    return {"tokens": add_lemmas(tables["tokens"], backend=backend)}


def cache_token() -> str:
    """The lemma backend this environment uses (part of the stage's version, so that
    installing CAMeL data invalidates cached offline lemmas)."""
    return resolve_backend(os.environ.get("ARNEWS_LEMMA_BACKEND", "auto"))


STAGE = Stage(
    name="lemmas",
    run="arnews.morph:annotate_stage",
    requires=("tokens.surface",),
    uses=("tokens.norm", "tokens.is_word"),
    produces=("tokens.lemma", "tokens.pos", "tokens.lemma_backend"),
    reads=("actors.csv",),
    token="arnews.morph:cache_token",
)


# Gold reading and evaluation live in arnews.evaluation; these names stay reachable here for
# notebooks written before the move (looked up on first use: no import of arnews.evaluation).
_MOVED = {
    "evaluate": "arnews.evaluation.lemmas",
    "evaluation_report": "arnews.evaluation.lemmas",
    "evaluation_errors": "arnews.evaluation.lemmas",
    "load_gold": "arnews.evaluation.lemmas",
}


def __getattr__(name: str):
    if name in _MOVED:
        import importlib

        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module 'arnews.morph' has no attribute {name!r}")
