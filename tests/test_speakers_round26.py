"""Round 26 of issue 19: a name in quotation marks (a whole gazetteer actor, or a short quote
ending in a number) is a title, not words said; a speaker phrase after a speech verb stops at a
preposition that governs a quote, and such a phrase is no name in apposition; "وكانت X قد
<verb>" finds its subject as "وكان" does."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of

from arnews.speakers.kind import quoted_name


def _span(text: str, quote: str) -> tuple[int, int]:
    i = text.index(quote)
    return i, i + len(quote)


def test_a_short_quote_ending_in_a_number_is_a_name_unless_a_date():
    t = "أطلقت بيونغ يانغ صاروخ «هواسونغ-20» وحذرت من «المرسوم 54» وقالت إنه «سيبدأ في 2028» و«لم يتغير منذ 2022»"
    assert quoted_name(t, *_span(t, "هواسونغ-20"), [])
    assert quoted_name(t, *_span(t, "المرسوم 54"), [])
    assert not quoted_name(t, *_span(t, "سيبدأ في 2028"), [])  # a date after في
    assert not quoted_name(t, *_span(t, "لم يتغير منذ 2022"), [])  # four words: a clause


def test_a_quote_that_is_one_gazetteer_actor_is_a_title():
    text = "وقال وزير الطاقة السعودي إن «أوبك» ستواصل العمل، وإن السوق «مستقرة تماما»."
    q = quotes_of(text, [("أوبك", "OPEC", "organization", "OPEC"), ("السعودي", "SAU", "country", "SAU")], chooser=False)
    assert speaker_of(q, "أوبك", "kind") == ["title"]
    assert speaker_of(q, "مستقرة تماما", "kind") == ["speech"]


def test_a_minister_urging_the_parties_keeps_both_quotes_as_speech():
    text = "وحث وزير الخارجية الكيني الطرفين على «التمسك بالحوار» و«عدم إغلاق الباب» أمام الوسطاء."
    q = quotes_of(text, [("الكيني", "KEN", "country", "KEN")], chooser=False)
    assert speaker_of(q, "التمسك بالحوار", "kind") == ["speech"]
    assert speaker_of(q, "التمسك بالحوار") == ["KEN"]
    assert speaker_of(q, "عدم إغلاق الباب") == ["KEN"]


def test_kanat_qad_finds_a_feminine_titled_subject():
    from arnews.speakers.lexicon import load_speaker_lexicon
    from arnews.speakers.subjects import find_subjects

    text = "وكانت الوزيرة الفرنسية قد وصفت الاتفاق بأنه «خيانة للزراعة»."
    subs = find_subjects(text, 0, text.index("«"), [], load_speaker_lexicon(), [])
    assert [text[s.start:s.end] for s in subs] == ["الوزيرة الفرنسية"]
