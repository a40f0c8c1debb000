"""Clause and predicate features of the stance pair model (arnews.stance.clauses, round 8)."""
from __future__ import annotations

from arnews.stance.clauses import clause_features, clause_starts, verb_like
from arnews.stance_features import Mention, SentenceView, pair_contexts
from arnews.text import normalize


def _words(text: str) -> list[str]:
    return normalize(text).split()


def test_verb_shapes_and_nouns_that_look_like_verbs():
    assert all(verb_like(normalize(w)) for w in ["اتهمت", "ويدعو", "أكدوا", "وقعتا", "سيفرض", "قال", "وأضاف"])
    assert not any(verb_like(normalize(w)) for w in ["الصادرات", "بيروت", "فيتنام", "اتفاقية", "يونيو", "مع"])


def test_relative_clause_separates_a_pair_but_not_the_main_clause_pair():
    w = _words("اتهمت واشنطن بكين التي تدعم روسيا بالتجسس")
    starts = clause_starts(w, frozenset())
    assert starts == {3: "rel"}
    main = clause_features(w, starts, 1, 2)
    assert main[:2] == ["cl:same", "cl:same:main"] and "pred:shared" in main
    across = clause_features(w, starts, 2, 5)
    assert across[:3] == ["cl:across=1", "cl:kind:rel", "cl:L:main|R:sub"]


def test_coordinated_verb_and_reported_clause_open_clauses():
    w = _words("وقعت مصر والأردن اتفاقا وأكدت قطر أن إيران تهدد المنطقة")
    starts = clause_starts(w, frozenset())
    assert starts == {4: "verb", 6: "comp"}
    assert clause_features(w, starts, 1, 2)[0] == "cl:same"
    assert clause_features(w, starts, 2, 5)[:2] == ["cl:across=1", "cl:kind:verb"]
    f = clause_features(w, starts, 1, 7)
    assert f[:3] == ["cl:across=2", "cl:kind:comp", "cl:kind:verb"]


def test_a_verb_after_a_comma_opens_a_clause_only_with_the_break():
    w = _words("استقبل الرئيس المصري نظيره التركي تناولت المحادثات التجارة")
    assert 5 not in clause_starts(w, frozenset())
    assert clause_starts(w, frozenset({5}))[5] == "verb"
    w2 = _words("زار الرئيس مصر الأردن قطر")  # a comma between listed states is no clause
    assert clause_starts(w2, frozenset({3, 4})) == {}


def test_named_pairs_carry_the_clause_features():
    words = _words("اتهمت واشنطن بكين التي تدعم روسيا بالتجسس")
    ms = [Mention("USA", 1, 1, "country", "واشنطن"), Mention("CHN", 2, 2, "country", "بكين"),
          Mention("RUS", 5, 5, "country", "روسيا")]
    got = {(a, b): ctx.extra for a, b, ctx in pair_contexts(SentenceView("a", 0, words, ms))}
    assert "cl:same" in got[("CHN", "USA")]
    assert "cl:kind:rel" in got[("CHN", "RUS")] and "cl:same" not in got[("CHN", "RUS")]
