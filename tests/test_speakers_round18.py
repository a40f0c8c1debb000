"""Round 18 of issue 19: what a speaker phrase's own words say about its state."""
from __future__ import annotations

from quote_fixtures import quotes_of


def test_a_titles_own_nisba_before_fi_is_the_speakers_state_not_the_body_after_it():
    # a Dutch MEP speaks for the Netherlands, a Georgian researcher of European affairs for
    # Georgia; the EU after "في" is where the post sits or what is studied
    q = quotes_of('وقالت النائبة الهولندية في البرلمان الأوروبي إن "الاتفاق يبيع حقوق الإنسان".\n'
                  'وقال الباحث الجورجي في الشؤون الأوروبية إن "الحكومة تسير على حبل مشدود".',
                  [("البرلمان الأوروبي", "EU", "organization", "EU")], chooser=False)
    assert q["speaker_country"].tolist() == ["NLD", "GEO"]
    assert q["speaker_type"].tolist()[1] == "analyst"


def test_a_bloc_nisba_or_a_body_right_after_the_title_is_not_an_own_nisba():
    q = quotes_of('وقال المبعوث الأوروبي في ليبيا إن "الحوار ممكن".\n'
                  'وقالت ممثلة برنامج الأغذية العالمي في تشاد إن "المخزون ينفد".',
                  [("ليبيا", "LBY", "country", "LBY"), ("تشاد", "TCD", "country", "TCD"),
                   ("برنامج الأغذية العالمي", "WFP", "organization", "UN")], chooser=False)
    assert q["speaker_country"].tolist() == ["EU", "UN"]
