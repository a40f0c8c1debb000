"""Round 56 of issue 19: a bloc named in the dateline ("بروكسل") is not the story's state, and
an aside opened by a comma and a pronoun ("، و هي من أكبر الشركات في …") does not place the
company it describes."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of


def test_a_bloc_in_the_dateline_is_not_the_stories_state():
    # "بروكسل" is a name of the EU; before round 56 the Belgian association spoke for the EU
    actors = [("بروكسل", "EU", "bloc", "EU"), ("البلجيكية", "BEL", "country", "BEL")]
    text = ("مترجمو المحاكم يضربون\n\nبروكسل (وكالات) - توقف المترجمون العاملون لدى المحاكم البلجيكية عن العمل يوم الاثنين.\n\n"
            "وقالت رئيسة الرابطة المهنية للمترجمين إن الأعضاء «لم يتقاضوا أجرا منذ عام».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "لم يتقاضوا أجرا منذ عام") == ["BEL"]


def test_an_aside_after_a_comma_and_a_pronoun_does_not_place_the_company():
    # the ferry company is Spanish; Tangier in its aside made it Moroccan before round 56
    actors = [("طنجة", "MAR", "country", "MAR"), ("المغربية", "MAR", "country", "MAR")]
    text = ("لافتات ميناء طنجة\n\nطنجة - قررت السلطات المغربية تغيير لافتات الميناء.\n\n"
            "لكن شركة \" نافيرا \" الإسبانية للعبارات ، هي تنقل نحو مليون مسافر بين طنجة و طريفة ، "
            "قالت في بيان إن القرار \"سوف يخلق ارتباكا كبيرا\" خلال الصيف .")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "سوف يخلق ارتباكا كبيرا") == ["ESP"]


def test_an_aside_that_gives_a_nationality_still_places_the_speaker():
    # "، وهو سلفادوري": the aside is the researcher's own nationality, not a place to drop
    actors = [("أمريكا", "USA", "country", "USA"), ("ميامي", "USA", "country", "USA")]
    text = ("قوانين الطوارئ\n\nوقال الباحث في جامعة أمريكا الوسطى خوسيه كروز، وهو سلفادوري مقيم في ميامي، "
            "إن ما يجري «نموذج يصدر إلى المنطقة».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "نموذج يصدر إلى المنطقة") == ["SLV"]


def test_a_wali_is_a_state_official():
    # "الوالي" was no title before round 56: the TV channel of his statement made him media
    actors = [("الجزائر", "DZA", "country", "DZA")]
    text = ("العرس بعد منتصف الليل\n\nقررت ولاية الجزائر إلزام قاعات الحفلات بإطفاء مكبرات الصوت عند منتصف الليل. "
            "وقال الوالي في تصريح للتلفزيون العمومي إن القرار جاء «استجابة لآلاف الشكاوى». وقالت الجزائر إنها تدعم القرار.")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "استجابة لآلاف الشكاوى") == ["DZA"]
    assert speaker_of(q, "استجابة لآلاف الشكاوى", "speaker_type") == ["state"]


def test_a_state_title_in_a_text_without_dateline_takes_the_one_state_it_names():
    # a column that names Egypt once: its minister had no state before round 56
    actors = [("مصري", "EGY", "country", "EGY"), ("البنك الدولي", "WORLD_BANK", "organization", "WORLD_BANK")]
    text = ("الدروس الخصوصية\n\nلم أفاجأ حين قرأت قرار وزير التربية الجديد. فالوزير قال قبل عامين إن هذه الدروس «واقع لا يمكن إنكاره». "
            "ويقول البنك الدولي إن الإنفاق كبير، وكل بيت مصري يعرف ذلك.")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "واقع لا يمكن إنكاره") == ["EGY"]
    # two states named: no single home
    q = quotes_of(text + " وفي تونس الأمر نفسه.", actors + [("تونس", "TUN", "country", "TUN")], chooser=False)
    assert speaker_of(q, "واقع لا يمكن إنكاره") != ["EGY"]


def test_a_reporter_of_an_unplaced_outlet_speaks_for_no_state():
    # the dateline's Pakistan was given to the reporter of «دون» before round 56
    actors = [("باكستان", "PAK", "country", "PAK"), ("الباكستاني", "PAK", "country", "PAK")]
    text = ("مؤتمر صحفي في باكستان\n\nإسلام أباد (باكستان) - قال وزير المالية الباكستاني إن «الإصلاحات ستستمر».\n\n"
            "وسأله مراسل صحيفة «دون»: «هل ستعود الحكومة إلى الصندوق؟»، فأجاب: «لا نحتاج إلى ذلك».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "هل ستعود الحكومة إلى الصندوق؟") == [None]
    # a local outlet is the story's place
    q = quotes_of(text.replace("صحيفة «دون»", "إذاعة محلية"), actors, chooser=False)
    assert speaker_of(q, "هل ستعود الحكومة إلى الصندوق؟") == ["PAK"]


def test_a_family_name_with_the_article_after_the_answer_verb_is_its_subject():
    # "فأجاب العوفي": the reporter who asked was the speaker before round 56
    actors = [("العماني", "OMN", "country", "OMN"), ("البريطانية", "GBR", "country", "GBR")]
    text = ("الهيدروجين\n\nمسقط - قال وزير الطاقة العماني سالم العوفي إن المشروع «يسير وفق الخطة».\n\n"
            "وسأل صحفي من صحيفة «فايننشال تايمز» البريطانية عما إذا كانت الأسعار «تسمح بالمنافسة»، "
            "فأجاب العوفي: «نعم، إذا اكتمل ممر التصدير».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "نعم، إذا اكتمل ممر التصدير") == ["OMN"]
    assert speaker_of(q, "نعم، إذا اكتمل ممر التصدير", "speaker_text") == ["العوفي"]


def test_a_verb_whose_colon_opens_the_next_quote_is_not_the_question_speaker():
    # "«…؟»، فقال العبادي: «…»": the question was the minister's before round 56
    actors = [("الأردني", "JOR", "country", "JOR")]
    text = ("امتحانات\n\nعمان - قال وزير التربية الأردني خالد العبادي إن الامتحان «سيعاد».\n\n"
            "وسألت صحفية أخرى: \"هل ستعتذر الوزارة للطلبة؟\"، فقال العبادي: \"أعتذر باسمي\".")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "هل ستعتذر الوزارة للطلبة؟", "speaker_text") == ["صحفية أخرى"]
    assert speaker_of(q, "أعتذر باسمي") == ["JOR"]


def test_the_answer_to_a_question_asked_of_a_pronoun_is_the_one_asked():
    # "وسألها صحفي …: «…؟»، فأجابت: «…»": the reporter was the speaker of the answer before round 56
    actors = [("الاتحاد الأوروبي", "EU", "bloc", "EU"), ("ليسوتو", "LSO", "country", "LSO")]
    text = ("بعثة المراقبة\n\nماسيرو (ليسوتو) - قالت رئيسة بعثة الاتحاد الأوروبي إيزابيل ماتوس إن الاقتراع «جرى بهدوء».\n\n"
            "وسألها صحفي من إذاعة محلية: «هل تعتبرون الانتخابات حرة؟»، فأجابت: «لا نستخدم هذه العبارة».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "لا نستخدم هذه العبارة") == ["EU"]


def test_a_tie_between_states_named_once_goes_to_the_state_whose_towns_the_text_names():
    # one Emirati company, one Bolivian comparison, one Tunisian adjective: the farmer of Tozeur
    # spoke for the Emirates (named first) before round 56
    actors = [("الإماراتية", "ARE", "country", "ARE"), ("البوليفية", "BOL", "country", "BOL"), ("التونسي", "TUN", "country", "TUN")]
    text = ("شط الجريد ليس بطاقة بريدية\n\nقدمت شركة إماراتية خطة لفنادق على ضفاف الشط قرب صفاقس، على غرار الملاحات البوليفية. "
            "وأنا أعرف الجنوب التونسي منذ طفولتي.\n\nويقول المزارع عمار الحامدي إن «الماء سيذهب إلى المسابح».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "الماء سيذهب إلى المسابح") == ["TUN"]


def test_an_arab_league_body_speaks_for_the_league():
    # the Arab States Broadcasting Union took the Lebanese dateline before round 56
    actors = [("لبنان", "LBN", "country", "LBN")]
    text = ("الإعلام العام\n\nبيروت (لبنان) - تدرس الحكومة إغلاق التلفزيون الرسمي.\n\n"
            "وقال اتحاد إذاعات الدول العربية في بيان إن القرار «يعمق تآكل الإعلام العام».")
    q = quotes_of(text, actors, chooser=False)
    assert speaker_of(q, "يعمق تآكل الإعلام العام") == ["ARAB_LEAGUE"]
