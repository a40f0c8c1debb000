"""Stance round 25: an interview whose questions open with a dash and whose answers stand in
quotation marks: each quoted answer speaks for the person interviewed (issue 15)."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
from arnews import stance_model
from arnews.pipeline import annotate
from arnews.stance.interview import interviewee, quoted_answer
from arnews.stance.keys import word_key
from arnews.stance_features import pair_contexts
from stance_fixtures import views_of

DASHED = ("قال وزير الزراعة الغاني، في مقابلة مع مجلتنا، إن اللائحة الأوروبية وضعت دون استشارة المنتجين.\n"
          "— هل تنسقون موقفكم مع الدول المنتجة الأخرى؟\n"
          "«نعم، وقعنا مع كوت ديفوار والبرازيل رسالة مشتركة نطالب فيها بتأجيل التطبيق».\n")


def test_a_quoted_answer_after_a_dashed_question_speaks_for_the_interviewee():
    views = views_of(DASHED)
    answer = next(v for v in views if v.words and v.words[0] == "نعم")
    question = next(v for v in views if v.words and v.words[0] == "هل")
    assert "GHA" in answer.speaker_codes and "GHA" not in question.speaker_codes
    assert {("CIV", "GHA"), ("BRA", "GHA")} <= {(a, b) for a, b, _ in pair_contexts(answer)}


def test_a_quoted_sentence_outside_an_interview_gets_no_interviewee():
    text = DASHED.replace("في مقابلة مع مجلتنا", "في بيان")
    # no interview named in the opening sentence: nobody is the interviewee
    opening = [word_key(w) for w in text.split("\n")[0].split()]
    assert interviewee(opening, [(3, "GHA")]) is None
    assert interviewee([word_key(w) for w in DASHED.split("\n")[0].split()], [(3, "GHA")]) == "GHA"
    # so the quoted sentence speaks only for its quote's own speaker (the rules' or the speaker-state
    # chooser's, which may well be the minister's state), with no interviewee added
    tables = annotate(pd.DataFrame({"article_id": ["a"], "text": [text]}), cache=False).tables
    answer = next(v for v in stance_model.sentence_views(tables) if v.words and v.words[0] == "نعم")
    q = tables["quotes"]
    own = {code for s in q.loc[q["quote"].str.startswith("نعم"), "speaker_country"].dropna() for code in s.split("|")}
    assert answer.speaker_codes == frozenset(own)


def test_only_a_quote_spanning_the_sentence_makes_an_answer():
    assert quoted_answer([(1, 50)], [(0, 52)])
    assert not quoted_answer([(20, 50)], [(0, 52)])  # a quote inside a narrated sentence
    assert not quoted_answer([(1, 50)], None)


def test_a_question_put_to_the_interviewee_proposes_its_state_with_the_states_it_names():
    # round 51: "تتهمكم واشنطن …، بماذا تردون؟" is about the interviewee's state, though not said by it
    text = ("قال وزير الخارجية البوليفي في مقابلة مع صحيفتنا إن بلاده تريد علاقات متوازنة.\n"
            "س: تتهمكم واشنطن بفتح الباب أمام نفوذ موسكو، بماذا تردون؟\n"
            "س: وماذا عن الاتفاق بين واشنطن وموسكو؟\n")
    views = views_of(text)
    assert views[1].addressed == {"BOL"} and views[2].addressed == frozenset()  # no "you" in the second
    assert "BOL" not in views[1].speaker_codes  # the question is not the interviewee's speech
    # both pairs are proposed (tagged "addressed", or "lexicon" when the stage's own method, the
    # shipped model, already relates them: that source is proposed first)
    assert {("BOL", "USA"), ("BOL", "RUS")} <= {(a, b) for a, b, _ in pair_contexts(views[1])}
    bare = replace(views[1], lexicon_dyads={})
    assert {(a, b): c.implicit for a, b, c in pair_contexts(bare)}[("BOL", "RUS")] == "addressed"
