"""Candidates for a speech quote's state and the features that describe them (round 15).

For each speech quote of an article, :func:`quote_candidates` lists the states (or bodies) that
the situation proposes, each with the *sources* that propose it:

``rules``            the rules' answer (``speaker_country``);
``phrase_first`` / ``phrase_last``  the first / last country named in the speaker phrase
                     (a nisba, an institution, a named person's state);
``para_speaker``     the state of the latest earlier quote of the paragraph;
``art_speaker``      the state of the latest earlier quote of the article;
``art_speaker2``     the state of the latest earlier quote with another state;
``prev_subject1`` / ``prev_subject2``  the first country named (outside quotes) in the
                     previous sentence / the one before;
``sent_first`` / ``sent_last``  the first / last country named outside quotes in the quote's
                     own sentence;
``quote_inner``      the first country named inside the quote;
``dateline``         the dateline's country; ``art_top`` the article's most-named state;
``headline``         the first country named in the headline (round 54: an interview's
                     guest, "نائب وزير الزراعة الأوزبكي: «…»", or the story's own state);
``none``             no state (always proposed).

:func:`candidate_features` turns a candidate into numbers that describe the situation — which
sources propose it, which rule chose the rules' answer, the kind of speaker phrase, distances,
whether it is a body, how often the article names it — and no word of any one text.

>>> from arnews.speakers.resolve import Mention
>>> text = 'قال وزير الخارجية الصيني: "نرفض ذلك". وأضاف: "لن نتراجع".'
>>> q = [{"start": 27, "end": 36, "sentence_id": 0, "speaker_country": "CHN", "speaker_start": 4,
...       "speaker_end": 24, "speaker_text": "وزير الخارجية الصيني", "speaker_actor_id": None,
...       "speaker_type": "state", "rule": "verb_subject", "speaker_via": None, "kind": "speech"},
...      {"start": 46, "end": 54, "sentence_id": 1, "speaker_country": "CHN", "speaker_start": 4,
...       "speaker_end": 24, "speaker_text": "وزير الخارجية الصيني", "speaker_actor_id": None,
...       "speaker_type": "state", "rule": "continuation", "speaker_via": "chain:وأضاف>قال", "kind": "speech"}]
>>> ments = [Mention(18, 24, "CHN", "country", "CHN")]
>>> cands = quote_candidates(text, q, ments, [(0, 37), (38, 56)])
>>> sorted(cands[1])
['', 'CHN']
>>> sorted(cands[1]["CHN"])
['art_speaker', 'art_top', 'headline', 'para_speaker', 'phrase_first', 'phrase_last', 'prev_subject1', 'rules']
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter

from .rule_context import context_names, crossed

__all__ = ["SOURCES", "SITUATIONS", "quote_candidates", "situation", "candidate_features", "feature_names"]

SOURCES = ("rules", "phrase_first", "phrase_last", "para_speaker", "art_speaker", "art_speaker2", "prev_subject1",
           "prev_subject2", "sent_first", "sent_last", "quote_inner", "dateline", "art_top", "headline", "none")

_DIRECT = frozenset(("verb_subject", "subject_verb", "passive", "naql", "quote_then_verb", "according_to",
                     "colon_intro", "headline", "interviewee", "interviewee_colleague"))
_NON_STATE = frozenset(("analyst", "ngo", "media", "company", "other"))

# The situation of a quote, one-hot: how the rules attributed it and what its speaker phrase is.
SITUATIONS = ("rule_direct", "rule_implicit", "rule_continuation", "rule_none", "via_name", "via_chain",
              "phrase_none", "phrase_named", "phrase_place", "phrase_title", "non_state", "organisation")


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _in_merged(merged: list[tuple[int, int]], lows: list[int], pos: int) -> bool:
    k = bisect_right(lows, pos) - 1
    return k >= 0 and pos < merged[k][1]


def quote_candidates(text: str, quotes: list[dict], ments: list, sentences: list[tuple[int, int]],
                     dateline: str | None = None) -> list[dict[str, set[str]]]:
    """For each quote of one article (in text order, dicts with the quote columns), the
    candidate states → the set of :data:`SOURCES` proposing each. ``ments``: the article's
    mentions (``start``, ``end``, ``country``), sorted; ``sentences``: ``(start, end)`` per
    ``sentence_id``; ``dateline``: the dateline's country, if known. The empty string is the
    candidate "no state". See the module docstring for an example."""
    cm = [m for m in ments if m.country]
    starts = [m.start for m in cm]
    merged = _merged(sorted((int(q["start"]) - 1, int(q["end"]) + 1) for q in quotes))
    m_lo = [a for a, _ in merged]
    out_of_quotes = [not _in_merged(merged, m_lo, p) for p in starts]
    counts = Counter(m.country for m in cm)
    top = counts.most_common(1)[0][0] if counts else None
    line = text.find("\n")
    headline = cm[0].country if cm and cm[0].start < (len(text) if line < 0 else line) else None

    def between(lo: int, hi: int) -> range:  # positions in cm of the mentions starting in [lo, hi)
        return range(bisect_left(starts, lo), bisect_left(starts, hi))

    out: list[dict[str, set[str]]] = []
    last: tuple[int, str] | None = None  # (start, rules' state) of the latest earlier quote with a state
    other: str | None = None  # the latest earlier quote's state other than last's
    for q in quotes:
        c: dict[str, set[str]] = {"": {"none"}}

        def add(code: object, source: str) -> None:
            if isinstance(code, str) and code:
                c.setdefault(code, set()).add(source)

        add(q.get("speaker_country"), "rules")
        ss, se = q.get("speaker_start"), q.get("speaker_end")
        if ss is not None and se is not None and ss == ss and se == se:
            inside = between(int(ss), int(se))
            if len(inside):
                add(cm[inside[0]].country, "phrase_first")
                add(cm[inside[-1]].country, "phrase_last")
        start = int(q["start"])
        if last is not None:
            add(last[1], "art_speaker")
            if last[0] >= text.rfind("\n", 0, start) + 1:
                add(last[1], "para_speaker")
        add(other, "art_speaker2")
        sid = int(q["sentence_id"])
        for back, source in ((1, "prev_subject1"), (2, "prev_subject2")):
            if 0 <= sid - back < len(sentences):
                lo, hi = sentences[sid - back][:2]
                first = next((j for j in between(lo, hi) if out_of_quotes[j]), None)
                if first is not None:
                    add(cm[first].country, source)
        if 0 <= sid < len(sentences):
            lo, hi = sentences[sid][:2]
            own = [j for j in between(lo, hi) if out_of_quotes[j]]
            if own:
                add(cm[own[0]].country, "sent_first")
                add(cm[own[-1]].country, "sent_last")
        inner = between(start, int(q["end"]))
        if len(inner):
            add(cm[inner[0]].country, "quote_inner")
        add(dateline, "dateline")
        add(top, "art_top")
        add(headline, "headline")
        out.append(c)
        code = q.get("speaker_country")
        if code:
            if last is not None and str(code) != last[1]:
                other = last[1]
            last = (start, str(code))
    return out


def situation(q: dict, phrase_has_place: bool) -> dict[str, float]:
    """The one-hot situation of a quote (:data:`SITUATIONS`).

    >>> s = situation({"rule": "continuation", "speaker_via": "chain:وأضاف>قال", "speaker_text": "الوزير",
    ...                "speaker_actor_id": None, "speaker_type": "state"}, False)
    >>> [k for k, v in s.items() if v]
    ['rule_continuation', 'via_chain', 'phrase_title']
    """
    rule = q.get("rule") or ""
    via = str(q.get("speaker_via") or "")
    text = q.get("speaker_text")
    s = dict.fromkeys(SITUATIONS, 0.0)
    if rule == "continuation":
        s["rule_continuation"] = 1.0
    elif rule.startswith("implicit"):
        s["rule_implicit"] = 1.0
    elif rule in _DIRECT:
        s["rule_direct"] = 1.0
    else:
        s["rule_none"] = 1.0
    s["via_name"] = float(via == "name")
    s["via_chain"] = float(via.startswith("chain"))
    if not isinstance(text, str) or not text:
        s["phrase_none"] = 1.0
    elif isinstance(q.get("speaker_actor_id"), str) and q.get("speaker_actor_id"):
        s["phrase_named"] = 1.0
    elif phrase_has_place:
        s["phrase_place"] = 1.0
    else:
        s["phrase_title"] = 1.0
    s["non_state"] = float(q.get("speaker_type") in _NON_STATE)
    s["organisation"] = float(q.get("speaker_type") == "organisation")
    return s


def feature_names() -> list[str]:
    """Names of the columns :func:`candidate_features` returns, in order."""
    base = [f"src_{s}" for s in SOURCES] + ["n_sources", "is_body", "is_multi", "log_count", "is_top",
                                             "near_sent", "only_rules", "rules_and_phrase"]
    cross = [f"{s}_x_{t}" for s in SOURCES for t in SITUATIONS]
    return base + cross + context_names()


def candidate_features(code: str, sources: set[str], sit: dict[str, float], counts: Counter,
                       last_sentence: dict[str, int], sid: int, bodies: frozenset[str],
                       context: dict[str, float] | None = None) -> list[float]:
    """Numbers for one candidate (order of :func:`feature_names`): the source flags, how
    many sources, whether it is a body or a pair, how often the article names it (log), whether
    it is the article's most named, how near (in sentences) its last naming before the quote
    is, each source flag crossed with each situation flag, and (round 16) the distance of the
    rules' speaker phrase (:func:`arnews.speakers.rule_context.rule_context`, ``context``)
    crossed with a few sources.

    >>> sit = dict.fromkeys(SITUATIONS, 0.0); sit["rule_direct"] = 1.0
    >>> f = candidate_features("CHN", {"rules", "phrase_first"}, sit, Counter(CHN=3), {"CHN": 0}, 1, frozenset())
    >>> dict(zip(feature_names(), f))["rules_x_rule_direct"], len(f) == len(feature_names())
    (1.0, True)
    """
    flags = [float(s in sources) for s in SOURCES]
    n = counts.get(code, 0) if code else 0
    top = counts.most_common(1)[0][0] if counts else None
    last = last_sentence.get(code)
    near = 0.0 if last is None or not code else 1.0 / (1.0 + max(0, sid - last))
    base = flags + [float(len(sources)), float(code in bodies), float("|" in code), math.log1p(n),
                    float(bool(code) and code == top), near, float(sources == {"rules"}),
                    float("rules" in sources and bool(sources & {"phrase_first", "phrase_last"}))]
    cross = [f * sit[t] for f in flags for t in SITUATIONS]
    return base + cross + crossed(sources, context)
