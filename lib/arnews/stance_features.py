"""Features of the stance pair model (:mod:`arnews.stance_model`): what it reads of a sentence.

* :func:`sentence_views`: one :class:`SentenceView` per sentence of the annotation tables
  (words, country-level mentions, anaphors such as الحلف and the members of group words such
  as الدول الثلاث (:mod:`arnews.stance.groups`), lexicon cues with their
  modifiers, quote speakers, the lexicon method's reading, the codes of the previous
  sentences);
* :func:`pair_contexts`: the candidate pairs of a sentence (every pair of codes it names, plus
  pairs proposed by the lexicon, the quote speaker, a dual reference such as البلدين or the
  previous sentences);
* :func:`pair_features`, :func:`tone_features`: sparse features (dicts) of a pair and of a
  sentence.

>>> feats = pair_features(PairContext(words=["اتهمت", "واشنطن", "بكين", "بالتجسس"], left=1, right=2,
...                                   left_type="country", right_type="country"))
>>> sorted(k for k in feats if k.startswith(("R:", "dist")))
['R:تجسس', 'dist=1']
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations, compress
from operator import attrgetter
from typing import Iterator

import pandas as pd

from .stance.anaphora import ANAPHORS, body_name_keys, remember, resume
from .stance.cues import BREAKS
from .stance.groups import group_mentions, may_name_group, remember_states
from .stance.implicit import implicit_pair_features, implicit_word_features, sentence_facts  # noqa: F401
from .stance.interview import OPENING_SENTENCES, asks_as_you, interviewee, is_answer, quoted_answer, speaks_as_we
from .stance.keys import word_key
from .stance.roles import MentionRole, coordination_features, mention_roles, nearest_cue_features, role_features
from .stance.nisba_head import nisba_features
from .stance.reversal import reversal_features
from .stance.speaker_codes import QUOTE_COLUMNS, speaker_codes

__all__ = ["PAIR_LABELS", "TONE_LABELS", "MAX_CODES", "ANAPHORS", "Mention", "Cue", "SentenceView", "PairContext",
           "word_key", "sentence_views", "pair_contexts", "pair_features", "sentence_word_features", "sentence_word_names",
           "char_grams", "char_features", "tone_features", "tone_evidence_features", "pair_summary"]


PAIR_LABELS = ["none", "cooperation", "conflict", "neutral"]
TONE_LABELS = ["cooperation", "conflict", "neutral"]
STANCE_PAIR_LABELS = ("cooperation", "conflict")  # the pair labels that carry stance
MAX_CODES = 10  # a sentence naming more states than this is a list: only its first MAX_CODES form pairs
_CONTEXT = 3  # words of context before the left and after the right mention
_NEGATORS = frozenset({"لم", "لن", "لا", "ليس", "ليست", "غير", "دون", "عدم", "نفي", "نفت", "رفض", "رفضت", "ينفي", "تنفي"})


_FIRST, _CODE = attrgetter("first"), attrgetter("code")  # of a mention (keys read in C)


def _bin(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


# Sentence views: one record per sentence with what the features need
# ---------------------------------------------------------------------------


@dataclass
class Mention:
    """A country-level mention in a sentence, by word position."""

    code: str
    first: int  # first word position (index into SentenceView.words)
    last: int
    actor_type: str
    surface: str
    in_quote: bool = False


@dataclass
class Cue:
    """A lexicon cue in a sentence, by word position."""

    first: int
    last: int
    cue: str
    category: str
    weight: float
    effective: float
    negated: bool
    conditional: bool
    hedged: bool
    demoted: bool  # topic/background/ended scope


@dataclass
class SentenceView:
    """Everything the model reads about one sentence."""

    article_id: str
    sentence_id: int
    words: list[str]
    mentions: list[Mention] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    speaker_codes: frozenset[str] = frozenset()
    addressed: frozenset[str] = frozenset()  # the interviewee's state, for a question put to it (round 51)
    lexicon_label: str = "neutral"
    lexicon_score: float = 0.0
    lexicon_dyads: dict = field(default_factory=dict)  # (a, b) sorted -> label
    article_pair: tuple[str, str] | None = None  # the article's two most mentioned codes
    pair_ref: bool = False  # the sentence holds a dual reference (البلدين، الجانبان …)
    context: dict[str, int] = field(default_factory=dict)  # codes of the previous sentences -> sentences back
    context_subjects: frozenset[str] = frozenset()  # codes named first in a previous sentence
    context_pairs: dict = field(default_factory=dict)  # pairs named together before -> lexicon label or "named"
    first_is_verb: bool = False  # the sentence opens with a verb (its subject may be dropped)
    breaks: frozenset[int] = frozenset()  # word positions a punctuation break precedes (arnews.stance.clauses)
    keys: list[str] | None = field(default=None, repr=False, compare=False)  # word_key of each word, when made

    def word_keys(self) -> list[str]:
        """:func:`word_key` of each word (made once by :func:`sentence_views`)."""
        if self.keys is None:
            self.keys = list(map(word_key, self.words))
        return self.keys

    def codes(self) -> list[str]:
        """Distinct country codes in order of first mention (at most MAX_CODES)."""
        return list(dict.fromkeys(map(_CODE, sorted(self.mentions, key=_FIRST))))[:MAX_CODES]


@dataclass
class PairContext:
    """The two closest mentions of a pair in a sentence, with their surroundings."""

    words: list[str]
    left: int
    right: int
    left_type: str = "country"
    right_type: str = "country"
    left_end: int | None = None
    cues: list[Cue] = field(default_factory=list)
    lexicon_dyad: str | None = None
    left_in_quote: bool = False
    right_in_quote: bool = False
    speaker_in_pair: bool = False
    n_codes: int = 2
    left_is_first: bool = True
    right_surface: str = ""
    implicit: str = ""  # how a pair not both named in the sentence was proposed (pairref, lexicon, speaker)
    extra: dict[str, float] = field(default_factory=dict)  # further features, already named


def _sentence_words(tokens: pd.DataFrame) -> dict[tuple, list]:
    """Per (article_id, sentence_id), in table order: ``[words, token id -> word position, first
    word is a verb]`` (the sentence's word tokens, in one pass over the table's column lists)."""
    n = len(tokens)
    have = [tokens[c].tolist() if c in tokens.columns else [None] * n for c in ("token_id", "norm", "is_word", "pos")]
    out: dict[tuple, list] = {}
    cur_key, cur = None, None
    for key, tid, norm, is_word, tag in zip(zip(tokens["article_id"].tolist(), tokens["sentence_id"].tolist()), *have):
        if key != cur_key:
            cur_key, cur = key, out.get(key)
            if cur is None:
                cur = out[key] = [[], {}, False, set()]
        if not is_word and norm in BREAKS:
            cur[3].add(len(cur[0]))
        if is_word:
            words = cur[0]
            if not words:
                cur[2] = tag == "verb"
            cur[1][tid] = len(words)
            words.append(norm)
    return out


def _shared_words(sentences) -> dict[tuple, list]:
    """As :func:`_sentence_words`, from the lexicon's :class:`~arnews.stance.cues.TokenSentences`."""
    from operator import itemgetter

    from .stance.cues import Word

    norm, token_id = itemgetter(Word._fields.index("norm")), itemgetter(Word._fields.index("token_id"))
    out: dict[tuple, list] = {}
    for key, _, words, breaks in sentences.runs:
        out[key] = [list(map(norm, words)), dict(zip(map(token_id, words), range(len(words)))),
                    bool(words) and words[0].tag == "verb", set(compress(range(len(breaks)), breaks))]
    return out


