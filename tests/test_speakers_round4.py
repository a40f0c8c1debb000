"""Speaker rules of issue 19 round 4 (classes read from the dev errors of qt48–qt62)."""
from __future__ import annotations

from quote_fixtures import quotes_of

TUR = [("التركي", "TUR", "country", "TUR")]


def test_bare_name_with_adverbial_takes_the_state_of_its_titled_mention():
    t = ('قال وزير الطاقة التركي ألب أرسلان بيرقدار إن الخط "سيرفع إنتاج الكهرباء".\n\n'
         'وأضاف بيرقدار في تصريح لمراسل الأناضول: "هدفنا أن يحصل الجميع على الكهرباء".')
    assert quotes_of(t, TUR)["speaker_country"].tolist() == ["TUR", "TUR"]


def test_headline_opened_by_a_bare_name_is_the_speaker_with_the_state_of_its_later_mention():
    t = ('بيرقدار: خط الغاز "سيضيء ملايين المنازل" في سوريا\n\n'
         'قال وزير الطاقة التركي ألب أرسلان بيرقدار إن الخط "سيرفع إنتاج الكهرباء في سوريا".')
    q = quotes_of(t, TUR)
    assert q["speaker_country"].tolist() == ["TUR", "TUR"]
    assert q["kind"].tolist() == ["speech", "speech"]


def test_name_mention_window_starts_at_the_title_not_the_dateline():
    t = ('براتيسلافا/بروكسل - أعلن رئيس الوزراء السلوفاكي روبرت فيكو أن بلاده ستقدم دعوى.\n\n'
         'وقال فيكو في مؤتمر صحفي: "المواطن هو من سيدفع الفاتورة".')
    q = quotes_of(t, [("السلوفاكي", "SVK", "country", "SVK"), ("بروكسل", "EU", "organisation", "EU")])
    assert q["speaker_country"].tolist() == ["SVK"]


def test_compound_nisba_south_african():
    t = 'ويرى الرئيس الجنوب أفريقي سيريل رامافوزا أن التوسع "أعطى المجموعة وزنا لا يمكن تجاهله".'
    assert quotes_of(t)["speaker_country"].tolist() == ["ZAF"]


def test_office_with_a_pronoun_takes_the_state_before_it():
    t = ('الهند نفسها لا تخفي تحفظها على الفكرة، وقد قال وزير خارجيتها سوبرامانيام جايشانكار صراحة '
         'إن نيودلهي "ليست لديها أي نية لاستبدال الدولار".')
    q = quotes_of(t, [("الهند", "IND", "country", "IND"), ("نيودلهي", "IND", "country", "IND")])
    assert q["speaker_country"].tolist() == ["IND"]


def test_outlet_addressed_does_not_place_a_non_state_speaker():
    t = 'وقالت سوكا، وهي مزارعة كمبودية من قرية قريبة، لوكالة فرانس برس: "هربنا مرتين العام الماضي".'
    assert quotes_of(t)["speaker_country"].tolist() != ["FRA"]


def test_repeat_is_a_speech_verb_with_a_pronoun_subject():
    t = ('الرئيس البرازيلي لولا دا سيلفا يذهب أبعد من ذلك، فهو يكرر منذ سنوات أن العالم '
         '«لا يمكن أن يبقى رهينة لعملة واحدة».')
    assert quotes_of(t, [("البرازيلي", "BRA", "country", "BRA")])["speaker_country"].tolist() == ["BRA"]


def test_interviewee_my_reply_is_first_person():
    t = ('نائب وزير الصناعة الفيتنامي: «لن نختار بين الشرق والغرب»\n\n'
         'س: ماذا قال لكم الأميركيون؟\n\n'
         'ج: لدينا نموذجنا الخاص. وكان ردي: «أعطونا الوقت والتكنولوجيا، وسنفعل ذلك».')
    q = quotes_of(t, [("الفيتنامي", "VNM", "country", "VNM")])
    assert q["speaker_country"].tolist() == ["VNM", "VNM"]
    assert q["rule"].iloc[1] == "interviewee"


def test_a_body_without_a_code_speaks_for_no_state():
    t = ('الرياض - نقلت صحيفة «عكاظ» السعودية عن مسؤول في الفيفا قوله إن المبيعات «أقل من المتوقع بكثير».')
    q = quotes_of(t, [("السعودية", "SAU", "country", "SAU"), ("الرياض", "SAU", "country", "SAU")])
    sp = q[q["kind"] == "speech"]
    assert sp["speaker_country"].tolist() == [None] and sp["speaker_type"].tolist() == ["organisation"]


def test_double_dateline_gives_its_first_place_to_a_state_title_without_country():
    t = ('عنوان\n\nبوينس آيرس/واشنطن (رويترز) - قالت المتحدثة باسم صندوق النقد الدولي إن البلاد حققت "تقدما لافتا".\n\n'
         'وكان الرئيس خافيير ميلي قد قال في خطاب إن حكومته "أنقذت البلاد من التضخم المفرط".')
    q = quotes_of(t, [("بوينس آيرس", "ARG", "country", "ARG"), ("واشنطن", "USA", "country", "USA")])
    assert q["speaker_country"].tolist() == ["IMF", "ARG"]


def test_reversed_guillemets_with_inner_spaces_are_a_quote():
    from arnews.quotes import find_quoted_spans

    t = 'من جانبه ، قال الكرملين ان الأوروبيين » يطلقون النار على أقدامهم « . واضاف ان موسكو » ستجد مشترين « .'
    assert [t[s.start:s.end] for s in find_quoted_spans(t)] == ["يطلقون النار على أقدامهم", "ستجد مشترين"]
    t = 'وقال «نعم» ثم » كلا'  # a stray spaced » with no « after it opens nothing
    assert [t[s.start:s.end] for s in find_quoted_spans(t)] == ["نعم"]


def test_counterpart_after_a_speech_verb_is_a_new_speaker():
    t = ('وقال وزير الخارجية التركي هاكان فيدان إن أنقرة «مستعدة للمساهمة»، فيما أكد نظيره النرويجي '
         'أن بلاده «ستواصل رئاسة لجنة تنسيق المساعدات».')
    q = quotes_of(t, [("التركي", "TUR", "country", "TUR"), ("النرويجي", "NOR", "country", "NOR")])
    assert q["speaker_country"].tolist() == ["TUR", "NOR"]
