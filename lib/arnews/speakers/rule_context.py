"""How far a rule reached for a quote's speaker, for the speaker-state chooser (round 16).

A weak attribution (a continuation, a pronoun that takes up an earlier speaker) is more often
wrong the further back its speaker phrase stands and the more other states are named in
between. :func:`rule_context` describes that distance, with no word of any one text: the
sentences and paragraphs between the speaker phrase and the quote, how many other states are
named (outside quotes or not) in between, and whether the phrase names a state itself.

>>> from arnews.speakers.resolve import Mention
>>> t = 'قال الوزير الصيني: "نعم".\\nوزار الرئيس الفرنسي روسيا. وأضاف: "لا".'
>>> ments = [Mention(11, 17, "CHN", "country", "CHN"), Mention(39, 46, "FRA", "country", "FRA"),
...          Mention(47, 52, "RUS", "country", "RUS")]
>>> q = {"start": 61, "speaker_start": 4, "speaker_end": 17, "speaker_country": "CHN"}
>>> c = rule_context(t, q, ments, [(0, 25), (26, 53), (54, 66)], 2)
>>> c["paragraphs_back"], c["sentences_back"], c["states_between"], c["phrase_state"]
(1.0, 2.0, 2.0, 1.0)
"""
from __future__ import annotations

import math
from bisect import bisect_left

__all__ = ["CONTEXT_FEATURES", "CROSS_SOURCES", "context_names", "crossed", "rule_context"]

CONTEXT_FEATURES = ("far", "paragraphs_back", "sentences_back", "log_sentences_back", "states_between",
                    "other_state_between", "phrase_state")
#: the candidate sources (:data:`arnews.speakers.choice_features.SOURCES`) each context feature is
#: crossed with, so that the distance can weaken the rules' answer against the others
CROSS_SOURCES = ("rules", "phrase_first", "para_speaker", "art_speaker", "prev_subject1", "sent_first", "none")


def context_names() -> list[str]:
    """Names of the crossed features :func:`crossed` returns, in order.

    >>> context_names()[:2], len(context_names())
    (['rules_x_far', 'phrase_first_x_far'], 49)
    """
    return [f"{s}_x_{f}" for f in CONTEXT_FEATURES for s in CROSS_SOURCES]


def crossed(sources: set[str], ctx: dict[str, float] | None) -> list[float]:
    """Each context feature times each of :data:`CROSS_SOURCES` proposing the candidate (order
    of :func:`context_names`); zeros without a context.

    >>> crossed({"rules"}, dict.fromkeys(CONTEXT_FEATURES, 1.0))[:3]
    [1.0, 0.0, 0.0]
    """
    if not ctx:
        return [0.0] * (len(CONTEXT_FEATURES) * len(CROSS_SOURCES))
    flags = [float(s in sources) for s in CROSS_SOURCES]
    return [ctx[f] * v for f in CONTEXT_FEATURES for v in flags]


def _num(v: object) -> int | None:
    if v is None or (isinstance(v, float) and v != v):
        return None
    return int(v)


def rule_context(text: str, q: dict, ments: list, sentences, sid: int,
                 starts: list[int] | None = None) -> dict[str, float]:
    """The features (:data:`CONTEXT_FEATURES`) of quote ``q`` (a dict of the quote columns) in
    ``text``; ``ments`` the article's mentions (sorted, with ``start``/``country``),
    ``sentences`` ``(start, end)`` by sentence id, ``sid`` the quote's sentence. With
    ``starts`` (the starts of ``ments``), ``ments`` must hold only mentions with a country: the
    caller filters once per article, not once per quote. A quote with no speaker phrase before
    it gets zeros. See the module docstring."""
    out = dict.fromkeys(CONTEXT_FEATURES, 0.0)
    ss, se, start = _num(q.get("speaker_start")), _num(q.get("speaker_end")), int(q["start"])
    if ss is None or se is None or ss >= start:
        return out
    paras = text.count("\n", ss, start)
    back = 0
    k = sid
    while k > 0 and sentences[k][0] > ss:
        k -= 1
        back += 1
    if starts is None:
        ments = [m for m in ments if m.country]
        starts = [m.start for m in ments]
    own = q.get("speaker_country") or ""
    between = ments[bisect_left(starts, se):bisect_left(starts, start)]
    inside = ments[bisect_left(starts, ss):bisect_left(starts, se)]
    others = {m.country for m in between if m.country != own}
    out.update(far=float(paras > 0 or back > 1), paragraphs_back=float(min(paras, 3)), sentences_back=float(min(back, 6)),
               log_sentences_back=math.log1p(back), states_between=float(min(len(others), 4)),
               other_state_between=float(bool(others)), phrase_state=float(bool(inside)))
    return out
