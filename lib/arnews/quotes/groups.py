"""Who a speaker phrase names when no mention does: group subjects (الزعيمان، الدولتان) and
definite phrases resolved to an earlier, fuller mention (anaphora)."""
from __future__ import annotations

from bisect import bisect_left

from ..actors import default_gazetteer
from ..wordforms import proclitic_readings
from .article import Article, phrase_tokens
from .lexicon import SpeechLexicon
from .spans import CONTENT_RE

__all__ = ["mention_via", "readings", "bare_reading", "group_kind", "main_pair", "definite_antecedent", "country_codes"]

def mention_via(a: Article, actor: str, ss: int | None, se: int | None) -> str:
    """How the speaker's mention was found: ``role`` (a role title resolved by date) or ``name``."""
    if ss is not None:
        starts = a.mention_starts()
        k = bisect_left(starts, ss)
        while k < len(starts) and starts[k] <= se:
            if a.m_span[k][1] <= se and a.m_actor[k] == actor:
                return a.m_via[k]
            k += 1
    return "name"


def readings(w: str) -> tuple[str, ...]:
    """A word and its readings without و/ف and ب/ل/ك (لل → ال): 'ووزارة' → (…, 'وزارة'),
    'للرئيس' → (…, 'الرئيس') (:func:`arnews.wordforms.proclitic_readings`)."""
    return tuple(dict.fromkeys(r.rest for r in proclitic_readings(w)))


def bare_reading(w: str, vocab: frozenset[str] | dict) -> str | None:
    """The first reading of ``w`` found in ``vocab`` (None when none is)."""
    for r in readings(w):
        if r in vocab:
            return r
    return None


def group_kind(a: Article, ss: int, se: int, lex: SpeechLexicon) -> str | None:
    """``persons``/``countries`` when the speaker phrase is a group noun (الزعيمان، الدولتان)."""
    toks = phrase_tokens(a, ss, se)
    if not toks:
        return None
    kinds = lex.group_kind
    r = bare_reading(a.norm[toks[0]], kinds)
    return None if r is None else kinds[r]


def main_pair(a: Article, kind: str, country_codes: frozenset[str] | None) -> tuple[str, str] | None:
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


def definite_antecedent(a: Article, ss: int, se: int, max_back: int = 2000) -> str | None:
    """Actor of an earlier, fuller mention of a definite speaker phrase with no actor.

    "وزارة الخارجية" / "بيان وزارة الخارجية" after "وزارة الخارجية الصينية" → CHN;
    "الرئيس" after "الرئيس الروسي فلاديمير بوتين" → PUTIN. The phrase must start with a
    ``speaker_head`` noun and end in a definite word; the most recent earlier occurrence of
    it (or of its head-initial tail), outside quotes, that is followed by a chain of
    mentions gives the actor: the last person in the chain, else its first actor. A role
    title starting at the occurrence gives its holder.
    """
    toks = phrase_tokens(a, ss, se)
    if not toks:
        return None
    words = [a.norm[t] for t in toks]
    if not words[-1].startswith("ال"):
        return None
    first_tok = toks[0]
    for k in range(len(words)):
        head = bare_reading(words[k], a.heads)
        if head is None:
            continue
        seq = [head] + words[k + 1:]
        L = len(seq)
        for t in range(first_tok - 1, max(-1, first_tok - 1 - max_back), -1):
            if a.quoted[t] or seq[0] not in readings(a.norm[t]):
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
                elif a.norm[j] in _CHAIN_GAP or a.norm[j] in "()" or not CONTENT_RE.search(a.norm[j]) and a.norm[j] not in ".:؛;":
                    j += 1
                else:
                    break
            if chain:
                persons = [m for m in chain if a.is_person(m)]
                return a.m_actor[persons[-1] if persons else chain[0]]
    return None


def country_codes() -> frozenset[str] | None:
    """Ids of countries and blocs in the gazetteer (what a group like الدولتان can name)."""
    try:
        g = default_gazetteer()
    except (FileNotFoundError, ValueError):  # no (valid) gazetteer: count every country code
        return None
    return frozenset(g.loc[g["type"].isin(["country", "bloc"]), "actor_id"])