def _nearest(pos: dict[int, int], tid: int) -> int:
    if tid in pos:
        return pos[tid]
    keys = [k for k in pos if k <= tid]
    return pos[max(keys)] if keys else 0


def _records(df: pd.DataFrame | None, cols: list[str]) -> dict[tuple, list[tuple]]:
    """Rows of ``cols`` grouped by (article_id, sentence_id), in table order, as plain tuples
    (one pass over column lists: no pandas work per sentence)."""
    out: dict[tuple, list[tuple]] = defaultdict(list)
    if df is None or not len(df):
        return out
    have = [df[c].tolist() if c in df.columns else [None] * len(df) for c in cols]
    for key, row in zip(zip(df["article_id"].tolist(), df["sentence_id"].tolist()), zip(*have)):
        out[key].append(row)
    return out


_MENTION_COLS = ["country", "token_start", "token_end", "actor_type", "surface", "start", "end"]
_CUE_COLS = ["token_start", "token_end", "cue", "category", "weight", "effective", "modifiers", "scope"]


def _mentions(rows: list[tuple], pos: dict[int, int], quotes: list[tuple[int, int]]) -> list[Mention]:
    out = []
    for code, t0, t1, kind, surface, start, end in rows:
        if isinstance(code, str) and code:
            inq = any(qs <= start and end <= qe for qs, qe in quotes) if quotes else False
            out.append(Mention(code, pos[t0] if t0 in pos else _nearest(pos, t0), pos[t1] if t1 in pos else _nearest(pos, t1),
                               str(kind), str(surface), inq))
    return out


