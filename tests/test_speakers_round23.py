"""Round 23 of issue 19: a titled phrase's own nisba beats a gazetteer person of the same name,
and regional bodies with no code of their own (ECOWAS, IGAD, SADC …) speak for no state."""
from __future__ import annotations

from quote_fixtures import quotes_of

from arnews.speakers.lexicon import load_speaker_lexicon, words_in
from arnews.speakers.own_nisba import nisba_before

_NAMESAKE = [("بيدرو سانشيث", "SANCHEZ", "person", "ESP")]


def test_the_titles_nisba_beats_a_namesake_in_the_gazetteer():
    # the gazetteer's بيدرو سانشيث is Spain's prime minister; this one is Colombia's minister
    text = 'وقال وزير الدفاع الكولومبي بيدرو سانشيث في مؤتمر صحفي إن العملية تهدف إلى «استعادة سيطرة الدولة».'
    q = quotes_of(text, _NAMESAKE, chooser=False)
    assert q["speaker_country"].tolist() == ["COL"]
    # the person named alone, or under a title of his own state, keeps the gazetteer's state
    q = quotes_of('وقال بيدرو سانشيث في مؤتمر صحفي إن الحكومة «لن تتراجع».', _NAMESAKE, chooser=False)
    assert q["speaker_country"].tolist() == ["ESP"]
    q = quotes_of('وقال رئيس الوزراء الإسباني بيدرو سانشيث إن الحكومة «لن تتراجع».', _NAMESAKE, chooser=False)
    assert q["speaker_country"].tolist() == ["ESP"]


def test_nisba_before_reads_only_the_word_before_the_name():
    lex = load_speaker_lexicon()
    t = "وزير الدفاع الكولومبي بيدرو سانشيث"
    assert nisba_before(words_in(t, 0, len(t)), t.index("بيدرو"), lex) == "COL"
    t = "وزير الدفاع بيدرو سانشيث"  # no nisba before the name
    assert nisba_before(words_in(t, 0, len(t)), t.index("بيدرو"), lex) is None
    t = "الكولومبي بيدرو سانشيث"  # no title opens the phrase
    assert nisba_before(words_in(t, 0, len(t)), t.index("بيدرو"), lex) is None


def test_a_regional_body_without_a_code_gives_no_state_not_the_datelines():
    actors = [("أبوجا", "NGA", "city", "NGA")]
    text = 'وفي أبوجا، قال رئيس مفوضية «إيكواس» عمر توراي في بيان إن «الباب سيظل مفتوحا أمام عودة الأشقاء».'
    q = quotes_of(text, actors, chooser=False)
    row = q[q["quote"].str.startswith("الباب")]
    assert row["speaker_country"].isna().all() and row["speaker_type"].tolist() == ["organisation"]
    text = 'وقال الأمين التنفيذي للهيئة الحكومية للتنمية (إيغاد) ورقنه قبيهو إن الهيئة "مستعدة لمرافقة التنفيذ".'
    q = quotes_of(text, chooser=False)
    assert q["speaker_country"].isna().all() and q["speaker_type"].tolist() == ["organisation"]
    # a state's official in the same place keeps the place's state
    q = quotes_of('وفي أبوجا، قال وزير الخارجية إن «الباب سيظل مفتوحا».', actors, chooser=False)
    assert q["speaker_country"].tolist() == ["NGA"]
