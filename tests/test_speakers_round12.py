"""Tests for the issue-19 round-12 rules (read on qt01–qt182 and the sample as dev).

Every sentence is written for the tests; the expected values are worked out by hand."""
from __future__ import annotations

import pytest
from quote_fixtures import quotes_of
from quote_fixtures import speaker_of as _speaker


# -- a definite office title with a bloc adjective speaks for the bloc ------------------------------

def test_a_definite_envoy_with_a_bloc_adjective_speaks_for_the_bloc():
    t = 'وقال المبعوث الأوروبي الخاص للحوار بين بلغراد وبريشتينا إن «الوقت ينفد أمام الطرفين».'
    q = quotes_of(t, [("بلغراد", "SRB", "city", "SRB")])
    assert _speaker(q, "الوقت ينفد أمام الطرفين") == ["EU"]
    assert _speaker(q, "الوقت ينفد أمام الطرفين", "speaker_type") == ["organisation"]


@pytest.mark.parametrize("title, bloc", [("المبعوث الأممي", "UN"), ("المسؤول الأطلسي", "NATO"),
                                         ("المبعوث الأفريقي", "AU")])
def test_each_bloc_adjective_of_the_list_names_its_bloc(title, bloc):
    q = quotes_of(f'وقال {title} إن «الحوار هو الطريق».')
    assert _speaker(q, "الحوار هو الطريق") == [bloc]


def test_an_indefinite_diplomat_with_a_regional_adjective_stays_without_a_state():
    q = quotes_of('وقال دبلوماسي أوروبي إن «الباب ما زال مفتوحا».')
    assert _speaker(q, "الباب ما زال مفتوحا") == [None]


def test_a_bank_named_with_a_bloc_adjective_is_not_the_bloc():
    q = quotes_of('وقال البنك الأوروبي لإعادة الإعمار والتنمية إن المشروع «مرتبط بدراسات الأثر».')
    assert _speaker(q, "مرتبط بدراسات الأثر") != ["EU"]


def test_the_bloc_list_rejects_a_form_without_the_article(tmp_path, monkeypatch):
    from arnews.speakers import blocs

    bad = tmp_path / "speaker_bloc_nisbas.csv"
    bad.write_text("nisba,bloc,note\nأوروبي,EU,x\n", encoding="utf-8")
    monkeypatch.setattr(blocs, "data_path", lambda _: bad)
    blocs.bloc_nisbas.cache_clear()
    try:
        with pytest.raises(ValueError, match="speaker_bloc_nisbas.csv, row 2"):
            blocs.bloc_nisbas()
    finally:
        blocs.bloc_nisbas.cache_clear()


# -- a circumstantial clause after the verb is no subject ------------------------------------------

def test_a_circumstantial_clause_after_the_cue_continues_the_last_speaker():
    t = ('وقالت العداءة الكينية فيث شيروتيتش للصحفيين: «الحرارة كانت خصمي الحقيقي». '
         'وأضافت وهي تلتقط أنفاسها: «تدربت في إلدوريت على الركض في الظهيرة».')
    q = quotes_of(t, [("الكينية", "KEN", "country", "KEN")])
    assert _speaker(q, "تدربت في إلدوريت على الركض في الظهيرة") == ["KEN"]
    assert not any(str(s).startswith("وهي") for s in q["speaker_text"].dropna())


def test_circumstantial_words_are_a_manner_phrase_only_before_a_verb():
    from arnews.speakers.subjects import manner_words

    assert manner_words(["وهي", "تنظر", "الي", "اطفالها"])
    assert not manner_words(["وهو", "وزير", "سابق"])


# -- a person a scene introduces is the next pronoun cue's speaker ---------------------------------

def test_a_person_introduced_by_a_present_tense_verb_is_the_next_cues_speaker():
    t = ('كاتماندو - تحتفظ بيمبا شيربا بحقيبة جاهزة قرب الباب منذ ثلاث سنوات. '
         'تقول وهي تصب الشاي: «إذا سمعنا صفارة الإنذار فلدينا عشرون دقيقة».')
    q = quotes_of(t, [("كاتماندو", "NPL", "city", "NPL")])
    assert _speaker(q, "إذا سمعنا صفارة الإنذار فلدينا عشرون دقيقة", "speaker_text")[0].startswith("بيمبا شيربا")
    assert _speaker(q, "إذا سمعنا صفارة الإنذار فلدينا عشرون دقيقة") == ["NPL"]


def test_a_definite_untitled_subject_of_a_present_verb_is_no_scene_speaker():
    t = ('وقال وزير الخارجية المصري إن بلاده «لن تقبل بالأمر الواقع». '
         'ويأتي التصريح بعد أسبوع من التوتر. وأضاف: «الحوار هو الحل».')
    q = quotes_of(t, [("المصري", "EGY", "country", "EGY")])
    assert _speaker(q, "الحوار هو الحل") == ["EGY"]


