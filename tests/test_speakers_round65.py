"""Round 65 of issue 19: a bloc named by its seat after في ("مديرة مهرجان «…» في بروكسل") is the
city a non-state speaker works in, not the EU speaking; an analyst, a medium or a body with an
invented name in quotation marks, placed nowhere by its own words, speaks for the one state an
article names (a researcher of an international organisation still for none)."""
from __future__ import annotations

from quote_fixtures import quotes_with_gazetteer, speaker_of

from arnews.speakers.home_voice import one_state_voice
from arnews.speakers.resolve import SpeakerInfo

_FESTIVAL = ('مدير مهرجان "أصوات المتوسط" في بروكسل يان دي فوس: «ألغينا عرضين لأن الفرق لم تحصل على التأشيرات»\n\n'
             "لماذا تأخر إعلان البرنامج هذا العام؟\n\n"
             "«لأننا انتظرنا ردود القنصليات حتى اللحظة الأخيرة، ولم يصل نصفها».")


def test_a_festival_director_in_brussels_speaks_for_belgium_not_the_eu():
    # the headline's "بروكسل" made him the EU before round 65
    q = quotes_with_gazetteer(_FESTIVAL)
    assert speaker_of(q, "ألغينا عرضين لأن الفرق لم تحصل على التأشيرات") == ["BEL"]
    assert speaker_of(q, "ألغينا عرضين لأن الفرق لم تحصل على التأشيرات", "speaker_type") == ["ngo"]


def test_an_official_in_brussels_and_the_commission_still_speak_for_the_eu():
    text = ("بروكسل - قالت المتحدثة باسم المفوضية الأوروبية في بروكسل إن القواعد «واحدة للجميع». "
            "وقال مسؤول في الاتحاد الأوروبي إن الملف «سيعرض على الوزراء الشهر المقبل».")
    q = quotes_with_gazetteer(text)
    assert speaker_of(q, "واحدة للجميع") == ["EU"]
    assert speaker_of(q, "سيعرض على الوزراء الشهر المقبل") == ["EU"]


_ONE_STATE = ("تونس - أعلنت وزارة التربية التونسية تأجيل امتحان الرياضيات بعد تسرب أسئلته.\n\n"
              "وقال الخبير التربوي ماجد العمري إن التأجيل «لا يعالج أصل المشكلة». وكتبت صحيفة «الصباح» "
              "في افتتاحيتها أن الوزارة «تأخرت في الاعتراف».\n\n"
              "ووصفت منظمة «حق التعليم» القرار بأنه «متأخر لكنه ضروري».")


def test_unplaced_voices_of_a_one_state_story_speak_for_its_state():
    # an analyst and a local association with an invented name had no state before round 65
    q = quotes_with_gazetteer(_ONE_STATE)
    assert speaker_of(q, "لا يعالج أصل المشكلة") == ["TUN"]
    assert speaker_of(q, "تأخرت في الاعتراف") == ["TUN"]
    assert speaker_of(q, "متأخر لكنه ضروري") == ["TUN"]


def test_a_second_state_or_a_reporter_leaves_an_unplaced_voice_without_one():
    text = _ONE_STATE.replace("بعد تسرب أسئلته", "بعد تسرب أسئلته من مطبعة في مصر")
    assert speaker_of(quotes_with_gazetteer(text), "لا يعالج أصل المشكلة") == [None]
    text = _ONE_STATE.replace("وكتبت صحيفة «الصباح» في افتتاحيتها أن", "وقال مراسل صحيفة «الصباح» للوزير إن")
    assert speaker_of(quotes_with_gazetteer(text), "تأخرت في الاعتراف") == [None]


def test_the_one_state_rule_spares_international_bodies_and_placed_voices():
    assert one_state_voice(SpeakerInfo(None, "analyst"), "BGD", "الباحثة في منظمة هيومن رايتس ووتش").country is None
    assert one_state_voice(SpeakerInfo(None, "ngo"), "BGD", "منظمة «أطباء العالم» الدولية").country is None
    assert one_state_voice(SpeakerInfo(None, "ngo"), "BGD", "منظمة أطباء بلا حدود").country is None
    assert one_state_voice(SpeakerInfo("FRA", "analyst"), "BGD", "الباحث الفرنسي").country == "FRA"
    assert one_state_voice(SpeakerInfo(None, "analyst"), None, "الخبير").country is None
    assert one_state_voice(SpeakerInfo(None, "ngo"), "BGD", "منظمة «الممر الآمن»").country == "BGD"
