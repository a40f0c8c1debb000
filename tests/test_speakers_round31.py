"""Round 31 of issue 19: the one asked answers ("سأل صحفي نيجيري رئيس المفوضية عما …، فأجاب:",
"وسئل الوزير عن …، فأجاب", :func:`arnews.quotes.speakers.asked_person`); رد is a speech verb
("فرد تيدروس:") except as a noun ("في رد على"، "أول رد") or before a verbal noun ("رد بالقول");
a quote before "فرد X" is what X replies to, not X's words; "عن حزب «…»" names a party; and
the gazetteer no longer reads "أمريكا اللاتينية" as the United States or "جزر الهند الغربية" as
India and the West."""
from __future__ import annotations

import pandas as pd
from quote_fixtures import quotes_of, speaker_of

from arnews.actors.mentions import find_mentions
from arnews.quotes.article import Article
from arnews.quotes.lexicon import load_speech_verbs
from arnews.quotes.speakers import find_events
from arnews.text import sentences_table, tokens_table

KAZ = ("الكازاخي", "KAZ", "country", "KAZ")
RUS = ("موسكو", "RUS", "country", "RUS")
NGA = ("نيجيري", "NGA", "country", "NGA")
SDN = ("السودان", "SDN", "country", "SDN")
TEDROS = ("تيدروس", "TEDROS", "person", "WHO")
PHL = ("الفلبيني", "PHL", "country", "PHL")
TUR = ("فيدان", "FIDAN", "person", "TUR")
IRQ = ("العراقي", "IRQ", "country", "IRQ")


def test_the_one_asked_answers_not_the_reporter():
    text = ("وفي ختام المؤتمر، سأل صحفي نيجيري رئيس المفوضية عما إذا كان يخشى انسحابات جديدة، "
            "فأجاب مبتسما: «السؤال الأفضل هو: لماذا بقي الآخرون؟».")
    q = quotes_of(text, [NGA], chooser=False)
    assert speaker_of(q, "السؤال الأفضل هو: لماذا بقي الآخرون؟", "speaker_text") == ["رئيس المفوضية"]
    assert speaker_of(q, "السؤال الأفضل هو: لماذا بقي الآخرون؟") != ["NGA"]


def test_a_question_with_no_one_named_is_answered_by_the_last_speaker():
    text = ("وقال الوزير الكازاخي إن الأمر «جيد». وسألت مراسلة صحيفة «كازينفورم» عن موقف موسكو من المشروع، "
            "فأجاب: «لم نتلق أي اعتراض رسمي».")
    q = quotes_of(text, [KAZ, RUS], chooser=False)
    assert speaker_of(q, "لم نتلق أي اعتراض رسمي") == ["KAZ"]


def test_rudda_with_its_subject_is_a_speech_verb():
    text = ("سأل صحفي من وكالة «أسوشيتد برس» عما إذا كانت المنظمة تخشى انتقال الوباء إلى السودان، "
            "فرد تيدروس: «نحن مستعدون».")
    q = quotes_of(text, [TEDROS, SDN], chooser=False)
    assert speaker_of(q, "نحن مستعدون") == ["WHO"]


def test_rudda_before_a_verbal_noun_leaves_the_cue_to_it():
    text = "غير أن الرئيس الفلبيني رد بالقول إن «مدونة بلا قوة إلزامية لن تغير شيئا في البحر»."
    q = quotes_of(text, [PHL], chooser=False)
    assert speaker_of(q, "مدونة بلا قوة إلزامية لن تغير شيئا في البحر") == ["PHL"]


def test_a_quote_before_fa_radda_is_not_the_replys():
    text = ("وجدد فيدان مطالبة أنقرة بتصنيف الحزب «منظمة إرهابية»، فرد نظيره العراقي بالقول إن بغداد "
            "«حظرت نشاط الحزب».")
    q = quotes_of(text, [TUR, IRQ], chooser=False)
    assert speaker_of(q, "منظمة إرهابية") != ["IRQ"]
    assert speaker_of(q, "حظرت نشاط الحزب") == ["IRQ"]


def _events(text: str) -> list:
    lex = load_speech_verbs()
    toks = tokens_table(sentences_table(pd.DataFrame({"article_id": ["a"], "clean_text": [text]})))
    return find_events(Article(text, toks, None, lex.heads), lex)


def test_the_noun_radd_is_not_a_cue():
    assert [e.lemma for e in _events("وفي أول رد رسمي، قال المتحدث إن الأمر محسوم.")] == ["قال"]
    assert [e.lemma for e in _events("وجاء ذلك في رد على سؤال، وقال الوزير إن الأمر محسوم.")] == ["قال"]
    assert [e.lemma for e in _events("وردت وزارة الخارجية ببيان مقتضب.")] == ["رد"]


def test_a_party_named_after_an_noun_is_a_title():
    text = "ورد النائب المعارض عن حزب «الحركة الوطنية الموحدة» نيكا ميلادزه قائلا: «هذا قانون مستورد»."
    q = quotes_of(text, [], chooser=False)
    assert speaker_of(q, "الحركة الوطنية الموحدة", "kind") == ["title"]


def _actors(text: str) -> list[str]:
    toks = tokens_table(sentences_table(pd.DataFrame({"article_id": ["a"], "clean_text": [text]})))
    return find_mentions(toks)["actor_id"].tolist()


def test_regions_named_after_a_state_are_not_that_state():
    assert _actors("قالت اللجنة الاقتصادية لأمريكا اللاتينية إن النمو ضعيف.") == []
    assert _actors("أكبر الشركات في أمريكا الشمالية وأميركا الوسطى") == []
    assert _actors("المحلل في جامعة جزر الهند الغربية في كينغستون") == []
    assert _actors("وصل الوزير إلى أمريكا ثم إلى الهند") == ["USA", "IND"]
