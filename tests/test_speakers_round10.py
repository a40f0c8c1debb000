"""Tests for the issue-19 round-10 rules (read on qt01–qt152 and the sample as dev).

Every sentence is written for the tests; the expected values are worked out by hand."""
from __future__ import annotations

from quote_fixtures import quotes_of


def _speaker(q, quote: str, col: str = "speaker_country") -> list:
    return q.loc[q["quote"] == quote, col].tolist()


def test_an_addressee_pronoun_after_the_verb_is_skipped_and_the_subject_after_it_speaks():
    t = 'قالت لي سيدة من خان يونس عبر الهاتف: «نحن لا نسأل عن اليوم التالي».'
    q = quotes_of(t, [])
    assert _speaker(q, "نحن لا نسأل عن اليوم التالي", "speaker_text") == ["سيدة من خان يونس"]


def test_an_addressee_pronoun_alone_is_no_speaker():
    t = 'قال وزير الخارجية الفرنسي إن الوضع «صعب». وقال لي: «سنعود غدا».'
    q = quotes_of(t, [("الفرنسي", "FRA", "country", "FRA")])
    assert "لي" not in q["speaker_text"].dropna().tolist()


def test_a_residence_does_not_place_a_non_state_speaker_named_with_a_nationality():
    t = 'يقول الخبير النفطي العراقي نبيل الجبوري، المقيم في لندن، إن المشكلة "ليست في القرارات".'
    q = quotes_of(t, [("العراقي", "IRQ", "country", "IRQ"), ("لندن", "GBR", "city", "GBR")])
    assert _speaker(q, "ليست في القرارات") == ["IRQ"]


def test_a_residence_alone_still_places_the_speaker():
    t = 'يقول الخبير النفطي نبيل الجبوري، المقيم في لندن، إن المشكلة "ليست في القرارات".'
    q = quotes_of(t, [("لندن", "GBR", "city", "GBR")])
    assert _speaker(q, "ليست في القرارات") == ["GBR"]


def test_a_nationality_apposed_after_a_comma_is_no_speaker_the_body_before_it_is():
    t = ('وشارك منسق الشؤون الإنسانية للأمم المتحدة في اليمن، البرازيلي جوليان هارنيس، الذي قال إن المبلغ '
         '"يغطي أقل من نصف الاحتياجات".')
    q = quotes_of(t, [("للأمم المتحدة", "UN", "organization", "UN"), ("اليمن", "YEM", "country", "YEM"),
                      ("البرازيلي", "BRA", "country", "BRA")])
    assert _speaker(q, "يغطي أقل من نصف الاحتياجات") == ["UN"]


def test_a_nationality_without_a_comma_before_it_still_names_the_speaker():
    t = 'وشارك في الاجتماع الوزير البرازيلي جوليان هارنيس، الذي قال إن المبلغ "يغطي أقل من نصف الاحتياجات".'
    q = quotes_of(t, [("البرازيلي", "BRA", "country", "BRA")])
    assert _speaker(q, "يغطي أقل من نصف الاحتياجات") == ["BRA"]


def test_the_head_of_the_company_speaks_for_the_nationality_of_its_earlier_naming():
    t = ('ليما - قالت الشركة الكندية للتعدين "أنديان كوبر" في بيان إنها "تحترم القوانين". '
         'المدير التنفيذي للشركة السيد ديفيد ماكنزي صرح بأن "الحوار هو الطريق الوحيد".')
    q = quotes_of(t, [("الكندية", "CAN", "country", "CAN"), ("ليما", "PER", "city", "PER")])
    assert _speaker(q, "الحوار هو الطريق الوحيد") == ["CAN"]
    assert _speaker(q, "الحوار هو الطريق الوحيد", "speaker_type") == ["company"]


def test_a_name_after_the_head_of_the_company_is_no_politician_of_the_gazetteer():
    t = ('سيول - ستستثمر شركة "هانغانغ" في مصنع قرب هانوي. وقال رئيس الشركة بارك جي هون إن المصنع '
         '"سيبدأ الإنتاج في 2028".')
    q = quotes_of(t, [("جي", "CHN_XI", "person", "CHN"), ("سيول", "KOR", "city", "KOR")])
    assert _speaker(q, "سيبدأ الإنتاج في 2028") == ["KOR"]


def test_a_company_head_without_an_earlier_naming_takes_the_dateline():
    from arnews.speakers.company import company_back_country, takes_up_company
    from arnews.speakers.lexicon import words_in

    t = 'وقال رئيس الشركة الكورية إن المصنع جاهز.'
    ss = t.index("رئيس")
    ws = words_in(t, ss, ss + 20)
    assert not takes_up_company(ws)  # "الشركة الكورية": a company named there, not taken up
    assert company_back_country(t, ss, ws) is None


def test_a_lone_titled_name_after_ajaba_is_the_subject_not_an_object():
    t = ('مونتيفيديو - قال وزير خارجية الأوروغواي ماتياس بيريرا إن الاتفاق "قريب". '
         'وسأل مراسل صحيفة "إل أوبسرفادور" عن موقف البرازيل، فأجاب بيريرا بأن برازيليا "شريك لا غنى عنه".')
    q = quotes_of(t, [("الأوروغواي", "URY", "country", "URY"), ("البرازيل", "BRA", "country", "BRA")])
    assert _speaker(q, "شريك لا غنى عنه") == ["URY"]


def test_a_country_after_fi_behind_a_body_is_the_posts_place_not_the_speaker():
    t = 'بدوره، قال ممثل برنامج الأغذية العالمي في تشاد، الكيني ماري أوتينو، إن البرنامج "سيضطر إلى خفض الحصص".'
    q = quotes_of(t, [("تشاد", "TCD", "country", "TCD"), ("الكيني", "KEN", "country", "KEN")])
    assert _speaker(q, "سيضطر إلى خفض الحصص") == ["UN"]


def test_a_capital_alone_as_the_subject_speaks_for_its_state():
    t = 'الكويت - قدمت الكويت دعما جديدا. كما قالت مسقط إنها "مستمرة في تسهيل الحوار".'
    q = quotes_of(t, [("الكويت", "KWT", "country", "KWT")])
    assert _speaker(q, "مستمرة في تسهيل الحوار") == ["OMN"]


def test_a_title_with_a_possessive_pronoun_speaks_for_the_body_named_before():
    t = ('وقال وزير الخارجية الأرميني إن بلاده "اختارت المستقبل".\n\n'
         'والمفارقة أن الاتحاد الأوروبي، الذي لم يكن طرفا في المفاوضات، سارع إلى عرض التمويل، وقالت مفوضته '
         'لشؤون التوسع إن الاتحاد "مستعد للاستثمار في السلام".')
    q = quotes_of(t, [("الأرميني", "ARM", "country", "ARM"), ("الاتحاد الأوروبي", "EU", "bloc", "EU")])
    assert _speaker(q, "مستعد للاستثمار في السلام") == ["EU"]


def test_a_word_in_ha_that_is_no_title_is_no_possessive_title():
    from arnews.speakers import load_speaker_lexicon
    from arnews.speakers.lexicon import words_in
    from arnews.speakers.phrase_roles import pronoun_title

    lex = load_speaker_lexicon()
    assert pronoun_title(words_in("مفوضته", 0, 6), lex)
    assert not pronoun_title(words_in("كتابه", 0, 5), lex)
