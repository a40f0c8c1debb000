"""Round 39 of issue 19 (developed on qt01–qt587): a state title with no country of its own takes
the article's state, "المتحدث باسم X" keeps its body, a one-word back-reference before العالمي
names another body, and quoted names headed by اتفاقية/قانون/… are titles."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of

_LBY = [("ليبيا", "LBY", "country", "LBY"), ("الليبي", "LBY", "country", "LBY")]
_PARLIAMENT = ("طرابلس - تعمق الخلاف في ليبيا حول المصرف المركزي الليبي.\n\n"
               "وقال المتحدث باسم مجلس النواب إن المجلس «هو الجهة الوحيدة المخولة بتسمية المحافظ».\n\n"
               "ولم تعلق الحكومة في ليبيا على البيان.")


def test_a_state_title_with_no_country_takes_the_state_the_article_names_twice():
    q = quotes_of(_PARLIAMENT, _LBY, chooser=False)
    assert speaker_of(q, "هو الجهة الوحيدة المخولة بتسمية المحافظ") == ["LBY"]
    assert speaker_of(q, "هو الجهة الوحيدة المخولة بتسمية المحافظ", "speaker_text") == ["المتحدث باسم مجلس النواب"]
    # named once only, in the quote's own sentence (a partner at a press conference), the
    # state is not given; named once elsewhere in a text with no dateline, it is (round 56)
    once = _PARLIAMENT.replace("ولم تعلق الحكومة في ليبيا على البيان.", "ولم تعلق الحكومة على البيان.").replace(
        "المصرف المركزي الليبي", "المصرف المركزي").replace("الخلاف في ليبيا", "الخلاف").replace(
        "مجلس النواب إن", "مجلس النواب في مؤتمر مع نظيره الليبي إن")
    q = quotes_of(once, _LBY, chooser=False)
    assert speaker_of(q, "هو الجهة الوحيدة المخولة بتسمية المحافظ") != ["LBY"]


def test_a_regional_source_gets_no_state_from_the_article():
    text = _PARLIAMENT.replace("المتحدث باسم مجلس النواب", "مصدر دبلوماسي غربي")
    q = quotes_of(text, _LBY, chooser=False)
    assert speaker_of(q, "هو الجهة الوحيدة المخولة بتسمية المحافظ") == [None]
    text = _PARLIAMENT.replace("وقال المتحدث باسم مجلس النواب", "وقال مسؤولون خليجيون")
    q = quotes_of(text, _LBY, chooser=False)
    assert speaker_of(q, "هو الجهة الوحيدة المخولة بتسمية المحافظ") == [None]


def test_the_fund_followed_by_worldwide_is_not_the_imf():
    nor = [("النرويج", "NOR", "country", "NOR")]
    text = "أوسلو - قالت منظمة الصندوق العالمي للطبيعة في النرويج إن «قاع البحر ليس منجما احتياطيا»."
    q = quotes_of(text, nor, chooser=False)
    assert speaker_of(q, "قاع البحر ليس منجما احتياطيا") == ["NOR"]
    q = quotes_of("واشنطن - قال الصندوق في تقريره إن «النمو سيتباطأ».", [("صندوق النقد الدولي", "IMF", "organization", "IMF")],
                  chooser=False)
    assert speaker_of(q, "النمو سيتباطأ") == ["IMF"]


def test_quoted_names_headed_by_an_agreement_or_a_law_are_titles():
    tza = [("التنزاني", "TZA", "country", "TZA")]
    text = ("دار السلام - قال وزير الطاقة التنزاني إن توقيع «اتفاقية الحكومة المضيفة» مع شركتي «إكوينور» النرويجية "
            "و«شل» البريطانية يمثل «أهم قرار اقتصادي منذ الاستقلال».")
    q = quotes_of(text, tza, chooser=False)
    kinds = dict(zip(q["quote"], q["kind"]))
    assert kinds["اتفاقية الحكومة المضيفة"] == "title" and kinds["إكوينور"] == "title" and kinds["شل"] == "title"
    assert kinds["أهم قرار اقتصادي منذ الاستقلال"] == "speech"
    # an indefinite word after the head is a description said, not a name
    q = quotes_of("وقال الوزير التنزاني إن المشروع «مركز إقليمي للطاقة».", tza, chooser=False)
    assert q["kind"].tolist() == ["speech"]


def test_an_outlet_after_a_detached_li_is_the_medium_not_the_speakers_country():
    actors = [("العماني", "OMN", "country", "OMN")]
    text = ('مسقط - قال وزير الطاقة العماني إن بلاده تخطط.\n\nلكن الدكتور يوناس فيبر، الباحث في معهد فوبرتال '
            'الألماني للمناخ، قال لـ"رويترز" إن "الماء والتمويل هما المشكلة الحقيقية".')
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "الماء والتمويل هما المشكلة الحقيقية") == ["DEU"]