def _cues(rows: list[tuple], pos: dict[int, int]) -> list[Cue]:
    out = []
    for t0, t1, cue, cat, weight, eff, mods, scope in rows:
        mods = mods if isinstance(mods, str) else ""
        out.append(Cue(pos[t0] if t0 in pos else _nearest(pos, t0), pos[t1] if t1 in pos else _nearest(pos, t1),
                       cue, cat, float(weight), float(eff),
                       "NEGATE" in mods or "END" in mods, "CONDITION" in mods, "HEDGE" in mods,
                       float(scope if scope is not None else 1.0) < 1.0))
    return out


def sentence_views(tables: dict[str, pd.DataFrame], cues: pd.DataFrame | None = None,
                   sentences=None) -> Iterator[SentenceView]:
    """One :class:`SentenceView` per sentence of the annotation tables.

    ``tables`` holds at least ``tokens`` and ``sentences``; ``mentions``, ``quotes``,
    ``stance_cues``, ``sentence_stance`` and ``stance`` (the lexicon method's tables) are used
    when present. ``sentences``: :class:`arnews.stance.cues.TokenSentences` of the tokens
    table (read once for the lexicon), used when it has one run per sentence.
    """
    cues = cues if cues is not None else tables.get("stance_cues")
    toks = (_shared_words(sentences) if sentences is not None and sentences.usable()
            else _sentence_words(tables["tokens"]))
    men = _records(tables.get("mentions"), _MENTION_COLS)
    cue_g = _records(cues, _CUE_COLS)
    quo = _records(tables.get("quotes"), QUOTE_COLUMNS)
    bounds = _records(tables.get("sentences"), ["start", "end"])
    lex = {k: v[0] for k, v in _records(tables.get("sentence_stance"), ["label", "score"]).items()}
    mtab = tables.get("mentions")
    actor_country = dict(zip(mtab["actor_id"].tolist(), mtab["country"].tolist())) if mtab is not None and len(mtab) else {}
    lex_dyads: dict = defaultdict(dict)
    for key, rows in _records(tables.get("stance"), ["source_country", "target_country", "label"]).items():
        for a, b, label in rows:
            if isinstance(a, str) and isinstance(b, str) and a and b and a != b:
                lex_dyads[key][tuple(sorted((a, b)))] = label
    top2 = _article_pairs(mtab)
    refs = _pair_ref_keys()
    last: dict[str, str] = {}  # "country" -> the state last named in the current article
    blocs: list[str] = []  # the bodies named in the current article, most recent last
    cur_article, history, asked, recent, bodies = None, [], None, [], body_name_keys()
    for key, (words, pos, first_verb, breaks) in toks.items():
        if key[0] != cur_article:
            cur_article, last, blocs, history, asked, recent = key[0], {}, [], [], None, []
        q = quo.get(key, [])
        spans = [(r[0], r[1]) for r in q]
        speakers = speaker_codes(q, actor_country)
        ms = _mentions(men.get(key, []), pos, spans)
        keys = list(map(word_key, words))
        ms += [Mention(r.code, r.at, r.at, "anaphor", r.word) for r in resume(words, ms, last, blocs, keys)]
        if may_name_group(keys):
            ms += [Mention(g.code, g.at, g.end, "group", g.word)
                   for g in group_mentions(words, {m.first: m.code for m in ms}, recent, keys)]
        in_order = sorted(ms, key=_FIRST)
        remember(in_order, last, blocs)
        remember_states([m.code for m in in_order if m.actor_type != "group"], recent, bodies)
        if asked is None and len(history) < OPENING_SENTENCES:
            asked = interviewee(keys, [(m.first, m.code) for m in in_order])
        we = bool(asked) and not speakers and speaks_as_we(words, {i for m in in_order for i in range(m.first, m.last + 1)})
        if asked and (is_answer(words) or we or (not speakers and quoted_answer(spans, bounds.get(key)))):
            speakers = speakers | {asked}
        ls = lex.get(key, ("neutral", 0.0))
        yield SentenceView(
            article_id=key[0], sentence_id=int(key[1]), words=words,
            mentions=ms, cues=_cues(cue_g.get(key, []), pos),
            speaker_codes=speakers, addressed=frozenset({asked} - speakers) if asked and asks_as_you(words) else frozenset(),
            lexicon_label=str(ls[0]), lexicon_score=float(ls[1]),
            lexicon_dyads=lex_dyads.get(key, {}),
            article_pair=top2.get(key[0]), pair_ref=not refs.isdisjoint(keys),
            context=_context(history), context_subjects=_context_subjects(history),
            context_pairs=_context_pairs(history), first_is_verb=first_verb, breaks=frozenset(b for b in breaks if b < len(words)),
            keys=keys,
        )
        history.append(_Seen([m.code for m in in_order], lex_dyads.get(key, {})))


