"""Round 32 of issue 19: a subject fronted after أنّ is the speaker of its clause's verb, and
what follows the verb is its object ("وتابعت أن بعثة الصندوق … وصفت الأداء المالي بأنه «…»",
:func:`arnews.quotes.speakers.complement_subject`); a quantifier (أي) opening the object ends
the subject ("ورفض وزير خارجيتها أي وجود عسكري"); and the weak nisba المالي (Malian or
financial) places a speaker only when the phrase opens with a title ("وزير الخارجية المالي",
not "الأداء المالي")."""
from __future__ import annotations

import pandas as pd
from quote_fixtures import quotes_of, speaker_of

from arnews.quotes.article import Article
from arnews.quotes.lexicon import load_speech_verbs
from arnews.quotes.speakers import complement_subject, noun_phrase
from arnews.speakers.lexicon import load_speaker_lexicon, words_in
from arnews.speakers.resolve import _countries_in
from arnews.text import sentences_table, tokens_table

AFG = ("طالبان", "AFG", "country", "AFG")
UZB = ("الأوزبكي", "UZB", "country", "UZB")


def _article(text: str) -> Article:
    lex = load_speech_verbs()
    toks = tokens_table(sentences_table(pd.DataFrame({"article_id": ["a"], "clean_text": [text]})))
    return Article(text, toks, None, lex.heads)


def test_a_subject_fronted_after_anna_speaks_and_the_words_after_the_verb_are_its_object():
    text = ("وقال المبعوث الأوزبكي إن الطريق «مفتوح». وأشار إلى أن المتحدث باسم حكومة طالبان وصف المشروع "
            "بأنه «هدية للأجيال المقبلة».")
    q = quotes_of(text, [UZB, AFG], chooser=False)
    assert speaker_of(q, "هدية للأجيال المقبلة") == ["AFG"]
    assert speaker_of(q, "هدية للأجيال المقبلة", "speaker_text") == ["المتحدث باسم حكومة طالبان"]


def test_anna_fronting_needs_a_speaker_phrase_in_the_same_clause():
    a = _article("وأكد أن الحكومة التي تشكلت حديثا قالت إن الأمر محسوم.")
    verb = a.norm.index("قالت")
    assert complement_subject(a, verb, 0)[1] == "الحكومة"  # the head, its relative clause left out
    a = _article("سيول تقول إن بيونغ يانغ أطلقت صاروخا، وتدعو إلى الحوار.")
    assert complement_subject(a, a.norm.index("وتدعو"), 0) is None  # a comma: a new clause
    a = _article("وقال ترامب إنه دعا شي إلى زيارة.")
    assert complement_subject(a, a.norm.index("دعا"), 0) is None  # a pronoun after إنّ


def test_a_quantifier_opening_the_object_ends_the_subject():
    a = _article("ورفض وزير خارجيتها أي وجود عسكري أجنبي.")
    sp = noun_phrase(a, 1, len(a), a.heads)
    assert sp[1] == "وزير خارجيتها"


def test_the_weak_nisba_almali_places_only_a_titled_phrase():
    lex = load_speaker_lexicon()
    for phrase, expected in (("وزير الخارجية المالي", ["MLI"]), ("الأداء المالي", [])):
        ws = words_in(phrase, 0, len(phrase))
        found = _countries_in(ws, [], 0, len(phrase), lex, ("institution", "place", "state"))
        assert [c for _, c in found] == expected, phrase
