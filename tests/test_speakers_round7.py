"""Tests for the issue-19 round-7 rules (general mechanisms, read on qt93–qt107 as dev):
continuation across a paragraph break, …

Every sentence is written for the tests; the expected values are worked out by hand."""
from __future__ import annotations

from quote_fixtures import quotes_of

_UN = [("الأمم المتحدة", "UN", "organisation", "UN")]


def test_a_paragraph_opened_by_a_continuation_cue_takes_the_last_speaker_of_the_paragraph_before():
    t = ('قالت الوكالة الدولية إن الوضع خطير.\n\n'
         'وقالت مديرة مكتب الأمم المتحدة في الخرطوم، سارة بيل: «لم تدخل أي قافلة».\n\n'
         'وأضافت أن الفريق «جاهز بالشاحنات».')
    q = quotes_of(t, _UN)
    last = q[q["quote"] == "جاهز بالشاحنات"].iloc[0]
    assert last["speaker_country"] == "UN" and last["rule"] == "continuation"
    assert str(last["speaker_via"]).startswith("chain:وأضافت")


def test_a_paragraph_with_a_subject_of_its_own_does_not_take_the_last_paragraph_speaker():
    t = ('وقالت مديرة مكتب الأمم المتحدة في الخرطوم: «لم تدخل أي قافلة».\n\n'
         'وأضاف المتحدث باسم الجيش الكيني أن الطريق «مغلق تماما».')
    q = quotes_of(t, _UN)
    assert q.loc[q["quote"] == "مغلق تماما", "speaker_country"].tolist() == ["KEN"]


def test_a_continuation_cue_in_the_middle_of_a_paragraph_does_not_reach_back_two_paragraphs():
    t = ('وقالت مديرة مكتب الأمم المتحدة: «لم تدخل أي قافلة».\n\n'
         'وارتفعت الأسعار في الأسواق. وأضاف أن الفريق «جاهز بالشاحنات».')
    q = quotes_of(t, _UN)
    row = q[q["quote"] == "جاهز بالشاحنات"].iloc[0]
    assert row["speaker_country"] != "UN"
