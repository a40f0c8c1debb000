"""Round 29 of issue 19: where a speaker's phrase ends. A day or time after the subject of a
speech verb ends it, so the verb's object is not read as the speaker ("اتهمت حكومة غيانا يوم
الأحد فنزويلا بـ«…»"); and a comma that opens a
new clause with و/ف ends the look-ahead of :func:`name_before_complement`, so the object of
an earlier verb stays words said ("بتصنيف الحزب «منظمة إرهابية»، فرد نظيره بالقول إن")."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of

from arnews.speakers.kind import name_before_complement
from arnews.speakers.positions import spans_from_marks

VEN = ("فنزويلا", "VEN", "country", "VEN")
GUY = ("غيانا", "GUY", "country", "GUY")
UKR = ("أوكرانيا", "UKR", "country", "UKR")
RUS = ("روسيا", "RUS", "country", "RUS")
TUR = ("أنقرة", "TUR", "country", "TUR")


def test_a_day_ends_the_subject_so_the_object_is_not_the_speaker():
    text = "اتهمت حكومة غيانا يوم الأحد فنزويلا بارتكاب «استفزاز متعمد» قرب الحدود."
    q = quotes_of(text, [GUY, VEN], chooser=False)
    assert speaker_of(q, "استفزاز متعمد") == ["GUY"]
    assert speaker_of(q, "استفزاز متعمد", "speaker_text") == ["حكومة غيانا"]


def test_a_day_name_alone_ends_it_too_and_gazetteer_states_keep_their_subject():
    q = quotes_of("اتهمت حكومة غيانا الخميس فنزويلا بـ«الاستفزاز» قرب منصة نفطية.", [GUY, VEN], chooser=False)
    assert speaker_of(q, "الاستفزاز") == ["GUY"]
    q = quotes_of("اتهمت حكومة أوكرانيا يوم الأحد روسيا بـ«استفزاز متعمد» قرب الحدود.", [UKR, RUS], chooser=False)
    assert speaker_of(q, "استفزاز متعمد") == ["UKR"]


def test_a_time_inside_the_subject_does_not_cut_a_title_that_starts_the_phrase():
    q = quotes_of("وقال يوم الأحد المتحدث باسم الخارجية الروسية إن موسكو «لن تقبل بذلك».", [RUS], chooser=False)
    assert speaker_of(q, "لن تقبل بذلك") == ["RUS"]


def test_a_comma_opening_a_new_clause_ends_the_look_ahead():
    t = "جدد الوزير مطالبة أنقرة بتصنيف الحزب «منظمة إرهابية»، فرد نظيره العراقي بالقول إن بغداد «حظرت نشاطه»."
    s = spans_from_marks(t)
    assert not name_before_complement(t, t.index("«") + 1, t.index("»"), s)
    q = quotes_of(t, [TUR], chooser=False)
    assert speaker_of(q, "منظمة إرهابية", "kind") == ["speech"]


def test_an_apposition_comma_does_not_end_it():
    t = "وقال متحدث باسم منظمة الطفولة «يونيسف»، للصحفيين إن «الوضع كارثي»."
    s = spans_from_marks(t)
    assert name_before_complement(t, t.index("«") + 1, t.index("»"), s)
