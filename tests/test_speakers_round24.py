"""Round 24 of issue 19: a sea or ocean whose name holds a state's nisba ("المحيطين الهندي
والهادئ", kind ``sea`` in speaker_places.csv) names no speaker's state."""
from __future__ import annotations

from arnews.speakers.lexicon import load_speaker_lexicon, words_in
from arnews.speakers.resolve import _countries_in


def _states(phrase: str) -> list[str]:
    ws = words_in(phrase, 0, len(phrase))
    return [c for _, c in _countries_in(ws, [], 0, len(phrase), load_speaker_lexicon(), ("institution", "outlet"))]


def test_the_indo_pacific_command_is_american_not_indian():
    assert _states("قيادة المحيطين الهندي والهادئ الأمريكية") == ["USA"]
    assert _states("مسؤول أمريكي في منطقة الهادئ والهندي") == ["USA"]


def test_a_states_own_nisba_still_counts():
    assert _states("وزير الخارجية الهندي") == ["IND"]
    assert _states("قائد البحرية الهندية في المحيط الهادئ") == ["IND"]


def test_the_secretary_generals_representative_speaks_for_the_un_not_the_host():
    from quote_fixtures import quotes_of

    text = 'من جانبه، قال الممثل الخاص للأمين العام في الصومال جيمس سوان إن الحكومة حققت «تقدما ملموسا».'
    q = quotes_of(text, [("الصومال", "SOM", "country", "SOM")], chooser=False)
    assert q["speaker_country"].tolist() == ["UN"]
    # a state's envoy in the same place keeps his state
    q = quotes_of('وقال الممثل الخاص للرئيس في الصومال إن الحكومة حققت «تقدما ملموسا».',
                  [("الصومال", "SOM", "country", "SOM")], chooser=False)
    assert q["speaker_country"].tolist() != ["UN"]
