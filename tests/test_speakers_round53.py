"""Round 53 of issue 19: bodies fronted after إنّ, whom a call is made on, funds that are not
the IMF's "الصندوق", and a mission taken up after its possessed naming ("بعثته")."""
from __future__ import annotations

from quote_fixtures import quotes_of


def test_a_commission_fronted_after_inna_is_the_subject_of_the_call():
    # "مفوضية" headed no speaker phrase: the call's object "الطرفين" was taken for its subject
    text = "قال موغيشا إن مفوضية الاتحاد الأفريقي دعت الطرفين إلى «تغليب روح التعاون الإقليمي»."
    q = quotes_of(text, [("الاتحاد الأفريقي", "AU", "bloc", "AU")], chooser=False)
    assert q[["speaker_text", "speaker_country"]].values.tolist() == [["مفوضية الاتحاد الأفريقي", "AU"]]


def test_a_union_opening_the_sentence_speaks_and_the_governments_are_called_on():
    text = ("بيروت (وكالات) - أغلقت المحطة أبوابها. واتحاد إذاعات الدول العربية حذر في تقريره من «تآكل الإعلام العام»، "
            "ودعا الحكومات إلى «التعامل مع البث العام كمرفق».")
    q = quotes_of(text, chooser=False)
    assert q["speaker_text"].str.endswith("اتحاد إذاعات الدول العربية").tolist() == [True, True]


def test_a_call_on_a_named_subject_still_takes_the_subject_after_the_verb():
    text = "ودعت الحكومة المواطنين إلى «الهدوء». ودعا وزير الخارجية الأطراف إلى «ضبط النفس»."
    q = quotes_of(text, chooser=False)
    assert q["speaker_text"].tolist() == ["الحكومة", "وزير الخارجية"]


def test_the_worldwide_fund_is_not_the_imfs_fund():
    text = ("دار السلام (وكالات) - وقالت منسقة البرامج في الصندوق العالمي للطبيعة في دار السلام غريس مواكيلا "
            "إن الغمر «ثمن بيئي لم يقيم».")
    q = quotes_of(text, [("دار السلام", "TZA", "city", "TZA")], chooser=False)
    assert q["speaker_country"].tolist() == ["TZA"]
    # the IMF's back-reference keeps its code
    text = "وقال صندوق النقد الدولي إن النمو تباطأ. وأضاف الصندوق في تقريره أن «المخاطر كبيرة»."
    q = quotes_of(text, [("صندوق النقد الدولي", "IMF", "organization", "IMF")], chooser=False)
    assert q["speaker_country"].tolist() == ["IMF"]


def test_a_fund_with_a_gazetteer_nisba_is_that_states_not_the_imfs():
    # "السعودي" is a nisba only of the gazetteer's nisba column, which the check after the
    # one-word back-reference "الصندوق" did not read: the Saudi fund spoke for the IMF
    text = "الرياض (واس) - وقال الصندوق السعودي للتنمية في بيان إن القرض «يدعم الطاقة»."
    q = quotes_of(text, [("السعودي", "SAU", "country", "SAU")], chooser=False)
    assert q[["speaker_country", "speaker_type"]].values.tolist() == [["SAU", "state"]]


def test_the_head_of_the_mission_speaks_for_the_body_whose_mission_it_is():
    # "بعثته" (its mission) named no body after it, so "رئيس البعثة" fell back to the
    # article's state
    text = ("بيروت - تأخر الإصلاح مرة أخرى.\n\nصندوق النقد الدولي، من جهته، لم يعد يجامل أحدا. "
            "ففي ختام زيارة بعثته الأخيرة إلى بيروت، قال رئيس البعثة إن «التقدم لا يزال محدودا جدا».")
    actors = [("صندوق النقد الدولي", "IMF", "organization", "IMF"), ("بيروت", "LBN", "city", "LBN")]
    q = quotes_of(text, actors, chooser=False)
    assert q[["speaker_text", "speaker_country", "speaker_type"]].values.tolist() == [["رئيس البعثة", "IMF", "organisation"]]
