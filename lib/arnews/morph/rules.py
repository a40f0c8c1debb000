"""The rule-based lemmatizer: clitic and affix stripping guided by a general word-frequency list,
protecting the gazetteer's names."""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import regex as re

from ..text import normalize
from ..wordforms import ARTICLE, CONJUNCTIONS, FUTURE, PREPOSITIONS

__all__ = ["RuleLemmatizer", "ARABIC_RE", "Analysis", "function_words"]

ARABIC_RE = re.compile(r"\p{Arabic}")
Analysis = tuple[str, "str | None", str]  # lemma, pos, backend

_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "\u0640": None, "\u0670": None}
    | {chr(c): None for c in range(0x064B, 0x0653)}
)


@lru_cache(maxsize=1)
def zipf_table() -> dict[str, float]:
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


function_words = _function_words  # public name, for arnews.morph.lemma_rules


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
                if not ARABIC_RE.search(n):
                    continue
                words = n.split()
                if len(words) == 1:
                    names.add(words[0])
                elif person:
                    names.update(w for w in words if len(w) > 1)
    return frozenset(names)


def _default_gazetteer() -> frozenset[str]:
    from ..resources import data_dir

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
        self._z = zipf_table()
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
        if not w or not ARABIC_RE.search(w):
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
            if len(rest) < 2 or (kind == "fut" and (len(rest) < 3 or not rest.startswith(_IMPERFECT + ("ا",))
                                                    or (rest[0] == "ا" and len(rest) < 4))):  # ساهم is no سـ + اهم
                continue
            if self._is_name(rest):
                return self._drop_article(rest)
            if kind in ("art", "prep_art") and not self._article_ok(rest):
                continue
            if kind == "prep" and self._noun_kept(w, rest):
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
        return self._inflection(stem, nominal, best_kind == "fut", best_kind in ("art", "prep_art"))

    def _noun_kept(self, w: str, rest: str) -> bool:
        """A feminine noun with a pronoun whose ة form is commoner whole than after a
        preposition: لجنته is لجنة + ه (لجنة ≫ جنة), not ل + جنته."""
        for suf in _PRON_SUFFIXES:
            if w.endswith("ت" + suf) and len(rest) > len(suf) + 2:
                n = len(suf) + 1
                return self._zipf(w[:-n] + "ة") >= max(3.5, self._ev(rest[:-n] + "ة"))
        return False

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

    def _inflection(self, x: str, nominal: bool, verbal: bool, article: bool = False) -> str:
        if self._is_name(x) or len(x) < 3:
            return x
        # pronoun enclitics (a stem-final ت before them is a teh marbuta: علاقتهما → علاقة);
        # none after the article (المتهم is no ال + مت + هم), where a final ه is a ة written
        # without its dots (المدينه, الجديده)
        if article and x.endswith("ه") and len(x) >= 4 and self._ev(x[:-1] + "ة") >= self._ev(x):
            x = x[:-1] + "ة"
        for suf in () if article else _PRON_SUFFIXES:
            if x.endswith(suf) and len(x) - len(suf) >= 2:
                base = x[: -len(suf)]
                if suf == "هم" and len(base) <= 3 and x[0] in "يتن" and self._zipf(x[1:]) >= max(3.0, self._zipf(base)):
                    break  # يساهم, يسهم, يفهم: an imperfect of a stem in هم, not يسا + هم
                if suf == "هما" and len(base) <= 3 and self._ev(x[:-1]) >= max(3.0, self._ev(base)):
                    break  # متهما: tanween on متهم, not مت + هما
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
            if suf == "ا" and self._takes_preposition(x):
                continue  # غانا, اسيا: a name in -ا (لغانا), not a dual perfect
            if x.endswith(suf) and len(x) - len(suf) >= 3:
                cands.append(x[: -len(suf)])
        # geminate perfects are two letters once unvocalized (تضر -> ضر)
        ok = [c for c in cands if len(c) >= 2 and self._zipf(c) >= self.min_zipf]
        return max(ok, key=self._zipf) if ok else None

    def _takes_preposition(self, x: str) -> bool:
        """Is ``x`` seen after both ل and ب (a noun or name), which a perfect verb or an adverb is not?"""
        return min(self._zipf("ل" + x), self._zipf("ب" + x)) >= 1.9  # both: باولا is a name, not ب + اولا

    def _noun(self, x: str) -> str:
        if x.endswith("ات") and len(x) >= 5:  # sound feminine plural
            b = x[:-2]
            # (a name takes no plural: قطرات → قطرة, not قطر)
            ok = [c for c in (b + "ة", b) if self._ev(c) >= self.min_zipf and not (c == b and self._is_name(b))]
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
        if x.endswith("ية") and len(x) == 4 and x[0] not in "تين":  # short nisba: صحية → صحي, قوية → قوي
            # only when the masculine has its plural in يين, is about as common with the article,
            # and the ية form has no plural in يات (قرية, كلية, هوية, الية, الامية stay)
            b, zb = x[:-1], self._zipf("ال" + x[:-1])
            if self._ev(b + "ين") >= 2.0 and self._ev(x[:-1] + "ات") < self._ev(x) - 1.0 and zb >= max(
                    3.0, self._zipf("ال" + x) - 0.5):
                return b
        if x.endswith("ية") and len(x) >= 5:  # nisba adjective: X+ية -> X+ي
            b = x[:-1]
            # an imperfect-looking base must be seen with the article (تغطية is not تغطي + ة)
            verbal = b.startswith(("ت", "ي", "ن")) and self._zipf("ال" + b) < 1.5
            # a noun in ية has a plural in يات of its own (عمليات, شخصيات, مسؤوليات) and is clearly
            # commoner than the ي form; an adjective's feminine hardly has one (دوليات is rare) or is
            # about as common as its masculine (اليومية, النهائية); its masculine has a plural in يين
            ex, eb = self._ev(x), self._ev(b)
            own_plural = self._ev(x[:-1] + "ات") >= ex - 1.0 and eb <= ex - 0.3
            if not verbal and not own_plural and (self._better(b, x) or (
                    eb >= self.min_zipf and self._ev(b[:-1]) >= self.min_zipf and eb >= ex - 1.5) or (
                    eb >= self.min_zipf and max(self._ev(b + "ين"), self._ev(b + "ون")) >= 2.0
                    and self._ev(x[:-1] + "ات") < ex - 1.5) or (
                    len(x) >= 7 and eb >= max(1.5, ex - 1.2) and self._ev(x[:-1] + "ات") < 1.5)):
                # (or a long ية word with no plural in يات whose masculine is seen, if rarely, but
                # not far rarer: استخبارية → استخباري, التأديبية → تأديبي; long abstract nouns
                # have a plural (اتفاقيات, مسؤوليات) or a rare masculine (استمرارية, الإسكندرية))
                return b
        if x.endswith("ة") and not x.endswith("ية") and x.startswith("م") and len(x) >= 5 and self._better(x[:-1], x):
            return x[:-1]  # feminine participle/adjective (منفصلة → منفصل; a ية noun with its own
            # plural in يات stays, as above: مسرحية, not مسرحي)
        if x.endswith("ا") and len(x) >= 4:  # tanween -an (مجددا → مجدد)
            b = x[:-1]
            # a noun or name in -ا takes a preposition (لغانا, بافريقيا); an adverb does not
            if not self._takes_preposition(x) and (self._better(b, x) or self._zipf("ال" + b) >= 2.5):
                return b
        return x
