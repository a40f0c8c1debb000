"""Round 52 of issue 19: an outlet's nisba after its quoted name, a correspondent's question
after a colon, and plural bodies as subjects."""
from __future__ import annotations

from quote_fixtures import quotes_of


def test_a_nisba_after_an_outlets_quoted_name_places_it_under_a_city_dateline():
    # the city dateline gave Nigeria and was withheld, because the finder's phrase ("صحيفة")
    # stops before «بانش» and did not see the nisba after it (the rules before round 52)
    text = "لاغوس (وكالات) - وقالت صحيفة «بانش» النيجيرية إن القرار «علاج أسوأ من المرض»."
    q = quotes_of(text, [("النيجيرية", "NGA", "country", "NGA")], chooser=False)
    speech = q[q["kind"] == "speech"]
    assert speech[["speaker_country", "speaker_type"]].values.tolist() == [["NGA", "media"]]
    # with no nisba the city alone still places no outlet
    q = quotes_of("لاغوس (وكالات) - وقالت صحيفة «بانش» إن القرار «علاج أسوأ من المرض».", chooser=False)
    assert q.loc[q["kind"] == "speech", "speaker_country"].isna().all()


def test_a_question_after_a_colon_is_the_askers_not_the_bloc_in_a_radios_name():
    text = ("ياوندي (وكالات) - أعلن وزير التخطيط الكاميروني أن التعداد سيبدأ.\n\n"
            "وسأل مراسل إذاعة «صوت الغرب» المحلية: «كيف ستضمنون سلامة العدادين؟»")
    actors = [("الكاميروني", "CMR", "country", "CMR"), ("الغرب", "WEST", "bloc", "WEST")]
    q = quotes_of(text, actors, chooser=False)
    row = q[q["quote"].str.startswith("كيف")].iloc[0]
    # the verb is not part of the phrase, and «صوت الغرب» names the radio, not its side
    assert row["speaker_text"] == "مراسل إذاعة «صوت الغرب» المحلية"
    assert (row["speaker_type"], row["speaker_country"]) == ("media", "CMR")


def test_plural_bodies_before_the_verb_are_the_subject_not_its_object():
    text = "ليبرفيل (وكالات) - منظمات بيئية دولية تصف أرصدة الكربون بأنها «رخصة للتلوث»."
    q = quotes_of(text, chooser=False)
    assert q[["speaker_text", "speaker_type"]].values.tolist() == [["منظمات بيئية دولية", "ngo"]]


def test_the_speaker_between_tahaddatha_and_an_is_the_one_who_speaks_of_the_quote():
    # "تحدث عن" was a cue only with عن right after the verb: the quotes were terms of no one
    text = ("موسكو (وكالات) - وتحدث وزير المالية الروسي مرارا عن «بديل» لنظام التحويل.\n\n"
            "س: يتحدث منتقدون عن «بطء قاتل» في إعادة البناء. ما ردكم؟")
    q = quotes_of(text, [("الروسي", "RUS", "country", "RUS")], chooser=False)
    assert q["kind"].tolist() == ["speech", "speech"]
    assert q["speaker_text"].tolist() == ["وزير المالية الروسي", "منتقدون"]  # not "منتقدون عن"
    assert q["speaker_country"].tolist()[0] == "RUS"
    # a talk about a topic (no quote right after عن) is no cue: the nearer قال names the speaker
    q = quotes_of("كما تحدث شي وبوتين عن تايوان، حيث قال الرئيس الروسي إن تايوان «جزء لا يتجزأ من أراضي الصين».",
                  [("شي", "XI", "person", "CHN"), ("بوتين", "PUTIN", "person", "RUS"), ("الروسي", "RUS", "country", "RUS")],
                  chooser=False)
    assert q[["speaker_text", "speaker_country"]].values.tolist() == [["الرئيس الروسي", "RUS"]]
    # a talk with no quote after عن is no cue for a later quote of another speaker
    q = quotes_of("وتحدث الرجلان عبر الهاتف. وقالت الوزيرة إن «الاتصال كان مثمرا».", chooser=False)
    assert q["speaker_text"].tolist() == ["الوزيرة"]


def test_plural_warnings_and_expressed_solidarity_are_speech_of_their_subject():
    head = "الجفاف يضرب مزارع البن، والمصدرون يحذرون من «عام أسود»\n\nهانوي (وكالات) - تراجع إنتاج البن هذا العام."
    assert quotes_of(head, chooser=False)["kind"].tolist() == ["speech"]  # a warning said, not a term
    q = quotes_of("وأغلقت ليتوانيا المعابر.\n\nحلف شمال الأطلسي عبر عن «التضامن الكامل» مع ليتوانيا.",
                  [("حلف شمال الأطلسي", "NATO", "bloc", "NATO"), ("ليتوانيا", "LTU", "country", "LTU")], chooser=False)
    assert q[["kind", "speaker_country"]].values.tolist() == [["speech", "NATO"]]


def test_an_interview_printed_without_turn_marks_gives_answers_to_the_interviewee():
    text = ("وزيرة الغابات الغابونية: «غاباتنا ليست مكبا لانبعاثات الآخرين»\n\n"
            "التقت المجلة الوزيرة في مكتبها بعد توقيع الصفقة.\n\n"
            "لماذا وقعتم الصفقة الآن؟\n\n"
            "لأن الانتظار صار مكلفا. وأكرر ما قلته أمام النواب: «الغابة التي لا تدر دخلا تقطع».\n\n"
            "والمانحون؟\n\nوعدوا كثيرا ولم يأت شيء.\n\nوماذا بعد؟\n\nنواصل العمل مع الجيران.")
    q = quotes_of(text, [("الغابونية", "GAB", "country", "GAB")], chooser=False)
    answer = q[q["quote"].str.startswith("الغابة")].iloc[0]
    assert (answer["rule"], answer["speaker_country"]) == ("interviewee", "GAB")
    # two rhetorical questions in a column make no interview
    from arnews.speakers.interview import is_interview
    column = "قال الوزير إن الوضع صعب.\n\nفمن يدفع الثمن؟\n\nلا أحد.\n\nومتى ينتهي هذا؟\n\nلا نعرف."
    assert not is_interview(column) and is_interview(text)
