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
>>> implicit_pair_features(sentence_facts(v, 1), "VEN", v.mentions[0])
['ictx:named=1', 'ictx:other_main', 'ictx:named_main', 'ictx:named_subject', 'ictx:named_gov:-', 'ictx:named_clause:main']
"""
from __future__ import annotations

from typing import NamedTuple

from .clauses import first_clause_start
from .groupref import GroupFacts, group_facts, group_features
from .keys import word_key
from .roles import governing_preposition

__all__ = ["SentenceFacts", "sentence_facts", "implicit_pair_features", "implicit_word_features"]


class SentenceFacts(NamedTuple):
    """What the implicit pairs of one sentence share (:func:`sentence_facts`, once per sentence)."""

    named: int  # number of distinct states the sentence names
    main: tuple  # the article's two main states
    first: int  # first word of the sentence's first mention, -1 when none
    gov: dict  # first word of each mention -> the preposition governing it ("" when none)
    main_end: int  # first word of the first subordinate clause (the number of words when none)
    group: GroupFacts | None = None  # back-references to earlier states (arnews.stance.groupref, round 9)
    runs: dict | None = None  # first word of each mention -> the length of the list it is in (roles known)


def sentence_facts(view, n_codes: int, roles: dict | None = None) -> SentenceFacts:
    """:class:`SentenceFacts` of ``view`` (``n_codes``: the distinct states it names; ``roles``:
    the mentions' roles by first word when already known, see
    :func:`~arnews.stance.roles.mention_roles`)."""
    if roles:
        gov = {k: r.gov for k, r in roles.items()}
    else:  # only the preposition of each mention is read: not the lists of mention_roles
        gov = {m.first: governing_preposition(view.words, m.first, m.surface) for m in view.mentions}
    main_end = first_clause_start(view.words, view.breaks) if view.mentions else len(view.words)
    return SentenceFacts(n_codes, view.article_pair or (), min((m.first for m in view.mentions), default=-1),
                         gov, main_end, group_facts(view.words, view.context, view.word_keys()),
                         {k: r.run for k, r in roles.items()} if roles else {})


def implicit_pair_features(facts: SentenceFacts, other: str, named) -> list[str]:
    """Feature names of an implicit pair: ``other`` is the side not named in the sentence,
    ``named`` the first :class:`~arnews.stance_features.Mention` of the side that is (None
    when neither is); ``facts``: :func:`sentence_facts` of the sentence."""
    out = [f"ictx:named={min(facts.named, 3)}"]
    if other in facts.main:
        out.append("ictx:other_main")
    if facts.group is not None:
        out.extend(group_features(facts.group, other, (facts.runs or {}).get(named.first, 1) if named else 0))
    if named is None:
        return out
    if named.code in facts.main:
        out.append("ictx:named_main")
    if named.first == facts.first and named.first <= 3:
        out.append("ictx:named_subject")
    out.append(f"ictx:named_gov:{facts.gov.get(named.first) or '-'}")
    out.append("ictx:named_clause:" + ("main" if named.first < facts.main_end else "sub"))
    return out


def implicit_word_features(view, weight: float = 0.5) -> dict[str, float]:
    """The sentence's unigrams again under their own names (``is:``), for the pairs proposed
    without both names: whether such a pair holds depends on the sentence's words otherwise
    than for two states it names (round 47; the quick 4-fold check put it ahead by about 0.005
    of cooperation/conflict pairs right at equal precision). ``view``: a
    :class:`~arnews.stance_features.SentenceView`.

    >>> from arnews.stance_features import SentenceView
    >>> sorted(implicit_word_features(SentenceView("a", 0, ["دعمت", "الاتفاق"])))
    ['is:اتفاق', 'is:دعمت']
    """
    return dict.fromkeys(("is:" + word_key(w) for w in view.words), weight)
