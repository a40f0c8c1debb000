"""Round 44 of issue 19 (developed on qt01–qt662): a body speaking under its quoted name
("قالت «كينغهو» في بيان إنها «…»") is the speaker, typed and placed by where the article first
named it; a title of a quoted company ("نائب الرئيس التنفيذي لـ«سينوبك»") speaks for that
company's state; a title keeps the international body it belongs to ("المدير التنفيذي للمجلس
الدولي للزيتون": no state)."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of

_ACTORS = [("سيراليون", "SLE", "country", "SLE"), ("الصينية", "CHN", "country", "CHN"), ("تونس", "TUN", "country", "TUN"),
           ("سريلانكا", "LKA", "country", "LKA"), ("التونسية", "TUN", "country", "TUN")]


def test_a_quoted_name_after_the_verb_is_the_speaker_placed_by_its_first_naming():
    text = ("فريتاون (وكالات) - علقت حكومة سيراليون الاتفاقية مع شركة «كينغهو» الصينية، وقالت إنها «تريد عقدا عادلا».\n\n"
            "في المقابل، قالت «كينغهو» في بيان نشرته على موقعها إنها «فوجئت بالقرار».")
    q = quotes_of(text, _ACTORS, chooser=False)
    assert speaker_of(q, "كينغهو", "kind") == ["title", "title"]
    assert speaker_of(q, "فوجئت بالقرار", "speaker_text") == ["«كينغهو»"]
    assert speaker_of(q, "فوجئت بالقرار") == ["CHN"]
    assert speaker_of(q, "فوجئت بالقرار", "speaker_type") == ["company"]
    assert speaker_of(q, "تريد عقدا عادلا") == ["SLE"]


def test_a_quoted_name_never_introduced_is_a_company_of_no_known_state():
    text = "فريتاون (وكالات) - تقول «بروسبيرا» في بياناتها إنها «استثمرت بحسن نية»."
    q = quotes_of(text, _ACTORS, chooser=False)
    assert speaker_of(q, "استثمرت بحسن نية") == [None]
    assert speaker_of(q, "استثمرت بحسن نية", "speaker_type") == ["company"]


def test_a_title_of_a_quoted_company_speaks_for_the_company_state_not_the_host():
    text = ("كولومبو (وكالات) - وقعت حكومة سريلانكا اتفاقا مع مجموعة «سينوبك» الصينية لبناء مصفاة.\n\n"
            "أما نائب الرئيس التنفيذي لـ«سينوبك» فقال في بيان إن الأعمال «ستبدأ قبل نهاية العام».")
    q = quotes_of(text, _ACTORS, chooser=False)
    assert speaker_of(q, "ستبدأ قبل نهاية العام") == ["CHN"]


def test_a_title_of_an_international_council_speaks_for_no_state():
    text = ("تونس (وكالات) - قالت الوزيرة التونسية إن الموسم «جيد».\n\n"
            "وقال المدير التنفيذي للمجلس الدولي للزيتون في تصريح صحفي إن الإنتاج 'سيعود إلى مستوياته الطبيعية' قريبا.")
    q = quotes_of(text, _ACTORS, chooser=False)
    assert speaker_of(q, "سيعود إلى مستوياته الطبيعية") == [None]
    assert speaker_of(q, "سيعود إلى مستوياته الطبيعية", "speaker_type") == ["organisation"]


def test_a_company_quoted_earlier_with_its_state_places_its_spokesman_and_its_bare_name():
    text = ("بيروت (وكالات) - قال وزير الطاقة اللبناني إن البلد «لن يتخلى عن حقه».\n\n"
            "الكونسورتيوم الذي تقوده 'توتال إنرجيز' الفرنسية أعلن أن البئر جافة.\n\n"
            "متحدث باسم توتال إنرجيز قال لرويترز إن الشركة 'ملتزمة بالبقاء في لبنان'.")
    actors = [("اللبناني", "LBN", "country", "LBN"), ("الفرنسية", "FRA", "country", "FRA"), ("لبنان", "LBN", "country", "LBN"),
              ("بيروت", "LBN", "country", "LBN")]
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "لن يتخلى عن حقه") == ["LBN"]
    assert speaker_of(q, "ملتزمة بالبقاء في لبنان") == ["FRA"]
    assert speaker_of(q, "ملتزمة بالبقاء في لبنان", "speaker_type") == ["company"]


def test_a_headline_state_asking_or_thanking_speaks_its_quoted_object_but_not_an_operation_it_reinforces():
    actors = [("هافانا", "CUB", "country", "CUB"), ("الأرجنتين", "ARG", "country", "ARG"), ("الناتو", "NATO", "organisation", "NATO"),
              ("الأوروغواي", "URY", "country", "URY")]
    q = quotes_of("هافانا تشكر 'الأصدقاء الحقيقيين' على شحنة النفط\n\nهافانا (وكالات) - وصلت ناقلة.", actors, chooser=False)
    assert speaker_of(q, "الأصدقاء الحقيقيين") == ["CUB"]
    q = quotes_of("الأرجنتين تطلب «مشاورات عاجلة» مع الأوروغواي\n\nبوينس آيرس (وكالات) - طلبت الحكومة.", actors, chooser=False)
    assert speaker_of(q, "مشاورات عاجلة") == ["ARG"]
    q = quotes_of("الناتو يعزز «حارس البلطيق» في الشمال\n\nهلسنكي (وكالات) - احتجزت السلطات ناقلة.", actors, chooser=False)
    assert speaker_of(q, "حارس البلطيق") != ["NATO"]
