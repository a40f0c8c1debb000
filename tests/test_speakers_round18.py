"""Round 18 of issue 19: what a speaker phrase's own words say about its state."""
from __future__ import annotations

from quote_fixtures import quotes_of


def test_a_titles_own_nisba_before_fi_is_the_speakers_state_not_the_body_after_it(tmp_path):
    # a Dutch MEP speaks for the Netherlands, a Georgian researcher of European affairs for
    # Georgia; the EU after "في" is where the post sits or what is studied (the whole pipeline:
    # in an article about Europe the rules before round 18 gave both EU)
    from arnews.speakers.chooser_train import rules_quotes

    (tmp_path / "a.txt").write_text(
        "رأي: أوروبا والهجرة\n\nوحتى داخل المؤسسات الأوروبية تتعالى الأصوات. أما النائبة الهولندية في البرلمان "
        "الأوروبي آنا دي يونغ فقالت في حديث هاتفي: «لقد حولنا الحقوق إلى بند تفاوضي».\n\nويرى الباحث الجورجي "
        "في الشؤون الأوروبية نيكا بيرادزه أن الاتحاد «يسير على حبل مشدود».\n", encoding="utf-8")
    q = rules_quotes(tmp_path)["quotes"]
    assert q["speaker_country"].tolist() == ["NLD", "GEO"]
    assert q["speaker_type"].tolist()[1] == "analyst"


def test_a_bloc_nisba_or_a_body_right_after_the_title_is_not_an_own_nisba():
    q = quotes_of('وقال المبعوث الأوروبي في ليبيا إن "الحوار ممكن".\n'
                  'وقالت ممثلة برنامج الأغذية العالمي في تشاد إن "المخزون ينفد".',
                  [("ليبيا", "LBY", "country", "LBY"), ("تشاد", "TCD", "country", "TCD"),
                   ("برنامج الأغذية العالمي", "WFP", "organization", "UN")], chooser=False)
    assert q["speaker_country"].tolist() == ["EU", "UN"]


def test_a_large_city_of_the_place_list_places_a_non_state_speaker():
    # the capitals and largest cities of every state (speaker_places.csv, kind place): an
    # analyst or an NGO placed by the city named in the phrase, not left without a state
    q = quotes_of('وقال المحلل في مركز دراسات في لاغوس إن "الاقتصاد يتباطأ".\n'
                  'وقالت الباحثة في جامعة ملبورن إن "الجفاف سيطول".', chooser=False)
    assert q["speaker_country"].tolist() == ["NGA", "AUS"]
    q = quotes_of('وقال المحلل في مركز دراسات إن "الاقتصاد يتباطأ".', chooser=False)
    assert q["speaker_country"].isna().all()  # no place, no dateline: no state
