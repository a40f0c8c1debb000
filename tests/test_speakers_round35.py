"""Quote kinds of rounds 35 and 36: head nouns that announce a name, a relative clause after a
quoted noun phrase, and cues that stop at a sentence's end (arnews.speakers.kind)."""
from __future__ import annotations

from arnews.speakers import quote_kind


def _kind(text: str, quote: str, rule: str = "verb_subject") -> str:
    s = text.index(quote)
    return quote_kind(text, s, s + len(quote), rule)


def test_a_head_noun_announces_a_name_unless_a_particle_opens_a_clause():
    assert _kind("وكان الحلف قد أطلق مهمة «الحارس القطبي» لتعزيز المراقبة.", "الحارس القطبي") == "title"
    assert _kind("وقالت الوزارة إن حقل «تنغيز» يخضع لالتزامات.", "تنغيز") == "title"
    assert _kind("وقالت إن الصندوق الذي أنشئ للبعثة «لم يتلق سوى جزء ضئيل» من التعهدات.",
                 "لم يتلق سوى جزء ضئيل") == "speech"


def test_a_quoted_noun_phrase_described_by_a_relative_clause_is_a_title():
    t = "وقال الوزير إن «الإطار المشترك» الذي أطلقته مجموعة العشرين لم يخفف الديون."
    assert _kind(t, "الإطار المشترك") == "title"
    t = "وقال الوزير إن «الإطار المشترك» لم يخفف الديون."
    assert _kind(t, "الإطار المشترك") == "speech"  # no relative clause: a short quote after إن
    t = "ورفض ما وصفه بـ«الابتزاز» الذي تمارسه المنظمة على الدول الثلاث."
    assert _kind(t, "الابتزاز") == "speech"  # the describer's word


def test_a_cue_ending_the_sentence_before_is_no_cue():
    t = "ووصف بيسكوف القمة بأنها “اجتماع دافئ” في مؤتمر. “في نفس الوقت موضوعي للغاية”."
    assert _kind(t, "في نفس الوقت موضوعي للغاية", "continuation") == "speech"
    t = "وتحدث الوزير أمام مؤتمر «الحوار الوطني» أمس."
    assert _kind(t, "الحوار الوطني") == "title"  # the cue right before, in the same sentence
