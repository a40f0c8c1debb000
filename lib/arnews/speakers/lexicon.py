"""The word lists of speaker attribution (``data/lexicons/speaker_*.csv``, ``quote_kinds.csv``,
speech verbs) and the reading of an article's words against them."""
from __future__ import annotations

import csv
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex as re

from ..resources import data_path
from ..text import normalize


SPEAKER_COLUMNS = ["speaker_country", "speaker_type", "kind"]
SPEAKER_TYPES = ("state", "organisation", "analyst", "ngo", "media", "company", "other")
_TITLE_TYPES = SPEAKER_TYPES + ("former",)
_KINDS = ("term", "title")
# kind ``not``: a phrase that contains a place but names none ("أصحاب الرياض", riad owners; round 64)
_PLACE_KINDS = ("institution", "place", "outlet", "region", "nisba", "state", "sea", "not")
WORD_RE = re.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{Mn}]*")  # a word keeps its diacritics ("عمّان"، "إنّ"; round 55)
# Attribution rules that name the speaker next to the quote (not inherited from context).
DIRECT_RULES = frozenset({"verb_subject", "subject_verb", "passive", "naql", "quote_then_verb", "according_to",
                          "colon_intro", "implicit_same_sentence", "implicit_sentence_person",
                          "implicit_sentence_subject", "headline"})
CHAIN_RULES = frozenset({"implicit_previous_speaker", "implicit_previous_subject", "continuation"})
SHORT_WORDS = 2  # a quote of at most this many words with no cue of its own is a term


class _Entry(NamedTuple):
    words: tuple[str, ...]
    value: str
    kind: str = ""


@dataclass(frozen=True)
class SpeakerLexicon:
    """Word lists of ``data/lexicons/``: ``titles`` (speaker_titles.csv: words → speaker
    type), ``places`` (speaker_places.csv: institutions, places, outlets, states the gazetteer lacks
    (kind ``state``, round 17) → country code),
    ``kind_cues`` (quote_kinds.csv: words before an opening mark → ``term``/``title``).
    Every list holds normalized word tuples, longest first."""

    titles: tuple[_Entry, ...]
    places: tuple[_Entry, ...]
    kind_cues: tuple[_Entry, ...]


def _norm_words(text: str) -> list[str]:
    return WORD_RE.findall(normalize(text))


def _read_csv(path: Path, required: tuple[str, ...], allowed: dict[str, tuple[str, ...]]) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing column(s) {missing}; expected {', '.join(required)}")
        rows = []
        for line, row in enumerate(reader, start=2):
            if not (row.get("form") or "").strip():
                raise ValueError(f"{path}, row {line}: empty 'form'")
            for col, values in allowed.items():
                v = (row.get(col) or "").strip()
                if v not in values:
                    raise ValueError(f"{path}, row {line}: {col} {v!r} is not one of {', '.join(values)}")
            rows.append(row)
    return rows


def _entries(rows: list[dict], value: str, kind: str = "") -> tuple[_Entry, ...]:
    out = [_Entry(tuple(_norm_words(r["form"])), r[value].strip(), (r.get(kind) or "").strip() if kind else "")
           for r in rows]
    return tuple(sorted((e for e in out if e.words), key=lambda e: -len(e.words)))


def load_speaker_lexicon(directory: str | Path | None = None) -> SpeakerLexicon:
    """Read ``speaker_titles.csv``, ``speaker_places.csv`` and ``quote_kinds.csv`` from
    ``directory`` (default ``data/lexicons``). Bad rows raise a ValueError naming the file
    and row.

    >>> lex = load_speaker_lexicon()
    >>> [e.value for e in lex.titles if e.words == ("باحث",)]
    ['analyst']
    """
    d = Path(directory) if directory else data_path("lexicons")
    files = [d / n for n in ("speaker_titles.csv", "speaker_places.csv", "quote_kinds.csv")]
    return _load(tuple(str(p) for p in files), tuple(p.stat().st_mtime_ns for p in files))


@lru_cache(maxsize=4)
def _load(paths: tuple[str, ...], _mtimes: tuple[int, ...]) -> SpeakerLexicon:
    t, p, k = (Path(x) for x in paths)
    titles = _read_csv(t, ("form", "speaker_type"), {"speaker_type": _TITLE_TYPES})
    places = _read_csv(p, ("form", "country", "kind"), {"kind": _PLACE_KINDS})
    bad = [i + 2 for i, r in enumerate(places) if not r["country"].strip() and r["kind"].strip() != "not"]
    if bad:
        raise ValueError(f"{p}: empty country in row(s) {bad}")
    kinds = _read_csv(k, ("form", "kind"), {"kind": _KINDS})
    return SpeakerLexicon(_entries(titles, "speaker_type"), _entries(places, "country", "kind"), _entries(kinds, "kind"))