CONTEXT_SENTENCES = 2  # a relation's other side may be named this many sentences back


@dataclass
class _Seen:
    """What an earlier sentence of the article named: codes in order, lexicon dyads."""

    codes: list[str]
    dyads: dict


def _context(history: list[_Seen]) -> dict[str, int]:
    out: dict[str, int] = {}
    for back, seen in enumerate(reversed(history[-CONTEXT_SENTENCES:]), start=1):
        for c in seen.codes:
            out.setdefault(c, back)
    return out


def _context_subjects(history: list[_Seen]) -> frozenset[str]:
    return frozenset(seen.codes[0] for seen in history[-CONTEXT_SENTENCES:] if seen.codes)


def _context_pairs(history: list[_Seen]) -> dict:
    out: dict = {}
    for seen in history[-CONTEXT_SENTENCES:]:
        for p in combinations(sorted(set(seen.codes)), 2):
            out[p] = seen.dyads.get(p, "named")
    return out


def _article_pairs(mentions: pd.DataFrame | None) -> dict[str, tuple[str, str]]:
    """Each article's two most mentioned country codes (sorted), for dual references."""
    if mentions is None or not len(mentions):
        return {}
    m = mentions[mentions["country"].astype(str).str.len() > 0]
    firsts: dict = {}  # the first two codes of each article's counts, in the counts' order
    for aid, code in m.groupby("article_id", sort=False)["country"].value_counts(sort=True).index.tolist():
        codes = firsts.setdefault(aid, [])
        if len(codes) < 2:
            codes.append(code)
    return {aid: tuple(sorted(codes)) for aid, codes in firsts.items() if len(codes) == 2}


@lru_cache(maxsize=1)
def _pair_ref_keys() -> frozenset[str]:
    from .stance.lexicon import default_lexicon

    return frozenset(word_key(w) for w in default_lexicon().pairs)


def _closest(a: list[Mention], b: list[Mention]) -> tuple[Mention, Mention]:
    best = None
    for x in a:
        for y in b:
            d = abs(x.first - y.first)
            if best is None or d < best[0]:
                best = (d, x, y)
    _, x, y = best
    return (x, y) if x.first <= y.first else (y, x)


