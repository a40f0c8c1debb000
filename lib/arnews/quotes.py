"""Quotations and who said them.

Two steps, both on the article's ``clean_text`` with character offsets:

1. **Quoted spans** (:func:`find_quoted_spans`) are found at *article* level, not per
   sentence, because a quotation may run over several sentences ("… الآخرين. . “" closes a
   two-sentence quote). A quote's ``sentence_id`` is the sentence holding its first
   character. ``“…”``, ``"…"`` and ``«…»`` are recognised, and the machine-translation
   habits seen in scraped Arabic news are tolerated:

   * a quote opened with “ and *closed* with “ (a mark with text on its left and space or
     punctuation on its right closes the open quote, whatever its shape);
   * a quote that is never closed ends at the first of: the next mark that clearly opens a
     new quote (space on its left, a word on its right), the end of its sentence, the end
     of its paragraph. Such quotes have ``balanced=False``; if a speech verb sits in the
     last few words of the unclosed stretch (“… و وقال بيان الكرملين ان “…”) the quote
     stops before it, so the attribution stays outside the quote;
   * marks of another family inside a quote («…» inside “…”) are nested and kept as
     content; a stray closing mark with nothing open is ignored.

   ``clean_text[start:end] == quote`` (the marks themselves are outside the span).

2. **Speakers** (:func:`find_quotes`) come from speech cues in the researcher-editable
   lexicon ``data/lexicons/speech_verbs.csv`` (see :func:`load_speech_verbs`) and from the
   actor mentions of :mod:`arnews.actors`. Each quote records the ``rule`` that attributed
   it, tried in this order:

   ``verb_subject``        قال بوتين: "…" / وقال شي إن "…" — the noun phrase after the
                           verb; when it is headed by a role noun (المتحدث باسم الكرملين
                           ديمتري بيسكوف, مساعد بوتن يوري أوشاكوف) the last named person in
                           the apposition is the speaker.
   ``subject_verb``        بوتين قال إن "…" — an actor mention right before the verb.
   ``passive``             وجاء في بيان وزارة الخارجية أن "…".
   ``naql``                نقلت وكالات عن المتحدث … قوله: "…" — the speaker follows عن.
   ``quote_then_verb``     "…"، قال شي — a speech verb within a few words after the quote.
   ``implicit_*``          وقال إن "…" (pronoun subject) — heuristic: the nearest earlier
                           speaker in the same sentence (``implicit_same_sentence``), else
                           the first person named earlier in the sentence
                           (``implicit_sentence_person``), else the most recent speaker of the
                           previous three sentences (``implicit_previous_speaker``), else the
                           first person named in the previous sentence
                           (``implicit_previous_subject``). Participles (مضيفا أن، مشيرا إلى
                           أن) are treated the same way.
   ``according_to``        "…"، وفقا لـ X / حسب X / بحسب X (before or after the quote). A
                           speech verb in the sentence wins over وفقا: "according to" usually
                           names the channel (a ministry read-out, a translation), not the
                           speaker.
   ``colon_intro``         X …: "…" with no speech verb — the first actor of the clause.
   ``continuation``        a quote standing alone as the next sentence after a quote inherits
                           that quote's speaker.

   How the speaker's actor was found is in ``speaker_via``:

   ``name`` / ``role``      a gazetteer name, or a role title resolved by the article's
                           date (``الرئيس الروسي`` → PUTIN, see :func:`arnews.actors.find_mentions`;
                           the country mention inside the title is then ignored).
   ``group``               *heuristic*: a group subject (الزعيمان، الرجلان → persons;
                           البلدان، الدولتان، الجانبان → countries; ``group_*`` rows of the
                           lexicon) is the article's two most mentioned persons / countries,
                           when the second is mentioned strictly more often than the third.
                           ``speaker_actor_id`` stays empty (it always holds one gazetteer id)
                           and ``speaker_group`` holds the pair, ``PUTIN|XI`` (sorted).
   ``anaphora``            *heuristic*: a definite phrase headed by a ``speaker_head`` noun
                           with no actor (وزارة الخارجية، بيان وزارة الخارجية، الرئيس) takes
                           the actor of its most recent fuller mention earlier in the
                           article (وزارة الخارجية الصينية → CHN, الرئيس الروسي فلاديمير بوتين
                           → PUTIN).

   A speech verb right after a complementizer (إنه دعا شي …) inside another speaker's
   clause is ignored. Verbs inside quotes are never cues. Quotes with no cue (scare
   quotes, terms: "عمل عسكري خاص") keep ``speaker_text``/``speaker_actor_id`` empty.

Example
-------
>>> [(s.start, s.end, s.balanced) for s in find_quoted_spans('قال: “نعم” ثم «لا')]
[(6, 9, True), (15, 17, False)]
"""
from __future__ import annotations

import csv
import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import regex as re

from .resources import data_path
from .stages import Stage
from .text import normalize, split_sentences

__all__ = [
    "QUOTE_COLUMNS",
    "QuotedSpan",
    "SpeechLexicon",
    "find_quoted_spans",
    "load_speech_verbs",
    "find_quotes",
    "annotate_stage",
    "load_gold",
    "evaluate",
    "evaluation_report",
]

QUOTE_COLUMNS = [
    "article_id",
    "sentence_id",
    "start",
    "end",
    "quote",
    "speaker_text",
    "speaker_actor_id",
    "verb",
    "rule",
    "balanced",
    "open_mark",
    "close_mark",
    "speaker_start",
    "speaker_end",
    "speaker_group",
    "speaker_via",
]

# ---------------------------------------------------------------------------
# 1. Quoted spans
# ---------------------------------------------------------------------------

_MARK_RE = re.compile(r"[“”«»„\"]")
_FAMILY = {"“": "curly", "”": "curly", "„": "curly", "«": "guil", "»": "guil", '"': "straight"}
_CLOSE_ONLY = {"”", "»"}
_NESTED_CLOSER = {"curly": "”", "guil": "»"}
# Characters that count as "space" on the right of a closing mark.
_RIGHT_BREAK = set(".,،:;؛!?؟)]}-–—…'")
_LEFT_BREAK = set("([{")
_CONTENT_RE = re.compile(r"[\p{L}\p{N}]")
_TRAIL_STRIP_RE = re.compile(r"(?:[\s،,؛;:\-–—]|(?<=\s)[وف](?=\s*$))+$")


class QuotedSpan(NamedTuple):
    """A quotation's content ``text[start:end]`` and the marks around it."""

    start: int
    end: int
    open_mark: str
    close_mark: str  # "" when the quote was never closed
    balanced: bool


def _is_space(ch: str) -> bool:
    return ch.isspace()