# ---------------------------------------------------------------------------
# Words of a span, with clitics
# ---------------------------------------------------------------------------

def _readings(w: str) -> tuple[str, ...]:
    """A normalized word and its readings without و/ف and ب/ل/ك (لل → ال)."""
    out = [w]
    for c in ("", "و", "ف"):
        if c and not (len(w) > 3 and w.startswith(c)):
            continue
        r = w[len(c):]
        if c:
            out.append(r)
        if len(r) > 3 and r.startswith("لل"):
            out.append("ال" + r[2:])
        elif len(r) > 3 and r[0] in "بلك":
            out.append(r[1:])
    out += [x[2:] for x in out if x.startswith("ال") and len(x) > 4]
    return tuple(dict.fromkeys(out))


class Word(NamedTuple):
    start: int
    end: int
    readings: tuple[str, ...]


@lru_cache(maxsize=200_000)
def _word_readings(word: str) -> tuple[str, ...]:
    return _readings(normalize(word))


@lru_cache(maxsize=16)
def _article_words(text: str) -> tuple[list[Word | None], list[int], list[int]]:
    """The word offsets of an article (cached: the functions below ask for many stretches)
    and a slot per word for its :class:`Word`, built when first asked for (about half of an
    article's words never are)."""
    spans = [m.span() for m in WORD_RE.finditer(text)]
    return [None] * len(spans), [a for a, _ in spans], [b for _, b in spans]


def words_in(text: str, start: int, end: int) -> list[Word]:
    """Words of ``text`` starting in ``[start, end)`` and ending by ``end``, with their
    offsets and clitic readings."""
    ws, starts, ends = _article_words(text)
    lo = bisect_left(starts, start)
    hi = bisect_left(starts, end)
    while hi > lo and ends[hi - 1] > end:
        hi -= 1
    out = ws[lo:hi]
    if None in out:
        for i in range(lo, hi):
            if ws[i] is None:
                a, b = starts[i], ends[i]
                ws[i] = Word(a, b, _word_readings(text[a:b]))
        out = ws[lo:hi]
    return out


def word_bounds(text: str) -> tuple[list[int], list[int]]:
    """The start and end offsets of an article's words (as :func:`words_in` sees them; cached).

    >>> word_bounds("قال الوزير")
    ([0, 4], [3, 10])
    """
    _, starts, ends = _article_words(text)
    return starts, ends


def count_words_before(text: str, end: int) -> int:
    """``len(words_in(text, 0, end))`` without building the list.

    >>> count_words_before("قال الوزير إن", 8), len(words_in("قال الوزير إن", 0, 8))
    (1, 1)
    """
    _, starts, ends = _article_words(text)
    hi = bisect_left(starts, end)
    while hi > 0 and ends[hi - 1] > end:
        hi -= 1
    return hi


def bare(w: str) -> str:
    """A reading without the article ال (kept on words of three letters or fewer).

    >>> bare("الوزير"), bare("الا")
    ('وزير', 'الا')
    """
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


@lru_cache(maxsize=4)
def bare_index(text: str) -> dict[str, array]:
    """Where each bare reading (:func:`bare`) occurs in an article: the ascending indices of
    its words (as in ``words_in(text, 0, len(text))``), so that a search for the latest
    earlier occurrence of a noun costs its occurrences, not the article's words.

    >>> bare_index("قال الوزير إن الوزير")["وزير"].tolist()
    [1, 3]
    """
    out: dict[str, array] = {}
    for i, w in enumerate(words_in(text, 0, len(text))):
        for b in dict.fromkeys(bare(r) for r in w.readings):
            out.setdefault(b, array("l")).append(i)
    return out


def _by_first(entries: tuple[_Entry, ...]) -> dict[str, tuple[_Entry, ...]]:
    """Entries indexed by their first word, longest first (``entries`` come longest first;
    :func:`find_entries` keeps the index of each list)."""
    out: dict[str, list[_Entry]] = {}
    for e in entries:
        out.setdefault(e.words[0], []).append(e)
    return {k: tuple(v) for k, v in out.items()}


_INDEX: dict[int, tuple] = {}  # id of a word list -> (the list, kept alive; its index by first word)


