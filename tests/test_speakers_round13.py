"""Tests for the issue-19 round-13 rules (read on qt01–qt197 and the sample as dev).

Every sentence is written for the tests; the expected values are worked out by hand."""
from __future__ import annotations

import pytest
from quote_fixtures import quotes_of
from quote_fixtures import speaker_of as _speaker


# -- a definite noun carries no possessive pronoun: "الحاكم" is no "-كم" object ----------------------

@pytest.mark.parametrize("noun", ["الحاكم", "المحافظ"])
def test_a_definite_noun_ending_like_a_pronoun_is_still_the_subject(noun):
    q = quotes_of(f'وصل الوفد. "الوضع خارج عن السيطرة في بعض البلديات"، قال {noun} في مقابلة.')
    assert _speaker(q, "الوضع خارج عن السيطرة في بعض البلديات", "speaker_text") == [noun]


def test_an_indefinite_noun_with_a_possessive_pronoun_is_still_no_subject():
    # "تتهم حكومتكم": the object of the verb, not a speaker
    q = quotes_of('وقال رئيس الوزراء إن المنظمات تتهم حكومتكم بسياسة «الأبواب المغلقة».')
    assert _speaker(q, "الأبواب المغلقة", "speaker_text") != ["حكومتكم"]


# -- a speech verb with a pronoun suffix makes a short quote speech --------------------------------

@pytest.mark.parametrize("sentence, quote", [
    ('وطلب الحاكم من الحكومة إرسال القوات، بعد ما وصفه بـ"نزوح جماعي" للسكان.', "نزوح جماعي"),
    ('وقد وصفنا ذلك في الحكومة بأنه «استقلال طاقي».', "استقلال طاقي"),
    ('س: وصفتم نتائج الجولة السابقة بأنها "مخيبة".', "مخيبة"),
    ('ووصفتها الوزيرة بأنها «خطوة أولى».', "خطوة أولى"),
])
def test_a_short_quote_after_a_suffixed_speech_verb_is_speech(sentence, quote):
    assert _speaker(quotes_of(sentence), quote, "kind") == ["speech"]


@pytest.mark.parametrize("sentence, quote", [
    ('هناك من يتحدث عن فيتنام بوصفها "الصين الجديدة" في المنطقة.', "الصين الجديدة"),
    ('ويبحث المشروع ما يعرف بـ«الممر الأوسط».', "الممر الأوسط"),
])
def test_a_preposition_with_a_noun_or_a_naming_verb_keeps_the_term(sentence, quote):
    assert _speaker(quotes_of(sentence), quote, "kind") == ["term"]


def test_suffixed_speech_form_strips_one_pronoun_only():
    from arnews.speakers.kind import suffixed_speech_form

    forms = frozenset({"وصف", "وصفت", "قال"})
    assert suffixed_speech_form("وصفه", forms) and suffixed_speech_form("وصفتها", forms)
    assert suffixed_speech_form("وصفتم", forms) and suffixed_speech_form("وصفنا", forms)
    assert not suffixed_speech_form("كتابه", forms) and not suffixed_speech_form("ه", forms)
    assert not suffixed_speech_form("وصفهاها", forms)


# -- a speech verb with an object pronoun is a speech verb (replaces four listed cue rows) ---------

@pytest.mark.parametrize("word, expected", [("ووصفته", True), ("وصفها", True), ("قاله", True), ("وصفتهما", True),
                                            ("بوصفه", False), ("وبوصفها", False), ("كتابه", False)])
def test_an_object_suffixed_speech_verb_counts_as_a_speech_verb(word, expected):
    from arnews.speakers.lexicon import is_speech_verb, words_in

    assert is_speech_verb(words_in(word, 0, len(word))[0]) is expected


def test_the_described_speaker_is_found_without_a_listed_cue():
    q = quotes_of('دانت كوريا الجنوبية التجربة ووصفتها بأنها «استفزاز خطير».', [("كوريا الجنوبية", "KOR", "country", "KOR")])
    assert _speaker(q, "استفزاز خطير") == ["KOR"]
