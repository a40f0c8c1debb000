"""Tests for arnews.speakers (speaker state/type, quote kind, continuation chains) and
arnews.quote_eval (alignment, intervals, agreement).

Sentences are written for the tests in the style of the dev texts (qt01–qt15); expected
values are worked out by hand."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from arnews.quote_eval import (
    agreement,
    align_quotes,
    bootstrap_ratio,
    split_figures,
    split_of,
    state_right,
)
from arnews.speakers import (
    dateline_country,
    load_speaker_lexicon,
    quote_kind,
    quotes_by_speaker_state,
)
from quote_fixtures import quotes_of

_quotes = quotes_of


MYS = ("الماليزي", "MYS", "country", "MYS")


def test_minister_by_title_and_nisba_then_continuation_chain():
    t = ('قال وزير الدفاع الماليزي إن بلاده "لن تسمح بعسكرة مياهها الإقليمية". '
         'وأضاف: "الحوار هو طريقنا الأول، وليس الوحيد".')
    q = _quotes(t, [MYS])
    assert q["speaker_country"].tolist() == ["MYS", "MYS"]
    assert q["speaker_type"].tolist() == ["state", "state"]
    assert q["kind"].tolist() == ["speech", "speech"]
    # the second quote's speaker comes from the first: the chain of cues is the evidence
    assert q["speaker_via"].iloc[1] == "chain:وأضاف>قال"


def test_ambassador_speaks_for_his_state_not_the_host():
    t = 'وكان السفير الصيني لدى ماليزيا قد صرح بأن سفن بلاده "تمارس حقوقا تاريخية مشروعة في المنطقة".'
    q = _quotes(t, [("الصيني", "CHN", "country", "CHN"), ("ماليزيا", "MYS", "country", "MYS")])
    # the subject stands before the verb here; whatever the rule, the state is the ambassador's
    assert q["speaker_country"].tolist() == ["CHN"]


def test_analyst_country_from_the_place_not_the_bloc():
    # بروكسل is the EU as a government (gazetteer) but Belgium as the place of a think tank
    t = 'وقال الخبير الاقتصادي في مركز للأبحاث في بروكسل يوهان فيرمولن إن أثر الحزمة "سيكون محدودا ما لم تلتزم به الدول".'
    q = _quotes(t, [("بروكسل", "EU", "bloc", "EU")])
    assert (q["speaker_type"].iloc[0], q["speaker_country"].iloc[0]) == ("analyst", "BEL")


def test_former_official_is_an_analyst_with_his_nationality():
    t = 'ويقول الدبلوماسي الفنلندي السابق ماتي كوسكينن: "المشكلة أن مجلس القطب صار مجلسا بلا روسيا".'
    q = _quotes(t, [("الفنلندي", "FIN", "country", "FIN"), ("روسيا", "RUS", "country", "RUS")])
    assert (q["speaker_type"].iloc[0], q["speaker_country"].iloc[0]) == ("analyst", "FIN")


def test_newspaper_title_is_not_attributed_but_the_paper_speaks_as_media():
    t = 'وكتبت صحيفة "كوميرسانت" أن البيان الختامي "خلا من أي إشارة إلى التفاوض مع موسكو".'
    q = _quotes(t, [("موسكو", "RUS", "country", "RUS")])
    assert q["kind"].tolist() == ["title", "speech"]
    assert q["speaker_text"].iloc[0] is None and q["speaker_country"].iloc[0] is None
    assert q["speaker_type"].iloc[1] == "media" and q["speaker_country"].iloc[1] == "RUS"


def test_habitual_naming_is_a_term_without_speaker():
    t = 'وقالت الحكومة إن ما تسميه موسكو "عملية عسكرية خاصة" هو غزو.'
    q = _quotes(t, [("موسكو", "RUS", "country", "RUS")])
    assert q["kind"].tolist() == ["term"]
    assert q[["speaker_text", "speaker_actor_id", "speaker_country"]].isna().all(axis=None)


def test_unattributed_one_word_scare_quote_is_a_term():
    q = _quotes('هل تكتب الصحف "المحتلة" أم لا؟')
    assert q["kind"].tolist() == ["term"]


def test_two_word_quote_with_its_own_speech_verb_stays_speech():
    t = 'واتهمت مانيلا بكين بانتهاج سلوك "عدواني وخطير".'
    q = _quotes(t, [("مانيلا", "PHL", "country", "PHL"), ("بكين", "CHN", "country", "CHN")])
    assert q["kind"].tolist() == ["speech"]
    assert q["speaker_country"].tolist() == ["PHL"]


def test_quote_kind_cues():
    t = 'أجرت "الشرق الدبلوماسي" حوارا، وتطلق الصين على الجزيرة اسم "هوانغيان".'
    s1 = t.index("الشرق")
    s2 = t.index("هوانغيان")
    assert quote_kind(t, s1, s1 + len("الشرق الدبلوماسي"), None) == "term"  # two words, no cue of its own
    assert quote_kind(t, s2, s2 + len("هوانغيان"), "verb_subject") == "term"  # 'اسم' before the quote
    t2 = 'وقال أسانوف لـ"الشرق الدبلوماسي" إن التوقيت "ليس بريئا".'
    s = t2.index("الشرق")
    assert quote_kind(t2, s, s + len("الشرق الدبلوماسي"), "verb_subject") == "title"


def test_dateline_country_one_place_or_the_first_of_a_double_dateline():
    t = "عنوان\n\nكوالالمبور - قال الوزير"
    s = t.index("كوالالمبور")
    from arnews.speakers import _Mention

    assert dateline_country(t, [_Mention(s, s + 10, "MYS", "country", "MYS")]) == "MYS"
    t2 = "عنوان\n\nبكين/مانيلا (رويترز) - حذرت"
    ms = [_Mention(t2.index("بكين"), t2.index("بكين") + 4, "CHN", "country", "CHN"),
          _Mention(t2.index("مانيلا"), t2.index("مانيلا") + 6, "PHL", "country", "PHL")]
    # two places "A/B" (round 4): the first is the story's (+3 dev quotes, none lost, in round 4)
    assert dateline_country(t2, ms) == "CHN"


def test_speaker_lexicon_errors_name_file_and_row(tmp_path):
    d = tmp_path
    (d / "speaker_titles.csv").write_text("form,speaker_type,note\nباحث,scholar,x\n", encoding="utf-8")
    (d / "speaker_places.csv").write_text("form,country,kind,note\nلندن,GBR,place,x\n", encoding="utf-8")
    (d / "quote_kinds.csv").write_text("form,kind,note\nصحيفة,title,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"speaker_titles\.csv, row 2: speaker_type 'scholar'"):
        load_speaker_lexicon(d)
    (d / "speaker_titles.csv").write_text("form,speaker_type,note\nباحث,analyst,x\n", encoding="utf-8")
    (d / "quote_kinds.csv").write_text("word,kind\nصحيفة,title\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"quote_kinds\.csv: missing column"):
        load_speaker_lexicon(d)


def test_quotes_by_speaker_state_keeps_non_state_apart():
    q = pd.DataFrame({
        "article_id": ["a", "a", "b", "b", "b", "c"],
        "kind": ["speech", "speech", "speech", "title", "speech", "speech"],
        "speaker_country": ["CHN", "CHN", "SGP", None, "UN", None],
        "speaker_type": ["state", "state", "analyst", None, "organisation", None],
        "speaker_text": ["المتحدثة", "بكين", "الباحث", None, "غوتيريش", None],
    })
    out = quotes_by_speaker_state(q)
    assert out[["speaker_group", "speaker_country", "speaker_type", "n_quotes"]].values.tolist() == [
        ["state", "CHN", "state", 2], ["organisation", "UN", "organisation", 1],
        ["non-state", "SGP", "analyst", 1], ["unknown", "", "", 1]]
    assert out["speakers"].iloc[0] in ("المتحدثة; بكين", "بكين; المتحدثة")
    with pytest.raises(ValueError, match="lacks column"):
        quotes_by_speaker_state(q.drop(columns=["kind"]))


# ---------------------------------------------------------------------------
# quote_eval
# ---------------------------------------------------------------------------


def test_split_and_state_right():
    assert [split_of(a) for a in ("qt01", "qt15", "qt16", "qt30", "qt47", "qt48", "qt62", "qt63", "qt77", "qt78", "qt92",
                                  "qt93", "qt107", "qt108", "qt122", "qt123", "qt137", "qt138", "qt152", "qt153", "qt167",
                                  "qt168", "qt182", "qt183", "qt197", "qt198", "qt212", "qt213", "qt227", "qt228", "qt242",
                                  "qt243", "qt257", "qt258", "qt272", "qt273", "qt287", "qt288", "qt302", "qt303", "qt317", "qt318", "qt332", "qt333", "qt347", "qt348", "qt362", "qt363", "qt377", "qt378", "qt392", "qt393", "qt407", "qt408", "qt422", "qt423", "qt437", "qt438", "qt452", "qt453", "qt467", "qt468", "qt482", "qt483", "qt497", "qt498", "qt512", "qt513", "qt527", "qt528", "qt542", "qt543", "qt557", "qt558", "qt572", "qt573", "qt587", "qt588", "qt602", "qt603", "qt617", "qt618", "qt632", "qt633", "qt647", "qt648", "qt662", "qt663", "qt677", "qt678", "qt692", "qt693", "qt707", "qt708", "qt722", "qt723", "qt737", "qt738", "qt752", "qt753", "qt767", "qt768", "qt782", "qt783", "qt797", "qt798", "qt812", "qt813", "qt827", "qt828", "qt842", "qt843", "qt857", "qt858", "qt872", "qt873", "qt887", "qt888", "qt902", "qt903", "qt917", "qt918", "qt932", "qt933", "qt947", "qt948", "qt962", "qt963", "qt977", "qt978", "qt992", "qt993", "001_x")] == ["dev"] * 129 + ["test", "test", "dev", "sample"]
    assert state_right("RUS|CHN", "CHN|RUS") and state_right("RUS|CHN", "RUS")
    assert not state_right("CHN", None) and not state_right("CHN", "CHN|RUS")
    assert state_right("", None) and not state_right("", "MYS")


def test_bootstrap_interval_contains_the_value_and_is_degenerate_when_all_agree():
    e = bootstrap_ratio(np.array([3, 1, 2, 4]), np.array([4, 4, 4, 4]))
    assert (e.num, e.den, e.value) == (10, 16, 0.625)
    assert e.lo <= e.value <= e.hi and e.lo < e.hi
    e = bootstrap_ratio(np.array([2, 2]), np.array([2, 2]))
    assert (e.lo, e.hi) == (1.0, 1.0)


def _sys(rows):
    cols = ["article_id", "start", "quote", "speaker_text", "speaker_actor_id", "speaker_country", "speaker_type",
            "kind", "rule", "speaker_via", "speaker_group"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)


def test_alignment_precision_and_state():
    gold = pd.DataFrame({
        "article_id": ["qt01"] * 3, "quote_prefix": ["اللعب", "اللعب", "هوانغيان"],
        "speaker_country": ["CHN", "CHN", "CHN"], "kind": ["speech", "speech", "term"], "split": "dev"})
    system = _sys([
        ("qt01", 10, "اللعب بالنار", "الصين", "CHN", "CHN", "state", "speech", "verb_subject", "name", None),
        ("qt01", 50, "اللعب بالنار", "الصين", "CHN", "USA", "state", "speech", "verb_subject", "name", None),
        ("qt01", 90, "هوانغيان", "الصين", "CHN", "CHN", "state", "speech", "verb_subject", "name", None),
        ("qt01", 99, "شيء آخر", "بكين", "CHN", "CHN", "state", "speech", "verb_subject", "name", None),
    ])
    details, sysa = align_quotes(system, gold)
    assert details["found"].tolist() == [True, True, True]
    assert sysa["gold_kind"].fillna("-").tolist() == ["speech", "speech", "term", "-"]
    f = split_figures(details, sysa)
    assert (f.state_right.num, f.state_right.den) == (1, 2)  # the second has the wrong state
    assert (f.precision.num, f.precision.den) == (2, 4)      # a term and a non-quote were attributed


def test_agreement_counts_kind_and_state():
    first = pd.DataFrame({"article_id": ["qt04"] * 3, "quote_prefix": ["أ", "ب", "ج"],
                          "speaker_country": ["MYS", "CHN", ""], "kind": ["speech", "speech", "title"]})
    second = pd.DataFrame({"article_id": ["qt04"] * 3, "quote_prefix": ["أ", "ب", "ج"],
                           "speaker_country": ["MYS", "MYS", ""], "kind": ["speech", "speech", "term"]})
    a = agreement(first, second)
    assert (a["n"], a["n_both_speech"]) == (3, 2)
    assert a["kind_agree"] == pytest.approx(2 / 3) and a["state_agree"] == 0.5


def test_error_classes_count_outcomes_without_listing_quotes():
    from arnews.quote_eval import error_classes

    d = pd.DataFrame({
        "kind": ["speech"] * 5 + ["term"],
        "found": [True, False, True, True, True, True],
        "speaker_country": ["CHN", "CHN", "MYS", "USA", "", "RUS"],
        "sys_speaker_country": ["CHN", None, None, "CHN", "SGP", None],
        "via": ["direct", "continuation", "continuation", "direct", "direct", "none"],
    })
    e = error_classes(d)
    assert (e["right"], e["not_found"], e["no_speaker"], e["wrong_state"], e["spurious_state"]) == (1, 1, 1, 1, 1)
    assert (e["continuation"], e["continuation_right"]) == (2, 0)
