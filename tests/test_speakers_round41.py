"""Round 41 of issue 19 (developed on qt01–qt617): "تحدث عن «…»" and "أقر بـ«…»" are speech,
"هناك من يتحدث عن «…»" a term; an answer opening with a speech verb that has no subject is the
interviewee's; a topic after "لشؤون" is not the speaker; a relative clause between commas stands
between a subject and its verb; a campaign coordinator speaks for an NGO."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of

_ACTORS = [("الأوزبكي", "UZB", "country", "UZB"), ("موسكو", "RUS", "country", "RUS"), ("الروسي", "RUS", "country", "RUS"),
           ("لبنان", "LBN", "country", "LBN"), ("اللبناني", "LBN", "country", "LBN"), ("للأمم المتحدة", "UN", "organisation", "UN"),
           ("الفيتنامية", "VNM", "country", "VNM"), ("الفلبين", "PHL", "country", "PHL")]


def test_a_subject_that_talks_of_words_says_them_but_anyone_who_talks_of_them_names_a_term():
    text = ("س: وزير النفط الروسي تحدث عن «شراكة حتمية» مع الطاقة الشمسية. أين وصلتم؟\n\n"
            "ج: هناك من يتحدث عن «إرهاق التوسع»، وهذا غير صحيح.")
    q = quotes_of(text, _ACTORS, chooser=False)
    kinds = dict(zip(q["quote"], q["kind"]))
    assert kinds["شراكة حتمية"] == "speech" and kinds["إرهاق التوسع"] == "term"
    assert speaker_of(q, "شراكة حتمية") == ["RUS"]


def test_an_answer_opening_with_a_subjectless_speech_verb_is_the_interviewee():
    text = ("المبعوث الأوزبكي: «الممر مشروع إقليمي لا يملكه أحد»\n\n"
            "س: ماذا عن الموقف الروسي؟\n\n"
            "ج: قال إن موسكو أبدت «اهتماما جديا» بالمشروع، لكنه شدد: «لا نريده ساحة لتنافس الكبار».\n\n"
            "س: والأوروبيون؟\n\n"
            "ج: قال الوزير الروسي إن بلاده «مهتمة بالممر أيضا».")
    q = quotes_of(text, _ACTORS, chooser=False)
    assert speaker_of(q, "اهتماما جديا") == ["UZB"]
    assert speaker_of(q, "لا نريده ساحة لتنافس الكبار") == ["UZB"]
    assert speaker_of(q, "مهتمة بالممر أيضا") == ["RUS"]  # a verb with its own subject


def test_a_topic_after_lishuun_is_not_the_speaker():
    text = ("بيروت - قال وزير الطاقة اللبناني إن لبنان «لن يتخلى عن حقه».\n\n"
            "المنسقة الخاصة للأمم المتحدة لشؤون لبنان قالت في بيان إن الموارد «يجب أن تكون عامل استقرار».")
    q = quotes_of(text, _ACTORS, chooser=False)
    assert speaker_of(q, "يجب أن تكون عامل استقرار") == ["UN"]


def test_a_relative_clause_between_commas_keeps_the_subject_before_it():
    text = ("مانيلا - قالت الفلبين إن السفن «دخلت مياهها».\n\n"
            "من جانبها، وزارة الخارجية الفيتنامية، التي تطالب أيضا بأجزاء من البحر، دعت في بيان الأطراف إلى "
            "«ضبط النفس واحترام القانون الدولي».")
    q = quotes_of(text, _ACTORS, chooser=False)
    assert speaker_of(q, "ضبط النفس واحترام القانون الدولي") == ["VNM"]


def test_a_campaign_coordinator_speaks_for_an_ngo():
    text = "بيروت - قال منسق حملات في شبكة العدالة الضريبية إن المركز «ملاذ ضريبي بملامح جديدة»."
    q = quotes_of(text, _ACTORS, chooser=False)
    assert speaker_of(q, "ملاذ ضريبي بملامح جديدة", "speaker_type") == ["ngo"]
