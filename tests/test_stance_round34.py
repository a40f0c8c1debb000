"""Stance round 34: an interview printed without turns (an opening sentence names the person
interviewed, then plain questions and answers): an answer that speaks in the first person plural
speaks for the person interviewed, so "ونعمل مع لاتفيا وفنلندا" relates Estonia to both (issue 15)."""
from __future__ import annotations

from arnews.stance.interview import speaks_as_we
from arnews.stance_features import pair_contexts
from stance_fixtures import views_of

PLAIN = ("قال نائب وزير الدفاع الإستوني في مقابلة إن بلاده حلت مشكلة الرادارات.\n"
         "هل تعتبرون روسيا تهديدا مباشرا لمشاريع الطاقة في بلادكم؟\n"
         "ونعمل مع لاتفيا وفنلندا على ربط شبكات الرادار لدينا.\n")


def test_a_first_person_answer_in_a_plain_interview_speaks_for_the_interviewee():
    views = views_of(PLAIN)
    answer = next(v for v in views if v.words and v.words[0] == "ونعمل")
    question = next(v for v in views if v.words and v.words[0] == "هل")
    assert "EST" in answer.speaker_codes and "EST" not in question.speaker_codes
    assert {("EST", "LVA"), ("EST", "FIN")} <= {tuple(sorted((a, b))) for a, b, _ in pair_contexts(answer)}


def test_first_person_outside_an_interview_names_no_interviewee():
    views = views_of(PLAIN.replace("في مقابلة", "في بيان"))
    answer = next(v for v in views if v.words and v.words[0] == "ونعمل")
    assert "EST" not in answer.speaker_codes


def test_we_words_and_their_look_alikes():
    assert speaks_as_we("ونحن ندعم المشروع".split())
    assert speaks_as_we("وقعنا اتفاقا مع كينيا".split())
    assert not speaks_as_we("اصدرت الوزارة بيانا مشتركا احيانا".split())  # accusative -انا, not "we"
    assert not speaks_as_we("زار الرئيس فيينا".split())
    assert not speaks_as_we("وقعت غانا اتفاقا".split(), {1})  # a state's name
    assert not speaks_as_we("لماذا تاخرنا".split())  # a question
