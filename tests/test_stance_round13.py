"""Stance round 13: interview answers speak for the person interviewed; quotations speak for
the state the quote stage gives their speaker (issue 15)."""
from __future__ import annotations

from arnews.stance.interview import interviewee, is_answer
from arnews.stance.keys import word_key
from arnews.stance.speaker_codes import speaker_codes
from arnews.stance_features import pair_contexts
from stance_fixtures import views_of

INTERVIEW = ("في مقابلة مع صحيفة النهار اللبنانية، تحدث وزير الخارجية الأرميني عن مفاوضات السلام.\n"
             "س: هل تثقون بالضمانات الروسية؟\n"
             "ج: نطور تعاوننا الدفاعي مع فرنسا والهند، وهذا حق سيادي.\n")


def test_the_interviewee_is_the_state_after_a_title_not_the_outlets_nisba():
    keys = [word_key(w) for w in "في مقابلة مع صحيفة النهار اللبنانية تحدث وزير الخارجية الارميني".split()]
    assert interviewee(keys, [(5, "LBN"), (9, "ARM")]) == "ARM"
    assert interviewee(keys, [(5, "LBN")]) is None  # no state after a title: nobody
    plain = [word_key(w) for w in "تحدث وزير الخارجية الارميني".split()]
    assert interviewee(plain, [(3, "ARM")]) is None  # no interview named


def test_only_a_turn_that_starts_with_jim_is_an_answer():
    assert is_answer(["ج", "نعم"]) and not is_answer(["س", "هل"]) and not is_answer([]) and not is_answer(["جدد"])
    # round 14: a question turn that holds its answer (the splitter kept them in one sentence)
    assert is_answer(["س", "وما", "دور", "الصين", "ج", "بكين"]) and not is_answer(["قال", "ج", "نعم"])


def test_an_interview_opened_by_a_verb_of_meeting_names_the_interviewee():
    """Round 14: «التقت «الشرق» وزير النقل الكازاخستاني» opens an interview as «في مقابلة» does."""
    keys = [word_key(w) for w in "التقت الشرق وزير النقل الكازاخستاني نورلان سوارباييف على هامش منتدى استانا".split()]
    assert interviewee(keys, [(4, "KAZ")]) == "KAZ"
    views = views_of("التقت «الشرق» وزير النقل الكازاخستاني على هامش منتدى أستانا.\n"
                     "س: وما دور الصين — ج: بكين أكبر زبون لنا، وقد اتفقنا مع الصينيين على تشغيل محطة مشتركة.\n")
    both = next(v for v in views if v.words and v.words[0] == "س")
    assert "KAZ" in both.speaker_codes
    assert ("CHN", "KAZ") in {(a, b) for a, b, _ in pair_contexts(both)}


def test_an_answer_relates_the_interviewees_state_to_the_states_it_names():
    views = views_of(INTERVIEW)
    answer = next(v for v in views if v.words and v.words[0] == "ج")
    question = next(v for v in views if v.words and v.words[0] == "س")
    assert "ARM" in answer.speaker_codes and "ARM" not in question.speaker_codes
    pairs = {(a, b) for a, b, _ in pair_contexts(answer)}
    assert {("ARM", "FRA"), ("ARM", "IND")} <= pairs


def test_speaker_codes_take_state_and_body_speakers_only():
    rows = [(0, 5, None, "CHN", "state", "speech"), (6, 9, None, "UN", "organisation", "speech"),
            (10, 20, None, "USA", "analyst", "speech"), (21, 30, None, "GBR", "media", "speech"),
            (31, 40, None, "FRA", "state", "title"), (41, 50, "KREMLIN", None, None, "speech")]
    assert speaker_codes(rows, {"KREMLIN": "RUS"}) == {"CHN", "UN", "RUS"}
    assert speaker_codes([(0, 5, None, None, "state", "speech"), (6, 9, None, "", "state", "speech")], {}) == set()


def test_a_continued_quote_speaks_for_the_state_of_its_titled_speaker():
    """The second sentence names no China: the pair comes from the quote stage's speaker state
    (a spokesman known by title and nationality, continued by وأضاف)."""
    text = ("قال المتحدث باسم الخارجية الصينية للصحفيين إن الوضع في المنطقة يثير القلق.\n"
            "وأضاف: «اليابان تتحمل مسؤولية التصعيد الأخير».\n")
    second = views_of(text)[1]
    assert "CHN" not in second.codes() and "CHN" in second.speaker_codes
    assert ("CHN", "JPN") in {(a, b) for a, b, _ in pair_contexts(second)}
