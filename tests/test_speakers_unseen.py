"""Tests for the issue-19 rules that were added so speaker attribution holds on unseen text:
spaced quotation marks, the sentence's subject for pronoun verbs, naql, addressees, names in
apposition, back-references, nisbas of countries the gazetteer lacks.

Every sentence is written for the tests; the expected values are worked out by hand."""
from __future__ import annotations

import pandas as pd

from arnews.quote_eval import split_of
from arnews.quotes import find_quoted_spans
from arnews.speakers.resolve import nisba_country, weak_nisba_country
from quote_fixtures import quotes_of, speaker_of

_quotes = quotes_of


# ---------------------------------------------------------------------------
# Quotation marks written apart from their quote (machine translation)
# ---------------------------------------------------------------------------


def test_spaced_marks_open_and_close_quotes():
    t = 'وقال الوزير ان بلاده “ لن تقبل بأي تسوية “ ، مضيفا ان “ الوقت ينفد “ .'
    assert [t[s.start:s.end] for s in find_quoted_spans(t)] == ["لن تقبل بأي تسوية", "الوقت ينفد"]
    t = 'قالت الوزارة : " نرفض هذه الاتهامات " ، ثم اضافت " لا تعليق آخر " .'
    spans = find_quoted_spans(t)
    assert [t[s.start:s.end] for s in spans] == ["نرفض هذه الاتهامات", "لا تعليق آخر"]
    assert all(s.balanced for s in spans)


def test_a_spaced_mark_with_nothing_to_close_it_is_no_quote():
    t = 'بلغ سعر البرميل 80 دولارا " في التعاملات الآسيوية صباح اليوم.'
    assert find_quoted_spans(t) == []


def test_spaced_quotes_get_their_speaker():
    t = 'موسكو - قال المتحدث باسم الخارجية الروسية ان المحادثات “ لم تبدأ بعد “ . وتابع : “ ننتظر ردا مكتوبا “ .'
    q = _quotes(t, [("الروسية", "RUS", "country", "RUS"), ("موسكو", "RUS", "country", "RUS")])
    assert q["quote"].tolist() == ["لم تبدأ بعد", "ننتظر ردا مكتوبا"]
    assert q["speaker_country"].tolist() == ["RUS", "RUS"]


# ---------------------------------------------------------------------------
# Who the subject is
# ---------------------------------------------------------------------------


def test_participle_takes_the_sentence_subject_after_a_non_speech_verb():
    t = 'واشنطن - خفض صندوق النقد الدولي توقعاته للنمو، محذرا من أن الديون "تهدد استقرار الأسواق الناشئة".'
    q = _quotes(t, [("صندوق النقد الدولي", "IMF", "organization", "IMF"), ("واشنطن", "USA", "country", "USA")])
    assert q[["speaker_country", "speaker_type", "kind"]].values.tolist() == [["IMF", "organisation", "speech"]]


def test_subject_before_the_verb_of_a_headline():
    t = 'الأمم المتحدة تحث الطرفين على "ضبط النفس"'
    q = _quotes(t, [("الأمم المتحدة", "UN", "organization", "UN")])
    assert q[["kind", "speaker_country"]].values.tolist() == [["speech", "UN"]]


def test_naql_speaker_after_an_quoted_channel_name():
    t = 'ونقلت إذاعة "صوت الساحل" عن دبلوماسي نيجيري قوله إن اللقاء كان "صريحا".'
    q = _quotes(t)
    assert q["kind"].tolist() == ["title", "speech"]
    assert q["speaker_country"].iloc[1] == "NGA"


def test_naql_official_without_nationality_takes_the_channel_country():
    t = 'سيول - نقلت وكالة الأنباء الكورية الشمالية عن متحدث عسكري قوله إن إطلاق الصاروخ كان "استفزازا مكشوفا".'
    q = _quotes(t, [("الكورية الشمالية", "PRK", "country", "PRK"), ("سيول", "KOR", "country", "KOR")])
    assert q["speaker_country"].tolist() == ["PRK"]  # not the dateline's KOR


