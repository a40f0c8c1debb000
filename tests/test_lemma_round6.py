"""The offline lemma rules of issue 18, round 6 (error classes of the dev texts lt24-lt43):
each case is a behaviour a rule or table row adds, checked through the public backend."""
from __future__ import annotations

import pytest

from arnews import morph


@pytest.mark.parametrize(
    "word, lemma",
    [
        # broken plurals added to data/lexicons/broken_plurals.csv, with clitics and a pronoun
        ("السدود", "سد"), ("منابعها", "منبع"), ("المواشي", "ماشية"), ("وسبل", "سبيل"), ("الأعيان", "عين"),
        ("الأودية", "وادي"), ("جدران", "جدار"), ("للفحوص", "فحص"), ("نظرائه", "نظير"), ("الثلوج", "ثلج"),
        # ambiguous forms stay out of the table: إحياء is a masdar, حلول also "arrival"
        ("إحياء", "احياء"), ("بحلول", "حلول"),
    ],
)
def test_round6_broken_plurals(word, lemma):
    assert morph.lemmatize([word], backend="rules") == [lemma]
