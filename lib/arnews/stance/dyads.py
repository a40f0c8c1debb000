"""Stance dyads: who is portrayed as cooperating with or opposing whom, per sentence (the rules
are described in :func:`find_dyads`), and country-level dyads.
"""
from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..actors import default_gazetteer
from ..text import normalize
from ..wordforms import conjunction_forms, is_nisba
from .cues import TokenSentences, Word, sentence_words
from .lexicon import DEFAULT_THRESHOLD, Lexicon, default_lexicon, require_columns
from .sentences import cue_evidence, label_from_score, main_assertion

__all__ = ["find_dyads", "country_dyads", "STANCE_COLUMNS", "Dyad", "Evidence", "Windows"]


_TARGET_PREPS = frozenset({"علي", "مع", "ضد", "الي", "تجاه", "حيال", "عن", "من", "نحو", "لدي"})
_TARGET_CLITICS = ("ل", "لل", "ب")  # after a leading و: a mention governed by ل or ب is a target
STANCE_COLUMNS = [
    "article_id", "sentence_id", "source", "target", "source_country", "target_country",
    "directed", "label", "score", "cues", "method",
]


@dataclass
class _Mention:
    a: int  # first word position
    b: int  # last word position
    actor: str
    country: str
    prep: bool  # introduced by a target preposition or clitic
    start: int
    adj: bool = False  # a relational (nisba) adjective: الصينية، الروسي، الأمريكيون
    conj: bool = False  # written with the conjunction و (والصين)


@lru_cache(maxsize=4096)
def _normalize_prefix(text: str) -> str:
    """:func:`arnews.text.normalize` of the letters of a word before a mention (و، ال، بال …:
    few distinct strings)."""
    return normalize(text)


_START, _NORM, _END = (itemgetter(k) for k in (1, 2, 4))  # fields of a Word record (stance.cues.Word)


def _sentence_mentions(men: list[tuple], words: list) -> list[_Mention]:
    """Place mentions ``(start, end, actor_id, country)`` on word positions; tag those introduced
    by a target preposition."""
    starts = list(map(_START, words))
    ends = list(map(_END, words))
    out = []
    for m_start, m_end, actor, country in men:
        if not isinstance(country, str) or not country:
            continue
        a = bisect_right(ends, m_start)
        if a >= len(words):
            continue
        b = max(a, bisect_left(starts, m_end) - 1)
        tok = words[a]
        prefix = _normalize_prefix(tok.surface[: max(0, m_start - tok.start)]) if m_start > tok.start else ""
        prep = (a > 0 and words[a - 1].norm in _TARGET_PREPS and not (a > 1 and words[a - 1].norm == "من"
                                                                    and words[a - 2].norm in ("كل", "وكل")))  # كل من: "both"
        prep = prep or (bool(prefix) and prefix.lstrip("و") in _TARGET_CLITICS)
        out.append(_Mention(a, b, str(actor), country, prep, int(m_start), a == b and is_nisba(tok.norm),
                            prefix.startswith("و")))
    out.sort(key=lambda x: (x.a, x.b))
    return out


_LIST_CONNECTORS = frozenset({("و",), ("او",), ("بما", "في", "ذلك"), ("مثل",), ("منها",), ("ولا", "سيما"), ("لاسيما",),
                              ("خاصة",), ("وخاصة",), ("ومنها",)})


def _coordinated_groups(ms: list[_Mention], words: list) -> list[list[_Mention]]:
    """Coordinated mentions: runs of mentions separated only by punctuation or list words
    (و، بما في ذلك، مثل، ولا سيما …): "روسيا والصين", "الصينية الروسية", "الحكومات الغربية، بما
    في ذلك الولايات المتحدة وبريطانيا وأستراليا". Only groups naming two or more countries are kept."""
    groups, cur = [], []
    for m in ms:
        between = tuple(words[k].norm for k in range(cur[-1].b + 1, m.a)) if cur and m.a > cur[-1].b else None
        # juxtaposed without a connector only as adjectives ("الصينية الروسية"); two juxtaposed
        # names are subject and object ("انتقدت الولايات المتحدة روسيا")
        if between in _LIST_CONNECTORS or between == () and (m.conj or m.adj and cur[-1].adj):
            cur.append(m)
        else:
            if cur:
                groups.append(cur)
            cur = [m]
    if cur:
        groups.append(cur)
    return [g for g in groups if len({m.country for m in g}) >= 2]


