"""Tests for the issue-19 round-7 rules (general mechanisms, read on qt93–qt107 as dev):
continuation across a paragraph break, the clause a participle or a و-verb belongs to, the
topic after أما, a fronted place standing in for the dateline, bare names resolved through
the article's earlier mentions, interviews, UN-system bodies, occupations, title cues.

Every sentence is written for the tests; the expected values are worked out by hand."""
from __future__ import annotations

import pandas as pd

from quote_fixtures import quotes_of, speaker_of

_UN = [("الأمم المتحدة", "UN", "organisation", "UN")]


def test_a_paragraph_opened_by_a_continuation_cue_takes_the_last_speaker_of_the_paragraph_before():
    t = ('قالت الوكالة الدولية إن الوضع خطير.\n\n'
         'وقالت مديرة مكتب الأمم المتحدة في الخرطوم، سارة بيل: «لم تدخل أي قافلة».\n\n'
         'وأضافت أن الفريق «جاهز بالشاحنات».')
    q = quotes_of(t, _UN)
    last = q[q["quote"] == "جاهز بالشاحنات"].iloc[0]
    assert last["speaker_country"] == "UN" and last["rule"] == "continuation"
    assert str(last["speaker_via"]).startswith("chain:وأضافت")


def test_a_paragraph_with_a_subject_of_its_own_does_not_take_the_last_paragraph_speaker():
    t = ('وقالت مديرة مكتب الأمم المتحدة في الخرطوم: «لم تدخل أي قافلة».\n\n'
         'وأضاف المتحدث باسم الجيش الكيني أن الطريق «مغلق تماما».')
    q = quotes_of(t, _UN)
    assert speaker_of(q, "مغلق تماما", "speaker_country") == ["KEN"]


def test_a_continuation_cue_in_the_middle_of_a_paragraph_does_not_reach_back_two_paragraphs():
    t = ('وقالت مديرة مكتب الأمم المتحدة: «لم تدخل أي قافلة».\n\n'
         'وارتفعت الأسعار في الأسواق. وأضاف أن الفريق «جاهز بالشاحنات».')
    q = quotes_of(t, _UN, chooser=False)  # the rules' answer (round 15: the chooser may give a state)
    row = q[q["quote"] == "جاهز بالشاحنات"].iloc[0]
    assert row["speaker_country"] != "UN"
    row = quotes_of(t, _UN).set_index("quote").loc["جاهز بالشاحنات"]
    assert row["speaker_country"] != "UN" or (row["speaker_chosen"] and row["speaker_text"] is None)


def test_an_untitled_topic_after_amma_is_the_subject_of_the_fa_verb():
    t = ('قال مكتب رئيس الوزراء الإسرائيلي في بيان إن الوفد «يحمل تفويضا محدودا».\n\n'
         'أما القيادي في حركة حماس سامي أبو زيد، فقال في تصريح مكتوب: «الكرة في ملعب الاحتلال».')
    q = quotes_of(t, [("الإسرائيلي", "ISR", "country", "ISR")])
    row = q[q["quote"] == "الكرة في ملعب الاحتلال"].iloc[0]
    assert row["speaker_text"].startswith("القيادي في حركة حماس") and row["speaker_country"] != "ISR"


def test_a_fronted_place_after_amma_is_no_subject():
    t = ('قال وزير الخارجية المصري إن الوضع «صعب».\n\n'
         'أما في القاهرة، فقال: «ننتظر الرد».')
    q = quotes_of(t, [("المصري", "EGY", "country", "EGY")])
    row = q[q["quote"] == "ننتظر الرد"].iloc[0]
    assert not str(row["speaker_text"]).startswith("في القاهرة")


_PLACES = [("باريس", "FRA", "city", "FRA"), ("بيروت", "LBN", "city", "LBN")]


def test_a_fronted_place_gives_its_country_to_a_speaker_without_one_instead_of_the_dateline():
    t = ('باريس - تعهد المشاركون بتقديم المساعدات.\n\n'
         'وفي بيروت، قال النائب المعارض إن المؤتمر «فرصة أخيرة».\n\n'
         'وقال الوزير إن الوعود «لا تكفي».')
    q = quotes_of(t, _PLACES)
    assert speaker_of(q, "فرصة أخيرة", "speaker_country") == ["LBN"]
    # the next paragraph has no place of its own: the dateline again
    assert speaker_of(q, "لا تكفي", "speaker_country") == ["FRA"]