def find_entries(entries: tuple[_Entry, ...], words: list[Word]) -> list[tuple[int, _Entry]]:
    """Non-overlapping lexicon matches in ``words``: ``(word index, entry)`` in text order. An
    entry of kind ``not`` takes its words and is not returned (so "أصحاب الرياض" is no Riyadh).

    >>> lex, t = load_speaker_lexicon(), "جمعية أصحاب الرياض في الرياض"
    >>> [e.value for _, e in find_entries(lex.places, words_in(t, 0, len(t)))]
    ['SAU']
    """
    got = _INDEX.get(id(entries))
    if got is not None and got[0] is entries:
        index = got[1]
    else:  # hashing the whole list on every call (an lru_cache key) cost more than the search
        index = _by_first(entries)
        _INDEX[id(entries)] = (entries, index)
    hits: list[tuple[int, _Entry]] = []
    i = 0
    n = len(words)
    while i < n:
        found = [got for r in words[i].readings if (got := index.get(r))]
        if not found:  # most words start no entry
            i += 1
            continue
        cands = found[0] if len(found) == 1 else sorted((e for g in found for e in g), key=lambda e: -len(e.words))
        best = None
        for e in cands:
            k = len(e.words)
            if (i + k <= len(words) and all(e.words[j] in words[i + j].readings for j in range(1, k))
                    and not _definite_region(e, words[i + 1:i + k])):
                best = e
                break
        if best is not None:
            if best.kind != "not":
                hits.append((i, best))
            i += len(best.words) - 1
        i += 1
    return hits


def opens_with_title(words: list[Word], lex: SpeakerLexicon) -> bool:
    """Whether ``words`` open on an entry of the title lexicon ("المتحدث باسم …", "وزير الخارجية").

    >>> lex = load_speaker_lexicon()
    >>> opens_with_title(words_in("وزير الخارجية", 0, 13), lex), opens_with_title(words_in("قال وزير", 0, 8), lex)
    (True, False)
    """
    hits = find_entries(lex.titles, words)
    return bool(hits) and hits[0][0] == 0


def _definite_region(e: _Entry, rest: list[Word]) -> bool:
    """A compound nisba ("الجنوب أفريقي", South African) read on a definite second word
    ("الجنوب الأفريقي", southern Africa: "مجموعة تنمية الجنوب الأفريقي"; round 51)."""
    return (e.kind == "nisba" and len(e.words) == 2 and e.words[0].startswith("ال")
            and bool(rest) and rest[0].readings[0] != e.words[1])


# ---------------------------------------------------------------------------
# Words around speaker phrases and speech verbs (subjects and continuation)
# ---------------------------------------------------------------------------

STOP_WORDS = frozenset("ان انه انها انهم انهما بان بانه بانها بانهم وان فان لان قوله قولها".split())
NOT_SUBJECT = frozenset("ردا مازحا ضاحكا مبتسما مجددا ايضا كذلك لاحقا بدوره بدورها الوضع صراحة صراحه علنا حرفيا".split())
SKIP_START = frozenset("يوم اليوم امس الاثنين الثلاثاء الاربعاء الخميس الجمعة السبت الاحد لي لنا للصحفيين "
                       "للصحافيين في خلال عقب بعد قبل".split())
PHRASE_MAX = 16
# "the same" after a source noun ("المصدر ذاته", "التعليق نفسه"): the last speaker taken up (round 11)
SAME_WORDS = frozenset("ذاته ذاتها نفسه نفسها ذاتهم نفسهم".split())
# The auxiliary of "كان … قد <verb>" (a past statement of the subject), normalized.
KAN = frozenset("كان وكان كانت وكانت".split())
# Words that open an adverbial after a comma in a speaker phrase ("السفير، خلال حفل أقيم في
# العاصمة اللاوسية"; "حكومة طرابلس، من خلال المتحدث"): what follows names no speaker (round 11).
COMMA_ADVERBIAL = frozenset("في من عن الي علي مع خلال عبر امام اثناء عقب بعد قبل حول منذ وفي".split())
# Time words that end a subject phrase ("انتقد زعيم المعارضة الاثنين صفقة …": the object follows).
# Words opening a time adverbial after a subject before a colon ("الركراكي بعد الفوز على الكاميرون:
# «…»"): the subject ends there (round 14). Normalized.
TIME_ADVERBIAL = frozenset("بعد قبل عقب اثر خلال اثناء".split())
# Words after which a mention is no subject: prepositions ("الحرب في أوكرانيا كشفت").
PREPOSITIONS = frozenset("في من عن الي علي مع بين ضد حول لدي عند منذ خلال بعد قبل عبر وفي ومن".split())
TIME_WORDS = frozenset("الاثنين الثلاثاء الاربعاء الخميس الجمعة السبت الاحد امس اليوم مساء صباح".split())
# A question before an answer verb (round 31): "سأل صحفي نيجيري رئيس المفوضية عما …، فأجاب:".
ANSWER_LEMMAS = frozenset({"أجاب", "رد"})
ANSWER_FORMS = frozenset("اجاب اجابت رد ردت".split())  # normalized
ASK_PASSIVE = frozenset({"سئل", "سئلت"})
ASK_WINDOW = 40  # words looked back from the answer verb
_ASK_FORMS = ("سالت", "سئلت", "سال", "سئل")  # longest first
_ASK_OBJECT = frozenset("ه ها هم هما".split())  # "وسأله صحفي": the one asked is a pronoun


