"""Round 42 of issue 19 (developed on qt01–qt632): traders and businessmen are company
speakers placed by their nisba or by the place after them (a region still names no state);
"ما وصفه X بـ«…»" names the describer X, while "ما وصفه بـ«…»" leaves the clause's subject."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of

_ACTORS = [("المصري", "EGY", "country", "EGY"), ("جنيف", "CHE", "country", "CHE"), ("القاهرة", "EGY", "country", "EGY"),
           ("النيجيري", "NGA", "country", "NGA"), ("روما", "ITA", "country", "ITA"), ("الجزائر", "DZA", "country", "DZA"),
           ("الجزائرية", "DZA", "country", "DZA"), ("التشيلية", "CHL", "country", "CHL")]


def test_a_trader_with_a_region_is_placed_by_the_place_after_him_a_diplomat_is_not():
    text = ("القاهرة (وكالات) - قال وزير التموين المصري إن النظام «مرن».\n\n"
            "وقال تاجر أوروبي في جنيف، طلب عدم نشر اسمه، إن الشحنات «تراجعت بشكل ملحوظ».\n\n"
            "وقال دبلوماسي أوروبي في القاهرة إن الاتحاد «يتابع الملف».")
    q = quotes_of(text, _ACTORS, chooser=False)
    assert speaker_of(q, "تراجعت بشكل ملحوظ") == ["CHE"]
    assert speaker_of(q, "تراجعت بشكل ملحوظ", "speaker_type") == ["company"]
    assert speaker_of(q, "يتابع الملف") == [None]


def test_a_businessman_takes_his_nisba():
    text = "لاغوس (وكالات) - قال رجل الأعمال النيجيري أليكو دانغوتي إن مصفاته «ستغير السوق»."
    q = quotes_of(text, _ACTORS, chooser=False)
    assert speaker_of(q, "ستغير السوق") == ["NGA"] and speaker_of(q, "ستغير السوق", "speaker_type") == ["company"]


def test_the_describer_after_wasafahu_speaks_but_a_bare_wasafahu_keeps_the_subject():
    text = ("الجزائر (وكالات) - وصلت رئيسة الحكومة إلى العاصمة الجزائرية، في ما وصفته روما بأنه «شراكة طويلة الأمد».\n\n"
            "وقالت الوزيرة التشيلية إن الفرق ستناقش ما وصفته بـ«سلسلة القيمة الكاملة» من الاستخراج إلى الصناعة.")
    q = quotes_of(text, _ACTORS, chooser=False)
    assert speaker_of(q, "شراكة طويلة الأمد") == ["ITA"]
    assert speaker_of(q, "سلسلة القيمة الكاملة") == ["CHL"]
