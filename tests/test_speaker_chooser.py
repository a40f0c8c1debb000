"""The round-15 speaker-state chooser: candidates, features, applying the model, the shipped file."""
from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from arnews.speakers.choice_features import SITUATIONS, candidate_features, feature_names, quote_candidates, situation
from arnews.speakers.chooser import applies, choose_states, load_chooser
from arnews.speakers.resolve import Mention

TEXT = ('قالت المتحدثة باسم الخارجية الصينية: "نرفض ذلك".\n'
        '"لن نتراجع عن موقفنا".\n'
        'وفي موسكو، قال وزير الخارجية الروسي: "ندعم الحوار".')


def _q(start, end, sid, country, text=None, rule=None, ss=None, se=None, via=None):
    return {"article_id": "a", "start": start, "end": end, "sentence_id": sid, "quote": TEXT[start:end],
            "speaker_country": country, "speaker_text": text, "speaker_actor_id": None, "speaker_type": "state" if country else None,
            "rule": rule, "speaker_start": ss, "speaker_end": se, "speaker_via": via, "kind": "speech"}


def _article():
    s0 = TEXT.index("المتحدثة")
    q1 = TEXT.index("نرفض")
    q2 = TEXT.index("لن نتراجع")
    q3 = TEXT.index("ندعم")
    quotes = [_q(q1, q1 + len("نرفض ذلك"), 0, "CHN", "المتحدثة باسم الخارجية الصينية", "verb_subject", s0, q1 - 3),
              _q(q2, q2 + len("لن نتراجع عن موقفنا"), 1, None),
              _q(q3, q3 + len("ندعم الحوار"), 2, "RUS", "وزير الخارجية الروسي", "verb_subject",
                 TEXT.index("وزير"), q3 - 3)]
    ments = [Mention(TEXT.index("الصينية"), TEXT.index("الصينية") + 7, "CHN", "country", "CHN"),
             Mention(TEXT.index("موسكو"), TEXT.index("موسكو") + 5, "RUS", "country", "RUS"),
             Mention(TEXT.index("الروسي"), TEXT.index("الروسي") + 6, "RUS", "country", "RUS")]
    sents = []
    pos = 0
    for line in TEXT.split("\n"):
        sents.append((pos, pos + len(line)))
        pos += len(line) + 1
    return quotes, ments, sents


def test_a_stand_alone_quote_is_offered_the_previous_speakers_state_and_no_state():
    quotes, ments, sents = _article()
    cands = quote_candidates(TEXT, quotes, ments, sents)
    assert set(cands[1]) == {"", "CHN", "RUS"}
    assert cands[1]["RUS"] == {"art_top"}  # named later, but the article's most named state
    assert {"art_speaker", "prev_subject1"} <= cands[1]["CHN"]
    assert cands[1][""] == {"none"}
    # the third quote: its own phrase and sentence name Russia, the earlier speaker China
    assert {"rules", "phrase_first", "sent_first"} <= cands[2]["RUS"]
    assert "art_speaker" in cands[2]["CHN"] and "para_speaker" not in cands[2]["CHN"]  # another paragraph


def test_situation_tells_a_quote_without_phrase_from_a_named_one():
    quotes, _, _ = _article()
    assert situation(quotes[1], False)["phrase_none"] == 1.0 and situation(quotes[1], False)["rule_none"] == 1.0
    s = situation(quotes[0], True)
    assert s["phrase_place"] == 1.0 and s["rule_direct"] == 1.0 and s["phrase_none"] == 0.0


def test_features_mark_bodies_and_cross_sources_with_the_situation():
    sit = dict.fromkeys(SITUATIONS, 0.0)
    sit["phrase_none"] = 1.0
    f = dict(zip(feature_names(), candidate_features("UN", {"art_speaker"}, sit, Counter(UN=2, CHN=5), {"UN": 1}, 3,
                                                    frozenset({"UN"}))))
    assert f["is_body"] == 1.0 and f["is_top"] == 0.0 and f["art_speaker_x_phrase_none"] == 1.0
    assert f["rules_x_phrase_none"] == 0.0 and f["near_sent"] == pytest.approx(1 / 3)


def _frame(quotes):
    return pd.DataFrame(quotes)


