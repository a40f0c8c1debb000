"""Round 58 of issue 19: a family name takes the description of its titled mention (a local
association's head speaks for the article's state), "المتحدث باسم مكتبها" speaks for the body
named before, a manner adverb ("صراحة") is no subject, a fronted "ومن جهتها ،" keeps the
subject before the verb, and towns missing from the place list."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of


def test_a_family_name_takes_its_associations_place():
    # "العلوي" typed ngo through "رئيسة جمعية …" had no state before round 58: only the bare
    # name was checked for a local body's word
    text = ("ناشطة مغربية: «الشاطئ ليس للبيع»\n\nأجرت مجلة هذا الحوار مع رئيسة جمعية «أصدقاء الساحل» نادية العلوي، "
            "بعد إغلاق شاطئ قرب مدينة آسفي في المغرب.\n\nس: لماذا تعارضون المشروع؟\n\n"
            "ج: قالت العلوي: «القانون المغربي واضح في هذا الأمر».")
    q = quotes_of(text, [("المغرب", "MAR", "country", "MAR")], chooser=False)
    assert speaker_of(q, "القانون المغربي واضح في هذا الأمر") == ["MAR"]


def test_the_spokesman_of_its_office_speaks_for_the_body_named_before():
    # "في نيامي" gave Niger before round 58: "باسم مكتبها" takes up UNICEF
    actors = [("منظمة الأمم المتحدة للطفولة", "UNICEF", "org", "UN"), ("نيامي", "NER", "country", "NER")]
    text = ("نزاع على الآبار\n\nوتقول منظمة الأمم المتحدة للطفولة إن النزاعات «تتكاثر في المنطقة». "
            "وأوضح المتحدث باسم مكتبها في نيامي، موسى ديالو، أن الأطفال «هم أول من يدفع الثمن».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "هم أول من يدفع الثمن") == ["UN"]


def test_a_manner_adverb_is_no_speaker():
    # "يقول صراحة إن": صراحة was taken for the speaker before round 58
    text = ("زي موحد\n\nالكويت - نشرت الأمانة العامة دليلا قبل سنوات. هذا الدليل يقول صراحة إن المظهر "
            "«مسألة تقدرها كل جهة».")
    q = quotes_of(text, [("الكويت", "KWT", "country", "KWT")], chooser=False)
    assert "صراحة" not in speaker_of(q, "مسألة تقدرها كل جهة", "speaker_text")


def test_a_fronted_for_its_part_keeps_the_subject_before_the_verb():
    # "و من جهتها ، السفارة … قالت": the MP of the paragraph before was continued before round 58
    actors = [("منغولي", "MNG", "country", "MNG"), ("الروسية", "RUS", "country", "RUS"), ("منغوليا", "MNG", "country", "MNG")]
    text = ("ملعب قديم\n\nأولان باتور - قال نائب منغولي إن المناقصة \" جرت بسرعة \" .\n\n"
            "و من جهتها ، السفارة الروسية لدى منغوليا قالت هي أيضا إنها \" مستعدة لتقديم المساعدة \" للمشروع .")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "مستعدة لتقديم المساعدة") == ["RUS"]


def test_towns_missing_from_the_place_list_place_a_dateline():
    # no country for these datelines before round 58
    for town, code in (("بيرايوس", "GRC"), ("صيدا", "LBN"), ("كوكس بازار", "BGD"), ("مكسيكو", "MEX")):
        text = f"ميناء\n\n{town} - قال مسؤول في الميناء إن الحركة «عادت إلى طبيعتها»."
        q = quotes_of(text, [], chooser=False)
        assert speaker_of(q, "عادت إلى طبيعتها") == [code], town


def test_a_possessed_title_with_ta_opens_the_clause():
    # "رئيستها سلمى العياري قالت إن": the ت of رئيسة before a suffix was not read as a title
    # before round 58, so the quote had no speaker
    text = ("شط الجريد\n\nبقلم: كاتب\n\nجمعية «واحات حية» البيئية التونسية لم تقتنع. رئيستها سلمى العياري قالت إن "
            "الدراسة «أعدت في ثلاثة أسابيع فقط».")
    q = quotes_of(text, [("التونسية", "TUN", "country", "TUN")], chooser=False)
    assert speaker_of(q, "أعدت في ثلاثة أسابيع فقط", "speaker_text") == ["رئيستها سلمى العياري"]


def test_a_possessed_title_after_the_verb_is_its_subject():
    # "ويمول البنك الدولي …، وقال ممثله في داكار": the clause's opening "البنك الدولي جزءا …" was
    # taken for the speaker (with the dateline's state) before round 58
    actors = [("البنك الدولي", "WORLD_BANK", "org", "WORLD_BANK"), ("داكار", "SEN", "country", "SEN")]
    text = ("محميات ساحلية\n\nداكار - تحمي النساء الشواطئ.\n\nويمول البنك الدولي جزءا من المشروع، وقال ممثله في داكار "
            "في رسالة إلكترونية إن النتائج الأولى «مشجعة».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "مشجعة") == ["WORLD_BANK"]


def test_a_regional_groups_commissioner_speaks_for_no_state():
    # "ورحبت المجموعة الاقتصادية لدول غرب أفريقيا (إيكواس) …، وقال مفوضها": ECOWAS has no code; the
    # Nigerian ministry of the sentence before gave NGA before round 58
    actors = [("أبوجا", "NGA", "country", "NGA"), ("النيجيرية", "NGA", "country", "NGA")]
    text = ("أسواق حدودية\n\nوفي أبوجا، قالت وزارة الخارجية النيجيرية في بيان إن الخطوة «ثمرة حوار». "
            "ورحبت المجموعة الاقتصادية لدول غرب أفريقيا (إيكواس) بالقرار، وقال مفوضها للتجارة كواكو منساه إن "
            "الأسواق «حجر الأساس في التكامل».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "حجر الأساس في التكامل", "speaker_text") == ["مفوضها للتجارة كواكو منساه"]
    assert speaker_of(q, "حجر الأساس في التكامل") == [None]
