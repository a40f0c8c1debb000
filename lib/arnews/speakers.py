"""Who a quote's speaker speaks for: state, type, kind of quote, continuation chains.

:func:`arnews.quotes.find_quotes` finds quoted spans and the phrase naming their speaker;
this module adds three columns (:data:`SPEAKER_COLUMNS`) without needing a gazetteer entry
for the person:

``kind``
    ``speech`` (words attributed to someone), ``title`` (a name in quotation marks: a
    newspaper, a book, a programme — the word before the opening mark is a cue of
    ``data/lexicons/quote_kinds.csv`` such as صحيفة، كتاب، برنامج، عملية) or ``term`` (a
    scare-quoted or habitually named term: ما تسميه موسكو "…", ما يعرف بـ"…", or one or two
    words with no speech cue of their own). Terms and titles are **not attributed**: their
    speaker columns are emptied.
``speaker_type``
    ``state``, ``organisation`` (a bloc or an international body: UN, EU, NATO, IMF …),
    ``analyst``, ``ngo``, ``media``, ``company`` or ``other``, from the title words of the
    speaker phrase (``data/lexicons/speaker_titles.csv``: الباحث → analyst, صحيفة → media,
    الرئيس التنفيذي → company, النائبة → other; السابق makes a former official an analyst),
    else from the speaker's gazetteer actor.
``speaker_country``
    The code the speaker speaks for (ISO alpha-3, or a bloc/body code such as ``UN``):
    the gazetteer country of a named actor (بيسكوف → RUS, غوتيريش → UN); else, for state
    speakers, the first country named in the phrase — nisba adjectives and institutions
    included ("وزير الدفاع الماليزي" → MYS, "السفير الصيني لدى ماليزيا" → CHN, "الخارجية
    الأميركية" → USA, "صندوق النقد" → IMF through ``data/lexicons/speaker_places.csv``),
    else the country of an earlier fuller phrase with the same head noun ("الوزير" after
    "وزير الدفاع الماليزي"), else the article's dateline ("كوالالمبور - …"); for non-state
    speakers the country the phrase gives them (the last one named: "الخبير … في بروكسل" →
    BEL, "صحيفة جلوبال تايمز" → CHN), else none. A group speaker (الزعيمان) gets the
    countries of its pair, ``CHN|RUS``.

``speaker_via`` of a quote attributed by continuation (وأضاف / وتابع / وقال with a pronoun
subject, a stand-alone quote after another) keeps the chain as evidence:
``chain:وأضافت>وقالت`` (this quote's cue, then each earlier cue back to the one naming the
speaker), or ``chain:وأضاف>الوزير`` when the speaker was named outside a quote.

>>> import pandas as pd
>>> q = pd.DataFrame({"article_id": ["a"], "start": [24], "end": [33], "quote": ["غير شرعية"],
...                   "speaker_text": ["وزير الدفاع الماليزي"], "speaker_actor_id": [None], "verb": ["قال"],
...                   "rule": ["verb_subject"], "speaker_start": [4], "speaker_end": [20],
...                   "speaker_group": [None], "speaker_via": [None]})
>>> m = pd.DataFrame({"article_id": ["a"], "start": [14], "end": [20], "actor_id": ["MYS"],
...                   "actor_type": ["country"], "country": ["MYS"]})
>>> text = 'قال وزير الدفاع الماليزي إن "غير شرعية" اليوم'
>>> add_speaker_columns(q, {"a": text}, m)[["kind", "speaker_type", "speaker_country"]].values.tolist()
[['speech', 'state', 'MYS']]
"""
from __future__ import annotations

import csv
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import regex as re

from .resources import data_path
from .text import normalize

__all__ = [
    "SPEAKER_COLUMNS",
    "SPEAKER_TYPES",
    "SpeakerLexicon",
    "load_speaker_lexicon",
    "quote_kind",
    "add_speaker_columns",
    "quotes_by_speaker_state",
]

SPEAKER_COLUMNS = ["speaker_country", "speaker_type", "kind"]
SPEAKER_TYPES = ("state", "organisation", "analyst", "ngo", "media", "company", "other")
_TITLE_TYPES = SPEAKER_TYPES + ("former",)
_KINDS = ("term", "title")
_PLACE_KINDS = ("institution", "place", "outlet")
_WORD_RE = re.compile(r"[\p{L}\p{N}]+")
# Attribution rules that name the speaker next to the quote (not inherited from context).
DIRECT_RULES = frozenset({"verb_subject", "subject_verb", "passive", "naql", "quote_then_verb", "according_to",
                          "colon_intro", "implicit_same_sentence", "implicit_sentence_person"})
CHAIN_RULES = frozenset({"implicit_previous_speaker", "implicit_previous_subject", "continuation"})
_SHORT_WORDS = 2  # a quote of at most this many words with no cue of its own is a term


class _Entry(NamedTuple):
    words: tuple[str, ...]
    value: str
    kind: str = ""


@dataclass(frozen=True)
class SpeakerLexicon:
    """Word lists of ``data/lexicons/``: ``titles`` (speaker_titles.csv: words → speaker
    type), ``places`` (speaker_places.csv: institutions, places, outlets → country code),
    ``kind_cues`` (quote_kinds.csv: words before an opening mark → ``term``/``title``).
    Every list holds normalized word tuples, longest first."""

    titles: tuple[_Entry, ...]
    places: tuple[_Entry, ...]
    kind_cues: tuple[_Entry, ...]


