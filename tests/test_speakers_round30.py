"""Round 30 of issue 19: a verbal noun of saying governed by another verb ("اكتفى الرئيس
بالقول إن", "فرد نظيره العراقي بالقول إن", "لم يتردد في القول") is a speech cue whose speaker
is the governing verb's subject (``speech_verbs.csv`` role ``masdar``,
:func:`arnews.quotes.speakers.governor_subject`); and a press conference in a speaker's phrase
is a channel, so the one the speaker meets there gives no state ("في مؤتمر صحفي مع نظيره")."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of

from arnews.quotes.lexicon import load_speech_verbs

TUR = ("أنقرة", "TUR", "country", "TUR")
IRQ = ("بغداد", "IRQ", "country", "IRQ")
MAR = ("المغربي", "MAR", "country", "MAR")


def test_the_masdar_forms_are_cues_of_their_own_role():
    lex = load_speech_verbs()
    assert lex.match(["واكتفي", "بالقول", "ان"], 1)[2] == "masdar"
    assert lex.match(["في", "القول", "ان"], 0)[2] == "masdar"
    assert lex.match(["القول", "ان"], 0) is None  # "يمكن القول إن": nobody's words


def test_the_governing_verbs_subject_speaks():
    text = "وجدد وزير الخارجية التركي مطالبة أنقرة بوقف الهجمات، فرد نظيره العراقي بالقول إن بغداد «لن تسمح بذلك»."
    q = quotes_of(text, [TUR, IRQ], chooser=False)
    assert speaker_of(q, "لن تسمح بذلك") == ["IRQ"]
    assert speaker_of(q, "لن تسمح بذلك", "speaker_text") == ["نظيره العراقي"]


def test_a_negated_governing_verb_and_a_subjectless_one():
    q = quotes_of("ولم يتردد الرئيس الفنلندي في القول إن بلاده «لن تستبعد أي فرضية».", chooser=False)
    assert speaker_of(q, "لن تستبعد أي فرضية", "speaker_text") == ["الرئيس الفنلندي"]
    assert speaker_of(q, "لن تستبعد أي فرضية") == ["FIN"]
    q = quotes_of("وأشاد وزير الخارجية الفنلندي بالاتفاق، واكتفى بالقول إن بلاده «لن تستبعد أي فرضية».", chooser=False)
    assert speaker_of(q, "لن تستبعد أي فرضية") == ["FIN"]


def test_a_press_conference_partner_is_not_the_speakers_state():
    q = quotes_of("وقال الوزير في مؤتمر صحفي مع نظيره المغربي إن الاتفاق «لا يتعلق بإغلاق الحدود».", [MAR], chooser=False)
    assert speaker_of(q, "لا يتعلق بإغلاق الحدود") != ["MAR"]
    q = quotes_of("وقال وزير الخارجية الفنلندي في مؤتمر صحفي مع نظيره المغربي إن الاتفاق «لا يتعلق بإغلاق الحدود».", [MAR],
                  chooser=False)
    assert speaker_of(q, "لا يتعلق بإغلاق الحدود") == ["FIN"]
