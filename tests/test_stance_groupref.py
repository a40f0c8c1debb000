"""Back-references to earlier states: group words, votes, lists (arnews.stance.groupref, round 9)."""
from __future__ import annotations

from arnews.stance.groupref import GroupFacts, group_facts, group_features, group_reference, has_vote
from arnews.stance_features import Mention, SentenceView, pair_contexts
from arnews.text import normalize


def _words(text: str) -> list[str]:
    return [normalize(w) for w in text.split()]


def test_group_words_need_a_number_after_a_plural_noun():
    assert group_reference(_words("واستدعت إسرائيل سفراءها لدى الدول الثلاث للتشاور")) == 3
    assert group_reference(_words("حاولت واشنطن التوسط بين الأطراف الثلاثة")) == 3
    assert group_reference(_words("وتوصل الطرفان إلى وقف لإطلاق النار")) == 2
    assert group_reference(_words("وأيد القرار 187 بلداً من دول العالم")) == 0
    assert group_reference(_words("ارتفعت الأسعار في الدول النامية")) == 0


def test_votes_are_read_with_their_clitics():
    assert has_vote(_words("وصوّتت المجر ضد القرار"))
    assert has_vote(_words("فيما امتنعت ألمانيا عن التصويت"))
    assert not has_vote(_words("ووقعت ألمانيا وفرنسا اتفاقاً"))


def test_features_tie_the_reference_to_the_previous_sentence():
    facts = group_facts(_words("ووصف الوزير قرار الدول الثلاث بأنه مكافأة"), {"ESP": 1, "NOR": 1, "RUS": 3})
    assert facts.prev == frozenset({"ESP", "NOR"})
    assert group_features(facts, "ESP", 1) == ["grp:ref3", "grp:ref&prev"]
    assert group_features(facts, "RUS", 1) == ["grp:ref3"]  # named three sentences back: not the group


def test_a_vote_pairs_only_with_a_bloc_and_a_list_only_when_long():
    facts = GroupFacts(0, True, frozenset({"UN", "HTI"}))
    assert group_features(facts, "UN", 1) == ["grp:vote&other_bloc"]
    assert group_features(facts, "ARAB_LEAGUE", 1) == ["grp:vote&other_bloc"]
    assert group_features(facts, "HTI", 1) == []
    assert group_features(facts, "HTI", 3) == ["grp:named_in_list", "grp:list&prev"]
    assert group_features(GroupFacts(0, False, frozenset()), "HTI", 0) == []


def test_context_candidates_carry_the_features_and_named_pairs_do_not():
    words = _words("وأعلنت السلفادور وغواتيمالا وجامايكا استعدادها لإرسال عناصر إضافية")
    v = SentenceView("a", 2, words, [Mention("SLV", 1, 1, "country", "السلفادور"), Mention("GTM", 2, 2, "country", "غواتيمالا"),
                                     Mention("JAM", 3, 3, "country", "جامايكا")], context={"HTI": 1},
                     context_subjects=frozenset({"HTI"}))  # a sentence about Haiti before (round 10: else not proposed)
    got = {(a, b): c for a, b, c in pair_contexts(v)}
    assert {"grp:named_in_list", "grp:list&prev"} <= set(got[("HTI", "SLV")].extra)
    assert not any(k.startswith("grp:") for k in got[("GTM", "SLV")].extra)