def test_as_said_after_the_quote_beats_the_verb_on_the_left():
    t = 'لكن الحرب في أوكرانيا كشفت أن الخطة ما زالت "حبرا على ورق"، كما كتب محلل في صحيفة "لوموند".'
    q = _quotes(t, [("أوكرانيا", "UKR", "country", "UKR")])
    assert q["kind"].tolist() == ["speech", "title"]
    assert q[["speaker_type", "speaker_country"]].iloc[0].tolist() == ["analyst", "FRA"]


def test_medium_addressed_is_not_the_speaker():
    t = 'لكن مسؤولا في وزارة الدفاع الأميركية قال لوكالة "أسوشيتد برس" إن واشنطن "تراقب الوضع عن كثب".'
    q = _quotes(t, [("الأميركية", "USA", "country", "USA"), ("واشنطن", "USA", "country", "USA")])
    assert q["kind"].tolist() == ["title", "speech"]
    assert q[["speaker_type", "speaker_country"]].iloc[1].tolist() == ["state", "USA"]


def test_short_name_right_after_its_speaker_phrase_is_a_title():
    t = 'وقال رئيس شركة الشحن اليونانية "بحر إيجة"، للصحفيين، إن أسعار التأمين "ارتفعت ثلاث مرات".'
    q = _quotes(t)
    assert q["kind"].tolist() == ["title", "speech"]
    assert q[["speaker_type", "speaker_country"]].iloc[1].tolist() == ["company", "GRC"]


# ---------------------------------------------------------------------------
# Which state the phrase speaks for
# ---------------------------------------------------------------------------


def test_back_reference_beats_a_body_named_in_the_adverbial():
    t = ('قال وزير الدفاع الماليزي إن بلاده "لن تتراجع". '
         'وأضاف الوزير في مؤتمر صحفي عقب اجتماع مجلس الأمن الوطني: "نفضل الحلول الدبلوماسية".')
    q = _quotes(t, [("الماليزي", "MYS", "country", "MYS")])
    assert q["speaker_country"].tolist() == ["MYS", "MYS"]  # not UN for مجلس الأمن


def test_spokeswoman_in_its_name_speaks_for_the_body_named_before():
    t = 'وعلقت المفوضية الأوروبية على الاتفاق، حيث قالت متحدثة باسمها إن الاتحاد "يرحب بكل خطوة".'
    q = _quotes(t)
    assert q[["speaker_country", "speaker_type"]].values.tolist() == [["EU", "organisation"]]


def test_researcher_is_placed_by_the_city_not_by_a_look_alike_name():
    t = 'وقالت الباحثة في معهد الدراسات في سيول، كيم جي يون، إن الاختبار "رسالة سياسية".'
    q = _quotes(t, [("جي", "XI", "person", "CHN")])
    assert q[["speaker_type", "speaker_country"]].values.tolist() == [["analyst", "KOR"]]


def test_nisba_table_for_countries_the_gazetteer_lacks():
    assert nisba_country("السنغالية") == "SEN" and nisba_country("البرتغال") == "PRT"
    assert nisba_country("المالي") is None and weak_nisba_country("المالي") == "MLI"
    q = _quotes('باماكو - قال وزير الخارجية المالي إن بلاده "لا تتلقى دروسا من أحد".')
    assert q["speaker_country"].tolist() == ["MLI"]
    # "المالية" (finance) names no country: the minister is Egypt's
    q = _quotes('وقال وزير المالية المصري إن الحكومة "ماضية في الإصلاح".', [("المصري", "EGY", "country", "EGY")])
    assert q["speaker_country"].tolist() == ["EGY"]


