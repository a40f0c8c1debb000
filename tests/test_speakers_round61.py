"""Round 61 of issue 19: the Uruguayan and Paraguayan nisbas written with ن, a speaker phrase
that ends before "في رسالة/تغريدة …" (and drops a name standing only in that part), a body
named by its noun and acronym ("منظمة اليونسكو") taken up by "المنظمة", and "إلينا" read as an
addressee, not as "our" in an interview."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of

from arnews.speakers.nisba import nisba_country


def test_the_nisbas_written_with_nun_name_uruguay_and_paraguay():
    # "وزارة التعليم الأوروغويانية" took the Brazilian dateline before round 61
    assert [nisba_country(w) for w in ("الأوروغويانية", "الأوروغوايانيون", "الباراغويانية", "باراغوايانيين")] == \
        ["URY", "URY", "PRY", "PRY"]
    text = ("مدرسة على الحدود\n\nريفيرا - قالت وزارة التعليم الأوروغويانية في بيان إن الاتفاق «خطوة في الاتجاه الصحيح».")
    q = quotes_of(text, [("ريفيرا", "BRA", "country", "BRA")], chooser=False)
    assert speaker_of(q, "خطوة في الاتجاه الصحيح") == ["URY"]


def test_a_speaker_phrase_ends_before_in_a_message_and_the_medium_is_not_the_speaker():
    # the radio's country was the speaker's before round 61: the phrase ran on into "في تصريح
    # لإذاعة فرنسا الدولية" once cut there the name left in the cut part still counted
    actors = [("فرنسا", "FRA", "country", "FRA"), ("النيجر", "NER", "country", "NER")]
    text = ("نازحون في الساحل\n\nحذر المجلس الدنماركي للاجئين من أزمة في النيجر. وقال مدير المجلس في غرب أفريقيا "
            "في تغريدة نقلتها إذاعة فرنسا إن المانحين «نسوا ملايين الناس».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "نسوا ملايين الناس") != ["FRA"]


def test_an_organisation_named_by_its_noun_and_acronym_is_taken_up():
    # "منظمة اليونسكو" did not count as a body opening with منظمة before round 61: the office's
    # city (Rabat) gave Morocco
    text = ("أرشيف رقمي\n\nالرباط - وقعت المكتبة الوطنية عقدا مع شركة كورية لرقمنة مخطوطاتها، وراجعت منظمة اليونسكو "
            "شروطه الفنية. وقالت ممثلة المنظمة في الرباط في رسالة إلى الصحيفة إن المشروع «يستوفي المعايير الدولية».")
    q = quotes_of(text, [("الرباط", "MAR", "country", "MAR")], chooser=False)
    assert speaker_of(q, "يستوفي المعايير الدولية") == ["UN"]


def test_to_us_in_an_interview_is_an_addressee_not_our_title():
    # "في رسالة إلينا" made the phrase a title of "ours", the interviewee's state, before round 61
    actors = [("التونسية", "TUN", "country", "TUN"), ("منظمة الصحة العالمية", "WHO", "organization", "WHO"),
              ("الرباط", "MAR", "country", "MAR")]
    text = ("مديرة المكتبة الوطنية التونسية: «لا نبيع ذاكرتنا»\n\nحاورنا مديرة المكتبة الوطنية التونسية ليلى بن حميدة.\n\n"
            "س: هل نجح البرنامج؟\n\nج: نعم، نجح. وقد راجعته منظمة الصحة العالمية.\n\n"
            "س: وماذا قالت؟\n\nج: خبراؤها راجعوا الشروط، وقالت ممثلة المنظمة في الرباط في رسالة إلينا إن البرنامج «نموذج يحتذى».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "نموذج يحتذى") == ["WHO"]


def test_a_dateline_town_takes_the_country_its_nisba_gives_it_in_the_text():
    # the unknown dateline town left the Brazilian town named beside it to place the story
    # before round 61
    actors = [("البرازيلية", "BRA", "country", "BRA"), ("البرازيل", "BRA", "country", "BRA")]
    text = ("جسر بين بلدتين\n\nريفيرا (أ ف ب) - افتتحت بلديتا ريفيرا الأوروغويانية وسانتانا البرازيلية جسرا للمشاة "
            "فوق الوادي الذي يفصل البلدتين.\n\nوقال عمدة ريفيرا إن الجسر «يوحد عائلات كثيرة». ويعبر الوادي يوميا "
            "مئات من سكان البرازيل.")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "يوحد عائلات كثيرة") == ["URY"]


def test_a_possessed_title_in_an_answer_takes_up_the_body_of_the_question():
    # "وممثلها" (with و) was not read as a possessed title, and its body stood in the question
    # before it: the capital after it gave Nepal before round 61
    actors = [("منظمة الصحة العالمية", "WHO", "organization", "WHO"), ("نيبال", "NPL", "country", "NPL"),
              ("كاتماندو", "NPL", "country", "NPL")]
    text = ("قابلات الجبال\n\nكاتماندو - تعمل الجمعية في القرى.\n\n"
            "س: منظمة الصحة العالمية أشادت مؤخرا بنيبال في خفض وفيات الأمهات.\n\n"
            "ج: هذا صحيح، وممثلها في كاتماندو قال في مؤتمر حضرتُه إن نيبال \"قطعت شوطا كبيرا\".")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "قطعت شوطا كبيرا") == ["WHO"]


def test_a_post_of_a_body_named_before_without_a_code_is_not_placed_by_its_seat():
    # "مفوضية المجموعة في أبوجا" took Nigeria, the seat's state, before round 61
    actors = [("توغو", "TGO", "country", "TGO"), ("أبوجا", "NGA", "country", "NGA")]
    text = ("خلاف على سوق\n\nلومي - قالت وزيرة التجارة إن الحكومة لن تغلق السوق. وسئلت عما إذا كانت توغو ستلجأ إلى "
            "المجموعة الاقتصادية لدول غرب أفريقيا.\n\nمن جهتها، قالت مفوضية المجموعة في أبوجا إنها «على علم بالخلاف».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "على علم بالخلاف") == [None]
    assert speaker_of(q, "على علم بالخلاف", "speaker_type") == ["organisation"]


def test_a_name_after_an_honorific_is_a_person_even_when_it_reads_as_a_capital():
    # "رد السيد أبيا" was Samoa (its capital Apia) before round 61
    actors = [("غانا", "GHA", "country", "GHA"), ("أبيا", "WSM", "country", "WSM")]
    text = ("وقود الصيادين\n\nأكرا - قال رئيس اتحاد الصيادين في غانا، السيد كوفي أبيا، إن القوارب متوقفة.\n\n"
            "«سمعنا هذا الكلام من قبل»، رد السيد أبيا.")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "سمعنا هذا الكلام من قبل") != ["WSM"]