def test_a_place_inside_a_clause_is_no_heading():
    t = ('باريس - تعهد المشاركون بتقديم المساعدات.\n\n'
         'وقال النائب المعارض المقيم في بيروت منذ عام إن المؤتمر «فرصة أخيرة».')
    from arnews.speakers import load_speaker_lexicon
    from arnews.speakers.local import place_heading
    from arnews.speakers.resolve import Mention

    at = t.index("بيروت")
    assert place_heading(t, t.index("إن"), [Mention(at, at + 5, "LBN", "city", "LBN")], load_speaker_lexicon()) is None


def test_a_surname_takes_the_state_of_the_titled_apposition_after_its_first_mention():
    t = ('يريفان - قال وزير الخارجية الأرميني إن المحادثات «جدية».\n\n'
         'من جانبه، قال حكمت حاجييف، مساعد الرئيس الأذربيجاني للسياسة الخارجية، إن باكو «ملتزمة بالسلام». '
         'وكتب حاجييف على منصة إكس: «السلام لا يبنى على نصف اتفاق».')
    q = quotes_of(t, [("الأرميني", "ARM", "country", "ARM"), ("يريفان", "ARM", "city", "ARM"),
                      ("الأذربيجاني", "AZE", "country", "AZE"), ("باكو", "AZE", "city", "AZE")])
    assert speaker_of(q, "السلام لا يبنى على نصف اتفاق", "speaker_country") == ["AZE"]


def test_a_surname_without_a_titled_apposition_keeps_the_dateline():
    t = ('يريفان - قال وزير الخارجية الأرميني إن المحادثات «جدية».\n\n'
         'من جانبه، قال حكمت حاجييف، وهو يبتسم، إن الطريق «طويل». وكتب حاجييف: «لا جديد».')
    q = quotes_of(t, [("الأرميني", "ARM", "country", "ARM"), ("يريفان", "ARM", "city", "ARM")])
    assert speaker_of(q, "لا جديد", "speaker_country") == ["ARM"]


def test_a_family_name_with_the_article_after_a_comma_closing_its_description():
    t = ('أنقرة - قال مستشار رئيس الوزراء العراقي لشؤون النقل، ناصر الأسدي، إن بغداد «حسمت التمويل».\n\n'
         '«لن ننتظر أحدا»، قال الأسدي ردا على سؤال.')
    q = quotes_of(t, [("العراقي", "IRQ", "country", "IRQ"), ("أنقرة", "TUR", "city", "TUR"), ("بغداد", "IRQ", "city", "IRQ")])
    assert speaker_of(q, "لن ننتظر أحدا", "speaker_country") == ["IRQ"]


def test_a_short_non_state_phrase_takes_the_country_of_the_earlier_phrase_it_heads():
    t = ('لندن - قال الخبير العسكري الروسي فيكتور ليتوفكين: «البريطانيون يبالغون».\n\n'
         'وتابع الخبير: «أي استفزاز سيقابل برد».')
    q = quotes_of(t, [("الروسي", "RUS", "country", "RUS"), ("لندن", "GBR", "city", "GBR")])
    assert speaker_of(q, "أي استفزاز سيقابل برد", "speaker_country") == ["RUS"]
    # a different head noun takes nothing from it
    t2 = t.replace("وتابع الخبير", "وتابع الباحث")
    q2 = quotes_of(t2, [("الروسي", "RUS", "country", "RUS"), ("لندن", "GBR", "city", "GBR")])
    assert q2.loc[q2["quote"] == "أي استفزاز سيقابل برد", "speaker_country"].tolist() != ["RUS"]


_INTERVIEW = [("المولدوفية", "MDA", "country", "MDA"), ("موسكو", "RUS", "city", "RUS")]


