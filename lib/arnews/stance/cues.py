"""Stance cues: lexicon entries matched on tokens, clitic-aware, with their modifiers
(negation, ending, condition, hedge, topic and background scope, relation quality).

>>> from arnews.text import sentences_table, tokens_table
>>> s = sentences_table(pd.DataFrame({"article_id": ["a"], "clean_text": ["لم تشحن أسلحة إلى روسيا."]}))
>>> match_cues(tokens_table(s))[["cue", "effective", "modifiers"]].values.tolist()
[['شحن اسلحة', 0.0, 'NEGATE:لم']]
"""
from __future__ import annotations

import weakref
from functools import lru_cache
from typing import Iterable

import pandas as pd

from ..resources import TYPE_CACHE_LIMIT
from ..wordforms import conjunction_forms, cue_forms
from .lexicon import Lexicon, default_lexicon, norm_word, require_columns

__all__ = ["candidate_forms", "match_cues", "sentence_words", "CUE_COLUMNS"]


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
CUE_COLUMNS = [
    "article_id", "sentence_id", "w_start", "w_end", "token_start", "token_end", "start", "end",
    "text", "cue", "category", "weight", "factor", "effective", "modifiers", "scope", "dyad_weight", "source_from",
]


def sentence_words(tok: pd.DataFrame):
    """Split a sentence's tokens into word tokens plus, per word, whether a clause break precedes it."""
    words, breaks = [], []
    brk = False
    for r in tok:
        if r[3]:  # is_word
            words.append(r)
            breaks.append(brk)
            brk = False
        elif r[2] in _BREAKS:
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
        ix["rows"] = list(zip(lex.cues["cue"], lex.cues["category"], lex.cues["weight"].astype(float), lex.cues["words"]))
        ix["end_words"] = frozenset(ws[0] for ws in lex.enders)
        ix["info"] = {}
        _INDEXES[lex] = ix
    return ix


