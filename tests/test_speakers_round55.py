"""Round 55 of issue 19: a word with diacritics is one word to the speaker lexicon, a fronted
place after ف heads its paragraph, an outlet addressed with لـ places no state official, a
title that governs another noun through a preposition is not a later name's title, and an
estimate or a request (تقدر، تطلب) is speech, and a titled subject opening its clause before
the verb is the speaker."""
from __future__ import annotations

from arnews.speakers.lexicon import words_in
from quote_fixtures import quotes_of, speaker_of


def test_a_word_with_shadda_is_one_word_with_its_plain_reading():
    # before round 55 "عمّان" was two words, عم and ان, and matched no lexicon entry
    t = "ففي عمّان، يقول"
    assert [w.readings[0] for w in words_in(t, 0, len(t))] == ["ففي", "عمان", "يقول"]


def test_a_place_fronted_after_fa_places_the_official_of_its_paragraph():
    # an opinion column on Cairo; the Amman official speaks for Jordan, not the column's state
    actors = [("القاهرة", "EGY", "country", "EGY"), ("مصر", "EGY", "country", "EGY")]
    text = ("الليل حق للنائمين\n\nأعلن محافظ القاهرة حظر البناء ليلا في مصر. وهذا ليس جديدا في مصر.\n\n"
            "ففي عمّان، يقول مسؤول في أمانة عمّان الكبرى إن حظرا مماثلا «خفض الشكاوى إلى النصف».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "خفض الشكاوى إلى النصف") == ["JOR"]


def test_an_outlet_addressed_with_la_places_no_state_official():
    # the outlet's France was the spokesman's state before round 55
    actors = [("موريتانيا", "MRT", "country", "MRT"), ("الموريتانية", "MRT", "country", "MRT")]
    text = ("الحافلات المدرسية في موريتانيا\n\nكيفه (موريتانيا) - تنتظر القرى الحافلات. وتقول الحكومة الموريتانية إن الحل قريب.\n\n"
            "وقال المتحدث باسم الوزارة سيدي ولد أحمدو لـ«فرانس برس» إن الحكومة «طلبت ستين حافلة جديدة».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "طلبت ستين حافلة جديدة") == ["MRT"]


def test_a_title_before_a_preposition_is_not_the_later_names_title():
    # "مجلة" governs "الحوار مع …": the interviewee's apposition places him, not the magazine
    actors = [("تونس", "TUN", "country", "TUN"), ("الإماراتية", "ARE", "country", "ARE")]
    text = ("حوار عن التمور\n\nأجرت مجلة «الواحة» الاقتصادية هذا الحوار مع الهادي بن سالم، رئيس المجمع المهني للتمور في تونس، "
            "بعد توقيع عقد مع شركة إماراتية.\n\nوقال بن سالم: «التجارب كانت على أصناف خليجية».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "التجارب كانت على أصناف خليجية") == ["TUN"]
    assert speaker_of(q, "التجارب كانت على أصناف خليجية", "speaker_type") != ["media"]


def test_an_estimate_or_a_request_is_speech():
    # "تقدر" and "تطلب" were no speech verbs before round 55: the quote had no speaker
    q = quotes_of("وتقدر منظمة الأمم المتحدة للطفولة (يونيسف) أن بعد المدرسة «سبب رئيسي لتسرب الفتيات» في الأرياف.",
                  [("منظمة الأمم المتحدة للطفولة", "UN", "org", "UN")], chooser=False)
    assert speaker_of(q, "سبب رئيسي لتسرب الفتيات") == ["UN"]
    q = quotes_of("وقالت الوزارة إن القرار سليم. وتطلب الحكومة الأردنية «مهلة إضافية قبل تطبيق القرار».",
                  [("الأردنية", "JOR", "country", "JOR")], chooser=False)
    assert speaker_of(q, "مهلة إضافية قبل تطبيق القرار") == ["JOR"]


def test_a_titled_subject_opening_its_clause_before_the_verb_is_the_speaker():
    # before round 55 the bare verb took up the previous paragraph's speaker
    text = ('عنوان\n\nأبيدجان - قالت نقابة السائقين الإيفوارية إن "القرض ميسر".\n\n'
            'الأمين العام سيدو تراوري قال: "لا يجب أن تأكل رزق العائلات".\n\n'
            'وقال السفير الصيني إن "المشروع مفيد". والنقابة أبدت قلقها ، و أمينها العام قال أن الحافلات " لن تمر بسهولة " .')
    q = quotes_of(text, [("الإيفوارية", "CIV", "country", "CIV"), ("الصيني", "CHN", "country", "CHN")], chooser=False)
    assert speaker_of(q, "لا يجب أن تأكل رزق العائلات", "rule") == ["subject_verb"]
    assert speaker_of(q, "لا يجب أن تأكل رزق العائلات", "speaker_start") == [text.index("الأمين العام")]
    assert speaker_of(q, "لن تمر بسهولة", "speaker_text") == ["أمينها العام"]
