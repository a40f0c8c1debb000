"""Features of pairs with one side named only earlier (arnews.stance.implicit, round 8)."""
from __future__ import annotations

from arnews.stance.implicit import implicit_pair_features as _ipf
from arnews.stance.implicit import sentence_facts
from arnews.stance_features import Mention, SentenceView, pair_contexts


def implicit_pair_features(view, other, named):
    return _ipf(sentence_facts(view, len(view.codes())), other, named)


def _view(words, mentions, **kw) -> SentenceView:
    return SentenceView("a", 1, words, mentions, **kw)


def test_the_named_side_as_subject_or_object_of_a_preposition():
    subj = _view(["وهنات", "روسيا", "مادورو"], [Mention("RUS", 1, 1, "country", "روسيا")])
    assert "ictx:named_subject" in implicit_pair_features(subj, "VEN", subj.mentions[0])
    obj = _view(["وقال", "المتحدث", "ان", "بلاده", "تعمل", "مع", "روسيا"], [Mention("RUS", 6, 6, "country", "روسيا")])
    f = implicit_pair_features(obj, "VEN", obj.mentions[0])
    assert "ictx:named_subject" not in f
    assert "ictx:named_gov:مع" in f and "ictx:named_clause:sub" in f


def test_the_article_main_pair_and_the_count_of_named_states():
    v = _view(["رحبت", "مصر"], [Mention("EGY", 1, 1, "country", "مصر")], article_pair=("EGY", "QAT"))
    f = implicit_pair_features(v, "QAT", v.mentions[0])
    assert f[:3] == ["ictx:named=1", "ictx:other_main", "ictx:named_main"]
    assert "ictx:other_main" not in implicit_pair_features(v, "ISR", v.mentions[0])
    assert implicit_pair_features(_view(["قال"], []), "QAT", None) == ["ictx:named=0"]


def test_context_candidates_carry_them_and_named_pairs_do_not():
    v = _view(["وهنات", "روسيا", "والصين", "مادورو"],
              [Mention("RUS", 1, 1, "country", "روسيا"), Mention("CHN", 2, 2, "country", "الصين")],
              context={"VEN": 1}, article_pair=("CHN", "VEN"))
    got = {(a, b): c for a, b, c in pair_contexts(v)}
    assert got[("RUS", "VEN")].implicit == "context1"
    assert {"ictx:named=2", "ictx:other_main", "ictx:named_subject"} <= set(got[("RUS", "VEN")].extra)
    assert not any(k.startswith("ictx:") for k in got[("CHN", "RUS")].extra)
