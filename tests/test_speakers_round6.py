"""Speaker rules of issue 19 round 6 (classes read from the dev errors of qt78–qt92, the
held-out set of round 5): general mechanisms rather than listed words."""
from __future__ import annotations

from quote_fixtures import quotes_of

from arnews.speakers.nisba import nisba_country, skeleton_country


def test_a_capital_taken_whole_is_no_nisba_but_a_country_name_is():
    # "الرياضي" (sporting) looks like a nisba of the capital الرياض; "الجزائري" is Algerian
    assert nisba_country("الرياضي") is None and nisba_country("الرياضية") is None
    assert nisba_country("الجزائري") == "DZA" and nisba_country("الكيني") == "KEN"
    t = 'وقال المعلق الرياضي الجزائري حفيظ دراجي: «المنتخبات الصغيرة هي الخاسر الأكبر».'
    assert quotes_of(t, [("الجزائري", "DZA", "country", "DZA")])["speaker_country"].tolist() == ["DZA"]


def test_a_country_name_spelled_without_a_long_vowel_is_still_that_country():
    assert skeleton_country("بنغلادش") == "BGD" and skeleton_country("كزاخستان") == "KAZ"
    assert skeleton_country("الاقتصاد") is None and skeleton_country("مصر") is None  # short names are left alone
    t = 'وقال مستشار الحكومة الانتقالية في بنغلادش لشؤون اللاجئين إن البلاد «لا تستطيع تحمل المزيد».'
    assert quotes_of(t)["speaker_country"].tolist() == ["BGD"]