def test_the_chooser_fills_only_quotes_without_speaker_and_keeps_the_rules_answer_elsewhere():
    quotes, ments, sents = _article()
    q = _frame(quotes)
    m = pd.DataFrame([{"article_id": "a", "start": x.start, "end": x.end, "actor_id": x.actor_id, "actor_type": x.actor_type,
                       "country": x.country} for x in ments])
    s = pd.DataFrame([{"article_id": "a", "sentence_id": i, "start": a, "end": b} for i, (a, b) in enumerate(sents)])
    assert applies(q).tolist() == [False, True, False]
    # a toy model that prefers the latest earlier speaker, and a state over none
    model = {"features": ["src_art_speaker", "src_none"], "coef": [2.0, -1.0], "intercept": 0.0}
    out = choose_states(q, {"a": TEXT}, m, s, model)
    assert out["speaker_country"].tolist() == ["CHN", "CHN", "RUS"]
    assert out["speaker_chosen"].tolist() == [False, True, False]
    assert out["speaker_type"].tolist()[1] == "state"
    # a model preferring no state leaves the quote without one, and nothing is marked chosen
    none = choose_states(q, {"a": TEXT}, m, s, {"features": ["src_none"], "coef": [5.0], "intercept": 0.0})
    assert pd.isna(none["speaker_country"].tolist()[1]) and not none["speaker_chosen"].any()
    assert none["speaker_country"].tolist()[::2] == ["CHN", "RUS"]
    # no model ({}): the rules' answers stand, the column is there
    assert not choose_states(q, {"a": TEXT}, m, s, {})["speaker_chosen"].any()


def test_find_quotes_has_the_column_and_can_run_the_rules_alone():
    from arnews.quotes import QUOTE_COLUMNS, find_quotes
    from arnews.text import sentences_table, tokens_table

    arts = pd.DataFrame({"article_id": ["a"], "clean_text": [TEXT]})
    s = sentences_table(arts)
    t = tokens_table(s)
    m = pd.DataFrame([{"article_id": "a", "sentence_id": 0, "start": x.start, "end": x.end, "surface": TEXT[x.start:x.end],
                       "actor_id": x.actor_id, "actor_type": x.actor_type, "country": x.country} for x in _article()[1]])
    rules = find_quotes(s, t, m, arts, chooser=False)
    chosen = find_quotes(s, t, m, arts)
    assert list(chosen.columns) == QUOTE_COLUMNS and not rules["speaker_chosen"].any()
    keep = ~chosen["speaker_chosen"]
    assert chosen.loc[keep, "speaker_country"].tolist() == rules.loc[keep, "speaker_country"].tolist()
    assert (rules.loc[chosen["speaker_chosen"], "speaker_country"].isna()).all()


def test_fitting_is_deterministic():
    from arnews.speakers.chooser_train import example_table, fit_chooser

    a, b = fit_chooser(example_table()), fit_chooser(example_table())
    assert a == b and len(a["coef"]) == len(feature_names())


def test_the_shipped_chooser_equals_the_rebuild(tmp_path):
    from arnews.speakers.chooser_train import build

    shipped = load_chooser()
    assert shipped is not None, "data/models/speaker_chooser.json is missing: python -m arnews train-speakers"
    rebuilt = json.loads(build(tmp_path / "m.json").read_text(encoding="utf-8"))
    assert rebuilt["features"] == shipped["features"] == feature_names()
    assert (rebuilt["n_quotes"], rebuilt["n_rows"]) == (shipped["n_quotes"], shipped["n_rows"])
    np.testing.assert_allclose(rebuilt["coef"], shipped["coef"], atol=1e-6)
    assert rebuilt["intercept"] == pytest.approx(shipped["intercept"], abs=1e-6)


def test_a_state_given_without_a_phrase_counts_as_attributed():
    """The precision of attributed quotes reads every quote a count by state would: one the
    chooser gave a state without a speaker phrase is attributed, a term is not."""
    import pandas as pd

    from arnews.quote_eval import attributed

    q = pd.DataFrame({"speaker_text": [None, None, None], "speaker_actor_id": [None, None, None],
                      "speaker_country": ["RUS", None, "CHN"], "kind": ["speech", "speech", "term"]})
    assert attributed(q).tolist() == [True, False, False]
