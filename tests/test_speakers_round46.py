"""Round 46 of issue 19 (developed on qt01–qt692, the errors of the set measured once after
round 45): quotation marks written apart from their words ("ان ' نص ' ," and "لـ“ الاناضول ”"),
a UN body's official placed "في لبنان" in a headline, and a bloc's mission named with its task
("بعثة الاتحاد الأوروبي لمراقبة الانتخابات")."""
from __future__ import annotations

from arnews.quotes import find_quoted_spans
from quote_fixtures import quotes_of, speaker_of


def _spans(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quoted_spans(text)]


def test_single_marks_written_apart_from_the_quote_open_and_close_it():
    t = "وقالت رئيسة البعثة ان ' قوات حفظ السلام قامت بواجبها ' , واضافت ان ' الحماية مسؤولية الدولة ' ."
    assert _spans(t) == ["قوات حفظ السلام قامت بواجبها", "الحماية مسؤولية الدولة"]
    # an attached pair still works, and a lone apostrophe opens nothing
    assert _spans("ميليشيا 'كوديكو' المسلحة") == ["كوديكو"]
    assert _spans("قال أوبراين ' في المؤتمر إن الوضع صعب") == []


def test_a_spaced_mark_may_carry_a_one_letter_clitic_or_a_tatweel():
    t = "انتقد النائب ما وصفه بـ“ التعتيم الحكومي ” والكوليرا و“ جدري القردة ” , وقال لـ“ الاناضول ” : “ لم نكن نعرف ”"
    assert _spans(t) == ["التعتيم الحكومي", "جدري القردة", "الاناضول", "لم نكن نعرف"]
    # a clitic glued to a word is not free: "كتابه“" does not open a spaced quote
    assert _spans("قرأت كتابه“ الطويل") == []


def test_a_un_body_official_placed_in_a_state_speaks_for_the_un_in_a_headline():
    text = "ممثلة مفوضية اللاجئين في لبنان: «العودة يجب أن تبقى قرارا فرديا»\n\nأجرت الصحيفة هذا الحوار."
    q = quotes_of(text, [("لبنان", "LBN", "country", "LBN")], chooser=False)
    assert speaker_of(q, "العودة يجب أن تبقى قرارا فرديا") == ["UN"]
    # a state's own minister "في" his state keeps the state
    text = "وزير المصايد في توفالو: «اسماكنا تهاجر شرقا»\n\nأجرت الصحيفة هذا الحوار."
    q = quotes_of(text, [("توفالو", "TUV", "country", "TUV")], chooser=False)
    assert speaker_of(q, "اسماكنا تهاجر شرقا") == ["TUV"]


def test_a_bloc_mission_named_with_its_task_speaks_for_the_bloc():
    actors = [("الاتحاد الأوروبي", "EU", "bloc", "EU"), ("ليسوتو", "LSO", "country", "LSO")]
    text = "ماسيرو – قالت رئيسة بعثة الاتحاد الأوروبي لمراقبة الانتخابات في ليسوتو إن الاقتراع كان «هادئا ومنظما»."
    assert speaker_of(quotes_of(text, actors, chooser=False), "هادئا ومنظما") == ["EU"]
    # a body named after the bloc is still another body, with no state
    text = "وقال رئيس الاتحاد الأوروبي لكرة القدم إن القرار «إجراء إلزامي»."
    assert speaker_of(quotes_of(text, actors, chooser=False), "إجراء إلزامي") == [None]


def test_an_envoy_speaking_on_others_behalf_keeps_his_own_state():
    text = "وتحدث المندوب الجزائري باسم الأعضاء الأفارقة الثلاثة في المجلس، فقال إن «أفريقيا لا تريد الحرب»."
    q = quotes_of(text, [("مجلس الأمن", "UNSC", "organization", "UN")], chooser=False)
    assert speaker_of(q, "أفريقيا لا تريد الحرب") == ["DZA"]


def test_a_fronted_town_with_its_state_nisba_places_a_local_speaker():
    text = ("لاهاي – بدأت محكمة العدل الدولية جلسات الاستماع في النزاع.\n\n"
            "وفي مدينة أوبوك الجيبوتية، قال الصياد إدريس حسن إن المنطقة «كانت مفتوحة أمام الصيادين».")
    q = quotes_of(text, [("لاهاي", "NLD", "country", "NLD")], chooser=False)
    assert speaker_of(q, "كانت مفتوحة أمام الصيادين") == ["DJI"]
    # a country name that ends in ي is its own nisba, but "المالية" stays "financial"
    from arnews.speakers.nisba import nisba_country
    assert [nisba_country(w) for w in ("الملاوي", "الهايتية", "البوروندية", "المالية")] == ["MWI", "HTI", "BDI", None]


def test_an_answer_opened_by_a_verb_with_its_complement_is_the_interviewees():
    text = ("ممثلة مفوضية اللاجئين في لبنان: «العودة قرار فردي»\n\n"
            "أجرت الصحيفة هذا الحوار مع ممثلة المفوضية في لبنان، الهولندية كارولين فان دير بيرغ.\n\n"
            "س: وزير المهجرين قال الأسبوع الماضي إن «على المنظمة أن تتوقف».\n\n"
            "ج: قالت فان دير بيرغ: «الأرقام أعلى من توقعاتنا».\n\n"
            "س: ماذا عن التمويل؟\n\n"
            "ج: حذرت من أن المنظمة لم تتلق سوى «أقل من ثلث» ما طلبته.\n\n"
            "س: كلمة أخيرة؟\n\nج: ختمت بالقول: «العودة يجب أن تبقى قرارا فرديا».")
    q = quotes_of(text, [("لبنان", "LBN", "country", "LBN")], chooser=False)
    assert speaker_of(q, "أقل من ثلث", "rule") == ["interviewee"]
    assert speaker_of(q, "العودة يجب أن تبقى قرارا فرديا", "rule") == ["interviewee"]


def test_the_quoted_name_types_are_read_from_their_csv_and_a_bad_row_is_named(tmp_path, monkeypatch):
    import pytest
    from arnews.speakers import quoted_speaker

    assert quoted_speaker.naming_types()["صحيفة"] == "media"
    bad = tmp_path / "quote_name_types.csv"
    bad.write_text("noun,speaker_type,note\nشركة,firm,x\n", encoding="utf-8")
    monkeypatch.setattr(quoted_speaker, "data_path", lambda _: bad)
    quoted_speaker.naming_types.cache_clear()
    try:
        with pytest.raises(ValueError, match="quote_name_types.csv, row 2"):
            quoted_speaker.naming_types()
    finally:
        quoted_speaker.naming_types.cache_clear()
