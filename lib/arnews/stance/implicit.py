"""How a pair proposed with only one side named in the sentence may still be related (round 8).

Half of the gold pairs the round-7 model missed on the t4 batch were of this kind: one side is
named only in an earlier sentence (``وهنأت روسيا والصين … مادورو بالفوز`` after a sentence
about Venezuela), or not at all. :func:`implicit_pair_features` describes where the side that
is named stands — the sentence's subject (named first, near the start) or governed by a
preposition (``مع``, ``ضد``, ``علي``), in the main or a subordinate clause — how many states the
sentence names, and whether the unnamed side is one of the article's two main states.

>>> from arnews.stance_features import Mention, SentenceView
>>> v = SentenceView("a", 1, ["وهنات", "روسيا", "مادورو", "بالفوز"], [Mention("RUS", 1, 1, "country", "روسيا")],
...                  article_pair=("RUS", "VEN"))
>>> implicit_pair_features(v, "VEN", v.mentions[0], {})
['ictx:named=1', 'ictx:other_main', 'ictx:named_main', 'ictx:named_subject', 'ictx:named_gov:-', 'ictx:named_clause:main']
"""
from __future__ import annotations

from .roles import mention_role

__all__ = ["implicit_pair_features"]


def implicit_pair_features(view, other: str, named, starts: dict[int, str]) -> list[str]:
    """Feature names of an implicit pair of ``view`` (a
    :class:`~arnews.stance_features.SentenceView`): ``other`` is the side not named in the
    sentence, ``named`` the first :class:`~arnews.stance_features.Mention` of the side that is
    (None when neither is); ``starts``: :func:`~arnews.stance.clauses.clause_starts` of the
    sentence."""
    codes = view.codes()
    out = [f"ictx:named={min(len(codes), 3)}"]
    main = view.article_pair or ()
    if other in main:
        out.append("ictx:other_main")
    if named is None:
        return out
    if named.code in main:
        out.append("ictx:named_main")
    first = min(m.first for m in view.mentions)
    if named.first == first and named.first <= 3:
        out.append("ictx:named_subject")
    role = mention_role(view.words, named.first, named.surface, [(m.first, m.last) for m in view.mentions])
    out.append(f"ictx:named_gov:{role.gov or '-'}")
    out.append("ictx:named_clause:" + ("main" if not starts or named.first < min(starts) else "sub"))
    return out