def _countries(g: list[_Mention]) -> list[_Mention]:
    """One mention per country, in order."""
    seen, out = set(), []
    for m in g:
        if m.country not in seen:
            seen.add(m.country)
            out.append(m)
    return out


class Dyad(NamedTuple):
    """A source and a target the stance of one cue is about."""

    source: str
    source_country: str
    target: str
    target_country: str
    directed: bool
    method: str


class Evidence(NamedTuple):
    """One cue's contribution to one dyad of one sentence (aggregated into the stance table)."""

    article_id: object
    sentence_id: int
    source: str
    target: str
    source_country: str
    target_country: str
    directed: bool
    weight: float
    evidence: str
    method: str


@dataclass(frozen=True)
class Windows:
    """How far (in words) the dyad rules look: sources before the cue, targets after it, a
    coordinated pair or بين around it."""

    before: int = 10
    after: int = 8
    pair: int = 6


class _CueRef(NamedTuple):
    a: int  # first word position
    b: int  # last word position
    start: int  # character offset
    weight: float  # the dyad weight
    source_from: int  # first word position where its source may stand


class _ArticleQuotes:
    """An article's quotes, for lookups by offset and by sentence without scanning them all."""

    def __init__(self, quotes: list):
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]
        self.reach = list(itertools.accumulate((q.end for q in self.quotes), max))  # furthest end so far
        self.by_sentence: dict[int, list] = {}
        for q in quotes:  # table order, as the speaker rule reads them
            sid = getattr(q, "sentence_id", None)
            if sid is not None and not pd.isna(sid):
                self.by_sentence.setdefault(int(sid), []).append(q)

    def containing(self, pos: int):
        """The first quote (by start) whose span holds offset ``pos``, or None."""
        j = bisect_right(self.starts, pos) - 1
        hit = None
        while j >= 0 and self.reach[j] > pos:
            if self.quotes[j].end > pos:
                hit = self.quotes[j]
            j -= 1
        return hit


_NO_QUOTES = _ArticleQuotes([])


@dataclass
class _Sentence:
    """One sentence as the dyad rules see it."""

    key: tuple
    words: list
    breaks: list[bool]
    mentions: list[_Mention]
    groups: list[list[_Mention]]
    betweens: list[int]  # word positions of بين
    pair_refs: list[int]  # word positions of dual references (البلدين)
    quotes: _ArticleQuotes
    speaker_country: dict
    top2: tuple | None  # the article's two most mentioned countries
    salient: bool  # the article is about that pair
    state: dict = field(default_factory=dict)  # subject and objects of earlier cues (continuity)

    @property
    def sentence_id(self):
        return self.key[1]

    def word_starts(self) -> list[int]:
        return [w.start for w in self.words]

    def broken(self, lo: int, hi: int) -> bool:
        """Whether a clause break precedes any word in lo..hi."""
        return any(self.breaks[k] for k in range(lo, hi + 1))


