"""Country names and nisba adjectives the gazetteer's own forms miss: nisbas derived from
every country name of the gazetteer (``data/actors.csv``), the broken plurals and ambiguous
nisbas of ``data/lexicons/speaker_nisbas.csv`` (الروس، الأتراك؛ مالي), and country names
spelled with or without a long vowel ("بنغلادش" for "بنغلاديش").

>>> nisba_country("المجري"), nisba_country("الاقتصادي")
('HUN', None)
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from ..text import normalize
from .lexicon import bare


def bare_word(w: str) -> str:
    """A word without its article: الوزير → وزير (short words are kept; :func:`.lexicon.bare`)."""
    return bare(w)

# What a country's name may add to a nisba stem: المجر/مجري، كينيا/كيني، بلجيكا/بلجيكي،
# قرغيزستان/قرغيزي، سنغافورة/سنغافوري.
_NAME_TAILS = ("", "ا", "يا", "ة", "ستان")
_NISBA_WORD_RE = re.compile(r"^(?:ال)?(\w{3,})ي(?:ة|ون|ين|ان|تان)?$")


@lru_cache(maxsize=1)
def country_stems() -> dict[str, str]:
    """Bare one-word country names of the gazetteer (article removed) → code, each with
    whether it is the country's label (``True``) or only a variant (``False``: capitals
    such as الرياض، المنامة are variants too)."""
    out: dict[str, tuple[str, bool]] = {}
    for code, names in _gazetteer_country_names():
        for k, n in enumerate(names):
            w = normalize(str(n)).strip()
            if w and " " not in w:
                out.setdefault(bare_word(w), (code, k == 0))
    return out


def _gazetteer_countries():
    """The gazetteer's country rows, None without a gazetteer."""
    try:
        from ..actors import load_gazetteer

        g = load_gazetteer()
    except Exception:
        return None
    return g[g["type"] == "country"]


def _gazetteer_country_names() -> list[tuple[str, list[str]]]:
    """``(code, [label_ar, *variants])`` of the gazetteer's countries (empty without one)."""
    g = _gazetteer_countries()
    if g is None:
        return []
    return [(c, [lab, *str(v or "").split("|")]) for c, lab, v in zip(g["actor_id"], g["label_ar"], g["variants"])]


