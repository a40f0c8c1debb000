"""Round 49 of issue 19 (developed on qt01–qt737, the errors of the set measured once after
round 48): a title with a possessive pronoun placed "في" a state works there for its body
("منسقها في لبنان", "متحدث باسمه في الرباط"); "أما X فقد حذر" has X as its subject; "سألت X … عن
رأيه، فقال:" is X's answer; after قال a head with a possessive is the subject ("وقال أمينه
العام المساعد"), a time adverb ("يومها") is not."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of


def test_a_possessive_title_placed_in_a_state_speaks_for_its_body():
    actors = [("التركية", "TUR", "country", "TUR"), ("لبنان", "LBN", "country", "LBN")]
    text = ("طرابلس - بدأ الترميم. كما أعلنت وكالة التعاون والتنسيق التركية تمويل ترميم الحمام، "
            "ونقلت وكالة الأناضول عن منسقها في لبنان قوله إن المشروع «وفاء لتاريخ مشترك».")
    assert speaker_of(quotes_of(text, actors, chooser=False), "وفاء لتاريخ مشترك") == ["TUR"]


def test_amma_then_faqad_names_the_subject():
    actors = [("التونسي", "TUN", "country", "TUN"), ("البنك الدولي", "WORLD_BANK", "organization", "WORLD_BANK")]
    text = ("تونس - رأى البنك الدولي أن الخطوة «ضرورية لكنها غير كافية». أما الاتحاد العام التونسي للشغل "
            "فقد حذر من أن الإصلاح «سيضرب القدرة الشرائية للطبقة الوسطى».")
    assert speaker_of(quotes_of(text, actors, chooser=False), "سيضرب القدرة الشرائية للطبقة الوسطى") == ["TUN"]


def test_the_one_asked_answers_with_faqala():
    actors = [("البنك الدولي", "WORLD_BANK", "organization", "WORLD_BANK"), ("تونس", "TUN", "country", "TUN")]
    text = ("تونس - رأى البنك الدولي أن الخطوة «ضرورية لكنها غير كافية». سألت صديقي الحاج عبد الرزاق، "
            "صاحب مخبزة في حي التضامن، عن رأيه، فقال: «الحكومة تتحدث عن الذكاء، وأنا أتحدث عن الطحين».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "الحكومة تتحدث عن الذكاء، وأنا أتحدث عن الطحين", "speaker_text")[0].startswith("صديقي الحاج")
    assert speaker_of(q, "الحكومة تتحدث عن الذكاء، وأنا أتحدث عن الطحين") == ["TUN"]


def test_after_qala_a_possessed_title_is_the_subject_a_time_adverb_is_not():
    actors = [("التونسي", "TUN", "country", "TUN")]
    text = "أصدر الاتحاد العام التونسي للشغل بيانا. وقال أمينه العام المساعد إن النقابة «لن تقبل سياسة الأمر الواقع»."
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "لن تقبل سياسة الأمر الواقع", "speaker_text")[0].startswith("أمينه العام")
    text = "وصلت رئيسة الوزراء إلى تونس. وقالت يومها إن الهجرة «مسؤولية مشتركة»."
    q = quotes_of(text, [("تونس", "TUN", "country", "TUN")], chooser=False)
    assert speaker_of(q, "مسؤولية مشتركة", "speaker_text") != ["يومها"]
