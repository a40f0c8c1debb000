"""Round 37 of issue 19 (developed on qt01–qt557): the interviewee behind a bare title in an
answer, international bodies without a code, a fronted place and an origin apposition for
non-state speakers."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of

from arnews.speakers.forum import international_body
from arnews.speakers.lexicon import words_in

_NZL_COK = [("جزر كوك", "COK", "country", "COK"), ("النيوزيلندي", "NZL", "country", "NZL"),
            ("نيوزيلندا", "NZL", "country", "NZL")]
_INTERVIEW = ("نائب رئيس وزراء جزر كوك: «لن نستخرج المعادن على حساب شعبنا»\n\n"
              "أجرت المجلة هذا الحوار مع نائب رئيس وزراء جزر كوك على هامش منتدى إقليمي.\n\n"
              "س: وزير الخارجية النيوزيلندي قال إن حكومتكم لم تحترم «روح» الترتيبات. ما ردكم؟\n\n"
              "ج: قال الوزير إن الاتفاقات «لا تتضمن أي بند أمني أو عسكري».")


def test_a_bare_title_in_an_answer_is_the_interviewee_not_a_title_from_the_question():
    q = quotes_of(_INTERVIEW, _NZL_COK, chooser=False)
    assert speaker_of(q, "لا تتضمن أي بند أمني أو عسكري") == ["COK"]
    # outside an interview the same sentence takes up the last minister named
    plain = _INTERVIEW.replace("س: ", "").replace("ج: ", "")
    q = quotes_of(plain, _NZL_COK, chooser=False)
    assert speaker_of(q, "لا تتضمن أي بند أمني أو عسكري") != ["COK"]


def test_an_international_body_without_a_code_speaks_for_no_state():
    actors = [("هايتي", "HTI", "country", "HTI"), ("الكيني", "KEN", "country", "KEN")]
    text = ("بور أو برنس - قال قائد القوة الدولية لمكافحة العصابات في هايتي، الجنرال الكيني غودفري أوتينو، "
            "يوم الجمعة إن قواته «استعادت ثلث العاصمة».")
    q = quotes_of(text, actors, chooser=False)
    assert q["speaker_country"].isna().all() and q["speaker_type"].tolist() == ["organisation"]
    # a state's own official in the same place keeps the place's state
    q = quotes_of("وقال قائد الشرطة في هايتي إن قواته «استعادت ثلث العاصمة».", actors, chooser=False)
    assert q["speaker_country"].tolist() == ["HTI"]


def test_international_body_needs_the_body_at_the_phrase_head():
    def ib(t):
        return international_body(words_in(t, 0, len(t)))
    assert ib("المكتب البحري الدولي") and ib("متحدثة باسم التحالف العالمي للقاحات")
    assert not ib("الباحث في المركز الدولي للدفاع والأمن")  # the researcher's centre, after في
    assert not ib("مدير مطار القاهرة الدولي") and not ib("وزير الخارجية")


def test_a_fronted_place_gives_a_non_state_speaker_its_country():
    actors = [("لندن", "GBR", "city", "GBR"), ("القاهرة", "EGY", "city", "EGY")]
    text = ("القاهرة - ارتفعت أسعار القمح.\n\n"
            "وفي لندن، قالت المحللة في شركة استشارات السلع سارة ويتفيلد إن السوق «لن تعود إلى أسعار العام الماضي».")
    q = quotes_of(text, actors, chooser=False)
    assert q["speaker_country"].tolist() == ["GBR"]
    # without the fronted place the analyst stays without a state (not the dateline's)
    q = quotes_of(text.replace("وفي لندن، قالت", "وقالت"), actors, chooser=False)
    assert q["speaker_country"].isna().all()


def test_an_origin_apposition_places_a_non_state_speaker():
    actors = [("لاهور", "PAK", "city", "PAK")]
    text = "وقالت الخبيرة الاقتصادية نادية رحمن، من جامعة في لاهور، إن الاتفاق «يشتري الوقت لكنه لا يعالج المرض»."
    q = quotes_of(text, actors, chooser=False)
    assert q["speaker_country"].tolist() == ["PAK"]
    q = quotes_of(text.replace("، من جامعة في لاهور،", "، من جهتها،"), actors, chooser=False)
    assert q["speaker_country"].isna().all()


def test_a_quote_that_is_a_body_of_the_lexicons_is_a_title():
    t = "وقال وزير الخارجية إن بلاده انسحبت من «إيكواس» نهائيا."
    q = quotes_of(t, chooser=False)
    assert q.loc[q["quote"] == "إيكواس", "kind"].tolist() == ["title"]
    q = quotes_of("وقال وزير الخارجية إن بلاده «لن تتراجع» عن قرارها.", chooser=False)
    assert q["kind"].tolist() == ["speech"]


def test_an_unplaced_local_voice_speaks_for_the_state_the_article_names_most():
    """Round 38: a speaker of type other (a farmer, a deputy) with no place of their own and no
    dateline takes the state the article names most often."""
    actors = [("بولندا", "POL", "country", "POL"), ("أوكرانيا", "UKR", "country", "UKR"),
              ("البولندي", "POL", "country", "POL")]
    text = ("يواصل المزارعون في بولندا احتجاجهم على واردات الحبوب من أوكرانيا.\n\n"
            "وتقول الحكومة البولندي إنها تدرس الأمر. وقال أحد المزارعين إن الوضع «لم يعد يحتمل».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "لم يعد يحتمل") == ["POL"]
    # an analyst is not placed this way (the blind sets mostly give unplaced analysts no state)
    q = quotes_of(text.replace("أحد المزارعين", "الباحث الاقتصادي"), actors, chooser=False)
    assert speaker_of(q, "لم يعد يحتمل") == [None]
