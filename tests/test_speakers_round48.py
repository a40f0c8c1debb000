"""Round 48 of issue 19 (developed on qt01–qt722, the errors of the set measured once after
round 47): a rapporteur is a title ("مقرر أممي" → the UN), a mention after a comma opens a new
clause rather than a list ("مع شركة صينية، واشنطن تقول"), and a person's own nisba right after
his title beats the body he works for ("المدرب الإسباني للمنتخب الكويتي")."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of


def test_a_un_rapporteur_in_a_headline_speaks_for_the_un():
    text = "مقرر أممي يدعو باكستان إلى «إعادة الإنترنت فورا» بعد اعتقال صحفيين\n\nإسلام آباد - اعتقلت الشرطة ثلاثة صحفيين."
    q = quotes_of(text, [("باكستان", "PAK", "country", "PAK"), ("إسلام آباد", "PAK", "country", "PAK")], chooser=False)
    assert speaker_of(q, "إعادة الإنترنت فورا") == ["UN"]


def test_a_mention_after_a_comma_is_no_list_with_the_one_before():
    actors = [("كازاخستان", "KAZ", "country", "KAZ"), ("صينية", "CHN", "country", "CHN"), ("واشنطن", "USA", "country", "USA")]
    text = "كازاخستان توسع شبكتها مع شركة صينية، واشنطن تقول «قلقون جدا»\n\nأستانا - أعلنت الحكومة توسيع الشبكة."
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "قلقون جدا") == ["USA"]
    assert speaker_of(q, "قلقون جدا", "speaker_text") == ["واشنطن"]
    # a list with و after the comma is still one subject
    actors = [("روسيا", "RUS", "country", "RUS"), ("الصين", "CHN", "country", "CHN"), ("إيران", "IRN", "country", "IRN")]
    text = "وفي البيان، روسيا، الصين وإيران تقول إن العقوبات «غير شرعية»."
    assert speaker_of(quotes_of(text, actors, chooser=False), "غير شرعية", "speaker_text") == ["روسيا، الصين وإيران"]


def test_a_persons_own_nisba_right_after_the_title_beats_his_employer():
    actors = [("الكويت", "KWT", "country", "KWT"), ("الكويتي", "KWT", "country", "KWT"), ("الإسباني", "ESP", "country", "ESP")]
    text = ("الكويت - قال المدرب الإسباني للمنتخب الكويتي خوان مارتينيز إن «الضغط جزء من اللعبة». "
            "وقال مارتينيز إن «ما يقلقني هو الإصابات».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "الضغط جزء من اللعبة") == ["ESP"]
    assert speaker_of(q, "ما يقلقني هو الإصابات") == ["ESP"]