def _layout_features(mentions: list[Mention], lm: Mention, rm: Mention) -> dict[str, float]:
    """Where a pair stands among the other states of a sentence naming three or more: how many
    other states are named between its two mentions (``between_codes``), and whether each is
    the other's nearest named state (``nearest``: both / one / neither). A state named in
    passing is seldom the nearest partner of the main actors.

    >>> m = [Mention("MEX", 0, 0, "country", "المكسيك"), Mention("USA", 4, 5, "country", "الولايات"),
    ...      Mention("CAN", 8, 8, "country", "كندا")]
    >>> _layout_features(m, m[0], m[2])
    {'between_codes=1': 1.0, 'nearest=neither': 1.0}
    """
    inside = {m.code for m in mentions if lm.last < m.first and m.last < rm.first and m.code not in (lm.code, rm.code)}

    def nearest(x: Mention, y: Mention) -> bool:
        d = abs(x.first - y.first)
        return all(abs(x.first - m.first) >= d for m in mentions if m.code not in (x.code, y.code))

    n = nearest(lm, rm) + nearest(rm, lm)
    return {f"between_codes={min(len(inside), 2)}": 1.0, f"nearest={('neither', 'one', 'both')[n]}": 1.0}


def _roles(view: SentenceView) -> dict[int, MentionRole]:
    """:func:`~arnews.stance.roles.mention_role` of each mention, by its first word."""
    return mention_roles(view.words, view.mentions)


def _pair_role_features(view: SentenceView, roles: dict[int, MentionRole], lm: Mention, rm: Mention,
                        first: str | None) -> list[str]:
    """The names of :mod:`arnews.stance.roles` for a named pair (its two closest mentions)."""
    rl, rr = roles[lm.first], roles[rm.first]
    word = view.words[rm.first]  # a joined و: the word is longer than the name (not واشنطن)
    coordinated = word[:1] == "و" and len(word) > len(rm.surface.split()[0] if rm.surface.split() else word)
    coordinated = coordinated and rm.first - lm.last <= 2
    coordinated = coordinated or (rl.run >= 2 and rl.run_start == rr.run_start)
    out = [*role_features(rl, rr), *coordination_features(rl, rr, coordinated, lm.code == first),
           *nearest_cue_features(view.cues, lm.first, rm.first), f"plexsent:{view.lexicon_label}",
           *nisba_features(view.words, view.mentions, lm, rm)]
    if coordinated:  # what the list does: a joint act (وقعت) or parallel ones (رحبت، هنأت)
        start = rl.run_start if rl.run >= 2 and rl.run_start >= 0 else lm.first
        out.append("coordv:" + (word_key(view.words[start - 1]) if start > 0 else "^"))
        if _says_separately(view.words):  # «في بيانات منفصلة»، «كلٌّ على حدة»: parallel acts, no pair
            out.append("coord:separately")
    return out


def _says_separately(words: list[str]) -> bool:
    """Whether the sentence says its acts were separate (منفصل، منفصلة، منفصلين …، على حدة)."""
    return any(w == "حدة" or word_key(w).startswith("منفصل") for w in words)


