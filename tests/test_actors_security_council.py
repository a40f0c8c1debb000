"""The UN Security Council named without "الدولي" (issue 15, round 49): "مجلس الأمن" is the
UN's council, but a national one keeps its own name ("مجلس الأمن القومي") and a body followed at
once by another country's nisba ("مجلس الأمن الروسي") is that country's, whose nisba still counts."""
from __future__ import annotations

import pandas as pd

from arnews.actors.mentions import find_mentions
from arnews.text import sentences_table, tokens_table


def _found(text: str) -> list:
    arts = pd.DataFrame({"article_id": ["a"], "clean_text": [text]})
    return find_mentions(tokens_table(sentences_table(arts)))[["surface", "actor_id"]].values.tolist()


def test_the_bare_security_council_is_the_un_s():
    # no mention before round 49: only "مجلس الأمن الدولي" was listed
    assert _found("وطالب مجلس الأمن روسيا بالانسحاب.") == [["مجلس الأمن", "UNSC"], ["روسيا", "RUS"]]


def test_a_national_security_council_is_not_the_un_s():
    assert _found("واجتمع مجلس الأمن القومي الأمريكي أمس.") == [["الأمريكي", "USA"]]
    assert _found("وقال أمين مجلس الأمن الروسي إن بلاده مستعدة.") == [["الروسي", "RUS"]]


def test_a_body_of_the_same_country_keeps_its_mention():
    assert _found("وقال الكرملين الروسي إن الباب مفتوح.") == [["الكرملين", "KREMLIN"], ["الروسي", "RUS"]]
