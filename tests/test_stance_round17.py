"""Stance round 17: an interview with no opening sentence, whose first question addresses the
person interviewed by an honorific, names the interviewee; a title may stand four words before
the state it names («المتحدث باسم خفر السواحل الفلبيني»)."""
from __future__ import annotations

from arnews.stance.interview import addresses_interviewee, interviewee
from arnews.stance.keys import word_key
from arnews.stance_features import pair_contexts
from stance_fixtures import views_of


def _keys(text: str) -> list[str]:
    return [word_key(w) for w in text.split()]


def test_a_question_that_addresses_a_minister_names_the_interview():
    keys = _keys("س معالي وزير الخارجية الباكستاني هل لديكم ادلة")
    assert addresses_interviewee(keys)
    assert interviewee(keys, [(4, "PAK")]) == "PAK"
    # a question with no honorific names no interview, and an honorific inside a sentence is not a turn
    assert interviewee(_keys("س هل يلتقي وزير الخارجية الباكستاني نظيره"), [(5, "PAK")]) is None
    assert not addresses_interviewee(_keys("استقبل معالي وزير الخارجية"))


def test_a_state_five_words_after_the_title_is_too_far():
    keys = _keys("في مقابلة تحدث وزير الخارجية عن العلاقات مع تركيا")
    assert interviewee(keys, [(8, "TUR")]) is None
    assert interviewee(_keys("في مقابلة تحدث المتحدث باسم خفر السواحل الفلبيني"), [(7, "PHL")]) == "PHL"


def test_the_answers_of_an_addressed_interviewee_speak_for_his_state():
    views = views_of("س: معالي وزير الخارجية الباكستاني، اتهمتم كابول بإيواء المسلحين، فهل لديكم أدلة؟\n"
                     "ج: نعم، وقد سلمنا الأدلة إلى الحكومة الأفغانية، ونطالبها بطرد المسلحين.\n")
    answer = next(v for v in views if v.words and v.words[0] == "ج")
    assert "PAK" in answer.speaker_codes
    assert ("AFG", "PAK") in {tuple(sorted((a, b))) for a, b, _ in pair_contexts(answer)}