def find_dyads(
    cues: pd.DataFrame,
    tokens: pd.DataFrame,
    mentions: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    *,
    lexicon: Lexicon | None = None,
    window_before: int = 10,
    window_after: int = 8,
    pair_window: int = 6,
    threshold: float = DEFAULT_THRESHOLD,
    comention: bool = True,
    sentences: TokenSentences | None = None,
) -> pd.DataFrame:
    """Attach a source and a target actor to each cue and aggregate per sentence and dyad.

    Returns the ``stance`` table: ``article_id, sentence_id, source, target, source_country,
    target_country, directed, label, score, cues, method`` (one row per sentence and
    person-level dyad; ``method`` says how the dyad was found: between, pair, directed,
    quote, speaker, dual, article, comention). Cues whose ``dyad_weight`` is 0 (negated) make no dyad.

    Rules, in order, for a cue at word positions [a, b]:

    * ``between``: "بين X و Y" within ``pair_window`` words of the cue → undirected X~Y;
    * ``pair``: two adjacent mentions of different countries ("روسيا والصين",
      "الصينية الروسية") within ``pair_window`` words, with no other target → undirected;
    * ``directed`` / ``quote``: source = nearest mention before the cue (within the quote when
      the cue is quoted, else the quote's speaker), or the subject right after a verb cue
      (VSO: "أشاد بوتين بالتعاون مع الصين"); target = the first later mention introduced by a
      preposition (على، مع، ضد، إلى، لـ …), else the first later mention of another country;
    * ``dual``: a dual reference (البلدين، الزعيمان، بعضهما …) → undirected pair of the
      article's two most mentioned countries;
    * ``article``: a cooperation cue with no dyad, in a sentence naming no country outside the
      article's two most mentioned ones, when the article is about that pair (they hold half
      of its country mentions, the second at least 3) → that pair, undirected;
    * ``comention`` (when ``comention`` is True): a sentence whose cues found no parties but
      whose summed score reaches ``threshold`` and which names exactly two countries → those
      two, undirected (the co-occurrence coding of event data, used only as a last resort).

    Coordinated mentions ("روسيا والصين", "الولايات المتحدة وبريطانيا وأستراليا") form groups:
    a subject or target that belongs to a group stands for every member; only a group of two
    countries not governed by a preposition can be a mutual ``pair``.

    ``sentences``: the tokens table already read by :func:`~arnews.stance.cues.match_cues`
    (:class:`~arnews.stance.cues.TokenSentences`), used when it has one run per sentence.
    """
    lex = lexicon or default_lexicon()
    wcol = "dyad_weight" if "dyad_weight" in cues.columns else "effective"
    cues = cues[cues[wcol] != 0] if len(cues) else cues
    if not len(cues) or mentions is None or not len(mentions):
        return pd.DataFrame(columns=STANCE_COLUMNS)
    require_columns(mentions, ["article_id", "sentence_id", "start", "end", "actor_id", "country"], "mentions")
    finder = _DyadFinder(cues, wcol, Windows(window_before, window_after, pair_window), threshold)
    recs: list[Evidence] = []
    shared = sentences if sentences is not None and sentences.usable() else None
    for sent, cidx in _sentences(cues, tokens, mentions, quotes, lex, shared):
        found = finder.sentence_evidence(sent, cidx)
        if not found and comention:
            found = finder.comention(sent, cidx)
        recs += found
    return _aggregate(recs, threshold)


def _quote_index(quotes: pd.DataFrame | None) -> dict:
    by_art: dict = {}
    if quotes is not None and len(quotes):
        for q in quotes.itertuples(index=False):
            by_art.setdefault(q.article_id, []).append(q)
    return {aid: _ArticleQuotes(qs) for aid, qs in by_art.items()}


def _sentences(cues: pd.DataFrame, tokens: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame | None,
               lex: Lexicon, shared: TokenSentences | None = None):
    """``(_Sentence, cue row positions)`` for each sentence holding cues (the words from
    ``shared`` when given, else read from ``tokens``)."""
    top2, salient = _top_countries(mentions)
    speaker_country = _speaker_countries(mentions)
    q_by_art = _quote_index(quotes)
    keys = ["article_id", "sentence_id"]
    men_idx = mentions.groupby(keys, sort=False).indices
    if shared is None:
        tok_idx = tokens.groupby(keys, sort=False).indices
        t_cols = [tokens[c].tolist() for c in ("token_id", "start", "norm")]
        t_word = tokens["is_word"].tolist() if "is_word" in tokens.columns else [True] * len(tokens)
        t_end = tokens["end"].tolist()
        t_surf = tokens["surface"].tolist() if "surface" in tokens.columns else t_cols[2]
    m_rows = list(zip(*(mentions[c].tolist() for c in ("start", "end", "actor_id", "country"))))
    kinds = _RefKinds(lex)
    for key, cidx in cues.groupby(keys, sort=False).indices.items():
        if shared is not None:
            run = shared.by_key.get(key)
            if run is None:
                continue
            words, breaks = run[2], run[3]
        else:
            ti = tok_idx.get(key)
            if ti is None:
                continue
            buf = [Word(t_cols[0][i], t_cols[1][i], t_cols[2][i], bool(t_word[i]), t_end[i], t_surf[i]) for i in ti]
            words, breaks = sentence_words(buf)
        mi = men_idx.get(key)
        ms = _sentence_mentions([m_rows[i] for i in mi], words) if mi is not None else []
        pair_refs, betweens = kinds.positions(words)
        groups = _coordinated_groups(ms, words) if len(ms) > 1 else []
        yield _Sentence(key, words, breaks, ms, groups, betweens, pair_refs, q_by_art.get(key[0], _NO_QUOTES),
                        speaker_country, top2.get(key[0]), key[0] in salient), cidx


