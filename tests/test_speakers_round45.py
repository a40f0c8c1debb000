"""Round 45 of issue 19 (developed on qt01–qt677): "الشركة" alone takes up the company its
earlier naming placed ("شركة «وودسايد» الأسترالية" … "قالت الشركة" → AUS, not the host state),
and a headline's speaker named by a quoted company takes the state its lead gives that company."""
from __future__ import annotations

from quote_fixtures import quotes_of, speaker_of

_ACTORS = [("السنغالية", "SEN", "country", "SEN"), ("الأسترالية", "AUS", "country", "AUS"), ("السنغال", "SEN", "country", "SEN"),
           ("داكار", "SEN", "country", "SEN"), ("مدغشقر", "MDG", "country", "MDG"), ("الصين", "CHN", "country", "CHN")]


def test_the_company_taken_up_alone_keeps_its_own_state_not_the_host():
    text = ("داكار (وكالات) - طالبت الحكومة السنغالية شركة «وودسايد» الأسترالية بإعادة التفاوض على العقد.\n\n"
            "وقال وزير الطاقة السنغالي إن الاتفاق «لم يعد يعكس الواقع».\n\n"
            "ومن جهتها، قالت الشركة في بيان نشرته على موقعها إنها «تحترم سيادة السنغال على مواردها».")
    q = quotes_of(text, _ACTORS, chooser=False)
    assert speaker_of(q, "لم يعد يعكس الواقع") == ["SEN"]
    assert speaker_of(q, "تحترم سيادة السنغال على مواردها") == ["AUS"]
    assert speaker_of(q, "تحترم سيادة السنغال على مواردها", "speaker_type") == ["company"]


def test_a_headline_speaker_named_by_a_quoted_company_takes_the_state_its_lead_gives():
    text = ("مديرة «موليو غرافيت»: مدغشقر «يمكن أن تكسر احتكار الصين للغرافيت»\n\n"
            "حاورت المنصة المديرة التنفيذية لشركة «موليو غرافيت» الأسترالية سارة ميتشل عن منجمها في مدغشقر.")
    q = quotes_of(text, _ACTORS, chooser=False)
    assert speaker_of(q, "يمكن أن تكسر احتكار الصين للغرافيت") == ["AUS"]