def pair_contexts(view: SentenceView) -> Iterator[tuple[str, str, PairContext]]:
    """Candidate pairs of the sentence, as ``(a, b, context)`` with ``a < b``: every pair of
    codes it names, plus pairs proposed without both names — the lexicon method's dyads
    (``lexicon``), the quote speaker's state with a named one (``speaker``), the article's
    main pair for a dual reference such as البلدين (``pairref``), each other state the sentence
    names with each of that pair (``pairthird``: "وتحتفظ روسيا بقواعد عسكرية في البلدين"; session
    33), and the interviewee's state with a state named in a question put to it (``addressed``)."""
    codes = view.codes()
    by_code: dict[str, list[Mention]] = defaultdict(list)
    for m in view.mentions:
        by_code[m.code].append(m)
    first = min(view.mentions, key=_FIRST).code if view.mentions else None
    named = set(combinations(sorted(codes), 2))
    roles = _roles(view) if named else {}
    undone = dict.fromkeys(reversal_features(view.words, view.cues, view.word_keys()), 1.0) if view.cues else {}
    for a, b in sorted(named):
        lm, rm = _closest(by_code[a], by_code[b])
        extra = _layout_features(view.mentions, lm, rm) if len(codes) > 2 else {}
        extra.update(dict.fromkeys(_pair_role_features(view, roles, lm, rm, first), 1.0))
        extra.update(undone)
        yield a, b, PairContext(
            words=view.words, left=lm.first, right=rm.first, left_end=lm.last, cues=view.cues, n_codes=len(codes),
            left_type=lm.actor_type, right_type=rm.actor_type,
            lexicon_dyad=view.lexicon_dyads.get((a, b)), left_in_quote=lm.in_quote, right_in_quote=rm.in_quote,
            speaker_in_pair=bool(view.speaker_codes & {a, b}), left_is_first=lm.code == first, right_surface=rm.surface,
            extra=extra,
        )
    extra: dict[tuple[str, str], str] = {}
    for p in view.lexicon_dyads:
        extra.setdefault(p, "lexicon")
    for s in view.speaker_codes | view.addressed:  # who speaks, or the interviewee a question is put to
        for c in codes:
            if c != s:
                extra.setdefault((s, c) if s <= c else (c, s), "speaker" if s in view.speaker_codes else "addressed")
    if view.pair_ref and view.article_pair:
        extra.setdefault(view.article_pair, "pairref")
        for s_ in (c for c in codes if c not in view.article_pair):
            for c in view.article_pair:
                extra.setdefault((s_, c) if s_ <= c else (c, s_), "pairthird")
    main = view.article_pair or ()
    for c, back in view.context.items():
        if c in by_code or len(codes) >= 2 and c not in main and c not in view.context_subjects:
            continue  # named earlier only in passing, while this sentence names two states of its own
        for s_ in codes:
            extra.setdefault((s_, c) if s_ <= c else (c, s_), f"context{back}")
    if not codes:
        prev = sorted(c for c, back in view.context.items() if back == 1)
        for p in combinations(prev, 2):
            extra.setdefault(p, "context-both")
    facts = sentence_facts(view, len(codes), roles) if extra else None
    for (a, b), how in sorted(extra.items()):
        if (a, b) in named:
            continue
        here = by_code.get(a) or by_code.get(b)
        m = min(here, key=_FIRST) if here else None
        other = b if m is not None and m.code == a else a
        yield a, b, PairContext(words=view.words, left=m.first if m else -1, right=m.first if m else -1,
                                left_type=m.actor_type if m else "", cues=view.cues, n_codes=len(codes),
                                lexicon_dyad=view.lexicon_dyads.get((a, b)), implicit=how,
                                speaker_in_pair=bool(view.speaker_codes & {a, b}), left_is_first=bool(m and m.code == first),
                                extra={**_context_features(view, (a, b), other),
                                       **dict.fromkeys(implicit_pair_features(facts, other, m), 1.0), **undone})


# Features
# ---------------------------------------------------------------------------


def _cue_position(c: Cue, left: int, left_end: int, right: int) -> str:
    if c.last < left:
        return "before"
    if c.first > right:
        return "after"
    if left_end < c.first < right:
        return "between"
    return "on"


def _context_features(view: SentenceView, pair: tuple[str, str], other: str) -> dict[str, float]:
    """Why a pair whose one side is named only earlier may still be related here: that side
    was an earlier subject, the two were named together before (and how the lexicon read
    them), the sentence opens with a verb whose subject is dropped."""
    f: dict[str, float] = {}
    if other in view.context_subjects:
        f["ctx:earlier_subject"] = 1.0
    before = view.context_pairs.get(pair)
    if before:
        f["ctx:named_together_before"] = 1.0
        f[f"ctx:before:{before}"] = 1.0
    if view.first_is_verb:
        f["ctx:opens_with_verb"] = 1.0
        if other in view.context_subjects:
            f["ctx:opens_with_verb:earlier_subject"] = 1.0
    return f