def test_in_an_interview_we_said_and_you_said_are_the_interviewee():
    t = ('نائبة رئيس الوزراء المولدوفية: «لن نكون ورقة مساومة»\n\n'
         'س: ماذا عن الغاز؟\n\n'
         'ج: تعلمنا الدرس. وقد أكدنا في الحكومة أن «الطاقة مسألة سيادة».\n\n'
         'س: قلتِ في مقابلة سابقة إن الاتحاد الأوروبي «ليس جمعية خيرية». ماذا قصدت؟\n\n'
         'ج: قصدت أن العضوية تكتسب بالعمل.')
    q = quotes_of(t, _INTERVIEW)
    for quote in ("الطاقة مسألة سيادة", "ليس جمعية خيرية"):
        row = q[q["quote"] == quote].iloc[0]
        assert row["rule"] == "interviewee" and row["speaker_country"] == "MDA"


def test_in_a_question_a_third_person_speaker_is_not_the_interviewee():
    t = ('نائبة رئيس الوزراء المولدوفية: «لن نكون ورقة مساومة»\n\n'
         'س: تقول موسكو إن حكومتكم تجر البلاد نحو «مواجهة مع روسيا». كيف تردون؟\n\n'
         'ج: هذا خطاب قديم.')
    q = quotes_of(t, _INTERVIEW)
    row = q[q["quote"] == "مواجهة مع روسيا"].iloc[0]
    assert row["rule"] != "interviewee" and row["speaker_country"] != "MDA"


def test_un_system_bodies_speak_as_the_un():
    t = ('أديس أبابا - قال مكتب تنسيق الشؤون الإنسانية (أوتشا) في تقرير إن الخطة «لم تمول إلا بنسبة 18 في المئة». '
         'وقالت المنظمة العالمية للأرصاد الجوية إن الجفاف «لم ينته بعد».')
    q = quotes_of(t, [("أديس أبابا", "ETH", "city", "ETH")])
    assert q["speaker_country"].tolist() == ["UN", "UN"]
    assert set(q["speaker_type"]) == {"organisation"}


def test_a_speech_participle_takes_the_subject_of_the_verb_before_it_not_a_noun_between():
    t = ('قال وزير النفط العراقي إن الحكومة تطالب الشركات الأجنبية بـ«مراعاة ظروفها»، '
         'موضحا أن العراق «يحتاج إلى كل دولار».')
    q = quotes_of(t, [("العراقي", "IRQ", "country", "IRQ"), ("العراق", "IRQ", "country", "IRQ")])
    row = q[q["quote"] == "يحتاج إلى كل دولار"].iloc[0]
    assert row["speaker_text"].startswith("وزير النفط العراقي") and row["speaker_country"] == "IRQ"


def test_a_speech_participle_is_not_taken_by_a_verb_inside_the_complement_clause():
    t = 'وقال ترامب إنه دعا شي للمساعدة في إنهاء الحرب، مدعيا أن نظيره الصيني لديه «الكثير من القوة».'
    q = quotes_of(t, [("ترامب", "TRUMP", "person", "USA"), ("شي", "XI", "person", "CHN"), ("الصيني", "CHN", "country", "CHN")])
    assert q["speaker_country"].tolist() == ["USA"]


def test_a_headline_family_name_with_the_article_is_the_speaker_when_the_article_gives_a_first_name():
    t = ('الدوحة تستضيف جولة جديدة من المفاوضات.. والأنصاري: «لا نريد رفع سقف التوقعات»\n\n'
         'الدوحة - قال المتحدث باسم وزارة الخارجية القطرية ماجد الأنصاري إن الوسطاء «يعملون».')
    q = quotes_of(t, [("القطرية", "QAT", "country", "QAT"), ("الدوحة", "QAT", "city", "QAT")])
    assert speaker_of(q, "لا نريد رفع سقف التوقعات", "speaker_country") == ["QAT"]


def test_a_headline_common_noun_with_the_article_is_no_speaker():
    t = ('الدوحة تستضيف جولة جديدة من المفاوضات.. والمفاوضات: «مرحلة صعبة»\n\n'
         'قال المتحدث إن المفاوضات «تتقدم».')
    q = quotes_of(t, [("الدوحة", "QAT", "city", "QAT")])
    assert q.loc[q["quote"] == "مرحلة صعبة", "speaker_text"].isna().all()


