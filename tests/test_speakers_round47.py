"""Round 47 of issue 19 (developed on qt01–qt707, the errors of the set measured once after
round 46): unnamed sources known by a sector and a region, former office holders with no
nationality, "ومن <place>،" fronting a place, names ending in نا, local media, titles whose
possessive pronoun takes up a body named in the sentence before, and an indefinite speaker
described by its verb ("من وزير … أسبق قال لي")."""
from __future__ import annotations

from arnews.speakers.lexicon import load_speaker_lexicon, words_in
from arnews.speakers.regional import regional_code
from quote_fixtures import quotes_of, speaker_of


def _region(t: str) -> str | None:
    return regional_code(words_in(t, 0, len(t)), load_speaker_lexicon())


def test_a_region_after_a_sector_adjective_names_no_state():
    assert _region("مصادر ملاحية أوروبية") == "EUROPE"
    assert _region("محافظ بنك مركزي آسيوي") == "ASIA"
    # a named bloc, a definite region after indefinite words, or a state's nisba is not a region
    assert _region("الممثلة العليا للاتحاد الأوروبي") is None
    assert _region("متحدث باسم وكالة فرونتكس الأوروبية") is None
    assert _region("مصدر في شركة صينية") is None
    text = "جيبوتي – وبحسب مصادر ملاحية أوروبية، فإن بعض الخطوط «بدأت تدرس» تحويل سفنها."
    q = quotes_of(text, [("أوروبية", "EU", "bloc", "EU"), ("جيبوتي", "DJI", "country", "DJI")], chooser=False)
    assert speaker_of(q, "بدأت تدرس") == [None]


def test_a_former_state_office_without_a_nationality_takes_the_articles_state():
    actors = [("كينشاسا", "COD", "country", "COD")]
    text = "كينشاسا – قال وزير المناجم السابق بيير كابامبا إن القرار «فكرة جيدة جاءت متأخرة»."
    assert speaker_of(quotes_of(text, actors, chooser=False), "فكرة جيدة جاءت متأخرة") == ["COD"]
    assert speaker_of(quotes_of(text, actors, chooser=False), "فكرة جيدة جاءت متأخرة", "speaker_type") == ["analyst"]
    # a former researcher is no office of the state: no country without one in the text
    text = "كينشاسا – قال الباحث السابق بيير كابامبا إن القرار «فكرة جيدة جاءت متأخرة»."
    assert speaker_of(quotes_of(text, actors, chooser=False), "فكرة جيدة جاءت متأخرة") == [None]


def test_a_place_fronted_with_min_places_the_speaker():
    text = ("الكويت – منعت لجنة الرقابة عرض الفيلم.\n\n"
            "ومن تونس، قال المدير الفني للمهرجان في اتصال هاتفي إن الفيلم «من أجمل ما عرض في الدورة».")
    q = quotes_of(text, [("الكويت", "KWT", "country", "KWT"), ("تونس", "TUN", "country", "TUN")], chooser=False)
    assert speaker_of(q, "من أجمل ما عرض في الدورة") == ["TUN"]


def test_a_name_ending_in_na_is_a_subject():
    text = "داكا – «نخيط ملابس العالم ولا نملك ثمن ثوب»، تقول روكسانا وهي تمسح العرق."
    q = quotes_of(text, [("داكا", "BGD", "country", "BGD")], chooser=False)
    assert speaker_of(q, "نخيط ملابس العالم ولا نملك ثمن ثوب", "speaker_text")[0].startswith("روكسانا")


def test_local_media_speak_for_the_dateline():
    text = "القاهرة – ووصفت وسائل إعلام محلية الاتفاق بأنه «صفقة القرن»."
    q = quotes_of(text, [("القاهرة", "EGY", "country", "EGY")], chooser=False)
    assert speaker_of(q, "صفقة القرن") == ["EGY"]


def test_a_possessive_title_takes_up_the_body_of_the_sentence_before():
    actors = [("التركية", "TUR", "country", "TUR"), ("بيروت", "LBN", "country", "LBN")]
    text = ("بيروت – وتقول شركة «كارباورشيب» التركية إنها لم تتلق أي طلب رسمي. "
            "وقال متحدث باسمها إن الشركة «مستعدة للعودة إذا ضمنت الدولة التسديد».")
    assert speaker_of(quotes_of(text, actors, chooser=False), "مستعدة للعودة إذا ضمنت الدولة التسديد") == ["TUR"]
    actors = [("الألمانية", "DEU", "country", "DEU"), ("تونس", "TUN", "country", "TUN")]
    text = ("تونس – لكن منظمة «مرافئ آمنة» الألمانية ترى الصورة مختلفة. "
            "«الموت صار بعيدا عن الكاميرات»، قالت منسقة عملياتها لينا بيكر.")
    assert speaker_of(quotes_of(text, actors, chooser=False), "الموت صار بعيدا عن الكاميرات") == ["DEU"]


def test_an_indefinite_speaker_described_by_its_verb_is_the_subject():
    actors = [("الكيني", "KEN", "country", "KEN"), ("مصري", "EGY", "country", "EGY")]
    text = ("قال وزير الخارجية الكيني إن الوضع «مستقر تماما». ولعل أصدق ما سمعت جاء من وزير زراعة "
            "مصري أسبق قال لي في جلسة خاصة: «نحن نستورد القمح ونصدر الأعذار».")
    assert speaker_of(quotes_of(text, actors, chooser=False), "نحن نستورد القمح ونصدر الأعذار") == ["EGY"]
    # a document the verb speaks "in" is not its speaker
    actors = [("الكندية", "CAN", "country", "CAN")]
    text = "السفارة الكندية أصدرت بيانا قصيرا تقول فيه إن أوتاوا «تشجع كل الأطراف على الحوار»."
    assert speaker_of(quotes_of(text, actors, chooser=False), "تشجع كل الأطراف على الحوار", "speaker_text") != ["بيانا قصيرا"]
