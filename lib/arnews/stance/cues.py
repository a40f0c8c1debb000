"""Stance cues: lexicon entries matched on tokens, clitic-aware, with their modifiers
(negation, ending, condition, hedge, topic and background scope, relation quality).

>>> from arnews.text import sentences_table, tokens_table
>>> s = sentences_table(pd.DataFrame({"article_id": ["a"], "clean_text": ["لم تشحن أسلحة إلى روسيا."]}))
>>> match_cues(tokens_table(s))[["cue", "effective", "modifiers"]].values.tolist()
[['شحن اسلحة', 0.0, 'NEGATE:لم']]
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Iterable, NamedTuple

import pandas as pd

from ..resources import TYPE_CACHE_LIMIT
from ..wordforms import conjunction_forms, cue_forms
from .lexicon import Lexicon, default_lexicon, norm_word, require_columns

__all__ = ["candidate_forms", "match_cues", "sentence_words", "CUE_COLUMNS", "Word", "CueEntry", "CueHit", "WordInfo",
           "TokenSentences"]


#: Forms a normalized token may stand for once clitics and affixes are stripped (see
#: :func:`arnews.wordforms.cue_forms`).
candidate_forms = cue_forms


@lru_cache(maxsize=500_000)
def _word_forms(norm: str, lemma) -> frozenset[str]:
    """Candidate forms of a token plus its (normalized) lemma when the lemmas stage ran."""
    f = cue_forms(norm)
    if isinstance(lemma, str) and lemma:
        f = f | {norm_word(lemma)}
    return f



_BREAKS = frozenset({"،", ",", ".", "؛", ";", ":", "؟", "?", "!", "–", "—"})
BREAKS = _BREAKS  # punctuation that breaks a clause (read by arnews.stance.clauses via the model's views)
CUE_COLUMNS = [
    "article_id", "sentence_id", "w_start", "w_end", "token_start", "token_end", "start", "end",
    "text", "cue", "category", "weight", "factor", "effective", "modifiers", "scope", "dyad_weight", "source_from",
]


class Word(NamedTuple):
    """One token of a sentence, as the rule engines see it."""

    token_id: int
    start: int
    norm: str
    is_word: bool
    end: int
    surface: str
    lemma: object = None
    tag: object = None  # part of speech (the tokens' ``pos`` column), when present


class CueEntry(NamedTuple):
    """A lexicon cue (or a relation-quality predicate found in the text)."""

    cue: str
    category: str
    weight: float
    words: tuple[str, ...]


class WordInfo(NamedTuple):
    """What one distinct (norm, lemma) can start or be (cached per lexicon)."""

    forms: frozenset  # clitic-aware candidate forms (and the lemma)
    plain: tuple  # the word, and without و/ف
    cue_firsts: tuple  # forms that start a cue
    relation: bool  # a RELATION noun
    quality: bool  # starts a QUALITY predicate
    scoped: bool  # starts a TOPIC or BACKGROUND marker
    negator: bool  # starts a negator
    sentence_modifier: bool  # starts a CONDITION or HEDGE
    negator_forms: tuple  # the forms negators are matched on


@dataclass
class CueHit:
    """A cue found in a sentence (word positions ``a``..``b``) and what modifies it."""

    a: int
    b: int
    entry: CueEntry
    factor: float = 1.0  # product of all modifiers (the sentence score)
    modifiers: list = field(default_factory=list)
    scope: float = 1.0  # the part of ``factor`` due to TOPIC/BACKGROUND/END
    kept: float = 1.0  # the part of ``factor`` a dyad keeps (negation, condition, hedge)
    source_from: int = 0  # first word position where the cue's source may stand


def sentence_words(tok: list[Word]) -> tuple[list[Word], list[bool]]:
    """Split a sentence's tokens into word tokens plus, per word, whether a clause break precedes it."""
    words, breaks = [], []
    brk = False
    for r in tok:
        if r.is_word:
            words.append(r)
            breaks.append(brk)
            brk = False
        elif r.norm in _BREAKS:
            brk = True
    return words, breaks


