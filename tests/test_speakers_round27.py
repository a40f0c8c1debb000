"""Round 27 of issue 19: a commissioner (indefinite "مفوض", "مفوضة") is a title; the لـ-complement
after his bloc is his portfolio, not another body named after the bloc ("مفوض الاتحاد الأفريقي
للتنمية الاقتصادية" speaks for the AU, "الاتحاد الأفريقي لكرة القدم" is still no bloc); only a
bloc has commissioners, so "مفوض أوروبي" is the EU where "دبلوماسي أوروبي" stays a region; "مجلس
التعاون" alone is the Gulf Cooperation Council."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of

from arnews.speakers.lexicon import words_in
from arnews.speakers.structure import renamed_bloc

AU = ("الاتحاد الأفريقي", "AU", "bloc", "AU")


def test_a_commissioners_portfolio_is_not_another_body():
    t = "مفوض الاتحاد الأفريقي للتنمية الاقتصادية"
    ws = words_in(t, 0, len(t))
    start, end = t.index("الاتحاد"), t.index(" للتنمية")
    assert not renamed_bloc(start, end, "bloc", ws)
    t2 = "رئيس الاتحاد الأفريقي لكرة القدم"
    ws2 = words_in(t2, 0, len(t2))
    assert renamed_bloc(t2.index("الاتحاد"), t2.index(" لكرة"), "bloc", ws2)


def test_an_au_commissioner_speaks_for_the_au():
    text = "وقال مفوض الاتحاد الأفريقي للبنية التحتية والطاقة إن الاتحاد «مستعد لاستضافة جولة جديدة»."
    assert speaker_of(quotes_of(text, [AU], chooser=False), "مستعد لاستضافة جولة جديدة") == ["AU"]


def test_an_indefinite_european_commissioner_is_the_eu_but_a_diplomat_is_not():
    said = ": «أنتم في موقع لا تحلم به أي دولة أخرى»."
    assert speaker_of(quotes_of("وقد قال لي مفوض أوروبي في بروكسل" + said, chooser=False),
                      "أنتم في موقع لا تحلم به أي دولة أخرى") == ["EU"]
    assert speaker_of(quotes_of("وقال دبلوماسي أوروبي في بروكسل" + said, chooser=False),
                      "أنتم في موقع لا تحلم به أي دولة أخرى") == [None]


def test_the_short_name_of_the_gulf_council():
    text = "وقال الأمين العام لمجلس التعاون إن القمة خرجت بـ«رؤية موحدة للأمن الإقليمي»."
    assert speaker_of(quotes_of(text, chooser=False), "رؤية موحدة للأمن الإقليمي") == ["GCC"]
