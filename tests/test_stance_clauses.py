"""Clause starts of a sentence (arnews.stance.clauses, round 8), read by the implicit-pair features."""
from __future__ import annotations

from arnews.stance.clauses import clause_starts, first_clause_start, verb_like
from arnews.text import normalize


def _words(text: str) -> list[str]:
    return normalize(text).split()


def test_verb_shapes_and_nouns_that_look_like_verbs():
    assert all(verb_like(normalize(w)) for w in ["اتهمت", "ويدعو", "أكدوا", "وقعتا", "سيفرض", "قال", "وأضاف"])
    assert not any(verb_like(normalize(w)) for w in ["الصادرات", "بيروت", "فيتنام", "اتفاقية", "يونيو", "مع"])


def test_relative_clause_opens_a_clause():
    assert clause_starts(_words("اتهمت واشنطن بكين التي تدعم روسيا بالتجسس"), frozenset()) == {3: "rel"}


def test_coordinated_verb_and_reported_clause_open_clauses():
    w = _words("وقعت مصر والأردن اتفاقا وأكدت قطر أن إيران تهدد المنطقة")
    assert clause_starts(w, frozenset()) == {4: "verb", 6: "comp"}


def test_a_verb_after_a_comma_opens_a_clause_only_with_the_break():
    w = _words("استقبل الرئيس المصري نظيره التركي تناولت المحادثات التجارة")
    assert 5 not in clause_starts(w, frozenset())
    assert clause_starts(w, frozenset({5}))[5] == "verb"
    w2 = _words("زار الرئيس مصر الأردن قطر")  # a comma between listed states is no clause
    assert clause_starts(w2, frozenset({3, 4})) == {}


def test_first_clause_start_is_the_first_of_the_clause_starts():
    for text, breaks in [("وقعت مصر والأردن اتفاقا وأكدت قطر أن إيران تهدد المنطقة", frozenset()),
                         ("استقبل الرئيس المصري نظيره التركي تناولت المحادثات التجارة", frozenset({5})),
                         ("زار الرئيس مصر الأردن قطر", frozenset({3, 4}))]:
        w = _words(text)
        starts = clause_starts(w, breaks)
        assert first_clause_start(w, breaks) == (min(starts) if starts else len(w))