class _RefKinds:
    """Per word type: 1 a dual reference (البلدين), 2 بين, 0 other (cached)."""

    def __init__(self, lex: Lexicon):
        self.pairs = lex.pairs
        self.kind: dict[str, int] = {}

    def of(self, norm: str) -> int:
        k = self.kind.get(norm)
        if k is None:
            p = conjunction_forms(norm)
            k = self.kind[norm] = 1 if any(x in self.pairs for x in p) else 2 if "بين" in p else 0
        return k

    def positions(self, words: list) -> tuple[list[int], list[int]]:
        kinds = list(map(self.kind.get, map(_NORM, words)))
        if None in kinds:
            kinds = [self.of(w.norm) if k is None else k for k, w in zip(kinds, words)]
        if not any(kinds):
            return [], []
        return [j for j, k in enumerate(kinds) if k == 1], [j for j, k in enumerate(kinds) if k == 2]


class _DyadFinder:
    """The cue columns the dyad rules read, and the rules applied per sentence."""

    def __init__(self, cues: pd.DataFrame, wcol: str, windows: Windows, threshold: float):
        # a dyad reports the relation whatever its place in the sentence (background, topics and
        # what is ended or eased included, gold guideline rule 5): its weight leaves those out
        self.ws, self.we, self.start, self.weight, self.text, self.cat, self.mods, self.effective = (
            cues[c].tolist() for c in ("w_start", "w_end", "start", wcol, "text", "category", "modifiers", "effective"))
        self.scope = cues["scope"].tolist() if "scope" in cues.columns else [1.0] * len(cues)
        self.source_from = cues["source_from"].tolist() if "source_from" in cues.columns else [0] * len(cues)
        self.windows = windows
        self.threshold = threshold

    def evidence(self, ci: int) -> str:
        return cue_evidence(self.text[ci], self.cat[ci], self.weight[ci], self.mods[ci])

    def sentence_evidence(self, sent: _Sentence, cidx) -> list[Evidence]:
        """The dyads of every cue of a sentence, one :class:`Evidence` per cue and dyad."""
        out: list[Evidence] = []
        countries = {m.country for m in sent.mentions}
        for ci in cidx:
            cue = _CueRef(self.ws[ci], self.we[ci], self.start[ci], self.weight[ci], self.source_from[ci])
            ds = _dyads_for_cue(cue, sent, self.windows)
            if not ds and cue.weight > 0 and sent.salient and countries <= set(sent.top2):
                x, y = sent.top2  # unattributed cooperation in an article about one pair: that pair
                ds = [Dyad(x, x, y, y, False, "article")]
            if ds:
                out += _evidence_rows(sent, ds, cue.weight, self.evidence(ci))
        return out

    def comention(self, sent: _Sentence, cidx) -> list[Evidence]:
        """No cue found its parties, but the sentence carries stance (its score as in
        score_sentences) and names exactly two countries: the relation it reports is between
        them (undirected, ``comention``)."""
        if len({m.country for m in sent.mentions}) != 2:
            return []
        total = main_assertion(sum(self.effective[ci] for ci in cidx if self.scope[ci] >= 1.0),
                               sum(self.effective[ci] for ci in cidx if self.scope[ci] < 1.0), self.threshold)
        if abs(total) < self.threshold:
            return []
        x, y = _countries(sent.mentions)
        (x, y) = (x, y) if x.country <= y.country else (y, x)
        evidence = "; ".join(self.evidence(ci) for ci in cidx)
        return [Evidence(sent.key[0], sent.key[1], x.actor, y.actor, x.country, y.country, False, total, evidence, "comention")]


