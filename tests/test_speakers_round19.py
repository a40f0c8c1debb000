"""Round 19 of issue 19: a forum's secretariat, and a city dateline for non-state voices."""
from __future__ import annotations

from quote_fixtures import quotes_of


def test_a_forums_secretary_general_speaks_for_no_state_not_the_dateline():
    # the dateline would give Fiji (the rules before round 19 did); the forum's
    # secretary-general speaks for the forum
    text = ('قمة الجزر\n\nفيجي - عقد قادة الجزر اجتماعهم السنوي.\n\n'
            'وقال الأمين العام لمنتدى جزر المحيط الهادئ إن "المحيط يرتفع بسرعة".')
    q = quotes_of(text, [("فيجي", "FJI", "country", "FJI")], chooser=False)
    assert q["speaker_country"].isna().all()
    assert q["speaker_type"].tolist() == ["organisation"]
    # a ministry's secretary-general is not a forum's: it keeps the state
    q = quotes_of('وقال الأمين العام لوزارة الخارجية الماليزية إن "الحوار مستمر".', chooser=False)
    assert q["speaker_country"].tolist() == ["MYS"]


def test_a_city_dateline_places_a_company_only_when_a_mention_named_it():
    body = '\n\nوقال المدير التنفيذي لشركة النفط إن "الأسعار سترتفع".'
    # a city known only from the place lexicon: no state for the company's chief
    q = quotes_of("الوقود\n\nلاغوس - ارتفعت أسعار الوقود." + body, chooser=False)
    assert q["speaker_country"].isna().all()
    # the same phrase naming its place keeps it
    q = quotes_of('الوقود\n\nلاغوس - ارتفعت أسعار الوقود.\n\nوقال المدير التنفيذي لشركة النفط في كراتشي إن "الأسعار سترتفع".',
                  chooser=False)
    assert q["speaker_country"].tolist() == ["PAK"]


def test_a_place_after_a_preposition_ends_the_clause_before_a_coordinated_subject():
    # a headline of two clauses: "… في هايتي" ends the first, غوتيريش opens the second
    # (the rules before round 19 took "هايتي وغوتيريش" → HTI)
    actors = [("هايتي", "HTI", "country", "HTI"), ("غوتيريش", "GUTERRES", "person", "UN")]
    q = quotes_of("مجلس الأمن يمدد مهمة البعثة في هايتي وغوتيريش يحذر من «انهيار كامل»\n\nنيويورك - مدد المجلس المهمة.",
                  actors, chooser=False)
    assert q[["speaker_text", "speaker_country"]].values.tolist() == [["غوتيريش", "UN"]]
    # a coordinated subject with no preposition before it is kept whole
    q = quotes_of("بوتين وشي يتعهدان بـ«شراكة بلا حدود»\n\nموسكو - التقى الرئيسان.",
                  [("بوتين", "PUTIN", "person", "RUS"), ("شي", "XI", "person", "CHN")], chooser=False)
    assert q["speaker_text"].tolist() == ["بوتين وشي"]
    # two states after a preposition are one coordination: "دبلوماسيون من الفلبين وفيتنام قالوا"
    q = quotes_of('لكن دبلوماسيين من الفلبين وفيتنام قالوا إن الصين «تصر على الاستبعاد».',
                  [("الفلبين", "PHL", "country", "PHL"), ("فيتنام", "VNM", "country", "VNM")], chooser=False)
    assert q["speaker_country"].tolist() != ["VNM"]
