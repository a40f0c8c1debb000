"""Round 57 of issue 19: a title working "in it" (مسؤول فيها) speaks for the body or town named
before it, and a nisba in a non-state speaker's phrase keeps the state of a city dateline."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of


def test_an_official_in_it_speaks_for_the_town_named_before():
    # "فرضت بلدية دبي …، وقال مسؤول فيها": the Jordanian dateline's state before round 57
    actors = [("الأردن", "JOR", "country", "JOR")]
    text = ("أعراس هادئة\n\nعمان (الأردن) - قررت أمانة عمان منع الموسيقى بعد منتصف الليل.\n\n"
            "وليست التجربة جديدة، فقد فرضت بلدية دبي قيودا مماثلة قبل عامين، وقال مسؤول فيها حينها إن الشكاوى "
            "«انخفضت إلى النصف».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "انخفضت إلى النصف") == ["ARE"]


def test_a_nisba_keeps_the_state_of_a_city_dateline():
    # "موروني -" places the story in the Comoros through the place lexicon only; the economist's
    # own nisba names it too, yet his state was withheld as the dateline's before round 57
    text = "خط بحري\n\nموروني - قال اقتصادي قمري ، هو طلب عدم ذكر اسمه ، إن الاحتكار «بدأ منذ عشر سنوات»."
    q = quotes_of(text, [], chooser=False)
    assert speaker_of(q, "بدأ منذ عشر سنوات") == ["COM"]