def test_a_verb_joined_by_wa_without_a_subject_takes_the_sentence_subject_not_the_object_before_it():
    t = ('أما وزير الخارجية الصيني، فوصف كازاخستان بأنها «شريك استراتيجي»، وقال إن الصين «تدعم بقوة» خطوط النقل.')
    q = quotes_of(t, [("الصيني", "CHN", "country", "CHN"), ("الصين", "CHN", "country", "CHN"),
                      ("كازاخستان", "KAZ", "country", "KAZ")])
    assert q["speaker_country"].tolist() == ["CHN", "CHN"]


def test_a_colon_after_a_verb_without_subject_continues_the_paragraph_speaker():
    t = ('وترى الخبيرة الاقتصادية المصرية عالية المهدي أن الأزمة «كشفت الهشاشة». '
         'وتذهب أبعد من ذلك: «علينا أن نعيد التفكير».')
    q = quotes_of(t, [("المصرية", "EGY", "country", "EGY")])
    assert q["speaker_country"].tolist() == ["EGY", "EGY"]


def test_a_colon_opening_a_paragraph_takes_no_speaker_from_the_paragraph_before_by_this_rule():
    t = ('وترى الخبيرة الاقتصادية المصرية عالية المهدي أن الأزمة «كشفت الهشاشة».\n\n'
         'الخلاصة: «الثقة هي السلعة الأغلى».')
    q = quotes_of(t, [("المصرية", "EGY", "country", "EGY")], chooser=False)  # the rules' answer
    assert q.loc[q["quote"] == "الثقة هي السلعة الأغلى", "speaker_country"].isna().all()
    q = quotes_of(t, [("المصرية", "EGY", "country", "EGY")])  # round 15: a state only by the chooser
    row = q.set_index("quote").loc["الثقة هي السلعة الأغلى"]
    assert row["speaker_text"] is None and (pd.isna(row["speaker_country"]) or row["speaker_chosen"])


def test_a_continuation_takes_the_speaker_of_the_last_quote_of_its_paragraph_named_in_an_earlier_one():
    t = ('القاهرة - تسلمت مصر الأحد 25 قطعة أثرية، في خطوة وصفها وزير السياحة والآثار المصري شريف فتحي '
         'بأنها «بداية لا نهاية».\n\n'
         'وقال فتحي خلال مراسم التسليم في المتحف المصري الكبير: «كل قطعة تعود انتصار». '
         'وأضاف أن الوزارة «تتابع عشرات القضايا» في محاكم أوروبية.')
    q = quotes_of(t, [("المصري", "EGY", "country", "EGY")])
    row = q[q["quote"] == "تتابع عشرات القضايا"].iloc[0]
    assert row["speaker_country"] == "EGY" and row["rule"] == "continuation"


def test_occupations_are_titles_typed_with_the_country_the_article_gives():
    t = ('الرباط - اشتعلت المنافسة قبل النهائي. وقال المعلق الرياضي الجزائري حفيظ دراجي إن المباراة «تحولت إلى معركة».')
    q = quotes_of(t, [("الجزائري", "DZA", "country", "DZA"), ("الرباط", "MAR", "city", "MAR")])
    assert q[["speaker_country", "speaker_type"]].values.tolist() == [["DZA", "media"]]


def test_a_title_in_the_apposition_of_an_earlier_phrase_is_taken_up_later():
    t = ('الرياض (رويترز) - قالت مجموعة أوبك+ يوم الأحد إنها ستمدد التخفيضات، في خطوة وصفها مصدر في المجموعة '
         'بأنها «احترازية».\n\n'
         'وقال وزير الطاقة السعودي الأمير عبد العزيز بن سلمان للصحفيين: «سنبقى استباقيين».\n\n'
         'وأضاف الأمير عبد العزيز، ردا على سؤال عن خلافات داخل المجموعة: «من يتحدث عن انقسامات لا يقرأ الأرقام».')
    q = quotes_of(t, [("السعودي", "SAU", "country", "SAU"), ("الرياض", "SAU", "city", "SAU"),
                      ("أوبك", "OPEC", "organisation", "OPEC")])
    assert q["speaker_country"].tolist()[-2:] == ["SAU", "SAU"]


