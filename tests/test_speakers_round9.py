"""Tests for the issue-19 round-9 rules (read on qt01–qt137 and the sample as dev).

Every sentence is written for the tests; the expected values are worked out by hand."""
from __future__ import annotations

from quote_fixtures import quotes_of

_XI = [("شي", "CHN_XI", "person", "CHN"), ("روسيا", "RUS", "country", "RUS"), ("الصين", "CHN", "country", "CHN")]


def test_actors_joined_by_wa_inside_the_an_complement_are_no_new_clause():
    t = 'وأكد شي أن روسيا والصين يجب أن «تستمرا في تعميق التعاون».'
    q = quotes_of(t, _XI)
    assert q.loc[q["quote"] == "تستمرا في تعميق التعاون", "speaker_actor_id"].tolist() == ["CHN_XI"]


def test_a_clause_joined_by_wa_outside_a_complement_still_names_its_own_speaker():
    t = 'روسيا تحتج على العقوبات والصين تتحدث عن «حرب تجارية».'
    q = quotes_of(t, _XI)
    assert q.loc[q["quote"] == "حرب تجارية", "speaker_actor_id"].tolist() == ["CHN"]


def test_a_manner_phrase_after_the_verb_is_no_subject_the_speaker_before_continues():
    t = ('قال وزير الخارجية الفرنسي إن الحماية العسكرية «وحدها لا تكفي». '
         'ويقول بصراحة: «يمكنك مرافقة عشر سفن».')
    q = quotes_of(t, [("الفرنسي", "FRA", "country", "FRA")])
    assert q.loc[q["quote"] == "يمكنك مرافقة عشر سفن", "speaker_country"].tolist() == ["FRA"]


def test_an_addressee_phrase_with_the_article_after_the_verb_leaves_the_subject_before_it():
    t = 'المحلل في معهد لوي الأسترالي، بن بلاند، قال لوسائل الإعلام أن القضية «ليست حول السمك فقط».'
    q = quotes_of(t, [("الأسترالي", "AUS", "country", "AUS")])
    assert q.loc[q["quote"] == "ليست حول السمك فقط", "speaker_country"].tolist() == ["AUS"]


def test_a_name_opening_with_ba_after_the_verb_stays_the_subject():
    from arnews.speakers.lexicon import words_in
    from arnews.speakers.subjects import manner_phrase

    assert manner_phrase(words_in("بصراحة", 0, 6)) and manner_phrase(words_in("لوسائل الإعلام", 0, 14))
    assert not manner_phrase(words_in("بيتر والش", 0, 9)) and not manner_phrase(words_in("لولا", 0, 4))
    assert not manner_phrase(words_in("بعثة المراقبة", 0, 13))


def test_a_headline_actor_whose_verb_takes_the_quote_with_an_object_pronoun_is_its_speaker():
    t = 'الناتو يطلق مناورات «درع البلطيق» وموسكو تعتبرها «استفزازا»\n\nموسكو - أطلق الحلف مناورات جديدة.'
    q = quotes_of(t, [("الناتو", "NATO", "organization", ""), ("موسكو", "RUS", "city", "RUS")])
    assert q.loc[q["quote"] == "استفزازا", "speaker_country"].tolist() == ["RUS"]


def test_a_headline_verb_without_an_object_pronoun_before_the_quote_names_no_speaker():
    t = 'موسكو تفتتح «معرض الكتاب» الدولي\n\nافتتح المعرض أمس.'
    q = quotes_of(t, [("موسكو", "RUS", "city", "RUS")])
    assert q.loc[q["quote"] == "معرض الكتاب", "speaker_country"].isna().all()


def test_a_former_official_speaks_for_the_nisba_of_the_title_not_a_body_in_an_apposition():
    t = ('يرى الأدميرال المتقاعد الفرنسي ألان كوستو، القائد السابق لعملية «أسبيدس» الأوروبية، أن الحماية'
         ' العسكرية «وحدها لا تكفي».')
    q = quotes_of(t, [("الفرنسي", "FRA", "country", "FRA"), ("الأوروبية", "EU", "bloc", "EU")])
    assert q.loc[q["quote"] == "وحدها لا تكفي", "speaker_country"].tolist() == ["FRA"]


def test_a_complementizer_after_the_joined_clauses_own_verb_does_not_block_it():
    t = 'روسيا تحتج على العقوبات والصين تقول إن الإجراءات «حرب تجارية».'
    q = quotes_of(t, _XI)
    assert q.loc[q["quote"] == "حرب تجارية", "speaker_actor_id"].tolist() == ["CHN"]
