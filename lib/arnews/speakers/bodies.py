"""Body back-references ("وقال المتحدث باسم المنظمة" → the body named before), at a cost that
does not grow with the article: the lexicon matches, the body mentions and the words of each
body noun are found once per article, then looked up by position.

>>> body_noun([Word(0, 7, ("المنظمة",)), Word(8, 12, ("قالت",))])
'منظمة'
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from functools import lru_cache

from ..wordforms import proclitic_readings
from .lexicon import SpeakerLexicon, Word, count_words_before, find_entries, word_bounds, words_in
from .lexicon import bare as _bare
from .positions import MentionIndex, starting_in

# A definite body noun standing for a body named before ("البرنامج", "للمنظمة", "الوكالة").
BODY_BACK = {"البرنامج": "برنامج", "المنظمة": "منظمة", "الوكالة": "وكالة", "الصندوق": "صندوق",
              "المفوضية": "مفوضية", "الهيئة": "هيئة", "الاتحاد": "اتحاد", "البنك": "بنك"}


def body_noun(words: list[Word]) -> str | None:
    """The body noun (without its article) an anaphoric phrase opens with, in its first 8
    words; None when there is none or it is followed by a definite word of its own name
    ("المنظمة الدولية", "الوكالة الذرية": a name, not a back-reference)."""
    for k, w in enumerate(words[:8]):
        r = w.readings[0].replace("ه", "ة") if w.readings[0].endswith("ه") else w.readings[0]
        base = "ا" + r[1:] if r.startswith("لل") else r[1:] if r[:2] in ("بال", "وال") else r
        if base not in BODY_BACK:
            continue
        if k + 1 < len(words) and words[k + 1].readings[0].startswith("ال"):
            return None
        return BODY_BACK[base]
    return None


def definite_nouns(words: list[Word], lex: SpeakerLexicon) -> list[str]:
    """Every definite noun (without its article) of the phrase's first 8 words that could
    stand for a body named before ("المتحدثة باسم الحلف" → حلف, "الأمانة العامة للرابطة" →
    رابطة; round 8): not a title word nor its genitive ("وزيرة الصحة"), not followed by a
    definite word of its own name ("الأمانة العامة"), at least three letters.

    >>> from arnews.speakers import load_speaker_lexicon
    >>> definite_nouns([Word(0, 8, ("المتحدثة",)), Word(9, 13, ("باسم",)), Word(14, 19, ("الحلف",))], load_speaker_lexicon())
    ['حلف']
    """
    cands = _definite_candidates(words[:8])
    if not cands:
        return []
    titled = {i for i, e in find_entries(lex.titles, words[:8]) for i in range(i, i + len(e.words))}
    return list(dict.fromkeys(b for k, b in cands if k not in titled and k - 1 not in titled))


def _definite_candidates(words: list[Word]) -> list[tuple[int, str]]:
    """``(index, noun without article)`` of the definite words not followed by a definite word."""
    out = []
    for k, w in enumerate(words):
        # the word itself or after its proclitics (لل، بال، وال …) carries the article
        rest = next((x.rest for x in proclitic_readings(w.readings[0]) if x.rest.startswith("ال")), None)
        if rest is None:
            continue
        if k + 1 < len(words) and words[k + 1].readings[0].startswith("ال"):
            continue
        base = rest[2:]
        if len(base) >= 3:
            out.append((k, base.replace("ه", "ة") if base.endswith("ه") else base))
    return out


def _noun_of(w: Word) -> str:
    return _bare(w.readings[0]).replace("ه", "ة")


def _institution_of(e, head: str, orgs: frozenset[str]) -> bool:
    """A lexicon entry naming an institution by ``head`` (with or without the article) with a
    code in ``orgs``."""
    return e.kind == "institution" and e.words[0] in (head, "ال" + head) and e.value in orgs


def _named_institution(e, i: int, text: str, head: str, orgs: frozenset[str]) -> bool:
    """:func:`_institution_of`, or an institution entry at word ``i`` that the noun ``head``
    introduces ("منظمة اليونسكو", "وكالة الأونروا": the acronym is the entry, the noun before it
    is what the back-reference takes up; round 61)."""
    if _institution_of(e, head, orgs):
        return True
    if not (i and e.kind == "institution" and e.value in orgs):
        return False
    starts, ends = word_bounds(text)
    before = words_in(text, starts[i - 1], ends[i - 1])
    return bool(before) and _noun_of(before[0]) == head


def _body_of(m, text: str, head: str, orgs: frozenset[str]) -> bool:
    """A mention of a body with a code in ``orgs`` whose name opens with ``head``."""
    if m.country not in orgs or m.actor_type == "person":
        return False
    first = _first_noun(text, m)
    return bool(first) and first[:len(head)] == head


def _first_noun(text: str, m) -> str:
    """The first noun of a mention, also when a clitic glued before it opens the word
    ("ومنظمة الصحة العالمية": the mention starts after و; round 60)."""
    first = words_in(text, m.start, m.end)[:1]
    if first and first[0].start == m.start:
        return _noun_of(first[0])
    glued = next((w for w in words_in(text, max(0, m.start - 3), m.end) if w.start < m.start < w.end), None)
    if glued is not None:
        return next((_noun_of(Word(m.start, glued.end, (r,))) for r in glued.readings
                     if len(r) == len(glued.readings[0]) - (m.start - glued.start)), _noun_of(glued))
    return _noun_of(first[0]) if first else ""


_HITS: dict[int, tuple] = {}  # id of a lexicon -> (lexicon, text, its matches in the whole text, their word indices)


def _article_hits(entries, text: str) -> tuple[list, list[int]]:
    """The greedy matches of ``entries`` in the whole article and their word indices (one
    search per article and lexicon, cached)."""
    got = _HITS.get(id(entries))
    if got is None or got[0] is not entries or got[1] is not text:
        hits = find_entries(entries, words_in(text, 0, len(text)))
        got = (entries, text, hits, [i for i, _ in hits])
        _HITS[id(entries)] = got
    return got[2], got[3]


def _cut_at(entries, text: str, n: int) -> tuple[int, list]:
    """How many of the article's matches lie before word ``n`` (``k``), and the matches of the
    words from the start of a match that runs past ``n`` up to ``n`` (searched again): the
    article's first ``k`` matches and these are ``find_entries(entries, words[:n])``, from
    one search of the whole article."""
    hits, at = _article_hits(entries, text)
    k = bisect_left(at, n)
    if k and hits[k - 1][0] + len(hits[k - 1][1].words) > n:
        k -= 1
        i0 = hits[k][0]
        starts, ends = word_bounds(text)
        return k, [(i0 + j, e) for j, e in find_entries(entries, words_in(text, starts[i0], ends[n - 1]))]
    return k, []


_MATCHING: dict[tuple, tuple] = {}  # (id of a lexicon, head, orgs) -> (lexicon, text, indices of matching hits)


def _last_institution_before(entries, text: str, n: int, head: str, orgs: frozenset[str]) -> tuple[int, str] | None:
    """The word index and code of the last institution entry of ``head`` with a code in
    ``orgs`` among the entries before word ``n`` (the same answer as walking them all, by a
    search of the matching ones: a long article's quotes do not each walk its entries)."""
    k, tail = _cut_at(entries, text, n)
    for i, e in reversed(tail):
        if _named_institution(e, i, text, head, orgs):
            return i, e.value
    hits, _ = _article_hits(entries, text)
    key = (id(entries), head, orgs)
    got = _MATCHING.get(key)
    if got is None or got[0] is not entries or got[1] is not text:
        got = _MATCHING[key] = (entries, text, [j for j, (i, e) in enumerate(hits) if _named_institution(e, i, text, head, orgs)])
    p = bisect_left(got[2], k)
    if not p:
        return None
    i, e = hits[got[2][p - 1]]
    return i, e.value


@lru_cache(maxsize=32)
def _noun_words(text: str, head: str) -> array:
    """Indices of the words of an article whose first reading is ``head`` or starts with it."""
    return array("l", (i for i, w in enumerate(words_in(text, 0, len(text))) if _noun_of(w).startswith(head)))


def _body_mentions(text: str, ments: MentionIndex, orgs: frozenset[str], head: str) -> MentionIndex:
    """The mentions of bodies with a code in ``orgs`` whose name opens with ``head`` (kept
    on the article's mention index)."""
    cache = ments.__dict__.setdefault("_bodies", {})
    key = (id(orgs), head)
    got = cache.get(key)
    if got is None or got[0] is not text or got[1] is not orgs:
        got = cache[key] = (text, orgs, MentionIndex([m for m in ments if _body_of(m, text, head, orgs)]))
    return got[2]


def body_back_reference(text: str, ss: int, words: list[Word], ments, lex: SpeakerLexicon,
                        orgs: frozenset[str]) -> str | None:
    """The code of the body an anaphoric body noun in the phrase stands for: a definite
    "البرنامج" / "المنظمة" / "الوكالة" … (also "للمنظمة", see :func:`body_noun`), resolved to
    the nearest earlier body of the article whose name opens with that noun ("برنامج الأغذية
    العالمي", "منظمة الصحة العالمية") when that body has a bloc or body code (UN, WHO, IMF …).
    Round 5."""
    head = body_noun(words)
    if head is not None:
        return _back_to(text, ss, head, ments, lex, orgs)
    # any definite noun opening an earlier body's name: "الحلف" after "حلف شمال الأطلسي" (round 8)
    cands = _definite_candidates(words[:8])
    firsts = _body_first_nouns(text, ments, lex, orgs) if cands else ()
    if not any(f.startswith(h) for _, h in cands for f in firsts):
        return None
    return next((c for h in definite_nouns(words, lex) if any(f.startswith(h) for f in firsts)
                 and (c := _back_to(text, ss, h, ments, lex, orgs))), None)


def _body_first_nouns(text: str, ments, lex: SpeakerLexicon, orgs: frozenset[str]) -> frozenset[str]:
    """The first nouns (without the article) of the article's body mentions with a code in
    ``orgs``: only these can be taken up (one pass per article, kept on the article's mention
    index like :func:`_body_mentions`; a plain list of mentions is walked each time)."""
    cache = ments.__dict__.setdefault("_firsts", {}) if isinstance(ments, MentionIndex) else {}
    got = cache.get(id(orgs))
    if got is not None and got[0] is text and got[1] is orgs:
        return got[2]
    out = set()
    for m in ments:
        if m.country in orgs and m.actor_type != "person":
            first = _first_noun(text, m)
            if first:
                out.add(first)
    cache[id(orgs)] = (text, orgs, frozenset(out))
    return cache[id(orgs)][2]


def _back_to(text: str, ss: int, head: str, ments, lex: SpeakerLexicon, orgs: frozenset[str]) -> str | None:
    """The code of the nearest body before ``ss`` whose name opens with ``head`` (see
    :func:`body_back_reference`)."""
    if not (isinstance(ments, MentionIndex) and ments._sorted):
        return _body_back_reference_scan(text, ss, head, ments, lex, orgs)
    n = count_words_before(text, ss)
    starts, _ = word_bounds(text)
    found = _last_institution_before(lex.places, text, n, head, orgs)
    best = (starts[found[0]], found[1]) if found else None
    later = starting_in(_body_mentions(text, ments, orgs, head), best[0] + 1 if best else -1, ss)
    if later:  # the first of the latest start, as a walk in text order keeps it
        m = next(x for x in later if x.start == later[-1].start)
        best = (m.start, m.country)
    if best is None:
        return None
    # the nearest earlier body of that noun decides: "منظمة أطباء بلا حدود" (no code) after
    # "المنظمة الدولية" (the UN) leaves "رئيس بعثة المنظمة" unresolved here
    nouns = _noun_words(text, head)
    k = bisect_left(nouns, n)
    last = starts[nouns[k - 1]] if k else -1
    return best[1] if best[0] >= last else None


def _body_back_reference_scan(text: str, ss: int, head: str, ments, lex: SpeakerLexicon, orgs: frozenset[str]) -> str | None:
    """:func:`body_back_reference` by walking the article (mentions not in a sorted index)."""
    before = words_in(text, 0, ss)
    best = None
    for i, e in find_entries(lex.places, before):
        if _named_institution(e, i, text, head, orgs):
            best = (before[i].start, e.value)
    for m in ments:
        if m.start < ss and (best is None or m.start > best[0]) and _body_of(m, text, head, orgs):
            best = (m.start, m.country)
    if best is None:
        return None
    last = max((w.start for w in before if _noun_of(w).startswith(head)), default=-1)
    return best[1] if best[0] >= last else None