def test_the_last_held_out_round_is_the_test_set_and_every_former_one_is_dev():
    from arnews.quote_eval import HELD_OUT_ROUNDS

    assert [split_of(a) for a in ("qt15", "qt16", "qt30", "qt31", "qt47", "qt48", "qt62", "qt77", "qt92", "qt107")] == ["dev"] * 10
    assert [split_of(a) for a in ("qt122", "qt123", "qt137", "qt138", "qt152", "qt153", "qt167")] == ["dev"] * 7
    assert [split_of(a) for a in ("qt168", "qt175", "qt182", "qt183", "qt190", "qt197")] == ["dev"] * 6
    assert [split_of(a) for a in ("qt198", "qt205", "qt212")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt213", "qt220", "qt227")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt228", "qt235", "qt242")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt243", "qt250", "qt257")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt258", "qt265", "qt272")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt273", "qt280", "qt287")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt288", "qt295", "qt302")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt303", "qt310", "qt317")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt318", "qt325", "qt332")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt333", "qt340", "qt347")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt348", "qt355", "qt362")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt363", "qt370", "qt377")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt378", "qt385", "qt392")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt393", "qt400", "qt407")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt408", "qt415", "qt422")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt423", "qt430", "qt437")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt438", "qt445", "qt452")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt453", "qt460", "qt467")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt468", "qt475", "qt482")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt483", "qt490", "qt497")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt498", "qt505", "qt512")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt513", "qt520", "qt527")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt528", "qt535", "qt542")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt543", "qt550", "qt557")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt558", "qt565", "qt572")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt573", "qt580", "qt587")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt588", "qt595", "qt602")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt603", "qt610", "qt617")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt618", "qt625", "qt632")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt633", "qt640", "qt647")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt648", "qt655", "qt662")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt663", "qt670", "qt677")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt678", "qt685", "qt692")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt693", "qt700", "qt707")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt708", "qt715", "qt722")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt723", "qt730", "qt737")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt738", "qt745", "qt752")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt753", "qt760", "qt767")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt768", "qt775", "qt782")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt783", "qt790", "qt797")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt798", "qt805", "qt812")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt813", "qt820", "qt827")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt828", "qt835", "qt842")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt843", "qt850", "qt857")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt858", "qt865", "qt872")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt873", "qt880", "qt887")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt888", "qt895", "qt902")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt903", "qt910", "qt917")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt918", "qt925", "qt932")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt933", "qt940", "qt947")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt948", "qt955", "qt962")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt963", "qt970", "qt977")] == ["dev"] * 3
    assert [split_of(a) for a in ("qt978", "qt985", "qt992")] == ["test"] * 3
    assert split_of("qt993") == "dev"
    last = HELD_OUT_ROUNDS[-1]
    assert (split_of(f"qt{last.first}"), split_of(f"qt{last.first - 1}")) == ("test", "dev")
    # the sets never overlap and come in the order written
    assert all(a.last < b.first for a, b in zip(HELD_OUT_ROUNDS, HELD_OUT_ROUNDS[1:]))


