"""Tests for the issue-19 round-8 rules (general mechanisms, read on qt108–qt122 as dev):
wrong states rather than missing ones. A fronted place beats a title taken up from earlier
paragraphs, …

Every sentence is written for the tests; the expected values are worked out by hand."""
from __future__ import annotations

from quote_fixtures import quotes_of

_PLACES = [("الإيرانية", "IRN", "country", "IRN"), ("طهران", "IRN", "city", "IRN"), ("واشنطن", "USA", "city", "USA"),
           ("الولايات المتحدة", "USA", "country", "USA")]


def test_a_fronted_place_beats_a_title_taken_up_from_an_earlier_paragraph():
    t = ('طهران - قال المتحدث باسم وزارة الخارجية الإيرانية إن التقرير «منحاز».\n\n'
         'وفي واشنطن، قال متحدث باسم الخارجية إن الولايات المتحدة «تدعم الوكالة».')
    q = quotes_of(t, _PLACES)
    assert q.loc[q["quote"] == "منحاز", "speaker_country"].tolist() == ["IRN"]
    assert q.loc[q["quote"] == "تدعم الوكالة", "speaker_country"].tolist() == ["USA"]


def test_a_title_taken_up_in_the_same_paragraph_as_the_fronted_place_keeps_its_state():
    t = ('وفي واشنطن، قال المتحدث باسم الخارجية الإيرانية إن الوفد «وصل».'
         ' وأضاف المتحدث أن المحادثات «بدأت».')
    q = quotes_of(t, _PLACES)
    assert q.loc[q["quote"] == "بدأت", "speaker_country"].tolist() == ["IRN"]


_SSD = [("جنوب السودان", "SSD", "country", "SSD"), ("منظمة الصحة العالمية", "WHO", "organisation", "WHO"),
        ("تيدروس", "TEDROS", "person", "WHO")]


def test_a_relative_after_a_comma_takes_up_the_named_phrase_before_it():
    t = ('وقال تيدروس إن الوباء «يتحرك بسرعة».\n\n'
         'وشاركت في المؤتمر وزيرة الصحة في جنوب السودان يار ديو، التي قالت إن المستشفيات «تستقبل ضعف طاقتها».')
    q = quotes_of(t, _SSD)
    row = q[q["quote"] == "تستقبل ضعف طاقتها"].iloc[0]
    assert row["speaker_country"] == "SSD" and row["speaker_text"].startswith("وزيرة الصحة")


def test_a_pronoun_after_a_comma_takes_up_the_named_phrase_before_it():
    t = ('قالت وزارة الدفاع الفرنسية إنها «تأخذ علما».\n\n'
         'وتحدث الى الصحفيين المتحدث باسم الجيش النيجيري العميد نواشوكو، وهو قال ان القوات «قادرة على الحماية».')
    q = quotes_of(t, [("الفرنسية", "FRA", "country", "FRA"), ("النيجيري", "NGA", "country", "NGA")])
    assert q.loc[q["quote"] == "قادرة على الحماية", "speaker_country"].tolist() == ["NGA"]


def test_a_relative_without_a_comma_is_no_subject():
    # "الاتفاق الذي قال": the relative qualifies a thing, not the named phrase
    t = ('قال الرئيس الفرنسي إن الاتفاق «مهم».\n\n'
         'وأشار وزير الخارجية النيجيري إلى الاتفاق الذي قال عنه إنه «انتهى».')
    q = quotes_of(t, [("الفرنسي", "FRA", "country", "FRA"), ("النيجيري", "NGA", "country", "NGA")])
    assert q.loc[q["quote"] == "انتهى", "speaker_country"].tolist() == ["NGA"]


def test_a_topic_after_a_comma_and_fa_inna_is_the_subject_of_the_later_verb():
    t = ('قال وزير الإعلام النيجيري إن نيجيريا «دولة ذات سيادة».\n\n'
         'في الأثناء، فإن الاتحاد الأفريقي من خلال رئيس مفوضيته دعا إلى «حل الخلافات بالحوار».')
    q = quotes_of(t, [("النيجيري", "NGA", "country", "NGA"), ("نيجيريا", "NGA", "country", "NGA"),
                      ("الاتحاد الأفريقي", "AU", "organisation", "AU")])
    assert q.loc[q["quote"] == "حل الخلافات بالحوار", "speaker_country"].tolist() == ["AU"]


def test_fan_as_part_of_a_name_is_no_topic_marker():
    t = ('أما الباحثة في جامعة ليدن الهولندية صوفي فان دام فقالت إن الموجة «تعيد رسم العلاقة».')
    q = quotes_of(t, [("الهولندية", "NLD", "country", "NLD")])
    assert q.loc[q["quote"] == "تعيد رسم العلاقة", "speaker_country"].tolist() == ["NLD"]


