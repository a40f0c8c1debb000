"""Round 10 of the stance pair model (issue 15): cooperation undone (arnews.stance.reversal),
what a list of states does together (``coordv:``), and which earlier states are proposed as
the other side of an implicit pair."""
from __future__ import annotations

from arnews.stance.reversal import reversal_words, reversed_cues
from arnews.stance_features import Cue, Mention, SentenceView, pair_contexts, word_key
from stance_fixtures import views_of


def _pairs(view) -> dict:
    return {(a, b): c for a, b, c in pair_contexts(view)}


def _coop(at: int, cue: str = "شراكة") -> Cue:
    return Cue(at, at, cue, "COOPERATE", 0.7, 0.7, False, False, False, False)


# Reversal
# ---------------------------------------------------------------------------


def test_the_reversal_list_is_read_from_its_csv_with_clitics_stripped():
    words = reversal_words()
    assert {word_key(w) for w in ("علقت", "تجميد", "الغاء", "وانسحاب")} <= words  # الغاء's key drops ال as the text's does
    assert not any(w.startswith("#") for w in words)


def test_a_reversal_word_undoes_a_cooperation_cue_up_to_three_words_on():
    words = ["وجمدت", "الحكومة", "كل", "المساعدات", "المقدمة"]
    near, far = _coop(3, "مساعدات"), _coop(5, "مساعدات")
    assert reversed_cues(words + ["x"], [near, far]) == [near]
    conflict = Cue(1, 1, "ادانة", "DISAPPROVE", -0.8, -0.8, False, False, False, False)
    assert reversed_cues(["تعليق", "ادانة"], [conflict]) == []  # only cooperation is undone


def test_a_comment_on_something_is_no_suspension():
    assert reversed_cues(["وعلق", "علي", "الاتفاق"], [_coop(2, "اتفاق")]) == []
    assert reversed_cues(["وعلق", "الاتفاق"], [_coop(1, "اتفاق")]) != []
    assert reversed_cues(["والغت", "الاتفاق"], [_coop(1, "اتفاق")]) != []


def test_pairs_of_a_sentence_that_suspends_a_partnership_carry_the_feature():
    view = next(v for v in views_of("وعلقت الولايات المتحدة الشراكة الاستراتيجية مع جورجيا.") if v.mentions)
    got = _pairs(view)
    assert "rev:any" in got[("GEO", "USA")].extra
    plain = next(v for v in views_of("ووقعت الولايات المتحدة الشراكة الاستراتيجية مع جورجيا.") if v.mentions)
    assert "rev:any" not in _pairs(plain)[("GEO", "USA")].extra


# What a list does
# ---------------------------------------------------------------------------


def test_a_listed_pair_names_the_word_before_its_list():
    view = next(v for v in views_of("وهنأت روسيا والصين وكوبا مادورو بالفوز.") if v.mentions)
    extra = _pairs(view)[("CHN", "RUS")].extra
    assert "coordv:هنات" in extra
    signed = next(v for v in views_of("ووقعت روسيا والصين اتفاقا للطاقة.") if v.mentions)
    assert "coordv:وقعت" in _pairs(signed)[("CHN", "RUS")].extra
    apart = next(v for v in views_of("انتقدت روسيا موقف الصين.") if v.mentions)
    assert not any(k.startswith("coordv:") for k in _pairs(apart)[("CHN", "RUS")].extra)


# Which earlier states are proposed
# ---------------------------------------------------------------------------


def _two_named(**kw) -> SentenceView:
    return SentenceView("a", 2, ["وقعت", "روسيا", "والصين", "اتفاقا"],
                        [Mention("RUS", 1, 1, "country", "روسيا"), Mention("CHN", 2, 2, "country", "الصين")], **kw)


def test_a_state_named_earlier_only_in_passing_is_not_proposed_when_two_are_named_here():
    assert not any(c.implicit for c in _pairs(_two_named(context={"BRA": 1})).values())
    subject = _pairs(_two_named(context={"BRA": 1}, context_subjects=frozenset({"BRA"})))
    assert subject[("BRA", "RUS")].implicit == "context1"
    main = _pairs(_two_named(context={"BRA": 2}, article_pair=("BRA", "CHN")))
    assert main[("BRA", "CHN")].implicit == "context2"


def test_one_named_state_still_pairs_with_any_earlier_one():
    v = SentenceView("a", 2, ["ورحبت", "روسيا", "بالخطوة"], [Mention("RUS", 1, 1, "country", "روسيا")], context={"BRA": 2})
    assert _pairs(v)[("BRA", "RUS")].implicit == "context2"