def test_dev_is_printed_apart_by_former_held_out_round_newest_first():
    from arnews.quote_eval import _dev_parts

    d = pd.DataFrame({"article_id": ["qt03", "qt16", "qt30", "qt48", "qt62", "qt63", "qt77", "qt78", "qt92", "qt93", "qt107", "qt47",
                                     "qt108", "qt122", "qt123", "qt137", "qt138", "qt152", "qt153", "qt167", "qt168", "qt182", "qt183", "qt197", "qt198", "qt212", "qt213",
                                     "qt227", "qt228", "qt242", "qt243", "qt257", "qt258", "qt272", "qt273", "qt287", "qt288", "qt302",
                                     "qt303", "qt317", "qt318", "qt332", "qt333", "qt347", "qt348", "qt362", "qt363", "qt377", "qt378", "qt392", "qt393", "qt407", "qt408", "qt422", "qt423", "qt437", "qt438", "qt452", "qt453", "qt467", "qt468", "qt482", "qt483", "qt497", "qt498", "qt512", "qt513", "qt527", "qt528", "qt542", "qt543", "qt557", "qt558", "qt572", "qt573", "qt587", "qt588", "qt602", "qt603", "qt617", "qt618", "qt632", "qt633", "qt647", "qt648", "qt662", "qt663", "qt677", "qt678", "qt692", "qt693", "qt707", "qt708", "qt722", "qt723", "qt737", "qt738", "qt752", "qt753", "qt767", "qt768", "qt782", "qt783", "qt797", "qt798", "qt812", "qt813", "qt827", "qt828", "qt842", "qt843", "qt857", "qt858", "qt872", "qt873", "qt887", "qt888", "qt902", "qt903", "qt917", "qt918", "qt932", "qt933", "qt947", "qt948", "qt962", "qt963", "qt977", "qt978"],
                      "split": ["dev"] * 128 + ["test"]})
    assert _dev_parts(d) == {"dev_round64_test": ["qt963", "qt977"], "dev_round63_test": ["qt948", "qt962"], "dev_round62_test": ["qt933", "qt947"], "dev_round61_test": ["qt918", "qt932"], "dev_round60_test": ["qt903", "qt917"], "dev_round59_test": ["qt888", "qt902"], "dev_round58_test": ["qt873", "qt887"], "dev_round57_test": ["qt858", "qt872"], "dev_round56_test": ["qt843", "qt857"], "dev_round55_test": ["qt828", "qt842"], "dev_round54_test": ["qt813", "qt827"], "dev_round53_test": ["qt798", "qt812"], "dev_round52_test": ["qt783", "qt797"], "dev_round51_test": ["qt768", "qt782"], "dev_round50_test": ["qt753", "qt767"], "dev_round49_test": ["qt738", "qt752"], "dev_round48_test": ["qt723", "qt737"], "dev_round47_test": ["qt708", "qt722"], "dev_round46_test": ["qt693", "qt707"], "dev_round45_test": ["qt678", "qt692"], "dev_round44_test": ["qt663", "qt677"], "dev_round43_test": ["qt648", "qt662"], "dev_round42_test": ["qt633", "qt647"], "dev_round41_test": ["qt618", "qt632"], "dev_round40_test": ["qt603", "qt617"], "dev_round39_test": ["qt588", "qt602"], "dev_round38_test": ["qt573", "qt587"], "dev_round37_test": ["qt558", "qt572"], "dev_round36_test": ["qt543", "qt557"], "dev_round35_test": ["qt528", "qt542"], "dev_round34_test": ["qt513", "qt527"], "dev_round33_test": ["qt498", "qt512"], "dev_round32_test": ["qt483", "qt497"], "dev_round31_test": ["qt468", "qt482"], "dev_round30_test": ["qt453", "qt467"], "dev_round29_test": ["qt438", "qt452"], "dev_round28_test": ["qt423", "qt437"], "dev_round27_test": ["qt408", "qt422"], "dev_round26_test": ["qt393", "qt407"], "dev_round25_test": ["qt378", "qt392"], "dev_round24_test": ["qt363", "qt377"], "dev_round23_test": ["qt348", "qt362"], "dev_round22_test": ["qt333", "qt347"], "dev_round21_test": ["qt318", "qt332"], "dev_round20_test": ["qt303", "qt317"], "dev_round19_test": ["qt288", "qt302"], "dev_round18_test": ["qt273", "qt287"], "dev_round17_test": ["qt258", "qt272"], "dev_round16_test": ["qt243", "qt257"], "dev_round15_test": ["qt228", "qt242"], "dev_round14_test": ["qt213", "qt227"], "dev_round13_test": ["qt198", "qt212"], "dev_round12_test": ["qt183", "qt197"], "dev_round11_test": ["qt168", "qt182"], "dev_round10_test": ["qt153", "qt167"], "dev_round9_test": ["qt138", "qt152"], "dev_round8_test": ["qt123", "qt137"],
                             "dev_round7_test": ["qt108", "qt122"], "dev_round6_test": ["qt93", "qt107"],
                             "dev_round5_test": ["qt78", "qt92"], "dev_round4_test": ["qt63", "qt77"],
                             "dev_round3_test": ["qt48", "qt62"], "dev_former_test": ["qt16", "qt30"],
                             "dev_rest": ["qt03", "qt47"]}


def test_an_empty_held_out_split_gives_empty_figures_not_an_error():
    import math

    from arnews.quote_eval import _row, split_figures

    gold = pd.DataFrame(columns=["article_id", "quote_prefix", "speaker_country", "kind", "found", "sys_speaker_country"])
    system = pd.DataFrame(columns=["article_id", "speaker_text", "speaker_actor_id", "kind", "gold_kind"])
    f = split_figures(gold, system)
    assert f.n_articles == 0 and math.isnan(f.state_right.value) and f.precision.den == 0
    assert "empty" in _row("held-out (qt108-qt122)", f)


