"""The type of the first title in a speaker phrase, and whether it marks a former office holder
(split out of :mod:`arnews.speakers.resolve` in round 55, unchanged)."""
from __future__ import annotations

from .lexicon import SpeakerLexicon, Word, find_entries
from .structure import in_institution_name

_ADJECTIVAL = frozenset("صحفي الصحفي صحفية الصحفية".split())  # titles that are also adjectives
_OPENING_ONLY = frozenset("نظيره نظيرته نظيرها".split())  # a counterpart is the speaker only opening the phrase
_WEAK_HEADS = frozenset({("رئيس",), ("الرئيس",), ("رئيسة",), ("مدير",), ("المدير",), ("مديرة",), ("المديرة",)})


def title_type(words: list[Word], lex: SpeakerLexicon) -> tuple[str | None, bool]:
    """The first title's type in the phrase and whether it marks a former office holder.
    A generic head (رئيس، مدير) yields to a later non-state title: "رئيس بعثة المنظمة" is
    an NGO's, "الرئيس التنفيذي لشركة" a company's."""
    found = find_entries(lex.titles, words)
    titled = {i for i, _ in found}
    hits = [(i, e) for i, e in found
            if not (i and (words[i - 1].readings[0].startswith("مؤتمر")  # "في مؤتمره الصحفي": no title
                           or e.words[0] in _OPENING_ONLY  # "وانغ … مع نظيره الروسي": not the speaker
                           or in_institution_name(words, i)  # "رئيس هيئة قناة السويس": the body's name (round 6)
                           # "الرئيس في تصريح صحفي": an adjective; "الكاتب الصحفي": a title
                           or (e.words[0] in _ADJECTIVAL and i - 1 not in titled)))]
    former = any(e.value == "former" for _, e in hits)
    hits = [e for _, e in hits if e.value != "former"]
    if len(hits) > 1 and hits[0].words in _WEAK_HEADS:
        later = [e.value for e in hits[1:] if e.value != "state"]
        if later:
            return later[0], former
    return (hits[0].value if hits else None), former