def test_the_subject_between_kana_and_qad_is_the_speaker():
    t = ('قال وزير الخارجية الباكستاني إن بلاده «ستوفر الحماية». وقال الباحث الصيني تشانغ إن المحادثات «مثمرة».'
         ' وكان صندوق النقد الدولي قد حذر في تقرير سابق من أن الديون «تتطلب شفافية أكبر».')
    q = quotes_of(t, [("الباكستاني", "PAK", "country", "PAK"), ("الصيني", "CHN", "country", "CHN"),
                      ("صندوق النقد الدولي", "IMF", "organisation", "IMF")])
    assert q.loc[q["quote"] == "تتطلب شفافية أكبر", "speaker_country"].tolist() == ["IMF"]


def test_a_definite_noun_opening_an_earlier_body_name_stands_for_that_body():
    t = ('أوسلو - بدأ حلف شمال الأطلسي (الناتو) الاثنين مناورات في النرويج.\n\n'
         'وقالت المتحدثة باسم الحلف في بروكسل إن التدريبات «دفاعية بحتة».')
    q = quotes_of(t, [("حلف شمال الأطلسي", "NATO", "organisation", "NATO"), ("النرويج", "NOR", "country", "NOR"),
                      ("أوسلو", "NOR", "city", "NOR"), ("بروكسل", "EU", "city", "EU")])
    assert q.loc[q["quote"] == "دفاعية بحتة", "speaker_country"].tolist() == ["NATO"]


def test_the_genitive_of_a_title_is_no_back_reference_to_a_body():
    # "وزيرة الصحة": the ministry's field, not "منظمة الصحة العالمية"
    t = ('قال المدير العام لمنظمة الصحة العالمية إن الوباء «سريع».\n\n'
         'وقالت وزيرة الصحة في جنوب السودان إن المستشفيات «ممتلئة».')
    q = quotes_of(t, [("منظمة الصحة العالمية", "WHO", "organisation", "WHO"), ("جنوب السودان", "SSD", "country", "SSD")])
    assert q.loc[q["quote"] == "ممتلئة", "speaker_country"].tolist() == ["SSD"]


def test_a_bare_name_takes_the_nationality_of_its_untitled_fuller_mention():
    t = ('طوكيو - توج العداء المغربي يوسف العلمي بذهبية السباق.\n\n'
         'وقال العلمي للصحفيين: «هذه الذهبية لكل المغاربة».')
    q = quotes_of(t, [("طوكيو", "JPN", "city", "JPN"), ("المغربي", "MAR", "country", "MAR")])
    row = q[q["quote"] == "هذه الذهبية لكل المغاربة"].iloc[0]
    assert row["speaker_country"] == "MAR" and row["speaker_type"] == "other"


def test_a_bare_name_without_a_nisba_before_it_keeps_the_dateline():
    t = ('طوكيو - توج العداء يوسف العلمي بذهبية السباق.\n\n'
         'وقال العلمي للصحفيين: «هذه الذهبية لكل المغاربة».')
    q = quotes_of(t, [("طوكيو", "JPN", "city", "JPN")])
    assert q.loc[q["quote"] == "هذه الذهبية لكل المغاربة", "speaker_country"].tolist() != ["MAR"]


def test_a_bare_name_whose_titled_mention_names_a_body_by_its_noun_speaks_for_the_body():
    t = ('موسكو - اتهمت طهران الوكالة الدولية للطاقة الذرية بالتسييس.\n\n'
         'وقال المدير العام للوكالة رافائيل غروسي في فيينا إن الوكالة «لا تستهدف أحدا».'
         ' وفي تصريح آخر، قال غروسي إن الوضع «مقلق».')
    q = quotes_of(t, [("موسكو", "RUS", "city", "RUS"), ("طهران", "IRN", "city", "IRN"),
                      ("الوكالة الدولية للطاقة الذرية", "IAEA", "organisation", "IAEA")])
    assert q.loc[q["quote"] == "مقلق", "speaker_country"].tolist() == ["IAEA"]


def test_a_dateline_with_a_date_and_an_agency_but_no_dash_is_no_subject():
    t = ('نيروبي 14 مارس 2026 (شينخوا) وقع رئيس مجلس الدولة الصيني لي تشيانغ اتفاقية لتوسيع الميناء ,'
         ' حيث قال لي ان الشراكة “ تقوم على المنفعة المتبادلة “ .')
    q = quotes_of(t, [("نيروبي", "KEN", "city", "KEN"), ("الصيني", "CHN", "country", "CHN")])
    assert q.loc[q["quote"] == "تقوم على المنفعة المتبادلة", "speaker_country"].tolist() == ["CHN"]


def test_an_indefinite_noun_with_a_nationality_after_the_verb_is_the_subject():
    t = '«الوضع هادئ الآن لكنه هش»، قال ضابط تايلاندي في المنطقة الحدودية.'
    q = quotes_of(t, [("تايلاندي", "THA", "country", "THA")])
    assert q.loc[q["quote"] == "الوضع هادئ الآن لكنه هش", "speaker_country"].tolist() == ["THA"]