def test_interviewee_speaks_in_the_first_person_and_for_our_state():
    t = ('وزير الخارجية الفلبيني السابق: «البحر لا يعرف الحياد»\n\n'
         'س: هل تغيرت سياسة مانيلا؟\n\n'
         'ج: كثيرا. وقد قلت لزملائي في رابطة آسيان مرارا: «لا أحد سيدافع عنا غيرنا». '
         'وكان رئيس وزرائنا الأسبق يقول: «الجغرافيا قدر».')
    q = _quotes(t, [("الفلبيني", "PHL", "country", "PHL"), ("مانيلا", "PHL", "country", "PHL")])
    assert q["speaker_type"].tolist() == ["analyst", "analyst", "state"]
    assert q["speaker_country"].tolist() == ["PHL", "PHL", "PHL"]
    assert q["rule"].iloc[1] == "interviewee"


def test_continuation_verb_agrees_in_gender_with_its_speaker():
    t = ('وقال وزير المالية الفرنسي إن الضريبة "مسألة عدالة". أما نظيرته الألمانية فقالت إن برلين '
         '"تخشى ردا انتقاميا". وأضاف: "الخوف ليس سياسة".')
    q = _quotes(t, [("الفرنسي", "FRA", "country", "FRA"), ("الألمانية", "DEU", "country", "DEU"),
                    ("برلين", "DEU", "country", "DEU")])
    assert q["speaker_country"].tolist() == ["FRA", "DEU", "FRA"]  # وأضاف (m.) goes back past her


def test_subject_ends_at_a_time_word_and_a_capital_dateline_places_speakers():
    t = ('بانكوك - انتقد زعيم المعارضة التايلاندية الاثنين صفقة شراء غواصات صينية، ووصفها بأنها "إهدار للمال العام". '
         'وقالت النائبة عن حزب معارض إن البرلمان "سيستدعي الوزير".')
    q = _quotes(t, [("صينية", "CHN", "country", "CHN")])
    assert q[["speaker_type", "speaker_country"]].values.tolist() == [["other", "THA"], ["other", "THA"]]


def test_definite_cue_after_a_complementizer_is_no_title():
    t = 'ونقلت وكالة "شينخوا" عن مسؤول في شركة حكومية قوله إن الشركة "ملتزمة بالجدول".'
    q = _quotes(t)
    assert q["kind"].tolist() == ["title", "speech"]


def test_later_title_of_a_phrase_is_taken_up_and_a_participle_is_no_subject():
    t = ('عمان - حذر العاهل الأردني الملك عبد الله الثاني من أن التصعيد "ينذر بانفجار". '
         'وشدد الملك على ضرورة "وقف الإجراءات الأحادية".\n\n'
         'وقال وزير الخارجية المصري إن القاهرة "على اتصال دائم". وتابع قائلا: "لا استقرار دون حل عادل".')
    q = _quotes(t, [("الأردني", "JOR", "country", "JOR"), ("المصري", "EGY", "country", "EGY"),
                    ("القاهرة", "EGY", "country", "EGY")])
    assert q["speaker_country"].tolist() == ["JOR", "JOR", "EGY", "EGY"]
    assert q["speaker_text"].iloc[3] != "قائلا"


def test_a_manner_word_after_an_unknown_name_is_no_part_of_it():
    """Round 34: "قال سارسينباييف ضاحكا" names the official met before, not "سارسينباييف ضاحكا"."""
    t = ("التقت المجلة نائب وزير الموارد المائية في كازاخستان يرلان سارسينباييف في أستانا.\n"
         "وقال سارسينباييف: «نطلب بيانات دقيقة عن المياه».\n"
         "«لن نحفر قناة كلما ابتعد البحر»، قال سارسينباييف ضاحكا، قبل أن يضيف أن التجريف مكلف.")
    q = quotes_of(t, chooser=False)
    quote = "لن نحفر قناة كلما ابتعد البحر"
    assert speaker_of(q, quote, "speaker_text") == ["سارسينباييف"]
    assert speaker_of(q, quote) == ["KAZ"]