def _match_seq(forms: list[frozenset], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(forms):
        return False
    return all(w in forms[i + k] for k, w in enumerate(words))


def _first_word_index(table: dict) -> dict:
    """``{first word: [(words, factor), …]}``, longest entries first."""
    idx: dict = {}
    for ws, f in table.items():
        idx.setdefault(ws[0], []).append((ws, f))
    for v in idx.values():
        v.sort(key=lambda t: -len(t[0]))
    return idx


_INDEXES: "weakref.WeakKeyDictionary[Lexicon, dict]" = weakref.WeakKeyDictionary()


def _lexicon_indexes(lex: Lexicon) -> dict:
    """First-word indexes of the lexicon's modifier tables, built once per Lexicon object."""
    ix = _INDEXES.get(lex)
    if ix is None:
        ix = {name: _first_word_index(getattr(lex, name)) for name in
              ("negators", "conditions", "hedges", "topics", "backgrounds", "qualities")}
        ix["rows"] = [CueEntry(*r) for r in zip(lex.cues["cue"], lex.cues["category"],
                                               lex.cues["weight"].astype(float), lex.cues["words"])]
        ix["end_words"] = frozenset(ws[0] for ws in lex.enders)
        ix["info"] = {}
        # the cue index with each entry's rank (longest, most letters, earliest in the lexicon), best first
        ix["ranked"] = {first: sorted((((len(ws), sum(map(len, ws)), -pos), ws, pos) for ws, pos in entries), reverse=True)
                        for first, entries in lex.index.items()}
        _INDEXES[lex] = ix
    return ix


def _word_info(ix: dict, lex: Lexicon, norm: str, lemma) -> WordInfo:
    """Per distinct (norm, lemma): its forms, conjunction-stripped forms, and which of them start
    a cue, a quality, a topic or background marker, a negator, a condition/hedge (cached)."""
    cache = ix["info"]
    k = (norm, lemma)
    v = cache.get(k)
    if v is None:
        forms = _word_forms(norm, lemma)
        plain = conjunction_forms(norm)
        # negators are matched on the word with و/ف stripped (لم، ولا); long ones and END words
        # (انهاء، خفف) also with other clitics and affixes stripped (لإنهاء، خففت، يخفف)
        negf = plain + tuple(f for f in forms if (len(f) >= 4 or f in ix["end_words"]) and f not in plain)
        v = WordInfo(forms, plain, tuple(f for f in forms if f in lex.index), not lex.relations.isdisjoint(forms),
                     any(f in ix["qualities"] for f in forms), any(f in ix["topics"] or f in ix["backgrounds"] for f in forms),
                     any(p in ix["negators"] for p in negf), any(p in ix["conditions"] or p in ix["hedges"] for p in plain),
                     negf)
        if len(cache) > TYPE_CACHE_LIMIT:
            cache.clear()
        cache[k] = v
    return v


def _match_modifier(plain: list[tuple[str, ...]], i: int, index: dict) -> tuple[tuple[str, ...], float] | None:
    for first in plain[i]:
        for words, f in index.get(first, ()):
            if i + len(words) <= len(plain) and all(words[k] in plain[i + k] for k in range(1, len(words))):
                return words, f
    return None


def match_cues(
    tokens: pd.DataFrame,
    lexicon: Lexicon | None = None,
    *,
    negation_window: int = 4,
    sentences: "TokenSentences | None" = None,
) -> pd.DataFrame:
    """Find lexicon cues in a tokens table (one row per cue occurrence, with its modifiers).

    Columns: ``article_id, sentence_id, w_start, w_end`` (word positions in the sentence),
    ``token_start, token_end`` (token_id), ``start, end`` (offsets in clean_text), ``text``
    (the matched tokens), ``cue, category, weight``, ``factor`` (product of the modifiers),
    ``effective`` (weight × factor), ``modifiers`` (e.g. ``"NEGATE:لم"``), ``scope`` (the part
    of ``factor`` due to TOPIC/BACKGROUND/END markers: it demotes a cue for the sentence label,
    not for the dyad it reports), ``dyad_weight`` (weight × the other factors: negation,
    condition, hedge) and ``source_from`` (the first word position where the cue's source may
    stand: the cue itself for a topic of talk or something ended, whose parties are not the
    subject of the sentence; 0 otherwise).

    >>> from arnews.text import sentences_table, tokens_table
    >>> s = sentences_table(pd.DataFrame({"article_id": ["a"], "clean_text": ["لم تشحن أسلحة إلى روسيا."]}))
    >>> match_cues(tokens_table(s))[["cue", "effective", "modifiers"]].values.tolist()
    [['شحن اسلحة', 0.0, 'NEGATE:لم']]

    ``sentences``: the tokens table already read (:class:`TokenSentences`), to share it with
    the dyads and the model's sentence views.
    """
    lex = lexicon or default_lexicon()
    require_columns(tokens, ["article_id", "sentence_id", "token_id", "start", "end", "norm"], "tokens")
    out: list[tuple] = []
    matcher = _SentenceMatcher(lex, negation_window)
    for key, toks, words, breaks in (sentences or TokenSentences(tokens)).runs:
        out.extend(matcher.match(key, toks, (words, breaks)))
    return pd.DataFrame(out, columns=CUE_COLUMNS)


class TokenSentences:
    """A tokens table read once for the stance rules: per run of a sentence's tokens (table
    order) ``(key, tokens, word tokens, clause breaks)`` (:class:`Word` records,
    :func:`sentence_words`), and by key when every sentence is one run (``by_key``, else None).
    ``has_is_word``: the table has an ``is_word`` column (the dyad rules and the model's views
    read the words from here only then: without it each guesses word tokens its own way)."""

    def __init__(self, tokens: pd.DataFrame):
        self.runs = [(key, toks, *sentence_words(toks)) for key, toks in _sentences(tokens)]
        self.has_is_word = "is_word" in tokens.columns
        by_key = {r[0]: r for r in self.runs}
        self.by_key = by_key if len(by_key) == len(self.runs) else None

    def usable(self) -> bool:
        """Whether the dyads and views can read their words from here."""
        return self.has_is_word and self.by_key is not None


def _sentences(tokens: pd.DataFrame):
    """``((article_id, sentence_id), [Word, …])`` per sentence, in table order."""
    norm = tokens["norm"].tolist()
    is_word = tokens["is_word"].tolist() if "is_word" in tokens.columns else tokens["norm"].str.contains(r"\w", regex=True).tolist()
    lemma = tokens["lemma"].tolist() if "lemma" in tokens.columns else [None] * len(tokens)
    surface = tokens["surface"].tolist() if "surface" in tokens.columns else norm
    tag = tokens["pos"].tolist() if "pos" in tokens.columns else [None] * len(tokens)
    # every token's Word at once (tuple.__new__ is what Word._make calls), then the runs of equal keys
    words = list(map(tuple.__new__, repeat(Word), zip(tokens["token_id"].tolist(), tokens["start"].tolist(), norm,
                                                      map(bool, is_word), tokens["end"].tolist(), surface, lemma, tag)))
    keys = list(zip(tokens["article_id"].tolist(), tokens["sentence_id"].tolist()))
    bounds = [i for i, (x, y) in enumerate(zip(keys, keys[1:]), 1) if x != y]
    for lo, hi in zip([0, *bounds], [*bounds, len(keys)]):
        if hi > lo:
            yield keys[lo], words[lo:hi]


_SCOPE_SKIP_AFTER = frozenset({"من", "فيما", "عن"})  # "من قبل" (by), "فيما بعد" (later), "عن بعد" (remote) are not markers
_TOPIC_WINDOW, _BACKGROUND_WINDOW, _QUALITY_AFTER, _QUALITY_BEFORE = 8, 8, 6, 3


def _scan_forms(forms: list, index: dict, positions: Iterable[int] | None = None) -> list[tuple[int, int, tuple, float]]:
    """Occurrences (start, end, words, weight) of a first-word-indexed table in clitic-aware
    forms (at each position, among ``positions`` when given, the longest entry)."""
    out = []
    for j in (range(len(forms)) if positions is None else positions):
        best = None
        for first in forms[j]:
            for ws, f in index.get(first, ()):
                if (best is None or (len(ws), sum(map(len, ws)), ws) > (len(best[0]), sum(map(len, best[0])), best[0])) \
                        and _match_seq(forms, j, ws):
                    best = (ws, f)
                    break
        if best:
            out.append((j, j + len(best[0]) - 1, best[0], best[1]))
    return out


# field readers of Word and WordInfo records (C-level, for map over a sentence's words)
_NORM_LEMMA = itemgetter(2, 6)  # Word: (norm, lemma), the key of the per-type cache
_FORMS, _PLAIN, _CUE_FIRSTS, _RELATION, _QUALITY, _SCOPED, _NEGATOR, _SENTENCE_MODIFIER, _NEGATOR_FORMS = (
    itemgetter(k) for k in range(9))


class _SentenceMatcher:
    """Cue matching in one sentence, step by step (each step a method): cues, relation-quality
    predicates, negators, scoped markers, sentence modifiers, output rows."""

    def __init__(self, lex: Lexicon, window: int):
        self.lex = lex
        self.ix = _lexicon_indexes(lex)
        self.window = window

    def match(self, key: tuple, tokens: list[Word], split: tuple | None = None) -> list[tuple]:
        """Cue rows of one sentence, as tuples in :data:`CUE_COLUMNS` order (``split``:
        :func:`sentence_words` of ``tokens``, when known)."""
        words, self.breaks = split if split is not None else sentence_words(tokens)
        if not words:
            return []
        ix, lex, cache = self.ix, self.lex, self.ix["info"]
        keys = list(map(_NORM_LEMMA, words))
        info = list(map(cache.get, keys))
        if None in info:
            info = [x or _word_info(ix, lex, *k) for x, k in zip(info, keys)]
        self.info = info
        has_quality = any(map(_QUALITY, info)) and any(map(_RELATION, info))
        if not any(map(_CUE_FIRSTS, info)) and not has_quality:
            return []
        self.words = words
        self.forms = list(map(_FORMS, info))
        self.plain = list(map(_PLAIN, info))
        self.negf = list(map(_NEGATOR_FORMS, info))
        found = self._cues()
        if has_quality:
            found = self._quality_cues(found)
        found = self._negate(found)
        self._scope(found)
        self._sentence_modifiers(found)
        return [self._row(key, c) for c in found]

    def _clause_ok(self, lo: int, hi: int) -> bool:
        """No clause break before any word in lo..hi."""
        return not any(self.breaks[k] for k in range(lo, hi + 1))

    def _cues(self) -> list[CueHit]:
        """Cues, longest match first, no overlaps; among equally long ones the most specific
        form, then lexicon order."""
        found, after = [], 0  # after: the first position a new cue may start at
        ranked, forms = self.ix["ranked"], self.forms
        for i, x in enumerate(self.info):  # only words that can start a cue can hold one
            if not x.cue_firsts or i < after:
                continue
            hit = None  # the best-ranked entry that matches: per first word, its first match in rank order
            for first in x.cue_firsts:
                for rank, ws, pos in ranked.get(first, ()):
                    if hit is not None and rank <= hit[2]:
                        break
                    if _match_seq(forms, i, ws):
                        hit = (ws, pos, rank)
                        break
            if hit:
                found.append(CueHit(i, i + len(hit[0]) - 1, self.ix["rows"][hit[1]]))
                after = i + len(hit[0])
        return found

    def _quality_cues(self, found: list[CueHit]) -> list[CueHit]:
        """Relation-quality predicates: a QUALITY word near a RELATION noun ("العلاقات ...
        الاقوي", "ربيع العلاقات", "العلاقات متوترة") is a cue of its own sign."""
        n = len(self.words)
        rel = [j for j in range(n) if self.info[j].relation]
        if not rel:
            return found
        taken = {k for c in found for k in range(c.a, c.b + 1)}
        for qa, qb, ws, w in _scan_forms(self.forms, self.ix["qualities"], [j for j in range(n) if self.info[j].quality]):
            if any(k in taken for k in range(qa, qb + 1)):
                continue
            r = next((j for j in rel if 0 < qa - j <= _QUALITY_AFTER or 0 < j - qb <= _QUALITY_BEFORE), None)
            if r is None:
                continue
            entry = CueEntry(" ".join(ws), "COOPERATE" if w > 0 else "DISAPPROVE", w, ws)
            found.append(CueHit(qa, qb, entry, modifiers=[f"RELATION:{self.words[r].norm}"]))
            taken.update(range(qa, qb + 1))
        found.sort(key=lambda c: c.a)
        return found

    def _negators(self, found: list[CueHit]) -> list[tuple[int, int, tuple]]:
        """Negator words (or a REJECT cue that is also a negator, e.g. رفض) and their positions."""
        neg_pos = []
        cue_at = {c.a: c for c in found}
        inner = {k for c in found for k in range(c.a + 1, c.b + 1)}
        negators = self.lex.negators
        # only a negator word or a cue's first word can be a negator
        for j in sorted({k for k, x in enumerate(self.info) if x.negator} | cue_at.keys()):
            c0 = cue_at.get(j)
            if c0 is not None and c0.b > j or j in inner:  # part of a multi-word cue ("بلا حدود"، "جزء لا يتجزأ")
                continue
            m = _match_modifier(self.negf, j, self.ix["negators"]) if self.info[j].negator else None
            if m is None and c0 is not None and c0.entry.words in negators:  # a cue that is also a negator (رفض)
                m = (c0.entry.words, negators[c0.entry.words])
            if m:
                neg_pos.append((j, j + len(m[0]) - 1, m))
        return neg_pos

    def _negate(self, found: list[CueHit]) -> list[CueHit]:
        """A negator up to ``window`` words before a cue, in its clause, cancels it; an END word
        removes it from the sentence score but keeps the relation for the dyad."""
        consumed = set()
        for a, b, (ws, f) in self._negators(found):
            for c in found:
                if c.a <= b:
                    continue
                if c.a - b > self.window or not self._clause_ok(b + 1, c.a):
                    break
                c.factor *= f
                if ws in self.lex.enders:  # ending/easing: gone from the sentence score, still a relation
                    c.scope *= f
                    c.source_from = max(c.source_from, c.a)  # whose relation it is is not the subject of "ending" it
                    c.modifiers.append("END:" + " ".join(ws))
                else:
                    c.kept *= f
                    c.modifiers.append("NEGATE:" + " ".join(ws))
                consumed.update(id(d) for d in found if d.a == a and d is not c)  # a cue used as negator (رفض + cue)
                break
        return [c for c in found if id(c) not in consumed]

    def _scope(self, found: list[CueHit]) -> None:
        """A TOPIC marker (ناقش، بحث، تحدث عن …) makes the cues that follow it in its clause the
        topic of talk, not a stance; a BACKGROUND marker (منذ، بعد، بسبب، رغم، حيث …) makes
        them background to the main assertion. Each weakens the cues by its factor."""
        if not found:
            return
        positions = [j for j, x in enumerate(map(_SCOPED, self.info)) if x]
        if not positions:
            return
        for table, name, span in ((self.ix["topics"], "TOPIC", _TOPIC_WINDOW), (self.ix["backgrounds"], "BACKGROUND", _BACKGROUND_WINDOW)):
            if not table:
                continue
            for ma, mb, ws, f in _scan_forms(self.forms, table, positions):
                if f == 1.0 or len(ws) == 1 and ma > 0 and not _SCOPE_SKIP_AFTER.isdisjoint(self.plain[ma - 1]):
                    continue  # a factor-1 entry ("بعد ذلك") only shields its words from a shorter marker
                for c in found:
                    if self._in_scope(c, mb, span, name):
                        c.factor *= f
                        c.scope *= f
                        if name == "TOPIC":  # the parties of a topic are not the ones talking about it
                            c.source_from = max(c.source_from, c.a)
                        c.modifiers.append(f"{name}:" + " ".join(ws))

    def _in_scope(self, c: CueHit, marker_end: int, span: int, name: str) -> bool:
        if c.a <= marker_end or c.a - marker_end > span or not self._clause_ok(marker_end + 1, c.a):
            return False
        if any(m.startswith(name) for m in c.modifiers):
            return False
        # talking about cooperation ("ناقشا تطوير العلاقات") is cooperative; a war is a topic
        return not (name == "TOPIC" and c.entry.weight > 0)

    def _sentence_modifiers(self, found: list[CueHit]) -> None:
        """Conditionals (threats excepted) and hedges weaken every cue of the sentence."""
        positions = [j for j, x in enumerate(map(_SENTENCE_MODIFIER, self.info)) if x] if found else []
        for table, name in ((self.ix["conditions"], "CONDITION"), (self.ix["hedges"], "HEDGE")):
            if not positions:
                break
            for j in positions:
                m = _match_modifier(self.plain, j, table)
                if m:
                    for c in found:
                        if name == "CONDITION" and c.entry.category == "THREATEN":
                            continue
                        c.factor *= m[1]
                        c.kept *= m[1]
                        c.modifiers.append(f"{name}:" + " ".join(m[0]))
                    break

    def _row(self, key: tuple, c: CueHit) -> tuple:
        """The cue's row, as a tuple in :data:`CUE_COLUMNS` order."""
        wa, wb = self.words[c.a], self.words[c.b]
        weight = float(c.entry.weight)
        return (key[0], key[1], c.a, c.b, wa.token_id, wb.token_id, wa.start, wb.end,
                " ".join(w.surface for w in self.words[c.a : c.b + 1]), c.entry.cue, c.entry.category, weight,
                float(c.factor), round(weight * c.factor, 6), ";".join(c.modifiers), float(c.scope),
                round(weight * c.kept, 6), int(c.source_from))