def test_a_country_name_in_genitive_after_the_verb_stays_an_object():
    # "وانتقد معارضة روسيا": the object; the speaker is the minister named before
    t = 'قال وزير الخارجية الفرنسي إن الاتفاق «مهم»، وانتقد معارضة روسيا التي وصفها بأنها «غير مبررة».'
    q = quotes_of(t, [("الفرنسي", "FRA", "country", "FRA"), ("روسيا", "RUS", "country", "RUS")])
    assert q.loc[q["quote"] == "غير مبررة", "speaker_country"].tolist() == ["FRA"]


_CLIMATE = [("كولومبيا", "COL", "country", "COL"), ("كينيا", "KEN", "country", "KEN"),
            ("أمريكا اللاتينية", "LATAM", "region", "")]


def test_a_construct_chain_closed_by_a_country_and_followed_by_its_object_is_the_subject():
    t = ('وقال الوزير البرازيلي إن القمة «مهمة».'
         ' وفي الجلسة الختامية، وصف كبير مفاوضي كينيا مسودة النص بأنها «خطوة صغيرة في الاتجاه الصحيح».')
    q = quotes_of(t, _CLIMATE + [("البرازيلي", "BRA", "country", "BRA")])
    assert q.loc[q["quote"] == "خطوة صغيرة في الاتجاه الصحيح", "speaker_country"].tolist() == ["KEN"]


def test_a_verb_opening_a_contrasting_clause_introduces_its_own_quote_not_the_one_before():
    t = ('قالت مبعوثة كولومبيا للمناخ إن أمريكا اللاتينية «تريد خريطة طريق واضحة»،'
         ' فيما وصف كبير مفاوضي كينيا مسودة النص بأنها «خطوة صغيرة».')
    q = quotes_of(t, _CLIMATE)
    assert q.loc[q["quote"] == "خطوة صغيرة", "speaker_country"].tolist() == ["KEN"]
    assert q.loc[q["quote"] == "تريد خريطة طريق واضحة", "speaker_country"].tolist() == ["COL"]


def test_a_verb_after_a_quote_still_names_its_speaker_without_a_contrast():
    t = '«الوضع صعب»، قال وزير الخارجية الكيني، مضيفا أن الحكومة «تعمل».'
    q = quotes_of(t, [("الكيني", "KEN", "country", "KEN")])
    assert q.loc[q["quote"] == "الوضع صعب", "speaker_country"].tolist() == ["KEN"]


def test_a_clause_joined_by_wa_with_its_own_actor_and_verb_names_the_speaker_of_its_quote():
    t = 'ماليزيا تحتج على احتجاز صيادين وهانوي تتحدث عن «انتهاك واضح»'
    q = quotes_of(t, [("ماليزيا", "MYS", "country", "MYS"), ("هانوي", "VNM", "city", "VNM")])
    assert q.loc[q["quote"] == "انتهاك واضح", "speaker_country"].tolist() == ["VNM"]


def test_an_actor_joined_by_wa_without_a_verb_of_its_own_is_no_new_speaker():
    t = 'ماليزيا تحتج على احتجاز صيادين من فيتنام وتايلاند، وتصف الأمر بأنه «انتهاك واضح»'
    q = quotes_of(t, [("ماليزيا", "MYS", "country", "MYS"), ("فيتنام", "VNM", "country", "VNM"),
                      ("تايلاند", "THA", "country", "THA")])
    assert q.loc[q["quote"] == "انتهاك واضح", "speaker_country"].tolist() == ["MYS"]


def test_a_title_cut_short_by_the_quote_finder_is_taken_up_as_a_title_not_as_a_name():
    t = ('الكويت - أكد وزير الخارجية الكويتي الشيخ سالم الصباح اليوم أن الأمن «مسؤولية جماعية».\n\n'
         'وقال الوزير في كلمته لوزراء خارجية دول مجلس التعاون إن الهجمات «تهديد مباشر».\n\n'
         'من جهته، قال الأمين العام لمجلس التعاون لدول الخليج العربية إن المجلس «لن يقف مكتوف الأيدي»،'
         ' مشيرا إلى مبادرة «حارس الخليج» للتنسيق. وأوضح الأمين العام أن المبادرة «مفتوحة أمام الشركاء».\n\n'
         'وفي سياق متصل، قال نائب المتحدث باسم الأمين العام للأمم المتحدة إن المنظمة «تشجع كل جهد».')
    q = quotes_of(t, [("الكويت", "KWT", "city", "KWT"), ("الكويتي", "KWT", "country", "KWT"),
                      ("مجلس التعاون لدول الخليج العربية", "GCC", "organisation", "GCC")])
    assert q.loc[q["quote"] == "مفتوحة أمام الشركاء", "speaker_country"].tolist() == ["GCC"]