def find_quoted_spans(text: str, sentence_ends: list[int] | None = None) -> list[QuotedSpan]:
    """Find quoted spans in a whole article's text, tolerating unbalanced marks.

    ``sentence_ends`` (sorted end offsets of sentences) bounds unclosed quotes; by default
    it comes from :func:`arnews.text.split_sentences`. See the module docstring for the
    rules.

    >>> t = 'وقال: “نعم” و"لا" ثم «كلا»'
    >>> [t[s.start:s.end] for s in find_quoted_spans(t)]
    ['نعم', 'لا', 'كلا']
    >>> t = 'قال إن “الجملة الأولى. والثانية. “ ثم'       # MT: closed with “
    >>> [t[s.start:s.end] for s in find_quoted_spans(t)]
    ['الجملة الأولى. والثانية.']
    >>> t = 'قال “بلا نهاية. جملة أخرى.'                   # never closed
    >>> [(t[s.start:s.end], s.balanced) for s in find_quoted_spans(t)]
    [('بلا نهاية.', False)]
    """
    if sentence_ends is None:
        sentence_ends = [s.end for s in split_sentences(text)]
    n = len(text)
    raw: list[tuple[int, int, str, str, bool]] = []  # (open_idx, limit, open, close, balanced)
    cur: tuple[int, str] | None = None  # (index of opening mark, mark)
    nested: str | None = None

    ends_of_lines: dict[int, int] = {}

    def line_end(i: int) -> int:  # asked again for every mark while a quote is open: remembered
        le = ends_of_lines.get(i)
        if le is None:
            j = text.find("\n", i)
            le = ends_of_lines[i] = n if j < 0 else j
        return le

    for m in _MARK_RE.finditer(text):
        i = m.start()
        ch = m.group()
        if cur is not None:
            le = line_end(cur[0])
            if le < i:  # the paragraph ended with the quote still open
                raw.append((cur[0], le, cur[1], "", False))
                cur, nested = None, None
        left_space = i == 0 or _is_space(text[i - 1]) or text[i - 1] in _LEFT_BREAK
        right_space = i + 1 >= n or _is_space(text[i + 1]) or text[i + 1] in _RIGHT_BREAK
        looks_open = left_space and not right_space
        fam = _FAMILY[ch]
        if cur is None:
            if ch in _CLOSE_ONLY and not looks_open:
                continue  # stray closing mark
            if right_space:
                continue  # isolated mark with nothing to quote
            cur = (i, ch)
            continue
        cur_fam = _FAMILY[cur[1]]
        if nested is not None:
            if ch == _NESTED_CLOSER[nested]:
                nested = None
            continue
        if fam != cur_fam and "straight" not in (fam, cur_fam) and ch in "«“„" and looks_open:
            nested = fam  # «…» inside “…” (or the reverse): part of the content
            continue
        if looks_open and ch not in _CLOSE_ONLY:
            # A new quote opens while one is still open: the first was never closed.
            raw.append((cur[0], i, cur[1], "", False))
            cur = (i, ch)
            continue
        raw.append((cur[0], i, cur[1], ch, True))
        cur, nested = None, None
    if cur is not None:
        raw.append((cur[0], line_end(cur[0]), cur[1], "", False))

    ends = np.asarray(sentence_ends, dtype=np.int64)
    out: list[QuotedSpan] = []
    for o, limit, om, cm, bal in raw:
        s, e = o + 1, limit
        if not bal:
            k = int(np.searchsorted(ends, s, side="right"))
            if k < len(ends):
                e = min(e, int(ends[k]))
        seg = text[s:e]
        s += len(seg) - len(seg.lstrip())
        seg = text[s:e]
        if bal:
            e = s + len(seg.rstrip())
        else:
            e = s + len(_TRAIL_STRIP_RE.sub("", seg))
        if e > s and _CONTENT_RE.search(text, s, e):
            out.append(QuotedSpan(s, e, om, cm, bal))
    return out


# ---------------------------------------------------------------------------
# 2. Speech-cue lexicon
# ---------------------------------------------------------------------------

ROLES = ("verb", "verb_pronoun", "participle", "passive", "according", "naql", "speaker_head",
         "group_persons", "group_countries")


@dataclass(frozen=True)
class SpeechLexicon:
    """Normalized speech cues: ``entries[first_word]`` -> list of (words, lemma, role),
    longest first; ``heads``: nouns that head a speaker phrase (المتحدث، بيان، وزارة);
    ``groups``: group nouns (الزعيمان -> ``persons``, الدولتان -> ``countries``)."""

    entries: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]
    heads: frozenset[str] = frozenset()
    groups: tuple[tuple[str, str], ...] = ()

    @property
    def group_kind(self) -> dict[str, str]:
        return dict(self.groups)

    def match(self, norms: list[str], i: int) -> tuple[int, str, str, str] | None:
        """Match a cue starting at token ``i`` (proclitic و/ف allowed on the first word).

        Returns ``(n_tokens, lemma, role, form)`` or None.

        >>> lex = load_speech_verbs()
        >>> lex.match(["وقال", "بوتين"], 0)[:3]
        (1, 'قال', 'verb')
        >>> lex.match(["وجاء", "في", "بيان"], 0)[:3]
        (2, 'جاء في', 'passive')
        """
        w = norms[i]
        cands = [w]
        if len(w) > 2 and w[0] in "وف":
            cands.append(w[1:])
            if len(w) > 3 and w[1] in "وف":  # فوقال is rare, ووفقا is not
                cands.append(w[2:])
        for c in cands:
            for words, lemma, role in self.entries.get(c, ()):
                k = len(words)
                if tuple(norms[i + 1 : i + k]) == words[1:]:
                    return k, lemma, role, " ".join((c,) + words[1:])
        return None