def test_in_an_answer_a_state_title_without_a_country_speaks_for_the_interviewees_state():
    t = ('نائبة رئيس الوزراء المولدوفية: «لن نكون ورقة مساومة»\n\n'
         'س: تقول موسكو إن حكومتكم تجر البلاد نحو المواجهة. كيف تردون؟\n\n'
         'ج: هذا خطاب قديم. أكرر ما قالته رئيسة الجمهورية: «الحياد لا يعني العزلة».\n\n'
         'س: والاتحاد الأوروبي؟ قالت المفوضة الأوروبية إن مولدوفا «من أسرع المرشحين».')
    q = quotes_of(t, _INTERVIEW + [("مولدوفا", "MDA", "country", "MDA")])
    assert speaker_of(q, "الحياد لا يعني العزلة", "speaker_country") == ["MDA"]
    assert speaker_of(q, "من أسرع المرشحين", "speaker_country") != ["MDA"]


def test_a_colon_after_verb_and_titled_subject_opening_a_paragraph_names_the_speaker():
    t = ('جنيف - انتشرت منشورات تروج لما يسمى "الفيروس المصنع"، وهو ما وصفته وزارة الصحة الأوغندية بأنه "تضليل خطير".\n\n'
         'وتروي الممرضة الأوغندية أغنيس نامولي من مستشفى فورت بورتال: "فقدنا زميلة في الأسبوع الأول. الخوف حقيقي".')
    q = quotes_of(t)  # the nisba from the lexicon, no gazetteer mention in the colon phrase
    assert q.loc[q["quote"].str.startswith("فقدنا"), "speaker_country"].tolist() == ["UGA"]


def test_the_union_named_by_its_head_noun_is_the_bloc_named_before():
    t = ('القاهرة - دعا الاتحاد الأفريقي إلى الحوار بشأن السد.\n\n'
         'وقال رئيس مفوضية الاتحاد محمود علي يوسف إن القارة «قادرة على حل خلافاتها».')
    q = quotes_of(t, [("الاتحاد الأفريقي", "AU", "bloc", "AU"), ("القاهرة", "EGY", "city", "EGY")])
    assert q["speaker_country"].tolist() == ["AU"]


def test_a_name_after_platform_or_network_is_a_title_not_speech():
    from arnews.speakers import quote_kind

    t = 'وكتب الوزير على منصة «إكس» أن الحوار «هو الطريق الوحيد» للحل.'
    assert quote_kind(t, t.index("إكس"), t.index("إكس") + 3, "verb_subject") == "title"
    t = 'وقال المسؤول لشبكة «سي إن إن» إن بلاده «لن تتراجع».'
    assert quote_kind(t, t.index("سي إن إن"), t.index("سي إن إن") + 8, "verb_subject") == "title"
    # a network as a common noun stays speech: "جزءا من شبكة «تلتف على العقوبات»"
    t = 'قالت الوزارة إن الناقلة كانت جزءا من شبكة «تلتف على العقوبات» وتنقل النفط.'
    s = t.index("تلتف")
    assert quote_kind(t, s, s + len("تلتف على العقوبات"), "verb_subject") == "speech"


def test_a_capital_after_a_place_preposition_is_not_the_subject_of_the_verb_after_it():
    """"سفارة ميانمار في بانكوك تقول": بانكوك is where the embassy is, not who speaks (the
    capital became a mention when the gazetteer gained Thailand)."""
    t = 'وصلتنا رسالة من سفارة ميانمار في بانكوك تقول إن تقاريرنا «منحازة ومبنية على مصادر مجهولة».'
    q = quotes_of(t, [("ميانمار", "MMR", "country", "MMR"), ("بانكوك", "THA", "country", "THA")])
    assert q["speaker_country"].iloc[0] != "THA"
    t = 'قال مسؤول إن بانكوك تقول إن الحدود «آمنة تماما».'
    q = quotes_of(t, [("بانكوك", "THA", "country", "THA")])
    assert q["speaker_country"].iloc[0] == "THA"  # a capital that is the subject still speaks
