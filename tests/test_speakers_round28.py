"""Round 28 of issue 19: names in quotation marks that read as words said. A quote spelled in
Latin letters («EUDR») or in Arabic spellings of Latin letters («إل آر تي», «بي بي سي») is a
name; so is a short quote inside the subject of a speech verb whose words said follow after
«إن»/«أن» ("قال رئيس الاتحاد الدولي لكرة القدم «فيفا» جياني إنفانتينو إن …"). A short quote
after a preposition, after «إنها»/«بأنه», or before "دون أن" stays speech."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of

from arnews.speakers.kind import name_before_complement, spelled_name
from arnews.speakers.positions import spans_from_marks

RUS = ("روسيا", "RUS", "country", "RUS")
UN = ("مجلس الأمن", "UN", "bloc", "UN")


def test_spelled_letters_and_latin_are_names_but_arabic_words_are_not():
    assert spelled_name("EUDR") and spelled_name("IEU-CEPA") and spelled_name("إن إتش كيه")
    assert spelled_name("سي بي بي وان")
    assert not spelled_name("في أن") and not spelled_name("عدواني") and not spelled_name("لن نقبل ذلك")


def test_an_acronym_in_the_speakers_phrase_is_a_title_and_the_said_words_keep_the_speaker():
    text = "وقال وزير الدفاع الروسي في مقابلة مع هيئة الإذاعة الروسية «إل آر تي» إن بلاده «لن تتراجع»."
    q = quotes_of(text, [RUS], chooser=False)
    assert speaker_of(q, "إل آر تي", "kind") == ["title"]
    assert speaker_of(q, "لن تتراجع", "kind") == ["speech"]
    assert speaker_of(q, "لن تتراجع") == ["RUS"]


def test_a_short_quote_before_the_complementizer_is_a_name():
    text = "وقال متحدث باسم منظمة الأمم المتحدة للطفولة «يونيسف» للصحفيين إن الوضع «كارثي بكل المقاييس»."
    q = quotes_of(text, chooser=False)
    assert speaker_of(q, "يونيسف", "kind") == ["title"]
    assert speaker_of(q, "كارثي بكل المقاييس", "kind") == ["speech"]


def test_short_quotes_that_are_words_said_stay_speech():
    cases = ["وكان مجلس الأمن قد طالب في قرار صدر العام الماضي بـ«رفع الحصار فورا» عن المدينة، دون أن ينفذ القرار.",
             "وقالت روسيا إنها «تتابع التطورات بقلق»، من دون أن تحمل أي طرف المسؤولية.",
             "ودعا مجلس الأمن جميع الأطراف إلى «الحوار وضبط النفس»، وقال إن الوضع خطير."]
    for text in cases:
        s = spans_from_marks(text)
        start, end = text.index("«") + 1, text.index("»")
        assert not name_before_complement(text, start, end, s), text
        q = quotes_of(text, [RUS, UN], chooser=False)
        assert speaker_of(q, text[start:end], "kind") == ["speech"], text
