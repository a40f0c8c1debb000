"""Round 11 of the stance pair model (issue 15): what a state's adjective describes
(arnews.stance.nisba_head)."""
from __future__ import annotations

from arnews.stance.nisba_head import head_noun, is_nisba_mention, nisba_features
from arnews.stance_features import Mention, pair_contexts
from stance_fixtures import views_of


def _pairs(text: str) -> dict:
    return {(a, b): c for view in views_of(text) for a, b, c in pair_contexts(view)}


def test_an_adjective_is_a_nisba_mention_a_name_or_a_capital_is_not():
    words = ["وصلت", "القوات", "الروسية", "الي", "موسكو", "والصينية"]
    assert is_nisba_mention(words, Mention("RUS", 2, 2, "country", "الروسية"))
    assert is_nisba_mention(words, Mention("CHN", 5, 5, "country", "والصينية"))  # a joined و
    assert not is_nisba_mention(words, Mention("RUS", 4, 4, "country", "موسكو"))
    assert not is_nisba_mention(["الولايات", "المتحدة"], Mention("USA", 0, 1, "country", "الولايات المتحدة"))


def test_the_head_skips_the_other_adjectives_of_a_list_but_not_a_name():
    words = ["الحدود", "الالمانية", "والبولندية", "مع", "روسيا"]
    ms = [Mention("DEU", 1, 1, "country", "الألمانية"), Mention("POL", 2, 2, "country", "البولندية"),
          Mention("RUS", 4, 4, "country", "روسيا")]
    assert head_noun(words, ms, ms[1]) == head_noun(words, ms, ms[0]) == "حدود"
    assert head_noun(["الروسية"], [], Mention("RUS", 0, 0, "country", "الروسية")) == "^"


def test_only_the_adjective_sides_of_a_pair_get_features():
    words = ["طرد", "السفير", "الاثيوبي", "من", "مقديشو"]
    eth, som = Mention("ETH", 2, 2, "country", "الإثيوبي"), Mention("SOM", 4, 4, "country", "مقديشو")
    assert nisba_features(words, [eth, som], eth, som) == ["nisba:L", "nhead:L:سفير"]
    assert nisba_features(words, [eth, som], som, eth) == ["nisba:R", "nhead:R:سفير"]
    assert nisba_features(["قالت", "مصر", "وقطر"], [], Mention("EGY", 1, 1, "country", "مصر"),
                          Mention("QAT", 2, 2, "country", "قطر")) == []


def test_the_pair_model_sees_what_the_adjective_qualifies():
    pairs = _pairs("وتخشى فرنسا منافسة لحوم الأبقار البرازيلية في الأسواق.")
    extra = pairs[("BRA", "FRA")].extra
    # L and R are the two closest mentions in text order: France, then the adjective
    assert "nhead:R:ابقار" in extra and "nisba:R" in extra and not any(k.startswith(("nhead:L", "nisba:L")) for k in extra)
    acting = _pairs("وطردت الحكومة الصومالية السفير الإثيوبي.")[("ETH", "SOM")].extra
    assert {"nhead:L:حكومة", "nhead:R:سفير"} <= set(acting)


# Anaphora: a bloc word resumes the body whose name holds it
# ---------------------------------------------------------------------------


def _anaphors(text: str) -> list[list[tuple[str, str]]]:
    return [[(m.code, m.surface) for m in v.mentions if m.actor_type == "anaphor"] for v in views_of(text)]


def test_the_agency_is_the_body_named_agency_not_the_last_bloc():
    text = ("قال المدير العام للوكالة الدولية للطاقة الذرية إن إيران تمنع المفتشين. "
            "وأيد الاتحاد الأوروبي موقف المدير العام. "
            "ووقعت الوكالة مع مصر اتفاقاً للتدريب.")
    assert _anaphors(text)[2] == [("IAEA", "الوكالة")]


def test_a_state_institution_is_not_a_body_for_a_bloc_word():
    text = ("وقال الكرملين إن الحلف يقترب من حدود روسيا. ورد حلف شمال الأطلسي بأنه دفاعي. "
            "وأكدت المنظمة أنها لا تهدد أحداً.")
    views = _anaphors(text)
    assert views[0] == []  # no body named yet: the Kremlin is Russia, not a bloc to resume
    assert views[2] == [("NATO", "المنظمة")]  # no named body has منظمة: the last body named


def test_the_league_is_resumed_only_by_name():
    assert _anaphors("وقال حلف شمال الأطلسي إنه يراقب الوضع. ووصل رئيس الجامعة إلى المؤتمر.")[1] == []
    named = _anaphors("ودعت جامعة الدول العربية إلى التهدئة. وقال الأمين العام للجامعة إن مصر تدعم الخطة.")
    assert named[1] == [("ARAB_LEAGUE", "للجامعة")]
