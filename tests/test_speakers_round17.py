"""Round 17 of issue 19: what a speaker phrase's own words say about its state."""
from __future__ import annotations

from quote_fixtures import quotes_of, quotes_with_gazetteer

from arnews.speakers.body_nationality import taken_up_noun
from arnews.speakers.lexicon import words_in


def test_a_small_state_places_its_officials_titled_or_not():
    # Tuvalu, Vanuatu, the Solomon Islands: once rows of kind "state" in speaker_places.csv, now
    # gazetteer countries (data/actors.csv lists every UN member); they place any speaker
    text = ('وقال وزير العدل في توفالو إن "الجزر تغرق بسرعة".\n'
            'وقال رئيس وزراء جزر سليمان: "لن نختار بين أصدقائنا".\n'
            'وقال صياد من فانواتو: "البحر يأكل بيوتنا".')
    q = quotes_with_gazetteer(text)
    assert q["speaker_country"].tolist() == ["TUV", "SLB", "VUT"]


def test_solomon_alone_is_a_first_name_not_the_islands():
    q = quotes_of('وقال الوزير المصري سليمان إن "الحوار مستمر".',
                  [("المصري", "EGY", "country", "EGY")], chooser=False)
    assert q["speaker_country"].tolist() == ["EGY"]


def test_a_body_taken_up_by_its_definite_noun_keeps_the_nationality_of_its_earlier_naming():
    q = quotes_of('وقالت منظمة "كاميناندو" الإسبانية في بيان إن الطريق خطر.\n'
                  'وأضافت المنظمة: "المال يشتري الصمت".\n'
                  'ونشرت صحيفة "ديلي ستار" البنغلاديشية تقريرا. لكن الصحيفة قالت إن "القمع لن يحل المشكلة".',
                  chooser=False)
    q = q[q["kind"] == "speech"]
    assert q["speaker_country"].tolist() == ["ESP", "BGD"]
    assert q["speaker_type"].tolist() == ["ngo", "media"]


def test_a_body_named_by_its_own_definite_name_or_never_named_with_a_nationality_keeps_no_state():
    # "المنظمة الدولية للهجرة" is a name, not a back-reference; an organisation never given a
    # nationality gives none
    q = quotes_of('وقالت منظمة "سيف" في تقرير إن الوضع سيئ.\nوأضافت المنظمة: "نطالب بالتحقيق".', chooser=False)
    q = q[q["kind"] == "speech"]
    assert q["speaker_text"].tolist() == ["المنظمة"] and q["speaker_country"].isna().all()
    t = "المنظمة الدولية للهجرة"
    assert taken_up_noun(words_in(t, 0, len(t))) is None
    t = "رئيسة المنظمة السيدة ماريا"
    assert taken_up_noun(words_in(t, 0, len(t))) == "منظمة"


def test_an_office_of_the_secretary_general_speaks_for_the_un_not_the_country_of_the_post():
    haiti = ("هايتي", "HTI", "country", "HTI")
    q = quotes_of('وقالت الممثلة الخاصة للأمين العام في هايتي إن "الوضع خطير جدا".\n'
                  'وقال المتحدث باسم الأمين العام للحلف إن "الحلف يراقب".',
                  [haiti, ("الحلف", "NATO", "organization", "NATO")], chooser=False)
    assert q["speaker_country"].tolist()[0] == "UN"
    assert q["speaker_type"].tolist()[0] == "organisation"
    assert q["speaker_country"].tolist()[1] != "UN"  # a body named after it: not the UN's


def test_the_organisation_taken_up_is_the_nearest_one_named_even_without_a_code():
    # WHO is a coded body; "أطباء بلا حدود" is not: "منسقة الطوارئ في المنظمة" after it is
    # MSF's coordinator (no state), not WHO's
    who = ("منظمة الصحة العالمية", "WHO", "organization", "WHO")
    q = quotes_of('لوساكا - قالت منظمة الصحة العالمية إن "الوباء ينتشر بسرعة".\n'
                  'من جهتها، قالت منظمة أطباء بلا حدود إن فرقها تعمل. وقالت منسقة الطوارئ في المنظمة: "نستقبل مئتي مريض".\n'
                  'وقال المدير الإقليمي للمنظمة في أفريقيا إن "المخزون كاف".', [who], chooser=False)
    q = q[q["kind"] == "speech"]
    assert q["speaker_country"].tolist()[:2] == ["WHO", None]
    assert q["speaker_type"].tolist()[1] == "ngo"
