"""Tests for the round-3 speaker rules of issue 19 (found on dev errors, qt01-qt47): institutions
opening a speaker phrase, journalists and offices as titles, broken-plural nisbas, statement
verbs (ندد، احتج), and the continuation rules below.

Every sentence is written for the tests; the expected values are worked out by hand."""
from __future__ import annotations

from arnews.speakers.resolve import nisba_country
from quote_fixtures import quotes_of


def _speakers(q):
    return q[["speaker_country", "speaker_type"]].values.tolist()


def test_an_institution_opening_the_phrase_speaks_for_its_code_not_a_country_after_it():
    q = quotes_of('قالت الوكالة الذرية في تقريرها عن إيران إن المفتشين "لم يتمكنوا من الوصول".',
                  [("إيران", "IRN", "country", "IRN")])
    assert _speakers(q) == [["IAEA", "organisation"]]


def test_a_journalist_is_media_with_his_nisba_but_a_press_conference_is_no_title():
    q = quotes_of('ويقول الصحفي اللبناني المخضرم جوزيف صليبا: "الرقابة الذاتية أسوأ".',
                  [("اللبناني", "LBN", "country", "LBN")])
    assert _speakers(q) == [["LBN", "media"]]
    q = quotes_of('وقال الرئيس الأميركي في مؤتمره الصحفي إن الاتفاق "قريب جدا".',
                  [("الأميركي", "USA", "country", "USA")])
    assert _speakers(q) == [["USA", "state"]]


def test_an_office_and_an_embassy_speak_for_their_state():
    q = quotes_of('ورد مكتب رئيس الوزراء الإثيوبي في بيان بأن أديس أبابا "لم تغلق باب الحوار".',
                  [("الإثيوبي", "ETH", "country", "ETH"), ("أديس أبابا", "ETH", "country", "ETH")])
    assert q["speaker_country"].tolist() == ["ETH"]


def test_broken_plural_nisba():
    assert nisba_country("روس") == "RUS" and nisba_country("أتراك") == "TUR"
    q = quotes_of('وصرح مسؤولون روس بأن المجموعة تعمل على "عملة مشتركة" منذ عامين.')
    assert q["speaker_country"].tolist() == ["RUS"]


def test_denounce_and_protest_are_statements_with_a_subject_before_them():
    q = quotes_of('فنزويلا تندد بـ"القرصنة" الأميركية\n\nكاراكاس - احتجزت البحرية ناقلة.',
                  [("فنزويلا", "VEN", "country", "VEN")])
    assert q[["kind", "speaker_country"]].values.tolist() == [["speech", "VEN"]]