def load_speech_verbs(path: str | Path | None = None) -> SpeechLexicon:
    """Read the speech-cue lexicon (default ``data/lexicons/speech_verbs.csv``).

    Columns: ``lemma, role, forms, gloss``. ``forms`` lists inflected forms separated by
    spaces, or multi-word forms separated by ``|`` ("جاء في|ورد في"). Forms are written as
    in text (hamza, tanween are fine): they are normalized like tokens. The proclitics و/ف
    are handled by the matcher, so "وقال" needs no row. ``role`` is one of

    * ``verb``: singular forms; the subject follows (قال بوتين) or precedes (بوتين قال);
    * ``verb_pronoun``: dual/plural forms (قالا، أكدوا). In Standard Arabic a verb before an
      explicit subject stays singular, so what follows these is an object; the subject
      stands before the verb or is a pronoun resolved from context;
    * ``participle``: مضيفا أن، مشيرا إلى أن — the subject of the clause;
    * ``passive``: جاء في X أن; ``according``: وفقا لـ X; ``naql``: نقلت … عن X قوله;
    * ``speaker_head``: not a cue but a noun that heads a speaker phrase: role nouns
      (المتحدث باسم الكرملين ديمتري بيسكوف → the named person) and source nouns
      (بيان الكرملين، وزارة الخارجية الصينية → the actor named in it);
    * ``group_persons`` / ``group_countries``: not cues but group subjects (الزعيمان،
      الرجلان / البلدان، الدولتان، الجانبان) resolved to the article's main pair of
      persons / countries (see :func:`find_quotes`).

    >>> lex = load_speech_verbs()
    >>> lex.match(["مضيفا", "ان"], 0)[2]
    'participle'
    """
    p = Path(path) if path else data_path("lexicons/speech_verbs.csv")
    return _load_speech_verbs(str(p), p.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _load_speech_verbs(path: str, _mtime: int) -> SpeechLexicon:
    entries: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    heads: set[str] = set()
    groups: dict[str, str] = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = {"lemma", "role", "forms"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: missing column(s) {sorted(missing)}; expected lemma, role, forms, gloss")
        for line, row in enumerate(reader, start=2):
            role = (row.get("role") or "").strip()
            if role not in ROLES:
                raise ValueError(f"{path}, row {line}: role {role!r} is not one of {', '.join(ROLES)}")
            forms_field = (row.get("forms") or "").strip()
            if not forms_field:
                raise ValueError(f"{path}, row {line}: empty 'forms'")
            forms = forms_field.split("|") if "|" in forms_field else forms_field.split()
            lemma = (row.get("lemma") or "").strip()
            for form in forms:
                words = tuple(normalize(w) for w in form.split())
                if not words:
                    continue
                if role == "speaker_head":
                    heads.update(words)
                    continue
                if role.startswith("group_"):
                    groups.update((w, role[len("group_"):]) for w in words)
                    continue
                entries.setdefault(words[0], []).append((words, lemma, role))
    frozen = {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in entries.items()}
    return SpeechLexicon(frozen, frozenset(heads), tuple(sorted(groups.items())))


# ---------------------------------------------------------------------------
# 3. Speakers
# ---------------------------------------------------------------------------

# Normalized words that end the speaker's noun phrase after a verb.
_COMPLEMENTIZERS = frozenset(
    "ان انه انها انهم انهما انني اننا بان بانه بانها بانهم بانهما وان وانه فان لان".split()
)
_NP_HARD_STOP = _COMPLEMENTIZERS | {"علي", "الي", ":", ".", "؟", "?", "!", "؛", ";"}
# Transparent words skipped at the start of a speaker phrase ("وصف فيها شي", "السيد شي").
_NP_SKIP = frozenset("فيها فيه فيهم ايضا مجددا كذلك بدوره بدورها سابقا لاحقا السيد السيدة".split())
# A phrase starting with one of these is an adverbial, not the subject ("واعترف بعد ذلك").
_NOT_SUBJECT_START = frozenset(
    "ب ل في من عن الي علي مع خلال يوم امس اليوم عقب بعد قبل حول منذ امام لدي عند ثم حتي".split()
)
_PRONOUN_SUFFIX_RE = re.compile(r"(?:هما|هم|ها|كم|نا)$|..ه$")
_NISBA_RE = re.compile(r"^ال\w+(?:ي|ية|يون|يين|يان|يتان)$")
_NP_MAX_WORDS = 10
_RIGHT_WINDOW = 4  # words allowed between a quote's end and a following speech verb
_PREV_SENTENCES = 3


@dataclass
class _Event:
    tok: int  # first token of the cue
    sent: int
    role: str
    lemma: str
    form: str
    actor: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    rule: str | None = None

    @property
    def resolved(self) -> bool:
        return self.actor is not None or self.text is not None


class _Toks(NamedTuple):
    """Token columns of one article, in text order."""

    start: np.ndarray
    end: np.ndarray
    norm: list
    surface: list
    sent: np.ndarray
    is_word: np.ndarray


def _by_article(df: pd.DataFrame, order_col: str) -> tuple[pd.DataFrame, dict[object, tuple[int, int]]]:
    """``df`` with each article's rows contiguous and ordered by ``order_col``, and
    article_id -> (first row, last row + 1). One pass over the whole table."""
    aid = df["article_id"].to_numpy(object)
    pos = df[order_col].to_numpy(np.int64)
    n = len(df)
    if n > 1:
        codes, _ = pd.factorize(aid)
        if not ((np.diff(codes) >= 0) & ((np.diff(codes) > 0) | (np.diff(pos) >= 0))).all():
            df = df.iloc[np.lexsort((pos, codes))]
            aid = df["article_id"].to_numpy(object)
    bounds: dict[object, tuple[int, int]] = {}
    if n:
        cut = np.flatnonzero(aid[1:] != aid[:-1]) + 1
        los = np.concatenate(([0], cut)).tolist()
        his = np.concatenate((cut, [n])).tolist()
        for lo, hi in zip(los, his):
            bounds.setdefault(aid[lo], (lo, hi))
    return df, bounds


def _token_slices(tokens: pd.DataFrame) -> dict[object, _Toks]:
    t, bounds = _by_article(tokens, "start")
    start = t["start"].to_numpy(np.int64)
    end = t["end"].to_numpy(np.int64)
    norm = ["" if x is None or x != x else str(x) for x in t["norm"].tolist()]
    surface = [str(x) for x in t["surface"].tolist()]
    sent = t["sentence_id"].to_numpy(np.int64)
    if "is_word" in t:
        is_word = t["is_word"].to_numpy(bool)
    else:
        is_word = np.array([bool(_CONTENT_RE.search(x)) for x in surface], bool)
    return {a: _Toks(start[lo:hi], end[lo:hi], norm[lo:hi], surface[lo:hi], sent[lo:hi], is_word[lo:hi])
            for a, (lo, hi) in bounds.items()}


def _mention_rows(mentions: pd.DataFrame | None) -> dict[object, list[tuple]]:
    """article_id -> ``(start, end, actor_id, actor_type, via, country)`` rows."""
    if mentions is None or not len(mentions):
        return {}
    n = len(mentions)
    cols = [mentions[c].tolist() if c in mentions else [d] * n
            for c, d in (("article_id", None), ("start", 0), ("end", 0), ("actor_id", None),
                         ("actor_type", ""), ("via", "name"), ("country", ""))]
    out: dict[object, list[tuple]] = {}
    for r in zip(*cols):
        out.setdefault(r[0], []).append(r[1:])
    return out


class _Article:
    """Token arrays of one article plus mention lookups."""

    def __init__(self, text: str, toks: "_Toks | pd.DataFrame", ments: "list[tuple] | pd.DataFrame | None",
                 heads: frozenset[str] = frozenset()):
        self.text = text
        self.heads = heads
        if isinstance(toks, pd.DataFrame):
            toks = _token_slices(toks.assign(article_id=0)).get(0) if len(toks) else _Toks(
                np.zeros(0, np.int64), np.zeros(0, np.int64), [], [], np.zeros(0, np.int64), np.zeros(0, bool))
        if isinstance(ments, pd.DataFrame):
            ments = _mention_rows(ments.assign(article_id=0)).get(0)
        self.start, self.end, self.norm, self.surface, self.sent, self.is_word = toks
        n = len(self.start)
        self.quoted = np.zeros(n, bool)
        # mentions: token of first word -> mention index; token -> covering mention
        self.m_first: dict[int, int] = {}
        self.m_cover = np.full(n, -1, np.int64)
        self.m_actor: list[str | None] = []
        self.m_type: list[str] = []
        self.m_tokens: list[tuple[int, int]] = []
        self.m_span: list[tuple[int, int]] = []
        self.m_via: list[str] = []
        self.m_country: list[str] = []
        if ments and n:
            rows = _outer_mentions(ments)
            for k, (ms, me, aid, atype, via, country) in enumerate(rows):
                ms, me = int(ms), int(me)
                t0 = min(int(np.searchsorted(self.end, ms, side="right")), n - 1)
                t1 = max(min(int(np.searchsorted(self.start, me, side="left")) - 1, n - 1), t0)
                self.m_actor.append(None if pd.isna(aid) else str(aid))
                self.m_type.append("" if pd.isna(atype) else str(atype))
                self.m_via.append(via if isinstance(via, str) else "name")
                self.m_country.append(country if isinstance(country, str) else "")
                self.m_tokens.append((t0, t1))
                self.m_span.append((ms, me))
                self.m_first.setdefault(t0, k)
                self.m_cover[t0 : t1 + 1] = k
        # sentence id -> (first token, last token + 1)
        self._sent_bounds: dict[int, tuple[int, int]] = {}
        if n:
            change = np.flatnonzero(np.diff(self.sent)) + 1
            starts = np.concatenate(([0], change))
            ends = np.concatenate((change, [n]))
            for b, e in zip(starts.tolist(), ends.tolist()):
                self._sent_bounds.setdefault(int(self.sent[b]), (b, e))

    def set_spans(self, spans: list[QuotedSpan]) -> None:
        """Mark the tokens inside quotes (their marks included)."""
        self.quoted[:] = False
        for sp in spans:
            lo = int(np.searchsorted(self.start, sp.start - 1, side="left"))
            hi = int(np.searchsorted(self.end, sp.end + 1, side="right"))
            self.quoted[lo:hi] = True

    def __len__(self) -> int:
        return len(self.start)

    def mention_starts(self) -> list[int]:
        """Start offsets of the mentions (in text order)."""
        if getattr(self, "_m_starts", None) is None:
            self._m_starts = [ms for ms, _ in self.m_span]
        return self._m_starts

    def sentence_tokens(self, sent: int) -> tuple[int, int]:
        return self._sent_bounds.get(int(sent), (0, 0))

    def is_person(self, k: int) -> bool:
        return self.m_type[k] == "person"

    def mention_speaker(self, k: int, phrase_start: int | None = None) -> tuple:
        """``(actor, text, start, end)`` for mention ``k`` (phrase from ``phrase_start``)."""
        ms, me = self.m_span[k]
        s = ms if phrase_start is None else min(phrase_start, ms)
        return self.m_actor[k], self.text[s:me], s, me


def _outer_mentions(rows: list[tuple]) -> list[tuple]:
    """``(start, end, actor_id, actor_type, via, country)`` mention rows in text order,
    without the name mentions inside a role-title mention (``via == "role"``, see
    :func:`arnews.actors.find_mentions`): for speakers the title names the person
    ("الرئيس الروسي" → PUTIN), not the country in its adjective."""
    roles = sorted((r[0], r[1]) for r in rows if r[4] == "role")
    if roles:
        starts = [s for s, _ in roles]
        reach = list(itertools.accumulate((e for _, e in roles), max))  # furthest role end so far

        def inside_role(r: tuple) -> bool:  # some role span s..e with s <= start and end <= e
            j = bisect_right(starts, r[0]) - 1
            return j >= 0 and reach[j] >= r[1]

        rows = [r for r in rows if r[4] == "role" or not inside_role(r)]
    return sorted(rows, key=lambda r: r[0])


def _strip_clitic_l(surface: str) -> str:
    """'لوزارة' -> 'وزارة', 'للكرملين' -> 'الكرملين', 'لبيسكوف' -> 'بيسكوف'."""
    if surface.startswith("لل") and len(surface) > 3:
        return "ال" + surface[2:]
    if surface.startswith("ل") and len(surface) > 2:
        return surface[1:]
    return surface


def _head_word(w: str, heads: frozenset[str]) -> str:
    return w[1:] if w[:1] in "وف" and w[1:] in heads else w


def _noun_phrase(
    a: _Article, i: int, limit: int, heads: frozenset[str], *, according: bool = False
) -> tuple[str | None, str | None, int | None, int | None]:
    """The speaker named by the noun phrase starting at token ``i`` (up to ``limit``).

    Returns ``(actor_id, text, start, end)``, all None when the phrase is not a subject
    (empty, adverbial, or an object such as "وأكد معارضة روسيا").

    * the phrase starts with an actor → that actor ("بوتين في كلمته", "جي في بيان");
    * it is headed by a role or source noun (``speaker_head`` rows of the lexicon) → the
      last person named in it, else its first actor ("المتحدث باسم الكرملين ديمتري
      بيسكوف" → PESKOV, "بيان الكرملين" → KREMLIN);
    * no actor → the head noun with its genitive and nisba adjectives ("الخبراء",
      "بعض الخبراء", "التصريحات العلنية") as ``text``; a head carrying a possessive
      pronoun ("التزامهما") is an object, not a subject.
    With ``according=True`` (وفقا لـ X) a leading ل is dropped from the text.
    """
    n = len(a)
    toks: list[int] = []
    j, words = i, 0
    while j < min(limit, n) and words < _NP_MAX_WORDS:
        w = a.norm[j]
        if a.quoted[j] or (w in _NP_HARD_STOP and a.m_cover[j] < 0):
            break
        if not a.is_word[j] and w not in "،,()":
            break
        if according and not toks and w in ("ل", "لـ"):
            j += 1
            continue
        toks.append(j)
        words += int(a.is_word[j])
        j += 1
    while toks and (not a.is_word[toks[0]] or (a.norm[toks[0]] in _NP_SKIP and a.m_cover[toks[0]] < 0)):
        toks.pop(0)
    while toks and not a.is_word[toks[-1]]:
        toks.pop()
    if not toks:
        return None, None, None, None
    first = toks[0]
    phrase_start = int(a.start[first])
    mentions = [a.m_first[t] for t in toks if t in a.m_first]
    if a.m_cover[first] >= 0:  # starts with an actor
        k = int(a.m_cover[first])
        return _with_text(a.mention_speaker(k), according)
    head = _head_word(a.norm[first], a.heads)
    if according and head.startswith("ل"):
        head = "ال" + head[2:] if head.startswith("لل") else head[1:]
    if head in a.heads:
        if mentions:
            persons = [k for k in mentions if a.is_person(k)]
            k = persons[-1] if persons else mentions[0]
            return _with_text(a.mention_speaker(k, phrase_start), according)
    elif head in _NOT_SUBJECT_START or (mentions and not according):
        return None, None, None, None  # adverbial start, or an object ("معارضة روسيا")
    elif mentions:
        return _with_text(a.mention_speaker(mentions[0], phrase_start), according)
    if _PRONOUN_SUFFIX_RE.search(head) and head not in a.heads and not according:
        return None, None, None, None
    # no actor: head + its genitive chain (after an indefinite head: "بيان وزارة الخارجية",
    # "بعض الخبراء") + nisba adjectives ("التصريحات العلنية")
    kept = [first]
    need_genitive = not head.startswith("ال")
    for t in toks[1:]:
        w = a.norm[t]
        if not a.is_word[t]:
            break
        if need_genitive and len(kept) < 4:
            kept.append(t)
            need_genitive = not w.startswith("ال")
        elif _NISBA_RE.match(w):
            kept.append(t)
        else:
            break
    s, e = int(a.start[kept[0]]), int(a.end[kept[-1]])
    return _with_text((None, a.text[s:e], s, e), according)


def _with_text(sp: tuple, according: bool) -> tuple:
    """After وفقا/حسب drop the preposition ل from the phrase: offsets move past it and the
    text restores the article (لل → ال: "للكرملين" → "الكرملين")."""
    actor, txt, s, e = sp
    if according and txt and txt[0] == "ل" and len(txt.split(" ", 1)[0]) > 2:
        fw = txt.split(" ", 1)[0]
        txt = _strip_clitic_l(fw) + txt[len(fw) :]
        s += 1
    return actor, txt, s, e


def _prev_word(a: _Article, i: int) -> int | None:
    j = i - 1
    while j >= 0 and not a.is_word[j]:
        j -= 1
    return j if j >= 0 else None


def _subject_before(a: _Article, i: int, s0: int) -> tuple | None:
    """An actor mention right before the verb at ``i`` ("بوتين قال", "بوتن وشي يتعهدان"):
    the start of a coordinated subject is taken. Mentions carrying a preposition (لبوتين)
    are not subjects."""
    p = _prev_word(a, i)
    if p is None or p < s0 or a.m_cover[p] < 0 or not a.is_word[p] or p != i - 1:
        return None
    k = int(a.m_cover[p])
    if set(a.text[int(a.start[a.m_tokens[k][0]]) : a.m_span[k][0]]) & set("لبك"):
        return None
    first = k
    q = _prev_word(a, a.m_tokens[k][0])
    while q is not None and q >= s0 and a.m_cover[q] >= 0:
        first = int(a.m_cover[q])
        q = _prev_word(a, a.m_tokens[first][0])
    ms = a.m_span[first][0]
    me = a.m_span[k][1]
    return a.m_actor[first], a.text[ms:me], ms, me


def _events(a: _Article, lex: SpeechLexicon) -> list[_Event]:
    """All speech cues outside quotes, with their explicit speaker where there is one."""
    out: list[_Event] = []
    keys = lex.entries
    # Only tokens whose form (or form without و/ف) can start a cue are looked at.
    cands = [
        i for i, w in enumerate(a.norm)
        if w in keys or (len(w) > 2 and w[0] in "وف" and (w[1:] in keys or (len(w) > 3 and w[1] in "وف" and w[2:] in keys)))
    ]
    pos = 0
    sents_with_events: set[int] = set()
    for i in cands:
        if i < pos or a.quoted[i] or not a.is_word[i] or a.m_cover[i] >= 0:
            continue
        hit = lex.match(a.norm, i)
        if hit is None:
            continue
        k, lemma, role, form = hit
        sent = int(a.sent[i])
        s0, s1 = a.sentence_tokens(sent)
        ev = _Event(i, sent, role, lemma, a.text[int(a.start[i]) : int(a.end[i + k - 1])])
        nxt = i + k
        if role in ("verb", "verb_pronoun", "passive"):
            # embedded in another speaker's clause: "وقال ترامب إنه دعا شي"
            p = _prev_word(a, i)
            if p is not None and p >= s0 and a.norm[p] in _COMPLEMENTIZERS and sent in sents_with_events:
                pos = i + k
                continue
            sp = (None, None, None, None)
            if role != "verb_pronoun":
                sp = _noun_phrase(a, nxt, s1, a.heads)
            if sp[0] is not None or sp[1] is not None:
                ev.rule = "passive" if role == "passive" else "verb_subject"
            else:
                before = _subject_before(a, i, s0)
                if before is not None:
                    sp, ev.rule = before, "subject_verb"
            ev.actor, ev.text, ev.start, ev.end = sp
        elif role == "according":
            ev.actor, ev.text, ev.start, ev.end = _noun_phrase(a, nxt, s1, a.heads, according=True)
            ev.rule = "according_to"
        elif role == "naql":
            j, stop = nxt, min(s1, nxt + 12)
            while j < stop and a.norm[j] != "عن":
                j += 1
            if j >= stop:
                pos = i + k
                continue  # 'نقل' without 'عن': not reported speech
            q = j + 1
            while q < s1 and a.norm[q] not in ("قوله", "قولها", "قولهم", "قولهما", ":"):
                q += 1
            ev.actor, ev.text, ev.start, ev.end = _noun_phrase(a, j + 1, q, a.heads)
            ev.rule = "naql"
        # participles keep no explicit speaker: resolved like pronoun subjects
        out.append(ev)
        sents_with_events.add(sent)
        pos = i + k
    return out


def _first_person(a: _Article, lo: int, hi: int) -> int | None:
    for t in range(lo, hi):
        k = a.m_first.get(t)
        if k is not None and a.is_person(k) and not a.quoted[t]:
            return k
    return None


def _latest_speaker(events: list[_Event], toks: list[int], ev: _Event) -> _Event | None:
    """The last event before ``ev`` that has a speaker and is not an "according to"
    (``events`` in text order, ``toks`` their first tokens)."""
    j = bisect_left(toks, ev.tok) - 1
    while j >= 0:
        e = events[j]
        if e.resolved and e.role != "according":
            return e
        j -= 1
    return None


def _resolve_implicit(a: _Article, ev: _Event, latest: _Event | None, *, local_only: bool) -> tuple | None:
    """Speaker of a verb with a pronoun subject (see module docstring), given ``latest``, the
    last earlier event with a speaker (see :func:`_latest_speaker`). Returns
    ``(actor, text, start, end, rule)`` or None."""
    if latest is not None and latest.sent == ev.sent:
        e = latest
        return e.actor, e.text, e.start, e.end, "implicit_same_sentence"
    s0, _ = a.sentence_tokens(ev.sent)
    k = _first_person(a, s0, ev.tok)
    if k is not None:
        return (*a.mention_speaker(k), "implicit_sentence_person")
    if local_only:
        return None
    if latest is not None and ev.sent - _PREV_SENTENCES <= latest.sent < ev.sent:
        e = latest
        return e.actor, e.text, e.start, e.end, "implicit_previous_speaker"
    if ev.sent > 0:
        p0, p1 = a.sentence_tokens(ev.sent - 1)
        k = _first_person(a, p0, p1)
        if k is not None:
            return (*a.mention_speaker(k), "implicit_previous_subject")
    return None


def _resolve_events(a: _Article, events: list[_Event]) -> None:
    """Give implicit verbs and participles a speaker, in text order (chains resolve)."""
    latest: _Event | None = None  # the last event so far with a speaker (not "according to")
    for ev in events:
        if not ev.resolved and ev.role not in ("according", "naql"):
            r = _resolve_implicit(a, ev, latest, local_only=False)
            if r is not None:
                ev.actor, ev.text, ev.start, ev.end, ev.rule = r
        if ev.resolved and ev.role != "according":
            latest = ev


def _trim_unclosed(a: _Article, span: QuotedSpan, lex: SpeechLexicon, window: int = 8) -> QuotedSpan:
    """An unclosed quote stops before a speech verb in its last ``window`` words."""
    lo = int(np.searchsorted(a.start, span.start, side="left"))
    hi = int(np.searchsorted(a.end, span.end, side="right"))
    words = [t for t in range(lo, hi) if a.is_word[t]]
    for t in words[-window:]:
        hit = lex.match(a.norm, int(t))
        if hit and hit[2] in ("verb", "passive", "according", "naql"):
            end = int(a.start[t])
            seg = a.text[span.start : end]
            new_end = span.start + len(_TRAIL_STRIP_RE.sub("", seg))
            if new_end > span.start and _CONTENT_RE.search(a.text, span.start, new_end):
                return span._replace(end=new_end)
    return span


def find_quotes(
    sentences: pd.DataFrame,
    tokens: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
    lexicon: SpeechLexicon | None = None,
) -> pd.DataFrame:
    """Quotes and their speakers, one row per quoted span (columns :data:`QUOTE_COLUMNS`).

    ``articles`` (with ``clean_text``) gives exact results; without it the text is rebuilt
    from the sentences (characters between sentences become spaces, so a closing mark
    standing alone between two sentences is lost). ``mentions`` comes from
    :func:`arnews.actors.find_mentions`; without it ``speaker_actor_id`` stays empty and
    ``speaker_text`` comes from the noun phrase after the verb.

    Columns: ``start``/``end`` (``clean_text[start:end] == quote``, marks excluded),
    ``sentence_id`` (sentence of the quote's first character), ``speaker_text`` and
    ``speaker_actor_id`` (None when no cue applies), ``verb`` (the cue as written: "وقال",
    "مضيفًا", "وجاء في", "ووفقًا"; None for ``colon_intro``), ``rule`` (which attribution
    rule fired, see the module docstring), ``balanced`` (False: the quote was never
    closed), ``open_mark``/``close_mark``, ``speaker_start``/``speaker_end`` (offsets of the
    speaker phrase; for an implicit subject, of the earlier phrase it was taken from; after
    وفقا the preposition ل is left out, and ``speaker_text`` restores the article:
    "للكرملين" → "الكرملين"), ``speaker_group`` (a group subject's pair, ``PUTIN|XI``;
    ``speaker_actor_id`` is then empty) and ``speaker_via`` (``name``, ``role``, ``group``,
    ``anaphora``; see the module docstring).

    >>> import pandas as pd
    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ['وقال بوتين: "العلاقات قوية".']})
    >>> s = sentences_table(arts); t = tokens_table(s)
    >>> m = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "start": [5], "end": [10],
    ...                   "surface": ["بوتين"], "actor_id": ["PUTIN"], "actor_type": ["person"], "country": ["RUS"]})
    >>> find_quotes(s, t, m, arts)[["quote", "speaker_actor_id", "verb", "rule"]].values.tolist()
    [['العلاقات قوية', 'PUTIN', 'وقال', 'verb_subject']]
    """
    for name, df, cols in (
        ("sentences", sentences, ("article_id", "sentence_id", "start", "end", "text")),
        ("tokens", tokens, ("article_id", "sentence_id", "token_id", "start", "end", "surface", "norm")),
    ):
        missing = [c for c in cols if c not in df.columns]
        if missing:
            raise ValueError(f"find_quotes: the {name} table lacks column(s) {missing}")
    if mentions is not None:
        missing = [c for c in ("article_id", "start", "end", "actor_id") if c not in mentions.columns]
        if missing:
            raise ValueError(f"find_quotes: the mentions table lacks column(s) {missing}")
    if articles is not None and not {"article_id", "clean_text"} <= set(articles.columns):
        raise ValueError("find_quotes: the articles table needs 'article_id' and 'clean_text' columns")
    lex = lexicon or load_speech_verbs()

    texts: dict = {}
    if articles is not None:
        texts = dict(zip(articles["article_id"], articles["clean_text"].fillna("")))
    sents_all, sent_bounds = _by_article(sentences, "start")
    s_start = sents_all["start"].to_numpy(np.int64)
    s_end = sents_all["end"].to_numpy(np.int64)
    s_id = sents_all["sentence_id"].to_numpy(np.int64)
    tok_groups = _token_slices(tokens)
    ment_groups = _mention_rows(mentions)

    codes = _country_codes() if ment_groups else None
    rows: list[dict] = []
    order = list(texts) if texts else list(sent_bounds)
    for aid in order:
        b = sent_bounds.get(aid)
        if b is None:
            continue
        sl = slice(*b)
        text = texts.get(aid)
        if text is None:
            text = _rebuild_text(sents_all.iloc[sl])
        rows.extend(_article_quotes(aid, text, (s_start[sl], s_end[sl], s_id[sl]), tok_groups.get(aid),
                                    ment_groups.get(aid), lex, codes))
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return _typed(df)


def _country_codes() -> frozenset[str] | None:
    """Ids of countries and blocs in the gazetteer (what a group like الدولتان can name)."""
    try:
        from .actors import default_gazetteer

        g = default_gazetteer()
    except Exception:  # no gazetteer: count every country code
        return None
    return frozenset(g.loc[g["type"].isin(["country", "bloc"]), "actor_id"])


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    df = df.astype(
        {
            "sentence_id": "int32",
            "start": "int32",
            "end": "int32",
            "balanced": bool,
            "speaker_start": "Int32",
            "speaker_end": "Int32",
        }
    )
    for c in ("quote", "speaker_text", "speaker_actor_id", "verb", "rule", "open_mark", "close_mark",
              "speaker_group", "speaker_via"):
        col = df[c].astype(object)
        df[c] = col.where(col.notna(), None)
    return df


def _rebuild_text(sents: pd.DataFrame) -> str:
    end = int(sents["end"].max())
    buf = [" "] * end
    for s, t in zip(sents["start"], sents["text"]):
        buf[int(s) : int(s) + len(t)] = list(t)
    return "".join(buf)


def _mention_via(a: _Article, actor: str, ss: int | None, se: int | None) -> str:
    """How the speaker's mention was found: ``role`` (a role title resolved by date) or ``name``."""
    if ss is not None:
        starts = a.mention_starts()
        k = bisect_left(starts, ss)
        while k < len(starts) and starts[k] <= se:
            if a.m_span[k][1] <= se and a.m_actor[k] == actor:
                return a.m_via[k]
            k += 1
    return "name"


def _phrase_tokens(a: _Article, ss: int, se: int) -> list[int]:
    lo = int(np.searchsorted(a.start, ss, side="left"))
    hi = int(np.searchsorted(a.start, se, side="left"))
    return [t for t in range(lo, hi) if a.is_word[t]]


def _readings(w: str) -> tuple[str, ...]:
    """A word and its readings without و/ف and ب/ل (لل → ال): 'ووزارة' → (…, 'وزارة'),
    'للرئيس' → (…, 'الرئيس'). 'وزارة' itself keeps its و as a reading."""
    out = [w]
    for c in ("", "و", "ف"):
        if c and not (len(w) > 3 and w.startswith(c)):
            continue
        r = w[len(c):]
        if c:
            out.append(r)
        if len(r) > 3 and r.startswith("لل"):
            out.append("ال" + r[2:])
        elif len(r) > 3 and r[0] in "بل":
            out.append(r[1:])
    return tuple(out)


def _bare(w: str, vocab: frozenset[str] | dict) -> str | None:
    """The first reading of ``w`` found in ``vocab`` (None when none is)."""
    for r in _readings(w):
        if r in vocab:
            return r
    return None


def _group_kind(a: _Article, ss: int, se: int, lex: SpeechLexicon) -> str | None:
    """``persons``/``countries`` when the speaker phrase is a group noun (الزعيمان، الدولتان)."""
    toks = _phrase_tokens(a, ss, se)
    if not toks:
        return None
    kinds = lex.group_kind
    r = _bare(a.norm[toks[0]], kinds)
    return None if r is None else kinds[r]


def _main_pair(a: _Article, kind: str, country_codes: frozenset[str] | None) -> tuple[str, str] | None:
    """The article's two most mentioned persons (or countries), when unambiguous.

    Heuristic: mentions are counted over the whole article (persons: every person mention,
    role titles included; countries: the ``country`` of every mention whose country is a
    country or bloc in the gazetteer). The pair is returned only when there are two
    candidates and the second is mentioned strictly more often than the third.
    """
    counts: dict[str, int] = {}
    for k, actor in enumerate(a.m_actor):
        if actor is None:
            continue
        if kind == "persons":
            if a.m_type[k] == "person":
                counts[actor] = counts.get(actor, 0) + 1
        else:
            c = a.m_country[k]
            if c and (country_codes is None or c in country_codes):
                counts[c] = counts.get(c, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) < 2 or (len(ranked) > 2 and ranked[1][1] == ranked[2][1]):
        return None
    return ranked[0][0], ranked[1][0]


_CHAIN_GAP = frozenset({"،", ",", "السيد", "السيدة"})


def _definite_antecedent(a: _Article, ss: int, se: int, max_back: int = 2000) -> str | None:
    """Actor of an earlier, fuller mention of a definite speaker phrase with no actor.

    "وزارة الخارجية" / "بيان وزارة الخارجية" after "وزارة الخارجية الصينية" → CHN;
    "الرئيس" after "الرئيس الروسي فلاديمير بوتين" → PUTIN. The phrase must start with a
    ``speaker_head`` noun and end in a definite word; the most recent earlier occurrence of
    it (or of its head-initial tail), outside quotes, that is followed by a chain of
    mentions gives the actor: the last person in the chain, else its first actor. A role
    title starting at the occurrence gives its holder.
    """
    toks = _phrase_tokens(a, ss, se)
    if not toks:
        return None
    words = [a.norm[t] for t in toks]
    if not words[-1].startswith("ال"):
        return None
    first_tok = toks[0]
    for k in range(len(words)):
        head = _bare(words[k], a.heads)
        if head is None:
            continue
        seq = [head] + words[k + 1:]
        L = len(seq)
        for t in range(first_tok - 1, max(-1, first_tok - 1 - max_back), -1):
            if a.quoted[t] or seq[0] not in _readings(a.norm[t]):
                continue
            j, ok = t + 1, True
            for w in seq[1:]:
                while j < len(a) and not a.is_word[j]:
                    j += 1
                if j >= len(a) or a.norm[j] != w:
                    ok = False
                    break
                j += 1
            if not ok:
                continue
            k0 = a.m_first.get(t)
            if k0 is not None and a.m_via[k0] == "role" and a.m_tokens[k0][1] >= t + L - 1:
                return a.m_actor[k0]
            chain: list[int] = []
            sent = a.sent[t]
            while j < len(a) and a.sent[j] == sent and not a.quoted[j]:
                if a.m_cover[j] >= 0:
                    m = int(a.m_cover[j])
                    if not chain or chain[-1] != m:
                        chain.append(m)
                    j = a.m_tokens[m][1] + 1
                elif a.norm[j] in _CHAIN_GAP or a.norm[j] in "()" or not _CONTENT_RE.search(a.norm[j]) and a.norm[j] not in ".:؛;":
                    j += 1
                else:
                    break
            if chain:
                persons = [m for m in chain if a.is_person(m)]
                return a.m_actor[persons[-1] if persons else chain[0]]
    return None


def _article_quotes(aid, text: str, sents: tuple, toks: _Toks | None, ments: list[tuple] | None, lex,
                    country_codes: frozenset[str] | None = None) -> list[dict]:
    s_starts, s_ends, s_ids = sents
    spans = find_quoted_spans(text, sorted(s_ends.tolist()))
    if not spans:
        return []
    if toks is None:
        toks = _Toks(np.zeros(0, np.int64), np.zeros(0, np.int64), [], [], np.zeros(0, np.int64), np.zeros(0, bool))
    a = _Article(text, toks, ments, lex.heads)
    a.set_spans(spans)
    if len(a) and not all(s.balanced for s in spans):
        spans = [_trim_unclosed(a, s, lex) if not s.balanced else s for s in spans]
        a.set_spans(spans)
    events = _events(a, lex) if len(a) else []
    _resolve_events(a, events)
    ev_toks = [e.tok for e in events]
    by_sent: dict[int, list[_Event]] = {}
    for e in events:
        by_sent.setdefault(e.sent, []).append(e)

    def sentence_of(pos: int) -> int:
        k = int(np.searchsorted(s_starts, pos, side="right")) - 1
        k = max(k, 0)
        if pos >= s_ends[k] and k + 1 < len(s_starts):
            k += 1  # between sentences: the next one
        return int(s_ids[k])

    out: list[dict] = []
    prev: dict | None = None
    pairs: dict[str, tuple[str, str] | None] = {}
    for sp in spans:
        sid = sentence_of(sp.start)
        end_sid = sentence_of(max(sp.end - 1, sp.start))
        first_tok = int(np.searchsorted(a.start, sp.start - 1, side="left")) if len(a) else 0
        last_tok = int(np.searchsorted(a.end, sp.end + 1, side="right")) if len(a) else 0
        left = [e for e in by_sent.get(sid, ()) if e.tok < first_tok]
        right_words = _words_after(a, last_tok, sp.end, _RIGHT_WINDOW)
        right = [e for e in by_sent.get(end_sid, ()) if e.tok in right_words]
        speaker = None  # (actor, text, start, end, rule, verb)
        left_verbs = [e for e in left if e.role != "according"]
        lv = left_verbs[-1] if left_verbs else None
        # 1. explicit subject on the left
        if lv is not None and lv.rule in ("verb_subject", "subject_verb", "passive", "naql") and lv.resolved:
            speaker = (lv.actor, lv.text, lv.start, lv.end, lv.rule, lv.form)
        # 2. quote then verb with an explicit subject
        if speaker is None:
            for e in right:
                if e.role in ("verb", "passive") and e.rule in ("verb_subject", "passive") and e.resolved:
                    speaker = (e.actor, e.text, e.start, e.end, "quote_then_verb", e.form)
                    break
        # 3. pronoun subject resolved in the same sentence
        if speaker is None and lv is not None:
            r = _resolve_implicit(a, lv, _latest_speaker(events, ev_toks, lv), local_only=True)
            if r is not None:
                speaker = (*r, lv.form)
        # 4. according to X (same sentence, or right after the quote)
        if speaker is None:
            near = {sid, end_sid} | {int(a.sent[t]) for t in right_words}
            acc = [e for e in sorted((e for k in near for e in by_sent.get(k, ())), key=lambda e: e.tok)
                   if e.role == "according" and e.resolved and (e.sent in (sid, end_sid) or e.tok in right_words)]
            if acc:
                e = min(acc, key=lambda e: abs(e.tok - first_tok))
                speaker = (e.actor, e.text, e.start, e.end, "according_to", e.form)
        # 5. pronoun subject from earlier sentences
        if speaker is None and lv is not None and lv.resolved:
            speaker = (lv.actor, lv.text, lv.start, lv.end, lv.rule, lv.form)
        # 6. clause introduced by a colon
        if speaker is None and not left_verbs and text[max(0, sp.start - 12) : sp.start - 1].rstrip().endswith(":"):
            s0, _ = a.sentence_tokens(sid)
            for t in range(s0, first_tok):
                k = a.m_first.get(t)
                if k is not None and not a.quoted[t]:
                    # "ملخص دعوة الكرملين": start the phrase at a head noun just before the actor
                    t0 = a.m_tokens[k][0]
                    ps = None
                    for h in range(max(s0, t0 - 3), t0):
                        if _head_word(a.norm[h], a.heads) in a.heads:
                            ps = int(a.start[h])
                            break
                    speaker = (*a.mention_speaker(k, ps), "colon_intro", None)
                    break
        # 7. a stand-alone quote right after another quote
        if speaker is None and prev is not None and not left and prev["speaker_text"] is not None:
            s0, _ = a.sentence_tokens(sid)
            words_before = [t for t in range(s0, first_tok) if a.is_word[t] and not a.quoted[t]]
            if not words_before and sid - prev["_end_sid"] <= 1 and "\n" not in text[prev["end"] : sp.start]:
                speaker = (
                    prev["speaker_actor_id"], prev["speaker_text"], prev["speaker_start"], prev["speaker_end"],
                    "continuation", prev["verb"],
                )
        actor, stext, ss, se, rule, verb = speaker if speaker else (None, None, None, None, None, None)
        group = via = None
        if rule == "continuation":
            group, via = prev["speaker_group"], prev["speaker_via"]
        elif actor is not None:
            via = _mention_via(a, actor, ss, se)
        elif stext is not None and ss is not None and len(a):
            kind = _group_kind(a, ss, se, lex)
            if kind is not None:
                if kind not in pairs:
                    pairs[kind] = _main_pair(a, kind, country_codes)
                if pairs[kind] is not None:
                    group, via = "|".join(sorted(pairs[kind])), "group"
            else:
                actor = _definite_antecedent(a, ss, se)
                if actor is not None:
                    via = "anaphora"
        row = {
            "article_id": aid,
            "sentence_id": sid,
            "start": sp.start,
            "end": sp.end,
            "quote": text[sp.start : sp.end],
            "speaker_text": stext,
            "speaker_actor_id": actor,
            "verb": verb,
            "rule": rule,
            "balanced": sp.balanced,
            "open_mark": sp.open_mark,
            "close_mark": sp.close_mark,
            "speaker_start": ss,
            "speaker_end": se,
            "speaker_group": group,
            "speaker_via": via,
        }
        out.append(row)
        prev = dict(row, _end_sid=end_sid)
    return out


def _words_after(a: _Article, t: int, pos: int, k: int) -> set[int]:
    """Token indices of the next ``k`` words from token ``t`` on (text offset ``pos``),
    within the same paragraph."""
    out: set[int] = set()
    n = len(a)
    j, words = t, 0
    while j < n and words < k:
        if "\n" in a.text[pos : int(a.start[j])]:
            break
        if a.quoted[j]:
            break
        if a.is_word[j]:
            out.add(j)
            words += 1
        j += 1
    return out


def annotate_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Pipeline stage: ``{"quotes": find_quotes(...)}``. Uses ``tables["mentions"]`` when
    the actors stage ran; otherwise ``speaker_actor_id`` stays empty."""
    return {
        "quotes": find_quotes(
            tables["sentences"], tables["tokens"], tables.get("mentions"), tables.get("articles")
        )
    }


STAGE = Stage(
    name="quotes",
    run="arnews.quotes:annotate_stage",
    requires=("sentences", "tokens.norm", "tokens.surface"),
    uses=("mentions", "articles.clean_text"),
    produces=("quotes",),
    reads=("lexicons/speech_verbs.csv", "actors.csv"),
)


# Gold reading and evaluation live in arnews.evaluation; these names stay reachable here for
# notebooks written before the move (looked up on first use: no import of arnews.evaluation).
_MOVED = {
    "evaluate": "arnews.evaluation.quotes",
    "evaluation_report": "arnews.evaluation.quotes",
    "load_gold": "arnews.evaluation.quotes",
    "match_gold": "arnews.evaluation.quotes",
    "GOLD_COLUMNS": "arnews.evaluation.quotes",
}


def __getattr__(name: str):
    if name in _MOVED:
        import importlib

        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module 'arnews.quotes' has no attribute {name!r}")
