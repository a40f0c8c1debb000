"""Tests for the issue-19 round-9 rules (read on qt01–qt137 and the sample as dev).

Every sentence is written for the tests; the expected values are worked out by hand."""
from __future__ import annotations

from quote_fixtures import quotes_of

_XI = [("شي", "CHN_XI", "person", "CHN"), ("روسيا", "RUS", "country", "RUS"), ("الصين", "CHN", "country", "CHN")]


def test_actors_joined_by_wa_inside_the_an_complement_are_no_new_clause():
    t = 'وأكد شي أن روسيا والصين يجب أن «تستمرا في تعميق التعاون».'
    q = quotes_of(t, _XI)
    assert q.loc[q["quote"] == "تستمرا في تعميق التعاون", "speaker_actor_id"].tolist() == ["CHN_XI"]


def test_a_clause_joined_by_wa_outside_a_complement_still_names_its_own_speaker():
    t = 'روسيا تحتج على العقوبات والصين تتحدث عن «حرب تجارية».'
    q = quotes_of(t, _XI)
    assert q.loc[q["quote"] == "حرب تجارية", "speaker_actor_id"].tolist() == ["CHN"]
