"""Round 22 of issue 19: a channel or addressee named after "في بيان / في تصريح / في مقابلة"
inside a speaker phrase is not the speaker's state."""
from __future__ import annotations

from quote_fixtures import quotes_of

from arnews.speakers.lexicon import words_in
from arnews.speakers.channel import channel_start


def test_the_addressee_of_a_statement_gives_no_state_to_an_ngo():
    # the rules before round 22 took تونس from "السلطات التونسية", whom the statement addressed
    text = 'وطالبت منظمة العفو الدولية في بيان السلطات التونسية بـ«الإفراج الفوري» عن الصحفيين.'
    q = quotes_of(text, chooser=False)
    assert q["speaker_country"].isna().all()
    # the same NGO named with its place keeps it
    q = quotes_of('وقال مدير منظمة محلية في تونس إن "الصحفيين في خطر".', [("تونس", "TUN", "country", "TUN")],
                  chooser=False)
    assert q["speaker_country"].tolist() == ["TUN"]


def test_the_outlet_spoken_to_is_not_the_speakers_state():
    actors = [("فرنسا", "FRA", "country", "FRA")]
    text = 'وقال الرئيس التنفيذي لشركة الكاكاو السويسرية في مقابلة مع إذاعة فرنسا إن "السوق لن تتعافى".'
    q = quotes_of(text, actors, chooser=False)
    assert q["speaker_country"].tolist() == ["CHE"]
    # without the channel, a country in the phrase still places the speaker
    q = quotes_of('وقال الرئيس التنفيذي لشركة الكاكاو في فرنسا إن "السوق لن تتعافى".', actors, chooser=False)
    assert q["speaker_country"].tolist() == ["FRA"]


def test_channel_start_finds_the_first_channel_phrase():
    t = "مدير المجلس في غرب أفريقيا في تصريح لإذاعة فرنسا"
    ws = words_in(t, 0, len(t))
    assert t[channel_start(ws):].startswith("في تصريح")
    t = "مدير المجلس في غرب أفريقيا"
    assert channel_start(words_in(t, 0, len(t))) is None
