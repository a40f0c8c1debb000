"""Round 50 of issue 19 (developed on qt01–qt752, the errors of the set measured once after
round 49): a title whose possessive pronoun takes up a body is that body's post in the place it
names ("ممثله المقيم في …", "مدير مكتبها الإقليمي في …"); a bare pronoun after the verb ("قال هو")
is no subject phrase; a column with no dateline takes the state of the only cities it names; an
unknown town as the dateline is a town of the state the article names most; "سألني X" is X's."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of


def test_a_title_of_its_office_placed_in_a_capital_speaks_for_the_body():
    actors = [("صندوق النقد الدولي", "IMF", "organization", "IMF"), ("غانا", "GHA", "country", "GHA")]
    text = ("أكرا - رفعت غانا أسعار الوقود. ورحب صندوق النقد الدولي بالخطوة، وقال ممثله المقيم في أكرا "
            "إن القرار «يعيد الثقة إلى الموازنة».")
    assert speaker_of(quotes_of(text, actors, chooser=False), "يعيد الثقة إلى الموازنة") == ["IMF"]
    text = ("أكرا - رفعت غانا أسعار الوقود. ورحبت منظمة العمل الدولية بالخطوة، وقالت مديرة مكتبها الإقليمي "
            "في أكرا إن الأجور «يجب أن تلحق بالأسعار».")
    assert speaker_of(quotes_of(text, actors, chooser=False), "يجب أن تلحق بالأسعار") == ["UN"]


def test_a_bare_pronoun_after_the_verb_takes_up_the_speaker_before():
    actors = [("الرئيس الكيني", "KEN", "country", "KEN")]
    text = ("نيروبي - افتتح الرئيس الكيني جسرا جديدا، وقال إن المشروع «بداية لا نهاية». "
            "\"سنربط كل مقاطعة بالعاصمة\" ، قال هو في كلمة أمام الحشود .")
    q = quotes_of(text, actors)
    # no subject phrase "هو في كلمة أمام الحشود": the pronoun's speaker, the dateline's state
    assert speaker_of(q, "سنربط كل مقاطعة بالعاصمة", "speaker_text") == [None]
    assert speaker_of(q, "سنربط كل مقاطعة بالعاصمة") == ["KEN"]


def test_a_column_without_dateline_takes_the_state_of_its_only_cities():
    text = ("حين أغلق المستشفى\n\nبقلم: سليم بن علي\n\nأغلق المستشفى الجامعي في وهران جناح الأطفال. "
            "قالت وزيرة الصحة إن الإغلاق «مؤقت ولن يطول». لكن الأطباء في وهران يعرفون غير ذلك.")
    assert speaker_of(quotes_of(text, [], chooser=False), "مؤقت ولن يطول") == ["DZA"]
    # cities of two states: no home state
    text = text.replace("لكن الأطباء في وهران", "لكن الأطباء في صفاقس")
    assert speaker_of(quotes_of(text, [], chooser=False), "مؤقت ولن يطول") == [None]


def test_an_unknown_town_as_dateline_is_a_town_of_the_state_named_most():
    actors = [("الحكومة الكينية", "KEN", "country", "KEN"), ("كينيا", "KEN", "country", "KEN")]
    text = ("فيضان في الشمال\n\nكاكوما - غمرت المياه مئات المنازل. وأعلنت الحكومة الكينية حالة الطوارئ في كينيا كلها. "
            "وقال الباحث في جامعة المدينة إن السدود الترابية «لم تصمد أمام الأمطار».")
    assert speaker_of(quotes_of(text, actors, chooser=False), "لم تصمد أمام الأمطار") == ["KEN"]


def test_the_subject_after_sa_alani_asked_with_a_pronoun_object():
    text = ("في إحدى زياراتي إلى باريس، سألني سائق تونسي قرب المحطة: «متى تعود البلاد كما كانت؟». "
            "ثم ضحك.")
    q = quotes_of(text, [], chooser=False)
    assert speaker_of(q, "متى تعود البلاد كما كانت؟", "speaker_text")[0].startswith("سائق تونسي")
    assert speaker_of(q, "متى تعود البلاد كما كانت؟") == ["TUN"]
