"""Round 56 of issue 19: a bloc named in the dateline ("بروكسل") is not the story's state, and
an aside opened by a comma and a pronoun ("، و هي من أكبر الشركات في …") does not place the
company it describes."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of


def test_a_bloc_in_the_dateline_is_not_the_stories_state():
    # "بروكسل" is a name of the EU; before round 56 the Belgian association spoke for the EU
    actors = [("بروكسل", "EU", "bloc", "EU"), ("البلجيكية", "BEL", "country", "BEL")]
    text = ("مترجمو المحاكم يضربون\n\nبروكسل (وكالات) - توقف المترجمون العاملون لدى المحاكم البلجيكية عن العمل يوم الاثنين.\n\n"
            "وقالت رئيسة الرابطة المهنية للمترجمين إن الأعضاء «لم يتقاضوا أجرا منذ عام».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "لم يتقاضوا أجرا منذ عام") == ["BEL"]


def test_an_aside_after_a_comma_and_a_pronoun_does_not_place_the_company():
    # the ferry company is Spanish; Tangier in its aside made it Moroccan before round 56
    actors = [("طنجة", "MAR", "country", "MAR"), ("المغربية", "MAR", "country", "MAR")]
    text = ("لافتات ميناء طنجة\n\nطنجة - قررت السلطات المغربية تغيير لافتات الميناء.\n\n"
            "لكن شركة \" نافيرا \" الإسبانية للعبارات ، هي تنقل نحو مليون مسافر بين طنجة و طريفة ، "
            "قالت في بيان إن القرار \"سوف يخلق ارتباكا كبيرا\" خلال الصيف .")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "سوف يخلق ارتباكا كبيرا") == ["ESP"]


def test_an_aside_that_gives_a_nationality_still_places_the_speaker():
    # "، وهو سلفادوري": the aside is the researcher's own nationality, not a place to drop
    actors = [("أمريكا", "USA", "country", "USA"), ("ميامي", "USA", "country", "USA")]
    text = ("قوانين الطوارئ\n\nوقال الباحث في جامعة أمريكا الوسطى خوسيه كروز، وهو سلفادوري مقيم في ميامي، "
            "إن ما يجري «نموذج يصدر إلى المنطقة».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "نموذج يصدر إلى المنطقة") == ["SLV"]