def test_scene_subjects_read_the_clause_after_a_dateline_and_a_fronted_phrase():
    from arnews.speakers.lexicon import load_speaker_lexicon
    from arnews.speakers.narrative import scene_subjects

    lex = load_speaker_lexicon()
    t = 'كاتماندو - في قرية فوق الوادي، تحتفظ بيمبا شيربا بحقيبة. يأتي الشتاء مبكرا.'
    got = [t[s.start:s.end] for s in scene_subjects(t, 0, len(t), [], lex, ())]
    assert got == ["بيمبا شيربا"]


# -- an interview question quoting the interviewee with any second-person speech verb -------------

def test_a_question_quoting_you_with_a_second_person_verb_is_the_interviewees():
    t = ('وزيرة البيئة في جزر المالديف: «البحر لا ينتظر مؤتمراتكم»\n\n'
         'س: تقولين دائما إن بلادك «في الخط الأمامي». ماذا تقصدين؟\n'
         'ج: أقصد أن ما يعده غيرنا سيناريو بعيدا نعيشه نحن كل يوم.\n\n'
         'س: هل تنجح الخطة؟\nج: أكدنا أن الخطة «قابلة للتمويل».')
    q = quotes_of(t, [("المالديف", "MDV", "country", "MDV")])
    assert _speaker(q, "في الخط الأمامي") == ["MDV"]
    assert _speaker(q, "في الخط الأمامي", "rule") == ["interviewee"]


def test_a_third_person_present_verb_in_a_question_is_not_you():
    from arnews.speakers.interview import _you_speech_verb

    assert _you_speech_verb("تقولون") and not _you_speech_verb("تقول") and not _you_speech_verb("تمكين")


# -- a dateline's town placed by its country in parentheses ---------------------------------------

def test_a_dateline_town_placed_by_its_country_in_parentheses_gives_the_country():
    from arnews.speakers.resolve import Mention, dateline_country

    t = "عنوان\n\nأبانكاي (بيرو) - تقول المزارعة إن الماء نفد."
    p = t.index("بيرو")
    assert dateline_country(t, [Mention(p, p + 4, "PER", "country", "PER")]) == "PER"
    t2 = "عنوان\n\nليما (أ ف ب) - قال الوزير"
    assert dateline_country(t2, []) is None  # an agency in parentheses names no country


def test_a_named_town_of_the_dateline_still_beats_the_parentheses():
    from arnews.speakers.resolve import Mention, dateline_country

    t = "عنوان\n\nكيتو (الإكوادور) - قال الوزير"
    k, e = t.index("كيتو"), t.index("الإكوادور")
    ments = [Mention(k, k + 4, "ECU", "city", "ECU"), Mention(e, e + 9, "ECU", "country", "ECU")]
    assert dateline_country(t, ments) == "ECU"


# -- a quotation opening an answer turn is the interviewee's --------------------------------------

def test_a_quote_opening_an_answer_turn_is_the_interviewees():
    t = ('نائب رئيس وزراء مولدوفا: «لا نريد أن نكون أوكرانيا ثانية»\n\n'
         'س: كيف تصفون الوضع في الإقليم اليوم؟\nج: «هادئ لكنه هش». هناك نحو ألف وخمسمئة جندي.\n\n'
         'س: وماذا عن الغاز؟\nج: قالت الشركة الروسية إن الأسعار «شأن تجاري بحت».')
    q = quotes_of(t, [("مولدوفا", "MDA", "country", "MDA"), ("الروسية", "RUS", "country", "RUS")])
    assert _speaker(q, "هادئ لكنه هش") == ["MDA"]
    assert _speaker(q, "هادئ لكنه هش", "rule") == ["interviewee"]
    assert _speaker(q, "شأن تجاري بحت") == ["RUS"]  # a third party named in the answer keeps its own


# -- a compound nisba after a title stays in the speaker phrase -----------------------------------

def test_a_compound_nisba_keeps_both_words_in_the_speaker_phrase():
    t = ('وقال الرئيس البرازيلي إن القمة «ناجحة». '
         'ويرى الرئيس الجنوب أفريقي أن التوسع «أعطى المجموعة وزنا».')
    q = quotes_of(t, [("البرازيلي", "BRA", "country", "BRA")])
    assert _speaker(q, "أعطى المجموعة وزنا", "speaker_text") == ["الرئيس الجنوب أفريقي"]
    assert _speaker(q, "أعطى المجموعة وزنا") == ["ZAF"]