def pair_features(ctx: PairContext) -> dict[str, float]:
    """Sparse features of one pair (see the module docstring)."""
    if ctx.implicit:
        return _implicit_features(ctx)
    w = ctx.words
    left_end = ctx.left_end if ctx.left_end is not None else ctx.left
    between = list(map(word_key, w[left_end + 1:ctx.right]))
    f: dict[str, float] = {"bias": 1.0, f"dist={_bin(ctx.right - left_end, (1, 2, 3, 5, 8, 12, 20))}": 1.0,
                           f"types={ctx.left_type}|{ctx.right_type}": 1.0, f"ncodes={min(ctx.n_codes, 5)}": 1.0,
                           f"lpos={_bin(ctx.left, (0, 1, 3, 6))}": 1.0}
    for k in between:
        f["b:" + k] = 1.0
    if between:
        f[f"bfirst:{between[0]}"] = 1.0
        f[f"blast:{between[-1]}"] = 1.0
    else:
        f["adjacent"] = 1.0
    if ctx.right_surface[:1] == "و" and len(between) <= 1:
        f["coordinated"] = 1.0
    for x in w[max(0, ctx.left - _CONTEXT):ctx.left]:
        f[f"L:{word_key(x)}"] = 1.0
    for x in w[ctx.right + 1:ctx.right + 1 + _CONTEXT]:
        f[f"R:{word_key(x)}"] = 1.0
    if any(x in _NEGATORS for x in w[left_end + 1:ctx.right]):
        f["neg_between"] = 1.0
    if any(x in _NEGATORS for x in w[max(0, ctx.left - 4):ctx.left]):
        f["neg_before"] = 1.0
    if ctx.left_is_first:
        f["left_is_first"] = 1.0
    for c in ctx.cues:
        p = _cue_position(c, ctx.left, left_end, ctx.right)
        k = f"cue:{p}:{c.category}"
        f[k] = f.get(k, 0.0) + 1.0
        k = f"cuesign:{p}:{'+' if c.weight > 0 else '-'}{_modifier(c)}"
        f[k] = f.get(k, 0.0) + 1.0
        f[f"cueword:{c.cue}"] = 1.0
    if ctx.lexicon_dyad:
        f[f"lexdyad:{ctx.lexicon_dyad}"] = 1.0
    if ctx.left_in_quote or ctx.right_in_quote:
        f["in_quote"] = 1.0
    if ctx.speaker_in_pair:
        f["speaker_in_pair"] = 1.0
    f.update(dict.fromkeys(ctx.extra, 1.0))
    return f


def _implicit_features(ctx: PairContext) -> dict[str, float]:
    """A pair proposed without both names in the sentence: no positions, only how it was
    proposed, the lexicon's dyad and the cues."""
    f: dict[str, float] = {"bias": 1.0, f"implicit:{ctx.implicit}": 1.0, f"ncodes={min(ctx.n_codes, 5)}": 1.0,
                           **ctx.extra}
    if ctx.lexicon_dyad:
        f[f"lexdyad:{ctx.lexicon_dyad}"] = 1.0
        f[f"implicit:{ctx.implicit}:lex:{ctx.lexicon_dyad}"] = 1.0
    if ctx.speaker_in_pair:
        f["speaker_in_pair"] = 1.0
    named = ctx.left >= 0
    if named:  # one side is named here: where it stands and what surrounds it
        f[f"implicit:named:{ctx.left_type}"] = 1.0
        f[f"implicit:lpos={_bin(ctx.left, (0, 1, 3, 6))}"] = 1.0
        if ctx.left_is_first:
            f["implicit:named_first"] = 1.0
        for x in ctx.words[max(0, ctx.left - _CONTEXT):ctx.left]:
            f[f"iL:{word_key(x)}"] = 1.0
        for x in ctx.words[ctx.left + 1:ctx.left + 1 + _CONTEXT]:
            f[f"iR:{word_key(x)}"] = 1.0
    for c in ctx.cues:
        p = ("before" if c.last < ctx.left else "after") if named else "any"
        k = f"icue:{p}:{c.category}"
        f[k] = f.get(k, 0.0) + 1.0
        k = f"icuesign:{'+' if c.weight > 0 else '-'}{_modifier(c)}"
        f[k] = f.get(k, 0.0) + 1.0
    return f