def _evidence_rows(sent: _Sentence, ds: list[Dyad], weight: float, evidence: str) -> list[Evidence]:
    """One row per distinct dyad of a cue (undirected ones in sorted order, none within a country)."""
    seen, out = set(), []
    for src, srcc, tgt, tgtc, directed, method in ds:
        if srcc == tgtc:
            continue
        if not directed and (srcc, src) > (tgtc, tgt):
            src, srcc, tgt, tgtc = tgt, tgtc, src, srcc
        if (src, tgt, directed) in seen:
            continue
        seen.add((src, tgt, directed))
        out.append(Evidence(sent.key[0], sent.key[1], src, tgt, srcc, tgtc, directed, weight, evidence, method))
    return out


def _aggregate(recs: list[Evidence], threshold: float) -> pd.DataFrame:
    """The stance table: evidence summed per sentence and dyad."""
    if not recs:
        return pd.DataFrame(columns=STANCE_COLUMNS)
    agg: dict = {}
    for r in recs:
        k = r[:7]
        x = agg.get(k)
        if x is None:
            agg[k] = [r.weight, [r.evidence], {r.method}]
        else:
            x[0] += r.weight
            x[1].append(r.evidence)
            x[2].add(r.method)
    out = pd.DataFrame([k + (v[0], "; ".join(v[1]), ",".join(sorted(v[2]))) for k, v in agg.items()],
                       columns=["article_id", "sentence_id", "source", "target", "source_country", "target_country",
                                "directed", "score", "cues", "method"])
    out["score"] = out["score"].clip(-1, 1).round(4)
    out["label"] = [label_from_score(s, threshold) for s in out["score"]]
    return out[STANCE_COLUMNS]


def _top_countries(mentions: pd.DataFrame, share: float = 0.5, min_second: int = 3) -> tuple[dict, set]:
    """Each article's two most mentioned countries, and the articles that are *about* that pair
    (the two hold at least ``share`` of the country mentions and the second is mentioned at
    least ``min_second`` times)."""
    from collections import Counter

    out, salient = {}, set()
    counts: dict = {}
    for aid, c in zip(mentions["article_id"].tolist(), mentions["country"].tolist()):
        if isinstance(c, str) and c:
            counts.setdefault(aid, Counter())[c] += 1
    for aid, vc in counts.items():
        top = vc.most_common(2)  # ties keep first-seen order
        if len(top) == 2:
            (a, na), (b, nb) = top
            out[aid] = (a, b)
            if nb >= min_second and na + nb >= share * sum(vc.values()):
                salient.add(aid)
    return out, salient


def _speaker_countries(mentions: pd.DataFrame) -> dict[str, str]:
    """Actor -> country, from the mentions and the repository gazetteer (for speakers the
    article names only through a quote)."""
    m = mentions.dropna(subset=["country"])
    mp = dict(zip(m["actor_id"].tolist(), m["country"].tolist()))
    gz = default_gazetteer()
    for a, c in zip(gz["actor_id"].tolist(), gz["country"].tolist()):
        if isinstance(c, str) and c:
            mp.setdefault(a, c)
    return mp


def _dyads_for_cue(cue: _CueRef, sent: _Sentence, win: Windows) -> list[Dyad]:
    """Dyads for the cue at word positions [a, b] (the rules of :func:`find_dyads`, in order).

    ``sent.state`` carries the subject (``src``) and the objects (``objects``, mention ids) of
    the sentence's earlier cues: a later cue whose nearest preceding mention is an earlier
    cue's object, or which has no subject of its own, keeps the earlier subject ("دعا المسؤولون
    الأمريكيون إلى إدانة روسيا وحذروا الصين": the Americans warned China)."""
    between = _between_dyad(cue, sent, win)
    if between is not None:
        return [between]
    scoped = cue.source_from > 0  # a topic, background or ended relation: its parties are its own
    quote = None if scoped else sent.quotes.containing(cue.start)  # the speaker of a scoped cue is no party
    before = [m for m in sent.mentions if m.b < cue.a and cue.a - m.b <= win.before and m.a >= cue.source_from]
    after = [m for m in sent.mentions if m.a > cue.b and m.a - cue.b <= win.after]
    if quote is not None:
        before = _inside_quote(before, quote, sent)
    subject = _subject(cue, sent, before, after, quote)
    return _pair_or_directed(cue, sent, win, after, subject)


