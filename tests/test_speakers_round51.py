"""Round 51 of issue 19 (developed on qt01–qt767, the errors of the set measured once after
round 50): a compound nisba read on a definite word ("الجنوب الأفريقي", southern Africa) names no
state; "أن البنك نفسه وصف …" has the bank named before as its subject, not the speaker before;
a name whose phrase names a state only in an apposition after a comma is the subject."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of


def test_southern_africa_is_not_south_africa():
    text = ("لوساكا - دعت مجموعة تنمية الجنوب الأفريقي الأطراف إلى «احترام النتائج». "
            "وقال الرئيس الجنوب أفريقي إن «الوقت حان للحوار».")
    q = quotes_of(text, [], chooser=False)
    assert speaker_of(q, "احترام النتائج") != ["ZAF"]
    assert speaker_of(q, "الوقت حان للحوار") == ["ZAF"]


def test_the_bank_itself_after_anna_is_the_subject():
    actors = [("البنك الدولي", "WORLD_BANK", "organization", "WORLD_BANK"), ("المغرب", "MAR", "country", "MAR")]
    text = ("الرباط - انتقد البنك الدولي بطء الإعمار في المغرب. ورد المدير بأن التقرير «فيه ملاحظات مفيدة»، "
            "لكنه أشار إلى أن البنك نفسه وصف البرنامج بأنه «تجربة تستحق التعميم».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "تجربة تستحق التعميم", "speaker_text") == ["البنك"]
    assert speaker_of(q, "تجربة تستحق التعميم") == ["WORLD_BANK"]


def test_a_name_with_a_nisba_apposition_is_the_subject_not_an_object():
    actors = [("النيجرية", "NER", "country", "NER"), ("نيجيريا", "NGA", "country", "NGA")]
    text = ("كانو (نيجيريا) - فتحت البوابة. «عدنا إلى السوق أخيرا»، قال إبراهيم ساني، "
            "تاجر الماشية النيجري الذي عبر الحدود مع الفجر.")
    q = quotes_of(text, actors + [("النيجري", "NER", "country", "NER")], chooser=False)
    assert speaker_of(q, "عدنا إلى السوق أخيرا", "speaker_text") == ["إبراهيم ساني"]
    assert speaker_of(q, "عدنا إلى السوق أخيرا") == ["NER"]
