"""Round 63 of issue 19: the authorities of a named place ("سلطات ميناء طنجة") are that place's,
not a bare name taken up elsewhere; a body named by its noun alone ("وقالت القنصلية") takes up
the state of its fuller mention just before; a national or regional body or office
("الوكالة الوطنية للموانئ", "المدعي الاقتصادي الوطني", "الغرفة الجهوية") speaks for the
story's state; a relative clause after a body's nisba ("النمساوية، التي تعمل في اليونان") and the
object after its seat ("ومقرها دكا، الاتحاد الأوروبي") do not place it; "القوة القاهرة" (force
majeure) is not Cairo."""
from __future__ import annotations

import pandas as pd
from quote_fixtures import quotes_of, speaker_of

from arnews.actors.mentions import find_mentions
from arnews.text import sentences_table, tokens_table
from arnews.speakers import load_speaker_lexicon
from arnews.speakers.lexicon import words_in
from arnews.speakers.phrase_roles import place_ending

_TANGIER = [("الإسباني", "ESP", "country", "ESP"), ("الإسبانية", "ESP", "country", "ESP"),
            ("إسبانيا", "ESP", "country", "ESP"), ("المغربية", "MAR", "country", "MAR")]


def test_the_authorities_of_a_named_port_are_that_place_s():
    # "طنجة" was read as a name and taken up with the Spanish port named beside it (ESP) before round 63
    text = ("سلطات ميناء طنجة: “لا إبحار قبل أن تهدأ الرياح”\n\nطنجة (أ ف ب) - ألغت الشركات رحلات العبارات بين "
            "ميناء طنجة المتوسط وميناء الجزيرة الخضراء الإسباني لليوم الثاني.\n\n"
            "وكانت القنصلية العامة لإسبانيا في طنجة قد نشرت رقما للطوارئ.")
    q = quotes_of(text, _TANGIER, chooser=False)
    assert speaker_of(q, "لا إبحار قبل أن تهدأ الرياح") == ["MAR"]


def test_place_ending_needs_a_noun_before_the_place():
    lex = load_speaker_lexicon()
    for t, want in (("سلطات ميناء طنجة", "MAR"), ("طنجة", None), ("سلطات الميناء", None)):
        assert place_ending(words_in(t, 0, len(t)), lex) == want, t


def test_a_body_named_by_its_noun_takes_up_its_fuller_mention():
    # the consulate took the dateline's state (MAR) before round 63
    text = ("عاصفة في المضيق\n\nطنجة (أ ف ب) - ألغيت رحلات العبارات لليوم الثاني بسبب الرياح.\n\n"
            "وكانت القنصلية العامة لإسبانيا في طنجة قد نشرت رقما للطوارئ. وقالت القنصلية في رسالة إلى المسافرين "
            "إن على حاملي التأشيرات “عدم القلق”.")
    q = quotes_of(text, _TANGIER, chooser=False)
    assert speaker_of(q, "عدم القلق") == ["ESP"]


def test_a_national_agency_in_a_city_dateline_story_is_the_home_state_s():
    # "الوكالة الوطنية" had no state (a city dateline gives a body none) before round 63
    text = ("عاصفة في المضيق\n\nطنجة (أ ف ب) - ألغيت رحلات العبارات بسبب عاصفة وصفتها المديرية العامة للأرصاد الجوية "
            "المغربية بأنها “استثنائية”.\n\nوقالت الوكالة الوطنية للموانئ في بيان إن “سلامة المسافرين تتقدم على أي اعتبار”.")
    q = quotes_of(text, _TANGIER, chooser=False)
    assert speaker_of(q, "سلامة المسافرين تتقدم على أي اعتبار") == ["MAR"]


def test_a_national_office_speaks_for_the_story_s_state():
    # an analyst-typed office got no state before round 63
    actors = [("تشيلي", "CHL", "country", "CHL"), ("الأرجنتين", "ARG", "country", "ARG")]
    text = ("إيجارات العطل\n\nسانتياغو - فرضت تشيلي ضريبة على إيجارات العطل، ويأتي كثير من المستأجرين من الأرجنتين.\n\n"
            "وقال المدعي الاقتصادي الوطني إن المنصات “تدفع أقل مما ينبغي”.")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "تدفع أقل مما ينبغي") == ["CHL"]
    # without "national" the office stays unplaced, as before
    q = quotes_of(text.replace("المدعي الاقتصادي الوطني", "المدعي الاقتصادي"), actors, chooser=False)
    assert speaker_of(q, "تدفع أقل مما ينبغي") == [None]


def test_a_regional_chamber_speaks_for_the_story_s_state():
    # a chamber (a company type) got no state from a city dateline before round 63
    actors = [("تونس", "TUN", "country", "TUN")]
    text = ("سوق الجملة\n\nصفاقس - أكد رئيس بلدية صفاقس أن نقل سوق الجملة سيتم «قبل نهاية الصيف».\n\n"
            "غير أن رئيس الغرفة الجهوية لتجار الجملة الهادي بن عمر وصف هذه الوعود بأنها «كلام مؤتمرات».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "كلام مؤتمرات") == ["TUN"]


def _actors_in(text: str) -> set:
    arts = pd.DataFrame({"article_id": ["a"], "clean_text": [text]})
    return set(find_mentions(tokens_table(sentences_table(arts))).actor_id)


def test_force_majeure_is_not_cairo():
    # "القوة القاهرة" and "الظروف القاهرة" were tagged EGY before round 63
    for t in ("أعلنت الشركة حالة «القوة القاهرة» في الحقل.", "ستراعي السلطات الظروف القاهرة عند المعابر."):
        assert "EGY" not in _actors_in(t), t
    assert "EGY" in _actors_in("وصل الوفد إلى القاهرة أمس.")


def test_a_relative_clause_after_a_body_s_nisba_does_not_place_it():
    # the Greek place of the relative clause won over "النمساوية" before round 63
    actors = [("اليونان", "GRC", "country", "GRC"), ("أثينا", "GRC", "country", "GRC"), ("النمساوية", "AUT", "country", "AUT")]
    text = ("كلاب الشوارع\n\nأثينا - فرضت اليونان غرامات على من يتخلى عن كلبه.\n\nو حذرت منظمة « فور بوز » النمساوية لحماية "
            "الحيوانات ، التي تعمل في اليونان منذ سنوات ، من أن الغرامات « لن تطبق فعلا إذا لم يتم تدريب الشرطة » .")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "لن تطبق فعلا إذا لم يتم تدريب الشرطة") == ["AUT"]


def test_what_follows_a_body_s_seat_is_the_verb_s_object():
    # the EU, object of دعت after the seat, was taken for the body's state before round 63
    actors = [("الاتحاد الأوروبي", "EU", "bloc", "EU"), ("دكا", "BGD", "country", "BGD")]
    text = ("تأشيرات العمال\n\nدكا (د ب أ) - تجمع مئات العمال أمام مركز التأشيرات الإيطالية.\n\n"
            "ودعت منظمة \"أوفاكي\" لحقوق المهاجرين، ومقرها دكا، الاتحاد الأوروبي إلى «رقمنة كاملة» لنظام المواعيد.")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "رقمنة كاملة") == ["BGD"]