def _between_dyad(cue: _CueRef, sent: _Sentence, win: Windows) -> Dyad | None:
    """"بين X و Y" within the pair window of the cue → undirected X~Y."""
    for j in sent.betweens:
        if cue.a - win.pair <= j <= cue.b + win.pair and not sent.broken(min(j, cue.a) + 1, max(j, cue.b)):
            after = [m for m in sent.mentions if j < m.a <= j + 4]
            for x, y in zip(after, after[1:]):
                if x.country != y.country:
                    return Dyad(x.actor, x.country, y.actor, y.country, False, "between")
    return None


def _inside_quote(before: list[_Mention], quote, sent: _Sentence) -> list[_Mention]:
    """The mentions before a quoted cue that can be its source: those inside the quote, else the
    subject of the reported clause a partial quote continues ("وقال إن شي وبوتين “أشارا إلى
    استعدادهما …”")."""
    inside = [m for m in before if m.start >= quote.start]
    if not inside:
        qw = bisect_left(sent.word_starts(), quote.start)
        if qw < len(sent.breaks) and not sent.breaks[qw]:  # no colon or comma between: "قال شي: “…”" is the speaker's
            inside = [m for m in before if m.b < qw and qw - m.b <= 2 and not m.prep]
    return inside


class _Subject(NamedTuple):
    mention: _Mention | None
    actor: str | None
    country: str | None
    method: str


def _subject(cue: _CueRef, sent: _Sentence, before: list[_Mention], after: list[_Mention], quote) -> _Subject:
    """The cue's source: the nearest mention before it not governed by a preposition, the VSO
    subject right after a verb cue, the earlier cue's subject (continuity), the quote's speaker
    or the speaker of the sentence."""
    scoped = cue.source_from > 0
    source = next((m for m in reversed(before) if not m.prep), None)
    # VSO verb or nominal cue in construct (غزو روسيا لأوكرانيا): the mention right after the cue
    # is its subject/agent when another mention follows; it wins over a subject more than two
    # words before the cue
    vso = after[0] if after and not after[0].prep and after[0].a - cue.b <= 2 and len(after) > 1 else None
    prev = None if scoped else sent.state.get("src")
    vso_adjacent = vso is not None and vso.a == cue.b + 1
    src_is_object = source is not None and id(source) in sent.state.get("objects", ())
    if vso_adjacent and source is not None and (src_is_object or sent.broken(source.b + 1, cue.a)):
        return _Subject(vso, vso.actor, vso.country, "directed")  # a new clause with its own VSO subject
    if prev is not None and not vso_adjacent and (quote is None or prev.start >= quote.start) and (
            src_is_object or source is None and vso is None):
        return _Subject(prev, prev.actor, prev.country, "directed")  # the earlier cue's subject acts again
    if source is not None and not (vso is not None and cue.a - source.b > 2 and after[0].a == cue.b + 1):
        return _Subject(source, source.actor, source.country, "directed")
    if vso is not None:
        return _Subject(vso, vso.actor, vso.country, "directed")
    return _speaker_subject(sent, quote, scoped)


def _speaker_subject(sent: _Sentence, quote, scoped: bool) -> _Subject:
    """No subject in reach: the speaker of the quote holding the cue, else the speaker the
    sentence attributes its words to ("كما قال إنه يتفق “بشكل رائع” مع بوتين")."""
    if quote is not None and isinstance(getattr(quote, "speaker_actor_id", None), str):
        sc = sent.speaker_country.get(quote.speaker_actor_id)
        return _Subject(None, quote.speaker_actor_id, sc, "quote") if sc else _Subject(None, None, None, "directed")
    if sent.sentence_id is not None and not scoped:
        for q in sent.quotes.by_sentence.get(int(sent.sentence_id), ()):
            if isinstance(getattr(q, "speaker_actor_id", None), str):
                sc = sent.speaker_country.get(q.speaker_actor_id)
                if sc:
                    return _Subject(None, q.speaker_actor_id, sc, "speaker")
    return _Subject(None, None, None, "directed")