def _norm_words(text: str) -> list[str]:
    return _WORD_RE.findall(normalize(text))


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
    bad = [i + 2 for i, r in enumerate(places) if not r["country"].strip()]
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


class _Word(NamedTuple):
    start: int
    end: int
    readings: tuple[str, ...]


@lru_cache(maxsize=200_000)
def _word_readings(word: str) -> tuple[str, ...]:
    return _readings(normalize(word))


@lru_cache(maxsize=16)
def _article_words(text: str) -> tuple[list[_Word], list[int]]:
    """Every word of an article (cached: the functions below ask for many stretches)."""
    ws = [_Word(m.start(), m.end(), _word_readings(m.group())) for m in _WORD_RE.finditer(text)]
    return ws, [w.start for w in ws]


def _words(text: str, start: int, end: int) -> list[_Word]:
    """Words of ``text`` starting in ``[start, end)`` and ending by ``end``, with their
    offsets and clitic readings."""
    ws, starts = _article_words(text)
    lo = bisect_left(starts, start)
    hi = bisect_left(starts, end)
    out = ws[lo:hi]
    while out and out[-1].end > end:
        out.pop()
    return out


@lru_cache(maxsize=16)
def _by_first(entries: tuple[_Entry, ...]) -> dict[str, tuple[_Entry, ...]]:
    """Entries indexed by their first word, longest first."""
    out: dict[str, list[_Entry]] = {}
    for e in entries:
        out.setdefault(e.words[0], []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def _find(entries: tuple[_Entry, ...], words: list[_Word]) -> list[tuple[int, _Entry]]:
    """Non-overlapping lexicon matches in ``words``: ``(word index, entry)`` in text order."""
    index = _by_first(entries)
    hits: list[tuple[int, _Entry]] = []
    i = 0
    while i < len(words):
        cands = [e for r in words[i].readings for e in index.get(r, ())]
        best = None
        for e in sorted(cands, key=lambda e: -len(e.words)):
            k = len(e.words)
            if i + k <= len(words) and all(e.words[j] in words[i + j].readings for j in range(1, k)):
                best = e
                break
        if best is not None:
            hits.append((i, best))
            i += len(best.words) - 1
        i += 1
    return hits


# ---------------------------------------------------------------------------
# Kind of quote
# ---------------------------------------------------------------------------

def _cue_before(text: str, start: int, lex: SpeakerLexicon) -> str | None:
    """``term``/``title`` when the words right before the opening mark are a kind cue."""
    mark = start - 1
    while mark > 0 and text[mark - 1].isspace():
        mark -= 1
    if text[max(0, mark - 3):mark].endswith("لـ"):
        return "title"  # لـ"الشرق الدبلوماسي": a name glued to the preposition
    left = text.rfind("\n", 0, mark) + 1
    words = _words(text, max(left, mark - 60), mark)[-3:]
    if not words:
        return None
    last = set(words[-1].readings) | (set(words[-2].readings) if len(words) > 1 else set())
    for e in lex.kind_cues:
        if e.words[-1] not in last:
            continue
        k = len(e.words)
        tail = words[-k:] if len(words) >= k else []
        if tail and all(w in t.readings for w, t in zip(e.words, tail)):
            return e.value
        # a cue followed by one bare clitic word ("يعرف بـ")
        if len(words) > k and words[-1].readings[0] in ("ب", "ل") and all(
                w in t.readings for w, t in zip(e.words, words[-k - 1:-1])):
            return e.value
    return None


def quote_kind(text: str, start: int, end: int, rule: str | None, lex: SpeakerLexicon | None = None,
               spans=None) -> str:
    """``speech``, ``term`` or ``title`` for the quote ``text[start:end]`` (see the module
    docstring). ``rule`` is the attribution rule of :func:`arnews.quotes.find_quotes`.

    >>> t = 'وقالت صحيفة "ذا ستار" إن الوزير قال "لن نقبل أي تنازل في هذا الملف"'
    >>> quote_kind(t, 13, 20, "verb_subject"), quote_kind(t, 37, len(t) - 1, "verb_subject")
    ('title', 'speech')
    >>> t = 'ما تسميه موسكو "عملية عسكرية خاصة"'
    >>> quote_kind(t, 16, len(t) - 1, None)
    'term'
    """
    lex = lex or load_speaker_lexicon()
    cue = _cue_before(text, start, lex)
    if cue is not None:
        return cue
    # habitual naming with the namer between the verb and the quote: "ما تسميه موسكو «…»"
    mark = start - 1
    before = _words(text, max(text.rfind("\n", 0, mark) + 1, mark - 40), mark)[-4:-1]
    if any(r in _NAMING for w in before for r in w.readings):
        return "term"
    n_words = len(_WORD_RE.findall(text, start, end))
    spans = _spans_from_marks(text) if spans is None else spans
    if n_words <= _SHORT_WORDS and rule not in DIRECT_RULES and not _cue_in_sentence(text, mark, spans):
        return "term"
    return "speech"


def _cue_in_sentence(text: str, mark: int, spans) -> bool:
    """Whether a speech verb or participle (any form of speech_verbs.csv) stands before
    ``mark`` in its sentence, outside quotation marks ("كما قال إنه يتفق «بشكل رائع»")."""
    sent = _sentence_start(text, mark, spans)
    forms = _speech_forms()
    return any(any(r in forms for r in w.readings[:3]) and not _inside(w.start, spans)
               for w in _words(text, sent, mark))


_NAMING = frozenset("تسميه تسميها يسميه يسميها تسمي يسمي يسمونه يسمونها تطلق يطلق".split())


# ---------------------------------------------------------------------------
# Speaker type and country
# ---------------------------------------------------------------------------

class _Mention(NamedTuple):
    start: int
    end: int
    actor_id: str | None
    actor_type: str
    country: str


@lru_cache(maxsize=1)
def _gazetteer_info() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """actor → country, actor → type, and the codes of blocs and bodies."""
    try:
        from .actors import load_gazetteer

        g = load_gazetteer()
    except Exception:  # no gazetteer: no actor information
        return {}, {}, frozenset()
    country = dict(zip(g["actor_id"], g["country"].fillna("")))
    atype = dict(zip(g["actor_id"], g["type"].fillna("")))
    orgs = frozenset(g.loc[g["type"].isin(["bloc", "organization"]) & (g["actor_id"] == g["country"]), "actor_id"])
    return country, atype, orgs


class SpeakerInfo(NamedTuple):
    """Resolved speaker: ``country`` (code or None), ``type`` (one of :data:`SPEAKER_TYPES`)."""

    country: str | None
    type: str


_WEAK_HEADS = frozenset({("رئيس",), ("الرئيس",), ("رئيسة",), ("مدير",), ("المدير",)})


def _title_type(words: list[_Word], lex: SpeakerLexicon) -> tuple[str | None, bool]:
    """The first title's type in the phrase and whether it marks a former office holder.
    A generic head (رئيس، مدير) yields to a later non-state title: "رئيس بعثة المنظمة" is
    an NGO's, "الرئيس التنفيذي لشركة" a company's."""
    hits = _find(lex.titles, words)
    former = any(e.value == "former" for _, e in hits)
    hits = [e for _, e in hits if e.value != "former"]
    if len(hits) > 1 and hits[0].words in _WEAK_HEADS:
        later = [e.value for e in hits[1:] if e.value != "state"]
        if later:
            return later[0], former
    return (hits[0].value if hits else None), former


def _countries_in(words: list[_Word], ments: list[_Mention], ss: int, se: int, lex: SpeakerLexicon,
                  kinds: tuple[str, ...]) -> list[tuple[int, str]]:
    """``(offset, code)`` of the countries named in the phrase ``[ss, se)``: mentions and
    the place-lexicon entries of the given kinds, in text order."""
    out = [(m.start, m.country) for m in ments if ss <= m.start and m.end <= se and m.country]
    covered = [(m.start, m.end) for m in ments if ss <= m.start and m.end <= se]
    for w in words:
        if not any(a <= w.start < b for a, b in covered):
            c = next((x for x in map(nisba_country, w.readings[:2]) if x), None)
            if c:
                out.append((w.start, c))
    for i, e in _find(lex.places, words):
        if e.kind in kinds:
            # a place lexicon entry overrides a mention at the same words (بروكسل as a place)
            out = [(o, c) for o, c in out if not (words[i].start <= o < words[i + len(e.words) - 1].end)]
            out.append((words[i].start, e.value))
    return sorted(out)


def _org_or_state(code: str | None, orgs: frozenset[str]) -> str:
    return "organisation" if code in orgs else "state"


def resolve_speaker(text: str, row: dict, ments: list[_Mention], earlier: list[tuple[str, str]],
                    dateline: str | None, lex: SpeakerLexicon) -> SpeakerInfo:
    """Speaker state and type of one attributed quote row (see the module docstring).
    ``earlier``: ``(head word, country)`` of the article's earlier resolved state speakers."""
    country_of, type_of, orgs = _gazetteer_info()
    group = row.get("speaker_group")
    if isinstance(group, str) and group:
        codes = sorted({country_of.get(x, "") for x in group.split("|")} - {""})
        return SpeakerInfo("|".join(codes) or None, _org_or_state(codes[0] if len(codes) == 1 else None, orgs))
    actor = row.get("speaker_actor_id")
    actor = actor if isinstance(actor, str) and actor else None
    ss, se = row.get("speaker_start"), row.get("speaker_end")
    if ss is None or pd.isna(ss):
        if actor:
            c = country_of.get(actor) or None
            return SpeakerInfo(c, _org_or_state(c, orgs))
        return SpeakerInfo(None, "other")
    ss, se = int(ss), int(se)
    line = text.find("\n", se)
    stop = len(text) if line < 0 else line
    if se < int(row["start"]):
        stop = min(stop, int(row["start"]) - 1)
    se = _extend(text, ss, se, stop)
    words = _words(text, ss, se)
    ttype, former = _title_type(words, lex)
    if former:
        found = _countries_in(words, ments, ss, se, lex, ("place", "outlet"))
        return SpeakerInfo(found[-1][1] if found else None, "analyst")
    if actor and (type_of.get(actor) == "person" or country_of.get(actor) in orgs):
        c = country_of.get(actor) or None  # a person, or a body such as منظمة الصحة العالمية
        return SpeakerInfo(c, _org_or_state(c, orgs))
    if ttype in ("analyst", "ngo", "media", "company", "other"):
        found = _countries_in(words, ments, ss, se, lex, ("place", "outlet"))
        fallback = dateline if ttype in ("company", "other") else None
        return SpeakerInfo(found[-1][1] if found else fallback, ttype)
    if ttype is None and not actor:
        window = _name_antecedent(text, words, ss)
        if window is not None:
            ws2 = _words(text, *window)
            t2, former2 = _title_type(ws2, lex)
            if t2 is not None:
                non_state = former2 or t2 in ("analyst", "ngo", "media", "company", "other")
                found = _countries_in(ws2, ments, window[0], window[1], lex,
                                      ("place", "outlet") if non_state else ("institution", "outlet"))
                c2 = (found[-1][1] if non_state else found[0][1]) if found else None
                if non_state:
                    return SpeakerInfo(c2, "analyst" if former2 else t2)
                if c2:
                    return SpeakerInfo(c2, _org_or_state(c2, orgs))
    found = _countries_in(words, ments, ss, se, lex, ("institution", "outlet"))
    if actor and country_of.get(actor):
        c = country_of[actor]
    elif found:
        c = found[0][1]
    elif ttype is not None:
        head = _head(words, lex)
        short = len(words) <= 2  # "الوزير", "المصدر": a back-reference, not a new speaker
        c = next((hc for h, hc in reversed(earlier) if h == head), None) if head and short else None
        c = c or _antecedent_country(text, ss, head, ments) or dateline
    else:
        c = None
    if c is None and ttype is None:
        return SpeakerInfo(None, "other")
    return SpeakerInfo(c, _org_or_state(c, orgs))


def _name_antecedent(text: str, words: list[_Word], ss: int, width: int = 10) -> tuple[int, int] | None:
    """Span of the fuller, titled mention of a bare name: for "غانزوريغ", the ``width``
    words before its first occurrence ("وزير خارجية منغوليا باتبولد غانزوريغ")."""
    if not words or len(words) > 3:
        return None
    name = words[-1].readings[0]
    ws = _words(text, 0, ss)
    for i, w in enumerate(ws):
        if w.readings[0] == name:
            lo = max(0, i - width)
            para = _paragraph_start(text, w.start)
            lo = next((k for k in range(lo, i) if ws[k].start >= para), i)
            return (ws[lo].start, w.end) if lo < i else None
    return None


def _bare(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def _head(words: list[_Word], lex: SpeakerLexicon) -> str | None:
    """The phrase's first title word without its article (الوزير → وزير)."""
    hits = _find(lex.titles, words)
    return _bare(hits[0][1].words[0]) if hits else None


def _antecedent_country(text: str, ss: int, head: str | None, ments: list[_Mention], window: int = 5) -> str | None:
    """Country named within ``window`` words after the most recent earlier occurrence of
    ``head`` ("وزير خارجية منغوليا" for a later "الوزير")."""
    if not head:
        return None
    ws = _words(text, 0, ss)
    for i in range(len(ws) - 1, -1, -1):
        if head in {_bare(r) for r in ws[i].readings}:
            stop = ws[min(i + window, len(ws) - 1)].end
            c = [m.country for m in ments if ws[i].start <= m.start < stop and m.country]
            if c:
                return c[0]
    return None


_DATELINE_RE = re.compile(r"\s*([^\n\-–—:]{2,60}?)\s*(?:\([^)\n]{1,30}\)\s*)?[\-–—]\s")


def dateline_country(text: str, ments: list[_Mention], max_paragraphs: int = 3) -> str | None:
    """The country of a dateline ("كوالالمبور - …", "موسكو (أ ف ب) - …") in the first
    paragraphs, when it names exactly one.

    >>> dateline_country("عنوان\\n\\nكوالالمبور - قال الوزير", [_Mention(7, 17, "MYS", "country", "MYS")])
    'MYS'
    """
    pos = 0
    for _ in range(max_paragraphs):
        while pos < len(text) and text[pos] == "\n":
            pos += 1
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        m = _DATELINE_RE.match(text, pos, end)
        if m:
            codes = {x.country for x in ments if m.start(1) <= x.start < m.end(1) and x.country}
            return codes.pop() if len(codes) == 1 else None
        pos = end
    return None


# ---------------------------------------------------------------------------
# Nisba adjectives the gazetteer does not list
# ---------------------------------------------------------------------------

# What a country's name may add to a nisba stem: المجر/مجري، كينيا/كيني، بلجيكا/بلجيكي،
# قرغيزستان/قرغيزي، سنغافورة/سنغافوري.
_NAME_TAILS = ("", "ا", "يا", "ة", "ستان")
_NISBA_WORD_RE = re.compile(r"^(?:ال)?(\w{3,})ي(?:ة|ون|ين|ان|تان)?$")


@lru_cache(maxsize=1)
def _country_stems() -> dict[str, str]:
    """Bare one-word country names of the gazetteer (article removed) → code."""
    try:
        from .actors import load_gazetteer

        g = load_gazetteer()
    except Exception:
        return {}
    out: dict[str, str] = {}
    for _, r in g[g["type"] == "country"].iterrows():
        names = [r["label_ar"], *str(r.get("variants") or "").split("|")]
        for n in names:
            w = normalize(str(n)).strip()
            if w and " " not in w:
                out.setdefault(_bare(w), r["actor_id"])
    return out


@lru_cache(maxsize=100_000)
def nisba_country(word: str) -> str | None:
    """The country of a nisba adjective derived from a gazetteer country name, for the
    spellings the gazetteer's ``nisba`` column lacks.

    >>> nisba_country("المجري"), nisba_country("القرغيزي"), nisba_country("الاقتصادي")
    ('HUN', 'KGZ', None)
    """
    m = _NISBA_WORD_RE.match(normalize(word))
    if not m:
        return None
    stem = m.group(1)
    stems = _country_stems()
    for tail in _NAME_TAILS:
        c = stems.get(stem + tail)
        if c:
            return c
    return None


# ---------------------------------------------------------------------------
# Explicit subjects and continuation in the paragraph
# ---------------------------------------------------------------------------

_STOP_WORDS = frozenset("ان انه انها انهم انهما بان بانه بانها بانهم وان فان لان قوله قولها".split())
_NOT_SUBJECT = frozenset("ردا مازحا ضاحكا مبتسما مجددا ايضا كذلك لاحقا بدوره بدورها الوضع".split())
_SKIP_START = frozenset("يوم اليوم امس الاثنين الثلاثاء الاربعاء الخميس الجمعة السبت الاحد لي لنا للصحفيين "
                        "للصحافيين في خلال عقب بعد قبل".split())
_PHRASE_MAX = 16


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """Normalized singular speech-verb forms of ``data/lexicons/speech_verbs.csv`` plus the
    cues of ``data/lexicons/speaker_cues.csv`` (يرى، يكتب، ختم، ردت … that introduce a
    speaker's words but are not attribution verbs of :mod:`arnews.quotes`)."""
    out: set[str] = set()
    with open(data_path("lexicons/speech_verbs.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if (row.get("role") or "").strip() == "verb":
                out.update(normalize(w) for w in (row.get("forms") or "").split())
    extra = data_path("lexicons/speaker_cues.csv")
    for row in _read_csv(extra, ("form",), {}):
        out.add(normalize(row["form"].strip()))
    return frozenset(out)


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    """Every verb, dual/plural verb and participle form of ``speech_verbs.csv``."""
    out: set[str] = set()
    with open(data_path("lexicons/speech_verbs.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if (row.get("role") or "").strip() in ("verb", "verb_pronoun", "participle"):
                out.update(normalize(w) for w in (row.get("forms") or "").split())
    return frozenset(out)


def _is_verb(w: _Word) -> bool:
    v = _speech_verbs()
    return any(r in v for r in w.readings[:3])


def _quote_marks(text: str, lo: int, hi: int) -> list[int]:
    return [i for i in range(lo, hi) if text[i] in "\"“”«»„"]


def _spans_from_marks(text: str) -> tuple[tuple[int, int], ...]:
    """Quoted stretches ``(open mark, close mark + 1)`` by pairing marks per paragraph
    (used when the caller has no quote spans)."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        marks = _quote_marks(text, para.start(), para.end())
        out += [(a, b + 1) for a, b in zip(marks[::2], marks[1::2])]
    return tuple(out)


def _inside(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


def _extend(text: str, ss: int, se: int, stop: int) -> int:
    """End of the speaker phrase ``[ss, se)`` extended over its apposition, up to a
    complementizer, a colon or ``stop`` (the quote's opening mark), at most
    :data:`_PHRASE_MAX` words: "صحيفة «جلوبال تايمز» المملوكة للدولة"."""
    end = se
    for w in _words(text, se, stop)[:_PHRASE_MAX]:
        gap = text[end:w.start]
        if w.readings[0] in _STOP_WORDS or any(c in gap for c in ":\n.؟?!"):
            break
        end = w.end
    return end


class _Subject(NamedTuple):
    pos: int  # offset of the speech verb
    start: int
    end: int
    actor: str | None


def _subject_after(text: str, verb: _Word, stop: int, ments: list[_Mention], lex: SpeakerLexicon) -> _Subject | None:
    """An explicit subject after a speech verb: a phrase holding a title word of the
    lexicon or a person/body mention, up to a complementizer, a colon or ``stop``."""
    ws = []
    for w in _words(text, verb.end, stop)[:_PHRASE_MAX]:
        if w.readings[0] in _STOP_WORDS or ":" in text[verb.end:w.start]:
            break
        ws.append(w)
    while ws and ws[0].readings[0] in _SKIP_START:
        ws.pop(0)
    if not ws or ws[0].readings[0] in _NOT_SUBJECT:
        return None
    s, e = ws[0].start, ws[-1].end
    persons = [m for m in ments if s <= m.start and m.end <= e and m.actor_type == "person"]
    titled = any(i == 0 for i, _ in _find(lex.titles, ws))
    if not titled and not (persons and persons[0].start == s):
        return None
    # "بيسكوف في …" names one person; "المتحدث باسم الكرملين ديمتري بيسكوف" the last one
    actor = persons[0].actor_id if persons and persons[0].start == s else (persons[-1].actor_id if persons else None)
    return _Subject(verb.start, s, e, actor)


def _subject_before(text: str, ws: list[_Word], i: int, spans, lex: SpeakerLexicon) -> _Subject | None:
    """A titled phrase before the speech verb ``ws[i]`` in its sentence, when nothing after
    the verb is a subject: "ورحب وزير المالية المصري بالبيان، وقال …", "غير أن الخبيرة
    الاقتصادية في بنك … في دبي، سلمى الحداد، قالت …"."""
    sent = _sentence_start(text, ws[i].start, spans)
    lo = next((k for k in range(i) if ws[k].start >= sent), i)
    for k in range(lo, min(i, lo + 3)):  # the sentence's subject: within its first words
        if _inside(ws[k].start, spans):
            continue
        if any(j == 0 for j, _ in _find(lex.titles, ws[k:i])):
            stop = next((j for j in range(k + 1, i) if ws[j].readings[0] in _STOP_WORDS), i)
            return _Subject(ws[i].start, ws[k].start, ws[stop - 1].end, None)
    return None


def _subjects(text: str, lo: int, hi: int, ments: list[_Mention], lex: SpeakerLexicon, spans) -> list[_Subject]:
    """Explicit speakers of speech verbs in ``text[lo:hi]`` outside quotation marks, in
    text order ("وقال الباحث … إن", "وكان السفير الصيني … قد صرح")."""
    out = []
    ws = _words(text, lo, hi)
    for i, w in enumerate(ws):
        if _inside(w.start, spans):
            continue  # inside a quote
        if _is_verb(w) and i > 0 and ws[i - 1].readings[0] in ("قد", "لقد"):
            continue  # "وكان ترامب قد دعا شي …": the subject stands before; see below
        if _is_verb(w) and w.readings[0].startswith("ف"):
            # "أما حلف شمال الأطلسي فيرى … أن": the topic after أما is the subject
            j = next((k for k in range(i - 1, max(-1, i - _PHRASE_MAX), -1) if ws[k].readings[0] == "اما"), None)
            if j is not None and j + 1 < i and not _inside(ws[j].start, spans):
                s0, e0 = ws[j + 1].start, ws[i - 1].end
                actors = [m for m in ments if s0 <= m.start and m.end <= e0 and m.actor_id]
                if (actors and actors[0].start == s0) or any(k == 0 for k, _ in _find(lex.titles, ws[j + 1:i])):
                    out.append(_Subject(w.start, s0, e0, actors[0].actor_id if actors else None))
                    continue
        if _is_verb(w):
            sub = _subject_after(text, w, hi, ments, lex) or _subject_before(text, ws, i, spans, lex)
            if sub is not None:
                out.append(sub)
        elif w.readings[0] in ("كان", "وكان") and i + 1 < len(ws):
            # "وكان السفير الصيني لدى ماليزيا قد صرح": subject between كان and قد
            j = next((k for k in range(i + 1, min(i + _PHRASE_MAX, len(ws))) if ws[k].readings[0] == "قد"), None)
            if j is not None and j + 1 < len(ws) and _is_verb(ws[j + 1]):
                s0, e0 = ws[i + 1].start, ws[j - 1].end
                persons = [m for m in ments if s0 <= m.start and m.end <= e0 and m.actor_type == "person"]
                if _find(lex.titles, ws[i + 1:i + 2]) or (persons and persons[0].start == s0):
                    out.append(_Subject(ws[j + 1].start, s0, e0, persons[0].actor_id if persons else None))
    return out


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _sentence_start(text: str, pos: int, spans) -> int:
    """Start of the sentence holding ``pos``: after the last full stop outside quotes."""
    base = _paragraph_start(text, pos)
    start = base
    for m in re.finditer(r"[.!?؟]\s", text[base:pos]):
        i = base + m.start()
        if not any(a <= i < b - 2 for a, b in spans):  # a stop closing a quote ends it too
            start = base + m.end()
    return start


# ---------------------------------------------------------------------------
# The hook
# ---------------------------------------------------------------------------

_SPEAKER_FIELDS = ("speaker_text", "speaker_actor_id", "speaker_start", "speaker_end", "speaker_group", "speaker_via")


def _mentions_by_article(mentions: pd.DataFrame | None) -> dict[object, list[_Mention]]:
    if mentions is None or not len(mentions):
        return {}
    n = len(mentions)
    cols = [mentions[c].tolist() if c in mentions else [d] * n
            for c, d in (("article_id", None), ("start", 0), ("end", 0), ("actor_id", None), ("actor_type", ""),
                         ("country", ""))]
    out: dict[object, list[_Mention]] = {}
    for a, s, e, aid, at, c in zip(*cols):
        out.setdefault(a, []).append(_Mention(int(s), int(e), aid if isinstance(aid, str) else None,
                                              at if isinstance(at, str) else "", c if isinstance(c, str) else ""))
    for v in out.values():
        v.sort()
    return out


def _chain(rows: list[dict], i: int) -> str:
    """``chain:<cue>><earlier cue>…`` back to the quote naming the same speaker phrase."""
    r = rows[i]
    verbs = [r.get("verb") or "—"]
    for j in range(i - 1, -1, -1):
        p = rows[j]
        if p.get("speaker_start") != r.get("speaker_start") or p.get("kind") != "speech":
            continue
        verbs.append(p.get("verb") or "—")
        if p.get("rule") not in CHAIN_RULES:
            return "chain:" + ">".join(verbs)
    return "chain:" + ">".join(verbs + [str(r.get("speaker_text"))])


def _colon_speaker(text: str, sent: int, mark: int, ments: list[_Mention], lex: SpeakerLexicon,
                   spans) -> _Subject | None:
    """"PHRASE: «…»" at the start of a sentence (a headline "الكرملين: …", "صندوق النقد:
    …"), when the phrase is titled, names an actor or an institution, at most 8 words."""
    colon = text.find(":", sent, mark)
    if colon < 0 or _inside(colon, spans):
        return None
    ws = _words(text, sent, colon)
    if not ws or len(ws) > 8 or ws[0].readings[0] in ("س", "ج"):
        return None
    s, e = ws[0].start, ws[-1].end
    actors = [m for m in ments if s <= m.start and m.end <= e and m.actor_id]
    if not (actors or _find(lex.titles, ws) or any(x.kind == "institution" for _, x in _find(lex.places, ws))):
        return None
    persons = [m for m in actors if m.actor_type == "person"]
    return _Subject(colon, s, e, persons[-1].actor_id if persons else (actors[0].actor_id if actors else None))


def _set_speaker(r: dict, sub: _Subject, text: str, rule: str) -> None:
    r.update(speaker_text=text[sub.start:sub.end], speaker_start=sub.start, speaker_end=sub.end,
             speaker_actor_id=sub.actor, speaker_group=None, rule=rule, speaker_via="name" if sub.actor else None)


# A statement or commentary continuing its author: "وأضاف البيان"، "وتابع التعليق".
_SOURCE_NOUNS = frozenset("البيان التعليق الافتتاحية التقرير المقال الرسالة".split())


def _adverb_speaker(r: dict) -> bool:
    """A speaker phrase that is no new speaker: an adverb taken for the subject ("وأضاف
    ردا على سؤال") or a bare source noun continuing its author ("وأضاف البيان")."""
    t = r.get("speaker_text")
    if not (isinstance(t, str) and t) or r.get("speaker_actor_id"):
        return False
    words = [normalize(w) for w in t.split()]
    return words[0] in _NOT_SUBJECT or (len(words) == 1 and words[0] in _SOURCE_NOUNS)


def _headline_subject(text: str, r: dict, sent: int, ments: list[_Mention], lex: SpeakerLexicon) -> _Subject | None:
    """"الصين تقول إن …" / "البيت الأبيض يقول الصين …": an actor or titled phrase opening
    the sentence right before a present-tense speech verb is its subject (SVO, the order
    of headlines), not the noun after the verb."""
    verb = r.get("verb")
    if not isinstance(verb, str) or not verb or normalize(verb)[:1] not in "يت":
        return None
    vpos = text.rfind(verb, sent, int(r["start"]))
    if vpos < 0:
        return None
    ws = _words(text, sent, vpos)
    if not ws or len(ws) > 4:
        return None
    s0, e0 = ws[0].start, ws[-1].end
    actors = [m for m in ments if s0 <= m.start and m.end <= e0 and m.actor_id]
    covers = actors and actors[0].start == s0 and actors[-1].end == e0
    if not (covers or any(i == 0 for i, _ in _find(lex.titles, ws))):
        return None
    persons = [m for m in actors if m.actor_type == "person"]
    return _Subject(vpos, s0, e0, persons[0].actor_id if persons else (actors[0].actor_id if actors else None))


def _reattribute(text: str, r: dict, before: list[dict], ments: list[_Mention], lex: SpeakerLexicon, spans) -> None:
    """Fix an inherited or missing speaker from the quote's own sentence and paragraph.

    * an explicit subject of a speech verb in the quote's sentence, before the quote
      ("وقالت الممثلة العليا … كايا كالاس إن") beats a speaker inherited from earlier
      sentences (rule ``verb_subject``);
    * a continuation cue (وأضاف، وتابع، وقال with no subject, an adverb such as ردا taken
      for the subject) takes the last speaker of the paragraph: the latest explicit subject
      or attributed quote before it (rule ``continuation``).
    """
    rule = r.get("rule")
    if rule == "verb_subject" and not _adverb_speaker(r):
        head = _headline_subject(text, r, _sentence_start(text, int(r["start"]) - 1, spans), ments, lex)
        if head is not None:
            _set_speaker(r, head, text, "subject_verb")
        return
    inherited = rule in CHAIN_RULES or _adverb_speaker(r)
    if not (inherited or rule in (None, "implicit_same_sentence", "implicit_sentence_person", "according_to")):
        return
    q = int(r["start"])
    mark = q - 1
    sent = _sentence_start(text, mark, spans)
    own = _subjects(text, sent, mark, ments, lex, spans)
    ss = r.get("speaker_start")
    if rule in ("implicit_same_sentence", "implicit_sentence_person") and ss is not None and not pd.isna(ss) \
            and int(ss) >= sent:
        return  # the system's pronoun resolution stays inside the sentence: keep it
    if own:
        _set_speaker(r, own[-1], text, "verb_subject")
        return
    if rule is not None and not inherited:
        return  # a pronoun resolved in the sentence, or وفقا with no speech verb: keep it
    head = _colon_speaker(text, sent, mark, ments, lex, spans) if rule is None else None
    if head is not None:
        _set_speaker(r, head, text, "colon_intro")
        return
    if rule is None:
        # "ويضيف: «…»" — a speech verb with no subject in the quote's sentence
        inherited = any(_is_verb(w) and not _inside(w.start, spans) for w in _words(text, sent, mark))
    if not inherited:
        return
    para = _paragraph_start(text, mark)
    cands = [(x.pos, x) for x in _subjects(text, para, sent, ments, lex, spans)]
    for p in before:
        ps = p.get("speaker_start")
        if (p.get("kind") == "speech" and ps is not None and not pd.isna(ps) and int(ps) >= para
                and p.get("speaker_text") and not _adverb_speaker(p)):
            cands.append((int(p["start"]), p))
    if not cands:
        if _adverb_speaker(r):
            for c in ("speaker_text", "speaker_actor_id", "speaker_start", "speaker_end", "speaker_via"):
                r[c] = None
            r["rule"] = None
        return
    _, last = max(cands, key=lambda c: c[0])
    if isinstance(last, _Subject):
        _set_speaker(r, last, text, "continuation")
    else:
        for c in _SPEAKER_FIELDS:
            r[c] = last.get(c)
        r["rule"] = "continuation"


def add_speaker_columns(quotes: pd.DataFrame, texts: dict, mentions: pd.DataFrame | None = None,
                        lexicon: SpeakerLexicon | None = None) -> pd.DataFrame:
    """``quotes`` (from :func:`arnews.quotes.find_quotes`) with ``kind``, ``speaker_type``
    and ``speaker_country``; terms and titles lose their speaker, continuation quotes get
    their chain in ``speaker_via``. ``texts``: article_id → ``clean_text``. The input is
    not modified. See the module docstring for an example."""
    lex = lexicon or load_speaker_lexicon()
    out = quotes.copy()
    for c in SPEAKER_COLUMNS:
        out[c] = pd.Series([None] * len(out), index=out.index, dtype=object)
    if not len(out):
        return out
    by_art = _mentions_by_article(mentions)
    records = out.to_dict("records")
    order = sorted(range(len(records)), key=lambda i: (str(records[i]["article_id"]), int(records[i]["start"])))
    groups: dict[object, list[int]] = {}
    for i in order:
        groups.setdefault(records[i]["article_id"], []).append(i)
    for aid, idx in groups.items():
        text = texts.get(aid) or ""
        ments = by_art.get(aid, [])
        rows = [records[i] for i in idx]
        dateline = dateline_country(text, ments)
        spans = tuple((int(x["start"]) - 1, int(x["end"]) + 1) for x in rows)
        earlier: list[tuple[str, str]] = []
        for k, r in enumerate(rows):
            _reattribute(text, r, rows[:k], ments, lex, spans)
            r["kind"] = quote_kind(text, int(r["start"]), int(r["end"]), r.get("rule"), lex, spans)
            attributed = any(isinstance(r.get(c), str) and r.get(c) for c in ("speaker_text", "speaker_actor_id", "speaker_group"))
            if r["kind"] != "speech":
                for c in _SPEAKER_FIELDS:
                    r[c] = None
                r["rule"] = None
                continue
            if not attributed:
                continue
            info = resolve_speaker(text, r, ments, earlier, dateline, lex)
            r["speaker_country"], r["speaker_type"] = info.country, info.type
            ss = r.get("speaker_start")
            if info.country and info.type in ("state", "organisation") and ss is not None and not pd.isna(ss):
                head = _head(_words(text, int(ss), int(r["speaker_end"])), lex)
                if head:
                    earlier.append((head, info.country))
            if r.get("rule") in CHAIN_RULES:
                r["speaker_via"] = _chain(rows, k)
    res = pd.DataFrame(records, index=out.index)[list(out.columns)]
    for c in res.columns:
        if out[c].dtype == object:
            col = res[c].astype(object)
            res[c] = col.where(col.notna(), None)
    for c in ("speaker_start", "speaker_end"):
        if c in res:
            res[c] = res[c].astype("Int32")
    return res


# ---------------------------------------------------------------------------
# For the stance notebook: who says what
# ---------------------------------------------------------------------------

def quotes_by_speaker_state(quotes: pd.DataFrame) -> pd.DataFrame:
    """Speech quotes counted by the state (or bloc/body) their speaker speaks for, with
    non-state speakers apart.

    One row per ``(speaker_group, speaker_country, speaker_type)`` with ``n_quotes``,
    ``n_articles`` and ``speakers`` (the distinct speaker phrases, ``; ``-joined, most
    frequent first). ``speaker_group`` is ``state`` (states and their officials),
    ``organisation`` (UN, EU, NATO, IMF …), ``non-state`` (analysts, NGOs, media,
    companies, others; ``speaker_country`` is the country the article gives them, ``""``
    when none) or ``unknown`` (a speech quote with no speaker). Terms and titles are left
    out. Sorted by group, then by ``n_quotes`` descending.

    >>> q = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "kind": ["speech", "speech", "speech", "term"],
    ...                   "speaker_country": ["CHN", "CHN", "SGP", None], "speaker_type": ["state", "state", "analyst", None],
    ...                   "speaker_text": ["المتحدثة", "بكين", "الباحث", None]})
    >>> quotes_by_speaker_state(q)[["speaker_group", "speaker_country", "n_quotes", "n_articles"]].values.tolist()
    [['state', 'CHN', 2, 1], ['non-state', 'SGP', 1, 1]]
    """
    missing = [c for c in ("article_id", "kind", "speaker_country", "speaker_type", "speaker_text") if c not in quotes]
    if missing:
        raise ValueError(f"quotes_by_speaker_state: the quotes table lacks column(s) {missing} "
                         "(annotate with a version of arnews that has arnews.speakers)")
    cols = ["speaker_group", "speaker_country", "speaker_type", "n_quotes", "n_articles", "speakers"]
    q = quotes[quotes["kind"] == "speech"]
    if not len(q):
        return pd.DataFrame(columns=cols)
    stype = q["speaker_type"].fillna("")
    group = stype.map(lambda t: t if t in ("state", "organisation") else ("unknown" if not t else "non-state"))
    q = q.assign(speaker_group=group, speaker_country=q["speaker_country"].fillna(""), speaker_type=stype,
                 speaker_text=q["speaker_text"].fillna(""))
    out = (q.groupby(["speaker_group", "speaker_country", "speaker_type"], sort=False)
           .agg(n_quotes=("article_id", "size"), n_articles=("article_id", "nunique"),
                speakers=("speaker_text", lambda s: "; ".join(s[s != ""].value_counts().index)))
           .reset_index())
    rank = {"state": 0, "organisation": 1, "non-state": 2, "unknown": 3}
    out = out.assign(_r=out["speaker_group"].map(rank)).sort_values(["_r", "n_quotes"], ascending=[True, False], kind="stable")
    return out.drop(columns="_r").reset_index(drop=True)[cols]
