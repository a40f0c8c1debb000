"""Extra rules for the offline ``rules`` lemmatizer: broken plurals, protected frequent words,
sound plurals and feminine adjectives (the verb candidates are in
:mod:`arnews.morph.verb_rules`, the choice among them in :mod:`arnews.morph.verb_choice`).

Pure functions over one normalized word (``arnews.text.normalize`` form), plus
:class:`LemmaRules`, which wraps :class:`arnews.morph.RuleLemmatizer` (the frequency-guided
clitic stripper) and applies them before and after it. The tables are researcher-editable
CSV files under ``data/lexicons/``:

- ``broken_plurals.csv`` (``plural,singular``): broken plurals and other irregular forms
  written from knowledge of Arabic morphology (الدول → دولة, قتلى → قتيل);
- ``protected_words.csv`` (``word,lemma,why``): frequent words that look as if they had a
  clitic but do not (كان is not ك + أن, بلغ is not ب + لغ); see :func:`build_protected_words`;
- ``person_nouns.csv`` (``masculine,feminine``): nouns for people whose feminine is a noun of
  its own and keeps ة (وزيرة, المخرجة, والدته → والدة), not an adjective's feminine.

Example
-------
>>> [c for c in verb_candidates("يقولون") if c in ("قال", "اقول")]
['قال']
>>> prep_with_pronoun("منها"), prep_with_pronoun("بها"), prep_with_pronoun("منزل")
('من', 'ب', None)
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

import pandas as pd

from ..text import normalize
from .verb_choice import VerbChoice
from .verb_rules import article_perfect_form, verb_candidates

__all__ = [
    "load_broken_plurals",
    "load_protected_words",
    "load_person_nouns",
    "build_protected_words",
    "prep_with_pronoun",
    "feminine_person",
    "verb_candidates",
    "sound_plural_candidates",
    "LemmaRules",
]

PRON_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي")
# prepositions that take pronoun suffixes (normalized), longest first
_PREPS = ("الي", "علي", "لدي", "عند", "بين", "حول", "دون", "في", "من", "عن", "مع", "ب", "ل", "ك")
_PREP_STEM = {"الي": "الي", "علي": "علي", "لدي": "لدي"}  # الينا / اليه: ي+ه → الي
# masculine forms a feminine noun must not fall back to (numbers, حالة → حال)
_NOT_FEMININE = frozenset("ثلاث اربع خمس ست سبع ثمان تسع عشر حال كاف".split())
_DECADES = frozenset("عشرين ثلاثين اربعين خمسين ستين سبعين ثمانين تسعين عشرون ثلاثون اربعون خمسون ستون سبعون ثمانون تسعون".split())


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def _lexicon_path(name: str) -> Path:
    from ..resources import data_path

    return data_path(f"lexicons/{name}")


def _read_table(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {missing}; expected {list(columns)}")
    empty = df.index[(df[list(columns)].apply(lambda s: s.str.strip()) == "").any(axis=1)]
    if len(empty):
        raise ValueError(f"{path}: empty value in data row(s) {[int(i) + 2 for i in empty[:5]]}")
    return df


@lru_cache(maxsize=4)
def load_broken_plurals(path: str | os.PathLike | None = None) -> dict[str, str]:
    """``plural -> singular`` from ``data/lexicons/broken_plurals.csv``, both normalized.

    >>> load_broken_plurals()["دول"]
    'دولة'
    """
    p = Path(path) if path is not None else _lexicon_path("broken_plurals.csv")
    df = _read_table(p, ("plural", "singular"))
    out: dict[str, str] = {}
    for pl, sg in zip(df["plural"], df["singular"]):
        k, v = normalize(pl.strip()), normalize(sg.strip())
        if out.get(k, v) != v:
            raise ValueError(f"{p}: plural {pl!r} listed twice with different singulars ({out[k]!r}, {v!r})")
        out[k] = v
    return out


@lru_cache(maxsize=4)
def load_protected_words(path: str | os.PathLike | None = None) -> dict[str, str]:
    """``word -> lemma`` from ``data/lexicons/protected_words.csv`` (normalized): words kept
    whole by the clitic stripper.

    >>> load_protected_words()["كان"]
    'كان'
    """
    p = Path(path) if path is not None else _lexicon_path("protected_words.csv")
    df = _read_table(p, ("word", "lemma"))
    return {normalize(w.strip()): normalize(lm.strip()) for w, lm in zip(df["word"], df["lemma"])}


@lru_cache(maxsize=4)
def load_person_nouns(path: str | os.PathLike | None = None) -> dict[str, str]:
    """``masculine -> feminine`` from ``data/lexicons/person_nouns.csv`` (normalized): nouns for
    people whose feminine keeps its ة as a lemma of its own.

    >>> load_person_nouns()["وزير"]
    'وزيرة'
    """
    p = Path(path) if path is not None else _lexicon_path("person_nouns.csv")
    df = _read_table(p, ("masculine", "feminine"))
    return {normalize(m.strip()): normalize(f.strip()) for m, f in zip(df["masculine"], df["feminine"])}


def feminine_person(w: str, lemma: str, persons: dict[str, str]) -> str:
    """The feminine noun when ``lemma`` is the masculine of a noun for people and the word
    ``w`` is its feminine (singular, dual or plural, or ت before a pronoun), else ``lemma``.

    >>> t = {"وزير": "وزيرة", "والد": "والدة"}
    >>> feminine_person("الوزيرة", "وزير", t), feminine_person("والدته", "والد", t), feminine_person("الوزير", "وزير", t)
    ('وزيرة', 'والدة', 'وزير')
    """
    f = persons.get(lemma)
    if f is None:
        return lemma
    if f in w or any(w.endswith(f[:-1] + s) for s in ("ات", "تين", "تان", "تا", "تي")) or any(
            w.endswith(f[:-1] + "ت" + s) for s in PRON_SUFFIXES):
        return f
    return lemma


def build_protected_words(zipf: dict[str, float], function_words: set[str] | frozenset[str],
                          min_zipf: float = 4.5) -> list[str]:
    """Frequent words that a proclitic reading would break: the word itself is common
    (Zipf >= ``min_zipf``), starts with ب/ل/ك, and what is left once that letter goes is at
    most two letters, not a pronoun or ما/من (بها, بما are preposition + pronoun), and either
    rarer than the word (بلغ → ب + لغ) or a function word (كان → ك + ان). Used to (re)build
    ``protected_words.csv`` from wordfreq's Arabic list.

    >>> z = {"كان": 6.5, "بلغ": 5.0, "لغ": 2.0, "بحق": 4.6, "حق": 5.5, "بها": 6.0, "ان": 7.0}
    >>> build_protected_words(z, {"ان"})
    ['بلغ', 'كان']
    """
    out = []
    for w, z in zipf.items():
        if z < min_zipf or len(w) < 3 or w[0] not in "بلك":
            continue
        rest = w[1:]
        if len(rest) > 2 or rest in PRON_SUFFIXES or rest in ("ما", "من"):
            continue
        if rest in function_words or zipf.get(rest, 0.0) < z:
            out.append(w)
    return sorted(out)


# ---------------------------------------------------------------------------
# Pure word functions
# ---------------------------------------------------------------------------


@lru_cache(maxsize=8192)  # called twice per word (with and without a conjunction)
def prep_with_pronoun(w: str) -> str | None:
    """The preposition of a preposition + pronoun (or + ما) word, else ``None``.

    >>> [prep_with_pronoun(x) for x in ("لها", "مما", "عليه", "اليهم", "فيها")]
    ['ل', 'من', 'علي', 'الي', 'في']
    """
    if w in ("مما", "ممن"):
        return "من"
    if w in ("عما", "عمن"):
        return "عن"
    if not w.endswith(PRON_SUFFIXES):
        return None  # (every answer ends in a pronoun: a quick exit for most words)
    for p in _PREPS:
        if p == "ك":
            continue  # ك takes no pronoun (مثلي, not كي: كي is a conjunction)
        stem = p[:-1] if p in _PREP_STEM else p
        if not w.startswith(stem) or len(w) == len(stem):
            continue
        rest = w[len(stem):]
        if p in _PREP_STEM and rest.startswith("ي"):
            rest = rest[1:]
        elif p in ("في",) and rest.startswith("ي"):
            rest = rest[1:] or "ي"
        if p in ("من", "عن") and rest.startswith("ن"):  # مني، عنا، منه
            rest = rest[1:] if rest[1:] in ("ي", "ا") else rest
        if rest in PRON_SUFFIXES or (p in ("ب", "ل", "ك") and rest in ("ما",) and False):
            return p
    return None


def sound_plural_candidates(x: str) -> list[str]:
    """Singular candidates of a sound plural or dual (with a possessive pronoun), best
    first: ات → ة / bare, ين ون → bare, تين تان → ة, يين يون → ي.

    >>> sound_plural_candidates("سنوات")[:2]
    ['سنة', 'سنوة']
    >>> sound_plural_candidates("العاصمتين")[0], sound_plural_candidates("موازناتهما")[0]
    ('العاصمة', 'موازنة')
    """
    bodies = [x]
    for suf in PRON_SUFFIXES:
        if x.endswith(suf) and len(x) - len(suf) >= 4:
            bodies.append(x[: -len(suf)])
    out: list[str] = []
    for b in bodies:
        if b.endswith("وات") and len(b) >= 5:
            out += [b[:-3] + "ة", b[:-2] + "ة", b[:-3] + "و"]
        if b.endswith("ات") and len(b) >= 4:
            out += [b[:-2] + "ة"] + ([b[:-2]] if len(b) >= 5 else [])  # no two-letter noun: فرات is not فر
        if b.endswith(("تين", "تان")) and len(b) >= 5:
            out.append(b[:-3] + "ة")
        if b.endswith(("يين", "يون")) and len(b) >= 5:
            out.append(b[:-2])
        if b.endswith(("ين", "ون", "ان")) and len(b) >= 5:
            out.append(b[:-2])
        if b.endswith("ت") and b is not x:
            out.append(b[:-1] + "ة")
    seen: list[str] = []
    for c in out:
        if c not in seen:
            seen.append(c)
    return seen


# ---------------------------------------------------------------------------
# The rules, combined with the frequency-guided stripper
# ---------------------------------------------------------------------------

_CONJ = ("", "و", "ف")
_PRE = ("", "ال", "ب", "ل", "ك", "بال", "لل", "كال", "س", "ل")


def _segmentations(w: str) -> list[tuple[str, str]]:
    """(proclitics, stem) readings of a word, the whole word first."""
    out = []
    for c in _CONJ:
        if not w.startswith(c):
            continue
        r = w[len(c):]
        for p in _PRE:
            if r.startswith(p) and len(r) - len(p) >= 2:
                out.append((c + p, r[len(p):]))
    return out


@dataclass
class LemmaRules(VerbChoice):
    """The ``rules`` backend: tables and patterns around :class:`~arnews.morph.RuleLemmatizer`.

    Order: protected words (with a conjunction: وكان → كان); preposition + pronoun
    (بها → ب); broken plurals after any proclitics and before a pronoun suffix
    (لدولها → دولة); then the frequency-guided stripper, whose answer is checked for a
    broken plural, a sound plural or dual, a feminine adjective, and a verb form.

    >>> r = LemmaRules.default()
    >>> [r(w) for w in ("وكان", "الدول", "سنوات", "ويقول", "بها")]
    ['كان', 'دولة', 'سنة', 'قال', 'ب']
    """

    base: Callable[[str], str]
    zipf: dict[str, float]
    plurals: dict[str, str] = field(default_factory=dict)
    protected: dict[str, str] = field(default_factory=dict)
    persons: dict[str, str] = field(default_factory=dict)
    min_zipf: float = 3.0

    @classmethod
    def default(cls, base: Callable[[str], str] | None = None) -> "LemmaRules":
        from .rules import RuleLemmatizer, zipf_table

        return cls(base=base or RuleLemmatizer(), zipf=zipf_table(),
                   plurals=load_broken_plurals(), protected=load_protected_words(), persons=load_person_nouns())

    def _z(self, x: str) -> float:
        z = self.zipf.get(x, 0.0)
        return max(z, self.zipf.get("ال" + x, 0.0)) if not x.startswith("ال") else z

    def __call__(self, w: str) -> str:
        return feminine_person(w, self._lemma(w), self.persons)

    def _lemma(self, w: str) -> str:
        conj = w[:1] in "وف" and self.zipf.get(w, 0.0) < self.zipf.get(w[1:], 0.0) - 0.5  # not فقدت, وعدت
        for x in (w, w[1:]) if conj else (w,):
            h = self._hollow_person(x)  # كنا → كان, وقلت → قال (before the protected كنت)
            if h is not None:
                return h
        if w in self.protected:  # kept from clitic stripping; a word kept as itself may still be the
            p = self.protected[w]  # 3fs of a defective perfect (بدت → بدا; بنت, بات stay: see _verb)
            v = self._verb(w, w) if p == w and len(w) == 3 and w.endswith("ت") and w[1] not in "اوي" else None
            return v if v in (w[:-1] + "ا", w[:-1] + "ي") else p
        if w in _DECADES:
            return w
        if w[:1] in "وف" and len(w) > 3:
            rest = w[1:]
            if rest in self.protected or rest in _DECADES:
                return self.protected.get(rest, rest)
            if self._conj_ok(w, rest) and not self._takes_article(w):
                return self._word(rest)
        p = prep_with_pronoun(w)
        if p is not None:
            return p
        return self._word(w)

    def _conj_ok(self, w: str, rest: str) -> bool:
        """A looser test for و/ف than the stripper's: the remainder (4+ letters) is a common
        word at most 0.5 rarer than the whole form (واضاف → اضاف; وزير stays)."""
        if len(rest) == 3:
            if rest[1] == rest[2] and rest[2] not in "اويه":  # وشدد, وسدد: و + a form II perfect
                return self._z(rest) >= max(3.0, self._z(w))
            return self._z(rest) >= max(3.5, self._z(w) + 0.5)
        if len(rest) >= 5 and rest.endswith(("ت", "وا")) and not rest.startswith("ال"):
            # a perfect with its subject suffix: و + verb is as common as the verb (واضافت, واكتظت;
            # 3+ letters before the suffix: وصلوا, فوجئت stay whole)
            return self._z(rest) >= max(2.5, self._z(w) - 1.0)
        return len(rest) >= 4 and self._z(rest) >= max(3.5, self._z(w) - 0.5)

    def _word(self, w: str) -> str:
        p = prep_with_pronoun(w)
        if p is not None:
            return p
        fw = self._function_words()
        if fw.get(w, w) != w:
            return fw[w]  # a particle with a pronoun: انها → ان (not a verb انه + ا)
        ap = article_perfect_form(w, self.zipf)
        if ap is not None:
            return ap  # التقي, التقت, التزم: form VIII perfects, not the article + تقي
        for _pre, stem in _segmentations(w):
            hit = self._plural(stem)
            if hit:
                return hit
        lemma = self.base(w)
        if lemma != w and w[:1] in "وفبلك" and not lemma.startswith(w[:2]) and self._takes_article(w):
            lemma = self.base("ال" + w)  # فعالية, وليد: seen with the article, so no clitic in front
        if lemma == w and w[:1] in "بلك" and not w.startswith("ال") and len(w) >= 4:
            rest = w[1:]  # بشكل → شكل: a common noun after a preposition the stripper kept
            if (self._z(rest) >= 4.0 and self.zipf.get("ال" + rest, 0.0) >= 3.5 and not self._is_name(w)
                    and self.zipf.get("ال" + w, 0.0) < 2.0):
                return self._after(rest, self.base(rest))
        return self._after(w, lemma)

    def _takes_article(self, w: str) -> bool:
        """Is ``w`` itself seen with the article (الفعالية, الوليد), so that its first letter
        is no conjunction or preposition? A clitic comes before the article, not after it. Not
        when the clitic reading is far commoner (بلقاء: لقاء), nor before an article (والدين)."""
        za = self.zipf.get("ال" + w, 0.0)
        return len(w) >= 4 and w[1:3] != "ال" and za >= 3.0 and za >= self.zipf.get(w, 0.0) - 1.0 \
            and za >= self._z(w[1:]) - 1.5

    def _plural(self, stem: str) -> str | None:
        if stem in self.plurals:
            return self.plurals[stem]
        for suf in PRON_SUFFIXES:
            if suf != "ي" and stem.endswith(suf):
                b = stem[: -len(suf)]
                # before a pronoun alif maqsura is written ا (قراهم: قرى) and a final hamza ئ (اخطائنا)
                for c in (b, b[:-1] + "ي" if b.endswith("ا") else "", b[:-1] + "ء" if b.endswith(("ئ", "ؤ")) else ""):
                    if c in self.plurals:
                        return self.plurals[c]
        return None

    def _after(self, w: str, lemma: str) -> str:
        if lemma in self.plurals:
            if w.endswith(lemma + "ة"):  # a feminine form is not the plural + ة (الاولية)
                if not lemma.endswith("ي"):
                    return lemma + "ة"  # المصالحة: a feminine noun, not the plural مصالح with ة cut off
            elif not any(f in w for f in (lemma, lemma[:-1] + "ت", lemma[:-1] + "ا")):
                pass  # تسهم → اسهم is the stripper's verb reading, not the plural اسهم of سهم
            elif w.endswith((lemma + "ت", lemma + "وا")):
                pass  # اسروا, اسرت: a perfect with its subject suffix, not the plural اسر of اسرة
            elif lemma.endswith("ي") or not (w.endswith(tuple(lemma + s for s in ("ين", "ون", "ان"))) or (
                    w.endswith(lemma + "ات") and self._z(lemma + "ة") >= 3.0)):
                # (المزارعين: the sound plural of مزارع, not مزارع → مزرعة; المظاهرات: of مظاهرة;
                # but رسومات, ضغوطات are plurals of plurals)
                return self.plurals[lemma]
        if self._is_name(lemma):
            return lemma
        c = self._construct_plural(w, lemma)
        if c is not None:
            return c
        v = self._verb(w, lemma)
        if v is not None:
            return v
        sp = self._sound_plural(w, lemma)
        if sp is not None:
            if sp.endswith("ة") and w.endswith(("تين", "تان")):
                return self._feminine(sp) or sp  # a feminine dual: جديدتين → جديد, مدينتين → مدينة
            return sp
        if w.endswith("ات") and lemma.endswith("ة"):
            return lemma  # plural of a feminine noun (الغابات → غابة, not غاب)
        return self._feminine(lemma) or lemma

    def _function_words(self) -> dict[str, str]:
        fw = getattr(self.base, "_fw", None)
        if fw is None:
            from .rules import function_words

            fw = function_words()
        return fw

    def _construct_plural(self, w: str, lemma: str) -> str | None:
        """A masculine sound plural or dual in construct before a pronoun keeps only its ي
        (لاعبيه → لاعب, ممثليها → ممثل): the bare noun is common, seen with the article and
        with the plural ين; محاميه keeps محامي (محام is rare). Without a pronoun the form must
        (almost) never take the article, as a construct cannot (ممثلي, مسؤولو; العربي can)."""
        if not (lemma.endswith(("ي", "و")) and len(lemma) >= 4):
            return None
        pron = any(w.endswith(lemma + s) for s in PRON_SUFFIXES if s != "ي")
        if not (pron or (w.endswith(lemma) and self.zipf.get("ال" + lemma, 0.0) < self.zipf.get(lemma, 0.0) - 2.0)):
            return None
        if not pron and self.zipf.get("ال" + lemma[:-1] + ("ون" if lemma.endswith("و") else "ين"), 0.0) < 2.5:
            return None  # the plural itself is seen with the article (الممثلين); ماري, بيكو are names
        b = lemma[:-1]
        if self._z(b) >= max(3.0, self._z(lemma) - 1.0) and self.zipf.get(b + "ين", 0.0) >= 2.5 \
                and self.zipf.get("ال" + b, 0.0) >= 2.5:
            return b
        return None

    def _is_name(self, x: str) -> bool:
        f = getattr(self.base, "_is_name", None)
        return bool(f and f(x))

    def _sound_plural(self, w: str, lemma: str) -> str | None:
        """Singular of a sound plural or dual the stripper left or cut wrong: ات → ة unless
        the bare stem is clearly commoner (مفاوضات → مفاوضة, قرارات → قرار); يات/وات → اة
        (وفيات → وفاة)."""
        if lemma[-1:] in "يو" and w.endswith(lemma + "ات"):
            c = lemma[:-1] + "اة"
            if self._z(c) >= max(3.5, self._z(lemma + "ة")):
                return c
        if w.endswith(lemma + "ات") and self._z(lemma + "ة") >= self._z(lemma) - 0.5:
            return lemma + "ة"
        if w.endswith(lemma) and (lemma.endswith(("ات", "ين", "ون", "تين", "تان", "ان")) or any(
                lemma.endswith("ات" + s) for s in PRON_SUFFIXES)):
            cands = [c for c in sound_plural_candidates(lemma) if self._z(c) >= 2.0]
            if lemma.endswith(("ين", "ون", "ان")) and not lemma.endswith(("تين", "تان")):
                # the singular is commoner and a sibling form is attested (فوجيان is a name)
                cands = [c for c in cands if (self._z(c) >= self._z(lemma) and (self._z(c) >= self._z(lemma) + 1.0 or max(
                    self._z(c + o) for o in ("ين", "ون", "ان") if not lemma.endswith(o)) >= 2.0))
                    or (len(c) >= 4 and self._z(c) >= 3.0 and min(self.zipf.get(c + "ين", 0.0), self.zipf.get(c + "ون", 0.0)) >= 3.0)
                    or (len(c) >= 4 and (c[0] == "م" or c[1] == "ا") and self._z(c) >= 2.5
                        and self._z(c + "ين") >= 2.5 and self._z(c + "ون") >= 2.0)
                    or (len(c) >= 5 and c[0] == "م" and self._z(c) >= 2.0
                        and max(self.zipf.get(c + "ا", 0.0), self.zipf.get(c + "ة", 0.0)) >= 2.0)]
                # (or a participle م + 4 letters seen as a singular with tanween or ة: معتبرين → معتبر)
                # (or a participle, singular rarer but seen, with both sound plurals: المانحين, النازحين)
                # (or both sound plurals are common words: اللاجئين → لاجئ, a noun seen mostly in the plural)
            if lemma.endswith("ات") and len(cands) >= 2 and cands[0].endswith("ة") and not cands[1].endswith("ة"):
                if self._z(cands[1]) > self._z(cands[0]) + 0.5:
                    cands = cands[1:]
            for c in cands:
                if self._z(c) >= self._z(lemma) - 1.0:
                    return c
        return None

    def _feminine(self, lemma: str) -> str | None:
        """Masculine of a feminine adjective whose masculine is about as common
        (جديدة → جديد, واضحة → واضح; مدينة, علاقة stay)."""
        if not lemma.endswith("ة") or len(lemma) < 4 or self._is_name(lemma):
            return None
        m = lemma[:-1]
        adjectival = m[0] == "م" or (len(m) == 4 and m[2] in "يو") or (len(m) in (3, 4) and m[1] == "ا")
        if not adjectival or m in _NOT_FEMININE:
            return None
        if m.startswith(("مت", "مست")) and len(m) >= 4 and self.zipf.get(m, 0.0) + self.zipf.get("ال" + m, 0.0) > 0 \
                and self.zipf.get("ال" + lemma, 0.0) >= self.zipf.get(lemma, 0.0):
            return m  # participles of forms V, VI, X: المتحدة → متحد
        zm, zf = self._z(m), self._z(lemma)
        if m in self.plurals or m + "ات" == lemma:
            return None
        if zm >= 3.0 and zm >= zf - 0.3:
            return m
        if m[0] == "م" and len(m) >= 4 and not m.endswith(("ا", "ي")) and not (len(m) == 5 and m[2] == "ا") \
                and max(zm, self.zipf.get(m + "ين", 0.0)) >= 2.0 and self.zipf.get(m + "ات", 0.0) < 2.5 \
                and (len(m) >= 5 or max(self.zipf.get("ال" + m, 0.0), self.zipf.get(m + "ين", 0.0)) >= 2.5) \
                and lemma not in self._singulars():
            # a participle in ة whose feminine has no sound plural of its own is an adjective
            # (المملوكة → مملوك, مكتظة → مكتظ); a noun in ة has one (مجموعات) or a broken
            # plural in the table (مناطق → منطقة). Not مفاعلة (مراقبة, a masdar; so المجاورة
            # stays), nor ية/اة nouns, nor a short مفعلة noun the masculine of which is rare.
            return m
        return None

    def _singulars(self) -> frozenset[str]:
        s = getattr(self, "_sg", None)
        if s is None:
            s = self._sg = frozenset(self.plurals.values())
        return s