def _modifier(c: Cue) -> str:
    return "neg" if c.negated else ("cond" if c.conditional else ("hedge" if c.hedged else ("bg" if c.demoted else "")))


def sentence_word_features(view: SentenceView, prefix: str = "s:", weight: float = 0.5,
                           bigrams: bool = True) -> dict[str, float]:
    """Unigrams and (unless ``bigrams`` is False) bigrams of the sentence's word keys
    (:func:`sentence_word_names`); the pair layer reads both unless
    :data:`arnews.stance_train.PAIR_BIGRAMS` is False (the model records it).

    >>> v = SentenceView("a", 0, ["دعمت", "الاتفاق"])
    >>> sorted(sentence_word_features(v, bigrams=False)), len(sentence_word_features(v))
    (['s:اتفاق', 's:دعمت'], 3)
    """
    return dict.fromkeys(sentence_word_names(view, prefix, bigrams), weight)


def sentence_word_names(view: SentenceView, prefix: str = "s:", bigrams: bool = True) -> list[str]:
    """The names of :func:`sentence_word_features`: unigrams, then bigrams (repeats included)."""
    keys = list(map(word_key, view.words))
    if not bigrams:
        return [prefix + k for k in keys]
    return [prefix + k for k in keys] + [f"{prefix}{a}_{b}" for a, b in zip(keys, keys[1:])]


@lru_cache(maxsize=200_000)
def char_grams(key: str) -> tuple[str, ...]:
    """The character 3–5-gram feature names of one word key (cached)."""
    w = f"<{key}>"
    return tuple(f"c:{w[i:i + n]}" for n in (3, 4, 5) for i in range(len(w) - n + 1))


def char_features(view: SentenceView, weight: float = 0.3) -> dict[str, float]:
    """Character 3–5-grams of the sentence's word keys (inflections share most of them)."""
    return {g: weight for w in view.words for g in char_grams(word_key(w))}


def tone_features(view: SentenceView, pair_probs: list[dict[str, float]]) -> dict[str, float]:
    """Features of the sentence-tone layer: words, character n-grams, lexicon evidence and the
    pair layer's output."""
    f = tone_evidence_features(view, pair_probs)
    f.update(char_features(view))
    return f


def tone_evidence_features(view: SentenceView, pair_probs: list[dict[str, float]]) -> dict[str, float]:
    """The tone layer's features without character n-grams (what its evidence is drawn from)."""
    f = sentence_word_features(view, weight=1.0)
    f["bias"] = 1.0
    f[f"lexsent:{view.lexicon_label}"] = 1.0
    f["lexscore"] = view.lexicon_score
    f[f"ncodes={min(len(view.codes()), 5)}"] = 1.0
    for c in view.cues:
        k = f"cue:{c.category}:{_modifier(c)}"
        f[k] = f.get(k, 0.0) + 1.0
    f.update(pair_summary(pair_probs))
    return f


def pair_summary(pair_probs: list[dict[str, float]]) -> dict[str, float]:
    """What the tone layer reads of the pair layer's output: the highest probability of each
    relation label and the number of pairs more likely related than not."""
    out = {f"pmax:{lab}": max((p[lab] for p in pair_probs), default=0.0) for lab in PAIR_LABELS[1:]}
    out["npairs"] = float(sum(1 for p in pair_probs if p["none"] < 0.5))
    return out


# The helpers of pair_features under public names, for the model's column fast path
# (stance_model.LinearLayer.pair_entries, which must give the same features).
CONTEXT_WORDS, NEGATORS, bin_label, cue_position, cue_modifier = _CONTEXT, _NEGATORS, _bin, _cue_position, _modifier