def _word_info(ix: dict, lex: Lexicon, norm: str, lemma) -> tuple:
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
        v = (forms, plain, tuple(f for f in forms if f in lex.index), not lex.relations.isdisjoint(forms),
             any(f in ix["qualities"] for f in forms), any(f in ix["topics"] or f in ix["backgrounds"] for f in forms),
             any(p in ix["negators"] for p in negf), any(p in ix["conditions"] or p in ix["hedges"] for p in plain), negf)
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
    """
    lex = lexicon or default_lexicon()
    require_columns(tokens, ["article_id", "sentence_id", "token_id", "start", "end", "norm"], "tokens")
    idx = lex.index
    ix = _lexicon_indexes(lex)
    rows = ix["rows"]
    norm = tokens["norm"].tolist()
    is_word = tokens["is_word"].tolist() if "is_word" in tokens.columns else tokens["norm"].str.contains(r"\w", regex=True).tolist()
    lemma = tokens["lemma"].tolist() if "lemma" in tokens.columns else [None] * len(tokens)
    surface = tokens["surface"].tolist() if "surface" in tokens.columns else norm
    cols = zip(
        tokens["article_id"].tolist(), tokens["sentence_id"].tolist(), norm, is_word, tokens["token_id"].tolist(),
        tokens["start"].tolist(), tokens["end"].tolist(), surface, lemma,
    )
    out: list[dict] = []
    cur_key, buf = None, []
    for row in cols:
        key = (row[0], row[1])
        if key != cur_key and buf:
            out.extend(_match_sentence(cur_key, buf, idx, rows, lex, ix, negation_window))
            buf = []
        cur_key = key
        # (token_id, start, norm, is_word, end, surface, lemma)
        buf.append((row[4], row[5], row[2], bool(row[3]), row[6], row[7], row[8]))
    if buf:
        out.extend(_match_sentence(cur_key, buf, idx, rows, lex, ix, negation_window))
    return pd.DataFrame(out, columns=CUE_COLUMNS)


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


def _match_sentence(key, buf, idx, rows, lex: Lexicon, ix: dict, window: int) -> list[dict]:
    words, breaks = sentence_words(buf)
    if not words:
        return []
    info = [_word_info(ix, lex, w[2], w[6]) for w in words]
    has_cue = any(x[2] for x in info)
    has_quality = any(x[4] for x in info) and any(x[3] for x in info)
    if not has_cue and not has_quality:
        return []
    forms = [x[0] for x in info]
    plain = [x[1] for x in info]
    negf = [x[8] for x in info]
    n = len(words)

    def clause_ok(lo: int, hi: int) -> bool:  # no clause break before any word in lo..hi
        return not any(breaks[k] for k in range(lo, hi + 1))

    # 1. cues, longest match first, no overlaps. An entry: [a, b, row or None, factor, mods, meta]
    found = []
    i = 0
    while i < n:
        hit = None  # the longest cue; among equally long ones the most specific form, then lexicon order
        for first in info[i][2]:
            for ws, pos in idx.get(first, ()):
                rank = (len(ws), sum(map(len, ws)), -pos)
                if (hit is None or rank > hit[2]) and _match_seq(forms, i, ws):
                    hit = (ws, pos, rank)
        if hit:
            found.append([i, i + len(hit[0]) - 1, rows[hit[1]], 1.0, [], 1.0, 1.0, 0])
            i += len(hit[0])
        else:
            i += 1
    # 1b. relation-quality predicates: a QUALITY word near a RELATION noun ("العلاقات ... الاقوي",
    #     "ربيع العلاقات", "العلاقات متوترة") is a cue of its own sign
    if has_quality:
        rel = [j for j in range(n) if info[j][3]]
        if rel:
            taken = set()
            for c in found:
                taken.update(range(c[0], c[1] + 1))
            for qa, qb, ws, w in _scan_forms(forms, ix["qualities"], [j for j in range(n) if info[j][4]]):
                if any(k in taken for k in range(qa, qb + 1)):
                    continue
                r = next((j for j in rel if 0 < qa - j <= _QUALITY_AFTER or 0 < j - qb <= _QUALITY_BEFORE), None)
                if r is None:
                    continue
                cat = "COOPERATE" if w > 0 else "DISAPPROVE"
                found.append([qa, qb, (" ".join(ws), cat, w, ws), 1.0, [f"RELATION:{words[r][2]}"], 1.0, 1.0, 0])
                taken.update(range(qa, qb + 1))
            found.sort(key=lambda c: c[0])
    # 2. negators: a negator word (or a REJECT cue that is also a negator, e.g. رفض) before a cue
    neg_pos = []
    cue_at = {c[0]: c for c in found}
    inner = {k for c in found for k in range(c[0] + 1, c[1] + 1)}
    for j in range(n):
        c0 = cue_at.get(j)
        if c0 is not None and c0[1] > j or j in inner:  # part of a multi-word cue ("بلا حدود"، "جزء لا يتجزأ")
            continue
        m = _match_modifier(negf, j, ix["negators"]) if info[j][6] else None
        if m is None and c0 is not None and c0[2][3] in lex.negators:  # a cue that is also a negator (رفض)
            m = (c0[2][3], lex.negators[c0[2][3]])
        if m:
            neg_pos.append((j, j + len(m[0]) - 1, m))
    consumed = set()
    for a, b, (ws, f) in neg_pos:
        for c in found:
            if c[0] <= b:
                continue
            if c[0] - b > window:
                break
            if not clause_ok(b + 1, c[0]):
                break
            c[3] *= f
            if ws in lex.enders:  # ending/easing: gone from the sentence score, still a relation
                c[5] *= f
                c[7] = max(c[7], c[0])  # whose relation it is is not the subject of "ending" it
                c[4].append("END:" + " ".join(ws))
            else:
                c[6] *= f
                c[4].append("NEGATE:" + " ".join(ws))
            for d in found:  # a cue used as negator (رفض + cue) is not counted itself
                if d[0] == a and d is not c:
                    consumed.add(id(d))
            break
    found = [c for c in found if id(c) not in consumed]
    # 3. scoped modifiers: a TOPIC marker (ناقش، بحث، تحدث عن …) makes the cues that follow it in its
    #    clause the topic of talk, not a stance; a BACKGROUND marker (منذ، بعد، بسبب، رغم، حيث …)
    #    makes them background to the main assertion. Each weakens the cues by its factor.
    has_scope = any(x[5] for x in info)
    for table, name, span in ((ix["topics"], "TOPIC", _TOPIC_WINDOW), (ix["backgrounds"], "BACKGROUND", _BACKGROUND_WINDOW)):
        if not table or not found or not has_scope:
            continue
        for ma, mb, ws, f in _scan_forms(forms, table, [j for j in range(n) if info[j][5]]):
            if f == 1.0 or len(ws) == 1 and ma > 0 and not _SCOPE_SKIP_AFTER.isdisjoint(plain[ma - 1]):
                continue  # a factor-1 entry ("بعد ذلك") only shields its words from a shorter marker
            for c in found:
                if c[0] <= mb or c[0] - mb > span or not clause_ok(mb + 1, c[0]):
                    continue
                if any(m.startswith(name) for m in c[4]):
                    continue
                if name == "TOPIC" and c[2][2] > 0:
                    continue  # talking about cooperation ("ناقشا تطوير العلاقات") is cooperative; a war is a topic
                c[3] *= f
                c[5] *= f
                if name == "TOPIC":  # the parties of a topic are not the ones talking about it ("ناقش بوتين وشي الحرب")
                    c[7] = max(c[7], c[0])
                c[4].append(f"{name}:" + " ".join(ws))
    # 4. conditionals and hedges over the sentence
    for table, name in ((ix["conditions"], "CONDITION"), (ix["hedges"], "HEDGE")):
        if not found or not any(x[7] for x in info):
            break
        for j in range(n):
            m = _match_modifier(plain, j, table) if info[j][7] else None
            if m:
                for c in found:
                    if name == "CONDITION" and c[2][1] == "THREATEN":
                        continue
                    c[3] *= m[1]
                    c[6] *= m[1]
                    c[4].append(f"{name}:" + " ".join(m[0]))
                break
    out = []
    for a, b, (cue, cat, weight, _), factor, mods, scope, kept, source_from in found:
        wa, wb = words[a], words[b]
        out.append(
            {
                "article_id": key[0], "sentence_id": key[1], "w_start": a, "w_end": b,
                "token_start": wa[0], "token_end": wb[0], "start": wa[1], "end": wb[4],
                "text": " ".join(w[5] for w in words[a : b + 1]), "cue": cue, "category": cat,
                "weight": float(weight), "factor": float(factor), "effective": round(float(weight) * factor, 6),
                "modifiers": ";".join(mods), "scope": float(scope), "dyad_weight": round(float(weight) * kept, 6),
                "source_from": int(source_from),
            }
        )
    return out
