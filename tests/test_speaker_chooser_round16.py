"""Round 16 of issue 19: the chooser may overturn the weakest rule (a pronoun or bare verb that
inherits the previous speaker), knowing how far back the rules' speaker phrase stands."""
from __future__ import annotations

import pandas as pd

from arnews.speakers.choice_features import feature_names
from arnews.speakers.chooser import WEAK_RULES, applies, choose_states
from arnews.speakers.resolve import Mention
from arnews.speakers.rule_context import CONTEXT_FEATURES, context_names, crossed, rule_context

# a Chinese spokeswoman, then a paragraph about Japan, then a bare "وأكدت" the rules hand to her
TEXT = ('قالت المتحدثة باسم الخارجية الصينية: "نرفض ذلك".\n'
        'وزار رئيس الوزراء الياباني سيول أمس.\n'
        'وأكدت: "الزيارة ناجحة".')


def _spans():
    sents, pos = [], 0
    for line in TEXT.split("\n"):
        sents.append((pos, pos + len(line)))
        pos += len(line) + 1
    ments = [Mention(TEXT.index("الصينية"), TEXT.index("الصينية") + 7, "CHN", "country", "CHN"),
             Mention(TEXT.index("الياباني"), TEXT.index("الياباني") + 8, "JPN", "country", "JPN"),
             Mention(TEXT.index("سيول"), TEXT.index("سيول") + 4, "KOR", "country", "KOR")]
    return sents, ments


def _quotes():
    s0, q1, q2 = TEXT.index("المتحدثة"), TEXT.index("نرفض"), TEXT.index("الزيارة")
    phrase = "المتحدثة باسم الخارجية الصينية"
    base = {"article_id": "a", "speaker_actor_id": None, "speaker_type": "state", "kind": "speech",
            "speaker_text": phrase, "speaker_start": s0, "speaker_end": s0 + len(phrase), "speaker_country": "CHN"}
    return [dict(base, start=q1, end=q1 + 8, sentence_id=0, quote="نرفض ذلك", rule="verb_subject", speaker_via=None),
            dict(base, start=q2, end=q2 + 13, sentence_id=2, quote="الزيارة ناجحة", rule="implicit_previous_speaker",
                 speaker_via="chain:وأكدت>قالت")]


def test_rule_context_counts_the_paragraphs_sentences_and_other_states_between():
    sents, ments = _spans()
    far = rule_context(TEXT, _quotes()[1], ments, sents, 2)
    assert far["paragraphs_back"] == 2.0 and far["sentences_back"] == 2.0 and far["far"] == 1.0
    assert far["states_between"] == 2.0 and far["other_state_between"] == 1.0 and far["phrase_state"] == 1.0
    near = rule_context(TEXT, _quotes()[0], ments, sents, 0)
    assert near["far"] == 0.0 and near["states_between"] == 0.0 and near["phrase_state"] == 1.0
    # no speaker phrase: nothing to measure
    assert set(rule_context(TEXT, dict(_quotes()[1], speaker_start=None, speaker_end=None), ments, sents, 2).values()) == {0.0}


def test_context_is_crossed_with_the_sources_and_is_part_of_the_feature_names():
    names = feature_names()
    assert names[-len(context_names()):] == context_names()
    v = dict(zip(context_names(), crossed({"rules", "none"}, dict.fromkeys(CONTEXT_FEATURES, 2.0))))
    assert v["rules_x_far"] == 2.0 and v["none_x_states_between"] == 2.0 and v["para_speaker_x_far"] == 0.0
    assert set(crossed({"rules"}, None)) == {0.0}


def _tables():
    sents, ments = _spans()
    m = pd.DataFrame([{"article_id": "a", "start": x.start, "end": x.end, "actor_id": x.actor_id,
                       "actor_type": x.actor_type, "country": x.country} for x in ments])
    s = pd.DataFrame([{"article_id": "a", "sentence_id": i, "start": a, "end": b} for i, (a, b) in enumerate(sents)])
    return pd.DataFrame(_quotes()), m, s


def test_the_chooser_may_change_a_weak_rules_answer_but_not_a_direct_one():
    q, m, s = _tables()
    assert "implicit_previous_speaker" in WEAK_RULES
    assert applies(q).tolist() == [False, True]
    # a toy model that distrusts a rules' answer whose phrase is paragraphs back, and prefers the
    # first state named in the previous sentence
    model = {"features": ["rules_x_far", "src_prev_subject1", "src_none"], "coef": [-3.0, 1.0, -0.5], "intercept": 0.0}
    out = choose_states(q, {"a": TEXT}, m, s, model)
    assert out["speaker_country"].tolist() == ["CHN", "JPN"]
    assert out["speaker_chosen"].tolist() == [False, True]
    # the weak rule's speaker goes with its state; the direct attribution keeps its phrase
    assert out["speaker_text"].tolist()[0] == "المتحدثة باسم الخارجية الصينية"
    assert out["speaker_text"].tolist()[1] is None and pd.isna(out["speaker_start"].tolist()[1])
    assert out["speaker_via"].tolist()[1] is None and out["speaker_type"].tolist()[1] == "state"


def test_a_weak_rules_answer_the_model_agrees_with_is_left_as_it_was():
    q, m, s = _tables()
    out = choose_states(q, {"a": TEXT}, m, s, {"features": ["src_rules"], "coef": [4.0], "intercept": 0.0})
    assert out["speaker_country"].tolist() == ["CHN", "CHN"] and not out["speaker_chosen"].any()
    assert out["speaker_via"].tolist()[1] == "chain:وأكدت>قالت"


def test_choosing_no_state_for_a_weak_rule_drops_its_speaker():
    q, m, s = _tables()
    out = choose_states(q, {"a": TEXT}, m, s, {"features": ["src_none"], "coef": [4.0], "intercept": 0.0})
    assert pd.isna(out["speaker_country"].tolist()[1]) and out["speaker_chosen"].tolist() == [False, True]
    assert out["speaker_text"].tolist()[1] is None and pd.isna(out["speaker_type"].tolist()[1])
    assert out["speaker_country"].tolist()[0] == "CHN"
