"""Tests for the issue-19 round-8 rules (general mechanisms, read on qt108–qt122 as dev):
wrong states rather than missing ones. A fronted place beats a title taken up from earlier
paragraphs, …

Every sentence is written for the tests; the expected values are worked out by hand."""
from __future__ import annotations

from quote_fixtures import quotes_of

_PLACES = [("الإيرانية", "IRN", "country", "IRN"), ("طهران", "IRN", "city", "IRN"), ("واشنطن", "USA", "city", "USA"),
           ("الولايات المتحدة", "USA", "country", "USA")]


def test_a_fronted_place_beats_a_title_taken_up_from_an_earlier_paragraph():
    t = ('طهران - قال المتحدث باسم وزارة الخارجية الإيرانية إن التقرير «منحاز».\n\n'
         'وفي واشنطن، قال متحدث باسم الخارجية إن الولايات المتحدة «تدعم الوكالة».')
    q = quotes_of(t, _PLACES)
    assert q.loc[q["quote"] == "منحاز", "speaker_country"].tolist() == ["IRN"]
    assert q.loc[q["quote"] == "تدعم الوكالة", "speaker_country"].tolist() == ["USA"]


def test_a_title_taken_up_in_the_same_paragraph_as_the_fronted_place_keeps_its_state():
    t = ('وفي واشنطن، قال المتحدث باسم الخارجية الإيرانية إن الوفد «وصل».'
         ' وأضاف المتحدث أن المحادثات «بدأت».')
    q = quotes_of(t, _PLACES)
    assert q.loc[q["quote"] == "بدأت", "speaker_country"].tolist() == ["IRN"]