def ask_word(w: str) -> tuple[str, str] | None:
    """``(form, object suffix)`` when the normalized word is a form of سأل / سئل, else None.

    >>> ask_word("وساله"), ask_word("سئل"), ask_word("سالم"), ask_word("مسالة")
    (('سال', 'ه'), ('سئل', ''), None, None)
    """
    if len(w) > 3 and w[0] in "وف" and w[1] == "س":
        w = w[1:]
    for form in _ASK_FORMS:
        if w.startswith(form) and (w == form or (form not in ASK_PASSIVE and w[len(form):] in _ASK_OBJECT)):
            return form, w[len(form):]
    return None


def _one_word_forms(field: str) -> list[str]:
    """The one-word forms of a ``forms`` field of speech_verbs.csv, normalized: "|" separates
    forms of several words, which are cues only whole ("تحدث عن", "جاء في"; round 41).

    >>> _one_word_forms("قال قالت"), _one_word_forms("تحدث عن|تحدثت عن")
    (['قال', 'قالت'], [])
    """
    forms = (w.strip() for w in (field.split("|") if "|" in field else field.split()))
    return [normalize(w) for w in forms if w and " " not in w]


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """Normalized singular speech-verb forms of ``data/lexicons/speech_verbs.csv`` plus the
    cues of ``data/lexicons/speaker_cues.csv`` (يرى، يكتب، ختم، ردت … that introduce a
    speaker's words but are not attribution verbs of :mod:`arnews.quotes`)."""
    out: set[str] = set()
    with open(data_path("lexicons/speech_verbs.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if (row.get("role") or "").strip() == "verb":
                out.update(_one_word_forms(row.get("forms") or ""))
    extra = data_path("lexicons/speaker_cues.csv")
    for row in _read_csv(extra, ("form",), {}):
        out.add(normalize(row["form"].strip()))
    # a form listed with its object pronoun ("وصفه", round 42) is read by the suffix test, which
    # keeps "بوصفه" (in the capacity of) out; listed bare it would let the ب-less reading in
    listed = frozenset(out)
    return frozenset(f for f in listed if not pronoun_suffixed(f, listed))


@lru_cache(maxsize=1)
def speech_forms() -> frozenset[str]:
    """Every verb, dual/plural verb and participle form of ``speech_verbs.csv``."""
    out: set[str] = set()
    with open(data_path("lexicons/speech_verbs.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if (row.get("role") or "").strip() in ("verb", "verb_pronoun", "participle"):
                out.update(_one_word_forms(row.get("forms") or ""))
    return frozenset(out)


def is_speech_verb(w: Word) -> bool:
    """A singular speech verb or cue, with its proclitics: also a three-letter word whose
    و/ف is a conjunction on a two-letter verb ("ورد" → رد)."""
    return _speech_readings(w.readings)


@lru_cache(maxsize=200_000)
def _speech_readings(readings: tuple[str, ...]) -> bool:
    v = _speech_verbs()
    first = readings[0]
    return (any(r in v for r in readings[:3]) or (len(first) == 3 and first[0] in "وف" and first[1:] in v)
            or any(pronoun_suffixed(r, v) for r in readings[:3] if "ب" + r not in readings))


#: The object pronouns a speech verb may carry: "ووصفته بأنه «…»", "ما قاله الوزير" (round 13).
OBJECT_SUFFIXES = ("هما", "هم", "ها", "ه")


def pronoun_suffixed(reading: str, forms: frozenset[str], suffixes: tuple[str, ...] = OBJECT_SUFFIXES,
                     min_stem: int = 2) -> bool:
    """Whether ``reading`` is one of ``forms`` followed by one of the pronoun ``suffixes``
    (the rest at least ``min_stem`` letters long); the one test behind the speech-verb readers
    of :mod:`~arnews.speakers.kind` and :mod:`~arnews.speakers.columns`.

    >>> pronoun_suffixed("وصفها", frozenset({"وصف"})), pronoun_suffixed("وصف", frozenset({"وصف"}))
    (True, False)
    """
    return any(reading.endswith(s) and len(reading) - len(s) >= min_stem and reading[:-len(s)] in forms
               for s in suffixes)


def one_word_forms(name: str) -> frozenset[str]:
    """The ``form`` column of ``data/lexicons/<name>``: one word per row, normalized, without
    its article (short words are kept). Raises ``ValueError`` naming the file and row of a form
    that is empty or of two words.

    >>> "وزارة" in one_word_forms("speaker_institution_heads.csv")
    True
    """
    from ..text import normalize

    with open(data_path(f"lexicons/{name}"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    out = set()
    for line, r in enumerate(rows, start=2):
        form = normalize((r.get("form") or "").strip())
        if not form or " " in form:
            raise ValueError(f"{name}, row {line}: 'form' must be one word")
        out.add(bare(form))
    return frozenset(out)