def _pair_or_directed(cue: _CueRef, sent: _Sentence, win: Windows, after: list[_Mention], subj: _Subject) -> list[Dyad]:
    """A mutual pair near the cue, else source → target(s), else the article's pair for a dual
    reference."""
    group_of = {id(m): g for g in sent.groups for m in g}
    src_m = subj.mention
    src_group = _countries(group_of[id(src_m)]) if src_m is not None and id(src_m) in group_of else ([src_m] if src_m else [])
    src_countries = {m.country for m in src_group} | ({subj.country} if subj.country else set())
    src_ids = {id(m) for m in src_group}
    cand = [m for m in after if id(m) not in src_ids and m.country not in src_countries]
    target = next((m for m in cand if m.prep), cand[0] if cand else None)
    pair = _pair_dyad(cue, sent, win, target, src_countries, src_ids)
    if pair is not None:
        return [pair]
    if subj.actor is not None and target is not None:
        tg = group_of.get(id(target))
        targets = [m for m in _countries(tg) if m.country not in src_countries] if tg and len(_countries(tg)) >= 2 else [target]
        sources = [(m.actor, m.country) for m in src_group] or [(subj.actor, subj.country)]
        if src_m is not None and cue.source_from <= 0:
            sent.state["src"] = src_m
            sent.state.setdefault("objects", set()).update(id(t) for t in targets)
            sent.state["objects"].add(id(target))
        return [Dyad(s_, sc, t.actor, t.country, True, subj.method) for s_, sc in sources for t in targets]
    if sent.top2 and sent.pair_refs:  # a dual reference anywhere in the sentence names the two parties
        x, y = sent.top2
        return [Dyad(x, x, y, y, False, "dual")]
    return []


def _pair_dyad(cue: _CueRef, sent: _Sentence, win: Windows, target, src_countries: set, src_ids: set) -> Dyad | None:
    """A coordinated pair near the cue ("روسيا والصين", "الصينية الروسية") is mutual, unless its
    group is the subject acting on a third party or a target governed by a preposition ("على
    الولايات المتحدة وحلف الناتو")."""
    a, b = cue.a, cue.b
    near = [g for g in sent.groups if len(_countries(g)) == 2 and not g[0].prep
            and ((a - win.pair <= g[-1].b < a) or (b < g[0].a <= b + win.pair))]
    if not near:
        return None
    g = min(near, key=lambda g: min(abs(g[0].a - a), abs(g[-1].b - a)))
    in_g = any(x is target for x in g)
    has_src = bool(src_countries) and not any(id(x) in src_ids for x in g)
    src_is_g = any(id(x) in src_ids for x in g)
    # a coordinated subject acts on a third party introduced by a preposition, or on any object
    # of a conflict cue ("تعارض روسيا والصين توسع الناتو"); cooperation around the pair is mutual
    acts = src_is_g and target is not None and not in_g and (target.prep or cue.weight < 0)
    if acts or (in_g and g[0].prep and has_src):
        return None
    x, y = _countries(g)
    return Dyad(x.actor, x.country, y.actor, y.country, False, "pair")


def country_dyads(stance: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Country-level dyads per sentence: persons merged into their country, one row per
    sentence and *unordered* country pair (``a`` < ``b``), with the summed score, label,
    whether any evidence was directed and the direction(s) seen (``A>B``, ``B>A``, ``A~B``)."""
    cols = ["article_id", "sentence_id", "a", "b", "score", "label", "directions", "cues"]
    if stance is None or not len(stance):
        return pd.DataFrame(columns=cols)
    s = stance.copy()
    s["a"] = np.where(s["source_country"] <= s["target_country"], s["source_country"], s["target_country"])
    s["b"] = np.where(s["source_country"] <= s["target_country"], s["target_country"], s["source_country"])
    s["dir"] = [f"{x}>{y}" if d else f"{min(x, y)}~{max(x, y)}" for x, y, d in zip(s["source_country"], s["target_country"], s["directed"])]
    g = s.groupby(["article_id", "sentence_id", "a", "b"], sort=False)
    out = g.agg(score=("score", "sum"), directions=("dir", lambda d: "|".join(sorted(set(d)))), cues=("cues", "; ".join)).reset_index()
    out["score"] = out["score"].clip(-1, 1).round(4)
    out["label"] = [label_from_score(x, threshold) for x in out["score"]]
    return out[cols]
