"""Round 40 of issue 19 (developed on qt01–qt602): regional development banks without a code
name no state, and a quoted name opened by a definite head noun and "الوطني"/"الدولي" is a title."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of

_TJK = [("طاجيكستان", "TJK", "country", "TJK"), ("الطاجيكي", "TJK", "country", "TJK")]


def test_an_asian_or_african_development_bank_speaks_for_no_state():
    text = ("دوشنبه - قال وزير المالية الطاجيكي إن التمويل «مضمون». وقال ممثل البنك الآسيوي للتنمية في دوشنبه "
            "إن البنك «يدرس منحة إضافية للمشروع».")
    q = quotes_of(text, _TJK, chooser=False)
    assert speaker_of(q, "يدرس منحة إضافية للمشروع") == [None]
    assert speaker_of(q, "مضمون") == ["TJK"]


def test_a_definite_head_with_national_or_international_names_a_body():
    text = "دوشنبه - قال الوزير الطاجيكي إن «الصندوق الوطني لإيرادات المياه» سيمول السد، وإن البلاد «لن تتراجع عن المشروع»."
    q = quotes_of(text, _TJK, chooser=False)
    kinds = dict(zip(q["quote"], q["kind"]))
    assert kinds["الصندوق الوطني لإيرادات المياه"] == "title" and kinds["لن تتراجع عن المشروع"] == "speech"