@lru_cache(maxsize=1)
def _nisba_table() -> tuple[dict[str, str], dict[str, str]]:
    """``data/lexicons/speaker_nisbas.csv`` (forms the gazetteer's names do not give): normalized
    name or masculine nisba → code, for the clear ones and for the ambiguous ones (مالي is
    also "financial") apart."""
    import csv

    from ..resources import data_path

    clear: dict[str, str] = {}
    weak: dict[str, str] = {}
    try:
        with open(data_path("lexicons/speaker_nisbas.csv"), encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except FileNotFoundError:
        return clear, weak
    for line, r in enumerate(rows, start=2):
        code = (r.get("country") or "").strip()
        if not code or not (r.get("nisba") or "").strip():
            raise ValueError(f"speaker_nisbas.csv, row {line}: empty country or nisba")
        target = weak if (r.get("ambiguous") or "").strip() else clear
        for form in ((r.get("name") or "").strip(), r["nisba"].strip()):
            w = normalize(form)
            if w and " " not in w:
                target.setdefault(bare_word(w), code)
    for code, forms in _gazetteer_country_nisbas():  # "السعودي": the gazetteer's own nisbas (round 53)
        for form in forms:
            if (w := normalize(form).strip()) and " " not in w:
                clear.setdefault(bare_word(w), code)
    return clear, weak


def _gazetteer_country_nisbas() -> list[tuple[str, list[str]]]:
    """``(code, [nisba, …])`` of the gazetteer's countries (empty without one)."""
    g = _gazetteer_countries()
    if g is None:
        return []
    return [(c, [n for n in str(v or "").split("|") if n]) for c, v in zip(g["actor_id"], g["nisba"])]


def _table_country(word: str, table: dict[str, str]) -> str | None:
    w = normalize(word)
    c = table.get(bare_word(w))
    if c:
        return c
    m = _NISBA_WORD_RE.match(w)
    return table.get(m.group(1) + "ي") if m else None


@lru_cache(maxsize=100_000)
def nisba_country(word: str) -> str | None:
    """The country of a nisba adjective derived from a gazetteer country name, for the
    spellings the gazetteer's ``nisba`` column lacks, or of a name or nisba of
    ``data/lexicons/speaker_nisbas.csv`` (forms the gazetteer's names do not give; its ambiguous rows
    are left to :func:`weak_nisba_country`).

    >>> nisba_country("المجري"), nisba_country("القرغيزي"), nisba_country("الاقتصادي")
    ('HUN', 'KGZ', None)
    >>> nisba_country("السنغالية"), nisba_country("البرتغال"), nisba_country("المالي")
    ('SEN', 'PRT', None)
    >>> nisba_country("الرياضي") is None  # "sporting": a capital taken whole makes no nisba
    True
    >>> nisba_country("الملاوي"), nisba_country("الجيبوتية"), nisba_country("المالية")
    ('MWI', 'DJI', None)
    """
    m = _NISBA_WORD_RE.match(normalize(word))
    if m:
        stem = m.group(1)
        stems = country_stems()
        for tail in _NAME_TAILS:
            got = stems.get(stem + tail)
            # a nisba is the country name plus ي; a variant taken whole is often a capital
            # ("الرياضي" is "sporting", not "of Riyadh"): variants only with a tail (round 6)
            if got and (tail or got[1]):
                return got[0]
        # a name that ends in ي is its own nisba: الملاوي، الجيبوتية، الهايتية (round 46);
        # not an ambiguous one (مالي: المالية is "financial")
        got = stems.get(stem + "ي")
        if got and got[1] and not weak_nisba_country(stem + "ي"):
            return got[0]
    return _table_country(word, _nisba_table()[0]) or skeleton_country(word)


@lru_cache(maxsize=100_000)
def weak_nisba_country(word: str) -> str | None:
    """The country of an ambiguous masculine nisba or name of ``speaker_nisbas.csv``
    ("المالي": Malian or financial), used only after a state title when nothing else in the
    phrase names a country ("وزير الخارجية المالي"; not "وزارة المالية").

    >>> weak_nisba_country("المالي"), weak_nisba_country("المالية")
    ('MLI', None)
    """
    w = normalize(word)
    return _nisba_table()[1].get(bare_word(w))


# ---------------------------------------------------------------------------
# Spellings of a country name with or without a long vowel (round 6)
# ---------------------------------------------------------------------------

SKELETON_MIN = 6  # shorter names are left alone: their skeletons collide with common words


def _skeleton(w: str) -> str:
    """A bare name without its inner long vowels ا، ي، و (first and last letters kept)."""
    return w[0] + re.sub("[اوي]", "", w[1:-1]) + w[-1] if len(w) > 2 else w


@lru_cache(maxsize=1)
def _skeletons() -> dict[str, list[tuple[str, str]]]:
    """Skeleton of each one-word country name (gazetteer labels and variants, and the names
    of speaker_nisbas.csv) of at least :data:`SKELETON_MIN` letters → its names and codes."""
    out: dict[str, list[tuple[str, str]]] = {}
    names = [(bare_word(normalize(str(n)).strip()), code) for code, ns in _gazetteer_country_names() for n in ns]
    names += [(w, code) for w, code in _nisba_table()[0].items() if not w.endswith("ي")]
    for w, code in names:
        if len(w) >= SKELETON_MIN and " " not in w:
            out.setdefault(_skeleton(w), []).append((w, code))
    return out


def _vowels_only_apart(a: str, b: str) -> bool:
    """One spelling is the other with some inner long vowels left out (بنغلادش / بنغلاديش),
    not the same consonants with vowels elsewhere (بيروني "Peronist" / بروناي "Brunei")."""
    short, long_ = sorted((a, b), key=len)
    it = iter(long_)
    return all(ch in it for ch in short)


@lru_cache(maxsize=100_000)
def skeleton_country(word: str) -> str | None:
    """The country whose name is ``word`` spelled with or without an inner long vowel
    (a name of at least :data:`SKELETON_MIN` letters).

    >>> skeleton_country("بنغلادش"), skeleton_country("كزاخستان"), skeleton_country("الاقتصاد")
    ('BGD', 'KAZ', None)
    >>> skeleton_country("البيروني") is None  # "Peronist": the consonants of بروناي, other vowels
    True
    """
    w = bare_word(normalize(word))
    if len(w) < SKELETON_MIN:
        return None
    codes = {code for name, code in _skeletons().get(_skeleton(w), ()) if _vowels_only_apart(w, name)}
    return codes.pop() if len(codes) == 1 else None
